package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
)

// Tagger finds names in tokenized sentences. It is safe for concurrent use.
type Tagger struct {
	// The first stage tags each sentence alone; the second tags it again
	// knowing what the first found in the whole document. m2 is nil while
	// training the first stage.
	m1, m2 *model
	f      featurizer
	pool   sync.Pool // *work
}

// work is one goroutine's scratch space, reused between sentences.
type work struct {
	s      scratch
	sc     [][nLabels]float32
	back   [][nLabels]uint8
	labels []int
	from   []int32 // training only: where each token's kept features start
}

func newTagger(m1, m2 *model, lex *lexicons) *Tagger {
	t := &Tagger{m1: m1, m2: m2, f: featurizer{lex: lex}}
	t.pool.New = func() any { return new(work) }
	return t
}

//go:embed model/ner.model
var embedded []byte

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	return Load(bytes.NewReader(embedded))
})

// Default returns the tagger trained on CoNLL-2003 that ships with sitrep.
// The model is decoded on first use.
func Default() *Tagger {
	t, err := defaultTagger()
	if err != nil {
		// The embedded model is built and tested with this code; failing
		// to read it is a build defect, not an input error.
		panic(fmt.Sprintf("ner: embedded model: %v", err))
	}
	return t
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Tagger, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	m1, m2, err := loadModels(data)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	return newTagger(m1, m2, defaultLexicon()), nil
}

// Save writes the model so that Load reads it back.
func (t *Tagger) Save(w io.Writer) error { return saveModels(w, t.m1, t.m2) }

// Tag returns the BIO tag of each word of one sentence: "B-PER", "I-PER",
// "B-ORG", "B-LOC", "B-MISC", ... or "O". Words are tokens in the CoNLL-2003
// style that package text produces. The tags are shared strings. A sentence
// of a longer document is better tagged with TagDocument.
func (t *Tagger) Tag(words []string) []string {
	return t.TagDocument([][]string{words})[0]
}

// TagDocument tags the sentences of one document. Names found with
// confidence in one sentence help tag their repeats in the others.
func (t *Tagger) TagDocument(sentences [][]string) [][]string {
	labels := t.documentLabels(sentences)
	out := make([][]string, len(labels))
	for i, ls := range labels {
		out[i] = make([]string, len(ls))
		for j, l := range ls {
			out[i][j] = bioTags[l]
		}
	}
	return out
}

// TagDocuments tags many documents on all cores; out[i] holds the tags of
// docs[i].
func (t *Tagger) TagDocuments(docs [][][]string) [][][]string {
	out := make([][][]string, len(docs))
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(docs); i += workers {
				out[i] = t.TagDocument(docs[i])
			}
		})
	}
	wg.Wait()
	return out
}

// documentLabels runs both stages over a document and returns BILOU label
// ids per sentence.
func (t *Tagger) documentLabels(sentences [][]string) [][]int {
	w := t.pool.Get().(*work)
	defer t.pool.Put(w)
	out := make([][]int, len(sentences))
	var ds *docStats
	if t.m2 != nil {
		ds = newDocStats()
	}
	for i, words := range sentences {
		out[i] = slices.Clone(t.decode(t.m1, words, w, nil, nil))
		if ds != nil {
			ds.add(w.s.info, out[i])
		}
	}
	if ds == nil {
		return out
	}
	for i, words := range sentences {
		copy(out[i], t.decode(t.m2, words, w, ds, out[i]))
	}
	t.consistent(sentences, out)
	return out
}

// decode tags one sentence with model m, returning labels held in w.
func (t *Tagger) decode(m *model, words []string, w *work, ds *docStats, own []int) []int {
	n := len(words)
	t.f.features(words, &w.s, ds, own)
	w.sc = grow(w.sc, n)
	w.back = grow(w.back, n)
	w.labels = grow(w.labels, n)
	m.emissions(&w.s, w.sc)
	m.viterbi(w.sc, w.back, w.labels)
	return w.labels
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}
