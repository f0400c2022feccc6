package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/extract"
	"github.com/egret-events/egret/feedlist"
	"github.com/egret-events/egret/fetch"
	"github.com/egret-events/egret/nats"
	"github.com/egret-events/egret/pipeline"
	"github.com/egret-events/egret/watch"
)

// feedFlags are the options of every command that polls feeds.
type feedFlags struct {
	feeds        string
	allowPrivate bool
	timeout      time.Duration
	every        time.Duration
	fetchWorkers int
}

func (f *feedFlags) register(cmd *cobra.Command, every bool) {
	fl := cmd.Flags()
	fl.BoolVar(&f.allowPrivate, "allow-private", false, "fetch from loopback, private and link-local addresses (refused by default: a server fetching for users must not reach its own network)")
	fl.DurationVar(&f.timeout, "timeout", time.Minute, "longest time one fetch may take, body included")
	if every {
		fl.DurationVar(&f.every, "every", 15*time.Minute, "poll interval of feeds whose line sets none")
		fl.IntVar(&f.fetchWorkers, "fetch-workers", 8, "articles fetched and extracted at once")
	}
}

// clock is the time source of feed polling (tests inject a manual one).
func (m *Main) clock() fetch.Clock {
	if m.Clock != nil {
		return m.Clock
	}
	return fetch.SystemClock{}
}

// fetcher is the polite HTTP client of the feed commands.
func (m *Main) fetcher(f feedFlags) *fetch.Client {
	return fetch.New(fetch.Options{AllowPrivate: f.allowPrivate, Clock: m.clock(), Logger: m.Logger,
		Timeout: f.timeout, HeaderTimeout: min(20*time.Second, f.timeout), ConnectTimeout: min(10*time.Second, f.timeout)})
}

// feedWatch is a watcher wired to the pipeline: every new or updated
// article it finds is coded and stored (pipeline.Store) before the
// watcher records its item, so a crash repeats work and never loses it.
type feedWatch struct {
	w       *watch.Watcher
	fetch   *fetch.Client
	push    *pipeline.Push
	coder   pipeline.Coder
	sink    pipeline.Sink
	logger  *slog.Logger
	counter pipeline.Counter
}

// newFeedWatch reads the feeds list and builds the watcher over st,
// which must keep feed state (the sqlite and postgres stores do). With a
// queue, articles are checked and queued (workers code and store them)
// instead of coded by eng into st.
func (m *Main) newFeedWatch(f feedFlags, eng egret.Coder, st egret.Store, queue pipeline.Sink) (*feedWatch, error) {
	list, err := feedlist.ReadFile(f.feeds)
	if err != nil {
		return nil, err
	}
	state, ok := st.(egret.FeedState)
	if !ok {
		return nil, egret.Errorf(egret.EINVALID, "--db: this store keeps no feed state")
	}
	clock := m.clock()
	fw := &feedWatch{fetch: m.fetcher(f), push: &pipeline.Push{}, coder: pipeline.Check, sink: queue, logger: m.Logger}
	if queue == nil {
		fw.coder, fw.sink = pipeline.Code(eng, nil), pipeline.Store(st)
	}
	fw.w, err = watch.New(watch.Config{Feeds: list.Specs(), State: state, Fetcher: fw.fetch, Sink: fw.push.Put, Clock: clock,
		Logger: m.Logger, Extractor: extract.New(extract.Options{Now: clock.Now}), Every: f.every, Workers: f.fetchWorkers})
	if err != nil {
		fw.fetch.Close()
		return nil, err
	}
	return fw, nil
}

// run runs rounds through the pipeline: one (returning its report) when
// once, else until ctx ends. A document the store fails to take fails
// only its item, which the next round tries again.
func (fw *feedWatch) run(ctx context.Context, once bool) (*watch.Report, pipeline.Summary, error) {
	var rep *watch.Report
	fw.push.Producer = func(ctx context.Context) error {
		if !once {
			return fw.w.Run(ctx)
		}
		var err error
		rep, err = fw.w.Round(ctx)
		return err
	}
	sum, err := pipeline.Run(ctx, pipeline.Config{Source: fw.push, Coder: fw.coder, Sink: fw.sink, Workers: 1,
		Resilient: true, Counter: &fw.counter, Report: func(rec *pipeline.Record) {
			fw.logger.Warn("document not stored", "url", rec.Origin, "doc_id", rec.Doc.ID, "err", rec.Err)
		}})
	return rep, sum, err
}

// Counters, FetchStats and Pipeline are the watch's totals for /metrics
// (egrethttp.WatchStats).
func (fw *feedWatch) Counters() watch.Counters   { return fw.w.Counters() }
func (fw *feedWatch) FetchStats() fetch.Stats    { return fw.fetch.Stats() }
func (fw *feedWatch) Pipeline() pipeline.Summary { return fw.counter.Summary() }

// Close releases the fetcher's connections.
func (fw *feedWatch) Close() { fw.fetch.Close() }

type watchFlags struct {
	engineFlags
	feedFlags
	queueFlags
	db   string
	once bool
}

// newWatchCmd is `egret watch`: keep a store current from news feeds.
func newWatchCmd(m *Main) *cobra.Command {
	var f watchFlags
	cmd := &cobra.Command{
		Use:   "watch --feeds FILE --db DB",
		Short: "Poll news feeds, fetch, extract, deduplicate, code and store their articles",
		Long: `Poll the feeds of a feeds list (one URL a line with outlet=, every=, lang=,
kind= options) and keep --db current: new articles are fetched, their
text extracted, exact and near-duplicates linked to their first copy,
and the rest coded and stored. Edited articles replace their events.

The feed state (validators, items seen, duplicate links) lives in the
store, so a restart resumes without refetching or recoding anything, and
an article is recorded only after its document was stored. Runs until
stopped; --once polls every due feed once, for cron.

With --nats, articles are queued on NATS JetStream (recorded once the
queue holds them) for egret worker processes to code and store; --db
then keeps only the feed state, and no dictionaries are loaded.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return m.runWatch(cmd.Context(), f) },
	}
	f.engineFlags.register(cmd)
	f.feedFlags.register(cmd, true)
	fl := cmd.Flags()
	f.queueFlags.register(cmd, "queue articles on this NATS server for egret worker processes instead of coding them here")
	fl.StringVar(&f.feeds, "feeds", "", "feeds list (required)")
	fl.StringVar(&f.db, "db", "egret.db", "SQLite file or postgres:// DSN")
	fl.BoolVar(&f.once, "once", false, "poll once and exit")
	cmd.MarkFlagRequired("feeds")
	return cmd
}

func (m *Main) runWatch(ctx context.Context, f watchFlags) error {
	if _, err := feedlist.ReadFile(f.feeds); err != nil {
		return err // before loading anything
	}
	var eng egret.Coder
	var st egret.Store
	var queue pipeline.Sink
	var err error
	if f.nats != "" {
		if st, err = m.openStore(ctx, f.db); err != nil {
			return err
		}
		conn, err := m.connect(ctx, f.queueFlags, "egret watch", nats.Config{}, false)
		if err != nil {
			st.Close()
			return err
		}
		defer conn.Close()
		queue = conn.Publisher()
	} else {
		e, s, err := m.engineStore(ctx, f.engineFlags, f.db)
		if err != nil {
			return err
		}
		eng, st = e, s
	}
	defer st.Close()
	fw, err := m.newFeedWatch(f.feedFlags, eng, st, queue)
	if err != nil {
		return err
	}
	defer fw.Close()
	m.Logger.Info("watching", "feeds", f.feeds, "store", storeKind(f.db), "once", f.once)
	rep, sum, err := fw.run(ctx, f.once)
	if !f.once {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return nil // stopped by a signal: a clean end
		}
		return err
	}
	if err != nil {
		return err
	}
	t := rep.Totals()
	failed := 0
	for _, fr := range rep.Feeds {
		if fr.Err != nil {
			failed++
			fmt.Fprintf(m.Stderr, "egret: feed %s: %v\n", fr.URL, fr.Err)
		}
	}
	fmt.Fprintf(m.Stderr, "feeds %d polled, %d failed; articles %d new, %d updated, %d unchanged, %d exact and %d near duplicates, %d skipped, %d to retry; stored %d documents, %d events; time %s\n",
		len(rep.Feeds), failed, t.New, t.Updated, t.Unchanged, t.Exact, t.Near, t.Skipped, t.Failed, sum.Written, sum.Events,
		rep.Finished.Sub(rep.Started).Round(time.Millisecond))
	return nil
}

// newFeedsCmd is `egret feeds`: feeds list tools.
func newFeedsCmd(m *Main) *cobra.Command {
	cmd := &cobra.Command{Use: "feeds", Short: "Check feeds lists"}
	var f feedFlags
	var db string
	check := &cobra.Command{
		Use:   "check FILE",
		Short: "Fetch each feed of a feeds list once and report what a round would find",
		Long: `Fetch every feed of the list once, unconditionally, and report its format,
title, entries and how many of them are new (not seen by --db, when
given; every entry otherwise). Fetches no article and writes nothing.
The exit status is 1 when a feed cannot be read.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f.feeds = args[0]
			return m.runFeedsCheck(cmd.Context(), f, db)
		},
	}
	f.register(check, false)
	check.Flags().StringVar(&db, "db", "", "store whose feed state says which entries are new (default: none)")
	cmd.AddCommand(check)
	return cmd
}

func (m *Main) runFeedsCheck(ctx context.Context, f feedFlags, db string) error {
	list, err := feedlist.ReadFile(f.feeds)
	if err != nil {
		return err
	}
	var state egret.FeedState = noState{}
	if db != "" {
		st, err := m.openStore(ctx, db)
		if err != nil {
			return err
		}
		defer st.Close()
		s, ok := st.(egret.FeedState)
		if !ok {
			return egret.Errorf(egret.EINVALID, "--db: this store keeps no feed state")
		}
		state = s
	}
	fc := m.fetcher(f)
	defer fc.Close()
	w, err := watch.New(watch.Config{Feeds: list.Specs(), State: state, Fetcher: fc, Clock: m.clock(), Logger: m.Logger,
		Sink: func(context.Context, *egret.Document) error { return errors.New("feeds check stores nothing") }})
	if err != nil {
		return err
	}
	failed := 0
	for _, c := range w.Check(ctx) {
		if c.Err != nil {
			failed++
			fmt.Fprintf(m.Stdout, "FAIL %s\n     %v\n", c.Spec.URL, c.Err)
			continue
		}
		fmt.Fprintf(m.Stdout, "ok   %s\n     %s %q: %d entries, %d new", c.Spec.URL, c.Format, c.Title, c.Entries, c.New)
		if len(c.Sample) > 0 {
			fmt.Fprintf(m.Stdout, "; first: %s", strings.Join(quoteAll(c.Sample), ", "))
		}
		fmt.Fprintln(m.Stdout)
	}
	if failed > 0 {
		return egret.Errorf(egret.EINVALID, "%d of %d feeds cannot be read", failed, len(list.Feeds))
	}
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// noState is the feed state of a check without --db: nothing was seen,
// and nothing may be written.
type noState struct{}

func (noState) notFound(what string) error {
	return egret.Errorf(egret.ENOTFOUND, "%s: no state", what)
}
func (s noState) FeedStatus(_ context.Context, url string) (egret.FeedStatus, error) {
	return egret.FeedStatus{}, s.notFound(url)
}
func (noState) PutFeedStatus(context.Context, egret.FeedStatus) error {
	return errors.New("feeds check writes no state")
}
func (noState) FeedStatuses(context.Context) ([]egret.FeedStatus, error) { return nil, nil }
func (s noState) Item(_ context.Context, url string) (egret.FeedItem, error) {
	return egret.FeedItem{}, s.notFound(url)
}
func (s noState) OriginalByHash(_ context.Context, h string) (egret.FeedItem, error) {
	return egret.FeedItem{}, s.notFound(h)
}
func (s noState) OriginalByPage(_ context.Context, u string) (egret.FeedItem, error) {
	return egret.FeedItem{}, s.notFound(u)
}
func (noState) SimilarOriginals(context.Context, []uint64) ([]egret.FeedItem, error) { return nil, nil }
func (noState) PutItem(context.Context, egret.FeedItem) error {
	return errors.New("feeds check writes no state")
}
func (noState) ItemsForDoc(context.Context, string) ([]egret.FeedItem, error) { return nil, nil }
