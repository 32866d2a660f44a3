package sourcing

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/quote"
)

// TestSeedPipeline runs the seed through the real quote and quantity
// annotators first, as the pipeline does, and checks on whose word each
// count rests and that speech and reporting make one attribution per
// speaker.
func TestSeedPipeline(t *testing.T) {
	text := annotatetest.SeedText(t)
	d := annotatetest.Prepare(t, text)
	for _, an := range []sitrep.Annotator{quote.Annotator{}, quantity.Annotator{}, Annotator{}} {
		if err := an.Annotate(d); err != nil {
			t.Fatalf("%s: %v", an.Name(), err)
		}
	}
	checkInvariants(t, d)

	restsOn := map[string]string{} // quantity text → source name, "" for the article's voice
	for _, q := range d.Quantities {
		restsOn[q.Text] = ""
		if q.Sourcing != nil {
			restsOn[q.Text] = d.Sourcing[*q.Sourcing].Source.Name
		}
	}
	for _, tt := range []struct{ quantity, want string }{
		{"at least 20 airstrikes", ""},
		{"at least 80 people", ""},
		{"six drug cartels", ""},
		{"two administration officials", ""}, // in the attribution phrase, not under it
		{"hundreds of thousands of people", "Donald Trump"},
		{"several legal hurdles", "Geoff Garmany"},
		// A count written inside a partial quote's marks is the speaker's.
		{"“hundreds of thousands” of Americans", "Donald Trump"},
	} {
		got, found := restsOn[tt.quantity]
		if !found {
			t.Errorf("quantity %q not found by the quantity annotator", tt.quantity)
			continue
		}
		if got != tt.want {
			t.Errorf("%q rests on %q, want %q", tt.quantity, got, tt.want)
		}
	}

	// What NBC's report covers is the clause after "that", to the sentence's end.
	for _, a := range d.Sourcing {
		if a.Source.Name != "NBC" || !strings.Contains(a.Text, "citing") {
			continue
		}
		var got []string
		for _, sc := range a.Scope {
			got = append(got, sc.In(text))
		}
		want := "the White House was preparing for the initial stages of a ground operation in Mexico that would be conducted jointly with U.S. intelligence agencies"
		if len(got) != 1 || got[0] != want {
			t.Errorf("scope of %q = %q, want [%q]", a.Text, got, want)
		}
	}

	// Each of the article's reporting attributions is there once.
	count := map[string]int{}
	for _, a := range d.Sourcing {
		count[a.Text+" => "+render(a)]++
	}
	for _, want := range []string{
		// The outlets report what Trump said: they cite him.
		"Reuters and television network NBC reported => Reuters <- Donald Trump (named 1)",
		"Reuters and television network NBC reported => NBC <- Donald Trump (named 1)",
		"NBC reported, citing two administration officials => NBC <- two administration officials (anon 2)",
		"The report said => NBC",
		"Geoff Garmany, associate professor of Latin American studies at the University of Melbourne, told Al Jazeera => Al Jazeera <- Geoff Garmany (named 1)",
		"Gharmani told Al Jazeera => Al Jazeera <- Gharmani (named 1)",
		"The Trump administration has said => Trump administration",
	} {
		if count[want] != 1 {
			t.Errorf("%q found %d times, want once", want, count[want])
		}
	}
	// Every quote with a speaker is attributed.
	for _, q := range d.Quotes {
		if q.Speaker == nil {
			continue
		}
		found := false
		for _, a := range d.Sourcing {
			found = found || a.Contains(q.Speaker.Span)
		}
		if !found {
			t.Errorf("quote %q of %q has no attribution", q.Text, q.Speaker.Text)
		}
	}
}
