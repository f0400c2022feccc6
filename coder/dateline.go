package coder

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Datelines and bylines are metadata, never actors: "BEIRUT (Reuters) -",
// "KYIV, Ukraine —", "NEW DELHI:", "By Jane Doe". Stage "dateline" reads
// the document text and yields the byte offset where the story proper
// begins and the dateline's place, which the document context uses to
// infer the story's country. Words before that offset are not coded.

// dateline is what findDateline found: the story starts at End; Place is
// the dateline's place ("BEIRUT", "Kyiv, Ukraine"), empty for a byline alone.
type dateline struct {
	End   int
	Place string
}

// findDateline recognises a byline line and a dateline at the start of
// text. known reports whether a lower-case candidate place is a known
// place name (lower-case archives write "new delhi: police ..."); it may
// be nil.
func (w *wordClasses) findDateline(text string, known func(place string) bool) dateline {
	var d dateline
	pos := skipSpace(text, 0)
	// a byline on a line of its own: "By Jane Doe"
	if strings.HasPrefix(text[pos:], "By ") || strings.HasPrefix(text[pos:], "BY ") {
		if nl := strings.IndexByte(text[pos:], '\n'); nl > 0 && nl < 80 && nameWords(text[pos+3:pos+nl]) {
			pos = skipSpace(text, pos+nl+1)
			d.End = pos
		}
	}
	rest := text[pos:]
	if len(rest) > 120 {
		rest = rest[:120]
	}
	cut, after := datelineSeparator(rest, func(a string) bool { return w.agencies[strings.ToUpper(strings.TrimSpace(a))] })
	if cut <= 0 {
		return d
	}
	head := strings.TrimSpace(rest[:cut])
	colon := strings.HasPrefix(rest[cut:], ":")
	// an agency in parentheses: "BEIRUT (Reuters)"
	agency := false
	if i := strings.LastIndexByte(head, '('); i > 0 && strings.HasSuffix(head, ")") {
		if !w.agencies[strings.ToUpper(strings.TrimSpace(head[i+1:len(head)-1]))] {
			return d
		}
		head = strings.TrimSpace(head[:i])
		agency = true
	}
	// a date after the place: "NEW DELHI, Dec 5", "KYIV, March 3, 2025"
	parts := strings.Split(head, ",")
	dated := false
	for len(parts) > 1 && (hasDigit(parts[len(parts)-1]) || w.monthName(parts[len(parts)-1])) {
		parts = parts[:len(parts)-1]
		dated = true
	}
	// a state in brackets after the place: "Bijapur (Chhattisgarh), Feb 26
	// (PTI)", as Indian agencies write it
	if p := strings.TrimSpace(parts[0]); strings.HasSuffix(p, ")") {
		if i := strings.IndexByte(p, '('); i > 0 && !strings.ContainsAny(p[i+1:len(p)-1], "()") {
			parts = append([]string{strings.TrimSpace(p[:i]), " " + p[i+1:len(p)-1]}, parts[1:]...)
		}
	}
	if len(parts) > 3 {
		return d
	}
	place := strings.TrimSpace(parts[0])
	lower := false
	for k, p := range parts {
		p = strings.TrimSpace(p)
		switch placeCase(p) {
		case caseNone:
			return d
		case caseLower:
			lower = true
		case caseTitle:
			if k == 0 && !colon && !allCapsWord(p) {
				// "Kyiv, Ukraine —" is a dateline, but "Russia —" opens a
				// sentence just as often: a lone title-case word before a
				// dash needs the ", Country" part
				if len(parts) == 1 && !(dated && agency) {
					return d // (but "Lucknow, Jan 8 (PTI)" is one)
				}
			}
		}
	}
	if lower && !(dated && !colon) && (!colon || known == nil || !known(place)) {
		// "police said: ..." is a sentence, not a dateline; a place and a
		// date before a dash is one ("guwahati, aug 9 —")
		return d
	}
	d.End = pos + after
	d.Place = strings.TrimSpace(strings.Join(parts, ","))
	return d
}

// datelineSeparator finds the dash or colon that ends a dateline within
// the first line of s, or the closing bracket of a news agency's name
// that no dash follows ("Lucknow, Jan 8 (PTI) The police ..."; agency
// reports whether a name is one): it returns where the head ends and
// where the story starts, or 0, 0.
func datelineSeparator(s string, agency func(string) bool) (int, int) {
	if nl := strings.IndexByte(s, '\n'); nl >= 0 {
		s = s[:nl+1]
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '—' || r == '–':
			return i, skipSpace(s, i+n)
		case r == '-' && i > 0 && s[i-1] == ' ' && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '-'):
			j := i + 1
			for j < len(s) && s[j] == '-' {
				j++
			}
			return i, skipSpace(s, j)
		case r == ':' && i+1 < len(s) && s[i+1] == ' ':
			return i, skipSpace(s, i+1)
		case r == ')':
			if open := strings.LastIndexByte(s[:i], '('); open >= 0 && agency(s[open+1:i]) {
				j := skipSpace(s, i+1)
				if j < len(s) && s[j] != '-' && s[j] != ':' && !strings.HasPrefix(s[j:], "—") && !strings.HasPrefix(s[j:], "–") {
					return i + 1, j
				}
			}
		case r == '.' && monthAbbrev(s[:i]):
			// "WASHINGTON, Dec. 5 (Reuters) -"
		case r == '.' || r == '"' || r == '“':
			return 0, 0 // a sentence ended or a quotation began first
		}
		i += n
	}
	return 0, 0
}

// monthAbbrev reports whether s ends in a month's abbreviation ("Dec"),
// whose dot ends no sentence.
func monthAbbrev(s string) bool {
	k := len(s)
	for k > 0 && (s[k-1] >= 'a' && s[k-1] <= 'z' || s[k-1] >= 'A' && s[k-1] <= 'Z') {
		k--
	}
	switch strings.ToLower(s[k:]) {
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

type placeCaseKind uint8

const (
	caseNone  placeCaseKind = iota // not a place name
	caseUpper                      // BEIRUT, NEW DELHI
	caseTitle                      // Kyiv, New Delhi
	caseLower                      // new delhi
)

// placeCase classifies a dateline part: one to four words that are all
// upper case, all title case (with lower-case particles inside: "Port of
// Spain", "Dar es Salaam"), or all lower case.
func placeCase(p string) placeCaseKind {
	ws := strings.Fields(p)
	if len(ws) == 0 || len(ws) > 4 {
		return caseNone
	}
	kind := caseNone
	for k, w := range ws {
		var c placeCaseKind
		switch {
		case allCapsWord(w):
			c = caseUpper
		case titleWord(w):
			c = caseTitle
		case lowerWord(w):
			c = caseLower
			if k > 0 && k < len(ws)-1 && (kind == caseTitle || kind == caseUpper) && len(w) <= 3 {
				continue // "Port of Spain", "Dar es Salaam"
			}
		default:
			return caseNone
		}
		if kind != caseNone && c != kind {
			if kind == caseUpper && c == caseTitle || kind == caseTitle && c == caseUpper {
				c = caseTitle // "WASHINGTON DC" stays upper; mixed is title
			} else {
				return caseNone
			}
		}
		kind = c
	}
	return kind
}

func allCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '\'' || r == '’' || r == '/': // ("ISLAMABAD/KABUL")
		default:
			return false
		}
	}
	return letters > 0
}

func titleWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[n:] {
		if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' && r != '’' && r != '/' {
			return false
		}
	}
	return true
}

func lowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) && r != '.' && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// nameWords reports a byline's name: one to five words, each capitalised
// (or "and", "de", "van" ...), optionally followed by ", Agency".
func nameWords(s string) bool {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ','); i > 0 {
		s = s[:i]
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		if !titleWord(w) && !allCapsWord(w) && len(w) > 3 {
			return false
		}
	}
	return titleWord(ws[0]) || allCapsWord(ws[0])
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func (w *wordClasses) monthName(s string) bool {
	f := strings.Fields(strings.ToUpper(strings.TrimSpace(s)))
	return len(f) > 0 && w.months[strings.TrimSuffix(f[0], ".")]
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}
