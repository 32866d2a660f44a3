package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/story"
)

func ptr64(n int64) *int64 { return &n }

func TestTallyText(t *testing.T) {
	cases := []struct {
		f    story.Figure
		want string
	}{
		{story.Figure{Low: ptr64(80), Best: ptr64(83), High: ptr64(100)}, "80–100 (best 83)"},
		{story.Figure{Low: ptr64(80), Best: ptr64(80)}, "80–? (best 80)"},
		{story.Figure{High: ptr64(5)}, "?–5 (best ?)"},
		{story.Figure{}, "?–? (best ?)"},
	}
	for _, c := range cases {
		if got := tallyText(c.f); got != c.want {
			t.Errorf("tallyText(%v) = %q, want %q", c.f, got, c.want)
		}
	}
	if got := figureWords(story.Figure{}); got != "no figure" {
		t.Errorf("figureWords of nothing = %q", got)
	}
	if got := figureWords(story.Figure{Low: ptr64(1), Contradiction: true}); !strings.Contains(got, "contradict") {
		t.Errorf("a contradiction is not said: %q", got)
	}
}

func TestNiceCeil(t *testing.T) {
	for _, c := range []struct{ in, want int64 }{{1, 1}, {3, 5}, {7, 10}, {11, 20}, {83, 100}, {101, 200}, {450, 500}, {1 << 62, 1 << 62}} {
		if got := niceCeil(c.in); got != c.want {
			t.Errorf("niceCeil(%d) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestSparkline(t *testing.T) {
	cases := []struct {
		name   string
		s      story.Series
		points int
		label  []string
	}{
		{"empty", story.Series{}, 0, []string{"No killed figures"}},
		{"one", story.Series{History: []story.Version{{Date: "2025-11-18", Figure: story.Figure{Low: ptr64(80)}}}}, 1, []string{"80 on 18 November 2025"}},
		{"growing", story.Series{History: []story.Version{
			{Date: "", Figure: story.Figure{Best: ptr64(18)}},
			{Date: "2025-11-18", Figure: story.Figure{Low: ptr64(80), Best: ptr64(80)}},
			{Date: "2025-11-19", Figure: story.Figure{}}, // no number: skipped
			{Date: "2025-11-20", Figure: story.Figure{Low: ptr64(83), Best: ptr64(83), High: ptr64(83)}},
		}}, 3, []string{"18 undated", "80 on 18 November 2025", "83 on 20 November 2025"}},
	}
	for _, c := range cases {
		s := newSparkline("killed", c.s)
		n := 0
		if !s.Empty {
			n = len(strings.Fields(s.Points))
		}
		if n != c.points {
			t.Errorf("%s: %d points (%q), want %d", c.name, n, s.Points, c.points)
		}
		for _, l := range c.label {
			if !strings.Contains(s.Label, l) {
				t.Errorf("%s: label %q lacks %q", c.name, s.Label, l)
			}
		}
	}
	// The highest figure is drawn at the top, the lowest lower.
	s := newSparkline("killed", story.Series{History: []story.Version{{Figure: story.Figure{Best: ptr64(10)}}, {Figure: story.Figure{Best: ptr64(100)}}}})
	if s.Points != "3.0,19.2 93.0,3.0" {
		t.Errorf("points %q", s.Points)
	}
}

func TestTallyChart(t *testing.T) {
	s := story.Series{History: []story.Version{
		{Date: "2025-11-18", Figure: story.Figure{Low: ptr64(80), Best: ptr64(80), Counts: []story.Count{
			{Category: "killed", Text: "at least 80 people", Article: "a1", Source: "NBC", Sourcing: "NBC ← two anonymous administration officials"},
			{Category: "killed", Text: "80 dead", Article: "a2", Copy: true},
		}}},
		{Date: "2025-11-20", Figure: story.Figure{Low: ptr64(83), Best: ptr64(83), High: ptr64(83), Counts: []story.Count{
			{Category: "killed", Text: "83", Article: "a3", Source: "Reuters"},
		}}},
	}}
	c := newTallyChart("killed", s, map[string]string{"a2": "Wire copy"})
	if len(c.Points) != 2 {
		t.Fatalf("%d points, want 2", len(c.Points))
	}
	p0, p1 := c.Points[0], c.Points[1]
	if !p0.OpenHigh || p1.OpenHigh {
		t.Errorf("open highs %v %v, want only the first open", p0.OpenHigh, p1.OpenHigh)
	}
	for _, want := range []string{"NBC — NBC ← two anonymous administration officials", "“at least 80 people”", "the article “Wire copy”: “80 dead” (a copy"} {
		if !strings.Contains(p0.Title, want) {
			t.Errorf("first point's title %q lacks %q", p0.Title, want)
		}
	}
	if !strings.Contains(p1.Title, "Reuters: “83”") || !strings.Contains(p1.Title, "83–83 (best 83)") {
		t.Errorf("second point's title %q", p1.Title)
	}
	// 83 on an axis of 100: the dot sits below the top of the plot.
	if p1.Best != "41.8" || c.Axis[len(c.Axis)-1].Label != "100" {
		t.Errorf("best at y=%s, top tick %s", p1.Best, c.Axis[len(c.Axis)-1].Label)
	}
}

func TestSearchWords(t *testing.T) {
	if got := strings.Join(queryWords(`  "Trump," SAYS  -- Méxíco!`), "|"); got != "trump|says|méxíco" {
		t.Errorf("queryWords = %q", got)
	}
	for _, c := range []struct {
		s     string
		words []string
		want  bool
	}{
		{"We will strike, Trump said", []string{"trump", "strike"}, true},
		{"We will strike", []string{"trump", "strike"}, false},
		{"anything", nil, true},
	} {
		if got := containsAll(c.s, c.words); got != c.want {
			t.Errorf("containsAll(%q, %q) = %v", c.s, c.words, got)
		}
	}
	// Every quote the demo search finds holds every word of the query in
	// its text or its speaker's name.
	st := demoStore(t)
	res, err := search(context.Background(), st, "strikes Caribbean")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) == 0 {
		t.Fatal("no article about strikes in the Caribbean")
	}
	for _, q := range res.Quotes {
		if !containsAll(q.Text+" "+q.Speaker, []string{"strikes", "caribbean"}) {
			t.Errorf("quote %q by %q does not hold both words", q.Text, q.Speaker)
		}
	}
	empty, err := search(context.Background(), st, "?!")
	if err != nil || len(empty.Articles)+len(empty.Quotes)+len(empty.Entities) != 0 {
		t.Errorf("punctuation-only search found %+v, %v", empty, err)
	}
}

func TestRuneOffset(t *testing.T) {
	text := "añb€c"
	for _, c := range []struct{ b, want int }{{0, 0}, {1, 1}, {2, 1}, {3, 2}, {4, 3}, {7, 4}, {-5, 0}, {100, 5}} {
		if got := runeOffset(text, c.b); got != c.want {
			t.Errorf("runeOffset(%q, %d) = %d, want %d", text, c.b, got, c.want)
		}
	}
}

func TestTimex(t *testing.T) {
	for _, c := range []struct{ from, until, want string }{
		{"2025-09-01", "2025-11-18", "1 September 2025 – 18 November 2025"},
		{"2025-11-18", "2025-11-18", "18 November 2025"},
		{"", "", ""},
		{"2025-09", "", "from September 2025"},
		{"PAST_REF", "", "from PAST_REF"},
	} {
		if got := timexRange(c.from, c.until); got != c.want {
			t.Errorf("timexRange(%q, %q) = %q, want %q", c.from, c.until, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{{"2025-09", "2025-09-01"}, {"2025-11-18T10:00", "2025-11-18"}, {"2025", "2025-01-01"}, {"P2W", ""}, {"2025-13", ""}} {
		if got := timexDay(c.in); got != c.want {
			t.Errorf("timexDay(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// BenchmarkPages measures the server time of each page on the demo store,
// without the network: go test ./web -run '^$' -bench Pages -benchtime 200x -count 5
func BenchmarkPages(b *testing.B) {
	st := demoStore(b)
	seed := loadSeed(b, st)
	// An editor, so that the review form is served too.
	h := withPrincipal(New(st, quietLog(), Options{}), auth.Principal{User: "bench", Role: auth.Editor})
	pages := []struct{ name, path string }{
		{"overview", "/"},
		{"search", "/search?q=" + url.QueryEscape("Trump strikes")},
		{"story", "/stories/" + seed.story},
		{"incident", "/incidents/" + seed.chained},
		{"entity", "/entities/" + url.PathEscape(seed.speaker)},
		{"article", "/articles/" + seed.article},
		{"facts", "/articles/" + seed.article + "/facts?at=40"},
		{"review-queue", "/review"},
		{"review-form", "/review/" + seed.chained},
		{"audit", "/audit"},
		{"export", "/export"},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, p.path, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("%s: status %d", p.path, w.Code)
				}
			}
		})
	}
}
