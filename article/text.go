package article

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// parsePlain reads a plain-text article: the headline, date and byline
// lines at its top become metadata (see splitHeader), the rest its text.
func parsePlain(body []byte, label string) (sitrep.Article, []string, error) {
	text, err := decodeText(body, label)
	if err != nil {
		return sitrep.Article{}, nil, err
	}
	h, lines := plainLines(string(text), true)
	return sitrep.Article{Title: h.title, Byline: h.byline, Published: h.published}, lines, nil
}

// plainLines normalizes text, removes debris, takes the header off when
// asked to, and unwraps hard-wrapped paragraphs.
func plainLines(text string, header bool) (h textHeader, lines []string) {
	lines = dropDebris(normalize(text))
	if header {
		h, lines = splitHeader(lines)
	}
	return h, unwrap(lines)
}

// textHeader is the metadata a plain-text article states in its first lines.
type textHeader struct {
	title, byline string
	published     time.Time
}

// headerLines is how many non-blank lines from the top may hold the
// headline, the date line and the byline: enough for a kicker, a headline,
// a standfirst, a date and a byline in any order, and few enough that a
// date line in the body is left alone.
const headerLines = 6

// splitHeader takes the metadata lines off the top of a plain-text article:
// date lines (see dateLine and metadataDateLine), a byline ("By Jane Doe,
// Reuters"), and the headline, which is the first other line when it looks
// like one (see headline). The text keeps everything else, so a report with
// no headline loses nothing: its first paragraph stays text, and the title
// is empty. (A title made up from the first sentence would pass for the
// headline in the contract, where consumers cannot tell it from one; the
// views that need something to show can take the start of the text.)
func splitHeader(lines []string) (textHeader, []string) {
	var (
		h       textHeader
		updated time.Time
		out     = make([]string, 0, len(lines))
		seen    int
		first   = -1 // index in out of the first line kept from the header
		firstAt int  // its number among the header's non-blank lines
		// metaAfter: a date line or the byline comes within
		// headlineMetaLines lines after the first kept line.
		metaAfter bool
	)
	for _, l := range lines {
		if l == "" || seen >= headerLines {
			out = append(out, l)
			continue
		}
		seen++
		meta := true
		switch t, upd, isDate := dateLine(l); {
		case isDate:
			switch {
			case upd && updated.IsZero():
				updated = t
			case !upd && h.published.IsZero():
				h.published = t
			}
		case metadataDateLine(l):
			// A date line with no date in it: metadata all the same.
		default:
			if b, ok := bylineLine(l); ok && h.byline == "" {
				h.byline = b
			} else {
				meta = false
			}
		}
		if meta {
			if first >= 0 && seen-firstAt <= headlineMetaLines {
				metaAfter = true
			}
			continue
		}
		if first < 0 {
			first, firstAt = len(out), seen
		}
		out = append(out, l)
	}
	if h.published.IsZero() {
		h.published = updated
	}
	if first < 0 {
		return h, out
	}
	next, blank := "", false
	for _, l := range out[first+1:] {
		if l == "" {
			blank = true
			continue
		}
		next = l
		break
	}
	if next != "" && headline(out[first], next, blank, metaAfter) {
		h.title = out[first]
		out = append(out[:first], out[first+1:]...)
	}
	return h, out
}

// maxHeadline is the longest line, in runes, taken for a headline.
const maxHeadline = 200

// headlineMetaLines is how near, in non-blank lines, a date line or byline
// must follow a line ending a sentence for it to be the headline: the
// scraped shape "Headline.\nPublished November 18, 2025\n...".
const headlineMetaLines = 2

// sentenceBreak finds a sentence boundary inside a line: a lower-case word
// of two letters or more, a full stop, question or exclamation mark, and a
// capital. "U.S. Strikes" is not one; "drugs. They" is.
var sentenceBreak = regexp.MustCompile(`\p{Ll}{2}[.!?]["”’)]?\s+["“‘(]?\p{Lu}`)

// headline reports whether line, the first of a plain text, is its
// headline rather than its first paragraph: short, one sentence at most,
// not broken off mid-sentence (ending in a comma or a hyphen, or continued
// in lower case on the next line of the same paragraph), and not ending a
// sentence ("." "!" "?" "…", before any closing quote or bracket) unless a
// date line or byline follows it within headlineMetaLines (metaAfter).
// Headlines seldom end in a full stop; first paragraphs always do, and
// taking one for the headline would take it out of the text. A question
// headline with no date or byline under it stays text, which loses nothing.
func headline(line, next string, blankBetween, metaAfter bool) bool {
	if utf8.RuneCountInString(line) > maxHeadline {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(",;:-–—(/&", last) {
		return false
	}
	if !blankBetween && unicode.IsLetter(last) {
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) {
			return false
		}
	}
	if !metaAfter && endsSentence(line) {
		return false
	}
	return !sentenceBreak.MatchString(line)
}

// endsSentence reports whether line ends with sentence punctuation, before
// any closing quotation marks and brackets.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, `"'”’»)]`)
	last, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?…", last)
}

// nameParticles may be lower case in a byline's names.
var nameParticles = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "del": true, "der": true,
	"den": true, "van": true, "von": true, "al": true, "el": true, "bin": true,
	"la": true, "le": true, "du": true, "di": true, "y": true, "in": true,
}

// bylineLine reads "By Jane Doe", "By Jane Doe and John Roe, Reuters":
// "By" then capitalised names only, so that "By Monday, the troops had
// left." stays text.
func bylineLine(l string) (string, bool) {
	if len(l) > 4*maxDebrisLen || utf8.RuneCountInString(l) > maxDebrisLen || len(l) < 4 || !strings.EqualFold(l[:3], "by ") {
		return "", false
	}
	names := strings.TrimSpace(l[3:])
	words := strings.Fields(names)
	if len(words) == 0 || len(words) > 10 {
		return "", false
	}
	for _, w := range words {
		w = strings.Trim(w, ",;")
		if w == "" || nameParticles[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || isCalendarWord(w) {
			return "", false
		}
	}
	if last, _ := utf8.DecodeLastRuneInString(names); strings.ContainsRune("!?:", last) {
		return "", false
	}
	return strings.Trim(names, " ,;"), true
}

// isCalendarWord reports a day or month name, which follows "By" in
// sentences ("By Monday", "By March 2026") but not in bylines.
func isCalendarWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,")) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

// unwrap joins the lines of hard-wrapped paragraphs (e-mail, Usenet, text
// dumps) into one line each, so that in every format a paragraph is a
// line. A block between blank lines is hard-wrapped when all its lines but
// the last fill most of a line width (40 to 100 runes), most of them stop
// without ending a sentence, and none starts like a list item; a text that
// puts one paragraph on a line is left as it is. Lines are joined with a
// space, or with nothing after a hyphen that ends a word broken across
// lines, so no character of the text is lost.
func unwrap(lines []string) []string {
	out := lines[:0:0]
	for start := 0; start < len(lines); {
		end := start
		for end < len(lines) && lines[end] != "" {
			end++
		}
		block := lines[start:end]
		if hardWrapped(block) {
			var b strings.Builder
			for i, l := range block {
				if i > 0 && !(strings.HasSuffix(block[i-1], "-") && startsLower(l)) {
					b.WriteByte(' ')
				}
				b.WriteString(l)
			}
			out = append(out, b.String())
		} else {
			out = append(out, block...)
		}
		if end < len(lines) {
			out = append(out, "")
		}
		start = end + 1
	}
	return out
}

var listItem = regexp.MustCompile(`^(?:[-*•·–—]\s|\d{1,3}[.)]\s)`)

func hardWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	open := 0
	for _, l := range block[:len(block)-1] {
		if n := utf8.RuneCountInString(l); n < 40 || n > 100 || listItem.MatchString(l) {
			return false
		}
		if last, _ := utf8.DecodeLastRuneInString(l); !strings.ContainsRune(`.!?:;"”’)`, last) {
			open++
		}
	}
	return 2*open >= len(block)-1 && !listItem.MatchString(block[len(block)-1])
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
