package fetch

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is what a payload is, as far as sitrep is concerned.
type Kind int

const (
	KindUnknown      Kind = iota // binary, or structured data sitrep does not read
	KindHTML                     // a web page
	KindText                     // plain text
	KindJSONArticle              // a JSON object other than a feed (an article export)
	KindFeed                     // RSS, RDF, Atom or JSON Feed
	KindSitemap                  // a sitemap <urlset>
	KindSitemapIndex             // a <sitemapindex> of sitemaps
)

var kindNames = [...]string{"unknown", "html", "text", "json-article", "feed", "sitemap", "sitemap-index"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// sniffLen is how much of a payload Sniff looks at.
const sniffLen = 8 << 10

// htmlRoots are elements that open HTML documents and fragments saved
// without a doctype; an XML root among them is HTML, not data.
var htmlRoots = map[string]bool{
	"html": true, "head": true, "body": true, "div": true, "p": true,
	"article": true, "main": true, "section": true, "meta": true,
	"title": true, "link": true, "script": true, "style": true,
	"table": true, "h1": true, "h2": true, "span": true, "a": true,
}

// Sniff says what body is, from its first 8 KB (so a JSON Feed must name
// its jsonfeed.org version within them, as feeds in practice do first). contentType (a header) and
// name (a file name or URL) are hints used when the bytes do not decide:
// structure in the bytes wins over labels, because servers mislabel feeds as
// text/html and files lose their extensions. Compressed data is KindUnknown:
// decompress it first (see Decompress).
func Sniff(body []byte, contentType, name string) Kind {
	b := body
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // UTF-8 byte-order mark
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if len(b) == 0 || binary(b) {
		return KindUnknown
	}
	hint := typeHint(contentType, name)

	switch b[0] {
	case '{':
		if k := sniffJSON(b); k != KindUnknown {
			return k
		}
	case '[':
		if hint == "json" {
			return KindUnknown // a JSON array is data, not an article
		}
	case '<':
		k, root := sniffMarkup(b)
		if k != KindUnknown {
			return k
		}
		if root && hint != "html" {
			return KindUnknown // some other XML vocabulary (SVG, XSLT, ...)
		}
	}
	// Pages with junk (a PHP warning, a stray comment) before the doctype.
	lower := bytes.ToLower(b)
	if bytes.Contains(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<html")) {
		return KindHTML
	}
	if hint == "html" {
		return KindHTML
	}
	if validUTF8Prefix(b, len(b) < len(body)) || hint == "text" {
		return KindText
	}
	return KindUnknown
}

// binary reports NUL bytes or more than 1 in 32 control characters: text
// has only tabs, newlines, carriage and form feeds.
func binary(b []byte) bool {
	ctrl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f', c == 0x7f:
			ctrl++
		}
	}
	return ctrl*32 > len(b)
}

// validUTF8Prefix is utf8.Valid, forgiving a rune cut at the end of the
// sniffed window.
func validUTF8Prefix(b []byte, truncated bool) bool {
	if truncated {
		for i := 0; i < utf8.UTFMax-1 && len(b) > 0; i++ {
			if r, _ := utf8.DecodeLastRune(b); r != utf8.RuneError {
				break
			}
			b = b[:len(b)-1]
		}
	}
	return utf8.Valid(b)
}

// typeHint reduces a content type, or failing that a file extension, to
// "html", "text", "json", "xml" or "".
func typeHint(contentType, name string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(contentType), ";")
		mt = strings.TrimSpace(mt)
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return "html"
	case mt == "text/plain":
		return "text"
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return "json"
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return "xml"
	case mt != "" && mt != "application/octet-stream":
		return ""
	}
	if i := strings.IndexAny(name, "?#"); i >= 0 {
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return "html"
	case ".txt", ".text":
		return "text"
	case ".json":
		return "json"
	case ".xml", ".rss", ".atom", ".rdf":
		return "xml"
	}
	return ""
}

// sniffJSON tells a JSON Feed (top-level "version" naming jsonfeed.org) from
// another JSON object; KindUnknown if b does not start like a JSON object.
func sniffJSON(b []byte) Kind {
	d := json.NewDecoder(bytes.NewReader(b))
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return KindUnknown
	}
	first := true
	for {
		t, err := d.Token()
		if err != nil {
			break // cut off by the sniff window, or malformed later on
		}
		key, ok := t.(string)
		if !ok {
			if first && t == json.Delim('}') {
				return KindJSONArticle // {}
			}
			break
		}
		first = false
		if key == "version" {
			if v, err := d.Token(); err == nil {
				if s, ok := v.(string); ok && strings.Contains(s, "jsonfeed.org") {
					return KindFeed
				}
			}
			return KindJSONArticle
		}
		if !skipJSONValue(d) {
			break
		}
	}
	if first {
		return KindUnknown // "{" then not a key: not JSON
	}
	// The window ended before a "version": a feed whose items come first is
	// still recognisable by its version URL.
	if bytes.Contains(b, []byte(`"https://jsonfeed.org/version/`)) {
		return KindFeed
	}
	return KindJSONArticle
}

// skipJSONValue consumes one value, however nested.
func skipJSONValue(d *json.Decoder) bool {
	depth := 0
	for {
		t, err := d.Token()
		if err != nil {
			return false
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth <= 0 {
			return depth == 0
		}
	}
}

// sniffMarkup classifies markup by its doctype or root element; root
// reports whether it found a root element at all.
func sniffMarkup(b []byte) (k Kind, root bool) {
	lower := bytes.ToLower(b[:min(len(b), 64)])
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return KindHTML, true
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false // only the root's name matters; HTML is not XML
	// Element names are ASCII in every encoding we meet, so a declared
	// charset can be ignored here.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		t, err := d.RawToken()
		if err != nil {
			return KindUnknown, false
		}
		if se, ok := t.(xml.StartElement); ok {
			name := strings.ToLower(se.Name.Local)
			switch name {
			case "rss", "feed", "rdf":
				return KindFeed, true
			case "urlset":
				return KindSitemap, true
			case "sitemapindex":
				return KindSitemapIndex, true
			}
			if htmlRoots[name] {
				return KindHTML, true
			}
			return KindUnknown, true
		}
	}
}
