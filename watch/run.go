package watch

import (
	"context"
	"fmt"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/dedup"
	"github.com/egret-events/egret/fetch"
)

// Run polls in rounds until ctx ends, sleeping between rounds until the
// next feed is due (at least MinPause, at most the default interval).
// A round's error is logged and the next round tried; only ctx ends Run,
// and its error is returned.
func (w *Watcher) Run(ctx context.Context) error {
	for {
		if _, err := w.Round(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			w.cfg.Logger.Error("round failed", "err", err)
		}
		wait, err := w.untilDue(ctx)
		if err != nil {
			w.cfg.Logger.Error("feed state", "err", err)
			wait = w.cfg.Every
		}
		if err := w.cfg.Clock.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// MinPause is the shortest pause between rounds.
const MinPause = 10 * time.Second

// untilDue returns how long until the earliest feed is due.
func (w *Watcher) untilDue(ctx context.Context) (time.Duration, error) {
	now := w.cfg.Clock.Now()
	wait := w.cfg.Every
	for _, f := range w.cfg.Feeds {
		st, err := w.cfg.State.FeedStatus(ctx, f.URL)
		if isNotFound(err) {
			return MinPause, nil
		}
		if err != nil {
			return 0, err
		}
		wait = min(wait, st.NextDue.Sub(now))
	}
	return max(wait, MinPause), nil
}

// Check is what one feed would give: for `egret feeds check`.
type Check struct {
	Spec    egret.FeedSpec
	Format  string // rss, atom, json, sitemap
	Title   string
	Entries int      // entries in the feed
	New     int      // entries whose URL the state has not seen
	Sample  []string // the first few entries' titles
	Err     error    // why the feed cannot be read
}

// Check fetches every feed once, unconditionally, and reports what a
// round would find, without fetching articles or writing the state.
func (w *Watcher) Check(ctx context.Context) []Check {
	out := make([]Check, len(w.cfg.Feeds))
	sem := make(chan struct{}, w.cfg.FeedWorkers)
	done := make(chan struct{})
	for i, spec := range w.cfg.Feeds {
		go func() {
			sem <- struct{}{}
			defer func() { <-sem; done <- struct{}{} }()
			out[i] = w.check(ctx, spec)
		}()
	}
	for range w.cfg.Feeds {
		<-done
	}
	return out
}

func (w *Watcher) check(ctx context.Context, spec egret.FeedSpec) Check {
	c := Check{Spec: spec}
	resp, err := w.cfg.Fetcher.Get(ctx, fetch.Request{URL: spec.URL})
	if err != nil {
		c.Err = err
		return c
	}
	feed, err := fetch.ParseFeed(resp.Body, resp.URL, spec.Kind)
	if err != nil {
		c.Err = err
		return c
	}
	c.Format, c.Title, c.Entries = feed.Format, feed.Title, len(feed.Items)
	for _, it := range feed.Items {
		if len(c.Sample) < 3 {
			c.Sample = append(c.Sample, it.Title)
		}
		u, err := dedup.CanonicalURL(it.Link)
		if err != nil {
			continue
		}
		if _, err := w.cfg.State.Item(ctx, u); isNotFound(err) {
			c.New++
		} else if err != nil {
			c.Err = fmt.Errorf("feed state: %w", err)
			return c
		}
	}
	return c
}
