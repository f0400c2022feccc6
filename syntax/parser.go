package syntax

// Stage: dependency parsing. Reads the tagged words, writes a head and a
// relation per word. A greedy arc-hybrid transition parser (Kuhlmann et
// al. 2011) with the root at the bottom of the stack, so every parse is a
// single-rooted projective tree. An averaged perceptron over rich
// non-local features (Zhang & Nivre 2011: valency, distance, second-order
// children, label sets) picks SHIFT, LEFT or RIGHT; a second perceptron
// labels each arc the moment it is made, when the dependent's subtree is
// complete, so later decisions see the labels.

// Transitions.
const (
	tShift = iota // push the buffer's front onto the stack
	tLeft         // s0 ← b0: the buffer's front heads the stack top, which is popped
	tRight        // s1 → s0: the word below heads the stack top, which is popped
	numTrans
)

// parseState is an arc-hybrid configuration over n words. Word indexes
// run 0..n-1; n is the root and n+1 stands for "no word" in features.
type parseState struct {
	n     int
	stack []int32
	b0    int32 // front of the buffer; the buffer is b0..n-1
	head  []int32
	rel   []Rel
	// children for features: leftmost, second leftmost, rightmost and
	// second rightmost child (none = n+1), counts and label sets.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	ls, rs             []uint64
	// per-word feature values, including the root (n) and none (n+1)
	pw, pp []uint64
}

// reset prepares the state for n words.
func (st *parseState) reset(n int) {
	st.n = n
	m := n + 2
	st.stack = append(st.stack[:0], int32(n))
	st.b0 = 0
	st.head = resize(st.head, m)
	st.rel = resizeRel(st.rel, m)
	st.lc1, st.lc2 = resize(st.lc1, m), resize(st.lc2, m)
	st.rc1, st.rc2 = resize(st.rc1, m), resize(st.rc2, m)
	st.nl, st.nr = resize8(st.nl, m), resize8(st.nr, m)
	st.ls, st.rs = resize64(st.ls, m), resize64(st.rs, m)
	st.pw, st.pp = resize64(st.pw, m), resize64(st.pp, m)
	none := int32(n + 1)
	for i := 0; i < m; i++ {
		st.head[i] = -1
		st.rel[i] = NoRel
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = none, none, none, none
		st.nl[i], st.nr[i] = 0, 0
		st.ls[i], st.rs[i] = 0, 0
	}
	st.pw[n], st.pp[n] = hashRoot, 255
	st.pw[n+1], st.pp[n+1] = hashNone, 0
}

func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

func resize8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n, n+n/2)
	}
	return s[:n]
}

func resize64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n, n+n/2)
	}
	return s[:n]
}

func resizeRel(s []Rel, n int) []Rel {
	if cap(s) < n {
		return make([]Rel, n, n+n/2)
	}
	return s[:n]
}

func (st *parseState) done() bool { return int(st.b0) == st.n && len(st.stack) == 1 }

// valid reports which transitions the configuration allows. RIGHT from
// the root is only allowed as the very last transition, which keeps the
// tree single-rooted.
func (st *parseState) valid() (ok [numTrans]bool) {
	ns := len(st.stack)
	buf := int(st.b0) < st.n
	ok[tShift] = buf
	ok[tLeft] = buf && ns >= 2
	if ns >= 2 {
		ok[tRight] = ns > 2 || !buf
	}
	return ok
}

// arc returns the head and dependent the transition t would join.
func (st *parseState) arc(t int) (h, d int32) {
	ns := len(st.stack)
	switch t {
	case tLeft:
		return st.b0, st.stack[ns-1]
	case tRight:
		return st.stack[ns-2], st.stack[ns-1]
	}
	return -1, -1
}

// apply performs transition t; arcs get relation r.
func (st *parseState) apply(t int, r Rel) {
	ns := len(st.stack)
	switch t {
	case tShift:
		st.stack = append(st.stack, st.b0)
		st.b0++
	case tLeft:
		d, h := st.stack[ns-1], st.b0
		st.stack = st.stack[:ns-1]
		st.attach(h, d, r)
		// left children come nearest first, so d is the new leftmost
		st.lc2[h], st.lc1[h] = st.lc1[h], d
		st.nl[h]++
		st.ls[h] |= 1 << r
	case tRight:
		d, h := st.stack[ns-1], st.stack[ns-2]
		st.stack = st.stack[:ns-1]
		st.attach(h, d, r)
		st.rc2[h], st.rc1[h] = st.rc1[h], d
		st.nr[h]++
		st.rs[h] |= 1 << r
	}
}

func (st *parseState) attach(h, d int32, r Rel) {
	st.head[d] = h
	st.rel[d] = r
}

// Parser feature templates.
const (
	ptS0w uint64 = iota + 1
	ptS0p
	ptS0wp
	ptB0w
	ptB0p
	ptB0wp
	ptB1w
	ptB1p
	ptB1wp
	ptB2w
	ptB2p
	ptB2wp
	ptS1w
	ptS1p
	ptS1wp
	ptS2w
	ptS2p
	ptS0wpB0wp
	ptS0wpB0w
	ptS0wB0wp
	ptS0wpB0p
	ptS0pB0wp
	ptS0wB0w
	ptS0pB0p
	ptB0pB1p
	ptS1wpS0wp
	ptS1wS0w
	ptS1pS0p
	ptS1wpS0p
	ptS1pS0wp
	ptS1pB0p
	ptS1wB0w
	ptB0pB1pB2p
	ptS0pB0pB1p
	ptS1pS0pB0p
	ptS2pS1pS0p
	ptS0pS0lpB0p
	ptS0pS0rpB0p
	ptS0pB0pB0lp
	ptS1pS1rpS0p
	ptS1pS0pS0lp
	ptS1pS1lpS0p
	ptS1pS0pS0rp
	ptS0wD1
	ptS0pD1
	ptB0wD1
	ptB0pD1
	ptS0wB0wD1
	ptS0pB0pD1
	ptS1pS0pD2
	ptS1wS0wD2
	ptS0wVr
	ptS0pVr
	ptS0wVl
	ptS0pVl
	ptB0wVl
	ptB0pVl
	ptS1wVr
	ptS1pVr
	ptS1pVl
	ptS0lw
	ptS0lp
	ptS0ll
	ptS0rw
	ptS0rp
	ptS0rl
	ptB0lw
	ptB0lp
	ptB0ll
	ptS1lw
	ptS1lp
	ptS1ll
	ptS1rw
	ptS1rp
	ptS1rl
	ptS0l2w
	ptS0l2p
	ptS0l2l
	ptS0r2w
	ptS0r2p
	ptS0r2l
	ptB0l2w
	ptB0l2p
	ptB0l2l
	ptS1r2p
	ptS1r2l
	ptS0pS0lpS0l2p
	ptS0pS0rpS0r2p
	ptB0pB0lpB0l2p
	ptS1pS1rpS1r2p
	ptS0wSr
	ptS0pSr
	ptS0wSl
	ptS0pSl
	ptB0wSl
	ptB0pSl
	ptS1pSr
	ptS1pSl
	ptS0pB0pS0ll
	ptS1pS0pS1rl
)

// features appends the transition features of the configuration.
func (st *parseState) features(out []uint64) []uint64 {
	n := int32(st.n)
	none := n + 1
	ns := len(st.stack)
	s0, s1, s2 := none, none, none
	if ns >= 1 {
		s0 = st.stack[ns-1]
	}
	if ns >= 2 {
		s1 = st.stack[ns-2]
	}
	if ns >= 3 {
		s2 = st.stack[ns-3]
	}
	b0, b1, b2 := none, none, none
	if st.b0 < n {
		b0 = st.b0
		if st.b0+1 < n {
			b1 = st.b0 + 1
			if st.b0+2 < n {
				b2 = st.b0 + 2
			}
		}
	}
	w, p := st.pw, st.pp
	s0w, s0p := w[s0], p[s0]
	s1w, s1p := w[s1], p[s1]
	b0w, b0p := w[b0], p[b0]
	b1w, b1p := w[b1], p[b1]
	b2w, b2p := w[b2], p[b2]
	s0l, s0r, s0l2, s0r2 := st.lc1[s0], st.rc1[s0], st.lc2[s0], st.rc2[s0]
	s1l, s1r, s1r2 := st.lc1[s1], st.rc1[s1], st.rc2[s1]
	b0l, b0l2 := st.lc1[b0], st.lc2[b0]
	rl := func(i int32) uint64 { return uint64(st.rel[i]) }
	// distances: s0 to b0, s1 to s0 (0 when either is missing or the root)
	var d1, d2 uint64
	if s0 < n && b0 < n {
		d1 = distBucket(int(b0 - s0))
	}
	if s1 < n && s0 < n {
		d2 = distBucket(int(s0 - s1))
	}
	s0pw := s0p<<56 ^ s0w
	b0pw := b0p<<56 ^ b0w
	s1pw := s1p<<56 ^ s1w
	return append(out,
		key1(ptS0w, s0w), key1(ptS0p, s0p), key1(ptS0wp, s0pw),
		key1(ptB0w, b0w), key1(ptB0p, b0p), key1(ptB0wp, b0pw),
		key1(ptB1w, b1w), key1(ptB1p, b1p), key2(ptB1wp, b1w, b1p),
		key1(ptB2w, b2w), key1(ptB2p, b2p), key2(ptB2wp, b2w, b2p),
		key1(ptS1w, s1w), key1(ptS1p, s1p), key1(ptS1wp, s1pw),
		key1(ptS2w, w[s2]), key1(ptS2p, p[s2]),
		key2(ptS0wpB0wp, s0pw, b0pw), key2(ptS0wpB0w, s0pw, b0w), key2(ptS0wB0wp, s0w, b0pw),
		key2(ptS0wpB0p, s0pw, b0p), key2(ptS0pB0wp, s0p, b0pw), key2(ptS0wB0w, s0w, b0w),
		key2(ptS0pB0p, s0p, b0p), key2(ptB0pB1p, b0p, b1p),
		key2(ptS1wpS0wp, s1pw, s0pw), key2(ptS1wS0w, s1w, s0w), key2(ptS1pS0p, s1p, s0p),
		key2(ptS1wpS0p, s1pw, s0p), key2(ptS1pS0wp, s1p, s0pw),
		key2(ptS1pB0p, s1p, b0p), key2(ptS1wB0w, s1w, b0w),
		key3(ptB0pB1pB2p, b0p, b1p, b2p), key3(ptS0pB0pB1p, s0p, b0p, b1p),
		key3(ptS1pS0pB0p, s1p, s0p, b0p), key3(ptS2pS1pS0p, p[s2], s1p, s0p),
		key3(ptS0pS0lpB0p, s0p, p[s0l], b0p), key3(ptS0pS0rpB0p, s0p, p[s0r], b0p),
		key3(ptS0pB0pB0lp, s0p, b0p, p[b0l]), key3(ptS1pS1rpS0p, s1p, p[s1r], s0p),
		key3(ptS1pS0pS0lp, s1p, s0p, p[s0l]), key3(ptS1pS1lpS0p, s1p, p[s1l], s0p),
		key3(ptS1pS0pS0rp, s1p, s0p, p[s0r]),
		key2(ptS0wD1, s0w, d1), key2(ptS0pD1, s0p, d1), key2(ptB0wD1, b0w, d1), key2(ptB0pD1, b0p, d1),
		key3(ptS0wB0wD1, s0w, b0w, d1), key3(ptS0pB0pD1, s0p, b0p, d1),
		key3(ptS1pS0pD2, s1p, s0p, d2), key3(ptS1wS0wD2, s1w, s0w, d2),
		key2(ptS0wVr, s0w, uint64(st.nr[s0])), key2(ptS0pVr, s0p, uint64(st.nr[s0])),
		key2(ptS0wVl, s0w, uint64(st.nl[s0])), key2(ptS0pVl, s0p, uint64(st.nl[s0])),
		key2(ptB0wVl, b0w, uint64(st.nl[b0])), key2(ptB0pVl, b0p, uint64(st.nl[b0])),
		key2(ptS1wVr, s1w, uint64(st.nr[s1])), key2(ptS1pVr, s1p, uint64(st.nr[s1])),
		key2(ptS1pVl, s1p, uint64(st.nl[s1])),
		key1(ptS0lw, w[s0l]), key1(ptS0lp, p[s0l]), key1(ptS0ll, rl(s0l)),
		key1(ptS0rw, w[s0r]), key1(ptS0rp, p[s0r]), key1(ptS0rl, rl(s0r)),
		key1(ptB0lw, w[b0l]), key1(ptB0lp, p[b0l]), key1(ptB0ll, rl(b0l)),
		key1(ptS1lw, w[s1l]), key1(ptS1lp, p[s1l]), key1(ptS1ll, rl(s1l)),
		key1(ptS1rw, w[s1r]), key1(ptS1rp, p[s1r]), key1(ptS1rl, rl(s1r)),
		key1(ptS0l2w, w[s0l2]), key1(ptS0l2p, p[s0l2]), key1(ptS0l2l, rl(s0l2)),
		key1(ptS0r2w, w[s0r2]), key1(ptS0r2p, p[s0r2]), key1(ptS0r2l, rl(s0r2)),
		key1(ptB0l2w, w[b0l2]), key1(ptB0l2p, p[b0l2]), key1(ptB0l2l, rl(b0l2)),
		key1(ptS1r2p, p[s1r2]), key1(ptS1r2l, rl(s1r2)),
		key3(ptS0pS0lpS0l2p, s0p, p[s0l], p[s0l2]), key3(ptS0pS0rpS0r2p, s0p, p[s0r], p[s0r2]),
		key3(ptB0pB0lpB0l2p, b0p, p[b0l], p[b0l2]), key3(ptS1pS1rpS1r2p, s1p, p[s1r], p[s1r2]),
		key2(ptS0wSr, s0w, st.rs[s0]), key2(ptS0pSr, s0p, st.rs[s0]),
		key2(ptS0wSl, s0w, st.ls[s0]), key2(ptS0pSl, s0p, st.ls[s0]),
		key2(ptB0wSl, b0w, st.ls[b0]), key2(ptB0pSl, b0p, st.ls[b0]),
		key2(ptS1pSr, s1p, st.rs[s1]), key2(ptS1pSl, s1p, st.ls[s1]),
		key3(ptS0pB0pS0ll, s0p, b0p, rl(s0l)), key3(ptS1pS0pS1rl, s1p, s0p, rl(s1r)),
	)
}

// Labeller feature templates.
const (
	ltBias uint64 = iota + 1
	ltHw
	ltHp
	ltDw
	ltDp
	ltHpDp
	ltHwDp
	ltHpDw
	ltHwDw
	ltDirDist
	ltHpDpDirDist
	ltDpDl
	ltDpDr
	ltDlwDp
	ltDlwHp
	ltDlpDp
	ltDrpDp
	ltHpHl
	ltHpHr
	ltHpDpHl
	ltHpDpHr
	ltDpPrev
	ltDpNext
	ltHpPrevD
	ltDwHpDir
	ltDlwDpHp
	ltDpDlHp
)

// labelFeatures appends the features for labelling the arc h → d, made
// when d's subtree is complete and h holds the children attached so far.
func (st *parseState) labelFeatures(h, d int32, out []uint64) []uint64 {
	w, p := st.pw, st.pp
	n := int32(st.n)
	none := n + 1
	dir := uint64(0)
	dist := 0
	if h == n {
		dir = 2
	} else if h > d {
		dist = int(h - d)
	} else {
		dir = 1
		dist = int(d - h)
	}
	dd := dir<<8 | distBucket(dist)
	hw, hp, dw, dp := w[h], p[h], w[d], p[d]
	dl, dr := st.lc1[d], st.rc1[d]
	prev, next := none, none
	if d > 0 {
		prev = d - 1
	}
	if d+1 < n {
		next = d + 1
	}
	return append(out,
		key1(ltBias, dir),
		key2(ltHw, hw, dir), key2(ltHp, hp, dir), key2(ltDw, dw, dir), key2(ltDp, dp, dir),
		key2(ltHpDp, hp, dp<<2|dir), key3(ltHwDp, hw, dp, dir), key3(ltHpDw, hp, dw, dir), key3(ltHwDw, hw, dw, dir),
		key1(ltDirDist, dd), key3(ltHpDpDirDist, hp, dp, dd),
		key2(ltDpDl, dp, st.ls[d]), key2(ltDpDr, dp, st.rs[d]),
		key3(ltDlwDp, w[dl], uint64(st.rel[dl]), dp), key3(ltDlwHp, w[dl], hp, dir),
		key3(ltDlpDp, p[dl], uint64(st.rel[dl]), dp), key3(ltDrpDp, p[dr], uint64(st.rel[dr]), dp),
		key3(ltHpHl, hp, st.ls[h], dir), key3(ltHpHr, hp, st.rs[h], dir),
		key4(ltHpDpHl, hp, dp, st.ls[h], dir), key4(ltHpDpHr, hp, dp, st.rs[h], dir),
		key2(ltDpPrev, dp, p[prev]), key2(ltDpNext, dp, p[next]),
		key3(ltHpPrevD, hp, dp, p[prev]),
		key3(ltDwHpDir, dw, hp, dir),
		key4(ltDlwDpHp, w[dl], dp, hp, dir),
		key4(ltDpDlHp, dp, st.ls[d], hp, dir),
	)
}
