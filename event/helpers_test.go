package event

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/geo"
	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/quote"
	"github.com/sitrep/sitrep/sourcing"
	"github.com/sitrep/sitrep/timex"
)

// before are the annotators whose layers the event annotator reads, in
// pipeline order.
var before = []sitrep.Annotator{timex.Annotator{}, geo.Annotator{}, quantity.Annotator{},
	quote.Annotator{}, sourcing.Annotator{}}

// annotate runs the pipeline up to and including the event annotator.
func annotate(tb testing.TB, s string) *sitrep.Doc {
	tb.Helper()
	return annotatetest.Prepare(tb, s, append(append([]sitrep.Annotator{}, before...), Annotator{})...)
}

// eventAt returns the first event whose trigger text is trigger and that
// starts at or after the first occurrence of context in the text.
func eventAt(tb testing.TB, d *sitrep.Doc, context, trigger string) *sitrep.Event {
	tb.Helper()
	at := strings.Index(d.Text, context)
	if at < 0 {
		tb.Fatalf("%q not in the text", context)
	}
	for i := range d.Events {
		if e := &d.Events[i]; e.Start >= at && e.Text == trigger {
			return e
		}
	}
	tb.Fatalf("no event %q after %q; events: %s", trigger, context, describe(d))
	return nil
}

// describe lists the events for failure messages.
func describe(d *sitrep.Doc) string {
	var b strings.Builder
	for _, e := range d.Events {
		b.WriteString("\n  " + e.Text + " " + e.Subtype + " " + e.Modality)
		if e.Actor != nil {
			b.WriteString(" actor=" + e.Actor.Name)
		}
	}
	return b.String()
}

// countsOf returns the texts of the event's counts.
func countsOf(d *sitrep.Doc, e *sitrep.Event) []string {
	var out []string
	for _, i := range e.Counts {
		out = append(out, d.Quantities[i].Text)
	}
	return out
}

// hasCount reports whether one of the event's counts has the category and a
// lower bound of at least low.
func hasCount(d *sitrep.Doc, e *sitrep.Event, category string, low int64) bool {
	for _, i := range e.Counts {
		q := d.Quantities[i]
		if q.Category == category && q.Low != nil && *q.Low >= low {
			return true
		}
	}
	return false
}
