package story

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

func mhTestWords(s string) []uint64 {
	var out []uint64
	mhWords(s, func(w uint64) { out = append(out, w) })
	return out
}

func TestWordsNormalize(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Mexico's president", "MEXICO’S President", true},
		{`"It was a bomb," he said.`, "“It was a bomb”, he said", true},
		{"at least 1,200 people", "at least 1200 people", true},
		{"U.S. forces", "US forces", true},
		{"a well-known fact", "a well known fact", true},
		{"Kenya", "Kenyan", false},
		{"1,200", "1 200", false},
		{"", "  \n\t ", true},
	}
	for _, tt := range tests {
		if got := slices.Equal(mhTestWords(tt.a), mhTestWords(tt.b)); got != tt.same {
			t.Errorf("words(%q) == words(%q): %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestJaccardEstimate checks the MinHash estimate against the true Jaccard
// of shingle sets built to overlap by known amounts: within four standard
// errors.
func TestJaccardEstimate(t *testing.T) {
	word := func(i int) string { return fmt.Sprintf("w%d", i) }
	text := func(from, to int) string {
		var b strings.Builder
		for i := from; i < to; i++ {
			b.WriteString(word(i))
			b.WriteByte(' ')
		}
		return b.String()
	}
	tests := []struct {
		name         string
		a, b         string
		shinglesA, n int // shingles of a; shared shingles
		shinglesB    int
	}{
		{"identical", text(0, 500), text(0, 500), 497, 497, 497},
		{"half overlap", text(0, 400), text(200, 600), 397, 197, 397},
		{"a tenth", text(0, 1000), text(900, 1900), 997, 97, 997},
		{"disjoint", text(0, 300), text(1000, 1300), 297, 0, 297},
	}
	for _, tt := range tests {
		sa, na := mhSignature(tt.a, mhShingle)
		sb, nb := mhSignature(tt.b, mhShingle)
		if na != tt.shinglesA || nb != tt.shinglesB {
			t.Errorf("%s: %d and %d shingles, want %d and %d", tt.name, na, nb, tt.shinglesA, tt.shinglesB)
		}
		want := float64(tt.n) / float64(na+nb-tt.n)
		got := mhJaccard(sa, sb)
		se := math.Sqrt(max(want*(1-want), 0.01) / mhSize)
		if math.Abs(got-want) > 4*se {
			t.Errorf("%s: estimated Jaccard %.3f, true %.3f (standard error %.3f)", tt.name, got, want, se)
		}
	}
}

func TestShortTexts(t *testing.T) {
	tests := []struct {
		text     string
		shingles int
	}{
		{"", 0},
		{"one", 1},
		{"one two three", 1},
		{"one two three four", 1},
		{"one two three four five", 2},
	}
	for _, tt := range tests {
		sig, n := mhSignature(tt.text, mhShingle)
		if n != tt.shingles || len(sig) != mhSize {
			t.Errorf("%q: %d shingles, signature of %d, want %d and %d", tt.text, n, len(sig), tt.shingles, mhSize)
		}
	}
}

// TestShingleSizeSeparatesCopies is the measurement behind mhShingle: over
// the AQUAINT reports, how far apart the Jaccard of syndicated copies (new
// headline and dateline, the middle paragraph cut, a credit line, curly
// apostrophes) and the Jaccard of two different reports of one story fall,
// for shingles of 1 to 6 words. Run with -v to see the table.
func TestShingleSizeSeparatesCopies(t *testing.T) {
	c := ixLoadAQUAINT(t)
	// Reprints found by reading the corpus: they are copies, not two reports.
	reprints := map[[2]string]bool{
		{"APW20000107.0088.tml", "APW20000115.0209.tml"}: true,
		{"APW20000216.0193.tml", "APW20000216.0272.tml"}: true,
		{"XIE19990313.0031.tml", "XIE19990313.0229.tml"}: true,
	}
	ix := NewIndex(Options{})
	type result struct {
		k                        int
		copyMin, copyMean        float64
		copiesMissed             int
		distinctMax, distinctP99 float64
		distinctCopies           int
	}
	var results []result
	for k := 1; k <= 6; k++ {
		r := result{k: k, copyMin: 1}
		var copies int
		for _, d := range c.docs {
			paras := strings.Split(d.Text, "\n")
			if len(paras) < 4 {
				continue
			}
			cp := ixCopyOf(d.Article, d.ID+"-copy", "Gazette", len(paras)/2)
			a, na := mhSignature(d.Text, k)
			b, nb := mhSignature(cp.Text, k)
			j := mhJaccard(a, b)
			if !ix.copies(j, na, nb) {
				r.copiesMissed++
				if k == mhShingle {
					t.Logf("copy of %s not judged a copy: Jaccard %.2f, %d and %d shingles, %d paragraphs", d.ID, j, na, nb, len(paras))
				}
			}
			r.copyMin = min(r.copyMin, j)
			r.copyMean += j
			copies++
		}
		r.copyMean /= float64(copies)
		var distinct []float64
		for i, x := range c.docs {
			sx, nx := mhSignature(x.Text, k)
			for _, y := range c.docs[i+1:] {
				if c.story[x.ID] != c.story[y.ID] || reprints[[2]string{x.ID, y.ID}] || reprints[[2]string{y.ID, x.ID}] {
					continue
				}
				sy, ny := mhSignature(y.Text, k)
				j := mhJaccard(sx, sy)
				distinct = append(distinct, j)
				if ix.copies(j, nx, ny) {
					r.distinctCopies++
				}
			}
		}
		slices.Sort(distinct)
		r.distinctMax = distinct[len(distinct)-1]
		r.distinctP99 = distinct[len(distinct)*99/100]
		results = append(results, r)
		t.Logf("shingle %d words: %d copies, Jaccard min %.2f mean %.2f, %d not judged copies; %d pairs of different reports of one story, Jaccard max %.2f, 99th percentile %.2f, %d judged copies",
			k, copies, r.copyMin, r.copyMean, r.copiesMissed, len(distinct), r.distinctMax, r.distinctP99, r.distinctCopies)
	}
	// A short text that loses a quarter of itself is the hardest copy
	// (APW19980809.0700: 90 words in four paragraphs); allow one in fifty.
	chosen := results[mhShingle-1]
	if chosen.copiesMissed*50 > len(c.docs) || chosen.distinctCopies > 0 {
		t.Errorf("with %d-word shingles %d copies are missed and %d pairs of different reports are taken for copies",
			mhShingle, chosen.copiesMissed, chosen.distinctCopies)
	}
}
