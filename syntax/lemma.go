package syntax

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/egret-events/egret/nlp"
)

// Stage: lemmatization. Reads each word's form and XPOS, writes its UD
// lemma. Known (form, XPOS) pairs take the lemma the training treebank
// gives them most often; unseen words take the edit ("strip 3, add y")
// that their tag's longest known suffix takes, or, for words the WordNet
// lexicon knows, nlp's own lemma rules. Proper nouns keep their case, all
// other lemmas are lower case, as in UD English.

// lemmaEdit turns a form into its lemma: drop strip bytes from the end of
// the form (as written when keep, else lower-cased) and append add.
type lemmaEdit struct {
	keep  bool
	strip uint8
	add   string
}

// lemmaEntry is a known (lower-cased form, XPOS) pair. full is the lemma
// itself for lower-case lemmas of digit-free words, so the common case
// returns a stored string without building one.
type lemmaEntry struct {
	edit lemmaEdit
	full string
}

// lemmatizer holds the learned tables.
type lemmatizer struct {
	known    map[uint64]lemmaEntry // lemmaKey(lower form, xpos)
	suffixes map[uint64]lemmaEdit  // suffixKey(xpos, suffix)
	maxSuf   int
}

func lemmaKey(lower string, x XPOS) uint64 { return fnvString(lower) ^ uint64(x)*m1 }

func suffixKey(x XPOS, suf string) uint64 { return fnvString(suf)*m3 ^ uint64(x)*m2 ^ uint64(len(suf)) }

// lowerWord lower-cases a form (allocating only when it has capitals).
func lowerWord(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// editFor returns the edit from base to lemma.
func editFor(base, lemma string, keep bool) lemmaEdit {
	k := 0
	for k < len(base) && k < len(lemma) && base[k] == lemma[k] {
		k++
	}
	// keep the edit on rune boundaries
	for k > 0 && k < len(lemma) && !utf8.RuneStart(lemma[k]) {
		k--
	}
	strip := len(base) - k
	if strip >= exactStrip {
		return lemmaEdit{keep: true, strip: exactStrip, add: lemma}
	}
	return lemmaEdit{keep: keep, strip: uint8(strip), add: lemma[k:]}
}

// apply applies the edit to form.
func (e lemmaEdit) apply(form string) string {
	if e.strip == exactStrip {
		return e.add
	}
	base := form
	if !e.keep {
		base = lowerWord(form)
	}
	s := int(e.strip)
	if s > len(base) {
		s = len(base)
	}
	if e.add == "" {
		return base[:len(base)-s]
	}
	return base[:len(base)-s] + e.add
}

// properTag reports tags whose lemmas keep their case.
func properTag(x XPOS) bool { return x == XNNP || x == XNNPS }

// lemma returns the lemma of form read as x.
func (lz *lemmatizer) lemma(form string, x XPOS, lex *nlp.Pipeline) string {
	var lb [64]byte
	low := appendLower(lb[:0], form)
	if e, ok := lz.known[fnv64(low)^uint64(x)*m1]; ok { // lemmaKey without a string
		if e.full != "" && !e.edit.keep {
			return e.full
		}
		return e.edit.apply(form)
	}
	// unseen: the longest suffix rule of the tag
	for k := min(lz.maxSuf, len(low)-1); k >= 0; k-- {
		if k > 0 && !utf8.RuneStart(low[len(low)-k]) {
			continue
		}
		if ed, ok := lz.suffixes[suffixKeyBytes(x, low[len(low)-k:])]; ok {
			if lex != nil && !properTag(x) && int(ed.strip) > 0 {
				// WordNet knows irregular forms the suffixes cannot
				if set, _ := lex.LexiconTags(form); set != 0 {
					return strings.ToLower(lex.Lemma(lex.Upper(form), x.Tag()))
				}
			}
			return ed.apply(form)
		}
	}
	if properTag(x) {
		return form
	}
	return lowerWord(form)
}

// appendLower appends the lower case of s.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

func suffixKeyBytes(x XPOS, suf []byte) uint64 {
	return fnv64(suf)*m3 ^ uint64(x)*m2 ^ uint64(len(suf))
}

// learnLemmas builds the lemmatizer from (form, XPOS, lemma) triples.
func learnLemmas(forms []string, xpos []XPOS, lemmas []string) *lemmatizer {
	type cand struct {
		e     lemmaEdit
		count int
	}
	const maxSuf = 5
	type entryCounts struct {
		low    string
		digit  bool
		counts []cand
	}
	known := map[uint64]*entryCounts{}
	suf := map[uint64][]cand{}
	bump := func(cs []cand, e lemmaEdit) []cand {
		for i := range cs {
			if cs[i].e == e {
				cs[i].count++
				return cs
			}
		}
		return append(cs, cand{e, 1})
	}
	for i, form := range forms {
		lem := lemmas[i]
		if lem == "" || lem == "_" {
			continue
		}
		x := xpos[i]
		low := strings.ToLower(form)
		// the edits that explain this lemma: from the lower-cased form,
		// from the form as written, or the lemma whatever the form's case
		// ("i" and "I" are both "I")
		var cands [3]lemmaEdit
		nc := 0
		if le := editFor(low, lem, false); !properTag(x) && le.apply(form) == lem {
			cands[nc] = le
			nc++
		}
		ke := editFor(form, lem, true)
		cands[nc] = ke
		nc++
		cands[nc] = lemmaEdit{keep: true, strip: exactStrip, add: lem}
		nc++
		k := lemmaKey(low, x)
		ec := known[k]
		if ec == nil {
			ec = &entryCounts{low: low, digit: hasDigit(low)}
			known[k] = ec
		}
		for _, e := range cands[:nc] {
			ec.counts = bump(ec.counts, e)
		}
		e := cands[0] // the suffix rules generalise the first explanation
		for n := 0; n <= maxSuf && n < len(low); n++ {
			if n > 0 && !utf8.RuneStart(low[len(low)-n]) {
				continue
			}
			sk := suffixKey(x, low[len(low)-n:])
			suf[sk] = bump(suf[sk], e)
		}
	}
	best := func(cs []cand) (lemmaEdit, int, int) {
		slices.SortFunc(cs, func(a, b cand) int {
			if a.count != b.count {
				return b.count - a.count
			}
			if ra, rb := editRank(a.e), editRank(b.e); ra != rb {
				return ra - rb
			}
			return strings.Compare(editString(a.e), editString(b.e))
		})
		total := 0
		for _, c := range cs {
			total += c.count
		}
		return cs[0].e, cs[0].count, total
	}
	lz := &lemmatizer{known: make(map[uint64]lemmaEntry, len(known)), suffixes: map[uint64]lemmaEdit{}, maxSuf: maxSuf}
	for k, ec := range known {
		e, _, _ := best(ec.counts)
		le := lemmaEntry{edit: e}
		if !e.keep && !ec.digit {
			le.full = e.apply(ec.low)
		}
		lz.known[k] = le
	}
	for k, cs := range suf {
		e, c, total := best(cs)
		// a suffix speaks for unseen words when it is reliable
		if c >= 2 && c*10 >= total*6 {
			lz.suffixes[k] = e
		}
	}
	return lz
}

// exactStrip marks an edit that replaces the whole form by its add.
const exactStrip = 255

// editRank orders equally frequent edits: lower-case, then case-keeping,
// then fixed lemmas, the more general first.
func editRank(e lemmaEdit) int {
	switch {
	case !e.keep:
		return 0
	case e.strip != exactStrip:
		return 1
	}
	return 2
}

func editString(e lemmaEdit) string {
	k := "l"
	if e.keep {
		k = "k"
	}
	return k + strconv.Itoa(int(e.strip)) + "|" + e.add
}
