package syntax

import (
	"strings"

	"github.com/egret-events/egret/nlp"
)

// Stage: UD words. Egret's tokenizer (nlp) keeps hyphenated words whole
// ("U.S.-led"); UD English splits them ("U.S." "-" "led") unless the part
// before the hyphen is a bound prefix it keeps ("e-mail", "co-workers"),
// which training learns from the treebank. The parser works on UD words;
// ParseTokens folds them back onto egret's tokens.

// learnHyphens returns the lower-cased prefixes the treebank keeps joined
// to the rest of a hyphenated word more often than it splits them off.
func learnHyphens(tb []UDSentence) map[string]bool {
	kept, split := map[string]int{}, map[string]int{}
	for si := range tb {
		s := &tb[si]
		for i, w := range s.Words {
			if j := strings.IndexByte(w.Form, '-'); j > 0 && j < len(w.Form)-1 && !allHyphens(w.Form) {
				kept[strings.ToLower(w.Form[:j])]++
			}
			if i+2 < len(s.Words) && s.Words[i+1].Form == "-" && !s.SpaceAfter(i) && !s.SpaceAfter(i+1) && strings.IndexByte(w.Form, '-') < 0 {
				split[strings.ToLower(w.Form)]++
			}
		}
	}
	keep := map[string]bool{}
	for p, k := range kept {
		if k > split[p] && !phoneLike(p) {
			keep[p] = true
		}
	}
	return keep
}

func allHyphens(s string) bool { return strings.Trim(s, "-") == "" }

// phoneLike reports a group of three or more digits.
func phoneLike(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// splitHyphens calls emit with the UD words of the token text[start:end].
func (m *Model) splitHyphens(text string, start, end int, emit func(s, e int)) {
	tok := text[start:end]
	j := strings.IndexByte(tok, '-')
	if j <= 0 || j == len(tok)-1 || m.keepsHyphen(tok, j) {
		emit(start, end)
		return
	}
	s := start
	for i := start; i < end; i++ {
		if text[i] != '-' {
			continue
		}
		if i > s {
			emit(s, i)
		}
		k := i
		for k+1 < end && text[k+1] == '-' {
			k++
		}
		emit(i, k+1)
		s, i = k+1, k
	}
	if s < end {
		emit(s, end)
	}
}

// keepsHyphen reports whether the token, whose first hyphen is at j, stays
// one word.
func (m *Model) keepsHyphen(tok string, j int) bool {
	if strings.HasPrefix(tok, "http") || strings.HasPrefix(tok, "www.") || strings.IndexByte(tok, '@') >= 0 {
		return true // addresses are one word
	}
	if phoneLike(tok[:j]) {
		allPhone := true
		for _, part := range strings.Split(tok, "-") {
			allPhone = allPhone && phoneLike(part)
		}
		if allPhone {
			return true
		}
	}
	var b [16]byte
	if j > len(b) {
		return false
	}
	low := appendLower(b[:0], tok[:j])
	return m.keepHyph[string(low)]
}

// Parse splits raw text into sentences and UD words (egret's tokenizer,
// then UD English's hyphen splitting) and analyses each sentence. Offsets
// are byte offsets into text.
func (m *Model) Parse(text string) []Sentence {
	sents := m.lex.TokenSentences(text)
	out := make([]Sentence, len(sents))
	sc := m.getScratch()
	defer m.putScratch(sc)
	for i := range sents {
		sc.forms, sc.spans = sc.forms[:0], sc.spans[:0]
		for _, t := range mergeTokens(text, sents[i].Tokens) {
			m.splitHyphens(text, t.Start, t.End, func(s, e int) {
				sc.forms = append(sc.forms, text[s:e])
				sc.spans = append(sc.spans, s, e)
			})
		}
		m.analyse(sc, &out[i])
	}
	clear(sc.forms)
	return out
}

// mergeTokens joins tokens that egret's tokenizer splits but UD English
// writes as one: runs of one symbol ("***", "==", "<<"), emoticons (":)",
// ":-("), and file names (report.pdf). Only raw-text parsing merges;
// ParseTokens keeps the coder's tokens.
func mergeTokens(text string, toks []nlp.Token) []nlp.Token {
	var out []nlp.Token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		j := i
		for j+1 < len(toks) && toks[j+1].Start == toks[j].End && joins(text, t, toks, j+1) {
			j++
			t.End = toks[j].End
		}
		if j > i {
			if out == nil {
				out = append(make([]nlp.Token, 0, len(toks)), toks[:i]...)
			}
			t.Text = text[t.Start:t.End]
			out = append(out, t)
			i = j
			continue
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// joins reports whether toks[k] continues the merged token cur.
func joins(text string, cur nlp.Token, toks []nlp.Token, k int) bool {
	w := text[cur.Start:cur.End]
	next := toks[k].Text
	if c, ok := symbolRun(w); ok {
		if d, ok := symbolRun(next); ok && c == d {
			return true
		}
	}
	switch w {
	case ":", ";", "=", ":-", ";-":
		switch next {
		case ")", "(", "D", "P", "p", "]", "[", "/", "|", "-":
			return next != "-" || w == ":" || w == ";"
		}
	}
	if next == "." && k+1 < len(toks) && toks[k+1].Start == toks[k].End && fileExt[strings.ToLower(toks[k+1].Text)] && isWordy(w) {
		return true
	}
	if len(w) > 1 && w[len(w)-1] == '.' && fileExt[strings.ToLower(next)] {
		return true
	}
	return false
}

// symbolRun reports whether s repeats one symbol UD English keeps in runs.
func symbolRun(s string) (byte, bool) {
	if s == "" || strings.IndexByte("*=_+~#<>$^|", s[0]) < 0 {
		return 0, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return 0, false
		}
	}
	return s[0], true
}

var fileExt = map[string]bool{"pdf": true, "doc": true, "docx": true, "htm": true, "html": true, "txt": true, "xls": true,
	"xlsx": true, "ppt": true, "pptx": true, "jpg": true, "jpeg": true, "gif": true, "png": true, "zip": true, "csv": true,
	"xml": true, "mp3": true, "exe": true}

// ParseTokens analyses one sentence of egret tokens. out.Words maps 1:1
// to toks: a token UD splits into several words ("U.S.-led") takes the
// analysis of its highest word ("led") and its head is the token holding
// that word's head. Offsets are the tokens' own.
func (m *Model) ParseTokens(toks []nlp.Token, out *Sentence) {
	sc := m.getScratch()
	defer m.putScratch(sc)
	sc.forms, sc.spans, sc.group = sc.forms[:0], sc.spans[:0], sc.group[:0]
	split := false
	for ti := range toks {
		t := &toks[ti]
		before := len(sc.forms)
		m.splitHyphens(t.Text, 0, len(t.Text), func(s, e int) {
			sc.forms = append(sc.forms, t.Text[s:e])
			sc.spans = append(sc.spans, t.Start+s, t.Start+e)
			sc.group = append(sc.group, int32(ti))
		})
		split = split || len(sc.forms)-before > 1
	}
	if !split {
		m.analyse(sc, out)
		clear(sc.forms)
		return
	}
	m.analyse(sc, &sc.out)
	clear(sc.forms)
	words := sc.out.Words
	// depth of every word, to find each token's highest word
	depth := sc.st.lc1[:0] // reuse a buffer the parser is done with
	for i := range words {
		d := int32(0)
		for h := words[i].Head; h >= 0 && d <= int32(len(words)); h = words[h].Head {
			d++
		}
		depth = append(depth, d)
	}
	if cap(out.Words) < len(toks) {
		out.Words = make([]Word, len(toks))
	}
	out.Words = out.Words[:len(toks)]
	top := sc.st.rc1[:0]
	for range toks {
		top = append(top, -1)
	}
	for i := range words {
		g := sc.group[i]
		if top[g] < 0 || depth[i] < depth[top[g]] {
			top[g] = int32(i)
		}
	}
	for ti := range toks {
		t := &toks[ti]
		w := words[top[ti]]
		w.Form, w.Start, w.End = t.Text, t.Start, t.End
		if w.Head >= 0 {
			w.Head = int(sc.group[w.Head])
		}
		first, last := sc.spans[2*int(top[ti])]-t.Start, sc.spans[2*int(top[ti])+1]-t.Start
		if first > 0 || last < len(t.Text) {
			// a split token's lemma is its text with the head word lemmatized
			w.Lemma = lowerUnlessProper(t.Text[:first], w.XPOS) + w.Lemma + lowerUnlessProper(t.Text[last:], w.XPOS)
			w.LemmaUpper = m.lex.Upper(w.Lemma)
		}
		out.Words[ti] = w
	}
	if len(toks) > 0 {
		out.Start, out.End = toks[0].Start, toks[len(toks)-1].End
	}
}

func lowerUnlessProper(s string, x XPOS) string {
	if properTag(x) {
		return s
	}
	return strings.ToLower(s)
}
