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
		if c < utf8.RuneSelf { // ASCII fast path
			i++
			switch {
			case c >= 'a' && c <= 'z':
				letters++
				if first {
					sh |= shLower
				}
				first = false
			case c >= 'A' && c <= 'Z':
				letters++
				uppers++
				if first {
					sh |= shCap
				}
				first = false
			case c >= '0' && c <= '9':
				sh |= shDigit
			case c == '-':
				sh |= shHyphen
				if i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
					sh |= shInnerCap
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsDigit(r):
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
	return SYM, true
}

// tag tags one sentence; ents, when not nil, holds the lexicon entry of
// each token (from tokenize) and names the document's capitalised words.
func (p *Pipeline) tag(toks []Token, ents []*entry, names map[string]bool) {
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
		var e *entry
		if ents != nil {
			e = ents[i]
		} else {
			e = p.lex.get(t.Upper)
		}
		info[i] = tokInfo{e: e, shape: shapeOf(t.Text)}
		if info[i].shape&(shCap|shLower) != 0 {
			words++
			if info[i].shape&shAllCap != 0 {
				caps++
			}
		}
	}
	allCaps := words >= 3 && caps*10 >= words*8
	if !allCaps && words >= 3 && (len(toks) == 0 || !isTerminal(toks[len(toks)-1].Upper)) {
		// a headline in title case ("Iraq Says Key Leader Is Dead"):
		// capitals say as little as in an all-caps one
		titled := 0
		for i := range toks {
			if info[i].shape&shCap != 0 {
				titled++
			}
		}
		allCaps = titled*4 >= words*3
	}

	// pass 1: lexical tags
	initial := true // sentence or quotation start: capitals are not evidence
	for i := range toks {
		t := &toks[i]
		t.Tag = p.initialTag(t, &info[i], initial, allCaps, toks, info, i, names)
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
	// pass 2: contextual repairs, left to right so each rule sees the
	// repaired tags of the words before it
	var st clauseState
	for i := range toks {
		p.repair(toks, info, i, &st)
		st.update(toks, info, i)
	}
	for i := range toks {
		toks[i].Lemma = p.lemmaFor(toks[i].Upper, toks[i].Tag, info[i].e)
	}
}

// clauseState tracks whether the current clause already has a finite verb,
// which makes a following "noun + -ed" a reduced relative ("two men sought
// in ...", "soldiers killed in ...") rather than a past tense.
type clauseState struct {
	finite bool
}

// clauseVerbs take a clause as object: after "said" a new clause starts.
var clauseVerbs = map[string]bool{
	"SAY": true, "TELL": true, "REPORT": true, "ANNOUNCE": true, "CLAIM": true, "WARN": true, "ADD": true,
	"STATE": true, "THINK": true, "BELIEVE": true, "HOPE": true, "FEAR": true, "ARGUE": true, "INSIST": true,
	"ALLEGE": true, "NOTE": true, "CONFIRM": true, "ACKNOWLEDGE": true, "KNOW": true, "SHOW": true, "REVEAL": true,
	"SUGGEST": true, "ESTIMATE": true, "ADMIT": true, "DENY": true, "EXPECT": true, "WRITE": true, "ASSERT": true,
	"EXPLAIN": true, "STRESS": true, "DECLARE": true, "FIND": true, "SEE": true, "FEEL": true, "UNDERSTAND": true,
}

// subordinator reports words that open a subordinate clause (a switch: it
// runs for most prepositions of every sentence).
func subordinator(up string) bool {
	switch up {
	case "THAT", "BECAUSE", "WHILE", "AFTER", "SINCE", "WHEN", "ALTHOUGH", "IF", "BEFORE", "UNTIL", "THOUGH",
		"WHETHER", "UNLESS", "WHERE", "ONCE":
		return true
	}
	return false
}

func (st *clauseState) update(toks []Token, info []tokInfo, i int) {
	t := toks[i]
	switch t.Tag {
	case VBD, VBZ, VBP, MD:
		st.finite = true
		if e := info[i].e; e != nil {
			if l, _ := e.lemma(t.Tag); clauseVerbs[l] {
				st.finite = false
			}
		}
	case CC, WDT, WP, WRB, PUNCT, COMMA:
		st.finite = false
	case IN, DT:
		if subordinator(t.Upper) {
			st.finite = false
		}
	}
}

// nameHeads end fixed names whose first word is a nationality: European
// Union, Arab League, United Arab Emirates.
var nameHeads = map[string]bool{"UNION": true, "LEAGUE": true, "REPUBLIC": true, "EMIRATES": true, "COMMISSION": true,
	"PARLIAMENT": true, "COUNCIL": true, "NATIONS": true, "STATES": true, "KINGDOM": true, "CONGRESS": true,
	"SEA": true, "OCEAN": true, "GULF": true, "PENINSULA": true, "SPRING": true, "COURT": true, "BANK": true}

// demonymLike reports capitalised adjectives of nationality or creed
// (Syrian, Iraqi, Chinese, Islamic), which stay JJ before a noun.
func demonymLike(up string) bool {
	for _, suf := range [...]string{"IAN", "AN", "ESE", "ISH", "ANI", "I", "IC", "CH", "EAN"} {
		if strings.HasSuffix(up, suf) {
			return true
		}
	}
	return false
}

// nounish reports whether a token could start or continue a noun phrase.
func nounish(toks []Token, info []tokInfo, i int) bool {
	if i >= len(toks) {
		return false
	}
	sh := info[i].shape
	if sh&shCap != 0 {
		return true
	}
	if sh&shLower == 0 {
		return false
	}
	e := info[i].e
	if e == nil {
		g := guess(toks[i].Upper)
		return g.IsNoun() || g == JJ || g == VBG
	}
	return e.has(NN) || e.has(NNS) || e.tags[0] == JJ
}

// nameParticles are lower-case parts of personal names.
var nameParticles = map[string]bool{"VON": true, "VAN": true, "DER": true, "DE": true, "DA": true, "DI": true, "DU": true,
	"DOS": true, "DAS": true, "DEL": true, "LA": true, "LE": true, "AL": true, "EL": true, "BIN": true, "BEN": true, "IBN": true, "TER": true}

var hyphenPrefixes = map[string]bool{"ANTI": true, "PRO": true, "NON": true, "MULTI": true, "CROSS": true,
	"INTER": true, "INTRA": true, "SEMI": true, "PAN": true, "TRANS": true, "SUB": true, "SUPER": true, "ULTRA": true}

var numberWords = map[string]bool{"ONE": true, "TWO": true, "THREE": true, "FOUR": true, "FIVE": true, "SIX": true,
	"SEVEN": true, "EIGHT": true, "NINE": true, "TEN": true, "ELEVEN": true, "TWELVE": true, "TWENTY": true,
	"THIRTY": true, "FORTY": true, "FIFTY": true, "HUNDRED": true, "THOUSAND": true, "MILLION": true, "HALF": true,
	"MULTI": true, "SINGLE": true, "DOUBLE": true, "TRIPLE": true, "FIRST": true, "SECOND": true, "THIRD": true}

// hyphenTag tags an unknown hyphenated word from its parts: "12-year",
// "rebel-held", "Moscow-based", "anti-aircraft" are adjectives,
// "non-Muslims" a plural noun, "al-Sudani" a name.
func (p *Pipeline) hyphenTag(up string, sh uint8) (Tag, bool) {
	i := strings.LastIndexByte(up, '-')
	if i <= 0 || i == len(up)-1 {
		if i == len(up)-1 && i > 0 {
			return JJ, true // "anti-" cut from its noun
		}
		return X, false
	}
	first := up
	if j := strings.IndexByte(up, '-'); j > 0 {
		first = up[:j]
	}
	last := up[i+1:]
	le := p.lex.get(last)
	lastPlural := le != nil && le.tags[0] == NNS || le == nil && guess(last) == NNS
	switch {
	case le != nil && (le.tags[0] == VBN || le.tags[0] == VBD) || strings.HasSuffix(last, "ED") ||
		last == "BASED" || last == "OLD" || last == "LONG" || last == "STYLE" || last == "LIKE" || last == "WIDE" ||
		last == "SCALE" || last == "LEVEL" || last == "RANKING" || last == "HIT" || last == "LED" || last == "HELD" || last == "RUN" || last == "MADE":
		return JJ, true
	case first[0] >= '0' && first[0] <= '9' || numberWords[first]:
		if lastPlural {
			return NNS, true
		}
		return JJ, true
	case hyphenPrefixes[first]:
		if lastPlural {
			return NNS, true
		}
		return JJ, true
	case sh&shCap != 0 || sh&shInnerCap != 0:
		return X, false // names: decided by capitalisation
	case le != nil:
		t := le.tags[0]
		if t.IsVerb() {
			if le.has(NN) {
				return NN, true
			}
			return JJ, true
		}
		if t == NNP {
			return NN, true
		}
		return t, true
	}
	return X, false
}

func (p *Pipeline) initialTag(t *Token, in *tokInfo, initial, allCaps bool, toks []Token, info []tokInfo, i int, names map[string]bool) Tag {
	e := in.e
	sh := in.shape
	if sh&(shCap|shLower|shDigit) == 0 {
		if e != nil {
			return e.tags[0] // &, closed-class symbols
		}
		tg, _ := punctTag(t.Upper)
		return tg
	}
	if e == nil && sh&shHyphen != 0 {
		if tg, ok := p.hyphenTag(t.Upper, sh); ok {
			return tg
		}
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
		// a nationality before a noun is an adjective (Iraqi officials,
		// Syrian President Bashar Assad)
		prevName := i > 0 && (toks[i-1].Tag == NNP || toks[i-1].Tag == NNPS) && info[i-1].shape&shCap != 0 &&
			!(demonymLike(t.Upper) && i+1 < len(toks) && info[i+1].shape&shLower != 0)
		if (e != nil && e.has(JJ) && (e.tags[0] == JJ || demonymLike(t.Upper)) || e == nil && (strings.HasSuffix(t.Upper, "IAN") || strings.HasSuffix(t.Upper, "ESE"))) &&
			sh&shAllCap == 0 && i+1 < len(toks) && !prevName {
			nsh := info[i+1].shape
			pairedNationality := (toks[i+1].Upper == "AND" || toks[i+1].Upper == "OR") && i+2 < len(toks) &&
				info[i+2].shape&shCap != 0 && info[i+2].e != nil && info[i+2].e.has(JJ) && demonymLike(toks[i+2].Upper) // Egyptian and Qatari mediators
			if nsh&shLower != 0 && nounish(toks, info, i+1) && !pairedNationality && toks[i+1].Tag != CC ||
				pairedNationality && demonymLike(t.Upper) ||
				nsh&shCap != 0 && len(t.Upper) >= 4 && demonymLike(t.Upper) && e != nil && e.tags[0] != NN && !nameHeads[toks[i+1].Upper] {
				return JJ
			}
		}
		if initial && e != nil && sh&shAllCap == 0 {
			if e.tags[0] == NNP {
				return NNP
			}
			// a word the document capitalises mid-sentence is a name here
			// too (Trump said), unless a noun follows (Security forces)
			if names[t.Upper] && !(i+1 < len(toks) && info[i+1].shape&shLower != 0 && nounish(toks, info, i+1) && !(info[i+1].e != nil && info[i+1].e.tags[0].IsVerb())) {
				return NNP
			}
			if i+1 < len(toks) && info[i+1].shape&shCap != 0 && info[i+1].shape&shAllCap == 0 && e.tags[0] == NN && (info[i+1].e == nil || info[i+1].e.tags[0] == NNP || i+2 < len(toks) && info[i+2].shape&shCap != 0) {
				return NNP // President Obama, General Motors
			}
			if e.has(NNP) && i+1 < len(toks) {
				if ne := info[i+1].e; ne != nil && (closedFirst(ne) && ne.tags[0] != DT && ne.tags[0] != IN || ne.tags[0].IsVerb() && !ne.has(NN) && !ne.has(NNS)) {
					return NNP // Turkey shelled, Congress is
				}
			}
			return e.tags[0]
		}
		if initial && e == nil && sh&shAllCap == 0 && !names[t.Upper] {
			// an unknown word opening a sentence is usually a name, unless
			// its ending says otherwise (Airstrikes, Negotiations, Reportedly)
			if g := p.commonShape(t.Upper); g != X {
				return g
			}
		}
		if e != nil && e.tags[0] == NNS || e == nil && properPlural(t.Upper) {
			return NNPS
		}
		return NNP
	}
	if sh&shLower != 0 && sh&shInnerCap != 0 {
		return NNP // al-Sudani, bin-Laden
	}
	if i > 0 && i+1 < len(toks) && info[i-1].shape&shCap != 0 && info[i+1].shape&shCap != 0 && !initial && nameParticles[t.Upper] {
		return NNP // Ursula von der Leyen, Bashar al Assad
	}
	if allCaps && sh&shCap != 0 && (e == nil || e.tags[0] == NNP || names[t.Upper]) {
		return NNP // a name in a headline
	}
	if e != nil && e.tags[0] == NNP && !allCaps {
		if e.n > 1 {
			return e.tags[1]
		}
		if p.days[t.Upper] || p.months[t.Upper] {
			return NNP // wednesday
		}
		return guess(t.Upper) // jihadist
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
	case n > 4 && has("LY") && !has("PLY"):
		return RB
	case n > 5 && has("EST"):
		return JJS
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

// auxBefore looks back over adverbs ("has not yet", "was also") for an
// auxiliary and returns its lemma and tag.
func auxBefore(toks []Token, info []tokInfo, i int) (string, Tag) {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := toks[j].Tag
		if t == RB || toks[j].Upper == "NEITHER" || toks[j].Upper == "EITHER" {
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

// determiners and modifiers after which a noun reading wins.
func isDetLike(t Tag) bool {
	switch t {
	case DT, PRPS, WPS, POS, JJ, JJR, JJS, CD, PDT:
		return true
	}
	return false
}

var compass = map[string]bool{"NORTH": true, "SOUTH": true, "EAST": true, "WEST": true, "NORTHEAST": true,
	"NORTHWEST": true, "SOUTHEAST": true, "SOUTHWEST": true}

var auxLemmas = map[string]bool{"BE": true, "HAVE": true, "DO": true}

// advBeforeAdj are degree adverbs that announce an adjective.
var advBeforeAdj = map[string]bool{"VERY": true, "TOO": true, "SO": true, "AS": true, "MORE": true, "MOST": true,
	"LESS": true, "LEAST": true, "EXTREMELY": true, "HIGHLY": true, "INCREASINGLY": true, "RELATIVELY": true}

// bareInfVerbs take a bare infinitive object: "helped negotiate".
var bareInfVerbs = map[string]bool{"HELP": true, "MAKE": true, "LET": true, "SEE": true, "WATCH": true, "HEAR": true}

func nextTag(toks []Token, i int) Tag {
	if i+1 < len(toks) {
		return toks[i+1].Tag
	}
	return X
}

func nextTokUpper(toks []Token, i int) string {
	if i+1 < len(toks) {
		return toks[i+1].Upper
	}
	return ""
}

func lemmaOf(toks []Token, info []tokInfo, j int) string {
	if e := info[j].e; e != nil {
		if l, ok := e.lemma(toks[j].Tag); ok {
			return l
		}
	}
	return toks[j].Upper
}

// nounOf returns the noun reading matching a verb form: VBZ ↔ NNS.
func nounOf(e *entry, t Tag) (Tag, bool) {
	if t == VBZ && e.has(NNS) {
		return NNS, true
	}
	if e.has(NN) && t != VBZ {
		return NN, true
	}
	if e.has(NNS) {
		return NNS, true
	}
	return X, false
}

func (p *Pipeline) repair(toks []Token, info []tokInfo, i int, st *clauseState) {
	t := &toks[i]
	e := info[i].e
	prev := X
	if i > 0 {
		prev = toks[i-1].Tag
	}
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
		if prev.IsVerb() && clauseVerbs[lemmaOf(toks, info, i-1)] {
			t.Tag = IN // denied that ..., said that ...
			return
		}
		nextVerb := i+1 < len(toks) && info[i+1].e != nil && (info[i+1].e.has(VBZ) || info[i+1].e.has(VBD) || info[i+1].e.has(VBP)) && info[i+1].shape&shLower != 0
		switch {
		case (prev.IsNoun() || prev == CD) && (nextVerb || next.IsVerb() || next == MD || next == RB):
			t.Tag = WDT
		case i == 0 || prev == QUOTE && i == 1:
			t.Tag = DT // "That is ...", "That plan ..."
		case next.IsNoun() && next != NNP || next == JJ:
			if prev.IsVerb() || prev == COMMA {
				t.Tag = IN
			} else {
				t.Tag = DT
			}
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
			if l := lemmaOf(toks, info, i+1); l == "BE" || l == "HAVE" || l == "SEEM" || l == "APPEAR" || l == "REMAIN" || next == MD {
				t.Tag = EX
				return
			}
		}
		t.Tag = RB
		return
	case "MORE", "LESS", "MOST", "LEAST":
		if next == JJ || next == RB || next == VBN || (next == VBG && nounish(toks, info, i+2)) {
			if up == "MORE" || up == "LESS" {
				t.Tag = RBR
			} else {
				t.Tag = RBS
			}
		}
		return
	case "ALL", "HALF", "BOTH", "SUCH":
		if next == DT || next == PRPS {
			t.Tag = PDT
		}
		return
	case "SO":
		if prev == COMMA && next != JJ && next != RB {
			t.Tag = IN // ", so the talks ..."
		}
		return
	case "LONGER":
		if i > 0 && toks[i-1].Upper == "NO" {
			t.Tag = RBR
			toks[i-1].Tag = RB
		}
		return
	case "ABOUT", "NEARLY", "ALMOST", "SOME":
		if next == CD && up != "SOME" {
			t.Tag = RB // about 100 people
		}
		return
	case "AS":
		// "as many as", "as well as": the first "as" is an adverb
		if i+2 < len(toks) && toks[i+2].Upper == "AS" && (next == JJ || next == RB) {
			t.Tag = RB
		}
		return
	case "UP", "OUT", "OFF", "DOWN", "BACK", "OVER", "AWAY", "ON", "IN", "AROUND", "THROUGH":
		// particles follow their verb; before a noun phrase they are prepositions
		if e == nil || !e.has(RP) {
			return
		}
		if next == CD && e.has(IN) {
			t.Tag = IN
			if up == "AROUND" {
				t.Tag = RB // around 100 people
			}
			return
		}
		if prev.IsVerb() && (next == DT || next == PRPS || next.IsNoun()) && motionVerbs[lemmaOf(toks, info, i-1)] && e.has(IN) {
			t.Tag = IN // came down the hill
			return
		}
		if prev.IsVerb() && (next == DT || next == PUNCT || next == COMMA || next == IN || next == TO || next == PRPS || next == X || next == CC || next.IsNoun() || next == JJ) {
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
	if e == nil && t.Tag == VBG && info[i].shape&shLower != 0 && (prev == DT || prev == PRPS || prev == JJ || prev == POS) &&
		!(i+1 < len(toks) && info[i+1].shape&shLower != 0 && nounish(toks, info, i+1)) && next != DT && next != PRP && next != PRPS {
		t.Tag = NN // a hafling was reported
		return
	}
	if t.Tag == VBG && prev == NN && info[i].shape&shLower != 0 && (next == PUNCT || next == COMMA || next == CC) {
		if a, _ := auxBefore(toks, info, i); a == "" {
			t.Tag = NN // drug trafficking.
			return
		}
	}
	if t.Tag == VBG && i > 0 && toks[i-1].Upper == "OF" && (next == PUNCT || next == COMMA || next == CC || next == IN && nextTokUpper(toks, i) != "THAT") {
		t.Tag = NN // six days of fighting.
		return
	}
	if len(up) >= 4 && (up[0] == 'N' || up[0] == 'S' || up[0] == 'E' || up[0] == 'W') && info[i].shape&shLower != 0 && compass[up] {
		switch {
		case i+1 < len(toks) && (info[i+1].shape&shCap != 0 || nounish(toks, info, i+1) && next != IN):
			t.Tag = JJ // south Ithilen, northern towns
		case prev == DT:
			t.Tag = NN // in the south
		case prev.IsVerb() || prev == COMMA:
			t.Tag = RB // headed south
		}
		return
	}
	// a noun phrase ends right before an unambiguous finite verb: "the
	// study co-author said", "human trafficking is"
	if (t.Tag == VB || t.Tag == VBP || t.Tag == VBG) && i > 0 && i+1 < len(toks) && info[i].shape&shLower != 0 &&
		(prev == DT || prev == JJ || prev == NN || prev == NNP || prev == POS || prev == PRPS || prev == CD || prev == RB && i > 1 && toks[i-2].Tag == DT) &&
		e != nil && !closedFirst(e) && !auxLemmas[lemmaOf(toks, info, i)] {
		if a, at := auxBefore(toks, info, i); a != "" || at == MD || at == TO {
			return
		}
		if ne := info[i+1].e; ne != nil && (next == VBD || next == VBZ || next == MD) && !ne.has(NN) && !ne.has(NNS) {
			if nt, ok := nounOf(e, t.Tag); ok {
				t.Tag = nt
			} else {
				t.Tag = NN
			}
			return
		}
	}
	if e == nil || e.n < 2 || t.Tag == NNP || t.Tag == NNPS || t.Tag == CD {
		if e == nil && t.Tag == VBN && info[i].shape&shLower != 0 {
			aux, _ := auxBefore(toks, info, i)
			switch {
			case aux == "BE" || aux == "HAVE" || aux == "GET":
			case isDetLike(prev) || prev == IN && next.IsNoun():
				if next.IsNoun() || next == JJ {
					t.Tag = JJ // an overcrowded camp
				}
			case (prev.IsNoun() || prev == PRP) && next != IN && next != TO && !st.finite:
				t.Tag = VBD // unknown -ed word after a subject
			}
		}
		if e == nil && (t.Tag == NN || t.Tag == VB) && (prev == TO || prev == MD) && info[i].shape&shLower != 0 {
			t.Tag = VB
		}
		return
	}
	aux, auxTag := auxBefore(toks, info, i)
	nextUp := nextTokUpper(toks, i)
	if e.has(RB) && (t.Tag == JJ || t.Tag == NN) && (prev == MD && (next == VB || next == RB) ||
		aux == "HAVE" && prev.IsVerb() && (next == VBN || next == VBD) ||
		aux == "BE" && prev.IsVerb() && (next == VBN || next == VBG)) {
		t.Tag = RB // will likely face, have long said
		return
	}

	// bare infinitive after let/make/help + object: "let such statements go"
	if e.has(VB) && (t.Tag == VBP || t.Tag == VB || t.Tag == NN) && (prev.IsNoun() || prev == PRP) && i >= 2 {
		for j := i - 2; j >= 0 && j >= i-5; j-- {
			pt := toks[j].Tag
			if pt.IsVerb() {
				if bareInfVerbs[lemmaOf(toks, info, j)] && (pt != VBN || j > 0 && toks[j-1].Tag.IsVerb()) {
					t.Tag = VB
					return
				}
				break
			}
			if pt == PUNCT || pt == COMMA || pt == CC || pt == MD || pt == IN {
				break
			}
		}
	}
	// verb contexts
	switch {
	case (auxTag == TO || auxTag == MD || aux == "DO") && e.has(VB) && !(t.Tag == RB && i+1 < len(toks) && info[i+1].e != nil && info[i+1].e.has(VB)):
		if auxTag == TO && e.tags[0].IsNoun() && (!e.has(VBP) || next == PUNCT || next == COMMA || next == CC) {
			break // "alternatives to oil,"
		}
		t.Tag = VB
		return
	case aux == "HAVE" && e.has(VBN) && prev != DT:
		t.Tag = VBN
		return
	case (aux == "BE" || aux == "GET") && e.has(VBN) && (t.Tag.IsVerb() || t.Tag == JJ && strings.HasSuffix(up, "ED")):
		t.Tag = VBN
		return
	case aux == "BE" && e.has(VBG) && t.Tag != NN:
		t.Tag = VBG
		return
	case nextUp == "BY" && e.has(VBN) && (t.Tag == VBD || t.Tag == JJ):
		t.Tag = VBN // "China frayed by", "missiles fired by"
		return
	}

	if i > 0 && (toks[i-1].Upper == "THIS" || toks[i-1].Upper == "THAT") && e.has(VBZ) && (t.Tag == NNS || t.Tag == VBZ) &&
		(next == DT || next == IN || next == PRP || next == PRPS || next == JJ || next == RB || nextUp == "THAT" || next == TO) {
		t.Tag = VBZ // "this means that", "that comes as"
		return
	}
	if i > 0 && (prev == RBR || prev == RBS || prev == RB && advBeforeAdj[toks[i-1].Upper]) && e.has(JJ) && (t.Tag == VB || t.Tag == VBP || t.Tag == NN || t.Tag == VBD) && !e.has(VBN) {
		t.Tag = JJ // more secure, very direct
		return
	}
	if prev == RB && i >= 2 && (t.Tag == VBD || t.Tag == VBN) && e.has(VBD) && e.has(VBN) {
		// an adverb hides the context: decide on the word before it
		pp := toks[i-2].Tag
		switch {
		case pp == PRP && nominative(toks[i-2].Upper) || pp == NNP || pp == NNS || pp == NN || pp == WDT || pp == WP:
			if aux == "" {
				t.Tag = VBD
			}
		case (pp.IsVerb() || pp == DT || pp == IN || pp == PRP || pp == PRPS || pp == COMMA) && (nounish(toks, info, i+1) || next == IN || next == PUNCT || next == COMMA):
			if e.has(JJ) && next.IsNoun() {
				t.Tag = JJ
			} else {
				t.Tag = VBN // highly enriched uranium, politically motivated
			}
		}
		return
	}
	if t.Tag == JJ && e.has(NN) && (prev == NNP || prev == NNPS || prev == NN) && i+1 < len(toks) && info[i+1].shape&shLower != 0 &&
		(next == VBD || next == VBZ || next == MD) && info[i+1].e != nil && !info[i+1].e.has(NN) && !info[i+1].e.has(NNS) {
		t.Tag = NN // the United Nations chief made ...
		return
	}
	if i > 0 && toks[i-1].Upper == "%" && t.Tag.IsVerb() {
		if nt, ok := nounOf(e, t.Tag); ok {
			t.Tag = nt // a 5% increase
			return
		}
	}
	if prev == TO && e.tags[0].IsNoun() && i >= 2 && motionVerbs[lemmaOf(toks, info, i-2)] {
		t.Tag = e.tags[0] // came to power, returned to court
		return
	}
	if prev == COMMA && e.has(VBG) && t.Tag != VBG && (next == DT || next == PRPS || next == PRP || next == IN || next == NNP || next == CD || next == TO || nextUp == "THAT") {
		t.Tag = VBG // ", signaling that ..."
		return
	}

	switch {
	case isDetLike(prev) || prev == IN || prev == TO:
		// determiner / adjective / preposition + noun
		if t.Tag.IsVerb() {
			realDet := prev == DT || prev == PRPS || prev == POS || prev == JJ || prev == WPS || prev == PDT
			switch {
			case t.Tag == VBG:
				if (realDet || prev == CD) && e.has(NN) && next != DT && next != PRP && next != PRPS && !(nounish(toks, info, i+1) && info[i+1].shape&shLower != 0 && next != IN) {
					t.Tag = NN // the fighting, an apartment building
				}
			case e.has(NNS) && t.Tag == VBZ:
				t.Tag = NNS
			case e.has(NN) && (t.Tag == VB || t.Tag == VBP):
				t.Tag = NN
			case e.has(NNS) && t.Tag != VBD && t.Tag != VBN:
				t.Tag = NNS
			case (t.Tag == VBD || t.Tag == VBN) && e.has(JJ) && (realDet || prev == IN) && (next.IsNoun() || next == JJ):
				t.Tag = JJ // behind closed doors
			case (t.Tag == VBD || t.Tag == VBN) && realDet && e.has(NN) && !next.IsNoun():
				t.Tag = NN // "the set", "a hit"
			case t.Tag == VBD && e.has(VBN) && (isDetLike(prev) || (prev == IN || prev == TO) && (next.IsNoun() || next == JJ)):
				t.Tag = VBN
			case (t.Tag == VB || t.Tag == VBP) && e.has(JJ) && realDet:
				t.Tag = JJ // a direct flight
			}
		}
		if t.Tag == NN && e.has(JJ) && (next.IsNoun() || next == JJ) && (e.tags[0] == JJ || info[i+1].shape&shLower != 0 && nounFirst(info[i+1].e)) {
			t.Tag = JJ // a key role, the current government
		}
		if t.Tag == JJ && e.has(NN) && (prev == DT || prev == JJ || prev == POS || prev == PRPS) && !nounish(toks, info, i+1) && next != CD && next != COMMA && next != CC {
			t.Tag = NN // "the military said", "the general warned"
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
		objectNext := next == DT || next == PRPS || next == NNP || next == CD || next == PRP ||
			next == RB && !(i+2 < len(toks) && info[i+2].e != nil && info[i+2].e.has(VBP)) // "forces now control"
		plural := prev == NNS || prev == NNPS
		switch {
		case (t.Tag == VBD || t.Tag == VBN || t.Tag == JJ) && e.has(VBN) && e.has(VBD) && st.finite && prev != NNP && prev != NNPS &&
			(next == IN || next == TO || next == RB || next == PUNCT) && nextUp != "THAT" && !clauseVerbs[lemmaOf(toks, info, i)]:
			t.Tag = VBN // two men sought in ..., a trip aimed at ...
		case (t.Tag == VBD || t.Tag == VBN || t.Tag == JJ) && e.has(VBN) && e.has(VBD) && st.finite && (prev == NNP || prev == NNPS) && nextUp == "BY":
			t.Tag = VBN
		case (t.Tag == VBD || t.Tag == VBN) && e.has(VBN) && e.has(VBD) && !st.finite && (next == IN || next == RB || p.days[nextUp]) && (prev == NN || prev == NNS) &&
			nextUp != "THAT" && !clauseVerbs[lemmaOf(toks, info, i)] && !auxLemmas[lemmaOf(toks, info, i)] && finiteAhead(toks, info, i):
			t.Tag = VBN // progress made in the talks was slow
		case t.Tag == VBN && e.has(VBD) && !st.finite:
			t.Tag = VBD
		case t.Tag == JJ && e.has(VBD) && strings.HasSuffix(up, "ED") && !st.finite && !next.IsNoun():
			t.Tag = VBD
		case (t.Tag == NN || t.Tag == VB || t.Tag == VBP) && plural && (e.has(VBP) || e.has(VBD)) && !st.finite && next != VBZ && next != VBD && next != VBP && next != MD:
			if e.has(VBD) && (next == PUNCT || next == IN || next == TO || next == DT || objectNext) && !e.has(VBP) {
				t.Tag = VBD
			} else if e.has(VBD) && e.has(VBP) && (next == DT || next == TO || next.IsNoun()) && lemmaOf(toks, info, i) != up {
				t.Tag = VBD
			} else if e.has(VBP) {
				t.Tag = VBP // forces fire on, attackers set fire
			} else {
				t.Tag = VBD
			}
		case t.Tag == NN && e.has(VBD) && !st.finite && (next == PUNCT || next == IN || next == TO) && !plural:
			t.Tag = VBD // the fighting spread.
		case (t.Tag == VB || t.Tag == VBP || t.Tag == NN) && e.has(VBD) && !e.tags[0].IsNoun() && !st.finite && objectNext && next != RB:
			t.Tag = VBD // the strike hit a fuel depot
		case t.Tag == VB && e.has(NN) && (e.tags[0].IsNoun() || !plural):
			t.Tag = NN
		case t.Tag == VB && e.has(VBP):
			t.Tag = VBP
		case (t.Tag == NNS || t.Tag == VBZ) && e.has(VBZ) && e.has(NNS) && !plural && !st.finite:
			// singular subject + -s: a verb unless the clause has its verb later
			strong := objectNext || next == TO || nextUp == "THAT"
			weak := (next == IN || next == JJ || next == RB || next == PUNCT) && e.tags[0] == VBZ && prev != NN
			if finiteAhead(toks, info, i) {
				t.Tag = NNS
			} else if strong || weak {
				t.Tag = VBZ // China calls for ..., the statement comes as ...
			} else {
				t.Tag = NNS
			}
		case t.Tag == VBZ && e.has(NNS):
			t.Tag = NNS
		}
		return
	case prev.IsVerb() || prev == RP:
		// a verb is followed by its object, not by another verb
		if prev == VB || prev == VBP || prev == VBD || prev == VBZ || prev == VBG || prev == VBN || prev == RP {
			pl := ""
			if i > 0 {
				pl = lemmaOf(toks, info, i-1)
			}
			if bareInfVerbs[pl] && e.has(VB) && (t.Tag == VB || t.Tag == VBP || t.Tag.IsNoun()) {
				t.Tag = VB
				return
			}
			if pl == "BE" || pl == "HAVE" || pl == "DO" || pl == "GET" {
				return
			}
			if t.Tag == VB || t.Tag == VBP || t.Tag == VBZ {
				if nt, ok := nounOf(e, t.Tag); ok {
					t.Tag = nt
					return
				}
			}
			if (t.Tag == VBD || t.Tag == VBN) && e.has(VBN) && !clauseVerbs[pl] {
				if e.has(JJ) && (next.IsNoun() || next == JJ) {
					t.Tag = JJ
				} else {
					t.Tag = VBN // expel exiled leaders, stands accused
				}
			}
		}
		return
	case prev == X || prev == QUOTE || prev == COMMA || prev == CC:
		if prev == COMMA && (t.Tag == VBD || t.Tag == VBN) && e.has(VBN) && (next == IN || next == TO) && nextUp != "THAT" {
			t.Tag = VBN // ", compared with", ", backed by"
			return
		}
		if prev == CC {
			// coordination copies the verb form: "to give a speech and meet"
			for j := i - 2; j >= 0 && j >= i-12; j-- {
				pt := toks[j].Tag
				if pt.IsVerb() {
					if e.has(pt) && (t.Tag.IsVerb() || pt == VB || pt == VBD) {
						if !(pt == VB && next == PUNCT) {
							t.Tag = pt
							return
						}
					}
					break
				}
				if pt == PUNCT || pt == MD {
					break
				}
			}
		}
		// clause start: nouns beat verbs
		switch {
		case t.Tag == VBZ && e.has(NNS) && !(prev == CC && i > 1 && toks[i-2].Tag.IsNoun()) &&
			!(prev == COMMA && e.tags[0] == VBZ && (next == DT || next == PRP || next == PRPS || nextUp == "THAT")):
			t.Tag = NNS
		case (t.Tag == VB || t.Tag == VBP) && e.has(NN) && prev != CC:
			t.Tag = NN
		case t.Tag == VB && e.has(VBP):
			t.Tag = VBP
		case t.Tag == VBG && e.has(NN) && i == 0 && (next == IN || next.IsNoun()) && !participleClause(toks, i):
			t.Tag = NN // "Fighting in the region", "Shipping companies"
		}
		if t.Tag == NN && e.has(JJ) && next.IsNoun() && e.tags[0] == JJ {
			t.Tag = JJ
		}
		return
	}
	if t.Tag == VB && e.has(VBP) {
		t.Tag = VBP
	}
}

// participleClause reports a sentence-initial -ing clause closed by a comma
// before any finite verb: "Speaking to reporters, he said ...".
func participleClause(toks []Token, i int) bool {
	for j := i + 1; j < len(toks) && j < i+20; j++ {
		switch toks[j].Tag {
		case COMMA:
			return true
		case VBD, VBZ, VBP, MD, PUNCT:
			return false
		}
	}
	return false
}

// nounFirst reports a lexicon entry whose preferred reading is a noun.
func nounFirst(e *entry) bool {
	return e != nil && (e.tags[0] == NN || e.tags[0] == NNS)
}

// finiteAhead reports whether the rest of the clause (up to punctuation, a
// conjunction, a relative or a subordinator) holds an unambiguous finite
// verb; if so, a noun/verb word before it is the subject's noun
// ("Peace talks in Doha stalled").
func finiteAhead(toks []Token, info []tokInfo, i int) bool {
	for j := i + 1; j < len(toks) && j < i+12; j++ {
		t := toks[j]
		switch t.Tag {
		case PUNCT, COMMA, CC, WDT, WP, WRB, QUOTE, TO, EX:
			return false
		case PRP:
			if nominative(t.Upper) {
				return false // a new subject starts a new clause
			}
		case MD:
			return true
		case VBD, VBZ, VBP:
			e := info[j].e
			if e == nil || !(e.has(NN) || e.has(NNS)) {
				return true
			}
		}
		if subordinator(t.Upper) {
			return false
		}
	}
	return false
}

// motionVerbs take "to" + a noun: "came to power", "returned to court".
var motionVerbs = map[string]bool{"COME": true, "RETURN": true, "GO": true, "BRING": true, "RISE": true,
	"RESTORE": true, "TAKE": true, "SEND": true, "HEAD": true, "TRAVEL": true, "MOVE": true, "FLEE": true,
	"LEAD": true, "GET": true, "DRIVE": true, "APPEAL": true, "TURN": true, "CONTRIBUTE": true, "ADD": true,
	"FLY": true, "SAIL": true, "WALK": true, "RUSH": true, "REFER": true}

// commonShape tags an unknown capitalised word as a common word when its
// suffix is unmistakable or it is the plural of a known noun; else X.
func (p *Pipeline) commonShape(up string) Tag {
	n := len(up)
	for _, suf := range [...]string{"TIONS", "MENTS", "NESSES", "ITIES", "ISMS"} {
		if strings.HasSuffix(up, suf) && n > len(suf)+2 {
			return NNS
		}
	}
	for _, suf := range [...]string{"TION", "MENT", "NESS", "ITY", "ISM"} {
		if strings.HasSuffix(up, suf) && n > len(suf)+2 {
			return NN
		}
	}
	if strings.HasSuffix(up, "LY") && n > 5 {
		return RB
	}
	if n > 4 && strings.HasSuffix(up, "S") && !strings.HasSuffix(up, "SS") {
		if e := p.lex.get(up[:n-1]); e != nil && e.has(NN) && !e.has(NNP) {
			return NNS
		}
	}
	return X
}
