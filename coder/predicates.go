package coder

import (
	"fmt"
	"slices"
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/syntax"
)

// Stage "predicates": every dictionary verb is coded with its own
// arguments from the tree. It reads the verbs (findVerbs), the groups
// (phrases) and the roles (arguments); patterns match inside the verb's
// own clause only (window), a pattern's target must stand where the tree
// allows ("* AGAINST +" binds an against-oblique, a bare "* +" an object,
// never a place adverbial), and it writes raw events with their modality.

// codeTree codes each verb of the sentence. A verb whose word an earlier
// verb's pattern spelled out ("* TO WITHDRAW") is not coded again.
func (c *Coder) codeTree(s *state) []rawEvent {
	if len(s.verbs) == 0 {
		return nil
	}
	for i := range s.words {
		s.mask |= wordBit(s.words[i].key)
		if c.lemmaPatterns {
			s.mask |= wordBit(s.words[i].lemma)
		}
	}
	if s.trace != nil {
		s.trace.snapshot(s)
	}
	var out []rawEvent
	covered := s.covered[:0]
	for vi := range s.verbs {
		v := &s.verbs[vi]
		skip := false
		for _, k := range covered {
			if k == v.i {
				skip = true
			}
		}
		if skip {
			s.tryNote(v, "spelled out by the pattern of the verb it depends on")
			continue
		}
		evs, cp := c.codeVerbTree(s, v)
		if cp != nil && len(evs) > 0 {
			// the xcomp verbs this pattern names are coded with it
			for _, k := range s.children(v.i) {
				if s.words[k].rel == syntax.Xcomp && patternNames(cp, &s.words[k]) {
					covered = append(covered, int(k))
				}
			}
		}
		out = append(out, evs...)
	}
	s.covered = covered
	s.allow = s.allow[:0]
	c.specifyRequests(s, out)
	s.markReported(out)
	if s.modern {
		out = c.modalAppeals(s, out) // the speaker's own act: never reported
		out = c.epithets(s, out)
		out = s.mergeTolls(out)
		out = s.mergeComplements(out)
	}
	return out
}

// partnerOf returns the actor group verb v acts with, other than group
// g: its with-phrase; -1 when none.
func (s *state) partnerOf(v, g int) int {
	for _, k := range s.children(v) {
		if !s.isRel(int(k), syntax.Obl) || s.caseOf(int(k)) != "WITH" {
			continue
		}
		if o := s.roleGroup(int(k)); o >= 0 && o != g && actorGroup(s, o) {
			return o
		}
	}
	return -1
}

// codePrecision ranks how much a CAMEO code says: longer codes more, and
// of equal length one not ending in 0 (195 over 190).
func codePrecision(code string) int {
	if strings.HasSuffix(code, "0") {
		return 2 * len(code)
	}
	return 2*len(code) + 1
}

// dropUncodedRaw removes the raw events a stage emptied (code "").
func dropUncodedRaw(raw []rawEvent) []rawEvent {
	out := raw[:0]
	for _, r := range raw {
		if r.code != "" {
			out = append(out, r)
		}
	}
	return out
}

// mergeComplements keeps one event where a verb and the verb of its
// complement code the same act between the same actors: "threatened to
// cut gas supplies to Ukraine" (130 and 1311), "threatened to launch
// nuclear strikes against the United States" (1385 and 1384). The more
// precise code wins; on a tie, the governing verb's.
func (s *state) mergeComplements(raw []rawEvent) []rawEvent {
	under := func(w, v int) bool {
		for x, n := w, 0; x >= 0 && n < 3; n++ {
			h := int(s.words[x].head)
			if h < 0 {
				return false
			}
			switch s.words[x].rel.Universal() {
			case syntax.Xcomp, syntax.Ccomp, syntax.Advcl:
			default:
				return false
			}
			if h == v {
				return true
			}
			x = h
		}
		return false
	}
	merged := false
	for k := range raw {
		b := &raw[k]
		if b.code == "" || len(b.code) < 3 || b.verbI < 0 || b.verbI >= len(s.words) {
			continue
		}
		for q := range raw {
			a := &raw[q]
			if q == k || a.code == "" || len(a.code) < 3 || a.src != b.src || a.tgt != b.tgt || a.code[:2] != b.code[:2] || a.verbI < 0 || !under(b.verbI, a.verbI) {
				continue
			}
			if codePrecision(b.code) > codePrecision(a.code) {
				a.code = b.code
			}
			b.code, merged = "", true
			break
		}
	}
	if !merged {
		return raw
	}
	return dropUncodedRaw(raw)
}

// mergeTolls folds the toll an attack's result participle tells into the
// attack: "warplanes pounded targets in southern Lebanon, killing at
// least 20 civilians" is one act, coded with the more precise of the two
// codes and, when the attack names only a place or a country, aimed at
// those it struck. A toll of others than the attack names stays an event
// of its own.
func (s *state) mergeTolls(raw []rawEvent) []rawEvent {
	merged := false
	for k := range raw {
		e := &raw[k]
		if !assault(e.code) || e.verbI < 0 || e.verbI >= len(s.words) {
			continue
		}
		w := &s.words[e.verbI]
		if w.tag != nlp.VBG || w.rel != syntax.Advcl || w.head < 0 || !s.wc.tollVerbs[w.lemma] {
			continue
		}
		h := int(w.head)
		for q := range raw {
			m := &raw[q]
			if q == k || !assault(m.code) || m.src != e.src && (m.srcI != e.srcI || m.srcJ != e.srcJ) || h < m.verbI || h >= m.verbJ {
				continue
			}
			absorb := m.tgt == "" || m.tgtPlace || len(m.tgt) == 3 && (strings.HasPrefix(e.tgt, m.tgt) || strings.HasPrefix(e.tgt, "---"))
			if !absorb && !sameAgent(m.tgt, e.tgt) {
				continue // a toll of others than the attack names stays its own event ("injuring two soldiers and a civilian")
			}
			if codePrecision(e.code) > codePrecision(m.code) {
				m.code = e.code
			}
			if absorb {
				country := m.tgt
				m.tgt, m.tgtI, m.tgtJ, m.tgtRef, m.tgtInferred, m.tgtPlace = e.tgt, e.tgtI, e.tgtJ, e.tgtRef, e.tgtInferred, e.tgtPlace
				if len(country) == 3 && country != "---" && strings.HasPrefix(m.tgt, "---") {
					m.tgt = country + m.tgt[3:] // "hit a refinery in Russia's Bryansk region, killing two workers"
				}
			}
			e.code, merged = "", true
			break
		}
	}
	if !merged {
		return raw
	}
	return dropUncodedRaw(raw)
}

// markReported marks the events of reported content: "X said (that) Y
// attacked Z" and "Y attacked Z, X said" give Y→Z reported by X.
func (s *state) markReported(out []rawEvent) {
	if len(out) == 0 {
		return
	}
	for i := range s.words {
		w := &s.words[i]
		if !(s.wc.reportVerbs[w.lemma] || s.wc.speech[w.lemma]) || !s.verbal(i) {
			continue
		}
		lo, hi := -1, -1
		for _, k := range s.children(i) {
			if r := s.words[k].rel; r == syntax.Ccomp || r == syntax.Parataxis && s.verbal(int(k)) {
				lo, hi = s.subtreeSpan(int(k))
				break
			}
		}
		if lo < 0 && w.head >= 0 && int(w.head) < i && s.verbal(int(w.head)) && w.rel != syntax.Conj && w.rel != syntax.Xcomp {
			// "Israel attacked Hamas positions, the army said": the clause
			// the speech verb hangs from, up to it
			lo, hi = s.subtreeSpan(int(w.head))
			if ilo, _ := s.subtreeSpan(i); ilo < hi && ilo > lo {
				hi = ilo
			}
		}
		if lo < 0 {
			continue
		}
		r := s.rolesOf(i, 0)
		g := s.roleGroup(r.subj)
		by := ""
		if g >= 0 && s.doc != nil {
			_, by = s.span(s.doc, s.groups[g].i, s.groups[g].j)
		} else if r.subj >= 0 && s.doc != nil {
			lo, hi := s.subtreeSpan(r.subj) // "security sources": a reporter no dictionary names
			for lo < hi && s.words[lo].upos == syntax.PUNCT {
				lo++
			}
			for hi > lo && s.words[hi-1].upos == syntax.PUNCT {
				hi--
			}
			_, by = s.span(s.doc, lo, hi)
		}
		rc := ""
		if g >= 0 {
			rc = s.groupCountry(g)
		}
		for k := range out {
			e := &out[k]
			if e.verbI >= lo && e.verbI < hi && e.verbI != i && e.certainty == "" {
				e.certainty, e.reportedBy = "reported", by
				if s.allegedBy(i, e.verbI) {
					e.certainty = "alleged"
				}
				if rc != "" && assault(e.code) && e.tgt == "---CVL" && e.src != "" && s.wc.country(e.src) != "" && s.wc.country(e.src) != rc {
					// "Pakistan's military said Indian missiles killed 26
					// civilians": the civilians a side reports killed by
					// the other side are its own people (not fighters:
					// "Turkey said Syrian forces attacked Kurdish fighters")
					e.tgt, e.tgtInferred = rc+e.tgt[3:], true
				}
			}
		}
	}
}

// groupCountry returns the one country of a group's codes, or "".
func (s *state) groupCountry(g int) string {
	cc := ""
	for _, cr := range s.groups[g].codes {
		c := s.wc.country(cr.code)
		if c == "" || cc != "" && c != cc {
			return ""
		}
		cc = c
	}
	return cc
}

// allegedBy reports whether what report verb r says about the act at v
// is marked unproven: "claimed", "alleged", "said without evidence", or
// the act itself "allegedly" done. An allegation named inside the
// content ("rejected baseless allegations") says nothing of the act.
func (s *state) allegedBy(r, v int) bool {
	if s.wc.unreal[s.words[r].lemma] == "ALLEGE" || s.words[r].lemma == "CLAIM" {
		return true
	}
	for _, x := range [2]int{r, v} {
		for _, k := range s.children(x) {
			w := &s.words[k]
			if w.rel == syntax.Advmod && s.wc.allegedAdverbs[w.key] {
				return true
			}
			if s.isRel(int(k), syntax.Obl) && (w.key == "EVIDENCE" || w.key == "PROOF" || w.key == "SUBSTANTIATION") && s.caseOf(int(k)) == "WITHOUT" {
				return true
			}
		}
	}
	return false
}

// patternNames reports whether a pattern's words after the verb include w.
func patternNames(cp *cpattern, w *word) bool {
	for _, m := range cp.post {
		for _, x := range m.words {
			if x == w.key || x == w.lemma {
				return true
			}
		}
	}
	return false
}

func (s *state) tryNote(v *verbCand, note string) {
	if s.trace != nil {
		s.trace.tries = append(s.trace.tries, verbTry{verb: v.i, src: -1, tgt: -1, note: note})
	}
}

// codeVerbTree matches v's patterns inside its clause and assigns source
// and target from the tree. It returns the events and the pattern used.
func (c *Coder) codeVerbTree(s *state, v *verbCand) ([]rawEvent, *cpattern) {
	r := s.rolesOf(v.i, 0)
	lo, hi := s.window(v.i)
	if r.subj >= 0 && r.subj < v.vs && (r.subj < lo || !s.allow[r.subj]) {
		// the subject a controller or participle shares ("Israeli aircraft
		// bombed Gaza, killing ...") is in the verb's clause for patterns
		// that name it ("&WEAPON *")
		if g := s.groupOfWord(r.subj); g >= 0 {
			for k := s.groups[g].i; k < s.groups[g].j; k++ {
				s.allow[k] = true
			}
			lo = min(lo, s.groups[g].i)
		}
	}
	if !s.modern {
		// TABARI-era patterns read the sentence linearly, across clauses
		// ("- INDICATED WOULD * NOW"): the tree gives roles, not the window
		lo, hi = 0, len(s.words)
		s.allow = s.allow[:0]
	}
	if v.vs < lo {
		lo = v.vs
	}
	if v.ve > hi {
		hi = v.ve
	}
	best, bb, verb := c.bestPattern(s, v, lo, hi, func(cp *cpattern, b *binding) bool {
		return s.targetFits(cp, b, v, r) && (!s.modern || s.literalsAttached(b, v))
	})
	if best == nil && s.modern && r.passive && r.obj >= 0 && r.obj < v.vs {
		if g := s.groupOfWord(r.obj); g >= 0 {
			best, verb = c.passivePattern(s, v, s.groups[g].i, s.groups[g].j, verb)
		}
	}
	code, pattern := c.matchCode(best, verb)
	ok := true
	tr := verbTry{verb: v.i, code: code.String(), src: -1, tgt: -1, subjFrom: r.subjFrom, objFrom: r.objFrom}
	if best != nil {
		tr.pattern = best.pat
	}
	defer func() {
		if s.trace != nil {
			s.trace.tries = append(s.trace.tries, tr)
		}
	}()
	refused := false
	if v.negated && s.modern && (best == nil || !best.hasNeg) && !r.passive && s.roleGroup(r.subj) >= 0 && (s.refusedAt(v.i) || c.words.refusalListed(code.Active) && s.resolvedNot(v.i)) {
		// (someone refuses: "the journalist was not allowed to" says
		// nobody's refusal)
		// "Russia would not accept European peacekeepers": a refusal
		rc := c.words.refusalCode(code.Active)
		if code.IsNull() || code.Active == "###" {
			rc = "120"
		}
		code = petrarch.Code{Active: rc}
		tr.code, tr.note = rc, "an acceptance negated on itself: a refusal"
		v.negated, refused = false, true
		defer func() { v.negated = true }()
	}
	if code.IsNull() || code.Active == "###" {
		tr.note = "null code: no event"
		return nil, best
	}
	if s.modern && s.backerRelative(v.i) {
		if !s.militaryBacker(v.i) {
			tr.note = "who stands behind a group that acts in the sentence: no event"
			return nil, best
		}
		// "government soldiers backed by African Union troops": forces
		// fighting beside others in the act cooperate militarily
		code = petrarch.Code{Active: "062"}
		tr.code, tr.note = "062", "troops backing others in the act: military cooperation"
	}
	if v.negated && (best == nil || !best.hasNeg) {
		tr.note = "negated: not coded as the positive event"
		return nil, best
	}
	if s.requestedTree(v) {
		tr.note = "requested action (object of a request or wish): not an event"
		if h := int(s.words[v.i].head); h >= 0 && code.Active != "" && code.Active != "---" {
			s.requests = append(s.requests, request{by: h, code: code.Active})
		}
		return nil, best
	}
	if bb.comp >= 0 && !bb.compPost {
		if o := s.partnerOf(v.i, bb.comp); o >= 0 && bb.tgt < 0 {
			// "Egyptian and Qatari mediators met with a Hamas
			// delegation": the members meet the partner, not each other
			bb.src, bb.tgt, bb.comp = bb.comp, o, -1
			tr.note = "compound actor with a partner"
		} else {
			tr.note = "compound actor"
			return c.realizedPairs(s, bb.comp, code, v, pattern, &tr), best
		}
	}
	src, tgt := bb.src, bb.tgt
	if bb.comp >= 0 && tgt < 0 {
		tgt = bb.comp
	}
	if tgt >= 0 && best != nil && s.modern && s.groups[tgt].head >= 0 && best.names(s.words[s.groups[tgt].head].key) && (s.agentOnly(tgt) || src >= 0 && s.ownForces(src, tgt)) {
		tgt = -1 // "agreed to share intelligence", "pledged to send troops to Somalia": the thing the pattern names
	}
	subj := s.roleGroup(r.subj)
	obj := s.roleGroup(r.obj)
	if obj >= 0 && r.obj >= v.vs && r.obj < v.ve && s.modern && s.agentOnly(obj) {
		obj = -1 // "shared intelligence with X": the verb phrase's own noun
	}
	if obj >= 0 && best != nil && s.modern && s.agentOnly(obj) && s.spelledOut(obj, &bb) {
		obj = -1 // "exchanged artillery fire": words the pattern spells out, not a party (unlike "killing civilians")
	}
	if r.obj >= 0 && s.modern && s.eventNoun(r.obj).code == "" && s.wc.answerNouns[s.words[r.obj].key] == nil {
		// (but "condemned the violence against demonstrators": force
		// against someone is aimed at them by its doer, whom a reaction
		// answers)
		// "waging an insurgency against the state", "filed a lawsuit
		// against X": an activity is aimed at its against-phrase (an
		// act the dictionary names is handled below: condemning "the
		// strikes against Yemen" is aimed at their doer)
		for _, k := range s.children(r.obj) {
			if s.words[k].rel == syntax.Nmod && s.caseOf(int(k)) == "AGAINST" {
				if o := s.roleGroup(int(k)); o >= 0 && o != s.roleGroup(r.subj) {
					obj = o
				}
				break
			}
		}
	}
	if obj >= 0 && s.modern && strings.HasPrefix(code.Active, "04") && r.obj < len(s.inMent) && s.inMent[r.obj] < 0 && !s.namedByAppos(r.obj) {
		obj = -1 // "discussed China's role": talks are about a topic, held with parties
	}
	if r.passive && r.subj < 0 && !s.modern {
		// TABARI-era dictionaries write passives into their patterns ("+
		// WAS * DEAD IN $"): without an agent the subject stays the source
		subj, obj = obj, -1
	}
	if best != nil && s.modern {
		// "fighting alongside Mozambican forces against insurgents" under
		// a pattern that names "alongside": the partner is the target
		if g := s.namedCoagent(v.i, best); g >= 0 && g != subj {
			obj = g
		}
	}
	if src < 0 && subj != tgt {
		src = subj
	}
	if tgt < 0 && obj != src && !s.ownedBy(r.obj, src) {
		tgt = obj
	}
	ownSubject := r.subjFrom == "nsubj" || r.subjFrom == "obl:agent" || r.subjFrom == "relative clause head"
	if tgt >= 0 && src >= 0 && s.modern && (sameCodes(s.groups[src].codes, s.groups[tgt].codes) && !s.twoAlike(code.Active, src, tgt, obj, ownSubject) ||
		ownCountry(s.groups[src].codes, s.groups[tgt].codes) && s.groups[tgt].head >= 0 && s.inMent[s.groups[tgt].head] < 0) {
		// (but force against the object by the verb's own subject is an
		// event between two parties of one kind: "a mob lynched a man",
		// "rebels attacked rival rebels"; a subject shared with another
		// clause may be the victims' own phrase)
		// (or "Modi discussed upgrading India's defense ties with X": a
		// thing of the source's own country)
		// "Rubio will join Waltz for the talks with Ukrainian officials":
		// a partner of the subject's own side is no target; look further
		tgt, obj = -1, -1
	}
	if strings.HasPrefix(code.Active, "14") && r.obj < 0 && s.modern {
		if a := s.protestedAct(v.i); a >= 0 {
			// "protested against the killing of a student by police": a
			// protest against an act is aimed at whoever did it, never at
			// its victims
			if o := s.nounSource(a, -1, s.eventNoun(a).patient); o >= 0 && o != src {
				tgt, obj = o, o
			}
		}
	}
	if tgt < 0 && r.obj >= 0 && obj < 0 && s.modern {
		// the recipient first: "gave Hamas an ultimatum to release the
		// hostages" is aimed at Hamas, not at what the ultimatum names
		if io := s.childExact(v.i, syntax.Iobj); io >= 0 {
			if o := s.roleGroup(io); o >= 0 && o != src {
				tgt = o
			}
		}
	}
	if tgt < 0 && r.obj >= 0 && obj < 0 {
		if en := s.eventNoun(r.obj); en.code != "" && verbal(code.Active) {
			// condemning, welcoming or denying an act is aimed at whoever
			// did it ("condemned the attack by X", "Russia's strikes"),
			// never at its victims
			o := -1
			if !r.passive {
				// the parse hung the act's "by X" on the verb
				for _, k := range s.children(v.i) {
					if s.isRel(int(k), syntax.Obl) && s.caseOf(int(k)) == "BY" && int(k) > r.obj {
						o = s.roleGroup(int(k))
						break
					}
				}
			}
			if o < 0 {
				o = s.nounSource(r.obj, -1, en.patient)
			}
			if o != src {
				tgt = o
			}
		} else if en.code != "" {
			// carrying out an act is aimed at the act's target ("launched
			// attacks on X", "stepped up strikes against X")
			if o := s.roleGroup(s.nounTarget(r.obj, en.patient)); o != src {
				tgt = o
			}
		} else if nt := s.nominalTarget(r.obj); s.roleGroup(nt) != src && !(strings.HasPrefix(code.Active, "04") && nt >= 0 && s.words[nt].rel == syntax.NmodPoss) &&
			!(verbal(code.Active) && s.wc.answerNouns[s.words[r.obj].key] != nil && nt >= 0 && s.wc.targetPreps[s.caseOf(nt)]) {
			// (but "condemned the violence against demonstrators": an act
			// of force reacted to is aimed at by its doer, not at its
			// victims)
			// an object naming no actor points at one: "restored ties
			// with Gondor", "imposed sanctions on Iran" (a topic's owner
			// is no party to talks)
			tgt = s.roleGroup(nt)
		}
	}
	if tgt < 0 && r.obj >= 0 && (r.obj >= v.vs && r.obj < v.ve || best != nil && s.modern && best.names(s.words[r.obj].key) && (s.ownedBy(r.obj, src) || s.roleGroup(r.obj) < 0)) {
		// "issued an arrest warrant for Netanyahu": the verb phrase (or
		// the pattern, with the subject's own thing: "downgraded its
		// embassy in Israel", or a thing of nobody's: "issued arrest
		// warrants for two men") holds its object, so a phrase the parse
		// hung on the verb names whom it is aimed at
		// ("recalled its ambassador to France": or on the object)
		for _, x := range [2]int{v.i, r.obj} {
			for _, k := range s.children(x) {
				p := s.caseOf(int(k))
				host := p == "IN" && c.words.missionNouns[s.words[r.obj].key] // "its embassy in Israel"
				if tgt >= 0 || int(k) < r.obj || !s.isRel(int(k), syntax.Obl) && !s.isRel(int(k), syntax.Nmod) || p == "" || p == "BY" || p == "OF" || c.words.locativePreps[p] && !host {
					continue
				}
				if c.words.topicPreps[p] && c.words.talkNouns[s.words[r.obj].key] {
					continue // "held talks on a prisoner exchange": the topic
				}
				if o := s.roleGroup(int(k)); o >= 0 && o != src {
					tgt = o
				}
			}
		}
	}
	if tgt >= 0 && tgt == obj && (s.agentOnly(tgt) || src >= 0 && s.ownForces(src, tgt)) && s.modern {
		// "offered to send police officers to Haiti", "sent soldiers
		// into Somalia": what is sent (the sender's own, or nobody's
		// named) is no target when the destination names one
		// (the destination may hang on the last thing sent: "deployed
		// additional troops and equipment to Poland")
		dest := append([]int16(nil), s.children(v.i)...)
		if r.obj >= 0 {
			for _, c := range s.children(r.obj) {
				if s.words[c].rel == syntax.Conj {
					dest = append(dest, s.children(int(c))...)
				}
			}
			dest = append(dest, s.children(r.obj)...)
		}
		for _, k := range dest {
			if p := s.caseOf(int(k)); (s.isRel(int(k), syntax.Obl) || s.isRel(int(k), syntax.Nmod)) && (p == "TO" || p == "INTO") {
				if o := s.roleGroup(int(k)); o >= 0 && o != src && !s.agentOnly(o) {
					tgt = o
					break
				}
			}
		}
	}
	if tgt < 0 {
		// "urged Israel to halt strikes" with the object misread: the
		// recipient
		if io := s.childExact(v.i, syntax.Iobj); io >= 0 {
			if o := s.roleGroup(io); o != src {
				tgt = o
			}
		}
	}
	if tgt < 0 && v.ve > v.i+1 && v.ve < len(s.words) {
		// a verb phrase ending in its preposition ("stands in solidarity
		// with", "reached out to"): the phrase right after it
		if o := s.groupAt(v.ve); o >= 0 && o != src {
			tgt = o
		}
	}
	if tgt < 0 && !v.speech {
		// "fired on X", "clashed with X"; "attacks on the positions of X"
		ot := s.obliqueTarget(v.i)
		o := s.roleGroup(ot)
		if o < 0 && ot >= 0 {
			o = s.roleGroup(s.nominalTargetAt(ot, 0))
		}
		if o != src {
			tgt = o
		}
	}
	if tgt < 0 && !v.speech && s.modern && (assault(code.Active) || code.Active == "057" || strings.HasPrefix(code.Active, "06")) {
		// the target's phrase hung deep inside what the verb acts with:
		// "dropped grenades containing tear gas on Ukrainian positions",
		// "signed a memorandum of understanding with Somaliland"
		preps := map[string]bool{"ON": true, "AT": true, "AGAINST": true, "UPON": true}
		if !assault(code.Active) {
			preps = map[string]bool{"WITH": true}
		}
		if o := s.roleGroup(s.deepTarget(v.i, preps)); o >= 0 && o != src {
			tgt = o
		}
	}
	threat := strings.HasPrefix(code.Active, "13")
	if tgt < 0 && !v.speech && (best != nil || threat) {
		// "launched an operation to flush out al-Shabab", "threatened to
		// close U.S. operations": the aim's object
		po := s.purposeObject(v.i)
		if o := s.roleGroup(po); o != src && !s.ownedBy(po, src) && !(o >= 0 && best != nil && best.names(s.words[po].key) && s.agentOnly(o)) {
			tgt = o
		}
	}
	if tgt < 0 && strings.HasPrefix(code.Active, "12") && s.modern {
		// "Kenya refused to attend a hearing by the ICJ", "Iran refused to
		// allow U.N. inspectors in": a refusal is aimed at whom the
		// refused act would have been
		for _, k := range s.children(v.i) {
			if s.words[k].rel == syntax.Xcomp && s.markOf(int(k)) == "TO" {
				if o := s.argChild(int(k), syntax.Obj); o >= 0 {
					g := s.roleGroup(o)
					if g < 0 {
						g = s.roleGroup(s.nominalTarget(o))
					}
					if g >= 0 && g != src {
						tgt = g
					}
				}
				break
			}
		}
	}
	if tgt < 0 && !r.passive && s.modern && (strings.HasPrefix(code.Active, "01") || strings.HasPrefix(code.Active, "11") || strings.HasPrefix(code.Active, "12")) {
		// "France condemned as unacceptable allegations by Rwanda",
		// "rejected as baseless claims by Ukraine": an active reproach's
		// or denial's by-phrase, on the verb or on what it calls
		// something, is whose words it answers (the subject is the one
		// answering)
		for _, k := range s.children(v.i) {
			if !s.isRel(int(k), syntax.Obl) {
				continue
			}
			by := -1
			switch s.caseOf(int(k)) {
			case "BY":
				by = int(k)
			case "AS":
				for _, b := range s.children(int(k)) {
					if s.isRel(int(b), syntax.Nmod) && s.caseOf(int(b)) == "BY" {
						by = int(b)
					}
				}
			}
			if o := s.roleGroup(by); o >= 0 && o != src {
				tgt = o
				break
			}
		}
	}
	if tgt < 0 && len(code.Active) >= 2 && code.Active[:2] >= "10" && code.Active[:2] <= "13" {
		// "warning that key U.S. bases are at risk": a demand, reproach,
		// rejection or threat is aimed at its content's subject
		for _, k := range s.children(v.i) {
			if r := s.words[k].rel; r == syntax.Ccomp || r == syntax.Parataxis && s.verbal(int(k)) {
				sb := s.argChild(int(k), syntax.Nsubj)
				if sb < 0 {
					sb = s.argChild(int(k), syntax.NsubjPass)
				}
				if sb >= 0 {
					o := s.roleGroup(sb)
					if en := s.eventNoun(sb); en.code != "" || c.words.reportNouns[s.words[sb].key] {
						// "rejected Pakistan's allegation that ...": whose
						// claim it is
						o = s.nounSource(sb, -1, en.patient)
					}
					if o >= 0 && o != src && !(src >= 0 && threat && ownCountry(s.groups[src].codes, s.groups[o].codes)) {
						// (a threat of one's own country's act is the
						// act's threat, coded from the content: "Israeli
						// officials warned that Israel would attack")
						tgt = o
					}
				}
				break
			}
		}
	}
	if tgt < 0 && !v.speech && best != nil {
		// a pattern named the act ("called for a ceasefire in Gaza"): the
		// first actor inside the phrase it named
		// (the phrase may be in the infinitive: "declined to participate
		// in the EU plan")
		phrases := s.clauseDependents(v.i)
		for _, k := range phrases {
			if kr := s.words[k].rel; kr != syntax.Obj && !s.isRel(int(k), syntax.Obl) || kr == syntax.OblAgent {
				continue
			}
			if s.caseOf(int(k)) == "ACCORDING TO" {
				continue // "according to local residents": who tells it
			}
			if s.wc.backgroundPreps[s.caseOf(int(k))] {
				continue // "restored relations after a meeting of their presidents": what came before, not whom the act is for
			}
			if s.caseOf(int(k)) == "AS" {
				// "as a step toward peace in Europe": what the act is, not
				// whom it aims at, unless a target preposition inside says
				// so ("used rape as a weapon against women")
				if o := s.targetInside(int(k)); o >= 0 && o != src {
					tgt = o
					break
				}
				continue
			}
			if s.ownedBy(int(k), src) {
				continue // "agreed to withdraw its troops": the source's own
			}
			o := s.roleGroup(s.nominalTargetAt(int(k), 0))
			if o < 0 && int(s.words[k].head) != v.i {
				if o = s.roleGroup(int(k)); o >= 0 && best.names(s.words[k].key) && (s.agentOnly(o) || src >= 0 && s.ownForces(src, o)) {
					o = -1 // the thing the pattern names ("pledged to send troops to Somalia")
				}
			}
			if o >= 0 && o != src {
				tgt = o
				break
			}
		}
	}
	if tgt < 0 && !v.speech {
		// "responded with airstrikes on Gaza": an act named in an oblique
		for _, k := range s.children(v.i) {
			if !s.isRel(int(k), syntax.Obl) {
				continue
			}
			if en := s.eventNoun(int(k)); en.code != "" {
				if o := s.roleGroup(s.nounTarget(int(k), en.patient)); o >= 0 && o != src {
					tgt = o
					break
				}
			}
		}
	}
	if tgt < 0 && !v.speech {
		// "urge the United States to stop": the parse made the addressee
		// the infinitive's subject
		for _, k := range s.children(v.i) {
			if r := s.words[k].rel; (r == syntax.Xcomp || r == syntax.Advcl) && s.markOf(int(k)) == "TO" {
				if sb := s.childExact(int(k), syntax.Nsubj); sb >= 0 {
					if o := s.roleGroup(sb); o >= 0 && o != src {
						tgt = o
					}
				}
				break
			}
		}
	}
	if tgt < 0 && v.speech {
		// a speech verb's target is its addressee ("told Russia"), not what is said
		if o := s.childExact(v.i, syntax.Iobj); o >= 0 {
			tgt = s.roleGroup(o)
		}
	}
	// "a chemical attack killed dozens": an act whose subject is another
	// act is that act's, done by its doer if the text names one
	// (or a thing destroyed by it: "explosives that damaged an oil
	// pipeline")
	actSubject := false
	if !r.passive && r.subj >= 0 && s.modern && (assault(code.Active) || strings.HasPrefix(code.Active, "171")) {
		if en := s.eventNoun(r.subj); en.code != "" && assault(en.code) {
			actSubject = true
			if en.code != code.Active && (len(en.code) > len(code.Active) || strings.HasSuffix(code.Active, "0") || !assault(code.Active)) {
				// the act named is more precise than its toll ("a grenade
				// attack wounded", "Israeli airstrikes killed", "a car bomb
				// destroyed several shops")
				code = petrarch.Code{Active: en.code}
			}
			if o := s.nounSource(r.subj, tgt, en.patient); src < 0 && o >= 0 && o != tgt {
				src = o
			}
		}
	}
	if src < 0 && strings.HasPrefix(code.Active, "14") && s.modern && !r.passive && r.subj >= 0 && c.words.crowdWords[s.words[r.subj].key] {
		// "Thousands protested in Tbilisi": a crowd is civilians
		src = s.addGroup(r.subj, "---CVL")
	}
	if tgt < 0 && strings.HasPrefix(code.Active, "04") && r.obj >= 0 && s.modern && c.words.talkNouns[s.words[r.obj].key] {
		// "Qatar mediated the Israel-Hamas talks": the parties of the talks
		for _, k := range s.children(r.obj) {
			if s.words[k].rel == syntax.Compound && s.inMent[k] >= 0 && len(s.ments[s.inMent[k]].codes) >= 2 {
				if g := s.groupOfWord(int(k)); g >= 0 && g != src {
					tgt = g
				}
			}
		}
	}
	if (code.Active == "042" || code.Active == "043") && src >= 0 && s.modern && civiliansOnly(s.groups[src].codes) {
		tr.note = "a visit by civilians (tourists, students): no diplomatic visit"
		return nil, best
	}
	if strings.HasPrefix(code.Active, "04") && tgt >= 0 && s.modern && mediaOnly(s.groups[tgt].codes) {
		tgt = -1 // "a student who spoke with VOA": an interview, no consultation
	}
	if strings.HasPrefix(code.Active, "174") && tgt >= 0 && s.groups[tgt].head >= 0 && s.caseOf(s.groups[tgt].head) == "TO" && s.modern {
		tgt = -1 // "deported to Honduras": the destination, not whom the expulsion is aimed at
	}
	onCondition := false
	if s.modern && strings.HasPrefix(code.Active, "13") && tgt < 0 && src >= 0 {
		// "threatened to expand the fight if the foreign forces did not
		// leave": a threat is aimed at whoever must meet its condition
		cond := s.condition(v.i)
		if x := s.childExact(v.i, syntax.Xcomp); cond < 0 && x >= 0 {
			cond = s.condition(x)
		}
		if cond >= 0 {
			sb := s.argChild(cond, syntax.Nsubj)
			if t := s.roleGroup(sb); t >= 0 && t != src {
				tgt = t
			}
		}
	}
	if s.modern && coercive(code.Active) {
		// "sanctions would be imposed if Ankara activated the system",
		// Washington warned: a coercive act on a condition is a threat,
		// by whoever states it, against whoever must meet the condition
		if cond := s.condition(v.i); cond >= 0 {
			if t := s.roleGroup(s.argChild(cond, syntax.Nsubj)); t >= 0 && t != src && (tgt < 0 || src < 0) {
				if src < 0 {
					src = s.roleGroup(s.speakerOf(v.i))
				}
				if src >= 0 && t != src {
					if tgt < 0 {
						tgt = t
					}
					onCondition = true
				}
			}
		}
	}
	if src < 0 && s.modern && best != nil && best.targetFirst {
		// "troops came under fire from Hamas gunmen": who fires
		if f := s.fromPhrase(v.i); f >= 0 {
			if o := s.roleGroup(f); o >= 0 && o != tgt {
				src = o
			}
		}
	}
	if src < 0 && s.modern && r.passive && r.subj < 0 && material(code.Active) {
		// "two soldiers were killed in a PKK attack", "in an attack
		// blamed on militants": whoever did the act they died in
		if a := s.eventIn(v.i); a >= 0 {
			o := s.nounSource(a, tgt, s.eventNoun(a).patient)
			if o < 0 {
				// "five Maoists were killed in an encounter with security
				// forces": the other side of a fight
				for _, k := range s.children(a) {
					if s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == "WITH" {
						o = s.roleGroup(int(k))
						break
					}
				}
			}
			if o >= 0 && o != tgt {
				src = o
			}
		}
	}
	if refused && tgt < 0 && s.modern {
		// "would not return to talks until the government freed all
		// political prisoners": a refusal is aimed at whoever must meet
		// what it waits for
		for _, k := range s.children(v.i) {
			if s.words[k].rel == syntax.Advcl && s.markOf(int(k)) == "UNTIL" {
				if n := s.argChild(int(k), syntax.Nsubj); n >= 0 {
					if g := s.roleGroup(n); g >= 0 && g != src {
						tgt = g
					}
				}
			}
		}
	}
	if refused && (tgt < 0 || s.groups[tgt].head < 0 || !s.ancestorOf(v.i, s.groups[tgt].head)) {
		// a refusal is of what is asked of the refuser, named in its own
		// clause: "we will not allow violent disturbances" refuses no one
		tr.src, tr.tgt, tr.note = src, tgt, "a refusal without an object actor"
		return nil, best
	}
	if tgt >= 0 && s.modern && assault(code.Active) && len(s.groups[tgt].codes) == 1 && s.agentOnly(tgt) && s.words[v.i].rel == syntax.Advcl && s.words[v.i].tag == nlp.VBG {
		// "fired on Pakistani posts, killing five soldiers": the toll of
		// an attack is of the side it struck
		if h := int(s.words[v.i].head); h >= 0 && s.verbal(h) {
			cc := ""
			for _, k := range s.children(h) {
				if kr := s.words[k].rel; kr != syntax.Obj && !(s.isRel(int(k), syntax.Obl) && s.wc.targetPreps[s.caseOf(int(k))]) {
					continue
				}
				if g := s.roleGroup(int(k)); g >= 0 && len(s.groups[g].codes) > 0 && (src < 0 || !s.ownSide(src, g)) {
					cc = s.wc.country(s.groups[g].codes[0].code)
					break
				}
			}
			if cc == "" {
				if lc := s.localCountry(h); lc != "---" {
					cc = lc // "pounded targets in southern Lebanon"
				}
			}
			if cc != "" && (src < 0 || s.wc.country(s.groups[src].codes[0].code) != cc) {
				old := s.groups[tgt]
				tgt = s.addGroup(old.head, cc+old.codes[0].code[3:])
				ng := &s.groups[tgt]
				ng.i, ng.j, ng.ents = old.i, old.j, old.ents
				ng.codes[0].i, ng.codes[0].j = old.codes[0].i, old.codes[0].j
			}
		}
	}
	sendsOwn := tgt >= 0 && src >= 0 && s.groups[tgt].head >= 0 && (best != nil && best.names(s.words[s.groups[tgt].head].key) || strings.HasPrefix(code.Active, "15")) && (s.ownSide(src, tgt) || s.bareForces(src, tgt, r.obj, code.Active)) && !s.nonState(tgt)
	if tgt < 0 && src >= 0 && strings.HasPrefix(code.Active, "15") && s.countryNamed(src) {
		sendsOwn = true // "massed troops near Ukraine's border": the verb's own words name the forces
	}
	if sendsOwn && s.modern {
		// "pledged to send troops to Somalia", "deployed troops to the
		// border": the source's own forces the pattern names, or a show of
		// force moves, are what it sends, not whom the act is for; the
		// destination is (but "released 50 Taliban prisoners": rebels of
		// one's country are no forces of one's own)
		tgt = -1
		for _, k := range s.clauseDependents(v.i) {
			if s.isRel(int(k), syntax.Obl) && s.caseOf(int(k)) == "TO" {
				o := s.roleGroup(int(k))
				if o < 0 {
					o = s.roleGroup(s.nominalTarget(int(k))) // "to the border with Somalia"
				}
				if o >= 0 && o != src && !s.ownSide(src, o) {
					tgt = o
					break
				}
			}
		}
		if tgt < 0 {
			// (the parse may hang "to the border" on the troops: the
			// first other party in the clause after the verb)
			_, hi := s.subtreeSpan(v.i)
			for g := range s.groups {
				if gr := &s.groups[g]; gr.i > v.i && gr.j <= hi && g != src && !s.ownSide(src, g) && !s.agentOnly(g) {
					tgt = g
					break
				}
			}
		}
	}
	if code.Active == "140" && src >= 0 && s.modern && officialSide(s.groups[src].codes) {
		// "Japan protests China's incursion": a government protests
		// through its diplomats (114), it does not demonstrate
		code = petrarch.Code{Active: "114"}
		tr.code, tr.note = "114", "a government's protest is an official complaint"
	}
	if tgt >= 0 && r.obj >= 0 && s.modern && len(code.Active) >= 2 && reaction(code.Active) && s.wc.answerNouns[s.words[r.obj].key] != nil {
		// "called the verdict against Imamoglu a political execution": a
		// reaction to a verdict or a decision is aimed at who gave it,
		// not at whom it was against
		if h := s.groups[tgt].head; h >= 0 && h != r.obj && s.ancestorOf(r.obj, h) && s.caseOf(h) == "AGAINST" {
			tgt = -1
		}
	}
	tr.src, tr.tgt = src, tgt
	placeCode, placeAt := "", r.obj
	noSource := false
	if src < 0 {
		undergoes := s.modern && best != nil && best.targetFirst && (tgt >= 0 && tgt == subj || subj < 0 && r.subj >= 0)
		if undergoes && tgt < 0 {
			// "the train came under fire": the subject is an attacked thing
			if pc := c.placeTarget(s, r.subj, v.i); pc != "" {
				placeCode, placeAt = pc, r.subj
			}
		}
		if !(r.passive && r.subj < 0 && s.modern) && !actSubject && !undergoes {
			tr.note = "no source actor"
			return nil, best
		}
		// "Three Americans were killed": the text does not say who. Force
		// and reproach are coded so (unknownDoer); aid, a concession, a
		// sanction or a protest with nobody doing it ("hostages were
		// rescued", "the girls were released") is no event
		if c := code.Active; !unknownDoer(c) {
			tr.note = "no source actor (only force and reproach are coded without one)"
			return nil, best
		}
		if verbal(code.Active) && r.objFrom == "reduced relative head" {
			// "the man accused of attacking the mosque was sentenced": a
			// reproach nobody makes here describes its target
			tr.note = "no source actor: a reproach describing its target"
			return nil, best
		}
		if strings.HasPrefix(code.Active, "17") && r.objFrom == "reduced relative head" && s.releaseOf(r.obj) {
			// "demanded the release of two French citizens detained in
			// Iran": the detention is the background of the release
			tr.note = "no source actor: the detention of those whose release is at issue"
			return nil, best
		}
		noSource = true
		if g := s.coordinatedForce(v.i); g >= 0 && strings.HasPrefix(code.Active, "17") && s.modern {
			// "Police fired tear gas at supporters, and at least 20 people
			// were arrested": the force of the clause the arrest is joined
			// to made it
			src, noSource = g, false
			tr.src, tr.note = g, "arrests by the force of the clause they are joined to"
		}
		if w := s.disasterInSentence(); noSource && w >= 0 && !(best != nil && best.names(s.words[w].key)) {
			// (a disaster word the pattern spells out is its own: "came
			// under fire")
			tr.note = fmt.Sprintf("a disaster (%q), not a political event", s.words[w].key)
			return nil, best
		}
		if s.dc != nil && s.dc.sent > s.dc.disasterSent && s.dc.sent-s.dc.disasterSent <= 2 && !s.attackNamed() {
			// "A school building collapsed in Jos. 22 students were
			// killed": the toll of the disaster just told
			tr.note = "no source actor: the toll of a disaster told just before"
			return nil, best
		}
	}
	if tgt < 0 && strings.HasPrefix(code.Active, "14") {
		// "protesters gathered outside parliament": a protest is aimed
		// at the institution it is held at
		for _, k := range s.children(v.i) {
			if s.isRel(int(k), syntax.Obl) && (c.words.locativePreps[s.caseOf(int(k))] || s.caseOf(int(k)) == "IN FRONT OF") {
				if o := s.roleGroup(int(k)); o >= 0 && o != src && len(s.groups[o].codes) > 0 && len(s.groups[o].codes[0].code) > 3 {
					tgt = o
					break
				}
			}
		}
	}
	expels := strings.HasPrefix(code.Active, "174")
	if tgt < 0 && placeCode == "" && r.obj >= 0 && (assault(code.Active) || expels) && s.modern {
		// "targeted a vehicle carrying PKK members": the people in the
		// thing attacked, when the text names whose they are ("pushed
		// back a boat carrying 40 migrants": whoever they are)
		for _, k := range s.children(r.obj) {
			if s.words[k].rel == syntax.Acl && s.wc.carrierVerbs[s.words[k].lemma] {
				if o := s.childExact(int(k), syntax.Obj); o >= 0 {
					if g := s.roleGroup(o); g >= 0 && g != src && (!s.agentOnly(g) || expels) {
						tgt = g
						tr.tgt, tr.note = tgt, "the people in the thing attacked"
					}
				} else if o := s.childExact(int(k), syntax.Obl); o >= 0 && s.caseOf(o) == "TO" {
					if g := s.roleGroup(o); g >= 0 && g != src && !s.agentOnly(g) {
						tgt = g // "a house belonging to a Hamas commander"
						tr.tgt, tr.note = tgt, "the owner of the thing attacked"
					}
				}
			}
		}
	}
	if tgt < 0 && placeCode == "" && r.obj >= 0 && (assault(code.Active) || strings.HasPrefix(code.Active, "171")) && s.modern {
		// attacked, seized or destroyed places and things ("torched
		// shops and vehicles")
		placeCode = c.placeTarget(s, r.obj, v.i)
		for _, k := range s.children(r.obj) {
			if placeCode != "" {
				break
			}
			switch p := s.caseOf(int(k)); {
			case s.isRel(int(k), syntax.Nmod) && (p == "OF" || p == "TO" || p == "ON" || p == "AT"):
				// "took control of the town", "set fire to vehicles"
				if placeCode = c.placeTarget(s, int(k), v.i); placeCode != "" {
					placeAt = int(k)
				}
			}
		}
	}
	if tgt < 0 && placeCode == "" && r.obj < 0 && best != nil && (assault(code.Active) || strings.HasPrefix(code.Active, "171")) && s.modern {
		// "set ablaze the house of a local councillor" with the object
		// misread: the place the pattern named
		for i := 0; i < min(bb.nlit, len(bb.lits)); i++ {
			if w := int(bb.lits[i]); s.words[w].upos == syntax.NOUN {
				if pc := c.placeTarget(s, w, v.i); pc != "" {
					placeCode, placeAt = pc, w
					break
				}
			}
		}
	}
	if tgt < 0 && placeCode == "" && code.Active == "192" && r.obj >= 0 && s.modern {
		// "M23 rebels took control of Kalembe", "captured Kalembe": a
		// named place taken is territory of the story's country (or the
		// one the clause names), even one no dictionary lists
		w := r.obj
		for _, k := range s.children(r.obj) {
			if s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == "OF" {
				w = int(k)
			}
		}
		if s.namedPlace(w) {
			placeCode, placeAt = s.localCountry(v.i), w
		}
	}
	if tgt < 0 && placeCode == "" && (assault(code.Active) || strings.HasPrefix(code.Active, "171")) && s.modern {
		// "lobbed grenades at a market", "fired rockets into a village",
		// "set fire to vehicles": a place or thing the act is aimed at
		// (or on the object: "fired rockets at Haifa", a town no
		// dictionary lists)
		cands := s.children(v.i)
		if r.obj >= 0 && assault(code.Active) {
			cands = append(append([]int16(nil), cands...), s.children(r.obj)...)
		}
		for _, k := range cands {
			if !s.isRel(int(k), syntax.Obl) && !(s.isRel(int(k), syntax.Nmod) && r.obj >= 0 && int(s.words[k].head) == r.obj) {
				continue
			}
			switch s.caseOf(int(k)) {
			case "AT", "ON", "ONTO", "INTO", "TOWARD", "TOWARDS", "AGAINST", "TO":
				placeCode = c.placeTarget(s, int(k), v.i)
				if placeCode == "" && assault(code.Active) && s.namedPlace(int(k)) {
					placeCode = s.localCountry(v.i)
				}
			}
			if placeCode != "" {
				placeAt = int(k)
				break
			}
		}
	}
	if tgt < 0 && placeCode == "" && (strings.HasPrefix(code.Active, "087") || code.Active == "0356") && s.modern {
		// "rebels withdrew from the town", "agreed to withdraw from
		// southern Lebanon": a retreat from a place
		phrases := s.clauseDependents(v.i)
		for _, k := range phrases {
			if p := s.caseOf(int(k)); s.isRel(int(k), syntax.Obl) && (p == "FROM" || p == "OUT OF") {
				if placeCode = c.placeTarget(s, int(k), v.i); placeCode != "" {
					placeAt = int(k)
					break
				}
				if s.namedPlace(int(k)) {
					// "pulled their fighters out of Walikale": a town no
					// dictionary lists
					placeCode, placeAt = s.localCountry(v.i), int(k)
					break
				}
			}
		}
	}
	if tgt < 0 && placeCode == "" && (strings.HasPrefix(code.Active, "14") || src >= 0 && len(s.groups[src].codes) == 1 && (strings.HasPrefix(code.Active, "15") || code.Active == "1723" || code.Active == "1724" || code.Active == "0873") && s.treeModality(v) == "") && s.modern {
		// "thousands marched in Nairobi": a protest naming no one it is
		// aimed at is aimed at the authorities where it is held; a
		// deployment, an alert, a curfew or a state of emergency at the
		// country where it is imposed ("the government imposed a curfew",
		// "the army deployed troops to the streets"; these need one named
		// imposer, and a done act: a pledge to send troops is aimed at
		// where they go. A ban is aimed at whom it bans, not the place.
		// Arms laid down are laid down where the fighting was: "rebels
		// laid down their weapons in Kidal")
		placeCode = c.localOrSourceCountry(s, v.i, src)
	}
	if tgt < 0 && placeCode == "" && strings.HasPrefix(code.Active, "045") && src >= 0 && s.modern {
		// "agreed to a ceasefire after talks mediated by Egypt and
		// Qatar": mediation is aimed at the parties of the talks, the
		// subject of the clause the talks belong to
		if r.obj >= 0 && r.obj == int(s.words[v.i].head) {
			h := int(s.words[r.obj].head)
			for n := 0; n < 3 && h >= 0 && !s.verbal(h); n++ {
				h = int(s.words[h].head) // "a ceasefire after talks"
			}
			if h >= 0 && s.verbal(h) {
				if n := s.child(h, syntax.Nsubj); n >= 0 {
					if o := s.roleGroup(n); o >= 0 && o != src {
						tgt = o
						tr.tgt, tr.note = tgt, "mediation aimed at the parties of the talks"
					}
				}
			}
		}
	}
	if tgt < 0 && placeCode == "" && (code.Active == "080" || strings.HasPrefix(code.Active, "081") || strings.HasPrefix(code.Active, "083")) && src >= 0 && len(s.groups[src].codes) > 0 && s.modern {
		// "the prime minister resigned", "lifted the state of emergency",
		// "withdrew the finance bill": easing or giving in, aimed at no
		// one named, yields to one's own country (a retreat or a release
		// needs its other side)
		placeCode = c.words.country(s.groups[src].codes[0].code)
	}
	if tgt < 0 && placeCode == "" && best != nil && best.names("POWER") && src >= 0 && len(s.groups[src].codes) > 0 && s.modern {
		// "Seleka rebels seized power": a coup is against the country's
		// government (the story's, for the country stage to fill in,
		// when the source names none)
		cc := c.words.country(s.groups[src].codes[0].code)
		if cc == "" {
			cc = "---"
		}
		placeCode = cc + "GOV"
	}
	if tgt < 0 && placeCode == "" && code.Active == "175" && src >= 0 && s.modern {
		// "fired tear gas shells and used water cannons to stop farmers":
		// repression is aimed at whom its purpose clause acts on
		for _, k := range s.children(v.i) {
			if (s.words[k].rel == syntax.Advcl || s.words[k].rel == syntax.Acl) && s.markOf(int(k)) == "TO" {
				if o := s.childExact(int(k), syntax.Obj); o >= 0 {
					if g := s.roleGroup(o); g >= 0 && g != src {
						tgt = g
						tr.tgt, tr.note = g, "repression aimed at whom its purpose acts on"
					}
				}
			}
		}
	}
	if tgt < 0 && placeCode == "" && code.Active == "175" && src >= 0 && len(s.groups[src].codes) == 1 && s.modern && ownSubject &&
		s.treeModality(v) == "" && (s.words[v.i].tag == nlp.VBD || s.words[v.i].tag == nlp.VBN) && !s.otherParty(src) {
		// "police fired tear gas shells and resorted to a lathi charge":
		// repression done by its subject, in a sentence naming no one
		// else, is used on the crowd, the civilians where it happens (the
		// story's country for the country stage to fill in, when neither
		// place nor source names one)
		placeCode = c.localOrSourceCountry(s, v.i, src) + "CVL"
	}
	if tgt < 0 && placeCode == "" && assault(code.Active) && s.modern && !(src >= 0 && len(s.groups[src].codes) >= 2 && c.mutualCode(code)) {
		// (but "RSF and SAF forces clashed in Omdurman": a mutual act of
		// a compound subject is between its members, paired below)
		// "conducts operations in the desert regions of east Syria": an
		// attack with no named target is against where it happened
		if cc := s.localCountry(v.i); cc != "---" {
			placeCode = cc
		}
	}
	if tgt >= 0 && best != nil && s.modern && strings.HasPrefix(code.Active, "13") && best.names("AVENGE") {
		tgt = -1 // "vowed to avenge the deaths of the soldiers": the avenged are one's own
	}
	if tgt < 0 && placeCode == "" && src >= 0 && s.dc != nil && s.modern {
		// a denial answers the accusation against the denier ("Berisha
		// rejected the allegations"), a claim of responsibility the
		// attack ("the BLA claimed responsibility for the attack")
		if e, byNoun := s.answers(code.Active, src, r.obj); e != nil {
			c := e.src
			if code.Active == "015" {
				c = e.tgt
				if cr := s.groups[src].codes; unknownDoerCode(e.src) && len(cr) == 1 && len(cr[0].code) > 3 && !stateSide(cr[0].code) &&
					!v.negated && v.unreal == "" && s.treeModality(v) == "" {
					// the claimer did the attack told without its doer (a
					// group: a claim read as a state's or a bare country's
					// is a name the dictionaries lack, "the Balochistan
					// Liberation Army" as PAKMIL)
					sp, txt := s.span(s.doc, cr[0].i, cr[0].j)
					s.dc.claims = append(s.dc.claims, claim{idx: e.idx, src: cr[0].code, text: txt, span: sp})
				}
			}
			at := v.i
			if byNoun {
				at = r.obj // "condemned the attack": the words that point at the doer
			}
			tgt = s.addGroup(at, c)
			if code.Active != "015" && e.ref != nil {
				ref := *e.ref
				s.groups[tgt].ref = &ref
			}
			tr.tgt, tr.note = tgt, "aimed at an earlier event's actor (document context)"
		}
	}
	if s.modern && assault(code.Active) && r.obj >= 0 && s.civilOperation(r.obj) && s.roleGroup(r.obj) < 0 {
		// "launched a search operation to track down the attackers", "a
		// rescue operation after the floods": no armed act (but a party:
		// "kidnapped a humanitarian worker")
		tr.note = "a search, rescue or relief operation is no attack"
		return nil, best
	}
	if tgt >= 0 && src >= 0 && s.modern && assault(code.Active) && s.jointAct(v.i, r.obj) && s.withPartner(s.groups[tgt].head, v.i, r.obj) {
		// "Colombia resumed joint anti-drug operations with the United
		// States": the with-phrase names a partner, not a target
		code = petrarch.Code{Active: "062", Reverse: "062"}
		tr.code, tr.note = "062", "a joint military act with a partner: military cooperation"
	}
	if tgt >= 0 && src >= 0 && s.modern && deescalation(code.Active) && len(s.groups[src].codes) >= 2 && (s.agentOnly(tgt) || s.inModifierClause(s.groups[tgt].head, v.i)) {
		// "India and Pakistan agreed to pull back troops", "withdrew
		// weapons under a deal brokered by Malaysia": each side steps
		// back from the other, not from its troops or the mediator
		tgt = -1
		tr.tgt = -1
	}
	if tgt < 0 && placeCode == "---" && src >= 0 && s.modern && deescalation(code.Active) && len(s.groups[src].codes) >= 2 {
		placeCode = "" // "withdrew their troops from the disputed area": from each other
	}
	if tgt < 0 && placeCode == "" && src >= 0 && s.modern && strings.HasPrefix(code.Active, "042") {
		// "arrived in Israel for a solidarity visit": a visit is aimed at
		// where it goes
		for _, k := range s.children(v.i) {
			if p := s.caseOf(int(k)); s.isRel(int(k), syntax.Obl) && (p == "IN" || p == "TO") {
				if g := s.roleGroup(int(k)); g >= 0 && g != src && !s.ownSide(src, g) {
					tgt = g
					tr.tgt, tr.note = tgt, "a visit aimed at where it goes"
					break
				}
			}
		}
	}
	if tgt < 0 && placeCode == "" && src >= 0 && s.modern && len(code.Active) >= 2 {
		switch code.Active[:2] {
		case "02", "10", "11", "12", "13":
			// "accused South Korea of escalating tensions and threatened
			// retaliation", "condemned the strike and vowed revenge": a
			// conjoined reproach, demand or threat aimed at no one named
			// is aimed at whom the first act was
			if g := s.conjPartner(v.i); g >= 0 && g != src && !s.ownForces(src, g) {
				tgt = g
				tr.tgt, tr.note = tgt, "aimed at the target of the act it is conjoined with"
			} else if x := s.childExact(v.i, syntax.Xcomp); x >= 0 && code.Active[:2] == "13" && s.targetInside(x) >= 0 && s.targetInside(x) != src {
				// "threatened to launch a nuclear strike against the United
				// States": whom the threatened act is aimed at
				tgt = s.targetInside(x)
				tr.tgt, tr.note = tgt, "a threat aimed at the target of the act threatened"
			} else if cond := s.condition(v.i); cond >= 0 && code.Active[:2] == "13" {
				// "If the US continues to play with fire, China will take
				// resolute measures": a threat is aimed at whoever must
				// meet its condition
				if n := s.argChild(cond, syntax.Nsubj); n >= 0 {
					if g := s.roleGroup(n); g >= 0 && g != src && !sameCodes(s.groups[src].codes, s.groups[g].codes) {
						tgt = g
						tr.tgt, tr.note = tgt, "a threat aimed at the subject of its condition"
					}
				}
			}
		}
	}
	if tgt >= 0 && src >= 0 && s.modern && code.Active < "14" && s.ownedByPronoun(tgt) && s.stateOwn(src, tgt) {
		// "Ukraine rejected demands to withdraw its troops": one's own
		// forces named inside what a statement is about are not whom it
		// is aimed at
		tgt = -1
		tr.note = "the source's own forces, named by \"its\", are no target of a statement"
	}
	if tgt >= 0 && src >= 0 && s.modern && len(s.groups[src].codes) >= 2 && c.mutualCode(code) && s.territory(tgt) &&
		s.groups[tgt].head >= 0 && s.wc.locativePreps[s.caseOf(s.groups[tgt].head)] && (code.Reverse == "" || code.Reverse == code.Active) {
		// "Israel and Hamas declared a four-day truce in Gaza": a mutual
		// act of a compound subject at a place is between its members
		// (but a visit goes to the place: "troops from France, Belgium
		// and Chad arrived in Bangui" visit the Central African Republic)
		tgt = -1
		tr.note = "a mutual act at a place: between the subject's members"
	}
	if tgt < 0 && placeCode == "" {
		if src >= 0 && len(s.groups[src].codes) >= 2 && s.modern && assault(code.Active) && s.jointAct(v.i, r.obj) {
			// "the EU and Kenya launched a joint operation": partners in
			// an act against no one named, never each other's targets
			code = petrarch.Code{Active: "062"}
			tr.code, tr.note = "062", "a joint military act by a compound source: military cooperation, paired"
			return c.realizedPairs(s, src, code, v, pattern, &tr), best
		}
		if src >= 0 && len(s.groups[src].codes) >= 2 && (code.Reverse != "" && (!s.modern || code.Reverse == code.Active) || (s.phraseScope || s.modern) && c.pairsAny(s, code)) && !(s.modern && asymmetric(v.verb.EffectiveCode())) {
			// (in news a compound subject of an act with two sides,
			// hosting and visiting, names co-actors: "Qatar and Turkey
			// hosted talks", "are ready to host new talks")
			tr.note = "compound source without target: paired"
			return c.realizedPairs(s, src, code, v, pattern, &tr), best
		}
		if src >= 0 && s.modern && len(s.groups[src].codes) == 1 && len(s.groups[src].ents) >= 2 && conflictual(code.Active) && c.pairsAny(s, code) {
			// "the ELN and FARC dissidents clashed": two named parties
			// coded alike fight each other
			tr.note = "compound source of parties coded alike: paired"
			return c.realizedPairs(s, s.memberGroup(src), code, v, pattern, &tr), best
		}
		if !c.opts.AllowNoTarget && !s.speakerGroup(src) {
			tr.note = "no target actor"
			s.noteUntargeted(src, code.Active)
			return nil, best
		}
	}
	if noSource && tgt < 0 && placeCode == "" {
		tr.note = "neither source nor target"
		return nil, best
	}
	if code.Active == "044" && src >= 0 && tgt >= 0 && s.modern {
		// "MBS met with Rubio in Jeddah": a meeting in one party's own
		// country is no third location; that party hosts (043), the
		// other visits (042)
		if cc := s.localCountry(v.i); cc != "---" {
			in := func(g int) bool {
				// (every member: "Egyptian and Qatari mediators met with a
				// Hamas delegation in Cairo" is no Qatari hosting)
				for _, cr := range s.groups[g].codes {
					if c.words.country(cr.code) != cc {
						return false
					}
				}
				return len(s.groups[g].codes) > 0
			}
			switch {
			case in(src) && !in(tgt):
				code = petrarch.Code{Active: "043", Reverse: "042"}
			case in(tgt) && !in(src):
				code = petrarch.Code{Active: "042", Reverse: "043"}
			}
			tr.code = code.Active
		}
	}
	if strings.HasPrefix(code.Active, "19") && s.reproachReason(v.i) {
		// "attacked the government for failing to curb inflation": an
		// attack for what someone did is a verbal one
		code = petrarch.Code{Active: "111"}
		tr.code, tr.note = "111", "attacked for a reason: criticism"
	}
	if code.Active == "171" && s.modern && (tgt >= 0 && tgt == obj && s.territory(tgt) || placeCode != "" && r.obj >= 0 && c.words.populated(s.words[r.obj].key)) {
		// "M23 rebels seized Goma", "seized the village": taking a
		// country, region or town is occupying territory, not seizing
		// property
		code = petrarch.Code{Active: "192"}
		tr.code = "192"
	}
	mod := s.treeModality(v)
	if onCondition {
		if ic := c.words.intentCode(code.Active); ic != "" {
			code, mod = petrarch.Code{Active: ic}, modIntended
			tr.code, tr.note = ic, "a coercive act on a condition: a threat"
		}
	}
	if code, ok = c.realize(code, mod); (!ok || refused) && s.modern {
		ok = ok || refused // ("would not allow": the refusal is stated now)
		if ic := c.words.intentCode(code.Active); mod == modHypothetical && coercive(code.Active) && strings.HasPrefix(ic, "13") && s.warnedBySide(v.i, src) {
			// "Israel could strike Iran's nuclear facilities if talks
			// fail, officials warned": the threat of the act
			code, ok = petrarch.Code{Active: ic}, true
			tr.code, tr.note = ic, "a hypothetical act the speaker's side warns of: a threat"
		}
	}
	if !ok && s.modern {
		tr.note = mod + ": the act did not happen"
		return nil, best
	}
	if s.modern && mod == modIntended && material(code.Active) && s.intentGoverned(v.i) {
		// "pledged to send troops", "threatened to block the convoys":
		// the pledge or threat is the event (03x, 13x); the material act
		// it names, with no intent code of its own, has not happened (a
		// verbal one may be coded as intended: "plans to urge")
		tr.note = "an intended act its governing verb codes as intent or threat"
		return nil, best
	}
	ev := func(sc, tc codeRef, k string) rawEvent {
		return rawEvent{src: sc.code, tgt: tc.code, code: k, srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j, verbI: v.vs, verbJ: v.ve,
			pattern: pattern, modality: mod}
	}
	var srcCodes, tgtCodes []codeRef
	if src >= 0 {
		srcCodes = s.groups[src].codes
	} else {
		srcCodes = []codeRef{{code: ""}}
	}
	if tgt >= 0 && s.groups[tgt].head >= 0 {
		// "designated the Houthis a terrorist organization": the small
		// clause's subject is whom the act is aimed at
		if sb := s.childExact(s.groups[tgt].head, syntax.Nsubj); sb >= 0 && sb < s.groups[tgt].i {
			if o := s.roleGroup(sb); o >= 0 && o != src {
				tgt = o
			}
		}
	}
	if tgt >= 0 {
		tgtCodes = s.groups[tgt].codes
	} else if placeCode != "" {
		tgtCodes = []codeRef{{code: placeCode}}
		if placeAt >= 0 {
			tgtCodes[0].i, tgtCodes[0].j = placeAt, placeAt+1
		}
	} else {
		tgtCodes = []codeRef{{code: ""}}
	}
	// mutual acts: "A met (with) B", "A clashed with B"
	_, withMutual := c.words.reciprocal(code.Active)
	recip := s.modern && code.Reverse == "" && withMutual && tgt >= 0 && s.caseOf(s.groups[tgt].head) == "WITH"
	if src >= 0 && s.modern && assault(code.Active) && strings.HasSuffix(code.Active, "0") {
		// "a suicide bomber detonated ..., killing one officer": the
		// doer's kind says how (words/perpetrator-codes.txt)
		if h := s.groups[src].head; h >= 0 {
			if pc, ok := lookupNoun(s, h, c.words.perpetrators); ok {
				code = petrarch.Code{Active: pc}
				tr.code = pc
			}
		}
	}
	var out []rawEvent
	for _, sc := range srcCodes {
		for _, tc := range tgtCodes {
			if tc.code != "" && tc.code == sc.code && !(src >= 0 && s.twoAlike(code.Active, src, tgt, obj, ownSubject)) {
				continue // (one side acting on itself; but see above: "a mob lynched a man")
			}
			if strings.HasPrefix(code.Active, "01") && len(tc.code) == 3 && strings.HasPrefix(sc.code, tc.code) {
				continue // "Akar reiterated Ankara's stance": a statement about one's own country is aimed at no one
			}
			if code.Active != "" && code.Active != "---" {
				e := ev(sc, tc, code.Active)
				if strings.HasPrefix(e.code, "172") && s.modern {
					// a ban by one country on another's people ("barred
					// Albanian officials from entering") is a sanction;
					// 172 is a government's restrictions at home
					if a, b := c.words.country(sc.code), c.words.country(tc.code); a != "" && b != "" && a != b && !hasUnit(sc.code, "JUD") {
						e.code = "163" // (but a court's sentence is no sanction: "an Iranian court sentenced two American hikers")
					}
				}
				e.noSource = noSource
				e.tgtPlace = placeCode != ""
				if src >= 0 {
					e.srcRef = s.groups[src].ref
				}
				if tgt >= 0 {
					e.tgtRef = s.groups[tgt].ref
				}
				out = append(out, e)
			}
			rev := code.Reverse
			if rev == "" && recip && sc.code != "" && tc.code != "" && placeCode == "" {
				rev = code.Active
			}
			if rev != "" && rev != "---" && sc.code != "" && tc.code != "" {
				e := ev(tc, sc, rev)
				if tgt >= 0 {
					e.srcRef = s.groups[tgt].ref
				}
				if src >= 0 {
					e.tgtRef = s.groups[src].ref
				}
				out = append(out, e)
			}
		}
	}
	if cc := s.localCountry(v.i); cc != "---" {
		// "police arrested protesters in Tbilisi": agents of an act in a
		// named place belong to its country
		for k := range out {
			e := &out[k]
			if atVenue(e.code) {
				continue
			}
			if len(e.src) > 3 && strings.HasPrefix(e.src, "---") {
				e.src, e.srcInferred = cc+e.src[3:], true
			}
			if len(e.tgt) > 3 && strings.HasPrefix(e.tgt, "---") {
				e.tgt, e.tgtInferred = cc+e.tgt[3:], true
			}
		}
	}
	if s.modern {
		for k := range out {
			c.domesticCounterpart(s, &out[k])
		}
	}
	return out, best
}

// domesticCounterpart gives a people agent of no country the country of
// the state institution the act joins it with (domestic-roles.txt): "the
// Serbian government accepted protesters' demand", "Kenyan police
// arrested protesters", "opposition leaders urged South Korean President
// Yoon".
func (c *Coder) domesticCounterpart(s *state, e *rawEvent) {
	if atVenue(e.code) || strings.HasPrefix(e.code, "174") || strings.HasPrefix(e.code, "166") {
		// "the minister met businesspeople in Europe": visits cross
		// borders; "deported 177 detainees": expulsions too
		return
	}
	kind := func(code string) string {
		if len(code) < 6 {
			return ""
		}
		return c.words.domesticRoles[code[3:6]]
	}
	switch {
	case s.wordIn(e.tgtI, e.tgtJ, c.words.alienWords), s.wordIn(e.srcI, e.srcJ, c.words.alienWords):
		// "police arrested two Chinese nationals": abroad
	case s.missionIn(e.tgtI, e.tgtJ), s.missionIn(e.srcI, e.srcJ):
		// "protesters gathered outside the Russian embassy", "attacked
		// the embassies of Rwanda": a mission stands in another country
	case strings.HasPrefix(e.tgt, "---") && kind(e.tgt) == "PEOPLE" && !strings.HasPrefix(e.src, "---") && kind(e.src) == "STATE":
		e.tgt, e.tgtInferred = e.src[:3]+e.tgt[3:], true
	case strings.HasPrefix(e.src, "---") && kind(e.src) == "PEOPLE" && !strings.HasPrefix(e.tgt, "---") && kind(e.tgt) == "STATE":
		e.src, e.srcInferred = e.tgt[:3]+e.src[3:], true
	case strings.HasPrefix(e.tgt, "---") && kind(e.tgt) == "STATE" && !strings.HasPrefix(e.src, "---") && kind(e.src) == "PEOPLE":
		// "protesters in Nairobi clashed with police": the people's own
		e.tgt, e.tgtInferred = e.src[:3]+e.tgt[3:], true
	case strings.HasPrefix(e.src, "---") && kind(e.src) == "STATE" && !strings.HasPrefix(e.tgt, "---") && kind(e.tgt) == "PEOPLE":
		e.src, e.srcInferred = e.tgt[:3]+e.src[3:], true
	}
}

// territory reports whether every code of group g is a bare country: a
// named country, region or city.
func (s *state) territory(g int) bool {
	for _, cr := range s.groups[g].codes {
		if len(cr.code) != 3 {
			return false
		}
	}
	return len(s.groups[g].codes) > 0
}

// answers returns the earlier event an act of code answers when the
// sentence names no target, and whether a noun named it (answeredAct):
// otherwise a denial (016) or rejection (12) answers the
// newest accusation or criticism aimed at its source, a claim of
// responsibility (015) the newest attack.
func (s *state) answers(code string, src, obj int) (e *recentEvent, byNoun bool) {
	if e := s.answeredAct(code, src, obj); e != nil {
		return e, true
	}
	switch {
	case code == "016" || strings.HasPrefix(code, "12"):
		for _, cr := range s.groups[src].codes {
			if e := s.dc.answered([]string{"11", "12"}, cr.code); e != nil && e.src != cr.code {
				return e, false
			}
		}
	case code == "015":
		e := s.dc.answered([]string{"18", "19", "20"}, "")
		if u := s.dc.newestUnclaimed(s.dc.sent); u != nil && (e == nil || u.sent > e.sent || u.sent == e.sent && u.idx > e.idx) {
			e = u // "A car bomb exploded ... Islamic State claimed responsibility"
		}
		return e, false
	case strings.HasPrefix(code, "13"):
		// "vowed to avenge the deaths", "threatened retaliation": a threat
		// aimed at no one named answers the newest attack on the
		// threatener's side
		for _, cr := range s.groups[src].codes {
			cc := s.wc.country(cr.code)
			if e := s.dc.answered([]string{"18", "19", "20"}, cr.code); e != nil && e.src != "" && e.src != cr.code && (cc == "" || s.wc.country(e.src) != cc) {
				return e, false
			}
		}
	}
	return nil, false
}

// inBackground reports whether word p stands in an "after", "before" or
// "amid" phrase (background-preps.txt) below verb v whose preposition the
// pattern does not name itself.
func (s *state) inBackground(p, v int, lit func(int) bool) bool {
	for q, n := p, 0; q >= 0 && q != v && n < 8; q, n = int(s.words[q].head), n+1 {
		if !s.nominal(q) || !(s.isRel(q, syntax.Obl) || s.isRel(q, syntax.Nmod)) {
			continue
		}
		if c := s.childExact(q, syntax.Case); c >= 0 && !lit(c) && s.wc.backgroundPreps[s.words[c].key] {
			return true
		}
	}
	return false
}

// literalsAttached reports whether a preposition (or infinitive "to")
// that a pattern matched first after the verb belongs to the verb's own
// clause (or to a verb the pattern also names), and whether each governs
// the pattern's next word
// (an infinitive's "to": is its verb): "agreed to
// begin negotiations on a trade deal" is no "agreed (ON &DEAL)", nor is
// "agreed on Wednesday to resolve their dispute over the port deal".
func (s *state) literalsAttached(b *binding, v *verbCand) bool {
	n := min(b.nlit, len(b.lits))
	lit := func(x int) bool {
		for i := 0; i < n; i++ {
			if int(b.lits[i]) == x {
				return true
			}
		}
		return false
	}
	for i := 0; i < n; i++ {
		// a word inside an actor's name is the name's, unless the pattern
		// spells out its head too: "called on the Rapid Support Forces"
		// calls for no support; "(IAEA INSPECTORS)" names the inspectors
		p := int(b.lits[i])
		if m := int(s.inMent[p]); m >= 0 && m < len(s.mentHead) && s.ments[m].j-s.ments[m].i > 1 && s.ments[m].kind == mActor {
			if h := int(s.mentHead[m]); h >= 0 && h != p && p != s.ments[m].i && !lit(h) {
				return false
			}
		}
	}
	for i := 0; i < n; i++ {
		// a word the pattern names must not sit in an "after", "before"
		// or "amid" phrase, which says when or why, not what was done:
		// "called off protests after talks with Ruto" does not call off
		// talks, "threatened retaliation after strikes on its nuclear
		// sites" is no nuclear threat
		if p := int(b.lits[i]); p >= v.ve && s.inBackground(p, v.i, lit) {
			return false
		}
	}
	for i := 0; i < n; i++ {
		p := int(b.lits[i])
		w := &s.words[p]
		mark := w.rel == syntax.Mark && w.key == "TO" // "to" of an infinitive
		if !mark && (w.upos != syntax.ADP && w.upos != syntax.SCONJ || w.rel != syntax.Case) {
			continue // (a preposition the tagger read as a subordinator is one still: "a committee on missing persons")
		}
		h := int(s.words[p].head)
		// the verb whose clause the preposition is in (an infinitive's
		// "to": the verb the infinitive depends on)
		x := h
		if mark && h >= 0 {
			x = int(s.words[h].head)
		}
		for m := 0; m < 8 && x >= 0 && !(s.verbal(x) || x >= v.vs && x < v.ve); m++ {
			x = int(s.words[x].head)
		}
		if i == 0 && x >= 0 && !(x >= v.vs && x < v.ve) && x != v.i && !lit(x) {
			// (only the pattern's first word after the verb: later ones
			// may lie in the complement it reaches into, "committed to
			// sending weapons TO Ukraine")
			return false
		}
		if i+1 < n {
			// (after an infinitive's "to", its verb: "(TO PULL BACK)")
			if q := int(b.lits[i+1]); q != h && (mark || !s.ancestorOf(h, q)) {
				return false
			}
		}
	}
	return true
}

// ownForces reports whether every code of group t is of the country of
// every code of group src ("Kenya sent its police officers": KENCOP).
func (s *state) ownForces(src, t int) bool {
	sc := s.groups[src].codes
	for _, a := range sc {
		if s.wc.country(a.code) == "" || s.wc.country(a.code) != s.wc.country(sc[0].code) {
			return false // (a source of several countries has no one side)
		}
	}
	return s.ownSide(src, t)
}

// nonState reports a group with a code of a party outside the state:
// rebels, opposition, insurgents, criminals.
func (s *state) nonState(g int) bool {
	for _, cr := range s.groups[g].codes {
		if len(cr.code) >= 6 && slices.Contains(nonStateUnits, cr.code[3:6]) {
			return true
		}
	}
	return false
}

// stateOwn reports a target of the state organs of the source's own
// country, the source being that state or one of its organs ("Ukraine"
// and "its troops"; not the opposition and the government).
func (s *state) stateOwn(src, t int) bool {
	sc, tc := s.groups[src].codes, s.groups[t].codes
	if len(sc) == 0 || len(tc) == 0 {
		return false
	}
	cc := s.wc.country(sc[0].code)
	for _, a := range sc {
		if cc == "" || s.wc.country(a.code) != cc || len(a.code) > 3 && !stateSide(a.code) {
			return false
		}
	}
	for _, b := range tc {
		if s.wc.country(b.code) != cc || !stateSide(b.code) {
			return false
		}
	}
	return true
}

// ownedByPronoun reports a group whose head has a possessive pronoun
// ("its troops", "their forces").
func (s *state) ownedByPronoun(g int) bool {
	h := s.groups[g].head
	if h < 0 || h >= len(s.words) {
		return false
	}
	switch s.possessivePronoun(h) {
	case "ITS", "THEIR", "HIS", "HER", "OUR":
		return true
	}
	return false
}

// bareForces reports a show of force's object naming forces of no country
// ("Russia deployed more than 100,000 troops near Ukraine's border"): they
// are the source's own, as "its troops" would be, when the source is a
// named state (a government of no country yet may be deploying its
// forces at home: "the government deployed the border guard").
func (s *state) bareForces(src, t, obj int, code string) bool {
	return strings.HasPrefix(code, "15") && t >= 0 && s.groups[t].head == obj && s.agentOnly(t) && s.countryNamed(src)
}

// countryNamed reports a group whose codes all name a country.
func (s *state) countryNamed(g int) bool {
	for _, cr := range s.groups[g].codes {
		if c := s.wc.country(cr.code); c == "" || c == "---" {
			return false
		}
	}
	return len(s.groups[g].codes) > 0
}

// ownSide reports whether every code of group t is of a country of the
// codes of group src ("Burkina Faso and Niger ... troops": BFAMIL, NERMIL).
func (s *state) ownSide(src, t int) bool {
	sc, tc := s.groups[src].codes, s.groups[t].codes
	if len(sc) == 0 || len(tc) == 0 {
		return false
	}
	for _, b := range tc {
		cb := s.wc.country(b.code)
		if cb == "" {
			return false
		}
		found := false
		for _, a := range sc {
			if s.wc.country(a.code) == cb {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// officialSide reports codes all of governments, bare countries or
// intergovernmental bodies: those who speak for a state.
func officialSide(codes []codeRef) bool {
	for _, c := range codes {
		switch {
		case len(c.code) == 3 && !strings.HasPrefix(c.code, "---"):
		case len(c.code) == 6 && strings.HasSuffix(c.code, "GOV"):
		case strings.HasPrefix(c.code, "IGO"):
		default:
			return false
		}
	}
	return len(codes) > 0
}

// deescalation reports codes of stepping back militarily: 087x and the
// intent to do so, 0356.
func deescalation(code string) bool {
	return strings.HasPrefix(code, "087") || code == "0356"
}

// inModifierClause reports whether word w sits in a clause that modifies
// a phrase of verb v ("under a deal brokered by Malaysia"), not among v's
// own arguments.
func (s *state) inModifierClause(w, v int) bool {
	for x, n := w, 0; x >= 0 && x != v && n < 8; x, n = int(s.words[x].head), n+1 {
		if r := s.words[x].rel; (r == syntax.Acl || r == syntax.AclRelcl) && x != w {
			return true
		}
	}
	return false
}

// fromPhrase returns the first from- or by-phrase after the verb at v, in
// its clause ("came under fire from X", "under attack by X"), or -1.
func (s *state) fromPhrase(v int) int {
	for i := v + 1; i < len(s.words); i++ {
		if !s.ancestorOf(v, i) {
			continue
		}
		if s.isRel(i, syntax.Obl) || s.isRel(i, syntax.Nmod) {
			// (the parse may hang the preposition on a compound: "from
			// al-Shabab militants")
			p := s.caseOf(i)
			if lo, _ := s.subtreeSpan(i); p == "" && s.words[lo].rel == syntax.Case {
				p = s.words[lo].key
			}
			if p == "FROM" || p == "BY" {
				return i
			}
		}
		if s.words[i].rel == syntax.Advcl || s.words[i].rel == syntax.Conj || s.words[i].rel == syntax.Ccomp {
			return -1
		}
	}
	return -1
}

// noteUntargeted remembers an offer, demand, claim, threat, show of force
// or attack aimed at no one ("Iran threatened to close the Strait of
// Hormuz", "North Korea fired two ballistic missiles"): no event, but a
// later "dismissed the threat", "condemned this provocation" answers
// whoever made it.
func (s *state) noteUntargeted(src int, code string) {
	if s.dc == nil || src < 0 || len(code) < 2 {
		return
	}
	switch code[:2] {
	case "03", "10", "11", "13", "15", "18", "19", "20":
	default:
		return
	}
	for _, cr := range s.groups[src].codes {
		if cr.code != "" && !strings.HasPrefix(cr.code, "---") {
			s.dc.recent = append(s.dc.recent, recentEvent{src: cr.code, code: code, sent: s.dc.sent})
		}
	}
}

// answeredAct returns the earlier act a reaction names by a noun of
// answer-nouns.txt ("France condemned the attack", "Moscow denounced the
// sanctions"): the newest event of the noun's roots not done by the
// reacting side itself.
func (s *state) answeredAct(code string, src, obj int) *recentEvent {
	if obj < 0 || len(code) < 2 || !reaction(code) || s.negatedNoun(obj) || !s.definiteNoun(obj) {
		return nil
	}
	roots, ok := lookupNoun(s, obj, s.wc.answerNouns)
	if !ok {
		return nil
	}
	// an act aimed at someone first: an untargeted one ("Hezbollah fired
	// rockets into northern Israel") answers only when none is named
	// ("condemned the strike" after Israel struck Beirut)
	named := func(e *recentEvent) bool { return slices.Contains(roots, e.code[:min(2, len(e.code))]) }
	answer := func(e *recentEvent) *recentEvent {
		for _, cr := range s.groups[src].codes {
			if cr.code == e.src {
				return nil // (one's own act)
			}
		}
		return e
	}
	for pass := 0; pass < 2; pass++ {
		for k := len(s.dc.recent) - 1; k >= 0; k-- {
			e := &s.dc.recent[k]
			if (e.tgt == "") != (pass == 1) || !named(e) || e.tgt == "" && len(roots) > 5 {
				continue // (an act aimed at no one answers only a noun that names its kind, "the threat", "the attack", not "*": "the decision")
			}
			return answer(e)
		}
	}
	// beyond the window, "the attack" names the lead's attack ("Borno
	// Governor Babagana Zulum condemned the attack", nine sentences after
	// "Gunmen ... killed at least 23 people")
	if e := s.dc.leadAttack; e != nil && e.tgt != "" && named(e) && len(roots) <= 5 {
		return answer(e)
	}
	return nil
}

// reaction reports the CAMEO roots of acts that can answer an earlier
// act named by a noun: appeals, praise, demands, criticism, rejection.
func reaction(code string) bool {
	switch code[:2] {
	case "02", "05", "10", "11", "12":
		return true
	}
	return false
}

// definiteNoun reports whether the noun at i refers back: "the attack",
// "this move", "his release".
func (s *state) definiteNoun(i int) bool {
	for _, k := range s.children(i) {
		switch w := &s.words[k]; {
		case w.rel == syntax.Det && (w.key == "THE" || w.key == "THIS" || w.key == "THESE" || w.key == "THAT" || w.key == "THOSE"):
			return true
		case s.isRel(int(k), syntax.NmodPoss) && w.upos == syntax.PRON:
			return true
		}
	}
	return false
}

// negatedNoun reports a noun with "no" ("condemned no attack").
func (s *state) negatedNoun(i int) bool {
	for _, k := range s.children(i) {
		if nounNegators[s.words[k].key] {
			return true
		}
	}
	return false
}

// coercive reports codes of acts whose conditional announcement threatens
// (sanctions and reduced relations, coercion, assault, fighting).
func coercive(code string) bool {
	return len(code) >= 2 && code[:2] >= "16" && code[:2] <= "20"
}

// condition returns the verb of an "if"/"unless" clause that v, or the
// clause v depends on, is conditioned on; -1 when none.
func (s *state) condition(v int) int {
	for x, n := v, 0; x >= 0 && n < 4; x, n = int(s.words[x].head), n+1 {
		for _, k := range s.children(x) {
			if s.words[k].rel == syntax.Advcl {
				if m := s.markOf(int(k)); m == "IF" || m == "UNLESS" {
					return int(k)
				}
			}
		}
		if r := s.words[x].rel; r != syntax.Xcomp && r != syntax.Conj && r != syntax.Ccomp {
			break
		}
	}
	return -1
}

// speakerOf returns the subject of the verb whose content clause holds v
// ("Washington warned that sanctions would be imposed"), or -1.
func (s *state) speakerOf(v int) int {
	for x, n := v, 0; x >= 0 && n < 4; x, n = int(s.words[x].head), n+1 {
		h := int(s.words[x].head)
		if h < 0 {
			break
		}
		if r := s.words[x].rel; r == syntax.Ccomp || r == syntax.Parataxis && s.speechWord(h) {
			return s.argChild(h, syntax.Nsubj) // ("said", "warned", "announced" that ...)
		}
	}
	return -1
}

// mutualCode reports a code whose act is done by each side to the other:
// a pattern's reverse code ("clashed" 190:190) or reciprocal.txt.
func (c *Coder) mutualCode(code petrarch.Code) bool {
	if code.Reverse != "" {
		return true
	}
	m, _ := c.words.reciprocal(code.Active)
	return m
}

// namedCoagent returns the actor group of v's co-agent phrase
// (coagent-preps.txt: "alongside", "together with") when pattern cp
// names its preposition, or -1.
func (s *state) namedCoagent(v int, cp *cpattern) int {
	for _, k := range s.children(v) {
		if !s.isRel(int(k), syntax.Obl) {
			continue
		}
		p := s.caseOf(int(k))
		if !s.wc.coagentPreps[p] {
			continue
		}
		first, _, _ := strings.Cut(p, " ")
		if cp.names(first) {
			return s.roleGroup(int(k))
		}
	}
	return -1
}

// conjObjectPronoun resolves the object (subject) pronoun of a
// coordinated verb to the object (subject) of the verb before it: "the
// military removed Bashir and jailed him", "officials did not respond,
// but they denied the allegations"; -1 otherwise.
func (s *state) conjObjectPronoun(w int) int {
	var r syntax.Rel
	switch s.words[w].key {
	case "HIM", "HER", "THEM":
		r = syntax.Obj
	case "THEY", "HE", "SHE":
		r = syntax.Nsubj // "officials did not respond, but they denied ..."
	default:
		return -1
	}
	v := int(s.words[w].head)
	if s.words[w].rel != r || v < 0 || s.words[v].rel != syntax.Conj {
		return -1
	}
	h := int(s.words[v].head)
	if h < 0 || !s.verbal(h) {
		return -1
	}
	if o := s.childExact(h, r); o >= 0 && o != w {
		return s.groupOfWord(o)
	}
	if r == syntax.Obj {
		return s.conjPartner(v) // "spoke with the ministers and urged them"
	}
	return -1
}

// conjPartner returns the actor group the verb a conjoined verb v hangs
// on is aimed at: its object, its with- or to-phrase ("spoke with the
// ministers and urged them"), or -1.
func (s *state) conjPartner(v int) int {
	if v < 0 || s.words[v].rel != syntax.Conj {
		return -1
	}
	h := int(s.words[v].head)
	if h < 0 || !s.verbal(h) {
		return -1
	}
	if o := s.childExact(h, syntax.Obj); o >= 0 {
		return s.roleGroup(o)
	}
	for _, k := range s.children(h) {
		if s.isRel(int(k), syntax.Obl) {
			switch s.caseOf(int(k)) {
			case "WITH", "TO":
				return s.roleGroup(int(k))
			}
		}
	}
	return -1
}

// targetInside returns the group of the first phrase under x introduced
// by a target preposition ("against women"), or -1.
func (s *state) targetInside(x int) int {
	lo, hi := s.subtreeSpan(x)
	for k := lo; k < hi; k++ {
		// (a phrase of the act itself too: "threatened to cut off oil
		// supplies to Colombia")
		if k != x && (s.isRel(k, syntax.Nmod) || s.isRel(k, syntax.Obl) && int(s.words[k].head) == x) && s.wc.targetPreps[s.caseOf(k)] {
			if g := s.roleGroup(k); g >= 0 {
				return g
			}
		}
	}
	return -1
}

// ownCountry reports a target coded only as the bare country of every
// source code (INDGOV and IND).
func ownCountry(src, tgt []codeRef) bool {
	if len(src) == 0 || len(tgt) == 0 {
		return false
	}
	for _, t := range tgt {
		if len(t.code) != 3 {
			return false
		}
		for _, sc := range src {
			if !strings.HasPrefix(sc.code, t.code) {
				return false
			}
		}
	}
	return true
}

// civiliansOnly reports a group of civilians only ("tourists").
func civiliansOnly(codes []codeRef) bool {
	for _, c := range codes {
		if !strings.HasSuffix(c.code, "CVL") {
			return false
		}
	}
	return len(codes) > 0
}

// mediaOnly reports a group of media outlets only ("VOA", "reporters").
func mediaOnly(codes []codeRef) bool {
	for _, c := range codes {
		if !strings.HasSuffix(c.code, "MED") {
			return false
		}
	}
	return len(codes) > 0
}

// realizedPairs codes every ordered pair of group g's members, as realize
// has it: nothing for an act that would happen or is asked about, an
// intention for one to come.
func (c *Coder) realizedPairs(s *state, g int, code petrarch.Code, v *verbCand, pattern string, tr *verbTry) []rawEvent {
	mod := s.treeModality(v)
	code, ok := c.realize(code, mod)
	if !ok && s.modern {
		tr.note = mod + ": the act did not happen"
		return nil
	}
	return s.pairs(g, code, v, pattern)
}

// coordinatedForce returns the group of a security force that is the
// subject of the clause verb v is a conjunct of (or that is v's
// conjunct), or -1.
func (s *state) coordinatedForce(v int) int {
	var subj []int // the subjects of the active clauses v is joined to
	clause := func(o int) {
		if s.verbal(o) && !s.passiveAt(o) {
			subj = append(subj, s.childExact(o, syntax.Nsubj))
		}
	}
	if s.words[v].rel == syntax.Conj && s.words[v].head >= 0 {
		if h := int(s.words[v].head); s.nominal(h) && s.isRel(h, syntax.Nsubj) {
			// (the clause hung on the other clause's subject: "Police
			// fired tear gas ..., and 20 people were arrested")
			subj = append(subj, h)
		} else {
			clause(h)
		}
	}
	for _, k := range s.children(v) {
		if s.words[k].rel == syntax.Conj {
			clause(int(k))
		}
	}
	for _, n := range subj {
		if g := s.roleGroup(n); g >= 0 && len(s.groups[g].codes) == 1 && securityForce(s.groups[g].codes[0].code) {
			return g
		}
	}
	return -1
}

// localOrSourceCountry returns the country where verb v happens, else
// that of source group src (when it has one), else "---".
func (c *Coder) localOrSourceCountry(s *state, v, src int) string {
	cc := s.localCountry(v)
	if cc == "---" && src >= 0 && len(s.groups[src].codes) > 0 {
		if sc := c.words.country(s.groups[src].codes[0].code); sc != "" {
			cc = sc
		}
	}
	return cc
}

// otherParty reports whether the sentence names a party other than group
// g, not a place ("at Palestinian demonstrators").
func (s *state) otherParty(g int) bool {
	for k := range s.groups {
		if k != g && !s.territory(k) && len(s.groups[k].codes) > 0 {
			return true
		}
	}
	return false
}

// twoAlike reports whether source and target groups coded alike are
// still two parties: force against the object by the verb's own subject
// ("a mob lynched a man", "rebels attacked rival rebels"; a subject shared
// with another clause may be the victims' own phrase), or any act against
// another party by its own subject when the two are named by different
// words.
func (s *state) twoAlike(code string, src, tgt, obj int, ownSubject bool) bool {
	if tgt < 0 || tgt == src || !ownSubject {
		return false
	}
	violence := len(code) >= 2 && code[:2] >= "17" && code[:2] <= "20"
	return violence && tgt == obj || conflictual(code) && s.distinctParties(src, tgt)
}

// asymmetric reports a code whose two sides differ (043:042 host and
// visit).
func asymmetric(c petrarch.Code) bool {
	return c.Reverse != "" && c.Reverse != c.Active
}

// conflictual reports the roots of acts against another party
// (accusing, rejecting, threatening, reducing relations, coercing,
// assaulting, fighting): no one does them to their own side, so two
// parties coded alike are still two ("Chief Minister Stalin accused the
// Union government", "M23 fought with Wazalendo militias").
func conflictual(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "11", "12", "13", "16", "17", "18", "19", "20":
		return true
	}
	return false
}

// distinctParties reports whether groups a and b are named by different
// words: two parties, not one named twice ("the government ... the
// government").
func (s *state) distinctParties(a, b int) bool {
	ga, gb := &s.groups[a], &s.groups[b]
	if ga.head < 0 || gb.head < 0 || ga.ref != nil || gb.ref != nil || len(ga.codes) != 1 || len(gb.codes) != 1 {
		return false // (a compound side's member coded like the other side may be it: "China and Malaysia ... over Malaysia's rights")
	}
	if s.words[ga.head].key == s.words[gb.head].key {
		return false
	}
	for _, h := range []int{ga.head, gb.head} {
		// a pronoun may be the subject itself ("Ankara is warning it
		// could ..."), a possessor its own thing ("disagreeing over
		// Malaysia's rights")
		if u := s.words[h].upos; u != syntax.NOUN && u != syntax.PROPN || s.words[h].rel == syntax.NmodPoss {
			return false
		}
	}
	return ga.j <= gb.i || gb.j <= ga.i
}

// sameCodes reports two groups coded alike: one side.
func sameCodes(a, b []codeRef) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i].code != b[i].code {
			return false
		}
	}
	return true
}

// memberGroup adds a group of g's members, each with its own first code
// even where they are alike (a group keeps one of each code), so that
// pairs sets them against each other.
func (s *state) memberGroup(g int) int {
	gr := s.groups[g]
	var cs []codeRef
	for _, m := range gr.ents {
		e := &s.ents[m]
		if c := s.entityCodes(e, nil, false, nil, nil, e.i, e.j); len(c) > 0 {
			cs = append(cs, c[0])
		}
	}
	gr.codes = cs
	s.groups = append(s.groups, gr)
	return len(s.groups) - 1
}

// addGroup adds a group of one word with one code, for an actor the
// sentence implies ("thousands" protesting are civilians).
func (s *state) addGroup(w int, code string) int {
	s.groups = append(s.groups, group{i: w, j: w + 1, head: w, codes: []codeRef{{code: code, i: w, j: w + 1}}})
	return len(s.groups) - 1
}

// roleGroup returns the group of a role word, resolving "he"/"she" to the
// antecedent of an earlier sentence; -1 when the word names no actor.
func (s *state) roleGroup(w int) int {
	if w < 0 {
		return -1
	}
	if g := s.pairInSentence(w); g >= 0 {
		return g // (before the pair of earlier sentences the context gave the words)
	}
	if g := s.groupOfWord(w); g >= 0 {
		return g
	}
	// "He and other senior U.S. officials": a coordination whose first
	// member is a pronoun naming no actor is the group of the members
	// that do
	for _, k := range s.children(w) {
		if s.words[k].rel == syntax.Conj && s.words[w].upos == syntax.PRON {
			if g := s.groupOfWord(int(k)); g >= 0 {
				return g
			}
		}
	}
	if g := s.reporterOfPronoun(w); g >= 0 {
		return g
	}
	if g := s.conjObjectPronoun(w); g >= 0 {
		return g
	}
	herPoss := w+1 < len(s.words) && (s.words[w+1].tag.IsNoun() || s.words[w+1].tag == nlp.JJ) // "her explosive devices"
	k := s.words[w].key
	personal := k == "HE" || k == "SHE" || k == "HIM" || k == "HER" && s.words[w].rel != syntax.NmodPoss && !herPoss
	if personal {
		if g := s.mainPersonSubject(w); g >= 0 {
			return g
		}
	}
	if (personal || s.antecedentSurname(w)) && s.ante != nil {
		ref := s.ante.ref
		g := group{i: w, j: w + 1, head: w, ref: &ref}
		for _, c := range s.ante.codes {
			g.codes = append(g.codes, codeRef{code: c, i: w, j: w + 1})
		}
		s.groups = append(s.groups, g)
		return len(s.groups) - 1
	}
	return -1
}

// pairInSentence returns the group that "the two sides", "both parties"
// at w mean when they are what the verb acts on and the sentence itself
// names the pair before them: the group of two or more actors nearest
// before w, other than the clause's own subject ("the army and the RSF
// resumed talks, as mediators pressed the two sides"); "both countries"
// needs two countries. It returns -1 when there is none, and the document
// context's pair applies.
func (s *state) pairInSentence(w int) int {
	country, ok := s.wc.pairNouns[s.words[w].key]
	if !ok || !s.pairMarked(w) {
		return -1
	}
	if r := s.words[w].rel; r == syntax.Nsubj || r == syntax.NsubjPass {
		return -1
	}
	// (the clause's own subject is not the pair it acts on: "mediators
	// pressed the two sides"; a conjunct verb shares its subject)
	subj := -1
	for v := s.verbAbove(w, len(s.words)); v >= 0 && subj < 0; v = int(s.words[v].head) {
		subj = s.childExact(v, syntax.Nsubj)
		if s.words[v].rel != syntax.Conj {
			break
		}
	}
	best := -1
	for g := range s.groups {
		gr := &s.groups[g]
		if gr.j > w || gr.ref != nil || subj >= gr.i && subj < gr.j || len(gr.codes) < 2 || best >= 0 && gr.j <= s.groups[best].j {
			continue
		}
		if h := gr.head; h >= 0 && h < len(s.words) && s.pairMarked(h) {
			continue // (itself a pair the context named)
		}
		ca, cb := gr.codes[0], gr.codes[len(gr.codes)-1]
		a, b := ca.code, cb.code
		if a == b || country && (len(a) < 3 || len(b) < 3 || a[:3] == b[:3] || a[:3] == "---" || b[:3] == "---") {
			continue
		}
		lo, hi := min(ca.j, cb.j), max(ca.i, cb.i)
		if ca.i == cb.i {
			lo, hi = ca.i, ca.j // (one phrase coordinating inside: "delegations from Sudan's army and the RSF")
		}
		if !s.coordinatedBetween(lo, hi) {
			continue // ("the U.N. mission in Lebanon": one actor, not a pair)
		}
		best = g
	}
	return best
}

// coordinatedBetween reports a coordinating conjunction among words
// [i, j).
func (s *state) coordinatedBetween(i, j int) bool {
	for k := max(i, 0); k < j && k < len(s.words); k++ {
		if s.words[k].rel == syntax.Cc || isCoord(s.words[k].key) {
			return true
		}
	}
	return false
}

// titleCodes drops a title's countryless code right before the code of
// the person it names: "Jammu and Kashmir Chief Minister" (---GOV) and
// "Omar Abdullah" (INDGOV) read as two phrases of one group are one actor.
func (s *state) titleCodes() {
	for g := range s.groups {
		cs := s.groups[g].codes
		for k := 0; k+1 < len(cs); k++ {
			a, b := cs[k], cs[k+1]
			if a.j == b.i && len(a.code) == 6 && strings.HasPrefix(a.code, "---") && len(b.code) == 6 && !strings.HasPrefix(b.code, "---") && a.code[3:] == b.code[3:] {
				s.groups[g].codes = append(cs[:k:k], cs[k+1:]...)
				break
			}
		}
	}
}

// pairMarked reports a word after a pair marker ("both", "the two"),
// also once the context has made the words a mention (pairRef, which
// finds them before that, wants them outside one).
func (s *state) pairMarked(w int) bool {
	return w > 0 && (s.wc.pairMarkers[s.words[w-1].key] || w >= 2 && s.wc.pairMarkers[s.words[w-2].key+" "+s.words[w-1].key])
}

// pairGroups gives "the two sides" the pair the sentence itself names
// before them (pairInSentence), over the pair of earlier sentences the
// document context gave the words.
func (s *state) pairGroups() {
	for g := range s.groups {
		if h := s.groups[g].head; h >= 0 && h < len(s.words) {
			if p := s.pairInSentence(h); p >= 0 && p != g {
				s.groups[g].codes = append(s.groups[g].codes[:0:0], s.groups[p].codes...)
			}
		}
	}
}

// mainPersonSubject returns the group of the main clause's subject when
// it is one person named before pronoun w, outside w's own clause: "he"
// in "Tokayev will travel to Ho Chi Minh City, where he is expected to
// visit ..." is Tokayev, not the person of an earlier sentence. It
// returns -1 otherwise.
func (s *state) mainPersonSubject(w int) int {
	r := s.root()
	if r < 0 || !s.hasTree {
		return -1
	}
	sb := s.childExact(r, syntax.Nsubj)
	if sb < 0 || sb >= w || s.ancestorOf(sb, w) || s.verbAbove(w, len(s.words)) == r {
		return -1 // ("Rama accused him": a pronoun is never its own clause's subject)
	}
	g := s.groupOfWord(sb)
	if g < 0 {
		return -1
	}
	gr := &s.groups[g]
	if gr.ref != nil || len(gr.ents) != 1 || len(gr.codes) != 1 || s.notHeShe(gr) {
		return -1
	}
	// a person of the dictionary, or a role with a name ("Defence Minister
	// Khawaja Asif"); "the army said he ..." means someone else
	if e := &s.ents[gr.ents[0]]; !s.personAt(e, gr.codes) && (len(e.agents) == 0 || s.words[gr.j-1].tag != nlp.NNP) {
		return -1
	}
	return g
}

// antecedentSurname reports whether word w, a lone name no dictionary
// knows, is the surname of the person the last sentences named
// ("Kyrgyz President Sadyr Japarov met ... Japarov warned").
func (s *state) antecedentSurname(w int) bool {
	if s.ante == nil || s.words[w].upos != syntax.PROPN {
		return false
	}
	for _, k := range s.children(w) {
		if r := s.words[k].rel; r != syntax.Case && r != syntax.Punct {
			return false // a longer name ("the Special Services Group")
		}
	}
	f := strings.Fields(s.ante.ref.Text)
	return len(f) >= 2 && f[len(f)-1] == s.tokText(w) // (as written: "a terrorist group" names no Group)
}

// spelledOut reports a group whose every actor or agent word a post-verb
// literal of the pattern matched, modifying a head the pattern also spells
// out ("artillery fire"; "civilians", the head itself, stay the victims).
func (s *state) spelledOut(g int, b *binding) bool {
	if h := s.groups[g].head; h < 0 || h >= len(s.inMent) || s.inMent[h] >= 0 || !b.literal(h) {
		return false
	}
	n := 0
	for k := s.groups[g].i; k < s.groups[g].j && k < len(s.inMent); k++ {
		if s.inMent[k] < 0 {
			continue
		}
		if !b.literal(k) {
			return false
		}
		n++
	}
	return n > 0
}

// targetFits checks a pattern's target against the tree: a target inside
// an oblique needs its preposition in the pattern or among the target
// prepositions; a place adverbial ("in Syria") is never a bare "+".
func (s *state) targetFits(cp *cpattern, b *binding, v *verbCand, r roles) bool {
	if b.tgt < 0 {
		return true
	}
	h := s.groups[b.tgt].head
	if h < 0 || h >= len(s.words) {
		return true
	}
	// the phrase's attachment on the way to the verb
	x := h
	for n := 0; n < 6 && x >= 0 && int(s.words[x].head) != v.i; n++ {
		if s.words[x].head < 0 {
			return true // not under the verb: the pattern chose, as before
		}
		x = int(s.words[x].head)
	}
	if x < 0 || int(s.words[x].head) != v.i || !s.isRel(x, syntax.Obl) || s.words[x].rel == syntax.OblAgent {
		return true
	}
	p := s.caseOf(x)
	if p == "" || s.wc.targetPreps[p] {
		return true
	}
	for _, m := range cp.post {
		for _, w := range m.words {
			if w == p || strings.HasPrefix(p, w+" ") {
				return true
			}
		}
	}
	return false
}

// specifyRequests gives a generic appeal (020) or demand (100) the
// subcode of what it asks for (request-codes.txt): "urged Iran to release
// the protesters" 0253, "demanded that Russia withdraw" 1056.
func (c *Coder) specifyRequests(s *state, out []rawEvent) {
	for _, rq := range s.requests {
		for k := range out {
			e := &out[k]
			if rq.by < e.verbI || rq.by >= e.verbJ || e.code != "020" && e.code != "100" {
				continue
			}
			if sc := c.words.requestCode(rq.code, e.code == "100"); sc != "" {
				e.code = sc
			}
		}
	}
}

// requestedTree reports an infinitive whose subject is the object of an
// object-control verb: "called on Russia to withdraw", "wants Putin to
// attack". The action is asked for, not done; the request verb codes it.
func (s *state) requestedTree(v *verbCand) bool {
	x := v.i
	for n := 0; n < 4 && s.words[x].head >= 0 && s.verbal(int(s.words[x].head)); n++ {
		h := int(s.words[x].head)
		if s.words[x].rel != syntax.Conj && !(s.words[x].rel == syntax.Xcomp && (s.wc.catenative[s.words[h].lemma] || s.wc.reversalWords[s.words[h].lemma])) {
			break
		}
		if s.words[x].rel == syntax.Xcomp && s.wc.objectControl[s.words[h].lemma] && (s.childExact(h, syntax.Obj) >= 0 || s.childExact(h, syntax.Iobj) >= 0) {
			break // "wants Putin to attack": another's act wished for, not "wants to attack"
		}
		// "called on Iran to cease ... and to cooperate", "urged Rwanda
		// to stop supporting": asked for too
		x = h
	}
	w := &s.words[x]
	h := int(w.head)
	if w.rel == syntax.Ccomp && h >= 0 && (s.wc.objectControl[s.words[h].lemma] || s.wc.pursuitVerbs[s.words[h].lemma]) && !s.wc.speech[s.words[h].lemma] {
		return true // "demanded that his party be eliminated": what is demanded
	}
	infinitive := w.rel == syntax.Xcomp || w.rel == syntax.Advcl && s.markOf(x) == "TO"
	if h >= 0 && s.markOf(x) == "TO" {
		// "pressure to resign", "faces pressure from Congress to help
		// Iran", "came under pressure to": what a noun of asking asks
		if (w.rel == syntax.Acl || w.rel == syntax.Xcomp) && s.wc.requestNouns[s.words[h].key] {
			return true
		}
		if infinitive && s.verbal(h) {
			for _, k := range s.children(h) {
				if (s.words[k].rel == syntax.Obj || s.isRel(int(k), syntax.Obl)) && int(k) < x && s.wc.requestNouns[s.words[k].key] {
					return true
				}
			}
		}
	}
	if h >= 0 && w.tag == nlp.VBG && (w.rel == syntax.Xcomp || w.rel == syntax.Ccomp || w.rel == syntax.Obj) &&
		s.wc.objectControl[s.words[h].lemma] && !s.wc.speech[s.words[h].lemma] {
		return true // "a law that authorizes firing on foreign vessels": allowed, not done
	}
	if infinitive && h >= 0 && w.rel == syntax.Xcomp && (s.words[h].lemma == "NEGOTIATE" || s.words[h].lemma == "SEEK") {
		return true // "negotiating to import eggs": only the negotiating has happened
	}
	if !infinitive || h < 0 || !s.wc.objectControl[s.words[h].lemma] || s.wc.implicative[s.words[h].lemma] {
		return false // (what one is forced to do is done)
	}
	// (or the passive's subject: "Russia was urged by China to hold
	// talks")
	return s.childExact(h, syntax.Obj) >= 0 || s.childExact(h, syntax.Iobj) >= 0 || s.childExact(h, syntax.NsubjPass) >= 0 ||
		s.childExact(h, syntax.Obl) >= 0 && (s.words[h].lemma == "CALL" || s.words[h].lemma == "APPEAL")
}

// assault reports the CAMEO roots of violence (18-20), whose targets may
// be places and things.
func assault(code string) bool {
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// placeTarget codes an attacked place or thing that names no actor ("the
// village", "an army base"): its country from its own modifiers, else
// "---" for the story's country to fill in; "" when w is no place.
func (c *Coder) placeTarget(s *state, w, v int) string {
	mil, ok := c.words.place(s.words[w].key, s.words[w].lemma)
	if !ok {
		return ""
	}
	if mil && s.civilOperation(w) {
		mil = false // "food convoys", "a relief convoy": no military target
	}
	var e entity
	e.i, e.j = w, w+1
	s.collectCore(w, w, &e, 0)
	if pp := s.possessivePronoun(w); e.actorCodes == nil && v >= 0 && (pp == "ITS" || pp == "THEIR" || pp == "OUR") {
		// "India said Pakistani troops opened fire on its posts": the
		// posts a speaker calls its own are the speaker's (a force's
		// own posts are never what it attacks)
		if g := s.roleGroup(s.speakerOf(v)); g >= 0 {
			for _, cr := range s.groups[g].codes {
				e.actorCodes = append(e.actorCodes, cr.code)
			}
		}
	}
	if e.actorCodes == nil {
		if t := s.nominalTarget(w); t >= 0 {
			if g := s.groupOfWord(t); g >= 0 {
				for _, cr := range s.groups[g].codes {
					e.actorCodes = append(e.actorCodes, cr.code)
				}
			}
		}
	}
	cc := "---"
	for _, a := range e.actorCodes {
		if x := c.words.country(a); x != "" {
			cc = x
			break
		}
	}
	if cc == "---" && v >= 0 {
		// "targeted a car in southern Lebanon": where the act happened
		cc = s.localCountry(v)
	}
	if mil {
		return cc + "MIL"
	}
	return cc
}

// verbOKTree decides from the tree whether a dictionary verb form is used
// as a verb here.
func (s *state) verbOKTree(i int) bool {
	w := &s.words[i]
	switch w.upos {
	case syntax.VERB:
		return true
	case syntax.AUX:
		return w.head < 0 // a copula-less root
	case syntax.NOUN, syntax.PROPN, syntax.ADJ, syntax.ADP, syntax.DET, syntax.PRON, syntax.NUM, syntax.CCONJ, syntax.PUNCT:
		// "the attack", "voting rights"; but a verb tagged as a noun after
		// a modal or "to" (invented names confuse the tagger)
		if i > 0 && (s.words[i-1].tag == nlp.MD || s.words[i-1].tag == nlp.TO) && w.upos == syntax.NOUN {
			return true
		}
		return false
	}
	return w.tag.IsVerb()
}

// disasterInSentence returns a word naming a natural or accidental cause
// ("killed in floods", "died in a road accident", "when a building
// collapsed"), or -1: an act nobody is named for in such a sentence is a
// disaster's toll, not a political event.
func (s *state) disasterInSentence() int {
	for k := range s.words {
		if s.words[k].upos != syntax.PUNCT && s.disasterWord(k) {
			return k
		}
	}
	return -1
}

// disasterWord reports a phrase head that is a disaster noun, alone or
// with its compound ("road accident", "flash flood").
func (s *state) disasterWord(k int) bool {
	w := &s.words[k]
	if w.upos == syntax.VERB {
		return s.wc.disasterV[w.lemma] // "fired" is no fire
	}
	if w.upos != syntax.NOUN && w.upos != syntax.PROPN {
		return false
	}
	if s.wc.disasters[w.key] || s.wc.disasters[w.lemma] {
		return !s.gunfire(k)
	}
	if c := s.childExact(k, syntax.Compound); c >= 0 && (s.wc.disasters[s.words[c].key+" "+w.key] || s.wc.disasters[s.words[c].lemma+" "+w.lemma]) {
		return true
	}
	switch w.lemma {
	case "EXPLOSION", "BLAST", "FIRE", "BLAZE":
		// "an explosion at a chemical plant": an industrial accident
		for _, m := range s.children(k) {
			if s.isRel(int(m), syntax.Nmod) && (s.caseOf(int(m)) == "AT" || s.caseOf(int(m)) == "IN") && s.wc.accidentSites[s.words[m].lemma] {
				return true
			}
		}
	}
	return false
}

// gunfire reports a "fire" that is shooting: what is exchanged, opened or
// returned, what one comes under, or fire named by its weapon or shooter
// (gunfire-words.txt: "an exchange of fire", "came under fire", "sniper
// fire").
func (s *state) gunfire(k int) bool {
	if s.words[k].lemma != "FIRE" {
		return false
	}
	if h := int(s.words[k].head); h >= 0 && s.wc.gunfire[s.words[h].lemma] {
		return true // "exchange of fire", "opened fire", "returned fire"
	}
	if s.caseOf(k) == "UNDER" {
		return true
	}
	for _, m := range s.children(k) {
		if r := s.words[m].rel; (r == syntax.Compound || r == syntax.Amod) && s.wc.gunfire[s.words[m].lemma] {
			return true
		}
	}
	return false
}

// realize turns a verb's code and modality into what is coded: an
// intended act is the intention to do it (03x to cooperate, 13x to
// coerce or attack; "will withdraw" 0874 → 0356); a hypothetical or
// questioned material act did not happen and is not coded (ok false);
// codes that already say intent or threat stay.
func (c *Coder) realize(code petrarch.Code, mod string) (petrarch.Code, bool) {
	a := code.Active
	if !c.modern {
		return code, true // TABARI-era dictionaries code "will X" as X
	}
	if strings.HasPrefix(a, "03") || strings.HasPrefix(a, "13") {
		return code, true
	}
	switch mod {
	case modIntended:
		if ic := c.words.intentCode(a); ic != "" {
			code.Active, code.Reverse = ic, ""
		}
	case modHypothetical, modQuestioned:
		// "could support Ukraine", "may have to ask the U.S.": neither a
		// material act nor a statement made (the reviews found such
		// verbal events wrong as often as material ones)
		return code, false
	}
	return code, true
}

// material reports the CAMEO roots of material acts (cooperation 06-08,
// conflict 14-20): hypothetical ones did not happen.
func material(code string) bool {
	if len(code) < 2 {
		return false
	}
	r := code[:2]
	return r >= "06" && r <= "08" || r >= "14" && r <= "20"
}

// unknownDoer reports the codes kept when the text does not say who acted:
// coercion and violence (CAMEO 17-20), as PLOVER and ACLED users count
// attacks and arrests by unknown perpetrators, and reproaches and
// rejections (10-13: "the decision was widely condemned").
func unknownDoer(code string) bool {
	return len(code) >= 2 && (code[:2] >= "17" && code[:2] <= "20" || code[:2] >= "10" && code[:2] <= "13")
}

// verbal reports the CAMEO roots of verbal acts (statements, appeals,
// intents, consultations, support, and the verbal conflict roots 09-13):
// reacting to an act aims at its doer.
func verbal(code string) bool {
	return !material(code)
}

// eventIn returns the event noun of an in/during phrase of the verb at v
// ("killed in a PKK attack", "wounded during Israeli shelling", "killed
// in a clash with rebels"), or -1.
func (s *state) eventIn(v int) int {
	for _, k := range s.children(v) {
		if code, _ := lookupNoun(s, int(k), s.wc.betweenNouns); s.isRel(int(k), syntax.Obl) && (s.eventNoun(int(k)).code != "" || assault(code)) {
			if p := s.caseOf(int(k)); p == "IN" || p == "DURING" {
				return int(k)
			}
		}
	}
	return -1
}

// warnedBySide reports a verb at v that a warning verb says ("officials
// warned", "warned that X could") whose speaker is of the acting side
// src: the same country, or agents of none ("officials").
func (s *state) warnedBySide(v, src int) bool {
	if src < 0 {
		return false
	}
	w := -1
	if h := int(s.words[v].head); h >= 0 && s.wc.warningVerbs[s.words[h].lemma] {
		w = h // "warned that Israel could strike"
	} else {
		for _, k := range s.children(v) {
			if int(k) > v && s.wc.warningVerbs[s.words[k].lemma] && s.verbal(int(k)) {
				w = int(k) // "Israel could strike ..., officials warned"
				break
			}
		}
	}
	if w < 0 {
		return false
	}
	spk := s.roleGroup(s.rolesOf(w, 0).subj)
	if spk < 0 || spk == src {
		return spk == src
	}
	if s.agentOnly(spk) {
		return true
	}
	for _, a := range s.groups[spk].codes {
		for _, b := range s.groups[src].codes {
			if cc := s.wc.country(a.code); cc == "" || cc != s.wc.country(b.code) {
				return false
			}
		}
	}
	return true
}

// refusedAt reports a verb of accepting negated on itself ("would not
// accept", "did not agree to", "will never recognize").
func (s *state) refusedAt(v int) bool {
	if !s.wc.acceptVerbs[s.words[v].lemma] {
		return false
	}
	if s.wc.objectControl[s.words[v].lemma] && s.child(v, syntax.Xcomp) >= 0 {
		// "we will not allow these terrorists to destabilize our
		// country": a resolve to prevent, not a refusal
		return false
	}
	return s.notOn(v)
}

// notOn reports a verb negated on itself: "not", "n't" or "never" as its
// own adverb ("would not accept", "will never recognize").
func (s *state) notOn(v int) bool {
	for _, k := range s.children(v) {
		if s.words[k].rel == syntax.Advmod {
			switch s.words[k].key {
			case "NOT", "N'T", "NEVER":
				return true
			}
		}
	}
	return false
}

// backerRelative reports a participle of backing as a reduced relative
// on a noun that is an argument of another verb ("militiamen backed by
// Sudan's government attacked villages"): it describes the group.
func (s *state) backerRelative(v int) bool {
	w := &s.words[v]
	h := int(w.head)
	if w.rel != syntax.Acl || w.tag != nlp.VBN || !s.wc.backerParts[w.key] || h < 0 || !s.nominal(h) {
		return false
	}
	hh := int(s.words[h].head)
	return hh >= 0 && s.verbal(hh) && (s.isRel(h, syntax.Nsubj) || s.words[h].rel == syntax.Obj || s.isRel(h, syntax.Obl))
}

// militaryBacker reports a backing participle whose by-phrase names only
// armed forces (of a state or an international organisation).
func (s *state) militaryBacker(v int) bool {
	g := s.roleGroup(s.childExact(v, syntax.OblAgent))
	if g < 0 || len(s.groups[g].codes) == 0 {
		return false
	}
	for _, cr := range s.groups[g].codes {
		if len(cr.code) < 6 || !strings.Contains(cr.code[3:], "MIL") {
			return false // (an IGO's force too: IGOAFRAFUMIL)
		}
	}
	return true
}

// resolvedNot reports a verb negated under "will" or "would": a stated
// resolve not to act ("Iran will not negotiate under pressure", "said it
// would not hand over the suspects"), which for a cooperative act
// (refusal-codes.txt) is a refusal.
func (s *state) resolvedNot(v int) bool {
	modal := false
	for _, k := range s.children(v) {
		switch w := &s.words[k]; {
		case w.rel == syntax.Advcl && (s.markOf(int(k)) == "IF" || s.markOf(int(k)) == "UNLESS"):
			return false // "if this happens, Turkey will not buy": a condition, not a refusal
		case w.rel == syntax.Aux && (w.key == "WILL" || w.key == "WOULD" || w.key == "WO" || w.key == "'LL"):
			modal = true
		}
	}
	return modal && s.notOn(v)
}

// wordIn reports a word of set among words i..j.
func (s *state) wordIn(i, j int, set map[string]bool) bool {
	for k := max(i, 0); k < j && k < len(s.words); k++ {
		if set[s.words[k].key] {
			return true
		}
	}
	return false
}

// missionIn reports a mission noun ("embassy", "consulate") among words
// i..j.
func (s *state) missionIn(i, j int) bool {
	for k := max(i, 0); k < j && k < len(s.words); k++ {
		if s.wc.missionNouns[s.words[k].key] {
			return true
		}
	}
	return false
}

// releaseOf reports a noun whose release is at issue: the object of
// "release"/"free", or of "the release of" ("called for the release of
// journalists jailed last year").
func (s *state) releaseOf(n int) bool {
	for x, k := int(s.words[n].head), 0; x >= 0 && k < 3; x, k = int(s.words[x].head), k+1 {
		if s.wc.releaseWords[s.words[x].lemma] {
			return true
		}
	}
	return false
}

// attackNamed reports a sentence that names an attack or a weapon by an
// event noun ("in the attack", "the bombing", "an airstrike").
func (s *state) attackNamed() bool {
	for i := range s.words {
		if s.words[i].upos == syntax.NOUN && assault(s.eventNoun(i).code) {
			return true
		}
	}
	return false
}

// deepTarget returns the first phrase, breadth first under v down to three
// levels, that a preposition of preps marks and that names an actor; it
// enters the modifiers of what the verb acts on, not other clauses.
func (s *state) deepTarget(v int, preps map[string]bool) int {
	level := []int{v}
	for depth := 0; depth < 3 && len(level) > 0; depth++ {
		var next []int
		for _, x := range level {
			for _, k := range s.children(x) {
				kk := int(k)
				if r := s.words[kk].rel; r == syntax.AclRelcl || r == syntax.Punct || r == syntax.Conj ||
					r == syntax.Advcl || r == syntax.Xcomp || r == syntax.Ccomp || r == syntax.Csubj || r == syntax.Parataxis ||
					s.verbal(kk) && (s.childExact(kk, syntax.Nsubj) >= 0 || s.childExact(kk, syntax.NsubjPass) >= 0) {
					continue // (not another clause: "retaliated by announcing tariffs on U.S. exports")
				}
				if (s.isRel(kk, syntax.Obl) || s.isRel(kk, syntax.Nmod)) && preps[s.caseOf(kk)] && s.groupOfWord(kk) >= 0 {
					return kk
				}
				next = append(next, kk)
			}
		}
		level = next
	}
	return -1
}

// namedByAppos reports a noun an apposition names ("Indian External
// Affairs Minister Subrahmanyam Jaishankar" read with "Affairs" the head).
func (s *state) namedByAppos(n int) bool {
	for _, k := range s.children(n) {
		if s.words[k].rel == syntax.Appos && s.inMent[k] >= 0 {
			return true
		}
	}
	return false
}

// namedPlace reports a proper noun no dictionary lists and that takes no
// article, as a town's name does ("Kalembe", not "the Jaffar Express"):
// a place taken or left, of the story's country unless the clause names
// one.
func (s *state) namedPlace(w int) bool {
	k := s.words[w].key
	return s.words[w].upos == syntax.PROPN && s.groupOfWord(w) < 0 && s.childExact(w, syntax.Det) < 0 &&
		!s.wc.timeWords[k] && !s.wc.months[k] // ("on Monday", "in March": dates)
}

// protestedAct returns the event noun a protest verb at v is against
// ("protested against the killing of", "rallied over the arrest of"), or
// -1.
func (s *state) protestedAct(v int) int {
	for _, k := range s.children(v) {
		if s.isRel(int(k), syntax.Obl) && s.eventNoun(int(k)).code != "" {
			if p := s.caseOf(int(k)); p == "AGAINST" || p == "OVER" {
				return int(k)
			}
		}
	}
	return -1
}

// localCountry returns the country of the place verb v happened in ("in
// Tbilisi", "near Kharkiv"), or "---" when the sentence does not say.
func (s *state) localCountry(v int) string {
	return s.placeUnder(v, 0, false)
}

// placeUnder searches the obliques of x and the modifiers of its object
// and obliques ("killed five villagers in central Nigeria", "killed in a
// bomb attack in Mali") for a locative phrase naming a country.
func (s *state) placeUnder(x, depth int, inPlace bool) string {
	if depth > 3 {
		return "---"
	}
	for _, k := range s.children(x) {
		kr := s.words[k].rel
		if depth == 0 && (kr == syntax.Xcomp || kr == syntax.Advcl) && s.markOf(int(k)) == "TO" {
			// "used tear gas to disperse demonstrators in Paris"
			if cc := s.placeUnder(int(k), depth+1, false); cc != "---" {
				return cc
			}
			continue
		}
		if !s.isRel(int(k), syntax.Obl) && !s.isRel(int(k), syntax.Nmod) && kr != syntax.Obj && !(inPlace && kr == syntax.Flat) || kr == syntax.NmodPoss {
			continue
		}
		loc := inPlace || kr != syntax.Obj && s.wc.locativePreps[s.caseOf(int(k))]
		if loc {
			// "in the desert regions of east Syria": any place inside
			if cc := s.placeCountryAt(int(k)); cc != "" {
				return cc
			}
		}
		if cc := s.placeUnder(int(k), depth+1, loc); cc != "---" {
			return cc
		}
	}
	return "---"
}

// reporterOfPronoun resolves a third-person pronoun subject of reported
// content to the reporter: "Russia said it was ready", "the ministry said
// they would respond" (the reporter's own group), or -1.
func (s *state) reporterOfPronoun(w int) int {
	switch s.words[w].key {
	case "IT", "THEY", "HE", "SHE":
	default:
		return -1
	}
	if !s.isRel(w, syntax.Nsubj) {
		return -1
	}
	x := int(s.words[w].head)
	for n := 0; x >= 0 && n < 6; n++ {
		xw := &s.words[x]
		h := int(xw.head)
		if h < 0 {
			return -1
		}
		if xw.rel == syntax.Ccomp && s.verbal(h) {
			// "X said/indicated/warned (that) it ...": the pronoun is X
			r := s.rolesOf(h, 1)
			if r.subj < 0 || r.subj == w {
				return -1
			}
			if g := s.groupOfWord(r.subj); g >= 0 && (actorGroup(s, g) || s.pronounAgrees(w, r.subj) && len(s.groups[g].codes) > 0) {
				// (an agent only when the pronoun agrees: "police said
				// they", "the ministry said it")
				return g
			}
			return -1
		}
		if xw.rel != syntax.Xcomp && xw.rel != syntax.Conj {
			return -1
		}
		x = h
	}
	return -1
}

// placeCountryAt returns the country a place phrase headed by word k
// names ("Nigeria", "central Nigeria", "Idlib"), from the actor mention
// it heads, or "".
func (s *state) placeCountryAt(k int) string {
	m := s.inMent[k]
	if m < 0 || int(s.mentHead[m]) != k || s.ments[m].kind != mActor {
		return ""
	}
	for _, code := range s.ments[m].codes {
		if len(code) == 3 {
			if cc := s.wc.country(code); cc != "" {
				return cc
			}
		}
	}
	return ""
}

// reproachReason reports a "for" clause giving what the act blames its
// object for: "attacked the government for failing", "slammed X for
// allowing".
func (s *state) reproachReason(v int) bool {
	if !s.wc.reproachVerbs[s.words[v].lemma] {
		return false // "shot just for standing up": violence
	}
	for _, k := range s.children(v) {
		w := &s.words[k]
		if (w.rel == syntax.Advcl || w.rel == syntax.Acl || s.isRel(int(k), syntax.Obl)) && w.tag == nlp.VBG &&
			(s.markOf(int(k)) == "FOR" || s.caseOf(int(k)) == "FOR") {
			return true
		}
	}
	return false
}

// intentGoverned reports a verb that is the complement of a dictionary
// verb of commitment coding intent or a threat ("pledged to send",
// "threatened to block", "agreed to hold"; commitment-verbs.txt).
func (s *state) intentGoverned(v int) bool {
	h := int(s.words[v].head)
	if h < 0 || s.words[v].rel != syntax.Xcomp || !s.wc.commitVerbs[s.words[h].lemma] {
		return false
	}
	vi := s.verbAt(h)
	if vi < 0 {
		return false
	}
	a := s.verbs[vi].verb.EffectiveCode().Active
	return strings.HasPrefix(a, "03") || strings.HasPrefix(a, "13")
}

// possessivePronoun returns the possessive pronoun of the phrase headed
// by h ("ITS" in "its troops"), or "" when its possessor is none or no
// pronoun.
func (s *state) possessivePronoun(h int) string {
	p := s.childExact(h, syntax.NmodPoss)
	if p < 0 || s.words[p].upos != syntax.PRON {
		return ""
	}
	return s.words[p].key
}

// ownedBy reports an object the source's possessive pronoun marks as its
// own ("withdrew its troops", "sent their forces"): an instrument of the
// act, not its target.
func (s *state) ownedBy(o, src int) bool {
	if o < 0 || src < 0 {
		return false
	}
	switch s.possessivePronoun(o) {
	case "ITS", "THEIR", "HIS", "HER", "OUR", "MY":
	default:
		return false
	}
	// "met his Russian counterpart": an object naming another country
	// than the source's is not the source's own
	if g := s.roleGroup(o); g >= 0 {
		sc := map[string]bool{}
		for _, cr := range s.groups[src].codes {
			sc[s.wc.country(cr.code)] = true
		}
		for _, cr := range s.groups[g].codes {
			if cc := s.wc.country(cr.code); cc != "" && !sc[cc] {
				return false
			}
		}
	}
	return true
}

// jointAct reports an act done together: "jointly", "together" on the
// verb, or "joint" on its object ("a joint operation").
func (s *state) jointAct(v, obj int) bool {
	for _, k := range s.children(v) {
		if key := s.words[k].key; s.words[k].rel == syntax.Advmod && (key == "JOINTLY" || key == "TOGETHER") {
			return true
		}
	}
	if obj >= 0 {
		for _, k := range s.children(obj) {
			if key := s.words[k].key; s.words[k].rel == syntax.Amod && (key == "JOINT" || key == "COMBINED") {
				return true
			}
		}
	}
	return false
}

// agentOnly reports a group naming agents of no country ("military
// intelligence" → ---MIL): a word a pattern spells out ("agreed to share
// intelligence") is then the act's thing, not an actor.
func (s *state) agentOnly(g int) bool {
	for _, cr := range s.groups[g].codes {
		if !strings.HasPrefix(cr.code, "---") {
			return false
		}
	}
	return len(s.groups[g].codes) > 0
}

// pronounAgrees reports whether "it"/"they" at w can stand for the noun
// phrase headed by n: "they" a plural or collective noun, "it" a
// singular one.
func (s *state) pronounAgrees(w, n int) bool {
	t := s.words[n].tag
	switch s.words[w].key {
	case "THEY":
		return t == nlp.NNS || t == nlp.NNPS || s.wc.collective[s.words[n].key]
	case "IT":
		return t == nlp.NN || t == nlp.NNP
	}
	return false
}

// clauseDependents returns the dependents of verb v and of its
// infinitive complements ("declined to participate in the EU plan",
// "agreed to withdraw from southern Lebanon").
func (s *state) clauseDependents(v int) []int16 {
	phrases := s.children(v)
	for _, k := range s.children(v) {
		if s.words[k].rel == syntax.Xcomp {
			phrases = append(phrases[:len(phrases):len(phrases)], s.children(int(k))...)
		}
	}
	return phrases
}

// civilOperation reports an object noun modified as a search, rescue or
// relief operation (civil-operations.txt).
func (s *state) civilOperation(obj int) bool {
	for _, k := range s.children(obj) {
		if r := s.words[k].rel; (r == syntax.Compound || r == syntax.Amod) && s.wc.civilOps[s.words[k].key] {
			return true
		}
		if s.words[k].rel == syntax.Acl && s.childExact(int(k), syntax.Mark) >= 0 && s.wc.civilOps[s.words[k].lemma] {
			return true // its purpose: "an operation to recover the abducted men"
		}
	}
	return false
}

// withPartner reports whether the word h is a with-phrase of the verb v
// or of its object: who an act is done with.
func (s *state) withPartner(h, v, obj int) bool {
	if h < 0 || s.caseOf(h) != "WITH" {
		return false
	}
	p := int(s.words[h].head)
	return p == v || p == obj && obj >= 0
}
