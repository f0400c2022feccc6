package coder

import (
	"context"
	"testing"

	"github.com/egret-events/egret/internal/testshared"
)

// BenchmarkCodePhoenixVOA codes the VOA stories (long sentences, with
// document context) with the full Phoenix dictionaries from raw text: the
// case where a cost growing with dictionary size shows (go test -bench
// PhoenixVOA -cpu 1).
func BenchmarkCodePhoenixVOA(b *testing.B) {
	c := loadPhoenix(b)
	docs := testshared.VOAStories(b)
	ctx := context.Background()
	sents := 0
	for _, d := range docs {
		_, n, err := c.CodeCount(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		sents += n
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := c.Code(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sents*b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(sents*b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}
