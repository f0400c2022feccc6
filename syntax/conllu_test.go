package syntax

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	know	know	VERB	VB	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadCoNLLU(t *testing.T) {
	s, err := ReadCoNLLU(strings.NewReader(strings.Replace(sample, "1\tI\tI\tPRON\tPRP\t_\t3", "1\tI\tI\tPRON\tPRP\t_\t4", 1)), "x.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 1 || s[0].ID != "s1" || s[0].Text != "I don't know." || !s[0].NewDoc || s[0].Line != 4 {
		t.Fatalf("got %+v", s)
	}
	ws := s[0].Words
	if len(ws) != 5 || ws[0].Head != 3 || ws[3].Head != -1 || ws[2].Lemma != "not" || ws[4].Deprel != "punct" {
		t.Fatalf("words %+v", ws)
	}
	if len(s[0].Tokens) != 1 || s[0].Tokens[0] != (UDToken{First: 1, Last: 2, Form: "don't", Misc: "_"}) {
		t.Errorf("tokens %+v", s[0].Tokens)
	}
	if !s[0].SpaceAfter(0) || s[0].SpaceAfter(3) || !s[0].SpaceAfter(2) {
		t.Error("SpaceAfter")
	}
}

// Malformed files are errors that name the file and line.
func TestReadCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"columns", "1\tI\tI\tPRON\n\n", "bad.conllu:1: 4 tab-separated columns, want 10"},
		{"id", "x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n\n", "bad.conllu:1: ID \"x\" is not a number"},
		{"sequence", "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t1\tobj\t_\t_\n\n", "bad.conllu:2: word ID 3 out of sequence (want 2)"},
		{"head", "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n2\tgo\tgo\tVERB\tVB\t_\t9\tobj\t_\t_\n\n", "bad.conllu:2: HEAD 9 is past the sentence's 2 words"},
		{"head not a number", "1\tI\tI\tPRON\tPRP\t_\t_\troot\t_\t_\n\n", "bad.conllu:1: HEAD \"_\" is not a word number"},
		{"no root", "1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tgo\tgo\tVERB\tVB\t_\t1\tobj\t_\t_\n\n", "has no root"},
		{"comment inside", "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n# text = x\n\n", "bad.conllu:2: comment inside a sentence"},
		{"range", "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\n", "bad.conllu:2: bad multi-word token range"},
	} {
		_, err := ReadCoNLLU(strings.NewReader(tc.in), "bad.conllu")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// Written CoNLL-U reads back: same words, heads, relations, clitics as
// multi-word tokens, byte offsets into the text.
func TestCoNLLURoundTrip(t *testing.T) {
	m := model(t)
	text := "Moscow said it didn't back the U.S.-led plan.\n\nThe ministry's spokeswoman can't comment."
	sents := m.Parse(text)
	var buf bytes.Buffer
	cw := &CoNLLUWriter{W: &buf, Prefix: "doc"}
	for i := range sents {
		if err := cw.Write(text, &sents[i]); err != nil {
			t.Fatal(err)
		}
	}
	written := buf.String()
	back, err := ReadCoNLLU(&buf, "out.conllu")
	if err != nil {
		t.Fatalf("%v\n%s", err, written)
	}
	if len(back) != len(sents) || back[0].ID != "doc-1" || back[1].Text != "The ministry's spokeswoman can't comment." {
		t.Fatalf("read back %d sentences: %+v", len(back), back)
	}
	mwts := 0
	for si, s := range back {
		mwts += len(s.Tokens)
		for i, w := range s.Words {
			pw := sents[si].Words[i]
			if w.Form != pw.Form || w.Head != pw.Head || w.Deprel != pw.Rel.String() || w.UPOS != pw.UPOS.String() || w.Lemma != pw.Lemma {
				t.Errorf("sentence %d word %d: read %+v, wrote %+v", si, i, w, pw)
			}
		}
	}
	if mwts != 3 { // did|n't, ministry|'s, ca|n't
		t.Errorf("%d multi-word tokens, want 3:\n%s", mwts, written)
	}
	if !strings.Contains(written, "U.S.\tU.S.\tPROPN\tNNP") || !strings.Contains(written, "\t-\t-\tPUNCT\tHYPH") {
		t.Errorf("U.S.-led not split as UD English does:\n%s", written)
	}
	if !strings.Contains(written, "TokenRange=0:6") || !strings.Contains(written, "SpaceAfter=No|TokenRange=") {
		t.Errorf("offsets or SpaceAfter missing:\n%s", written)
	}
}

// Raw-text tokenisation joins what UD English writes as one token.
func TestMergeTokens(t *testing.T) {
	m := model(t)
	text := "Great :) see *** report.pdf == done :-( ok"
	var got []string
	for _, w := range m.Parse(text)[0].Words {
		got = append(got, w.Form)
	}
	want := "Great|:)|see|***|report.pdf|==|done|:-(|ok"
	if strings.Join(got, "|") != want {
		t.Errorf("words %s, want %s", strings.Join(got, "|"), want)
	}
}
