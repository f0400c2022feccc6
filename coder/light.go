package coder

import (
	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/syntax"
)

// Part of stage "code": acts named by the subject of a light verb. Reads
// the tree and the groups; writes raw events. "The signing of the peace
// accord by the Congolese government and the M23 rebels took place in
// Doha", "The withdrawal of French troops from Chad was completed",
// "Modi's visit to Washington began on Monday": the verb says only that
// the act happened (words/light-verbs.txt), the noun what it was
// (words/light-nouns.txt); the noun's by-phrase, possessor or, for acts
// done by what it names, of-phrase says who did it, and its to, from or
// between phrase whom at. The verb gives the modality, as for other
// event nouns: "the visit will take place next week" is an intent.

// lightNoun is an act noun of words/light-nouns.txt.
type lightNoun struct {
	code   string // CAMEO code of the act
	prep   string // the preposition naming whom it is aimed at: TO, FROM, BETWEEN
	ofDoer bool   // the of-phrase names the doer: "the withdrawal of French troops"
}

// lightEvents adds the acts named by subjects of light verbs, unless a
// verb of the sentence coded the same act already.
func (c *Coder) lightEvents(s *state, raw []rawEvent) []rawEvent {
	n0 := len(raw)
	for i := range s.words {
		w := &s.words[i]
		if w.upos != syntax.NOUN || !s.isRel(i, syntax.Nsubj) {
			continue
		}
		ln, ok := c.words.lightNouns[w.lemma]
		if !ok {
			continue
		}
		h := int(w.head)
		if h < 0 || !s.lightVerb(h) {
			continue
		}
		if d := s.childExact(i, syntax.Det); d >= 0 && nounNegators[s.words[d].key] {
			continue // "no signing took place"
		}
		if s.unrealTree(h) != "" {
			continue // "denied that the visit took place"
		}
		v := verbCand{i: i, vs: i, ve: i + 1}
		hv := verbCand{i: h, vs: h, ve: h + 1}
		v.modality = s.treeModality(&hv)
		code := ln.code
		switch v.modality {
		case modNegated, modHypothetical, modQuestioned:
			continue
		case modIntended:
			if ic := c.words.intentCode(code); ic != "" {
				code = ic
			}
		}
		tw := s.lightPhrase(i, ln.prep)
		tg := s.roleGroup(tw)
		sg := s.lightDoer(i, tg, ln.ofDoer)
		var out []rawEvent
		switch {
		case sg >= 0 && tg >= 0:
			for _, sc := range s.groups[sg].codes {
				for _, tc := range s.groups[tg].codes {
					if sc.code != tc.code {
						out = append(out, rawEvent{src: sc.code, tgt: tc.code, code: code, srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j,
							verbI: i, verbJ: i + 1, modality: v.modality, srcRef: s.groups[sg].ref, tgtRef: s.groups[tg].ref})
					}
				}
			}
		case c.mutualCode(petrarch.Code{Active: code}):
			// "the signing of the accord by A and B", "between A and B":
			// each party acts on the other
			g := sg
			if g < 0 {
				g = tg
			}
			if g < 0 || len(s.groups[g].codes) < 2 {
				continue
			}
			for _, e := range s.pairs(g, petrarch.Code{Active: code}, &v, "light-nouns.txt") {
				e.srcRef, e.tgtRef = s.groups[g].ref, s.groups[g].ref
				out = append(out, e)
			}
		}
		for _, e := range out {
			if codedAlready(raw[:n0], e.tgt, e.code) || codedByVerb(raw[:n0], h, e.tgt, e.code) {
				continue
			}
			e.pattern = "light-nouns.txt"
			raw = append(raw, e)
		}
	}
	return raw
}

// lightVerb reports a verb that says only that its subject's act
// happened: "took place", "was held", "began", "was completed".
func (s *state) lightVerb(h int) bool {
	need, ok := s.wc.lightVerbs[s.words[h].lemma]
	if !ok || !s.verbal(h) {
		return false
	}
	if need == "" {
		return true
	}
	for _, k := range s.children(h) {
		if s.words[k].key == need {
			return true // "took place", "went ahead"
		}
	}
	return false
}

// lightPhrase returns the word of act noun i's phrase with preposition
// prep ("to Washington", "between Kosovo and Serbia", "by the European
// Union"), on the noun or on one of its own phrases; -1 when none.
func (s *state) lightPhrase(i int, prep string) int {
	for _, k := range s.children(i) {
		if s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == prep {
			return int(k)
		}
	}
	for _, k := range s.children(i) {
		// (or hung on the noun's other phrases: "the withdrawal of French
		// troops from Chad", "the visit by Xi Jinping to Serbia", "the
		// signing of the deal by Thailand and Cambodia")
		if !s.isRel(int(k), syntax.Nmod) || s.words[k].rel == syntax.NmodPoss {
			continue
		}
		for _, x := range s.children(int(k)) {
			if s.isRel(int(x), syntax.Nmod) && s.caseOf(int(x)) == prep {
				return int(x)
			}
		}
	}
	return -1
}

// lightDoer returns the group doing an act noun's act: its by-phrase, its
// possessor, its of-phrase for acts done by what it names, or an actor in
// its own phrase ("the French withdrawal"); -1 when none.
func (s *state) lightDoer(i, tg int, ofDoer bool) int {
	take := func(k int) int {
		if g := s.roleGroup(k); g >= 0 && g != tg {
			return g
		}
		return -1
	}
	if b := s.lightPhrase(i, "BY"); b >= 0 {
		if g := take(b); g >= 0 {
			return g
		}
	}
	for _, k := range s.children(i) {
		switch {
		case s.words[k].rel == syntax.NmodPoss:
			if g := take(int(k)); g >= 0 {
				return g
			}
		case ofDoer && s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == "OF":
			if g := take(int(k)); g >= 0 {
				return g
			}
		}
	}
	if g := s.groupOfWord(i); g >= 0 && g != tg && actorGroup(s, g) {
		return g
	}
	return -1
}
