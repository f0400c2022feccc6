package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// robots.txt, as RFC 9309 reads it: groups of user-agent lines and their
// allow/disallow rules; the group naming our product token, else the "*"
// group; the longest matching rule wins, allow on a tie; '*' matches any
// run of characters and a final '$' anchors the end. A robots.txt that
// is absent (4xx) allows everything; one that cannot be read (5xx,
// timeout, network) disallows everything until it can, as the RFC asks.

var errRobotsUnreachable = errors.New("robots.txt unreachable")

// robotsRetry is how soon an unreachable robots.txt is tried again.
const robotsRetry = 10 * time.Minute

// robotsMaxBytes is how much of a robots.txt is read (RFC 9309: at least 500 KiB).
const robotsMaxBytes = 500 << 10

type robotsRule struct {
	allow   bool
	pattern string
}

// robotsRules is the part of a robots.txt that applies to us.
type robotsRules struct {
	rules       []robotsRule
	delay       time.Duration // Crawl-delay, 0 if none
	disallowAll bool          // the file could not be read
}

// parseRobots reads the rules of body that apply to token.
func parseRobots(body []byte, token string) *robotsRules {
	if len(body) > robotsMaxBytes {
		body = body[:robotsMaxBytes]
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	token = strings.ToLower(token)
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	for _, line := range strings.Split(string(body), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
				inAgents = true
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
		case "allow", "disallow":
			inAgents = false
			if cur == nil || val == "" {
				continue // rules before any user-agent; an empty Disallow allows all
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if f, err := strconv.ParseFloat(val, 64); err == nil && f > 0 {
				cur.delay = time.Duration(f * float64(time.Second))
			}
		default:
			// sitemap and unknown fields neither end nor start a group
		}
	}
	pick := func(match func(string) bool) *robotsRules {
		var out *robotsRules
		for _, g := range groups {
			for _, a := range g.agents {
				if match(a) {
					if out == nil {
						out = &robotsRules{}
					}
					out.rules = append(out.rules, g.rules...)
					out.delay = max(out.delay, g.delay)
					break
				}
			}
		}
		return out
	}
	if r := pick(func(a string) bool {
		name, _, _ := strings.Cut(a, "/") // "egret/1.0" names egret too
		return name == token
	}); r != nil {
		return r
	}
	if r := pick(func(a string) bool { return a == "*" }); r != nil {
		return r
	}
	return &robotsRules{}
}

// allowed reports whether the path (with its query) may be fetched.
func (r *robotsRules) allowed(pathQuery string) bool {
	if r.disallowAll {
		return false
	}
	if pathQuery == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, pathQuery) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern: '*' is any run of
// characters, a final '$' the end of the path.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return len(path)-pos >= len(p) && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	return !anchored || pos == len(path)
}

// robotsEntry is one host's robots.txt, fetched once at a time.
type robotsEntry struct {
	mu      sync.Mutex
	rules   *robotsRules
	err     error // the last fetch's failure, for the refused URL's error
	expires time.Time
}

type robotsCache struct {
	mu sync.Mutex
	m  map[string]*robotsEntry // scheme://host
}

func newRobotsCache() *robotsCache { return &robotsCache{m: map[string]*robotsEntry{}} }

func (rc *robotsCache) entry(key string) *robotsEntry {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e := rc.m[key]
	if e == nil {
		e = &robotsEntry{}
		rc.m[key] = e
	}
	return e
}

// allowed checks u against its host's robots.txt, fetching it when it is
// not cached or has expired.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + u.Host
	e := c.robots.entry(key)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.rules == nil || !c.opt.Clock.Now().Before(e.expires) {
		rules, err := c.fetchRobots(ctx, key)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var fe *Error
		if errors.As(err, &fe) && fe.Kind == ErrPrivate {
			return &Error{URL: u.String(), Kind: ErrPrivate, Addr: fe.Addr}
		}
		e.rules, e.err = rules, err
		ttl := c.opt.RobotsTTL
		if rules.disallowAll {
			ttl = min(ttl, robotsRetry)
		}
		e.expires = c.opt.Clock.Now().Add(ttl)
		if rules.delay > 0 {
			c.setCrawlDelay(u.Host, rules.delay)
		}
	}
	pq := u.EscapedPath()
	if pq == "" {
		pq = "/"
	}
	if u.RawQuery != "" {
		pq += "?" + u.RawQuery
	}
	if !e.rules.allowed(pq) {
		if e.rules.disallowAll {
			return &Error{URL: u.String(), Kind: ErrRobots, Err: fmt.Errorf("%w: %v", errRobotsUnreachable, e.err)}
		}
		return &Error{URL: u.String(), Kind: ErrRobots, Err: fmt.Errorf("disallowed for %s by %s/robots.txt", RobotsToken, key)}
	}
	return nil
}

// fetchRobots reads base/robots.txt: rules on success, allow-all when
// it is absent, disallow-all (with the error) when it cannot be read.
func (c *Client) fetchRobots(ctx context.Context, base string) (*robotsRules, error) {
	u, _ := url.Parse(base + "/robots.txt")
	resp, err := c.retrying(ctx, u, Request{Accept: "text/plain"})
	for hops := 0; err == nil && resp.location != "" && hops < 5; hops++ {
		next, perr := u.Parse(resp.location)
		if perr != nil {
			return &robotsRules{}, nil
		}
		u = next
		resp, err = c.retrying(ctx, u, Request{Accept: "text/plain"})
	}
	switch {
	case err == nil && resp.location == "":
		return parseRobots(resp.Body, RobotsToken), nil
	case err == nil:
		return &robotsRules{}, nil // too many redirects: unavailable
	case IsTransient(err):
		return &robotsRules{disallowAll: true}, err
	}
	var fe *Error
	if errors.As(err, &fe) && fe.Kind == ErrPrivate {
		return &robotsRules{disallowAll: true}, err
	}
	return &robotsRules{}, nil // 4xx, too large, bad encoding: unavailable, so allowed
}
