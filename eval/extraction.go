package eval

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// The article-body scoring below follows evaluate.py of the Zyte (formerly
// Scrapinghub) article-extraction benchmark,
// https://github.com/scrapinghub/article-extraction-benchmark, in its
// current form (the one that also reports accuracy):
//
//   - Tokens are the maximal runs of word characters (Python's Unicode \w:
//     letters, digits and other numbers, underscore); case is kept, and
//     punctuation and white space only separate tokens.
//   - Shingles are the n-grams of 4 consecutive tokens, counted as a
//     multiset. A text of 1 to 3 tokens is one shorter shingle; a text with
//     no tokens has none.
//   - Per item, over the union of shingles, TP sums min(gold, pred) counts,
//     FP the excess of pred over gold, FN the excess of gold over pred; the
//     three are then divided by their sum, so that long articles do not
//     weigh more.
//   - Per item precision is 1 when FP = FN = 0 (identical texts, or both
//     empty), 0 when TP = FP = 0, else TP/(TP+FP); recall likewise with FN.
//   - Overall precision is the mean of item precisions over the items with
//     a non-empty prediction (TP+FP > 0), overall recall the mean of item
//     recalls over the items with a non-empty gold text (TP+FN > 0), and F1
//     the harmonic mean of those two means (not a mean of item F1s). So an
//     empty prediction costs recall, not precision.
//   - Accuracy is the share of items whose predicted token sequence equals
//     the gold one exactly.
//   - The ± figures are standard deviations (n−1) over 1000 bootstrap
//     resamples of the items. evaluate.py does not seed its generator, so
//     its ± varies a little from run to run; ours is seeded, so a report is
//     reproducible.

// shingleSize is the benchmark's n-gram length.
const shingleSize = 4

// bootstrapRounds is the benchmark's default --n-bootstrap.
const bootstrapRounds = 1000

// PRF is the score of one extracted text against its gold text.
type PRF struct {
	// TP, FP and FN are shingle counts divided by their sum (all 0 when
	// neither text has a token).
	TP, FP, FN float64
	Precision  float64
	Recall     float64
	// F1 is the harmonic mean of this item's precision and recall. The
	// benchmark's overall F1 is not the mean of these: see ExtractionReport.
	F1 float64
	// Exact reports identical token sequences: the benchmark's accuracy.
	Exact bool
}

// hasPred reports a prediction with at least one token: the items that
// count toward overall precision.
func (s PRF) hasPred() bool { return s.TP+s.FP > 0 }

// hasGold reports a gold text with at least one token: the items that
// count toward overall recall.
func (s PRF) hasGold() bool { return s.TP+s.FN > 0 }

// ScoreExtraction scores an extracted article body (pred) against the gold
// one, as the benchmark does (see the comment above PRF).
func ScoreExtraction(gold, pred string) PRF {
	goldTokens, predTokens := tokens(gold), tokens(pred)
	g, p := shingles(goldTokens), shingles(predTokens)
	var tp, fp, fn float64
	for k, gc := range g {
		pc := p[k]
		tp += float64(min(gc, pc))
		fn += float64(max(0, gc-pc))
	}
	for k, pc := range p {
		fp += float64(max(0, pc-g[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	r := PRF{TP: tp, FP: fp, FN: fn, Exact: slices.Equal(goldTokens, predTokens)}
	r.Precision = ratio(tp, fp, fn, fp)
	r.Recall = ratio(tp, fp, fn, fn)
	r.F1 = harmonic(r.Precision, r.Recall)
	return r
}

// ratio is the benchmark's precision_score (miss = fp) and recall_score
// (miss = fn).
func ratio(tp, fp, fn, miss float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && miss == 0:
		return 0
	}
	return tp / (tp + miss)
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// isWordRune is Python's Unicode \w: str.isalnum() (letters of categories
// L*, and numbers) or an underscore. Combining marks are not word
// characters there either.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// tokens returns the runs of word characters in s, as substrings of s.
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch w := isWordRune(r); {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingles counts the n-grams of shingleSize tokens, keyed by the tokens
// joined with a NUL (which no token contains).
func shingles(toks []string) map[string]int {
	m := make(map[string]int, max(1, len(toks)-shingleSize+1))
	if len(toks) == 0 {
		return m
	}
	for i := 0; i < max(1, len(toks)-shingleSize+1); i++ {
		m[strings.Join(toks[i:min(len(toks), i+shingleSize)], "\x00")]++
	}
	return m
}

// ItemScore is one benchmark item's score.
type ItemScore struct {
	ID  string
	URL string
	PRF
	// Err is the extraction error, if any; the item was then scored as an
	// empty prediction.
	Err error
}

// ExtractionReport is the benchmark's result over a set of items.
type ExtractionReport struct {
	N        int // items scored
	Failures int // items whose extraction failed, scored as empty predictions

	// Precision, Recall, F1 and Accuracy are the benchmark's overall
	// figures (see the comment above PRF); the *Std fields their bootstrap
	// standard deviations.
	Precision, PrecisionStd float64
	Recall, RecallStd       float64
	F1, F1Std               float64
	Accuracy, AccuracyStd   float64

	Items []ItemScore
}

// NewExtractionReport aggregates item scores the way evaluate.py does,
// with a bootstrap seeded by seed.
func NewExtractionReport(items []ItemScore, seed uint64) ExtractionReport {
	r := ExtractionReport{N: len(items), Items: items}
	for _, it := range items {
		if it.Err != nil {
			r.Failures++
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	m := overall(items, idx)
	r.Precision, r.Recall, r.F1, r.Accuracy = zeroNaN(m[0]), zeroNaN(m[1]), zeroNaN(m[2]), zeroNaN(m[3])
	if len(items) == 0 {
		return r
	}

	rng := rand.New(rand.NewPCG(seed, 0x5a17e9))
	var samples [4][]float64
	for range bootstrapRounds {
		for i := range idx {
			idx[i] = rng.IntN(len(items))
		}
		m := overall(items, idx)
		for k := range samples {
			samples[k] = append(samples[k], m[k])
		}
	}
	r.PrecisionStd, r.RecallStd = stdev(samples[0]), stdev(samples[1])
	r.F1Std, r.AccuracyStd = stdev(samples[2]), stdev(samples[3])
	return r
}

// overall computes precision, recall, F1 and accuracy over the items at
// the indexes idx (a bootstrap resample may repeat them). A mean over no
// items (no prediction with a token, say) is NaN, undefined: evaluate.py
// fails there, and the bootstrap leaves such resamples out.
func overall(items []ItemScore, idx []int) [4]float64 {
	var p, r, acc float64
	var np, nr int
	for _, i := range idx {
		s := items[i].PRF
		if s.hasPred() {
			p += s.Precision
			np++
		}
		if s.hasGold() {
			r += s.Recall
			nr++
		}
		if s.Exact {
			acc++
		}
	}
	p, r, acc = p/float64(np), r/float64(nr), acc/float64(len(idx))
	f1 := math.NaN()
	if !math.IsNaN(p) && !math.IsNaN(r) {
		f1 = harmonic(p, r)
	}
	return [4]float64{p, r, f1, acc}
}

// zeroNaN reports an undefined figure as 0, so that reports print and
// encode; N and Failures tell the reader why.
func zeroNaN(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// stdev is the sample standard deviation (Python's statistics.stdev) of
// the defined values of xs.
func stdev(xs []float64) float64 {
	var n int
	var mean float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			mean += x
			n++
		}
	}
	if n < 2 {
		return 0
	}
	mean /= float64(n)
	var ss float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			ss += (x - mean) * (x - mean)
		}
	}
	return math.Sqrt(ss / float64(n-1))
}

// maxListedFailures bounds the failed items WriteText names.
const maxListedFailures = 10

// WriteText prints the report as evaluate.py's figures, one a line.
func (r ExtractionReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "article extraction (Zyte benchmark scoring): %d items, %d extraction failures (scored as empty)\n", r.N, r.Failures)
	for _, l := range []struct {
		name     string
		val, std float64
	}{
		{"precision", r.Precision, r.PrecisionStd},
		{"recall", r.Recall, r.RecallStd},
		{"F1", r.F1, r.F1Std},
		{"accuracy", r.Accuracy, r.AccuracyStd},
	} {
		fmt.Fprintf(&b, "%-10s %.3f ± %.3f\n", l.name, l.val, l.std)
	}
	fmt.Fprintf(&b, "(± is the standard deviation over %d bootstrap resamples)\n", bootstrapRounds)
	listed := 0
	for _, it := range r.Items {
		if it.Err == nil {
			continue
		}
		if listed == maxListedFailures {
			fmt.Fprintf(&b, "  … and %d more failures\n", r.Failures-listed)
			break
		}
		fmt.Fprintf(&b, "  failed %s: %v\n", it.ID, it.Err)
		listed++
	}
	_, err := io.WriteString(w, b.String())
	return err
}
