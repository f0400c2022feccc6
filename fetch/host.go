package fetch

import (
	"context"
	"time"
)

// maxCrawlDelay caps a robots.txt Crawl-delay: a site asking for more is
// fetched at this pace, not starved.
const maxCrawlDelay = time.Minute

// hostGate limits the requests to one host (host:port): at most PerHost
// in flight, and request starts at least the host's delay apart.
type hostGate struct {
	sem   chan struct{}
	next  time.Time     // earliest start of the next request (under Client.mu)
	delay time.Duration // HostDelay, or the robots.txt Crawl-delay if longer
}

func (c *Client) gate(host string) *hostGate {
	c.mu.Lock()
	defer c.mu.Unlock()
	g := c.hosts[host]
	if g == nil {
		g = &hostGate{sem: make(chan struct{}, c.opt.PerHost), delay: c.opt.HostDelay}
		c.hosts[host] = g
	}
	return g
}

// setCrawlDelay raises a host's delay to its robots.txt Crawl-delay.
func (c *Client) setCrawlDelay(host string, d time.Duration) {
	g := c.gate(host)
	c.mu.Lock()
	g.delay = max(c.opt.HostDelay, min(d, maxCrawlDelay))
	c.mu.Unlock()
}

// acquire waits for a slot at host and for the host's delay since the
// previous start; release frees the slot.
func (c *Client) acquire(ctx context.Context, host string) (release func(), err error) {
	g := c.gate(host)
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	c.mu.Lock()
	now := c.opt.Clock.Now()
	start := now
	if g.next.After(start) {
		start = g.next
	}
	g.next = start.Add(g.delay)
	c.mu.Unlock()
	if wait := start.Sub(now); wait > 0 {
		if err := c.opt.Clock.Sleep(ctx, wait); err != nil {
			<-g.sem
			return nil, err
		}
	}
	return func() { <-g.sem }, nil
}
