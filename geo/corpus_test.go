package geo

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

func readCorpus(t testing.TB) []egret.Document {
	t.Helper()
	path := filepath.Join(sharedDir(t), "corpus", "voa_stories.jsonl")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	defer f.Close()
	var docs []egret.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var r struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		docs = append(docs, egret.Document{ID: r.ID, Title: r.Title, Text: r.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// sentenceEvents makes one event per sentence spanning the whole sentence,
// as a stand-in for the coder's events.
func sentenceEvents(t testing.TB, doc *egret.Document) []egret.Event {
	var evs []egret.Event
	for i, s := range sentenceSpans(t, doc.Text) {
		evs = append(evs, egret.Event{DocID: doc.ID, Sentence: i, SentenceSpan: s, EventSpan: s})
	}
	return evs
}

// TestCorpusCoverage measures on the VOA corpus the share of sentences with
// a place of their own, and of sentences located at all (the document's main
// place filling in); it fails if either drops far below what was measured
// when this test was written, and logs the figures and commonest places.
func TestCorpusCoverage(t *testing.T) {
	docs := readCorpus(t)
	gc := testGeocoder(t)
	var sents, own, any int
	places := map[string]int{}
	for i := range docs {
		evs := sentenceEvents(t, &docs[i])
		gc.Locate(&docs[i], evs)
		for _, e := range evs {
			sents++
			if e.Location == nil {
				continue
			}
			any++
			if e.Location.Span.Start >= e.SentenceSpan.Start && e.Location.Span.End <= e.SentenceSpan.End {
				own++
				places[e.Location.Name+"/"+e.Location.Country]++
			}
		}
	}
	var top []string
	for p := range places {
		top = append(top, p)
	}
	sort.Slice(top, func(i, j int) bool {
		return places[top[i]] > places[top[j]] || places[top[i]] == places[top[j]] && top[i] < top[j]
	})
	if len(top) > 15 {
		top = top[:15]
	}
	t.Logf("%d documents, %d sentences: %.1f%% with a place in the sentence, %.1f%% located (document's main place as fallback); top: %s",
		len(docs), sents, 100*float64(own)/float64(sents), 100*float64(any)/float64(sents), strings.Join(top, " "))
	if own*100 < 20*sents || any*100 < 80*sents {
		t.Errorf("coverage fell: %d/%d sentences with their own place, %d/%d located", own, sents, any, sents)
	}
}

// BenchmarkLocateCorpus reports the cost of locating per sentence over the
// VOA corpus (one event per sentence, whole documents analysed once).
func BenchmarkLocateCorpus(b *testing.B) {
	docs := readCorpus(b)
	gc := testGeocoder(b)
	evs := make([][]egret.Event, len(docs))
	n := 0
	for i := range docs {
		evs[i] = sentenceEvents(b, &docs[i])
		n += len(evs[i])
	}
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		for i := range docs {
			gc.Locate(&docs[i], evs[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/sentence")
}

// BenchmarkLocateSentencesCorpus is BenchmarkLocateCorpus with the
// sentences the coder made (nlp.Pipeline.Sentences, outside the timing):
// the pipeline's path, where geolocation does not split the text again.
//
// The lower and upper sub-benchmarks run the corpus lower-cased and
// upper-cased, where every word is looked up in the lexicon and may open a
// name.
func BenchmarkLocateSentencesCorpus(b *testing.B) {
	gc := testGeocoder(b)
	p := testPipeline(b)
	for v, name := range []string{"normal", "lower", "upper"} {
		docs := readCorpus(b)
		evs := make([][]egret.Event, len(docs))
		sents := make([][]nlp.Sentence, len(docs))
		n := 0
		for i := range docs {
			evs[i] = sentenceEvents(b, &docs[i])
			if v > 0 {
				docs[i].Text = recase(docs[i].Text, v == 2)
			}
			sents[i] = p.Sentences(docs[i].Text)
			n += len(evs[i])
		}
		gc.LocateSentences(&docs[0], sents[0], evs[0]) // builds the name-prefix set once
		b.Run(name, func(b *testing.B) {
			c0 := cpuTime()
			for b.Loop() {
				for i := range docs {
					gc.LocateSentences(&docs[i], sents[i], evs[i])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
			b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/sentence")
		})
	}
}

// BenchmarkLocateSentence is the per-sentence cost when each sentence is its
// own document, as with sentence-per-record inputs.
func BenchmarkLocateSentence(b *testing.B) {
	gc := testGeocoder(b)
	text := "The Syrian Army, supported by Russia's Aerospace Forces, reciprocates the armed provocations launched by the radical illegal armed groups on the border of the Idlib de-escalation zone."
	doc := &egret.Document{Text: text}
	s := egret.Span{Start: 0, End: len(text)}
	i := strings.Index(text, "reciprocates")
	ev := egret.Span{Start: i, End: i + len("reciprocates")}
	for b.Loop() {
		if l := gc.LocateSentence(doc, s, ev, []string{"SYR"}); l == nil || l.Name != "Idlib" {
			b.Fatal(l)
		}
	}
}
