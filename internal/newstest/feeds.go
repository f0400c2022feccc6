package newstest

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"time"
)

// entry is one feed entry as rendered.
type entry struct {
	Link, GUID, Title, Author, Summary, Content string
	Published, Updated                          time.Time
}

// feedInfo is the channel a feed describes.
type feedInfo struct {
	Title, Home, Self, Lang, Encoding string
	Updated                           time.Time
}

func xesc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlDecl(enc string) string {
	if enc == "" {
		enc = "UTF-8"
	}
	return fmt.Sprintf("<?xml version=\"1.0\" encoding=%q?>\n", enc)
}

// paragraphsHTML renders paragraphs as the HTML a feed carries in
// content:encoded.
func paragraphsHTML(ps []string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	return b.String()
}

func renderRSS2(f feedInfo, es []entry) string {
	var b strings.Builder
	b.WriteString(xmlDecl(f.Encoding))
	b.WriteString(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">` + "\n<channel>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<link>%s</link>\n<atom:link href=\"%s\" rel=\"self\" type=\"application/rss+xml\"/>\n<description>Latest news from %s</description>\n<language>%s</language>\n<lastBuildDate>%s</lastBuildDate>\n",
		xesc(f.Title), xesc(f.Home), xesc(f.Self), xesc(f.Title), f.Lang, f.Updated.Format(time.RFC1123Z))
	for _, e := range es {
		fmt.Fprintf(&b, "<item>\n<title>%s</title>\n<link>%s</link>\n<guid isPermaLink=\"false\">%s</guid>\n<pubDate>%s</pubDate>\n<dc:creator>%s</dc:creator>\n<description>%s</description>\n",
			xesc(e.Title), xesc(e.Link), xesc(e.GUID), e.Published.Format(time.RFC1123Z), xesc(e.Author), xesc(e.Summary))
		if e.Content != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", e.Content)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func renderRDF(f feedInfo, es []entry) string {
	var b strings.Builder
	b.WriteString(xmlDecl(f.Encoding))
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	fmt.Fprintf(&b, "<channel rdf:about=\"%s\">\n<title>%s</title>\n<link>%s</link>\n<description>Latest news from %s</description>\n<dc:language>%s</dc:language>\n<items><rdf:Seq>\n",
		xesc(f.Self), xesc(f.Title), xesc(f.Home), xesc(f.Title), f.Lang)
	for _, e := range es {
		fmt.Fprintf(&b, "<rdf:li rdf:resource=\"%s\"/>\n", xesc(e.Link))
	}
	b.WriteString("</rdf:Seq></items>\n</channel>\n")
	for _, e := range es {
		fmt.Fprintf(&b, "<item rdf:about=\"%s\">\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n<dc:date>%s</dc:date>\n<dc:creator>%s</dc:creator>\n</item>\n",
			xesc(e.Link), xesc(e.Title), xesc(e.Link), xesc(e.Summary), e.Published.Format(time.RFC3339), xesc(e.Author))
	}
	b.WriteString("</rdf:RDF>\n")
	return b.String()
}

func renderAtom(f feedInfo, es []entry) string {
	var b strings.Builder
	b.WriteString(xmlDecl(f.Encoding))
	fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n<title>%s</title>\n<id>%s</id>\n<link rel=\"self\" href=\"%s\"/>\n<link rel=\"alternate\" href=\"%s\"/>\n<updated>%s</updated>\n",
		f.Lang, xesc(f.Title), xesc(f.Self), xesc(f.Self), xesc(f.Home), f.Updated.Format(time.RFC3339))
	for _, e := range es {
		fmt.Fprintf(&b, "<entry>\n<title>%s</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n<id>%s</id>\n<published>%s</published>\n<updated>%s</updated>\n<author><name>%s</name></author>\n<summary type=\"text\">%s</summary>\n</entry>\n",
			xesc(e.Title), xesc(e.Link), xesc(e.GUID), e.Published.Format(time.RFC3339), e.Updated.Format(time.RFC3339), xesc(e.Author), xesc(e.Summary))
	}
	b.WriteString("</feed>\n")
	return b.String()
}

func renderJSONFeed(f feedInfo, es []entry) string {
	type author struct {
		Name string `json:"name"`
	}
	type item struct {
		ID            string   `json:"id"`
		URL           string   `json:"url"`
		Title         string   `json:"title"`
		Summary       string   `json:"summary"`
		DatePublished string   `json:"date_published"`
		DateModified  string   `json:"date_modified"`
		Authors       []author `json:"authors"`
	}
	doc := struct {
		Version  string `json:"version"`
		Title    string `json:"title"`
		Home     string `json:"home_page_url"`
		FeedURL  string `json:"feed_url"`
		Language string `json:"language"`
		Items    []item `json:"items"`
	}{"https://jsonfeed.org/version/1.1", f.Title, f.Home, f.Self, f.Lang, []item{}}
	for _, e := range es {
		doc.Items = append(doc.Items, item{e.GUID, e.Link, e.Title, e.Summary, e.Published.Format(time.RFC3339), e.Updated.Format(time.RFC3339), []author{{e.Author}}})
	}
	out, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		panic(err) // plain strings and slices always marshal
	}
	return string(out) + "\n"
}

func renderSitemap(f feedInfo, es []entry) string {
	var b strings.Builder
	b.WriteString(xmlDecl(f.Encoding))
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">` + "\n")
	for _, e := range es {
		fmt.Fprintf(&b, "<url>\n<loc>%s</loc>\n<lastmod>%s</lastmod>\n<news:news>\n<news:publication><news:name>%s</news:name><news:language>%s</news:language></news:publication>\n<news:publication_date>%s</news:publication_date>\n<news:title>%s</news:title>\n</news:news>\n</url>\n",
			xesc(e.Link), e.Updated.Format(time.RFC3339), xesc(f.Title), f.Lang, e.Published.Format(time.RFC3339), xesc(e.Title))
	}
	b.WriteString("</urlset>\n")
	return b.String()
}
