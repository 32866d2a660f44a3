package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// GUM is the Georgetown University Multilayer corpus
// (https://gucorpling.org/gum/), read here in its CorefUD-style CoNLL-U
// release. Its Wikinews part is the cross-domain check of the entity
// tagger: a tagger trained on CoNLL-style news should find the names GUM's
// annotators marked in other newswire.
//
// Reading follows CoNLL-U (https://universaldependencies.org/format.html):
//
//   - Lines are comments (#), word lines with ten tab-separated columns, or
//     blank lines ending a sentence. A word line's ID is an integer (the
//     next syntactic word), a range "3-4" (a multiword token: its FORM is
//     the surface text of the words 3 and 4 that follow) or a decimal
//     "3.1" (an empty node, which has no text).
//   - "# newdoc" starts a document; its "id = X" names it. Words before
//     any "# newdoc" form a document with an empty ID (which ReadGUMDir
//     replaces by the file's name).
//   - A document's Text is rebuilt from the surface tokens: within a
//     sentence they are separated by one space unless the token's MISC
//     has SpaceAfter=No (for a multiword token, the range line's MISC
//     counts); sentences are separated by "\n" when "# newpar" precedes
//     them, else by " ". When a sentence has a "# text" comment, the
//     rebuilt sentence must equal it, so that a rebuilt offset is an
//     offset into the annotators' text.
//   - GUMDoc.Tokens holds one span per syntactic word. The words of a
//     multiword token get their parts of it when their forms spell it
//     ("Trump's" = "Trump" + "'s"), else each gets the whole token.
//
// Entities are the MISC Entity attribute, with CorefUD's bracket syntax:
// "(3-place-new-…" opens a mention of entity 3 on this word, "3)" closes
// the innermost open mention of entity 3, "(4-time-…)" is a mention of one
// word, and several follow each other without separators. The fields of
// an opening are named by "# global.Entity" (GUM's
// GRP-etype-infstat-salience-centering-minspan-link-identity when absent);
// the last field takes the rest of the opening, so an identity may contain
// hyphens. A discontinuous mention's parts are marked "3[1/2]", "3[2/2]";
// they become one GUMMention spanning from the first part's start to the
// last part's end (its Text includes the gap). An annotation on an empty node opens a mention at the
// next word or closes it at the previous one; a mention of empty nodes only
// has no text and is dropped. Bridge, SplitAnte and the other MISC
// attributes are ignored.
//
// Named: GUM annotates every mention (pronouns and common nouns too), so
// the named ones must be told apart. A mention's heads are its words whose
// HEAD lies outside it (usually one), and its name words the heads and the
// words attached to a head as flat or appos: GUM makes the title the head
// of "actor Dennis Hopper" (actor ← flat ← Dennis) and of "captain Harry
// Kane" (captain ← appos ← Harry). A mention is Named when
//
//   - one of its name words has UPOS PROPN ("Barack Obama", "NASA", "the
//     United States", "U.S. President Donald Trump's", "actor Dennis
//     Hopper", "Indonesia"), or
//   - it has an identity and one of its name words, other than a PRON or
//     DET, starts with an upper-case letter: this recovers the few names
//     GUM tags otherwise ("US" as ADJ in "US President Barack Obama",
//     "Facebook" as NOUN at the start of a sentence).
//
// So "asylum seekers", "the coast of Aceh, Indonesia" (head "coast") and
// "the New Zealand government" (head "government") are not named, while a
// title GUM tags PROPN is ("The President", twice in the Wikinews part).
// The identity alone is not enough: GUM gives it to every mention of a
// linked entity, so "he", "the agency" and "the country" carry it too.
// Nor is GUM's minspan field used: it keeps the words that tell an entity
// apart, so that of "the thousands of dedicated men and women at Johnson
// Space Center" includes "Johnson Space".

// GUMDoc is one document: its text rebuilt from the tokens (see above),
// the byte span of every syntactic word, and its entity mentions.
type GUMDoc struct {
	ID       string
	Text     string
	Tokens   []sitrep.Span
	Mentions []GUMMention // sorted by start, longer first at equal starts
}

// GUMMention is one entity mention.
type GUMMention struct {
	sitrep.Span
	Text string
	// Type is GUM's etype: person, place, organization, abstract, event,
	// time, object, substance, animal or plant.
	Type string
	// Named reports a proper-noun mention (see above).
	Named bool
	// Identity is the entity's Wikipedia title ("Barack_Obama"), "" when
	// GUM links none. Every mention of a linked entity has it.
	Identity string
}

// gumDefaultFields is GUM's global.Entity, for files that do not declare it.
var gumDefaultFields = []string{"GRP", "etype", "infstat", "salience", "centering", "minspan", "link", "identity"}

// ReadGUM reads one CoNLL-U file, which may hold several documents.
// Malformed input is an error that names the line.
func ReadGUM(r io.Reader) ([]GUMDoc, error) {
	p := gumParser{fields: gumDefaultFields}
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("read gum: line %d: %w", p.line+1, err)
		}
		if line != "" || err == nil {
			p.line++
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			if perr := p.handle(line); perr != nil {
				return nil, fmt.Errorf("read gum: line %d: %w", p.line, perr)
			}
		}
		if err == io.EOF {
			break
		}
	}
	if err := p.finish(); err != nil {
		return nil, fmt.Errorf("read gum: line %d: %w", p.line, err)
	}
	return p.docs, nil
}

// ReadGUMDir reads every *.conllu file in dir, in name order, and returns
// their documents in that order.
func ReadGUMDir(dir string) ([]GUMDoc, error) {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, fmt.Errorf("read gum: %w", err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".conllu") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("read gum %s: no .conllu files", dir)
	}
	var docs []GUMDoc
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("read gum: %w", err)
		}
		ds, err := ReadGUM(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for i := range ds {
			if ds[i].ID == "" {
				ds[i].ID = strings.TrimSuffix(filepath.Base(path), ".conllu")
			}
		}
		docs = append(docs, ds...)
	}
	return docs, nil
}

// gumParser reads a file line by line.
type gumParser struct {
	fields []string // names of the fields of an Entity opening
	line   int      // number of the current line
	docs   []GUMDoc
	doc    *gumDocBuilder // nil before the first sentence or # newdoc

	// The current sentence.
	inSent    bool // a word line was seen since the last blank line
	newpar    bool // # newpar seen since the last sentence
	text      string
	textLine  int
	hasText   bool // the sentence has a # text
	sentStart int  // offset of the sentence in the document text
	sentBase  int  // index in doc.tokens of the sentence's word 1
	lastWord  int  // ID of the last word line
	space     bool // a space is due before the next surface token

	// The multiword token being read, when mwtEnd > 0.
	mwtStart, mwtEnd int
	mwtForm          string
	mwtOffset        int
	mwtForms         []string // the forms of its words read so far
}

// gumDocBuilder collects one document.
type gumDocBuilder struct {
	id       string
	text     strings.Builder
	tokens   []sitrep.Span
	upos     []string
	heads    []int // index in tokens of the word's head, -1 for the root or none
	deprels  []string
	open     []*gumOpen
	parts    map[string]*gumOpen // discontinuous mentions awaiting parts, by entity and part count
	mentions []*gumOpen          // complete mentions with at least one word
}

// gumOpen is a mention being read.
type gumOpen struct {
	eid    string // the entity as written, with its [k/n] suffix
	base   string // without the suffix
	of     int    // n of the suffix, 1 without one
	nparts int    // parts read so far
	line   int    // where it opens
	fields map[string]string
	words  []int // its words, in order
}

func (p *gumParser) handle(line string) error {
	if strings.TrimSpace(line) == "" {
		return p.endSentence()
	}
	if strings.HasPrefix(line, "#") {
		return p.comment(strings.TrimSpace(line[1:]))
	}
	return p.word(line)
}

func (p *gumParser) comment(c string) error {
	if p.inSent {
		return fmt.Errorf("comment %q inside a sentence (a blank line must end the sentence first)", gumTruncate(c, 40))
	}
	key, val, hasVal := strings.Cut(c, "=")
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	switch {
	case key == "newdoc" || strings.HasPrefix(key, "newdoc "):
		if err := p.finishDoc(); err != nil {
			return err
		}
		id := ""
		if hasVal && strings.TrimSpace(strings.TrimPrefix(key, "newdoc")) == "id" {
			id = val
		}
		p.doc = &gumDocBuilder{id: id}
		p.newpar = false
	case key == "newpar" || strings.HasPrefix(key, "newpar "):
		p.newpar = true
	case key == "text" && hasVal:
		p.text, p.hasText, p.textLine = val, true, p.line
	case key == "global.Entity" && hasVal:
		f := strings.Split(val, "-")
		if len(f) < 2 || slices.Contains(f, "") {
			return fmt.Errorf("global.Entity %q: want field names separated by hyphens", val)
		}
		p.fields = f
	}
	return nil
}

func (p *gumParser) word(line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("word line has %d tab-separated columns, want 10", len(cols))
	}
	if p.doc == nil {
		p.doc = &gumDocBuilder{}
	}
	d := p.doc
	if !p.inSent {
		p.inSent = true
		if d.text.Len() > 0 {
			if p.newpar {
				d.text.WriteByte('\n')
			} else {
				d.text.WriteByte(' ')
			}
		}
		p.newpar = false
		p.sentStart = d.text.Len()
		p.sentBase = len(d.tokens)
		p.lastWord = 0
		p.space = false
	}
	id, form, upos, head, deprel, misc := cols[0], cols[1], cols[3], cols[6], cols[7], cols[9]
	if a, b, ok := strings.Cut(id, "-"); ok {
		return p.multiword(id, a, b, form, misc)
	}
	if a, b, ok := strings.Cut(id, "."); ok {
		n, err := strconv.Atoi(a)
		if !gumIsUint(a) || !gumIsUint(b) || err != nil {
			return fmt.Errorf("bad empty node ID %q", id)
		}
		if n != p.lastWord {
			return fmt.Errorf("empty node %s after word %d, want it right after word %s", id, p.lastWord, a)
		}
		return p.entities(misc, -1)
	}
	n, err := strconv.Atoi(id)
	if !gumIsUint(id) || err != nil {
		return fmt.Errorf("bad word ID %q", id)
	}
	if n != p.lastWord+1 {
		return fmt.Errorf("word %s after word %d, want %d", id, p.lastWord, p.lastWord+1)
	}
	p.lastWord = n
	h := -1
	switch {
	case head == "_":
	case gumIsUint(head):
		if k, err := strconv.Atoi(head); err == nil && k > 0 && k <= 1<<20 {
			h = p.sentBase + k - 1
		}
	default:
		return fmt.Errorf("word %s: bad HEAD %q", id, head)
	}

	var span sitrep.Span
	if p.mwtEnd > 0 {
		span = sitrep.Span{Start: p.mwtOffset, End: p.mwtOffset + len(p.mwtForm)}
		p.mwtForms = append(p.mwtForms, form)
	} else {
		if p.space {
			d.text.WriteByte(' ')
		}
		span.Start = d.text.Len()
		d.text.WriteString(form)
		span.End = d.text.Len()
		p.space = !gumHasMisc(misc, "SpaceAfter=No")
	}
	d.tokens = append(d.tokens, span)
	d.upos = append(d.upos, upos)
	d.heads = append(d.heads, h)
	d.deprels = append(d.deprels, deprel)
	if p.mwtEnd > 0 && n == p.mwtEnd {
		p.endMultiword()
	}
	i := len(d.tokens) - 1
	for _, m := range d.open {
		m.words = append(m.words, i)
	}
	return p.entities(misc, i)
}

// multiword starts the multiword token a-b.
func (p *gumParser) multiword(id, a, b, form, misc string) error {
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if !gumIsUint(a) || !gumIsUint(b) || err1 != nil || err2 != nil {
		return fmt.Errorf("bad multiword token ID %q", id)
	}
	if p.mwtEnd > 0 {
		return fmt.Errorf("multiword token %s inside multiword token %d-%d", id, p.mwtStart, p.mwtEnd)
	}
	if start != p.lastWord+1 || end < start {
		return fmt.Errorf("multiword token %s after word %d, want a range starting at %d", id, p.lastWord, p.lastWord+1)
	}
	d := p.doc
	if p.space {
		d.text.WriteByte(' ')
	}
	p.mwtStart, p.mwtEnd, p.mwtForm, p.mwtForms = start, end, form, nil
	p.mwtOffset = d.text.Len()
	d.text.WriteString(form)
	p.space = !gumHasMisc(misc, "SpaceAfter=No")
	return nil
}

// endMultiword gives the words of the multiword token just read their
// parts of it, when their forms spell it.
func (p *gumParser) endMultiword() {
	words := p.doc.tokens[len(p.doc.tokens)-len(p.mwtForms):]
	if strings.Join(p.mwtForms, "") == p.mwtForm {
		off := p.mwtOffset
		for i, f := range p.mwtForms {
			words[i] = sitrep.Span{Start: off, End: off + len(f)}
			off += len(f)
		}
	}
	p.mwtStart, p.mwtEnd, p.mwtForm, p.mwtForms = 0, 0, "", nil
}

// entities reads the Entity attribute of a word line's MISC (word is the
// word's index in the document's tokens) or of an empty node's (word < 0),
// whose openings start at the next word and whose closings end at the
// previous one, which already is in the open mentions.
func (p *gumParser) entities(misc string, word int) error {
	var val string
	for _, a := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(a, "Entity="); ok {
			val = v
			break
		}
	}
	d := p.doc
	for i := 0; i < len(val); {
		if val[i] == '(' {
			j := i + 1
			for j < len(val) && val[j] != '(' && val[j] != ')' {
				j++
			}
			m, err := p.openMention(val[i+1 : j])
			if err != nil {
				return err
			}
			if word >= 0 {
				m.words = append(m.words, word)
			}
			d.open = append(d.open, m)
			i = j
			if j < len(val) && val[j] == ')' {
				if err := p.closeMention(m.eid); err != nil {
					return err
				}
				i = j + 1
			}
			continue
		}
		j := strings.IndexAny(val[i:], "()")
		if j < 0 || val[i+j] != ')' {
			return fmt.Errorf("bad Entity=%s: %q is neither an opening \"(\" nor a closing \"ID)\"", val, val[i:])
		}
		if err := p.closeMention(val[i : i+j]); err != nil {
			return err
		}
		i += j + 1
	}
	return nil
}

// openMention parses an opening's fields.
func (p *gumParser) openMention(desc string) (*gumOpen, error) {
	vals := strings.SplitN(desc, "-", len(p.fields))
	eid := vals[0]
	base, of, err := gumEntityID(eid)
	if err != nil {
		return nil, fmt.Errorf("entity opening %q: %w", desc, err)
	}
	m := &gumOpen{eid: eid, base: base, of: of, line: p.line, fields: map[string]string{}}
	for k, v := range vals[1:] {
		m.fields[p.fields[k+1]] = v
	}
	return m, nil
}

// closeMention ends the innermost open mention of eid.
func (p *gumParser) closeMention(eid string) error {
	if _, _, err := gumEntityID(eid); err != nil {
		return fmt.Errorf("entity closing %q: %w", eid+")", err)
	}
	d := p.doc
	k := len(d.open) - 1
	for k >= 0 && d.open[k].eid != eid {
		k--
	}
	if k < 0 {
		return fmt.Errorf("entity closing %q: entity %s has no open mention", eid+")", eid)
	}
	m := d.open[k]
	d.open = slices.Delete(d.open, k, k+1)
	m.nparts = 1
	if m.of > 1 {
		key := m.base + "/" + strconv.Itoa(m.of)
		prev := d.parts[key]
		if prev == nil {
			if d.parts == nil {
				d.parts = map[string]*gumOpen{}
			}
			d.parts[key] = m
			return nil
		}
		prev.words = append(prev.words, m.words...)
		prev.nparts++
		if prev.fields["etype"] == "" {
			prev.fields = m.fields
		}
		if prev.nparts < prev.of {
			return nil
		}
		delete(d.parts, key)
		m = prev
	}
	if len(m.words) > 0 {
		d.mentions = append(d.mentions, m)
	}
	return nil
}

// gumEntityID splits "3[1/2]" into 3 and the part count 2; an ID without
// a suffix has one part.
func gumEntityID(eid string) (base string, of int, err error) {
	if eid == "" {
		return "", 0, errors.New("empty entity ID")
	}
	base, suffix, ok := strings.Cut(eid, "[")
	if !ok {
		return eid, 1, nil
	}
	ks, ns, ok := strings.Cut(strings.TrimSuffix(suffix, "]"), "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if base == "" || !strings.HasSuffix(suffix, "]") || !ok || err1 != nil || err2 != nil || k < 1 || k > n {
		return "", 0, fmt.Errorf("bad entity ID %q (want N or N[k/n])", eid)
	}
	return base, n, nil
}

func (p *gumParser) endSentence() error {
	if !p.inSent {
		p.hasText = false
		return nil
	}
	p.inSent = false
	if p.mwtEnd > 0 {
		return fmt.Errorf("sentence ends inside multiword token %d-%d", p.mwtStart, p.mwtEnd)
	}
	if p.hasText {
		p.hasText = false
		if got := p.doc.text.String()[p.sentStart:]; got != p.text {
			return fmt.Errorf("sentence rebuilt from its words as %q, but its # text (line %d) is %q", gumTruncate(got, 80), p.textLine, gumTruncate(p.text, 80))
		}
	}
	return nil
}

func (p *gumParser) finish() error {
	if err := p.endSentence(); err != nil {
		return err
	}
	return p.finishDoc()
}

// finishDoc adds the document being read to p.docs.
func (p *gumParser) finishDoc() error {
	d := p.doc
	if d == nil {
		return nil
	}
	p.doc = nil
	if len(d.open) > 0 {
		m := d.open[0]
		return fmt.Errorf("document %q ends with the mention of entity %s opened on line %d still open", d.id, m.eid, m.line)
	}
	for _, m := range d.parts {
		return fmt.Errorf("document %q ends with %d of the %d parts of a mention of entity %s (line %d)", d.id, m.nparts, m.of, m.base, m.line)
	}
	doc := GUMDoc{ID: d.id, Text: d.text.String(), Tokens: d.tokens}
	for _, m := range d.mentions {
		s := sitrep.Span{Start: d.tokens[m.words[0]].Start, End: d.tokens[m.words[len(m.words)-1]].End}
		doc.Mentions = append(doc.Mentions, GUMMention{
			Span:     s,
			Text:     s.In(doc.Text),
			Type:     m.fields["etype"],
			Named:    d.named(m, doc.Text),
			Identity: m.fields["identity"],
		})
	}
	sort.SliceStable(doc.Mentions, func(i, j int) bool {
		a, b := doc.Mentions[i], doc.Mentions[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	p.docs = append(p.docs, doc)
	return nil
}

// named reports whether the mention is a name (see the comment above
// GUMDoc).
func (d *gumDocBuilder) named(m *gumOpen, text string) bool {
	linked := m.fields["identity"] != ""
	for _, w := range m.words {
		h := d.heads[w]
		isHead := !slices.Contains(m.words, h)
		if !isHead && !(gumNameRel(d.deprels[w]) && !slices.Contains(m.words, d.heads[h])) {
			continue
		}
		switch d.upos[w] {
		case "PROPN":
			return true
		case "PRON", "DET":
			continue
		}
		if r, _ := utf8.DecodeRuneInString(d.tokens[w].In(text)); linked && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// gumNameRel reports the dependency relations that attach a name to the
// noun it names: "actor Dennis Hopper" is actor ← flat ← Dennis in GUM,
// "captain Harry Kane" captain ← appos ← Harry.
func gumNameRel(deprel string) bool {
	rel, _, _ := strings.Cut(deprel, ":")
	return rel == "flat" || rel == "appos"
}

func gumIsUint(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// gumHasMisc reports whether a MISC column has the attribute a ("SpaceAfter=No").
func gumHasMisc(misc, a string) bool {
	return slices.Contains(strings.Split(misc, "|"), a)
}

func gumTruncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// GUM's scoring: recall of its named person, place and organization
// mentions by a tagger's entities.
//
//   - Gold mentions are the Named mentions of etype person, place and
//     organization, which correspond to PERSON, LOC and ORG. Only recall is
//     meaningful: GUM leaves out names of other kinds (products, events,
//     nationalities: CoNLL's MISC) and tags nested mentions, so a tagger's
//     other entities are not errors and no precision is reported.
//   - Spans are compared after normalization, applied alike to gold and
//     predicted spans: surrounding white space is dropped, then a leading
//     "the" or "The" followed by white space (GUM includes determiners,
//     "the United States", where CoNLL tags "United States"), then a
//     trailing possessive "'s" or "’s", or the apostrophe of a plural
//     possessive "s'" (GUM includes it, "Trump's"). Nothing is dropped
//     from a span that would be left empty.
//   - A gold mention is found at its exact span when a prediction has the
//     same normalized span; it overlaps when a prediction shares a byte
//     with it. The typed figures also require the prediction's Type to be
//     the gold type's mapping. A prediction may find several gold mentions
//     (nested ones overlap it); recall has no one-to-one matching.
//   - Predicted spans that do not fit the document's text, or are empty
//     once normalized, are ignored.

// gumTypes maps the scored GUM etypes to sitrep entity types, in report order.
var gumTypes = []struct{ gum, sitrep string }{
	{"person", "PERSON"},
	{"place", "LOC"},
	{"organization", "ORG"},
}

// GUMTypeScore counts the gold mentions of one GUM type ("total" for all
// three) and how many a tagger found.
type GUMTypeScore struct {
	Type         string
	Gold         int // named gold mentions
	Exact        int // found at their exact (normalized) span, by an entity of any type
	Overlap      int // overlapped by an entity of any type
	TypedExact   int // found at their exact span by an entity of the mapped type
	TypedOverlap int // overlapped by an entity of the mapped type
}

// ExactRecall is Exact/Gold, 0 without gold mentions.
func (s GUMTypeScore) ExactRecall() float64 { return gumRatio(s.Exact, s.Gold) }

// OverlapRecall is Overlap/Gold, 0 without gold mentions.
func (s GUMTypeScore) OverlapRecall() float64 { return gumRatio(s.Overlap, s.Gold) }

// TypedExactRecall is TypedExact/Gold, 0 without gold mentions.
func (s GUMTypeScore) TypedExactRecall() float64 { return gumRatio(s.TypedExact, s.Gold) }

// TypedOverlapRecall is TypedOverlap/Gold, 0 without gold mentions.
func (s GUMTypeScore) TypedOverlapRecall() float64 { return gumRatio(s.TypedOverlap, s.Gold) }

func gumRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// GUMReport is a tagger's recall over GUM documents.
type GUMReport struct {
	Docs  int
	Types []GUMTypeScore // person, place, organization, then total
}

// ScoreGUM scores predict's entities against the named person, place and
// organization mentions of docs (see the comment above gumTypes). predict
// returns entities whose spans are byte offsets into d.Text and whose Type
// is PERSON, ORG, LOC or MISC; it should look at nothing but d.Text, as
// d.Mentions is the gold standard.
func ScoreGUM(docs []GUMDoc, predict func(d GUMDoc) []sitrep.Entity) GUMReport {
	r := GUMReport{Docs: len(docs)}
	for _, t := range gumTypes {
		r.Types = append(r.Types, GUMTypeScore{Type: t.gum})
	}
	total := GUMTypeScore{Type: "total"}
	type pred struct {
		span sitrep.Span
		typ  string
	}
	for _, d := range docs {
		var preds []pred
		for _, e := range predict(d) {
			if e.Start < 0 || e.End > len(d.Text) || e.Start > e.End {
				continue
			}
			if s := gumNormalize(d.Text, e.Span); s.Len() > 0 {
				preds = append(preds, pred{s, e.Type})
			}
		}
		for _, m := range d.Mentions {
			k := slices.IndexFunc(gumTypes, func(t struct{ gum, sitrep string }) bool { return t.gum == m.Type })
			if k < 0 || !m.Named {
				continue
			}
			g := gumNormalize(d.Text, m.Span)
			var exact, overlap, typedExact, typedOverlap bool
			for _, p := range preds {
				typed := p.typ == gumTypes[k].sitrep
				if p.span == g {
					exact = true
					typedExact = typedExact || typed
				}
				if p.span.Overlaps(g) {
					overlap = true
					typedOverlap = typedOverlap || typed
				}
			}
			for _, s := range []*GUMTypeScore{&r.Types[k], &total} {
				s.Gold++
				s.Exact += gumCount(exact)
				s.Overlap += gumCount(overlap)
				s.TypedExact += gumCount(typedExact)
				s.TypedOverlap += gumCount(typedOverlap)
			}
		}
	}
	r.Types = append(r.Types, total)
	return r
}

func gumCount(b bool) int {
	if b {
		return 1
	}
	return 0
}

// gumNormalize trims a span of text as the comment above gumTypes says.
func gumNormalize(text string, s sitrep.Span) sitrep.Span {
	t := s.In(text)
	if t == "" {
		return s
	}
	trimmed := strings.TrimLeftFunc(t, unicode.IsSpace)
	s.Start += len(t) - len(trimmed)
	t = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	s.End = s.Start + len(t)
	for _, the := range []string{"the", "The"} {
		if rest, ok := strings.CutPrefix(t, the); ok {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsSpace(r) {
				if rest = strings.TrimLeftFunc(rest, unicode.IsSpace); rest != "" {
					s.Start += len(t) - len(rest)
					t = rest
				}
			}
		}
	}
	for _, pos := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(t, pos) && len(t) > len(pos) {
			cut := len(pos)
			if pos[0] == 's' {
				cut-- // keep the s of "States'"
			}
			t = strings.TrimRightFunc(t[:len(t)-cut], unicode.IsSpace)
			s.End = s.Start + len(t)
			break
		}
	}
	return s
}

// WriteText prints the report as a table of recalls by type.
func (r GUMReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "GUM named-mention recall: %d documents (recall only: GUM does not mark every name)\n", r.Docs)
	fmt.Fprintf(&b, "%-12s %6s %10s %10s %12s\n", "type", "gold", "exact span", "exact+type", "overlap+type")
	for _, s := range r.Types {
		fmt.Fprintf(&b, "%-12s %6d %10.3f %10.3f %12.3f\n", s.Type, s.Gold, s.ExactRecall(), s.TypedExactRecall(), s.TypedOverlapRecall())
	}
	b.WriteString("(spans compared without a leading \"the\" and a trailing possessive)\n")
	_, err := io.WriteString(w, b.String())
	return err
}
