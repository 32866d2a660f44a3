package quote

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
)

// resolve keeps the best of overlapping candidates, carries speakers over
// to quotes without a cue of their own, resolves pronoun speakers and
// returns the layer, sorted by Start, with no two quotes overlapping.
func (a *analysis) resolve() []sitrep.Quote {
	if len(a.cands) == 0 {
		return nil
	}
	sort.SliceStable(a.cands, func(i, j int) bool { return a.cands[i].span.Start < a.cands[j].span.Start })
	kept := a.cands[:0]
	for _, c := range a.cands {
		if n := len(kept); n > 0 && kept[n-1].span.Overlaps(c.span) {
			win, lose := kept[n-1], c
			if better(c, kept[n-1]) && !a.reportsWithin(kept[n-1], c) {
				win, lose = c, kept[n-1]
			}
			// A quotation inside a reported clause is the clause's
			// speaker's: Heald said although ..., “nobody has looked ...”.
			if win.direct && win.speaker.kind == refNone && lose.prio == prioIndirect && lose.speaker.kind != refNone {
				win.speaker, win.cue, win.addressee = lose.speaker, lose.cue, lose.addressee
			}
			kept[n-1] = win
			continue
		}
		kept = append(kept, c)
	}
	// Carry a speaker over to a quote that has no cue: one later in the
	// same paragraph, or one opening the paragraph after the speaker's.
	last := -1
	for i := range kept {
		c := &kept[i]
		if c.speaker.kind != refNone {
			last = i
			continue
		}
		if last >= 0 && c.direct && (kept[last].para == c.para || (c.paraStart && kept[last].para == c.para-1)) {
			c.speaker, c.cue, c.addressee = kept[last].speaker, kept[last].cue, kept[last].addressee
			last = i
		}
	}
	a.kept = kept
	for _, c := range kept {
		if c.speaker.kind == refEntity {
			if a.speaks == nil {
				a.speaks = make(map[int]bool)
			}
			a.speaks[c.speaker.ent] = true
		}
	}
	out := make([]sitrep.Quote, 0, len(kept))
	group := -1 // the last plural common-noun speaker kept ("officials", "residents")
	one := -1   // the last singular one ("an official", "the spokesman")
	for i, c := range kept {
		q := sitrep.Quote{Span: c.span, Text: a.text[c.span.Start:c.span.End], Direct: c.direct, Cue: c.cue}
		if c.speaker.kind != refNone {
			q.Speaker = a.mention(c.speaker)
			if c.speaker.kind == refPronoun {
				e := a.antecedent(c.speaker.lo)
				// "they" may be a group of people: the last plural speaker
				// of this or the previous paragraph, when no organization
				// is mentioned after it.
				if g := group; g >= 0 && strings.EqualFold(a.tok(c.speaker.lo), "they") && kept[g].para >= c.para-1 &&
					(e < 0 || a.ents[e].Start < a.toks[kept[g].speaker.lo].Start) && kept[g].speaker.lo < c.speaker.lo {
					m := a.mention(kept[g].speaker)
					q.Speaker.Name = m.Name
				} else if o := one; o >= 0 && kept[o].para >= c.para-1 && kept[o].speaker.lo < c.speaker.lo &&
					a.roleFits(kept[o].speaker, c.speaker.lo, e) {
					// "An official said ... He added": the unnamed speaker,
					// when no one has been named since.
					q.Speaker.Name = a.mention(kept[o].speaker).Name
				} else if e >= 0 {
					q.Speaker.Name, q.Speaker.Key = a.ents[e].Name, a.ents[e].Key
				}
			}
			org := a.orgAntecedent(c.speaker)
			if org >= 0 {
				q.Speaker.Name, q.Speaker.Key = a.ents[org].Name, a.ents[org].Key
			}
			if c.speaker.kind == refPhrase {
				if a.plural(a.headNoun(c.speaker)) {
					group = i
				} else if org < 0 {
					one = i
				}
			}
		}
		if c.addressee.kind != refNone {
			s := a.mention(c.addressee).Text
			if r := c.addressee; r.kind == refEntity && a.toks[r.hi-1].End > a.ents[r.ent].End {
				// "the Reuters news agency": the name with what it names.
				s = a.text[a.toks[r.lo].Start:a.toks[r.hi-1].End]
			}
			q.Addressee = &s
		}
		out = append(out, q)
	}
	return out
}

// roleFits reports whether "he" or "she" at token t can mean the speaker r,
// a phrase naming a person by role ("an official", "the boy's mother"),
// rather than e, the person mention the pronoun would otherwise take, or
// -1: r must come after e, and e must not hold the role as a title ("the
// president" after "President Bush" is Bush).
func (a *analysis) roleFits(r ref, t, e int) bool {
	g, ok := pronoun(a.tok(t))
	if !ok || g == unknownGender {
		return false
	}
	head := strings.ToLower(a.tok(a.headNoun(r)))
	rg, ok := a.lx.roles[head]
	if !ok || rg != unknownGender && rg != g {
		return false
	}
	if e < 0 {
		return true
	}
	if a.ents[e].Start >= a.toks[r.lo].Start {
		return false
	}
	for _, title := range a.ents[e].Titles {
		if strings.EqualFold(lastWord(title), head) {
			return false
		}
	}
	return true
}

// reportsWithin reports whether the reported clause outer, whose speaker
// comes before it, holds the cue of the reported clause inner, whose
// subject names no one: "Hassan said that initial surveys found that most
// wells were dry" is Hassan's, the surveys being what he reports. The
// inner clause is kept when its speaker is a name or a pronoun ("Key said
// he believes ...", "According to ABC, Basya believes ..."), or when the
// outer speaker trails ("Trump said he may go, Reuters reported").
func (a *analysis) reportsWithin(outer, inner cand) bool {
	if outer.prio != prioIndirect || inner.prio != prioIndirect || outer.speaker.kind == refNone ||
		inner.speaker.kind != refPhrase || strings.EqualFold(outer.cue, "according to") {
		return false
	}
	return a.toks[outer.speaker.lo].Start < outer.span.Start &&
		a.toks[inner.speaker.hi-1].End > outer.span.Start && inner.span.End <= outer.span.End
}

// better reports whether candidate c should replace the overlapping k.
func better(c, k cand) bool {
	if c.prio != k.prio {
		return c.prio < k.prio
	}
	return c.span.Len() < k.span.Len()
}

// antecedent returns the entity mention the pronoun at token t refers to:
// the nearest earlier mention, outside any quote kept, of a compatible
// entity (a person of the pronoun's gender or of unknown gender for he and
// she; an organization for it and they), or -1.
func (a *analysis) antecedent(t int) int {
	w := a.tok(t)
	switch w { // the object of "quoted him as saying"
	case "him":
		w = "he"
	case "her":
		w = "she"
	}
	g, _ := pronoun(w)
	wantPerson := w == "he" || w == "He" || w == "she" || w == "She" || w == "HE" || w == "SHE"
	if !wantPerson && !strings.EqualFold(w, "it") && !strings.EqualFold(w, "they") {
		return -1
	}
	return a.nearestFit(a.toks[t].Start, wantPerson, g)
}

// orgAntecedent returns the organization a definite description at
// phrase r refers to, or -1: the nearest organization mentioned before it
// for a word any organization is ("The agency said", after "UNHCR"), the
// nearest whose name holds the word for one that says what kind it is
// ("the ministry" is the Interior Ministry, not Reuters).
func (a *analysis) orgAntecedent(r ref) int {
	if r.kind != refPhrase || r.hi-r.lo != 2 || !strings.EqualFold(a.tok(r.lo), "the") {
		return -1
	}
	noun := strings.ToLower(a.tok(r.lo + 1))
	generic := in(orgNouns, noun)
	if !generic && !in(orgKindNouns, noun) {
		return -1
	}
	pos := a.toks[r.lo].Start
	i := sort.Search(len(a.ents), func(i int) bool { return a.ents[i].Start >= pos }) - 1
	for n := 0; i >= 0 && n < maxEntityLook && pos-a.ents[i].End <= maxPronounBytes; i, n = i-1, n+1 {
		if !a.fits(i, false, unknownGender) {
			continue
		}
		if generic || strings.Contains(strings.ToLower(a.ents[i].Name), noun) {
			return i
		}
	}
	return -1
}

// nearestFit returns the nearest entity mention before byte pos that a
// pronoun or description can refer to, or -1.
func (a *analysis) nearestFit(pos int, wantPerson bool, g gender) int {
	i := sort.Search(len(a.ents), func(i int) bool { return a.ents[i].Start >= pos }) - 1
	for n := 0; i >= 0 && n < maxEntityLook; i, n = i-1, n+1 {
		e := a.ents[i]
		if pos-e.End > maxPronounBytes {
			break
		}
		if a.fits(i, wantPerson, g) {
			if a.speaks[i] {
				// "... a vigil for Slepian, Moskal said. “…,” he said":
				// the one who spoke is the one who goes on speaking.
				return i
			}
			return a.firstInSentence(i, wantPerson, g)
		}
	}
	return -1
}

// fits reports whether entity mention i, outside the direct quotes kept,
// can be what the pronoun refers to.
func (a *analysis) fits(i int, wantPerson bool, g gender) bool {
	e := a.ents[i]
	if a.insideKeptDirect(e.Span) {
		return false
	}
	if wantPerson {
		return e.Type == "PERSON" && a.genderOf(i) != opposite(g)
	}
	return e.Type == "ORG"
}

// firstInSentence returns the first mention in mention i's sentence that
// fits as well: the subject, which English puts first, is what a later
// pronoun most often means ("For Kevin Allton, a teacher, Warhol was a
// legend. He said" means Allton; "Hegseth met Trump. He said", Hegseth).
func (a *analysis) firstInSentence(i int, wantPerson bool, g gender) int {
	t := a.tokenAt(a.ents[i].Start)
	start := a.toks[a.sentLo[t]].Start
	for j, n := i-1, 0; j >= 0 && n < maxEntityLook && a.ents[j].Start >= start; j, n = j-1, n+1 {
		if a.fits(j, wantPerson, g) {
			i = j
		}
	}
	return i
}

func opposite(g gender) gender {
	switch g {
	case male:
		return female
	case female:
		return male
	}
	return 255 // matches no entity's gender
}

// insideKeptDirect reports whether s lies within a direct quote kept.
func (a *analysis) insideKeptDirect(s sitrep.Span) bool {
	i := sort.Search(len(a.kept), func(i int) bool { return a.kept[i].span.End > s.Start })
	return i < len(a.kept) && a.kept[i].direct && a.kept[i].span.Start <= s.Start && s.End <= a.kept[i].span.End
}

// genderOf returns the gender of entity mention i's entity: from a title
// written with any of its mentions (Mr, Mrs, Ms; "Congresswoman"), which
// the text states, else from its given name when the embedded lists know
// it, else from the pronouns that follow its mentions in their sentences
// outside quotes ("Sheinbaum ... said she"), else unknown.
func (a *analysis) genderOf(i int) gender {
	if a.genders == nil {
		a.genders = map[string]gender{}
		a.votes = a.countPronouns()
		a.titled = a.titleGenders()
	}
	e := a.ents[i]
	if g, ok := a.genders[e.Key]; ok {
		return g
	}
	g := a.titled[e.Key]
	if e.Key == "" {
		g = a.titleGender(i)
	}
	if first, _, _ := strings.Cut(e.Name, " "); g == unknownGender && first != e.Name {
		g = a.lx.names[strings.ToLower(first)]
	}
	if g == unknownGender {
		g = a.votes[e.Key]
	}
	a.genders[e.Key] = g
	return g
}

// titleGenders returns, for each person entity, the gender the titles of
// its mentions give: "Mr. Corby" makes a later bare "Corby" male. Titles
// of both genders give none.
func (a *analysis) titleGenders() map[string]gender {
	var out map[string]gender
	var mixed map[string]bool
	for i, e := range a.ents {
		if e.Type != "PERSON" || e.Key == "" {
			continue
		}
		if g := a.titleGender(i); g != unknownGender {
			if prev, seen := out[e.Key]; seen && prev != g {
				if mixed == nil {
					mixed = map[string]bool{}
				}
				mixed[e.Key] = true
			}
			if out == nil {
				out = map[string]gender{}
			}
			out[e.Key] = g
		}
	}
	for k := range mixed {
		delete(out, k)
	}
	return out
}

// titleGender returns the gender a title of mention i gives: a courtesy
// title written before it (the tagger keeps those out of the mention and
// its Titles), or a recorded title the role lexicon genders ("Queen",
// "Congresswoman").
func (a *analysis) titleGender(i int) gender {
	e := a.ents[i]
	if g, ok := honorifics[strings.TrimSuffix(lastWord(strings.TrimRight(a.text[max(0, e.Start-10):e.Start], " ")), ".")]; ok {
		return g
	}
	for _, t := range e.Titles {
		t = strings.TrimSuffix(lastWord(t), ".")
		if g, ok := honorifics[t]; ok {
			return g
		}
		if g, _ := lookup(a.lx.roles, t); g != unknownGender {
			return g
		}
	}
	return unknownGender
}

// honorifics are courtesy titles written before a name.
var honorifics = map[string]gender{
	"Mr": male, "Sir": male, "Lord": male, "Mrs": female, "Ms": female, "Miss": female,
	"Mme": female, "Mlle": female, "Madame": female, "Dame": female, "Lady": female,
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// countPronouns votes a gender for each person entity: each he/his/him or
// she/her outside quotation marks counts for the nearest person mention
// before it in its sentence.
func (a *analysis) countPronouns() map[string]gender {
	votes := map[string][2]int{}
	e, person := 0, -1
	d := 0
	for t := range a.toks {
		for e < len(a.ents) && a.ents[e].End <= a.toks[t].Start {
			if a.ents[e].Type == "PERSON" {
				person = e
			}
			e++
		}
		for d < len(a.directs) && a.directs[d].closeEnd <= t {
			d++
		}
		if d < len(a.directs) && a.directs[d].open <= t {
			continue
		}
		var g gender
		switch a.tok(t) {
		case "he", "He", "his", "His", "him", "himself":
			g = male
		case "she", "She", "her", "Her", "hers", "herself":
			g = female
		default:
			continue
		}
		if person < 0 || a.ents[person].Start < a.toks[a.sentLo[t]].Start {
			continue
		}
		v := votes[a.ents[person].Key]
		v[g-1]++
		votes[a.ents[person].Key] = v
	}
	out := map[string]gender{}
	for k, v := range votes {
		switch {
		case v[0] > v[1]:
			out[k] = male
		case v[1] > v[0]:
			out[k] = female
		}
	}
	return out
}

// plural reports whether the noun at token i looks plural: "officials",
// "residents", not "press" or "this".
func (a *analysis) plural(i int) bool {
	w := a.tok(i)
	return len(w) > 3 && a.toks[i].Kind == sitrep.Word && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// headNoun returns the head of a speaker phrase: the noun before its first
// link word ("Residents of the town"), else its last word.
func (a *analysis) headNoun(r ref) int {
	for i := r.lo + 1; i < r.hi; i++ {
		if in(phraseLinks, a.tok(i)) {
			return i - 1
		}
	}
	return r.hi - 1
}
