package fetch_test

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/sitrep/sitrep/fetch"
)

// testOptions are for servers on 127.0.0.1: loopback allowed, no spacing,
// no robots.txt unless a test turns it on.
func testOptions() fetch.Options {
	return fetch.Options{AllowLoopback: true, PerHost: rate.Inf, IgnoreRobots: true, Timeout: 5 * time.Second}
}

func serve(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, s)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGet(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<html>hello</html>")
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://127.0.0.1/x", http.StatusFound)
	})
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(pngBytes)
	})
	mux.HandleFunc("/untyped-png", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // stop net/http from sniffing one
		w.Write(pngBytes)
	})
	mux.HandleFunc("/untyped-text", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		io.WriteString(w, "plain words")
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4")
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, "<rss/>")
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		io.WriteString(w, "{}")
	})
	mux.HandleFunc("/sitemap.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gzipped(t, "<urlset/>"))
	})
	mux.HandleFunc("/sitemap.bin", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(gzipped(t, "<urlset/>"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "no gzip asked", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(t, "zipped text"))
	})
	mux.HandleFunc("/deflate", func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		zw := zlib.NewWriter(&buf)
		io.WriteString(zw, "deflated text")
		zw.Close()
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "deflate")
		w.Write(buf.Bytes())
	})
	mux.HandleFunc("/brotli", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "br")
		io.WriteString(w, "\x0b\x02\x80hi\x03")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("x"), 2000))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 20 {
			w.Write(bytes.Repeat([]byte("x"), 100))
			w.(http.Flusher).Flush() // no Content-Length: the limit must hold while reading
		}
	})
	mux.HandleFunc("/exact", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("x"), 1000))
	})
	srv := serve(t, mux)
	o := testOptions()
	o.MaxBody = 1000
	c := fetch.New(o)

	tests := []struct {
		path      string
		wantBody  string
		wantFinal string // path of the final URL, when not path
		wantErr   error
		wantCode  int    // for StatusError
		wantMsg   string // substring of the error
	}{
		{path: "/ok", wantBody: "<html>hello</html>"},
		{path: "/a", wantBody: "<html>hello</html>", wantFinal: "/ok"},
		{path: "/missing", wantCode: 404, wantMsg: "GET " + srv.URL + "/missing: 404 Not Found"},
		{path: "/fail", wantCode: 500, wantMsg: "500 Internal Server Error"},
		{path: "/loop", wantMsg: "stopped after 10 redirects"},
		{path: "/to-ftp", wantErr: fetch.ErrBlocked, wantMsg: `scheme "ftp"`},
		{path: "/png", wantErr: fetch.ErrContentType, wantMsg: `"image/png"`},
		{path: "/untyped-png", wantErr: fetch.ErrContentType, wantMsg: "sniffed"},
		{path: "/untyped-text", wantBody: "plain words"},
		{path: "/pdf", wantErr: fetch.ErrContentType, wantMsg: "application/pdf"},
		{path: "/feed", wantBody: "<rss/>"},
		{path: "/feed.json", wantBody: "{}"},
		{path: "/sitemap.xml.gz", wantBody: string(gzipped(t, "<urlset/>"))},
		{path: "/sitemap.bin", wantErr: fetch.ErrContentType},
		{path: "/gzip", wantBody: "zipped text"},
		{path: "/deflate", wantBody: "deflated text"},
		{path: "/brotli", wantMsg: `unsupported Content-Encoding "br"`},
		{path: "/big", wantErr: fetch.ErrTooLarge, wantMsg: "exceeds 1000 bytes"},
		{path: "/big-chunked", wantErr: fetch.ErrTooLarge, wantMsg: "exceeds 1000 bytes"},
		{path: "/exact", wantBody: strings.Repeat("x", 1000)},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			u := srv.URL + tt.path
			resp, err := c.Get(t.Context(), u, fetch.Validators{})
			wantFail := tt.wantErr != nil || tt.wantCode != 0 || tt.wantMsg != ""
			if !wantFail {
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
				if string(resp.Body) != tt.wantBody {
					t.Errorf("body = %q, want %q", resp.Body, tt.wantBody)
				}
				final := tt.wantFinal
				if final == "" {
					final = tt.path
				}
				if resp.URL != srv.URL+final {
					t.Errorf("URL = %q, want %q", resp.URL, srv.URL+final)
				}
				if resp.Status != 200 || resp.NotModified {
					t.Errorf("Status = %d, NotModified = %v", resp.Status, resp.NotModified)
				}
				return
			}
			if err == nil {
				t.Fatalf("Get succeeded (%d bytes), want an error", len(resp.Body))
			}
			if !strings.Contains(err.Error(), u) {
				t.Errorf("error %q does not name the URL %s", err, u)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q is not %v", err, tt.wantErr)
			}
			if tt.wantMsg != "" && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", err, tt.wantMsg)
			}
			var se *fetch.StatusError
			if errors.As(err, &se) != (tt.wantCode != 0) || (se != nil && se.Code != tt.wantCode) {
				t.Errorf("error %q (%T): want StatusError %d", err, err, tt.wantCode)
			}
		})
	}
}

func TestGetBadURL(t *testing.T) {
	c := fetch.New(testOptions())
	for _, u := range []string{"file:///etc/passwd", "gopher://127.0.0.1/", "javascript:alert(1)", "http://"} {
		if _, err := c.Get(t.Context(), u, fetch.Validators{}); err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("Get(%q) = %v, want an error naming the URL", u, err)
		}
	}
	if _, err := c.Get(t.Context(), "file:///etc/passwd", fetch.Validators{}); !errors.Is(err, fetch.ErrBlocked) {
		t.Errorf("file URL: %v, want ErrBlocked", err)
	}
}

// TestBlocked uses literal addresses (or names in /etc/hosts) only: the dial
// check refuses them after socket creation and before connect, so no packet
// is sent.
func TestBlocked(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request reached the server: %s", r.URL)
	}))
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	tests := []struct {
		url           string
		allowLoopback bool
	}{
		{srv.URL, false},
		{"http://localhost:" + port + "/", false},
		{"http://[::1]:" + port + "/", false},
		{"http://[::ffff:127.0.0.1]:" + port + "/", false},
		{"http://0.0.0.0:" + port + "/", false},
		{"http://0.0.0.0:" + port + "/", true},
		{"http://10.0.0.1/", false},
		{"http://10.0.0.1/", true},
		{"http://169.254.169.254/latest/meta-data/", false},
		{"http://169.254.169.254/latest/meta-data/", true},
		{"http://172.16.0.1/", true},
		{"http://192.168.1.1/", true},
		{"http://100.64.0.1/", true},
		{"http://224.0.0.1/", true},
		{"http://[fc00::1]/", true},
		{"http://[fe80::1]/", true},
		{"http://[::ffff:10.0.0.1]/", true},
		{"https://10.0.0.1/", true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/loopback=%v", tt.url, tt.allowLoopback), func(t *testing.T) {
			o := testOptions()
			o.AllowLoopback = tt.allowLoopback
			o.Timeout = 2 * time.Second
			_, err := fetch.New(o).Get(t.Context(), tt.url, fetch.Validators{})
			if !errors.Is(err, fetch.ErrBlocked) {
				t.Fatalf("Get(%s) = %v, want ErrBlocked", tt.url, err)
			}
			if !strings.Contains(err.Error(), tt.url) {
				t.Errorf("error %q does not name the URL", err)
			}
		})
	}
}

func TestRedirectToMetadataBlocked(t *testing.T) {
	for _, target := range []string{
		"http://169.254.169.254/latest/meta-data/iam/security-credentials/",
		"http://10.0.0.1:8080/admin",
		"http://[fd00::1]/",
	} {
		srv := serve(t, http.RedirectHandler(target, http.StatusFound))
		_, err := fetch.New(testOptions()).Get(t.Context(), srv.URL+"/go", fetch.Validators{})
		if !errors.Is(err, fetch.ErrBlocked) {
			t.Fatalf("redirect to %s: %v, want ErrBlocked", target, err)
		}
		if !strings.Contains(err.Error(), "redirected to "+target) {
			t.Errorf("error %q does not name the hop", err)
		}
	}
}

func TestTimeout(t *testing.T) {
	done := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		<-done
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "headers and a little body, then nothing")
		w.(http.Flusher).Flush()
		<-done
	})
	srv := serve(t, mux)
	t.Cleanup(func() { close(done) }) // runs before srv.Close
	o := testOptions()
	o.Timeout = 300 * time.Millisecond
	c := fetch.New(o)
	for _, p := range []string{"/silent", "/trickle"} {
		start := time.Now()
		_, err := c.Get(t.Context(), srv.URL+p, fetch.Validators{})
		if el := time.Since(start); el > 3*time.Second {
			t.Errorf("%s: took %v with a 300ms timeout", p, el)
		}
		if err == nil || !strings.Contains(err.Error(), "no complete response within 300ms") {
			t.Errorf("%s: err = %v, want a timeout", p, err)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: err = %v, not DeadlineExceeded", p, err)
		}
	}
}

func TestGzipBomb(t *testing.T) {
	const claimed = 1 << 30 // 1 GiB of zeros, compressed as it is sent
	var inflated atomic.Int64
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		zeros := make([]byte, 64<<10)
		for inflated.Load() < claimed {
			if _, err := zw.Write(zeros); err != nil {
				return // the client hung up, as it should
			}
			inflated.Add(int64(len(zeros)))
		}
		zw.Close()
	}))
	o := testOptions()
	o.MaxBody = 1 << 20

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := fetch.New(o).Get(t.Context(), srv.URL+"/bomb", fetch.Validators{})
	el := time.Since(start)
	runtime.ReadMemStats(&after)

	if !errors.Is(err, fetch.ErrTooLarge) || !strings.Contains(err.Error(), "exceeds 1048576 bytes") {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if el > 5*time.Second {
		t.Errorf("took %v to refuse the bomb", el)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("refused after %v, %d MB allocated, server inflated %d MB", el, alloc>>20, inflated.Load()>>20)
	if alloc > 64<<20 {
		t.Errorf("allocated %d MB refusing a 1 MB-limited bomb", alloc>>20)
	}
	if n := inflated.Load(); n >= claimed {
		t.Errorf("server got to send all %d bytes", n)
	}
}

func TestDecompressBomb(t *testing.T) {
	pr, pw := io.Pipe()
	var written atomic.Int64
	go func() {
		zw := gzip.NewWriter(pw)
		zeros := make([]byte, 64<<10)
		for written.Load() < 1<<30 {
			if _, err := zw.Write(zeros); err != nil {
				return
			}
			written.Add(int64(len(zeros)))
		}
		zw.Close()
		pw.Close()
	}()
	_, err := fetch.Decompress(pr, "bomb.xml.gz", 1<<20)
	pr.Close()
	if !errors.Is(err, fetch.ErrTooLarge) || !strings.Contains(err.Error(), "bomb.xml.gz") || !strings.Contains(err.Error(), "exceeds 1048576 bytes") {
		t.Fatalf("err = %v, want ErrTooLarge naming the file", err)
	}
	if n := written.Load(); n > 64<<20 {
		t.Errorf("inflated %d MB before giving up", n>>20)
	}
}

func TestDecompress(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		max     int64
		want    string
		wantErr error
	}{
		{"plain", []byte("<urlset/>"), 100, "<urlset/>", nil},
		{"gzip", gzipped(t, "<urlset/>"), 100, "<urlset/>", nil},
		{"exact", gzipped(t, "12345"), 5, "12345", nil},
		{"one over", gzipped(t, "123456"), 5, "", fetch.ErrTooLarge},
		{"plain over", []byte("123456"), 5, "", fetch.ErrTooLarge},
		{"empty", nil, 5, "", nil},
		{"bad gzip", []byte{0x1f, 0x8b, 0, 0}, 100, "", io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fetch.Decompress(bytes.NewReader(tt.in), tt.name+".gz", tt.max)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.name+".gz") {
					t.Fatalf("err = %v, want %v naming the file", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("= %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestRobots(t *testing.T) {
	var robotsHits atomic.Int32
	robots := map[string]func(w http.ResponseWriter){
		"rules": func(w http.ResponseWriter) {
			io.WriteString(w, "User-agent: *\nDisallow: /\n\nUser-agent: sitrep\nDisallow: /private\nDisallow: /*?print\n")
		},
		"404": func(w http.ResponseWriter) { http.NotFound(w, nil) },
		"500": func(w http.ResponseWriter) { http.Error(w, "down", http.StatusInternalServerError) },
		"403": func(w http.ResponseWriter) { http.Error(w, "no", http.StatusForbidden) },
	}
	tests := []struct {
		robots  string
		path    string
		allowed bool
	}{
		{"rules", "/public", true},
		{"rules", "/private/x", false},
		{"rules", "/public?print=1", false},
		{"404", "/private/x", true},
		{"403", "/private/x", true},
		{"500", "/private/x", false}, // RFC 9309: a server error means disallow all
	}
	for _, tt := range tests {
		t.Run(tt.robots+tt.path, func(t *testing.T) {
			robotsHits.Store(0)
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					robotsHits.Add(1)
					robots[tt.robots](w)
					return
				}
				w.Header().Set("Content-Type", "text/plain")
				io.WriteString(w, "page")
			}))
			var logged bytes.Buffer
			o := testOptions()
			o.IgnoreRobots = false
			o.Logger = slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelDebug}))
			c := fetch.New(o)
			for range 3 { // robots.txt is fetched once for all three
				_, err := c.Get(t.Context(), srv.URL+tt.path, fetch.Validators{})
				if tt.allowed && err != nil {
					t.Fatalf("Get: %v", err)
				}
				if !tt.allowed && !errors.Is(err, fetch.ErrRobots) {
					t.Fatalf("Get = %v, want ErrRobots", err)
				}
			}
			if n := robotsHits.Load(); n != 1 {
				t.Errorf("robots.txt fetched %d times", n)
			}
			if wantLog := tt.robots == "500"; wantLog != strings.Contains(logged.String(), "500 Internal Server Error") {
				t.Errorf("debug log = %q", logged.String())
			}
		})
	}
}

func TestRobotsOnRedirect(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			io.WriteString(w, "User-agent: *\nDisallow: /private\n")
		case "/go":
			http.Redirect(w, r, "/private/page", http.StatusFound)
		default:
			t.Errorf("fetched %s", r.URL)
		}
	}))
	o := testOptions()
	o.IgnoreRobots = false
	_, err := fetch.New(o).Get(t.Context(), srv.URL+"/go", fetch.Validators{})
	if !errors.Is(err, fetch.ErrRobots) || !strings.Contains(err.Error(), "redirected to "+srv.URL+"/private/page") {
		t.Fatalf("err = %v, want ErrRobots on the hop", err)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag = `"v1"`
	const lastMod = "Tue, 18 Nov 2025 10:00:00 GMT"
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "v1 body")
	}))
	c := fetch.New(testOptions())
	first, err := c.Get(t.Context(), srv.URL, fetch.Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.Validators != (fetch.Validators{ETag: etag, LastModified: lastMod}) {
		t.Fatalf("first response: NotModified=%v Validators=%+v", first.NotModified, first.Validators)
	}
	second, err := c.Get(t.Context(), srv.URL, first.Validators)
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || second.Status != 304 || len(second.Body) != 0 || second.Validators != first.Validators {
		t.Fatalf("second response: %+v", second)
	}
	// A 304 nobody asked for is not "not modified".
	bare := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(304) }))
	var se *fetch.StatusError
	if _, err := c.Get(t.Context(), bare.URL, fetch.Validators{}); !errors.As(err, &se) || se.Code != 304 {
		t.Errorf("unconditional 304: %v", err)
	}
}

func TestRateLimit(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "ok")
	}))
	o := testOptions()
	o.PerHost = 20 // one every 50ms after a burst of 2
	c := fetch.New(o)
	start := time.Now()
	for range 6 {
		if _, err := c.Get(t.Context(), srv.URL, fetch.Validators{}); err != nil {
			t.Fatal(err)
		}
	}
	// 4 requests beyond the burst wait 50ms each: 200ms; allow for slack.
	if el := time.Since(start); el < 150*time.Millisecond {
		t.Errorf("6 requests at 20/s (burst 2) took only %v", el)
	}

	// Another host has its own budget: "localhost" is the same server by
	// another name, and the 127.0.0.1 limiter is now empty.
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	start = time.Now()
	if _, err := c.Get(t.Context(), "http://localhost:"+port+"/", fetch.Validators{}); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 40*time.Millisecond {
		t.Logf("first request to a fresh host took %v (slow machine?)", el)
	}

	// A cancelled context stops the wait.
	o.PerHost = 0.001
	slow := fetch.New(o)
	slow.Get(t.Context(), srv.URL, fetch.Validators{})
	slow.Get(t.Context(), srv.URL, fetch.Validators{})
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := slow.Get(ctx, srv.URL, fetch.Validators{}); err == nil || !strings.Contains(err.Error(), "rate limit") {
		t.Errorf("Get with an exhausted limiter and a short context = %v", err)
	}
}
