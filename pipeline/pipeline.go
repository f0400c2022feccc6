// Package pipeline is egret's one ordered path from documents to stored or written events — source → code → sink on a bounded worker pool — run by every entry point: code, ingest, explain, the HTTP server, watch and queue workers.
package pipeline

// The stages, one a file, and the state each reads and writes:
//
//	source.go  Source: reads its input; writes new Records (Origin, Doc,
//	           or Err for a record it could not read; Flush, Ack).
//	code.go    Coder: reads Record.Doc; writes Events, Sentences,
//	           Explanation, or Err. Runs on Config.Workers goroutines.
//	order.go   the order stage: reads coded Records as they finish;
//	           puts them back in source order and cuts batches.
//	sink.go    Sink: reads a batch of good Records; commits them
//	           (stdout, a store, a capture) and names those it refused.
//
// Run (this file) wires them, reports skipped records in order, calls
// each record's Ack once the sink has committed it (or it was skipped),
// and sums the run up.

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/egret-events/egret"
)

// Record is one document on its way through the pipeline. The source
// makes it, the code stage adds the events, the sink commits it.
type Record struct {
	// Seq is the record's place in the run, from 0; Run sets it.
	Seq int
	// Origin names the record in messages: "stories.jsonl:12", "line 3",
	// a feed item's URL, a queue message's subject and sequence.
	Origin string
	// Doc is the document; nil when the source could not read the
	// record (Err says why).
	Doc *egret.Document

	// Events, Sentences (sentences read) and Explanation are the code
	// stage's output.
	Events      []egret.Event
	Sentences   int
	Explanation string

	// Err is why the record is skipped: set by the source (a bad or
	// unreadable record), the code stage or the sink (a record it
	// refused). A skipped record is reported and never written.
	Err error

	// Revision orders the record's document against other versions
	// written by concurrent writers (egret.CodedDocument.Revision): a
	// queue source sets the time the queue stored the message.
	Revision int64

	// Flush asks for the record to be committed at once, with the batch
	// before it, instead of waiting for a full batch: its source waits
	// for it (a watcher's sink, the last message of a queue fetch).
	Flush bool
	// Ack, when set, is called once when the run is through with the
	// record: with nil after the sink committed it, else with why it was
	// not (a bad record, a coding failure, a refusal, a failed write, the
	// run stopping). A queue source acknowledges its message on nil, and
	// on an error terminates it when Permanent(err), or asks for it again.
	Ack func(err error)
}

// Permanent reports whether a record's error would recur if the record
// were tried again (bad input, a coder or store refusing it), as opposed
// to a failure of the moment (a store unreachable, the run stopping).
func Permanent(err error) bool {
	if err == nil {
		return false
	}
	var ie *InputError
	var pe *PanicError
	if errors.As(err, &ie) || errors.As(err, &pe) {
		return true
	}
	switch egret.ErrorCode(err) {
	case egret.EINVALID, egret.ETOOLARGE:
		return true
	}
	return false
}

// Config is one run's stages and limits; zero fields take the defaults
// in brackets.
type Config struct {
	Source Source // required
	Coder  Coder  // required
	Sink   Sink   // required

	Workers int // records coded at once [GOMAXPROCS]
	Batch   int // records per Sink.Write [100]

	// Atomic makes the run all or nothing: every record is written in
	// one Sink.Write at the end, and only when none was skipped; the
	// first skipped record (in order) ends the run with its error, as
	// does a record the sink refuses (what else the sink committed then
	// is the sink's to say). For an HTTP request, stored whole or not at
	// all.
	Atomic bool
	// Resilient keeps the run going when the sink fails: the batch's
	// records are acknowledged with the error (their source tries them
	// again: a watcher next round, a queue by redelivery) and the next
	// batch is written. Otherwise a sink failure stops the run.
	Resilient bool

	// Report is called, in source order, for every skipped record
	// (rec.Err says why) but those skipped because the run stopped.
	Report func(rec *Record)
	// Counter, when set, receives the run's totals as they happen, so a
	// long run (a watcher) can be watched; Run makes one otherwise.
	Counter *Counter
}

// Summary is what a run did.
type Summary struct {
	Records        int64 // records the source gave
	Coded          int64 // records coded
	Written        int64 // records the sink committed
	Events         int64 // events of the committed records
	Sentences      int64 // sentences of the committed records
	CodedSentences int64 // of those, sentences with at least one event
	Skipped        int64 // records skipped: bad, failed to code or refused
	FailedInputs   int64 // inputs that could not be read at all (InputError records, not in Skipped)
	Elapsed        time.Duration
}

// Counter holds a run's totals as they grow; it is safe for concurrent use.
type Counter struct {
	records, coded, written, events, sentences, codedSentences, skipped, failedInputs atomic.Int64
	start                                                                             atomic.Int64
}

// Summary returns the totals so far.
func (c *Counter) Summary() Summary {
	s := Summary{Records: c.records.Load(), Coded: c.coded.Load(), Written: c.written.Load(), Events: c.events.Load(),
		Sentences: c.sentences.Load(), CodedSentences: c.codedSentences.Load(), Skipped: c.skipped.Load(), FailedInputs: c.failedInputs.Load()}
	if st := c.start.Load(); st != 0 {
		s.Elapsed = time.Since(time.Unix(0, st))
	}
	return s
}

// committed counts a record the sink committed.
func (c *Counter) committed(rec *Record) {
	c.written.Add(1)
	c.events.Add(int64(len(rec.Events)))
	c.sentences.Add(int64(rec.Sentences))
	c.codedSentences.Add(int64(codedSentences(rec.Events)))
}

// codedSentences counts the distinct sentences events come from.
func codedSentences(evs []egret.Event) int {
	seen := map[int]bool{}
	for i := range evs {
		seen[evs[i].Sentence] = true
		for _, s := range evs[i].Sentences {
			seen[s] = true
		}
	}
	return len(seen)
}

// Run runs the pipeline until the source is through, and returns the
// summary. Skipped records never stop it (they are reported); it stops
// early, with an error, when ctx ends, the source fails, the sink fails
// (unless Resilient), or, when Atomic, a record is skipped. Whatever was
// coded before the stop is written first.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	switch {
	case cfg.Source == nil:
		return Summary{}, errors.New("pipeline: no source")
	case cfg.Coder == nil:
		return Summary{}, errors.New("pipeline: no coder")
	case cfg.Sink == nil:
		return Summary{}, errors.New("pipeline: no sink")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 100
	}
	if cfg.Counter == nil {
		cfg.Counter = &Counter{}
	}
	cfg.Counter.start.CompareAndSwap(0, time.Now().UnixNano())
	r := &run{cfg: cfg, c: cfg.Counter}
	r.ctx, r.cancel = context.WithCancelCause(ctx)
	defer r.cancel(nil)

	// Records between emit and the order stage's output are bounded, so
	// one slow record cannot make the order stage hold an unbounded
	// backlog behind it; an Atomic run holds all its records by design.
	if !cfg.Atomic {
		r.tokens = make(chan struct{}, cfg.Workers*8)
	}
	in := make(chan *Record, cfg.Workers*2)
	coded := make(chan *Record, cfg.Workers*2)
	batches := make(chan []*Record, 1)

	var readErr error
	go func() {
		defer close(in)
		readErr = cfg.Source.Read(r.ctx, func(rec *Record) error { return r.emit(rec, in) })
	}()
	var workers sync.WaitGroup
	for range cfg.Workers {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for rec := range in {
				r.code(rec)
				coded <- rec
			}
		}()
	}
	go func() { workers.Wait(); close(coded) }()
	go r.order(coded, batches)
	sinkErr := r.sink(batches) // returns when the order stage is through

	sum := r.c.Summary()
	switch {
	case sinkErr != nil:
		return sum, sinkErr
	case r.atomicErr != nil:
		return sum, r.atomicErr
	case r.refusedErr != nil:
		return sum, r.refusedErr
	case ctx.Err() != nil:
		return sum, ctx.Err()
	case readErr != nil:
		return sum, readErr
	}
	return sum, nil
}

// run is one Run's shared state.
type run struct {
	cfg    Config
	c      *Counter
	ctx    context.Context
	cancel context.CancelCauseFunc
	tokens chan struct{}
	mu     sync.Mutex // emit: one record numbered and sent at a time
	seq    int
	// atomicErr is the skipped record's error that ended an Atomic run;
	// refusedErr, that of the first record the sink refused in one.
	atomicErr, refusedErr error
}

// emit numbers a record from the source and passes it to the coders. A
// number is used only once the record is on its way, so the order stage
// never waits for a record that was not sent.
func (r *run) emit(rec *Record, in chan<- *Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ctx.Err() != nil {
		return context.Cause(r.ctx)
	}
	if r.tokens != nil {
		select {
		case r.tokens <- struct{}{}:
		case <-r.ctx.Done():
			return context.Cause(r.ctx)
		}
	}
	rec.Seq = r.seq
	select {
	case in <- rec:
		r.seq++
		r.c.records.Add(1)
		return nil
	case <-r.ctx.Done():
		r.release()
		return context.Cause(r.ctx)
	}
}

// release gives back a record's place between emit and the order
// stage's output.
func (r *run) release() {
	if r.tokens != nil {
		<-r.tokens
	}
}

// stopping reports whether err only says the run is stopping.
func (r *run) stopping(err error) bool {
	return r.ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Cause(r.ctx)))
}

// finish is the end of a record's way: counted, reported if skipped,
// and acknowledged.
func (r *run) finish(rec *Record, err error, report bool) {
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			r.c.failedInputs.Add(1)
		} else {
			r.c.skipped.Add(1)
		}
		if report && r.cfg.Report != nil {
			r.cfg.Report(rec)
		}
	}
	if rec.Ack != nil {
		rec.Ack(err)
	}
}

// drop ends a record the run will not write because it is stopping
// (cause says why), unreported: the stop is the run's error.
func (r *run) drop(rec *Record, cause error) {
	if rec.Err == nil {
		rec.Err = cause
	}
	if rec.Ack != nil {
		rec.Ack(rec.Err)
	}
}
