package defaults_test

import (
	"testing"

	"github.com/egret-events/egret/coder"
)

// TestSecurityAndJusticeNouns guards bare agent nouns for police, security
// and justice personnel that once coded no actor ("officers beat
// protesters"), and officers of other services that must keep their own
// sector once a bare "officer" is police.
func TestSecurityAndJusticeNouns(t *testing.T) {
	runNewsCases(t, defaultCoder(t), []newsCase{
		{name: "witnesses said officers beat protesters",
			text: "Witnesses said officers beat protesters in Dhaka.", date: "2024-07-18",
			want: []string{"BGDCOP>BGDCVL:18"}, lower: true},
		{name: "officers detained students",
			text: "Officers detained dozens of students at the university in Tehran.", date: "2022-10-03",
			want: []string{"IRNCOP>IRNEDU:173"}},
		{name: "state troopers arrested",
			text: "State troopers arrested protesters outside the capitol in Texas.", date: "2024-04-24",
			want: []string{"---COP>*:173"}},
		{name: "troopers arrested",
			text: "Troopers arrested protesters in Texas.", date: "2024-04-24",
			want: []string{"---COP>*:173"}},
		{name: "security men arrested",
			text: "Security men arrested two suspects in Srinagar.", date: "2023-06-01",
			want: []string{"---COP>---CRM:173"}, forbid: []string{"*CVL>*:*"}},
		{name: "security agents detained",
			text: "Security agents detained two activists in Tehran.", date: "2022-10-03",
			want: []string{"IRNCOP>IRNOPP:173"}},
		{name: "prison guards beat inmates",
			text: "Prison guards beat inmates in Kampala.", date: "2023-06-01",
			want: []string{"UGACOP>UGACVL:18"}},
		{name: "federal agents arrested",
			text: "Federal agents arrested protesters in Portland.", date: "2020-07-20",
			want: []string{"---COP>---CVL:173"}},
		{name: "chief justice criticized",
			text: "The chief justice criticized the government in Islamabad.", date: "2023-05-01",
			want: []string{"PAKJUD>PAKGOV:111"}},
		// Officers of other services keep their sector.
		{name: "army officers are military",
			text: "Army officers arrested the president in Niamey.", date: "2023-07-26",
			want: []string{"NERMIL>NERGOV:173"}, forbid: []string{"*COP>*:*"}},
		{name: "coast guard officers are military",
			text: "Coast guard officers rescued migrants off Libya.", date: "2023-06-01",
			forbid: []string{"*COP>*:*"}},
	})
}

// TestPoliticalParties guards national parties that coded as their country
// (or not at all) and the government/opposition role they take on the
// event's date, with "<party> supporters" taking the party's code.
func TestPoliticalParties(t *testing.T) {
	runNewsCases(t, defaultCoder(t), []newsCase{
		// Bangladesh
		{name: "BNP in opposition",
			text: "The Bangladesh Nationalist Party accused the government of rigging the vote.", date: "2023-11-01",
			want: []string{"BGDOPP>BGDGOV:112"}, forbid: []string{"BGD>*:*"}}, // (the opposition's own government)
		{name: "Awami League in government accuses BNP",
			text: "The Awami League accused the BNP of arson.", date: "2023-11-05",
			want: []string{"BGDGOV>BGDOPP:112"}},
		{name: "BNP supporters clash with police",
			text: "BNP supporters clashed with police in Dhaka.", date: "2023-10-28",
			want: []string{"BGDOPP>BGDCOP:145"}},
		// Pakistan
		{name: "Tehreek-e-Insaf in opposition",
			text: "Pakistan Tehreek-e-Insaf accused the government of rigging the election.", date: "2024-02-10",
			want: []string{"PAKOPP>PAKGOV:112"}, forbid: []string{"PAK>*:*"}},
		{name: "Tehreek-e-Insaf accused the government",
			text: "Tehreek-e-Insaf accused the government of abducting its leaders.", date: "2024-02-10",
			want: []string{"PAKOPP>PAKGOV:112"}},
		{name: "PTI party supporters clash with police",
			text: "PTI party supporters clashed with police in Lahore.", date: "2023-05-09",
			want: []string{"PAKOPP>PAKCOP:145"}, lower: true},
		{name: "PML-N in government accuses Tehreek-e-Insaf",
			text: "The PML-N accused the Tehreek-e-Insaf of spreading chaos.", date: "2024-05-01",
			want: []string{"PAKGOV>PAKOPP:112"}},
		{name: "Tehreek-e-Insaf in government criticizes PML-N",
			text: "Tehreek-e-Insaf criticized the PML-N over the protests.", date: "2020-06-01",
			want: []string{"PAKGOV>PAKOPP:111"}},
		{name: "Pakistan Peoples Party in opposition",
			text: "The Pakistan Peoples Party criticized the PTI party.", date: "2019-05-01",
			want: []string{"PAKOPP>PAKGOV:111"}},
		// "PTI" alone is the Press Trust of India in Indian copy: no actor
		{name: "told PTI",
			text: "The Congress party told PTI that it would boycott the session.", date: "2025-03-01",
			forbid: []string{"*>PAK*:*", "*>*OPP:01"}},
		// India
		{name: "Congress party accuses BJP",
			text: "The Congress party accused the BJP of corruption.", date: "2023-03-01",
			want: []string{"INDOPP>INDGOV:112"}},
		{name: "BJP criticizes Indian National Congress",
			text: "The Bharatiya Janata Party criticized the Indian National Congress.", date: "2024-04-01",
			want: []string{"INDGOV>INDOPP:111"}},
		{name: "BJP in opposition",
			text: "The BJP criticized the Congress party over the scam.", date: "2010-05-01",
			want: []string{"INDOPP>INDGOV:111"}},
		// Turkey
		{name: "AKP criticizes CHP",
			text: "The AKP criticized the CHP over the protests.", date: "2025-03-20",
			want: []string{"TURGOV>TUROPP:111"}},
		{name: "CHP supporters clash with police",
			text: "CHP supporters clashed with police in Istanbul.", date: "2025-03-21",
			want: []string{"TUROPP>TURCOP:145"}},
		{name: "Republican People's Party is no civilian",
			text: "The Republican People's Party accused the government of corruption.", date: "2025-03-21",
			want: []string{"TUROPP>TURGOV:112"}, forbid: []string{"*CVL>*:*"}},
		// Southern Africa
		{name: "ANC accuses EFF",
			text: "The ANC accused the Economic Freedom Fighters of inciting violence.", date: "2021-07-14",
			want: []string{"ZAFGOV>ZAFOPP:112"}},
		{name: "Democratic Alliance in opposition",
			text: "The Democratic Alliance criticized the African National Congress.", date: "2022-05-01",
			want: []string{"ZAFOPP>ZAFGOV:111"}},
		{name: "ZANU-PF accuses CCC",
			text: "ZANU-PF accused the CCC of violence.", date: "2023-08-20",
			want: []string{"ZWEGOV>ZWEOPP:112"}},
		{name: "MDC supporters clash with police",
			text: "MDC supporters clashed with police in Harare.", date: "2019-01-15",
			want: []string{"ZWEOPP>ZWECOP:145"}},
		// Europe, Israel, Georgia
		{name: "Fidesz in government",
			text: "Fidesz criticized the European Commission.", date: "2023-01-10",
			want: []string{"HUNGOV>IGOEUREEC:111"}},
		{name: "PiS in opposition",
			text: "PiS accused the government of breaking the law.", date: "2024-01-10",
			want: []string{"POLOPP>POLGOV:112"}},
		{name: "Labour in opposition",
			text: "Britain's Labour Party criticized the government over the strikes.", date: "2023-01-10",
			want: []string{"GBROPP>GBRGOV:111"}},
		{name: "Likud in opposition",
			text: "Likud criticized Yesh Atid over the budget.", date: "2022-01-10",
			want: []string{"ISROPP>ISRGOV:111"}},
		{name: "Georgian Dream accuses UNM",
			text: "Georgian Dream accused the United National Movement of sabotage.", date: "2024-10-01",
			want: []string{"GEOGOV>GEOOPP:112"}},
		// Americas and Asia
		{name: "Morena criticizes PAN",
			text: "Morena criticized the National Action Party.", date: "2024-05-01",
			want: []string{"MEXGOV>MEXOPP:111"}},
		{name: "Pheu Thai in government",
			text: "Pheu Thai criticized the Move Forward Party.", date: "2024-01-10",
			want: []string{"THAGOV>THAOPP:111"}},
		{name: "NLD after the coup",
			text: "The National League for Democracy criticized the military.", date: "2021-03-01",
			want: []string{"MMROPP>---MIL:111"}},
	})
}

// defaultCoder returns a coder with the default dictionaries and options.
func defaultCoder(t *testing.T) *coder.Coder {
	t.Helper()
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
