package quantity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/text"
)

// checkLayer asserts the layer's invariants: spans inside the text and on
// rune boundaries, Text equal to the spanned text, sorted, no overlaps,
// every bound in [1, maxCount] (zero is no count), Low <= High, bounds
// consistent with the qualifier, a known category, Sourcing unset.
func checkLayer(tb testing.TB, s string, qs []sitrep.Quantity) {
	tb.Helper()
	categories := map[string]bool{catKilled: true, catWounded: true, catStrikes: true, catArrested: true, catSeized: true, catDisplaced: true, catOther: true}
	prevEnd := 0
	for i, q := range qs {
		if q.Start < prevEnd || q.End <= q.Start || q.End > len(s) {
			tb.Fatalf("quantity %d span [%d,%d) out of order or outside text of %d bytes (previous ends at %d)", i, q.Start, q.End, len(s), prevEnd)
		}
		if splitsRune(s, q.Start) || splitsRune(s, q.End) {
			tb.Fatalf("quantity %d span [%d,%d) splits a rune", i, q.Start, q.End)
		}
		if q.Text != s[q.Start:q.End] {
			tb.Fatalf("quantity %d Text %q, span covers %q", i, q.Text, s[q.Start:q.End])
		}
		if !categories[q.Category] || q.Unit == "" || q.Sourcing != nil {
			tb.Fatalf("quantity %d: category %q unit %q sourcing %v", i, q.Category, q.Unit, q.Sourcing)
		}
		if q.Low == nil && q.High == nil {
			tb.Fatalf("quantity %d %q: no bound", i, q.Text)
		}
		for _, b := range []*int64{q.Low, q.High} {
			if b != nil && (*b < 1 || *b > maxCount) {
				tb.Fatalf("quantity %d %q: bound %d outside [1, %d]", i, q.Text, *b, maxCount)
			}
		}
		if q.Low != nil && q.High != nil && *q.Low > *q.High {
			tb.Fatalf("quantity %d %q: Low %d above High %d", i, q.Text, *q.Low, *q.High)
		}
		switch q.Qualifier {
		case qExact, qAbout, qRange:
			if q.Low == nil || q.High == nil {
				tb.Fatalf("quantity %d %q: %s needs both bounds", i, q.Text, q.Qualifier)
			}
		case qAtLeast, qMoreThan, qVague:
			if q.Low == nil || q.High != nil {
				tb.Fatalf("quantity %d %q: %s needs a low bound only", i, q.Text, q.Qualifier)
			}
		case qAtMost, qLessThan:
			if q.Low != nil || q.High == nil {
				tb.Fatalf("quantity %d %q: %s needs a high bound only", i, q.Text, q.Qualifier)
			}
		default:
			tb.Fatalf("quantity %d: unknown qualifier %q", i, q.Qualifier)
		}
		prevEnd = q.End
	}
}

// splitsRune reports whether byte offset p falls inside a validly encoded
// multi-byte rune (a stray continuation byte of invalid UTF-8 is no rune).
func splitsRune(s string, p int) bool {
	for q := p - 1; q >= 0 && q >= p-(utf8.UTFMax-1); q-- {
		if utf8.RuneStart(s[q]) {
			r, size := utf8.DecodeRuneInString(s[q:])
			return r != utf8.RuneError && q+size > p
		}
	}
	return false
}

// hostile are inputs meant to break the annotator.
func hostile() []string {
	var numbers, commas strings.Builder
	for i := range 10_000 {
		numbers.WriteString("12 ")
		if i < 3000 {
			commas.WriteString("1,")
		}
	}
	commas.WriteString("2")
	return []string{
		"",
		"killing at least 80 people",
		numbers.String(),
		commas.String(),
		strings.Repeat("at least ", 5000) + "80 people",
		strings.Repeat("hundreds of ", 5000) + "people",
		strings.Repeat("x", 1<<20),
		strings.Repeat("“", 3000) + " 80 people were killed " + strings.Repeat("”", 10),
		"“He said “they killed “80 people” yesterday” today",
		"99999999999999999999999999999999 people were killed",
		"9,223,372,036,854,775,807 people and 9223372036854775808 more",
		"1.99999999999999999999 million people",
		"0.0000000001 million people",
		"two hundred thousand million billion trillion people",
		"\xff\xfe 80 \xc3 people were killed \xed\xa0\x80",
		"a a a a a a dozen dozen dozen people",
		"half a",
		"between 5 and",
		"20 to",
		"killed 5 and 6 and 7 and 8 and 9 and 10 and 11 people",
		"1-2-3-4-5 people",
		"10-9 people",
		"people 80",
		"one",
		"tens of",
		"hundreds of thousands of",
		"more than",
		"a few hundred thousand million people",
		"several hundred thousand million billion trillion people were killed",
		"fewer than 0 people and under 0 people and 0 people were killed",
		"more than 1,000,000,000,000,000 people and millions of billions of people were killed",
		"killed 999,999,999,999,999 to 1,000,000,000,000,000 people",
		"killed 10-15 trillion trillion people and 2 to 3 dozen hundred people",
		"tens of thousands of millions of billions people",
		"twenty-five-six people",
		"－８０ people were killed",
		"٣٠ people were killed",
		// Version 8 paths: years and compounds in words, dashes, possessives,
		// accident clauses, prepositions before a count.
		"nineteen ninety nineteen twenty twenty thirty four forty five hundred and ninety nine ninety-nine",
		"two more -- -- -- who had been in custody -- 5 more suspects --",
		"investors' 's ' dollars 3 investors' dollars 4 pounds ( of 5 pounds (",
		"10 died when when as as well as sank 3 crashed after shot",
		"arrested in the company's 's 2 shipyards from 's 3 by 4 rose by 5 rose from 6",
		"6 of 10 of 100 of 1000 each 3 every 4 per 5 one of 14",
	}
}

func FuzzAnnotate(f *testing.F) {
	// The engine minimizes every new input it finds interesting, which
	// stalls it for minutes on seeds of tens of kilobytes: it gets the
	// hostile inputs cut to 2 KB, and TestHostile runs them whole.
	for _, s := range hostile() {
		if len(s) > 2048 {
			s = s[:2048]
		}
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := sitrep.NewDoc(sitrep.Article{Text: s})
		if err := (text.Annotator{}).Annotate(d); err != nil {
			t.Fatalf("text: %v", err)
		}
		if err := (Annotator{}).Annotate(d); err != nil {
			t.Fatalf("Annotate: %v", err)
		}
		checkLayer(t, s, d.Quantities)
	})
}

// TestHostile runs the hostile inputs with the entity tagger too, and
// without the text layers (the annotator tokenizes for itself).
func TestHostile(t *testing.T) {
	for _, s := range hostile() {
		d := annotatetest.Prepare(t, s)
		if err := (Annotator{}).Annotate(d); err != nil {
			t.Fatalf("Annotate: %v", err)
		}
		checkLayer(t, s, d.Quantities)
		bare := sitrep.NewDoc(sitrep.Article{Text: s})
		if err := (Annotator{}).Annotate(bare); err != nil {
			t.Fatalf("Annotate without tokens: %v", err)
		}
		checkLayer(t, s, bare.Quantities)
	}
}

// TestBadTokens: a Doc whose tokens do not fit its text is an error, not a panic.
func TestBadTokens(t *testing.T) {
	d := sitrep.NewDoc(sitrep.Article{Text: "80 people"})
	d.Tokens = []sitrep.Token{{Span: sitrep.Span{Start: 0, End: 99}, Kind: sitrep.Number}}
	if err := (Annotator{}).Annotate(d); err == nil {
		t.Errorf("Annotate accepted a token outside the text")
	}
}
