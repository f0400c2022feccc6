package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/egret-events/egret/internal/browsertest"
	"github.com/egret-events/egret/internal/newstest"
	"github.com/egret-events/egret/watch"

	egrethttp "github.com/egret-events/egret/http"
)

// pauseClock is the rig's manual clock, except that the pause between
// rounds lasts until the server stops: one round, then the server idles.
type pauseClock struct{ *newstest.Clock }

func (c pauseClock) Sleep(ctx context.Context, d time.Duration) error {
	if d >= watch.MinPause {
		<-ctx.Done()
		return ctx.Err()
	}
	return c.Clock.Sleep(ctx, d)
}

// startServeFeeds runs `egret serve --feeds` over the rig and waits for
// its first round to record every feed.
func startServeFeeds(t *testing.T, r *newsRig) string {
	t.Helper()
	base, errb := startServeWith(t, func(m *Main) { m.Clock = pauseClock{r.clock} },
		"--db", r.db, "--feeds", r.feeds, "--allow-private", "--timeout", "1s")
	want := len(r.site.FeedURLs()) + len(r.site.BadFeeds())
	deadline := time.Now().Add(3 * time.Minute)
	for {
		var src egrethttp.SourcesView
		httpJSON(t, "GET", base+"/api/v1/sources", "", "", &src)
		if len(src.Feeds) == want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d feeds recorded after 3 minutes: %s", len(src.Feeds), want, errb.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	return base
}

// metricValue reads one sample of the Prometheus text exposition.
func metricValue(t *testing.T, text, name string) int64 {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return n
		}
	}
	t.Fatalf("no %s in /metrics", name)
	return 0
}

// TestServeWatchesFeeds runs `egret serve --feeds` on the news fixture:
// the server polls the feeds into its store, /api/v1/sources and
// /metrics report the round, and the dashboard's Sources view and a
// document's provenance show it in headless Chromium.
func TestServeWatchesFeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("polls the news fixture and drives a browser")
	}
	r := newNewsRig(t, true)
	base := startServeFeeds(t, r)

	var src egrethttp.SourcesView
	httpJSON(t, "GET", base+"/api/v1/sources", "", "", &src)
	bad := map[string]string{}
	for _, b := range r.site.BadFeeds() {
		bad[b.URL] = b.Want
	}
	var newItems, events int64
	for _, f := range src.Feeds {
		if want, isBad := bad[f.URL]; isBad {
			if !strings.Contains(f.LastError, want) || f.Failures != 1 || f.LastPoll.IsZero() {
				t.Errorf("bad feed %s: %+v", f.URL, f)
			}
			continue
		}
		if f.LastError != "" || f.LastPoll.IsZero() || f.Outlet == "" {
			t.Errorf("good feed %s: %+v", f.URL, f)
		}
		newItems += int64(f.LastNew)
		events += f.Events24h
	}
	if !src.Watching || !src.State || newItems != 89 || events == 0 {
		t.Errorf("sources: watching %v state %v, %d new items, %d events in 24 h", src.Watching, src.State, newItems, events)
	}

	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := string(b)
	if metricValue(t, m, "egret_feed_polls_total") != int64(len(src.Feeds)) || metricValue(t, m, "egret_feed_poll_errors_total") != int64(len(bad)) ||
		metricValue(t, m, `egret_articles_total{result="new"}`) != 89 || metricValue(t, m, `egret_duplicates_total{kind="near"}`) != 2 ||
		metricValue(t, m, `egret_duplicates_total{kind="exact"}`) != 1 || metricValue(t, m, "egret_watch_documents_stored_total") != 89 ||
		metricValue(t, m, "egret_watch_events_stored_total") != metricValue(t, m, "egret_store_events") ||
		metricValue(t, m, "egret_fetch_requests_total") == 0 || metricValue(t, m, "egret_watch_lag_seconds_total") == 0 {
		t.Errorf("metrics:\n%s", m)
	}

	// The story three outlets carried: its provenance, in the API and in
	// the dashboard.
	var near newstest.Expect
	for _, e := range r.site.Expected() {
		if e.Kind == "near" {
			near = e
			break
		}
	}
	id := docIDOf(t, near.DupOf)
	var prov egrethttp.Provenance
	httpJSON(t, "GET", base+"/api/v1/provenance/"+id, "", "", &prov)
	if len(prov.Items) != 3 || prov.Items[0].Kind != "original" || prov.Items[1].Kind != "near" || prov.Items[1].Similarity < 0.6 {
		t.Fatalf("provenance %+v", prov)
	}

	ctx, browser := browsertest.New(t, 1280, 2400)
	var rows, failing int
	var badText, goodRow string
	var carriers []string
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/#"),
		browsertest.Into(new(bool), chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll("#sources tbody tr").length === %d`, len(src.Feeds)), chromedp.WithPollingTimeout(20*time.Second))),
		browsertest.Into(&rows, chromedp.Evaluate[int](`document.querySelectorAll("#sources tbody tr").length`)),
		browsertest.Into(&failing, chromedp.Evaluate[int](`document.querySelectorAll("#sources tbody tr.failing").length`)),
		browsertest.Into(&badText, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('#sources tr[data-feed=%q]').textContent`, r.site.X.URL+"/feeds/missing.xml"))),
		browsertest.Into(&goodRow, chromedp.Evaluate[string](fmt.Sprintf(`[...document.querySelector('#sources tr[data-feed=%q]').cells].map(c => c.textContent).join("|")`, r.site.FeedURLs()[0]))),
		chromedp.ScrollIntoView(`#sources-section`),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`openDocument(%q)`, id)),
		browsertest.Into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#doc-prov li").length === 3`, chromedp.WithPollingTimeout(20*time.Second))),
		browsertest.Into(&carriers, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#doc-prov li")].map(li => li.textContent)`)),
	)
	if err != nil {
		t.Fatalf("browser: %v\npage:\n%s", err, browsertest.PageText(browser))
	}
	browsertest.Screenshot(t, ctx, "dashboard-sources.png")
	if rows != len(src.Feeds) || failing != len(bad) || !strings.Contains(badText, "HTTP 404") {
		t.Errorf("sources view: %d rows, %d failing; missing feed row %q", rows, failing, badText)
	}
	// Harbor Tribune's RSS: its outlet, a poll time, new items, no errors.
	cells := strings.Split(goodRow, "|")
	if len(cells) != 7 || !strings.HasPrefix(cells[0], newstest.OutletA) || !strings.HasSuffix(cells[1], "UTC") || cells[2] == "0" || cells[4] == "0" || cells[5] != "none" {
		t.Errorf("good feed row %q", cells)
	}
	if len(carriers) != 3 || !strings.HasPrefix(carriers[0], newstest.OutletA+" — first copy") || !strings.Contains(carriers[1], "near-duplicate (similarity") ||
		!strings.HasPrefix(carriers[2], newstest.OutletC) {
		t.Errorf("provenance in the document view: %q", carriers)
	}
}
