package defaults_test

import (
	"testing"

	"github.com/egret-events/egret/coder"
)

// TestDictionaryCoverage guards the phrasings of present-day news that the
// dictionaries once missed or miscoded, one group per event class: each
// case failed before the dictionary entry it names.
func TestDictionaryCoverage(t *testing.T) {
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []newsCase{
		// Ceasefires: a ceasefire agreement or deal reached is a ceasefire
		// (0871), not any agreement (057); agreeing to stop fighting is an
		// intent to de-escalate (0356), both ways.
		{name: "reached a ceasefire agreement",
			text: "Armenia and Azerbaijan reached a ceasefire agreement.", date: "2024-05-01",
			want: []string{"ARM>AZE:0871", "AZE>ARM:0871"}, forbid: []string{"*>*:057"}, lower: true},
		{name: "reached a ceasefire deal",
			text: "Israel and Hamas reached a ceasefire deal.", date: "2025-01-15",
			want: []string{"ISR>PSEREBHMS:0871", "PSEREBHMS>ISR:0871"}, forbid: []string{"*>*:057"}},
		{name: "agreed to stop all military action",
			text: "India and Pakistan agreed to stop all military action.", date: "2025-05-10",
			want: []string{"IND>PAK:0356", "PAK>IND:0356"}},
		{name: "agreed to cease hostilities",
			text: "India and Pakistan agreed to cease hostilities.", date: "2025-05-10",
			want: []string{"IND>PAK:0356", "PAK>IND:0356"}},
		// Sanctions: the passive names the sanction first; lifting them is
		// easing (085), not a new sanction.
		{name: "sanctions were imposed on ... by",
			text: "New sanctions were imposed on Belarus by the European Union.", date: "2024-05-01",
			want: []string{"IGOEUREEC>BLR:163"}, forbid: []string{"*>*:05"}},
		{name: "tariffs were slapped on",
			text: "Tariffs were slapped on Chinese goods by the Trump administration.", date: "2025-04-01",
			want: []string{"USAGOV>CHN:163"}},
		{name: "announced the lifting of sanctions",
			text: "Trump announced the lifting of sanctions on Syria.", date: "2025-05-13",
			want: []string{"USAGOV>SYR:085"}, forbid: []string{"*>*:16"}},
		{name: "sanctions were lifted by",
			text: "Sanctions on Syria were lifted by the United States.", date: "2025-05-13",
			want: []string{"USA>SYR:085"}},
		// Resignations: the cause after "over" is no deal quit.
		{name: "resigned over the declaration",
			text: "South Korea's defense minister resigned over the martial law declaration.", date: "2024-12-05",
			want: []string{"KORGOVMIL>KOR:0831"}, forbid: []string{"*>*:12"}},
		// Withdrawals: the place left follows "from", not the troops.
		{name: "pulled back its troops from",
			text: "Rwanda pulled back its troops from eastern Congo.", date: "2024-05-01",
			want: []string{"RWA>COD:087"}, forbid: []string{"*>RWAMIL:*"}, lower: true},
		{name: "completed the withdrawal of its troops from",
			text: "France completed the withdrawal of its troops from Niger.", date: "2023-12-22",
			want: []string{"FRA>NER:087"}, forbid: []string{"*>FRAMIL:*"}},
		// Protest and riot: protesters storming or attacking riot (145).
		{name: "protesters stormed parliament",
			text: "Anti-government protesters stormed parliament in Nairobi.", date: "2024-06-25",
			want: []string{"KENCVL>KENLEG:145"}, forbid: []string{"*>*:19"}},
		// Detention of foreign nationals.
		{name: "nationals were detained",
			text: "Two British nationals were detained by Iranian authorities.", date: "2024-05-01",
			want: []string{"IRNGOV>GBRCVL:173"}},
		// Abduction: people seized are abducted, not property seized.
		{name: "seized passengers",
			text: "Gunmen seized 15 passengers from a bus in Zamfara.", date: "2024-05-01",
			want: []string{"---UAF>---CVL:181"}, forbid: []string{"*>*:171"}, lower: true},
		// Sexual violence and forced displacement: adverb-first multi-word
		// verbs inflect their second word.
		{name: "sexually assaulted",
			text: "RSF fighters sexually assaulted women in El Fasher.", date: "2024-05-01",
			want: []string{"SDNREB>SDNCVL:1821"}, forbid: []string{"*>*:190"}, lower: true},
		{name: "used rape as a weapon",
			text: "Militants used rape as a weapon of war against women in Tigray.", date: "2024-05-01",
			want: []string{"ETHREB>ETHCVL:1821"}},
		{name: "forcibly displaced",
			text: "The army forcibly displaced thousands of Rohingya civilians.", date: "2024-05-01",
			want: []string{"---MIL>*:201"}},
		// Chemical weapons (2041) and munitions dropped from the air (195).
		{name: "dropped toxic gas",
			text: "Russia dropped toxic gas on Ukrainian positions.", date: "2024-05-01",
			want: []string{"RUS>UKR:2041"}},
		{name: "carried out a sarin attack",
			text: "Syrian forces carried out a sarin attack on civilians in Idlib.", date: "2017-04-04",
			want: []string{"SYRMIL>SYRCVL:2041"}},
		{name: "drones dropped grenades",
			text: "Russian drones dropped grenades on Ukrainian soldiers.", date: "2024-05-01",
			want: []string{"RUS>UKRMIL:195"}},
		// Territory: Sudanese towns fought over since 2023; goods seized at
		// an airport are no airport taken.
		{name: "seized control of Wad Madani",
			text: "The RSF seized control of Wad Madani.", date: "2023-12-19",
			want: []string{"SDNREB>SDN:192"}},
		{name: "seized goods at the airport",
			text: "Police seized 5 kg of heroin at the airport in Lahore.", date: "2024-05-01",
			want: []string{"PAKCOP>*:171"}, forbid: []string{"*>*:192"}, lower: true},
		// Disasters: accidents and their causes name no political event.
		{name: "tanker truck explosion",
			text: "A tanker truck explosion killed 20 people in Liberia.", date: "2024-05-01",
			forbid: []string{"*>*:*"}, lower: true},
		{name: "fireworks explosion",
			text: "A fireworks explosion killed 11 workers in Tamil Nadu.", date: "2024-05-01",
			forbid: []string{"*>*:*"}},
		{name: "bus overturned",
			text: "Twelve people were killed when a bus overturned in Bolivia.", date: "2024-05-01",
			forbid: []string{"*>*:*"}, lower: true},
	}
	runNewsCases(t, c, cases)
}
