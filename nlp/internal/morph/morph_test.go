package morph

import "testing"

func TestRegularInflection(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{"plural s", Plural, "FORCE", "FORCES"},
		{"plural es", Plural, "CHURCH", "CHURCHES"},
		{"plural ies", Plural, "ARMY", "ARMIES"},
		{"plural vowel y", Plural, "DAY", "DAYS"},
		{"plural man", Plural, "GUNMAN", "GUNMEN"},
		{"plural human", Plural, "HUMAN", "HUMANS"},
		{"3sg o", ThirdSg, "VETO", "VETOES"},
		{"3sg ies", ThirdSg, "TRY", "TRIES"},
		{"3sg plain", ThirdSg, "ATTACK", "ATTACKS"},
		{"past e", Past, "ACCUSE", "ACCUSED"},
		{"past doubling", Past, "STOP", "STOPPED"},
		{"past no doubling two syllables", Past, "VISIT", "VISITED"},
		{"past no doubling w", Past, "VOW", "VOWED"},
		{"past ied", Past, "TRY", "TRIED"},
		{"past vowel y", Past, "PLAY", "PLAYED"},
		{"gerund e", Gerund, "MAKE", "MAKING"},
		{"gerund ee", Gerund, "FLEE", "FLEEING"},
		{"gerund ie", Gerund, "DIE", "DYING"},
		{"gerund doubling", Gerund, "PLAN", "PLANNING"},
		{"empty", Plural, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.fn(tc.in); got != tc.want {
				t.Fatalf("%s(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
			}
		})
	}
}

func TestVerbForms(t *testing.T) {
	if got, want := VerbForms("STOP"), [4]string{"STOPS", "STOPPED", "STOPPED", "STOPPING"}; got != want {
		t.Fatalf("VerbForms(STOP) = %v, want %v", got, want)
	}
}
