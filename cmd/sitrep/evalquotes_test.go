package main

import (
	"strings"
	"testing"
)

// TestEvalQuotes scores the quote annotator on eval's brat fixture: three
// (text, annotator) documents whose gold the annotator mostly finds.
func TestEvalQuotes(t *testing.T) {
	code, out, errOut := runCLI(t, "", "eval", "quotes", "--brat", "../../eval/testdata/brat", "--verbose")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"kamsar_a\tgold 3\t",
		"quotes: 3 documents",
		"content exact                 8 ",
		"content overlap",
		"direct speaker",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := runCLI(t, "", "eval", "quotes", "--brat", t.TempDir()); code == 0 || !strings.Contains(errOut, "no text/*.txt") {
		t.Errorf("empty directory: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "eval", "quotes"); code == 0 {
		t.Error("no gold directory: exit 0")
	}
}
