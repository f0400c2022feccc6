package defaults_test

import "testing"

// TestCooperationGaps guards phrasings of cooperation, concession and
// property destruction that a review of egret output on sentences of our
// own writing found missing from the verb dictionary: one exercise or
// drill, captives handed over, troop levels reduced, defacing.
func TestCooperationGaps(t *testing.T) {
	cases := []newsCase{
		// Joint exercises in the singular, naval and air, are mutual.
		{name: "a joint naval drill",
			text: "China and Russia held a joint naval drill in the Sea of Japan.", date: "2025-03-01",
			want: []string{"CHN>RUS:062", "RUS>CHN:062"}, lower: true},
		{name: "a joint military exercise",
			text: "Vietnam and Laos held a joint military exercise near the border.", date: "2025-03-01",
			want: []string{"VNM>LAO:062", "LAO>VNM:062"}},
		// Captives handed over are released, suspects extradited.
		{name: "handed over prisoners",
			text: "Russia handed over 150 Ukrainian prisoners to Ukraine.", date: "2025-03-01",
			want: []string{"RUS>UKR:0841"}, forbid: []string{"*>*:063"}},
		{name: "handed over soldiers",
			text: "Hamas handed over three Israeli soldiers to the Red Cross.", date: "2025-03-01",
			want: []string{"PSEREBHMS>*:0841"}, forbid: []string{"*>*:063"}},
		{name: "handed over a suspect",
			text: "Kenya handed over a terror suspect to the United States.", date: "2025-03-01",
			want: []string{"KEN>USA:063"}},
		// Stepping back without leaving.
		{name: "reduced troop levels",
			text: "India and China reduced troop levels along the border.", date: "2025-03-01",
			want: []string{"IND>CHN:087", "CHN>IND:087"}},
		{name: "lowered combat readiness",
			text: "North Korea lowered combat readiness along the border with South Korea.", date: "2025-03-01",
			want: []string{"PRK>KOR:087"}},
		// Massing troops, cutting aid with its kind named.
		{name: "massed troops",
			text: "Russia massed troops near the Ukrainian border.", date: "2025-03-01",
			want: []string{"RUS>*:154"}},
		{name: "cut development aid",
			text: "The Netherlands cut development aid to Rwanda.", date: "2025-03-01",
			want: []string{"NLD>RWA:162"}},
		{name: "suspended military aid",
			text: "The United States suspended military aid to Ukraine.", date: "2025-03-01",
			want: []string{"USA>UKR:1622"}},
		// Massacres and murders keep their own codes.
		{name: "massacred civilians",
			text: "Militiamen massacred hundreds of civilians in El Fasher.", date: "2025-03-01",
			want: []string{"*>*:202"}, forbid: []string{"*>*:190"}},
		{name: "murdered a shopkeeper",
			text: "Gunmen murdered a shopkeeper in Ludhiana.", date: "2025-03-01",
			want: []string{"*>*:1823"}},
		// Refusing to step down rejects a change of leadership.
		{name: "refused to step down",
			text: "Maduro rejected opposition demands to step down.", date: "2025-03-01",
			forbid: []string{"*>*:1241"}},
		// Territory taken from someone: they lose it.
		{name: "recaptured X from Y",
			text: "The Sudanese army recaptured Khartoum from the RSF.", date: "2025-03-27",
			want: []string{"SDNMIL>SDNREB:192"}},
		// A jailbreak: the prison is attacked, the inmates are no
		// concession; a government freeing inmates is one.
		{name: "stormed a prison, freeing inmates",
			text: "Gunmen stormed a prison in Kogi state, freeing more than 500 inmates.", date: "2025-06-01",
			want: []string{"---UAF>*:190"}, forbid: []string{"*>*:084"}},
		{name: "government freed inmates",
			text: "The government freed 500 inmates under an amnesty.", date: "2025-06-01",
			want: []string{"*>*:084"}},
		// Defacing is destroying property.
		{name: "defaced a statue",
			text: "Protesters defaced a statue of the president in Nairobi.", date: "2025-03-01",
			want: []string{"*>*:1712"}},
	}
	runNewsCases(t, defaultCoder(t), cases)
}

// TestLeaderSurnames guards leaders named by surname alone, as wire copy
// does after the first mention and headlines do at once.
func TestLeaderSurnames(t *testing.T) {
	cases := []newsCase{
		{name: "Ruto", text: "Ruto criticized the opposition on Monday.", date: "2025-03-01",
			want: []string{"KENGOV>*:111"}, lower: true},
		{name: "Vance", text: "Vance met Zelensky in Munich.", date: "2025-03-01",
			want: []string{"USAGOV>UKRGOV:04"}},
		{name: "Goita", text: "Goita accused France of supporting terrorists.", date: "2025-03-01",
			want: []string{"MLIGOV>FRA:112"}},
		{name: "Tiani", text: "Tiani expelled the French ambassador.", date: "2025-03-01",
			want: []string{"NERGOV>*:*"}},
		{name: "Biya", text: "Biya rejected the opposition's claims.", date: "2025-10-30",
			want: []string{"CMRGOV>*:*"}},
		{name: "Boluarte in office", text: "Boluarte criticized Congress.", date: "2025-09-12",
			want: []string{"PERGOV>*:111"}},
		{name: "Boluarte removed", text: "Boluarte criticized Congress.", date: "2025-11-12",
			want: []string{"PERELI>*:111"}},
	}
	runNewsCases(t, defaultCoder(t), cases)
}

// TestVerbalGaps guards verbal phrasings a review of reported speech
// found coded wrongly or not at all: regret over another's act is
// disapproval, regret for one's own an apology; calling something a
// mistake is criticism; accepting an apology forgives, accepting a
// proposal endorses it; remaining open to dialogue offers talks.
func TestVerbalGaps(t *testing.T) {
	cases := []newsCase{
		{name: "regret over another's decision",
			text: "South Korea expressed regret over Japan's decision to release the water.", date: "2025-06-01",
			want: []string{"KOR>JPN:111"}, forbid: []string{"*>*:055"}},
		{name: "regret to those hurt",
			text: "Japan expressed regret to China for the incident.", date: "2025-06-01",
			want: []string{"JPN>CHN:055"}},
		{name: "called it a grave mistake",
			text: "Germany called Israel's campaign in Gaza a grave mistake.", date: "2025-06-01",
			want: []string{"DEU>ISR:111"}},
		{name: "said the decision was a mistake",
			text: "China said the US decision was a mistake.", date: "2025-06-01",
			want: []string{"CHN>USA:111"}},
		{name: "accepted the apology",
			text: "Ukraine accepted the apology from Poland.", date: "2025-06-01",
			want: []string{"UKR>POL:056"}},
		{name: "accepted the proposal",
			text: "Israel accepted the US proposal.", date: "2025-06-01",
			want: []string{"ISR>USA:05"}},
		{name: "welcomed a leader for a state visit",
			text: "Modi welcomed Putin to New Delhi for a state visit.", date: "2025-12-04",
			want: []string{"INDGOV>RUSGOV:043"}},
		{name: "welcomed a decision",
			text: "Ukraine welcomed the EU decision.", date: "2025-06-01",
			want: []string{"UKR>IGOEUREEC:051"}},
		{name: "remains open to dialogue",
			text: "Beijing remains open to dialogue with Taipei.", date: "2025-06-01",
			want: []string{"CHN>TWN:036"}, lower: true},
	}
	runNewsCases(t, defaultCoder(t), cases)
}

// TestPlaceNamesOfOtherCountries guards place names that contain another
// country's name or capital: Nigeria's Niger State, Mozambique's
// Mocímboa da Praia (Praia is Cape Verde's capital).
func TestPlaceNamesOfOtherCountries(t *testing.T) {
	cases := []newsCase{
		{name: "Niger State", text: "Bandits abducted 20 villagers in Niger State on Sunday.", date: "2025-06-01",
			want: []string{"NGACRM>NGACVL:181"}, forbid: []string{"*>NERCVL:*", "NERCRM>*:*"}},
		{name: "Mocimboa da Praia", text: "Insurgents attacked Mocímboa da Praia overnight.", date: "2025-06-01",
			want: []string{"*>MOZ:19"}, forbid: []string{"*>CPV:*"}},
	}
	runNewsCases(t, defaultCoder(t), cases)
}
