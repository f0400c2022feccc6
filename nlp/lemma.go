package nlp

import (
	"strings"

	"github.com/egret-events/egret/nlp/internal/morph"
)

// Lemma returns the upper-case lemma of an upper-case word read as tag t:
// Lemma("ACCUSED", VBD) == "ACCUSE", Lemma("WAS", VBD) == "BE".
func (p *Pipeline) Lemma(upperWord string, t Tag) string {
	for i := 0; i < len(upperWord); i++ {
		if c := upperWord[i]; c >= 'a' && c <= 'z' || c >= 0x80 {
			upperWord, _, _ = p.upper(upperWord, nil) // be lenient: normalise
			break
		}
	}
	return p.lemmaFor(upperWord, t, p.lex.get(upperWord))
}

func (p *Pipeline) lemmaFor(up string, t Tag, e *entry) string {
	if e != nil {
		if l, ok := e.lemma(t); ok {
			return l
		}
		// the tag was chosen by context: borrow a lemma of the same family
		for k := 0; k < int(e.n); k++ {
			et := e.tags[k]
			if (t.IsVerb() && et.IsVerb()) || (t.IsNoun() && (et == NN || et == NNS)) && (t == NNS || t == NNPS) == (et == NNS) {
				return e.lemmaAt(k)
			}
		}
		if t == NNP || t == NNPS || t == JJ {
			return up
		}
	}
	switch t {
	case NNS, NNPS, VBZ:
		if t == NNPS && e == nil {
			return up
		}
		return p.stripS(up, t)
	case VBD, VBN:
		if strings.HasSuffix(up, "ED") && len(up) > 4 {
			return p.verbBase(up[:len(up)-2], up)
		}
	case VBG:
		if strings.HasSuffix(up, "ING") && len(up) > 5 {
			return p.verbBase(up[:len(up)-3], up)
		}
	}
	return up
}

// stripS undoes a regular -s plural or third person.
func (p *Pipeline) stripS(up string, t Tag) string {
	if len(up) < 3 || !strings.HasSuffix(up, "S") || strings.HasSuffix(up, "SS") {
		return up
	}
	want := func(c string) bool {
		e := p.lex.get(c)
		if e == nil {
			return false
		}
		if t == VBZ {
			return e.has(VB)
		}
		return e.has(NN)
	}
	var cands [3]string
	n := 0
	if strings.HasSuffix(up, "IES") && len(up) > 4 {
		cands[n] = up[:len(up)-3] + "Y"
		n++
	}
	if strings.HasSuffix(up, "ES") {
		cands[n] = up[:len(up)-2]
		n++
	}
	cands[n] = up[:len(up)-1]
	n++
	for _, c := range cands[:n] {
		if want(c) {
			return c
		}
	}
	switch {
	case strings.HasSuffix(up, "IES") && len(up) > 4:
		return up[:len(up)-3] + "Y"
	case strings.HasSuffix(up, "SES") || strings.HasSuffix(up, "XES") || strings.HasSuffix(up, "CHES") || strings.HasSuffix(up, "SHES"):
		return up[:len(up)-2]
	}
	return up[:len(up)-1]
}

// verbBase finds the base of an unknown -ED/-ING form from its stem.
func (p *Pipeline) verbBase(stem, up string) string {
	isVerb := func(c string) bool {
		e := p.lex.get(c)
		return e != nil && e.has(VB)
	}
	n := len(stem)
	if n >= 2 && stem[n-1] == stem[n-2] && !strings.HasSuffix(stem, "SS") && !strings.HasSuffix(stem, "LL") && isVerb(stem[:n-1]) {
		return stem[:n-1]
	}
	if isVerb(stem + "E") {
		return stem + "E"
	}
	if strings.HasSuffix(stem, "I") && isVerb(stem[:n-1]+"Y") {
		return stem[:n-1] + "Y"
	}
	if isVerb(stem) {
		return stem
	}
	if n >= 2 && stem[n-1] == stem[n-2] && !strings.HasSuffix(stem, "SS") && !strings.HasSuffix(stem, "LL") {
		return stem[:n-1]
	}
	if strings.HasSuffix(stem, "I") {
		return stem[:n-1] + "Y"
	}
	return stem
}

// VerbForms returns the third person singular, past, past participle and
// gerund of an upper-case verb, always in that order (entries may repeat:
// STOP → STOPS STOPPED STOPPED STOPPING); irregular forms come from WordNet
// and a hand-written table (SHAKE → SHAKES SHOOK SHAKEN SHAKING). A
// multi-word verb ("BREAK OFF") inflects its first word.
func VerbForms(base string) []string {
	base = strings.ToUpper(strings.TrimSpace(base))
	if base == "" {
		return nil
	}
	head, tail := base, ""
	if i := strings.IndexAny(base, " _"); i > 0 {
		head, tail = base[:i], base[i:]
	}
	var f [4]string
	if lx, err := sharedLexicon(); err == nil {
		if v, ok := lx.verbs[head]; ok {
			f = v
		} else {
			f = morph.VerbForms(head)
		}
	} else {
		f = morph.VerbForms(head)
	}
	out := make([]string, 4)
	for i := range f {
		out[i] = f[i] + tail
	}
	return out
}

// NounPlural returns the plural of an upper-case noun (CRISIS → CRISES,
// FORCE → FORCES); a multi-word noun pluralises its last word.
func NounPlural(noun string) string {
	noun = strings.ToUpper(strings.TrimSpace(noun))
	if noun == "" {
		return ""
	}
	head, last := "", noun
	if i := strings.LastIndexAny(noun, " _"); i >= 0 {
		head, last = noun[:i+1], noun[i+1:]
	}
	if lx, err := sharedLexicon(); err == nil {
		if p, ok := lx.plurals[last]; ok {
			return head + p
		}
		if e := lx.get(last); e != nil && e.tags[0] == NNS && !e.has(NN) {
			return noun // already plural (TROOPS, PEOPLE)
		}
	}
	return head + morph.Plural(last)
}

// VerbVariants returns every inflected form of an upper-case verb: the four
// of VerbForms followed by alternatives (BURN → BURNS BURNED BURNING BURNT;
// BE → IS WAS BEEN BEING WERE AM ARE), without repeats. Dictionary loaders
// use it to match all the ways a verb is written.
func VerbVariants(base string) []string {
	forms := VerbForms(base)
	if forms == nil {
		return nil
	}
	base = strings.ToUpper(strings.TrimSpace(base))
	head, tail := base, ""
	if i := strings.IndexAny(base, " _"); i > 0 {
		head, tail = base[:i], base[i:]
	}
	out := make([]string, 0, 6)
	seen := map[string]bool{}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, f := range forms {
		add(f)
	}
	if lx, err := sharedLexicon(); err == nil {
		for _, a := range lx.alts[head] {
			add(a + tail)
		}
	}
	return out
}
