package ner

import (
	"fmt"
	"math/rand/v2"
)

// Example is one labelled sentence: words and their BIO tags.
type Example struct {
	Words []string
	Tags  []string
}

// The settings the shipped model was trained with (`sitrep train ner`'s
// defaults).
const (
	DefaultEpochs = 20
	DefaultSeed   = 1
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int    // passes over the training set; the best one on Dev is kept
	Seed   uint64 // shuffling seed: the same seed and data give the same model
	// Dev, when set, scores a candidate tagger after each epoch (higher is
	// better, e.g. F1 on a development set); Train keeps the best epoch.
	Dev func(*Tagger) float64
	// Progress, when set, is told the result of each epoch of each stage.
	Progress func(stage, epoch int, dev float64, corrected int)
}

// folds is how many parts the training documents are cut into to give the
// second stage first-stage labels as imperfect as those it will see on new
// text: each part is labelled by a first stage trained on the others.
const folds = 5

// Train learns a two-stage tagger from documents of labelled sentences with
// the averaged structured perceptron (Collins 2002): decode each sentence
// with the current weights and, where the best sequence is wrong, move the
// weights toward the gold sequence's features and away from the predicted
// one's; averaged over all steps, the weights generalize far better than the
// last ones. The second stage learns from document features computed on
// cross-validated first-stage output.
func Train(docs [][]Example, opt TrainOptions) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	f := featurizer{lex: defaultLexicon()}
	var sents []sentence
	for d, doc := range docs {
		for i, ex := range doc {
			if len(ex.Words) != len(ex.Tags) {
				return nil, fmt.Errorf("train ner: document %d sentence %d has %d words and %d tags", d+1, i+1, len(ex.Words), len(ex.Tags))
			}
			for k, tag := range ex.Tags {
				if tag != "O" && (len(tag) < 3 || tag[1] != '-' || tag[0] != 'B' && tag[0] != 'I') {
					return nil, fmt.Errorf("train ner: document %d sentence %d word %d: bad tag %q (want O, B-TYPE or I-TYPE)", d+1, i+1, k+1, tag)
				}
			}
			if len(ex.Words) > 0 {
				sents = append(sents, sentence{doc: d, words: ex.Words, gold: toBILOU(ex.Tags)})
			}
		}
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("train ner: no labelled sentences")
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	progress := func(stage int) func(int, float64, int) {
		return func(e int, s float64, c int) {
			if opt.Progress != nil {
				opt.Progress(stage, e, s, c)
			}
		}
	}

	// Stage 1, cross-validated over documents, then on everything.
	ix1 := newFeatureIndex()
	set1 := make([]trainSentence, len(sents))
	var s scratch
	for i := range sents {
		f.features(sents[i].words, &s, nil, nil)
		set1[i] = ix1.sentence(&s, sents[i].gold)
	}
	firstStage := make([][]int, len(sents))
	if len(docs) >= folds {
		for k := range folds {
			var in, out []int
			for i := range sents {
				if sents[i].doc%folds == k {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			p := newPerceptron(len(ix1.hashes))
			for range opt.Epochs {
				p.epoch(set1, in, rng)
			}
			t := newTagger(p.averaged(ix1.hashes), nil, f.lex)
			var w work
			for _, i := range out {
				firstStage[i] = append([]int(nil), t.decode(t.m1, sents[i].words, &w, nil, nil)...)
			}
		}
	}
	m1 := fit(set1, ix1.hashes, opt, rng, func(m *model) *Tagger { return newTagger(m, nil, f.lex) }, progress(1))
	if len(docs) < folds { // too few documents to hold any out
		t := newTagger(m1, nil, f.lex)
		var w work
		for i := range sents {
			firstStage[i] = append([]int(nil), t.decode(m1, sents[i].words, &w, nil, nil)...)
		}
	}

	// Stage 2: the same features plus what stage 1 found in the document.
	ix2 := newFeatureIndex()
	set2 := make([]trainSentence, len(sents))
	for start := 0; start < len(sents); {
		end := start
		ds := newDocStats()
		for ; end < len(sents) && sents[end].doc == sents[start].doc; end++ {
			f.features(sents[end].words, &s, nil, nil)
			ds.add(s.info, firstStage[end])
		}
		for i := start; i < end; i++ {
			f.features(sents[i].words, &s, ds, firstStage[i])
			set2[i] = ix2.sentence(&s, sents[i].gold)
		}
		start = end
	}
	m2 := fit(set2, ix2.hashes, opt, rng, func(m *model) *Tagger { return newTagger(m1, m, f.lex) }, progress(2))
	return newTagger(m1, m2, f.lex), nil
}

type sentence struct {
	doc   int
	words []string
	gold  []int
}

// fit trains one stage for opt.Epochs and returns the averaged model of the
// epoch that opt.Dev liked best (the last one without Dev).
func fit(set []trainSentence, hashes []uint64, opt TrainOptions, rng *rand.Rand, tagger func(*model) *Tagger, progress func(int, float64, int)) *model {
	all := make([]int, len(set))
	for i := range all {
		all[i] = i
	}
	p := newPerceptron(len(hashes))
	var best *model
	bestScore := -1.0
	for e := 1; e <= opt.Epochs; e++ {
		corrected := p.epoch(set, all, rng)
		m := p.averaged(hashes)
		score := 0.0
		if opt.Dev != nil {
			score = opt.Dev(tagger(m))
		}
		progress(e, score, corrected)
		if opt.Dev == nil || score > bestScore {
			best, bestScore = m, score
		}
		if corrected == 0 {
			break
		}
	}
	return best
}

// featureIndex numbers the feature hashes seen in training.
type featureIndex struct {
	ids    map[uint64]int32
	hashes []uint64
}

func newFeatureIndex() *featureIndex { return &featureIndex{ids: map[uint64]int32{}} }

func (ix *featureIndex) sentence(s *scratch, gold []int) trainSentence {
	ts := trainSentence{feats: make([]int32, len(s.feats)), start: make([]int32, len(s.start)), gold: gold}
	for i, h := range s.feats {
		id, ok := ix.ids[h]
		if !ok {
			id = int32(len(ix.hashes))
			ix.ids[h] = id
			ix.hashes = append(ix.hashes, h)
		}
		ts.feats[i] = id
	}
	for i, v := range s.start {
		ts.start[i] = int32(v)
	}
	ts.lexical = make([]uint8, len(s.lexical))
	for i, v := range s.lexical {
		ts.lexical[i] = uint8(v)
	}
	return ts
}

type trainSentence struct {
	feats   []int32 // feature ids of all tokens
	start   []int32 // token i's features are feats[start[i]:start[i+1]]
	lexical []uint8 // how many of token i's features, first, are its word's own
	gold    []int
}

// perceptron holds the weights being learned. Updates are whole numbers, so
// the current weights are integers; acc sums each change times the step at
// which it was made, so that the average over all steps is w - acc/c.
type perceptron struct {
	w     []int32 // nLabels per feature
	acc   []int64
	trans [nLabels][nLabels]int32
	tacc  [nLabels][nLabels]int64
	start [nLabels]int32
	sacc  [nLabels]int64
	end   [nLabels]int32
	eacc  [nLabels]int64
	c     int64 // sentences seen
	work  work
}

func newPerceptron(features int) *perceptron {
	return &perceptron{w: make([]int32, features*nLabels), acc: make([]int64, features*nLabels)}
}

// epoch passes once over set[i] for i in order, shuffled, and returns how
// many sentences needed correcting.
func (p *perceptron) epoch(set []trainSentence, order []int, rng *rand.Rand) int {
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	corrected := 0
	for _, k := range order {
		if p.learn(&set[k], rng) {
			corrected++
		}
		p.c++
	}
	return corrected
}

// wordDropout is the chance that training hides a token's own word
// features (its spelling, prefixes, suffixes) for one pass, so that the
// model also learns to tag from context, shape and the word lists: that is
// all it has for a name it has never seen ("Sheinbaum", "Hegseth").
const wordDropout = 0.2

// learn decodes one sentence and updates the weights if it was wrong.
func (p *perceptron) learn(ts *trainSentence, rng *rand.Rand) bool {
	n := len(ts.gold)
	w := &p.work
	w.sc = grow(w.sc, n)
	w.back = grow(w.back, n)
	w.labels = grow(w.labels, n)
	w.from = grow(w.from, n)
	for i := range n {
		w.from[i] = ts.start[i]
		if rng.Float64() < wordDropout {
			w.from[i] += int32(ts.lexical[i])
		}
	}
	for i := range n {
		sc := &w.sc[i]
		*sc = [nLabels]float32{}
		for _, f := range ts.feats[w.from[i]:ts.start[i+1]] {
			for l, v := range p.w[int(f)*nLabels : int(f+1)*nLabels] {
				sc[l] += float32(v)
			}
		}
	}
	var m model
	for a := range nLabels {
		m.start[a], m.end[a] = float32(p.start[a]), float32(p.end[a])
		for b := range nLabels {
			m.trans[a][b] = float32(p.trans[a][b])
		}
	}
	m.viterbi(w.sc, w.back, w.labels)
	pred, gold := w.labels, ts.gold
	c := p.c + 1
	wrong := false
	for i := range n {
		if pred[i] != gold[i] {
			wrong = true
			for _, f := range ts.feats[w.from[i]:ts.start[i+1]] {
				g, q := int(f)*nLabels+gold[i], int(f)*nLabels+pred[i]
				p.w[g]++
				p.acc[g] += c
				p.w[q]--
				p.acc[q] -= c
			}
		}
		if i > 0 && (pred[i-1] != gold[i-1] || pred[i] != gold[i]) {
			p.trans[gold[i-1]][gold[i]]++
			p.tacc[gold[i-1]][gold[i]] += c
			p.trans[pred[i-1]][pred[i]]--
			p.tacc[pred[i-1]][pred[i]] -= c
		}
	}
	if pred[0] != gold[0] {
		p.start[gold[0]]++
		p.sacc[gold[0]] += c
		p.start[pred[0]]--
		p.sacc[pred[0]] -= c
	}
	if pred[n-1] != gold[n-1] {
		p.end[gold[n-1]]++
		p.eacc[gold[n-1]] += c
		p.end[pred[n-1]]--
		p.eacc[pred[n-1]] -= c
	}
	return wrong
}

// averaged returns the model with the averaged weights, leaving out
// features whose averaged row is all zero.
func (p *perceptron) averaged(hashes []uint64) *model {
	c := float64(p.c + 1)
	avg := func(w int32, acc int64) float32 { return float32(float64(w) - float64(acc)/c) }
	var keep []uint64
	var ws []float32
	row := make([]float32, nLabels)
	for f, h := range hashes {
		nonzero := false
		for l := range nLabels {
			k := f*nLabels + l
			row[l] = avg(p.w[k], p.acc[k])
			nonzero = nonzero || row[l] != 0
		}
		if nonzero {
			keep = append(keep, h)
			ws = append(ws, row...)
		}
	}
	m := newModel(keep, ws)
	for a := range nLabels {
		m.start[a] = avg(p.start[a], p.sacc[a])
		m.end[a] = avg(p.end[a], p.eacc[a])
		for b := range nLabels {
			m.trans[a][b] = avg(p.trans[a][b], p.tacc[a][b])
		}
	}
	return m
}
