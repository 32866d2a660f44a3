package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// robots.txt handling follows RFC 9309:
//
//   - 2xx: the rules are parsed and obeyed (§2.3.1.1); lines the parser
//     rejects are dropped and the rest used (§2.2).
//   - 4xx other than 429: "unavailable", everything is allowed (§2.3.1.3).
//     So is a redirect chain longer than maxRobotsRedirects (§2.3.1.2), or
//     one our own checks refuse to follow (odd scheme, SSRF guard).
//   - 5xx, 429, network errors and timeouts: "unreachable", the whole site
//     is disallowed (§2.3.1.4). 429 is not a server error in HTTP terms, but
//     a server asking us to slow down should not be read as "crawl it all";
//     Google treats it the same way.
//
// A result is cached per origin (scheme://host:port) for robotsTTL, the
// RFC's 24-hour ceiling (§2.4), except that an unreachable robots.txt is
// tried again after robotsRetry so that a short outage does not shut a site
// out of a long --watch run for a day.
const (
	// maxRobots is how much of a robots.txt is read; the RFC asks for at
	// least 500 KiB, Google reads 500 KiB and ignores the rest, and so do we.
	maxRobots = 512 << 10
	// maxRobotsRedirects is how many redirects are followed for robots.txt.
	maxRobotsRedirects = 5
	robotsTTL          = 24 * time.Hour
	robotsRetry        = 10 * time.Minute
)

// robotsEntry is one origin's robots.txt. done is closed when the load ends;
// the other fields are set before that. data and deny never change after;
// expires is read under Client.mu (tests age entries by moving it).
type robotsEntry struct {
	done chan struct{}
	// data are the rules; nil means everything is allowed, unless deny is set.
	data *robotstxt.RobotsData
	// deny, when not empty, says why the whole site is disallowed.
	deny string
	// expires is when the entry must be fetched again (wall clock).
	expires time.Time
}

// allowedByRobots returns an error wrapping ErrRobots if the origin's
// robots.txt disallows u for our user agent, or could not be fetched for a
// reason that RFC 9309 says means "disallow everything".
func (c *Client) allowedByRobots(ctx context.Context, u *url.URL) error {
	if c.opts.IgnoreRobots || u.EscapedPath() == "/robots.txt" {
		return nil
	}
	origin := u.Scheme + "://" + strings.ToLower(u.Host)
	e := c.robotsFor(ctx, origin)
	select {
	case <-e.done:
	case <-ctx.Done():
		return fmt.Errorf("waiting for %s/robots.txt: %w", origin, ctx.Err())
	}
	if e.deny != "" {
		return fmt.Errorf("%w: %s", ErrRobots, e.deny)
	}
	if e.data == nil {
		return nil
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.data.TestAgent(path, c.opts.UserAgent) {
		return fmt.Errorf("%w (%s/robots.txt)", ErrRobots, origin)
	}
	return nil
}

// robotsFor returns origin's entry: the cached one while it is fresh, the
// one being loaded if a load is under way (so that concurrent requests share
// a single fetch), else a new one whose load it starts.
func (c *Client) robotsFor(ctx context.Context, origin string) *robotsEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.rules[origin]; ok {
		select {
		case <-e.done:
			if wallNow().Before(e.expires) {
				return e
			}
		default:
			return e
		}
	}
	e := &robotsEntry{done: make(chan struct{})}
	c.rules[origin] = e
	// The load runs detached from ctx: it is shared by every request to the
	// origin, and one caller giving up must not leave the others with a
	// cancelled (hence "unreachable") result. The request itself is bounded
	// by Options.Timeout.
	go c.loadRobots(context.WithoutCancel(ctx), origin, e)
	return e
}

// wallNow is the time without its monotonic reading, so that cache ages are
// wall-clock ages: a machine that sleeps for a day must refetch on waking.
func wallNow() time.Time { return time.Now().Round(0) }

// robotsResult is the outcome of one robots.txt fetch.
type robotsResult struct {
	data *robotstxt.RobotsData // rules, or nil for "allow all"
	deny string                // non-empty for "disallow all", and why
}

// loadRobots fetches origin/robots.txt into e and closes e.done.
func (c *Client) loadRobots(ctx context.Context, origin string, e *robotsEntry) {
	defer close(e.done)
	r := c.fetchRobots(ctx, origin)
	ttl := robotsTTL
	if r.deny != "" {
		ttl = robotsRetry
	}
	e.data, e.deny, e.expires = r.data, r.deny, wallNow().Add(ttl)
}

// errRobotsRedirect marks a robots.txt redirect that was not followed.
var errRobotsRedirect = errors.New("redirect not followed")

// checkRobotsRedirect follows at most maxRobotsRedirects hops, http(s) only.
// Robots checks and rate limits do not apply to the hops.
func checkRobotsRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRobotsRedirects {
		return fmt.Errorf("%w: more than %d redirects", errRobotsRedirect, maxRobotsRedirects)
	}
	if err := checkScheme(req.URL); err != nil {
		return fmt.Errorf("%w: %w", errRobotsRedirect, err)
	}
	return nil
}

// fetchRobots fetches and classifies origin/robots.txt. Every outcome other
// than a parsed file is logged at debug level.
func (c *Client) fetchRobots(ctx context.Context, origin string) robotsResult {
	where := origin + "/robots.txt"
	log := c.opts.Logger.With("robots", where)
	allow := func(msg string, args ...any) robotsResult {
		log.DebugContext(ctx, "robots.txt: "+msg+", allowing all", args...)
		return robotsResult{}
	}
	deny := func(why string, args ...any) robotsResult {
		log.DebugContext(ctx, "robots.txt: "+why+", disallowing all", append(args, "retry", robotsRetry)...)
		return robotsResult{deny: fmt.Sprintf("%s %s; RFC 9309 says to assume the whole site is disallowed", where, why)}
	}

	u, err := url.Parse(where)
	if err != nil {
		return allow("bad URL", "err", err)
	}
	// The wait is not bounded by Options.Timeout: when many requests to the
	// host are queued, robots.txt takes its turn like them, rather than
	// failing and shutting the site out.
	if err := c.wait(ctx, u); err != nil {
		return deny("not fetched (rate limit wait: "+err.Error()+")", "err", err)
	}
	rctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, where, nil)
	if err != nil {
		return allow("bad request", "err", err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/plain, */*;q=0.5")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	resp, err := c.robots.Do(req)
	if err != nil {
		if errors.Is(err, errRobotsRedirect) || errors.Is(err, ErrBlocked) {
			// The server answered, but not with a robots.txt we will
			// fetch: unavailable, as after too many redirects (§2.3.1.2).
			return allow("unavailable", "err", err)
		}
		return deny("unreachable ("+c.robotsErrText(rctx, err)+")", "err", err)
	}
	defer resp.Body.Close()
	status := quoteStatus(resp.StatusCode)
	switch {
	case resp.StatusCode >= 500 && resp.StatusCode <= 599:
		return deny("answered "+status, "status", status)
	case resp.StatusCode == http.StatusTooManyRequests:
		return deny("answered "+status+" (treated like a server error)", "status", status)
	case resp.StatusCode >= 400 && resp.StatusCode <= 499:
		return robotsResult{} // unavailable: no rules
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return allow("unexpected status", "status", status)
	}
	r, err := decoder(resp.Body, strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))))
	if err != nil {
		return allow("bad encoding", "err", err)
	}
	body, err := io.ReadAll(io.LimitReader(r, maxRobots))
	if err != nil {
		return deny("unreachable (reading: "+c.robotsErrText(rctx, err)+")", "err", err)
	}
	data, err := robotstxt.FromBytes(body)
	if err != nil {
		// The parser gives up on the whole file for one bad line; the RFC
		// says to use the rules that parse.
		log.DebugContext(ctx, "robots.txt: ignoring lines the parser rejects", "err", err)
		data, err = robotstxt.FromBytes(dropStrayLines(body))
	}
	if err != nil {
		return allow("parse failed", "err", err)
	}
	return robotsResult{data: data}
}

// robotsErrText describes a robots.txt fetch error without url.Error's
// `Get "..."` prefix, and says so in words when our own deadline fired.
func (c *Client) robotsErrText(rctx context.Context, err error) string {
	if errors.Is(rctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("no complete response within %s", c.opts.Timeout)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return err.Error()
}

// dropStrayLines removes the lines that make the robots.txt parser reject a
// whole file: Crawl-delay lines (sitrep spaces requests by its own rate, and
// the parser fails on values such as "10s"), and Allow or Disallow lines
// before the first User-agent line, which belong to no group (RFC 9309 §2.2).
func dropStrayLines(body []byte) []byte {
	var out bytes.Buffer
	inGroup := false
	for len(body) > 0 {
		i := bytes.IndexAny(body, "\r\n")
		line := body
		if i >= 0 {
			line, body = body[:i+1], body[i+1:]
		} else {
			body = nil
		}
		key := bytes.TrimLeft(bytes.TrimPrefix(line, []byte("\uFEFF")), " \t\v")
		if j := bytes.IndexAny(key, ": \t\v\r\n#"); j >= 0 {
			key = key[:j]
		}
		switch strings.ToLower(string(key)) {
		case "user-agent", "useragent":
			inGroup = true
		case "crawl-delay", "crawldelay":
			continue
		case "allow", "disallow":
			if !inGroup {
				continue
			}
		}
		out.Write(line)
	}
	return out.Bytes()
}
