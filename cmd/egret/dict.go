package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/dictsuggest"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

func (m *Main) dictCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "dict", Short: "Check, count and extend dictionary sets"}
	var max int
	check := &cobra.Command{
		Use:   "check [DIR]",
		Short: "Lint a dictionary set (embedded defaults without DIR); exit 1 on problems",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := loadDicts(firstArg(args))
			if err != nil {
				return err
			}
			probs := petrarch.Check(d)
			for i, p := range probs {
				if max > 0 && i == max {
					fmt.Fprintf(m.Stdout, "... and %d more\n", len(probs)-max)
					break
				}
				fmt.Fprintln(m.Stdout, p.String())
			}
			if len(probs) > 0 {
				return exitError{code: 1, msg: fmt.Sprintf("%d problems", len(probs))}
			}
			fmt.Fprintln(m.Stdout, "no problems")
			return nil
		},
	}
	check.Flags().IntVar(&max, "max", 0, "print at most this many problems (0: all)")
	stats := &cobra.Command{
		Use:   "stats [DIR]",
		Short: "Count the entries of a dictionary set (embedded defaults without DIR)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := loadDicts(firstArg(args))
			if err != nil {
				return err
			}
			fmt.Fprint(m.Stdout, petrarch.Count(d).String())
			return nil
		},
	}
	var dicts string
	var n, min int
	suggest := &cobra.Command{
		Use:   "suggest FILE ...",
		Short: "List the most frequent actor-like phrases the dictionaries do not code",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := loadDicts(dicts)
			if err != nil {
				return err
			}
			p, err := nlp.New()
			if err != nil {
				return err
			}
			var texts []string
			for _, name := range args {
				fh, err := os.Open(name)
				if err != nil {
					return egret.Errorf(egret.EINVALID, "%v", err)
				}
				rd := &docio.Reader{Name: name, Format: docio.DetectFormat(name), Bad: func(b docio.BadRecord) { fmt.Fprintln(m.Stderr, "egret: skipped", b.Error()) }}
				err = rd.Read(fh, func(doc *egret.Document) error { texts = append(texts, doc.Text); return nil })
				fh.Close()
				if err != nil {
					return err
				}
			}
			for _, s := range dictsuggest.Suggest(d, p, texts, n, min) {
				fmt.Fprintf(m.Stdout, "%5d %4d  %-7s %-40s %s\n", s.Count, s.Docs, s.Kind, s.Entry, s.Phrase)
			}
			return nil
		},
	}
	suggest.Flags().StringVar(&dicts, "dicts", "", "dictionary directory (default: embedded)")
	suggest.Flags().IntVarP(&n, "n", "n", 50, "how many phrases to list")
	suggest.Flags().IntVar(&min, "min", 2, "minimum count")
	cmd.AddCommand(check, stats, suggest)
	return cmd
}

func firstArg(args []string) string {
	if len(args) > 0 {
		return args[0]
	}
	return ""
}
