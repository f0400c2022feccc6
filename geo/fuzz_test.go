package geo

import (
	"testing"
	"unicode/utf8"

	"github.com/egret-events/egret"
)

// FuzzLocate feeds arbitrary text through mention finding and location:
// never a panic, spans always inside the text.
func FuzzLocate(f *testing.F) {
	for _, s := range []string{
		"Syrian forces shelled rebel positions near Idlib.",
		"U.S. -- al-Bab, Ra’s al ‘Ayn; \"Tripoli, Lebanon's\" east-Syria\n\nMr. X",
		"\xff\xfe Idlib\x00's", "A-", "-A", "'s", "Paris, ", ", Texas", "in the ,", "al-",
	} {
		f.Add(s)
	}
	gc := testGeocoder(f)
	p := testPipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range gc.Mentions(text) {
			if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Empty() || len(m.Candidates) == 0 {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
		}
		doc := &egret.Document{Text: text}
		for _, s := range p.SplitSentences(text) {
			if l := gc.LocateSentence(doc, s, s, nil); l != nil && (l.Span.End > len(text) || !utf8.ValidString(l.Name)) {
				t.Fatalf("bad location %+v in %q", l, text)
			}
		}
	})
}
