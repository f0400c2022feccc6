package coder

import (
	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
	"github.com/egret-events/egret/syntax"
)

// word is one unit of the coder's view of a sentence: an nlp token, or half
// of one when a contraction ("didn't") or possessive was not split.
type word struct {
	key   string // upper case, as dictionaries write words
	lemma string
	tag   nlp.Tag
	upos  syntax.UPOS
	head  int16 // the word's head in the sentence's tree, -1 for the root
	rel   syntax.Rel
	start int // byte offsets in the document
	end   int
}

const (
	mActor = 1
	mAgent = 2
)

// mention is one actor or agent dictionary match.
type mention struct {
	kind  uint8
	i, j  int // words [i, j)
	codes []string
	actor *petrarch.Actor
	agent *petrarch.Agent
}

// entity is a noun phrase holding at least one mention: its codes are the
// actor's (or "---") combined with its agents.
type entity struct {
	head        int      // the phrase's head word in the tree
	i, j        int      // words [i, j) of the noun phrase
	actorCodes  []string // nil: agents only
	agents      []*petrarch.Agent
	former      bool
	coordinated bool // its modifiers include conjuncts ("Sudanese and RSF forces"): each code is a side of its own
	inheritFrom int  // entity whose actor an agent-only coordinated member takes, -1 when none
}

// group is a coordination of entities ("Gondor and Osgiliath"); patterns and
// default source/target assignment work on groups.
type group struct {
	i, j  int
	head  int // head word of the first member
	ents  []int
	codes []codeRef
	ref   *egret.Ref // a pronoun resolved to an earlier mention
}

// antecedent is the last person-like actor mention ("US Special Envoy
// Joel Rayburn"), which a later "he" or "she" subject refers to.
type antecedent struct {
	codes []string
	ref   egret.Ref
}

// codeRef is one code of a group and the entity it came from.
type codeRef struct {
	code string
	i, j int // words of the phrase the code came from
}

// state is the per-sentence scratch space, pooled to keep coding
// allocation-light.
type state struct {
	words   []word
	ments   []mention
	ents    []entity
	groups  []group
	inMent  []int16 // mention index per word, -1 when none
	npw     []bool  // word may be part of a noun phrase
	verbs   []verbCand
	clauses []clause
	codes   []string
	mask    uint64 // wordBit of every key (and lemma) in the sentence
	report  int    // first word of a final reporting clause (", officials said"), len(words) when none
	trace   *trace
	// phraseScope limits patterns, subjects and targets to the verb's own
	// clause (CAMEO 2.0 dictionaries); the TABARI-era dictionaries expect
	// sentence-wide linear matching
	phraseScope bool
	modern      bool        // present-day coding conventions (Coder.modern)
	ante        *antecedent // from earlier sentences
	dc          *docContext // document context, nil without (context.go)
	doc         *egret.Document
	sent        int
	skipBefore  int // byte offset where the story starts after a dateline (dateline.go)
	skipFrom    int // where the dateline starts: after the title, when the text opens with one
	wc          *wordClasses

	// the tree (tree.go) and what the tree stages derive from it
	hasTree  bool // words carry a parse (tree.go); titles analysed for actors only do not
	toks     []nlp.Token
	tokAt    []int32 // index in the sentence's tokens of each word
	tree     syntax.Sentence
	seg      syntax.Sentence // one semicolon-divided piece's parse (tree.go)
	ptoks    []nlp.Token     // the tokens as the parser reads them: a Title Case headline's common words lower-cased (tree.go)
	qtoks    []nlp.Token     // the tokens without scare quotes, and where each went (scarequotes.go)
	qpos     []int32
	qtree    syntax.Sentence
	pieces   []int // roots of the clauses after the first that semicolons join (tree.go)
	kids     []int16
	kidAt    []int32
	fill     []int32
	mentHead []int16 // head word of each mention
	absorbed []bool  // phrase head merged into another phrase ("the government of Gondor")
	allow    []bool  // words of the verb being coded's own clause (window); empty: all
	covered  []int
	// requested acts and the verbs requesting them ("urged X to
	// release"), to give a generic appeal or demand its subcode
	requests []request

	// pattern vocabulary ids of each word's key and lemma, and the ids in
	// the sentence (seen[id] == stamp), set by markWords when marked is false
	wid, lid []int32
	seen     []uint32
	stamp    uint32
	marked   bool
}

func (s *state) reset() {
	s.requests = s.requests[:0]
	s.words = s.words[:0]
	s.ments = s.ments[:0]
	s.ents = s.ents[:0]
	s.groups = s.groups[:0]
	s.inMent = s.inMent[:0]
	s.npw = s.npw[:0]
	s.verbs = s.verbs[:0]
	s.clauses = s.clauses[:0]
	s.mask = 0
	s.marked = false
	s.trace = nil
	s.hasTree = false
	s.allow = s.allow[:0]
}

// buildWords copies tokens into words, splitting unsplit contractions and
// possessives so that dictionary patterns written in Treebank style
// ("DID N'T") match.
func (s *state) buildWords(toks []nlp.Token) {
	for _, t := range toks {
		k := t.Upper
		if k == "_" {
			continue // "Dol_Amroth" in the test texts: the dictionaries' own connector
		}
		if n := len(k); n > 3 && k[n-3:] == "N'T" && k != "N'T" {
			base := k[:n-3]
			b := t.Start + len(t.Text) - 3
			if b < t.Start {
				b = t.Start
			}
			s.words = append(s.words, word{key: base, lemma: base, tag: nlp.MD, start: t.Start, end: b})
			s.words = append(s.words, word{key: "N'T", lemma: "NOT", tag: nlp.RB, start: b, end: t.End})
			continue
		}
		if n := len(k); n > 2 && k[n-2:] == "'S" && t.Tag != nlp.VBZ {
			b := t.End - 2
			s.words = append(s.words, word{key: k[:n-2], lemma: k[:n-2], tag: nlp.NNP, start: t.Start, end: b})
			s.words = append(s.words, word{key: "'S", lemma: "'S", tag: nlp.POS, start: b, end: t.End})
			continue
		}
		lem := t.Lemma
		if lem == "" {
			lem = k
		}
		s.words = append(s.words, word{key: k, lemma: lem, tag: t.Tag, start: t.Start, end: t.End})
	}
}

// dropBefore removes the words that start before byte offset off.
func (s *state) dropBefore(off int) {
	k := 0
	for k < len(s.words) && s.words[k].start < off {
		k++
	}
	s.words = append(s.words[:0], s.words[k:]...)
}

// request is an act (its code) that the verb at by asks or demands.
type request struct {
	by   int
	code string
}
