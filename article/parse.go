package article

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/sitrep/sitrep"
)

// Input is one document to parse, as fetched or read from a file.
type Input struct {
	Body []byte
	// URL is where the document came from: an http(s) URL or a file path.
	// It becomes Article.URL, and its host the Source when the page names
	// no site.
	URL string
	// ContentType is the media type from the HTTP response or guessed from
	// the file name, with its charset parameter if any; may be empty.
	ContentType string
	// Published overrides the detected publication time when the caller
	// knows better (a CLI flag, a feed entry); zero means detect it.
	Published time.Time
}

// The errors Parse returns wrap one of these, with the reason, so callers
// can count and skip inputs by kind with errors.Is.
var (
	// ErrEmpty: the input is empty or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: the input is an image, archive, executable or other
	// binary file, not a document.
	ErrBinary = errors.New("binary input")
	// ErrEncoding: plain text or JSON that is not valid UTF-8 and names no
	// charset, or names one that is unknown.
	ErrEncoding = errors.New("invalid text encoding")
	// ErrNoArticle: a well-formed document without an article in it: a
	// login page, a page of links, a JSON value that is not an article
	// object, or text too short to be a report.
	ErrNoArticle = errors.New("no article")
)

// minTextLen is the shortest text, in runes, that is taken for an article.
// Shorter is a caption, an error page or a cookie wall.
const minTextLen = 20

// langSamples are the lengths of text, in bytes, given to language
// identification, the shorter tried first: trigram statistics settle on a
// paragraph or two, the text may be megabytes, and whatlanggo costs about
// half a millisecond for 512 bytes; a text it is unsure of gets a longer look.
var langSamples = [...]int{512, 4 << 10}

// Parse turns one document into an Article. It decides the format (HTML,
// JSON article or plain text) from in.ContentType and the bytes, decodes
// it to UTF-8, extracts the main text and metadata, normalizes the text
// and removes scraping debris. Article.ID is sitrep.ContentID of the title
// and text. Errors wrap ErrEmpty, ErrBinary, ErrEncoding or ErrNoArticle
// and name in.URL.
func Parse(in Input) (a sitrep.Article, err error) {
	name := in.URL
	if name == "" {
		name = "input"
	}
	// The extractors are third-party code fed untrusted bytes: a panic in
	// them must cost one article, not the batch.
	defer func() {
		if p := recover(); p != nil {
			a, err = sitrep.Article{}, fmt.Errorf("parse %s: extractor panic: %v", name, p)
		}
	}()
	a, err = parse(in)
	if err != nil {
		return sitrep.Article{}, fmt.Errorf("parse %s: %w", name, err)
	}
	return a, nil
}

func parse(in Input) (sitrep.Article, error) {
	_, params, _ := mime.ParseMediaType(in.ContentType)
	label := params["charset"]
	body, utf16 := fromUTF16(in.Body, label)
	if utf16 {
		label = "utf-8" // decoded already
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(body, bomUTF8))) == 0 {
		return sitrep.Article{}, ErrEmpty
	}
	if reason := binaryReason(body); reason != "" {
		return sitrep.Article{}, fmt.Errorf("%w: %s", ErrBinary, reason)
	}

	var (
		a     sitrep.Article
		lines []string
		err   error
	)
	switch detectFormat(in.ContentType, body) {
	case formatHTML:
		a, lines, err = parseHTML(body, label, in.URL)
	case formatJSON:
		a, lines, err = parseJSON(body, label, in.URL)
	default:
		a, lines, err = parsePlain(body, label)
	}
	if err != nil {
		return sitrep.Article{}, err
	}
	return finish(a, lines, in)
}

// finish fills in what every format shares: the text from its lines, the
// checks that it is an article, the URL, source, language and ID.
func finish(a sitrep.Article, lines []string, in Input) (sitrep.Article, error) {
	// Metadata is one line of printable text whatever the format said (see
	// cleanMeta); the text keeps its characters (see normalize).
	a.Title = cleanMeta(a.Title, maxTitle)
	a.Byline = cleanMeta(a.Byline, maxByline)
	a.Source = cleanMeta(a.Source, maxSource)
	a.Language = cleanLanguage(a.Language)
	a.URL = httpURL(a.URL)
	a.CanonicalURL = httpURL(a.CanonicalURL)
	lines = compact(lines)
	if a.Title != "" {
		// The headline is metadata, as in plain text; pages repeat it (an
		// <h1> the extractor kept), and that copy goes too.
		out := lines[:0]
		for _, l := range lines {
			if len(l) > 2*len(a.Title)+8 || !sameText(l, a.Title) {
				out = append(out, l)
			}
		}
		lines = out
	}
	a.Text = strings.Join(lines, "\n")
	if n := utf8.RuneCountInString(a.Text); n < minTextLen {
		return sitrep.Article{}, fmt.Errorf("%w: text too short (%d characters)", ErrNoArticle, n)
	}
	if a.URL == "" {
		a.URL = in.URL
	}
	if a.Source == "" {
		a.Source = hostSource(a.URL)
	}
	if !in.Published.IsZero() {
		a.Published = in.Published
	}
	if a.Language == "" {
		a.Language = language(a.Text)
	}
	a.ID = sitrep.ContentID(a.Title, a.Text)
	return a, nil
}

// sameText compares two lines ignoring case and spacing.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// hostSource names the outlet by the host of an http(s) URL, without
// "www."; a file path names none.
func hostSource(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// language identifies the language of the text as an ISO 639-1 code, or ""
// when whatlanggo is not confident or the language has no two-letter code.
func language(text string) string {
	for _, n := range langSamples {
		sample := text
		if len(sample) > n {
			for n > 0 && !utf8.RuneStart(sample[n]) {
				n--
			}
			sample = sample[:n]
		}
		if info := whatlanggo.Detect(sample); info.IsReliable() {
			return info.Lang.Iso6391()
		}
		if len(sample) == len(text) {
			break
		}
	}
	return ""
}
