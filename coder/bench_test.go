package coder

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/petrarch"
)

// gigawordDocs reads the GigaWord sample sentences (text only) and repeats
// them to at least n one-sentence documents.
func gigawordDocs(tb testing.TB, n int) []egret.Document {
	f, err := os.Open(filepath.Join(sharedDir(tb), "petrarch", "GigaWord.sample.PETR.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	// nine records of the sample have an empty <Text> and are skipped
	recs, _, _, err := petrarch.ReadRecords(f, "GigaWord.sample.PETR.xml")
	if err != nil || len(recs) < 60 {
		tb.Fatalf("read %d records: %v", len(recs), err)
	}
	var docs []egret.Document
	for len(docs) < n {
		for _, r := range recs {
			d, _ := time.Parse("20060102", r.Date)
			docs = append(docs, egret.Document{ID: r.ID, Text: r.Text, Date: d})
		}
	}
	return docs
}

// BenchmarkCode codes >= 10,000 real news sentences from raw text with the
// full Phoenix dictionaries on one goroutine (go test -bench Code -cpu 1).
func BenchmarkCode(b *testing.B) {
	c := loadPhoenix(b)
	docs := gigawordDocs(b, 10000)
	ctx := context.Background()
	events := 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for k := range docs {
			evs, err := c.Code(ctx, &docs[k])
			if err != nil {
				b.Fatal(err)
			}
			events += len(evs)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		// wall-clock rates suffer when other processes share the cores
		b.ReportMetric(float64(len(docs)*b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// TestCodeConcurrent codes the same documents from several goroutines and
// checks every goroutine gets the same events (run with -race).
func TestCodeConcurrent(t *testing.T) {
	c := loadPhoenix(t)
	docs := gigawordDocs(t, 60)[:60]
	want := make([]int, len(docs))
	for k := range docs {
		evs, err := c.Code(context.Background(), &docs[k])
		if err != nil {
			t.Fatal(err)
		}
		want[k] = len(evs)
	}
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for k := range docs {
				evs, err := c.Code(context.Background(), &docs[k])
				if err == nil && len(evs) != want[k] {
					err = egret.Errorf(egret.EINTERNAL, "doc %d: %d events, want %d", k, len(evs), want[k])
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}
