// Package pipeline runs annotators over a Doc in order, and over many
// articles at once on all cores.
//
// A pipeline is a pure function of an article and the models it embeds, so
// running it twice on the same article gives the same layers, and its
// Version, recorded with every stored annotation, says which code and models
// produced them. The pipeline does no I/O: fetching and storing are the
// caller's.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/geo"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/quote"
	"github.com/sitrep/sitrep/sourcing"
	"github.com/sitrep/sitrep/text"
	"github.com/sitrep/sitrep/timex"
)

// Versioned is implemented by annotators whose output can change between
// releases (a retrained model, new rules); the pipeline version includes it.
type Versioned interface {
	Version() string
}

// Pipeline is an ordered list of annotators. It is safe for concurrent use
// as long as its annotators are, which every sitrep annotator is.
type Pipeline struct {
	annotators []sitrep.Annotator
	version    string
}

// New returns a pipeline running the annotators in the order given.
func New(annotators ...sitrep.Annotator) *Pipeline {
	parts := make([]string, len(annotators))
	for i, a := range annotators {
		parts[i] = a.Name()
		if v, ok := a.(Versioned); ok {
			parts[i] += "@" + v.Version()
		}
	}
	return &Pipeline{annotators: annotators, version: strings.Join(parts, "+")}
}

// Default returns sitrep's standard pipeline. Annotators are registered here,
// in the order their inputs require.
func Default() *Pipeline {
	return New(
		text.Annotator{},
		ner.Annotator{},
		timex.Annotator{},
		geo.Annotator{},
		quantity.Annotator{},
		quote.Annotator{},    // speakers are entities
		sourcing.Annotator{}, // reads quotes and points quantities at their sources
		event.Annotator{},    // reads entities, times, places, quantities, quotes and sourcing
	)
}

// Version names the annotators and their versions, e.g. "text+ner@3".
func (p *Pipeline) Version() string { return p.version }

// Run annotates one article. A panicking annotator is turned into an error
// naming it, so that one hostile article cannot stop a batch.
func (p *Pipeline) Run(ctx context.Context, a sitrep.Article) (*sitrep.Doc, error) {
	d := sitrep.NewDoc(a)
	for _, an := range p.annotators {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := annotate(an, d); err != nil {
			return nil, fmt.Errorf("annotate %s: %s: %w", a.URL, an.Name(), err)
		}
	}
	return d, nil
}

func annotate(an sitrep.Annotator, d *sitrep.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return an.Annotate(d)
}

// Result is the outcome of running the pipeline on one article of a batch.
type Result struct {
	Doc *sitrep.Doc
	Err error
}

// RunBatch annotates articles on up to workers goroutines (all cores when
// workers <= 0) and returns the results in the order of the input.
func (p *Pipeline) RunBatch(ctx context.Context, articles []sitrep.Article, workers int) []Result {
	out := make([]Result, len(articles))
	Parallel(ctx, workers, len(articles), func(ctx context.Context, i int) {
		d, err := p.Run(ctx, articles[i])
		out[i] = Result{Doc: d, Err: err}
	})
	return out
}

// Parallel calls fn for i in [0, n) on up to workers goroutines (all cores
// when workers <= 0) and returns when every call has. fn writes its result
// into a slot of the caller's, so results keep the input order.
func Parallel(ctx context.Context, workers, n int, fn func(ctx context.Context, i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(ctx, i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
