package fetch

import (
	"errors"
	"fmt"
	"net/http"
)

// Sentinel errors, for errors.Is. Every error returned by this package also
// names the URL (or file) and the reason.
var (
	// ErrBlocked means the URL's scheme, or an address its host resolved to
	// (on the first request or on any redirect hop), is not one sitrep may
	// connect to: loopback, private, link-local, metadata, multicast and
	// other special-purpose addresses, and schemes other than http and https.
	ErrBlocked = errors.New("blocked by SSRF guard")
	// ErrTooLarge means a body, after decompression, exceeded the limit.
	ErrTooLarge = errors.New("too large")
	// ErrContentType means the server answered with a type sitrep does not
	// read (images, video, PDF, ...).
	ErrContentType = errors.New("unsupported content type")
	// ErrRobots means the site's robots.txt disallows the URL for our user
	// agent, or could not be fetched (5xx, 429, unreachable), which RFC 9309
	// says to take as disallowing the whole site.
	ErrRobots = errors.New("disallowed by robots.txt")
)

// StatusError is returned for a final response whose status is neither 2xx
// nor a 304 answering a conditional request.
type StatusError struct {
	// URL is the URL that answered with Code: after redirects, if any.
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: %d %s", e.URL, e.Code, http.StatusText(e.Code))
}
