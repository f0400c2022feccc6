package syntax

// Stage: the training oracle. A dynamic oracle for the arc-hybrid system
// (Goldberg & Nivre 2013): the cost of a transition is the number of gold
// arcs it makes unreachable, so training can follow the model's own
// mistakes and still learn the best continuation. gold holds the
// projective gold head of each word, n for the root.

// costs returns the cost of each valid transition (-1 for invalid ones).
func (st *parseState) costs(gold []int32) (c [numTrans]int) {
	ok := st.valid()
	n := int32(st.n)
	ns := len(st.stack)
	for t := range c {
		c[t] = -1
	}
	var s0, s1 int32 = -1, -1
	if ns >= 1 {
		s0 = st.stack[ns-1]
	}
	if ns >= 2 {
		s1 = st.stack[ns-2]
	}
	b0 := st.b0
	// children of x still in the buffer
	bufChildren := func(x int32) int {
		k := 0
		for d := b0; d < n; d++ {
			if gold[d] == x {
				k++
			}
		}
		return k
	}
	inBuf := func(x int32) bool { return x >= b0 && x < n }
	if ok[tLeft] {
		k := bufChildren(s0)
		if h := gold[s0]; h != b0 && (h == s1 || (h > b0 && h < n)) {
			k++
		}
		c[tLeft] = k
	}
	if ok[tRight] {
		k := bufChildren(s0)
		if inBuf(gold[s0]) {
			k++
		}
		c[tRight] = k
	}
	if ok[tShift] {
		k := 0
		for i := 0; i < ns; i++ {
			x := st.stack[i]
			if x < n && gold[x] == b0 {
				k++
			}
			if i < ns-1 && gold[b0] == x {
				k++
			}
		}
		c[tShift] = k
	}
	return c
}

// projectivize returns heads (n for the root) made projective by lifting:
// while some arc crosses another, the shortest non-projective arc's
// dependent is reattached to its head's head (Nivre & Nilsson 2005,
// without encoding the lift in labels).
func projectivize(heads []int32) []int32 {
	n := int32(len(heads))
	h := append([]int32(nil), heads...)
	for {
		best, bestLen := int32(-1), int32(1<<30)
		for d := int32(0); d < n; d++ {
			if h[d] == n || isProjectiveArc(h, d) {
				continue
			}
			l := h[d] - d
			if l < 0 {
				l = -l
			}
			if l < bestLen {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
}

// isProjectiveArc reports whether every word between d and its head is
// dominated by the head.
func isProjectiveArc(h []int32, d int32) bool {
	n := int32(len(h))
	hd := h[d]
	lo, hi := d, hd
	if lo > hi {
		lo, hi = hi, lo
	}
	for k := lo + 1; k < hi; k++ {
		x := k
		for steps := int32(0); x != hd && x != n && steps <= n; steps++ {
			x = h[x]
		}
		if x != hd {
			return false
		}
	}
	return true
}
