package coder

import (
	"context"
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

func TestDebugGigaword(t *testing.T) {
	if os.Getenv("EGRET_DEBUG_G") == "" {
		t.Skip()
	}
	c := loadPhoenix(t)
	for _, d := range gigawordDocs(t, 60)[:67] {
		evs, _ := c.Code(context.Background(), &d)
		t.Logf("%s: %s", d.ID, d.Text)
		for _, e := range evs {
			t.Logf("    %s %s %s  [%s | %s | %s] %s %s", e.Source, e.Target, e.CAMEO, e.SourceText, e.EventText, e.TargetText, e.Pattern, e.Modality)
		}
	}
}
