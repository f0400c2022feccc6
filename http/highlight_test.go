package http

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/egret-events/egret"
)

func TestHighlight(t *testing.T) {
	text := "Москва accused Kyiv. Kyiv denied it."
	mosc := strings.Index(text, "Москва")
	evs := []egret.Event{
		{SourceSpan: egret.Span{Start: mosc, End: mosc + len("Москва")}, EventSpan: egret.Span{Start: 13, End: 20}, TargetSpan: egret.Span{Start: 21, End: 25}},
		// Overlapping spans, one inside a UTF-8 sequence, one out of range.
		{SourceSpan: egret.Span{Start: 21, End: 25}, EventSpan: egret.Span{Start: 3, End: 5}, TargetSpan: egret.Span{Start: 40, End: 90}},
	}
	segs := Highlight(text, evs)
	var b strings.Builder
	var parts []string
	for _, s := range segs {
		b.WriteString(s.Text)
		if text[s.Start:s.End] != s.Text {
			t.Errorf("segment %+v does not match its offsets", s)
		}
		parts = append(parts, fmt.Sprintf("%q%v", s.Text, s.Marks))
	}
	if b.String() != text {
		t.Fatalf("segments do not tile the text: %q", b.String())
	}
	// Offsets 3 and 5 fall inside "о" and "с" and move to the next
	// character; 40-90 is clipped to the last two bytes.
	want := `"Мо"[{0 source}] "с"[{0 source} {1 event}] "ква"[{0 source}] " "[] "accused"[{0 event}] " "[] "Kyiv"[{0 target} {1 source}] ". Kyiv denied i"[] "t."[{1 target}]`
	if got := strings.Join(parts, " "); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if segs := Highlight("", evs); len(segs) != 0 {
		t.Errorf("empty text: %v", segs)
	}
}

// highlightBrute is the definition Highlight must agree with: every pair
// of neighbouring cut points is a segment, marked by every span covering it.
func highlightBrute(text string, events []egret.Event) []Segment {
	spans := spansOf(text, events)
	cuts := map[int]bool{0: true, len(text): true}
	for _, sp := range spans {
		cuts[sp.s], cuts[sp.e] = true, true
	}
	var bounds []int
	for c := range cuts {
		bounds = append(bounds, c)
	}
	sort.Ints(bounds)
	segs := []Segment{}
	for i := 0; i+1 < len(bounds); i++ {
		seg := Segment{Start: bounds[i], End: bounds[i+1], Text: text[bounds[i]:bounds[i+1]]}
		for _, sp := range spans {
			if sp.s <= seg.Start && seg.End <= sp.e {
				seg.Marks = append(seg.Marks, sp.m)
			}
		}
		segs = append(segs, seg)
	}
	return segs
}

func randomEvents(r *rand.Rand, textLen, n, maxSpan int) []egret.Event {
	evs := make([]egret.Event, n)
	sp := func() egret.Span {
		s := r.IntN(textLen+10) - 5
		return egret.Span{Start: s, End: s + r.IntN(maxSpan) - 2}
	}
	for i := range evs {
		evs[i] = egret.Event{SourceSpan: sp(), TargetSpan: sp(), EventSpan: sp()}
	}
	return evs
}

func TestHighlightAgreesWithDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	text := strings.Repeat("Москва accused Kyiv of shelling. ", 20)
	for round := 0; round < 300; round++ {
		evs := randomEvents(r, len(text), r.IntN(30), 1+r.IntN(60))
		if got, want := Highlight(text, evs), highlightBrute(text, evs); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d:\n got %v\nwant %v", round, got, want)
		}
	}
}

// BenchmarkHighlight highlights pages of events over a 1 MB document
// with short spans, as the coder gives them: time grows with the events.
func BenchmarkHighlight(b *testing.B) {
	text := strings.Repeat("Russia accused Syria of shelling Idlib. ", 1<<20/40)
	for _, n := range []int{1000, 8000, 29000} {
		evs := randomEvents(rand.New(rand.NewPCG(3, uint64(n))), len(text), n, 20)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Highlight(text, evs)
			}
		})
	}
}
