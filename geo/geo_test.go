package geo

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var (
	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error
)

// testGeocoder loads the embedded gazetteer once for all tests.
func testGeocoder(t testing.TB) *Geocoder {
	t.Helper()
	gazOnce.Do(func() { gaz, gazErr = LoadDefault() })
	if gazErr != nil {
		t.Fatal(gazErr)
	}
	return New(gaz)
}

func testPipeline(t testing.TB) *nlp.Pipeline {
	t.Helper()
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// sentenceSpans returns the byte spans of the sentences of text as the
// coder splits them.
func sentenceSpans(t testing.TB, text string) []egret.Span {
	return testPipeline(t).SplitSentences(text)
}

type locateCase struct {
	line    int
	hints   []string
	want    string // Name/ISO-3 or -
	text    string // without braces
	event   egret.Span
	comment string
}

func readLocateCases(t testing.TB, path string) []locateCase {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cs []locateCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs := strings.SplitN(l, "\t", 3)
		if len(fs) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields", path, n)
		}
		c := locateCase{line: n, want: fs[1]}
		if fs[0] != "-" {
			c.hints = strings.Split(fs[0], ",")
		}
		text := strings.ReplaceAll(fs[2], " || ", " ")
		a, b := strings.IndexByte(text, '{'), strings.IndexByte(text, '}')
		if a < 0 || b < a {
			t.Fatalf("%s:%d: mark the event with {braces}", path, n)
		}
		c.text = text[:a] + text[a+1:b] + text[b+1:]
		c.event = egret.Span{Start: a, End: b - 1}
		cs = append(cs, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestLocateGolden runs the hand-checked sentences of testdata/locate.input:
// each must be located where its second column says (a failure names the
// line), and the full locations must match testdata/locate.golden.
func TestLocateGolden(t *testing.T) {
	gc := testGeocoder(t)
	in := filepath.Join("testdata", "locate.input")
	cs := readLocateCases(t, in)
	if len(cs) < 50 {
		t.Fatalf("%s: %d cases, want at least 50", in, len(cs))
	}
	var out strings.Builder
	for _, c := range cs {
		doc := &egret.Document{ID: fmt.Sprint(c.line), Text: c.text}
		var sent egret.Span
		for _, s := range sentenceSpans(t, c.text) {
			if s.Start <= c.event.Start && c.event.End <= s.End {
				sent = s
			}
		}
		if sent.Empty() {
			t.Fatalf("%s:%d: event span %v outside every sentence", in, c.line, c.event)
		}
		loc := gc.LocateSentence(doc, sent, c.event, c.hints)
		got := "-"
		fmt.Fprintf(&out, "%d: %s\n", c.line, c.text)
		if loc != nil {
			got = loc.Name + "/" + loc.Country
			fmt.Fprintf(&out, "    %s\n", formatLocation(loc))
		} else {
			fmt.Fprintf(&out, "    -\n")
		}
		if !sameLocation(got, c.want) {
			t.Errorf("%s:%d: located %s, want %s: %s", in, c.line, got, c.want, c.text)
		}
	}
	golden(t, filepath.Join("testdata", "locate.golden"), out.String())
}

func formatLocation(l *egret.Location) string {
	s := fmt.Sprintf("%s | %s %s", l.Name, l.Feature, l.Country)
	if l.Admin1 != "" {
		s += " / " + l.Admin1
	}
	if l.Region != "" {
		s += " | region " + l.Region
	}
	s += fmt.Sprintf(" | %.4f %.4f", l.Lat, l.Lon)
	if l.GeonameID != 0 {
		s += fmt.Sprintf(" | geonames %d", l.GeonameID)
	}
	return s + fmt.Sprintf(" | %q [%d:%d]", l.Text, l.Span.Start, l.Span.End)
}

func sameLocation(got, want string) bool {
	if got == "-" || want == "-" {
		return got == want
	}
	gn, gc, _ := strings.Cut(got, "/")
	wn, wc, _ := strings.Cut(want, "/")
	return gc == wc && Fold(gn) == Fold(wn)
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (go test -update rewrites it); got:\n%s", path, diff(string(want), got))
	}
}

// diff lists the lines that differ, enough to see what changed.
func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "line %d:\n  want %s\n  got  %s\n", i+1, x, y)
		}
	}
	return out.String()
}

// TestActorNamesAreNoPlaces locates events whose actor's name is also a
// place of another country: "Hamas" (PSE) is no Hamm in Germany, while a
// place of the actor's own country inside its name stays a place.
func TestActorNamesAreNoPlaces(t *testing.T) {
	gc := testGeocoder(t)
	for _, c := range []struct {
		text, src string
		srcSpan   egret.Span
		wantNot   string // a country the location must not be in ("" for none)
		want      string // the location's country ("" for no location)
	}{
		{"Hamas pledged to release the hostages.", "PSEREBHMS", egret.Span{Start: 0, End: 5}, "DEU", ""},
		{"The court in Guyana issued arrest warrants.", "GUYJUD", egret.Span{Start: 0, End: 19}, "", "GUY"},
		// named by neither actor: never-place.txt
		{"Israel gave Hamas an ultimatum to release all hostages.", "ISR", egret.Span{Start: 0, End: 6}, "DEU", "ISR"},
		// lower-case news: "the valley" is Kashmir's, not Anguilla's capital
		{"the opposition called a shutdown across the valley.", "INDOPP", egret.Span{Start: 0, End: 14}, "AIA", ""},
	} {
		doc := &egret.Document{ID: "d", Text: c.text}
		evs := []egret.Event{{Source: c.src, SourceSpan: c.srcSpan, SentenceSpan: egret.Span{Start: 0, End: len(c.text)},
			EventSpan: egret.Span{Start: c.srcSpan.End + 1, End: c.srcSpan.End + 8}}}
		gc.Locate(doc, evs)
		got := ""
		if evs[0].Location != nil {
			got = evs[0].Location.Country
		}
		if c.wantNot != "" && got == c.wantNot || c.want != "" && got != c.want {
			t.Errorf("%q: location in %q (%+v), want %q, not %q", c.text, got, evs[0].Location, c.want, c.wantNot)
		}
	}
}

// TestDatelineCapitalIsAPlace: a capital opening the text before an
// agency in brackets is where the story was filed, not its government,
// so it can be the story's main place ("ISLAMABAD (AP) —"), while the
// same capital as a subject later stands for the government.
func TestDatelineCapitalIsAPlace(t *testing.T) {
	gc := testGeocoder(t)
	text := "ISLAMABAD (AP) — Pakistan expelled two Afghan diplomats on Saturday. Qatar and Turkey offered to mediate. Islamabad rejected the offer."
	ms := gc.Mentions(text)
	if len(ms) == 0 || ms[0].Text != "ISLAMABAD" || ms[0].Kind != Toponym {
		t.Fatalf("dateline mention: %+v", ms)
	}
	for _, m := range ms[1:] {
		if m.Text == "Islamabad" && m.Kind != Metonym {
			t.Errorf("\"Islamabad rejected\": kind %v, want metonym", m.Kind)
		}
	}
}

// TestDatelineAfterTitle: wire copy puts its dateline at the start of
// the sentence after the title ("TEGUCIGALPA, March 26 (Reuters) -"); it
// is where the story was filed, a place, not the capital's government, so
// the lead's event with no place of its own is located there rather than
// in the country the rest of the story mentions most. A capital opening
// that sentence in running text ("Tegucigalpa, the capital, ...") stays
// what context makes it.
func TestDatelineAfterTitle(t *testing.T) {
	gc := testGeocoder(t)
	text := "Honduran judge orders arrest of former president\n\nTEGUCIGALPA, March 26 (Reuters) - A Honduran judge issued an arrest warrant on Thursday for a former president.\n\nHe has lived in Nicaragua since January. Honduras will ask Nicaragua to extradite him. Nicaragua did not respond."
	ms := gc.Mentions(text)
	var dl *Mention
	for k := range ms {
		if ms[k].Text == "TEGUCIGALPA" {
			dl = &ms[k]
		}
	}
	if dl == nil || dl.Kind != Toponym {
		t.Fatalf("dateline after a title: %+v", dl)
	}
	i := strings.Index(text, "TEGUCIGALPA") // (the coder's sentence holds its dateline)
	j := strings.Index(text, ".\n\nHe")
	v := strings.Index(text, "issued")
	doc := &egret.Document{ID: "d", Text: text}
	evs := []egret.Event{{SentenceSpan: egret.Span{Start: i, End: j + 1}, EventSpan: egret.Span{Start: v, End: v + 6}}}
	gc.Locate(doc, evs)
	if l := evs[0].Location; l == nil || l.Country != "HND" {
		t.Errorf("lead event located at %+v, want the dateline's Honduras", l)
	}
}

// TestForeignHomonymSetAside: a small town whose only readings lie in a
// country nothing else in the story points to is set aside when the
// story is plainly about another country; its events are placed in that
// country, not in the homonym's ("gopalganj" of Bangladesh is only the
// Bihar town in the gazetteer). A town of the actors' own country stays.
func TestForeignHomonymSetAside(t *testing.T) {
	gc := testGeocoder(t)
	for _, c := range []struct {
		text, src, tgt, want, wantName string
	}{
		{"supporters of the awami league attacked a rally of the national citizen party in gopalganj on wednesday.", "BGDOPP", "BGDOPP", "BGD", "Bangladesh"},
		{"supporters of the congress attacked a rally in gopalganj on wednesday.", "INDOPP", "INDOPP", "IND", ""},
	} {
		doc := &egret.Document{ID: "d", Text: c.text}
		var evs []egret.Event
		for i := 0; i < 2; i++ {
			evs = append(evs, egret.Event{Source: c.src, Target: c.tgt, SentenceSpan: egret.Span{Start: 0, End: len(c.text)}})
		}
		gc.Locate(doc, evs)
		loc := evs[0].Location
		if loc == nil || loc.Country != c.want || c.wantName != "" && loc.Name != c.wantName {
			t.Errorf("%q: location %+v, want country %s %s", c.text, loc, c.want, c.wantName)
		}
	}
}

// TestCityInstitutionIsAPlace: a city's own police or court names where
// the event happened, in any case ("the Islamabad High Court ordered",
// "islamabad police arrested").
func TestCityInstitutionIsAPlace(t *testing.T) {
	gc := testGeocoder(t)
	for _, text := range []string{
		"The Islamabad High Court on Wednesday ordered the release of the senator.",
		"the islamabad police arrested more than 200 party workers on sunday.",
	} {
		doc := &egret.Document{ID: "d", Text: text}
		evs := []egret.Event{{Source: "PAKJUD", Target: "PAKOPP", SentenceSpan: egret.Span{Start: 0, End: len(text)}}}
		gc.Locate(doc, evs)
		if loc := evs[0].Location; loc == nil || loc.Name != "Islamabad" {
			t.Errorf("%q: location %+v, want Islamabad", text, loc)
		}
	}
}

// TestTheCapitalIsNoPlaceName: "the capital" is a common noun, never the
// Capital Region of Denmark or Iceland.
func TestTheCapitalIsNoPlaceName(t *testing.T) {
	gc := testGeocoder(t)
	for _, m := range gc.Mentions("police fired tear gas at protesters in the capital on sunday.") {
		if m.Kind == Toponym {
			t.Errorf("%q read as a place: %+v", m.Text, m.Best().Place)
		}
	}
}

// TestEnglishCityNames: cities GeoNames lists under their own names are
// found by the English names news uses, not by an American namesake
// ("Antwerp" had been Antwerp, Ohio); hyphenated names with French
// particles are one name ("Port-au-Prince").
func TestEnglishCityNames(t *testing.T) {
	gc := testGeocoder(t)
	for name, want := range map[string]string{
		"Antwerp": "BEL", "Ghent": "BEL", "Cologne": "DEU", "Hanover": "DEU", "Frankfurt": "DEU",
		"Seville": "ESP", "Gothenburg": "SWE", "Grozny": "RUS", "Hodeidah": "YEM", "Port-au-Prince": "HTI",
	} {
		text := "Police arrested two men in " + name + " on Monday."
		var got string
		for _, m := range gc.Mentions(text) {
			if m.Text == name && m.Kind == Toponym && len(m.Candidates) > 0 {
				got = m.Candidates[0].Place.Country
			}
		}
		if got != want {
			t.Errorf("%q: placed in %q, want %s", name, got, want)
		}
	}
}

// TestRelativeClausePlace: a place inside a relative clause with no comma
// ("a contractor that supplies air-defence systems to Ukraine") is not
// where the main clause's event happened; the dateline's city is.
func TestRelativeClausePlace(t *testing.T) {
	gc := testGeocoder(t)
	text := "BERLIN, March 3 (Reuters) - German police arrested three people on Tuesday on suspicion of plotting sabotage against a defence contractor that supplies air-defence systems to Ukraine, prosecutors said."
	v := strings.Index(text, "arrested")
	doc := &egret.Document{ID: "d", Text: text}
	evs := []egret.Event{{SentenceSpan: egret.Span{Start: 0, End: len(text)}, EventSpan: egret.Span{Start: v, End: v + 8}}}
	gc.Locate(doc, evs)
	if l := evs[0].Location; l == nil || l.Country != "DEU" {
		t.Errorf("arrest located at %+v, want Berlin", l)
	}
}
