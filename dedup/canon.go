// Package dedup recognises repeated news articles: canonical URLs, exact content hashes of normalised text, and near-duplicates by MinHash over word shingles with an LSH band index.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/egret-events/egret"
)

// trackingParams are query parameters that say how a reader arrived, not
// which page they read; CanonicalURL drops them (and every utm_*).
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "twclid": true, "igshid": true, "ttclid": true, "li_fat_id": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true,
	"mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "vero_conv": true,
	"rb_clickid": true, "s_cid": true, "cmpid": true, "ncid": true, "ocid": true, "smid": true,
	"at_medium": true, "at_campaign": true, "at_custom1": true, "wt_mc": true, "wt.mc_id": true, "xtor": true,
	"ref_src": true, "ref_url": true, "soc_src": true, "soc_trk": true, "sr_share": true, "cmp": true,
	"ito": true, "ns_source": true, "ns_mchannel": true, "ns_campaign": true, "ns_linkname": true, "ns_fee": true,
	"__twitter_impression": true, "spm": true, "share": true, "fromrss": true, "from_rss": true, "rss": true,
}

// IsTrackingParam reports whether a query parameter only tracks the
// reader's way in (utm_*, fbclid, gclid and the like).
func IsTrackingParam(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "utm_") || trackingParams[n]
}

// CanonicalURL returns the form of an http(s) URL that every link to the
// same page shares: lower-case scheme and host, no default port, no
// credentials or fragment, dot segments resolved, no trailing slash
// (but for the root), tracking parameters dropped and the rest sorted
// by name. Case in paths and values is kept: servers treat it as
// meaningful.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", egret.Errorf(egret.EINVALID, "url %q: %v", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", egret.Errorf(egret.EINVALID, "url %q: not an http or https URL", raw)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", egret.Errorf(egret.EINVALID, "url %q: no host", raw)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	if port != "" {
		host += ":" + port
	}
	out := url.URL{Scheme: u.Scheme, Host: host}

	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	p = path.Clean(p) // also drops the trailing slash and doubled slashes
	out.RawPath = normEscapes(p)
	if dp, err := url.PathUnescape(out.RawPath); err == nil {
		out.Path = dp
	} else {
		out.Path = out.RawPath
	}

	if u.RawQuery != "" {
		out.RawQuery = canonicalQuery(u.RawQuery)
	}
	return out.String(), nil
}

// canonicalQuery drops tracking parameters and sorts the rest by name
// (values of one name keep their order), keeping each pair's escaping
// normalised.
func canonicalQuery(raw string) string {
	type kv struct{ k, v string }
	var kept []kv
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			name = k
		}
		if IsTrackingParam(name) {
			continue
		}
		kept = append(kept, kv{normEscapes(k), normEscapes(v)})
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].k < kept[j].k })
	var b strings.Builder
	for i, p := range kept {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.k)
		if p.v != "" {
			b.WriteByte('=')
			b.WriteString(p.v)
		}
	}
	return b.String()
}

// normEscapes writes percent-escapes in upper case and decodes escaped
// unreserved characters (%7e → ~), so equivalent spellings compare equal.
func normEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			c := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(c) {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isUnreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// DocID returns the document ID of the article whose page has this
// canonical URL: stable, so a re-fetched and edited article replaces its
// stored document and events.
func DocID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return "web-" + hex.EncodeToString(sum[:10])
}
