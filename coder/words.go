package coder

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

// Word classes the coder's rules consult live in embedded data files
// (words/*.txt), one class a file, one entry a line, "#" comments: word
// knowledge is data, so adding a disaster noun or a speech verb is a data
// change, not a code change.

//go:embed words/*.txt
var wordFiles embed.FS

// wordClasses are the coder's word lists, upper case.
type wordClasses struct {
	countries map[string]bool // ISO 3166-1 alpha-3 codes: the country part of an actor code
	agencies  map[string]bool // news agencies named in datelines
	months    map[string]bool // month names of dateline dates
}

// loadWordClasses parses the embedded word lists once per process; they
// are immutable afterwards.
var loadWordClasses = sync.OnceValues(func() (*wordClasses, error) {
	w := &wordClasses{}
	var err error
	for _, f := range []struct {
		set  *map[string]bool
		name string
	}{{&w.countries, "countries.txt"}, {&w.agencies, "agencies.txt"}, {&w.months, "months.txt"}} {
		if *f.set, err = readWordSet(f.name); err != nil {
			return nil, err
		}
	}
	return w, nil
})

// readWordSet reads words/<name>: one entry a line (upper-cased), blank
// lines and "#" comments ignored.
func readWordSet(name string) (map[string]bool, error) {
	lines, err := readWordLines(name)
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(lines))
	for _, l := range lines {
		set[l.text] = true
	}
	return set, nil
}

type wordLine struct {
	text string
	line int
}

func readWordLines(name string) ([]wordLine, error) {
	b, err := fs.ReadFile(wordFiles, "words/"+name)
	if err != nil {
		return nil, fmt.Errorf("coder word list %s: %w", name, err)
	}
	var out []wordLine
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		t := sc.Text()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		out = append(out, wordLine{text: strings.ToUpper(t), line: n})
	}
	return out, nil
}

// country returns the country part of an actor code ("KENCOP" → "KEN"),
// or "" when the code does not start with a country.
func (w *wordClasses) country(code string) string {
	if len(code) < 3 || !w.countries[code[:3]] {
		return ""
	}
	return code[:3]
}
