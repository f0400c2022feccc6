package coder

import "testing"

func TestFindDateline(t *testing.T) {
	w, err := loadWordClasses()
	if err != nil {
		t.Fatal(err)
	}
	known := func(p string) bool { return p == "new delhi" || p == "lucknow" }
	for _, tc := range []struct {
		text  string
		story string // text from End
		place string
	}{
		{"BEIRUT (Reuters) - Israeli jets struck Hezbollah positions.", "Israeli jets", "BEIRUT"},
		{"BEIRUT, Dec 5 (Reuters) - Israeli jets struck.", "Israeli jets", "BEIRUT"},
		{"KYIV, Ukraine (AP) — Russian drones hit Kyiv overnight.", "Russian drones", "KYIV, Ukraine"},
		{"Kyiv, Ukraine — Russian drones hit Kyiv overnight.", "Russian drones", "Kyiv, Ukraine"},
		{"NEW DELHI: Police arrested two men on Monday.", "Police arrested", "NEW DELHI"},
		{"ISLAMABAD -- Pakistani troops killed five militants.", "Pakistani troops", "ISLAMABAD"},
		{"new delhi: police arrested two men on monday.", "police arrested", "new delhi"},
		{"guwahati, aug 9 — police in assam arrested three men.", "police in", "guwahati"},
		{"dhaka, aug 10 - supporters of the awami league clashed.", "supporters of", "dhaka"},
		{"DAR ES SALAAM, Tanzania (Reuters) - Talks began.", "Talks began", "DAR ES SALAAM, Tanzania"},
		{"By Jane Doe\nWASHINGTON — The Senate voted.", "The Senate", "WASHINGTON"},
		// an agency closing the dateline with no dash (Indian agencies)
		{"Lucknow, Jan 8 (PTI) The Uttar Pradesh Special Task Force arrested a gangster.", "The Uttar", "Lucknow"},
		{"Bijapur (Chhattisgarh), Feb 26 (PTI) Six Maoists were killed in an encounter.", "Six Maoists", "Bijapur, Chhattisgarh"},
		{"khargone (madhya pradesh), feb 15 (pti) stones were pelted at a procession.", "stones were", "khargone, madhya pradesh"},
		{"lucknow, jan 8 (pti) the stf arrested a gangster.", "the stf", "lucknow"},
		{"WASHINGTON, Dec. 5 (Reuters) - The Senate voted.", "The Senate", "WASHINGTON"},
		// two places filed from
		{"ISLAMABAD/KABUL, March 8 (Reuters) - Pakistani warplanes struck.", "Pakistani warplanes", "ISLAMABAD/KABUL"},
		{"By Jane Doe\nThe Senate voted.", "The Senate", ""},
		// not datelines
		{"Russia — the country that invaded — was condemned.", "Russia —", ""},
		{"Police said: the men were armed.", "Police said", ""},
		{"police said: the men were armed.", "police said", ""},
		{"police said — the men were armed.", "police said", ""},
		{"The minister said on Monday: we will respond.", "The minister", ""},
		{"Iran threatened Israel. NEW DELHI: later.", "Iran threatened", ""},
		{"He warned (Reuters) - of reprisals.", "He warned", ""},
		{"He told (Reuters) The Senate voted.", "He told", ""},
		{"US President Donald Trump - who met Putin - said.", "US President", ""},
		{"", "", ""},
	} {
		d := w.findDateline(tc.text, known)
		got := tc.text[d.End:]
		if len(got) > len(tc.story) {
			got = got[:len(tc.story)]
		}
		if got != tc.story || d.Place != tc.place {
			t.Errorf("%q: story starts %q, place %q; want %q, %q", tc.text, got, d.Place, tc.story, tc.place)
		}
	}
}
