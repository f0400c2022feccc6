package coder

import (
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/syntax"
)

// Part of stage "code": mutual acts named by nouns. Reads the tree and the
// groups; writes raw events. "Fighting between rebels and C.A.R. forces",
// "talks between Armenia and Azerbaijan ended": the noun names an act each
// party does to the other, and its "between" phrase is a coordination of
// the parties. The nouns and their codes are data
// (words/between-nouns.txt); the governing verb gives the modality, as
// for other event nouns ("talks between X and Y will resume" is an intent).

// betweenEvents adds, for every such noun, the act of each party on each
// other one, unless a verb of the sentence coded the same act already.
func (c *Coder) betweenEvents(s *state, raw []rawEvent) []rawEvent {
	n0 := len(raw)
	for i := range s.words {
		w := &s.words[i]
		if w.upos != syntax.NOUN && w.tag != nlp.VBG {
			continue // (a gerund too: "displaced by fighting between")
		}
		code := c.betweenCode(s, i)
		if code == "" {
			continue
		}
		b := s.betweenPhrase(i)
		if h := int(w.head); b < 0 && h >= 0 && s.isRel(i, syntax.Nsubj) && s.lightVerb(h) {
			b = s.betweenPhrase(h) // "fighting broke out between the RSF and the army"
		}
		g := s.roleGroup(b)
		if g < 0 {
			// "U.S.-China talks": the parties joined in the noun's own
			// phrase
			for _, k := range s.children(i) {
				if s.words[k].rel == syntax.Compound && s.inMent[k] >= 0 && len(s.ments[s.inMent[k]].codes) >= 2 {
					g = s.groupOfWord(int(k))
					break
				}
			}
		}
		if g < 0 || len(s.groups[g].codes) < 2 {
			continue
		}
		if d := s.childExact(i, syntax.Det); d >= 0 && nounNegators[s.words[d].key] {
			continue // "no talks between"
		}
		if assault(code) && politicalOnly(s.groups[g].codes) {
			// "the Oval Office clash between Trump and Zelenskyy": leaders
			// and parties clash in words
			code = "111"
		}
		v := verbCand{i: i, vs: i, ve: i + 1}
		if h := int(w.head); h >= 0 && s.verbal(h) && !s.background(i) {
			if s.unrealTree(h) != "" {
				continue // "denied any fighting between", "failed to broker talks between"
			}
			if s.pursued(i) {
				continue // "hopes a ceasefire between", "urged talks between": wished for, not held
			}
			hv := verbCand{i: h, vs: h, ve: h + 1}
			v.modality = s.treeModality(&hv)
		}
		switch v.modality {
		case modHypothetical:
			continue
		case modIntended:
			if ic := c.words.intentCode(code); ic != "" {
				code = ic
			}
		}
		for _, e := range s.pairs(g, petrarch.Code{Active: code}, &v, "between-nouns.txt") {
			if codedAlready(raw[:n0], e.tgt, e.code) {
				continue
			}
			e.srcRef, e.tgtRef = s.groups[g].ref, s.groups[g].ref
			raw = append(raw, e)
		}
	}
	return raw
}

// betweenPhrase returns the between-phrase hung on word x, or -1.
func (s *state) betweenPhrase(x int) int {
	for _, k := range s.children(x) {
		if (s.isRel(int(k), syntax.Nmod) || s.isRel(int(k), syntax.Obl)) && s.caseOf(int(k)) == "BETWEEN" {
			return int(k)
		}
	}
	return -1
}

// betweenCode returns the code of a mutual-act noun at i ("peace talks"
// before "talks"), or "".
func (c *Coder) betweenCode(s *state, i int) string {
	code, _ := lookupNoun(s, i, c.words.betweenNouns)
	return code
}

// pursued reports an act noun that is still to come: the object (or the
// object's prepositional phrase: "push for X's release") of a verb of
// wishing, urging or pursuing, or inside the infinitive of one ("work
// together to secure Lai's release").
func (s *state) pursued(n int) bool {
	return s.governedBy(n, 4, func(h int) (bool, bool) {
		if !s.verbal(h) {
			return false, true
		}
		// (what a verb of making brings about happens: "led to the
		// arrest", "forced the resignation")
		if l := s.words[h].lemma; s.wc.intent[l] || s.wc.objectControl[l] && !s.wc.implicative[l] || s.wc.pursuitVerbs[l] {
			return true, false
		}
		r := s.words[h].rel
		return false, r == syntax.Ccomp || (r == syntax.Xcomp || r == syntax.Advcl) && s.markOf(h) == "TO"
	})
}

// politicalOnly reports parties that are all political leaders or bodies
// (government, legislature, courts, opposition), none armed.
func politicalOnly(codes []codeRef) bool {
	for _, c := range codes {
		if len(c.code) < 6 {
			return false
		}
		switch c.code[3:6] {
		case "GOV", "LEG", "JUD", "OPP":
		default:
			return false
		}
	}
	return len(codes) > 0
}
