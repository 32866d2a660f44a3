package article

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/sitrep/sitrep"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractOptions are the go-trafilatura options Parse uses.
//
//   - EnableFallback: trafilatura also runs readability and dom-distiller
//     and keeps the best candidate; it costs about a third more time and is
//     what its published Zyte-benchmark F1 was measured with.
//   - ExcludeComments: reader comments are not the report.
//   - Tables are kept (ExcludeTables false): in news they hold casualty
//     counts and timelines more often than layout, and trafilatura already
//     drops layout tables.
//   - Dates: trafilatura's own htmldate run is turned off, since pageDate
//     runs htmldate itself to check where the date came from.
//   - EnableLog stays false: the library logs to stderr otherwise.
func extractOptions() trafilatura.Options {
	return trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Disabled,
	}
}

// minMainText is the length, in runes, under which trafilatura's result is
// taken to have missed the article and go-readability is tried as well.
const minMainText = 250

// minLangText is the length, in runes, from which trafilatura's language is
// taken instead of identifying it again.
const minLangText = 1000

// parseHTML extracts the article from an HTML page.
func parseHTML(body []byte, label, pageURL string) (sitrep.Article, []string, error) {
	decoded, _ := decodeHTML(body, label)
	doc, err := html.Parse(bytes.NewReader(decoded))
	if err != nil {
		return sitrep.Article{}, nil, fmt.Errorf("%w: unparsable HTML: %v", ErrNoArticle, err)
	}

	var a sitrep.Article
	var lines []string
	res, terr := trafilatura.ExtractDocument(doc, extractOptions())
	if terr == nil {
		lines = dedupe(dropDebris(undump(normalize(blockText(res.ContentNode)), res.ContentText)))
		m := res.Metadata
		if textLen(lines) >= minLangText {
			// trafilatura has already run whatlanggo, our identifier, over
			// the whole text; on a kilobyte or more that is as sure as our
			// own sampled check, which would cost a tenth of the parse again.
			a.Language = m.Language
		}
		a.Title = strings.TrimSpace(m.Title)
		a.Byline = strings.TrimSpace(m.Author)
		a.Source = strings.TrimSpace(m.Sitename)
		a.CanonicalURL = absURL(m.URL, pageURL)
		if a.CanonicalURL == "" && a.Source == urlSitename(m.URL) {
			// trafilatura names the site by the host of the canonical URL
			// when the page names none; a URL refused is no name either.
			a.Source = ""
		}
	}
	if terr != nil || textLen(lines) < minMainText {
		a.Language = "" // whatever readability finds, we identify ourselves
		// Parse has no logger to say that readability was used, and must
		// not write to the process's default one.
		if ra, rlines, ok := readabilityText(doc, pageURL); ok && textLen(rlines) > textLen(lines) {
			lines = rlines
			if a.Title == "" {
				a.Title = strings.TrimSpace(ra.Title())
			}
			if a.Byline == "" {
				a.Byline = strings.TrimSpace(ra.Byline())
			}
			if a.Source == "" {
				a.Source = strings.TrimSpace(ra.SiteName())
			}
		}
	}
	if n := textLen(lines); n == 0 {
		reason := "no main text found"
		if terr != nil {
			reason += " (" + terr.Error() + ")"
		}
		return sitrep.Article{}, nil, fmt.Errorf("%w: %s", ErrNoArticle, reason)
	}
	if reason := notArticle(doc, lines); reason != "" {
		return sitrep.Article{}, nil, fmt.Errorf("%w: %s", ErrNoArticle, reason)
	}
	dateURL := a.CanonicalURL
	if dateURL == "" {
		dateURL = pageURL
	}
	a.Published = pageDate(doc, dateURL)
	return a, lines, nil
}

// undump undoes a quirk of trafilatura's last resort: when a page has
// under 100 characters of paragraphs, it appends the text of the whole page
// (contentText) to them as one more paragraph, so the paragraphs come out
// twice, then again amid the navigation and the <noscript> markup. When the
// last line holds all the others, the paragraphs are kept: the dump is the
// page, not its article. (A page with no paragraphs at all keeps the dump,
// for notArticle to judge.)
func undump(lines []string, contentText string) []string {
	if len(lines) < 2 || 2*len(lines[len(lines)-1]) < len(contentText) {
		return lines // the usual case: the text is all the paragraphs
	}
	last := squeeze(lines[len(lines)-1])
	if last != squeeze(contentText) {
		return lines
	}
	if rest := squeeze(strings.Join(lines[:len(lines)-1], "")); rest != "" && strings.Contains(last, rest) {
		return lines[:len(lines)-1]
	}
	return lines
}

// squeeze removes all white space, to compare texts whose spacing differs.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// readabilityText is the fallback extractor.
func readabilityText(doc *html.Node, pageURL string) (readability.Article, []string, bool) {
	u, _ := url.Parse(pageURL)
	if u != nil && u.Scheme != "http" && u.Scheme != "https" {
		u = nil
	}
	p := readability.NewParser()
	ra, err := p.ParseDocument(doc, u)
	if err != nil || ra.Node == nil {
		return ra, nil, false
	}
	return ra, dedupe(dropDebris(normalize(blockText(ra.Node)))), true
}

// minDuplicate is the shortest line, in runes, that dedupe removes when it
// repeats: short ones ("* * *", "—") may repeat by design.
const minDuplicate = 20

// dedupe drops the second and later copies of a paragraph. An extractor
// that merges candidates (trafilatura does, with fallback on) can return a
// paragraph twice; a report does not repeat a whole paragraph word for
// word (a pull quote repeats a sentence, not its paragraph).
func dedupe(lines []string) []string {
	seen := make(map[string]bool, len(lines))
	out := lines[:0]
	for _, l := range lines {
		if utf8.RuneCountInString(l) >= minDuplicate {
			if seen[l] {
				continue
			}
			seen[l] = true
		}
		out = append(out, l)
	}
	return out
}

// textLen counts the runes of the lines.
func textLen(lines []string) int {
	n := 0
	for _, l := range lines {
		n += utf8.RuneCountInString(l)
	}
	return n
}

// absURL resolves the page's canonical URL against where it was fetched,
// and drops anything that is not then an absolute http(s) URL without user
// information (see httpURL).
func absURL(ref, base string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil && (b.Scheme == "http" || b.Scheme == "https") {
		r = b.ResolveReference(r)
	}
	if !validHTTPURL(r) {
		return ""
	}
	return httpURL(r.String())
}

// sitenameFromURL is how trafilatura names a site from its URL when the
// page gives no name.
var sitenameFromURL = regexp.MustCompile(`(?i)https?://(?:www\.|w[0-9]+\.)?([^/]+)`)

// urlSitename is the name trafilatura makes of a URL, or "".
func urlSitename(u string) string {
	if m := sitenameFromURL.FindStringSubmatch(u); m != nil {
		return m[1]
	}
	return ""
}

// maxLinkCheck bounds the text, in runes, that notArticle compares with the
// page's links: an extraction longer than that is prose, and the check is
// quadratic-ish in the number of links.
const maxLinkCheck = 2000

// maxLoginText is the text, in runes, under which a page with a password
// field is a login or sign-up form.
const maxLoginText = 300

// notArticle says why the extracted text is not an article, or returns "".
// Trafilatura, when it finds no main content, falls back to all the text of
// the page, so a page of navigation links or a login form comes back as
// "text": these are told apart here.
func notArticle(doc *html.Node, lines []string) string {
	n := textLen(lines)
	if n < maxLoginText && hasPasswordField(doc) {
		return "page is a login or sign-up form"
	}
	if n <= maxLinkCheck {
		if share := linkShare(doc, strings.Join(lines, " ")); share > 0.7 {
			return fmt.Sprintf("page is links, not an article (%.0f%% of its text is link text)", 100*share)
		}
	}
	return ""
}

func hasPasswordField(doc *html.Node) bool {
	found := false
	walk(doc, func(n *html.Node) bool {
		if tag(n) == atom.Input && strings.EqualFold(attr(n, "type"), "password") {
			found = true
		}
		return !found
	})
	return found
}

// maxAnchors bounds the links linkShare looks at.
const maxAnchors = 2000

// linkShare is the share of the letters of text that are the text of the
// page's links, each link's text counted once where it occurs.
func linkShare(doc *html.Node, text string) float64 {
	text = strings.Join(strings.Fields(text), " ")
	total := countLetters(text)
	if total == 0 {
		return 0
	}
	var anchors []string
	walk(doc, func(n *html.Node) bool {
		if tag(n) == atom.A {
			if t := strings.Join(strings.Fields(textContent(n)), " "); countLetters(t) > 1 {
				anchors = append(anchors, t)
			}
			return false
		}
		return len(anchors) < maxAnchors
	})
	// Longest first, so that a link's text is not eaten by a shorter link
	// text inside it.
	sort.Slice(anchors, func(i, j int) bool { return len(anchors[i]) > len(anchors[j]) })
	rest := text
	for _, t := range anchors {
		if i := strings.Index(rest, t); i >= 0 {
			rest = rest[:i] + "\x00" + rest[i+len(t):]
		}
	}
	return 1 - float64(countLetters(rest))/float64(total)
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			n++
		}
	}
	return n
}

// pageDate finds the page's original publication time with go-htmldate in
// its fast mode (metadata, JSON-LD, URL, date elements; no free-text
// parsing). It keeps the date only when the year is written in the string
// it was read from: htmldate fills a missing year or day from the current
// date ("Nov 18", "Monday"), and an article must not be dated today by
// guess.
//
// The result is the day, at midnight UTC (the contract's "known to the
// day"), unless the string htmldate read is a full ISO 8601 timestamp with
// an explicit offset ("2025-11-18T14:03:00+01:00", as article:published_time,
// JSON-LD datePublished and <time datetime> give it) on that day: then it is
// that time, in that offset (see pageTime). htmldate's own time extraction
// is not used: it is experimental, and reads offsets from zone names ("IST",
// "CST") that name more than one.
func pageDate(doc *html.Node, pageURL string) time.Time {
	opts := htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		URL:                 pageURL,
	}
	res, err := htmldate.FromDocument(doc, opts)
	if err != nil || res.IsZero() {
		return time.Time{}
	}
	t := res.DateTime
	y := t.Year()
	if !strings.Contains(res.SrcString, strconv.Itoa(y)) && !containsTwoDigitYear(res.SrcString, y) {
		return time.Time{}
	}
	day := time.Date(y, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if at, ok := pageTime(res.SrcString, day); ok {
		return at
	}
	if pageURL != "" && res.SrcString == strings.Join(strings.Fields(pageURL), " ") {
		// htmldate takes a date in the URL ("/2025/11/18/") before the
		// metadata; the metadata may still state the time on that day.
		opts.DeferUrlExtractor = true
		if meta, err := htmldate.FromDocument(doc, opts); err == nil && !meta.IsZero() {
			if at, ok := pageTime(meta.SrcString, day); ok {
				return at
			}
		}
	}
	return day
}

// isoTimestamps are the layouts of a full timestamp with an explicit
// offset; time.Parse takes fractional seconds after the seconds in each.
var isoTimestamps = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02 15:04:05Z07:00",
}

// pageTime reads src as a full timestamp with an explicit offset falling
// on day (as written, in its own offset), and returns it in that offset:
// UTC when the offset is zero, a fixed zone otherwise.
func pageTime(src string, day time.Time) (time.Time, bool) {
	src = strings.TrimSpace(src)
	for _, layout := range isoTimestamps {
		t, err := time.Parse(layout, src)
		if err != nil {
			continue
		}
		// time.Parse gives time.Local when the offset happens to be the
		// local zone's: the offset as written is what is kept.
		_, off := t.Zone()
		t = t.In(fixedOffset(off)).Truncate(time.Second)
		if y, m, d := t.Date(); y != day.Year() || m != day.Month() || d != day.Day() {
			return time.Time{}, false
		}
		return t, true
	}
	return time.Time{}, false
}

// containsTwoDigitYear reports "18/11/25" for 2025: the two digits as a
// number of their own.
func containsTwoDigitYear(s string, year int) bool {
	yy := fmt.Sprintf("%02d", year%100)
	for i := strings.Index(s, yy); i >= 0; {
		before := i == 0 || !isDigit(s[i-1])
		after := i+2 >= len(s) || !isDigit(s[i+2])
		if before && after {
			return true
		}
		j := strings.Index(s[i+1:], yy)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
