package watch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/extract"
	"github.com/egret-events/egret/feedlist"
	"github.com/egret-events/egret/feedstatetest"
	"github.com/egret-events/egret/fetch"
	"github.com/egret-events/egret/internal/newstest"
	"github.com/egret-events/egret/watch"
)

var t0 = time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC)

// TestContract runs the FeedState contract, poll rounds included, on the
// in-memory test double.
func TestContract(t *testing.T) {
	feedstatetest.Run(t, func(*testing.T) egret.FeedState { return newMemState() })
}

func TestNewChecksConfig(t *testing.T) {
	c := fetch.New(fetch.Options{})
	sink := func(context.Context, *egret.Document) error { return nil }
	for _, tc := range []struct {
		cfg  watch.Config
		want string
	}{
		{watch.Config{Fetcher: c, Sink: sink}, "no feed state"},
		{watch.Config{State: newMemState(), Sink: sink}, "no fetcher"},
		{watch.Config{State: newMemState(), Fetcher: c}, "no sink"},
		{watch.Config{State: newMemState(), Fetcher: c, Sink: sink, Feeds: []egret.FeedSpec{{URL: "https://a.example/f"}, {URL: "https://a.example/f"}}}, "listed twice"},
	} {
		if _, err := watch.New(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) || egret.ErrorCode(err) != egret.EINVALID {
			t.Errorf("%+v: %v, want %q", tc.cfg, err, tc.want)
		}
	}
}

// stopClock is a manual clock that cancels the run after n pauses.
type stopClock struct {
	*newstest.Clock
	mu     sync.Mutex
	n      int
	pauses []time.Duration
	cancel func()
}

func (c *stopClock) Sleep(ctx context.Context, d time.Duration) error {
	if d >= watch.MinPause {
		c.mu.Lock()
		c.pauses = append(c.pauses, d)
		if len(c.pauses) == c.n {
			c.cancel()
		}
		c.mu.Unlock()
	}
	return c.Clock.Sleep(ctx, d)
}

func TestRunAndLogs(t *testing.T) {
	site := newstest.Start(t)
	ctx, cancel := context.WithCancel(context.Background())
	clock := &stopClock{Clock: newstest.NewClock(t0), n: 2, cancel: cancel}
	var logs bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(&lockedWriter{&logs, &mu}, &slog.HandlerOptions{Level: slog.LevelInfo}))
	fc := fetch.New(fetch.Options{AllowPrivate: true, Clock: clock, Logger: logger})
	defer fc.Close()
	var stored int
	w, err := watch.New(watch.Config{
		Feeds: []egret.FeedSpec{{URL: site.C.URL + "/index.rdf", Every: 20 * time.Minute}, {URL: site.X.URL + "/feeds/missing.xml"}},
		State: newMemState(),
		Sink:  func(context.Context, *egret.Document) error { stored++; return nil },
		Clock: clock, Fetcher: fc, Logger: logger, Every: time.Hour,
		Extractor: extract.New(extract.Options{Now: clock.Now}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Run(ctx); err != context.Canceled {
		t.Fatalf("Run returned %v", err)
	}
	// After each round the watcher sleeps until the next feed is due: the
	// RDF feed every 20 minutes from the round's start (the round itself
	// took some of them, in host delays on the manual clock).
	if len(clock.pauses) != 2 || clock.pauses[0] > 20*time.Minute || clock.pauses[0] < 19*time.Minute {
		t.Errorf("pauses %v", clock.pauses)
	}
	c := w.Counters()
	if c.Rounds != 2 || c.Articles != 15 || stored != 15 || c.PollErrors != 1 || c.NotModified != 1 {
		t.Errorf("counters %+v", c)
	}
	// Structured logs with the stable keys.
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		msg, _ := rec["msg"].(string)
		seen[msg] = true
		switch msg {
		case "document stored":
			for _, k := range []string{"feed", "url", "doc_id", "title", "date"} {
				if rec[k] == nil {
					t.Errorf("%q without %q: %s", msg, k, line)
				}
			}
		case "feed failed":
			if rec["feed"] == nil || !strings.Contains(fmt.Sprint(rec["err"]), "HTTP 404") || rec["failures"] == nil {
				t.Errorf("feed failed: %s", line)
			}
		}
	}
	for _, m := range []string{"document stored", "feed failed", "feed polled", "round done"} {
		if !seen[m] {
			t.Errorf("no %q log", m)
		}
	}
}

type lockedWriter struct {
	b  *bytes.Buffer
	mu *sync.Mutex
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// BenchmarkRound measures a first round over the fixture's good feeds:
// fetch, extract, dedup and record, into the in-memory state, in
// articles per second (every entry decided: stored, linked or skipped).
func BenchmarkRound(b *testing.B) {
	site := newstest.Start(b)
	list, err := feedlist.Parse("fixture", []byte(strings.Join(site.FeedURLs(), "\n")))
	if err != nil {
		b.Fatal(err)
	}
	var articles int
	b.ResetTimer()
	for b.Loop() {
		clock := newstest.NewClock(t0)
		fc := fetch.New(fetch.Options{AllowPrivate: true, Clock: clock})
		w, err := watch.New(watch.Config{Feeds: list.Specs(), State: newMemState(), Fetcher: fc, Clock: clock,
			Sink:      func(context.Context, *egret.Document) error { return nil },
			Extractor: extract.New(extract.Options{Now: clock.Now})})
		if err != nil {
			b.Fatal(err)
		}
		rep, err := w.Round(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		t := rep.Totals()
		articles += t.New + t.Exact + t.Near + t.Skipped
		fc.Close()
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkRound500Feeds measures the memory of watching 500 feeds (two
// articles each, 1,000 pages): the heap held after the first round by the
// watcher, its fetcher and the in-memory state, and the second round,
// where every feed answers 304.
func BenchmarkRound500Feeds(b *testing.B) {
	site := newstest.Start(b)
	var specs []egret.FeedSpec
	for _, u := range site.ManyFeeds(500) {
		specs = append(specs, egret.FeedSpec{URL: u})
	}
	for b.Loop() {
		clock := newstest.NewClock(t0)
		fc := fetch.New(fetch.Options{AllowPrivate: true, Clock: clock})
		var w *watch.Watcher
		newstest.MeasureManyFeeds(b, 500, clock, func() (newstest.Round, error) {
			if w == nil {
				var err error
				w, err = watch.New(watch.Config{Feeds: specs, State: newMemState(), Fetcher: fc, Clock: clock,
					Sink:      func(context.Context, *egret.Document) error { return nil },
					Extractor: extract.New(extract.Options{Now: clock.Now, NoFallback: true})})
				if err != nil {
					return newstest.Round{}, err
				}
			}
			rep, err := w.Round(context.Background())
			if err != nil {
				return newstest.Round{}, err
			}
			return roundOf(rep, w.Counters()), nil
		})
		fc.Close()
	}
}

// roundOf sums a round up for newstest.MeasureManyFeeds.
func roundOf(rep *watch.Report, c watch.Counters) newstest.Round {
	t := rep.Totals()
	return newstest.Round{Decided: t.New + t.Exact + t.Near, New: t.New, NotModified: c.NotModified, FeedErr: t.Err}
}
