package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/event"
)

type evalEventsCmd struct {
	Case        string `name:"case" help:"Gold data: CASE 2021 TSV, id<TAB>EventSnippet<TAB>SubType a line." required:"" type:"existingfile"`
	Predictions string `name:"predictions" help:"Write the predicted labels here, id<TAB>label a line." type:"path"`
	Verbose     bool   `help:"Also list each wrongly labelled snippet: id, gold, predicted, snippet."`
}

// Run classifies each snippet with event.Classify, writes the predictions
// when asked, and prints accuracy, weighted precision, recall and F1 and the
// per-label table.
func (c *evalEventsCmd) Run(e *env) error {
	gold, err := eval.ReadCase(c.Case)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	g := make([]string, len(gold))
	p := make([]string, len(gold))
	for i, s := range gold {
		if err := e.ctx.Err(); err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
		g[i], p[i] = s.Label, event.Classify(s.Text)
	}
	if c.Predictions != "" {
		if err := writeCasePredictions(c.Predictions, gold, p); err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
	}
	if c.Verbose {
		for i, s := range gold {
			if g[i] != p[i] {
				fmt.Fprintf(e.stdout, "%s\tgold %s\tpredicted %s\t%s\n", s.ID, g[i], p[i], s.Text)
			}
		}
	}
	rep, err := eval.ScoreCase(g, p)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	return rep.WriteText(e.stdout)
}

// writeCasePredictions writes id<TAB>label lines to path.
func writeCasePredictions(path string, gold []eval.CaseSnippet, pred []string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("write %s: %w", path, cerr)
		}
	}()
	w := bufio.NewWriter(f)
	for i, s := range gold {
		fmt.Fprintf(w, "%s\t%s\n", s.ID, pred[i])
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
