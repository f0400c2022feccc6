package geo

import (
	"unicode"
	"unicode/utf8"

	"github.com/egret-events/egret/nlp"
)

// Stage tokens. Reads the coder's sentences ([]nlp.Sentence: tokens with
// byte offsets into the document text, and their tags) and writes geo's
// view of them, []token: the parts of a hyphenated word ("Deir ez-Zor",
// "Moscow-backed") as words joined to the one before, a possessive 's
// folded into its word's poss flag, the dot of an abbreviation ("Gen.")
// kept apart as the tokenizer of "U.S." keeps it whole, punctuation
// classed. Nothing is re-tokenised: every token is a slice of one of the
// coder's tokens, and carries its tag.

// token is one word or punctuation mark of the document.
type token struct {
	start, end int32
	word       bool
	upper      bool // may be (part of) a name: first letter upper case, or in case-less text what the case stage decides
	poss       bool // followed by 's / ’s
	sentStart  bool // first word of a sentence
	joined     bool // joined to the previous token by a hyphen
	punct      byte // for punctuation: the ASCII char, or '-' for dashes, '"' for quotes
	caseless   bool // in a sentence whose letter case tells nothing (the case stage)
	lex        word // in a case-less sentence, what the lexicon says of the word
	tag        nlp.Tag
	sentence   int32
}

// view appends geo's tokens for sents, the sentences of text, to toks, and
// counts the cased words of each sentence into per (per[i] for sents[i])
// for the case stage. It reports false when the sentences do not fit text
// (token offsets outside it or out of order).
func view(text string, sents []nlp.Sentence, toks []token, per []caseStats) ([]token, bool) {
	join := false
	last := 0
	for si := range sents {
		first := true
		ts := sents[si].Tokens
		for k := range ts {
			t := &ts[k]
			if t.Start < last || t.End > len(text) || t.End < t.Start {
				return toks, false
			}
			last = t.End
			if t.End == t.Start {
				continue
			}
			s := text[t.Start:t.End]
			r := rune(s[0])
			if c := s[0]; c < utf8.RuneSelf && (c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9') {
				// The common case, an ASCII word, without decoding.
				if c >= 'A' {
					upper := c <= 'Z'
					per[si].add(s, upper)
					toks = words(toks, s, t, int32(si), first, upper, join)
				} else {
					toks = words(toks, s, t, int32(si), first, false, join)
				}
				first, join = false, false
				continue
			}
			if r >= utf8.RuneSelf {
				r, _ = utf8.DecodeRuneInString(s)
			}
			if isLetter(r) || r >= '0' && r <= '9' {
				per[si].count(s)
				toks = words(toks, s, t, int32(si), first, upperFirst(s), join)
				first, join = false, false
				continue
			}
			join = false
			n := len(toks)
			// "Russia's": the clitic marks the word before it.
			if n > 0 && toks[n-1].word && int(toks[n-1].end) == t.Start && isPossessive(s) {
				toks[n-1].poss = true
				continue
			}
			// A hyphen the coder kept apart between two words joins them.
			if s == "-" && n > 0 && toks[n-1].word && int(toks[n-1].end) == t.Start && k+1 < len(ts) && ts[k+1].Start == t.End && startsWord(text, ts[k+1].Start) {
				join = true
				continue
			}
			p := byte('?')
			switch {
			case s[0] < utf8.RuneSelf:
				p = s[0]
			case r == '—' || r == '–':
				p = '-'
			case r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»':
				p = '"'
			}
			toks = append(toks, token{start: int32(t.Start), end: int32(t.Start + len(s)), punct: p, tag: t.Tag, sentence: int32(si)})
		}
	}
	return toks, true
}

func startsWord(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isLetter(r) || r >= '0' && r <= '9'
}

func isPossessive(s string) bool {
	return s == "'s" || s == "'S" || s == "’s" || s == "’S"
}

// words appends the words of the coder's word token t (text s, starting
// upper case when upper, joined to the word before when join): the parts
// of a hyphenated word, joined, and an abbreviation's final dot apart.
func words(toks []token, s string, t *nlp.Token, sent int32, first, upper, join bool) []token {
	base := int32(t.Start)
	if s[len(s)-1] != '.' && !hasHyphen(s) {
		// Most words: one token.
		return append(toks, token{start: base, end: base + int32(len(s)), word: true, upper: upper, sentStart: first, joined: join, tag: t.Tag, sentence: sent})
	}
	i := 0
	joined := join
	for i < len(s) {
		j := i
		for j < len(s) && !(s[j] == '-' && j > i && j+1 < len(s) && s[j+1] != '-') {
			j++
		}
		end := j
		// "Gen.", "St.": the dot is not part of the word; "U.S." keeps it.
		if end == len(s) && end-i > 1 && s[end-1] == '.' && !hasDot(s[i:end-1]) {
			end--
		}
		toks = append(toks, token{start: base + int32(i), end: base + int32(end), word: true, upper: upperFirst(s[i:]), sentStart: first, joined: joined, tag: t.Tag, sentence: sent})
		first = false
		if end < j {
			toks = append(toks, token{start: base + int32(end), end: base + int32(j), punct: '.', tag: t.Tag, sentence: sent})
		}
		if j < len(s) {
			j++ // the hyphen
		}
		i = j
		joined = true
	}
	return toks
}

// upperFirst reports whether s starts with an upper-case letter.
func upperFirst(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasHyphen(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == '-' {
			return true
		}
	}
	return false
}

func hasDot(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return true
		}
	}
	return false
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tokens returns geo's view of text: of sents when they fit it, else of
// the sentences the pipeline splits it into. Case-less sentences without
// tags are tagged first (a copy, when they are the caller's).
func (gc *Geocoder) tokens(text string, sents []nlp.Sentence) []token {
	if sents != nil {
		if toks, ok := gc.tokensOf(text, sents, false); ok {
			return toks
		}
	}
	toks, _ := gc.tokensOf(text, gc.p.TokenSentences(text), true)
	return toks
}

// tokensOf is tokens over sents, which are the caller's unless own.
func (gc *Geocoder) tokensOf(text string, sents []nlp.Sentence, own bool) ([]token, bool) {
	per := make([]caseStats, len(sents))
	toks, ok := view(text, sents, make([]token, 0, len(text)/5+8), per)
	if !ok {
		return toks, false
	}
	caseless := caseRegimes(sents, per)
	if caseless == nil {
		return toks, true
	}
	retag := false
	for si := range caseless {
		if !caseless[si] || tagged(&sents[si]) {
			continue
		}
		if !own {
			sents = append([]nlp.Sentence(nil), sents...)
			own = true
		}
		sents[si].Tokens = append([]nlp.Token(nil), sents[si].Tokens...)
		gc.p.Tag(sents[si].Tokens)
		retag = true
	}
	if retag {
		clear(per)
		toks, _ = view(text, sents, toks[:0], per)
	}
	for k := range toks {
		toks[k].caseless = caseless[toks[k].sentence]
	}
	gc.nameLike(text, toks)
	return toks, true
}
