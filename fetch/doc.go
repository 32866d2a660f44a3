// Package fetch is the one way sitrep reads anything from strangers on the
// network, plus readers for the indexes that point at articles: feeds (RSS,
// Atom, JSON Feed) and sitemaps (including Google News sitemaps).
//
// A Client is safe to point at URLs typed in by users or found in feeds:
//
//   - every connection, including each redirect hop and every address a name
//     resolves to, is checked at dial time against an SSRF guard that refuses
//     loopback, private, link-local (cloud metadata), multicast, unspecified
//     and other special-purpose addresses; proxies from the environment are
//     ignored because they would bypass that check;
//   - robots.txt is obeyed and requests are spaced per host;
//   - every request is bounded in time and in decompressed body size, so a
//     slow or hostile server (or a gzip bomb) costs a bounded amount;
//   - only text-like content types are accepted.
//
// Decompress and Decompressed apply the same size bound to gzipped local
// files and .xml.gz sitemaps; Sniff tells what a payload is, and ParseFeed
// and ParseSitemap turn indexes into Links (sitemaps streamed, so a file of
// a million URLs costs no more memory than one of ten).
//
// Package fetch does not extract text from HTML (that is package article), does
// not store anything, and does not decide what to crawl next: it fetches one
// URL at a time and parses indexes handed to it.
package fetch
