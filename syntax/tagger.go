package syntax

// Stage: part-of-speech tagging. Reads the sentence's wordFeats, writes
// one (UPOS, XPOS) class per word. A greedy left-to-right averaged
// perceptron over word, affix, shape and lexicon-class features of a
// five-word window and the two previous tags.

// tagClass is one joint (UPOS, XPOS) tag, the tagger's unit of prediction.
type tagClass struct {
	UPOS UPOS
	XPOS XPOS
}

// pad is how many sentinel positions precede and follow the words in a
// padded wordFeat slice.
const pad = 2

// padSentinels fills the sentinel positions of a padded slice of n words.
func padSentinels(wf []wordFeat, n int) {
	for _, i := range [...]int{0, 1, n + pad, n + pad + 1} {
		h := hashBOS
		if i >= n+pad {
			h = hashEOS
		}
		wf[i] = wordFeat{lower: h, form: h, shape: h, pre: [3]uint64{h, h, h}, suf: [4]uint64{h, h, h, h}, lex: h, lexTop: h}
	}
}

// Tagger feature templates.
const (
	ttBias uint64 = iota + 1
	ttLower
	ttForm
	ttPre1
	ttPre2
	ttPre3
	ttSuf1
	ttSuf2
	ttSuf3
	ttSuf4
	ttShape
	ttLex
	ttLexTop
	ttFlags
	ttLowerM1
	ttLowerP1
	ttLowerM2
	ttLowerP2
	ttSuf3M1
	ttSuf3P1
	ttP1
	ttP2
	ttP1P2
	ttP1Lower
	ttLowerM1Lower
	ttLowerLowerP1
	ttLexTag
	ttLexM1
	ttLexLexP1
	ttShapeP1
	ttShapeM1
	ttLexNext
	ttSuf3P1Tag
	ttLowerP1P2
	ttP1P2Lower
	ttLexM1Lex
	ttSuf2P1
	ttLowerSuf2Next
)

// tagFeatures appends the features of word i (0-based) of a padded
// wordFeat slice, given the classes of the two previous words (class+1,
// 0 before the sentence): the word's own features, then those of its
// context.
func tagFeatures(wf []wordFeat, i int, p1, p2 uint64, out []uint64) []uint64 {
	out = wordTagFeatures(&wf[i+pad], out)
	return contextTagFeatures(wf, i, p1, p2, out)
}

// numWordTagFeatures is how many features wordTagFeatures appends.
const numWordTagFeatures = 14

// wordTagFeatures appends the features of the word alone: they are the
// same wherever the word stands, so the tagger caches their scores
// (tagCache).
func wordTagFeatures(w *wordFeat, out []uint64) []uint64 {
	return append(out,
		key1(ttBias, 0),
		key1(ttLower, w.lower),
		key1(ttForm, w.form),
		key1(ttPre1, w.pre[0]),
		key1(ttPre2, w.pre[1]),
		key1(ttPre3, w.pre[2]),
		key1(ttSuf1, w.suf[0]),
		key1(ttSuf2, w.suf[1]),
		key1(ttSuf3, w.suf[2]),
		key1(ttSuf4, w.suf[3]),
		key1(ttShape, w.shape),
		key1(ttLex, w.lex),
		key1(ttLexTop, w.lexTop),
		key1(ttFlags, w.flags),
	)
}

// contextTagFeatures appends the features of word i in its sentence: its
// neighbours and the previous tags.
func contextTagFeatures(wf []wordFeat, i int, p1, p2 uint64, out []uint64) []uint64 {
	w := &wf[i+pad]
	m1w, m2w := &wf[i+pad-1], &wf[i+pad-2]
	p1w, p2w := &wf[i+pad+1], &wf[i+pad+2]
	return append(out,
		key1(ttLowerM1, m1w.lower),
		key1(ttLowerP1, p1w.lower),
		key1(ttLowerM2, m2w.lower),
		key1(ttLowerP2, p2w.lower),
		key1(ttSuf3M1, m1w.suf[2]),
		key1(ttSuf3P1, p1w.suf[2]),
		key1(ttP1, p1),
		key1(ttP2, p2),
		key2(ttP1P2, p1, p2),
		key2(ttP1Lower, p1, w.lower),
		key2(ttLowerM1Lower, m1w.lower, w.lower),
		key2(ttLowerLowerP1, w.lower, p1w.lower),
		key2(ttLexTag, w.lex, p1),
		key1(ttLexM1, m1w.lex),
		key2(ttLexLexP1, w.lex, p1w.lex),
		key1(ttShapeP1, p1w.shape),
		key1(ttShapeM1, m1w.shape),
		key1(ttLexNext, p1w.lex),
		key2(ttSuf3P1Tag, w.suf[2], p1),
		key2(ttLowerP1P2, p1w.lower, p2w.lower),
		key3(ttP1P2Lower, p1, p2, w.lower),
		key2(ttLexM1Lex, m1w.lex, w.lex),
		key2(ttSuf2P1, w.suf[1], p1w.lower),
		key2(ttLowerSuf2Next, w.lower, p1w.suf[1]),
	)
}

// Second-pass templates: the first pass's tags of the word and the words
// after it, which a left-to-right pass cannot see.
const (
	tt2Self uint64 = iota + 100
	tt2N1
	tt2N1N2
	tt2LowerN1
	tt2P1N1
	tt2SelfN1
	tt2SelfLower
	tt2M1Self
)

// tagFeatures2 appends the second pass's features: the first pass's plus
// its tags c (class+1 per word) around word i.
func tagFeatures2(wf []wordFeat, i int, p1, p2 uint64, c []uint8, out []uint64) []uint64 {
	out = wordTagFeatures(&wf[i+pad], out)
	return contextTagFeatures2(wf, i, p1, p2, c, out)
}

// contextTagFeatures2 is contextTagFeatures with the first pass's tags.
func contextTagFeatures2(wf []wordFeat, i int, p1, p2 uint64, c []uint8, out []uint64) []uint64 {
	out = contextTagFeatures(wf, i, p1, p2, out)
	w := &wf[i+pad]
	self := uint64(c[i]) + 1
	n1, n2 := uint64(254), uint64(254)
	if i+1 < len(c) {
		n1 = uint64(c[i+1]) + 1
		if i+2 < len(c) {
			n2 = uint64(c[i+2]) + 1
		}
	}
	return append(out,
		key1(tt2Self, self),
		key1(tt2N1, n1),
		key2(tt2N1N2, n1, n2),
		key2(tt2LowerN1, w.lower, n1),
		key2(tt2P1N1, p1, n1),
		key2(tt2SelfN1, self, n1),
		key2(tt2SelfLower, self, w.lower),
		key2(tt2M1Self, p1, self),
	)
}
