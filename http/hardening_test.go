package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
	"github.com/egret-events/egret/sqlite"
	"github.com/egret-events/egret/storetest"
)

// documentView is the answer of GET /api/v1/documents/{id}.
type documentView struct {
	Document    egret.Document      `json:"document"`
	Events      []egret.StoredEvent `json:"events"`
	Segments    []egrethttp.Segment `json:"segments"`
	TotalEvents int                 `json:"total_events"`
	NextCursor  string              `json:"next_cursor"`
}

// TestDocumentViewIsPaged: a document with thousands of events is read a
// page at a time, each page's segments tiling the text with the marks of
// that page's events only (issue 13.2: the view was quadratic in events).
func TestDocumentViewIsPaged(t *testing.T) {
	s := newServer(t, "")
	const n = 2500
	text := strings.Repeat("Russia accused Syria. ", n)
	b, _ := json.Marshal(map[string]string{"id": "big", "text": text, "date": "2020-01-02"})
	var res egrethttp.PostResult
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/json", string(b), &res); code != 200 || res.Events != n {
		t.Fatalf("post: %d %s", code, body)
	}
	var v documentView
	if code, body := s.do(t, "GET", "/api/v1/documents/big", "", "", &v); code != 200 {
		t.Fatalf("get: %d %s", code, body)
	}
	if len(v.Events) != egret.DefaultDocumentEvents || v.TotalEvents != n || v.NextCursor == "" {
		t.Fatalf("first page: %d events of %d, cursor %q", len(v.Events), v.TotalEvents, v.NextCursor)
	}
	seen := 0
	for cursor := ""; ; {
		var v documentView
		if code, body := s.do(t, "GET", "/api/v1/documents/big?limit=1000&cursor="+url.QueryEscape(cursor), "", "", &v); code != 200 {
			t.Fatalf("page %q: %d %s", cursor, code, body)
		}
		var rebuilt strings.Builder
		marks := 0
		for _, seg := range v.Segments {
			rebuilt.WriteString(seg.Text)
			for _, m := range seg.Marks {
				if m.Event < 0 || m.Event >= len(v.Events) {
					t.Fatalf("mark %+v points outside the page's %d events", m, len(v.Events))
				}
				marks++
			}
		}
		if rebuilt.String() != text || marks != 3*len(v.Events) {
			t.Errorf("page %q: segments rebuild the text %v, %d marks for %d events", cursor, rebuilt.String() == text, marks, len(v.Events))
		}
		seen += len(v.Events)
		if cursor = v.NextCursor; cursor == "" {
			break
		}
	}
	if seen != n {
		t.Errorf("paged through %d events, want %d", seen, n)
	}
	// Opening the document at an event gives the page holding it.
	var page egret.EventPage
	s.do(t, "GET", "/api/v1/events?doc_id=big&limit=1", "", "", &page)
	ev := page.Events[0]
	s.do(t, "GET", fmt.Sprintf("/api/v1/documents/big?event=%d&limit=100", ev.ID), "", "", &v)
	found := false
	for _, e := range v.Events {
		found = found || e.ID == ev.ID
	}
	if !found || len(v.Events) != 100 {
		t.Errorf("page of event %d: %d events, holds it %v", ev.ID, len(v.Events), found)
	}
	for _, q := range []string{"limit=1001", "limit=x", "event=x", "cursor=%00", "page=2"} {
		if code, body := s.do(t, "GET", "/api/v1/documents/big?"+q, "", "", nil); code != 400 {
			t.Errorf("?%s: %d %s, want 400", q, code, body)
		}
	}
}

// call sends a request with headers and returns the status, the headers
// and the body.
func call(t *testing.T, method, u string, headers map[string]string, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header[k] = []string{v}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, string(b)
}

// errorOf decodes a JSON error body, failing the test when it is not one.
func errorOf(t *testing.T, body string) (code, message string) {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" {
		t.Errorf("not a JSON error body: %q", body)
	}
	return e.Error.Code, e.Error.Message
}

// TestCrossSiteWritesAndRebinding (issue 13.1): a page on another origin
// must not write to a local server, and a DNS name that is not ours must
// not be served at all.
func TestCrossSiteWritesAndRebinding(t *testing.T) {
	s := newServer(t, "", func(c *egrethttp.Config) {
		c.AllowOrigins = []string{"http://dash.example:3000"}
		c.Hosts = []string{"egret.example"}
	})
	doc := `{"id":"p","text":"Iran threatened Israel."}`
	post := "/api/v1/documents"
	for _, tc := range []struct {
		name    string
		headers map[string]string
		status  int
		msg     string
	}{
		{"no content type", map[string]string{"Content-Type": ""}, 415, "Content-Type"},
		{"unparsable content type", map[string]string{"Content-Type": "application/json;;=="}, 415, "Content-Type"},
		{"form post", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "application/json"},
		{"text/plain (a CORS-simple type)", map[string]string{"Content-Type": "text/plain"}, 415, "application/json"},
		{"other origin", map[string]string{"Content-Type": "application/json", "Origin": "http://evil"}, 403, `origin "http://evil"`},
		{"opaque origin", map[string]string{"Content-Type": "application/json", "Origin": "null"}, 403, "origin"},
		{"cross-site fetch", map[string]string{"Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"}, 403, "cross-site"},
		{"same-site other port", map[string]string{"Content-Type": "application/json", "Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:1"}, 403, "origin"},
		{"rebound name", map[string]string{"Content-Type": "application/json", "Host": "attacker.example"}, 403, `host "attacker.example"`},
		{"same origin", map[string]string{"Content-Type": "application/json", "Origin": s.url, "Sec-Fetch-Site": "same-origin"}, 200, ""},
		{"allowed origin", map[string]string{"Content-Type": "application/json", "Origin": "http://dash.example:3000", "Sec-Fetch-Site": "cross-site"}, 200, ""},
		{"configured host", map[string]string{"Content-Type": "application/json", "Host": "egret.example:8080"}, 200, ""},
		{"localhost", map[string]string{"Content-Type": "application/json", "Host": "localhost:8080"}, 200, ""},
		{"ndjson", map[string]string{"Content-Type": "application/x-ndjson; charset=utf-8"}, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := call(t, "POST", s.url+post, tc.headers, doc)
			if status != tc.status {
				t.Fatalf("got %d %s, want %d", status, body, tc.status)
			}
			if tc.msg != "" {
				if _, msg := errorOf(t, body); !strings.Contains(msg, tc.msg) {
					t.Errorf("message %q does not mention %q", msg, tc.msg)
				}
			}
		})
	}
	// Reads under a rebound name are refused too: they would hand the
	// data to the attacker's page.
	for _, p := range []string{"/api/v1/events", "/", "/healthz"} {
		if status, _, body := call(t, "GET", s.url+p, map[string]string{"Host": "attacker.example:80"}, ""); status != 403 {
			t.Errorf("GET %s as attacker.example: %d %s", p, status, body)
		}
	}
	if status, _, _ := call(t, "GET", s.url+"/api/v1/events", map[string]string{"Host": "[::1]:8080"}, ""); status != 200 {
		t.Errorf("GET as [::1]: %d", status)
	}
}

// TestMethodNotAllowed (issue 13.8): a known path with another method is
// 405 with Allow and a JSON body, everywhere.
func TestMethodNotAllowed(t *testing.T) {
	s := newServer(t, "")
	for _, tc := range []struct{ method, path, allow string }{
		{"PUT", "/api/v1/documents", "POST"}, {"DELETE", "/api/v1/events", "GET, HEAD"}, {"OPTIONS", "/api/v1/series", "GET, HEAD"},
		{"PUT", "/api/v1/documents/a/b", "GET, HEAD"}, {"DELETE", "/api/v1/code", "POST"}, {"PUT", "/healthz", "GET, HEAD"},
		{"POST", "/metrics", "GET, HEAD"}, {"POST", "/", "GET, HEAD"}, {"DELETE", "/app.js", "GET, HEAD"},
	} {
		status, h, body := call(t, tc.method, s.url+tc.path, map[string]string{"Content-Type": "application/json"}, "")
		if status != 405 || h.Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d Allow %q, want 405 Allow %q", tc.method, tc.path, status, h.Get("Allow"), tc.allow)
			continue
		}
		if code, _ := errorOf(t, body); code != "method_not_allowed" {
			t.Errorf("%s %s: code %q", tc.method, tc.path, code)
		}
	}
	if status, _, body := call(t, "GET", s.url+"/api/v1/nothing", nil, ""); status != 404 {
		t.Errorf("unknown endpoint: %d %s", status, body)
	}
}

// TestBearerSchemeIsCaseInsensitive (issue 13.8, RFC 9110 11.1).
func TestBearerSchemeIsCaseInsensitive(t *testing.T) {
	s := newServer(t, "s3cret")
	for _, auth := range []string{"Bearer s3cret", "bearer s3cret", "BEARER  s3cret"} {
		if status, _, body := call(t, "POST", s.url+"/api/v1/code", map[string]string{"Content-Type": "application/json", "Authorization": auth}, `{"id":"a","text":"x"}`); status != 200 {
			t.Errorf("%q: %d %s", auth, status, body)
		}
	}
	if status, _, _ := call(t, "POST", s.url+"/api/v1/code", map[string]string{"Content-Type": "application/json", "Authorization": "Basic s3cret"}, `{"id":"a","text":"x"}`); status != 401 {
		t.Errorf("Basic scheme: %d", status)
	}
}

// TestInputBounds holds the input cases of issue 13.3, 13.4, 13.7 and 13.8
// as the API answers them.
func TestInputBounds(t *testing.T) {
	s := newServer(t, "", func(c *egrethttp.Config) { c.MaxDocumentBytes = 1000 })
	words := strings.TrimSpace(strings.Repeat("grain ", 100000))
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		msg                             string
	}{
		{"100,000 words", "GET", "/api/v1/events?q=" + url.QueryEscape(words), "", "", 400, "100000 words; search for at most 32"},
		{"a long word", "GET", "/api/v1/events?q=" + strings.Repeat("x", 200), "", "", 400, "words are at most 128"},
		{"series words", "GET", "/api/v1/series?q=" + url.QueryEscape(words), "", "", 400, "at most 32"},
		{"export words", "GET", "/api/v1/export?q=" + url.QueryEscape(words), "", "", 400, "at most 32"},
		{"NUL in text", "POST", "/api/v1/documents", "application/json", `{"id":"n","text":"Iran\u0000 threatened Israel."}`, 400, `document "n": field "text" contains a NUL byte`},
		{"NUL in a batch line", "POST", "/api/v1/documents", "application/x-ndjson", "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"title\":\"\\u0000\",\"text\":\"x\"}\n", 400, `line 2: document "b": field "title" contains a NUL byte`},
		{"NUL in id", "POST", "/api/v1/documents", "application/json", `{"id":"a\u0000","text":"x"}`, 400, "NUL byte"},
		{"NUL parameter", "GET", "/api/v1/events?source=%00", "", "", 400, "source"},
		{"0xFF parameter", "GET", "/api/v1/events?q=%FF", "", "", 400, "not valid UTF-8"},
		{"NUL doc_id", "GET", "/api/v1/events?doc_id=a%00", "", "", 400, "doc_id"},
		{"NUL series date", "GET", "/api/v1/series?from=%00", "", "", 400, "from"},
		{"0xFF actor prefix", "GET", "/api/v1/actors?prefix=%FF", "", "", 400, "prefix"},
		{"NUL document id", "GET", "/api/v1/documents/a%00", "", "", 400, "NUL byte"},
		{"0xFF document id", "GET", "/api/v1/documents/%FF", "", "", 400, "UTF-8"},
		{"year 10000", "POST", "/api/v1/documents", "application/json", `{"id":"d","text":"x","date":"9999-12-31T23:59:59-12:00"}`, 400, "outside the years 1800-2200"},
		{"year 0", "POST", "/api/v1/documents", "application/json", `{"id":"d","text":"x","date":"0000-01-01"}`, 400, "outside the years 1800-2200"},
		{"filter year 0", "GET", "/api/v1/series?from=0000-01-01&interval=week", "", "", 400, "outside the years"},
		{"text over the limit", "POST", "/api/v1/documents", "application/json", `{"id":"x","text":"` + strings.Repeat("a", 1500) + `"}`, 413, "more than the limit of 1000"},
		{"actors over the limit", "GET", "/api/v1/actors?limit=20000", "", "", 400, "limit: 20000 is not 1-10000"},
		{"an array", "POST", "/api/v1/documents", "application/json", `[{"id":"x","text":"y"}]`, 400, "want a JSON object"},
		{"a string", "POST", "/api/v1/code", "application/json", `"text"`, 400, "want a JSON object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := call(t, tc.method, s.url+tc.path, map[string]string{"Content-Type": tc.ctype}, tc.body)
			_, msg := errorOf(t, body)
			if status != tc.status || !strings.Contains(msg, tc.msg) {
				t.Errorf("got %d %s, want %d containing %q", status, body, tc.status, tc.msg)
			}
			if strings.Contains(msg, "http.") || strings.Contains(msg, "inputDoc") {
				t.Errorf("message names a Go type: %s", msg)
			}
		})
	}
	st, _ := s.store.Stats(context.Background())
	if st.Documents != 0 {
		t.Errorf("rejected requests stored %d documents", st.Documents)
	}
}

// TestSameIDTwiceInOneRequest (issue 13.8): the last copy is stored, and
// the answer counts what is stored.
func TestSameIDTwiceInOneRequest(t *testing.T) {
	s := newServer(t, "")
	var res egrethttp.PostResult
	batch := "{\"id\":\"a\",\"text\":\"Russia accused Syria.\"}\n{\"id\":\"b\",\"text\":\"Nothing.\"}\n{\"id\":\"a\",\"text\":\"Russia accused Syria. Turkey attacked Syria.\"}\n"
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/x-ndjson", batch, &res); code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	st, _ := s.store.Stats(context.Background())
	if fmt.Sprint(res) != "{[{b 0} {a 2}] 2}" || st.Events != 2 || st.Documents != 2 {
		t.Errorf("answer %v, store %+v; want b with 0 and a with 2 events, 2 stored", res, st)
	}
}

// TestSlowBodyIsCutOff (issue 13.8): a body sent a byte at a time does not
// hold a connection past the read timeout.
func TestSlowBodyIsCutOff(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "egret.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := egrethttp.NewServer(egrethttp.Config{Store: st, Coder: fakeCoder{}, ReadTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	body := `{"id":"slow","text":"Russia accused Syria."}`
	fmt.Fprintf(c, "POST /api/v1/documents HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", ln.Addr(), len(body))
	start := time.Now()
	answered := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(c) // until the server answers and closes
		answered <- string(b)
	}()
	for i := 0; i < len(body); i++ {
		select {
		case res := <-answered:
			if d := time.Since(start); d > 5*time.Second || !strings.HasPrefix(res, "HTTP/1.1 408") {
				t.Errorf("after %s the server answered %q, want 408 after about a second", d, res)
			}
			return
		case <-time.After(300 * time.Millisecond):
		}
		if _, err := c.Write([]byte{body[i]}); err != nil {
			break // closed by the server
		}
		if time.Since(start) > 10*time.Second {
			break
		}
	}
	select {
	case res := <-answered:
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("connection held %s before %q", d, res)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("the server still holds a trickling request after %s", time.Since(start))
	}
}

// smallBuffers keeps accepted connections' send buffers from growing, so
// a slow reader holds the server's writes back as over a slow network.
// (Much smaller buffers stall loopback TCP on its persist timer.)
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(64 << 10)
	}
	return c, err
}

// TestExportOutlivesWriteTimeout: the write timeout cuts off stalled
// clients, but an export still streaming keeps pushing its deadline on.
func TestExportOutlivesWriteTimeout(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "egret.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.PutDocuments(ctx, storetest.GenDocuments(5, 0, 200, 5)); err != nil {
		t.Fatal(err)
	}
	srv, err := egrethttp.NewServer(egrethttp.Config{Store: st, Coder: fakeCoder{}, WriteTimeout: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, smallBuffers{ln}) }()
	defer func() { cancel(); <-done }()

	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if tc, ok := c.(*net.TCPConn); ok {
			tc.SetReadBuffer(64 << 10)
		}
		return c, err
	}}}
	res, err := client.Get("http://" + ln.Addr().String() + "/api/v1/export?format=jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	start := time.Now()
	var got []byte
	buf := make([]byte, 16<<10)
	for {
		n, err := res.Body.Read(buf)
		got = append(got, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d bytes in %s: %v", len(got), time.Since(start), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if lines := strings.Count(string(got), "\n"); lines != 1000 || time.Since(start) < time.Second {
		t.Errorf("%d events in %s, want 1000 read slowly for over twice the write timeout", lines, time.Since(start))
	}
}
