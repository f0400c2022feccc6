package nlp

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	p := pipe(t)
	for _, s := range p.Sentences("his first official foreign visit since pro-restoration demonstrators in Eymn Muil were crushed.") {
		for _, tk := range s.Tokens {
			fmt.Printf("%s/%s ", tk.Text, tk.Tag)
		}
		fmt.Println()
	}
}
