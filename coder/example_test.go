package coder

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

func loadPhoenix(t testing.TB) *Coder {
	t.Helper()
	sh := sharedDir(t)
	d, err := petrarch.LoadDir(filepath.Join(sh, "petrarch", "phoenix"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	return New(d, p, Options{})
}

func TestDebugZakharova(t *testing.T) {
	if os.Getenv("EGRET_DEBUG_Z") == "" {
		t.Skip()
	}
	c := loadPhoenix(t)
	b, _ := os.ReadFile(filepath.Join(sharedDir(t), "examples", "zakharova-syria-comment.txt"))
	t.Log(c.Explain(string(b), time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)))
}
