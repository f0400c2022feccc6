package geo

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/nlp"
)

// evalDoc is one document of the case-robustness evaluation with the
// events to locate in it.
type evalDoc struct {
	set, id string
	doc     egret.Document
	events  []egret.Event
}

// evalGolden turns the cases of testdata/locate.input into documents with
// one event each (extra events carry the third and later country hints).
func evalGolden(t testing.TB, p *nlp.Pipeline) []evalDoc {
	var out []evalDoc
	for _, c := range readLocateCases(t, filepath.Join("testdata", "locate.input")) {
		d := evalDoc{set: "locate.input", id: strconv.Itoa(c.line), doc: egret.Document{ID: strconv.Itoa(c.line), Text: c.text}}
		var sent egret.Span
		for _, s := range p.SplitSentences(c.text) {
			if s.Start <= c.event.Start && c.event.End <= s.End {
				sent = s
			}
		}
		if sent.Empty() {
			t.Fatalf("locate.input:%d: event outside every sentence", c.line)
		}
		ev := egret.Event{DocID: d.id, SentenceSpan: sent, EventSpan: c.event}
		hs := c.hints
		if len(hs) > 0 {
			ev.Source, hs = hs[0], hs[1:]
		}
		if len(hs) > 0 {
			ev.Target, hs = hs[0], hs[1:]
		}
		d.events = append(d.events, ev)
		for _, h := range hs {
			e := ev
			e.Source, e.Target = h, ""
			d.events = append(d.events, e)
		}
		out = append(out, d)
	}
	return out
}

// sentenceEvalDocs makes one event per sentence (nlp's sentences, as the
// coder has them), spanning the sentence.
func sentenceEvalDocs(set string, p *nlp.Pipeline, docs []egret.Document) []evalDoc {
	var out []evalDoc
	for _, doc := range docs {
		d := evalDoc{set: set, id: doc.ID, doc: doc}
		for i, s := range p.SplitSentences(doc.Text) {
			d.events = append(d.events, egret.Event{DocID: doc.ID, Sentence: i, SentenceSpan: s, EventSpan: s})
		}
		out = append(out, d)
	}
	return out
}

func evalMentionTexts(t testing.TB, p *nlp.Pipeline) []evalDoc {
	b, err := os.ReadFile(filepath.Join("testdata", "mentions.input"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []egret.Document
	for i, text := range strings.Split(string(b), "\n---\n") {
		docs = append(docs, egret.Document{ID: strconv.Itoa(i + 1), Text: strings.TrimSpace(text)})
	}
	return sentenceEvalDocs("mentions.input", p, docs)
}

// evalCoderGoldens reads the coder's test documents (coder/testdata/*.input)
// and the events of their goldens: sentence (0-based; the first of a list),
// source, target and event text, found in that sentence.
func evalCoderGoldens(t testing.TB, p *nlp.Pipeline) []evalDoc {
	inputs, err := filepath.Glob(filepath.Join("..", "coder", "testdata", "*.input"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no coder/testdata/*.input: %v", err)
	}
	var out []evalDoc
	for _, in := range inputs {
		doc := readCoderInput(t, in)
		gold := strings.TrimSuffix(in, ".input") + ".golden"
		b, err := os.ReadFile(gold)
		if err != nil {
			t.Fatal(err)
		}
		sents := p.SplitSentences(doc.Text)
		d := evalDoc{set: "coder goldens", id: doc.ID, doc: *doc}
		for n, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			fs := strings.Split(line, "\t")
			if len(fs) < 4 {
				t.Fatalf("%s:%d: want sentence, source, target, … event text", gold, n+1)
			}
			si, err := strconv.Atoi(strings.Split(fs[0], ",")[0])
			if err != nil || si < 0 || si >= len(sents) {
				t.Fatalf("%s:%d: sentence %q not in 0..%d", gold, n+1, fs[0], len(sents)-1)
			}
			s := sents[si]
			word, err := strconv.Unquote(fs[len(fs)-1])
			if err != nil {
				t.Fatalf("%s:%d: event text %s: %v", gold, n+1, fs[len(fs)-1], err)
			}
			ev := s
			if k := strings.Index(strings.ToLower(doc.Text[s.Start:s.End]), strings.ToLower(word)); k >= 0 && word != "" {
				ev = egret.Span{Start: s.Start + k, End: s.Start + k + len(word)}
			}
			d.events = append(d.events, egret.Event{DocID: doc.ID, Sentence: si, SentenceSpan: s, EventSpan: ev, Source: fs[1], Target: fs[2]})
		}
		out = append(out, d)
	}
	return out
}

// readCoderInput reads one coder/testdata/*.input: "key: value" header
// lines, "---", the text (or the ../shared file or VOA story the header
// names), as the coder's own tests read it.
func readCoderInput(t testing.TB, path string) *egret.Document {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(b), "\n---\n")
	if !ok {
		t.Fatalf("%s: no '---' line", path)
	}
	hdr := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, "#") {
			hdr[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	var date time.Time
	if d := hdr["date"]; d != "" && d != "none" {
		date, _ = time.Parse("2006-01-02", d)
	}
	id := strings.TrimSuffix(filepath.Base(path), ".input")
	if v := hdr["voa"]; v != "" {
		return testshared.VOAStory(t, v)
	}
	src := []byte(body)
	if s := hdr["shared"]; s != "" {
		if src, err = os.ReadFile(testshared.Path(t, s)); err != nil {
			t.Fatal(err)
		}
	}
	var doc *egret.Document
	rd := &docio.Reader{Name: id, Format: docio.FormatText, Date: date, Bad: func(br docio.BadRecord) { t.Fatalf("%s: %v", path, br) }}
	if err := rd.Read(bytes.NewReader(src), func(d *egret.Document) error { doc = d; return nil }); err != nil {
		t.Fatal(err)
	}
	return doc
}

// locateCased locates a copy of events in doc's text as written (v 0),
// lower-cased (1) or upper-cased (2), with the sentences nlp makes of that
// text, as the coder would hand them over.
func locateCased(gc *Geocoder, p *nlp.Pipeline, doc egret.Document, v int, events []egret.Event) []egret.Event {
	if v > 0 {
		doc.Text = recase(doc.Text, v == 2)
	}
	evs := append([]egret.Event(nil), events...)
	gc.LocateSentences(&doc, p.Sentences(doc.Text), evs)
	return evs
}

// recase returns text in lower or upper case with every byte offset kept:
// a letter whose other case has another UTF-8 length stays as it is.
func recase(text string, upper bool) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		c := unicode.ToLower(r)
		if upper {
			c = unicode.ToUpper(r)
		}
		if r == utf8.RuneError || utf8.RuneLen(c) != utf8.RuneLen(r) {
			c = r
		}
		b.WriteRune(c)
	}
	if b.Len() != len(text) {
		return text
	}
	return b.String()
}

// evalVOA is the VOA corpus (../shared/corpus), one event per sentence.
func evalVOA(t testing.TB, p *nlp.Pipeline) []evalDoc {
	var docs []egret.Document
	for _, d := range testshared.VOAStories(t) {
		docs = append(docs, *d)
	}
	return sentenceEvalDocs("VOA corpus", p, docs)
}

// evalVOASentences is the VOA corpus with every sentence its own
// document: no main place of the story fills in, so each sentence's own
// names decide.
func evalVOASentences(t testing.TB, p *nlp.Pipeline) []evalDoc {
	var docs []egret.Document
	for _, d := range testshared.VOAStories(t) {
		for i, s := range p.SplitSentences(d.Text) {
			docs = append(docs, egret.Document{ID: d.ID + "." + strconv.Itoa(i), Text: d.Text[s.Start:s.End]})
		}
	}
	return sentenceEvalDocs("VOA sentences", p, docs)
}

// evalGigaWord is the sentences of ../shared/petrarch/GigaWord.sample.PETR.xml
// (their text only), each its own document with one event.
func evalGigaWord(t testing.TB, p *nlp.Pipeline) []evalDoc {
	path := testshared.Path(t, filepath.Join("petrarch", "GigaWord.sample.PETR.xml"))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []egret.Document
	for _, part := range strings.Split(string(b), "<Text>")[1:] {
		text, _, ok := strings.Cut(part, "</Text>")
		if !ok {
			t.Fatalf("%s: <Text> without </Text>", path)
		}
		docs = append(docs, egret.Document{ID: strconv.Itoa(len(docs) + 1), Text: strings.Join(strings.Fields(text), " ")})
	}
	return sentenceEvalDocs("GigaWord sample", p, docs)
}

// evalEWT is the documents of a split of the UD English Web Treebank
// (../shared/treebanks), their sentences' text joined, one event per
// sentence.
func evalEWT(t testing.TB, p *nlp.Pipeline, split string) []evalDoc {
	path := testshared.Path(t, filepath.Join("treebanks", "en_ewt", "en_ewt-ud-"+split+".conllu"))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []egret.Document
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "# newdoc id = "):
			docs = append(docs, egret.Document{ID: strings.TrimPrefix(l, "# newdoc id = ")})
		case strings.HasPrefix(l, "# text = ") && len(docs) > 0:
			d := &docs[len(docs)-1]
			if d.Text != "" {
				d.Text += " "
			}
			d.Text += strings.TrimPrefix(l, "# text = ")
		}
	}
	return sentenceEvalDocs("EWT "+split, p, docs)
}

// caseFigures are one evaluation set's results in one case: events, those
// located, those the normal case located too (both), and of these the
// ones in the same country as in the normal case (same); normal is the
// number the normal case located.
type caseFigures struct {
	events, located, normal, both, same int
}

// evalCase locates the events of docs in the text as written, in lower
// case and in upper case, each with the sentences the pipeline makes of
// that text, and compares the countries with the normal case's.
func evalCase(gc *Geocoder, p *nlp.Pipeline, docs []evalDoc) [3]caseFigures {
	var out [3]caseFigures
	for _, d := range docs {
		var ref []egret.Event
		for v := range 3 {
			evs := locateCased(gc, p, d.doc, v, d.events)
			if v == 0 {
				ref = evs
			}
			f := &out[v]
			for i, e := range evs {
				f.events++
				if e.Location != nil {
					f.located++
				}
				if r := ref[i].Location; r != nil {
					f.normal++
					if e.Location != nil {
						f.both++
						if e.Location.Country == r.Country {
							f.same++
						}
					}
				}
			}
		}
	}
	return out
}
