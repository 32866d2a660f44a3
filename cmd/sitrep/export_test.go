package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// csvRows parses a CSV export into one map per row, checking its header.
func csvRows(t *testing.T, out string, header []string) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	if !slices.Equal(recs[0], header) {
		t.Fatalf("header = %q", recs[0])
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, c := range header {
			m[c] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// decideOn takes a decision on the only incident of a story, at a given time.
func decideOn(t *testing.T, path, storyID string, d review.Decision, at time.Time) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := api.LoadStory(ctx, db, storyID)
	if err != nil || len(s.Incidents) != 1 {
		t.Fatalf("story %s: %v, %d incidents", storyID, err, len(s.Incidents))
	}
	inc := s.Incidents[0]
	if _, err := review.Decide(ctx, db, "ana", inc, d, inc.Review.Version, at); err != nil {
		t.Fatal(err)
	}
}

// TestExportReviewed exports a story of two reports of a strike before and
// after it is corrected and rejected, and as of a time in between.
func TestExportReviewed(t *testing.T) {
	db, storyID := storyDB(t)
	export1 := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, "", append([]string{"--db", db, "export"}, args...)...)
		if code != 0 {
			t.Fatalf("export %q: exit %d\n%s", args, code, errOut)
		}
		return out
	}
	rows := csvRows(t, export1("--format", "acled", "--story", storyID), export.ACLEDHeader())
	if len(rows) != 1 {
		t.Fatalf("%d rows, want the one incident", len(rows))
	}
	r := rows[0]
	for col, want := range map[string]string{
		"event_date": "2025-11-17", "time_precision": "1", "event_type": "Explosions/Remote violence",
		"sub_event_type": "Air/drone strike", "actor1": "United States", "location": "Caribbean Sea",
		"latitude": "15", "longitude": "-75", "geo_precision": "3", "source": "Wire; Daily",
		"fatalities": "4", "number_of_sources": "2", "review_state": "pending", "version": "0",
	} {
		if r[col] != want {
			t.Errorf("before review: %s = %q, want %q", col, r[col], want)
		}
	}
	if !strings.HasPrefix(r["event_id_cnty"], storyID+"-") {
		t.Errorf("event_id_cnty %q is not an incident of %s", r["event_id_cnty"], storyID)
	}

	decideOn(t, db, storyID, review.Decision{Action: "correct", Correction: review.Correction{
		Killed: &review.Killed{Low: ptrTo(int64(5)), Best: ptrTo(int64(6))}}}, time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC))
	rows = csvRows(t, export1("--format", "acled"), export.ACLEDHeader())
	if len(rows) != 1 || rows[0]["fatalities"] != "5" || rows[0]["fatalities_best"] != "6" || rows[0]["review_state"] != "corrected" || rows[0]["version"] != "1" {
		t.Errorf("after the correction: %v", rows)
	}
	decideOn(t, db, storyID, review.Decision{Action: "reject"}, time.Date(2025, 11, 21, 9, 0, 0, 0, time.UTC))
	if rows = csvRows(t, export1("--format", "acled"), export.ACLEDHeader()); len(rows) != 0 {
		t.Errorf("a rejected incident is exported: %v", rows)
	}
	rows = csvRows(t, export1("--format", "acled", "--include-rejected"), export.ACLEDHeader())
	if len(rows) != 1 || rows[0]["review_state"] != "rejected" || rows[0]["version"] != "2" {
		t.Errorf("with --include-rejected: %v", rows)
	}
	// The exports of earlier days, reproduced.
	for _, c := range []struct{ asOf, state, fatalities string }{
		{"2025-11-19", "pending", "4"},
		{"2025-11-20", "corrected", "5"},
		{"2025-11-20T08:59:59Z", "pending", "4"},
	} {
		rows = csvRows(t, export1("--format", "acled", "--as-of", c.asOf), export.ACLEDHeader())
		if len(rows) != 1 || rows[0]["review_state"] != c.state || rows[0]["fatalities"] != c.fatalities {
			t.Errorf("as of %s: %v, want %s with %s killed", c.asOf, rows, c.state, c.fatalities)
		}
	}

	rows = csvRows(t, export1("--format", "ucdp", "--include-rejected"), export.UCDPHeader())
	if len(rows) != 1 || rows[0]["where_prec"] != "7" || rows[0]["low"] != "5" || rows[0]["date_prec"] != "1" {
		t.Errorf("ucdp: %v", rows)
	}
	var fc export.FeatureCollection
	if err := json.Unmarshal([]byte(export1("--format", "geojson", "--include-rejected")), &fc); err != nil || len(fc.Features) != 1 ||
		fc.Features[0].Geometry.Coordinates != [2]float64{-75, 15} {
		t.Errorf("geojson: %v, %+v", err, fc)
	}
	var kinds []string
	sc := bufio.NewScanner(strings.NewReader(export1("--format", "jsonl", "--include-rejected")))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var l export.Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("jsonl line: %v", err)
		}
		kinds = append(kinds, l.Type)
	}
	if strings.Join(kinds, " ") != "article article incident" {
		t.Errorf("jsonl lines = %v", kinds)
	}
	if rows = csvRows(t, export1("--format", "acled", "--since", "2025-11-18"), export.ACLEDHeader()); len(rows) != 0 {
		t.Errorf("--since after the strike: %v", rows)
	}

	// --output writes the same as standard output, and nothing else is
	// left in the directory.
	dir := t.TempDir()
	file := filepath.Join(dir, "out.csv")
	stdout := export1("--format", "acled", "--include-rejected")
	export1("--format", "acled", "--include-rejected", "--output", file)
	if b, err := os.ReadFile(file); err != nil || string(b) != stdout {
		t.Errorf("--output file = %q, %v; want %q", b, err, stdout)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files in the output directory, want 1", len(ents))
	}
}

func ptrTo[T any](v T) *T { return &v }

// TestExportDemo exports every story of the demo corpus in every format
// and reads each back with a CSV or JSON parser.
func TestExportDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, out, errOut := runCLI(t, "", "--db", db, "demo", "--no-serve"); code != 0 {
		t.Fatalf("demo: exit %d\n%s\n%s", code, out, errOut)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	articles, _ := st.Count(ctx)
	page, _ := st.Stories(ctx, store.StoryQuery{Limit: 500})
	st.Close()
	stories := map[string]bool{}
	for _, s := range page.Stories {
		stories[s.ID] = true
	}
	run := func(format string) string {
		code, out, errOut := runCLI(t, "", "--db", db, "export", "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", format, code, errOut)
		}
		return out
	}
	rows := csvRows(t, run("acled"), export.ACLEDHeader())
	if len(rows) == 0 {
		t.Fatal("the demo corpus gives no incidents")
	}
	for _, r := range rows {
		id := r["event_id_cnty"]
		if !review.ValidIncidentID(id) || !stories[review.IncidentStory(id)] {
			t.Errorf("event_id_cnty %q: not an incident of a demo story", id)
		}
		if r["review_state"] != "pending" || r["event_type"] == "" {
			t.Errorf("row %v", r)
		}
	}
	ucdp := csvRows(t, run("ucdp"), export.UCDPHeader())
	if len(ucdp) == 0 || len(ucdp) > len(rows) {
		t.Errorf("%d UCDP rows for %d ACLED rows", len(ucdp), len(rows))
	}
	var fc export.FeatureCollection
	if err := json.Unmarshal([]byte(run("geojson")), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Errorf("geojson: %v, %d features", err, len(fc.Features))
	}
	var arts, incs int
	for line := range bytes.Lines([]byte(run("jsonl"))) {
		var l export.Line
		if err := json.Unmarshal(line, &l); err != nil {
			t.Fatalf("jsonl: %v", err)
		}
		switch {
		case l.Type == "article" && l.Article != nil:
			arts++
		case l.Type == "incident" && l.Incident != nil:
			incs++
		default:
			t.Errorf("jsonl line of type %q", l.Type)
		}
	}
	if arts != articles || incs != len(rows) {
		t.Errorf("jsonl: %d articles, %d incidents; want %d and %d", arts, incs, articles, len(rows))
	}
	t.Logf("demo: %d articles, %d stories, %d incidents (%d UCDP events, %d with coordinates)", articles, len(stories), len(rows), len(ucdp), len(fc.Features))
}

func TestExportErrors(t *testing.T) {
	db, _ := storyDB(t)
	missing := filepath.Join(t.TempDir(), "typo.db")
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--format", "xlsx"}, 1, `--format "xlsx": not one of acled, ucdp, jsonl, geojson`},
		{[]string{"--format", "acled", "--since", "last week"}, 1, `--since "last week"`},
		{[]string{"--format", "acled", "--as-of", "yesterday"}, 1, `--as-of "yesterday"`},
		{[]string{"--format", "acled", "--story", "'; DROP TABLE stories"}, 1, "--story"},
		{[]string{"--format", "acled", "--story", "s0123456789abcdef"}, 1, "--story s0123456789abcdef: not in"},
		{[]string{"--format", "acled", "--output", filepath.Join(t.TempDir(), "no", "such", "dir", "x.csv")}, 1, "--output"},
		{[]string{}, 2, "--format"},
	} {
		code, _, errOut := runCLI(t, "", append([]string{"--db", db, "export"}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.says) {
			t.Errorf("export %q: exit %d, %q; want %d and %q", c.args, code, errOut, c.code, c.says)
		}
	}
	if code, _, errOut := runCLI(t, "", "--db", missing, "export", "--format", "acled"); code != 1 || !strings.Contains(errOut, "ingest articles first") {
		t.Errorf("missing database: exit %d, %q", code, errOut)
	}
}
