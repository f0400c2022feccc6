package newstest

import (
	"fmt"
	"html"
	"strings"
	"time"
)

// Article pages as three real sites build them: navigation, a cookie
// banner, share buttons, a photo caption, inline related links, a
// newsletter box, tags, a related-stories list, reader comments,
// analytics scripts and a footer around the story's paragraphs. The
// templates differ the way sites differ: semantic <article> with meta
// tags (Harbor Tribune), div soup with JSON-LD (Northfield Courier),
// and bare markup whose only date is the visible byline (Wirewatch
// Daily).

var sections = []string{"World", "Africa", "Americas", "Asia", "Europe", "Middle East", "Politics", "Business", "Science", "Health", "Opinion", "Video"}

// comments are the readers' remarks every page carries below the story.
var comments = []struct{ who, text string }{
	{"reader_anna", "Thanks for the clear reporting on this. I would like to see a follow-up on what happens next."},
	{"J. Okafor", "Does anyone know where the full statement was published? The quotes here are only part of it."},
	{"mkl1962", "The situation seems to change every day, and it is hard to keep up with who said what."},
}

// pageData is what a template needs for one article page.
type pageData struct {
	Story     Story
	Outlet    string
	Canonical string   // absolute URL for <link rel=canonical> or og:url
	Related   []string // titles of other stories
	Charset   string   // declared in the page (meta); "" is utf-8
	Lang      string   // <html lang>; "" is en
}

func esc(s string) string { return html.EscapeString(s) }

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() > 60 {
			break
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func writeNav(b *strings.Builder, class string) {
	fmt.Fprintf(b, "<nav class=%q><ul>", class)
	for _, s := range sections {
		fmt.Fprintf(b, `<li><a href="/%s">%s</a></li>`, slug(s), esc(s))
	}
	b.WriteString("</ul></nav>\n")
}

func writeComments(b *strings.Builder, open, close string) {
	fmt.Fprintf(b, "%s<h2>Comments (%d)</h2>\n", open, len(comments))
	for i, c := range comments {
		fmt.Fprintf(b, `<div class="comment" id="c%d"><p class="comment-author">%s</p><p class="comment-text">%s</p><a href="#reply">Reply</a></div>`+"\n", i+1, esc(c.who), esc(c.text))
	}
	b.WriteString(close + "\n")
}

func charsetOf(p pageData) string {
	if p.Charset == "" {
		return "utf-8"
	}
	return p.Charset
}

func langOf(p pageData) string {
	if p.Lang == "" {
		return "en"
	}
	return p.Lang
}

// pageHarbor is Harbor Tribune's template: semantic HTML5, canonical
// link, Open Graph and article:published_time meta tags.
func pageHarbor(p pageData) string {
	s := p.Story
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=%q><head><meta charset=%q>\n", langOf(p), charsetOf(p))
	fmt.Fprintf(&b, "<title>%s | %s</title>\n<link rel=\"canonical\" href=%q>\n", esc(s.Title), esc(p.Outlet), p.Canonical)
	fmt.Fprintf(&b, "<meta name=\"description\" content=\"%s\">\n<meta property=\"og:title\" content=\"%s\">\n<meta property=\"og:type\" content=\"article\">\n", esc(firstWords(s.Text, 30)), esc(s.Title))
	fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=%q>\n<meta name=\"author\" content=\"%s\">\n", s.Published.Format(time.RFC3339), esc(s.Author))
	b.WriteString("<link rel=\"stylesheet\" href=\"/static/site.css\">\n<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','HT-000');</script>\n</head>\n<body>\n")
	b.WriteString(`<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience and to show you relevant advertising. By continuing to browse you agree to our use of cookies.</p><button>Accept all</button> <button>Manage preferences</button></div>` + "\n")
	fmt.Fprintf(&b, "<header class=\"site-header\"><a class=\"logo\" href=\"/\">%s</a>\n", esc(p.Outlet))
	writeNav(&b, "main-nav")
	b.WriteString(`<form class="search" action="/search"><input name="q" placeholder="Search the Tribune"><button>Search</button></form></header>` + "\n")
	fmt.Fprintf(&b, "<main>\n<nav class=\"breadcrumb\"><a href=\"/\">Home</a> › <a href=\"/%s\">%s</a></nav>\n", slug(s.Section), esc(s.Section))
	fmt.Fprintf(&b, "<article>\n<h1>%s</h1>\n<div class=\"byline\">By <span class=\"author\">%s</span> · <time datetime=%q>%s</time></div>\n",
		esc(s.Title), esc(s.Author), s.Published.Format(time.RFC3339), s.Published.Format("January 2, 2006 3:04 PM"))
	b.WriteString(`<div class="share"><a href="#share-x">Share on X</a> <a href="#share-fb">Facebook</a> <a href="#share-mail">Email</a></div>` + "\n")
	fmt.Fprintf(&b, "<figure><img src=\"/img/%s.jpg\" alt=\"\"><figcaption>File photo. (%s)</figcaption></figure>\n<div class=\"article-body\">\n", s.ID, esc(p.Outlet))
	for i, para := range s.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(para))
		if i == 1 && len(p.Related) > 0 {
			fmt.Fprintf(&b, "<aside class=\"related-inline\"><h4>Related</h4><ul><li><a href=\"/news/%s\">%s</a></li></ul></aside>\n", slug(p.Related[0]), esc(p.Related[0]))
		}
		if i == 4 {
			b.WriteString(`<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our daily newsletter of the stories that matter.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>` + "\n")
		}
	}
	b.WriteString("</div>\n<ul class=\"tags\">")
	for _, k := range s.Keywords {
		fmt.Fprintf(&b, `<li><a href="/tag/%s">%s</a></li>`, slug(k), esc(k))
	}
	fmt.Fprintf(&b, "</ul>\n</article>\n<section class=\"related\"><h2>More from %s</h2><ul>\n", esc(s.Section))
	for _, t := range p.Related {
		fmt.Fprintf(&b, "<li><a href=\"/news/%s\">%s</a></li>\n", slug(t), esc(t))
	}
	b.WriteString("</ul></section>\n")
	writeComments(&b, `<section id="comments" class="comments">`, "</section>")
	fmt.Fprintf(&b, "</main>\n<footer class=\"site-footer\"><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li><li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of use</a></li><li><a href=\"/advertise\">Advertise</a></li></ul><p>© 2025 %s. All rights reserved.</p></footer>\n", esc(p.Outlet))
	fmt.Fprintf(&b, "<script src=\"/static/app.js\"></script><script>trackPageview(%q);</script>\n</body></html>\n", s.ID)
	return b.String()
}

// pageCourier is Northfield Courier's template: nested divs, an ad slot
// between paragraphs, a sidebar, og:url and JSON-LD for the metadata.
func pageCourier(p pageData) string {
	s := p.Story
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n<title>%s - %s</title>\n", charsetOf(p), esc(s.Title), esc(p.Outlet))
	fmt.Fprintf(&b, "<meta property=\"og:url\" content=%q><meta property=\"og:title\" content=\"%s\"><meta property=\"og:site_name\" content=\"%s\">\n", p.Canonical, esc(s.Title), esc(p.Outlet))
	fmt.Fprintf(&b, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%s,"datePublished":%q,"author":{"@type":"Person","name":%s},"publisher":{"@type":"Organization","name":%s}}</script>`+"\n",
		jsonString(s.Title), s.Published.Format(time.RFC3339), jsonString(s.Author), jsonString(p.Outlet))
	b.WriteString("<script src=\"https://ads.example.invalid/tag.js\" async></script>\n</head>\n<body><div id=\"wrapper\">\n<div class=\"topbar\"><a href=\"/subscribe\">Subscribe</a> | <a href=\"/login\">Log in</a> | <a href=\"/epaper\">E-paper</a></div>\n")
	fmt.Fprintf(&b, "<div class=\"masthead\"><a href=\"/\"><img src=\"/logo.png\" alt=\"%s\"></a></div>\n<div class=\"menu\">", esc(p.Outlet))
	for _, sec := range sections {
		fmt.Fprintf(&b, `<span class="menu-item"><a href="/%s/">%s</a></span> `, slug(sec), esc(sec))
	}
	b.WriteString("</div>\n<div class=\"content-wrap\"><div class=\"left-col\">\n<div class=\"story\">\n")
	fmt.Fprintf(&b, "<div class=\"story-headline\"><h1>%s</h1></div>\n<div class=\"story-meta\"><span class=\"by\">%s</span> | <span class=\"when\">%s</span></div>\n<div class=\"story-body\">\n",
		esc(s.Title), esc(s.Author), s.Published.Format("02/01/2006 15:04"))
	for i, para := range s.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(para))
		if i == 2 {
			b.WriteString("<div class=\"ad-slot\"><span>Advertisement</span></div>\n")
		}
	}
	fmt.Fprintf(&b, "</div>\n<div class=\"story-footer\">Copyright 2025 %s. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</div>\n</div>\n", esc(p.Outlet))
	writeComments(&b, `<div class="comments-block">`, "</div>")
	b.WriteString("</div>\n<div class=\"right-col sidebar\"><div class=\"widget\"><h3>Most read</h3><ol>\n")
	for _, t := range p.Related {
		fmt.Fprintf(&b, "<li><a href=\"/story/%s\">%s</a></li>\n", slug(t), esc(t))
	}
	b.WriteString("</ol></div><div class=\"widget\"><h3>Weather</h3><p>Northfield: 12 degrees, light rain</p></div></div></div>\n")
	fmt.Fprintf(&b, "<div class=\"footer\"><a href=\"/about\">About</a> · <a href=\"/jobs\">Jobs</a> · <a href=\"/contact\">Contact</a><br>%s, 1 Mill Street, Northfield</div>\n</div></body></html>\n", esc(p.Outlet))
	return b.String()
}

// pageWirewatch is Wirewatch Daily's template: no canonical link, no
// meta dates, no JSON-LD; the date is only in the visible byline.
func pageWirewatch(p pageData) string {
	s := p.Story
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=%q>\n<head>\n<meta charset=%q>\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>%s</title>\n</head>\n<body>\n", langOf(p), charsetOf(p), esc(s.Title))
	fmt.Fprintf(&b, "<div class=\"header\"><div class=\"brand\">%s</div>\n", esc(p.Outlet))
	writeNav(&b, "nav")
	b.WriteString("</div>\n<div class=\"gdpr\">This site uses cookies. <a href=\"/cookies\">Learn more</a> <a href=\"#ok\">OK</a></div>\n<div class=\"container\">\n")
	fmt.Fprintf(&b, "<h1 class=\"headline\">%s</h1>\n<p class=\"meta\">Written by %s. Published on %s</p>\n<div class=\"text\">\n",
		esc(s.Title), esc(s.Author), s.Published.Format("Monday, 2 January 2006 at 15:04 GMT"))
	for _, para := range s.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(para))
	}
	b.WriteString("</div>\n<div class=\"share-bar\">Share: <a href=\"#\">X</a> <a href=\"#\">WhatsApp</a> <a href=\"#\">Telegram</a></div>\n<div class=\"more\"><h3>Read next</h3>\n")
	for _, t := range p.Related {
		fmt.Fprintf(&b, "<div class=\"card\"><a href=\"/next/%s\">%s</a></div>\n", slug(t), esc(t))
	}
	b.WriteString("</div>\n")
	writeComments(&b, `<div class="discussion">`, "</div>")
	fmt.Fprintf(&b, "</div>\n<div class=\"bottom\">%s · Independent news since 1998 · <a href=\"/rss\">RSS</a></div>\n<script>var _paq=window._paq||[];_paq.push(['trackPageView']);</script>\n</body>\n</html>\n", esc(p.Outlet))
	return b.String()
}

func jsonString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "<", `\u003c`)
	return `"` + r.Replace(s) + `"`
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
