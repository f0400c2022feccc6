// Package extract turns a fetched article page into a document's text and metadata: main text, title, author, date, canonical URL and language, with charset conversion and the feed's own text as the fallback.
package extract

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/egret-events/egret/fetch"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Skip reasons: why an article is recorded but not stored.
const (
	ReasonTooShort = "too_short" // fewer than MinWords words of text, from the page or the feed
	ReasonLanguage = "language"  // not in a language egret codes
	ReasonNotHTML  = "not_html"  // the page is not HTML and the feed has no text
)

// SkipError says an article was read but is not worth storing.
type SkipError struct {
	Reason string // ReasonTooShort, ReasonLanguage or ReasonNotHTML
	Detail string
}

func (e *SkipError) Error() string { return e.Reason + ": " + e.Detail }

// Options configure an Extractor; zero fields take the defaults.
type Options struct {
	MinWords  int      // shortest text kept [80]
	Languages []string // ISO 639-1 codes egret codes [en]
	// Now is the reference for relative dates ("2 hours ago") [time.Now].
	Now func() time.Time
	// NoFallback skips trafilatura's second opinions (readability and
	// DOM distiller): about twice as fast, less robust on odd layouts.
	NoFallback bool
}

// Extractor extracts articles. It is safe for concurrent use.
type Extractor struct {
	opt   Options
	langs map[string]bool
}

// New returns an extractor with options o.
func New(o Options) *Extractor {
	if o.MinWords <= 0 {
		o.MinWords = 80
	}
	if len(o.Languages) == 0 {
		o.Languages = []string{"en"}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	e := &Extractor{opt: o, langs: map[string]bool{}}
	for _, l := range o.Languages {
		e.langs[strings.ToLower(l)] = true
	}
	return e
}

// Page is a fetched article and what its feed said about it.
type Page struct {
	URL         string      // the URL fetched (after redirects)
	Body        []byte      // nil when the page could not be fetched: the feed's text is all there is
	ContentType string      // the Content-Type header
	Item        *fetch.Item // the feed entry, for fallbacks; may be nil
	Lang        string      // the language the feeds list expects ("" none)
}

// Text sources and date sources of an Article.
const (
	FromHTML = "html" // the page
	FromText = "text" // a date written in the page's visible text, read by dateparser
	FromFeed = "feed" // the feed entry
)

// Article is what extraction found.
type Article struct {
	Title      string
	Author     string
	Text       string // main text, paragraphs separated by blank lines
	URL        string // canonical URL: the page's own on the same site, else the URL fetched
	Lang       string // ISO 639-1
	Published  time.Time
	Words      int
	TextFrom   string // FromHTML or FromFeed
	DateFrom   string // FromHTML, FromText, FromFeed, or "" (undated)
	Charset    string // the page's charset as decoded ("" for no page)
	Confidence float64
}

// Extract reads an article from p. An article too short or in another
// language is a *SkipError; the page's own text is preferred and the
// feed's full text used when the page gives less.
func (e *Extractor) Extract(p Page) (*Article, error) {
	a := &Article{URL: p.URL}
	var pageText string
	var doc *html.Node
	if p.Body != nil {
		if !isHTML(p.ContentType, p.Body) {
			if p.Item == nil || wordCount(htmlText(p.Item.Content)) < e.opt.MinWords {
				return nil, &SkipError{ReasonNotHTML, fmt.Sprintf("%s is %s, not HTML", p.URL, p.ContentType)}
			}
		} else {
			utf8, cs, err := decode(p.Body, p.ContentType)
			if err != nil {
				return nil, fmt.Errorf("extract %s: %v", p.URL, err)
			}
			a.Charset = cs
			doc, err = html.Parse(bytes.NewReader(utf8))
			if err != nil {
				return nil, fmt.Errorf("extract %s: %v", p.URL, err)
			}
			pageText = e.fromHTML(doc, p, a)
		}
	}
	a.Text, a.TextFrom = pageText, FromHTML
	if p.Item != nil {
		if ft := htmlText(p.Item.Content); wordCount(ft) > wordCount(pageText) && wordCount(ft) >= e.opt.MinWords {
			a.Text, a.TextFrom = ft, FromFeed
		}
		if a.Title == "" {
			a.Title = p.Item.Title
		}
		if a.Author == "" {
			a.Author = p.Item.Author
		}
	}
	// A date without a time of day (midnight) is refined by a date and
	// time the page writes for the same day.
	if doc != nil && (a.Published.IsZero() || a.Published.Equal(a.Published.Truncate(24*time.Hour))) {
		if t, ok := e.dateFromText(doc); ok && (a.Published.IsZero() || t.Truncate(24*time.Hour).Equal(a.Published)) {
			a.Published, a.DateFrom = t, FromText
		}
	}
	if a.Published.IsZero() && p.Item != nil && !p.Item.Published.IsZero() {
		a.Published, a.DateFrom = p.Item.Published, FromFeed
	}
	a.Words = wordCount(a.Text)
	if a.Words < e.opt.MinWords {
		return nil, &SkipError{ReasonTooShort, fmt.Sprintf("%d words, fewer than %d", a.Words, e.opt.MinWords)}
	}
	a.Lang, a.Confidence = e.language(a.Text, p)
	if !e.langs[a.Lang] {
		return nil, &SkipError{ReasonLanguage, fmt.Sprintf("written in %q, egret codes %s", a.Lang, strings.Join(e.opt.Languages, ", "))}
	}
	return a, nil
}

// fromHTML runs trafilatura on the page and fills the metadata it finds.
func (e *Extractor) fromHTML(doc *html.Node, p Page, a *Article) string {
	base, _ := url.Parse(p.URL)
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     base,
		EnableFallback:  !e.opt.NoFallback,
		ExcludeComments: true,
		Deduplicate:     true,
		// htmldate's fast mode with times: dateparser only runs where it
		// finds nothing, or only a day (dateFromText).
		HtmlDateOptions: &htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true, ExtractTime: true, URL: p.URL},
	})
	if err != nil || res == nil {
		return ""
	}
	m := res.Metadata
	a.Title = strings.TrimSpace(m.Title)
	a.Author = strings.TrimSpace(m.Author)
	if !m.Date.IsZero() {
		a.Published, a.DateFrom = m.Date.UTC(), FromHTML
	}
	if c := canonical(base, m.URL); c != "" {
		a.URL = c
	}
	return tidy(res.ContentText)
}

// canonical returns the page's declared canonical URL if it is an
// http(s) URL on the same site as the page; a page cannot claim another
// site's URL (and with it, another document).
func canonical(base *url.URL, declared string) string {
	if base == nil || strings.TrimSpace(declared) == "" {
		return ""
	}
	u, err := base.Parse(strings.TrimSpace(declared))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	site := func(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }
	if site(u.Host) != site(base.Host) {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// language names the text's language: detected from the text when the
// detector is sure, else the page's declared language, else the feeds
// list's.
func (e *Extractor) language(text string, p Page) (string, float64) {
	// The first 2,000 bytes decide as surely as the whole text, faster.
	if len(text) > 2000 {
		cut := 2000
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if info.IsReliable() {
		if code := info.Lang.Iso6391(); code != "" {
			return code, info.Confidence
		}
	}
	if p.Lang != "" {
		return strings.ToLower(p.Lang), 0
	}
	if p.Item != nil && p.Item.Language != "" {
		return strings.ToLower(p.Item.Language[:min(2, len(p.Item.Language))]), 0
	}
	return e.opt.Languages[0], 0
}

// isHTML reports an HTML page by its Content-Type, or by sniffing when
// the header is absent or generic.
func isHTML(ctype string, body []byte) bool {
	mt, _, _ := mime.ParseMediaType(ctype)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "application/octet-stream", "text/plain":
		head := bytes.ToLower(body[:min(len(body), 512)])
		return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
	}
	return false
}

// decode converts the page to UTF-8: the charset named in Content-Type,
// else a byte order mark, else a <meta> charset, else UTF-8 if the bytes
// are valid UTF-8 and windows-1252 if not (the WHATWG rules, which also
// read ISO-8859-1 as its superset windows-1252).
func decode(body []byte, ctype string) ([]byte, string, error) {
	enc, name, _ := charset.DetermineEncoding(body, ctype)
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return nil, "", fmt.Errorf("charset %s: %v", name, err)
	}
	return out, name, nil
}

// tidy trims lines and collapses runs of blank lines, so paragraphs are
// separated by exactly one blank line.
func tidy(s string) string {
	var paras []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

// htmlText returns the text of an HTML fragment (a feed's content), one
// paragraph per block element.
func htmlText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidy(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteByte('\n')
			}
		}
	}
}

func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
