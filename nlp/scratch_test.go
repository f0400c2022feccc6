package nlp

import (
	"fmt"
	"sort"
	"testing"
)

func TestScratch(t *testing.T) {
	p := pipe(t)
	cnt := map[string]int{}
	for _, d := range voaTexts(t) {
		for _, tk := range p.Tokenize(d) {
			if tk.Text[0] >= 'a' && tk.Text[0] <= 'z' && p.lex.get(tk.Upper) == nil {
				cnt[tk.Text]++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range cnt {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	for _, x := range l[:120] {
		fmt.Printf("%s:%d ", x.k, x.v)
	}
	fmt.Println()
}
