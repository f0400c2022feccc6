package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret/geo"
)

// TestRun builds a gazetteer from small files in the npm packages' and
// WordNet's formats and loads it back with geo.Load.
func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.tsv.gz")
	if err := run(filepath.Join("testdata", "npm"), filepath.Join("testdata", "wordnet"), out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := geo.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Places) != 2+1+3+3 { // 2 countries, the Golan Heights, 3 admin-1 areas with a place, 3 places (not the lake)
		t.Errorf("%d places, want 9", len(g.Places))
	}
	for name, want := range map[string]string{"Idleb": "Idlib/SYR/city", "Deir al-Zour": "Deir ez-Zor/SYR/city", "Syrian Arab Republic": "Syria/SYR/country", "Split": "Split/HRV/city"} {
		var got []string
		for _, p := range g.Lookup(name) {
			got = append(got, p.Name+"/"+p.Country+"/"+p.Feature.String())
		}
		if !strings.Contains(strings.Join(got, " "), want) {
			t.Errorf("Lookup(%q) = %v, want %s", name, got, want)
		}
	}
	if len(g.Lookup("Tiny")) != 0 {
		t.Error("a hamlet under 1,000 people was kept")
	}
	// "Split" is a common word (lower-case in WordNet): it needs a cue and
	// never opens a sentence as a place.
	gc := geo.New(g)
	if ms := gc.Mentions("Split decisions are rare."); len(ms) != 0 {
		t.Errorf("sentence-initial common word read as a place: %+v", ms[0])
	}
	if ms := gc.Mentions("Fans gathered in Split."); len(ms) != 1 || ms[0].Best().Place.Name != "Split" {
		t.Errorf("Split after \"in\" not found: %+v", ms)
	}
}

func TestRunErrors(t *testing.T) {
	if err := run(filepath.Join("testdata", "missing"), filepath.Join("testdata", "wordnet"), filepath.Join(t.TempDir(), "g.gz")); err == nil || !strings.Contains(err.Error(), "cities500.txt") {
		t.Errorf("missing npm dir: error %v", err)
	}
	if err := run(filepath.Join("testdata", "npm"), filepath.Join("testdata", "nowordnet"), filepath.Join(t.TempDir(), "g.gz")); err == nil || !strings.Contains(err.Error(), "wordnet-base") {
		t.Errorf("missing WordNet: error %v", err)
	}
}
