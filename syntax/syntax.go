package syntax

import (
	"sync"

	"github.com/egret-events/egret/nlp"
)

// Word is one syntactic word with its analysis.
type Word struct {
	Form       string  // as written
	Lemma      string  // UD lemma: lower case but for proper nouns ("be", "Bush")
	LemmaUpper string  // upper-case lemma, as nlp.Token.Lemma, for the dictionaries ("BE")
	Start, End int     // byte offsets into the text parsed
	Head       int     // index of the head in Sentence.Words, -1 for the root
	Rel        Rel     // relation to the head
	UPOS       UPOS    // universal tag
	XPOS       XPOS    // Penn tag as UD English EWT has it
	Tag        nlp.Tag // XPOS in egret's tag set
}

// Sentence is one parsed sentence.
type Sentence struct {
	Words      []Word
	Start, End int // byte range in the text
}

// Text returns the sentence's span of text.
func (s *Sentence) Text(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Root returns the index of the root word, or -1 for an empty sentence.
func (s *Sentence) Root() int {
	for i := range s.Words {
		if s.Words[i].Head < 0 {
			return i
		}
	}
	return -1
}

// Model is a trained tagger, lemmatizer and parser. It is immutable after
// loading and safe for concurrent use; each call borrows scratch buffers
// from a pool, so parsing allocates little.
type Model struct {
	classes  []tagClass
	tagger   *sparseTable
	tagger2  *sparseTable     // second pass, nil in models without one
	tagDict  map[uint64]uint8 // forms (wordFeat.form) the treebank always tags alike: no scoring
	parser   *denseTable
	labeller *sparseTable
	relMask  uint64 // relations the labeller was trained on
	lemmas   *lemmatizer
	keepHyph map[string]bool // prefixes UD English keeps joined by a hyphen ("e-mail", "co-")
	lex      *nlp.Pipeline
	info     ModelInfo
	pool     sync.Pool
}

// ModelInfo describes a model: what it was trained on and how it scored.
type ModelInfo struct {
	Treebank string // "UD_English-EWT v2.15"
	Features struct{ Tagger, Parser, Labeller int }
}

// Info returns the model's description.
func (m *Model) Info() ModelInfo { return m.info }

// scratch is one goroutine's working memory.
type scratch struct {
	fz     featurizer
	wf     []wordFeat
	cls    []uint8
	cls1   []uint8
	feats  []uint64
	scores []int32
	st     parseState
	forms  []string
	spans  []int // start, end per word
	group  []int32
	out    Sentence
	sink   uint32   // keeps the slot-touching loads alive
	rows   []uint32 // rows found by sparseTable.addAll
	tc     tagCache
}

func (m *Model) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

func (m *Model) putScratch(sc *scratch) { m.pool.Put(sc) }

// analyse tags, lemmatizes and parses the words sc.forms (with byte spans
// sc.spans) into out.
func (m *Model) analyse(sc *scratch, out *Sentence) {
	n := len(sc.forms)
	if cap(sc.wf) < n+2*pad {
		sc.wf = make([]wordFeat, n+2*pad, 2*(n+2*pad))
	}
	wf := sc.wf[:n+2*pad]
	padSentinels(wf, n)
	for i, f := range sc.forms {
		sc.fz.word(f, &wf[i+pad], m.lex, i == 0)
	}
	if cap(sc.cls) < n {
		sc.cls = make([]uint8, n, 2*n)
	}
	cls := sc.cls[:n]
	m.tagWords(sc, wf, cls)
	st := &sc.st
	m.parse(sc, wf, cls)
	if cap(out.Words) < n {
		out.Words = make([]Word, n, n+n/2)
	}
	out.Words = out.Words[:n]
	for i := 0; i < n; i++ {
		c := m.classes[cls[i]]
		w := &out.Words[i]
		form := sc.forms[i]
		lemma := m.lemmas.lemma(form, c.XPOS, m.lex)
		head := int(st.head[i])
		if head == n {
			head = -1
		}
		*w = Word{Form: form, Lemma: lemma, LemmaUpper: m.lex.Upper(lemma), Start: sc.spans[2*i], End: sc.spans[2*i+1],
			Head: head, Rel: st.rel[i], UPOS: c.UPOS, XPOS: c.XPOS, Tag: c.XPOS.Tag()}
	}
	if n > 0 {
		out.Start, out.End = out.Words[0].Start, out.Words[n-1].End
	}
}

// tagWords writes the tag class of every word: a left-to-right pass, then
// a second that also sees the first pass's tags to the right.
func (m *Model) tagWords(sc *scratch, wf []wordFeat, cls []uint8) {
	if cap(sc.scores) < 256 {
		sc.scores = make([]int32, 256)
	}
	m.tagPass(sc, wf, cls, 0, nil)
	if m.tagger2 != nil {
		sc.cls1 = append(sc.cls1[:0], cls...)
		m.tagPass(sc, wf, cls, 1, sc.cls1)
	}
}

// tagPass tags greedily in pass 0 or 1 (the second pass, with the first
// pass's tags in first).
func (m *Model) tagPass(sc *scratch, wf []wordFeat, cls []uint8, pass int, first []uint8) {
	scores := sc.scores[:len(m.classes)]
	t := m.tagger
	if pass == 1 {
		t = m.tagger2
	}
	var p1, p2 uint64
	for i := range cls {
		w := &wf[i+pad]
		if c, ok := m.tagDict[w.form]; ok {
			cls[i] = c
			p2, p1 = p1, uint64(c)+1
			continue
		}
		copy(scores, sc.tc.scores(sc, w, pass, m.tagger, m.tagger2))
		if first != nil {
			sc.feats = contextTagFeatures2(wf, i, p1, p2, first, sc.feats[:0])
		} else {
			sc.feats = contextTagFeatures(wf, i, p1, p2, sc.feats[:0])
		}
		sc.rows = t.addAll(sc.feats, scores, sc.rows, &sc.sink)
		best := argmax(scores)
		cls[i] = uint8(best)
		p2, p1 = p1, uint64(best)+1
	}
}

// argmax returns the first index of the largest score.
func argmax[T int32 | int64](scores []T) int {
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// parse runs the transition system over the tagged words.
func (m *Model) parse(sc *scratch, wf []wordFeat, cls []uint8) {
	st := &sc.st
	n := len(cls)
	st.reset(n)
	for i := 0; i < n; i++ {
		st.pw[i] = wf[i+pad].lower
		st.pp[i] = uint64(cls[i]) + 1
	}
	for !st.done() {
		ok := st.valid()
		best, nvalid := -1, 0
		for t := 0; t < numTrans; t++ {
			if ok[t] {
				best = t
				nvalid++
			}
		}
		if nvalid > 1 { // a forced move (empty stack or buffer) needs no scores
			sc.feats = st.features(sc.feats[:0])
			var s [4]int32
			m.parser.addAll(sc.feats, &s, &sc.sink)
			best = -1
			for t := 0; t < numTrans; t++ {
				if ok[t] && (best < 0 || s[t] > s[best]) {
					best = t
				}
			}
		}
		r := NoRel
		if best != tShift {
			h, d := st.arc(best)
			r = m.label(sc, h, d)
		}
		st.apply(best, r)
	}
}

// label picks the relation of the arc h → d.
func (m *Model) label(sc *scratch, h, d int32) Rel {
	st := &sc.st
	if int(h) == st.n {
		return Root
	}
	sc.feats = st.labelFeatures(h, d, sc.feats[:0])
	scores := sc.scores[:numRel]
	clear(scores)
	sc.rows = m.labeller.addAll(sc.feats, scores, sc.rows, &sc.sink)
	best := NoRel
	for r := Rel(1); r < numRel; r++ {
		if m.relMask&(1<<r) != 0 && r != Root && (best == NoRel || scores[r] > scores[best]) {
			best = r
		}
	}
	return best
}

// ParseWords analyses one sentence given as words (gold tokenisation).
// Offsets are into the words joined by single spaces.
func (m *Model) ParseWords(forms []string, out *Sentence) {
	sc := m.getScratch()
	sc.forms = append(sc.forms[:0], forms...)
	sc.spans = sc.spans[:0]
	pos := 0
	for _, f := range forms {
		sc.spans = append(sc.spans, pos, pos+len(f))
		pos += len(f) + 1
	}
	m.analyse(sc, out)
	clear(sc.forms)
	m.putScratch(sc)
}
