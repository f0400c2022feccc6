package syntax

import (
	"math"
	"slices"
)

// Stage: the classifiers' weights. Training keeps an averaged perceptron
// in Go maps with exact integer arithmetic (so training is reproducible
// bit for bit); the trained weights are quantised to int16 and packed into
// open-addressing tables whose layout is also the file format, so loading
// is a copy and scoring a few cache-friendly probes per feature.

// avgPerceptron is a multi-class averaged perceptron under training.
// Weights move by ±1, so the running weights and their time-weighted sums
// are integers and the average is exact.
type avgPerceptron struct {
	ncls  int
	index map[uint64]int32 // feature key → row
	keys  []uint64
	w     []int32 // current weights, row-major
	tot   []int64 // sum over past steps of each weight
	ts    []int32 // step of each weight's last change
	step  int32   // training instances seen
}

func newAvgPerceptron(ncls int) *avgPerceptron {
	return &avgPerceptron{ncls: ncls, index: make(map[uint64]int32, 1<<16)}
}

// score adds the current weights of feats to out (len ncls).
func (p *avgPerceptron) score(feats []uint64, out []int64) {
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			continue
		}
		row := p.w[int(r)*p.ncls : int(r+1)*p.ncls]
		for c, v := range row {
			out[c] += int64(v)
		}
	}
}

// tick counts one training instance (the averaging clock).
func (p *avgPerceptron) tick() { p.step++ }

// update moves the weights of feats by delta for class c.
func (p *avgPerceptron) update(feats []uint64, c int, delta int32) {
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			r = int32(len(p.keys))
			p.index[f] = r
			p.keys = append(p.keys, f)
			p.w = append(p.w, make([]int32, p.ncls)...)
			p.tot = append(p.tot, make([]int64, p.ncls)...)
			p.ts = append(p.ts, make([]int32, p.ncls)...)
		}
		i := int(r)*p.ncls + c
		p.tot[i] += int64(p.step-p.ts[i]) * int64(p.w[i])
		p.ts[i] = p.step
		p.w[i] += delta
	}
}

// averaged returns the keys (sorted) and their averaged weights.
func (p *avgPerceptron) averaged() ([]uint64, []float32) {
	order := make([]int32, len(p.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		ka, kb := p.keys[a], p.keys[b]
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	keys := make([]uint64, len(order))
	w := make([]float32, len(order)*p.ncls)
	steps := float64(p.step)
	if steps == 0 {
		steps = 1
	}
	for j, r := range order {
		keys[j] = p.keys[r]
		for c := 0; c < p.ncls; c++ {
			i := int(r)*p.ncls + c
			tot := p.tot[i] + int64(p.step-p.ts[i])*int64(p.w[i])
			w[j*p.ncls+c] = float32(float64(tot) / steps)
		}
	}
	return keys, w
}

// prune is the share of features dropped, those whose largest weight is
// smallest: it trades a little accuracy for a smaller, faster model.

// pruneCut returns the magnitude under which a feature's largest weight
// drops it, so that about share of the features go.
func pruneCut(ncls int, w []float32, share float32) float32 {
	if share <= 0 {
		return 0
	}
	n := len(w) / ncls
	mx := make([]float32, n)
	for i := range mx {
		for c := 0; c < ncls; c++ {
			v := w[i*ncls+c]
			if v < 0 {
				v = -v
			}
			mx[i] = max(mx[i], v)
		}
	}
	slices.Sort(mx)
	k := int(float32(n) * share)
	if k >= n {
		k = n - 1
	}
	return mx[k]
}

// rowMax returns the largest weight magnitude of row i.
func rowMax(w []float32, ncls, i int) float32 {
	var m float32
	for c := 0; c < ncls; c++ {
		v := w[i*ncls+c]
		if v < 0 {
			v = -v
		}
		m = max(m, v)
	}
	return m
}

// quantScale picks the scale that maps weights to int16: the largest
// weight magnitude, so none is clipped. Weights under half a step become 0
// and their features are dropped, which prunes the model.
func quantScale(w []float32) float32 {
	var m float32
	for _, v := range w {
		if v < 0 {
			v = -v
		}
		if v > m {
			m = v
		}
	}
	if m == 0 {
		return 1
	}
	return m / 32767
}

func quantize(v, scale float32) int16 {
	q := math.Round(float64(v / scale))
	if q > 32767 {
		q = 32767
	} else if q < -32767 {
		q = -32767
	}
	return int16(q)
}

// tableSize returns a power of two at least twice n.
func tableSize(n int) int {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return size
}

// sparseSlot holds a feature key and where its row lives in ents.
type sparseSlot struct {
	key uint64
	off uint32
	n   uint32
}

// sparseTable maps feature keys to sparse rows of (class, weight) pairs:
// most features carry weight for a few classes only.
type sparseTable struct {
	ncls  int
	scale float32
	mask  uint64
	slots []sparseSlot
	ents  []uint32 // class<<16 | uint16(weight)
}

// newSparseTable quantises averaged weights (row-major, ncls a row) into a
// table, dropping features whose weights all round to zero.
func newSparseTable(ncls int, keys []uint64, w []float32, prune float32) *sparseTable {
	scale := quantScale(w)
	cut := pruneCut(ncls, w, prune)
	t := &sparseTable{ncls: ncls, scale: scale}
	type row struct {
		key      uint64
		off, cnt uint32
	}
	rows := make([]row, 0, len(keys))
	for i, k := range keys {
		if cut > 0 && rowMax(w, ncls, i) < cut {
			continue
		}
		off := uint32(len(t.ents))
		for c := 0; c < ncls; c++ {
			if q := quantize(w[i*ncls+c], scale); q != 0 {
				t.ents = append(t.ents, uint32(c)<<16|uint32(uint16(q)))
			}
		}
		if n := uint32(len(t.ents)) - off; n > 0 {
			rows = append(rows, row{k, off, n})
		}
	}
	size := tableSize(len(rows))
	t.mask = uint64(size - 1)
	t.slots = make([]sparseSlot, size)
	for _, r := range rows {
		i := r.key & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = sparseSlot{r.key, r.off, r.cnt}
	}
	return t
}

// add adds the weights of feature key to scores.
func (t *sparseTable) add(key uint64, scores []int32) {
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == key {
			for _, e := range t.ents[s.off : s.off+s.n] {
				scores[e>>16] += int32(int16(uint16(e)))
			}
			return
		}
		if s.key == 0 {
			return
		}
	}
}

// features returns the number of features kept.
func (t *sparseTable) features() int {
	n := 0
	for _, s := range t.slots {
		if s.key != 0 {
			n++
		}
	}
	return n
}

// denseSlot holds a feature key and its weights for up to four classes in
// 16 bytes, four slots to a cache line.
type denseSlot struct {
	key uint64
	w   [4]int16
}

// denseTable is the transition classifier's table: few classes, every
// feature in one probe.
type denseTable struct {
	ncls  int
	scale float32
	mask  uint64
	slots []denseSlot
}

func newDenseTable(ncls int, keys []uint64, w []float32, prune float32) *denseTable {
	cut := pruneCut(ncls, w, prune)
	if ncls > 4 {
		panic("syntax: dense table holds at most 4 classes")
	}
	scale := quantScale(w)
	t := &denseTable{ncls: ncls, scale: scale}
	var kept []denseSlot
	for i, k := range keys {
		if cut > 0 && rowMax(w, ncls, i) < cut {
			continue
		}
		s := denseSlot{key: k}
		nz := false
		for c := 0; c < ncls; c++ {
			s.w[c] = quantize(w[i*ncls+c], scale)
			nz = nz || s.w[c] != 0
		}
		if nz {
			kept = append(kept, s)
		}
	}
	size := tableSize(len(kept))
	t.mask = uint64(size - 1)
	t.slots = make([]denseSlot, size)
	for _, s := range kept {
		i := s.key & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
	}
	return t
}

// add adds the weights of feature key to scores.
func (t *denseTable) add(key uint64, scores *[4]int32) {
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == key {
			scores[0] += int32(s.w[0])
			scores[1] += int32(s.w[1])
			scores[2] += int32(s.w[2])
			scores[3] += int32(s.w[3])
			return
		}
		if s.key == 0 {
			return
		}
	}
}

func (t *denseTable) features() int {
	n := 0
	for _, s := range t.slots {
		if s.key != 0 {
			n++
		}
	}
	return n
}
