package article

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

const seedPath = "../demo/corpus/strikes-mexico-2025-11-18.txt" // the seed article, bundled with the demo

const seedTitle = "US President Donald Trump has said he is talking with Mexico about possible military intervention."

var nov18 = time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkFields compares the fields that the plain-text and metadata tables
// pin down.
func checkFields(t *testing.T, a sitrep.Article, title, byline string, published time.Time, text string) {
	t.Helper()
	if a.Title != title {
		t.Errorf("Title = %q, want %q", a.Title, title)
	}
	if a.Byline != byline {
		t.Errorf("Byline = %q, want %q", a.Byline, byline)
	}
	if !a.Published.Equal(published) {
		t.Errorf("Published = %v, want %v", a.Published, published)
	}
	if a.Text != text {
		t.Errorf("Text =\n%q\nwant\n%q", a.Text, text)
	}
}

func mustParse(t *testing.T, in Input) sitrep.Article {
	t.Helper()
	a, err := Parse(in)
	if err != nil {
		t.Fatalf("Parse(%s): %v", in.URL, err)
	}
	if !utf8.ValidString(a.Text) {
		t.Errorf("Parse(%s): text is not valid UTF-8", in.URL)
	}
	if want := sitrep.ContentID(a.Title, a.Text); a.ID != want {
		t.Errorf("Parse(%s): ID = %q, want ContentID(title, text) = %q", in.URL, a.ID, want)
	}
	return a
}

// The flagship article, as scraped: headline, a "Published" line, and two
// lines of related-stories debris among the paragraphs.
func TestSeedArticle(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	a := mustParse(t, Input{Body: raw, URL: seedPath})

	if a.Title != seedTitle {
		t.Errorf("Title = %q, want %q", a.Title, seedTitle)
	}
	if !a.Published.Equal(nov18) || a.Published.Location() != time.UTC {
		t.Errorf("Published = %v, want 2025-11-18 midnight UTC", a.Published)
	}
	if a.Language != "en" {
		t.Errorf("Language = %q, want en", a.Language)
	}
	if a.Source != "" {
		t.Errorf("Source = %q, want none for a file path", a.Source)
	}
	for _, gone := range []string{"Recommended stories", "list of 4 items", "end of list", "Published November", seedTitle} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("Text still contains %q", gone)
		}
	}
	// Every other paragraph intact, in order, as written.
	var want []string
	for i, l := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
		if i < 2 || l == "Recommended stories" || l == "list of 4 itemsend of list" {
			continue
		}
		want = append(want, l)
	}
	if got := strings.Split(a.Text, "\n"); !slices.Equal(got, want) {
		t.Errorf("Text paragraphs differ from the seed's:\n got %d: %q\nwant %d: %q", len(got), got, len(want), want)
	}

	// The HTML fixture wraps the same paragraphs in a page: same article.
	h := mustParse(t, Input{Body: readFile(t, "testdata/seed.html"), URL: "testdata/seed.html"})
	if h.Text != a.Text || h.ID != a.ID {
		t.Errorf("the HTML version of the seed gives a different text:\n html %q\n text %q", h.Text, a.Text)
	}
}

// testdata/seed.html puts the seed's paragraphs in a page with a cookie
// banner, navigation, share buttons, an ad, a related-stories box, a
// newsletter form, a most-read list and a footer.
func TestSeedHTMLFixture(t *testing.T) {
	a := mustParse(t, Input{
		Body:        readFile(t, "testdata/seed.html"),
		URL:         "https://www.news.example.org/world/trump-mexico-military-intervention?utm_source=feed",
		ContentType: "text/html; charset=utf-8",
	})
	checks := []struct{ field, got, want string }{
		{"Title", a.Title, seedTitle},
		{"Byline", a.Byline, "Example News Staff"},
		{"Source", a.Source, "Example News"},
		{"CanonicalURL", a.CanonicalURL, "https://news.example.org/world/trump-mexico-military-intervention"},
		{"Language", a.Language, "en"},
		// article:published_time gives the time, with its offset.
		{"Published", a.Published.Format(time.RFC3339), "2025-11-18T09:12:00Z"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	lines := strings.Split(a.Text, "\n")
	if len(lines) != 13 {
		t.Errorf("Text has %d paragraphs, want the seed's 13:\n%s", len(lines), a.Text)
	}
	if !strings.HasPrefix(a.Text, "US President Donald Trump said he may expand") {
		t.Errorf("Text starts %q, want the first paragraph", a.Text[:min(len(a.Text), 80)])
	}
	if !strings.HasSuffix(a.Text, "to justify action against groups like al-Qaeda.") {
		t.Errorf("Text does not end with the last paragraph")
	}
	for _, clutter := range []string{
		"cookies", "Skip to content", "Home", "Share", "Facebook", "Advertisement",
		"Recommended stories", "Venezuela mobilises", "newsletter", "Subscribe", "Most read",
		"Storm batters", "Privacy policy", "Follow us", "All rights reserved", "Published On",
		seedTitle,
	} {
		if strings.Contains(a.Text, clutter) {
			t.Errorf("Text contains page clutter %q", clutter)
		}
	}
}

func TestFormatDetection(t *testing.T) {
	const para = "The White House has launched at least 20 airstrikes since September against ships suspected of transporting drugs."
	htmlPage := "<!DOCTYPE html><html><head><title>Strikes</title></head><body><article><h1>Strikes</h1><p>" + para + "</p><p>" + para + " Again.</p></article></body></html>"
	tests := []struct {
		name        string
		body        string
		contentType string
		want        format
	}{
		{"HTML by content type", "<p>" + para + "</p>", "text/html; charset=utf-8", formatHTML},
		{"XHTML by content type", htmlPage, "application/xhtml+xml", formatHTML},
		{"HTML sniffed: doctype", htmlPage, "", formatHTML},
		{"HTML sniffed: <html> after white space", "\n\n  <HTML><body>" + para, "", formatHTML},
		{"HTML sniffed: fragment with <p>", "<p>" + para + "</p>", "", formatHTML},
		{"HTML sniffed under a generic type", htmlPage, "application/octet-stream", formatHTML},
		{"HTML served as text/plain but starting with a tag", htmlPage, "text/plain", formatHTML},
		{"text/plain quoting a tag stays text", "Headline\nThe page's <p> tags were stripped.", "text/plain", formatText},
		{"JSON by content type", `{"title":"t","text":"x"}`, "application/json", formatJSON},
		{"JSON by +json type", `{"title":"t","text":"x"}`, "application/ld+json", formatJSON},
		{"JSON sniffed", ` {"title":"t","text":"x"}`, "", formatJSON},
		{"brace that is not JSON is text", "{Editor's note} " + para, "", formatText},
		{"plain text", "Headline\n" + para, "", formatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectFormat(tt.contentType, []byte(tt.body)); got != tt.want {
				t.Errorf("detectFormat = %v, want %v", got, tt.want)
			}
		})
	}
}

// Pages in legacy charsets must come out as the same characters in UTF-8.
func TestCharsets(t *testing.T) {
	tests := []struct {
		file, contentType string
		title             string
		want              []string // in Text
		lang              string
	}{
		{"cp1252.html", "", "Sheinbaum rejects strikes",
			[]string{"“Will we go on strike in Mexico to stop drugs? That’s fine,” he told reporters — in the Oval Office", "Ciudad de México", "Bogotá and Brasília"}, "en"},
		{"cp1252-undeclared.html", "", "Sheinbaum rejects strikes",
			[]string{"“Will we go on strike", "— in the Oval Office", "Ciudad de México"}, "en"},
		{"latin1-header.html", "text/html; charset=ISO-8859-1", "Region wary of strikes",
			[]string{"Bogotá and Brasília", "«not accept»", "the año ahead"}, "en"},
		{"sjis.html", "", "トランプ氏、メキシコと協議",
			[]string{"米国のトランプ大統領は、メキシコへの軍事介入の可能性について", "「メキシコで麻薬を止めるために攻撃するか。それで構わない」"}, "ja"},
		{"cp1252.txt", "text/plain; charset=windows-1252", "Sheinbaum rejects strikes",
			[]string{"“Will we go on strike", "That’s fine,” he told reporters —", "Ciudad de México"}, "en"},
		{"utf16le.txt", "", "Sheinbaum rejects strikes", []string{"Ciudad de México", "country’s soil"}, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := mustParse(t, Input{Body: readFile(t, "testdata/"+tt.file), URL: tt.file, ContentType: tt.contentType})
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("Text lacks %q:\n%s", w, a.Text)
				}
			}
			if strings.ContainsRune(a.Text, '\uFFFD') {
				t.Errorf("Text has replacement characters:\n%s", a.Text)
			}
			if a.Language != tt.lang {
				t.Errorf("Language = %q, want %q", a.Language, tt.lang)
			}
		})
	}
}

// UTF-16 without a BOM has zero bytes all through: it is text only because
// the caller says so.
func TestUTF16ByLabel(t *testing.T) {
	body := readFile(t, "testdata/utf16le.txt")[2:] // without its BOM
	if _, err := Parse(Input{Body: body, URL: "a.txt"}); !errors.Is(err, ErrBinary) {
		t.Errorf("unlabelled: err = %v, want ErrBinary", err)
	}
	a := mustParse(t, Input{Body: body, URL: "a.txt", ContentType: "text/plain; charset=UTF-16LE"})
	if a.Title != "Sheinbaum rejects strikes" || !strings.Contains(a.Text, "Ciudad de México") {
		t.Errorf("labelled UTF-16LE: %+v", a)
	}
}

func TestDecodeHTMLCharsetChoice(t *testing.T) {
	tests := []struct {
		name, body, label, want, wantName string
	}{
		{"meta beyond the first KB", strings.Repeat("<!-- padding -->", 100) + `<meta charset="iso-8859-1"><p>caf` + "\xe9", "", "café", "windows-1252"},
		{"header beats meta", `<meta charset="shift_jis"><p>caf` + "\xe9", "windows-1252", "café", "windows-1252"},
		{"latin-1 label on UTF-8 bytes is a stale label", `<meta charset="iso-8859-1"><p>café`, "", "café", "utf-8"},
		{"UTF-8 BOM", "\xef\xbb\xbf<p>café", "windows-1252", "café", "utf-8"},
		{"declared UTF-8 with a bad byte keeps the rest", `<meta charset="utf-8"><p>caf` + "\xe9 ok", "", "caf\uFFFD ok", "utf-8"},
		{"meta claiming UTF-16 is read as UTF-8", `<meta charset="utf-16"><p>café`, "", "café", "utf-8"},
		{"unknown label falls back to sniffing", `<p>caf` + "\xe9", "x-no-such-charset", "café", "windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, name := decodeHTML([]byte(tt.body), tt.label)
			if !strings.Contains(string(out), tt.want) || name != tt.wantName {
				t.Errorf("decodeHTML = %q as %s, want %q as %s", out, name, tt.want, tt.wantName)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	longText := "Headline\n" + strings.Repeat("The strikes continued through the night, officials said. ", 5)
	tests := []struct {
		name        string
		body        string
		contentType string
		want        error
		msg         string // in the error's text
	}{
		{"empty", "", "", ErrEmpty, "parse in.txt: empty input"},
		{"white space only", " \n\t\r\n  \u00a0\u2003 ", "", ErrEmpty, ""},
		{"BOM only", "\xef\xbb\xbf\n", "", ErrEmpty, ""},
		{"empty HTML type", "   ", "text/html", ErrEmpty, ""},
		{"PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", ErrBinary, "PNG image"},
		{"JPEG", "\xff\xd8\xff\xe0\x00\x10JFIF", "", ErrBinary, "JPEG image"},
		{"GIF", "GIF89a\x01\x00", "", ErrBinary, "GIF image"},
		{"PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "", ErrBinary, "PDF document"},
		{"ZIP", "PK\x03\x04\x14\x00", "", ErrBinary, "ZIP archive"},
		{"ELF", "\x7fELF\x02\x01\x01", "", ErrBinary, "ELF executable"},
		{"gzip must be decompressed by the caller", "\x1f\x8b\x08\x00", "text/html", ErrBinary, "decompress it first"},
		{"NUL bytes", "Headline\nSome text\x00\x00\x00 more text here", "", ErrBinary, "NUL byte at offset 18"},
		{"control bytes", strings.Repeat("ab\x01\x02\x03\x04", 20), "", ErrBinary, "control bytes"},
		{"plain text in windows-1252", "Headline\nThe caf\xe9 was hit. The strikes continued through the night.", "", ErrEncoding, "invalid UTF-8 at byte offset 16"},
		{"plain text with a truncated rune", "Headline\nThe strikes continued through the night \xe2\x80", "", ErrEncoding, "byte offset 49"},
		{"unknown charset label", longText, "text/plain; charset=x-klingon", ErrEncoding, `unknown charset "x-klingon"`},
		{"JSON not UTF-8", `{"title":"Caf` + "\xe9" + `","text":"long enough text for an article, surely"}`, "application/json", ErrEncoding, "byte offset 13"},
		{"text too short", "Headline\nToo short.", "", ErrNoArticle, "text too short (10 characters)"},
		{"only debris", "Skip to content\nShare\nAdvertisement\nRecommended stories\nRead more\n", "", ErrNoArticle, "text too short"},
		{"HTML with an empty body", "<html><head><title>Nothing</title></head><body></body></html>", "", ErrNoArticle, "text too short"},
		{"HTML login page", `<html><head><title>Sign in</title></head><body><h1>Sign in to your account</h1><form><label>Email address</label><input type="email"><label>Password</label><input type="password"><button>Sign in</button><a href="/forgot">Forgot your password?</a></form><p>Don't have an account? <a href="/register">Create one now</a></p></body></html>`, "", ErrNoArticle, "login"},
		{"HTML page of navigation links", `<html><head><title>Example</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news today</a></li><li><a href="/business">Business and economy</a></li><li><a href="/sport">Sport results and fixtures</a></li><li><a href="/weather">Weather forecast for the week</a></li></ul></nav><div><a href="/a">Storm batters the coast as thousands evacuate</a><br><a href="/b">Markets rally after central bank decision on rates</a></div></body></html>`, "", ErrNoArticle, "link text"},
		{"HTML script wall", "<html><body><noscript><p>Please enable JavaScript to view this page.</p></noscript><p>Please enable JavaScript to view this page.</p></body></html>", "", ErrNoArticle, ""},
		{"JSON array", `[{"title":"a","text":"b"}]`, "application/json", ErrNoArticle, "JSON array is not an article object"},
		{"JSON string", `"just a string"`, "application/json", ErrNoArticle, "JSON string is not an article object"},
		{"JSON object without text", `{"title":"Strikes","url":"https://example.org/a"}`, "", ErrNoArticle, `neither "text" nor "html"`},
		{"JSON with a wrong field type", `{"title":7,"text":"long enough text for an article, surely"}`, "application/json", nil, "JSON article"},
		{"JSON with a bad date", `{"title":"t","text":"long enough text for an article, surely","published":"yesterday"}`, "", nil, `"published" "yesterday"`},
		{"JSON with a bad byline", `{"title":"t","text":"long enough text for an article, surely","byline":{"x":1}}`, "", nil, `"byline" must be a string`},
		{"malformed JSON by content type", `{"title":`, "application/json", nil, "JSON article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(Input{Body: []byte(tt.body), URL: "in.txt", ContentType: tt.contentType})
			if err == nil {
				t.Fatalf("Parse succeeded with %+v, want an error", a)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %q is not %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "parse in.txt: ") {
				t.Errorf("error %q does not name the input", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	const p1 = "US President Donald Trump said he may expand his unprecedented attack on drug cartels in Latin America to include Mexico, Reuters and NBC reported."
	const p2 = "President Trump did not say when or how such an attack might occur."
	tests := []struct {
		name      string
		body      string
		title     string
		byline    string
		published time.Time
		text      string
	}{
		{"headline, date line, paragraphs", "Trump talks of strikes in Mexico\nPublished November 18, 2025\n" + p1 + "\n" + p2,
			"Trump talks of strikes in Mexico", "", nov18, p1 + "\n" + p2},
		{"date line first, then headline", "Published: 18 Nov 2025\n\nTrump talks of strikes in Mexico\n\n" + p1 + "\n\n" + p2,
			"Trump talks of strikes in Mexico", "", nov18, p1 + "\n" + p2},
		{"updated time in GMT", "Trump talks of strikes in Mexico\nUpdated 2025-11-18 14:03 GMT\n" + p1,
			"Trump talks of strikes in Mexico", "", time.Date(2025, 11, 18, 14, 3, 0, 0, time.UTC), p1},
		{"published wins over updated", "Trump talks of strikes\nUpdated 2025-11-19 08:00 GMT\nPublished 17 November 2025\n" + p1,
			"Trump talks of strikes", "", time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC), p1},
		{"byline and bare date", "Trump talks of strikes\nBy Jane Doe and John Roe, Reuters\nTuesday, November 18, 2025\n" + p1,
			"Trump talks of strikes", "Jane Doe and John Roe, Reuters", nov18, p1},
		{"CRLF, BOM, trailing spaces, control characters", "\ufeffTrump talks of strikes  \r\nPublished November 18, 2025\r\n" + p1 + " \t\r\n\r\n\r\n\x07" + p2 + "\r\n",
			"Trump talks of strikes", "", nov18, p1 + "\n" + p2},
		{"no headline: a first paragraph of two sentences stays text", p2 + " Mexico has said it opposes them.\n" + p1,
			"", "", time.Time{}, p2 + " Mexico has said it opposes them.\n" + p1},
		{"no headline: a first line over 200 characters stays text", strings.Repeat("word ", 45) + "end.\n" + p2,
			"", "", time.Time{}, strings.Repeat("word ", 45) + "end.\n" + p2},
		{"a single paragraph has no headline", p1,
			"", "", time.Time{}, p1},
		{"a date deep in the text is text", "Trump talks of strikes\n" + p1 + "\n" + p2 + "\n" + p2 + "\n" + p2 + "\n" + p2 + "\n" + p2 + "\nNovember 18, 2025",
			"Trump talks of strikes", "", time.Time{}, p1 + "\n" + p2 + "\n" + p2 + "\n" + p2 + "\n" + p2 + "\n" + p2 + "\nNovember 18, 2025"},
		{"relative date line is dropped without a date", "Trump talks of strikes\nPublished 3 hours ago\n" + p1,
			"Trump talks of strikes", "", time.Time{}, p1},
		{"hard-wrapped paragraphs are joined", "Trump talks of strikes\n\nUS President Donald Trump said he may expand his\nunprecedented attack on drug cartels in Latin America to\ninclude Mexico, Reuters reported.\n\nPresident Trump did not say when or how such an\nattack might occur.\n",
			"Trump talks of strikes", "", time.Time{}, "US President Donald Trump said he may expand his unprecedented attack on drug cartels in Latin America to include Mexico, Reuters reported.\nPresident Trump did not say when or how such an attack might occur."},
		{"debris between paragraphs", "Trump talks of strikes\n" + p1 + "\nRecommended stories\nlist of 4 itemsend of list\nAdvertisement\n" + p2 + "\nShare this article",
			"Trump talks of strikes", "", time.Time{}, p1 + "\n" + p2},
		{"quotes, dashes and spacing inside lines are kept", "Headline\n“It’s ‘war-like’ — really…”  he said\u00a0— twice.",
			"Headline", "", time.Time{}, "“It’s ‘war-like’ — really…”  he said\u00a0— twice."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, Input{Body: []byte(tt.body), URL: "a.txt", ContentType: "text/plain"})
			checkFields(t, a, tt.title, tt.byline, tt.published, tt.text)
		})
	}
}

func TestJSONArticles(t *testing.T) {
	const body = "US President Donald Trump said he may expand his unprecedented attack on drug cartels in Latin America to include Mexico. " +
		"President Trump did not say when or how such an attack might occur. Mexican President Claudia Sheinbaum has previously said she opposes such attacks on her country's soil."
	tests := []struct {
		name string
		json string
		want sitrep.Article // ID and Text are checked separately
		text string
	}{
		{"all fields", `{"url":"https://example.org/a","title":"Trump talks of strikes","text":"` + body + `\n\nRecommended stories\n","published":"2025-11-18","byline":"Jane Doe","source":"Example","language":"EN","extra":[1,2]}`,
			sitrep.Article{URL: "https://example.org/a", Title: "Trump talks of strikes", Byline: "Jane Doe", Source: "Example", Published: nov18, Language: "en"}, body},
		{"RFC 3339 time, author list, source from the URL", `{"url":"https://www.example.org/a","title":"T","text":"` + body + `","published":"2025-11-18T14:03:00+01:00","author":["Jane Doe"," John Roe"]}`,
			sitrep.Article{URL: "https://www.example.org/a", Title: "T", Byline: "Jane Doe, John Roe", Source: "example.org", Published: time.Date(2025, 11, 18, 13, 3, 0, 0, time.UTC), Language: "en"}, body},
		{"no title: headline and date read from the text", `{"text":"Trump talks of strikes\nPublished November 18, 2025\n` + body + `"}`,
			sitrep.Article{URL: "feed.json", Title: "Trump talks of strikes", Published: nov18, Language: "en"}, body},
		{"a title given: the text's first line is text", `{"title":"Given","text":"Trump talks of strikes\n` + body + `"}`,
			sitrep.Article{URL: "feed.json", Title: "Given", Language: "en"}, "Trump talks of strikes\n" + body},
		{"a page repeating its paragraph and headline", `{"html":"<html><head><title>Officials meet</title></head><body><p>` + body + `</p><h1>Officials meet</h1><p>` + body + `</p></body></html>"}`,
			sitrep.Article{URL: "feed.json", Title: "Officials meet", Language: "en"}, body},
		{"html instead of text", `{"url":"https://example.org/b","html":"<html><head><title>Page title</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Page title</h1><p>` + body + `</p><p>` + body + ` Again.</p></article></body></html>","source":"Example"}`,
			sitrep.Article{URL: "https://example.org/b", Title: "Page title", Source: "Example", Language: "en"}, body + "\n" + body + " Again."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, Input{Body: []byte(tt.json), URL: "feed.json"})
			if a.Text != tt.text {
				t.Errorf("Text = %q, want %q", a.Text, tt.text)
			}
			a.ID, a.Text = "", ""
			if !a.Published.Equal(tt.want.Published) {
				t.Errorf("Published = %v, want %v", a.Published, tt.want.Published)
			}
			a.Published, tt.want.Published = time.Time{}, time.Time{}
			if a != tt.want {
				t.Errorf("Parse =\n%+v\nwant\n%+v", a, tt.want)
			}
		})
	}
}

func TestPublishedOverride(t *testing.T) {
	when := time.Date(2025, 11, 17, 22, 30, 0, 0, time.UTC)
	for _, body := range []string{
		"Headline\nPublished November 18, 2025\nThe strikes continued through the night, officials said.",
		string(readFile(t, "testdata/seed.html")),
	} {
		a := mustParse(t, Input{Body: []byte(body), URL: "x", Published: when})
		if !a.Published.Equal(when) {
			t.Errorf("Published = %v, want the caller's %v", a.Published, when)
		}
	}
}

// An article with no date must not be dated today: htmldate fills a
// missing year from the clock.
func TestHTMLDateIsNeverAGuess(t *testing.T) {
	paras := strings.Repeat("<p>The White House has launched at least 20 airstrikes since September against ships suspected of transporting drugs.</p>", 3)
	tests := []struct {
		name, page string
		want       time.Time
	}{
		{"no date anywhere", "<html><head><title>Strikes</title></head><body><article><h1>Strikes</h1>" + paras + "</article></body></html>", time.Time{}},
		{"a date without a year", `<html><head><title>Strikes</title></head><body><article><h1>Strikes</h1><p class="date">Published Nov 18</p><time>Monday</time>` + paras + "</article></body></html>", time.Time{}},
		{"date in the URL", "<html><head><title>Strikes</title></head><body><article>" + paras + "</article></body></html>", nov18},
		{"JSON-LD", `<html><head><title>Strikes</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-11-18T09:00:00Z","dateModified":"2025-11-20T09:00:00Z"}</script></head><body><article>` + paras + "</article></body></html>", nov18.Add(9 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := "https://example.org/world/strikes"
			if tt.name == "date in the URL" {
				url = "https://example.org/2025/11/18/strikes"
			}
			a := mustParse(t, Input{Body: []byte(tt.page), URL: url})
			if !a.Published.Equal(tt.want) {
				t.Errorf("Published = %v, want %v", a.Published, tt.want)
			}
		})
	}
}

func TestSource(t *testing.T) {
	body := []byte("Headline\nThe strikes continued through the night, officials said.")
	for url, want := range map[string]string{
		"https://www.Example.org:8443/a/b": "example.org",
		"http://news.example.co.uk/x":      "news.example.co.uk",
		"/data/articles/a.txt":             "",
		"a.txt":                            "",
		"":                                 "",
	} {
		if a := mustParse(t, Input{Body: body, URL: url}); a.Source != want || a.URL != url {
			t.Errorf("Parse(URL %q): Source %q, URL %q; want %q, %q", url, a.Source, a.URL, want, url)
		}
	}
}

// Five megabytes without a line break or a space: every step must be
// linear, or this never finishes.
func TestHugeUnbrokenInput(t *testing.T) {
	huge := bytes.Repeat([]byte("abcdefghij"), 500_000)
	for _, tt := range []struct {
		name string
		body []byte
	}{
		{"text", append([]byte("Headline\n\n"), huge...)},
		{"HTML", append(append([]byte("<html><body><article><p>"), huge...), "</p></article></body></html>"...)},
		{"JSON", append(append([]byte(`{"title":"T","text":"`), huge...), `"}`...)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := Parse(Input{Body: tt.body, URL: "huge"})
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Text) != len(huge) {
				t.Errorf("Text is %d bytes, want %d", len(a.Text), len(huge))
			}
			t.Logf("%s: %v", tt.name, time.Since(start))
		})
	}
}
