package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret/internal/newstest"
	"github.com/egret-events/egret/sqlite"
)

// benchWatch is a watch over the rig's feeds into a fresh SQLite file,
// with the engine loaded once; round runs one round through the pipeline
// and returns the entries decided and the documents stored.
type benchWatch struct {
	b   *testing.B
	r   *newsRig
	eng *engine
	m   *Main
}

func newBenchWatch(b *testing.B, r *newsRig) *benchWatch {
	m, _, _ := testMain(nil)
	m.Clock = r.clock
	eng, err := m.loadEngine(engineFlags{})
	if err != nil {
		b.Fatal(err)
	}
	return &benchWatch{b: b, r: r, eng: eng, m: m}
}

func (bw *benchWatch) open(db string) (*sqlite.Store, *feedWatch) {
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		bw.b.Fatal(err)
	}
	fw, err := bw.m.newFeedWatch(feedFlags{feeds: bw.r.feeds, allowPrivate: true, timeout: 5 * time.Second, every: 15 * time.Minute}, bw.eng, st, nil)
	if err != nil {
		bw.b.Fatal(err)
	}
	return st, fw
}

// BenchmarkWatchRoundSQLite measures a first round over the fixture's
// good feeds (98 entries): fetch, extract, dedup, code and store into a
// real SQLite file, in articles (entries decided: stored, linked or
// skipped) and documents per second. Politeness delays pass at once on
// the manual clock; the dictionaries are loaded before the timer.
func BenchmarkWatchRoundSQLite(b *testing.B) {
	r := newNewsRig(b, false)
	bw := newBenchWatch(b, r)
	var articles, docs int
	var elapsed time.Duration
	for i := 0; b.Loop(); i++ {
		st, fw := bw.open(filepath.Join(b.TempDir(), fmt.Sprintf("egret-%d.db", i)))
		start := time.Now()
		rep, sum, err := fw.run(context.Background(), true)
		elapsed += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		t := rep.Totals()
		articles += t.New + t.Exact + t.Near + t.Skipped
		docs += int(sum.Written)
		fw.Close()
		st.Close()
	}
	b.ReportMetric(float64(articles)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(float64(docs)/elapsed.Seconds(), "docs/s")
}

// BenchmarkWatch500FeedsSQLite measures the memory of watching 500 feeds
// (two articles each, 1,000 pages) into a real SQLite file through the
// whole pipeline: the Go heap held after the first round (watcher,
// fetcher, coder and store), what the round allocated, and what the
// second round, where every feed answers 304, allocated; and the
// process's peak RSS.
func BenchmarkWatch500FeedsSQLite(b *testing.B) {
	site := newstest.Start(b)
	dir := b.TempDir()
	r := &newsRig{t: b, site: site, clock: newstest.NewClock(t0), feeds: filepath.Join(dir, "feeds.txt")}
	if err := os.WriteFile(r.feeds, []byte(strings.Join(site.ManyFeeds(500), "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	bw := newBenchWatch(b, r)
	for i := 0; b.Loop(); i++ {
		var st *sqlite.Store
		var fw *feedWatch
		newstest.MeasureManyFeeds(b, 500, r.clock, func() (newstest.Round, error) {
			if fw == nil {
				st, fw = bw.open(filepath.Join(dir, fmt.Sprintf("egret-%d.db", i)))
			}
			rep, _, err := fw.run(context.Background(), true)
			if err != nil {
				return newstest.Round{}, err
			}
			t := rep.Totals()
			return newstest.Round{Decided: t.New + t.Exact + t.Near, New: t.New, NotModified: fw.Counters().NotModified, FeedErr: t.Err}, nil
		})
		b.ReportMetric(peakRSSMB(), "peakRSS-MB")
		fw.Close()
		st.Close()
	}
}
