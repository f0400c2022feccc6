package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/newstest"
)

var t0 = time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC)

// testClient returns a client for the loopback fixture: private
// addresses allowed, a manual clock, fixed jitter.
func testClient(o Options) (*Client, *newstest.Clock) {
	clock := newstest.NewClock(t0)
	o.AllowPrivate = true
	o.Clock = clock
	if o.Jitter == nil {
		o.Jitter = func() float64 { return 0.5 }
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Second
	}
	return New(o), clock
}

func fetchErr(t *testing.T, err error, kind string) *Error {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *fetch.Error", err, err)
	}
	if fe.Kind != kind {
		t.Fatalf("error kind %q, want %q: %v", fe.Kind, kind, err)
	}
	return fe
}

func TestPublicAddr(t *testing.T) {
	for _, tc := range []struct {
		ip     string
		public bool
	}{
		{"93.184.215.14", true}, {"8.8.8.8", true}, {"2606:4700::1111", true},
		{"127.0.0.1", false}, {"127.9.9.9", false}, {"::1", false},
		{"10.1.2.3", false}, {"172.16.0.1", false}, {"172.31.255.255", false}, {"192.168.1.1", false},
		{"169.254.169.254", false}, {"fe80::1", false}, {"fc00::1", false}, {"fd12:3456::1", false},
		{"0.0.0.0", false}, {"::", false}, {"224.0.0.1", false}, {"ff02::1", false}, {"255.255.255.255", false},
		{"100.64.0.1", false}, {"198.18.0.1", false}, {"192.0.2.1", false}, {"240.0.0.1", false},
		{"::ffff:127.0.0.1", false}, {"::ffff:10.0.0.1", false}, {"::ffff:8.8.8.8", true},
		{"64:ff9b::7f00:1", false}, {"64:ff9b::808:808", true},
		{"172.32.0.1", true}, {"100.128.0.1", true},
	} {
		if got := PublicAddr(netip.MustParseAddr(tc.ip)); got != tc.public {
			t.Errorf("PublicAddr(%s) = %v, want %v", tc.ip, got, tc.public)
		}
	}
}

func TestRobotsRules(t *testing.T) {
	body := `# example
User-agent: Googlebot
Disallow: /

User-Agent: egret/1.0
user-agent: otherbot
Disallow: /private/
Allow: /private/open/
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2.5

User-agent: *
Disallow: /tmp/
`
	r := parseRobots([]byte(body), "egret")
	for _, tc := range []struct {
		path string
		ok   bool
	}{
		{"/", true}, {"/news/1.html", true}, {"/private/x", false}, {"/private/open/x", true}, {"/private", true},
		{"/files/report.pdf", false}, {"/files/report.pdf?x=1", true}, {"/search?q=1", false}, {"/search", true},
		{"/tmp/a", true}, // the * group does not apply when ours exists
		{"/robots.txt", true},
	} {
		if got := r.allowed(tc.path); got != tc.ok {
			t.Errorf("allowed(%q) = %v, want %v", tc.path, got, tc.ok)
		}
	}
	if r.delay != 2500*time.Millisecond {
		t.Errorf("crawl delay %v", r.delay)
	}
	star := parseRobots([]byte("User-agent: *\nDisallow: /tmp/\nDisallow:\n"), "egret")
	if star.allowed("/tmp/a") || !star.allowed("/a") {
		t.Error("* group not applied")
	}
	if r := parseRobots([]byte("\xef\xbb\xbfUser-agent: *\nDisallow: /a$\nAllow: /a*b\nDisallow: /*b\n"), "egret"); r.allowed("/a") || !r.allowed("/ab") || r.allowed("/xb") || !r.allowed("/ax") {
		t.Error("BOM, $ anchor or wildcard mishandled")
	}
	// Equal-length allow and disallow: allow wins.
	if r := parseRobots([]byte("User-agent: *\nDisallow: /page\nAllow: /page\n"), "egret"); !r.allowed("/page") {
		t.Error("tie not resolved to allow")
	}
	if r := parseRobots(nil, "egret"); !r.allowed("/anything") {
		t.Error("empty robots.txt disallows")
	}
}

func TestFeedsOfEveryFormat(t *testing.T) {
	site := newstest.Start(t)
	c, _ := testClient(Options{HostDelay: -1})
	ctx := context.Background()
	formats := map[string]int{}
	for _, u := range site.FeedURLs() {
		resp, err := c.Get(ctx, Request{URL: u})
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		f, err := ParseFeed(resp.Body, resp.URL, egret.FeedAuto)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		formats[f.Format]++
		if len(f.Items) < 2 || len(f.Problems) > 0 {
			t.Errorf("%s: %d items, problems %v", u, len(f.Items), f.Problems)
		}
		for _, it := range f.Items {
			if !strings.HasPrefix(it.Link, "http://127.0.0.1:") || it.Title == "" || it.Published.IsZero() {
				t.Errorf("%s: item %+v", u, it)
			}
			if strings.Contains(it.Title, "\ufffd") || strings.Contains(it.Summary, "\ufffd") {
				t.Errorf("%s: mis-decoded text in %q", u, it.Title+it.Summary)
			}
		}
	}
	for _, want := range []string{"rss", "atom", "json", "sitemap"} {
		if formats[want] == 0 {
			t.Errorf("no %s feed read: %v", want, formats)
		}
	}
	// RSS 1.0 comes through gofeed's RSS parser; check its items are dated.
	resp, err := c.Get(ctx, Request{URL: site.C.URL + "/index.rdf"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFeed(resp.Body, resp.URL, egret.FeedKindRSS)
	if err != nil || len(f.Items) != 15 || f.Items[0].Author == "" {
		t.Fatalf("RSS 1.0: %v %+v", err, f)
	}
	// The windows-1252 feed's typographic quotes decode.
	resp, _ = c.Get(ctx, Request{URL: site.X.URL + "/feeds/cp1252.xml"})
	if !strings.Contains(string(resp.Body), "encoding=\"windows-1252\"") {
		t.Fatal("fixture feed is not windows-1252")
	}
	f, err = ParseFeed(resp.Body, resp.URL, egret.FeedAuto)
	if err != nil || !strings.ContainsAny(f.Items[0].Summary+f.Items[1].Summary, "’“”—…") {
		t.Errorf("windows-1252 feed: %v %q", err, f.Items[0].Summary)
	}
}

func TestParseFeedErrors(t *testing.T) {
	for _, tc := range []struct{ name, body, kind, want string }{
		{"truncated RSS", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>http://a.example/1</link></item><item><title>B</tit`, "", "XML"},
		{"garbage after the root", `<rss version="2.0"><channel><title>T</title></channel></rss><<`, "", "XML"},
		{"truncated Atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><link href="http://a.example/1"/></entry><entry>`, "", "XML"},
		{"HTML page", `<!doctype html><html><body><p>hi</p></body></html>`, "", "not RSS, Atom, JSON Feed or a news sitemap"},
		{"sitemap index", `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://a.example/s1.xml</loc></sitemap></sitemapindex>`, "", "sitemap index"},
		{"sitemap forced on RSS", `<rss version="2.0"><channel></channel></rss>`, egret.FeedSitemap, "sitemap"},
		{"bad JSON feed", `{"version":"https://jsonfeed.org/version/1.1","items":[`, "", "feed.example"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseFeed([]byte(tc.body), "http://feed.example/f", tc.kind)
			if err == nil {
				t.Fatal("no error")
			}
			fetchErr(t, err, ErrFormat)
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "http://feed.example/f") {
				t.Errorf("error %q does not say %q and name the URL", err, tc.want)
			}
		})
	}
	// Lenient where real feeds slip: HTML entities, a bare '&', a
	// mismatched end tag (closed implicitly, as feed readers do).
	f, err := ParseFeed([]byte(`<rss version="2.0"><channel><title>Tom &amp; Jerry&nbsp;News</title><description>line<br>break</description><item><title>Q&A today</title><link>/a/1?x=1&y=2</link></item><item><title>no link</title></item><item><link>mailto:x@example.com</link></item></channel></rss>`), "http://feed.example/f", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || f.Items[0].Link != "http://feed.example/a/1?x=1&y=2" || len(f.Problems) != 2 {
		t.Errorf("items %+v problems %q", f.Items, f.Problems)
	}
	// A news sitemap read by hand.
	f, err = ParseFeed([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/a/1</loc><lastmod>2025-03-14T21:00Z</lastmod><n:news><n:publication><n:name>Example News</n:name><n:language>en</n:language></n:publication><n:publication_date>2025-03-14T20:30:26+01:00</n:publication_date><n:title>Talks resume</n:title></n:news></url>
<url><loc>/a/2</loc><n:news><n:publication_date>yesterday</n:publication_date></n:news></url>
</urlset>`), "https://news.example/sitemap.xml", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{
		{Link: "https://news.example/a/1", GUID: "https://news.example/a/1", Title: "Talks resume", Language: "en",
			Published: time.Date(2025, 3, 14, 19, 30, 26, 0, time.UTC), Updated: time.Date(2025, 3, 14, 21, 0, 0, 0, time.UTC)},
		{Link: "https://news.example/a/2", GUID: "https://news.example/a/2"},
	}
	if !reflect.DeepEqual(f.Items, want) || f.Title != "Example News" || f.Format != "sitemap" || len(f.Problems) != 1 {
		t.Errorf("sitemap: %+v %q %q", f.Items, f.Title, f.Problems)
	}
}

func TestConditionalGet(t *testing.T) {
	site := newstest.Start(t)
	c, _ := testClient(Options{HostDelay: -1})
	ctx := context.Background()
	u := site.A.URL + "/rss.xml"
	first, err := c.Get(ctx, Request{URL: u})
	if err != nil || first.ETag == "" || first.LastModified == "" || first.NotModified {
		t.Fatalf("%v %+v", err, first)
	}
	for _, req := range []Request{{URL: u, ETag: first.ETag}, {URL: u, LastModified: first.LastModified}, {URL: u, ETag: first.ETag, LastModified: first.LastModified}} {
		r, err := c.Get(ctx, req)
		if err != nil || !r.NotModified || len(r.Body) != 0 || r.ETag != first.ETag {
			t.Errorf("conditional %+v: %v %+v", req, err, r)
		}
	}
	if n := site.Count(u); n.NotModified != 3 || n.OK != 1 {
		t.Errorf("fixture counted %+v", n)
	}
	// A changed resource answers in full.
	site.Update()
	r, err := c.Get(ctx, Request{URL: u, ETag: first.ETag})
	if err != nil || r.NotModified || r.ETag == first.ETag {
		t.Errorf("after update: %v %+v", err, r)
	}
	if s := c.Stats(); s.NotModified != 3 || s.Requests < 5 {
		t.Errorf("stats %+v", s)
	}
}

func TestCompression(t *testing.T) {
	site := newstest.Start(t)
	c, _ := testClient(Options{HostDelay: -1})
	ctx := context.Background()
	r, err := c.Get(ctx, Request{URL: site.A.URL + "/rss.xml"})
	if err != nil || !strings.HasSuffix(string(r.Body), "</rss>\n") {
		t.Fatalf("gzip: %v", err)
	}
	direct, err := http.Get(site.A.URL + "/rss.xml") // Go's client asks for gzip and decodes it
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Body.Close()
	if !direct.Uncompressed {
		t.Error("fixture did not gzip the feed")
	}
	r, err = c.Get(ctx, Request{URL: site.X.URL + "/feeds/deflate.xml"})
	if err != nil || !strings.HasSuffix(string(r.Body), "</feed>\n") {
		t.Fatalf("deflate: %v %q", err, r.Body)
	}
}

func TestRedirects(t *testing.T) {
	site := newstest.Start(t)
	c, _ := testClient(Options{HostDelay: -1})
	ctx := context.Background()
	r, err := c.Get(ctx, Request{URL: site.X.URL + "/feeds/redirect.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if r.URL != site.X.URL+"/feeds/real.xml" || len(r.Redirects) != 2 || r.Redirects[1] != site.X.URL+"/r/1" {
		t.Errorf("final %s via %v", r.URL, r.Redirects)
	}
	_, err = c.Get(ctx, Request{URL: site.X.URL + "/feeds/loop.xml"})
	fe := fetchErr(t, err, ErrRedirect)
	if !strings.Contains(err.Error(), "redirect loop") || fe.Transient() {
		t.Errorf("loop: %v", err)
	}
	_, err = c.Get(ctx, Request{URL: site.X.URL + "/feeds/far.xml"})
	fetchErr(t, err, ErrRedirect)
	if !strings.Contains(err.Error(), "more than 5 redirects") {
		t.Errorf("far: %v", err)
	}
	if n := site.Count(site.X.URL + "/r/far/6"); n.Requests != 0 {
		t.Errorf("followed past the limit: %+v", n)
	}
}

func TestSizeLimit(t *testing.T) {
	site := newstest.Start(t)
	c, _ := testClient(Options{HostDelay: -1})
	ctx := context.Background()
	u := site.X.URL + "/feeds/huge.xml"
	_, err := c.Get(ctx, Request{URL: u})
	fe := fetchErr(t, err, ErrTooLarge)
	if fe.Transient() || err.Error() != "GET "+u+": body exceeds the limit of 10485760 bytes" {
		t.Errorf("huge: %v", err)
	}
	small, _ := testClient(Options{HostDelay: -1, MaxBytes: 1000})
	_, err = small.Get(ctx, Request{URL: site.A.URL + "/rss.xml"})
	fetchErr(t, err, ErrTooLarge)
	if !strings.Contains(err.Error(), "limit of 1000 bytes") {
		t.Error(err)
	}
}

func TestRetries(t *testing.T) {
	site := newstest.Start(t)
	c, clock := testClient(Options{HostDelay: -1, BackoffBase: time.Second, BackoffMax: 30 * time.Second})
	ctx := context.Background()
	// 503 twice with Retry-After: 1, then the feed.
	r, err := c.Get(ctx, Request{URL: site.X.URL + "/feeds/flaky.xml"})
	if err != nil || r.Attempts != 3 {
		t.Fatalf("flaky: %v %+v", err, r)
	}
	// Backoff 1s then 2s, each half jittered (0.5): 0.75s (raised to the
	// Retry-After of 1s), then 1.5s.
	if got := clock.Slept(); !reflect.DeepEqual(got, []time.Duration{time.Second, 1500 * time.Millisecond}) {
		t.Errorf("slept %v", got)
	}
	// A 500 every time: three attempts, then a transient error.
	_, err = c.Get(ctx, Request{URL: site.X.URL + "/feeds/error.xml"})
	fe := fetchErr(t, err, ErrStatus)
	if fe.Status != 500 || !fe.Transient() || !IsTransient(err) || site.Count(site.X.URL+"/feeds/error.xml").Requests != 3 {
		t.Errorf("error.xml: %v, %d requests", err, site.Count(site.X.URL+"/feeds/error.xml").Requests)
	}
	// A 404 is not retried.
	_, err = c.Get(ctx, Request{URL: site.X.URL + "/feeds/missing.xml"})
	fe = fetchErr(t, err, ErrStatus)
	if fe.Status != 404 || fe.Transient() || site.Count(site.X.URL+"/feeds/missing.xml").Requests != 1 {
		t.Errorf("missing.xml: %v", err)
	}
	if s := c.Stats(); s.Retries != 4 || s.Errors != 2 {
		t.Errorf("stats %+v", s)
	}
	// The backoff doubles up to its cap; jitter spreads the upper half.
	c2, _ := testClient(Options{BackoffBase: time.Second, BackoffMax: 5 * time.Second, Jitter: func() float64 { return 0 }})
	var got []time.Duration
	for n := 1; n <= 5; n++ {
		got = append(got, c2.backoff(n))
	}
	if want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 2500 * time.Millisecond, 2500 * time.Millisecond}; !reflect.DeepEqual(got, want) {
		t.Errorf("backoff %v, want %v", got, want)
	}
}

func TestTimeouts(t *testing.T) {
	site := newstest.Start(t)
	c, _ := testClient(Options{HostDelay: -1, Timeout: 300 * time.Millisecond, HeaderTimeout: 200 * time.Millisecond, Retries: -1})
	ctx := context.Background()
	for _, path := range []string{"/feeds/slow.xml", "/feeds/hang.xml"} {
		start := time.Now()
		_, err := c.Get(ctx, Request{URL: site.X.URL + path})
		fe := fetchErr(t, err, ErrTimeout)
		if !fe.Transient() {
			t.Errorf("%s: timeout not transient", path)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: gave up after %v", path, d)
		}
	}
	// The caller's cancellation stops at once, without retries.
	c2, _ := testClient(Options{HostDelay: -1})
	ctx2, cancel := context.WithCancel(ctx)
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	if _, err := c2.Get(ctx2, Request{URL: site.X.URL + "/feeds/hang.xml"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestRobots(t *testing.T) {
	site := newstest.Start(t)
	c, clock := testClient(Options{HostDelay: -1})
	ctx := context.Background()
	var members string
	for _, e := range site.Expected() {
		if e.FromFeed {
			members = e.Link
		}
	}
	_, err := c.Get(ctx, Request{URL: members})
	fe := fetchErr(t, err, ErrRobots)
	if fe.Transient() || !strings.Contains(err.Error(), "disallowed for egret") {
		t.Errorf("members: %v", err)
	}
	if n := site.Count(members); n.Requests != 0 {
		t.Error("fetched a disallowed page")
	}
	for i := 0; i < 3; i++ {
		if _, err := c.Get(ctx, Request{URL: site.A.URL + "/rss.xml"}); err != nil {
			t.Fatal(err)
		}
	}
	if n := site.Count(site.A.URL + "/robots.txt"); n.Requests != 1 {
		t.Errorf("robots.txt fetched %d times, want once (cached)", n.Requests)
	}
	// Cached for RobotsTTL, then fetched again.
	clock.Advance(25 * time.Hour)
	c.Get(ctx, Request{URL: site.A.URL + "/rss.xml"})
	if n := site.Count(site.A.URL + "/robots.txt"); n.Requests != 2 {
		t.Errorf("robots.txt fetched %d times after expiry, want 2", n.Requests)
	}
	_, err = c.Get(ctx, Request{URL: site.X.URL + "/private/feed.xml"})
	fetchErr(t, err, ErrRobots)
	// No robots.txt (404): everything allowed.
	if _, err := c.Get(ctx, Request{URL: site.C.URL + "/feed.json"}); err != nil {
		t.Error(err)
	}
	// Northfield Courier asks for a Crawl-delay of 2s: requests start 2s apart.
	before := len(clock.Slept())
	for i := 0; i < 3; i++ {
		if _, err := c.Get(ctx, Request{URL: site.B.URL + "/atom.xml"}); err != nil {
			t.Fatal(err)
		}
	}
	if got := clock.Slept()[before:]; len(got) < 2 || got[len(got)-1] != 2*time.Second {
		t.Errorf("crawl delay not kept: slept %v", got)
	}
	// IgnoreRobots fetches anyway.
	ign, _ := testClient(Options{HostDelay: -1, IgnoreRobots: true})
	if _, err := ign.Get(ctx, Request{URL: members}); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestRobotsUnreachable(t *testing.T) {
	var robots atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robots.Add(1)
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("page"))
	}))
	defer srv.Close()
	c, clock := testClient(Options{HostDelay: -1, Retries: -1})
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/a"})
	fe := fetchErr(t, err, ErrRobots)
	if !fe.Transient() || !strings.Contains(err.Error(), "unreachable") {
		t.Errorf("unreachable robots.txt: %v", err)
	}
	c.Get(context.Background(), Request{URL: srv.URL + "/b"})
	if robots.Load() != 1 {
		t.Errorf("robots.txt asked %d times within its retry period", robots.Load())
	}
	clock.Advance(11 * time.Minute)
	c.Get(context.Background(), Request{URL: srv.URL + "/b"})
	if robots.Load() != 2 {
		t.Errorf("robots.txt not asked again after 10 minutes (%d)", robots.Load())
	}
}

func TestHostLimits(t *testing.T) {
	var inflight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inflight.Add(1)
		defer inflight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c, clock := testClient(Options{PerHost: 2, HostDelay: 500 * time.Millisecond, IgnoreRobots: true})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/x"}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if peak.Load() != 2 {
		t.Errorf("peak concurrency %d, want 2", peak.Load())
	}
	// Eight starts 500ms apart: the clock moved 3.5s.
	if got := clock.Now().Sub(t0); got != 3500*time.Millisecond {
		t.Errorf("host delay: clock moved %v, want 3.5s (slept %v)", got, clock.Slept())
	}
}

func TestPrivateAddressesRefused(t *testing.T) {
	site := newstest.Start(t)
	before := site.Total().Requests
	c := New(Options{Clock: newstest.NewClock(t0)})
	ctx := context.Background()
	for _, u := range []string{
		site.A.URL + "/rss.xml",
		strings.Replace(site.A.URL, "127.0.0.1", "localhost", 1) + "/rss.xml", // a name resolving to loopback
		strings.Replace(site.A.URL, "127.0.0.1", "[::ffff:127.0.0.1]", 1) + "/rss.xml",
	} {
		_, err := c.Get(ctx, Request{URL: u})
		fe := fetchErr(t, err, ErrPrivate)
		if fe.Transient() || !strings.Contains(err.Error(), "refusing a non-public address") {
			t.Errorf("%s: %v", u, err)
		}
	}
	if site.Total().Requests != before {
		t.Errorf("%d requests reached the fixture", site.Total().Requests-before)
	}
	// A redirect from an allowed address to a refused one is stopped at
	// the hop: the guard runs on every connection. Here 127.0.0.1 stands
	// for a public address and 127.0.0.2 for a private one.
	inner := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) }))
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	inner.Listener = ln
	inner.Start()
	defer inner.Close()
	outer := httptest.NewServer(http.RedirectHandler(inner.URL+"/", http.StatusFound))
	defer outer.Close()
	guarded := New(Options{Clock: newstest.NewClock(t0), IgnoreRobots: true, HostDelay: -1})
	guarded.public = func(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") }
	_, err = guarded.Get(ctx, Request{URL: outer.URL + "/start"})
	fe := fetchErr(t, err, ErrPrivate)
	if fe.Addr != "127.0.0.2" || !strings.HasPrefix(fe.URL, inner.URL) {
		t.Errorf("redirect hop: %v", err)
	}
}

func TestUserAgentAndBadURLs(t *testing.T) {
	site := newstest.Start(t)
	c, _ := testClient(Options{HostDelay: -1})
	if _, err := c.Get(context.Background(), Request{URL: site.A.URL + "/rss.xml"}); err != nil {
		t.Fatal(err)
	}
	for _, ua := range site.UserAgents() {
		if !strings.HasPrefix(ua, "egret/") || !strings.Contains(ua, ProjectURL) {
			t.Errorf("User-Agent %q does not name egret and its URL", ua)
		}
	}
	for _, u := range []string{"ftp://a.example/x", "/relative", "http://", "http://[::1"} {
		_, err := c.Get(context.Background(), Request{URL: u})
		fetchErr(t, err, ErrURL)
	}
}
