package extract

import (
	"regexp"
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"golang.org/x/net/html"
)

// Dates written only in a page's visible text ("Published on Friday, 14
// March 2025 at 20:30 GMT", "Updated 3 hours ago"), which trafilatura's
// metadata and htmldate's fast mode miss, are read by dateparser from the
// elements that hold dates on news pages.

// dateHint matches the class, id or itemprop of an element likely to
// hold the publication date.
var dateHint = regexp.MustCompile(`(?i)date|time|publish|posted|byline|meta|dateline|timestamp`)

// yearOrRelative keeps matches that name a year or a relative day, so a
// bare "20:30" is not taken for today.
var yearOrRelative = regexp.MustCompile(`(?i)\b(1[89]|20)\d\d\b|\bago\b|\byesterday\b|\btoday\b`)

// maxCandidateLen bounds the text of a candidate element: a date line,
// not a paragraph.
const maxCandidateLen = 200

// dateFromText looks for a publication date in the page's date-like
// elements, in document order.
func (e *Extractor) dateFromText(doc *html.Node) (time.Time, bool) {
	var cands []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "nav", "footer":
				return
			}
			hinted := n.Data == "time"
			for _, at := range n.Attr {
				if (at.Key == "class" || at.Key == "id" || at.Key == "itemprop") && dateHint.MatchString(at.Val) {
					hinted = true
				}
			}
			if hinted {
				if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" && len(t) <= maxCandidateLen {
					cands = append(cands, t)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	now := e.opt.Now().UTC()
	cfg := &dps.Configuration{Languages: e.opt.Languages, CurrentTime: now, DefaultTimezone: time.UTC,
		ReturnTimeAsPeriod: true}
	for _, c := range cands {
		_, found, err := dps.Search(cfg, c)
		if err != nil {
			continue
		}
		for _, f := range found {
			t := f.Date.Time
			if t.IsZero() || t.After(now.Add(24*time.Hour)) || !yearOrRelative.MatchString(f.Text) {
				continue
			}
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
