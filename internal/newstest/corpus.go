// Package newstest serves a loopback news-site fixture for tests: feeds in every supported format and article pages built as real sites build them around the VOA stories of ../shared/corpus, with the failures real sites have.
package newstest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/egret-events/egret/internal/testshared"
)

// Story is one VOA story of ../shared/corpus: the known text an
// extractor should find on its pages.
type Story struct {
	ID         string
	URL        string // where VOA published it (credited on the pages)
	Section    string
	Title      string
	Author     string
	Published  time.Time
	Keywords   []string
	Text       string   // the body, whitespace-normalised
	Paragraphs []string // Text in paragraphs, as the pages show it
}

var (
	corpusOnce sync.Once
	corpus     []Story
	corpusErr  error
)

// Corpus returns the 89 VOA stories, read once from
// ../shared/corpus/voa_stories.jsonl (skipping the test where it is
// absent, failing it under CI=true).
func Corpus(tb testing.TB) []Story {
	tb.Helper()
	path := filepath.Join(testshared.Path(tb, "corpus"), "voa_stories.jsonl")
	corpusOnce.Do(func() { corpus, corpusErr = readCorpus(path) })
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return corpus
}

func readCorpus(path string) ([]Story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var r struct {
			ID, URL, Section, Title, Author, Published, Keywords, Text string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		pub, err := time.Parse("2006-01-02 15:04:05Z", r.Published)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: published: %v", path, line, err)
		}
		var kw []string
		for _, k := range strings.Split(r.Keywords, ",") {
			if k = strings.TrimSpace(k); k != "" {
				kw = append(kw, k)
			}
		}
		s := Story{ID: r.ID, URL: r.URL, Section: r.Section, Title: r.Title, Author: r.Author,
			Published: pub, Keywords: kw, Text: r.Text}
		s.Paragraphs = Paragraphs(r.Text)
		out = append(out, s)
	}
	return out, sc.Err()
}

// Sentences splits text after '.', '?' or '!' (and any closing quote)
// where the next word starts with a capital, a digit or a quote; "U.S.
// President" stays one sentence where the abbreviation is followed by a
// capitalised name, which only makes some paragraphs longer.
func Sentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '?' && rs[i] != '!' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("\"”’'", rs[j]) {
			j++
		}
		if j >= len(rs) || rs[j] != ' ' || j+1 >= len(rs) {
			continue
		}
		n := rs[j+1]
		if !(unicode.IsUpper(n) || unicode.IsDigit(n) || strings.ContainsRune("\"“‘", n)) {
			continue
		}
		// "U.S. officials": a one- or two-letter abbreviation is no end.
		k := i - 1
		for k >= 0 && rs[k] != ' ' {
			k--
		}
		if w := string(rs[k+1 : i]); len([]rune(strings.ReplaceAll(w, ".", ""))) <= 2 && strings.Contains(w, ".") || w == "Mr" || w == "Mrs" || w == "Dr" || w == "St" {
			continue
		}
		out = append(out, strings.TrimSpace(string(rs[start:j])))
		start = j + 1
		i = j
	}
	if rest := strings.TrimSpace(string(rs[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

// Paragraphs groups a story's sentences into paragraphs of up to two
// sentences, as wire copy runs.
func Paragraphs(text string) []string {
	var out []string
	var cur []string
	words := 0
	for _, s := range Sentences(text) {
		cur = append(cur, s)
		words += len(strings.Fields(s))
		if len(cur) == 2 || words > 40 {
			out = append(out, strings.Join(cur, " "))
			cur, words = nil, 0
		}
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// withParagraphs returns s with new paragraphs and Text joined from them.
func withParagraphs(s Story, ps []string) Story {
	s.Paragraphs = ps
	s.Text = strings.Join(ps, " ")
	return s
}

// WireCopy is the story as another outlet re-runs it from the wire: a
// new headline, a dateline before the first paragraph and a credit line
// after the last, an hour later.
func WireCopy(s Story) Story {
	ps := append([]string(nil), s.Paragraphs...)
	ps[0] = "WASHINGTON — " + ps[0]
	ps = append(ps, "Some information for this report came from The Associated Press and Reuters.")
	s = withParagraphs(s, ps)
	s.Title = s.Title + ", officials say"
	s.Published = s.Published.Add(time.Hour)
	return s
}

// Trimmed is the story as a third outlet runs it: cut to fit (the last
// paragraph dropped), three "said" made "stated", two hours later.
func Trimmed(s Story) Story {
	ps := append([]string(nil), s.Paragraphs[:len(s.Paragraphs)-1]...)
	n := 0
	for i := range ps {
		for n < 3 && strings.Contains(ps[i], " said ") {
			ps[i] = strings.Replace(ps[i], " said ", " stated ", 1)
			n++
		}
	}
	s = withParagraphs(s, ps)
	s.Title = "Report: " + s.Title
	s.Published = s.Published.Add(2 * time.Hour)
	return s
}

// EarlyVersion is the story as first published while it was breaking:
// its last three paragraphs were added by the update that gives the
// full story.
func EarlyVersion(s Story) Story {
	s = withParagraphs(s, append([]string(nil), s.Paragraphs[:len(s.Paragraphs)-3]...))
	return s
}

// Latin1 returns text with the typographic characters outside
// ISO-8859-1 written as their ASCII forms, as a site that serves
// ISO-8859-1 writes them.
func Latin1(text string) string {
	return strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "—", "-", "–", "-", "…", "...").Replace(text)
}

// Overlap scores an extracted text against the known one as bags of
// lower-cased words (runs of letters and digits): precision, recall and
// their harmonic mean F1.
func Overlap(got, want string) (precision, recall, f1 float64) {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	bag := map[string]int{}
	w := words(want)
	for _, x := range w {
		bag[x]++
	}
	g := words(got)
	common := 0
	for _, x := range g {
		if bag[x] > 0 {
			bag[x]--
			common++
		}
	}
	if common == 0 {
		return 0, 0, 0
	}
	precision, recall = float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return precision, recall, 2 * precision * recall / (precision + recall)
}
