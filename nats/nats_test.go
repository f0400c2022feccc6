package nats_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nats"
	"github.com/egret-events/egret/pipeline"
	"github.com/egret-events/egret/sqlite"
)

// startServer starts an embedded NATS server with JetStream in a temp
// dir on a free loopback port; it stops when the test ends.
func startServer(t *testing.T, dir string) *nats.Server {
	t.Helper()
	s, err := nats.StartServer(nats.ServerOptions{StoreDir: dir, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	return s
}

func connect(t *testing.T, url string, cfg nats.Config) *nats.Conn {
	t.Helper()
	c, err := nats.Connect(context.Background(), url, t.Name(), cfg, slog.New(slog.NewTextHandler(tWriter{t}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	if err := c.Setup(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	return c
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "egret.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func docs(n int, prefix string) []*egret.Document {
	out := make([]*egret.Document, n)
	for i := range out {
		out[i] = &egret.Document{ID: fmt.Sprintf("%s%03d", prefix, i), Title: "T", Text: fmt.Sprintf("Story %d. Second sentence.", i),
			Date: time.Date(2025, 3, 1+i%20, 0, 0, 0, 0, time.UTC), Source: "Voice of America"}
	}
	return out
}

// dotCoder codes one event per sentence; a text holding REFUSE is
// refused for good. It counts the documents it codes.
type dotCoder struct{ n atomic.Int64 }

func (c *dotCoder) Code(_ context.Context, rec *pipeline.Record) error {
	c.n.Add(1)
	if strings.Contains(rec.Doc.Text, "REFUSE") {
		return egret.Errorf(egret.EINVALID, "document %q: refused", rec.Doc.ID)
	}
	for i, s := range strings.SplitAfter(rec.Doc.Text, ".") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		rec.Events = append(rec.Events, egret.Event{Sentence: i, Source: "USA", Target: "RUS", CAMEO: "036", PLOVER: "CONSULT", QuadClass: 1,
			Goldstein: 4, Text: strings.TrimSpace(s), SentenceSpan: egret.Span{Start: 0, End: 1}})
		rec.Sentences++
	}
	return nil
}

// slowCoder is dotCoder taking d a document, so a run lasts.
func slowCoder(d time.Duration) pipeline.Coder {
	return pipeline.CoderFunc(func(ctx context.Context, rec *pipeline.Record) error {
		time.Sleep(d)
		return (&dotCoder{}).Code(ctx, rec)
	})
}

// worker runs one worker in the test until stop is closed.
type worker struct {
	src  *nats.Source
	done chan error
	sum  pipeline.Summary
}

func startWorker(t *testing.T, c *nats.Conn, st *sqlite.Store, coder pipeline.Coder, stop chan struct{}) *worker {
	t.Helper()
	src, err := c.Source(context.Background(), nats.SourceOptions{Worker: "w-" + t.Name(), Batch: 20, Stop: stop, Versions: st, DeadLetters: st})
	if err != nil {
		t.Fatal(err)
	}
	w := &worker{src: src, done: make(chan error, 1)}
	go func() {
		var err error
		w.sum, err = pipeline.Run(context.Background(), pipeline.Config{Source: src, Coder: coder, Sink: pipeline.Store(st), Workers: 2, Batch: 20, Resilient: true})
		w.done <- err
	}()
	return w
}

// waitFor polls cond until it holds or 30 s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func streamMsgs(t *testing.T, c *nats.Conn, name string) uint64 {
	t.Helper()
	s, err := c.JetStream().Stream(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func TestPublishDeduplicates(t *testing.T) {
	s := startServer(t, t.TempDir())
	c := connect(t, s.ClientURL(), nats.Config{})
	ctx := context.Background()
	p := c.Publisher()
	ds := docs(30, "d")
	q, err := p.Publish(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range q {
		if r.Duplicate || r.Seq == 0 || r.MsgID != egret.ContentHash(ds[i]) || r.Subject != "egret.docs.voice_of_america" {
			t.Fatalf("published %+v", r)
		}
	}
	// The same documents again, in another order: all dropped.
	q2, err := p.Publish(ctx, []*egret.Document{ds[5], ds[0], ds[29]})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range q2 {
		if !r.Duplicate {
			t.Errorf("republished %s: %+v, want a duplicate", r.ID, r)
		}
	}
	// A changed document is a new message.
	edited := *ds[0]
	edited.Text += " Edited."
	q3, _ := p.Publish(ctx, []*egret.Document{&edited})
	if q3[0].Duplicate {
		t.Error("an edited document was taken for a duplicate")
	}
	if n := streamMsgs(t, c, "EGRET_DOCS"); n != 31 {
		t.Errorf("stream holds %d messages, want 31", n)
	}
	if p.Published.Load() != 31 || p.Duplicates.Load() != 3 {
		t.Errorf("counters: published %d duplicates %d", p.Published.Load(), p.Duplicates.Load())
	}
}

// TestPublishWaitsWhileFull: a publisher blocks while the stream is at
// its limit and finishes once workers make room; nothing is lost.
func TestPublishWaitsWhileFull(t *testing.T) {
	s := startServer(t, t.TempDir())
	c := connect(t, s.ClientURL(), nats.Config{MaxMsgs: 25})
	ctx := context.Background()
	p := c.Publisher()
	published := make(chan error, 1)
	go func() {
		_, err := p.Publish(ctx, docs(100, "f"))
		published <- err
	}()
	waitFor(t, "the publisher to wait", func() bool { return p.Waits.Load() > 0 })
	select {
	case err := <-published:
		t.Fatalf("publisher finished with the stream full: %v", err)
	default:
	}
	if n := streamMsgs(t, c, "EGRET_DOCS"); n != 25 {
		t.Fatalf("stream holds %d, want its limit 25", n)
	}
	st := openStore(t)
	stop := make(chan struct{})
	w := startWorker(t, c, st, &dotCoder{}, stop)
	if err := <-published; err != nil {
		t.Fatal(err)
	}
	waitFor(t, "100 documents stored", func() bool { s, _ := st.Stats(ctx); return s.Documents == 100 })
	close(stop)
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	if n := streamMsgs(t, c, "EGRET_DOCS"); n != 0 {
		t.Errorf("%d messages left on the queue", n)
	}
}

// TestWorkerStoresAcksAndDeadLetters runs a worker over good documents,
// a malformed message and a document the coder refuses: the good ones
// are stored and acknowledged, the two others recorded as dead letters
// (in the store and on the dead-letter subject), none left on the queue.
func TestWorkerStoresAcksAndDeadLetters(t *testing.T) {
	s := startServer(t, t.TempDir())
	c := connect(t, s.ClientURL(), nats.Config{})
	ctx := context.Background()
	ds := docs(60, "w")
	ds[10].Text = "REFUSE this one."
	if _, err := c.Publisher().Publish(ctx, ds); err != nil {
		t.Fatal(err)
	}
	// Another publisher's malformed message.
	if _, err := c.JetStream().Publish(ctx, "egret.docs.other", []byte(`{"id": "broken", "text": `)); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	stop := make(chan struct{})
	coder := &dotCoder{}
	w := startWorker(t, c, st, coder, stop)
	waitFor(t, "59 documents stored", func() bool { s, _ := st.Stats(ctx); return s.Documents == 59 })
	waitFor(t, "2 dead letters", func() bool { return w.src.Counters.DeadLetters.Load() == 2 })
	close(stop)
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	page, err := st.DeadLetters(ctx, egret.DeadLetterQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 {
		t.Fatalf("%d dead letters recorded, want 2: %+v", page.Total, page.DeadLetters)
	}
	byDoc := map[string]egret.DeadLetter{}
	for _, dl := range page.DeadLetters {
		byDoc[dl.DocID] = dl
	}
	if dl := byDoc["w010"]; !strings.Contains(dl.Error, "refused") || dl.Deliveries != 1 || dl.ID != egret.ContentHash(ds[10]) || dl.Subject != "egret.docs.voice_of_america" {
		t.Errorf("refused document's dead letter: %+v", dl)
	}
	if dl := byDoc[""]; !strings.Contains(dl.Error, "malformed JSON") || !strings.HasPrefix(dl.ID, "EGRET_DOCS:") || dl.Excerpt != `{"id": "broken", "text": ` {
		t.Errorf("malformed message's dead letter: %+v", dl)
	}
	if n := streamMsgs(t, c, "EGRET_DEAD"); n != 2 {
		t.Errorf("dead-letter subject holds %d messages, want 2", n)
	}
	dead, _ := c.JetStream().Stream(ctx, "EGRET_DEAD")
	m, err := dead.GetLastMsgForSubject(ctx, "egret.dead.other")
	if err != nil {
		t.Fatal(err)
	}
	if string(m.Data) != `{"id": "broken", "text": ` || !strings.Contains(m.Header.Get(nats.HeaderError), "malformed") || m.Header.Get(nats.HeaderDeliveries) != "1" {
		t.Errorf("dead-letter message %q %v", m.Data, m.Header)
	}
	if n := streamMsgs(t, c, "EGRET_DOCS"); n != 0 {
		t.Errorf("%d messages left on the queue", n)
	}
	qs, err := c.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if qs.Depth != 0 || qs.AckPending != 0 || qs.DeadLetters != 2 {
		t.Errorf("queue stats %+v", qs)
	}
	if got := w.src.Counters.Stored.Load(); got != 59 || coder.n.Load() != 60 {
		t.Errorf("stored %d, coded %d", got, coder.n.Load())
	}
}

// TestRedeliveredStoredDocumentNotRecoded: a document delivered again
// after its store commit (the worker died before its ack), or published
// again later, is acknowledged without coding.
func TestRedeliveredStoredDocumentNotRecoded(t *testing.T) {
	s := startServer(t, t.TempDir())
	c := connect(t, s.ClientURL(), nats.Config{AckWait: 500 * time.Millisecond, Duplicates: time.Second})
	ctx := context.Background()
	ds := docs(3, "r")
	if _, err := c.Publisher().Publish(ctx, ds); err != nil {
		t.Fatal(err)
	}
	// A worker takes the first message, stores its document, and dies
	// before acknowledging it.
	st := openStore(t)
	cons, _ := c.JetStream().Consumer(ctx, "EGRET_DOCS", "workers")
	b, err := cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for m := range b.Messages() {
		meta, _ := m.Metadata()
		if err := st.PutDocuments(ctx, []egret.CodedDocument{{Document: *ds[0], Revision: meta.Timestamp.UnixNano()}}); err != nil {
			t.Fatal(err)
		}
	}
	coder := &dotCoder{}
	stop := make(chan struct{})
	w := startWorker(t, c, st, coder, stop)
	waitFor(t, "3 settled", func() bool { return w.src.Counters.Stored.Load()+w.src.Counters.Unchanged.Load() == 3 })
	if coder.n.Load() != 2 || w.src.Counters.Unchanged.Load() != 1 || w.src.Counters.Redelivered.Load() != 1 {
		t.Errorf("coded %d, unchanged %d, redelivered %d; want the redelivered stored document skipped", coder.n.Load(), w.src.Counters.Unchanged.Load(), w.src.Counters.Redelivered.Load())
	}
	// Republished past the duplicate window (or after a server restart,
	// which forgets the ids of messages gone from the stream): a newer
	// copy of the stored content, not coded; the stored revision rises,
	// so an older version coded late would yield to it.
	before, _ := st.DocumentVersions(ctx, []string{"r000"})
	time.Sleep(1100 * time.Millisecond)
	q, err := c.Publisher().Publish(ctx, ds[:1])
	if err != nil || q[0].Duplicate {
		t.Fatalf("republished: %+v %v", q, err)
	}
	waitFor(t, "the republished document", func() bool { return w.src.Counters.Unchanged.Load() == 2 })
	after, _ := st.DocumentVersions(ctx, []string{"r000"})
	if coder.n.Load() != 2 || after["r000"].Revision <= before["r000"].Revision || after["r000"].Hash != before["r000"].Hash {
		t.Errorf("republished copy: coded %d documents in all, revision %d → %d", coder.n.Load(), before["r000"].Revision, after["r000"].Revision)
	}
	close(stop)
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	if n := streamMsgs(t, c, "EGRET_DOCS"); n != 0 {
		t.Errorf("%d left on the queue", n)
	}
	if st, _ := st.Stats(ctx); st.Documents != 3 {
		t.Errorf("%+v", st)
	}
}

// TestMaxDeliveriesBecomeDeadLetters: a message whose workers die
// holding it (here: fetched and never settled) is delivered MaxDeliver
// times, then recorded as a dead letter from the server's advisory and
// taken off the queue.
func TestMaxDeliveriesBecomeDeadLetters(t *testing.T) {
	s := startServer(t, t.TempDir())
	c := connect(t, s.ClientURL(), nats.Config{MaxDeliver: 2, AckWait: 300 * time.Millisecond})
	ctx := context.Background()
	d := docs(1, "x")[0]
	if _, err := c.Publisher().Publish(ctx, []*egret.Document{d}); err != nil {
		t.Fatal(err)
	}
	cons, err := c.JetStream().Consumer(ctx, "EGRET_DOCS", "workers")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		b, err := cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for m := range b.Messages() {
			meta, _ := m.Metadata()
			if meta.NumDelivered != uint64(i) {
				t.Errorf("delivery %d has NumDelivered %d", i, meta.NumDelivered)
			}
			n++
		}
		if n != 1 {
			t.Fatalf("delivery %d: %d messages", i, n)
		}
	}
	// A live worker's next pull makes the server give up on the message
	// (it sends the advisory when it would deliver it a third time).
	st := openStore(t)
	stop := make(chan struct{})
	w := startWorker(t, c, st, &dotCoder{}, stop)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- c.Exhausted(wctx, "w1", st, nil) }()
	waitFor(t, "the dead letter", func() bool { p, _ := st.DeadLetters(ctx, egret.DeadLetterQuery{}); return p.Total == 1 })
	waitFor(t, "the queue to empty", func() bool { return streamMsgs(t, c, "EGRET_DOCS") == 0 })
	cancel()
	close(stop)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	if n := w.src.Counters.Stored.Load(); n != 0 {
		t.Errorf("the worker stored %d documents; the message was past its deliveries", n)
	}
	p, _ := st.DeadLetters(ctx, egret.DeadLetterQuery{})
	dl := p.DeadLetters[0]
	if dl.DocID != d.ID || dl.Deliveries != 2 || !strings.Contains(dl.Error, "delivered 2 times") || dl.ID != egret.ContentHash(d) {
		t.Errorf("dead letter %+v", dl)
	}
	if n := streamMsgs(t, c, "EGRET_DEAD"); n != 1 {
		t.Errorf("dead-letter subject holds %d, want 1", n)
	}
}

// TestServerRestart: a worker keeps working across a restart of the
// NATS server (same store directory and port); nothing is lost.
func TestServerRestart(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir)
	addr := s.Addr()
	c := connect(t, s.ClientURL(), nats.Config{AckWait: 2 * time.Second})
	ctx := context.Background()
	if _, err := c.Publisher().Publish(ctx, docs(200, "a")); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	stop := make(chan struct{})
	w := startWorker(t, c, st, slowCoder(2*time.Millisecond), stop)
	waitFor(t, "some documents stored", func() bool { s, _ := st.Stats(ctx); return s.Documents >= 20 })
	s.Shutdown()
	s2, err := nats.StartServer(nats.ServerOptions{StoreDir: dir, Addr: addr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s2.Shutdown)
	waitFor(t, "the connection back", func() bool { return c.NATS().Status() == natsgo.CONNECTED })
	if _, err := c.Publisher().Publish(ctx, docs(100, "b")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "300 documents stored", func() bool { s, _ := st.Stats(ctx); return s.Documents == 300 })
	waitFor(t, "the queue to empty", func() bool { return streamMsgs(t, c, "EGRET_DOCS") == 0 })
	close(stop)
	if err := <-w.done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	if st, _ := st.Stats(ctx); st.Events != 600 {
		t.Errorf("%d events, want 600", st.Events)
	}
}

// TestGracefulStop: stopping a worker mid-stream leaves nothing held:
// what it took is stored and acknowledged or handed back at once.
func TestGracefulStop(t *testing.T) {
	s := startServer(t, t.TempDir())
	c := connect(t, s.ClientURL(), nats.Config{AckWait: time.Minute})
	ctx := context.Background()
	if _, err := c.Publisher().Publish(ctx, docs(300, "g")); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	stop := make(chan struct{})
	w := startWorker(t, c, st, slowCoder(time.Millisecond), stop)
	waitFor(t, "some documents stored", func() bool { return w.src.Counters.Stored.Load() >= 30 })
	close(stop)
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	// Acknowledgements are sent without waiting for an answer: flush
	// them, then give the server a moment to apply them.
	c.NATS().Flush()
	var qs egret.QueueStats
	var stats egret.StoreStats
	deadline := time.Now().Add(10 * time.Second)
	for {
		var err error
		if qs, err = c.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		stats, _ = st.Stats(ctx)
		if qs.AckPending == 0 && qs.Depth+uint64(stats.Documents) == 300 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if qs.AckPending != 0 || qs.Depth+uint64(stats.Documents) != 300 {
		t.Errorf("after a graceful stop: %d held, %d queued + %d stored, want 0 held and 300", qs.AckPending, qs.Depth, stats.Documents)
	}
}

// tWriter sends log lines to the test's log.
type tWriter struct{ t *testing.T }

func (w tWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// TestConnectWaitsForServer starts a client before its server: Connect
// keeps trying for ConnectWait and succeeds once the server is up; with
// no server at all it fails after ConnectWait, naming the URL.
func TestConnectWaitsForServer(t *testing.T) {
	addr := freeAddr(t)
	url := "nats://" + addr
	done := make(chan error, 1)
	go func() {
		c, err := nats.Connect(context.Background(), url, t.Name(), nats.Config{ConnectWait: 20 * time.Second}, nil)
		if err == nil {
			c.Close()
		}
		done <- err
	}()
	time.Sleep(time.Second)
	select {
	case err := <-done:
		t.Fatalf("Connect returned before any server started: %v", err)
	default:
	}
	s, err := nats.StartServer(nats.ServerOptions{StoreDir: t.TempDir(), Addr: addr})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Connect after the server started: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Connect did not return after the server started")
	}

	_, err = nats.Connect(context.Background(), "nats://"+freeAddr(t), t.Name(), nats.Config{ConnectWait: 500 * time.Millisecond}, nil)
	if err == nil || !strings.Contains(err.Error(), "no servers available") {
		t.Fatalf("Connect with no server: %v, want a no-servers error", err)
	}
}
