package syntax

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/egret-events/egret/nlp"
)

// The embedded model scores on EWT dev exactly what `make models` recorded
// when it trained it: a stale or corrupt model cannot land.
func TestRecordedDevScores(t *testing.T) {
	dev := readTreebank(t, "dev")
	rec, err := os.ReadFile("model/scores.txt")
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, l := range strings.Split(string(rec), "\n") {
		if strings.HasPrefix(l, "UPOS ") {
			want = l
		}
	}
	got := ScoreLine(model(t).Evaluate(dev, nil))
	if got != want {
		t.Errorf("embedded model scores %q on EWT dev, model/scores.txt records %q: retrain with `make models`", got, want)
	}
}

// Raw-text scoring aligns words across different tokenisations as the
// CoNLL 2018 script does: identical spans, or forms inside multi-word
// tokens.
func TestAlignWords(t *testing.T) {
	gold, err := ReadCoNLLU(strings.NewReader(sample), "g")
	if err != nil {
		t.Fatal(err)
	}
	gw, gt, _ := goldAlignWords(gold)
	text := "I don't know."
	// the system splits do|n't the same way but also "know" + "."
	sys := []Sentence{{Words: []Word{
		{Form: "I", Start: 0, End: 1, Head: 2, Rel: Nsubj, UPOS: PRON},
		{Form: "do", Start: 2, End: 4, Head: 3, Rel: Aux, UPOS: AUX},
		{Form: "n't", Start: 4, End: 7, Head: 3, Rel: Advmod, UPOS: PART},
		{Form: "know", Start: 8, End: 12, Head: -1, Rel: Root, UPOS: VERB},
		{Form: ".", Start: 12, End: 13, Head: 3, Rel: Punct, UPOS: PUNCT},
	}}}
	sw, st, _ := systemAlignWords(text, sys)
	alignWords(gw, sw)
	for i := range gw {
		if gw[i].aligned != i {
			t.Errorf("gold word %d aligned to %d", i, gw[i].aligned)
		}
	}
	if f := spanF1(gt, st); f != 100 {
		t.Errorf("token F1 %.2f, want 100 (don't is one token on both sides)", f)
	}
	// a system that keeps "don't" whole aligns I, know and . only
	sys2 := []Sentence{{Words: []Word{
		{Form: "I", Start: 0, End: 1, Head: 2},
		{Form: "don't", Start: 2, End: 7, Head: 2},
		{Form: "know.", Start: 8, End: 13, Head: -1},
	}}}
	gw, _, _ = goldAlignWords(gold)
	sw, _, _ = systemAlignWords(text, sys2)
	alignWords(gw, sw)
	n := 0
	for _, g := range gw {
		if g.aligned >= 0 {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d words aligned, want 1 (I)", n)
	}
}

// XPOS accuracy on egret's hand-tagged news sentences (nlp/testdata), in
// egret's tag set: a news-domain check of a model trained on web text.
func TestNewsTags(t *testing.T) {
	m := model(t)
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		min  float64
	}{{"gold.tags", 95}, {"heldout.tags", 95}, {"heldout2.tags", 95}} {
		data, err := os.ReadFile("../nlp/testdata/" + tc.file)
		if err != nil {
			t.Fatal(err)
		}
		correct, total := 0, 0
		var s Sentence
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			var toks []nlp.Token
			var want []string
			pos := 0
			for _, f := range strings.Fields(line) {
				i := strings.LastIndexByte(f, '/')
				w := f[:i]
				toks = append(toks, nlp.Token{Text: w, Upper: p.Upper(w), Start: pos, End: pos + len(w)})
				want = append(want, f[i+1:])
				pos += len(w) + 1
			}
			m.ParseTokens(toks, &s)
			for i, w := range s.Words {
				total++
				if w.Tag.String() == want[i] {
					correct++
				}
			}
		}
		acc := 100 * float64(correct) / float64(total)
		t.Logf("%s: XPOS (egret tags) %.2f%% of %d tokens", tc.file, acc, total)
		if acc < tc.min {
			t.Errorf("%s: %.2f%%, want at least %.0f%%", tc.file, acc, tc.min)
		}
	}
}

// Training is reproducible: the same sentences and config give the same
// model bytes.
func TestTrainDeterministic(t *testing.T) {
	train := readTreebank(t, "train")[:100]
	lex, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultTrainConfig()
	cfg.TaggerEpochs, cfg.ParserEpochs, cfg.Folds, cfg.ExploreAfter = 2, 2, 2, 1
	var out [2][]byte
	for i := range out {
		m, err := Train(train, lex, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		out[i] = buf.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Fatalf("two trainings gave different models (%d and %d bytes)", len(out[0]), len(out[1]))
	}
	// and the tiny model works
	m, err := Decode(bytes.NewReader(out[0]), lex)
	if err != nil {
		t.Fatal(err)
	}
	sc := m.Evaluate(train[:50], nil)
	if sc.UPOS < 80 || sc.UAS < 50 {
		t.Errorf("tiny model scores %s on its own training sentences", ScoreLine(sc))
	}
	// and a damaged copy of it is an error, not a panic
	for _, cut := range []int{len(out[0]) / 2, len(out[0]) - 4} {
		if _, err := Decode(bytes.NewReader(out[0][:cut]), lex); err == nil {
			t.Errorf("model cut at %d of %d bytes decoded", cut, len(out[0]))
		}
	}
}
