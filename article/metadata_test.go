package article

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// The tests in this file go through Parse only, so that they say what a
// user sees, whatever the helpers underneath.

const (
	lede = "The military said it struck a vessel in the Caribbean on Monday, killing three people aboard."
	para = "US President Donald Trump said he may expand his unprecedented attack on drug cartels in Latin America to include Mexico, Reuters and NBC reported."
	more = "President Trump did not say when or how such an attack might occur."
)

// A plain text without a headline keeps its first paragraph as text: the
// first line is the headline only when it looks like one.
func TestPlainTextHeadlineOnlyWhenItLooksLikeOne(t *testing.T) {
	tests := []struct {
		name, body    string
		title, byline string
		published     time.Time
		text          string
		json          bool // body is a JSON article
	}{
		{name: "a first paragraph of one sentence is text",
			body: lede + "\n" + para + "\n" + more,
			text: lede + "\n" + para + "\n" + more},
		{name: "so it is after a blank line",
			body: lede + "\n\n" + para + "\n\n" + more,
			text: lede + "\n" + para + "\n" + more},
		{name: "a question with nothing under it is text",
			body: "Why would the strikes stop at sea?\n" + para,
			text: "Why would the strikes stop at sea?\n" + para},
		{name: "an exclamation is text",
			body: "They are coming back!\n" + para,
			text: "They are coming back!\n" + para},
		{name: "a sentence ending in a quotation is text",
			body: "“We will strike,” he said.\n" + para,
			text: "“We will strike,” he said.\n" + para},
		{name: "the seed's shape: a headline ending in a full stop, then the date line",
			body:  "Trump has said he is talking with Mexico about possible military intervention.\nPublished November 18, 2025\n" + para + "\n" + more,
			title: "Trump has said he is talking with Mexico about possible military intervention.", published: nov18,
			text: para + "\n" + more},
		{name: "a headline ending in a full stop, then the byline",
			body:  "Trump talks of strikes in Mexico.\nBy Jane Doe, Reuters\n" + para,
			title: "Trump talks of strikes in Mexico.", byline: "Jane Doe, Reuters",
			text: para},
		{name: "the date line may be the second line under it",
			body:  "Trump talks of strikes in Mexico.\n\nBy Jane Doe\n\nPublished November 18, 2025\n\n" + para,
			title: "Trump talks of strikes in Mexico.", byline: "Jane Doe", published: nov18,
			text: para},
		{name: "a date line three lines under a sentence does not make it a headline",
			body:      "Officials met on Monday.\nThey talked for an hour.\nThey left.\nPublished November 18, 2025\n" + para,
			published: nov18,
			text:      "Officials met on Monday.\nThey talked for an hour.\nThey left.\n" + para},
		{name: "a headline without a full stop needs nothing under it",
			body:  "Trump talks of strikes in Mexico\n" + para,
			title: "Trump talks of strikes in Mexico",
			text:  para},
		{name: "an impossible date line is not the headline, nor text",
			body: "Published: 2025-11-31\n" + para + "\n" + more,
			text: para + "\n" + more},
		{name: "an impossible date line above the headline",
			body:  "Published: 2025-11-31\nTrump talks of strikes in Mexico\n" + para,
			title: "Trump talks of strikes in Mexico",
			text:  para},
		{name: "an impossible date line under the headline",
			body:  "Trump talks of strikes in Mexico\nFebruary 30, 2025\n" + para,
			title: "Trump talks of strikes in Mexico",
			text:  para},
		{name: "a date in numbers only is metadata without a date",
			body:  "Published: 18/11/2025\nTrump talks of strikes in Mexico\n" + para,
			title: "Trump talks of strikes in Mexico",
			text:  para},
		{name: "JSON without a title: the text's first paragraph stays",
			body: `{"text":"` + lede + `\n` + para + `"}`, json: true,
			text: lede + "\n" + para},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := "text/plain"
			if tt.json {
				ct = "application/json"
			}
			a := mustParse(t, Input{Body: []byte(tt.body), URL: "a.txt", ContentType: ct})
			checkFields(t, a, tt.title, tt.byline, tt.published, tt.text)
		})
	}
}

// Title, byline, source and language are one line of printable text in
// every format: no terminal escapes, no bidi overrides, no line breaks.
// The text keeps what normalize keeps, bidi characters included.
func TestMetadataIsCleaned(t *testing.T) {
	long := strings.Repeat("Strikes ", 700) // 5,600 runes
	tests := []struct {
		name, body, contentType string
		title, byline, source   string
		lang                    string
		textHas                 string
	}{
		{name: "JSON title with an escape sequence and NUL",
			body:  `{"title":"T\u001b[31mred\u0000","text":"` + para + `"}`,
			title: "T[31mred", lang: "en"},
		{name: "JSON title with a bidi override and a line break",
			body:  `{"title":"Strikes \u202eon Mexico\u202c\n\tand\r\nVenezuela","text":"` + para + `"}`,
			title: "Strikes on Mexico and Venezuela", lang: "en"},
		{name: "JSON byline, source and language with controls and isolates",
			body:  `{"title":"T","text":"` + para + `","byline":["Jane\u0007 Doe\u2066","\u009bJohn Roe"],"source":"Example\u007f\n News\u2069","language":"EN\u202e"}`,
			title: "T", byline: "Jane Doe, John Roe", source: "Example News", lang: "en"},
		{name: "JSON language that is not a language tag is identified instead",
			body:  `{"title":"T","text":"` + para + `","language":"English\u001b[0m"}`,
			title: "T", lang: "en"},
		{name: "JSON title over 1,000 runes is cut",
			body:  `{"title":"` + long + `","text":"` + para + `"}`,
			title: strings.Repeat("Strikes ", 123) + "Strikes…", lang: "en"},
		{name: "HTML title, author and site name",
			body: "<html><head><title>Str\u202eikes\u202c on\nMexico</title><meta name=\"author\" content=\"Jane\u2067 Doe\"><meta property=\"og:site_name\" content=\"Example\u0085 News\"></head>" +
				"<body><article><p>" + para + "</p><p>" + more + " " + para + "</p></article></body></html>",
			contentType: "text/html",
			title:       "Strikes on Mexico", byline: "Jane Doe", source: "Example News", lang: "en"},
		{name: "plain-text headline with a tab and a bidi override",
			body:        "Trump talks\tof strikes \u202ein Mexico\u202c\n" + para,
			contentType: "text/plain",
			title:       "Trump talks of strikes in Mexico", lang: "en"},
		{name: "bidi characters in the text are content and stay",
			body:        "Trump talks of strikes\n" + para + " \u2067مكسيك\u2069 \u202eok\u202c",
			contentType: "text/plain",
			title:       "Trump talks of strikes", lang: "en", textHas: "\u2067مكسيك\u2069 \u202eok\u202c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, Input{Body: []byte(tt.body), URL: "in", ContentType: tt.contentType})
			for _, c := range []struct{ field, got, want string }{
				{"Title", a.Title, tt.title}, {"Byline", a.Byline, tt.byline},
				{"Source", a.Source, tt.source}, {"Language", a.Language, tt.lang},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			if n := utf8.RuneCountInString(a.Title); n > 1000 {
				t.Errorf("Title has %d runes, want at most 1,000", n)
			}
			if !strings.Contains(a.Text, tt.textHas) {
				t.Errorf("Text lost %q:\n%q", tt.textHas, a.Text)
			}
		})
	}
}

// An article's URL and canonical URL are absolute http(s) URLs without
// user information, or the article keeps where it was read from.
func TestArticleURLMustBeHTTP(t *testing.T) {
	const from = "https://feed.example.net/items/7"
	page := func(head string) string {
		return "<html><head><title>Strikes</title>" + head + "</head><body><article><p>" + para + "</p><p>" + more + " " + para + "</p></article></body></html>"
	}
	tests := []struct {
		name, body             string
		url, canonical, source string
	}{
		{"JSON javascript: URL", `{"url":"javascript:alert(1)","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON data: URL", `{"url":"data:text/html,<script>alert(1)</script>","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON URL with user information", `{"url":"https://user:secret@example.org/a","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON scheme-relative URL", `{"url":"//example.org/a","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON relative URL", `{"url":"/world/a","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON ftp URL", `{"url":"ftp://example.org/a","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON URL without a host", `{"url":"https:///a","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON URL with a bidi override", `{"url":"https://example.org/\u202egnp.exe","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON URL with a line break", `{"url":"https://example.org/a\nb","title":"T","text":"` + para + `"}`, from, "", "feed.example.net"},
		{"JSON http URL, trimmed", `{"url":"  https://www.example.org/a?b=1 ","title":"T","text":"` + para + `"}`, "https://www.example.org/a?b=1", "", "example.org"},
		{"JSON html with a javascript: URL", `{"url":"javascript:alert(1)","html":"` + strings.ReplaceAll(page(""), `"`, `\"`) + `"}`, from, "", "feed.example.net"},
		{"HTML canonical with user information", page(`<link rel="canonical" href="https://user:secret@example.org/a">`), from, "", "feed.example.net"},
		{"HTML canonical javascript:", page(`<link rel="canonical" href="javascript:alert(1)">`), from, "", "feed.example.net"},
		// The site is named by its canonical URL when the page names none.
		{"HTML canonical", page(`<link rel="canonical" href="https://example.org/a">`), from, "https://example.org/a", "example.org"},
		{"HTML canonical with user information and a site name", page(`<link rel="canonical" href="https://user:secret@example.org/a"><meta property="og:site_name" content="Example News">`), from, "", "Example News"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, Input{Body: []byte(tt.body), URL: from})
			if a.URL != tt.url || a.CanonicalURL != tt.canonical || a.Source != tt.source {
				t.Errorf("URL %q, CanonicalURL %q, Source %q; want %q, %q, %q", a.URL, a.CanonicalURL, a.Source, tt.url, tt.canonical, tt.source)
			}
		})
	}
}

// A plain-text date line with a time and an offset keeps both: the day
// written stays the day. A date alone is midnight UTC, which the contract
// writes as a date.
func TestPlainTextDateKeepsItsOffset(t *testing.T) {
	tests := []struct {
		line     string
		want     string // RFC 3339
		dateOnly bool
	}{
		{"Tuesday, November 18, 2025 11:30 PM -05:00", "2025-11-18T23:30:00-05:00", false},
		{"Tue 18 Nov 2025 14:03 +01:00", "2025-11-18T14:03:00+01:00", false},
		{"Published 2025-11-18T00:30:00+05:30", "2025-11-18T00:30:00+05:30", false},
		{"Updated 2025-11-18 14:03 GMT", "2025-11-18T14:03:00Z", false},
		{"Posted November 18, 2025 at 2:03 pm +00:00", "2025-11-18T14:03:00Z", false},
		{"Published November 18, 2025", "2025-11-18T00:00:00Z", true},
		{"Published November 18, 2025 2:03 PM ET", "2025-11-18T00:00:00Z", true},
		{"Published November 18, 2025 14:03 +99:00", "2025-11-18T00:00:00Z", true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			a := mustParse(t, Input{Body: []byte("Trump talks of strikes\n" + tt.line + "\n" + para), URL: "a.txt"})
			if got := a.Published.Format(time.RFC3339); got != tt.want {
				t.Errorf("Published = %s, want %s", got, tt.want)
			}
			if got := (sitrep.Published{Time: a.Published}).DateOnly(); got != tt.dateOnly {
				t.Errorf("DateOnly = %v, want %v", got, tt.dateOnly)
			}
		})
	}
}

// A page that states its publication time with an offset keeps it; one
// that states the day only, or a time without an offset, is dated to the day.
func TestHTMLPublishedTime(t *testing.T) {
	body := "<article><p>" + para + "</p><p>" + more + " " + para + "</p></article>"
	meta := func(prop, content string) string {
		return `<html><head><title>Strikes</title><meta property="` + prop + `" content="` + content + `"></head><body>` + body + `</body></html>`
	}
	tests := []struct {
		name, page, url string
		want            string // RFC 3339, "" for no date
		dateOnly        bool
	}{
		{"article:published_time in UTC", meta("article:published_time", "2025-11-18T14:03:00+00:00"), "", "2025-11-18T14:03:00Z", false},
		{"article:published_time late in the evening, west of UTC", meta("article:published_time", "2025-11-18T23:30:00-05:00"), "", "2025-11-18T23:30:00-05:00", false},
		{"og:published_time", meta("og:published_time", "2025-11-18T14:03:00+01:00"), "", "2025-11-18T14:03:00+01:00", false},
		{"JSON-LD datePublished with milliseconds", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-11-18T09:00:00.000+01:00","dateModified":"2025-11-20T09:00:00Z"}</script></head><body>` + body + `</body></html>`, "", "2025-11-18T09:00:00+01:00", false},
		{"<time datetime> in the article", `<html><body><article><time datetime="2025-11-18T14:03:00+01:00">Nov 18</time><p>` + para + `</p><p>` + more + " " + para + `</p></article></body></html>`, "", "2025-11-18T14:03:00+01:00", false},
		{"a date only", meta("article:published_time", "2025-11-18"), "", "2025-11-18T00:00:00Z", true},
		{"a time without an offset", `<html><body><article><time datetime="2025-11-18T23:30">Nov 18</time><p>` + para + `</p><p>` + more + " " + para + `</p></article></body></html>`, "", "2025-11-18T00:00:00Z", true},
		{"a time with a zone name", `<html><body><article><p class="date">Published 18 November 2025 14:03 EST</p><p>` + para + `</p><p>` + more + " " + para + `</p></article></body></html>`, "", "2025-11-18T00:00:00Z", true},
		{"the day in the URL, the time in the metadata", meta("article:published_time", "2025-11-18T14:03:00-05:00"), "https://example.org/2025/11/18/strikes", "2025-11-18T14:03:00-05:00", false},
		{"the day in the URL, metadata on another day", meta("article:published_time", "2025-11-19T14:03:00-05:00"), "https://example.org/2025/11/18/strikes", "2025-11-18T00:00:00Z", true},
		{"no date", `<html><head><title>Strikes</title></head><body>` + body + `</body></html>`, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := tt.url
			if url == "" {
				url = "https://example.org/world/strikes"
			}
			a := mustParse(t, Input{Body: []byte(tt.page), URL: url})
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.RFC3339)
			}
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
			if !a.Published.IsZero() && (sitrep.Published{Time: a.Published}).DateOnly() != tt.dateOnly {
				t.Errorf("DateOnly = %v, want %v", !tt.dateOnly, tt.dateOnly)
			}
		})
	}
}

// Parse writes nothing to the process's default logger, whichever
// extractor it ends up using: it has no logger of its own to write to.
func TestParseDoesNotLogGlobally(t *testing.T) {
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(func() { slog.SetDefault(old) })

	const p1 = "<p>The White House has launched at least 20 airstrikes since September against ships.</p>"
	const p2 = "<p>Mexico's president said she opposes any such attack on her country's soil.</p>"
	const caption = "A boat burns off the coast of Venezuela in a photo released by the Pentagon."
	tests := []struct {
		name, body, textHas string
	}{
		// trafilatura finds the two paragraphs only; readability also the
		// third block, and is used.
		{"HTML where readability finds more", "<html><body><div>" + p1 + p2 + "</div><div>" + caption + "</div></body></html>", caption},
		{"HTML", "<html><body><article>" + p1 + p2 + p1 + "</article></body></html>", "Mexico's president"},
		{"text", "Trump talks of strikes\n" + para, para},
		{"JSON", `{"title":"T","text":"` + para + `"}`, para},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf.Reset()
			a := mustParse(t, Input{Body: []byte(tt.body), URL: "https://example.org/a"})
			if !strings.Contains(a.Text, tt.textHas) {
				t.Errorf("Text lacks %q: %q", tt.textHas, a.Text)
			}
			if buf.Len() > 0 {
				t.Errorf("Parse wrote to the default logger: %s", buf.String())
			}
		})
	}
}
