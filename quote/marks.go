package quote

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// family is a style of quotation marks; a quote closes only with a mark of
// the family that opened it, so marks of other families nest inside.
type family uint8

const (
	noFamily    family = iota
	curlyDouble        // “…”
	curlySingle        // ‘…’
	guillemets         // «…»
	latex              // ``…''
	asciiDouble        // "…"
)

// direct is a stretch of text between quotation marks.
type direct struct {
	open      int // token index of the opening mark
	openEnd   int // first token after the opening mark
	close     int // token index of the closing mark; -1 when the quote runs to its paragraph's end
	closeEnd  int // first token after the closing mark (or after the paragraph)
	content   sitrep.Span
	words     int  // word and number tokens in the content
	final     bool // content ends with . ? or ! (a sentence, not a term)
	inscribed bool // the text of a banner or sign: no one's speech
}

// mark classifies token i as a quotation mark: its family, whether it opens
// or closes (an ASCII " may do either: opens reports how it looks), and how
// many tokens it takes.
func (a *analysis) mark(i int) (f family, opens, closes bool, width int) {
	t := a.toks[i]
	if t.Kind != sitrep.Punctuation {
		return noFamily, false, false, 0
	}
	s := a.text[t.Start:t.End]
	switch s {
	case "“":
		return curlyDouble, true, false, 1
	case "”":
		return curlyDouble, false, true, 1
	case "‘":
		return curlySingle, true, false, 1
	case "’":
		return curlySingle, false, true, 1
	case "«":
		return guillemets, true, false, 1
	case "»":
		return guillemets, false, true, 1
	case "`", "'":
		if i+1 < len(a.toks) && a.toks[i+1].Start == t.End && a.text[a.toks[i+1].Start:a.toks[i+1].End] == s {
			return latex, s == "`", s == "'", 2
		}
	case "\"":
		before := byte(' ')
		if t.Start > 0 {
			before = a.text[t.Start-1]
		}
		after := byte(' ')
		if t.End < len(a.text) {
			after = a.text[t.End]
		}
		// It opens before a word, whatever precedes it (said,"We ...);
		// an open one it closes, whatever follows.
		looksOpening := (isSpaceOrOpener(before) || before == ',' || before == ':') && !isSpaceByte(after) && !isClosingPunct(after)
		return asciiDouble, looksOpening, true, 1
	}
	return noFamily, false, false, 0
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func isClosingPunct(b byte) bool {
	switch b {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}':
		return true
	}
	return false
}

func isSpaceOrOpener(b byte) bool {
	return isSpaceByte(b) || b == '(' || b == '[' || b == '{' || b == '-' || b == '/' || b >= 0x80 // after a dash or another quotation mark
}

// findDirect pairs quotation marks in one linear pass. A quote never
// crosses a paragraph: one left open at a paragraph's end is kept, running
// to that end, only when the next paragraph opens with a mark of the same
// family (the newswire convention for a quote continued over paragraphs);
// otherwise it is kept only when a cue introduces it (see addDirect). An
// opening mark of the open
// family within the same paragraph restarts the quote at that mark.
func (a *analysis) findDirect() {
	open, openEnd, fam := -1, 0, noFamily
	// A quote its cue kept open to its paragraph's end may go on in the
	// next paragraph without an opening mark and close there (text whose
	// paragraphs were split inside a quotation): contStart is that
	// paragraph's first token, -1 when none is pending.
	contStart, contFam := -1, noFamily
	for i := 0; i < len(a.toks); {
		if open >= 0 && a.para[i] != a.para[open] {
			f, opens, _, _ := a.mark(i)
			unclosed := !(f == fam && opens)
			n := len(a.directs)
			a.addDirect(open, openEnd, -1, i, unclosed)
			contStart = -1
			if unclosed && len(a.directs) > n {
				contStart, contFam = i, fam
			}
			open = -1
		}
		f, opens, closes, width := a.mark(i)
		if f == noFamily {
			i++
			continue
		}
		switch {
		case open < 0 && contStart >= 0 && f == contFam && a.para[i] == a.para[contStart]:
			if closes && !opens && i > contStart {
				a.addDirect(contStart, contStart, i, i+width, false)
			} else if opens {
				open, openEnd, fam = i, i+width, f
			}
			contStart = -1
		case open < 0:
			if opens {
				open, openEnd, fam = i, i+width, f
			}
		case f == fam && (closes || f == asciiDouble), closesMixed(fam, f, opens, closes):
			a.addDirect(open, openEnd, i, i+width, false)
			open = -1
		case f == fam && opens:
			open, openEnd = i, i+width
		}
		i += width
	}
	if open >= 0 {
		a.addDirect(open, openEnd, -1, len(a.toks), true)
	}
}

// closesMixed reports whether a double mark of the other style closes an
// open double quote: text edited by hand mixes them ("What we face is a
// catastrophe.” opened straight, closed curly).
func closesMixed(open, f family, opens, closes bool) bool {
	switch {
	case open == asciiDouble && f == curlyDouble:
		return closes
	case open == curlyDouble && f == asciiDouble:
		return !opens
	}
	return false
}

// addDirect records the quote between the marks at open and close. An
// unclosed quote (its paragraph ends first, and the next does not continue
// it) is kept only when a cue introduces it (He said, "In the first half
// ...), running to its paragraph's end; otherwise its mark was stray.
func (a *analysis) addDirect(open, openEnd, close, closeEnd int, unclosed bool) {
	if openEnd >= len(a.toks) {
		return
	}
	start := a.toks[openEnd].Start
	if close >= 0 && openEnd >= close {
		return // empty quote
	}
	last := close
	if last < 0 {
		last = closeEnd
	}
	// Trim the comma the attribution leaves inside the marks (“…,” he said).
	hi := last - 1
	for hi >= openEnd && a.toks[hi].Kind == sitrep.Punctuation && a.tok(hi) == "," {
		hi--
	}
	if hi < openEnd {
		return
	}
	end := a.toks[hi].End
	if end <= start {
		return
	}
	q := direct{open: open, openEnd: openEnd, close: close, closeEnd: closeEnd, content: sitrep.Span{Start: start, End: end}}
	for k := openEnd; k <= hi; k++ {
		if a.toks[k].Kind != sitrep.Punctuation {
			q.words++
		}
	}
	switch a.tok(hi) {
	case ".", "?", "!", "…":
		q.final = true
	}
	if unclosed {
		if _, _, _, ok := a.attachBefore(q); !ok {
			return
		}
	}
	q.inscribed = a.inscription(q)
	a.directs = append(a.directs, q)
}

// inscription reports whether quote q is the text of a banner, sign or the
// like ("a banner reading “No to war”", "signs that read “Peace now”",
// "“Peace now,” read the placards"). Its words are written by no one the
// article names, so it is no one's speech: it is not a quote of its own,
// and inside a reported clause it is part of the clause.
func (a *analysis) inscription(q direct) bool {
	b := q.open - 1
	if b >= 0 && (a.tok(b) == ":" || a.tok(b) == ",") {
		b--
	}
	if b-1 >= 0 && a.tok(b) == "words" && a.tok(b-1) == "the" { // "bearing the words"
		b -= 2
	}
	if b-1 >= 0 && a.tok(b) == "for" && strings.HasPrefix(a.tok(b-1), "call") { // "signs calling for"
		b--
	}
	if b-1 >= 0 && in(inscriptionVerbs, a.tok(b)) {
		n := b - 1
		if n-1 >= 0 && (a.tok(n) == "that" || a.tok(n) == "which") {
			n--
		}
		if a.inscriptionNoun(n) {
			return true
		}
	}
	if q.close < 0 {
		return false
	}
	// “…,” read the banner / “…,” one sign read; not “…,” said
	// protesters holding signs: only a determiner or a modifier may stand
	// between the verb and the noun.
	i := q.closeEnd
	if i < len(a.toks) && a.tok(i) == "," {
		i++
	}
	verbFirst := i < len(a.toks) && in(inscriptionVerbs, a.tok(i))
	for j := i; j < len(a.toks) && j <= i+3 && a.toks[j].Kind == sitrep.Word && a.para[j] == a.para[q.close]; j++ {
		if a.inscriptionNoun(j) {
			return verbFirst || j+1 < len(a.toks) && in(inscriptionVerbs, a.tok(j+1))
		}
		if w := a.tok(j); j > i && (in(npStop, w) || strings.HasSuffix(w, "ing")) {
			return false
		}
	}
	return false
}

// inscriptionNoun reports whether token i names a thing that bears words,
// singular or plural: "banner", "signs".
func (a *analysis) inscriptionNoun(i int) bool {
	w := a.tok(i)
	return in(inscriptionNouns, w) || len(w) > 2 && w[len(w)-1] == 's' && in(inscriptionNouns, w[:len(w)-1])
}
