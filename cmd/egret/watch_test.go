package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/dedup"
	"github.com/egret-events/egret/internal/newstest"
	"github.com/egret-events/egret/postgres"
	"github.com/egret-events/egret/postgres/pgtest"
	"github.com/egret-events/egret/sqlite"
)

var t0 = time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC)

// newsRig is the loopback news fixture, a feeds list naming its feeds
// and a SQLite file, with a manual clock: politeness delays and retries
// pass without waiting.
type newsRig struct {
	t     testing.TB
	site  *newstest.Site
	clock *newstest.Clock
	feeds string
	db    string
}

// newNewsRig writes the feeds list: every feed of the fixture, bad ones
// included, or only the good ones.
func newNewsRig(t testing.TB, withBad bool) *newsRig {
	site := newstest.Start(t)
	dir := t.TempDir()
	list := site.FeedsFile()
	if !withBad {
		list = strings.Join(site.FeedURLs(), " every=15m\n") + " every=15m\n"
	}
	r := &newsRig{t: t, site: site, clock: newstest.NewClock(t0), feeds: filepath.Join(dir, "feeds.txt"), db: filepath.Join(dir, "egret.db")}
	if err := os.WriteFile(r.feeds, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	return r
}

// run runs one egret command line in process on the rig's clock.
func (r *newsRig) run(args ...string) (stdout, stderr string, code int) {
	r.t.Helper()
	m, out, errb := testMain(nil)
	m.Clock = r.clock
	code = m.Run(context.Background(), args)
	return out.String(), errb.String(), code
}

// watch runs `egret watch --once` over the rig.
func (r *newsRig) watch(extra ...string) string {
	r.t.Helper()
	_, errs, code := r.run(append([]string{"watch", "--once", "--feeds", r.feeds, "--db", r.db, "--allow-private", "--timeout", "1s"}, extra...)...)
	if code != 0 {
		r.t.Fatalf("watch exit %d:\n%s", code, errs)
	}
	return errs
}

func (r *newsRig) open() *sqlite.Store {
	r.t.Helper()
	st, err := sqlite.Open(context.Background(), r.db)
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { st.Close() })
	return st
}

// feedStore is a store keeping feed state, as sqlite and postgres do.
type feedStore interface {
	egret.Store
	egret.FeedState
	egret.FeedActivity
}

func canon(t *testing.T, u string) string {
	t.Helper()
	c, err := dedup.CanonicalURL(u)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func docIDOf(t *testing.T, pageURL string) string { return dedup.DocID(canon(t, pageURL)) }

// storeEvents returns every stored event's id by document.
func storeEvents(t *testing.T, st egret.Store) map[string][]int64 {
	t.Helper()
	out := map[string][]int64{}
	err := st.EachEvent(context.Background(), egret.EventFilter{}, func(e *egret.StoredEvent) error {
		out[e.DocID] = append(out[e.DocID], e.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, ids := range out {
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	}
	return out
}

// recode codes the stored documents again with `egret code` and returns
// their events' counts by document: what each stored text codes to.
func recode(t *testing.T, st egret.Store, ids []string) map[string]int {
	t.Helper()
	var in strings.Builder
	for _, id := range ids {
		p, err := st.Document(context.Background(), egret.DocumentQuery{ID: id})
		if err != nil {
			t.Fatal(err)
		}
		d := p.Document
		b, _ := json.Marshal(map[string]string{"id": d.ID, "title": d.Title, "text": d.Text, "date": d.Date.Format(time.RFC3339), "source": d.Source, "url": d.URL})
		in.WriteString(string(b) + "\n")
	}
	out, errs, code := run(t, in.String(), "code", "--format-in", "jsonl", "-")
	if code != 0 {
		t.Fatalf("recoding: exit %d: %s", code, errs)
	}
	n := map[string]int{}
	for _, e := range events(t, out) {
		n[e.DocID]++
	}
	return n
}

// checkStore checks the store after the fixture's feeds were polled:
// every good article stored once, under its ID, with the right text,
// title, outlet and date, coded once (its events are what its text
// codes to, and the rollups agree with the rows); copies linked to their
// first copy with every outlet kept; skipped articles recorded why.
func checkStore(t *testing.T, r *newsRig, st feedStore, updated bool) {
	ctx := context.Background()
	var originals []string
	for _, e := range r.site.Expected() {
		it, err := st.Item(ctx, canon(t, e.Link))
		if err != nil {
			t.Errorf("%s: %v", e.Link, err)
			continue
		}
		if it.Kind != e.Kind {
			t.Errorf("%s: %s (%s), want %s", e.Link, it.Kind, it.SkipReason, e.Kind)
			continue
		}
		switch e.Kind {
		case egret.ItemOriginal:
			id := docIDOf(t, e.PageURL)
			originals = append(originals, id)
			p, err := st.Document(ctx, egret.DocumentQuery{ID: id})
			if err != nil {
				t.Errorf("%s: document %s: %v", e.Link, id, err)
				continue
			}
			for _, pr := range r.site.StoredProblems(e, p.Document, canon(t, e.PageURL), updated) {
				t.Errorf("%s: %s", e.Link, pr)
			}
		case egret.ItemNear, egret.ItemExact:
			if it.DocID != docIDOf(t, e.DupOf) {
				t.Errorf("%s: linked to %s, want the document of %s", e.Link, it.DocID, e.DupOf)
			}
			if _, err := st.Document(ctx, egret.DocumentQuery{ID: docIDOf(t, e.PageURL)}); egret.ErrorCode(err) != egret.ENOTFOUND {
				t.Errorf("%s: a copy was stored as its own document (%v)", e.Link, err)
			}
		case egret.ItemSkipped:
			if !strings.Contains(it.SkipReason, e.Reason) {
				t.Errorf("%s: skipped for %q, want %q", e.Link, it.SkipReason, e.Reason)
			}
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != int64(len(originals)) {
		t.Errorf("%d documents stored, want the %d originals", stats.Documents, len(originals))
	}
	// The story three outlets carried: stored once, every outlet kept.
	for _, e := range r.site.Expected() {
		if e.Kind != egret.ItemNear {
			continue
		}
		prov, err := st.ItemsForDoc(ctx, docIDOf(t, e.DupOf))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range prov {
			got = append(got, p.Outlet+" "+p.Kind)
		}
		if want := []string{newstest.OutletA + " original", newstest.OutletB + " near", newstest.OutletC + " near"}; !reflect.DeepEqual(got, want) {
			t.Errorf("provenance of %s: %v, want %v", e.DupOf, got, want)
		}
		break
	}
	// Coded once: each document's events are what its text codes to,
	// and the rollups count the rows.
	evs := storeEvents(t, st)
	var total int64
	for _, ids := range evs {
		total += int64(len(ids))
	}
	if total != stats.Events || total == 0 {
		t.Errorf("%d event rows, rollups say %d", total, stats.Events)
	}
	want := recode(t, st, originals)
	for _, id := range originals {
		if len(evs[id]) != want[id] {
			t.Errorf("document %s has %d events, its text codes to %d", id, len(evs[id]), want[id])
		}
	}
}

// TestWatchEndToEnd runs `egret watch --once` over the news fixture into
// a real SQLite file three times: the first round stores every good
// article once and links the copies while bad feeds fail; the second
// asks conditionally and stores nothing; after an article is edited the
// third replaces that document's events, and only its.
func TestWatchEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("polls the news fixture")
	}
	r := newNewsRig(t, true)
	ctx := context.Background()
	errs := r.watch()
	t.Logf("first round: %s", errs[strings.LastIndex(strings.TrimSuffix(errs, "\n"), "\n")+1:])
	good, bad := len(r.site.FeedURLs()), len(r.site.BadFeeds())
	if !strings.Contains(errs, fmt.Sprintf("feeds %d polled, %d failed", good+bad, bad)) {
		t.Errorf("summary:\n%s", errs)
	}
	st := r.open()
	checkStore(t, r, st, false)
	for _, b := range r.site.BadFeeds() {
		fs, err := st.FeedStatus(ctx, b.URL)
		if err != nil || !strings.Contains(fs.LastError, b.Want) || fs.Failures != 1 {
			t.Errorf("bad feed %s: %+v %v, want %q", b.URL, fs, err, b.Want)
		}
		if !strings.Contains(errs, "egret: feed "+b.URL+":") {
			t.Errorf("bad feed %s not reported on stderr", b.URL)
		}
	}
	for _, u := range r.site.FeedURLs() {
		if fs, err := st.FeedStatus(ctx, u); err != nil || fs.LastError != "" || fs.ETag == "" && fs.LastModified == "" {
			t.Errorf("good feed %s: %+v %v", u, fs, err)
		}
	}
	before := storeEvents(t, st)

	// Second round: conditional requests, nothing new, nothing rewritten.
	pages := map[string]newstest.Count{}
	for _, e := range r.site.Expected() {
		pages[e.Link] = r.site.Count(e.Link)
	}
	r.clock.Advance(16 * time.Minute)
	errs = r.watch()
	if !strings.Contains(errs, "articles 0 new, 0 updated") || !strings.Contains(errs, "stored 0 documents") {
		t.Errorf("second round:\n%s", errs)
	}
	for _, u := range r.site.FeedURLs() {
		if u == r.site.X.URL+"/feeds/redirect.xml" {
			u = r.site.X.URL + "/feeds/real.xml"
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
	if after := storeEvents(t, st); !reflect.DeepEqual(after, before) {
		t.Error("the second round rewrote events")
	}

	// An edited article: its document and events are replaced.
	r.site.Update()
	r.clock.Advance(16 * time.Minute)
	errs = r.watch()
	if !strings.Contains(errs, "articles 0 new, 1 updated") || !strings.Contains(errs, "stored 1 documents") {
		t.Errorf("round after the edit:\n%s", errs)
	}
	checkStore(t, r, st, true)
	upd := docIDOf(t, r.site.UpdatedPageURL())
	after := storeEvents(t, st)
	for id, ids := range after {
		if id == upd {
			if len(ids) == 0 || ids[0] <= before[id][len(before[id])-1] {
				t.Errorf("the edited document's events were not replaced: %v, before %v", ids, before[id])
			}
			continue
		}
		if !reflect.DeepEqual(ids, before[id]) {
			t.Errorf("document %s's events changed though its article did not", id)
		}
	}

	checkDedupExport(t, r)

	// feeds check reads every feed again: nothing new, the bad ones fail.
	out, _, code := r.run("feeds", "check", "--db", r.db, "--allow-private", "--timeout", "1s", r.feeds)
	if code == 0 || strings.Count(out, "FAIL ") != bad || strings.Count(out, "ok   ") != good || strings.Count(out, " 0 new") != good {
		t.Errorf("feeds check: exit %d\n%s", code, out)
	}
	out, _, _ = r.run("feeds", "check", "--allow-private", "--timeout", "1s", r.feeds)
	if strings.Count(out, " 0 new") != 0 {
		t.Errorf("feeds check without a store counts entries as seen:\n%s", out)
	}
}

// TestWatchPostgres runs a round over the fixture's good feeds into a
// real PostgreSQL database: the same store core, its own indexes.
func TestWatchPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("polls the news fixture")
	}
	r := newNewsRig(t, false)
	r.db = pgtest.Start(t).NewDatabase(t)
	errs := r.watch()
	if !strings.Contains(errs, fmt.Sprintf("feeds %d polled, 0 failed", len(r.site.FeedURLs()))) {
		t.Errorf("summary:\n%s", errs)
	}
	st, err := postgres.Open(context.Background(), r.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkStore(t, r, st, false)
	byFeed, err := st.FeedEvents(context.Background(), time.Now().Add(-time.Hour))
	if err != nil || len(byFeed) != len(r.site.FeedURLs()) {
		t.Errorf("events by feed: %v %v", byFeed, err)
	}
	r.clock.Advance(16 * time.Minute)
	if errs := r.watch(); !strings.Contains(errs, "articles 0 new, 0 updated") {
		t.Errorf("second round:\n%s", errs)
	}
}

func TestWatchFlags(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "feeds.txt", "https://a.example/rss every=5s\nnot a url\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"watch", "--db", filepath.Join(dir, "a.db")}, `"feeds" not set`},
		{[]string{"watch", "--feeds", bad, "--db", filepath.Join(dir, "a.db")}, "feeds.txt:1:"},
		{[]string{"watch", "--feeds", filepath.Join(dir, "none.txt")}, "none.txt"},
		{[]string{"feeds", "check", bad}, "feeds.txt:2:"},
		{[]string{"watch", "--feeds", bad, "--log-format", "xml"}, "--log-format"},
	} {
		_, errs, code := run(t, "", tc.args...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errs, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "a.db")); err == nil {
		t.Error("a bad feeds list created the store")
	}
}

// checkDedupExport checks `egret export --dedup day` against the plain
// export of the same store: one row per (date, source, target, CAMEO
// code), standing for the first stored event of its group, with the
// number of events and documents behind it.
func checkDedupExport(t *testing.T, r *newsRig) {
	type group struct {
		first int64
		n     int
		docs  map[string]bool
	}
	plain, errs, code := r.run("export", "--db", r.db)
	if code != 0 {
		t.Fatalf("export: %s", errs)
	}
	groups := map[string]*group{}
	var total int
	for _, line := range strings.Split(strings.TrimSpace(plain), "\n") {
		var e egret.StoredEvent
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		k := strings.Join([]string{e.Date, e.Source, e.Target, e.CAMEO}, "|")
		g := groups[k]
		if g == nil {
			g = &group{first: e.ID, docs: map[string]bool{}}
			groups[k] = g
		}
		g.first = min(g.first, e.ID)
		g.n++
		g.docs[e.DocID] = true
		total++
	}
	out, errs, code := r.run("export", "--db", r.db, "--dedup", "day")
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("exported %d events (one per day", len(groups))) {
		t.Fatalf("export --dedup day: exit %d: %s", code, errs)
	}
	seen := map[string]bool{}
	reports := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var row struct {
			egret.StoredEvent
			Reports   int `json:"reports"`
			Documents int `json:"documents"`
		}
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		k := strings.Join([]string{row.Date, row.Source, row.Target, row.CAMEO}, "|")
		g := groups[k]
		if g == nil || seen[k] || row.ID != g.first || row.Reports != g.n || row.Documents != len(g.docs) {
			t.Errorf("row %s: id %d reports %d documents %d; want one row, id %v", k, row.ID, row.Reports, row.Documents, g)
		}
		seen[k] = true
		reports += row.Reports
	}
	if len(seen) != len(groups) || reports != total || len(groups) >= total {
		t.Errorf("%d rows standing for %d reports; %d groups of %d events", len(seen), reports, len(groups), total)
	}
	t.Logf("export --dedup day: %d events in %d rows", total, len(groups))
}
