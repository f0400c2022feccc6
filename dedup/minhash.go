package dedup

import (
	"math"
	"sort"
)

// Near-duplicates. A text's word shingles (ShingleWords consecutive
// normalised words) form a set; two texts resemble each other by the
// Jaccard index of their sets. A MinHash signature of SignatureSize
// minima estimates it (Similarity), and the signature split into Bands
// bands of Rows minima gives band keys: texts sharing any key are the
// candidates a store looks up, so a lookup reads a few rows instead of
// comparing every text. With 16 bands of 4 rows a pair at resemblance
// 0.7 shares a key with probability 1-(1-0.7⁴)¹⁶ ≈ 0.99, at 0.5 ≈ 0.64
// and at 0.1 ≈ 0.002.
//
// NearThreshold is the resemblance from which a text is linked to the
// earlier one as a near-duplicate. Wire copy re-run with a new headline,
// dateline, credit line, a trimmed last paragraph and a few words
// changed resemble their first copy at 0.77 or more on all 89 VOA
// stories, while the closest two distinct stories (a follow-up of the
// same attack, sharing background paragraphs) reach 0.30
// (TestNearThresholdVOA).
const (
	ShingleWords  = 3
	SignatureSize = 64
	Rows          = 4
	Bands         = SignatureSize / Rows
	NearThreshold = 0.6
)

// Signature is a MinHash signature: the least hash of the text's
// shingles under each of SignatureSize hash functions. A text with no
// words has a nil signature, which resembles nothing.
type Signature []uint32

// seeds are the per-function salts, fixed: signatures are stored and
// compared across runs and machines.
var seeds = func() [SignatureSize]uint64 {
	var s [SignatureSize]uint64
	x := uint64(0x5eed_e9e7_0000_0001)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

// mix64 is the splitmix64 finaliser: a fast bijective 64-bit mixer.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// fnv64 is FNV-1a over a word: stable across processes, unlike maphash.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Shingles returns the hashes of the text's word shingles, deduplicated.
func Shingles(words []string) []uint64 {
	if len(words) == 0 {
		return nil
	}
	wh := make([]uint64, len(words))
	for i, w := range words {
		wh[i] = fnv64(w)
	}
	n := len(words) - ShingleWords + 1
	if n < 1 {
		n = 1
	}
	seen := make(map[uint64]struct{}, n)
	out := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		h := uint64(0)
		for j := i; j < i+ShingleWords && j < len(wh); j++ {
			h = mix64(h ^ wh[j]) // order-sensitive
		}
		if _, dup := seen[h]; !dup {
			seen[h] = struct{}{}
			out = append(out, h)
		}
	}
	return out
}

// Sign returns the MinHash signature of text.
func Sign(text string) Signature { return SignWords(Words(text)) }

// SignWords returns the MinHash signature of already split words.
func SignWords(words []string) Signature {
	sh := Shingles(words)
	if len(sh) == 0 {
		return nil
	}
	sig := make(Signature, SignatureSize)
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, h := range sh {
		for i, s := range seeds {
			if v := uint32(mix64(h^s) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard resemblance of the texts behind two
// signatures: the fraction of minima they share.
func Similarity(a, b Signature) float64 {
	if len(a) != SignatureSize || len(b) != SignatureSize {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / SignatureSize
}

// BandKeys returns the LSH band keys of a signature (nil for nil): the
// keys under which a store indexes a text and looks up its candidates.
// The band number is mixed in, so keys of different bands never meet.
func (s Signature) BandKeys() []uint64 {
	if len(s) != SignatureSize {
		return nil
	}
	keys := make([]uint64, Bands)
	for b := range keys {
		h := mix64(uint64(b) + 0x6a09e667f3bcc909)
		for _, v := range s[b*Rows : (b+1)*Rows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// Match is a text found similar to the one looked up.
type Match struct {
	ID         string
	Similarity float64
}

// Index is an in-memory near-duplicate index: band keys to the texts
// holding them. Stores keep the same keys in a table; the index serves
// tests, benchmarks and one-process use. It is not safe for concurrent
// use.
type Index struct {
	ids   []string
	sigs  []Signature
	bands map[uint64][]int32
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{bands: map[uint64][]int32{}} }

// Len returns the number of texts indexed.
func (x *Index) Len() int { return len(x.ids) }

// Add indexes a text's signature under id.
func (x *Index) Add(id string, sig Signature) {
	keys := sig.BandKeys()
	if keys == nil {
		return
	}
	n := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.sigs = append(x.sigs, sig)
	for _, k := range keys {
		x.bands[k] = append(x.bands[k], n)
	}
}

// Near returns the indexed texts resembling sig at threshold or more,
// most similar first.
func (x *Index) Near(sig Signature, threshold float64) []Match {
	var out []Match
	seen := map[int32]bool{}
	for _, k := range sig.BandKeys() {
		for _, n := range x.bands[k] {
			if seen[n] {
				continue
			}
			seen[n] = true
			if s := Similarity(sig, x.sigs[n]); s >= threshold {
				out = append(out, Match{x.ids[n], s})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Similarity != out[j].Similarity {
			return out[i].Similarity > out[j].Similarity
		}
		return out[i].ID < out[j].ID
	})
	return out
}
