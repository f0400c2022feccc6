package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Words splits text into its normalised words: NFKC, lower case, letters
// and digits only; apostrophes inside a word are dropped ("Russia’s" and
// "Russia's" both give "russias"), every other character separates.
// Exact hashes and shingles are computed over these words, so spacing,
// punctuation, quote styles and case never make two copies differ.
func Words(text string) []string {
	text = norm.NFKC.String(text)
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	rs := []rune(text)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			// inside a word: skip
		default:
			flush()
		}
	}
	flush()
	return words
}

// NormalizeText returns the words of text joined by single spaces: the
// form exact content hashes are taken over.
func NormalizeText(text string) string { return strings.Join(Words(text), " ") }

// ContentHash returns the hex SHA-256 of the normalised text.
func ContentHash(text string) string { return hashWords(Words(text)) }

func hashWords(words []string) string {
	h := sha256.New()
	for i, w := range words {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return hex.EncodeToString(h.Sum(nil))
}
