package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/story"
)

func TestIncidents(t *testing.T) {
	db, storyID := storyDB(t)
	code, out, errOut := runCLI(t, "", "--db", db, "incidents", "--story", strings.ToUpper(storyID), "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var incs []story.Incident
	if err := json.Unmarshal([]byte(out), &incs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(incs) == 0 {
		t.Fatal("no incidents from two reports of a strike")
	}
	reports := 0
	for _, inc := range incs {
		if !strings.HasPrefix(inc.ID, storyID+"-") {
			t.Errorf("incident %s is not of story %s", inc.ID, storyID)
		}
		reports += len(inc.Reports)
	}
	if reports != 2 {
		t.Errorf("%d reports in all, want 2", reports)
	}

	code, out, _ = runCLI(t, "", "--db", db, "incidents", "--story", storyID)
	if code != 0 {
		t.Fatalf("table: exit %d", code)
	}
	for _, want := range []string{storyID, "Air/drone strike, occurred", "at Caribbean Sea", "2025-11-18 Wire: \"struck\"",
		"2025-11-19 Daily", "US forces struck a boat"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}
