package geo

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

// TestCaseRobustness is issue 10's bar for case-robust geolocation. The
// events of our own news material lower-cased and upper-cased (the geo
// goldens, the coder goldens' events, the VOA corpus with one event per
// sentence) must be located in the country the normal-case text gives at
// least 90% of the time, and nearly as often located at all.
//
// The other sets only measure against the normal case, which is itself
// often wrong there: a news sentence alone, with no story around it, and
// web text (the UD English Web Treebank), where it takes people for towns
// ("Lisa", "Arafat", "Sharon"). A case-less miss or another country there
// is as often the better answer, so for news sentences alone it checks
// only that events located in both cases agree, and for web text and the
// held-out sets (never looked at event by event while the case rules were
// written: the GigaWord sample's sentences, the EWT test documents) it
// only logs; TestCaseHeldOut scores the GigaWord sample against hand
// labels. It logs the figures the geo README reports.
func TestCaseRobustness(t *testing.T) {
	gc := testGeocoder(t)
	p := testPipeline(t)
	const (
		logOnly = iota
		agree   // events located in both cases agree
		news    // and the normal case's locations are found again
	)
	for _, set := range []struct {
		name    string
		heldout bool
		check   int
		docs    func(testing.TB, *nlp.Pipeline) []evalDoc
	}{
		{"geo goldens", false, news, func(t testing.TB, p *nlp.Pipeline) []evalDoc {
			return append(evalGolden(t, p), evalMentionTexts(t, p)...)
		}},
		{"coder goldens", false, news, evalCoderGoldens},
		{"VOA corpus", false, news, evalVOA},
		{"VOA sentences", false, agree, evalVOASentences},
		{"EWT dev", false, logOnly, func(t testing.TB, p *nlp.Pipeline) []evalDoc { return evalEWT(t, p, "dev") }},
		{"GigaWord sample", true, logOnly, evalGigaWord},
		{"EWT test", true, logOnly, func(t testing.TB, p *nlp.Pipeline) []evalDoc { return evalEWT(t, p, "test") }},
	} {
		t.Run(set.name, func(t *testing.T) {
			fs := evalCase(gc, p, set.docs(t, p))
			n := fs[0]
			kind := "tuned"
			if set.heldout {
				kind = "held out"
			}
			t.Logf("%s (%s): %d events, normal case located %.1f%%", set.name, kind, n.events, pct(n.located, n.events))
			for v, name := range []string{"lower", "upper"} {
				f := fs[v+1]
				t.Logf("  %s case: located %.1f%%; of the normal case's locations %.1f%% in the same country (%d/%d); located in both cases, same country %.1f%% (%d/%d)",
					name, pct(f.located, f.events), pct(f.same, f.normal), f.same, f.normal, pct(f.same, f.both), f.same, f.both)
				if set.check >= agree && f.same*10 < f.both*9 {
					t.Errorf("%s, %s case: %d/%d events located in both cases in the same country, want at least 90%%", set.name, name, f.same, f.both)
				}
				if set.check < news {
					continue
				}
				if f.same*10 < f.normal*9 {
					t.Errorf("%s, %s case: %d/%d events in the normal case's country, want at least 90%%", set.name, name, f.same, f.normal)
				}
				if f.located*10 < n.located*9 {
					t.Errorf("%s, %s case: %d events located, normal case %d: want at least 90%% as many", set.name, name, f.located, n.located)
				}
			}
		})
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// TestCaseHeldOut scores normal, lower and upper case against the hand
// labels of testdata/gigaword.gold (held out: labelled from the text
// alone, never tuned on): the share of labelled sentences placed in the
// right country ("-": no place), each sentence its own document.
func TestCaseHeldOut(t *testing.T) {
	gc := testGeocoder(t)
	p := testPipeline(t)
	docs := evalGigaWord(t, p)
	gold := readGold(t, filepath.Join("testdata", "gigaword.gold"))
	var right [3]int
	for _, g := range gold {
		if g.pos < 1 || g.pos > len(docs) {
			t.Fatalf("gigaword.gold:%d: position %d not in 1..%d", g.line, g.pos, len(docs))
		}
		d := docs[g.pos-1]
		for v := range 3 {
			all := egret.Span{Start: 0, End: len(d.doc.Text)}
			ev := locateCased(gc, p, d.doc, v, []egret.Event{{SentenceSpan: all, EventSpan: all}})
			got := "-"
			if l := ev[0].Location; l != nil {
				got = l.Country
			}
			if got == g.want {
				right[v]++
			}
		}
	}
	t.Logf("GigaWord sample, %d hand-labelled sentences (held out): right country normal %.1f%%, lower %.1f%%, upper %.1f%%",
		len(gold), pct(right[0], len(gold)), pct(right[1], len(gold)), pct(right[2], len(gold)))
	for v, name := range []string{"lower", "upper"} {
		if right[v+1]*10 < len(gold)*9 {
			t.Errorf("%s case: %d/%d sentences in the right country, want at least 90%%", name, right[v+1], len(gold))
		}
	}
}

type goldLine struct {
	line, pos int
	want      string
}

func readGold(t testing.TB, path string) []goldLine {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldLine
	for n, l := range strings.Split(string(b), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs := strings.Split(l, "\t")
		pos, err := strconv.Atoi(fs[0])
		if len(fs) != 3 || err != nil {
			t.Fatalf("%s:%d: want position, id, country", path, n+1)
		}
		out = append(out, goldLine{line: n + 1, pos: pos, want: fs[2]})
	}
	return out
}
