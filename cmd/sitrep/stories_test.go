package main

import (
	"context"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// strikeReport is one hand-annotated report of a boat strike: the story
// commands are tested on known layers, not on what the annotators find.
func strikeReport(t *testing.T, source, killed string, n int64, published time.Time) *sitrep.Doc {
	t.Helper()
	text := "US forces struck a boat in the Caribbean on Monday, killing " + killed + ", officials said."
	span := func(s string) sitrep.Span {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("fixture: no %q", s)
		}
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	art := sitrep.Article{URL: "https://" + strings.ToLower(source) + ".example/strike", Source: source,
		Title: source + ": strike on a boat", Text: text, Language: "en", Published: published}
	art.ID = sitrep.ContentID(art.Title, art.Text)
	d := sitrep.NewDoc(art)
	lat, lon := 15.0, -75.0
	zero := 0
	d.Entities = []sitrep.Entity{{Span: span("US"), Text: "US", Type: "LOC", Name: "United States", Key: "loc:united states"}}
	d.Places = []sitrep.Place{{Span: span("the Caribbean"), Text: "the Caribbean", Name: "Caribbean Sea", Kind: "sea", ID: "3996596386", Lat: &lat, Lon: &lon}}
	d.Times = []sitrep.Time{{Span: span("Monday"), Text: "Monday", Type: "DATE", Value: "2025-11-17"}}
	d.Quantities = []sitrep.Quantity{{Span: span(killed), Text: killed, Low: &n, High: &n, Qualifier: "exact", Unit: "people", Category: "killed"}}
	d.Events = []sitrep.Event{{Span: span("struck"), Text: "struck", Type: "Explosions/Remote violence", Subtype: "Air/drone strike",
		Plover: "ASSAULT", Cameo: "195", Modality: "occurred",
		Actor: &sitrep.Mention{Span: span("US forces"), Text: "US forces", Name: "United States", Key: "loc:united states"},
		Place: &zero, Time: &zero, Counts: []int{0}}}
	return d
}

// storyDB writes a database holding one story of two reports of a strike,
// a day apart from two outlets, and returns its path and the story's ID.
func storyDB(t *testing.T) (path, storyID string) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "stories.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	docs := []*sitrep.Doc{
		strikeReport(t, "Wire", "three people", 3, time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)),
		strikeReport(t, "Daily", "four people", 4, time.Date(2025, 11, 19, 0, 0, 0, 0, time.UTC)),
	}
	storyID = "s" + docs[0].ID
	for _, d := range docs {
		if _, err := db.Put(ctx, &store.Record{Doc: d, Raw: []byte(d.Text), ContentType: "text/plain", Pipeline: "test"}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutMembership(ctx, store.Membership{Article: d.ID, Story: storyID}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutLinks(ctx, d.ID, []store.EntityLink{{Article: d.ID, Local: "loc:united states",
			Global: "loc:united-states", Name: "United States", Type: "LOC"}}); err != nil {
			t.Fatal(err)
		}
	}
	return path, storyID
}

func TestStories(t *testing.T) {
	db, storyID := storyDB(t)
	code, out, errOut := runCLI(t, "", "--db", db, "stories")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "STORY") {
		t.Fatalf("table:\n%s", out)
	}
	for _, want := range []string{storyID, "2025-11-18", "2025-11-19", "Wire: strike on a boat"} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("row lacks %q: %s", want, lines[1])
		}
	}

	code, out, _ = runCLI(t, "", "--db", db, "stories", "--format", "json", "--limit", "1")
	var l api.StoryList
	if err := json.Unmarshal([]byte(out), &l); code != 0 || err != nil {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if len(l.Stories) != 1 || l.Stories[0].ID != storyID || l.Stories[0].Reports != 2 || l.Stories[0].Sources != 2 {
		t.Errorf("json = %+v", l)
	}
}

func TestStoryCommandErrors(t *testing.T) {
	db, _ := storyDB(t)
	missing := filepath.Join(t.TempDir(), "typo.db")
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--db", db, "incidents", "--story", "s0123456789abcdef"}, 1, "story s0123456789abcdef: not in"},
		{[]string{"--db", db, "tally", "--story", "s0123456789abcdef"}, 1, "see sitrep stories"},
		{[]string{"--db", db, "tally", "--story", "'; DROP TABLE stories"}, 1, "not a story ID"},
		{[]string{"--db", db, "incidents"}, 2, "--story"},
		{[]string{"--db", db, "stories", "--limit", "0"}, 1, "--limit 0"},
		{[]string{"--db", db, "stories", "--format", "xml"}, 2, "format"},
		{[]string{"--db", missing, "stories"}, 1, "ingest articles first"},
		{[]string{"--db", missing, "reprocess"}, 1, "ingest articles first"},
	} {
		code, _, errOut := runCLI(t, "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.says) {
			t.Errorf("sitrep %q: exit %d, %q; want %d and %q", c.args, code, errOut, c.code, c.says)
		}
	}
}

// TestAQUAINTStoryThroughCLI ingests the AQUAINT TimeML reports (AP, New
// York Times and Xinhua, August 1998 onwards) as JSON articles, then follows
// the embassy-bombing story through stories, incidents and tally, as a
// reader would.
func TestAQUAINTStoryThroughCLI(t *testing.T) {
	dir := shareddata.Path(t, "timex/tbaq/AQUAINT")
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(files) == 0 {
		t.Skipf("no AQUAINT files in %s", dir)
	}
	in := t.TempDir()
	outlets := map[string]string{"APW": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua"}
	tag := regexp.MustCompile(`<[^>]*>`)
	field := func(s, name string) string {
		m := regexp.MustCompile(`(?s)<` + name + `[^>]*>(.*?)</` + name + `>`).FindStringSubmatch(s)
		if m == nil {
			return ""
		}
		return m[1]
	}
	first := ""
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		id := strings.TrimSpace(field(s, "DOCID"))
		date := regexp.MustCompile(`value="(\d{4}-\d{2}-\d{2})`).FindStringSubmatch(field(s, "DCT"))
		var paras []string
		for _, p := range regexp.MustCompile(`\n\s*\n`).Split(html.UnescapeString(tag.ReplaceAllString(field(s, "TEXT"), "")), -1) {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				paras = append(paras, p)
			}
		}
		if id == "" || date == nil || len(paras) == 0 {
			t.Fatalf("%s: not the TimeML expected", f)
		}
		doc, _ := json.Marshal(map[string]string{"url": "https://aquaint.example/" + id, "source": outlets[id[:3]],
			"title": strings.TrimSpace(tag.ReplaceAllString(field(s, "TITLE"), "")), "published": date[1],
			"text": strings.Join(paras, "\n"), "language": "en"})
		if err := os.WriteFile(filepath.Join(in, id+".json"), doc, 0o644); err != nil {
			t.Fatal(err)
		}
		if id == "APW19980807.0261" { // "Explosions rock U.S. embassies in Tanzania, Kenya"
			first = "https://aquaint.example/" + id
		}
	}
	if first == "" {
		t.Skip("the first embassy-bombing report is not in this AQUAINT copy")
	}
	db := filepath.Join(t.TempDir(), "aquaint.db")
	if code, out, errOut := runCLI(t, "", "--db", db, "ingest", in); code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ := runCLI(t, "", "--db", db, "stories", "--format", "json", "--limit", "500")
	var list api.StoryList
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil {
		t.Fatalf("stories: exit %d, %v", code, err)
	}
	var embassy api.StorySummary
	for _, s := range list.Stories {
		if s.Title == "Explosions rock U.S. embassies in Tanzania, Kenya" {
			embassy = s
		}
	}
	t.Logf("%d articles in %d stories; embassy bombings: %+v", len(files), len(list.Stories), embassy)
	if embassy.Reports < 10 || embassy.Sources < 3 {
		t.Errorf("embassy-bombing story = %+v; want most of the reports, from AP, the New York Times and Xinhua", embassy)
	}
	for _, cmd := range []string{"incidents", "tally"} {
		code, out, errOut := runCLI(t, "", "--db", db, cmd, "--story", embassy.ID)
		if code != 0 || !strings.Contains(out, "Explosions rock U.S. embassies") {
			t.Errorf("%s: exit %d\n%s\n%s", cmd, code, out, errOut)
		}
	}
	code, out, _ = runCLI(t, "", "--db", db, "tally", "--story", embassy.ID)
	if code != 0 || !strings.Contains(out, "killed, day by day:") || !strings.Contains(out, "1998-08-07") {
		t.Errorf("tally has no day-by-day toll from 7 August 1998:\n%s", out)
	}
}
