package coder

import (
	"fmt"
	"os"
	"testing"
)

func TestZZExplainGolden(t *testing.T) {
	name := os.Getenv("GOLDEN")
	if name == "" {
		t.Skip()
	}
	c := loadDefault(t, Options{})
	doc := readInput(t, "testdata/"+name+".input")
	fmt.Println(c.ExplainDocument(doc))
}
