package newstest

import (
	"runtime"
	"testing"
	"time"
)

// Round is what MeasureManyFeeds needs to know of a poll round.
type Round struct {
	Decided     int   // articles stored or linked (new, exact and near)
	New         int   // new documents
	NotModified int64 // the watcher's 304 answers so far
	FeedErr     error // the feeds' failures
}

// MeasureManyFeeds reports the memory of watching the n feeds of
// ManyFeeds (two articles each): the heap held after the first round,
// what it allocated, and what the second round, an hour later on clock
// and answered 304 by every feed, allocated. round runs one round; its
// first call sets the watch up, which is measured too.
func MeasureManyFeeds(b *testing.B, n int, clock *Clock, round func() (Round, error)) {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r, err := round()
	if err != nil {
		b.Fatal(err)
	}
	if r.FeedErr != nil || r.Decided != 2*n {
		b.Fatalf("first round: %+v", r)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heapMiB-after-round")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "allocMiB-first-round")
	clock.Advance(time.Hour)
	runtime.ReadMemStats(&before)
	r, err = round()
	if err != nil || r.New != 0 || r.NotModified != int64(n) {
		b.Fatalf("second round: %v %+v", err, r)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "allocMiB-304-round")
}
