package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplainGolden runs Explain, which `egret geo` prints, over the texts of
// testdata/mentions.input (separated by ---) against mentions.golden.
func TestExplainGolden(t *testing.T) {
	gc := testGeocoder(t)
	b, err := os.ReadFile(filepath.Join("testdata", "mentions.input"))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, text := range strings.Split(string(b), "\n---\n") {
		text = strings.TrimSpace(text)
		out.WriteString("=== " + text + "\n")
		Explain(&out, gc, text)
	}
	golden(t, filepath.Join("testdata", "mentions.golden"), out.String())
}

// TestMentionKinds checks the hand-labelled reading of each place name:
// whether it is a place, a government metonym or a nationality.
func TestMentionKinds(t *testing.T) {
	gc := testGeocoder(t)
	for _, c := range []struct {
		name, text string
		want       []string // "text=kind" for each mention, in order
	}{
		{"capital subject of speech verb", "Moscow has taken note of the statement.", []string{"Moscow=metonym"}},
		{"capital said", "Damascus said the report was false.", []string{"Damascus=metonym"}},
		{"capitals as accused objects", "He accused Moscow and Damascus of raids on Idlib.", []string{"Moscow=metonym", "Damascus=metonym", "Idlib=place"}},
		{"capital with locative cue", "Thousands protested in Moscow.", []string{"Moscow=place"}},
		{"capital hit", "Russian missiles struck Kyiv.", []string{"Russian=demonym", "Kyiv=place"}},
		{"capital government", "The Damascus government rejected it.", []string{"Damascus=metonym"}},
		{"possessive country", "Russia's Aerospace Forces struck.", []string{"Russia=metonym"}},
		{"possessive before province", "Syria's Idlib province was shelled.", []string{"Syria=place", "Idlib=place"}},
		{"person name", "Joel Rayburn said so.", nil},
		{"newspaper", "The Washington Post said so.", nil},
		{"direction", "Fighting in east Syria and northern Idlib.", []string{"east Syria=place", "northern Idlib=place"}},
		{"common word at sentence start", "Split decisions are rare.", nil},
		{"month", "He arrived in August.", nil},
		{"said object", "Moscow said Washington had failed.", []string{"Moscow=metonym", "Washington=metonym"}},
		{"streets of capital", "Thousands took to the streets of Nairobi on Tuesday.", []string{"Nairobi=place"}},
		{"heart of capital", "A car bomb exploded in the heart of Mogadishu.", []string{"Mogadishu=place"}},
		{"centre of capital", "Protesters gathered near the centre of Kampala.", []string{"Kampala=place"}},
		{"country after its hyphenated use", "US forces struck ISIS-Somalia positions in the mountains (Bari, Somalia).", []string{"US=demonym", "Bari=place", "Somalia=place"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range gc.Mentions(c.text) {
				got = append(got, m.Text+"="+m.Kind.String())
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("%q: got %v, want %v", c.text, got, c.want)
			}
		})
	}
}
