package coder

import (
	"slices"
	"strings"
	"unicode"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/syntax"
)

// Part of stage "tree": repairs. The parser is trained on web text; news
// has constructions it misreads as a class (a past tense after a noun
// phrase read as a modifier, a reporting tail swallowing the sentence, a
// possessor hung from the verb). Each repair reads and rewrites the words'
// heads, relations and tags, and the children index is rebuilt after any
// change so the next repair sees the mended tree.

// repairs are the repairs in the order they run; each reports whether it
// changed the tree. A table of method expressions, so running them costs
// no allocation per sentence.
var repairs = [...]struct {
	name string
	fn   func(*state, *nlp.Pipeline) bool
}{
	{"a capitalised acronym read as a verb is a name", onState((*state).repairCapsName)},
	{"a bracketed acronym after a name read as the verb (\"The Economic Freedom Fighters (EFF) accused Ramaphosa\")", onState((*state).repairBracketAcronym)},
	{"a name hung as the subject of the noun it modifies (\"The United Nations human rights office urged\")", onState((*state).repairNounSubject)},
	{"a noun phrase's first words read as an unmarked oblique (\"Greek coast guard vessels pushed back a boat\")", onState((*state).repairSplitPhrase)},
	{"an object read as an oblique with no preposition (\"bihar police arrested farmer leader ramesh kumar yadav near patna\")", onState((*state).repairCaselessOblique)},
	{"a title's adjective read as the verb's complement and the name as a later clause's second subject (\"voted to impeach interim President Jose Jeri over what lawmakers called\")", onState((*state).repairTitleAdjective)},
	{"a noun with a preposition read as a verb", onState((*state).repairNounVerb)},
	{"an object read as a vocative (\"NATO thanks Poland for its response\")", onState((*state).repairVocativeObject)},
	{"a hyphenated affiliation read as a verb with an object (\"Saudi-led coalition warplanes bombed\")", onState((*state).repairAffiliationVerb)},
	{"an opening participle of doubt read as the verb (\"Suspected rebels attacked\")", onState((*state).repairEpistemicOpener)},
	{"an object and a prepositional phrase read as a small clause", onState((*state).repairSmallClausePP)},
	{"a name continued as a list", onState((*state).repairNameList)},
	{"a hyphenated participle read as a verb (\"opened fire on stone-throwing youths\")", onState((*state).repairHyphenParticiple)},
	{"a title read apart from the subject's name (\"Opposition candidate Venancio Mondlane rejected\")", onState((*state).repairTitleApart)},
	{"a participle's by-phrase read as the verb's subject (\"A roadside bomb planted by Taliban fighters exploded\")", onState((*state).repairAgentSubject)},
	{"a series of names read as separate phrases (\"accused Iran, Iraq and North Korea\")", onState((*state).repairNameSeries)},
	{"an intention verb read as a plural noun", onState((*state).repairIntentNoun)},
	{"an adjective read as the root before its subject", onState((*state).repairAdjectiveRoot)},
	{"an active verb with an object read as passive", onState((*state).repairActiveObject)},
	{"a nationality and a name before their shared noun read apart (\"Israeli and Hezbollah forces\")", onState((*state).repairDemonymNamePair)},
	{"a phrase with its own article read as a conjunct inside an of-phrase (\"the government of Colombia and the Comuneros del Sur signed\")", onState((*state).repairOfConj)},
	{"coordinated subjects read as two subjects", onState((*state).repairDoubleSubject)},
	{"a title and the name after it read as two subjects (\"chief minister devendra fadnavis appealed\")", onState((*state).repairTitleSubject)},
	{"a preposition read as a clause with its noun the object (\"appealed to people to maintain peace\")", onState((*state).repairPrepositionClause)},
	{"a predicate read as a with-clause (\"Rebels armed with machetes attacked\")", onState((*state).repairWithPredicate)},
	{"a verb after a modal read as an adjective (\"would free over 150 prisoners\")", onState((*state).repairModalAdjective)},
	{"a between-phrase's second party read as a clause's subject", onState((*state).repairBetweenPair)},
	{"a by-phrase after an event noun is the noun's agent", onState((*state).repairEventAgent)},
	{"a past tense read as a modifier is the predicate", onState((*state).repairFiniteVerb)},
	{"a past tense between two noun phrases is the predicate", onState((*state).repairModifierPredicate)},
	{"a predicate read as a modifier of its subject when a subordinate clause's subject follows (\"Police used tear gas ... after demonstrators tried to storm\")", onState((*state).repairSubordinatedSubject)},
	{"an according-to phrase read inside a party's phrase, once the predicate is mended (\"responded with air strikes ..., according to rights groups\")", onState((*state).repairAccordingTo)},
	{"a participle between a determiner and its noun read as a verb (\"supporters of the banned Awami League attacked\")", onState((*state).repairDetParticiple)},
	{"a participle opening a verb's object read as a verb of its own (\"sentenced jailed Istanbul mayor Ekrem Imamoglu\")", onState((*state).repairObjectParticiple)},
	{"a verb's object hung inside the oblique after it (\"detained over 50 students in Dhaka\")", onState((*state).repairObjectInOblique)},
	{"a coordinated verb hung on the object (\"burned tyres and blocked roads\")", onState((*state).repairObjectConjVerb)},
	{"an accusation's of-clause hung on the accused (\"accused Russia of launching\")", onState((*state).repairAccusedOf)},
	{"an object's affiliation read as the verb's complement (\"attack any ship linked to Israel\")", onState((*state).repairObjectAffiliation)},
	{"a finite verb coordinated with a gerund complement (\"denied targeting civilians and accused the army\")", onState((*state).repairGerundConj)},
	{"a present tense read as a plural noun (\"Iran calls on the Security Council\")", onState((*state).repairPluralVerb)},
	{"a past tense read as a compound noun (\"a mob set fire to a police station\")", (*state).repairCompoundVerb},
	{"a past tense read as the head of its subject's phrase (\"A US soldier shot 16 Afghan civilians\")", (*state).repairSubjectHeadVerb},
	{"a past tense read as the noun heading a participle's subject (\"A mob beat to death a man accused of blasphemy\")", (*state).repairNounSubjectVerb},
	{"a headline's present tense read as a noun (\"Police arrest opposition leader in Dhaka\")", (*state).repairHeadlineVerb},
	{"a clause after \"after\" or \"before\" read as a phrase (\"severed ties after protesters stormed its embassy\")", (*state).repairAfterClause},
	{"a subordinated -ing clause hung on a noun (\"regained control of the village after fighting with Russian forces\")", onState((*state).repairMarkedGerund)},
	{"a predicate after a whose-clause read inside it (\"Brazil and Colombia, whose governments have sought to mediate, urged dialogue\")", onState((*state).repairWhoseRelative)},
	{"a predicate read as the complement of the subject's reduced relative (\"Militiamen backed by Sudan's government attacked villages\")", onState((*state).repairRelativePredicate)},
	{"a second clause's subject read as an oblique with its verb a participle (\"..., and the Council of Europe called for his release\")", (*state).repairObliqueClause},
	{"a compound noun's -ing head read as a participle (\"closed its main border crossing with Mozambique\")", (*state).repairIngNoun},
	{"a that-clause's bare verb read as a noun (\"demanded that Hamas release all hostages\")", (*state).repairSubjunctive},
	{"a that-clause read as one noun phrase (\"demanded that Islamabad hand over suspects\")", (*state).repairSubjunctiveNoun},
	{"a progressive read as an adjective (\"is imposing sanctions\")", onState((*state).repairProgressiveAdjective)},
	{"a subject hung on its demonym (\"Angolan President Joao Lourenco, who ..., urged\")", onState((*state).repairDemonymSubject)},
	{"a conjunct with no conjunction is the name's head (\"Pakistan Prime Minister Shehbaz Sharif\")", onState((*state).repairBareConj)},
	{"a demonym hung beside the noun phrase it opens (\"Serbian Prime Minister Milos Vucevic resigned\")", (*state).repairDemonymOpener},
	{"an object's passive modifier read as a clause (\"condemns the airstrike carried out by the Israeli regime\")", onState((*state).repairObjectPassive)},
	{"a name's last word read as the verb (\"Human Rights Watch accused\")", onState((*state).repairNameVerb)},
	{"a predicate after a subject's relative clause read inside it (\"Hezbollah, which has traded fire with Israel, fired rockets\")", onState((*state).repairAfterRelative)},
	{"a participle after an auxiliary is the verb", onState((*state).repairAuxNoun)},
	{"a preposition hung on a word inside its phrase", onState((*state).repairStrayCase)},
	{"a predicate read as a modifier of a participle's agent (\"A car bomb planted by al-Shabaab militants exploded\")", onState((*state).repairAgentPredicate)},
	{"an object read as the subject of the oblique after it", onState((*state).repairObliqueSubject)},
	{"a subject with a preposition is an oblique", onState((*state).repairCaseSubject)},
	{"a passive's by-phrase hung inside its object", onState((*state).repairStrayAgent)},
	{"a particle read as a preposition", onState((*state).repairParticle)},
	{"a predicate noun with its copula is a clause", onState((*state).repairCopularObject)},
	{"an affiliation modifier read as a clause", onState((*state).repairAffiliation)},
	{"an intention noun's infinitive hung on the verb (\"turned down Israel's offer to release prisoners\")", onState((*state).repairIntentionInfinitive)},
	{"an instrument's use read as its modifier (\"used a drone to drop chemical weapons\")", onState((*state).repairInstrumentPurpose)},
	{"an infinitive complement read as a purpose", onState((*state).repairInfinitiveComplement)},
	{"a predicate read as a conjunct of its subject", onState((*state).repairConjPredicate)},
	{"a headline's comma-joined subjects (\"Russia, Ukraine swap prisoners\")", onState((*state).repairHeadlinePair)},
	{"a reporting tail's day read as its speaker (\", officials said Monday, as ...\")", onState((*state).repairTimeSpeaker)},
	{"an object taken as a reporting tail's first speaker", onState((*state).repairTailObject)},
	{"a speaker's second act hung inside what was said", onState((*state).repairSpeakerConj)},
	{"a main clause's participles hung on its reporting tail (\"overran the town, freeing inmates, officials said\")", onState((*state).repairTailAdjuncts)},
	{"a reporting tail's speaker read as a conjunct (\"fired missiles on Thursday, South Korea's Joint Chiefs of Staff said\")", onState((*state).repairTailSpeakerConj)},
	{"a subject with its name set off by commas (\"The U.S. ambassador, Ronald Johnson, praised ...\")", (*state).repairAppositiveSubject},
	{"a reporting tail read as a reduced relative (\"freed 9,000 prisoners, state media reported\")", onState((*state).repairTailRelative)},
	{"a verb's object swallowed by the reporting tail (\"killed at least 45 villagers, a UN official said\")", onState((*state).repairSwallowedObject)},
	{"a reporting tail", onState((*state).repairReportTail)},
	{"a reported clause's participle hung from the speech verb", onState((*state).repairTailParticiple)},
	{"a clause after a speech verb", onState((*state).repairSaidClause)},
	{"a subjectless verb joined to a speech verb", onState((*state).repairSaidConj)},
	{"a reduced relative read as a clausal subject", onState((*state).repairReducedSubject)},
	{"a possessor hung from a verb", onState((*state).repairPossessor)},
	{"a nominal participle (\"the accused\")", onState((*state).repairNominalParticiple)},
	{"a gerund clause folded into a noun", onState((*state).repairGerundClause)},
	{"an -ing participle read as a second object", (*state).repairSecondObject},
	{"conjuncts of an act's object hung from the act", onState((*state).repairActConj)},
	{"a gerund subject read as an adjunct", onState((*state).repairGerundSubject)},
	{"a participle modifier read as a gerund clause", onState((*state).repairParticipleModifier)},
	{"a predicate after a parenthetical read as a relative clause", onState((*state).repairLostPredicate)},
	{"a second clause whose subject was read as a conjunct of the first", (*state).repairClauseConj},
}

// onState adapts a repair that needs only the sentence.
func onState(f func(*state) bool) func(*state, *nlp.Pipeline) bool {
	return func(s *state, _ *nlp.Pipeline) bool { return f(s) }
}

// repair runs the repairs in order; Explain lists those that changed the
// tree.
func (c *Coder) repair(s *state) {
	s.repairAgents()
	for _, r := range repairs {
		if r.fn(s, c.p) {
			s.indexTree()
			if s.trace != nil {
				s.trace.repairs = append(s.trace.repairs, r.name)
			}
		}
	}
}

// repairAgents demotes an agent phrase without "by" to a plain oblique:
// "used chemical weapons against civilians" has no agent.
func (s *state) repairAgents() {
	for i := range s.words {
		if s.words[i].rel == syntax.OblAgent && s.caseOf(i) != "BY" {
			s.setArc(i, int(s.words[i].head), syntax.Obl)
		}
	}
	// and promotes a passive's by-phrase read as a plain oblique: "have
	// been accused by rights groups of executing", "were shot at by armed
	// men"
	for i := range s.words {
		v := int(s.words[i].head)
		if s.words[i].rel != syntax.Obl || v < 0 || s.childExact(v, syntax.OblAgent) >= 0 || s.childExact(v, syntax.AuxPass) < 0 {
			continue
		}
		if !s.nominal(i) || s.childExact(i, syntax.Nummod) >= 0 {
			continue // ("raised by 10 percent": a measure)
		}
		for _, k := range s.children(i) {
			if s.words[k].rel == syntax.Case && s.words[k].key == "BY" {
				s.setArc(i, v, syntax.OblAgent)
				break
			}
		}
	}
}

// repairReducedSubject mends a reduced relative read as the subject
// clause of the main verb: in "The civilians imprisoned for X were
// released by Y" the parse may make "imprisoned" the clausal subject of
// "released" with "civilians" its own subject. A participle without
// auxiliary before its head is the noun's modifier, and the noun the main
// verb's subject. It reports whether it changed the tree.
func (s *state) repairReducedSubject() bool {
	changed := false
	for x := range s.words {
		w := &s.words[x]
		if w.tag != nlp.VBN || w.rel != syntax.Nsubj && w.rel != syntax.NsubjPass || int(w.head) <= x || s.child(x, syntax.Aux) >= 0 {
			continue
		}
		n := s.childExact(x, syntax.Nsubj)
		if n < 0 || n > x || !s.nominal(n) {
			continue
		}
		s.setArc(n, int(w.head), w.rel)
		s.setArc(x, n, syntax.Acl)
		changed = true
	}
	return changed
}

// repairFiniteVerb mends the commonest misreading of news sentences: a
// sentence whose root is a bare noun phrase carrying a past participle or
// adjective that is also a past tense ("Russian drones struck Ukraine",
// "Bandits kidnapped worshippers in Kaduna", "Rioters set fire to shops"),
// read as "drones" with "struck" modifying them or their object. A full
// sentence has a finite verb, so the past form right after the subject
// phrase is the predicate, the root phrase its subject and the noun it
// modified its object. It reports whether it changed the tree.
func (s *state) repairFiniteVerb() bool {
	root := s.root()
	if root < 0 {
		return false
	}
	// each clause a semicolon joins (parseSegments) is a sentence of its
	// own: collect their roots before the first repair moves them
	tops := append([]int{root}, s.pieces...)
	done := false
	for _, t := range tops {
		if s.repairFiniteAt(t) {
			done = true
			s.indexTree() // (the next clause's repair reads children)
		}
	}
	return done
}

// repairFiniteAt is repairFiniteVerb for the clause whose root is top.
func (s *state) repairFiniteAt(root int) bool {
	if !s.nominal(root) {
		return false
	}
	for _, k := range s.children(root) {
		switch s.words[k].rel {
		case syntax.Cop, syntax.Nsubj, syntax.NsubjPass, syntax.Aux, syntax.AuxPass:
			return false // a nominal predicate: "X is a member"
		}
		if slices.Contains(s.pieces, int(k)) {
			continue // (the clause after a semicolon)
		}
		if s.words[k].rel == syntax.Parataxis && s.childExact(int(k), syntax.Nsubj) < 0 {
			continue // (a subjectless verb beside the noun: the candidate itself)
		}
		if s.words[k].rel == syntax.Conj && int(k) > root && s.childExact(int(k), syntax.Nsubj) >= 0 && s.childExact(int(k), syntax.Cc) >= 0 {
			continue // (a second clause with its own subject: "..., and a rights group said")
		}
		if s.words[k].tag == nlp.MD || finite(s.words[k].tag) && s.verbal(int(k)) {
			return false
		}
	}
	up, upRel := int(s.words[root].head), s.words[root].rel
	for i := root + 1; i < len(s.words); i++ {
		w := &s.words[i]
		if w.rel != syntax.Acl && w.rel != syntax.Amod && !((w.rel == syntax.Appos || w.rel == syntax.Parataxis && s.childExact(i, syntax.Nsubj) < 0) && int(w.head) == root && w.upos == syntax.VERB) || w.tag != nlp.VBN && w.tag != nlp.VBD && w.tag != nlp.JJ {
			continue
		}
		// the word modifies the subject phrase ("protesters rallied") or
		// the noun after it, the root's object ("kidnapped worshippers")
		h := int(w.head)
		hh := int(s.words[h].head)
		// (the object may hang on a word of the subject's name: "ADF
		// rebels" read as a flat name carrying "villagers")
		inSubject := hh == root || hh > root && hh < i && int(s.words[hh].head) == root && (s.words[hh].rel == syntax.Flat || s.words[hh].rel == syntax.Compound)
		obj := h > i && inSubject && (s.words[h].rel == syntax.Obj || s.isRel(h, syntax.Nmod))
		if !obj && h != root && !(h < i && s.ancestorOf(root, h) && s.nominal(h)) {
			continue
		}
		if s.child(i, syntax.Aux) >= 0 || s.childExact(i, syntax.OblAgent) >= 0 {
			continue
		}
		if !pastTense(w) {
			continue // "taken", "seen", "armed": a participle or adjective only
		}
		// right after the subject phrase: every word between is the
		// root's own modifier
		ok := true
		for k := root + 1; k < i; k++ {
			if int(s.words[k].head) == i && s.words[k].rel == syntax.Advmod {
				continue // the verb's own adverb: "Police also used water cannons"
			}
			if obj && s.ancestorOf(h, k) || !s.ancestorOf(root, k) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if !obj && h == root {
			// "Troops deployed to the border clashed with rebels": of two
			// past forms on the subject, the first with its phrase is a
			// reduced relative, the second the predicate
			_, end := s.subtreeSpan(i)
			for j := end; j < len(s.words); j++ {
				wj := &s.words[j]
				if int(wj.head) == root && wj.rel == syntax.Acl && (wj.tag == nlp.VBN || wj.tag == nlp.VBD) &&
					s.child(j, syntax.Aux) < 0 && s.childExact(j, syntax.OblAgent) < 0 && pastTense(wj) {
					i, w = j, wj
					break
				}
			}
		}
		s.pastPredicate(i, up, upRel, root)
		for _, k := range s.children(root) {
			if slices.Contains(s.pieces, int(k)) {
				s.setArc(int(k), i, s.words[k].rel) // the clauses after a semicolon
			}
			if s.words[k].rel == syntax.Conj && int(k) > i && s.verbal(int(k)) && s.childExact(int(k), syntax.Nsubj) >= 0 {
				s.setArc(int(k), i, syntax.Conj) // ("..., and a rights group said": the clauses are joined)
			}
		}
		if k := slices.Index(s.pieces, root); k >= 0 {
			s.pieces[k] = i // the clause's root is now its verb
		}
		if obj {
			s.setArc(h, i, syntax.Obj)
			s.adoptModifiers(root, i, i, len(s.words), h)
		}
		return true
	}
	return false
}

// repairSubordinatedSubject mends "Riot police used tear gas to disperse
// the crowd after some demonstrators tried to storm the building" or
// "Troops shelled rebel positions after militants ambushed a patrol" read
// with the first past form a modifier ("used" of "police", "shelled" of
// "positions") and the second verb the predicate, the phrase opening with
// "after" its second subject or an oblique. A phrase opening with a
// subordinator right before a verb is the subject of a subordinate clause,
// so that verb is an adjunct, and the past form inside the first subject's
// phrase is the main predicate, the noun it modified its object.
func (s *state) repairSubordinatedSubject() bool {
	for v := range s.words {
		if !s.verbal(v) {
			continue
		}
		s1 := s.childExact(v, syntax.Nsubj)
		if s1 < 0 || s1 > v {
			continue
		}
		s2, c := -1, -1
		for _, k := range s.children(v) {
			if r := s.words[k].rel; int(k) <= s1 || int(k) > v || r != syntax.Nsubj && r != syntax.Obl {
				continue
			}
			lo, hi := s.subtreeSpan(int(k))
			if hi == v && int(s.words[lo].head) == int(k) && (s.words[lo].rel == syntax.Case || s.words[lo].rel == syntax.Mark) && s.wc.subordinators[s.words[lo].key] {
				s2, c = int(k), lo
			}
		}
		if s2 < 0 || !s.nominal(s2) {
			continue
		}
		p, obj := -1, -1
		for k := s1 + 1; k < c; k++ {
			w := &s.words[k]
			if !s.ancestorOf(s1, k) || w.tag != nlp.VBN && w.tag != nlp.VBD || !pastTense(w) || s.child(k, syntax.Aux) >= 0 || s.childExact(k, syntax.OblAgent) >= 0 {
				continue
			}
			if h := int(w.head); w.rel == syntax.Amod && h > k && h < c && s.nominal(h) {
				p, obj = k, h
				break
			}
			if w.rel == syntax.Acl && int(w.head) == s1 && s.childExact(k, syntax.Obj) >= 0 {
				p = k
				break
			}
		}
		if p < 0 {
			continue
		}
		s.pastPredicate(p, int(s.words[v].head), s.words[v].rel, s1)
		if obj >= 0 {
			s.setArc(obj, p, syntax.Obj)
		}
		s.adoptModifiers(s1, p, p, c, obj) // (the subject's modifiers after the predicate)
		s.setArc(v, p, syntax.Advcl)
		s.setArc(c, v, syntax.Mark)
		s.setArc(s2, v, syntax.Nsubj)
		if k := slices.Index(s.pieces, v); k >= 0 {
			s.pieces[k] = p
		}
		// what follows the clause's comma (a reporting tail, the full
		// stop) is the main clause's
		for _, k := range s.children(v) {
			if int(k) > v && (s.words[k].rel == syntax.Parataxis || s.words[k].rel == syntax.Punct) {
				s.setArc(int(k), p, s.words[k].rel)
			}
		}
		return true
	}
	return false
}

// adoptModifiers hangs the dependents of noun from between after and
// before (exclusive), but except, on the predicate p the repair made of a
// word in its phrase: its prepositional modifiers become p's obliques.
func (s *state) adoptModifiers(from, p, after, before, except int) {
	for _, k := range s.children(from) {
		if kk := int(k); kk > after && kk < before && kk != except {
			rel := s.words[kk].rel
			if s.isRel(kk, syntax.Nmod) {
				rel = syntax.Obl
			}
			s.setArc(kk, p, rel)
		}
	}
}

// repairModifierPredicate mends a past tense read as an adjective
// between two noun phrases: "Syrian troops regained control of Aleppo"
// parsed as the noun "control" modified by "troops" and "regained", or
// "said Russian drones struck energy facilities" with "struck facilities"
// a modifier of "drones". When the phrase is the sentence or what a
// speech verb says, the past form is its predicate, the noun phrase
// before it the subject and the one after it the object.
func (s *state) repairModifierPredicate() bool {
	changed := false
	for i := 1; i < len(s.words); i++ {
		w := &s.words[i]
		h := int(w.head)
		if w.rel != syntax.Amod || h <= i || w.tag != nlp.VBN && w.tag != nlp.VBD && w.tag != nlp.JJ || !s.nominal(h) ||
			s.caseOf(h) != "" || s.child(i, syntax.Aux) >= 0 {
			continue
		}
		if !pastForm(w) {
			continue
		}
		// the noun phrase just before: h's own modifier, or the noun h
		// hangs from
		n := -1
		for k := i - 1; k >= 0; k-- {
			if s.nominal(k) && int(s.words[k].head) == h {
				if _, hi := s.subtreeSpan(k); hi == i {
					n = k
				}
				break
			}
			if s.nominal(k) && int(s.words[h].head) == k {
				n = k // the words between are k's own modifiers
				for j := k + 1; j < i; j++ {
					if !s.ancestorOf(k, j) || s.ancestorOf(h, j) {
						n = -1
					}
				}
				break
			}
			if s.ancestorOf(k, i) || s.words[k].upos == syntax.PUNCT || s.words[k].upos == syntax.VERB {
				break
			}
		}
		if n < 0 {
			continue
		}
		top := h // the phrase as a whole
		if int(s.words[h].head) == n {
			top = n
		}
		p, rel := int(s.words[top].head), syntax.Root
		opener := -1
		switch {
		case p < 0:
		case (s.words[top].rel == syntax.Obj || s.words[top].rel == syntax.Obl && s.caseOf(top) == "") && p < n && s.speechWord(p):
			// (a bare noun phrase after "said" read as its oblique)
			rel = syntax.Ccomp
		case (s.words[top].rel == syntax.Ccomp || s.words[top].rel == syntax.Parataxis) && p < n && s.speechWord(p):
			// ("said Cambodian forces opened fire first, and that Thai
			// troops returned fire": each what was said)
			rel = s.words[top].rel
		case s.words[p].head < 0 && p+1 == n && s.nominal(p) && s.words[p].upos == syntax.NOUN:
			// (the root the subject's first noun: "Rights groups accused
			// police of ..." read with "Rights" the root and "police" its
			// conjunct)
			opener, p = p, -1
		default:
			continue
		}
		if opener >= 0 {
			s.setArc(i, -1, syntax.Root)
			s.setArc(opener, n, syntax.Compound)
			for _, k := range s.children(opener) {
				if kk := int(k); kk != top && kk > i {
					s.setArc(kk, i, s.words[kk].rel) // the closing stop
				}
			}
		}
		s.pastPredicate(i, p, rel, n)
		s.setArc(h, i, syntax.Obj)
		if top == n {
			for _, k := range s.children(n) {
				if int(k) > h && s.isRel(int(k), syntax.Nmod) {
					s.setArc(int(k), i, syntax.Obl) // "in Odesa"
				}
			}
		}
		for _, k := range s.children(top) {
			if int(k) > i && (s.words[k].rel == syntax.Punct || slices.Contains(s.pieces, int(k))) {
				s.setArc(int(k), i, s.words[k].rel) // the closing stop; a clause after a semicolon
			}
		}
		s.indexTree() // (a second reported clause may need the same)
		changed = true
	}
	return changed
}

// repairAuxNoun mends a participle after an auxiliary read as the
// adjective of the noun after it: "the United States and Pakistan have
// both designated BLA as a terrorist organization" parsed with the noun
// "BLA" as predicate, "have" its auxiliary and "designated" its modifier.
// A noun takes no auxiliary without a copula, so the participle is the
// verb and the noun its object.
func (s *state) repairAuxNoun() bool {
	r := s.root()
	if r < 0 || !s.nominal(r) || s.child(r, syntax.Cop) >= 0 {
		return false
	}
	a := s.child(r, syntax.Aux)
	if a < 0 || a > r {
		return false
	}
	for _, k := range s.children(r) {
		i := int(k)
		if s.words[i].rel != syntax.Amod || i < a || i > r || s.words[i].tag != nlp.VBN {
			continue
		}
		s.setArc(i, -1, syntax.Root)
		s.setTag(i, nlp.VBN, syntax.VERB)
		for _, k2 := range s.children(r) {
			j := int(k2)
			switch rel := s.words[j].rel; {
			case j == i:
			case j < i || rel == syntax.Punct || rel.Universal() == syntax.Nsubj || rel.Universal() == syntax.Aux:
				s.setArc(j, i, rel)
			case s.isRel(j, syntax.Nmod) && s.caseOf(j) != "":
				s.setArc(j, i, syntax.Obl)
			}
		}
		s.setArc(r, i, syntax.Obj)
		return true
	}
	return false
}

// repairCaseSubject mends a subject that carries a preposition: in "said
// Trump's special envoy, Steve Witkoff, spoke with Russian President
// Vladimir Putin" the parse may make "Putin" the subject of "spoke" and
// the envoy a clause of its own. A phrase with a preposition is an
// oblique; the verb's subject is then the noun phrase right before it,
// left hanging as the verb's sibling.
func (s *state) repairCaseSubject() bool {
	changed := false
	for i := range s.words {
		w := &s.words[i]
		v := int(w.head)
		if w.rel != syntax.Nsubj || v < 0 || i < v || !s.verbal(v) {
			continue
		}
		if lo, _ := s.subtreeSpan(i); s.caseOf(i) == "" && !(s.words[lo].rel == syntax.Case && s.words[lo].upos == syntax.ADP) {
			continue // (the preposition may hang from a title inside the phrase)
		}
		s.setArc(i, v, syntax.Obl)
		changed = true
		h := int(s.words[v].head)
		if h < 0 {
			continue
		}
		for _, k := range s.children(h) {
			n := int(k)
			if n < v && s.nominal(n) && (s.words[n].rel == syntax.Ccomp || s.words[n].rel == syntax.Parataxis) {
				if _, hi := s.subtreeSpan(n); hi == v || hi == v-1 && s.words[v-1].upos == syntax.PUNCT {
					s.setArc(n, v, syntax.Nsubj)
				}
			}
		}
	}
	return changed
}

// repairParticle mends a verb particle read as a preposition: "took over
// the village" parsed with "over the village" an oblique. Right after a
// verb that has no object, a particle word is the verb's and its phrase
// the object.
func (s *state) repairParticle() bool {
	changed := false
	for i := range s.words {
		w := &s.words[i]
		p := i + 1
		if !s.verbal(i) || p >= len(s.words) || !s.wc.particles[s.words[p].key] || s.words[p].rel != syntax.Case ||
			s.childExact(i, syntax.Obj) >= 0 || s.wc.particles[w.key] {
			continue
		}
		n := int(s.words[p].head)
		if n <= p || int(s.words[n].head) != i || !s.isRel(n, syntax.Obl) || !s.nominal(n) {
			continue
		}
		if p+1 < len(s.words) && s.words[p+1].rel == syntax.Case && int(s.words[p+1].head) == n {
			continue // "out of", "away from": a preposition of two words
		}
		s.setArc(p, i, syntax.CompoundPrt)
		s.setArc(n, i, syntax.Obj)
		changed = true
	}
	return changed
}

// repairCopularObject makes a predicate noun with its copula, read as a
// verb's object, the clause it is: "police said the accused were members
// of a gang" says something; "the accused were members" is not what the
// police said it to.
func (s *state) repairCopularObject() bool {
	changed := false
	for i := range s.words {
		if s.words[i].rel == syntax.Obj && s.child(i, syntax.Cop) >= 0 && s.nominal(i) {
			s.setArc(i, int(s.words[i].head), syntax.Ccomp)
			changed = true
		}
	}
	return changed
}

// repairStrayAgent mends a passive whose "by" phrase the parse hung on
// a noun inside the clause: "the protesters were dispersed with tear gas
// by riot police" with "by riot police" modifying "gas". A passive verb
// without an agent takes it.
func (s *state) repairStrayAgent() bool {
	changed := false
	for v := range s.words {
		if !s.verbal(v) || s.child(v, syntax.AuxPass) < 0 || s.childExact(v, syntax.OblAgent) >= 0 {
			continue
		}
		for _, k := range s.children(v) {
			o := int(k)
			if !s.isRel(o, syntax.Obl) || o < v {
				continue
			}
			for _, k2 := range s.children(o) {
				if b := int(k2); s.isRel(b, syntax.Nmod) && s.caseOf(b) == "BY" && s.nominal(b) {
					s.setArc(b, v, syntax.OblAgent)
					changed = true
				}
			}
		}
	}
	return changed
}

// repairWithPredicate mends "Rebels armed with machetes attacked the
// village" read as "Rebels armed" with an absolute clause "with machetes
// attacked the village": a past-tense verb with an object whose subject
// follows "with", hanging from a participle that modifies the sentence's
// root noun, is the predicate; the root noun is its subject and the
// with-phrase goes back to the participle ("armed with machetes").
func (s *state) repairWithPredicate() bool {
	root := s.root()
	if root < 0 || !s.nominal(root) {
		return false
	}
	for _, p := range s.children(root) {
		if r := s.words[p].rel; r != syntax.Amod && r != syntax.Acl {
			continue
		}
		for _, v := range s.children(int(p)) {
			vi := int(v)
			w := &s.words[vi]
			if w.rel != syntax.Advcl || s.markOf(vi) != "WITH" || w.tag != nlp.VBD && w.tag != nlp.VBN || !pastTense(w) {
				continue
			}
			n := s.childExact(vi, syntax.Nsubj)
			if n < 0 || n > vi || s.childExact(vi, syntax.Obj) < 0 || s.child(vi, syntax.Aux) >= 0 {
				continue
			}
			mark := -1
			for _, k := range s.children(vi) {
				if s.words[k].rel == syntax.Mark && s.words[k].key == "WITH" {
					mark = int(k)
				}
			}
			s.pastPredicate(vi, -1, syntax.Root, root)
			s.setArc(n, int(p), syntax.Obl)
			if mark >= 0 {
				s.setArc(mark, n, syntax.Case)
				s.setTag(mark, nlp.IN, syntax.ADP)
			}
			for _, k := range s.children(root) {
				if s.words[k].rel == syntax.Punct && int(k) > vi {
					s.setArc(int(k), vi, syntax.Punct)
				}
			}
			return true
		}
	}
	return false
}

// repairObjectConjVerb mends "demonstrators burned tyres and blocked
// roads" read with "blocked" a conjunct of "tyres": a verb with an object
// of its own, coordinated with the object of a verb, is coordinated with
// that verb and shares its subject.
func (s *state) repairObjectConjVerb() bool {
	changed := false
	for v := range s.words {
		w := &s.words[v]
		n := int(w.head)
		if w.rel != syntax.Conj || w.upos != syntax.VERB || n < 0 || n > v || !s.nominal(n) || s.words[n].rel != syntax.Obj {
			continue
		}
		h := int(s.words[n].head)
		// (the conjunct has an object of its own, or an addressee: "expressed
		// concern and urged Ankara to release")
		if h < 0 || !s.verbal(h) || s.childExact(v, syntax.Obj) < 0 && s.childExact(v, syntax.Iobj) < 0 || s.childExact(v, syntax.Nsubj) >= 0 {
			continue
		}
		if w.tag != nlp.VBD && w.tag != nlp.VBN && w.tag != nlp.VBZ && w.tag != nlp.VBP || s.words[h].tag != w.tag && !(s.words[h].tag == nlp.VBD || s.words[h].tag == nlp.VBN) {
			continue
		}
		s.setArc(v, h, syntax.Conj)
		s.setTag(v, s.words[h].tag, syntax.VERB)
		changed = true
	}
	return changed
}

// repairAccusedOf mends "Ukraine accused Russia of launching a drone
// attack" read with "of launching" a clause of "Russia": what someone is
// accused or suspected of is the verb's complement, so it is alleged, not
// told as done.
func (s *state) repairAccusedOf() bool {
	changed := false
	for v := range s.words {
		w := &s.words[v]
		n := int(w.head)
		if w.rel != syntax.Advcl && w.rel != syntax.Acl || s.markOf(v) != "OF" || n < 0 || !s.nominal(n) || s.words[n].rel != syntax.Obj {
			continue
		}
		h := int(s.words[n].head)
		if h < 0 || s.wc.unreal[s.words[h].lemma] != "ALLEGE" {
			continue
		}
		s.setArc(v, h, syntax.Advcl)
		changed = true
	}
	return changed
}

// repairObjectAffiliation mends "would attack any ship linked to Israel"
// read with "linked" a complement of "attack": an affiliation participle
// right after the verb's object modifies the object.
func (s *state) repairObjectAffiliation() bool {
	changed := false
	for w := range s.words {
		h := int(s.words[w].head)
		if r := s.words[w].rel; r != syntax.Xcomp && r != syntax.Advcl || h < 0 || !s.verbal(h) || !s.affiliationWord(w) {
			continue
		}
		o := s.childExact(h, syntax.Obj)
		if o < 0 || o > w {
			continue
		}
		if _, end := s.subtreeSpan(o); end != w {
			continue
		}
		s.setArc(w, o, syntax.Acl)
		changed = true
	}
	return changed
}

// repairGerundConj mends "The RSF denied targeting civilians and accused
// the army of shelling" read with "accused" a conjunct of "targeting":
// a past tense with its own object is no gerund's conjunct but the
// conjunct of the verb the gerund complements, whose subject it shares
// (and whose denial it is not).
func (s *state) repairGerundConj() bool {
	changed := false
	for v := range s.words {
		w := &s.words[v]
		g := int(w.head)
		if w.rel != syntax.Conj || w.tag != nlp.VBD && w.tag != nlp.VBN || g < 0 || s.words[g].tag != nlp.VBG || !pastTense(w) {
			continue
		}
		h := int(s.words[g].head)
		if h < 0 || !s.verbal(h) || s.words[g].rel != syntax.Xcomp && s.words[g].rel != syntax.Ccomp || s.words[h].tag != nlp.VBD && s.words[h].tag != nlp.VBZ {
			continue
		}
		if s.childExact(v, syntax.Obj) < 0 || s.childExact(v, syntax.Nsubj) >= 0 {
			continue
		}
		s.setArc(v, h, syntax.Conj)
		s.setTag(v, s.words[h].tag, syntax.VERB)
		changed = true
	}
	return changed
}

// repairNameVerb mends "Human Rights Watch accused Malian soldiers of
// executing civilians" read with "Watch" the verb and "accused" an
// adjective of "soldiers": in mixed-case text a capitalised root that ends
// a run of capitalised words from the sentence's start is a name's last
// word, and the lower-case past tense after it the predicate.
func (s *state) repairNameVerb() bool {
	r := s.root()
	if s.doc == nil || r < 1 || r+1 >= len(s.words) || s.words[r].upos != syntax.VERB {
		return false
	}
	for k := 0; k <= r; k++ {
		if t := s.tokText(k); !titlecase(t) && !(k == 0 && s.words[k].upos == syntax.DET) {
			return false
		}
	}
	v := r + 1
	if t := s.tokText(v); hasUpper(t) || s.words[v].tag != nlp.VBN && s.words[v].tag != nlp.VBD || !pastTense(&s.words[v]) || !s.mixedCase() {
		return false
	}
	up := int(s.words[v].head)
	s.setArc(v, -1, syntax.Root)
	s.setTag(v, nlp.VBD, syntax.VERB)
	for _, k := range s.children(r) {
		switch kr := s.words[k].rel; {
		case int(k) > v || kr == syntax.Obj:
			s.setArc(int(k), v, kr) // the rest of the sentence is the verb's
		case int(k) < r && (kr == syntax.Nsubj || kr == syntax.NsubjPass):
			s.setArc(int(k), r, syntax.Compound) // "Human Rights": the name's words
		}
	}
	if up >= 0 && up != v && up != r && s.words[up].rel != syntax.Root {
		s.setArc(up, v, syntax.Obj) // "accused [Malian soldiers]": the noun it modified
	}
	s.setArc(r, v, syntax.Nsubj)
	s.setTag(r, nlp.NNP, syntax.PROPN)
	return true
}

// repairAfterRelative mends "Hezbollah, which has traded fire with Israel
// since October, fired rockets at Haifa" read as one noun phrase with the
// relative clause swallowing "fired rockets": when the sentence's root is
// a noun whose relative clause is closed by a comma, a past tense right
// after that comma is the predicate, the noun its subject and the noun
// phrase it modified its object.
func (s *state) repairAfterRelative() bool {
	r := s.root()
	if r < 0 || !s.nominal(r) || s.child(r, syntax.AclRelcl) < 0 {
		return false
	}
	for c := r + 1; c+2 < len(s.words); c++ {
		if s.words[c].key != "," {
			continue
		}
		i := c + 1
		w := &s.words[i]
		if w.tag != nlp.VBD && w.tag != nlp.VBN || !pastTense(w) || s.childExact(i, syntax.Nsubj) >= 0 || s.child(i, syntax.Aux) >= 0 {
			continue
		}
		rc := -1
		for k := r + 1; k < c; k++ {
			if s.words[k].rel == syntax.AclRelcl && int(s.words[k].head) == r {
				rc = k
			}
		}
		if rc < 0 {
			return false
		}
		n := int(w.head) // the noun the past form was read to modify
		s.pastPredicate(i, -1, syntax.Root, r)
		if n > i && s.nominal(n) {
			s.setArc(n, i, syntax.Obj)
		}
		for k := i + 1; k < len(s.words); k++ {
			if h := int(s.words[k].head); h >= 0 && h < i && k != n {
				// the rest of the sentence, read inside the relative
				// clause, is the predicate's
				if s.words[k].rel == syntax.Punct || s.isRel(k, syntax.Nmod) || s.isRel(k, syntax.Obl) {
					rel := s.words[k].rel
					if s.isRel(k, syntax.Nmod) {
						rel = syntax.Obl
					}
					s.setArc(k, i, rel)
				}
			}
		}
		return true
	}
	return false
}

// repairPluralVerb mends "The Islamic Republic of Iran calls on the UN
// Security Council to act" read with "calls" a plural noun and no verb: in
// a sentence without a finite verb, the -s form of a verb of
// noun-verbs.txt right after a noun phrase and before a preposition,
// article or noun is the predicate; the words before it are its subject,
// those after its complements.
func (s *state) repairPluralVerb() bool {
	n := len(s.words)
	for k := range s.words {
		if finite(s.words[k].tag) && (s.verbal(k) || s.words[k].upos == syntax.AUX) || s.words[k].tag == nlp.MD {
			return false // a sentence with its verb ("have ignored VOA requests")
		}
	}
	for w := 1; w+1 < n; w++ {
		x := &s.words[w]
		// (the noun before may be a title read as an adjective: "The
		// Secretary-General calls on")
		title := s.words[w-1].upos == syntax.ADJ && int(s.words[w-1].head) == w && s.doc != nil && titlecase(s.tokText(w-1))
		if x.tag != nlp.NNS || !s.wc.nounVerbs[x.lemma] || !s.nominal(w-1) && !title {
			continue
		}
		if title {
			s.setTag(w-1, nlp.NN, syntax.NOUN)
		}
		if f := nlp.VerbForms(x.lemma); len(f) == 0 || f[0] != x.key {
			continue
		}
		if nx := &s.words[w+1]; nx.tag != nlp.IN && nx.tag != nlp.TO && nx.tag != nlp.DT && nx.tag != nlp.PRPS && !nx.tag.IsNoun() {
			continue
		}
		inside := func(k, lo, hi int) bool { return k >= lo && k < hi }
		subj := -1
		for k := 0; k < w; k++ {
			if h := int(s.words[k].head); !inside(h, 0, w) && s.nominal(k) {
				subj = k
			}
		}
		if subj < 0 {
			continue
		}
		s.setArc(w, -1, syntax.Root)
		s.setTag(w, nlp.VBZ, syntax.VERB)
		for k := 0; k < w; k++ {
			if h := int(s.words[k].head); !inside(h, 0, w) {
				if k == subj {
					s.setArc(k, w, syntax.Nsubj)
				} else {
					s.setArc(k, subj, s.words[k].rel)
				}
			}
		}
		obj := false
		for k := w + 1; k < n; k++ {
			if h := int(s.words[k].head); inside(h, w+1, n) {
				continue
			}
			rel := s.words[k].rel
			switch {
			case s.words[k].upos == syntax.PUNCT:
				rel = syntax.Punct
			case s.nominal(k) && s.caseOf(k) != "":
				rel = syntax.Obl
			case s.nominal(k) && !obj:
				rel, obj = syntax.Obj, true
			case s.verbal(k) && s.markOf(k) == "TO":
				rel = syntax.Xcomp
			}
			s.setArc(k, w, rel)
		}
		return true
	}
	return false
}

// repairObjectPassive mends "Iran strongly condemns the airstrike
// carried out by the Israeli regime" read as the clause "the airstrike
// carried out ...": a past form with a by-phrase and no object, whose
// subject follows the verb it complements, is a reduced passive relative
// on the verb's object.
func (s *state) repairObjectPassive() bool {
	changed := false
	for c := range s.words {
		w := &s.words[c]
		h := int(w.head)
		if w.rel != syntax.Ccomp || h < 0 || h > c || !s.verbal(h) || w.tag != nlp.VBD && w.tag != nlp.VBN || s.childExact(c, syntax.Obj) >= 0 || s.child(c, syntax.Aux) >= 0 {
			continue
		}
		n := s.childExact(c, syntax.Nsubj)
		if n < 0 || n < h || s.childExact(n, syntax.Det) < 0 || s.childExact(h, syntax.Obj) >= 0 {
			continue
		}
		by := -1
		for _, k := range s.children(c) {
			if s.isRel(int(k), syntax.Obl) && s.caseOf(int(k)) == "BY" {
				by = int(k)
			}
		}
		if by < 0 {
			continue
		}
		s.setArc(n, h, syntax.Obj)
		s.setArc(c, n, syntax.Acl)
		s.setTag(c, nlp.VBN, syntax.VERB)
		s.setArc(by, c, syntax.OblAgent)
		if s.words[n].upos == syntax.PROPN && s.words[n].tag == nlp.NNP {
			s.setTag(n, nlp.NN, syntax.NOUN) // ("the airstrike" read as a name)
		}
		changed = true
	}
	return changed
}

// repairProgressiveAdjective mends "The Department of State is imposing
// sanctions on three officials" read as the predicate noun "sanctions"
// with "is" its copula and "imposing" its adjective: an -ing adjective
// right after the copula of a predicate noun, with a verb's forms, is the
// progressive verb, the noun its object.
func (s *state) repairProgressiveAdjective() bool {
	r := s.root()
	if r < 0 || !s.nominal(r) {
		return false
	}
	cop := s.childExact(r, syntax.Cop)
	if cop < 0 || cop+1 >= r {
		return false
	}
	a := cop + 1
	w := &s.words[a]
	if w.upos != syntax.ADJ || int(w.head) != r || w.rel != syntax.Amod || !strings.HasSuffix(w.key, "ING") {
		return false
	}
	if f := nlp.VerbForms(strings.TrimSuffix(w.lemma, "ING")); len(f) < 4 || f[3] != w.key {
		if f := nlp.VerbForms(w.lemma); len(f) < 4 || f[3] != w.key {
			return false
		}
	}
	s.setArc(a, -1, syntax.Root)
	s.setTag(a, nlp.VBG, syntax.VERB)
	s.setArc(cop, a, syntax.Aux)
	s.setArc(r, a, syntax.Obj)
	for _, k := range s.children(r) {
		switch s.words[k].rel {
		case syntax.Nsubj, syntax.NsubjPass, syntax.Punct:
			s.setArc(int(k), a, s.words[k].rel)
		}
	}
	return true
}

// repairDemonymSubject mends "Angolan President Joao Lourenco, who has
// mediated between the two countries, urged Congo and Rwanda" read with
// "Angolan" a discourse word carrying the name as its apposition: a verb
// without a subject whose demonym carries a name takes the name as its
// subject, the demonym modifying it.
func (s *state) repairDemonymSubject() bool {
	for v := range s.words {
		if !s.verbal(v) || s.childExact(v, syntax.Nsubj) >= 0 || s.childExact(v, syntax.NsubjPass) >= 0 {
			continue
		}
		for _, d := range s.children(v) {
			if s.words[d].rel != syntax.Discourse && s.words[d].rel != syntax.Dep || s.words[d].upos != syntax.ADJ || int(d) > v {
				continue
			}
			a := s.childExact(int(d), syntax.Appos)
			if a < 0 || !s.nominal(a) || a > v {
				continue
			}
			s.setArc(a, v, syntax.Nsubj)
			s.setArc(int(d), a, syntax.Amod)
			return true
		}
	}
	return false
}

// repairDemonymOpener mends "Serbian Prime Minister Milos Vucevic
// resigned" read with "Serbian" a modifier of the verb beside its
// subject: a nationality adjective right before a noun phrase, hung on
// that phrase's own head, modifies the phrase.
func (s *state) repairDemonymOpener(lex *nlp.Pipeline) bool {
	changed := false
	for d := 0; d+1 < len(s.words); d++ {
		w := &s.words[d]
		// (a conjunct demonym may be read as a name: "Zelenskiy and
		// Polish President Andrzej Duda"; the lexicon tells "Polish" from
		// "Iran")
		if w.upos != syntax.ADJ && w.tag != nlp.JJ && (w.rel != syntax.Conj || w.upos != syntax.PROPN || !s.lexAllows(lex, d, nlp.JJ)) || !demonym(w.key) || w.head < 0 {
			continue
		}
		if w.rel == syntax.Conj && !s.nominal(d+1) && s.words[d+1].upos != syntax.ADJ {
			continue // "Syria, Iran and Hezbollah": a conjunct, not an opener
		}
		switch w.rel {
		case syntax.Advmod, syntax.Discourse, syntax.Dep, syntax.Amod, syntax.Obl, syntax.Advcl, syntax.Xcomp, syntax.Obj, syntax.Ccomp, syntax.Nsubj, syntax.Conj:
		default:
			continue
		}
		h := s.phraseAfter(d)
		if h == int(w.head) || !s.nominal(h) {
			continue
		}
		if int(s.words[h].head) == d {
			// "hosted Australian Foreign Minister Penny Wong" read with
			// the demonym heading the phrase: the phrase takes its place
			var rel syntax.Rel
			switch w.rel {
			case syntax.Xcomp, syntax.Obj, syntax.Ccomp, syntax.Dep:
				rel = syntax.Obj
			case syntax.Nsubj:
				rel = syntax.Nsubj
			default:
				continue
			}
			s.setArc(h, int(w.head), rel)
			s.setArc(d, h, syntax.Amod)
			s.indexTree()
			changed = true
			continue
		}
		// (the second name may hang on the first name's head as its
		// apposition, the demonym inside the first name: "Chinese
		// President Hu Jintao and Japanese Prime Minister Junichiro
		// Koizumi held talks")
		wh := int(w.head)
		nameTail := w.rel == syntax.Conj && s.words[wh].rel == syntax.Flat && int(s.words[wh].head) == int(s.words[h].head) && s.words[h].rel == syntax.Appos
		if !nameTail && (s.words[h].head != w.head || w.rel == syntax.Conj && s.words[h].rel != syntax.Conj) {
			continue
		}
		if lo, _ := s.subtreeSpan(h); lo != d+1 {
			continue
		}
		if nameTail {
			s.setArc(h, int(s.words[h].head), syntax.Conj)
		}
		// "Modi and British Prime Minister Keir Starmer met" read with
		// "British" a conjunct of its own: its conjunction goes to the
		// phrase it opens
		for _, k := range s.children(d) {
			s.setArc(int(k), h, s.words[k].rel)
		}
		s.setArc(d, h, syntax.Amod)
		s.indexTree()
		changed = true
	}
	return changed
}

// phraseAfter returns the head of the noun phrase that begins after word
// d: from d+1, climbing while heads lie to the right and are nouns.
func (s *state) phraseAfter(d int) int {
	h := d + 1
	for k := 0; k < 8; k++ {
		p := int(s.words[h].head)
		if p <= h || p >= len(s.words) || !s.nominal(p) || s.words[p].upos == syntax.VERB {
			break
		}
		h = p
	}
	return h
}

// repairDetParticiple mends "Supporters of the banned Awami League
// attacked a rally" read with "banned" a verb of its own: a participle
// with no dependents of its own between "the" or "a" and the noun phrase
// after it modifies that phrase, as in "the detained journalists". Read as
// a verb it took the sentence's subject and banned no one.
func (s *state) repairDetParticiple() bool {
	changed := false
	for i := 1; i+1 < len(s.words); i++ {
		w := &s.words[i]
		if w.tag != nlp.VBN && w.tag != nlp.VBD || w.rel == syntax.Amod || !s.nominal(i+1) || len(s.children(i)) > 0 {
			continue
		}
		if k := s.words[i-1].key; k != "THE" && k != "A" && k != "AN" {
			continue
		}
		h := s.phraseAfter(i)
		if int(s.words[h].head) == i {
			continue
		}
		s.setArc(i, h, syntax.Amod)
		s.setArc(i-1, h, syntax.Det)
		s.setTag(i, nlp.VBN, syntax.ADJ)
		changed = true
	}
	return changed
}

// repairObjectParticiple mends "sentenced jailed Istanbul mayor Ekrem
// Imamoglu to prison" read with "jailed" the verb's complement and the
// mayor its oblique: a participle right after a verb with no object,
// whose first dependent is a bare noun phrase right after it, modifies
// that phrase, which is the verb's object; its other dependents are the
// verb's.
func (s *state) repairObjectParticiple() bool {
	for i := 1; i+1 < len(s.words); i++ {
		w := &s.words[i]
		v := int(w.head)
		if w.tag != nlp.VBN && w.tag != nlp.VBD || v != i-1 || !s.verbal(v) || s.words[v].upos != syntax.VERB || s.childExact(v, syntax.Obj) >= 0 {
			continue
		}
		switch w.rel {
		case syntax.Xcomp, syntax.Ccomp, syntax.Advcl, syntax.Dep, syntax.Conj:
		default:
			continue
		}
		o := -1
		for _, k := range s.children(i) {
			if kk := int(k); kk > i && s.nominal(kk) && s.caseOf(kk) == "" {
				if lo, _ := s.subtreeSpan(kk); lo == i+1 {
					o = kk
				}
				break
			}
		}
		if o < 0 || s.childExact(i, syntax.Nsubj) >= 0 {
			continue
		}
		s.setArc(o, v, syntax.Obj)
		for _, k := range s.children(i) {
			if int(k) != o {
				s.setArc(int(k), v, s.words[k].rel) // "to prison"
			}
		}
		s.setArc(i, o, syntax.Amod)
		s.setTag(i, nlp.VBN, syntax.ADJ)
		return true
	}
	return false
}

// repairObjectInOblique mends "Police on Monday detained over 50 students
// in Dhaka" read with the students a bare modifier of Dhaka: a noun
// phrase without a preposition, hung on an oblique but standing between
// the verb and the oblique's preposition, is the verb's object when the
// verb has none.
func (s *state) repairObjectInOblique() bool {
	for v := range s.words {
		if s.words[v].upos != syntax.VERB || s.childExact(v, syntax.Obj) >= 0 || s.childExact(v, syntax.Ccomp) >= 0 || s.childExact(v, syntax.Xcomp) >= 0 {
			continue
		}
		for _, o := range s.children(v) {
			oo := int(o)
			if oo < v || s.words[oo].rel != syntax.Obl {
				continue
			}
			cs := s.childExact(oo, syntax.Case)
			if cs < 0 {
				continue
			}
			for _, n := range s.children(oo) {
				nn := int(n)
				if nn < v || nn > cs || !s.nominal(nn) || s.caseOf(nn) != "" || s.wc.timeWords[s.words[nn].key] || s.wc.months[s.words[nn].key] {
					continue
				}
				switch s.words[nn].rel {
				case syntax.NmodUnmarked, syntax.Nmod, syntax.Compound, syntax.Appos, syntax.Dep:
				default:
					continue
				}
				s.setArc(nn, v, syntax.Obj)
				return true
			}
		}
	}
	return false
}

// repairOfConj mends "the government of Colombia and the Comuneros del
// Sur signed an agreement" read as the government of both: a name after
// "of" takes no article, so a conjunct with its own article ("the
// Comuneros") joins the phrase the of-phrase hangs on, not the name. So
// does a name after a name built with "of" ("the governments of the
// Democratic Republic of Congo and Rwanda"): the conjunct is the whole
// name's, not its last word's.
func (s *state) repairOfConj() bool {
	for x := range s.words {
		if s.words[x].upos != syntax.PROPN || s.words[x].rel != syntax.Nmod || s.caseOf(x) != "OF" || s.childExact(x, syntax.Det) >= 0 {
			continue
		}
		h := int(s.words[x].head)
		if h < 0 || h > x || !s.nominal(h) {
			continue
		}
		for _, y := range s.children(x) {
			yy := int(y)
			if yy < x || s.words[yy].rel != syntax.Conj {
				continue
			}
			d := s.childExact(yy, syntax.Det)
			named := h+2 == x && s.words[h].upos == syntax.PROPN && s.words[yy].upos == syntax.PROPN
			if !named && (d < 0 || s.words[d].key != "THE") {
				continue
			}
			s.setArc(yy, h, syntax.Conj)
			return true
		}
	}
	return false
}

// repairBracketAcronym mends "The radical Economic Freedom Fighters
// (EFF) accused Ramaphosa of protecting his allies" read with the
// bracketed acronym a verb carrying the predicate: an all-capitals word
// in brackets right after a noun phrase is that phrase's other name, and
// the past form after it is the predicate, the phrase its subject.
func (s *state) repairBracketAcronym() bool {
	for a := 2; a+2 < len(s.words); a++ {
		w := &s.words[a]
		if w.upos != syntax.VERB || s.words[a-1].key != "(" || s.words[a+1].key != ")" || !allCapsWord(s.tokText(a)) {
			continue
		}
		n := int(w.head)
		if n < 0 || n > a-2 || !s.nominal(n) {
			continue
		}
		if _, end := s.subtreeSpan(n); end <= a+1 {
			continue
		}
		v := -1
		for _, k := range s.children(a) {
			if kk := int(k); kk > a+1 && s.verbal(kk) && pastForm(&s.words[kk]) {
				v = kk
				break
			}
		}
		if v < 0 {
			continue
		}
		s.pastPredicate(v, int(s.words[n].head), s.words[n].rel, n)
		s.setArc(a, n, syntax.Appos)
		s.setTag(a, nlp.NNP, syntax.PROPN)
		for _, k := range s.children(a) {
			if kk := int(k); kk != v && kk > a+1 {
				s.setArc(kk, v, s.words[kk].rel)
			}
		}
		for _, k := range s.children(n) {
			if kk := int(k); kk > a+1 && kk != v {
				s.setArc(kk, v, s.words[kk].rel) // "and threatened ...", the closing stop
			}
		}
		return true
	}
	return false
}

// tokText returns the text of word i as written.
func (s *state) tokText(i int) string {
	if s.doc == nil || s.words[i].end > len(s.doc.Text) {
		return s.words[i].key
	}
	return s.doc.Text[s.words[i].start:s.words[i].end]
}

// repairNounSubject mends "The United Nations human rights office urged"
// repairTitleAdjective mends "voted to impeach interim President Jose
// Jeri over what lawmakers called his failure" read with "interim" a
// complement of "impeach" and "President Jose Jeri" a subject of
// "called", which has its own: of two subjects, the first, right after
// an adjective complement of a verb with no object, is that verb's
// object and the adjective its modifier.
func (s *state) repairTitleAdjective() bool {
	changed := false
	for x := range s.words {
		first, second := -1, -1
		for _, c := range s.children(x) {
			if s.words[c].rel == syntax.Nsubj {
				if first < 0 {
					first = int(c)
				} else if second < 0 {
					second = int(c)
				}
			}
		}
		if second < 0 {
			continue
		}
		lo, _ := s.subtreeSpan(first)
		k := lo - 1
		if k < 0 || s.words[k].upos != syntax.ADJ || s.words[k].rel != syntax.Xcomp || len(s.children(k)) > 0 {
			continue
		}
		v := int(s.words[k].head)
		if v < 0 || s.childExact(v, syntax.Obj) >= 0 || s.words[v].upos != syntax.VERB {
			continue
		}
		s.setArc(first, v, syntax.Obj)
		s.setArc(k, first, syntax.Amod)
		changed = true
	}
	return changed
}

// repairCaselessOblique mends "bihar police arrested farmer leader ramesh
// kumar yadav near patna" read with the name an oblique (the preposition
// of "near patna" belongs to its own phrase): an oblique takes a
// preposition, so a noun phrase right after a verb with no object, with
// none of its own, is the object.
func (s *state) repairCaselessOblique() bool {
	changed := false
	for v := range s.words {
		if s.words[v].upos != syntax.VERB || s.childExact(v, syntax.Obj) >= 0 || s.words[v].tag == nlp.VBN && s.childExact(v, syntax.AuxPass) >= 0 {
			continue
		}
		for _, c := range s.children(v) {
			cw := &s.words[c]
			if cw.rel != syntax.Obl || cw.upos != syntax.NOUN && cw.upos != syntax.PROPN || s.childExact(int(c), syntax.Case) >= 0 || s.wc.timeWords[cw.key] {
				continue
			}
			if lo, _ := s.subtreeSpan(int(c)); lo != v+1 {
				continue
			}
			s.setArc(int(c), v, syntax.Obj)
			changed = true
			break
		}
	}
	return changed
}

// repairSplitPhrase mends "Greek coast guard vessels pushed back a boat"
// read with "Greek coast" an unmarked oblique (UD's relation for "on
// Thursday" without its "on") and "guard vessels" the subject: a common
// noun that names no time, right before the words of another noun's
// phrase, is the first of those words. A bare noun subject or object
// right before a name read as an unmarked oblique opens that name's
// phrase ("detained farmer leader jagjit singh dallewal").
func (s *state) repairSplitPhrase() bool {
	changed := false
	for k := 0; k+1 < len(s.words); k++ {
		w := &s.words[k]
		if w.rel != syntax.OblUnmarked || w.upos != syntax.NOUN || s.wc.timeWords[w.key] || s.wc.periods[w.key] || s.wc.periods[w.lemma] || s.childExact(k, syntax.Case) >= 0 {
			continue
		}
		// the phrase the next word belongs to, through its modifiers
		h := k + 1
		for n := 0; n < 4 && h > k && (s.words[h].rel == syntax.Compound || s.words[h].rel == syntax.Amod || s.words[h].rel == syntax.Flat); n++ {
			h = int(s.words[h].head)
		}
		if h <= k {
			continue
		}
		if nw := &s.words[k+1]; nw.upos != syntax.NOUN && nw.upos != syntax.PROPN && nw.upos != syntax.ADJ {
			continue
		}
		if hw := &s.words[h]; hw.upos != syntax.NOUN && hw.upos != syntax.PROPN || hw.rel == syntax.OblUnmarked || int(hw.head) != int(w.head) {
			continue // (the two must hang from the same word: "vessels" is the verb's subject as "coast" was its oblique)
		}
		s.setArc(k, h, syntax.Compound)
		changed = true
	}
	// and the other way round: "police detained farmer leader jagjit
	// singh dallewal" read with "farmer" the object and the name an
	// unmarked oblique: the object is the name's first word
	for k := 0; k+1 < len(s.words); k++ {
		w := &s.words[k]
		if w.rel != syntax.Obj && w.rel != syntax.Nsubj || w.upos != syntax.NOUN || len(s.children(k)) > 0 {
			continue
		}
		u := -1
		for _, c := range s.children(int(w.head)) {
			if lo, _ := s.subtreeSpan(int(c)); lo == k+1 && s.words[c].rel == syntax.OblUnmarked && s.words[c].upos == syntax.PROPN && s.childExact(int(c), syntax.Case) < 0 {
				u = int(c)
			}
		}
		if u < 0 || s.wc.timeWords[s.words[u].key] {
			continue
		}
		r := w.rel
		s.setArc(u, int(w.head), r)
		s.setArc(k, u, syntax.Compound)
		changed = true
	}
	return changed
}

// read with "United Nations" the subject of "office": a noun takes no
// subject without a copula, so a name right before the noun's own
// modifiers is one of them, a compound.
func (s *state) repairNounSubject() bool {
	for c := range s.words {
		h := int(s.words[c].head)
		if s.words[c].rel != syntax.Nsubj || h <= c || !s.nominal(h) || s.words[h].upos == syntax.VERB || !s.nominal(c) {
			continue
		}
		if s.childExact(h, syntax.Cop) >= 0 || s.child(h, syntax.Aux) >= 0 || s.childExact(h, syntax.Case) >= 0 {
			continue
		}
		switch s.words[h].rel {
		case syntax.Nsubj, syntax.NsubjPass, syntax.Obj, syntax.Iobj:
		default:
			continue // (a small clause: "asked the United States for help")
		}
		// only the noun's own modifiers between them
		_, end := s.subtreeSpan(c)
		between := end <= h
		for k := end; k < h && between; k++ {
			r := s.words[k].rel
			between = s.ancestorOf(h, k) && (r == syntax.Compound || r == syntax.Amod)
		}
		if !between {
			continue
		}
		s.setArc(c, h, syntax.Compound)
		return true
	}
	return false
}

// repairDemonymNamePair mends "Israeli and Hezbollah forces" read with
// the nationality and the name as separate modifiers of the noun (amod,
// cc, compound: both sides then share one role), or with the noun a
// conjunct of the nationality. A nationality, "and" and a name right
// before a common noun are two coordinated modifiers of it, as "Indian and
// Pakistani troops" is parsed, so each side is its own party.
func (s *state) repairDemonymNamePair() bool {
	for d := 0; d+3 < len(s.words); d++ {
		w := &s.words[d]
		if w.upos != syntax.ADJ || !demonym(w.key) || s.words[d+1].upos != syntax.CCONJ {
			continue
		}
		c := d + 2 // the common noun after the name
		for c < len(s.words) && s.words[c].upos == syntax.PROPN {
			c++
		}
		if c == d+2 || c >= len(s.words) || s.words[c].upos != syntax.NOUN {
			continue
		}
		m := c - 1 // the name's last word
		switch {
		case int(w.head) == c && int(s.words[m].head) == c:
		case int(s.words[c].head) == d && s.words[c].rel == syntax.Conj:
			s.setArc(c, int(w.head), w.rel) // the noun takes the nationality's place
		case int(s.words[m].head) == d && s.words[m].rel == syntax.Conj && s.words[c].head == w.head:
			// the pair hung beside the noun ("Russian and Wagner troops
			// attacked" with "Russian" a modifier of the verb)
		default:
			continue
		}
		s.setArc(d, c, syntax.Amod)
		s.setArc(m, d, syntax.Conj)
		s.setArc(d+1, m, syntax.Cc)
		for j := d + 2; j < m; j++ {
			if int(s.words[j].head) == c {
				s.setArc(j, m, syntax.Compound) // "Rapid Support"
			}
		}
		return true
	}
	return false
}

// repairCompoundVerb mends "A mob set fire to a police station" read as
// one noun phrase "a mob set fire": in a sentence without a verb, a
// compound of the root noun that can be a past tense, itself carrying the
// noun before it, is the predicate; the noun before is its subject, the
// root its object.
func (s *state) repairCompoundVerb(lex *nlp.Pipeline) bool {
	r := s.root()
	if r < 0 || !s.nominal(r) || s.doc == nil {
		return false
	}
	for k := range s.words {
		// (a verb coordinated with the root noun is the predicate's
		// conjunct: "set fire to a police station and pelted stones")
		if (s.verbal(k) || s.words[k].upos == syntax.AUX) && !(s.words[k].rel == syntax.Conj && int(s.words[k].head) == r) {
			return false
		}
	}
	for _, c := range s.children(r) {
		v := int(c)
		if s.words[v].rel != syntax.Compound || v+1 != r {
			continue
		}
		if !s.lexAllows(lex, v, nlp.VBD) {
			continue
		}
		subj := s.childExact(v, syntax.Compound)
		if subj < 0 || subj > v || !s.nominal(subj) {
			continue
		}
		s.nounPredicate(v, subj, r, -1) // ("to a police station")
		for _, k := range s.children(r) {
			if kk := int(k); kk > r {
				s.setArc(kk, v, s.words[kk].rel)
			}
		}
		s.setArc(r, v, syntax.Obj)
		return true
	}
	return false
}

// repairNounSubjectVerb mends "A mob beat to death a man accused of
// blasphemy" read with "beat" a noun, "a mob beat" the subject of
// "accused" and the man its modifier: a noun that can be a past tense,
// with a noun before it as its compound and a noun phrase after it that
// the participle root directly follows, is the predicate; the compound is
// its subject, the phrase its object, and the participle the object's
// reduced relative.
func (s *state) repairNounSubjectVerb(lex *nlp.Pipeline) bool {
	r := s.root()
	if r < 0 || s.words[r].tag != nlp.VBN && s.words[r].tag != nlp.VBD {
		return false
	}
	n := s.childExact(r, syntax.Nsubj)
	if n < 0 || n > r || s.words[n].upos != syntax.NOUN || !s.lexAllows(lex, n, nlp.VBD) {
		return false
	}
	subj := s.childExact(n, syntax.Compound)
	if subj < 0 || subj+1 != n || !s.nominal(subj) {
		return false
	}
	o := -1
	for _, k := range s.children(n) {
		kk := int(k)
		if kk > n && kk < r && s.nominal(kk) && s.caseOf(kk) == "" {
			if _, end := s.subtreeSpan(kk); end == r {
				o = kk
			}
		}
	}
	if o < 0 {
		return false
	}
	s.nounPredicate(n, subj, n, o) // ("to death")
	s.setArc(o, n, syntax.Obj)
	s.setArc(r, o, syntax.Acl)
	for _, k := range s.children(r) {
		if s.words[k].rel == syntax.Punct {
			s.setArc(int(k), n, syntax.Punct)
		}
	}
	return true
}

// nounPredicate makes v, a noun that can be a past tense, the sentence's
// predicate with subj its subject: the determiner before subj that hung
// on from goes to subj ("a mob"), and from's prepositional modifiers after
// v, but except, become v's obliques.
func (s *state) nounPredicate(v, subj, from, except int) {
	s.pastPredicate(v, -1, syntax.Root, subj)
	for _, k := range s.children(from) {
		kk := int(k)
		switch {
		case kk < subj && s.words[kk].rel == syntax.Det:
			s.setArc(kk, subj, syntax.Det)
		case kk > v && kk != except && s.isRel(kk, syntax.Nmod):
			s.setArc(kk, v, syntax.Obl)
		}
	}
}

// repairSubjectHeadVerb mends "A US soldier shot 16 Afghan civilians"
// read as one noun phrase headed by "shot" (or as the subject phrase of
// "civilians"): in a sentence without a verb, a singular noun that can be
// a past tense, right after the noun it has as a compound and before the
// phrase it heads or is the subject of, is the predicate; the compound is
// its subject and the phrase after it its object.
func (s *state) repairSubjectHeadVerb(lex *nlp.Pipeline) bool {
	for k := range s.words {
		if s.verbal(k) || s.words[k].upos == syntax.AUX {
			return false
		}
	}
	for v := 1; v+1 < len(s.words); v++ {
		w := &s.words[v]
		subj := v - 1
		if w.tag != nlp.NN || !s.nominal(subj) || int(s.words[subj].head) != v || s.words[subj].rel != syntax.Compound || !s.lexAllows(lex, v, nlp.VBD) {
			continue
		}
		obj := -1
		switch r := int(w.head); {
		case r < 0: // "shot" the root, its object a child after it
			for _, k := range s.children(v) {
				if kk := int(k); kk > v && s.nominal(kk) && (s.isRel(kk, syntax.Obj) || s.isRel(kk, syntax.Nmod) && s.caseOf(kk) == "") {
					obj = kk
					break
				}
			}
		case r > v && s.words[r].head < 0 && s.nominal(r) && s.isRel(v, syntax.Nsubj): // "shot" the subject of the root noun
			obj = r
		}
		if obj < 0 {
			continue
		}
		for _, k := range s.children(v) {
			if kk := int(k); kk < subj {
				s.setArc(kk, subj, s.words[kk].rel) // "A US"
			}
		}
		s.pastPredicate(v, -1, syntax.Root, subj)
		s.setArc(obj, v, syntax.Obj)
		for _, k := range s.children(v) {
			if kk := int(k); kk > v && kk != obj && s.isRel(kk, syntax.Nmod) {
				s.setArc(kk, v, syntax.Obl) // "in Kandahar province"
			}
		}
		return true
	}
	return false
}

// repairModalAdjective mends "Israel announced it would free over 150
// Palestinian prisoners" read with "free" an adjective of "prisoners"
// carrying the modal: an adjective that takes a modal is a verb, the noun
// it modified its object, the phrase before the modal its subject, and
// the clause takes the noun's place under its head.
func (s *state) repairModalAdjective() bool {
	changed := false
	for i := range s.words {
		w := &s.words[i]
		n := int(w.head)
		if w.upos != syntax.ADJ || n <= i || w.rel != syntax.Amod || !s.nominal(n) {
			continue
		}
		m := i - 1
		if m < 0 || s.words[m].tag != nlp.MD || s.words[m].rel != syntax.Aux || int(s.words[m].head) != i && int(s.words[m].head) != n {
			continue
		}
		h, rel := int(s.words[n].head), s.words[n].rel
		if h >= 0 && s.verbal(h) && (rel == syntax.Obj || s.isRel(n, syntax.Obl)) {
			rel = syntax.Ccomp
		}
		// (the noun may have been read as the predicate, with the modal
		// and the subject its own: "said it would free 150 prisoners")
		sb := s.childExact(n, syntax.Nsubj)
		s.setArc(i, h, rel)
		s.setTag(i, nlp.VB, syntax.VERB)
		s.setArc(m, i, syntax.Aux)
		s.setArc(n, i, syntax.Obj)
		if sb >= 0 {
			s.setArc(sb, i, syntax.Nsubj)
		} else if sb = m - 1; sb >= 0 && h >= 0 && int(s.words[sb].head) == h && s.nominal(sb) && (s.words[sb].rel == syntax.Obj || s.words[sb].rel == syntax.Nsubj && sb > h) {
			s.setArc(sb, i, syntax.Nsubj) // "announced it would free": "it" is the freer
		}
		changed = true
	}
	return changed
}

// repairBetweenPair mends "Fighting between Sudanese forces and the RSF
// killed 20 people" read as "fighting between Sudanese forces" and "the
// RSF killed 20 people": "between" joins two parties, so a lone
// between-phrase followed by "and" and a clause's subject takes that
// subject as its second party, and the clause's verb is the predicate of
// the phrase the between-phrase modifies.
func (s *state) repairBetweenPair() bool {
	for b := range s.words {
		if s.caseOf(b) != "BETWEEN" || s.child(b, syntax.Conj) >= 0 {
			continue
		}
		_, end := s.subtreeSpan(b)
		if end+1 >= len(s.words) || s.words[end].key != "AND" || s.words[end].rel != syntax.Cc {
			continue
		}
		v, top := int(s.words[end].head), int(s.words[b].head)
		if v < 0 || top < 0 || s.words[v].rel != syntax.Conj || int(s.words[v].head) != top || !s.verbal(v) {
			continue
		}
		n := s.childExact(v, syntax.Nsubj)
		if n <= end || !s.nominal(n) {
			continue
		}
		if lo, _ := s.subtreeSpan(n); lo != end+1 {
			continue // the subject must follow "and" directly
		}
		s.setArc(n, b, syntax.Conj)
		s.setArc(end, n, syntax.Cc)
		s.setArc(v, int(s.words[top].head), s.words[top].rel)
		s.setArc(top, v, syntax.Nsubj)
		for _, k := range s.children(top) {
			if s.words[k].rel == syntax.Punct && int(k) > v {
				s.setArc(int(k), v, syntax.Punct)
			}
		}
		return true
	}
	return false
}

// repairEventAgent mends "Students protested against the arrest of their
// leader by police" read with "protested" a passive participle and "by
// police" its agent: a verb without a passive auxiliary whose by-phrase
// comes right after an event noun it governs ("the arrest of their
// leader", "the killing of a student") leaves the by-phrase to the noun,
// whose doer it names; the verb is then free to be the predicate.
func (s *state) repairEventAgent() bool {
	changed := false
	for v := range s.words {
		b := s.childExact(v, syntax.OblAgent)
		if b < 0 || !s.verbal(v) || s.child(v, syntax.AuxPass) >= 0 || s.caseOf(b) != "BY" {
			continue
		}
		bLo, _ := s.subtreeSpan(b)
		for _, k := range s.children(v) {
			o := int(k)
			if o > b || !s.isRel(o, syntax.Obl) && s.words[o].rel != syntax.Obj || s.eventNoun(o).code == "" {
				continue
			}
			if _, hi := s.subtreeSpan(o); hi == bLo {
				s.setArc(b, o, syntax.Nmod)
				changed = true
				break
			}
		}
	}
	return changed
}

// repairIntentNoun mends "the government plans to deploy troops" read
// with "plans" a noun (the subject "government plans") and "deploy" the
// root: a plural intention word right before "to" and the root infinitive
// is the finite verb, the infinitive its complement.
func (s *state) repairIntentNoun() bool {
	r := s.root()
	if r < 2 || s.words[r].tag != nlp.VB || s.markOf(r) != "TO" {
		return false
	}
	n := s.childExact(r, syntax.Nsubj)
	if n < 0 || n+2 != r || s.words[n].tag != nlp.NNS || !(s.wc.intent[s.words[n].lemma] || s.wc.intent[s.words[n].key]) {
		return false
	}
	s.setArc(n, -1, syntax.Root)
	s.setTag(n, nlp.VBZ, syntax.VERB)
	for _, k := range s.children(n) {
		if s.words[k].rel == syntax.Compound {
			s.setArc(int(k), n, syntax.Nsubj)
		}
	}
	s.setArc(r, n, syntax.Xcomp)
	return true
}

// repairCapsName mends an acronym written in capitals inside a sentence
// in normal case that the tagger read as a word: "seven IS members" is
// Islamic State, not "is". It becomes a name modifying the noun after it.
func (s *state) repairCapsName() bool {
	if s.doc == nil {
		return false
	}
	changed, mixed := false, -1 // mixed: unknown until a candidate needs it
	for i := 1; i+1 < len(s.words); i++ {
		w := &s.words[i]
		if w.upos != syntax.AUX && w.upos != syntax.VERB || w.end-w.start < 2 || w.end-w.start > 5 {
			continue
		}
		if text := s.doc.Text[w.start:w.end]; hasLower(text) || !hasUpper(text) {
			continue
		}
		n := i + 1
		if !s.nominal(n) || int(w.head) != n && int(s.words[n].head) != i {
			continue
		}
		if mixed < 0 {
			mixed = 0
			if s.mixedCase() {
				mixed = 1
			}
		}
		if mixed == 0 {
			return false
		}
		if int(s.words[n].head) == i {
			s.setArc(n, int(w.head), w.rel)
		}
		s.setTag(i, nlp.NNP, syntax.PROPN)
		s.setArc(i, n, syntax.Compound)
		changed = true
	}
	return changed
}

// mixedCase reports a sentence written in normal case: some word has
// lower-case letters.
func (s *state) mixedCase() bool {
	for i := range s.words {
		if hasLower(s.tokText(i)) {
			return true
		}
	}
	return false
}

// hasLower and hasUpper report a lower- or upper-case letter in t.
func hasLower(t string) bool { return strings.IndexFunc(t, unicode.IsLower) >= 0 }
func hasUpper(t string) bool { return strings.IndexFunc(t, unicode.IsUpper) >= 0 }

// repairNameList mends a name read as a list: "Secretary-General Antonio
// Guterres" with "Antonio" a list item of the title; a proper name right
// after another continues it.
func (s *state) repairNameList() bool {
	changed := false
	for i := 1; i < len(s.words); i++ {
		if s.words[i].rel == syntax.List && int(s.words[i].head) == i-1 && s.words[i].upos == syntax.PROPN && s.words[i-1].upos == syntax.PROPN {
			s.setArc(i, i-1, syntax.Flat)
			changed = true
		}
	}
	return changed
}

// repairNameSeries mends a series of three or more names read as
// separate phrases: "accused Iran, Iraq and North Korea" parsed with
// "Iraq" a parataxis of the verb and "North Korea" its apposition. Proper
// noun runs separated by commas, the last after "and" or "or", are
// conjuncts of the first, which keeps the series' place in the sentence.
func (s *state) repairNameSeries() bool {
	changed := false
	propn := func(i int) bool {
		if i < 0 || i >= len(s.words) || s.wc.months[s.words[i].key] || s.wc.timeWords[s.words[i].key] {
			return false // "In late January, Burkina Faso, Mali and Niger withdrew"
		}
		return s.words[i].upos == syntax.PROPN || s.words[i].tag == nlp.NNP || s.words[i].tag == nlp.NNPS
	}
	for c := 1; c+1 < len(s.words); c++ {
		if k := s.words[c].key; s.words[c].tag != nlp.CC || k != "AND" && k != "OR" || !propn(c+1) {
			continue
		}
		hi := c + 1
		for propn(hi + 1) {
			hi++
		}
		if hi+1 < len(s.words) && (s.nominal(hi+1) || s.words[hi+1].tag == nlp.POS) {
			continue // "Kandahar, Helmand and Kabul provinces": the names modify a noun
		}
		spans := [][2]int{{c + 1, hi}}
		commas := []int{}
		k := c - 1
		if s.words[k].key == "," {
			commas = append(commas, k)
			k--
		}
		for propn(k) {
			lo := k
			for propn(lo - 1) {
				lo--
			}
			spans = append(spans, [2]int{lo, k})
			if lo < 2 || s.words[lo-1].key != "," || !propn(lo-2) {
				break
			}
			commas = append(commas, lo-1)
			k = lo - 2
		}
		if len(spans) < 3 {
			continue
		}
		slices.Reverse(spans)
		first, last := spans[0][0], spans[len(spans)-1][1]
		// each name's head: its one word hung outside it
		heads := make([]int, len(spans))
		ok := true
		for j, sp := range spans {
			heads[j] = -1
			for i := sp[0]; i <= sp[1] && ok; i++ {
				if h := int(s.words[i].head); h < sp[0] || h > sp[1] {
					ok = heads[j] < 0
					heads[j] = i
				}
			}
			ok = ok && heads[j] >= 0
		}
		if !ok {
			continue
		}
		fine := true
		for _, h := range heads[1:] {
			fine = fine && s.words[h].rel == syntax.Conj && int(s.words[h].head) == heads[0]
		}
		if fine {
			continue
		}
		// the series hangs where its first name, or else the first name
		// hung outside it, hangs
		out := -1
		for _, h := range heads {
			if p := int(s.words[h].head); p < first || p > last {
				out = h
				break
			}
		}
		if out < 0 {
			continue
		}
		h0 := heads[0]
		s.setArc(h0, int(s.words[out].head), s.words[out].rel)
		for _, h := range heads[1:] {
			s.setArc(h, h0, syntax.Conj)
		}
		for _, m := range commas {
			// a comma belongs to the conjunct after it
			for j, sp := range spans {
				if sp[0] > m {
					s.setArc(m, heads[j], syntax.Punct)
					break
				}
			}
		}
		s.setArc(c, heads[len(heads)-1], syntax.Cc)
		changed = true
		c = last
	}
	return changed
}

// repairHyphenParticiple mends "opened fire on stone-throwing youths" read
// with "stone-throwing" a verb of its own, "on" its marker and "youths"
// its object (or its sibling): a hyphenated -ing word carrying a
// preposition, right before a noun phrase, modifies that noun, which
// takes its place.
func (s *state) repairHyphenParticiple() bool {
	changed := false
	for i := 0; i+1 < len(s.words); i++ {
		w := &s.words[i]
		if w.upos != syntax.VERB || !strings.Contains(w.key, "-") || !strings.HasSuffix(w.key, "ING") || w.head < 0 {
			continue
		}
		o := s.childExact(i, syntax.Obj)
		if o < 0 {
			// or the noun read as a sibling: "fired on rock-throwing
			// protesters" with both hung on "fired"
			for _, k := range s.children(int(w.head)) {
				if kk := int(k); kk > i && s.nominal(kk) && s.childExact(kk, syntax.Case) < 0 {
					if lo, _ := s.subtreeSpan(kk); lo == i+1 {
						o = kk
					}
				}
			}
		}
		cs := s.childExact(i, syntax.Case)
		if o < 0 || cs < 0 || cs > i || !s.nominal(o) {
			continue
		}
		if lo, _ := s.subtreeSpan(o); lo != i+1 {
			continue
		}
		rel := syntax.Obl
		if s.nominal(int(w.head)) {
			rel = syntax.Nmod
		}
		s.setArc(o, int(w.head), rel)
		for _, k := range s.children(i) {
			if kk := int(k); kk != o {
				s.setArc(kk, o, s.words[kk].rel) // "on", and "in Hebron"
			}
		}
		s.setArc(i, o, syntax.Amod)
		s.setTag(i, nlp.JJ, syntax.ADJ)
		changed = true
	}
	return changed
}

// repairAccordingTo mends "killing at least four people, according to
// local rights groups" read with the groups a conjunct (or modifier) of
// the victims: an according-to phrase names who tells, never a party to
// what is told, so it hangs on the clause's verb.
func (s *state) repairAccordingTo() bool {
	changed := false
	for a := 0; a+1 < len(s.words); a++ {
		if s.words[a].key != "ACCORDING" || s.words[a+1].key != "TO" {
			continue
		}
		n := int(s.words[a].head)
		if n > a+1 && s.nominal(n) {
			// (the phrase's head, when "according" hangs on a modifier:
			// "according to rights groups" on "rights")
			if h := s.phraseAfter(a + 1); h > n {
				n = h
			}
		}
		if n < 0 || n <= a || !s.nominal(n) || s.isRel(n, syntax.Obl) && s.verbal(int(s.words[n].head)) {
			continue
		}
		v := int(s.words[n].head)
		for v >= 0 && !s.verbal(v) {
			v = int(s.words[v].head)
		}
		if v < 0 {
			continue
		}
		s.setArc(n, v, syntax.Obl)
		changed = true
	}
	return changed
}

// repairTitleApart mends "Opposition candidate Venancio Mondlane rejected
// the results" read with the title an oblique (or a second subject) of
// the verb and the name its subject: a noun phrase with no preposition
// right before the subject's name is that name's title.
func (s *state) repairTitleApart() bool {
	changed := false
	for t := 0; t+1 < len(s.words); t++ {
		w := &s.words[t]
		v := int(w.head)
		if w.upos != syntax.NOUN || v <= t+1 || !s.verbal(v) || s.caseOf(t) != "" {
			continue
		}
		switch w.rel {
		case syntax.Obl, syntax.Nsubj, syntax.Dep, syntax.OblUnmarked:
		default:
			continue
		}
		p := s.childExact(v, syntax.Nsubj)
		if p == t || p < 0 {
			p = -1
			for _, k := range s.children(v) {
				if kk := int(k); kk > t && s.isRel(kk, syntax.Nsubj) {
					p = kk
					break
				}
			}
		}
		if p < 0 || s.words[p].upos != syntax.PROPN {
			continue
		}
		if lo, _ := s.subtreeSpan(p); lo != t+1 {
			continue
		}
		if _, hi := s.subtreeSpan(t); hi != t+1 {
			continue
		}
		s.setArc(t, p, syntax.Compound)
		changed = true
	}
	return changed
}

// repairAgentSubject mends "A roadside bomb planted by Taliban fighters
// exploded" read with "by Taliban fighters" a subject of "exploded": a
// by-phrase right after a participle modifying the subject is that
// participle's agent.
func (s *state) repairAgentSubject() bool {
	changed := false
	for n := 1; n < len(s.words); n++ {
		v := int(s.words[n].head)
		if !s.isRel(n, syntax.Nsubj) || v <= n || !s.verbal(v) || s.caseOf(n) != "BY" {
			continue
		}
		lo, _ := s.subtreeSpan(n)
		p := lo - 1
		if p < 1 || s.words[p].tag != nlp.VBN || s.words[p].rel != syntax.Acl || !s.nominal(int(s.words[p].head)) {
			continue
		}
		s.setArc(n, p, syntax.OblAgent)
		changed = true
	}
	return changed
}

// repairAgentPredicate mends "A car bomb planted by al-Shabaab militants
// exploded near a police station" read (or repaired) with the participle
// the predicate and "exploded" a modifier of the agent: a past form
// opening its own phrase right after a root participle's by-phrase is the
// predicate, the participle a modifier of the subject.
func (s *state) repairAgentPredicate() bool {
	p := s.root()
	// (an earlier repair may have made it a past tense)
	if p < 1 || s.words[p].tag != nlp.VBN && s.words[p].tag != nlp.VBD || s.child(p, syntax.Aux) >= 0 {
		return false
	}
	n := s.childExact(p, syntax.Nsubj)
	if n < 0 || n > p || !s.nominal(n) {
		return false
	}
	for _, k := range s.children(p) {
		a := int(k)
		if a < p || !s.isRel(a, syntax.Obl) || s.caseOf(a) != "BY" {
			continue
		}
		for _, k2 := range s.children(a) {
			e := int(k2)
			if e < a || s.words[e].rel != syntax.Acl || !pastForm(&s.words[e]) || s.childExact(e, syntax.Obj) >= 0 {
				continue
			}
			if lo, _ := s.subtreeSpan(e); lo != e {
				continue // the predicate opens its own phrase
			}
			s.setArc(e, -1, syntax.Root)
			s.setTag(e, nlp.VBD, syntax.VERB)
			for _, k3 := range s.children(p) {
				if x := int(k3); x != a && x != n && x > e {
					s.setArc(x, e, s.words[x].rel)
				}
			}
			s.setArc(n, e, syntax.Nsubj)
			s.setArc(p, n, syntax.Acl)
			s.setTag(p, nlp.VBN, syntax.VERB)
			s.setArc(a, p, syntax.OblAgent)
			return true
		}
	}
	return false
}

// repairTailRelative mends "Myanmar's junta freed 9,000 prisoners in an
// amnesty, state media reported" read with "reported" a reduced relative
// of "state media", an oblique of the main verb: a speech verb ending the
// sentence, modifying the noun phrase a comma opens, is a reporting tail
// with that phrase its speaker.
func (s *state) repairTailRelative() bool {
	r := s.root()
	last := len(s.words) - 1
	for last > 0 && s.words[last].upos == syntax.PUNCT {
		last--
	}
	v := last
	if r < 0 || v <= r || s.words[v].rel != syntax.Acl || !s.speechWord(v) || len(s.children(v)) > 0 {
		return false
	}
	n := int(s.words[v].head)
	if n < 0 || n >= v || !s.nominal(n) {
		return false
	}
	lo, _ := s.subtreeSpan(n)
	if lo < 1 || s.words[lo].key != "," && s.words[lo-1].key != "," {
		return false
	}
	h := int(s.words[n].head)
	if h != r && !s.ancestorOf(r, h) {
		return false
	}
	s.pastPredicate(v, r, syntax.Parataxis, n)
	return true
}

// repairSwallowedObject mends "Ugandan rebels killed at least 45 villagers
// in northeastern Congo, a UN official said" read with the victims an
// unmarked oblique of "said": a noun phrase right after a verb with no
// object, hung on the reporting tail that follows, is the verb's object.
func (s *state) repairSwallowedObject() bool {
	v := s.root()
	if v < 0 || !s.verbal(v) || s.childExact(v, syntax.Obj) >= 0 || s.child(v, syntax.AuxPass) >= 0 {
		return false
	}
	for _, k := range s.children(v) {
		r := int(k)
		if r < v || s.words[r].rel != syntax.Ccomp && s.words[r].rel != syntax.Parataxis || !s.speechWord(r) {
			continue
		}
		sp := s.childExact(r, syntax.Nsubj)
		if sp < 0 || sp > r {
			continue
		}
		for _, k2 := range s.children(r) {
			o := int(k2)
			if o > sp || !s.nominal(o) || s.caseOf(o) != "" {
				continue
			}
			if rel := s.words[o].rel; rel != syntax.OblUnmarked && rel != syntax.Obj && rel != syntax.Dep && rel != syntax.Obl {
				continue
			}
			if lo, _ := s.subtreeSpan(o); lo != v+1 {
				continue
			}
			s.setArc(o, v, syntax.Obj)
			s.setArc(r, v, syntax.Parataxis)
			return true
		}
	}
	return false
}

// repairDoubleSubject mends "The United States and China held talks"
// parsed with two subjects of "held" and the "and" hung on the verb: the
// second is a conjunct of the first.
func (s *state) repairDoubleSubject() bool {
	changed := false
	for v := range s.words {
		var subj []int
		cc := -1
		for _, k := range s.children(v) {
			switch s.words[k].rel {
			case syntax.Nsubj, syntax.NsubjPass:
				subj = append(subj, int(k))
			case syntax.Cc:
				cc = int(k)
			}
		}
		if len(subj) == 2 && cc < 0 {
			// "Russia and North Korea signed": the "and" hung inside the
			// second subject's phrase
			for k := subj[0] + 1; k < subj[1]; k++ {
				if s.words[k].rel == syntax.Cc && s.ancestorOf(subj[1], k) {
					cc = k
					break
				}
			}
		}
		if len(subj) == 2 && cc < 0 {
			// "Russian President Dmitry Medvedev and US President Barack
			// Obama signed" read with "and US" a conjunct inside the first
			// subject: the conjunct opens the second subject's phrase
			lo2, _ := s.subtreeSpan(subj[1])
			for k := subj[0] + 1; k < lo2; k++ {
				c := s.childExact(k, syntax.Cc)
				if s.words[k].rel != syntax.Conj || c < 0 || !s.ancestorOf(subj[0], k) {
					continue
				}
				if _, hi := s.subtreeSpan(k); hi == lo2 && s.words[k].upos == syntax.PROPN {
					s.setArc(k, subj[1], syntax.Compound)
					s.setArc(c, subj[1], syntax.Cc)
					cc = c
				}
				break
			}
		}
		if len(subj) > 2 && cc > subj[0] && cc < subj[1] && subj[len(subj)-1] < v {
			// "Sudan's army and the paramilitary Rapid Support Forces
			// clashed" read with three subjects: the words between the
			// "and" and the last subject modify it
			last := subj[len(subj)-1]
			for _, m := range subj[1 : len(subj)-1] {
				s.setArc(m, last, npRel(s.words[m].tag))
				if d := s.childExact(m, syntax.Det); d >= 0 {
					s.setArc(d, last, syntax.Det)
				}
			}
			subj = []int{subj[0], last}
		}
		if len(subj) != 2 || cc < subj[0] || cc > subj[1] || cc > v {
			continue
		}
		s.setArc(subj[1], subj[0], syntax.Conj)
		s.setArc(cc, subj[1], syntax.Cc)
		changed = true
	}
	return changed
}

// repairTitleSubject mends "chief minister devendra fadnavis appealed to
// people" (lower-case text) read with the title a passive subject and the
// name the subject: two subjects of one verb, the first a common noun
// right before the second, a name, with no "and" between, are one phrase,
// the title a compound of the name.
func (s *state) repairTitleSubject() bool {
	for v := range s.words {
		t, n := -1, -1
		for _, k := range s.children(v) {
			switch s.words[k].rel {
			case syntax.Nsubj, syntax.NsubjPass:
				if t < 0 {
					t = int(k)
				} else if n < 0 {
					n = int(k)
				}
			}
		}
		// (a singular title read as the passive subject of an active
		// verb, the name right after it)
		if t < 0 || n < 0 || n > v || s.words[t].tag != nlp.NN || s.words[t].rel != syntax.NsubjPass || s.words[n].upos != syntax.PROPN ||
			s.child(v, syntax.AuxPass) >= 0 || s.childExact(n, syntax.Det) >= 0 {
			continue
		}
		_, end := s.subtreeSpan(t)
		if lo, _ := s.subtreeSpan(n); end != lo {
			continue
		}
		s.setArc(t, n, syntax.Compound)
		s.setArc(n, v, syntax.Nsubj)
		return true
	}
	return false
}

// repairPrepositionClause mends "appealed to people to maintain peace"
// read with "to" a clausal complement whose object is "people": a
// preposition heads no clause, so its noun is the verb's oblique and the
// preposition its case.
func (s *state) repairPrepositionClause() bool {
	for p := range s.words {
		w := &s.words[p]
		if w.upos != syntax.ADP && w.upos != syntax.SCONJ || w.tag != nlp.IN && w.tag != nlp.TO {
			continue
		}
		switch w.rel {
		case syntax.Xcomp, syntax.Ccomp, syntax.Advcl:
		default:
			continue
		}
		v := int(w.head)
		if v < 0 || v > p || !s.verbal(v) {
			continue
		}
		o := s.childExact(p, syntax.Obj)
		if o < 0 || o != p+1 && s.words[p+1].rel != syntax.Det || !s.nominal(o) {
			continue
		}
		s.setArc(o, v, syntax.Obl)
		s.setArc(p, o, syntax.Case)
		for _, k := range s.children(p) {
			if int(k) != o {
				s.setArc(int(k), o, s.words[k].rel)
			}
		}
		return true
	}
	return false
}

// repairInstrumentPurpose mends "Myanmar military forces used a drone to
// drop chemical weapons on a village" read with "to drop" a modifier of
// "drone": after a verb of using (instrument-verbs.txt), the infinitive
// of the object is what the instrument was used for, the verb's purpose
// clause, done by its subject.
func (s *state) repairInstrumentPurpose() bool {
	for x := range s.words {
		w := &s.words[x]
		if w.rel != syntax.Acl || w.tag != nlp.VB || s.markOf(x) != "TO" {
			continue
		}
		o := int(w.head)
		if o < 0 || o > x || s.words[o].rel != syntax.Obj {
			continue
		}
		v := int(s.words[o].head)
		if v < 0 || !s.wc.instrumental[s.words[v].lemma] {
			continue
		}
		s.setArc(x, v, syntax.Advcl)
		return true
	}
	return false
}

// repairReportTail mends "NP V-ed NP ..., officials said" read as one noun
// phrase subject of "said": the subject carries the past form as a reduced
// relative with an object of its own, and the speakers sink into its
// phrase. A participle with a direct object and no auxiliary, whose past
// tense is written the same, is the finite predicate; the speech verb is
// its parataxis, with the noun right before it as speaker. The same tail
// may instead take the predicate's object as the speech verb's subject.
func (s *state) repairReportTail() bool {
	r := s.root()
	if r < 0 || !s.speechWord(r) {
		return false
	}
	n := s.childExact(r, syntax.Nsubj)
	if n < 0 || n > r || !s.nominal(n) {
		return false
	}
	// "forces shot down 30 drones overnight, the air force said" parsed
	// with three subjects of "said": the first carries the predicate as a
	// modifier, the middle one is its object
	var subj []int
	for _, k := range s.children(r) {
		if s.words[k].rel == syntax.Nsubj && int(k) < r {
			subj = append(subj, int(k))
		}
	}
	if len(subj) >= 3 {
		first, obj, speaker := subj[0], subj[1], subj[len(subj)-1]
		for _, k := range s.children(first) {
			i := int(k)
			if (s.words[i].rel == syntax.Acl || s.words[i].rel == syntax.Amod) && i < obj && pastForm(&s.words[i]) && s.child(i, syntax.Aux) < 0 {
				s.tailPredicate(i, first, obj, r)
				for _, k2 := range s.children(r) {
					if j := int(k2); j > obj && j < speaker && s.words[j].rel != syntax.Nsubj {
						s.setArc(j, i, s.words[j].rel)
					}
				}
				return true
			}
		}
	}
	// "rebels attacked peacekeepers ..., officials said" with the
	// predicate a clause of "said" and its object taken as the speaker
	for _, k := range s.children(r) {
		c := int(k)
		if c > n || !s.verbal(c) || !finite(s.words[c].tag) || s.childExact(c, syntax.Obj) >= 0 || s.child(c, syntax.Nsubj) < 0 {
			continue
		}
		switch s.words[c].rel {
		case syntax.Advcl, syntax.Ccomp, syntax.Parataxis, syntax.Conj:
		default:
			continue
		}
		if lo, _ := s.subtreeSpan(n); lo != c+1 {
			continue
		}
		s.setArc(c, -1, syntax.Root)
		s.setArc(r, c, syntax.Parataxis)
		s.setArc(n, c, syntax.Obj)
		if q := r - 1; s.nominal(q) && s.ancestorOf(n, q) {
			s.setArc(q, r, syntax.Nsubj)
		}
		return true
	}
	for _, k := range s.children(n) {
		i := int(k)
		w := &s.words[i]
		bare := -1 // (an object read as an unmarked oblique: "police arrested opposition leader Tundu Lissu")
		if w.rel == syntax.Acl && i > n && s.childExact(i, syntax.Obj) < 0 && pastTense(w) && s.child(i, syntax.Aux) < 0 && s.childExact(i, syntax.OblAgent) < 0 {
			for _, k2 := range s.children(i) {
				if o := int(k2); s.isRel(o, syntax.Obl) && s.caseOf(o) == "" && s.nominal(o) {
					if lo, _ := s.subtreeSpan(o); lo == i+1 {
						bare = o
					}
				}
			}
		}
		hung := false
		if w.rel == syntax.Acl && i > n && bare < 0 && len(s.children(i)) == 0 && pastTense(w) && s.verbal(i) {
			// (or hung on the speech verb: "Police on Monday detained over
			// 50 students of the university ..., police said")
			for _, k2 := range s.children(r) {
				if o := int(k2); o > i && o < r && s.nominal(o) && s.caseOf(o) == "" && s.words[o].rel != syntax.Nsubj {
					if lo, _ := s.subtreeSpan(o); lo == i+1 {
						bare, hung = o, true
					}
				}
			}
		}
		if w.rel != syntax.Acl || i < n || !s.predicateParticiple(i) && bare < 0 {
			continue
		}
		_, hi := s.subtreeSpan(i)
		if hung {
			_, hi = s.subtreeSpan(bare)
		}
		for hi < r && s.words[hi].key == "," && (int(s.words[hi].head) == n || int(s.words[hi].head) == r) {
			hi++ // "..., residents said": the comma hung on the subject or the speech verb
		}
		adjunct := -1
		if hi != r && hi != s.speakerStart(r, n) {
			// (or up to a participle hung on the speech verb that swallowed
			// the speakers: "opened fire on protesters, killing at least
			// 12 people, activists said")
			for _, k2 := range s.children(r) {
				if a := int(k2); s.words[a].rel == syntax.Advcl && s.words[a].tag == nlp.VBG {
					if lo, ahi := s.subtreeSpan(a); lo == hi && ahi == r && s.nominal(r-1) {
						adjunct = a
					}
				}
			}
			if adjunct < 0 {
				continue // the clause must run up to the speech verb, or its speaker
			}
		}
		if adjunct >= 0 {
			s.setArc(adjunct, i, syntax.Advcl)
		}
		s.tailPredicate(i, n, bare, r)
		if q := r - 1; s.nominal(q) && s.ancestorOf(i, q) {
			s.setArc(q, r, syntax.Nsubj)
		}
		return true
	}
	// "Israeli troops shot dead two militants ..., military sources said"
	// read with "troops" a clausal complement of "said" and "shot dead" a
	// modifier of "militants", made a subject of "said": a past tense
	// right after a noun phrase the speech verb holds, modifying the next
	// subject, is the predicate between them
	cands := append(append([]int16(nil), s.children(r)...), s.children(n)...)
	for _, k := range cands {
		c := int(k)
		// (the noun phrase hung on the speech verb as a complement, or on
		// the victims as their subject)
		if c > n || !s.nominal(c) || !(int(s.words[c].head) == r && s.words[c].rel == syntax.Ccomp || int(s.words[c].head) == n && s.isRel(c, syntax.Nsubj)) {
			continue
		}
		_, hi := s.subtreeSpan(c)
		if hi >= n || !s.ancestorOf(n, hi) || s.words[hi].rel != syntax.Amod && s.words[hi].rel != syntax.Acl || int(s.words[hi].head) != n || !pastForm(&s.words[hi]) {
			continue
		}
		s.tailPredicate(hi, c, n, r)
		return true
	}
	// "Zimbabwean police arrested opposition leader Morgan Tsvangirai on
	// Monday, his party said" read with "police" the complement of
	// "said" carrying "arrested" as a reduced relative: a past tense with
	// no agent, running up to the tail, is the predicate and the noun its
	// subject (an unmarked oblique right after it is its object)
	for _, k := range s.children(r) {
		c := int(k)
		if c > n || s.words[c].rel != syntax.Ccomp || !s.nominal(c) {
			continue
		}
		for _, k2 := range s.children(c) {
			i := int(k2)
			if i < c || s.words[i].rel != syntax.Acl || !pastTense(&s.words[i]) || s.child(i, syntax.Aux) >= 0 || s.childExact(i, syntax.OblAgent) >= 0 {
				continue
			}
			_, hi := s.subtreeSpan(i)
			for hi < r && s.words[hi].key == "," {
				hi++
			}
			if hi != r && hi != s.speakerStart(r, -1) {
				continue
			}
			s.tailPredicate(i, c, -1, r)
			for _, k3 := range s.children(i) {
				if o := int(k3); o > i && s.isRel(o, syntax.Obl) && s.caseOf(o) == "" && s.nominal(o) && s.childExact(i, syntax.Obj) < 0 {
					s.setArc(o, i, syntax.Obj) // "arrested opposition leader Morgan Tsvangirai"
					break
				}
			}
			return true
		}
	}
	// "The Sudanese army bombed villages in South Darfur, rebels said"
	// read with "villages" the complement of "said", carrying the army as
	// its subject and "bombed" as a modifier: the past tense between them
	// is the predicate
	for _, k := range s.children(r) {
		c := int(k)
		if c > n || s.words[c].rel != syntax.Ccomp || !s.nominal(c) {
			continue
		}
		sb := s.childExact(c, syntax.Nsubj)
		if sb < 0 || sb > c {
			continue
		}
		_, shi := s.subtreeSpan(sb)
		if shi >= c || int(s.words[shi].head) != c || s.words[shi].rel != syntax.Amod && s.words[shi].rel != syntax.Acl || !pastForm(&s.words[shi]) {
			continue
		}
		s.tailPredicate(shi, sb, c, r)
		return true
	}
	// "Uzbek troops opened fire on protesters, killing hundreds, witnesses
	// said" read with "troops opened fire" one noun phrase headed by
	// "fire": a past tense modifying the subject's head, after a noun the
	// head also carries, is the predicate; the noun before it its subject,
	// the head its object
	for _, k := range s.children(n) {
		i := int(k)
		if s.words[i].rel != syntax.Amod || i > n || !pastForm(&s.words[i]) || !pastTense(&s.words[i]) {
			continue
		}
		subj := -1
		for _, k2 := range s.children(n) {
			if c := int(k2); c < i && s.nominal(c) && s.words[c].rel == syntax.Compound {
				subj = c
			}
		}
		if subj < 0 {
			continue
		}
		s.tailPredicate(i, subj, n, r)
		for _, k2 := range s.children(n) {
			if c := int(k2); c < subj {
				s.setArc(c, subj, s.words[c].rel)
			} else if c > n && s.isRel(c, syntax.Nmod) {
				s.setArc(c, i, syntax.Obl) // "on protesters"
			}
		}
		for _, k2 := range s.children(r) {
			if c := int(k2); c > n && c < r && s.words[c].rel != syntax.Nsubj && s.words[c].rel != syntax.Punct {
				s.setArc(c, i, s.words[c].rel) // ", killing hundreds"
			}
		}
		s.indexTree()
		s.tailSpeakerConj(r)
		return true
	}
	return false
}

// tailPredicate makes word i, a past form, the finite predicate of a
// sentence its reporting tail's speech verb r follows: subj its subject,
// obj (when not -1) its object, r its parataxis.
func (s *state) tailPredicate(i, subj, obj, r int) {
	s.pastPredicate(i, -1, syntax.Root, subj)
	if obj >= 0 {
		s.setArc(obj, i, syntax.Obj)
	}
	s.setArc(r, i, syntax.Parataxis)
}

// repairTailAdjuncts mends "Gang members overran the town, freeing 500
// inmates and setting police vehicles on fire, officials said" read with
// the participles hung on "said": a speech verb joined to an earlier
// predicate, with its subject after them, reports that predicate; the
// participles before its subject are the predicate's.
func (s *state) repairTailAdjuncts() bool {
	changed := false
	for t := range s.words {
		w := &s.words[t]
		h := int(w.head)
		if h < 0 || h > t || w.rel != syntax.Conj && w.rel != syntax.Parataxis || !s.verbal(h) || !(s.wc.speech[w.lemma] || s.wc.speech[w.key]) {
			continue
		}
		n := s.childExact(t, syntax.Nsubj)
		if n < 0 || n > t || n < h || s.childExact(t, syntax.Obj) >= 0 || s.childExact(t, syntax.Ccomp) >= 0 {
			continue
		}
		for _, k := range s.children(t) {
			c := int(k)
			if c > h && c < n && s.words[c].rel == syntax.Advcl && s.verbal(c) && (s.words[c].tag == nlp.VBG || s.words[c].tag == nlp.VBN) {
				s.setArc(c, h, syntax.Advcl)
				changed = true
			}
		}
		if changed {
			s.setArc(t, h, syntax.Parataxis)
			return true
		}
	}
	return false
}

// repairTailSpeakerConj mends "North Korea test-fired missiles on
// Thursday, South Korea's Joint Chiefs of Staff said" read with the
// speakers a conjunct of a phrase inside what is said: a speech verb
// ending the sentence with no subject takes the noun phrase between the
// comma and itself as its subject.
func (s *state) repairTailSpeakerConj() bool {
	r := s.root()
	if r < 1 || !s.verbal(r) || !s.speechWord(r) || s.child(r, syntax.Nsubj) >= 0 {
		return false
	}
	return s.tailSpeakerConj(r)
}

// tailSpeakerConj gives the speech verb r, ending the sentence, the noun
// phrase between a comma and itself as subject when the parse made it a
// conjunct of a phrase inside what is said.
func (s *state) tailSpeakerConj(r int) bool {
	for n := r - 1; n >= 0 && n >= r-12; n-- {
		if s.words[n].rel != syntax.Conj || !s.nominal(n) {
			continue
		}
		lo, hi := s.subtreeSpan(n)
		if hi != r || lo < 2 || s.words[lo-1].key != "," && s.words[lo].key != "," {
			continue
		}
		s.setArc(n, r, syntax.Nsubj)
		if s.words[lo].key == "," {
			s.setArc(lo, r, syntax.Punct)
		}
		return true
	}
	return false
}

// repairAppositiveSubject mends "The U.S. ambassador, Ronald Johnson,
// praised Mexico's cooperation" and "The U.N. human rights chief, Volker
// Türk, condemned the strike", which the parser reads with the verb a
// modifier or conjunct: a sentence opening with a noun phrase, a name
// between commas and a past tense has that verb as its predicate, the
// noun phrase as subject and the name as its apposition.
func (s *state) repairAppositiveSubject(lex *nlp.Pipeline) bool {
	a := -1
	for k := 1; k < len(s.words) && k <= 8; k++ {
		if s.words[k].key == "," {
			a = k
			break
		}
		if t := s.words[k].tag; finite(t) || t == nlp.IN && s.words[k].key != "OF" || t == nlp.CC || t == nlp.PRP {
			return false
		}
	}
	if a < 2 {
		return false
	}
	c := -1
	for k := a + 1; k < len(s.words) && k <= a+5; k++ {
		if s.words[k].key == "," {
			c = k
			break
		}
		if s.words[k].tag != nlp.NNP || !hasUpper(s.words[k].key[:1]) {
			return false
		}
	}
	v := c + 1
	if c < a+2 || v >= len(s.words) {
		return false
	}
	if t := s.words[v].tag; t != nlp.VBD && t != nlp.VBN && t != nlp.VBZ {
		if ts, _ := lex.LexiconTags(s.toks[v].Text); !ts.Has(nlp.VBD) && !ts.Has(nlp.VBZ) {
			return false
		}
	}
	h := a - 1 // the subject's head noun
	if t := s.words[h].tag; t != nlp.NN && t != nlp.NNS && t != nlp.NNP && t != nlp.NNPS && t != nlp.JJ {
		return false
	}
	top := func(lo, hi int) int { // the word of [lo, hi) whose head lies outside, the last such
		x := -1
		for k := lo; k < hi; k++ {
			if p := int(s.words[k].head); p < lo || p >= hi {
				x = k
			}
		}
		return x
	}
	n := top(a+1, c)
	if int(s.words[h].head) == v && s.words[h].rel == syntax.Nsubj && int(s.words[n].head) == h {
		return false // read right
	}
	r := s.root()
	if r != v {
		switch {
		case r > v && s.nominal(r):
			// "praised Mexico's cooperation": the old root is the object
		case r < c:
			// "chief" or the name read as the root
		default:
			return false
		}
		s.setArc(v, -1, syntax.Root)
		for k := range s.words {
			if k != v && int(s.words[k].head) == r && k > v {
				s.setArc(k, v, s.words[k].rel)
			}
		}
		if r > v {
			for k := range s.words {
				if int(s.words[k].head) == r && k < a {
					s.setArc(k, h, syntax.Compound)
				}
			}
			s.setArc(r, v, syntax.Obj)
		}
	}
	s.setTag(v, nlp.VBD, syntax.VERB)
	if s.words[h].upos == syntax.ADJ {
		s.setTag(h, nlp.NN, syntax.NOUN) // "chief"
	}
	s.setArc(h, v, syntax.Nsubj)
	for k := 0; k < a; k++ {
		if p := int(s.words[k].head); k != h && (p < 0 || p >= a) {
			s.setArc(k, h, npRel(s.words[k].tag))
		}
	}
	s.setArc(n, h, syntax.Appos)
	for k := a + 1; k < c; k++ {
		if k != n && (int(s.words[k].head) <= a || int(s.words[k].head) >= c) {
			s.setArc(k, n, syntax.Flat)
		}
	}
	s.setArc(a, n, syntax.Punct)
	s.setArc(c, n, syntax.Punct)
	return true
}

// repairAffiliationVerb mends "Saudi-led coalition warplanes bombed
// Houthi positions" read with "Saudi-led" a verb whose object is
// "warplanes": a hyphenated affiliation adjective (its last part in
// affiliation-participles.txt) modifies the noun it was given as object,
// which takes its place; the predicate repairs then see a plain subject.
func (s *state) repairAffiliationVerb() bool {
	for i := range s.words {
		w := &s.words[i]
		dash := strings.LastIndexByte(w.key, '-')
		if dash <= 0 || !s.wc.affilParts[w.key[dash+1:]] {
			continue
		}
		if w.rel == syntax.Case && int(w.head) == i+1 && s.nominal(i+1) {
			// "blamed Pakistan-based militants for an attack" read with
			// "Pakistan-based" a preposition: it modifies the noun, which
			// without a preposition is the verb's object
			n := i + 1
			s.setArc(i, n, syntax.Amod)
			s.setTag(i, nlp.JJ, syntax.ADJ)
			if v := int(s.words[n].head); v >= 0 && s.verbal(v) && s.isRel(n, syntax.Obl) && s.caseOf(n) == "" && s.childExact(v, syntax.Obj) < 0 {
				s.setArc(n, v, syntax.Obj)
			}
			return true
		}
		if w.upos != syntax.VERB {
			continue
		}
		o := s.childExact(i, syntax.Obj)
		if o <= i {
			continue
		}
		s.setArc(o, int(w.head), w.rel)
		s.setArc(i, o, syntax.Amod)
		s.setTag(i, nlp.JJ, syntax.ADJ)
		for _, k := range s.children(i) {
			if int(k) > i && int(k) != o {
				s.setArc(int(k), o, s.words[k].rel)
			}
		}
		return true
	}
	return false
}

// repairBareConj mends "Pakistan Prime Minister Shehbaz Sharif condemned"
// read as "Pakistan" coordinated with the minister's name: a conjunct
// with no conjunction or comma, right after the proper noun it hangs on
// (or after that noun's own coordination: "Jammu and Kashmir Chief
// Minister Omar Abdullah"), is the head of one phrase that noun modifies.
func (s *state) repairBareConj() bool {
	changed := false
	for c := range s.words {
		w := &s.words[c]
		h := int(w.head)
		if w.rel != syntax.Conj || h < 0 || h >= c || !s.nominal(c) || s.words[h].tag != nlp.NNP && s.words[h].tag != nlp.NNPS {
			continue
		}
		if s.childExact(c, syntax.Cc) >= 0 || s.childExact(c, syntax.Punct) >= 0 {
			continue
		}
		// right after the noun, or after its own coordination ("Jammu and
		// Kashmir Deputy Chief Minister Surinder Choudhary accused")
		lo, _ := s.subtreeSpan(c)
		if lo <= h {
			continue
		}
		after := true
		for k := h + 1; k < lo; k++ {
			after = after && s.ancestorOf(h, k) && s.words[k].upos != syntax.PUNCT // (not a list: "Warsaw, and NATO Secretary-General Mark Rutte")
		}
		if !after || lo > h+1 && (s.words[lo-1].upos != syntax.PROPN || demonym(s.words[lo-1].key)) {
			continue // ("Erdogan and Russian President Vladimir Putin": the nationality opens the second name)
		}
		s.setArc(c, int(s.words[h].head), s.words[h].rel)
		for _, k := range s.children(h) {
			if int(k) != c {
				s.setArc(int(k), c, s.words[k].rel)
			}
		}
		s.setArc(h, c, syntax.Compound)
		s.indexTree() // (the next conjunct may hang on the new head: "... Chief Minister Omar Abdullah")
		changed = true
	}
	return changed
}

// repairHeadlineVerb mends "Police arrest opposition leader in Dhaka"
// and "RSF shells El Fasher" read as one noun phrase: in a headline (no
// closing punctuation) without a verb, a word of the root's phrase that
// the lexicon allows as a present tense, right after a noun, is the
// predicate; the noun before it is the subject, the root its object.
func (s *state) repairHeadlineVerb(lex *nlp.Pipeline) bool {
	r := s.root()
	if r < 2 || !s.nominal(r) || s.doc == nil || len(s.toks) == 0 {
		return false
	}
	switch s.toks[len(s.toks)-1].Text {
	case ".", "!", "?", "\"", "\u201d", ")":
		return false
	}
	for k := range s.words {
		if s.verbal(k) || s.words[k].upos == syntax.AUX {
			return false
		}
	}
	if o := s.childExact(r, syntax.Obj); o > r && s.nominal(r-1) && int(s.words[r-1].head) == r {
		// "RSF shells El Fasher": the root itself, with an object, was
		// read as a noun
		w := &s.words[r]
		if ts, top := lex.LexiconTags(s.doc.Text[w.start:w.end]); top != nlp.NNP && (ts.Has(nlp.VBZ) && strings.HasSuffix(w.key, "S") || ts.Has(nlp.VBP)) {
			tag := nlp.VBP
			if strings.HasSuffix(w.key, "S") {
				tag = nlp.VBZ
			}
			s.setTag(r, tag, syntax.VERB)
			s.setArc(r-1, r, syntax.Nsubj)
			return true
		}
	}
	for v := 1; v < r; v++ {
		w := &s.words[v]
		if !s.ancestorOf(r, v) || !s.nominal(v-1) || w.upos == syntax.PROPN && hasLower(s.doc.Text[w.start:w.end]) && !hasLower(s.doc.Text[w.start:w.start+1]) && s.mixedCase() {
			continue
		}
		ts, top := lex.LexiconTags(s.doc.Text[w.start:w.end])
		tag := nlp.VBP
		if strings.HasSuffix(w.key, "S") && ts.Has(nlp.VBZ) {
			tag = nlp.VBZ
		} else if !ts.Has(nlp.VBP) && !ts.Has(nlp.VB) || top == nlp.NNP {
			continue
		}
		subj := v - 1
		s.setArc(v, -1, syntax.Root)
		s.setTag(v, tag, syntax.VERB)
		s.setArc(subj, v, syntax.Nsubj)
		for k := 0; k < subj; k++ {
			if h := int(s.words[k].head); h < 0 || h >= v {
				s.setArc(k, subj, npRel(s.words[k].tag))
			}
		}
		for k := v + 1; k < r; k++ {
			if h := int(s.words[k].head); h <= v || h > r {
				s.setArc(k, r, npRel(s.words[k].tag))
			}
		}
		for _, k := range s.children(r) {
			if kk := int(k); kk > r {
				rel := s.words[kk].rel
				if s.isRel(kk, syntax.Nmod) {
					rel = syntax.Obl
				}
				s.setArc(kk, v, rel)
			}
		}
		s.setArc(r, v, syntax.Obj)
		return true
	}
	return false
}

// repairAfterClause mends "Saudi Arabia severed ties with Iran after
// protesters stormed its embassy" read with "after protesters" a phrase
// and "stormed" a conjunct of the main verb (or a participle on the noun:
// "after gunmen killed three policemen", "after militants fired
// rockets"): a word both a subordinator and a background preposition
// (subordinators.txt, background-preps.txt), a noun phrase, and a verb
// that can be finite with no subject of its own make a clause: the
// phrase is its subject, the clause an adjunct of the verb before.
func (s *state) repairAfterClause(lex *nlp.Pipeline) bool {
	if s.doc == nil {
		return false
	}
	n := len(s.words)
	for i := 1; i+2 < n; i++ {
		p := &s.words[i]
		if !s.wc.subordinators[p.key] || !s.wc.backgroundPreps[p.key] && p.key != "UNTIL" && !s.asClause(i) {
			continue // (and "until": "will not release the hostages until Israel withdraws", a condition, modality.go)
		}
		v := -1
		for k := i + 2; k < n && k <= i+6; k++ {
			if s.words[k].upos == syntax.AUX {
				break // ("as eight demonstrators were killed": an auxiliary's clause is read right)
			}
			if t := s.words[k].tag; t == nlp.VBD || t == nlp.VBZ || t == nlp.VBP || t == nlp.VBN {
				v = k
				break
			}
			if s.words[k].upos == syntax.PUNCT || s.words[k].upos == syntax.VERB || s.words[k].upos == syntax.AUX {
				break
			}
		}
		if v < 0 {
			continue
		}
		if s.words[v].rel == syntax.Acl && s.childExact(v, syntax.Mark) == i && s.childExact(v, syntax.Nsubj) >= 0 {
			// the clause is right but hung on a noun: "arrested 20 people
			// after protesters clashed with security forces"
			h := s.verbAbove(v, i)
			if h < 0 {
				continue
			}
			if s.words[v].tag == nlp.VBN {
				s.setTag(v, nlp.VBD, syntax.VERB)
			}
			s.setArc(v, h, syntax.Advcl)
			return true
		}
		if s.childExact(v, syntax.Nsubj) >= 0 || s.childExact(v, syntax.NsubjPass) >= 0 || s.childExact(v, syntax.Aux) >= 0 {
			continue
		}
		if s.words[v].tag == nlp.VBN {
			// a participle right after the noun is a past tense when the
			// lexicon allows one and a noun phrase follows: "militants
			// fired rockets"
			if !s.lexAllows(lex, v, nlp.VBD) || v+1 >= n || !s.nominal(v+1) && s.words[v+1].upos != syntax.DET && s.words[v+1].upos != syntax.NUM {
				continue
			}
		}
		// the subject: the one word of i+1..v-1 headed from outside
		subj := -1
		for k := i + 1; k < v; k++ {
			if h := int(s.words[k].head); h < i+1 || h >= v {
				if subj >= 0 {
					subj = -2
					break
				}
				subj = k
			}
		}
		if subj < 0 || !s.nominal(subj) || s.words[subj].upos == syntax.PRON && s.words[subj].tag == nlp.PRPS {
			continue
		}
		h := s.verbAbove(v, i)
		if h < 0 {
			continue
		}
		end := n
		for k := v + 1; k < n; k++ {
			if s.words[k].upos == syntax.PUNCT && (s.words[k].key == "," || s.words[k].key == ";" || s.words[k].key == ".") {
				end = k
				break
			}
		}
		if s.words[v].tag == nlp.VBN {
			s.setTag(v, nlp.VBD, syntax.VERB)
		}
		s.setArc(v, h, syntax.Advcl)
		s.setArc(i, v, syntax.Mark)
		s.setArc(subj, v, syntax.Nsubj)
		obj := s.childExact(v, syntax.Obj) >= 0
		for k := v + 1; k < end; k++ {
			if hk := int(s.words[k].head); hk > v && hk < end {
				continue
			}
			switch {
			case s.nominal(k) && s.childExact(k, syntax.Case) < 0 && !obj:
				s.setArc(k, v, syntax.Obj)
				obj = true
			case s.nominal(k) && s.childExact(k, syntax.Case) >= 0:
				s.setArc(k, v, syntax.Obl)
			default:
				s.setArc(k, v, s.words[k].rel)
			}
		}
		return true
	}
	return false
}

// repairMarkedGerund mends "regained control of the village of
// Kindrativka after fighting with military forces of Russia" read with
// "after fighting" a modifier of the village: an -ing clause opened by a
// subordinator is an adverbial clause, so it belongs to the verb above,
// whose subject it shares.
func (s *state) repairMarkedGerund() bool {
	changed := false
	for i := 1; i < len(s.words); i++ {
		w := &s.words[i]
		m := i - 1
		if w.tag != nlp.VBG || w.rel != syntax.Acl || int(s.words[m].head) != i || s.words[m].rel != syntax.Mark || !s.wc.subordinators[s.words[m].key] {
			continue
		}
		if s.childExact(i, syntax.Nsubj) >= 0 || !s.nominal(int(w.head)) {
			continue
		}
		if v := s.verbAbove(i, i); v >= 0 {
			s.setArc(i, v, syntax.Advcl)
			changed = true
		}
	}
	return changed
}

// asClause reports an "as" that may open a clause: "resumed talks in
// Jeddah, as Saudi and U.S. mediators pressed the two sides", "were
// injured as protesters pelted stones"; not "such as", "as well as",
// "known as", "described as", "the same as" (repairAfterClause then
// wants a noun phrase and a verb that can be finite).
func (s *state) asClause(i int) bool {
	if s.words[i].key != "AS" || i == 0 {
		return false
	}
	p := &s.words[i-1]
	return !s.wc.asPhraseHeads[p.key] && !s.wc.namingVerbs[p.lemma]
}

// repairWhoseRelative mends "Brazil and Colombia, whose leftist
// governments have sought to mediate, urged dialogue" read with the
// whose-clause's verb as the root, the subject as its second subject and
// the predicate a modifier of the object: after a comma that closes the
// clause, a past form with no subject of its own is the predicate, the
// phrase before the whose-clause its subject.
func (s *state) repairWhoseRelative() bool {
	for wh := 2; wh < len(s.words); wh++ {
		if s.words[wh].key != "WHOSE" || s.words[wh].rel != syntax.NmodPoss || s.words[wh-1].key != "," {
			continue
		}
		g := int(s.words[wh].head)
		if g < 0 || !s.isRel(g, syntax.Nsubj) {
			continue
		}
		v1 := int(s.words[g].head)
		if v1 < 0 || !s.verbal(v1) {
			continue
		}
		a := -1
		for _, k := range s.children(v1) {
			if kk := int(k); kk < wh-1 && s.isRel(kk, syntax.Nsubj) && s.nominal(kk) {
				a = kk
			}
		}
		if a < 0 {
			continue
		}
		for m := v1 + 2; m < len(s.words); m++ {
			w := &s.words[m]
			if s.words[m-1].key != "," || w.tag != nlp.VBD && w.tag != nlp.VBN || !pastTense(w) || s.childExact(m, syntax.Nsubj) >= 0 || s.child(m, syntax.Aux) >= 0 || !s.ancestorOf(v1, m) {
				continue
			}
			n := int(w.head) // the noun the past form was read to modify
			s.pastPredicate(m, -1, syntax.Root, a)
			s.setArc(v1, a, syntax.AclRelcl)
			s.setArc(m-1, m, syntax.Punct)
			if n > m && s.nominal(n) {
				s.setArc(n, m, syntax.Obj)
			}
			for k := m + 1; k < len(s.words); k++ {
				if h := int(s.words[k].head); h >= 0 && h < m && k != n && (s.words[k].rel == syntax.Punct || s.isRel(k, syntax.Obl)) {
					s.setArc(k, m, s.words[k].rel)
				}
			}
			return true
		}
	}
	return false
}

// repairRelativePredicate mends "Militiamen backed by Sudan's government
// attacked villages in Darfur" read as a noun phrase root whose reduced
// relative "backed" takes "attacked" as its complement: a past tense
// without a subject under the root noun's participle is the sentence's
// predicate, the noun its subject.
func (s *state) repairRelativePredicate() bool {
	r := s.root()
	if r < 0 || !s.nominal(r) {
		return false
	}
	for _, k := range s.children(r) {
		p := int(k)
		if s.words[p].rel != syntax.Acl || s.words[p].tag != nlp.VBN || p < r {
			continue
		}
		for _, c := range s.children(p) {
			v := int(c)
			switch s.words[v].rel {
			case syntax.Xcomp, syntax.Conj, syntax.Ccomp, syntax.Advcl:
			default:
				continue
			}
			if v < p || s.words[v].tag != nlp.VBD || s.words[v].upos != syntax.VERB || s.childExact(v, syntax.Nsubj) >= 0 || s.childExact(v, syntax.Mark) >= 0 {
				continue
			}
			s.setArc(v, -1, syntax.Root)
			s.setArc(r, v, syntax.Nsubj)
			for _, q := range s.children(r) {
				if qq := int(q); qq > v && s.words[qq].upos == syntax.PUNCT {
					s.setArc(qq, v, syntax.Punct)
				}
			}
			return true
		}
	}
	return false
}

// repairObliqueClause mends "Germany and France expressed concern over
// the arrest, and the Council of Europe called for Imamoglu's release"
// read with "the Council of Europe" an unmarked oblique of the first verb
// carrying "and" and "called" as its participle: that phrase is the
// second clause's subject, the participle its past tense, joined to the
// first.
func (s *state) repairObliqueClause(lex *nlp.Pipeline) bool {
	if s.doc == nil {
		return false
	}
	for n := range s.words {
		x := int(s.words[n].head)
		if x < 0 || x > n || !s.verbal(x) || s.words[n].rel != syntax.OblUnmarked && s.words[n].rel != syntax.NmodUnmarked || !s.nominal(n) {
			continue
		}
		cc := s.childExact(n, syntax.Cc)
		if cc < 0 || cc > n {
			continue
		}
		v := s.childExact(n, syntax.Acl)
		if v < 0 || v < n || s.words[v].tag != nlp.VBN && s.words[v].tag != nlp.VBD || s.childExact(v, syntax.Nsubj) >= 0 {
			continue
		}
		if !s.lexAllows(lex, v, nlp.VBD) {
			continue
		}
		s.setTag(v, nlp.VBD, syntax.VERB)
		s.setArc(v, x, syntax.Conj)
		s.setArc(n, v, syntax.Nsubj)
		s.setArc(cc, v, syntax.Cc)
		if p := cc - 1; p > x && s.words[p].key == "," && int(s.words[p].head) == n {
			s.setArc(p, v, syntax.Punct)
		}
		return true
	}
	return false
}

// repairIngNoun mends "South Africa closed its main border crossing with
// Mozambique" read with "crossing" a participle clause: an -ing word right
// after the head noun of a verb's argument, with no object of its own,
// that the lexicon allows as a noun, is that noun phrase's head ("border
// crossing", "peace meeting"), the noun its compound.
func (s *state) repairIngNoun(lex *nlp.Pipeline) bool {
	if s.doc == nil {
		return false
	}
	for g := 1; g < len(s.words); g++ {
		w := &s.words[g]
		n := g - 1
		h := int(w.head)
		if w.tag != nlp.VBG || h < 0 || s.words[n].tag != nlp.NN || int(s.words[n].head) != h || !s.verbal(h) || s.childExact(g, syntax.Obj) >= 0 || s.childExact(g, syntax.Ccomp) >= 0 {
			continue
		}
		switch s.words[n].rel {
		case syntax.Obj, syntax.Nsubj, syntax.NsubjPass:
		default:
			continue
		}
		if !s.lexAllows(lex, g, nlp.NN) {
			continue
		}
		rel := s.words[n].rel
		s.setTag(g, nlp.NN, syntax.NOUN)
		s.setArc(g, h, rel)
		for _, k := range s.children(n) {
			s.setArc(int(k), g, s.words[k].rel)
		}
		s.setArc(n, g, syntax.Compound)
		for _, k := range s.children(g) {
			if kk := int(k); s.isRel(kk, syntax.Obl) {
				s.setArc(kk, g, syntax.Nmod)
			}
		}
		return true
	}
	return false
}

// verbAbove returns the nearest verb above word x that stands before word
// i (the clause a misread "after" clause belongs to), or -1.
func (s *state) verbAbove(x, i int) int {
	h := int(s.words[x].head)
	for h >= 0 && !(s.verbal(h) && h < i) {
		h = int(s.words[h].head)
	}
	return h
}

// lexAllows reports whether the lexicon allows word i, as written, the
// tag t ("crossing" a noun, "fired" a past tense).
func (s *state) lexAllows(lex *nlp.Pipeline, i int, t nlp.Tag) bool {
	w := &s.words[i]
	form := w.key
	if s.doc != nil && w.end <= len(s.doc.Text) {
		form = s.doc.Text[w.start:w.end]
	}
	ts, _ := lex.LexiconTags(form) // (a speaker tail is parsed without its document)
	return ts.Has(t)
}

// repairSubjunctive mends "Israel demanded that Hamas release all
// hostages" read as the noun phrase "Hamas release" under a stray "that":
// after "that" and a noun phrase, a word the lexicon allows as a bare
// verb, followed by a noun phrase, is the clause's verb; the phrase
// before it is its subject and the phrase after its object.
func (s *state) repairSubjunctive(lex *nlp.Pipeline) bool {
	if s.doc == nil {
		return false
	}
	n := len(s.words)
	for t := 0; t+3 < n; t++ {
		h := int(s.words[t].head)
		if s.words[t].key != "THAT" || s.words[t].upos != syntax.SCONJ || s.words[t].rel == syntax.Mark || h < 0 || h > t || !s.verbal(h) {
			continue
		}
		for v := t + 2; v+1 < n && v <= t+6; v++ {
			w := &s.words[v]
			if w.upos != syntax.NOUN || w.tag != nlp.NN || !s.nominal(v-1) || !s.ancestorOf(t, v) {
				continue
			}
			prt, next := -1, v+1 // (a particle may come first: "hand over the suspects")
			if s.wc.particles[s.words[v+1].key] && v+2 < n {
				prt, next = v+1, v+2
			}
			switch s.words[next].tag {
			case nlp.DT, nlp.PDT, nlp.CD, nlp.PRPS, nlp.JJ, nlp.NNS, nlp.NNP, nlp.NNPS:
			default:
				continue
			}
			if !s.lexAllows(lex, v, nlp.VB) {
				continue
			}
			s.thatClause(t, v, h, syntax.Ccomp, prt)
			obj := false
			for k := v + 1; k < n; k++ {
				if k == prt {
					continue
				}
				hk := int(s.words[k].head)
				if hk != v && hk != t && hk != h && !(hk > k) {
					continue
				}
				if s.words[k].upos == syntax.PUNCT {
					continue
				}
				switch {
				case !obj && s.nominal(k) && (s.childExact(k, syntax.Case) < 0 || s.childExact(k, syntax.Case) == prt) && (hk == v || hk == t || prt >= 0 && k > prt):
					s.setArc(k, v, syntax.Obj)
					obj = true
				case hk == v && s.isRel(k, syntax.Nmod):
					s.setArc(k, v, syntax.Obl)
				}
			}
			return true
		}
	}
	return false
}

// repairSubjunctiveNoun mends "demanded that Islamabad hand over
// suspects" read as one noun phrase "Islamabad hand over suspects" marked
// by "that": in a that-clause with no verb, a singular noun the lexicon
// allows as a bare verb, right after the clause's first noun phrase and
// before a noun phrase (or a particle and one), is the clause's verb.
func (s *state) repairSubjunctiveNoun(lex *nlp.Pipeline) bool {
	n := len(s.words)
	for t := 0; t+3 < n; t++ {
		c := int(s.words[t].head)
		if s.words[t].key != "THAT" || s.words[t].rel != syntax.Mark || c <= t || !s.nominal(c) {
			continue
		}
		h := int(s.words[c].head)
		if h < 0 || h > t || !s.verbal(h) {
			continue
		}
		for v := t + 2; v+1 < n && v <= t+6 && v < c; v++ {
			w := &s.words[v]
			if w.upos != syntax.NOUN || w.tag != nlp.NN || !s.nominal(v-1) || !s.ancestorOf(c, v) || !s.lexAllows(lex, v, nlp.VB) {
				continue
			}
			prt := -1
			if s.wc.particles[s.words[v+1].key] {
				prt = v + 1
			}
			next := v + 1
			if prt >= 0 {
				next = v + 2
			}
			if next >= n {
				continue
			}
			switch s.words[next].tag {
			case nlp.DT, nlp.PDT, nlp.CD, nlp.PRPS, nlp.JJ, nlp.NNS, nlp.NNP, nlp.NNPS, nlp.NN:
			default:
				continue
			}
			s.thatClause(t, v, h, s.words[c].rel, prt)
			if c > v {
				s.setArc(c, v, syntax.Obj)
			}
			return true
		}
	}
	return false
}

// thatClause makes word v the verb of the that-clause marked at t, under
// h with relation rel: the noun phrase before v (from t+1) is its
// subject, and prt, when not -1, its particle.
func (s *state) thatClause(t, v, h int, rel syntax.Rel, prt int) {
	s.setTag(v, nlp.VB, syntax.VERB)
	s.setArc(v, h, rel)
	s.setArc(t, v, syntax.Mark)
	s.setArc(v-1, v, syntax.Nsubj)
	for k := t + 1; k < v-1; k++ {
		if hk := int(s.words[k].head); hk < t+1 || hk >= v-1 {
			s.setArc(k, v-1, npRel(s.words[k].tag))
		}
	}
	if prt >= 0 {
		s.setArc(prt, v, syntax.CompoundPrt)
	}
}

// repairVocativeObject mends "NATO thanks Poland for its swift
// response" read with Poland addressed: a vocative right after a verb
// that has a subject and no object is its object.
func (s *state) repairVocativeObject() bool {
	for i := 1; i < len(s.words); i++ {
		v := int(s.words[i].head)
		if s.words[i].rel != syntax.Vocative || v != i-1 || !s.verbal(v) || s.childExact(v, syntax.Nsubj) < 0 || s.childExact(v, syntax.Obj) >= 0 {
			continue
		}
		s.setArc(i, v, syntax.Obj)
		return true
	}
	return false
}

// speakerStart returns where the speech verb r's last subject before it,
// other than n, begins ("..., the OPCW said"), or -1.
func (s *state) speakerStart(r, n int) int {
	spk := -1
	for _, k := range s.children(r) {
		if x := int(k); x != n && x < r && s.words[x].rel == syntax.Nsubj {
			spk = x
		}
	}
	if spk < 0 {
		return -1
	}
	lo, _ := s.subtreeSpan(spk)
	return lo
}

// repairTailParticiple mends "aircraft struck a house, killing five
// people, health officials said" read with "killing" an adjunct of
// "said": a participle between a clause and the speech verb that
// reports it belongs to the clause, so it shares the clause's subject,
// not the speakers.
func (s *state) repairTailParticiple() bool {
	for v := range s.words {
		if !s.verbal(v) || !s.speechWord(v) {
			continue
		}
		c := s.childExact(v, syntax.Ccomp)
		if c < 0 || c > v {
			continue
		}
		_, hi := s.subtreeSpan(c)
		for _, k := range s.children(v) {
			p := int(k)
			if s.words[p].rel != syntax.Advcl || p < hi || p > v || s.words[p].tag != nlp.VBG || s.child(p, syntax.Nsubj) >= 0 {
				continue
			}
			if n := s.childExact(v, syntax.Nsubj); n >= 0 && n < p {
				continue // "officials said, citing ...": the speakers' own act
			}
			s.setArc(p, c, syntax.Advcl)
			return true
		}
	}
	return false
}

// repairSaidClause mends "sources said rebels attacked villages" read
// with "rebels" the object of "said" and "attacked" their reduced
// relative: after a speech verb, a participle with its own object and no
// auxiliary, whose past tense is written the same, is the reported
// clause's predicate and the noun before it its subject.
func (s *state) repairSaidClause() bool {
	for i := range s.words {
		w := &s.words[i]
		n := int(w.head)
		if w.rel != syntax.Acl || n < 0 || n > i || s.words[n].rel != syntax.Obj || !s.predicateParticiple(i) {
			continue
		}
		v := int(s.words[n].head)
		if v < 0 || v > n || !s.speechWord(v) {
			continue
		}
		s.pastPredicate(i, v, syntax.Ccomp, n)
		return true
	}
	return false
}

// pastForm reports a word that is both a verb's past tense and its past
// participle ("used", "struck"), trying the regular stems of an unknown
// "-ed" word ("lathicharged": lathicharge).
func pastForm(w *word) bool {
	if pastTense(w) {
		return true
	}
	if !strings.HasSuffix(w.key, "ED") || w.lemma != w.key {
		return false
	}
	for _, stem := range []string{w.key[:len(w.key)-1], w.key[:len(w.key)-2]} {
		if f := nlp.VerbForms(stem); len(f) >= 3 && f[1] == w.key && f[2] == w.key {
			return true
		}
	}
	return false
}

// pastPredicate makes the past form v a predicate attached to h by r, with
// subj its subject: most repairs end this way.
func (s *state) pastPredicate(v, h int, r syntax.Rel, subj int) {
	s.setArc(v, h, r)
	s.setTag(v, nlp.VBD, syntax.VERB)
	s.setArc(subj, v, syntax.Nsubj)
}

// speechWord reports a verb of saying (speech-verbs.txt) at word i, by
// its lemma or as written.
func (s *state) speechWord(i int) bool {
	return s.wc.speech[s.words[i].lemma] || s.wc.speech[s.words[i].key]
}

// root returns the first word without a head, or -1.
func (s *state) root() int {
	for i := range s.words {
		if s.words[i].head < 0 {
			return i
		}
	}
	return -1
}

// repairSaidConj mends "officials said the gunmen, who belong to a
// separatist group, killed five police officers" read as "said the
// gunmen" coordinated with a subjectless "killed": a finite verb joined to
// a speech verb without a conjunction, after the speech verb's noun
// object, is the reported clause, and that noun its subject.
func (s *state) repairSaidConj() bool {
	for i := range s.words {
		w := &s.words[i]
		v := int(w.head)
		if w.rel != syntax.Conj || v < 0 || !finite(w.tag) || s.child(i, syntax.Nsubj) >= 0 || s.child(i, syntax.Cc) >= 0 {
			continue
		}
		if !s.speechWord(v) {
			continue
		}
		n := s.childExact(v, syntax.Obj)
		if n < 0 || n > i || !s.nominal(n) {
			continue
		}
		if _, hi := s.subtreeSpan(n); hi != i && !(hi == i-1 && s.words[i-1].upos == syntax.PUNCT) {
			continue
		}
		s.setArc(i, v, syntax.Ccomp)
		s.setArc(n, i, syntax.Nsubj)
		return true
	}
	return false
}

// predicateParticiple reports a past form read as a reduced relative
// that is more likely the predicate: it has a direct object, no auxiliary
// and no "by" agent, and its past tense is written the same.
func (s *state) predicateParticiple(i int) bool {
	w := &s.words[i]
	if w.tag != nlp.VBN && w.tag != nlp.VBD || s.child(i, syntax.Aux) >= 0 || s.childExact(i, syntax.OblAgent) >= 0 ||
		s.childExact(i, syntax.Obj) < 0 {
		return false
	}
	return pastTense(w)
}

// pastTense reports a word that is the past tense of its lemma ("used"
// of USE; not "taken").
func pastTense(w *word) bool {
	f := nlp.VerbForms(w.lemma)
	return len(f) >= 2 && f[1] == w.key
}

// repairPossessor hangs a possessor from the noun after it: a possessor
// modifies a noun, never a verb, yet "Afghanistan's Ministry of Foreign
// Affairs called ..." may be parsed with "Afghanistan" under "called".
func (s *state) repairPossessor() bool {
	changed := false
	for i := range s.words {
		h := int(s.words[i].head)
		if s.words[i].rel != syntax.NmodPoss || h < 0 || s.nominal(h) {
			continue
		}
		_, hi := s.subtreeSpan(i)
		for _, k := range s.children(h) {
			if lo, _ := s.subtreeSpan(int(k)); int(k) >= hi && lo == hi && s.nominal(int(k)) {
				s.setArc(i, int(k), syntax.NmodPoss)
				changed = true
				break
			}
		}
	}
	// "Egypt's foreign minister held talks" read with "Egypt's" as the
	// possessor of "talks": a possessor belongs to the phrase right after
	// it, not to a later one
	for i := range s.words {
		h := int(s.words[i].head)
		if s.words[i].rel != syntax.NmodPoss || h < 0 || !s.nominal(h) || s.words[i].upos == syntax.PRON {
			continue
		}
		_, hi := s.subtreeSpan(i)
		if h < hi {
			continue
		}
		best := -1
		for k := hi; k < h; k++ {
			if !s.nominal(k) || s.ancestorOf(k, h) {
				continue
			}
			if lo, khi := s.subtreeSpan(k); lo == hi && khi <= h && s.words[k].rel != syntax.Compound && s.words[k].rel != syntax.Amod {
				best = k
			}
		}
		if best >= 0 && best != h {
			s.setArc(i, best, syntax.NmodPoss)
			changed = true
		}
	}
	return changed
}

// repairNominalParticiple makes "the accused", "the injured", "the
// detained" noun phrases headed by the participle: the parse may leave the
// article as the argument with the participle its clause ("arrested the
// accused in Delhi") or an auxiliary ("the accused was remanded").
func (s *state) repairNominalParticiple() bool {
	changed := false
	for i := 0; i+1 < len(s.words); i++ {
		d, j := &s.words[i], i+1
		if d.upos != syntax.DET || d.tag != nlp.DT {
			continue
		}
		p := &s.words[j]
		if p.tag != nlp.VBN && p.tag != nlp.JJ {
			continue
		}
		if h := int(d.head); h > j && int(p.head) == h && d.rel == syntax.Det && (p.rel == syntax.Advcl || p.rel == syntax.Csubj) && s.verbal(h) &&
			s.childExact(h, syntax.Nsubj) < 0 && s.childExact(h, syntax.NsubjPass) < 0 {
			// "the accused, identified as ramesh yadav, was arrested" read
			// with "the" and "accused" both on the verb: the participle
			// with its article is the verb's subject
			rel := syntax.Nsubj
			if s.child(h, syntax.AuxPass) >= 0 {
				rel = syntax.NsubjPass
			}
			s.setArc(j, h, rel)
			s.setArc(i, j, syntax.Det)
			s.setTag(j, nlp.NN, syntax.NOUN)
			for _, k := range s.children(j) {
				if s.words[k].rel == syntax.Conj && s.verbal(int(k)) {
					s.setArc(int(k), j, syntax.Acl) // ", identified as ...": its description
				}
			}
			changed = true
			continue
		}
		switch d.rel.Universal() {
		case syntax.Nsubj, syntax.Obj, syntax.Iobj, syntax.Obl, syntax.Nmod, syntax.Conj, syntax.Appos:
		default:
			continue
		}
		under := int(p.head) == i && (p.rel == syntax.Acl || p.rel == syntax.Amod)
		aux := p.head == d.head && int(d.head) > j && (p.rel == syntax.Aux || p.rel == syntax.AuxPass) &&
			j+1 < len(s.words) && s.words[j+1].upos == syntax.AUX
		if !under && !aux {
			continue
		}
		h, rel := int(d.head), d.rel
		for _, k := range s.children(i) {
			if int(k) != j {
				s.setArc(int(k), j, s.words[k].rel)
			}
		}
		s.setArc(j, h, rel)
		s.setArc(i, j, syntax.Det)
		s.setTag(j, nlp.NN, syntax.NOUN)
		changed = true
	}
	return changed
}

// repairGerundClause mends "accused Russia of bombing civilians" read as
// one noun phrase "civilians" modified by "Russia" and "of bombing": a
// gerund with a subordinating "of", "for", "with" is a clause, not an
// adjective. The clause attaches to the verb, takes the noun after it as
// object, and the noun before it becomes the verb's argument.
func (s *state) repairGerundClause() bool {
	for i := range s.words {
		w := &s.words[i]
		h := int(w.head)
		if w.tag != nlp.VBG || w.rel != syntax.Amod && w.rel != syntax.Acl || h <= i || !s.nominal(h) {
			continue
		}
		m := s.childExact(i, syntax.Mark)
		if m < 0 || m > i {
			continue
		}
		p, rel := int(s.words[h].head), s.words[h].rel
		if p < 0 || !s.verbal(p) {
			continue
		}
		arg := -1
		for _, k := range s.children(h) {
			if _, hi := s.subtreeSpan(int(k)); int(k) < m && hi == m && s.nominal(int(k)) {
				arg = int(k)
			}
		}
		if arg >= 0 {
			for _, k := range s.children(h) {
				if int(k) < arg {
					s.setArc(int(k), arg, s.words[k].rel)
				}
			}
			s.setArc(arg, p, rel)
		}
		s.setArc(i, p, syntax.Advcl)
		s.setArc(h, i, syntax.Obj)
		return true
	}
	return false
}

// repairSecondObject mends a verb given two objects where the second opens
// with an -ing form: in "signed an order imposing tariffs on Canada" the
// -ing word is a participle modifying the first object and governing the
// second, and the second's prepositional phrases are its obliques.
func (s *state) repairSecondObject(lex *nlp.Pipeline) bool {
	for i := range s.words {
		w := &s.words[i]
		h := int(w.head)
		if w.rel != syntax.Amod || h <= i || !strings.HasSuffix(w.key, "ING") || s.words[h].rel != syntax.Obj {
			continue
		}
		p := int(s.words[h].head)
		o := s.childExact(p, syntax.Obj)
		if o < 0 || o >= i {
			continue
		}
		if lex == nil {
			continue
		}
		lem := lex.Lemma(w.key, nlp.VBG)
		if f := nlp.VerbForms(lem); len(f) < 4 || f[3] != w.key {
			continue
		}
		w.lemma = lem
		s.setArc(i, o, syntax.Acl)
		s.setTag(i, nlp.VBG, syntax.VERB)
		s.setArc(h, i, syntax.Obj)
		for _, k := range s.children(h) {
			if s.isRel(int(k), syntax.Nmod) && int(k) > h {
				s.setArc(int(k), i, syntax.Obl)
			}
		}
		return true
	}
	return false
}

// repairActConj mends coordination hung one level too high: in "attacks on
// security forces, settlers and workers" the parse may make "settlers"
// and "workers" conjuncts of "attacks" rather than of "forces". A bare noun
// (no preposition, no modifier phrase of its own, no act itself) joined to
// an act noun after the act's prepositional modifier coordinates with that
// modifier. It reports whether it changed the tree.
func (s *state) repairActConj() bool {
	changed := false
	for i := range s.words {
		w := &s.words[i]
		h := int(w.head)
		if w.rel != syntax.Conj || h < 0 || h >= i || s.words[h].upos != syntax.NOUN || s.eventNoun(h).code == "" {
			continue
		}
		if u := w.upos; u != syntax.NOUN && u != syntax.PROPN || s.eventNoun(i).code != "" || s.caseOf(i) != "" || s.child(i, syntax.Nmod) >= 0 {
			continue
		}
		y := -1
		for _, k := range s.children(h) {
			if int(k) > h && int(k) < i && s.words[k].rel == syntax.Nmod && s.caseOf(int(k)) != "" && s.nominal(int(k)) {
				y = int(k)
			}
		}
		if y < 0 {
			continue
		}
		s.setArc(i, y, syntax.Conj)
		changed = true
	}
	return changed
}

// repairGerundSubject mends a sentence-opening gerund phrase read as an
// adjunct of a verb that has no subject: in "Shelling by the RSF killed
// 15 civilians" the shelling is what killed (a clausal subject); with a
// comma ("Shelling the town, the army killed") it stays an adjunct. It
// reports whether it changed the tree.
func (s *state) repairGerundSubject() bool {
	changed := false
	for g := range s.words {
		w := &s.words[g]
		v := int(w.head)
		if w.rel != syntax.Advcl || w.tag != nlp.VBG || v <= g || s.markOf(g) != "" || !finite(s.words[v].tag) {
			continue
		}
		if s.child(v, syntax.Nsubj) >= 0 || s.child(v, syntax.Csubj) >= 0 || s.child(v, syntax.Expl) >= 0 {
			continue
		}
		_, hi := s.subtreeSpan(g)
		comma := false
		for k := hi; k < v; k++ {
			if s.words[k].key == "," || s.words[k].key == ";" {
				comma = true
			}
		}
		if comma || hi > v {
			continue
		}
		s.setArc(g, v, syntax.Csubj)
		changed = true
	}
	return changed
}

// repairLostPredicate mends a sentence whose predicate the parse sank
// into a parenthetical: in "Somali soldiers, supported by clan militias
// and the U.S. military, are conducting operations" the root may be
// "soldiers" with "are conducting" a relative clause of "military". When
// the root is a noun and a relative clause with a finite auxiliary, no
// subject and no relative pronoun follows a comma, that clause is the
// predicate and the root noun its subject. It reports whether it changed
// the tree.
func (s *state) repairLostPredicate() bool {
	r := s.root()
	if r < 0 || s.words[r].upos != syntax.NOUN && s.words[r].upos != syntax.PROPN {
		return false
	}
	for v := r + 1; v < len(s.words); v++ {
		w := &s.words[v]
		if w.rel != syntax.AclRelcl || w.upos != syntax.VERB || s.child(v, syntax.Nsubj) >= 0 {
			continue
		}
		aux, rel := false, false
		for _, k := range s.children(v) {
			kw := &s.words[k]
			if int(k) < v && kw.rel == syntax.Aux && finite(kw.tag) {
				aux = true
			}
			if kw.tag == nlp.WDT || kw.tag == nlp.WP || kw.tag == nlp.WPS || kw.key == "THAT" {
				rel = true
			}
		}
		lo, _ := s.subtreeSpan(v)
		if !aux || rel || lo == 0 || s.words[lo-1].key != "," && s.words[lo].key != "," {
			continue
		}
		s.setArc(v, -1, syntax.Root)
		s.setArc(r, v, syntax.Nsubj)
		return true
	}
	return false
}

// repairActiveObject mends an active past tense read as a passive: in
// "The United States, the U.N. and rights groups condemned Thailand" the
// parse may make "States" a passive subject of "condemned", though the
// verb has a direct object and no passive auxiliary. Such a verb is
// active and its passive subject is its subject. It reports whether it
// changed the tree.
func (s *state) repairActiveObject() bool {
	changed := false
	for v := range s.words {
		sp := s.childExact(v, syntax.NsubjPass)
		if sp < 0 || s.childExact(v, syntax.Obj) < 0 || s.childExact(v, syntax.AuxPass) >= 0 || s.words[v].tag != nlp.VBN && s.words[v].tag != nlp.VBD {
			continue
		}
		if s.childExact(v, syntax.Aux) >= 0 {
			continue // "has been sent X": leave perfect and progressive forms alone
		}
		s.setArc(sp, v, syntax.Nsubj)
		if s.words[v].tag == nlp.VBN {
			s.words[v].tag = nlp.VBD
		}
		changed = true
	}
	return changed
}

// repairAdjectiveRoot mends "Mexican President Claudia Sheinbaum and
// Canadian Prime Minister Justin Trudeau told Trump" read with the
// adjective "Mexican" as the root, "Claudia" its subject and "told" a
// conjunct: a predicative adjective follows its subject, so an adjective
// before its subject modifies it, and its verb conjunct is the
// predicate. An adjective the parse hung as an adverbial clause right
// before a subject or object phrase of the verb modifies that phrase
// ("Canadian" of "Justin Trudeau"). It reports whether it changed the
// tree.
func (s *state) repairAdjectiveRoot() bool {
	changed := false
	r := s.root()
	if r >= 0 && s.words[r].upos == syntax.ADJ {
		n := s.childExact(r, syntax.Nsubj)
		c := -1
		for _, k := range s.children(r) {
			if s.words[k].rel == syntax.Conj && s.words[k].upos == syntax.VERB && int(k) > n {
				c = int(k)
				break
			}
		}
		if n > r && c > n && s.childExact(r, syntax.Cop) < 0 {
			s.setArc(c, -1, syntax.Root)
			s.setArc(n, c, syntax.Nsubj)
			s.setArc(r, n, syntax.Amod)
			for _, k := range s.children(r) {
				if s.words[k].rel == syntax.Punct {
					s.setArc(int(k), c, syntax.Punct)
				}
			}
			changed = true
		}
	}
	if changed {
		s.indexTree()
	}
	for a := range s.words {
		w := &s.words[a]
		v := int(w.head)
		if w.upos != syntax.ADJ || w.rel != syntax.Advcl || v < 0 || len(s.children(a)) > 0 {
			continue
		}
		for _, k := range s.children(v) {
			if kr := s.words[k].rel; kr != syntax.Nsubj && kr != syntax.Obj && kr != syntax.Iobj {
				continue
			}
			if lo, _ := s.subtreeSpan(int(k)); lo == a+1 {
				s.setArc(a, int(k), syntax.Amod)
				changed = true
				break
			}
		}
	}
	return changed
}

// repairParticipleModifier mends "fired water cannons on protesting
// farmers" read as a gerund clause "on protesting (farmers)": after a
// preposition that does not introduce gerund adjuncts (gerund-marks.txt
// lists those that do: "by attacking", "after meeting"), a describing
// participle (participle-modifiers.txt) and its adjacent noun are a
// prepositional phrase whose noun the participle modifies. It reports
// whether it changed the tree.
func (s *state) repairParticipleModifier() bool {
	changed := false
	for g := range s.words {
		w := &s.words[g]
		v := int(w.head)
		if (w.rel == syntax.Xcomp || w.rel == syntax.Advcl) && w.tag == nlp.VBG && v >= 0 && g == v+1 && s.wc.participleMods[w.key] &&
			s.childExact(g, syntax.Mark) < 0 && s.childExact(v, syntax.Obj) < 0 {
			// "police lathi-charged protesting students": right after
			// the verb, the participle is its object's modifier
			if o := s.childExact(g, syntax.Obj); o == g+1 {
				s.setArc(o, v, syntax.Obj)
				s.setArc(g, o, syntax.Amod)
				for _, k := range s.children(g) {
					if int(k) != o {
						s.setArc(int(k), v, s.words[k].rel)
					}
				}
				changed = true
				continue
			}
		}
		if g == 0 && (w.rel == syntax.Csubj || w.rel == syntax.Advcl) && w.tag == nlp.VBG && s.wc.attribIng[w.key] {
			// "Neighboring Niger and Burkina Faso pledged": a describing
			// participle opening the sentence, read as a clausal subject
			// taking the subject as its object
			if o := s.childExact(g, syntax.Obj); o == g+1 {
				s.setArc(o, v, syntax.Nsubj)
				s.setArc(g, o, syntax.Amod)
				s.setTag(g, nlp.JJ, syntax.ADJ)
				changed = true
				continue
			}
		}
		if w.rel == syntax.Acl && w.tag == nlp.VBG && v == g-1 && s.wc.attribIng[w.key] && (s.words[v].tag == nlp.CD || s.words[v].tag == nlp.DT) {
			// "arrested six leading Shiite opposition figures" read as
			// "six (leading figures)": the noun takes the numeral's place
			if o := s.childExact(g, syntax.Obj); o > g {
				if lo, _ := s.subtreeSpan(o); lo == g+1 {
					s.setArc(o, int(s.words[v].head), s.words[v].rel)
					s.setArc(v, o, npRel(s.words[v].tag))
					s.setArc(g, o, syntax.Amod)
					s.setTag(g, nlp.JJ, syntax.ADJ)
					changed = true
					continue
				}
			}
		}
		if w.rel != syntax.Advcl || w.tag != nlp.VBG || v < 0 || g+1 >= len(s.words) || !s.wc.participleMods[w.key] {
			continue
		}
		m := s.childExact(g, syntax.Mark)
		if m != g-1 || s.wc.gerundMarks[s.words[m].key] || s.wc.subordinators[s.words[m].key] {
			continue
		}
		o := s.childExact(g, syntax.Obj)
		if o < 0 {
			continue
		}
		if lo, _ := s.subtreeSpan(o); lo != g+1 {
			continue
		}
		s.setArc(o, v, syntax.Obl)
		s.setArc(m, o, syntax.Case)
		s.setArc(g, o, syntax.Amod)
		for _, k := range s.children(g) {
			if int(k) != m && int(k) != o {
				s.setArc(int(k), v, s.words[k].rel) // its other phrases are the verb's
			}
		}
		s.words[m].tag = nlp.IN
		changed = true
	}
	return changed
}

// repairNounVerb mends a plural noun read as a verb ("electricity to three
// northern U.S. states that border Canada" with "states" a verb): a verb
// never takes a preposition or a numeral of its own, so a "verb" with a
// case and a nummod dependent is a noun, the object of its preposition,
// and a subject before it is its modifier. It reports whether it changed
// the tree.
func (s *state) repairNounVerb() bool {
	changed := false
	for i := range s.words {
		w := &s.words[i]
		if w.upos != syntax.VERB || s.childExact(i, syntax.Case) < 0 || s.childExact(i, syntax.Nummod) < 0 {
			continue
		}
		w.upos = syntax.NOUN
		w.tag = nlp.NN
		if strings.HasSuffix(w.key, "S") {
			w.tag = nlp.NNS
		}
		if i < len(s.tree.Words) {
			s.tree.Words[i].UPOS = syntax.NOUN
		}
		switch w.rel {
		case syntax.Advcl, syntax.Ccomp, syntax.Xcomp, syntax.Parataxis:
			s.setArc(i, int(w.head), syntax.Obl)
		}
		for _, k := range s.children(i) {
			if s.words[k].rel == syntax.Nsubj && int(k) < i {
				s.setArc(int(k), i, syntax.Compound) // "U.S. states"
			}
		}
		changed = true
	}
	return changed
}

// repairSmallClausePP mends "Kenya asked the United States for help" read
// as a clause "the United States [is] for help" complementing "asked": a
// clausal complement headed by a noun with a preposition of its own is a
// prepositional phrase of the verb, and its subject the verb's object. It
// reports whether it changed the tree.
func (s *state) repairSmallClausePP() bool {
	changed := false
	for n := range s.words {
		w := &s.words[n]
		v := int(w.head)
		if w.rel != syntax.Ccomp && w.rel != syntax.Xcomp || v < 0 || !s.verbal(v) || w.upos != syntax.NOUN && w.upos != syntax.PROPN {
			continue
		}
		c := s.childExact(n, syntax.Case)
		sb := s.childExact(n, syntax.Nsubj)
		if c < 0 || sb < 0 || sb > c || s.childExact(n, syntax.Cop) >= 0 || s.childExact(v, syntax.Obj) >= 0 {
			continue
		}
		s.setArc(sb, v, syntax.Obj)
		s.setArc(n, v, syntax.Obl)
		changed = true
	}
	return changed
}

// repairAffiliation mends "gunmen linked to al-Shabab killed five
// soldiers", "fighters loyal to Haftar shelled Tripoli" read with the
// affiliation word as the predicate, an adverb, or the actor as a second
// subject: a word of affiliation-words.txt right after a noun and before
// to/with and a noun phrase that a finite verb follows modifies the noun;
// the noun phrase is its oblique and the verb the predicate.
func (s *state) repairAffiliation() bool {
	n := len(s.words)
	for w := 1; w+2 < n; w++ {
		if !s.affiliationWord(w) || !s.nominal(w-1) || s.words[w-1].upos == syntax.PRON {
			continue
		}
		if p := s.words[w+1].key; p != "TO" && p != "WITH" {
			continue
		}
		// the noun phrase after the preposition, and its last noun
		e, head := w+2, -1
		inNP := func(x int) bool {
			// ("the banned Baloch Liberation Army": a participle inside)
			return npTag(s.words[x].tag) || s.words[x].tag == nlp.HYPH || s.words[x].tag == nlp.VBN && x+1 < n && npTag(s.words[x+1].tag)
		}
		for ; e < n && inNP(e); e++ {
			if s.words[e].upos == syntax.NOUN || s.words[e].upos == syntax.PROPN {
				head = e
			}
		}
		if head < 0 || e >= n {
			continue
		}
		v := e
		for v < n && (s.words[v].upos == syntax.AUX || s.words[v].tag == nlp.RB) {
			v++
		}
		if v >= n || s.words[v].upos != syntax.VERB || !finite(s.words[v].tag) && !(v > e && finite(s.words[e].tag)) {
			continue
		}
		noun := w - 1
		if s.words[v].head == int16(noun) || s.words[noun].head == int16(v) && s.words[w].head == int16(noun) && s.words[head].head == int16(w) {
			continue // already read so
		}
		top := s.root()
		if top == w || s.ancestorOf(v, top) || top != v && s.ancestorOf(w, v) {
			// the verb takes the root's place
			s.setArc(v, -1, syntax.Root)
			if top != w && top != v {
				s.setArc(top, v, syntax.Parataxis)
			}
		}
		for _, k := range s.children(w) {
			if x := int(k); x > e {
				s.setArc(x, v, s.words[x].rel) // the predicate's own words
			}
		}
		for x := e; x < v; x++ {
			if int(s.words[x].head) != v {
				s.setArc(x, v, syntax.Aux)
			}
		}
		s.setArc(noun, v, syntax.Nsubj)
		if s.words[w].upos == syntax.ADJ {
			s.setArc(w, noun, syntax.Amod)
		} else {
			s.setTag(w, nlp.VBN, syntax.VERB)
			s.setArc(w, noun, syntax.Acl)
		}
		for x := w + 2; x < e; x++ {
			if x != head {
				s.setArc(x, head, npRel(s.words[x].tag)) // a flat noun phrase
			}
		}
		s.setArc(head, w, syntax.Obl)
		s.setArc(w+1, head, syntax.Case)
		return true
	}
	return false
}

// npRel is the relation of a word to the head of a flat noun phrase.
func npRel(t nlp.Tag) syntax.Rel {
	switch t {
	case nlp.DT, nlp.PDT:
		return syntax.Det
	case nlp.CD:
		return syntax.Nummod
	case nlp.PRPS:
		return syntax.NmodPoss
	case nlp.POS:
		return syntax.Case
	case nlp.NN, nlp.NNS, nlp.NNP, nlp.NNPS, nlp.FW:
		return syntax.Compound
	case nlp.HYPH:
		return syntax.Punct
	}
	return syntax.Amod
}

// repairEpistemicOpener mends a sentence opened by a participle of doubt
// (epistemic-participles.txt) read as the main verb: "Suspected jihadist
// fighters killed 23 civilians in Mali" parsed with "Suspected" the root
// and "killed" its clause (or "fighters" its object and "killed" their
// reduced relative), so the killing reads as reported, not done. Before a
// plain noun phrase and a finite verb (or an auxiliary and a verb) the
// word describes the noun: it becomes the noun's modifier, the verb the
// predicate and the noun its subject. It reports whether it changed the
// tree.
func (s *state) repairEpistemicOpener() bool {
	p := 0
	for p < len(s.words) && (s.words[p].upos == syntax.PUNCT || s.words[p].tag == nlp.QUOTE) {
		p++
	}
	if p >= len(s.words) || !s.wc.epistemic[s.words[p].key] {
		return false
	}
	if w := &s.words[p]; w.tag != nlp.VBN && w.tag != nlp.VBD && w.tag != nlp.JJ {
		return false
	}
	// the noun phrase: determiners, modifiers and nouns up to its head
	n := -1
	e := p + 1
	for ; e < len(s.words); e++ {
		switch s.words[e].tag {
		case nlp.NN, nlp.NNS, nlp.NNP, nlp.NNPS:
			n = e
			continue
		case nlp.DT, nlp.JJ, nlp.CD, nlp.POS, nlp.HYPH:
			if n < 0 || s.words[e].tag == nlp.POS || s.words[e].tag == nlp.HYPH {
				continue
			}
		}
		break
	}
	if n < 0 || n != e-1 {
		return false
	}
	// the verb, after any auxiliaries
	v := e
	for v < len(s.words) && (s.words[v].upos == syntax.AUX || s.words[v].tag == nlp.MD) {
		v++
	}
	if v >= len(s.words) || s.words[v].upos != syntax.VERB && s.words[v].upos != syntax.ADJ {
		return false
	}
	vw := &s.words[v]
	switch {
	case v > e:
	case vw.tag == nlp.VBZ || vw.tag == nlp.VBP:
	case vw.tag == nlp.VBD || vw.tag == nlp.VBN || vw.tag == nlp.JJ:
		if !pastForm(vw) {
			return false
		}
	default:
		return false
	}
	h := int(s.words[p].head)
	if h == n || s.ancestorOf(n, p) {
		return false // already the subject's modifier
	}
	if h >= 0 && h != v {
		return false
	}
	for _, k := range s.children(p) {
		if c := int(k); c > v && s.verbal(c) && finite(s.words[c].tag) && s.child(c, syntax.Nsubj) < 0 {
			return false // "Suspected militants armed with rifles attacked": the later verb is the predicate
		}
	}
	inPhrase := func(k int) bool { return k >= p && k < v }
	if h < 0 {
		s.setArc(v, -1, syntax.Root)
		if v == e && vw.tag != nlp.VBZ && vw.tag != nlp.VBP {
			s.setTag(v, nlp.VBD, syntax.VERB)
		}
		obj := s.childExact(v, syntax.Obj) >= 0
		for k := v + 1; k < len(s.words); k++ {
			kh := int(s.words[k].head)
			if kh < 0 || !inPhrase(kh) {
				continue
			}
			rel := s.words[k].rel
			switch {
			case rel == syntax.Punct:
			case s.nominal(k) && s.caseOf(k) != "":
				rel = syntax.Obl // "in Mali"
			case s.nominal(k) && !obj:
				rel, obj = syntax.Obj, true // "attacked farmers" read as a conjunct
			case s.isRel(k, syntax.Nmod):
				rel = syntax.Obl
			}
			s.setArc(k, v, rel)
		}
		for k := e; k < v; k++ {
			rel := syntax.Aux // the auxiliaries: "have killed"
			if s.words[k].rel == syntax.AuxPass {
				rel = syntax.AuxPass
			}
			s.setArc(k, v, rel)
		}
	}
	for k := p + 1; k < n; k++ {
		if kh := int(s.words[k].head); !inPhrase(kh) || kh == p {
			rel := syntax.Compound
			switch s.words[k].tag {
			case nlp.DT:
				rel = syntax.Det
			case nlp.JJ:
				rel = syntax.Amod
			case nlp.CD:
				rel = syntax.Nummod
			}
			s.setArc(k, n, rel)
		}
	}
	s.setArc(n, v, syntax.Nsubj)
	s.setArc(p, n, syntax.Amod)
	s.setTag(p, nlp.JJ, syntax.ADJ)
	return true
}

// repairClauseConj mends two clauses joined by "and" read as one clause
// whose object is coordinated with the second subject: "Hamas will release
// 20 hostages and Israel will free hundreds of prisoners" parsed with
// "Israel" a conjunct of "hostages" and "will free" hung on "hundreds";
// "Modi met Ishiba in Tokyo and the two leaders signed agreements" with
// "signed agreements" a reduced relative of "leaders"; "Forty people were
// injured and police arrested 25 protesters" with "police" a conjunct of
// the verb. A conjunct noun right after its "and" and right before a
// finite verb (a tensed verb with its own object, or an auxiliary and a
// verb) that does not govern it is that verb's subject, and the verb the
// second clause's predicate, joined to the first. It reports whether it
// changed the tree.
func (s *state) repairClauseConj(lex *nlp.Pipeline) bool {
	for n := range s.words {
		if s.words[n].rel != syntax.Conj || !s.nominal(n) || s.words[n].upos == syntax.NUM || s.caseOf(n) != "" {
			continue
		}
		cc := s.childExact(n, syntax.Cc)
		if lo, _ := s.subtreeSpan(n); cc < 0 || cc != lo || cc > n {
			continue
		}
		// the first conjunct belongs to the first clause: not itself a
		// conjunct ("the sector is collapsing, and testing and treatment
		// have stopped") nor one of a pair ("between Russia and Ukraine")
		x := int(s.words[n].head)
		if x < 0 || s.isRel(x, syntax.Conj) || s.caseOf(x) == "BETWEEN" || s.caseOf(x) == "AMONG" {
			continue
		}
		v := n + 1
		for v < len(s.words) && (s.words[v].rel == syntax.Aux || s.words[v].rel == syntax.AuxPass) {
			v++
		}
		if v > n+1 && !finite(s.words[n+1].tag) {
			continue // "with both the Seleka and anti-Balaka being accused"
		}
		if v >= len(s.words) || !s.clauseVerb(lex, v, v > n+1) {
			continue
		}
		v1, obj := x, -1 // the first clause's verb; its object read as the second's subject
		if s.ancestorOf(v, n) {
			if obj, v1 = s.objectSubject(x, v); obj < 0 {
				continue
			}
		}
		for v1 >= 0 && !s.verbal(v1) {
			v1 = int(s.words[v1].head)
		}
		if v1 < 0 || v1 > n || !s.ancestorOf(v1, v) {
			continue
		}
		if k := s.child(v, syntax.Nsubj); k >= 0 && k != n && k != obj {
			continue
		}
		if obj >= 0 {
			s.setArc(obj, v1, syntax.Obj)
		}
		h := int(s.words[v].head)
		s.setArc(v, v1, syntax.Conj)
		if !s.verbal(v) || v == n+1 && s.words[v].tag == nlp.VBN {
			t := nlp.VB
			if v == n+1 {
				t = nlp.VBD
			}
			s.setTag(v, t, syntax.VERB)
		}
		s.setArc(n, v, syntax.Nsubj)
		s.setArc(cc, v, syntax.Cc)
		for k := n + 1; k < v; k++ {
			if rel := s.words[k].rel; rel != syntax.AuxPass {
				s.setArc(k, v, syntax.Aux)
			}
		}
		// "will free hundreds": the noun the verb modified is its object
		if h > v && s.nominal(h) && s.childExact(v, syntax.Obj) < 0 {
			rel := syntax.Obj
			if s.caseOf(h) != "" {
				rel = syntax.Obl
			}
			s.setArc(h, v, rel)
		}
		return true
	}
	return false
}

// objectSubject finds the first clause's object read as the subject of
// the second, with the second clause its complement: "The Taliban detained
// a British couple and Britain summoned the envoy" parsed as "detained [a
// couple and Britain summoned the envoy]". Conjunct x is the subject of
// clause v; a past tense of an act (not of saying or knowing, whose
// clause may well have two subjects: "police said protesters and
// journalists gathered") without an object of its own takes x as its
// object. It returns x and that verb, or -1 and -1.
func (s *state) objectSubject(x, v int) (int, int) {
	if int(s.words[x].head) != v || s.words[x].rel != syntax.Nsubj || s.words[v].rel != syntax.Ccomp || s.markOf(v) != "" ||
		s.words[v].tag != nlp.VBD || s.child(v, syntax.Aux) >= 0 {
		return -1, -1
	}
	v1 := int(s.words[v].head)
	if v1 < 0 || v1 > x || s.words[v1].tag != nlp.VBD || s.childExact(v1, syntax.Obj) >= 0 {
		return -1, -1
	}
	if w := &s.words[v1]; s.wc.speech[w.lemma] || s.wc.speech[w.key] || s.wc.reportVerbs[w.lemma] || s.wc.witnessVerbs[w.lemma] {
		return -1, -1
	}
	return x, v1
}

// clauseVerb reports a word that can be the finite predicate of a clause
// of its own: after an auxiliary (aux) any verb form, and after a modal
// even one the tagger took for an adjective if the lexicon knows it as a
// verb ("will free"); without one a present tense with a complement, or a
// past form with its own direct object (a reduced relative, "the
// agreements signed in May", has none).
func (s *state) clauseVerb(lex *nlp.Pipeline, v int, aux bool) bool {
	w := &s.words[v]
	if aux {
		if s.verbal(v) {
			return true
		}
		if lex == nil || w.tag != nlp.JJ || s.words[v-1].tag != nlp.MD {
			return false
		}
		tags, _ := lex.LexiconTags(w.key)
		return tags.Has(nlp.VB)
	}
	switch w.tag {
	case nlp.VBZ, nlp.VBP:
		// with a complement: "steel and aluminum exports to the U.S." is
		// a noun
		return s.verbal(v) && (s.childExact(v, syntax.Obj) >= 0 || s.child(v, syntax.Ccomp) >= 0 || s.child(v, syntax.Xcomp) >= 0)
	case nlp.VBD, nlp.VBN:
		return s.verbal(v) && s.childExact(v, syntax.Obj) >= 0 && s.childExact(v, syntax.OblAgent) < 0 && pastForm(w)
	}
	return false
}

// repairInfinitiveComplement mends "Iran vowed on Sunday to retaliate
// against Israel" read with the infinitive a purpose adjunct (an adverbial
// between verb and infinitive invites it): the infinitive of a verb that
// takes one as its complement (infinitiveHead) is its xcomp, so the vow
// and its patterns see what is vowed.
func (s *state) repairInfinitiveComplement() bool {
	for x := range s.words {
		w := &s.words[x]
		h := int(w.head)
		if w.rel != syntax.Advcl || h < 0 || h > x || w.tag != nlp.VB || s.markOf(x) != "TO" || !s.verbal(h) {
			continue
		}
		if !s.infinitiveHead(h) || s.child(h, syntax.Xcomp) >= 0 || s.childExact(h, syntax.Ccomp) >= 0 {
			continue
		}
		if s.objectControlled(h) && s.childExact(h, syntax.Obj) < 0 {
			continue // "helped to" without its object: leave it
		}
		s.setArc(x, h, syntax.Xcomp)
		return true
	}
	return false
}

// repairIntentionInfinitive mends "Hamas turned down Israel's offer to
// release 50 prisoners" read with the infinitive as the verb's purpose:
// right after an object that names an intention (intent.txt), the
// infinitive says what was intended, and whose intention it is is the
// noun's business (arguments.go), not the verb subject's.
func (s *state) repairIntentionInfinitive() bool {
	for x := range s.words {
		w := &s.words[x]
		h := int(w.head)
		if w.rel != syntax.Advcl || h < 0 || h > x || w.tag != nlp.VB || s.markOf(x) != "TO" || !s.verbal(h) || s.infinitiveHead(h) {
			continue
		}
		o := s.childExact(h, syntax.Obj)
		if o < 0 || o > x || s.words[o].upos != syntax.NOUN || !(s.wc.intent[s.words[o].lemma] || s.wc.intent[s.words[o].key] || s.wc.infinitiveHeads[s.words[o].key]) {
			continue
		}
		m := s.childExact(x, syntax.Mark)
		if _, end := s.subtreeSpan(o); m != o+1 && m != end {
			continue // only right after the noun's phrase ("the decision of Spain to"): "rejected the offer on Monday to ..." is left alone
		}
		s.setArc(x, o, syntax.Acl)
		return true
	}
	return false
}

// objectControlled reports a verb whose infinitive's subject is its
// object ("urged Israel to halt").
func (s *state) objectControlled(h int) bool {
	return s.wc.objectControl[s.words[h].lemma] || s.wc.objectControl[s.words[h].key]
}

// repairConjPredicate mends "Malian troops, alongside Russian fighters,
// killed 20 jihadists" read as a noun phrase root with the verb its
// conjunct: a finite verb without a subject, conjoined to a root noun
// phrase after a parenthetical, is the predicate and the noun phrase its
// subject.
func (s *state) repairConjPredicate() bool {
	root := s.root()
	if root < 0 || s.words[root].upos != syntax.NOUN && s.words[root].upos != syntax.PROPN {
		return false
	}
	for _, k := range s.children(root) {
		c := int(k)
		w := &s.words[c]
		if w.rel != syntax.Conj || c < root || w.upos != syntax.VERB || w.tag != nlp.VBD && w.tag != nlp.VBZ && w.tag != nlp.VBP {
			continue
		}
		if s.child(c, syntax.Nsubj) >= 0 || s.childExact(c, syntax.Cc) >= 0 {
			continue // "troops and police raided": a real coordination
		}
		if c == 0 || s.words[c-1].key != "," {
			continue // after the parenthetical's closing comma
		}
		s.setArc(c, -1, syntax.Root)
		s.setArc(root, c, syntax.Nsubj)
		for _, k2 := range s.children(root) {
			if x := int(k2); x > c {
				s.setArc(x, c, s.words[x].rel)
			}
		}
		return true
	}
	return false
}

// repairHeadlinePair mends the headline coordination "INDIA, PAKISTAN
// AGREE TO CEASEFIRE", "Russia, Ukraine swap 300 prisoners": two names
// joined by a comma and followed at once by a finite verb are its
// coordinated subject, not a vocative and a subject or a name and its
// apposition.
func (s *state) repairHeadlinePair() bool {
	n := len(s.words)
	names := func(i int) int { // end of the name run starting at i
		j := i
		for j < n && s.words[j].upos == syntax.PROPN {
			j++
		}
		return j
	}
	a := names(0)
	if a == 0 || a >= n || s.words[a].key != "," {
		return false
	}
	b := names(a + 1)
	if b == a+1 || b >= n {
		return false
	}
	v := b
	if s.words[v].upos != syntax.VERB || s.words[v].tag != nlp.VBP && s.words[v].tag != nlp.VBZ && s.words[v].tag != nlp.VBD {
		return false
	}
	ha, hb := s.phraseHead(0, a), s.phraseHead(a+1, b)
	if ha < 0 || hb < 0 || int(s.words[hb].head) == ha && s.words[hb].rel == syntax.Conj && int(s.words[ha].head) == v {
		return false // already read so
	}
	if s.root() != v {
		return false
	}
	s.setArc(ha, v, syntax.Nsubj)
	s.setArc(hb, ha, syntax.Conj)
	s.setArc(a, hb, syntax.Punct)
	return true
}

// phraseHead returns the word of [i, j) whose head lies outside it, or -1
// when there is not exactly one.
func (s *state) phraseHead(i, j int) int {
	h := -1
	for k := i; k < j; k++ {
		if x := int(s.words[k].head); x < i || x >= j {
			if h >= 0 {
				return -1
			}
			h = k
		}
	}
	return h
}

// repairTimeSpeaker mends "deported 4,000 Afghan migrants through the
// border crossings over the weekend, officials said Monday, as ..." read
// with "Monday" the subject of "said" and "officials" a conjunct of the
// object: a day after a speech verb is when it was said, and the noun
// right before the verb, after a comma, the speaker.
func (s *state) repairTimeSpeaker() bool {
	for v := 2; v+1 < len(s.words); v++ {
		if !s.speechWord(v) {
			continue
		}
		t := s.childExact(v, syntax.Nsubj)
		if t != v+1 || !s.wc.timeWords[s.words[t].key] || !s.nominal(v-1) || int(s.words[v-1].head) == v {
			continue
		}
		if lo, _ := s.subtreeSpan(v - 1); lo == 0 || s.words[lo-1].key != "," && s.words[lo].key != "," {
			continue // (the comma may hang on the phrase)
		}
		s.setArc(v-1, v, syntax.Nsubj)
		s.setArc(t, v, syntax.OblTmod)
		if s.words[v].rel == syntax.Conj {
			if r := s.root(); r >= 0 && r != v {
				s.setArc(v, r, syntax.Parataxis)
			}
		}
		return true
	}
	return false
}

// repairTailObject mends "..., killing at least 20 soldiers, security
// sources said" read with "soldiers" and "sources" the coordinated
// subject of "said": a verb with no object right before the first
// conjunct takes it as its object, and the last conjunct alone speaks.
func (s *state) repairTailObject() bool {
	for r := range s.words {
		if !s.verbal(r) || !s.speechWord(r) {
			continue
		}
		n := s.childExact(r, syntax.Nsubj)
		if n < 0 || n > r {
			continue
		}
		c := -1
		for _, k := range s.children(n) {
			if x := int(k); s.words[x].rel == syntax.Conj && x > n && x < r {
				c = x
			}
		}
		if c >= 0 && s.childExact(c, syntax.Cc) >= 0 {
			continue // "soldiers and officials said": a real coordination
		}
		if c < 0 {
			// "shelled the city of Kherson on Sunday, Ukraine's military
			// said" read with two subjects of "said"
			for _, k := range s.children(r) {
				if x := int(k); s.words[x].rel == syntax.Nsubj && x > n && x < r && s.words[x-1].key != "AND" {
					c = x
				}
			}
			if c < 0 {
				continue
			}
		}
		lo, _ := s.subtreeSpan(n)
		k := lo - 1
		for k >= 0 && s.words[k].upos == syntax.ADV {
			k--
		}
		if k < 0 || s.words[k].upos != syntax.VERB || s.words[k].tag != nlp.VBG && s.words[k].tag != nlp.VBD || s.childExact(k, syntax.Obj) >= 0 {
			continue
		}
		s.setArc(n, k, syntax.Obj)
		s.setArc(c, r, syntax.Nsubj)
		if int(s.words[r].head) == k && s.words[r].rel == syntax.Ccomp {
			s.setArc(r, k, syntax.Parataxis) // the tail reports the clause
		}
		return true
	}
	return false
}

// repairSpeakerConj mends "China said the measures were lawful and urged
// Brussels to drop its investigation" read with "urged" a conjunct inside
// the reported clause, so it has no subject: a subjectless verb of saying,
// urging or warning conjoined to a reported clause with its own subject
// is the speaker's second act.
func (s *state) repairSpeakerConj() bool {
	for c := range s.words {
		w := &s.words[c]
		h := int(w.head)
		if w.rel != syntax.Conj || h < 0 || h > c || w.upos != syntax.VERB || !finite(w.tag) && !(w.tag == nlp.VBN && s.child(c, syntax.Aux) < 0) || s.child(c, syntax.Nsubj) >= 0 {
			continue // (a past form with no auxiliary is the past tense: "and accused India")
		}
		if !(s.wc.speech[w.lemma] || s.wc.objectControl[w.lemma] || s.wc.speech[w.key] || s.wc.speakerActs[w.lemma]) {
			continue
		}
		r := int(s.words[h].head)
		if s.words[h].rel != syntax.Ccomp || r < 0 || !(s.speechWord(r) || s.wc.unreal[s.words[r].lemma] == "DENY") || s.child(h, syntax.Nsubj) < 0 && s.child(h, syntax.NsubjPass) < 0 {
			continue // (or what a speaker denies: "denied that civilians had been targeted and accused the rebels")
		}
		s.setArc(c, r, syntax.Conj)
		for _, k := range s.children(h) {
			if int(k) > c {
				s.setArc(int(k), c, s.words[k].rel) // (the words after it are its own: "accused the rebels")
			}
		}
		return true
	}
	return false
}

// repairStrayCase mends "held talks with Japanese Prime Minister Shigeru
// Ishiba" read with "with" the case of "Minister", a compound inside the
// name, and the name an unmarked oblique: a preposition that opens a
// phrase belongs to the phrase's head.
func (s *state) repairStrayCase() bool {
	for k := range s.words {
		w := &s.words[k]
		h := int(w.head)
		if w.rel != syntax.Case || w.upos != syntax.ADP || h <= k {
			continue
		}
		p := h
		for n := 0; n < 4; n++ {
			switch s.words[p].rel {
			case syntax.Compound, syntax.Flat, syntax.Amod, syntax.NmodDesc:
				if q := int(s.words[p].head); q > p {
					p = q
					continue
				}
			}
			break
		}
		if p == h {
			continue // the preposition's own phrase
		}
		if lo, _ := s.subtreeSpan(p); lo != k || s.caseOf(p) != "" {
			continue
		}
		s.setArc(k, p, syntax.Case)
		if hp := int(s.words[p].head); hp >= 0 && (s.words[p].rel == syntax.OblUnmarked || s.words[p].rel == syntax.Obj || s.words[p].rel == syntax.Nsubj) {
			if s.nominal(hp) {
				s.setArc(p, hp, syntax.Nmod)
			} else {
				s.setArc(p, hp, syntax.Obl)
			}
		}
		return true
	}
	return false
}

// repairObliqueSubject mends "They criticized the United States over its
// tariffs" read with "States" the subject of "tariffs": a nominal before
// an oblique's preposition, hung on that oblique as its subject, is the
// verb's object.
func (s *state) repairObliqueSubject() bool {
	for n := range s.words {
		w := &s.words[n]
		h := int(w.head)
		if w.rel != syntax.Nsubj || h <= n || !s.nominal(n) || !s.nominal(h) || s.words[h].rel != syntax.Obl {
			continue
		}
		c := -1
		for _, k := range s.children(h) {
			if s.words[k].rel == syntax.Case {
				c = int(k)
			}
		}
		v := int(s.words[h].head)
		if c < n || v < 0 || v > n || !s.verbal(v) || s.childExact(v, syntax.Obj) >= 0 {
			continue
		}
		s.setArc(n, v, syntax.Obj)
		return true
	}
	return false
}
