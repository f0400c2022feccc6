package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// ReadAgents reads an agents file:
//
//	!PERSON! = MAN, MEN, WOMAN         substitution set
//	PHRASE {PLURAL ...} [~CODE]        {} = no plural; regular plurals otherwise
func ReadAgents(r io.Reader, name string) (*Agents, error) {
	ag := &Agents{Index: NewPhraseIndex[*Agent]()}
	var mem slab
	var probs []Problem
	subs := map[string][]string{}
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	inXML := false
	for {
		raw, ok := ls.next()
		if !ok {
			break
		}
		line, still := stripXMLComment(raw, inXML)
		inXML = still
		pos := Pos{name, ls.no}
		s := strings.TrimSpace(stripComment(line))
		if s == "" {
			continue
		}
		if s[0] == '!' && !strings.Contains(s, "[") {
			k := strings.IndexByte(s, '=')
			if k < 0 {
				probs = append(probs, Problem{pos, fmt.Sprintf("substitution set without '=' (entry skipped)")})
				continue
			}
			key := strings.ToUpper(strings.TrimSpace(s[:k]))
			if len(key) < 3 || key[len(key)-1] != '!' {
				probs = append(probs, Problem{pos, fmt.Sprintf("ill-formed substitution marker %q (entry skipped)", key)})
				continue
			}
			var vals []string
			for _, v := range strings.Split(s[k+1:], ",") {
				if v = strings.ToUpper(strings.TrimSpace(v)); v != "" {
					vals = append(vals, v)
				}
			}
			subs[key] = vals
			continue
		}
		k := strings.IndexByte(s, '[')
		if k < 0 {
			probs = append(probs, Problem{pos, fmt.Sprintf("agent %q without a [code] (entry skipped)", s)})
			continue
		}
		e := strings.IndexByte(s[k:], ']')
		if e < 0 {
			// "[~ENV}" occurs in the published file: accept with a problem
			e = strings.IndexAny(s[k:], "})")
			if e < 0 {
				probs = append(probs, Problem{pos, fmt.Sprintf("unterminated '[' (entry skipped)")})
				continue
			}
			probs = append(probs, Problem{pos, "agent code closed with " + s[k+e:k+e+1] + " instead of ]"})
		}
		code := strings.ToUpper(strings.ReplaceAll(s[k+1:k+e], " ", ""))
		if code == "" || !strings.Contains(code, "~") {
			probs = append(probs, Problem{pos, fmt.Sprintf("agent code %q needs a '~' (entry skipped)", code)})
			continue
		}
		head := strings.TrimSpace(s[:k])
		var plurals []string
		hasBraces := false
		if b := strings.IndexByte(head, '{'); b >= 0 {
			c := strings.IndexByte(head[b:], '}')
			if c < 0 {
				probs = append(probs, Problem{pos, fmt.Sprintf("unterminated '{' (entry skipped)")})
				continue
			}
			hasBraces = true
			plurals = strings.Fields(strings.ToUpper(head[b+1 : b+c]))
			head = strings.TrimSpace(head[:b] + head[b+c+1:])
		}
		head = strings.ToUpper(head)
		if head == "" {
			probs = append(probs, Problem{pos, fmt.Sprintf("empty agent phrase (entry skipped)")})
			continue
		}
		a := &Agent{Code: code, Pos: pos}
		// substitution markers expand to every listed word, without plurals
		if m := strings.IndexByte(head, '!'); m >= 0 {
			n := strings.IndexByte(head[m+1:], '!')
			if n < 0 {
				probs = append(probs, Problem{pos, fmt.Sprintf("unterminated substitution marker (entry skipped)")})
				continue
			}
			key := head[m : m+n+2]
			vals, ok := subs[key]
			if !ok {
				probs = append(probs, Problem{pos, fmt.Sprintf("undefined substitution marker %s (entry skipped)", key)})
				continue
			}
			for _, v := range vals {
				a.Phrases = append(a.Phrases, splitPhrase(head[:m]+v+head[m+n+2:], true, &mem))
			}
		} else {
			p := splitPhrase(head, true, &mem)
			a.Phrases = append(a.Phrases, p)
			if last := p.Words[len(p.Words)-1]; !hasBraces && Plural(last) != last {
				pl := Phrase{Words: append([]string(nil), p.Words...), Exact: p.Exact}
				pl.Words[len(pl.Words)-1] = Plural(pl.Words[len(pl.Words)-1])
				a.Phrases = append(a.Phrases, pl)
			}
			for _, x := range plurals {
				a.Phrases = append(a.Phrases, splitPhrase(x, true, &mem))
			}
		}
		ag.List = append(ag.List, a)
		for _, p := range a.Phrases {
			ag.Index.Add(p, a)
		}
	}
	ag.Index.Finish()
	ag.Problems = probs
	return ag, nil
}

// ReadDiscards reads a discard list: one phrase a line, "+" for a story
// discard. The last word is a stem unless it ends in "_".
func ReadDiscards(r io.Reader, name string) (*Discards, error) {
	d := &Discards{Index: NewPhraseIndex[*Discard]()}
	var mem slab
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	inXML := false
	for {
		raw, ok := ls.next()
		if !ok {
			break
		}
		line, still := stripXMLComment(raw, inXML)
		inXML = still
		s := strings.TrimSpace(stripComment(line))
		if s == "" {
			continue
		}
		x := &Discard{Pos: Pos{name, ls.no}}
		if s[0] == '+' {
			x.Story = true
			s = strings.TrimSpace(s[1:])
		}
		u := strings.ToUpper(s)
		x.Phrase = splitPhrase(u, true, &mem)
		if len(x.Phrase.Words) == 0 {
			return nil, fmt.Errorf("%s: empty discard phrase", x.Pos)
		}
		if !strings.HasSuffix(u, "_") {
			x.Phrase.Exact[len(x.Phrase.Exact)-1] = false
		}
		d.List = append(d.List, x)
		d.Index.Add(x.Phrase, x)
	}
	d.Index.Finish()
	return d, nil
}
