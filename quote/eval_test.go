package quote

import (
	"testing"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/internal/shareddata"
)

// TestGUMQualityFloor scores the annotator (after text and ner) on the
// attributions of GUM's Wikinews part, converted by eval, and fails when a
// figure falls below the floor: the figure measured when it was set, less
// 0.01. GUM marks only attributions its discourse units split off, so many
// quotes found here are unmarked there: precision is understated. The
// floors were set with eval's converter leaving out media credits and
// counting every coreferent mention of a source (see eval/gumattr.go), so
// they are not comparable with figures from the earlier converter.
func TestGUMQualityFloor(t *testing.T) {
	dir := shareddata.Path(t, "ner/gum-news")
	docs, err := eval.ReadGUMAttributionsDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var r eval.QuoteReport
	for _, g := range docs {
		d := annotate(t, g.Text)
		checkInvariants(t, d)
		r.Add(g.Text, g.Attributions, eval.QuotePredictions(d))
	}
	floors := []struct {
		name  string
		got   float64
		floor float64
	}{
		{"content overlap F1", r.Overlap.F1(), 0.842 - 0.01},
		{"content exact F1", r.Exact.F1(), 0.601 - 0.01},
		{"speaker F1", r.Speaker.F1(), 0.806 - 0.01},
		{"direct content overlap F1", r.DirectOverlap.F1(), 0.819 - 0.01},
		// 0.789 until a long quote after "as" took the subject's cue ("He
		// characterized the conflict as “…”"): right, but in one GUM text
		// the next paragraph's quote, credited in a byline-like line
		// without a cue, now carries that speaker over (2 quotes). Back to
		// 0.785 once a person named after a title spoke for it.
		{"direct speaker F1", r.DirectSpeaker.F1(), 0.785 - 0.01},
	}
	for _, f := range floors {
		t.Logf("%s %.3f (floor %.3f)", f.name, f.got, f.floor)
		if f.got < f.floor {
			t.Errorf("%s %.3f below its floor %.3f", f.name, f.got, f.floor)
		}
	}
}
