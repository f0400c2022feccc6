package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/coder"
	"github.com/egret-events/egret/defaults"
	"github.com/egret-events/egret/geo"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

// engineFlags choose the dictionaries and gazetteer behind a command.
type engineFlags struct {
	dicts         string
	gazetteer     string
	noGeo         bool
	noContext     bool
	requireSource bool
}

func (f *engineFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.dicts, "dicts", "", "PETRARCH dictionary directory (default: egret's embedded dictionaries)")
	cmd.Flags().StringVar(&f.gazetteer, "gazetteer", "", "GeoNames dump (allCountries.txt or citiesN.txt format) instead of the embedded gazetteer")
	cmd.Flags().BoolVar(&f.noGeo, "no-geo", false, "do not geolocate events")
	cmd.Flags().BoolVar(&f.noContext, "no-context", false, "code sentence by sentence, without document context (speaker, coreference, reported speech, dedup)")
	cmd.Flags().BoolVar(&f.requireSource, "require-source", false, "drop events whose source the text does not name (PETRARCH-style dyadic output; PLOVER/ACLED users keep them, flagged no_source)")
}

// engine is the coding pipeline a command runs: NLP, coder, geocoder.
type engine struct {
	nlp   *nlp.Pipeline
	coder *coder.Coder
	// geo returns the geocoder, nil with --no-geo. The embedded gazetteer
	// is loaded by the first document with events, so a run that codes
	// none never pays for it.
	geo           func() (*geo.Geocoder, error)
	requireSource bool
}

func loadDicts(dir string) (*petrarch.Dictionaries, error) {
	if dir == "" {
		return defaults.Load()
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "--dicts: %v", err)
	}
	if !st.IsDir() {
		return nil, egret.Errorf(egret.EINVALID, "--dicts %s: not a directory", dir)
	}
	return petrarch.LoadDir(dir)
}

func (m *Main) loadEngine(f engineFlags) (*engine, error) {
	// Loading builds tens of megabytes that all stay live: collecting
	// meanwhile would only mark them again and again (and tax every
	// pointer write), which cost more than the loading itself.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	d, err := loadDicts(f.dicts)
	if err != nil {
		return nil, err
	}
	if n := len(d.Problems); n > 0 && f.dicts != "" {
		// entries skipped or read leniently change what is coded: say so
		// once, and where to read them
		m.Logger.Warn("dictionary entries skipped or read leniently", "dicts", f.dicts, "problems", n, "list", "egret dict check "+f.dicts)
	}
	p, err := nlp.New()
	if err != nil {
		return nil, err
	}
	c, err := coder.New(d, p, coder.Options{NoContext: f.noContext})
	if err != nil {
		return nil, err
	}
	e := &engine{nlp: p, coder: c, requireSource: f.requireSource}
	switch {
	case f.noGeo:
	case f.gazetteer == "":
		e.geo = sync.OnceValues(func() (*geo.Geocoder, error) { return loadGeocoder("") })
	default:
		// A user's file is read now, so a bad one stops the run before it starts.
		g, err := loadGeocoder(f.gazetteer)
		if err != nil {
			return nil, err
		}
		e.geo = func() (*geo.Geocoder, error) { return g, nil }
	}
	return e, nil
}

func loadGeocoder(path string) (*geo.Geocoder, error) {
	if path == "" {
		g, err := geo.LoadDefault()
		if err != nil {
			return nil, err
		}
		return geo.New(g), nil
	}
	g, err := geo.LoadFile(path)
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "--gazetteer: %v", err)
	}
	return geo.New(g), nil
}

// CodeCount codes and geolocates one document and tells how many
// sentences it read: the engine is the pipeline's coder
// (pipeline.SentenceCoder) for every command.
func (e *engine) CodeCount(ctx context.Context, doc *egret.Document) ([]egret.Event, int, error) {
	evs, sents, err := e.coder.CodeSentences(ctx, doc)
	if err != nil {
		return nil, 0, err
	}
	evs, err = e.finish(doc, sents, evs)
	return evs, len(sents), err
}

// finish is what follows the coder for every command: --require-source,
// then geolocation from the coder's sentences and the countries that the
// locations give agents.
func (e *engine) finish(doc *egret.Document, sents []nlp.Sentence, evs []egret.Event) ([]egret.Event, error) {
	if e.requireSource {
		kept := evs[:0]
		for _, ev := range evs {
			if ev.Source != "" {
				kept = append(kept, ev)
			}
		}
		evs = kept
	}
	if e.geo != nil && len(evs) > 0 {
		g, err := e.geo()
		if err != nil {
			return nil, err
		}
		g.LocateSentences(doc, sents, evs) // the coder's sentences: no second tokenisation
		e.coder.InferFromLocations(evs)
	}
	return evs, nil
}

// ExplainDocument is the coder's explanation followed by the events as
// `egret code` writes them: explain takes the same path as code.
func (e *engine) ExplainDocument(doc *egret.Document) (string, error) {
	text, evs, sents := e.coder.ExplainCoded(doc)
	evs, err := e.finish(doc, sents, evs)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(text)
	if e.geo != nil {
		b.WriteString("Output events (as egret code writes them: located, agents given their location's country):\n")
	} else {
		b.WriteString("Output events (as egret code --no-geo writes them):\n")
	}
	if len(evs) == 0 {
		b.WriteString("  none\n")
	}
	for _, ev := range evs {
		fmt.Fprintf(&b, "  %s %s %s sentence %d", orDash(ev.Source), orDash(ev.Target), ev.CAMEO, ev.Sentence)
		if ev.Location != nil {
			fmt.Fprintf(&b, " at %q (%s)", ev.Location.Name, ev.Location.Country)
		}
		if len(ev.Flags) > 0 {
			fmt.Fprintf(&b, " flags=%s", strings.Join(ev.Flags, ","))
		}
		b.WriteByte('\n')
	}
	return b.String(), nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Code makes engine an egret.Coder.
func (e *engine) Code(ctx context.Context, doc *egret.Document) ([]egret.Event, error) {
	evs, _, err := e.CodeCount(ctx, doc)
	return evs, err
}
