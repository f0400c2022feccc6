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
	c := coder.New(d, p, coder.Options{})
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
		{"Police arrested dozens of protesters in Tbilisi.", "---COP>GEOCVL:173"},
		{"Thousands of protesters rallied against the government in Belgrade.", "---CVL>SRBGOV:141"},
		{"Sudan's army shelled RSF positions in Khartoum.", "SDNMIL>SDNREB:194"},
		{"Russian forces seized the village of Pokrovsk.", "RUSMIL>UKR:192"},
		{"Lavrov met Chinese Foreign Minister Wang Yi in Beijing.", "RUSGOV>CHNGOV:044"},
		{"Zelenskyy visited Washington.", "UKRGOV>USA:042"},
		{"The Taliban released two American prisoners.", "AFGGOV>USACVL:0841"},
		{"India threatened to retaliate against Pakistan.", "IND>PAK:138"},
		{"Japan lodged a protest with China.", "JPN>CHN:114"},
		{"The ICC issued an arrest warrant for Netanyahu.", "IGOJUDICC>ISRGOV:173"},
		{"Hamas released three Israeli hostages.", "PSEREBHMS>ISRCVL:0841"},
		{"Serbia's president praised Russia's support.", "SRBGOV>RUS:051"},
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
