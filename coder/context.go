package coder

import (
	"slices"
	"strings"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/syntax"
)

// Document context: sentence coders (TABARI, PETRARCH) lose most events of
// official statements, whose actors are "we", "he", "the envoy" or the
// unnamed author. docContext carries what earlier sentences and the
// document's metadata tell about them. It exists only for documents with
// context (several sentences, or a title, author or source) and when
// Options.NoContext is off, so single-sentence records code as before.

// maxBack is how many sentences back a description, short name or
// pronoun may find its antecedent.
const maxBack = 5

// contextActor marks mentions the document context added, for Explain.
var contextActor = &petrarch.Actor{Name: "(document context)", Pos: petrarch.Pos{File: "context"}}

// actorRef is a resolved actor and where it was named.
type actorRef struct {
	codes []string
	ref   egret.Ref
}

// histEntry is one actor phrase of an earlier sentence.
type histEntry struct {
	actorRef
	words  []string // keys of the phrase
	names  []string // trailing proper-name words no dictionary matched ("JOEL", "RAYBURN")
	person bool     // the phrase names a role (it has an agent)
	plural bool     // its head is a plural noun ("militants", "officials")
}

// docContext is the per-document state of context resolution.
type docContext struct {
	doc     *egret.Document
	speaker *actorRef // author or speaker of the text; nil when unknown
	hist    []histEntry
	sent    int
	// per sentence: words resolved from context
	refs      map[int]*egret.Ref
	speakerAt map[int]bool // "we" of the document's speaker
	pending   []int        // "we" in a quotation, resolved in contextEntities
	pendingIt []int        // "X said it ...": "it"/"they" resolved to X in contextEntities
	// the actor quoted last and its sentence: a quotation running on into
	// the next sentence keeps its speaker
	lastQuote     *actorRef
	lastQuoteSent int
	quotes        []quoteSpan // quotations and their speakers (quotes.go)
	sents         []nlp.Sentence
	date          int
	votes         map[string]int // country → mentions, for the story's country (country.go)
	// recent events of earlier sentences, for acts that answer them: a
	// denial answers an accusation, a claim of responsibility an attack
	recent []recentEvent
	// the lead's attack: the first use of force with a source in the
	// story's first sentences, which "the attack" may name at any distance
	leadAttack *recentEvent
	// attacks whose doer the text did not name where they were told, and
	// the claims of responsibility that name it later (index into the
	// document's events: the claimer's code is given them at the end)
	unclaimed []recentEvent
	claims    []claim
	// foreignWords say an agent is not the story country's (country.go)
	foreignWords []string
	// the last sentence that named a disaster ("a school building
	// collapsed"): the dead counted after it died in it
	disasterSent int
}

// recentEvent is an event of an earlier sentence.
type recentEvent struct {
	idx            int // in the document's events
	src, tgt, code string
	ref            *egret.Ref // the source's phrase, when known
	tref           egret.Ref  // the target's phrase
	sent           int
}

// noteEvents remembers sentence i's events for later answers, those told
// as the background of another ("after militants ambushed a convoy",
// earlier(e)) before the rest, as they happened.
func (dc *docContext) noteEvents(evs []egret.Event, base, i int, earlier func(*egret.Event) bool) {
	if dc == nil {
		return
	}
	var later []int
	for k := range evs {
		if earlier(&evs[k]) {
			dc.note(&evs[k], base+k, i)
		} else {
			later = append(later, k)
		}
	}
	for _, k := range later {
		dc.note(&evs[k], base+k, i)
	}
	k := 0
	for k < len(dc.recent) && dc.recent[k].sent < i-maxBack {
		k++
	}
	dc.recent = dc.recent[k:]
}

// note remembers event e of sentence i, the document's event idx.
func (dc *docContext) note(e *egret.Event, idx, i int) {
	if e.Source == "" && e.Target != "" && assault(e.CAMEO) {
		dc.unclaimed = append(dc.unclaimed, recentEvent{idx: idx, tgt: e.Target, code: e.CAMEO, sent: i})
	}
	if e.Source == "" || e.Target == "" {
		return
	}
	ref := e.SourceRef
	if ref == nil && e.SourceText != "" {
		// the phrase that named the source, so an answer can say whom it
		// means ("condemned the attack": "Russia")
		ref = &egret.Ref{Text: e.SourceText, Sentence: e.Sentence, Span: e.SourceSpan}
	}
	dc.recent = append(dc.recent, recentEvent{idx: idx, src: e.Source, tgt: e.Target, code: e.CAMEO, ref: ref, sent: i,
		tref: egret.Ref{Text: e.TargetText, Sentence: e.Sentence, Span: e.TargetSpan}})
	if dc.leadAttack == nil && i < leadSentences && assault(e.CAMEO) {
		r := dc.recent[len(dc.recent)-1]
		dc.leadAttack = &r
	}
}

// leadSentences is how many opening sentences (a title and the lead) may
// tell the story's main attack.
const leadSentences = 3

// backgroundEvent reports an event of the sentence just coded whose verb
// stands in an "after", "before" or "since" clause of another verb
// (background-preps.txt): it happened before the act it is told with.
func (s *state) backgroundEvent(e *egret.Event) bool {
	if !s.hasTree {
		return false
	}
	for v := range s.words {
		if s.words[v].start != e.EventSpan.Start {
			continue
		}
		for x, n := v, 0; x >= 0 && n < 8; x, n = int(s.words[x].head), n+1 {
			if s.words[x].rel == syntax.Advcl && s.wc.backgroundPreps[s.markOf(x)] {
				return true
			}
		}
		return false
	}
	return false
}

// claim is a claim of responsibility for the document's event idx by the
// actor coded src, named by text at span.
type claim struct {
	idx  int
	src  string
	text string
	span egret.Span
}

// newestUnclaimed returns the newest attack of the last few sentences
// whose doer the text did not name, or nil.
func (dc *docContext) newestUnclaimed(sent int) *recentEvent {
	for k := len(dc.unclaimed) - 1; k >= 0; k-- {
		if e := &dc.unclaimed[k]; e.sent >= sent-maxBack {
			return e
		}
	}
	return nil
}

// unknownDoerCode reports a source that names no one in particular: none,
// or armed men of no group ("gunmen": ---UAF, or BFAUAF where they
// struck).
func unknownDoerCode(code string) bool {
	return code == "" || len(code) == 6 && strings.HasSuffix(code, "UAF")
}

// applyClaims gives the attacks claimed later in the story their
// claimers as sources.
func (dc *docContext) applyClaims(evs []egret.Event) {
	for _, c := range dc.claims {
		if c.idx < 0 || c.idx >= len(evs) || !unknownDoerCode(evs[c.idx].Source) {
			continue
		}
		e := &evs[c.idx]
		e.Source, e.SourceText, e.SourceSpan = c.src, c.text, c.span
		flags := e.Flags[:0]
		for _, f := range e.Flags {
			if f != egret.FlagNoSource && f != egret.FlagSourceInferred {
				flags = append(flags, f)
			}
		}
		e.Flags = append(flags, egret.FlagSourceClaimed)
	}
}

// answered returns the newest recent event whose root is one of roots and
// that, when against is not "", was aimed at that actor or its country.
func (dc *docContext) answered(roots []string, against string) *recentEvent {
	for k := len(dc.recent) - 1; k >= 0; k-- {
		e := &dc.recent[k]
		ok := false
		for _, r := range roots {
			ok = ok || strings.HasPrefix(e.code, r)
		}
		if !ok {
			continue
		}
		if against == "" || e.tgt == against || len(e.tgt) >= 3 && len(against) >= 3 && e.tgt[:3] == against[:3] && e.tgt[:3] != "---" {
			return e
		}
	}
	return nil
}

// newDocContext prepares document context, or returns nil when the
// document has none or Options.NoContext is set.
func (c *Coder) newDocContext(doc *egret.Document, sents []nlp.Sentence, date int) *docContext {
	if c.opts.NoContext || !c.modern && (len(sents) < 2 && doc.Title == "" && doc.Author == "" && doc.Source == "") {
		return nil
	}
	dc := &docContext{doc: doc, refs: map[int]*egret.Ref{}, speakerAt: map[int]bool{}, foreignWords: c.words.foreignWords, disasterSent: -100}
	dc.speaker = c.findSpeaker(doc, sents, date)
	dc.quotes, dc.sents, dc.date = findQuotes(sents), sents, date
	return dc
}

// begin starts sentence i.
func (dc *docContext) begin(i int) {
	if dc == nil {
		return
	}
	dc.sent = i
	clear(dc.refs)
	clear(dc.speakerAt)
	dc.pending = dc.pending[:0]
	dc.pendingIt = dc.pendingIt[:0]
}

// observe records the actor phrases of a coded sentence as antecedents.
func (dc *docContext) observe(c *Coder, s *state, sent *nlp.Sentence) {
	if dc == nil {
		return
	}
	dc.voteMentions(c, s, 1)
	for e := range s.ents {
		ent := &s.ents[e]
		if dc.speakerAt[ent.i] && ent.j-ent.i == 1 {
			continue // "we" is not an antecedent for descriptions
		}
		var codes []string
		for _, cr := range s.entityCodes(ent, nil, false, nil, nil, ent.i, ent.j) {
			if !strings.HasPrefix(cr.code, "---") {
				codes = append(codes, cr.code)
			}
		}
		plural := s.words[ent.j-1].tag == nlp.NNS || s.words[ent.j-1].tag == nlp.NNPS
		if len(codes) == 0 && (!plural || ent.j < len(s.words) && c.words.speech[s.words[ent.j].lemma]) {
			continue // ("officials said" is the source of the report, not a topic)
		}
		// (an uncoded plural, "analysts", is kept without codes: it may be
		// what a later "they" means)
		pi, pj := s.phraseSpan(ent)
		sp, text := s.span(dc.doc, pi, pj)
		h := histEntry{actorRef: actorRef{codes: codes, ref: egret.Ref{Text: text, Sentence: sent.Index, Span: sp}}, person: len(ent.agents) > 0, plural: plural}
		for k := ent.i; k < ent.j; k++ {
			h.words = append(h.words, s.words[k].key)
		}
		// names: proper-name words no dictionary matched ("Joel
		// Rayburn", "Secretary-General"), by which the text may refer
		// back; not of a coordination ("a joint team of the Army, the CRPF
		// and the Jammu and Kashmir Police": no one word names it)
		coordinated := false
		for k := pi; k < pj; k++ {
			coordinated = coordinated || isCoord(s.words[k].key)
		}
		for k := pi; k < pj && len(codes) > 0 && !coordinated; k++ {
			w := &s.words[k]
			if s.inMent[k] >= 0 || (w.tag != nlp.NNP && w.tag != nlp.NNPS) || len(w.key) < 3 || !titlecase(dc.doc.Text[w.start:w.end]) || dc.refs[k] != nil ||
				c.words.timeWords[w.key] || c.words.months[w.key] {
				continue
			}
			h.names = append(h.names, w.key)
		}
		if len(codes) > 0 {
			if a := s.aliasAfter(c, pj); a >= 0 {
				h.names = append(h.names, s.words[a].key)
			}
		}
		dc.hist = append(dc.hist, h)
	}
	// keep the window small: entries older than maxBack sentences go
	k := 0
	for k < len(dc.hist) && dc.hist[k].ref.Sentence < sent.Index-maxBack {
		k++
	}
	dc.hist = dc.hist[k:]
}

func titlecase(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	return strings.ToUpper(s) != s || len(s) <= 3
}

// contextMentions adds mentions that only the document context can code:
// first-person pronouns (the speaker) and short names of people named
// earlier ("Rayburn" after "Special Envoy Joel Rayburn").
func (c *Coder) contextMentions(s *state) {
	dc := s.dc
	if dc == nil {
		return
	}
	quoted := s.quoted()
	for i := range s.words {
		if m := s.inMent[i]; m >= 0 {
			if mt := &s.ments[m]; mt.kind == mAgent && mt.i == i && mt.j == i+1 && s.pairRef(c, i) > 0 {
				// "the two leaders": a role word naming a pair named
				// earlier is that pair (in a joint statement, its issuers)
				codes, ref := dc.lastPair(c.words.pairNouns[s.words[i].key])
				if dc.speaker != nil && len(dc.speaker.codes) >= 2 && c.quoteAt(dc, s.words[i].start) == nil {
					codes, ref = dc.speaker.codes, dc.speaker.ref
				}
				if codes != nil {
					at := i - s.pairRef(c, i)
					*mt = mention{kind: mActor, i: at, j: i + 1, codes: codes, actor: contextActor}
					for k := at; k <= i; k++ {
						s.inMent[k] = m
					}
					dc.refs[at] = &ref
				}
			}
			continue
		}
		w := &s.words[i]
		switch {
		case w.key == "WE" || w.key == "I" && dc.doc.Text[w.start:w.end] == "I" || (w.key == "US" && dc.doc.Text[w.start:w.end] == "us") || (w.key == "OUR" && (s.agentFollows(i) || s.countryFollows(i))):
			if q := c.quoteAt(dc, w.start); q != nil {
				if q.who == nil {
					continue // quoting someone who is not an actor
				}
				codes := q.who.codes
				if w.key == "OUR" {
					codes = countryPart(codes)
				}
				s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: codes, actor: contextActor})
				ref := q.who.ref
				dc.refs[i] = &ref
				continue
			}
			if quoted {
				// resolved to the quoted speaker once phrases are known
				// (contextEntities)
				s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: []string{"---"}, actor: contextActor})
				dc.pending = append(dc.pending, i)
				continue
			}
			if dc.speaker == nil {
				continue
			}
			codes := dc.speaker.codes
			j := i + 1
			if w.key == "OUR" {
				codes = countryPart(codes)
				if s.countryFollows(i) {
					j = i + 2 // "our country" is the speaker's country
				}
			}
			s.addMention(mention{kind: mActor, i: i, j: j, codes: codes, actor: contextActor})
			ref := dc.speaker.ref
			dc.refs[i] = &ref
			dc.speakerAt[i] = true
		case (w.key == "GROUP" || w.key == "ORGANIZATION" || w.key == "ORGANISATION") && i > 0 && s.words[i-1].key == "THE" && s.inMent[i-1] < 0 &&
			(i+1 >= len(s.words) || !s.words[i+1].tag.IsNoun()):
			// "the group said it had killed ...": the organisation the text
			// named last
			if h := dc.lastOrganisation(); h != nil {
				s.addMention(mention{kind: mActor, i: i - 1, j: i + 1, codes: h.codes, actor: contextActor})
				ref := h.ref
				dc.refs[i-1] = &ref
			}
		case (w.key == "IT" || w.key == "THEY") && s.afterSpeech(i):
			// "the ministry said it would ...": the reporter
			s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: []string{"---"}, actor: contextActor})
			dc.pendingIt = append(dc.pendingIt, i)
		case s.pairRef(c, i) > 0 && dc.speaker != nil && len(dc.speaker.codes) >= 2 && c.quoteAt(dc, w.start) == nil:
			// in a joint statement, "both sides" and "the two leaders" are
			// its issuers
			at := i - s.pairRef(c, i)
			s.addMention(mention{kind: mActor, i: at, j: i + 1, codes: dc.speaker.codes, actor: contextActor})
			ref := dc.speaker.ref
			dc.refs[at] = &ref
		case s.pairRef(c, i) > 0:
			// "the two countries", "both sides": the two actors named last
			country := c.words.pairNouns[w.key]
			if codes, ref := dc.lastPair(country); codes != nil {
				at := i - s.pairRef(c, i)
				s.addMention(mention{kind: mActor, i: at, j: i + 1, codes: codes, actor: contextActor})
				dc.refs[at] = &ref
			}
		case w.key == "THEM" && i > 0 && s.pairBefore(i) >= 0:
			// "China, which has close ties with both countries, urged them
			// to exercise restraint": the pair named earlier in the sentence
			m := &s.ments[s.pairBefore(i)]
			s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: m.codes, actor: contextActor})
			if ref := dc.refs[m.i]; ref != nil {
				dc.refs[i] = ref
			}
		case w.key == "THEM" && i > 0:
			// "He urged them to avoid a confrontation": the several
			// actors the last sentence's act was aimed at (looked up
			// first: quoteAt parses the quote's speaker)
			if codes, ref := dc.lastTargets(); codes != nil && c.quoteAt(dc, w.start) == nil {
				s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: codes, actor: contextActor})
				dc.refs[i] = &ref
			}
		case w.key == "THEY" && (i == 0 || s.isQuote(i-1) && i == 1) && c.quoteAt(dc, w.start) == nil:
			// a sentence-initial "they": the last plural actor phrase of
			// the previous sentence ("Militants attacked ... They took ...")
			if h := dc.lastPlural(); h != nil {
				s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: h.codes, actor: contextActor})
				ref := h.ref
				dc.refs[i] = &ref
			} else if codes, ref := dc.lastMutual(); codes != nil {
				// "China and Russia held talks. They criticized ...":
				// the two sides of the last mutual act
				s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: codes, actor: contextActor})
				dc.refs[i] = &ref
			}
		case (w.tag == nlp.NNP || w.tag == nlp.NNPS || s.hasTree && w.tag == nlp.NN && i > 0) && len(w.key) >= 2 &&
			(len(w.key) >= 3 && titlecase(dc.doc.Text[w.start:w.end]) || dc.doc.Text[w.start:w.end] == w.key) && s.aloneName(i):
			// (an all-capitals word is found only as a registered alias:
			// earlier names are title case)
			// (a capitalised common noun inside a sentence is a title
			// naming someone: "the Secretary-General condemns")
			h := dc.byName(w.key)
			if h == nil && c.words.institutions[w.key] && s.inMent[i] < 0 && hasLower(dc.doc.Text[w.start:w.end]) {
				// (title case, not capitals: in an all-capitals text every
				// "MINISTRY" looks like a name)
				h = dc.byWord(w.key) // "the Council": the body named in full before
			}
			if h != nil {
				s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: h.codes, actor: contextActor})
				ref := h.ref
				dc.refs[i] = &ref
			}
		}
	}
}

// pairBefore returns the last mention before word i that stands for two
// or more parties from the story ("both countries", "the two sides"), or
// -1.
func (s *state) pairBefore(i int) int {
	for m := len(s.ments) - 1; m >= 0; m-- {
		if mt := &s.ments[m]; mt.j <= i && mt.actor == contextActor && len(mt.codes) >= 2 {
			if mt.j < len(s.words) && s.words[mt.j].tag == nlp.POS {
				return -1 // "both countries' foreign ministers": the ministers
			}
			return m
		}
	}
	return -1
}

// aliasAfter returns the word right after phrase end j that gives the
// actor another name, or -1: "the Baloch Liberation Army, or BLA,", "the
// Rapid Support Forces (RSF)", "Mohammed bin Salman, commonly known by his
// abbreviation MBS,", "..., known as Hemedti,".
func (s *state) aliasAfter(c *Coder, j int) int {
	n := len(s.words)
	name := func(k int) int {
		if k >= n || s.words[k].tag != nlp.NNP && s.words[k].tag != nlp.NNPS || len(s.words[k].key) < 2 {
			return -1
		}
		if k+1 < n && (s.words[k+1].tag == nlp.NNP || s.words[k+1].tag == nlp.NNPS) {
			return -1 // a longer name: not one alias word
		}
		return k
	}
	acronym := func(k int) int {
		if k := name(k); k >= 0 && strings.ToUpper(s.words[k].key) == s.words[k].key && len(s.words[k].key) <= 6 && s.dc != nil &&
			s.dc.doc.Text[s.words[k].start:s.words[k].end] == s.words[k].key {
			return k
		}
		return -1
	}
	switch {
	case j+2 < n && s.words[j].key == "(" && s.words[j+2].key == ")":
		return acronym(j + 1)
	case j+2 < n && s.words[j].key == "," && s.words[j+1].key == "OR":
		return acronym(j + 2)
	}
	k := j
	if k < n && s.words[k].key == "," {
		k++
	}
	if k < n && s.words[k].tag == nlp.RB {
		k++ // "commonly", "also", "widely"
	}
	if k+1 >= n || s.words[k].key != "KNOWN" {
		return -1
	}
	switch k++; {
	case s.words[k].key == "AS":
		return name(k + 1)
	case s.words[k].key == "BY" && k+3 < n && s.words[k+1].tag == nlp.PRPS && c.words.aliasNouns[s.words[k+2].key]:
		return name(k + 3)
	}
	return -1
}

// aloneName reports whether the proper-name word i stands alone ("Rayburn
// said", "the Secretary-General condemns"), not inside a longer name.
func (s *state) aloneName(i int) bool {
	if i > 0 && (s.words[i-1].tag == nlp.NNP || s.words[i-1].tag == nlp.NNPS) && s.inMent[i-1] < 0 {
		return false
	}
	if i+1 < len(s.words) && (s.words[i+1].tag == nlp.NNP || s.words[i+1].tag == nlp.NNPS || s.words[i+1].tag == nlp.POS) && s.inMent[i+1] < 0 {
		return s.words[i+1].tag == nlp.POS
	}
	return true
}

// agentFollows reports whether an agent mention follows word i, across
// adjectives ("our military", "our diplomatic staff").
func (s *state) agentFollows(i int) bool {
	for k := i + 1; k < len(s.words) && k <= i+3; k++ {
		if m := s.inMent[k]; m >= 0 {
			return s.ments[m].kind == mAgent
		}
		if s.words[k].tag != nlp.JJ {
			return false
		}
	}
	return false
}

// countryPart turns the speaker's codes into the country (or
// organisation) part for "our": RUSGOV → RUS, so "our military" is RUSMIL.
func countryPart(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		if len(c) > 3 && !strings.HasPrefix(c, "IGO") && !strings.HasPrefix(c, "NGO") && !strings.HasPrefix(c, "IMG") && stateCode(c) {
			c = c[:3]
		}
		out = append(out, c)
	}
	return out
}

// stateCode reports a code of a state body (government, military,
// police, courts, legislature): "our" of such a speaker is its country's.
// An opposition party's or rebel group's "our forces" are its own
// ("MMRREB", not Myanmar's).
func stateCode(c string) bool {
	for _, x := range [...]string{"REB", "OPP", "PTY", "UAF", "CRM", "CVL", "MED", "EDU", "LAB", "HRI", "REL", "BUS"} {
		if hasAligned(c[3:], x) {
			return false
		}
	}
	return true
}

// lastPlural returns the newest plural actor phrase of the previous
// sentence, if that sentence has exactly one.
func (dc *docContext) lastPlural() *histEntry {
	var found *histEntry
	for h := len(dc.hist) - 1; h >= 0 && dc.hist[h].ref.Sentence >= dc.sent-1; h-- {
		if dc.hist[h].ref.Sentence != dc.sent-1 || !dc.hist[h].plural {
			continue
		}
		if found != nil {
			return nil // two candidates: ambiguous
		}
		found = &dc.hist[h]
	}
	if found == nil || len(found.codes) == 0 || len(found.codes[0]) == 3 {
		return nil // uncoded ("analysts") or a country ("the Philippines")
	}
	return found
}

// pairRef returns how many words before i make the noun at i refer to a
// pair named earlier ("the two countries": 2, "both sides": 1;
// pair-markers.txt), or 0.
func (s *state) pairRef(c *Coder, i int) int {
	if _, ok := c.words.pairNouns[s.words[i].key]; !ok || i == 0 {
		return 0
	}
	if i >= 2 && s.inMent[i-2] < 0 && s.inMent[i-1] < 0 && c.words.pairMarkers[s.words[i-2].key+" "+s.words[i-1].key] {
		return 2 // "the two countries", "the warring parties"
	}
	if s.inMent[i-1] < 0 && c.words.pairMarkers[s.words[i-1].key] {
		return 1 // "both sides", "all parties"
	}
	return 0
}

// lastPair returns the source and target of the newest event of the
// previous two sentences (their countries when country is set: both must
// have one) and its source's phrase, or nil: "the two sides" are the
// parties of the last exchange named.
func (dc *docContext) lastPair(country bool) ([]string, egret.Ref) {
	for k := len(dc.recent) - 1; k >= 0 && dc.recent[k].sent >= dc.sent-2; k-- {
		e := &dc.recent[k]
		if strings.HasPrefix(e.code, "01") || strings.HasPrefix(e.code, "02") {
			continue // who speaks to or appeals to the sides is none of them
		}
		a, b := e.src, e.tgt
		if country {
			if !countryCode(a) || !countryCode(b) {
				continue
			}
			a, b = a[:3], b[:3]
		}
		if a == b || a == "" || b == "" || !country && (victimRole(a) || victimRole(b)) {
			continue // (civilians harmed are no side of a dispute)
		}
		if strings.HasPrefix(a, "---") || strings.HasPrefix(b, "---") {
			// a side whose country is still to be inferred ("the military
			// government") is of the story's country, not of wherever the
			// later act takes place; with no clear story country it is
			// no side to resolve to
			sc := dc.storyCountry()
			if sc == "" {
				continue
			}
			if strings.HasPrefix(a, "---") {
				a = sc + a[3:]
			}
			if strings.HasPrefix(b, "---") {
				b = sc + b[3:]
			}
		}
		var ref egret.Ref
		if e.ref != nil {
			ref = *e.ref
		}
		return []string{a, b}, ref
	}
	return nil, egret.Ref{}
}

// victimRole reports a code of people who suffer acts rather than take
// sides: civilians, refugees, the media, health workers.
func victimRole(c string) bool {
	if len(c) < 6 {
		return false
	}
	switch c[len(c)-3:] {
	case "CVL", "REF", "MED", "HLH":
		return true
	}
	return false
}

// countryCode reports a code that starts with a country.
func countryCode(c string) bool {
	return len(c) >= 3 && !strings.HasPrefix(c, "---") && !strings.HasPrefix(c, "IGO") && !strings.HasPrefix(c, "NGO") && !strings.HasPrefix(c, "IMG")
}

// lastTargets returns the targets of the previous sentence's acts when
// they are several actors one source aimed at ("Guterres spoke with the
// foreign ministers of both countries"), else nil.
func (dc *docContext) lastTargets() ([]string, egret.Ref) {
	var srcs []string
	targets := map[string][]string{}
	refs := map[string]egret.Ref{}
	for k := range dc.recent {
		e := &dc.recent[k]
		if e.sent != dc.sent-1 || e.tgt == "" {
			continue
		}
		if _, ok := targets[e.src]; !ok {
			srcs = append(srcs, e.src)
			refs[e.src] = e.tref
		}
		if !slices.Contains(targets[e.src], e.tgt) {
			targets[e.src] = append(targets[e.src], e.tgt)
		}
	}
	for _, src := range srcs { // the first source aiming at several
		if codes := targets[src]; len(codes) >= 2 {
			return codes, refs[src]
		}
	}
	return nil, egret.Ref{}
}

// lastMutual returns the two sides of the previous sentence's mutual act
// (A→B and B→A), or nil.
func (dc *docContext) lastMutual() ([]string, egret.Ref) {
	for k := range dc.recent {
		e := &dc.recent[k]
		if e.sent != dc.sent-1 || e.tgt == "" || e.src == e.tgt {
			continue
		}
		for m := k + 1; m < len(dc.recent); m++ {
			if o := &dc.recent[m]; o.sent == e.sent && o.src == e.tgt && o.tgt == e.src && o.code == e.code {
				var ref egret.Ref
				if e.ref != nil {
					ref = *e.ref
				}
				return []string{e.src, e.tgt}, ref
			}
		}
	}
	return nil, egret.Ref{}
}

// byName finds the newest earlier person whose trailing name words hold key.
func (dc *docContext) byName(key string) *histEntry {
	for h := len(dc.hist) - 1; h >= 0; h-- {
		for _, n := range dc.hist[h].names {
			if n == key {
				return &dc.hist[h]
			}
		}
	}
	return nil
}

// byWord returns the newest earlier phrase of one organisation (an
// international body or a government) with the word key in it, or nil.
func (dc *docContext) byWord(key string) *histEntry {
	for h := len(dc.hist) - 1; h >= 0; h-- {
		e := &dc.hist[h]
		if len(e.codes) != 1 || !strings.HasPrefix(e.codes[0], "IGO") && !strings.HasSuffix(e.codes[0], "GOV") {
			continue
		}
		for _, w := range e.words {
			if w == key {
				return e
			}
		}
	}
	return nil
}

// contextEntities resolves definite descriptions ("the envoy", "the
// ministry") to the actor an earlier sentence named, and shares a
// coordinated head noun between demonyms ("the Russian and Syrian
// military" is RUSMIL and SYRMIL).
func (c *Coder) contextEntities(s *state) {
	dc := s.dc
	if dc == nil {
		return
	}
	if !s.hasTree {
		s.sharedHeads() // the tree shares coordinated modifiers itself (phrases.go)
	}
	for e := range s.ents {
		ent := &s.ents[e]
		if ent.actorCodes != nil || len(ent.agents) == 0 || ent.inheritFrom >= 0 || dc.refs[ent.i] != nil || !armedOnly(ent.agents) {
			continue
		}
		if d := s.words[ent.i].key; d != "THE" && d != "THIS" {
			continue
		}
		// "the banned separatist militant outfit", "the terror group": a
		// definite description of an armed group is the armed group the
		// text named last
		if h := dc.lastArmed(); h != nil {
			ent.actorCodes = h.codes
			ref := h.ref
			dc.refs[ent.i] = &ref
		}
	}
	s.resolveQuoted()
	s.resolveReportPronouns()
	for e := range s.ents {
		ent := &s.ents[e]
		if ent.actorCodes != nil || len(ent.agents) == 0 || ent.inheritFrom >= 0 {
			continue
		}
		d := s.words[ent.i].key
		if d != "THE" && d != "THIS" && d != "THAT" && d != "THESE" || ent.j-ent.i != 2 {
			continue // a modifier ("the military spokesperson") may name someone else
		}
		head := s.words[ent.j-1].key
		if h := dc.describe(head, ent.agents); h != nil {
			ent.actorCodes = countryPart(h.codes)
			ref := h.ref
			dc.refs[ent.i] = &ref
		} else if sp := dc.speaker; sp != nil && govAgent(ent.agents) && len(sp.codes) == 1 && len(sp.codes[0]) >= 6 && sp.codes[0][3:6] == "GOV" && c.quoteAt(dc, s.words[ent.i].start) == nil {
			// "The Ministry welcomes ..." in a foreign ministry's statement:
			// the government that speaks
			ent.actorCodes = countryPart(sp.codes)
			ref := sp.ref
			dc.refs[ent.i] = &ref
		}
	}
}

// armedOnly reports agents that all name armed non-state groups.
func armedOnly(agents []*petrarch.Agent) bool {
	for _, a := range agents {
		if c, _ := a.Suffix(); c != "REB" {
			return false
		}
	}
	return true
}

// lastOrganisation returns the newest earlier phrase coded as one
// organisation: an armed group, an international or non-governmental
// organisation, a party or an opposition movement; nil when none.
func (dc *docContext) lastOrganisation() *histEntry {
	for h := len(dc.hist) - 1; h >= 0; h-- {
		e := &dc.hist[h]
		if len(e.codes) != 1 || len(e.codes[0]) < 6 {
			continue
		}
		c := e.codes[0]
		switch {
		case strings.HasPrefix(c, "IMG"), strings.HasPrefix(c, "NGO"), strings.HasPrefix(c, "IGO"),
			strings.HasSuffix(c, "REB"), strings.HasSuffix(c, "OPP"), strings.HasSuffix(c, "PTY"):
			return e
		}
	}
	return nil
}

// lastArmed returns the newest earlier phrase coded as one armed group
// (a rebel code, or an international militarized group), or nil.
func (dc *docContext) lastArmed() *histEntry {
	for h := len(dc.hist) - 1; h >= 0; h-- {
		e := &dc.hist[h]
		if len(e.codes) == 1 && (strings.HasSuffix(e.codes[0], "REB") || strings.HasPrefix(e.codes[0], "IMG")) {
			return e
		}
	}
	return nil
}

// describe finds the antecedent of a definite description with this head:
// the newest earlier phrase with the same head word. (Resolving "the
// government" to the last government named was tried and dropped: in
// news it picks the wrong country too often.)
func (dc *docContext) describe(head string, agents []*petrarch.Agent) *histEntry {
	state := false // "the army", "the police": a state role
	for _, a := range agents {
		if c, app := a.Suffix(); app && (c == "MIL" || c == "COP" || c == "GOV") {
			state = true
		}
	}
	for h := len(dc.hist) - 1; h >= 0; h-- {
		if len(dc.hist[h].codes) == 0 {
			continue
		}
		if state && nonState(dc.hist[h].codes) {
			continue // "the army" is no "Ta'ang National Liberation Army"
		}
		for _, w := range dc.hist[h].words {
			if w == head {
				return &dc.hist[h]
			}
		}
	}
	return nil
}

// govAgent reports agents that all name a government body ("the
// ministry", "the government").
func govAgent(agents []*petrarch.Agent) bool {
	for _, a := range agents {
		if c, app := a.Suffix(); !app || c != "GOV" {
			return false
		}
	}
	return len(agents) > 0
}

// countryFollows reports "our country", "our nation" at i.
func (s *state) countryFollows(i int) bool {
	if i+1 >= len(s.words) || s.inMent[i+1] >= 0 {
		return false
	}
	switch s.words[i+1].key {
	case "COUNTRY", "NATION", "COUNTRIES", "NATIONS":
		return true
	}
	return false
}

// nonState reports codes all of armed or political groups outside the
// state (rebels, unidentified armed forces, criminals, opposition).
func nonState(codes []string) bool {
	for _, c := range codes {
		if len(c) < 6 {
			return false
		}
		switch c[len(c)-3:] {
		case "REB", "UAF", "CRM", "OPP":
		default:
			return false
		}
	}
	return len(codes) > 0
}

// sharedHeads gives a bare demonym coordinated with a demonym+role actor
// the same role: "the Russian and Syrian military" → RUSMIL, SYRMIL.
func (s *state) sharedHeads() {
	for e := 0; e+1 < len(s.ents); e++ {
		a, b := &s.ents[e], &s.ents[e+1]
		if len(a.actorCodes) != 1 || len(a.agents) > 0 || len(b.actorCodes) != 1 || len(b.agents) > 0 {
			continue
		}
		ac, bc := a.actorCodes[0], b.actorCodes[0]
		if len(ac) != 3 || len(bc) <= 3 || ac == bc[:3] || a.j >= len(s.words) || b.i != a.j+1 || !isCoord(s.words[a.j].key) {
			continue
		}
		last := a.j - 1
		if s.words[last].tag != nlp.JJ && s.words[last].tag != nlp.NNP || !demonym(s.words[last].key) || !demonym(s.words[b.i].key) && s.words[b.i].key != "THE" {
			continue
		}
		a.actorCodes = []string{ac + bc[3:]}
	}
}

// demonym reports whether a word looks like a nationality adjective.
func demonym(k string) bool {
	for _, suf := range []string{"AN", "ESE", "ISH", "I", "IC", "CH"} {
		if strings.HasSuffix(k, suf) {
			return true
		}
	}
	return false
}

// attachRefs copies context antecedents to the events whose source or
// target phrase was resolved from them.
func (s *state) attachRefs(raw []rawEvent) {
	if s.dc == nil || len(s.dc.refs) == 0 {
		return
	}
	find := func(i, j int) *egret.Ref {
		for k := i; k < j; k++ {
			if r := s.dc.refs[k]; r != nil {
				return r
			}
		}
		return nil
	}
	for k := range raw {
		r := &raw[k]
		if r.srcRef == nil && r.src != "" {
			r.srcRef = find(r.srcI, r.srcJ)
		}
		if r.tgtRef == nil && r.tgt != "" {
			r.tgtRef = find(r.tgtI, r.tgtJ)
		}
	}
}

// speakerGroup reports whether group g is the document's speaker ("we"):
// statements of intent and appeals to generic addressees ("our
// partners") are coded without a target actor.
func (s *state) speakerGroup(g int) bool {
	if s.dc == nil || g < 0 || g >= len(s.groups) {
		return false
	}
	for k := s.groups[g].i; k < s.groups[g].j; k++ {
		if s.dc.speakerAt[k] {
			return true
		}
	}
	return false
}

// contextEvents is the sentence-level pass of document context over the
// events the clause coder found: antecedents, modality, reported speech,
// nominal events and topic phrases.
func (c *Coder) contextEvents(s *state, raw []rawEvent) []rawEvent {
	if s.dc == nil || len(s.ents) == 0 {
		if s.hasTree && len(s.ents) > 0 {
			// a lone sentence's audience is no target either, and its
			// event nouns are events ("a grenade attack on a market")
			return c.nounEvents(s, s.bareStatements(raw, false))
		}
		return raw
	}
	if len(s.groups) == 0 && !s.hasTree {
		// the clause coder stops early without verbs; nominal events and
		// reports still need the groups
		s.findReport()
		s.buildClauses()
		s.buildGroups()
	}
	s.attachRefs(raw)
	raw = s.retarget(raw)
	raw = c.applyModality(s, raw)
	raw = c.reports(s, raw)
	if s.hasTree {
		raw = s.bareStatements(raw, true)
	}
	return c.nounEvents(s, s.insteadOf(raw))
}

// nounEvents adds the sentence's nominal events to raw and merges
// repeats: the last step with or without document context.
func (c *Coder) nounEvents(s *state, raw []rawEvent) []rawEvent {
	raw = c.nominalEvents(s, raw)
	militarySupport(raw)
	return dedupRaw(raw)
}

// retarget fixes targets taken from a topic phrase ("cooperate on Syria
// with the United States": the United States) and, for the speaker's
// appeals, from a phrase after an uncoded object ("urge our partners to
// ... on Syria": the partners, no target actor).
func (s *state) retarget(raw []rawEvent) []rawEvent {
	for k := range raw {
		r := &raw[k]
		if r.tgt != "" && r.tgtI > r.verbJ && s.speakerGroup(s.groupAt(r.srcI)) && s.uncodedObject(r.verbJ, r.tgtI) {
			// "we call on our partners to strengthen Ukraine's air
			// defence": the addressee is not an actor
			r.tgt, r.tgtI, r.tgtJ, r.tgtRef = "", 0, 0, nil
			continue
		}
		if r.tgt == "" || r.tgtI <= 0 || r.tgtI-1 < r.verbJ || !s.wc.topicPreps[s.words[r.tgtI-1].key] {
			continue // (a particle of the verb, "call on", is no topic)
		}
		tg := s.groupAt(r.tgtI)
		if tg < 0 {
			continue
		}
		// a later partner phrase: "with X", "including X"
		better := -1
		for g := tg + 1; g < len(s.groups); g++ {
			p := s.groups[g].i - 1
			for p > 0 && s.words[p].tag == nlp.DT {
				p--
			}
			if p <= 0 {
				continue
			}
			pk := s.words[p].key
			if (pk == "WITH" && s.words[p-1].key != "ACCORDANCE" && s.words[p-1].key != "LINE" && s.words[p-1].key != "COMPLIANCE") || pk == "INCLUDING" {
				better = g
				break
			}
		}
		if better >= 0 {
			s.setTarget(r, better)
		}
	}
	for k := range raw {
		// "condemn the terrorist attack carried out by PKK militants": the
		// perpetrator, not the act, is the target
		r := &raw[k]
		if !strings.HasPrefix(r.tgt, "---") || r.tgtJ <= 0 {
			continue
		}
		for p := r.tgtJ; p+1 < len(s.words) && p <= r.tgtJ+3; p++ {
			if s.words[p].key == "BY" {
				if g := s.groupAt(p + 1); g >= 0 && s.groups[g].i == p+1 && g != s.groupAt(r.srcI) && (!s.hasTree || s.inPhrase(r.tgtI, r.tgtJ, p+1)) {
					// (on a tree, only a by-phrase inside the target's own
					// phrase: in "the militants who stormed the hotel had
					// been killed by security forces" it is the killing's)
					s.setTarget(r, g)
				}
				break
			}
		}
	}
	return dedupRaw(raw)
}

// uncodedObject reports whether a noun phrase without an actor stands
// between the verb and position p ("urge [our partners] to ... on Syria").
func (s *state) uncodedObject(v, p int) bool {
	k := v
	if k < len(s.words) && (s.words[k].tag == nlp.PRPS || s.words[k].tag == nlp.DT) {
		k++
	}
	n := 0
	for k < p && k < len(s.words) && (s.npw[k] || s.words[k].key == "AND") && s.inMent[k] < 0 {
		k++
		n++
	}
	return n > 0 && k < p && s.words[k].tag == nlp.TO
}

// inPhrase reports whether word d hangs, through its heads, from a word
// of the span i..j.
func (s *state) inPhrase(i, j, d int) bool {
	for a := i; a < j; a++ {
		if s.ancestorOf(a, d) {
			return true
		}
	}
	return false
}

func (s *state) groupAt(i int) int {
	for g := range s.groups {
		if s.groups[g].i <= i && i < s.groups[g].j {
			return g
		}
	}
	return -1
}

// setTarget replaces the target by the first code of group g (events of
// the other codes follow from dedupRaw's callers duplicating as needed).
func (s *state) setTarget(r *rawEvent, g int) {
	gr := &s.groups[g]
	if len(gr.codes) == 0 {
		return
	}
	tc := gr.codes[0]
	r.tgt, r.tgtI, r.tgtJ, r.tgtRef = tc.code, tc.i, tc.j, gr.ref
}

// dedupRaw drops repeated (source, target, code) events.
func dedupRaw(raw []rawEvent) []rawEvent {
	out := raw[:0]
	for _, r := range raw {
		dup := false
		for _, o := range out {
			if o.src == r.src && o.tgt == r.tgt && o.code == r.code {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// notHeShe reports whether a group cannot be what a later "he" or "she"
// refers to: a plural ("Russian officials", "al-Shabab terrorists") or a
// phrase itself resolved from context.
func (s *state) notHeShe(gr *group) bool {
	if gr.j > gr.i && (s.words[gr.j-1].tag == nlp.NNS || s.words[gr.j-1].tag == nlp.NNPS) {
		return true
	}
	if gr.j > gr.i {
		// "the Saudi Maternity Hospital", "the ministry", "the Security
		// Council": a place or body is no "he"
		last := &s.words[gr.j-1]
		if _, ok := s.wc.place(last.key, last.lemma); ok || s.wc.institutions[last.key] || s.wc.missionNouns[last.key] {
			return true
		}
	}
	return s.dc != nil && s.dc.refs[gr.i] != nil
}

// quoted reports whether the sentence holds a quotation mark.
func (s *state) quoted() bool {
	for i := range s.words {
		if s.isQuote(i) {
			return true
		}
	}
	return false
}

func (s *state) isQuote(i int) bool {
	switch s.words[i].key {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return s.words[i].tag == nlp.QUOTE
}

// resolveQuoted gives "we" in a quotation the codes of the actor the
// sentence quotes ("'We will respond,' said Foreign Minister Lavrov"), or
// drops it when the speaker is not an actor.
func (s *state) resolveQuoted() {
	dc := s.dc
	if !s.quoted() {
		return
	}
	var who *actorRef
	if codes, wi, wj := s.quoteSpeaker(); codes != nil {
		sp, text := s.span(dc.doc, wi, wj)
		who = &actorRef{codes: codes, ref: egret.Ref{Text: text, Sentence: dc.sent, Span: sp}}
	} else if dc.lastQuote != nil && dc.lastQuoteSent == dc.sent-1 && len(s.words) > 0 && s.isQuote(0) {
		who = dc.lastQuote // "If the United States approaches us positively, we will ..."
	}
	if who != nil {
		dc.lastQuote, dc.lastQuoteSent = who, dc.sent
	}
	if len(dc.pending) == 0 {
		return
	}
	out := s.ents[:0]
	for _, e := range s.ents {
		p := -1
		for _, k := range dc.pending {
			if e.i <= k && k < e.j && e.actorCodes != nil && len(e.actorCodes) == 1 && e.actorCodes[0] == "---" {
				p = k
			}
		}
		if p < 0 {
			out = append(out, e)
			continue
		}
		if who == nil {
			continue // an unknown speaker: no actor
		}
		codes := who.codes
		if s.words[p].key == "OUR" {
			codes = countryPart(codes)
		}
		e.actorCodes = codes
		ref := who.ref
		dc.refs[p] = &ref
		out = append(out, e)
	}
	s.ents = out
}

// quoteSpeaker finds the actor a sentence quotes: the subject of a speech
// verb ("Lavrov said"), or the phrase after an inverted one ("said
// Foreign Minister Sergei Lavrov") - never the addressee ("told VOA").
func (s *state) quoteSpeaker() ([]string, int, int) {
	codesOf := func(e *entity) []string {
		var out []string
		for _, cr := range s.entityCodes(e, nil, false, nil, nil, e.i, e.j) {
			if !strings.HasPrefix(cr.code, "---") {
				out = append(out, cr.code)
			}
		}
		return out
	}
	for i := range s.words {
		w := &s.words[i]
		if !(s.wc.speech[w.lemma] || s.wc.speech[w.key]) || !(w.tag.IsVerb() || w.key == "SAID" || w.key == "SAYS") {
			continue
		}
		p := i
		for p > 0 && (s.words[p-1].tag == nlp.RB || auxVerbs[s.words[p-1].key]) {
			p--
		}
		for e := range s.ents {
			ent := &s.ents[e]
			if ent.j == p && !s.pendingIn(ent) {
				if cs := codesOf(ent); len(cs) > 0 {
					return cs, ent.i, ent.j
				}
				return nil, 0, 0 // "the spokesperson said": not an actor
			}
		}
		if w.key == "SAID" || w.key == "SAYS" || w.key == "ADDED" || w.key == "WROTE" {
			for e := range s.ents {
				ent := &s.ents[e]
				if ent.i == i+1 && !s.pendingIn(ent) {
					if cs := codesOf(ent); len(cs) > 0 {
						return cs, ent.i, ent.j
					}
					return nil, 0, 0
				}
			}
		}
	}
	return nil, 0, 0
}

func (s *state) pendingIn(e *entity) bool {
	for _, k := range s.dc.pending {
		if e.i <= k && k < e.j {
			return true
		}
	}
	return false
}

// afterSpeech reports whether word i follows a speech verb directly or
// after "that" ("said it", "says that they").
func (s *state) afterSpeech(i int) bool {
	k := i - 1
	if k >= 0 && s.words[k].key == "THAT" {
		k--
	}
	if k < 1 {
		return false
	}
	w := &s.words[k]
	return (s.wc.speech[w.lemma] || s.wc.speech[w.key]) && (w.tag.IsVerb() || w.key == "SAID" || w.key == "SAYS")
}

// resolveReportPronouns gives "it"/"they" after a speech verb the codes
// of the verb's subject ("Russia's defence ministry said it had shot down
// ..."), or drops it when the subject is not an actor.
func (s *state) resolveReportPronouns() {
	dc := s.dc
	if len(dc.pendingIt) == 0 {
		return
	}
	out := s.ents[:0]
	for _, e := range s.ents {
		p := -1
		for _, k := range dc.pendingIt {
			if e.i <= k && k < e.j && len(e.actorCodes) == 1 && e.actorCodes[0] == "---" {
				p = k
			}
		}
		if p < 0 {
			out = append(out, e)
			continue
		}
		v := p - 1
		if s.words[v].key == "THAT" {
			v--
		}
		for v > 0 && (s.words[v-1].tag == nlp.RB || auxVerbs[s.words[v-1].key]) {
			v--
		}
		var subj *entity
		for x := range s.ents {
			if s.ents[x].j == v {
				subj = &s.ents[x]
			}
		}
		if subj == nil {
			continue
		}
		var codes []string
		for _, cr := range s.entityCodes(subj, nil, false, nil, nil, subj.i, subj.j) {
			if cr.code != "---" { // an agent ("the officials") gets its country later (country.go)
				codes = append(codes, cr.code)
			}
		}
		if len(codes) == 0 {
			continue
		}
		e.actorCodes = codes
		sp, text := s.span(dc.doc, subj.i, subj.j)
		if r := dc.refs[subj.i]; r != nil {
			dc.refs[p] = r
		} else {
			dc.refs[p] = &egret.Ref{Text: text, Sentence: dc.sent, Span: sp}
		}
		out = append(out, e)
	}
	s.ents = out
}
