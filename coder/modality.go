package coder

import (
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/syntax"
)

// Modality: negated events are never coded as the positive event;
// hypothetical ("would", "if") and questioned acts, material or verbal,
// are not coded either (the tree coder; the linear coder marks them);
// intended events ("will", "plans to", "readiness to") are coded as CAMEO
// practice wants: an expressed intent (03x) or a threat (13x), not the
// material event itself.

const (
	modHypothetical = "hypothetical"
	modIntended     = "intended"
	modQuestioned   = "questioned"
	modNegated      = "negated"
)

// modalityOf reads the modality of verb v from its verb group and clause.
func (s *state) modalityOf(v *verbCand) string {
	if n := len(s.words); n > 0 && s.words[n-1].key == "?" {
		return modQuestioned
	}
	mod := ""
	for k := v.gs; k < v.vs; k++ {
		x := &s.words[k]
		if x.key == "NO" && k+1 < v.vs && s.words[k+1].key == "LONGER" {
			return modNegated // "will no longer recognize"
		}
		switch {
		case intended[x.key]:
			mod = modIntended
		case hypothetical[x.key] && mod == "":
			mod = modHypothetical
		case s.wc.linearIntent[x.lemma] || s.wc.linearIntent[x.key]:
			mod = modIntended
		}
	}
	// "vowed to retaliate", "our readiness to cooperate": the intent word
	// stands right before the verb group's "to"
	if g := v.gs; g > 0 && s.words[g].tag == nlp.TO {
		p := &s.words[g-1]
		if s.wc.linearIntent[p.key] || s.wc.linearIntent[p.lemma] {
			mod = modIntended
		}
	}
	if mod == "" {
		// a conditional clause: "if X attacks, ..."
		for k := v.gs - 1; k >= 0 && k >= v.gs-12; k-- {
			if s.words[k].key == "IF" || s.words[k].key == "UNLESS" {
				return modHypothetical
			}
			if s.words[k].key == ";" || s.words[k].key == "." {
				break
			}
		}
	}
	return mod
}

// applyModality sets each event's modality and recodes intended material
// events to the express-intent (03) or threaten (13) family.
func (c *Coder) applyModality(s *state, raw []rawEvent) []rawEvent {
	for k := range raw {
		r := &raw[k]
		if strings.HasPrefix(r.pattern, "context:") {
			continue
		}
		var v *verbCand
		for vi := range s.verbs {
			if s.verbs[vi].vs == r.verbI {
				v = &s.verbs[vi]
				break
			}
		}
		if v == nil {
			continue
		}
		if s.hasTree {
			r.modality = s.treeModality(v)
		} else {
			r.modality = s.modalityOf(v)
		}
		if r.modality == modNegated {
			s.note("%s %s %s dropped: negated", r.src, r.tgt, r.code)
			r.code = "" // not coded as the positive event; dropped below
			continue
		}
		if strings.HasPrefix(r.code, "03") || strings.HasPrefix(r.code, "13") {
			r.modality = modIntended // expressed intent is what these codes say
			continue
		}
		if r.modality == modIntended && len(r.code) >= 2 {
			if ic := c.words.intentCode(r.code); ic != "" {
				s.note("%s %s %s recoded %s: an intention, not the act", r.src, r.tgt, r.code, ic)
				r.code = ic
			}
		}
	}
	return dedupRaw(dropUncodedRaw(raw))
}

// treeModality reads the modality of verb v from the tree: its
// auxiliaries and those of the verbs it is the infinitive or coordinate
// of ("will", "could"), an intention word it depends on ("plans to",
// "ready to", "readiness to"), a conditional clause around it ("if ..."),
// and a question.
func (s *state) treeModality(v *verbCand) string {
	mod := ""
	x := v.i
	viaConj := false // x was reached from its conjunct: its own words of intent are its own
	for n := 0; x >= 0 && n < 8; n++ {
		w := &s.words[x]
		for _, k := range s.children(x) {
			kw := &s.words[k]
			if kw.rel != syntax.Aux {
				continue
			}
			switch {
			case intended[kw.key]:
				mod = modIntended
			case hypothetical[kw.key] && mod == "" && kw.key == "WOULD" && s.reportedFuture(x):
				mod = modIntended
			case hypothetical[kw.key] && mod == "":
				mod = modHypothetical
			}
		}
		if x != v.i && !viaConj && (s.wc.intent[w.lemma] || s.wc.intent[w.key]) {
			mod = modIntended
			if w.lemma == "GO" && !s.goingTo(x) {
				mod = modHypothetical // "had gone to arrest him": an errand's aim, not said to be done
			}
		}
		if m := s.markOf(x); m == "IF" || m == "UNLESS" {
			return modHypothetical
		} else if m == "UNTIL" && w.head >= 0 && s.withheld(int(w.head)) {
			// "would not sign a final deal until the government released
			// Machar": what a refusal waits for has not happened
			return modHypothetical
		} else if m == "TO" && w.head < 0 && s.childExact(x, syntax.Nsubj) >= 0 {
			mod = modIntended // a headline's "Biden to visit Kenya": planned
		}
		h := int(w.head)
		if h < 0 {
			break
		}
		if (w.rel == syntax.Xcomp || w.rel == syntax.Advcl || w.rel == syntax.Csubj) && s.markOf(x) == "TO" {
			// "reaffirm our readiness to cooperate", "is ready to send":
			// an intention word the infinitive hangs from
			if o := s.childExact(h, syntax.Obj); o >= 0 && (s.wc.intent[s.words[o].lemma] || s.wc.intent[s.words[o].key]) {
				if s.negatedNoun(o) {
					return modNegated // "had no plans to withdraw"
				}
				mod = modIntended
			}
			if s.words[h].upos == syntax.ADJ && s.wc.intent[s.words[h].key] {
				mod = modIntended
			}
		}
		viaConj = false
		switch {
		case w.rel == syntax.Xcomp, w.rel == syntax.Conj && s.verbal(h):
			// ("threaten shipping and launch missiles": the conjunct
			// shares the mood, not the sense of "threaten")
			viaConj = w.rel == syntax.Conj
			x = h
		case w.rel == syntax.Advcl && s.markOf(x) == "TO" && s.words[x].tag == nlp.VB && !s.infinitiveHead(h):
			// a purpose shares the mood of the act it is the purpose of:
			// "sent soldiers to combat X" is coded as CAMEO coders do,
			// "pledged to send police to help fight gangs" is only meant
			x = h
		case (w.rel == syntax.Acl || w.rel == syntax.Advcl) && s.words[v.i].rel == syntax.Xcomp || w.rel == syntax.Acl && x == v.i:
			// "our readiness to cooperate": an intention noun's infinitive
			if s.wc.intent[s.words[h].lemma] || s.wc.intent[s.words[h].key] {
				if s.negatedNoun(h) {
					return modNegated // "has no intention of sending"
				}
				mod = modIntended
			}
			x = -1
		case w.rel == syntax.Advcl && w.tag == nlp.VBG && (s.markOf(x) == "" || s.wc.gerundMarks[s.markOf(x)]):
			// a participle adjunct shares its clause's subject and mood:
			// "he may tease the U.S. by defying it" did not happen either
			x = h
		case w.rel == syntax.Advcl:
			// a clause inside a conditional: "if X attacks, ..." is handled
			// by the mark above
			x = -1
		default:
			x = -1
		}
	}
	if mod == "" && s.questionClause(v.i) {
		return modQuestioned
	}
	return mod
}

// goingTo reports "be going to": "go" says intent only in the
// progressive ("is going to arrest"); "had gone to arrest" is a journey's
// aim.
func (s *state) goingTo(x int) bool {
	for _, k := range s.children(x) {
		if s.words[k].rel == syntax.Aux && s.words[k].lemma == "BE" {
			return true
		}
	}
	return false
}

// questionClause reports whether v belongs to the main clause of a
// sentence ending in a question mark.
func (s *state) questionClause(v int) bool {
	n := len(s.words)
	if n == 0 || s.words[n-1].key != "?" {
		return false
	}
	for x, k := v, 0; x >= 0 && k < 8; k++ {
		w := &s.words[x]
		if w.head < 0 {
			return true
		}
		if w.rel != syntax.Xcomp && w.rel != syntax.Conj {
			return false
		}
		x = int(w.head)
	}
	return false
}

// unrealTree reports how the event of verb v did not happen: "negated"
// ("did not attack", "no longer recognizes", "did not agree to
// withdraw"), "failed" (the infinitive of fail or refuse), "denied" (the
// complement of deny), "alleged" (what X is accused of: "accused Y of
// attacking"), or "" when it did.
func (s *state) unrealTree(v int) string {
	x := v
	if o := s.childExact(v, syntax.Obj); o >= 0 && s.words[o].key == "NOTHING" {
		return modNegated // "said nothing about", "did nothing to stop"
	}
	for _, r := range [...]syntax.Rel{syntax.Nsubj, syntax.NsubjPass, syntax.Obj} {
		// "no passengers were killed", "no ransom was paid"
		if a := s.childExact(v, r); a >= 0 {
			if d := s.childExact(a, syntax.Det); d >= 0 && s.words[d].key == "NO" {
				return modNegated
			}
		}
	}
	for n := 0; n < 8; n++ {
		if x != v && s.wc.unreal[s.words[x].lemma] == "LITOTES" {
			return "" // "will not hesitate to take measures"
		}
		for _, k := range s.children(x) {
			kw := &s.words[k]
			if kw.rel != syntax.Advmod {
				continue
			}
			switch kw.key {
			case "NOT", "N'T", "NEVER":
				return modNegated
			case "LONGER":
				if p := s.childExact(int(k), syntax.Advmod); p >= 0 && s.words[p].key == "NO" {
					return modNegated
				}
			}
		}
		w := &s.words[x]
		h := int(w.head)
		if h < 0 {
			return ""
		}
		switch w.rel.Universal() {
		case syntax.Xcomp, syntax.Ccomp, syntax.Advcl, syntax.Acl:
			if w.rel == syntax.Advcl && s.wc.gerundMarks[s.markOf(x)] {
				break // "denied the allegations while criticizing X": an adjunct, not what is denied
			}
			if w.rel == syntax.Advcl && s.markOf(x) == "" && w.tag == nlp.VBG && x > 0 && s.words[x-1].key == "," {
				break // "blocked a highway, demanding accountability": the blockers' own act, not what is blocked
			}
			switch s.wc.unreal[s.words[h].lemma] {
			case "FAIL":
				return "failed"
			case "DENY":
				return "denied"
			case "DOUBT":
				return modHypothetical // "little chance that another summit will take place"
			case "ALLEGE":
				return "alleged"
			}
		}
		if (w.rel == syntax.Acl || w.rel == syntax.Ccomp) && s.nominal(h) {
			// "I see no signs that X is talking": the content of a noun
			// that "no" denies
			if d := s.childExact(h, syntax.Det); d >= 0 && s.words[d].key == "NO" {
				return modNegated
			}
		}
		if w.rel == syntax.Acl && s.nominal(h) && s.words[h].head >= 0 && s.wc.unreal[s.words[s.words[h].head].lemma] == "ALLEGE" {
			// "accused Azerbaijan of shelling towns" read as a clause on
			// the accused: what X is accused of
			return "alleged"
		}
		if w.rel == syntax.Acl && s.wc.documents[s.words[h].lemma] {
			// "vetoed a resolution condemning X": the text's fate is the act's
			if hh := int(s.words[h].head); hh >= 0 {
				switch s.wc.unreal[s.words[hh].lemma] {
				case "FAIL":
					return "failed"
				case "DENY":
					return "denied"
				}
			}
			return ""
		}
		if w.rel != syntax.Xcomp && !(w.rel == syntax.Conj && s.verbal(h)) {
			return ""
		}
		if w.rel == syntax.Conj && (s.childExact(x, syntax.Nsubj) >= 0 || s.childExact(x, syntax.NsubjPass) >= 0) {
			return "" // "did not respond, but they have denied ...": a clause of its own
		}
		x = h
	}
	return ""
}

// reportedFuture reports a clause whose "would" is the reported "will":
// "The Philippines said it would cooperate with Vietnam" is an intention,
// not a condition, when the speech verb is in the past and the clause has
// no condition of its own.
func (s *state) reportedFuture(x int) bool {
	w := &s.words[x]
	h := int(w.head)
	if h < 0 || w.rel != syntax.Ccomp && w.rel != syntax.Parataxis {
		return false
	}
	if hw := &s.words[h]; !(s.wc.speech[hw.lemma] || s.wc.speech[hw.key]) || hw.tag != nlp.VBD && hw.tag != nlp.VBN {
		return false
	}
	lo, hi := s.subtreeSpan(x)
	for k := lo; k < hi; k++ {
		if key := s.words[k].key; (key == "IF" || key == "UNLESS") && s.words[k].rel == syntax.Mark {
			return false // a condition anywhere in the reported clause
		}
	}
	return true
}

// infinitiveHead reports a verb whose to-infinitive complements it ("ruled
// to", "vowed to", "asked X to") rather than giving its purpose.
func (s *state) infinitiveHead(h int) bool {
	for _, k := range [2]string{s.words[h].lemma, s.words[h].key} {
		if s.wc.infinitiveHeads[k] || s.wc.catenative[k] || s.wc.intent[k] || s.wc.objectControl[k] {
			return true
		}
	}
	return false
}

// withheld reports whether verb h is negated or only said of the future
// ("would not sign", "will not return"): a clause it waits "until" for is
// a condition.
func (s *state) withheld(h int) bool {
	for _, k := range s.children(h) {
		kw := &s.words[k]
		switch {
		case kw.rel == syntax.Advmod && (kw.key == "NOT" || kw.key == "N'T" || kw.key == "NEVER"):
			return true
		case kw.rel == syntax.Aux && (kw.key == "WILL" || kw.key == "WOULD" || kw.key == "'LL"):
			return true
		}
	}
	return false
}
