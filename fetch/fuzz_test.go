package fetch_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/fetch"
)

// seed adds every fixture in testdata to the fuzz corpus.
func seed(f *testing.F, add func(b []byte)) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(b)
	}
}

func FuzzParseSitemap(f *testing.F) {
	seed(f, func(b []byte) { f.Add(b) })
	f.Add([]byte(`<urlset><url><loc>a</loc><news:news><news:title>t</news:title></news:news></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>x</loc><lastmod>2025</lastmod></sitemap></sitemapindex>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		n := 0
		fetch.ParseSitemap(bytes.NewReader(in), func(l fetch.Link) error {
			if l.URL == "" {
				t.Fatalf("entry without URL: %+v", l)
			}
			n++
			return nil
		})
		if n > 0 && !bytes.Contains(in, []byte("loc")) {
			t.Fatalf("%d entries from input without loc", n)
		}
	})
}

func FuzzSniff(f *testing.F) {
	seed(f, func(b []byte) { f.Add(b, "", "") })
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1"}`), "application/json", "feed.json")
	f.Add([]byte("<!doctype html>"), "text/html; charset=utf-8", "a.html")
	f.Add([]byte("plain"), "text/plain; charset=\"", "x.txt?q#f")
	f.Add([]byte(strings.Repeat("a", 8<<10-1)+"é"), "", "")
	f.Add([]byte(`{"items": [`+strings.Repeat(`{"id": "1"},`, 800)+`{}], "version": "https://jsonfeed.org/version/1"}`), "", "")
	f.Fuzz(func(t *testing.T, body []byte, contentType, name string) {
		k := fetch.Sniff(body, contentType, name)
		if k < fetch.KindUnknown || k > fetch.KindSitemapIndex {
			t.Fatalf("Sniff = %d", k)
		}
		// Only a bounded prefix counts.
		if len(body) > 8<<10 {
			other := append(body[:8<<10:8<<10], "\x00\xff other tail"...)
			if k2 := fetch.Sniff(other, contentType, name); k2 != k {
				t.Fatalf("Sniff depends on bytes past 8 KB: %v vs %v", k, k2)
			}
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	seed(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, in []byte) {
		links, err := fetch.ParseFeed(bytes.NewReader(in))
		if err != nil && links != nil {
			t.Fatalf("links and error: %v", err)
		}
		for _, l := range links {
			if l.URL == "" {
				t.Fatalf("link without URL: %+v", l)
			}
		}
	})
}
