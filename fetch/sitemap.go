package fetch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// News sitemaps (https://www.sitemaps.org/protocol.html with Google's
// news: extension): a <urlset> of <url> entries, each a <loc> and
// optionally <lastmod> and <news:news> with the publication's name and
// language, the publication date and the title. Elements are matched by
// local name, whatever prefix the namespace got.

type smURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	URLs    []smURL  `xml:"url"`
}

type smURL struct {
	Loc     string  `xml:"loc"`
	LastMod string  `xml:"lastmod"`
	News    *smNews `xml:"news"`
}

type smNews struct {
	Publication struct {
		Name     string `xml:"name"`
		Language string `xml:"language"`
	} `xml:"publication"`
	PublicationDate string `xml:"publication_date"`
	Title           string `xml:"title"`
	Keywords        string `xml:"keywords"`
}

// parseSitemap reads a news sitemap. A sitemap index is refused with a
// message saying what to list instead.
func parseSitemap(body []byte, base *url.URL) (*Feed, error) {
	if rootElement(body) == "sitemapindex" {
		return nil, errors.New("a sitemap index, not a sitemap: list its news sitemaps in the feeds file")
	}
	var set smURLSet
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&set); err != nil {
		return nil, fmt.Errorf("sitemap: %v", err)
	}
	f := &Feed{Format: "sitemap"}
	for i, u := range set.URLs {
		abs, err := resolve(base, u.Loc)
		if err != nil {
			f.Problems = append(f.Problems, fmt.Sprintf("url %d: %v", i+1, err))
			continue
		}
		it := Item{Link: abs, GUID: abs}
		if t, ok := parseW3CDate(u.LastMod); ok {
			it.Updated = t
		}
		if n := u.News; n != nil {
			it.Title = strings.TrimSpace(n.Title)
			it.Language = strings.TrimSpace(n.Publication.Language)
			if f.Title == "" {
				f.Title = strings.TrimSpace(n.Publication.Name)
			}
			if f.Language == "" {
				f.Language = it.Language
			}
			if t, ok := parseW3CDate(n.PublicationDate); ok {
				it.Published = t
			} else if n.PublicationDate != "" {
				f.Problems = append(f.Problems, fmt.Sprintf("url %d: publication_date %q is not a W3C date (kept the entry, undated)", i+1, n.PublicationDate))
			}
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// parseW3CDate reads the W3C datetime profile of ISO 8601 that sitemaps
// use: a date, or a date and time (minutes or seconds, fractions
// allowed) with Z or an offset.
func parseW3CDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
