package main

// The held-out comparison: recall of GUM's named person, place and
// organization mentions in its Wikinews documents, scored by eval.ScoreGUM
// (the scorer of `sitrep eval ner --gum`). Each tool tags the raw text of
// a document; its entities become byte spans into GUMDoc.Text.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/text"
)

// gumPeerTypes maps the peers' types, as the CoNLL mode names them, to
// sitrep's, which eval.ScoreGUM compares with.
var gumPeerTypes = map[string]string{"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}

// runGUM writes the paragraphs for compromise.mjs (paragraphsOut) or
// scores the three tools and prints a Markdown table (compromiseIn).
func runGUM(dir, paragraphsOut, compromiseIn string) error {
	docs, err := eval.ReadGUMDir(dir)
	if err != nil {
		return err
	}
	if paragraphsOut != "" {
		var b strings.Builder
		for _, p := range gumParagraphs(docs) {
			b.WriteString(p.text)
			b.WriteByte('\n')
		}
		return os.WriteFile(paragraphsOut, []byte(b.String()), 0o644)
	}
	if compromiseIn == "" {
		return fmt.Errorf("give -paragraphs OUT or -compromise IN")
	}
	sitrepPred, err := gumSitrep(docs)
	if err != nil {
		return err
	}
	prosePred, err := gumProse(docs)
	if err != nil {
		return err
	}
	compPred, err := gumCompromise(docs, compromiseIn)
	if err != nil {
		return err
	}
	rows := []gumRow{
		{"sitrep", eval.ScoreGUM(docs, sitrepPred.predict)},
		{"prose v2", eval.ScoreGUM(docs, prosePred.predict)},
		{"compromise", eval.ScoreGUM(docs, compPred.predict)},
	}
	return writeGUMMarkdown(os.Stdout, docs, rows, []gumPeer{sitrepPred, prosePred, compPred})
}

// gumParagraph is one line of a document's text (GUM's paragraphs are
// separated by "\n"), with its byte offset in the text.
type gumParagraph struct {
	doc, offset int
	text        string
}

func gumParagraphs(docs []eval.GUMDoc) []gumParagraph {
	var out []gumParagraph
	for i, d := range docs {
		off := 0
		for _, line := range strings.Split(d.Text, "\n") {
			out = append(out, gumParagraph{doc: i, offset: off, text: line})
			off += len(line) + 1
		}
	}
	return out
}

// gumPeer holds a tool's entities (sitrep's too) for each document, by
// document ID.
type gumPeer struct {
	ents     map[string][]sitrep.Entity
	notFound int            // prose entities whose text is not in the paragraph
	dropped  map[string]int // entities of labels not scored, by label
}

func newGUMPeer() gumPeer {
	return gumPeer{ents: map[string][]sitrep.Entity{}, dropped: map[string]int{}}
}

func (p gumPeer) predict(d eval.GUMDoc) []sitrep.Entity { return p.ents[d.ID] }

func (p gumPeer) count() int {
	n := 0
	for _, es := range p.ents {
		n += len(es)
	}
	return n
}

// gumSitrep runs sitrep as `sitrep eval ner --gum` does: the text and ner
// annotators on the document's text.
func gumSitrep(docs []eval.GUMDoc) (gumPeer, error) {
	p := newGUMPeer()
	pl := pipeline.New(text.Annotator{}, ner.Annotator{})
	for _, g := range docs {
		d, err := pl.Run(context.Background(), sitrep.Article{Text: g.Text})
		if err != nil {
			return p, fmt.Errorf("sitrep on %s: %w", g.ID, err)
		}
		p.ents[g.ID] = d.Entities
	}
	return p, nil
}

// gumProse runs prose v2 as the CoNLL mode does (one shared model, no
// segmentation), a paragraph at a time, and finds each entity's text in the
// paragraph, in order.
func gumProse(docs []eval.GUMDoc) (gumPeer, error) {
	p := newGUMPeer()
	first, err := prose.NewDocument("Ban Ki-moon visited Nairobi, Kenya, on Monday.")
	if err != nil {
		return p, err
	}
	opts := []prose.DocOpt{prose.UsingModel(first.Model), prose.WithSegmentation(false)}
	for _, par := range gumParagraphs(docs) {
		id := docs[par.doc].ID
		doc, err := prose.NewDocument(par.text, opts...)
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
			start, end, ok := findTokens(par.text, e.Text, from)
			if !ok {
				p.notFound++
				continue
			}
			from = end
			p.ents[id] = append(p.ents[id], sitrep.Entity{
				Span: sitrep.Span{Start: par.offset + start, End: par.offset + end},
				Text: par.text[start:end],
				Type: gumPeerTypes[typ],
			})
		}
	}
	return p, nil
}

// findTokens finds the first occurrence at or after byte from of an entity
// that prose gives as its tokens joined by single spaces. prose splits
// punctuation off words without a space in the text ("Wal-Mart" stays
// whole, but "Obama's" is "Obama" "'s") and straightens curly quotes
// before tokenizing, so the tokens may be separated by any white space or
// none, and ' and " match their curly forms. The match must not start or
// end inside a word of the text.
func findTokens(s, ent string, from int) (start, end int, ok bool) {
	parts := strings.Fields(ent)
	if len(parts) == 0 || from > len(s) {
		return 0, 0, false
	}
	for i, w := range parts {
		var b strings.Builder
		for _, r := range w {
			switch r {
			case '\'':
				b.WriteString(`['‘’]`)
			case '"':
				b.WriteString(`["“”]`)
			default:
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		parts[i] = b.String()
	}
	re := regexp.MustCompile(strings.Join(parts, `[\s\p{Z}]*`))
	for k := from; k <= len(s); {
		loc := re.FindStringIndex(s[k:])
		if loc == nil {
			return 0, 0, false
		}
		start, end = k+loc[0], k+loc[1]
		if !midWord(s, start) && !midWord(s, end) {
			return start, end, true
		}
		_, size := utf8.DecodeRuneInString(s[start:])
		k = start + max(size, 1)
	}
	return 0, 0, false
}

// midWord reports whether byte i of s lies between two letters or digits.
func midWord(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return word(before) && word(after)
}

// gumCompromise reads compromise.mjs's output for the paragraphs: one JSON
// array of {type, start, length} a line, in bytes of the paragraph.
func gumCompromise(docs []eval.GUMDoc, path string) (gumPeer, error) {
	p := newGUMPeer()
	b, err := os.ReadFile(path)
	if err != nil {
		return p, err
	}
	pars := gumParagraphs(docs)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != len(pars) {
		return p, fmt.Errorf("%s: %d lines for %d paragraphs", path, len(lines), len(pars))
	}
	for i, line := range lines {
		var ents []struct {
			Type          string
			Start, Length int
		}
		if err := json.Unmarshal([]byte(line), &ents); err != nil {
			return p, fmt.Errorf("%s line %d: %w", path, i+1, err)
		}
		par := pars[i]
		id := docs[par.doc].ID
		for _, e := range ents {
			start, end := e.Start, e.Start+e.Length
			if start < 0 || end > len(par.text) || start > end {
				return p, fmt.Errorf("%s line %d: span %d-%d outside the paragraph (%d bytes)", path, i+1, start, end, len(par.text))
			}
			if !utf8.ValidString(par.text[start:end]) {
				return p, fmt.Errorf("%s line %d: span %d-%d cuts a character of %q", path, i+1, start, end, par.text)
			}
			p.ents[id] = append(p.ents[id], sitrep.Entity{
				Span: sitrep.Span{Start: par.offset + start, End: par.offset + end},
				Text: par.text[start:end],
				Type: gumPeerTypes[e.Type],
			})
		}
	}
	return p, nil
}

type gumRow struct {
	tool string
	rep  eval.GUMReport
}

// writeGUMMarkdown prints the recall table and what each tool found;
// peers[i] goes with rows[i].
func writeGUMMarkdown(w io.Writer, docs []eval.GUMDoc, rows []gumRow, peers []gumPeer) error {
	b := bufio.NewWriter(w)
	pct := func(n, d int) string {
		if d == 0 {
			return "–"
		}
		return fmt.Sprintf("%.1f", 100*float64(n)/float64(d))
	}
	words := 0
	for _, d := range docs {
		words += len(d.Tokens)
	}
	fmt.Fprintf(b, "%d documents, %d paragraphs, %d words.\n\n", len(docs), len(gumParagraphs(docs)), words)
	fmt.Fprintln(b, "| tool | type | gold | exact span % | exact+type % | overlap+type % |")
	fmt.Fprintln(b, "| --- | --- | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		for _, s := range r.rep.Types {
			typ, ot := s.Type, pct(s.TypedOverlap, s.Gold)
			if typ == "total" {
				typ, ot = "**total**", "**"+ot+"**"
			}
			fmt.Fprintf(b, "| %s | %s | %d | %s | %s | %s |\n", r.tool, typ, s.Gold,
				pct(s.Exact, s.Gold), pct(s.TypedExact, s.Gold), ot)
		}
	}
	fmt.Fprintln(b)
	for k, r := range rows {
		p := peers[k]
		byType := map[string]int{}
		for _, es := range p.ents {
			for _, e := range es {
				byType[e.Type]++
			}
		}
		var counts []string
		for _, t := range []string{"PERSON", "LOC", "ORG", "MISC"} {
			if byType[t] > 0 {
				counts = append(counts, fmt.Sprintf("%s %d", t, byType[t]))
			}
		}
		fmt.Fprintf(b, "- %s: %d entities (%s)", r.tool, p.count(), strings.Join(counts, ", "))
		if p.notFound > 0 {
			fmt.Fprintf(b, "; %d more not found in the paragraph's text (left out)", p.notFound)
		}
		if len(p.dropped) > 0 {
			labels := slices.Sorted(maps.Keys(p.dropped))
			for i, l := range labels {
				labels[i] = fmt.Sprintf("%s %d", l, p.dropped[l])
			}
			fmt.Fprintf(b, "; dropped, of labels not scored: %s", strings.Join(labels, ", "))
		}
		fmt.Fprintln(b, ".")
	}
	return b.Flush()
}
