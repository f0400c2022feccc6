package extract

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret/fetch"
	"github.com/egret-events/egret/internal/newstest"
)

var now = time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)

type fetched struct {
	exp  newstest.Expect
	page Page
}

// fetchPages fetches every fixture page whose text is known.
func fetchPages(tb testing.TB, site *newstest.Site) []fetched {
	tb.Helper()
	c := fetch.New(fetch.Options{AllowPrivate: true, HostDelay: -1, Clock: newstest.NewClock(now)})
	defer c.Close()
	var out []fetched
	for _, e := range site.Pages() {
		r, err := c.Get(context.Background(), fetch.Request{URL: e.Link})
		if err != nil {
			tb.Fatalf("%s: %v", e.Link, err)
		}
		out = append(out, fetched{e, Page{URL: r.URL, Body: r.Body, ContentType: r.ContentType}})
	}
	return out
}

// TestAccuracy extracts every fixture page (three site templates,
// windows-1252 and ISO-8859-1 pages, edited copies) and compares the main
// text with the known VOA body: the mean F1 must reach 0.95.
func TestAccuracy(t *testing.T) {
	site := newstest.Start(t)
	x := New(Options{Now: func() time.Time { return now }})
	var sumF1, sumP, sumR float64
	per := map[string][]float64{}
	dates := map[string]int{}
	pages := fetchPages(t, site)
	for _, f := range pages {
		a, err := x.Extract(f.page)
		if err != nil {
			t.Errorf("%s: %v", f.exp.Link, err)
			continue
		}
		p, r, f1 := newstest.Overlap(a.Text, f.exp.Story.Text)
		sumF1, sumP, sumR = sumF1+f1, sumP+p, sumR+r
		per[f.exp.Outlet] = append(per[f.exp.Outlet], f1)
		if f1 < 0.85 {
			t.Errorf("%s: F1 %.3f (precision %.3f, recall %.3f)\n%s", f.exp.Link, f1, p, r, a.Text)
		}
		if a.Title != f.exp.Story.Title {
			t.Errorf("%s: title %q, want %q", f.exp.Link, a.Title, f.exp.Story.Title)
		}
		// Dates read from visible text carry the minutes the page shows.
		want := f.exp.Story.Published
		if a.DateFrom == FromText {
			want = want.Truncate(time.Minute)
		}
		if !a.Published.Equal(want) {
			t.Errorf("%s: date %v (%s), want %v", f.exp.Link, a.Published, a.DateFrom, f.exp.Story.Published)
		}
		dates[a.DateFrom]++
		if a.URL != f.exp.PageURL && !strings.HasPrefix(a.URL, f.exp.PageURL+"?") {
			t.Errorf("%s: canonical URL %q, want %q", f.exp.Link, a.URL, f.exp.PageURL)
		}
		if a.Lang != "en" || a.TextFrom != FromHTML {
			t.Errorf("%s: lang %q, text from %s", f.exp.Link, a.Lang, a.TextFrom)
		}
		if strings.ContainsRune(a.Text, '\ufffd') {
			t.Errorf("%s (%s): replacement characters in the text", f.exp.Link, f.exp.Charset)
		}
		if f.exp.Charset != "" && a.Charset != "windows-1252" {
			t.Errorf("%s: decoded as %q, declared %s", f.exp.Link, a.Charset, f.exp.Charset)
		}
	}
	n := float64(len(pages))
	t.Logf("extraction over %d fixture pages: mean F1 %.4f (precision %.4f, recall %.4f); dates from %v", len(pages), sumF1/n, sumP/n, sumR/n, dates)
	for o, fs := range per {
		s := 0.0
		for _, f := range fs {
			s += f
		}
		t.Logf("  %s: %d pages, mean F1 %.4f", o, len(fs), s/float64(len(fs)))
	}
	if sumF1/n < 0.95 {
		t.Errorf("mean F1 %.4f below 0.95", sumF1/n)
	}
}

func TestCharsets(t *testing.T) {
	site := newstest.Start(t)
	x := New(Options{})
	seen := map[string]bool{}
	for _, f := range fetchPages(t, site) {
		if f.exp.Charset == "" {
			continue
		}
		seen[f.exp.Charset] = true
		a, err := x.Extract(f.page)
		if err != nil {
			t.Fatal(err)
		}
		// The known text's non-ASCII characters come through.
		for _, r := range f.exp.Story.Text {
			if r > 127 && !strings.ContainsRune(a.Text, r) {
				t.Errorf("%s (%s): %q lost", f.exp.Link, f.exp.Charset, r)
				break
			}
		}
	}
	if !seen["windows-1252"] || !seen["iso-8859-1"] {
		t.Errorf("fixture pages in %v", seen)
	}
}

func TestFallbacksAndSkips(t *testing.T) {
	site := newstest.Start(t)
	st := site.Stories[25]
	c := fetch.New(fetch.Options{AllowPrivate: true, HostDelay: -1, Clock: newstest.NewClock(now), IgnoreRobots: true})
	x := New(Options{Now: func() time.Time { return now }})
	content := "<p>" + strings.Join(st.Paragraphs, "</p>\n<p>") + "</p>"
	item := &fetch.Item{Title: st.Title, Author: st.Author, Published: st.Published, Content: content, Summary: "short"}

	// No page (robots, 404): the feed's full text.
	a, err := x.Extract(Page{URL: "http://a.example/members/1", Item: item})
	if err != nil || a.TextFrom != FromFeed || a.DateFrom != FromFeed || a.Title != st.Title || a.Author != st.Author {
		t.Fatalf("feed fallback: %v %+v", err, a)
	}
	if _, r, f1 := newstest.Overlap(a.Text, st.Text); f1 < 0.99 || r < 0.99 {
		t.Errorf("feed text F1 %.3f", f1)
	}
	// A page shorter than the feed's text (a teaser page): the feed wins.
	a, err = x.Extract(Page{URL: "http://a.example/teaser", ContentType: "text/html", Body: []byte("<html><body><article><h1>T</h1><p>" + st.Paragraphs[0] + "</p><p>Subscribe to read more.</p></article></body></html>"), Item: item})
	if err != nil || a.TextFrom != FromFeed {
		t.Errorf("teaser page: %v %+v", err, a)
	}
	// Too short, with nothing better in the feed.
	_, err = x.Extract(Page{URL: "http://a.example/brief", ContentType: "text/html", Body: []byte("<html><body><article><p>Residents cleared debris after the storm on Sunday.</p></article></body></html>"),
		Item: &fetch.Item{Title: "Brief", Summary: "Residents cleared debris."}})
	var se *SkipError
	if !errors.As(err, &se) || se.Reason != ReasonTooShort {
		t.Errorf("brief: %v", err)
	}
	// Not HTML, no feed text.
	_, err = x.Extract(Page{URL: "http://a.example/report.pdf", ContentType: "application/pdf", Body: []byte("%PDF-1.7")})
	if !errors.As(err, &se) || se.Reason != ReasonNotHTML || !strings.Contains(err.Error(), "report.pdf") {
		t.Errorf("pdf: %v", err)
	}
	// The Spanish article of the fixture.
	r, err := c.Get(context.Background(), fetch.Request{URL: site.A.URL + "/news/es/plan-ferroviario.html"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = x.Extract(Page{URL: r.URL, Body: r.Body, ContentType: r.ContentType})
	if !errors.As(err, &se) || se.Reason != ReasonLanguage || !strings.Contains(se.Detail, `"es"`) {
		t.Errorf("Spanish: %v", err)
	}
	// A Spanish-speaking egret codes it.
	if a, err := New(Options{Languages: []string{"es", "en"}}).Extract(Page{URL: r.URL, Body: r.Body, ContentType: r.ContentType}); err != nil || a.Lang != "es" {
		t.Errorf("with es allowed: %v", err)
	}
}

// TestDateFromText checks the dateparser fallback on dates written only
// in the visible byline, in the forms news sites write them.
func TestDateFromText(t *testing.T) {
	x := New(Options{Now: func() time.Time { return now }})
	for _, tc := range []struct {
		byline string
		want   time.Time
	}{
		{`<p class="meta">Written by Jane Doe. Published on Friday, 14 March 2025 at 20:30 GMT</p>`, time.Date(2025, 3, 14, 20, 30, 0, 0, time.UTC)},
		{`<div class="dateline">March 14, 2025 8:30 PM</div>`, time.Date(2025, 3, 14, 20, 30, 0, 0, time.UTC)},
		{`<span class="posted">Posted 3 hours ago</span>`, now.Add(-3 * time.Hour)},
		{`<time>14/03/2025</time>`, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)},
	} {
		doc := "<html><body><h1>Title</h1>" + tc.byline + "<p>" + strings.Repeat("word ", 100) + "</p></body></html>"
		a, err := x.Extract(Page{URL: "http://a.example/x", ContentType: "text/html", Body: []byte(doc)})
		if err != nil {
			t.Fatal(err)
		}
		if !a.Published.Equal(tc.want) || a.DateFrom == "" {
			t.Errorf("%s: %v (%s), want %v", tc.byline, a.Published, a.DateFrom, tc.want)
		}
	}
	// A time alone is no date; a page without a date stays undated.
	a, _ := x.Extract(Page{URL: "http://a.example/x", ContentType: "text/html", Body: []byte("<html><body><p class=\"time\">20:30</p><p>" + strings.Repeat("word ", 100) + "</p></body></html>")})
	if a == nil || !a.Published.IsZero() {
		t.Errorf("bare time read as a date: %+v", a)
	}
}

func TestCanonical(t *testing.T) {
	base, _ := newURL("https://www.example.com/news/1?utm_source=x")
	for _, tc := range []struct{ declared, want string }{
		{"https://www.example.com/news/1", "https://www.example.com/news/1"},
		{"/news/1#top", "https://www.example.com/news/1"},
		{"https://example.com/news/1", "https://example.com/news/1"},
		{"https://other.example/news/1", ""}, // another site's URL is not taken
		{"javascript:alert(1)", ""},
		{"", ""},
	} {
		if got := canonical(base, tc.declared); got != tc.want {
			t.Errorf("canonical(%q) = %q, want %q", tc.declared, got, tc.want)
		}
	}
}

// BenchmarkExtract measures articles per second through charset
// decoding, trafilatura and language detection on the fixture's pages,
// with trafilatura's fallback extractors (the default) and without.
func BenchmarkExtract(b *testing.B) {
	b.Run("fallback", func(b *testing.B) { benchExtract(b, Options{}) })
	b.Run("nofallback", func(b *testing.B) { benchExtract(b, Options{NoFallback: true}) })
}

func benchExtract(b *testing.B, o Options) {
	site := newstest.Start(b)
	pages := fetchPages(b, site)
	o.Now = func() time.Time { return now }
	x := New(o)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; b.Loop(); i++ {
		if _, err := x.Extract(pages[i%len(pages)].page); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	b.StopTimer()
	// Accuracy of this variant over the fixture pages, for the record.
	sum := 0.0
	for _, f := range pages {
		a, err := x.Extract(f.page)
		if err != nil {
			b.Fatal(err)
		}
		_, _, f1 := newstest.Overlap(a.Text, f.exp.Story.Text)
		sum += f1
	}
	b.ReportMetric(sum/float64(len(pages)), "meanF1")
}

func newURL(s string) (*url.URL, error) { return url.Parse(s) }
