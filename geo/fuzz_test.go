package geo

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// checkPlaces asserts the layer's invariants: spans inside the text and on
// rune boundaries, Text the text they cover, sorted by Start, no overlaps,
// a kind, and coordinates both given and in range or both absent.
func checkPlaces(t *testing.T, s string, ps []sitrep.Place) {
	t.Helper()
	end := 0
	for i, p := range ps {
		if p.Start < 0 || p.End > len(s) || p.Start >= p.End {
			t.Fatalf("place %d: span %v outside text of %d bytes", i, p.Span, len(s))
		}
		if !runeBoundary(s, p.Start) || !runeBoundary(s, p.End) {
			t.Errorf("place %d: span %v splits a character", i, p.Span)
		}
		if p.Text != s[p.Start:p.End] {
			t.Errorf("place %d: Text %q, text holds %q", i, p.Text, s[p.Start:p.End])
		}
		if p.Start < end {
			t.Errorf("place %d at %v overlaps or precedes the one before (ending %d)", i, p.Span, end)
		}
		end = p.End
		if p.Kind == "" || p.Name == "" {
			t.Errorf("place %d: kind %q, name %q", i, p.Kind, p.Name)
		}
		if (p.Lat == nil) != (p.Lon == nil) {
			t.Errorf("place %d: one coordinate without the other", i)
		}
		if p.Lat != nil && (math.Abs(*p.Lat) > 90 || math.Abs(*p.Lon) > 180 || math.IsNaN(*p.Lat) || math.IsNaN(*p.Lon)) {
			t.Errorf("place %d: point %v,%v out of range", i, *p.Lat, *p.Lon)
		}
	}
}

// runeBoundary reports whether byte offset i falls between characters as
// Go decodes s: no valid multi-byte character starting before i covers it
// (a stray continuation byte of invalid UTF-8 is a character of its own).
func runeBoundary(s string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-utf8.UTFMax+1; j-- {
		if utf8.RuneStart(s[j]) {
			_, size := utf8.DecodeRuneInString(s[j:])
			return j+size <= i
		}
	}
	return true
}

func FuzzAnnotate(f *testing.F) {
	seeds := []string{
		"Strikes off the coast of Venezuela and in the Caribbean, Pandi, Bulacan.",
		"off the coast of", "off the", "off the Venezuelan", "off Mexico’s", "the high", "international",
		"Paris, Texas, Paris, Texas, " + strings.Repeat("Paris, ", 200),
		strings.Repeat("Mexico ", 2000),
		strings.Repeat("1 ", 2000),
		strings.Repeat("x", 1<<14), // TestLargeHostileInput has the 1 MB ones; here they would slow the fuzzer to a crawl
		strings.Repeat("“unbalanced ", 500),
		"\xff\xfeMexico\xc3 City \x80 Georgia",
		"US$ $US US$5 $",
		"University of Melbourne of of of America",
		strings.Repeat("New York, ", 300),
		strings.Repeat("Georgia Atlanta ", 300),
		// One name read plainly and as an agency's jurisdiction, in both
		// orders: the two have different candidates.
		"Officials in Washington said the boat sank. The Washington Department of Health said it would help.",
		"The Washington Department of Health said it would help. Officials in Washington said the boat sank.",
		"Officials in Washington said the boat sank. Washington State Department of Health officials said it would help.",
		"Washington State Department of Health officials said it would help. Officials in Washington said the boat sank.",
		"Georgia said so. The Georgia Department of Public Health agreed. Utah, Georgia and Texas, Georgia.",
		strings.Repeat("Washington, the Washington Department of Health, Texas, Washington and ", 100),
		// Names that count only listed with a place, in long chains;
		// facilities named for cities; gangs named for states.
		strings.Repeat("Java and ", 300) + "Bali, and Sumatra, " + strings.Repeat("Dadaab or ", 300),
		"Crowds outside Seoul City Hall and Kabul International Airport; Logan Airport, Seoul City",
		"the Sinaloa and Gulf cartels, the Jalisco cartel, The New Zealand Herald, Sinaloa and",
	}
	for i, s := range seeds {
		f.Add(s, i, i+5, uint8(i))
	}
	f.Fuzz(func(t *testing.T, s string, start, end int, typ uint8) {
		d := sitrep.NewDoc(sitrep.Article{Text: s})
		text.Annotator{}.Annotate(d)
		ner.Annotator{}.Annotate(d)
		// An entity from elsewhere, possibly out of range, overlapping or
		// splitting a character, of any type.
		types := []string{"LOC", "ORG", "MISC", "PERSON"}
		d.Entities = append(d.Entities, sitrep.Entity{Span: sitrep.Span{Start: start, End: end}, Type: types[int(typ)%len(types)]})
		if err := (Annotator{}).Annotate(d); err != nil {
			t.Fatal(err)
		}
		checkPlaces(t, s, d.Places)
	})
}
