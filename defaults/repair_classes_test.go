package defaults_test

import (
	"testing"

	"github.com/egret-events/egret/coder"
)

// TestRepairClasses guards two classes of news misparse the coder's tree
// repairs mend (coder/repair.go), each with several sentences of the
// class and the look-alikes the repairs must leave alone.
func TestRepairClasses(t *testing.T) {
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []newsCase{
		// A sentence-opening participle of doubt ("Suspected", "Alleged")
		// read as the main verb left the real predicate a negated clause.
		{name: "suspected jihadists killed civilians",
			text:  "Suspected jihadist fighters killed at least 23 civilians in central Mali on Sunday.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"MLIREB>MLICVL:19"}},
		{name: "alleged Islamic State fighters killed soldiers",
			text:  "Alleged Islamic State fighters killed 10 soldiers in Niger.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"IMGMUSISI>NERMIL:19"}},
		{name: "suspected Boko Haram abducted students",
			text:  "Suspected Boko Haram militants abducted 30 students in Nigeria.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"NGAREB>NGAEDU:18"}},
		{name: "suspected rebels attacked a convoy",
			text:  "Suspected rebels attacked a convoy in Congo.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"CODREB>*:19"}},
		{name: "alleged drones struck a ship",
			text:  "Alleged Houthi drones struck a ship in the Red Sea.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"YEMREB>*:19"}},
		{name: "suspected fighters shot dead soldiers",
			text:  "Suspected ISWAP fighters shot dead five soldiers in Borno.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"*>NGAMIL:19"}},
		{name: "suspected warplanes bombed a convoy",
			text:  "Suspected Israeli warplanes bombed a convoy in Sudan.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"ISRMIL>*:19"}},
		{name: "suspected rebels ambushed a patrol",
			text:  "Suspected Maoist rebels ambushed a police patrol in Chhattisgarh.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"---REB>---COP:19"}},
		{name: "suspected militants with an auxiliary",
			text:  "Suspected al-Shabaab militants have killed four police officers in Kenya.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"SOMREB>KENCOP:19"}},
		{name: "suspected drones are attacking",
			text:  "Suspected Russian drones are attacking Ukrainian ports.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"RUS>UKR:19"}},
		// look-alikes: already the subject's modifier
		{name: "alleged spies were arrested",
			text: "Alleged Israeli spies were arrested in Iran.",
			date: "2025-03-12",
			want: []string{"*>ISRSPY:17"}},
		{name: "purported gunmen have kidnapped",
			text:  "Purported Hamas gunmen have kidnapped two Israeli soldiers near Gaza.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"PSEREBHMS>ISRMIL:18"}},

		// "NP1 V1 O1 and NP2 V2 O2" read as "O1 and NP2" coordinated,
		// losing the second clause or its subject.
		{name: "Hamas will release and Israel will free",
			text:   "Hamas will release 20 hostages and Israel will free hundreds of Palestinian prisoners.",
			date:   "2025-10-08",
			lower:  true,
			want:   []string{"PSEREBHMS>---CVL:0", "ISR>PSECVL:0"},
			forbid: []string{"PSEREBHMS>ISR:*"}},
		{name: "people were injured and police arrested",
			text:   "Forty people were injured and police arrested 25 protesters in Dhaka.",
			date:   "2025-03-12",
			lower:  true,
			want:   []string{"BGDCOP>BGDCVL:17"},
			forbid: []string{"BGDCVL>*:17"}},
		{name: "Modi met Ishiba and the government signed",
			text:  "Modi met Japanese Prime Minister Shigeru Ishiba in Tokyo and the Japanese government signed a defense pact with India.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"INDGOV>JPNGOV:04", "JPNGOV>IND:06"}},
		{name: "Taliban detained and Britain summoned",
			text:  "The Taliban detained a British couple and Britain summoned the Afghan envoy.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"AFGGOV>GBR:17", "GBR>AFGGOV:11"}},
		{name: "Turkey has deployed and Egypt has condemned",
			text:  "Turkey has deployed troops to Libya and Egypt has condemned Turkey.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"TUR>*:15", "EGY>TUR:11"}},
		// look-alikes: real noun coordination, relative clauses, reduced
		// relatives and clauses of saying keep their reading
		{name: "coordinated subjects signed",
			text:  "Hamas and Israel signed a ceasefire deal in Cairo.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"PSEREBHMS>ISR:08", "ISR>PSEREBHMS:08"}},
		{name: "relative clause without pronoun",
			text:  "Israel welcomed the hostages Hamas released on Sunday.",
			date:  "2025-03-12",
			lower: true,
			want:  []string{"ISR>---CVL:05"}},
		{name: "reduced relative after a conjunct",
			text:   "Israel freed the prisoners and detainees held without charge.",
			date:   "2025-03-12",
			lower:  true,
			want:   []string{"ISR>---CVL:08"},
			forbid: []string{"---CVL>*:*"}},
		{name: "speech verb with coordinated reported subjects",
			text:   "Police said protesters and journalists gathered outside parliament.",
			date:   "2025-03-12",
			lower:  true,
			forbid: []string{"---CVL>*:*"}},
	}
	runNewsCases(t, c, cases)
}
