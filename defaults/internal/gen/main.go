// Command gen writes egret's default country actor dictionary
// (defaults/data/egret.countries.actors.txt) from the world-countries
// package (ODbL), adding the hand-kept aliases in aliases.go.
//
//	mkdir -p /tmp/wc && cd /tmp/wc && npm install world-countries@5.1.0
//	go run ./defaults/internal/gen -in /tmp/wc/node_modules/world-countries/countries.json \
//	    -out defaults/data/egret.countries.actors.txt
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// country is the subset of a world-countries record the generator reads.
type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA3         string   `json:"cca3"`
	Independent  bool     `json:"independent"`
	UNMember     bool     `json:"unMember"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

func main() {
	in := flag.String("in", "", "world-countries countries.json")
	out := flag.String("out", "", "output .actors.txt file")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -in countries.json -out egret.countries.actors.txt")
		os.Exit(2)
	}
	raw, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var cs []country
	if err := json.Unmarshal(raw, &cs); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", *in, err)
		os.Exit(1)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	if err := write(w, cs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// entry is one country's phrases before ambiguous ones are removed.
type entry struct {
	c       country
	code    string
	root    string
	phrases []string // synonyms in output order, root excluded
	kind    map[string]string
}

func write(w io.Writer, cs []country) error {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name.Common < cs[j].Name.Common })
	var es []*entry
	owners := map[string][]*entry{}
	for _, c := range cs {
		code := c.CCA3
		if o, ok := codeOverride[code]; ok {
			code = o
		}
		e := &entry{c: c, code: code, kind: map[string]string{}}
		seen := map[string]bool{}
		add := func(s, kind string) {
			p := phrase(s)
			if p == "" || seen[p] || skipPhrase[p] {
				return
			}
			seen[p] = true
			if e.root == "" {
				e.root = p
			} else {
				e.phrases = append(e.phrases, p)
			}
			e.kind[p] = kind
			owners[p] = append(owners[p], e)
		}
		add(c.Name.Common, "name")
		add(c.Name.Official, "name")
		for _, a := range c.AltSpellings {
			if usableAlt(a) {
				add(a, "name")
			}
		}
		for _, a := range aliases[c.CCA3] {
			add(a, "alias")
			if k := accented(a); k != "" && !seen[k] {
				// "Mocímboa da Praia" as news writes it: the coder matches
				// words as written, so the folded form alone would miss it
				seen[k] = true
				e.phrases = append(e.phrases, k)
				e.kind[k] = "alias"
				owners[k] = append(owners[k], e)
			}
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, g := range []string{d.M, d.F} {
				for _, dm := range strings.Split(g, ",") {
					dm = strings.TrimSpace(dm)
					add(dm, "demonym")
					add(plural(dm), "demonym")
				}
			}
		}
		for _, cap := range c.Capital {
			if !ambiguousCapital[cap] {
				add(cap, "capital")
			}
		}
		es = append(es, e)
	}
	// A phrase several countries claim stays only with the single
	// independent state among them (FRENCH → France, not the French
	// Southern Lands); otherwise it is dropped unless claimOverride names
	// the owner.
	keep := func(p string, e *entry) bool {
		os := owners[p]
		if len(os) == 1 {
			return true
		}
		if o, ok := claimOverride[p]; ok {
			return o == e.c.CCA3
		}
		var indep []*entry
		for _, x := range os {
			if x.c.Independent {
				indep = append(indep, x)
			}
		}
		return len(indep) == 1 && indep[0] == e
	}
	fmt.Fprint(w, header)
	for _, e := range es {
		fmt.Fprintf(w, "\n# --- %s (%s)\n", e.c.Name.Common, e.code)
		root := e.root
		syn := []string{}
		for _, p := range e.phrases {
			if keep(p, e) {
				syn = append(syn, p)
			}
		}
		if !keep(root, e) {
			if len(syn) == 0 {
				fmt.Fprintf(w, "# (all names ambiguous: %s)\n", root)
				continue
			}
			root, syn = syn[0], syn[1:]
		}
		fmt.Fprintf(w, "%s [%s]\n", root, e.code)
		for _, p := range syn {
			fmt.Fprintf(w, "+%s\n", p)
		}
	}
	return nil
}

// phrase turns a name into a dictionary phrase: upper case, ASCII-folded
// where the folding is lossless enough for English news, words joined by
// "_" and stopped with a final "_" so that NIGER never matches NIGERIA.
func phrase(s string) string {
	s = fold(s)
	s = strings.NewReplacer(",", " ", "(", " ", ")", " ", "’", "'").Replace(s)
	var ws []string
	for _, w := range strings.Fields(strings.ToUpper(s)) {
		// the coder splits a possessive off its word (PEOPLE'S → PEOPLE 'S)
		if n := len(w); n > 2 && strings.HasSuffix(w, "'S") {
			ws = append(ws, w[:n-2], "'S")
			continue
		}
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		return ""
	}
	for _, w := range ws {
		for _, r := range w {
			if r > unicode.MaxASCII {
				return "" // not Latin script after folding: news in English will not use it
			}
		}
	}
	return strings.Join(ws, "_") + "_"
}

// accented returns the dictionary phrase of a name that keeps its accents
// ("MOCÍMBOA_DA_PRAIA_"), or "" when it has none or is not Latin script.
func accented(s string) string {
	if fold(s) == s {
		return ""
	}
	var ws []string
	for _, w := range strings.Fields(strings.ToUpper(s)) {
		for _, r := range w {
			if r > unicode.MaxASCII && !unicode.Is(unicode.Latin, r) {
				return ""
			}
		}
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		return ""
	}
	return strings.Join(ws, "_") + "_"
}

// fold strips combining accents (Côte → Cote, Brasília → Brasilia).
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ø':
			r = 'o'
		case 'Ø':
			r = 'O'
		case 'æ':
			b.WriteString("ae")
			continue
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ı':
			r = 'i'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// usableAlt keeps alternative spellings that are names, not two-letter
// ISO codes ("US", "IN", "IT" would code ordinary words).
func usableAlt(a string) bool {
	if len([]rune(a)) <= 3 {
		return allowedShort[a]
	}
	return true
}

// plural forms the English plural of a demonym: Russians, Iraqis; none for
// "-ese", "-ish", "-ch" and "Swiss" forms, which are their own plural.
func plural(d string) string {
	l := strings.ToLower(d)
	switch {
	case d == "":
		return ""
	case strings.HasSuffix(l, "ese"), strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "ch"),
		strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "s"), strings.HasSuffix(l, "x"):
		return ""
	case strings.HasSuffix(l, "man"):
		return d[:len(d)-3] + "men"
	}
	return d + "s"
}
