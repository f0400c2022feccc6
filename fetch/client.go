// Package fetch is egret's polite HTTP client for news feeds and article pages: timeouts, size limits, compression, bounded redirects, conditional GET, robots.txt, per-host limits, retries with backoff, an SSRF guard, and feed and news-sitemap parsing.
package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Version and the project URL name egret in its User-Agent, so a site's
// operator can see who is fetching and why.
const (
	Version     = "0.1"
	ProjectURL  = "https://github.com/egret-events/egret"
	RobotsToken = "egret" // the product token robots.txt groups are matched against
)

// DefaultUserAgent names egret and where to read about it.
var DefaultUserAgent = "egret/" + Version + " (+" + ProjectURL + "; news event coder)"

// Clock is the time source of a Client: waits between retries and
// between requests to one host go through it, so tests run them without
// sleeping.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, returning ctx's error then.
	Sleep(ctx context.Context, d time.Duration) error
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }

// Sleep waits for d or until ctx is done.
func (SystemClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Options configure a Client; zero fields take the defaults in brackets.
type Options struct {
	UserAgent      string        // [DefaultUserAgent]
	ConnectTimeout time.Duration // TCP and TLS set-up [10s]
	HeaderTimeout  time.Duration // from request sent to response headers [20s]
	Timeout        time.Duration // one attempt, body included [60s]
	MaxBytes       int64         // body limit after decompression [10 MiB]
	MaxRedirects   int           // [5]; a loop is refused at once
	PerHost        int           // requests in flight to one host [2]
	HostDelay      time.Duration // least time between request starts to one host [1s; -1 for none]; robots.txt Crawl-delay raises it (to 60s at most)
	Retries        int           // further attempts after a 5xx, 429, timeout or network error [2]; -1 for none
	BackoffBase    time.Duration // wait before the first retry, doubled each time [1s]
	BackoffMax     time.Duration // cap on one wait, Retry-After included [30s]
	RobotsTTL      time.Duration // how long a robots.txt is trusted [24h]
	IgnoreRobots   bool          // do not fetch or obey robots.txt (only for the user's own sites)
	AllowPrivate   bool          // allow loopback, private and link-local addresses (tests, intranets)
	Clock          Clock         // [SystemClock]
	Jitter         func() float64
	// Jitter returns a number in [0, 1) spreading retries: the wait is
	// half the backoff plus Jitter() times the other half [math/rand/v2].
	Logger *slog.Logger // [discard]
}

func (o *Options) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	def(&o.ConnectTimeout, 10*time.Second)
	def(&o.HeaderTimeout, 20*time.Second)
	def(&o.Timeout, 60*time.Second)
	def(&o.BackoffBase, time.Second)
	def(&o.BackoffMax, 30*time.Second)
	def(&o.RobotsTTL, 24*time.Hour)
	if o.HostDelay == 0 {
		o.HostDelay = time.Second
	} else if o.HostDelay < 0 {
		o.HostDelay = 0
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Retries == 0 {
		o.Retries = 2
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Clock == nil {
		o.Clock = SystemClock{}
	}
	if o.Jitter == nil {
		o.Jitter = rand.Float64
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Error kinds.
const (
	ErrStatus   = "status"    // the server answered 4xx or 5xx
	ErrTooLarge = "too_large" // the body passed MaxBytes
	ErrTimeout  = "timeout"   // an attempt passed a timeout
	ErrNetwork  = "network"   // connection refused, reset, DNS failure
	ErrRedirect = "redirect"  // too many redirects, a loop, or a bad Location
	ErrRobots   = "robots"    // robots.txt disallows the URL (or could not be read)
	ErrPrivate  = "private"   // the address is not public and AllowPrivate is off
	ErrURL      = "url"       // not an absolute http(s) URL
	ErrEncoding = "encoding"  // an unknown or corrupt Content-Encoding
	ErrFormat   = "format"    // the body is not a feed this package reads
)

// Error is a failed fetch: which URL, what kind of failure, and whether
// trying again later may succeed.
type Error struct {
	URL    string
	Kind   string
	Status int    // ErrStatus: the HTTP status
	Limit  int64  // ErrTooLarge: the limit passed
	Addr   string // ErrPrivate: the refused address
	Err    error
}

func (e *Error) Error() string {
	var msg string
	switch e.Kind {
	case ErrStatus:
		msg = fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	case ErrTooLarge:
		msg = fmt.Sprintf("body exceeds the limit of %d bytes", e.Limit)
	case ErrPrivate:
		msg = "refusing a non-public address"
		if e.Addr != "" {
			msg += " " + e.Addr
		}
		msg += " (allow private addresses to fetch it)"
	default:
		msg = e.Kind
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	if e.URL != "" {
		return "GET " + e.URL + ": " + msg
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Transient reports whether the failure may pass: server errors, 429,
// timeouts and network errors. Everything else (404, too large, robots,
// private addresses, loops) will fail the same way again.
func (e *Error) Transient() bool {
	switch e.Kind {
	case ErrTimeout, ErrNetwork:
		return true
	case ErrStatus:
		return e.Status == http.StatusTooManyRequests || e.Status == http.StatusRequestTimeout || e.Status >= 500
	case ErrRobots:
		return errors.Is(e.Err, errRobotsUnreachable)
	}
	return false
}

// IsTransient reports whether err is a fetch error that may pass on a
// later try.
func IsTransient(err error) bool {
	var fe *Error
	return errors.As(err, &fe) && fe.Transient()
}

// Request is one GET, with the validators of the copy already held.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
	Accept       string // [text/html, feeds and XML]
}

// Response is a fetched resource. NotModified is set (and Body empty)
// when the server answered 304 to a conditional request.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	NotModified  bool
	ETag         string
	LastModified string
	ContentType  string
	Body         []byte
	Redirects    []string // URLs redirected from, in order
	Attempts     int      // requests made for the final URL (1 + retries)
}

// Stats are a client's running totals, for /metrics.
type Stats struct {
	Requests    int64 // HTTP requests sent, retries and robots.txt included
	NotModified int64 // 304 answers
	Retries     int64
	Errors      int64 // failed Gets (after retries)
	Bytes       int64 // body bytes read, decompressed
}

// Client fetches politely. It is safe for concurrent use.
type Client struct {
	opt    Options
	http   *http.Client
	robots *robotsCache
	public func(netip.Addr) bool // the guard's test: PublicAddr

	mu    sync.Mutex
	hosts map[string]*hostGate
	stats Stats
}

// New returns a client with options o.
func New(o Options) *Client {
	o.defaults()
	c := &Client{opt: o, hosts: map[string]*hostGate{}, public: PublicAddr}
	dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second, Control: c.control}
	tr := &http.Transport{
		Proxy:                 nil, // the guard checks the address dialed: a proxy would hide it
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   o.ConnectTimeout,
		ResponseHeaderTimeout: o.HeaderTimeout,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   o.PerHost,
		IdleConnTimeout:       90 * time.Second,
		DisableCompression:    true, // gzip and deflate are decoded here, under the size limit
		ForceAttemptHTTP2:     true,
	}
	c.http = &http.Client{
		Transport: tr,
		// Redirects are followed by Get, hop by hop, so each hop passes
		// robots.txt and the host limits.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	c.robots = newRobotsCache()
	return c
}

// Close releases idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

// Stats returns the client's totals so far.
func (c *Client) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

func (c *Client) count(f func(*Stats)) {
	c.mu.Lock()
	f(&c.stats)
	c.mu.Unlock()
}

// Get fetches req.URL, following redirects, retrying transient
// failures, and honouring robots.txt and the host limits. A 304 answer
// to a conditional request is a success with NotModified set; any other
// non-2xx answer is an *Error.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	resp, err := c.get(ctx, req)
	if err != nil {
		c.count(func(s *Stats) { s.Errors++ })
		c.opt.Logger.Debug("fetch failed", "url", req.URL, "err", err)
	}
	return resp, err
}

func (c *Client) get(ctx context.Context, req Request) (*Response, error) {
	u, err := checkURL(req.URL)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{u.String(): true}
	var chain []string
	for {
		if !c.opt.IgnoreRobots {
			if err := c.allowed(ctx, u); err != nil {
				return nil, err
			}
		}
		resp, err := c.retrying(ctx, u, req)
		if err != nil {
			return nil, err
		}
		if resp.location == "" {
			resp.Redirects = chain
			return &resp.Response, nil
		}
		next, err := u.Parse(resp.location)
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") || next.Host == "" {
			return nil, &Error{URL: u.String(), Kind: ErrRedirect, Err: fmt.Errorf("bad Location %q", resp.location)}
		}
		next.Fragment = ""
		chain = append(chain, u.String())
		if seen[next.String()] {
			return nil, &Error{URL: req.URL, Kind: ErrRedirect, Err: fmt.Errorf("redirect loop: %s → %s", strings.Join(chain, " → "), next)}
		}
		if len(chain) > c.opt.MaxRedirects {
			return nil, &Error{URL: req.URL, Kind: ErrRedirect, Err: fmt.Errorf("more than %d redirects", c.opt.MaxRedirects)}
		}
		seen[next.String()] = true
		u = next
	}
}

func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &Error{URL: raw, Kind: ErrURL, Err: err}
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{URL: raw, Kind: ErrURL, Err: errors.New("not an absolute http or https URL")}
	}
	u.Fragment = ""
	return u, nil
}

// attemptResult is one answer: a response, or a redirect to follow.
type attemptResult struct {
	Response
	location   string
	retryAfter time.Duration
}

// retrying makes attempts at one URL until one succeeds, fails for good,
// or the retries are spent.
func (c *Client) retrying(ctx context.Context, u *url.URL, req Request) (*attemptResult, error) {
	for attempt := 1; ; attempt++ {
		res, err := c.attempt(ctx, u, req)
		if err == nil {
			res.Attempts = attempt
			return res, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !IsTransient(err) || attempt > c.opt.Retries {
			return nil, err
		}
		wait := c.backoff(attempt)
		if res != nil && res.retryAfter > 0 {
			wait = min(max(wait, res.retryAfter), c.opt.BackoffMax)
		}
		c.opt.Logger.Debug("fetch retry", "url", u.String(), "attempt", attempt, "wait", wait, "err", err)
		c.count(func(s *Stats) { s.Retries++ })
		if err := c.opt.Clock.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// backoff is the wait before retry n (1-based): BackoffBase doubled n-1
// times, capped, half of it jittered.
func (c *Client) backoff(n int) time.Duration {
	d := c.opt.BackoffBase << (n - 1)
	if d > c.opt.BackoffMax || d <= 0 {
		d = c.opt.BackoffMax
	}
	return d/2 + time.Duration(c.opt.Jitter()*float64(d/2))
}

// attempt makes one request under the host limits and reads the body.
func (c *Client) attempt(ctx context.Context, u *url.URL, req Request) (*attemptResult, error) {
	release, err := c.acquire(ctx, u.Host)
	if err != nil {
		return nil, err
	}
	defer release()
	actx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{URL: u.String(), Kind: ErrURL, Err: err}
	}
	hr.Header.Set("User-Agent", c.opt.UserAgent)
	accept := req.Accept
	if accept == "" {
		accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
	}
	hr.Header.Set("Accept", accept)
	hr.Header.Set("Accept-Encoding", "gzip, deflate")
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	c.count(func(s *Stats) { s.Requests++ })
	resp, err := c.http.Do(hr)
	if err != nil {
		return nil, c.classify(u, actx, err)
	}
	defer resp.Body.Close()
	res := &attemptResult{Response: Response{
		URL: u.String(), Status: resp.StatusCode,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
		ContentType: resp.Header.Get("Content-Type"),
	}}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		if res.ETag == "" {
			res.ETag = req.ETag
		}
		if res.LastModified == "" {
			res.LastModified = req.LastModified
		}
		c.count(func(s *Stats) { s.NotModified++ })
		return res, nil
	case resp.StatusCode >= 300 && resp.StatusCode < 400 && resp.Header.Get("Location") != "":
		res.location = resp.Header.Get("Location")
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode >= 300:
		res.retryAfter = retryAfter(resp.Header.Get("Retry-After"), c.opt.Clock.Now())
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		return res, &Error{URL: u.String(), Kind: ErrStatus, Status: resp.StatusCode}
	}
	if resp.ContentLength > c.opt.MaxBytes {
		return nil, &Error{URL: u.String(), Kind: ErrTooLarge, Limit: c.opt.MaxBytes}
	}
	body, err := c.readBody(u, actx, resp)
	if err != nil {
		return nil, err
	}
	res.Body = body
	c.count(func(s *Stats) { s.Bytes += int64(len(body)) })
	return res, nil
}

// readBody decodes the Content-Encoding and reads at most MaxBytes.
func (c *Client) readBody(u *url.URL, actx context.Context, resp *http.Response) ([]byte, error) {
	var r io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, c.bodyError(u, actx, err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		// "deflate" is zlib-wrapped by the standard, raw in some servers.
		br := newPeekReader(resp.Body)
		if zr, err := zlib.NewReader(br); err == nil {
			defer zr.Close()
			r = zr
		} else {
			br.rewind()
			r = flate.NewReader(br)
		}
	default:
		return nil, &Error{URL: u.String(), Kind: ErrEncoding, Err: fmt.Errorf("unsupported Content-Encoding %q", enc)}
	}
	body, err := io.ReadAll(io.LimitReader(r, c.opt.MaxBytes+1))
	if err != nil {
		return nil, c.bodyError(u, actx, err)
	}
	if int64(len(body)) > c.opt.MaxBytes {
		return nil, &Error{URL: u.String(), Kind: ErrTooLarge, Limit: c.opt.MaxBytes}
	}
	return body, nil
}

// bodyError classifies a failure while reading or decoding a body.
func (c *Client) bodyError(u *url.URL, actx context.Context, err error) error {
	if actx.Err() != nil || isNetErr(err) {
		return c.classify(u, actx, err)
	}
	return &Error{URL: u.String(), Kind: ErrEncoding, Err: err}
}

// isNetErr reports a failure of the connection rather than of the data:
// a server hanging up mid-body is worth another try, corrupt gzip is not.
func isNetErr(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF)
}

// classify turns a transport error into an *Error.
func (c *Client) classify(u *url.URL, actx context.Context, err error) error {
	var fe *Error
	if errors.As(err, &fe) { // the guard's refusal
		fe.URL = u.String()
		return fe
	}
	if errors.Is(err, context.DeadlineExceeded) || actx.Err() == context.DeadlineExceeded {
		return &Error{URL: u.String(), Kind: ErrTimeout, Err: fmt.Errorf("no complete answer within %s", c.opt.Timeout)}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &Error{URL: u.String(), Kind: ErrTimeout, Err: err}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &Error{URL: u.String(), Kind: ErrNetwork, Err: err}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// peekReader remembers the first bytes read so a failed zlib header
// check can start over as raw deflate.
type peekReader struct {
	r    io.Reader
	buf  bytes.Buffer
	back *bytes.Reader
}

func newPeekReader(r io.Reader) *peekReader { return &peekReader{r: r} }

func (p *peekReader) Read(b []byte) (int, error) {
	if p.back != nil {
		if p.back.Len() > 0 {
			return p.back.Read(b)
		}
		return p.r.Read(b)
	}
	n, err := p.r.Read(b)
	p.buf.Write(b[:n])
	return n, err
}

func (p *peekReader) rewind() { p.back = bytes.NewReader(p.buf.Bytes()) }

// ReadByte lets flate and zlib read without buffering past the stream.
func (p *peekReader) ReadByte() (byte, error) {
	var b [1]byte
	_, err := io.ReadFull(p, b[:])
	return b[0], err
}
