package main

import (
	"fmt"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/text"
	"github.com/sitrep/sitrep/timex"
)

type evalTimexCmd struct {
	TimeML  []string `name:"timeml" help:"Directory of TempEval-3 TimeML files (*.tml, read recursively); repeat to pool several." required:"" type:"existingdir" sep:"none"`
	Verbose bool     `help:"Also list missed, spurious and mis-normalized timexes per file."`
}

func (c *evalTimexCmd) Run(e *env) error {
	var docs []eval.TimeMLDoc
	for _, dir := range c.TimeML {
		d, err := eval.ReadTimeMLDir(dir)
		if err != nil {
			return fmt.Errorf("eval timex: %w", err)
		}
		docs = append(docs, d...)
	}
	sys, err := annotateTimeML(docs)
	if err != nil {
		return fmt.Errorf("eval timex: %w", err)
	}
	rep, err := eval.ScoreTimex(docs, sys)
	if err != nil {
		return fmt.Errorf("eval timex: %w", err)
	}
	if c.Verbose {
		if err := rep.WriteMismatches(e.stdout); err != nil {
			return err
		}
	}
	return rep.WriteText(e.stdout)
}

// annotateTimeML runs tokenization and the timex annotator over each
// document's <TEXT>, published at its creation time. The entity tagger is
// not run: timex does not read entities.
func annotateTimeML(docs []eval.TimeMLDoc) ([][]sitrep.Time, error) {
	out := make([][]sitrep.Time, len(docs))
	for i, g := range docs {
		d := sitrep.NewDoc(sitrep.Article{Text: g.Text, Published: g.DCT})
		if err := (text.Annotator{}).Annotate(d); err != nil {
			return nil, fmt.Errorf("%s: %w", g.ID, err)
		}
		if err := (timex.Annotator{}).Annotate(d); err != nil {
			return nil, fmt.Errorf("%s: %w", g.ID, err)
		}
		out[i] = d.Times
	}
	return out, nil
}
