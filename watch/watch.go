// Package watch runs poll rounds over news feeds: fetch each due feed conditionally, fetch and extract its new articles, tell new, updated, repeated and near-duplicate articles apart, and hand new and updated documents to a sink before recording them.
package watch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/dedup"
	"github.com/egret-events/egret/extract"
	"github.com/egret-events/egret/fetch"
)

// Sink receives each new or updated document, and must have stored it
// (or queued it durably) when it returns nil: the watcher records the
// item as seen only then. A document with an ID seen before replaces it.
type Sink func(ctx context.Context, doc *egret.Document) error

// Config is what a Watcher needs; zero fields take the defaults in
// brackets.
type Config struct {
	Feeds     []egret.FeedSpec
	State     egret.FeedState    // required; must be safe for concurrent use
	Fetcher   *fetch.Client      // required
	Extractor *extract.Extractor // [extract.New with its defaults]
	Sink      Sink               // required
	Clock     fetch.Clock        // [fetch.SystemClock]; use the Fetcher's
	Logger    *slog.Logger       // [discard]

	Every         time.Duration // poll interval of feeds that set none [15m]
	FeedWorkers   int           // feeds fetched at once [4]
	Workers       int           // articles fetched and extracted at once [8]
	NearThreshold float64       // resemblance from which a text is a near-duplicate [dedup.NearThreshold]
	MaxAttempts   int           // rounds an article failing transiently is tried before it is skipped [3]
	MaxItems      int           // entries read from one feed per poll, first ones first [200]
	MaxBackoff    time.Duration // longest wait after failed polls of a feed [6h]
}

// Watcher polls feeds. Round is not meant to run twice at once.
type Watcher struct {
	cfg Config
	c   counters
}

// New checks cfg and returns a watcher.
func New(cfg Config) (*Watcher, error) {
	switch {
	case cfg.State == nil:
		return nil, egret.Errorf(egret.EINVALID, "watch: no feed state")
	case cfg.Fetcher == nil:
		return nil, egret.Errorf(egret.EINVALID, "watch: no fetcher")
	case cfg.Sink == nil:
		return nil, egret.Errorf(egret.EINVALID, "watch: no sink")
	}
	seen := map[string]bool{}
	for _, f := range cfg.Feeds {
		if seen[f.URL] {
			return nil, egret.Errorf(egret.EINVALID, "watch: feed %s listed twice", f.URL)
		}
		seen[f.URL] = true
	}
	if cfg.Extractor == nil {
		cfg.Extractor = extract.New(extract.Options{})
	}
	if cfg.Clock == nil {
		cfg.Clock = fetch.SystemClock{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Every <= 0 {
		cfg.Every = 15 * time.Minute
	}
	if cfg.FeedWorkers <= 0 {
		cfg.FeedWorkers = 4
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.NearThreshold <= 0 {
		cfg.NearThreshold = dedup.NearThreshold
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 3
	}
	if cfg.MaxItems <= 0 {
		cfg.MaxItems = 200
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 6 * time.Hour
	}
	return &Watcher{cfg: cfg}, nil
}

// Counters are a watcher's running totals, for /metrics.
type Counters struct {
	Rounds        int64 // rounds run
	Polls         int64 // feed fetches
	PollErrors    int64 // feed fetches or parses that failed
	NotModified   int64 // feeds answering 304
	Fetches       int64 // article fetches
	FetchErrors   int64 // article fetches that failed (after retries)
	Articles      int64 // new documents handed to the sink
	Updated       int64 // changed documents handed to the sink again
	Unchanged     int64 // re-fetched articles whose text had not changed
	Exact         int64 // exact repeats linked to their first copy
	Near          int64 // near-duplicates linked to their first copy
	Skipped       int64 // articles recorded as skipped (short, language, gone)
	Failed        int64 // articles left to retry
	SinkErrors    int64
	LagSeconds    int64 // publication to storage, of the last document stored
	LagSumSeconds int64 // sum of the lags of every document stored (mean = LagSumSeconds/(Articles+Updated))
}

type counters struct {
	rounds, polls, pollErrors, notModified, fetches, fetchErrors, articles, updated, unchanged,
	exact, near, skipped, failed, sinkErrors, lag, lagSum atomic.Int64
}

// Counters returns the totals so far.
func (w *Watcher) Counters() Counters {
	c := &w.c
	return Counters{c.rounds.Load(), c.polls.Load(), c.pollErrors.Load(), c.notModified.Load(), c.fetches.Load(),
		c.fetchErrors.Load(), c.articles.Load(), c.updated.Load(), c.unchanged.Load(), c.exact.Load(), c.near.Load(),
		c.skipped.Load(), c.failed.Load(), c.sinkErrors.Load(), c.lag.Load(), c.lagSum.Load()}
}

// FeedReport is what one poll of a feed did.
type FeedReport struct {
	URL         string
	Outlet      string
	NotModified bool
	Entries     int // entries in the feed (up to MaxItems)
	New         int // new documents stored
	Updated     int
	Unchanged   int
	Exact       int
	Near        int
	Skipped     int
	Failed      int
	Err         error // the feed's failure; nil if it was read
}

// Report is what a round did, one FeedReport per feed polled, in list
// order.
type Report struct {
	Started, Finished time.Time
	Feeds             []FeedReport
}

// Totals sums the feed reports.
func (r *Report) Totals() FeedReport {
	var t FeedReport
	for _, f := range r.Feeds {
		t.Entries += f.Entries
		t.New += f.New
		t.Updated += f.Updated
		t.Unchanged += f.Unchanged
		t.Exact += f.Exact
		t.Near += f.Near
		t.Skipped += f.Skipped
		t.Failed += f.Failed
		if f.Err != nil {
			t.Err = errors.Join(t.Err, f.Err)
		}
	}
	return t
}

// every is a feed's poll interval.
func (w *Watcher) every(f egret.FeedSpec) time.Duration {
	if f.Every > 0 {
		return f.Every
	}
	return w.cfg.Every
}

// feedHash fingerprints what a feed says about an entry: when it
// changes, the article is fetched again (conditionally).
func feedHash(it fetch.Item) string {
	h := sha256.New()
	for _, s := range []string{it.Title, it.Summary, it.Content, it.Published.UTC().Format(time.RFC3339), it.Updated.UTC().Format(time.RFC3339)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// isNotFound reports a state lookup that found nothing.
func isNotFound(err error) bool { return egret.ErrorCode(err) == egret.ENOTFOUND }

// Round polls every due feed once: fetches it conditionally, fetches and
// extracts the entries not seen (or changed), decides what each is, and
// hands new and updated documents to the sink before recording them. A
// feed's failure is recorded on the feed and never stops the others; an
// error is returned only when the state cannot be read or written, or ctx
// ends.
func (w *Watcher) Round(ctx context.Context) (*Report, error) {
	w.c.rounds.Add(1)
	rep := &Report{Started: w.cfg.Clock.Now()}
	polls, err := w.duePolls(ctx, rep.Started)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	fetching := w.startFetches(ctx, polls)
	err = w.processItems(ctx, polls)
	cancel()
	fetching.Wait()
	if err != nil {
		return nil, err
	}
	for _, p := range polls {
		rep.Feeds = append(rep.Feeds, p.report)
	}
	rep.Finished = w.cfg.Clock.Now()
	t := rep.Totals()
	w.cfg.Logger.Info("round done", "feeds", len(polls), "new", t.New, "updated", t.Updated, "exact", t.Exact, "near", t.Near,
		"skipped", t.Skipped, "failed", t.Failed, "took", rep.Finished.Sub(rep.Started))
	return rep, nil
}

// poll is one due feed in a round: its status, what the fetch gave, and
// the entries to process.
type poll struct {
	spec     egret.FeedSpec
	status   egret.FeedStatus
	now      time.Time
	fetched  chan struct{} // closed when the feed is fetched (or failed)
	resp     *fetch.Response
	work     []*job
	pending  int  // jobs not yet decided
	retrying bool // some entry failed transiently: keep the old validators
	report   FeedReport
}

// duePolls returns the feeds due at now, in list order.
func (w *Watcher) duePolls(ctx context.Context, now time.Time) ([]*poll, error) {
	var polls []*poll
	for _, spec := range w.cfg.Feeds {
		st, err := w.cfg.State.FeedStatus(ctx, spec.URL)
		if isNotFound(err) {
			st, err = egret.FeedStatus{URL: spec.URL, Outlet: spec.Outlet}, nil
		}
		if err != nil {
			return nil, fmt.Errorf("watch: feed state of %s: %w", spec.URL, err)
		}
		if st.NextDue.After(now) {
			continue
		}
		polls = append(polls, &poll{spec: spec, status: st, now: now, fetched: make(chan struct{}),
			report: FeedReport{URL: spec.URL, Outlet: spec.Outlet}})
	}
	return polls, nil
}

// startFetches fetches the feeds, FeedWorkers at a time, in list order,
// while their entries are processed: a slow feed holds up only itself.
func (w *Watcher) startFetches(ctx context.Context, polls []*poll) *sync.WaitGroup {
	var wg sync.WaitGroup
	sem := make(chan struct{}, w.cfg.FeedWorkers)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, p := range polls {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				p.report.Err = ctx.Err()
				close(p.fetched)
				continue
			}
			wg.Add(1)
			go func() {
				defer func() { <-sem; close(p.fetched); wg.Done() }()
				w.fetchFeed(ctx, p)
			}()
		}
	}()
	return &wg
}

// fetchFeed fetches and parses one feed; a failure is left in the report.
func (w *Watcher) fetchFeed(ctx context.Context, p *poll) {
	log := w.cfg.Logger.With("feed", p.spec.URL)
	w.c.polls.Add(1)
	resp, err := w.cfg.Fetcher.Get(ctx, fetch.Request{URL: p.spec.URL, ETag: p.status.ETag, LastModified: p.status.LastModified,
		Accept: "application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"})
	if err != nil {
		p.report.Err = err
		return
	}
	p.resp = resp
	if resp.NotModified {
		p.report.NotModified = true
		w.c.notModified.Add(1)
		log.Debug("feed not modified")
		return
	}
	feed, err := fetch.ParseFeed(resp.Body, resp.URL, p.spec.Kind)
	if err != nil {
		p.report.Err = err
		return
	}
	for _, prob := range feed.Problems {
		log.Warn("feed entry dropped", "problem", prob)
	}
	if p.report.Outlet == "" {
		p.report.Outlet = feed.Title
	}
	items := feed.Items
	if len(items) > w.cfg.MaxItems {
		items = items[:w.cfg.MaxItems]
	}
	p.report.Entries = len(items)
	for i := range items {
		p.work = append(p.work, &job{poll: p, item: items[i]})
	}
}

// listWork keeps the entries that need fetching: unseen, changed in the
// feed, or failed before and not given up. Entries are claimed in list
// order: a URL two feeds list (a feed and the site's sitemap) is fetched
// once, for the first.
func (w *Watcher) listWork(ctx context.Context, p *poll, claimed map[string]bool) error {
	var keep []*job
	for _, j := range p.work {
		u, err := dedup.CanonicalURL(j.item.Link)
		if err != nil {
			w.cfg.Logger.Warn("feed entry dropped", "feed", p.spec.URL, "url", j.item.Link, "err", err)
			continue
		}
		if claimed[u] {
			continue
		}
		claimed[u] = true
		j.url = u
		j.feedHash = feedHash(j.item)
		prev, err := w.cfg.State.Item(ctx, u)
		switch {
		case isNotFound(err):
		case err != nil:
			return fmt.Errorf("watch: item %s: %w", u, err)
		case prev.Kind == egret.ItemFailed:
			j.prev = &prev
		case prev.FeedHash == j.feedHash:
			continue // seen, and the feed says nothing new about it
		default:
			j.prev = &prev
		}
		keep = append(keep, j)
	}
	p.work = keep
	p.pending = len(keep)
	return nil
}

// finishFeed records a feed's status once all its entries are decided.
func (w *Watcher) finishFeed(ctx context.Context, p *poll) error {
	st := p.status
	st.URL = p.spec.URL
	if p.spec.Outlet != "" {
		st.Outlet = p.spec.Outlet
	} else if p.report.Outlet != "" {
		st.Outlet = p.report.Outlet
	}
	st.LastPoll = p.now
	log := w.cfg.Logger.With("feed", p.spec.URL, "outlet", st.Outlet)
	if err := p.report.Err; err != nil {
		w.c.pollErrors.Add(1)
		st.Failures++
		st.LastError = err.Error()
		backoff := w.every(p.spec) << min(st.Failures-1, 10)
		st.NextDue = p.now.Add(min(backoff, max(w.cfg.MaxBackoff, w.every(p.spec))))
		log.Warn("feed failed", "err", err, "failures", st.Failures, "next_due", st.NextDue)
	} else {
		st.LastSuccess = p.now
		st.LastError = ""
		st.Failures = 0
		st.NextDue = p.now.Add(w.every(p.spec))
		st.LastNew = p.report.New + p.report.Updated
		st.TotalItems += int64(p.report.New + p.report.Exact + p.report.Near + p.report.Skipped)
		// New validators only when every entry is settled: an entry left
		// to retry needs the full feed next time, not a 304.
		if !p.retrying && p.resp != nil {
			st.ETag, st.LastModified = p.resp.ETag, p.resp.LastModified
		}
		log.Info("feed polled", "not_modified", p.report.NotModified, "entries", p.report.Entries, "new", p.report.New,
			"updated", p.report.Updated, "exact", p.report.Exact, "near", p.report.Near, "skipped", p.report.Skipped, "failed", p.report.Failed)
	}
	if err := w.cfg.State.PutFeedStatus(ctx, st); err != nil {
		return fmt.Errorf("watch: record feed %s: %w", p.spec.URL, err)
	}
	return nil
}
