package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/geo"
	"github.com/egret-events/egret/pipeline"
)

func (m *Main) explainCmd() *cobra.Command {
	var dicts, date string
	var noGeo bool
	cmd := &cobra.Command{
		Use:   `explain "SENTENCE" | -`,
		Short: "Show how a sentence is coded: tokens, tags, clauses, dictionary matches (file:line), pattern, events",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text := strings.Join(args, " ")
			if text == "-" {
				b, err := io.ReadAll(m.Stdin)
				if err != nil {
					return err
				}
				text = string(b)
			}
			if strings.TrimSpace(text) == "" {
				return egret.Errorf(egret.EINVALID, "nothing to explain: empty sentence")
			}
			d := m.Now().UTC()
			if date != "" {
				var err error
				if d, err = docio.ParseDate(date); err != nil {
					return egret.Errorf(egret.EINVALID, "--date: %v", err)
				}
			}
			eng, err := m.loadEngine(engineFlags{dicts: dicts, noGeo: noGeo})
			if err != nil {
				return err
			}
			// The sentence takes the one path every document takes, with
			// the coder's explanation as the code stage.
			// the text reads as a plain-text document does in code: a first
			// line followed by a blank line is its title
			var doc *egret.Document
			rd := &docio.Reader{Name: "explain", Format: docio.FormatText, Date: d}
			if err := rd.Read(strings.NewReader(text), func(x *egret.Document) error { doc = x; return nil }); err != nil || doc == nil {
				doc = &egret.Document{Text: text, Date: d}
			}
			doc.ID = "explain"
			rec := &pipeline.Record{Origin: "explain", Doc: doc}
			_, err = pipeline.Run(cmd.Context(), pipeline.Config{Source: pipeline.Records(rec), Coder: pipeline.Explain(eng),
				Sink: pipeline.ExplainWriter(m.Stdout), Workers: 1, Atomic: true})
			return err
		},
	}
	cmd.Flags().StringVar(&dicts, "dicts", "", "PETRARCH dictionary directory (default: embedded)")
	cmd.Flags().StringVar(&date, "date", "", "date for date-bounded actor codes, YYYY-MM-DD (default: today)")
	cmd.Flags().BoolVar(&noGeo, "no-geo", false, "do not geolocate the output events (as egret code --no-geo)")
	return cmd
}

func (m *Main) geoCmd() *cobra.Command {
	var gaz string
	cmd := &cobra.Command{
		Use:   `geo "TEXT"`,
		Short: "Show place mentions, gazetteer candidates and the chosen location",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGeocoder(gaz)
			if err != nil {
				return err
			}
			geo.Explain(m.Stdout, g, strings.Join(args, " "))
			return nil
		},
	}
	cmd.Flags().StringVar(&gaz, "gazetteer", "", "GeoNames dump instead of the embedded gazetteer")
	return cmd
}
