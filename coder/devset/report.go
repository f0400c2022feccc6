package devset

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/plover"
)

// Named is a result under its run name ("dev", "heldout/lower", ...).
type Named struct {
	Name   string
	Result *Result
}

func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// WriteScores writes one line per run and level: gold, predicted and
// matched events, precision, recall and F1.
func WriteScores(w io.Writer, runs []Named) {
	fmt.Fprintf(w, "%-22s %-10s %5s %5s %5s %7s %7s %7s\n", "run", "level", "gold", "pred", "match", "prec", "recall", "F1")
	for _, n := range runs {
		for _, l := range Levels {
			c := n.Result.Count(l)
			fmt.Fprintf(w, "%-22s %-10s %5d %5d %5d %7s %7s %7s\n", n.Name, l, c.Gold, c.Pred, c.Match, pct(c.Precision()), pct(c.Recall()), pct(c.F1()))
		}
	}
}

// WriteSummary writes one line per run: stories, sentences, gold and
// predicted events, predictions outside every gold sentence, predictions
// with no source and the share coded 010.
func WriteSummary(w io.Writer, runs []Named) {
	fmt.Fprintf(w, "%-22s %7s %5s %5s %5s %8s %12s %10s\n", "run", "stories", "sents", "gold", "pred", "unplaced", "empty-source", "010-share")
	for _, n := range runs {
		r := n.Result
		c := r.Count(Type)
		fmt.Fprintf(w, "%-22s %7d %5d %5d %5d %8d %12d %10s\n", n.Name, r.Stories, r.Sentences, c.Gold, c.Pred, r.Unplaced, r.EmptySource, pct(ratio(r.Statements, c.Pred)))
	}
}

// WriteRoots writes, for each CAMEO root with gold events, its PLOVER type,
// the gold count and the recall at the type and dyad+type levels.
func WriteRoots(w io.Writer, n Named) {
	fmt.Fprintf(w, "%-22s %-4s %-10s %5s %8s %8s\n", n.Name, "root", "plover", "gold", "rec-type", "rec-dyad")
	for _, k := range n.Result.SortedRoots() {
		rc := n.Result.Roots[k]
		fmt.Fprintf(w, "%-22s %-4s %-10s %5d %8s %8s\n", "", k, Level(PLOVER).Key("", "", k), rc.Gold, pct(ratio(rc.Type, rc.Gold)), pct(ratio(rc.Dyad, rc.Gold)))
	}
}

// WriteErrors lists every sentence where gold and predicted events differ
// at the level: "=" matched, "-" gold missed, "+" predicted in excess.
func WriteErrors(w io.Writer, r *Result, l Level) {
	for _, d := range r.Detail {
		s := &d.Story.Sentences[d.Index]
		want := map[string]int{}
		for _, g := range s.Gold {
			want[l.Key(g.Source, g.Target, g.CAMEO)]++
		}
		var lines []string
		bad := false
		got := map[string]int{}
		for _, e := range d.Predicts {
			k := l.Key(e.Source, e.Target, e.CAMEO)
			mark := "+"
			if got[k] < want[k] {
				mark = "="
			} else {
				bad = true
			}
			got[k]++
			lines = append(lines, fmt.Sprintf("  %s pred %s %s %s  %q (src %q, tgt %q)", mark, dash(e.Source), dash(e.Target), e.CAMEO, e.EventText, e.SourceText, e.TargetText))
		}
		used := map[string]int{}
		for _, g := range s.Gold {
			k := l.Key(g.Source, g.Target, g.CAMEO)
			if used[k] < got[k] {
				used[k]++
				continue
			}
			bad = true
			lines = append(lines, fmt.Sprintf("  - gold %s %s %s  (%s:%d)", dash(g.Source), dash(g.Target), g.CAMEO, d.Story.Path, g.Line))
		}
		if bad {
			fmt.Fprintf(w, "%s:%d: %s\n%s\n", d.Story.Path, s.Line, clip(s.Text), strings.Join(lines, "\n"))
		}
	}
}

// Floor is the lowest precision and recall a run may score at a level.
type Floor struct {
	Run               string
	Level             Level
	Precision, Recall float64
	Line              int
}

// ParseFloors reads lines "RUN LEVEL MIN_PRECISION MIN_RECALL" (fractions
// from 0 to 1; "#" starts a comment). Errors name name:line.
func ParseFloors(name string, r io.Reader) ([]Floor, error) {
	var out []Floor
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		body, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(body)
		if len(f) == 0 {
			continue
		}
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want RUN LEVEL MIN_PRECISION MIN_RECALL", name, n)
		}
		l, err := ParseLevel(f[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		fl := Floor{Run: f[0], Level: l, Line: n}
		for i, p := range []*float64{&fl.Precision, &fl.Recall} {
			v, err := strconv.ParseFloat(f[2+i], 64)
			if err != nil || v < 0 || v > 1 {
				return nil, fmt.Errorf("%s:%d: %q is not a fraction from 0 to 1", name, n, f[2+i])
			}
			*p = v
		}
		out = append(out, fl)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// CheckFloors returns one error per floor that a run falls below, or whose
// run was not scored; each names the floor's line.
func CheckFloors(name string, floors []Floor, runs []Named) []error {
	byName := map[string]*Result{}
	for _, n := range runs {
		byName[n.Name] = n.Result
	}
	var errs []error
	for _, f := range floors {
		r := byName[f.Run]
		if r == nil {
			errs = append(errs, fmt.Errorf("%s:%d: run %q was not scored", name, f.Line, f.Run))
			continue
		}
		c := r.Count(f.Level)
		if p := c.Precision(); p < f.Precision {
			errs = append(errs, fmt.Errorf("%s:%d: %s %s precision %s is below the floor %s", name, f.Line, f.Run, f.Level, pct(p), pct(f.Precision)))
		}
		if rc := c.Recall(); rc < f.Recall {
			errs = append(errs, fmt.Errorf("%s:%d: %s %s recall %s is below the floor %s", name, f.Line, f.Run, f.Level, pct(rc), pct(f.Recall)))
		}
	}
	return errs
}

// Stats is the size of a split: stories, sentences, gold events and gold
// events by CAMEO root.
type Stats struct {
	Stories, Sentences, Events int
	Roots                      map[string]int
}

// Size counts a split's stories, sentences and gold events.
func Size(stories []*Story) Stats {
	s := Stats{Roots: map[string]int{}}
	for _, st := range stories {
		s.Stories++
		s.Sentences += len(st.Sentences)
		for i := range st.Sentences {
			for _, g := range st.Sentences[i].Gold {
				s.Events++
				s.Roots[plover.Root(g.CAMEO)]++
			}
		}
	}
	return s
}

// Docs indexes documents by id.
func Docs(docs []*egret.Document) map[string]*egret.Document {
	m := make(map[string]*egret.Document, len(docs))
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}
