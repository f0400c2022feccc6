package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
)

type codeFlags struct {
	engineFlags
	format   string
	formatIn string
	date     string
	workers  int
	quiet    bool
}

func (m *Main) codeCmd() *cobra.Command {
	var f codeFlags
	cmd := &cobra.Command{
		Use:   "code [FILE ...]",
		Short: "Code documents into events (txt, jsonl, PETRARCH xml; - for stdin)",
		Long: `Code documents into CAMEO/PLOVER events, one event per line on stdout.

Inputs are plain text (one document; a first line followed by a blank line is
the title), JSON Lines (id, text, optional title, date, source, url, author)
or PETRARCH XML <Sentence> records, chosen by file extension or --format-in.
Bad records are reported on stderr with file and line and skipped.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			return m.runCode(cmd.Context(), f, args)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&f.format, "format", "jsonl", "output format: jsonl or tsv")
	cmd.Flags().StringVar(&f.formatIn, "format-in", "", "input format: txt, jsonl or xml (default: by file extension)")
	cmd.Flags().StringVar(&f.date, "date", "", "document date for inputs without one, YYYY-MM-DD (default: today, UTC)")
	cmd.Flags().IntVar(&f.workers, "workers", runtime.NumCPU(), "documents coded in parallel")
	cmd.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "no summary or progress on stderr")
	return cmd
}

// codeStats is the run summary printed on stderr.
type codeStats struct {
	docs, sentences, events, skipped atomic.Int64
	coded                            atomic.Int64 // sentences with at least one event
	failedInputs                     atomic.Int64 // inputs that could not be read
}

// outcome is a run's verdict once its summary is out: a failure when an
// input could not be read or when records were read but none made it
// (good counts those that did), so scripts see that nothing was done.
func (st *codeStats) outcome(inputs int, good int64, done string) error {
	if n := st.failedInputs.Load(); n > 0 {
		return egret.Errorf(egret.EINVALID, "%d of %d inputs could not be read", n, inputs)
	}
	if good == 0 && st.skipped.Load() > 0 {
		return egret.Errorf(egret.EINVALID, "no document %s: all %d records were bad", done, st.skipped.Load())
	}
	return nil
}

// stopping reports whether err only says the run was cancelled, which
// the error that cancelled it says better.
func stopping(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded))
}

// countCoded counts the distinct sentences a document's events come from.
func countCoded(evs []egret.Event) int {
	seen := map[int]bool{}
	for i := range evs {
		seen[evs[i].Sentence] = true
		for _, s := range evs[i].Sentences {
			seen[s] = true
		}
	}
	return len(seen)
}

type job struct {
	seq    int
	doc    *egret.Document
	events []egret.Event
	err    error
}

func (m *Main) runCode(ctx context.Context, f codeFlags, inputs []string) error {
	date := m.Now().UTC().Truncate(24 * time.Hour)
	if f.date != "" {
		d, err := docio.ParseDate(f.date)
		if err != nil {
			return egret.Errorf(egret.EINVALID, "--date: %v", err)
		}
		date = d
	}
	out, err := docio.NewWriter(m.Stdout, f.format)
	if err != nil {
		return err
	}
	if f.formatIn != "" && f.formatIn != docio.FormatText && f.formatIn != docio.FormatJSONL && f.formatIn != docio.FormatXML {
		return egret.Errorf(egret.EINVALID, "--format-in %q: want txt, jsonl or xml", f.formatIn)
	}
	loadStart := time.Now()
	eng, err := m.loadEngine(f.engineFlags)
	if err != nil {
		return err
	}
	workers := max(f.workers, 1)
	start := time.Now()
	load := start.Sub(loadStart)
	var st codeStats

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *job, workers*4)
	done := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.events, j.err = eng.code(ctx, j.doc, &st)
				done <- j
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- m.readInputs(ctx, inputs, f, date, &st, jobs)
	}()
	go func() { wg.Wait(); close(done) }()

	// Write in input order: results are held until their turn comes.
	pending := map[int]*job{}
	next := 0
	var writeErr error
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
					st.skipped.Add(1)
					fmt.Fprintf(m.Stderr, "egret: document %q: %v\n", r.doc.ID, r.err)
				}
				continue
			}
			st.docs.Add(1)
			for i := range r.events {
				if writeErr == nil {
					writeErr = out.Write(&r.events[i])
				}
			}
			st.events.Add(int64(len(r.events)))
			st.coded.Add(int64(countCoded(r.events)))
			if writeErr != nil {
				cancel()
			}
		}
	}
	// What was coded is written out whatever failed after it.
	readFailed := <-readErr
	if err := out.Flush(); writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return fmt.Errorf("writing output: %w", writeErr)
	}
	if readFailed != nil {
		return readFailed
	}
	if !f.quiet {
		el := time.Since(start)
		// sentences/s counts coding from raw text to written events; the
		// one-off dictionary and gazetteer load is shown apart.
		n := max(float64(st.sentences.Load()), 1)
		fmt.Fprintf(m.Stderr, "documents %d, sentences %d, events %d (%.1f per 100 sentences, %.1f%% of sentences coded), skipped %d, time %s, %.0f sentences/s, load %s, peak memory %.0f MB\n",
			st.docs.Load(), st.sentences.Load(), st.events.Load(), 100*float64(st.events.Load())/n, 100*float64(st.coded.Load())/n,
			st.skipped.Load(), el.Round(time.Millisecond), float64(st.sentences.Load())/el.Seconds(), load.Round(time.Millisecond), peakRSSMB())
	}
	return st.outcome(len(inputs), st.docs.Load(), "coded")
}

// readInputs reads the inputs in turn into jobs, numbered in input order.
// An input that cannot be read is reported and counted, and reading goes
// on with the next; it stops only when ctx ends.
func (m *Main) readInputs(ctx context.Context, inputs []string, f codeFlags, date time.Time, st *codeStats, jobs chan<- *job) error {
	seq := 0
	for _, name := range inputs {
		err := m.readInput(ctx, name, f, date, st, func(d *egret.Document) error {
			select {
			case jobs <- &job{seq: seq, doc: d}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			st.failedInputs.Add(1)
			fmt.Fprintf(m.Stderr, "egret: %v\n", err)
		}
	}
	return nil
}

// readInput streams one named input ("-" is stdin) into emit, reporting bad
// records on stderr.
func (m *Main) readInput(ctx context.Context, name string, f codeFlags, date time.Time, st *codeStats, emit func(*egret.Document) error) error {
	format := f.formatIn
	if format == "" {
		format = docio.DetectFormat(name)
	}
	var r io.Reader = m.Stdin
	var size int64 = -1
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return egret.Errorf(egret.EINVALID, "%v", err)
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil {
			size = fi.Size()
		}
		r = fh
	}
	if m.IsTerminal && !f.quiet {
		r = newLazyProgress(r, size, name, m.Stderr)
	}
	rd := &docio.Reader{Name: name, Format: format, Date: date, Bad: func(b docio.BadRecord) {
		st.skipped.Add(1)
		fmt.Fprintf(m.Stderr, "egret: skipped %s\n", b.Error())
	}}
	return rd.Read(r, emit)
}

// lazyProgress draws a progress bar only once reading has taken more than
// two seconds, so short runs stay quiet.
type lazyProgress struct {
	r     io.Reader
	size  int64
	name  string
	w     io.Writer
	start time.Time
	seen  int64
	bar   *progressbar.ProgressBar
}

func newLazyProgress(r io.Reader, size int64, name string, w io.Writer) *lazyProgress {
	return &lazyProgress{r: r, size: size, name: name, w: w, start: time.Now()}
}

func (p *lazyProgress) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.seen += int64(n)
	if p.bar == nil && time.Since(p.start) > 2*time.Second {
		p.bar = progressbar.NewOptions64(p.size, progressbar.OptionSetWriter(p.w), progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription(p.name), progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish())
		p.bar.Add64(p.seen)
	} else if p.bar != nil {
		p.bar.Add(n)
	}
	if err == io.EOF && p.bar != nil {
		p.bar.Finish()
	}
	return n, err
}
