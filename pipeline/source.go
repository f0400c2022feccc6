package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
)

// The source stage. Reads: its input (files and stdin through the one
// document decoder, docio; records made by an HTTP handler; documents
// handed over by a watcher; queue messages). Writes: Records, in order,
// to emit: a document with its Origin, or a record it could not read
// with Err set, which is reported in its place and never coded.

// Source gives the records of a run.
//
// A queue consumer (JetStream) is a Source: Read fetches a batch of
// messages, decodes each with docio (FormatJSON, RequireID: the decoder
// of files and HTTP) into a Record — or a Record with Err for one that
// does not decode — whose Ack acknowledges the message on nil,
// terminates it when Permanent(err), and asks for it again otherwise;
// the last message of a fetch sets Flush, so the batch is committed and
// acknowledged without waiting for a full one. Run it with Resilient, so
// a store failure redelivers instead of stopping the worker
// (TestQueueSourceAcks shows it).
type Source interface {
	// Read passes records to emit in order until the input is through
	// (return nil) or fails (return the error: the run ends with it,
	// after writing what was emitted). emit blocks while the pipeline is
	// full; once it returns an error the run is stopping and Read should
	// return; a record emit refused is not acknowledged, its source
	// still owns it. emit is safe for concurrent use; records are
	// numbered in the order emit is entered.
	Read(ctx context.Context, emit func(*Record) error) error
}

// SourceFunc adapts a function to Source.
type SourceFunc func(ctx context.Context, emit func(*Record) error) error

// Read calls f.
func (f SourceFunc) Read(ctx context.Context, emit func(*Record) error) error { return f(ctx, emit) }

// Records is a Source of records made beforehand (an HTTP request's
// documents, the sentence of `egret explain`); after the run they hold
// what the stages wrote.
func Records(recs ...*Record) Source {
	return SourceFunc(func(_ context.Context, emit func(*Record) error) error {
		for _, rec := range recs {
			if err := emit(rec); err != nil {
				return err
			}
		}
		return nil
	})
}

// InputError is a whole input that could not be read (a missing file, a
// read failure); the run goes on with the next.
type InputError struct {
	Name string
	Err  error
}

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Files is a Source reading named inputs in turn through docio: JSON
// Lines, plain text or PETRARCH XML, chosen by extension or Format; "-"
// is Stdin. A bad record becomes a skipped Record named file:line; an
// input that cannot be read, an InputError record; reading goes on.
type Files struct {
	Inputs []string
	Stdin  io.Reader
	Format string    // docio format for every input; "" chooses by extension
	Date   time.Time // date of documents that carry none
	// Wrap, when set, wraps each opened input (a progress bar); size is
	// -1 when unknown.
	Wrap func(r io.Reader, name string, size int64) io.Reader
}

// Read reads the inputs in order.
func (f *Files) Read(ctx context.Context, emit func(*Record) error) error {
	for _, name := range f.Inputs {
		err := f.readInput(name, emit)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			var stop stopError
			if errors.As(err, &stop) {
				return stop.err
			}
			display := name
			if name == "-" {
				display = "stdin"
			}
			if err := emit(&Record{Origin: display, Err: &InputError{Name: name, Err: egret.Errorf(egret.EINVALID, "%v", err)}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// stopError carries emit's error out of a decoder, telling it from the
// input's own failure.
type stopError struct{ err error }

func (e stopError) Error() string { return e.err.Error() }

func (f *Files) readInput(name string, emit func(*Record) error) error {
	format := f.Format
	if format == "" {
		format = docio.DetectFormat(name)
	}
	var r io.Reader = f.Stdin
	var size int64 = -1
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return err
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil {
			size = fi.Size()
		}
		r = fh
	} else if r == nil {
		r = eofReader{}
	}
	if f.Wrap != nil {
		r = f.Wrap(r, name, size)
	}
	var stopped error
	rd := &docio.Reader{Name: name, Format: format, Date: f.Date, Bad: func(b docio.BadRecord) {
		if stopped == nil {
			stopped = emit(&Record{Origin: fmt.Sprintf("%s:%d", b.File, b.Line), Err: &egret.Error{Code: b.Code, Message: b.Err}})
		}
	}}
	display := name
	if name == "-" {
		display = "stdin"
	}
	err := rd.Decode(r, func(line int, doc *egret.Document) error {
		if stopped != nil {
			return stopError{stopped}
		}
		if err := emit(&Record{Origin: fmt.Sprintf("%s:%d", display, line), Doc: doc}); err != nil {
			return stopError{err}
		}
		return nil
	})
	if err == nil && stopped != nil {
		return stopError{stopped}
	}
	return err
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// Push is a Source for a producer that hands documents over one call at a
// time and needs each committed before it goes on — a watcher, whose
// sink Put is. Read runs Producer; while it runs, Put passes a document
// into the pipeline and returns once the sink committed it, or with why
// it did not.
type Push struct {
	// Producer runs until it is through (a poll round) or ctx ends (a
	// watcher's Run), calling Put.
	Producer func(ctx context.Context) error

	mu   sync.Mutex
	emit func(*Record) error
}

// Read runs the producer with Put wired to emit.
func (p *Push) Read(ctx context.Context, emit func(*Record) error) error {
	p.mu.Lock()
	p.emit = emit
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.emit = nil
		p.mu.Unlock()
	}()
	return p.Producer(ctx)
}

// Put codes and commits doc and returns the record's error: nil once the
// sink committed it. Its origin in messages is the document's URL (its
// ID when it has none).
func (p *Push) Put(ctx context.Context, doc *egret.Document) error {
	p.mu.Lock()
	emit := p.emit
	p.mu.Unlock()
	if emit == nil {
		return errors.New("pipeline: Push.Put called while no run reads it")
	}
	origin := doc.URL
	if origin == "" {
		origin = doc.ID
	}
	done := make(chan error, 1)
	rec := &Record{Origin: origin, Doc: doc, Flush: true, Ack: func(err error) { done <- err }}
	if err := emit(rec); err != nil {
		return err
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
