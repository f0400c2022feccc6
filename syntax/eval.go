package syntax

import (
	"fmt"
	"strings"
	"unicode"
)

// Stage: evaluation. Scores a model against a gold CoNLL-U treebank, from
// gold tokenisation (accuracies) and from raw text (F1 over words aligned
// as the CoNLL 2018 shared task's evaluation script aligns them). LAS
// compares universal relations, as that script does; LASFull also the
// subtypes. Punctuation counts like any word.

// Scores are percentages over the gold words (gold tokenisation) or F1
// over aligned words (raw text).
type Scores struct {
	Sentences, Words int
	UPOS, XPOS       float64
	Lemma            float64
	UAS, LAS         float64
	LASFull          float64 // LAS with relation subtypes
	// Raw text only: F1 of token, sentence and word segmentation.
	Tokens, SentSplit, WordSeg float64
	// PerRel counts, by gold relation (with subtype), how each fared.
	PerRel map[string]*RelCounts
}

// RelCounts tallies one relation: words with it in gold, words the parser
// gave it, and words with it in both with the right head.
type RelCounts struct{ Gold, System, Correct int }

// Precision, Recall and F1 of the labelled attachment of one relation.
func (c *RelCounts) Precision() float64 { return pct(c.Correct, c.System) }
func (c *RelCounts) Recall() float64    { return pct(c.Correct, c.Gold) }
func (c *RelCounts) F1() float64        { return f1(c.Correct, c.Gold, c.System) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func f1(correct, gold, system int) float64 {
	if gold+system == 0 {
		return 0
	}
	return 200 * float64(correct) / float64(gold+system)
}

func (s *Scores) rel(name string) *RelCounts {
	if s.PerRel == nil {
		s.PerRel = map[string]*RelCounts{}
	}
	c := s.PerRel[name]
	if c == nil {
		c = &RelCounts{}
		s.PerRel[name] = c
	}
	return c
}

// universal strips a relation's subtype.
func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// CaseMap transforms forms before parsing, to measure robustness to case.
type CaseMap func(string) string

// Evaluate parses every gold sentence from its gold words (through
// caseMap when not nil) and scores the result.
func (m *Model) Evaluate(gold []UDSentence, caseMap CaseMap) *Scores {
	sc := &Scores{Sentences: len(gold)}
	var upos, xpos, lemma, uas, las, lasFull int
	var out Sentence
	var forms []string
	for si := range gold {
		g := &gold[si]
		forms = forms[:0]
		for _, w := range g.Words {
			f := w.Form
			if caseMap != nil {
				f = caseMap(f)
			}
			forms = append(forms, f)
		}
		m.ParseWords(forms, &out)
		for i, gw := range g.Words {
			pw := &out.Words[i]
			sc.Words++
			if pw.UPOS.String() == gw.UPOS {
				upos++
			}
			if pw.XPOS.String() == gw.XPOS {
				xpos++
			}
			if lemmaEqual(pw.Lemma, gw.Lemma, caseMap != nil) {
				lemma++
			}
			sc.rel(gw.Deprel).Gold++
			sc.rel(pw.Rel.String()).System++
			if pw.Head == gw.Head {
				uas++
				if pw.Rel.Universal().String() == universal(gw.Deprel) {
					las++
				}
				if pw.Rel.String() == gw.Deprel {
					lasFull++
					sc.rel(gw.Deprel).Correct++
				}
			}
		}
	}
	n := sc.Words
	sc.UPOS, sc.XPOS, sc.Lemma = pct(upos, n), pct(xpos, n), pct(lemma, n)
	sc.UAS, sc.LAS, sc.LASFull = pct(uas, n), pct(las, n), pct(lasFull, n)
	return sc
}

// lemmaEqual compares lemmas; for case-transformed input a proper noun's
// lemma follows the transformed form, so case is ignored.
func lemmaEqual(sys, gold string, anyCase bool) bool {
	if anyCase {
		return strings.EqualFold(sys, gold)
	}
	return sys == gold
}

// RawText rebuilds the running text of a treebank: sentences of a
// paragraph joined by spaces, paragraphs and documents by blank lines.
func RawText(gold []UDSentence) string {
	var b strings.Builder
	for i := range gold {
		s := &gold[i]
		if i > 0 {
			if s.NewDoc || s.NewPar {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// alignWord is a word placed in the shared character coordinates: spans
// count non-space characters of the text, as the CoNLL 2018 script does.
type alignWord struct {
	start, end int // in non-space characters
	multi      bool
	form       string
	upos, xpos string
	lemma      string
	rel        string // universal
	relFull    string
	head       int // index into the same word list, -1 for root
	aligned    int // index of the aligned word on the other side, -1
}

// goldAlignWords lays out the words of a treebank.
func goldAlignWords(gold []UDSentence) (words []alignWord, tokens, sents [][2]int) {
	pos := 0
	for si := range gold {
		s := &gold[si]
		base := len(words)
		sstart := pos
		mwt := 0
		for i := 0; i < len(s.Words); i++ {
			if mwt < len(s.Tokens) && s.Tokens[mwt].First == i {
				t := s.Tokens[mwt]
				mwt++
				l := nonSpaceLen(t.Form)
				for k := t.First; k <= t.Last; k++ {
					words = append(words, goldWord(&s.Words[k], base, pos, pos+l, true))
				}
				tokens = append(tokens, [2]int{pos, pos + l})
				pos += l
				i = t.Last
				continue
			}
			l := nonSpaceLen(s.Words[i].Form)
			words = append(words, goldWord(&s.Words[i], base, pos, pos+l, false))
			tokens = append(tokens, [2]int{pos, pos + l})
			pos += l
		}
		sents = append(sents, [2]int{sstart, pos})
	}
	return words, tokens, sents
}

func goldWord(w *UDWord, base, start, end int, multi bool) alignWord {
	h := -1
	if w.Head >= 0 {
		h = base + w.Head
	}
	return alignWord{start: start, end: end, multi: multi, form: strings.ToLower(w.Form), upos: w.UPOS, xpos: w.XPOS,
		lemma: w.Lemma, rel: universal(w.Deprel), relFull: w.Deprel, head: h, aligned: -1}
}

func nonSpaceLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// systemAlignWords lays out parsed sentences of text, grouping words into
// tokens as the CoNLL-U writer does.
func systemAlignWords(text string, sents []Sentence) (words []alignWord, tokens, spans [][2]int) {
	// character position of every byte offset
	pos := make([]int, len(text)+1)
	c := 0
	for i, r := range text {
		pos[i] = c
		if !unicode.IsSpace(r) {
			c++
		}
	}
	pos[len(text)] = c
	for i := range pos { // fill continuation bytes of multi-byte runes
		if i > 0 && pos[i] < pos[i-1] {
			pos[i] = pos[i-1]
		}
	}
	for si := range sents {
		s := &sents[si]
		base := len(words)
		ws := s.Words
		for i := 0; i < len(ws); i++ {
			j := mwtEnd(ws, i)
			start, end := pos[ws[i].Start], pos[ws[j].End]
			for k := i; k <= j; k++ {
				w := &ws[k]
				h := -1
				if w.Head >= 0 {
					h = base + w.Head
				}
				cs, ce := pos[w.Start], pos[w.End]
				if j > i {
					cs, ce = start, end
				}
				words = append(words, alignWord{start: cs, end: ce, multi: j > i, form: strings.ToLower(w.Form),
					upos: w.UPOS.String(), xpos: w.XPOS.String(), lemma: w.Lemma, rel: w.Rel.Universal().String(),
					relFull: w.Rel.String(), head: h, aligned: -1})
			}
			tokens = append(tokens, [2]int{start, end})
			i = j
		}
		if len(ws) > 0 {
			spans = append(spans, [2]int{pos[ws[0].Start], pos[ws[len(ws)-1].End]})
		}
	}
	return words, tokens, spans
}

// spanF1 scores exact span matches between two sorted span lists.
func spanF1(gold, sys [][2]int) float64 {
	i, j, correct := 0, 0, 0
	for i < len(gold) && j < len(sys) {
		switch {
		case gold[i] == sys[j]:
			correct++
			i++
			j++
		case gold[i][0] < sys[j][0] || gold[i][0] == sys[j][0] && gold[i][1] < sys[j][1]:
			i++
		default:
			j++
		}
	}
	return f1(correct, len(gold), len(sys))
}

// alignWords aligns gold and system words as the CoNLL 2018 script does:
// by identical spans outside multi-word tokens, by the longest common
// subsequence of lower-cased forms inside them.
func alignWords(g, s []alignWord) {
	gi, si := 0, 0
	for gi < len(g) && si < len(s) {
		if g[gi].multi || s[si].multi {
			gs, ss, ge, se := multiwordSpan(g, s, gi, si)
			gi, si = ge, se
			if se > ss && ge > gs {
				lcsAlign(g[gs:ge], s[ss:se], gs, ss)
			}
			continue
		}
		switch {
		case g[gi].start == s[si].start && g[gi].end == s[si].end:
			g[gi].aligned, s[si].aligned = si, gi
			gi++
			si++
		case g[gi].start <= s[si].start:
			gi++
		default:
			si++
		}
	}
}

func multiwordSpan(g, s []alignWord, gi, si int) (gs, ss, ge, se int) {
	var end int
	if g[gi].multi {
		end = g[gi].end
		if !s[si].multi && s[si].start < g[gi].start {
			si++
		}
	} else {
		end = s[si].end
		if !g[gi].multi && g[gi].start < s[si].start {
			gi++
		}
	}
	gs, ss = gi, si
	beyond := func(w []alignWord, i int) bool {
		if i >= len(w) {
			return true
		}
		if w[i].multi {
			return w[i].start >= end
		}
		return w[i].end > end
	}
	extend := func(w *alignWord) {
		if w.multi && w.end > end {
			end = w.end
		}
	}
	for !beyond(g, gi) || !beyond(s, si) {
		if gi < len(g) && (si >= len(s) || g[gi].start <= s[si].start) {
			extend(&g[gi])
			gi++
		} else {
			extend(&s[si])
			si++
		}
	}
	return gs, ss, gi, si
}

func lcsAlign(g, s []alignWord, goff, soff int) {
	ng, ns := len(g), len(s)
	lcs := make([][]int, ng+1)
	for i := range lcs {
		lcs[i] = make([]int, ns+1)
	}
	for a := ng - 1; a >= 0; a-- {
		for b := ns - 1; b >= 0; b-- {
			v := 0
			if g[a].form == s[b].form {
				v = 1 + lcs[a+1][b+1]
			}
			lcs[a][b] = max(v, lcs[a+1][b], lcs[a][b+1])
		}
	}
	a, b := 0, 0
	for a < ng && b < ns {
		switch {
		case g[a].form == s[b].form:
			g[a].aligned, s[b].aligned = soff+b, goff+a
			a++
			b++
		case lcs[a][b] == lcs[a+1][b]:
			a++
		default:
			b++
		}
	}
}

// EvaluateRaw parses the treebank's running text (see RawText) with the
// model's own sentence splitting and tokenisation and scores the aligned
// words as F1.
func (m *Model) EvaluateRaw(gold []UDSentence) *Scores {
	text := RawText(gold)
	sys := m.Parse(text)
	gw, gt, gs := goldAlignWords(gold)
	sw, st, ss := systemAlignWords(text, sys)
	alignWords(gw, sw)
	sc := &Scores{Sentences: len(sys), Words: len(sw)}
	sc.Tokens, sc.SentSplit = spanF1(gt, st), spanF1(gs, ss)
	var aligned, upos, xpos, lemma, uas, las, lasFull int
	for i := range gw {
		g := &gw[i]
		sc.rel(g.relFull).Gold++
		if g.aligned < 0 {
			continue
		}
		s := &sw[g.aligned]
		aligned++
		if g.upos == s.upos {
			upos++
		}
		if g.xpos == s.xpos {
			xpos++
		}
		if g.lemma == s.lemma {
			lemma++
		}
		headOK := g.head < 0 && s.head < 0 || g.head >= 0 && s.head >= 0 && gw[g.head].aligned == s.head
		if headOK {
			uas++
			if g.rel == s.rel {
				las++
			}
			if g.relFull == s.relFull {
				lasFull++
				sc.rel(g.relFull).Correct++
			}
		}
	}
	for i := range sw {
		sc.rel(sw[i].relFull).System++
	}
	ng, ns := len(gw), len(sw)
	sc.WordSeg = f1(aligned, ng, ns)
	sc.UPOS, sc.XPOS, sc.Lemma = f1(upos, ng, ns), f1(xpos, ng, ns), f1(lemma, ng, ns)
	sc.UAS, sc.LAS, sc.LASFull = f1(uas, ng, ns), f1(las, ng, ns), f1(lasFull, ng, ns)
	return sc
}

// ScoreLine formats the machine-readable summary scripts read:
// "UPOS 96.12 XPOS 95.40 LEMMA 97.80 UAS 88.31 LAS 85.22".
func ScoreLine(s *Scores) string {
	return fmt.Sprintf("UPOS %.2f XPOS %.2f LEMMA %.2f UAS %.2f LAS %.2f", s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS)
}
