// Package feedlist reads and writes feeds lists (feeds.txt): one feed URL a line with its options, and # comments.
package feedlist

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/egret-events/egret"
)

// The language, one feed a line:
//
//	# comment to the end of the line
//	https://example.org/rss.xml outlet="Example Times" every=15m lang=en
//	https://example.org/news-sitemap.xml kind=sitemap
//
// Options are name=value; a value with spaces, '#', '=' or '"' is
// double-quoted, with \" and \\ as its only escapes.

// Limits on options, so a typo cannot hammer a site or starve a feed.
const (
	MinEvery = time.Minute
	MaxEvery = 7 * 24 * time.Hour
	// maxErrors bounds the errors one Parse reports.
	maxErrors = 20
)

// Pos is a place in a feeds list; Col counts runes from 1.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// SyntaxError is one problem in a feeds list, at a position.
type SyntaxError struct {
	Pos Pos
	Msg string
}

func (e *SyntaxError) Error() string { return e.Pos.String() + ": " + e.Msg }

// Feed is one feed of a list, with where it was written.
type Feed struct {
	egret.FeedSpec
	Pos Pos
}

// String writes the feed as one canonical line: parsing it gives the
// same spec.
func (f Feed) String() string {
	var b strings.Builder
	b.WriteString(f.URL)
	if f.Outlet != "" {
		b.WriteString(" outlet=")
		b.WriteString(quote(f.Outlet))
	}
	if f.Every != 0 {
		b.WriteString(" every=")
		b.WriteString(formatDuration(f.Every))
	}
	if f.Lang != "" {
		b.WriteString(" lang=")
		b.WriteString(f.Lang)
	}
	if f.Kind != "" {
		b.WriteString(" kind=")
		b.WriteString(f.Kind)
	}
	return b.String()
}

// File is a parsed feeds list.
type File struct {
	Name  string
	Feeds []Feed
}

// String writes the list in canonical form, one feed a line; comments
// and blank lines are not kept.
func (f *File) String() string {
	var b strings.Builder
	for _, fd := range f.Feeds {
		b.WriteString(fd.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Specs returns the feeds' specs in list order.
func (f *File) Specs() []egret.FeedSpec {
	out := make([]egret.FeedSpec, len(f.Feeds))
	for i, fd := range f.Feeds {
		out[i] = fd.FeedSpec
	}
	return out
}

// ReadFile parses the feeds list at path.
func ReadFile(path string) (*File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "feeds list: %v", err)
	}
	return Parse(path, src)
}

// Parse parses a feeds list. name is used in error positions. Every
// problem found (up to a limit) is reported, one a line, each as
// file:line:col: message, in an *egret.Error with code EINVALID.
func Parse(name string, src []byte) (*File, error) {
	p := &parser{lex: newLexer(name, string(src)), file: &File{Name: name}, seen: map[string]Pos{}}
	p.parse()
	if len(p.errs) > 0 {
		msgs := make([]string, len(p.errs))
		for i, e := range p.errs {
			msgs[i] = e.Error()
		}
		return nil, &egret.Error{Code: egret.EINVALID, Message: strings.Join(msgs, "\n")}
	}
	return p.file, nil
}

type parser struct {
	lex  *lexer
	file *File
	errs []error
	seen map[string]Pos // feed URL → where first listed
	tok  token
	// lineFailed is set after a lexing error until the end of its line,
	// so the tokens it cut short raise no second error.
	lineFailed bool
}

func (p *parser) fail(err error) {
	if !p.lineFailed && len(p.errs) < maxErrors {
		p.errs = append(p.errs, err)
	}
}

func (p *parser) errorf(pos Pos, format string, args ...any) {
	p.fail(&SyntaxError{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// advance reads the next token into p.tok; a lexing error is reported
// and the rest of the line skipped.
func (p *parser) advance() {
	for {
		t, err := p.lex.next()
		if err == nil {
			p.tok = t
			return
		}
		p.fail(err)
		p.lineFailed = true
		p.skipLine()
	}
}

// skipLine drops the rest of the current line of source.
func (p *parser) skipLine() {
	l := p.lex
	end := strings.IndexByte(l.src[l.off:], '\n')
	if end < 0 {
		end = len(l.src) - l.off
	}
	l.advance(end)
}

// recover skips tokens to the end of the line after an error.
func (p *parser) recover() {
	for p.tok.kind != tNewline && p.tok.kind != tEOF {
		p.advance()
	}
}

func (p *parser) parse() {
	p.advance()
	for p.tok.kind != tEOF {
		switch p.tok.kind {
		case tNewline:
			p.lineFailed = false
			p.advance()
		case tWord:
			p.line()
		default:
			p.errorf(p.tok.pos, "expected a feed URL, found %s", p.tok.kind)
			p.recover()
		}
		if len(p.errs) >= maxErrors {
			return
		}
	}
}

// line parses one feed: URL then options, up to the end of the line.
func (p *parser) line() {
	f := Feed{Pos: p.tok.pos}
	u, err := checkURL(p.tok.text)
	if err != nil {
		p.errorf(p.tok.pos, "%v", err)
		p.recover()
		return
	}
	f.URL = u
	p.advance()
	set := map[string]bool{}
	for p.tok.kind != tNewline && p.tok.kind != tEOF {
		if p.tok.kind != tWord {
			p.errorf(p.tok.pos, "expected an option name=value, found %s", p.tok.kind)
			p.recover()
			return
		}
		name, npos := p.tok.text, p.tok.pos
		p.advance()
		if p.tok.kind != tEquals {
			p.errorf(npos, "option %q needs a value (%s=...)", name, name)
			p.recover()
			return
		}
		p.advance()
		if p.tok.kind != tWord && p.tok.kind != tString {
			p.errorf(p.tok.pos, "option %q: expected a value, found %s", name, p.tok.kind)
			p.recover()
			return
		}
		val, vpos := p.tok.text, p.tok.pos
		p.advance()
		if !knownOption(name) {
			p.errorf(npos, "unknown option %q (want outlet, every, lang or kind)", name)
			continue
		}
		if set[name] {
			p.errorf(npos, "option %q given twice", name)
			continue
		}
		set[name] = true
		if err := setOption(&f.FeedSpec, name, val); err != nil {
			p.errorf(vpos, "%v", err)
		}
	}
	if first, dup := p.seen[f.URL]; dup {
		p.errorf(f.Pos, "feed %s listed twice (first at line %d)", f.URL, first.Line)
		return
	}
	p.seen[f.URL] = f.Pos
	p.file.Feeds = append(p.file.Feeds, f)
}

// checkURL accepts absolute http and https URLs with a host.
func checkURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL: %v", s, errors.Unwrap(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%q is not an http or https URL", s)
	}
	if u.Host == "" || u.Hostname() == "" {
		return "", fmt.Errorf("%q has no host", s)
	}
	return s, nil
}

func setOption(f *egret.FeedSpec, name, val string) error {
	switch name {
	case "outlet":
		if strings.TrimSpace(val) == "" {
			return fmt.Errorf("outlet: empty name")
		}
		for _, r := range val {
			if unicode.IsControl(r) && r != '\t' {
				return fmt.Errorf("outlet: control character %U in %q", r, val)
			}
		}
		f.Outlet = val
	case "every":
		d, err := time.ParseDuration(val)
		if err != nil {
			return fmt.Errorf("every: %q is not a duration (like 90s, 15m or 2h)", val)
		}
		if d < MinEvery || d > MaxEvery {
			return fmt.Errorf("every: %s is outside %s to %s", val, formatDuration(MinEvery), formatDuration(MaxEvery))
		}
		f.Every = d
	case "lang":
		if !isLang(val) {
			return fmt.Errorf("lang: %q is not a two- or three-letter ISO 639 code", val)
		}
		f.Lang = strings.ToLower(val)
	case "kind":
		switch val {
		case "feed":
			f.Kind = egret.FeedKindRSS
		case "sitemap":
			f.Kind = egret.FeedSitemap
		default:
			return fmt.Errorf("kind: %q is not feed or sitemap", val)
		}
	}
	return nil
}

func knownOption(name string) bool {
	return name == "outlet" || name == "every" || name == "lang" || name == "kind"
}

func isLang(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// quote writes a value bare when it lexes back as one word, else quoted.
func quote(s string) string {
	bare := s != ""
	for i := 0; i < len(s) && bare; i++ {
		if !isWordByte(s[i]) || s[i] == '#' {
			bare = false
		}
	}
	if bare {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// formatDuration writes d without the zero units time.Duration.String
// adds ("15m", not "15m0s").
func formatDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	case d%time.Minute == 0:
		return strconv.FormatInt(int64(d/time.Minute), 10) + "m"
	case d%time.Second == 0:
		return strconv.FormatInt(int64(d/time.Second), 10) + "s"
	}
	return d.String()
}
