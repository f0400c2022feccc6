package dictsuggest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/egret-events/egret/defaults"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

// tiny is a small dictionary set written for these tests.
var tiny = fstest.MapFS{
	"t.verbs.txt":  {Data: []byte("--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n")},
	"t.actors.txt": {Data: []byte("RUSSIA_ [RUS]\n+RUSSIAN_\nKREMLIN_ [RUSGOV]\n")},
	"t.agents.txt": {Data: []byte("MILITARY {} [~MIL]\nREBEL [~REB]\n")},
}

func loadTiny(t *testing.T) (*petrarch.Dictionaries, *nlp.Pipeline) {
	t.Helper()
	d, err := petrarch.LoadFS(tiny, petrarch.Files{Verbs: "t.verbs.txt", Actors: []string{"t.actors.txt"}, Agents: "t.agents.txt"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	return d, p
}

func TestSuggestCountsUncodedNames(t *testing.T) {
	d, p := loadTiny(t)
	texts := []string{
		"The Kremlin said the Joint Operations Command attacked rebels near Kharkiv.",
		"The Joint Operations Command denied it. Russian military officials said village elders fled.",
		"Village elders met the Joint Operations Command on Monday.",
	}
	got := Suggest(d, p, texts, 0, 1)
	by := map[string]Suggestion{}
	for _, s := range got {
		by[s.Entry] = s
	}
	joc, ok := by["JOINT_OPERATIONS_COMMAND_"]
	if !ok {
		t.Fatalf("Joint Operations Command not suggested: %+v", got)
	}
	if joc.Count != 3 || joc.Docs != 3 || joc.Kind != KindName || joc.Phrase != "Joint Operations Command" {
		t.Errorf("JOC suggestion = %+v", joc)
	}
	if got[0].Entry != "JOINT_OPERATIONS_COMMAND_" {
		t.Errorf("most frequent first: got %q first", got[0].Entry)
	}
	if e, ok := by["VILLAGE_ELDERS_"]; !ok || e.Kind != KindSector || e.Count != 2 {
		t.Errorf("village elders = %+v (present %v)", e, ok)
	}
	for _, coded := range []string{"KREMLIN_", "RUSSIAN_", "MONDAY_", "RUSSIAN_MILITARY_", "MILITARY_"} {
		if _, ok := by[coded]; ok {
			t.Errorf("%s is coded or not a name but was suggested", coded)
		}
	}
	if s, ok := by["KHARKIV_"]; !ok || s.Example == "" {
		t.Errorf("Kharkiv (uncoded place) should be suggested with an example: %+v", s)
	}
	if top := Suggest(d, p, texts, 1, 1); len(top) != 1 {
		t.Errorf("Top(1) returned %d", len(top))
	}
	if none := Suggest(d, p, texts, 0, 4); len(none) != 0 {
		t.Errorf("min 4 should leave nothing, got %+v", none)
	}
}

func TestPossessiveSplitKeepsOffsets(t *testing.T) {
	d, p := loadTiny(t)
	s := New(d, p)
	s.Add("Kyiv’s Territorial Defense Forces said so.")
	for _, sg := range s.Top(0, 1) {
		if sg.Entry == "TERRITORIAL_DEFENSE_FORCES_" && sg.Phrase != "Territorial Defense Forces" {
			t.Errorf("phrase text %q", sg.Phrase)
		}
		if sg.Entry == "KYIV_" && sg.Phrase != "Kyiv" {
			t.Errorf("possessive left in phrase: %q", sg.Phrase)
		}
	}
}

// TestVOACorpus runs the suggester with the default set over the shared VOA
// corpus and logs the top uncoded phrases (go test -v -run VOA).
func TestVOACorpus(t *testing.T) {
	path := filepath.Join(sharedDir(t), "corpus", "voa_stories.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := defaults.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	s := New(d, p)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		s.Add(rec.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	top := s.Top(40, 3)
	if len(top) == 0 {
		t.Fatal("no suggestions from the VOA corpus")
	}
	for _, sg := range top {
		t.Logf("%4d %3d %-7s %s", sg.Count, sg.Docs, sg.Kind, sg.Phrase)
		if sg.Entry == "ISLAMIC_STATE_" || sg.Entry == "UNITED_STATES_" {
			t.Errorf("%s is in the default set but was suggested", sg.Entry)
		}
	}
}

func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("../shared missing (%v) and CI=true", err)
		}
		t.Skipf("../shared not present: %v", err)
	}
	return shared
}
