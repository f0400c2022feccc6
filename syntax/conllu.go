package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/egret-events/egret"
)

// Stage: CoNLL-U reading and writing. Reads a treebank file into
// UDSentences (annotations kept as written, so a scorer compares exactly
// what the file says); writes parsed Sentences with their text, sentence
// ids and byte offsets.

// UDWord is one syntactic word of a CoNLL-U file.
type UDWord struct {
	Form, Lemma string
	UPOS, XPOS  string
	Feats       string
	Head        int    // 0-based index of the head word, -1 for the root
	Deprel      string // with subtype ("nsubj:pass")
	Misc        string
}

// UDToken is a multi-word token ("don't" = do + n't): words First..Last
// (0-based, inclusive) are written as Form.
type UDToken struct {
	First, Last int
	Form        string
	Misc        string
}

// UDSentence is one sentence of a CoNLL-U file.
type UDSentence struct {
	ID     string // # sent_id
	Text   string // # text
	NewDoc bool   // a # newdoc comment precedes it
	NewPar bool   // a # newpar comment precedes it
	Words  []UDWord
	Tokens []UDToken // multi-word tokens only
	Line   int       // line of its first word, for messages
}

// SpaceAfter reports whether the surface token ending with word i is
// followed by a space (no SpaceAfter=No on it or on its multi-word token).
func (s *UDSentence) SpaceAfter(i int) bool {
	for _, t := range s.Tokens {
		if i >= t.First && i <= t.Last {
			return i != t.Last || !hasMisc(t.Misc, "SpaceAfter=No")
		}
	}
	return !hasMisc(s.Words[i].Misc, "SpaceAfter=No")
}

func hasMisc(misc, item string) bool {
	for misc != "" {
		f := misc
		if j := strings.IndexByte(misc, '|'); j >= 0 {
			f, misc = misc[:j], misc[j+1:]
		} else {
			misc = ""
		}
		if f == item {
			return true
		}
	}
	return false
}

// ReadCoNLLU reads every sentence of a CoNLL-U stream. name is used in
// error messages, which give the line: "dev.conllu:12: HEAD 40 is past the
// sentence's 7 words". Empty nodes (8.1) belong to the enhanced graph and
// are skipped.
func ReadCoNLLU(r io.Reader, name string) ([]UDSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var out []UDSentence
	var cur UDSentence
	var heads []string
	open := false
	lineNo, curLine := 0, 0
	fail := func(line int, format string, args ...any) error {
		return egret.Errorf(egret.EINVALID, "%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	finish := func() error {
		if !open {
			return nil
		}
		if len(cur.Words) == 0 {
			return fail(curLine, "sentence has no words")
		}
		roots := 0
		for i, h := range heads {
			n, err := strconv.Atoi(h)
			if err != nil || n < 0 {
				return fail(curLine+i, "HEAD %q is not a word number", h)
			}
			if n > len(cur.Words) {
				return fail(curLine+i, "HEAD %d is past the sentence's %d words", n, len(cur.Words))
			}
			if n == i+1 {
				return fail(curLine+i, "word %d is its own head", n)
			}
			cur.Words[i].Head = n - 1
			if n == 0 {
				roots++
			}
		}
		if roots == 0 {
			return fail(curLine, "sentence %q has no root (HEAD 0)", cur.ID)
		}
		for _, t := range cur.Tokens {
			if t.Last >= len(cur.Words) {
				return fail(curLine, "multi-word token %q reaches past the last word", t.Form)
			}
		}
		cur.Line = curLine
		out = append(out, cur)
		cur, heads, open = UDSentence{}, heads[:0], false
		return nil
	}
	var cols [10]string
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			if err := finish(); err != nil {
				return nil, err
			}
			continue
		}
		if line[0] == '#' {
			if open && len(cur.Words) > 0 {
				return nil, fail(lineNo, "comment inside a sentence (a blank line must end the sentence first)")
			}
			open = true
			key, val, _ := strings.Cut(strings.TrimSpace(line[1:]), "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			switch {
			case key == "sent_id":
				cur.ID = val
			case key == "text":
				cur.Text = val
			case strings.HasPrefix(key, "newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(key, "newpar"):
				cur.NewPar = true
			}
			continue
		}
		n := 0
		for rest := line; n < 10; n++ {
			j := strings.IndexByte(rest, '\t')
			if j < 0 {
				cols[n] = rest
				n++
				break
			}
			cols[n], rest = rest[:j], rest[j+1:]
			if n == 9 {
				return nil, fail(lineNo, "more than 10 tab-separated columns")
			}
		}
		if n != 10 {
			return nil, fail(lineNo, "%d tab-separated columns, want 10", n)
		}
		if !open {
			open, curLine = true, lineNo
		}
		if len(cur.Words) == 0 && len(cur.Tokens) == 0 {
			curLine = lineNo
		}
		id := cols[0]
		if strings.IndexByte(id, '.') >= 0 {
			continue // empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || first != len(cur.Words)+1 || last < first {
				return nil, fail(lineNo, "bad multi-word token range %q", id)
			}
			cur.Tokens = append(cur.Tokens, UDToken{First: first - 1, Last: last - 1, Form: cols[1], Misc: cols[9]})
			continue
		}
		k, err := strconv.Atoi(id)
		if err != nil {
			return nil, fail(lineNo, "ID %q is not a number", id)
		}
		if k != len(cur.Words)+1 {
			return nil, fail(lineNo, "word ID %d out of sequence (want %d)", k, len(cur.Words)+1)
		}
		if cols[1] == "" {
			return nil, fail(lineNo, "empty FORM")
		}
		cur.Words = append(cur.Words, UDWord{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5], Deprel: cols[7], Misc: cols[9]})
		heads = append(heads, cols[6])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// CoNLLUWriter writes parsed sentences as CoNLL-U: "# sent_id" (the
// prefix and a running number), "# text", one line per word with
// TokenRange=start:end (byte offsets into the text) and SpaceAfter=No in
// MISC, and clitics joined to their host as multi-word tokens ("don't" =
// do + n't), as UD English writes them.
type CoNLLUWriter struct {
	W      io.Writer
	Prefix string // sent_id prefix; ids are Prefix-1, Prefix-2, ...
	n      int
	buf    []byte
}

// Write writes one sentence of text.
func (cw *CoNLLUWriter) Write(text string, s *Sentence) error {
	cw.n++
	b := cw.buf[:0]
	b = append(b, "# sent_id = "...)
	if cw.Prefix != "" {
		b = append(b, cw.Prefix...)
		b = append(b, '-')
	}
	b = strconv.AppendInt(b, int64(cw.n), 10)
	b = append(b, "\n# text = "...)
	b = appendOneLine(b, s.Text(text))
	b = append(b, '\n')
	ws := s.Words
	for i := 0; i < len(ws); i++ {
		if j := mwtEnd(ws, i); j > i {
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(j+1), 10)
			b = append(b, '\t')
			b = appendField(b, text[ws[i].Start:ws[j].End])
			b = append(b, "\t_\t_\t_\t_\t_\t_\t_\t"...)
			b = appendRange(b, ws[i].Start, ws[j].End, j+1 < len(ws) && ws[j+1].Start == ws[j].End)
			b = append(b, '\n')
			for k := i; k <= j; k++ {
				b = appendWord(b, ws, k, false, false)
			}
			i = j
			continue
		}
		b = appendWord(b, ws, i, true, i+1 < len(ws) && ws[i+1].Start == ws[i].End)
	}
	b = append(b, '\n')
	cw.buf = b
	_, err := cw.W.Write(b)
	return err
}

func appendWord(b []byte, ws []Word, i int, misc, noSpace bool) []byte {
	w := &ws[i]
	b = strconv.AppendInt(b, int64(i+1), 10)
	b = append(b, '\t')
	b = appendField(b, w.Form)
	b = append(b, '\t')
	b = appendField(b, w.Lemma)
	b = append(b, '\t')
	b = append(b, w.UPOS.String()...)
	b = append(b, '\t')
	b = append(b, w.XPOS.String()...)
	b = append(b, "\t_\t"...)
	b = strconv.AppendInt(b, int64(w.Head+1), 10)
	b = append(b, '\t')
	b = append(b, w.Rel.String()...)
	b = append(b, "\t_\t"...)
	if misc {
		b = appendRange(b, w.Start, w.End, noSpace)
	} else {
		b = append(b, '_')
	}
	return append(b, '\n')
}

func appendRange(b []byte, start, end int, noSpace bool) []byte {
	if noSpace {
		b = append(b, "SpaceAfter=No|"...)
	}
	b = append(b, "TokenRange="...)
	b = strconv.AppendInt(b, int64(start), 10)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(end), 10)
}

// appendField writes a FORM or LEMMA: CoNLL-U fields hold no tabs or
// newlines, and an empty one would read as missing.
func appendField(b []byte, s string) []byte {
	if s == "" {
		return append(b, '_')
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\r':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendOneLine writes text with its line breaks as spaces.
func appendOneLine(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n', '\r', '\t':
			if len(b) > 0 && b[len(b)-1] != ' ' {
				b = append(b, ' ')
			}
		default:
			b = append(b, c)
		}
	}
	return b
}

// mwtEnd returns the last word of the multi-word token starting at word i,
// or i: a clitic glued to the word before it ("do|n't", "Bush|'s",
// "I|'m") is written with its host, as UD English does.
func mwtEnd(ws []Word, i int) int {
	j := i
	for j+1 < len(ws) && ws[j+1].Start == ws[j].End && isWordy(ws[j].Form) &&
		(isClitic(ws[j+1].Form) || strings.EqualFold(ws[j].Form, "can") && strings.EqualFold(ws[j+1].Form, "not")) {
		j++
	}
	return j
}

// isClitic reports the contractions UD English splits from their host.
func isClitic(f string) bool {
	if strings.HasPrefix(f, "\u2019") { // the curly apostrophe
		f = "'" + f[3:]
	}
	switch strings.ToLower(f) {
	case "'s", "n't", "'re", "'m", "'ve", "'ll", "'d":
		return true
	}
	return false
}

func isWordy(f string) bool {
	if f == "" {
		return false
	}
	c := f[len(f)-1]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
}
