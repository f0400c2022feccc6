package http_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/egret-events/egret/internal/browsertest"
)

var into = browsertest.Into[bool]

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
	ctx, browser := browsertest.New(t, 1280, 1800)

	var rows, filtered int
	var srcMark, verbMark, tgtMark, docTitle string
	var plovers, circles, seriesRows int
	var preview string
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.url+"/"),
		chromedp.WaitVisible(`#events tbody tr[data-event-id]`),
		browsertest.Into(&rows, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		// Filter with the keyboard: type a source code and press Enter.
		chromedp.SendKeys(`#filters input[name=source]`, "TUR"+kb.Enter),
		into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#events tbody tr[data-event-id]").length === 1`, chromedp.WithPollingTimeout(10*time.Second))),
		browsertest.Into(&filtered, chromedp.Evaluate[int](`document.querySelectorAll("#events tbody tr[data-event-id]").length`)),
		// Open the event's document from the keyboard.
		chromedp.Focus(`#events tbody button.open-doc`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#doc-section mark.hl-source`),
		browsertest.Into(&docTitle, chromedp.Text(`#doc-h`)),
		browsertest.Into(&srcMark, chromedp.Text(`#doc-text mark.hl-source.active`)),
		browsertest.Into(&verbMark, chromedp.Text(`#doc-text mark.hl-event.active`)),
		browsertest.Into(&tgtMark, chromedp.Text(`#doc-text mark.hl-target.active`)),
		into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#plover-bars li").length > 0 && document.querySelectorAll("#map circle").length > 0`, chromedp.WithPollingTimeout(10*time.Second))),
		browsertest.Into(&plovers, chromedp.Evaluate[int](`document.querySelectorAll("#plover-bars li").length`)),
		browsertest.Into(&circles, chromedp.Evaluate[int](`document.querySelectorAll("#map circle").length`)),
		// The dyad chart: RUS↔USA by quad class (filters cleared first).
		chromedp.Click(`#filters button[type=reset]`),
		into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#events tbody tr[data-event-id]").length === 6`, chromedp.WithPollingTimeout(10*time.Second))),
		chromedp.Click(`#series-form button[type=submit]`),
		chromedp.WaitVisible(`#series-chart canvas`),
		browsertest.Into(&seriesRows, chromedp.Evaluate[int](`document.querySelectorAll("#series-table tbody tr").length`)),
		// Paste text and see it coded.
		chromedp.SendKeys(`#code-form textarea`, "Damascus accused Washington of aggression."),
		chromedp.Click(`#code-form button[value=preview]`),
		chromedp.WaitVisible(`#code-result mark.hl-event`),
		browsertest.Into(&preview, chromedp.Text(`#code-result`)),
	)
	if err != nil {
		t.Fatalf("browser: %v\npage:\n%s", err, browsertest.PageText(browser))
	}
	browsertest.Screenshot(t, ctx, "dashboard.png")

	// A long statement: its events come in pages in the document view.
	long, _ := json.Marshal(map[string]string{"id": "long", "title": "Long", "text": strings.Repeat("Moscow accused Damascus. ", 250), "date": "2019-05-05"})
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/json", string(long), nil); code != 200 {
		t.Fatalf("seeding: %d %s", code, body)
	}
	// Its newest event is on the last of its two pages of events; the
	// view opens there, and pages back to the first.
	var metaOpen, metaFirst, metaNext string
	var marksFirst int
	meta := func(want string) chromedp.Action[chromedp.Void] {
		return into(new(bool), chromedp.Poll[bool](fmt.Sprintf(`document.querySelector("#doc-meta").textContent.includes(%q)`, want), chromedp.WithPollingTimeout(10*time.Second)))
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(`#filters input[name=from]`, "2019-05-05"),
		chromedp.SetValue(`#filters input[name=to]`, "2019-05-05"),
		chromedp.Click(`#filters button[type=submit]`),
		into(new(bool), chromedp.Poll[bool](`document.querySelectorAll("#events tbody tr[data-event-id]").length === 50`, chromedp.WithPollingTimeout(10*time.Second))),
		chromedp.Click(`#events tbody button.open-doc`),
		meta("50 of 250 events shown"),
		browsertest.Into(&metaOpen, chromedp.Text(`#doc-meta`)),
		chromedp.Click(`#doc-first`),
		meta("200 of 250 events shown"),
		browsertest.Into(&metaFirst, chromedp.Text(`#doc-meta`)),
		browsertest.Into(&marksFirst, chromedp.Evaluate[int](`document.querySelectorAll("#doc-text mark").length`)),
		chromedp.Click(`#doc-next`),
		meta("50 of 250 events shown"),
		browsertest.Into(&metaNext, chromedp.Text(`#doc-meta`)),
	)
	if err != nil {
		t.Fatalf("browser, long document: %v\npage:\n%s", err, browsertest.PageText(browser))
	}
	if marksFirst != 600 { // source, verb and target of 200 events
		t.Errorf("long document pages: %q, %q (%d marks), %q", metaOpen, metaFirst, marksFirst, metaNext)
	}

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
