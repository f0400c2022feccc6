package http

import (
	"fmt"
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
