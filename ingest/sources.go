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

// sniffLen is how much of a payload decides what it is.
const sniffLen = 8 << 10

// expand turns one source into items, or into a failed Result when the source
// itself cannot be read.
func (in *Ingester) expand(ctx context.Context, src string, items chan<- item, events chan<- event, seen *seenSet) {
	x := expansion{in: in, ctx: ctx, items: items, events: events, seen: seen}
	var err error
	switch {
	case isHTTP(src):
		if !seen.add(src) {
			return
		}
		err = x.url(src, 0, nil)
	case strings.Contains(src, "://"):
		err = fmt.Errorf("%s: unsupported scheme: give a file, a directory or an http(s) URL", src)
	default:
		err = x.path(src)
	}
	if err != nil && !errors.Is(err, errStop) {
		x.fail(src, nil, err)
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
	seen *seenSet
}

// emit queues an item. Its found event has been sent already when the item
// took a URL (see link); otherwise emit sends it.
func (x *expansion) emit(it item) error {
	if it.claim == 0 {
		x.events <- event{found: 1, index: it.index}
	}
	select {
	case x.items <- it:
		return nil
	case <-x.ctx.Done():
		// Counted as found: settle it, so the index is not waiting for it.
		x.events <- event{result: &Result{Input: it.input, Status: Interrupted}, index: it.index, claim: it.claim}
		return errStop
	}
}

// fail reports an input that failed before it became an item.
func (x *expansion) fail(input string, ix *index, err error) {
	x.in.cfg.Log.Debug("ingest failed", "input", input, "err", err)
	st := Failed
	if x.ctx.Err() != nil {
		st, err = Interrupted, nil
	}
	x.events <- event{found: 1, index: ix, result: &Result{Input: input, Status: st, Err: err}}
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
			x.fail(fp, nil, unwrapPathError(err))
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
			x.fail(fp, nil, unwrapPathError(err))
			return nil
		}
		if err := x.file(fp, st); err != nil {
			if errors.Is(err, errStop) {
				return err
			}
			x.fail(fp, nil, err)
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
// in MaxFile, before and after decompression. The file's absolute path
// becomes the article's URL, so that it is the same from any directory.
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
	br := bufio.NewReaderSize(r, sniffLen)
	name := strings.TrimSuffix(p, ".gz")
	kind, err := classify(p, br, "", name)
	if err != nil {
		return err
	}
	if kind == fetch.KindSitemap || kind == fetch.KindSitemapIndex {
		return x.sitemap(&index{url: p}, br, 0, kind == fetch.KindSitemapIndex)
	}
	body, err := readLimited(p, st.Size(), br, x.in.cfg.MaxFile)
	if err != nil {
		return err
	}
	if kind == fetch.KindFeed {
		return x.feed(&index{url: p}, body)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return x.emit(item{input: p, url: abs, body: body, contentType: contentTypeOf(name), fetched: time.Now().UTC()})
}

// classify peeks at the start of a payload and says what it is, or why
// sitrep does not read it. XML that is neither a feed nor a sitemap nor a
// web page would otherwise be taken for plain text.
func classify(name string, br *bufio.Reader, contentType, hint string) (fetch.Kind, error) {
	prefix, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fetch.KindUnknown, fmt.Errorf("%s: %w", name, err)
	}
	kind := fetch.Sniff(prefix, contentType, hint)
	if kind == fetch.KindUnknown && bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(prefix, []byte("\xef\xbb\xbf"))), []byte("<")) {
		return kind, fmt.Errorf("%s: XML that is not a feed, a sitemap or a web page", name)
	}
	return kind, nil
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

// Load reads one article from a file or fetches it from an http(s) URL,
// decompressing gzip, without storing it: the input of `sitrep extract`.
// Feeds and sitemaps are refused: they list articles, ingest fetches them.
func Load(ctx context.Context, f *fetch.Client, src string, maxFile int64) (article.Input, error) {
	var raw io.Reader
	in := article.Input{URL: src}
	size := int64(0)
	switch {
	case isHTTP(src):
		resp, err := f.Get(ctx, src, fetch.Validators{})
		if err != nil {
			return article.Input{}, err
		}
		raw, in.URL, in.ContentType = bytes.NewReader(resp.Body), resp.URL, resp.ContentType
	case strings.Contains(src, "://"):
		return article.Input{}, fmt.Errorf("%s: unsupported scheme: give a file or an http(s) URL", src)
	default:
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
		raw, size, in.ContentType = fh, st.Size(), contentTypeOf(strings.TrimSuffix(src, ".gz"))
	}
	r, err := fetch.Decompressed(raw, maxFile)
	if err != nil {
		return article.Input{}, fmt.Errorf("%s: %w", src, err)
	}
	br := bufio.NewReaderSize(r, sniffLen)
	kind, err := classify(src, br, in.ContentType, strings.TrimSuffix(in.URL, ".gz"))
	if err != nil {
		return article.Input{}, err
	}
	switch kind {
	case fetch.KindFeed, fetch.KindSitemap, fetch.KindSitemapIndex:
		return article.Input{}, fmt.Errorf("%s: is a %s, not an article: `sitrep ingest` fetches the articles it lists", src, kind)
	}
	if in.Body, err = readLimited(src, size, br, maxFile); err != nil {
		return article.Input{}, err
	}
	return in, nil
}

// url fetches a source URL: an article, or a feed or sitemap whose links are
// fetched in turn. A URL named by the user is fetched like any page, within
// the page limits, and streamed again only if it proves larger: a sitemap
// may be 100 MB. A sitemap listed in an index is streamed at once. Feeds and
// sitemaps are fetched conditionally on the validators saved last time.
func (x *expansion) url(u string, depth int, parent *index) error {
	v, err := x.in.cfg.Store.Validators(x.ctx, u)
	if err != nil {
		return fmt.Errorf("%s: %w", u, err)
	}
	var resp *fetch.Response
	var body io.Reader
	var rc io.ReadCloser
	streamed := depth > 0
	if !streamed {
		resp, err = x.in.cfg.Fetcher.Get(x.ctx, u, fetch.Validators{ETag: v.ETag, LastModified: v.LastModified})
		if errors.Is(err, fetch.ErrTooLarge) {
			streamed = true
		} else if err == nil {
			body = bytes.NewReader(resp.Body)
		}
	}
	if streamed {
		resp, rc, err = x.in.cfg.Fetcher.Stream(x.ctx, u, fetch.Validators{ETag: v.ETag, LastModified: v.LastModified}, maxSitemapBytes)
		if rc != nil {
			defer rc.Close()
			body = rc
		}
	}
	if err != nil {
		return err
	}
	if resp.NotModified {
		x.in.cfg.Log.Info("not modified since last poll", "source", u)
		return nil
	}
	r, err := fetch.Decompressed(body, maxSitemapBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", u, err)
	}
	br := bufio.NewReaderSize(r, sniffLen)
	kind, err := classify("GET "+u, br, resp.ContentType, resp.URL)
	if err != nil {
		return err
	}
	ix := &index{url: u, validators: store.Validators{ETag: resp.Validators.ETag, LastModified: resp.Validators.LastModified}, parent: parent}
	switch {
	case kind == fetch.KindSitemap || kind == fetch.KindSitemapIndex:
		if rc != nil {
			// Parsing keeps pace with the workers, which may take longer
			// than a server keeps a connection open or than our own
			// deadline allows: read it all first, to a file.
			f, err := spool(br, u)
			rc.Close()
			if err != nil {
				return err
			}
			defer os.Remove(f.Name())
			defer f.Close()
			br = bufio.NewReaderSize(f, sniffLen)
		}
		return x.sitemap(ix, br, depth, kind == fetch.KindSitemapIndex)
	case depth > 0:
		return fmt.Errorf("%s: listed in a sitemap index but not a sitemap", u)
	case streamed && kind != fetch.KindFeed:
		return fmt.Errorf("GET %s: %w: not a sitemap, and over the limit of %s for a page", u, fetch.ErrTooLarge, humanBytes(x.in.cfg.MaxFile))
	}
	data, err := readLimited("GET "+u, 0, br, x.in.cfg.MaxFile)
	if err != nil {
		return err
	}
	if kind == fetch.KindFeed {
		return x.feed(ix, data)
	}
	it := item{input: u, url: resp.URL, body: data, contentType: resp.ContentType, fetched: time.Now().UTC()}
	if resp.URL != u {
		it.listed = u
	}
	return x.emit(it)
}

// spool copies a streamed sitemap to a temporary file and returns the file,
// open at its start; the caller closes and removes it.
func spool(r io.Reader, u string) (*os.File, error) {
	f, err := os.CreateTemp("", "sitrep-sitemap-*.xml")
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if _, err = io.Copy(f, r); err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("GET %s: reading the sitemap: %w", u, err)
	}
	return f, nil
}

// begin announces an index whose items are about to be listed; done says
// they all have been. The collector then saves its validators once they are
// all stored.
func (x *expansion) begin(ix *index) { x.events <- event{started: ix} }
func (x *expansion) done(ix *index)  { x.events <- event{expanded: ix} }

func (x *expansion) feed(ix *index, body []byte) error {
	links, err := fetch.ParseFeed(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", ix.url, err)
	}
	if len(links) == 0 {
		x.in.cfg.Log.Info("feed has no items with links", "source", ix.url)
	}
	x.begin(ix)
	defer x.done(ix)
	for _, l := range links {
		if err := x.link(ix, l); err != nil {
			return err
		}
	}
	return nil
}

// link emits an article found in a feed or sitemap, or fails it alone when
// its URL is not one sitrep fetches.
func (x *expansion) link(ix *index, l fetch.Link) error {
	if !isHTTP(l.URL) {
		x.fail(l.URL, ix, fmt.Errorf("%s: listed in %s: not an http(s) URL", l.URL, ix.url))
		return nil
	}
	claim, ok := x.seen.take(l.URL, ix, x.events)
	if !ok {
		return nil // another input has it; ix waits for its result
	}
	updated := l.Updated
	if l.Published.After(updated) {
		updated = l.Published
	}
	return x.emit(item{input: l.URL, url: l.URL, index: ix, updated: updated, claim: claim})
}

// sitemap streams a sitemap (emitting its URLs as they come) or a sitemap
// index (whose sitemaps are fetched and expanded in turn once it is read, up
// to maxSitemapDepth levels deep). isIndex is what sniffing its start said.
func (x *expansion) sitemap(ix *index, r io.Reader, depth int, isIndex bool) error {
	x.seen.add(ix.url)
	x.begin(ix)
	defer x.done(ix)
	var children []string
	_, err := fetch.ParseSitemap(r, func(l fetch.Link) error {
		if x.ctx.Err() != nil {
			return errStop
		}
		if isIndex {
			children = append(children, l.URL)
			return nil
		}
		return x.link(ix, l)
	})
	if errors.Is(err, errStop) {
		return errStop
	}
	if err != nil {
		// What was listed before the error is still ingested; the sitemap
		// itself fails, so its validators are not saved.
		x.fail(ix.url, ix, fmt.Errorf("%s: %w", ix.url, err))
		return nil
	}
	if len(children) > 0 && depth >= maxSitemapDepth {
		x.fail(ix.url, ix, fmt.Errorf("%s: sitemap indexes nest deeper than %d levels", ix.url, maxSitemapDepth))
		return nil
	}
	for _, child := range children {
		if !isHTTP(child) {
			x.fail(child, ix, fmt.Errorf("%s: listed in %s: not an http(s) URL", child, ix.url))
			continue
		}
		if !x.seen.add(child) {
			continue
		}
		if err := x.url(child, depth+1, ix); err != nil {
			if errors.Is(err, errStop) {
				return err
			}
			x.fail(child, ix, err)
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
