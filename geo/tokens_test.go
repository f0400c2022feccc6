package geo

import (
	"strings"
	"testing"
)

// TestTokenView checks geo's view of the coder's tokens: possessives
// folded, hyphenated parts joined, abbreviation dots apart, "U.S." whole,
// sentence starts from the coder's sentences.
func TestTokenView(t *testing.T) {
	p := testPipeline(t)
	for _, c := range []struct{ text, want string }{
		{"U.S. forces hit Syria’s Deir ez-Zor. Mr. Smith said: \"Idlib's fine.\"\n\nNext",
			"^U.S. forces hit Syria+POS Deir ez ~Zor . ^Mr . Smith said : \" Idlib+POS fine . \" ^Next"},
		{"Moscow-backed forces took al-Bab, Gen. Ali said.", "^Moscow ~backed forces took al ~Bab , Gen . Ali said ."},
		{"The U.S.-led coalition - and others - left.", "^The U.S. ~led coalition - and others - left ."},
	} {
		sents := p.Sentences(c.text)
		toks, ok := view(c.text, sents, nil, make([]caseStats, len(sents)))
		if !ok {
			t.Fatalf("%q: sentences do not fit the text", c.text)
		}
		var got []string
		for _, tk := range toks {
			s := c.text[tk.start:tk.end]
			if tk.poss {
				s += "+POS"
			}
			if tk.joined {
				s = "~" + s
			}
			if tk.sentStart {
				s = "^" + s
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("tokens of %q:\n got %s\nwant %s", c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestTokenViewMisfit checks that sentences of another text are refused.
func TestTokenViewMisfit(t *testing.T) {
	p := testPipeline(t)
	sents := p.Sentences("A much longer text than the one located, in Idlib.")
	if _, ok := view("Short.", sents, nil, make([]caseStats, len(sents))); ok {
		t.Error("sentences running past the text were accepted")
	}
	gc := testGeocoder(t)
	text := "Clashes erupted in Idlib."
	if ms := gc.analyze(text, sents, nil).mentions; len(ms) != 1 || ms[0].Text != "Idlib" {
		t.Errorf("with misfit sentences, mentions %+v, want Idlib from the text's own split", ms)
	}
}
