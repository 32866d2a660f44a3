package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/gazetteer"
)

// The word lists the tagger's features consult. They are read-only once
// built, and part of what a trained model means: changing one (or the
// gazetteer) calls for retraining. The model file does not record them;
// TestTrainReproducesEmbeddedModel fails until the model is regenerated.

//go:embed lexicon/words.txt.gz
var wordsGz []byte

//go:embed lexicon/orgs.txt
var orgsTxt string

// lexicons implements lexicon over the embedded lists.
type lexicons struct {
	gaz   *gazetteer.Gazetteer
	words map[string]uint8 // lowercase word → SCOWL size class (10 = most common)
	orgs  phrases
	// orgParts holds the words of known organization names ("aragua" of
	// "Tren de Aragua"), evidence for names the list spells otherwise.
	orgParts map[string]bool
}

var defaultLexicon = sync.OnceValue(func() *lexicons {
	lx := &lexicons{gaz: gazetteer.Default(), words: readWords(wordsGz)}
	lx.orgs = newPhrases()
	lx.orgParts = map[string]bool{}
	for _, line := range strings.Split(orgsTxt, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			lx.orgs.add(line)
			for _, f := range forms(strings.Fields(line)) {
				w := f.lower
				if lx.words[w] == 0 || lx.words[w] > 20 { // not the commonest words
					lx.orgParts[w] = true
				}
			}
		}
	}
	return lx
})

func readWords(gz []byte) map[string]uint8 {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("ner: embedded word list: " + err.Error())
	}
	out := make(map[string]uint8, 80000)
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		w, l, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.Atoi(l)
		if !ok || err != nil {
			panic("ner: embedded word list: bad line " + sc.Text())
		}
		out[w] = uint8(n)
	}
	return out
}

func (lx *lexicons) wordClass(lower string) uint8 { return lx.words[lower] }

func (lx *lexicons) org(lower []string, upperInitial bool) int {
	return lx.orgs.longest(lower, upperInitial)
}

// phrases is a set of multi-word names, matched word by word on lowercase
// words without building strings.
type phrases struct {
	set      map[uint64]uint8 // hash of a lowercase phrase or of its first words → phrase flags
	maxWords int
	// byLast lists the multi-word phrases by their last word, for spelling
	// variants ("Torren de Aragua" for "Tren de Aragua").
	byLast map[string][][]string
}

func newPhrases() phrases {
	return phrases{set: map[uint64]uint8{}, byLast: map[string][][]string{}}
}

// Flags of a hash in phrases.set.
const (
	isPhrase   = 1 << iota // the words so far are a phrase of the set
	lowerFirst             // ... written with a lowercase first letter ("al-Qaeda")
	isPrefix               // the words so far begin a longer phrase
)

func (p *phrases) add(name string) {
	var words []string
	for _, f := range forms(strings.Fields(name)) {
		words = append(words, f.lower)
	}
	h := uint64(fnvOffset)
	for i, w := range words {
		h = wordHash(h, w, i)
		if i < len(words)-1 {
			p.set[h] |= isPrefix
		}
	}
	p.set[h] |= isPhrase
	if first := name[0]; first >= 'a' && first <= 'z' {
		p.set[h] |= lowerFirst
	}
	p.maxWords = max(p.maxWords, len(words))
	if n := len(words); n > 1 {
		p.byLast[words[n-1]] = append(p.byLast[words[n-1]], words)
	}
}

func wordHash(h uint64, w string, i int) uint64 {
	if i > 0 {
		h = (h ^ ' ') * fnvPrime
	}
	for k := 0; k < len(w); k++ {
		h = (h ^ uint64(w[k])) * fnvPrime
	}
	return h
}

// longest returns how many of the words form the longest phrase of the set
// that starts at words[0]. A phrase written with a capital must start with a
// capitalized word.
func (p *phrases) longest(words []string, upperInitial bool) int {
	h := uint64(fnvOffset)
	best := 0
	for i := 0; i < len(words) && i < p.maxWords; i++ {
		h = wordHash(h, words[i], i)
		f := p.set[h]
		if f&isPhrase != 0 && (upperInitial || f&lowerFirst != 0) {
			best = i + 1
		}
		if f&isPrefix == 0 {
			break
		}
	}
	if best > 0 || !upperInitial {
		return best
	}
	for n := 2; n <= len(words) && n <= p.maxWords; n++ {
		for _, name := range p.byLast[words[n-1]] {
			if len(name) == n && variant(words[:n], name) {
				best = n
			}
		}
	}
	return best
}

// lowerFirst reports whether the phrase words is in the set written with a
// lowercase first letter ("al-Qaeda").
func (p *phrases) lowerFirst(words []string) bool {
	h := uint64(fnvOffset)
	for i, w := range words {
		h = wordHash(h, w, i)
	}
	return p.set[h]&lowerFirst != 0
}

// variant reports whether words spell name with one word misspelled: the
// same first letter, at least four letters, at most two edits apart.
func variant(words, name []string) bool {
	diff := 0
	for i := range words {
		if words[i] == name[i] {
			continue
		}
		a, b := words[i], name[i]
		if diff++; diff > 1 || len(a) < 4 || len(b) < 4 || a[0] != b[0] || !withinTwoEdits(a, b) {
			return false
		}
	}
	return diff == 1
}

// withinTwoEdits reports whether a and b are at most two byte insertions,
// deletions or substitutions apart (a banded Levenshtein distance).
func withinTwoEdits(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 2 || len(b) > 64 {
		return false
	}
	var prev, cur [65]int
	for j := range len(b) + 1 {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)] <= 2
}

// taggerKinds are the kinds of place the tagger's model was trained to see
// in the gazetteer: all but admin2 divisions, which came later. Retrained
// with them, the tagger did worse on CoNLL dev (F1 93.27 or 93.41 against
// 93.60; other seeds 93.57-93.73; bench/results/2026-11-25-admin2).
const taggerKinds = gazetteer.AllKinds &^ (1 << gazetteer.Admin2)

// places reports the longest place name starting at words[0] (as written:
// country codes count only in capitals) and its kinds.
func (lx *lexicons) places(words []string) (int, uint64) {
	if len(words) == 0 || len(words[0]) > maxWordBytes {
		return 0, 0
	}
	n, kinds := lx.gaz.PrefixIn(words, taggerKinds)
	return n, uint64(kinds)
}

// isCountryOrRegion reports whether word alone names a country or a
// first-level region.
func (lx *lexicons) isCountryOrRegion(word string) bool {
	n, kinds := lx.places([]string{word})
	k := gazetteer.KindSet(kinds)
	return n == 1 && (k.Has(gazetteer.Country) || k.Has(gazetteer.Admin1))
}

// titleBefore reports whether a title or role word ends just before the end
// of lower ("... associate professor" | "Geoff"; "Gen." | "Ahmed").
func (lx *lexicons) titleBefore(lower []string) bool {
	_, ok := titleHeads[strings.TrimSuffix(lower[len(lower)-1], ".")]
	return ok
}

func (lx *lexicons) demonym(word string) bool {
	return len(word) <= maxWordBytes && lx.gaz.IsDemonym(word)
}

func (lx *lexicons) givenName(word string) bool {
	return len(word) <= maxWordBytes && lx.gaz.IsGivenName(word)
}
