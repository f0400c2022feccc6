package pipeline

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/egret-events/egret"
)

// The code stage, on Config.Workers goroutines. Reads: Record.Doc.
// Writes: Record.Events and Sentences (or Explanation), or Record.Err
// when the document cannot be coded; records the source already failed
// pass through untouched.

// Coder is the code stage's work on one record.
type Coder interface {
	Code(ctx context.Context, rec *Record) error
}

// CoderFunc adapts a function to Coder.
type CoderFunc func(ctx context.Context, rec *Record) error

// Code calls f.
func (f CoderFunc) Code(ctx context.Context, rec *Record) error { return f(ctx, rec) }

// SentenceCoder is an egret.Coder that also tells how many sentences it
// read, for the run's summary.
type SentenceCoder interface {
	CodeCount(ctx context.Context, doc *egret.Document) ([]egret.Event, int, error)
}

// Code is the code stage of every entry point: c codes the document (and
// counts its sentences when it is a SentenceCoder), g, when not nil,
// locates the events, and the result must pass CodedDocument.Validate,
// so whatever the coder makes can be stored.
func Code(c egret.Coder, g egret.Geocoder) Coder {
	sc, counts := c.(SentenceCoder)
	return CoderFunc(func(ctx context.Context, rec *Record) error {
		var evs []egret.Event
		var err error
		if counts {
			evs, rec.Sentences, err = sc.CodeCount(ctx, rec.Doc)
		} else {
			evs, err = c.Code(ctx, rec.Doc)
		}
		if err != nil {
			return err
		}
		if g != nil && len(evs) > 0 {
			g.Locate(rec.Doc, evs)
		}
		cd := egret.CodedDocument{Document: *rec.Doc, Events: evs}
		if err := cd.Validate(); err != nil {
			return err
		}
		rec.Events = evs
		return nil
	})
}

// Check is the code stage of publishers (ingest, watch and serve with a
// queue): documents are coded by the workers, but one the store would
// refuse is reported here, with its file and line, and never queued.
var Check Coder = CoderFunc(func(_ context.Context, rec *Record) error {
	return (&egret.CodedDocument{Document: *rec.Doc}).Validate()
})

// Explainer describes how a text is coded, up to the events the code
// stage would give (egret's engine: the coder, then geolocation).
type Explainer interface {
	ExplainDocument(doc *egret.Document) (string, error)
}

// Explain is the code stage of `egret explain`: the record's Explanation
// is what e says of its text.
func Explain(e Explainer) Coder {
	return CoderFunc(func(_ context.Context, rec *Record) error {
		var err error
		rec.Explanation, err = e.ExplainDocument(rec.Doc)
		return err
	})
}

// code runs the code stage on one record.
func (r *run) code(rec *Record) {
	if rec.Err != nil {
		return
	}
	if rec.Doc == nil {
		rec.Err = egret.Errorf(egret.EINVALID, "%s: no document", rec.Origin)
		return
	}
	if r.ctx.Err() != nil {
		rec.Err = context.Cause(r.ctx)
		return
	}
	if err := r.safeCode(rec); err != nil {
		rec.Err = documentError(rec.Doc.ID, err)
		if r.stopping(err) {
			rec.Err = err
		}
		return
	}
	r.c.coded.Add(1)
}

// PanicError is a coder's panic on one document, caught so the document
// is skipped and the run goes on (a queue worker would otherwise die on
// every delivery of it). It is Permanent: the same document panics again.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("coder panicked: %v", e.Value) }

// safeCode runs the coder on rec, turning a panic into a PanicError.
func (r *run) safeCode(rec *Record) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	return r.cfg.Coder.Code(r.ctx, rec)
}

// documentError names the document in a coding error, keeping its code:
// the coder's refusals are the user's to fix (EINVALID), anything else
// is a fault.
func documentError(id string, err error) error {
	if egret.ErrorCode(err) == egret.EINTERNAL {
		return fmt.Errorf("coding document %q: %w", id, err)
	}
	msg := egret.ErrorMessage(err)
	if strings.HasPrefix(msg, fmt.Sprintf("document %q", id)) {
		return err
	}
	return egret.Errorf(egret.ErrorCode(err), "document %q: %s", id, msg)
}
