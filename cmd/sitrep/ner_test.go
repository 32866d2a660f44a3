package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small CoNLL file: two documents, each a headline, a dateline and a
// sentence, as CoNLL-2003 lays them out.
const conllFixture = `EU B-ORG
rejects O
German B-MISC
call O

BRUSSELS B-LOC
1996-08-22 O

Peter B-PER
Blackburn I-PER
said O
the O
European B-ORG
Commission I-ORG
met O
in O
Brussels B-LOC
. O

JAPAN B-LOC
WINS O

TOKYO B-LOC
1996-08-23 O

Japan B-LOC
beat O
Syria B-LOC
. O
`

func TestEvalNER(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.txt")
	os.WriteFile(gold, []byte(conllFixture), 0o644)
	pred := filepath.Join(dir, "pred.txt")

	code, out, errOut := runCLI(t, "", "eval", "ner", "--conll", gold, "--predictions", pred)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"processed 24 tokens with 10 phrases", "FB1:", "PER: precision:"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(pred)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if first := strings.Fields(lines[0]); len(first) != 3 || first[0] != "EU" || first[1] != "B-ORG" {
		t.Errorf("predictions start with %q, want \"EU B-ORG <predicted>\"", lines[0])
	}
	if blanks := strings.Count(string(b), "\n\n"); blanks != 6 {
		t.Errorf("%d blank lines between sentences, want 6 (one after each)", blanks)
	}

	if code, _, errOut := runCLI(t, "", "eval", "ner", "--conll", filepath.Join(dir, "missing.txt")); code == 0 || !strings.Contains(errOut, "missing.txt") {
		t.Errorf("missing gold file: exit %d, stderr %q", code, errOut)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("EU B-ORG\nrejects X-Y\n"), 0o644)
	if code, _, errOut := runCLI(t, "", "eval", "ner", "--conll", bad); code == 0 || !strings.Contains(errOut, "line 2") {
		t.Errorf("malformed gold file: exit %d, stderr %q", code, errOut)
	}
}

// TestTrainNER trains on the small fixture and scores the model it wrote:
// the commands fit together, whatever the model learns from 4 sentences.
func TestTrainNER(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.txt")
	os.WriteFile(gold, []byte(conllFixture), 0o644)
	model := filepath.Join(dir, "tiny.model")
	code, out, errOut := runCLI(t, "", "train", "ner", "--train", gold, "--dev", gold, "--out", model, "--epochs", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "wrote "+model) || !strings.Contains(errOut, "stage 2 epoch  1") {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	code, out, errOut = runCLI(t, "", "eval", "ner", "--conll", gold, "--model", model)
	if code != 0 || !strings.Contains(out, "processed 24 tokens") {
		t.Errorf("eval of the trained model: exit %d, %s %s", code, out, errOut)
	}
	notModel := filepath.Join(dir, "not.model")
	os.WriteFile(notModel, []byte("hello"), 0o644)
	if code, _, errOut := runCLI(t, "", "eval", "ner", "--conll", gold, "--model", notModel); code == 0 || !strings.Contains(errOut, "not a sitrep entity model") {
		t.Errorf("bad model: exit %d, stderr %q", code, errOut)
	}
}
