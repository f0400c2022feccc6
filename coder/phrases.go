package coder

import (
	"sort"
	"strings"

	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/syntax"
)

// Stage "phrases": noun phrases from the tree. It reads the words, their
// tree and the actor/agent mentions, and writes the entities (phrases with
// an actor or agent; s.ents), the coordinations patterns bind (s.groups)
// and the noun-phrase word marks the pattern matcher skips over (s.npw).
//
// A phrase is a nominal head with its own modifiers: compound, flat,
// amod, det, nummod, nmod:poss ("US Special Envoy for Syria Joel
// Rayburn" is one phrase around "Rayburn"; "Russia's army" around
// "army"). An agent-only phrase takes its actor from an of/in/from/at
// modifier ("officials in Kenya", "the government of Gondor"), and an
// apposition adds what the head lacks ("Rayburn, the US envoy").
// Coordinated phrases ("Russia and the Assad regime") form one group;
// coordinated modifiers share the head ("the Russian and Syrian military"
// is RUSMIL and SYRMIL).

// coreRel reports the relations that keep a dependent inside its head's
// own phrase.
func coreRel(r syntax.Rel) bool {
	switch r {
	case syntax.Compound, syntax.Flat, syntax.FlatForeign, syntax.Amod, syntax.Det, syntax.DetPredet, syntax.Nummod,
		syntax.NmodPoss, syntax.Fixed, syntax.NmodNpmod, syntax.NmodDesc, syntax.Goeswith:
		return true
	}
	return false
}

// actorPreps link an agent-only phrase to the actor it belongs to.
func actorPrep(p string) bool { return p == "OF" || p == "IN" || p == "FROM" || p == "AT" }

// buildPhrases makes the entities and noun-phrase marks of s; groups
// follow once the document context has resolved pronouns and
// descriptions (buildTreeGroups).
func (c *Coder) buildPhrases(s *state) {
	n := len(s.words)
	s.npw = s.npw[:0]
	for i := 0; i < n; i++ {
		s.npw = append(s.npw, false)
	}
	// mention heads: the word of each mention whose head lies outside it
	s.mentHead = s.mentHead[:0]
	for k := range s.ments {
		m := &s.ments[k]
		// the word whose head lies outside the mention; when the parse
		// gives several ("G7" and "ministers" of "G7 foreign ministers"),
		// the rightmost noun, as English noun phrases end in their head
		h := -1
		noun := func(x int) bool { return s.words[x].upos == syntax.NOUN || s.words[x].upos == syntax.PROPN }
		for x := m.i; x < m.j; x++ {
			if hd := int(s.words[x].head); hd < m.i || hd >= m.j {
				if h < 0 || noun(x) || !noun(h) {
					h = x
				}
			}
		}
		if h < 0 {
			h = m.j - 1
		}
		s.mentHead = append(s.mentHead, int16(h))
	}
	s.absorbed = s.absorbed[:0]
	for i := 0; i < n; i++ {
		s.absorbed = append(s.absorbed, false)
	}
	// every phrase head, in word order
	var heads []int
	for i := 0; i < n; i++ {
		if !s.nominal(i) || s.inMent[i] >= 0 && int(s.mentHead[s.inMent[i]]) != i {
			continue
		}
		if h := s.words[i].head; h >= 0 && coreRel(s.words[i].rel) && s.nominal(int(h)) {
			continue // a modifier inside another phrase
		}
		if h := s.words[i].head; h >= 0 && s.words[i].rel == syntax.Conj && coordinatedModifier(s.words[h].rel) &&
			s.words[h].head >= 0 && s.nominal(int(s.words[h].head)) {
			continue // "British" in "U.S. and British airstrikes"
		}
		if s.inMent[i] < 0 && s.insideMention(i) {
			continue
		}
		if s.inMent[i] < 0 && (s.wc.timeWords[s.words[i].key] || s.wc.months[s.words[i].key]) {
			continue // "Monday", "March": dates, whatever the parse attached to them
		}
		heads = append(heads, i)
	}
	for _, h := range heads {
		e := entity{head: h, i: h, j: h + 1, inheritFrom: -1}
		s.collectCore(h, h, &e, 0)
		if m := s.inMent[h]; m >= 0 {
			// a dictionary phrase the parse split into siblings ("the
			// Armenian defence ministry" as two subjects): one phrase
			mt := &s.ments[m]
			for x := mt.i; x < mt.j; x++ {
				if x != h && (int(s.words[x].head) < mt.i || int(s.words[x].head) >= mt.j) {
					s.collectCore(h, x, &e, 1)
				}
			}
		}
		if m := s.inMent[h]; m < 0 || s.ments[m].actor != contextActor {
			shareSector(&e) // (not the actors "both sides" stands for: Israel and Hezbollah keep their own codes)
		}
		s.agentsInOrder(&e)
		s.markNP(&e)
		if s.inMent[h] < 0 && c.words.talkNouns[s.words[h].key] && len(e.agents) == 0 && len(e.actorCodes) == 1 && len(e.actorCodes[0]) == 3 {
			continue // "the Jeddah talks": where they are held, not who holds them
		}
		if e.actorCodes == nil && len(e.agents) > 0 && s.inMent[h] < 0 && c.words.notActorHead[s.words[h].key] {
			continue // "further military support", "military exercises", "its military withdrawal from X": no actor
		}
		if e.actorCodes == nil {
			s.actorFromModifier(h, &e)
		}
		if e.actorCodes == nil || len(e.agents) == 0 {
			s.fromApposition(h, &e)
		}
		if e.actorCodes != nil || len(e.agents) > 0 {
			s.ents = append(s.ents, e)
		}
	}
	// a phrase absorbed by an agent-only head ("the government of Gondor")
	// is not an entity of its own
	kept := s.ents[:0]
	for _, e := range s.ents {
		if !s.absorbed[e.head] {
			kept = append(kept, e)
		}
	}
	s.ents = kept
	sort.SliceStable(s.ents, func(a, b int) bool { return s.ents[a].i < s.ents[b].i })
}

// insideMention reports whether word i lies inside a mention whose head is
// another word (its phrase is that mention's).
func (s *state) insideMention(i int) bool {
	m := s.inMent[i]
	return m >= 0 && int(s.mentHead[m]) != i
}

// collectCore adds the mentions and span of the core phrase of h to e.
func (s *state) collectCore(root, x int, e *entity, depth int) {
	if depth > 8 {
		return
	}
	s.addWord(x, e)
	for _, k := range s.children(x) {
		kr := s.words[k].rel
		if s.wc.timeWords[s.words[k].key] || s.wc.months[s.words[k].key] {
			continue // "Syrian President Bashar Assad Tuesday": a date is no part of a name
		}
		switch {
		case coreRel(kr):
		case kr == syntax.Case && s.words[x].rel == syntax.NmodPoss:
			// the 's of a possessor
		case kr == syntax.Conj && x != root && coordinatedModifier(s.words[x].rel):
			// "the Russian and Syrian military", "U.S. and British
			// airstrikes": a coordinated modifier
			e.coordinated = true
		case kr == syntax.Punct && x != root && (s.words[k].key == "-" || s.words[k].key == "'S"):
		default:
			continue
		}
		s.collectCore(root, int(k), e, depth+1)
	}
}

// addWord puts word x into e: its span, and the mention it heads.
func (s *state) addWord(x int, e *entity) {
	if x < e.i {
		e.i = x
	}
	if x+1 > e.j {
		e.j = x + 1
	}
	if k := s.words[x].key; k == "FORMER" || k == "EX" || k == "EX-" {
		e.former = true
	}
	m := s.inMent[x]
	if m < 0 || int(s.mentHead[m]) != x {
		return
	}
	mt := &s.ments[m]
	if mt.i < e.i {
		e.i = mt.i
	}
	if mt.j > e.j {
		e.j = mt.j
	}
	if mt.kind == mActor {
		for _, c := range mt.codes {
			if !contains(e.actorCodes, c) {
				e.actorCodes = append(e.actorCodes, c)
			}
		}
		return
	}
	e.agents = append(e.agents, mt.agent)
}

// markNP marks the words of e's span as noun-phrase words.
func (s *state) markNP(e *entity) {
	for k := e.i; k < e.j; k++ {
		s.npw[k] = true
	}
}

// actorFromModifier gives a phrase without an actor the actor of an
// of/in/from/at modifier: "officials in Kenya" (agents), "the population
// of Gondor" (a quantity or collective head), "the government of Gondor".
func (s *state) actorFromModifier(h int, e *entity) {
	for _, k := range s.children(h) {
		if !s.isRel(int(k), syntax.Nmod) || s.words[k].rel == syntax.NmodPoss {
			continue
		}
		if m := s.inMent[k]; m >= 0 && s.inMent[h] == m {
			// "the Ministry of Foreign Affairs of Japan": an of-phrase
			// inside the agent's own name carries the actor further on
			s.actorFromModifier(int(k), e)
			if e.actorCodes != nil {
				s.absorbed[k] = true
				return
			}
			continue
		}
		p := s.caseOf(int(k))
		if !actorPrep(p) {
			continue
		}
		if (p == "IN" || p == "AT") && s.caseOf(h) == "WITH" {
			// "met with rebel leaders in Havana", "signed a deal with
			// the FACT rebel group in Doha": where a partner is met is
			// the meeting's venue, not the partner's country
			continue
		}
		var sub entity
		sub.i, sub.j = int(k), int(k)+1
		s.collectCore(int(k), int(k), &sub, 0)
		// "the ambassadors of Arnor, Osgiliath and Gondor": every conjunct
		var conj []int16
		for _, c := range s.children(int(k)) {
			if s.words[c].rel == syntax.Conj && s.nominal(int(c)) {
				var cs entity
				cs.i, cs.j = int(c), int(c)+1
				s.collectCore(int(c), int(c), &cs, 0)
				for _, code := range cs.actorCodes {
					if !contains(sub.actorCodes, code) {
						sub.actorCodes = append(sub.actorCodes, code)
					}
				}
				if cs.actorCodes != nil {
					sub.j = max(sub.j, cs.j)
					conj = append(conj, c)
				}
			}
		}
		absorb := func() {
			s.absorbed[k] = true
			for _, c := range conj {
				s.absorbed[c] = true
			}
		}
		if sub.actorCodes == nil && len(sub.agents) == 0 && p == "OF" && s.quantityHead(h) && s.quantityHead(int(k)) {
			s.actorFromModifier(int(k), &sub) // "tens of thousands of protesters"
		}
		if sub.actorCodes == nil && len(sub.agents) > 0 && p == "OF" && s.quantityHead(h) {
			s.actorFromModifier(int(k), &sub) // "dozens of protesters in Tbilisi"
		}
		if sub.actorCodes != nil && len(sub.agents) > 0 && p == "OF" && s.quantityHead(h) && e.actorCodes == nil && len(e.agents) == 0 {
			e.actorCodes, e.agents, e.former = sub.actorCodes, sub.agents, sub.former
			e.i, e.j = min(e.i, sub.i), max(e.j, sub.j)
			absorb()
			s.markNP(e)
			return
		}
		if sub.actorCodes == nil {
			if p == "OF" && len(sub.agents) > 0 && e.actorCodes == nil && len(e.agents) == 0 && s.quantityHead(h) {
				// "hundreds of protesters", "dozens of soldiers": the
				// quantity is the protesters
				e.agents, e.former = sub.agents, sub.former
				e.i, e.j = min(e.i, sub.i), max(e.j, sub.j)
				absorb()
				s.markNP(e)
				return
			}
			continue
		}
		member := len(e.agents) == 0 && (p == "OF" || p == "FROM") && s.wc.memberNouns[s.words[h].lemma] // "observers from the OSCE"
		if len(e.agents) == 0 && p != "OF" && !s.wc.quantity[s.words[h].key] && !member {
			continue
		}
		if len(e.agents) == 0 && p == "OF" && !s.wc.quantity[s.words[h].key] && !s.wc.collective[s.words[h].key] && s.words[h].upos != syntax.NUM && !member {
			// "the history of Kenya" names no actor; "the population of
			// Gondor", "hundreds of Kenyans" do
			if !s.wc.people[s.words[h].lemma] {
				continue
			}
		}
		e.actorCodes = sub.actorCodes
		e.agents = append(e.agents, sub.agents...)
		e.former = e.former || sub.former
		if sub.j > e.j {
			e.j = sub.j
		}
		if sub.i < e.i {
			e.i = sub.i
		}
		absorb()
		s.markNP(e)
		return
	}
}

// quantityHead reports a phrase head that counts ("hundreds", "dozens",
// "three", "a group").
func (s *state) quantityHead(h int) bool {
	return s.wc.quantity[s.words[h].key] || s.words[h].upos == syntax.NUM
}

// fromApposition completes a phrase from its apposition: "Joel Rayburn,
// the US special envoy" (actor and agent), "Lamu County Commissioner
// Irungu Macharia" is one phrase already.
func (s *state) fromApposition(h int, e *entity) {
	a := s.child(h, syntax.Appos)
	if a < 0 {
		return
	}
	var sub entity
	sub.i, sub.j = a, a+1
	s.collectCore(a, a, &sub, 0)
	if sub.actorCodes == nil && len(sub.agents) == 0 {
		return
	}
	if e.actorCodes == nil {
		e.actorCodes = sub.actorCodes
	}
	if len(e.agents) == 0 {
		e.agents = sub.agents
	}
	e.former = e.former || sub.former
	e.i, e.j = min(e.i, sub.i), max(e.j, sub.j)
	s.absorbed[a] = true
}

// buildTreeGroups joins coordinated entities into groups: the conj
// dependents of an entity's head that are entities themselves.
func (s *state) buildTreeGroups() {
	byHead := make(map[int]int, len(s.ents))
	for k := range s.ents {
		byHead[s.ents[k].head] = k
	}
	inGroup := make([]bool, len(s.ents))
	for k := range s.ents {
		if inGroup[k] {
			continue
		}
		members := []int{k}
		inGroup[k] = true
		// conjuncts, and conjuncts of conjuncts ("Burkina Faso, Mali and
		// Niger" parsed as a chain)
		for q := 0; q < len(members) && q < 16; q++ {
			for _, x := range s.children(s.ents[members[q]].head) {
				if s.words[x].rel != syntax.Conj && !s.misreadConj(int(x)) {
					continue
				}
				if m, ok := byHead[int(x)]; ok && !inGroup[m] {
					members = append(members, m)
					inGroup[m] = true
				}
			}
		}
		// an agent-only member takes the actor of an actor+agent member,
		// the one before it ("Syrian troops and police") else after it
		// ("lawmakers and officials in Fornost")
		for x := range members {
			me := &s.ents[members[x]]
			if me.actorCodes != nil || len(me.agents) == 0 {
				continue
			}
			for _, y := range []int{x - 1, x + 1} {
				if y < 0 || y >= len(members) {
					continue
				}
				// (or of a common noun its nationality modifies: "Israeli
				// tanks and troops")
				if o := &s.ents[members[y]]; o.actorCodes != nil && (len(o.agents) > 0 || s.words[o.head].upos == syntax.NOUN && s.inMent[o.head] < 0) {
					me.inheritFrom = members[y]
					break
				}
			}
		}
		g := group{i: s.ents[k].i, j: s.ents[k].j, head: s.ents[k].head}
		for _, m := range members {
			e := &s.ents[m]
			g.ents = append(g.ents, m)
			g.i, g.j = min(g.i, e.i), max(g.j, e.j)
			g.codes = s.entityCodes(e, nil, false, nil, g.codes, e.i, e.j)
		}
		s.groups = append(s.groups, g)
	}
	sort.SliceStable(s.groups, func(a, b int) bool { return s.groups[a].i < s.groups[b].i })
}

// groupOfWord returns the group whose entity is headed by word h, or -1.
func (s *state) groupOfWord(h int) int {
	if h < 0 {
		return -1
	}
	for g := range s.groups {
		for _, e := range s.groups[g].ents {
			if s.ents[e].head == h {
				return g
			}
		}
	}
	// a word inside a phrase: the group whose span holds it and whose head
	// dominates it
	for g := range s.groups {
		gr := &s.groups[g]
		if gr.i <= h && h < gr.j && (gr.head == h || s.ancestorOf(gr.head, h)) {
			return g
		}
	}
	// a word of the phrase the parse made the head of the phrase's head
	// ("US Secretary of State's Special Envoy" headed by "Secretary")
	for g := range s.groups {
		gr := &s.groups[g]
		if gr.i <= h && h < gr.j && gr.head >= 0 && s.ancestorOf(h, gr.head) {
			return g
		}
	}
	return -1
}

// resolveSentAgents gives the agents a side sends or deploys its country:
// "Kenya sent 400 police officers to Haiti" are Kenya's police
// (deploy-verbs.txt). It reports whether it changed an entity.
func (s *state) resolveSentAgents() bool {
	changed := false
	for e := range s.ents {
		ent := &s.ents[e]
		if ent.actorCodes != nil || len(ent.agents) == 0 || ent.inheritFrom >= 0 || s.words[ent.head].rel != syntax.Obj {
			continue
		}
		v := int(s.words[ent.head].head)
		if v < 0 || !(s.wc.deployVerbs[s.words[v].lemma] || s.wc.deployVerbs[s.words[v].key]) {
			continue
		}
		g := s.possessor(ent.head)
		if g < 0 {
			continue
		}
		var codes []string
		for _, cr := range s.groups[g].codes {
			if cc := s.wc.country(cr.code); cc != "" && !contains(codes, cc) {
				codes = append(codes, cc)
			}
		}
		if codes != nil {
			ent.actorCodes, changed = codes, true
		}
	}
	return changed
}

// resolveAffiliations gives an agent phrase that says whose it is the
// codes of that actor: "gunmen linked to al-Shabab", "the attackers,
// believed to belong to JNIM", "fighters loyal to Haftar" (words of
// affiliation-words.txt with a to- or with-phrase). It reports whether it
// changed an entity.
func (s *state) resolveAffiliations() bool {
	changed := false
	for e := range s.ents {
		ent := &s.ents[e]
		if ent.actorCodes != nil || len(ent.agents) == 0 || ent.inheritFrom >= 0 {
			continue
		}
		if codes := s.affiliatedWith(ent.head); codes != nil {
			ent.actorCodes, changed = codes, true
		}
	}
	return changed
}

// affiliatedWith returns the codes of the actor a noun's modifier ties it
// to, or nil.
func (s *state) affiliatedWith(n int) []string {
	for _, k := range s.children(n) {
		c := int(k)
		if r := s.words[c].rel; r != syntax.Acl && r != syntax.Amod {
			continue
		}
		// "believed to belong to", "said to be linked to"
		for hops := 0; hops < 3 && !s.affiliationWord(c); hops++ {
			x := s.childExact(c, syntax.Xcomp)
			if x < 0 {
				break
			}
			c = x
		}
		if !s.affiliationWord(c) {
			continue
		}
		for _, o := range s.children(c) {
			if !s.isRel(int(o), syntax.Obl) && !s.isRel(int(o), syntax.Nmod) {
				continue
			}
			if p := s.caseOf(int(o)); p != "TO" && p != "WITH" {
				continue
			}
			g := s.groupOfWord(int(o))
			if g < 0 {
				continue
			}
			var codes []string
			for _, cr := range s.groups[g].codes {
				if !strings.HasPrefix(cr.code, "---") && !contains(codes, cr.code) {
					codes = append(codes, cr.code)
				}
			}
			return codes
		}
	}
	return nil
}

func (s *state) affiliationWord(i int) bool {
	return s.wc.affiliation[s.words[i].lemma] || s.wc.affiliation[s.words[i].key]
}

// resolvePossessives gives an agent phrase with a possessive pronoun
// ("its forces", "their troops") the country of whom the pronoun stands
// for: the subject of the verb the phrase is an object of ("Russia moved
// its troops"), or, for the subject of a reported clause, the reporter
// ("the ministry said its forces shot down ..."). It reports whether it
// changed an entity.
func (s *state) resolvePossessives() bool {
	changed := false
	for e := range s.ents {
		ent := &s.ents[e]
		if ent.actorCodes != nil || len(ent.agents) == 0 || ent.inheritFrom >= 0 {
			continue
		}
		switch s.possessivePronoun(ent.head) {
		case "ITS", "THEIR", "HIS", "HER":
		default:
			continue
		}
		ref := s.possessor(ent.head)
		if ref < 0 {
			continue
		}
		var codes []string
		for _, cr := range s.groups[ref].codes {
			if cc := s.wc.country(cr.code); cc != "" && !contains(codes, cc) {
				codes = append(codes, cc)
			}
		}
		if codes != nil {
			ent.actorCodes, changed = codes, true
		}
	}
	return changed
}

// possessor returns the group a possessive pronoun in the phrase headed
// by h refers to, or -1.
func (s *state) possessor(h int) int {
	x, rel := int(s.words[h].head), s.words[h].rel
	for n := 0; x >= 0 && n < 4 && !s.verbal(x); n++ {
		rel, x = s.words[x].rel, int(s.words[x].head)
	}
	if x < 0 {
		return -1
	}
	if rel == syntax.Nsubj || rel == syntax.NsubjPass {
		// "the ministry said its forces ...": the reporter
		if s.words[x].rel == syntax.Ccomp && s.words[x].head >= 0 {
			if r := s.rolesOf(int(s.words[x].head), 1); r.subj >= 0 {
				return s.groupOfWord(r.subj)
			}
		}
		return -1
	}
	if r := s.rolesOf(x, 1); r.subj >= 0 && r.subj != h && !r.passive {
		return s.groupOfWord(r.subj)
	}
	return -1
}

// shareSector gives coordinated country modifiers the sector of the
// actor they modify with: "the Russian and Syrian military" is RUSMIL and
// SYRMIL, not RUS and SYRMIL.
func shareSector(e *entity) {
	long := ""
	for _, c := range e.actorCodes {
		if len(c) > 3 {
			if long != "" {
				return
			}
			long = c
		}
	}
	if long == "" || len(e.actorCodes) < 2 {
		return
	}
	for _, a := range e.agents {
		if suf, _ := a.Suffix(); suf != long[3:] {
			return // the noun gives the sides their own role: "Israeli and Hezbollah forces"
		}
	}
	switch long[:3] {
	case "IGO", "NGO", "IMG", "MNC":
		return // "U.S. and NATO troops": an organisation's code has no sector to share
	}
	if len(long) != 6 {
		return // "Israel-Hamas": a named group's code (PSEREBHMS) is no shared role
	}
	for k, c := range e.actorCodes {
		if len(c) == 3 && c != long[:3] {
			e.actorCodes[k] = c + long[3:]
		}
	}
}

// coordinatedModifier reports the modifier relations whose conjuncts
// modify the same head ("U.S. and British airstrikes").
func coordinatedModifier(r syntax.Rel) bool {
	return r == syntax.Amod || r == syntax.Compound || r == syntax.NmodPoss
}

// misreadConj reports a dependent the parse hung as a bare modifier that
// is a conjunct: no preposition, and its phrase opens with "and" or "or"
// ("the United States and South Korea" read as States → nmod Korea).
func (s *state) misreadConj(x int) bool {
	if r := s.words[x].rel; r != syntax.Nmod && r != syntax.Appos || s.caseOf(x) != "" {
		return false
	}
	lo, _ := s.subtreeSpan(x)
	if lo >= len(s.words) {
		return false
	}
	k := s.words[lo].key
	return (k == "AND" || k == "OR") && s.words[lo].rel == syntax.Cc
}

// agentsInOrder sorts an entity's agents by where they stand, so codes
// combine in word order ("children's hospital": CVL then HLH) whatever
// the tree's order.
func (s *state) agentsInOrder(e *entity) {
	if len(e.agents) < 2 {
		return
	}
	pos := func(a *petrarch.Agent) int {
		for k := e.i; k < e.j; k++ {
			if m := s.inMent[k]; m >= 0 && s.ments[m].agent == a {
				return s.ments[m].i
			}
		}
		return e.j
	}
	sort.SliceStable(e.agents, func(x, y int) bool { return pos(e.agents[x]) < pos(e.agents[y]) })
}

// phraseSpan returns the words of e's whole noun phrase, its modifiers
// included ("US Secretary of State's Special Envoy for Syria Joel
// Rayburn"), without clauses or coordinated members: what a later
// reference names. Without a tree it is the entity's own span.
func (s *state) phraseSpan(e *entity) (int, int) {
	if !s.hasTree || e.head < 0 || e.head >= len(s.words) {
		return e.i, e.j
	}
	lo, hi := e.i, e.j
	var walk func(x, depth int)
	walk = func(x, depth int) {
		if depth > 12 {
			return
		}
		lo, hi = min(lo, x), max(hi, x+1)
		for _, k := range s.children(x) {
			switch r := s.words[k].rel; {
			case clausal(r), r == syntax.Conj, r == syntax.Cc, r == syntax.Punct:
				continue
			}
			walk(int(k), depth+1)
		}
	}
	walk(e.head, 0)
	return lo, hi
}
