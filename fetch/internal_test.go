package fetch

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/time/rate"
)

// TestRedirectToLoopbackBlocked needs an allowed server that is not on
// loopback, which a test cannot have; so the start server's exact address
// is let through as a stand-in for a public one, and everything else goes
// to the real guard with AllowLoopback off.
func TestRedirectToLoopbackBlocked(t *testing.T) {
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("redirect reached loopback: %s", r.URL)
	}))
	defer target.Close()
	port := target.URL[strings.LastIndex(target.URL, ":")+1:]

	for _, hop := range []string{target.URL + "/secret", "http://localhost:" + port + "/secret", "http://[::1]:" + port + "/"} {
		start := httptest.NewServer(http.RedirectHandler(hop, http.StatusFound))
		public := netip.MustParseAddrPort(start.Listener.Addr().String())
		guard := dialControl(false)
		control := func(network, address string, c syscall.RawConn) error {
			if ap, err := netip.ParseAddrPort(address); err == nil && ap == public {
				return nil
			}
			return guard(network, address, c)
		}
		c := newClient(Options{PerHost: rate.Inf, IgnoreRobots: true}, control)
		_, err := c.Get(t.Context(), start.URL+"/go", Validators{})
		start.Close()
		if !errors.Is(err, ErrBlocked) || !strings.Contains(err.Error(), "redirected to "+hop) {
			t.Errorf("redirect to %s: %v, want ErrBlocked naming the hop", hop, err)
		}
	}
}

func TestSitemapEntryLimit(t *testing.T) {
	in := `<urlset><url><loc>https://a/1</loc></url><url><loc>https://a/2</loc></url><url><loc>https://a/3</loc></url></urlset>`
	n := 0
	_, err := parseSitemap(strings.NewReader(in), func(Link) error { n++; return nil }, 2)
	if err == nil || !strings.Contains(err.Error(), "more than 2 entries") || n != 2 {
		t.Fatalf("n = %d, err = %v", n, err)
	}
	n = 0
	if _, err := parseSitemap(strings.NewReader(in), func(Link) error { n++; return nil }, 3); err != nil || n != 3 {
		t.Fatalf("at the limit: n = %d, err = %v", n, err)
	}
}
