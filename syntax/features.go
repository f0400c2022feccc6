package syntax

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/egret-events/egret/nlp"
)

// Stage: word features. Every word of a sentence is reduced once to a few
// 64-bit hashes (lower-cased form, form, affixes, shape, lexicon class)
// that the tagger's and parser's feature templates combine; no strings are
// built, so featurising allocates nothing.

// fnv64 hashes bytes (FNV-1a) and finishes with an avalanche so low bits
// are usable as table indexes.
func fnv64(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return fmix(h)
}

func fnvString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return fmix(h)
}

// fmix is MurmurHash3's 64-bit finaliser (a bijection).
func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

const (
	m1 = 0x9E3779B97F4A7C15
	m2 = 0xC2B2AE3D27D4EB4F
	m3 = 0x165667B19E3779F9
	m4 = 0x27D4EB2F165667C5
)

// Feature keys combine a template number with up to four values. Distinct
// templates never share keys (the template sits in the multiplier chain)
// and key 0 is reserved for empty table slots.
func key1(t uint64, a uint64) uint64 {
	return nonzero(fmix(t*m4 ^ a*m1))
}

func key2(t uint64, a, b uint64) uint64 {
	return nonzero(fmix(t*m4 ^ a*m1 ^ bits.RotateLeft64(b*m2, 21)))
}

func key3(t uint64, a, b, c uint64) uint64 {
	return nonzero(fmix(t*m4 ^ a*m1 ^ bits.RotateLeft64(b*m2, 21) ^ bits.RotateLeft64(c*m3, 42)))
}

func key4(t uint64, a, b, c, d uint64) uint64 {
	return nonzero(fmix(t*m4 ^ a*m1 ^ bits.RotateLeft64(b*m2, 21) ^ bits.RotateLeft64(c*m3, 42) ^ bits.RotateLeft64(d*m1, 11)))
}

func nonzero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// wordFeat is what the feature templates know about one word.
type wordFeat struct {
	lower  uint64    // lower-cased form, digits as 0
	form   uint64    // form as written, digits as 0
	pre    [3]uint64 // lower-cased prefixes of 1-3 characters
	suf    [4]uint64 // lower-cased suffixes of 1-4 characters
	shape  uint64    // Xx, XX, x-x, d.d ...
	lex    uint64    // the lexicon's tag set (nlp.TagSet), an ambiguity class
	lexTop uint64    // the lexicon's most frequent tag
	flags  uint64    // caps, digit, hyphen bits
}

const (
	fInitCap = 1 << iota
	fAllCaps
	fHasDigit
	fHasHyphen
	fHasLower
	fFirst // first word of the sentence
)

// Sentinel hashes for the positions before and after a sentence and the
// parser's root.
var (
	hashBOS  = fnvString("<s>")
	hashEOS  = fnvString("</s>")
	hashRoot = fnvString("<root>")
	hashNone = fnvString("<none>")
)

// featurizer turns forms into wordFeats with reusable buffers.
type featurizer struct {
	low   []byte
	shape []byte
	form  []byte
	runes []int // byte offset of each rune start in low
}

// normRune maps typographic variants to their ASCII forms so "’s" and
// "'s", "—" and "-" are one word, and digits to '0'.
func normRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	if r >= '0' && r <= '9' {
		return '0'
	}
	return r
}

// word fills wf for form, using the lexicon class from lex (nil: none).
func (fz *featurizer) word(form string, wf *wordFeat, lex *nlp.Pipeline, first bool) {
	fz.low, fz.shape, fz.form, fz.runes = fz.low[:0], fz.shape[:0], fz.form[:0], fz.runes[:0]
	var flags uint64
	nUpper, nLetter := 0, 0
	var lastClass byte
	for i := 0; i < len(form); {
		r, n := rune(form[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(form[i:])
		}
		i += n
		r = normRune(r)
		fz.runes = append(fz.runes, len(fz.low))
		var cls byte
		switch {
		case r == '0':
			cls = 'd'
			flags |= fHasDigit
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r):
			cls = 'X'
			nUpper++
			nLetter++
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLetter(r):
			cls = 'x'
			nLetter++
			flags |= fHasLower
		default:
			if r < utf8.RuneSelf {
				cls = byte(r)
			} else {
				cls = '*'
			}
			if r == '-' {
				flags |= fHasHyphen
			}
		}
		if cls != lastClass {
			fz.shape = append(fz.shape, cls)
			lastClass = cls
		}
		fz.form = utf8.AppendRune(fz.form, r)
		fz.low = utf8.AppendRune(fz.low, unicode.ToLower(r))
	}
	if nUpper > 0 && len(fz.shape) > 0 && fz.shape[0] == 'X' {
		flags |= fInitCap
	}
	if nLetter > 1 && nUpper == nLetter {
		flags |= fAllCaps
	}
	if first {
		flags |= fFirst
	}
	wf.lower = fnv64(fz.low)
	wf.form = fnv64(fz.form)
	wf.shape = fnv64(fz.shape)
	nr := len(fz.runes)
	for k := 1; k <= 3; k++ {
		if k <= nr {
			end := len(fz.low)
			if k < nr {
				end = fz.runes[k]
			}
			wf.pre[k-1] = fnv64(fz.low[:end])
		} else {
			wf.pre[k-1] = hashNone
		}
	}
	for k := 1; k <= 4; k++ {
		if k <= nr {
			wf.suf[k-1] = fnv64(fz.low[fz.runes[nr-k]:]) ^ 0x5bd1e995
		} else {
			wf.suf[k-1] = hashNone
		}
	}
	wf.flags = flags
	wf.lex, wf.lexTop = 0, 0
	if lex != nil {
		set, top := lex.LexiconTags(form)
		wf.lex, wf.lexTop = uint64(set)+1, uint64(top)+1
	}
}

// distBucket buckets a distance between words.
func distBucket(d int) uint64 {
	switch {
	case d < 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}
