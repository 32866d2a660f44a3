package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/store"
)

// articleExts are the file extensions a directory walk reads (each may also
// end in .gz); other files in a directory are passed over.
var articleExts = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".txt": true, ".text": true,
	".json": true, ".xml": true, ".rss": true, ".atom": true,
}

// expand turns one source into items, or into a failed Result when the source
// itself cannot be read.
func (in *Ingester) expand(ctx context.Context, src string, items chan<- item, events chan<- event, seen map[string]bool) {
	x := expansion{in: in, ctx: ctx, items: items, events: events, seen: seen}
	var err error
	switch {
	case isHTTP(src):
		if seen[src] {
			return
		}
		seen[src] = true
		err = x.url(src, 0)
	case strings.Contains(src, "://"):
		err = fmt.Errorf("%s: unsupported scheme: give a file, a directory or an http(s) URL", src)
	default:
		err = x.path(src)
	}
	if err != nil && !errors.Is(err, errStop) {
		x.fail(src, err)
	}
}

func isHTTP(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// errStop ends an expansion early because ctx ended; it is not a failure.
var errStop = errors.New("stopped")

type expansion struct {
	in     *Ingester
	ctx    context.Context
	items  chan<- item
	events chan<- event
	// seen holds the URLs of articles, feeds and sitemaps already taken in
	// this run: an article listed in a feed, a sitemap and the arguments is
	// fetched once, and sitemap indexes cannot loop.
	seen map[string]bool
}

func (x *expansion) emit(it item) error {
	x.events <- event{found: 1}
	select {
	case x.items <- it:
		return nil
	case <-x.ctx.Done():
		return errStop
	}
}

func (x *expansion) fail(input string, err error) {
	x.in.cfg.Log.Debug("ingest failed", "input", input, "err", err)
	x.events <- event{found: 1, result: &Result{Input: input, Status: Failed, Err: err}}
}

// path expands a file or a directory.
func (x *expansion) path(p string) error {
	st, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, unwrapPathError(err))
	}
	if !st.IsDir() {
		return x.file(p, st)
	}
	return filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			x.fail(fp, unwrapPathError(err))
			return nil
		}
		if ctxErr := x.ctx.Err(); ctxErr != nil {
			return errStop
		}
		name := d.Name()
		if fp != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if !articleExts[strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))] {
			x.in.cfg.Log.Debug("skipping file of unknown type", "path", fp)
			return nil
		}
		st, err := d.Info()
		if err != nil {
			x.fail(fp, unwrapPathError(err))
			return nil
		}
		if err := x.file(fp, st); err != nil {
			if errors.Is(err, errStop) {
				return err
			}
			x.fail(fp, err)
		}
		return nil
	})
}

// unwrapPathError drops the *fs.PathError wrapper, whose message repeats the
// path that our own message already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// file reads one local file: an article, or a feed or sitemap whose links are
// fetched. Sitemaps are streamed, whatever their size; anything else must fit
// in MaxFile, before and after decompression.
func (x *expansion) file(p string, st fs.FileInfo) error {
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, unwrapPathError(err))
	}
	defer f.Close()
	r, err := fetch.Decompressed(f, maxSitemapBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	br := bufio.NewReaderSize(r, 8<<10)
	prefix, err := br.Peek(8 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("%s: %w", p, err)
	}
	name := strings.TrimSuffix(p, ".gz")
	kind := fetch.Sniff(prefix, "", name)
	if kind == fetch.KindSitemap || kind == fetch.KindSitemapIndex {
		return x.sitemap(p, br, 0, kind == fetch.KindSitemapIndex)
	}
	body, err := readLimited(p, st.Size(), br, x.in.cfg.MaxFile)
	if err != nil {
		return err
	}
	if kind == fetch.KindFeed {
		return x.feed(p, body)
	}
	return x.emit(item{input: p, url: p, body: body, contentType: contentTypeOf(name), fetched: time.Now().UTC()})
}

// readLimited reads a file's decompressed content r, failing when the file
// (of size bytes on disk) or its content exceeds max.
func readLimited(p string, size int64, r io.Reader, max int64) ([]byte, error) {
	if size > max {
		return nil, fmt.Errorf("%s: %w: file is %s, over the limit of %s", p, fetch.ErrTooLarge, humanBytes(size), humanBytes(max))
	}
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%s: %w: decompressed content exceeds %s", p, fetch.ErrTooLarge, humanBytes(max))
	}
	return body, nil
}

// Load reads one article from a file (decompressing .gz) or fetches it from
// an http(s) URL, without storing it: the input of `sitrep extract`.
func Load(ctx context.Context, f *fetch.Client, src string, maxFile int64) (article.Input, error) {
	if isHTTP(src) {
		resp, err := f.Get(ctx, src, fetch.Validators{})
		if err != nil {
			return article.Input{}, err
		}
		return article.Input{Body: resp.Body, URL: resp.URL, ContentType: resp.ContentType}, nil
	}
	if strings.Contains(src, "://") {
		return article.Input{}, fmt.Errorf("%s: unsupported scheme: give a file or an http(s) URL", src)
	}
	fh, err := os.Open(src)
	if err != nil {
		return article.Input{}, fmt.Errorf("%s: %w", src, unwrapPathError(err))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return article.Input{}, fmt.Errorf("%s: %w", src, unwrapPathError(err))
	}
	if st.IsDir() {
		return article.Input{}, fmt.Errorf("%s: is a directory: give article files", src)
	}
	r, err := fetch.Decompressed(fh, maxFile)
	if err != nil {
		return article.Input{}, fmt.Errorf("%s: %w", src, err)
	}
	body, err := readLimited(src, st.Size(), r, maxFile)
	if err != nil {
		return article.Input{}, err
	}
	return article.Input{Body: body, URL: src, ContentType: contentTypeOf(strings.TrimSuffix(src, ".gz"))}, nil
}

// url fetches a source URL: an article, or a feed or sitemap whose links are
// fetched in turn. Sitemaps are streamed, whatever their size; an article
// or feed must fit in MaxFile. Feeds and sitemaps are fetched conditionally
// on what their last answer said, and the new validators are saved once
// they are expanded.
func (x *expansion) url(u string, depth int) error {
	v, err := x.in.cfg.Store.Validators(x.ctx, u)
	if err != nil {
		return fmt.Errorf("%s: %w", u, err)
	}
	resp, rc, err := x.in.cfg.Fetcher.Stream(x.ctx, u, fetch.Validators(v), maxSitemapBytes)
	if err != nil {
		return err
	}
	if resp.NotModified {
		x.in.cfg.Log.Info("not modified since last poll", "source", u)
		return nil
	}
	defer rc.Close()
	r, err := fetch.Decompressed(rc, maxSitemapBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", u, err)
	}
	br := bufio.NewReaderSize(r, 8<<10)
	prefix, err := br.Peek(8 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("GET %s: reading body: %w", u, err)
	}
	kind := fetch.Sniff(prefix, resp.ContentType, resp.URL)
	if kind == fetch.KindSitemap || kind == fetch.KindSitemapIndex {
		err = x.sitemap(u, br, depth, kind == fetch.KindSitemapIndex)
	} else {
		var body []byte
		body, err = readLimited("GET "+u, 0, br, x.in.cfg.MaxFile)
		switch {
		case err != nil:
		case kind == fetch.KindFeed:
			err = x.feed(u, body)
		case depth > 0:
			return fmt.Errorf("%s: listed in a sitemap index but not a sitemap", u)
		default:
			return x.emit(item{input: u, url: resp.URL, body: body, contentType: resp.ContentType, fetched: time.Now().UTC()})
		}
	}
	if err != nil {
		return err
	}
	if resp.Validators != (fetch.Validators{}) {
		if err := x.in.cfg.Store.SetValidators(x.ctx, u, store.Validators(resp.Validators)); err != nil {
			return fmt.Errorf("%s: %w", u, err)
		}
	}
	return nil
}

func (x *expansion) feed(name string, body []byte) error {
	links, err := fetch.ParseFeed(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(links) == 0 {
		x.in.cfg.Log.Info("feed has no items with links", "source", name)
	}
	for _, l := range links {
		if err := x.link(name, l.URL); err != nil {
			return err
		}
	}
	return nil
}

// link emits an article found in a feed or sitemap, or fails it alone when
// its URL is not one sitrep fetches.
func (x *expansion) link(index, u string) error {
	if !isHTTP(u) {
		x.fail(u, fmt.Errorf("%s: listed in %s: not an http(s) URL", u, index))
		return nil
	}
	if x.seen[u] {
		return nil
	}
	x.seen[u] = true
	return x.emit(item{input: u, url: u, fromIndex: true})
}

// sitemap streams a sitemap (emitting its URLs as they come) or a sitemap
// index (whose sitemaps are fetched and expanded in turn once it is read, up
// to maxSitemapDepth levels deep). isIndex is what sniffing its start said.
func (x *expansion) sitemap(name string, r io.Reader, depth int, isIndex bool) error {
	x.seen[name] = true
	var children []string
	_, err := fetch.ParseSitemap(r, func(l fetch.Link) error {
		if x.ctx.Err() != nil {
			return errStop
		}
		if isIndex {
			children = append(children, l.URL)
			return nil
		}
		return x.link(name, l.URL)
	})
	if errors.Is(err, errStop) {
		return errStop
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(children) > 0 && depth >= maxSitemapDepth {
		return fmt.Errorf("%s: sitemap indexes nest deeper than %d levels", name, maxSitemapDepth)
	}
	for _, child := range children {
		if x.seen[child] {
			continue
		}
		if !isHTTP(child) {
			x.fail(child, fmt.Errorf("%s: listed in %s: not an http(s) URL", child, name))
			continue
		}
		x.seen[child] = true
		if err := x.url(child, depth+1); err != nil {
			if errors.Is(err, errStop) {
				return err
			}
			x.fail(child, err)
		}
	}
	return nil
}

func contentTypeOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return "text/html"
	case ".txt", ".text":
		return "text/plain"
	case ".json":
		return "application/json"
	case ".xml", ".rss", ".atom":
		return "application/xml"
	}
	return ""
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
