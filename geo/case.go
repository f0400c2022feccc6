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

// caseStats counts the words of one sentence with a cased first letter
// (view counts them as it goes): all of them, those starting upper case,
// those of them not first in the sentence, those of two letters or more,
// and of these the ALL-CAPS ones (counted only when needed).
type caseStats struct{ words, upper, inner, long, caps int }

// count adds one word, its text s.
func (st *caseStats) count(s string) {
	c := s[0]
	lower, upper := 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z'
	if !lower && !upper {
		if c < utf8.RuneSelf {
			return
		}
		// Scripts without case (Arabic, Chinese) say nothing.
		r, _ := utf8.DecodeRuneInString(s)
		if upper, lower = unicode.IsUpper(r), unicode.IsLower(r); !upper && !lower {
			return
		}
	}
	st.add(s, upper)
}

// add adds one word with a cased first letter, upper case when upper.
func (st *caseStats) add(s string, upper bool) {
	if upper {
		st.upper++
		if st.words > 0 {
			st.inner++
		}
	}
	st.words++
	if letters(s) >= 2 {
		st.long++
	}
}

// caseRegimes returns, per sentence of sents, whether it is case-less,
// given their word counts; nil when none is (the common case).
//
// A document is lower-case when almost no word inside a sentence starts
// with a capital (under one in 50) and sentences do not start with one
// either (or it is long enough, 25 words, for the lack of names inside
// sentences to tell). A sentence is ALL-CAPS when four in five of its
// words of two or more letters are, and has at least three; a document
// is when that holds over all its words.
func caseRegimes(sents []nlp.Sentence, per []caseStats) []bool {
	var doc caseStats
	for i := range per {
		s := &per[i]
		doc.words += s.words
		doc.upper += s.upper
		doc.inner += s.inner
		doc.long += s.long
	}
	// All-caps words are counted only where capitals are many enough for
	// them to reach four in five: ordinary text never pays for it.
	allCaps := func(st *caseStats) bool { return st.long >= 3 && st.caps*5 >= st.long*4 }
	capsDoc := doc.long > 0 && doc.upper*5 >= doc.long*4
	capsSeen := false
	for si := range sents {
		s := &per[si]
		if !capsDoc && !(s.long >= 3 && s.upper*5 >= s.long*4) {
			continue
		}
		for k := range sents[si].Tokens {
			if t := &sents[si].Tokens[k]; t.Text != "" && t.Text[0] >= 'A' && (t.Text[0] <= 'Z' || t.Text[0] >= utf8.RuneSelf) && letters(t.Text) >= 2 && t.Text == t.Upper {
				s.caps++
			}
		}
		doc.caps += s.caps
		capsSeen = capsSeen || allCaps(s)
	}
	lowerDoc := doc.words > 0 && doc.inner*50 <= doc.words && ((doc.upper-doc.inner)*2 <= len(sents) || doc.words >= 25)
	upperDoc := capsDoc && doc.caps*5 >= doc.long*4
	if !lowerDoc && !upperDoc && !capsSeen {
		return nil
	}
	out := make([]bool, len(sents))
	for si := range per {
		out[si] = lowerDoc || upperDoc || allCaps(&per[si])
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
// whether it is also a common noun ("china" the material); its commonest
// tag. The case stage looks each word of a case-less sentence up once
// and keeps the answer in its token.
type word struct {
	flags uint8
	first nlp.Tag
}

const (
	lexKnown = 1 << iota
	lexName
	lexNNP
	lexNoun
)

func (w word) known() bool { return w.flags&lexKnown != 0 }
func (w word) name() bool  { return w.flags&lexName != 0 }
func (w word) nnp() bool   { return w.flags&lexNNP != 0 }
func (w word) noun() bool  { return w.flags&lexNoun != 0 }

// never reports an English word the lexicon never knows as a name.
func (w word) never() bool { return w.flags&(lexKnown|lexName|lexNNP) == lexKnown }

func (gc *Geocoder) lexWord(s string) word {
	set, first := gc.p.LexiconTags(s)
	if first == nlp.X {
		return word{}
	}
	w := word{flags: lexKnown, first: first}
	if first == nlp.NNP || first == nlp.NNPS {
		w.flags |= lexName
	}
	if set.Has(nlp.NNP) || set.Has(nlp.NNPS) {
		w.flags |= lexNNP
	}
	if set.Has(nlp.NN) || set.Has(nlp.NNS) {
		w.flags |= lexNoun
	}
	return w
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
		t.lex = w
		t.upper = !w.known() || w.name() || w.nnp() && (t.tag == nlp.NNP || t.tag == nlp.NNPS)
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
