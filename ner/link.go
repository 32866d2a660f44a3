package ner

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/text"
)

// Canonicalizer names what a mention of type typ (LOC or ORG) refers to, or
// reports false when it does not know. A gazetteer lookup plugs in here.
type Canonicalizer func(typ, mention string) (name string, ok bool)

// Link links the entity mentions of one document: it groups the mentions of
// each entity, names the entity and gives the group a key, filling Name and
// Key of every mention. The key is the lowercase type and name,
// "person:donald trump", with ":2", ":3" added when two entities of a type
// share a name.
//
// Spans are authoritative (Text is recomputed from them). The result is
// sorted by Start, with spans adjusted where a mention included a title, a
// possessive "’s" or edge punctuation, and empty or invalid spans dropped.
// ents itself is not modified. toks are the tokens of text; when they do
// not fit it, text is tokenized again.
//
// The rules, by type:
//
//   - PERSON: titles and roles are not part of a name. A mention that starts
//     with one ("President Donald Trump") is shrunk to the name, and the title
//     is recorded, as are titles written just before the mention ("US
//     President Donald Trump", "said associate professor Geoff Garmany") or
//     in an apposition after it ("Geoff Garmany, associate professor of ...").
//     A name of two or more parts is an entity of its own unless it is part
//     of a longer name: "Claudia Sheinbaum" within "Claudia Sheinbaum Pardo",
//     "George Bush" within "George W. Bush". A shorter mention ("Trump",
//     "López Obrador") links to the entity, among those whose name contains
//     it, that was mentioned last before it, unless the mention has a title
//     that entity never had and the one mentioned before it had ("President
//     Donald Trump and Melania Trump arrived. President Trump spoke."); when
//     none of them was mentioned yet, to the first one mentioned. Full names
//     with different given names are different people ("Donald Trump",
//     "Melania Trump"), and so are names that differ by a suffix ("Donald
//     Trump Jr."). The canonical name is the longest full name. A mention
//     of any type made only of title words, inside the title written
//     before a person or one word just before it, is dropped: the tagger
//     may take the "Lt." of "Lt. Col. John Smith" for an organization.
//     Words that can name a body ("Homeland Security Secretary") stay.
//   - ORG: mentions equal but for case, accents, periods, hyphens and a
//     leading "the" link; an acronym links to its expansion, defined in
//     parentheses ("Drug Enforcement Administration (DEA)") or matching its
//     initials in either order ("CJNG", "Jalisco New Generation Cartel"); a
//     short form links to a longer one when they differ by a generic tail or
//     a country in front ("Sinaloa" and "Sinaloa Cartel", "Navy" and "US
//     Navy"), and only when exactly one longer form fits.
//   - LOC: country aliases are resolved ("U.S.", "USA", "America" are the
//     "United States"); otherwise as ORG, with geographic tails ("Pacific
//     Ocean" and "Pacific") but nothing in front ("Southern California" is
//     not "California").
//   - MISC and other types: equal mentions link; a plural links to its
//     singular ("Americans", "American"). Demonyms stay apart from their
//     country; a lowercase one is named capitalized ("mexican": "Mexican").
//
// Mentions link only within their type. A lone surname that no full name
// contains links to the one full name whose surname is a spelling variant of
// it ("Gharmani" to "Geoff Garmany": same first letter and consonants, at
// most two edits apart, five letters or more); with two such names it stands
// alone. Variants across documents are the story package's.
func Link(text string, toks []sitrep.Token, ents []sitrep.Entity) []sitrep.Entity {
	return LinkWith(text, toks, ents, nil)
}

// LinkWith is Link with a canonicalizer, asked once for each distinct LOC
// and ORG name before the built-in country aliases (canon may be nil).
//
// Both record in Titles the titles and roles written with each PERSON
// mention ("President", "associate professor", "Secretary of State");
// courtesy titles ("Mr", "Mrs") are cut off names but not recorded.
func LinkWith(doc string, toks []sitrep.Token, ents []sitrep.Entity, canon Canonicalizer) []sitrep.Entity {
	if len(ents) == 0 {
		return []sitrep.Entity{}
	}
	l := &linker{doc: doc, canon: canon}
	l.words = lkWords(doc, toks)
	l.load(ents)
	if len(l.ms) == 0 {
		return []sitrep.Entity{}
	}
	byType := map[string][]int{}
	var order []string
	for i := range l.ms {
		t := l.ms[i].Type
		if _, ok := byType[t]; !ok {
			order = append(order, t)
		}
		byType[t] = append(byType[t], i)
	}
	for _, t := range order {
		if t == "PERSON" {
			l.linkPersons(byType[t])
		} else {
			l.linkGroups(t, byType[t])
		}
	}
	return l.output()
}

// lkWord is a token, or a part of a hyphenated token, with its normalized form.
type lkWord struct {
	start, end int
	kind       sitrep.TokenKind
	tokStart   bool // the word starts its token
	norm       string
}

// lkMention is a mention being linked.
type lkMention struct {
	sitrep.Entity
	w0, w1 int      // the words inside the span
	rank   int      // PERSON: the first word of the title written before the name, w0 when none
	titles []string // titles recorded, as written
	heads  []string // normalized title heads, for titles recorded
	entity int      // index into linker.ents
}

// lkEntity is one linked entity.
type lkEntity struct {
	typ, name string
}

type linker struct {
	doc   string
	canon Canonicalizer
	words []lkWord
	ms    []lkMention
	ents  []lkEntity
	// nonPerson maps the first word of each non-PERSON mention to the word after its end.
	nonPerson map[int]int
}

// lkWords turns tokens into words, tokenizing the text again when toks does
// not fit it.
func lkWords(doc string, toks []sitrep.Token) []lkWord {
	if !lkTokensFit(doc, toks) {
		toks = text.Tokenize(doc)
	}
	words := make([]lkWord, 0, len(toks)+len(toks)/8)
	for _, t := range toks {
		w := doc[t.Start:t.End]
		if t.Kind != sitrep.Word || !strings.ContainsAny(w, "-‐") {
			words = append(words, lkWord{start: t.Start, end: t.End, kind: t.Kind, tokStart: true, norm: lkNorm(w)})
			continue
		}
		first := true
		for off := 0; off < len(w); {
			n := strings.IndexAny(w[off:], "-‐")
			if n < 0 {
				n = len(w) - off
			}
			if n > 0 {
				s := t.Start + off
				words = append(words, lkWord{start: s, end: s + n, kind: t.Kind, tokStart: first, norm: lkNorm(w[off : off+n])})
			}
			first = false
			off += n
			if off < len(w) {
				_, size := utf8.DecodeRuneInString(w[off:])
				off += size
			}
		}
	}
	return words
}

// lkTokensFit reports whether toks are ordered, disjoint, non-empty spans of
// doc on character boundaries, with only white space between them.
func lkTokensFit(doc string, toks []sitrep.Token) bool {
	prev := 0
	for _, t := range toks {
		if t.Start < prev || t.End <= t.Start || t.End > len(doc) ||
			!lkBoundary(doc, t.Start) || !lkBoundary(doc, t.End) || !lkSpace(doc[prev:t.Start]) {
			return false
		}
		prev = t.End
	}
	return lkSpace(doc[prev:])
}

func lkSpace(s string) bool { return strings.TrimSpace(s) == "" }

// lkBoundary reports whether byte offset i of doc is where a character
// starts or the text ends, reading a byte of invalid UTF-8 as a character.
func lkBoundary(doc string, i int) bool {
	if i <= 0 || i >= len(doc) || utf8.RuneStart(doc[i]) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-utf8.UTFMax+1; j-- {
		if utf8.RuneStart(doc[j]) {
			_, size := utf8.DecodeRuneInString(doc[j:])
			return j+size <= i
		}
	}
	return true
}

// load checks, sorts and trims the mentions.
func (l *linker) load(ents []sitrep.Entity) {
	doc := l.doc
	l.ms = make([]lkMention, 0, len(ents))
	for _, e := range ents {
		s, end := e.Start, e.End
		if s < 0 || end > len(doc) || s >= end {
			continue
		}
		for s > 0 && !lkBoundary(doc, s) {
			s--
		}
		for !lkBoundary(doc, end) {
			end++
		}
		for s < end {
			r, size := utf8.DecodeRuneInString(doc[s:end])
			if !unicode.IsSpace(r) {
				break
			}
			s += size
		}
		for s < end {
			r, size := utf8.DecodeLastRuneInString(doc[s:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if s >= end {
			continue
		}
		e.Start, e.End = s, end
		l.ms = append(l.ms, lkMention{Entity: e, entity: -1})
	}
	slices.SortStableFunc(l.ms, func(a, b lkMention) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	for i := range l.ms {
		l.trim(&l.ms[i])
	}
	l.nonPerson = map[int]int{}
	for i := range l.ms {
		m := &l.ms[i]
		if m.Type != "PERSON" && m.w0 < m.w1 {
			l.nonPerson[m.w0] = max(l.nonPerson[m.w0], m.w1)
		}
	}
	for i := range l.ms {
		if l.ms[i].Type == "PERSON" {
			l.titlesOf(&l.ms[i])
		}
	}
	l.dropRanks()
}

// maxRankMentions bounds the mentions before a person that dropRanks looks at.
const maxRankMentions = 4

// dropRanks drops the mentions that are only part of the title written
// before a person, or a title word just before that title: the tagger may
// take the "Lt." of "Lt. Col. John Smith" (or of "Lt. Cmdr.") for an
// organization, but a rank is no entity of its own.
func (l *linker) dropRanks() {
	var drop []bool
	for i := range l.ms {
		p := &l.ms[i]
		if p.Type != "PERSON" || p.rank >= p.w0 {
			continue
		}
		// Mentions are sorted and a title has few words: a short look-back.
		for j := i - 1; j >= 0 && j >= i-maxRankMentions && l.ms[j].w0+1 >= p.rank; j-- {
			m := &l.ms[j]
			inside := m.w0 >= p.rank && m.w1 <= p.w0
			before := m.w1 == p.rank && m.w1-m.w0 == 1
			if m.w0 < m.w1 && (inside || before) && l.onlyTitleWords(m.w0, m.w1) {
				if drop == nil {
					drop = make([]bool, len(l.ms))
				}
				drop[j] = true
			}
		}
	}
	if drop == nil {
		return
	}
	kept := l.ms[:0]
	for i, m := range l.ms {
		if !drop[i] {
			kept = append(kept, m)
		}
	}
	l.ms = kept
}

// onlyTitleWords reports whether words [from, to) are all capitalized
// title words (titleWords).
func (l *linker) onlyTitleWords(from, to int) bool {
	for i := from; i < to; i++ {
		if w := l.words[i]; w.kind != sitrep.Word || !titleWords[w.norm] || !l.capitalized(i) {
			return false
		}
	}
	return true
}

// trim finds the words of m and drops edge punctuation and a possessive.
func (l *linker) trim(m *lkMention) {
	w := l.words
	m.w0 = sort.Search(len(w), func(i int) bool { return w[i].start >= m.Start })
	m.w1 = max(m.w0, sort.Search(len(w), func(i int) bool { return w[i].end > m.End }))
	w0, w1 := m.w0, m.w1
	for w0 < w1 && lkEdgePunct(w[w0]) {
		w0++
	}
	for w1 > w0 && (lkEdgePunct(w[w1-1]) || lkClitic(w[w1-1])) {
		w1--
	}
	if w0 < w1 && (w0 != m.w0 || w1 != m.w1) {
		if w0 != m.w0 {
			m.Start = w[w0].start
		}
		if w1 != m.w1 {
			m.End = w[w1-1].end
		}
		m.w0, m.w1 = w0, w1
	}
	if m.w0 == m.w1 {
		// The span does not follow the tokens: strip a possessive by hand.
		t := l.doc[m.Start:m.End]
		for _, p := range []string{"'s", "’s", "'S", "’S"} {
			if len(t) > len(p) && strings.HasSuffix(t, p) {
				m.End -= len(p)
				break
			}
		}
	}
	m.Text = l.doc[m.Start:m.End]
}

// lkEdgePunct reports whether w is punctuation that never begins or ends a name.
func lkEdgePunct(w lkWord) bool {
	if w.kind != sitrep.Punctuation {
		return false
	}
	switch w.norm {
	case "\"", "“", "”", "'", "‘", "«", "»", ",", ";", ":", "—", "–", "-", "--":
		return true
	}
	return false
}

// lkClitic reports whether w is a clitic split off by the tokenizer ("’s").
func lkClitic(w lkWord) bool {
	return w.kind == sitrep.Word && strings.HasPrefix(w.norm, "'") && len(w.norm) <= 3
}

// titlesOf strips a leading title from a PERSON mention and records the
// titles around it.
func (l *linker) titlesOf(m *lkMention) {
	w := l.words
	// A title at the start of the span: "President Donald Trump".
	p := m.w0
	for range 3 {
		q := p
		if n := l.qualifier(q, m.w1); n > 0 {
			q += n
		}
		q = l.modifiers(q, m.w1)
		end, flags, _, ok := l.headAt(q, m.w1)
		if !ok || flags&titleNameLike != 0 {
			break
		}
		p = end
	}
	if p > m.w0 && p < m.w1 && w[p].tokStart && l.hasName(p, m.w1) {
		m.w0, m.Start = p, w[p].start
		m.Text = l.doc[m.Start:m.End]
	}
	// A title just before the span: "US President Donald Trump".
	m.rank = m.w0
	if from, end, head, flags, ok := l.headBefore(m.w0 - 1); ok {
		l.addTitle(m, from, end, head, flags)
		m.rank = from
	}
	// An apposition: "Geoff Garmany, associate professor of ...".
	if k := m.w1; k < len(w) && w[k].norm == "," {
		k++
		if k < len(w) && (w[k].norm == "a" || w[k].norm == "an" || w[k].norm == "the") {
			k++
		}
		for range 3 {
			if e, ok := l.nonPerson[k]; ok {
				k = e
			} else if n := l.qualifier(k, len(w)); n > 0 {
				k += n
			} else {
				break
			}
			if k < len(w) && lkClitic(w[k]) {
				k++
			}
		}
		from := k
		k = l.modifiers(k, len(w))
		end, flags, head, ok := l.headAt(k, len(w))
		if ok && flags&titleHonorific == 0 && (end == len(w) || lkEndsApposition(w[end])) {
			l.addTitle(m, from, end, head, flags)
		}
	}
}

func (l *linker) addTitle(m *lkMention, from, end int, head string, flags titleFlag) {
	if flags&titleHonorific != 0 {
		return
	}
	if !slices.Contains(m.heads, head) {
		m.heads = append(m.heads, head)
	}
	t := lkCollapse(l.doc[l.words[from].start:l.words[end-1].end])
	if !slices.Contains(m.titles, t) {
		m.titles = append(m.titles, t)
	}
}

// lkEndsApposition reports whether w may follow a title in an apposition:
// "associate professor of", "president, said", but not "President Sheinbaum"
// (a list of names) or "chief among them".
func lkEndsApposition(w lkWord) bool {
	if w.kind == sitrep.Punctuation {
		return true
	}
	switch w.norm {
	case "of", "at", "for", "in", "with", "to", "and", "who", "whose", "said", "says", "told",
		"on", "from", "since", "until", "has", "had", "is", "was":
		return true
	}
	return false
}

// hasName reports whether words [from, to) hold a name word.
func (l *linker) hasName(from, to int) bool {
	for _, w := range l.words[from:to] {
		if w.kind == sitrep.Word && !lkClitic(w) && nameSuffixes[w.norm] == "" {
			return true
		}
	}
	return false
}

// phrase joins the normalized words [from, to), or reports false when one
// is not a word.
func (l *linker) phrase(from, to int) (string, bool) {
	if to-from == 1 {
		w := l.words[from]
		return w.norm, w.kind == sitrep.Word
	}
	var b strings.Builder
	for i := from; i < to; i++ {
		w := l.words[i]
		if w.kind != sitrep.Word {
			return "", false
		}
		if i > from {
			b.WriteByte(' ')
		}
		b.WriteString(w.norm)
	}
	return b.String(), true
}

// headAt matches the longest title phrase starting at word p and ending by
// word limit, with a following "-elect", and returns the word after it.
func (l *linker) headAt(p, limit int) (end int, flags titleFlag, head string, ok bool) {
	for n := min(titleMaxWords, limit-p); n >= 1; n-- {
		ph, isWords := l.phrase(p, p+n)
		if !isWords {
			continue
		}
		f, found := titleHeads[ph]
		if !found || (f&titleCapOnly != 0 && !l.capitalized(p)) {
			continue
		}
		end = p + n
		if end < limit && titlePostModifiers[l.words[end].norm] && !l.words[end].tokStart {
			end++
		}
		return end, f, ph, true
	}
	return 0, 0, "", false
}

// headBefore matches the longest title phrase ending at word k, with its
// modifiers, and returns its words [from, end).
func (l *linker) headBefore(k int) (from, end int, head string, flags titleFlag, ok bool) {
	if k < 0 || l.words[k].kind != sitrep.Word {
		return 0, 0, "", 0, false
	}
	end = k + 1
	if titlePostModifiers[l.words[k].norm] && !l.words[k].tokStart {
		k--
	}
	for n := min(titleMaxWords, k+1); n >= 1; n-- {
		i := k - n + 1
		ph, isWords := l.phrase(i, k+1)
		if !isWords {
			continue
		}
		f, found := titleHeads[ph]
		if !found || (f&titleCapOnly != 0 && !l.capitalized(i)) {
			continue
		}
		from = i
		for j := i - 1; j >= 0 && i-j <= 3 && l.isModifier(j); j-- {
			from = j
		}
		return from, end, ph, f, true
	}
	return 0, 0, "", 0, false
}

// modifiers skips title modifiers ("former", "associate") from word p.
func (l *linker) modifiers(p, limit int) int {
	for n := 0; n < 3 && p < limit && l.isModifier(p); n++ {
		p++
	}
	return p
}

// isModifier reports whether word i modifies a title that follows it.
func (l *linker) isModifier(i int) bool {
	w := l.words[i]
	if w.kind != sitrep.Word || !titleModifiers[w.norm] {
		return false
	}
	// "then-President", but not "Then President Trump left".
	return !titleHyphenModifiers[w.norm] || (i+1 < len(l.words) && !l.words[i+1].tokStart)
}

// qualifier returns how many words from p qualify a title without being
// part of it: "US", "Mexican", "United States", "White House".
func (l *linker) qualifier(p, limit int) int {
	for n := min(3, limit-p); n >= 1; n-- {
		ph, ok := l.phrase(p, p+n)
		if !ok {
			continue
		}
		if lkIsQualifier(ph) || titleQualifiers[ph] {
			return n
		}
	}
	return 0
}

func lkIsQualifier(ph string) bool {
	if nameQualifiers[ph] {
		return true
	}
	if _, ok := lkCountries[ph]; ok {
		return true
	}
	// Any people or country the gazetteer knows: "Nigerian President ...",
	// "Ghana's President ...".
	g := gazetteer.Default()
	if g.IsDemonym(ph) {
		return true
	}
	for _, e := range g.Lookup(ph) {
		if e.Kind == gazetteer.Country {
			return true
		}
	}
	return false
}

// capitalized reports whether word i is written with a capital.
func (l *linker) capitalized(i int) bool {
	r, _ := utf8.DecodeRuneInString(l.doc[l.words[i].start:])
	return unicode.IsUpper(r)
}

// ----- PERSON -----

// lkPerson is what the person linker knows about one entity.
type lkPerson struct {
	entity  int
	surname string   // the last name part, for spelling variants
	aliases []string // keys under which shorter mentions find it
	first   int      // its first mention, -1 until seen
	heads   []string // the titles it was mentioned with, normalized
}

// nameOf returns the name parts of a PERSON mention and its suffix.
func (l *linker) nameOf(m *lkMention) (parts []string, suffix string) {
	for _, w := range l.words[m.w0:m.w1] {
		if w.kind == sitrep.Word && !lkClitic(w) && w.norm != "" {
			parts = append(parts, w.norm)
		}
	}
	if n := len(parts); n >= 2 && nameSuffixes[parts[n-1]] != "" {
		suffix = nameSuffixes[parts[n-1]]
		parts = parts[:n-1]
	}
	return parts, suffix
}

// lkPersonAliases returns the keys a person named parts is found under.
func lkPersonAliases(parts []string, suffix string) []string {
	var keys []string
	add := func(k string) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	n := len(parts)
	if n > 8 {
		// Not a name the tagger should have found: keep the keys few.
		parts = []string{parts[0], strings.Join(parts[1:n-1], " "), parts[n-1]}
		n = 3
	}
	for i, p := range parts {
		if (!nameParticles[p] || i == n-1) && utf8.RuneCountInString(p) > 1 {
			add(p)
		}
	}
	add(strings.Join(parts, " "))
	for j := 2; j < n; j++ {
		add(strings.Join(parts[:j], " "))
	}
	for i := 1; i <= n-2; i++ {
		add(strings.Join(parts[i:], " "))
	}
	if n >= 3 {
		add(parts[0] + " " + parts[n-1])
		add(lkInitialized(parts))
	}
	out := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		out = append(out, k+"|"+suffix, k+"|*")
	}
	return out
}

// lkInitialized writes the middle names of parts as initials: "george w bush".
func lkInitialized(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i > 0 && i < len(parts)-1 {
			r, _ := utf8.DecodeRuneInString(p)
			b.WriteRune(r)
		} else {
			b.WriteString(p)
		}
	}
	return b.String()
}

// lkPersonKeys returns the keys a mention looks its entity up by, best first.
func lkPersonKeys(parts []string, suffix string, anySuffix bool) []string {
	names := []string{strings.Join(parts, " ")}
	if len(parts) >= 3 {
		if k := lkInitialized(parts); k != names[0] {
			names = append(names, k)
		}
	}
	var keys []string
	for _, k := range names {
		keys = append(keys, k+"|"+suffix)
	}
	if anySuffix && suffix == "" {
		for _, k := range names {
			keys = append(keys, k+"|*")
		}
	}
	return keys
}

func (l *linker) linkPersons(idx []int) {
	type pm struct {
		parts  []string
		suffix string
		person int // entity created by this mention, or -1
	}
	info := make([]pm, len(idx))
	var full []int // positions in idx of mentions with two name parts or more
	for k, i := range idx {
		info[k].parts, info[k].suffix = l.nameOf(&l.ms[i])
		info[k].person = -1
		if len(info[k].parts) >= 2 {
			full = append(full, k)
		}
	}
	// Pass 1: the longest names make the entities; a name within one of
	// them is linked in pass 2.
	slices.SortStableFunc(full, func(a, b int) int {
		ma, mb := &l.ms[idx[a]], &l.ms[idx[b]]
		return cmp.Or(
			cmp.Compare(len(info[b].parts), len(info[a].parts)),
			lkCompareBool(lkAllCaps(ma.Text), lkAllCaps(mb.Text)),
			cmp.Compare(len(mb.Text), len(ma.Text)),
			cmp.Compare(a, b))
	})
	known := map[string]bool{}
	var persons []lkPerson
	for _, k := range full {
		found := false
		for _, key := range lkPersonKeys(info[k].parts, info[k].suffix, false) {
			if known[key] {
				found = true
				break
			}
		}
		if found {
			continue
		}
		p := lkPerson{entity: l.newEntity("PERSON", lkCollapse(l.ms[idx[k]].Text)), first: -1,
			aliases: lkPersonAliases(info[k].parts, info[k].suffix), surname: info[k].parts[len(info[k].parts)-1]}
		for _, a := range p.aliases {
			known[a] = true
		}
		info[k].person = len(persons)
		persons = append(persons, p)
	}
	// Pass 2, in document order: link each mention to the entity most
	// recently mentioned under its key or, when the mention has a title
	// that entity never had and the one mentioned before it had, to that
	// one: "President Donald Trump and Melania Trump arrived. President
	// Trump spoke."
	var variants lkVariants
	recent := map[string][2]int{} // the last two entities mentioned under a key, last first
	orphans := map[string]int{}
	var later []int // positions in idx of mentions before every entity they may name
	touch := func(p int, m *lkMention, at int) {
		if persons[p].first < 0 {
			persons[p].first = at
		}
		m.entity = persons[p].entity
		for _, h := range m.heads {
			if !slices.Contains(persons[p].heads, h) && len(persons[p].heads) < 8 {
				persons[p].heads = append(persons[p].heads, h)
			}
		}
		for _, a := range persons[p].aliases {
			if r, ok := recent[a]; !ok {
				recent[a] = [2]int{p, -1}
			} else if r[0] != p {
				recent[a] = [2]int{p, r[0]}
			}
		}
	}
	titledAs := func(p int, heads []string) bool {
		for _, h := range heads {
			if slices.Contains(persons[p].heads, h) {
				return true
			}
		}
		return false
	}
	for k, i := range idx {
		m := &l.ms[i]
		if p := info[k].person; p >= 0 {
			touch(p, m, k)
			continue
		}
		keys := lkPersonKeys(info[k].parts, info[k].suffix, true)
		var anyKnown bool
		p := -1
		for _, key := range keys {
			if !known[key] {
				continue
			}
			anyKnown = true
			if r, ok := recent[key]; ok {
				p = r[0]
				if len(m.heads) > 0 && r[1] >= 0 && !titledAs(r[0], m.heads) && titledAs(r[1], m.heads) {
					p = r[1]
				}
				break
			}
		}
		switch {
		case p >= 0:
			touch(p, m, k)
		case anyKnown:
			later = append(later, k)
		case len(info[k].parts) == 1 && variants.of(persons, info[k].parts[0]) >= 0:
			// A lone surname spelled differently from the one person whose
			// surname sounds the same: "Gharmani" after "Geoff Garmany".
			touch(variants.of(persons, info[k].parts[0]), m, k)
		default:
			// A name no full name contains: it stands for itself.
			key := strings.Join(info[k].parts, " ") + "|" + info[k].suffix
			if len(info[k].parts) == 0 {
				key = "\x00" + lkNorm(lkCollapse(m.Text))
			}
			e, ok := orphans[key]
			if !ok {
				e = l.newEntity("PERSON", lkCollapse(m.Text))
				orphans[key] = e
			} else if lkAllCaps(l.ents[e].name) && !lkAllCaps(m.Text) {
				l.ents[e].name = lkCollapse(m.Text)
			}
			m.entity = e
		}
	}
	if len(later) == 0 {
		return
	}
	// Mentions before every candidate link to the first one mentioned.
	need := map[string]bool{}
	for _, k := range later {
		for _, key := range lkPersonKeys(info[k].parts, info[k].suffix, true) {
			need[key] = true
		}
	}
	first := map[string]int{}
	for p := range persons {
		for _, a := range persons[p].aliases {
			if !need[a] {
				continue
			}
			if q, ok := first[a]; !ok || persons[p].first < persons[q].first {
				first[a] = p
			}
		}
	}
	for _, k := range later {
		for _, key := range lkPersonKeys(info[k].parts, info[k].suffix, true) {
			if p, ok := first[key]; ok {
				l.ms[idx[k]].entity = persons[p].entity
				break
			}
		}
	}
}

// ----- ORG, LOC, MISC -----

// lkGroup is a set of mentions with the same normalized text.
type lkGroup struct {
	key    string   // normalized text
	words  []string // its words
	ms     []int    // its mentions, in document order
	forced string   // name given by a canonicalizer or the country table
}

func (l *linker) linkGroups(typ string, idx []int) {
	var groups []lkGroup
	byKey := map[string]int{}
	for _, i := range idx {
		words := l.normWords(&l.ms[i])
		key := strings.Join(words, " ")
		if (typ == "LOC" || typ == "ORG") && len(words) == 1 && len(key) <= 4 &&
			strings.IndexFunc(l.ms[i].Text, unicode.IsUpper) < 0 {
			key += " \x00" // "us" is not "US"
		}
		g, ok := byKey[key]
		if !ok {
			g = len(groups)
			byKey[key] = g
			groups = append(groups, lkGroup{key: key, words: words})
		}
		groups[g].ms = append(groups[g].ms, i)
	}
	parent := make([]int, len(groups))
	for g := range parent {
		parent[g] = g
	}
	find := func(g int) int {
		for parent[g] != g {
			parent[g] = parent[parent[g]]
			g = parent[g]
		}
		return g
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a == b {
			return
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a // the group mentioned first stays the root
	}

	// Canonical names from the canonicalizer or the country table.
	if typ == "LOC" || typ == "ORG" {
		rep := map[string]int{}
		for g := range groups {
			k := groups[g].key
			if name, ok := l.canonical(typ, &groups[g]); ok {
				groups[g].forced = name
				k = lkNormText(name)
			}
			if h, ok := rep[k]; ok {
				union(g, h)
			} else {
				rep[k] = g
			}
		}
	}

	// A short form links to the one longer form that differs from it by a
	// generic tail or a country in front.
	tails := lkLocTails
	if typ == "ORG" {
		tails = lkOrgTails
	} else if typ != "LOC" {
		tails = nil
	}
	if tails != nil {
		cores := map[string][]int{}
		for g := range groups {
			w := groups[g].words
			for len(w) > 1 && tails[w[len(w)-1]] {
				w = w[:len(w)-1]
			}
			if typ == "ORG" {
				w = lkStripQualifiers(w)
			}
			if len(w) > 0 && len(w) < len(groups[g].words) {
				k := strings.Join(w, " ")
				cores[k] = lkAddCapped(cores[k], g)
			}
		}
		for g := range groups {
			if c := cores[groups[g].key]; len(c) == 1 {
				union(g, c[0])
			}
		}
	}

	if typ == "ORG" {
		l.linkAcronyms(groups, byKey, find, union)
	}

	// A plural links to its singular: "Americans", "American".
	if typ == "MISC" {
		for g := range groups {
			k := groups[g].key
			if len(groups[g].words) == 1 && len(k) > 3 && strings.HasSuffix(k, "s") {
				if h, ok := byKey[k[:len(k)-1]]; ok {
					union(g, h)
				}
			}
		}
	}

	// Name each root group's entity.
	members := map[int][]int{}
	var roots []int
	for g := range groups {
		r := find(g)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], g)
	}
	for _, r := range roots {
		name := ""
		for _, g := range members[r] {
			if groups[g].forced != "" {
				name = groups[g].forced
				break
			}
		}
		if name == "" {
			name = l.bestName(typ, groups, members[r])
		}
		e := l.newEntity(typ, name)
		for _, g := range members[r] {
			for _, i := range groups[g].ms {
				l.ms[i].entity = e
			}
		}
	}
}

// normWords returns the normalized words of a mention without a leading "the".
func (l *linker) normWords(m *lkMention) []string {
	var words []string
	for _, w := range l.words[m.w0:m.w1] {
		if w.kind != sitrep.Punctuation && !lkClitic(w) && w.norm != "" {
			words = append(words, w.norm)
		}
	}
	if len(words) == 0 {
		return strings.Fields(lkNorm(m.Text))
	}
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return words
}

// canonical asks the canonicalizer, then the country table, for the name of
// a group's entity.
func (l *linker) canonical(typ string, g *lkGroup) (string, bool) {
	text := lkStripThe(lkCollapse(l.ms[g.ms[0]].Text))
	if l.canon != nil {
		if name, ok := l.canon(typ, text); ok && name != "" {
			return name, true
		}
	}
	if typ != "LOC" {
		return "", false
	}
	name, ok := lkCountries[g.key]
	if !ok {
		return "", false
	}
	if len(g.key) <= 3 && strings.IndexFunc(text, unicode.IsLower) >= 0 {
		return "", false // "us" is not the US
	}
	return name, true
}

// linkAcronyms links acronyms ("DEA") to their expansion.
func (l *linker) linkAcronyms(groups []lkGroup, byKey map[string]int, find func(int) int, union func(a, b int)) {
	w := l.words
	defined := map[string]int{}
	initials := map[string][]int{}
	shuffled := map[string][]int{}
	for g := range groups {
		if len(groups[g].words) < 2 {
			continue
		}
		for _, v := range lkInitialsVariants(groups[g].words) {
			initials[v] = lkAddCapped(initials[v], g)
			if len(v) >= 4 {
				s := lkSortLetters(v)
				shuffled[s] = lkAddCapped(shuffled[s], g)
			}
		}
		// "Drug Enforcement Administration (DEA)"
		for _, i := range groups[g].ms {
			k := l.ms[i].w1
			if k+2 < len(w) && w[k].norm == "(" && w[k+2].norm == ")" && w[k+1].kind == sitrep.Word &&
				lkIsAcronym(l.doc[w[k+1].start:w[k+1].end]) && lkAcronymFits(w[k+1].norm, groups[g].words) {
				if _, ok := defined[w[k+1].norm]; !ok {
					defined[w[k+1].norm] = g
				}
			}
		}
	}
	unique := func(gs []int) (int, bool) {
		if len(gs) == 0 || len(gs) > 2 {
			return 0, false
		}
		r := find(gs[0])
		for _, g := range gs[1:] {
			if find(g) != r {
				return 0, false
			}
		}
		return r, true
	}
	for g := range groups {
		if len(groups[g].words) != 1 || !lkIsAcronym(lkStripThe(l.ms[groups[g].ms[0]].Text)) {
			continue
		}
		a := groups[g].key
		// "DEA (Drug Enforcement Administration)"
		for _, i := range groups[g].ms {
			k := l.ms[i].w1
			if k+1 < len(w) && w[k].norm == "(" {
				for j := i + 1; j < len(l.ms) && j <= i+8 && l.ms[j].Start <= w[k+1].start; j++ {
					o := &l.ms[j]
					if o.Type == "ORG" && o.w0 == k+1 && o.w1 < len(w) && w[o.w1].norm == ")" {
						if h, ok := byKey[strings.Join(l.normWords(o), " ")]; ok && lkAcronymFits(a, groups[h].words) {
							union(g, h)
						}
					}
				}
			}
		}
		if h, ok := defined[a]; ok {
			union(g, h)
		} else if h, ok := unique(initials[a]); ok {
			union(g, h)
		} else if h, ok := unique(shuffled[lkSortLetters(a)]); ok && len(a) >= 4 && len(initials[a]) == 0 {
			// Four letters or more: "NBC" is not the "Central Bank of Nigeria".
			union(g, h)
		}
	}
}

// lkInitialsVariants returns the acronyms a name may have: of all its words
// or of its content words, with and without a country in front.
func lkInitialsVariants(words []string) []string {
	var out []string
	add := func(ws []string) {
		var all, content []byte
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			if r >= utf8.RuneSelf || !unicode.IsLetter(r) {
				continue
			}
			all = append(all, byte(r))
			if !lkStopwords[w] {
				content = append(content, byte(r))
			}
		}
		for _, v := range []string{string(all), string(content)} {
			if len(v) >= 2 && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	add(words)
	if core := lkStripQualifiers(words); len(core) < len(words) && len(core) >= 2 {
		add(core)
	}
	return out
}

// lkAcronymFits reports whether acronym a abbreviates words: its initials in
// any order, or its letters in order from the start of a word onwards.
func lkAcronymFits(a string, words []string) bool {
	for _, v := range lkInitialsVariants(words) {
		if v == a || lkSortLetters(v) == lkSortLetters(a) {
			return true
		}
	}
	long := strings.Join(words, " ")
	for i := 0; i < len(long); i++ {
		if long[i] != a[0] || (i > 0 && long[i-1] != ' ') {
			continue
		}
		j := 1
		for k := i + 1; k < len(long) && j < len(a); k++ {
			if long[k] == a[j] {
				j++
			}
		}
		if j == len(a) {
			return true
		}
	}
	return false
}

// lkIsAcronym reports whether a mention is written as an acronym: "DEA",
// "U.N.", "DoD".
func lkIsAcronym(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case r == '.' || r == '&' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return upper >= 2 && upper+lower <= 10 && lower < upper
}

func lkSortLetters(s string) string {
	b := []byte(s)
	slices.Sort(b)
	return string(b)
}

// lkStripQualifiers drops a country or nationality in front: "us navy" → "navy".
func lkStripQualifiers(words []string) []string {
	for n := min(3, len(words)-1); n >= 1; n-- {
		if lkIsQualifier(strings.Join(words[:n], " ")) {
			return words[n:]
		}
	}
	return words
}

func lkAddCapped(gs []int, g int) []int {
	if slices.Contains(gs, g) || len(gs) > 2 {
		return gs
	}
	return append(gs, g)
}

// bestName chooses the name of an entity among the mentions of its groups:
// not an acronym, the fullest form ("US Navy" rather than "Navy"),
// preferring one without "the", not in capitals and mentioned first.
func (l *linker) bestName(typ string, groups []lkGroup, members []int) string {
	type cand struct {
		acronym, the, caps, lower bool
		words, pos                int
		text                      string
	}
	var best cand
	for n, g := range members {
		i := groups[g].ms[0]
		for _, j := range groups[g].ms {
			if !lkAllCaps(l.ms[j].Text) {
				i = j
				break
			}
		}
		t := lkCollapse(l.ms[i].Text)
		words := groups[g].words
		r, _ := utf8.DecodeRuneInString(t)
		c := cand{
			acronym: len(words) == 1 && lkIsAcronym(lkStripThe(t)),
			the:     strings.HasPrefix(strings.ToLower(t), "the "),
			caps:    lkAllCaps(t) && len(words) > 1,
			lower:   unicode.IsLower(r),
			words:   len(words),
			pos:     l.ms[i].Start,
			text:    t,
		}
		size := 0 // MISC: the singular ("American") rather than the plural
		if typ == "MISC" {
			size = cmp.Compare(len(c.text), len(best.text))
		}
		if n == 0 || cmp.Or(
			lkCompareBool(c.acronym, best.acronym),
			cmp.Compare(best.words, c.words),
			lkCompareBool(c.the, best.the),
			lkCompareBool(c.caps, best.caps),
			lkCompareBool(c.lower, best.lower),
			size,
			cmp.Compare(c.pos, best.pos)) < 0 {
			best = c
		}
	}
	name := best.text
	if best.the {
		if i := best.pos; strings.HasPrefix(name, "the ") || l.sentenceStart(i) {
			name = name[len("the "):]
		}
	}
	if typ == "MISC" && strings.IndexFunc(name, unicode.IsUpper) < 0 {
		r, size := utf8.DecodeRuneInString(name)
		name = string(unicode.ToUpper(r)) + name[size:]
	}
	return name
}

// sentenceStart reports whether byte offset i begins a sentence, so that a
// capital there says nothing.
func (l *linker) sentenceStart(i int) bool {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(l.doc[:i])
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == '“' || r == '"' || r == '‘':
			return true
		case !unicode.IsSpace(r):
			return false
		}
		i -= size
	}
	return true
}

// ----- keys and output -----

func (l *linker) newEntity(typ, name string) int {
	l.ents = append(l.ents, lkEntity{typ: typ, name: name})
	return len(l.ents) - 1
}

// output assigns keys in order of first mention and returns the mentions.
func (l *linker) output() []sitrep.Entity {
	keys := make([]string, len(l.ents))
	seen := map[string]int{}
	for i := range l.ms {
		e := l.ms[i].entity
		if e < 0 {
			e = l.newEntity(l.ms[i].Type, lkCollapse(l.ms[i].Text))
			keys = append(keys, "")
			l.ms[i].entity = e
		}
		if keys[e] != "" {
			continue
		}
		k := strings.ToLower(l.ents[e].typ) + ":" + strings.ToLower(lkCollapse(l.ents[e].name))
		seen[k]++
		if n := seen[k]; n > 1 {
			base := k + ":"
			for k = base + strconv.Itoa(n); seen[k] > 0; k = base + strconv.Itoa(n) {
				n++ // "x:2" is taken by an entity named "x:2"
			}
			seen[k]++
		}
		keys[e] = k
	}
	// Stripping a title moves a start: sort again.
	order := make([]int, len(l.ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(l.ms[a].Start, l.ms[b].Start), cmp.Compare(l.ms[a].End, l.ms[b].End))
	})
	out := make([]sitrep.Entity, len(l.ms))
	for n, i := range order {
		m := &l.ms[i]
		out[n] = m.Entity
		out[n].Name = l.ents[m.entity].name
		out[n].Key = keys[m.entity]
		out[n].Titles = m.titles
	}
	return out
}

// ----- text helpers -----

func lkCompareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// lkAllCaps reports whether s has capitals and no lowercase letters.
func lkAllCaps(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) < 0 && strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// lkCollapse replaces runs of white space (a name broken across lines) by one space.
func lkCollapse(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func lkStripThe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// lkNormText normalizes a whole name as the words of a mention are: "the
// U.S." → "us".
func lkNormText(s string) string {
	words := strings.FieldsFunc(lkNorm(s), func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '‐' })
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// lkNorm lowercases a word, folds accents, drops periods and writes
// apostrophes straight: "U.S." → "us", "López" → "lopez", "’s" → "'s".
func lkNorm(w string) string {
	if len(w) > maxWordBytes {
		return "" // no name or title is this long; do not copy a hostile 50 MB word
	}
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'') {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch r {
		case '.':
			if len(w) == 1 {
				b.WriteRune(r)
			}
			continue
		case '’', '‘':
			r = '\''
		}
		r = unicode.ToLower(r)
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if f, ok := lkFold[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FoldAccent returns the plain letters of an accented lower-case Latin
// letter ("é" is "e", "ß" is "ss") and true; for any other rune, false.
func FoldAccent(r rune) (string, bool) {
	f, ok := lkFold[r]
	return f, ok
}

// lkFold maps accented Latin letters to plain ones.
var lkFold = func() map[rune]string {
	m := map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'þ': "th", 'ĳ': "ij"}
	for _, g := range []string{
		"aàáâãäåāăą", "cçćĉċč", "dðďđ", "eèéêëēĕėęě", "gĝğġģ", "hĥħ", "iìíîïĩīĭįı", "jĵ",
		"kķĸ", "lĺļľŀł", "nñńņňŉŋ", "oòóôõöøōŏő", "rŕŗř", "sśŝşšſș", "tţťŧț",
		"uùúûüũūŭůűų", "wŵ", "yýÿŷ", "zźżž",
	} {
		for _, r := range g[1:] {
			m[r] = g[:1]
		}
	}
	return m
}()

// lkStopwords are left out of an acronym: "Department of Defense" is "DoD"
// or "DD", "Cártel de Jalisco Nueva Generación" is "CJNG".
var lkStopwords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "at": true,
	"to": true, "a": true, "an": true, "de": true, "del": true, "la": true, "las": true,
	"los": true, "el": true, "y": true, "du": true, "des": true, "le": true, "et": true,
	"und": true, "fur": true, "der": true, "die": true, "&": true,
}

// lkOrgTails are generic words that end an organization's name without
// changing what it names: "Sinaloa Cartel" is "Sinaloa".
var lkOrgTails = map[string]bool{
	"cartel": true, "group": true, "inc": true, "corp": true, "corporation": true, "co": true,
	"company": true, "ltd": true, "llc": true, "plc": true, "party": true, "movement": true,
	"organization": true, "organisation": true, "gang": true, "network": true, "holdings": true,
	"foundation": true, "institute": true, "institution": true, "university": true,
	"news": true, "agency": true,
}

// lkLocTails are generic words that end a place's name: "Pacific Ocean" is
// the "Pacific". "City" and "State" are not: "Mexico City" is not "Mexico".
var lkLocTails = map[string]bool{
	"ocean": true, "sea": true, "river": true, "desert": true, "mountains": true,
	"peninsula": true, "canal": true, "province": true, "region": true, "islands": true,
	"strait": true,
}

// lkCountries maps normalized country aliases to one name. A gazetteer,
// plugged in with LinkWith, knows more.
var lkCountries = func() map[string]string {
	m := map[string]string{}
	for _, names := range [][]string{
		{"United States", "us", "usa", "united states of america", "america"},
		{"United Kingdom", "uk", "britain", "great britain"},
		{"United Arab Emirates", "uae"},
		{"Democratic Republic of the Congo", "drc", "dr congo", "democratic republic of congo"},
		{"Russia", "russian federation"},
		{"China", "prc", "people's republic of china"},
		{"South Korea", "republic of korea"},
		{"North Korea", "dprk"},
		{"Iran", "islamic republic of iran"},
		{"Myanmar", "burma"},
		{"Netherlands", "holland"},
		{"Ivory Coast", "cote d'ivoire"},
		{"Czechia", "czech republic"},
		{"Turkey", "turkiye"},
		{"Mexico", "united mexican states"},
		{"Saudi Arabia", "ksa"},
		{"Venezuela"}, {"Colombia"}, {"Canada"}, {"Ukraine"}, {"Israel"}, {"Syria"}, {"Iraq"},
		{"Afghanistan"}, {"Pakistan"}, {"India"}, {"Japan"}, {"Germany"}, {"France"}, {"Italy"},
		{"Spain"}, {"Brazil"}, {"Cuba"}, {"Egypt"}, {"Lebanon"}, {"Yemen"}, {"Sudan"}, {"Libya"},
		{"Ecuador"}, {"Peru"}, {"Haiti"},
	} {
		m[lkNormText(names[0])] = names[0]
		for _, alias := range names[1:] {
			m[alias] = names[0]
		}
	}
	return m
}()

// lkVariants finds the person whose surname a lone name is a spelling
// variant of. It indexes the persons' surnames by consonant skeleton once,
// and remembers each name's answer, so that a roll of many names costs
// time in proportion to its length.
type lkVariants struct {
	bySkeleton map[string][]lkSurname
	seen       map[string]int
}

// lkSurname is one distinct surname and its person, -1 when several
// persons share it.
type lkSurname struct {
	name   string
	person int
}

// maxVariantCandidates bounds the distinct surnames compared for one name;
// a skeleton shared by more is too common to decide on.
const maxVariantCandidates = 16

// of returns the person whose surname is a spelling variant of name, or -1
// when none or more than one is.
func (v *lkVariants) of(persons []lkPerson, name string) int {
	if v.bySkeleton == nil {
		v.bySkeleton = map[string][]lkSurname{}
		v.seen = map[string]int{}
		for p := range persons {
			sn := persons[p].surname
			if len(sn) > maxWordBytes {
				continue
			}
			k := Skeleton(sn)
			list := v.bySkeleton[k]
			found := false
			for i := range list {
				if list[i].name == sn {
					list[i].person, found = -1, true
					break
				}
			}
			if !found && len(list) <= maxVariantCandidates {
				v.bySkeleton[k] = append(list, lkSurname{sn, p})
			}
		}
	}
	if p, ok := v.seen[name]; ok {
		return p
	}
	found := -1
	if len(name) <= maxWordBytes {
		list := v.bySkeleton[Skeleton(name)]
		if len(list) > maxVariantCandidates {
			list = nil
		}
		for _, c := range list {
			if !SpellingVariant(name, c.name, 5) {
				continue
			}
			if found >= 0 || c.person < 0 {
				found = -1
				break
			}
			found = c.person
		}
	}
	v.seen[name] = found
	return found
}

// SpellingVariant reports whether two lower-case words are likely one name
// spelled two ways, as transliterations and misspellings are ("garmany" and
// "gharmani"): they keep the same consonants once vowels, silent h and
// doubled letters are dropped, and are at most two edits apart. Words shorter
// than minRunes are never variants: too many real short names are two edits
// from each other. The linker uses it within a document (minRunes 5); the
// story package across documents.
func SpellingVariant(a, b string, minRunes int) bool {
	if a == b || len(a) > maxWordBytes || len(b) > maxWordBytes ||
		utf8.RuneCountInString(a) < minRunes || utf8.RuneCountInString(b) < minRunes {
		return false
	}
	ka, kb := Skeleton(a), Skeleton(b)
	return len(ka) >= 3 && ka == kb && lkEditDistance(a, b) <= 2
}

// Skeleton is a lower-case name's consonant skeleton, the key under which
// its spelling variants meet: vowels (but a leading one), a silent h and
// doubled letters are dropped, c and q read as k, z as s, v and ph as f
// ("garmany" and "gharmani" are both "grmn", "petrov" and "petroff" "ptrf").
func Skeleton(w string) string {
	var b []rune
	rs := []rune(w)
	for i, r := range rs {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', '\'', '-':
			if i == 0 {
				b = append(b, 'a')
			}
			continue
		case 'h':
			if i > 0 {
				continue
			}
		case 'c', 'q':
			r = 'k'
		case 'z':
			r = 's'
		case 'v': // Petrov, Petroff
			r = 'f'
		case 'p':
			if i+1 < len(rs) && rs[i+1] == 'h' {
				r = 'f'
			}
		}
		if len(b) > 0 && b[len(b)-1] == r {
			continue
		}
		b = append(b, r)
	}
	return string(b)
}

// lkEditDistance is the Levenshtein distance between two short words.
func lkEditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
