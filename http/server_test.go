package http_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
	"github.com/egret-events/egret/sqlite"
)

type testServer struct {
	url   string
	store egret.Store
	token string
}

func newServer(t *testing.T, token string, tune ...func(*egrethttp.Config)) *testServer {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "egret.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg := egrethttp.Config{Store: st, Coder: fakeCoder{}, Geocoder: fakeGeocoder{}, Token: token,
		Now: func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }}
	for _, f := range tune {
		f(&cfg)
	}
	srv, err := egrethttp.NewServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return &testServer{url: hs.URL, store: st, token: token}
}

// do sends a request and decodes a JSON answer into out (when not nil).
func (s *testServer) do(t *testing.T, method, path, ctype, body string, out any) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && res.StatusCode < 300 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: decoding %s: %v", method, path, b, err)
		}
	}
	return res.StatusCode, string(b)
}

const statement = `Russia accused the United States of lying about Idlib. Washington praised Ankara for its restraint.
Nothing happened here. Turkey attacked Syria near Idlib.`

func TestPostQueryAndDocument(t *testing.T) {
	s := newServer(t, "")
	doc := map[string]any{"id": "mid/zak-1", "title": "Comment", "text": statement, "date": "2020-03-05", "source": "mid.ru"}
	b, _ := json.Marshal(doc)
	var res egrethttp.PostResult
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/json", string(b), &res); code != 200 {
		t.Fatalf("post: %d %s", code, body)
	}
	if len(res.Documents) != 1 || res.Documents[0].ID != "mid/zak-1" || res.Events != 3 {
		t.Fatalf("post result %+v, want zak-1 with 3 events", res)
	}
	// Re-posting replaces, never duplicates.
	s.do(t, "POST", "/api/v1/documents", "application/json", string(b), &res)

	var page egret.EventPage
	s.do(t, "GET", "/api/v1/events?source=RUS&target=USA", "", "", &page)
	if len(page.Events) != 1 {
		t.Fatalf("RUS→USA events %+v", page)
	}
	ev := page.Events[0]
	if ev.CAMEO != "112" || ev.Date != "2020-03-05" || statement[ev.EventSpan.Start:ev.EventSpan.End] != "accused" || ev.Location == nil || ev.Location.Name != "Idlib" {
		t.Errorf("event %+v", ev)
	}
	s.do(t, "GET", "/api/v1/events?limit=10", "", "", &page)
	if len(page.Events) != 3 {
		t.Errorf("%d events after re-post, want 3", len(page.Events))
	}
	s.do(t, "GET", "/api/v1/events?q=restraint", "", "", &page)
	if len(page.Events) != 1 || page.Events[0].PLOVER != "SUPPORT" {
		t.Errorf("full text: %+v", page.Events)
	}

	var view struct {
		Document egret.Document      `json:"document"`
		Events   []egret.StoredEvent `json:"events"`
		Segments []egrethttp.Segment `json:"segments"`
	}
	if code, body := s.do(t, "GET", "/api/v1/documents/mid/zak-1", "", "", &view); code != 200 {
		t.Fatalf("document: %d %s", code, body)
	}
	var rebuilt strings.Builder
	var marked []string
	for _, seg := range view.Segments {
		rebuilt.WriteString(seg.Text)
		for _, m := range seg.Marks {
			marked = append(marked, m.Role+":"+seg.Text)
		}
	}
	if rebuilt.String() != statement {
		t.Errorf("segments do not tile the text: %q", rebuilt.String())
	}
	want := "source:Russia event:accused target:the United States source:Washington event:praised target:Ankara source:Turkey event:attacked target:Syria"
	if got := strings.Join(marked, " "); got != want {
		t.Errorf("highlights\n got %s\nwant %s", got, want)
	}
	if view.Document.Source != "mid.ru" || len(view.Events) != 3 {
		t.Errorf("document view %+v", view.Document)
	}

	var ser struct {
		Points []egret.SeriesPoint `json:"points"`
	}
	s.do(t, "GET", "/api/v1/series?source=USA&target=RUS&dyad=true&split=quad_class&interval=month", "", "", &ser)
	if len(ser.Points) != 1 || ser.Points[0] != (egret.SeriesPoint{Period: "2020-03-01", Key: "3", Count: 1, Goldstein: -2}) {
		t.Errorf("series %+v", ser.Points)
	}
	var acts struct{ Actors []egret.ActorCount }
	s.do(t, "GET", "/api/v1/actors?role=source", "", "", &acts)
	if len(acts.Actors) != 3 {
		t.Errorf("actors %+v", acts.Actors)
	}
}

func TestBatchAndErrors(t *testing.T) {
	s := newServer(t, "", func(c *egrethttp.Config) { c.MaxBodyBytes = 4000; c.MaxDocumentBytes = 1000; c.MaxBatch = 5 })
	batch := `{"id":"a","text":"Russia accused Syria."}
{"id":"b","text":"Turkey attacked Syria.","date":"2021-01-02"}

{"id":3,"text":"Nothing."}
`
	var res egrethttp.PostResult
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/x-ndjson", batch, &res); code != 200 {
		t.Fatalf("batch: %d %s", code, body)
	}
	if fmt.Sprint(res) != "{[{a 1} {b 1} {3 0}] 2}" {
		t.Errorf("batch result %v", res)
	}
	for _, tc := range []struct {
		name, path, ctype, body string
		code                    int
		msg                     string
	}{
		{"malformed json", "/api/v1/documents", "application/json", `{"id": "x", "text": }`, 400, "malformed JSON"},
		{"missing text on a line", "/api/v1/documents", "application/x-ndjson", "{\"id\":\"x\",\"text\":\"ok\"}\n{\"id\":\"y\"}\n", 400, `line 2: document "y": missing field "text"`},
		{"missing id", "/api/v1/documents", "application/json", `{"text":"Russia accused Syria."}`, 400, `missing field "id"`},
		{"wrong field type", "/api/v1/documents", "application/json", `{"id":"x","text":5}`, 400, `field "text"`},
		{"bad date", "/api/v1/documents", "application/json", `{"id":"x","text":"t","date":"yesterday"}`, 400, `field "date"`},
		{"document too large", "/api/v1/documents", "application/json", `{"id":"x","text":"` + strings.Repeat("a", 1500) + `"}`, 413, "more than the limit of 1000"},
		{"body too large", "/api/v1/documents", "application/json", `{"id":"x","text":"` + strings.Repeat("a", 5000) + `"}`, 413, "larger than 4000 bytes"},
		{"too many documents", "/api/v1/documents", "application/x-ndjson", strings.Repeat("{\"id\":\"x\",\"text\":\"t\"}\n", 6), 413, "more than 5 documents"},
		{"wrong content type", "/api/v1/documents", "text/plain", "hello", 415, "Content-Type"},
		{"coder rejects", "/api/v1/documents", "application/json", `{"id":"x","text":"CODER-FAILS"}`, 400, `document "x": text asks the coder to fail`},
		{"unknown filter", "/api/v1/events?sauce=RUS", "", "", 400, `unknown parameter "sauce"`},
		{"bad date filter", "/api/v1/events?from=2020-02-30", "", "", 400, "from"},
		{"bad plover", "/api/v1/events?plover=HUG", "", "", 400, "not a PLOVER event type"},
		{"bad quad", "/api/v1/events?quad_class=x", "", "", 400, "quad_class"},
		{"bad cursor", "/api/v1/events?cursor=zzz", "", "", 400, "cursor"},
		{"bad interval", "/api/v1/series?interval=year", "", "", 400, "interval"},
		{"dyad without target", "/api/v1/series?dyad=true&source=RUS", "", "", 400, "dyad needs both"},
		{"missing document", "/api/v1/documents/nope", "", "", 404, `document "nope" not found`},
		{"bad export format", "/api/v1/export?format=xlsx", "", "", 400, "not csv, jsonl or parquet"},
		{"unknown endpoint", "/api/v1/nothing", "", "", 404, "no API endpoint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := "GET"
			if tc.body != "" {
				method = "POST"
			}
			code, body := s.do(t, method, tc.path, tc.ctype, tc.body, nil)
			var e struct {
				Error struct{ Code, Message string }
			}
			json.Unmarshal([]byte(body), &e)
			if code != tc.code || !strings.Contains(e.Error.Message, tc.msg) {
				t.Errorf("got %d %s, want %d containing %q", code, body, tc.code, tc.msg)
			}
			if !strings.HasPrefix(body, `{"error":{"code":`) {
				t.Errorf("error body is not JSON: %s", body)
			}
		})
	}
	st, _ := s.store.Stats(context.Background())
	if st.Documents != 3 || st.Events != 2 {
		t.Errorf("rejected requests changed the store: %+v", st)
	}
}

func TestTokenGuardsWrites(t *testing.T) {
	s := newServer(t, "s3cret")
	doc := `{"id":"a","text":"Russia accused Syria."}`
	s.token = ""
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/json", doc, nil); code != 401 || !strings.Contains(body, "missing bearer token") {
		t.Errorf("no token: %d %s", code, body)
	}
	s.token = "wrong"
	if code, _ := s.do(t, "POST", "/api/v1/documents", "application/json", doc, nil); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	if code, _ := s.do(t, "POST", "/api/v1/code", "application/json", doc, nil); code != 401 {
		t.Errorf("wrong token on preview: %d", code)
	}
	s.token = "s3cret"
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/json", doc, nil); code != 200 {
		t.Errorf("right token: %d %s", code, body)
	}
	s.token = ""
	if code, _ := s.do(t, "GET", "/api/v1/events", "", "", nil); code != 200 {
		t.Errorf("reads need no token: %d", code)
	}
}

func TestCheckListen(t *testing.T) {
	for _, tc := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true}, {"localhost:0", "", true}, {"[::1]:8080", "", true},
		{":8080", "", false}, {"0.0.0.0:8080", "", false}, {"192.0.2.1:80", "", false},
		{"0.0.0.0:8080", "tok", true}, {"nonsense", "", false},
	} {
		err := egrethttp.CheckListen(tc.addr, tc.token)
		if (err == nil) != tc.ok {
			t.Errorf("CheckListen(%q, %q) = %v", tc.addr, tc.token, err)
		}
		if err != nil && tc.addr == ":8080" && !strings.Contains(err.Error(), "EGRET_TOKEN") {
			t.Errorf("error does not say how to fix it: %v", err)
		}
	}
}

func TestPreviewCodesWithoutStoring(t *testing.T) {
	s := newServer(t, "")
	var out struct {
		Documents []struct {
			Events   []egret.Event       `json:"events"`
			Segments []egrethttp.Segment `json:"segments"`
		} `json:"documents"`
	}
	if code, body := s.do(t, "POST", "/api/v1/code", "application/json", `{"id":"p","text":"Moscow praised Damascus."}`, &out); code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	if len(out.Documents) != 1 || len(out.Documents[0].Events) != 1 || out.Documents[0].Events[0].Source != "RUSGOV" || len(out.Documents[0].Segments) != 6 {
		t.Errorf("preview %+v", out)
	}
	st, _ := s.store.Stats(context.Background())
	if st.Documents != 0 {
		t.Errorf("preview stored documents: %+v", st)
	}
}

func TestExportFormats(t *testing.T) {
	s := newServer(t, "")
	s.do(t, "POST", "/api/v1/documents", "application/x-ndjson",
		`{"id":"a","text":"Russia accused Syria. Turkey attacked Syria near Idlib.","date":"2020-01-02"}
{"id":"b","text":"Washington praised Ankara, \"a partner\".","date":"2021-06-01"}`, nil)

	get := func(q string) (*http.Response, []byte) {
		res, err := http.Get(s.url + "/api/v1/export?" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, b
	}
	res, b := get("format=csv")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("csv: %d %s", res.StatusCode, res.Header)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("csv does not parse: %v\n%s", err, b)
	}
	if len(recs) != 4 || recs[0][4] != "source" || recs[1][4] != "USAGOV" || recs[1][21] != `Washington praised Ankara, "a partner".` {
		t.Errorf("csv records %q", recs)
	}
	if recs[2][17] != "Idlib" || recs[2][19] != "35.93" {
		t.Errorf("csv location %q", recs[2])
	}

	_, b = get("format=jsonl&from=2020-01-01&to=2020-12-31")
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 {
		t.Fatalf("jsonl lines %d: %s", len(lines), b)
	}
	var ev egret.StoredEvent
	if err := json.Unmarshal([]byte(lines[0]), &ev); err != nil || ev.DocID != "a" || ev.ID == 0 {
		t.Errorf("jsonl event %+v %v", ev, err)
	}

	res, b = get("format=parquet&plover=ASSAULT")
	if res.StatusCode != 200 {
		t.Fatalf("parquet: %d %s", res.StatusCode, b)
	}
	rows, err := parquet.Read[egrethttp.ExportRow](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("parquet does not read back: %v", err)
	}
	if len(rows) != 1 || rows[0].Source != "TUR" || rows[0].Target != "SYR" || rows[0].Lat != 35.93 {
		t.Errorf("parquet rows %+v", rows)
	}
}

func TestHealthMetricsAndDashboard(t *testing.T) {
	s := newServer(t, "")
	s.do(t, "POST", "/api/v1/documents", "application/json", `{"id":"a","text":"Russia accused Syria."}`, nil)
	if code, body := s.do(t, "GET", "/healthz", "", "", nil); code != 200 || !strings.Contains(body, `"ok"`) {
		t.Errorf("healthz %d %s", code, body)
	}
	_, m := s.do(t, "GET", "/metrics", "", "", nil)
	for _, want := range []string{
		`egret_http_requests_total{route="/api/v1/documents",method="POST",code="200"} 1`,
		"egret_store_events 1", "egret_store_documents 1", "egret_documents_stored_total 1",
		`egret_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"} 1`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q:\n%s", want, m)
		}
	}
	res, err := http.Get(s.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(b), "<title>egret") || !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("dashboard: %s %s", res.Header, b[:100])
	}
	for _, p := range []string{"/app.js", "/vendor/uplot/uPlot.iife.min.js", "/vendor/world-atlas/countries-110m.json", "/vendor/topojson-client/topojson-client.min.js"} {
		if code, _ := s.do(t, "GET", p, "", "", nil); code != 200 {
			t.Errorf("GET %s: %d", p, code)
		}
	}
	// Nothing the dashboard loads may come from another host.
	for _, p := range []string{"/", "/app.js", "/app.css"} {
		_, body := s.do(t, "GET", p, "", "", nil)
		if strings.Contains(body, "http://") && !strings.Contains(body, "http://www.w3.org/2000/svg") || strings.Contains(body, "https://") {
			t.Errorf("%s refers to another host", p)
		}
	}
}
