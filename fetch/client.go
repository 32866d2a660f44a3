package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/time/rate"
)

// Defaults for the zero values of Options.
const (
	DefaultUserAgent = "sitrep/0.1 (+https://github.com/sitrep/sitrep)"
	DefaultTimeout   = 30 * time.Second
	DefaultMaxBody   = 10 << 20
	DefaultPerHost   = rate.Limit(1)
)

const (
	maxRedirects = 10
	// perHostBurst lets a caller fetch, say, robots.txt and a page without
	// waiting, while the long-run rate stays at Options.PerHost.
	perHostBurst = 2
	// dialTimeout and tlsTimeout bound connection set-up on their own, so a
	// black-holed address fails fast even when Options.Timeout is long.
	dialTimeout = 10 * time.Second
	tlsTimeout  = 10 * time.Second
)

// Options configure a Client. The zero value of every field means its default.
type Options struct {
	// UserAgent is sent with every request and matched against robots.txt
	// groups. Default DefaultUserAgent.
	UserAgent string
	// Timeout bounds one whole request: connection, redirects, headers and
	// body. Default DefaultTimeout.
	Timeout time.Duration
	// MaxBody is the largest body accepted, counted after decompression.
	// Default DefaultMaxBody.
	MaxBody int64
	// PerHost is the request rate allowed per host name (burst 2); rate.Inf
	// disables spacing. Default DefaultPerHost, one request a second.
	PerHost rate.Limit
	// IgnoreRobots skips robots.txt. robots.txt is obeyed by default (it is
	// negative so that the zero Options are the polite ones).
	IgnoreRobots bool
	// AllowLoopback permits loopback addresses (127.0.0.0/8 and ::1), and only
	// those, in addition to public ones. It exists for tests against local
	// servers: private, link-local and metadata addresses stay blocked.
	AllowLoopback bool
	// Logger receives debug records (robots.txt failures). Default slog.Default().
	Logger *slog.Logger
}

// A Client fetches URLs from untrusted sources. It is safe for concurrent use;
// rate limiters are kept per host for its lifetime, robots.txt rules for a
// day (RFC 9309).
type Client struct {
	opts   Options
	http   *http.Client
	robots *http.Client // same transport; follows robots.txt redirects by RFC 9309's rules

	mu       sync.Mutex
	limiters map[string]*rate.Limiter // by lower-case host name
	rules    map[string]*robotsEntry  // by scheme://host
}

// New returns a Client with the defaults filled in for o's zero fields.
func New(o Options) *Client {
	return newClient(o, dialControl(o.AllowLoopback))
}

// newClient lets white-box tests put a stand-in for a public server behind
// the guard; control must be dialControl's or stricter everywhere else.
func newClient(o Options, control func(network, address string, c syscall.RawConn) error) *Client {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	dialer := &net.Dialer{
		Timeout:   min(dialTimeout, o.Timeout),
		KeepAlive: 30 * time.Second,
		// Control runs after DNS resolution, once per address actually
		// dialled, so names resolving to internal addresses and redirects to
		// them are caught the same way as literal IPs.
		Control: control,
	}
	tr := &http.Transport{
		// No proxy, even if HTTP_PROXY is set: the dial check would only see
		// the proxy's address, not the destination's.
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    min(tlsTimeout, o.Timeout),
		ResponseHeaderTimeout:  o.Timeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
		// We ask for gzip and deflate ourselves and decode them in readBody,
		// so that MaxBody counts decompressed bytes.
		DisableCompression: true,
	}
	c := &Client{
		opts:     o,
		limiters: make(map[string]*rate.Limiter),
		rules:    make(map[string]*robotsEntry),
	}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	c.robots = &http.Client{Transport: tr, CheckRedirect: checkRobotsRedirect}
	return c
}

// Validators are the HTTP cache validators of a response, sent back on the
// next request for the same URL to make it conditional.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is a successful (2xx) or not-modified (304) response.
type Response struct {
	// URL is the final URL, after redirects.
	URL    string
	Status int
	// ContentType is the Content-Type header as sent (may be empty).
	ContentType string
	// Body is the decoded body (Content-Encoding removed). A .gz file served
	// as application/gzip is returned compressed: see Decompress.
	Body       []byte
	Validators Validators
	// NotModified reports a 304 answer to a conditional request; Body is empty
	// and Validators are those sent unless the server gave new ones.
	NotModified bool
}

// Get fetches rawURL, making the request conditional on v when v is not zero.
// It waits for robots.txt (fetched once per host a day) and for the host's rate
// limiter under ctx; Options.Timeout then bounds the request itself.
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	res, body, err := c.start(ctx, rawURL, v, c.opts.Timeout)
	if err != nil || body == nil {
		return res, err
	}
	defer body.Close()
	if body.length > c.opts.MaxBody {
		return nil, fmt.Errorf("GET %s: %w: Content-Length %d exceeds %d bytes", rawURL, ErrTooLarge, body.length, c.opts.MaxBody)
	}
	data, err := readAtMost(body, c.opts.MaxBody)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("GET %s: %w", rawURL, err)
		}
		return nil, c.requestError(ctx, body.rctx, rawURL, fmt.Errorf("reading body: %w", err))
	}
	if res.ContentType == "" {
		// No declared type: judge by the bytes, so that an unlabelled image
		// is refused like a labelled one.
		if sniffed := http.DetectContentType(data); !acceptableType(sniffed, body.path) {
			return nil, fmt.Errorf("GET %s: %w %q (sniffed, no Content-Type sent)", rawURL, ErrContentType, sniffed)
		}
	}
	res.Body = data
	return res, nil
}

// streamTimeouts is how many times Options.Timeout a streamed body may take:
// a sitemap of a million entries is 100 MB, more than a page's time allows,
// but a server that trickles forever must still be cut off.
const streamTimeouts = 10

// Stream is Get for bodies too large to hold, such as sitemaps of a million
// entries. For a 2xx answer it returns the decoded body (Content-Encoding
// removed; a .gz file stays compressed) as a reader that fails with
// ErrTooLarge after max bytes; the caller must close it. Response.Body is
// nil. For a 304 answer to a conditional request the reader is nil.
func (c *Client) Stream(ctx context.Context, rawURL string, v Validators, max int64) (*Response, io.ReadCloser, error) {
	res, body, err := c.start(ctx, rawURL, v, streamTimeouts*c.opts.Timeout)
	if err != nil || body == nil {
		return res, nil, err
	}
	body.Reader = &capReader{r: body.Reader, left: max, max: max}
	return res, body, nil
}

// body is a response body being read; Close ends the request.
type body struct {
	io.Reader // decoded
	raw       io.Closer
	cancel    context.CancelFunc
	rctx      context.Context // the request's own deadline, for error messages
	length    int64           // Content-Length when not encoded, else -1
	path      string          // the final URL's path, for type checks
}

func (b *body) Close() error {
	err := b.raw.Close()
	b.cancel()
	return err
}

// start sends a GET and vets the answer: status and content type. For a 2xx
// it returns the body, which the caller must close; for a 304 to a
// conditional request, a Response with NotModified and no body.
func (c *Client) start(ctx context.Context, rawURL string, v Validators, timeout time.Duration) (res *Response, b *body, err error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, nil, fmt.Errorf("GET %s: %w", rawURL, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, nil, fmt.Errorf("GET %s: %w", rawURL, err)
	}
	if err := c.allowedByRobots(ctx, u); err != nil {
		return nil, nil, fmt.Errorf("GET %s: %w", rawURL, err)
	}
	if err := c.wait(ctx, u); err != nil {
		return nil, nil, fmt.Errorf("GET %s: waiting for rate limit: %w", rawURL, err)
	}

	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer func() {
		if b == nil {
			cancel()
		}
	}()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("GET %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/xml;q=0.9, application/rss+xml;q=0.9, application/atom+xml;q=0.9, application/json;q=0.8, text/plain;q=0.8, */*;q=0.1")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, c.requestError(ctx, rctx, rawURL, err)
	}
	keep := false
	defer func() {
		if !keep {
			resp.Body.Close()
		}
	}()
	final := resp.Request.URL.String()
	got := Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	ct := resp.Header.Get("Content-Type")

	switch {
	case resp.StatusCode == http.StatusNotModified && v != (Validators{}):
		if got.ETag == "" {
			got.ETag = v.ETag
		}
		if got.LastModified == "" {
			got.LastModified = v.LastModified
		}
		return &Response{URL: final, Status: resp.StatusCode, ContentType: ct, Validators: got, NotModified: true}, nil, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, nil, &StatusError{URL: final, Code: resp.StatusCode}
	}
	if ct != "" && !acceptableType(ct, resp.Request.URL.Path) {
		return nil, nil, fmt.Errorf("GET %s: %w %q", rawURL, ErrContentType, ct)
	}
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	r, err := decoder(resp.Body, enc)
	if err != nil {
		return nil, nil, fmt.Errorf("GET %s: %w", rawURL, err)
	}
	length := int64(-1)
	if enc == "" || enc == "identity" {
		length = resp.ContentLength
	}
	keep = true
	return &Response{URL: final, Status: resp.StatusCode, ContentType: ct, Validators: got},
		&body{Reader: r, raw: resp.Body, cancel: cancel, rctx: rctx, length: length, path: resp.Request.URL.Path}, nil
}

// requestError names the URL and, when our own deadline fired, says so in
// words: "context deadline exceeded" alone does not tell which deadline.
func (c *Client) requestError(ctx, rctx context.Context, rawURL string, err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
		// A refused redirect is reported with its Location as sent, which
		// may be relative.
		hop, first := uerr.URL, rawURL
		if base, perr := url.Parse(rawURL); perr == nil {
			first = base.String()
			if u, perr := base.Parse(hop); perr == nil {
				hop = u.String()
			}
		}
		if hop != first {
			err = fmt.Errorf("redirected to %s: %w", hop, err)
		}
	}
	var ne net.Error
	if ctx.Err() == nil && (errors.Is(rctx.Err(), context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("GET %s: no complete response within %s: %w", rawURL, c.opts.Timeout, err)
	}
	return fmt.Errorf("GET %s: %w", rawURL, err)
}

// checkRedirect vets each hop like a first request: scheme, robots.txt and
// the rate limit of the new host. The dial check happens when it connects.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	if err := c.allowedByRobots(req.Context(), req.URL); err != nil {
		return err
	}
	return c.wait(req.Context(), req.URL)
}

func checkScheme(u *url.URL) error {
	switch u.Scheme {
	case "http", "https":
	default:
		return fmt.Errorf("%w: scheme %q (only http and https)", ErrBlocked, u.Scheme)
	}
	if u.Host == "" {
		return errors.New("no host in URL")
	}
	return nil
}

// wait blocks until the host's limiter allows one more request.
func (c *Client) wait(ctx context.Context, u *url.URL) error {
	host := strings.ToLower(u.Hostname())
	c.mu.Lock()
	l, ok := c.limiters[host]
	if !ok {
		l = rate.NewLimiter(c.opts.PerHost, perHostBurst)
		c.limiters[host] = l
	}
	c.mu.Unlock()
	return l.Wait(ctx)
}

// acceptableType reports whether sitrep reads the media type ct. Compressed
// and untyped binaries pass only for .gz paths, where they are sitemaps.
func acceptableType(ct, path string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		// Servers send all sorts; fall back on the part before any ';'.
		mt, _, _ = strings.Cut(ct, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain",
		"application/json", "application/xml", "text/xml":
		return true
	case "application/gzip", "application/x-gzip", "application/octet-stream":
		return strings.HasSuffix(strings.ToLower(path), ".gz")
	}
	// application/rss+xml, application/atom+xml, application/feed+json,
	// application/ld+json and their kin.
	return strings.HasPrefix(mt, "application/") &&
		(strings.HasSuffix(mt, "+xml") || strings.HasSuffix(mt, "+json"))
}

// quoteStatus renders a status for log records.
func quoteStatus(code int) string { return strconv.Itoa(code) + " " + http.StatusText(code) }
