package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// testdata/brat is a hand-made fixture in PolNeAR's layout: two short
// articles; kamsar has two annotators' files (b saw only the first
// attribution), curfew one file with non-ASCII text (so code-point and
// byte offsets differ), an Attribution-no-source event, a comment and an
// attribute line. Its attributions cover a trailing "the army said", an
// inverted “…,” said X split quote (one discontinuous content), "told X
// that", "according to" and a partial quote.
const bratDir = "testdata/brat"

// texts turns spans into the text they cover.
func texts(text string, spans []sitrep.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.In(text))
	}
	return out
}

func readFixtureText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(bratDir, "text", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadBratAnn(t *testing.T) {
	tests := []struct {
		ann  string
		want [][3][]string // per attribution: source, cue, content texts
	}{
		{"kamsar_a", [][3][]string{
			{{"the army"}, {"said"}, {"Rebels seized the town of Kamsar on Sunday"}},
			{{"General Amadou Diallo"}, {"said"}, {"“We will retake it within days,”", "“Nobody should doubt that.”"}},
			{{"Aid workers"}, {"told"}, {"that food was running out"}},
		}},
		{"curfew", [][3][]string{
			{{"Café owners in Säo Luís"}, {"said"}, {"the curfew had ruined them"}},
			{nil, {"According to"}, {"the protest was peaceful"}},
			{{"The mayor"}, {"called"}, {"“temporary”"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.ann, func(t *testing.T) {
			text := readFixtureText(t, strings.TrimSuffix(strings.TrimSuffix(tt.ann, "_a"), "_b"))
			f, err := os.Open(filepath.Join(bratDir, "attributions", tt.ann+".ann"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			attrs, err := ReadBratAnn(text, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(attrs) != len(tt.want) {
				t.Fatalf("%d attributions, want %d", len(attrs), len(tt.want))
			}
			for i, a := range attrs {
				got := [3][]string{texts(text, a.Source), texts(text, a.Cue), texts(text, a.Content)}
				for k, role := range []string{"source", "cue", "content"} {
					if strings.Join(got[k], "|") != strings.Join(tt.want[i][k], "|") {
						t.Errorf("attribution %d %s: %q, want %q", i, role, got[k], tt.want[i][k])
					}
				}
			}
		})
	}
}

func TestReadBratAnnErrors(t *testing.T) {
	const text = "He said so."
	for _, tt := range []struct{ name, ann string }{
		{"fragment past the text", "T1\tContent 3 40\tx\n"},
		{"end before start", "T1\tContent 5 2\tx\n"},
		{"not a number", "T1\tContent a 2\tx\n"},
		{"no offsets", "T1\tContent\tx\n"},
		{"no tab", "T1 Content 0 2 He\n"},
		{"event names a missing span", "T1\tContent 0 2\tHe\nE1\tAttribution:T1 Content:T9\n"},
		{"event argument without a colon", "T1\tContent 0 2\tHe\nE1\tAttribution:T1 Content\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadBratAnn(text, strings.NewReader(tt.ann)); err == nil {
				t.Errorf("no error for %q", tt.ann)
			}
		})
	}
}

func TestReadBratDir(t *testing.T) {
	docs, err := ReadBratDir(bratDir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.TextName+"/"+d.Name)
	}
	want := "curfew/curfew kamsar/kamsar_a kamsar/kamsar_b"
	if strings.Join(got, " ") != want {
		t.Errorf("documents %q, want %q", got, want)
	}
	if n := len(docs[2].Attributions); n != 1 {
		t.Errorf("kamsar_b: %d attributions, want 1", n)
	}
	if _, err := ReadBratDir(t.TempDir()); err == nil {
		t.Error("empty directory: no error")
	}
}

func TestTrimQuoteSpan(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"“We will retake it within days,”", "We will retake it within days"},
		{" that food was running out.", "food was running out"},
		{"that", "that"},
		{"thatcher said", "thatcher said"},
		{"\"Yes.\"", "Yes"},
		{"“”", ""},
	} {
		text := "<" + tt.in + ">"
		s := TrimQuoteSpan(text, sitrep.Span{Start: 1, End: 1 + len(tt.in)})
		if got := s.In(text); got != tt.want {
			t.Errorf("TrimQuoteSpan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// at returns the span of the n-th (0-based) occurrence of s in text.
func at(t *testing.T, text, s string, n int) sitrep.Span {
	t.Helper()
	off := 0
	for ; n >= 0; n-- {
		i := strings.Index(text[off:], s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		off += i
		if n > 0 {
			off += len(s)
		}
	}
	return sitrep.Span{Start: off, End: off + len(s)}
}

func TestQuoteReportAdd(t *testing.T) {
	text := readFixtureText(t, "kamsar")
	f, err := os.Open(filepath.Join(bratDir, "attributions", "kamsar_a.ann"))
	if err != nil {
		t.Fatal(err)
	}
	gold, err := ReadBratAnn(text, f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Gold items: the army's clause, the two direct fragments, the aid
	// workers' clause (4; 2 direct; all with a source).
	pred := []QuotePrediction{
		// Exact after trimming; speaker right.
		{Content: at(t, text, "Rebels seized the town of Kamsar on Sunday", 0), Speaker: []sitrep.Span{at(t, text, "the army", 0)}},
		// Direct, exact (the marks and comma are trimmed); speaker through
		// another mention of the entity.
		{Content: at(t, text, "We will retake it within days", 0), Direct: true, Speaker: []sitrep.Span{at(t, text, "Rebels", 0), at(t, text, "Diallo", 0)}},
		// Direct, overlapping only; no speaker.
		{Content: at(t, text, "Nobody should doubt", 0), Direct: true},
		// Overlapping the aid workers' clause, wrong speaker.
		{Content: at(t, text, "food was running out.", 0), Speaker: []sitrep.Span{at(t, text, "Reuters", 0)}},
		// Matches no gold item.
		{Content: at(t, text, "Aid workers told", 0), Speaker: []sitrep.Span{at(t, text, "Aid workers", 0)}},
	}
	var r QuoteReport
	r.Add(text, gold, pred)
	checks := []struct {
		name string
		got  QuoteScore
		want QuoteScore
	}{
		{"exact", r.Exact, QuoteScore{Gold: 4, Found: 3, Predicted: 5, Hits: 3}},
		{"overlap", r.Overlap, QuoteScore{Gold: 4, Found: 4, Predicted: 5, Hits: 4}},
		// Speaker: found for the army's and Diallo's items; predictions with
		// a speaker: 4, right: 2 ("Aid workers told" overlaps no gold item).
		{"speaker", r.Speaker, QuoteScore{Gold: 4, Found: 2, Predicted: 4, Hits: 2}},
		{"direct exact", r.DirectExact, QuoteScore{Gold: 2, Found: 1, Predicted: 2, Hits: 1}},
		{"direct overlap", r.DirectOverlap, QuoteScore{Gold: 2, Found: 2, Predicted: 2, Hits: 2}},
		{"direct speaker", r.DirectSpeaker, QuoteScore{Gold: 2, Found: 1, Predicted: 1, Hits: 1}},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, c.got, c.want)
		}
	}
	if p, r, f := r.Exact.Precision(), r.Exact.Recall(), r.Exact.F1(); p != 0.6 || r != 0.75 || f < 0.666 || f > 0.667 {
		t.Errorf("exact P %.3f R %.3f F1 %.3f, want 0.600 0.750 0.667", p, r, f)
	}
	var out strings.Builder
	if err := r.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "content exact                 4      5   0.600   0.750   0.667") {
		t.Errorf("report:\n%s", out.String())
	}
}

func TestQuoteScoreEmpty(t *testing.T) {
	var s QuoteScore
	if s.Precision() != 0 || s.Recall() != 0 || s.F1() != 0 {
		t.Errorf("empty score: %v %v %v, want zeros", s.Precision(), s.Recall(), s.F1())
	}
}

func TestQuotePredictions(t *testing.T) {
	d := &sitrep.Doc{
		Entities: []sitrep.Entity{
			{Span: sitrep.Span{Start: 0, End: 5}, Key: "person:x"},
			{Span: sitrep.Span{Start: 40, End: 45}, Key: "person:x"},
			{Span: sitrep.Span{Start: 50, End: 55}, Key: "org:y"},
		},
		Quotes: []sitrep.Quote{
			{Span: sitrep.Span{Start: 10, End: 20}, Direct: true, Speaker: &sitrep.Mention{Span: sitrep.Span{Start: 22, End: 24}, Key: "person:x"}},
			{Span: sitrep.Span{Start: 30, End: 35}, Speaker: &sitrep.Mention{Span: sitrep.Span{Start: 26, End: 29}}},
			{Span: sitrep.Span{Start: 60, End: 70}},
		},
	}
	p := QuotePredictions(d)
	if len(p) != 3 || !p[0].Direct || len(p[0].Speaker) != 3 || len(p[1].Speaker) != 1 || p[2].Speaker != nil {
		t.Errorf("predictions %+v", p)
	}
}

func TestReadBratDirMatchesAnnotationsToTexts(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"text/a.txt":           "He said so.",
		"text/a_b.txt":         "She said no.",
		"attributions/a_b.ann": "T1\tContent 0 3\tShe\nE1\tAttribution:T1 Content:T1\n", // a_b.txt's own file
		"attributions/a_x.ann": "T1\tContent 0 2\tHe\nE1\tAttribution:T1 Content:T1\n",  // annotator x of a.txt
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := ReadBratDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.TextName+"/"+d.Name)
	}
	if want := "a/a_x a_b/a_b"; strings.Join(got, " ") != want {
		t.Errorf("documents %q, want %q", got, want)
	}
}
