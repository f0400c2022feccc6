// Command gen derives egret's part-of-speech lexicon (nlp/lexicon.txt) from a WordNet 3.0 installation such as Debian's wordnet-base.
//
// Usage: go run ./nlp/internal/gen -wordnet /usr/share/wordnet -o nlp/lexicon.txt
//
// Every single-word WordNet lemma is expanded into its inflected forms
// (plurals, verb forms, comparatives), each form listing its possible Penn
// Treebank tags in order of SemCor sense-tag frequency with its lemma.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/egret-events/egret/nlp/internal/morph"
)

func main() {
	wn := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict directory (index.noun, verb.exc, cntlist.rev ...)")
	out := flag.String("o", "nlp/lexicon.txt", "output file")
	flag.Parse()
	if err := run(*wn, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type analysis struct {
	lemma  string
	weight float64
}

type lexicon struct {
	forms map[string]map[string]analysis // form -> tag -> analysis
	verbs map[string][4]string           // irregular verb forms
	alts  map[string][]string            // further forms of irregular verbs (BURNT beside BURNED)
	plur  map[string]string              // irregular plurals
}

func (l *lexicon) add(form, tag, lemma string, w float64) {
	if form == "" {
		return
	}
	m := l.forms[form]
	if m == nil {
		m = map[string]analysis{}
		l.forms[form] = m
	}
	if old, ok := m[tag]; ok && old.weight >= w {
		return
	}
	m[tag] = analysis{lemma, w}
}

// wordnet holds the parts of WordNet the generator reads.
type wordnet struct {
	lemmas map[byte][]string            // pos (n v a r) -> lemmas, upper case
	isLem  map[byte]map[string]bool     // pos -> set
	counts map[byte]map[string]int      // pos -> lemma -> SemCor count
	exc    map[byte]map[string][]string // pos -> base -> inflected forms
	proper map[string]int               // noun lemma -> senses written capitalised (Russia)
	common map[string]int               // noun lemma -> senses written in lower case
}

func readLines(path string, fn func(line string, n int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(sc.Text(), n); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// simple reports whether a WordNet lemma is a single token we can look up:
// multi-word entries (with '_') are left to the dictionaries.
func simple(w string) bool {
	if w == "" || strings.ContainsAny(w, "_ ") {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'' || c == '.') {
			return false
		}
	}
	return true
}

func load(dir string) (*wordnet, error) {
	wn := &wordnet{
		lemmas: map[byte][]string{},
		isLem:  map[byte]map[string]bool{},
		counts: map[byte]map[string]int{},
		exc:    map[byte]map[string][]string{},
		proper: map[string]int{},
		common: map[string]int{},
	}
	files := map[byte]string{'n': "noun", 'v': "verb", 'a': "adj", 'r': "adv"}
	for pos, name := range files {
		wn.isLem[pos] = map[string]bool{}
		wn.counts[pos] = map[string]int{}
		wn.exc[pos] = map[string][]string{}
		err := readLines(filepath.Join(dir, "index."+name), func(line string, _ int) error {
			if strings.HasPrefix(line, " ") || line == "" {
				return nil // licence header
			}
			f := strings.Fields(line)
			if len(f) < 4 {
				return fmt.Errorf("short index line %q", line)
			}
			if !simple(f[0]) {
				return nil
			}
			u := strings.ToUpper(f[0])
			if !wn.isLem[pos][u] {
				wn.isLem[pos][u] = true
				wn.lemmas[pos] = append(wn.lemmas[pos], u)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		err = readLines(filepath.Join(dir, name+".exc"), func(line string, _ int) error {
			f := strings.Fields(line)
			if len(f) < 2 || !simple(f[0]) {
				return nil
			}
			infl := strings.ToUpper(f[0])
			for _, b := range f[1:] {
				if simple(b) {
					bu := strings.ToUpper(b)
					wn.exc[pos][bu] = append(wn.exc[pos][bu], infl)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := readLines(filepath.Join(dir, "cntlist.rev"), func(line string, _ int) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields in %q", line)
		}
		i := strings.IndexByte(f[0], '%')
		if i < 0 || i+1 >= len(f[0]) {
			return fmt.Errorf("bad sense key %q", f[0])
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		var pos byte
		switch f[0][i+1] {
		case '1':
			pos = 'n'
		case '2':
			pos = 'v'
		case '3', '5':
			pos = 'a'
		case '4':
			pos = 'r'
		default:
			return fmt.Errorf("bad synset type in %q", f[0])
		}
		wn.counts[pos][strings.ToUpper(f[0][:i])] += n
		return nil
	})
	if err != nil {
		return nil, err
	}
	// data.noun keeps the case of each synset word: "Russia", "Thursday"
	err = readLines(filepath.Join(dir, "data.noun"), func(line string, _ int) error {
		if strings.HasPrefix(line, " ") {
			return nil
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("short data line")
		}
		n, err := strconv.ParseInt(f[3], 16, 32)
		if err != nil {
			return err
		}
		for k := 0; k < int(n) && 4+2*k < len(f); k++ {
			w := f[4+2*k]
			if !simple(strings.ToLower(w)) {
				continue
			}
			u := strings.ToUpper(w)
			if w[0] >= 'A' && w[0] <= 'Z' {
				wn.proper[u]++
			} else {
				wn.common[u]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for pos := range files {
		sort.Strings(wn.lemmas[pos])
	}
	return wn, nil
}

// singular undoes a regular plural when the result is a WordNet noun.
func (wn *wordnet) singular(w string) string {
	nouns := wn.isLem['n']
	if len(w) < 4 || !strings.HasSuffix(w, "S") || strings.HasSuffix(w, "SS") ||
		strings.HasSuffix(w, "US") || strings.HasSuffix(w, "IS") {
		return ""
	}
	for _, c := range []string{strings.TrimSuffix(w, "IES") + "Y", strings.TrimSuffix(w, "ES"), w[:len(w)-1]} {
		if c != w && nouns[c] && morph.Plural(c) == w {
			return c
		}
	}
	return ""
}

type irregular struct{ past, pp []string }

func parseIrregular() map[string]irregular {
	m := map[string]irregular{}
	for _, line := range strings.Split(morph.IrregularVerbs, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		m[f[0]] = irregular{strings.Split(f[1], "/"), strings.Split(f[2], "/")}
	}
	return m
}

func build(wn *wordnet) *lexicon {
	lx := &lexicon{forms: map[string]map[string]analysis{}, verbs: map[string][4]string{}, alts: map[string][]string{}, plur: map[string]string{}}
	w := func(pos byte, lemma string) float64 { return float64(wn.counts[pos][lemma]) + 1 }

	for _, n := range wn.lemmas['n'] {
		wt := w('n', n)
		if s := wn.singular(n); s != "" {
			lx.add(n, "NNS", s, wt+w('n', s))
			continue
		}
		if wn.proper[n] > 0 {
			lx.add(n, "NNP", n, wt*float64(wn.proper[n])/float64(wn.proper[n]+wn.common[n]))
			if wn.common[n] == 0 {
				continue
			}
			wt = wt * float64(wn.common[n]) / float64(wn.proper[n]+wn.common[n])
		}
		lx.add(n, "NN", n, wt)
		pl := wn.exc['n'][n]
		if len(pl) == 0 {
			pl = []string{morph.Plural(n)}
		} else {
			lx.plur[n] = pl[0]
		}
		for _, p := range pl {
			lx.add(p, "NNS", n, wt)
		}
		if len(pl) > 0 && pl[0] != morph.Plural(n) && !strings.HasSuffix(pl[0], "S") {
			// BANDITTI is listed, but BANDITS is what the news writes
			lx.add(morph.Plural(n), "NNS", n, wt/2)
		}
	}

	irr := parseIrregular()
	for _, v := range wn.lemmas['v'] {
		wt := w('v', v)
		reg := morph.VerbForms(v)
		forms := reg
		var pasts, pps, gers, sgs []string
		for _, f := range wn.exc['v'][v] {
			// doubled gerunds (BEGINNING, OUTRUNNING) for every verb
			if strings.HasSuffix(f, "ING") && !contains(gers, f) {
				gers = append(gers, f)
			}
		}
		if ir, ok := irr[v]; ok {
			pasts, pps = ir.past, ir.pp
		} else if prefix, ir, ok := prefixedIrregular(v, irr, wn.exc['v'][v]); ok {
			// REWRITE, OUTRUN, MISLAY inflect like WRITE, RUN, LAY
			for _, f := range ir.past {
				pasts = append(pasts, prefix+f)
			}
			for _, f := range ir.pp {
				pps = append(pps, prefix+f)
			}
		} else {
			var odd []string // archaic or variant forms: WROUGHT, DOVE, PLED
			for _, f := range wn.exc['v'][v] {
				switch {
				case strings.HasSuffix(f, "ING"):
				case strings.HasSuffix(f, "ED") && strings.HasPrefix(f, v[:len(v)-1]):
					pasts = append(pasts, f)
					pps = append(pps, f)
				case strings.HasSuffix(f, "S") && strings.HasPrefix(f, v):
					sgs = append(sgs, f)
				default:
					odd = append(odd, f)
				}
			}
			if len(odd) > 0 {
				// the regular forms stay first; the odd ones are variants
				if len(pasts) == 0 {
					pasts, pps = []string{reg[1]}, []string{reg[2]}
				}
				pasts = append(pasts, odd...)
				pps = append(pps, odd...)
			}
		}
		if len(sgs) > 0 {
			forms[0] = sgs[0]
		}
		switch v { // the only irregular third persons
		case "BE":
			forms[0] = "IS"
		case "HAVE":
			forms[0] = "HAS"
		}
		if len(pasts) > 0 {
			forms[1] = pasts[0]
		}
		if len(pps) > 0 {
			forms[2] = pps[0]
		}
		if len(gers) > 0 {
			forms[3] = gers[0]
		} else if len(pasts) > 0 && pasts[0] == v+v[len(v)-1:]+"ED" {
			// a doubled past (REFERRED) implies a doubled gerund (REFERRING)
			forms[3] = pasts[0][:len(pasts[0])-2] + "ING"
		}
		if (strings.HasSuffix(v, "EL") || strings.HasSuffix(v, "AL")) && !stressedL[v] && len(pasts) > 0 && pasts[0] == v+"LED" && !morph.Doubles(v) {
			// WordNet spells MODELLED, TRAVELLED; American news, and so
			// egret, MODELED first, the British forms as variants
			pasts = append([]string{reg[1]}, pasts...)
			pps = append([]string{reg[2]}, pps...)
			gers = append([]string{reg[3]}, gers...)
			forms[1], forms[2], forms[3] = reg[1], reg[2], reg[3]
		}
		var alts []string
		for _, list := range [][]string{sgs, pasts, pps, gers} {
			for _, f := range list {
				if f != forms[0] && f != forms[1] && f != forms[2] && f != forms[3] && !contains(alts, f) {
					alts = append(alts, f)
				}
			}
		}
		if v == "BE" {
			alts = append(alts, "AM", "ARE")
		}
		if forms != reg || len(alts) > 0 {
			lx.verbs[v] = forms
			lx.alts[v] = alts
		}
		if v == "BE" {
			continue // closed class, hand-written
		}
		lx.add(v, "VB", v, wt)
		lx.add(v, "VBP", v, wt)
		for _, f := range append([]string{forms[0]}, sgs...) {
			lx.add(f, "VBZ", v, wt)
		}
		for _, f := range append([]string{forms[1]}, pasts...) {
			lx.add(f, "VBD", v, wt)
		}
		for _, f := range append([]string{forms[2]}, pps...) {
			lx.add(f, "VBN", v, wt)
		}
		for _, f := range append([]string{forms[3]}, gers...) {
			lx.add(f, "VBG", v, wt)
		}
	}

	for _, a := range wn.lemmas['a'] {
		wt := w('a', a)
		lx.add(a, "JJ", a, wt)
		exc := wn.exc['a'][a]
		for _, f := range exc {
			switch {
			case strings.HasSuffix(f, "EST") || f == "BEST" || f == "WORST":
				lx.add(f, "JJS", a, wt)
			case strings.HasSuffix(f, "ER") || f == "BETTER" || f == "WORSE":
				lx.add(f, "JJR", a, wt)
			}
		}
		if len(exc) == 0 && len(a) <= 6 && syllables(a) == 1 && !strings.Contains(a, "-") {
			base := a
			switch {
			case strings.HasSuffix(a, "E"):
				base = a[:len(a)-1]
			case morph.Doubles(a):
				base = a + a[len(a)-1:]
			}
			lx.add(base+"ER", "JJR", a, wt/2)
			lx.add(base+"EST", "JJS", a, wt/2)
		}
	}
	for _, r := range wn.lemmas['r'] {
		wt := w('r', r)
		lx.add(r, "RB", r, wt)
		for _, f := range wn.exc['r'][r] {
			switch {
			case strings.HasSuffix(f, "EST") || f == "BEST":
				lx.add(f, "RBS", r, wt)
			default:
				lx.add(f, "RBR", r, wt)
			}
		}
	}
	return lx
}

func syllables(w string) int {
	if len(w) > 2 && strings.HasSuffix(w, "E") && !strings.HasSuffix(w, "EE") {
		w = w[:len(w)-1] // silent final E: LARGE, WIDE
	}
	n, in := 0, false
	for i := 0; i < len(w); i++ {
		v := strings.IndexByte("AEIOUY", w[i]) >= 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// tagOrder breaks weight ties so output is deterministic and verbs read as
// past tense before participle (news prose is mostly past tense).
var tagOrder = map[string]int{"NNP": -1, "NN": 0, "NNS": 1, "VB": 2, "VBP": 3, "VBZ": 4, "VBD": 5, "VBN": 6, "VBG": 7,
	"JJ": 8, "JJR": 9, "JJS": 10, "RB": 11, "RBR": 12, "RBS": 13}

func write(lx *lexicon, w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# egret part-of-speech lexicon, generated by nlp/internal/gen from WordNet 3.0; do not edit.")
	fmt.Fprintln(bw, "# Derived from WordNet 3.0, Copyright 2006 by Princeton University; see WORDNET-LICENSE.")
	fmt.Fprintln(bw, "# WORD TAG[:n|=LEMMA]... (lemma = WORD minus its last n bytes, or given in full)")
	forms := make([]string, 0, len(lx.forms))
	for f := range lx.forms {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		m := lx.forms[f]
		tags := make([]string, 0, len(m))
		for t := range m {
			tags = append(tags, t)
		}
		sort.Slice(tags, func(i, j int) bool {
			a, b := m[tags[i]], m[tags[j]]
			if a.weight != b.weight {
				return a.weight > b.weight
			}
			return tagOrder[tags[i]] < tagOrder[tags[j]]
		})
		// the runtime keeps at most 6 tags and 2 explicit lemmas per form
		var alts []string
		kept := tags[:0]
		for _, t := range tags {
			lem := m[t].lemma
			if lem != f && !strings.HasPrefix(f, lem) && !contains(alts, lem) {
				if len(alts) == 2 {
					continue
				}
				alts = append(alts, lem)
			}
			if len(kept) < 6 {
				kept = append(kept, t)
			}
		}
		tags = kept
		bw.WriteString(f)
		for _, t := range tags {
			bw.WriteByte(' ')
			bw.WriteString(t)
			lem := m[t].lemma
			switch {
			case lem == f:
			case strings.HasPrefix(f, lem):
				fmt.Fprintf(bw, ":%d", len(f)-len(lem))
			default:
				bw.WriteString("=" + lem)
			}
		}
		bw.WriteByte('\n')
	}
	verbs := make([]string, 0, len(lx.verbs))
	for v := range lx.verbs {
		verbs = append(verbs, v)
	}
	sort.Strings(verbs)
	for _, v := range verbs {
		f := lx.verbs[v]
		fmt.Fprintf(bw, "@V %s %s %s %s %s", v, f[0], f[1], f[2], f[3])
		for _, a := range lx.alts[v] {
			fmt.Fprintf(bw, " %s", a)
		}
		bw.WriteByte('\n')
	}
	nouns := make([]string, 0, len(lx.plur))
	for n := range lx.plur {
		nouns = append(nouns, n)
	}
	sort.Strings(nouns)
	for _, n := range nouns {
		fmt.Fprintf(bw, "@P %s %s\n", n, lx.plur[n])
	}
	return bw.Flush()
}

func run(dir, out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := generate(dir, f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// generate writes the lexicon derived from the WordNet files in dir.
func generate(dir string, w io.Writer) error {
	wn, err := load(dir)
	if err != nil {
		return err
	}
	return write(build(wn), w)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// verbPrefixes build compound verbs that inflect like their last part.
var verbPrefixes = []string{"RE", "UN", "OUT", "OVER", "UNDER", "MIS", "FORE", "WITH", "UP", "BE", "OFF", "IN",
	"DOWN", "BY", "CO", "PRE", "WAY", "BACK", "OUTRUN"}

// prefixedIrregular finds a hand-table verb inside a prefixed verb, when
// WordNet's exceptions confirm the irregular past (REWROTE for REWRITE).
func prefixedIrregular(v string, irr map[string]irregular, exc []string) (string, irregular, bool) {
	for _, p := range verbPrefixes {
		if !strings.HasPrefix(v, p) || len(v)-len(p) < 2 {
			continue
		}
		ir, ok := irr[v[len(p):]]
		if !ok {
			continue
		}
		for _, f := range ir.past {
			if contains(exc, p+f) {
				return p, ir, true
			}
		}
	}
	return "", irregular{}, false
}

// stressedL end in a stressed -EL and double in American English too.
var stressedL = map[string]bool{"COMPEL": true, "EXPEL": true, "PROPEL": true, "REPEL": true, "EXCEL": true,
	"DISPEL": true, "IMPEL": true, "REBEL": true, "INSTAL": true, "ENTHRAL": true, "APPAL": true}
