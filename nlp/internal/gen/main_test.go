package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const wordnetDir = "/usr/share/wordnet"

// needWordNet skips without Debian's wordnet-base; under CI=true it tries
// to install the package and fails if it cannot.
func needWordNet(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(wordnetDir, "index.noun")); err == nil {
		return
	}
	if os.Getenv("CI") != "true" {
		t.Skipf("%s missing (apt-get install wordnet-base); skipping", wordnetDir)
	}
	if out, err := exec.Command("apt-get", "install", "-y", "wordnet-base").CombinedOutput(); err != nil {
		t.Fatalf("CI=true and %s missing; apt-get install wordnet-base failed: %v\n%s", wordnetDir, err, out)
	}
}

// TestGeneratedLexiconIsCurrent regenerates the lexicon and requires it to
// equal the committed nlp/lexicon.txt, so the embedded data always matches
// its generator.
func TestGeneratedLexiconIsCurrent(t *testing.T) {
	needWordNet(t)
	var buf bytes.Buffer
	if err := generate(wordnetDir, &buf); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "lexicon.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), committed) {
		got := strings.Split(buf.String(), "\n")
		want := strings.Split(string(committed), "\n")
		for i := 0; i < len(got) && i < len(want); i++ {
			if got[i] != want[i] {
				t.Fatalf("nlp/lexicon.txt is stale (run go generate ./nlp): line %d is %q, generator gives %q", i+1, want[i], got[i])
			}
		}
		t.Fatalf("nlp/lexicon.txt is stale (run go generate ./nlp): %d lines committed, %d generated", len(want), len(got))
	}
}

func TestGeneratedEntries(t *testing.T) {
	needWordNet(t)
	var buf bytes.Buffer
	if err := generate(wordnetDir, &buf); err != nil {
		t.Fatal(err)
	}
	lines := map[string]string{}
	for _, l := range strings.Split(buf.String(), "\n") {
		if i := strings.IndexByte(l, ' '); i > 0 && l[0] != '#' {
			lines[l[:i]+map[bool]string{true: " " + strings.Fields(l)[1], false: ""}[l[0] == '@']] = l
		}
	}
	for _, want := range []string{
		"SHOOK VBD=SHAKE",
		"SHAKEN VBN:1",
		"STOPPED VBD:3 VBN:3",
		"WOMEN NNS=WOMAN",
		"RUSSIA NNP",
		"@V SHAKE SHAKES SHOOK SHAKEN SHAKING",
		"@V REFER REFERS REFERRED REFERRED REFERRING",
		"@P CRISIS CRISES",
	} {
		key := strings.Fields(want)[0]
		if key[0] == '@' {
			key += " " + strings.Fields(want)[1]
		}
		got, ok := lines[key]
		if !ok || !strings.HasPrefix(got, want) {
			t.Errorf("generated line for %s = %q, want prefix %q", key, got, want)
		}
	}
}

func TestMissingWordNetIsAnError(t *testing.T) {
	err := generate(t.TempDir(), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "index.") {
		t.Fatalf("generate on an empty dir: err = %v, want one naming the missing index file", err)
	}
}
