package coder

import (
	"slices"
	"strings"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/plover"
	"github.com/egret-events/egret/syntax"
)

// Speaker attribution and reported speech.

// phraseActors analyses one sentence for its actor phrases (no verbs).
func (c *Coder) phraseActors(toks []nlp.Token, date int) (*state, []foundActor) {
	s := &state{wc: c.words, modern: c.modern}
	if c.modern {
		c.parse(s, toks)
		if len(s.words) == 0 {
			return s, nil
		}
		c.findMentions(s, s.keyList(), date)
		c.buildPhrases(s)
	} else {
		s.buildWords(toks)
		if len(s.words) == 0 {
			return s, nil
		}
		c.findMentions(s, s.keyList(), date)
		c.findVerbs(s)
		c.buildEntities(s)
	}
	var out []foundActor
	for e := range s.ents {
		ent := &s.ents[e]
		var codes []string
		for _, cr := range s.entityCodes(ent, nil, false, nil, nil, ent.i, ent.j) {
			if !strings.HasPrefix(cr.code, "---") {
				codes = append(codes, cr.code)
			}
		}
		if len(codes) > 0 {
			out = append(out, foundActor{codes: codes, i: ent.i, j: ent.j})
		}
	}
	return s, out
}

type foundActor struct {
	codes []string
	i, j  int
}

// govAgentOpens reports tokens that open with a government role the
// agent dictionary knows ("Foreign Ministry Spokesperson Mao Ning said").
func (c *Coder) govAgentOpens(toks []nlp.Token) bool {
	keys := make([]string, 0, 6)
	for k := 0; k < len(toks) && k < 6; k++ {
		keys = append(keys, toks[k].Upper)
	}
	for i := 0; i < len(keys) && i < 2; i++ {
		if e, n := c.d.Agents.Index.Match(keys, i); n > 0 {
			if x, app := e.Value.Suffix(); app && x == "GOV" {
				return true
			}
		}
	}
	return false
}

// datelineCountry returns the country of sentence k's dateline place, or
// "".
func (c *Coder) datelineCountry(doc *egret.Document, sents []nlp.Sentence, k, date int) string {
	if k < 0 || k >= len(sents) {
		return ""
	}
	dl := c.words.findDateline(doc.Text[sents[k].Start:], nil)
	if dl.Place == "" {
		return ""
	}
	return c.placeCountry(dl.Place, date)
}

// findSpeaker finds the author of a statement: the Author field, a title
// naming its author, or a Source naming an actor (a ministry's feed). News
// bylines name journalists, who are not in the dictionaries.
func (c *Coder) findSpeaker(doc *egret.Document, sents []nlp.Sentence, date int) *actorRef {
	if doc.Author != "" {
		if r := c.wholeActor(doc.Author, date); r != nil {
			return r
		}
	}
	// the title: sentence 0 when the text starts with it (plain text
	// input), else the Title field on its own
	var toks []nlp.Token
	text, base, idx := doc.Title, 0, -1
	statementTitle, titleIdx := false, -1
	if len(sents) > 0 && doc.Title != "" && strings.HasPrefix(strings.TrimSpace(doc.Text[sents[0].Start:sents[0].End]), strings.TrimSpace(doc.Title)) {
		toks, text, idx = sents[0].Tokens, doc.Text, 0
	} else if doc.Title != "" {
		for _, st := range c.p.Sentences(doc.Title) {
			toks = append(toks, st.Tokens...)
		}
	}
	if len(toks) > 0 {
		s, acts := c.phraseActors(toks, date)
		k := -1
		for i := range s.words {
			if c.words.statementNouns[s.words[i].key] {
				k = i
				break
			}
		}
		if k < 0 {
			// "Press Statement: Condemning ...": a label before a colon,
			// which the parse leaves out, still makes it a statement
			for i := 0; i+1 < len(toks) && i < 4; i++ {
				if c.words.statementNouns[toks[i].Upper] && toks[i+1].Upper == ":" {
					statementTitle, titleIdx = true, idx
				}
			}
		}
		if k >= 0 {
			statementTitle, titleIdx = true, idx
			pick := -1
			for a := range acts {
				if acts[a].i > k {
					if s.authorLink(k, acts[a].i) {
						pick = a // "Comment by X", "Statement attributable to the Spokesperson for X"
					}
					break
				}
				if acts[a].j == k || s.possessorPhrase(acts[a].j, k) || acts[a].i < k && acts[a].j > k {
					// (the phrase may take in the statement noun itself:
					// "G7 Foreign Ministers' Statement")
					pick = a // "Russian Foreign Ministry statement on", "G7 Foreign Ministers' Statement"
				}
			}
			if pick >= 0 {
				a := acts[pick]
				codes := a.codes
				for b := pick + 1; b < len(acts) && acts[b].i == a.j+1 && (s.words[a.j].key == "AND" || s.words[a.j].key == ","); b++ {
					// "Joint Statement by Indonesia and Australia": "we" is both
					codes = append(append([]string(nil), codes...), acts[b].codes...)
					a.j = acts[b].j
				}
				sp := egret.Span{Start: s.words[a.i].start + base, End: s.words[a.j-1].end + base}
				r := &actorRef{codes: codes, ref: egret.Ref{Text: text[sp.Start:sp.End], Sentence: idx, Span: sp}}
				if idx < 0 {
					r.ref.Span = egret.Span{}
				}
				if cc := c.datelineCountry(doc, sents, idx+1, date); cc != "" {
					// "Foreign Ministry Spokesperson's Remarks" above
					// "BEIJING — ...": an issuer of no country is the
					// dateline's
					for n, code := range r.codes {
						if strings.HasPrefix(code, "---") {
							r.codes[n] = cc + code[3:]
						}
					}
				}
				return r
			}
		}
	}
	if doc.Source != "" {
		return c.wholeActor(doc.Source, date)
	}
	if statementTitle {
		// a statement whose title names no issuer ("Statement by the
		// Official Spokesperson"): the government or international body
		// its first sentence opens with ("External Affairs Ministry
		// spokesperson Randhir Jaiswal briefed the media") issues it
		if body := titleIdx + 1; body < len(sents) {
			st := sents[body]
			toks := st.Tokens
			// (after its dateline: "WASHINGTON — The United States condemns")
			dl := c.words.findDateline(doc.Text[st.Start:], nil)
			if dl.End > 0 {
				k := 0
				for k < len(toks) && toks[k].Start < st.Start+dl.End {
					k++
				}
				toks = toks[k:]
			}
			bs, bacts := c.phraseActors(toks, date)
			if len(bacts) > 0 {
				if a := bacts[0]; a.i <= 2 && len(a.codes) > 0 && (hasAligned(a.codes[0], "GOV") || strings.HasPrefix(a.codes[0], "IGO") || len(a.codes) == 1 && len(a.codes[0]) == 3 && c.words.country(a.codes[0]) != "") {
					codes := a.codes
					if len(codes) == 1 && len(codes[0]) == 3 && c.words.country(codes[0]) != "" {
						// "The United States condemns ...": a country issuing a
						// statement speaks through its government
						codes = []string{codes[0] + "GOV"}
					}
					sp := egret.Span{Start: bs.words[a.i].start, End: bs.words[a.j-1].end}
					return &actorRef{codes: codes, ref: egret.Ref{Text: doc.Text[sp.Start:sp.End], Sentence: st.Index, Span: sp}}
				}
			}
			if dl.Place != "" && len(toks) > 0 && (toks[0].Upper == "WE" || toks[0].Upper == "I" || c.govAgentOpens(toks)) {
				// "ANKARA — We strongly condemn ...": a statement speaking
				// in the first person from a capital is that country's
				// government's
				if cc := c.placeCountry(dl.Place, date); cc != "" {
					return &actorRef{codes: []string{cc + "GOV"}, ref: egret.Ref{Text: dl.Place, Sentence: st.Index}}
				}
			}
		}
	}
	return nil
}

// wholeActor codes a metadata field that names one actor ("Maria
// Zakharova", "Ministry of Foreign Affairs of the Russian Federation").
func (c *Coder) wholeActor(text string, date int) *actorRef {
	var toks []nlp.Token
	for _, st := range c.sentences(text) {
		toks = append(toks, st.Tokens...)
	}
	_, acts := c.phraseActors(toks, date)
	if len(acts) == 0 {
		return nil
	}
	return &actorRef{codes: acts[0].codes, ref: egret.Ref{Text: text, Sentence: -1}}
}

// Reported speech.

// reportFrame is "A says that CONTENT".
type reportFrame struct {
	reporter []string // codes
	ref      *egret.Ref
	rI, rJ   int // reporter words
	vI, vJ   int // report verb or noun
	content  int // first word of the content clause
	end      int
	head     int // the content clause's head in the tree, or -1
}

// findReports finds report frames with an actor as reporter.
func (c *Coder) findReports(s *state) []reportFrame {
	var out []reportFrame
	n := len(s.words)
	for i := 0; i < n; i++ {
		w := &s.words[i]
		verb := (c.words.reportVerbs[w.lemma] || c.words.reportVerbs[w.key]) && (w.tag.IsVerb() || w.key == "SAID" || w.key == "SAYS")
		noun := c.words.reportNouns[w.key] && w.tag.IsNoun()
		if verb && s.hasTree {
			if f, ok := s.reportFrameTree(i); ok {
				out = append(out, f)
			}
			continue
		}
		if !verb && !noun {
			continue
		}
		// the content: after THAT (the last of a chain "said that he
		// believes that"), within a few words
		th := -1
		for k := i + 1; k < n && k <= i+25; k++ {
			if s.words[k].key == "THAT" && (k+1 < n && s.words[k+1].tag != nlp.VBZ && s.words[k+1].tag != nlp.VBD) {
				th = k
				break
			}
			if s.words[k].key == "." || s.words[k].key == ";" {
				break
			}
		}
		if th < 0 && verb {
			// no "that": "said he believes China is not doing enough"
			if g := s.groupAt(i + 1); g >= 0 && s.groups[g].i == i+1 {
				k := s.groups[g].j
				for k < n && (s.words[k].tag == nlp.RB || s.words[k].tag == nlp.MD || auxVerbs[s.words[k].key]) {
					k++
				}
				if k < n && s.words[k].tag.IsVerb() && k > s.groups[g].j || k < n && s.words[k].tag.IsVerb() && s.words[k].tag != nlp.VBG && s.words[k].tag != nlp.VBN {
					th = i
				}
			}
		}
		if th < 0 {
			continue
		}
		f := reportFrame{vI: i, vJ: i + 1, content: th + 1, end: n, rI: -1, head: -1}
		for k := th + 1; k < n; k++ {
			if s.words[k].key == ";" {
				f.end = k
				break
			}
		}
		if verb {
			// subject: the group right before the verb group (across
			// auxiliaries and adverbs), or "he"/"she"
			p := i - 1
			for p >= 0 && (s.words[p].tag == nlp.RB || s.words[p].tag == nlp.MD || auxVerbs[s.words[p].key]) && s.inMent[p] < 0 {
				p--
			}
			if p >= 0 {
				if g := s.groupAt(p); g >= 0 && s.groups[g].j == p+1 && len(s.groups[g].codes) > 0 {
					f.rI, f.rJ = s.groups[g].i, s.groups[g].j
					f.ref = s.groups[g].ref
					for _, cr := range s.groups[g].codes {
						f.reporter = append(f.reporter, cr.code)
					}
				} else if s.words[p].key == "HE" || s.words[p].key == "SHE" {
					// "Blinken said he believes ...": the sentence's earlier
					// actor, else the antecedent from earlier sentences
					for g := len(s.groups) - 1; g >= 0; g-- {
						if s.groups[g].j <= p && actorGroup(s, g) {
							if f.ref = s.groups[g].ref; f.ref == nil {
								sp, text := s.span(s.dc.doc, s.groups[g].i, s.groups[g].j)
								f.ref = &egret.Ref{Text: text, Sentence: s.dc.sent, Span: sp}
							}
							for _, cr := range s.groups[g].codes {
								f.reporter = append(f.reporter, cr.code)
							}
							break
						}
					}
					if f.reporter == nil && s.ante != nil {
						f.reporter = s.ante.codes
						ref := s.ante.ref
						f.ref = &ref
					}
					f.rI, f.rJ = p, p+1
				}
			}
		} else {
			// "statement made by X", "statement by X", "X's statement"
			k := i + 1
			if k < n && (s.words[k].key == "MADE" || s.words[k].key == "ISSUED" || s.words[k].key == "RELEASED") {
				k++
			}
			if k < n && s.words[k].key == "BY" {
				if g := s.groupAt(k + 1); g >= 0 && len(s.groups[g].codes) > 0 {
					f.rI, f.rJ = s.groups[g].i, s.groups[g].j
					f.ref = s.groups[g].ref
					for _, cr := range s.groups[g].codes {
						f.reporter = append(f.reporter, cr.code)
					}
				}
			}
		}
		if len(f.reporter) > 0 {
			out = append(out, f)
		}
		i = th
	}
	return out
}

// polarity returns 112 (accuse) or 111 (criticize) when words [i, j)
// say something culpable about their subject, else "".
func (s *state) polarity(i, j int) string {
	var b strings.Builder
	for k := i; k < j && k < len(s.words); k++ {
		b.WriteByte(' ')
		b.WriteString(s.words[k].key)
	}
	b.WriteByte(' ')
	t := b.String()
	for _, w := range s.wc.criticizeWords {
		if strings.Contains(t, " "+w) {
			return "111"
		}
	}
	for _, w := range s.wc.accuseWords {
		if strings.Contains(t, " "+w) {
			return "112"
		}
	}
	return ""
}

// alleged reports whether the sentence marks its content as unproven.
func (s *state) alleged() bool {
	t := " " + joinWords(s.words) + " "
	for _, m := range s.wc.allegedMarkers {
		if strings.Contains(t, " "+m+" ") {
			return true
		}
	}
	return false
}

// victimSide reports a reporter of the side the reported acts were aimed
// at: their country, unless the state tells of acts against rebels,
// insurgents or criminals of its own country ("Iraqi police arrested 15
// insurgents, the interior ministry said"). Officials of no named country
// speak for the story's victims.
func (s *state) victimSide(rc string, victims []string) bool {
	if strings.HasPrefix(rc, "---") {
		return stateSide(rc)
	}
	cc := s.wc.country(rc)
	if cc == "" {
		return false
	}
	state := len(rc) == 3 || hasUnit(rc, stateUnits...)
	for _, v := range victims {
		if s.wc.country(v) == cc && !(state && hasUnit(v, nonStateUnits...)) {
			return true
		}
	}
	return false
}

// hasUnit reports whether one of the three-letter units after a code's
// country is among units ("IRQOCCCOP" has COP).
func hasUnit(code string, units ...string) bool {
	for i := 3; i+3 <= len(code); i += 3 {
		if slices.Contains(units, code[i:i+3]) {
			return true
		}
	}
	return false
}

// securityForce reports a police, military or intelligence code.
func securityForce(code string) bool {
	if len(code) < 6 {
		return false
	}
	switch code[3:6] {
	case "COP", "MIL", "SPY":
		return true
	}
	return false
}

// reportsOwnSide reports a reporter one of whose country's actors is among the
// doers it reports.
func (s *state) reportsOwnSide(rc string, doers []codeRef) bool {
	cc := s.wc.country(rc)
	if cc == "" {
		return false
	}
	for _, tc := range doers {
		if s.wc.country(tc.code) == cc {
			return true
		}
	}
	return false
}

// reports codes reported speech: "A said that B is aggravating the
// problem" is A accusing B (A criticising B for "not doing enough"),
// and the events coded inside the content are B's, reported by A.
func (c *Coder) reports(s *state, raw []rawEvent) []rawEvent {
	frames := c.findReports(s)
	if len(frames) == 0 {
		return raw
	}
	alleged := s.alleged()
	for _, f := range frames {
		// the content's subject group
		sg := -1
		passive := false
		start := f.content
		for start < f.end && (s.words[start].tag == nlp.DT || s.words[start].tag == nlp.QUOTE || s.words[start].tag == nlp.RB) {
			start++
		}
		if s.hasTree && f.head >= 0 {
			// the content clause's own subject, wherever the parse put
			// the words before it ("said that he believes China is ...")
			if sb := s.argChild(f.head, syntax.Nsubj); sb >= 0 {
				sg = s.roleGroup(sb)
			} else if s.argChild(f.head, syntax.NsubjPass) >= 0 {
				// "said the militants had been killed by security forces":
				// a passive's subject suffered the act, its agent did it
				passive = true
				if a := s.childExact(f.head, syntax.OblAgent); a >= 0 {
					sg = s.roleGroup(a)
				}
			}
		}
		for g := range s.groups {
			if sg >= 0 || passive {
				break
			}
			if s.groups[g].i <= start && start < s.groups[g].j && s.groups[g].i >= f.content {
				sg = g
				break
			}
		}
		if sg >= 0 {
			// the content clause ends at a quotation mark or a coordinated clause
			for k := s.groups[sg].j; k < f.end; k++ {
				if s.words[k].tag == nlp.QUOTE || (s.words[k].key == "," && k+1 < f.end && isCoord(s.words[k+1].key)) {
					f.end = k
					break
				}
			}
		}
		// events inside the content are reported by A
		var contentSrc, victims []string
		conflict := false
		for k := range raw {
			r := &raw[k]
			if r.verbI < f.content || r.verbI >= f.end {
				continue
			}
			if r.certainty == "" || r.reportedBy == "" {
				r.certainty = "reported"
				if alleged {
					r.certainty = "alleged"
				}
				r.reportedBy = s.reporterText(f)
			}
			if r.noSource && (strings.HasPrefix(r.code, "173") || strings.HasPrefix(r.code, "174")) && len(f.reporter) == 1 && securityForce(f.reporter[0]) {
				// "Dozens of protesters were arrested, police said": the
				// force that reports an arrest it does not ascribe made it
				r.src, r.srcI, r.srcJ, r.srcRef, r.noSource = f.reporter[0], f.rI, f.rJ, f.ref, false
			}
			if plover.QuadClass(r.code) == 4 && r.src != "" {
				conflict = true
				contentSrc = append(contentSrc, r.src)
				if r.tgt != "" {
					victims = append(victims, r.tgt)
				}
			}
		}
		if sg < 0 {
			continue
		}
		if h := s.groups[sg].head; h >= 0 && s.words[h].upos == syntax.PRON {
			// "the officials said they arrested ...": the speakers report
			// their own act, nobody is accused of it
			continue
		}
		code := s.polarity(s.groups[sg].j, f.end)
		targets := s.groups[sg].codes
		byConflict := false
		if code == "" && conflict && !s.factReporters(f.reporter) {
			code = "112" // reporting B's attack is accusing B of it
			byConflict = true
		}
		if code == "" {
			continue
		}
		// the accusation supersedes the bare "said" statement events
		// (and those of enclosing frames: "said that he believes that")
		out := raw[:0]
		for _, r := range raw {
			if strings.HasPrefix(r.code, "01") && framesVerb(frames, f, r.verbI) {
				continue
			}
			out = append(out, r)
		}
		raw = out
		for _, rc := range f.reporter {
			if byConflict && s.reportsOwnSide(rc, targets) {
				continue // "US and British forces launched air strikes, the Pentagon said": one's side's joint act accuses no ally
			}
			if byConflict && !alleged && !s.victimSide(rc, victims) {
				// only the side that suffered the act accuses by telling
				// it ("Ukraine said three civilians were killed by Russian
				// shelling"), or one who alleges it; a third party reports
				// it ("..., a UN official said", "activists said")
				continue
			}
			for _, tc := range targets {
				if tc.code == rc || (len(contentSrc) > 0 && !contains(contentSrc, tc.code)) {
					continue
				}
				if byConflict && !alleged && len(rc) >= 3 && len(tc.code) >= 6 && (hasUnit(tc.code, nonStateUnits...) || hasUnit(tc.code, "CVL") || strings.HasPrefix(tc.code, "IMG")) &&
					(tc.code[:3] == rc[:3] || tc.code[:3] == "---" || strings.HasPrefix(tc.code, "IMG")) {
					// "militants attacked a police checkpost, officials said",
					// "suspected jihadists killed 34 villagers, the defence
					// ministry said", "a mob attacked the station, officials
					// said": a state telling of armed men's or a crowd's
					// attacks at home reports a fact; it accuses another state
					continue
				}
				if cc := s.wc.country(rc); cc != "" && cc == s.wc.country(tc.code) {
					continue // "Russia's defense ministry said its troops captured": one's own side's act accuses no one
				}
				if len(rc) >= 3 && len(tc.code) >= 6 && (rc[:3] == tc.code[:3] || tc.code[:3] == "---" || rc[:3] == "---") && (stateSide(rc) || len(rc) == 3 && s.wc.country(rc) == rc) && stateSide(tc.code) {
					// "officials said security forces killed them": the
					// state reports its own forces' act, and forces of no
					// named country are its own ("Burkina Faso's military
					// government said troops had repelled an attack"), as
					// are those a ministry of no named country reports
					// ("Sri Lankan troops killed 23 rebels, the defence
					// ministry said")
					continue
				}
				if strings.HasSuffix(tc.code, "UAF") {
					continue // "said soldiers were shot at by armed men": unidentified attackers are accused of nothing
				}
				raw = append(raw, rawEvent{src: rc, tgt: tc.code, code: code, srcI: f.rI, srcJ: f.rJ, tgtI: tc.i, tgtJ: tc.j,
					verbI: f.vI, verbJ: f.vJ, pattern: "context:report", srcRef: f.ref, tgtRef: s.groups[sg].ref})
			}
		}
	}
	s.attachRefs(raw)
	return dedupRaw(raw)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// insteadOf codes the reproach inside an appeal: "we urge our partners to
// redouble efforts ... instead of sabotaging them" asks the partners to
// stop sabotaging, so it also accuses them of it.
func (s *state) insteadOf(raw []rawEvent) []rawEvent {
	n := len(raw)
	for k := 0; k < n; k++ {
		r := raw[k]
		if !(strings.HasPrefix(r.code, "02") || strings.HasPrefix(r.code, "10")) || r.src == "" {
			continue
		}
		for i := r.verbJ; i+2 < len(s.words); i++ {
			if s.words[i].key != "INSTEAD" || s.words[i+1].key != "OF" {
				continue
			}
			end := len(s.words)
			for e := i + 2; e < end; e++ {
				if s.words[e].key == ";" {
					end = e
				}
			}
			if code := s.polarity(i+2, end); code != "" {
				raw = append(raw, rawEvent{src: r.src, tgt: r.tgt, code: code, srcI: r.srcI, srcJ: r.srcJ, tgtI: r.tgtI, tgtJ: r.tgtJ,
					verbI: i + 2, verbJ: i + 3, pattern: "context:instead-of", srcRef: r.srcRef, tgtRef: r.tgtRef})
			}
			break
		}
	}
	return dedupRaw(raw)
}

// reporterText names the reporter as the reporting-clause events do: the
// phrase as written, or its antecedent's when it is a pronoun.
func (s *state) reporterText(f reportFrame) string {
	if f.ref != nil {
		return f.ref.Text
	}
	_, t := s.span(s.dc.doc, f.rI, f.rJ)
	return t
}

// framesVerb reports whether word v is the report word of frame f or of a
// frame whose content holds f.
func framesVerb(frames []reportFrame, f reportFrame, v int) bool {
	if v == f.vI {
		return true
	}
	for _, o := range frames {
		if o.vI == v && o.content <= f.vI && f.vI < o.end {
			return true
		}
	}
	return false
}

// authorLink reports whether the title words between a statement noun at
// k and an actor at a name the actor as author ("by", "of", "from",
// "attributable to") rather than as topic ("Remarks on the U.S. arms
// sale").
// possessorPhrase reports whether words [j, k) finish a possessor noun
// phrase before a statement noun: "'s", or role words and then "'" ("G7
// Foreign Ministers' Statement").
func (s *state) possessorPhrase(j, k int) bool {
	if j >= k || s.words[k-1].key != "'S" && s.words[k-1].key != "'" {
		return false
	}
	for i := j; i < k-1; i++ {
		switch s.words[i].tag {
		case nlp.NN, nlp.NNS, nlp.NNP, nlp.NNPS, nlp.JJ:
		default:
			return false
		}
	}
	return true
}

func (s *state) authorLink(k, a int) bool {
	link := false
	for i := k + 1; i < a; i++ {
		switch s.words[i].key {
		case "BY", "OF", "FROM", "TO":
			link = true
		case "ON":
			if i+2 < a && s.words[i+1].key == "BEHALF" && s.words[i+2].key == "OF" {
				link = true // "Declaration by the High Representative on behalf of the EU"
				i += 2
				continue
			}
			return false
		case "ABOUT", "REGARDING", "CONCERNING", "OVER", "IN":
			return false
		}
	}
	return link
}

// reportFrameTree reads "A says (that) CONTENT" off the tree: the content
// is the report verb's clausal complement ("said that Y attacked Z",
// "'We will respond,' Lavrov said"), the reporter its subject.
func (s *state) reportFrameTree(i int) (reportFrame, bool) {
	c := -1
	for _, k := range s.children(i) {
		if r := s.words[k].rel; r == syntax.Ccomp || r == syntax.Parataxis && s.verbal(int(k)) {
			c = int(k)
			break
		}
	}
	if c < 0 {
		return reportFrame{}, false
	}
	lo, hi := s.subtreeSpan(c)
	if lo > i {
		// the content starts after "that": keep it out of the content
		for lo < hi && (s.words[lo].rel == syntax.Mark || s.words[lo].rel == syntax.Punct) {
			lo++
		}
	}
	f := reportFrame{vI: i, vJ: i + 1, content: lo, end: hi, rI: -1, head: c}
	r := s.rolesOf(i, 0)
	if r.subj < 0 {
		return f, false
	}
	g := s.roleGroup(r.subj)
	if g < 0 || len(s.groups[g].codes) == 0 {
		return f, false
	}
	f.rI, f.rJ = s.groups[g].i, s.groups[g].j
	f.ref = s.groups[g].ref
	for _, cr := range s.groups[g].codes {
		f.reporter = append(f.reporter, cr.code)
	}
	return f, true
}

// subtreeSpan returns the words [lo, hi) covered by x's subtree.
func (s *state) subtreeSpan(x int) (lo, hi int) {
	lo, hi = x, x+1
	var walk func(y, depth int)
	walk = func(y, depth int) {
		if depth > 80 {
			return
		}
		lo, hi = min(lo, y), max(hi, y+1)
		for _, k := range s.children(y) {
			walk(int(k), depth+1)
		}
	}
	walk(x, 0)
	return lo, hi
}

// bareStatements drops what a speech verb says about itself: "X said
// (that) ..." is no event of its own (the content is coded, reported by
// X), and the reporter or outlet a speaker talks to ("told VOA", "briefed
// reporters") is never a target. content says whether to drop statements
// whose content is coded on its own (with document context).
func (s *state) bareStatements(raw []rawEvent, content bool) []rawEvent {
	out := raw[:0]
	for _, r := range raw {
		if strings.HasPrefix(r.code, "01") && r.verbI < len(s.words) {
			w := &s.words[r.verbI]
			speech := s.wc.speech[w.lemma] || s.wc.speech[w.key] || s.wc.reportVerbs[w.lemma]
			if (speech || s.wc.audienceVerbs[w.lemma]) && (hasAligned(r.tgt, "MED") || s.reporterWords(r.tgtI, r.tgtJ)) {
				s.note("%s %s %s dropped: a speaker's audience (reporters, media) is no target", r.src, r.tgt, r.code)
				continue
			}
			if content && speech && r.code == "010" && s.hasContent(r.verbI) && !s.addressed(r) {
				s.note("%s %s %s dropped: \"said\" reports content (coded on its own), it is no event itself", r.src, r.tgt, r.code)
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// addressed reports a statement with a target outside what it says: "told
// Trump that they would act" is a statement to Trump.
func (s *state) addressed(r rawEvent) bool {
	if r.tgt == "" || r.tgtI < 0 || r.tgtI >= len(s.words) {
		return false
	}
	// the addressee is the verb's indirect object, or the object of a
	// verb of telling ("told Trump"); an object of "said" is the
	// misread subject of what was said ("the school said the girl's
	// dreadlocks were ...")
	addressee := false
	for _, k := range s.children(r.verbI) {
		if int(k) < r.tgtI || int(k) >= r.tgtJ {
			continue
		}
		switch s.words[k].rel {
		case syntax.Iobj:
			addressee = true
		case syntax.Obj:
			addressee = s.wc.audienceVerbs[s.words[r.verbI].lemma]
		}
	}
	if !addressee {
		return false
	}
	for _, k := range s.children(r.verbI) {
		if rel := s.words[k].rel; rel == syntax.Ccomp || rel == syntax.Parataxis || rel == syntax.Xcomp {
			if lo, hi := s.subtreeSpan(int(k)); r.tgtI >= lo && r.tgtI < hi {
				return false
			}
		}
	}
	return true
}

// hasContent reports a clausal complement of word v ("said that ...").
func (s *state) hasContent(v int) bool {
	for _, k := range s.children(v) {
		if r := s.words[k].rel; r == syntax.Ccomp || r == syntax.Parataxis || r == syntax.Xcomp {
			return true
		}
	}
	return false
}

// reporterWords reports a phrase naming journalists.
func (s *state) reporterWords(i, j int) bool {
	for k := i; k < j && k < len(s.words); k++ {
		switch s.words[k].lemma {
		case "REPORTER", "JOURNALIST", "CORRESPONDENT", "PRESS", "MEDIA", "NEWSPAPER", "BROADCASTER":
			return true
		}
	}
	return false
}

// factReporters reports whether every reporter's role is one of
// fact-reporters.txt (health officials, medics, police, lawyers,
// residents): their account of an attack accuses no one.
func (s *state) factReporters(codes []string) bool {
	for _, c := range codes {
		if len(c) < 6 || !s.wc.factReporters[c[len(c)-3:]] {
			return false
		}
	}
	return len(codes) > 0
}

// The roles of the state (government, military, police, intelligence,
// courts, legislature) and of those outside it who fight or defy it
// (rebels, opposition, insurgents, armed men, criminals, separatists).
var (
	stateUnits    = []string{"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
	nonStateUnits = []string{"REB", "OPP", "INS", "UAF", "CRM", "SEP"}
)

// stateSide reports a code whose first role is an organ of the state.
func stateSide(code string) bool {
	return len(code) >= 6 && slices.Contains(stateUnits, code[3:6])
}
