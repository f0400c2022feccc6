package coder

import (
	"strings"

	"github.com/egret-events/egret/syntax"
)

// Part of stage "code": appeals by modals. Reads the tree, the verb
// candidates and the groups; writes raw events. "Odumakin said
// authorities should declare a state of emergency" states no act (the
// declaring is hypothetical and is not coded) but is an appeal by the
// speaker to the authorities, as CAMEO coders code it; "must" makes it a
// demand. The modal words and their codes are data
// (words/appeal-modals.txt).

// modalAppeals adds, for every speech verb whose complement clause has an
// actor subject and a modal of obligation, the speaker's appeal to that
// subject.
func (c *Coder) modalAppeals(s *state, out []rawEvent) []rawEvent {
	for vi := range s.verbs {
		v := &s.verbs[vi]
		if !v.speech || v.negated {
			continue
		}
		src := s.roleGroup(s.argChild(v.i, syntax.Nsubj))
		if src < 0 {
			continue
		}
		for _, k := range s.children(v.i) {
			if s.words[k].rel != syntax.Ccomp || !s.verbal(int(k)) {
				continue
			}
			code := ""
			for _, a := range s.children(int(k)) {
				if s.words[a].rel == syntax.Aux {
					if m, ok := c.words.appealModals[s.words[a].key]; ok {
						code = m
					}
				}
				if s.words[a].rel == syntax.Advmod && s.words[a].key == "NOT" {
					code = "" // "should not": a warning, not an appeal to act
					break
				}
			}
			if code == "" {
				continue
			}
			tgt := s.roleGroup(s.argChild(int(k), syntax.Nsubj))
			if tgt < 0 || tgt == src {
				continue
			}
			for _, sc := range s.groups[src].codes {
				for _, tc := range s.groups[tgt].codes {
					if sc.code == tc.code || len(tc.code) == 3 && strings.HasPrefix(sc.code, tc.code) {
						continue // ("the U.S. must act", said a senator: his own country)
					}
					out = append(out, rawEvent{src: sc.code, tgt: tc.code, code: code, srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j,
						verbI: v.vs, verbJ: v.ve, pattern: "appeal-modals.txt", srcRef: s.groups[src].ref, tgtRef: s.groups[tgt].ref})
				}
			}
		}
	}
	return out
}
