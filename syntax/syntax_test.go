package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/nlp"
)

func model(tb testing.TB) *Model {
	tb.Helper()
	m, err := Load()
	if err != nil {
		tb.Fatalf("load the embedded model: %v", err)
	}
	return m
}

func readTreebank(tb testing.TB, name string) []UDSentence {
	tb.Helper()
	path := testshared.Path(tb, filepath.Join("treebanks", "en_ewt", "en_ewt-ud-"+name+".conllu"))
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// checkTree fails unless words form one tree: heads in range, one root,
// every word reaching it.
func checkTree(t *testing.T, what string, ws []Word) {
	t.Helper()
	roots := 0
	for i, w := range ws {
		if w.Head < -1 || w.Head >= len(ws) || w.Head == i {
			t.Fatalf("%s: word %d %q has head %d", what, i, w.Form, w.Head)
		}
		if w.Head < 0 {
			roots++
			if w.Rel != Root {
				t.Errorf("%s: root word %q has relation %s", what, w.Form, w.Rel)
			}
		} else if w.Rel == Root || w.Rel == NoRel {
			t.Errorf("%s: word %q has relation %s under a head", what, w.Form, w.Rel)
		}
		h, steps := i, 0
		for h >= 0 && steps <= len(ws) {
			h = ws[h].Head
			steps++
		}
		if h >= 0 {
			t.Fatalf("%s: word %d %q is on a cycle", what, i, w.Form)
		}
	}
	if len(ws) > 0 && roots != 1 {
		t.Fatalf("%s: %d roots", what, roots)
	}
}

// The example statement parses into trees over its own text, with the
// analyses that matter to the coder right.
func TestParseExampleStatement(t *testing.T) {
	m := model(t)
	b, err := os.ReadFile(testshared.Path(t, "examples/zakharova-syria-comment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	sents := m.Parse(text)
	if len(sents) < 15 {
		t.Fatalf("%d sentences, want the statement's 17 or so", len(sents))
	}
	for si, s := range sents {
		checkTree(t, s.Text(text), s.Words)
		for _, w := range s.Words {
			if text[w.Start:w.End] != w.Form {
				t.Fatalf("sentence %d: word %q has offsets %d:%d holding %q", si, w.Form, w.Start, w.End, text[w.Start:w.End])
			}
			if w.Lemma == "" || w.LemmaUpper != strings.ToUpper(w.Lemma) && !strings.ContainsAny(w.Lemma, "’“”—–") {
				t.Errorf("word %q: lemma %q, upper %q", w.Form, w.Lemma, w.LemmaUpper)
			}
		}
	}
	// "He has accused Moscow and Damascus ... of involvement": the coder's
	// source and target.
	found := false
	for _, s := range sents {
		for i, w := range s.Words {
			if w.Form != "accused" {
				continue
			}
			found = true
			if w.Lemma != "accuse" || w.UPOS != VERB || w.XPOS != XVBN {
				t.Errorf("accused: lemma %q %s/%s, want accuse VERB/VBN", w.Lemma, w.UPOS, w.XPOS)
			}
			var subj, obj string
			for _, d := range s.Words {
				if d.Head == i && d.Rel == Nsubj {
					subj = d.Form
				}
				if d.Head == i && d.Rel == Obj {
					obj = d.Form
				}
			}
			if subj != "He" || obj != "Moscow" {
				t.Errorf("accused: nsubj %q obj %q, want He and Moscow\n%s", subj, obj, s.Tree())
			}
		}
	}
	if !found {
		t.Fatal("no 'accused' in the statement")
	}
}

// ParseTokens gives one word per egret token, folding UD's split of
// hyphenated words back, and allocates little.
func TestParseTokens(t *testing.T) {
	m := model(t)
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "The U.S.-led coalition didn't strike the de-escalation zone, officials said on Tuesday."
	toks := p.TokenSentences(text)[0].Tokens
	var s Sentence
	m.ParseTokens(toks, &s)
	if len(s.Words) != len(toks) {
		t.Fatalf("%d words for %d tokens", len(s.Words), len(toks))
	}
	checkTree(t, text, s.Words)
	for i, w := range s.Words {
		if w.Form != toks[i].Text || w.Start != toks[i].Start || w.End != toks[i].End {
			t.Errorf("word %d %q %d:%d, want token %q %d:%d", i, w.Form, w.Start, w.End, toks[i].Text, toks[i].Start, toks[i].End)
		}
	}
	byForm := map[string]Word{}
	for _, w := range s.Words {
		byForm[w.Form] = w
	}
	led := byForm["U.S.-led"]
	if led.Head < 0 || s.Words[led.Head].Form != "coalition" {
		t.Errorf("U.S.-led heads %d, want coalition\n%s", led.Head, s.Tree())
	}
	if nt := byForm["n't"]; nt.Lemma != "not" || nt.LemmaUpper != "NOT" || nt.Tag != nlp.RB {
		t.Errorf("n't: %+v", nt)
	}
	if c := byForm["coalition"]; c.Rel != Nsubj || s.Words[c.Head].Form != "strike" {
		t.Errorf("coalition: %s of %d, want nsubj of strike\n%s", c.Rel, c.Head, s.Tree())
	}
	if did := byForm["did"]; did.Tag != nlp.VBD || did.LemmaUpper != "DO" || did.UPOS != AUX {
		t.Errorf("did: %+v", did)
	}
	allocs := testing.AllocsPerRun(50, func() { m.ParseTokens(toks, &s) })
	if allocs > 8 && !raceEnabled {
		t.Errorf("ParseTokens allocates %.0f times a sentence, want at most 8", allocs)
	}
	m.ParseTokens(nil, &s)
	if len(s.Words) != 0 {
		t.Errorf("no tokens gave %d words", len(s.Words))
	}
}

// One model serves many goroutines with the same answers.
func TestConcurrentParse(t *testing.T) {
	m := model(t)
	text := "Russian forces attacked the port city of Odesa overnight, killing three civilians, regional officials said."
	want := m.Parse(text)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				got := m.Parse(text)
				for i := range got[0].Words {
					if got[0].Words[i] != want[0].Words[i] {
						t.Errorf("word %d differs under concurrency: %+v vs %+v", i, got[0].Words[i], want[0].Words[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestTree(t *testing.T) {
	s := Sentence{Words: []Word{
		{Form: "Moscow", UPOS: PROPN, XPOS: XNNP, Head: 2, Rel: Nsubj},
		{Form: "has", UPOS: AUX, XPOS: XVBZ, Head: 2, Rel: Aux},
		{Form: "taken", UPOS: VERB, XPOS: XVBN, Head: -1, Rel: Root},
		{Form: "note", UPOS: NOUN, XPOS: XNN, Head: 2, Rel: Obj},
		{Form: ".", UPOS: PUNCT, XPOS: XPeriod, Head: 2, Rel: Punct},
	}}
	want := "" +
		"root     taken   VERB  VBN   3\n" +
		"  nsubj  Moscow  PROPN NNP   1\n" +
		"  aux    has     AUX   VBZ   2\n" +
		"  obj    note    NOUN  NN    4\n" +
		"  punct  .       PUNCT .     5\n"
	if got := s.Tree(); got != want {
		t.Errorf("Tree:\n%s\nwant:\n%s", got, want)
	}
}

func TestTagNames(t *testing.T) {
	for u := UPOS(1); u < numUPOS; u++ {
		if p, ok := ParseUPOS(u.String()); !ok || p != u {
			t.Errorf("UPOS %d %q does not round-trip", u, u)
		}
	}
	for x := XPOS(1); x < numXPOS; x++ {
		if p, ok := ParseXPOS(x.String()); !ok || p != x {
			t.Errorf("XPOS %d %q does not round-trip", x, x)
		}
	}
	for r := Rel(1); r < numRel; r++ {
		if p, ok := ParseRel(r.String()); !ok || p != r {
			t.Errorf("Rel %d %q does not round-trip", r, r)
		}
	}
	if NsubjPass.Universal() != Nsubj || AclRelcl.Universal() != Acl || Obj.Universal() != Obj {
		t.Error("Universal does not strip subtypes")
	}
	if XHYPH.Tag() != nlp.HYPH || XLRB.Tag() != nlp.QUOTE || XColon.Tag() != nlp.COMMA || XPRPS.Tag() != nlp.PRPS || XNFP.Tag() != nlp.SYM {
		t.Error("XPOS → nlp.Tag mapping")
	}
}

// A corrupt or truncated model file is an error, never a panic.
func TestDecodeCorrupt(t *testing.T) {
	lex, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Decode(bytes.NewReader([]byte("not a model")), lex); err == nil {
		t.Error("garbage decoded")
	}
	for _, cut := range []int{10, 1000, 100000} {
		if _, err := Decode(bytes.NewReader(embeddedModel[:cut]), lex); err == nil {
			t.Errorf("model cut at %d bytes decoded", cut)
		}
	}
	if model(t).Info().Features.Parser == 0 {
		t.Error("embedded model has no parser features")
	}
}
