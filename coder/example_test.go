package coder

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret"
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
	return mustNew(t, d, p, Options{})
}

// TestGigawordSample codes the real AFP sentences of the PETRARCH GigaWord
// sample with the Phoenix dictionaries and checks events a reader would
// expect (and one that must not appear); go test -v lists every event.
func TestGigawordSample(t *testing.T) {
	c := loadPhoenix(t)
	docs := gigawordDocs(t, 60)[:67]
	byID := map[string][]egret.Event{}
	for i := range docs {
		evs, err := c.Code(context.Background(), &docs[i])
		if err != nil {
			t.Fatal(err)
		}
		byID[docs[i].ID] = append(byID[docs[i].ID], evs...)
		t.Logf("%s: %.90s", docs[i].ID, docs[i].Text)
		for _, e := range evs {
			t.Logf("    %s %s %s [%s | %s | %s]", e.Source, e.Target, e.CAMEO, e.SourceText, e.EventText, e.TargetText)
		}
	}
	want := []struct{ id, src, tgt, code string }{
		{"GOLD_4", "UKR", "IGOEUREEC", "03"},          // ratified an agreement with the EU
		{"AFP0808020905_1", "USAMIL", "LBNGOV", "04"}, // the US commander held talks with President Suleiman
		{"AFP0808020857_1", "ISR", "PSE", "0"},        // Israel released the mayor of Nablus
		{"NEST_2.75", "IMGMUSISI", "IRQ", "19"},       // the US claimed that ISIL had attacked Iraq
		{"PREP_0", "RUSGOV", "RUSCVL", "08"},          // civilians released by Putin (passive; his country's)
		{"GOLD_9", "SYRREB", "PHL", "19"},             // Syrian rebels engaged Filipino peacekeepers
		{"AFP0808020937_1", "GBROPP", "CHN", "14"},    // British activists staged a protest in Beijing
	}
	for _, w := range want {
		ok := false
		for _, e := range byID[w.id] {
			if e.Source == w.src && strings.HasPrefix(e.Target, w.tgt) && strings.HasPrefix(e.CAMEO, w.code) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: no %s→%s %s* event: %s", w.id, w.src, w.tgt, w.code, dump(byID[w.id]))
		}
	}
	for _, e := range byID["NEG_0"] { // Obama said he would not help Israel
		if e.Target == "ISR" && strings.HasPrefix(e.CAMEO, "07") {
			t.Errorf("NEG_0: negated aid coded: %s", dump(byID["NEG_0"]))
		}
	}
}
