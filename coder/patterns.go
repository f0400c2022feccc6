package coder

import (
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
	"slices"
)

// melem is one compiled pattern element.
type melem struct {
	kind  petrarch.ElemKind
	words []string          // EWord alternatives
	ids   []int32           // their vocabulary ids
	syn   []petrarch.Phrase // ESynset phrases
	synID [][]int32         // their words' vocabulary ids
	first map[string][]int  // synset phrases by first word
	last  map[string][]int  // synset phrases by last word
	adj   bool              // must touch the element nearer the verb (or the verb)
}

// cpattern is a verb pattern compiled for matching: the elements before the
// verb in nearest-first order, those after it in order.
type cpattern struct {
	pre, post []melem
	code      petrarch.Code
	pat       *petrarch.Pattern
	weight    int
	mask      uint64 // bits of the literal words the sentence must contain
	hasNeg    bool   // a negation word precedes the verb in the pattern
	// targetFirst: the target precedes the verb ("+ * UNDER FIRE"): the
	// subject undergoes the act
	targetFirst bool
	skip        bool   // code "+++": ignored (PETRARCH treats it as no pattern)
	pos         string // pat.Pos.String(), made once

	// need lists, for each word or synset element, the vocabulary ids one
	// of which the sentence must contain (a synset's first words), so that
	// most patterns are ruled out without matching
	need [][]int32
}

// names reports whether the pattern spells out the word (upper case).
func (cp *cpattern) names(key string) bool {
	for _, els := range [2][]melem{cp.pre, cp.post} {
		for _, e := range els {
			if e.kind == petrarch.EWord && slices.Contains(e.words, key) {
				return true
			}
		}
	}
	return false
}

// negWords in a pattern make it a negated pattern ("DID N'T ATTACK"):
// negators are a closed class and stay code (see auxVerbs).
var negWords = map[string]bool{"NOT": true, "N'T": true, "NEVER": true, "NO": true, "NEITHER": true}

func wordBit(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return 1 << (h & 63)
}

// synIdx caches the first- and last-word indexes of each synset: many
// patterns share a synset.
type synIdx struct {
	first, last map[string][]int
	ids         [][]int32 // each phrase's words as vocabulary ids
	need        []int32   // the phrases' distinct first words
}

// vocab numbers the words of the verb patterns (from 1; 0 is a word no
// pattern uses), so that matching compares integers, and a sentence's
// pattern words can be marked in a table (state.seen).
type vocab map[string]int32

func (v vocab) id(w string) int32 {
	if id, ok := v[w]; ok {
		return id
	}
	id := int32(len(v) + 1)
	v[w] = id
	return id
}

func (v vocab) ids(ws []string) []int32 {
	out := make([]int32, len(ws))
	for i, w := range ws {
		out[i] = v.id(w)
	}
	return out
}

// markWords gives each word of the sentence its vocabulary ids and marks
// them as present; the patterns' need lists are checked against the marks.
func (c *Coder) markWords(s *state) {
	s.marked = true
	if len(s.seen) < len(c.vocab)+1 {
		s.seen = make([]uint32, len(c.vocab)+1)
		s.stamp = 0
	}
	s.stamp++
	if s.stamp == 0 { // wrapped: old marks would look current
		clear(s.seen)
		s.stamp = 1
	}
	s.wid, s.lid = s.wid[:0], s.lid[:0]
	for i := range s.words {
		w := &s.words[i]
		k := c.vocab[w.key]
		l := int32(0)
		if c.lemmaPatterns {
			if w.lemma == w.key {
				l = k
			} else {
				l = c.vocab[w.lemma]
			}
		}
		s.wid, s.lid = append(s.wid, k), append(s.lid, l)
		s.seen[k] = s.stamp
		s.seen[l] = s.stamp
	}
	s.seen[0] = 0 // id 0 (not a pattern word) satisfies no need
}

// mayMatch rules out patterns whose literal words or synsets are not all in
// the sentence.
func (c *Coder) mayMatch(s *state, cp *cpattern) bool {
	if cp.mask&^s.mask != 0 {
		return false
	}
	if !s.marked {
		c.markWords(s)
	}
	seen, st := s.seen, s.stamp
need:
	for _, alts := range cp.need {
		for _, id := range alts {
			if seen[id] == st {
				continue need
			}
		}
		return false
	}
	return true
}

func synIndexFor(cache map[*petrarch.Synset]*synIdx, s *petrarch.Synset, voc vocab) *synIdx {
	if x, ok := cache[s]; ok {
		return x
	}
	x := &synIdx{first: map[string][]int{}, last: map[string][]int{}}
	seen := map[int32]bool{}
	for k, ph := range s.Phrases {
		f, l := ph.Words[0], ph.Words[len(ph.Words)-1]
		x.first[f] = append(x.first[f], k)
		x.last[l] = append(x.last[l], k)
		ids := voc.ids(ph.Words)
		x.ids = append(x.ids, ids)
		if !seen[ids[0]] {
			seen[ids[0]] = true
			x.need = append(x.need, ids[0])
		}
	}
	cache[s] = x
	return x
}

// compile turns a parsed pattern into its matching form.
func compile(p *petrarch.Pattern, syns map[string]*petrarch.Synset, cache map[*petrarch.Synset]*synIdx, voc vocab) *cpattern {
	cp := &cpattern{pat: p, code: p.Code, pos: p.Pos.String()}
	if p.Code.Active == "+++" {
		cp.skip = true
	}
	// flatten, tracking brace groups: words inside {...} are adjacent
	type fe struct {
		e     petrarch.Elem
		brace int // brace group id, 0 when none
	}
	var flat []fe
	brace, nextID := 0, 0
	joinAfter := []bool{}
	for _, e := range p.Elems {
		switch e.Kind {
		case petrarch.EOpen:
			if e.Group == '{' {
				nextID++
				brace = nextID
			}
			continue
		case petrarch.EClose:
			if e.Group == '}' {
				brace = 0
			}
			if e.Join == '_' && len(joinAfter) > 0 {
				joinAfter[len(joinAfter)-1] = true
			}
			continue
		}
		flat = append(flat, fe{e, brace})
		joinAfter = append(joinAfter, e.Join == '_')
	}
	for i := range flat {
		if i+1 < len(flat) && flat[i].brace != 0 && flat[i].brace == flat[i+1].brace {
			joinAfter[i] = true
		}
	}
	vi := -1
	for i, f := range flat {
		if f.e.Kind == petrarch.EVerb {
			vi = i
		}
	}
	mk := func(i int) melem {
		e := flat[i].e
		m := melem{kind: e.Kind}
		switch e.Kind {
		case petrarch.EWord:
			m.words = e.Words
			m.ids = voc.ids(e.Words)
			cp.need = append(cp.need, m.ids)
			cp.weight++
			if len(e.Words) == 1 {
				cp.mask |= wordBit(e.Words[0])
			}
		case petrarch.ESynset:
			var need []int32 // an unknown synset matches nothing
			if s := syns[e.Words[0]]; s != nil {
				x := synIndexFor(cache, s, voc)
				m.syn, m.synID = s.Phrases, x.ids
				m.first, m.last = x.first, x.last
				need = x.need
			}
			cp.need = append(cp.need, need)
			cp.weight++
		default:
			cp.weight++
		}
		return m
	}
	for i := vi - 1; i >= 0; i-- {
		m := mk(i)
		m.adj = joinAfter[i]
		if m.kind == petrarch.ETarget {
			cp.targetFirst = true
		}
		if m.kind == petrarch.EWord {
			for _, w := range m.words {
				if negWords[w] {
					cp.hasNeg = true
				}
			}
		}
		if m.kind == petrarch.ESynset {
			for _, ph := range m.syn {
				for _, w := range ph.Words {
					if negWords[w] {
						cp.hasNeg = true
					}
				}
			}
		}
		cp.pre = append(cp.pre, m)
	}
	for i := vi + 1; i < len(flat); i++ {
		m := mk(i)
		m.adj = joinAfter[i-1]
		cp.post = append(cp.post, m)
	}
	return cp
}

// binding records the groups pattern markers consumed.
type binding struct {
	src, tgt, comp int
	compPost       bool
	post           int // unused marker slot kept for symmetry
	skips          [4]int
	nskip          int
	steps          int
	// words the post-verb literals matched, in pattern order (the tree
	// coder checks their attachment: literalsAttached)
	lits [8]int16
	nlit int
}

// pushLit records a literal matched at p; popLit undoes it on backtrack.
func (b *binding) pushLit(p int) {
	if b.nlit < len(b.lits) {
		b.lits[b.nlit] = int16(p)
	}
	b.nlit++
}

func (b *binding) popLit() { b.nlit-- }

// literal reports whether a post-verb literal matched word p.
func (b *binding) literal(p int) bool {
	for k := 0; k < min(b.nlit, len(b.lits)); k++ {
		if int(b.lits[k]) == p {
			return true
		}
	}
	return false
}

func (b *binding) taken(g int) bool {
	if g == b.src || g == b.tgt || g == b.comp {
		return true
	}
	for i := 0; i < b.nskip; i++ {
		if b.skips[i] == g {
			return true
		}
	}
	return false
}

const maxSteps = 4000

// wordIs reports whether word p is one of the element's words (or, with
// lemma patterns, has one as its lemma); lid is 0 without lemma patterns.
func (c *Coder) wordIs(s *state, p int, m *melem) bool {
	if len(s.allow) > 0 && !s.allow[p] {
		return false // outside the verb's own clause
	}
	if !s.marked {
		c.markWords(s)
	}
	k, l := s.wid[p], s.lid[p]
	for _, x := range m.ids {
		if k == x || l == x {
			return true
		}
	}
	return false
}

// phraseAt reports whether a synset phrase (its words' ids) is at p.
func (c *Coder) phraseAt(s *state, p int, ph []int32) bool {
	if p < 0 || p+len(ph) > len(s.words) {
		return false
	}
	if !s.marked {
		c.markWords(s)
	}
	for k, x := range ph {
		if s.wid[p+k] != x && s.lid[p+k] != x || len(s.allow) > 0 && !s.allow[p+k] {
			return false
		}
	}
	return true
}

// matchPre matches pre[k:] with pre[k] ending at or before limit (exactly at
// limit when adjacent), never before lo.
func (c *Coder) matchPre(s *state, cp *cpattern, k, limit, lo int, b *binding) bool {
	if k == len(cp.pre) {
		return true
	}
	b.steps++
	if b.steps > maxSteps {
		return false
	}
	m := &cp.pre[k]
	switch m.kind {
	case petrarch.EWord:
		for end := limit; end > lo; end-- {
			if c.wordIs(s, end-1, m) && c.matchPre(s, cp, k+1, end-1, lo, b) {
				return true
			}
			if m.adj {
				break
			}
		}
	case petrarch.ESynset:
		for end := limit; end > lo; end-- {
			w := &s.words[end-1]
			for pass := 0; pass < 2; pass++ {
				key := w.key
				if pass == 1 {
					if !c.lemmaPatterns || w.lemma == w.key {
						break
					}
					key = w.lemma
				}
				for _, i := range m.last[key] {
					n := len(m.syn[i].Words)
					if n == 1 && s.monthDate(end-1) {
						continue
					}
					if end-n >= lo && c.phraseAt(s, end-n, m.synID[i]) && c.matchPre(s, cp, k+1, end-n, lo, b) {
						return true
					}
				}
			}
			if m.adj {
				break
			}
		}
	case petrarch.ESkip:
		// ^ skips one noun phrase, actor or not
		q := limit - 1
		for q >= lo && !s.npw[q] {
			q--
		}
		if q < lo {
			return false
		}
		r := q
		for r > lo && (s.npw[r-1] || s.words[r-1].tag == nlp.DT) {
			r--
		}
		for g := range s.groups {
			if s.groups[g].i < r && s.groups[g].j > r {
				r = s.groups[g].i
			}
		}
		return c.matchPre(s, cp, k+1, r, lo, b)
	default:
		for g := len(s.groups) - 1; g >= 0; g-- {
			gr := &s.groups[g]
			if gr.j > limit || gr.i < lo || b.taken(g) || !s.allowed(gr) {
				continue
			}
			if m.kind == petrarch.ECompound && len(gr.codes) < 2 {
				continue
			}
			if !c.bind(b, m.kind, g) {
				continue
			}
			if c.matchPre(s, cp, k+1, gr.i, lo, b) {
				return true
			}
			c.unbind(b, m.kind)
		}
	}
	return false
}

// matchPost matches post[k:] with post[k] starting at or after start
// (exactly at start when adjacent), ending by hi.
func (c *Coder) matchPost(s *state, cp *cpattern, k, start, hi int, b *binding) bool {
	if k == len(cp.post) {
		return true
	}
	b.steps++
	if b.steps > maxSteps {
		return false
	}
	m := &cp.post[k]
	switch m.kind {
	case petrarch.EWord:
		for p := start; p < hi; p++ {
			if c.wordIs(s, p, m) {
				b.pushLit(p)
				if c.matchPost(s, cp, k+1, p+1, hi, b) {
					return true
				}
				b.popLit()
			}
			if m.adj {
				break
			}
		}
	case petrarch.ESynset:
		for p := start; p < hi; p++ {
			w := &s.words[p]
			for pass := 0; pass < 2; pass++ {
				key := w.key
				if pass == 1 {
					if !c.lemmaPatterns || w.lemma == w.key {
						break
					}
					key = w.lemma
				}
				for _, i := range m.first[key] {
					n := len(m.syn[i].Words)
					if n == 1 && s.monthDate(p) {
						continue // "in March 2020" is no protest march
					}
					if p+n <= hi && c.phraseAt(s, p, m.synID[i]) {
						b.pushLit(p)
						if c.matchPost(s, cp, k+1, p+n, hi, b) {
							return true
						}
						b.popLit()
					}
				}
			}
			if m.adj {
				break
			}
		}
	case petrarch.ESkip:
		q := start
		for q < hi && !s.npw[q] && !(s.words[q].tag == nlp.DT && q+1 < hi && s.npw[q+1]) {
			q++
		}
		if q >= hi {
			return false
		}
		r := q + 1
		for r < hi && s.npw[r] {
			r++
		}
		for g := range s.groups {
			if s.groups[g].i <= q && s.groups[g].j > r {
				r = s.groups[g].j
			}
		}
		return c.matchPost(s, cp, k+1, r, hi, b)
	default:
		for g := range s.groups {
			gr := &s.groups[g]
			if gr.i < start || gr.j > hi || b.taken(g) || !s.allowed(gr) {
				continue
			}
			if m.kind == petrarch.ECompound && len(gr.codes) < 2 {
				continue
			}
			if !c.bind(b, m.kind, g) {
				continue
			}
			if m.kind == petrarch.ECompound {
				b.compPost = true
			}
			if c.matchPost(s, cp, k+1, gr.j, hi, b) {
				return true
			}
			b.compPost = false
			c.unbind(b, m.kind)
		}
	}
	return false
}

func (c *Coder) bind(b *binding, k petrarch.ElemKind, g int) bool {
	switch k {
	case petrarch.ESource:
		if b.src >= 0 {
			return false
		}
		b.src = g
	case petrarch.ETarget:
		if b.tgt >= 0 {
			return false
		}
		b.tgt = g
	case petrarch.ECompound:
		if b.comp >= 0 {
			return false
		}
		b.comp = g
	case petrarch.ESkip:
		if b.nskip == len(b.skips) {
			return false
		}
		b.skips[b.nskip] = g
		b.nskip++
	}
	return true
}

func (c *Coder) unbind(b *binding, k petrarch.ElemKind) {
	switch k {
	case petrarch.ESource:
		b.src = -1
	case petrarch.ETarget:
		b.tgt = -1
	case petrarch.ECompound:
		b.comp = -1
	case petrarch.ESkip:
		b.nskip--
	}
}

// allowed reports whether a group stands in the verb's own clause.
func (s *state) allowed(gr *group) bool {
	return len(s.allow) == 0 || gr.head < 0 || gr.head >= len(s.allow) || s.allow[gr.head]
}

// monthDate reports whether word p is a month's name in a date: a proper
// noun ("in March") or before a number ("march 2020" in lower-case text).
func (s *state) monthDate(p int) bool {
	w := &s.words[p]
	if !s.wc.months[w.key] {
		return false
	}
	return w.tag == nlp.NNP || p+1 < len(s.words) && s.words[p+1].tag == nlp.CD
}
