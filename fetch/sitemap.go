package fetch

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// MaxSitemapEntries is the most entries ParseSitemap reads from one file.
// sitemaps.org allows 50,000; real sites exceed that, so we take twenty times
// more and stop with an error beyond, rather than read without end.
const MaxSitemapEntries = 1_000_000

const (
	// maxSitemapDepth bounds element nesting; a sitemap needs 4 levels.
	maxSitemapDepth = 64
	// maxSitemapText bounds the text of one loc, date or title.
	maxSitemapText = 64 << 10
)

// ParseSitemap streams a sitemap, calling each for every entry with a <loc>,
// in document order, and stops at the first error each returns (wrapped).
// It reads <urlset> (each <url>'s loc and lastmod, plus a Google News
// sitemap's news:title and news:publication_date) and <sitemapindex> (each
// <sitemap>'s loc and lastmod; index is then true). Any other root element is
// an error. Memory does not grow with the number of entries; the input is
// not decompressed (see Decompressed) nor limited in size.
func ParseSitemap(r io.Reader, each func(Link) error) (index bool, err error) {
	return parseSitemap(r, each, MaxSitemapEntries)
}

func parseSitemap(r io.Reader, each func(Link) error, maxEntries int) (index bool, err error) {
	d := xml.NewDecoder(r)
	// Sitemaps must be UTF-8, but some declare (and are) Latin-1.
	d.CharsetReader = charset.NewReaderLabel

	// The path of element local names from the root; prefixes are ignored,
	// since many sitemaps get their namespaces wrong, but depth is not, so
	// that <image:loc> inside <url> is not taken for the url's <loc>.
	var path []string
	var (
		entry   string // "url" or "sitemap": the local name of an entry
		cur     Link
		text    strings.Builder
		inText  bool
		entries int
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if len(path) == 0 && entry == "" {
				return false, errors.New("sitemap: no root element")
			}
			return index, nil
		}
		if err != nil {
			return index, fmt.Errorf("sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if len(path) == 0 {
				switch name {
				case "urlset":
					entry = "url"
				case "sitemapindex":
					entry, index = "sitemap", true
				default:
					return false, fmt.Errorf("sitemap: root element is <%s>, not <urlset> or <sitemapindex>", name)
				}
			}
			path = append(path, name)
			if len(path) > maxSitemapDepth {
				return index, fmt.Errorf("sitemap: elements nested deeper than %d", maxSitemapDepth)
			}
			if len(path) == 2 && name == entry {
				cur = Link{}
			}
			inText = isSitemapField(path, entry)
			text.Reset()
		case xml.CharData:
			if inText {
				if text.Len()+len(t) > maxSitemapText {
					return index, fmt.Errorf("sitemap: text of <%s> longer than %d bytes", path[len(path)-1], maxSitemapText)
				}
				text.Write(t)
			}
		case xml.EndElement:
			if inText {
				setSitemapField(&cur, path, strings.TrimSpace(text.String()))
				inText = false
			}
			if len(path) == 2 && path[1] == entry && cur.URL != "" {
				entries++
				if entries > maxEntries {
					return index, fmt.Errorf("sitemap: more than %d entries", maxEntries)
				}
				if err := each(cur); err != nil {
					return index, fmt.Errorf("sitemap entry %d (%s): %w", entries, cur.URL, err)
				}
			}
			path = path[:len(path)-1]
		}
	}
}

// isSitemapField reports whether the element at path holds a field we read:
//
//	urlset/url/loc, urlset/url/lastmod
//	urlset/url/news/title, urlset/url/news/publication_date
//	sitemapindex/sitemap/loc, sitemapindex/sitemap/lastmod
func isSitemapField(path []string, entry string) bool {
	switch {
	case len(path) == 3 && path[1] == entry:
		return path[2] == "loc" || path[2] == "lastmod"
	case len(path) == 4 && entry == "url" && path[1] == "url" && path[2] == "news":
		return path[3] == "title" || path[3] == "publication_date"
	}
	return false
}

func setSitemapField(l *Link, path []string, s string) {
	switch path[len(path)-1] {
	case "loc":
		l.URL = s
	case "lastmod":
		l.Updated = parseW3CTime(s)
	case "title":
		l.Title = s
	case "publication_date":
		l.Published = parseW3CTime(s)
	}
}

// parseW3CTime reads the W3C Datetime profile of ISO 8601 that sitemaps use
// ("2025", "2025-11", "2025-11-18", "2025-11-18T10:00Z", with seconds and
// fractions). Dates are midnight UTC. A malformed date is the zero time: a
// bad lastmod should not cost the URL.
func parseW3CTime(s string) time.Time {
	for _, layout := range []string{
		time.RFC3339Nano,
		"2006-01-02T15:04Z07:00",
		time.DateOnly,
		"2006-01",
		"2006",
		// Seen in the wild: no zone (taken as UTC), space instead of T.
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
