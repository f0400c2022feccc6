package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/pipeline"
)

// sentenceCoder is a test coder: one event per sentence (a "." each),
// coded after a random pause so workers finish out of order; a text
// holding FAIL is refused, one holding BUG breaks the coder.
type sentenceCoder struct{ jitter bool }

func (c sentenceCoder) CodeCount(ctx context.Context, doc *egret.Document) ([]egret.Event, int, error) {
	if c.jitter {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	switch {
	case strings.Contains(doc.Text, "FAIL"):
		return nil, 0, egret.Errorf(egret.EINVALID, "text asks the coder to fail")
	case strings.Contains(doc.Text, "BUG"):
		return nil, 0, errors.New("index out of range")
	}
	n := strings.Count(doc.Text, ".")
	evs := make([]egret.Event, n)
	for i := range evs {
		evs[i] = egret.Event{DocID: doc.ID, Sentence: i, Source: "AAA", Target: "BBB", CAMEO: "010"}
	}
	return evs, n, nil
}

func (c sentenceCoder) Code(ctx context.Context, doc *egret.Document) ([]egret.Event, error) {
	evs, _, err := c.CodeCount(ctx, doc)
	return evs, err
}

func docs(n int) []*pipeline.Record {
	recs := make([]*pipeline.Record, n)
	for i := range recs {
		recs[i] = &pipeline.Record{Origin: fmt.Sprintf("in:%d", i+1), Doc: &egret.Document{ID: fmt.Sprintf("d%03d", i), Text: strings.Repeat("A sentence. ", i%4+1)}}
	}
	return recs
}

// batchSink records what each Write was given, and can refuse records or fail.
type batchSink struct {
	mu      sync.Mutex
	batches [][]string
	refuse  func(rec *pipeline.Record) error
	fail    func(batch int) error
}

func (s *batchSink) Write(_ context.Context, recs []*pipeline.Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		if err := s.fail(len(s.batches)); err != nil {
			s.batches = append(s.batches, nil)
			return err
		}
	}
	var ids []string
	var be *egret.BatchError
	for i, rec := range recs {
		if s.refuse != nil {
			if err := s.refuse(rec); err != nil {
				if be == nil {
					be = &egret.BatchError{Total: len(recs)}
				}
				be.Skipped = append(be.Skipped, egret.RecordError{Index: i, ID: rec.Doc.ID, Err: err})
				continue
			}
		}
		ids = append(ids, rec.Doc.ID)
	}
	s.batches = append(s.batches, ids)
	if be != nil {
		return be
	}
	return nil
}

func (s *batchSink) written() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, b := range s.batches {
		out = append(out, b...)
	}
	return out
}

func ids(recs []*pipeline.Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.Doc.ID)
	}
	return out
}

func TestOrderAndBatches(t *testing.T) {
	recs := docs(500)
	sink := &batchSink{}
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(recs...),
		Coder: pipeline.Code(sentenceCoder{jitter: true}, nil), Sink: sink, Workers: 8, Batch: 64})
	if err != nil {
		t.Fatal(err)
	}
	if got := sink.written(); !reflect.DeepEqual(got, ids(recs)) {
		t.Fatalf("written out of order or incomplete: %d records", len(got))
	}
	if len(sink.batches) != 8 || len(sink.batches[0]) != 64 || len(sink.batches[7]) != 500-7*64 {
		t.Errorf("batches of %d, %d … %d", len(sink.batches), len(sink.batches[0]), len(sink.batches[len(sink.batches)-1]))
	}
	// 500 records of 1-4 sentences each: 125 of each length.
	if sum.Records != 500 || sum.Coded != 500 || sum.Written != 500 || sum.Events != 1250 || sum.Sentences != 1250 || sum.CodedSentences != 1250 || sum.Skipped != 0 {
		t.Errorf("summary %+v", sum)
	}
	for i, r := range recs {
		if r.Seq != i || len(r.Events) != i%4+1 {
			t.Fatalf("record %d: seq %d, %d events", i, r.Seq, len(r.Events))
		}
	}
}

// TestSkippedRecordsReportedInOrder: bad input, coding failures and the
// sink's refusals are each reported once, in source order, and acknowledged
// with their error; the run goes on.
func TestSkippedRecordsReportedInOrder(t *testing.T) {
	recs := docs(40)
	recs[3] = &pipeline.Record{Origin: "in:4", Err: egret.Errorf(egret.EINVALID, "malformed JSON")}
	recs[10].Doc.Text = "Please FAIL."
	recs[20].Doc.Text = "A BUG here."
	sink := &batchSink{refuse: func(rec *pipeline.Record) error {
		if rec.Doc.ID == "d030" {
			return egret.Errorf(egret.EINVALID, "document %q: event 0: field \"date\"", rec.Doc.ID)
		}
		return nil
	}}
	acks := map[int]error{}
	var mu sync.Mutex
	for _, r := range recs {
		r.Ack = func(err error) {
			mu.Lock()
			defer mu.Unlock()
			if _, twice := acks[r.Seq]; twice {
				t.Errorf("record %d acknowledged twice", r.Seq)
			}
			acks[r.Seq] = err
		}
	}
	var reported []string
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(recs...),
		Coder: pipeline.Code(sentenceCoder{jitter: true}, nil), Sink: sink, Workers: 4, Batch: 7,
		Report: func(r *pipeline.Record) { reported = append(reported, r.Origin+": "+r.Err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"in:4: malformed JSON",
		`in:11: document "d010": text asks the coder to fail`,
		`in:21: coding document "d020": index out of range`,
		`in:31: document "d030": event 0: field "date"`,
	}
	if !reflect.DeepEqual(reported, want) {
		t.Errorf("reported:\n%s\nwant:\n%s", strings.Join(reported, "\n"), strings.Join(want, "\n"))
	}
	if sum.Written != 36 || sum.Skipped != 4 || sum.Records != 40 || len(sink.written()) != 36 {
		t.Errorf("summary %+v", sum)
	}
	if len(acks) != 40 {
		t.Fatalf("%d records acknowledged, want 40", len(acks))
	}
	for seq, err := range acks {
		bad := seq == 3 || seq == 10 || seq == 20 || seq == 30
		if (err != nil) != bad {
			t.Errorf("record %d acknowledged with %v", seq, err)
		}
	}
	if !pipeline.Permanent(acks[10]) || pipeline.Permanent(acks[20]) || !pipeline.Permanent(acks[30]) {
		t.Errorf("permanence: refused %v, broken coder %v, store refusal %v", acks[10], acks[20], acks[30])
	}
	if egret.ErrorCode(recs[10].Err) != egret.EINVALID || egret.ErrorCode(recs[20].Err) != egret.EINTERNAL {
		t.Errorf("codes %q %q", egret.ErrorCode(recs[10].Err), egret.ErrorCode(recs[20].Err))
	}
}

// TestSinkFailureStops: a sink that fails stops the run with its error;
// what was committed before stays counted, nothing after is reported, and
// every record is acknowledged.
func TestSinkFailureStops(t *testing.T) {
	recs := docs(300)
	disk := errors.New("write: no space left on device")
	sink := &batchSink{fail: func(b int) error {
		if b == 2 {
			return disk
		}
		return nil
	}}
	var acked, failed int
	var mu sync.Mutex
	for _, r := range recs {
		r.Ack = func(err error) {
			mu.Lock()
			defer mu.Unlock()
			acked++
			if err != nil {
				failed++
			}
		}
	}
	var reports int
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(recs...),
		Coder: pipeline.Code(sentenceCoder{}, nil), Sink: sink, Workers: 2, Batch: 10,
		Report: func(*pipeline.Record) { reports++ }})
	if !errors.Is(err, disk) {
		t.Fatalf("Run: %v", err)
	}
	if sum.Written != 20 || reports != 0 || len(sink.batches) != 3 {
		t.Errorf("summary %+v, %d reports, %d writes", sum, reports, len(sink.batches))
	}
	if acked != int(sum.Records) || failed != acked-20 {
		t.Errorf("%d of %d records acknowledged, %d with an error", acked, sum.Records, failed)
	}
}

// TestResilientSinkFailure: the failed batch's records are acknowledged
// with the failure and reported; the run goes on.
func TestResilientSinkFailure(t *testing.T) {
	recs := docs(30)
	sink := &batchSink{fail: func(b int) error {
		if b == 1 {
			return errors.New("connection reset")
		}
		return nil
	}}
	var reports []string
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(recs...),
		Coder: pipeline.Code(sentenceCoder{}, nil), Sink: sink, Batch: 10, Resilient: true,
		Report: func(r *pipeline.Record) { reports = append(reports, r.Origin) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Written != 20 || sum.Skipped != 10 || len(reports) != 10 || reports[0] != "in:11" || len(sink.batches) != 3 {
		t.Errorf("summary %+v, reports %v", sum, reports)
	}
	if recs[15].Err == nil || pipeline.Permanent(recs[15].Err) {
		t.Errorf("record of the failed batch: %v", recs[15].Err)
	}
}

// TestAtomic: one bad record and nothing is written; the run ends with
// its error.
func TestAtomic(t *testing.T) {
	recs := docs(50)
	recs[37].Doc.Text = "FAIL."
	sink := &batchSink{}
	var acks int
	for _, r := range recs {
		r.Ack = func(err error) {
			if err == nil {
				t.Errorf("record %d acknowledged as written", r.Seq)
			}
			acks++
		}
	}
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(recs...),
		Coder: pipeline.Code(sentenceCoder{jitter: true}, nil), Sink: sink, Workers: 4, Batch: 5, Atomic: true})
	if err == nil || err.Error() != `document "d037": text asks the coder to fail` || egret.ErrorCode(err) != egret.EINVALID {
		t.Fatalf("Run: %v", err)
	}
	// Records the run took are acknowledged (with an error); those emit
	// refused once it was stopping stay their source's.
	if len(sink.batches) != 0 || acks != int(sum.Records) || sum.Records < 38 {
		t.Errorf("%d writes, %d acks of %d records", len(sink.batches), acks, sum.Records)
	}
	// Without the bad record, one write holds everything.
	recs = docs(50)
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(recs...),
		Coder: pipeline.Code(sentenceCoder{jitter: true}, nil), Sink: sink, Workers: 4, Batch: 5, Atomic: true}); err != nil {
		t.Fatal(err)
	}
	if len(sink.batches) != 1 || len(sink.batches[0]) != 50 {
		t.Errorf("atomic run wrote %d batches", len(sink.batches))
	}
	// A record the sink refuses fails the run too.
	refusing := &batchSink{refuse: func(rec *pipeline.Record) error {
		if rec.Doc.ID == "d010" {
			return egret.Errorf(egret.EINVALID, "document %q: field \"date\"", rec.Doc.ID)
		}
		return nil
	}}
	var reports int
	_, err = pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(docs(20)...), Coder: pipeline.Code(sentenceCoder{}, nil),
		Sink: refusing, Atomic: true, Report: func(*pipeline.Record) { reports++ }})
	if err == nil || !strings.Contains(err.Error(), `document "d010"`) || reports != 0 {
		t.Errorf("atomic run with a refused record: %v, %d reports", err, reports)
	}
}

// TestPushCommitsBeforeReturning: Put returns only once the sink holds
// the document, so a watcher records an item only after its document.
func TestPushCommitsBeforeReturning(t *testing.T) {
	capture := &pipeline.Capture{}
	push := &pipeline.Push{}
	var seen []int
	push.Producer = func(ctx context.Context) error {
		for i := range 20 {
			text := strings.Repeat("Words. ", i%3+1)
			if i == 7 {
				text = "FAIL"
			}
			err := push.Put(ctx, &egret.Document{ID: fmt.Sprintf("p%d", i), Text: text, URL: fmt.Sprintf("https://x.example/%d", i)})
			if (err != nil) != (i == 7) {
				return fmt.Errorf("put %d: %v", i, err)
			}
			seen = append(seen, len(capture.Documents()))
		}
		return nil
	}
	var reported []string
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Source: push, Coder: pipeline.Code(sentenceCoder{}, nil), Sink: capture,
		Batch: 100, Report: func(r *pipeline.Record) { reported = append(reported, r.Origin) }})
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range seen {
		want := i + 1
		if i >= 7 {
			want = i
		}
		if n != want {
			t.Fatalf("after Put %d the sink held %d documents, want %d", i, n, want)
		}
	}
	if sum.Written != 19 || !reflect.DeepEqual(reported, []string{"https://x.example/7"}) {
		t.Errorf("summary %+v, reported %v", sum, reported)
	}
	if err := push.Put(context.Background(), &egret.Document{ID: "late", Text: "x"}); err == nil {
		t.Error("Put after the run succeeded")
	}
}

// queue is a work queue as JetStream is one: messages are delivered,
// and stay pending until acknowledged, terminated or negatively
// acknowledged (delivered again).
type queue struct {
	mu                  sync.Mutex
	msgs                []string
	acked, termed, naks map[int]int
	committed           map[string]bool // what the store held when each ack came
	ackBeforeCommit     []int
}

// source reads the queue in fetches of 4 messages, decoding each with
// the one decoder; the last message of a fetch flushes the batch.
func (q *queue) source(store *pipeline.Capture) pipeline.Source {
	return pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Record) error) error {
		for start := 0; start < len(q.msgs); start += 4 {
			end := min(start+4, len(q.msgs))
			for i := start; i < end; i++ {
				rec := &pipeline.Record{Origin: fmt.Sprintf("queue#%d", i), Flush: i == end-1}
				rd := &docio.Reader{Name: rec.Origin, Format: docio.FormatJSON, RequireID: true,
					Bad: func(b docio.BadRecord) { rec.Err = &egret.Error{Code: b.Code, Message: b.Err} }}
				rd.Read(strings.NewReader(q.msgs[i]), func(d *egret.Document) error { rec.Doc = d; return nil })
				rec.Ack = func(err error) {
					q.mu.Lock()
					defer q.mu.Unlock()
					switch {
					case err == nil:
						q.acked[i]++
						if rec.Doc != nil && !held(store, rec.Doc.ID) {
							q.ackBeforeCommit = append(q.ackBeforeCommit, i)
						}
					case pipeline.Permanent(err):
						q.termed[i]++
					default:
						q.naks[i]++
					}
				}
				if err := emit(rec); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func held(c *pipeline.Capture, id string) bool {
	for _, d := range c.Documents() {
		if d.Document.ID == id {
			return true
		}
	}
	return false
}

// TestQueueSourceAcks shows how a queue consumer plugs in: a message is
// acknowledged after the sink committed its document, a bad one is
// terminated, one whose write failed is asked for again.
func TestQueueSourceAcks(t *testing.T) {
	q := &queue{acked: map[int]int{}, termed: map[int]int{}, naks: map[int]int{}}
	for i := range 10 {
		q.msgs = append(q.msgs, fmt.Sprintf(`{"id":"m%d","text":"Story %d. More."}`, i, i))
	}
	q.msgs[2] = `{"text":"no id"}`
	q.msgs[5] = `{"id":"m5","text":"FAIL"}`
	store := &pipeline.Capture{}
	failing := true
	sink := pipeline.SinkFunc(func(ctx context.Context, recs []*pipeline.Record) error {
		if failing && recs[0].Doc.ID == "m8" { // the third fetch's write fails once
			failing = false
			return errors.New("store unreachable")
		}
		return store.Write(ctx, recs)
	})
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Source: q.source(store), Coder: pipeline.Code(sentenceCoder{}, nil),
		Sink: sink, Batch: 100, Resilient: true}); err != nil {
		t.Fatal(err)
	}
	if len(q.ackBeforeCommit) != 0 {
		t.Errorf("messages acknowledged before their documents were stored: %v", q.ackBeforeCommit)
	}
	want := map[int]int{0: 1, 1: 1, 3: 1, 4: 1, 6: 1, 7: 1}
	if !reflect.DeepEqual(q.acked, want) || !reflect.DeepEqual(q.termed, map[int]int{2: 1, 5: 1}) || !reflect.DeepEqual(q.naks, map[int]int{8: 1, 9: 1}) {
		t.Errorf("acked %v termed %v nak'd %v", q.acked, q.termed, q.naks)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var n int
	src := pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Record) error) error {
		for i := 0; ; i++ {
			if i == 100 {
				cancel()
			}
			if err := emit(&pipeline.Record{Origin: "gen", Doc: &egret.Document{ID: fmt.Sprint(i), Text: "A."}}); err != nil {
				return err
			}
			n++
		}
	})
	var reports int
	sum, err := pipeline.Run(ctx, pipeline.Config{Source: src, Coder: pipeline.Code(sentenceCoder{}, nil), Sink: &batchSink{},
		Report: func(*pipeline.Record) { reports++ }})
	if !errors.Is(err, context.Canceled) || reports != 0 || sum.Records != int64(n) {
		t.Errorf("Run: %v, %d reports, summary %+v (%d emitted)", err, reports, sum, n)
	}
}

func TestFilesSource(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.jsonl", "{\"id\":\"a1\",\"text\":\"One. Two.\"}\n{oops\n{\"id\":\"a3\",\"text\":\"Three.\"}\n")
	x := write("b.xml", `<Sentences><Sentence id="x1" date="20200101"><Text>Four.</Text></Sentence></Sentences>`)
	missing := filepath.Join(dir, "missing.txt")
	var out bytes.Buffer
	w, _ := docio.NewWriter(&out, "jsonl")
	var reported []string
	sum, err := pipeline.Run(context.Background(), pipeline.Config{
		Source: &pipeline.Files{Inputs: []string{a, missing, "-", x}, Stdin: strings.NewReader("Five.\n"), Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		Coder:  pipeline.Code(sentenceCoder{}, nil), Sink: pipeline.Writer(w),
		Report: func(r *pipeline.Record) { reported = append(reported, r.Origin+": "+r.Err.Error()) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Written != 4 || sum.Events != 5 || sum.Skipped != 1 || sum.FailedInputs != 1 || strings.Count(out.String(), "\n") != 5 {
		t.Errorf("summary %+v, output:\n%s", sum, out.String())
	}
	if len(reported) != 2 || !strings.HasPrefix(reported[0], a+":2: malformed JSON") || !strings.Contains(reported[1], "missing.txt: open") {
		t.Errorf("reported %q", reported)
	}
	var order []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		order = append(order, line[strings.Index(line, `"doc_id":"`)+10:][:2])
	}
	if strings.Join(order, " ") != "a1 a1 a3 st x1" {
		t.Errorf("events in order %v", order)
	}
}

// TestCoderPanic: a coder panicking on one document skips that document
// with a Permanent error, and the run goes on.
func TestCoderPanic(t *testing.T) {
	coder := pipeline.CoderFunc(func(_ context.Context, rec *pipeline.Record) error {
		if rec.Doc.ID == "b" {
			var m map[string]int
			m["boom"]++ // a nil map write: a real runtime panic
		}
		return nil
	})
	var acks []error
	var mu sync.Mutex
	var recs []*pipeline.Record
	for _, id := range []string{"a", "b", "c"} {
		recs = append(recs, &pipeline.Record{Origin: id, Doc: &egret.Document{ID: id, Text: "x"}, Ack: func(err error) {
			mu.Lock()
			acks = append(acks, err)
			mu.Unlock()
		}})
	}
	sum, err := pipeline.Run(context.Background(), pipeline.Config{Source: pipeline.Records(recs...), Coder: coder, Sink: &pipeline.Capture{}, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Written != 2 || sum.Skipped != 1 {
		t.Errorf("summary %+v, want 2 written 1 skipped", sum)
	}
	var pe *pipeline.PanicError
	if !errors.As(recs[1].Err, &pe) || !pipeline.Permanent(recs[1].Err) || !strings.Contains(recs[1].Err.Error(), "nil map") {
		t.Errorf("record b: %v, want a permanent PanicError", recs[1].Err)
	}
	if len(acks) != 3 || acks[0] != nil || acks[1] == nil || acks[2] != nil {
		t.Errorf("acks %v", acks)
	}
}
