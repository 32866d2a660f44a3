package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of (template, values): no strings are built while
// tagging, and the model stores only hashes. A change to the templates below
// changes what the hashes mean, so it must bump featureVersion and retrain.
const featureVersion = 10

// Feature templates. The numbers are part of the hash; never reuse one.
const (
	fBias uint64 = iota + 1
	fRaw
	fNorm
	fShape
	fPrefix // +1..+4 by length
	_
	_
	_
	fSuffix // +1..+4 by length
	_
	_
	_
	fPrev
	fNext
	fPrev2
	fNext2
	fShapePrevCur
	fShapeCurNext
	fNormPrevCur
	fNormCurNext
	fShort3
	fFirstShape
	fCapsShape
	fGaz     // + kind and position
	fTitle   // a title or role word precedes
	fOrgNext // retired (an organization word follows); numbers are never reused
	fDemonym // the word names a people ("Mexican")
	fGiven   // the word is a known given name
	fRawPrev
	fRawNext
	fDocMajor   // the type this word most often has elsewhere in the document
	fDocType    // a type this word has elsewhere in the document
	fDocLower   // the word is written in lower case elsewhere in the document
	fDocNone    // the word occurs elsewhere, never in a name
	fOrg        // + position in a known organization name
	fDict       // + SCOWL class of a capitalized word's lower-case form
	fOrgPart    // the word is part of a known organization name
	fGivenPrev  // a known given name precedes this capitalized word ("Donald | Trump")
	fDocMulti   // + a type this word has in a longer name elsewhere in the document
	fShortNext2 // shapes of this word and the two after ("Cocaine , heroin")
	fDictNext   // + SCOWL class, sentence start, shapes of the two words after
)

const (
	hashBOS = 0x9e3779b97f4a7c15
	hashEOS = 0xbf58476d1ce4e5b9
)

// mix is the SplitMix64 finalizer: a cheap, well-spread hash combiner.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func feat(t, a uint64) uint64     { return mix(a ^ mix(t)) }
func feat2(t, a, b uint64) uint64 { return mix(b ^ mix(a^mix(t))) }
func feat3(t, a, b, c uint64) uint64 {
	return mix(c ^ mix(b^mix(a^mix(t))))
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tokenInfo is what the templates need of one token, computed once.
type tokenInfo struct {
	raw, norm, shape, short uint64
	prefix, suffix          [4]uint64 // hashes of the first and last 1..4 bytes of norm; 0 when shorter
	upperInitial, allCaps   bool
	lower                   string // lowercased word, for lexicon lookups
}

// maxWordBytes bounds what describe reads of a word: no name is longer, and
// a hostile text made of one 50 MB "word" must not be copied for each
// feature.
const maxWordBytes = 64

// describe fills info for word. buf is scratch space for the normalized form.
func describe(word string, buf []byte) (tokenInfo, []byte) {
	if len(word) > maxWordBytes {
		cut := maxWordBytes
		for cut > 0 && !utf8.RuneStart(word[cut]) {
			cut--
		}
		word = word[:cut]
	}
	var ti tokenInfo
	h := uint64(fnvOffset)
	for i := 0; i < len(word); i++ {
		h = (h ^ uint64(word[i])) * fnvPrime
	}
	ti.raw = h

	// norm: lowercase, digits folded to 0; shape: Xxd classes with runs capped
	// at 4; short: runs collapsed.
	buf = buf[:0]
	hs, hsh := uint64(fnvOffset), uint64(fnvOffset)
	var last byte
	run := 0
	letters, uppers := 0, 0
	for i, r := range word {
		var class byte
		switch {
		case unicode.IsUpper(r):
			class = 'X'
			uppers++
			letters++
			if i == 0 {
				ti.upperInitial = true
			}
			r = unicode.ToLower(r)
		case unicode.IsLetter(r):
			class = 'x'
			letters++
		case unicode.IsDigit(r):
			class = 'd'
			r = '0'
		default:
			class = byte(r)
			if r >= utf8.RuneSelf {
				class = '*'
			}
		}
		buf = utf8.AppendRune(buf, r)
		if class == last {
			run++
		} else {
			run = 1
			hsh = (hsh ^ uint64(class)) * fnvPrime
		}
		if run <= 4 {
			hs = (hs ^ uint64(class)) * fnvPrime
		}
		last = class
	}
	ti.allCaps = letters > 1 && uppers == letters
	ti.shape, ti.short = hs, hsh
	h = fnvOffset
	for i := 0; i < len(buf); i++ {
		h = (h ^ uint64(buf[i])) * fnvPrime
		if i < 4 {
			ti.prefix[i] = h
		}
	}
	ti.norm = h
	h = fnvOffset
	for i := 0; i < 4 && i < len(buf); i++ {
		h = (h ^ uint64(buf[len(buf)-1-i])) * fnvPrime
		ti.suffix[i] = h
	}
	ti.lower = string(buf)
	return ti, buf
}

// featurizer computes the features of sentences. lex may be nil (no word
// lists), which tests of the model alone use.
type featurizer struct {
	lex *lexicons
}

// scratch holds per-sentence buffers reused across calls.
type scratch struct {
	info    []tokenInfo
	lower   []string
	buf     []byte
	gaz     []uint64 // per token: place-name match (kinds and position), 0 if none
	org     []uint64 // per token: organization-name match position, 0 if none
	feats   []uint64
	start   []int
	lexical []int // per token: how many of its features, first, are its word's own
}

// markPhrase records in dst that words[i:i+m] form one phrase with the given
// kinds, with each word's position in it.
func markPhrase(dst []uint64, i, m int, kinds uint64) {
	for j := i; j < i+m; j++ {
		p := uint64(posI)
		switch {
		case m == 1:
			p = uint64(posU)
		case j == i:
			p = uint64(posB)
		case j == i+m-1:
			p = uint64(posL)
		}
		dst[j] = kinds<<3 | p | 1<<62
	}
}

// features computes the features of one sentence into s. ds, when not nil,
// holds what the first stage found in the whole document, and own the
// first-stage labels of this sentence, which ds must not count twice.
func (f *featurizer) features(words []string, s *scratch, ds *docStats, own []int) {
	n := len(words)
	s.info = s.info[:0]
	s.lower = s.lower[:0]
	capsSentence := n > 2
	for _, w := range words {
		var ti tokenInfo
		ti, s.buf = describe(w, s.buf)
		s.info = append(s.info, ti)
		s.lower = append(s.lower, ti.lower)
		if hasLower(w) {
			capsSentence = false
		}
	}
	s.gaz = grow(s.gaz, n)
	s.org = grow(s.org, n)
	clear(s.gaz)
	clear(s.org)
	if f.lex != nil {
		for i := 0; i < n; i++ {
			if m := f.lex.org(s.lower[i:], s.info[i].upperInitial); m > 0 {
				markPhrase(s.org, i, m, 0)
				i += m - 1
			}
		}
		for i := 0; i < n; i++ {
			if !s.info[i].upperInitial {
				continue
			}
			if m, kinds := f.lex.places(words[i:]); m > 0 {
				markPhrase(s.gaz, i, m, kinds)
				i += m - 1
			}
		}
	}
	s.feats = s.feats[:0]
	s.start = s.start[:0]
	s.lexical = s.lexical[:0]
	for i := 0; i < n; i++ {
		s.start = append(s.start, len(s.feats))
		ti := &s.info[i]
		prev, next, prev2, next2 := uint64(hashBOS), uint64(hashEOS), uint64(hashBOS), uint64(hashEOS)
		prevShape, nextShape, prevShort, nextShort := uint64(hashBOS), uint64(hashEOS), uint64(hashBOS), uint64(hashEOS)
		prevRaw, nextRaw := uint64(hashBOS), uint64(hashEOS)
		next2Short := uint64(hashEOS)
		if i > 0 {
			p := &s.info[i-1]
			prev, prevShape, prevShort, prevRaw = p.norm, p.shape, p.short, p.raw
		}
		if i > 1 {
			prev2 = s.info[i-2].norm
		}
		if i+1 < n {
			x := &s.info[i+1]
			next, nextShape, nextShort, nextRaw = x.norm, x.shape, x.short, x.raw
		}
		if i+2 < n {
			next2, next2Short = s.info[i+2].norm, s.info[i+2].short
		}
		// The word's own features come first, so that training can drop
		// them (see perceptron.learn); s.lexical[i] counts them.
		s.feats = append(s.feats,
			feat(fRaw, ti.raw),
			feat(fNorm, ti.norm),
			feat2(fNormPrevCur, prev, ti.norm),
			feat2(fNormCurNext, ti.norm, next),
		)
		for k := 0; k < 4; k++ {
			if ti.prefix[k] != 0 {
				s.feats = append(s.feats, feat(fPrefix+uint64(k), ti.prefix[k]))
			}
			if ti.suffix[k] != 0 {
				s.feats = append(s.feats, feat(fSuffix+uint64(k), ti.suffix[k]))
			}
		}
		s.lexical = append(s.lexical, len(s.feats)-s.start[i])
		s.feats = append(s.feats,
			mix(fBias),
			feat(fShape, ti.shape),
			feat(fPrev, prev),
			feat(fNext, next),
			feat(fPrev2, prev2),
			feat(fNext2, next2),
			feat2(fShapePrevCur, prevShape, ti.shape),
			feat2(fShapeCurNext, ti.shape, nextShape),
			feat3(fShort3, prevShort, ti.short, nextShort),
			feat3(fShortNext2, ti.short, nextShort, next2Short),
			feat(fRawPrev, prevRaw),
			feat(fRawNext, nextRaw),
		)
		if i == 0 {
			s.feats = append(s.feats, feat(fFirstShape, ti.shape))
		}
		if capsSentence {
			s.feats = append(s.feats, feat(fCapsShape, ti.short))
		}
		if g := s.gaz[i]; g != 0 {
			s.feats = append(s.feats, feat(fGaz, g))
		}
		if g := s.org[i]; g != 0 {
			s.feats = append(s.feats, feat(fOrg, g))
		}
		if f.lex != nil {
			if ti.upperInitial {
				class := uint64(f.lex.wordClass(ti.lower))
				s.feats = append(s.feats, feat2(fDict, class, uint64(min(i, 1))))
				if class != 0 {
					s.feats = append(s.feats, feat3(fDictNext, class<<1|uint64(min(i, 1)), nextShort, next2Short))
				}
			}
			if ti.upperInitial && f.lex.orgParts[ti.lower] {
				s.feats = append(s.feats, mix(fOrgPart))
			}
			if i > 0 && f.lex.titleBefore(s.lower[:i]) {
				s.feats = append(s.feats, feat(fTitle, ti.short))
			}
			if f.lex.demonym(words[i]) {
				s.feats = append(s.feats, feat(fDemonym, ti.short))
			}
			if f.lex.givenName(words[i]) {
				s.feats = append(s.feats, feat(fGiven, ti.short))
			}
			if i > 0 && ti.upperInitial && s.info[i-1].upperInitial && f.lex.givenName(words[i-1]) {
				s.feats = append(s.feats, feat(fGivenPrev, ti.short))
			}
		}
		if ds != nil {
			s.feats = ds.appendFeatures(s.feats, ti, own[i])
		}
	}
	s.start = append(s.start, len(s.feats))
}

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
