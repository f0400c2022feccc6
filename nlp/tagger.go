package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tagger is a lexicon tagger with Brill-style repairs: every token first
// gets the most frequent tag its lexicon entry (or, for unknown words, its
// suffix and shape) allows, then a left-to-right pass fixes the common
// ambiguities of news prose using the neighbouring tags (to + VB, MD + VB,
// DT + NN, have + VBN, be + VBN/VBG, subject + VBZ/VBP ...).

// shape flags of a token's written form.
const (
	shCap      = 1 << iota // first letter upper case
	shAllCap               // two or more letters, all upper case
	shDigit                // contains a digit
	shLower                // first letter lower case
	shHyphen               // contains '-'
	shInnerCap             // a part after a hyphen is capitalised (al-Sudani)
)

func shapeOf(s string) uint8 {
	var sh uint8
	letters, uppers := 0, 0
	first := true
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r >= '0' && r <= '9':
			sh |= shDigit
		case r == '-':
			sh |= shHyphen
			if i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
				sh |= shInnerCap
			}
		case unicode.IsUpper(r):
			letters++
			uppers++
			if first {
				sh |= shCap
			}
			first = false
		case unicode.IsLetter(r):
			letters++
			if first {
				sh |= shLower
			}
			first = false
		}
	}
	if letters >= 2 && uppers == letters {
		sh |= shAllCap
	}
	return sh
}

// tokInfo is the per-token working state of the tagger.
type tokInfo struct {
	e     *entry
	shape uint8
}

// punctTag tags punctuation and symbols by their normalised form.
func punctTag(up string) (Tag, bool) {
	switch up {
	case ".", "!", "?", "...", "?!", "!?":
		return PUNCT, true
	case ",", ";", ":", "--", "---":
		return COMMA, true
	case "\"", "``", "''", "(", ")", "[", "]", "{", "}", "'", "<", ">":
		return QUOTE, true
	case "-":
		return HYPH, true
	}
	if isTerminal(up) {
		return PUNCT, true
	}
	r := firstRune(up)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return SYM, true
	}
	return X, false
}

func (p *Pipeline) tag(toks []Token) {
	var small [64]tokInfo
	var info []tokInfo
	if len(toks) <= len(small) {
		info = small[:len(toks)]
	} else {
		info = make([]tokInfo, len(toks))
	}
	// Is the sentence mostly upper case (a headline)? Then case says nothing.
	caps, words := 0, 0
	for i := range toks {
		t := &toks[i]
		info[i] = tokInfo{e: p.lex.get(t.Upper), shape: shapeOf(t.Text)}
		if info[i].shape&(shCap|shLower) != 0 {
			words++
			if info[i].shape&shAllCap != 0 {
				caps++
			}
		}
	}
	allCaps := words >= 3 && caps*10 >= words*8

	// pass 1: lexical tags
	initial := true // sentence or quotation start: capitals are not evidence
	for i := range toks {
		t := &toks[i]
		t.Tag = p.initialTag(t, &info[i], initial, allCaps, toks, info, i)
		switch t.Tag {
		case QUOTE:
			if t.Upper == "\"" || t.Upper == "``" || t.Upper == "(" || t.Upper == "[" {
				if i == 0 || toks[i-1].Tag == COMMA || toks[i-1].Tag == PUNCT || initial {
					initial = true
				}
			}
		case COMMA:
			initial = t.Upper == ":" || t.Upper == "--"
		default:
			initial = false
		}
	}
	// pass 2: contextual repairs
	for i := range toks {
		p.repair(toks, info, i)
	}
	for i := range toks {
		toks[i].Lemma = p.lemmaFor(toks[i].Upper, toks[i].Tag, info[i].e)
	}
}

func (p *Pipeline) initialTag(t *Token, in *tokInfo, initial, allCaps bool, toks []Token, info []tokInfo, i int) Tag {
	e := in.e
	sh := in.shape
	if sh&(shCap|shLower|shDigit) == 0 {
		if e != nil {
			return e.tags[0] // &, closed-class symbols
		}
		tg, _ := punctTag(t.Upper)
		return tg
	}
	if sh&shDigit != 0 && sh&(shCap|shLower) == 0 {
		return CD
	}
	if sh&shDigit != 0 {
		up := t.Upper
		if r := firstRune(up); r >= '0' && r <= '9' {
			if strings.HasSuffix(up, "TH") || strings.HasSuffix(up, "ST") || strings.HasSuffix(up, "ND") || strings.HasSuffix(up, "RD") {
				return JJ
			}
			if strings.HasSuffix(up, "S") {
				return CD
			}
			return CD
		}
		if sh&shCap != 0 {
			return NNP // F-16, COVID-19
		}
		return NN
	}
	if !allCaps && sh&shCap != 0 {
		if e != nil && closedFirst(e) && (initial || sh&shAllCap == 0 || len(t.Upper) == 1) {
			return e.tags[0]
		}
		// a nationality before a common noun is an adjective (Iraqi officials)
		if e != nil && e.has(JJ) && i+1 < len(toks) && info[i+1].shape&shLower != 0 {
			if ne := info[i+1].e; ne != nil && (ne.tags[0].IsNoun() || ne.tags[0] == JJ) {
				return JJ
			}
		}
		if initial && e != nil && sh&shAllCap == 0 {
			if e.tags[0] == NNP {
				return NNP
			}
			return e.tags[0]
		}
		if e != nil && e.tags[0] == NNS || e == nil && properPlural(t.Upper) {
			return NNPS
		}
		return NNP
	}
	if sh&shLower != 0 && sh&shInnerCap != 0 {
		return NNP // al-Sudani, bin-Laden
	}
	if e != nil && e.tags[0] == NNP && !allCaps {
		if e.n > 1 {
			return e.tags[1]
		}
		return NN
	}
	if e != nil {
		return e.tags[0]
	}
	return guess(t.Upper)
}

func properPlural(up string) bool {
	return len(up) > 4 && (strings.HasSuffix(up, "IANS") || strings.HasSuffix(up, "ISTS") || strings.HasSuffix(up, "ITES") ||
		strings.HasSuffix(up, "ANS") || strings.HasSuffix(up, "ERS"))
}

// closedFirst reports an entry whose preferred tag is a closed class (the,
// of, he, will ...), which keeps its tag even when capitalised.
func closedFirst(e *entry) bool {
	switch e.tags[0] {
	case DT, PDT, IN, CC, PRP, PRPS, WDT, WP, WPS, WRB, MD, TO, EX, POS:
		return true
	case VBZ, VBD, VBP, VBN, VBG:
		// be, have, do forms
		l := e.lemmaAt(0)
		return l == "BE" || l == "HAVE" || l == "DO"
	}
	return false
}

// guess tags an unknown lower-case word by its suffix.
func guess(up string) Tag {
	n := len(up)
	has := func(s string) bool { return strings.HasSuffix(up, s) }
	switch {
	case n > 4 && has("ING"):
		return VBG
	case n > 3 && has("ED"):
		return VBN
	case n > 3 && has("LY"):
		return RB
	case has("OUS") || has("FUL") || has("IVE") || has("ABLE") || has("IBLE") || has("AL") || has("IC") ||
		has("LESS") || has("ISH") || has("IAN") || has("ESE") || has("ARY") || has("-LIKE") || has("ISTIC"):
		return JJ
	case n > 3 && has("S") && !has("SS") && !has("US") && !has("IS"):
		return NNS
	case has("IZE") || has("ISE") || has("IFY") || has("ATE"):
		return VB
	}
	if i := strings.LastIndexByte(up, '-'); i > 0 && i < n-1 {
		return guess(up[i+1:])
	}
	return NN
}

func (p *Pipeline) prevTag(toks []Token, i int) Tag {
	if i > 0 {
		return toks[i-1].Tag
	}
	return X
}

// auxBefore looks back over adverbs ("has not yet", "was also") for an
// auxiliary and returns its lemma and tag.
func auxBefore(toks []Token, info []tokInfo, i int) (string, Tag) {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := toks[j].Tag
		if t == RB {
			continue
		}
		if t == MD || t == TO {
			return toks[j].Upper, t
		}
		if t.IsVerb() {
			if e := info[j].e; e != nil {
				l, _ := e.lemma(t)
				if l == "BE" || l == "HAVE" || l == "DO" || l == "GET" {
					return l, t
				}
			}
		}
		return "", t
	}
	return "", X
}

func nominative(up string) bool {
	switch up {
	case "I", "WE", "THEY", "YOU", "HE", "SHE", "IT":
		return true
	}
	return false
}

func isDetLike(t Tag) bool {
	switch t {
	case DT, PRPS, WPS, POS, JJ, JJR, JJS, CD, PDT:
		return true
	}
	return false
}

// nextTag is the tag of the following token (already tagged in pass 1).
func nextTag(toks []Token, i int) Tag {
	if i+1 < len(toks) {
		return toks[i+1].Tag
	}
	return X
}

func (p *Pipeline) repair(toks []Token, info []tokInfo, i int) {
	t := &toks[i]
	e := info[i].e
	prev := p.prevTag(toks, i)
	next := nextTag(toks, i)
	up := t.Upper

	switch up {
	case "'S", "'":
		if up == "'" && !(i > 0 && strings.HasSuffix(toks[i-1].Upper, "S") && toks[i-1].End == t.Start && (next.IsNoun() || next == JJ)) {
			return
		}
		if up == "'S" && i > 0 && (prev == PRP || prev == EX || prev == WP || prev == WDT || toks[i-1].Upper == "THAT" || toks[i-1].Upper == "WHAT" || toks[i-1].Upper == "THERE" || toks[i-1].Upper == "HERE") {
			t.Tag = VBZ
			return
		}
		if up == "'S" && (next == VBG || next == VBN || next == DT || next == RB) && prev != NNP {
			t.Tag = VBZ
			return
		}
		t.Tag = POS
		return
	case "THAT":
		switch {
		case next.IsNoun() && next != NNP || next == JJ:
			if prev.IsVerb() || prev == COMMA {
				t.Tag = IN
			} else {
				t.Tag = DT
			}
		case (prev.IsNoun()) && (next.IsVerb() || next == MD || next == RB):
			t.Tag = WDT
		case next == PUNCT || next == COMMA || next.IsVerb() || next == MD:
			t.Tag = DT
		default:
			t.Tag = IN
		}
		return
	case "HER":
		if next.IsNoun() || next == JJ || next == JJS || next == CD || next == VBG {
			t.Tag = PRPS
		} else {
			t.Tag = PRP
		}
		return
	case "THERE":
		if i+1 < len(toks) {
			if l, _ := auxLemma(toks[i+1], info[i+1]); l == "BE" || next == MD {
				t.Tag = EX
				return
			}
		}
		t.Tag = RB
		return
	case "MORE", "LESS", "MOST", "LEAST":
		if next == JJ || next == RB {
			if up == "MORE" || up == "LESS" {
				t.Tag = RBR
			} else {
				t.Tag = RBS
			}
		}
		return
	case "ALL", "HALF", "BOTH":
		if next == DT || next == PRPS {
			t.Tag = PDT
		}
		return
	case "UP", "OUT", "OFF", "DOWN", "BACK", "OVER", "AWAY", "ON", "IN", "AROUND", "THROUGH":
		// particles follow their verb; before a noun phrase they are prepositions
		if e == nil || !e.has(RP) {
			return
		}
		if prev.IsVerb() && (next == DT || next == PUNCT || next == COMMA || next == IN || next == TO || next == PRPS || next == X || next == CC || next.IsNoun()) {
			if up == "ON" || up == "IN" || up == "OVER" || up == "AROUND" || up == "THROUGH" {
				if next == PUNCT || next == COMMA || next == X || next == CC {
					t.Tag = RP
				}
				return
			}
			t.Tag = RP
			return
		}
		if t.Tag == RP {
			if next == DT || next.IsNoun() || next == PRPS || next == CD || next == PRP {
				if e.has(IN) {
					t.Tag = IN
				}
			} else if e.has(RB) {
				t.Tag = RB
			}
		}
		return
	}
	if e == nil || e.n < 2 || t.Tag == NNP || t.Tag == NNPS || t.Tag == CD {
		if e == nil && t.Tag == VBN && info[i].shape&shLower != 0 {
			// unknown -ed word: past tense after a subject
			if l, _ := auxBefore(toks, info, i); l == "" && (prev.IsNoun() || prev == PRP) && next != IN {
				t.Tag = VBD
			}
		}
		if e == nil && (t.Tag == NN || t.Tag == VB) && (prev == TO || prev == MD) && info[i].shape&shLower != 0 {
			t.Tag = VB
		}
		return
	}
	aux, auxTag := auxBefore(toks, info, i)

	// verb contexts
	switch {
	case (auxTag == TO || auxTag == MD || aux == "DO") && e.has(VB):
		if auxTag == TO && (e.tags[0].IsNoun() && !e.has(VBP)) {
			break
		}
		if auxTag == TO && i > 0 && toks[i-1].Tag == TO && (next == IN || next == PUNCT || next == COMMA) && e.tags[0].IsNoun() && isNounPhraseTo(toks, i) {
			break
		}
		t.Tag = VB
		return
	case aux == "HAVE" && e.has(VBN):
		t.Tag = VBN
		return
	case (aux == "BE" || aux == "GET") && e.has(VBN) && (t.Tag == VBD || t.Tag == VBN || t.Tag == JJ && strings.HasSuffix(up, "ED")):
		t.Tag = VBN
		return
	case aux == "BE" && e.has(VBG) && t.Tag != NN:
		t.Tag = VBG
		return
	}

	switch {
	case isDetLike(prev) || prev == IN || prev == TO:
		// determiner / adjective / preposition + noun
		if t.Tag.IsVerb() {
			switch {
			case e.has(NNS) && (t.Tag == VBZ):
				t.Tag = NNS
			case e.has(NN) && (t.Tag == VB || t.Tag == VBP || t.Tag == VBG && (next.IsNoun() == false || prev == DT)):
				t.Tag = NN
			case e.has(NNS):
				t.Tag = NNS
			case (t.Tag == VBD || t.Tag == VBN) && e.has(JJ) && isDetLike(prev) && prev != POS:
				t.Tag = JJ
			case t.Tag == VBD && e.has(VBN) && prev != TO:
				t.Tag = VBN
			}
		}
		if t.Tag == NN && e.has(JJ) && next.IsNoun() && prev != IN {
			t.Tag = JJ
		}
		return
	case prev == PRP && nominative(toks[i-1].Upper), prev == WDT || prev == WP, prev == EX:
		if t.Tag.IsVerb() && t.Tag != VB {
			return
		}
		switch {
		case e.has(VBZ) && (t.Tag == NNS || t.Tag == NN):
			t.Tag = VBZ
		case e.has(VBP):
			t.Tag = VBP
		case e.has(VBD):
			t.Tag = VBD
		}
		return
	case prev.IsNoun():
		// subject + verb versus noun compound
		objectNext := next == DT || next == PRPS || next == NNP || next == CD || next == PRP || next == TO || next == RB
		switch {
		case t.Tag == VB && e.has(VBP) && (prev == NNS || prev == NNPS) && objectNext:
			t.Tag = VBP
		case t.Tag == VB && e.has(NN):
			t.Tag = NN
		case t.Tag == VB && e.has(VBP):
			t.Tag = VBP
		case (t.Tag == NNS) && e.has(VBZ) && (prev == NN || prev == NNP) && objectNext:
			t.Tag = VBZ
		case t.Tag == VBZ && e.has(NNS) && !objectNext:
			t.Tag = NNS
		case t.Tag == NN && e.has(VBP) && (prev == NNS || prev == NNPS) && objectNext:
			t.Tag = VBP
		case t.Tag == VBN && e.has(VBD) && next != IN && nextTokUpper(toks, i) != "BY":
			t.Tag = VBD
		case t.Tag == VBD && e.has(VBN) && nextTokUpper(toks, i) == "BY":
			t.Tag = VBN
		}
		return
	case prev == X || prev == QUOTE || prev == COMMA || prev == CC:
		// clause start: nouns beat verbs
		if t.Tag == VBZ && e.has(NNS) && !(prev == CC && i > 1 && toks[i-2].Tag.IsNoun()) {
			t.Tag = NNS
		} else if (t.Tag == VB || t.Tag == VBP) && e.has(NN) && prev != CC {
			t.Tag = NN
		} else if t.Tag == VB && prev == CC && i > 1 && toks[i-2].Tag == VB {
			// "to attack and destroy"
		} else if t.Tag == VB && e.has(VBP) {
			t.Tag = VBP
		}
		if t.Tag == NN && e.has(JJ) && next.IsNoun() {
			t.Tag = JJ
		}
		return
	}
	if t.Tag == VB && e.has(VBP) {
		t.Tag = VBP
	}
}

func nextTokUpper(toks []Token, i int) string {
	if i+1 < len(toks) {
		return toks[i+1].Upper
	}
	return ""
}

// isNounPhraseTo is a hook for "to" + noun ("turned to fire"); today it
// keeps the verb reading only when the word is mostly a verb.
func isNounPhraseTo(toks []Token, i int) bool { return false }

func auxLemma(t Token, in tokInfo) (string, Tag) {
	if in.e == nil {
		return "", t.Tag
	}
	l, _ := in.e.lemma(t.Tag)
	return l, t.Tag
}
