package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/egret-events/egret/postgres/pgtest"
)

// voaRounds copies of the corpus make one benchmark input, so the
// dictionary load (~0.5 s) does not dominate.
const voaRounds = 20

// voaCorpus writes ../shared/corpus/voa_stories.jsonl voaRounds times,
// with fresh ids each time, to a temporary file (89 stories a round).
func voaCorpus(b *testing.B) string {
	docs := voaDocs(b)
	out := filepath.Join(b.TempDir(), "voa.jsonl")
	w, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	enc := json.NewEncoder(w)
	for r := 0; r < voaRounds; r++ {
		for _, d := range docs {
			c := maps.Clone(d)
			c["id"] = fmt.Sprintf("%s-%d", d["id"], r)
			enc.Encode(c)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return out
}

// benchRun runs one egret command line b.N times and reports documents/s
// (89 × voaRounds stories a run, dictionary load included).
func benchRun(b *testing.B, args func(i int) []string) {
	b.ReportAllocs()
	t0 := time.Now()
	for i := 0; i < b.N; i++ {
		m, _, errb := testMain(nil)
		m.Stdout = io.Discard
		if code := m.Run(context.Background(), args(i)); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	b.ReportMetric(float64(89*voaRounds*b.N)/time.Since(t0).Seconds(), "docs/s")
}

// BenchmarkCodeVOA is the coding-only baseline for BenchmarkIngestVOA*.
func BenchmarkCodeVOA(b *testing.B) {
	in := voaCorpus(b)
	benchRun(b, func(int) []string { return []string{"code", "-q", in} })
}

// BenchmarkIngestVOASQLite codes and stores the corpus; every round after
// the first replaces the stored documents.
func BenchmarkIngestVOASQLite(b *testing.B) {
	in := voaCorpus(b)
	db := filepath.Join(b.TempDir(), "egret.db")
	benchRun(b, func(int) []string { return []string{"ingest", "-q", in, "--db", db} })
}

// BenchmarkIngestVOAPostgres is the same into a throwaway PostgreSQL.
func BenchmarkIngestVOAPostgres(b *testing.B) {
	in := voaCorpus(b)
	dsn := pgtest.Start(b).NewDatabase(b)
	benchRun(b, func(int) []string { return []string{"ingest", "-q", in, "--db", dsn} })
}
