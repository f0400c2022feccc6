package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
)

type exportFlags struct {
	db     string
	format string
	dedup  string
	output string
	filter egret.EventFilter
	quiet  bool
}

// newExportCmd is `egret export`: write stored events as CSV, JSON Lines or Parquet.
func newExportCmd(m *Main) *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write stored events as CSV, JSON Lines or Parquet",
		Long: `Write the stored events matching the filters to stdout (or --output),
newest first, in the same formats as GET /api/v1/export.

--dedup day keeps one event per (date, source, target, CAMEO code), as the
Phoenix data did: the first stored, with "reports" (the events it stands
for) and "documents" (the documents they came from). Every row carries
both columns; without --dedup they are 1.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return m.runExport(cmd.Context(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.db, "db", "egret.db", "SQLite file or postgres:// DSN")
	fl.StringVar(&f.format, "format", "jsonl", "csv, jsonl or parquet")
	fl.StringVar(&f.dedup, "dedup", "", "day: one event per (date, source, target, CAMEO code), with the count of reports behind it")
	fl.StringVarP(&f.output, "output", "o", "", "file to write (default stdout)")
	fl.StringVar(&f.filter.From, "from", "", "first day, YYYY-MM-DD")
	fl.StringVar(&f.filter.To, "to", "", "last day, YYYY-MM-DD")
	fl.StringVar(&f.filter.Source, "source", "", "source actor code or prefix")
	fl.StringVar(&f.filter.Target, "target", "", "target actor code or prefix")
	fl.StringVar(&f.filter.CAMEO, "cameo", "", "CAMEO code prefix")
	fl.StringVar(&f.filter.PLOVER, "plover", "", "PLOVER event type")
	fl.IntVar(&f.filter.QuadClass, "quad-class", 0, "quad class 1-4")
	fl.StringVar(&f.filter.Query, "q", "", "words in the sentence")
	fl.StringVar(&f.filter.DocID, "doc-id", "", "one document's events")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no summary on stderr")
	return cmd
}

func (m *Main) runExport(ctx context.Context, f exportFlags) error {
	if _, err := egrethttp.ContentType(f.format); err != nil {
		return egret.Errorf(egret.EINVALID, "--format %q: want csv, jsonl or parquet", f.format)
	}
	if f.dedup != egrethttp.DedupNone && f.dedup != egrethttp.DedupDay {
		return egret.Errorf(egret.EINVALID, "--dedup %q: want day", f.dedup)
	}
	f.filter.Source = strings.ToUpper(f.filter.Source)
	f.filter.Target = strings.ToUpper(f.filter.Target)
	f.filter.PLOVER = strings.ToUpper(f.filter.PLOVER)
	if err := f.filter.Validate(); err != nil {
		return err
	}
	st, err := m.openStore(ctx, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	var w io.Writer = m.Stdout
	var file *os.File
	if f.output != "" && f.output != "-" {
		file, err = os.Create(f.output)
		if err != nil {
			return egret.Errorf(egret.EINVALID, "--output: %v", err)
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	n, err := egrethttp.Export(ctx, bw, st, f.filter, egrethttp.ExportOptions{Format: f.format, Dedup: f.dedup})
	if err != nil {
		return fmt.Errorf("export after %d events: %w", n, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing export: %w", err)
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", f.output, err)
		}
	}
	if !f.quiet {
		if f.dedup != "" {
			fmt.Fprintf(m.Stderr, "exported %d events (one per %s, source, target and CAMEO code)\n", n, f.dedup)
		} else {
			fmt.Fprintf(m.Stderr, "exported %d events\n", n)
		}
	}
	return nil
}
