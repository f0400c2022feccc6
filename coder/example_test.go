package coder

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

func loadPhoenix(t testing.TB) *Coder {
	t.Helper()
	sh := sharedDir(t)
	d, err := petrarch.LoadDir(filepath.Join(sh, "petrarch", "phoenix"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	return mustNew(t, d, p, Options{})
}

// TestGigawordSample codes the real AFP sentences of the PETRARCH GigaWord
// sample with the Phoenix dictionaries and checks events a reader would
// expect (and one that must not appear); go test -v lists every event.
func TestGigawordSample(t *testing.T) {
	c := loadPhoenix(t)
	docs := gigawordDocs(t, 60)[:67]
	byID := map[string][]egret.Event{}
	for i := range docs {
		evs, err := c.Code(context.Background(), &docs[i])
		if err != nil {
			t.Fatal(err)
		}
		byID[docs[i].ID] = append(byID[docs[i].ID], evs...)
		t.Logf("%s: %.90s", docs[i].ID, docs[i].Text)
		for _, e := range evs {
			t.Logf("    %s %s %s [%s | %s | %s]", e.Source, e.Target, e.CAMEO, e.SourceText, e.EventText, e.TargetText)
		}
	}
	want := []struct{ id, src, tgt, code string }{
		{"GOLD_4", "UKR", "IGOEUREEC", "03"},          // ratified an agreement with the EU
		{"AFP0808020905_1", "USAMIL", "LBNGOV", "04"}, // the US commander held talks with President Suleiman
		{"AFP0808020857_1", "ISR", "PSE", "0"},        // Israel released the mayor of Nablus
		{"NEST_2.75", "IMGMUSISI", "IRQ", "19"},       // the US claimed that ISIL had attacked Iraq
		{"PREP_0", "RUSGOV", "RUSCVL", "08"},          // civilians released by Putin (passive; his country's)
		{"GOLD_9", "SYRREB", "PHL", "19"},             // Syrian rebels engaged Filipino peacekeepers
		{"AFP0808020937_1", "GBROPP", "CHN", "14"},    // British activists staged a protest in Beijing
	}
	for _, w := range want {
		ok := false
		for _, e := range byID[w.id] {
			if e.Source == w.src && strings.HasPrefix(e.Target, w.tgt) && strings.HasPrefix(e.CAMEO, w.code) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: no %s→%s %s* event: %s", w.id, w.src, w.tgt, w.code, dump(byID[w.id]))
		}
	}
	for _, e := range byID["NEG_0"] { // Obama said he would not help Israel
		if e.Target == "ISR" && strings.HasPrefix(e.CAMEO, "07") {
			t.Errorf("NEG_0: negated aid coded: %s", dump(byID["NEG_0"]))
		}
	}
}

// TestPhoenixPairsOnlyMutualActs: with the Phoenix dictionaries a
// compound source with no target pairs its members only for mutual acts
// ("Israel and Syria met"), not for what they say or do together
// ("U.S. and Iraqi officials describe it ...").
func TestPhoenixPairsOnlyMutualActs(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeText(t, c, "Israel and Syria met in Ankara on Monday.")
	if !has(evs, "ISR", "SYR", "04") || !has(evs, "SYR", "ISR", "04") {
		t.Errorf("met: want ISR↔SYR 04, got %s", dump(evs))
	}
	for _, text := range []string{
		"U.S. and Iraqi officials describe the raid as a joint operation.",
		"Pakistan and China reject the claims made by the separatists.",
	} {
		evs := codeText(t, c, text)
		for _, e := range evs {
			if e.Source != "" && e.Target != "" && e.Source[:3] != e.Target[:3] && (e.Source[:3] == "USA" && e.Target[:3] == "IRQ" || e.Source[:3] == "IRQ" && e.Target[:3] == "USA" ||
				e.Source[:3] == "PAK" && e.Target[:3] == "CHN" || e.Source[:3] == "CHN" && e.Target[:3] == "PAK") {
				t.Errorf("%q: the co-actors are not each other's targets: %s", text, dump(evs))
			}
		}
	}
}

// TestPhoenixTitleOverElite: a name whose dated office has lapsed falls
// back to elite (ELI); a title before it says what the person holds now,
// and "former" keeps ELI.
func TestPhoenixTitleOverElite(t *testing.T) {
	c := loadPhoenix(t)
	for _, tc := range []struct{ text, src string }{
		{"Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Beijing on Monday.", "JPNGOV"},
		{"Former Prime Minister Shinzo Abe met Chinese President Xi Jinping in Beijing on Monday.", "JPNELI"},
	} {
		doc := egret.Document{ID: "t", Text: tc.text, Date: time.Date(2014, 3, 3, 0, 0, 0, 0, time.UTC)}
		evs, err := c.Code(context.Background(), &doc)
		if err != nil {
			t.Fatal(err)
		}
		if !has(evs, tc.src, "CHNGOV", "04") {
			t.Errorf("%q: want %s>CHNGOV 04, got %s", tc.text, tc.src, dump(evs))
		}
	}
}

// TestPhoenixVisitAimedAtPlace: a visit pattern with no object is aimed
// at where the visitor goes ("arrived in Israel for a solidarity visit").
func TestPhoenixVisitAimedAtPlace(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeText(t, c, "US President Joe Biden arrived in Israel on Wednesday for a solidarity visit.")
	if !has(evs, "USAGOV", "ISR", "042") {
		t.Errorf("want USAGOV>ISR 042, got %s", dump(evs))
	}
}

// TestPhoenixThreatAimedThroughComplement: a threat with no object is
// aimed at the target of the act it threatens.
func TestPhoenixThreatAimedThroughComplement(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeText(t, c, "North Korea threatened to launch a pre-emptive nuclear strike against the United States.")
	if !has(evs, "PRK", "USA", "13") {
		t.Errorf("want PRK>USA 13, got %s", dump(evs))
	}
}

// TestPhoenixThreatOnce: a threat verb and the act it threatens are one
// threat, with the more precise code.
func TestPhoenixThreatOnce(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeText(t, c, "Russia threatened to cut gas supplies to Ukraine unless Kiev paid its debts.")
	if !has(evs, "RUS", "UKR", "1311") || has(evs, "RUS", "UKR", "130") {
		t.Errorf("want only RUS>UKR 1311, got %s", dump(evs))
	}
}

// TestPhoenixIraqUnderOccupation: the Phoenix dictionaries date Iraq's
// occupation code "1920030320-20060520"; read as PETRARCH reads it, Iraq
// keeps a code in 2003-2006 AFP copy.
func TestPhoenixIraqUnderOccupation(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "Iraqi police arrested 20 insurgents in Baghdad on Sunday.", "2004-05-02")
	if !has(evs, "IRQOCCCOP", "---REB", "173") {
		t.Errorf("want IRQOCCCOP>---REB 173, got %s", dump(evs))
	}
}

// TestPhoenixPurposeClauseOutsidePattern: a pattern of "met" does not
// reach into the purpose clause ("- * &FIGHT [:110]" on "the war").
func TestPhoenixPurposeClauseOutsidePattern(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "The Egyptian and Jordanian foreign ministers met in Amman to discuss the war in Gaza.", "2008-03-01")
	if !has(evs, "EGYGOV", "JORGOV", "040") || has(evs, "JORGOV", "EGYGOV", "110") {
		t.Errorf("want the meeting (040) and no disapproval (110), got %s", dump(evs))
	}
}

// TestPhoenixThreatTargetInAct: a threat is aimed at the target of the
// act threatened, also when that act's own pattern codes nothing
// ("CUT * OIL [---]").
func TestPhoenixThreatTargetInAct(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "Venezuela threatened to cut off oil supplies to Colombia on Sunday.", "2008-03-02")
	if !has(evs, "VEN", "COL", "13") {
		t.Errorf("want VEN>COL 13, got %s", dump(evs))
	}
}

// TestPhoenixTailSpeakerNoTarget: the speakers of a reporting tail read as
// a reduced relative ("..., state media reported") are no target.
func TestPhoenixTailSpeakerNoTarget(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "Myanmar's junta freed 9,000 prisoners in an amnesty, state media reported.", "2008-09-01")
	for _, e := range evs {
		if strings.HasSuffix(e.Target, "MED") {
			t.Errorf("the reporting media made a target: %s", dump(evs))
		}
	}
}

// TestPhoenixPluralDemonym: "Iraqis" are Iraq's where the Phoenix
// dictionaries list only "IRAQI".
func TestPhoenixPluralDemonym(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "Gunmen kidnapped two Iraqis on Monday.", "2008-09-01")
	ok := false
	for _, e := range evs {
		ok = ok || strings.HasPrefix(e.Target, "IRQ") && strings.HasPrefix(e.CAMEO, "18")
	}
	if !ok {
		t.Errorf("want an abduction of IRQ, got %s", dump(evs))
	}
}

// TestPhoenixReleasedRebels: prisoners a pattern names ("- * PRISONERS")
// who are rebels of the source's country are its target, not forces of
// its own.
func TestPhoenixReleasedRebels(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "The Afghan government released 65 Taliban prisoners on Thursday.", "2009-09-01")
	if !has(evs, "AFGGOV", "AFGREB", "0841") {
		t.Errorf("want the release of the Taliban prisoners, got %s", dump(evs))
	}
}

// TestPhoenixBackgroundPhraseNoTarget: what came before an act ("after a
// meeting of their presidents") names no target for the act's pattern.
func TestPhoenixBackgroundPhraseNoTarget(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "Venezuela and Colombia agreed to restore diplomatic relations after a meeting of their presidents.", "2010-08-11")
	for _, e := range evs {
		if strings.HasSuffix(e.Target, "GOV") {
			t.Errorf("the presidents of a background phrase made a target: %s", dump(evs))
			break
		}
	}
}

// TestPhoenixNameSyllableNoAcronym: "Un" ending a name the Phoenix
// dictionaries lack ("Kim Jong Un") is no UN.
func TestPhoenixNameSyllableNoAcronym(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeText(t, c, "Kim Jong Un held talks with Russian President Vladimir Putin.")
	for _, e := range evs {
		if strings.HasPrefix(e.Source, "IGOUNO") || strings.HasPrefix(e.Target, "IGOUNO") {
			t.Errorf("the UN from a name's last part: %s", dump(evs))
		}
	}
	evs = codeText(t, c, "Chinese President Xi Jinping met UN Secretary-General Antonio Guterres in Beijing.")
	if !has(evs, "CHNGOV", "IGOUNO", "04") {
		t.Errorf("an acronym in capitals is still the UN: want CHNGOV>IGOUNO 04, got %s", dump(evs))
	}
}

// TestPhoenixCourtSentenceNoSanction: a court's sentence on another
// country's people is no sanction (163), as a government's ban on them is;
// it keeps the dictionary's 172.
func TestPhoenixCourtSentenceNoSanction(t *testing.T) {
	c := loadPhoenix(t)
	evs := codeTextOn(t, c, "An Iranian court sentenced two American hikers to eight years in prison.", "2011-08-20")
	if has(evs, "IRNJUD", "USACVL", "163") || !has(evs, "IRNJUD", "USACVL", "172") {
		t.Errorf("want IRNJUD>USACVL 172 and no 163, got %s", dump(evs))
	}
}
