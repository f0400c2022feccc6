package petrarch

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// NewActors returns an empty actor dictionary; ReadActors adds files to it.
func NewActors() *Actors { return &Actors{Index: NewPhraseIndex[*Actor]()} }

// ReadActors reads one actors file into a (several files merge). Entries are
//
//	PHRASE [CODE]            root phrase, optional default code
//	+PHRASE                  synonym
//	<tab>[CODE <date]        date-restricted code (also >date, date-date)
//
// Ill-formed dates are reported as problems, not errors, as the published
// dictionaries contain a few.
func ReadActors(a *Actors, r io.Reader, name string) ([]Problem, error) {
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var probs []Problem
	var cur *Actor
	var pending []*Actor // root phrases still waiting for a code
	inXML := false
	finish := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			pending = append(pending, cur)
			cur = nil
			return
		}
		for _, p := range pending { // uncoded roots before a coded entry are its synonyms
			cur.Phrases = append(cur.Phrases, p.Phrases...)
		}
		pending = pending[:0]
		a.List = append(a.List, cur)
		cur = nil
	}
	for {
		raw, ok := ls.next()
		if !ok {
			break
		}
		line, still := stripXMLComment(raw, inXML)
		inXML = still
		pos := Pos{name, ls.no}
		s := stripComment(line)
		t := strings.TrimSpace(s)
		if t == "" {
			if strings.TrimSpace(line) == "" && cur == nil && len(pending) > 0 {
				// an uncoded entry followed by a blank line codes nothing
				for _, p := range pending {
					probs = append(probs, Problem{p.Pos, fmt.Sprintf("actor %q has no code", p.Name)})
				}
				pending = pending[:0]
			}
			continue
		}
		indented := s[0] == ' ' || s[0] == '\t'
		switch {
		case t[0] == '[' && (indented || cur != nil):
			if cur == nil {
				if len(pending) == 0 {
					return probs, fmt.Errorf("%s: code line without an actor", pos)
				}
				cur = pending[len(pending)-1]
				pending = pending[:len(pending)-1]
			}
			ps, err := parseCodes(cur, t, pos, &a.mem)
			probs = append(probs, ps...)
			if err != nil {
				return probs, err
			}
		case t[0] == '+':
			if cur == nil {
				if len(pending) == 0 {
					return probs, fmt.Errorf("%s: synonym %q without an actor", pos, t)
				}
				cur = pending[len(pending)-1]
				pending = pending[:len(pending)-1]
			}
			ph, rest, err := actorPhrase(t[1:], &a.mem)
			if err != nil {
				return probs, fmt.Errorf("%s: %w", pos, err)
			}
			cur.Phrases = append(cur.Phrases, ph)
			if rest != "" {
				ps, err := parseCodes(cur, rest, pos, &a.mem)
				probs = append(probs, ps...)
				if err != nil {
					return probs, err
				}
			}
		default:
			finish()
			ph, rest, err := actorPhrase(t, &a.mem)
			if err != nil {
				return probs, fmt.Errorf("%s: %w", pos, err)
			}
			cur = a.newActor()
			*cur = Actor{Name: firstField(t), Phrases: []Phrase{ph}, Pos: pos}
			if k := strings.IndexByte(cur.Name, '['); k >= 0 {
				cur.Name = cur.Name[:k]
			}
			if rest != "" {
				ps, err := parseCodes(cur, rest, pos, &a.mem)
				probs = append(probs, ps...)
				if err != nil {
					return probs, err
				}
			}
		}
	}
	finish()
	for _, p := range pending {
		probs = append(probs, Problem{p.Pos, fmt.Sprintf("actor %q has no code", p.Name)})
	}
	return probs, nil
}

// firstField is strings.Fields(s)[0] for a trimmed, non-empty s.
func firstField(s string) string {
	for i := 0; i < len(s); i++ {
		if asciiSpace(s[i]) {
			return s[:i]
		}
	}
	return s
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// actorPhrase splits "NORTH_KOREA  [PRK]" into its phrase and the rest.
func actorPhrase(s string, mem *slab) (Phrase, string, error) {
	rest := ""
	if k := strings.IndexByte(s, '['); k >= 0 {
		rest = strings.TrimSpace(s[k:])
		s = s[:k]
	}
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return Phrase{}, "", fmt.Errorf("empty actor phrase")
	}
	p := splitPhrase(s, false, mem)
	if len(p.Words) > 1 && (strings.IndexByte(s, ' ') >= 0 || strings.IndexByte(s, '\t') >= 0) {
		// recover the separators: a word preceded by a space may have a gap
		gap := mem.bools(len(p.Words))
		k := 0
		any := false
		for i := 0; i < len(s) && k < len(p.Words); {
			for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '_') {
				if k > 0 && s[i] != '_' {
					gap[k] = true
					any = true
				}
				i++
			}
			for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '_' {
				i++
			}
			k++
		}
		if any {
			p.Gap = gap
		}
	}
	return p, rest, nil
}

// splitPhrase turns "ARNOR_" or "CARAS GALADHON" into words; a word that
// ends in "_" (or is followed by one) is exact, others are stems unless
// allExact.
func splitPhrase(s string, allExact bool, mem *slab) Phrase {
	type span struct {
		i, j  int
		exact bool
	}
	var buf [8]span
	spans := buf[:0]
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '_' {
			j++
		}
		if j > i {
			spans = append(spans, span{i, j, allExact || (j < len(s) && s[j] == '_')})
		}
		if j < len(s) && s[j] == '_' {
			j++
		}
		i = j
	}
	p := Phrase{Words: mem.strs(len(spans)), Exact: mem.bools(len(spans))}
	for k, sp := range spans {
		p.Words[k], p.Exact[k] = s[sp.i:sp.j], sp.exact
	}
	return p
}

// parseCodes reads one or more "[CODE restriction]" groups.
func parseCodes(a *Actor, s string, pos Pos, mem *slab) ([]Problem, error) {
	var probs []Problem
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return probs, nil
		}
		if s[0] != '[' {
			// the published dictionaries have uncommented notes after codes
			probs = append(probs, Problem{pos, fmt.Sprintf("text after code ignored: %q", s)})
			return probs, nil
		}
		e := strings.IndexByte(s, ']')
		if e < 0 {
			return probs, fmt.Errorf("%s: unterminated '['", pos)
		}
		body := strings.TrimSpace(s[1:e])
		s = s[e+1:]
		if body == "" {
			probs = append(probs, Problem{pos, "empty code"})
			continue
		}
		code, restr, _ := strings.Cut(body, " ")
		if k := indexDateOp(code); k > 0 { // "[ONO<911226]"
			restr = code[k:] + restr
			code = code[:k]
		}
		code = strings.ToUpper(code)
		dc := DatedCode{Code: code, Codes: mem.strs(strings.Count(code, "/") + 1), Line: pos.Line}
		for i, rest := 0, code; i < len(dc.Codes); i++ {
			dc.Codes[i], rest, _ = strings.Cut(rest, "/")
		}
		restr = strings.ReplaceAll(strings.TrimSpace(restr), " ", "")
		if restr != "" {
			// the published dictionaries hold a few typing slips
			// ("1920030320", "9008223", a date with no operator); they
			// are read as PETRARCH reads them and reported
			var err error
			var notes []string
			date := func(s string) int {
				d, note, e := restrictionDate(s)
				if e != nil && err == nil {
					err = e
				}
				if note != "" {
					notes = append(notes, note)
				}
				return d
			}
			switch {
			case restr[0] == '<': // strictly before: the date itself belongs to the next code
				dc.To = date(restr[1:]) - 1
			case restr[0] == '>': // strictly after
				dc.From = date(restr[1:]) + 1
			default:
				f, t, ok := strings.Cut(restr, "-")
				if !ok {
					if _, e := strconv.Atoi(restr); e != nil {
						err = fmt.Errorf("ill-formed date restriction %q", restr)
						break
					}
					notes = append(notes, fmt.Sprintf("restriction %q has no <, > or range: the code is read as undated, as PETRARCH reads it", restr))
					break
				}
				dc.From, dc.To = date(f), date(t)
			}
			if err != nil {
				probs = append(probs, Problem{pos, fmt.Sprintf("code %s: %v (restriction ignored, code skipped)", code, err)})
				continue
			}
			for _, n := range notes {
				probs = append(probs, Problem{pos, fmt.Sprintf("code %s: %s", code, n)})
			}
		}
		a.Codes = append(a.Codes, dc)
	}
}

// indexDateOp is strings.IndexAny(s, "<>"), without building a set for
// every code.
func indexDateOp(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '<' || s[i] == '>' {
			return i
		}
	}
	return -1
}

// parseDate reads yyyymmdd or yymmdd (yy <= 30 is 20yy).
func parseDate(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || (len(s) != 6 && len(s) != 8) {
		return 0, fmt.Errorf("ill-formed date %q (want yymmdd or yyyymmdd)", s)
	}
	if len(s) == 6 {
		yy := n / 10000
		if yy <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	if m := n / 100 % 100; m < 1 || m > 12 {
		return 0, fmt.Errorf("ill-formed date %q (month %d)", s, m)
	}
	if d := n % 100; d < 1 || d > 31 {
		return 0, fmt.Errorf("ill-formed date %q (day %d)", s, d)
	}
	return n, nil
}

// restrictionDate reads the date of an actor's date restriction. Besides
// yyyymmdd and yymmdd it takes what PETRARCH takes: more than eight digits
// are read as their first eight and seven as yymmdd and a stray digit; note
// then says how the date was read.
func restrictionDate(s string) (date int, note string, err error) {
	read := s
	switch {
	case len(s) > 8:
		read = s[:8]
	case len(s) == 7:
		read = s[:6]
	}
	if read != s {
		if _, e := strconv.Atoi(s); e != nil {
			return 0, "", fmt.Errorf("ill-formed date %q (want yymmdd or yyyymmdd)", s)
		}
	}
	d, err := parseDate(read)
	if err != nil || read == s {
		return d, "", err
	}
	return d, fmt.Sprintf("date %q is not yymmdd or yyyymmdd: read as %d, as PETRARCH reads it", s, d), nil
}

// ParseDate reads a yyyymmdd or yymmdd date as used by the dictionaries.
func ParseDate(s string) (int, error) { return parseDate(s) }

// newActor returns a zero Actor from a shared array.
func (a *Actors) newActor() *Actor { return &a.actors.take(1, 1024)[0] }

func (a *Actors) finish() {
	n := 0
	for _, ac := range a.List {
		n += len(ac.Phrases)
	}
	a.Index.reserve(n)
	for _, ac := range a.List {
		for _, p := range ac.Phrases {
			a.Index.Add(p, ac)
		}
	}
	a.Index.Finish()
}
