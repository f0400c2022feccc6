// Command golddraft drafts a hand-tagged gold file: it tags each input sentence with egret's tagger and marks where the reference prose tagger disagrees, for a human to correct.
//
// Usage: go run ./nlp/internal/golddraft < sentences.txt > draft.txt
//
// Output lines are "word/TAG word/TAG ..." (egret's folded tag set) with a
// "#?" line after each sentence listing disagreements; the corrected file
// (without "#?" lines) becomes nlp/testdata/gold.tags.
//
// With -compare FILE.jsonl it instead tags the "text" of every JSON line
// with both taggers and prints their agreement and commonest disagreements,
// a cheap way to find systematic errors on unlabelled news.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/jdkato/prose/v3/tag"
)

func main() {
	compare := flag.String("compare", "", "JSON Lines file whose \"text\" fields are tagged by both taggers")
	flag.Parse()
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
	if *compare != "" {
		if err := compareFile(p, ref, *compare); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
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

func compareFile(p *nlp.Pipeline, ref *tag.Tagger, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	agree, total := 0, 0
	diffs := map[string]int{}
	pairs := map[string]int{}
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		for _, s := range p.Sentences(rec.Text) {
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = t.Text
			}
			rt := ref.Tag(words)
			for i, t := range s.Tokens {
				total++
				if i < len(rt) && fold(rt[i].Tag) == t.Tag.String() {
					agree++
					continue
				}
				if i < len(rt) {
					pairs[fmt.Sprintf("%s→%s", rt[i].Tag, t.Tag)]++
					ctx := ""
					if i > 0 {
						ctx = s.Tokens[i-1].Text + " "
					}
					diffs[fmt.Sprintf("%s%s/%s(prose %s)", ctx, t.Text, t.Tag, rt[i].Tag)]++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Printf("agreement with prose: %d/%d = %.2f%%\n", agree, total, 100*float64(agree)/float64(total))
	printTop("tag pairs (prose→egret)", pairs, 30)
	printTop("examples", diffs, 5000)
	return nil
}

func printTop(title string, m map[string]int, n int) {
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range m {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v || list[i].v == list[j].v && list[i].k < list[j].k })
	if len(list) > n {
		list = list[:n]
	}
	fmt.Println(title + ":")
	for _, e := range list {
		fmt.Printf("  %5d  %s\n", e.v, e.k)
	}
}
