package coder

import (
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/syntax"
)

// Stage "tree": the sentence's dependency parse. It reads the sentence's
// tokens (after the dateline and the dictionaries' "_" connectors are
// dropped) and writes, for every word, its head, relation and universal
// tag, plus a children index; phrases, arguments, modality and reported
// speech read the tree instead of guessing structure from word order.

// parse fills the words of s from toks and their parse.
func (c *Coder) parse(s *state, toks []nlp.Token) {
	s.toks, s.tokAt = s.toks[:0], s.tokAt[:0]
	label := max(speakerLabel(toks), c.dateOpener(toks), c.categoryLabel(toks))
	skipTo := -1
	for k, t := range toks {
		if k >= label && k > skipTo {
			if n := c.midDate(toks, k); n > 0 {
				skipTo = k + n - 1 // "Brazil's Supreme Court on Thursday sentenced ..."
			}
		}
		if t.Upper == "_" || t.Start < s.skipBefore && t.Start >= s.skipFrom || k < label || k <= skipTo {
			continue // "Dol_Amroth" in the test texts; the dateline; "VOA:" in an interview; "On 14 May 2025,"; "on Thursday"
		}
		s.toks = append(s.toks, t)
		s.tokAt = append(s.tokAt, int32(k))
	}
	s.words = s.words[:0]
	s.hasTree = true
	if len(s.toks) == 0 {
		s.indexTree()
		return
	}
	c.parseSegments(s)
	for i := range s.toks {
		t := &s.toks[i]
		w := &s.tree.Words[i]
		lem := w.LemmaUpper
		if lem == "" {
			lem = t.Upper
		}
		tag := w.Tag
		if tag == nlp.X {
			tag = t.Tag
		}
		if lem == t.Upper && tag.IsVerb() && tag != nlp.VB && tag != nlp.VBP {
			// (a verb form the parser's lemma table left whole: "vetoed";
			// the lexicon's rules know it)
			if l := c.p.Lemma(t.Upper, tag); l != "" {
				lem = l
			}
		}
		s.words = append(s.words, word{key: t.Upper, lemma: lem, tag: tag, upos: w.UPOS, head: int16(w.Head), rel: w.Rel,
			start: t.Start, end: t.End})
		// later stages (context, geolocation) read the sentence's tokens:
		// they get the parser's tags and lemmas
		if ot := &toks[s.tokAt[i]]; ot.Tag == nlp.X {
			ot.Tag, ot.Lemma = tag, lem
		}
	}
	s.indexTree()
	c.repair(s)
	if c.repairTitleName(s) {
		s.indexTree()
		if s.trace != nil {
			s.trace.repairs = append(s.trace.repairs, "a title read apart from the name it precedes (\"chief minister himanta biswa sarma praised\")")
		}
	}
}

// repairTitleName mends "chief minister himanta biswa sarma praised the
// police" read with the title an oblique of the verb and the name its
// subject (common in lower-case text, where capitals do not join them): a
// title the agent dictionary knows, with no preposition, hung on the same
// word as the name right after it, is the name's title.
func (c *Coder) repairTitleName(s *state) bool {
	keys := make([]string, len(s.words))
	for i := range s.words {
		keys[i] = s.words[i].key
	}
	changed := false
	for a := 0; a+1 < len(s.words); a++ {
		_, gn := c.d.Agents.Index.Match(keys, a)
		if gn == 0 || a+gn >= len(s.words) {
			continue
		}
		b := a + gn
		t := -1 // the title's head word
		for k := a; k < b; k++ {
			if h := int(s.words[k].head); h < a || h >= b {
				t = k
			}
		}
		n := b // the name's head: climb from its first word within the name
		for m := 0; m < 4; m++ {
			h := int(s.words[n].head)
			if h <= n || s.words[n].rel != syntax.Flat && s.words[n].rel != syntax.Compound {
				break
			}
			n = h
		}
		if t < 0 || s.words[n].upos != syntax.PROPN || s.words[t].head < 0 || s.words[t].head != s.words[n].head || s.caseOf(t) != "" {
			continue
		}
		switch s.words[t].rel {
		case syntax.Obl, syntax.Nmod, syntax.Dep, syntax.Vocative, syntax.Nsubj, syntax.Compound:
		default:
			continue
		}
		if lo, _ := s.subtreeSpan(n); lo != b {
			continue
		}
		s.setArc(t, n, syntax.Compound)
		s.indexTree()
		changed = true
		a = b - 1
	}
	return changed
}

// parseSegments parses s.toks into s.tree, in the pieces top-level
// semicolons divide when they join clauses ("Hamas militants fired rockets
// at Israeli towns; no casualties were reported"): the parser, trained on
// text with few such joins, misreads the whole but reads each clause
// well. A semicolon joins clauses when the words on each side hold a verb
// (by the whole sentence's parse, or one the lexicon allows) and the right side does not open with a
// conjunction; in a list ("clients include X in Hong Kong; Y; and Z") it
// does not. Each piece keeps its semicolon at its end, and every later
// piece's root hangs from the first's as a conjunct: a clause of its own,
// never what a speech verb of the first says (UD's parataxis, which the
// coder reads as a reporting tail's content). s.pieces lists those roots.
func (c *Coder) parseSegments(s *state) {
	s.pieces = s.pieces[:0]
	ptoks := c.parserTokens(s)
	c.parseQuoted(s, ptoks, &s.tree)
	words := s.tree.Words
	var semis []int
	depth := 0
	for k := range s.toks {
		switch s.toks[k].Text {
		case "(", "[":
			depth++
		case ")", "]":
			depth = max(0, depth-1)
		case ";":
			if depth == 0 && k >= 3 && len(s.toks)-k > 3 {
				semis = append(semis, k)
			}
		}
	}
	if len(semis) == 0 || len(words) != len(s.toks) {
		return
	}
	verbIn := func(i, j int) bool {
		for k := i; k < j; k++ {
			if words[k].UPOS == syntax.VERB || words[k].UPOS == syntax.AUX {
				return true
			}
			// (or a word that can be a finite verb: the misread "set"
			// of "supporters set fire to a building" is an adjective)
			if ts, _ := c.p.LexiconTags(s.toks[k].Text); ts.Has(nlp.VBD) || ts.Has(nlp.VBZ) || ts.Has(nlp.VBP) || ts.Has(nlp.MD) {
				return true
			}
		}
		return false
	}
	var cuts []int // end (exclusive) of every piece but the last
	from := 0
	for n, k := range semis {
		next := len(s.toks)
		if n+1 < len(semis) {
			next = semis[n+1]
		}
		if verbIn(from, k) && verbIn(k+1, next) && words[k+1].UPOS != syntax.CCONJ {
			cuts = append(cuts, k+1)
			from = k + 1
		}
	}
	if len(cuts) == 0 {
		return
	}
	cuts = append(cuts, len(s.toks))
	s.tree.Words = s.tree.Words[:0]
	first, from := -1, 0
	for _, to := range cuts {
		c.parseQuoted(s, ptoks[from:to], &s.seg)
		for _, w := range s.seg.Words {
			switch {
			case w.Head >= 0:
				w.Head += from
			case first < 0:
				first = len(s.tree.Words) // the first piece's root is the sentence's
			default:
				w.Head, w.Rel = first, syntax.Conj
				s.pieces = append(s.pieces, len(s.tree.Words))
			}
			s.tree.Words = append(s.tree.Words, w)
		}
		from = to
	}
	s.tree.Start, s.tree.End = s.toks[0].Start, s.toks[len(s.toks)-1].End
}

// setArc re-attaches word i to head h with relation r, in the words and
// the tree later stages read.
func (s *state) setArc(i, h int, r syntax.Rel) {
	s.words[i].head, s.words[i].rel = int16(h), r
	if i < len(s.tree.Words) {
		s.tree.Words[i].Head, s.tree.Words[i].Rel = h, r
	}
}

// setTag retags word i.
func (s *state) setTag(i int, t nlp.Tag, u syntax.UPOS) {
	s.words[i].tag, s.words[i].upos = t, u
	if i < len(s.tree.Words) {
		s.tree.Words[i].Tag, s.tree.Words[i].UPOS = t, u
	}
}

// indexTree builds the children index: kids[kidAt[i]:kidAt[i+1]] are the
// dependents of word i in word order.
func (s *state) indexTree() {
	n := len(s.words)
	s.kidAt = append(s.kidAt[:0], make([]int32, n+1)...)
	for i := range s.words {
		if h := s.words[i].head; h >= 0 {
			s.kidAt[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		s.kidAt[i] += s.kidAt[i-1]
	}
	s.kids = append(s.kids[:0], make([]int16, s.kidAt[n])...)
	fill := append(s.fill[:0], s.kidAt[:n]...)
	for i := range s.words {
		if h := s.words[i].head; h >= 0 {
			s.kids[fill[h]] = int16(i)
			fill[h]++
		}
	}
	s.fill = fill
}

// children returns the dependents of word i in word order.
func (s *state) children(i int) []int16 {
	return s.kids[s.kidAt[i]:s.kidAt[i+1]]
}

// child returns the first dependent of i whose relation is r (subtypes
// match their universal relation when r is universal), or -1.
func (s *state) child(i int, r syntax.Rel) int {
	for _, k := range s.children(i) {
		if rel := s.words[k].rel; rel == r || rel.Universal() == r {
			return int(k)
		}
	}
	return -1
}

// childExact returns the first dependent of i with exactly relation r, or -1.
func (s *state) childExact(i int, r syntax.Rel) int {
	for _, k := range s.children(i) {
		if s.words[k].rel == r {
			return int(k)
		}
	}
	return -1
}

// caseOf returns the preposition (upper case, "ACCORDING TO" for a fixed
// phrase) that marks nominal i, or "".
func (s *state) caseOf(i int) string {
	for _, k := range s.children(i) {
		if s.words[k].rel != syntax.Case {
			continue
		}
		p := s.words[k].key
		if f := s.childExact(int(k), syntax.Fixed); f >= 0 {
			p += " " + s.words[f].key
		}
		// "out of", "away from" parsed as two case words
		for n := int(k) + 1; n < i && s.words[n].rel == syntax.Case && int(s.words[n].head) == i; n++ {
			p += " " + s.words[n].key
		}
		return p
	}
	return ""
}

// isRel reports whether word i attaches with relation r (or a subtype of r).
func (s *state) isRel(i int, r syntax.Rel) bool {
	rel := s.words[i].rel
	return rel == r || rel.Universal() == r
}

// ancestorOf reports whether a dominates d.
func (s *state) ancestorOf(a, d int) bool {
	for h, n := int(s.words[d].head), 0; h >= 0 && n <= len(s.words); h, n = int(s.words[h].head), n+1 {
		if h == a {
			return true
		}
	}
	return false
}

// nominal reports a word that can head a noun phrase.
func (s *state) nominal(i int) bool {
	switch s.words[i].upos {
	case syntax.NOUN, syntax.PROPN, syntax.PRON, syntax.NUM, syntax.X, syntax.SYM:
		return true
	}
	return i < len(s.inMent) && s.inMent[i] >= 0 // mentions come after the tree
}

// verbal reports a word the tree uses as a predicate.
func (s *state) verbal(i int) bool {
	u := s.words[i].upos
	return u == syntax.VERB || u == syntax.AUX && s.words[i].head < 0
}

// speakerLabel returns how many tokens open the sentence as an interview
// or transcript label ("VOA: During your visit ...", "ARMITAGE: We
// ..."): one to three capitalised words and a colon, with a sentence
// after them. They name who speaks, never an actor of what is said; 0
// when the sentence has none.
func speakerLabel(toks []nlp.Token) int {
	for k := 1; k <= 3 && k+1 < len(toks); k++ {
		if toks[k].Upper != ":" {
			continue
		}
		for _, t := range toks[:k] {
			if t.Text == "" || t.Text[0] < 'A' || t.Text[0] > 'Z' {
				return 0
			}
		}
		if n := toks[k+1].Text; n == "" || n[0] < 'A' || n[0] > 'Z' {
			return 0 // "Update: ..." runs on in lower case: not a label
		}
		return k + 1
	}
	return 0
}

// categoryLabel returns the number of tokens of an event report's
// category label and the date after it ("Property destruction: On 4 June
// 2025, ...", "Government regains territory: On 3 May ..."): a label of
// one to five words and a colon right before a date adverbial names a
// kind of event, never an actor or an act; 0 when the sentence has none.
func (c *Coder) categoryLabel(toks []nlp.Token) int {
	for k := 1; k <= 5 && k+1 < len(toks); k++ {
		if toks[k].Upper != ":" {
			continue
		}
		for _, t := range toks[:k] {
			if !hasUpper(t.Text) && !hasLower(t.Text) {
				return 0
			}
		}
		if n := c.dateOpener(toks[k+1:]); n > 0 {
			return k + 1 + n
		}
		return 0
	}
	return 0
}

// dateOpener returns the number of tokens of a sentence-initial date
// adverbial and its comma ("On 14 May 2025,", "On Sunday,", "In March
// 2024,"), which carries no actor or act and which the parser, trained
// on web text, reads as the subject ("14 ... demonstrated"); 0 when the
// sentence has none.
func (c *Coder) dateOpener(toks []nlp.Token) int {
	k := 0
	if k < len(toks) {
		switch toks[k].Upper {
		case "ON", "IN", "BY", "SINCE", "EARLY", "LATE", "LAST":
			k++
		}
	}
	dated := false
	for ; k < len(toks) && k < 8; k++ {
		u := toks[k].Upper
		switch {
		case c.words.months[u] || c.words.months[strings.TrimSuffix(u, ".")] || c.words.timeWords[u]:
			dated = true
		case u != "" && strings.Trim(u, "0123456789") == "":
			// (tokens are untagged before the parse)
			if len(u) == 4 {
				dated = true // a year
			}
		case u == "THE" || u == "OF" || u == "NIGHT" || u == "MORNING" || u == "EVENING" || u == "AFTERNOON" || strings.HasSuffix(u, "TH") && u[0] >= '0' && u[0] <= '9':
		case u == ",":
			if dated && k+1 < len(toks) {
				return k + 1
			}
			return 0
		default:
			return 0
		}
	}
	return 0
}

// onDate returns the length of a date adverbial "on Thursday", "on 14
// May", "on May 14, 2025" starting at k, or 0. Such a phrase names no
// actor and no act, and the parser, trained on web text, takes the
// weekday for the subject ("the Supreme Court on Thursday sentenced"), so
// it is left out of the parse.
func (c *Coder) onDate(toks []nlp.Token, k int) int {
	if toks[k].Upper != "ON" || k+1 >= len(toks) {
		return 0
	}
	j := k + 1
	dated := false
	for ; j < len(toks) && j < k+6; j++ {
		u := toks[j].Upper
		switch {
		case c.words.timeWords[u] || c.words.months[u] || c.words.months[strings.TrimSuffix(u, ".")]:
			dated = true
		case u != "" && strings.Trim(u, "0123456789") == "" && len(u) <= 4:
		case dated && (u == "MORNING" || u == "AFTERNOON" || u == "EVENING" || u == "NIGHT"):
		case u == "," && dated && j+1 < len(toks) && len(toks[j+1].Upper) == 4 && strings.Trim(toks[j+1].Upper, "0123456789") == "":
			// "on May 14, 2025": the year after the comma
		default:
			if dated {
				return j - k
			}
			return 0
		}
	}
	if dated {
		return j - k
	}
	return 0
}

// midDate is onDate for a date adverbial inside the clause, followed by
// a word ("the Supreme Court on Thursday sentenced", "agreed on Wednesday
// to"); one that ends the clause ("called Putin on Tuesday") is left to
// the patterns that name it.
func (c *Coder) midDate(toks []nlp.Token, k int) int {
	n := c.onDate(toks, k)
	if n == 0 || k+n >= len(toks) {
		return 0
	}
	if r := firstLetter(toks[k+n].Upper); r < 'A' || r > 'Z' {
		return 0
	}
	return n
}

func firstLetter(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// parserTokens returns s.toks as the parser should read them. In a Title
// Case headline ("Israel Strikes Hezbollah Targets In Lebanon") capitals
// say nothing, and the parser, trained on sentence case, reads every
// capitalised word as a name; there the words the lexicon knows as
// common words are lower-cased, except inside the dictionaries' actor
// names ("United States", "Security Council"). Offsets and the
// words' keys are unchanged.
func (c *Coder) parserTokens(s *state) []nlp.Token {
	toks := s.toks
	if !titleCaseHeadline(toks) {
		return toks
	}
	s.ptoks = append(s.ptoks[:0], toks...)
	keys := make([]string, len(toks))
	for i := range toks {
		keys[i] = toks[i].Upper
	}
	for i := 0; i < len(toks); {
		if _, n := c.d.Actors.Index.Match(keys, i); n > 0 {
			i += n // a name the dictionaries know keeps its capitals
			continue
		}
		t := &s.ptoks[i]
		if set, top := c.p.LexiconTags(t.Text); i > 0 && set != 0 && top != nlp.NNP && top != nlp.NNPS {
			t.Text = strings.ToLower(t.Text)
		}
		i++
	}
	return s.ptoks
}

// titleCaseHeadline reports a sentence of three or more words, most of
// them capitalised, none all in capitals, and no closing punctuation.
func titleCaseHeadline(toks []nlp.Token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[len(toks)-1].Text {
	case ".", "!", "?", "\"", "\u201d":
		return false
	}
	words, titled, caps := 0, 0, 0
	for _, t := range toks {
		if !hasUpper(t.Text) && !hasLower(t.Text) {
			continue
		}
		words++
		if r := t.Text[0]; r >= 'A' && r <= 'Z' {
			titled++
		}
		if !hasLower(t.Text) {
			caps++
		}
	}
	return words >= 3 && titled*4 >= words*3 && caps*2 < words
}
