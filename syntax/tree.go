package syntax

import (
	"strconv"
	"strings"
)

// Tree renders the sentence as an indented dependency tree, one word a
// line, each under its head, children in word order:
//
//	root      taken     VERB  VBN  3
//	  nsubj   Moscow    PROPN NNP  1
//	  aux     has       AUX   VBZ  2
//
// (relation, form, UPOS, XPOS, 1-based word number). egret explain shows
// it to say which tree a sentence was coded from.
func (s *Sentence) Tree() string {
	n := len(s.Words)
	children := make([][]int, n+1) // n: children of the root
	for i := range s.Words {
		h := s.Words[i].Head
		if h < 0 || h >= n {
			h = n
		}
		children[h] = append(children[h], i)
	}
	relW, formW := 0, 0
	depth := make([]int, n)
	seen := make([]bool, n)
	order := make([]int, 0, n)
	var walk func(h, d int)
	walk = func(h, d int) {
		for _, c := range children[h] {
			if seen[c] {
				continue
			}
			seen[c] = true
			depth[c] = d
			order = append(order, c)
			walk(c, d+1)
		}
	}
	walk(n, 0)
	for i := range s.Words { // words off the tree (cannot happen in a parse) still show
		if !seen[i] {
			seen[i] = true
			order = append(order, i)
		}
	}
	for _, i := range order {
		relW = max(relW, 2*depth[i]+len(s.Words[i].Rel.String()))
		formW = max(formW, len(s.Words[i].Form))
	}
	var b strings.Builder
	for _, i := range order {
		w := &s.Words[i]
		ind := strings.Repeat("  ", depth[i])
		b.WriteString(ind)
		b.WriteString(w.Rel.String())
		b.WriteString(strings.Repeat(" ", relW-len(ind)-len(w.Rel.String())+2))
		b.WriteString(w.Form)
		b.WriteString(strings.Repeat(" ", formW-len(w.Form)+2))
		b.WriteString(w.UPOS.String())
		b.WriteString(strings.Repeat(" ", 6-len(w.UPOS.String())))
		b.WriteString(w.XPOS.String())
		b.WriteString(strings.Repeat(" ", max(6-len(w.XPOS.String()), 1)))
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte('\n')
	}
	return b.String()
}
