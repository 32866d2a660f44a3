package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize turns decoded text into the lines of an article: valid UTF-8
// (any invalid byte becomes U+FFFD), a leading BOM dropped, CRLF and lone CR
// and the other line and paragraph separators (\f, \v, NEL, U+2028, U+2029)
// made "\n", control characters other than \n and \t removed, each line
// trimmed of surrounding white space. A run of blank lines becomes one ""
// (a paragraph break, which unwrapping hard-wrapped text needs); there is
// none first or last. compact drops them once they have served.
//
// It never touches anything else: quotes, dashes, ligatures and spacing
// inside a line stay as written, since the text is what annotation offsets
// and quotations point into.
func normalize(s string) []string {
	s = strings.TrimPrefix(s, "\uFEFF")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				break // the \n that follows ends the line
			}
			b.WriteByte('\n')
		case r == '\f', r == '\v', r == 0x85, r == 0x2028, r == 0x2029:
			b.WriteByte('\n')
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			// NUL, escape sequences, C1 controls: never text.
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	var lines []string
	for line := range strings.SplitSeq(b.String(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" && (len(lines) == 0 || lines[len(lines)-1] == "") {
			continue
		}
		lines = append(lines, line)
	}
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// compact drops the paragraph-break markers normalize leaves, in place:
// in Article.Text a paragraph is a line.
func compact(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// maxDebrisLen is the longest line, in runes, that can be debris. Page
// furniture is a few words; anything longer is taken to be text.
const maxDebrisLen = 80

// debris matches, case-insensitively, a whole line (white space collapsed)
// that is page furniture rather than article text: widgets, list markers
// and banners that scrapers flatten into the text. Only whole lines are
// matched, so "Read more about the strikes in our report." or "Share prices
// fell." stay: a line with anything beyond the furniture itself is text.
// Add a pattern only with a line that must go and a sentence that must stay
// in TestDebris.
var debris = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	// Related-content widgets, and the list markers they leave behind
	// ("list of 4 itemsend of list" in the seed article).
	`recommended(?: stories| articles| reading| for you)?:?`,
	`list of \d+ items?(?: ?end of list)?`,
	`end of list`,
	`related:?`,
	`related (?:stories|articles|content|coverage|news|topics|links):?`,
	`more on this(?: story| topic)?:?`,
	`(?:most read|most popular|most viewed|trending(?: now)?|top stories|editor'?s picks|you (?:may|might) also like):?`,
	`read more(?::|\.{3}|…| ?[»›→>])?`,
	`read more (?:stories|articles|news)`,
	`continue reading(?:\.{3}|…)?`,
	// Advertising.
	`advertisements?(?: ?[-–—] ?scroll to continue(?: with content)?)?`,
	`(?:ad|ads|sponsored|sponsored content|paid content)`,
	// Navigation and sharing.
	`skip to (?:main )?(?:content|navigation|search)`,
	`share(?: this)?(?: article| story| page| post)?(?: (?:on|via) \S+(?: \S+)?)?:?`,
	`(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|copy link|copy url)`,
	`follow us(?: on .{1,40})?`,
	`click here(?: to .{1,60})?`,
	// Newsletters and subscriptions.
	`subscribe(?: now| today| here)?`,
	`subscribe to (?:our|the) .{0,40}newsletters?`,
	`sign up (?:for|to) .{0,60}newsletters?.{0,20}`,
	// Cookie and script notices.
	`we use cookies(?: and similar technologies)? (?:to|so) (?:improve|enhance|give|provide|personali[sz]e|ensure|make) .{0,60}`,
	`this (?:web)?site uses cookies.{0,60}`,
	`(?:accept|allow|reject)(?: all)? cookies`,
	`(?:cookie|privacy) (?:settings|preferences|policy)`,
	`manage (?:cookies|consent|preferences)`,
	`(?:please )?enable javascript.{0,60}`,
	`javascript is (?:disabled|required).{0,60}`,
	`loading(?:\.{3}|…)?`,
}, "|") + `)$`)

// isDebris reports whether a whole line is page furniture (see debris).
func isDebris(line string) bool {
	if len(line) > 4*maxDebrisLen || utf8.RuneCountInString(line) > maxDebrisLen {
		return false
	}
	return debris.MatchString(strings.Join(strings.Fields(line), " "))
}

// dropDebris removes the lines that are page furniture, in place.
func dropDebris(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if l == "" || !isDebris(l) {
			out = append(out, l)
		}
	}
	return out
}
