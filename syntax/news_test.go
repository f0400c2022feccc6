package syntax

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/egret-events/egret/nlp"
)

// The news sanity set (testdata/news.txt): hand-annotated news sentences
// checked for what the coder depends on (root, verb tags, subjects,
// objects, agents), as written, lower-cased and upper-cased.

// newsRef names a token by its text and occurrence (1 = first).
type newsRef struct {
	form string
	nth  int
}

func (r newsRef) String() string {
	if r.nth > 1 {
		return r.form + "#" + strconv.Itoa(r.nth)
	}
	return r.form
}

// newsCheck is one annotation: kind "root" (word is the root), "xpos"
// (word has tag) or "rel" (word depends on head with rel).
type newsCheck struct {
	kind       string
	word, head newsRef
	tag        XPOS
	rel        Rel
	text       string // as written in the file
}

type newsSentence struct {
	section string
	text    string
	line    int
	checks  []newsCheck
}

// readNewsSet reads the sanity set's format (see testdata/news.txt).
func readNewsSet(path string) ([]newsSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []newsSentence
	section := ""
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# section:"):
			section = strings.TrimSpace(strings.TrimPrefix(l, "# section:"))
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "\t"):
			if len(out) == 0 || out[len(out)-1].checks != nil {
				return nil, fmt.Errorf("%s:%d: checks without a sentence", path, ln)
			}
			s := &out[len(out)-1]
			for _, f := range strings.Fields(l) {
				c, err := parseNewsCheck(f)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", path, ln, err)
				}
				s.checks = append(s.checks, c)
			}
		default:
			if len(out) > 0 && out[len(out)-1].checks == nil {
				return nil, fmt.Errorf("%s:%d: sentence without checks before it", path, ln)
			}
			out = append(out, newsSentence{section: section, text: l, line: ln})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) > 0 && out[len(out)-1].checks == nil {
		return nil, fmt.Errorf("%s: last sentence has no checks", path)
	}
	return out, nil
}

func parseNewsRef(s string) (newsRef, error) {
	r := newsRef{form: s, nth: 1}
	if i := strings.LastIndexByte(s, '#'); i > 0 {
		n, err := strconv.Atoi(s[i+1:])
		if err != nil || n < 1 {
			return r, fmt.Errorf("bad occurrence in %q", s)
		}
		r = newsRef{form: s[:i], nth: n}
	}
	if r.form == "" {
		return r, fmt.Errorf("empty word")
	}
	return r, nil
}

func parseNewsCheck(f string) (newsCheck, error) {
	c := newsCheck{text: f}
	var err error
	switch {
	case strings.HasPrefix(f, "root="):
		c.kind = "root"
		c.word, err = parseNewsRef(f[len("root="):])
	case strings.HasSuffix(f, ")") && strings.Contains(f, "("):
		c.kind = "rel"
		i := strings.IndexByte(f, '(')
		rel, ok := ParseRel(f[:i])
		if !ok {
			return c, fmt.Errorf("unknown relation in %q", f)
		}
		c.rel = rel
		h, d, ok := strings.Cut(f[i+1:len(f)-1], ",")
		if !ok {
			return c, fmt.Errorf("want rel(HEAD,DEP), got %q", f)
		}
		if c.head, err = parseNewsRef(h); err == nil {
			c.word, err = parseNewsRef(d)
		}
	case strings.Contains(f, "/"):
		c.kind = "xpos"
		i := strings.LastIndexByte(f, '/')
		x, ok := ParseXPOS(f[i+1:])
		if !ok {
			return c, fmt.Errorf("unknown tag in %q", f)
		}
		c.tag = x
		c.word, err = parseNewsRef(f[:i])
	default:
		return c, fmt.Errorf("cannot read check %q", f)
	}
	return c, err
}

// newsScore tallies checks passed, by kind and section.
type newsScore struct {
	ok, total       map[string]int
	sentOK, sents   int
	failures        []string
	sectionOK, secN map[string]int
}

func (s *newsScore) add(key string, pass bool) {
	s.total[key]++
	if pass {
		s.ok[key]++
	}
}

func (s *newsScore) pct(key string) float64 { return pct(s.ok[key], s.total[key]) }

// find returns the index of the token r names, -1 if there is none.
func findNewsRef(toks []nlp.Token, r newsRef, fold bool) int {
	k := 0
	for i, t := range toks {
		if t.Text == r.form || fold && strings.EqualFold(t.Text, r.form) {
			k++
			if k == r.nth {
				return i
			}
		}
	}
	return -1
}

// scoreNews parses every sentence (through caseMap when not nil) as one
// run of egret tokens, as the coder does, and scores the checks.
func scoreNews(t testing.TB, m *Model, lex *nlp.Pipeline, set []newsSentence, caseMap func(string) string) *newsScore {
	sc := &newsScore{ok: map[string]int{}, total: map[string]int{}, sectionOK: map[string]int{}, secN: map[string]int{}}
	var s Sentence
	for _, ns := range set {
		text := ns.text
		if caseMap != nil {
			text = caseMap(text)
		}
		toks := lex.Tokenize(text)
		m.ParseTokens(toks, &s)
		allOK := true
		var failed []string
		for _, c := range ns.checks {
			wi := findNewsRef(toks, c.word, caseMap != nil)
			if wi < 0 {
				t.Fatalf("testdata/news.txt:%d: no token %s in %q", ns.line, c.word, text)
			}
			w := &s.Words[wi]
			var pass bool
			switch c.kind {
			case "root":
				pass = w.Head < 0
			case "xpos":
				pass = w.XPOS == c.tag
			case "rel":
				hi := findNewsRef(toks, c.head, caseMap != nil)
				if hi < 0 {
					t.Fatalf("testdata/news.txt:%d: no token %s in %q", ns.line, c.head, text)
				}
				pass = w.Head == hi && w.Rel == c.rel
			}
			sc.add(c.kind, pass)
			sc.add("all", pass)
			sc.add("section "+ns.section, pass)
			if !pass {
				allOK = false
				failed = append(failed, c.text)
			}
		}
		sc.sents++
		if allOK {
			sc.sentOK++
		} else {
			sc.failures = append(sc.failures, fmt.Sprintf("line %d: %s\n  failed: %s\n%s", ns.line, text, strings.Join(failed, " "), s.Tree()))
		}
	}
	return sc
}

// newsFloors are the lowest accepted scores (percent of checks passed, and
// of sentences with every check passed) on the news sanity set: the
// committed round-1 model's (checks 81.04, 79.48, 81.76; sentences 62.98,
// 60.77, 62.43) less a point or two, so a model worse on news cannot land.
var newsFloors = map[string]struct{ checks, sentences float64 }{
	"as written":  {80, 61},
	"lower-cased": {78.5, 59},
	"upper-cased": {80.5, 61},
}

// TestNewsSanity scores the embedded model on the news sanity set and fails
// below the recorded floors. Run with -v for the figures and every failing
// sentence's tree.
func TestNewsSanity(t *testing.T) {
	set, err := readNewsSet("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(set) < 150 {
		t.Fatalf("%d sentences in the news set, want at least 150", len(set))
	}
	m := model(t)
	lex, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	variants := []struct {
		name string
		f    func(string) string
	}{{"as written", nil}, {"lower-cased", strings.ToLower}, {"upper-cased", strings.ToUpper}}
	for _, v := range variants {
		sc := scoreNews(t, m, lex, set, v.f)
		sents := pct(sc.sentOK, sc.sents)
		t.Logf("news %s: checks %.2f%% (root %.2f, xpos %.2f, rel %.2f), sentences all right %.2f%% (%d/%d)",
			v.name, sc.pct("all"), sc.pct("root"), sc.pct("xpos"), sc.pct("rel"), sents, sc.sentOK, sc.sents)
		if v.f == nil {
			for _, sec := range sectionOrder(set) {
				t.Logf("  section %-16s %.2f%% of %d checks", sec, sc.pct("section "+sec), sc.total["section "+sec])
			}
			if testing.Verbose() && os.Getenv("NEWS_FAILURES") != "" {
				for _, f := range sc.failures {
					t.Log(f)
				}
			}
		}
		fl := newsFloors[v.name]
		if sc.pct("all") < fl.checks || sents < fl.sentences {
			t.Errorf("news %s: checks %.2f%%, sentences %.2f%%: below the floor of %.2f%% and %.2f%%",
				v.name, sc.pct("all"), sents, fl.checks, fl.sentences)
		}
	}
}

func sectionOrder(set []newsSentence) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range set {
		if !seen[s.section] {
			seen[s.section] = true
			out = append(out, s.section)
		}
	}
	return out
}

// The reader rejects malformed files with the line.
func TestReadNewsSetErrors(t *testing.T) {
	dir := t.TempDir()
	for _, bad := range []string{
		"The army left.\n\tleft/VBQ\n",
		"The army left.\n\tnsubj(left)\n",
		"The army left.\n\tfoo(left,army)\n",
		"\troot=left\n",
		"The army left.\nThe army came.\n\troot=came\n",
	} {
		p := dir + "/bad.txt"
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readNewsSet(p); err == nil || !strings.Contains(err.Error(), "bad.txt") {
			t.Errorf("%q: error %v, want one naming the file", bad, err)
		}
	}
}
