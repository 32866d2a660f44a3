package main

import (
	"fmt"
	"os"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/text"
)

type evalNERCmd struct {
	CoNLL       string `name:"conll" help:"Gold data: one \"token TAG\" pair a line, BIO, blank line between sentences." xor:"gold" required:"" type:"existingfile"`
	GUM         string `name:"gum" help:"Instead, a directory of GUM .conllu files: report the recall of their named person, place and organization mentions." xor:"gold" required:"" type:"existingdir"`
	Model       string `help:"Score this model file instead of the embedded one." type:"existingfile"`
	Predictions string `help:"Also write \"token gold predicted\" lines here, for conlleval." type:"path"`
}

func (c *evalNERCmd) Run(e *env) error {
	t := ner.Default()
	if c.Model != "" {
		f, err := os.Open(c.Model)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		t, err = ner.Load(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("eval ner: %s: %w", c.Model, err)
		}
	}
	if c.GUM != "" {
		return c.runGUM(e, t)
	}
	gold, err := readCoNLL(c.CoNLL)
	if err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	pred := tagAll(t, gold)
	rep, err := eval.ScoreNER(goldTags(gold), pred)
	if err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	if c.Predictions != "" {
		f, err := os.Create(c.Predictions)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		if err := eval.WritePredictions(f, gold, pred); err != nil {
			f.Close()
			return fmt.Errorf("eval ner: write %s: %w", c.Predictions, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("eval ner: write %s: %w", c.Predictions, err)
		}
	}
	return rep.WriteText(e.stdout)
}

// tagAll tags the sentences document by document and returns their tags in
// the order of s.
func tagAll(t *ner.Tagger, s []eval.Sentence) [][]string {
	var docs [][][]string
	for _, doc := range eval.Documents(s) {
		words := make([][]string, len(doc))
		for i, x := range doc {
			words[i] = x.Words
		}
		docs = append(docs, words)
	}
	out := make([][]string, 0, len(s))
	for _, d := range t.TagDocuments(docs) {
		out = append(out, d...)
	}
	return out
}

func goldTags(s []eval.Sentence) [][]string {
	out := make([][]string, len(s))
	for i, x := range s {
		out[i] = x.Tags
	}
	return out
}

func scoreTagger(t *ner.Tagger, s []eval.Sentence) (eval.NERReport, error) {
	return eval.ScoreNER(goldTags(s), tagAll(t, s))
}

// runGUM tags each GUM document's text as sitrep tags an article (its own
// tokenizer and sentence splitter) and scores recall of the named mentions.
func (c *evalNERCmd) runGUM(e *env, t *ner.Tagger) error {
	if c.Predictions != "" {
		return fmt.Errorf("eval ner: --predictions needs --conll")
	}
	docs, err := eval.ReadGUMDir(c.GUM)
	if err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	p := pipeline.New(text.Annotator{}, ner.Annotator{Tagger: t})
	var runErr error
	rep := eval.ScoreGUM(docs, func(g eval.GUMDoc) []sitrep.Entity {
		d, err := p.Run(e.ctx, sitrep.Article{Text: g.Text})
		if err != nil {
			runErr = err
			return nil
		}
		return d.Entities
	})
	if runErr != nil {
		return fmt.Errorf("eval ner: %w", runErr)
	}
	return rep.WriteText(e.stdout)
}
