package quantity

import (
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/annotatetest"
)

// annotated returns a Doc over s with text, ner and quantity layers.
func annotated(tb testing.TB, s string) *sitrep.Doc {
	tb.Helper()
	return annotatetest.Prepare(tb, s, Annotator{})
}

func show(q sitrep.Quantity) string {
	f := func(p *int64) string {
		if p == nil {
			return "-"
		}
		return strconvI(*p)
	}
	return q.Text + " | " + f(q.Low) + " | " + f(q.High) + " | " + q.Qualifier + " | " + q.Unit + " | " + q.Category
}
