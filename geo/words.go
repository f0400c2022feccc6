package geo

import (
	"embed"
	"fmt"
	"strings"
)

// Word classes the geolocation rules consult live in embedded data files,
// words/*.txt: one class a file, one lower-case word or phrase a line
// (directions.txt: word and region), "#" comments. Word knowledge is
// data, so teaching geo a new locative cue or person title is a data
// change. The sets are built once when the package loads and never change.

//go:embed words/*.txt
var wordFiles embed.FS

// wordLines returns the entries of words/<name>.txt, each split into
// fields; it panics on a bad file: the files are fixed at build time and
// TestWordFiles reads every one.
func wordLines(name string) [][]string {
	path := "words/" + name + ".txt"
	b, err := wordFiles.ReadFile(path)
	if err != nil {
		panic(fmt.Sprintf("geo: %v", err))
	}
	var out [][]string
	seen := map[string]bool{}
	for n, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if l != strings.ToLower(l) {
			panic(fmt.Sprintf("geo: %s:%d: %q is not lower case", path, n+1, l))
		}
		if seen[l] {
			panic(fmt.Sprintf("geo: %s:%d: %q twice", path, n+1, l))
		}
		seen[l] = true
		out = append(out, strings.Fields(l))
	}
	return out
}

// wordSet reads a class of words and phrases.
func wordSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, fs := range wordLines(name) {
		m[strings.Join(fs, " ")] = true
	}
	return m
}

// wordMap reads a class of words with one value each.
func wordMap(name string) map[string]string {
	m := map[string]string{}
	for _, fs := range wordLines(name) {
		if len(fs) != 2 {
			panic(fmt.Sprintf("geo: words/%s.txt: %q: want a word and its value", name, strings.Join(fs, " ")))
		}
		m[fs[0]] = fs[1]
	}
	return m
}
