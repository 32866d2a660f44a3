package main

import (
	"fmt"

	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/eval"
)

type evalCmd struct {
	Extract evalExtractCmd `cmd:"" help:"Score main-text extraction on the Zyte article-extraction benchmark."`
	NER     evalNERCmd     `cmd:"" name:"ner" help:"Score the entity tagger on CoNLL-2003-style data (conlleval's exact-span precision, recall, F1)."`
	Geo     evalGeoCmd     `cmd:"" name:"geo" help:"Score place resolution on GeoVirus: accuracy within 161 km, error in km, and place-name precision, recall, F1."`
	Quotes  evalQuotesCmd  `cmd:"" name:"quotes" help:"Score the quote annotator on brat attribution gold (content and speaker precision, recall, F1; direct quotes apart)."`
	Timex   evalTimexCmd   `cmd:"" name:"timex" help:"Score the timex annotator on TempEval-3 TimeML (strict and relaxed span F1, value F1)."`
	Events  evalEventsCmd  `cmd:"" name:"events" help:"Score event classification on CASE 2021 snippets (accuracy, weighted precision, recall, F1, per label)."`
}

type evalExtractCmd struct {
	Zyte    string `help:"Benchmark directory: ground-truth.json beside html/<id>.html.gz." required:"" type:"existingdir"`
	Verbose bool   `help:"Also list each item's scores and failures."`
}

func (c *evalExtractCmd) Run(e *env) error {
	report, err := eval.EvalZyte(e.ctx, c.Zyte, func(html []byte, url string) (string, error) {
		a, err := article.Parse(article.Input{Body: html, URL: url, ContentType: "text/html"})
		return a.Text, err
	})
	if err != nil {
		return fmt.Errorf("eval extract: %w", err)
	}
	if c.Verbose {
		for _, it := range report.Items {
			line := fmt.Sprintf("%s\tP %.3f\tR %.3f\tF1 %.3f", it.ID, it.Precision, it.Recall, it.F1)
			if it.Err != nil {
				line += "\terror: " + it.Err.Error()
			}
			fmt.Fprintln(e.stdout, line)
		}
	}
	return report.WriteText(e.stdout)
}
