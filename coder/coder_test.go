package coder

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

func codeText(t *testing.T, c *Coder, text string) []egret.Event {
	t.Helper()
	return codeTextOn(t, c, text, "2019-11-20")
}

// codeTextOn is codeText for a document of the given date (YYYY-MM-DD).
func codeTextOn(t *testing.T, c *Coder, text, date string) []egret.Event {
	t.Helper()
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		t.Fatal(err)
	}
	doc := &egret.Document{ID: "t", Text: text, Date: d}
	evs, err := c.Code(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		// every span points at its text
		for _, sp := range []struct {
			span egret.Span
			text string
		}{{e.SourceSpan, e.SourceText}, {e.TargetSpan, e.TargetText}, {e.EventSpan, e.EventText}, {e.SentenceSpan, e.Text}} {
			if !sp.span.Empty() && text[sp.span.Start:sp.span.End] != sp.text {
				t.Errorf("span %v is %q, field says %q", sp.span, text[sp.span.Start:sp.span.End], sp.text)
			}
		}
	}
	return evs
}

func has(evs []egret.Event, src, tgt, codePrefix string) bool {
	for _, e := range evs {
		if (e.Source == src || src == "-" && e.Source == "" && e.HasFlag(egret.FlagNoSource)) && e.Target == tgt && strings.HasPrefix(e.CAMEO, codePrefix) {
			return true
		}
	}
	return false
}

func dump(evs []egret.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.Source + " " + e.Target + " " + e.CAMEO + " (" + e.EventText + "); ")
	}
	return b.String()
}

// TestZakharovaComment codes the real statement in ../shared/examples with
// the Phoenix dictionaries: the envoy's accusation (through "he"), and the
// Syrian army operations.
func TestZakharovaComment(t *testing.T) {
	c := loadPhoenix(t)
	b, err := os.ReadFile(filepath.Join(sharedDir(t), "examples", "zakharova-syria-comment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	evs := codeText(t, c, string(b))
	var accuse *egret.Event
	for i := range evs {
		if evs[i].Source == "USAGOV" && evs[i].Target == "RUS" && evs[i].PLOVER == "ACCUSE" {
			accuse = &evs[i]
		}
	}
	if accuse == nil {
		t.Fatalf("no USAGOV→RUS accusation: %s", dump(evs))
	}
	if accuse.SourceRef == nil || !strings.Contains(accuse.SourceRef.Text, "Rayburn") || accuse.SourceText != "He" {
		t.Errorf("accusation source not resolved to the envoy: %+v", accuse)
	}
	syr := false
	for _, e := range evs {
		if e.Source == "USAGOV" && strings.HasPrefix(e.Target, "SYR") && e.PLOVER == "ACCUSE" {
			syr = true
		}
	}
	if !syr {
		t.Errorf("no USAGOV→SYR* accusation: %s", dump(evs))
	}
	found := false
	for _, e := range evs {
		if e.Source == "SYRMIL" && e.QuadClass == 4 {
			found = true
		}
	}
	if !found {
		t.Errorf("no material-conflict event by the Syrian army: %s", dump(evs))
	}
	for _, e := range evs {
		if e.Date != "2019-11-20" || e.DocID != "t" || e.Pattern == "" || e.Text == "" {
			t.Errorf("incomplete event %+v", e)
		}
	}
}

func TestSentenceConstructions(t *testing.T) {
	c := loadPhoenix(t)
	tests := []struct {
		name, text string
		want       [][3]string // source, target, CAMEO prefix
		none       bool
	}{
		{"active", "Russian troops attacked Ukrainian positions near Kharkiv.", [][3]string{{"RUSMIL", "UKR", "19"}}, false},
		{"passive with by", "Ukrainian positions were attacked by Russian troops.", [][3]string{{"RUSMIL", "UKR", "19"}}, false},
		{"negated", "Russian troops did not attack Ukrainian positions.", nil, true},
		{"coordinated subject", "Russia and Syria accused Turkey of supporting terrorists.", [][3]string{{"RUS", "TUR", "11"}, {"SYR", "TUR", "11"}}, false},
		{"reporting clause", "Israel attacked Hamas positions in Gaza, the army said.", [][3]string{{"ISR", "PSEREBHMS", "19"}}, false},
		// the killing happened, by whom the text does not say: kept with an
		// empty source (flagged no_source) for PLOVER/ACLED-style counts
		{"participle without agent", "Ten Russian soldiers killed in Ukraine were buried.", [][3]string{{"-", "RUSMIL", "19"}}, false},
		{"complement clause subject", "Turkey said Syrian forces attacked Kurdish fighters near Afrin.", [][3]string{{"SYR", "---UAF", "19"}}, false},
		{"relative clause", "The rebels, who kidnapped UN peacekeepers last week, attacked Syrian troops.", [][3]string{{"---REB", "IGOUNO", "18"}, {"---REB", "SYRMIL", "19"}}, false},
		// (the killing is the bombing's: 19; the linear coder read the
		// earlier "bombed" as a weapon pattern of "killing" and gave 183)
		{"participle adjunct", "Israeli aircraft bombed Gaza, killing three Hamas militants.", [][3]string{{"ISR", "PSEGZA", "19"}, {"ISR", "PSEREBHMS", "19"}}, false},
		// the protesters clash in Hong Kong: theirs is the place's country
		{"quantity of agents", "Hundreds of protesters clashed with police in Hong Kong on Sunday.", [][3]string{{"HKGOPP", "HKGCOP", "19"}}, false},
		{"purpose infinitive", "Turkish troops entered northern Syria to fight Kurdish militants.", [][3]string{{"TURMIL", "---UAF", "19"}}, false},
		{"requested action", "We call on Russia to withdraw its forces.", nil, true},
		{"hyphenated sponsor", "The Saudi-led coalition carried out air strikes on Houthi positions near Sanaa.", [][3]string{{"SAU", "YEM", "19"}}, false},
		{"agent and location", "French police used tear gas to disperse demonstrators in Paris.", [][3]string{{"FRACOP", "FRAOPP", "17"}}, false},
		{"speech verb addressee", "Russia told Ukraine that it would cut gas supplies.", [][3]string{{"RUS", "UKR", "01"}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := codeText(t, c, tc.text)
			if tc.none && len(evs) > 0 {
				t.Fatalf("want no events, got %s", dump(evs))
			}
			for _, w := range tc.want {
				if !has(evs, w[0], w[1], w[2]) {
					t.Errorf("want %v, got %s", w, dump(evs))
				}
			}
		})
	}
}

func TestReportedBy(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeText(t, c, "Israel attacked Hamas positions in Gaza, the army said.")
	if len(evs) == 0 || evs[0].Certainty != "reported" || evs[0].ReportedBy != "the army" {
		t.Fatalf("reporting clause not recorded: %+v", evs)
	}
	evs = codeText(t, c, "Israel will attack Hamas positions in Gaza.")
	if len(evs) == 0 || evs[0].Modality != "intended" {
		t.Fatalf("modality not recorded: %+v", evs)
	}
}

func TestExplain(t *testing.T) {
	c, _ := loadValidation(t)
	out := c.Explain("Arnor is about to restore full diplomatic ties with Gondor.", time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, want := range []string{"Tokens:", `Actor "ARNOR" → ARN (ARNOR_ PETR.Validate.actors.txt:45)`, `Verb "RESTORE"`, "pattern - * DIPLOMATIC [064] (PETR.Validate.verbs.txt:991)", "Event: ARN GON 064"} {
		if !strings.Contains(out, want) {
			t.Errorf("Explain lacks %q:\n%s", want, out)
		}
	}
}

func TestStoryDiscardDropsDocument(t *testing.T) {
	c, _ := loadValidation(t)
	doc := &egret.Document{ID: "d", Date: time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC),
		Text: "Arnor is about to restore full diplomatic ties with Gondor. A typhoon trashed its embassy."}
	evs, err := c.Code(context.Background(), doc)
	if err != nil || len(evs) != 0 {
		t.Fatalf("story discard: %v %s", err, dump(evs))
	}
}
