package newstest

import (
	"runtime"
	"testing"
	"time"

	"github.com/egret-events/egret/watch"
)

// MeasureManyFeeds reports the memory of watching the n feeds of
// ManyFeeds (two articles each): the heap held after the first round,
// what it allocated, and what the second round, an hour later on clock
// and answered 304 by every feed, allocated. round runs one round and
// returns its report and the watcher's counters; its first call sets the
// watch up, which is measured too.
func MeasureManyFeeds(b *testing.B, n int, clock *Clock, round func() (*watch.Report, watch.Counters, error)) {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	rep, _, err := round()
	if err != nil {
		b.Fatal(err)
	}
	if tot := rep.Totals(); tot.Err != nil || tot.New+tot.Exact+tot.Near != 2*n {
		b.Fatalf("first round: %+v", tot)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heapMiB-after-round")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "allocMiB-first-round")
	clock.Advance(time.Hour)
	runtime.ReadMemStats(&before)
	rep, c, err := round()
	if err != nil || rep.Totals().New != 0 || c.NotModified != int64(n) {
		b.Fatalf("second round: %v %+v", err, c)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "allocMiB-304-round")
}
