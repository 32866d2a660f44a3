package eval

import (
	"math"
	"strings"
	"testing"
)

func TestParseCase(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []CaseSnippet
		wantErr string // part of the error; "" for none
	}{
		{"header, blank and comment lines skipped",
			"id\tEventSnippet\tSubType\n\n# note\n7\tMilitary forces clashed with JNIM near Djibo.\tARMED_CLASH\r\n8\tProtesters marched.\tPEACE_PROTEST\n",
			[]CaseSnippet{
				{ID: "7", Text: "Military forces clashed with JNIM near Djibo.", Label: "ARMED_CLASH", Line: 4},
				{ID: "8", Text: "Protesters marched.", Label: "PEACE_PROTEST", Line: 5},
			}, ""},
		{"two fields", "1\tA snippet\n", nil, "gold.tsv:1: 2 tab-separated fields"},
		{"four fields", "1\ta\tARREST\textra\n", nil, "gold.tsv:1: 4 tab-separated fields"},
		{"unknown label", "1\ta\tARREST\n2\tb\tair_strike\n", nil, `gold.tsv:2: unknown label "air_strike"`},
		{"empty snippet", "1\t \tARREST\n", nil, "gold.tsv:1: empty id or snippet"},
		{"repeated id", "1\ta\tARREST\n1\tb\tARREST\n", nil, `gold.tsv:2: id "1" already on line 1`},
		{"header only after data is an error", "1\ta\tARREST\nid\tEventSnippet\tSubType\n", nil, `gold.tsv:2: unknown label "SubType"`},
		{"too long a line", "1\t" + strings.Repeat("x", maxCaseLine+1) + "\tARREST\n", nil, "gold.tsv: a line longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCase(strings.NewReader(tt.in), "gold.tsv")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d snippets %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("snippet %d: %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestScoreCase checks the scorer on a case computed by hand:
//
//	gold AIR_STRIKE AIR_STRIKE ARMED_CLASH ATTACK
//	pred AIR_STRIKE ARMED_CLASH ARMED_CLASH AIR_STRIKE
//
// AIR_STRIKE: P 1/2, R 1/2, F1 1/2, support 2; ARMED_CLASH: P 1/2, R 1,
// F1 2/3, support 1; ATTACK: never predicted, P = R = F1 = 0, support 1.
// Weighted by support over 4 items: P (2·½ + ½)/4 = 0.375, R (2·½ + 1)/4 =
// 0.5, F1 (2·½ + ⅔)/4 = 5/12; accuracy 2/4.
func TestScoreCase(t *testing.T) {
	gold := []string{"AIR_STRIKE", "AIR_STRIKE", "ARMED_CLASH", "ATTACK"}
	pred := []string{"AIR_STRIKE", "ARMED_CLASH", "ARMED_CLASH", "AIR_STRIKE"}
	r, err := ScoreCase(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	checks := []struct {
		name      string
		got, want float64
	}{
		{"accuracy", r.Accuracy, 0.5},
		{"weighted precision", r.Precision, 0.375},
		{"weighted recall", r.Recall, 0.5},
		{"weighted F1", r.F1, 5.0 / 12},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s %v, want %v", c.name, c.got, c.want)
		}
	}
	wantLabels := []LabelScore{
		{Label: "AIR_STRIKE", Support: 2, Predicted: 2, Hits: 1, Precision: 0.5, Recall: 0.5, F1: 0.5},
		{Label: "ARMED_CLASH", Support: 1, Predicted: 2, Hits: 1, Precision: 0.5, Recall: 1, F1: 2.0 / 3},
		{Label: "ATTACK", Support: 1, Predicted: 0, Hits: 0},
	}
	if len(r.Labels) != len(wantLabels) {
		t.Fatalf("labels %+v, want %+v", r.Labels, wantLabels)
	}
	for i, w := range wantLabels {
		g := r.Labels[i]
		if g.Label != w.Label || g.Support != w.Support || g.Predicted != w.Predicted || g.Hits != w.Hits ||
			!near(g.Precision, w.Precision) || !near(g.Recall, w.Recall) || !near(g.F1, w.F1) {
			t.Errorf("label %d: %+v, want %+v", i, g, w)
		}
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"accuracy 0.500", "weighted precision 0.375, recall 0.500, F1 0.417", "ARMED_CLASH"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestScoreCaseErrors(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
	}{
		{"lengths differ", []string{"ARREST"}, nil},
		{"unknown predicted label", []string{"ARREST"}, []string{"arrest"}},
		{"unknown gold label", []string{"STRIKE"}, []string{"ARREST"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ScoreCase(tt.gold, tt.pred); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestScoreCaseEmpty(t *testing.T) {
	r, err := ScoreCase(nil, nil)
	if err != nil || r.N != 0 || r.F1 != 0 || len(r.Labels) != 0 {
		t.Errorf("empty input: %+v, %v", r, err)
	}
}

func FuzzParseCase(f *testing.F) {
	f.Add("id\tEventSnippet\tSubType\n1\tPolice arrested 3.\tARREST\n")
	f.Add("1\ta\tARREST\n1\ta\tARREST\n")
	f.Add("\t\t\n\r\n#\n")
	f.Add("1\t\xff\xfe\tOTHER\n")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseCase(strings.NewReader(s), "fuzz.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.tsv") && !strings.HasPrefix(err.Error(), "read fuzz.tsv") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		ids := map[string]bool{}
		for _, c := range got {
			if c.ID == "" || c.Text == "" || !IsCaseLabel(c.Label) || c.Line < 1 || ids[c.ID] {
				t.Fatalf("bad snippet %+v", c)
			}
			ids[c.ID] = true
		}
	})
}
