package coder

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

// sharedDir finds ../shared beside the module root, skipping (or failing
// under CI=true) when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
	sh := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(sh, "petrarch")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("../shared is missing: %v", err)
		}
		t.Skip("../shared/petrarch is missing; skipping tests that need the PETRARCH data")
	}
	return sh
}

func loadValidation(t testing.TB) (*Coder, []petrarch.Record) {
	t.Helper()
	sh := sharedDir(t)
	vdir := filepath.Join(sh, "petrarch", "validate")
	f, err := os.Open(filepath.Join(vdir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, env, probs, err := petrarch.ReadRecords(f, "PETR.UnitTest.records.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Fatalf("record problems: %v", probs)
	}
	d, err := petrarch.LoadFS(os.DirFS(vdir), env.Files())
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	return mustNew(t, d, p, Options{}), recs
}

// minValidationRate is the exact-match rate reached on the PETRARCH unit
// test records (rounded down); the test fails if coding regresses below it.
const minValidationRate = 0.90

func TestValidatePETRARCHUnitTests(t *testing.T) {
	c, recs := loadValidation(t)
	if len(recs) != 284 {
		t.Fatalf("read %d records, want 284", len(recs))
	}
	rep := Validate(context.Background(), c, recs)
	var b strings.Builder
	rep.Write(&b, testing.Verbose())
	if os.Getenv("EGRET_VALIDATE_OUT") != "" {
		os.WriteFile(os.Getenv("EGRET_VALIDATE_OUT"), []byte(b.String()), 0o644)
	}
	for _, r := range rep.Results {
		if r.Panic != "" {
			t.Errorf("%s: panic: %s", r.Record.ID, r.Panic)
		}
	}
	t.Logf("validation: %d/%d = %.1f%%", rep.Correct, rep.Total, 100*rep.Rate())
	if rep.Rate() < minValidationRate {
		t.Fatalf("exact-match rate %.3f below %.3f\n%s", rep.Rate(), minValidationRate, b.String())
	}
}
