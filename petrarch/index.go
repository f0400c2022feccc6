package petrarch

import "slices"

// MinStem is the shortest stem that matches by prefix: a stem word such as
// ARGENTIN matches ARGENTINA, but a short one such as ENT only matches ENT or
// ENTS, so that it does not swallow ENTIRE.
const MinStem = 5

// PhraseEntry is one indexed phrase and the entry it belongs to.
type PhraseEntry[T any] struct {
	Phrase Phrase
	Value  T
}

// PhraseIndex finds dictionary phrases in a word sequence by hashing the
// first word, so matching costs one or a few map look-ups per token.
type PhraseIndex[T any] struct {
	first map[string]*bucket[T] // first word (or short stem, and stem+S)
	stems map[string]*bucket[T] // first word is a stem of MinStem or more letters, keyed by its first MinStem letters
	n     int
	// filter is a bit set of the hashes of the keys of first and stems,
	// built by Finish: most tokens start no phrase, and the bit test
	// rejects them without touching the (large) maps.
	filter []uint64
	shift  uint
	mem    chunk[bucket[T]] // where new buckets come from
}

// bucket is the phrases under one key, longest first once Finish ran.
type bucket[T any] struct {
	all []PhraseEntry[T]
	// by2 sub-indexes a large exact bucket (INTERNATIONAL ..., MINISTER
	// ...): phrases whose second word is exact and adjacent, by that word;
	// the bucket's other phrases are in rest
	by2  map[string][]PhraseEntry[T]
	rest []PhraseEntry[T]
}

// keyHash is a cheap hash of a key for the filter: its length and first
// eight bytes (a collision only costs a map look-up).
func keyHash(s string) uint64 {
	v := uint64(len(s)) * 0x9E3779B97F4A7C15
	if len(s) >= 8 {
		v ^= uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	} else {
		for k := 0; k < len(s); k++ {
			v ^= uint64(s[k]) << (8 * k)
		}
	}
	return v * 0xBF58476D1CE4E5B9
}

func (x *PhraseIndex[T]) mayHave(s string) bool {
	h := keyHash(s) >> x.shift
	return x.filter[h>>6]&(1<<(h&63)) != 0
}

// NewPhraseIndex returns an empty index.
func NewPhraseIndex[T any]() *PhraseIndex[T] {
	return &PhraseIndex[T]{first: map[string]*bucket[T]{}, stems: map[string]*bucket[T]{}}
}

// Len is the number of phrases indexed.
func (x *PhraseIndex[T]) Len() int { return x.n }

// reserve sizes an empty index's first-word map for about n phrases, so
// it is not rebuilt as it grows.
func (x *PhraseIndex[T]) reserve(n int) {
	if len(x.first) == 0 {
		x.first = make(map[string]*bucket[T], n)
	}
}

// Add indexes one phrase; Finish must run after the last.
func (x *PhraseIndex[T]) Add(p Phrase, v T) {
	if len(p.Words) == 0 {
		return
	}
	x.n++
	x.filter = nil // until Finish runs again
	e := PhraseEntry[T]{Phrase: p, Value: v}
	switch w := p.Words[0]; {
	case p.Exact[0]:
		x.file(x.first, w, e)
	case len(w) >= MinStem:
		x.file(x.stems, w[:MinStem], e)
	default:
		x.file(x.first, w, e)
		x.file(x.first, w+"S", e)
	}
}

func (x *PhraseIndex[T]) file(m map[string]*bucket[T], k string, e PhraseEntry[T]) {
	b := m[k]
	if b == nil {
		b = &x.mem.take(1, 1024)[0]
		m[k] = b
	}
	b.all = append(b.all, e)
}

// bigBucket is the size from which an exact bucket is split by second word.
const bigBucket = 16

// Finish sorts every bucket longest phrase first, so the first match found
// is the longest.
func (x *PhraseIndex[T]) Finish() {
	for _, b := range x.stems {
		sortLongestFirst(b.all)
	}
	for _, b := range x.first {
		sortLongestFirst(b.all)
		b.by2, b.rest = nil, nil
		if len(b.all) < bigBucket {
			continue
		}
		b.by2 = map[string][]PhraseEntry[T]{}
		for _, e := range b.all {
			ph := &e.Phrase
			if len(ph.Words) >= 2 && ph.Exact[1] && (ph.Gap == nil || !ph.Gap[1]) {
				b.by2[ph.Words[1]] = append(b.by2[ph.Words[1]], e)
			} else {
				b.rest = append(b.rest, e)
			}
		}
	}
	// about 16 bits a key: few false positives, and small enough to stay
	// in cache
	bits := 64
	for bits < 16*(len(x.first)+len(x.stems)) {
		bits *= 2
	}
	x.shift = 64
	for b := bits; b > 1; b /= 2 {
		x.shift--
	}
	x.filter = make([]uint64, bits/64)
	for _, m := range []map[string]*bucket[T]{x.first, x.stems} {
		for k := range m {
			h := keyHash(k) >> x.shift
			x.filter[h>>6] |= 1 << (h & 63)
		}
	}
}

// sortLongestFirst sorts a bucket by phrase length, longest first,
// stably; most buckets hold a phrase or two.
func sortLongestFirst[T any](b []PhraseEntry[T]) {
	if len(b) > 12 {
		slices.SortStableFunc(b, func(x, y PhraseEntry[T]) int { return len(y.Phrase.Words) - len(x.Phrase.Words) })
		return
	}
	for i := 1; i < len(b); i++ {
		for j := i; j > 0 && len(b[j].Phrase.Words) > len(b[j-1].Phrase.Words); j-- {
			b[j], b[j-1] = b[j-1], b[j]
		}
	}
}

// WordMatches reports whether token t matches dictionary word w.
func WordMatches(t, w string, exact bool) bool {
	if t == w {
		return true
	}
	if exact {
		return false
	}
	if len(w) < MinStem {
		return len(t) == len(w)+1 && t[len(w)] == 'S' && t[:len(w)] == w
	}
	return len(t) > len(w) && t[:len(w)] == w
}

// MaxGap is how many words may come between two actor-phrase words
// written with a space.
const MaxGap = 2

// rest matches phrase words k.. from position p, returning the end.
func rest(words []string, p int, ph *Phrase, k int) int {
	if k == len(ph.Words) {
		return p
	}
	gap := 0
	if ph.Gap != nil && ph.Gap[k] {
		gap = MaxGap
	}
	for g := 0; g <= gap && p+g < len(words); g++ {
		if g > 0 {
			c := words[p+g-1]
			if c == "," || c == "." || c == ";" || c == ":" || c == "AND" || c == "OR" {
				break
			}
		}
		if WordMatches(words[p+g], ph.Words[k], ph.Exact[k]) {
			if e := rest(words, p+g+1, ph, k+1); e >= 0 {
				return e
			}
		}
	}
	return -1
}

// Match returns the longest phrase starting at words[i] and the number of
// words it spans (0 when none).
func (x *PhraseIndex[T]) Match(words []string, i int) (PhraseEntry[T], int) {
	var best PhraseEntry[T]
	bestN, bestEnd := 0, i
	sorted := x.filter != nil // else Finish has not run since the last Add
	try := func(b []PhraseEntry[T]) {
		for _, e := range b {
			n := len(e.Phrase.Words)
			if n <= bestN {
				if sorted {
					return // buckets are sorted longest first
				}
				continue
			}
			if i+n > len(words) {
				continue
			}
			if w0 := e.Phrase.Words[0]; !e.Phrase.Exact[0] && len(w0) >= MinStem && !WordMatches(words[i], w0, false) {
				continue // stem bucket: check the whole stem
			}
			end := -1
			if e.Phrase.Gap == nil {
				end = i + n
				for k := 1; k < n; k++ {
					if !WordMatches(words[i+k], e.Phrase.Words[k], e.Phrase.Exact[k]) {
						end = -1
						break
					}
				}
			} else {
				end = rest(words, i+1, &e.Phrase, 1)
			}
			if end >= 0 {
				best, bestN, bestEnd = e, n, end
				if sorted {
					return
				}
			}
		}
	}
	t := words[i]
	if !sorted || x.mayHave(t) {
		if bk := x.first[t]; bk != nil {
			if sorted && bk.by2 != nil {
				if i+1 < len(words) {
					if b, ok := bk.by2[words[i+1]]; ok {
						try(b)
					}
				}
				try(bk.rest)
			} else {
				try(bk.all)
			}
		}
	}
	if len(x.stems) > 0 && len(t) >= MinStem && (!sorted || x.mayHave(t[:MinStem])) {
		if bk := x.stems[t[:MinStem]]; bk != nil {
			try(bk.all)
		}
	}
	return best, bestEnd - i
}

// Each calls f for every indexed phrase (used by Check and Stats).
func (x *PhraseIndex[T]) Each(f func(PhraseEntry[T])) {
	for _, m := range []map[string]*bucket[T]{x.first, x.stems} {
		for k, b := range m {
			for _, e := range b.all {
				// short stems are indexed twice (W and W+S); report once
				if !e.Phrase.Exact[0] && len(e.Phrase.Words[0]) < MinStem && k != e.Phrase.Words[0] {
					continue
				}
				f(e)
			}
		}
	}
}
