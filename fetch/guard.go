package fetch

import (
	"fmt"
	"net/netip"
	"syscall"

	"code.dny.dev/ssrf"
)

// dialControl returns the net.Dialer.Control function that keeps a Client off
// internal networks. It sees the resolved IP of every connection the
// transport makes, so it covers names, literal IPs and redirect hops alike.
//
// ssrf's defaults deny every IANA special-purpose IPv4 block (0/8, 10/8,
// 100.64/10, 127/8, 169.254/16 with the metadata address, 172.16/12,
// 192.168/16, multicast, ...) and every IPv6 address outside global unicast
// (::, ::1, fc00::/7, fe80::/10, ff00::/8, IPv4-mapped addresses, ...).
// Ports are not restricted: news sites do live on :8080, and the danger the
// guard addresses is reaching internal hosts, not odd ports on public ones.
func dialControl(allowLoopback bool) func(network, address string, c syscall.RawConn) error {
	opts := []ssrf.Option{ssrf.WithAnyPort()}
	if allowLoopback {
		// Allowed prefixes are checked before the deny lists, so this opens
		// loopback and nothing else.
		opts = append(opts,
			ssrf.WithAllowedV4Prefixes(netip.MustParsePrefix("127.0.0.0/8")),
			ssrf.WithAllowedV6Prefixes(netip.MustParsePrefix("::1/128")))
	}
	g := ssrf.New(opts...)
	return func(network, address string, c syscall.RawConn) error {
		if err := g.Safe(network, address, c); err != nil {
			return fmt.Errorf("%w: %w", ErrBlocked, err)
		}
		return nil
	}
}
