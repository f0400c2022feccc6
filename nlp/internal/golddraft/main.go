// Command golddraft drafts a hand-tagged gold file: it tags each input sentence with egret's tagger and marks where the reference prose tagger disagrees, for a human to correct.
//
// Usage: go run ./nlp/internal/golddraft < sentences.txt > draft.txt
//
// Output lines are "word/TAG word/TAG ..." (egret's folded tag set) with a
// "#?" line after each sentence listing disagreements; the corrected file
// (without "#?" lines) becomes nlp/testdata/gold.tags.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/jdkato/prose/v3/tag"
)

func main() {
	p, err := nlp.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ref, err := tag.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sc := bufio.NewScanner(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		toks := p.Tokenize(line)
		p.Tag(toks)
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.Text
		}
		rt := ref.Tag(words)
		var out, diff []string
		for i, t := range toks {
			out = append(out, t.Text+"/"+t.Tag.String())
			if i < len(rt) && fold(rt[i].Tag) != t.Tag.String() {
				diff = append(diff, fmt.Sprintf("%s:%s/%s", t.Text, t.Tag, rt[i].Tag))
			}
		}
		fmt.Fprintln(w, strings.Join(out, " "))
		if len(diff) > 0 {
			fmt.Fprintln(w, "#? "+strings.Join(diff, " "))
		}
	}
}

// fold maps prose's Penn tags onto egret's folded punctuation tags.
func fold(t string) string {
	switch t {
	case ":":
		return ","
	case "''", "(", ")", "-LRB-", "-RRB-":
		return "``"
	case "$", "#":
		return "SYM"
	}
	return t
}
