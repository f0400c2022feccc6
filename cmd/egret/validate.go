package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/coder"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

func (m *Main) validateCmd() *cobra.Command {
	var dicts string
	var verbose bool
	var min float64
	cmd := &cobra.Command{
		Use:   "validate RECORDS.xml",
		Short: "Run PETRARCH validation records and compare with their expected codings",
		Long: `Run PETRARCH-format validation records: the dictionaries named in the file's
<Environment> are loaded from beside it (or from --dicts), every record is coded
and compared with its <EventCoding>s. Prints failures with expected vs
produced events, per-category results and totals.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fh, err := os.Open(args[0])
			if err != nil {
				return egret.Errorf(egret.EINVALID, "%v", err)
			}
			defer fh.Close()
			recs, env, problems, err := petrarch.ReadRecords(fh, args[0])
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(m.Stderr, "egret: skipped", p.String())
			}
			var d *petrarch.Dictionaries
			if dicts != "" {
				d, err = loadDicts(dicts)
			} else {
				d, err = petrarch.LoadFS(os.DirFS(filepath.Dir(args[0])), env.Files())
			}
			if err != nil {
				return err
			}
			p, err := nlp.New()
			if err != nil {
				return err
			}
			c, err := coder.New(d, p, coder.Options{})
			if err != nil {
				return err
			}
			rep := coder.Validate(cmd.Context(), c, recs)
			rep.Write(m.Stdout, verbose)
			if rep.Rate()*100 < min {
				return exitError{code: 2, msg: fmt.Sprintf("validation rate %.1f%% is below --min %.1f%%", rep.Rate()*100, min)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dicts, "dicts", "", "dictionary directory instead of the files named in <Environment>")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print every record, not only failures")
	cmd.Flags().Float64Var(&min, "min", 0, "exit with status 2 when fewer than this percentage of records are right")
	return cmd
}
