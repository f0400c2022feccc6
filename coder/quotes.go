package coder

import (
	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

// Quotations: "we" inside a quotation is the quoted actor, named before
// it ("Lavrov said: 'We ...'") or after it, possibly sentences later
// ("'We are not going to integrate this ... It will operate
// independently,' Akar said Monday").

// quoteSpan is one quotation [start, end) in the document and its
// speaker (nil when not an actor).
type quoteSpan struct {
	start, end int
	who        *actorRef
	// where to look for the speaker; resolved on first use, when earlier
	// sentences have named the people the attribution may call by surname
	closeSent, closeTok, openSent, openTok int
	resolved                               bool
}

func openQuote(t string) bool  { return t == "“" || t == "``" }
func closeQuote(t string) bool { return t == "”" || t == "''" }

// findQuotes pairs quotation marks over the whole document and finds
// each quotation's speaker.
func findQuotes(sents []nlp.Sentence) []quoteSpan {
	var out []quoteSpan
	open := -1 // byte offset of the open mark
	openSent, openTok := 0, 0
	for si := range sents {
		for ti := range sents[si].Tokens {
			t := &sents[si].Tokens[ti]
			txt := t.Text
			isOpen, isClose := openQuote(txt), closeQuote(txt)
			if txt == "\"" {
				isOpen, isClose = open < 0, open >= 0
			}
			switch {
			case isOpen && open < 0:
				open, openSent, openTok = t.Start, si, ti
			case isClose && open >= 0:
				out = append(out, quoteSpan{start: open, end: t.End, closeSent: si, closeTok: ti, openSent: openSent, openTok: openTok})
				open = -1
			}
		}
	}
	return out
}

// attribution finds the speaker of a quotation in sentence si: after its
// closing mark at token ti (", Akar said", "said Foreign Minister
// Lavrov"), or, for ti < 0, before its opening mark at token -ti-1
// ("Lavrov said:").
func (c *Coder) attribution(dc *docContext, sents []nlp.Sentence, si, ti int, date int) *actorRef {
	doc := dc.doc
	toks := sents[si].Tokens
	s, acts := c.phraseActors(toks, date)
	if len(s.words) == 0 {
		return nil
	}
	// the quotation mark's word index
	lo, hi := 0, len(s.words)
	if ti >= 0 {
		end := toks[ti].End
		for lo < hi && s.words[lo].start < end {
			lo++
		}
	} else {
		start := toks[-ti-1].Start
		for hi > lo && s.words[hi-1].end > start {
			hi--
		}
	}
	for i := lo; i < hi; i++ {
		w := &s.words[i]
		if !(c.words.speech[w.lemma] || c.words.speech[w.key]) || !(w.tag.IsVerb() || w.key == "SAID" || w.key == "SAYS") {
			continue
		}
		p := i
		for p > lo && (s.words[p-1].tag == nlp.RB || auxVerbs[s.words[p-1].key]) {
			p--
		}
		after := w.key != "TOLD" && w.key != "TELLS" && w.key != "TELL" // "told VOA" names the addressee
		for _, a := range acts {
			if a.j == p && a.i >= lo {
				return c.actorAt(doc, s, a, sents[si].Index)
			}
			if after && a.i == i+1 && a.j <= hi {
				return c.actorAt(doc, s, a, sents[si].Index)
			}
		}
		// "said a statement from the ministry": the statement's author
		if after {
			k := i + 1
			for k < hi && (s.words[k].tag == nlp.DT || s.words[k].tag == nlp.JJ) {
				k++
			}
			if k+1 < hi && c.words.reportNouns[s.words[k].key] && (s.words[k+1].key == "FROM" || s.words[k+1].key == "BY" || s.words[k+1].key == "OF") {
				for _, a := range acts {
					if a.i == k+2 || a.i == k+3 && s.words[k+2].tag == nlp.DT {
						return c.actorAt(doc, s, a, sents[si].Index)
					}
				}
				p, i = k+2, k+1 // look for a description there
			}
		}
		// a definite description of an actor named earlier ("the ministry said")
		for e := range s.ents {
			ent := &s.ents[e]
			if ent.actorCodes != nil || ent.j-ent.i != 2 || s.words[ent.i].tag != nlp.DT || !(ent.j == p || after && ent.i == i+1) {
				continue
			}
			if h := dc.describe(s.words[ent.j-1].key, ent.agents); h != nil {
				r := h.actorRef
				return &r
			}
		}
		// a surname named earlier ("Akar said")
		for _, k := range []int{p - 1, i + 1} {
			if k < lo || k >= hi || (k == i+1 && !after) {
				continue
			}
			x := &s.words[k]
			if x.tag == nlp.NNP || x.tag == nlp.NNPS {
				if h := dc.byName(x.key); h != nil {
					r := h.actorRef
					return &r
				}
			}
		}
		return nil // said by someone who is not an actor
	}
	return nil
}

func (c *Coder) actorAt(doc *egret.Document, s *state, a foundActor, sent int) *actorRef {
	sp := egret.Span{Start: s.words[a.i].start, End: s.words[a.j-1].end}
	return &actorRef{codes: a.codes, ref: egret.Ref{Text: doc.Text[sp.Start:sp.End], Sentence: sent, Span: sp}}
}

// quoteAt returns the quotation holding byte offset p, or nil.
func (c *Coder) quoteAt(dc *docContext, p int) *quoteSpan {
	for i := range dc.quotes {
		q := &dc.quotes[i]
		if q.start > p || p >= q.end {
			continue
		}
		if !q.resolved {
			q.resolved = true
			q.who = c.attribution(dc, dc.sents, q.closeSent, q.closeTok, dc.date)
			if q.who == nil {
				q.who = c.attribution(dc, dc.sents, q.openSent, -q.openTok-1, dc.date)
			}
		}
		return q
	}
	return nil
}
