package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// fromUTF16 decodes a body in UTF-16 to UTF-8 before binary sniffing
// would mistake its zero bytes for a binary file: a body that starts with
// a UTF-16 byte-order mark, or one the caller's charset label says is
// UTF-16. A BOM is the strongest charset signal there is (it beats the
// HTTP header in browsers too), so ok tells the caller to look no further.
func fromUTF16(body []byte, label string) (out []byte, ok bool) {
	switch {
	case bytes.HasPrefix(body, bomUTF16LE):
		label, body = "utf-16le", body[2:]
	case bytes.HasPrefix(body, bomUTF16BE):
		label, body = "utf-16be", body[2:]
	}
	enc, name := charset.Lookup(label)
	if enc == nil || !strings.HasPrefix(name, "utf-16") {
		return body, false
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil { // the decoder replaces bad units; it does not fail on them
		return body, false
	}
	return out, true
}

// decodeHTML returns the page as UTF-8. The charset is taken, in this
// order, from a UTF-8 BOM, the HTTP header's charset (label), and a <meta>
// in the first 64 KB (browsers look at 1 KB, but many pages put the <meta>
// after a wall of scripts). With none declared, UTF-8 is assumed when the
// bytes are valid UTF-8 and windows-1252 otherwise, which is what browsers
// fall back to for Western pages. A page declared ISO-8859-1 or
// windows-1252 whose bytes are valid UTF-8 with non-ASCII in them is taken
// to be UTF-8: the label is a server default nobody updated, since real
// windows-1252 text is almost never also valid multi-byte UTF-8. Bytes
// invalid in the chosen charset become U+FFFD, as in a browser.
func decodeHTML(body []byte, label string) (out []byte, name string) {
	if bytes.HasPrefix(body, bomUTF8) {
		return bytes.ToValidUTF8(body[3:], []byte("\uFFFD")), "utf-8"
	}
	if label == "" {
		label = metaCharset(body[:min(len(body), 64<<10)])
	}
	enc, name := charset.Lookup(label)
	if enc != nil && strings.HasPrefix(name, "utf-16") {
		// A <meta> written in ASCII cannot describe UTF-16 bytes; browsers
		// read it as UTF-8.
		enc, name = charset.Lookup("utf-8")
	}
	valid := utf8.Valid(body)
	switch {
	case enc == nil && valid, name == "windows-1252" && valid && hasNonASCII(body):
		return body, "utf-8"
	case enc == nil:
		enc, name = charset.Lookup("windows-1252")
	case name == "utf-8":
		if valid {
			return body, name
		}
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), name
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	return out, name
}

// metaCharset finds the charset of a <meta charset=...> or a <meta
// http-equiv="Content-Type" content="text/html; charset=..."> in head.
func metaCharset(head []byte) string {
	low := bytes.ToLower(head)
	for {
		i := bytes.Index(low, []byte("<meta"))
		if i < 0 {
			return ""
		}
		low = low[i+len("<meta"):]
		end := bytes.IndexByte(low, '>')
		if end < 0 {
			end = len(low)
		}
		tag := low[:end]
		if j := bytes.Index(tag, []byte("charset")); j >= 0 {
			v := bytes.TrimLeft(tag[j+len("charset"):], " \t\r\n")
			if len(v) > 0 && v[0] == '=' {
				v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
				k := bytes.IndexAny(v, " \t\r\n\"';/>")
				if k < 0 {
					k = len(v)
				}
				if k > 0 {
					return string(v[:k])
				}
			}
		}
		low = low[end:]
	}
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// decodeText returns a plain-text or JSON body as UTF-8. Text carries no
// charset of its own, so it must be UTF-8 (a UTF-8 BOM is dropped) unless
// the caller names a charset (label, from the HTTP header). Bytes that are
// not valid UTF-8 are an error naming the offset, not a silent U+FFFD: a
// user handing over a file in another encoding should be told to convert
// it, rather than get an article with holes in its quotations.
func decodeText(body []byte, label string) ([]byte, error) {
	if bytes.HasPrefix(body, bomUTF8) {
		body = body[3:]
		label = ""
	}
	if label != "" {
		enc, name := charset.Lookup(label)
		if enc == nil {
			return nil, fmt.Errorf("%w: unknown charset %q", ErrEncoding, label)
		}
		if name != "utf-8" {
			out, err := enc.NewDecoder().Bytes(body)
			if err != nil {
				return nil, fmt.Errorf("%w: decoding %s: %v", ErrEncoding, name, err)
			}
			return out, nil
		}
	}
	if i := invalidUTF8(body); i >= 0 {
		return nil, fmt.Errorf("%w: invalid UTF-8 at byte offset %d (no charset declared; convert the file to UTF-8)", ErrEncoding, i)
	}
	return body, nil
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8,
// or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
