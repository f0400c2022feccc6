package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gigawordWords returns the GigaWord sample sentences as upper-case word
// lists (split at spaces, commas and periods apart), a stand-in for the
// tokenizer's keys.
func gigawordWords(tb testing.TB) [][]string {
	f, err := os.Open(filepath.Join(shared(tb), "GigaWord.sample.PETR.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, _, _, err := ReadRecords(f, "GigaWord.sample.PETR.xml")
	if err != nil || len(recs) == 0 {
		tb.Fatalf("read %d records: %v", len(recs), err)
	}
	var out [][]string
	for _, r := range recs {
		var ws []string
		for _, w := range strings.Fields(strings.ToUpper(r.Text)) {
			if p := strings.TrimRight(w, ",.;:"); p != w && p != "" {
				ws = append(ws, p, w[len(p):len(p)+1])
				continue
			}
			ws = append(ws, w)
		}
		out = append(out, ws)
	}
	return out
}

// longestByScan is the longest phrase of x matching at words[i], by trying
// every phrase: what Match must find through its hash buckets and filter.
func longestByScan[T any](x *PhraseIndex[T], words []string, i int) int {
	best := 0
	x.Each(func(e PhraseEntry[T]) {
		n := len(e.Phrase.Words)
		if n <= best || i+n > len(words) || !WordMatches(words[i], e.Phrase.Words[0], e.Phrase.Exact[0]) {
			return
		}
		if rest(words, i+1, &e.Phrase, 1) >= 0 {
			best = n
		}
	})
	return best
}

// TestMatchFindsLongest checks the indexed Match against a scan of every
// phrase at every word of real news with the full Phoenix dictionaries.
func TestMatchFindsLongest(t *testing.T) {
	if testing.Short() {
		t.Skip("scans 50,000 phrases a word")
	}
	d, err := LoadDir(filepath.Join(shared(t), "phoenix"))
	if err != nil {
		t.Fatal(err)
	}
	sents := gigawordWords(t)
	if len(sents) > 8 {
		sents = sents[:8]
	}
	found := 0
	check := func(name string, got, want int) {
		if got != want {
			t.Errorf("%s: Match gives a %d-word phrase, a scan finds %d words", name, got, want)
		}
		if got > 0 {
			found++
		}
	}
	for _, ws := range sents {
		for i := range ws {
			e, _ := d.Actors.Index.Match(ws, i)
			check("actors at "+strings.Join(ws[i:], " "), len(e.Phrase.Words), longestByScan(d.Actors.Index, ws, i))
			g, _ := d.Agents.Index.Match(ws, i)
			check("agents at "+strings.Join(ws[i:], " "), len(g.Phrase.Words), longestByScan(d.Agents.Index, ws, i))
			s, _ := d.Issues.Index.Match(ws, i)
			check("issues at "+strings.Join(ws[i:], " "), len(s.Phrase.Words), longestByScan(d.Issues.Index, ws, i))
			c, _ := d.Discards.Index.Match(ws, i)
			check("discards at "+strings.Join(ws[i:], " "), len(c.Phrase.Words), longestByScan(d.Discards.Index, ws, i))
		}
	}
	if found < 30 {
		t.Errorf("only %d matches in %d sentences: the sample or the dictionaries are not what they were", found, len(sents))
	}
}

// BenchmarkMatchPhoenix looks up every word of the GigaWord sample in the
// Phoenix actor, agent, discard and issue indexes, as the coder does.
func BenchmarkMatchPhoenix(b *testing.B) {
	d, err := LoadDir(filepath.Join(shared(b), "phoenix"))
	if err != nil {
		b.Fatal(err)
	}
	sents := gigawordWords(b)
	words := 0
	for _, ws := range sents {
		words += len(ws)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, ws := range sents {
			for k := range ws {
				d.Actors.Index.Match(ws, k)
				d.Agents.Index.Match(ws, k)
				d.Discards.Index.Match(ws, k)
				d.Issues.Index.Match(ws, k)
			}
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "words/s")
}
