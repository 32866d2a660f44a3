package story

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Features is what the index keeps of one article (compact; the store
// persists it).
type Features struct {
	Article   string
	Source    string
	Published time.Time
	Signature []uint32 // MinHash of word shingles
	// Shingles is how many shingles the signature was taken over; an article
	// with fewer than a handful is too short to be called anyone's copy.
	Shingles int
	Terms    []string // salient names and place IDs: what story clustering compares
	// Words are the article's most frequent content words (headline words
	// count more), lower-cased and lightly stemmed: the text-similarity
	// signal of story clustering, cheap to compare, unlike shingles, across
	// reports that word the same event differently.
	Words []string
}

const (
	ftMaxTerms = 24
	ftMaxWords = 24
	// ftTitleWeight is how many body occurrences a headline word is worth.
	ftTitleWeight = 3
)

// FeaturesOf computes the features of an annotated article. It reads the
// text, the entity layer (PERSON, ORG and MISC canonical names) and the
// place layer (gazetteer IDs, else names); without a place layer, LOC
// entities stand in for places.
func FeaturesOf(d *sitrep.Doc) Features {
	f := Features{
		Article:   d.ID,
		Source:    d.Source,
		Published: d.Published,
	}
	f.Signature, f.Shingles = mhSignature(d.Text, mhShingle)
	f.Terms = ftTerms(d)
	f.Words = ftWords(d.Title, d.Text)
	return f
}

// ftTerms ranks the article's entities and places by mentions.
func ftTerms(d *sitrep.Doc) []string {
	count := map[string]int{}
	var order []string
	add := func(t string) {
		if t == "" {
			return
		}
		if _, ok := count[t]; !ok {
			order = append(order, t)
		}
		count[t]++
	}
	for _, e := range d.Entities {
		switch e.Type {
		case "PERSON":
			// The surname: other reports write "Slepian" where this one
			// wrote "Barnett Slepian" (resolving them properly is the
			// entity registry's work; here a shared surname in a shared
			// time window is evidence enough).
			name := strings.Fields(cmp.Or(e.Name, e.Text))
			if len(name) > 0 {
				add(ftTerm("e:", name[len(name)-1]))
			}
		case "ORG", "MISC":
			add(ftTerm("e:", cmp.Or(e.Name, e.Text)))
		case "LOC":
			if len(d.Places) == 0 {
				add(ftTerm("p:", cmp.Or(e.Name, e.Text)))
			}
		}
	}
	for _, p := range d.Places {
		if p.ID != "" {
			add("p:" + p.ID)
		} else {
			add(ftTerm("p:", cmp.Or(p.Name, p.Text)))
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return count[b] - count[a] })
	if len(order) > ftMaxTerms {
		order = order[:ftMaxTerms]
	}
	return order
}

func ftTerm(prefix, name string) string {
	name = strings.Join(strings.Fields(strings.ToLower(name)), " ")
	if name == "" || len(name) > 200 {
		return ""
	}
	return prefix + name
}

// ftWords ranks content words by frequency, headline words weighted.
func ftWords(title, text string) []string {
	count := map[string]int{}
	var order []string
	add := func(s string, weight int) {
		ftEachWord(s, func(w string) {
			if _, ok := count[w]; !ok {
				order = append(order, w)
			}
			count[w] += weight
		})
	}
	add(title, ftTitleWeight)
	add(text, 1)
	slices.SortStableFunc(order, func(a, b string) int { return count[b] - count[a] })
	if len(order) > ftMaxWords {
		order = order[:ftMaxWords]
	}
	return order
}

// ftEachWord calls fn for each content word of s: letters only, three or
// more, not a function word, plural endings cut.
func ftEachWord(s string, fn func(string)) {
	stop := ftStopwords()
	start := -1
	emit := func(end int) {
		w := strings.ToLower(s[start:end])
		start = -1
		if utf8.RuneCountInString(w) < 3 || len(w) > 40 {
			return
		}
		if _, ok := stop[w]; ok {
			return
		}
		fn(ftStem(w))
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			emit(i)
		}
	}
	if start >= 0 {
		emit(len(s))
	}
}

// ftStem folds the commonest plural endings so that "embassy" and
// "embassies", "bombing" and "bombings" meet; nothing more.
func ftStem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// ftStopwords are words that say nothing about what a story is: function
// words, and the verbs and nouns of reporting itself.
var ftStopwords = sync.OnceValue(func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`
		the and for are but not you all any can had her was one our out has him his how man new now old see two way who
		its let put say she too use that with have this will your from they know want been good much some time very when
		come here just like long make many more only over such take than them well were what into would there their which
		about after again also could first most other then these those through where while being both each even ever
		every further itself just might must never same should since still under until upon whom whose why yet
		did does doing done few get got may nor off own per via out onto within without against among around before
		behind below beneath beside between beyond during except inside near outside toward towards across along
		said says saying told tell tells according added asked called reported report reports statement
		mr mrs ms monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks year years
		month months day days last next ago early late later earlier people official officials government
		january february march april june july august september october november december
		one two three four five six seven eight nine ten hundred hundreds thousand thousands million billion
		because however although though whether also already another because something nothing anything
		percent including include includes told our ours ourselves themselves himself herself yourself
	`) {
		m[w] = struct{}{}
	}
	return m
})

// Binary form: a version byte, then fields in order. Strings and lists
// carry their lengths as uvarints; the time is a flag byte (0 unknown)
// then Unix seconds (varint) and nanoseconds (uvarint); signature values are
// 4 bytes little-endian.
const ftVersion = 1

// MarshalBinary encodes f compactly for the store.
func (f Features) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 64+4*len(f.Signature)+16*(len(f.Terms)+len(f.Words)))
	b = append(b, ftVersion)
	b = ftAppendString(b, f.Article)
	b = ftAppendString(b, f.Source)
	if f.Published.IsZero() {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendVarint(b, f.Published.Unix())
		b = binary.AppendUvarint(b, uint64(f.Published.Nanosecond()))
	}
	b = binary.AppendUvarint(b, uint64(len(f.Signature)))
	for _, v := range f.Signature {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	b = binary.AppendUvarint(b, uint64(max(f.Shingles, 0)))
	for _, list := range [][]string{f.Terms, f.Words} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, s := range list {
			b = ftAppendString(b, s)
		}
	}
	return b, nil
}

func ftAppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errFeaturesShort = errors.New("truncated")

// UnmarshalBinary decodes what MarshalBinary wrote. Bad input is an error,
// never a panic or an allocation larger than the input.
func (f *Features) UnmarshalBinary(data []byte) error {
	r := ftReader{b: data}
	if v := r.byte(); r.err == nil && v != ftVersion {
		return fmt.Errorf("decode features: version %d, want %d", v, ftVersion)
	}
	var g Features
	g.Article = r.string()
	g.Source = r.string()
	switch r.byte() {
	case 0:
	case 1:
		sec := r.varint()
		nsec := r.uvarint()
		if r.err == nil && (nsec >= 1e9 || sec < -1<<40 || sec > 1<<40) {
			r.err = errors.New("time out of range")
		}
		g.Published = time.Unix(sec, int64(nsec)).UTC()
	default:
		if r.err == nil {
			r.err = errors.New("bad time flag")
		}
	}
	n := r.count(4)
	if n > 0 {
		g.Signature = make([]uint32, n)
		for i := range g.Signature {
			g.Signature[i] = r.uint32()
		}
	}
	sh := r.uvarint()
	if sh > math.MaxInt32 && r.err == nil {
		r.err = errors.New("shingle count out of range")
	}
	g.Shingles = int(sh)
	for _, list := range []*[]string{&g.Terms, &g.Words} {
		n := r.count(1)
		if n > 0 {
			*list = make([]string, n)
			for i := range *list {
				(*list)[i] = r.string()
			}
		}
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d trailing bytes", len(r.b))
	}
	if r.err != nil {
		return fmt.Errorf("decode features: %w", r.err)
	}
	*f = g
	return nil
}

// ftReader reads the binary form; the first error sticks and later reads
// return zero values.
type ftReader struct {
	b   []byte
	err error
}

func (r *ftReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.b = nil
}

func (r *ftReader) byte() byte {
	if r.err != nil || len(r.b) < 1 {
		r.fail(errFeaturesShort)
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *ftReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(errors.New("bad uvarint"))
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *ftReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(errors.New("bad varint"))
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a list length whose items take at least size bytes each, so
// that a forged length cannot make us allocate more than the input holds.
func (r *ftReader) count(size int) int {
	n := r.uvarint()
	if r.err != nil {
		return 0
	}
	if n > uint64(len(r.b)/size) {
		r.fail(fmt.Errorf("list of %d items in %d bytes", n, len(r.b)))
		return 0
	}
	return int(n)
}

func (r *ftReader) uint32() uint32 {
	if r.err != nil || len(r.b) < 4 {
		r.fail(errFeaturesShort)
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *ftReader) string() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
