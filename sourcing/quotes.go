package sourcing

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// maxCueDistance bounds, in tokens, how far from the speaker a quote's cue
// word is looked for.
const maxCueDistance = 6

// addQuotes makes the speech of every quote with a speaker an attribution
// whose scope is the quote, or adds the quote to the scope of the
// attribution already found for that speaker. a.cands must be in text order.
func (a *annotation) addQuotes(quotes []sitrep.Quote) {
	found := len(a.cands) // the attributions found in the text, sorted
	bySpeaker := map[sitrep.Span]int{}
	for _, q := range quotes {
		if q.Speaker == nil || !validSpan(a.text, q.Span) || !validSpan(a.text, q.Speaker.Span) ||
			strings.TrimSpace(q.Speaker.In(a.text)) == "" {
			continue
		}
		q.Span = withMarks(a.text, q.Span)
		sp := q.Speaker.Span
		if c, ok := bySpeaker[sp]; ok {
			a.cands[c].scopes = append(a.cands[c].scopes, q.Span)
			continue
		}
		if a.mergeQuote(found, q.Speaker, q.Span) {
			continue
		}
		lo, hi, cue := a.speakerTokens(q)
		if a.mergeCue(found, q.Span, cue) || a.notSpeaker(lo, hi, cue) {
			continue
		}
		c := a.speech(q, lo, hi, cue)
		bySpeaker[sp] = len(a.cands)
		a.cands = append(a.cands, c)
	}
}

// mergeQuote adds the quote to the scope of the attributions among the first
// found whose phrase holds the speaker mention, and reports whether there
// were any. A cited pronoun that is the mention takes its resolution: "AP
// quoted him as saying" cites the person "him" refers to; so does a
// pronoun source ("The summit, she said, would").
func (a *annotation) mergeQuote(found int, speaker *sitrep.Mention, quote sitrep.Span) bool {
	k := sort.Search(found, func(i int) bool { return a.cands[i].span.Start > speaker.Start })
	written := speaker.In(a.text)
	merged := false
	for c := k - 1; c >= 0 && c >= k-8; c-- {
		if sp := a.cands[c].span; sp.Contains(speaker.Span) {
			a.cands[c].scopes = append(a.cands[c].scopes, a.quoteScope(&a.cands[c], quote))
			merged = true
			if src := &a.cands[c].source; speaker.Name != "" && src.Name == written && src.Text == written && namesNobody(written) {
				// A parenthetical "she said" is named by the quote's
				// resolution of "she".
				src.Name = speaker.Name
			}
			for i, ct := range a.cands[c].cites {
				if speaker.Name != "" && ct.Text == written && namesNobody(written) {
					a.cands[c].cites[i].Text = speaker.Name
				}
			}
		}
	}
	return merged
}

// mergeCue adds the quote to the scope of the attributions among the first
// found whose phrase holds its cue word, at token cue (-1 when the quote
// has none), and reports whether there were
// any: the text's reading of who spoke wins over a speaker mention it
// found inside the subject ("Residents who fled the town said" is the
// residents', not the town's) or elsewhere.
func (a *annotation) mergeCue(found int, quote sitrep.Span, cue int) bool {
	if cue < 0 {
		return false
	}
	at := sitrep.Span{Start: a.toks[cue].Start, End: a.toks[cue].End}
	k := sort.Search(found, func(i int) bool { return a.cands[i].span.Start > at.Start })
	merged := false
	for c := k - 1; c >= 0 && c >= k-8; c-- {
		if sp := a.cands[c].span; sp.Contains(at) {
			a.cands[c].scopes = append(a.cands[c].scopes, a.quoteScope(&a.cands[c], quote))
			merged = true
		}
	}
	return merged
}

// speakerTokens returns the tokens lo..hi-1 of a quote's speaker mention,
// its last maxPhrase only so that the cost of reading it stays bounded, and
// its cue token, or -1.
func (a *annotation) speakerTokens(q sitrep.Quote) (lo, hi, cue int) {
	lo, hi = a.tokenRange(q.Speaker.Span)
	lo = max(lo, hi-maxPhrase)
	cue = -1
	if hi > lo {
		cue = a.findCue(q.Cue, lo, hi)
	}
	return lo, hi, cue
}

// notSpeaker reports whether a quote's speaker mention, at tokens lo..hi-1
// with its cue at token cue (speakerTokens), cannot be who speaks. It is so when the mention is the object of a preposition, and so
// inside a larger phrase: of a preposition of place or time ("at the
// Buffalo Shooting Club in Amherst said", "from Friday theorized"), or a
// place after any preposition before its cue ("who oppose the boy's return
// to Cuba say"; but "by a user labelled", "with Boswell stating" speak).
// It is so too when the mention names nothing that speaks and its cue is no
// verb of reporting followed by a preposition of place ("A rifle found near
// the home ...": a participle, not a finding).
func (a *annotation) notSpeaker(lo, hi, cue int) bool {
	if hi <= lo {
		return false
	}
	p := lo - 1
	if a.is(p, cDet) {
		p--
	}
	if a.is(p, cLocative) || cue >= hi && a.is(p, cPrep) && a.isPlace(lo) {
		return true
	}
	if cue < hi || a.reportingCue(cue) || !a.is(cue+1, cLocative) || a.ent[lo] >= 0 && a.ents[a.ent[lo]].Type == "PERSON" {
		return false
	}
	_, ok := a.analyze(lo, hi-1)
	return !ok
}

// quoteScope returns the scope a quote adds to the attribution c: after
// its phrase, and not past the relative clause holding its cue, which the
// quote annotator may read beyond ("X, which said that the outage was
// caused by a storm, declined to comment").
func (a *annotation) quoteScope(c *candidate, quote sitrep.Span) sitrep.Span {
	s := a.after(quote, c.span)
	if end := int(c.clauseEnd); end > 0 && s.Start < end && s.End > end {
		s.End = end
	}
	return s
}

// after returns the scope s without the part that is the attribution
// phrase sp, when s starts inside it: a scope covers what is attributed,
// not who attributes it.
func (a *annotation) after(s, sp sitrep.Span) sitrep.Span {
	if s.Start < sp.Start || s.Start >= sp.End || s.End <= sp.End {
		return s
	}
	s.Start = sp.End
	for n := 0; s.Start < s.End && n < 4 && strings.IndexByte(" ,:", a.text[s.Start]) >= 0; n++ {
		s.Start++
	}
	return s
}

// speech makes the attribution of a quote: its speaker and cue word, or the
// outlet the speaker addressed. lo, hi and cue are the speaker's tokens
// and cue token (speakerTokens).
func (a *annotation) speech(q sitrep.Quote, lo, hi, cue int) candidate {
	span := q.Speaker.Span
	if cue >= 0 {
		span.Start, span.End = min(span.Start, a.toks[cue].Start), max(span.End, a.toks[cue].End)
	}
	// The speaker as a party: the phrase read like any source, else its text.
	// The mention as written, whatever the quote annotator put in its Text.
	written := q.Speaker.In(a.text)
	speaker := party{kind: pBody, text: written}
	if hi > lo {
		if p, ok := a.analyze(lo, hi-1); ok && p.kind != pPronoun {
			speaker = p
			if p.kind == pAnon && a.joinedBefore(lo, p.first) {
				// "Police and soldiers": the quote's speakers together, not
				// the last noun alone.
				speaker.text, speaker.name, speaker.desc, speaker.count = written, written, written, nil
			}
		} else if ok || a.ent[lo] >= 0 && a.ents[a.ent[lo]].Type == "PERSON" {
			speaker.person = true // "he", "she": one person
		}
	}
	if speaker.kind != pAnon {
		// The mention's resolution names a pronoun's antecedent.
		speaker.text = written
		speaker.name = q.Speaker.Name
	}
	if isPersonalPronoun(written) {
		speaker.person = true
	}
	c := candidate{span: span, scopes: []sitrep.Span{q.Span}}
	if addressee, ok := outletIn(q.Addressee); ok {
		c.source = sitrep.Source{Text: addressee, Name: addressee}
		c.outlet = true
		cited := speaker.cited()
		if speaker.kind != pAnon && q.Speaker.Name != "" {
			// A pronoun names no one: the cited person is the one it refers to.
			cited.Text = q.Speaker.Name
		}
		c.cites = []sitrep.Cited{cited}
		return c
	}
	c.source = speaker.source()
	c.outlet = speaker.outlet
	if speaker.kind == pAnon {
		c.cites = []sitrep.Cited{speaker.cited()}
	}
	return c
}

// joinedBefore reports whether an "and" lies in tokens [lo, first): the
// phrase read at first is the last of a coordination.
func (a *annotation) joinedBefore(lo, first int) bool {
	for t := lo; t < first; t++ {
		if a.is(t, cAnd) {
			return true
		}
	}
	return false
}

// reportingCue reports whether token t is a verb of reporting: one of this
// package's cues, or a participle of speech ("saying", "writing").
func (a *annotation) reportingCue(t int) bool {
	if a.cls[t]&(cCue|cQuoteVerb|cCiting|cAccording) != 0 {
		return true
	}
	return strings.HasSuffix(a.word(t), "ing")
}

// maxKindWords bounds the words after an outlet's name that say what it
// is: "news agency".
const maxKindWords = 3

// outletIn returns the outlet an addressee names, itself ("Reuters") or
// followed by what it is ("the Agence France-Presse news agency"), and
// whether it names one.
func outletIn(addressee *string) (string, bool) {
	if addressee == nil {
		return "", false
	}
	s := strings.TrimSpace(*addressee)
	for n := 0; n <= maxKindWords; n++ {
		if isOutletName(s) {
			if n > 0 {
				s = strings.TrimPrefix(s, "the ")
			}
			return s, true
		}
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || i+1 == len(s) || s[i+1] < 'a' || s[i+1] > 'z' {
			break
		}
		s = s[:i]
	}
	return "", false
}

// findCue returns the token nearest the speaker tokens lo..hi-1 spelling the
// first word of cue, or -1.
func (a *annotation) findCue(cue string, lo, hi int) int {
	cue, _, _ = strings.Cut(strings.TrimSpace(cue), " ")
	if cue == "" {
		return -1
	}
	for d := 1; d <= maxCueDistance; d++ {
		for _, t := range [2]int{hi - 1 + d, lo - d} {
			if t >= 0 && t < len(a.toks) && strings.EqualFold(a.word(t), cue) {
				return t
			}
		}
	}
	return -1
}

func isPersonalPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "him", "her", "i":
		return true
	}
	return false
}

// withMarks widens a quote's content span over the quotation marks around
// it, so that a count written with them (cartels were killing “hundreds of
// thousands” of Americans) lies in the speaker's scope.
func withMarks(text string, s sitrep.Span) sitrep.Span {
	if r, n := utf8.DecodeLastRuneInString(text[:s.Start]); n > 0 && isQuoteMark(r) {
		s.Start -= n
	}
	end := s.End
	if r, n := utf8.DecodeRuneInString(text[end:]); n > 0 && (r == ',' || r == '.') {
		end += n // the comma the attribution leaves inside the marks
	}
	if r, n := utf8.DecodeRuneInString(text[end:]); n > 0 && isQuoteMark(r) {
		s.End = end + n
	}
	return s
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '`':
		return true
	}
	return false
}
