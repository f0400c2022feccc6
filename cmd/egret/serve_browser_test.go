package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/egret-events/egret"
)

// findChromium finds Debian's Chromium, installing it with apt-get when
// missing; without it the test is skipped, or fails when CI=true.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	fail := t.Skipf
	if os.Getenv("CI") == "true" {
		fail = t.Fatalf
	}
	if os.Geteuid() != 0 {
		fail("chromium is not installed and apt-get needs root")
	}
	for _, args := range [][]string{{"update"}, {"install", "-y", "--no-install-recommends", "chromium"}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			fail("apt-get %v: %v\n%s", args, err, out)
		}
	}
	p, err := exec.LookPath("chromium")
	if err != nil {
		fail("chromium installed but not on PATH: %v", err)
	}
	return p
}

func collect[T any](dst *T, a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}

// TestDashboardEndToEnd serves the Zakharova statement coded by the real
// coder and reads it back through the dashboard in headless Chromium.
func TestDashboardEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser")
	}
	text, err := os.ReadFile(exampleFile(t, "zakharova-syria-comment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	browser := findChromium(t)
	base := startServe(t, "--db", filepath.Join(t.TempDir(), "egret.db"))
	doc, _ := json.Marshal(map[string]string{"id": "zakharova", "title": "Comment by Maria Zakharova on Syria", "text": string(text), "date": "2020-03-05"})
	httpJSON(t, "POST", base+"/api/v1/documents", "application/json", string(doc), nil)
	var page egret.EventPage
	httpJSON(t, "GET", base+"/api/v1/events?plover=ASSAULT&limit=100", "", "", &page)
	if len(page.Events) == 0 {
		t.Fatal("the coder found no ASSAULT event in the statement")
	}
	first := page.Events[0] // the newest first, as the table shows them

	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1600))
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	bctx := ctx
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	var rows, filtered int
	var verb string
	var marks int
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#events tbody tr[data-event-id]`),
		collect(&rows, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		chromedp.SetValue(`#filters select[name=plover]`, "ASSAULT"),
		chromedp.Click(`#filters button[type=submit]`),
		collect(new(bool), chromedp.Poll[bool](fmt.Sprintf(`(() => { const tds = [...document.querySelectorAll("#events tbody tr[data-event-id] td:nth-child(5)")];
			return tds.length === %d && tds.every(td => td.textContent === "ASSAULT"); })()`, len(page.Events)), chromedp.WithPollingTimeout(20*time.Second))),
		collect(&filtered, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		chromedp.Focus(`#events tbody button.open-doc`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#doc-text mark.hl-event.active`),
		collect(&verb, chromedp.Evaluate[string](`document.querySelector("#doc-text mark.hl-event.active").firstChild.textContent`)),
		collect(&marks, chromedp.Evaluate[int](`document.querySelectorAll("#doc-text mark").length`)),
		// RUS↔USA has no ASSAULT events: the chart says so instead of drawing.
		collect(new(bool), chromedp.Poll[bool](`document.querySelector("#series-chart").textContent.includes("No events between RUS and USA")`, chromedp.WithPollingTimeout(20*time.Second))),
		collect(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#map circle").length > 0`, chromedp.WithPollingTimeout(10*time.Second))),
	)
	if err != nil {
		dctx, dcancel := context.WithTimeout(bctx, 10*time.Second)
		defer dcancel()
		page, _ := chromedp.Run(dctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 3000)`))
		t.Fatalf("browser: %v\npage:\n%s", err, page)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives PNG
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("EGRET_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, "dashboard-zakharova.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)

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
