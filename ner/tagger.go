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
	j      *joint // both stages' rows by feature hash, when m2 is set
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
	if m2 != nil {
		t.j = newJoint(m1, m2)
	}
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
//
// The second stage's features are the first stage's plus a few about the
// document, so the first pass looks each feature up once for both stages and
// keeps the second stage's partial sums; the second pass adds only the
// document features.
func (t *Tagger) documentLabels(sentences [][]string) [][]int {
	w := t.pool.Get().(*work)
	defer t.pool.Put(w)
	out := make([][]int, len(sentences))
	if t.m2 == nil {
		for i, words := range sentences {
			out[i] = slices.Clone(t.decode(t.m1, words, w, nil, nil))
		}
		return out
	}
	ds := newDocStats()
	type token struct {
		base [nLabels]int32 // second-stage sum of the sentence features
		form
	}
	toks := make([][]token, len(sentences))
	m1, m2 := t.m1, t.m2
	for i, words := range sentences {
		n := len(words)
		t.f.features(words, &w.s, nil, nil)
		w.sc = grow(w.sc, n)
		w.back = grow(w.back, n)
		w.labels = grow(w.labels, n)
		toks[i] = make([]token, n)
		for k := range n {
			var s1 [nLabels]int32
			tk := &toks[i][k]
			for _, h := range w.s.feats[w.s.start[k]:w.s.start[k+1]] {
				r1, r2 := t.j.get(h)
				if r1 != 0 {
					addRow(&s1, m1.w[int(r1-1)*nLabels:int(r1)*nLabels])
				}
				if r2 != 0 {
					addRow(&tk.base, m2.w[int(r2-1)*nLabels:int(r2)*nLabels])
				}
			}
			scaleRow(&w.sc[k], &s1, m1.scale)
			tk.form = form{w.s.info[k].lower, w.s.info[k].upperInitial}
		}
		m1.viterbi(w.sc, w.back, w.labels)
		out[i] = slices.Clone(w.labels)
		ds.add(w.s.info, out[i])
	}
	var feats []uint64
	for i := range sentences {
		n := len(toks[i])
		w.sc = grow(w.sc, n)
		w.back = grow(w.back, n)
		w.labels = grow(w.labels, n)
		for k := range n {
			tk := &toks[i][k]
			sum := tk.base
			feats = ds.appendFeatures(feats[:0], &tokenInfo{lower: tk.lower, upperInitial: tk.upper}, out[i][k])
			for _, h := range feats {
				if _, r2 := t.j.get(h); r2 != 0 {
					addRow(&sum, m2.w[int(r2-1)*nLabels:int(r2)*nLabels])
				}
			}
			scaleRow(&w.sc[k], &sum, m2.scale)
		}
		m2.viterbi(w.sc, w.back, w.labels)
		copy(out[i], w.labels)
	}
	fs := make([][]form, len(toks))
	for i, ts := range toks {
		fs[i] = make([]form, len(ts))
		for k := range ts {
			fs[i][k] = ts[k].form
		}
	}
	t.consistent(sentences, fs, out)
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
