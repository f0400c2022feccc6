// Package devset loads egret's hand-coded event dev set (coder/testdata/devset) and scores a coder on it: precision, recall and F1 by event type, PLOVER type, dyad and exact actors.
package devset

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/plover"
)

// Gold is one hand-coded event of a sentence.
type Gold struct {
	Source, Target string // actor codes; "" where the file says "-"
	CAMEO          string
	Keys           map[string]string // key=value fields (not scored)
	Line           int               // line in the .codes file
}

// Sentence is one sentence of a story as the gold file quotes it.
type Sentence struct {
	Text string
	Line int        // line of its ">" line
	Span egret.Span // byte range in the story text, set by Align
	Gold []Gold
}

// Story is one .codes file: a VOA story cut into sentences, each with its
// gold events.
type Story struct {
	Path      string
	VOA       string    // story id in the VOA corpus
	Date      time.Time // publication day
	Sentences []Sentence
}

// Events returns the number of gold events of the story.
func (s *Story) Events() int {
	n := 0
	for i := range s.Sentences {
		n += len(s.Sentences[i].Gold)
	}
	return n
}

// Keys a gold line may carry (mod=intended etc.); they document the coding
// and are not scored.
var goldKeys = map[string]bool{"mod": true, "cert": true}

var (
	actorRE = regexp.MustCompile(`^(-|[A-Z][A-Z0-9]{2,})$`)
	codeRE  = regexp.MustCompile(`^[0-9]{2,4}$`)
	keyRE   = regexp.MustCompile(`^([a-z]+)=(\S+)$`)
)

// ValidCode reports whether code is a CAMEO event code: 2 to 4 digits under
// a root from 01 to 20 that egret's PLOVER table knows (01 has no PLOVER
// type and is valid).
func ValidCode(code string) bool {
	if !codeRE.MatchString(code) {
		return false
	}
	root := plover.Root(code)
	if root < "01" || root > "20" {
		return false
	}
	_, ok := plover.Lookup(code)
	return ok || root == "01"
}

// Parse reads a .codes file: "key: value" header lines (voa, date) and
// "#" comments, a line "---", then ">" sentence lines each followed by its
// gold lines "SRC TGT CAMEO [key=value...] [# comment]". Errors name
// name:line.
func Parse(name string, r io.Reader) (*Story, error) {
	st := &Story{Path: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
	}
	inBody := false
	for sc.Scan() {
		n++
		line := sc.Text()
		if !inBody {
			t := strings.TrimSpace(line)
			switch {
			case t == "---":
				inBody = true
				continue
			case t == "" || strings.HasPrefix(t, "#"):
				continue
			}
			k, v, ok := strings.Cut(t, ":")
			if !ok {
				return nil, fail("header line %q is not key: value", t)
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "voa":
				if v == "" || strings.IndexFunc(v, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
					return nil, fail("voa: want a story id, got %q", v)
				}
				st.VOA = v
			case "date":
				d, err := time.Parse("2006-01-02", v)
				if err != nil {
					return nil, fail("date: want YYYY-MM-DD, got %q", v)
				}
				st.Date = d
			default:
				return nil, fail("unknown header key %q (want voa, date)", k)
			}
			continue
		}
		if text, ok := strings.CutPrefix(line, "> "); ok {
			if strings.TrimSpace(text) == "" {
				return nil, fail("empty sentence")
			}
			st.Sentences = append(st.Sentences, Sentence{Text: text, Line: n})
			continue
		}
		body, _, _ := strings.Cut(line, "#")
		f := strings.Fields(body)
		if len(f) == 0 {
			continue
		}
		if len(st.Sentences) == 0 {
			return nil, fail("event line before the first '> sentence' line")
		}
		if len(f) < 3 {
			return nil, fail("want SRC TGT CAMEO [key=value...], got %q", strings.TrimSpace(body))
		}
		g := Gold{Source: f[0], Target: f[1], CAMEO: f[2], Line: n}
		for _, a := range []string{g.Source, g.Target} {
			if !actorRE.MatchString(a) {
				return nil, fail("actor %q: want an upper-case code or -", a)
			}
		}
		if !ValidCode(g.CAMEO) {
			return nil, fail("%q is not a CAMEO event code", g.CAMEO)
		}
		for _, kv := range f[3:] {
			m := keyRE.FindStringSubmatch(kv)
			if m == nil {
				return nil, fail("%q: want key=value", kv)
			}
			if !goldKeys[m[1]] {
				return nil, fail("unknown key %q (want mod, cert)", m[1])
			}
			if g.Keys == nil {
				g.Keys = map[string]string{}
			}
			g.Keys[m[1]] = m[2]
		}
		g.Source, g.Target = undash(g.Source), undash(g.Target)
		s := &st.Sentences[len(st.Sentences)-1]
		s.Gold = append(s.Gold, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	switch {
	case !inBody:
		return nil, fmt.Errorf("%s: no '---' line between header and sentences", name)
	case st.VOA == "":
		return nil, fmt.Errorf("%s: header has no voa: story id", name)
	case st.Date.IsZero():
		return nil, fmt.Errorf("%s: header has no date:", name)
	case len(st.Sentences) == 0:
		return nil, fmt.Errorf("%s: no sentences", name)
	}
	return st, nil
}

func undash(a string) string {
	if a == "-" {
		return ""
	}
	return a
}

// Align finds each sentence in the story text, in order, and records its
// span. Every sentence must be the next piece of the text, and only
// whitespace may lie between sentences: the gold covers the whole story.
func (s *Story) Align(text string) error {
	pos := 0
	for i := range s.Sentences {
		sn := &s.Sentences[i]
		k := strings.Index(text[pos:], sn.Text)
		if k < 0 {
			return fmt.Errorf("%s:%d: sentence not found in story %s after byte %d (is the quote exact?)", s.Path, sn.Line, s.VOA, pos)
		}
		if gap := text[pos : pos+k]; strings.TrimSpace(gap) != "" {
			return fmt.Errorf("%s:%d: story text %q before this sentence is in no sentence", s.Path, sn.Line, clip(gap))
		}
		sn.Span = egret.Span{Start: pos + k, End: pos + k + len(sn.Text)}
		pos = sn.Span.End
	}
	if rest := text[pos:]; strings.TrimSpace(rest) != "" {
		return fmt.Errorf("%s: story text %q after the last sentence is in no sentence", s.Path, clip(rest))
	}
	return nil
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// Load parses every *.codes file of dir, in name order, and aligns each
// with its story text from docs (keyed by VOA id).
func Load(dir string, docs map[string]*egret.Document) ([]*Story, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.codes"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no .codes files", dir)
	}
	sort.Strings(paths)
	var out []*Story
	seen := map[string]string{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		st, err := Parse(p, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[st.VOA]; dup {
			return nil, fmt.Errorf("%s: story %s is already coded in %s", p, st.VOA, prev)
		}
		seen[st.VOA] = p
		doc := docs[st.VOA]
		if doc == nil {
			return nil, fmt.Errorf("%s: story %s is not in the corpus", p, st.VOA)
		}
		if err := st.Align(doc.Text); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}
