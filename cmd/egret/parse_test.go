package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/syntax"
)

// egret parse writes CoNLL-U whose words point back into the input.
func TestParseExampleStatement(t *testing.T) {
	path := testshared.Path(t, "examples/zakharova-syria-comment.txt")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "parse", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sents, err := syntax.ReadCoNLLU(strings.NewReader(out), "stdout")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) < 15 || sents[0].ID != "zakharova-syria-comment-1" {
		t.Fatalf("%d sentences, first id %q", len(sents), sents[0].ID)
	}
	for _, s := range sents {
		for _, w := range s.Words {
			var a, b int
			if _, err := fmtSscanRange(w.Misc, &a, &b); err != nil {
				t.Fatalf("word %q: MISC %q has no TokenRange", w.Form, w.Misc)
			}
			if string(text[a:b]) != w.Form && w.Misc != "_" {
				t.Errorf("word %q: TokenRange %d:%d holds %q", w.Form, a, b, text[a:b])
			}
		}
	}
	// stdin works too
	out2, _, code := run(t, string(text), "parse", "-")
	if code != 0 || strings.Replace(out2, "stdin-", "zakharova-syria-comment-", -1) != out {
		t.Error("parse - differs from parse FILE")
	}
}

// fmtSscanRange reads TokenRange=a:b from a MISC field ("_" on the words
// of a multi-word token, whose range is on the token line).
func fmtSscanRange(misc string, a, b *int) (int, error) {
	if misc == "_" {
		return 0, nil
	}
	for _, f := range strings.Split(misc, "|") {
		if r, ok := strings.CutPrefix(f, "TokenRange="); ok {
			x, y, _ := strings.Cut(r, ":")
			var err error
			if *a, err = atoi(x); err != nil {
				return 0, err
			}
			*b, err = atoi(y)
			return 2, err
		}
	}
	return 0, os.ErrNotExist
}

func atoi(s string) (int, error) {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, os.ErrInvalid
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// egret parse --eval scores a gold file and ends with the two lines
// scripts read.
func TestParseEval(t *testing.T) {
	src := testshared.Path(t, "treebanks/en_ewt/en_ewt-ud-test.conllu")
	// the first 150 sentences of EWT test keep the test quick under -race
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() && n < 150 {
		b.WriteString(sc.Text())
		b.WriteByte('\n')
		if sc.Text() == "" {
			n++
		}
	}
	gold := filepath.Join(t.TempDir(), "gold.conllu")
	if err := os.WriteFile(gold, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "parse", "--eval", gold)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last, raw := lines[len(lines)-1], lines[len(lines)-2]
	var upos, xpos, lemma, uas, las float64
	if k, err := sscan(last, "UPOS %f XPOS %f LEMMA %f UAS %f LAS %f", &upos, &xpos, &lemma, &uas, &las); k != 5 || err != nil {
		t.Fatalf("last line %q is not the score line: %v", last, err)
	}
	if upos < 90 || uas < 75 || las < 70 || las > uas || lemma < 90 {
		t.Errorf("implausible scores: %s", last)
	}
	var r [5]float64
	if k, err := sscan(raw, "RAW UPOS %f XPOS %f LEMMA %f UAS %f LAS %f", &r[0], &r[1], &r[2], &r[3], &r[4]); k != 5 || err != nil {
		t.Fatalf("second last line %q is not the RAW line: %v", raw, err)
	}
	if r[3] < 60 || r[3] > uas+1 {
		t.Errorf("implausible raw scores: %s", raw)
	}
	for _, want := range []string{"nsubj:pass", "obl:agent", "lower-cased", "upper-cased", "tokens "} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// A malformed gold file is an error naming the file and line.
func TestParseEvalBadFile(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "bad.conllu")
	if err := os.WriteFile(gold, []byte("# text = x\n1\tx\tx\tX\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := run(t, "", "parse", "--eval", gold)
	if code == 0 || !strings.Contains(errs, gold+":2: 4 tab-separated columns") {
		t.Errorf("exit %d, stderr %q: want an error naming %s:2", code, errs, gold)
	}
	_, errs, code = run(t, "", "parse", filepath.Join(t.TempDir(), "missing.txt"))
	if code == 0 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing input: exit %d, stderr %q", code, errs)
	}
}

func sscan(s, format string, args ...any) (int, error) { return fmt.Sscanf(s, format, args...) }
