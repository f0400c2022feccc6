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

// tableSize returns a power of two holding n keys at a load of at most
// 0.72: lookups of absent keys probe a few more slots, mostly in the same
// cache line, and the table takes half the cache a sparser one would.
func tableSize(n int) int {
	size := 16
	for float64(n) > 0.72*float64(size) {
		size <<= 1
	}
	return size
}

// placeSlots builds an open-addressing table of n slots, the j-th made by
// slot(j) and placed by its key with linear probing.
func placeSlots[S any](n int, slot func(j int) (uint64, S), empty func(S) bool) ([]S, uint64) {
	size := tableSize(n)
	mask := uint64(size - 1)
	slots := make([]S, size)
	for j := 0; j < n; j++ {
		k, s := slot(j)
		i := k & mask
		for !empty(slots[i]) {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	return slots, mask
}

// Slots are 8 bytes: a 32-bit check (the key's high half; the slot index
// comes from its low bits) and the payload. Most lookups miss the caches,
// so small slots and a first pass that touches every slot before probing
// (the loads then overlap) decide the speed.

// checkOf returns the slot check of key, never 0 (the empty mark).
func checkOf(key uint64) uint32 {
	c := uint32(key >> 32)
	if c == 0 {
		c = 1
	}
	return c
}

// sparseSlot holds a key's check and its row in ents: offset<<8 | length.
type sparseSlot struct {
	check uint32
	row   uint32
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

const maxRowOffset = 1<<24 - 1

// newSparseTable quantises averaged weights (row-major, ncls a row) into a
// table, dropping the prune share of features and those whose weights all
// round to zero.
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
			if off > maxRowOffset || n > 255 {
				panic("syntax: sparse table too large")
			}
			rows = append(rows, row{k, off, n})
		}
	}
	t.slots, t.mask = placeSlots(len(rows), func(j int) (uint64, sparseSlot) {
		r := rows[j]
		return r.key, sparseSlot{checkOf(r.key), r.off<<8 | r.cnt}
	}, func(s sparseSlot) bool { return s.check == 0 })
	return t
}

// addAll adds the weights of every feature to scores. Three passes: touch
// every slot, find every row and touch its entries, then add; the loads
// of each pass are independent, so their cache misses overlap.
func (t *sparseTable) addAll(keys []uint64, scores []int32, rows []uint32, sink *uint32) []uint32 {
	slots := t.slots
	var touch uint32
	for _, k := range keys {
		touch += slots[k&t.mask].check
	}
	rows = rows[:0]
	for _, k := range keys {
		c := checkOf(k)
		for i := k & t.mask; ; i = (i + 1) & t.mask {
			s := slots[i]
			if s.check == c {
				rows = append(rows, s.row)
				touch += t.ents[s.row>>8]
				break
			}
			if s.check == 0 {
				break
			}
		}
	}
	*sink += touch
	for _, r := range rows {
		off, n := r>>8, r&255
		for _, e := range t.ents[off : off+n] {
			scores[e>>16] += int32(int16(uint16(e)))
		}
	}
	return rows
}

// features returns the number of features kept.
func (t *sparseTable) features() int {
	return countUsed(t.slots, func(s sparseSlot) bool { return s.check != 0 })
}

func countUsed[S any](slots []S, used func(S) bool) int {
	n := 0
	for _, s := range slots {
		if used(s) {
			n++
		}
	}
	return n
}

// denseSlot holds a key's check and the weights of classes 1 and 2 minus
// that of class 0: the transition classifier only compares scores, so the
// three-class row fits two numbers.
type denseSlot struct {
	check uint32
	w     [2]int16
}

// denseTable is the transition classifier's three-class table.
type denseTable struct {
	ncls  int
	scale float32
	mask  uint64
	slots []denseSlot
}

func newDenseTable(ncls int, keys []uint64, w []float32, prune float32) *denseTable {
	if ncls != 3 {
		panic("syntax: dense table holds exactly 3 classes")
	}
	cut := pruneCut(ncls, w, prune)
	diff := make([]float32, 2*len(keys))
	for i := range keys {
		diff[2*i] = w[3*i+1] - w[3*i]
		diff[2*i+1] = w[3*i+2] - w[3*i]
	}
	scale := quantScale(diff)
	t := &denseTable{ncls: ncls, scale: scale}
	type kept struct {
		key uint64
		w   [2]int16
	}
	var rows []kept
	for i, k := range keys {
		if cut > 0 && rowMax(w, ncls, i) < cut {
			continue
		}
		r := kept{k, [2]int16{quantize(diff[2*i], scale), quantize(diff[2*i+1], scale)}}
		if r.w != [2]int16{} {
			rows = append(rows, r)
		}
	}
	t.slots, t.mask = placeSlots(len(rows), func(j int) (uint64, denseSlot) {
		return rows[j].key, denseSlot{checkOf(rows[j].key), rows[j].w}
	}, func(s denseSlot) bool { return s.check == 0 })
	return t
}

// addAll adds the weights of every feature to scores (class 0 stays 0).
func (t *denseTable) addAll(keys []uint64, scores *[4]int32, sink *uint32) {
	slots := t.slots
	var touch uint32
	for _, k := range keys {
		touch += slots[k&t.mask].check
	}
	*sink += touch
	var s1, s2 int32
	for _, k := range keys {
		c := checkOf(k)
		for i := k & t.mask; ; i = (i + 1) & t.mask {
			s := slots[i]
			if s.check == c {
				s1 += int32(s.w[0])
				s2 += int32(s.w[1])
				break
			}
			if s.check == 0 {
				break
			}
		}
	}
	scores[1] += s1
	scores[2] += s2
}

func (t *denseTable) features() int {
	return countUsed(t.slots, func(s denseSlot) bool { return s.check != 0 })
}
