package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"strings"
)

// format is the kind of document Parse has been given.
type format int

const (
	formatText format = iota
	formatHTML
	formatJSON
)

func (f format) String() string {
	switch f {
	case formatHTML:
		return "HTML"
	case formatJSON:
		return "JSON"
	}
	return "text"
}

// sniffLen is how much of the input binary and HTML sniffing look at.
const sniffLen = 8 << 10

// magics are the openings of binary files a crawler or a careless glob
// hands over most often. Gzip is among them: the caller decompresses.
var magics = []struct {
	name  string
	magic string
}{
	{"PNG image", "\x89PNG\r\n\x1a\n"},
	{"JPEG image", "\xff\xd8\xff"},
	{"GIF image", "GIF87a"},
	{"GIF image", "GIF89a"},
	{"PDF document", "%PDF-"},
	{"ZIP archive", "PK\x03\x04"},
	{"ZIP archive", "PK\x05\x06"},
	{"ELF executable", "\x7fELF"},
	{"gzip data (decompress it first)", "\x1f\x8b"},
	{"WebAssembly module", "\x00asm"},
}

// binaryReason says why body is not text, or returns "" when it may be.
// body has had any UTF-16 BOM decoded away already, so a NUL byte in it
// cannot be part of text.
func binaryReason(body []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(body, []byte(m.magic)) {
			return m.name
		}
	}
	head := body[:min(len(body), sniffLen)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Sprintf("NUL byte at offset %d", i)
	}
	controls := 0
	for _, c := range head {
		if (c < 0x20 && !isTextControl(c)) || c == 0x7f {
			controls++
		}
	}
	// Text has next to none; a few stray ones (an ESC in a pasted terminal
	// log) are cleaned up by normalize rather than refused.
	if controls > 8 && controls*20 > len(head) {
		return fmt.Sprintf("%d control bytes in the first %d", controls, len(head))
	}
	return ""
}

func isTextControl(c byte) bool {
	switch c {
	case '\t', '\n', '\r', '\f', '\v', 0x1b:
		return true
	}
	return false
}

// htmlMarkers are the tags whose presence near the start of an untyped
// input make it HTML. Checked lower-cased in the first sniffLen bytes.
var htmlMarkers = []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<article", "<meta ", "<title>", "<div"}

// detectFormat decides the format from the media type when it names HTML or
// JSON, and from the bytes otherwise: no type, a generic one such as
// application/octet-stream, or text/plain, which servers and file-name
// guessing give to anything. A text/plain body is taken for HTML only when
// it starts with a tag, so that an article quoting "<p" stays text.
func detectFormat(contentType string, body []byte) format {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "text/html", mt == "application/xhtml+xml":
		return formatHTML
	case mt == "application/json", strings.HasSuffix(mt, "+json"):
		return formatJSON
	}
	trimmed := bytes.TrimLeft(body[:min(len(body), sniffLen)], " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') && json.Valid(body) {
		return formatJSON
	}
	if mt == "text/plain" && (len(trimmed) == 0 || trimmed[0] != '<') {
		return formatText
	}
	head := bytes.ToLower(trimmed)
	for _, m := range htmlMarkers {
		if bytes.Contains(head, []byte(m)) {
			return formatHTML
		}
	}
	return formatText
}
