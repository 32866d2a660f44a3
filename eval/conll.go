package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Sentence is one sentence of a CoNLL file: its tokens and their BIO tags
// ("B-PER", "I-ORG", "O"). Tags may be nil for unlabelled text.
type Sentence struct {
	Words []string
	Tags  []string
	// DocStart is set on the first sentence after a -DOCSTART- line.
	DocStart bool
}

// ReadCoNLL reads the CoNLL-2003 layout: one "token TAG" pair a line (extra
// columns between them are ignored, the tag is the last column), a blank line
// between sentences, "-DOCSTART-" lines skipped. IOB1 tags (I- opening an
// entity) are accepted and converted to BIO.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var (
		out      []Sentence
		cur      Sentence
		line     int
		docStart bool
	)
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Tags = toBIO(cur.Tags)
			cur.DocStart, docStart = docStart, false
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flush()
			continue
		case f[0] == "-DOCSTART-":
			flush()
			docStart = true
			continue
		case len(f) < 2:
			return nil, fmt.Errorf("conll line %d: want \"token TAG\", got %q", line, sc.Text())
		}
		tag := f[len(f)-1]
		if !validTag(tag) {
			return nil, fmt.Errorf("conll line %d: bad tag %q (want O, B-TYPE or I-TYPE)", line, tag)
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll line %d: %w", line+1, err)
	}
	flush()
	return out, nil
}

func validTag(t string) bool {
	return t == "O" || len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-'
}

// toBIO rewrites IOB1 (an entity may open with I-) as BIO.
func toBIO(tags []string) []string {
	for i, t := range tags {
		if t[0] == 'I' && (i == 0 || tags[i-1] == "O" || tags[i-1][2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
	}
	return tags
}

// Documents groups sentences into the articles they came from, so that a
// tagger can use what it learns in one sentence in the others. Files with
// -DOCSTART- lines are cut there. Copies of CoNLL-2003 without them still
// show where each Reuters article starts: with a headline, then a dateline
// ending in the date ("BRUSSELS 1996-08-22"), so a short sentence ending in
// a YYYY-MM-DD date starts a document one sentence earlier.
func Documents(sents []Sentence) [][]Sentence {
	var starts []int
	for i, s := range sents {
		if s.DocStart {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		for i := 1; i < len(sents); i++ {
			if isDateline(sents[i].Words) && (len(starts) == 0 || starts[len(starts)-1] < i-1) {
				starts = append(starts, i-1)
			}
		}
	}
	if len(starts) == 0 || starts[0] != 0 {
		starts = append([]int{0}, starts...)
	}
	var out [][]Sentence
	for k, st := range starts {
		end := len(sents)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		if end > st {
			out = append(out, sents[st:end])
		}
	}
	return out
}

func isDateline(words []string) bool {
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	w := words[len(words)-1]
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && (w[i] < '0' || w[i] > '9') {
			return false
		}
	}
	return true
}

// Chunk is an entity span over token indices [Start, End) with its type.
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks returns the entity spans of a BIO tag sequence, the way conlleval
// reads them: an I- tag that does not continue an entity of its type opens one.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == "O" || len(t) < 3 {
			i++
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][0] == 'I' && tags[j][2:] == typ {
			j++
		}
		out = append(out, Chunk{i, j, typ})
		i = j
	}
	return out
}

// NERScore is exact-span precision, recall and F1 for one entity type.
type NERScore struct {
	Type                  string
	Gold, Predicted, Hits int
}

func (s NERScore) Precision() float64 { return frac(s.Hits, s.Predicted) }
func (s NERScore) Recall() float64    { return frac(s.Hits, s.Gold) }
func (s NERScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NERReport is a conlleval-style score: per type and overall.
type NERReport struct {
	Tokens, Sentences int
	CorrectTokens     int // tokens whose predicted tag equals the gold tag
	Types             []NERScore
	Overall           NERScore
}

// ScoreNER compares predicted tags with gold tags, sentence by sentence.
// An entity counts as found only when its span and type both match exactly.
func ScoreNER(gold, pred [][]string) (NERReport, error) {
	if len(gold) != len(pred) {
		return NERReport{}, fmt.Errorf("score ner: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	byType := map[string]*NERScore{}
	get := func(t string) *NERScore {
		if byType[t] == nil {
			byType[t] = &NERScore{Type: t}
		}
		return byType[t]
	}
	rep := NERReport{Sentences: len(gold), Overall: NERScore{Type: "overall"}}
	for i := range gold {
		if len(gold[i]) != len(pred[i]) {
			return NERReport{}, fmt.Errorf("score ner: sentence %d has %d gold tags, %d predicted", i+1, len(gold[i]), len(pred[i]))
		}
		rep.Tokens += len(gold[i])
		for j := range gold[i] {
			if gold[i][j] == pred[i][j] {
				rep.CorrectTokens++
			}
		}
		g, p := Chunks(gold[i]), Chunks(pred[i])
		gs := make(map[Chunk]bool, len(g))
		for _, c := range g {
			gs[c] = true
			get(c.Type).Gold++
			rep.Overall.Gold++
		}
		for _, c := range p {
			get(c.Type).Predicted++
			rep.Overall.Predicted++
			if gs[c] {
				get(c.Type).Hits++
				rep.Overall.Hits++
			}
		}
	}
	for _, s := range byType {
		rep.Types = append(rep.Types, *s)
	}
	sort.Slice(rep.Types, func(a, b int) bool { return rep.Types[a].Type < rep.Types[b].Type })
	return rep, nil
}

// WriteText prints the report as conlleval does.
func (r NERReport) WriteText(w io.Writer) error {
	o := r.Overall
	_, err := fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		r.Tokens, o.Gold, o.Predicted, o.Hits)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		100*frac(r.CorrectTokens, r.Tokens), 100*o.Precision(), 100*o.Recall(), 100*o.F1())
	for _, s := range r.Types {
		if _, err := fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			s.Type, 100*s.Precision(), 100*s.Recall(), 100*s.F1(), s.Predicted); err != nil {
			return err
		}
	}
	return nil
}

// WritePredictions writes "token gold predicted" lines with a blank line
// between sentences: the input conlleval reads.
func WritePredictions(w io.Writer, sents []Sentence, pred [][]string) error {
	bw := bufio.NewWriter(w)
	for i, s := range sents {
		for j, word := range s.Words {
			gold := "O"
			if j < len(s.Tags) {
				gold = s.Tags[j]
			}
			fmt.Fprintf(bw, "%s %s %s\n", word, gold, pred[i][j])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
