package sourcing

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/quote"
)

// TestDemoCorpus runs the bundled articles through the quote, quantity and
// sourcing annotators and checks the contract on each: sound spans, every
// quote's speaker attributed, or its cue (unless the speaker cannot speak:
// notSpeaker), and no source named twice for one phrase.
func TestDemoCorpus(t *testing.T) {
	arts, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, ar := range arts {
		t.Run(ar.Name, func(t *testing.T) {
			// The headline and the date line are metadata, not text.
			_, s, _ := strings.Cut(string(ar.Body), "\n")
			if strings.HasPrefix(s, "Published") {
				_, s, _ = strings.Cut(s, "\n")
			}
			d := annotatetest.Prepare(t, s)
			for _, an := range []sitrep.Annotator{quote.Annotator{}, quantity.Annotator{}, Annotator{}} {
				if err := an.Annotate(d); err != nil {
					t.Fatalf("%s: %v", an.Name(), err)
				}
			}
			checkInvariants(t, d)
			seen := map[string]bool{}
			for _, a := range d.Sourcing {
				key := fmt.Sprint(a.Span, a.Source.Name)
				if seen[key] {
					t.Errorf("%q names %q twice", a.Text, a.Source.Name)
				}
				seen[key] = true
			}
			a := newAnnotation(d, d.Tokens)
			for _, q := range d.Quotes {
				if q.Speaker == nil || strings.TrimSpace(q.Speaker.Text) == "" {
					continue
				}
				lo, hi, cue := a.speakerTokens(q)
				if a.notSpeaker(lo, hi, cue) {
					continue
				}
				found := false
				for _, at := range d.Sourcing {
					found = found || at.Contains(q.Speaker.Span) ||
						cue >= 0 && at.Start <= a.toks[cue].Start && a.toks[cue].End <= at.End
				}
				if !found {
					t.Errorf("quote %q of %q has no attribution", q.Text, q.Speaker.Text)
				}
			}
		})
	}
}
