package article

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func mustHTML(t testing.TB, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// FuzzParse checks that no input makes Parse panic or hang, and that what
// it returns as an article has clean text. Seeds are small: every exec runs
// trafilatura, and the fuzzer minimizes each new input by thousands of runs.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"cp1252.html", "sjis.html", "utf16le.txt", "cp1252.txt"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte("Headline\nPublished November 18, 2025\nRecommended stories\nThe strikes continued through the night, officials said."), "text/plain")
	f.Add([]byte(`{"title":"T","text":"The strikes continued through the night, officials said.","published":"2025-11-18"}`), "application/json")
	f.Add([]byte(`{"html":"<p>The strikes continued through the night, officials said.</p>"}`), "")
	f.Add([]byte("<p>caf\xe9 \x93quoted\x94</p>"), "text/html; charset=windows-1252")
	f.Add([]byte("\xff\xfeH\x00i\x00"), "")
	f.Add([]byte(`{"url":"javascript:alert(1)","title":"T\u001b[31m\u202ered\u0000","byline":"A\nB","text":"The strikes continued through the night, officials said."}`), "")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		a, err := Parse(Input{Body: body, URL: "fuzz", ContentType: contentType})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("Text is not valid UTF-8: %q", a.Text)
		}
		if utf8.RuneCountInString(a.Text) < minTextLen {
			t.Fatalf("Text %q is shorter than an article", a.Text)
		}
		if strings.Contains(a.Text, "\n\n") || strings.HasPrefix(a.Text, "\n") || strings.HasSuffix(a.Text, "\n") {
			t.Fatalf("Text has blank lines: %q", a.Text)
		}
		if strings.ContainsRune(a.Text, '\r') || strings.ContainsRune(a.Text, 0) {
			t.Fatalf("Text has CR or NUL: %q", a.Text)
		}
		for _, field := range []string{a.Title, a.Byline, a.Source, a.Language} {
			if !utf8.ValidString(field) || strings.ContainsFunc(field, func(r rune) bool {
				return unicode.IsControl(r) || isBidiControl(r) || r != ' ' && unicode.IsSpace(r)
			}) || field != strings.TrimSpace(field) || strings.Contains(field, "  ") {
				t.Fatalf("metadata field %q is not one clean line", field)
			}
		}
		if n := utf8.RuneCountInString(a.Title); n > maxTitle {
			t.Fatalf("Title has %d runes", n)
		}
		if a.URL != "fuzz" && httpURL(a.URL) != a.URL || a.CanonicalURL != "" && httpURL(a.CanonicalURL) != a.CanonicalURL {
			t.Fatalf("URL %q or CanonicalURL %q is not an http(s) URL", a.URL, a.CanonicalURL)
		}
	})
}

// BenchmarkParseHTML and BenchmarkTrafilaturaAlone measure the same page so
// that the cost of Parse's own layers (charset, rendering, cleaning, the
// no-article checks, htmldate, language) shows as the difference.
func BenchmarkParseHTML(b *testing.B) {
	page, err := os.ReadFile("testdata/seed.html")
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Body: page, URL: "https://news.example.org/world/trump-mexico-military-intervention", ContentType: "text/html; charset=utf-8"}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Parse(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrafilaturaAlone runs go-trafilatura on the same page with
// Parse's options, three ways:
//
//   - Extract: the library's entry point for bytes, which also guesses the
//     charset statistically and rewrites the text to NFC (Parse does
//     neither: it decodes by the declared charset and keeps the text as
//     written).
//   - ExtractDocument: html.Parse then ExtractDocument, the floor Parse's
//     own layers sit on; the difference to BenchmarkParseHTML is our cost.
//   - ExtractDocument+date: the same with trafilatura's fast htmldate search
//     on, which does the work Parse's pageDate does instead.
func BenchmarkTrafilaturaAlone(b *testing.B) {
	page, err := os.ReadFile("testdata/seed.html")
	if err != nil {
		b.Fatal(err)
	}
	withDate := extractOptions()
	withDate.HtmlDateMode = trafilatura.Fast
	b.Run("Extract", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			if _, err := trafilatura.Extract(bytes.NewReader(page), extractOptions()); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, bb := range []struct {
		name string
		opts trafilatura.Options
	}{{"ExtractDocument", extractOptions()}, {"ExtractDocument+date", withDate}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				doc, err := html.Parse(bytes.NewReader(page))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := trafilatura.ExtractDocument(doc, bb.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
