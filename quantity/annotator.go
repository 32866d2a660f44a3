package quantity

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/text"
)

// Qualifiers of a count.
const (
	qExact    = "exact"
	qAtLeast  = "at_least"
	qMoreThan = "more_than"
	qAtMost   = "at_most"
	qLessThan = "less_than"
	qAbout    = "about"
	qRange    = "range"
	qVague    = "vague"
	// qIncrement marks "another 15", "15 more": at_least for a toll, which
	// is at least the increment; nothing for other counts ("two additional
	// shares for each share held" is exactly two).
	qIncrement = "increment"
)

// Categories of a count.
const (
	catKilled    = "killed"
	catWounded   = "wounded"
	catStrikes   = "strikes"
	catArrested  = "arrested"
	catSeized    = "seized"
	catDisplaced = "displaced"
	catOther     = "other"
)

// Bounds of the windows around a number, in tokens, so that no input makes
// the scan more than linear.
const (
	maxNumberWords = 8 // "two hundred and fifty thousand"
	maxNounRun     = 5 // "two Israeli air raids"
	maxLeftCue     = 8 // "the death toll from the market bombing rose to 83"
	maxAuxiliaries = 6 // "are now believed to have been killed"
	maxInheritGap  = 5 // "killed 259 people on the plane and 11 on the ground"
	maxTokenBytes  = 64
)

// maxCount is the largest count kept; bigger figures (or digit strings that
// overflow) are not counts of anything this package is for. It bounds the
// emitted interval, so it applies after qualifiers ("more than") and vague
// products ("millions of billions") as well.
const maxCount int64 = 1_000_000_000_000_000

// tooBig stands for any figure above maxCount while a number is read, so
// that products of scales never overflow int64.
const tooBig = maxCount + 1

// Annotator fills Doc.Quantities from Doc.Tokens and Doc.Sentences (the text
// annotator's layers; it tokenizes itself when they are missing) and
// Doc.Entities (a number inside a name is not a count).
type Annotator struct{}

// Name implements sitrep.Annotator.
func (Annotator) Name() string { return "quantity" }

// Version changes whenever the output for some input changes.
func (Annotator) Version() string { return "10" }

// Annotate implements sitrep.Annotator.
func (Annotator) Annotate(d *sitrep.Doc) error {
	lx, err := loadLexicon()
	if err != nil {
		return fmt.Errorf("quantity: lexicon: %w", err)
	}
	toks, sents := d.Tokens, d.Sentences
	if toks == nil && d.Text != "" {
		toks = text.Tokenize(d.Text)
		sents = text.Sentences(d.Text, toks)
	}
	prevEnd := 0
	for i, t := range toks {
		if t.Start < prevEnd || t.End < t.Start || t.End > len(d.Text) {
			return fmt.Errorf("quantity: token %d span [%d,%d) out of order or outside the text", i, t.Start, t.End)
		}
		prevEnd = t.End
	}
	s := scanner{
		lx:      lx,
		text:    d.Text,
		low:     asciiLower(d.Text),
		toks:    toks,
		sents:   sents,
		ents:    d.Entities,
		prevEnd: -1,
	}
	d.Quantities = s.scan()
	return nil
}

// scanner walks the tokens once, left to right.
type scanner struct {
	lx    *lexicon
	text  string
	low   string // text with ASCII letters lowercased, same byte offsets
	toks  []sitrep.Token
	sents []sitrep.Span
	ents  []sitrep.Entity

	// The sentence of the current token, as token indexes [sentFrom, sentEnd).
	sentIdx, sentFrom, sentEnd int

	out []sitrep.Quantity
	// The last quantity emitted: the token after it, its unit and category,
	// for counts that leave them out ("killed 257 people in Nairobi and 10 in
	// Tanzania").
	prevEnd           int
	prevUnit, prevCat string
	// The last change's old value or step, as tokens [stepFrom, stepEnd):
	// the new value after it reads its cue past it ("the toll rose from 40
	// to 52").
	stepFrom, stepEnd int
}

func (s *scanner) scan() []sitrep.Quantity {
	for i := 0; i < len(s.toks); i++ {
		s.enterSentence(i)
		if !s.mayStart(i) {
			continue
		}
		if next, ok := s.quantityAt(i); ok {
			i = next - 1
		}
	}
	return s.out
}

// enterSentence moves the sentence bounds to the sentence holding token i;
// i only grows, so the walk over sentences is linear.
func (s *scanner) enterSentence(i int) {
	if i < s.sentEnd {
		return
	}
	if len(s.sents) == 0 {
		s.sentFrom, s.sentEnd = 0, len(s.toks)
		return
	}
	start := s.toks[i].Start
	for s.sentIdx < len(s.sents) && s.sents[s.sentIdx].End <= start {
		s.sentIdx++
	}
	limit := len(s.text)
	if s.sentIdx < len(s.sents) {
		if sp := s.sents[s.sentIdx]; sp.Start <= start {
			limit = sp.End
		} else {
			limit = sp.Start // a token between sentences stands alone with its neighbours
		}
	}
	s.sentFrom = i
	end := i + 1
	for end < len(s.toks) && s.toks[end].Start < limit {
		end++
	}
	s.sentEnd = end
}

// w returns token i lowercased (ASCII only), "" outside the sentence.
func (s *scanner) w(i int) string {
	if i < s.sentFrom || i >= s.sentEnd {
		return ""
	}
	t := s.toks[i]
	if t.End-t.Start > maxTokenBytes {
		return ""
	}
	return s.low[t.Start:t.End]
}

// wordsAt reports whether the lowercased tokens from i on are words.
func (s *scanner) wordsAt(i int, words []string) bool {
	for x, word := range words {
		if s.w(i+x) != word {
			return false
		}
	}
	return true
}

// raw returns token i as written.
func (s *scanner) raw(i int) string {
	if i < s.sentFrom || i >= s.sentEnd {
		return ""
	}
	t := s.toks[i]
	return s.text[t.Start:t.End]
}

func (s *scanner) kind(i int) sitrep.TokenKind {
	if i < s.sentFrom || i >= s.sentEnd {
		return sitrep.Punctuation
	}
	return s.toks[i].Kind
}

// mayStart is the cheap test of whether token i could begin a number.
func (s *scanner) mayStart(i int) bool {
	t := s.toks[i]
	if t.Kind == sitrep.Number {
		return true
	}
	if t.Kind != sitrep.Word || t.End-t.Start > 20 {
		return false
	}
	w := s.w(i)
	switch w {
	case "a", "an":
		n := s.w(i + 1)
		_, few := fewWords[n]
		_, sc := scales[n]
		return (few && n != "several") || sc || n == "quarter" || n == "third" // numberAt checks the fraction
	case "half":
		return s.w(i+1) == "a" && s.w(i+2) == "dozen" || s.fractionEnd(i) > 0
	case "several":
		return true
	}
	if _, ok := smallNumbers[w]; ok {
		return true
	}
	if _, ok := vagueAmounts[w]; ok {
		return true
	}
	_, ok := compoundNumber(w)
	return ok || (w == "three-quarters" || w == "two-thirds") && s.fractionEnd(i) > 0
}

// fractionOf reads a fraction of a scale starting at token i ("half a
// million", "a quarter of a million", "three quarters of a million",
// "two-thirds of a million"): its value and the token after it, or ok
// false.
func (s *scanner) fractionOf(i int) (v int64, end int, ok bool) {
	var num, den int64
	j := i + 1
	switch w, nx := s.w(i), s.w(i+1); {
	case w == "half":
		num, den = 1, 2
	case w == "three-quarters":
		num, den = 3, 4
	case w == "two-thirds":
		num, den = 2, 3
	case (w == "a" || w == "one") && nx == "quarter":
		num, den, j = 1, 4, i+2
	case (w == "a" || w == "one") && nx == "third":
		num, den, j = 1, 3, i+2
	case w == "three" && (nx == "quarters" || nx == "quarter"):
		num, den, j = 3, 4, i+2
	case w == "two" && nx == "thirds":
		num, den, j = 2, 3, i+2
	default:
		return 0, i, false
	}
	if s.w(j) == "of" {
		j++
	}
	if w := s.w(j); w == "a" || w == "an" {
		j++
	} else if s.w(i) == "half" || s.w(j-1) == "of" {
		return 0, i, false // "half of them", "a third of the vote"
	}
	sc, isScale := scales[s.w(j)]
	if !isScale || sc < 100 || sc == 12 {
		return 0, i, false
	}
	return sc * num / den, j + 1, true
}

// fractionEnd is the token after the fraction of a scale at i, 0 if none.
func (s *scanner) fractionEnd(i int) int {
	if _, end, ok := s.fractionOf(i); ok {
		return end
	}
	return 0
}

// number is the numeric core of a quantity: tokens [first, end).
type number struct {
	first, end int
	low, high  int64
	isRange    bool
	vague      bool
	approx     bool // "a dozen": a round figure
	digits     bool // written in digits
	one        bool // the bare word "one", often a pronoun
}

// numberAt parses the number starting at token i.
func (s *scanner) numberAt(i int) (number, bool) {
	n := number{first: i}
	w := s.w(i)
	if w == "" {
		return n, false
	}
	if s.kind(i) == sitrep.Number {
		lo, hi, isRange, ok := parseDigits(w)
		if !ok {
			return n, false
		}
		n.low, n.high, n.isRange, n.digits, n.end = lo, hi, isRange, true, i+1
		if isRange {
			if sc, ok := scales[s.w(i+1)]; ok && sc != 12 { // "10-15 million"
				f, end := s.moreScales(sc, sc, i+2)
				if f > maxCount || lo > maxCount/f || hi > maxCount/f {
					n.low, n.high = tooBig, tooBig
				} else {
					n.low, n.high = lo*f, hi*f
				}
				n.end = end
			}
		} else {
			if sc, ok := scales[s.w(i+1)]; ok {
				v, ok := scaleDecimal(w, sc)
				if !ok {
					return n, false
				}
				v, n.end = s.moreScales(v, sc, i+2)
				n.low, n.high = v, v
				n.approx = sc == 12
			} else if lo < 0 { // a fraction with no scale: not a count
				return n, false
			}
		}
		if n.low == 0 {
			return n, false // "0 people", "0-5": zero is no count (doc.go)
		}
		return n, true
	}
	// Vague amounts: "dozens", "tens of thousands", "scores of".
	if base, ok := vagueAmounts[w]; ok {
		n.vague, n.low, n.end = true, base, i+1
		if s.w(i+1) == "of" {
			if big, ok := vagueAmounts[s.w(i+2)]; ok && big > base && big >= 200 {
				n.low, n.end = base*(big/2), i+3 // "hundreds of thousands" = 200 × 1000
			}
		} else if w == "scores" || w == "tens" {
			return n, false // "test scores", "tens" alone
		}
		return n, true
	}
	// "several", "a few", "a handful", "a couple", optionally of a scale.
	j := i
	if w == "a" || w == "an" {
		j++
	}
	if base, ok := fewWords[s.w(j)]; ok && (j > i) != (s.w(j) == "several") {
		n.vague, n.low, n.end = true, base, j+1
		k := j + 1
		if s.w(k) == "of" && (s.w(j) == "couple" || s.w(j) == "handful") {
			k++
		}
		if sc, ok := scales[s.w(k)]; ok {
			n.low, n.end = s.moreScales(base*sc, sc, k+1) // "several hundred thousand"
		}
		return n, true
	}
	if w == "half" && s.w(i+1) == "a" && s.w(i+2) == "dozen" {
		n.low, n.high, n.approx, n.end = 6, 6, true, i+3
		return n, true
	}
	if v, end, ok := s.fractionOf(i); ok { // "a quarter of a million": a round figure
		n.low, n.high, n.approx, n.end = v, v, true, end
		return n, true
	}
	v, end, approx, ok := s.wordNumber(i)
	if !ok {
		n.end = end // past a year in words, which is read as no count at all
		return n, false
	}
	n.low, n.high, n.approx, n.end = v, v, approx, end
	n.one = w == "one" && end == i+1
	return n, true
}

// moreScales multiplies v, which ends with the scale last at token k-1, by
// each following scale larger than the one before it: "several hundred
// thousand" is 3 × 100 × 1,000, "1.5 thousand million" 1.5 × 10^9. It stops
// at a scale not larger than the previous one ("a few thousand hundred"),
// and never multiplies a dozen or by a dozen, which are no powers of ten. A
// product above maxCount is tooBig; the words are still read, so that the
// caller can skip the whole number. The scales strictly increase, so the
// loop runs at most five times.
func (s *scanner) moreScales(v, last int64, k int) (int64, int) {
	for last != 12 {
		sc, ok := scales[s.w(k)]
		if !ok || sc == 12 || sc <= last {
			break
		}
		if v > maxCount/sc {
			v = tooBig
		} else {
			v *= sc
		}
		last = sc
		k++
	}
	return v, k
}

// wordNumber parses a number written in words: "six", "twenty-five", "a
// hundred", "two hundred and fifty thousand", "two dozen".
func (s *scanner) wordNumber(i int) (val int64, end int, approx, ok bool) {
	var total, cur int64
	j := i
	if w := s.w(i); w == "a" || w == "an" {
		if _, ok := scales[s.w(i+1)]; !ok {
			return 0, 0, false, false
		}
		cur = 1
		j++
	}
	lastSmall, lastTens := false, false
	var lastScale int64 // the scale of the word before, when it was thousand or more
	for ; j < s.sentEnd && j-i < maxNumberWords; j++ {
		w := s.w(j)
		if v, ok := smallOrCompound(w); ok {
			if lastTens && v < 10 {
				cur += v // "thirty four", written without its hyphen
				lastTens = false
				continue
			}
			if lastSmall && cur%100 >= 10 && v >= 10 {
				return 0, j + 1, false, false // "nineteen ninety-one" is a year
			}
			if lastSmall || (cur%100 != 0) {
				break
			}
			cur += v
			lastSmall, lastScale = true, 0
			lastTens = v >= 20 && v%10 == 0
			continue
		}
		lastTens = false
		lastSmall = false
		prevScale := lastScale
		lastScale = 0
		switch w {
		case "hundred":
			if cur == 0 || cur >= 100 {
				return finish(total, cur, i, j, approx)
			}
			cur *= 100
		case "dozen":
			if cur == 0 || cur >= 100 {
				return finish(total, cur, i, j, approx)
			}
			cur *= 12
			approx = true
		case "thousand", "million", "billion", "trillion":
			sc := scales[w]
			if cur == 0 && prevScale != 0 && sc > prevScale {
				// "two hundred thousand million": the larger scale
				// multiplies the whole, as after "several hundred".
				v, end := s.moreScales(total, prevScale, j)
				return finish(v, 0, i, end, approx)
			}
			if cur == 0 || (total != 0 && total < cur*sc) {
				return finish(total, cur, i, j, approx)
			}
			if cur > maxCount/sc {
				v, end := s.moreScales(tooBig, sc, j+1)
				return finish(v, 0, i, end, approx)
			}
			total += cur * sc
			cur = 0
			lastScale = sc
		case "and":
			if cur < 100 || cur%100 != 0 {
				return finish(total, cur, i, j, approx)
			}
			if _, ok := smallOrCompound(s.w(j + 1)); !ok {
				return finish(total, cur, i, j, approx)
			}
		default:
			return finish(total, cur, i, j, approx)
		}
	}
	return finish(total, cur, i, j, approx)
}

func finish(total, cur int64, i, j int, approx bool) (int64, int, bool, bool) {
	v := total + cur
	if v <= 0 || j == i {
		return 0, 0, false, false
	}
	return v, j, approx, true
}

func smallOrCompound(w string) (int64, bool) {
	if v, ok := smallNumbers[w]; ok {
		return v, true
	}
	return compoundNumber(w)
}

// compoundNumber reads "twenty-five".
func compoundNumber(w string) (int64, bool) {
	for k := 0; k < len(w); k++ {
		if w[k] == '-' {
			tens, ok1 := smallNumbers[w[:k]]
			unit, ok2 := smallNumbers[w[k+1:]]
			if ok1 && ok2 && tens >= 20 && tens%10 == 0 && unit < 10 {
				return tens + unit, true
			}
			return 0, false
		}
	}
	return 0, false
}

// parseDigits reads "80", "3,500", "1.2" (low -1: a fraction, usable only
// before a scale), "10-15" (a range). Anything else, such as "1,2,3", "9/11",
// "10:35", "0735", "202-555-0123", or a figure beyond maxCount, is not a count.
func parseDigits(w string) (low, high int64, isRange, ok bool) {
	if h := indexByte(w, '-'); h >= 0 {
		a, okA := plainInt(w[:h])
		b, okB := plainInt(w[h+1:])
		// X-Y with X < Y is a range; 2-1 is a score, 555-0123 a phone number.
		if !okA || !okB || a >= b || len(w)-h-1 >= 4 && h == 3 {
			return 0, 0, false, false
		}
		return a, b, true, true
	}
	if d := indexByte(w, '.'); d >= 0 {
		if _, ok := plainInt(w[:d]); !ok || d+1 >= len(w) {
			return 0, 0, false, false
		}
		for k := d + 1; k < len(w); k++ {
			if w[k] < '0' || w[k] > '9' {
				return 0, 0, false, false
			}
		}
		return -1, -1, false, true
	}
	v, ok := plainInt(w)
	return v, v, false, ok
}

// plainInt reads digits with optional thousands commas ("3,500"); no leading
// zero, no other characters.
func plainInt(w string) (int64, bool) {
	if w == "" || w[0] == '0' && len(w) > 1 || w[0] == ',' {
		return 0, false
	}
	var v int64
	group := -1 // digits since the last comma, -1 before any comma
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c == ',':
			if group >= 0 && group != 3 || group < 0 && k > 3 {
				return 0, false
			}
			group = 0
			continue
		case c < '0' || c > '9':
			return 0, false
		}
		if group >= 0 {
			group++
		}
		v = v*10 + int64(c-'0')
		if v > maxCount {
			return 0, false
		}
	}
	if group >= 0 && group != 3 {
		return 0, false
	}
	return v, true
}

// scaleDecimal multiplies a digit string such as "1.2" or "20" by scale,
// and fails unless the result is a whole number within maxCount.
func scaleDecimal(w string, scale int64) (int64, bool) {
	intPart, frac := w, ""
	if d := indexByte(w, '.'); d >= 0 {
		intPart, frac = w[:d], w[d+1:]
	}
	iv, ok := plainInt(intPart)
	if !ok || iv > maxCount/scale || len(frac) > 9 {
		return 0, false
	}
	v := iv * scale
	if frac != "" {
		f, ok := plainInt(trimZeros(frac))
		if !ok && trimZeros(frac) != "" {
			return 0, false
		}
		den := int64(1)
		for range len(frac) {
			den *= 10
		}
		if f*scale%den != 0 {
			return 0, false
		}
		v += f * scale / den
	}
	return v, v > 0 && v <= maxCount
}

// trimZeros removes leading zeros of a fraction's digits ("05" → "5") so
// that plainInt accepts them; the denominator still counts them.
func trimZeros(s string) string {
	for len(s) > 0 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

func indexByte(s string, c byte) int {
	for k := 0; k < len(s); k++ {
		if s[k] == c {
			return k
		}
	}
	return -1
}

// asciiLower lowercases ASCII letters only, so byte offsets stay the same.
func asciiLower(s string) string {
	k := 0
	for ; k < len(s); k++ {
		if c := s[k]; 'A' <= c && c <= 'Z' {
			break
		}
	}
	if k == len(s) {
		return s
	}
	b := []byte(s)
	for ; k < len(b); k++ {
		if c := b[k]; 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func demonym(w string) bool { return gazetteer.Default().IsDemonym(w) }
