package coder

import (
	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

// rawEvent is an event before it is turned into an egret.Event.
type rawEvent struct {
	src, tgt, code         string
	srcI, srcJ, tgtI, tgtJ int
	verbI, verbJ           int
	pattern                string
	srcRef, tgtRef         *egret.Ref
	modality               string
	certainty, reportedBy  string
	noSource               bool // passive without an agent: the text does not say who
	srcInferred            bool // the source's country is the place's the sentence names
	tgtInferred            bool
	tgtPlace               bool // the target is an attacked place or thing
}

// verbTry records, for explain, what one verb did.
type verbTry struct {
	verb              int
	subjFrom, objFrom string // where the tree arguments came from
	pattern           *petrarch.Pattern
	code              string
	note              string
	src               int
	tgt               int
}

// codeClauses codes each clause: the first verb (speech verbs last) that
// yields an event wins, as in TABARI.
func (c *Coder) codeClauses(s *state) []rawEvent {
	if len(s.verbs) == 0 || len(s.ents) == 0 {
		return nil
	}
	for i := range s.words {
		s.mask |= wordBit(s.words[i].key)
		if c.lemmaPatterns {
			s.mask |= wordBit(s.words[i].lemma)
		}
	}
	s.findReport()
	s.buildClauses()
	s.buildGroups()
	if s.trace != nil {
		s.trace.snapshot(s)
	}
	var out []rawEvent
	prevSubj := -1
	reportedBy := ""
	for ci := range s.clauses {
		cl := &s.clauses[ci]
		if cl.report {
			for g := range s.groups {
				if s.groups[g].i >= cl.start {
					reportedBy = s.groupText(g)
					break
				}
			}
			if reportedBy == "" {
				reportedBy = "-"
			}
		}
	}
	for ci := range s.clauses {
		cl := &s.clauses[ci]
		if cl.report {
			continue
		}
		inh := -1
		if cl.inherit {
			inh = prevSubj
		}
		done := false
		for pass := 0; pass < 2 && !(done && !s.phraseScope); pass++ {
			for vi := range s.verbs {
				v := &s.verbs[vi]
				if v.i < cl.start || v.i >= cl.end || v.speech != (pass == 1) {
					continue
				}
				// TABARI codes one verb a clause; with CAMEO 2.0 phrase
				// scope a later verb with its own subject (a relative or
				// complement clause) is coded too
				if done && !s.ownSubject(cl, v) {
					continue
				}
				evs, subj := c.codeVerb(s, v, cl, inh)
				if subj >= 0 && cl.subj < 0 {
					cl.subj = subj
				}
				if len(evs) > 0 && v.reduced {
					out = append(out, evs...) // a reduced relative does not end the clause
					continue
				}
				if len(evs) > 0 {
					for k := range evs {
						if reportedBy != "" {
							evs[k].certainty = "reported"
							if reportedBy != "-" {
								evs[k].reportedBy = reportedBy
							}
						}
					}
					out = append(out, evs...)
					done = true
					if !s.phraseScope {
						break
					}
				}
			}
		}
		if cl.subj < 0 {
			cl.subj = inh
		}
		prevSubj = cl.subj
		if s.phraseScope {
			// a coordinated verb phrase shares the subject of the verb
			// right before it: "claimed that ISIL had attacked Iraq and
			// taken Mosul"
			for vi := len(s.verbs) - 1; vi >= 0; vi-- {
				v := &s.verbs[vi]
				if v.i >= cl.start && v.i < cl.end {
					if g := s.subject(cl, v, &binding{src: -1, tgt: -1, comp: -1}, inh); g >= 0 {
						prevSubj = g
					}
					break
				}
			}
		}
	}
	return out
}

func (s *state) groupText(g int) string {
	gr := &s.groups[g]
	if gr.i >= gr.j {
		return ""
	}
	if s.doc != nil {
		_, t := s.span(s.doc, gr.i, gr.j)
		return t
	}
	return joinWords(s.words[gr.i:gr.j])
}

func joinWords(ws []word) string {
	n := 0
	for _, w := range ws {
		n += len(w.key) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w.key...)
	}
	return string(b)
}

// subject finds the default source: the leftmost group of the clause before
// the verb group, else the inherited subject.
func (s *state) subject(cl *clause, v *verbCand, b *binding, inh int) int {
	lo := cl.start
	if lo < len(s.words) && s.words[lo].tag == nlp.IN && (!s.wc.subordinators[s.words[lo].key] || s.phraseScope) {
		// "On improvement of ..., he said": skip a clause-initial adverbial
		for k := lo; k < v.gs; k++ {
			if s.words[k].key == "," {
				lo = k + 1
				break
			}
		}
	}
	if s.phraseScope && !s.adjunct(v) {
		if g, ok := s.infinitiveSubject(cl, v, b, inh); ok {
			return g
		}
		if g := s.relativeAntecedent(v, b); g >= 0 {
			return g
		}
		if g := s.afterRelative(v, b); g >= 0 {
			return g
		}
		lo = s.windowStart(lo, v)
	}
	// a phrase right before the verb group is its subject ("after
	// Calenardhon crowds burned"), unless it is the object of a preposition
	for g := range s.groups {
		gr := &s.groups[g]
		if gr.i >= lo && gr.j == v.gs && !b.taken(g) {
			if gr.i == 0 || s.words[gr.i-1].tag != nlp.IN || s.wc.subordinators[s.words[gr.i-1].key] {
				return g
			}
		}
	}
	ppObj := -1
	for g := range s.groups {
		gr := &s.groups[g]
		if gr.i >= lo && gr.j <= v.gs && !b.taken(g) {
			if gr.i > lo && s.words[gr.i-1].tag == nlp.IN && !s.wc.subordinators[s.words[gr.i-1].key] {
				if ppObj < 0 {
					ppObj = g // object of a preposition: only if nothing better
				}
				continue
			}
			return g
		}
	}
	if ppObj >= 0 && (inh < 0 || b.taken(inh)) && !s.phraseScope {
		return ppObj
	}
	if inh >= 0 && !b.taken(inh) {
		return inh
	}
	return -1
}

// bestPattern returns the heaviest pattern of the verb (or of an
// alternative reading of it) matching in words [lo, hi) that fits, with its
// binding and the verb reading it belongs to; with none, the first reading
// whose own code is not null.
func (c *Coder) bestPattern(s *state, v *verbCand, lo, hi int, fits func(*cpattern, *binding) bool) (*cpattern, binding, *petrarch.Verb) {
	var best *cpattern
	var bb binding
	verb := v.verb
	for a := -1; a < len(v.alts); a++ {
		vb := v.verb
		if a >= 0 {
			vb = v.alts[a]
		}
		for _, cp := range c.blocks[vb.Block] {
			if cp.skip || !c.mayMatch(s, cp) {
				continue
			}
			if best != nil && cp.weight <= best.weight {
				continue
			}
			b := binding{src: -1, tgt: -1, comp: -1, post: -1}
			if !c.matchPre(s, cp, 0, v.vs, lo, &b) {
				continue
			}
			b.steps = 0
			if !c.matchPost(s, cp, 0, v.postFrom(), hi, &b) {
				continue
			}
			if fits != nil && !fits(cp, &b) {
				continue
			}
			best, bb, verb = cp, b, vb
		}
	}
	if best == nil && v.apart != nil {
		verb = v.apart
	}
	if best == nil && verb.EffectiveCode().IsNull() {
		for _, vb := range v.alts {
			if !vb.EffectiveCode().IsNull() {
				verb = vb
				break
			}
		}
	}
	if best == nil {
		bb = binding{src: -1, tgt: -1, comp: -1, post: -1}
	}
	return best, bb, verb
}

// passivePattern finds, for a passive verb whose logical object stands
// before it ("240 hostages were seized by Hamas", "the hostages, who were
// seized by Hamas"), the pattern naming that object ("- * HOSTAGES
// [181]"): the words a pattern of only words wants after the verb are
// sought in the object's phrase, words i..j. It returns the verb unchanged
// when none matches.
func (c *Coder) passivePattern(s *state, v *verbCand, i, j int, verb *petrarch.Verb) (*cpattern, *petrarch.Verb) {
	var best *cpattern
	if len(s.allow) > 0 {
		// the object may stand outside the verb's clause ("the hostages,
		// who were seized"): its words are the verb's for this match
		saved := make([]bool, j-i)
		copy(saved, s.allow[i:j])
		for k := i; k < j; k++ {
			s.allow[k] = true
		}
		defer copy(s.allow[i:j], saved)
	}
	for a := -1; a < len(v.alts); a++ {
		vb := v.verb
		if a >= 0 {
			vb = v.alts[a]
		}
	patterns:
		for _, cp := range c.blocks[vb.Block] {
			if cp.skip || len(cp.pre) > 0 || len(cp.post) == 0 || cp.code.IsZero() || best != nil && cp.weight <= best.weight || !c.mayMatch(s, cp) {
				continue
			}
			for _, m := range cp.post {
				if m.kind != petrarch.EWord && m.kind != petrarch.ESynset && m.kind != petrarch.EOpen && m.kind != petrarch.EClose {
					continue patterns // (an actor slot: the pattern's roles are the active ones)
				}
			}
			b := binding{src: -1, tgt: -1, comp: -1, post: -1}
			if c.matchPost(s, cp, 0, i, j, &b) {
				best, verb = cp, vb
			}
		}
	}
	return best, verb
}

// matchCode returns the code a match gives (the pattern's, else the
// verb's) and where it is written.
func (c *Coder) matchCode(best *cpattern, verb *petrarch.Verb) (petrarch.Code, string) {
	if best == nil {
		return verb.EffectiveCode(), c.posOf(verb)
	}
	if best.code.IsZero() {
		return verb.EffectiveCode(), best.pos
	}
	return best.code, best.pos
}

// codeVerb matches the verb's patterns and assigns source and target.
func (c *Coder) codeVerb(s *state, v *verbCand, cl *clause, inh int) ([]rawEvent, int) {
	hi, lo := s.report, 0
	if s.phraseScope {
		hi = s.phraseEnd(v, cl)
		if !s.adjunct(v) {
			lo = s.windowStart(cl.start, v) // patterns stay in the verb's clause
		}
	}
	best, bb, verb := c.bestPattern(s, v, lo, hi, nil)
	code, pattern := c.matchCode(best, verb)
	tr := verbTry{verb: v.i, code: code.String(), src: -1, tgt: -1}
	if best != nil {
		tr.pattern = best.pat
	}
	defer func() {
		if s.trace != nil {
			s.trace.tries = append(s.trace.tries, tr)
		}
	}()
	if v.gs > cl.start && s.words[v.gs].tag == nlp.TO && s.words[v.gs-1].tag.IsNoun() && bb.src < 0 {
		headless := true
		for k := cl.start; k < v.gs; k++ {
			if s.words[k].tag.IsVerb() {
				headless = false
				break
			}
		}
		if headless {
			// "Comment ... on Russian and Syrian efforts to eradicate
			// terrorism": an infinitive complementing a noun in a headline
			// states no event
			tr.note = "infinitive of a noun in a verbless clause"
			return nil, -1
		}
	}
	if s.phraseScope && s.requested(cl, v) {
		tr.note = "requested action (object of a request or wish): not an event"
		return nil, -1
	}
	subj := s.subject(cl, v, &bb, inh)
	if subj < 0 && s.ante != nil && !v.reduced {
		subj = s.pronounSubject(cl, v)
	}
	src, tgt := bb.src, bb.tgt
	if code.IsNull() || code.Active == "###" {
		tr.note = "null code: no event"
		return nil, subj
	}
	if v.negated && (best == nil || !best.hasNeg) {
		tr.note = "negated: not coded as the positive event"
		return nil, subj
	}
	if bb.comp >= 0 && !bb.compPost {
		tr.note = "compound actor"
		return s.pairs(bb.comp, code, v, pattern), bb.comp
	}
	if bb.comp >= 0 && tgt < 0 {
		tgt = bb.comp // "agrees with % ": the compound is the target
	}
	if v.participle && src < 0 {
		tr.note = "participle modifying a noun without a 'by' agent: no source"
		return nil, -1
	}
	if v.reduced && src < 0 {
		// the modified noun is the target: the phrase right before (or
		// before the comma), if it is an actor
		src, tgt = -1, -1
		for k := v.ve; k+1 < cl.end; k++ {
			if s.words[k].key == "BY" {
				for g := range s.groups {
					if s.groups[g].i == k+1 && !bb.taken(g) {
						src = g
					}
				}
				break
			}
		}
		end := v.vs
		if end > 0 && s.words[end-1].key == "," {
			end--
		}
		for g := range s.groups {
			if s.groups[g].j == end && g != src {
				tgt = g
			}
		}
		if src < 0 || tgt < 0 {
			tr.note = "reduced passive relative without actors"
			return nil, -1
		}
	} else if v.passive && src < 0 {
		// "X was attacked by Y": Y is the source, X the target
		by := -1
		for k := v.ve; k+1 < cl.end; k++ {
			if s.words[k].key == "BY" {
				for g := range s.groups {
					if s.groups[g].i == k+1 && !bb.taken(g) {
						by = g
					}
				}
				break
			}
		}
		if by >= 0 {
			src = by
			if tgt < 0 && subj >= 0 && subj != by {
				tgt = subj
			}
		} else if tgt < 0 && subj >= 0 && s.phraseScope {
			tgt = subj // no agent: the subject is the target and the source is unknown
		}
	}
	if src < 0 && (!v.passive || !s.phraseScope) && subj != tgt {
		// TABARI-era dictionaries write passives into their patterns
		// ("+ WAS * DEAD IN $"); without a "by" agent the subject stays
		// the source, as in PETRARCH-1
		src = subj
	}
	if src < 0 {
		tr.note = "no source actor"
		return nil, subj
	}
	if tgt < 0 {
		end := cl.end
		if s.phraseScope {
			end = s.phraseEnd(v, cl)
		}
		for g := range s.groups {
			gr := &s.groups[g]
			if s.phraseScope && v.speech && gr.i != v.ve && !(gr.i == v.ve+1 && s.words[v.ve].key == "TO") {
				continue // a speech verb's target is its addressee ("told Russia"), not what is said
			}
			if gr.i >= v.ve && gr.j <= end && g != src && !bb.taken(g) {
				tgt = g
				break
			}
		}
	}
	tr.src, tr.tgt = src, tgt
	if tgt < 0 && len(s.groups[src].codes) >= 2 && (code.Reverse != "" || s.phraseScope && c.pairsAny(s, code)) {
		tr.note = "compound source without target: paired"
		return s.pairs(src, code, v, pattern), src
	}
	if tgt < 0 && !c.opts.AllowNoTarget && !s.speakerGroup(src) {
		tr.note = "no target actor"
		return nil, subj
	}
	var out []rawEvent
	sg := &s.groups[src]
	defer func() {
		for k := range out {
			if out[k].src != "" && sg.ref != nil {
				out[k].srcRef = sg.ref
			}
		}
	}()
	for _, sc := range sg.codes {
		if tgt < 0 {
			if code.Active != "" && code.Active != "---" {
				out = append(out, rawEvent{src: sc.code, code: code.Active, srcI: sc.i, srcJ: sc.j, verbI: v.vs, verbJ: v.ve, pattern: pattern, modality: v.modality})
			}
			continue
		}
		for _, tc := range s.groups[tgt].codes {
			if tc.code == sc.code {
				continue
			}
			if code.Active != "" && code.Active != "---" {
				out = append(out, rawEvent{src: sc.code, tgt: tc.code, code: code.Active, srcI: sc.i, srcJ: sc.j, tgtI: tc.i, tgtJ: tc.j, verbI: v.vs, verbJ: v.ve, pattern: pattern, modality: v.modality})
			}
			if code.Reverse != "" && code.Reverse != "---" {
				out = append(out, rawEvent{src: tc.code, tgt: sc.code, code: code.Reverse, srcI: tc.i, srcJ: tc.j, tgtI: sc.i, tgtJ: sc.j, verbI: v.vs, verbJ: v.ve, pattern: pattern, modality: v.modality})
			}
		}
	}
	if v.reduced {
		subj = s.subject(cl, v, &binding{src: -1, tgt: -1, comp: -1}, inh)
	}
	if subj < 0 {
		subj = src
	}
	return out, subj
}

// participleAt reports a past form tagged VBD that is really a participle
// modifying the noun before it: it follows a noun and is followed by an
// adverb or preposition ("groups entrenched there", "troops stationed in").
func (s *state) participleAt(k int) bool {
	if k == 0 || k+1 >= len(s.words) || s.wc.speech[s.words[k].lemma] {
		return false
	}
	p, n := &s.words[k-1], &s.words[k+1]
	return (p.tag == nlp.NNS || p.tag == nlp.NN || s.inMent[k-1] >= 0) && (n.tag == nlp.RB || n.tag == nlp.IN) && n.key != "THAT"
}

// finite reports a tag that heads a finite clause.
func finite(t nlp.Tag) bool { return t == nlp.VBD || t == nlp.VBZ || t == nlp.VBP || t == nlp.MD }

// infinitiveSubject gives the subject of "to VERB" in CAMEO 2.0 mode: the
// object of an object-control verb ("asked NATO to supply"), else the
// subject of the verb the infinitive depends on ("Turkish troops entered
// northern Syria to fight"). ok is false when the verb is no infinitive.
func (s *state) infinitiveSubject(cl *clause, v *verbCand, b *binding, inh int) (int, bool) {
	if v.gs >= len(s.words) || s.words[v.gs].tag != nlp.TO || v.gs == 0 {
		return -1, false
	}
	// the verb the infinitive depends on
	for pi := len(s.verbs) - 1; pi >= 0; pi-- {
		p := &s.verbs[pi]
		if p.i >= v.gs || p.i < cl.start {
			continue
		}
		if s.wc.objectControl[s.words[p.i].lemma] {
			for g := range s.groups {
				if s.groups[g].j == v.gs && s.groups[g].i >= p.ve && !b.taken(g) {
					return g, true
				}
			}
		}
		return s.subject(cl, p, b, inh), true
	}
	// a plain verb the dictionary does not know
	for k := v.gs - 1; k >= cl.start; k-- {
		if w := &s.words[k]; w.tag.IsVerb() && s.inMent[k] < 0 {
			if s.wc.objectControl[w.lemma] {
				for g := range s.groups {
					if s.groups[g].j == v.gs && s.groups[g].i > k && !b.taken(g) {
						return g, true
					}
				}
			}
			tmp := verbCand{i: k, vs: k, ve: k + 1, gs: k}
			return s.subject(cl, &tmp, b, inh), true
		}
	}
	return -1, false
}

// requested reports an infinitive whose subject is the object of an
// object-control verb: "called on Russia to withdraw", "wants Putin to
// attack". The action is asked for, not done; the request verb codes it.
func (s *state) requested(cl *clause, v *verbCand) bool {
	if v.gs == 0 || v.gs >= len(s.words) || s.words[v.gs].tag != nlp.TO {
		return false
	}
	for k := v.gs - 1; k >= cl.start; k-- {
		w := &s.words[k]
		if s.inMent[k] >= 0 || !w.tag.IsVerb() {
			continue
		}
		if !s.wc.objectControl[w.lemma] {
			return false
		}
		for g := range s.groups {
			if s.groups[g].j == v.gs && s.groups[g].i > k {
				return true
			}
		}
		return false
	}
	return false
}

// adjunct reports a participle clause after a comma (", killing eight
// people"): its subject is the main clause's.
func (s *state) adjunct(v *verbCand) bool {
	return v.gs > 0 && s.words[v.i].tag == nlp.VBG && s.words[v.gs-1].key == ","
}

// windowStart is where the verb's own finite clause starts in CAMEO 2.0
// mode: after the previous finite verb, relative pronoun or "that", so a
// subject is not taken from another clause ("Washington said such a step
// enjoyed ...").
func (s *state) windowStart(lo int, v *verbCand) int {
	for k := v.gs - 1; k >= lo; k-- {
		w := &s.words[k]
		if w.tag == nlp.VBD && s.participleAt(k) {
			continue // "the ISIS groups entrenched there regularly make"
		}
		if finite(w.tag) || w.tag == nlp.WDT || w.tag == nlp.WP || w.key == "THAT" {
			if s.inMent[k] < 0 {
				return k + 1
			}
		}
	}
	return lo
}

// relativeAntecedent returns the phrase a relative pronoun right before the
// verb group refers to: "Al-Qaeda-linked rebels, who kidnapped ...".
func (s *state) relativeAntecedent(v *verbCand, b *binding) int {
	p := v.gs - 1
	if p < 1 {
		return -1
	}
	if k := s.words[p].key; k != "WHO" && k != "WHICH" && k != "THAT" {
		return -1
	}
	end := p
	if s.words[end-1].key == "," {
		end--
	}
	for g := range s.groups {
		if s.groups[g].j == end && !b.taken(g) {
			return g
		}
	}
	return -1
}

// afterRelative returns the subject of a verb that follows a relative
// clause set off by commas: "The rebels, who kidnapped UN peacekeepers,
// attacked Syrian troops" — the rebels attacked.
func (s *state) afterRelative(v *verbCand, b *binding) int {
	c := v.gs - 1
	if c < 2 || s.words[c].key != "," {
		return -1
	}
	for k := c - 1; k > 0; k-- {
		w := s.words[k].key
		if w == "," {
			if r := s.words[k+1].key; r == "WHO" || r == "WHICH" {
				for g := range s.groups {
					if s.groups[g].j == k && !b.taken(g) {
						return g
					}
				}
			}
			return -1
		}
	}
	return -1
}

// ownSubject reports whether the verb has a subject inside its own finite
// clause, so it can be coded besides an earlier verb of the clause.
func (s *state) ownSubject(cl *clause, v *verbCand) bool {
	if !s.phraseScope {
		return false
	}
	if s.adjunct(v) {
		return true // ", killing three militants": coded with the main subject
	}
	nb := &binding{src: -1, tgt: -1, comp: -1}
	if s.relativeAntecedent(v, nb) >= 0 {
		return true
	}
	lo := s.windowStart(cl.start, v)
	if lo == cl.start {
		return false // no clause boundary since the clause start
	}
	for g := range s.groups {
		if s.groups[g].i >= lo && s.groups[g].j <= v.gs && s.groups[g].ref == nil {
			return true
		}
	}
	return false
}

// phraseEnd is where the verb's own phrase ends in CAMEO 2.0 mode: at the
// next finite verb, subordinating conjunction or relative pronoun, so that
// patterns and targets do not reach into another clause.
func (s *state) phraseEnd(v *verbCand, cl *clause) int {
	end := cl.end
	if s.report < end {
		end = s.report
	}
	for k := v.ve; k < end; k++ {
		w := &s.words[k]
		if s.inMent[k] >= 0 {
			continue
		}
		if finite(w.tag) || w.tag == nlp.WDT || w.tag == nlp.WP || w.key == "THAT" ||
			(w.tag == nlp.IN && s.wc.subordinators[w.key] && w.key != "AS") {
			return k
		}
	}
	return end
}

// pronounSubject resolves a "he"/"she" subject right before the verb group
// to the antecedent from an earlier sentence, as a one-word virtual group.
func (s *state) pronounSubject(cl *clause, v *verbCand) int {
	p := v.gs - 1
	if p < cl.start || p < 0 {
		return -1
	}
	k := s.words[p].key
	if k != "HE" && k != "SHE" {
		return -1
	}
	ref := s.ante.ref
	g := group{i: p, j: p + 1, ref: &ref}
	for _, c := range s.ante.codes {
		g.codes = append(g.codes, codeRef{code: c, i: p, j: p + 1})
	}
	s.groups = append(s.groups, g)
	return len(s.groups) - 1
}

// pairs codes every ordered pair of a compound group's members.
func (s *state) pairs(g int, code petrarch.Code, v *verbCand, pattern string) []rawEvent {
	var out []rawEvent
	cs := s.groups[g].codes
	rev := code.Reverse
	if rev == "" {
		rev = code.Active
	}
	for a := range cs {
		for b := a + 1; b < len(cs); b++ {
			x, y := cs[a], cs[b]
			if x.code == y.code && x.i == y.i {
				continue // (one phrase; two coded alike pair: memberGroup)
			}
			if code.Active != "" && code.Active != "---" {
				out = append(out, rawEvent{src: x.code, tgt: y.code, code: code.Active, srcI: x.i, srcJ: x.j, tgtI: y.i, tgtJ: y.j, verbI: v.vs, verbJ: v.ve, pattern: pattern, modality: v.modality})
			}
			if rev != "---" {
				out = append(out, rawEvent{src: y.code, tgt: x.code, code: rev, srcI: y.i, srcJ: y.j, tgtI: x.i, tgtJ: x.j, verbI: v.vs, verbJ: v.ve, pattern: pattern, modality: v.modality})
			}
		}
	}
	return out
}

// pairsAny reports whether a compound source with no target codes its
// members' act at each other. PETRARCH's phrase-scope dictionaries pair
// every verb; in present-day news only a mutual act does ("A and B met"),
// never "U.S. and Iraqi officials describe it" or "led by doctors and
// farmers".
func (c *Coder) pairsAny(s *state, code petrarch.Code) bool {
	if !s.modern {
		return true
	}
	mutual, _ := c.words.reciprocal(code.Active)
	return mutual
}
