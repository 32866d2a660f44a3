package story

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/ner"
)

// Link records that the entity a document knows by a local key (the ner
// package's Entity.Key, "person:geoff garmany") is the global entity Global
// ("person:geoff-garmany"). The store keeps links so that a registry can be
// restored without reading every article again.
type Link struct {
	Article string `json:"article"`
	Local   string `json:"local"`
	Global  string `json:"global"`
	// Name is the article's own canonical name for the entity ("Gharmani"),
	// which may differ from the global entity's: restoring a link keeps it
	// as an alias.
	Name string `json:"name"`
	Type string `json:"type"`
}

// Entities resolves the entities of many documents to global entities:
// "Geoff Garmany" and "Gharmani", "Tren de Aragua" and "Torren de Aragua",
// "U.S." and "United States", "Sheinbaum" and "Claudia Sheinbaum". It is
// safe for concurrent use.
//
// A name links to a known entity of the same type only when exactly one
// known entity fits it; otherwise it starts an entity of its own. What fits:
//
//   - any type: the same name or alias once case, accents, full stops,
//     apostrophes, hyphens and a leading "the" are set aside; for places,
//     the gazetteer's country aliases ("America" is the United States);
//   - PERSON: a lone surname fits a full name with that surname or a
//     spelling variant of it (same first letter and consonant skeleton, at
//     most two edits, five letters or more: "Gharmani", "Garmany"); two full
//     names fit when their surnames do and their given names are equal or
//     one is the other's initial;
//   - ORG, LOC, MISC: names of as many words, every word equal or a
//     spelling variant and at least one equal ("Torren de Aragua"); for ORG
//     and LOC a shorter name that begins the longer ("Sinaloa", "Sinaloa
//     Cartel"; "Pacific", "Pacific Ocean"), for ORG also one that ends it
//     ("Navy", "US Navy") or an acronym of its initials ("DEA").
//
// The key of a global entity is its type and a slug of the first name seen
// ("person:geoff-garmany") and never changes; its Name becomes the longest
// full name seen for a person.
type Entities struct {
	mu     sync.Mutex
	byKey  map[string]*entRecord
	byNorm map[string][]*entRecord // type|normalized alias
	byWord map[string][]*entRecord // type|word of the name
	bySkel map[string][]*entRecord // type|consonant skeleton of a word of the name
	byAcro map[string][]*entRecord // initials of an ORG name
	links  map[entLocal]string
}

// entRecord is one global entity and what it is matched by.
type entRecord struct {
	ent   Entity
	words []string // normalized words of ent.Name
	seq   int      // creation order, for deterministic choices
}

type entLocal struct{ article, local string }

// entMaxCandidates bounds the entities compared with one name through one
// word: a word that many names share ("united", "national") decides nothing.
const entMaxCandidates = 64

// entMaxAliases bounds the aliases kept per entity.
const entMaxAliases = 32

// NewEntities returns an empty registry.
func NewEntities() *Entities {
	return &Entities{
		byKey:  map[string]*entRecord{},
		byNorm: map[string][]*entRecord{},
		byWord: map[string][]*entRecord{},
		bySkel: map[string][]*entRecord{},
		byAcro: map[string][]*entRecord{},
		links:  map[entLocal]string{},
	}
}

// Add resolves the entities of d (grouped by their document key) to global
// entities, remembers them, and returns one link per document entity in the
// order of first mention.
func (e *Entities) Add(d *sitrep.Doc) []Link {
	if d == nil {
		return nil
	}
	type group struct {
		local, typ, name string
		aliases          []string
	}
	var groups []*group
	byLocal := map[string]*group{}
	for _, m := range d.Entities {
		name := entClip(cmp.Or(m.Name, m.Text))
		if entNorm(name) == "" {
			continue
		}
		typ := entType(m.Type)
		local := m.Key
		if local == "" {
			local = strings.ToLower(typ) + ":" + entNorm(name)
		}
		g := byLocal[local]
		if g == nil {
			g = &group{local: local, typ: typ, name: name}
			byLocal[local] = g
			groups = append(groups, g)
		}
		if t := entClip(m.Text); t != "" && len(g.aliases) < entMaxAliases && !slices.Contains(g.aliases, t) {
			g.aliases = append(g.aliases, t)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	links := make([]Link, 0, len(groups))
	for _, g := range groups {
		r := e.resolve(g.typ, g.name, g.aliases)
		e.links[entLocal{d.ID, g.local}] = r.ent.Key
		links = append(links, Link{Article: d.ID, Local: g.local, Global: r.ent.Key, Name: g.name, Type: r.ent.Type})
	}
	return links
}

// Restore re-adds a link the store kept: the global entity is created under
// l.Global if it is not known yet, and l.Name becomes one of its aliases.
func (e *Entities) Restore(l Link) {
	if l.Global == "" {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	// The name is canonicalized as Add does it ("U.S." is the United
	// States), so that a restored registry resolves the next article as the
	// live one would.
	typ := entType(l.Type)
	if i := strings.IndexByte(l.Global, ':'); l.Type == "" && i > 0 {
		typ = entType(l.Global[:i])
	}
	raw := entClip(l.Name)
	name := entCanonical(typ, raw)
	r := e.byKey[l.Global]
	if r == nil {
		r = e.create(l.Global, typ, cmp.Or(name, l.Global))
	}
	if name != "" {
		e.addAlias(r, name)
		e.addAlias(r, raw)
		e.maybeRename(r, name)
	}
	if l.Article != "" && l.Local != "" {
		e.links[entLocal{l.Article, l.Local}] = r.ent.Key
	}
}

// Entity returns the global entity with the given key.
func (e *Entities) Entity(key string) (Entity, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := e.byKey[key]
	if r == nil {
		return Entity{}, false
	}
	return r.snapshot(), true
}

// Lookup returns the global entity that the entity with document key local
// in article was resolved to.
func (e *Entities) Lookup(article, local string) (Entity, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := e.byKey[e.links[entLocal{article, local}]]
	if r == nil {
		return Entity{}, false
	}
	return r.snapshot(), true
}

// Len returns the number of global entities.
func (e *Entities) Len() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.byKey)
}

// mention resolves an event role or quote speaker: through the document
// entity its Key names when that was linked, else by its Name (the event
// annotator normalizes actors: "United States government"), as an entity of
// type typ when nothing tells the type.
func (e *Entities) mention(article string, m *sitrep.Mention, typ string) *Entity {
	if m == nil {
		return nil
	}
	name := entClip(cmp.Or(m.Name, m.Text))
	e.mu.Lock()
	defer e.mu.Unlock()
	var linked *entRecord
	if m.Key != "" {
		linked = e.byKey[e.links[entLocal{article, m.Key}]]
	}
	if linked != nil && (name == "" || entNorm(name) == entNorm(linked.ent.Name) || slices.ContainsFunc(linked.ent.Aliases, func(a string) bool { return entNorm(a) == entNorm(name) })) {
		ent := linked.snapshot()
		return &ent
	}
	if entNorm(name) == "" {
		if linked != nil {
			ent := linked.snapshot()
			return &ent
		}
		return nil
	}
	if linked != nil {
		// A normalized actor name differs from the entity mentioned ("the
		// White House" acting as "United States government"): the normalized
		// name is who acts, as an organization.
		typ = "ORG"
	}
	r := e.resolve(entType(typ), name, []string{entClip(m.Text)})
	ent := r.snapshot()
	return &ent
}

func (r *entRecord) snapshot() Entity {
	ent := r.ent
	ent.Aliases = slices.Clone(r.ent.Aliases)
	return ent
}

// resolve finds the entity a name of type typ fits, or creates one; it
// records the aliases. The caller holds e.mu.
func (e *Entities) resolve(typ, name string, aliases []string) *entRecord {
	name = entCanonical(typ, name)
	r := e.find(typ, name, aliases)
	if r == nil {
		r = e.create(e.newKey(typ, name), typ, name)
	}
	e.addAlias(r, name)
	for _, a := range aliases {
		e.addAlias(r, a)
	}
	e.maybeRename(r, name)
	return r
}

// find returns the one known entity that name fits, or nil.
func (e *Entities) find(typ, name string, aliases []string) *entRecord {
	// An exact match of the name, or of an alias as long as the name (a
	// spelling of the full name, not a short form), decides when it names
	// one entity; an entity whose name it is wins over those it is an alias
	// of.
	nameWords := len(strings.Fields(entNorm(name)))
	for _, f := range append([]string{name}, aliases...) {
		n := entNorm(entCanonical(typ, f))
		if len(strings.Fields(n)) < nameWords {
			continue
		}
		list := e.byNorm[typ+"|"+n]
		if len(list) == 1 {
			return list[0]
		}
		var named []*entRecord
		for _, c := range list {
			if entNorm(c.ent.Name) == n {
				named = append(named, c)
			}
		}
		if len(named) == 1 {
			return named[0]
		}
		if len(list) > 1 {
			return nil
		}
	}
	words := strings.Fields(entNorm(name))
	if len(words) == 0 {
		return nil
	}
	seen := map[*entRecord]bool{}
	var fits []*entRecord
	consider := func(list []*entRecord) {
		if len(list) > entMaxCandidates {
			return
		}
		for _, c := range list {
			if seen[c] {
				continue
			}
			seen[c] = true
			if entFits(typ, words, c.words) {
				fits = append(fits, c)
			}
		}
	}
	for _, w := range words {
		if entStopWord(w) {
			continue
		}
		consider(e.byWord[typ+"|"+w])
		if utf8.RuneCountInString(w) >= 3 {
			consider(e.bySkel[typ+"|"+ner.Skeleton(w)])
		}
	}
	if typ == "ORG" && len(words) == 1 && entIsAcronym(name) {
		// The initials index only holds names whose initials these are.
		for _, c := range e.byAcro[words[0]] {
			if !seen[c] {
				seen[c] = true
				fits = append(fits, c)
			}
		}
	}
	if len(fits) != 1 {
		return nil
	}
	return fits[0]
}

func (e *Entities) create(key, typ, name string) *entRecord {
	r := &entRecord{ent: Entity{Key: key, Name: name, Type: typ}, seq: len(e.byKey)}
	e.byKey[key] = r
	e.index(r)
	return r
}

// index adds r's name words, skeletons and acronym to the indexes.
func (e *Entities) index(r *entRecord) {
	r.words = strings.Fields(entNorm(r.ent.Name))
	typ := r.ent.Type
	for _, w := range r.words {
		if entStopWord(w) {
			continue
		}
		entAppend(e.byWord, typ+"|"+w, r)
		if utf8.RuneCountInString(w) >= 3 {
			entAppend(e.bySkel, typ+"|"+ner.Skeleton(w), r)
		}
	}
	if typ == "ORG" {
		if a := entInitials(r.words); len(a) >= 2 {
			entAppend(e.byAcro, a, r)
		}
	}
}

// entAppend adds r to the list under k once; lists are capped a little past
// entMaxCandidates, where they stop being consulted anyway.
func entAppend(m map[string][]*entRecord, k string, r *entRecord) {
	list := m[k]
	if len(list) > entMaxCandidates || slices.Contains(list, r) {
		return
	}
	m[k] = append(list, r)
}

func (e *Entities) addAlias(r *entRecord, alias string) {
	alias = strings.Join(strings.Fields(alias), " ")
	n := entNorm(alias)
	if n == "" {
		return
	}
	entAppend(e.byNorm, r.ent.Type+"|"+n, r)
	if len(r.ent.Aliases) < entMaxAliases && !slices.Contains(r.ent.Aliases, alias) && alias != r.ent.Name {
		r.ent.Aliases = append(r.ent.Aliases, alias)
	}
}

// maybeRename makes a longer full name of a person the entity's name
// ("Sheinbaum" becomes "Claudia Sheinbaum"); the key stays.
func (e *Entities) maybeRename(r *entRecord, name string) {
	if r.ent.Type != "PERSON" || name == r.ent.Name {
		return
	}
	if len(strings.Fields(entNorm(name))) <= len(r.words) {
		return
	}
	old := r.ent.Name
	r.ent.Name = name
	e.index(r)
	r.ent.Aliases = slices.DeleteFunc(r.ent.Aliases, func(a string) bool { return a == name })
	if len(r.ent.Aliases) < entMaxAliases && !slices.Contains(r.ent.Aliases, old) {
		r.ent.Aliases = append(r.ent.Aliases, old)
	}
}

// newKey is the type and a slug of the name, with "-2", "-3"... when taken.
func (e *Entities) newKey(typ, name string) string {
	base := strings.ToLower(typ) + ":" + entSlug(name)
	key := base
	for i := 2; e.byKey[key] != nil; i++ {
		key = base + "-" + strconv.Itoa(i)
	}
	return key
}

// entFits reports whether a name of words a may name the entity named by
// words b (both normalized, same type).
func entFits(typ string, a, b []string) bool {
	if slices.Equal(a, b) {
		return true
	}
	if typ == "PERSON" {
		la, lb := a[len(a)-1], b[len(b)-1]
		if la != lb && !entVariant(la, lb, 5) {
			return false
		}
		if len(a) == 1 || len(b) == 1 {
			return true
		}
		fa, fb := strings.TrimSuffix(a[0], "."), strings.TrimSuffix(b[0], ".")
		return fa == fb || (utf8.RuneCountInString(fa) == 1 && strings.HasPrefix(fb, fa)) ||
			(utf8.RuneCountInString(fb) == 1 && strings.HasPrefix(fa, fb))
	}
	if len(a) == len(b) && len(a) > 1 {
		equal := 0
		for i := range a {
			switch {
			case a[i] == b[i]:
				if !entStopWord(a[i]) {
					equal++
				}
			case !entVariant(a[i], b[i], 3):
				return false
			}
		}
		return equal > 0
	}
	if typ == "MISC" || len(a) == len(b) {
		return false
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if slices.Equal(short, long[:len(short)]) {
		// "Caribbean" is the Caribbean Sea, but Mexico is not Mexico
		// City: two places the gazetteer knows apart are two places.
		return typ != "LOC" || !entDistinctPlaces(strings.Join(short, " "), strings.Join(long, " "))
	}
	return typ == "ORG" && slices.Equal(short, long[len(long)-len(short):])
}

// entDistinctPlaces reports whether the gazetteer knows both names and no
// place is among those each may mean.
func entDistinctPlaces(a, b string) bool {
	g := gazetteer.Default()
	ea, eb := g.Lookup(a), g.Lookup(b)
	if len(ea) == 0 || len(eb) == 0 {
		return false
	}
	for _, x := range ea {
		for _, y := range eb {
			if x.ID == y.ID {
				return false
			}
		}
	}
	return true
}

// entVariant reports whether two normalized words are one word spelled two
// ways (see ner.SpellingVariant) that also start with the same letter.
func entVariant(a, b string, minRunes int) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb && ner.SpellingVariant(a, b, minRunes)
}

// entStopWord reports whether w is a function word of names: never
// evidence that two names are one.
func entStopWord(w string) bool {
	switch w {
	case "of", "the", "de", "del", "la", "el", "and", "for", "al", "in", "on", "du", "des", "y":
		return true
	}
	return false
}

// entInitials is the acronym of a name's words, function words left out.
func entInitials(words []string) string {
	var b strings.Builder
	n := 0
	for _, w := range words {
		if entStopWord(w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// entIsAcronym reports whether s is written as an acronym: two to six
// capital letters, full stops allowed ("DEA", "U.N.").
func entIsAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// entMaxName bounds the bytes of a name: no real name is longer, and a
// hostile one must not make every comparison cost its length.
const entMaxName = 200

// entClip trims space around a name and cuts it to entMaxName bytes on a
// character boundary.
func entClip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= entMaxName {
		return s
	}
	s = s[:entMaxName]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// entType is the entity type in capitals, MISC when unknown.
func entType(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	switch t {
	case "PERSON", "ORG", "LOC", "MISC":
		return t
	case "PER":
		return "PERSON"
	}
	return "MISC"
}

// entCanonical names a place by the gazetteer's country name when the name
// is a country's alias ("U.S.", "America": "United States").
func entCanonical(typ, name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if typ != "LOC" || name == "" || len(name) > 64 {
		return name
	}
	if es := gazetteer.Default().Lookup(name); len(es) > 0 && es[0].Kind == gazetteer.Country {
		return es[0].Name
	}
	return name
}

// entNorm folds a name for comparison: lower case, accents dropped, full
// stops, commas, quotation marks and apostrophes dropped, hyphens and dashes
// as spaces, a leading "the" left out, spaces collapsed.
func entNorm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '.' || r == ',' || r == '\'' || r == '’' || r == '‘' || r == '"' || r == '“' || r == '”':
			continue
		case r == '-' || r == '‐' || r == '–' || r == '—' || unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			entFoldTo(&b, unicode.ToLower(r))
		}
	}
	words := strings.Fields(b.String())
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// entFoldTo writes r with the accent of a Latin letter dropped ("é" is
// "e"); other runes are kept.
func entFoldTo(b *strings.Builder, r rune) {
	if f, ok := ner.FoldAccent(r); ok {
		b.WriteString(f)
		return
	}
	b.WriteRune(r)
}

// entSlug is the readable part of a key: the folded name's letters and
// digits, words joined by hyphens.
func entSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range entNorm(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "unnamed"
	}
	s := b.String()
	if len(s) > 80 {
		s = s[:80]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}
