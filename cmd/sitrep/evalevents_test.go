package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalEvents(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.tsv")
	const snippets = "a\tA drone strike hit a house in Baidoa. 2 fatalities.\tAIR_STRIKE\n" +
		"b\tPolice arrested 12 opposition supporters in Harare.\tARREST\n" +
		"c\tThe foreign ministers of two neighbours met for talks in Addis Ababa.\tDIPLO\n"
	if err := os.WriteFile(gold, []byte(snippets), 0o644); err != nil {
		t.Fatal(err)
	}
	preds := filepath.Join(dir, "out", "pred.tsv")
	if err := os.MkdirAll(filepath.Dir(preds), 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "eval", "events", "--case", gold, "--predictions", preds)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"snippets 3,", "accuracy", "weighted precision", "F1", "AIR_STRIKE"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(preds)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("predictions %q, want 3 lines", b)
	}
	for i, id := range []string{"a", "b", "c"} {
		f := strings.Split(lines[i], "\t")
		if len(f) != 2 || f[0] != id || f[1] == "" {
			t.Errorf("prediction line %d %q, want %s<TAB>label", i+1, lines[i], id)
		}
	}
}

func TestEvalEventsBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("a\tA drone strike.\tAIR_STRIKE\nb\tno label here\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"wrong number of fields", []string{"eval", "events", "--case", bad}, "bad.tsv:2"},
		{"missing file", []string{"eval", "events", "--case", filepath.Join(dir, "none.tsv")}, "none.tsv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", tt.args...)
			if code == 0 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q: want a failure naming %q", code, errOut, tt.want)
			}
		})
	}
}
