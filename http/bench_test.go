package http_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
	"github.com/egret-events/egret/postgres"
	"github.com/egret-events/egret/postgres/pgtest"
	"github.com/egret-events/egret/sqlite"
	"github.com/egret-events/egret/storetest"
)

// benchEvents is the store size of the query benchmarks; EGRET_BENCH_EVENTS overrides it.
func benchEvents() int {
	if v, err := strconv.Atoi(os.Getenv("EGRET_BENCH_EVENTS")); err == nil && v > 0 {
		return v
	}
	return 1_000_000
}

var (
	eventQueries = []string{
		"",
		"source=RUS",
		"source=RUS&target=USA&quad_class=4",
		"target=UKRMIL",
		"plover=ASSAULT&from=2020-01-01&to=2020-12-31",
		"cameo=19&source=SYR",
		"q=grain+exports&source=USA",
		"q=embargo&from=2023-06-01",
		"quad_class=1&to=2016-01-31",
		"doc_id=gen-4242",
		"source=PRK&target=KOR&plover=THREATEN",
	}
	// Series the rollups answer (actor countries, types, dates)...
	seriesQueries = []string{
		"source=RUS&target=USA&dyad=true&split=quad_class&interval=month",
		"source=RUS&target=USA&dyad=true&split=plover&interval=week",
		"source=CHN&split=plover&interval=month",
		"plover=ASSAULT&interval=day&from=2020-01-01",
		"split=quad_class&interval=month",
		"target=SYR&quad_class=4&interval=week&from=2019-03-13&to=2021-08-17",
	}
	// ...and series grouped from the events (full codes, CAMEO, text).
	seriesRawQueries = []string{
		"source=USAGOV&target=RUS&interval=month",
		"cameo=19&target=UKR&interval=week",
		"source=RUSMIL&split=plover&interval=month&from=2020-01-01",
		"q=embargo&interval=month",
	}
)

// benchQueries measures the latency of each API query over srv and
// reports p50/p95 per endpoint in milliseconds.
func benchQueries(b *testing.B, st egret.Store) {
	srv, err := egrethttp.NewServer(egrethttp.Config{Store: st, Coder: fakeCoder{}})
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	get := func(path string) time.Duration {
		t0 := time.Now()
		res, err := http.Get(hs.URL + path)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || n == 0 {
			b.Fatalf("%s: %d", path, res.StatusCode)
		}
		return time.Since(t0)
	}
	// Warm the page cache once, as a long-running server would be.
	for _, q := range eventQueries {
		get("/api/v1/events?" + q)
	}
	for _, q := range append(seriesQueries, seriesRawQueries...) {
		get("/api/v1/series?" + q)
	}
	lat := map[string][]time.Duration{}
	perQuery := map[string][]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range eventQueries {
			d := get("/api/v1/events?" + q)
			lat["events"] = append(lat["events"], d)
			perQuery["events?"+q] = append(perQuery["events?"+q], d)
		}
		for _, q := range seriesQueries {
			d := get("/api/v1/series?" + q)
			lat["series"] = append(lat["series"], d)
			perQuery["series?"+q] = append(perQuery["series?"+q], d)
		}
		for _, q := range seriesRawQueries {
			d := get("/api/v1/series?" + q)
			lat["series-raw"] = append(lat["series-raw"], d)
			perQuery["series?"+q] = append(perQuery["series?"+q], d)
		}
	}
	b.StopTimer()
	for _, k := range []string{"events", "series", "series-raw"} {
		ds := lat[k]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		pct := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.50), k+"-p50-ms")
		b.ReportMetric(pct(0.95), k+"-p95-ms")
	}
	b.ReportMetric(0, "ns/op")
	keys := make([]string, 0, len(perQuery))
	for k := range perQuery {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ds := perQuery[k]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		b.Logf("p50 %7.2f ms  max %7.2f ms  %s", ms(ds[len(ds)/2]), ms(ds[len(ds)-1]), k)
	}
}

// BenchmarkQueriesSQLite measures /api/v1/events and /api/v1/series over
// a store of 1,000,000 synthetic events. The database is built once and
// kept under os.TempDir() for later runs.
func BenchmarkQueriesSQLite(b *testing.B) {
	ctx := context.Background()
	n := benchEvents()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("egret-bench-v4-%d.db", n))
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := fill(b, st, n); err != nil {
		b.Fatal(err)
	}
	if err := st.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	benchQueries(b, st)
}

// BenchmarkQueriesPostgres is the same over a throwaway PostgreSQL
// server; it fills the database on every run, so it is slow to start.
func BenchmarkQueriesPostgres(b *testing.B) {
	ctx := context.Background()
	srv := pgtest.Start(b)
	st, err := postgres.Open(ctx, srv.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := fill(b, st, benchEvents()); err != nil {
		b.Fatal(err)
	}
	if err := st.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	benchQueries(b, st)
}

func fill(b *testing.B, st egret.Store, n int) error {
	t0 := time.Now()
	last := time.Now()
	err := storetest.Fill(context.Background(), st, n, func(done int) {
		if time.Since(last) > 10*time.Second {
			b.Logf("filling: %d events, %.0f events/s", done, float64(done)/time.Since(t0).Seconds())
			last = time.Now()
		}
	})
	if d := time.Since(t0); d > time.Second {
		b.Logf("filled the store with %d events in %s", n, d.Round(time.Second))
	}
	return err
}

// benchIngest stores pre-coded batches of 100 five-event documents and
// reports documents per second: the store's share of ingest cost. With
// archive set, a batch holds about two days of news (as when ingesting a
// date-sorted archive); without, dates are random over ten years, the
// worst case for the rollups.
func benchIngest(b *testing.B, st egret.Store, archive bool) {
	ctx := context.Background()
	gen := storetest.GenDocuments
	if archive {
		gen = func(seed uint64, first, n, perDoc int) []egret.CodedDocument {
			return storetest.GenArchive(seed, first, n, perDoc, 55)
		}
	}
	batches := make([][]egret.CodedDocument, 20)
	for i := range batches {
		batches[i] = gen(7, i*100, 100, 5)
	}
	b.ResetTimer()
	t0 := time.Now()
	for i := 0; i < b.N; i++ {
		// Each round stores new ids; every fifth re-stores old ones, so
		// replacement is part of the mix.
		docs := batches[i%len(batches)]
		if i%5 != 4 {
			docs = gen(7, 10_000+i*100, 100, 5)
		}
		if err := st.PutDocuments(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*100)/time.Since(t0).Seconds(), "docs/s")
}

func BenchmarkIngestSQLite(b *testing.B) {
	for _, archive := range []bool{true, false} {
		b.Run(map[bool]string{true: "archive", false: "random-dates"}[archive], func(b *testing.B) {
			st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "ingest.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			benchIngest(b, st, archive)
		})
	}
}

func BenchmarkIngestPostgres(b *testing.B) {
	srv := pgtest.Start(b)
	for _, archive := range []bool{true, false} {
		b.Run(map[bool]string{true: "archive", false: "random-dates"}[archive], func(b *testing.B) {
			st, err := postgres.Open(context.Background(), srv.NewDatabase(b))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			benchIngest(b, st, archive)
		})
	}
}
