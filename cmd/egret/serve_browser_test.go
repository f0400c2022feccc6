package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/browsertest"
	"github.com/egret-events/egret/internal/testshared"
)

// TestDashboardEndToEnd serves the Zakharova statement coded by the real
// coder and reads it back through the dashboard in headless Chromium.
func TestDashboardEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser")
	}
	text, err := os.ReadFile(testshared.Path(t, "examples/zakharova-syria-comment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	base := startServe(t, "--db", filepath.Join(t.TempDir(), "egret.db"))
	doc, _ := json.Marshal(map[string]string{"id": "zakharova", "title": "Comment by Maria Zakharova on Syria", "text": string(text), "date": "2020-03-05"})
	httpJSON(t, "POST", base+"/api/v1/documents", "application/json", string(doc), nil)
	var page egret.EventPage
	httpJSON(t, "GET", base+"/api/v1/events?plover=ASSAULT&limit=100", "", "", &page)
	if len(page.Events) == 0 {
		t.Fatal("the coder found no ASSAULT event in the statement")
	}
	first := page.Events[0] // the newest first, as the table shows them

	ctx, browser := browsertest.New(t, 1280, 1600)

	var rows, filtered int
	var verb string
	var marks int
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#events tbody tr[data-event-id]`),
		browsertest.Into(&rows, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		chromedp.SetValue(`#filters select[name=plover]`, "ASSAULT"),
		chromedp.Click(`#filters button[type=submit]`),
		browsertest.Into(new(bool), chromedp.Poll[bool](fmt.Sprintf(`(() => { const tds = [...document.querySelectorAll("#events tbody tr[data-event-id] td:nth-child(5)")];
			return tds.length === %d && tds.every(td => td.textContent === "ASSAULT"); })()`, len(page.Events)), chromedp.WithPollingTimeout(20*time.Second))),
		browsertest.Into(&filtered, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		chromedp.Focus(`#events tbody button.open-doc`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#doc-text mark.hl-event.active`),
		browsertest.Into(&verb, chromedp.Evaluate[string](`document.querySelector("#doc-text mark.hl-event.active").firstChild.textContent`)),
		browsertest.Into(&marks, chromedp.Evaluate[int](`document.querySelectorAll("#doc-text mark").length`)),
		// RUS↔USA has no ASSAULT events: the chart says so instead of drawing.
		browsertest.Into(new(bool), chromedp.Poll[bool](`document.querySelector("#series-chart").textContent.includes("No events between RUS and USA")`, chromedp.WithPollingTimeout(20*time.Second))),
		browsertest.Into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#map circle").length > 0`, chromedp.WithPollingTimeout(10*time.Second))),
	)
	if err != nil {
		t.Fatalf("browser: %v\npage:\n%s", err, browsertest.PageText(browser))
	}
	browsertest.Screenshot(t, ctx, "dashboard-zakharova.png")

	if rows < len(page.Events) || filtered != len(page.Events) {
		t.Errorf("table rows %d, after plover=ASSAULT %d; want ≥%d and %d", rows, filtered, len(page.Events), len(page.Events))
	}
	if want := string(text[first.EventSpan.Start:first.EventSpan.End]); !strings.HasPrefix(want, verb) || verb == "" {
		t.Errorf("highlighted verb %q, want the event span %q", verb, want)
	}
	if marks == 0 {
		t.Error("no highlights in the document")
	}
}
