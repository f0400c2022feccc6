package coder

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

// TestWordFiles loads every embedded word list: each is read by the
// loader (no file lies unused), opens with a "#" comment that quotes an
// example, and has upper-case entries listed once (the loader's errors).
func TestWordFiles(t *testing.T) {
	r := &wordReader{fsys: wordFiles, read: map[string]bool{}}
	w, err := r.load()
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(wordFiles, "words/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, n := range names {
		name := path.Base(n)
		if !r.read[name] {
			t.Errorf("%s: not read by the loader", name)
		}
		b, _ := fs.ReadFile(wordFiles, n)
		head, _, _ := strings.Cut(string(b), "\n")
		if !strings.HasPrefix(head, "# ") {
			t.Errorf("%s: does not start with a comment saying what the class is for", name)
		}
		comment := ""
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "#") {
				break
			}
			comment += l
		}
		if !strings.Contains(comment, `"`) {
			t.Errorf("%s: its comment quotes no example", name)
		}
	}
	for name, n := range map[string]int{"target-preps": len(w.targetRank), "speech-verbs": len(w.speech), "accuse-words": len(w.accuseWords),
		"linear-event-nouns": len(w.linearNouns), "months (nlp calendar)": len(w.months), "time words (nlp calendar)": len(w.timeWords)} {
		if n == 0 {
			t.Errorf("%s: empty", name)
		}
	}
	if len(w.targetPreps) != len(w.targetRank) || w.targetRank[0] != "AGAINST" || !w.targetPreps["TOWARDS"] {
		t.Errorf("target prepositions: rank %v, set %v", w.targetRank, w.targetPreps)
	}
	for form, code := range map[string]string{"ATTACKS": "190", "ATTACK": "190", "SHELLINGS": "194", "AIR-STRIKES": "195", "ACCUSATIONS": "112"} {
		if w.linearNouns[form] != code {
			t.Errorf("linear event noun %s: code %q, want %s", form, w.linearNouns[form], code)
		}
	}
	if !w.months["SEPT"] || !w.months["MAY"] || !w.timeWords["TOMORROW"] || w.timeWords["MAY"] {
		t.Errorf("calendar words: months %v, time words %v", w.months, w.timeWords)
	}
}

// TestWordListErrors replaces one embedded file at a time with a bad one:
// the loader fails with an error naming the file and line.
func TestWordListErrors(t *testing.T) {
	base := fstest.MapFS{}
	names, _ := fs.Glob(wordFiles, "words/*.txt")
	for _, n := range names {
		b, _ := fs.ReadFile(wordFiles, n)
		base[n] = &fstest.MapFile{Data: b}
	}
	for _, tc := range []struct {
		file, data string
		err        string // "" when the data loads
	}{
		{"talk-nouns.txt", "# talks\nTALKS\n\nDIALOGUE  # a comment\n", ""},
		{"talk-nouns.txt", "# talks\nTALKS\ndialogue\n", `talk-nouns.txt:3: "dialogue": not upper case`},
		{"talk-nouns.txt", "# talks\nTALKS\nDIALOGUE\nTALKS\n", `talk-nouns.txt:4: "TALKS": listed twice (line 2)`},
		{"target-preps.txt", "AGAINST\nWITH\nAgainst\n", `target-preps.txt:3: "Against": not upper case`},
		{"accuse-words.txt", "VIOLAT\nBLAME\n#\nVIOLAT\n", `accuse-words.txt:4: "VIOLAT": listed twice (line 1)`},
		{"places.txt", "VILLAGE\nARMY BASE MIL\nVILLAGE MIL\n", `places.txt:3: "VILLAGE MIL": VILLAGE listed twice`},
		{"unreal.txt", "FAIL FAIL\nREFUSE\n", `unreal.txt:2: "REFUSE": bad value`},
		{"event-nouns.txt", "ATTACK 190\nRAID\n", `event-nouns.txt:2: "RAID": want NOUN CODE [PATIENT]`},
		{"event-nouns.txt", "ATTACK 190\nAIR STRIKE 195\nAIR STRIKE 190\n", `event-nouns.txt:3: "AIR STRIKE 190": AIR STRIKE listed twice`},
		{"linear-event-nouns.txt", "ATTACK\nATTACKS\nRAIDS\n", `linear-event-nouns.txt:3: "RAIDS": no event noun, nor the plural of one`},
		{"linear-event-nouns.txt", "ATTACK\n\nATTACKES\n", `linear-event-nouns.txt:3: "ATTACKES": no event noun`},
		{"intent-codes.txt", "0874 0356\n0874 0357\n", `intent-codes.txt:2: "0874 0357": 0874 listed twice`},
	} {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["words/"+tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
		if tc.file == "linear-event-nouns.txt" {
			// only the event nouns these lines are checked against
			fsys["words/event-nouns.txt"] = &fstest.MapFile{Data: []byte("ATTACK 190\nRAID BY NIGHT 190\n")}
		}
		_, err := (&wordReader{fsys: fsys, read: map[string]bool{}}).load()
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s %q: %v", tc.file, tc.data, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s %q: error %v, want %q", tc.file, tc.data, err, tc.err)
		}
	}
	delete(base, "words/speech-verbs.txt")
	if _, err := (&wordReader{fsys: base, read: map[string]bool{}}).load(); err == nil || !strings.Contains(err.Error(), "speech-verbs.txt") {
		t.Errorf("a missing list: error %v", err)
	}
}
