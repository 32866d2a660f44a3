package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/temoto/robotstxt"
)

// maxRobots is how much of a robots.txt is read; Google reads 500 KiB and
// ignores the rest, and so do we.
const maxRobots = 512 << 10

// robotsEntry is one origin's robots.txt, loaded once. done is closed when
// data is set; nil data means everything is allowed.
type robotsEntry struct {
	done chan struct{}
	data *robotstxt.RobotsData
}

// allowedByRobots returns an error wrapping ErrRobots if the origin's
// robots.txt disallows u for our user agent.
func (c *Client) allowedByRobots(ctx context.Context, u *url.URL) error {
	if c.opts.IgnoreRobots || u.EscapedPath() == "/robots.txt" {
		return nil
	}
	origin := u.Scheme + "://" + strings.ToLower(u.Host)
	c.mu.Lock()
	e, ok := c.rules[origin]
	if !ok {
		e = &robotsEntry{done: make(chan struct{})}
		c.rules[origin] = e
		// The load runs detached from ctx, bounded by Options.Timeout: it is
		// shared by every request to the origin, and one caller giving up
		// must not leave the others with a cancelled (hence "allow all")
		// result cached for the client's life.
		go c.loadRobots(context.WithoutCancel(ctx), origin, e)
	}
	c.mu.Unlock()
	select {
	case <-e.done:
	case <-ctx.Done():
		return fmt.Errorf("waiting for %s/robots.txt: %w", origin, ctx.Err())
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

// loadRobots fetches origin/robots.txt into e. Any failure means "allowed":
// a 4xx says there are no rules, and a server error or timeout should not
// stop sitrep from reading a site that is otherwise up. Failures other than
// 4xx are logged at debug level.
func (c *Client) loadRobots(ctx context.Context, origin string, e *robotsEntry) {
	defer close(e.done)
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	log := c.opts.Logger.With("robots", origin+"/robots.txt")

	u, err := url.Parse(origin + "/robots.txt")
	if err != nil {
		log.DebugContext(ctx, "robots.txt: bad URL, allowing all", "err", err)
		return
	}
	if err := c.wait(ctx, u); err != nil {
		log.DebugContext(ctx, "robots.txt: rate limit wait failed, allowing all", "err", err)
		return
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		log.DebugContext(ctx, "robots.txt: bad request, allowing all", "err", err)
		return
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/plain, */*;q=0.5")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	resp, err := c.robots.Do(req)
	if err != nil {
		log.DebugContext(ctx, "robots.txt: fetch failed, allowing all", "err", err)
		return
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 400 && resp.StatusCode <= 499:
		return // no robots.txt: no rules
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		log.DebugContext(ctx, "robots.txt: unexpected status, allowing all", "status", quoteStatus(resp.StatusCode))
		return
	}
	r, err := decoder(resp.Body, strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))))
	if err != nil {
		log.DebugContext(ctx, "robots.txt: bad encoding, allowing all", "err", err)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r, maxRobots))
	if err != nil {
		log.DebugContext(ctx, "robots.txt: read failed, allowing all", "err", err)
		return
	}
	data, err := robotstxt.FromBytes(body)
	if err != nil {
		log.DebugContext(ctx, "robots.txt: parse failed, allowing all", "err", err)
		return
	}
	e.data = data
}
