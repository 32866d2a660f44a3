package main

import (
	"fmt"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/quote"
	"github.com/sitrep/sitrep/text"
)

type evalQuotesCmd struct {
	Brat    string `help:"Gold data: a directory with text/NAME.txt and attributions/NAME_*.ann (brat stand-off, PARC 3.0 / PolNeAR layout)." xor:"gold" required:"" type:"existingdir"`
	GUM     string `name:"gum" help:"Instead, a directory of GUM .conllu files, whose attribution relations are converted (development data)." xor:"gold" required:"" type:"existingdir"`
	Verbose bool   `help:"Also list each document's gold and predicted counts."`
}

// quoteDoc is one scored document, whatever the gold format.
type quoteDoc struct {
	name, text string
	gold       []eval.BratAttribution
}

func (c *evalQuotesCmd) Run(e *env) error {
	var docs []quoteDoc
	if c.Brat != "" {
		bd, err := eval.ReadBratDir(c.Brat)
		if err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
		for _, d := range bd {
			docs = append(docs, quoteDoc{d.Name, d.Text, d.Attributions})
		}
	} else {
		gd, err := eval.ReadGUMAttributionsDir(c.GUM)
		if err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
		for _, d := range gd {
			docs = append(docs, quoteDoc{d.ID, d.Text, d.Attributions})
		}
	}
	p := pipeline.New(text.Annotator{}, ner.Annotator{}, quote.Annotator{})
	var rep eval.QuoteReport
	cache := map[string][]eval.QuotePrediction{} // several annotators' files share a text
	for _, d := range docs {
		pred, ok := cache[d.text]
		if !ok {
			doc, err := p.Run(e.ctx, sitrep.Article{Text: d.text})
			if err != nil {
				return fmt.Errorf("eval quotes: %s: %w", d.name, err)
			}
			pred = eval.QuotePredictions(doc)
			cache[d.text] = pred
		}
		if c.Verbose {
			fmt.Fprintf(e.stdout, "%s\tgold %d\tpredicted %d\n", d.name, len(d.gold), len(pred))
		}
		rep.Add(d.text, d.gold, pred)
	}
	return rep.WriteText(e.stdout)
}
