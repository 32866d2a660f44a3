package sourcing

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/annotatetest"
)

// fixtureCase is one hand-labelled sentence of testdata/attributions.txt.
type fixtureCase struct {
	line int
	text string
	want []string // rendered attributions; empty for "-"
}

// readFixture reads the hand-labelled attributions (format in the file's header).
func readFixture(tb testing.TB, path string) []fixtureCase {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open fixture: %v", err)
	}
	defer f.Close()
	var cases []fixtureCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			cases = append(cases, fixtureCase{line: n, text: line})
		case len(cases) == 0:
			tb.Fatalf("%s:%d: expectation before any sentence", path, n)
		case strings.TrimSpace(line) != "-":
			c := &cases[len(cases)-1]
			c.want = append(c.want, strings.TrimSpace(line))
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return cases
}

// render writes an attribution in the fixture's notation.
func render(a sitrep.Attribution) string {
	var b strings.Builder
	b.WriteString(a.Source.Name)
	for i, c := range a.Cites {
		if i == 0 {
			b.WriteString(" <- ")
		} else {
			b.WriteString(" + ")
		}
		b.WriteString(c.Text)
		kind := "named"
		if c.Anonymous {
			kind = "anon"
		}
		if c.Count != nil {
			fmt.Fprintf(&b, " (%s %d)", kind, *c.Count)
		} else {
			fmt.Fprintf(&b, " (%s)", kind)
		}
	}
	return b.String()
}

// TestFixtureAccuracy scores the annotator on the hand-labelled sentences: a
// sentence is right when its attributions, each rendered as source and cited
// sources, are exactly the expected ones. It also reports source precision
// and recall over all the attributions.
func TestFixtureAccuracy(t *testing.T) {
	const floor = 0.9
	cases := readFixture(t, "testdata/attributions.txt")
	if len(cases) < 40 {
		t.Fatalf("fixture has %d sentences, want at least 40", len(cases))
	}
	right, tp, fp, fn := 0, 0, 0, 0
	for _, c := range cases {
		d := annotatetest.Prepare(t, c.text)
		annotate(t, d)
		var got []string
		for _, a := range d.Sourcing {
			got = append(got, render(a))
		}
		want := slices.Clone(c.want)
		slices.Sort(got)
		slices.Sort(want)
		if slices.Equal(got, want) {
			right++
		} else {
			t.Logf("line %d: %s\n\tgot  %q\n\twant %q", c.line, c.text, got, want)
		}
		for _, g := range got {
			if i := slices.Index(want, g); i >= 0 {
				tp++
				want = slices.Delete(want, i, i+1)
			} else {
				fp++
			}
		}
		fn += len(want)
	}
	acc := float64(right) / float64(len(cases))
	p := float64(tp) / max(1, float64(tp+fp))
	r := float64(tp) / max(1, float64(tp+fn))
	t.Logf("sentences right %d/%d (%.3f); attributions P %.3f R %.3f", right, len(cases), acc, p, r)
	if acc < floor {
		t.Errorf("accuracy %.3f below the floor %.2f", acc, floor)
	}
}
