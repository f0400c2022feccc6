package geo_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/coder"
	"github.com/egret-events/egret/geo"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

// shared finds ../shared beside the repository root; absent, the test is
// skipped, or fails under CI=true.
func shared(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
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
	sh := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(sh, "petrarch", "phoenix")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("../shared/petrarch/phoenix is missing: %v", err)
		}
		t.Skip("../shared/petrarch/phoenix is missing; skipping the end-to-end test")
	}
	return sh
}

// TestCoderEndToEnd codes the Zakharova statement with the real coder and
// the Phoenix dictionaries, then geolocates its events: none may land in
// Moscow, Washington or anywhere in Russia or the United States (the
// statement is about Syria), the events of the sentence on the Idlib border
// and east Syria are in Syria, and the one on the Idlib border is in Idlib.
func TestCoderEndToEnd(t *testing.T) {
	sh := shared(t)
	text, err := os.ReadFile(filepath.Join(sh, "examples", "zakharova-syria-comment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := petrarch.LoadDir(filepath.Join(sh, "petrarch", "phoenix"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	doc := &egret.Document{ID: "zakharova", Text: string(text)}
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := c.Code(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 {
		t.Fatal("the coder found no events in the statement")
	}
	geo.New(g).Locate(doc, evs)
	idlib := false
	for _, e := range evs {
		sent := doc.Text[e.SentenceSpan.Start:e.SentenceSpan.End]
		l := e.Location
		if l == nil {
			t.Errorf("%s %s→%s %q not located", e.CAMEO, e.Source, e.Target, sent)
			continue
		}
		t.Logf("%s %s→%s %q: %s (%s %s %s) %.2f %.2f from %q", e.CAMEO, e.Source, e.Target, e.EventText, l.Name, l.Feature, l.Country, l.Region, l.Lat, l.Lon, l.Text)
		if l.Name == "Moscow" || l.Name == "Washington" || l.Country != "SYR" {
			t.Errorf("%s %s→%s in %q located in %s, %s", e.CAMEO, e.Source, e.Target, sent, l.Name, l.Country)
		}
		if strings.Contains(sent, "Idlib de-escalation zone") && l.Name == "Idlib" {
			idlib = true
		}
	}
	if !idlib {
		t.Error("no event of the Idlib-border sentence located in Idlib")
	}
}

// BenchmarkCoderGeo compares coding the VOA corpus with and without
// geolocation (the bar: geolocation must not halve coding speed).
func BenchmarkCoderGeo(b *testing.B) {
	sh := shared(b)
	raw, err := os.ReadFile(filepath.Join(sh, "corpus", "voa_stories.jsonl"))
	if err != nil {
		b.Skip(err)
	}
	var docs []egret.Document
	for i, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var r struct{ ID, Text string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			b.Fatalf("voa_stories.jsonl:%d: %v", i+1, err)
		}
		docs = append(docs, egret.Document{ID: r.ID, Text: r.Text})
	}
	d, err := petrarch.LoadDir(filepath.Join(sh, "petrarch", "phoenix"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	g, err := geo.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		b.Fatal(err)
	}
	gc := geo.New(g)
	sents := 0
	for i := range docs {
		sents += len(p.SplitSentences(docs[i].Text))
	}
	coded := make([][]egret.Event, len(docs))
	for i := range docs {
		if coded[i], err = c.Code(context.Background(), &docs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("locate", func(b *testing.B) {
		c0 := geo.CPUTime()
		for b.Loop() {
			for i := range docs {
				gc.Locate(&docs[i], coded[i])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sents), "ns/sentence")
		b.ReportMetric(float64((geo.CPUTime()-c0).Nanoseconds())/float64(b.N)/float64(sents), "cpu-ns/sentence")
	})
	for _, withGeo := range []bool{false, true} {
		name := "code"
		if withGeo {
			name = "code+locate"
		}
		b.Run(name, func(b *testing.B) {
			c0 := geo.CPUTime()
			for b.Loop() {
				for i := range docs {
					evs, err := c.Code(context.Background(), &docs[i])
					if err != nil {
						b.Fatal(err)
					}
					if withGeo {
						gc.Locate(&docs[i], evs)
					}
				}
			}
			b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
			b.ReportMetric(float64(sents)*float64(b.N)/(geo.CPUTime()-c0).Seconds(), "sentences/cpu-s")
		})
	}
}
