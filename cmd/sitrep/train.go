package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/ner"
)

type trainCmd struct {
	NER trainNERCmd `cmd:"" name:"ner" help:"Train the entity tagger on CoNLL-2003-style data."`
}

type trainNERCmd struct {
	Train  string `help:"Training data: one \"token TAG\" pair a line, BIO, blank line between sentences." required:"" type:"existingfile"`
	Dev    string `help:"Development data in the same form; the epoch that scores best on it is kept." type:"existingfile"`
	Out    string `help:"Where to write the model." required:"" type:"path"`
	Epochs int    `help:"Passes over the training data." default:"${ner_epochs}"`
	Seed   uint64 `help:"Shuffling seed; the same seed and data give the same model." default:"${ner_seed}"`
}

func (c *trainNERCmd) Run(e *env) error {
	train, err := readCoNLL(c.Train)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	opt := ner.TrainOptions{Epochs: c.Epochs, Seed: c.Seed}
	if c.Dev != "" {
		dev, err := readCoNLL(c.Dev)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opt.Dev = func(t *ner.Tagger) float64 {
			rep, err := scoreTagger(t, dev)
			if err != nil { // cannot happen: the tagger keeps sentence lengths
				fmt.Fprintln(e.stderr, "train ner: scoring dev:", err)
				return 0
			}
			return rep.Overall.F1()
		}
	}
	start := time.Now()
	opt.Progress = func(stage, epoch int, f1 float64, corrected int) {
		fmt.Fprintf(e.stderr, "stage %d epoch %2d: %5d sentences corrected, dev F1 %.4f, %s\n",
			stage, epoch, corrected, f1, time.Since(start).Round(time.Second))
	}
	t, err := ner.Train(toExamples(train), opt)
	if err != nil {
		return err
	}
	f, err := os.Create(c.Out)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if err := t.Save(f); err != nil {
		f.Close()
		return fmt.Errorf("train ner: write %s: %w", c.Out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train ner: write %s: %w", c.Out, err)
	}
	fmt.Fprintf(e.stdout, "wrote %s in %s (%d cores)\n", c.Out, time.Since(start).Round(time.Second), runtime.GOMAXPROCS(0))
	return nil
}

func readCoNLL(path string) ([]eval.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := eval.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// toExamples groups labelled sentences into documents of examples.
func toExamples(s []eval.Sentence) [][]ner.Example {
	var out [][]ner.Example
	for _, doc := range eval.Documents(s) {
		ex := make([]ner.Example, len(doc))
		for i, x := range doc {
			ex[i] = ner.Example{Words: x.Words, Tags: x.Tags}
		}
		out = append(out, ex)
	}
	return out
}
