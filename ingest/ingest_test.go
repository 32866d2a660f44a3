package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// strikeText returns a plain-text article, distinct for each n.
func strikeText(n int) string {
	return fmt.Sprintf("Strike number %d reported off the coast\nPublished November 18, 2025\n"+
		"The military said it carried out strike number %d against a vessel in the Caribbean on Monday, killing three people. "+
		"Officials said the boat was carrying drugs, but did not produce evidence.\n", n, n)
}

func htmlStory(n int) string {
	return fmt.Sprintf(`<!doctype html><html><head><meta charset="utf-8"><title>Raid %d in the Pacific</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Raid %d in the Pacific</h1>
<p>Forces raided a vessel in the eastern Pacific on Tuesday in operation number %d, the defence ministry said in a statement.</p>
<p>The ministry said four people were detained and that the crew had been carrying cocaine bound for the north.</p>
<p>Human rights groups asked the government to publish the evidence it said it had gathered during the raid.</p>
</article><footer>Copyright</footer></body></html>`, n, n, n)
}

type harness struct {
	t     *testing.T
	store store.Store
	in    *Ingester
}

func newHarness(t *testing.T, cfg Config) *harness {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cfg.Store = db
	cfg.Pipeline = pipeline.Default()
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Fetcher == nil {
		cfg.Fetcher = fetch.New(fetch.Options{AllowLoopback: true, PerHost: rate.Inf, Timeout: 2 * time.Second, IgnoreRobots: true})
	}
	return &harness{t: t, store: db, in: New(cfg)}
}

func (h *harness) run(sources ...string) Summary {
	h.t.Helper()
	s, err := h.in.Run(context.Background(), sources)
	if err != nil {
		h.t.Fatal(err)
	}
	return s
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// gzBomb compresses n zero bytes without holding them.
func gzBomb(t *testing.T, n int64) []byte {
	t.Helper()
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for left := n; left > 0; left -= int64(len(zero)) {
		w.Write(zero[:min(int64(len(zero)), left)])
	}
	w.Close()
	return b.Bytes()
}

// failuresByInput maps each failed input's base name to its error text.
func failuresByInput(s Summary) map[string]string {
	m := map[string]string{}
	for _, f := range s.Failures {
		m[filepath.Base(f.Input)] = f.Err.Error()
	}
	return m
}

func TestIngestDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte(strikeText(1)))
	write(t, dir, "sub/b.html", []byte(htmlStory(2)))
	write(t, dir, "sub/c.html.gz", gz(t, []byte(htmlStory(3))))
	write(t, dir, "d.json", []byte(`{"url":"https://example.org/d","title":"Ships seized near the strait","published":"2025-11-17","text":"Coast guard vessels seized two ships near the strait on Sunday, officials said, and detained eleven crew members for questioning."}`))
	write(t, dir, "latin1.html", []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>Le caf\xe9 de la place a \xe9t\xe9 d\xe9truit lors du bombardement de lundi, selon les habitants du quartier qui ont vu les avions.</p><p>Les secours ont d\xe9gag\xe9 deux personnes des d\xe9combres, a indiqu\xe9 la protection civile dans un communiqu\xe9.</p></article></body></html>"))
	write(t, dir, "notes.md", []byte("# not read: unknown extension"))
	write(t, dir, ".hidden/e.txt", []byte(strikeText(5)))
	// Bad inputs: each fails alone, naming itself.
	write(t, dir, "bad/binary.txt", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...))
	write(t, dir, "bad/empty.txt", nil)
	write(t, dir, "bad/invalid-utf8.txt", []byte("Headline\nA body that is not UTF-8: \xff\xfe\xfa and goes on for a while to be an article.\n"))
	write(t, dir, "bad/no-article.html", []byte(`<html><body><nav><a href="/a">A</a> <a href="/b">B</a></nav></body></html>`))
	write(t, dir, "bad/bomb.html.gz", gzBomb(t, 200<<20))
	write(t, dir, "bad/config.xml", []byte(`<?xml version="1.0"?><config><setting name="a">b</setting></config>`))
	write(t, dir, "bad/malformed-feed.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><link>https://example.org/a</link>`))
	huge := filepath.Join(dir, "bad/huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // sparse: takes no disk
		t.Fatal(err)
	}
	f.Close()

	h := newHarness(t, Config{MaxFile: 1 << 20})
	s := h.run(dir)
	if s.Stored != 5 || s.Duplicates != 0 || s.Unchanged != 0 {
		t.Errorf("stored %d, duplicates %d, unchanged %d; want 5, 0, 0 (failures: %v)", s.Stored, s.Duplicates, s.Unchanged, failuresByInput(s))
	}
	fails := failuresByInput(s)
	for name, reason := range map[string]string{
		"binary.txt":         "binary",
		"empty.txt":          "empty",
		"invalid-utf8.txt":   "UTF-8",
		"no-article.html":    "article",
		"bomb.html.gz":       "exceeds",
		"malformed-feed.xml": "feed",
		"config.xml":         "XML that is not a feed, a sitemap or a web page",
		"huge.txt":           "1.0 GiB, over the limit of 1.0 MiB",
	} {
		msg, ok := fails[name]
		if !ok {
			t.Errorf("%s: did not fail", name)
			continue
		}
		if !strings.Contains(msg, name) || !strings.Contains(msg, reason) {
			t.Errorf("%s: error %q should name the input and say %q", name, msg, reason)
		}
	}
	if len(fails) != 8 {
		t.Errorf("%d failures, want 8: %v", len(fails), fails)
	}

	// Running the same ingest again stores nothing new and loses nothing.
	again := h.run(dir)
	if again.Stored != 0 || again.Unchanged != 5 || again.Failed != 8 {
		t.Errorf("second run: stored %d, unchanged %d, failed %d; want 0, 5, 8", again.Stored, again.Unchanged, again.Failed)
	}
	if n, _ := h.store.Count(context.Background()); n != 5 {
		t.Errorf("store holds %d articles, want 5", n)
	}
	page, err := h.store.List(context.Background(), store.Query{Text: "café"})
	if err != nil || len(page.Articles) != 1 {
		t.Errorf("the Latin-1 page is not findable as UTF-8: %v %+v", err, page)
	}
}

func TestIngestDuplicatesAndVersions(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(strikeText(1)))
	b := write(t, dir, "copy-of-a.txt", []byte(strikeText(1)))
	h := newHarness(t, Config{})
	if s := h.run(a, b); s.Stored != 1 || s.Duplicates != 1 {
		t.Errorf("same content at two paths: %+v, want stored 1, duplicates 1", s)
	}
	write(t, dir, "a.txt", []byte(strikeText(2)))
	if s := h.run(a); s.Stored != 1 {
		t.Errorf("changed content at a known path: %+v, want stored 1", s)
	}
	vs, err := h.store.Versions(context.Background(), a)
	if err != nil || len(vs) != 2 || vs[0].Version != 1 || vs[1].Version != 2 {
		t.Errorf("versions of %s = %+v, %v; want 1 and 2", a, vs, err)
	}
}

// site is a test news site on 127.0.0.1 with articles, a feed, sitemaps and
// every kind of failure.
type site struct {
	*httptest.Server
	hits     map[string]*atomic.Int64
	notModif atomic.Int64
}

func newSite(t *testing.T) *site {
	s := &site{hits: map[string]*atomic.Int64{}}
	mux := http.NewServeMux()
	count := func(path string) {
		if s.hits[path] == nil {
			panic("uncounted path " + path)
		}
		s.hits[path].Add(1)
	}
	for _, p := range []string{"/feed.xml", "/sitemap-index.xml", "/sitemap-1.xml.gz", "/a/1", "/a/2", "/a/3", "/a/4"} {
		s.hits[p] = new(atomic.Int64)
	}
	block := make(chan struct{})
	t.Cleanup(func() { close(block) })
	mux.HandleFunc("/a/{n}", func(w http.ResponseWriter, r *http.Request) {
		count(r.URL.Path)
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, htmlStory(n))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r.URL.Path)
		if r.Header.Get("If-None-Match") == `"feed-v1"` {
			s.notModif.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"feed-v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		gone := ""
		if r.URL.Query().Get("clean") == "" {
			gone = fmt.Sprintf(`<item><title>Gone</title><link>%s/missing</link></item>`, s.URL)
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>%[1]s/</link>
<item><title>One</title><link>%[1]s/a/1</link></item><item><title>Two</title><link>%[1]s/a/2</link></item>
%[2]s</channel></rss>`, s.URL, gone)
	})
	mux.HandleFunc("/sitemap-index.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r.URL.Path)
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap-1.xml.gz</loc></sitemap><sitemap><loc>%[1]s/sitemap-index.xml</loc></sitemap></sitemapindex>`, s.URL)
	})
	mux.HandleFunc("/sitemap-1.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		count(r.URL.Path)
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(gz(t, []byte(fmt.Sprintf(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/a/3</loc><news:news><news:publication_date>2025-11-18</news:publication_date><news:title>Three</news:title></news:news></url>
<url><loc>%[1]s/a/4</loc></url><url><loc>%[1]s/a/1</loc></url></urlset>`, s.URL))))
	})
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(r.PathValue("code"), &code)
		w.WriteHeader(code)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/to/{target...}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://"+r.PathValue("target"), http.StatusFound)
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestIngestWeb(t *testing.T) {
	s := newSite(t)
	h := newHarness(t, Config{})
	sum := h.run(s.URL+"/feed.xml", s.URL+"/sitemap-index.xml", s.URL+"/a/1",
		s.URL+"/status/404", s.URL+"/status/500", s.URL+"/hang", s.URL+"/image.png",
		s.URL+"/to/10.0.0.1/admin", s.URL+"/to/169.254.169.254/latest/meta-data/",
		"ftp://example.org/a")
	// /a/1 is in the feed, the sitemap and the arguments: stored once.
	if sum.Stored != 4 {
		t.Errorf("stored %d, want 4 (a/1..a/4): %v", sum.Stored, failuresByInput(sum))
	}
	if got := s.hits["/a/1"].Load(); got != 1 {
		t.Errorf("/a/1 fetched %d times", got)
	}
	fails := map[string]string{}
	for _, f := range sum.Failures {
		fails[strings.TrimPrefix(f.Input, s.URL)] = f.Err.Error()
	}
	for input, reason := range map[string]string{
		"/missing":                              "404 Not Found",
		"/status/404":                           "404 Not Found",
		"/status/500":                           "500 Internal Server Error",
		"/hang":                                 "no complete response within 2s",
		"/image.png":                            "content type",
		"/to/10.0.0.1/admin":                    "blocked",
		"/to/169.254.169.254/latest/meta-data/": "blocked",
		"ftp://example.org/a":                   "unsupported scheme",
	} {
		msg, ok := fails[input]
		if !ok {
			t.Errorf("%s did not fail (failures: %v)", input, fails)
			continue
		}
		if !strings.Contains(msg, reason) {
			t.Errorf("%s: error %q does not say %q", input, msg, reason)
		}
	}

	// Polled again, the feed's known articles are not fetched again.
	before := s.hits["/a/2"].Load()
	sum = h.run(s.URL + "/feed.xml")
	if sum.Stored != 0 || sum.Unchanged != 2 || s.hits["/a/2"].Load() != before {
		t.Errorf("second poll: %+v, and /a/2 fetched %d more times", sum, s.hits["/a/2"].Load()-before)
	}
}

// A sitemap of a million entries, read from a file or fetched, is streamed:
// articles are processed while it is read, and stopping early does not wait
// for the rest. Its 80 MB are far over the 1 MB limit for one article.
func TestIngestHugeSitemapStreams(t *testing.T) {
	s := newSite(t)
	writeSitemap := func(w io.Writer) error {
		if _, err := fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`); err != nil {
			return err
		}
		for i := range 1_000_000 {
			if _, err := fmt.Fprintf(w, "<url><loc>%s/status/404?n=%d</loc></url>\n", s.URL, i); err != nil {
				return err // the client hung up
			}
		}
		_, err := fmt.Fprint(w, `</urlset>`)
		return err
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	writeSitemap(zw)
	zw.Close()
	file := write(t, t.TempDir(), "sitemap.xml.gz", buf.Bytes())
	remote := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		writeSitemap(w)
	}))
	defer remote.Close()

	for _, src := range []string{file, remote.URL + "/sitemap.xml"} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var done, found atomic.Int64
			h := newHarness(t, Config{
				MaxFile: 1 << 20,
				OnFound: func(n int) { found.Store(int64(n)) },
				OnResult: func(r Result) {
					if r.Status == Interrupted {
						return
					}
					if r.Status != Failed || !strings.Contains(r.Err.Error(), "404") {
						t.Errorf("entry %s: %v %v, want a 404", r.Input, r.Status, r.Err)
					}
					if done.Add(1) == 500 {
						cancel()
					}
				},
			})
			start := time.Now()
			_, err := h.in.Run(ctx, []string{src})
			if err != context.Canceled {
				t.Errorf("Run = %v, want context.Canceled", err)
			}
			if found.Load() >= 1_000_000 {
				t.Errorf("all %d entries were read before the first 500 were processed", found.Load())
			}
			t.Logf("stopped after %d results, %d entries read, in %s", done.Load(), found.Load(), time.Since(start))
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.html.gz", gz(t, []byte(htmlStory(1))))
	in, err := Load(context.Background(), fetch.New(fetch.Options{}), p, 1<<20)
	if err != nil || !strings.Contains(string(in.Body), "Raid 1") || in.ContentType != "text/html" {
		t.Errorf("Load(%s) = %q, %v", p, in.ContentType, err)
	}
	for _, src := range []string{dir, filepath.Join(dir, "missing.txt"), "gopher://x/y"} {
		if _, err := Load(context.Background(), fetch.New(fetch.Options{}), src, 1<<20); err == nil || !strings.Contains(err.Error(), src) {
			t.Errorf("Load(%s) error %v should name the input", src, err)
		}
	}
}

func TestWatchPollsConditionally(t *testing.T) {
	tests := []struct {
		name, feed string
		wantRounds []Summary
		want304    int64
	}{
		{"a feed whose items are all stored is polled with its ETag", "/feed.xml?clean=1",
			[]Summary{{Stored: 2}, {}, {}}, 2},
		// Saving the ETag would hide /missing from every later poll.
		{"a feed with a failed item is fetched whole again", "/feed.xml",
			[]Summary{{Stored: 2, Failed: 1}, {Unchanged: 2, Failed: 1}, {Unchanged: 2, Failed: 1}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t)
			h := newHarness(t, Config{})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var rounds []Summary
			err := h.in.Watch(ctx, []string{s.URL + tt.feed}, 10*time.Millisecond, func(sum Summary) {
				sum.Failures = nil
				rounds = append(rounds, sum)
				if len(rounds) == len(tt.wantRounds) {
					cancel()
				}
			})
			if err != context.Canceled {
				t.Errorf("Watch = %v, want context.Canceled", err)
			}
			if fmt.Sprint(rounds) != fmt.Sprint(tt.wantRounds) {
				t.Errorf("rounds %+v, want %+v", rounds, tt.wantRounds)
			}
			if got := s.notModif.Load(); got != tt.want304 {
				t.Errorf("%d polls answered 304, want %d", got, tt.want304)
			}
		})
	}
}

// An article listed in a sitemap is fetched again only when the sitemap says
// it changed after it was stored.
func TestIndexedArticleRefetchedWhenUpdated(t *testing.T) {
	s := newSite(t)
	var lastmod atomic.Value
	lastmod.Store("2020-01-01")
	sitemap := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/a/1</loc><lastmod>%s</lastmod></url></urlset>`, s.URL, lastmod.Load())
	}))
	defer sitemap.Close()
	h := newHarness(t, Config{})
	// A lastmod between the last fetch and now: the index says it changed.
	changed := func() string {
		t := time.Now().UTC()
		time.Sleep(5 * time.Millisecond)
		return t.Format(time.RFC3339Nano)
	}
	steps := []struct {
		lastmod  func() string
		want     Summary
		wantHits int64
	}{
		{func() string { return "2020-01-01" }, Summary{Stored: 1}, 1},
		{func() string { return "2020-01-01" }, Summary{Unchanged: 1}, 1},
		{changed, Summary{Unchanged: 1}, 2},
		// Found unchanged then, it is not fetched again for the same lastmod.
		{func() string { return lastmod.Load().(string) }, Summary{Unchanged: 1}, 2},
		{changed, Summary{Unchanged: 1}, 3},
	}
	for i, st := range steps {
		lastmod.Store(st.lastmod())
		got := h.run(sitemap.URL + "/sitemap.xml")
		if fmt.Sprint(got) != fmt.Sprint(st.want) || s.hits["/a/1"].Load() != st.wantHits {
			t.Errorf("step %d (lastmod %s): %+v with %d fetches; want %+v with %d", i, lastmod.Load(), got, s.hits["/a/1"].Load(), st.want, st.wantHits)
		}
	}
}

// Cancelled before it starts, a run still accounts for every source.
func TestRunCancelledEarlyCountsEverySource(t *testing.T) {
	dir := t.TempDir()
	var sources []string
	for i := range 20 {
		sources = append(sources, write(t, dir, fmt.Sprintf("%d.txt", i), []byte(strikeText(i))))
	}
	h := newHarness(t, Config{Workers: 1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := h.in.Run(ctx, sources)
	if err != context.Canceled {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if sum.Interrupted+sum.Total() != 20 || sum.Failed != 0 {
		t.Errorf("%+v: want all 20 sources accounted for, none failed", sum)
	}
}

// A child sitemap is read whole before its entries are fetched, so that a
// long list fetched at a polite rate is not cut off by the deadline of the
// sitemap's own response (ten times the request timeout).
func TestSlowSitemapIsNotCutOff(t *testing.T) {
	s := newSite(t)
	const n = 300
	var mux http.ServeMux
	srv := httptest.NewServer(&mux)
	defer srv.Close()
	mux.HandleFunc("/index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/child.xml</loc></sitemap></sitemapindex>`, srv.URL)
	})
	mux.HandleFunc("/child.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		// Long entries, so that the body outgrows every buffer on the way.
		pad := strings.Repeat("x", 2000)
		for i := range n {
			fmt.Fprintf(w, "<url><loc>%s/status/404?n=%d&amp;pad=%s</loc></url>\n", s.URL, i, pad)
		}
		fmt.Fprint(w, `</urlset>`)
	})
	// 300 fetches at 100 a second take 3 s; the child's deadline is 1 s.
	f := fetch.New(fetch.Options{AllowLoopback: true, PerHost: 100, Timeout: 100 * time.Millisecond, IgnoreRobots: true})
	h := newHarness(t, Config{Fetcher: f, Workers: 2})
	sum := h.run(srv.URL + "/index.xml")
	if sum.Failed != n || sum.Total() != n {
		t.Errorf("%d failed of %d done; want all %d entries tried (each a 404)", sum.Failed, sum.Total(), n)
	}
	for _, f := range sum.Failures {
		if !strings.Contains(f.Err.Error(), "404") {
			t.Errorf("unexpected failure: %v", f.Err)
		}
	}
}

// An index whose article was taken by another input (here a feed listing
// the same URL first) waits for that input's result: when it fails, the
// sitemap's ETag is not saved, and the next poll tries the article again.
func TestIndexWaitsForSharedURL(t *testing.T) {
	s := newSite(t)
	var notModified, gone atomic.Int64
	var mux http.ServeMux
	srv := httptest.NewServer(&mux)
	defer srv.Close()
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		gone.Add(1)
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><link>%s/gone</link></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"s1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"s1"`)
		fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/gone</loc></url><url><loc>%s/a/1</loc></url></urlset>`, srv.URL, s.URL)
	})
	h := newHarness(t, Config{Workers: 1})
	first := h.run(srv.URL+"/feed.xml", srv.URL+"/sitemap.xml")
	if first.Stored != 1 || first.Failed != 1 || gone.Load() != 1 {
		t.Fatalf("first run: %+v, /gone fetched %d times", first, gone.Load())
	}
	second := h.run(srv.URL + "/sitemap.xml")
	if notModified.Load() != 0 || gone.Load() != 2 || second.Failed != 1 {
		t.Errorf("second run: %+v, %d answers 304, /gone fetched %d times; want the sitemap fetched whole and /gone tried again", second, notModified.Load(), gone.Load())
	}
}

// An article reached through a redirect is stored under its final URL, with
// the URL that led to it as an alias, however it was found.
func TestRedirectedArticleKeepsItsListedURL(t *testing.T) {
	s := newSite(t)
	var mux http.ServeMux
	srv := httptest.NewServer(&mux)
	defer srv.Close()
	mux.HandleFunc("/r", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.URL+"/a/1", http.StatusFound)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><link>%s/r</link></item></channel></rss>`, srv.URL)
	})
	h := newHarness(t, Config{})
	if sum := h.run(srv.URL + "/feed.xml"); sum.Stored != 1 {
		t.Fatalf("first poll: %+v", sum)
	}
	for _, u := range []string{s.URL + "/a/1", srv.URL + "/r"} {
		vs, err := h.store.Versions(context.Background(), u)
		if err != nil || len(vs) != 1 {
			t.Errorf("Versions(%s) = %+v, %v; want the article", u, vs, err)
		}
	}
	rec, _ := h.store.Get(context.Background(), mustVersions(t, h, s.URL+"/a/1")[0].ID)
	if rec.Doc.URL != s.URL+"/a/1" {
		t.Errorf("stored under %s, want the final URL", rec.Doc.URL)
	}
	// The next poll knows /r without fetching it; given by hand, /r is unchanged.
	if sum := h.run(srv.URL + "/feed.xml"); sum.Unchanged != 1 || s.hits["/a/1"].Load() != 1 {
		t.Errorf("second poll: %+v, /a/1 fetched %d times", sum, s.hits["/a/1"].Load())
	}
	if sum := h.run(srv.URL + "/r"); sum.Unchanged != 1 || sum.Duplicates != 0 {
		t.Errorf("the redirecting URL given by hand: %+v; want unchanged", sum)
	}
}

func mustVersions(t *testing.T, h *harness, u string) []store.Summary {
	t.Helper()
	vs, err := h.store.Versions(context.Background(), u)
	if err != nil || len(vs) == 0 {
		t.Fatalf("Versions(%s) = %v, %v", u, vs, err)
	}
	return vs
}
