package fetch

import (
	"net"
	"net/netip"
	"syscall"
)

// The SSRF guard. A server that fetches URLs its users give must not be
// turned against its own network: every connection's resolved address is
// checked in the dialer's Control hook, after DNS and for every redirect
// hop, so neither a name resolving to 127.0.0.1 nor a redirect to
// 10.0.0.1 gets through.

// blockedPrefixes are the ranges no public news site lives in, beyond
// what netip's predicates cover.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT, shared
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// nat64 holds IPv4 addresses embedded in IPv6 (RFC 6052); the embedded
// address is checked too.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// PublicAddr reports whether ip may be fetched from when private
// addresses are not allowed: not loopback, private, link-local,
// unspecified, multicast or a reserved range, also when written as an
// IPv4-mapped or NAT64 IPv6 address.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// control is the dialer's Control hook: it refuses non-public addresses
// unless private ones are allowed.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	if c.opt.AllowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		host = address
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return &Error{Kind: ErrPrivate, Err: err}
	}
	if !c.public(ip) {
		return &Error{Kind: ErrPrivate, Addr: ip.String()}
	}
	return nil
}
