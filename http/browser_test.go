package http_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromium finds Debian's Chromium, installing it with apt-get when
// missing; without it the test is skipped, or fails when CI=true.
func chromium(t *testing.T) string {
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
	t.Log("installing chromium with apt-get")
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

// into stores an action's result in dst so results can be collected in a sequence of steps.
func into[T any](dst *T, a chromedp.Action[T]) chromedp.Action[Void] {
	return func(ctx context.Context, t *chromedp.Target) (Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return Void{}, err
	}
}

// Void is chromedp's empty result type.
type Void = chromedp.Void

// newBrowser starts headless Chromium with a fresh profile.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1800),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// screenshotDir is where screenshots go: $EGRET_SCREENSHOT_DIR, else a temp dir.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("EGRET_SCREENSHOT_DIR"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

func TestDashboardInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser")
	}
	s := newServer(t, "")
	var docs []string
	for i, text := range []string{
		"Russia accused the United States of lying about Idlib. Washington praised Ankara for its restraint.",
		"Turkey attacked Syria near Idlib. Moscow accused Ankara of escalation.",
		"Washington accused Moscow of meddling. Russia praised Syria.",
	} {
		b, _ := json.Marshal(map[string]string{"id": []string{"story-a", "story-b", "story-c"}[i], "title": "Story " + string(rune('A'+i)),
			"text": text, "date": []string{"2020-01-10", "2020-02-12", "2020-03-15"}[i]})
		docs = append(docs, string(b))
	}
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/x-ndjson", strings.Join(docs, "\n"), nil); code != 200 {
		t.Fatalf("seeding: %d %s", code, body)
	}
	ctx := newBrowser(t)

	var rows, filtered int
	var srcMark, verbMark, tgtMark, docTitle string
	var plovers, circles, seriesRows int
	var preview string
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.url+"/"),
		chromedp.WaitVisible(`#events tbody tr[data-event-id]`),
		into(&rows, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		// Filter with the keyboard: type a source code and press Enter.
		chromedp.SendKeys(`#filters input[name=source]`, "TUR"+kb.Enter),
		into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#events tbody tr[data-event-id]").length === 1`, chromedp.WithPollingTimeout(10*time.Second))),
		into(&filtered, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		// Open the event's document from the keyboard.
		chromedp.Focus(`#events tbody button.open-doc`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#doc-section mark.hl-source`),
		into(&docTitle, chromedp.Text(`#doc-h`)),
		into(&srcMark, chromedp.Text(`#doc-text mark.hl-source.active`)),
		into(&verbMark, chromedp.Text(`#doc-text mark.hl-event.active`)),
		into(&tgtMark, chromedp.Text(`#doc-text mark.hl-target.active`)),
		into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#plover-bars li").length > 0 && document.querySelectorAll("#map circle").length > 0`, chromedp.WithPollingTimeout(10*time.Second))),
		into(&plovers, chromedp.Evaluate[int](`document.querySelectorAll("#plover-bars li").length`)),
		into(&circles, chromedp.Evaluate[int](`document.querySelectorAll("#map circle").length`)),
		// The dyad chart: RUS↔USA by quad class (filters cleared first).
		chromedp.Click(`#filters button[type=reset]`),
		into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#events tbody tr[data-event-id]").length === 6`, chromedp.WithPollingTimeout(10*time.Second))),
		chromedp.Click(`#series-form button[type=submit]`),
		chromedp.WaitVisible(`#series-chart canvas`),
		into(&seriesRows, chromedp.Evaluate[int](`document.querySelectorAll("#series-table tbody tr").length`)),
		// Paste text and see it coded.
		chromedp.SendKeys(`#code-form textarea`, "Damascus accused Washington of aggression."),
		chromedp.Click(`#code-form button[value=preview]`),
		chromedp.WaitVisible(`#code-result mark.hl-event`),
		into(&preview, chromedp.Text(`#code-result`)),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives PNG
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(screenshotDir(t), "dashboard.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))

	if rows != 6 || filtered != 1 {
		t.Errorf("rows %d, after source=TUR %d; want 6 and 1", rows, filtered)
	}
	if !strings.Contains(docTitle, "Story B") || !strings.HasPrefix(srcMark, "Turkey") || !strings.HasPrefix(verbMark, "attacked") || !strings.HasPrefix(tgtMark, "Syria") ||
		!strings.Contains(verbMark, "event verb of event 1 (190 ASSAULT)") {
		t.Errorf("document %q highlights source %q verb %q target %q", docTitle, srcMark, verbMark, tgtMark)
	}
	if plovers != 1 || circles != 1 {
		t.Errorf("PLOVER bars %d, map circles %d; want 1 and 1 for source=TUR", plovers, circles)
	}
	if seriesRows != 2 { // January and March have RUS↔USA events
		t.Errorf("series table rows %d, want 2", seriesRows)
	}
	if !strings.Contains(preview, "1 events coded") || !strings.Contains(preview, "SYRGOV → USAGOV") {
		t.Errorf("preview %q", preview)
	}
}
