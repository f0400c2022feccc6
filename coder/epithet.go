package coder

import "strings"

// Part of stage "code": criticism by naming. Reads the verb candidates,
// the groups and the words; writes raw events. "Leavitt called Ford's
// comments 'egregious and insulting'", "Moscow described the sanctions as
// illegal": a verb of naming (words/naming-verbs.txt) whose complement
// holds an epithet (words/epithets.txt) criticizes (111) what it names,
// or its owner. The parser often misreads these small clauses, so the
// complement is read as the words after the verb up to the clause's end.

// epithets adds the criticism of every naming verb with an epithet that
// no pattern coded.
func (c *Coder) epithets(s *state, out []rawEvent) []rawEvent {
	for vi := range s.verbs {
		v := &s.verbs[vi]
		if v.negated || v.unreal != "" || !c.words.namingVerbs[s.words[v.i].lemma] {
			continue
		}
		if codedAt(out, v.vs) {
			continue
		}
		end := s.clauseEndAfter(v.ve)
		ep := s.epithetIn(v.ve, end)
		if ep < 0 {
			continue
		}
		r := s.rolesOf(v.i, 0)
		src := s.roleGroup(r.subj)
		if src < 0 {
			src = s.roleGroup(s.leftSubject(v.vs))
		}
		tgt := -1
		for k := v.ve; k < ep && tgt < 0; k++ {
			if g := s.groupAt(k); g >= 0 && g != src {
				tgt = g
			} else if en := s.eventNoun(k); en.code != "" {
				// "called Israel's strikes a violation": the act's doer
				if g := s.nounSource(k, -1, en.patient); g >= 0 && g != src {
					tgt = g
				}
			}
		}
		if src < 0 || tgt < 0 {
			continue
		}
		for _, sc := range s.groups[src].codes {
			for _, tc := range s.groups[tgt].codes {
				if sc.code == tc.code {
					continue
				}
				out = append(out, rawEvent{src: sc.code, tgt: tc.code, code: "111", srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j,
					verbI: v.vs, verbJ: v.ve, pattern: "epithets.txt", modality: v.modality, srcRef: s.groups[src].ref, tgtRef: s.groups[tgt].ref})
			}
		}
	}
	return out
}

// codedAt reports whether an event was coded from the verb group at vs.
func codedAt(out []rawEvent, vs int) bool {
	for _, e := range out {
		if e.verbI == vs {
			return true
		}
	}
	return false
}

// clauseEndAfter returns where the clause holding word i ends: the next
// semicolon, or the sentence's end.
func (s *state) clauseEndAfter(i int) int {
	for k := i; k < len(s.words); k++ {
		if s.words[k].key == ";" {
			return k
		}
	}
	return len(s.words)
}

// epithetIn returns the first word of [i, j) that begins an epithet, or -1.
func (s *state) epithetIn(i, j int) int {
	for k := i; k < j; k++ {
		w := s.words[k].key
		for _, e := range s.wc.epithets {
			if strings.HasPrefix(w, e) || strings.Contains(e, " ") && k+1 < j && strings.HasPrefix(w+" "+s.words[k+1].key, e) {
				return k
			}
		}
	}
	return -1
}
