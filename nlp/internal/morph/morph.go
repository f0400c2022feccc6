// Package morph holds the English inflection rules and hand-written word tables shared by the nlp runtime and its lexicon generator.
package morph

import "strings"

// All functions take and return upper-case ASCII words; other bytes pass
// through unchanged so that callers never need to check input first.

func isVowel(c byte) bool {
	switch c {
	case 'A', 'E', 'I', 'O', 'U':
		return true
	}
	return false
}

func isCons(c byte) bool {
	return c >= 'A' && c <= 'Z' && !isVowel(c)
}

// endsConsY reports a consonant followed by a final Y (TRY, ARMY), the case
// where inflection turns Y into I.
func endsConsY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'Y' && isCons(w[n-2])
}

func sibilant(w string) bool {
	return strings.HasSuffix(w, "S") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z") ||
		strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH")
}

// Doubles reports whether a regular verb doubles its final consonant before
// -ED/-ING. Without stress information only one-syllable CVC words are
// doubled (STOP → STOPPED, but VISIT → VISITED); the generator records the
// multi-syllable exceptions from WordNet (REFER → REFERRED) explicitly.
func Doubles(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	last := w[n-1]
	if !isCons(last) || last == 'W' || last == 'X' || last == 'Y' {
		return false
	}
	if !isVowel(w[n-2]) || isVowel(w[n-3]) {
		return false
	}
	if w[n-3] == 'Q' { // QU counts as a consonant cluster
		return false
	}
	// count vowel groups
	groups := 0
	in := false
	for i := 0; i < n; i++ {
		v := isVowel(w[i]) || (w[i] == 'Y' && i > 0 && !isVowel(w[i-1]))
		if v && !in {
			groups++
		}
		in = v
	}
	return groups == 1
}

// Plural is the regular plural of a noun: FORCE → FORCES, CRISIS is left to
// the irregular table.
func Plural(w string) string {
	switch {
	case w == "":
		return w
	case sibilant(w):
		return w + "ES"
	case endsConsY(w):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "MAN") && !manExceptions[w]:
		return w[:len(w)-2] + "EN" // GUNMAN → GUNMEN
	}
	return w + "S"
}

// manExceptions end in -MAN but pluralise regularly.
var manExceptions = map[string]bool{"HUMAN": true, "GERMAN": true, "ROMAN": true, "SHAMAN": true, "TALISMAN": true,
	"CAIMAN": true, "CAYMAN": true, "OTTOMAN": true, "DOBERMAN": true, "BRAHMAN": true, "OMAN": true, "CAPLAN": true,
	"MUSSULMAN": true, "WALKMAN": true, "SHOWMAN": false, "AMAN": true, "DAMAN": true, "SUMAN": true}

// ThirdSg is the regular third person singular present: GO → GOES.
func ThirdSg(w string) string {
	switch {
	case w == "":
		return w
	case sibilant(w) || (strings.HasSuffix(w, "O") && len(w) > 1 && isCons(w[len(w)-2])):
		return w + "ES"
	case endsConsY(w):
		return w[:len(w)-1] + "IES"
	}
	return w + "S"
}

// Past is the regular past tense and past participle: STOP → STOPPED,
// TRY → TRIED, ACCUSE → ACCUSED.
func Past(w string) string {
	switch {
	case w == "":
		return w
	case strings.HasSuffix(w, "E"):
		return w + "D"
	case endsConsY(w):
		return w[:len(w)-1] + "IED"
	case Doubles(w):
		return w + w[len(w)-1:] + "ED"
	}
	return w + "ED"
}

// Gerund is the regular present participle: DIE → DYING, MAKE → MAKING.
func Gerund(w string) string {
	switch {
	case w == "":
		return w
	case strings.HasSuffix(w, "IE"):
		return w[:len(w)-2] + "YING"
	case strings.HasSuffix(w, "E") && !strings.HasSuffix(w, "EE") && !strings.HasSuffix(w, "YE") &&
		!strings.HasSuffix(w, "OE") && len(w) > 2:
		return w[:len(w)-1] + "ING"
	case Doubles(w):
		return w + w[len(w)-1:] + "ING"
	}
	return w + "ING"
}

// VerbForms are the regular 3sg, past, past participle and gerund of a verb.
func VerbForms(w string) [4]string {
	p := Past(w)
	return [4]string{ThirdSg(w), p, p, Gerund(w)}
}
