package syntax

import (
	"slices"
	"testing"
)

// referenceTags tags wf as the tagger did before the word cache: every
// feature looked up for every word in both passes.
func referenceTags(m *Model, wf []wordFeat, n int) []uint8 {
	cls := make([]uint8, n)
	scores := make([]int32, len(m.classes))
	var feats []uint64
	var rows []uint32
	var sink uint32
	pass := func(t *sparseTable, first []uint8) {
		var p1, p2 uint64
		for i := range cls {
			if c, ok := m.tagDict[wf[i+pad].form]; ok {
				cls[i] = c
				p2, p1 = p1, uint64(c)+1
				continue
			}
			if first != nil {
				feats = tagFeatures2(wf, i, p1, p2, first, feats[:0])
			} else {
				feats = tagFeatures(wf, i, p1, p2, feats[:0])
			}
			clear(scores)
			rows = t.addAll(feats, scores, rows, &sink)
			best := argmax(scores)
			cls[i] = uint8(best)
			p2, p1 = p1, uint64(best)+1
		}
	}
	pass(m.tagger, nil)
	if m.tagger2 != nil {
		pass(m.tagger2, slices.Clone(cls))
	}
	return cls
}

// TestTagCacheExact checks that the word cache changes no tag: the VOA
// stories have more distinct words than the cache has slots, so words
// evict each other too.
func TestTagCacheExact(t *testing.T) {
	m := model(t)
	sents := voaTokens(t)
	sc := m.getScratch()
	defer m.putScratch(sc)
	words, differ := 0, 0
	for _, toks := range sents {
		n := len(toks)
		wf := make([]wordFeat, n+2*pad)
		padSentinels(wf, n)
		for i, tk := range toks {
			sc.fz.word(tk.Text, &wf[i+pad], m.lex, i == 0)
		}
		cls := make([]uint8, n)
		m.tagWords(sc, wf, cls)
		want := referenceTags(m, wf, n)
		words += n
		for i := range cls {
			if cls[i] != want[i] {
				differ++
				if differ <= 5 {
					t.Errorf("%q: cached tag %v, uncached %v", toks[i].Text, m.classes[cls[i]], m.classes[want[i]])
				}
			}
		}
	}
	if words < 10000 {
		t.Fatalf("only %d words tagged", words)
	}
	if differ > 0 {
		t.Errorf("%d of %d words tagged differently with the cache", differ, words)
	}
}
