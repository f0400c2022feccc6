package geo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/egret-events/egret"
)

// FuzzLocate feeds arbitrary text through mention finding and location,
// with the text's own sentences and with sentences of another text (which
// LocateSentences must refuse or survive): never a panic, spans always
// inside the text.
func FuzzLocate(f *testing.F) {
	for _, s := range []string{
		"Syrian forces shelled rebel positions near Idlib.",
		"U.S. -- al-Bab, Ra’s al ‘Ayn; \"Tripoli, Lebanon's\" east-Syria\n\nMr. X",
		"\xff\xfe Idlib\x00's", "A-", "-A", "'s", "Paris, ", ", Texas", "in the ,", "al-",
		"police arrested two men in lucknow on tuesday. the china shop (eu) was looted in bath, new delhi's",
		"POLICE IN NICE SAID U.N. TROOPS STRUCK PARIS, TEXAS.", "the hague", "in", "(x)",
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
		spans := p.SplitSentences(text)
		var evs []egret.Event
		for _, s := range spans {
			evs = append(evs, egret.Event{SentenceSpan: s, EventSpan: s})
		}
		for _, other := range []string{text, strings.ToUpper(text), text[:len(text)/2], "x " + text} {
			gc.LocateSentences(doc, p.Sentences(other), evs)
			for _, e := range evs {
				if l := e.Location; l != nil && (l.Span.Start < 0 || l.Span.End > len(text)) {
					t.Fatalf("bad location %+v in %q", l, text)
				}
			}
		}
		for _, s := range spans {
			if l := gc.LocateSentence(doc, s, s, nil); l != nil && (l.Span.End > len(text) || !utf8.ValidString(l.Name)) {
				t.Fatalf("bad location %+v in %q", l, text)
			}
		}
	})
}
