package coder

import (
	"slices"
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/syntax"
)

// verbCand is a dictionary verb found in the sentence with its verb group.
type verbCand struct {
	i        int // the verb word
	vs, ve   int // words of the (multi-word) verb [vs, ve)
	gs       int // first word of the verb group (auxiliaries, adverbs, negation)
	verb     *petrarch.Verb
	alts     []*petrarch.Verb // the same form in other blocks (SHOT [---] and SHOT [223])
	passive  bool
	negated  bool
	unreal   string // how the tree says the event did not happen (modality.go unrealTree)
	modality string
	speech   bool
	reduced  bool // reduced relative clause ("X, supported by Y,")
	// participle is a past participle right after a noun without "by" in
	// CAMEO 2.0 mode ("10 Russian soldiers killed in Ukraine"): passive,
	// with no known source
	participle bool
	// tailEnd follows a compound verb's tail found apart, as the object's
	// head ("massed more than 100,000 troops"): its patterns match after
	// it, as after the compound written whole; 0 when none
	tailEnd int
	// apart is a compound reading found apart ("held direct talks") that
	// codes the verb when no pattern of its plain reading matches
	apart *petrarch.Verb
}

// postFrom is where the verb's patterns start matching after it.
func (v *verbCand) postFrom() int { return max(v.ve, v.tailEnd) }

// clause is a stretch of the sentence coded on its own.
type clause struct {
	start, end int
	inherit    bool // coordinated verb phrase: takes the previous clause's subject
	report     bool // final reporting clause
	subj       int  // subject group used, -1 when none
}

// Closed classes of English grammar stay code, unlike the word lists in
// words/: no news text adds an auxiliary or a modal, and their members
// include the tokenizer's pieces of contractions ("'S", "'RE", "'VE",
// "'LL", "CA" and "WO" of "can't" and "won't"), which go with the code that
// splits them.

// auxVerbs are auxiliaries (and "going", "gonna") in a verb group: "has
// been shelling", "did not attack", "got arrested".
var auxVerbs = map[string]bool{"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true, "AM": true, "'S": true, "'RE": true,
	"HAVE": true, "HAS": true, "HAD": true, "HAVING": true, "'VE": true, "DO": true, "DOES": true, "DID": true, "GET": true, "GETS": true, "GOT": true,
	"GOTTEN": true, "GETTING": true, "GOING": true, "GONNA": true}

// beForms are forms of BE and of the passive GET: "is open to", "got
// arrested".
var beForms = map[string]bool{"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true, "AM": true, "'S": true, "'RE": true,
	"GET": true, "GETS": true, "GOT": true, "GOTTEN": true, "GETTING": true}

// hypothetical modals make an event hypothetical ("would attack"),
// intended ones an intention ("will attack").
var hypothetical = map[string]bool{"WOULD": true, "COULD": true, "MIGHT": true, "MAY": true, "SHOULD": true, "CAN": true, "CA": true, "MUST": true}
var intended = map[string]bool{"WILL": true, "SHALL": true, "WO": true, "'LL": true}

func isCoord(k string) bool { return k == "AND" || k == "OR" || k == "NOR" || k == "&" || k == "BUT" }

// verbForms looks a word up in the verb dictionary: surface form first, then
// (for CAMEO 2.0 dictionaries) the lemma.
func (c *Coder) verbForms(w *word) []*petrarch.VerbForm {
	if f := c.d.Verbs.Forms[w.key]; f != nil {
		return f
	}
	if c.lemmaPatterns && w.lemma != w.key && w.tag.IsVerb() {
		return c.d.Verbs.Forms[w.lemma]
	}
	return nil
}

func (s *state) keysAt(p int, ws []string) bool {
	if p < 0 || p+len(ws) > len(s.words) {
		return false
	}
	for k, w := range ws {
		if s.words[p+k].key != w && s.words[p+k].lemma != w {
			return false
		}
	}
	return true
}

// mentionIn reports whether a word in [i, j) is part of an actor mention.
func (s *state) mentionIn(i, j int) bool {
	for k := i; k < j; k++ {
		if s.inMent[k] >= 0 {
			return true
		}
	}
	return false
}

// objectNamed reports whether a compound verb's one-word tail is the
// head of verb i's object with words between ("massed more than 100,000
// troops", "held direct talks") or of the of-phrase of a quantity that
// heads it ("moved thousands of troops"): the tree joins what word order
// split. It returns the tail's word, -1 when there is none.
func (s *state) objectNamed(i int, post []string) int {
	if !s.hasTree || len(post) != 1 || s.wc.idiomTails[post[0]] {
		return -1
	}
	o := s.childExact(i, syntax.Obj)
	if o < 0 {
		return -1
	}
	is := func(k int) bool { return s.words[k].key == post[0] || s.words[k].lemma == post[0] }
	if is(o) {
		return o
	}
	if s.wc.quantity[s.words[o].key] {
		for _, k := range s.children(o) {
			if s.isRel(int(k), syntax.Nmod) && s.caseOf(int(k)) == "OF" && is(int(k)) {
				return int(k)
			}
		}
	}
	return -1
}

// verbOK decides whether a dictionary verb form is used as a verb here. The
// tagger decides, with fall-backs for the invented names of test sentences
// that confuse it (a word after a modal, or between an actor and an object).
func (s *state) verbOK(i int) bool {
	w := &s.words[i]
	if w.tag == nlp.VBG && i > 0 && i+1 < len(s.words) && s.words[i+1].tag.IsNoun() && s.inMent[i+1] < 0 {
		switch s.words[i-1].tag {
		case nlp.DT, nlp.JJ, nlp.CC, nlp.POS, nlp.PRPS, nlp.IN:
			return false // "voting rights", "a shelling offensive": a modifier
		}
	}
	if (w.tag == nlp.VBZ || w.tag == nlp.VBP) && i >= 2 && s.words[i-1].tag == nlp.CC && s.words[i-2].tag == nlp.NNS && s.inMent[i-2] < 0 {
		return false // "announced asset freezes and bans on travel": coordinated nouns
	}
	if w.tag == nlp.VBZ && strings.HasSuffix(w.key, "S") && i >= 2 && (s.words[i-1].tag == nlp.NN || s.words[i-1].tag == nlp.NNS) && s.words[i-2].tag == nlp.CC {
		// "the bombing and artillery raids on Idlib": a coordinated subject
		// would take "raid", so this is a plural noun
		return false
	}
	if w.tag.IsVerb() || w.key == "SAID" || w.key == "SAYS" {
		return true
	}
	if w.tag == nlp.MD || w.tag == nlp.PUNCT || w.tag == nlp.COMMA || w.tag == nlp.DT || w.tag == nlp.IN || w.tag == nlp.CC {
		return false
	}
	// after a modal, "to", negation or an auxiliary, possibly across adverbs
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		p := &s.words[k]
		if p.tag == nlp.MD || p.tag == nlp.TO || p.key == "N'T" || p.key == "NOT" || (p.tag.IsVerb() && p.tag != nlp.VBG) {
			return true
		}
		if p.tag != nlp.RB && p.tag != nlp.RBR && p.tag != nlp.RBS {
			break
		}
	}
	// right after a clause-initial actor and before an object or preposition
	if i > 0 && s.inMent[i-1] >= 0 && i+1 < len(s.words) && w.tag != nlp.NNS && s.ments[s.inMent[i-1]].kind == mActor {
		m := &s.ments[s.inMent[i-1]]
		if m.i == 0 || s.words[m.i-1].tag == nlp.CC || s.words[m.i-1].tag == nlp.COMMA || (m.i == 1 && s.words[0].tag == nlp.DT) {
			n := &s.words[i+1]
			if n.tag == nlp.DT || n.tag == nlp.PRPS || n.tag == nlp.TO || n.tag == nlp.IN || s.inMent[i+1] >= 0 {
				return true
			}
		}
	}
	return false
}

// findVerbs finds dictionary verbs and their verb groups.
func (c *Coder) findVerbs(s *state) {
	n := len(s.words)
	for i := 0; i < n; i++ {
		if s.inMent[i] >= 0 {
			continue
		}
		w := &s.words[i]
		forms := c.verbForms(w)
		if forms == nil || !s.hasTree && !s.verbOK(i) || s.hasTree && !s.verbOKTree(i) {
			continue
		}
		var best, apart *petrarch.VerbForm
		bestLen, tail := -1, -1
		for _, f := range forms {
			if len(f.Pre) > 0 && !s.keysAt(i-len(f.Pre), f.Pre) {
				continue
			}
			if len(f.Post) > 0 && !s.keysAt(i+1, f.Post) {
				if t := s.objectNamed(i, f.Post); t >= 0 && (apart == nil || len(f.Pre) > len(apart.Pre)) {
					apart, tail = f, t
				}
				continue
			}
			if l := len(f.Pre) + len(f.Post); l > bestLen {
				best, bestLen = f, l
			}
		}
		if apart != nil && best != nil && bestLen >= len(apart.Pre)+len(apart.Post) {
			apart = nil // "sent troops" whole beats "sent ... troops" apart
		}
		if best == nil && apart == nil {
			continue
		}
		var v verbCand
		if best == nil {
			// the compound apart is the only reading: its words are the
			// verb's as when written whole, unless an actor stands between
			// ("massed more than 100,000 troops"; "exchanged 300 prisoners")
			best, apart = apart, nil
			v = verbCand{i: i, vs: i - len(best.Pre), ve: i + 1, verb: best.Verb, tailEnd: tail + 1}
			if !s.mentionIn(i+1, tail) {
				v.ve = tail + 1
			}
		} else {
			v = verbCand{i: i, vs: i - len(best.Pre), ve: i + 1 + len(best.Post), verb: best.Verb}
			if apart != nil {
				// the compound apart codes the verb when none of the
				// plain reading's patterns does ("held direct talks" is
				// HOLD_TALKS; "conducted joint exercises" takes
				// CONDUCT's own pattern)
				v.apart = apart.Verb
			}
		}
		for _, f := range forms {
			if f != best && f.Verb.Block != best.Verb.Block && len(f.Pre) == len(best.Pre) && len(f.Post) == len(best.Post) &&
				(len(f.Pre) == 0 || s.keysAt(i-len(f.Pre), f.Pre)) && (len(f.Post) == 0 || s.keysAt(i+1, f.Post)) {
				v.alts = append(v.alts, f.Verb)
			}
		}
		v.speech = c.words.speech[w.lemma] || c.words.speech[w.key]
		// verb group: auxiliaries, modals, adverbs, negation, "to", "about to"
		g := v.vs
		lastTo := -1
		for k := v.vs - 1; k >= 0 && v.vs-k <= 7; k-- {
			x := &s.words[k]
			if x.tag == nlp.MD || x.tag == nlp.RB || x.tag == nlp.RBR || x.tag == nlp.TO || (x.tag.IsVerb() && (auxVerbs[x.key] || c.words.catenative[x.lemma])) ||
				x.key == "N'T" || x.key == "NOT" || x.key == "NEVER" || (x.key == "ABOUT" && k+1 < n && s.words[k+1].key == "TO") {
				if s.inMent[k] >= 0 {
					break
				}
				g = k
				if x.tag == nlp.TO && lastTo < 0 {
					lastTo = k
				}
				continue
			}
			break
		}
		v.gs = g
		// a participle right after a noun with a "by" agent is a reduced
		// passive relative clause: "provocations launched by armed groups"
		if g == v.vs && w.tag == nlp.VBN && v.vs > 0 {
			p := &s.words[v.vs-1]
			if p.tag.IsNoun() || p.key == "," || s.inMent[v.vs-1] >= 0 {
				if v.ve < n && s.words[v.ve].key == "BY" {
					v.passive, v.reduced = true, true
				} else if c.lemmaPatterns && p.key != "," {
					v.passive, v.participle = true, true
				}
			}
		}
		// don't swallow an earlier dictionary verb into this group's auxiliaries
		for k := g; k < v.vs; k++ {
			x := &s.words[k]
			switch {
			case x.key == "N'T" || x.key == "NOT" || x.key == "NEVER":
				v.negated = true
			case hypothetical[x.key]:
				if v.modality == "" {
					v.modality = "hypothetical"
				}
			case intended[x.key] || x.tag == nlp.TO:
				if v.modality == "" {
					v.modality = "intended"
				}
			}
			if beForms[x.key] && k > lastTo && w.tag == nlp.VBN {
				v.passive = true
			}
		}
		s.verbs = append(s.verbs, v)
		i = v.ve - 1
	}
}

// isVerbWord reports whether word k is a found dictionary verb.
func (s *state) verbAt(k int) int {
	for vi := range s.verbs {
		if k >= s.verbs[vi].vs && k < s.verbs[vi].ve {
			return vi
		}
	}
	return -1
}

// buildEntities groups words into noun phrases and keeps those with a
// mention as entities.
func (c *Coder) buildEntities(s *state) {
	n := len(s.words)
	for i := 0; i < n; i++ {
		w := &s.words[i]
		ok := s.inMent[i] >= 0 || npTag(w.tag)
		if !ok && (w.key == "AND" || w.key == ",") && i > 0 && i+2 < n && s.words[i-1].tag == nlp.JJ && s.inMent[i-1] < 0 && s.inMent[i+1] < 0 &&
			(s.words[i+1].tag == nlp.JJ || (s.words[i+1].tag == nlp.NN && (s.words[i+2].tag.IsNoun() || s.inMent[i+2] >= 0))) {
			ok = true // "awful and evil minister"
		}
		period := c.words.periods[w.key] && i > 0 && (s.words[i-1].key == "LAST" || s.words[i-1].key == "NEXT" || s.words[i-1].key == "THIS" || s.words[i-1].key == "EARLIER")
		lastOf := (w.key == "LAST" || w.key == "NEXT" || w.key == "EARLIER") && i+1 < n && c.words.periods[s.words[i+1].key]
		if ok && s.inMent[i] < 0 && (s.verbAt(i) >= 0 || c.words.timeWords[w.key] || period || lastOf) {
			ok = false // "Syrian President Bashar Assad Tuesday": a date ends the phrase
		}
		if ok && w.tag == nlp.DT && i > 0 && s.npwAt(i-1) && s.inMent[i] < 0 {
			// a determiner starts a new phrase: "Gondor the ..." is two
			s.npw = append(s.npw, false)
			continue
		}
		s.npw = append(s.npw, ok)
	}
	for i := 0; i < n; {
		if !s.npw[i] && !(s.words[i].tag == nlp.DT && s.inMent[i] < 0 && i+1 < n && s.npw[i+1]) {
			i++
			continue
		}
		j := i + 1
		for j < n && s.npw[j] {
			j++
		}
		e := entity{i: i, j: j, inheritFrom: -1}
		for k := i; k < j; k++ {
			if s.words[k].key == "FORMER" || s.words[k].key == "EX" {
				e.former = true
			}
			mi := s.inMent[k]
			if mi < 0 {
				continue
			}
			m := &s.ments[mi]
			if k != m.i {
				continue
			}
			if m.kind == mActor {
				if e.actorCodes == nil {
					e.actorCodes = m.codes
				}
			} else {
				e.agents = append(e.agents, m.agent)
			}
		}
		if e.actorCodes == nil && len(e.agents) > 0 && s.phraseScope && s.inMent[j-1] < 0 && c.words.notActorHead[s.words[j-1].key] {
			// "further military support", "military exercises": an agent
			// word modifying another noun names no actor
		} else if e.actorCodes != nil || len(e.agents) > 0 {
			s.ents = append(s.ents, e)
		} else if j+1 < n && s.words[j].key == "OF" && s.inMent[j+1] >= 0 && (s.ments[s.inMent[j+1]].kind == mActor || s.quantity(i, j)) {
			// "goats of Gondor", "the population of Gondor": a plain head
			// noun takes the actor of its of-phrase (kept only if mergePP
			// attaches it)
			s.ents = append(s.ents, e)
		}
		i = j
	}
	s.mergePP()
	kept := s.ents[:0]
	for _, e := range s.ents {
		if e.actorCodes != nil || len(e.agents) > 0 {
			kept = append(kept, e)
		}
	}
	s.ents = kept
}

// mergePP joins "the government of Gondor" into one entity when the
// phrases around it are not coordinated (coordinations are attached
// group-wise in buildGroups).
func (s *state) mergePP() {
	// "Special Envoy for Syria Joel Rayburn": a title's complement followed
	// by the holder's name belongs to the title, not to a second actor
	titled := s.ents[:0]
	for e := 0; e < len(s.ents); e++ {
		a := s.ents[e]
		if len(a.agents) > 0 && e+1 < len(s.ents) && a.j < len(s.words) {
			b := s.ents[e+1]
			pw := s.words[a.j].key
			if (pw == "FOR" || pw == "TO") && b.i == a.j+1 && b.actorCodes != nil && len(b.agents) == 0 {
				last := b.j - 1
				if s.inMent[last] < 0 && (s.words[last].tag == nlp.NNP || s.words[last].tag == nlp.NNPS) {
					a.j = b.j
					titled = append(titled, a)
					e++
					continue
				}
			}
		}
		titled = append(titled, a)
	}
	s.ents = titled
	out := s.ents[:0]
	for e := 0; e < len(s.ents); e++ {
		a := s.ents[e]
		if a.actorCodes == nil && e+1 < len(s.ents) && a.j < len(s.words) {
			b := s.ents[e+1]
			pw := s.words[a.j].key
			empty := len(a.agents) == 0
			quant := empty && a.actorCodes == nil && pw == "OF" && b.i == a.j+1 && b.actorCodes == nil && len(b.agents) > 0 && s.quantity(a.i, a.j)
			if quant {
				// "Hundreds of protesters": the quantity is part of the phrase
				a.j, a.agents, a.former = b.j, b.agents, b.former
				out = append(out, a)
				e++
				continue
			}
			if (pw == "OF" || (!empty && (pw == "IN" || pw == "FROM" || pw == "AT"))) && b.i == a.j+1 && b.actorCodes != nil {
				coordBefore := a.i >= 2 && (isCoord(s.words[a.i-1].key) || s.words[a.i-1].key == ",") && len(out) > 0 && out[len(out)-1].j == a.i-1 && out[len(out)-1].actorCodes == nil
				coordAfter := b.j+1 < len(s.words) && (isCoord(s.words[b.j].key) || s.words[b.j].key == ",") && e+2 < len(s.ents) && s.ents[e+2].i == b.j+1
				if !coordBefore && !coordAfter {
					a.j = b.j
					a.actorCodes = b.actorCodes
					a.agents = append(append([]*petrarch.Agent(nil), a.agents...), b.agents...)
					a.former = a.former || b.former
					out = append(out, a)
					e++
					continue
				}
			}
		}
		out = append(out, a)
	}
	s.ents = out
}

// quantity reports a phrase of numbers and quantity words ("hundreds",
// "dozens", "some", "three").
func (s *state) quantity(i, j int) bool {
	for k := i; k < j; k++ {
		w := &s.words[k]
		if w.tag != nlp.CD && !s.wc.quantity[w.key] && w.tag != nlp.DT {
			return false
		}
	}
	return j > i
}

func (s *state) npwAt(i int) bool { return i >= 0 && i < len(s.npw) && s.npw[i] }

// combine joins an actor code with agent codes: "~GOV" is appended unless
// the actor code already ends in it, "NGO~" is prepended; "former" turns
// the appended agent into ELI.
func combine(ac string, agents []*petrarch.Agent, former bool) string {
	if len(agents) == 0 && !former {
		return ac
	}
	pre, code := "", ac
	appended := false
	for _, a := range agents {
		x, app := a.Suffix()
		if !app {
			if !strings.Contains(pre, x) && !strings.HasPrefix(ac, x) {
				pre += x
			}
			continue
		}
		if former {
			x = "ELI"
		}
		if x == "ELI" && hasAligned(code, "OPP") {
			appended = true
			continue // "former President Jair Bolsonaro", in opposition now: his dated role says so
		}
		appended = true
		if (x == "COP" || x == "REB" || x == "UAF") && armedCode(code) || x == "MIL" && (hasAligned(code, "REB") || hasAligned(code, "UAF")) {
			// "a senior officer of the Revolutionary Guards": an officer
			// of an armed force holds its rank, not a police post; the
			// fighters or gunmen of an armed force are that force
			// ("Africa Corps fighters", "Hamas gunmen"), and so are a
			// rebel group's forces ("our forces" of the Arakan Army)
			continue
		}
		if !former && len(code) == 6 && code[3:] == "ELI" && officeRole(x) && x != "ELI" {
			// "Prime Minister Shinzo Abe" where the dictionary dates his
			// office to an earlier term and gives him ELI outside it: the
			// title says what he holds now
			code = code[:3] + x
			continue
		}
		if x == "CVL" && len(code) == 6 && officeRole(code[3:]) {
			// "the president's brother", "Berisha's wife": a person of
			// someone's is a civilian of their country, holding no office
			code = code[:3] + x
			continue
		}
		if !hasAligned(code, x) {
			code += x
		}
	}
	if former && !appended && !hasAligned(code, "ELI") && !hasAligned(code, "OPP") {
		code += "ELI"
	}
	if ac == "---" && pre != "" && code == "---" {
		return pre
	}
	return pre + code
}

// officeRole reports a role that is an office or post (government,
// legislature, courts, opposition, military, police, elite), which a
// person of an office-holder does not share.
func officeRole(r string) bool {
	switch r {
	case "GOV", "LEG", "JUD", "OPP", "MIL", "COP", "ELI":
		return true
	}
	return false
}

// armedCode reports a code with a military, rebel, intelligence or armed
// sector.
func armedCode(code string) bool {
	return hasAligned(code, "MIL") || hasAligned(code, "REB") || hasAligned(code, "SPY") || hasAligned(code, "UAF")
}

// hasAligned reports whether code contains x at a 3-letter boundary
// (USAGOV has GOV; HGWGOVMED has GOVMED).
func hasAligned(code, x string) bool {
	for k := 0; k+len(x) <= len(code); k += 3 {
		if code[k:k+len(x)] == x {
			return true
		}
	}
	return false
}

func (s *state) entityCodes(e *entity, extra []*petrarch.Agent, extraFormer bool, actor []string, out []codeRef, i, j int) []codeRef {
	acs := actor
	if acs == nil {
		acs = e.actorCodes
	}
	if acs == nil && e.inheritFrom >= 0 {
		acs = s.ents[e.inheritFrom].actorCodes
	}
	agents := e.agents
	if len(extra) > 0 {
		agents = append(append([]*petrarch.Agent(nil), extra...), e.agents...)
	}
	if acs == nil {
		return appendCode(out, codeRef{combine("---", agents, e.former || extraFormer), i, j})
	}
	for _, ac := range acs {
		if len(ac) == 3 && !e.coordinated && slices.ContainsFunc(acs, func(o string) bool { return len(o) > 3 && strings.HasPrefix(o, ac) }) {
			continue // "Afghanistan's Taliban": the country is the actor's own
		}
		out = appendCode(out, codeRef{combine(ac, agents, e.former || extraFormer), i, j})
	}
	return out
}

func appendCode(out []codeRef, c codeRef) []codeRef {
	for _, o := range out {
		if o.code == c.code {
			return out
		}
	}
	return append(out, c)
}

// findReport finds a final reporting clause: ", a senior official said on
// Saturday." or ", according to officials."
func (s *state) findReport() {
	n := len(s.words)
	s.report = n
	end := n
	for end > 0 && (s.words[end-1].tag == nlp.PUNCT || s.words[end-1].tag == nlp.QUOTE) {
		end--
	}
	for c := end - 1; c > 0; c-- {
		if s.words[c].key != "," {
			continue
		}
		if c+2 < end && s.words[c+1].key == "ACCORDING" && s.words[c+2].key == "TO" {
			s.report = c
			return
		}
		// subject words, then a speech verb, then no other verb
		k := c + 1
		for k < end && (s.npw[k] || s.words[k].tag == nlp.RB) && s.verbAt(k) < 0 {
			k++
		}
		if k >= end {
			return
		}
		w := &s.words[k]
		if !(s.wc.speech[w.lemma] || s.wc.speech[w.key]) || !(w.tag.IsVerb() || s.verbAt(k) >= 0) {
			return
		}
		for r := k + 1; r < end; r++ {
			if s.words[r].tag.IsVerb() || s.words[r].key == "," {
				return
			}
		}
		s.report = c
		return
	}
}

// buildClauses splits the sentence at semicolons, coordinated verb phrases
// and a final reporting clause.
func (s *state) buildClauses() {
	n := len(s.words)
	hi := s.report
	start := 0
	inherit := false
	sawVerb := false
	for k := 0; k < hi; k++ {
		w := &s.words[k]
		if (s.verbAt(k) >= 0 || (w.tag.IsVerb() && w.tag != nlp.VBG && w.tag != nlp.VBN)) && !auxVerbs[w.key] {
			sawVerb = true
		}
		if w.key == ";" {
			s.clauses = append(s.clauses, clause{start: start, end: k, inherit: inherit, subj: -1})
			start, inherit, sawVerb = k+1, false, false
			continue
		}
		if !sawVerb || (w.key != "AND" && w.key != "BUT") {
			continue
		}
		comma := k > 0 && s.words[k-1].key == ","
		// what follows: a verb group (coordinated VP) or a subject and a verb
		q := k + 1
		for q < hi && (s.words[q].tag == nlp.RB || s.words[q].key == ",") {
			q++
		}
		if q >= hi {
			continue
		}
		x := &s.words[q]
		if x.tag == nlp.MD || (x.tag.IsVerb() && x.tag != nlp.VBG) || (s.verbAt(q) >= 0 && x.tag != nlp.VBG && !x.tag.IsNoun() && x.tag != nlp.JJ) {
			s.clauses = append(s.clauses, clause{start: start, end: k, inherit: inherit, subj: -1})
			start, inherit, sawVerb = k+1, true, false
			continue
		}
		r := q
		for r < hi && s.npw[r] {
			r++
		}
		if comma && r > q && r < hi && (s.words[r].tag == nlp.MD || (s.words[r].tag.IsVerb() && s.words[r].tag != nlp.VBG)) {
			s.clauses = append(s.clauses, clause{start: start, end: k, inherit: inherit, subj: -1})
			start, inherit, sawVerb = k+1, false, false
		}
	}
	s.clauses = append(s.clauses, clause{start: start, end: hi, inherit: inherit, subj: -1})
	if hi < n {
		s.clauses = append(s.clauses, clause{start: hi, end: n, report: true, subj: -1})
	}
}

// buildGroups joins the entities of each clause into coordinations and
// attaches agent-only phrases to a following "in/of/from" actor phrase.
func (s *state) buildGroups() {
	for ci := range s.clauses {
		cl := &s.clauses[ci]
		var first, last int = -1, -1
		for e := range s.ents {
			if s.ents[e].i >= cl.start && s.ents[e].j <= cl.end {
				if first < 0 {
					first = e
				}
				last = e
			}
		}
		if first < 0 {
			continue
		}
		var raw []group // coordinations, before PP attachment
		for e := first; e <= last; {
			members := []int{e}
			end := e
			p := s.ents[e].j
			k := e
			sawCC := false
			for steps := 0; steps < 12; steps++ {
				q := p
				sep, cc := false, false
				if q < cl.end && s.words[q].key == "," {
					q++
					sep = true
				}
				if q < cl.end && isCoord(s.words[q].key) && s.words[q].key != "BUT" {
					q++
					cc = true
				}
				if !sep && !cc {
					break
				}
				if k+1 <= last && s.ents[k+1].i == q {
					k++
					members = append(members, k)
					p = s.ents[k].j
					if cc {
						sawCC = true
						end = k
						break
					}
					continue
				}
				if q < cl.end && s.npw[q] && s.inMent[q] < 0 {
					r := q
					for r < cl.end && s.npw[r] && s.inMent[r] < 0 {
						r++
					}
					p = r
					if cc {
						break
					}
					continue
				}
				break
			}
			if !sawCC {
				members, end = members[:1], e
			} else {
				members = members[:0]
				for m := e; m <= end; m++ {
					members = append(members, m)
				}
			}
			// agent-only members inherit the actor of a preceding actor+agent member
			for x := 1; x < len(members); x++ {
				me := &s.ents[members[x]]
				prev := &s.ents[members[x-1]]
				if me.actorCodes == nil && len(me.agents) > 0 && prev.actorCodes != nil && len(prev.agents) > 0 {
					me.inheritFrom = members[x-1]
				}
			}
			// "US and British activists": a bare modifier shares the head's agents
			if len(members) > 1 {
				head := &s.ents[members[len(members)-1]]
				if head.actorCodes != nil && len(head.agents) > 0 && s.inMent[head.i] >= 0 && s.ments[s.inMent[head.i]].kind == mActor {
					for _, m := range members[:len(members)-1] {
						me := &s.ents[m]
						if me.actorCodes != nil && len(me.agents) == 0 && me.j-me.i == 1 && s.inMent[me.i] >= 0 {
							me.agents = head.agents
						}
					}
				}
			}
			raw = append(raw, group{i: s.ents[members[0]].i, j: s.ents[members[len(members)-1]].j, ents: append([]int(nil), members...)})
			e = end + 1
		}
		// "officials in Fornost and Gondor": agent-only group + in/of/from + actor group
		for g := 0; g < len(raw); g++ {
			gr := raw[g]
			allAgents := true
			for _, e := range gr.ents {
				if s.ents[e].actorCodes != nil || s.ents[e].inheritFrom >= 0 {
					allAgents = false
				}
			}
			if allAgents && g+1 < len(raw) && gr.j < cl.end {
				pw := s.words[gr.j].key
				if (pw == "IN" || pw == "OF" || pw == "FROM" || pw == "AT") && raw[g+1].i == gr.j+1 {
					nx := raw[g+1]
					var codes []codeRef
					for _, e2 := range nx.ents {
						ent2 := &s.ents[e2]
						if ent2.actorCodes == nil {
							continue
						}
						for _, e1 := range gr.ents {
							ent1 := &s.ents[e1]
							codes = s.entityCodes(ent2, ent1.agents, ent1.former, nil, codes, gr.i, nx.j)
						}
					}
					if len(codes) > 0 {
						s.groups = append(s.groups, group{i: gr.i, j: nx.j, ents: append(append([]int(nil), gr.ents...), nx.ents...), codes: codes})
						g++
						continue
					}
				}
			}
			for _, e := range gr.ents {
				ent := &s.ents[e]
				gr.codes = s.entityCodes(ent, nil, false, nil, gr.codes, ent.i, ent.j)
			}
			s.groups = append(s.groups, gr)
		}
	}
}
