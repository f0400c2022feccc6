package geo

import (
	"strings"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

// TestCaseRegimes checks which sentences the case stage finds case-less.
func TestCaseRegimes(t *testing.T) {
	p := testPipeline(t)
	for _, c := range []struct {
		name, text string
		want       string // per sentence: c case-less, n normal; "" for none
	}{
		{"normal", "Syrian forces shelled rebel positions near Idlib. The talks continued.", ""},
		{"no names inside, a capital at the start", "Moscow has taken note of the statement.", ""},
		{"lower-case", "police arrested two men in lucknow on tuesday.", "c"},
		// nlp splits case-less text of 20 words or more at every full stop
		{"lower-case story", "a mob set fire to a bus in kolkata. police said two people were hurt and the driver fled the scene before officers arrived.", "cc"},
		{"all caps", "POLICE ARRESTED TWO MEN IN LUCKNOW ON TUESDAY.", "c"},
		{"caps headline over a normal story", "PRESS RELEASE ON THE ATTACK IN HAKKARI\n\nWe strongly condemn the attack carried out against our forces in Hakkari. Turkey will continue its fight.", "cnn"},
		{"acronyms in normal text", "The U.S. and NATO met the EU in Brussels on Monday.", ""},
		{"script without case", "الشرطة اعتقلت رجلين", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			sents := p.Sentences(c.text)
			per := make([]caseStats, len(sents))
			if _, ok := view(c.text, sents, nil, per); !ok {
				t.Fatal("sentences do not fit")
			}
			var got strings.Builder
			for _, cl := range caseRegimes(sents, per) {
				if cl {
					got.WriteByte('c')
				} else {
					got.WriteByte('n')
				}
			}
			if got.String() != c.want {
				t.Errorf("%q: regimes %q, want %q", c.text, got.String(), c.want)
			}
		})
	}
}

// TestCaselessMentions checks the safeguards of case-less text: English
// words, acronyms, people and longer names are no places; places are.
func TestCaselessMentions(t *testing.T) {
	gc := testGeocoder(t)
	for _, c := range []struct {
		name, text string
		want       []string // "text=kind" for each place or metonym mention, in order
	}{
		{"city after in", "police arrested two men in lucknow on tuesday.", []string{"lucknow=place"}},
		{"two-word name", "farmers marched towards new delhi from uttar pradesh.", []string{"new delhi=place", "uttar pradesh=place"}},
		{"the hague", "the court in the hague ruled on monday.", []string{"the hague=place"}},
		{"china the material", "the china shop was looted and fine china plates were stolen.", nil},
		{"english words", "it was a nice day; he was reading the report on mobile phone use after a hot bath.", nil},
		{"english word after in", "fans gathered in bath for the match.", []string{"bath=place"}},
		{"english word as a modifier", "prices rose in china shops.", nil},
		{"adjective ending the phrase", "police in nice said the attacker was held.", []string{"nice=place"}},
		{"acronyms", "the eu and nato met at the u.n. with the un envoy.", nil},
		{"first names", "donald trump and george spoke to michael.", nil},
		{"title before a name", "somali president hassan sheikh mohamud spoke.", nil},
		{"organisation", "analysts at the cato institute and the university of melbourne disagreed.", nil},
		{"bracketed abbreviation", "the programme for international student assessment (pisa) said so.", nil},
		{"state of", "heavy rain hit the state of kerala.", []string{"kerala=place"}},
		{"country that is a word", "turkey condemned the attack.", []string{"turkey=metonym"}},
		{"roast turkey", "they ate a roast turkey.", nil},
		{"physical act on a town", "wagner fighters captured bakhmut.", []string{"bakhmut=place"}},
		{"paris, texas", "a tornado struck paris, texas, on sunday.", []string{"paris=place", "texas=place"}},
		{"all caps", "POLICE ARRESTED TWO MEN IN LUCKNOW. THE CHINA SHOP WAS LOOTED.", []string{"LUCKNOW=place"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range gc.Mentions(c.text) {
				if m.Kind != Demonym {
					got = append(got, m.Text+"="+m.Kind.String())
				}
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("%q: got %v, want %v", c.text, got, c.want)
			}
		})
	}
}

// TestLocateSentencesSameAsLocate checks that locating with the coder's
// sentences gives what Locate gives by splitting the text itself: on the
// geo goldens and (with ../shared) the VOA corpus.
func TestLocateSentencesSameAsLocate(t *testing.T) {
	gc := testGeocoder(t)
	p := testPipeline(t)
	for _, set := range []struct {
		name string
		docs func(testing.TB, *nlp.Pipeline) []evalDoc
	}{
		{"geo goldens", func(t testing.TB, p *nlp.Pipeline) []evalDoc {
			return append(evalGolden(t, p), evalMentionTexts(t, p)...)
		}},
		{"VOA corpus", evalVOA},
	} {
		t.Run(set.name, func(t *testing.T) {
			n := 0
			for _, d := range set.docs(t, p) {
				a := append([]egret.Event(nil), d.events...)
				b := append([]egret.Event(nil), d.events...)
				gc.Locate(&d.doc, a)
				gc.LocateSentences(&d.doc, p.Sentences(d.doc.Text), b)
				for i := range a {
					n++
					if describeOrNil(a[i].Location) != describeOrNil(b[i].Location) {
						t.Errorf("%s event %d: Locate %s, LocateSentences %s", d.id, i, describeOrNil(a[i].Location), describeOrNil(b[i].Location))
					}
				}
			}
			t.Logf("%d events located alike", n)
		})
	}
}

func describeOrNil(l *egret.Location) string {
	if l == nil {
		return "-"
	}
	return describe(l)
}
