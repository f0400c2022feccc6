package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/pipeline"
)

type codeFlags struct {
	engineFlags
	inputFlags
	format  string
	workers int
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

// outcome is a run's verdict once its summary is out: a failure when an
// input could not be read or when records were read but none made it
// (done says what they were to be), so scripts see that nothing was done.
func outcome(sum pipeline.Summary, inputs int, done string) error {
	if n := sum.FailedInputs; n > 0 {
		return egret.Errorf(egret.EINVALID, "%d of %d inputs could not be read", n, inputs)
	}
	if sum.Written == 0 && sum.Skipped > 0 {
		return egret.Errorf(egret.EINVALID, "no document %s: all %d records were bad", done, sum.Skipped)
	}
	return nil
}

// stopping reports whether err only says the run was cancelled, which
// the error that cancelled it says better.
func stopping(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded))
}

// inputFlags are the input options of code and ingest.
type inputFlags struct {
	formatIn string
	date     string
	quiet    bool
}

// inputs makes the file source of code and ingest: the named inputs in
// turn through docio, dated --date (default today, UTC).
func (m *Main) inputs(f inputFlags, names []string) (*pipeline.Files, error) {
	date := m.Now().UTC().Truncate(24 * time.Hour)
	if f.date != "" {
		d, err := docio.ParseDate(f.date)
		if err != nil {
			return nil, egret.Errorf(egret.EINVALID, "--date: %v", err)
		}
		date = d
	}
	if f.formatIn != "" && f.formatIn != docio.FormatText && f.formatIn != docio.FormatJSONL && f.formatIn != docio.FormatXML {
		return nil, egret.Errorf(egret.EINVALID, "--format-in %q: want txt, jsonl or xml", f.formatIn)
	}
	src := &pipeline.Files{Inputs: names, Stdin: m.Stdin, Format: f.formatIn, Date: date}
	if m.IsTerminal && !f.quiet {
		src.Wrap = func(r io.Reader, name string, size int64) io.Reader { return newLazyProgress(r, size, name, m.Stderr) }
	}
	return src, nil
}

// reportSkipped writes a skipped record on stderr: an input that could
// not be read as its error, a record as its place and why.
func (m *Main) reportSkipped(rec *pipeline.Record) {
	var ie *pipeline.InputError
	if errors.As(rec.Err, &ie) {
		fmt.Fprintf(m.Stderr, "egret: %v\n", rec.Err)
		return
	}
	fmt.Fprintf(m.Stderr, "egret: skipped %s: %v\n", rec.Origin, rec.Err)
}

func (m *Main) runCode(ctx context.Context, f codeFlags, names []string) error {
	src, err := m.inputs(f.inputFlags, names)
	if err != nil {
		return err
	}
	out, err := docio.NewWriter(m.Stdout, f.format)
	if err != nil {
		return err
	}
	loadStart := time.Now()
	eng, err := m.loadEngine(f.engineFlags)
	if err != nil {
		return err
	}
	load := time.Since(loadStart)
	sum, err := pipeline.Run(ctx, pipeline.Config{Source: src, Coder: pipeline.Code(eng, nil), Sink: pipeline.Writer(out),
		Workers: f.workers, Report: m.reportSkipped})
	if err != nil {
		if stopping(ctx, err) {
			return err
		}
		return fmt.Errorf("writing output: %w", err)
	}
	if !f.quiet {
		// sentences/s counts coding from raw text to written events; the
		// one-off dictionary and gazetteer load is shown apart.
		n := max(float64(sum.Sentences), 1)
		fmt.Fprintf(m.Stderr, "documents %d, sentences %d, events %d (%.1f per 100 sentences, %.1f%% of sentences coded), skipped %d, time %s, %.0f sentences/s, load %s, peak memory %.0f MB\n",
			sum.Written, sum.Sentences, sum.Events, 100*float64(sum.Events)/n, 100*float64(sum.CodedSentences)/n,
			sum.Skipped, sum.Elapsed.Round(time.Millisecond), float64(sum.Sentences)/sum.Elapsed.Seconds(), load.Round(time.Millisecond), peakRSSMB())
	}
	return outcome(sum, len(names), "coded")
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
