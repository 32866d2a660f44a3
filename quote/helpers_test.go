package quote

import (
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/annotatetest"
)

// annotate runs text, ner and quote over s.
func annotate(t testing.TB, s string) *sitrep.Doc {
	t.Helper()
	return annotatetest.Prepare(t, s, Annotator{})
}

func seedDoc(t testing.TB) *sitrep.Doc { return annotate(t, annotatetest.SeedText(t)) }
