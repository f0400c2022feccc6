package nlp

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// goldTag maps a Penn Treebank tag of a gold parse to our folded tag set;
// ok is false for tags outside the Treebank set (GigaWord's AUX), which are
// not scored.
func goldTag(s string) (Tag, bool) {
	switch s {
	case ".":
		return PUNCT, true
	case ",", ":":
		return COMMA, true
	case "``", "''", "-LRB-", "-RRB-", "-LCB-", "-RCB-":
		return QUOTE, true
	case "HYPH":
		return HYPH, true
	case "$", "#":
		return SYM, true
	case "PRP$":
		return PRPS, true
	case "WP$":
		return WPS, true
	}
	t, ok := tagByName[s]
	if !ok || t == X || t == PUNCT || t == COMMA || t == QUOTE {
		return X, false
	}
	return t, true
}

var leafRE = regexp.MustCompile(`\(([^\s()]+) ([^\s()]+)\)`)

type goldSentence struct {
	words []string
	tags  []string
}

// readGoldParses extracts the leaves of every <Parse> in a PETRARCH XML file.
func readGoldParses(tb testing.TB, path string) []goldSentence {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	var out []goldSentence
	s := string(data)
	for {
		i := strings.Index(s, "<Parse>")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</Parse>")
		if j < 0 {
			tb.Fatalf("%s: unterminated <Parse>", path)
		}
		var g goldSentence
		for _, m := range leafRE.FindAllStringSubmatch(s[i:i+j], -1) {
			g.tags = append(g.tags, m[1])
			g.words = append(g.words, m[2])
		}
		if len(g.words) > 0 {
			out = append(out, g)
		}
		s = s[i+j:]
	}
	return out
}

var ptbWord = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LCB-", "{", "-RCB-", "}", "-LSB-", "[", "-RSB-", "]")

// scoreGold tags the gold token sequences and returns correct/total counts
// and the most frequent confusions.
func scoreGold(p *Pipeline, gold []goldSentence) (correct, total int, confusions map[string]int) {
	confusions = map[string]int{}
	for _, g := range gold {
		toks := make([]Token, len(g.words))
		var buf []byte
		pos := 0
		for i, w := range g.words {
			w = ptbWord.Replace(w)
			var up string
			up, _, buf = p.upper(w, buf)
			toks[i] = Token{Text: w, Upper: up, Start: pos, End: pos + len(w)}
			pos += len(w) + 1
		}
		p.Tag(toks)
		for i, gt := range g.tags {
			want, ok := goldTag(gt)
			if !ok {
				continue
			}
			total++
			if toks[i].Tag == want {
				correct++
			} else {
				confusions[fmt.Sprintf("%s→%s %s", gt, toks[i].Tag, toks[i].Text)]++
			}
		}
	}
	return
}

func logConfusions(t *testing.T, confusions map[string]int, n int) {
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range confusions {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v || list[i].v == list[j].v && list[i].k < list[j].k })
	if len(list) > n {
		list = list[:n]
	}
	var b strings.Builder
	for _, e := range list {
		fmt.Fprintf(&b, "%s ×%d; ", e.k, e.v)
	}
	t.Logf("top confusions (gold→ours word): %s", b.String())
}

// TestTaggerAccuracyPETRARCH scores the tagger against the Penn Treebank
// parses of the PETRARCH unit-test records and GigaWord sample.
func TestTaggerAccuracyPETRARCH(t *testing.T) {
	shared := sharedDir(t)
	p := pipe(t)
	for _, tc := range []struct {
		file string
		min  float64
	}{
		// thresholds sit just under what the tagger reaches, so a
		// regression fails the test
		{filepath.Join("petrarch", "validate", "PETR.UnitTest.records.xml"), 0.965},
		{filepath.Join("petrarch", "GigaWord.sample.PETR.xml"), 0.953},
	} {
		gold := readGoldParses(t, filepath.Join(shared, tc.file))
		if len(gold) < 50 {
			t.Fatalf("%s: only %d parses found", tc.file, len(gold))
		}
		c, n, conf := scoreGold(p, gold)
		acc := float64(c) / float64(n)
		t.Logf("%s: %d sentences, %d/%d tokens right = %.2f%%", tc.file, len(gold), c, n, 100*acc)
		logConfusions(t, conf, 40)
		if acc < tc.min {
			t.Errorf("%s: accuracy %.2f%% below %.0f%%", tc.file, 100*acc, 100*tc.min)
		}
	}
}

// readGoldTags reads testdata/gold.tags (word/TAG ... per line).
func readGoldTags(tb testing.TB, path string) []goldSentence {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []goldSentence
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g goldSentence
		for _, f := range strings.Fields(line) {
			i := strings.LastIndexByte(f, '/')
			if i <= 0 {
				tb.Fatalf("%s:%d: token %q has no /TAG", path, n+1, f)
			}
			w, tg := f[:i], f[i+1:]
			if _, ok := tagByName[tg]; !ok && tg != "PRP$" && tg != "WP$" {
				tb.Fatalf("%s:%d: unknown tag %q", path, n+1, tg)
			}
			g.words = append(g.words, w)
			g.tags = append(g.tags, foldedToPTB(tg))
		}
		out = append(out, g)
	}
	return out
}

// foldedToPTB turns our folded punctuation tag names back into a Treebank
// tag goldTag understands.
func foldedToPTB(t string) string {
	switch t {
	case "-":
		return "HYPH"
	case "SYM":
		return "$"
	}
	return t
}

// TestTaggerAccuracyGold scores the tagger on our own hand-tagged sentences.
func TestTaggerAccuracyGold(t *testing.T) {
	p := pipe(t)
	gold := readGoldTags(t, filepath.Join("testdata", "gold.tags"))
	if len(gold) < 150 {
		t.Fatalf("gold set has %d sentences, want at least 150", len(gold))
	}
	c, n, conf := scoreGold(p, gold)
	acc := float64(c) / float64(n)
	t.Logf("testdata/gold.tags: %d sentences, %d/%d tokens right = %.2f%%", len(gold), c, n, 100*acc)
	logConfusions(t, conf, 40)
	if acc < 0.984 {
		t.Errorf("accuracy %.2f%% below 98.4%%", 100*acc)
	}
}

// TestGoldDebug prints every mistagged token in context when NLP_GOLD_DEBUG
// names a gold source (petrarch, gigaword, gold); it is a development aid.
func TestGoldDebug(t *testing.T) {
	which := os.Getenv("NLP_GOLD_DEBUG")
	if which == "" {
		t.Skip("set NLP_GOLD_DEBUG=petrarch|gigaword|gold to list tagging errors")
	}
	p := pipe(t)
	var gold []goldSentence
	switch which {
	case "petrarch":
		gold = readGoldParses(t, filepath.Join(sharedDir(t), "petrarch", "validate", "PETR.UnitTest.records.xml"))
	case "gigaword":
		gold = readGoldParses(t, filepath.Join(sharedDir(t), "petrarch", "GigaWord.sample.PETR.xml"))
	default:
		gold = readGoldTags(t, filepath.Join("testdata", "gold.tags"))
	}
	for _, g := range gold {
		toks := make([]Token, len(g.words))
		var buf []byte
		for i, w := range g.words {
			w = ptbWord.Replace(w)
			var up string
			up, _, buf = p.upper(w, buf)
			toks[i] = Token{Text: w, Upper: up}
		}
		p.Tag(toks)
		var b strings.Builder
		bad := false
		for i, gt := range g.tags {
			want, ok := goldTag(gt)
			if ok && toks[i].Tag != want {
				fmt.Fprintf(&b, "[%s/%s→%s] ", toks[i].Text, gt, toks[i].Tag)
				bad = true
			} else {
				fmt.Fprintf(&b, "%s/%s ", toks[i].Text, toks[i].Tag)
			}
		}
		if bad {
			t.Log(b.String())
		}
	}
}

// TestTaggerAccuracyHeldOut scores sentences never used to tune the rules.
func TestTaggerAccuracyHeldOut(t *testing.T) {
	p := pipe(t)
	gold := readGoldTags(t, filepath.Join("testdata", "heldout.tags"))
	if len(gold) < 40 {
		t.Fatalf("held-out set has %d sentences, want at least 40", len(gold))
	}
	gold2 := readGoldTags(t, filepath.Join("testdata", "heldout2.tags"))
	c2, n2, conf2 := scoreGold(p, gold2)
	t.Logf("testdata/heldout2.tags: %d sentences, %d/%d tokens right = %.2f%%", len(gold2), c2, n2, 100*float64(c2)/float64(n2))
	logConfusions(t, conf2, 40)
	if float64(c2) < 0.985*float64(n2) {
		t.Errorf("second held-out accuracy %.2f%% below 98.5%%", 100*float64(c2)/float64(n2))
	}
	c, n, conf := scoreGold(p, gold)
	acc := float64(c) / float64(n)
	t.Logf("testdata/heldout.tags: %d sentences, %d/%d tokens right = %.2f%%", len(gold), c, n, 100*acc)
	logConfusions(t, conf, 40)
	if acc < 0.982 {
		t.Errorf("held-out accuracy %.2f%% below 98.2%%", 100*acc)
	}
}
