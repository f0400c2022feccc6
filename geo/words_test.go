package geo

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWordFiles reads every word class file and checks that each is used
// by the package and holds entries (the loader itself rejects upper case
// and repeated entries when the package loads).
func TestWordFiles(t *testing.T) {
	var src strings.Builder
	gos, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gos {
		if strings.HasSuffix(g, "_test.go") {
			continue
		}
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	files, err := fs.Glob(wordFiles, "words/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no word files: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "words/"), ".txt")
		if len(wordLines(name)) == 0 {
			t.Errorf("%s: no entries", f)
		}
		if !strings.Contains(src.String(), `wordSet("`+name+`")`) && !strings.Contains(src.String(), `wordMap("`+name+`")`) {
			t.Errorf("%s: no word class reads it", f)
		}
	}
}
