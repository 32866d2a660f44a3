package eval

import (
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" \n\t—…", nil},
		{"U.S. strikes, 80 killed!", []string{"U", "S", "strikes", "80", "killed"}},
		{"al-Qaeda’s “war-like” snake_case", []string{"al", "Qaeda", "s", "war", "like", "snake_case"}},
		{"北京 Ⅻ ½ Ünïcödé", []string{"北京", "Ⅻ", "½", "Ünïcödé"}},
		// A combining accent is not a word character for Python's \w either.
		{"cafe\u0301 bar", []string{"cafe", "bar"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		toks []string
		want map[string]int
	}{
		{nil, map[string]int{}},
		{[]string{"a"}, map[string]int{"a": 1}},
		{[]string{"a", "b", "c"}, map[string]int{"a\x00b\x00c": 1}},
		{[]string{"a", "b", "c", "d"}, map[string]int{"a\x00b\x00c\x00d": 1}},
		{strings.Fields("a b c d a b c d"), map[string]int{
			"a\x00b\x00c\x00d": 2, "b\x00c\x00d\x00a": 1, "c\x00d\x00a\x00b": 1, "d\x00a\x00b\x00c": 1,
		}},
	}
	for _, tt := range tests {
		got := shingles(tt.toks)
		if len(got) != len(tt.want) {
			t.Errorf("shingles(%q) = %v, want %v", tt.toks, got, tt.want)
			continue
		}
		for k, n := range tt.want {
			if got[k] != n {
				t.Errorf("shingles(%q)[%q] = %d, want %d", tt.toks, k, got[k], n)
			}
		}
	}
}

func TestScoreExtraction(t *testing.T) {
	tests := []struct {
		name, gold, pred string
		want             PRF
	}{
		{"identical", "The strikes killed at least 80 people.", "The strikes killed at least 80 people.",
			PRF{TP: 1, Precision: 1, Recall: 1, F1: 1, Exact: true}},
		{"same tokens, other punctuation and spacing", "U.S. strikes: 80 killed", "U S strikes\n\n80 killed!",
			PRF{TP: 1, Precision: 1, Recall: 1, F1: 1, Exact: true}},
		{"disjoint", "The strikes killed at least 80 people.", "Subscribe to our newsletter for daily updates.",
			// 4 gold shingles, 4 predicted, none shared: s = 8.
			PRF{FP: 0.5, FN: 0.5}},
		// Gold "the cat sat on the mat today" has 7 tokens, so 4 shingles:
		// [the cat sat on] [cat sat on the] [sat on the mat] [on the mat today].
		// The prediction lacks "today": 3 shingles, all in gold.
		// TP 3, FP 0, FN 1, s = 4 → P = 1, R = 3/4, F1 = 2·1·¾/(1+¾) = 6/7.
		{"prediction misses the end", "the cat sat on the mat today", "the cat sat on the mat",
			PRF{TP: 0.75, FN: 0.25, Precision: 1, Recall: 0.75, F1: 6.0 / 7}},
		// Prediction "the cat sat on a hat": [the cat sat on] [cat sat on a]
		// [sat on a hat]; only the first is in gold.
		// TP 1, FP 2, FN 3, s = 6 → P = 1/3, R = 1/4, F1 = 2·(1/12)/(7/12) = 2/7.
		{"partial overlap", "the cat sat on the mat today", "the cat sat on a hat",
			PRF{TP: 1.0 / 6, FP: 2.0 / 6, FN: 3.0 / 6, Precision: 1.0 / 3, Recall: 0.25, F1: 2.0 / 7}},
		// Shingles are a multiset: gold has [a b c d] twice and 3 others (5),
		// the prediction [a b c d] once. TP 1, FN 4 → R = 1/5.
		{"repeated shingles count", "a b c d a b c d", "a b c d",
			PRF{TP: 0.2, FN: 0.8, Precision: 1, Recall: 0.2, F1: 2 * 0.2 / 1.2}},
		// Fewer than 4 tokens make one shorter shingle; case matters.
		{"short texts, case differs", "Hello world", "hello world", PRF{FP: 0.5, FN: 0.5}},
		{"empty prediction", "The strikes killed at least 80 people.", "", PRF{FN: 1}},
		{"empty gold", "", "The strikes killed at least 80 people.", PRF{FP: 1}},
		// Both empty: precision and recall are 1 by the benchmark's rule, but
		// the item counts toward neither mean (see TestNewExtractionReport);
		// it does count as exact.
		{"both empty", "", " — ", PRF{Precision: 1, Recall: 1, F1: 1, Exact: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreExtraction(tt.gold, tt.pred)
			w := tt.want
			if !near(got.TP, w.TP) || !near(got.FP, w.FP) || !near(got.FN, w.FN) ||
				!near(got.Precision, w.Precision) || !near(got.Recall, w.Recall) || !near(got.F1, w.F1) || got.Exact != w.Exact {
				t.Errorf("ScoreExtraction = %+v, want %+v", got, w)
			}
		})
	}
}

func TestNewExtractionReport(t *testing.T) {
	items := []ItemScore{
		{ID: "a", PRF: ScoreExtraction("the cat sat on the mat today", "the cat sat on the mat today")}, // P 1, R 1, exact
		{ID: "b", PRF: ScoreExtraction("the cat sat on the mat today", ""), Err: errTest},               // no prediction: R 0, not in P
		{ID: "c", PRF: ScoreExtraction("the cat sat on the mat today", "the cat sat on the mat")},       // P 1, R 3/4
		{ID: "d", PRF: ScoreExtraction("", "")},                                                         // in neither mean; exact
	}
	r := NewExtractionReport(items, 1)
	// P = mean(1, 1) over a and c = 1; R = mean(1, 0, 3/4) over a, b, c = 7/12;
	// F1 = 2·1·(7/12)/(1+7/12) = 14/19; accuracy = 2/4 (a and d).
	if r.N != 4 || r.Failures != 1 || !near(r.Precision, 1) || !near(r.Recall, 7.0/12) || !near(r.F1, 14.0/19) || !near(r.Accuracy, 0.5) {
		t.Errorf("report = N %d, failures %d, P %v, R %v, F1 %v, accuracy %v; want 4, 1, 1, 7/12, 14/19, 1/2",
			r.N, r.Failures, r.Precision, r.Recall, r.F1, r.Accuracy)
	}
	if r.RecallStd <= 0 || r.RecallStd > 0.5 || r.PrecisionStd != 0 {
		t.Errorf("bootstrap std: precision %v (want 0: every resample has precision 1), recall %v (want in (0, 0.5])", r.PrecisionStd, r.RecallStd)
	}
	if again := NewExtractionReport(items, 1); again.RecallStd != r.RecallStd || again.F1Std != r.F1Std {
		t.Errorf("the bootstrap is not reproducible with the same seed")
	}

	empty := NewExtractionReport(nil, 1)
	if empty.N != 0 || empty.Precision != 0 || empty.F1 != 0 {
		t.Errorf("empty report = %+v", empty)
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("no article")

func TestWriteText(t *testing.T) {
	r := ExtractionReport{
		N: 3, Failures: 1,
		Precision: 0.95, PrecisionStd: 0.0123,
		Recall: 0.75, RecallStd: 0.2,
		F1: 14.0 / 19, F1Std: 0.1,
		Accuracy: 0.5, AccuracyStd: 0.25,
		Items: []ItemScore{{ID: "a"}, {ID: "b", Err: errTest}, {ID: "c"}},
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `article extraction (Zyte benchmark scoring): 3 items, 1 extraction failures (scored as empty)
precision  0.950 ± 0.012
recall     0.750 ± 0.200
F1         0.737 ± 0.100
accuracy   0.500 ± 0.250
(± is the standard deviation over 1000 bootstrap resamples)
  failed b: no article
`
	if b.String() != want {
		t.Errorf("WriteText =\n%s\nwant\n%s", b.String(), want)
	}
}
