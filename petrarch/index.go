package petrarch

import "sort"

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
	exact map[string][]PhraseEntry[T] // first word (or short stem, and stem+S)
	stems map[string][]PhraseEntry[T] // first word is a stem of MinStem or more letters, keyed by its first MinStem letters
	// second-word sub-index of large buckets (INTERNATIONAL ..., MINISTER
	// ...): phrases whose second word is exact and adjacent, by that word;
	// the other phrases of the bucket stay in rest
	by2  map[string]map[string][]PhraseEntry[T]
	rest map[string][]PhraseEntry[T]
	n    int
	// first merges exact, by2 and rest (built by Finish) so that a token
	// costs one map look-up, and filter is a bit set of the hashes of its
	// keys and of the stem keys: most tokens start no phrase, and the bit
	// test rejects them without touching the (large) maps.
	first  map[string]*bucket[T]
	filter []uint64
	shift  uint
}

// bucket is the phrases whose first word is one exact key.
type bucket[T any] struct {
	all  []PhraseEntry[T]            // longest first; nil when by2 is set
	by2  map[string][]PhraseEntry[T] // see PhraseIndex.by2
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
	return &PhraseIndex[T]{exact: map[string][]PhraseEntry[T]{}, stems: map[string][]PhraseEntry[T]{}}
}

// Len is the number of phrases indexed.
func (x *PhraseIndex[T]) Len() int { return x.n }

// Add indexes one phrase.
func (x *PhraseIndex[T]) Add(p Phrase, v T) {
	if len(p.Words) == 0 {
		return
	}
	x.n++
	x.first, x.filter = nil, nil // until Finish runs again
	e := PhraseEntry[T]{Phrase: p, Value: v}
	w := p.Words[0]
	if p.Exact[0] {
		x.exact[w] = append(x.exact[w], e)
		return
	}
	if len(w) >= MinStem {
		x.stems[w[:MinStem]] = append(x.stems[w[:MinStem]], e)
		return
	}
	x.exact[w] = append(x.exact[w], e)
	x.exact[w+"S"] = append(x.exact[w+"S"], e)
}

// Finish sorts every bucket longest phrase first, so the first match found
// is the longest.
func (x *PhraseIndex[T]) Finish() {
	for _, m := range []map[string][]PhraseEntry[T]{x.exact, x.stems} {
		for _, b := range m {
			sortLongestFirst(b)
		}
	}
	x.by2 = map[string]map[string][]PhraseEntry[T]{}
	x.rest = map[string][]PhraseEntry[T]{}
	for k, b := range x.exact {
		if len(b) < 16 {
			continue
		}
		sub := map[string][]PhraseEntry[T]{}
		var rest []PhraseEntry[T]
		for _, e := range b {
			ph := &e.Phrase
			if len(ph.Words) >= 2 && ph.Exact[1] && (ph.Gap == nil || !ph.Gap[1]) {
				sub[ph.Words[1]] = append(sub[ph.Words[1]], e)
			} else {
				rest = append(rest, e)
			}
		}
		x.by2[k] = sub
		x.rest[k] = rest
	}
	x.first = make(map[string]*bucket[T], len(x.exact))
	bs := make([]bucket[T], len(x.exact)) // one allocation for all
	for k, b := range x.exact {
		bk := &bs[0]
		bs = bs[1:]
		if sub, ok := x.by2[k]; ok {
			*bk = bucket[T]{by2: sub, rest: x.rest[k]}
		} else {
			*bk = bucket[T]{all: b}
		}
		x.first[k] = bk
	}
	// about 16 bits a key: few false positives, and small enough to stay
	// in cache
	bits := 64
	for bits < 16*(len(x.exact)+len(x.stems)) {
		bits *= 2
	}
	x.shift = 64
	for b := bits; b > 1; b /= 2 {
		x.shift--
	}
	x.filter = make([]uint64, bits/64)
	for _, m := range []map[string][]PhraseEntry[T]{x.exact, x.stems} {
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
		sort.SliceStable(b, func(i, j int) bool { return len(b[i].Phrase.Words) > len(b[j].Phrase.Words) })
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
	try := func(b []PhraseEntry[T]) {
		for _, e := range b {
			n := len(e.Phrase.Words)
			if n <= bestN {
				return // buckets are sorted longest first
			}
			if i+n > len(words) {
				continue
			}
			if w0 := e.Phrase.Words[0]; !e.Phrase.Exact[0] && len(w0) >= MinStem && !WordMatches(words[i], w0, false) {
				continue // stem bucket: check the whole stem
			}
			if e.Phrase.Gap == nil {
				ok := true
				for k := 1; k < n; k++ {
					if !WordMatches(words[i+k], e.Phrase.Words[k], e.Phrase.Exact[k]) {
						ok = false
						break
					}
				}
				if ok {
					best, bestN, bestEnd = e, n, i+n
					return
				}
				continue
			}
			if end := rest(words, i+1, &e.Phrase, 1); end >= 0 {
				best, bestN, bestEnd = e, n, end
				return
			}
		}
	}
	t := words[i]
	if x.filter != nil {
		if x.mayHave(t) {
			if bk := x.first[t]; bk != nil {
				if bk.by2 != nil {
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
		if len(x.stems) > 0 && len(t) >= MinStem && x.mayHave(t[:MinStem]) {
			if b, ok := x.stems[t[:MinStem]]; ok {
				try(b)
			}
		}
		return best, bestEnd - i
	}
	if sub, ok := x.by2[t]; ok {
		if i+1 < len(words) {
			if b, ok := sub[words[i+1]]; ok {
				try(b)
			}
		}
		try(x.rest[t])
	} else if b, ok := x.exact[t]; ok {
		try(b)
	}
	if len(x.stems) > 0 && len(t) >= MinStem {
		if b, ok := x.stems[t[:MinStem]]; ok {
			try(b)
		}
	}
	return best, bestEnd - i
}

// Each calls f for every indexed phrase (used by Check and Stats).
func (x *PhraseIndex[T]) Each(f func(PhraseEntry[T])) {
	for _, m := range []map[string][]PhraseEntry[T]{x.exact, x.stems} {
		for k, b := range m {
			for _, e := range b {
				// short stems are indexed twice (W and W+S); report once
				if !e.Phrase.Exact[0] && len(e.Phrase.Words[0]) < MinStem && k != e.Phrase.Words[0] {
					continue
				}
				f(e)
			}
		}
	}
}
