package fetch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/egret-events/egret"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

// Feed is a parsed feed or news sitemap.
type Feed struct {
	Format   string // "rss", "atom", "json" or "sitemap"
	Title    string
	Language string
	Items    []Item
	// Problems says which entries were left out or misread and why (no
	// link, a link that is not http(s), a bad date), so nothing is lost
	// silently.
	Problems []string
}

// Item is one entry of a feed: an article to fetch, with what the feed
// itself says about it.
type Item struct {
	Link      string // absolute URL of the article
	GUID      string
	Title     string
	Author    string
	Summary   string // the feed's description (may be HTML)
	Content   string // the feed's full content (content:encoded, Atom content, JSON content_html/text), may be HTML
	Published time.Time
	Updated   time.Time
	Language  string
}

// ParseFeed reads a feed body fetched from feedURL. kind is
// egret.FeedAuto (sniff), egret.FeedKindRSS (RSS 2.0, RSS 1.0, Atom or
// JSON Feed, by gofeed) or egret.FeedSitemap (a news sitemap). Relative
// links are resolved against feedURL. A body that is none of these is an
// *Error of kind ErrFormat naming the URL.
func ParseFeed(body []byte, feedURL, kind string) (*Feed, error) {
	base, err := url.Parse(feedURL)
	if err != nil {
		return nil, &Error{URL: feedURL, Kind: ErrURL, Err: err}
	}
	root := rootElement(body)
	if kind == egret.FeedSitemap || (kind == egret.FeedAuto && (root == "urlset" || root == "sitemapindex")) {
		f, err := parseSitemap(body, base)
		if err != nil {
			return nil, &Error{URL: feedURL, Kind: ErrFormat, Err: err}
		}
		return f, nil
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			err = fmt.Errorf("not RSS, Atom, JSON Feed or a news sitemap")
		}
		return nil, &Error{URL: feedURL, Kind: ErrFormat, Err: err}
	}
	// gofeed reads what it can of a truncated or malformed XML feed
	// without an error; a feed whose XML does not end well is broken,
	// and reporting it beats silently dropping the entries after the
	// break.
	if gf.FeedType != "json" {
		if err := checkXML(body); err != nil {
			return nil, &Error{URL: feedURL, Kind: ErrFormat, Err: err}
		}
	}
	f := &Feed{Format: gf.FeedType, Title: strings.TrimSpace(gf.Title), Language: gf.Language}
	for i, it := range gf.Items {
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if link == "" && strings.HasPrefix(it.GUID, "http") {
			link = it.GUID
		}
		abs, err := resolve(base, link)
		if err != nil {
			f.Problems = append(f.Problems, fmt.Sprintf("entry %d (%q): %v", i+1, it.Title, err))
			continue
		}
		item := Item{Link: abs, GUID: it.GUID, Title: strings.TrimSpace(it.Title), Summary: it.Description, Content: it.Content, Language: gf.Language}
		if it.PublishedParsed != nil {
			item.Published = it.PublishedParsed.UTC()
		}
		if it.UpdatedParsed != nil {
			item.Updated = it.UpdatedParsed.UTC()
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			item.Author = it.Authors[0].Name
		} else if it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
			item.Author = it.DublinCoreExt.Creator[0]
		}
		f.Items = append(f.Items, item)
	}
	return f, nil
}

// resolve makes a feed link absolute and checks it is http(s).
func resolve(base *url.URL, link string) (string, error) {
	link = strings.TrimSpace(link)
	if link == "" {
		return "", errors.New("no link")
	}
	u, err := base.Parse(link)
	if err != nil {
		return "", fmt.Errorf("link %q: %v", link, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("link %q is not an http or https URL", link)
	}
	return u.String(), nil
}

// rootElement returns the local name of the first XML element, "" if the
// body does not start as XML.
func rootElement(body []byte) string {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	for i := 0; i < 64; i++ {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
	return ""
}

// checkXML reads the whole document and reports where its structure
// breaks (truncation, mismatched tags). The common slips of real feeds
// (HTML entities, a bare '&') pass, as gofeed reads them.
func checkXML(body []byte) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Entity = xml.HTMLEntity
	d.Strict = false
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if depth != 0 {
				return fmt.Errorf("XML ends inside an element (line %d)", lineOf(d))
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("broken XML: %v", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

func lineOf(d *xml.Decoder) int {
	line, _ := d.InputPos()
	return line
}
