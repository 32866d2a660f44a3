package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// These tests check robots.txt handling against RFC 9309 with real servers
// on 127.0.0.1. They are white-box only to read and age the cache entries.

const rfcRules = "User-agent: *\nDisallow: /private\n"

func rfcOptions() Options {
	return Options{AllowLoopback: true, PerHost: rate.Inf, Timeout: 2 * time.Second, Logger: slog.New(slog.DiscardHandler)}
}

// rfcSite serves robots.txt with robots and every other path as a page,
// counting both.
type rfcSite struct {
	*httptest.Server
	robotsHits, pageHits atomic.Int32
}

func newRFCSite(t *testing.T, robots http.HandlerFunc) *rfcSite {
	t.Helper()
	s := &rfcSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			s.robotsHits.Add(1)
			robots(w, r)
			return
		}
		s.pageHits.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "page")
	}))
	t.Cleanup(s.Close)
	return s
}

func status(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { http.Error(w, http.StatusText(code), code) }
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }
}

// entryTTL waits for origin's robots.txt entry and returns how long it has
// left to live.
func entryTTL(t *testing.T, c *Client, origin string) time.Duration {
	t.Helper()
	c.mu.Lock()
	e := c.rules[origin]
	c.mu.Unlock()
	if e == nil {
		t.Fatalf("no robots.txt entry for %s", origin)
	}
	<-e.done
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Until(e.expires)
}

// age makes every loaded robots.txt entry of c stale, as if its lifetime had
// passed.
func age(c *Client) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.rules {
		select {
		case <-e.done:
			e.expires = wallNow().Add(-time.Second)
		default:
		}
	}
}

func wantTTL(t *testing.T, got, want time.Duration) {
	t.Helper()
	if got > want || got < want-time.Minute {
		t.Errorf("robots.txt cached for %v, want %v", got, want)
	}
}

func TestRobotsRFCStatus(t *testing.T) {
	hangup := func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	}
	shortBody := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		io.WriteString(w, "User-agent: *\n")
		w.(http.Flusher).Flush()
		hangup(w, r)
	}
	tests := []struct {
		name    string
		robots  http.HandlerFunc
		path    string
		allowed bool
		why     string // in the error when not allowed
	}{
		{"200 allowed path", text(rfcRules), "/public", true, ""},
		{"200 disallowed path", text(rfcRules), "/private/x", false, "(%s/robots.txt)"},
		{"200 empty", text(""), "/private/x", true, ""},
		{"400", status(400), "/private/x", true, ""},
		{"401", status(401), "/private/x", true, ""},
		{"403", status(403), "/private/x", true, ""},
		{"404", status(404), "/private/x", true, ""},
		{"410", status(410), "/private/x", true, ""},
		{"429", status(429), "/public", false, "%s/robots.txt answered 429 Too Many Requests (treated like a server error); RFC 9309 says to assume the whole site is disallowed"},
		{"500", status(500), "/public", false, "%s/robots.txt answered 500 Internal Server Error; RFC 9309 says to assume the whole site is disallowed"},
		{"502", status(502), "/public", false, "answered 502 Bad Gateway; RFC 9309"},
		{"503", status(503), "/public", false, "%s/robots.txt answered 503 Service Unavailable; RFC 9309 says to assume the whole site is disallowed"},
		{"599", status(599), "/", false, "answered 599 ; RFC 9309"},
		{"connection closed", hangup, "/public", false, "%s/robots.txt unreachable ("},
		{"body cut short", shortBody, "/public", false, "%s/robots.txt unreachable (reading: unexpected EOF)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newRFCSite(t, tt.robots)
			c := New(rfcOptions())
			url := site.URL + tt.path
			for range 3 {
				_, err := c.Get(t.Context(), url, Validators{})
				if tt.allowed {
					if err != nil {
						t.Fatalf("Get: %v", err)
					}
					continue
				}
				why := strings.ReplaceAll(tt.why, "%s", site.URL)
				if !errors.Is(err, ErrRobots) || !strings.HasPrefix(err.Error(), "GET "+url+": disallowed by robots.txt") || !strings.Contains(err.Error(), why) {
					t.Fatalf("Get = %v\nwant ErrRobots with %q", err, why)
				}
			}
			if n := site.robotsHits.Load(); n != 1 {
				t.Errorf("robots.txt fetched %d times, want 1", n)
			}
			wantPages := int32(0)
			if tt.allowed {
				wantPages = 3
			}
			if n := site.pageHits.Load(); n != wantPages {
				t.Errorf("page fetched %d times, want %d", n, wantPages)
			}
			// A whole-site disallow because robots.txt could not be had
			// is retried soon; an answer (rules or none) is kept for a day.
			if unreachable := !tt.allowed && !strings.HasPrefix(tt.name, "200"); unreachable {
				wantTTL(t, entryTTL(t, c, site.URL), robotsRetry)
			} else {
				wantTTL(t, entryTTL(t, c, site.URL), robotsTTL)
			}
		})
	}
}

func TestRobotsRFCUnreachable(t *testing.T) {
	t.Run("connection refused", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		srv.Close()
		_, err := New(rfcOptions()).Get(t.Context(), srv.URL+"/a", Validators{})
		if !errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), srv.URL+"/robots.txt unreachable (dial tcp") {
			t.Fatalf("Get = %v, want ErrRobots for an unreachable robots.txt", err)
		}
	})
	// The transport's header timeout and the request's deadline are both
	// Options.Timeout, so a silent server may trip either.
	for _, tt := range []struct {
		name        string
		headers     bool
		want, want2 string
	}{
		{"no headers", false, "unreachable (no complete response within 200ms)", "unreachable (net/http: timeout awaiting response headers)"},
		{"stalled body", true, "unreachable (reading: no complete response within 200ms)", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			defer close(release)
			site := newRFCSite(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.headers {
					w.Header().Set("Content-Length", "1000")
					io.WriteString(w, "User-agent: *\n")
					w.(http.Flusher).Flush()
				}
				select {
				case <-release:
				case <-r.Context().Done():
				}
			})
			o := rfcOptions()
			o.Timeout = 200 * time.Millisecond
			c := New(o)
			_, err := c.Get(t.Context(), site.URL+"/a", Validators{})
			if !errors.Is(err, ErrRobots) || !strings.HasSuffix(err.Error(), "; RFC 9309 says to assume the whole site is disallowed") ||
				!strings.Contains(err.Error(), site.URL+"/robots.txt "+tt.want) && (tt.want2 == "" || !strings.Contains(err.Error(), site.URL+"/robots.txt "+tt.want2)) {
				t.Fatalf("Get = %v\nwant ErrRobots with %q", err, tt.want)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error %v wraps DeadlineExceeded: callers would take it for their own deadline", err)
			}
			if n := site.pageHits.Load(); n != 0 {
				t.Errorf("page fetched %d times", n)
			}
			wantTTL(t, entryTTL(t, c, site.URL), robotsRetry)
		})
	}
}

// TestRobotsRFCRedirects: up to five redirects are followed, across hosts,
// and the rules found apply to the first host (RFC 9309 §2.3.1.2); past five,
// or to a scheme we do not fetch, robots.txt is unavailable: allow all.
func TestRobotsRFCRedirects(t *testing.T) {
	other := newRFCSite(t, text(rfcRules))
	port := other.URL[strings.LastIndex(other.URL, ":")+1:]
	down := newRFCSite(t, status(503))
	tests := []struct {
		name    string
		hops    int    // redirects in all
		target  string // the last one's Location; "" for the site's own /rules
		allowed bool
		why     string
	}{
		{"1 hop", 1, "", false, "(%s/robots.txt)"},
		{"5 hops", 5, "", false, "(%s/robots.txt)"},
		{"6 hops", 6, "", true, ""},
		{"to another host", 1, "http://localhost:" + port + "/robots.txt", false, "(%s/robots.txt)"},
		{"3 hops to another host", 3, "http://localhost:" + port + "/robots.txt", false, "(%s/robots.txt)"},
		{"to a 503", 1, down.URL + "/robots.txt", false, "%s/robots.txt answered 503 Service Unavailable"},
		{"to a 404", 2, "/nowhere", true, ""},
		{"to ftp", 1, "ftp://example.com/robots.txt", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pageHits atomic.Int32
			mux := http.NewServeMux()
			// Every hop but the last goes to /robots.txt?n, the last to
			// target.
			mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
				n := 0
				fmt.Sscan(r.URL.RawQuery, &n)
				switch {
				case n+1 < tt.hops:
					http.Redirect(w, r, fmt.Sprintf("/robots.txt?%d", n+1), http.StatusFound)
				case n+1 == tt.hops && tt.target != "":
					http.Redirect(w, r, tt.target, http.StatusMovedPermanently)
				case n+1 == tt.hops:
					http.Redirect(w, r, "/rules", http.StatusFound)
				default:
					t.Errorf("unexpected robots.txt request %s", r.URL)
				}
			})
			mux.HandleFunc("/rules", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, rfcRules) })
			mux.HandleFunc("/nowhere", http.NotFound)
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				pageHits.Add(1)
				w.Header().Set("Content-Type", "text/plain")
				io.WriteString(w, "page")
			})
			site := httptest.NewServer(mux)
			defer site.Close()

			_, err := New(rfcOptions()).Get(t.Context(), site.URL+"/private/x", Validators{})
			if tt.allowed {
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
				return
			}
			why := strings.ReplaceAll(tt.why, "%s", site.URL)
			if !errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), why) {
				t.Fatalf("Get = %v\nwant ErrRobots with %q", err, why)
			}
			if n := pageHits.Load(); n != 0 {
				t.Errorf("page fetched %d times", n)
			}
		})
	}
}

// TestRobotsRFCExpiry: a robots.txt is used for a day at most, an
// unreachable one is retried after robotsRetry, and a new version replaces
// the old.
func TestRobotsRFCExpiry(t *testing.T) {
	var mu sync.Mutex
	robots := status(503)
	set := func(h http.HandlerFunc) {
		mu.Lock()
		robots = h
		mu.Unlock()
	}
	site := newRFCSite(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		h := robots
		mu.Unlock()
		h(w, r)
	})
	c := New(rfcOptions())
	get := func(path string) error {
		_, err := c.Get(t.Context(), site.URL+path, Validators{})
		return err
	}
	steps := []struct {
		name    string
		robots  http.HandlerFunc // nil: unchanged
		age     bool             // make the cached entry stale first
		path    string
		allowed bool
		hits    int32 // robots.txt fetches so far
		ttl     time.Duration
	}{
		{"outage", nil, false, "/public", false, 1, robotsRetry},
		{"outage, cached", text(rfcRules), false, "/public", false, 1, robotsRetry},
		{"recovered after the retry delay", nil, true, "/public", true, 2, robotsTTL},
		{"rules, cached", text("User-agent: *\nDisallow: /\n"), false, "/private/x", false, 2, robotsTTL},
		{"rules, cached, other path", nil, false, "/public", true, 2, robotsTTL},
		{"new rules after a day", nil, true, "/public", false, 3, robotsTTL},
		{"gone after a day", status(404), true, "/private/x", true, 4, robotsTTL},
		{"down again", status(500), true, "/private/x", false, 5, robotsRetry},
	}
	for _, s := range steps {
		if s.robots != nil {
			set(s.robots)
		}
		if s.age {
			age(c)
		}
		err := get(s.path)
		if s.allowed && err != nil || !s.allowed && !errors.Is(err, ErrRobots) {
			t.Fatalf("%s: Get(%s) = %v, allowed %v", s.name, s.path, err, s.allowed)
		}
		if n := site.robotsHits.Load(); n != s.hits {
			t.Fatalf("%s: robots.txt fetched %d times, want %d", s.name, n, s.hits)
		}
		wantTTL(t, entryTTL(t, c, site.URL), s.ttl)
	}
}

// TestRobotsRFCConcurrent: however many requests arrive together, robots.txt
// is fetched once per origin, on first use and again on expiry.
func TestRobotsRFCConcurrent(t *testing.T) {
	const n = 20
	for _, tt := range []struct {
		name    string
		robots  string
		code    int
		allowed bool
	}{
		{"rules", rfcRules, 200, true},
		{"down", "", 503, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := newRFCSite(t, func(w http.ResponseWriter, r *http.Request) {
				time.Sleep(50 * time.Millisecond) // let the others pile up
				w.WriteHeader(tt.code)
				io.WriteString(w, tt.robots)
			})
			c := New(rfcOptions())
			for round := range int32(2) {
				var wg sync.WaitGroup
				for range n {
					wg.Go(func() {
						_, err := c.Get(t.Context(), site.URL+"/public", Validators{})
						if tt.allowed && err != nil || !tt.allowed && !errors.Is(err, ErrRobots) {
							t.Errorf("Get = %v, allowed %v", err, tt.allowed)
						}
					})
				}
				wg.Wait()
				if got := site.robotsHits.Load(); got != round+1 {
					t.Fatalf("round %d: robots.txt fetched %d times, want %d", round, got, round+1)
				}
				age(c)
			}
		})
	}
}

// TestRobotsRFCCallerGivesUp: a caller whose context ends while robots.txt
// loads gets its own error, and the load, shared with others, completes.
func TestRobotsRFCCallerGivesUp(t *testing.T) {
	site := newRFCSite(t, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		io.WriteString(w, rfcRules)
	})
	c := New(rfcOptions())
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	_, err := c.Get(ctx, site.URL+"/public", Validators{})
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), "waiting for "+site.URL+"/robots.txt") {
		t.Fatalf("Get with a short context = %v", err)
	}
	if _, err := c.Get(t.Context(), site.URL+"/public", Validators{}); err != nil {
		t.Fatalf("Get after: %v", err)
	}
	if n := site.robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times", n)
	}
	wantTTL(t, entryTTL(t, c, site.URL), robotsTTL)
}

// TestRobotsRFCStrayLines: a line the parser rejects must not void the
// rest of the file (RFC 9309 §2.2: use the rules that parse).
func TestRobotsRFCStrayLines(t *testing.T) {
	tests := []struct {
		name, robots string
	}{
		{"crawl-delay before user-agent", "Crawl-delay: 10\nUser-agent: *\nDisallow: /private\n"},
		{"bad crawl-delay", "User-agent: *\nCrawl-delay: 10s\nDisallow: /private\n"},
		{"disallow before user-agent", "\uFEFFDisallow: /x\r\nUser-agent: *\r\nDisallow: /private\r\n"},
		{"mixed case, no space", "CRAWLDELAY:fast\nuser-agent:*\ndisallow:/private\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newRFCSite(t, text(tt.robots))
			c := New(rfcOptions())
			if _, err := c.Get(t.Context(), site.URL+"/public", Validators{}); err != nil {
				t.Errorf("Get /public: %v", err)
			}
			if _, err := c.Get(t.Context(), site.URL+"/private/x", Validators{}); !errors.Is(err, ErrRobots) {
				t.Errorf("Get /private/x = %v, want ErrRobots", err)
			}
		})
	}
}
