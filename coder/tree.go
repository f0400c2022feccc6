package coder

import (
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
	for k, t := range toks {
		if t.Upper == "_" || t.Start < s.skipBefore {
			continue // "Dol_Amroth" in the test texts; the dateline
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
	c.syn.ParseTokens(s.toks, &s.tree)
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
		s.words = append(s.words, word{key: t.Upper, lemma: lem, tag: tag, upos: w.UPOS, head: int16(w.Head), rel: w.Rel,
			start: t.Start, end: t.End})
		// later stages (context, geolocation) read the sentence's tokens:
		// they get the parser's tags and lemmas
		if ot := &toks[s.tokAt[i]]; ot.Tag == nlp.X {
			ot.Tag, ot.Lemma = tag, lem
		}
	}
	s.indexTree()
	s.repairAgents()
	if s.repairFiniteVerb() {
		s.indexTree()
	}
	if s.repairReducedSubject() {
		s.indexTree()
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
	root := -1
	for i := range s.words {
		if s.words[i].head < 0 {
			root = i
			break
		}
	}
	if root < 0 || !s.nominal(root) {
		return false
	}
	for _, k := range s.children(root) {
		switch s.words[k].rel {
		case syntax.Cop, syntax.Nsubj, syntax.NsubjPass, syntax.Aux, syntax.AuxPass:
			return false // a nominal predicate: "X is a member"
		}
		if s.words[k].tag == nlp.MD || finite(s.words[k].tag) && s.verbal(int(k)) {
			return false
		}
	}
	for i := root + 1; i < len(s.words); i++ {
		w := &s.words[i]
		if w.rel != syntax.Acl && w.rel != syntax.Amod || w.tag != nlp.VBN && w.tag != nlp.VBD && w.tag != nlp.JJ {
			continue
		}
		// the word modifies the subject phrase ("protesters rallied") or
		// the noun after it, the root's object ("kidnapped worshippers")
		h := int(w.head)
		obj := h > i && s.words[h].head == int16(root) && (s.words[h].rel == syntax.Obj || s.isRel(h, syntax.Nmod))
		if !obj && h != root && !(h < i && s.ancestorOf(root, h) && s.nominal(h)) {
			continue
		}
		if s.child(i, syntax.Aux) >= 0 || s.childExact(i, syntax.OblAgent) >= 0 {
			continue
		}
		if f := nlp.VerbForms(w.lemma); len(f) < 2 || f[1] != w.key {
			continue // "taken", "seen", "armed": a participle or adjective only
		}
		// right after the subject phrase: every word between is the
		// root's own modifier
		ok := true
		for k := root + 1; k < i; k++ {
			if obj && s.ancestorOf(h, k) || !s.ancestorOf(root, k) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		s.setArc(i, -1, syntax.Root)
		s.setTag(i, nlp.VBD, syntax.VERB)
		s.setArc(root, i, syntax.Nsubj)
		if obj {
			s.setArc(h, i, syntax.Obj)
			for _, k := range s.children(root) {
				if int(k) > i && int(k) != h {
					rel := s.words[k].rel
					if s.isRel(int(k), syntax.Nmod) {
						rel = syntax.Obl
					}
					s.setArc(int(k), i, rel)
				}
			}
		}
		return true
	}
	return false
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
