package coder

import (
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/syntax"
)

// Stage: scare quotes. Reads the parser's tokens; writes the tree, via
// the parser. A word or two in quotation marks inside a clause ("had
// opened fire "unprovoked" on its posts", "had "expelled" the envoy")
// is the writer's distance from a word, not a quotation, but the parser,
// trained on web text, reads the marks as structure and breaks the clause
// around them. Such a sentence is parsed without those marks; each mark
// then hangs from the nearest word it encloses as punctuation.

// maxScareWords is the most words a scare quote encloses.
const maxScareWords = 2

// Marks in drop: an opening or closing scare quote.
const (
	openMark  = 1
	closeMark = 2
)

// scareQuotes marks in drop the quotation marks of toks that enclose one
// or two words inside a clause, and reports whether it marked any.
func scareQuotes(toks []nlp.Token, drop []int8) bool {
	any := false
	for i := 1; i < len(toks); i++ {
		if !quoteMark(toks[i].Text) || !isWordTok(toks[i-1]) {
			continue // (after a colon, comma or bracket a quotation opens)
		}
		j := i + 1
		for j < len(toks) && j-i-1 <= maxScareWords && isWordTok(toks[j]) {
			j++
		}
		if n := j - i - 1; n < 1 || n > maxScareWords || j >= len(toks) || !quoteMark(toks[j].Text) {
			continue
		}
		if j+1 >= len(toks) || !isWordTok(toks[j+1]) {
			continue // ends a clause: "called it "genocide"." may be a quotation
		}
		drop[i], drop[j] = openMark, closeMark
		any = true
		i = j
	}
	return any
}

func quoteMark(t string) bool {
	switch t {
	case "\"", "\u201c", "\u201d", "``", "''", "'", "\u2018", "\u2019":
		return true
	}
	return false
}

// isWordTok reports a token of letters (a word, not punctuation, a
// number or a curly quotation mark, whose runes pass the letter test).
func isWordTok(t nlp.Token) bool {
	for _, r := range t.Text {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r >= 0x80 {
			continue
		}
		return false
	}
	return t.Text != "" && !quoteMark(t.Text)
}

// parseQuoted parses toks into out, without the scare quotes among them.
func (c *Coder) parseQuoted(s *state, toks []nlp.Token, out *syntax.Sentence) {
	if len(toks) < 4 {
		c.syn.ParseTokens(toks, out)
		return
	}
	quoted := false
	for i := range toks {
		quoted = quoted || quoteMark(toks[i].Text)
	}
	if !quoted {
		c.syn.ParseTokens(toks, out) // (most sentences: nothing to look at, nothing allocated)
		return
	}
	drop := make([]int8, len(toks))
	if !scareQuotes(toks, drop) {
		c.syn.ParseTokens(toks, out)
		return
	}
	s.qtoks, s.qpos = s.qtoks[:0], s.qpos[:0]
	newAt := make([]int32, len(toks)) // toks index → reduced index, or -1
	for i, t := range toks {
		if drop[i] != 0 {
			newAt[i] = -1
			continue
		}
		newAt[i] = int32(len(s.qtoks))
		s.qtoks = append(s.qtoks, t)
		s.qpos = append(s.qpos, int32(i))
	}
	c.syn.ParseTokens(s.qtoks, &s.qtree)
	if len(s.qtree.Words) != len(s.qtoks) {
		c.syn.ParseTokens(toks, out) // (the parser split a token: parse as written)
		return
	}
	out.Words = out.Words[:0]
	for i, t := range toks {
		if k := newAt[i]; k >= 0 {
			w := s.qtree.Words[k]
			if w.Head >= 0 {
				w.Head = int(s.qpos[w.Head])
			}
			out.Words = append(out.Words, w)
			continue
		}
		// the mark hangs from the word it encloses next to it
		h, x := i+1, syntax.XOpenQ
		if drop[i] == closeMark {
			h, x = i-1, syntax.XCloseQ
		}
		out.Words = append(out.Words, syntax.Word{Form: t.Text, Lemma: t.Text, LemmaUpper: t.Text, Start: t.Start, End: t.End,
			Head: h, Rel: syntax.Punct, UPOS: syntax.PUNCT, XPOS: x, Tag: nlp.QUOTE})
	}
	out.Start, out.End = s.qtree.Start, s.qtree.End
}
