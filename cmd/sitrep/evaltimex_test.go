package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalTimex(t *testing.T) {
	fixture := filepath.Join("..", "..", "eval", "testdata", "timeml")
	code, out, errOut := runCLI(t, "", "eval", "timex", "--timeml", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"documents 2, gold timexes 6", "strict span", "relaxed span", "value"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}

	code, out, errOut = runCLI(t, "", "eval", "timex", "--verbose", "--timeml", filepath.Join(fixture, "sub"))
	if code != 0 {
		t.Fatalf("--verbose: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "documents 1,") {
		t.Errorf("--verbose report:\n%s", out)
	}

	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("no TimeML here"), 0o644)
	if code, _, errOut := runCLI(t, "", "eval", "timex", "--timeml", empty); code == 0 || !strings.Contains(errOut, "no .tml files") {
		t.Errorf("directory without .tml: exit %d, stderr %q", code, errOut)
	}
}
