package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret"
)

// sharedDir finds ../shared beside the repository root (the directory
// holding go.mod); it skips the test when absent, and fails under CI=true.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data directory %s is missing (required when CI=true)", shared)
		}
		t.Skipf("shared data directory %s is missing; skipping", shared)
	}
	return shared
}

func readShared(t testing.TB, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir(t), rel))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return string(b)
}

// TestZakharovaStatement is the bar: the fighting on the border of
// the Idlib de-escalation zone is located in Idlib, the operations in east
// Syria in Syria, and no event of the statement, wherever its verb, is
// located in Moscow or Washington.
func TestZakharovaStatement(t *testing.T) {
	text := readShared(t, "examples/zakharova-syria-comment.txt")
	gc := testGeocoder(t)
	doc := &egret.Document{ID: "zakharova", Text: text}
	hints := []string{"RUS", "SYR", "USA"}
	sentOf := func(word string) (egret.Span, egret.Span) {
		i := strings.Index(text, word)
		if i < 0 {
			t.Fatalf("%q not in the statement", word)
		}
		ev := egret.Span{Start: i, End: i + len(word)}
		for _, s := range sentenceSpans(t, text) {
			if s.Start <= ev.Start && ev.End <= s.End {
				return s, ev
			}
		}
		t.Fatalf("%q in no sentence", word)
		return egret.Span{}, egret.Span{}
	}
	s, ev := sentOf("reciprocates")
	l := gc.LocateSentence(doc, s, ev, hints)
	if l == nil || l.Name != "Idlib" || l.Country != "SYR" || abs(l.Lat-35.9) > 0.1 || abs(l.Lon-36.6) > 0.1 {
		t.Errorf("fighting on the Idlib border located at %+v, want Idlib, SYR, ~35.9 N 36.6 E", l)
	}
	s, ev = sentOf("continues to conduct")
	l = gc.LocateSentence(doc, s, ev, hints)
	if l == nil || l.Country != "SYR" || l.Region != "east" || l.Feature != "region" {
		t.Errorf("operations in east Syria located at %+v, want the east of Syria", l)
	}
	// Every word of every sentence as the event: never Moscow or Washington.
	var events []egret.Event
	for _, s := range testPipeline(t).Sentences(text) {
		sent := egret.Span{Start: s.Start, End: s.End}
		for _, w := range s.Tokens {
			events = append(events, egret.Event{SentenceSpan: sent, EventSpan: egret.Span{Start: w.Start, End: w.End}, Source: "RUSGOV", Target: "USAGOV"})
		}
	}
	gc.Locate(doc, events)
	located := 0
	for _, e := range events {
		if e.Location == nil {
			continue
		}
		located++
		if e.Location.Name == "Moscow" || e.Location.Name == "Washington" || e.Location.Country == "USA" || e.Location.Country == "RUS" {
			t.Errorf("event %q in %q located in %s, %s", text[e.EventSpan.Start:e.EventSpan.End], text[e.SentenceSpan.Start:e.SentenceSpan.End], e.Location.Name, e.Location.Country)
		}
	}
	if located != len(events) {
		t.Errorf("%d of %d events located, want all (the statement is about Syria)", located, len(events))
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
