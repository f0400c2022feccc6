package feedlist

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of one token of a feeds list.
type tokKind uint8

const (
	tEOF     tokKind = iota
	tNewline         // end of a line
	tWord            // a bare word: a URL, an option name or an unquoted value
	tEquals          // '=' between an option name and its value
	tString          // a double-quoted value, unescaped
)

func (k tokKind) String() string {
	switch k {
	case tEOF:
		return "end of file"
	case tNewline:
		return "end of line"
	case tWord:
		return "word"
	case tEquals:
		return "'='"
	case tString:
		return "quoted string"
	}
	return "token"
}

// token is one lexeme with the position of its first byte.
type token struct {
	kind tokKind
	text string
	pos  Pos
}

// lexer splits a feeds list into tokens. Comments run from a '#' that
// starts a token to the end of the line, so URL fragments ("/#top") stay
// part of their word.
type lexer struct {
	file string
	src  string
	off  int
	line int
	col  int // 1-based column of src[off], counted in runes
	// first is set until a line's first token: that token is a URL and
	// runs to the next space, '=' and '"' included (query strings).
	first bool
}

func newLexer(file, src string) *lexer {
	return &lexer{file: file, src: src, line: 1, col: 1, first: true}
}

func (l *lexer) pos() Pos { return Pos{File: l.file, Line: l.line, Col: l.col} }

func (l *lexer) errorf(p Pos, format string, args ...any) error {
	return &SyntaxError{Pos: p, Msg: fmt.Sprintf(format, args...)}
}

// advance moves past n bytes of the current line (no newlines).
func (l *lexer) advance(n int) {
	l.col += utf8.RuneCountInString(l.src[l.off : l.off+n])
	l.off += n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// isWordByte reports bytes that may appear in a bare word.
func isWordByte(c byte) bool {
	return !isSpace(c) && c != '\n' && c != '=' && c != '"'
}

// next returns the next token.
func (l *lexer) next() (token, error) {
	for l.off < len(l.src) {
		c := l.src[l.off]
		switch {
		case isSpace(c):
			l.advance(1)
		case c == '#':
			end := strings.IndexByte(l.src[l.off:], '\n')
			if end < 0 {
				end = len(l.src) - l.off
			}
			l.advance(end)
		case c == '\n':
			p := l.pos()
			l.off++
			l.line++
			l.col = 1
			l.first = true
			return token{tNewline, "\n", p}, nil
		case l.first:
			l.first = false
			p := l.pos()
			j := l.off
			for j < len(l.src) && !isSpace(l.src[j]) && l.src[j] != '\n' {
				j++
			}
			return l.word(p, j)
		case c == '=':
			p := l.pos()
			l.advance(1)
			return token{tEquals, "=", p}, nil
		case c == '"':
			return l.quoted()
		default:
			p := l.pos()
			j := l.off
			for j < len(l.src) && isWordByte(l.src[j]) {
				j++
			}
			return l.word(p, j)
		}
	}
	return token{tEOF, "", l.pos()}, nil
}

// word returns src[off:end] as a word token.
func (l *lexer) word(p Pos, end int) (token, error) {
	w := l.src[l.off:end]
	l.advance(end - l.off)
	if !utf8.ValidString(w) {
		return token{}, l.errorf(p, "invalid UTF-8 in %q", w)
	}
	return token{tWord, w, p}, nil
}

// quoted lexes a double-quoted string with \" and \\ escapes.
func (l *lexer) quoted() (token, error) {
	p := l.pos()
	var b strings.Builder
	j := l.off + 1
	for {
		if j >= len(l.src) || l.src[j] == '\n' {
			return token{}, l.errorf(p, "unterminated quoted string")
		}
		c := l.src[j]
		if c == '"' {
			j++
			break
		}
		if c == '\\' {
			if j+1 >= len(l.src) || (l.src[j+1] != '"' && l.src[j+1] != '\\') {
				q := l.pos()
				q.Col += utf8.RuneCountInString(l.src[l.off:j])
				return token{}, l.errorf(q, `unknown escape in quoted string (only \" and \\)`)
			}
			b.WriteByte(l.src[j+1])
			j += 2
			continue
		}
		b.WriteByte(c)
		j++
	}
	s := b.String()
	if !utf8.ValidString(s) {
		return token{}, l.errorf(p, "invalid UTF-8 in quoted string")
	}
	l.advance(j - l.off)
	return token{tString, s, p}, nil
}
