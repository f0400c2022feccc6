package coder

import (
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/syntax"
)

// Stage "arguments": who acts and who is acted on, from the tree. It reads
// a dictionary verb's dependents and, where the verb has no subject of its
// own, the tree around it: a passive's agent ("by Y") is the source and
// its subject the target; an infinitive's subject is its controller
// ("asked NATO to supply" → NATO, "agreed to withdraw" → the agreer); a
// coordinated verb shares its subject ("attacked Iraq and took Mosul"); a
// relative or reduced clause stands for its head noun ("rebels who
// kidnapped peacekeepers", "provocations launched by armed groups"); a
// participle adjunct shares the main subject (", killing eight people").
// It writes roles: word indices, resolved to groups by the caller.

// roles are a predicate's arguments as words (-1 when absent) and where
// each came from, for explain.
type roles struct {
	subj, obj         int // acting and acted-on words
	passive           bool
	subjFrom, objFrom string
}

// relPronoun reports a relative pronoun ("who", "which", "that", "whom").
func (s *state) relPronoun(i int) bool {
	w := &s.words[i]
	if w.tag == nlp.WDT || w.tag == nlp.WP || w.tag == nlp.WPS {
		return true
	}
	return w.key == "THAT" && w.upos == syntax.PRON
}

// passiveAt reports a passive predicate: a passive auxiliary or subject,
// or a past participle modifying a noun ("provocations launched by").
func (s *state) passiveAt(v int) bool {
	if s.childExact(v, syntax.AuxPass) >= 0 || s.childExact(v, syntax.NsubjPass) >= 0 {
		return true
	}
	if s.words[v].tag != nlp.VBN {
		return false
	}
	if s.childExact(v, syntax.OblAgent) >= 0 {
		return true
	}
	// (a past form with its own object is the finite verb of its noun:
	// "after Al-Qaeda-linked rebels kidnapped dozens of peacekeepers")
	return s.words[v].rel == syntax.Acl && !(s.childExact(v, syntax.Obj) >= 0 && pastTense(&s.words[v]))
}

// activeParticiple reports a past form read as a participle modifying a
// noun that has its own object: the noun is its subject.
func (s *state) activeParticiple(v int) bool {
	return s.words[v].tag == nlp.VBN && s.words[v].rel == syntax.Acl && s.childExact(v, syntax.OblAgent) < 0 &&
		s.childExact(v, syntax.Obj) >= 0 && pastTense(&s.words[v])
}

// harmClauseDoer returns the subject of a when- or as-clause of passive v
// whose verb is a violent act (harm-clause-verbs.txt): "two jawans were
// killed when Maoists triggered an IED blast" were killed by the Maoists.
// It returns -1 otherwise.
func (s *state) harmClauseDoer(v int) int {
	for _, k := range s.children(v) {
		c := int(k)
		if s.words[c].rel != syntax.Advcl || !s.wc.harmClause[s.words[c].lemma] {
			continue
		}
		opener := false
		for _, m := range s.children(c) {
			if r := s.words[m].rel; (r == syntax.Advmod || r == syntax.Mark) && (s.words[m].key == "WHEN" || s.words[m].key == "AS") && int(m) < c {
				opener = true
			}
		}
		if sb := s.childExact(c, syntax.Nsubj); opener && sb >= 0 && s.words[sb].upos != syntax.PRON {
			return sb
		}
	}
	return -1
}

// rolesOf finds the arguments of predicate v; depth bounds the walk up
// through controllers and coordinations.
func (s *state) rolesOf(v int, depth int) roles {
	r := roles{subj: -1, obj: -1}
	if v < 0 || depth > 6 {
		return r
	}
	r.passive = s.passiveAt(v)
	w := &s.words[v]
	if r.passive {
		if a := s.argChild(v, syntax.OblAgent); a >= 0 {
			r.subj, r.subjFrom = a, "obl:agent"
		} else if s.wc.summoning[w.lemma] {
			for _, k := range s.children(v) {
				if s.words[k].rel == syntax.Obl && s.caseOf(int(k)) == "TO" {
					r.subj, r.subjFrom = int(k), "obl:agent" // (summoned to the ministry: by it)
					break
				}
			}
		}
		if r.subj < 0 {
			r.subj = s.harmClauseDoer(v)
			if r.subj >= 0 {
				r.subjFrom = "the when-clause's doer"
			}
		}
		if o := s.argChild(v, syntax.NsubjPass); o >= 0 {
			r.obj, r.objFrom = o, "nsubj:pass"
		}
	} else {
		if sb := s.argChild(v, syntax.Nsubj); sb >= 0 {
			r.subj, r.subjFrom = sb, "nsubj"
		} else if sb := s.argChild(v, syntax.NsubjOuter); sb >= 0 {
			r.subj, r.subjFrom = sb, "nsubj"
		}
		if r.subj < 0 {
			// "Shelling by the RSF killed 15 civilians": an act named by
			// a gerund subject (its doer is read from the act)
			if cs := s.childExact(v, syntax.Csubj); cs >= 0 && s.eventNoun(cs).code != "" {
				r.subj, r.subjFrom = cs, "csubj (an act)"
			}
		}
		if o := s.argChild(v, syntax.Obj); o >= 0 {
			r.obj, r.objFrom = o, "obj"
		} else if o := s.argChild(v, syntax.Iobj); o >= 0 {
			r.obj, r.objFrom = o, "iobj"
		}
	}
	h := int(w.head)
	switch {
	case w.rel == syntax.AclRelcl && h >= 0:
		// a relative clause stands for its head noun: the relative pronoun's
		// role, else the role its own arguments leave open; after a
		// relative adverb ("the region, where forces clashed with X") the
		// head is where or when, no argument
		adverbial := false
		for _, k := range s.children(v) {
			switch s.words[k].key {
			case "WHERE", "WHEN", "WHY", "WHEREBY":
				adverbial = adverbial || s.words[k].rel == syntax.Advmod || s.words[k].rel == syntax.Mark
			}
		}
		switch {
		case adverbial:
		case r.subj >= 0 && s.relPronoun(r.subj):
			r.subj, r.subjFrom = h, "relative clause head"
		case r.obj >= 0 && s.relPronoun(r.obj):
			r.obj, r.objFrom = h, "relative clause head"
		case r.passive && r.obj < 0:
			r.obj, r.objFrom = h, "relative clause head"
		case !r.passive && r.subj < 0:
			r.subj, r.subjFrom = h, "relative clause head"
		case !r.passive && r.obj < 0:
			r.obj, r.objFrom = h, "relative clause head"
		}
	case w.rel == syntax.Acl && h >= 0 && s.nominal(h) && !r.passive && r.subj < 0 && s.wc.documents[s.words[h].lemma]:
		// "signed an executive order imposing tariffs": the signer acts
		// (not of one vetoed, blocked or rejected: "vetoed a resolution
		// calling for a ceasefire" calls for nothing)
		// the author the decision names itself first: "welcomes the
		// decision of the United States to designate TRF"
		for _, k := range s.children(h) {
			if s.words[k].rel == syntax.NmodPoss || s.isRel(int(k), syntax.Nmod) && (s.caseOf(int(k)) == "OF" || s.caseOf(int(k)) == "BY") {
				if s.groupOfWord(int(k)) >= 0 {
					r.subj, r.subjFrom = int(k), "the decision's author"
					break
				}
			}
		}
		if hh := int(s.words[h].head); r.subj < 0 && hh >= 0 && s.verbal(hh) && s.wc.unreal[s.words[hh].lemma] != "FAIL" && s.wc.unreal[s.words[hh].lemma] != "DENY" && s.unrealTree(hh) == "" &&
			!s.wc.witnessVerbs[s.words[hh].lemma] {
			// (one who welcomes a decision did not make it)
			if up := s.rolesOf(hh, depth+1); up.subj >= 0 && !up.passive {
				r.subj, r.subjFrom = up.subj, "the decision's author"
			}
		}
	case r.subj < 0 && !r.passive && w.rel == syntax.Acl && s.markOf(v) == "TO" && h >= 0 &&
		(s.wc.intent[s.words[h].lemma] || s.wc.intent[s.words[h].key]):
		// "expressed willingness to negotiate", "China's readiness to
		// help": whoever has the intention acts
		// ("Israel's offer to release prisoners", "a plan by Egypt":
		// the plan's own author; never who blocks, rejects or welcomes
		// it: "blocked a European Union plan to give Ukraine aid")
		if p := s.intentionOwner(h); p >= 0 {
			r.subj, r.subjFrom = p, "the intention's owner"
		} else if hh := int(s.words[h].head); hh >= 0 && s.words[h].rel == syntax.Obj && s.verbal(hh) && !s.wc.witnessVerbs[s.words[hh].lemma] {
			if u := s.wc.unreal[s.words[hh].lemma]; u == "FAIL" || u == "DENY" {
				break
			}
			if up := s.rolesOf(hh, depth+1); up.subj >= 0 && !up.passive {
				r.subj, r.subjFrom = up.subj, "controller (intention noun)"
			}
		}
	case (w.rel == syntax.Acl || w.rel == syntax.Advcl && w.tag == nlp.VBG) && h >= 0 && s.nominal(h):
		// a reduced relative: "forces supported by Russia" (the noun is
		// acted on), "troops fighting in Syria" (the noun acts); a
		// participle adjunct the parse hung on a noun acts as that noun
		if r.passive {
			if r.obj < 0 {
				r.obj, r.objFrom = h, "reduced relative head"
			}
		} else if r.subj < 0 && (w.tag == nlp.VBG || s.activeParticiple(v)) {
			r.subj, r.subjFrom = h, "reduced relative head"
		}
	case r.subj < 0 && !r.passive && h >= 0 && w.rel == syntax.Xcomp:
		// the controller: the object of "ask/urge/order X to", else the
		// head's subject
		if s.wc.objectControl[s.words[h].lemma] {
			if o := s.childExact(h, syntax.Obj); o >= 0 {
				r.subj, r.subjFrom = o, "controller (object)"
				break
			}
			if o := s.childExact(h, syntax.Iobj); o >= 0 {
				r.subj, r.subjFrom = o, "controller (object)"
				break
			}
		}
		if up := s.rolesOf(h, depth+1); up.subj >= 0 && !up.passive {
			r.subj, r.subjFrom = up.subj, "controller (subject)"
		} else if up.passive && up.obj >= 0 {
			r.subj, r.subjFrom = up.obj, "controller (subject)" // "X was asked to attend": X attends
		}
	case r.subj < 0 && h >= 0 && w.rel == syntax.Conj && s.verbal(h):
		// a coordinated predicate shares the subject: "attacked Iraq and
		// took Mosul"
		up := s.rolesOf(h, depth+1)
		if !r.passive && up.passive && w.tag == nlp.VBN && s.childExact(v, syntax.Obj) < 0 && s.child(v, syntax.Aux) < 0 {
			// "a constable was suspended and arrested": the passive
			// auxiliary is shared too
			r.passive = true
		}
		if r.passive && r.obj < 0 && up.passive {
			r.obj, r.objFrom = up.obj, "shared subject"
			if r.subj < 0 {
				r.subj, r.subjFrom = up.subj, "shared agent"
			}
		} else if !r.passive && !up.passive && up.subj >= 0 {
			r.subj, r.subjFrom = up.subj, "shared subject"
		}
	case r.subj < 0 && !r.passive && h >= 0 && w.rel == syntax.Advcl && s.markOf(v) == "TO" && s.verbal(h):
		// a purpose infinitive: "entered Syria to fight", "reaffirm our
		// readiness to cooperate"
		if up := s.rolesOf(h, depth+1); up.subj >= 0 && !up.passive {
			r.subj, r.subjFrom = up.subj, "main clause subject (purpose)"
		}
	case r.passive && r.obj < 0 && h >= 0 && w.rel == syntax.Advcl && s.verbal(h) && s.words[v].tag == nlp.VBN:
		// "escape to Cameroon when attacked by government forces", "fled
		// after being shelled": a passive adjunct without a subject is
		// done to the main clause's subject
		if up := s.rolesOf(h, depth+1); up.subj >= 0 && !up.passive {
			r.obj, r.objFrom = up.subj, "main clause subject (passive adjunct)"
		} else if up.passive && up.obj >= 0 {
			r.obj, r.objFrom = up.obj, "main clause subject (passive adjunct)"
		}
	case r.subj < 0 && !r.passive && h >= 0 && w.rel == syntax.Csubj && s.markOf(v) == "TO" && s.argChild(h, syntax.Nsubj) >= 0:
		// "Putin is due to meet Erdogan" read with a clausal subject: the
		// predicate's own subject acts
		r.subj, r.subjFrom = s.argChild(h, syntax.Nsubj), "controller (subject)"
	case r.subj < 0 && !r.passive && h >= 0 && (w.rel == syntax.Advcl || w.rel == syntax.Acl) && (w.tag == nlp.VBG || w.tag == nlp.VBN) &&
		(s.markOf(v) == "" || w.tag == nlp.VBG && s.wc.gerundMarks[s.markOf(v)]):
		// "with Cavusoglu warning that ...": the with-phrase right before
		// the participle is its subject; otherwise a participle adjunct
		// (", killing eight people") shares the main subject
		if x := s.withSubject(h, v); x >= 0 {
			r.subj, r.subjFrom = x, "with-phrase before the participle"
		} else if up := s.rolesOf(h, depth+1); up.subj >= 0 && !up.passive {
			r.subj, r.subjFrom = up.subj, "main clause subject"
		}
	}
	// "the rebels, who attacked ...": a relative pronoun left over
	if r.subj >= 0 && s.relPronoun(r.subj) {
		if h >= 0 && s.nominal(h) {
			r.subj, r.subjFrom = h, "relative clause head"
		} else if a := s.antecedentOf(r.subj); a >= 0 {
			r.subj, r.subjFrom = a, "relative pronoun's antecedent"
		}
	}
	if r.obj >= 0 && s.relPronoun(r.obj) && (h < 0 || !s.nominal(h)) {
		if a := s.antecedentOf(r.obj); a >= 0 {
			r.obj, r.objFrom = a, "relative pronoun's antecedent"
		}
	}
	if r.subj < 0 && !r.passive && finite(w.tag) {
		// a finite verb has a subject: when the parse lost it, the phrase
		// right before the verb in its own stretch of the sentence
		if g := s.leftSubject(v); g >= 0 {
			r.subj, r.subjFrom = g, "nearest phrase before the verb (the parse gave no subject)"
		}
	}
	return r
}

// antecedentOf returns the noun a relative pronoun at p stands for when
// the parse did not hang its clause on that noun: the phrase head right
// before it, across a comma ("the girls, who were kidnapped"), or -1.
func (s *state) antecedentOf(p int) int {
	k := p - 1
	if k >= 0 && s.words[k].key == "," {
		k--
	}
	if k < 0 || !s.nominal(k) {
		return -1
	}
	// climb to the phrase's head inside its own phrase
	for n := 0; n < 4 && s.words[k].head >= 0 && coreRel(s.words[k].rel) && int(s.words[k].head) > k; n++ {
		k = int(s.words[k].head)
	}
	return k
}

// leftSubject returns the head word of the nearest actor phrase ending
// before verb v with no finite verb, clause mark or preposition between,
// or -1.
func (s *state) leftSubject(v int) int {
	for k := v - 1; k >= 0; k-- {
		w := &s.words[k]
		if g := s.groupEndingAt(k + 1); g >= 0 {
			gr := &s.groups[g]
			if gr.i > 0 && s.words[gr.i-1].tag == nlp.IN && !s.wc.subordinators[s.words[gr.i-1].key] {
				return -1 // "in Jeddah": an adverbial, not a subject
			}
			return gr.head
		}
		switch {
		case finite(w.tag) || w.tag == nlp.WDT || w.tag == nlp.WP || w.key == "THAT" || w.key == ";" || w.key == ":":
			return -1
		case w.key == "," && k == v-1:
			// "X, commonly known as Y, met": step over a parenthetical
			// with no finite verb of its own
			for c := k - 1; c > 0; c-- {
				if cw := &s.words[c]; finite(cw.tag) || cw.tag == nlp.WDT || cw.tag == nlp.WP {
					break
				}
				if s.words[c].key == "," {
					k = c
					break
				}
			}
		case w.tag == nlp.IN && !s.npw[k]:
			return -1
		}
	}
	return -1
}

// groupEndingAt returns the group whose words end at j, or -1.
func (s *state) groupEndingAt(j int) int {
	for g := range s.groups {
		if s.groups[g].j == j {
			return g
		}
	}
	return -1
}

// argChild returns v's dependent with relation r, preferring one that
// heads an actor phrase when the parse gives several ("Three" and
// "Americans" both as subjects). Of two subjects with the verb's
// subordinator between them, the second is the verb's: "people trapped in
// El Fasher face famine after the RSF blocked food convoys" read with
// "face" a noun hangs both "people" and "the RSF" on "blocked".
func (s *state) argChild(v int, r syntax.Rel) int {
	first := -1
	for _, k := range s.children(v) {
		if s.words[k].rel != r {
			continue
		}
		if first < 0 {
			first = int(k)
		}
		if s.groupOfWord(int(k)) >= 0 && !s.markAfter(v, int(k), r) {
			return int(k)
		}
	}
	return first
}

// markAfter reports a subject k of v followed by a subordinator of v and
// another subject (the case argChild resolves to the later subject).
func (s *state) markAfter(v, k int, r syntax.Rel) bool {
	if r != syntax.Nsubj {
		return false
	}
	mark := false
	for _, m := range s.children(v) {
		switch {
		case int(m) <= k:
		case s.words[m].rel == syntax.Mark && (s.words[m].upos == syntax.SCONJ || s.wc.subordinators[s.words[m].key]):
			mark = true
		case mark && s.words[m].rel == r && s.groupOfWord(int(m)) >= 0:
			return true
		}
	}
	return false
}

// withSubject returns the with-phrase of h that ends right before the
// participle v ("accelerate with Cavusoglu warning"), or -1.
func (s *state) withSubject(h, v int) int {
	for _, k := range s.children(h) {
		if s.isRel(int(k), syntax.Obl) && s.caseOf(int(k)) == "WITH" {
			if _, hi := s.subtreeSpan(int(k)); hi == v {
				return int(k)
			}
		}
	}
	return -1
}

// markOf returns the subordinator of clause v ("IF", "AFTER"), or "".
func (s *state) markOf(v int) string {
	if m := s.childExact(v, syntax.Mark); m >= 0 {
		return s.words[m].key
	}
	return ""
}

// obliqueTarget returns the oblique of v whose preposition can mark a
// target, target prepositions first, or -1.
func (s *state) obliqueTarget(v int) int {
	best, rank, from, bare := -1, len(s.wc.targetRank), -1, -1
	for _, k := range s.children(v) {
		switch s.words[k].rel {
		case syntax.OblAgent, syntax.OblTmod, syntax.OblUnmarked, syntax.OblNpmod:
			continue // the agent; "Monday", "last week", "two miles"
		}
		if !s.isRel(int(k), syntax.Obl) {
			continue
		}
		p := s.caseOf(int(k))
		if p == "" && bare < 0 && s.groupOfWord(int(k)) >= 0 {
			bare = int(k) // "urge the United States to stop" read as an oblique
		}
		if p == "WITH" && s.wc.backingNouns[s.words[k].lemma] {
			continue // "with the support of Iran": a helper
		}
		if o := s.childExact(v, syntax.Obj); o >= 0 && o < int(k) && s.wc.topicPreps[p] && s.wc.talkNouns[s.words[o].key] {
			continue // "held talks on a prisoner exchange": the topic
		}
		for r, tp := range s.wc.targetRank {
			if p == tp && (r < rank || best >= 0 && !s.namesActor(best) && s.namesActor(int(k))) {
				// the best-ranked phrase naming an actor: "responded
				// with airstrikes on Gaza"
				if best < 0 || !s.namesActor(best) || r < rank && s.namesActor(int(k)) {
					best, rank = int(k), r
				}
			}
		}
		if s.wc.sourcePreps[p] && from < 0 {
			from = int(k)
		}
	}
	if best >= 0 {
		return best
	}
	if from >= 0 {
		return from
	}
	return bare
}

// namesActor reports whether phrase k is or holds an actor.
func (s *state) namesActor(k int) bool {
	return s.groupOfWord(k) >= 0 || s.groupOfWord(s.nominalTargetAt(k, 0)) >= 0
}

// nominalTarget returns the modifier of noun n that names whom the noun's
// act is aimed at ("ties with X", "sanctions on X", "aid to X"), or -1.
func (s *state) nominalTarget(n int) int {
	return s.nominalTargetAt(n, 0)
}

// nominalTargetAt searches the modifiers of n for an actor phrase, nearest
// first and, at each level, target prepositions before "by" (the
// perpetrator: "condemned an attack by X") before "of" before the rest
// ("the closure of guest houses in Bree").
func (s *state) nominalTargetAt(n, depth int) int {
	if depth > 3 || s.wc.venueNouns[s.words[n].key] {
		return -1 // (under "the sidelines of": a venue)
	}
	var ranked [4][]int
	for _, k := range s.children(n) {
		kr := s.words[k].rel
		if kr == syntax.Acl && s.words[k].tag == nlp.VBN {
			// "the provocations launched by the armed groups": their doer;
			// "the sanctions imposed on Iran by the United States": whom
			// they are aimed at first
			for _, a := range s.children(int(k)) {
				if s.isRel(int(a), syntax.Obl) && s.words[a].rel != syntax.OblAgent && s.wc.targetPreps[s.caseOf(int(a))] {
					ranked[0] = append(ranked[0], int(a))
				}
			}
			if a := s.childExact(int(k), syntax.OblAgent); a >= 0 {
				ranked[1] = append(ranked[1], a)
			}
			continue
		}
		if kr == syntax.Acl && s.markOf(int(k)) == "TO" {
			// "an operation to flush out X": the purpose's object
			for _, a := range s.children(int(k)) {
				if ar := s.words[a].rel; ar == syntax.Obj || ar == syntax.Iobj {
					ranked[2] = append(ranked[2], int(a))
				}
			}
			continue
		}
		if kr == syntax.Conj && s.nominal(int(k)) {
			ranked[2] = append(ranked[2], int(k)) // "all interested countries, including the United States"
			continue
		}
		if kr == syntax.NmodPoss {
			// "support for Pakistan's sovereignty": the owner of a thing
			// (an act's possessor is its doer, never its target)
			if depth == 0 && s.eventNoun(n).code == "" {
				ranked[3] = append(ranked[3], int(k))
			}
			continue
		}
		if !s.isRel(int(k), syntax.Nmod) || kr == syntax.NmodTmod {
			continue
		}
		switch p := s.caseOf(int(k)); {
		case s.wc.coagentPreps[p]:
			continue // "along with donors": co-actors
		case s.wc.topicPreps[p] && (s.wc.talkNouns[s.words[n].key] || s.wc.pactNouns[s.words[n].key]):
			continue // "a summit on the unrest in Iran", "talks over Ukraine": the topic
		case (p == "IN" || p == "AT") && (s.wc.talkNouns[s.words[n].key] || s.wc.pactNouns[s.words[n].key]):
			continue // "held talks in Jakarta", "signed a deal in Jeddah": the venue
		case p == "AS":
			continue // "a ceasefire as a step toward peace in Europe": what it is, not whom it aims at
		case p == "INCLUDING":
			ranked[0] = append(ranked[0], int(k))
		case s.wc.targetPreps[p]:
			ranked[0] = append(ranked[0], int(k))
		case p == "BY":
			ranked[1] = append(ranked[1], int(k))
		case p == "OF":
			ranked[2] = append(ranked[2], int(k))
		default:
			ranked[3] = append(ranked[3], int(k))
		}
	}
	for _, ks := range ranked {
		for _, k := range ks {
			if s.groupOfWord(k) >= 0 {
				return k
			}
		}
	}
	for _, ks := range ranked {
		for _, k := range ks {
			if t := s.nominalTargetAt(k, depth+1); t >= 0 {
				return t
			}
		}
	}
	return -1
}

// purposeObject returns the object of v's purpose infinitive ("launched
// an operation to flush out X", "sent troops to fight X"), or -1.
func (s *state) purposeObject(v int) int {
	for _, k := range s.children(v) {
		if r := s.words[k].rel; (r == syntax.Xcomp || r == syntax.Advcl) && s.markOf(int(k)) == "TO" {
			if o := s.argChild(int(k), syntax.Obj); o >= 0 {
				return o
			}
			// "threatened to close or suspend U.S. operations"
			for _, c := range s.children(int(k)) {
				if s.words[c].rel == syntax.Conj && s.verbal(int(c)) {
					if o := s.argChild(int(c), syntax.Obj); o >= 0 {
						return o
					}
				}
			}
		}
	}
	return -1
}

// clausal relations start a clause of their own: a verb's pattern and
// arguments stop there.
func clausal(r syntax.Rel) bool {
	switch r.Universal() {
	case syntax.Ccomp, syntax.Csubj, syntax.Advcl, syntax.Parataxis, syntax.Acl, syntax.List, syntax.Dislocated, syntax.Reparandum:
		return true
	}
	return false
}

// window marks the words of v's own clause in s.allow and returns its
// bounds: the subtree of v (or of the verb v is the infinitive of: "agreed
// to withdraw") without clauses of their own, and without coordinated
// predicates.
func (s *state) window(v int) (lo, hi int) {
	top := v
	for n := 0; n < 4 && s.words[top].rel == syntax.Xcomp && s.words[top].head >= 0; n++ {
		top = int(s.words[top].head)
	}
	n := len(s.words)
	s.allow = append(s.allow[:0], make([]bool, n)...)
	lo, hi = n, 0
	var walk func(x int, depth int)
	walk = func(x int, depth int) {
		if depth > 60 {
			return
		}
		s.allow[x] = true
		lo, hi = min(lo, x), max(hi, x+1)
		for _, k := range s.children(x) {
			kr := s.words[k].rel
			if int(k) != v && !s.ancestorOf(int(k), v) {
				// "called on X to resume talks": the infinitive of a verb
				// that takes one; a purpose ("met in Paris to coordinate
				// their opposition to a war") is a clause of its own
				infinitive := kr == syntax.Advcl && s.markOf(int(k)) == "TO" && s.infinitiveHead(x)
				if !infinitive && (clausal(kr) || kr == syntax.Conj && s.verbal(int(k)) && s.verbal(x)) {
					// the clause's subordinator stays visible to patterns:
					// "attacked the government for failing to ..."
					if m := s.childExact(int(k), syntax.Mark); m >= 0 {
						s.allow[m] = true
						lo, hi = min(lo, m), max(hi, m+1)
					}
					continue
				}
			}
			walk(int(k), depth+1)
		}
	}
	walk(top, 0)
	return lo, hi
}

// intentionOwner returns the word naming whose intention noun h is: its
// possessor ("China's readiness") or its by/from phrase ("a proposal by
// Egypt"); -1 when none. (An actor inside the noun's own phrase is not
// taken: "a U.S. commitment to use all military assets" is mostly talk
// about policy, not a pledge made.)
func (s *state) intentionOwner(h int) int {
	if p := s.childExact(h, syntax.NmodPoss); p >= 0 {
		if s.words[p].upos == syntax.PRON {
			// "We reaffirm our readiness to cooperate": the pronoun is
			// the subject's, which the speaker and document stages
			// resolve ("its offer" under another subject is rare)
			if hh := int(s.words[h].head); hh >= 0 && s.words[h].rel == syntax.Obj && s.verbal(hh) {
				if up := s.rolesOf(hh, 1); up.subj >= 0 && !up.passive {
					return up.subj
				}
			}
		}
		return p
	}
	for _, k := range s.children(h) {
		if s.isRel(int(k), syntax.Nmod) && (s.caseOf(int(k)) == "BY" || s.caseOf(int(k)) == "FROM") && s.groupOfWord(int(k)) >= 0 {
			return int(k)
		}
	}
	return -1
}
