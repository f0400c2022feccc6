package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
)

type ingestFlags struct {
	engineFlags
	db       string
	formatIn string
	date     string
	batch    int
	workers  int
	quiet    bool
}

// newIngestCmd is `egret ingest`: code documents and store them.
func newIngestCmd(m *Main) *cobra.Command {
	var f ingestFlags
	cmd := &cobra.Command{
		Use:   "ingest FILE...",
		Short: "Code documents and store them with their events (idempotent)",
		Long: `Code documents (JSON Lines, plain text or PETRARCH XML; - for stdin) and store
them with their events in --db, a SQLite file or a postgres:// DSN.

Documents are stored in batches, each in one transaction. Ingesting a
document id again replaces its text and events, so re-running an ingest
never duplicates events. Bad records are reported with file and line and
skipped.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return m.runIngest(cmd.Context(), f, args)
		},
	}
	f.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.db, "db", "egret.db", "SQLite file or postgres:// DSN")
	fl.StringVar(&f.formatIn, "format-in", "", "input format: txt, jsonl or xml (default: by file extension)")
	fl.StringVar(&f.date, "date", "", "document date for inputs without one, YYYY-MM-DD (default: today, UTC)")
	fl.IntVar(&f.batch, "batch", 500, "documents per store transaction")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "documents coded in parallel")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress or summary on stderr")
	return cmd
}

func (m *Main) runIngest(ctx context.Context, f ingestFlags, inputs []string) error {
	if f.batch < 1 {
		return egret.Errorf(egret.EINVALID, "--batch %d: want at least 1", f.batch)
	}
	if f.formatIn != "" && f.formatIn != docio.FormatText && f.formatIn != docio.FormatJSONL && f.formatIn != docio.FormatXML {
		return egret.Errorf(egret.EINVALID, "--format-in %q: want txt, jsonl or xml", f.formatIn)
	}
	date := m.Now().UTC().Truncate(24 * time.Hour)
	if f.date != "" {
		d, err := docio.ParseDate(f.date)
		if err != nil {
			return egret.Errorf(egret.EINVALID, "--date: %v", err)
		}
		date = d
	}
	coder, err := m.storeCoder(f.engineFlags)
	if err != nil {
		return err
	}
	st, err := m.openStore(ctx, f.db)
	if err != nil {
		return err
	}
	defer st.Close()

	start := time.Now()
	var stats codeStats
	var stored, events atomic.Int64
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(f.workers, 1)
	jobs := make(chan *job, workers*4)
	done := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.events, j.err = coder.Code(ctx, j.doc)
				done <- j
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- m.readInputs(ctx, inputs, codeFlags{formatIn: f.formatIn, quiet: f.quiet}, date, &stats, jobs)
	}()
	go func() { wg.Wait(); close(done) }()

	// Store in input order, so a document id repeated in the input ends
	// with its last version. Batches go to a storing goroutine, so coding
	// goes on while a batch is written.
	batches := make(chan []egret.CodedDocument, 1)
	storeDone := make(chan error, 1)
	go func() {
		var err error
		for b := range batches {
			if err != nil {
				continue // drain after a failure
			}
			// The store skips records it cannot keep and stores the rest;
			// anything else stops the run.
			skipped := map[int]bool{}
			var be *egret.BatchError
			if err = st.PutDocuments(ctx, b); errors.As(err, &be) {
				for _, r := range be.Skipped {
					skipped[r.Index] = true
					stats.skipped.Add(1)
					fmt.Fprintf(m.Stderr, "egret: skipped %v\n", r.Err)
				}
				err = nil
			}
			if err != nil {
				cancel()
				continue
			}
			for i, c := range b {
				if !skipped[i] {
					stored.Add(1)
					events.Add(int64(len(c.Events)))
				}
			}
		}
		storeDone <- err
	}()
	var batch []egret.CodedDocument
	pending := map[int]*job{}
	next := 0
	for j := range done {
		pending[j.seq] = j
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if r.err != nil {
				if !stopping(ctx, r.err) {
					stats.skipped.Add(1)
					fmt.Fprintf(m.Stderr, "egret: document %q: %v\n", r.doc.ID, r.err)
				}
				continue
			}
			batch = append(batch, egret.CodedDocument{Document: *r.doc, Events: r.events})
			if len(batch) >= f.batch {
				batches <- batch
				batch = nil
			}
		}
	}
	if len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	storeErr := <-storeDone
	if storeErr != nil {
		return fmt.Errorf("storing documents (%d stored before the error): %w", stored.Load(), storeErr)
	}
	if err := <-readErr; err != nil {
		return err
	}
	if !f.quiet {
		el := time.Since(start)
		fmt.Fprintf(m.Stderr, "stored %d documents, %d events, skipped %d, time %s, %.0f documents/s\n",
			stored.Load(), events.Load(), stats.skipped.Load(), el.Round(time.Millisecond), float64(stored.Load())/el.Seconds())
	}
	return stats.outcome(len(inputs), stored.Load(), "stored")
}
