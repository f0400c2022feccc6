// Package nlp splits raw text into sentences and tokens that keep their byte offsets, and tags and lemmatizes them fast enough for wire-speed coding.
package nlp

// Tag is a Penn Treebank part-of-speech tag, kept small so tagging stays
// allocation-free.
type Tag uint8

// The tag set follows the Penn Treebank, with punctuation folded.
const (
	X    Tag = iota // unknown
	NN              // noun, singular
	NNS             // noun, plural
	NNP             // proper noun
	NNPS            // proper noun, plural
	VB              // verb, base
	VBD             // verb, past
	VBG             // verb, gerund
	VBN             // verb, past participle
	VBP             // verb, present non-3sg
	VBZ             // verb, present 3sg
	MD              // modal
	JJ              // adjective
	JJR
	JJS
	RB // adverb
	RBR
	RBS
	RP  // particle
	IN  // preposition or subordinating conjunction
	TO  // "to"
	DT  // determiner
	PDT // predeterminer
	PRP // personal pronoun
	PRPS
	WDT
	WP
	WPS
	WRB
	CC  // coordinating conjunction
	CD  // number
	POS // possessive 's
	EX  // existential there
	UH
	FW
	SYM
	PUNCT // . ! ?
	COMMA // , ; :
	QUOTE // quotes and brackets
	HYPH  // dash
)

var tagNames = [...]string{"X", "NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "RP", "IN", "TO", "DT", "PDT", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "CC", "CD", "POS", "EX", "UH", "FW", "SYM", ".", ",", "``", "-"}

func (t Tag) String() string {
	if int(t) < len(tagNames) {
		return tagNames[t]
	}
	return "?"
}

// IsNoun reports NN, NNS, NNP and NNPS.
func (t Tag) IsNoun() bool { return t >= NN && t <= NNPS }

// IsVerb reports VB* (not MD).
func (t Tag) IsVerb() bool { return t >= VB && t <= VBZ }

// Token is one word or punctuation mark. Start and End are byte offsets in the
// document text (not the sentence), so matches map back to the source.
type Token struct {
	Text  string // as written
	Upper string // upper-cased, normalised (curly quotes → ', dashes → -) for dictionary matching
	Lemma string // upper-cased lemma ("ACCUSED" → "ACCUSE", "FORCES" → "FORCE")
	Start int
	End   int
	Tag   Tag
}

// Sentence is a run of tokens with its byte range in the document.
type Sentence struct {
	Index  int // 0-based index in the document
	Start  int
	End    int
	Tokens []Token
}
