package article

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Caps on the single-line metadata fields, in runes. A real headline is a
// few dozen words and a byline a few names; anything longer is a scraper
// that put a paragraph or a page in the field, and is cut.
const (
	maxTitle  = 1000
	maxByline = 500
	maxSource = 200
	// maxURL is in bytes: a URL is dropped, not cut, when it is longer.
	maxURL = 4096
)

// cleanMeta makes one line of metadata (a title, byline or source) safe to
// print and store: valid UTF-8; C0 and C1 control characters (NUL, ESC,
// DEL, ...) removed, so that no escape sequence reaches a terminal; the
// bidi embedding, override and isolate characters (U+202A–U+202E,
// U+2066–U+2069) removed, so that a title cannot reorder what is printed
// after it; a BOM and the interlinear annotation characters removed; runs
// of white space, line breaks included, made one space; trimmed; and cut to
// limit runes (none when 0), ending "…" when cut.
//
// Other format characters stay: the zero-width (non-)joiners are part of
// the spelling of Persian, Indic scripts and emoji, and the left-to-right
// and right-to-left marks (U+200E, U+200F, U+061C), which mixed-direction
// titles need, act on their neighbours only.
//
// Only metadata is cleaned so: Article.Text keeps every character
// normalize leaves (it removes the C0 and C1 controls but keeps the bidi
// characters, which are content there), since annotation offsets point
// into it.
func cleanMeta(s string, limit int) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case unicode.IsSpace(r), r == 0x2028, r == 0x2029:
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), isBidiControl(r), r == 0xFEFF, 0xFFF9 <= r && r <= 0xFFFB:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return truncateRunes(b.String(), limit)
}

// isBidiControl reports the characters that open or close a bidi
// embedding, override or isolate: LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI,
// PDI. Left unclosed in a title, they reverse what a terminal or a page
// prints after it.
func isBidiControl(r rune) bool {
	return 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069
}

// truncateRunes cuts s to at most limit runes, at a word boundary when
// there is one in the last fifth, and marks the cut with "…".
func truncateRunes(s string, limit int) string {
	if limit <= 0 || utf8.RuneCountInString(s) <= limit {
		return s
	}
	n, cut := 0, len(s)
	for i := range s {
		if n == limit-1 {
			cut = i
			break
		}
		n++
	}
	s = s[:cut]
	if sp := strings.LastIndexByte(s, ' '); sp > 0 && utf8.RuneCountInString(s[sp:]) < limit/5 {
		s = s[:sp]
	}
	return strings.TrimRight(s, " ") + "…"
}

// httpURL returns raw, trimmed, when it is an absolute http or https URL
// with a host and no user information, and "" otherwise: a "javascript:"
// or "data:" URL, a relative reference, "https://user:pass@host/", or a URL
// with white space, control or bidi characters inside must not become a
// link in the web view or an address fetched later.
func httpURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxURL || !utf8.ValidString(raw) || strings.ContainsFunc(raw, unsafeInURL) {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || !validHTTPURL(u) {
		return ""
	}
	return raw
}

func unsafeInURL(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || isBidiControl(r) || r == 0xFEFF
}

func validHTTPURL(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Hostname() != "" && u.User == nil
}

// languageTag matches the language codes taken from metadata: a BCP 47
// shape ("en", "pt-br", "zh-hant-tw", "en_us").
var languageTag = regexp.MustCompile(`^[a-z]{2,3}(?:[-_][a-z0-9]{1,8}){0,4}$`)

// cleanLanguage lower-cases a stated language and keeps it only when it
// looks like a language tag; otherwise it is "" and the language is
// identified from the text.
func cleanLanguage(s string) string {
	s = strings.ToLower(cleanMeta(s, 0))
	if len(s) > 35 || !languageTag.MatchString(s) {
		return ""
	}
	return s
}
