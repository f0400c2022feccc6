// Package syntax tags, lemmatizes and parses sentences into Universal Dependencies trees with models trained on UD English EWT.
package syntax

import "github.com/egret-events/egret/nlp"

// UPOS is a Universal Dependencies part-of-speech tag.
type UPOS uint8

// The 17 universal tags; NoUPOS marks a missing or unknown tag.
const (
	NoUPOS UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numUPOS
)

var uposNames = [numUPOS]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

func (u UPOS) String() string {
	if u < numUPOS {
		return uposNames[u]
	}
	return "_"
}

// ParseUPOS returns the tag named s and whether s names one.
func ParseUPOS(s string) (UPOS, bool) {
	for i, n := range uposNames {
		if n == s && i > 0 {
			return UPOS(i), true
		}
	}
	return NoUPOS, false
}

// XPOS is a Penn Treebank tag as UD English EWT uses it: the Penn set plus
// HYPH, NFP (superfluous punctuation), ADD (address), AFX (affix), GW
// (goes-with) and XX (unknown). Tag maps it to egret's folded set.
type XPOS uint8

// The EWT Penn tags; NoXPOS marks a missing or unknown tag.
const (
	NoXPOS XPOS = iota
	XCC
	XCD
	XDT
	XEX
	XFW
	XIN
	XJJ
	XJJR
	XJJS
	XLS
	XMD
	XNN
	XNNS
	XNNP
	XNNPS
	XPDT
	XPOSS // POS, the possessive ending
	XPRP
	XPRPS // PRP$
	XRB
	XRBR
	XRBS
	XRP
	XSYM
	XTO
	XUH
	XVB
	XVBD
	XVBG
	XVBN
	XVBP
	XVBZ
	XWDT
	XWP
	XWPS // WP$
	XWRB
	XPeriod // .
	XComma  // ,
	XColon  // :
	XOpenQ  // ``
	XCloseQ // ''
	XLRB    // -LRB-
	XRRB    // -RRB-
	XHYPH
	XNFP
	XADD
	XAFX
	XGW
	XXX
	XDollar // $
	XHash   // #
	numXPOS
)

var xposNames = [numXPOS]string{"_", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
	"PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP",
	"WP$", "WRB", ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "ADD", "AFX", "GW", "XX", "$", "#"}

func (x XPOS) String() string {
	if x < numXPOS {
		return xposNames[x]
	}
	return "_"
}

// ParseXPOS returns the tag named s and whether s names one.
func ParseXPOS(s string) (XPOS, bool) {
	for i, n := range xposNames {
		if n == s && i > 0 {
			return XPOS(i), true
		}
	}
	return NoXPOS, false
}

// xposTags maps each XPOS to egret's tag set, folding punctuation as nlp
// does (sentence ends → ".", commas, colons and dashes between clauses →
// ",", quotes and brackets → "“") and the EWT extras to their nearest
// nlp tag: NFP and $ are symbols, ADD (URLs, e-mail) a noun as nlp's own
// tagger has it, AFX (a detached prefix) an adjective, LS a number, GW and
// XX unknown.
var xposTags = [numXPOS]nlp.Tag{
	NoXPOS: nlp.X, XCC: nlp.CC, XCD: nlp.CD, XDT: nlp.DT, XEX: nlp.EX, XFW: nlp.FW, XIN: nlp.IN, XJJ: nlp.JJ,
	XJJR: nlp.JJR, XJJS: nlp.JJS, XLS: nlp.CD, XMD: nlp.MD, XNN: nlp.NN, XNNS: nlp.NNS, XNNP: nlp.NNP,
	XNNPS: nlp.NNPS, XPDT: nlp.PDT, XPOSS: nlp.POS, XPRP: nlp.PRP, XPRPS: nlp.PRPS, XRB: nlp.RB, XRBR: nlp.RBR,
	XRBS: nlp.RBS, XRP: nlp.RP, XSYM: nlp.SYM, XTO: nlp.TO, XUH: nlp.UH, XVB: nlp.VB, XVBD: nlp.VBD,
	XVBG: nlp.VBG, XVBN: nlp.VBN, XVBP: nlp.VBP, XVBZ: nlp.VBZ, XWDT: nlp.WDT, XWP: nlp.WP, XWPS: nlp.WPS,
	XWRB: nlp.WRB, XPeriod: nlp.PUNCT, XComma: nlp.COMMA, XColon: nlp.COMMA, XOpenQ: nlp.QUOTE,
	XCloseQ: nlp.QUOTE, XLRB: nlp.QUOTE, XRRB: nlp.QUOTE, XHYPH: nlp.HYPH, XNFP: nlp.SYM, XADD: nlp.NN,
	XAFX: nlp.JJ, XGW: nlp.X, XXX: nlp.X, XDollar: nlp.SYM, XHash: nlp.SYM,
}

// Tag returns x in egret's tag set.
func (x XPOS) Tag() nlp.Tag {
	if x < numXPOS {
		return xposTags[x]
	}
	return nlp.X
}

// Rel is a Universal Dependencies relation, with the English subtypes.
type Rel uint8

// Relations: the 37 universal ones, then the subtypes UD English uses
// (EWT v2.15 and the older tmod/npmod names). Every value is below 64 so
// a set of relations fits a uint64.
const (
	NoRel Rel = iota
	Acl
	Advcl
	Advmod
	Amod
	Appos
	Aux
	Case
	Cc
	Ccomp
	Clf
	Compound
	Conj
	Cop
	Csubj
	Dep
	Det
	Discourse
	Dislocated
	Expl
	Fixed
	Flat
	Goeswith
	Iobj
	List
	Mark
	Nmod
	Nsubj
	Nummod
	Obj
	Obl
	Orphan
	Parataxis
	Punct
	Reparandum
	Root
	Vocative
	Xcomp
	AclRelcl     // acl:relcl
	AdvclRelcl   // advcl:relcl
	AuxPass      // aux:pass
	CcPreconj    // cc:preconj
	CompoundPrt  // compound:prt
	CsubjOuter   // csubj:outer
	CsubjPass    // csubj:pass
	DetPredet    // det:predet
	FlatForeign  // flat:foreign
	NmodDesc     // nmod:desc
	NmodNpmod    // nmod:npmod
	NmodPoss     // nmod:poss
	NmodTmod     // nmod:tmod
	NmodUnmarked // nmod:unmarked
	NsubjOuter   // nsubj:outer
	NsubjPass    // nsubj:pass
	OblAgent     // obl:agent
	OblNpmod     // obl:npmod
	OblTmod      // obl:tmod
	OblUnmarked  // obl:unmarked
	numRel
)

var relNames = [numRel]string{"_", "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf",
	"compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith",
	"iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj", "obl", "orphan", "parataxis", "punct", "reparandum",
	"root", "vocative", "xcomp", "acl:relcl", "advcl:relcl", "aux:pass", "cc:preconj", "compound:prt", "csubj:outer",
	"csubj:pass", "det:predet", "flat:foreign", "nmod:desc", "nmod:npmod", "nmod:poss", "nmod:tmod", "nmod:unmarked",
	"nsubj:outer", "nsubj:pass", "obl:agent", "obl:npmod", "obl:tmod", "obl:unmarked"}

// relBase maps every subtype to its universal relation.
var relBase = func() [numRel]Rel {
	var b [numRel]Rel
	for r := Rel(0); r < numRel; r++ {
		b[r] = r
		name := relNames[r]
		for i := 0; i < len(name); i++ {
			if name[i] == ':' {
				b[r], _ = ParseRel(name[:i])
				break
			}
		}
	}
	return b
}()

// String returns the UD name ("nsubj:pass").
func (r Rel) String() string {
	if r < numRel {
		return relNames[r]
	}
	return "_"
}

// Universal returns the relation without its subtype (nsubj:pass → nsubj).
func (r Rel) Universal() Rel {
	if r < numRel {
		return relBase[r]
	}
	return NoRel
}

// ParseRel returns the relation named s and whether s names one.
func ParseRel(s string) (Rel, bool) {
	for i, n := range relNames {
		if n == s && i > 0 {
			return Rel(i), true
		}
	}
	return NoRel, false
}
