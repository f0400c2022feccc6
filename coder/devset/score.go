package devset

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/plover"
)

// Level is how strictly a predicted event must agree with a gold one.
type Level int

// The four scoring levels, from loosest to strictest.
const (
	Type   Level = iota // CAMEO root (first two digits)
	PLOVER              // PLOVER type ("-" for CAMEO 01, which has none)
	Dyad                // root, and source and target at their primary level
	Exact               // root and full actor codes
	nLevels
)

// Levels lists the scoring levels in report order.
var Levels = []Level{Type, PLOVER, Dyad, Exact}

var levelNames = [nLevels]string{"type", "plover", "dyad+type", "exact"}

func (l Level) String() string {
	if l < 0 || l >= nLevels {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

// ParseLevel reads a level name as String writes it.
func ParseLevel(s string) (Level, error) {
	for l, n := range levelNames {
		if n == s {
			return Level(l), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want %s)", s, strings.Join(levelNames[:], ", "))
}

// Key is the event's identity at the level: two events match when their
// keys are equal.
func (l Level) Key(src, tgt, cameo string) string {
	root := plover.Root(cameo)
	switch l {
	case Type:
		return root
	case PLOVER:
		if info, ok := plover.Lookup(cameo); ok {
			return info.Type
		}
		return "-"
	case Dyad:
		return root + " " + Primary(src) + " " + Primary(tgt)
	default:
		return root + " " + dash(src) + " " + dash(tgt)
	}
}

// Primary is an actor code at its primary level: the country or region
// (first three letters), or for IGO, NGO, IMG and MNC codes the first six
// letters (IGOUNO, NGOHRI, IMGMUS); "-" for no actor.
func Primary(actor string) string {
	if actor == "" || actor == "-" {
		return "-"
	}
	n := 3
	for _, p := range []string{"IGO", "NGO", "IMG", "MNC"} {
		if strings.HasPrefix(actor, p) {
			n = 6
		}
	}
	return actor[:min(n, len(actor))]
}

func dash(a string) string {
	if a == "" {
		return "-"
	}
	return a
}

// Case is the letter case a run gives the story text.
type Case int

// The cases of a run: the text as published, lower-cased, upper-cased.
const (
	AsIs Case = iota
	Lower
	Upper
)

func (c Case) String() string {
	switch c {
	case Lower:
		return "lower"
	case Upper:
		return "upper"
	}
	return "as-is"
}

// Apply changes the letter case of s, keeping every byte offset: a letter
// whose other case has a different UTF-8 length is left as it is, so gold
// spans found in the original text hold in the changed one.
func (c Case) Apply(s string) string {
	var f func(rune) rune
	switch c {
	case Lower:
		f = unicode.ToLower
	case Upper:
		f = unicode.ToUpper
	default:
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b.WriteByte(s[i]) // invalid byte: keep it
			i++
			continue
		}
		if m := f(r); utf8.RuneLen(m) == n {
			r = m
		}
		b.WriteRune(r)
		i += n
	}
	return b.String()
}

// Run scores one coder on a set of stories.
type Run struct {
	Coder egret.Coder
	// Sentences splits a text into sentences as the coder does: an event
	// restated in several sentences (Event.Sentences) counts once in each,
	// as the gold codes restatements sentence by sentence.
	Sentences func(text string) []egret.Span
	Case      Case
}

// Count is the gold, predicted and matched events at one level.
type Count struct{ Gold, Pred, Match int }

// Precision is Match/Pred (0 with no predictions).
func (c Count) Precision() float64 { return ratio(c.Match, c.Pred) }

// Recall is Match/Gold (0 with no gold events).
func (c Count) Recall() float64 { return ratio(c.Match, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// RootCount is the gold events of one CAMEO root and how many of them were
// matched at the type and dyad+type levels.
type RootCount struct{ Gold, Type, Dyad int }

// SentenceResult is one gold sentence with the events predicted in it.
type SentenceResult struct {
	Story    *Story
	Index    int // in Story.Sentences
	Predicts []egret.Event
}

// Result is a run's score over some stories.
type Result struct {
	Stories, Sentences int
	Counts             [nLevels]Count
	Roots              map[string]*RootCount
	// EmptySource counts predicted events with no source actor, Statements
	// those coded 010 (make statement).
	EmptySource, Statements int
	// Unplaced counts predicted event mentions whose sentence overlaps no
	// gold sentence; they are in every level's Pred and never match.
	Unplaced int
	Detail   []SentenceResult
}

// Count returns the figures at one level.
func (r *Result) Count(l Level) Count { return r.Counts[l] }

// Add merges o into r (the overall figures of several splits).
func (r *Result) Add(o *Result) {
	r.Stories += o.Stories
	r.Sentences += o.Sentences
	for l := range r.Counts {
		r.Counts[l].Gold += o.Counts[l].Gold
		r.Counts[l].Pred += o.Counts[l].Pred
		r.Counts[l].Match += o.Counts[l].Match
	}
	if r.Roots == nil {
		r.Roots = map[string]*RootCount{}
	}
	for k, v := range o.Roots {
		rc := r.root(k)
		rc.Gold += v.Gold
		rc.Type += v.Type
		rc.Dyad += v.Dyad
	}
	r.EmptySource += o.EmptySource
	r.Statements += o.Statements
	r.Unplaced += o.Unplaced
	r.Detail = append(r.Detail, o.Detail...)
}

func (r *Result) root(k string) *RootCount {
	rc := r.Roots[k]
	if rc == nil {
		rc = &RootCount{}
		r.Roots[k] = rc
	}
	return rc
}

// Score codes every story as one document (with the run's letter case and
// the story's date) and matches the predicted events with the gold ones,
// one to one within each sentence.
func (run Run) Score(ctx context.Context, stories []*Story, docs map[string]*egret.Document) (*Result, error) {
	res := &Result{Roots: map[string]*RootCount{}}
	for _, st := range stories {
		src := docs[st.VOA]
		if src == nil {
			return nil, fmt.Errorf("%s: story %s is not in the corpus", st.Path, st.VOA)
		}
		doc := *src
		doc.Text, doc.Title, doc.Date = run.Case.Apply(src.Text), run.Case.Apply(src.Title), st.Date
		evs, err := run.Coder.Code(ctx, &doc)
		if err != nil {
			return nil, fmt.Errorf("%s: coding story %s: %w", st.Path, st.VOA, err)
		}
		spans := run.Sentences(doc.Text)
		pred := make([][]egret.Event, len(st.Sentences))
		for _, e := range evs {
			if e.Sentence < 0 || e.Sentence >= len(spans) || spans[e.Sentence] != e.SentenceSpan {
				return nil, fmt.Errorf("%s: event in sentence %d %v: the Sentences splitter disagrees with the coder", st.Path, e.Sentence, e.SentenceSpan)
			}
			at := e.Sentences
			if len(at) == 0 {
				at = []int{e.Sentence}
			}
			for _, i := range at {
				if i < 0 || i >= len(spans) {
					return nil, fmt.Errorf("%s: event restated in sentence %d of %d", st.Path, i, len(spans))
				}
				res.predicted(&e)
				if g := st.place(spans[i]); g >= 0 {
					pred[g] = append(pred[g], e)
				} else {
					res.Unplaced++
				}
			}
		}
		for i := range st.Sentences {
			res.match(st.Sentences[i].Gold, pred[i])
			res.Detail = append(res.Detail, SentenceResult{Story: st, Index: i, Predicts: pred[i]})
		}
		res.Stories++
		res.Sentences += len(st.Sentences)
	}
	return res, nil
}

// predicted counts one predicted event mention at every level.
func (r *Result) predicted(e *egret.Event) {
	for l := range r.Counts {
		r.Counts[l].Pred++
	}
	if e.Source == "" {
		r.EmptySource++
	}
	if e.CAMEO == "010" {
		r.Statements++
	}
}

// place returns the gold sentence overlapping sp the most, -1 for none.
func (s *Story) place(sp egret.Span) int {
	best, most := -1, 0
	for i := range s.Sentences {
		g := s.Sentences[i].Span
		if o := min(g.End, sp.End) - max(g.Start, sp.Start); o > most {
			best, most = i, o
		}
	}
	return best
}

// match adds one sentence's gold and predicted events: at each level the
// one-to-one matches are, key by key, the smaller of the two counts.
func (r *Result) match(gold []Gold, pred []egret.Event) {
	for _, l := range Levels {
		want := map[string]int{}
		for _, g := range gold {
			want[l.Key(g.Source, g.Target, g.CAMEO)]++
		}
		r.Counts[l].Gold += len(gold)
		for _, e := range pred {
			k := l.Key(e.Source, e.Target, e.CAMEO)
			if want[k] > 0 {
				want[k]--
				r.Counts[l].Match++
				if l == Type || l == Dyad {
					rc := r.root(plover.Root(e.CAMEO))
					if l == Type {
						rc.Type++
					} else {
						rc.Dyad++
					}
				}
			}
		}
	}
	for _, g := range gold {
		r.root(plover.Root(g.CAMEO)).Gold++
	}
}

// SortedRoots returns the roots with gold events, in code order.
func (r *Result) SortedRoots() []string {
	var out []string
	for k, v := range r.Roots {
		if v.Gold > 0 {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
