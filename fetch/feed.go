package fetch

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Link is one entry of a feed or sitemap: a URL to fetch and what the index
// says about it.
type Link struct {
	URL   string
	Title string
	// Published is the publication time the index gives (a feed item's
	// published date, a Google News sitemap's publication_date); zero when
	// it gives none.
	Published time.Time
	// Updated is the last-modified time the index gives (a feed item's
	// updated date, a sitemap's lastmod); zero when it gives none.
	Updated time.Time
}

// ParseFeed reads an RSS, Atom or JSON Feed document and returns its items
// that have a URL, in document order. Relative item links are resolved
// against the feed's own link. The error of a malformed feed says why.
func ParseFeed(r io.Reader) (links []Link, err error) {
	// gofeed is a third-party parser fed untrusted bytes; a panic in it
	// must cost one feed, not the crawler.
	defer func() {
		if p := recover(); p != nil {
			links, err = nil, fmt.Errorf("parse feed: parser panic: %v", p)
		}
	}()
	feed, err := gofeed.NewParser().Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	if feed.FeedType == "json" && !strings.Contains(feed.FeedVersion, "jsonfeed.org") {
		// gofeed takes any JSON object for a feed; an article export is not one.
		return nil, errors.New("parse feed: JSON without a jsonfeed.org version is not a JSON Feed")
	}
	base, _ := url.Parse(strings.TrimSpace(feed.Link))
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		u := itemURL(it, base)
		if u == "" {
			continue
		}
		l := Link{URL: u, Title: strings.TrimSpace(it.Title)}
		if it.PublishedParsed != nil {
			l.Published = *it.PublishedParsed
		}
		if it.UpdatedParsed != nil {
			l.Updated = *it.UpdatedParsed
		}
		links = append(links, l)
	}
	return links, nil
}

// itemURL picks an item's link: its link, else its first other link, else a
// GUID that is an http(s) URL (RSS permalinks often live only there).
func itemURL(it *gofeed.Item, base *url.URL) string {
	cands := append([]string{it.Link}, it.Links...)
	cands = append(cands, it.GUID)
	for i, s := range cands {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		u, err := url.Parse(s)
		if err != nil {
			continue
		}
		isGUID := i == len(cands)-1
		if isGUID && !u.IsAbs() {
			continue
		}
		if !u.IsAbs() && base != nil && base.IsAbs() {
			u = base.ResolveReference(u)
		}
		if u.Scheme == "http" || u.Scheme == "https" {
			return u.String()
		}
	}
	return ""
}
