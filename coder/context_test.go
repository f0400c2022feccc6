package coder

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/defaults"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the coder's output")

var (
	defaultOnce  sync.Once
	defaultCoder *Coder
	defaultErr   error
)

// loadDefault loads egret's embedded default dictionaries once.
func loadDefault(t testing.TB, opts Options) *Coder {
	t.Helper()
	defaultOnce.Do(func() {
		d, err := defaults.Load()
		if err != nil {
			defaultErr = err
			return
		}
		p, err := nlp.New()
		if err != nil {
			defaultErr = err
			return
		}
		defaultCoder, defaultErr = New(d, p, Options{})
	})
	if defaultErr != nil {
		t.Fatal(defaultErr)
	}
	if opts == (Options{}) {
		return defaultCoder
	}
	return mustNew(t, defaultCoder.d, defaultCoder.p, opts)
}

// testDoc is one testdata/*.input: "key: value" header lines (date, title,
// author, source; shared: a plain-text file under ../shared; voa: a story
// id of ../shared/corpus/voa_stories.jsonl), a line "---", then the
// document as plain text (a first line followed by a blank line is the
// title).
func readInput(t *testing.T, path string) *egret.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(b), "\n---\n")
	if !ok {
		t.Fatalf("%s: no '---' line between header and text", path)
	}
	hdr := map[string]string{}
	for n, line := range strings.Split(head, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s:%d: header line %q is not key: value", path, n+1, line)
		}
		hdr[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	var date time.Time
	if d := hdr["date"]; d != "" && d != "none" {
		if date, err = time.Parse("2006-01-02", d); err != nil {
			t.Fatalf("%s: date: %v", path, err)
		}
	}
	id := strings.TrimSuffix(filepath.Base(path), ".input")
	var doc *egret.Document
	emit := func(d *egret.Document) error { doc = d; return nil }
	bad := func(br docio.BadRecord) { t.Fatalf("%s: %v", path, br) }
	switch {
	case hdr["shared"] != "":
		sb, err := os.ReadFile(filepath.Join(sharedDir(t), hdr["shared"]))
		if err != nil {
			t.Fatal(err)
		}
		rd := &docio.Reader{Name: id, Format: docio.FormatText, Date: date, Bad: bad}
		if err := rd.Read(bytes.NewReader(sb), emit); err != nil {
			t.Fatal(err)
		}
	case hdr["voa"] != "":
		doc = testshared.VOAStory(t, hdr["voa"])
		if hdr["date"] != "" {
			doc.Date = date // the golden file is for the header's date
		}
	default:
		rd := &docio.Reader{Name: id, Format: docio.FormatText, Date: date, Bad: bad}
		if err := rd.Read(strings.NewReader(body), emit); err != nil {
			t.Fatal(err)
		}
	}
	if doc == nil {
		t.Fatalf("%s: no document", path)
	}
	doc.ID = id
	doc.Author, doc.Source = hdr["author"], hdr["source"]
	if hdr["title"] != "" {
		doc.Title = hdr["title"]
	}
	return doc
}

// goldenLine renders the key fields of an event.
func goldenLine(e *egret.Event) string {
	sents := strconv.Itoa(e.Sentence)
	if len(e.Sentences) > 0 {
		var xs []string
		for _, s := range e.Sentences {
			xs = append(xs, strconv.Itoa(s))
		}
		sents = strings.Join(xs, ",")
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	ref := "-"
	if e.SourceRef != nil {
		ref = fmt.Sprintf("%d:%q", e.SourceRef.Sentence, e.SourceRef.Text)
	}
	return fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s\t%s\tsrc_ref=%s\t%q", sents, dash(e.Source), dash(e.Target), e.CAMEO, dash(e.PLOVER),
		dash(e.Modality), dash(e.Certainty), ref, e.EventText)
}

// expectation is one line of a testdata/*.expect file:
//
//	require SENT SRC TGT CAMEO [mod=M] [cert=C] [ref=TEXT] [reported=TEXT]
//	forbid  SENT SRC TGT CAMEO
//
// SENT is a sentence index (matching Event.Sentence or any of
// Event.Sentences) or *; SRC and TGT are code prefixes ("SYR" matches
// SYRGOV), "-" for none, * for any; CAMEO is a code prefix.
type expectation struct {
	line                  int
	kind                  string
	sent                  int // -1: any
	src, tgt, code        string
	mod, cert, ref, repBy string
}

func readExpect(t *testing.T, path string) []expectation {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []expectation
	for n, line := range strings.Split(string(b), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 5 || (f[0] != "require" && f[0] != "forbid") {
			t.Fatalf("%s:%d: want require|forbid SENT SRC TGT CAMEO [key=value...]", path, n+1)
		}
		x := expectation{line: n + 1, kind: f[0], sent: -1, src: f[2], tgt: f[3], code: f[4]}
		if f[1] != "*" {
			if x.sent, err = strconv.Atoi(f[1]); err != nil {
				t.Fatalf("%s:%d: sentence %q", path, n+1, f[1])
			}
		}
		for _, kv := range f[5:] {
			k, v, _ := strings.Cut(kv, "=")
			v = strings.ReplaceAll(v, "_", " ")
			switch k {
			case "mod":
				x.mod = v
			case "cert":
				x.cert = v
			case "ref":
				x.ref = v
			case "reported":
				x.repBy = v
			default:
				t.Fatalf("%s:%d: unknown key %q", path, n+1, k)
			}
		}
		out = append(out, x)
	}
	return out
}

func codeMatch(pat, code string) bool {
	switch pat {
	case "*":
		return true
	case "-":
		return code == ""
	}
	return code != "" && strings.HasPrefix(code, pat)
}

func (x *expectation) matches(e *egret.Event) bool {
	if x.sent >= 0 && e.Sentence != x.sent {
		found := false
		for _, s := range e.Sentences {
			found = found || s == x.sent
		}
		if !found {
			return false
		}
	}
	if !codeMatch(x.src, e.Source) || !codeMatch(x.tgt, e.Target) || !strings.HasPrefix(e.CAMEO, x.code) {
		return false
	}
	if x.mod != "" && e.Modality != x.mod || x.cert != "" && e.Certainty != x.cert || x.repBy != "" && !strings.Contains(e.ReportedBy, x.repBy) {
		return false
	}
	if x.ref != "" && (e.SourceRef == nil || !strings.Contains(e.SourceRef.Text, x.ref)) {
		return false
	}
	return true
}

// TestContextGolden codes each testdata/*.input with the default
// dictionaries, compares the key fields with *.golden (go test -update
// rewrites them) and checks the hand-checked *.expect: every required
// event is there and no forbidden one.
func TestContextGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.input"))
	if err != nil || len(inputs) < 11 {
		t.Fatalf("want at least 11 testdata/*.input documents, found %d (%v)", len(inputs), err)
	}
	c := loadDefault(t, Options{})
	nc := loadDefault(t, Options{NoContext: true})
	var req, met, metNoCtx, forbidNoCtx int
	var with, without yieldCount
	defer func() {
		t.Logf("required events met: %d/%d with document context, %d/%d without (forbidden events without context: %d)", met, req, metNoCtx, req, forbidNoCtx)
		t.Logf("statements and stories: %d sentences; %.1f events/100 sentences with context (%d events, %d event mentions), %.1f without (%d)",
			with.sents, with.per100(), with.events, with.mentions, without.per100(), without.events)
	}()
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			doc := readInput(t, in)
			evs, err := c.Code(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i := range evs {
				checkSpans(t, doc, &evs[i])
				b.WriteString(goldenLine(&evs[i]))
				b.WriteByte('\n')
			}
			gold := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				if err := os.WriteFile(gold, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(gold)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if string(want) != b.String() {
				t.Errorf("%s differs from the output (go test -update rewrites it):\n--- want\n%s--- got\n%s", gold, want, b.String())
			}
			exp := strings.TrimSuffix(in, ".input") + ".expect"
			xs := readExpect(t, exp)
			if len(xs) == 0 {
				t.Fatalf("%s: no expectations", exp)
			}
			// the same document without context, for the figures
			plain, err := nc.Code(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			with = addYield(with, c, doc, evs)
			without = addYield(without, nc, doc, plain)
			for _, x := range xs {
				n := 0
				for i := range plain {
					if x.matches(&plain[i]) {
						n++
					}
				}
				if x.kind == "require" {
					req++
					if n > 0 {
						metNoCtx++
					}
				} else if n > 0 {
					forbidNoCtx++
				}
			}
			for _, x := range xs {
				n := 0
				for i := range evs {
					if x.matches(&evs[i]) {
						n++
					}
				}
				if x.kind == "require" && n > 0 {
					met++
				}
				if x.kind == "require" && n == 0 {
					t.Errorf("%s:%d: required event missing: %d %s %s %s\n%s", exp, x.line, x.sent, x.src, x.tgt, x.code, b.String())
				}
				if x.kind == "forbid" && n > 0 {
					t.Errorf("%s:%d: forbidden event present: %d %s %s %s\n%s", exp, x.line, x.sent, x.src, x.tgt, x.code, b.String())
				}
			}
		})
	}
}

// checkSpans checks that every span and reference points at its text.
func checkSpans(t *testing.T, doc *egret.Document, e *egret.Event) {
	t.Helper()
	for _, sp := range []struct {
		span egret.Span
		text string
	}{{e.SourceSpan, e.SourceText}, {e.TargetSpan, e.TargetText}, {e.EventSpan, e.EventText}, {e.SentenceSpan, e.Text}} {
		if !sp.span.Empty() && doc.Text[sp.span.Start:sp.span.End] != sp.text {
			t.Errorf("span %v is %q, field says %q", sp.span, doc.Text[sp.span.Start:sp.span.End], sp.text)
		}
	}
	for _, r := range []*egret.Ref{e.SourceRef, e.TargetRef} {
		if r != nil && !r.Span.Empty() && doc.Text[r.Span.Start:r.Span.End] != r.Text {
			t.Errorf("ref span %v is %q, ref says %q", r.Span, doc.Text[r.Span.Start:r.Span.End], r.Text)
		}
	}
}

// TestContextNeutralOnRecords: document context must not change how
// single-sentence records (the PETRARCH unit tests) are coded.
func TestContextNeutralOnRecords(t *testing.T) {
	c, recs := loadValidation(t)
	nc := mustNew(t, c.d, c.p, Options{NoContext: true})
	with := Validate(context.Background(), c, recs)
	without := Validate(context.Background(), nc, recs)
	t.Logf("PETRARCH unit tests: %d/%d with document context, %d/%d without", with.Correct, with.Total, without.Correct, without.Total)
	for i := range with.Results {
		a, b := with.Results[i], without.Results[i]
		if strings.Join(a.Produced, "|") != strings.Join(b.Produced, "|") {
			t.Errorf("%s: context changed the events: %v vs %v", a.Record.ID, a.Produced, b.Produced)
		}
	}
}

// TestContextYieldVOA measures event yield (events per 100 sentences) on
// the VOA stories with and without document context, and checks that
// context adds events.
func TestContextYieldVOA(t *testing.T) {
	docs := testshared.VOAStories(t)
	with, without := yield(t, loadDefault(t, Options{}), docs), yield(t, loadDefault(t, Options{NoContext: true}), docs)
	t.Logf("VOA %d stories, %d sentences: with document context %.1f events/100 sentences (%d events, %d event mentions, %d resolved from context); without %.1f (%d events)",
		len(docs), with.sents, with.per100(), with.events, with.mentions, with.resolved, without.per100(), without.events)
	// Context resolves pronouns and titles (more events) but also infers
	// countries, which turns some dyads into one actor talking to itself
	// (dropped) and merges restatements: the net must not be a loss.
	if with.mentions < without.mentions || with.resolved < 30 {
		t.Errorf("document context loses event mentions or resolves few: %d with, %d without, %d resolved", with.mentions, without.mentions, with.resolved)
	}
}

// yieldCount counts sentences and events; mentions counts an event once
// per sentence restating it, resolved the events whose source or target
// came from document context.
type yieldCount struct{ sents, events, mentions, resolved int }

func (y yieldCount) per100() float64 { return 100 * float64(y.events) / float64(max(y.sents, 1)) }

func yield(t testing.TB, c *Coder, docs []*egret.Document) yieldCount {
	var y yieldCount
	for _, d := range docs {
		evs, err := c.Code(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		y.sents += len(c.p.SplitSentences(d.Text))
		y.events += len(evs)
		for _, e := range evs {
			y.mentions += max(len(e.Sentences), 1)
			if e.SourceRef != nil || e.TargetRef != nil || strings.HasPrefix(e.Pattern, "context:") {
				y.resolved++
			}
		}
	}
	return y
}

func addYield(y yieldCount, c *Coder, d *egret.Document, evs []egret.Event) yieldCount {
	y.sents += len(c.p.SplitSentences(d.Text))
	y.events += len(evs)
	for _, e := range evs {
		y.mentions += max(len(e.Sentences), 1)
	}
	return y
}

// BenchmarkCodeVOA codes the VOA stories with document context
// (-benchtime=1x prints the yield once).
func BenchmarkCodeVOA(b *testing.B) {
	docs := testshared.VOAStories(b)
	for _, noCtx := range []bool{false, true} {
		b.Run(fmt.Sprintf("NoContext=%v", noCtx), func(b *testing.B) {
			c := loadDefault(b, Options{NoContext: noCtx})
			var y yieldCount
			for i := 0; i < b.N; i++ {
				y = yield(b, c, docs)
			}
			b.ReportMetric(y.per100(), "events/100sent")
		})
	}
}

// TestContextConstructions checks document-context constructions one by
// one on short documents (two sentences, so that context is on).
func TestContextConstructions(t *testing.T) {
	c := loadDefault(t, Options{})
	lead := "Officials met on Monday. "
	tests := []struct {
		name, title, text string
		want              []string // expectation lines, as in testdata/*.expect
	}{
		{"reported speech", "", lead + "Ukraine said that Russian forces attacked Kharkiv.",
			[]string{"require 1 RUSMIL UKR 19 cert=reported reported=Ukraine", "require 1 UKR RUS 112"}},
		{"alleged", "", lead + "Russia claimed that Ukrainian troops allegedly shelled Donetsk.",
			[]string{"require 1 UKRMIL * 19 cert=alleged", "require 1 RUS UKR 112"}},
		{"nominal report", "", lead + "Moscow rejected a statement by the U.S. State Department to the effect that Russia is aggravating the crisis.",
			[]string{"require 1 USAGOV RUS 112"}},
		{"criticism", "", lead + "Blinken said that he believes China is not doing enough to stop the flow of fentanyl.",
			[]string{"require 1 USAGOV CHN 111", "forbid 1 USAGOV CHN 010"}},
		// a state telling of armed men's attacks at home reports a fact
		{"state reports insurgents' attack", "Jihadists kill 34 villagers in western Niger", "Jihadists kill 34 villagers in western Niger\n\nNIAMEY, March 7 (AFP) - Suspected jihadists killed at least 34 villagers in an attack in western Niger's Tillaberi region, the defence ministry said on Saturday, adding that the army had killed dozens of the assailants in a counter-offensive.",
			[]string{"require 0 * NERCVL 19", "forbid 1 * * 112"}},
		// a lone surname is the person just named
		{"surname after the full name", "", "Kyrgyz President Sadyr Japarov met opposition leaders on Monday. Japarov accused the opposition of inciting violence.",
			[]string{"require 1 KGZGOV * 112"}},
		// the toll of a clash: each side's dead are the other side's victims
		{"toll of a clash", "", "JNIM militants clashed with military forces of Burkina Faso near Djibo on Thursday. About 20 militants and 5 soldiers were killed.",
			[]string{"require 1 IMGMUSALQREB ---MIL 19", "forbid 1 BFAMIL ---MIL *"}},
		{"negated", "", lead + "Israel did not attack Iran.", []string{"forbid 1 ISR IRN *"}},
		{"no longer", "", lead + "The Taliban will no longer cooperate with Pakistan.", []string{"forbid 1 AFG* PAK *"}},
		{"intent", "", lead + "Germany will provide Ukraine with air defence systems.",
			[]string{"require 1 DEU UKR 033 mod=intended", "forbid 1 DEU UKR 07"}},
		{"threat", "", lead + "North Korea will attack South Korea if the drills continue.",
			[]string{"require 1 PRK KOR 138 mod=intended", "forbid 1 PRK KOR 19"}},
		// an act that would happen or is asked about did not: no event,
		// material or verbal
		{"hypothetical", "", lead + "Iran would meet the United States in Oman.",
			[]string{"forbid 1 IRN USA *"}},
		{"it after said", "", lead + "Turkey's foreign ministry said that it condemned the attack by Israel.",
			[]string{"require 1 TURGOV ISR 111 cert=reported ref=Turkey's_foreign_ministry"}},
		{"questioned act", "", lead + "Has Israel attacked Iran?",
			[]string{"forbid 1 ISR IRN *"}},
		{"questioned statement", "", lead + "Has Israel condemned Iran?",
			[]string{"forbid 1 ISR IRN *"}},
		{"passive nominal", "", lead + "Accusations have been made against the Iranian military.",
			[]string{"require 1 - IRNMIL 112"}},
		{"speaker from title", "Statement by the Ministry of Foreign Affairs of Japan", "Statement by the Ministry of Foreign Affairs of Japan\n\nWe strongly condemn North Korea. We urge North Korea to stop its launches.",
			[]string{"require 1 JPNGOV PRK 111 ref=Ministry_of_Foreign_Affairs_of_Japan", "require 2 JPNGOV PRK 02"}},
		{"no speaker, no we", "", lead + "We strongly condemn North Korea.", []string{"forbid 1 * PRK *"}},
		{"quoted speaker", "", lead + `"We strongly condemn NATO," Foreign Minister Sergei Lavrov said.`,
			[]string{"require 1 RUSGOV IGOWSTNAT 111 ref=Sergei_Lavrov"}},
		{"statement from the ministry", "", "Russia's Foreign Ministry issued a warning. \"We strongly condemn NATO,\" said a statement from the ministry.",
			[]string{"require 1 RUSGOV IGOWSTNAT 111"}},
		{"quoted non-actor", "", lead + `"We strongly condemn NATO," a local resident said.`,
			[]string{"forbid 1 * IGOWSTNAT *"}},
		{"short name", "", "Russian Foreign Minister Sergei Lavrov arrived in Ankara. Lavrov criticized NATO.",
			[]string{"require 1 RUSGOV IGOWSTNAT 111"}},
		{"definite description", "", "US Special Envoy for Syria Joel Rayburn visited Turkey. The envoy accused Russia of war crimes.",
			[]string{"require 1 USAGOV RUS 112 ref=Special_Envoy"}},
		{"duplicates", "", "Russia accused Ukraine of shelling. Russia also accused Ukraine of sabotage.",
			[]string{"require 0 RUS UKR 112", "require 1 RUS UKR 112"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &egret.Document{ID: "t", Title: tc.title, Text: tc.text, Date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}
			evs, err := c.Code(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i := range evs {
				checkSpans(t, doc, &evs[i])
				b.WriteString(goldenLine(&evs[i]) + "\n")
			}
			path := filepath.Join(t.TempDir(), "x.expect")
			os.WriteFile(path, []byte(strings.Join(tc.want, "\n")), 0o644)
			for _, x := range readExpect(t, path) {
				n := 0
				for i := range evs {
					if x.matches(&evs[i]) {
						n++
					}
				}
				if x.kind == "require" && n == 0 || x.kind == "forbid" && n > 0 {
					t.Errorf("%s %d %s %s %s: failed; events:\n%s", x.kind, x.sent, x.src, x.tgt, x.code, b.String())
				}
			}
			if tc.name == "duplicates" {
				for _, e := range evs {
					if e.Source == "RUS" && e.Target == "UKR" && strings.HasPrefix(e.CAMEO, "112") && len(e.Sentences) != 2 {
						t.Errorf("restated accusation not merged: %+v", e)
					}
				}
			}
		})
	}
}

// TestContextOddDocuments: unbalanced quotations, a title only, metadata
// naming no actor, first person without a speaker and a long document
// code without error or panic, and every span stays inside the text.
func TestContextOddDocuments(t *testing.T) {
	c := loadDefault(t, Options{})
	long := strings.Repeat("Russia accused Ukraine of shelling. \"We will respond,\" he said. They attacked. The envoy left. ", 200)
	docs := []*egret.Document{
		{ID: "open-quote", Text: "“We condemn NATO. Russia attacked Ukraine. He said “we"},
		{ID: "close-quote", Text: "We condemn NATO.” Russia attacked Ukraine.” ”"},
		{ID: "title-only", Title: "Statement by the Ministry of Foreign Affairs of Japan", Text: "Statement by the Ministry of Foreign Affairs of Japan"},
		{ID: "metadata", Title: "Comment by", Author: "Jane Doe", Source: "VOA", Text: "We condemn North Korea. They left."},
		{ID: "pronouns", Text: "We. Our. Us. They. He. She. The envoy. Rayburn."},
		{ID: "empty-ish", Text: " \n\n . "},
		{ID: "long", Text: long},
	}
	for _, d := range docs {
		evs, err := c.Code(context.Background(), d)
		if err != nil {
			t.Errorf("%s: %v", d.ID, err)
		}
		for i := range evs {
			checkSpans(t, d, &evs[i])
			for _, r := range []*egret.Ref{evs[i].SourceRef, evs[i].TargetRef} {
				if r != nil && r.Span.End > len(d.Text) {
					t.Errorf("%s: reference %+v outside the text", d.ID, r)
				}
			}
		}
	}
}

// mustNew is New for tests.
func mustNew(t testing.TB, d *petrarch.Dictionaries, p *nlp.Pipeline, opts Options) *Coder {
	t.Helper()
	c, err := New(d, p, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
