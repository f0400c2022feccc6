package coder

import (
	"testing"

	"github.com/egret-events/egret/syntax"
)

// TestParseSegments checks which semicolons divide a sentence into
// clauses parsed apart, and that each later clause hangs from the first.
func TestParseSegments(t *testing.T) {
	c := loadDefault(t, Options{})
	for _, tc := range []struct {
		text   string
		pieces int
	}{
		{"Hamas militants fired rockets at Israeli towns; no casualties were reported.", 1},
		{"Supporters of Imran Khan set fire to a military building in Lahore; police fired tear gas to disperse them.", 1},
		{"Rebels attacked the town; the army retook it; five people died.", 2},
		// a list: the items hold no verb, or the last opens with "and"
		{"Gallagher's other clients include Jimmy Lai in Hong Kong; Nobel laureate Maria Ressa from the Philippines; and the family of journalist Daphne Caruana Galizia, who was killed in Malta in 2017.", 0},
		{"The delegation included the foreign minister; the defence minister; and the head of intelligence.", 0},
		// inside brackets, or too few words on a side
		{"The army (which denied it; see below) attacked the town.", 0},
		{"Yes; the army attacked the town.", 0},
		{"Police arrested the suspects.", 0},
	} {
		s := &state{wc: c.words, modern: c.modern}
		toks := c.p.TokenSentences(tc.text)[0].Tokens
		c.parse(s, toks)
		if len(s.pieces) != tc.pieces {
			t.Errorf("%q: %d pieces after the first, want %d", tc.text, len(s.pieces), tc.pieces)
			continue
		}
		if len(s.tree.Words) != len(s.words) {
			t.Errorf("%q: %d tree words for %d words", tc.text, len(s.tree.Words), len(s.words))
		}
		roots := 0
		for i := range s.words {
			if s.words[i].head < 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("%q: %d roots", tc.text, roots)
		}
		for i := range s.words { // every word reaches the root: no cycles
			h, steps := i, 0
			for ; h >= 0 && steps <= len(s.words); steps++ {
				h = int(s.words[h].head)
			}
			if h >= 0 {
				t.Errorf("%q: word %d %q is in a cycle", tc.text, i, s.words[i].key)
			}
		}
		for _, p := range s.pieces {
			if h := int(s.words[p].head); h < 0 || s.words[h].head >= 0 {
				t.Errorf("%q: piece root %q hangs from %d, not the sentence's root", tc.text, s.words[p].key, h)
			}
		}
	}
}

// TestRepairedAttachments checks repairs that change no event on their
// own but put a phrase where it belongs: word sits inside the phrase of
// the word under.
func TestRepairedAttachments(t *testing.T) {
	c := loadDefault(t, Options{})
	for _, tc := range []struct {
		text, word, under string
		direct            bool       // word hangs on under itself
		rel               syntax.Rel // and with this relation (NoRel: any)
	}{
		// a title read as an oblique of the verb beside the subject's name
		{"Opposition candidate Venancio Mondlane rejected the results and declared himself the winner.", "CANDIDATE", "MONDLANE", false, syntax.NoRel},
		// an according-to phrase read as a conjunct of the victims hangs
		// on a verb
		{"Police fired tear gas at protesters in Lagos, injuring at least twenty people, according to local rights groups.", "GROUPS", "INJURING", true, syntax.NoRel},
		// a hyphenated affiliation read as a preposition
		{"Indian Prime Minister Atal Behari Vajpayee blamed Pakistan-based militants on Thursday for a suicide attack on parliament in New Delhi.", "MILITANTS", "BLAMED", true, syntax.Obj},
		// the speakers swallowed by a participle hung on the speech verb
		{"Syrian security forces opened fire on mourners in the city of Daraa on Sunday, killing at least five people, activists said.", "ACTIVISTS", "SAID", true, syntax.Nsubj},
		// the victims read as an unmarked oblique of the reporting tail
		{"Ugandan rebels of the Lord's Resistance Army killed at least 45 villagers in northeastern Congo, a UN official said.", "VILLAGERS", "KILLED", true, syntax.Obj},
	} {
		s := &state{wc: c.words, modern: c.modern}
		toks := c.p.TokenSentences(tc.text)[0].Tokens
		c.parse(s, toks)
		w, u := -1, -1
		for i := range s.words {
			switch s.words[i].key {
			case tc.word:
				w = i
			case tc.under:
				u = i
			}
		}
		if w < 0 || u < 0 {
			t.Fatalf("%q: no %s or %s", tc.text, tc.word, tc.under)
		}
		// the name's head may be any word of the name: climb to the phrase's top
		top := u
		for h := int(s.words[top].head); h >= 0 && s.words[top].rel.Universal() == syntax.Flat; h = int(s.words[top].head) {
			top = h
		}
		if tc.direct && (int(s.words[w].head) != u || tc.rel != syntax.NoRel && s.words[w].rel != tc.rel) || !tc.direct && !s.ancestorOf(top, w) && !s.ancestorOf(u, w) {
			t.Errorf("%q: %s is not inside %s's phrase:\n%s", tc.text, tc.word, tc.under, s.tree.Tree())
		}
	}
}
