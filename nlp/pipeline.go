package nlp

import (
	"unicode"
	"unicode/utf8"

	"github.com/egret-events/egret"
)

// Pipeline splits, tokenizes, tags and lemmatizes text. It holds only
// immutable data, so one Pipeline is safe for concurrent use.
type Pipeline struct {
	lex *lexicon
	cal *Calendar
	// calendar words: weekdays with today and yesterday, and month names
	days, months map[string]bool
}

// New returns a pipeline over the embedded lexicon, which is parsed once
// per process and shared.
func New() (*Pipeline, error) {
	lx, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	cal, err := LoadCalendar()
	if err != nil {
		return nil, err
	}
	return &Pipeline{lex: lx, cal: cal, days: cal.Words(Weekday, NearDay), months: cal.Words(Month)}, nil
}

// Calendar returns the calendar words the pipeline tags with.
func (p *Pipeline) Calendar() *Calendar { return p.cal }

// maxSentenceTokens bounds a sentence so that text without punctuation (a
// table, a 10 MB line) cannot hand the coder one huge sentence; longer runs
// are cut, preferably at a comma or semicolon. No text is dropped.
const maxSentenceTokens = 400

// Sentences splits text into sentences of tagged, lemmatized tokens. Token
// and sentence offsets are byte offsets into text.
func (p *Pipeline) Sentences(text string) []Sentence {
	n := tokenCapacity(text)
	toks, ents := p.tokenize(text, make([]Token, 0, n), make([]*entry, 0, n))
	bounds := p.boundaries(text, toks)
	names := p.documentNames(toks, ents)
	sents := make([]Sentence, 0, len(bounds))
	start := 0
	for _, end := range bounds {
		ts := toks[start:end:end]
		p.tag(ts, ents[start:end], names)
		sents = append(sents, Sentence{Index: len(sents), Start: ts[0].Start, End: ts[len(ts)-1].End, Tokens: ts})
		start = end
	}
	return sents
}

// TokenSentences splits text into sentences of tokens like Sentences but
// leaves Tag and Lemma empty, for callers with their own tagger.
func (p *Pipeline) TokenSentences(text string) []Sentence {
	toks, _ := p.tokenize(text, make([]Token, 0, tokenCapacity(text)), nil)
	bounds := p.boundaries(text, toks)
	sents := make([]Sentence, 0, len(bounds))
	start := 0
	for _, end := range bounds {
		ts := toks[start:end:end]
		sents = append(sents, Sentence{Index: len(sents), Start: ts[0].Start, End: ts[len(ts)-1].End, Tokens: ts})
		start = end
	}
	return sents
}

// SplitSentences returns the byte span of each sentence in text.
func (p *Pipeline) SplitSentences(text string) []egret.Span {
	toks, _ := p.tokenize(text, make([]Token, 0, tokenCapacity(text)), nil)
	bounds := p.boundaries(text, toks)
	spans := make([]egret.Span, 0, len(bounds))
	start := 0
	for _, end := range bounds {
		spans = append(spans, egret.Span{Start: toks[start].Start, End: toks[end-1].End})
		start = end
	}
	return spans
}

// Tag fills Tag and Lemma of toks in place, treating toks as one sentence.
// Tokens need Text; an empty Upper is filled in.
func (p *Pipeline) Tag(toks []Token) {
	var buf []byte
	for i := range toks {
		if toks[i].Upper == "" && toks[i].Text != "" {
			toks[i].Upper, _, buf = p.upper(toks[i].Text, buf)
		}
	}
	p.tag(toks, nil, nil)
}

// documentNames collects common words the document capitalises in the
// middle of a sentence ("Trump", "State"), so that at the start of a
// sentence, where case says nothing, they are still read as names.
func (p *Pipeline) documentNames(toks []Token, ents []*entry) map[string]bool {
	var names map[string]bool
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		if t.Text == "" || t.Text[0] < 'A' || t.Text[0] > 'Z' || len(t.Text) < 2 || t.Text[1] < 'a' || t.Text[1] > 'z' {
			continue
		}
		pt := toks[i-1].Text
		if pt == "" || !(pt[0] >= 'a' && pt[0] <= 'z' || pt[0] >= 'A' && pt[0] <= 'Z' || pt == ",") {
			continue // after punctuation or a quote a capital proves nothing
		}
		if pt[0] >= 'A' && pt[0] <= 'Z' && !(i+1 < len(toks) && toks[i+1].Text != "" && toks[i+1].Text[0] >= 'a' && toks[i+1].Text[0] <= 'z') {
			continue // inside a run of capitals, perhaps a title-case headline
		}
		e := ents[i]
		if e == nil || e.tags[0] == NNP || closedFirst(e) {
			continue
		}
		if names == nil {
			names = make(map[string]bool)
		}
		names[t.Upper] = true
	}
	return names
}

// sentenceStarters are capitalised words that, after an abbreviation such as
// "U.S.", signal that a new sentence began.
var sentenceStarters = map[string]bool{
	"THE": true, "HE": true, "SHE": true, "IT": true, "THEY": true, "WE": true, "I": true, "BUT": true,
	"IN": true, "A": true, "AN": true, "THIS": true, "THAT": true, "THERE": true, "THESE": true, "THOSE": true,
	"HIS": true, "HER": true, "ITS": true, "THEIR": true, "ON": true, "AT": true, "AFTER": true, "SOME": true,
	"MANY": true, "MEANWHILE": true, "HOWEVER": true, "WHEN": true, "WHILE": true, "IF": true,
	"AS": true, "OUR": true, "YOU": true, "MOST": true, "ALL": true, "NO": true, "WHAT": true, "WHO": true,
	"OFFICIALS": true, "LAST": true, "EARLIER": true, "LATER": true, "SINCE": true, "BY": true, "FOR": true,
}

// afterInitial are sentence starters that never follow an initial ("Joel
// D. Rayburn"): after a single capital and a period ("on social media
// platform X. He added") they begin a new sentence.
var afterInitial = map[string]bool{
	"HE": true, "SHE": true, "IT": true, "THEY": true, "WE": true, "THE": true, "THIS": true, "THESE": true,
	"HIS": true, "HER": true, "ITS": true, "THEIR": true, "OUR": true,
}

func isTerminal(up string) bool {
	switch up {
	case ".", "!", "?", "...", "?!", "!?", "!!", "??":
		return true
	}
	if len(up) > 1 && (up[0] == '.' || up[0] == '!' || up[0] == '?') {
		for i := 1; i < len(up); i++ {
			if up[i] != '.' && up[i] != '!' && up[i] != '?' {
				return false
			}
		}
		return true
	}
	return false
}

func isCloser(up string) bool {
	switch up {
	case "\"", "'", ")", "]", "}", "''", "'S":
		return up != "'S"
	}
	return false
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	if s == "" {
		return utf8.RuneError
	}
	if s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// caseless reports text written without capitals (some archives and
// feeds lower-case everything): fewer than one word in fifty starts with
// a capital, or, in a short item, none of six or more words does, so a
// sentence may start with a small letter.
func caseless(toks []Token) bool {
	words, caps := 0, 0
	for i := range toks {
		r := firstRune(toks[i].Text)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 20 && caps*50 < words || words >= 6 && caps == 0
}

func startsUpperOrDigit(s string) bool {
	r := firstRune(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || (r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.IsLower(r))
}

// blankLine reports whether gap (the text between two tokens) holds an
// empty line, which always ends a sentence.
func blankLine(gap string) bool {
	nl := false
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			if nl {
				return true
			}
			nl = true
		case ' ', '\t', '\r', '\f', '\v':
		default:
			if gap[i] < utf8.RuneSelf {
				nl = false
			}
		}
	}
	return false
}

// boundaries returns the exclusive end index in toks of every sentence.
func (p *Pipeline) boundaries(text string, toks []Token) []int {
	var out []int
	start := 0
	lower := caseless(toks)
	cut := func(end int) {
		if end > start {
			out = append(out, end)
			start = end
		}
	}
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && blankLine(text[toks[i].End:toks[i+1].Start]) {
			cut(i + 1)
			continue
		}
		if i+1-start >= maxSentenceTokens {
			end := i + 1
			for j := i; j > start+maxSentenceTokens/2; j-- {
				if u := toks[j].Upper; u == "," || u == ";" || u == ":" {
					end = j + 1
					break
				}
			}
			cut(end)
			i = end - 1
			continue
		}
		up := toks[i].Upper
		abbrev := len(up) > 1 && up[len(up)-1] == '.' && !isTerminal(up)
		if !isTerminal(up) && !abbrev {
			continue
		}
		k := i + 1
		for k < len(toks) && isCloser(toks[k].Upper) && toks[k].Start == toks[k-1].End {
			k++
		}
		if k >= len(toks) {
			cut(len(toks))
			break
		}
		next := toks[k]
		if next.Start == toks[k-1].End && !isCloser(toks[k-1].Upper) {
			continue // "3.5", "U.S.-led": no space, no boundary
		}
		if abbrev {
			word := up[:len(up)-1]
			if titleAbbrevs[lowerASCII(word)] || len(word) == 1 && !afterInitial[next.Upper] || !sentenceStarters[next.Upper] || !startsUpperOrDigit(next.Text) {
				continue
			}
			cut(k)
			i = k - 1
			continue
		}
		nu := next.Upper
		opener := nu == "\"" || nu == "(" || nu == "[" || nu == "'" || nu == "``" || nu == "-" || nu == "--"
		if startsUpperOrDigit(next.Text) || opener || lower && unicode.IsLetter(firstRune(next.Text)) {
			cut(k)
			i = k - 1
		}
	}
	cut(len(toks))
	return out
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
