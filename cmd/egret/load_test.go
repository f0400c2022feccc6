package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/postgres/pgtest"
)

// voaDocs returns the VOA corpus as documents for POST /api/v1/documents.
func voaDocs(tb testing.TB) []map[string]string {
	var docs []map[string]string
	for _, d := range testshared.VOAStories(tb) {
		docs = append(docs, map[string]string{"id": "voa-" + d.ID, "title": d.Title, "text": d.Text,
			"date": d.Date.Format(time.RFC3339), "source": "voanews.com"})
	}
	return docs
}

// mixedLoad serves a store with the VOA corpus through `egret serve` and
// the real coder, then sends 2,000 mixed reads from 8 clients while 50
// clients post one story each, all at once (a fifth of that under -race).
// Every answer must be a 200; the latencies per route are logged (p50,
// p95, max): go test -run TestServeMixedLoad -v ./cmd/egret.
func mixedLoad(t *testing.T, db string) {
	if testing.Short() {
		t.Skip("a load test")
	}
	nReads, nPosts := 2000, 50
	if raceDetector {
		nReads, nPosts = 400, 10
	}
	docs := voaDocs(t)
	base := startServe(t, "--db", db)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 5 * time.Minute}
	var batch strings.Builder
	for _, d := range docs {
		json.NewEncoder(&batch).Encode(d)
	}
	httpJSON(t, "POST", base+"/api/v1/documents", "application/x-ndjson", batch.String(), nil)
	var page egret.EventPage
	httpJSON(t, "GET", base+"/api/v1/events?limit=20", "", "", &page)
	if len(page.Events) == 0 {
		t.Fatal("the corpus coded to no events")
	}
	var reads []string
	for i := 0; len(reads) < nReads; i++ {
		ev := page.Events[i%len(page.Events)]
		doc := url.PathEscape(ev.DocID)
		reads = append(reads,
			"/api/v1/events?limit=50", "/api/v1/events?source="+ev.Source[:min(3, len(ev.Source))], "/api/v1/events?plover=ASSAULT&limit=100",
			"/api/v1/events?q=ceasefire+talks", "/api/v1/events?cameo=1&from=2025-01-01&to=2025-12-31",
			"/api/v1/series?interval=month&split=quad_class", "/api/v1/series?source=USA&target=IRN&dyad=true&interval=week&split=plover",
			"/api/v1/series?cameo=19&interval=month", "/api/v1/actors?limit=50&role=source",
			"/api/v1/documents/"+doc, fmt.Sprintf("/api/v1/documents/%s?event=%d&limit=10", doc, ev.ID),
			"/api/v1/export?format=csv&doc_id="+url.QueryEscape(ev.DocID), "/healthz", "/metrics", "/")
	}
	reads = reads[:nReads]

	type result struct {
		route  string
		d      time.Duration
		status int
		err    error
	}
	results := make(chan result, len(reads)+nPosts)
	do := func(method, path, ctype, body string) {
		t0 := time.Now()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		route, _, _ := strings.Cut(path, "?")
		if api, ok := strings.CutPrefix(route, "/api/v1/"); ok {
			route, _, _ = strings.Cut(api, "/")
		}
		route = method + " " + route
		res, err := client.Do(req)
		if err == nil {
			_, err = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			results <- result{route, time.Since(t0), res.StatusCode, err}
			return
		}
		results <- result{route, time.Since(t0), 0, err}
	}
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < 8; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; i < len(reads); i += 8 {
				do("GET", reads[i], "", "")
			}
		}(c)
	}
	for p := 0; p < nPosts; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			d := docs[p%len(docs)]
			b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("load-%d", p), "title": d["title"], "text": d["text"], "date": d["date"]})
			do("POST", "/api/v1/documents", "application/json", string(b))
		}(p)
	}
	wg.Wait()
	wall := time.Since(start)
	close(results)
	lat := map[string][]time.Duration{}
	n := 0
	for r := range results {
		n++
		if r.err != nil || r.status != 200 {
			t.Errorf("%s: status %d, %v", r.route, r.status, r.err)
		}
		lat[r.route] = append(lat[r.route], r.d)
		lat["all"] = append(lat["all"], r.d)
	}
	if n != len(reads)+nPosts {
		t.Errorf("%d answers, want %d", n, len(reads)+nPosts)
	}
	routes := make([]string, 0, len(lat))
	for r := range lat {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	t.Logf("%d requests (%d reads from 8 clients, %d concurrent POSTs) in %s", n, len(reads), nPosts, wall.Round(time.Millisecond))
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for _, r := range routes {
		ds := lat[r]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-20s n %4d  p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms", r, len(ds), ms(ds[len(ds)/2]), ms(ds[(len(ds)*95+99)/100-1]), ms(ds[len(ds)-1]))
	}
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if want := fmt.Sprintf("egret_store_documents %d\n", len(docs)+nPosts); !strings.Contains(string(m), want) {
		t.Errorf("metrics lack %q", want)
	}
}

func TestServeMixedLoadSQLite(t *testing.T) {
	mixedLoad(t, filepath.Join(t.TempDir(), "egret.db"))
}

func TestServeMixedLoadPostgres(t *testing.T) {
	mixedLoad(t, pgtest.Start(t).NewDatabase(t))
}
