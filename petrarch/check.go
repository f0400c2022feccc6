package petrarch

import (
	"fmt"
	"sort"
	"strings"
)

// Check lints a loaded dictionary set: the problems found while loading,
// plus duplicate or conflicting entries, overlapping date ranges and
// ill-formed codes, each with its file and line, sorted by position.
func Check(d *Dictionaries) []Problem {
	var out []Problem
	out = append(out, d.Problems...)
	if d.Verbs != nil {
		out = append(out, d.Verbs.Problems...)
		out = append(out, checkVerbs(d.Verbs)...)
	}
	if d.Actors != nil {
		out = append(out, checkActors(d.Actors)...)
	}
	if d.Agents != nil {
		out = append(out, d.Agents.Problems...)
		out = append(out, checkAgents(d.Agents)...)
	}
	if d.Issues != nil {
		out = append(out, d.Issues.Problems...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos.File != out[j].Pos.File {
			return out[i].Pos.File < out[j].Pos.File
		}
		return out[i].Pos.Line < out[j].Pos.Line
	})
	// the same problem can be recorded by the loader and by a section list
	uniq := out[:0]
	for i, p := range out {
		if i > 0 && p == out[i-1] {
			continue
		}
		uniq = append(uniq, p)
	}
	return uniq
}

// validActorCode reports a CAMEO actor code: upper-case letters and digits
// in three-character units, or the null code "---".
func validActorCode(c string) bool {
	if c == "---" {
		return true
	}
	if c == "" || len(c)%3 != 0 {
		return false
	}
	for i := 0; i < len(c); i++ {
		b := c[i]
		if !(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') && !(b == '-' && i < 3) {
			return false
		}
	}
	return true
}

func checkActors(a *Actors) []Problem {
	var out []Problem
	type owner struct {
		actor *Actor
		codes string
	}
	seen := map[string]owner{}
	for _, act := range a.List {
		for _, c := range act.Codes {
			pos := act.Pos
			if c.Line > 0 {
				pos.Line = c.Line
			}
			for _, code := range c.Codes {
				if !validActorCode(code) {
					out = append(out, Problem{pos, fmt.Sprintf("actor %q: ill-formed code %q (want upper-case three-letter units)", act.Name, code)})
				}
			}
			if c.From != 0 && c.To != 0 && c.From > c.To {
				out = append(out, Problem{pos, fmt.Sprintf("actor %q: date range %d-%d ends before it starts", act.Name, c.From, c.To)})
			}
		}
		for i := range act.Codes {
			for j := i + 1; j < len(act.Codes); j++ {
				x, y := act.Codes[i], act.Codes[j]
				if !x.Dated() || !y.Dated() || x.Code == y.Code {
					continue
				}
				if overlaps(x, y) {
					pos := act.Pos
					if y.Line > 0 {
						pos.Line = y.Line
					}
					out = append(out, Problem{pos, fmt.Sprintf("actor %q: dates of [%s] overlap those of [%s]", act.Name, y.Code, x.Code)})
				}
			}
		}
		codes := actorCodeKey(act)
		for _, p := range act.Phrases {
			key := p.String()
			prev, dup := seen[key]
			if !dup {
				seen[key] = owner{act, codes}
				continue
			}
			if prev.actor == act {
				out = append(out, Problem{act.Pos, fmt.Sprintf("actor %q lists the phrase %s twice", act.Name, key)})
			} else if prev.codes == codes {
				out = append(out, Problem{act.Pos, fmt.Sprintf("duplicate actor phrase %s (also at %s, same codes)", key, prev.actor.Pos)})
			} else {
				out = append(out, Problem{act.Pos, fmt.Sprintf("conflicting actor phrase %s: %s here, %s at %s", key, codes, prev.codes, prev.actor.Pos)})
			}
		}
	}
	return out
}

func overlaps(x, y DatedCode) bool {
	lo := func(c DatedCode) int { return c.From }
	hi := func(c DatedCode) int {
		if c.To == 0 {
			return 99999999
		}
		return c.To
	}
	// ranges that merely touch at a hand-over day are how role changes are written
	return lo(x) < hi(y) && lo(y) < hi(x)
}

func actorCodeKey(a *Actor) string {
	parts := make([]string, 0, len(a.Codes))
	for _, c := range a.Codes {
		if c.Dated() {
			parts = append(parts, fmt.Sprintf("%s %d-%d", c.Code, c.From, c.To))
		} else {
			parts = append(parts, c.Code)
		}
	}
	sort.Strings(parts)
	return "[" + strings.Join(parts, "][") + "]"
}

func checkAgents(a *Agents) []Problem {
	var out []Problem
	seen := map[string]*Agent{}
	for _, ag := range a.List {
		code, _ := ag.Suffix()
		if !validActorCode(code) {
			out = append(out, Problem{ag.Pos, fmt.Sprintf("agent code %q is not upper-case three-letter units", ag.Code)})
		}
		for _, p := range ag.Phrases {
			key := p.String()
			prev, dup := seen[key]
			switch {
			case !dup:
				seen[key] = ag
			case prev.Code == ag.Code && prev != ag:
				out = append(out, Problem{ag.Pos, fmt.Sprintf("duplicate agent phrase %s (also at %s)", key, prev.Pos)})
			case prev != ag:
				out = append(out, Problem{ag.Pos, fmt.Sprintf("conflicting agent phrase %s: [%s] here, [%s] at %s", key, ag.Code, prev.Code, prev.Pos)})
			}
		}
	}
	return out
}

// validEventCode reports a CAMEO event code: two to four digits with an
// optional letter suffix used by old dictionaries, or "---".
func validEventCode(c string) bool {
	if c == "" || c == "---" {
		return true
	}
	n := 0
	for n < len(c) && c[n] >= '0' && c[n] <= '9' {
		n++
	}
	if n < 2 || n > 4 {
		return false
	}
	rest := c[n:]
	return rest == "" || len(rest) == 1 && rest[0] >= 'A' && rest[0] <= 'Z'
}

func checkVerbs(v *Verbs) []Problem {
	var out []Problem
	codeOK := func(c Code) bool { return validEventCode(c.Active) && validEventCode(c.Reverse) }
	forms := map[string]*Verb{}
	for _, b := range v.Blocks {
		if !codeOK(b.Code) {
			out = append(out, Problem{b.Pos, fmt.Sprintf("verb block %s: ill-formed code [%s]", b.Name, b.Code)})
		}
		for _, vb := range b.Verbs {
			if !codeOK(vb.Code) {
				out = append(out, Problem{vb.Pos, fmt.Sprintf("verb %s: ill-formed code [%s]", vb.Root, vb.Code)})
			}
			key := strings.Join(append(append(append([]string{}, vb.Pre...), vb.Root), vb.Post...), " ")
			if prev, dup := forms[key]; dup && prev.EffectiveCode() != vb.EffectiveCode() && prev.Block != vb.Block {
				out = append(out, Problem{vb.Pos, fmt.Sprintf("verb %s [%s] also listed at %s with [%s]", key, vb.EffectiveCode(), prev.Pos, prev.EffectiveCode())})
			} else if !dup {
				forms[key] = vb
			}
		}
		pats := map[string]*Pattern{}
		for _, p := range b.Patterns {
			if !codeOK(p.Code) {
				out = append(out, Problem{p.Pos, fmt.Sprintf("pattern %s: ill-formed code", p)})
			}
			key := ElemsString(p.Elems)
			prev, dup := pats[key]
			switch {
			case !dup:
				pats[key] = p
			case prev.Code == p.Code:
				out = append(out, Problem{p.Pos, fmt.Sprintf("duplicate pattern %q in block %s (also at line %d)", key, b.Name, prev.Pos.Line)})
			default:
				out = append(out, Problem{p.Pos, fmt.Sprintf("conflicting pattern %q in block %s: [%s] here, [%s] at line %d", key, b.Name, p.Code, prev.Code, prev.Pos.Line)})
			}
		}
	}
	return out
}

// Stats counts the entries of a dictionary set.
type Stats struct {
	Files                          int
	VerbBlocks, Verbs, VerbForms   int
	Patterns, Synsets              int
	Actors, ActorPhrases           int
	DatedCodes                     int
	Agents, AgentPhrases, Discards int
	StoryDiscards, Issues          int
}

// Count returns the entry counts of d.
func Count(d *Dictionaries) Stats {
	s := Stats{Files: len(d.Files)}
	if v := d.Verbs; v != nil {
		s.VerbBlocks = len(v.Blocks)
		s.Synsets = len(v.Synsets)
		s.VerbForms = len(v.Forms)
		for _, b := range v.Blocks {
			s.Verbs += len(b.Verbs)
			s.Patterns += len(b.Patterns)
		}
	}
	if a := d.Actors; a != nil {
		s.Actors = len(a.List)
		for _, act := range a.List {
			s.ActorPhrases += len(act.Phrases)
			for _, c := range act.Codes {
				if c.Dated() {
					s.DatedCodes++
				}
			}
		}
	}
	if a := d.Agents; a != nil {
		s.Agents = len(a.List)
		for _, ag := range a.List {
			s.AgentPhrases += len(ag.Phrases)
		}
	}
	if ds := d.Discards; ds != nil {
		s.Discards = len(ds.List)
		for _, x := range ds.List {
			if x.Story {
				s.StoryDiscards++
			}
		}
	}
	if is := d.Issues; is != nil {
		s.Issues = len(is.List)
	}
	return s
}

// String prints the counts one per line, as `egret dict stats` shows them.
func (s Stats) String() string {
	var b strings.Builder
	row := func(k string, v int) { fmt.Fprintf(&b, "%-16s %d\n", k, v) }
	row("files", s.Files)
	row("verb blocks", s.VerbBlocks)
	row("verbs", s.Verbs)
	row("verb forms", s.VerbForms)
	row("patterns", s.Patterns)
	row("synsets", s.Synsets)
	row("actors", s.Actors)
	row("actor phrases", s.ActorPhrases)
	row("dated codes", s.DatedCodes)
	row("agents", s.Agents)
	row("agent phrases", s.AgentPhrases)
	row("discards", s.Discards)
	row("story discards", s.StoryDiscards)
	row("issues", s.Issues)
	return b.String()
}
