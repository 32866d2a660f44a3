package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// checkInvariants fails t unless d.Quotes is a well-formed layer: spans in
// the text and on rune boundaries, Text equal to the text they cover,
// sorted by Start, no two overlapping, and speaker and addressee mentions
// well-formed too.
func checkInvariants(t testing.TB, d *sitrep.Doc) {
	t.Helper()
	// Boundaries as a decoder walks the text: an invalid byte is a
	// character of its own, so a span may start at a stray continuation byte.
	boundary := make([]bool, len(d.Text)+1)
	for i := 0; i < len(d.Text); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(d.Text[i:])
		i += n
	}
	boundary[len(d.Text)] = true
	onBoundary := func(i int) bool { return boundary[i] }
	spanOK := func(s sitrep.Span, what string, txt string) {
		t.Helper()
		if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End {
			t.Fatalf("%s span %v outside text of %d bytes", what, s, len(d.Text))
		}
		if !onBoundary(s.Start) || !onBoundary(s.End) {
			t.Fatalf("%s span %v splits a character", what, s)
		}
		if d.Text[s.Start:s.End] != txt {
			t.Fatalf("%s span %v covers %q, Text is %q", what, s, d.Text[s.Start:s.End], txt)
		}
	}
	for i, q := range d.Quotes {
		spanOK(q.Span, "quote", q.Text)
		if i > 0 && d.Quotes[i-1].End > q.Start {
			t.Fatalf("quotes %v and %v overlap or are out of order", d.Quotes[i-1].Span, q.Span)
		}
		if q.Speaker != nil {
			spanOK(q.Speaker.Span, "speaker", q.Speaker.Text)
		}
		if q.Addressee != nil && *q.Addressee == "" {
			t.Fatalf("quote %v: empty addressee", q.Span)
		}
	}
}

// fuzzSeeds are hostile inputs: unbalanced and nested marks, long runs of
// marks and numbers, a long word, invalid UTF-8.
var fuzzSeeds = []string{
	"",
	"“",
	"”",
	"\"",
	"“Hello,” he said. “Again.",
	"“Open all the way\n“and again\n“and again",
	"“Outer ‘inner “deep” inner’ outer,” she said.",
	strings.Repeat("“", 10000),
	strings.Repeat("“a” ", 5000),
	strings.Repeat("\" ", 10000),
	strings.Repeat("``a'' ", 3000),
	strings.Repeat("1 ", 10000),
	strings.Repeat("x", 1<<20),
	strings.Repeat("he said that ", 3000),
	strings.Repeat(", he said", 3000),
	strings.Repeat("according to ", 3000),
	"\xff\xfe“\xff”\xc0 said \xe2\x80",
	"“War,” \xe2\x80\x9d he told",
	"He said: “",
	"“",
	"«Bonjour», a-t-il dit. «Oui»",
	"‘Yes,’ she said ‘no’",
	"Trump said, ",
	"told",
	"According to",
	"\"\"\"\"",
	"“\x9d”0A told", // a token at a stray continuation byte (found by fuzzing)
	// Shapes the version 2 rules read, repeated: coordinated cues, dash
	// credits, asides, passives, quotes continued over paragraphs, glued names.
	strings.Repeat("Kim said and ", 3000),
	strings.Repeat("“A b c” — Kim, May 1\n", 2000),
	strings.Repeat("Officials, x, ", 3000) + "said it.",
	strings.Repeat("was quoted as saying ", 3000),
	strings.Repeat("Kim said, \"We go\nand go.\" ", 2000),
	strings.Repeat("a.b.", 5000) + ", has said that it is.",
	strings.Repeat("They said the study revealed many are ", 1000),
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := sitrep.NewDoc(sitrep.Article{Text: s})
		if err := (text.Annotator{}).Annotate(d); err != nil {
			t.Skip()
		}
		// Fake entities where capitalized words stand, so that speaker
		// resolution runs without the tagger's cost.
		for _, tk := range d.Tokens {
			if w := s[tk.Start:tk.End]; tk.Kind == sitrep.Word && w[0] >= 'A' && w[0] <= 'Z' {
				d.Entities = append(d.Entities, sitrep.Entity{Span: tk.Span, Text: w, Type: "PERSON", Name: w, Key: "person:" + w})
			}
		}
		if err := (Annotator{}).Annotate(d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
}
