package web

// The article page shows an article's text with its annotation layers
// highlighted, like displaCy: the text is cut at every annotation boundary
// into segments, and each segment knows which layers cover it. Offsets in
// the Doc are bytes; offsets in URLs (?at=N) are code points, as in the
// API's contract.

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/a-h/templ"
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// layer is one of the annotation layers the article page highlights.
type layer uint8

const (
	layerEntity layer = iota // entities and the mentions that roles point at
	layerQuote
	layerCount
	layerTime
	layerPlace
	layerEvent
	numLayers
)

// allLayers lists the layers in the order the page shows them.
func allLayers() [numLayers]layer {
	return [numLayers]layer{layerEntity, layerQuote, layerCount, layerTime, layerPlace, layerEvent}
}

// name is the layer's name in class names (l-quote), checkbox ids
// (show-quote) and anchor ids (a-quote-3).
func (l layer) name() string {
	switch l {
	case layerEntity:
		return "entity"
	case layerQuote:
		return "quote"
	case layerCount:
		return "count"
	case layerTime:
		return "time"
	case layerPlace:
		return "place"
	case layerEvent:
		return "event"
	}
	return "unknown"
}

// title is the layer's name for people.
func (l layer) title() string {
	switch l {
	case layerEntity:
		return "Entities"
	case layerQuote:
		return "Quotes"
	case layerCount:
		return "Counts"
	case layerTime:
		return "Times"
	case layerPlace:
		return "Places"
	case layerEvent:
		return "Events"
	}
	return "Unknown"
}

// cue describes the layer's highlight without colour, for the legend.
func (l layer) cue() string {
	switch l {
	case layerEntity:
		return "solid underline"
	case layerQuote:
		return "shaded, italic, bar at the start"
	case layerCount:
		return "dotted box"
	case layerTime:
		return "dashed overline"
	case layerPlace:
		return "wavy underline"
	case layerEvent:
		return "bold, labelled with its type"
	}
	return ""
}

// layerSet is a set of layers, one bit each.
type layerSet uint8

func (s layerSet) has(l layer) bool { return s&(1<<l) != 0 }

// annRef names one annotation: its layer and its index in that layer's
// list. For the entity layer, indexes below len(Doc.Entities) are entities
// and the rest are the view's extra mentions.
type annRef struct {
	Layer layer
	Index int
}

// anchor is the id of the annotation's first segment.
func (r annRef) anchor() string { return "a-" + r.Layer.name() + "-" + strconv.Itoa(r.Index) }

// annSpan is an annotation with its byte span and, once segmented, its
// code-point span.
type annSpan struct {
	annRef
	Start, End     int // bytes
	AtStart, AtEnd int // code points, filled by segmentText
}

// segment is a run of text that the same annotations cover. A segment that
// is exactly "\n" separates paragraphs.
type segment struct {
	Text       string
	Start, End int // bytes
	At         int // code points before Start
	Layers     layerSet
	// Starts are the annotations whose first segment this is; Ends those
	// whose last segment it is.
	Starts, Ends []annRef
}

func (s segment) isBreak() bool { return s.Text == "\n" }

// segmentation is a text cut at every annotation boundary and newline.
type segmentation struct {
	Segments []segment
	// Kept are the annotations that fit the text, by start; Dropped counts
	// those that did not.
	Kept    []annSpan
	Dropped int
}

// validSpan reports whether [start, end) is a non-empty range of text that
// begins and ends on character boundaries.
func validSpan(text string, start, end int) bool {
	if start < 0 || start >= end || end > len(text) {
		return false
	}
	if !utf8.RuneStart(text[start]) {
		return false
	}
	return end == len(text) || utf8.RuneStart(text[end])
}

// segmentText cuts text at every boundary of the valid spans and around
// every newline. The segments cover the text exactly once, in order. It
// costs O(n log n) in the number of spans plus O(len(text)); annotations
// that do not fit the text are dropped, not trusted.
func segmentText(text string, spans []annSpan) segmentation {
	var out segmentation
	kept := make([]annSpan, 0, len(spans))
	for _, s := range spans {
		if validSpan(text, s.Start, s.End) {
			kept = append(kept, s)
		} else {
			out.Dropped++
		}
	}
	// Outer annotations first where they start together, so that the id on
	// a segment belongs to the widest annotation starting there.
	slices.SortStableFunc(kept, func(a, b annSpan) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End),
			cmp.Compare(a.Layer, b.Layer), cmp.Compare(a.Index, b.Index))
	})

	cuts := make([]int, 0, 2*len(kept)+2)
	cuts = append(cuts, 0, len(text))
	for _, s := range kept {
		cuts = append(cuts, s.Start, s.End)
	}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		cuts = append(cuts, i+j, i+j+1)
		i += j + 1
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	cps := make([]int, len(cuts))
	for i := 1; i < len(cuts); i++ {
		cps[i] = cps[i-1] + utf8.RuneCountInString(text[cuts[i-1]:cuts[i]])
	}
	at := func(b int) int {
		i, _ := slices.BinarySearch(cuts, b)
		return cps[i]
	}
	for i := range kept {
		kept[i].AtStart, kept[i].AtEnd = at(kept[i].Start), at(kept[i].End)
	}

	// Closing order: inner annotations first, so a quote's speaker arrow
	// follows the arrows of quotes nested in it.
	closes := make([]int, len(kept))
	for i := range closes {
		closes[i] = i
	}
	slices.SortStableFunc(closes, func(a, b int) int {
		x, y := kept[a], kept[b]
		return cmp.Or(cmp.Compare(x.End, y.End), cmp.Compare(y.Start, x.Start))
	})

	segs := make([]segment, 0, len(cuts))
	var active [numLayers]int
	next, ci := 0, 0
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		for ci < len(closes) && kept[closes[ci]].End <= a {
			s := kept[closes[ci]]
			active[s.Layer]--
			segs[len(segs)-1].Ends = append(segs[len(segs)-1].Ends, s.annRef)
			ci++
		}
		seg := segment{Text: text[a:b], Start: a, End: b, At: cps[k]}
		for next < len(kept) && kept[next].Start <= a {
			active[kept[next].Layer]++
			seg.Starts = append(seg.Starts, kept[next].annRef)
			next++
		}
		for l, n := range active {
			if n > 0 {
				seg.Layers |= 1 << l
			}
		}
		segs = append(segs, seg)
	}
	for ; ci < len(closes); ci++ {
		segs[len(segs)-1].Ends = append(segs[len(segs)-1].Ends, kept[closes[ci]].annRef)
	}
	out.Segments, out.Kept = segs, kept
	return out
}

// splitParagraphs splits segments at the newline segments, leaving out empty
// paragraphs. The paragraphs share the segments' backing array.
func splitParagraphs(segs []segment) [][]segment {
	var out [][]segment
	start := 0
	for i, s := range segs {
		if s.isBreak() {
			if i > start {
				out = append(out, segs[start:i])
			}
			start = i + 1
		}
	}
	if start < len(segs) {
		out = append(out, segs[start:])
	}
	return out
}

// articleView is what the article page shows: the Doc, its text cut into
// highlighted segments and the index the facts panel looks annotations up
// in. Build it with newArticleView; withFacts(at) pre-fills the facts panel
// (for /articles/{id}?at=N without JavaScript).
type articleView struct {
	ID  string
	Doc *sitrep.Doc
	// Record's provenance, shown under the text.
	Pipeline   string
	Version    int
	LayersVer  int
	RawSHA256  string
	Paragraphs [][]segment
	// Counts is the number of annotations of each layer, Dropped those
	// that did not fit the text and are not highlighted.
	Counts  [numLayers]int
	Dropped int
	// Selected is the code point the facts panel describes when HasSelected.
	Selected    int
	HasSelected bool

	base     string            // "/articles/{id}", escaped
	mentions []sitrep.Mention  // entity-layer items beyond Doc.Entities
	speaker  []int             // per quote: its speaker's entity-layer index, -1 when none
	kept     []annSpan         // annotations that fit the text, by start
	anchored map[annRef]bool   // annotations with an anchor in the text
	global   map[string]string // document entity key → global key
	keyNames map[string]string // document entity key → its canonical name
}

// newArticleView prepares rec for the article page. links, when given, are
// the article's entity links (store.ArticleLinks): entities with a global
// key link to /entities/{key}.
func newArticleView(rec *store.Record, links ...store.EntityLink) articleView {
	d := &sitrep.Doc{}
	v := articleView{}
	if rec != nil {
		if rec.Doc != nil {
			d = rec.Doc
		}
		v.Pipeline, v.Version, v.LayersVer, v.RawSHA256 = rec.Pipeline, rec.Version, rec.Layers, rec.RawSHA256
	}
	v.Doc, v.ID = d, d.ID
	v.base = "/articles/" + url.PathEscape(d.ID)
	v.global = make(map[string]string, len(links))
	for _, l := range links {
		if l.Article == d.ID && l.Local != "" && l.Global != "" {
			v.global[l.Local] = l.Global
		}
	}

	var spans []annSpan
	add := func(l layer, i int, s sitrep.Span) {
		spans = append(spans, annSpan{annRef: annRef{l, i}, Start: s.Start, End: s.End})
	}
	entityAt := make(map[sitrep.Span]int, len(d.Entities))
	v.keyNames = map[string]string{}
	for i, e := range d.Entities {
		if _, ok := v.keyNames[e.Key]; !ok && e.Key != "" {
			v.keyNames[e.Key] = cmp.Or(e.Name, e.Text)
		}
		add(layerEntity, i, e.Span)
		if _, ok := entityAt[e.Span]; !ok {
			entityAt[e.Span] = i
		}
	}
	// Speakers, actors and targets that are not entity mentions ("he",
	// "the White House") join the entity layer, so that arrows and roles
	// have somewhere to point.
	mention := func(m *sitrep.Mention) int {
		if m == nil {
			return -1
		}
		if i, ok := entityAt[m.Span]; ok {
			return i
		}
		i := len(d.Entities) + len(v.mentions)
		v.mentions = append(v.mentions, *m)
		entityAt[m.Span] = i
		add(layerEntity, i, m.Span)
		return i
	}
	v.speaker = make([]int, len(d.Quotes))
	for i, q := range d.Quotes {
		add(layerQuote, i, q.Span)
		v.speaker[i] = mention(q.Speaker)
	}
	for i, q := range d.Quantities {
		add(layerCount, i, q.Span)
	}
	for i, t := range d.Times {
		add(layerTime, i, t.Span)
	}
	for i, p := range d.Places {
		add(layerPlace, i, p.Span)
	}
	for i, e := range d.Events {
		add(layerEvent, i, e.Span)
		mention(e.Actor)
		mention(e.Target)
	}
	seg := segmentText(d.Text, spans)
	v.Paragraphs = splitParagraphs(seg.Segments)
	v.kept, v.Dropped = seg.Kept, seg.Dropped
	v.anchored = make(map[annRef]bool, len(seg.Kept))
	for _, s := range seg.Kept {
		v.anchored[s.annRef] = true
	}
	v.Counts = [numLayers]int{len(d.Entities) + len(v.mentions), len(d.Quotes), len(d.Quantities), len(d.Times), len(d.Places), len(d.Events)}
	return v
}

// withFacts returns the view with the facts panel describing code point
// at; a negative at leaves the panel empty.
func (v articleView) withFacts(at int) articleView {
	if at < 0 {
		return v
	}
	v.Selected, v.HasSelected = at, true
	return v
}

// covering returns the annotations that cover code point at, by layer and
// then by index.
func (v articleView) covering(at int) []annRef {
	var out []annRef
	for _, s := range v.kept {
		if s.AtStart > at {
			break // kept is sorted by start
		}
		if at < s.AtEnd {
			out = append(out, s.annRef)
		}
	}
	slices.SortFunc(out, func(a, b annRef) int {
		return cmp.Or(cmp.Compare(a.Layer, b.Layer), cmp.Compare(a.Index, b.Index))
	})
	return out
}

// parseAt reads a code-point offset from a URL: decimal digits only, at
// most nine of them, so that hostile input can neither overflow nor be
// read in more than one way.
func parseAt(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// segURL is the link of a segment without JavaScript; segFacts the URL
// htmx fetches the facts panel from.
func (v articleView) segURL(s segment) string {
	return v.base + "?at=" + strconv.Itoa(s.At) + "#facts"
}

func (v articleView) segFacts(s segment) string {
	return v.base + "/facts?at=" + strconv.Itoa(s.At)
}

// segClass is a segment's class list: the layers covering it, "start" when
// an annotation begins at it, and s-LAYER for each layer beginning there.
func segClass(s segment) string {
	var b strings.Builder
	b.WriteString("seg")
	for _, l := range allLayers() {
		if s.Layers.has(l) {
			b.WriteString(" l-")
			b.WriteString(l.name())
		}
	}
	if len(s.Starts) > 0 {
		b.WriteString(" start")
		var seen layerSet
		for _, r := range s.Starts {
			if !seen.has(r.Layer) {
				seen |= 1 << r.Layer
				b.WriteString(" s-")
				b.WriteString(r.Layer.name())
			}
		}
	}
	return b.String()
}

// segID is the anchor of the first annotation starting at s, "" when none;
// extraAnchors are the others, rendered as empty anchors before it.
func segID(s segment) string {
	if len(s.Starts) == 0 {
		return ""
	}
	return s.Starts[0].anchor()
}

func extraAnchors(s segment) []annRef {
	if len(s.Starts) < 2 {
		return nil
	}
	return s.Starts[1:]
}

// eventLabels are the types of the events starting at s.
func (v articleView) eventLabels(s segment) []string {
	var out []string
	for _, r := range s.Starts {
		if r.Layer == layerEvent {
			if e := v.event(r.Index); e != nil {
				out = append(out, cmp.Or(e.Subtype, e.Type, "event"))
			}
		}
	}
	return out
}

// speakerArrow is a speaker arrow drawn after a quote's last segment.
type speakerArrow struct {
	Name string
	Href string // "" when the speaker has no span in the text
}

// arrows are the speaker arrows of the quotes ending at s.
func (v articleView) arrows(s segment) []speakerArrow {
	var out []speakerArrow
	for _, r := range s.Ends {
		if r.Layer != layerQuote {
			continue
		}
		q := v.quote(r.Index)
		if q == nil || q.Speaker == nil {
			continue
		}
		a := speakerArrow{Name: cmp.Or(q.Speaker.Name, q.Speaker.Text, "unknown speaker")}
		if k := v.speaker[r.Index]; k >= 0 && v.anchored[annRef{layerEntity, k}] {
			a.Href = "#" + annRef{layerEntity, k}.anchor()
		}
		out = append(out, a)
	}
	return out
}

// The lookups below return nil for an index out of range: the layers'
// cross-references are input too.

func (v articleView) entityItem(i int) (m sitrep.Mention, e *sitrep.Entity, ok bool) {
	d := v.Doc
	switch {
	case i >= 0 && i < len(d.Entities):
		e := &d.Entities[i]
		return sitrep.Mention{Span: e.Span, Text: e.Text, Name: e.Name, Key: e.Key}, e, true
	case i >= len(d.Entities) && i-len(d.Entities) < len(v.mentions):
		return v.mentions[i-len(d.Entities)], nil, true
	}
	return sitrep.Mention{}, nil, false
}

func (v articleView) quote(i int) *sitrep.Quote {
	if i < 0 || i >= len(v.Doc.Quotes) {
		return nil
	}
	return &v.Doc.Quotes[i]
}

func (v articleView) count(i int) *sitrep.Quantity {
	if i < 0 || i >= len(v.Doc.Quantities) {
		return nil
	}
	return &v.Doc.Quantities[i]
}

func (v articleView) time(i *int) *sitrep.Time {
	if i == nil || *i < 0 || *i >= len(v.Doc.Times) {
		return nil
	}
	return &v.Doc.Times[*i]
}

func (v articleView) place(i *int) *sitrep.Place {
	if i == nil || *i < 0 || *i >= len(v.Doc.Places) {
		return nil
	}
	return &v.Doc.Places[*i]
}

func (v articleView) event(i int) *sitrep.Event {
	if i < 0 || i >= len(v.Doc.Events) {
		return nil
	}
	return &v.Doc.Events[i]
}

// source names who a fact rests on: the attribution's source with the
// sources it cites ("NBC ← two administration officials"), or the article.
func (v articleView) source(i *int) string {
	if i == nil || *i < 0 || *i >= len(v.Doc.Sourcing) {
		return "the article itself"
	}
	a := v.Doc.Sourcing[*i]
	var b strings.Builder
	b.WriteString(cmp.Or(a.Source.Name, a.Source.Text, "unnamed source"))
	for _, c := range a.Cites {
		b.WriteString(" ← ")
		b.WriteString(c.Text)
		if c.Anonymous {
			b.WriteString(" (anonymous)")
		}
	}
	return b.String()
}

// entityHref links a document entity key to its global entity page, ""
// when the article's links do not know it.
func (v articleView) entityHref(localKey string) string {
	g, ok := v.global[localKey]
	if !ok || localKey == "" {
		return ""
	}
	return "/entities/" + url.PathEscape(g)
}

// anchorHref links to an annotation's first segment, "" when it is not in
// the text.
func (v articleView) anchorHref(r annRef) string {
	if !v.anchored[r] {
		return ""
	}
	return "#" + r.anchor()
}

// mentionRole is something an entity-layer item does in another layer.
type mentionRole struct {
	What string // "Speaker of", "Actor in", "Target of"
	Ref  annRef
	Text string
}

// roles lists the quotes an entity-layer item speaks and the events it
// acts in or is the target of, matched by span.
func (v articleView) roles(sp sitrep.Span) []mentionRole {
	var out []mentionRole
	for i, q := range v.Doc.Quotes {
		if q.Speaker != nil && q.Speaker.Span == sp {
			out = append(out, mentionRole{"Speaker of", annRef{layerQuote, i}, quoteExcerpt(q.Text)})
		}
	}
	for i, e := range v.Doc.Events {
		what := cmp.Or(e.Subtype, e.Type)
		if e.Actor != nil && e.Actor.Span == sp {
			out = append(out, mentionRole{"Actor in", annRef{layerEvent, i}, what})
		}
		if e.Target != nil && e.Target.Span == sp {
			out = append(out, mentionRole{"Target of", annRef{layerEvent, i}, what})
		}
	}
	return out
}

// quoteExcerpt shortens s to about 80 characters, on a character boundary.
func quoteExcerpt(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// boundText renders a bound of a count; nil is open.
func boundText(n *int64) string {
	if n == nil {
		return "open"
	}
	return strconv.FormatInt(*n, 10)
}

func latLonText(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', 4, 64)
}

// textRun is a piece of hostile text to display: plain text, or one bidi
// control character shown as a visible marker.
type textRun struct {
	Text string
	Ctl  string // "U+202E" when the run is a control character
}

// isBidiControl reports the characters that reorder the text around them
// (embeddings, overrides, isolates and marks): displayed, they could make
// an article's text read differently from what is stored.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// textRuns splits s around its bidi controls. Most text has none and comes
// back as one run without allocating more than the slice.
func textRuns(s string) []textRun {
	var out []textRun
	start := 0
	for i, r := range s {
		if !isBidiControl(r) {
			continue
		}
		if i > start {
			out = append(out, textRun{Text: s[start:i]})
		}
		out = append(out, textRun{Ctl: fmt.Sprintf("U+%04X", r)})
		start = i + utf8.RuneLen(r)
	}
	if start < len(s) {
		out = append(out, textRun{Text: s[start:]})
	}
	return out
}

// hasBidiControl reports whether s needs textRuns at all.
func hasBidiControl(s string) bool {
	return strings.ContainsFunc(s, isBidiControl)
}

func publishedWords(v articleView) string {
	if v.Doc.Published.IsZero() {
		return "date unknown"
	}
	return v.Doc.Published.Format("2 January 2006")
}

// isWebURL reports whether s is an http(s) URL, the only kind the page links.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// entityGroup is one document entity with the number of its mentions, for
// the list under the text.
type entityGroup struct {
	Name, Type, Key string
	Mentions        int
	First           annRef // its first mention
}

// entityGroups groups the document's entity mentions by key (by type and
// name when a mention has no key), in order of first mention.
func (v articleView) entityGroups() []entityGroup {
	var out []entityGroup
	at := map[string]int{}
	for i, e := range v.Doc.Entities {
		k := e.Key
		if k == "" {
			k = "\x00" + e.Type + "\x00" + cmp.Or(e.Name, e.Text)
		}
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, entityGroup{Name: cmp.Or(e.Name, e.Text), Type: e.Type, Key: e.Key, First: annRef{layerEntity, i}})
		}
		out[j].Mentions++
	}
	return out
}

// The text is rendered in Go rather than templ: templ turns a line break
// between sibling nodes into a space, and the text must come out exactly
// as stored, whoever reformats the templates. Everything from the article
// goes through templ.EscapeString.

// articleText renders the paragraphs of the highlighted text.
func articleText(v articleView) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		var b strings.Builder
		b.Grow(2*len(v.Doc.Text) + 256*len(v.kept))
		for _, p := range v.Paragraphs {
			b.WriteString(`<p dir="auto">`)
			for _, s := range p {
				v.writeSegment(&b, s)
			}
			b.WriteString("</p>\n")
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// writeSegment writes one segment with what goes around it: anchors of
// further annotations starting there, event labels, and the speaker arrows
// of quotes ending with it.
func (v articleView) writeSegment(b *strings.Builder, s segment) {
	for _, r := range extraAnchors(s) {
		b.WriteString(`<span class="anchor" id="`)
		b.WriteString(r.anchor())
		b.WriteString(`"></span>`)
	}
	for _, name := range v.eventLabels(s) {
		b.WriteString(`<span class="label" aria-hidden="true">`)
		writeShown(b, name)
		b.WriteString(`</span>`)
	}
	switch {
	case s.Layers == 0:
		writeShown(b, s.Text)
	case strings.TrimSpace(s.Text) == "":
		// Blank text between two words of one annotation keeps its
		// highlight but is no link: a link must have words to announce,
		// and a Tab stop on a space helps no one.
		openSegment(b, "span", s)
		b.WriteString(`>`)
		writeShown(b, s.Text)
		b.WriteString(`</span>`)
	default:
		openSegment(b, "a", s)
		b.WriteString(` href="`)
		b.WriteString(templ.EscapeString(v.segURL(s)))
		b.WriteString(`" hx-get="`)
		b.WriteString(templ.EscapeString(v.segFacts(s)))
		b.WriteString(`" hx-target="#facts" hx-swap="innerHTML">`)
		writeShown(b, s.Text)
		b.WriteString(`</a>`)
	}
	for _, a := range v.arrows(s) {
		if a.Href != "" {
			b.WriteString(`<a class="speaker-arrow" href="`)
			b.WriteString(templ.EscapeString(a.Href))
			b.WriteString(`">→ <bdi>`)
			writeShown(b, a.Name)
			b.WriteString(`</bdi></a>`)
		} else {
			b.WriteString(`<span class="speaker-arrow">→ <bdi>`)
			writeShown(b, a.Name)
			b.WriteString(`</bdi></span>`)
		}
	}
}

// openSegment writes the start of the element that marks segment s, up to
// its class and id attributes: `<span class="…" id="…"`.
func openSegment(b *strings.Builder, tag string, s segment) {
	b.WriteString(`<`)
	b.WriteString(tag)
	b.WriteString(` class="`)
	b.WriteString(segClass(s))
	b.WriteString(`"`)
	if id := segID(s); id != "" {
		b.WriteString(` id="`)
		b.WriteString(id)
		b.WriteString(`"`)
	}
}

// writeShown writes hostile text escaped, with each bidi control shown as
// a visible marker instead of taking effect.
func writeShown(b *strings.Builder, s string) {
	if !hasBidiControl(s) {
		writeBreakable(b, s)
		return
	}
	for _, r := range textRuns(s) {
		if r.Ctl == "" {
			writeBreakable(b, r.Text)
			continue
		}
		b.WriteString(`<span class="ctl" title="`)
		b.WriteString(r.Ctl)
		b.WriteString(`">⟮`)
		b.WriteString(r.Ctl)
		b.WriteString(`⟯</span>`)
	}
}

// wordBreakEvery is how many characters without a space may run before a
// line-break opportunity (<wbr>) is offered. CSS overflow-wrap wraps such
// runs too, but Chromium lays a 50,000-character run out in seconds; with
// break opportunities it takes milliseconds. The text itself is unchanged.
const wordBreakEvery = 40

// writeBreakable writes s escaped, with a <wbr> every wordBreakEvery
// characters of a run without white space.
func writeBreakable(b *strings.Builder, s string) {
	run, last := 0, 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			run = 0
			continue
		}
		run++
		if run > wordBreakEvery {
			b.WriteString(templ.EscapeString(s[last:i]))
			b.WriteString("<wbr>")
			last, run = i, 1
		}
	}
	b.WriteString(templ.EscapeString(s[last:]))
}

// shown renders hostile text as writeShown does, for the templates.
func shown(s string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		var b strings.Builder
		writeShown(&b, s)
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// validLang reports whether s looks like a language tag ("en", "pt-BR"),
// the only thing the text's lang attribute may hold.
func validLang(s string) bool {
	if len(s) < 2 || len(s) > 35 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// timeRange is the range a time expression opens or closes.
func timeRange(t sitrep.Time) string {
	return "(" + cmp.Or(t.From, "?") + " to " + cmp.Or(t.Until, "?") + ")"
}

// placeDetail is a place's kind, country and coordinates.
func placeDetail(p sitrep.Place) string {
	s := "(" + cmp.Or(p.Kind, "place")
	if p.Country != "" {
		s += ", " + p.Country
	}
	s += ")"
	if p.Lat != nil && p.Lon != nil {
		s += " " + latLonText(p.Lat) + ", " + latLonText(p.Lon)
	}
	return s
}

// quoteCue is the cue and addressee between a speaker and the words:
// " told reporters: ".
func quoteCue(q sitrep.Quote) string {
	s := " " + cmp.Or(q.Cue, "said")
	if q.Addressee != nil && *q.Addressee != "" {
		s += " " + *q.Addressee
	}
	return s + ": "
}

// modalityText is an event's modality in words: "negated, occurred",
// "threatened (a campaign)".
func modalityText(e sitrep.Event) string {
	s := cmp.Or(e.Modality, "unknown")
	if e.Negated {
		s = "negated, " + s
	}
	if e.Aggregate {
		s += " (a campaign of several incidents)"
	}
	return s
}

// keyName is the canonical name of the document entity with key, "" when
// no entity has it.
func (v articleView) keyName(key string) string {
	return v.keyNames[key]
}

// droppedText says how many annotations are not highlighted.
func droppedText(n int) string {
	if n == 1 {
		return "1 annotation does not fit the text and is not highlighted."
	}
	return strconv.Itoa(n) + " annotations do not fit the text and are not highlighted."
}
