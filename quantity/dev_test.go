package quantity

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// devSentence is one sentence of testdata/dev.txt and the counts it holds.
type devSentence struct {
	line int
	text string
	want []devCount
}

type devCount struct {
	text, qualifier, unit, category string
	low, high                       *int64
}

func readDev(tb testing.TB, path string) []devSentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []devSentence
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "S "):
			out = append(out, devSentence{line: n, text: line[2:]})
		case strings.HasPrefix(line, "Q "):
			f := strings.Split(line[2:], "|")
			if len(f) != 6 || len(out) == 0 {
				tb.Fatalf("%s:%d: want a sentence, then text | low | high | qualifier | unit | category", path, n)
			}
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
			c := devCount{text: f[0], qualifier: f[3], unit: f[4], category: f[5]}
			c.low, c.high = bound(tb, f[1]), bound(tb, f[2])
			out[len(out)-1].want = append(out[len(out)-1].want, c)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	return out
}

func bound(tb testing.TB, s string) *int64 {
	if s == "-" {
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		tb.Fatalf("bound %q: %v", s, err)
	}
	return &v
}

func sameBound(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func fmtBound(p *int64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatInt(*p, 10)
}

// TestDevFixture scores the annotator on the hand-labelled sentences: a
// count is found when a predicted span overlaps the labelled text; each
// field is then right or wrong, and a count not found is wrong in every
// field. Floors keep the figures from sliding back; the precision floor
// (counts predicted that overlap a labelled one) fails a change that emits
// false counts, which field accuracy alone cannot see.
func TestDevFixture(t *testing.T) {
	for _, tt := range []struct {
		file   string
		floors map[string]float64
	}{
		// dev.txt was written with the annotator and tuned on: its floors
		// guard against regressions. check.txt was written after, and
		// scored 0.938 on all fields at its first run (text 0.969, category
		// 0.969); its two misses were then fixed. check2.txt, written after
		// that, scored 0.967 on all fields at its first run (one count
		// missed: a year stopped the look-back for "death toll"), then fixed.
		// Precision measured 1.000 on all three (version 2); its floors
		// allow about three spurious counts on dev.txt and one on the
		// smaller files. Version 8 relabelled two counts whose labels
		// contradicted doc.go ("topped 2,200" in dev.txt is more than
		// 2,200; a crash death in check.txt is an accident, other); the
		// old labels are kept in comments beside them.
		{"testdata/dev.txt", map[string]float64{"found": 0.97, "text": 0.95, "low": 0.95, "high": 0.95, "qualifier": 0.95, "unit": 0.95, "category": 0.95, "all": 0.93, "precision": 0.97}},
		{"testdata/check.txt", map[string]float64{"found": 0.95, "text": 0.93, "low": 0.93, "high": 0.93, "qualifier": 0.93, "unit": 0.93, "category": 0.9, "all": 0.9, "precision": 0.95}},
		{"testdata/check2.txt", map[string]float64{"found": 0.95, "text": 0.93, "low": 0.93, "high": 0.93, "qualifier": 0.93, "unit": 0.93, "category": 0.9, "all": 0.9, "precision": 0.95}},
	} {
		t.Run(tt.file, func(t *testing.T) { scoreFixture(t, tt.file, tt.floors) })
	}
}

func scoreFixture(t *testing.T, file string, floors map[string]float64) {
	sentences := readDev(t, file)
	if file == "testdata/dev.txt" && len(sentences) < 80 {
		t.Fatalf("dev fixture has %d sentences, want at least 80", len(sentences))
	}
	fields := []string{"found", "text", "low", "high", "qualifier", "unit", "category", "all"}
	right := map[string]int{}
	total, predicted, spurious := 0, 0, 0
	for _, ds := range sentences {
		d := annotated(t, ds.text)
		predicted += len(d.Quantities)
		used := make([]bool, len(d.Quantities))
		from := 0
		for _, w := range ds.want {
			total++
			at := strings.Index(ds.text[from:], w.text)
			if at < 0 {
				t.Fatalf("%s:%d: %q is not in the sentence", file, ds.line, w.text)
			}
			span := sitrep.Span{Start: from + at, End: from + at + len(w.text)}
			from = span.End
			got := -1
			for i, q := range d.Quantities {
				if !used[i] && q.Overlaps(span) {
					got = i
					break
				}
			}
			if got < 0 {
				t.Logf("%s:%d: missed %q", file, ds.line, w.text)
				continue
			}
			used[got] = true
			q := d.Quantities[got]
			ok := map[string]bool{
				"found":     true,
				"text":      q.Text == w.text,
				"low":       sameBound(q.Low, w.low),
				"high":      sameBound(q.High, w.high),
				"qualifier": q.Qualifier == w.qualifier,
				"unit":      q.Unit == w.unit,
				"category":  q.Category == w.category,
			}
			all := true
			for f, v := range ok {
				if v {
					right[f]++
				} else {
					all = false
				}
			}
			if all {
				right["all"]++
			} else {
				t.Logf("%s:%d: got  %s | %s | %s | %s | %s | %s\n\t\t\twant %s | %s | %s | %s | %s | %s", file, ds.line,
					q.Text, fmtBound(q.Low), fmtBound(q.High), q.Qualifier, q.Unit, q.Category,
					w.text, fmtBound(w.low), fmtBound(w.high), w.qualifier, w.unit, w.category)
			}
		}
		for i, q := range d.Quantities {
			if !used[i] {
				spurious++
				t.Logf("%s:%d: spurious %s", file, ds.line, show(q))
			}
		}
	}
	var report strings.Builder
	precision := 1.0
	if predicted > 0 {
		precision = float64(predicted-spurious) / float64(predicted)
	}
	fmt.Fprintf(&report, "%d sentences, %d labelled counts, %d predicted, %d spurious (precision %.3f)\n",
		len(sentences), total, predicted, spurious, precision)
	if floor, ok := floors["precision"]; !ok {
		t.Errorf("%s has no precision floor", file)
	} else if precision < floor {
		t.Errorf("precision %.3f (%d spurious of %d predicted) is below its floor %.3f", precision, spurious, predicted, floor)
	}
	for _, f := range fields {
		acc := float64(right[f]) / float64(total)
		fmt.Fprintf(&report, "  %-9s %.3f\n", f, acc)
		if acc < floors[f] {
			t.Errorf("%s accuracy %.3f is below its floor %.3f", f, acc, floors[f])
		}
	}
	t.Log("\n" + report.String())
}
