package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// ReadIssues reads an issue file: <ISSUE CATEGORY="..." TYPE="..."> blocks
// of "phrase [CODE]" lines. In a phrase "n:" makes the next word a noun
// (singular and plural), "v:" a regular verb (all forms), and "+" joins two
// words written either as one hyphenated token or as two words; "~phrase"
// is a negative phrase that blocks issue coding where it matches.
func ReadIssues(r io.Reader, name string) (*Issues, error) {
	is := &Issues{Index: NewPhraseIndex[*Issue]()}
	var probs []Problem
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cat := ""
	for {
		raw, ok := ls.next()
		if !ok {
			break
		}
		pos := Pos{name, ls.no}
		s := strings.TrimSpace(stripComment(raw))
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "<ISSUE") {
			cat = ""
			if k := strings.Index(s, `CATEGORY="`); k >= 0 {
				rest := s[k+10:]
				if e := strings.IndexByte(rest, '"'); e >= 0 {
					cat = rest[:e]
				}
			}
			continue
		}
		if strings.HasPrefix(s, "</ISSUE") || strings.HasPrefix(s, "<") {
			continue
		}
		neg := false
		if s[0] == '~' {
			neg = true
			s = strings.TrimSpace(s[1:])
		}
		code := ""
		if k := strings.IndexByte(s, '['); k >= 0 {
			e := strings.IndexByte(s[k:], ']')
			if e < 0 {
				probs = append(probs, Problem{pos, fmt.Sprintf("unterminated '[' (entry skipped)")})
				continue
			}
			code = strings.TrimSpace(s[k+1 : k+e])
			s = strings.TrimSpace(s[:k])
		} else if !neg {
			probs = append(probs, Problem{pos, fmt.Sprintf("issue phrase %q without a [code] (entry skipped)", s)})
			continue
		}
		phrases, err := expandIssue(strings.ToUpper(s))
		if err != nil {
			probs = append(probs, Problem{pos, err.Error() + " (entry skipped)"})
			continue
		}
		for _, p := range phrases {
			x := &Issue{Phrase: p, Code: code, Category: cat, Negative: neg, Pos: pos}
			is.List = append(is.List, x)
			is.Index.Add(p, x)
		}
	}
	is.Index.Finish()
	is.Problems = probs
	return is, nil
}

// expandIssue expands the n:, v: and + markers of one issue phrase.
func expandIssue(s string) ([]Phrase, error) {
	alts := [][]string{{}} // each alternative: a word list
	for _, f := range strings.Fields(s) {
		var forms [][]string // each: one or two words
		parts := strings.Split(f, "+")
		// inflect the last part if marked
		last := parts[len(parts)-1]
		var lastForms []string
		switch {
		case strings.HasPrefix(last, "N:"):
			w := last[2:]
			lastForms = []string{w, Plural(w)}
		case strings.HasPrefix(last, "V:"):
			w := last[2:]
			lastForms = append([]string{w}, VerbForms(w)...)
		default:
			lastForms = []string{last}
		}
		for i := range parts[:len(parts)-1] {
			parts[i] = strings.TrimPrefix(strings.TrimPrefix(parts[i], "N:"), "V:")
			if parts[i] == "" {
				return nil, fmt.Errorf("empty word around '+' in %q", f)
			}
		}
		for _, lf := range lastForms {
			if lf == "" {
				return nil, fmt.Errorf("empty word in %q", f)
			}
			if len(parts) == 1 {
				forms = append(forms, []string{lf})
				continue
			}
			head := parts[:len(parts)-1]
			forms = append(forms, append(append([]string(nil), head...), lf))
			forms = append(forms, []string{strings.Join(head, "-") + "-" + lf})
			forms = append(forms, []string{strings.Join(head, "") + lf})
		}
		var next [][]string
		for _, a := range alts {
			for _, fm := range forms {
				next = append(next, append(append([]string(nil), a...), fm...))
			}
		}
		alts = next
	}
	out := make([]Phrase, 0, len(alts))
	for _, a := range alts {
		if len(a) > 0 {
			out = append(out, exactPhrase(a))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty issue phrase")
	}
	return out, nil
}
