package devset

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

const sample = `voa: 123
date: 2025-03-14
# a comment
---
> Rebels attacked the town.
SYRREB SYR 190  # comment
> Nothing happened.
> The UN condemned it and Russia denied.
IGOUNO SYRREB 111 mod=asserted
RUS - 016
`

func TestParse(t *testing.T) {
	st, err := Parse("x.codes", strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if st.VOA != "123" || !st.Date.Equal(time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)) || len(st.Sentences) != 3 || st.Events() != 3 {
		t.Fatalf("parsed %+v", st)
	}
	g := st.Sentences[2].Gold
	if g[0].Keys["mod"] != "asserted" || g[1].Target != "" || g[1].Line != 10 || st.Sentences[2].Line != 8 {
		t.Errorf("gold of sentence 2: %+v (line %d)", g, st.Sentences[2].Line)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no separator", "voa: 1\ndate: 2025-01-01\n", "no '---' line"},
		{"sentence in header", "voa: 1\n> A.\n", "x.codes:2: header line"},
		{"header", "voa 1\n---\n> A.\n", "x.codes:1: header line"},
		{"header key", "voa: 1\ntitle: T\n---\n> A.\n", "x.codes:2: unknown header key"},
		{"voa id", "voa: abc\n---\n", "x.codes:1: voa: want a story id"},
		{"date", "voa: 1\ndate: 14 March\n---\n", "x.codes:2: date:"},
		{"no voa", "date: 2025-01-01\n---\n> A.\n", "no voa:"},
		{"no date", "voa: 1\n---\n> A.\n", "no date:"},
		{"no sentences", "voa: 1\ndate: 2025-01-01\n---\n", "no sentences"},
		{"event first", "voa: 1\ndate: 2025-01-01\n---\nUSA RUS 111\n", "x.codes:4: event line before"},
		{"short line", "voa: 1\ndate: 2025-01-01\n---\n> A.\nUSA 111\n", "x.codes:5: want SRC TGT CAMEO"},
		{"actor", "voa: 1\ndate: 2025-01-01\n---\n> A.\nusa RUS 111\n", `x.codes:5: actor "usa"`},
		{"code", "voa: 1\ndate: 2025-01-01\n---\n> A.\nUSA RUS 211\n", `x.codes:5: "211" is not a CAMEO`},
		{"code digits", "voa: 1\ndate: 2025-01-01\n---\n> A.\nUSA RUS 11a\n", `"11a" is not a CAMEO`},
		{"key", "voa: 1\ndate: 2025-01-01\n---\n> A.\nUSA RUS 111 why=because\n", `x.codes:5: unknown key "why"`},
		{"key form", "voa: 1\ndate: 2025-01-01\n---\n> A.\nUSA RUS 111 mod\n", `x.codes:5: "mod": want key=value`},
		{"empty sentence", "voa: 1\ndate: 2025-01-01\n---\n>  \n", "x.codes:4: empty sentence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.codes", strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestValidCode(t *testing.T) {
	for code, want := range map[string]bool{"010": true, "01": true, "0841": true, "1245": true, "20": true, "190": true,
		"21": false, "00": false, "1": false, "19001": false, "x19": false} {
		if got := ValidCode(code); got != want {
			t.Errorf("ValidCode(%q) = %v, want %v", code, got, want)
		}
	}
}

// alignedSample parses sample and aligns it with text.
func alignedSample(t *testing.T, text string) *Story {
	t.Helper()
	st, err := Parse("x.codes", strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Align(text); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestAlign(t *testing.T) {
	text := "Rebels attacked the town.  Nothing happened. The UN condemned it and Russia denied."
	st := alignedSample(t, text)
	for _, s := range st.Sentences {
		if text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("span %v is %q, want %q", s.Span, text[s.Span.Start:s.Span.End], s.Text)
		}
	}
	for _, tt := range []struct{ name, text, want string }{
		{"missing", "Rebels attacked the town. The UN condemned it and Russia denied.", "x.codes:7: sentence not found"},
		{"out of order", "Nothing happened. Rebels attacked the town. The UN condemned it and Russia denied.", `x.codes:5: story text "Nothing happened."`},
		{"gap", "Rebels attacked the town. Then more. Nothing happened. The UN condemned it and Russia denied.", `x.codes:7: story text "Then more."`},
		{"tail", text + " Later, more.", `after the last sentence`},
	} {
		st, _ := Parse("x.codes", strings.NewReader(sample))
		if err := st.Align(tt.text); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestLevelKey(t *testing.T) {
	tests := []struct {
		l             Level
		src, tgt, cam string
		want          string
	}{
		{Type, "USAGOV", "RUS", "1121", "11"},
		{PLOVER, "USAGOV", "RUS", "1121", "ACCUSE"},
		{PLOVER, "USAGOV", "RUS", "010", "-"},
		{PLOVER, "USAGOV", "RUS", "0253", "REQUEST"},
		{Dyad, "USAGOV", "RUSMIL", "190", "19 USA RUS"},
		{Dyad, "IGOUNOKID", "", "112", "11 IGOUNO -"},
		{Dyad, "NGOHRIAMN", "IMGMUSISI", "112", "11 NGOHRI IMGMUS"},
		{Exact, "", "PAKCVL", "181", "18 - PAKCVL"},
	}
	for _, tt := range tests {
		if got := tt.l.Key(tt.src, tt.tgt, tt.cam); got != tt.want {
			t.Errorf("%v.Key(%s, %s, %s) = %q, want %q", tt.l, tt.src, tt.tgt, tt.cam, got, tt.want)
		}
	}
	for _, l := range Levels {
		if back, err := ParseLevel(l.String()); err != nil || back != l {
			t.Errorf("ParseLevel(%q) = %v, %v", l.String(), back, err)
		}
	}
	if _, err := ParseLevel("dyad"); err == nil {
		t.Error("ParseLevel accepts an unknown level")
	}
}

func TestCaseApplyKeepsOffsets(t *testing.T) {
	for _, s := range []string{"Erdoğan met Sisi in İstanbul.", "Straße ǅemal ﬁne", "Ankara \xff bad byte", "“Quoted” — Kyiv"} {
		for _, c := range []Case{AsIs, Lower, Upper} {
			got := c.Apply(s)
			if len(got) != len(s) {
				t.Errorf("%v.Apply(%q) = %q: length %d, want %d", c, s, got, len(got), len(s))
			}
		}
	}
	if got := Upper.Apply("Kyiv, İstanbul"); got != "KYIV, İSTANBUL" {
		t.Errorf("Upper = %q", got)
	}
	if got := Lower.Apply("NATO Said"); got != "nato said" {
		t.Errorf("Lower = %q", got)
	}
}

// fixedCoder returns the same events for every document: the matching
// tests need events at known places, not a coder's judgement.
type fixedCoder []egret.Event

func (f fixedCoder) Code(context.Context, *egret.Document) ([]egret.Event, error) {
	return append([]egret.Event(nil), f...), nil
}

// splitAt cuts text at ". " the way the fixed events below are placed.
func splitAt(text string) []egret.Span {
	var out []egret.Span
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			out = append(out, egret.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	return append(out, egret.Span{Start: start, End: len(text)})
}

func TestScoreMatchesOneToOne(t *testing.T) {
	text := "Rebels attacked the town. Nothing happened. The UN condemned it and Russia denied."
	st := alignedSample(t, text)
	sp := splitAt(text)
	evs := fixedCoder{
		// sentence 0: the right type, a wrong dyad (counted once, not twice)
		{Sentence: 0, SentenceSpan: sp[0], Source: "SYRMIL", Target: "SYR", CAMEO: "193", Sentences: []int{0, 2}},
		{Sentence: 0, SentenceSpan: sp[0], Source: "SYRREB", Target: "SYR", CAMEO: "190"},
		// sentence 1: a false event with no source
		{Sentence: 1, SentenceSpan: sp[1], Source: "", Target: "SYR", CAMEO: "010"},
		// sentence 2: exact match
		{Sentence: 2, SentenceSpan: sp[2], Source: "IGOUNO", Target: "SYRREB", CAMEO: "1121"},
	}
	run := Run{Coder: evs, Sentences: splitAt}
	res, err := run.Score(context.Background(), []*Story{st}, map[string]*egret.Document{"123": {ID: "123", Text: text}})
	if err != nil {
		t.Fatal(err)
	}
	// five predicted mentions (the first event restated in sentence 2)
	want := map[Level]Count{
		Type:   {Gold: 3, Pred: 5, Match: 2}, // 19 once in sentence 0, 11 in sentence 2
		PLOVER: {Gold: 3, Pred: 5, Match: 2},
		Dyad:   {Gold: 3, Pred: 5, Match: 2},
		Exact:  {Gold: 3, Pred: 5, Match: 2},
	}
	for l, c := range want {
		if got := res.Count(l); got != c {
			t.Errorf("%v: %+v, want %+v", l, got, c)
		}
	}
	if res.EmptySource != 1 || res.Statements != 1 || res.Unplaced != 0 || res.Stories != 1 || res.Sentences != 3 {
		t.Errorf("result %+v", res)
	}
	if rc := res.Roots["19"]; rc == nil || *rc != (RootCount{Gold: 1, Type: 1, Dyad: 1}) {
		t.Errorf("root 19: %+v", rc)
	}
	if rc := res.Roots["01"]; rc == nil || *rc != (RootCount{Gold: 1}) {
		t.Errorf("root 01 (RUS - 016, missed): %+v", rc)
	}
	var b strings.Builder
	WriteErrors(&b, res, Exact)
	for _, w := range []string{"x.codes:5: Rebels", "+ pred SYRMIL SYR 193", "= pred SYRREB SYR 190", "x.codes:7: Nothing", "+ pred - SYR 010", "- gold RUS - 016  (x.codes:10)"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("error listing lacks %q:\n%s", w, b.String())
		}
	}

	// an event whose sentence the splitter does not know is an error
	bad := Run{Coder: fixedCoder{{Sentence: 5, SentenceSpan: sp[0], CAMEO: "190"}}, Sentences: splitAt}
	if _, err := bad.Score(context.Background(), []*Story{st}, map[string]*egret.Document{"123": {ID: "123", Text: text}}); err == nil {
		t.Error("an event outside the splitter's sentences is accepted")
	}
}

func TestScorePlacesByOverlap(t *testing.T) {
	text := "One. Two three four five. Six."
	st, err := Parse("x.codes", strings.NewReader("voa: 9\ndate: 2025-01-01\n---\n> One.\n> Two three four five.\n> Six.\nUSA RUS 111\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Align(text); err != nil {
		t.Fatal(err)
	}
	// a coder sentence straddling "One." and the longer second sentence goes
	// to the second; one past the text goes nowhere
	evs := fixedCoder{{Sentence: 0, SentenceSpan: egret.Span{Start: 0, End: 25}, Source: "USA", Target: "RUS", CAMEO: "111"},
		{Sentence: 1, SentenceSpan: egret.Span{Start: 40, End: 45}, Source: "USA", Target: "RUS", CAMEO: "111"}}
	split := func(string) []egret.Span { return []egret.Span{{Start: 0, End: 25}, {Start: 40, End: 45}} }
	res, err := Run{Coder: evs, Sentences: split}.Score(context.Background(), []*Story{st}, map[string]*egret.Document{"9": {ID: "9", Text: text}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Detail[1].Predicts) != 1 || len(res.Detail[0].Predicts) != 0 || res.Unplaced != 1 || res.Count(Type) != (Count{Gold: 1, Pred: 2}) {
		t.Errorf("placement: %+v, unplaced %d, %+v", res.Detail, res.Unplaced, res.Count(Type))
	}
}

func TestFloors(t *testing.T) {
	fl, err := ParseFloors("FLOORS", strings.NewReader("# run level p r\ndev type 0.50 0.40\nheldout exact 0 0.1  # comment\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fl) != 2 || fl[0].Level != Type || fl[1].Recall != 0.1 || fl[1].Line != 3 {
		t.Fatalf("floors %+v", fl)
	}
	dev := &Result{}
	dev.Counts[Type] = Count{Gold: 10, Pred: 10, Match: 4} // precision 40% < 50%
	errs := CheckFloors("FLOORS", fl, []Named{{"dev", dev}})
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "FLOORS:2: dev type precision 40.0% is below the floor 50.0%") ||
		!strings.Contains(errs[1].Error(), `FLOORS:3: run "heldout" was not scored`) {
		t.Errorf("errors %v", errs)
	}
	for _, in := range []string{"dev type 0.5\n", "dev typ 0.5 0.5\n", "dev type 50 0.5\n", "dev type x 0.5\n"} {
		if _, err := ParseFloors("FLOORS", strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "FLOORS:1:") {
			t.Errorf("%q: error %v", in, err)
		}
	}
}
