package geo

import (
	"unicode"
	"unicode/utf8"

	"github.com/egret-events/egret/nlp"
)

// Stage case. Reads the coder's sentences (their tokens' text and tags)
// and writes, per sentence, whether its letter case tells names from words:
// in lower-case text (some archives and feeds) and ALL-CAPS text
// (headlines, wire slugs) it does not, and the sentence is case-less. For
// the tokens of case-less sentences it then rewrites token.upper, "may be
// a name", from what the lexicon (nlp's WordNet-derived word list) and the
// tags say instead of from the first letter. Sentences in ordinary case
// keep case as the evidence, unchanged.

// caseRegimes returns, per sentence of sents, whether it is case-less; nil
// when none is (the common case, found in one pass over the tokens).
//
// A document is lower-case when almost no word inside a sentence starts
// with a capital (under one in 50) and sentences do not start with one
// either (or it is long enough, 25 words, for the lack of names inside
// sentences to tell). A sentence is ALL-CAPS when four in five of its
// words of two or more letters are, and has at least three; a document
// is when that holds over all its words.
func caseRegimes(sents []nlp.Sentence) []bool {
	type stats struct{ words, upper, inner, long, caps int }
	var doc stats
	var per []stats
	capsSeen := false
	for si := range sents {
		var s stats
		first := true
		for k := range sents[si].Tokens {
			t := &sents[si].Tokens[k]
			if t.Text == "" {
				continue
			}
			c := t.Text[0]
			lower, upper := 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z'
			if !lower && !upper {
				if c < utf8.RuneSelf {
					continue
				}
				// Scripts without case (Arabic, Chinese) say nothing.
				r, _ := utf8.DecodeRuneInString(t.Text)
				if upper, lower = unicode.IsUpper(r), unicode.IsLower(r); !upper && !lower {
					continue
				}
			}
			s.words++
			if upper {
				s.upper++
				if !first {
					s.inner++
				}
				if letters(t.Text) >= 2 {
					s.long++
					if t.Text == t.Upper {
						s.caps++
					}
				}
			} else if letters(t.Text) >= 2 {
				s.long++
			}
			first = false
		}
		if s.caps*5 >= s.long*4 && s.long >= 3 {
			capsSeen = true
		}
		per = append(per, s)
		doc.words += s.words
		doc.upper += s.upper
		doc.inner += s.inner
		doc.long += s.long
		doc.caps += s.caps
	}
	lowerDoc := doc.words > 0 && doc.inner*50 <= doc.words && ((doc.upper-doc.inner)*2 <= len(sents) || doc.words >= 25)
	upperDoc := doc.long > 0 && doc.caps*5 >= doc.long*4
	if !lowerDoc && !upperDoc && !capsSeen {
		return nil
	}
	out := make([]bool, len(sents))
	for si, s := range per {
		out[si] = lowerDoc || upperDoc || s.caps*5 >= s.long*4 && s.long >= 3
	}
	return out
}

// letters counts the ASCII letters of s, up to 2.
func letters(s string) int {
	n := 0
	for i := 0; i < len(s) && n < 2; i++ {
		if isASCIILetter(s[i]) || s[i] >= 0x80 {
			n++
		}
	}
	return n
}

// tagged reports whether the sentence's tokens carry tags.
func tagged(s *nlp.Sentence) bool {
	for k := range s.Tokens {
		if s.Tokens[k].Tag != nlp.X {
			return true
		}
	}
	return len(s.Tokens) == 0
}

// word is what the lexicon says of one word: unknown to it, mainly a
// proper noun, or an English word that is also (nnp) or never a name;
// whether it is also a common noun ("china" the material).
type word struct {
	known, name, nnp, noun bool
	first                  nlp.Tag
}

func (gc *Geocoder) lexWord(s string) word {
	set, first := gc.p.LexiconTags(s)
	if first == nlp.X {
		return word{}
	}
	nnp := set.Has(nlp.NNP) || set.Has(nlp.NNPS)
	return word{known: true, name: first == nlp.NNP || first == nlp.NNPS, nnp: nnp, noun: set.Has(nlp.NN) || set.Has(nlp.NNS), first: first}
}

// nameLike sets token.upper for the tokens of case-less sentences: a word
// may be a name when the lexicon does not know it ("lucknow"), knows it
// mainly as a proper noun ("kolkata", "china"), or knows it also as one and
// the tagger tagged it so here.
func (gc *Geocoder) nameLike(text string, toks []token) {
	for k := range toks {
		t := &toks[k]
		if !t.caseless || !t.word {
			continue
		}
		s := text[t.start:t.end]
		if c := s[0]; c >= '0' && c <= '9' {
			t.upper = false
			continue
		}
		w := gc.lexWord(s)
		t.upper = !w.known || w.name || w.nnp && (t.tag == nlp.NNP || t.tag == nlp.NNPS)
	}
}

// closedTag reports function-word tags: such a word never starts a name.
func closedTag(t nlp.Tag) bool {
	switch t {
	case nlp.DT, nlp.PDT, nlp.IN, nlp.TO, nlp.CC, nlp.PRP, nlp.PRPS, nlp.WDT, nlp.WP, nlp.WPS, nlp.WRB, nlp.MD, nlp.EX, nlp.POS, nlp.CD, nlp.UH:
		return true
	}
	return false
}

// nounTag reports noun tags, and no tag at all.
func nounTag(t nlp.Tag) bool { return t == nlp.X || t.IsNoun() }
