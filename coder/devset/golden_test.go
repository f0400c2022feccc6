package devset

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/coder"
	"github.com/egret-events/egret/defaults"
	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

var (
	update     = flag.Bool("update", false, "rewrite testdata/devset/FLOORS from today's figures minus the margin")
	showErrors = flag.String("devset.errors", "", "list the dev split's per-sentence errors at this level (type, plover, dyad+type, exact); never the heldout split")
	errorsRun  = flag.String("devset.run", "dev", "the dev run whose errors -devset.errors lists: dev, dev/phoenix, dev/lower or dev/upper")
)

const (
	setDir     = "../testdata/devset"
	floorsFile = "../testdata/devset/FLOORS"
	// floorMargin is how far under today's figure a floor sits: small
	// enough that a real regression fails, large enough for a one-event
	// wobble on a few hundred events.
	floorMargin = 0.02
)

// TestDevSet codes the hand-coded dev set's stories with the default
// dictionaries (document context on, as egret code runs), also lower- and
// upper-cased, and with the Phoenix dictionaries; it logs the tables (go
// test -v, or make devset) and fails when a figure falls below its floor
// in testdata/devset/FLOORS.
func TestDevSet(t *testing.T) {
	docs := Docs(testshared.VOAStories(t))
	splits := map[string][]*Story{}
	for _, name := range []string{"dev", "heldout"} {
		st, err := Load(filepath.Join(setDir, name), docs)
		if err != nil {
			t.Fatal(err)
		}
		splits[name] = st
		sz := Size(st)
		t.Logf("%s: %d stories, %d sentences, %d gold events; by root %s", name, sz.Stories, sz.Sentences, sz.Events, rootList(sz.Roots))
	}
	for _, v := range splits["heldout"] {
		for _, d := range splits["dev"] {
			if v.VOA == d.VOA {
				t.Fatalf("story %s is in both splits", v.VOA)
			}
		}
	}

	d, err := defaults.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	ph, err := petrarch.LoadDir(testshared.Path(t, "petrarch/phoenix"))
	if err != nil {
		t.Fatal(err)
	}
	def, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	phx, err := coder.New(ph, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	coders := []struct {
		name string
		c    egret.Coder
		cs   []Case
	}{
		{"", def, []Case{AsIs, Lower, Upper}},
		{"phoenix", phx, []Case{AsIs}},
	}
	var runs []Named
	results := map[string]*Result{}
	for _, cd := range coders {
		for _, cs := range cd.cs {
			all := &Result{Roots: map[string]*RootCount{}}
			for _, split := range []string{"dev", "heldout", "all"} {
				name := runName(split, cd.name, cs)
				res := all
				if split != "all" {
					var err error
					res, err = Run{Coder: cd.c, Sentences: p.SplitSentences, Case: cs}.Score(context.Background(), splits[split], docs)
					if err != nil {
						t.Fatal(err)
					}
					all.Add(res)
				}
				runs = append(runs, Named{name, res})
				results[name] = res
			}
		}
	}

	var b strings.Builder
	WriteSummary(&b, runs)
	b.WriteString("\n")
	WriteScores(&b, runs)
	for _, n := range []string{"dev", "heldout", "all"} {
		b.WriteString("\n")
		WriteRoots(&b, Named{n, results[n]})
	}
	t.Logf("dev set scores (default dictionaries unless named):\n%s", b.String())
	if *showErrors != "" {
		l, err := ParseLevel(*showErrors)
		if err != nil {
			t.Fatal(err)
		}
		res, ok := results[*errorsRun]
		if !ok || !strings.HasPrefix(*errorsRun, "dev") {
			t.Fatalf("-devset.run %q: not a dev run", *errorsRun) // the heldout split is never inspected
		}
		var e strings.Builder
		WriteErrors(&e, res, l)
		t.Logf("%s errors at %s:\n%s", *errorsRun, l, e.String())
	}

	if *update {
		writeFloors(t, runs)
	}
	f, err := os.Open(floorsFile)
	if err != nil {
		t.Fatalf("%v (go test -run DevSet -update writes it)", err)
	}
	defer f.Close()
	floors, err := ParseFloors(floorsFile, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(floors) == 0 {
		t.Fatalf("%s has no floors", floorsFile)
	}
	for _, err := range CheckFloors(floorsFile, floors, runs) {
		t.Error(err)
	}
}

func runName(split, dicts string, c Case) string {
	name := split
	if dicts != "" {
		name += "/" + dicts
	}
	if c != AsIs {
		name += "/" + c.String()
	}
	return name
}

func rootList(roots map[string]int) string {
	var parts []string
	for r := 1; r <= 20; r++ {
		k := fmt.Sprintf("%02d", r)
		if roots[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s:%d", k, roots[k]))
		}
	}
	return strings.Join(parts, " ")
}

// writeFloors records every run's precision and recall at every level,
// less floorMargin, rounded down.
func writeFloors(t *testing.T, runs []Named) {
	var b strings.Builder
	b.WriteString("# Lowest figures TestDevSet accepts: RUN LEVEL MIN_PRECISION MIN_RECALL.\n")
	b.WriteString("# Written by go test ./coder/devset -run DevSet -update: today's figures less 0.02.\n")
	b.WriteString("# Raise them (run -update again) when the coder improves; never lower them to pass.\n")
	floor := func(x float64) float64 { return math.Max(0, math.Floor((x-floorMargin)*1000)/1000) }
	for _, n := range runs {
		for _, l := range Levels {
			c := n.Result.Count(l)
			fmt.Fprintf(&b, "%-22s %-10s %.3f %.3f\n", n.Name, l, floor(c.Precision()), floor(c.Recall()))
		}
	}
	if err := os.WriteFile(floorsFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
