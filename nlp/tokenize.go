package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenization follows the Penn Treebank conventions the PETRARCH
// dictionaries and parses assume: possessive 's and other clitics ('re, 've,
// 'll, 'd, 'm) are split off, "didn't" becomes "did" + "n't" and "can't" /
// "won't" become "ca" / "wo" + "n't" (lemmas CAN, WILL, NOT). Abbreviations
// keep their period, hyphenated words and numbers stay whole, URLs and
// e-mail addresses are single tokens. Every byte of invalid UTF-8 becomes
// its own token so offsets always stay exact.

// abbreviations keep their final period (lower case, without the period).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "cmdr": true, "gov": true, "sen": true,
	"rep": true, "reps": true, "rev": true, "st": true, "jr": true, "sr": true, "inc": true, "ltd": true,
	"corp": true, "co": true, "bros": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "vs": true,
	"etc": true, "approx": true, "dept": true, "univ": true, "ft": true, "mt": true, "ave": true,
	"blvd": true, "est": true, "fig": true, "al": true, "cf": true, "pres": true, "supt": true, "gens": true,
	"brig": true, "cpl": true, "pvt": true, "messrs": true, "mme": true, "mlle": true, "hon": true,
	"no": true, "nos": true, "vol": true, "pp": true, "ch": true, "art": true, "op": true, "ed": true,
}

// titleAbbrevs precede a name, so they never end a sentence.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "cmdr": true, "gov": true, "sen": true,
	"rep": true, "reps": true, "rev": true, "st": true, "pres": true, "supt": true, "gens": true, "brig": true,
	"cpl": true, "pvt": true, "messrs": true, "mme": true, "mlle": true, "hon": true, "no": true, "nos": true,
	"vs": true, "mt": true, "ft": true, "fig": true, "vol": true, "pp": true, "art": true, "op": true, "cf": true,
}

var tlds = map[string]bool{"com": true, "org": true, "net": true, "gov": true, "edu": true, "int": true, "mil": true,
	"io": true, "info": true, "ru": true, "uk": true, "ua": true, "de": true, "fr": true, "cn": true, "eu": true}

func isASCIIAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }

// wordRuneAt reports whether a letter, digit or combining mark starts at i,
// and its size.
func wordRuneAt(s string, i int) (bool, int) {
	if i >= len(s) {
		return false, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIIAlpha(c) || isDigit(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n <= 1 {
		return false, 1
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r), n
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIIAlpha(c)
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return !(r == utf8.RuneError && n <= 1) && unicode.IsLetter(r)
}

func digitAt(s string, i int) bool { return i < len(s) && isDigit(s[i]) }

// apostropheAt returns the byte length of an apostrophe (' or ’) at i, or 0.
func apostropheAt(s string, i int) int {
	if i < len(s) && s[i] == '\'' {
		return 1
	}
	if strings.HasPrefix(s[i:], "\u2019") {
		return 3
	}
	return 0
}

func isSpaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n <= 1 {
		return false, 1
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060', n
}

// clitic reports whether the letters at s[i:] (after an apostrophe) form a
// clitic that the Treebank splits off, returning its length.
func clitic(s string, i int) int {
	j := i
	for j < len(s) && isASCIIAlpha(s[j]) && j-i < 3 {
		j++
	}
	if j < len(s) && (isASCIIAlpha(s[j]) || s[j] >= utf8.RuneSelf && letterAt(s, j)) {
		return 0
	}
	switch strings.ToLower(s[i:j]) {
	case "s", "re", "ve", "ll", "d", "m":
		return j - i
	}
	return 0
}

// Tokenize splits text into tokens with byte offsets and normalised
// upper-case forms; Tag is left X and Lemma empty (see Tag).
func (p *Pipeline) Tokenize(text string) []Token {
	toks, _ := p.tokenize(text, make([]Token, 0, tokenCapacity(text)), nil)
	return toks
}

// tokenize appends the tokens of text to toks; when ents is not nil it also
// appends each token's lexicon entry, so tagging need not look words up
// again.
func (p *Pipeline) tokenize(text string, toks []Token, ents []*entry) ([]Token, []*entry) {
	var buf []byte
	keep := ents != nil
	emit := func(start, end int) {
		var up string
		var e *entry
		up, e, buf = p.upper(text[start:end], buf)
		toks = append(toks, Token{Text: text[start:end], Upper: up, Start: start, End: end})
		if keep {
			ents = append(ents, e)
		}
	}
	i := 0
	for i < len(text) {
		if sp, n := isSpaceAt(text, i); sp {
			i += n
			continue
		}
		if end := urlEnd(text, i); end > i {
			emit(i, end)
			i = end
			continue
		}
		if w, _ := wordRuneAt(text, i); w {
			i = p.scanWord(text, i, emit)
			continue
		}
		emit(i, punctEnd(text, i))
		i = toks[len(toks)-1].End
	}
	return toks, ents
}

// urlEnd returns the end of a URL starting at i, or i.
func urlEnd(s string, i int) int {
	c := s[i] | 0x20
	if c != 'h' && c != 'w' {
		return i
	}
	rest := s[i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return i
	}
	j := i
	for j < len(s) {
		if sp, _ := isSpaceAt(s, j); sp || s[j] == '"' || s[j] == '<' || s[j] == '>' {
			break
		}
		j++
	}
	return trimTrailingPunct(s, i, j)
}

// trimTrailingPunct drops sentence punctuation and closing quotes glued to
// the end of a URL or e-mail address.
func trimTrailingPunct(s string, i, j int) int {
	for j > i {
		c := s[j-1]
		if strings.IndexByte(".,;:!?)]}'\"", c) >= 0 {
			j--
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(s[i:j]); n > 1 && (r == '\u2019' || r == '\u201d') {
			j -= n
			continue
		}
		break
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// emailEnd returns the end of an e-mail address whose local part starts at
// start when an '@' follows within 64 bytes of address characters, or -1.
func emailEnd(s string, start int) int {
	j := start
	for j < len(s) && j-start < 64 {
		c := s[j]
		if isASCIIAlpha(c) || isDigit(c) || strings.IndexByte("._%+-", c) >= 0 {
			j++
			continue
		}
		break
	}
	if j == start || j >= len(s) || s[j] != '@' {
		return -1
	}
	k := j + 1
	dot := false
	for k < len(s) && (isASCIIAlpha(s[k]) || isDigit(s[k]) || s[k] == '.' || s[k] == '-') {
		if s[k] == '.' {
			dot = true
		}
		k++
	}
	k = trimTrailingPunct(s, j+1, k)
	if !dot || k <= j+1 {
		return -1
	}
	return k
}

// scanWord reads one word starting at start (a letter or digit), emitting
// it and any clitic split off it, and returns where scanning resumes.
func (p *Pipeline) scanWord(s string, start int, emit func(int, int)) int {
	j := start
	segStart := start // start of the current dot-separated segment
	dotted := false   // word has internal periods (U.S, e.g)
	for j < len(s) {
		if w, n := wordRuneAt(s, j); w {
			j += n
			continue
		}
		c := s[j]
		switch {
		case c == '.':
			if e := emailEnd(s, start); e > j {
				emit(start, e)
				return e
			}
			if digitAt(s, j-1) && digitAt(s, j+1) {
				j++
				continue
			}
			if letterAt(s, j+1) && j-segStart <= 2 && allLetters(s[segStart:j]) && shortSegmentAfter(s, j+1) {
				dotted = true
				j++
				segStart = j
				continue
			}
			if letterAt(s, j+1) && tldAt(s, j+1) {
				j++
				segStart = j
				continue
			}
		case c == '@':
			if e := emailEnd(s, start); e > j {
				emit(start, e)
				return e
			}
		case c == ',':
			if digitAt(s, j-1) && digitAt(s, j+1) && digitAt(s, j+2) && digitAt(s, j+3) && !digitAt(s, j+4) {
				j++
				continue
			}
		case c == ':' || c == '/':
			if digitAt(s, j-1) && digitAt(s, j+1) {
				j++
				continue
			}
		case c == '&':
			if j+1 < len(s) && s[j-1] >= 'A' && s[j-1] <= 'Z' && s[j+1] >= 'A' && s[j+1] <= 'Z' {
				j++
				continue
			}
		case c == '-':
			if w, _ := wordRuneAt(s, j+1); w {
				j++
				segStart = j
				continue
			}
			// "anti- Gondor": a prefix cut off by a space keeps its hyphen
			if k := j + 1; k < len(s) && s[k] == ' ' && letterAt(s, k+1) && allLetters(s[start:j]) && j-start <= 8 {
				emit(start, j+1)
				return j + 1
			}
		}
		if a := apostropheAt(s, j); a > 0 {
			// n't
			if j-start >= 2 && (s[j-1] == 'n' || s[j-1] == 'N') && j+a < len(s) && (s[j+a]|0x20) == 't' && !letterAt(s, j+a+1) {
				emit(start, j-1)
				emit(j-1, j+a+1)
				return j + a + 1
			}
			if n := clitic(s, j+a); n > 0 {
				emit(start, j)
				emit(j, j+a+n)
				return j + a + n
			}
			if letterAt(s, j+a) { // O'Brien, al-Rufay'i
				j += a
				continue
			}
		}
		break
	}
	end := j
	if end-start == 6 && strings.EqualFold(s[start:end], "cannot") {
		// Treebank: "cannot" is "can" + "not"
		emit(start, start+3)
		emit(start+3, end)
		return end
	}
	// a period belonging to the word: abbreviations, initials, U.S.
	if end < len(s) && s[end] == '.' {
		word := s[start:end]
		if dotted || (end-start == 1 && s[start] >= 'A' && s[start] <= 'Z') || isAbbrev(word, s, end+1) {
			end++
			// U.S.-led, U.K.-U.S.
			if end+1 < len(s) && s[end] == '-' && letterAt(s, end+1) {
				seg := end
				for end < len(s) {
					if w, n := wordRuneAt(s, end); w {
						end += n
					} else if s[end] == '-' && letterAt(s, end+1) {
						end++
						seg = end
					} else if s[end] == '.' && end-seg >= 1 && end-seg <= 2 && s[seg] >= 'A' && s[seg] <= 'Z' && allLetters(s[seg:end]) {
						end++
						seg = end
					} else {
						break
					}
				}
			}
		}
	}
	emit(start, end)
	if end > start && s[end-1] == '.' {
		// U.K.'s: the clitic after an abbreviation's period
		if a := apostropheAt(s, end); a > 0 {
			if n := clitic(s, end+a); n > 0 {
				emit(end, end+a+n)
				return end + a + n
			}
		}
	}
	return end
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIAlpha(s[i]) {
			return false
		}
	}
	return s != ""
}

// shortSegmentAfter reports whether a dotted abbreviation continues at i
// with 1-2 letters followed by a period or a non-letter (U.S, e.g, a.m).
func shortSegmentAfter(s string, i int) bool {
	j := i
	for j < len(s) && isASCIIAlpha(s[j]) {
		j++
	}
	return j-i >= 1 && j-i <= 2 && (j >= len(s) || s[j] == '.' || !letterAt(s, j))
}

func tldAt(s string, i int) bool {
	j := i
	for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	if j < len(s) && letterAt(s, j) {
		return false
	}
	return tlds[s[i:j]]
}

func isAbbrev(word, s string, after int) bool {
	if len(word) > 7 {
		return false
	}
	var lb [8]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if !isASCIIAlpha(c) {
			return false
		}
		lb[i] = c | 0x20
	}
	lw := string(lb[:len(word)])
	if !abbreviations[lw] {
		return false
	}
	if lw == "no" || lw == "nos" || lw == "art" || lw == "op" || lw == "ed" || lw == "vol" || lw == "ch" || lw == "pp" {
		// "No. 2" but "said no."
		k := after
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return k < len(s) && isDigit(s[k]) && word[0] >= 'A' && word[0] <= 'Z' || lw == "pp" && k < len(s) && isDigit(s[k])
	}
	return true
}

// punctEnd returns the end of the punctuation token starting at i; runs of
// dots, ! and ?, hyphens, backquotes and apostrophes stay together ("...", "?!", "--").
func punctEnd(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		j := i + 1
		switch c {
		case '.', '!', '?':
			for j < len(s) && (s[j] == '.' || s[j] == '!' || s[j] == '?') {
				j++
			}
		case '-', '`', '\'':
			for j < len(s) && s[j] == c {
				j++
			}
		}
		return j
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n // n == 1 for invalid bytes
}

// upper returns the normalised upper-case form of w, interned from the
// lexicon when known so the hot path rarely allocates.
func (p *Pipeline) upper(w string, buf []byte) (string, *entry, []byte) {
	buf = buf[:0]
	same := true
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
				same = false
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && n <= 1 {
			buf = append(buf, c)
			i++
			continue
		}
		i += n
		same = false
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032':
			buf = append(buf, '\'')
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
			buf = append(buf, '"')
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			buf = append(buf, '-')
		case '\u2026':
			buf = append(buf, "..."...)
		default:
			buf = utf8.AppendRune(buf, unicode.ToUpper(r))
		}
	}
	if e := p.lex.find(buf); e != nil {
		return e.key, e, buf
	}
	if same {
		return w, nil, buf
	}
	return string(buf), nil, buf
}

// tokenCapacity guesses the token count of text (news averages about six
// bytes a token) without letting one huge input reserve memory up front.
func tokenCapacity(text string) int {
	n := len(text)/5 + 1
	if n > 1<<15 {
		n = 1 << 15
	}
	return n
}
