package sourcing

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// annotate runs the sourcing annotator over a prepared Doc.
func annotate(tb testing.TB, d *sitrep.Doc) {
	tb.Helper()
	if err := (Annotator{}).Annotate(d); err != nil {
		tb.Fatal(err)
	}
}

// spanOf returns the span of the n-th (from 0) occurrence of sub in s.
func spanOf(tb testing.TB, s, sub string, n int) sitrep.Span {
	tb.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			tb.Fatalf("%q not found %d times", sub, n+1)
		}
		if i == n {
			return sitrep.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}
