package ner

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/text"
)

// BenchmarkAnnotate measures tokenization plus tagging and linking, the
// issue's speed target, over the texts of the demo corpus.
func BenchmarkAnnotate(b *testing.B) {
	texts := demoTexts(b)
	Default()
	tokens := 0
	for _, s := range texts {
		tokens += len(text.Tokenize(s))
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			d := sitrep.NewDoc(sitrep.Article{Text: s})
			text.Annotator{}.Annotate(d)
			Annotator{}.Annotate(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTag measures the tagger alone on pre-tokenized sentences.
func BenchmarkTag(b *testing.B) {
	var docs [][][]string
	tokens := 0
	for _, s := range demoTexts(b) {
		toks := text.Tokenize(s)
		var doc [][]string
		for _, sp := range text.Sentences(s, toks) {
			var words []string
			for _, tk := range toks {
				if sp.Contains(tk.Span) {
					words = append(words, tk.In(s))
				}
			}
			doc = append(doc, words)
			tokens += len(words)
		}
		docs = append(docs, doc)
	}
	t := Default()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			t.TagDocument(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad decodes the embedded model and the word lists it needs
// (the gazetteer included), as the first Default call does.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

func demoTexts(tb testing.TB) []string {
	tb.Helper()
	arts, err := demo.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, a := range arts {
		out = append(out, string(a.Body))
	}
	return out
}

// BenchmarkOneLine tags texts that are one line with no sentence end, of
// growing size: the time per byte must stay flat (no quadratic step), which
// the ns/B column shows.
func BenchmarkOneLine(b *testing.B) {
	unit := "Gen. Ahmed al-Rashid of Aleppo told Reuters in Mexico City that Donald Trump "
	Default()
	for _, mb := range []int{1, 4, 16} {
		s := strings.Repeat(unit, mb<<20/len(unit))
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				d := sitrep.NewDoc(sitrep.Article{Text: s})
				text.Annotator{}.Annotate(d)
				Annotator{}.Annotate(d)
			}
		})
	}
}
