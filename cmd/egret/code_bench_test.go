package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/internal/testshared"
)

// gigawordInput writes the GigaWord sample's sentence records, repeated
// until there are at least n, as a JSON Lines file (one sentence a record).
func gigawordInput(b *testing.B, n int) (string, int) {
	src := testshared.Path(b, "petrarch/GigaWord.sample.PETR.xml")
	f, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*egret.Document
	rd := &docio.Reader{Name: src, Format: docio.FormatXML, Bad: func(r docio.BadRecord) {}}
	if err := rd.Read(f, func(d *egret.Document) error { docs = append(docs, d); return nil }); err != nil {
		b.Fatal(err)
	}
	if len(docs) == 0 {
		b.Fatalf("%s: no records", src)
	}
	out := filepath.Join(b.TempDir(), "giga.jsonl")
	w, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	enc := json.NewEncoder(w)
	k := 0
	for r := 0; k < n; r++ {
		for _, d := range docs {
			enc.Encode(map[string]string{"id": fmt.Sprintf("%s-%d", d.ID, r), "text": d.Text, "date": docio.FormatDate(d.Date)})
			k++
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return out, k
}

var summaryRate = regexp.MustCompile(`sentences (\d+),.* ([0-9.]+) sentences/s`)

// BenchmarkCodeCommand runs the whole `egret code --workers 1` pipeline
// (read, nlp, coder with the full Phoenix dictionaries, geolocation,
// writing) over ~10,000 GigaWord sentences. sentences/s is the command's
// own figure (coding from raw text to written events, dictionary load
// apart); sentences/cpu-s divides by the process CPU time of the run less
// that of a run over an empty input, so it holds on a busy machine (use
// -cpu 1 for one core).
func BenchmarkCodeCommand(b *testing.B) {
	dicts := testshared.Path(b, "petrarch/phoenix")
	in, _ := gigawordInput(b, 10000)
	empty := filepath.Join(b.TempDir(), "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	run := func(input string) string {
		m, _, errb := testMain(nil)
		m.Stdout = io.Discard
		if code := m.Run(context.Background(), []string{"code", "--workers", "1", "--dicts", dicts, input}); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
		return errb.String()
	}
	c0 := cpuTime()
	run(empty)
	loadCPU := cpuTime() - c0
	b.ReportAllocs()
	b.ResetTimer()
	var sents, rate float64
	var cpu float64
	for i := 0; i < b.N; i++ {
		c0 := cpuTime()
		sum := run(in)
		cpu += (cpuTime() - c0 - loadCPU).Seconds()
		m := summaryRate.FindStringSubmatch(sum)
		if m == nil {
			b.Fatalf("no summary: %q", sum)
		}
		n, _ := strconv.Atoi(m[1])
		r, _ := strconv.ParseFloat(m[2], 64)
		sents += float64(n)
		rate += r
	}
	b.ReportMetric(rate/float64(b.N), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(sents/cpu, "sentences/cpu-s")
	}
}
