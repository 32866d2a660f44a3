// Command accuracy scores sitrep's entity tagger next to prose v2 and
// compromise on a CoNLL-2003 file, with exact-span matching (conlleval's
// rule: an entity counts only when its token span and its type both match),
// for PER, ORG and LOC. MISC is left out: neither peer has it.
//
//	accuracy -conll dev.txt -sentences OUT   # writes the sentences for compromise.mjs, one a line
//	accuracy -conll dev.txt -compromise IN   # scores all three, prints Markdown
//
// With -gum instead of -conll it scores the held-out comparison (gum.go):
// recall of the named person, place and organization mentions of GUM's
// Wikinews documents, each tool tagging the raw text.
//
//	accuracy -gum DIR -paragraphs OUT        # writes the paragraphs for compromise.mjs, one a line
//	accuracy -gum DIR -compromise IN         # scores all three, prints Markdown
//
// The peers see each sentence as its words joined by single spaces, tag that
// text, and give entities as text (prose) or character offsets
// (compromise); those are mapped back to the words they cover. An entity
// that does not start and end on word boundaries (punctuation the peer split
// off a word aside, see words.span) cannot match a gold entity, but still
// counts as predicted: the peer did say it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/ner"
)

// types are the entity types scored, in the order of the tables.
var types = []string{"PER", "ORG", "LOC"}

func main() {
	conll := flag.String("conll", "", "CoNLL-2003 file (token TAG, BIO)")
	sentences := flag.String("sentences", "", "write the sentences (words joined by spaces, one a line) to this file and stop")
	compromise := flag.String("compromise", "", "compromise.mjs's output for the sentences (or paragraphs): one JSON array a line")
	gum := flag.String("gum", "", "instead of -conll, a folder of GUM .conllu files (Wikinews)")
	paragraphs := flag.String("paragraphs", "", "with -gum: write the paragraphs, one a line, to this file and stop")
	flag.Parse()
	var err error
	switch {
	case *gum != "" && *conll != "":
		err = fmt.Errorf("give -conll or -gum, not both")
	case *gum != "":
		err = runGUM(*gum, *paragraphs, *compromise)
	default:
		err = run(*conll, *sentences, *compromise)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

func run(conll, sentencesOut, compromiseIn string) error {
	f, err := os.Open(conll)
	if err != nil {
		return err
	}
	sents, err := eval.ReadCoNLL(f)
	f.Close()
	if err != nil {
		return err
	}
	if len(sents) == 0 {
		return fmt.Errorf("%s: no sentences", conll)
	}
	if sentencesOut != "" {
		var b strings.Builder
		for _, s := range sents {
			b.WriteString(strings.Join(s.Words, " "))
			b.WriteByte('\n')
		}
		return os.WriteFile(sentencesOut, []byte(b.String()), 0o644)
	}
	if compromiseIn == "" {
		return fmt.Errorf("give -sentences OUT or -compromise IN")
	}

	gold := make([][]eval.Chunk, len(sents))
	tokens := 0
	for i, s := range sents {
		gold[i] = eval.Chunks(dropMISC(s.Tags))
		tokens += len(s.Words)
	}
	sitrep, err := sitrepPredictions(sents)
	if err != nil {
		return err
	}
	prosePeer, err := prosePredictions(sents)
	if err != nil {
		return err
	}
	compPeer, err := compromisePredictions(sents, compromiseIn)
	if err != nil {
		return err
	}
	reports := []report{
		score("sitrep", gold, sitrep),
		score("prose v2", gold, prosePeer.pred),
		score("compromise", gold, compPeer.pred),
	}
	writeMarkdown(os.Stdout, len(sents), tokens, reports, []peer{prosePeer, compPeer})
	return nil
}

// dropMISC returns tags with MISC entities turned into O, and every type
// the peers cannot produce (none in CoNLL-2003 but MISC) with them.
func dropMISC(tags []string) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = "O"
		if len(t) > 2 && isScored(t[2:]) {
			out[i] = t
		}
	}
	return out
}

func isScored(typ string) bool {
	for _, t := range types {
		if t == typ {
			return true
		}
	}
	return false
}

// prediction is one predicted entity. Start, End = -1 when it does not
// align to word boundaries, so that it can never equal a gold chunk.
type prediction = eval.Chunk

// sitrepPredictions tags the sentences a document at a time (the tagger
// uses what it learns in one sentence in the others, as on real articles).
func sitrepPredictions(sents []eval.Sentence) ([][]prediction, error) {
	docs := eval.Documents(sents)
	words := make([][][]string, len(docs))
	for i, d := range docs {
		for _, s := range d {
			words[i] = append(words[i], s.Words)
		}
	}
	tagged := ner.Default().TagDocuments(words)
	var goldTags, predTags [][]string
	for i, d := range docs {
		for j, s := range d {
			goldTags = append(goldTags, dropMISC(s.Tags))
			predTags = append(predTags, dropMISC(tagged[i][j]))
		}
	}
	if len(predTags) != len(sents) {
		return nil, fmt.Errorf("sitrep: eval.Documents regrouped %d sentences into %d", len(sents), len(predTags))
	}
	out := make([][]prediction, len(predTags))
	for i, tags := range predTags {
		out[i] = eval.Chunks(tags)
	}
	// eval.ScoreNER is the scorer `sitrep eval` reports with; the span
	// scorer here must agree with it where both apply, or one of them is wrong.
	rep, err := eval.ScoreNER(goldTags, predTags)
	if err != nil {
		return nil, err
	}
	mine := score("sitrep", goldChunks(goldTags), out)
	if o := rep.Overall; o.Gold != mine.all.Gold || o.Predicted != mine.all.Predicted || o.Hits != mine.all.Hits {
		return nil, fmt.Errorf("scorers disagree on sitrep: eval.ScoreNER %+v, here %+v", o, mine.all)
	}
	return out, nil
}

func goldChunks(tags [][]string) [][]eval.Chunk {
	out := make([][]eval.Chunk, len(tags))
	for i, t := range tags {
		out[i] = eval.Chunks(t)
	}
	return out
}

// proseLabels maps prose's labels (NLTK's set) to CoNLL's. FACILITY and
// GSP (geo-socio-political groups), which CoNLL splits between types or
// calls MISC, are dropped, as are any others.
var proseLabels = map[string]string{"PERSON": "PER", "GPE": "LOC", "LOCATION": "LOC", "ORGANIZATION": "ORG"}

// peer holds a peer's entities mapped onto the words.
type peer struct {
	pred    [][]prediction
	widened int            // predictions widened over punctuation to whole words
	dropped map[string]int // predictions of labels not scored, by label
}

// add maps one entity and keeps count.
func (p *peer) add(i int, c prediction, widened bool) {
	p.pred[i] = append(p.pred[i], c)
	if widened {
		p.widened++
	}
}

// prosePredictions runs prose v2 as bench/nerpeers/tagbench's prose-noseg
// row does: one model shared by every document, no sentence segmentation
// (each input is one sentence already, and prose's NER does not use it).
func prosePredictions(sents []eval.Sentence) (peer, error) {
	p := peer{pred: make([][]prediction, len(sents)), dropped: map[string]int{}}
	first, err := prose.NewDocument("Ban Ki-moon visited Nairobi, Kenya, on Monday.")
	if err != nil {
		return p, err
	}
	opts := []prose.DocOpt{prose.UsingModel(first.Model), prose.WithSegmentation(false)}
	for i, s := range sents {
		w := newWords(s.Words)
		doc, err := prose.NewDocument(w.text, opts...)
		if err != nil {
			return p, err
		}
		from := 0
		for _, e := range doc.Entities() {
			typ, ok := proseLabels[e.Label]
			if !ok {
				p.dropped[e.Label]++
				continue
			}
			c, widened, next := w.find(e.Text, from, typ)
			p.add(i, c, widened)
			from = next
		}
	}
	return p, nil
}

// compromisePredictions reads compromise.mjs's output: for each sentence, a
// JSON array of {"type", "start", "length"} (in bytes: the script turns
// JavaScript's UTF-16 offsets into bytes, which Go strings index).
func compromisePredictions(sents []eval.Sentence, path string) (peer, error) {
	p := peer{pred: make([][]prediction, len(sents))}
	b, err := os.ReadFile(path)
	if err != nil {
		return p, err
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != len(sents) {
		return p, fmt.Errorf("%s: %d lines for %d sentences", path, len(lines), len(sents))
	}
	for i, line := range lines {
		var ents []struct {
			Type          string
			Start, Length int
		}
		if err := json.Unmarshal([]byte(line), &ents); err != nil {
			return p, fmt.Errorf("%s line %d: %w", path, i+1, err)
		}
		w := newWords(sents[i].Words)
		for _, e := range ents {
			c, widened := w.span(e.Start, e.Start+e.Length, e.Type)
			p.add(i, c, widened)
		}
	}
	return p, nil
}

// words knows where each word of a sentence starts and ends in the words
// joined by single spaces.
type words struct {
	text       string
	start, end []int
}

func newWords(ws []string) words {
	w := words{text: strings.Join(ws, " ")}
	off := 0
	for _, s := range ws {
		w.start = append(w.start, off)
		off += len(s)
		w.end = append(w.end, off)
		off++ // the space
	}
	return w
}

// span returns the chunk of the words that text[start:end] covers. Both
// peers split punctuation off a word ("Corp." is prose's or compromise's
// "Corp" then "."), so an end that falls inside a word is moved to the
// word's boundary when only punctuation lies between; any other end inside
// a word ("Chester" of "Chester-le-Street") makes an unaligned chunk.
func (w words) span(start, end int, typ string) (c prediction, widened bool) {
	i := w.wordAt(start)
	j := w.wordAt(end - 1)
	if i < 0 || j < i || !punct(w.text[w.start[i]:start]) || !punct(w.text[end:w.end[j]]) {
		return prediction{Start: -1, End: -1, Type: typ}, false
	}
	return prediction{Start: i, End: j + 1, Type: typ}, start != w.start[i] || end != w.end[j]
}

// wordAt returns the index of the word holding byte off, or -1.
func (w words) wordAt(off int) int {
	for i := range w.start {
		if w.start[i] <= off && off < w.end[i] {
			return i
		}
	}
	return -1
}

func punct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

// find maps an entity given as text: the first occurrence of ent at or
// after byte from that span accepts. It also returns where to search for
// the next entity: entities come in text order. When no occurrence aligns,
// the chunk is unaligned and the search position stays.
func (w words) find(ent string, from int, typ string) (c prediction, widened bool, next int) {
	for k := from; ent != "" && k < len(w.text); {
		i := strings.Index(w.text[k:], ent)
		if i < 0 {
			break
		}
		if c, widened := w.span(k+i, k+i+len(ent), typ); c.Start >= 0 {
			return c, widened, k + i + len(ent)
		}
		k += i + 1
	}
	return prediction{Start: -1, End: -1, Type: typ}, false, from
}

// report is one tool's exact-span scores.
type report struct {
	tool      string
	byType    map[string]*eval.NERScore
	all       eval.NERScore // PER+ORG+LOC
	unaligned int           // predictions off word boundaries (counted, never correct)
}

// score counts gold, predicted and correct entities per type. A prediction
// is correct when a gold chunk has its span and type; each gold chunk is
// matched at most once, and a tool naming the same span with the same type
// twice (compromise can) is one prediction.
func score(tool string, gold, pred [][]eval.Chunk) report {
	r := report{tool: tool, byType: map[string]*eval.NERScore{}, all: eval.NERScore{Type: "overall"}}
	for _, t := range types {
		r.byType[t] = &eval.NERScore{Type: t}
	}
	add := func(typ string, f func(*eval.NERScore)) {
		if s := r.byType[typ]; s != nil {
			f(s)
			f(&r.all)
		}
	}
	for i := range gold {
		open := map[eval.Chunk]bool{}
		for _, c := range gold[i] {
			open[c] = true
			add(c.Type, func(s *eval.NERScore) { s.Gold++ })
		}
		seen := map[eval.Chunk]bool{}
		for _, c := range pred[i] {
			if c.Start >= 0 {
				if seen[c] {
					continue
				}
				seen[c] = true
			} else if isScored(c.Type) {
				r.unaligned++
			}
			add(c.Type, func(s *eval.NERScore) { s.Predicted++ })
			if open[c] {
				delete(open, c)
				add(c.Type, func(s *eval.NERScore) { s.Hits++ })
			}
		}
	}
	return r
}

// writeMarkdown prints the tables; peers go with reps[1:].
func writeMarkdown(w *os.File, nsents, ntokens int, reps []report, peers []peer) {
	b := bufio.NewWriter(w)
	defer b.Flush()
	pct := func(x float64) string { return fmt.Sprintf("%.1f", 100*x) }
	g := reps[0]
	fmt.Fprintf(b, "%d sentences, %d tokens; gold entities: PER %d, ORG %d, LOC %d (PER+ORG+LOC %d; MISC not scored).\n\n",
		nsents, ntokens, g.byType["PER"].Gold, g.byType["ORG"].Gold, g.byType["LOC"].Gold, g.all.Gold)
	fmt.Fprintln(b, "| tool | PER F1 | ORG F1 | LOC F1 | overall P | overall R | overall F1 |")
	fmt.Fprintln(b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range reps {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | **%s** |\n", r.tool,
			pct(r.byType["PER"].F1()), pct(r.byType["ORG"].F1()), pct(r.byType["LOC"].F1()),
			pct(r.all.Precision()), pct(r.all.Recall()), pct(r.all.F1()))
	}
	fmt.Fprintln(b)
	fmt.Fprintln(b, "| tool | type | gold | predicted | correct | P % | R % | F1 % |")
	fmt.Fprintln(b, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range reps {
		rows := []eval.NERScore{}
		for _, t := range types {
			rows = append(rows, *r.byType[t])
		}
		rows = append(rows, r.all)
		for _, s := range rows {
			typ := s.Type
			if typ == "overall" {
				typ = "**PER+ORG+LOC**"
			}
			fmt.Fprintf(b, "| %s | %s | %d | %d | %d | %s | %s | %s |\n", r.tool, typ, s.Gold, s.Predicted, s.Hits,
				pct(s.Precision()), pct(s.Recall()), pct(s.F1()))
		}
	}
	fmt.Fprintln(b)
	for k, r := range reps[1:] {
		p := peers[k]
		fmt.Fprintf(b, "- %s: %d predicted PER/ORG/LOC entities; %d widened over punctuation to whole words; %d not on word boundaries (counted as predicted, never correct)",
			r.tool, r.all.Predicted, p.widened, r.unaligned)
		if len(p.dropped) > 0 {
			labels := slices.Sorted(maps.Keys(p.dropped))
			for i, l := range labels {
				labels[i] = fmt.Sprintf("%s %d", l, p.dropped[l])
			}
			fmt.Fprintf(b, "; dropped, of labels not scored: %s", strings.Join(labels, ", "))
		}
		fmt.Fprintln(b, ".")
	}
}
