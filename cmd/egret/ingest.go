package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nats"
	"github.com/egret-events/egret/pipeline"
)

type ingestFlags struct {
	engineFlags
	inputFlags
	queueFlags
	db      string
	batch   int
	workers int
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
skipped.

With --nats the documents are queued on NATS JetStream instead, for
egret worker processes to code and store: each is published once its
record is checked, under a message id (its content hash) that makes a
second publish of the same document within ten minutes a no-op. While
the queue is full, ingest waits.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return m.runIngest(cmd.Context(), f, args)
		},
	}
	f.engineFlags.register(cmd)
	f.queueFlags.register(cmd, "queue the documents on this NATS server instead of coding them here")
	fl := cmd.Flags()
	fl.StringVar(&f.db, "db", "egret.db", "SQLite file or postgres:// DSN")
	fl.StringVar(&f.formatIn, "format-in", "", "input format: txt, jsonl or xml (default: by file extension)")
	fl.StringVar(&f.date, "date", "", "document date for inputs without one, YYYY-MM-DD (default: today, UTC)")
	fl.IntVar(&f.batch, "batch", 500, "documents per store transaction")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "documents coded in parallel")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress or summary on stderr")
	return cmd
}

func (m *Main) runIngest(ctx context.Context, f ingestFlags, names []string) error {
	if f.batch < 1 {
		return egret.Errorf(egret.EINVALID, "--batch %d: want at least 1", f.batch)
	}
	src, err := m.inputs(f.inputFlags, names)
	if err != nil {
		return err
	}
	if f.nats != "" {
		return m.runPublish(ctx, f, src, len(names))
	}
	eng, st, err := m.engineStore(ctx, f.engineFlags, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	// Batches go to the store in input order, so a document id repeated
	// in the input ends with its last version; the store skips records
	// it cannot keep (reported) and stores the rest, and any other
	// failure stops the run.
	sum, err := pipeline.Run(ctx, pipeline.Config{Source: src, Coder: pipeline.Code(eng, nil), Sink: pipeline.Store(st),
		Workers: f.workers, Batch: f.batch, Report: m.reportSkipped})
	if err != nil {
		if stopping(ctx, err) {
			return err
		}
		return fmt.Errorf("storing documents (%d stored before the error): %w", sum.Written, err)
	}
	if !f.quiet {
		fmt.Fprintf(m.Stderr, "stored %d documents, %d events, skipped %d, time %s, %.0f documents/s\n",
			sum.Written, sum.Events, sum.Skipped, sum.Elapsed.Round(time.Millisecond), float64(sum.Written)/sum.Elapsed.Seconds())
	}
	return outcome(sum, len(names), "stored")
}

// runPublish is `ingest --nats`: the inputs through the pipeline into the
// queue, checked but not coded.
func (m *Main) runPublish(ctx context.Context, f ingestFlags, src pipeline.Source, inputs int) error {
	conn, err := m.connect(ctx, f.queueFlags, "egret ingest", nats.Config{}, false)
	if err != nil {
		return err
	}
	defer conn.Close()
	pub := conn.Publisher()
	sum, err := pipeline.Run(ctx, pipeline.Config{Source: src, Coder: pipeline.Check, Sink: pub, Workers: 1, Batch: f.batch, Report: m.reportSkipped})
	if err != nil {
		if stopping(ctx, err) {
			return err
		}
		return fmt.Errorf("queuing documents (%d queued before the error): %w", sum.Written, err)
	}
	if !f.quiet {
		fmt.Fprintf(m.Stderr, "queued %d documents (%d new, %d queued already), skipped %d, time %s, %.0f documents/s\n",
			sum.Written, pub.Published.Load(), pub.Duplicates.Load(), sum.Skipped, sum.Elapsed.Round(time.Millisecond), float64(sum.Written)/sum.Elapsed.Seconds())
	}
	return outcome(sum, inputs, "queued")
}
