package event

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// The snippet classifier is an averaged perceptron (Collins 2002) over
// features of a snippet: the labels of the lexicon's triggers and cues it
// holds, the label the hand-written rules give it, and its lower-case words.
// The rules carry what the lexicons know; the weights, learnt from the
// development snippets (eval/testdata/case tune.tsv and plover.tsv), decide
// between them when several speak. TestCaseModelReproducible retrains it
// and compares with the embedded file; `go generate` rewrites it.
//go:generate go test -run TestCaseModelReproducible -update-model .

//go:embed model/case.tsv.gz
var embeddedModel []byte

// caseModel holds one weight per feature and label.
type caseModel struct {
	labels  []string
	weights map[string][]float64
}

// caseLabels are the labels Classify can give, as in eval.CaseLabels.
var caseLabels = []string{
	"AIR_STRIKE", "ARMED_CLASH", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "SUIC_BOMB",
	"CHEM_WEAP", "ATTACK", "ABDUCT_DISSAP", "SEX_VIOL", "PEACE_PROTEST", "PROTEST_WITH_INTER",
	"FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL", "AGREEMENT", "ARREST",
	"CHANGE_TO_GROUP_ACT", "DISR_WEAP", "HQ_ESTABLISHED", "PROPERTY_DISTRUCT",
	"NON_VIOL_TERRIT_TRANSFER", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER",
	"DIPLO", "ATTRIB", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "OTHER",
}

// modelOf returns the embedded model, read on first use.
var modelOf = sync.OnceValue(func() *caseModel {
	m, err := readCaseModel(bytes.NewReader(embeddedModel))
	if err != nil {
		panic("event: embedded model: " + err.Error())
	}
	return m
})

// Classify returns the CASE 2021 label of an ACLED-style event snippet
// ("Military forces clashed with JNIM militants near Djibo. 3 fatalities."
// → ARMED_CLASH): the label the embedded model scores highest, from the
// rules' label (see classifyRules), the triggers and cues of the lexicons
// and the snippet's lower-case words.
func Classify(snippet string) string {
	return modelOf().predict(snippetFeatures(snippet))
}

// snippetFeatures returns the features of a snippet, each once.
func snippetFeatures(s string) []string {
	toks := text.Tokenize(s)
	sn := newSnippet(s)
	rule := classifyRules(sn)
	// The rules' label counts three times a word: it is what the lexicons
	// know, and the snippets are too few to learn it from words alone.
	f := []string{"bias", "rule:" + rule, "rule2:" + rule, "rule3:" + rule}
	lex := lexOf()
	for i := 0; i < len(sn.lower); i++ {
		for k := range lex.triggers[sn.lower[i]] {
			t := &lex.triggers[sn.lower[i]][k]
			if sn.wordsAt(i, t.words) {
				f = append(f, "trigger:"+t.label, "trigger:"+t.label+":"+strconv.Itoa(t.rank))
				break
			}
		}
		for k := range lex.snippetCues[sn.lower[i]] {
			c := &lex.snippetCues[sn.lower[i]][k]
			if sn.wordsAt(i, c.words) {
				f = append(f, "cue:"+c.value)
				break
			}
		}
	}
	for i, t := range toks {
		w := sn.lower[i]
		switch {
		case t.Kind == sitrep.Number:
			w = "#"
		case t.Kind != sitrep.Word:
			continue
		case i > 0 && startsUpper(t.In(s)):
			// Names of places and groups say little that carries over to
			// other snippets.
			continue
		}
		f = append(f, "w:"+w)
	}
	slices.Sort(f)
	return slices.Compact(f)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// predict returns the label with the highest score; ties go to the label
// listed first.
func (m *caseModel) predict(feats []string) string {
	scores := make([]float64, len(m.labels))
	for _, f := range feats {
		for i, w := range m.weights[f] {
			scores[i] += w
		}
	}
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return m.labels[best]
}

// labelled is a training example.
type labelled struct {
	feats []string
	label int
}

// trainCaseModel trains an averaged perceptron for the epochs given, the
// examples visited in an order shuffled with a fixed seed, so that the same
// data gives the same model.
func trainCaseModel(snippets, labels []string, epochs int) (*caseModel, error) {
	index := map[string]int{}
	for i, l := range caseLabels {
		index[l] = i
	}
	ex := make([]labelled, len(snippets))
	for i, s := range snippets {
		l, ok := index[labels[i]]
		if !ok {
			return nil, fmt.Errorf("train: snippet %d: unknown label %q", i+1, labels[i])
		}
		ex[i] = labelled{snippetFeatures(s), l}
	}
	n := len(caseLabels)
	w := map[string][]float64{}   // current weights
	sum := map[string][]float64{} // weights × time, for the average
	last := map[string][]int{}    // when each weight last changed
	step := 0
	update := func(f string, l int, by float64) {
		if w[f] == nil {
			w[f], sum[f], last[f] = make([]float64, n), make([]float64, n), make([]int, n)
		}
		sum[f][l] += float64(step-last[f][l]) * w[f][l]
		last[f][l] = step
		w[f][l] += by
	}
	cur := &caseModel{labels: caseLabels, weights: w}
	rng := rand.New(rand.NewPCG(20210801, 5))
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			step++
			e := ex[i]
			got := index[cur.predict(e.feats)]
			if got == e.label {
				continue
			}
			for _, f := range e.feats {
				update(f, e.label, 1)
				update(f, got, -1)
			}
		}
	}
	avg := &caseModel{labels: caseLabels, weights: map[string][]float64{}}
	for f, ws := range w {
		out := make([]float64, n)
		nonzero := false
		for l := range ws {
			total := sum[f][l] + float64(step-last[f][l])*ws[l]
			out[l] = math.Round(total/float64(step)*1000) / 1000
			nonzero = nonzero || out[l] != 0
		}
		if nonzero {
			avg.weights[f] = out
		}
	}
	return avg, nil
}

// write stores the model as gzipped TSV: a header line of labels, then one
// line a feature with its non-zero weights as label-index:weight pairs,
// features sorted, so that the same model gives the same bytes.
func (m *caseModel) write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "#labels\t%s\n", strings.Join(m.labels, "\t"))
	feats := make([]string, 0, len(m.weights))
	for f := range m.weights {
		feats = append(feats, f)
	}
	slices.Sort(feats)
	for _, f := range feats {
		bw.WriteString(f)
		for l, x := range m.weights[f] {
			if x != 0 {
				fmt.Fprintf(bw, "\t%d:%s", l, strconv.FormatFloat(x, 'f', -1, 64))
			}
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readCaseModel reads what write wrote.
func readCaseModel(r io.Reader) (*caseModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	m := &caseModel{weights: map[string][]float64{}}
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if n == 1 {
			if f[0] != "#labels" || len(f) < 2 {
				return nil, fmt.Errorf("read model: line 1: no label header")
			}
			m.labels = f[1:]
			continue
		}
		ws := make([]float64, len(m.labels))
		for _, p := range f[1:] {
			li, x, ok := strings.Cut(p, ":")
			l, err1 := strconv.Atoi(li)
			v, err2 := strconv.ParseFloat(x, 64)
			if !ok || err1 != nil || err2 != nil || l < 0 || l >= len(ws) {
				return nil, fmt.Errorf("read model: line %d: bad weight %q", n, p)
			}
			ws[l] = v
		}
		m.weights[f[0]] = ws
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if len(m.labels) == 0 {
		return nil, fmt.Errorf("read model: empty")
	}
	return m, nil
}
