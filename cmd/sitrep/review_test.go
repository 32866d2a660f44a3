package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// A reviewer's correction is laid over the incidents computed anew after
// `sitrep reprocess --force`, and the CLI and the export both show it.
func TestReviewSurvivesReprocess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "review.db")
	if code, _, errOut := runCLI(t, "", "--db", path, "ingest", seed); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	page, err := db.Stories(ctx, store.StoryQuery{})
	if err != nil || len(page.Stories) != 1 {
		t.Fatalf("stories: %v, %d", err, len(page.Stories))
	}
	storyID := page.Stories[0].ID
	d, err := api.LoadStory(ctx, db, storyID)
	if err != nil || len(d.Incidents) == 0 {
		t.Fatalf("story: %v, %d incidents", err, len(d.Incidents))
	}
	inc := d.Incidents[0]
	low, modality := int64(75), "unconfirmed"
	if inc.Modality == modality {
		modality = "occurred"
	}
	dec := review.Decision{Action: "correct", Correction: review.Correction{Modality: &modality, Killed: &review.Killed{Low: &low}}}
	if _, err := review.Decide(ctx, db, "edna", inc, dec, 0, time.Now()); err != nil {
		t.Fatal(err)
	}
	db.Close()

	if code, out, errOut := runCLI(t, "", "--db", path, "reprocess", "--force"); code != 0 || !strings.Contains(out, "failed 0") {
		t.Fatalf("reprocess: exit %d: %s %s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, "", "--db", path, "incidents", "--story", storyID, "--format", "json")
	if code != 0 {
		t.Fatalf("incidents: exit %d: %s", code, errOut)
	}
	var incs []review.Incident
	if err := json.Unmarshal([]byte(out), &incs); err != nil {
		t.Fatal(err)
	}
	var got *review.Incident
	for i := range incs {
		if incs[i].ID == inc.ID {
			got = &incs[i]
		}
	}
	if got == nil {
		t.Fatalf("incident %s is gone after reprocess", inc.ID)
	}
	if got.Review == nil || got.Review.State != store.StateCorrected || got.Modality != modality ||
		got.Tally.Killed.Current.Low == nil || *got.Tally.Killed.Current.Low != low {
		t.Errorf("after reprocess: review %+v, modality %s, killed %+v; want the correction", got.Review, got.Modality, got.Tally.Killed.Current)
	}
	if code, out, _ := runCLI(t, "", "--db", path, "incidents", "--story", storyID); code != 0 || !strings.Contains(out, "corrected by edna (version 1), corrected modality, killed") {
		t.Errorf("incidents table does not show the review:\n%s", out)
	}

	code, out, errOut = runCLI(t, "", "--db", path, "export", "--format", "acled", "--story", storyID)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		if r[col["event_id_cnty"]] == inc.ID {
			if r[col["fatalities"]] != "75" || r[col["review_state"]] != "corrected" || r[col["version"]] != "1" {
				t.Errorf("exported row: fatalities %s, state %s, version %s", r[col["fatalities"]], r[col["review_state"]], r[col["version"]])
			}
			return
		}
	}
	t.Errorf("incident %s not exported", inc.ID)
}
