package defaults_test

import (
	"testing"

	"github.com/egret-events/egret/coder"
)

// TestCooperationCoverage guards news phrasings of the cooperative CAMEO
// roots (03 intent, 04 consult, 05 support, 06 cooperate, 08 yield and
// retreat) that the dictionaries once missed or miscoded: each case failed
// before the dictionary entry its comment names.
func TestCooperationCoverage(t *testing.T) {
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []newsCase{
		// 03: an intent expressed, signalled or voiced is the intent the
		// infinitive names (EXPRESS &INTENT_ TO_...); arms pledged "to" a
		// state go to that state, not to the arms.
		{name: "expressed readiness to settle",
			text: "Ethiopia expressed readiness to settle its border dispute with Eritrea.", date: "2024-05-01",
			want: []string{"ETH>ERI:037"}, lower: true},
		{name: "committed to sending weapons to",
			text: "Germany committed to sending more air defense systems to Ukraine.", date: "2024-05-01",
			want: []string{"DEU>UKR:0332", "DEU>UKR:072"}, forbid: []string{"*>---MIL:*"}, lower: true},
		// Lifting a blockade and disengaging troops are de-escalation (0356),
		// not eased administrative sanctions (0351).
		{name: "agreed to lift its blockade",
			text: "Azerbaijan agreed to lift its blockade of Armenia.", date: "2024-05-01",
			want: []string{"AZE>ARM:0356"}, forbid: []string{"*>*:0351"}, lower: true},
		{name: "agreed to disengage troops",
			text: "India and China agreed to disengage troops along their disputed border.", date: "2024-10-21",
			want: []string{"IND>CHN:0356", "CHN>IND:0356"}, lower: true},
		// 04: phone calls and visits with words inside the phrase.
		{name: "spoke by phone with",
			text: "French President Emmanuel Macron spoke by phone with Volodymyr Zelensky.", date: "2024-05-01",
			want: []string{"FRAGOV>UKRGOV:041", "UKRGOV>FRAGOV:041"}},
		{name: "had a phone conversation with",
			text: "Iranian President Pezeshkian had a phone conversation with Vladimir Putin.", date: "2024-09-01",
			want: []string{"IRNGOV>RUSGOV:041"}},
		{name: "paid a three-day visit to",
			text: "The Chinese foreign minister paid a three-day visit to Pakistan.", date: "2024-05-01",
			want: []string{"CHNGOV>PAK:042"}, lower: true},
		{name: "made a state visit to",
			text: "The Netherlands made a two-day state visit to Indonesia.", date: "2024-05-01",
			want: []string{"NLD>IDN:042"}, lower: true},
		// 05: support idioms, rallying support, initialled agreements,
		// recognition and amnesty granted (no aid).
		{name: "threw its weight behind",
			text: "Germany threw its weight behind Ukraine's bid to join the EU.", date: "2024-05-01",
			want: []string{"DEU>UKR:051"}, lower: true},
		{name: "mobilized international support for",
			text: "France mobilized international support for Lebanon's army.", date: "2024-05-01",
			want: []string{"FRA>LBNMIL:053"}, lower: true},
		{name: "initialed a peace agreement",
			text: "Armenia and Azerbaijan initialed a peace agreement.", date: "2025-08-08",
			want: []string{"ARM>AZE:057", "AZE>ARM:057"}, lower: true},
		{name: "granted diplomatic recognition",
			text: "Kenya granted diplomatic recognition to Somaliland.", date: "2024-05-01",
			want: []string{"KEN>*:054"}, forbid: []string{"*>*:07"}, lower: true},
		{name: "granted amnesty",
			text: "The junta granted amnesty to hundreds of political prisoners.", date: "2024-05-01",
			want: []string{"*>*:056"}, forbid: []string{"*>*:07"}, lower: true},
		// 06: the state an extradited suspect is sent to is the partner;
		// working with and stepping up cooperation.
		{name: "extradited a suspect to",
			text: "Thailand extradited a Russian suspect to the United States.", date: "2024-05-01",
			want: []string{"THA>USA:063"}, forbid: []string{"*>RUSCRM:*"}, lower: true},
		{name: "handed over suspects to",
			text: "Greece handed over two suspects to Italian authorities.", date: "2024-05-01",
			want: []string{"GRC>ITAGOV:063"}, lower: true},
		{name: "stepped up cooperation",
			text: "Morocco and Spain stepped up cooperation on migration.", date: "2024-05-01",
			want: []string{"MAR>ESP:06", "ESP>MAR:06"}, lower: true},
		{name: "worked with",
			text: "Brazilian police worked with the FBI to dismantle a hacking ring.", date: "2024-05-01",
			want: []string{"BRACOP>USACOP:06"}, lower: true},
		// 08: bans scrapped, bills withdrawn under pressure, positions
		// handed over, strikes paused, moratoria on strikes.
		{name: "scrapped a ban",
			text: "Nepal's government scrapped a social media ban after protests.", date: "2025-09-09",
			want: []string{"NPLGOV>*:081"}, lower: true},
		{name: "withdrew the finance bill",
			text: "Kenya's president withdrew the finance bill in a concession to protesters.", date: "2024-06-26",
			want: []string{"KENGOV>*:080"}, forbid: []string{"*>*:087"}, lower: true},
		{name: "handed over positions to",
			text: "Hezbollah fighters handed over their positions south of the Litani river to the Lebanese army.", date: "2024-12-20",
			want: []string{"LBNREB>LBNMIL:087"}, lower: true},
		{name: "began implementing a ceasefire",
			text: "Israel and Hamas began implementing a ceasefire in Gaza.", date: "2025-01-19",
			want: []string{"ISR>PSEREBHMS:0871", "PSEREBHMS>ISR:0871"}},
		{name: "agreed to a moratorium on strikes",
			text: "Ukraine and Russia agreed to a moratorium on strikes against energy facilities.", date: "2025-03-25",
			want: []string{"UKR>RUS:0871", "RUS>UKR:0871"}, forbid: []string{"*>*:19"}, lower: true},
	}
	runNewsCases(t, c, cases)
}
