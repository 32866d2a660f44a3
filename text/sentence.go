package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Sentences groups tokens of s into sentences and returns their spans, from
// the first token's start to the last token's end.
func Sentences(s string, toks []sitrep.Token) []sitrep.Span {
	var out []sitrep.Span
	first := 0
	for k := 0; k < len(toks); k++ {
		end := k
		if isTerminal(s, toks, k) {
			// Closing quotes and brackets written right after the mark belong to this sentence.
			for end+1 < len(toks) && toks[end+1].Start == toks[end].End && isCloser(toks[end+1].In(s)) {
				end++
			}
			if end+1 < len(toks) && !startsSentence(s, toks, end+1) && !lineBreakBetween(s, toks[end], toks[end+1]) {
				k = end
				continue
			}
		} else if end+1 < len(toks) && !lineBreakBetween(s, toks[end], toks[end+1]) {
			continue
		}
		out = append(out, sitrep.Span{Start: toks[first].Start, End: toks[end].End})
		first = end + 1
		k = end
	}
	if first < len(toks) {
		out = append(out, sitrep.Span{Start: toks[first].Start, End: toks[len(toks)-1].End})
	}
	return out
}

// isTerminal reports whether token k may end a sentence.
func isTerminal(s string, toks []sitrep.Token, k int) bool {
	w := toks[k].In(s)
	switch w {
	case ".", "!", "?", "…", "?!", "!?":
		return true
	}
	if strings.Trim(w, ".!?") == "" {
		return true // "...", "!!", "??"
	}
	if !strings.HasSuffix(w, ".") || toks[k].Kind != sitrep.Word {
		return false
	}
	// An abbreviation's period ends the sentence only when what follows
	// looks like a new sentence rather than the rest of a name.
	if k+1 >= len(toks) {
		return true
	}
	next := toks[k+1].In(s)
	if _, ok := canEndSentence[w]; ok {
		return true
	}
	if isInitialRun(strings.TrimSuffix(w, ".")) && strings.Contains(strings.TrimSuffix(w, "."), ".") {
		// "U.S." before "The", "He", "But": a sentence ends; before "President": it does not.
		_, ok := sentenceStarters[next]
		return ok
	}
	return false
}

// startsSentence reports whether token k can begin a sentence: a capital
// letter, a digit, or an opening quote or bracket.
func startsSentence(s string, toks []sitrep.Token, k int) bool {
	r, _ := utf8.DecodeRuneInString(toks[k].In(s))
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"‘'([«", r)
}

func isCloser(w string) bool {
	switch w {
	case "”", "\"", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func lineBreakBetween(s string, a, b sitrep.Token) bool {
	return strings.IndexByte(s[a.End:b.Start], '\n') >= 0
}

// sentenceStarters are words that, capitalized after a dotted acronym such as
// "U.S.", start a new sentence rather than continue a name.
var sentenceStarters = map[string]struct{}{
	"The": {}, "A": {}, "An": {}, "He": {}, "She": {}, "It": {}, "They": {}, "We": {}, "I": {}, "You": {},
	"But": {}, "And": {}, "In": {}, "On": {}, "At": {}, "This": {}, "That": {}, "These": {}, "Those": {},
	"There": {}, "His": {}, "Her": {}, "Their": {}, "Its": {}, "Our": {}, "If": {}, "When": {}, "While": {},
	"After": {}, "Before": {}, "Since": {}, "However": {}, "Meanwhile": {}, "Some": {}, "Many": {},
	"Officials": {}, "According": {}, "As": {}, "Last": {}, "So": {}, "Yet": {}, "Still": {},
}
