package coder

import (
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/syntax"
)

// Nominal and passive events: "accusations have been made against the
// Russian and Syrian military" (accuse, target RUSMIL/SYRMIL, source
// unknown), "attacks on the positions of the Syrian Army" (assault), "we
// are open to dialogue" (intent to negotiate). Verb dictionaries code
// verbs; in statements much of the content is in nouns.

// armedOperation reports whether "operation(s)" at i is a military one.
func (s *state) armedOperation(i int) bool {
	if k := s.words[i].key; k != "OPERATIONS" && k != "OPERATION" {
		return true
	}
	if i == 0 {
		return false
	}
	switch s.words[i-1].key {
	case "MILITARY", "COUNTERTERRORISM", "COUNTER-TERRORISM", "COMBAT", "SECURITY", "ANTI-TERRORIST", "OFFENSIVE":
		return true
	}
	return false
}

// nounModality reads modality from the verb group governing an event
// noun ("will continue military operations against"): negated nouns are
// not coded.
func (s *state) nounModality(i int) string {
	if g := s.groupAt(i); g >= 0 {
		i = s.groups[g].i // from the start of the noun's own phrase
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch x := s.words[k].key; {
		case x == "NOT" || x == "N'T" || x == "NEVER":
			return modNegated
		case intended[x]:
			return modIntended
		case hypothetical[x]:
			return modHypothetical
		}
		if s.inMent[k] >= 0 {
			break
		}
	}
	return ""
}

// Sanctions and threats were left out: as nouns they are mostly talked
// about ("sanctions against Turkey enjoy bipartisan support"), not done.

// nounNegators before an event noun: "no attacks on", "without
// accusations". Negators are a closed class and stay code (see auxVerbs).
var nounNegators = map[string]bool{"NO": true, "NOT": true, "WITHOUT": true, "NEVER": true, "ANY": true}

// nominalEvents adds events expressed by nouns whose target (and, when
// given, source) are actors, unless the clause coder already coded them.
func (c *Coder) nominalEvents(s *state, raw []rawEvent) []rawEvent {
	if s.hasTree {
		return c.nominalEventsTree(s, raw)
	}
	n := len(s.words)
	for i := 0; i < n; i++ {
		w := &s.words[i]
		code := c.words.linearNouns[w.key]
		if code == "" || s.inMent[i] >= 0 || !s.armedOperation(i) {
			continue
		}
		mod := s.nounModality(i)
		if mod == modNegated {
			continue
		}
		if mod == modIntended {
			code = c.words.intentCode(code) // "will continue military operations against X": a threat
		}
		if !w.tag.IsNoun() || s.verbAt(i) >= 0 {
			// the tagger may read "airstrikes" as a verb: after a
			// determiner, adjective or actor it is the noun
			if i == 0 || !(s.words[i-1].tag == nlp.DT || s.words[i-1].tag == nlp.JJ || s.inMent[i-1] >= 0 || s.words[i-1].tag == nlp.POS) {
				continue
			}
		}
		if i > 0 && (nounNegators[s.words[i-1].key] || (i > 1 && nounNegators[s.words[i-2].key])) {
			continue
		}
		if s.accusedOf(raw, i) {
			continue // "accused X of involvement in the raids": the accusation's content
		}
		if s.blameBefore(i) {
			continue // "blamed the attacks on militants": on names the culprit
		}
		// the preposition: right after the noun, or after "have been made"
		p := i + 1
		for p < n && p <= i+5 && (s.words[p].tag == nlp.RB || auxVerbs[s.words[p].key] || s.words[p].key == "MADE" || s.words[p].key == "LEVELED" ||
			s.words[p].key == "LEVELLED" || s.words[p].key == "LAUNCHED" || s.words[p].key == "CARRIED" || s.words[p].key == "OUT" || s.words[p].key == "IMPOSED") {
			p++
		}
		by := -1
		if p+1 < n && s.words[p].key == "BY" {
			// "the attack carried out by PKK militants against our
			// security forces"
			if g := s.groupAt(p + 1); g >= 0 && s.groups[g].i == p+1 {
				by, p = g, s.groups[g].j
			}
		}
		if p >= n || !c.words.eventPreps[s.words[p].key] {
			continue
		}
		// the target: the first group after the preposition, across "the
		// positions of"
		tg := -1
		for k := p + 1; k < n && k <= p+6; k++ {
			if g := s.groupAt(k); g >= 0 {
				if s.groups[g].i >= p+1 {
					tg = g
				}
				break
			}
			if x := s.words[k]; x.tag != nlp.DT && x.tag != nlp.JJ && x.key != "POSITIONS" && x.key != "POSITION" && x.key != "OF" {
				break // "an attack on a train in Pakistan": the train is the target
			}
		}
		if tg < 0 {
			continue
		}
		// the source: "Russia's attacks", "attacks by X", else unknown
		sg := -1
		if i >= 2 && s.words[i-1].tag == nlp.POS || (i >= 2 && s.words[i-1].tag == nlp.JJ && s.words[i-2].tag == nlp.POS) {
			q := i - 1
			for q > 0 && s.words[q].tag != nlp.POS {
				q--
			}
			if g := s.groupAt(q - 1); g >= 0 {
				sg = g
			}
		} else if g := s.groupAt(i); g >= 0 && s.groups[g].i < i && actorGroup(s, g) {
			sg = g // "Israeli airstrikes on", "the Russia attack on": an actor inside the phrase
		} else if g := s.groupAt(i - 1); g >= 0 && s.groups[g].j == i && s.groups[g].i < i-1 {
			sg = g
		} else {
			sg = s.objectOf(i) // "the BLA has ramped up attacks on"
		}
		if sg < 0 {
			for k := s.groups[tg].j; k+1 < n && k <= s.groups[tg].j+2; k++ {
				if s.words[k].key == "BY" {
					sg = s.groupAt(k + 1)
					break
				}
			}
		}
		if by >= 0 {
			sg = by
		}
		n0 := len(raw) // events before this noun's
		var srcs []codeRef
		if sg >= 0 {
			srcs = s.groups[sg].codes
		} else {
			srcs = []codeRef{{code: ""}}
		}
		for _, sc := range srcs {
			for _, tc := range s.groups[tg].codes {
				if sc.code == tc.code || codedAlready(raw[:n0], tc.code, code) {
					continue
				}
				r := rawEvent{src: sc.code, tgt: tc.code, code: code, srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j,
					verbI: i, verbJ: i + 1, pattern: "context:noun", tgtRef: s.groups[tg].ref, modality: mod}
				if sg >= 0 {
					r.srcRef = s.groups[sg].ref
				}
				raw = append(raw, r)
			}
		}
	}
	raw = c.nominalIntent(s, raw)
	raw = c.betweenEvents(s, raw)
	s.attachRefs(raw)
	return dedupRaw(raw)
}

// codedAlready reports whether an event with this target and CAMEO root
// exists.
func codedAlready(raw []rawEvent, tgt, code string) bool {
	for _, r := range raw {
		if sameAgent(r.tgt, tgt) && len(r.code) >= 2 && r.code[:2] == code[:2] {
			return true
		}
	}
	return false
}

// sameAgent reports whether two codes are one actor, one of them perhaps
// given the country of the place the act happened in ("police ... in
// Dhaka": ---COP and BGDCOP).
func sameAgent(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) != len(b) || len(a) <= 3 {
		return false
	}
	return a[3:] == b[3:] && (a[:3] == "---" || b[:3] == "---")
}

// codedByVerb reports whether the verb v the noun depends on gave an event
// aimed at tgt: "workers staged a strike against the government" is the
// verb's protest (143), not a second, military "strike". An attack noun
// aimed at a place is the verb's attack on its people, whatever its
// country: "carried out airstrikes on a village, killing 14 civilians".
func codedByVerb(raw []rawEvent, v int, tgt, code string) bool {
	for _, r := range raw {
		if v < 0 || r.verbI > v || v >= r.verbJ {
			continue
		}
		if sameAgent(r.tgt, tgt) || assault(code) && assault(r.code) && len(tgt) == 3 && (tgt == "---" || strings.HasPrefix(r.tgt, tgt)) {
			return true
		}
	}
	return false
}

// intentCoded reports an intention (03x) between the two actors already
// coded more precisely by a verb ("ready to support Kenya's government":
// 032, no second, generic 030).
func intentCoded(raw []rawEvent, src, tgt string) bool {
	for _, r := range raw {
		if r.src == src && r.tgt == tgt && strings.HasPrefix(r.code, "03") {
			return true
		}
	}
	return false
}

// reversed reports an act noun under a word that undoes it ("the lifting
// of sanctions on Syria", "exempted Canada from tariffs").
func (s *state) reversed(n int) bool {
	return s.governedBy(n, 3, func(h int) (bool, bool) {
		return s.wc.reversalWords[s.words[h].lemma] || s.wc.reversalWords[s.words[h].key], true
	})
}

// governedBy walks up to depth heads from n: at each, hit reports whether
// it is what is sought and whether to go on above it.
func (s *state) governedBy(n, depth int, hit func(h int) (found, goOn bool)) bool {
	x := n
	for k := 0; k < depth; k++ {
		h := int(s.words[x].head)
		if h < 0 {
			return false
		}
		found, goOn := hit(h)
		if found {
			return true
		}
		if !goOn {
			return false
		}
		x = h
	}
	return false
}

// nominalIntent codes "we are open to any initiative for developing
// direct interaction channels" (036) and "X is ready for cooperation"
// (030) when no verb of the sentence was coded.
func (c *Coder) nominalIntent(s *state, raw []rawEvent) []rawEvent {
	n := len(s.words)
	for i := 1; i+1 < n; i++ {
		if !c.words.openWords[s.words[i].key] || !beForms[s.words[i-1].key] {
			continue
		}
		if nx := s.words[i+1].key; nx != "TO" && nx != "FOR" {
			continue
		}
		sg := s.groupAt(i - 2)
		if sg < 0 || s.groups[sg].j != i-1 {
			continue
		}
		code := "030"
		end := n
		for k := i + 2; k < n; k++ {
			if s.words[k].key == ";" || (s.words[k].key == "," && k+1 < n && isCoord(s.words[k+1].key)) {
				end = k
				break
			}
			if c.words.talkNouns[s.words[k].key] || s.words[k].lemma == "NEGOTIATE" || s.words[k].lemma == "TALK" || s.words[k].lemma == "MEET" {
				code = "036"
			}
		}
		tg := -1
		for g := range s.groups {
			if s.groups[g].i > i && s.groups[g].j <= end && !c.words.topicPreps[s.words[s.groups[g].i-1].key] {
				tg = g
				break
			}
		}
		if tg < 0 && !s.speakerGroup(sg) {
			continue
		}
		for _, sc := range s.groups[sg].codes {
			if tg < 0 {
				raw = append(raw, rawEvent{src: sc.code, code: code, srcI: sc.i, srcJ: sc.j, verbI: i, verbJ: i + 1,
					pattern: "context:intent", modality: modIntended, srcRef: s.groups[sg].ref})
				continue
			}
			for _, tc := range s.groups[tg].codes {
				if tc.code != sc.code && !intentCoded(raw, sc.code, tc.code) {
					raw = append(raw, rawEvent{src: sc.code, tgt: tc.code, code: code, srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j,
						verbI: i, verbJ: i + 1, pattern: "context:intent", modality: modIntended, srcRef: s.groups[sg].ref, tgtRef: s.groups[tg].ref})
				}
			}
		}
	}
	return raw
}

// militarySupport codes support between armed forces as military
// cooperation (062), not verbal support (051): "the Syrian Army,
// supported by Russia's Aerospace Forces".
func militarySupport(raw []rawEvent) {
	for k := range raw {
		r := &raw[k]
		if r.code == "051" && armed(r.src) && armed(r.tgt) {
			r.code = "062"
		}
	}
}

// armed reports whether an actor code has a military role after its
// country part (RUSMIL, SYRMIL; not MIL-prefixed codes of other kinds).
func armed(code string) bool {
	return len(code) > 3 && hasAligned(code[3:], "MIL")
}

// blameBefore reports whether a blame verb precedes word i closely.
func (s *state) blameBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if s.words[k].lemma == "BLAME" || s.words[k].key == "BLAMED" || s.words[k].key == "BLAMES" || s.words[k].key == "BLAMING" {
			return true
		}
	}
	return false
}

// objectOf returns the subject group of the verb whose object is the noun
// at i ("the BLA has ramped up attacks on": the BLA), -1 when none.
func (s *state) objectOf(i int) int {
	k := i - 1
	for k >= 0 && (s.words[k].tag == nlp.JJ || s.words[k].tag == nlp.DT || s.words[k].tag == nlp.RB || s.words[k].tag == nlp.RP || s.words[k].tag == nlp.CD) {
		k--
	}
	if k < 0 || !s.words[k].tag.IsVerb() || beForms[s.words[k].key] || s.words[k].tag == nlp.VBN && k > 0 && beForms[s.words[k-1].key] {
		return -1
	}
	for k > 0 && (auxVerbs[s.words[k-1].key] || s.words[k-1].tag == nlp.RB || s.words[k-1].tag == nlp.MD) {
		k--
	}
	if g := s.groupAt(k - 1); g >= 0 && s.groups[g].j == k {
		return g
	}
	return -1
}

// accusedOf reports whether the noun at i is the content of an
// accusation coded earlier in the sentence ("accused X of involvement in
// the raids"); a condemned attack ("condemn the attack by X") did happen.
func (s *state) accusedOf(raw []rawEvent, i int) bool {
	for _, r := range raw {
		if !strings.HasPrefix(r.code, "112") || r.verbI >= i || r.pattern == "context:noun" {
			continue
		}
		for k := r.verbJ; k < i; k++ {
			if s.words[k].key == "OF" {
				return true
			}
		}
	}
	return false
}

// punishedFor reports an act noun that is the reason for a coercive act
// coded in the sentence: "arrested two men for the murder of", "detained
// in connection with the killing of", "sentenced him for the killing of".
// The act is what the punished are charged with, not news of its own.
func (s *state) punishedFor(raw []rawEvent, i int) bool {
	x := i
	for n := 0; n < 4 && x >= 0; n++ {
		switch p := s.caseOf(x); p {
		case "FOR", "OVER", "IN CONNECTION WITH", "WITH":
			h := int(s.words[x].head)
			for _, r := range raw {
				if strings.HasPrefix(r.code, "17") && (h >= r.verbI && h < r.verbJ || h >= 0 && s.ancestorOf(r.verbI, h)) {
					return true
				}
			}
			return false
		}
		x = int(s.words[x].head)
	}
	return false
}

// actorGroup reports whether group g names an actor, not only a role
// ("military operations" has the agent MILITARY but names no one).
func actorGroup(s *state, g int) bool {
	for _, c := range s.groups[g].codes {
		if !strings.HasPrefix(c.code, "---") {
			return true
		}
	}
	return false
}

// eventNoun returns the CAMEO code of an event noun at i ("airstrikes",
// "drone strike"), or "".
func (s *state) eventNoun(i int) eventNoun {
	e, _ := lookupNoun(s, i, s.wc.nouns)
	return e
}

// lookupNoun finds the noun at i in a word table: with a compound or
// adjective modifier first ("grenade attack", "chemical attack", "peace
// talks"), then alone, by form and by lemma.
func lookupNoun[V any](s *state, i int, m map[string]V) (V, bool) {
	w := &s.words[i]
	for _, k := range s.children(i) {
		if r := s.words[k].rel; r == syntax.Compound || r == syntax.Amod {
			if v, ok := m[s.words[k].key+" "+w.lemma]; ok {
				return v, true
			}
			if v, ok := m[s.words[k].key+" "+w.key]; ok {
				return v, true
			}
		}
		if s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == "OF" {
			if v, ok := m[w.key+" OF "+s.words[k].key]; ok {
				return v, true // "an exchange of fire"
			}
		}
	}
	if v, ok := m[w.key]; ok {
		return v, true
	}
	v, ok := m[w.lemma]
	return v, ok
}

// background reports an event noun in an "after", "following" or "amid"
// phrase of its verb: it has happened, whatever the clause's modality.
func (s *state) background(i int) bool {
	return s.isRel(i, syntax.Obl) && s.wc.backgroundPreps[s.caseOf(i)]
}

// nominalEventsTree codes events named by nouns from the tree: the
// noun's target is its on/against/upon/at modifier (an actor, or an
// attacked place), its source its possessor or actor modifier ("Russia's
// attacks", "Israeli airstrikes"), a by-phrase, or the subject of the verb
// it is the object of ("militants launched attacks on"); the noun is not
// coded when negated, intended only as a threat, the content of an
// accusation, or already coded by a verb pattern.
func (c *Coder) nominalEventsTree(s *state, raw []rawEvent) []rawEvent {
	n0 := len(raw)
	for i := range s.words {
		w := &s.words[i]
		if w.upos != syntax.NOUN && w.upos != syntax.PROPN || s.inMent[i] >= 0 && int(s.mentHead[s.inMent[i]]) != i {
			continue
		}
		en := s.eventNoun(i)
		code := en.code
		if code == "" || !s.armedOperation(i) {
			continue
		}
		if d := s.childExact(i, syntax.Det); d >= 0 && nounNegators[s.words[d].key] {
			continue // "no attacks on"
		}
		h := int(s.words[s.firstConjunct(i)].head) // "launched a missile and drone attack on Ukraine": the verb of the first conjunct
		mod := ""
		if s.pursued(i) || s.reversed(i) {
			continue // "work to secure Lai's release", "push for the release of X": not yet; "the lifting of sanctions": undone
		}
		if s.punishedFor(raw[:n0], i) {
			continue // "arrested two men for the murder of a shopkeeper": the charge, told before
		}
		if h >= 0 && s.verbal(h) && s.claimingVerb(i) != h && !s.background(i) {
			if s.unrealTree(h) != "" {
				continue
			}
			if u := s.wc.unreal[s.words[h].lemma]; u == "ALLEGE" || u == "FAIL" || s.words[h].lemma == "BLAME" {
				continue // "accused X of involvement in the raids", "blamed the attacks on", "foiled an attack"
			}
			vc := verbCand{i: h, vs: h, ve: h + 1}
			mod = s.treeModality(&vc)
		}
		if mod == modIntended {
			if ic := c.words.intentCode(code); ic != "" {
				code = ic
			}
		}
		tw := s.nounTarget(i, en.patient)
		tg := s.roleGroup(tw)
		place := ""
		if tg < 0 && tw >= 0 && assault(code) {
			place = c.placeTarget(s, tw, -1)
		}
		if tg < 0 && place == "" {
			continue
		}
		sg := s.nounSource(i, tg, en.patient)
		if sg < 0 && mod == modIntended {
			continue // "those responsible for attacks on civilians will be held accountable": no one threatens
		}
		if sg < 0 && s.disasterInSentence() >= 0 {
			continue // "an explosion at a fireworks factory": an accident, no attack
		}
		if sg < 0 && !unknownDoer(code) {
			continue // "the release of the girls" by nobody named: no event
		}
		var srcs, tgts []codeRef
		if sg >= 0 {
			srcs = s.groups[sg].codes
		} else {
			srcs = []codeRef{{code: ""}}
		}
		if tg >= 0 {
			tgts = s.groups[tg].codes
		} else {
			tgts = []codeRef{{code: place, i: tw, j: tw + 1}}
		}
		for _, sc := range srcs {
			for _, tc := range tgts {
				if sc.code == tc.code || codedAlready(raw[:n0], tc.code, code) || codedByVerb(raw[:n0], h, tc.code, code) {
					continue
				}
				r := rawEvent{src: sc.code, tgt: tc.code, code: code, srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j,
					verbI: i, verbJ: i + 1, pattern: "context:noun", modality: mod, noSource: sg < 0, tgtPlace: tg < 0}
				if tg >= 0 {
					r.tgtRef = s.groups[tg].ref
				}
				if sg >= 0 {
					r.srcRef = s.groups[sg].ref
				}
				raw = append(raw, r)
			}
		}
	}
	raw = c.nominalIntent(s, raw)
	raw = c.betweenEvents(s, raw)
	raw = c.lightEvents(s, raw)
	s.attachRefs(raw)
	return dedupRaw(raw)
}

// nounTarget returns the word an event noun is aimed at: its on, against,
// upon or at modifier, through "the positions of" ("attacks on the
// positions of the Syrian Army"); -1 when none.
func (s *state) nounTarget(i int, patient bool) int {
	if patient {
		// "the abduction of 276 schoolgirls", else "their abduction"
		for _, k := range s.children(i) {
			if s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == "OF" && s.words[k].rel != syntax.NmodPoss {
				return int(k)
			}
		}
		if p := s.childExact(i, syntax.NmodPoss); p >= 0 {
			return p
		}
	}
	for _, k := range s.children(i) {
		if !s.isRel(int(k), syntax.Nmod) || s.words[k].rel == syntax.NmodPoss {
			continue
		}
		switch s.caseOf(int(k)) {
		case "ON", "AGAINST", "UPON", "AT", "TARGETING":
		default:
			continue
		}
		if s.groupOfWord(int(k)) < 0 {
			// "the positions of X": the actor inside
			for _, x := range s.children(int(k)) {
				if s.isRel(int(x), syntax.Nmod) && s.caseOf(int(x)) == "OF" && s.groupOfWord(int(x)) >= 0 {
					return int(x)
				}
			}
		}
		return int(k)
	}
	// "the attack carried out by PKK militants against our forces",
	// wherever the parse hung the against-phrase inside the noun's phrase
	if t := s.againstIn(i, 0); t >= 0 {
		return t
	}
	// "accusations have been made against X", "attacks were carried out
	// on X": the act's target stands with the verb that carries the noun
	if h := int(s.words[i].head); h >= 0 && s.verbal(h) {
		if r := s.words[i].rel; r == syntax.Obj || r == syntax.NsubjPass {
			return s.obliqueTarget(h)
		}
	}
	return -1
}

// nounSource returns the group acting in an event noun: its possessor
// ("Russia's attacks"), an actor inside its own phrase ("Israeli
// airstrikes"), its by-phrase or the agent of "carried out by", else the
// subject of the verb it is the object of ("militants launched attacks").
func (s *state) nounSource(i, tg int, patient bool) int {
	if g := s.groupOfWord(i); g >= 0 && g != tg && actorGroup(s, g) && !(patient && s.childExact(i, syntax.NmodPoss) >= 0 && s.roleGroup(s.childExact(i, syntax.NmodPoss)) == tg) {
		return g
	}
	for _, k := range s.children(i) {
		kr := s.words[k].rel
		switch {
		case kr == syntax.NmodPoss:
			if g := s.roleGroup(int(k)); g >= 0 && g != tg {
				return g
			}
		case (s.isRel(int(k), syntax.Nmod) || s.isRel(int(k), syntax.Obl)) && s.caseOf(int(k)) == "BY":
			if g := s.roleGroup(int(k)); g >= 0 && g != tg {
				return g
			}
		case patient && s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == "OF":
			// "the sanctioning of X by the United States" with the by-phrase
			// hung on X: a person is not "by" anyone, the act is
			for _, b := range s.children(int(k)) {
				if s.isRel(int(b), syntax.Nmod) && s.caseOf(int(b)) == "BY" {
					if g := s.roleGroup(int(b)); g >= 0 && g != tg {
						return g
					}
				}
			}
		case kr == syntax.Acl && s.words[k].tag == nlp.VBN:
			if a := s.childExact(int(k), syntax.OblAgent); a >= 0 {
				if g := s.roleGroup(a); g >= 0 && g != tg {
					return g
				}
			}
			if p := s.wc.blameVerbs[s.words[k].lemma]; p != "" {
				// "an attack blamed on Kurdish militants"
				for _, o := range s.children(int(k)) {
					if s.isRel(int(o), syntax.Obl) && s.caseOf(int(o)) == p {
						if g := s.roleGroup(int(o)); g >= 0 && g != tg {
							return g
						}
					}
				}
			}
		}
	}
	if f := s.firstConjunct(i); f != i && s.words[f].rel == syntax.Obj {
		i = f // "launched a massive missile and drone attack": the conjunct's verb
	}
	if h := int(s.words[i].head); h >= 0 && s.verbal(h) && (s.words[i].rel == syntax.Obj || s.isRel(i, syntax.Obl) && s.caseOf(i) == "WITH") && !s.wc.witnessVerbs[s.words[h].lemma] && !s.wc.speech[s.words[h].lemma] {
		// (or the act a verb is done with: "responded with airstrikes on")
		if r := s.rolesOf(h, 0); r.subj >= 0 && !r.passive {
			if g := s.roleGroup(r.subj); g >= 0 && g != tg {
				return g
			}
		}
	}
	if v := s.claimingVerb(i); v >= 0 {
		if r := s.rolesOf(v, 0); r.subj >= 0 && !r.passive {
			if g := s.roleGroup(r.subj); g >= 0 && g != tg {
				return g
			}
		}
	}
	return -1
}

// firstConjunct returns the first conjunct of the coordination noun i
// stands in ("attack" in "a missile and drone attack": "missile"), or i.
func (s *state) firstConjunct(i int) int {
	for n := 0; n < 8 && s.words[i].rel == syntax.Conj && s.words[i].head >= 0 && s.nominal(int(s.words[i].head)); n++ {
		i = int(s.words[i].head)
	}
	return i
}

// claimingVerb returns the verb of "claimed responsibility for" the act
// at i (the "for" phrase on the claim noun or on the verb), or -1.
func (s *state) claimingVerb(i int) int {
	h := int(s.words[i].head)
	if h < 0 || s.caseOf(i) != "FOR" {
		return -1
	}
	if s.wc.claimNouns[s.words[h].key] && s.words[h].rel == syntax.Obj && s.words[h].head >= 0 {
		return int(s.words[h].head) // "responsibility for the attack"
	}
	if o := s.childExact(h, syntax.Obj); o >= 0 && s.verbal(h) && s.wc.claimNouns[s.words[o].key] {
		return h // the parse hung "for the attack" on the verb
	}
	return -1
}

// againstIn returns the first phrase under x (breadth first, not into
// relative clauses) that an act's target preposition marks: against, on,
// upon, targeting.
func (s *state) againstIn(x, depth int) int {
	if depth > 4 {
		return -1
	}
	kids := s.children(x)
	for _, k := range kids {
		if s.words[k].rel == syntax.AclRelcl || !s.nominal(int(k)) {
			continue
		}
		switch s.caseOf(int(k)) {
		case "AGAINST", "ON", "UPON", "TARGETING":
			return int(k)
		}
	}
	for _, k := range kids {
		if s.words[k].rel == syntax.AclRelcl || s.words[k].rel == syntax.Punct {
			continue
		}
		if s.words[k].rel == syntax.Acl && s.wc.blameVerbs[s.words[k].lemma] != "" {
			continue // "an attack blamed on militants": its doer (nounSource)
		}
		if t := s.againstIn(int(k), depth+1); t >= 0 {
			return t
		}
	}
	return -1
}
