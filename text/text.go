// Package text splits an article's text into tokens and sentences, with byte
// offsets into the unchanged text.
//
// Tokens follow the conventions of the CoNLL-2003 news corpus the entity
// tagger learns from: hyphenated words stay whole ("al-Qaeda"), clitics are
// split ("Mexico" "’s", "do" "n't"), abbreviations and initials keep their
// period ("U.S.", "Gen.", "W."), numbers keep their separators ("1,200",
// "3.5"). Sentences end at . ! ? (with any closing quotes or brackets) before
// a capitalized word, and at every line break, since the article package puts
// one paragraph on each line.
//
// The package does not normalize the text: curly quotes and dashes are kept as
// written and are simply tokens of their own.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Annotator fills Doc.Tokens and Doc.Sentences.
type Annotator struct{}

// Name implements sitrep.Annotator.
func (Annotator) Name() string { return "text" }

// Annotate implements sitrep.Annotator.
func (Annotator) Annotate(d *sitrep.Doc) error {
	d.Tokens = Tokenize(d.Text)
	d.Sentences = Sentences(d.Text, d.Tokens)
	return nil
}

// Tokenize returns the tokens of s in order.
func Tokenize(s string) []sitrep.Token {
	toks := make([]sitrep.Token, 0, len(s)/5+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isAlnum(r):
			toks = appendWord(toks, s, i)
			i = toks[len(toks)-1].End
		default:
			end := punctEnd(s, i, r, size)
			toks = append(toks, sitrep.Token{Span: sitrep.Span{Start: i, End: end}, Kind: sitrep.Punctuation})
			i = end
		}
	}
	return toks
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// punctEnd returns where a punctuation token starting at i ends: runs of the
// same dot, dash or hyphen form one token ("...", "--"), anything else is one rune.
func punctEnd(s string, i int, r rune, size int) int {
	end := i + size
	if r == '.' || r == '-' || r == '—' || r == '–' || r == '!' || r == '?' {
		for end < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[end:])
			if r2 != r {
				break
			}
			end += size2
		}
	}
	return end
}

// appendWord scans the word or number starting at i and appends it, split
// into the tokens CoNLL would give it.
func appendWord(toks []sitrep.Token, s string, i int) []sitrep.Token {
	if end, ok := urlEnd(s, i); ok {
		return append(toks, sitrep.Token{Span: sitrep.Span{Start: i, End: end}, Kind: sitrep.Word})
	}
	start := i
	letters := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isAlnum(r) {
			if unicode.IsLetter(r) {
				letters = true
			}
			i += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(s[i+size:])
		_ = nsize
		joinable := false
		switch {
		case r == '-' || r == '‐' || r == '/' || r == '&':
			joinable = isAlnum(next) && (r != '&' || isUpperRun(s[start:i]))
		case r == '.' || r == ',' || r == ':':
			// 1,200  3.5  10:30  U.S.A
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			joinable = (unicode.IsDigit(prev) && unicode.IsDigit(next)) ||
				(r == '.' && isInitialRun(s[start:i]) && unicode.IsLetter(next))
		case isApostrophe(r):
			joinable = unicode.IsLetter(next) && !isClitic(s[i+size:])
			if i-1 > start && (s[i-1] == 'n' || s[i-1] == 'N') && hasPrefixFold(s[i+size:], "t") && wordEndsAt(s, i+size+1) {
				// do|n't: the clitic starts at the n.
				nEnd := i - 1
				toks = append(toks, wordToken(s, start, nEnd))
				return append(toks, sitrep.Token{Span: sitrep.Span{Start: nEnd, End: i + size + 1}, Kind: sitrep.Word})
			}
		}
		if !joinable {
			break
		}
		i += size
	}
	if i < len(s) && s[i] == '.' && takesPeriod(s[start:i], s[i+1:]) {
		i++
	}
	toks = append(toks, sitrep.Token{Span: sitrep.Span{Start: start, End: i}, Kind: kindOf(letters)})
	if i < len(s) {
		if r, size := utf8.DecodeRuneInString(s[i:]); isApostrophe(r) && isClitic(s[i+size:]) {
			end := i + size
			for end < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsLetter(r2) {
					break
				}
				end += size2
			}
			toks = append(toks, sitrep.Token{Span: sitrep.Span{Start: i, End: end}, Kind: sitrep.Word})
		}
	}
	return toks
}

func wordToken(s string, start, end int) sitrep.Token {
	letters := strings.IndexFunc(s[start:end], unicode.IsLetter) >= 0
	return sitrep.Token{Span: sitrep.Span{Start: start, End: end}, Kind: kindOf(letters)}
}

func kindOf(letters bool) sitrep.TokenKind {
	if letters {
		return sitrep.Word
	}
	return sitrep.Number
}

// isClitic reports whether rest (the text after an apostrophe) is an English
// clitic: s, re, ve, ll, d, m, followed by a non-letter.
func isClitic(rest string) bool {
	for _, c := range []string{"s", "re", "ve", "ll", "d", "m"} {
		if hasPrefixFold(rest, c) && wordEndsAt(rest, len(c)) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// wordEndsAt reports whether no letter or digit follows position i of s.
func wordEndsAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isAlnum(r)
}

// isInitialRun reports whether w is a letter-period sequence ending in one
// letter, like "U" or "U.S" — the body of an acronym written with periods.
func isInitialRun(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			n = 0
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		n++
		if n > 1 {
			return false
		}
	}
	return n == 1
}

func isUpperRun(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

// takesPeriod reports whether a following period belongs to word w:
// abbreviations ("Gen.", "Jan."), initials ("W.") and dotted acronyms ("U.S.").
func takesPeriod(w, after string) bool {
	if strings.Contains(w, ".") && isInitialRun(w) {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	_, ok := abbreviations[w]
	return ok
}

// urlEnd recognizes "http://..." and "https://..." and returns where the URL
// ends: at whitespace, minus trailing punctuation.
func urlEnd(s string, i int) (int, bool) {
	rest := s[i:]
	if !hasPrefixFold(rest, "http://") && !hasPrefixFold(rest, "https://") && !hasPrefixFold(rest, "www.") {
		return 0, false
	}
	end := i
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) || r == '"' || r == '“' || r == '”' || r == '<' || r == '>' {
			break
		}
		end += size
	}
	for end > i {
		r, size := utf8.DecodeLastRuneInString(s[i:end])
		if !strings.ContainsRune(".,;:!?)]}'’", r) {
			break
		}
		end -= size
	}
	return end, end > i+len("www.")
}
