// Package fold turns place names into the keys the gazetteer indexes: lower
// case, diacritics removed ("Culiacán" → "culiacan"), full stops, commas and
// apostrophes dropped ("U.S." → "us", "Xi'an" → "xian"), hyphens and spaces
// read as word breaks ("Guinea-Bissau" → "guinea bissau"), and words joined by
// single spaces. It also hashes such keys (64-bit FNV-1a over the key's bytes)
// without building them, word by word, so that a caller can extend a hash one
// token at a time without allocating.
//
// Both the gazetteer and its data generator use it, so that the keys computed
// when the data is made and when it is read agree.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Offset is the hash of the empty key.
const Offset uint64 = 14695981039346656037

const prime uint64 = 1099511628211

func mix(h uint64, b byte) uint64 { return (h ^ uint64(b)) * prime }

// Hasher extends a key's hash word by word. The zero value is not ready:
// start from New().
type Hasher struct {
	H     uint64 // hash of the key so far
	Words int    // tokens that added to the key so far
	pend  bool   // a word break is due before the next byte
}

// New returns a Hasher for the empty key.
func New() Hasher { return Hasher{H: Offset} }

// Word appends one token. It reports false, leaving h unchanged, if the token
// folds to nothing (punctuation only). A token that begins with an apostrophe
// ("'s") is glued to the word before it, as in the key of "Saint John's".
func (h *Hasher) Word(w string) bool {
	s := *h
	s.pend = s.Words > 0 && !gluesLeft(w)
	emitted := false
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '.' || c == ',' || c == '\'' || c == '`':
				continue
			case c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				if emitted {
					s.pend = true
				}
				continue
			}
			s.emit(c, &emitted)
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			s.emit(0xFF, &emitted) // invalid UTF-8: a byte no valid key holds
			continue
		}
		f, kind := Rune(r)
		switch kind {
		case drop:
			continue
		case brk:
			if emitted {
				s.pend = true
			}
			continue
		}
		for j := 0; j < len(f); j++ {
			s.emit(f[j], &emitted)
		}
		if kind == other {
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			for j := 0; j < n; j++ {
				s.emit(buf[j], &emitted)
			}
		}
	}
	if !emitted {
		return false
	}
	s.pend = false
	*h = s
	return true
}

func (s *Hasher) emit(c byte, emitted *bool) {
	if s.pend {
		s.H = mix(s.H, ' ')
		s.pend = false
	}
	if !*emitted {
		*emitted = true
		s.Words++
	}
	s.H = mix(s.H, c)
}

// gluesLeft reports whether a token begins with an apostrophe, and so is a
// clitic ("'s") that joins the word before it.
func gluesLeft(w string) bool {
	if w == "" {
		return false
	}
	if w[0] == '\'' || w[0] == '`' {
		return true
	}
	return strings.HasPrefix(w, "’") || strings.HasPrefix(w, "‘") || strings.HasPrefix(w, "ʼ")
}

// WordOnly returns the hash of the key of a single token, and false if the
// token folds to nothing.
func WordOnly(w string) (uint64, bool) {
	h := New()
	ok := h.Word(w)
	return h.H, ok
}

// Kinds of rune for Rune.
const (
	ascii = iota // f holds the folded text
	drop         // the rune is dropped (apostrophes, combining marks)
	brk          // the rune separates words (hyphens, spaces)
	other        // no fold known: the caller lower-cases the rune itself
)

// Rune folds one non-ASCII rune: to ASCII text, to nothing, to a word break,
// or to "other" (kept, lower-cased).
func Rune(r rune) (string, int) {
	switch {
	case r >= 0xC0 && r < 0x250:
		if f := foldLatin1[r-0xC0]; f != "" {
			return f, ascii
		}
	case r >= 0x1E00 && r < 0x1F00:
		if f := foldLatinX[r-0x1E00]; f != "" {
			return f, ascii
		}
	case r >= 0x300 && r < 0x370, r >= 0x1AB0 && r < 0x1B00, r >= 0x1DC0 && r < 0x1E00, r >= 0x20D0 && r < 0x2100, r >= 0xFE20 && r < 0xFE30:
		return "", drop // combining marks
	}
	switch r {
	case '‘', '’', 'ʼ', 'ʻ', 'ʽ', '´', '′', 'ʹ', '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF':
		return "", drop
	case '‐', '‑', '\u00A0', '\u2007', '\u202F':
		return "", brk
	}
	if unicode.IsSpace(r) {
		return "", brk
	}
	return "", other
}

// Key returns the folded key of a name: its words folded and joined by single
// spaces. The FNV-1a hash of Key(s) equals the Hasher's hash of s's words.
func Key(s string) string { return string(AppendKey(nil, s)) }

// AppendKey appends the key of s to dst.
func AppendKey(dst []byte, s string) []byte {
	start := len(dst)
	pend := false     // a word break is due before the next byte
	wordStart := true // at the start of a whitespace-separated word
	inWord := false   // bytes were added since the last whitespace
	put := func(b string) {
		if pend {
			dst = append(dst, ' ')
			pend = false
		}
		dst = append(dst, b...)
		wordStart, inWord = false, true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '`':
				if wordStart {
					pend = false // a clitic glues to the word before
				}
				wordStart = false
				continue
			case c == '.' || c == ',':
				wordStart = false
				continue
			case c == '-':
				if inWord {
					pend = true
				}
				wordStart = false
				continue
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				if len(dst) > start {
					pend = true
				}
				wordStart, inWord = true, false
				continue
			}
			if pend {
				dst = append(dst, ' ')
				pend = false
			}
			dst = append(dst, c)
			wordStart, inWord = false, true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			put("\xff")
			continue
		}
		f, kind := Rune(r)
		switch kind {
		case drop:
			if wordStart && (r == '’' || r == '‘' || r == 'ʼ') {
				pend = false
			}
			wordStart = false
		case brk:
			if unicode.IsSpace(r) {
				if len(dst) > start {
					pend = true
				}
				wordStart, inWord = true, false
			} else {
				if inWord {
					pend = true
				}
				wordStart = false
			}
		case other:
			put(string(unicode.ToLower(r)))
		default:
			put(f)
		}
	}
	return dst
}

// Hash returns the FNV-1a hash of a key made by Key.
func Hash(key string) uint64 {
	h := Offset
	for i := 0; i < len(key); i++ {
		h = mix(h, key[i])
	}
	return h
}

// Words returns the number of words in a key made by Key.
func Words(key string) int {
	if key == "" {
		return 0
	}
	return strings.Count(key, " ") + 1
}

// HashBytes is Hash for a key held in a byte slice.
func HashBytes(key []byte) uint64 {
	h := Offset
	for _, c := range key {
		h = mix(h, c)
	}
	return h
}

// Mix adds one byte to a hash.
func Mix(h uint64, b byte) uint64 { return mix(h, b) }
