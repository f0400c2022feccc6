package coder

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

// TestRobustInputs codes degenerate and adversarial texts: no panic, no
// error, and bounded time on a long sentence full of actors and verbs.
func TestRobustInputs(t *testing.T) {
	c := loadPhoenix(t)
	long := strings.Repeat("Russia and Syria and Iran said that Turkey attacked Iraq, accused Israel, ", 40)
	inputs := []string{
		"", " ", ".", ",,,;;;", "\x00\xff\xfe", "'s 's n't n't", "Russia", "said said said said",
		"RUSSIA RUSSIA RUSSIA ATTACKED ATTACKED UKRAINE UKRAINE",
		"The the the of of of by by by Syria", "Негосударственные войска атаковали Сирию.",
		"Russia's's's army attacked", long,
	}
	for _, in := range inputs {
		start := time.Now()
		evs, err := c.Code(context.Background(), &egret.Document{ID: "x", Text: in, Date: time.Now()})
		if err != nil {
			t.Errorf("%.40q: %v", in, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%.40q took %v", in, d)
		}
		for _, e := range evs {
			if e.Source == "" && !e.HasFlag(egret.FlagNoSource) || e.CAMEO == "" {
				t.Errorf("%.40q: incomplete event %+v", in, e)
			}
		}
	}
	if c.Explain(long, time.Now()) == "" {
		t.Error("no explanation")
	}
}

// FuzzCode codes arbitrary text with the unit-test dictionaries: it must
// never panic and every event must have a source and a code.
func FuzzCode(f *testing.F) {
	c, recs := loadValidation(f)
	for _, r := range recs[:40] {
		f.Add(r.Text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		type result struct {
			evs []egret.Event
			err error
		}
		done := make(chan result, 1)
		go func() {
			evs, err := c.Code(context.Background(), &egret.Document{ID: "f", Text: text, Date: time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)})
			c.Explain(text, time.Time{})
			done <- result{evs, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("coding %q takes more than 3 s", text)
		}
		evs, err := r.evs, r.err
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.Source == "" && !e.HasFlag(egret.FlagNoSource) || e.CAMEO == "" || e.SentenceSpan.End > len(text) {
				t.Fatalf("bad event %+v", e)
			}
		}
	})
}
