package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/story"
)

func TestTally(t *testing.T) {
	db, storyID := storyDB(t)
	code, out, errOut := runCLI(t, "", "--db", db, "tally", "--story", storyID, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var tally story.Tally
	if err := json.Unmarshal([]byte(out), &tally); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	killed := tally.Killed
	if len(killed.History) == 0 || len(killed.Current.Counts) == 0 {
		t.Fatalf("killed = %+v, want the two reports' tolls", killed)
	}

	code, out, _ = runCLI(t, "", "--db", db, "tally", "--story", storyID)
	if code != 0 {
		t.Fatalf("table: exit %d", code)
	}
	// The table a reader follows: the current figures, then each day's
	// version with the outlets behind it.
	for _, want := range []string{"CATEGORY", "LOW", "BEST", "HIGH", "killed", "wounded", "strikes",
		"killed, day by day:", "2025-11-19", "\"four people\" — Daily"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}
