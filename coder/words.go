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
	countries map[string]bool      // ISO 3166-1 alpha-3 codes: the country part of an actor code
	agencies  map[string]bool      // news agencies named in datelines
	months    map[string]bool      // month names of dateline dates
	disasters map[string]bool      // natural and accidental causes (nouns): no political event
	disasterV map[string]bool      // verbs of accidents and natural events
	intent    map[string]bool      // words whose infinitive is an intention ("plans to")
	people    map[string]bool      // head nouns naming people by a place ("the population of")
	documents map[string]bool      // decisions and texts that act ("an order imposing tariffs")
	places    map[string]bool      // places and things attacked; true: a military place
	unreal    map[string]string    // verbs whose complement did not happen: FAIL, DENY, ALLEGE
	recip     map[string]bool      // CAMEO code prefixes of mutual acts; true: also with a "with" partner
	nouns     map[string]eventNoun // event nouns
	intents   map[string]string    // act code prefix → code of intending the act
}

// loadWordClasses parses the embedded word lists once per process; they
// are immutable afterwards.
var loadWordClasses = sync.OnceValues(func() (*wordClasses, error) {
	w := &wordClasses{}
	var err error
	for _, f := range []struct {
		set  *map[string]bool
		name string
	}{{&w.countries, "countries.txt"}, {&w.agencies, "agencies.txt"}, {&w.months, "months.txt"}, {&w.disasters, "disasters.txt"},
		{&w.disasterV, "disaster-verbs.txt"},
		{&w.intent, "intent.txt"}, {&w.people, "people.txt"}, {&w.documents, "documents.txt"}} {
		if *f.set, err = readWordSet(f.name); err != nil {
			return nil, err
		}
	}
	if w.places, err = readWordMap("places.txt", func(v string) (bool, bool) { return v == "MIL", v == "" || v == "MIL" }); err != nil {
		return nil, err
	}
	if w.unreal, err = readWordMap("unreal.txt", func(v string) (string, bool) { return v, v == "FAIL" || v == "DENY" || v == "ALLEGE" }); err != nil {
		return nil, err
	}
	if w.nouns, err = readEventNouns("event-nouns.txt"); err != nil {
		return nil, err
	}
	digits := func(v string) (string, bool) { return v, len(v) >= 3 && strings.Trim(v, "0123456789") == "" }
	if w.intents, err = readWordMap("intent-codes.txt", digits); err != nil {
		return nil, err
	}
	if w.recip, err = readWordMap("reciprocal.txt", func(v string) (bool, bool) { return v == "WITH", v == "" || v == "WITH" }); err != nil {
		return nil, err
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

// readWordMap reads words/<name> lines "WORDS [VALUE]": the value is the
// last field when parse accepts it, else the line is an error naming it.
func readWordMap[V any](name string, parse func(string) (V, bool)) (map[string]V, error) {
	lines, err := readWordLines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]V, len(lines))
	for _, l := range lines {
		key, val := l.text, ""
		if i := strings.LastIndexByte(l.text, ' '); i > 0 {
			if _, ok := parse(l.text[i+1:]); ok && l.text[i+1:] != "" {
				key, val = l.text[:i], l.text[i+1:]
			}
		}
		v, ok := parse(val)
		if !ok {
			return nil, fmt.Errorf("coder word list %s:%d: %q: bad value", name, l.line, l.text)
		}
		m[key] = v
	}
	return m, nil
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

// place reports whether a noun (key or lemma) is an attacked place or
// thing, and whether a military one.
func (w *wordClasses) place(key, lemma string) (mil, ok bool) {
	if mil, ok = w.places[key]; ok {
		return mil, true
	}
	mil, ok = w.places[lemma]
	return mil, ok
}

// reciprocal reports whether a CAMEO code is a mutual act between
// coordinated parties (mutual) and with a "with" partner (with).
func (w *wordClasses) reciprocal(code string) (mutual, with bool) {
	for p, wi := range w.recip {
		if strings.HasPrefix(code, p) {
			return true, wi
		}
	}
	return false, false
}

// intentCode returns the code of intending the act coded code ("0874" →
// "0356"), or "" when intending it is no event of its own.
func (w *wordClasses) intentCode(code string) string {
	for n := len(code); n >= 2; n-- {
		if ic, ok := w.intents[code[:n]]; ok {
			return ic
		}
	}
	return ""
}

// eventNoun is a noun naming an event: its CAMEO code, and whether its
// possessor suffers the act ("their abduction") rather than does it
// ("Russia's attack").
type eventNoun struct {
	code    string
	patient bool
}

// readEventNouns reads "NOUN WORDS CODE [PATIENT]" lines.
func readEventNouns(name string) (map[string]eventNoun, error) {
	lines, err := readWordLines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]eventNoun, len(lines))
	for _, l := range lines {
		f := strings.Fields(l.text)
		var e eventNoun
		if len(f) > 2 && f[len(f)-1] == "PATIENT" {
			e.patient, f = true, f[:len(f)-1]
		}
		if len(f) < 2 || len(f[len(f)-1]) < 3 || strings.Trim(f[len(f)-1], "0123456789") != "" {
			return nil, fmt.Errorf("coder word list %s:%d: %q: want NOUN CODE [PATIENT]", name, l.line, l.text)
		}
		e.code = f[len(f)-1]
		m[strings.Join(f[:len(f)-1], " ")] = e
	}
	return m, nil
}
