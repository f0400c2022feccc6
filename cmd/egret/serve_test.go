package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/postgres/pgtest"
)

// syncBuffer is a bytes.Buffer safe for a server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testMain(env map[string]string) (*Main, *syncBuffer, *syncBuffer) {
	out, errb := &syncBuffer{}, &syncBuffer{}
	return &Main{
		Stdin: strings.NewReader(""), Stdout: out, Stderr: errb,
		Now:    func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return env[k] },
		Logger: slog.New(slog.NewTextHandler(errb, nil)),
	}, out, errb
}

// startServe runs `egret serve` on :0 and returns its base URL; the server
// stops when the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	base, _ := startServeWith(t, nil, args...)
	return base
}

// startServeWith is startServe with tune (when set) adjusting the Main
// first; it also returns the server's stderr.
func startServeWith(t *testing.T, tune func(*Main), args ...string) (string, *syncBuffer) {
	t.Helper()
	m, _, errb := testMain(nil)
	if tune != nil {
		tune(m)
	}
	ready := make(chan string, 1)
	m.Ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() { exit <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-exit:
			if code != 0 {
				t.Errorf("serve exited %d: %s", code, errb.String())
			}
		case <-time.After(20 * time.Second):
			t.Error("serve did not stop")
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr, errb
	case code := <-exit:
		t.Fatalf("serve exited %d before listening: %s", code, errb.String())
	case <-time.After(2 * time.Minute):
		t.Fatalf("serve did not start: %s", errb.String())
	}
	return "", errb
}

func httpJSON(t *testing.T, method, url, ctype, body string, out any) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("%s %s: %d %s", method, url, res.StatusCode, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, url, err, b)
		}
	}
}

// serveEndToEnd posts the Zakharova statement to a real server over the
// store db, queries it back and exports it.
func serveEndToEnd(t *testing.T, db string) {
	text, err := os.ReadFile(testshared.Path(t, "examples/zakharova-syria-comment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	base := startServe(t, "--db", db)
	doc, _ := json.Marshal(map[string]string{"id": "zakharova-2020-03", "title": "Comment by Maria Zakharova", "text": string(text),
		"date": "2020-03-05", "source": "mid.ru"})
	var posted egrethttp.PostResult
	httpJSON(t, "POST", base+"/api/v1/documents", "application/json", string(doc), &posted)
	if len(posted.Documents) != 1 || posted.Events == 0 {
		t.Fatalf("posting the statement: %+v, want one document with events", posted)
	}
	// Again: replaced, not duplicated.
	httpJSON(t, "POST", base+"/api/v1/documents", "application/json", string(doc), &posted)

	var page egret.EventPage
	httpJSON(t, "GET", base+"/api/v1/events?doc_id=zakharova-2020-03&limit=1000", "", "", &page)
	if len(page.Events) != posted.Events {
		t.Fatalf("%d events stored, %d coded", len(page.Events), posted.Events)
	}
	for _, ev := range page.Events {
		if ev.Date != "2020-03-05" || ev.CAMEO == "" || ev.EventSpan.Empty() || ev.EventSpan.End > len(text) {
			t.Errorf("stored event %+v", ev)
		}
	}
	ev := page.Events[0]
	var byCode egret.EventPage
	httpJSON(t, "GET", fmt.Sprintf("%s/api/v1/events?source=%s&cameo=%s&from=2020-03-01&to=2020-03-31", base, ev.Source, ev.CAMEO), "", "", &byCode)
	if len(byCode.Events) == 0 {
		t.Errorf("filtering by source %s and cameo %s finds nothing", ev.Source, ev.CAMEO)
	}
	var view struct {
		Document egret.Document
		Events   []egret.StoredEvent
		Segments []egrethttp.Segment
	}
	httpJSON(t, "GET", base+"/api/v1/documents/zakharova-2020-03", "", "", &view)
	var rebuilt strings.Builder
	marks := 0
	for _, s := range view.Segments {
		rebuilt.WriteString(s.Text)
		marks += len(s.Marks)
	}
	if rebuilt.String() != string(text) || marks == 0 {
		t.Errorf("document view: %d marks, text rebuilt %v", marks, rebuilt.String() == string(text))
	}
	var series struct{ Points []egret.SeriesPoint }
	httpJSON(t, "GET", base+"/api/v1/series?interval=month&split=quad_class", "", "", &series)
	var n int64
	for _, p := range series.Points {
		if p.Period != "2020-03-01" {
			t.Errorf("series period %s", p.Period)
		}
		n += p.Count
	}
	if n != int64(posted.Events) {
		t.Errorf("series counts %d events, want %d", n, posted.Events)
	}
	res, err := http.Get(base + "/api/v1/export?format=csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(res.Body).ReadAll()
	res.Body.Close()
	if err != nil || len(recs) != posted.Events+1 {
		t.Errorf("csv export: %d records (%v), want %d", len(recs), err, posted.Events+1)
	}
	res, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(m), fmt.Sprintf("egret_store_events %d\n", posted.Events)) {
		t.Errorf("metrics:\n%s", m)
	}
}

func TestServeEndToEndSQLite(t *testing.T) {
	serveEndToEnd(t, filepath.Join(t.TempDir(), "egret.db"))
}

func TestServeEndToEndPostgres(t *testing.T) {
	srv := pgtest.Start(t)
	serveEndToEnd(t, srv.NewDatabase(t))
}

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	m, _, errb := testMain(nil)
	if code := m.Run(context.Background(), []string{"serve", "--addr", "0.0.0.0:0", "--db", filepath.Join(t.TempDir(), "x.db")}); code == 0 {
		t.Fatal("serve on 0.0.0.0 without a token succeeded")
	}
	if !strings.Contains(errb.String(), "refusing to listen on 0.0.0.0:0 without a token") {
		t.Errorf("stderr: %s", errb.String())
	}
}

func TestServeTokenFromEnvironment(t *testing.T) {
	m, _, errb := testMain(map[string]string{"EGRET_TOKEN": "tok"})
	ready := make(chan string, 1)
	m.Ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() {
		exit <- m.Run(ctx, []string{"serve", "--addr", "0.0.0.0:0", "--db", filepath.Join(t.TempDir(), "x.db")})
	}()
	var addr string
	select {
	case addr = <-ready:
	case code := <-exit:
		t.Fatalf("serve exited %d: %s", code, errb.String())
	case <-time.After(2 * time.Minute):
		t.Fatal("serve did not start")
	}
	port := addr[strings.LastIndexByte(addr, ':'):]
	res, err := http.Post("http://127.0.0.1"+port+"/api/v1/documents", "application/json", strings.NewReader(`{"id":"a","text":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 401 {
		t.Errorf("write without the token: %d", res.StatusCode)
	}
	cancel()
	if code := <-exit; code != 0 {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}

func TestIngestIsIdempotentAndExportReadsBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "egret.db")
	in := filepath.Join(dir, "stories.jsonl")
	stories := `{"id":"s1","date":"2021-02-03","text":"Russia accused the United States of interfering in its elections."}
{"id":"s2","date":"2021-02-04","text":"Turkish troops attacked Kurdish rebels in northern Syria on Tuesday."}
{"id":"s3","date":"2021-02-05"}
{"id":"s4","date":"2021-02-06","text":"Germany offered humanitarian aid to Ukraine."}
`
	if err := os.WriteFile(in, []byte(stories), 0o644); err != nil {
		t.Fatal(err)
	}
	var first string
	for round := 0; round < 2; round++ {
		m, _, errb := testMain(nil)
		if code := m.Run(context.Background(), []string{"ingest", in, "--db", db}); code != 0 {
			t.Fatalf("ingest exited %d: %s", code, errb.String())
		}
		if !strings.Contains(errb.String(), "stories.jsonl:3") || !strings.Contains(errb.String(), `missing field "text"`) {
			t.Errorf("bad record not reported with file and line: %s", errb.String())
		}
		if !strings.Contains(errb.String(), "stored 3 documents") {
			t.Errorf("summary: %s", errb.String())
		}
		m, out, errb := testMain(nil)
		if code := m.Run(context.Background(), []string{"export", "--db", db, "--format", "jsonl"}); code != 0 {
			t.Fatalf("export exited %d: %s", code, errb.String())
		}
		// Event ids are new after a replacement; everything else must match.
		var evs []string
		dec := json.NewDecoder(strings.NewReader(out.String()))
		for dec.More() {
			var ev egret.StoredEvent
			if err := dec.Decode(&ev); err != nil {
				t.Fatal(err)
			}
			ev.ID = 0
			b, _ := json.Marshal(ev)
			evs = append(evs, string(b))
		}
		got := strings.Join(evs, "\n")
		if round == 0 {
			first = got
			if len(evs) == 0 {
				t.Fatalf("no events coded from the stories; stderr %s", errb.String())
			}
		} else if got != first {
			t.Errorf("second ingest changed the events:\n%s\nvs\n%s", got, first)
		}
	}
	n := strings.Count(first, "\n") + 1

	pq := filepath.Join(dir, "out.parquet")
	m, _, errb := testMain(nil)
	if code := m.Run(context.Background(), []string{"export", "--db", db, "--format", "parquet", "-o", pq, "--from", "2021-01-01"}); code != 0 {
		t.Fatalf("export parquet exited %d: %s", code, errb.String())
	}
	f, err := os.Open(pq)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	rows, err := parquet.Read[egrethttp.ExportRow](f, fi.Size())
	if err != nil || len(rows) != n {
		t.Errorf("parquet: %d rows (%v), want %d", len(rows), err, n)
	}

	m, out, _ := testMain(nil)
	if code := m.Run(context.Background(), []string{"export", "--db", db, "--format", "csv", "--to", "2021-02-03"}); code != 0 {
		t.Fatal("export csv failed")
	}
	recs, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil || len(recs) < 1 || recs[0][1] != "doc_id" {
		t.Fatalf("csv %q %v", recs, err)
	}
	for _, r := range recs[1:] {
		if r[1] != "s1" {
			t.Errorf("--to 2021-02-03 exported %s", r[1])
		}
	}

	m, _, errb = testMain(nil)
	if code := m.Run(context.Background(), []string{"export", "--db", db, "--format", "xlsx"}); code == 0 || !strings.Contains(errb.String(), "want csv, jsonl or parquet") {
		t.Errorf("bad format: %d %s", code, errb.String())
	}
	m, _, errb = testMain(nil)
	if code := m.Run(context.Background(), []string{"export", "--db", db, "--from", "2021-13-01"}); code == 0 || !strings.Contains(errb.String(), "from") {
		t.Errorf("bad date: %d %s", code, errb.String())
	}
}

// TestServeRefusesCrossSiteWritesAndForeignHosts replays issue 13.1
// against `egret serve`: a write with no Content-Type from another origin,
// and requests under a name that is not the server's.
func TestServeRefusesCrossSiteWritesAndForeignHosts(t *testing.T) {
	base := startServe(t, "--db", filepath.Join(t.TempDir(), "egret.db"), "--no-geo", "--host", "egret.example", "--allow-origin", "http://dash.example")
	send := func(host string, headers map[string]string) (int, string) {
		req, _ := http.NewRequest("POST", base+"/api/v1/documents", strings.NewReader(`{"id":"p","text":"Iran threatened Israel."}`))
		req.Host = host
		for k, v := range headers {
			req.Header[k] = []string{v}
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, tc := range []struct {
		host    string
		headers map[string]string
		status  int
	}{
		{"", map[string]string{"Content-Type": "", "Origin": "http://evil"}, 403}, // the curl
		{"", map[string]string{"Content-Type": ""}, 415},
		{"", map[string]string{"Content-Type": "application/json", "Origin": "http://evil"}, 403},
		{"attacker.example", map[string]string{"Content-Type": "application/json"}, 403},
		{"egret.example:8080", map[string]string{"Content-Type": "application/json", "Origin": "http://dash.example"}, 200},
	} {
		if status, body := send(tc.host, tc.headers); status != tc.status {
			t.Errorf("Host %q %v: %d %s, want %d", tc.host, tc.headers, status, body, tc.status)
		}
	}
	m, _, errb := testMain(nil)
	if code := m.Run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "x.db"), "--allow-origin", "dash.example"}); code == 0 || !strings.Contains(errb.String(), "want scheme://host") {
		t.Errorf("bad --allow-origin: exit %d, %s", code, errb.String())
	}
}
