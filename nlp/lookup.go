package nlp

// TagSet is a set of tags as a bit mask (every Tag is below 64).
type TagSet uint64

// Has reports whether t is in the set.
func (s TagSet) Has(t Tag) bool { return s&(1<<t) != 0 }

// LexiconTags returns the tags the lexicon (WordNet plus closed.txt) lists
// for word, in any case and unnormalised, and the most frequent of them; an
// unknown word gives an empty set and X. Statistical taggers use it as an
// ambiguity class for words their training text never showed. It does not
// allocate.
func (p *Pipeline) LexiconTags(word string) (TagSet, Tag) {
	var b [64]byte
	e := p.lookupUpper(word, b[:0])
	if e == nil {
		return 0, X
	}
	var s TagSet
	for i := 0; i < int(e.n); i++ {
		s |= 1 << e.tags[i]
	}
	return s, e.tags[0]
}

// Upper returns the normalised upper-case form of word, as Token.Upper
// holds it; words the lexicon knows come back interned, without allocating.
func (p *Pipeline) Upper(word string) string {
	var b [64]byte
	up, _, _ := p.upper(word, b[:0])
	return up
}

// lookupUpper finds the lexicon entry of word's normalised upper case form.
func (p *Pipeline) lookupUpper(word string, buf []byte) *entry {
	_, e, _ := p.upper(word, buf)
	return e
}
