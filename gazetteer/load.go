package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/gazetteer/internal/fold"
)

//go:embed data/*.gz
var dataFS embed.FS

//go:embed lexicon/places.tsv lexicon/features.tsv lexicon/countries.tsv lexicon/cities.tsv lexicon/news_names.tsv lexicon/common_words.txt
var lexFS embed.FS

// Thresholds for Prefix (see its comment).
const (
	minPopOneWord   = 15000
	minPopMultiWord = 1000
)

func readGz(name string) (string, error) {
	raw, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return "", err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	var b strings.Builder
	b.Grow(len(raw) * 3)
	if _, err := io.Copy(&b, zr); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return b.String(), nil
}

func readLex(name string) (string, error) {
	b, err := lexFS.ReadFile("lexicon/" + name)
	return string(b), err
}

// builder collects entries in rank order with their names, then indexes them.
type builder struct {
	g      *Gazetteer
	ccIdx  map[string]uint16
	common map[uint64]bool
	pairs  []pair          // (key, entry) pairs, entries in rank order
	seats  map[int32]int32 // city entry -> admin1 entry it ranks just before
	last   int32           // entry of the latest addName
	hidden bool            // addName is adding a name of lexicon/news_names.tsv (see Features)
	done   []uint64        // keys already added for entry last
	kbuf   []byte
	err    error

	countryRows []uint16 // country row number in countries.tsv.gz -> index in g.codes

	keyHook func(key string, h uint64) // if set (by tests), sees every key indexed
}

// pair says that entry has a name whose key has slot.
type pair struct {
	slot  uint32
	entry int32
}

// load decodes the embedded data and builds a Gazetteer.
// load decodes the embedded data. keyHook, when not nil, sees every key
// indexed (a test checks that no two share a hash).
func load(keyHook func(key string, h uint64)) (*Gazetteer, error) {
	// The cities file is most of the work: it is decompressed in chunks by
	// another goroutine while this one reads the small files and then parses
	// and indexes the chunks as they come.
	chunks := make(chan string, 16)
	var streamErr error // set before chunks is closed
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(chunks)
		streamErr = streamFrames("cities.bin.gz", chunks, stop)
	}()

	g := &Gazetteer{codes: []string{""}, admins: []string{""}, recs: make([]rec, 0, 145000),
		idx: newTable(150000), acr: newTable(600), slots: make([]slot, 0, 150000)}
	b := &builder{keyHook: keyHook, g: g, ccIdx: map[string]uint16{}, common: map[uint64]bool{}, seats: map[int32]int32{},
		pairs: make([]pair, 0, 200000), last: -1}

	small := map[string]string{}
	for _, n := range []string{"countries.tsv.gz", "admin1.tsv.gz", "admin2.tsv.gz", "givennames.txt.gz"} {
		s, err := readGz(n)
		if err != nil {
			return nil, err
		}
		small[n] = s
	}
	for _, n := range []string{"places.tsv", "features.tsv", "countries.tsv", "cities.tsv", "news_names.tsv", "common_words.txt"} {
		s, err := readLex(n)
		if err != nil {
			return nil, err
		}
		small[n] = s
	}
	for _, line := range lines(small["common_words.txt"]) {
		b.common[fold.Hash(fold.Key(line))] = true
	}
	g.given = make(map[uint64]struct{}, 9000)
	for _, line := range lines(small["givennames.txt.gz"]) {
		g.given[fold.Hash(line)] = struct{}{}
	}
	g.dem = map[uint64]int32{}

	b.countries(small["countries.tsv.gz"], small["countries.tsv"])
	b.places(small["places.tsv"])
	b.features(small["features.tsv"])
	b.admin1AndCities(small["admin1.tsv.gz"], small["admin2.tsv.gz"], chunks, small["cities.tsv"], small["news_names.tsv"])
	for range chunks { // drain after an early failure
	}
	if streamErr != nil {
		return nil, streamErr
	}
	if b.err != nil {
		return nil, b.err
	}
	b.index()
	return g, nil
}

// streamFrames decompresses an embedded file of frames (a uvarint length
// and that many bytes; see internal/gen/cities.go) and sends the frames.
func streamFrames(name string, out chan<- string, stop <-chan struct{}) error {
	raw, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	br := bufio.NewReaderSize(zr, 64<<10)
	for {
		n, err := binary.ReadUvarint(br)
		if err == io.EOF {
			return nil
		}
		if err != nil || n > 1<<24 {
			return fmt.Errorf("%s: bad frame", name)
		}
		buf := make([]byte, n)
		if _, err := io.ReadFull(br, buf); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		select {
		case out <- string(buf):
		case <-stop:
			return nil
		}
	}
}

// lines returns the non-empty lines of s that are not comments.
func lines(s string) []string {
	var out []string
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, line)
	}
	return out
}

func (b *builder) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf(format, args...)
	}
}

func (b *builder) cc(code string) uint16 {
	if code == "" {
		return 0
	}
	if i, ok := b.ccIdx[code]; ok {
		return i
	}
	i := uint16(len(b.g.codes))
	b.g.codes = append(b.g.codes, code)
	b.ccIdx[code] = i
	return i
}

func (b *builder) add(r rec, names ...string) int32 {
	i := int32(len(b.g.recs))
	b.g.recs = append(b.g.recs, r)
	for _, n := range names {
		b.addName(i, n)
	}
	return i
}

func (b *builder) addDemonyms(e int32, list string) {
	for _, d := range split(list) {
		b.demonym(e, d)
		if p := plural(d); p != "" {
			b.demonym(e, p)
		}
	}
}

func (b *builder) demonym(e int32, d string) {
	h := fold.Hash(fold.Key(d))
	if _, dup := b.g.dem[h]; !dup { // the first (higher-ranked) place keeps it
		b.g.dem[h] = e
	}
}

// plural returns the plural of a demonym, or "" if it is its own plural.
func plural(d string) string {
	low := strings.ToLower(d)
	switch {
	case strings.HasSuffix(low, "man"):
		return d[:len(d)-3] + "men"
	case strings.HasSuffix(low, "woman"):
		return d[:len(d)-5] + "women"
	}
	for _, suf := range []string{"ese", "ish", "ch", "sh", "s", "x", "z", "i-kiribati", "ni-vanuatu", "basotho", "batswana", "motswana"} {
		if strings.HasSuffix(low, suf) {
			return ""
		}
	}
	return d + "s"
}

func split(list string) []string {
	if list == "" {
		return nil
	}
	return strings.Split(list, "|")
}

// fields splits a line at tabs into dst.
func fields(line string, dst []string) []string {
	dst = dst[:0]
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

func at(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

// stableID is the id of a place without a GeoNames id: FNV-32a of its kind
// and key, with the top bit set (GeoNames ids are below 2^31).
func stableID(kind Kind, key string) uint32 {
	h := uint32(2166136261)
	for _, s := range [...]string{kind.String(), ":", key} {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint32(s[i])) * 16777619
		}
	}
	return h | 1<<31
}

// parsePosition parses a latitude and a longitude with parseE5.
func parsePosition(lat, lon string) (int32, int32, bool) {
	la, ok1 := parseE5(lat)
	lo, ok2 := parseE5(lon)
	return la, lo, ok1 && ok2
}

// parseE5 parses a decimal number of degrees into degrees × 1e5.
func parseE5(s string) (int32, bool) {
	if s == "" {
		return 0, false
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	var v int64
	digits, frac, dot := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			if dot {
				if frac == 5 {
					continue
				}
				frac++
			}
			v = v*10 + int64(c-'0')
			digits++
			if v > 1<<40 {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	for ; frac < 5; frac++ {
		v *= 10
	}
	if neg {
		v = -v
	}
	return int32(v), true
}

func parseUint(s string) (uint64, bool) {
	if s == "" || len(s) > 19 {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}

func (b *builder) countries(data, lex string) {
	type extra struct{ aliases, demonyms, lat, lon string }
	extras := map[string]extra{}
	var f []string
	for _, line := range lines(lex) {
		f = fields(line, f)
		extras[f[0]] = extra{at(f, 1), at(f, 2), at(f, 3), at(f, 4)}
	}
	seen := map[string]bool{}
	b.countryRows = []uint16{0}
	for _, line := range lines(data) {
		f = fields(line, f)
		if len(f) < 8 {
			b.fail("countries: short line %q", line)
			return
		}
		b.countryRows = append(b.countryRows, b.cc(f[0]))
		a2, a3, nm := f[0], f[1], f[2]
		x := extras[a2]
		lat, lon, ok := parsePosition(f[3], f[4])
		if !ok {
			lat, lon, ok = parsePosition(x.lat, x.lon)
			if !ok {
				b.fail("countries: no position for %s", a2)
				return
			}
		}
		drop := map[string]bool{}
		var aliases []string
		for _, a := range split(x.aliases) {
			if rest, ok := strings.CutPrefix(a, "-"); ok {
				drop[fold.Key(rest)] = true
			} else {
				aliases = append(aliases, a)
			}
		}
		for _, a := range split(f[7]) {
			if !drop[fold.Key(a)] {
				aliases = append(aliases, a)
			}
		}
		e := b.add(rec{id: stableID(Country, a2), name: nm, kind: Country, lat: lat, lon: lon, cc: b.cc(a2)}, nm)
		for _, a := range aliases {
			b.addName(e, a)
		}
		b.addCode(e, a2)
		b.addCode(e, a3)
		b.addDemonyms(e, x.demonyms)
		seen[a2] = true
	}
	for a2 := range extras {
		if !seen[a2] {
			b.fail("lexicon/countries.tsv: unknown country %s", a2)
		}
	}
}

func (b *builder) places(lex string) {
	var f []string
	for _, line := range lines(lex) {
		f = fields(line, f)
		if len(f) < 5 {
			b.fail("lexicon/places.tsv: short line %q", line)
			return
		}
		k, ok := ParseKind(f[0])
		if !ok || k == Country || k == Admin1 || k == Admin2 || k == City {
			b.fail("lexicon/places.tsv: bad kind in %q", line)
			return
		}
		lat, lon, ok := parsePosition(f[3], f[4])
		if !ok {
			b.fail("lexicon/places.tsv: bad position in %q", line)
			return
		}
		e := b.add(rec{id: stableID(k, fold.Key(f[1])), name: f[1], kind: k, lat: lat, lon: lon, cc: b.cc(f[2])}, f[1])
		for _, a := range split(at(f, 5)) {
			b.addName(e, a)
		}
		b.addDemonyms(e, at(f, 6))
	}
}

// featureWhats are what lexicon/features.tsv may say a place is.
var featureWhats = map[string]bool{"island": true, "river": true, "lake": true, "peninsula": true,
	"delta": true, "valley": true, "camp": true, "base": true, "town": true}

// features adds the places of lexicon/features.tsv: regions (towns
// cities) to Lookup, Features to Prefix (see Features).
func (b *builder) features(lex string) {
	var f []string
	for _, line := range lines(lex) {
		f = fields(line, f)
		if len(f) < 7 || !featureWhats[f[0]] || f[1] == "" {
			b.fail("lexicon/features.tsv: bad line %q", line)
			return
		}
		lat, lon, ok := parsePosition(f[3], f[4])
		if !ok {
			b.fail("lexicon/features.tsv: bad position in %q", line)
			return
		}
		k := Region
		if f[0] == "town" {
			k = City
		}
		e := b.add(rec{id: stableID(k, fold.Key(f[1])), name: f[1], kind: k, lat: lat, lon: lon,
			cc: b.cc(f[2]), flags: flagFeature}, f[1])
		for _, a := range split(f[5]) {
			b.addName(e, a)
		}
	}
}

func (b *builder) admin1AndCities(admin1, admin2 string, cities <-chan string, lex, news string) {
	var f []string
	// City aliases by GeoNames id.
	cityAliases := map[uint64]cityNames{}
	for _, line := range lines(lex) {
		f = fields(line, f)
		id, ok := parseUint(f[0])
		if !ok {
			b.fail("lexicon/cities.tsv: bad id in %q", line)
			return
		}
		cityAliases[id] = cityNames{aliases: split(at(f, 2))}
	}
	// News spellings (hidden from PrefixIn but for Features) by GeoNames
	// id of a city, or admin1 code of a division.
	adminNews := map[string]cityNames{}
	for _, line := range lines(news) {
		f = fields(line, f)
		if len(f) < 3 || f[1] == "" || f[2] == "" {
			b.fail("lexicon/news_names.tsv: bad line %q", line)
			return
		}
		if id, ok := parseUint(f[0]); ok {
			c := cityAliases[id]
			if c.name != "" {
				b.fail("lexicon/news_names.tsv: id %d twice", id)
				return
			}
			c.name, c.hidden = f[1], split(f[2])
			cityAliases[id] = c
		} else if len(f[0]) >= 4 && f[0][2] == '.' {
			adminNews[f[0]] = cityNames{name: f[1], hidden: split(f[2])}
		} else {
			b.fail("lexicon/news_names.tsv: bad id in %q", line)
			return
		}
	}

	twins := map[uint64]int32{}    // seat city id -> its admin1 entry
	adminOf := map[string]uint16{} // admin1 code -> index in g.admins
	for _, line := range lines(admin1) {
		f = fields(line, f)
		if len(f) < 7 || len(f[0]) < 4 || f[0][2] != '.' {
			b.fail("admin1: bad line %q", line)
			return
		}
		lat, ok1 := parseE5(f[2])
		lon, ok2 := parseE5(f[3])
		pop, ok3 := parseUint(f[4])
		twin, ok4 := parseUint(f[5])
		if !ok1 || !ok2 || !ok3 || !ok4 {
			b.fail("admin1: bad line %q", line)
			return
		}
		ai := uint16(len(b.g.admins))
		b.g.admins = append(b.g.admins, f[1])
		adminOf[f[0]] = ai
		e := b.add(rec{id: stableID(Admin1, f[0]), name: f[1], kind: Admin1, lat: lat, lon: lon,
			pop: uint32(min(pop, 1<<32-1)), cc: b.cc(f[0][:2]), admin: ai}, f[1])
		b.addAliases(split(f[6]))
		if c, ok := adminNews[f[0]]; ok {
			if !b.addHidden(e, c) {
				return
			}
			delete(adminNews, f[0])
		}
		if twin != 0 {
			twins[twin] = e
		}
	}

	// Admin2 divisions rank after admin1 and before cities.
	for _, line := range lines(admin2) {
		f = fields(line, f)
		code := at(f, 0)
		var ai uint16
		ok := false
		if dot := strings.LastIndexByte(code, '.'); dot > 0 {
			ai, ok = adminOf[code[:dot]] // "GB.ENG.N5" lies in "GB.ENG"
		}
		lat, ok1 := parseE5(at(f, 2))
		lon, ok2 := parseE5(at(f, 3))
		pop, ok3 := parseUint(at(f, 4))
		if len(f) < 6 || !ok || !ok1 || !ok2 || !ok3 {
			b.fail("admin2: bad line %q", line)
			return
		}
		b.add(rec{id: stableID(Admin2, code), name: f[1], kind: Admin2, lat: lat, lon: lon,
			pop: uint32(min(pop, 1<<32-1)), cc: b.cc(code[:2]), admin: ai}, f[1])
		b.addAliases(split(f[5]))
	}

	// Cities, by population.
	for frame := range cities {
		if !b.cities(frame, twins, cityAliases) {
			b.fail("cities: corrupt data")
		}
		if b.err != nil {
			return
		}
	}
	for id := range cityAliases {
		b.fail("lexicon/cities.tsv or news_names.tsv: no city with id %d", id)
		return
	}
	for code := range adminNews {
		b.fail("lexicon/news_names.tsv: no admin1 division %s", code)
		return
	}
}

// cityNames are the hand-written names of a GeoNames place: aliases of
// lexicon/cities.tsv, which the tagger sees, and the news spellings of
// lexicon/news_names.tsv, hidden, with the name the row gives the place.
type cityNames struct {
	aliases []string
	name    string
	hidden  []string
}

// addHidden adds the news spellings of c to entry e, which must bear the
// name the row says (a check on the id), and reports whether it did.
// Prefix reports them as Features, so that the tagger does not see them.
// A spelling the entry already has (its own name, for a town too small for
// Prefix: "Chibok") is marked Features in the same way.
func (b *builder) addHidden(e int32, c cityNames) bool {
	if c.name == "" {
		return true
	}
	if b.g.recs[e].name != c.name {
		b.fail("lexicon/news_names.tsv: %d is %q, not %q", b.g.recs[e].id, b.g.recs[e].name, c.name)
		return false
	}
	b.hidden = true
	for _, a := range c.hidden {
		b.addName(e, a)
	}
	b.hidden = false
	return true
}

// cities decodes and adds the records of one frame of the cities file (see
// internal/gen/cities.go). It reports false if the data is corrupt.
func (b *builder) cities(f string, twins map[uint64]int32, cityAliases map[uint64]cityNames) bool {
	for len(f) > 0 {
		var ok bool
		var id, l, country, admin, pop uint64
		var lat, lon int64
		if id, f, ok = uvarint(f); !ok {
			return false
		}
		if l, f, ok = uvarint(f); !ok || l > uint64(len(f)) {
			return false
		}
		name := f[:l]
		f = f[l:]
		if country, f, ok = uvarint(f); !ok || country == 0 || country >= uint64(len(b.countryRows)) {
			return false
		}
		if admin, f, ok = uvarint(f); !ok || admin >= uint64(len(b.g.admins)) {
			return false
		}
		if lat, f, ok = varint(f); !ok {
			return false
		}
		if lon, f, ok = varint(f); !ok {
			return false
		}
		if pop, f, ok = uvarint(f); !ok || len(f) == 0 || id > 1<<31 {
			return false
		}
		var flags uint8
		switch f[0] {
		case 1:
			flags = flagCapital
		case 2:
			flags = flagSeat
		}
		f = f[1:]
		e := b.add(rec{id: uint32(id), name: name, kind: City, lat: int32(lat), lon: int32(lon), pop: uint32(min(pop, 1<<32-1)),
			flags: flags, cc: b.countryRows[country], admin: uint16(admin)}, name)
		if a, ok := twins[id]; ok {
			b.seats[e] = a
		}
		if c, ok := cityAliases[id]; ok {
			b.addAliases(c.aliases)
			if !b.addHidden(e, c) {
				return true // b.err is set
			}
			delete(cityAliases, id)
		}
	}
	return true
}

func uvarint(s string) (uint64, string, bool) {
	var x uint64
	for i := 0; i < len(s) && i < 10; i++ {
		c := s[i]
		if c < 0x80 {
			return x | uint64(c)<<(7*i), s[i+1:], true
		}
		x |= uint64(c&0x7f) << (7 * i)
	}
	return 0, s, false
}

func varint(s string) (int64, string, bool) {
	u, s, ok := uvarint(s)
	return int64(u>>1) ^ -int64(u&1), s, ok
}

// addAliases adds names to the entry added last.
func (b *builder) addAliases(list []string) {
	e := int32(len(b.g.recs) - 1)
	for _, a := range list {
		b.addName(e, a)
	}
}

// prefixKinds returns the kinds Prefix reports for a name of an entry: the
// entry's kind (Features for the places of lexicon/features.tsv), or none
// if the name is too likely a common word.
func (b *builder) prefixKinds(r *rec, h uint64, words int) KindSet {
	if r.flags&flagFeature != 0 || b.hidden {
		return Features
	}
	switch r.kind {
	case City:
		if b.common[h] {
			return 0
		}
		if words == 1 {
			if r.pop < minPopOneWord && r.flags&flagCapital == 0 {
				return 0
			}
		} else if r.pop < minPopMultiWord && r.flags == 0 {
			return 0
		}
	case Admin1, Admin2:
		if b.common[h] {
			return 0
		}
	}
	return KindSet(0).With(r.kind)
}

// cell returns the cell of key h in t, adding it and a slot if missing.
func (b *builder) cell(t *table, h uint64) *cell {
	c, added := t.ref(h)
	if added {
		c.id = uint32(len(b.g.slots))
		b.g.slots = append(b.g.slots, slot{})
	}
	return c
}

// startEntry resets the per-entry set of keys when names of a new entry begin.
func (b *builder) startEntry(e int32) {
	if e != b.last {
		b.last, b.done = e, b.done[:0]
	}
}

// addCode adds an ISO code of country e, for Lookup only.
func (b *builder) addCode(e int32, code string) {
	h, ok := acronymHash(code)
	if !ok {
		return
	}
	b.startEntry(e)
	if seen(b.done, ^h) {
		return
	}
	b.done = append(b.done, ^h)
	b.pairs = append(b.pairs, pair{b.cell(&b.g.acr, h).id, e})
}

// addName indexes a name of entry e.
func (b *builder) addName(e int32, text string) {
	if text == "" {
		return
	}
	g := b.g
	r := &g.recs[e]
	b.startEntry(e)
	if h, ok := acronymHash(text); ok {
		if !seen(b.done, ^h) {
			b.done = append(b.done, ^h)
			c := b.cell(&g.acr, h)
			if r.flags&flagFeature != 0 || b.hidden {
				c.kinds |= Features
			} else {
				c.kinds |= KindSet(0).With(r.kind)
			}
			b.pairs = append(b.pairs, pair{c.id, e})
		}
		return
	}
	b.kbuf = fold.AppendKey(b.kbuf[:0], text)
	key := b.kbuf
	if len(key) == 0 {
		return
	}
	extra := strings.Count(text, "'") + strings.Count(text, "’")
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			// "The Hague" is also "Hague".
			if len(key) <= 4 || string(key[:4]) != "the " {
				break
			}
			key = key[4:]
		}
		h := fold.HashBytes(key)
		if seen(b.done, h) {
			if b.hidden { // a name it has: Prefix reports it as Features too
				b.cell(&g.idx, h).kinds |= Features
			}
			continue
		}
		b.done = append(b.done, h)
		if b.keyHook != nil {
			b.keyHook(string(key), h)
		}
		words := 1
		ph := fold.Offset
		for i, c := range key {
			if c == ' ' {
				words++
				// Every proper word prefix of the key leads on to it.
				b.cell(&g.idx, ph).more = true
			}
			ph = fold.Mix(ph, key[i])
		}
		if words+extra > g.maxWords {
			g.maxWords = words + extra
		}
		k := b.prefixKinds(r, h, words)
		c := b.cell(&g.idx, h)
		c.kinds |= k
		b.pairs = append(b.pairs, pair{c.id, e})
	}
}

// index lays out the postings of every slot, best entry first.
func (b *builder) index() {
	g := b.g
	for _, p := range b.pairs {
		g.slots[p.slot].n++
	}
	var off uint32
	for i := range g.slots {
		g.slots[i].off = off
		off += g.slots[i].n
		g.slots[i].n = 0
	}
	g.post = make([]int32, off)
	for _, p := range b.pairs {
		s := &g.slots[p.slot]
		g.post[s.off+s.n] = p.entry
		s.n++
	}
	b.pairs = nil
	// Entries were added in rank order, except that a seat city ranks just
	// before its same-named admin1 division.
	rank := func(e int32) int64 {
		if a, ok := b.seats[e]; ok {
			return 2*int64(a) - 1
		}
		return 2 * int64(e)
	}
	for i := range g.slots {
		s := &g.slots[i]
		if s.n < 2 {
			continue
		}
		p := g.post[s.off : s.off+s.n]
		for j := 1; j < len(p); j++ {
			for k := j; k > 0 && rank(p[k]) < rank(p[k-1]); k-- {
				p[k], p[k-1] = p[k-1], p[k]
			}
		}
	}
}

func seen(list []uint64, h uint64) bool {
	for _, x := range list {
		if x == h {
			return true
		}
	}
	return false
}
