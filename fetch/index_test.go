package fetch_test

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/fetch"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sameLinks(t *testing.T, got, want []fetch.Link) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d links %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.URL != w.URL || g.Title != w.Title || !g.Published.Equal(w.Published) || !g.Updated.Equal(w.Updated) {
			t.Errorf("link %d = %+v\nwant %+v", i, g, w)
		}
	}
}

func TestParseFeed(t *testing.T) {
	tests := []struct {
		file string
		want []fetch.Link
	}{
		{"rss.xml", []fetch.Link{
			{URL: "https://news.example.com/2025/11/18/caribbean-strike", Title: "US strikes boat in the Caribbean", Published: date("2025-11-18T14:05:00Z")},
			{URL: "https://news.example.com/2025/11/17/mexico", Title: "Relative link, resolved against the channel link", Published: date("2025-11-17T09:00:00Z")},
			{URL: "https://news.example.com/2025/11/16/pacific", Title: "Permalink only in the guid"},
		}},
		{"atom.xml", []fetch.Link{
			{URL: "https://atom.example.org/cartels", Title: "Cartels designated as terrorist organizations",
				Published: date("2025-11-18T10:30:00Z"), Updated: date("2025-11-18T11:00:00Z")},
		}},
		{"feed.json", []fetch.Link{
			{URL: "https://json.example.net/pacific-strike", Title: "Strike in the eastern Pacific", Published: date("2025-11-17T08:00:00Z")},
			{URL: "https://json.example.net/hegseth", Title: "Hegseth statement"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := fetch.ParseFeed(open(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			sameLinks(t, got, tt.want)
		})
	}
}

func TestParseFeedErrors(t *testing.T) {
	tests := []struct {
		name string
		in   io.Reader
	}{
		{"truncated", open(t, "malformed-feed.xml")},
		{"html", strings.NewReader("<!DOCTYPE html><html><body>not a feed</body></html>")},
		{"empty", strings.NewReader("")},
		{"json", strings.NewReader(`{"title": "an article"}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, err := fetch.ParseFeed(tt.in)
			if err == nil {
				t.Fatalf("ParseFeed = %+v, want an error", links)
			}
			if !strings.HasPrefix(err.Error(), "parse feed: ") || len(err.Error()) <= len("parse feed: ") {
				t.Errorf("error %q gives no reason", err)
			}
			t.Log(err)
		})
	}
}

func collect(t *testing.T, r io.Reader) ([]fetch.Link, bool, error) {
	t.Helper()
	var got []fetch.Link
	index, err := fetch.ParseSitemap(r, func(l fetch.Link) error {
		got = append(got, l)
		return nil
	})
	return got, index, err
}

func TestParseSitemap(t *testing.T) {
	tests := []struct {
		file      string
		wantIndex bool
		want      []fetch.Link
	}{
		{"sitemap.xml", false, []fetch.Link{
			{URL: "https://news.example.com/a", Updated: date("2025-11-18T00:00:00Z")},
			{URL: "https://news.example.com/b", Updated: date("2025-11-18T10:15:30+01:00")},
			{URL: "https://news.example.com/c"},
		}},
		{"sitemapindex.xml", true, []fetch.Link{
			{URL: "https://news.example.com/sitemap-2025-11.xml.gz", Updated: date("2025-11-18T00:00:00Z")},
			{URL: "https://news.example.com/sitemap-2025-10.xml.gz"},
		}},
		{"news-sitemap.xml", false, []fetch.Link{
			{URL: "https://news.example.com/2025/11/18/mexico-strikes",
				Title:     "Trump says he would be open to strikes in Mexico",
				Published: date("2025-11-18T09:30:00-05:00")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, index, err := collect(t, open(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if index != tt.wantIndex {
				t.Errorf("index = %v, want %v", index, tt.wantIndex)
			}
			sameLinks(t, got, tt.want)
		})
	}
}

func TestParseSitemapGzipped(t *testing.T) {
	pr, pw := io.Pipe()
	go func() {
		zw := gzip.NewWriter(pw)
		io.Copy(zw, open(t, "sitemap.xml"))
		zw.Close()
		pw.Close()
	}()
	r, err := fetch.Decompressed(pr, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := collect(t, r)
	if err != nil || len(got) != 3 {
		t.Fatalf("got %d links, %v", len(got), err)
	}
}

func TestParseSitemapErrors(t *testing.T) {
	stop := errors.New("enough")
	tests := []struct {
		name    string
		in      string
		each    func(fetch.Link) error
		wantMsg string
		wantErr error
	}{
		{"rss root", `<?xml version="1.0"?><rss><channel/></rss>`, nil, "root element is <rss>", nil},
		{"html", `<html><body/></html>`, nil, "root element is <html>", nil},
		{"empty", ``, nil, "no root element", nil},
		{"truncated", `<urlset><url><loc>https://a/</loc>`, nil, "unexpected EOF", nil},
		{"not xml", `just words`, nil, "no root element", nil},
		{"callback", `<urlset><url><loc>https://a/1</loc></url><url><loc>https://a/2</loc></url></urlset>`,
			func(l fetch.Link) error { return stop }, "entry 1 (https://a/1): enough", stop},
		{"deep", "<urlset>" + strings.Repeat("<x>", 100) + strings.Repeat("</x>", 100) + "</urlset>", nil, "nested deeper", nil},
		{"long loc", "<urlset><url><loc>" + strings.Repeat("a", 70000) + "</loc></url></urlset>", nil, "longer than", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			each := tt.each
			if each == nil {
				each = func(fetch.Link) error { return nil }
			}
			_, err := fetch.ParseSitemap(strings.NewReader(tt.in), each)
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("err = %v, want %q", err, tt.wantMsg)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, does not wrap %v", err, tt.wantErr)
			}
		})
	}
}

// TestParseSitemapMillion streams a million entries from a generator through
// a pipe, so that neither side ever holds the document, and checks that the
// parser's memory does not grow with it.
func TestParseSitemapMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("streams ~60 MB of XML")
	}
	const n = fetch.MaxSitemapEntries
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriterSize(pw, 64<<10)
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+"\n")
		for i := range n {
			fmt.Fprintf(w, "<url><loc>https://e.example/a/%d</loc><lastmod>2025-11-18</lastmod></url>\n", i)
		}
		io.WriteString(w, "</urlset>\n")
		pw.CloseWithError(w.Flush())
	}()

	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	count := 0
	index, err := fetch.ParseSitemap(pr, func(l fetch.Link) error {
		if want := fmt.Sprintf("https://e.example/a/%d", count); l.URL != want {
			return fmt.Errorf("got %s, want %s", l.URL, want)
		}
		count++
		if count%100_000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		return nil
	})
	if err != nil || index || count != n {
		t.Fatalf("count = %d, index = %v, err = %v", count, index, err)
	}
	grew := int64(peak) - int64(base)
	t.Logf("heap in use grew by %d KB over %d entries", grew>>10, count)
	if grew > 64<<20 {
		t.Errorf("heap in use grew by %d MB while streaming", grew>>20)
	}
}

func TestSniff(t *testing.T) {
	long := `{"items": [` + strings.Repeat(`{"id": "x", "content_text": "padding padding padding"},`, 120) + `{}], "version": "https://jsonfeed.org/version/1"}`
	tests := []struct {
		name, body, contentType, file string
		want                          fetch.Kind
	}{
		{"doctype", "<!DOCTYPE html><html><p>x</p></html>", "", "", fetch.KindHTML},
		{"doctype lower, BOM, space", "\xef\xbb\xbf\n  <!doctype html>", "", "", fetch.KindHTML},
		{"html tag", "<html lang=en><head>", "", "", fetch.KindHTML},
		{"xhtml", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">`, "", "", fetch.KindHTML},
		{"comment then html", "<!-- cached 2025 --><html><body>x", "", "", fetch.KindHTML},
		{"fragment", "<div><p>Hello</p></div>", "", "", fetch.KindHTML},
		{"junk before doctype", "Warning: something in /var/www\n<!DOCTYPE html><html>", "", "", fetch.KindHTML},
		{"html by content type", "Hello world", "text/html; charset=utf-8", "", fetch.KindHTML},
		{"html by name", "Hello world", "", "page.html", fetch.KindHTML},
		{"rss", `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>`, "", "", fetch.KindFeed},
		{"rss labelled html", `<rss version="2.0"><channel>`, "text/html", "", fetch.KindFeed},
		{"rss 0.91 doctype", `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"><rss version="0.91">`, "", "", fetch.KindFeed},
		{"atom", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">`, "", "", fetch.KindFeed},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">`, "", "", fetch.KindFeed},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}`, "", "", fetch.KindFeed},
		{"json feed, version late", long, "", "", fetch.KindFeed},
		{"json feed, version after nested", `{"items": [{"a": {"b": [1, 2]}}], "version": "https://jsonfeed.org/version/1"}`, "", "", fetch.KindFeed},
		{"json article", `{"title": "Strikes", "text": "..."}`, "application/json", "", fetch.KindJSONArticle},
		{"json with other version", `{"version": "2.0", "headline": "x"}`, "", "", fetch.KindJSONArticle},
		{"empty object", `{}`, "", "", fetch.KindJSONArticle},
		{"json array", `[{"title": "x"}]`, "application/json", "", fetch.KindUnknown},
		{"bracketed text", `[Reuters] Strikes continued on Monday.`, "", "", fetch.KindText},
		{"braces text", `{{template}} is not JSON`, "", "", fetch.KindText},
		{"urlset", `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, "", "", fetch.KindSitemap},
		{"sitemapindex", `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, "application/xml", "", fetch.KindSitemapIndex},
		{"other xml", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, "", "", fetch.KindUnknown},
		{"other xml labelled", `<note><to>x</to></note>`, "application/xml", "", fetch.KindUnknown},
		{"text", "WASHINGTON — The U.S. military struck another boat.\n", "", "", fetch.KindText},
		{"text by label, latin-1", "caf\xe9 au lait", "text/plain; charset=iso-8859-1", "", fetch.KindText},
		{"latin-1 unlabelled", "caf\xe9 au lait", "", "", fetch.KindUnknown},
		{"utf-8 cut at window", strings.Repeat("a", 8191) + "é and more", "", "", fetch.KindText},
		{"empty", "", "text/html", "", fetch.KindUnknown},
		{"whitespace", " \n\t", "", "", fetch.KindUnknown},
		{"nul", "hello\x00world", "text/plain", "", fetch.KindUnknown},
		{"png", string(pngBytes), "", "x.png", fetch.KindUnknown},
		{"gzip", string(gzipped(t, "<urlset/>")), "", "sitemap.xml.gz", fetch.KindUnknown},
		{"controls", strings.Repeat("a\x01\x02", 50), "", "", fetch.KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fetch.Sniff([]byte(tt.body), tt.contentType, tt.file); got != tt.want {
				t.Errorf("Sniff = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	if s := fetch.KindSitemapIndex.String(); s != "sitemap-index" {
		t.Errorf("String = %q", s)
	}
	if s := fetch.Kind(99).String(); s != "Kind(99)" {
		t.Errorf("String = %q", s)
	}
}
