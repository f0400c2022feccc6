package geo

import "bytes"

// prefixBitsLog sizes the prefix bit set: 2^20 bits (128 KB) hold the
// embedded gazetteer's ~48,000 proper word prefixes of multi-word names
// with about one false "may extend" in twenty.
const prefixBitsLog = 20

// mayExtend reports whether the folded words in key may begin a longer
// name ("new" of "new delhi", "uttar" of "uttar pradesh"). In case-less
// text no capital ends a name, so this is what stops the search for a
// longer one after a word or two instead of at the longest name's length.
// It may say yes wrongly, never no wrongly. The set is built the first
// time case-less text asks.
func (g *Gazetteer) mayExtend(key []byte) bool {
	g.prefixOnce.Do(g.buildPrefixes)
	h := keyHash(key) >> (64 - prefixBitsLog)
	return g.prefixes[h>>6]&(1<<(h&63)) != 0
}

func (g *Gazetteer) buildPrefixes() {
	bits := make([]uint64, 1<<prefixBitsLog/64)
	g.eachKey(func(key []byte, nm names) {
		if nm.count == 0 {
			return
		}
		for i := bytes.IndexByte(key, ' '); i > 0; {
			h := keyHash(key[:i]) >> (64 - prefixBitsLog)
			bits[h>>6] |= 1 << (h & 63)
			j := bytes.IndexByte(key[i+1:], ' ')
			if j < 0 {
				break
			}
			i += 1 + j
		}
	})
	g.prefixes = bits
}
