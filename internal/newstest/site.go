package newstest

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Outlet names of the fixture's hosts.
const (
	OutletA = "Harbor Tribune"
	OutletB = "Northfield Courier"
	OutletC = "Wirewatch Daily"
	OutletX = "Troubled Times"
)

// Host is one fixture web site on its own loopback port.
type Host struct {
	Name   string // a, b, c or x
	Outlet string
	URL    string // http://127.0.0.1:port
	robots string // robots.txt; "" serves 404
	site   *Site
	srv    *httptest.Server
}

// Count is how often a path was requested and how it was answered.
type Count struct {
	Requests    int
	OK          int
	NotModified int
}

// page is one article page of the fixture and what a correct watcher
// makes of it.
type page struct {
	host          *Host
	path          string
	query         string // what feeds add to the link (tracking parameters)
	story         Story  // what the page shows
	early         *Story // what it showed before Update (the updated article)
	render        func(pageData) string
	charset       string // "", "windows-1252" or "iso-8859-1"
	headerCharset bool   // the charset is in the Content-Type header too
	lang          string
	status        int  // answered with this status instead of the page
	slow          bool // the body trickles in slower than any timeout
	loop          bool // redirects to itself by way of a second URL
	huge          bool // padded past the size limits
	feedContent   bool // feeds carry the full text (content:encoded)
	related       []string
	// expectations
	kind, dupOf, reason string
}

func (p *page) link() string { return p.host.URL + p.path + p.query }

// PageURL is the page's canonical URL.
func (p *page) pageURL() string { return p.host.URL + p.path }

// feed is one feed of the fixture.
type feed struct {
	host   *Host
	path   string
	format string // rss, rdf, atom, json, sitemap
	enc    string // XML encoding; "" is UTF-8
	pages  []*page
}

// Site is the loopback news-site fixture: three outlets and one host of
// failures, each an httptest server. Everything it serves is built from
// the VOA corpus and fixed templates, so it is deterministic.
type Site struct {
	A, B, C, X *Host
	Stories    []Story

	mu      sync.Mutex
	updated bool
	pages   map[string]*page // host name + path
	order   []*page          // in the order FeedsFile lists them first
	feeds   map[string]*feed // host name + path
	good    []*feed
	counts  map[string]*Count
	agents  map[string]bool
	flaky   int
}

// Start starts the fixture's servers; they stop when the test ends.
func Start(tb testing.TB) *Site {
	tb.Helper()
	s := &Site{Stories: Corpus(tb), pages: map[string]*page{}, feeds: map[string]*feed{}, counts: map[string]*Count{}, agents: map[string]bool{}}
	s.A = s.host("a", OutletA, "User-agent: *\nDisallow: /search\n\n# our own rules for egret\nUser-agent: egret\nUser-agent: otherbot\nDisallow: /members/\nDisallow: /search\nAllow: /members/free/\n")
	s.B = s.host("b", OutletB, "User-agent: *\nAllow: /\nCrawl-delay: 2\n")
	s.C = s.host("c", OutletC, "")
	s.X = s.host("x", OutletX, "User-agent: *\nDisallow: /private/\n")
	for _, h := range []*Host{s.A, s.B, s.C, s.X} {
		h.srv.Start()
		h.URL = h.srv.URL
		tb.Cleanup(h.srv.Close)
	}
	s.build()
	hugeGzip() // made once per process, before any client's timeout runs
	return s
}

func (s *Site) host(name, outlet, robots string) *Host {
	h := &Host{Name: name, Outlet: outlet, robots: robots, site: s}
	h.srv = httptest.NewUnstartedServer(h)
	return h
}

func (s *Site) addPage(p *page) *page {
	s.pages[p.host.Name+p.path] = p
	return p
}

func (s *Site) addFeed(h *Host, path, format string, pages ...*page) *feed {
	f := &feed{host: h, path: path, format: format, pages: pages}
	s.feeds[h.Name+path] = f
	return f
}

// build lays out the pages and feeds: which story goes where, with which
// template, edit and failure.
func (s *Site) build() {
	st := s.Stories
	related := func(i int) []string {
		var out []string
		for k := 1; k <= 5; k++ {
			out = append(out, st[(i+k*7)%len(st)].Title)
		}
		return out
	}
	// story makes the page of story i at h; variant (if any) is added to
	// its path, and edit changes what it shows.
	story := func(h *Host, i int, render func(pageData) string, variant string, edit func(Story) Story) *page {
		p := &page{host: h, story: st[i], render: render, related: related(i), kind: egret.ItemOriginal}
		if edit != nil {
			p.story = edit(st[i])
		}
		switch h {
		case s.A:
			p.path = fmt.Sprintf("/news/%s/%s%s.html", st[i].ID, slug(st[i].Title), variant)
			p.query = "?utm_source=rss&utm_medium=feed"
		case s.B:
			p.path = fmt.Sprintf("/story/%s-%s%s", slug(st[i].Title), st[i].ID, variant)
		case s.C:
			p.path = fmt.Sprintf("/%s/%s%s", slug(st[i].Section), st[i].ID, variant)
			p.query = "?ref_src=jsonfeed"
		case s.X:
			p.path = fmt.Sprintf("/articles/%s%s.html", st[i].ID, variant)
		}
		return s.addPage(p)
	}

	// Harbor Tribune: RSS 2.0 with stories 0-24, the updated story (20),
	// a members-only story whose full text only the feed carries, a
	// photo brief, an article in Spanish and one since removed.
	var aRSS []*page
	for i := 0; i <= 24; i++ {
		aRSS = append(aRSS, story(s.A, i, pageHarbor, "", nil))
	}
	upd := aRSS[20]
	early := EarlyVersion(st[20])
	upd.early = &early
	members := s.addPage(&page{host: s.A, path: fmt.Sprintf("/members/%s/%s.html", st[25].ID, slug(st[25].Title)), query: "?utm_source=rss",
		story: st[25], render: pageHarbor, related: related(25), kind: egret.ItemOriginal, feedContent: true})
	brief := s.addPage(&page{host: s.A, path: "/news/photos/week-in-pictures.html", render: pageHarbor, kind: egret.ItemSkipped, reason: "too_short",
		story: Story{ID: "brief", Title: "In pictures: the week in photos", Author: "Photo desk", Section: "World", Published: st[0].Published.Add(-time.Hour),
			Text: briefText, Paragraphs: []string{briefText}}})
	spanish := s.addPage(&page{host: s.A, path: "/news/es/plan-ferroviario.html", render: pageHarbor, lang: "es", kind: egret.ItemSkipped, reason: "language",
		story: Story{ID: "es", Title: "Portugal anuncia un plan para ampliar la red ferroviaria del norte", Author: "Redacción", Section: "Europe",
			Published: st[0].Published.Add(-2 * time.Hour), Text: strings.Join(spanishText, " "), Paragraphs: spanishText}})
	gone := s.addPage(&page{host: s.A, path: "/news/retracted-story.html", status: http.StatusNotFound, kind: egret.ItemSkipped, reason: "HTTP 404",
		story: Story{ID: "gone", Title: "Story removed", Published: st[1].Published}})
	aRSS = append(aRSS, members, brief, spanish, gone)
	s.good = append(s.good, s.addFeed(s.A, "/rss.xml", "rss", aRSS...))

	// Harbor Tribune's news sitemap: six stories already in its RSS feed
	// (same pages, plain links) and two only the sitemap lists.
	var aMap []*page
	for i := 0; i <= 5; i++ {
		aMap = append(aMap, s.pages["a"+aRSS[i].path])
	}
	aMap = append(aMap, story(s.A, 26, pageHarbor, "", nil), story(s.A, 27, pageHarbor, "", nil))
	s.good = append(s.good, s.addFeed(s.A, "/sitemap-news.xml", "sitemap", aMap...))

	// Northfield Courier: Atom with stories 28-49 (28-32 in
	// windows-1252, said in the header), story 88 in ISO-8859-1 (said only
	// in the page), and the wire copy of story 0.
	var bAtom []*page
	for i := 28; i <= 49; i++ {
		p := story(s.B, i, pageCourier, "", nil)
		if i <= 32 {
			p.charset, p.headerCharset = "windows-1252", true
		}
		bAtom = append(bAtom, p)
	}
	latin := story(s.B, 88, pageCourier, "", func(s Story) Story {
		s = withParagraphs(s, mapStrings(s.Paragraphs, Latin1))
		s.Title = Latin1(s.Title)
		return s
	})
	latin.charset = "iso-8859-1"
	wire := story(s.B, 0, pageCourier, "-wire", WireCopy)
	wire.kind, wire.dupOf = egret.ItemNear, aRSS[0].pageURL()
	bAtom = append(bAtom, latin, wire)
	s.good = append(s.good, s.addFeed(s.B, "/atom.xml", "atom", bAtom...))

	// Wirewatch Daily: JSON Feed with stories 50-64, the trimmed copy of
	// story 0 and story 10 syndicated word for word; RSS 1.0 with 65-79.
	var cJSON []*page
	for i := 50; i <= 64; i++ {
		cJSON = append(cJSON, story(s.C, i, pageWirewatch, "", nil))
	}
	trimmed := story(s.C, 0, pageWirewatch, "-report", Trimmed)
	trimmed.kind, trimmed.dupOf = egret.ItemNear, aRSS[0].pageURL()
	synd := story(s.C, 10, pageWirewatch, "-syndicated", nil)
	synd.kind, synd.dupOf = egret.ItemExact, aRSS[10].pageURL()
	cJSON = append(cJSON, trimmed, synd)
	s.good = append(s.good, s.addFeed(s.C, "/feed.json", "json", cJSON...))
	var cRDF []*page
	for i := 65; i <= 79; i++ {
		p := story(s.C, i, pageWirewatch, "", nil)
		p.query = ""
		cRDF = append(cRDF, p)
	}
	s.good = append(s.good, s.addFeed(s.C, "/index.rdf", "rdf", cRDF...))

	// Troubled Times: good feeds behind trouble (a feed failing twice
	// with 503 before it answers, a redirect chain, deflate, windows-1252
	// XML) and the feeds that stay bad (BadFeeds).
	s.good = append(s.good,
		s.addFeed(s.X, "/feeds/flaky.xml", "rss", story(s.X, 80, pageHarbor, "", nil), story(s.X, 81, pageHarbor, "", nil)),
		s.addFeed(s.X, "/feeds/redirect.xml", "rss", story(s.X, 82, pageCourier, "", nil), story(s.X, 83, pageCourier, "", nil)),
		s.addFeed(s.X, "/feeds/deflate.xml", "atom", story(s.X, 84, pageWirewatch, "", nil), story(s.X, 85, pageWirewatch, "", nil)),
	)
	cp := s.addFeed(s.X, "/feeds/cp1252.xml", "rss", story(s.X, 86, pageHarbor, "", nil), story(s.X, 87, pageHarbor, "", nil))
	cp.enc = "windows-1252"
	s.good = append(s.good, cp)
	s.feeds["x/feeds/real.xml"] = s.feeds["x/feeds/redirect.xml"]
	s.addFeed(s.X, "/feeds/broken.xml", "rss", cp.pages...)
	s.addFeed(s.X, "/private/feed.xml", "rss", cp.pages...)

	// Item-level trouble, in a feed of its own (TroubleFeed).
	slow := s.addPage(&page{host: s.X, path: "/articles/slow.html", story: st[1], render: pageHarbor, slow: true, kind: egret.ItemFailed, reason: "timeout"})
	fail := s.addPage(&page{host: s.X, path: "/articles/error.html", story: st[2], status: http.StatusInternalServerError, kind: egret.ItemFailed, reason: "HTTP 500"})
	huge := s.addPage(&page{host: s.X, path: "/articles/huge.html", story: st[3], render: pageHarbor, huge: true, kind: egret.ItemSkipped, reason: "exceeds the limit"})
	loop := s.addPage(&page{host: s.X, path: "/articles/loop.html", story: st[4], loop: true, kind: egret.ItemSkipped, reason: "redirect loop"})
	s.addFeed(s.X, "/feeds/trouble.xml", "rss", slow, fail, huge, loop)

	seen := map[*page]bool{}
	for _, f := range s.good {
		for _, p := range f.pages {
			if !seen[p] {
				seen[p] = true
				s.order = append(s.order, p)
			}
		}
	}
}

var (
	hugeOnce       sync.Once
	hugeRaw, hugeZ []byte
)

// hugeBody is 12 MiB of feed, past the default 10 MiB limit; hugeGzip is
// the same gzipped. Both are made once per process.
func hugeBody() []byte { hugeOnce.Do(makeHuge); return hugeRaw }
func hugeGzip() []byte { hugeOnce.Do(makeHuge); return hugeZ }

func makeHuge() {
	hugeRaw = append([]byte(xmlDecl("")+"<rss version=\"2.0\"><channel><title>Huge</title>"),
		bytes.Repeat([]byte("<!-- padding to make this larger than any sane limit --> "), (12<<20)/57+1)...)
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	zw.Write(hugeRaw)
	zw.Close()
	hugeZ = b.Bytes()
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// briefText is a photo brief: too short to code.
const briefText = "Residents of the coastal town gathered on Sunday to clear debris after the storm. Photos by our staff photographers."

// spanishText is a news story in Spanish, written for the fixture: an
// article egret does not code.
var spanishText = []string{
	"El Gobierno de Portugal anunció el martes un nuevo plan para ampliar la red de trenes regionales en el norte del país. Según el ministro de Infraestructuras, las obras comenzarán el próximo año y costarán unos 900 millones de euros, financiados en parte por fondos europeos.",
	"Los alcaldes de varias ciudades afectadas celebraron la decisión, aunque algunos grupos ecologistas pidieron más información sobre el impacto ambiental de las nuevas líneas. El plan prevé reabrir tres estaciones cerradas desde hace dos décadas y aumentar la frecuencia de los servicios entre Oporto y Braga.",
	"La oposición criticó que el anuncio llegue pocos meses antes de las elecciones municipales y exigió un calendario detallado. El ministerio respondió que publicará todos los documentos técnicos en su sitio web durante las próximas semanas.",
}

// Update publishes the full version of the story that was breaking when
// first fetched: its page grows by three paragraphs, its Last-Modified
// and ETag change, and its feed entry says so.
func (s *Site) Update() {
	s.mu.Lock()
	s.updated = true
	s.mu.Unlock()
}

// UpdatedPageURL is the canonical URL of the article Update changes.
func (s *Site) UpdatedPageURL() string {
	for _, p := range s.order {
		if p.early != nil {
			return p.pageURL()
		}
	}
	return ""
}

// shown returns the story a page shows now.
func (s *Site) shown(p *page) Story {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.early != nil && !s.updated {
		return *p.early
	}
	return p.story
}

func (s *Site) modified(p *page) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.early != nil && s.updated {
		return p.story.Published.Add(3 * time.Hour)
	}
	return p.story.Published
}

// FeedURLs returns the URLs of the feeds that work (after retries and
// redirects), in FeedsFile order.
func (s *Site) FeedURLs() []string {
	var out []string
	for _, f := range s.good {
		out = append(out, f.host.URL+f.path)
	}
	return out
}

// BadFeed is a feed that fails every time, and a piece of the error a
// watcher should report for it.
type BadFeed struct {
	URL  string
	Want string
}

// BadFeeds returns the feeds that never work.
func (s *Site) BadFeeds() []BadFeed {
	x := s.X.URL
	return []BadFeed{
		{x + "/feeds/broken.xml", "XML"},
		{x + "/feeds/missing.xml", "HTTP 404"},
		{x + "/feeds/error.xml", "HTTP 500"},
		{x + "/feeds/slow.xml", "timeout"},
		{x + "/feeds/hang.xml", "timeout"},
		{x + "/feeds/loop.xml", "redirect loop"},
		{x + "/feeds/far.xml", "more than 5 redirects"},
		{x + "/feeds/huge.xml", "exceeds the limit"},
		{x + "/private/feed.xml", "disallowed"},
		{x + "/feeds/notafeed.html", "not RSS, Atom, JSON Feed or a news sitemap"},
	}
}

// TroubleFeed is the URL of a feed whose articles fail: one too slow,
// one answering 500, one too large, one redirecting in a loop.
func (s *Site) TroubleFeed() string { return s.X.URL + "/feeds/trouble.xml" }

// FeedsFile returns a feeds list naming every feed, good ones first (in
// the order Expected assumes) then the bad ones.
func (s *Site) FeedsFile() string {
	var b strings.Builder
	b.WriteString("# the newstest fixture\n")
	outlets := map[string]string{s.A.URL: OutletA, s.B.URL: OutletB, s.C.URL: OutletC, s.X.URL: OutletX}
	for _, u := range s.FeedURLs() {
		host := u[:strings.Index(u[len("http://"):], "/")+len("http://")]
		fmt.Fprintf(&b, "%s outlet=%q every=15m", u, outlets[host])
		if strings.HasSuffix(u, "sitemap-news.xml") {
			b.WriteString(" kind=sitemap")
		}
		b.WriteString("\n")
	}
	for _, f := range s.BadFeeds() {
		fmt.Fprintf(&b, "%s outlet=%q every=15m\n", f.URL, OutletX)
	}
	return b.String()
}

// Expect is what a correct watcher makes of one article of the good
// feeds, polled in FeedsFile order (first copies come first).
type Expect struct {
	Link     string // the link the first feed listing it gives
	PageURL  string // the page's canonical URL
	Outlet   string
	Kind     string // egret.ItemOriginal, ItemNear, ItemExact or ItemSkipped
	DupOf    string // PageURL of the original, for near and exact copies
	Reason   string // for skipped items: a piece of the reason
	Story    Story  // the text and metadata the page shows after Update
	FromFeed bool   // the page is out of bounds: the text comes from the feed
	Charset  string // the page's declared charset, "" for UTF-8
}

// Expected returns the outcome for every article of the good feeds.
func (s *Site) Expected() []Expect {
	out := make([]Expect, 0, len(s.order))
	for _, p := range s.order {
		out = append(out, Expect{Link: p.link(), PageURL: p.pageURL(), Outlet: p.host.Outlet, Kind: p.kind, DupOf: p.dupOf,
			Reason: p.reason, Story: p.story, FromFeed: p.feedContent, Charset: p.charset})
	}
	return out
}

// ExpectTrouble returns the outcome for the articles of TroubleFeed.
func (s *Site) ExpectTrouble() []Expect {
	var out []Expect
	for _, p := range s.feeds["x/feeds/trouble.xml"].pages {
		out = append(out, Expect{Link: p.link(), PageURL: p.pageURL(), Outlet: OutletX, Kind: p.kind, Reason: p.reason, Story: p.story})
	}
	return out
}

// Pages returns every article page whose text is known (the story
// pages, in every template and charset), for extraction accuracy.
func (s *Site) Pages() []Expect {
	var out []Expect
	for _, e := range s.Expected() {
		if e.Kind == egret.ItemSkipped || e.FromFeed {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Count returns the requests made for a URL (its query ignored).
func (s *Site) Count(url string) Count {
	if i := strings.IndexByte(url, '?'); i >= 0 {
		url = url[:i]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range []*Host{s.A, s.B, s.C, s.X} {
		if strings.HasPrefix(url, h.URL+"/") {
			if c := s.counts[h.Name+url[len(h.URL):]]; c != nil {
				return *c
			}
		}
	}
	return Count{}
}

// Total returns the requests made to every host.
func (s *Site) Total() Count {
	s.mu.Lock()
	defer s.mu.Unlock()
	var t Count
	for _, c := range s.counts {
		t.Requests += c.Requests
		t.OK += c.OK
		t.NotModified += c.NotModified
	}
	return t
}

// UserAgents returns the User-Agent headers seen, sorted.
func (s *Site) UserAgents() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for a := range s.agents {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

func (s *Site) count(h *Host, path string, f func(*Count)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.counts[h.Name+path]
	if c == nil {
		c = &Count{}
		s.counts[h.Name+path] = c
	}
	f(c)
}

// ServeHTTP answers one request to the host.
func (h *Host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s := h.site
	s.mu.Lock()
	s.agents[r.UserAgent()] = true
	s.mu.Unlock()
	s.count(h, r.URL.Path, func(c *Count) { c.Requests++ })
	path := r.URL.Path
	switch {
	case path == "/robots.txt":
		if h.robots == "" {
			http.NotFound(w, r)
			return
		}
		s.serve(w, r, h, path, []byte(h.robots), "text/plain; charset=utf-8", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), "")
		return
	case h == s.X:
		if s.trouble(w, r) {
			return
		}
	}
	if strings.HasPrefix(path, "/gen/") {
		s.serveGen(w, r, h)
		return
	}
	if f := s.feeds[h.Name+path]; f != nil {
		s.serveFeed(w, r, f)
		return
	}
	if p := s.pages[h.Name+path]; p != nil {
		s.servePage(w, r, p)
		return
	}
	http.NotFound(w, r)
}

// trouble serves the failure routes of the trouble host; false if the
// path is not one of them.
func (s *Site) trouble(w http.ResponseWriter, r *http.Request) bool {
	switch r.URL.Path {
	case "/feeds/missing.xml":
		http.NotFound(w, r)
	case "/feeds/error.xml":
		http.Error(w, "internal error", http.StatusInternalServerError)
	case "/feeds/flaky.xml":
		s.mu.Lock()
		s.flaky++
		n := s.flaky
		s.mu.Unlock()
		if n <= 2 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return true
		}
		return false
	case "/feeds/slow.xml":
		trickle(w, r, []byte(xmlDecl("")+"<rss version=\"2.0\"><channel><title>Slow</title>"+strings.Repeat(" ", 400)+"</channel></rss>"))
	case "/feeds/hang.xml":
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	case "/feeds/redirect.xml":
		http.Redirect(w, r, "/r/1", http.StatusFound)
	case "/r/1":
		http.Redirect(w, r, "/feeds/real.xml", http.StatusMovedPermanently)
	case "/feeds/loop.xml":
		http.Redirect(w, r, "/feeds/loop2.xml", http.StatusFound)
	case "/feeds/loop2.xml":
		http.Redirect(w, r, "/feeds/loop.xml", http.StatusFound)
	case "/feeds/far.xml":
		http.Redirect(w, r, "/r/far/1", http.StatusFound)
	case "/feeds/huge.xml":
		// 12 MiB that gzip packs into a few kilobytes: the limit must
		// hold after decompression.
		s.count(s.X, r.URL.Path, func(c *Count) { c.OK++ })
		w.Header().Set("Content-Type", "application/rss+xml")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(hugeGzip())
		} else {
			w.Write(hugeBody())
		}
	case "/feeds/broken.xml":
		body := []byte(renderRSS2(s.info(s.feeds["x/feeds/broken.xml"]), s.entries(s.feeds["x/feeds/broken.xml"])))
		s.serve(w, r, s.X, r.URL.Path, body[:len(body)*2/3], "application/rss+xml", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "")
	case "/feeds/notafeed.html":
		s.serve(w, r, s.X, r.URL.Path, []byte("<!doctype html><html><head><title>Feeds</title></head><body><p>Our feeds have moved.</p></body></html>"), "text/html; charset=utf-8", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "")
	case "/articles/loop2.html":
		http.Redirect(w, r, "/articles/loop.html", http.StatusFound)
	default:
		if n, ok := strings.CutPrefix(r.URL.Path, "/r/far/"); ok {
			i, _ := strconv.Atoi(n)
			if i >= 8 {
				http.Redirect(w, r, "/feeds/real.xml", http.StatusFound)
			} else {
				http.Redirect(w, r, fmt.Sprintf("/r/far/%d", i+1), http.StatusFound)
			}
			return true
		}
		return false
	}
	return true
}

// trickle writes the headers, then the body a byte every 50ms, until the
// client gives up.
func trickle(w http.ResponseWriter, r *http.Request, body []byte) {
	w.Header().Set("Content-Type", "application/rss+xml")
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	for _, c := range body {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(50 * time.Millisecond):
		}
		w.Write([]byte{c})
		if fl != nil {
			fl.Flush()
		}
	}
}

func (s *Site) info(f *feed) feedInfo {
	info := feedInfo{Title: f.host.Outlet, Home: f.host.URL + "/", Self: f.host.URL + f.path, Lang: "en", Encoding: f.enc}
	for _, p := range f.pages {
		if m := s.modified(p); m.After(info.Updated) {
			info.Updated = m
		}
	}
	return info
}

func (s *Site) entries(f *feed) []entry {
	var es []entry
	for _, p := range f.pages {
		st := s.shown(p)
		e := entry{Link: p.link(), GUID: p.pageURL(), Title: st.Title, Author: st.Author, Summary: firstWords(st.Text, 40) + " …",
			Published: st.Published, Updated: s.modified(p)}
		if f.format == "sitemap" {
			e.Link = p.pageURL()
		}
		if p.early != nil && st.Text == p.early.Text {
			e.Summary += " This story is developing and will be updated."
		}
		if p.feedContent {
			e.Content = paragraphsHTML(st.Paragraphs)
		}
		if p.lang == "es" {
			e.Summary = firstWords(st.Text, 40)
		}
		es = append(es, e)
	}
	return es
}

func (s *Site) serveFeed(w http.ResponseWriter, r *http.Request, f *feed) {
	info, es := s.info(f), s.entries(f)
	var body, ctype string
	switch f.format {
	case "rss":
		body, ctype = renderRSS2(info, es), "application/rss+xml"
	case "rdf":
		body, ctype = renderRDF(info, es), "application/rdf+xml"
	case "atom":
		body, ctype = renderAtom(info, es), "application/atom+xml"
	case "json":
		body, ctype = renderJSONFeed(info, es), "application/feed+json"
	case "sitemap":
		body, ctype = renderSitemap(info, es), "application/xml"
	}
	raw := []byte(body)
	if f.enc == "windows-1252" {
		raw = encode(charmap.Windows1252, body)
	}
	force := ""
	if f.path == "/feeds/deflate.xml" {
		force = "deflate"
	}
	s.serve(w, r, f.host, r.URL.Path, raw, ctype, info.Updated, force)
}

func (s *Site) servePage(w http.ResponseWriter, r *http.Request, p *page) {
	switch {
	case p.status != 0:
		http.Error(w, http.StatusText(p.status), p.status)
		return
	case p.loop:
		http.Redirect(w, r, "/articles/loop2.html", http.StatusFound)
		return
	}
	st := s.shown(p)
	html := p.render(pageData{Story: st, Outlet: p.host.Outlet, Canonical: p.pageURL(), Related: p.related, Charset: p.charset, Lang: p.lang})
	ctype := "text/html"
	var raw []byte
	switch p.charset {
	case "windows-1252":
		raw = encode(charmap.Windows1252, html)
	case "iso-8859-1":
		raw = encode(charmap.ISO8859_1, Latin1(html)) // related titles too
	default:
		raw = []byte(html)
		ctype += "; charset=utf-8"
	}
	if p.headerCharset {
		ctype += "; charset=" + p.charset
	}
	if p.slow {
		trickle(w, r, raw)
		return
	}
	if p.huge {
		// Served as is, with its Content-Length: refused before reading.
		s.count(p.host, r.URL.Path, func(c *Count) { c.OK++ })
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Length", strconv.Itoa(len(raw)+len(hugeBody())))
		w.Write(raw)
		w.Write(hugeBody())
		return
	}
	s.serve(w, r, p.host, r.URL.Path, raw, ctype, s.modified(p), "")
}

func encode(enc encoding.Encoding, s string) []byte {
	out, err := enc.NewEncoder().String(s)
	if err != nil {
		panic(fmt.Sprintf("newstest: fixture text not representable in %v: %v", enc, err))
	}
	return []byte(out)
}

// serve answers with body, honouring conditional requests (ETag and
// Last-Modified) and compressing with gzip, or deflate when force says.
func (s *Site) serve(w http.ResponseWriter, r *http.Request, h *Host, path string, body []byte, ctype string, modified time.Time, force string) {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
	w.Header().Set("Vary", "Accept-Encoding")
	if notModified(r, etag, modified) {
		s.count(h, path, func(c *Count) { c.NotModified++ })
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", ctype)
	ae := r.Header.Get("Accept-Encoding")
	switch {
	case force == "deflate" && strings.Contains(ae, "deflate"):
		var b bytes.Buffer
		zw := zlib.NewWriter(&b)
		zw.Write(body)
		zw.Close()
		w.Header().Set("Content-Encoding", "deflate")
		body = b.Bytes()
	case force == "" && strings.Contains(ae, "gzip") && len(body) > 512:
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(body)
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		body = b.Bytes()
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	s.count(h, path, func(c *Count) { c.OK++ })
	w.Write(body)
}

func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			if t = strings.TrimSpace(t); t == etag || t == "*" || t == "W/"+etag {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !modified.Truncate(time.Second).After(t) {
			return true
		}
	}
	return false
}

// ManyFeeds returns n generated feed URLs spread over the three outlets,
// each listing two pages of its own (/gen/K/I.html) that show stories of
// the corpus in the outlet's template: for load and memory tests.
func (s *Site) ManyFeeds(n int) []string {
	hosts := []*Host{s.A, s.B, s.C}
	out := make([]string, n)
	for k := range out {
		out[k] = fmt.Sprintf("%s/gen/feed-%d.xml", hosts[k%3].URL, k)
	}
	return out
}

// genPage is page I of generated feed K.
func (s *Site) genPage(h *Host, k, i int) *page {
	st := s.Stories[(k*2+i)%len(s.Stories)]
	render := map[string]func(pageData) string{"a": pageHarbor, "b": pageCourier, "c": pageWirewatch}[h.Name]
	return &page{host: h, path: fmt.Sprintf("/gen/%d/%d.html", k, i), story: st, render: render, kind: egret.ItemOriginal}
}

func (s *Site) serveGen(w http.ResponseWriter, r *http.Request, h *Host) {
	var k, i int
	if _, err := fmt.Sscanf(r.URL.Path, "/gen/feed-%d.xml", &k); err == nil && h.Name != "x" {
		f := &feed{host: h, path: r.URL.Path, format: "rss", pages: []*page{s.genPage(h, k, 0), s.genPage(h, k, 1)}}
		s.serveFeed(w, r, f)
		return
	}
	if _, err := fmt.Sscanf(r.URL.Path, "/gen/%d/%d.html", &k, &i); err == nil && h.Name != "x" && i >= 0 && i < 2 {
		s.servePage(w, r, s.genPage(h, k, i))
		return
	}
	http.NotFound(w, r)
}

// StoredProblems says what is wrong with doc as the stored copy of the
// original article e: its text (bag-of-words F1 under 0.95 against the
// story the page showed, the early version until Update when updated is
// false), title, outlet, URL (canonURL, the page's canonical URL) or date
// (more than a minute off). Nil when nothing is.
func (s *Site) StoredProblems(e Expect, doc *egret.Document, canonURL string, updated bool) []string {
	want := e.Story
	if e.PageURL == s.UpdatedPageURL() && !updated {
		want = EarlyVersion(e.Story)
	}
	var out []string
	if _, _, f1 := Overlap(doc.Text, want.Text); f1 < 0.95 {
		out = append(out, fmt.Sprintf("text F1 %.3f", f1))
	}
	if doc.Title != want.Title || doc.Source != e.Outlet || doc.URL != canonURL {
		out = append(out, fmt.Sprintf("title %q source %q url %q", doc.Title, doc.Source, doc.URL))
	}
	if d := doc.Date.Sub(want.Published); d < -time.Minute || d > time.Minute {
		out = append(out, fmt.Sprintf("date %v, want %v", doc.Date, want.Published))
	}
	return out
}
