package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
	"github.com/egret-events/egret/internal/browsertest"
	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/nats"
	"github.com/egret-events/egret/postgres/pgtest"
)

// TestServeQueue runs `serve --nats` and an `egret worker` on an
// embedded NATS server and a real PostgreSQL: POSTed documents are
// queued (202) and stored by the worker; a poison message becomes a dead
// letter; the API, /metrics and the dashboard's Queue view show the
// queue, the worker's totals and the dead letter.
func TestServeQueue(t *testing.T) {
	if testing.Short() {
		t.Skip("runs NATS, PostgreSQL and a browser")
	}
	srv, err := nats.StartServer(nats.ServerOptions{StoreDir: t.TempDir(), Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	url := "nats://" + srv.Addr()
	db := pgtest.Start(t).NewDatabase(t)
	base := startServe(t, "--db", db, "--nats", url)

	stories := testshared.VOAStories(t)[:20]
	var body strings.Builder
	for _, s := range stories {
		b, _ := json.Marshal(map[string]any{"id": s.ID, "title": s.Title, "text": s.Text, "date": s.Date.Format(time.RFC3339), "source": "VOA"})
		body.Write(b)
		body.WriteByte('\n')
	}
	res, err := http.Post(base+"/api/v1/documents", "application/x-ndjson", strings.NewReader(body.String()))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var queued egrethttp.QueuedResult
	if res.StatusCode != http.StatusAccepted || json.Unmarshal(b, &queued) != nil || queued.Queued != len(stories) {
		t.Fatalf("POST with a queue: %d %s", res.StatusCode, b)
	}
	var q egrethttp.QueueView
	httpJSON(t, "GET", base+"/api/v1/queue", "", "", &q)
	if !q.Enabled || q.Depth != uint64(len(stories)) || q.Pending != uint64(len(stories)) {
		t.Fatalf("queue before any worker: %+v", q.QueueStats)
	}
	conn, err := nats.Connect(context.Background(), url, "test", nats.Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.JetStream().Publish(context.Background(), "egret.docs.wire", []byte("not json at all")); err != nil {
		t.Fatal(err)
	}

	m, _, errb := testMain(nil)
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() {
		exit <- m.Run(ctx, []string{"worker", "--nats", url, "--db", db, "--name", "wq", "--report-every", "200ms", "--ack-wait", "5s"})
	}()
	defer func() {
		cancel()
		if code := <-exit; code != 0 {
			t.Errorf("worker exit %d: %s", code, errb.String())
		}
	}()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		httpJSON(t, "GET", base+"/api/v1/queue", "", "", &q)
		if q.Depth == 0 && len(q.Workers) == 1 && q.Workers[0].Stored == int64(len(stories)) && q.Workers[0].DeadLetters == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue %+v; worker: %s", q.QueueStats, errb.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	var page egret.EventPage
	httpJSON(t, "GET", base+"/api/v1/events?limit=5", "", "", &page)
	if len(page.Events) == 0 {
		t.Error("the worker stored no events")
	}
	var dead egret.DeadLetterPage
	httpJSON(t, "GET", base+"/api/v1/dead-letters", "", "", &dead)
	if dead.Total != 1 || dead.DeadLetters[0].Excerpt != "not json at all" || dead.DeadLetters[0].Worker != "wq" {
		t.Errorf("dead letters %+v", dead)
	}
	res, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{"egret_queue_depth 0\n", "egret_queue_dead_letters 1\n", "egret_dead_letters 1\n", "egret_queue_workers 1\n",
		`egret_worker_documents_total{worker="wq"} 20` + "\n", `egret_worker_dead_letters_total{worker="wq"} 1` + "\n",
		"egret_documents_queued_total 20\n", `egret_worker_cpu_seconds_total{worker="wq"}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}

	bctx, browser := browsertest.New(t, 1280, 1600)
	var workers, deadRows int
	var note string
	err = chromedp.Do(bctx,
		chromedp.Navigate(base+"/#"),
		chromedp.WaitVisible(`#workers tbody tr[data-worker="wq"]`),
		chromedp.WaitVisible(`#dead-letters tbody tr`),
		browsertest.Into(&workers, chromedp.Evaluate[int](`document.querySelectorAll("#workers tbody tr").length`)),
		browsertest.Into(&deadRows, chromedp.Evaluate[int](`document.querySelectorAll("#dead-letters tbody tr").length`)),
		browsertest.Into(&note, chromedp.Evaluate[string](`document.querySelector("#queue-note").textContent`)),
		chromedp.ScrollIntoView(`#queue-section`),
	)
	if err != nil {
		t.Fatalf("browser: %v\npage:\n%s", err, browsertest.PageText(browser))
	}
	browsertest.Screenshot(t, bctx, "dashboard-queue.png")
	if workers != 1 || deadRows != 1 || !strings.Contains(note, "0 documents queued") {
		t.Errorf("Queue view: %d workers, %d dead letters, note %q", workers, deadRows, note)
	}
}
