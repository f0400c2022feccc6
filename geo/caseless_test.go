package geo

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret"
)

// TestCaseless locates the hand-written lower-case news sentences of
// testdata/caseless.input, as written and in ALL CAPS, with the coder's
// sentences: at least 90% must land in the expected country (no place
// at all where none is expected), and it logs the share with the exact
// place.
func TestCaseless(t *testing.T) {
	gc := testGeocoder(t)
	p := testPipeline(t)
	in := filepath.Join("testdata", "caseless.input")
	cs := readLocateCases(t, in)
	for _, v := range []int{0, 2} { // as written (lower case), upper
		name := "lower"
		if v == 2 {
			name = "upper"
		}
		country, exact := 0, 0
		for _, c := range cs {
			ev := egret.Event{SentenceSpan: egret.Span{Start: 0, End: len(c.text)}, EventSpan: c.event}
			if len(c.hints) > 0 {
				ev.Source = c.hints[0]
			}
			if len(c.hints) > 1 {
				ev.Target = c.hints[1]
			}
			evs := locateCased(gc, p, egret.Document{Text: c.text}, v, []egret.Event{ev})
			got := "-"
			if l := evs[0].Location; l != nil {
				got = l.Name + "/" + l.Country
			}
			_, gotC, _ := strings.Cut(got, "/")
			_, wantC, _ := strings.Cut(c.want, "/")
			if gotC == wantC {
				country++
			}
			if sameLocation(got, c.want) {
				exact++
			} else {
				t.Logf("%s %s:%d: located %s, want %s: %s", name, in, c.line, got, c.want, c.text)
			}
		}
		t.Logf("%s case: %d/%d in the expected country (%.1f%%), %d/%d at the expected place", name, country, len(cs), 100*float64(country)/float64(len(cs)), exact, len(cs))
		if country*10 < len(cs)*9 {
			t.Errorf("%s case: %s", name, fmt.Sprintf("%d/%d in the expected country, want at least 90%%", country, len(cs)))
		}
	}
}
