package pipeline

import (
	"context"
	"errors"
	"io"
	"sync"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
)

// The sink stage. Reads: batches of Records in source order, the good
// ones with their Events. Writes: the records' documents and events to
// the sink (stdout, a store, a capture); then each record is settled in
// order — committed, or skipped with the sink's reason — reported and
// acknowledged.

// Sink commits coded records.
type Sink interface {
	// Write commits recs (good records, in source order) before it
	// returns. An *egret.BatchError names the records it refused (Index
	// into recs), the others are committed; any other error means none
	// was, and stops the run unless Config.Resilient.
	Write(ctx context.Context, recs []*Record) error
}

// SinkFunc adapts a function to Sink.
type SinkFunc func(ctx context.Context, recs []*Record) error

// Write calls f.
func (f SinkFunc) Write(ctx context.Context, recs []*Record) error { return f(ctx, recs) }

// sink is the sink stage's loop, on the calling goroutine: it writes each
// batch's good records, then settles the batch's records in order. It
// returns the sink's error that stopped the run, if one did.
func (r *run) sink(batches <-chan []*Record) error {
	var failed error
	for batch := range batches {
		if failed != nil {
			for _, rec := range batch {
				r.drop(rec, failed)
			}
			continue
		}
		refused, err := r.write(batch)
		if err != nil {
			if r.ctx.Err() == nil && !r.cfg.Resilient {
				failed = err
				r.cancel(err)
			}
			for _, rec := range batch {
				r.drop(rec, err)
			}
			continue
		}
		g := 0
		for _, rec := range batch {
			if rec.Err != nil {
				r.finish(rec, rec.Err, !r.stopping(rec.Err))
				continue
			}
			if err := refused[g]; err != nil {
				rec.Err = err
				r.finish(rec, err, !r.cfg.Atomic)
				if r.cfg.Atomic && r.refusedErr == nil {
					r.refusedErr = err // an Atomic run fails with it
				}
			} else {
				r.c.committed(rec)
				r.finish(rec, nil, false)
			}
			g++
		}
	}
	return failed
}

// write writes a batch's good records. It returns the errors of those
// the sink refused, by their index among the good ones (all of them when
// a Resilient run's write failed), or the error that lost the batch.
func (r *run) write(batch []*Record) (map[int]error, error) {
	var good []*Record
	for _, rec := range batch {
		if rec.Err == nil {
			good = append(good, rec)
		}
	}
	if len(good) == 0 {
		return nil, nil
	}
	err := r.cfg.Sink.Write(r.ctx, good)
	var be *egret.BatchError
	refused := map[int]error{}
	switch {
	case err == nil:
	case errors.As(err, &be):
		for _, s := range be.Skipped {
			if s.Index >= 0 && s.Index < len(good) {
				refused[s.Index] = s.Err
			}
		}
	case r.ctx.Err() != nil:
		return nil, context.Cause(r.ctx) // stopping anyway: the write failed for that
	case r.cfg.Resilient:
		// The records are reported and acknowledged with the failure;
		// their source tries them again.
		for i := range good {
			refused[i] = err
		}
	default:
		return nil, err
	}
	return refused, nil
}

// Writer is a Sink writing the events of each record to w (JSON Lines
// or TSV, docio.NewWriter), flushed at the end of every batch.
func Writer(w docio.Writer) Sink {
	return SinkFunc(func(_ context.Context, recs []*Record) error {
		for _, rec := range recs {
			for i := range rec.Events {
				if err := w.Write(&rec.Events[i]); err != nil {
					return err
				}
			}
		}
		return w.Flush()
	})
}

// ExplainWriter is a Sink writing each record's Explanation to w.
func ExplainWriter(w io.Writer) Sink {
	return SinkFunc(func(_ context.Context, recs []*Record) error {
		for _, rec := range recs {
			if _, err := io.WriteString(w, rec.Explanation); err != nil {
				return err
			}
		}
		return nil
	})
}

// Store is a Sink storing each batch with one PutDocuments: one
// transaction, where a document stored again replaces its events.
func Store(st egret.Store) Sink {
	return SinkFunc(func(ctx context.Context, recs []*Record) error {
		docs := make([]egret.CodedDocument, len(recs))
		for i, rec := range recs {
			docs[i] = egret.CodedDocument{Document: *rec.Doc, Events: rec.Events, Revision: rec.Revision}
		}
		return st.PutDocuments(ctx, docs)
	})
}

// Capture is a Sink keeping what it is given, in order: the coding
// preview of the HTTP API, and tests.
type Capture struct {
	mu   sync.Mutex
	docs []egret.CodedDocument
}

// Write keeps copies of the records' documents and events.
func (c *Capture) Write(_ context.Context, recs []*Record) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, rec := range recs {
		c.docs = append(c.docs, egret.CodedDocument{Document: *rec.Doc, Events: rec.Events})
	}
	return nil
}

// Documents returns what was captured so far.
func (c *Capture) Documents() []egret.CodedDocument {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]egret.CodedDocument(nil), c.docs...)
}
