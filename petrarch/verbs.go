package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Verb dictionary formats.
const (
	FormatTABARI = 1 // PETRARCH-1 / TABARI style (PETR.Validate.verbs.txt)
	FormatCAMEO2 = 2 // CAMEO 2.0 style with {} and () phrase groups
	// FormatEgret is egret's own dictionary (egret.verbs.txt): TABARI
	// pattern syntax with CAMEO 1.1b3 codes, written for present-day news.
	FormatEgret = 3
)

// Verbs is a verb dictionary: synsets, verb blocks and their patterns, with
// every inflected verb form indexed.
type Verbs struct {
	Format   int
	Synsets  map[string]*Synset
	Blocks   []*VerbBlock
	Forms    map[string][]*VerbForm // by the verb word's surface form
	Patterns int
	// Problems are pattern lines skipped because they do not parse or use
	// an undefined synset (the published CAMEO 2.0 file has a few); the rest
	// of the dictionary still loads, and Check reports them.
	Problems   []Problem
	Transforms []Transform
	file       string
}

// Transform is a PETRARCH-2 transformation rule line.
type Transform struct {
	Text string
	Pos  Pos
}

// Synset is a named set of phrases (&CURRENCY).
type Synset struct {
	Name     string
	Phrases  []Phrase // expanded: nested synsets inlined, plurals added
	raw      []string
	NoPlural bool
	Pos      Pos
	resolved bool
}

// VerbBlock is one "--- NAME [code] ---" block: synonymous verbs sharing
// patterns.
type VerbBlock struct {
	Name     string
	Code     Code
	Verbs    []*Verb
	Patterns []*Pattern
	Pos      Pos
}

// Verb is one verb (or multi-word verb) of a block.
type Verb struct {
	Root  string   // the verb word as written (BREAK)
	Pre   []string // words before the verb word (WIRE in WIRE_+TAP)
	Post  []string // words after it (DOWN in +BREAK_DOWN)
	Forms []string // surface forms of the verb word
	Code  Code     // own code, empty for the block's
	Block *VerbBlock
	Pos   Pos
}

// EffectiveCode is the verb's own code or else its block's.
func (v *Verb) EffectiveCode() Code {
	if !v.Code.IsZero() {
		return v.Code
	}
	return v.Block.Code
}

// VerbForm is one surface form of a verb, the unit the coder looks up.
type VerbForm struct {
	Verb *Verb
	Pre  []string
	Post []string
}

// ReadVerbs reads a verb dictionary in either format; both parse with the
// same grammar. Format records which semantics the file was written for:
// CAMEO 2.0 for files named CAMEO*, egret's for files named egret.*,
// TABARI/PETRARCH-1 otherwise (the coder matches patterns differently for
// each; see coder.Options.PhraseScope).
func ReadVerbs(r io.Reader, name string) (*Verbs, error) {
	v := &Verbs{Format: FormatTABARI, Synsets: map[string]*Synset{}, Forms: map[string][]*VerbForm{}, file: name}
	base := name
	if k := strings.LastIndexByte(base, '/'); k >= 0 {
		base = base[k+1:]
	}
	switch up := strings.ToUpper(base); {
	case strings.HasPrefix(up, "CAMEO"):
		v.Format = FormatCAMEO2
	case strings.HasPrefix(up, "EGRET."):
		v.Format = FormatEgret
	}
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var syn *Synset
	var blk *VerbBlock
	inXML := false
	for {
		raw, ok := ls.next()
		if !ok {
			break
		}
		line, stillXML := stripXMLComment(raw, inXML)
		inXML = stillXML
		pos := Pos{name, ls.no}
		if strings.HasPrefix(strings.TrimSpace(line), "---") {
			syn = nil
			b, err := parseBlockHeader(line)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", pos, err)
			}
			b.Pos = pos
			blk = b
			v.Blocks = append(v.Blocks, b)
			continue
		}
		s := strings.TrimSpace(stripComment(line))
		if s == "" {
			if strings.TrimSpace(line) == "" {
				syn = nil // a blank line ends a synset
			}
			continue
		}
		switch {
		case s[0] == '~':
			// PETRARCH-2 transformation rules ("~ a (a b ATTACK) SAY = a b 015");
			// kept for dict stats, not applied by the coder
			v.Transforms = append(v.Transforms, Transform{Text: s, Pos: pos})
		case s[0] == '&':
			name := strings.ToUpper(strings.TrimSpace(s[1:]))
			noPl := strings.HasSuffix(name, "_")
			name = strings.TrimSuffix(name, "_")
			if name == "" || strings.ContainsAny(name, " \t") {
				return nil, fmt.Errorf("%s: ill-formed synset label %q", pos, s)
			}
			syn = &Synset{Name: name, NoPlural: noPl, Pos: pos}
			if old, ok := v.Synsets[name]; ok {
				return nil, fmt.Errorf("%s: synset &%s already defined at %s", pos, name, old.Pos)
			}
			v.Synsets[name] = syn
			blk = nil
		case s[0] == '+' && syn != nil:
			syn.raw = append(syn.raw, strings.TrimSpace(s[1:]))
		case s[0] == '-':
			if blk == nil {
				return nil, fmt.Errorf("%s: pattern outside a verb block", pos)
			}
			p, err := ParsePattern(s)
			if err != nil {
				v.Problems = append(v.Problems, Problem{pos, "pattern skipped: " + err.Error()})
				continue
			}
			p.Pos, p.Block = pos, blk
			blk.Patterns = append(blk.Patterns, p)
			v.Patterns++
		default:
			if blk == nil {
				return nil, fmt.Errorf("%s: verb %q outside a verb block", pos, s)
			}
			vb, err := parseVerbLine(s)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", pos, err)
			}
			vb.Block, vb.Pos = blk, pos
			blk.Verbs = append(blk.Verbs, vb)
		}
	}
	for _, s := range v.Synsets {
		if err := v.resolveSynset(s, 0); err != nil {
			return nil, err
		}
	}

	for _, b := range v.Blocks {
		kept := b.Patterns[:0]
	pats:
		for _, p := range b.Patterns {
			for _, e := range p.Elems {
				if e.Kind == ESynset && v.Synsets[e.Words[0]] == nil {
					v.Problems = append(v.Problems, Problem{p.Pos, "pattern skipped: undefined synset &" + e.Words[0]})
					v.Patterns--
					continue pats
				}
			}
			kept = append(kept, p)
		}
		b.Patterns = kept
		for _, vb := range b.Verbs {
			for _, f := range vb.Forms {
				v.Forms[f] = append(v.Forms[f], &VerbForm{Verb: vb, Pre: vb.Pre, Post: vb.Post})
			}
		}
	}
	return v, nil
}

func (v *Verbs) resolveSynset(s *Synset, depth int) error {
	if s.resolved {
		return nil
	}
	if depth > 10 {
		return fmt.Errorf("%s: synset &%s nests too deeply (cycle?)", s.Pos, s.Name)
	}
	for _, r := range s.raw {
		if strings.HasPrefix(r, "&") {
			inner := v.Synsets[strings.TrimSuffix(strings.ToUpper(r[1:]), "_")]
			if inner == nil {
				return fmt.Errorf("%s: synset &%s uses undefined &%s", s.Pos, s.Name, r[1:])
			}
			if err := v.resolveSynset(inner, depth+1); err != nil {
				return err
			}
			s.Phrases = append(s.Phrases, inner.Phrases...)
			continue
		}
		u := strings.ToUpper(r)
		stop := strings.HasSuffix(u, "_")
		u = strings.TrimSuffix(u, "_")
		words := strings.FieldsFunc(u, func(c rune) bool { return c == ' ' || c == '_' || c == '\t' })
		if len(words) == 0 {
			continue
		}
		s.Phrases = append(s.Phrases, exactPhrase(words))
		if last := words[len(words)-1]; !stop && !s.NoPlural && Plural(last) != last {
			pl := append([]string(nil), words...)
			pl[len(pl)-1] = Plural(last)
			s.Phrases = append(s.Phrases, exactPhrase(pl))
		}
	}
	s.resolved = true
	return nil
}

func exactPhrase(words []string) Phrase {
	ex := make([]bool, len(words))
	for i := range ex {
		ex[i] = true
	}
	return Phrase{Words: words, Exact: ex}
}

// Plural forms the regular English plural used by the dictionaries.
func Plural(w string) string {
	switch {
	case strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS"):
		return w // already plural (DOLLARS)
	case strings.HasSuffix(w, "SS") || strings.HasSuffix(w, "SH") || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "X"):
		return w + "ES"
	case len(w) > 1 && strings.HasSuffix(w, "Y") && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	}
	return w + "S"
}

// VerbForms generates the regular forms of an English verb: -S, -ED, -ING.
func VerbForms(w string) []string {
	n := len(w)
	if n == 0 {
		return nil
	}
	last := w[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	var s, ed, ing string
	switch {
	case last == 'E':
		s, ed, ing = w+"S", w+"D", w[:n-1]+"ING"
		if strings.HasSuffix(w, "EE") || strings.HasSuffix(w, "YE") || strings.HasSuffix(w, "IE") {
			ing = w + "ING"
		}
		if strings.HasSuffix(w, "IE") {
			ing = w[:n-2] + "YING"
		}
	case last == 'Y' && n > 1 && !vowel(w[n-2]):
		s, ed, ing = w[:n-1]+"IES", w[:n-1]+"IED", w+"ING"
	case strings.HasSuffix(w, "SS") || strings.HasSuffix(w, "SH") || strings.HasSuffix(w, "CH") || last == 'X' || last == 'Z' || last == 'O':
		s, ed, ing = w+"ES", w+"ED", w+"ING"
	default:
		s, ed, ing = w+"S", w+"ED", w+"ING"
	}
	return []string{s, ed, ing}
}

func parseBlockHeader(line string) (*VerbBlock, error) {
	s := strings.TrimSpace(stripComment(line))
	s = strings.TrimPrefix(s, "---")
	s = strings.TrimSuffix(strings.TrimSpace(s), "---")
	s = strings.TrimSpace(s)
	b := &VerbBlock{}
	if k := strings.IndexByte(s, '['); k >= 0 {
		e := strings.IndexByte(s[k:], ']')
		if e < 0 {
			return nil, fmt.Errorf("unterminated code in block header")
		}
		c, err := ParseCode(s[k+1 : k+e])
		if err != nil {
			return nil, err
		}
		b.Code = c
		s = s[:k]
	}
	b.Name = strings.TrimSuffix(strings.TrimSpace(s), "_")
	if b.Name == "" {
		return nil, fmt.Errorf("block header without a name")
	}
	return b, nil
}

// parseVerbLine parses "BREAK {BROKE BROKEN} [123]", "+BREAK_DOWN {...}" or
// "WIRE_+TAP": in multi-word verbs "+" marks the verb word.
func parseVerbLine(s string) (*Verb, error) {
	v := &Verb{}
	if k := strings.IndexByte(s, ';'); k >= 0 { // old TABARI comment
		s = s[:k]
	}
	if k := strings.IndexByte(s, '['); k >= 0 {
		e := strings.IndexByte(s[k:], ']')
		if e < 0 {
			return nil, fmt.Errorf("unterminated code '['")
		}
		c, err := ParseCode(s[k+1 : k+e])
		if err != nil {
			return nil, err
		}
		v.Code = c
		s = s[:k] + s[k+e+1:]
	}
	var irregular []string
	hasBraces := false
	if k := strings.IndexByte(s, '{'); k >= 0 {
		e := strings.IndexByte(s[k:], '}')
		if e < 0 {
			return nil, fmt.Errorf("unterminated '{'")
		}
		hasBraces = true
		irregular = strings.Fields(s[k+1 : k+e])
		s = s[:k] + s[k+e+1:]
	}
	s = strings.ToUpper(strings.Join(strings.Fields(s), "_")) // "LASH OUT" = LASH_OUT
	if s == "" {
		return nil, fmt.Errorf("ill-formed verb %q", s)
	}
	pre, root, post, err := splitMultiVerb(s)
	if err != nil {
		return nil, err
	}
	v.Root, v.Pre, v.Post = root, pre, post
	v.Forms = []string{root}
	if !hasBraces {
		v.Forms = append(v.Forms, VerbForms(root)...)
	}
	for _, f := range irregular {
		fp, froot, _, err := splitMultiVerb(strings.ToUpper(f))
		if err != nil {
			return nil, err
		}
		_ = fp
		v.Forms = append(v.Forms, froot)
	}
	return v, nil
}

func splitMultiVerb(s string) (pre []string, root string, post []string, err error) {
	s = strings.TrimSuffix(s, "_")
	words := strings.Split(s, "_")
	vi := 0
	if len(words) > 1 {
		vi = -1
		for i, w := range words {
			if strings.HasPrefix(w, "+") {
				vi = i
			}
		}
		if vi < 0 {
			vi = 0 // TABARI-era phrase without a marker: the first word is the verb
		}
	}
	for i, w := range words {
		w = strings.TrimPrefix(w, "+")
		if w == "" {
			return nil, "", nil, fmt.Errorf("empty word in verb %q", s)
		}
		switch {
		case i < vi:
			pre = append(pre, w)
		case i == vi:
			root = w
		default:
			post = append(post, w)
		}
	}
	return pre, root, post, nil
}

// stripXMLComment removes <!-- ... --> comments (also the "<! --" variant
// found in the validation actors file), which may span lines.
func stripXMLComment(line string, in bool) (string, bool) {
	if !in && strings.IndexByte(line, '<') < 0 {
		return line, false // most lines: no copy
	}
	var b strings.Builder
	for {
		if in {
			k := strings.Index(line, "-->")
			if k < 0 {
				return b.String(), true
			}
			line = line[k+3:]
			in = false
		}
		k := strings.Index(line, "<!")
		if k < 0 {
			b.WriteString(line)
			return b.String(), false
		}
		b.WriteString(line[:k])
		line = line[k+2:]
		in = true
	}
}
