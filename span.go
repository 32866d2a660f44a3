package sitrep

import "unicode/utf8"

// Span is a half-open range [Start, End) of byte offsets into Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// In returns the text the span covers, or "" when the span does not fit text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// runeOffsets maps byte offsets of one text to code-point offsets.
// Offsets inside a multi-byte character map to that character's index.
type runeOffsets struct {
	text  string
	index []int32 // index[i] = code points before byte i; only built for non-ASCII text
}

func newRuneOffsets(text string) runeOffsets {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return runeOffsets{text: text}
	}
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for j := 0; j < size; j++ {
			idx[i+j] = n
		}
		i += size
		n++
	}
	idx[len(text)] = n
	return runeOffsets{text: text, index: idx}
}

func (r runeOffsets) at(b int) int {
	if b < 0 {
		return 0
	}
	if b > len(r.text) {
		b = len(r.text)
	}
	if r.index == nil {
		return b
	}
	return int(r.index[b])
}

func (r runeOffsets) span(s Span) Span { return Span{Start: r.at(s.Start), End: r.at(s.End)} }
