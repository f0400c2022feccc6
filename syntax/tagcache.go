package syntax

// Stage: the tagger's word cache. Reads a word's wordFeat, writes the part
// of its tag scores that comes from the word alone (wordTagFeatures), for
// both passes. A third of the tagger's features depend on nothing but the
// word, and the commonest words recur in every sentence, so summing those
// weights once per word (not once per occurrence and pass) saves most of
// their table probes. Integer sums make the cached scores exactly the
// uncached ones.

// tagCacheSlots is the number of cached words per scratch: a power of two,
// enough for the frequent words of news text (each slot holds two rows of
// scores, about 700 bytes with EWT's 88 classes).
const tagCacheSlots = 4096

// wordKey is everything wordTagFeatures reads from a wordFeat, so equal
// keys give equal features.
type wordKey struct {
	form, lex, lexTop, flags uint64
}

func keyOf(w *wordFeat) wordKey {
	return wordKey{w.form, w.lex, w.lexTop, w.flags}
}

// tagCache is a direct-mapped cache from words to their word-alone scores
// in pass 1 and pass 2; a new word takes over its slot.
type tagCache struct {
	ncls int
	used []bool
	keys []wordKey
	vals []int32 // slot*2*ncls: pass 1's scores, then pass 2's
}

// scores returns the word-alone scores of w for pass (0 or 1), computing
// both passes' on a miss (t1 and t2 are the passes' tables; t2 may be nil).
func (c *tagCache) scores(sc *scratch, w *wordFeat, pass int, t1, t2 *sparseTable) []int32 {
	ncls := t1.ncls
	if c.ncls != ncls {
		c.ncls = ncls
		c.used = make([]bool, tagCacheSlots)
		c.keys = make([]wordKey, tagCacheSlots)
		c.vals = make([]int32, tagCacheSlots*2*ncls)
	}
	k := keyOf(w)
	slot := int(fmix(k.form^k.lex*m1^k.lexTop*m2^k.flags*m3) & (tagCacheSlots - 1))
	row := c.vals[slot*2*ncls : (slot+1)*2*ncls]
	if !c.used[slot] || c.keys[slot] != k {
		c.used[slot], c.keys[slot] = true, k
		sc.feats = wordTagFeatures(w, sc.feats[:0])
		clear(row)
		sc.rows = t1.addAll(sc.feats, row[:ncls], sc.rows, &sc.sink)
		if t2 != nil {
			sc.rows = t2.addAll(sc.feats, row[ncls:], sc.rows, &sc.sink)
		}
	}
	return row[pass*ncls : (pass+1)*ncls]
}
