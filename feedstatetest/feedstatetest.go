// Package feedstatetest is the contract every egret.FeedState must pass: the state calls themselves, and whole poll rounds against the loopback news fixture, run the same on the in-memory double and on the real stores.
package feedstatetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/dedup"
	"github.com/egret-events/egret/extract"
	"github.com/egret-events/egret/feedlist"
	"github.com/egret-events/egret/fetch"
	"github.com/egret-events/egret/internal/newstest"
	"github.com/egret-events/egret/watch"
)

// Open returns an empty state for one test; the test's cleanup closes it.
type Open func(t *testing.T) egret.FeedState

// Run runs the whole contract: the state calls, then poll rounds.
func Run(t *testing.T, open Open) {
	t.Run("State", func(t *testing.T) { State(t, open) })
	t.Run("Rounds", func(t *testing.T) { Rounds(t, open) })
}

var t0 = time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC)

// sameTime compares times as stores keep them (microseconds).
func sameTime(a, b time.Time) bool {
	return a.Truncate(time.Microsecond).Equal(b.Truncate(time.Microsecond))
}

func notFound(t *testing.T, what string, err error) {
	t.Helper()
	if egret.ErrorCode(err) != egret.ENOTFOUND {
		t.Errorf("%s: got %v, want a not_found error", what, err)
	}
}

func item(url, kind, doc, text string, seen time.Time) egret.FeedItem {
	it := egret.FeedItem{URL: url, PageURL: url, Feed: "https://feeds.example/rss", Outlet: "Example", Kind: kind, DocID: doc,
		Similarity: 1, Title: "T " + url, FeedHash: "fh", ETag: `"e1"`, LastModified: "Sat, 15 Mar 2025 12:00:00 GMT",
		Published: seen.Add(-time.Hour), FirstSeen: seen, LastSeen: seen}
	if text != "" {
		sig := dedup.Sign(text)
		it.ContentHash, it.MinHash, it.Bands = dedup.ContentHash(text), sig, sig.BandKeys()
	}
	return it
}

func checkItem(t *testing.T, got, want egret.FeedItem) {
	t.Helper()
	g, w := got, want
	for _, p := range []*egret.FeedItem{&g, &w} {
		p.Published, p.FirstSeen, p.LastSeen = time.Time{}, time.Time{}, time.Time{}
		if len(p.MinHash) == 0 {
			p.MinHash = nil
		}
		if len(p.Bands) == 0 {
			p.Bands = nil
		}
	}
	if !reflect.DeepEqual(g, w) || !sameTime(got.Published, want.Published) || !sameTime(got.FirstSeen, want.FirstSeen) || !sameTime(got.LastSeen, want.LastSeen) {
		t.Errorf("item %s:\n got  %+v\n want %+v", want.URL, got, want)
	}
}

// State checks each FeedState call.
func State(t *testing.T, open Open) {
	ctx := context.Background()
	t.Run("feeds", func(t *testing.T) {
		s := open(t)
		_, err := s.FeedStatus(ctx, "https://a.example/rss")
		notFound(t, "unknown feed", err)
		st := egret.FeedStatus{URL: "https://b.example/rss", Outlet: "B", ETag: `W/"x"`, LastModified: "Sat, 15 Mar 2025 12:00:00 GMT",
			LastPoll: t0, LastSuccess: t0.Add(-time.Hour), LastError: "GET x: HTTP 500", Failures: 2, NextDue: t0.Add(30 * time.Minute),
			LastNew: 3, TotalItems: 41}
		if err := s.PutFeedStatus(ctx, st); err != nil {
			t.Fatal(err)
		}
		if err := s.PutFeedStatus(ctx, egret.FeedStatus{URL: "https://a.example/rss", NextDue: t0}); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedStatus(ctx, st.URL)
		if err != nil || !sameTime(got.LastPoll, st.LastPoll) || !sameTime(got.NextDue, st.NextDue) || !sameTime(got.LastSuccess, st.LastSuccess) {
			t.Fatalf("%v %+v", err, got)
		}
		got.LastPoll, got.LastSuccess, got.NextDue = st.LastPoll, st.LastSuccess, st.NextDue
		if !reflect.DeepEqual(got, st) {
			t.Errorf("got %+v\nwant %+v", got, st)
		}
		st.Failures, st.LastError = 0, ""
		if err := s.PutFeedStatus(ctx, st); err != nil {
			t.Fatal(err)
		}
		all, err := s.FeedStatuses(ctx)
		if err != nil || len(all) != 2 || all[0].URL != "https://a.example/rss" || all[1].Failures != 0 || all[1].LastError != "" {
			t.Errorf("FeedStatuses: %v %+v", err, all)
		}
	})
	t.Run("items", func(t *testing.T) {
		s := open(t)
		_, err := s.Item(ctx, "https://a.example/1")
		notFound(t, "unknown item", err)
		textA := strings.Repeat("Officials in the capital said on Monday that talks on the ceasefire would resume next week. ", 5)
		a := item("https://a.example/1", egret.ItemOriginal, "web-a", textA, t0)
		b := item("https://b.example/1", egret.ItemNear, "web-a", textA+" Reuters contributed to this report.", t0.Add(time.Minute))
		b.Similarity = 0.9
		c := item("https://c.example/1", egret.ItemExact, "web-a", textA, t0.Add(2*time.Minute))
		c.PageURL = "https://c.example/page/1"
		d := item("https://d.example/1", egret.ItemSkipped, "", "", t0)
		d.SkipReason = "too_short: 12 words, fewer than 80"
		f := item("https://d.example/2", egret.ItemFailed, "", "", t0)
		f.Attempts, f.SkipReason = 2, "GET https://d.example/2: timeout"
		for _, it := range []egret.FeedItem{c, b, a, d, f} {
			if err := s.PutItem(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		for _, want := range []egret.FeedItem{a, b, c, d, f} {
			got, err := s.Item(ctx, want.URL)
			if err != nil {
				t.Fatal(err)
			}
			checkItem(t, got, want)
		}
		// Originals by hash and by page: copies with the same hash do not answer.
		got, err := s.OriginalByHash(ctx, a.ContentHash)
		if err != nil || got.URL != a.URL {
			t.Errorf("OriginalByHash: %v %s", err, got.URL)
		}
		_, err = s.OriginalByHash(ctx, dedup.ContentHash("something else"))
		notFound(t, "OriginalByHash of an unknown text", err)
		got, err = s.OriginalByPage(ctx, a.PageURL)
		if err != nil || got.URL != a.URL {
			t.Errorf("OriginalByPage: %v %s", err, got.URL)
		}
		_, err = s.OriginalByPage(ctx, c.PageURL)
		notFound(t, "OriginalByPage of a copy's page", err)
		// Similar originals: by any shared band, originals only.
		sim, err := s.SimilarOriginals(ctx, b.Bands)
		if err != nil || len(sim) != 1 || sim[0].URL != a.URL || !reflect.DeepEqual(sim[0].MinHash, a.MinHash) {
			t.Errorf("SimilarOriginals: %v %+v", err, sim)
		}
		one := append([]uint64{12345}, a.Bands[len(a.Bands)-1])
		if sim, err := s.SimilarOriginals(ctx, one); err != nil || len(sim) != 1 {
			t.Errorf("SimilarOriginals by one band: %v %d", err, len(sim))
		}
		if sim, err := s.SimilarOriginals(ctx, dedup.Sign("an unrelated text about the weather in the mountains this weekend").BandKeys()); err != nil || len(sim) != 0 {
			t.Errorf("SimilarOriginals of an unrelated text: %v %+v", err, sim)
		}
		if sim, err := s.SimilarOriginals(ctx, nil); err != nil || len(sim) != 0 {
			t.Errorf("SimilarOriginals(nil): %v %+v", err, sim)
		}
		// Provenance: the original first, then copies as first seen.
		prov, err := s.ItemsForDoc(ctx, "web-a")
		var urls []string
		for _, p := range prov {
			urls = append(urls, p.URL)
		}
		if err != nil || !reflect.DeepEqual(urls, []string{a.URL, b.URL, c.URL}) {
			t.Errorf("ItemsForDoc: %v %v", err, urls)
		}
		// Replacing an item: a near-duplicate becomes its own original
		// with a new text; the old hash and bands no longer answer for it.
		b2 := item(b.URL, egret.ItemOriginal, "web-b", "A different story entirely, about harvests and rainfall in the south of the country this year.", t0.Add(time.Minute))
		if err := s.PutItem(ctx, b2); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Item(ctx, b.URL)
		checkItem(t, got, b2)
		if prov, _ := s.ItemsForDoc(ctx, "web-a"); len(prov) != 2 {
			t.Errorf("after replacing: %d items for web-a", len(prov))
		}
		if sim, _ := s.SimilarOriginals(ctx, b.Bands); len(sim) != 1 || sim[0].URL != a.URL {
			t.Errorf("stale bands answer: %+v", sim)
		}
		if got, err := s.OriginalByHash(ctx, b2.ContentHash); err != nil || got.URL != b2.URL {
			t.Errorf("OriginalByHash after replacing: %v", err)
		}
		if prov, err := s.ItemsForDoc(ctx, "web-none"); err != nil || len(prov) != 0 {
			t.Errorf("ItemsForDoc of no document: %v %v", err, prov)
		}
	})
	t.Run("concurrent", func(t *testing.T) {
		s := open(t)
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 20; i++ {
					u := fmt.Sprintf("https://c.example/%d/%d", g, i)
					it := item(u, egret.ItemOriginal, fmt.Sprintf("web-%d-%d", g, i), fmt.Sprintf("story %d %d about the %d talks", g, i, g*100+i), t0)
					if err := s.PutItem(ctx, it); err != nil {
						errs <- err
						return
					}
					if _, err := s.Item(ctx, u); err != nil {
						errs <- err
						return
					}
					if err := s.PutFeedStatus(ctx, egret.FeedStatus{URL: fmt.Sprintf("https://c.example/feed/%d", g), TotalItems: int64(i)}); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if all, err := s.FeedStatuses(ctx); err != nil || len(all) != 8 {
			t.Errorf("%v: %d feeds", err, len(all))
		}
	})
}

// sink records what a watcher stored, as a store would: a document ID
// stored again replaces the document.
type sink struct {
	mu    sync.Mutex
	docs  map[string]*egret.Document
	calls map[string]int
	fail  func(doc *egret.Document) error // when set and non-nil, the store is down for doc
}

func newSink() *sink {
	return &sink{docs: map[string]*egret.Document{}, calls: map[string]int{}}
}

func (s *sink) put(_ context.Context, doc *egret.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[doc.ID]++
	if s.fail != nil {
		if err := s.fail(doc); err != nil {
			return err
		}
	}
	d := *doc
	s.docs[doc.ID] = &d
	return nil
}

func (s *sink) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.calls {
		n += c
	}
	return n
}

// rig is a watcher over a fresh fixture, state and sink, on a manual clock.
type rig struct {
	t     *testing.T
	site  *newstest.Site
	state egret.FeedState
	sink  *sink
	clock *newstest.Clock
	feeds []egret.FeedSpec
	fetch *fetch.Client
}

func newRig(t *testing.T, open Open, feedsFile func(*newstest.Site) string) *rig {
	site := newstest.Start(t)
	r := &rig{t: t, site: site, state: open(t), sink: newSink(), clock: newstest.NewClock(t0)}
	src := site.FeedsFile()
	if feedsFile != nil {
		src = feedsFile(site)
	}
	f, err := feedlist.Parse("feeds.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r.feeds = f.Specs()
	r.fetch = fetch.New(fetch.Options{AllowPrivate: true, Clock: r.clock, Jitter: func() float64 { return 0.5 },
		Timeout: time.Second, HeaderTimeout: 500 * time.Millisecond, MaxBytes: 2 << 20})
	t.Cleanup(r.fetch.Close)
	return r
}

func (r *rig) watcher() *watch.Watcher {
	w, err := watch.New(watch.Config{Feeds: r.feeds, State: r.state, Fetcher: r.fetch, Sink: r.sink.put, Clock: r.clock,
		Extractor: extract.New(extract.Options{Now: r.clock.Now, NoFallback: true})})
	if err != nil {
		r.t.Fatal(err)
	}
	return w
}

func (r *rig) round(w *watch.Watcher) *watch.Report {
	r.t.Helper()
	rep, err := w.Round(context.Background())
	if err != nil {
		r.t.Fatal(err)
	}
	return rep
}

func docID(t *testing.T, pageURL string) string {
	u, err := dedup.CanonicalURL(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	return dedup.DocID(u)
}

// wordsF1 is the bag-of-words F1 of got against want.
func wordsF1(got, want string) float64 {
	_, _, f1 := newstest.Overlap(got, want)
	return f1
}

// Rounds checks whole poll rounds against the fixture.
func Rounds(t *testing.T, open Open) {
	// One fixture through three rounds: the first, a second that finds
	// nothing new, and a third after an article was updated.
	t.Run("rounds", func(t *testing.T) {
		r := newRig(t, open, nil)
		var w *watch.Watcher
		if !t.Run("first round", func(t *testing.T) { w = firstRound(t, r) }) {
			return
		}
		t.Run("second round is conditional", func(t *testing.T) { secondRound(t, r) })
		t.Run("updated article replaced", func(t *testing.T) { updatedArticle(t, r, w) })
	})
	t.Run("failures retried, then given up", func(t *testing.T) { troubleItems(t, open) })
	t.Run("crash and restart lose and duplicate nothing", func(t *testing.T) { crashRestart(t, open) })
}

// checkFirstRound checks the state and the sink after the fixture's
// first round: every good article once, copies linked, skips recorded,
// bad feeds failed while the others were read.
func checkFirstRound(t *testing.T, r *rig, rep *watch.Report) {
	ctx := context.Background()
	exp := r.site.Expected()
	originals := 0
	for _, e := range exp {
		it, ok := expectItem(t, r, e)
		if !ok {
			continue
		}
		switch e.Kind {
		case egret.ItemOriginal:
			originals++
			id := docID(t, e.PageURL)
			doc := r.sink.docs[id]
			if it.DocID != id || doc == nil {
				t.Errorf("%s: document %q not stored (item says %q)", e.Link, id, it.DocID)
				continue
			}
			if n := r.sink.calls[id]; n != 1 {
				t.Errorf("%s: stored %d times", e.Link, n)
			}
			for _, p := range r.site.StoredProblems(e, doc, mustCanon(t, e.PageURL), false) {
				t.Errorf("%s: %s", e.Link, p)
			}
		case egret.ItemNear, egret.ItemExact:
			if it.DocID != docID(t, e.DupOf) {
				t.Errorf("%s: linked to %q, want the document of %s", e.Link, it.DocID, e.DupOf)
			}
			if e.Kind == egret.ItemNear && (it.Similarity < dedup.NearThreshold || it.Similarity > 1 || it.ContentHash == "") {
				t.Errorf("%s: similarity %.2f", e.Link, it.Similarity)
			}
			if r.sink.calls[docID(t, e.PageURL)] != 0 {
				t.Errorf("%s: a copy was stored as its own document", e.Link)
			}
		case egret.ItemSkipped:
			if !strings.Contains(it.SkipReason, e.Reason) {
				t.Errorf("%s: skip reason %q, want %q", e.Link, it.SkipReason, e.Reason)
			}
		}
	}
	if len(r.sink.docs) != originals || r.sink.total() != originals {
		t.Errorf("%d documents from %d sink calls, want %d originals", len(r.sink.docs), r.sink.total(), originals)
	}
	// The story carried by three outlets: stored once, every outlet kept.
	for _, e := range exp {
		if e.Kind != egret.ItemNear {
			continue
		}
		prov, err := r.state.ItemsForDoc(ctx, docID(t, e.DupOf))
		if err != nil {
			t.Fatal(err)
		}
		var outlets []string
		for _, p := range prov {
			outlets = append(outlets, p.Outlet+" "+p.Kind)
		}
		want := []string{newstest.OutletA + " original", newstest.OutletB + " near", newstest.OutletC + " near"}
		if !reflect.DeepEqual(outlets, want) {
			t.Errorf("provenance of %s: %v, want %v", e.DupOf, outlets, want)
		}
		break
	}
	// Bad feeds failed with their reason; good feeds were read.
	bad := map[string]string{}
	for _, b := range r.site.BadFeeds() {
		bad[b.URL] = b.Want
	}
	if len(rep.Feeds) != len(r.feeds) {
		t.Errorf("%d feeds polled, want %d", len(rep.Feeds), len(r.feeds))
	}
	for _, fr := range rep.Feeds {
		st, err := r.state.FeedStatus(ctx, fr.URL)
		if err != nil {
			t.Fatal(err)
		}
		if want, isBad := bad[fr.URL]; isBad {
			if fr.Err == nil || !strings.Contains(st.LastError, want) || st.Failures != 1 || !st.LastSuccess.IsZero() {
				t.Errorf("bad feed %s: err %v, status %+v, want %q", fr.URL, fr.Err, st, want)
			}
			continue
		}
		if fr.Err != nil || st.LastError != "" || st.ETag == "" || !sameTime(st.LastSuccess, t0) || !sameTime(st.NextDue, t0.Add(15*time.Minute)) {
			t.Errorf("good feed %s: err %v, status %+v", fr.URL, fr.Err, st)
		}
	}
}

func mustCanon(t *testing.T, u string) string {
	c, err := dedup.CanonicalURL(u)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func firstRound(t *testing.T, r *rig) *watch.Watcher {
	w := r.watcher()
	rep := r.round(w)
	checkFirstRound(t, r, rep)
	tot := rep.Totals()
	c := w.Counters()
	if c.Articles != int64(tot.New) || c.Near != 2 || c.Exact != 1 || c.Skipped != int64(tot.Skipped) || c.PollErrors != int64(len(r.site.BadFeeds())) {
		t.Errorf("counters %+v, report totals %+v", c, tot)
	}
	t.Logf("first round: %d new, %d near, %d exact, %d skipped; %d requests to the fixture", tot.New, tot.Near, tot.Exact, tot.Skipped, r.site.Total().Requests)
	// Feeds check reads every feed and counts nothing new now.
	for _, ch := range w.Check(context.Background()) {
		if _, isBad := badSet(r.site)[ch.Spec.URL]; isBad != (ch.Err != nil) {
			t.Errorf("check %s: %v", ch.Spec.URL, ch.Err)
		}
		if ch.Err == nil && (ch.New != 0 || ch.Entries == 0 || ch.Format == "") {
			t.Errorf("check %s: %+v", ch.Spec.URL, ch)
		}
	}
	return w
}

func badSet(site *newstest.Site) map[string]bool {
	m := map[string]bool{}
	for _, b := range site.BadFeeds() {
		m[b.URL] = true
	}
	return m
}

func secondRound(t *testing.T, r *rig) {
	pages := map[string]newstest.Count{}
	for _, e := range r.site.Expected() {
		pages[e.Link] = r.site.Count(e.Link)
	}
	r.clock.Advance(16 * time.Minute)
	// A restarted watcher over the same state behaves the same.
	w2 := r.watcher()
	rep := r.round(w2)
	redirected := map[string]string{r.site.X.URL + "/feeds/redirect.xml": r.site.X.URL + "/feeds/real.xml"}
	tot := rep.Totals()
	if r.sink.total() != len(r.sink.docs) || tot.New+tot.Updated+tot.Exact+tot.Near+tot.Skipped+tot.Failed != 0 {
		t.Errorf("second round recorded %+v (sink calls %d for %d documents)", tot, r.sink.total(), len(r.sink.docs))
	}
	for _, u := range r.site.FeedURLs() {
		if final, ok := redirected[u]; ok {
			u = final
		}
		if c := r.site.Count(u); c.NotModified != 1 {
			t.Errorf("%s: %+v, want one 304", u, c)
		}
	}
	for _, e := range r.site.Expected() {
		if c := r.site.Count(e.Link); c != pages[e.Link] {
			t.Errorf("%s fetched again: %+v", e.Link, c)
		}
	}
	if c := w2.Counters(); c.NotModified != int64(len(r.site.FeedURLs())) || c.Fetches != 0 {
		t.Errorf("counters %+v", c)
	}
	// Bad feeds back off: after the second failure the next try is 30
	// minutes away.
	for _, b := range r.site.BadFeeds() {
		st, _ := r.state.FeedStatus(context.Background(), b.URL)
		if st.Failures != 2 || !sameTime(st.NextDue, rep.Started.Add(30*time.Minute)) {
			t.Errorf("%s: failures %d next due %v", b.URL, st.Failures, st.NextDue)
		}
	}
}

func updatedArticle(t *testing.T, r *rig, w *watch.Watcher) {
	upd := r.site.UpdatedPageURL()
	id := docID(t, upd)
	early := r.sink.docs[id]
	if early == nil {
		t.Fatal("updated article not stored in the first round")
	}
	before := map[string]newstest.Count{}
	for _, e := range r.site.Expected() {
		before[e.Link] = r.site.Count(e.Link)
	}
	r.site.Update()
	r.clock.Advance(16 * time.Minute)
	rep := r.round(w)
	if tot := rep.Totals(); tot.Updated != 1 || tot.New != 0 || tot.Exact+tot.Near+tot.Skipped+tot.Failed != 0 {
		t.Errorf("round after the update: %+v", tot)
	}
	doc := r.sink.docs[id]
	var full newstest.Story
	for _, e := range r.site.Expected() {
		if e.PageURL == upd {
			full = e.Story
		}
		// Only the changed entry's page was asked again.
		if c := r.site.Count(e.Link); e.PageURL != upd && c != before[e.Link] {
			t.Errorf("%s fetched again", e.Link)
		}
	}
	if r.sink.calls[id] != 2 || len(doc.Text) <= len(early.Text) || wordsF1(doc.Text, full.Text) < 0.95 {
		t.Errorf("updated document: %d calls, F1 %.3f", r.sink.calls[id], wordsF1(doc.Text, full.Text))
	}
	prov, _ := r.state.ItemsForDoc(context.Background(), id)
	if len(prov) != 1 || prov[0].ContentHash != dedup.ContentHash(doc.Text) {
		t.Errorf("provenance after the update: %+v", prov)
	}
	if len(r.sink.docs) != r.sink.total()-1 {
		t.Errorf("%d documents, %d sink calls", len(r.sink.docs), r.sink.total())
	}
}

func troubleItems(t *testing.T, open Open) {
	r := newRig(t, open, func(s *newstest.Site) string { return s.TroubleFeed() + " every=15m\n" })
	w := r.watcher()
	ctx := context.Background()
	feed := r.site.TroubleFeed()
	for round := 1; round <= 3; round++ {
		rep := r.round(w)
		st, _ := r.state.FeedStatus(ctx, feed)
		for _, e := range r.site.ExpectTrouble() {
			it, err := r.state.Item(ctx, mustCanon(t, e.Link))
			if err != nil {
				t.Fatal(err)
			}
			want, reason := e.Kind, e.Reason
			if e.Kind == egret.ItemFailed && round == 3 {
				want, reason = egret.ItemSkipped, "gave up after 3 attempts"
			}
			if it.Kind != want || !strings.Contains(it.SkipReason, reason) {
				t.Errorf("round %d, %s: %s %q, want %s %q", round, e.Link, it.Kind, it.SkipReason, want, reason)
			}
			if want == egret.ItemFailed && it.Attempts != round {
				t.Errorf("round %d, %s: %d attempts", round, e.Link, it.Attempts)
			}
		}
		// While entries wait for a retry the feed is fetched in full.
		if (st.ETag == "") != (round < 3) || st.LastError != "" {
			t.Errorf("round %d: feed status %+v (report %+v)", round, st, rep.Totals())
		}
		r.clock.Advance(16 * time.Minute)
	}
	if r.sink.total() != 0 {
		t.Errorf("%d documents stored from the trouble feed", r.sink.total())
	}
}

// flakyState fails one PutItem: a crash between the sink and the record.
type flakyState struct {
	egret.FeedState
	mu      sync.Mutex
	failURL string
	failed  bool
}

func (f *flakyState) PutItem(ctx context.Context, it egret.FeedItem) error {
	f.mu.Lock()
	fail := !f.failed && it.URL == f.failURL
	if fail {
		f.failed = true
	}
	f.mu.Unlock()
	if fail {
		return errors.New("store connection lost")
	}
	return f.FeedState.PutItem(ctx, it)
}

func crashRestart(t *testing.T, open Open) {
	r := newRig(t, open, nil)
	exp := r.site.Expected()
	var victim, sinkVictim newstest.Expect
	for _, e := range exp {
		if e.Kind == egret.ItemOriginal && victim.Link == "" && strings.Contains(e.Link, r.site.B.URL) {
			victim = e
		}
		if e.Kind == egret.ItemOriginal && strings.Contains(e.Link, r.site.C.URL) {
			sinkVictim = e
		}
	}
	// The process dies after the sink took the document and before the
	// item was recorded: the round fails at that point.
	flaky := &flakyState{FeedState: r.state, failURL: mustCanon(t, victim.Link)}
	r.state = flaky
	// The store refuses one document: the item is left to retry.
	badID := docID(t, sinkVictim.PageURL)
	refused := false
	r.sink.fail = func(d *egret.Document) error {
		if d.ID == badID && !refused {
			refused = true
			return errors.New("disk full")
		}
		return nil
	}
	w := r.watcher()
	if _, err := w.Round(context.Background()); err == nil || !strings.Contains(err.Error(), "store connection lost") {
		t.Fatalf("round with a failing state: %v", err)
	}
	// Restart: new watcher, same state, until every feed is polled.
	for i := 0; i < 3; i++ {
		r.clock.Advance(16 * time.Minute)
		r.round(r.watcher())
	}
	if !refused {
		t.Fatal("the sink was never asked for the refused document")
	}
	// Everything once in the end; the two interrupted documents were
	// stored again (idempotent replace), nothing else was.
	checkFinal(t, r, exp)
	if n := r.sink.calls[docID(t, victim.PageURL)]; n != 2 {
		t.Errorf("document recorded after the crash stored %d times, want 2 (replaced)", n)
	}
	if n := r.sink.calls[badID]; n != 2 {
		t.Errorf("refused document asked %d times, want 2", n)
	}
	if extra := r.sink.total() - len(r.sink.docs); extra != 2 {
		t.Errorf("%d repeated sink calls, want 2", extra)
	}
}

// expectItem returns the item recorded for an expected entry, reporting
// a missing item or the wrong kind.
func expectItem(t *testing.T, r *rig, e newstest.Expect) (egret.FeedItem, bool) {
	t.Helper()
	it, err := r.state.Item(context.Background(), mustCanon(t, e.Link))
	if err != nil {
		t.Errorf("%s: %v", e.Link, err)
		return it, false
	}
	if it.Kind != e.Kind {
		t.Errorf("%s: kind %q (%s), want %q", e.Link, it.Kind, it.SkipReason, e.Kind)
		return it, false
	}
	return it, true
}

// checkFinal checks the settled state: every original stored under its
// ID, copies linked, skips recorded.
func checkFinal(t *testing.T, r *rig, exp []newstest.Expect) {
	var ids []string
	for _, e := range exp {
		it, ok := expectItem(t, r, e)
		if ok && e.Kind == egret.ItemOriginal {
			ids = append(ids, it.DocID)
			if r.sink.docs[it.DocID] == nil {
				t.Errorf("%s: document lost", e.Link)
			}
		}
	}
	sort.Strings(ids)
	var stored []string
	for id := range r.sink.docs {
		stored = append(stored, id)
	}
	sort.Strings(stored)
	if !reflect.DeepEqual(ids, stored) {
		t.Errorf("stored documents %d, expected originals %d", len(stored), len(ids))
	}
}
