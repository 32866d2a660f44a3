package event

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/eval"
)

var updateModel = flag.Bool("update-model", false, "retrain the snippet classifier and rewrite model/case.tsv.gz")

// modelEpochs is how many passes training makes over the snippets.
const modelEpochs = 6

// caseDir holds the development snippets (eval/testdata/case).
var caseDir = filepath.Join("..", "eval", "testdata", "case")

// readCaseFiles reads the named CASE files of caseDir, skipping the test
// when one is absent.
func readCaseFiles(t *testing.T, names ...string) []eval.CaseSnippet {
	t.Helper()
	var out []eval.CaseSnippet
	for _, n := range names {
		p := filepath.Join(caseDir, n)
		if _, err := os.Stat(p); err != nil {
			t.Skipf("development snippets not found: %v", err)
		}
		s, err := eval.ReadCase(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s...)
	}
	return out
}

func split(snips []eval.CaseSnippet) (texts, labels []string) {
	for _, s := range snips {
		texts = append(texts, s.Text)
		labels = append(labels, s.Label)
	}
	return texts, labels
}

func TestLabelsMatchEval(t *testing.T) {
	if got, want := strings.Join(caseLabels, " "), strings.Join(eval.CaseLabels(), " "); got != want {
		t.Errorf("event's labels\n%s\neval's\n%s", got, want)
	}
}

// TestCaseModelReproducible retrains the classifier on tune.tsv and
// plover.tsv (never check.tsv) and checks that this gives the embedded
// model byte for byte; with -update-model it rewrites the file instead.
func TestCaseModelReproducible(t *testing.T) {
	texts, labels := split(readCaseFiles(t, "tune.tsv", "plover.tsv"))
	m, err := trainCaseModel(texts, labels, modelEpochs)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.write(&b); err != nil {
		t.Fatal(err)
	}
	if *updateModel {
		if err := os.WriteFile(filepath.Join("model", "case.tsv.gz"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b.Bytes(), embeddedModel) {
		t.Error("retraining does not give the embedded model: run go generate ./event")
	}
}

// TestCaseModelCrossValidation estimates how the classifier does on
// snippets it was not trained on: five folds of tune.tsv, each scored by a
// model trained on the other four and plover.tsv. The floor guards against
// a change that breaks the features; the figure itself is in the log.
func TestCaseModelCrossValidation(t *testing.T) {
	if testing.Short() {
		t.Skip("trains five models")
	}
	tune := readCaseFiles(t, "tune.tsv")
	plover := readCaseFiles(t, "plover.tsv")
	const folds = 5
	var gold, pred []string
	for k := range folds {
		var train, test []eval.CaseSnippet
		for i, s := range tune {
			if i%folds == k {
				test = append(test, s)
			} else {
				train = append(train, s)
			}
		}
		texts, labels := split(append(train, plover...))
		m, err := trainCaseModel(texts, labels, modelEpochs)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range test {
			gold = append(gold, s.Label)
			pred = append(pred, m.predict(snippetFeatures(s.Text)))
		}
	}
	r, err := eval.ScoreCase(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	rules := make([]string, len(tune))
	for i, s := range tune {
		rules[i] = classifyRules(newSnippet(s.Text))
	}
	tuneGold := make([]string, len(tune))
	for i, s := range tune {
		tuneGold[i] = s.Label
	}
	rr, err := eval.ScoreCase(tuneGold, rules)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("5-fold cross-validation on tune.tsv: accuracy %.3f, weighted F1 %.3f (the rules alone, untrained: accuracy %.3f, weighted F1 %.3f)", r.Accuracy, r.F1, rr.Accuracy, rr.F1)
	if r.F1 < 0.6 {
		t.Errorf("cross-validated weighted F1 %.3f, below 0.6", r.F1)
	}
}
