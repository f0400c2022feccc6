package defaults_test

import (
	"context"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/coder"
)

// TestCodesNewsSentences codes typical news sentences with the real coder
// and the default set; each must yield the listed event (others may come
// along). It guards the verb patterns and the actor/agent entries together.
func TestCodesNewsSentences(t *testing.T) {
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"Russia called on Ukraine to resume talks.", "RUS>UKR:026"},
		{"The United States called for a ceasefire in Gaza.", "USA>PSE:0256"},
		{"Ukraine called the Russian strike a war crime.", "UKR>RUS:1124"},
		{"President Trump called Vladimir Putin on Tuesday.", "USAGOV>RUSGOV:041"},
		{"China condemned the Japanese prime minister's remarks.", "CHN>JPNGOV:111"},
		{"Israeli warplanes struck Hezbollah targets in southern Lebanon.", "ISRMIL>LBNREB:195"},
		{"Iran accused Israel of assassinating a nuclear scientist.", "IRN>ISR:112"},
		{"The European Union imposed new sanctions on Russia.", "IGOEUREEC>RUS:163"},
		{"Egypt hosted talks between Israel and Hamas.", "EGY>PSEREBHMS:043"},
		{"Pakistan expelled Indian diplomats.", "PAK>INDGOV:161"},
		{"Police arrested dozens of protesters in Tbilisi.", "GEOCOP>GEOCVL:173"},
		{"Thousands of protesters rallied against the government in Belgrade.", "SRBCVL>SRBGOV:141"},
		{"Sudan's army shelled RSF positions in Khartoum.", "SDNMIL>SDNREB:194"},
		{"Russian forces seized the village of Pokrovsk.", "RUSMIL>UKR:192"},
		{"Lavrov met Chinese Foreign Minister Wang Yi in Beijing.", "RUSGOV>CHNGOV:042"}, // (in the host's capital: a visit, not a third location)
		{"Zelenskyy visited Washington.", "UKRGOV>USA:042"},
		{"The Taliban released two American prisoners.", "AFGGOV>USACVL:0841"},
		{"India threatened to retaliate against Pakistan.", "IND>PAK:138"},
		{"Japan lodged a protest with China.", "JPN>CHN:114"},
		{"The ICC issued an arrest warrant for Netanyahu.", "IGOJUDICC>ISRGOV:173"},
		{"Hamas released three Israeli hostages.", "PSEREBHMS>ISRCVL:0841"},
		{"Serbia's president praised Russia's support.", "SRBGOV>RUS:051"},
		// Intent (CAMEO 03): readiness, willingness, pledges and plans to act,
		// each coded by what is intended.
		{"Russia said it was ready to hold talks with Ukraine.", "RUS>UKR:036"},
		{"Iran expressed its willingness to negotiate with the United States.", "IRN>USA:036"},
		{"Trump will meet Putin in Alaska next week.", "USAGOV>RUSGOV:036"},
		{"Turkey offered to mediate between Russia and Ukraine.", "TUR>RUS:039"},
		{"Serbia and Kosovo agreed to resume talks.", "KSV>SRB:036"},
		{"Hamas agreed to release Israeli hostages.", "PSEREBHMS>ISRCVL:0353"},
		{"Germany pledged to send tanks to Ukraine.", "DEU>UKR:0332"},
		{"The United States is prepared to lift sanctions on Syria.", "USA>SYR:0354"},
		{"Russia said it was willing to pull out of Kherson.", "RUS>UKR:0356"},
		{"Israel agreed to ease restrictions on Gaza.", "ISR>PSE:0351"},
		{"Japan promised to invest in Sri Lanka.", "JPN>LKA:0311"},
		{"China expressed its readiness to cooperate with Brazil.", "CHN>BRA:030"},
		// Talks, calls, mediation and negotiation (04); mutual ones both ways.
		{"The United States and China held talks in Geneva.", "CHN>USA:040"},
		{"Indian commanders held a fresh round of talks with Chinese commanders.", "INDMIL>CHNMIL:040"},
		{"India held a phone call with Pakistan.", "PAK>IND:041"},
		{"Qatar mediated talks between Israel and Hamas.", "QAT>ISR:045"},
		{"Egyptian officials began negotiations with Hamas.", "EGYGOV>PSEREBHMS:046"},
		// Ties, agreements, verbal defence, apology (05).
		{"Israel and the United Arab Emirates established diplomatic ties.", "ARE>ISR:054"},
		{"Saudi Arabia restored full diplomatic relations with Iran.", "SAU>IRN:054"},
		{"Armenia and Azerbaijan signed a peace agreement.", "AZE>ARM:057"},
		{"India upgraded its ties with Mauritius.", "IND>MUS:050"},
		{"China defended Russia's position on Ukraine.", "CHN>RUS:052"},
		{"The United States issued an apology to Pakistan.", "USA>PAK:055"},
		// Joint drills (06).
		{"India and the United States held joint military exercises.", "USA>IND:062"},
		{"South Korea conducted joint drills with the United States.", "KOR>USA:062"},
		// Concessions and retreats (08): CAMEO 0862 inspectors, 0863 aid.
		{"The United States removed Cuba from the terrorism blacklist.", "USA>CUB:085"},
		{"Pakistan reopened its border with Afghanistan.", "PAK>AFG:081"},
		{"Turkey dropped its objection to Sweden's membership.", "TUR>SWE:080"},
		{"Israel allowed aid trucks into Gaza.", "ISR>PSE:0863"},
		{"Iran allowed IAEA inspectors into the country.", "IRN>IGOUNOIAE:0862"},
		{"Russia and Ukraine swapped prisoners.", "UKR>RUS:0841"},
		{"Russian troops withdrew from Kherson.", "RUSMIL>UKR:0874"},
		// Ceasefire violations and sanctions packages.
		{"Israel violated a ceasefire with Lebanon.", "ISR>LBN:196"},
		{"The European Union adopted a new sanctions package against Russia.", "IGOEUREEC>RUS:163"},
		{"The United States designated the Houthis a terrorist organization.", "USA>YEMREB:163"},
		// Property destroyed, territory taken (17, 19).
		{"Israeli forces demolished Palestinian homes in the West Bank.", "ISRMIL>PSE:1712"},
		{"Rioters set fire to shops in Delhi.", "INDCVL>IND:1712"},
		{"Russian troops captured the town of Pokrovsk in Ukraine.", "RUSMIL>UKR:192"},
		{"The Sudanese army regained control of Khartoum.", "SDNMIL>SDN:192"},
		{"Israeli troops entered Rafah.", "ISRMIL>PSE:192"},
		// Abduction, grenades, chemical weapons, drones, rockets, clashes,
		// sexual violence, killing.
		{"Gunmen abducted 20 schoolgirls in Katsina.", "---UAF>---CVL:181"},
		{"Militants threw grenades at security forces in Pulwama.", "---REB>---COP:183"},
		{"The Syrian government used chemical weapons against Syrian civilians.", "SYRGOV>SYRCVL:2041"},
		{"Assad's forces launched a chemical attack on Syria's Ghouta.", "SYRMIL>SYR:2041"},
		{"Russian drones struck Ukraine overnight.", "RUS>UKR:1952"},
		{"Russian troops fired rockets at Ukraine's Kharkiv.", "RUSMIL>UKR:194"},
		{"Sudan's army clashed with the RSF.", "SDNREB>SDNMIL:190"},
		{"Soldiers raped Nigerian women.", "---MIL>NGACVL:1821"},
		{"A mob hacked a farmer to death in Bihar.", "---CVL>---AGR:1823"},
	}
	date := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			evs, err := c.Code(context.Background(), &egret.Document{ID: "t", Text: tc.text, Date: date})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				k := e.Source + ">" + e.Target + ":" + e.CAMEO
				if k == tc.want {
					return
				}
				got = append(got, k)
			}
			t.Errorf("%q: want %s, got %v\n%s", tc.text, tc.want, got, c.Explain(tc.text, date))
		})
	}
}
