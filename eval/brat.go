package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Attribution gold in brat stand-off form, as PARC 3.0 and PolNeAR
// (https://github.com/networkdynamics/PolNeAR) lay it out: a directory with
// text/NAME.txt and attributions/NAME_*.ann (or attributions/NAME.ann), one
// .ann file per annotator or part. An .ann file holds
//
//	T1<TAB>Source 0 15<TAB>Washington Post
//	T2<TAB>Cue 20 24<TAB>said
//	T3<TAB>Content 30 80;85 120<TAB>...
//	T4<TAB>Attribution 20 24<TAB>said
//	E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1
//
// Text-bound annotations (T) give a type and one or more "start end"
// fragments separated by ";" (a discontinuous span), in Unicode code
// points, converted here to byte offsets. An event (E) of type Attribution
// or Attribution-no-source names its roles; a role may repeat (brat writes
// Source2, Cue2) and its T may be shared between events. Other lines
// (attributes, notes, relations) and other T types are ignored.
//
// Each (text, .ann) pair is one scored document: several annotators'
// files for one text are each compared with the same prediction, so the
// figures average over annotators rather than merging their marks.

// BratDoc is one text with the attributions of one .ann file.
type BratDoc struct {
	Name         string // the .ann file's name without its extension
	TextName     string // the .txt file's name without its extension
	Text         string
	Attributions []BratAttribution
}

// BratAttribution is one attribution relation, in byte offsets.
type BratAttribution struct {
	Source  []sitrep.Span // empty for Attribution-no-source
	Cue     []sitrep.Span
	Content []sitrep.Span // the fragments of a discontinuous content, in order
}

// ReadBratAnn reads one .ann file's attributions over text.
func ReadBratAnn(text string, r io.Reader) ([]BratAttribution, error) {
	cp := codePointOffsets(text)
	spans := map[string]bratSpan{}
	var events []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if l == "" {
			continue
		}
		switch l[0] {
		case 'T':
			id, rest, ok := strings.Cut(l, "\t")
			if !ok {
				return nil, fmt.Errorf("line %d: no tab after %q", line, id)
			}
			head, _, _ := strings.Cut(rest, "\t")
			typ, frags, ok := strings.Cut(head, " ")
			if !ok {
				return nil, fmt.Errorf("line %d: no offsets in %q", line, head)
			}
			var parts []sitrep.Span
			for _, f := range strings.Split(frags, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(f), " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || start < 0 || end < start || end >= len(cp) {
					return nil, fmt.Errorf("line %d: bad fragment %q (text has %d code points)", line, f, len(cp)-1)
				}
				parts = append(parts, sitrep.Span{Start: cp[start], End: cp[end]})
			}
			spans[id] = bratSpan{typ: typ, parts: parts}
		case 'E':
			events = append(events, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	var out []BratAttribution
	for _, l := range events {
		_, rest, _ := strings.Cut(l, "\t")
		args := strings.Fields(rest)
		if len(args) == 0 {
			continue
		}
		typ, _, _ := strings.Cut(args[0], ":")
		if typ != "Attribution" && typ != "Attribution-no-source" {
			continue
		}
		var a BratAttribution
		for _, arg := range args[1:] {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				return nil, fmt.Errorf("event %q: bad argument %q", l, arg)
			}
			s, ok := spans[id]
			if !ok {
				return nil, fmt.Errorf("event %q: no annotation %s", l, id)
			}
			switch strings.TrimRightFunc(role, unicode.IsDigit) {
			case "Source":
				a.Source = append(a.Source, s.parts...)
			case "Cue":
				a.Cue = append(a.Cue, s.parts...)
			case "Content":
				a.Content = append(a.Content, s.parts...)
			}
		}
		if len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

type bratSpan struct {
	typ   string
	parts []sitrep.Span
}

// codePointOffsets returns the byte offset of every code point of text and
// one past the last, so that cp[i] is the byte offset of code point i.
// Invalid UTF-8 bytes count as one code point each, as decoders replace them.
func codePointOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := 0; i < len(text); {
		out = append(out, i)
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return append(out, len(text))
}

// ReadBratDir reads DIR/text/*.txt and, for each, every
// DIR/attributions/NAME.ann and NAME_*.ann, in name order.
func ReadBratDir(dir string) ([]BratDoc, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("read brat %s: %w", dir, err)
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("read brat %s: no text/*.txt", dir)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("read brat %s: %w", dir, err)
	}
	isText := map[string]bool{}
	for _, tp := range texts {
		isText[strings.TrimSuffix(filepath.Base(tp), ".txt")] = true
	}
	byText := map[string][]string{} // NAME.ann belongs to NAME.txt, else NAME_X.ann to NAME.txt
	for _, p := range anns {
		base := strings.TrimSuffix(filepath.Base(p), ".ann")
		if i := strings.LastIndexByte(base, '_'); !isText[base] && i > 0 {
			base = base[:i]
		}
		byText[base] = append(byText[base], p)
	}
	sort.Strings(texts)
	var docs []BratDoc
	for _, tp := range texts {
		name := strings.TrimSuffix(filepath.Base(tp), ".txt")
		b, err := os.ReadFile(tp)
		if err != nil {
			return nil, fmt.Errorf("read brat: %w", err)
		}
		text := string(b)
		paths := byText[name]
		sort.Strings(paths)
		for _, ap := range paths {
			f, err := os.Open(ap)
			if err != nil {
				return nil, fmt.Errorf("read brat: %w", err)
			}
			attrs, err := ReadBratAnn(text, f)
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("read brat %s: %w", ap, err)
			}
			docs = append(docs, BratDoc{Name: strings.TrimSuffix(filepath.Base(ap), ".ann"), TextName: name, Text: text, Attributions: attrs})
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("read brat %s: no attributions/*.ann matches a text", dir)
	}
	return docs, nil
}

// Scoring quotes. A gold item is one fragment of an attribution's content
// (a content split by its attribution, “…,” he said, “…”, gives two, as
// the quote annotator does); its sources are the attribution's Source
// spans. A predicted item is one quote: its content span, whether it is
// direct, and its speaker as a set of spans (the speaker mention and every
// mention of the entity it resolves to).
//
//   - Spans are compared after trimming space, quotation marks and
//     , . ; : from both ends, and a leading complementizer "that" (gold
//     contents include the marks and the "that" of "said that ...", the
//     annotator's exclude both).
//   - Content exact: a gold item is found when some prediction has the same
//     trimmed span; a prediction is correct when it equals some gold
//     item. Content overlap: the same with "shares a byte". No one-to-one
//     matching: precision counts predictions, recall counts gold items.
//   - Speaker: a gold item with a source is found when a prediction
//     overlapping it has a speaker span overlapping one of its Source
//     spans; a prediction with a speaker is correct when it overlaps a
//     gold item with a source one of whose Source spans its speaker
//     overlaps. Precision is over predictions with a speaker, recall over
//     gold items with a source.
//   - Direct subset: gold items whose fragment is enclosed in quotation
//     marks (the first and last non-space characters are marks) and
//     predictions flagged Direct, scored in the same ways.

// QuotePrediction is one predicted quote, in byte offsets.
type QuotePrediction struct {
	Content sitrep.Span
	Direct  bool
	Speaker []sitrep.Span
}

// QuoteScore counts one measure's matches.
type QuoteScore struct {
	Gold, Found     int // gold items, and those found
	Predicted, Hits int // predictions, and those correct
}

// Precision is Hits/Predicted, 0 without predictions.
func (s QuoteScore) Precision() float64 { return gumRatio(s.Hits, s.Predicted) }

// Recall is Found/Gold, 0 without gold items.
func (s QuoteScore) Recall() float64 { return gumRatio(s.Found, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s QuoteScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *QuoteScore) add(o QuoteScore) {
	s.Gold += o.Gold
	s.Found += o.Found
	s.Predicted += o.Predicted
	s.Hits += o.Hits
}

// QuoteReport holds the quote scores over documents.
type QuoteReport struct {
	Docs                                      int
	Exact, Overlap, Speaker                   QuoteScore
	DirectExact, DirectOverlap, DirectSpeaker QuoteScore
}

type goldQuote struct {
	content sitrep.Span
	source  []sitrep.Span
	direct  bool
}

// Add scores one document's predictions against its gold attributions.
func (r *QuoteReport) Add(text string, gold []BratAttribution, pred []QuotePrediction) {
	r.Docs++
	var golds []goldQuote
	for _, a := range gold {
		for _, c := range a.Content {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End {
				continue
			}
			g := goldQuote{content: TrimQuoteSpan(text, c), source: a.Source, direct: enclosedInMarks(c.In(text))}
			if g.content.Len() > 0 {
				golds = append(golds, g)
			}
		}
	}
	var preds []QuotePrediction
	for _, p := range pred {
		if p.Content.Start < 0 || p.Content.End > len(text) || p.Content.Start > p.Content.End {
			continue
		}
		p.Content = TrimQuoteSpan(text, p.Content)
		if p.Content.Len() > 0 {
			preds = append(preds, p)
		}
	}
	score := func(directOnly bool) (exact, overlap, speaker QuoteScore) {
		for _, g := range golds {
			if directOnly && !g.direct {
				continue
			}
			exact.Gold++
			overlap.Gold++
			if len(g.source) > 0 {
				speaker.Gold++
			}
			var e, o, s bool
			for _, p := range preds {
				pe, po, ps := matchQuote(p, g)
				e, o, s = e || pe, o || po, s || ps
			}
			exact.Found += gumCount(e)
			overlap.Found += gumCount(o)
			speaker.Found += gumCount(s)
		}
		for _, p := range preds {
			if directOnly && !p.Direct {
				continue
			}
			exact.Predicted++
			overlap.Predicted++
			if len(p.Speaker) > 0 {
				speaker.Predicted++
			}
			var e, o, s bool
			for _, g := range golds {
				pe, po, ps := matchQuote(p, g)
				e, o, s = e || pe, o || po, s || ps
			}
			exact.Hits += gumCount(e)
			overlap.Hits += gumCount(o)
			speaker.Hits += gumCount(s)
		}
		return
	}
	e, o, s := score(false)
	r.Exact.add(e)
	r.Overlap.add(o)
	r.Speaker.add(s)
	e, o, s = score(true)
	r.DirectExact.add(e)
	r.DirectOverlap.add(o)
	r.DirectSpeaker.add(s)
}

// matchQuote reports whether a predicted quote has the gold's content,
// overlaps it, and overlaps it with a speaker on the gold's source.
func matchQuote(p QuotePrediction, g goldQuote) (exact, overlap, speaker bool) {
	overlap = p.Content.Overlaps(g.content)
	return p.Content == g.content, overlap, overlap && anyOverlap(p.Speaker, g.source)
}

func anyOverlap(a, b []sitrep.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Overlaps(y) {
				return true
			}
		}
	}
	return false
}

// isQuoteMark reports the quotation marks trimmed before comparing spans.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '”', '‘', '’', '«', '»', '„', '‹', '›':
		return true
	}
	return false
}

// TrimQuoteSpan trims space, quotation marks and , . ; : from both ends
// of s, and a leading "that", as the scorer compares spans.
func TrimQuoteSpan(text string, s sitrep.Span) sitrep.Span {
	t := s.In(text)
	trim := func(r rune) bool {
		return unicode.IsSpace(r) || isQuoteMark(r) || r == ',' || r == '.' || r == ';' || r == ':'
	}
	left := strings.TrimLeftFunc(t, trim)
	if rest, ok := strings.CutPrefix(left, "that"); ok && rest != "" && (rest[0] == ' ' || rest[0] == ',') {
		if rest = strings.TrimLeftFunc(rest, trim); rest != "" {
			left = rest
		}
	}
	s.Start += len(t) - len(left)
	s.End = s.Start + len(strings.TrimRightFunc(left, trim))
	return s
}

// enclosedInMarks reports whether t, without surrounding space and
// trailing punctuation outside the marks, opens and closes with
// quotation marks.
func enclosedInMarks(t string) bool {
	t = strings.TrimSpace(t)
	t = strings.TrimRight(t, ",.;: ")
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return len(t) > 1 && isQuoteMark(first) && isQuoteMark(last) && first != '\''
}

// WriteText prints the report as a table.
func (r QuoteReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "quotes: %d documents\n", r.Docs)
	fmt.Fprintf(&b, "%-24s %6s %6s %7s %7s %7s\n", "measure", "gold", "pred", "P", "R", "F1")
	for _, row := range []struct {
		name string
		s    QuoteScore
	}{
		{"content exact", r.Exact}, {"content overlap", r.Overlap}, {"speaker", r.Speaker},
		{"direct content exact", r.DirectExact}, {"direct content overlap", r.DirectOverlap}, {"direct speaker", r.DirectSpeaker},
	} {
		fmt.Fprintf(&b, "%-24s %6d %6d %7.3f %7.3f %7.3f\n", row.name, row.s.Gold, row.s.Predicted, row.s.Precision(), row.s.Recall(), row.s.F1())
	}
	b.WriteString("(spans compared without surrounding quotation marks and punctuation; speaker: overlaps the gold source, or the speaker's entity has a mention that does)\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// QuotePredictions turns an annotated Doc's quotes into predictions: the
// speaker of each is its mention's span and the spans of every entity
// mention with the same Key.
func QuotePredictions(d *sitrep.Doc) []QuotePrediction {
	byKey := map[string][]sitrep.Span{}
	for _, e := range d.Entities {
		if e.Key != "" {
			byKey[e.Key] = append(byKey[e.Key], e.Span)
		}
	}
	out := make([]QuotePrediction, 0, len(d.Quotes))
	for _, q := range d.Quotes {
		p := QuotePrediction{Content: q.Span, Direct: q.Direct}
		if q.Speaker != nil {
			p.Speaker = append([]sitrep.Span{q.Speaker.Span}, byKey[q.Speaker.Key]...)
		}
		out = append(out, p)
	}
	return out
}
