// Package coder turns documents into CAMEO/PLOVER events with a shallow syntactic analysis of each sentence and PETRARCH-style actor, agent and verb-pattern dictionaries.
package coder

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/plover"
	"github.com/egret-events/egret/syntax"
)

// Options tune the coder.
type Options struct {
	// LemmaPatterns lets pattern words match a token's lemma as well as its
	// surface form. Zero value: on for CAMEO 2.0 verb dictionaries (written
	// for lemma matching), off for the older format, whose unit tests expect
	// exact words (RESOLUTION must not match RESOLUTIONS).
	LemmaPatterns *bool
	// AllowNoTarget codes events that have a source but no target actor
	// (target ""). Off by default, as PETRARCH's require_dyad: a verb
	// without a target then lets the next verb of the clause be coded.
	AllowNoTarget bool
	// NoContext codes every sentence on its own, without document context
	// (speaker, coreference, reported speech, duplicates; context.go).
	NoContext bool
	// PhraseScope keeps patterns, subjects and targets inside each verb's
	// own clause and codes every verb that has its own subject. Zero value:
	// on for CAMEO 2.0 verb dictionaries; the TABARI-era dictionaries (and
	// the PETRARCH unit tests) expect sentence-wide linear matching with one
	// verb coded per clause.
	PhraseScope *bool
	// Syntax is the tagger and parser the coder reads sentence structure
	// with; nil: the model embedded in the binary (syntax.Load).
	Syntax *syntax.Model
}

// Coder codes documents; it is safe for concurrent use.
type Coder struct {
	d             *petrarch.Dictionaries
	p             *nlp.Pipeline
	opts          Options
	lemmaPatterns bool
	phraseScope   bool
	blocks        map[*petrarch.VerbBlock][]*cpattern
	vocab         vocab // words of the verb patterns (patterns.go)
	pool          sync.Pool

	// verbPos is each verb's Pos.String(), made once: events name the
	// dictionary line that coded them
	verbPos map[*petrarch.Verb]string
	words   *wordClasses
	syn     *syntax.Model
	// modern: the dictionaries code present-day news in CAMEO 1.1b3 or
	// 2.0 (egret's, Phoenix's), so intents code as intents, unnamed
	// attackers are kept, mutual acts go both ways. The TABARI-era
	// dictionaries (and the PETRARCH unit records written for them) code
	// "will X" as X and take a passive's subject as its source.
	modern bool
}

// New prepares a coder over a dictionary set and an nlp pipeline.
func New(d *petrarch.Dictionaries, p *nlp.Pipeline, opts Options) (*Coder, error) {
	words, err := loadWordClasses()
	if err != nil {
		return nil, err
	}
	syn := opts.Syntax
	if syn == nil {
		if syn, err = syntax.Load(); err != nil {
			return nil, err
		}
	}
	c := &Coder{d: d, p: p, opts: opts, blocks: map[*petrarch.VerbBlock][]*cpattern{}, words: words, syn: syn}
	c.lemmaPatterns = d.Verbs.Format == petrarch.FormatCAMEO2
	if opts.LemmaPatterns != nil {
		c.lemmaPatterns = *opts.LemmaPatterns
	}
	c.phraseScope = d.Verbs.Format == petrarch.FormatCAMEO2
	c.modern = d.Verbs.Format != petrarch.FormatTABARI
	if opts.PhraseScope != nil {
		c.phraseScope = *opts.PhraseScope
	}
	cache := map[*petrarch.Synset]*synIdx{}
	c.vocab = vocab{}
	c.verbPos = map[*petrarch.Verb]string{}
	for _, b := range d.Verbs.Blocks {
		for _, v := range b.Verbs {
			c.verbPos[v] = v.Pos.String()
		}
		cps := make([]*cpattern, 0, len(b.Patterns))
		for _, pt := range b.Patterns {
			cps = append(cps, compile(pt, d.Verbs.Synsets, cache, c.vocab))
		}
		c.blocks[b] = cps
	}
	c.pool.New = func() any { return &state{} }
	return c, nil
}

// posOf is the verb's dictionary line as events give it.
func (c *Coder) posOf(v *petrarch.Verb) string {
	if p, ok := c.verbPos[v]; ok {
		return p
	}
	return v.Pos.String()
}

// Dictionaries returns the coder's dictionary set.
func (c *Coder) Dictionaries() *petrarch.Dictionaries { return c.d }

// Code codes every sentence of doc. A story discard phrase anywhere drops
// the whole document.
func (c *Coder) Code(ctx context.Context, doc *egret.Document) ([]egret.Event, error) {
	evs, _, err := c.CodeCount(ctx, doc)
	return evs, err
}

// CodeCount is Code that also returns the number of sentences in doc, so
// that a caller counting them (egret code's summary) does not split the
// text a second time.
func (c *Coder) CodeCount(ctx context.Context, doc *egret.Document) (_ []egret.Event, sentences int, _ error) {
	evs, sents, err := c.CodeSentences(ctx, doc)
	return evs, len(sents), err
}

// CodeSentences is Code that also returns the document's sentences, tagged
// and lemmatized, so that later stages (geolocation) read them instead of
// splitting and tagging the text again.
func (c *Coder) CodeSentences(ctx context.Context, doc *egret.Document) ([]egret.Event, []nlp.Sentence, error) {
	if doc == nil {
		return nil, nil, egret.Errorf(egret.EINVALID, "no document")
	}
	sents := c.sentences(doc.Text)
	evs, err := c.codeDocument(ctx, doc, sents, nil)
	return evs, sents, err
}

// sentences splits text for coding: tokens only when the parser tags them
// (codeSentence writes its tags and lemmas back), tagged by the lexicon
// tagger for the linear coder.
func (c *Coder) sentences(text string) []nlp.Sentence {
	if c.modern {
		return c.p.TokenSentences(text)
	}
	return c.p.Sentences(text)
}

// codeDocument is the one document loop behind Code and Explain: each
// sentence in order with the document context, then the story-level
// passes (country inference, restatement merging). onSentence, when set,
// receives each sentence's trace.
func (c *Coder) codeDocument(ctx context.Context, doc *egret.Document, sents []nlp.Sentence, onSentence func(i int, tr *trace, story bool)) ([]egret.Event, error) {
	s := c.pool.Get().(*state)
	defer c.pool.Put(s)
	date := 0
	dateStr := ""
	if !doc.Date.IsZero() {
		date = doc.Date.Year()*10000 + int(doc.Date.Month())*100 + doc.Date.Day()
		dateStr = doc.Date.Format("2006-01-02")
	}
	var out []egret.Event
	var ante *antecedent
	anteAt := 0
	dc := c.newDocContext(doc, sents, date)
	s.dc = dc
	defer func() { s.dc = nil; s.skipBefore, s.skipFrom = 0, 0 }()
	body := bodyStart(doc)
	dl := c.words.findDateline(doc.Text[body:], func(p string) bool { return c.placeCountry(p, date) != "" })
	if dl.End > 0 {
		dl.End += body
	}
	s.skipBefore, s.skipFrom = dl.End, body
	if dl.Place != "" {
		dc.vote(c.placeCountry(dl.Place, date), datelineVotes)
	}
	for i := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if ante != nil && i-anteAt > 3 {
			ante = nil // too far back to resolve a pronoun
		}
		s.ante = ante
		dc.begin(i)
		var tr *trace
		if onSentence != nil {
			tr = &trace{}
		}
		first := len(out)
		var story bool
		out, story = c.codeSentence(s, doc, &sents[i], date, dateStr, tr, out)
		dc.observe(c, s, &sents[i])
		dc.noteEvents(out[first:], first, i, s.backgroundEvent)
		if !story {
			if a := s.antecedent(doc, &sents[i]); a != nil {
				ante, anteAt = a, i
			}
		}
		if tr != nil {
			tr.events = append([]egret.Event(nil), out[first:]...)
			tr.ments = append([]mention(nil), s.ments...)
			tr.ante = ante
			onSentence(i, tr, story)
		}
		if story {
			return nil, nil
		}
	}
	if dc != nil {
		dc.applyClaims(out)
		dc.inferCountries(out)
		out = dropUncoded(out)
		out = mergeDuplicates(out)
	}
	return out, nil
}

// sentence-level discard outcome
const (
	keep = iota
	sentenceDiscard
	storyDiscard
)

func (c *Coder) discard(s *state, keys []string) (int, *petrarch.Discard) {
	if c.d.Discards == nil || c.d.Discards.Index.Len() == 0 {
		return keep, nil
	}
	res, which := keep, (*petrarch.Discard)(nil)
	for i := range keys {
		e, n := c.d.Discards.Index.Match(keys, i)
		if n == 0 {
			continue
		}
		if e.Value.Story {
			return storyDiscard, e.Value
		}
		res, which = sentenceDiscard, e.Value
	}
	return res, which
}

// keys returns the word keys of the sentence (reusing s.codes' backing
// store is not possible, so a pooled slice is kept on the state).
func (s *state) keyList() []string {
	s.codes = s.codes[:0]
	for i := range s.words {
		s.codes = append(s.codes, s.words[i].key)
	}
	return s.codes
}

// codeSentence codes one sentence; story reports a story discard.
// The events are appended to evs, the document's events so far, to save a
// copy per sentence.
func (c *Coder) codeSentence(s *state, doc *egret.Document, sent *nlp.Sentence, date int, dateStr string, tr *trace, evs []egret.Event) (_ []egret.Event, story bool) {
	first := len(evs)
	s.reset()
	s.trace = tr
	s.phraseScope = c.phraseScope
	s.modern = c.modern
	s.doc = doc
	s.wc = c.words
	if c.modern {
		c.parse(s, sent.Tokens)
	} else {
		s.buildWords(sent.Tokens) // TABARI-era dictionaries: linear coding (legacy.go)
		if s.skipBefore > sent.Start && sent.Start >= s.skipFrom {
			s.dropBefore(s.skipBefore)
		}
	}
	if len(s.words) == 0 {
		return evs, false
	}
	if s.dc != nil && s.hasTree && s.disasterInSentence() >= 0 {
		s.dc.disasterSent = s.dc.sent
	}
	keys := s.keyList()
	if tr != nil {
		tr.words = append(tr.words[:0], s.words...)
		if s.hasTree {
			tr.tree = s.tree.Tree()
		}
	}
	switch r, d := c.discard(s, keys); r {
	case storyDiscard:
		if tr != nil {
			tr.discard = fmt.Sprintf("story discard %q (%s)", d.Phrase.String(), d.Pos)
		}
		return evs, true
	case sentenceDiscard:
		if s.hasTree && s.attackNamed() {
			// "a car bomb exploded near a cafe where people were watching
			// a football match": an attack at a match is no sports news
			break
		}
		if tr != nil {
			tr.discard = fmt.Sprintf("sentence discard %q (%s)", d.Phrase.String(), d.Pos)
		}
		return evs, false
	}
	c.findMentions(s, keys, date)
	c.contextMentions(s)
	c.findVerbs(s)
	var raw []rawEvent
	if s.hasTree {
		for vi := range s.verbs {
			v := &s.verbs[vi]
			v.passive = s.passiveAt(v.i)
			v.unreal = s.unrealTree(v.i)
			v.negated = v.unreal != ""
		}
		c.buildPhrases(s)
		c.contextEntities(s)
		s.buildTreeGroups()
		poss := s.resolvePossessives()
		sent := s.resolveSentAgents()
		if aff := s.resolveAffiliations(); poss || sent || aff {
			s.groups = s.groups[:0]
			s.buildTreeGroups()
		}
		s.pairGroups()
		s.titleCodes()
		raw = c.contextEvents(s, c.codeTree(s))
	} else {
		c.buildEntities(s)
		c.contextEntities(s)
		raw = c.contextEvents(s, c.codeClauses(s))
	}
	if len(raw) == 0 {
		return evs, false
	}
	if s.dc != nil && c.modern {
		c.inheritDoers(s, raw)
	}
	issues := c.issues(s, keys)
	text := doc.Text[sent.Start:sent.End]
	for ri, r := range raw {
		dup := false // events per sentence are few: a scan beats a map
		for _, o := range raw[:ri] {
			if o.src == r.src && o.tgt == r.tgt && o.code == r.code {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		ev := egret.Event{
			DocID: doc.ID, Sentence: sent.Index, Date: dateStr,
			Source: r.src, Target: r.tgt, CAMEO: r.code,
			Text: text, SentenceSpan: egret.Span{Start: sent.Start, End: sent.End},
			Issues: issues, Modality: r.modality, Certainty: r.certainty, ReportedBy: r.reportedBy,
			Pattern: r.pattern,
		}
		ev.SourceSpan, ev.SourceText = s.span(doc, r.srcI, r.srcJ)
		ev.SourceRef, ev.TargetRef = r.srcRef, r.tgtRef
		ev.TargetSpan, ev.TargetText = s.span(doc, r.tgtI, r.tgtJ)
		ev.EventSpan, ev.EventText = s.span(doc, r.verbI, r.verbJ)
		if r.noSource {
			ev.Flags = append(ev.Flags, egret.FlagNoSource)
		}
		if r.srcInferred {
			ev.Flags = append(ev.Flags, egret.FlagSourceInferred)
		}
		if r.tgtInferred {
			ev.Flags = append(ev.Flags, egret.FlagTargetInferred)
		}
		if info, ok := plover.Lookup(r.code); ok {
			ev.PLOVER, ev.Mode, ev.Context = info.Type, info.Mode, info.Context
		}
		ev.QuadClass = plover.QuadClass(r.code)
		ev.Goldstein = plover.Goldstein(r.code)
		evs = append(evs, ev)
	}
	if tr != nil {
		tr.events = evs[first:]
	}
	return evs, false
}

// antecedent picks the actor phrase that "he"/"she" in later sentences
// refer to: the main clause's subject when it names a person (a person
// keeps being "he" while the text goes on about them: "He is the leader
// of X" passes the antecedent on), else the last actor phrase that names a
// person-like role (it has an agent) or a person of the dictionary.
func (s *state) antecedent(doc *egret.Document, sent *nlp.Sentence) *antecedent {
	if root := s.root(); root >= 0 && s.hasTree {
		if sb := s.childExact(root, syntax.Nsubj); sb >= 0 {
			if k := s.words[sb].key; (k == "HE" || k == "SHE") && s.ante != nil {
				a := *s.ante
				return &a
			}
			if g := s.groupOfWord(sb); g >= 0 {
				if a := s.personAntecedent(doc, sent, g); a != nil {
					return a
				}
			}
		}
	}
	for g := len(s.groups) - 1; g >= 0; g-- {
		if h := s.groups[g].head; s.hasTree && h >= 0 {
			if p := s.caseOf(h); s.wc.locativePreps[p] || p == "ON" {
				continue // "at the National University of Singapore", "on the platform Douyin": places, no "he"
			}
		}
		if a := s.personAntecedent(doc, sent, g); a != nil {
			return a
		}
	}
	return nil
}

// personAntecedent returns group g as an antecedent when it is one person.
func (s *state) personAntecedent(doc *egret.Document, sent *nlp.Sentence, g int) *antecedent {
	gr := &s.groups[g]
	if gr.ref != nil || len(gr.ents) != 1 || s.notHeShe(gr) {
		return nil
	}
	e := &s.ents[gr.ents[0]]
	if e.actorCodes == nil || len(gr.codes) != 1 || len(e.agents) == 0 && !s.personAt(e, gr.codes) {
		return nil // (one person: one code; "a joint Kenya-U.S. base" is no "she")
	}
	a := &antecedent{}
	for _, c := range gr.codes {
		a.codes = append(a.codes, c.code)
	}
	i, j := s.phraseSpan(e)
	sp, text := s.span(doc, i, j)
	a.ref = egret.Ref{Text: text, Sentence: sent.Index, Span: sp}
	return a
}

// personAt reports whether one of the entity's actors is a person ("U.S.
// Secretary of State Marco Rubio"): an entry of a people dictionary, or a
// name whose codes are all dated (roles held over a term, as Phoenix
// writes its people).
func (s *state) personAt(e *entity, codes []codeRef) bool {
	for k := e.i; k < e.j; k++ {
		m := s.inMent[k]
		if m < 0 || s.ments[m].kind != mActor || s.ments[m].actor == nil {
			continue
		}
		if codes != nil && !slices.ContainsFunc(codes, func(c codeRef) bool { return slices.Contains(s.ments[m].codes, c.code) }) {
			continue // the phrase is coded as someone else ("Envoy for Syria Joel Rayburn" read as Syria's)
		}
		if personActor(s.ments[m].actor) && s.words[s.ments[m].i].tag == nlp.NNP {
			return true
		}
	}
	return false
}

// personActor reports a dictionary entry for a person: of a people
// dictionary, or with every code dated (roles held over a term, as
// Phoenix writes its people).
func personActor(a *petrarch.Actor) bool {
	if a == nil {
		return false
	}
	if strings.Contains(strings.ToLower(a.Pos.File), "people") {
		return true
	}
	dated := len(a.Codes) > 0
	for _, c := range a.Codes {
		dated = dated && c.Dated()
	}
	return dated
}

func (s *state) span(doc *egret.Document, i, j int) (egret.Span, string) {
	if i < 0 || i >= j || j > len(s.words) {
		return egret.Span{}, ""
	}
	sp := egret.Span{Start: s.words[i].start, End: s.words[j-1].end}
	return sp, doc.Text[sp.Start:sp.End]
}

// issues returns the issue codes of the sentence, none when a negative
// issue phrase occurs.
func (c *Coder) issues(s *state, keys []string) []string {
	if c.d.Issues == nil {
		return nil
	}
	var out []string
	for i := 0; i < len(keys); i++ {
		e, n := c.d.Issues.Index.Match(keys, i)
		if n == 0 {
			continue
		}
		if e.Value.Negative {
			return nil
		}
		dup := false
		for _, o := range out {
			if o == e.Value.Code {
				dup = true
			}
		}
		if !dup {
			out = append(out, e.Value.Code)
		}
		i += n - 1
	}
	return out
}

// findMentions marks actor and agent matches, longest first.
func (c *Coder) findMentions(s *state, keys []string, date int) {
	n := len(keys)
	for i := 0; i < n; i++ {
		s.inMent = append(s.inMent, -1)
	}
	for i := 0; i < n; {
		w := &s.words[i]
		if w.tag == nlp.PUNCT || w.tag == nlp.COMMA || w.tag == nlp.QUOTE {
			i++
			continue
		}
		ae, an := c.d.Actors.Index.Match(keys, i)
		ge, gn := c.d.Agents.Index.Match(keys, i)
		if an == 1 && gn == 0 && s.nameSyllable(i) {
			i++ // "Kim Jong Un": the last part of a name no dictionary lists, not the UN
			continue
		}
		if an > 0 && an >= gn {
			codes := ae.Value.CodesAt(date)
			if codes == nil {
				i += an // a known non-actor ([---])
				continue
			}
			s.addMention(mention{kind: mActor, i: i, j: i + an, codes: codes, actor: ae.Value})
			i += an
			continue
		}
		if gn > 0 {
			s.addMention(mention{kind: mAgent, i: i, j: i + gn, agent: ge.Value})
			i += gn
			continue
		}
		if a, codes := c.pluralDemonym(w.key, date); a != nil {
			// "Iraqis", "Kenyans" where the dictionaries list only the
			// adjective: the people are their country, as egret's own
			// dictionary codes them
			s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: codes, actor: a})
			i++
			continue
		}
		// "Saudi-led coalition", "US-backed forces": the actor before the
		// hyphen leads or sponsors the phrase
		if k := strings.LastIndexByte(w.key, '-'); k > 0 && (c.words.sponsorSuffix[w.key[k+1:]] || c.words.holderSuffix[w.key[k+1:]]) {
			one := [1]string{w.key[:k]}
			if w.key[k+1:] != "LED" && c.namedActorAt(keys, i+1, date) {
				// "Rwanda-backed M23 rebels": a group the dictionaries name
				// is itself; its backer is no party to what it does
				i++
				continue
			}
			if e, n := c.d.Actors.Index.Match(one[:], 0); n == 1 {
				if codes := e.Value.CodesAt(date); codes != nil {
					s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: codes, actor: e.Value})
				}
			} else if g, n := c.d.Agents.Index.Match(one[:], 0); n == 1 && c.words.holderSuffix[w.key[k+1:]] {
				// "a rebel-held town", "gang-controlled areas"
				s.addMention(mention{kind: mAgent, i: i, j: i + 1, agent: g.Value})
			}
		} else if codes, a := c.hyphenPair(w.key, date); codes != nil {
			// "U.S.-China talks", "the Israel-Hamas ceasefire", "a joint
			// Kenya-U.S. base": each side an actor of the phrase
			s.addMention(mention{kind: mActor, i: i, j: i + 1, codes: codes, actor: a})
		}
		i++
	}
}

// pluralDemonym returns the actor and codes of a plural demonym the
// dictionaries list only in the singular ("IRAQIS" from "IRAQI_"): a
// one-word entry coded as a bare country on the date.
func (c *Coder) pluralDemonym(key string, date int) (*petrarch.Actor, []string) {
	if len(key) < 5 || key[len(key)-1] != 'S' || !demonym(key[:len(key)-1]) {
		return nil, nil
	}
	one := [1]string{key[:len(key)-1]}
	e, n := c.d.Actors.Index.Match(one[:], 0)
	if n != 1 {
		return nil, nil
	}
	codes := e.Value.CodesAt(date)
	if len(codes) != 1 || len(codes[0]) != 3 || c.words.country(codes[0]) != codes[0] {
		return nil, nil
	}
	return e.Value, codes
}

// nameSyllable reports a two-letter word written in mixed case ("Un", not
// "UN") right after a capitalised word that is no mention: a part of a
// longer name ("Kim Jong Un"), never an acronym the dictionaries list.
func (s *state) nameSyllable(i int) bool {
	if i == 0 || s.doc == nil {
		return false
	}
	w, p := &s.words[i], &s.words[i-1]
	t, pt := s.doc.Text[w.start:w.end], s.doc.Text[p.start:p.end]
	return len(t) == 2 && hasUpper(t[:1]) && hasLower(t[1:]) && s.inMent[i-1] < 0 &&
		len(pt) > 1 && hasUpper(pt[:1]) && hasLower(pt[1:]) && (p.tag == nlp.NNP || p.tag == nlp.NNPS)
}

// namedActorAt reports whether a dictionary actor with a country or
// organisation code of its own starts at keys[i] ("M23 rebels").
func (c *Coder) namedActorAt(keys []string, i int, date int) bool {
	if i >= len(keys) {
		return false
	}
	e, n := c.d.Actors.Index.Match(keys, i)
	if n == 0 {
		return false
	}
	for _, code := range e.Value.CodesAt(date) {
		if !strings.HasPrefix(code, "---") {
			return true
		}
	}
	return false
}

// hyphenPair reads a word made of two or three actors joined by hyphens
// ("U.S.-CHINA", "ISRAEL-HAMAS") as their codes; nil unless every part is
// an actor of the dictionary.
func (c *Coder) hyphenPair(key string, date int) ([]string, *petrarch.Actor) {
	if strings.Count(key, "-") == 0 || strings.Count(key, "-") > 2 {
		return nil, nil
	}
	var codes []string
	var first *petrarch.Actor
	for _, part := range strings.Split(key, "-") {
		one := [1]string{part}
		e, n := c.d.Actors.Index.Match(one[:], 0)
		if n != 1 {
			return nil, nil
		}
		pc := e.Value.CodesAt(date)
		if pc == nil {
			return nil, nil
		}
		if first == nil {
			first = e.Value
		}
		codes = append(codes, pc[0])
	}
	if len(codes) < 2 || codes[0] == codes[1] {
		return nil, nil
	}
	return codes, first
}

func (s *state) addMention(m mention) {
	idx := int16(len(s.ments))
	s.ments = append(s.ments, m)
	for k := m.i; k < m.j; k++ {
		s.inMent[k] = idx
	}
}

func npTag(t nlp.Tag) bool {
	switch t {
	case nlp.DT, nlp.PDT, nlp.JJ, nlp.JJR, nlp.JJS, nlp.NN, nlp.NNS, nlp.NNP, nlp.NNPS, nlp.POS, nlp.PRPS, nlp.CD, nlp.FW:
		return true
	}
	return false
}

// bodyStart returns where the story begins in doc.Text: after the title
// line when the text opens with the title (plain-text files keep it there
// so offsets stay offsets into the file), else 0. The dateline opens the
// body, not the title.
func bodyStart(doc *egret.Document) int {
	if doc.Title == "" {
		return 0
	}
	lead := len(doc.Text) - len(strings.TrimLeft(doc.Text, " \t\r\n"))
	if !strings.HasPrefix(doc.Text[lead:], doc.Title) {
		return 0
	}
	end := lead + len(doc.Title)
	if nl := strings.IndexByte(doc.Text[end:], '\n'); nl >= 0 {
		return end + nl + 1
	}
	return 0
}

// inheritDoers gives a force event whose doer the sentence does not name
// ("Three Americans were killed", "16 terrorists had been killed") the
// doer of the story's newest such act, named at most two sentences
// before: the victims of the attack just told, or what "the strikes" did.
// Arrests and other coercion
// inherit only a state force's act. The event keeps a reference to the
// phrase that named the doer.
func (c *Coder) inheritDoers(s *state, raw []rawEvent) {
	for k := range raw {
		r := &raw[k]
		if !r.noSource || r.src != "" || len(r.code) < 2 || r.code[:2] < "17" || r.code[:2] > "20" {
			continue
		}
		anaphor := false
		if v := r.verbI; v >= 0 && v < len(s.words) && s.verbal(v) {
			if sb := s.childExact(v, syntax.Nsubj); sb >= 0 {
				// "the strikes targeted military facilities": a definite
				// act noun is the act just told; "a roadside bomb blast
				// killed 11 miners" is an act of its own, told by its means
				d := s.childExact(sb, syntax.Det)
				if anaphor = d >= 0 && (s.words[d].key == "THE" || s.words[d].key == "THESE" || s.words[d].key == "THOSE") && s.eventNoun(sb).code != ""; !anaphor {
					continue
				}
			}
		}
		// (a victim of no named country is first matched by kind to the
		// act's victims: after "JNIM militants clashed with the army",
		// the soldiers killed were the militants' victims, the militants
		// the army's)
		role := ""
		if len(r.tgt) >= 6 && strings.HasPrefix(r.tgt, "---") {
			role = r.tgt[3:6]
		}
		if role != "" {
			c.inheritDoerFrom(s, r, anaphor, role, true)
		}
		if r.noSource {
			c.inheritDoerFrom(s, r, anaphor, role, false)
		}
	}
}

// inheritDoerFrom gives r the doer of the newest recent act that fits:
// the same kind of act, not one's own side, the victims' country or kind
// (and, with byKind, victims of r's kind).
func (c *Coder) inheritDoerFrom(s *state, r *rawEvent, anaphor bool, role string, byKind bool) {
	for n := len(s.dc.recent) - 1; n >= 0; n-- {
		e := &s.dc.recent[n]
		if e.sent < s.dc.sent-2 {
			break
		}
		if byKind && !hasUnit(e.tgt, role) {
			continue
		}
		if len(e.code) < 2 || e.code[:2] < "17" || e.code[:2] > "20" || e.src == "" || e.src == r.tgt || anaphor && e.code[:2] != r.code[:2] {
			continue // ("the strikes" are an act of their own kind, not the massacre before them)
		}
		if r.code[:2] == "17" && !stateSide(e.src) || r.code[:2] != "17" && e.code[:2] == "17" {
			continue
		}
		if ce, ct := c.words.country(e.tgt), c.words.country(r.tgt); !anaphor && ce != ct && e.tgt[min(3, len(e.tgt)):] != r.tgt[min(3, len(r.tgt)):] {
			continue // the victims of another act: neither their country nor their kind matches
		}
		if cs, ct := c.words.country(e.src), c.words.country(r.tgt); cs != "" && cs == ct && (len(e.src) == 3 || stateSide(e.src) == stateSide(r.tgt)) {
			continue // one's own side is not who killed them
		}
		r.src, r.noSource, r.srcRef = e.src, false, e.ref
		return
	}
}
