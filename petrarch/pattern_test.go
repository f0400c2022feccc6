package petrarch

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParsePattern(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		elems string // canonical elements
		code  Code
		err   string
	}{
		{"verb only", "- * [010]", "*", Code{Active: "010"}, ""},
		{"words around verb", "- SAID * TO ATTEND  [082]", "SAID * TO ATTEND", Code{Active: "082"}, ""},
		{"adjacent connectors", "- IN_*  [075A]  # comment", "IN_*", Code{Active: "075A"}, ""},
		{"synset and connectors", "- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]", "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS", Code{Active: "111"}, ""},
		{"paired code", "- % * [030:030]  # pas", "% *", Code{Active: "030", Reverse: "030"}, ""},
		{"reverse only", "- * (BEFORE COURT) [:173]", "* (BEFORE COURT)", Code{Reverse: "173"}, ""},
		{"markers", "- + HOSTING * TABASKI ^ $ [042]", "+ HOSTING * TABASKI ^ $", Code{Active: "042"}, ""},
		{"cameo2 groups", "- * (TO LIST) (OF {BANNED PARTIES}) [1722]", "* (TO LIST) (OF {BANNED PARTIES})", Code{Active: "1722"}, ""},
		{"alternatives", "-  * (IN BOMBING/EXPLOSION) ", "* (IN BOMBING/EXPLOSION)", Code{}, ""},
		{"trailing stop", "- * OFF_  [195]", "* OFF_", Code{Active: "195"}, ""},
		{"lower case is upper-cased", "- said * [023]", "SAID *", Code{Active: "023"}, ""},
		{"no verb", "- SAID TO [082]", "", Code{}, "exactly one '*'"},
		{"two verbs", "- * SAID * [082]", "", Code{}, "exactly one '*'"},
		{"unbalanced paren", "- * VENTURE (WITH VISIT) VISIT)[042:043]", "", Code{}, "unbalanced"},
		{"unclosed brace", "- * {ARMS SHIPMENT [072]", "", Code{}, "unclosed"},
		{"unterminated code", "- * ARMS [072", "", Code{}, "unterminated"},
		{"text after code", "- * ARMS [072] EXTRA", "", Code{}, "text after the code"},
		{"empty synset name", "- * & [072]", "", Code{}, "without a synset name"},
		{"no dash", "* ARMS [072]", "", Code{}, "must start with '-'"},
		{"empty code", "- * ARMS []", "", Code{}, "empty code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParsePattern(tc.line)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParsePattern(%q) error = %v, want %q", tc.line, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParsePattern(%q): %v", tc.line, err)
			}
			if got := ElemsString(p.Elems); got != tc.elems {
				t.Errorf("elements = %q, want %q", got, tc.elems)
			}
			if p.Code != tc.code {
				t.Errorf("code = %+v, want %+v", p.Code, tc.code)
			}
			// canonical round trip: String, parse again, equal
			q, err := ParsePattern(p.String())
			if err != nil {
				t.Fatalf("re-parse of %q: %v", p.String(), err)
			}
			if !reflect.DeepEqual(p.Elems, q.Elems) || p.Code != q.Code {
				t.Errorf("round trip of %q: %q → %+v, want %+v", tc.line, p.String(), q.Elems, p.Elems)
			}
		})
	}
}

func TestLexPattern(t *testing.T) {
	toks, err := lexPattern("A_&SYN * (B/C)", 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []tokKind
	for _, tk := range toks {
		kinds = append(kinds, tk.kind)
	}
	want := []tokKind{tWord, tUnder, tSyn, tSpace, tMark, tSpace, tGroup, tWord, tSlash, tWord, tGroup}
	if !reflect.DeepEqual(kinds, want) {
		t.Fatalf("kinds = %v, want %v", kinds, want)
	}
}

func TestVerbForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ABANDON", "ABANDONS ABANDONED ABANDONING"},
		{"DEPART", "DEPARTS DEPARTED DEPARTING"},
		{"ARRIVE", "ARRIVES ARRIVED ARRIVING"},
		{"BURY", "BURIES BURIED BURYING"},
		{"PUSH", "PUSHES PUSHED PUSHING"},
		{"TIE", "TIES TIED TYING"},
	}
	for _, tc := range tests {
		if got := strings.Join(VerbForms(tc.in), " "); got != tc.want {
			t.Errorf("VerbForms(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if Plural("AGENCY") != "AGENCIES" || Plural("BOSS") != "BOSSES" || Plural("MINISTER") != "MINISTERS" {
		t.Errorf("Plural is wrong")
	}
}

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestPatternsGolden parses testdata/patterns.input and compares each
// line's canonical form (or error) with testdata/patterns.golden.
func TestPatternsGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/patterns.input")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.Split(string(in), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, err := ParsePattern(line)
		if err != nil {
			fmt.Fprintf(&b, "%s\n\terror: %v\n", line, err)
			continue
		}
		fmt.Fprintf(&b, "%s\n\t%s\n", line, p.String())
	}
	if *update {
		if err := os.WriteFile("testdata/patterns.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/patterns.golden")
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("canonical patterns differ from testdata/patterns.golden (go test -update to refresh):\n%s", b.String())
	}
}

// FuzzParsePattern checks that any line either fails cleanly or parses to a
// pattern whose canonical form parses back to the same pattern.
func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{"- * [010]", "- SAID_* TO {A (B C)} ^ $ + % [1:2]", "- &X_*_&Y [---]", "- * (A/B/C) [:173]", "-*", "- {(*)}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		p, err := ParsePattern(line)
		if err != nil {
			return
		}
		q, err := ParsePattern(p.String())
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", p.String(), line, err)
		}
		if !reflect.DeepEqual(p.Elems, q.Elems) || p.Code != q.Code {
			t.Fatalf("round trip of %q: %q → %+v, want %+v", line, p.String(), q.Elems, p.Elems)
		}
	})
}
