package event

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// Annotator fills Doc.Events.
type Annotator struct{}

// Name implements sitrep.Annotator.
func (Annotator) Name() string { return "event" }

// Version names the behaviour of the annotator; it changes whenever its
// output for some input does.
func (Annotator) Version() string { return "5" }

// Windows bound every look-around, so that the work per trigger is constant.
const (
	beforeWindow  = 10 // tokens before a trigger searched for a modality cue
	afterWindow   = 3  // tokens after it searched for a trailing modal
	subjectWindow = 25 // tokens before it searched for the actor
	phraseMax     = 6  // tokens of a target phrase
	lookBack      = 64 // scopes or quotes tried before a trigger
	countReach    = 6  // events on each side of a count that may take it
)

// Annotate implements sitrep.Annotator. It replaces Doc.Events.
func (Annotator) Annotate(d *sitrep.Doc) error {
	toks, sents := d.Tokens, d.Sentences
	if len(toks) == 0 && d.Text != "" {
		toks = text.Tokenize(d.Text)
		sents = text.Sentences(d.Text, toks)
	}
	if len(sents) == 0 && len(toks) > 0 {
		sents = []sitrep.Span{{Start: 0, End: len(d.Text)}}
	}
	a := newAnnotation(d, toks)
	d.Events = nil
	var prev []int // events of the previous sentence, for evidence that follows
	for _, s := range sents {
		lo, hi := a.tokenRange(s)
		if hi <= lo {
			continue
		}
		found := a.sentence(d, s, lo, hi)
		if len(found) == 0 && len(prev) > 0 {
			// A sentence with no event of its own may continue the last
			// one: "It has offered no evidence."
			if ev := a.evidence(lo, hi); ev != "" {
				for _, i := range prev {
					if d.Events[i].Evidence == "" {
						d.Events[i].Evidence = ev
					}
				}
			}
		}
		prev = found
	}
	slices.SortStableFunc(d.Events, func(x, y sitrep.Event) int { return x.Start - y.Start })
	return nil
}

// annotation is the working state of one Annotate call.
type annotation struct {
	d     *sitrep.Doc
	text  string
	toks  []sitrep.Token
	lower []string // each token in lower case
	ent   []int    // index of the entity covering each token, -1 for none
	lex   *lexicon
	// quotes and scopes sorted by start, for look-ups by position.
	quotes []int
	scopes []scopeRef
	// persons maps person entities' names to their keys (see personKeys).
	persons map[string]string
	// inTime marks the tokens inside a time expression.
	inTime []bool
	// inPlace marks the tokens inside a place of the places layer.
	inPlace []bool
	// leaders maps the keys of heads of state or government to the
	// government they act for (see speakerActor), built on first use.
	leaders map[string]string
	// docMilitary is 1 when the article speaks of war, -1 when not, 0
	// before it is known (see militaryDoc).
	docMilitary int
}

type scopeRef struct {
	span sitrep.Span
	attr int
}

func newAnnotation(d *sitrep.Doc, toks []sitrep.Token) *annotation {
	a := &annotation{d: d, text: d.Text, toks: toks, lex: lexOf(),
		lower: make([]string, len(toks)), ent: make([]int, len(toks))}
	for i, t := range toks {
		a.lower[i] = strings.ToLower(t.In(d.Text))
		a.ent[i] = -1
	}
	order := make([]int, len(d.Entities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return d.Entities[order[x]].Start < d.Entities[order[y]].Start })
	j := 0
	for i, t := range toks {
		for j < len(order) && d.Entities[order[j]].End <= t.Start {
			j++
		}
		for k := j; k < len(order) && k < j+4 && d.Entities[order[k]].Start <= t.Start; k++ {
			if d.Entities[order[k]].Contains(t.Span) {
				a.ent[i] = order[k]
				break
			}
		}
	}
	a.inTime, a.inPlace = a.marks(timeSpans(d.Times)), a.marks(placeSpans(d.Places))
	for i, q := range d.Quotes {
		if q.Direct && q.Speaker != nil {
			a.quotes = append(a.quotes, i)
		}
	}
	sort.SliceStable(a.quotes, func(x, y int) bool { return d.Quotes[a.quotes[x]].Start < d.Quotes[a.quotes[y]].Start })
	for i, at := range d.Sourcing {
		for _, sc := range at.Scope {
			a.scopes = append(a.scopes, scopeRef{sc, i})
		}
	}
	sort.SliceStable(a.scopes, func(x, y int) bool { return a.scopes[x].span.Start < a.scopes[y].span.Start })
	return a
}

// tokenRange returns the tokens lying within s.
func (a *annotation) tokenRange(s sitrep.Span) (lo, hi int) {
	lo = sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= s.Start })
	hi = lo + sort.Search(len(a.toks)-lo, func(i int) bool { return a.toks[lo+i].End > s.End })
	return lo, hi
}

// match is a trigger found in the text, tokens [from, to).
type match struct {
	from, to int
	t        *trigger
}

// sentence finds the events of the sentence s (tokens [lo, hi)), appends
// them to d.Events and returns their indexes.
func (a *annotation) sentence(d *sitrep.Doc, s sitrep.Span, lo, hi int) []int {
	ms := a.triggers(lo, hi)
	if len(ms) == 0 {
		return nil
	}
	first := len(d.Events)
	several := map[int]bool{}
	// opposed holds the events that are the object of a statement of
	// opposition with no sign in the text that they happened.
	opposed := map[int]bool{}
	for k, m := range ms {
		ev := sitrep.Event{
			Span:  sitrep.Span{Start: a.toks[m.from].Start, End: a.toks[m.to-1].End},
			Cameo: m.t.cameo, Plover: m.t.plover, Modality: "occurred", Counts: []int{},
		}
		ev.Text = ev.In(a.text)
		label := m.t.label
		if label == "PEACE_PROTEST" && m.t.rank < 3 {
			// What was done to the protest, or by it, decides its kind.
			label = newSnippet(s.In(a.text)).protest()
		}
		ev.Type, ev.Subtype, _ = ACLED(label)
		bound := hi // the next trigger's phrase bounds this one's place and time
		if k+1 < len(ms) {
			_, bound = a.nominal(ms[k+1], lo)
			bound = max(bound, m.to)
		}
		role, npStart := a.nominal(m, lo)
		speaker := a.quoteThreat(m, lo)
		switch {
		case speaker != nil:
			ev.Modality = "threatened"
			ev.Actor = a.speakerActor(*speaker)
		default:
			ev.Modality, ev.Negated = a.modality(m, lo, hi)
			if violent(label) && ev.Modality == "occurred" {
				if o := a.opposition(ms[:k], m); o != nil && !a.toldAsDone(*o, m, npStart, hi) {
					opposed[len(d.Events)] = true
				}
			}
			ev.Actor = a.actor(m, lo, hi, ms[:k], role, npStart)
			if ev.Actor != nil && violent(label) {
				// A head of state does not fire the missiles he orders:
				// his state's forces do.
				ev.Actor = a.speakerActor(*ev.Actor)
			}
		}
		if bareStrike(m.t) && !a.militaryStrike(m, lo, hi, ev.Actor) {
			// Workers who strike protest, as ACLED codes them.
			label = "PEACE_PROTEST"
			ev.Type, ev.Subtype, _ = ACLED(label)
			ev.Cameo, ev.Plover = labourStrikeCameo, a.lex.plover[labourStrikeCameo]
		}
		ev.Target = a.target(m, hi)
		if ev.Target == nil {
			ev.Target = a.passiveSubject(m, lo)
		}
		if label == "ATTACK" && ev.Target != nil && a.armedTarget(ev.Target.Span) {
			// An attack on soldiers or a police post is a battle in ACLED's
			// terms: violence against civilians needs unarmed victims.
			ev.Type, ev.Subtype, _ = ACLED("ARMED_CLASH")
		}
		if q := a.quoteAt(a.toks[m.from].Start); q != nil {
			// What is said in a quote happens where and when it says, not
			// where the words around it put the speaker.
			bound = min(bound, max(m.to, a.tokenAt(q.End)))
		}
		ev.Place = a.place(m, lo, bound, ev.Actor, role, npStart)
		many, apart := a.several(m, role, npStart, bound)
		if !many && role != verbal && a.apartAfter(m, bound) {
			// "the bombing of the U.S. embassies in Kenya and Tanzania":
			// one word for acts at several places.
			many, apart = true, true
		}
		if !many && role == verbal && k > 0 && several[len(d.Events)-1] && m.from-ms[k-1].to <= 1 {
			// "Two bombs exploded ...": the verb tells of the same acts as
			// the plural noun that is its subject.
			many, apart = true, a.apartAfter(m, bound)
		}
		if many {
			// "the bombings in Kenya and Tanzania": several incidents told
			// as one, at no single place.
			several[len(d.Events)] = true
			if apart {
				ev.Place = nil
			}
		}
		ev.Time = a.time(m, lo, bound, role, npStart)
		ev.Sourcing = a.sourcing(ev.Span)
		d.Events = append(d.Events, ev)
	}
	idx := make([]int, 0, len(ms))
	for i := first; i < len(d.Events); i++ {
		idx = append(idx, i)
	}
	a.counts(s, ms, idx)
	for _, i := range idx {
		// "She opposes such attacks": what one opposes has not happened,
		// unless a toll says it has ("opposed the airstrikes that killed 40").
		if e := &d.Events[i]; opposed[i] && !a.hasToll(*e) {
			e.Modality = "hypothetical"
		}
	}
	// "Killed" alone is an event only with a toll or a known killer:
	// "cartels were killing Americans with drugs" is not one.
	keep := 0
	plural := make([]bool, len(idx))
	for k, i := range idx {
		e := d.Events[i]
		if isKilling(ms[k].t) && e.Actor == nil && !a.hasToll(e) {
			continue
		}
		d.Events[first+keep] = e
		ms[keep] = ms[k]
		plural[keep] = several[i]
		keep++
	}
	d.Events = d.Events[:first+keep]
	idx, ms = idx[:keep], ms[:keep]
	ev := a.evidence(lo, hi)
	for k, i := range idx {
		e := &d.Events[i]
		e.Evidence = ev
		e.Aggregate = plural[k] || a.aggregate(ms[k], e, lo)
	}
	return idx
}

// opposition returns the statement of opposition among ms, the triggers
// before m, whose object m is: a verb of opposing or rejecting (CAMEO 120)
// at most a few words before it, with no other verb between ("opposes such
// attacks", not "opposed abortion decried the attack"). Condemning (CAMEO
// 111) is left out: one condemns what was done.
func (a *annotation) opposition(ms []match, m match) *match {
	for j := len(ms) - 1; j >= 0 && m.from-ms[j].to <= oppositionReach; j-- {
		o := ms[j]
		if o.t.label != "OPPOSITION" || o.t.cameo != "120" {
			continue
		}
		for i := o.to; i < m.from; i++ {
			w := a.lower[i]
			if a.toks[i].Kind == sitrep.Punctuation || clauseStops[w] || auxiliaries[w] || agentive[w] || nonAgentive[w] ||
				strings.HasSuffix(w, "ed") && objectStarts[a.lower[i+1]] {
				return nil
			}
		}
		return &ms[j]
	}
	return nil
}

// oppositionReach is how many words may stand between a verb of opposing
// and the act it opposes.
const oppositionReach = 6

// toldAsDone reports whether the text says the act m, object of the
// statement of opposition o, happened: a relative clause in the past after
// it ("the airstrikes that killed 40 people"), or a past verb of opposing
// with a definite object ("Russia opposed the US airstrikes on Syria");
// "opposes such attacks", "opposed any attack" are not.
func (a *annotation) toldAsDone(o, m match, npStart, hi int) bool {
	for i := m.to; i+1 < hi && i < m.to+phraseMax; i++ {
		if w := a.lower[i]; (w == "that" || w == "which") && pastForm(a.lower[i+1]) {
			return true
		}
		if a.toks[i].Kind == sitrep.Punctuation && !(a.lower[i] == "," && a.lower[i+1] == "which") {
			break
		}
	}
	if !strings.HasSuffix(a.lower[o.to-1], "ed") {
		return false
	}
	definite := false
	for i := max(npStart, o.to); i < m.from; i++ {
		switch a.lower[i] {
		case "such", "any", "future", "further", "more", "new", "possible", "potential", "all":
			return false
		case "the", "these", "those", "this", "its", "their", "his", "her", "'s", "’s":
			definite = true
		}
		if al, ok := a.lex.aliases[a.lower[i]]; ok && al.pre {
			definite = true
		}
	}
	return definite
}

// pastForm reports whether w reads as a verb in the past: "killed", "hit".
func pastForm(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularPast[w]
}

// irregularPast are the past forms of verbs of violence that do not end in "-ed".
var irregularPast = wordSet("hit struck shot left took blew tore destroyed razed slew")

// hasToll reports whether the event has a count of killed or wounded.
func (a *annotation) hasToll(e sitrep.Event) bool {
	for _, qi := range e.Counts {
		if c := a.d.Quantities[qi].Category; c == "killed" || c == "wounded" {
			return true
		}
	}
	return false
}

// capitalizedInside reports whether token i starts with a capital letter
// and is not the first word of its sentence or quotation: "March" the month,
// "Strike Force" the name.
func (a *annotation) capitalizedInside(i, lo int) bool {
	w := a.toks[i].In(a.text)
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || i == lo {
		return false
	}
	return a.toks[i-1].Kind != sitrep.Punctuation
}

// triggers returns the triggers of tokens [lo, hi), longest match first at
// each token, after the filters that keep words from over-triggering.
func (a *annotation) triggers(lo, hi int) []match {
	var ms []match
	for i := lo; i < hi; i++ {
		if a.ent[i] >= 0 || a.capitalizedInside(i, lo) {
			continue
		}
		for k := range a.lex.triggers[a.lower[i]] {
			t := &a.lex.triggers[a.lower[i]][k]
			if t.rank == 0 || !a.wordsAt(i, hi, t.words) {
				continue
			}
			ms = append(ms, match{i, i + len(t.words), t})
			i += len(t.words) - 1
			break
		}
	}
	strongest, otherViolence := 0, false
	for _, m := range ms {
		if violent(m.t.label) {
			strongest = max(strongest, m.t.rank)
			otherViolence = otherViolence || !isKilling(m.t)
		}
	}
	kept := ms[:0]
	for k, m := range ms {
		switch {
		case violent(m.t.label) && m.t.rank == 1 && (strongest > 1 || isKilling(m.t) && otherViolence):
			// "killing 80 people" after "airstrikes": the consequence, not a second event.
			continue
		case m.t.label == "DESIGNATION" && !a.anyPrefixAfter(m.to, hi, 15, "terror", "sanction", "blacklist"):
			continue
		case (m.t.label == "OPPOSITION" || !violent(m.t.label) && m.t.rank == 1) && !a.violentAfter(ms[k+1:], m.to, 8):
			// Opposition to an act of violence, not to a policy: "opposes
			// such attacks", not "opposed the boy's return".
			continue
		case m.t.label == "THREAT" && !a.violentAfter(ms[k+1:], m.to, 8) &&
			!a.anyPrefixAfter(m.to, hi, 8, "sanction", "force", "military", "retaliat", "reprisal", "invade", "invasion") &&
			!a.anyWordAfter(m.to, hi, 8, warWords):
			continue
		case bareStrike(m.t) && !a.labourStrike(m, lo, hi) && !a.military(near(m, lo, hi)) && !a.militaryDoc():
			// "The strike lasted three days", in an article of no war: a
			// strike of what, the text does not say.
			continue
		case m.t.label == "ARMED_CLASH" && len(m.t.words) == 1 && figurative[m.t.words[0]] && !a.armed(lo, hi):
			// "a custody battle", "fought to keep the boy": no one armed.
			continue
		case violent(m.t.label) && k+1 < len(ms) && ms[k+1].from == m.to && violent(ms[k+1].t.label) &&
			!strings.HasSuffix(a.lower[m.to-1], "s"):
			// "bomb blasts", "car bomb attack": a noun modifying the next
			// names the same act; the head is last.
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// bareStrike reports whether t is "strike" or "strikes" alone, a word of
// war and of labour both.
func bareStrike(t *trigger) bool {
	return len(t.words) == 1 && (t.words[0] == "strike" || t.words[0] == "strikes")
}

// labourStrikeCameo is CAMEO's "conduct strike or boycott".
const labourStrikeCameo = "143"

// militaryStrike reports whether the bare "strike" m is an act of war
// rather than a stoppage of work: its actor is a government or its forces
// (a head of state saying "will we go on strike"), or, when the words
// around it do not speak of labour ("on strike", "called a strike",
// unions, workers, wages), they or else the article speak of war.
func (a *annotation) militaryStrike(m match, lo, hi int, actor *sitrep.Mention) bool {
	if actor != nil && (strings.HasSuffix(actor.Name, " government") || armedActors[a.headOf(actor.Span)]) {
		return true
	}
	if a.labourStrike(m, lo, hi) {
		return false
	}
	from, to := near(m, lo, hi)
	return a.military(from, to) || a.militaryDoc()
}

// near bounds the words around the trigger m, within its sentence [lo,
// hi), read for its context, so that the work per trigger stays constant
// however long a sentence is.
func near(m match, lo, hi int) (from, to int) {
	return max(lo, m.from-subjectWindow), min(hi, m.to+subjectWindow)
}

// headOf is the last word of the span, in lower case.
func (a *annotation) headOf(sp sitrep.Span) string {
	_, hi := a.tokenRange(sp)
	if hi <= 0 {
		return ""
	}
	return a.lower[hi-1]
}

// labourStrike reports whether the sentence tells the strike m as one of
// workers: "on strike", "called a strike", or words of labour in the
// sentence (unions, workers, wages), with no word of war before them.
func (a *annotation) labourStrike(m match, lo, hi int) bool {
	i := m.from - 1
	for i >= lo && (objectStarts[a.lower[i]] || strikeKinds[a.lower[i]]) {
		i--
	}
	if i >= lo && (a.lower[i] == "on" && i+1 == m.from || callWords[a.lower[i]]) {
		// "went on strike", "called a general strike"
		return true
	}
	from, to := near(m, lo, hi)
	if a.military(from, to) {
		return false
	}
	for j := from; j < to; j++ {
		if labourWords[a.lower[j]] {
			return true
		}
	}
	return false
}

// military reports whether tokens [lo, hi) speak of war: armed men, arms,
// the targets of strikes, tolls.
func (a *annotation) military(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if militaryWords[a.lower[i]] {
			return true
		}
	}
	return false
}

// militaryDoc reports whether the article speaks of war anywhere, which
// makes a bare "strike" one of war unless its sentence says otherwise.
func (a *annotation) militaryDoc() bool {
	if a.docMilitary == 0 {
		a.docMilitary = -1
		if a.military(0, len(a.toks)) {
			a.docMilitary = 1
		}
	}
	return a.docMilitary > 0
}

// militaryWords speak of war: who fights, with what, at what, and its dead.
var militaryWords = wordSet(`military army armies troops soldiers soldier forces navy naval marines
	militants militant rebels insurgents gunmen militia militias jihadists fighters combatants armed
	airstrike airstrikes missile missiles drone drones bomb bombs bombing bombings warplane warplanes
	jets aircraft warship warships artillery rockets weapons war wars
	boats boat vessels vessel ships camps camp positions base bases targets convoy
	killed killing wounded dead casualties fatalities`)

// armedActors head the phrases of an actor whose strike is one of war.
var armedActors = wordSet(`military army troops soldiers forces navy marines militants rebels insurgents
	gunmen militia militias jihadists fighters jets warplanes aircraft drones warships`)

// labourWords speak of work and its disputes.
var labourWords = wordSet(`union unions workers worker employees teachers nurses doctors drivers miners
	dockers dockworkers staff wage wages pay salary salaries pension pensions labour labor walkout
	picket pickets strikers industrial`)

// callWords call a strike of workers: "called a general strike".
var callWords = wordSet("call calls called calling")

// strikeKinds may stand between a word of calling and "strike": "called a
// general strike", "on a national strike".
var strikeKinds = wordSet("general national nationwide indefinite one-day two-day three-day week-long")

// isKilling reports whether t is a bare verb of killing ("killed"), which
// tells the toll of an act more often than an act of its own.
func isKilling(t *trigger) bool { return t.cameo == "1823" && t.rank == 1 }

// figurative are the words of fighting that are as often a figure of
// speech ("a custody battle", "clashed over the budget").
var figurative = map[string]bool{"battle": true, "battled": true, "fought": true, "fighting": true,
	"clash": true, "clashes": true, "clashed": true, "clashing": true}

// armedWords name armed people or their acts; a clash needs one in its sentence.
var armedWords = map[string]bool{"forces": true, "troops": true, "soldiers": true, "soldier": true,
	"rebels": true, "rebel": true, "militants": true, "militant": true, "army": true, "fighters": true,
	"gunmen": true, "police": true, "policemen": true, "militia": true, "militias": true, "militiamen": true,
	"insurgents": true, "military": true, "guerrillas": true, "jihadists": true, "armed": true,
	"bandits": true, "security": true, "killed": true, "wounded": true, "dead": true, "fatalities": true,
	"gunfire": true, "weapons": true, "shot": true, "troopers": true, "marines": true, "navy": true}

// armedTarget reports whether the span names armed people or their posts.
func (a *annotation) armedTarget(sp sitrep.Span) bool {
	lo, hi := a.tokenRange(sp)
	for i := lo; i < hi; i++ {
		switch w := a.lower[i]; w {
		case "killed", "wounded", "dead", "fatalities", "shot", "gunfire", "weapons", "armed":
		case "base", "checkpoint", "post", "patrol", "barracks", "positions", "outpost":
			return true
		default:
			if armedWords[w] {
				return true
			}
		}
	}
	return false
}

// armed reports whether tokens [lo, hi) name armed people or violence.
func (a *annotation) armed(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if armedWords[a.lower[i]] {
			return true
		}
	}
	return false
}

// wordsAt reports whether the tokens from i, before hi, are words, none of
// them in an entity.
func (a *annotation) wordsAt(i, hi int, words []string) bool {
	if i+len(words) > hi {
		return false
	}
	for j, w := range words {
		if a.lower[i+j] != w || j > 0 && a.ent[i+j] >= 0 {
			return false
		}
	}
	return true
}

// anyPrefixAfter reports whether a token of the n after from starts with
// one of the prefixes.
func (a *annotation) anyPrefixAfter(from, hi, n int, prefixes ...string) bool {
	for i := from; i < hi && i < from+n; i++ {
		for _, p := range prefixes {
			if strings.HasPrefix(a.lower[i], p) {
				return true
			}
		}
	}
	return false
}

// warWords name war itself; a prefix "war" would take "warned" and "ward".
var warWords = wordSet("war wars warfare")

// anyWordAfter reports whether a token of the n after from is one of words.
func (a *annotation) anyWordAfter(from, hi, n int, words map[string]bool) bool {
	for i := from; i < hi && i < from+n; i++ {
		if words[a.lower[i]] {
			return true
		}
	}
	return false
}

// violentAfter reports whether one of ms, the matches after a trigger
// ending at token to, is an act of violence within n tokens.
func (a *annotation) violentAfter(ms []match, to, n int) bool {
	for _, m := range ms {
		if m.from >= to+n {
			return false
		}
		if violent(m.t.label) {
			return true
		}
	}
	return false
}

// cueAt returns the longest cue of the kind starting at token i and ending
// before end, nil when there is none.
func (a *annotation) cueAt(i, end int, kind string) *cue {
	if i < 0 || i >= len(a.toks) {
		return nil
	}
	for k := range a.lex.cues[a.lower[i]] {
		c := &a.lex.cues[a.lower[i]][k]
		if c.kind != kind || i+len(c.words) > end {
			continue
		}
		ok := true
		for j, w := range c.words {
			if a.lower[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return c
		}
	}
	return nil
}

// quoteThreat returns the speaker when the trigger is inside a direct quote
// that speaks of it in the first person and the future: "Will we go on
// strike in Mexico?" is a threat by whoever said it.
func (a *annotation) quoteThreat(m match, lo int) *sitrep.Mention {
	q := a.quoteAt(a.toks[m.from].Start)
	if q == nil {
		return nil
	}
	first, future := false, false
	for i := max(lo, m.from-beforeWindow); i < m.from; i++ {
		switch a.lower[i] {
		case "we", "i", "us":
			first = true
		case "will", "'ll", "’ll", "shall", "gonna", "going":
			future = true
		}
	}
	if !first || !future {
		return nil
	}
	return q.Speaker
}

// quoteAt returns the direct quote with a speaker holding position p.
func (a *annotation) quoteAt(p int) *sitrep.Quote {
	n := sort.Search(len(a.quotes), func(i int) bool { return a.d.Quotes[a.quotes[i]].Start > p })
	for k := n - 1; k >= 0 && k >= n-lookBack; k-- {
		q := &a.d.Quotes[a.quotes[k]]
		if q.Start <= p && p < q.End {
			return q
		}
	}
	return nil
}

// strongerCue are the modalities that overrule a hedge ("would", "could")
// nearer the trigger: "warned that it would strike" is a threat.
var strongerCue = map[string]bool{"threatened": true, "planned": true, "denied": true}

// negFiller are the words that may stand between a negation and its
// trigger: "did not carry out an attack", "no such attack".
var negFiller = map[string]bool{"a": true, "an": true, "the": true, "any": true, "such": true,
	"carry": true, "carried": true, "out": true, "launch": true, "launched": true, "conduct": true,
	"conducted": true, "been": true, "be": true, "have": true, "has": true, "had": true}

// modality returns the modality of the trigger m from the cues around it,
// and whether it is negated.
func (a *annotation) modality(m match, lo, hi int) (string, bool) {
	mod := ""
	for i := m.from - 1; i >= lo && i >= m.from-beforeWindow; i-- {
		if a.lower[i] == ";" {
			break
		}
		c := a.cueAt(i, m.from, "before")
		if c == nil || a.capitalizedInside(i, lo) {
			continue
		}
		if mod == "" {
			mod = c.value
			if mod == "threatened" || mod == "planned" || mod == "denied" {
				break
			}
			continue
		}
		// A hedge nearer the trigger gives way to a threat, a plan or a
		// denial further back: "warned it would strike".
		if strongerCue[c.value] {
			mod = c.value
			break
		}
	}
	if mod == "" && a.future(m, lo) {
		mod = "planned"
	}
	if mod == "" {
		for i := m.to; i < hi && i < m.to+afterWindow; i++ {
			if a.toks[i].Kind == sitrep.Punctuation {
				break
			}
			if c := a.cueAt(i, hi, "after"); c != nil {
				mod = c.value
				break
			}
		}
	}
	if mod == "" {
		mod = "occurred"
	}
	neg := false
	for i := m.from - 1; i >= lo && i >= m.from-4; i-- {
		if a.cueAt(i, m.from, "neg") != nil {
			neg = true
			break
		}
		if !negFiller[a.lower[i]] {
			break
		}
	}
	return mod, neg
}

// future reports whether the trigger m is the act of a future tense right
// before it ("will launch airstrikes", "will go on strike", "is going to
// attack"): the auxiliary may be separated from the trigger only by the
// verbs and words that carry an act out (futureFiller), so that the "will"
// of another verb ("gunmen who will face trial killed ...") does not count.
func (a *annotation) future(m match, lo int) bool {
	for i := m.from - 1; i >= lo && i >= m.from-5; i-- {
		switch w := a.lower[i]; {
		case w == "will" || w == "shall" || w == "'ll" || w == "’ll" || w == "wo" || w == "won't" || w == "won’t":
			return true
		case w == "to" && i-1 >= lo && a.lower[i-1] == "going":
			return true
		case !futureFiller[w]:
			return false
		}
	}
	return false
}

// futureFiller may stand between a future auxiliary and its trigger.
var futureFiller = map[string]bool{"go": true, "on": true, "launch": true, "carry": true, "out": true,
	"conduct": true, "stage": true, "hold": true, "begin": true, "start": true, "a": true, "an": true,
	"the": true, "new": true, "more": true, "further": true, "fresh": true, "also": true, "soon": true,
	"again": true, "continue": true, "be": true, "not": true, "n't": true, "n’t": true}

// passiveAux before a verb trigger make it passive.
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "be": true, "is": true, "are": true}

// actorNouns are heads of phrases that name who acts, when no entity does.
var actorNouns = map[string]bool{
	"police": true, "policemen": true, "forces": true, "troops": true, "soldiers": true, "army": true,
	"military": true, "militants": true, "gunmen": true, "rebels": true, "insurgents": true,
	"fighters": true, "militia": true, "militias": true, "militiamen": true, "attackers": true,
	"assailants": true, "protesters": true, "protestors": true, "demonstrators": true, "rioters": true,
	"jihadists": true, "terrorists": true, "bandits": true, "pirates": true, "government": true,
	"authorities": true, "navy": true, "jets": true, "warplanes": true, "mob": true, "residents": true,
	"villagers": true, "students": true, "workers": true, "administration": true, "group": true,
	"officers": true, "guards": true, "bomber": true, "gunman": true, "attacker": true, "regime": true,
}

// prepositions mark the phrase after them as no subject ("in remarks at
// the White House") and end a target phrase.
var prepositions = map[string]bool{
	"in": true, "at": true, "on": true, "of": true, "from": true, "with": true, "to": true, "for": true,
	"against": true, "near": true, "over": true, "into": true, "about": true, "toward": true,
	"towards": true, "since": true, "during": true, "after": true, "before": true, "off": true,
	"across": true, "by": true, "as": true, "through": true, "outside": true, "inside": true,
	"under": true, "between": true, "without": true, "amid": true, "like": true, "than": true,
}

// clauseStops end the search for a subject: what comes before them is
// another clause ("NBC reported that the White House ...").
var clauseStops = map[string]bool{
	"that": true, ";": true, "said": true, "says": true, "told": true, "reported": true,
	"according": true, "but": true, ":": true, "—": true, "–": true, "if": true, "because": true,
	"while": true, "when": true, "although": true,
	// Dashes as typed on wires: "DAR ES SALAAM, Tanzania (AP) _ A bomb ...".
	"-": true, "_": true, ")": true,
	// Whoever died is no actor: "20 militants died in the strike".
	"died": true, "dead": true, "perished": true,
}

// determiners are dropped from the start of a mention's name.
var determiners = map[string]bool{"the": true, "such": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "these": true, "those": true, "this": true, "our": true, "some": true}

// actor returns who carries out the event of m: the agent of a passive
// ("killed by gunmen"), a state written right before the trigger ("US
// strikes"), or the nearest subject before it in the clause.
//
// ms are the triggers of the sentence before m.
//
// role and npStart say how the trigger stands in its clause (see nominal):
// the subject of a clause did not do what a noun phrase it merely mentions
// tells of ("Clinton condemned the bombing"), nor what the subject itself
// names ("The bombings killed 224"); those have only the doer their phrase
// names ("the group's attack").
func (a *annotation) actor(m match, lo, hi int, ms []match, role npRole, npStart int) *sitrep.Mention {
	if m.to+1 < hi && a.lower[m.to] == "by" {
		if from, to := a.agentPhrase(m.to+1, hi); to > from {
			return a.mention(from, to, true)
		}
	}
	if p := m.from - 1; p >= lo && passiveAux[a.lower[p]] {
		// "three soldiers were killed": the subject is the victim.
		return nil
	}
	// A state or a named group right before the trigger: "U.S. attacks", "JNIM militants".
	if p := m.from - 1; p >= lo {
		for n := min(a.lex.maxAliasWords, p-lo+1); n >= 1 && a.lex.aliasEnds[a.lower[p]]; n-- {
			phrase := a.joined(p-n+1, p+1)
			if al, ok := a.lex.aliases[phrase]; ok {
				ment := a.mention(p-n+1, p+1, false)
				ment.Name = al.name
				return ment
			}
		}
	}
	if role == npSubject || role == npEmbedded {
		return a.possessor(npStart, m.from)
	}
	stop := max(lo, m.from-subjectWindow)
	last := m.from - 1
	if role == npAgentive {
		// A noun's doer is written before its phrase, not inside it
		// ("the Dar es Salaam bomb").
		last = npStart - 1
	}
	// nonViolentBefore reports whether a statement of opposition or a
	// designation lies between token i and the trigger; ms are the matches
	// before m, and only those within the subject window are looked at.
	nonViolentBefore := func(i int) bool {
		for j := len(ms) - 1; j >= 0 && ms[j].from >= i; j-- {
			if o := ms[j]; !violent(o.t.label) && o.t.label != "THREAT" && o.t.label != "DEPLOYMENT" {
				return true
			}
		}
		return false
	}
	pronoun := -1
	for i := last; i >= stop; i-- {
		w := a.lower[i]
		if clauseStops[w] {
			return a.reporter(pronoun, m)
		}
		if w == "who" || w == "which" {
			// A relative clause acts for the phrase right before it:
			// "gunmen who attacked", but not "those who were responsible".
			if i > lo {
				if from, to, ok := a.subjectAt(i-1, lo); ok && to == i {
					return a.mention(from, to, true)
				}
			}
			return nil
		}
		if (w == "he" || w == "she") && pronoun < 0 {
			if violent(m.t.label) && nonViolentBefore(i+1) {
				return nil
			}
			pronoun = i
		}
		from, to, ok := a.subjectAt(i, lo)
		if !ok {
			continue
		}
		if from > lo && prepositions[a.lower[from-1]] {
			i = from
			continue
		}
		if nonViolentBefore(to) && violent(m.t.label) {
			// "she opposes such attacks": she acts on the opposition, not the attack.
			return nil
		}
		ment := a.mention(from, to, true)
		if name := a.stateForces(from, to); name != "" {
			ment.Name = name
		}
		return ment
	}
	return nil
}

// reporter resolves a pronoun subject after a reporting verb to the source
// of the attribution covering the event: in "Sheinbaum has said she opposes
// such attacks", she is Sheinbaum. It returns nil without a pronoun, or when
// the source is no person entity.
func (a *annotation) reporter(pronoun int, m match) *sitrep.Mention {
	if pronoun < 0 {
		return nil
	}
	sp := sitrep.Span{Start: a.toks[m.from].Start, End: a.toks[m.to-1].End}
	at := a.sourcing(sp)
	if at == nil {
		return nil
	}
	name := a.d.Sourcing[*at].Source.Name
	key, ok := a.personKeys()[name]
	if !ok {
		return nil
	}
	p := a.toks[pronoun].Span
	return &sitrep.Mention{Span: p, Text: p.In(a.text), Name: name, Key: key}
}

// personKeys returns the key of each person entity by canonical name,
// built on first use.
func (a *annotation) personKeys() map[string]string {
	if a.persons == nil {
		a.persons = map[string]string{}
		for _, e := range a.d.Entities {
			if e.Type == "PERSON" && e.Name != "" {
				a.persons[e.Name] = e.Key
			}
		}
	}
	return a.persons
}

// passiveSubject returns the subject of a passive verb trigger, what the
// event was done to: "three soldiers" of "three soldiers were killed".
func (a *annotation) passiveSubject(m match, lo int) *sitrep.Mention {
	i := m.from - 1
	if i < lo || !passiveAux[a.lower[i]] {
		return nil
	}
	for i >= lo && (passiveAux[a.lower[i]] || auxiliaries[a.lower[i]] || a.lower[i] == "reportedly" || a.lower[i] == "also") {
		i--
	}
	if i < lo || a.toks[i].Kind == sitrep.Punctuation {
		return nil
	}
	to := i + 1
	if e := a.ent[i]; e >= 0 {
		for i > lo && a.ent[i-1] == e {
			i--
		}
		return a.mention(i, to, true)
	}
	from := i
	for from > lo && to-from < 4 && a.toks[from-1].Kind != sitrep.Punctuation &&
		!prepositions[a.lower[from-1]] && !clauseStops[a.lower[from-1]] && a.lower[from-1] != "and" {
		from--
	}
	return a.mention(from, to, true)
}

// forceNouns head phrases that name a state's armed forces when a country
// or its adjective comes first: "Israeli jets", "Russian warplanes".
var forceNouns = map[string]bool{"forces": true, "troops": true, "soldiers": true, "jets": true,
	"warplanes": true, "military": true, "army": true, "navy": true, "aircraft": true, "drones": true,
	"planes": true, "helicopters": true, "warships": true}

// stateForces returns the government whose forces tokens [from, to) name,
// "" when they name none.
func (a *annotation) stateForces(from, to int) string {
	for from < to-1 && determiners[a.lower[from]] {
		from++
	}
	if to-from < 2 || !forceNouns[a.lower[to-1]] {
		return ""
	}
	if al, ok := a.lex.aliases[a.lower[from]]; ok && al.pre {
		return al.name
	}
	return ""
}

// subjectAt returns the phrase ending at token i that could be a subject:
// an alias of a state, a person or organization entity, or a phrase headed
// by an actor noun.
func (a *annotation) subjectAt(i, lo int) (from, to int, ok bool) {
	for n := min(a.lex.maxAliasWords, i-lo+1); n >= 1 && a.lex.aliasEnds[a.lower[i]]; n-- {
		if al, found := a.lex.aliases[a.joined(i-n+1, i+1)]; found && !al.pre {
			return i - n + 1, i + 1, true
		}
	}
	if e := a.ent[i]; e >= 0 && !a.inPlace[i] {
		// A place is no actor, however the entity tagger typed it (the
		// dateline "DAR ES SALAAM"): the actors lexicon names the
		// governments places stand for.
		switch a.d.Entities[e].Type {
		case "PERSON", "ORG":
			from = i
			for from > lo && a.ent[from-1] == e {
				from--
			}
			return from, i + 1, true
		}
		return 0, 0, false
	}
	if actorNouns[a.lower[i]] {
		from = i
		for from > lo && i-from < 3 && (a.ent[from-1] >= 0 || actorModifiers[a.lower[from-1]] || determiners[a.lower[from-1]]) {
			from--
		}
		return from, i + 1, true
	}
	return 0, 0, false
}

// actorModifiers may stand before an actor noun in its phrase: "security
// forces", "armed men", "unidentified gunmen".
var actorModifiers = map[string]bool{
	"security": true, "armed": true, "government": true, "federal": true, "state": true, "local": true,
	"islamist": true, "unidentified": true, "unknown": true, "suspected": true, "rebel": true,
	"militant": true, "riot": true, "army": true, "military": true, "police": true, "national": true,
	"special": true, "pro-government": true, "anti-government": true, "opposition": true, "border": true,
	"naval": true, "air": true, "coalition": true, "allied": true, "foreign": true, "joint": true,
	"angry": true, "masked": true, "hundreds": true, "thousands": true, "of": false,
}

// joined returns tokens [from, to) in lower case joined by spaces, without
// a leading "the".
func (a *annotation) joined(from, to int) string {
	if from < 0 || to > len(a.toks) || from >= to {
		return ""
	}
	if a.lower[from] == "the" {
		from++
	}
	return strings.Join(a.lower[from:to], " ")
}

// mention builds a Mention of tokens [from, to), named by the entity that
// covers it or by the alias table, else by its words without a leading
// determiner.
func (a *annotation) mention(from, to int, useAlias bool) *sitrep.Mention {
	for from < to-1 && determiners[a.lower[from]] {
		from++
	}
	sp := sitrep.Span{Start: a.toks[from].Start, End: a.toks[to-1].End}
	m := &sitrep.Mention{Span: sp, Text: sp.In(a.text), Name: sp.In(a.text)}
	if e := a.ent[to-1]; e >= 0 {
		en := a.d.Entities[e]
		if en.Contains(sp) || sp.Contains(en.Span) {
			m.Key = en.Key
			if en.Contains(sp) || en.Start == sp.Start {
				m.Name = en.Name
			}
		}
	}
	if useAlias {
		if al, ok := a.lex.aliases[a.joined(from, to)]; ok && !al.pre {
			m.Name = al.name
		}
	}
	return m
}

// phrase returns the noun phrase starting at token i: up to phraseMax
// tokens, ending before punctuation, a preposition, a relative word or a
// participle ("ships suspected of ...").
func (a *annotation) phrase(i, hi int) (from, to int) {
	from, to = i, i
	for to < hi && to-from < phraseMax {
		w := a.lower[to]
		if a.toks[to].Kind == sitrep.Punctuation && a.ent[to] < 0 {
			break
		}
		if a.ent[to] < 0 && to > from && (prepositions[w] || clauseStops[w] || auxiliaries[w] || timeAdverbs[w] ||
			w == "who" || w == "which") {
			break
		}
		// A participle ends the phrase ("ships suspected of ..."), unless
		// only a count or an article comes before it ("15 suspected militants").
		if a.ent[to] < 0 && to > from && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) &&
			a.toks[to-1].Kind != sitrep.Number && !determiners[a.lower[to-1]] {
			break
		}
		to++
	}
	for to > from && (a.lower[to-1] == "and" || a.lower[to-1] == "or") {
		to--
	}
	return from, to
}

// agentPhrase returns the agent after "by": the noun phrase from token i
// (see phrase), ended at its head. A word followed by an article or a
// possessive is a verb ("dock workers shut the port"), and the phrase
// ends before it; a noun that names who acts ends it, unless another
// follows ("dock workers", "army troops").
func (a *annotation) agentPhrase(i, hi int) (from, to int) {
	from, to = a.phrase(i, hi)
	for j := from + 1; j < to; j++ {
		if a.ent[j] < 0 && j+1 < hi && objectStarts[a.lower[j+1]] {
			to = j
			break
		}
	}
	for j := from; j < to; j++ {
		if a.ent[j] < 0 && (actorNouns[a.lower[j]] || agentHeads[a.lower[j]]) &&
			!(j+1 < to && (actorNouns[a.lower[j+1]] || agentHeads[a.lower[j+1]])) {
			return from, j + 1
		}
	}
	return from, to
}

// objectStarts open a noun phrase; a word before one is no noun of the
// phrase before it.
var objectStarts = wordSet("the a an its their his her our this these those")

// agentHeads head phrases that name who did something, besides the actor
// nouns: workers of a trade, who strike.
var agentHeads = wordSet(`union unions teachers nurses doctors drivers miners dockers dockworkers employees
	staff pilots farmers traders lawyers members men women people youths crowd crowds`)

// auxiliaries end a phrase: "attacks on Mexico are likely".
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "may": true,
	"might": true, "should": true, "can": true, "must": true, "did": true, "does": true, "do": true}

// transitive are the labels whose verb triggers take their target as
// object: "arrested three men", "designating six cartels".
var transitive = map[string]bool{"ARREST": true, "ATTACK": true, "ABDUCT_DISSAP": true,
	"DESIGNATION": true, "SEX_VIOL": true, "OPPOSITION": true, "ARMED_CLASH": true,
	"AIR_STRIKE": true, "ART_MISS_ATTACK": true, "REM_EXPLOS": true, "PROPERTY_DISTRUCT": true,
	"GOV_REGAINS_TERIT": true, "NON_STATE_ACTOR_OVERTAKES_TER": true}

// target returns what the event is done to: the phrase after "on",
// "against" or "targeting", or the object of a verb trigger.
func (a *annotation) target(m match, hi int) *sitrep.Mention {
	i := m.to
	if i >= hi {
		return nil
	}
	w := a.lower[i]
	switch {
	case w == "on" || w == "against" || w == "targeting" || w == "with" && m.t.label == "ARMED_CLASH":
		i++
	case transitive[m.t.label] && a.verbLike(m):
		if prepositions[w] || a.toks[i].Kind == sitrep.Punctuation || w == "by" {
			return nil
		}
	default:
		return nil
	}
	if i >= hi {
		return nil
	}
	switch a.lower[i] {
	case "and", "or", "but", "nor":
		return nil
	}
	if auxiliaries[a.lower[i]] {
		return nil
	}
	if a.timeStartsAt(a.toks[i].Start) {
		// "arrested on June 27", "struck on Monday": "on" tells when.
		return nil
	}
	from, to := a.phrase(i, hi)
	content := false
	for j := from; j < to; j++ {
		content = content || !determiners[a.lower[j]]
	}
	if !content {
		return nil
	}
	return a.mention(from, to, true)
}

// timeStartsAt reports whether a time expression of the times layer (kept
// in order of start) begins at byte p.
func (a *annotation) timeStartsAt(p int) bool {
	times := a.d.Times
	k := sort.Search(len(times), func(i int) bool { return times[i].Start >= p })
	return k < len(times) && times[k].Start == p
}

// verbLike reports whether the trigger is a verb that can take an object:
// "arrested", "designating", "opposes".
func (a *annotation) verbLike(m match) bool {
	w := a.lower[m.to-1]
	if m.t.label == "OPPOSITION" || m.t.label == "DESIGNATION" {
		return !strings.HasSuffix(w, "ion")
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// place returns the index of the place of the event: the first place after
// the trigger before the next trigger, else one before it that follows a
// locative preposition; never a place inside the actor's mention.
//
// A noun phrase's place is one a preposition of place introduces after it
// ("the bombings in Kenya"); a place it only mentions ("bombings that
// targeted the United States") or one of the clause it is embedded in
// ("visitors to Nairobi since the bombings") is not.
func (a *annotation) place(m match, lo, bound int, actor *sitrep.Mention, role npRole, npStart int) *int {
	places := a.d.Places
	start, end := a.toks[m.from].Start, a.toks[bound-1].End
	// A place before the trigger is looked for within the subject window only.
	sStart := a.toks[max(lo, m.from-subjectWindow)].Start
	k := sort.Search(len(places), func(i int) bool { return places[i].Start >= sStart })
	var before, after *int
	for i := k; i < len(places) && places[i].Start < end; i++ {
		p := places[i]
		if actor != nil && actor.Overlaps(p.Span) {
			continue
		}
		if p.Start >= a.toks[m.to-1].End {
			if role != verbal && m.to < len(a.toks) && !a.sameClause(a.toks[m.to].Start, a.tokenAt(p.Start), m.to) &&
				!(a.locativeBefore(p.Start, lo) && a.relativeOnly(m.to, a.tokenAt(p.Start))) {
				// "investigate the bombings but there was no word in Washington"
				break
			}
			// "at U.S. embassies in Kenya": a place naming whose embassy
			// is not where the event was.
			if role == npEmbedded && !a.phraseGoesOn(m.to, a.tokenAt(p.Start)) {
				// "the Kenya bombing have been handed over to the United
				// States": the place of another verb.
				break
			}
			modifier := a.modifiesNoun(p.End)
			if a.locativeBefore(p.Start, lo) && !modifier {
				return &i
			}
			if after == nil && !modifier && (role == verbal || role == npAgentive) {
				j := i
				after = &j
			}
			continue
		}
		if role != verbal && p.Start >= a.toks[npStart].Start && p.End <= start && !strings.HasSuffix(a.lower[m.to-1], "s") {
			// "the Kenya embassy bombing"
			j := i
			before = &j
			continue
		}
		if p.End <= start && a.locativeBefore(p.Start, lo) && role != npEmbedded {
			j := i
			before = &j
		}
	}
	if after != nil {
		return after
	}
	return before
}

// modifiesNoun reports whether the token starting at position p continues
// a noun phrase: a word that is no preposition, verb helper or clause word.
func (a *annotation) modifiesNoun(p int) bool {
	t := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= p })
	if t >= len(a.toks) || a.toks[t].Kind != sitrep.Word {
		return false
	}
	w := a.lower[t]
	if a.inTime[t] {
		// "in Kenya and Tanzania Friday"
		return false
	}
	if strings.HasSuffix(w, "ed") && a.ent[t] < 0 {
		// "the embassy in Tanzania killed 10 people": a verb follows.
		return false
	}
	return !prepositions[w] && !clauseStops[w] && !auxiliaries[w] && !timeAdverbs[w] && w != "and" && w != "or"
}

// timeAdverbs may follow a place without continuing its phrase.
var timeAdverbs = map[string]bool{"overnight": true, "yesterday": true, "today": true, "tonight": true,
	"earlier": true, "later": true, "last": true, "this": true, "next": true, "early": true, "late": true}

// locativeBefore reports whether the token before position p is a
// preposition of place.
func (a *annotation) locativeBefore(p, lo int) bool {
	t := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= p })
	for t--; t >= lo && a.lower[t] == "the"; t-- {
	}
	if t < lo {
		return false
	}
	switch a.lower[t] {
	case "in", "at", "near", "off", "outside", "across", "into", "over", "inside", "throughout", "to":
		return true
	}
	return false
}

// time returns the index of the time of the event: the first date or time
// after the trigger before the next trigger, else one before it in the same
// clause (no comma or "that" between).
//
// A noun phrase governed by a word that does not make its doer the
// clause's subject ("condemned the bombing", "in the blast") usually
// recalls an earlier event, and the sentence's time is then the news of
// the day ("condemned the bombing on Thursday"): it keeps only a time
// within its own phrase ("last week's bombings"), or one after it that
// lies before the day of publication ("the bombing ... last month").
func (a *annotation) time(m match, lo, bound int, role npRole, npStart int) *int {
	times := a.d.Times
	sStart, start, end := a.toks[max(lo, m.from-subjectWindow)].Start, a.toks[m.from].Start, a.toks[bound-1].End
	usable := func(t sitrep.Time) bool {
		return t.Type != "SET" && !strings.Contains(t.Value, "REF") && (t.Type != "DURATION" || t.From != "")
	}
	k := sort.Search(len(times), func(i int) bool { return times[i].Start >= sStart })
	var before *int
	for i := k; i < len(times) && times[i].Start < end; i++ {
		t := times[i]
		if !usable(t) {
			continue
		}
		if t.Start >= a.toks[m.to-1].End {
			if role == npEmbedded && !a.beforePublication(t) {
				continue
			}
			if !a.noClauseStop(m.to, a.tokenAt(t.Start)) {
				// "At least 82 were killed, officials said as dawn broke
				// Saturday": the time of the saying.
				break
			}
			return &i
		}
		inPhrase := role != verbal && t.Start >= a.toks[npStart].Start
		if role == npEmbedded && !inPhrase {
			continue
		}
		if t.End <= start && (inPhrase || a.sameClause(t.End, m.from, lo)) {
			j := i
			before = &j
		}
	}
	return before
}

// sameClause reports whether no comma, "that" or reporting word lies between
// position p and token to.
func (a *annotation) sameClause(p, to, lo int) bool {
	for i := to - 1; i >= lo && a.toks[i].Start >= p; i-- {
		if a.lower[i] == "," || clauseStops[a.lower[i]] || a.lower[i] == "who" || a.lower[i] == "which" {
			return false
		}
	}
	return true
}

// sourcing returns the index of the innermost attribution whose scope
// covers the span.
func (a *annotation) sourcing(sp sitrep.Span) *int {
	n := sort.Search(len(a.scopes), func(i int) bool { return a.scopes[i].span.Start > sp.Start })
	best, bestLen := -1, 0
	for k := n - 1; k >= 0 && k >= n-lookBack; k-- {
		s := a.scopes[k]
		if s.span.Contains(sp) && (best < 0 || s.span.Len() < bestLen) {
			best, bestLen = s.attr, s.span.Len()
		}
	}
	if best < 0 {
		return nil
	}
	return &best
}

// counts gives each count of the sentence to the event it belongs to: the
// event whose trigger it holds ("at least 20 airstrikes"), whose target it
// is ("six drug cartels"), else the nearest event that fits its category
// (killed and wounded to acts of violence, arrested to arrests), an
// event that occurred before one that did not.
func (a *annotation) counts(s sitrep.Span, ms []match, idx []int) {
	qs := a.d.Quantities
	evs := a.d.Events
	k := sort.Search(len(qs), func(i int) bool { return qs[i].Start >= s.Start })
	for qi := k; qi < len(qs) && qs[qi].Start < s.End; qi++ {
		q := qs[qi]
		best, bestScore := -1, 0
		// Only the events nearest the count compete for it.
		near := sort.Search(len(idx), func(j int) bool { return evs[idx[j]].Start >= q.Start })
		for j := max(0, near-countReach); j < len(idx) && j < near+countReach; j++ {
			ei := idx[j]
			e := &evs[ei]
			var score int
			switch {
			case q.Contains(e.Span):
				score = 1 << 20
			case e.Target != nil && q.Overlaps(e.Target.Span):
				score = 1 << 19
			case !fits(q.Category, ms[j].t.label):
				continue
			default:
				dist := q.Start - e.End
				if dist < 0 {
					dist = e.Start - q.End
				}
				score = 1<<16 - min(dist, 1<<15)
				if e.Modality == "occurred" {
					score += 1 << 17
				}
			}
			if score > bestScore {
				best, bestScore = ei, score
			}
		}
		if best >= 0 {
			evs[best].Counts = append(evs[best].Counts, qi)
		}
	}
}

// fits reports whether a count of the category can belong to an event with
// the label.
func fits(category, label string) bool {
	switch category {
	case "killed", "wounded", "displaced":
		return violent(label)
	case "strikes":
		return acled[label].typ == typeExplosions || acled[label].typ == typeBattles
	case "arrested":
		return label == "ARREST"
	case "seized":
		return label == "DISR_WEAP" || label == "ARREST"
	}
	return false
}

// evidencePrecedence orders evidence statuses: a sentence with several
// cues takes the first of this list it has.
var evidencePrecedence = []string{"none_public", "disputed", "confirmed", "documented", "claimed"}

// evidence returns the evidence status the cues of tokens [lo, hi) state.
func (a *annotation) evidence(lo, hi int) string {
	found := map[string]bool{}
	for i := lo; i < hi; i++ {
		if c := a.cueAt(i, hi, "evidence"); c != nil {
			found[c.value] = true
			i += len(c.words) - 1
		}
	}
	for _, e := range evidencePrecedence {
		if found[e] {
			return e
		}
	}
	return ""
}

// aggregate reports whether the event sums several incidents: a plural
// trigger counted at two or more ("at least 20 airstrikes"), or running
// over a range of time ("since September"), or called a campaign.
func (a *annotation) aggregate(m match, e *sitrep.Event, lo int) bool {
	w := a.lower[m.to-1]
	plural := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && a.toks[m.to-1].Kind == sitrep.Word
	if !plural {
		return false
	}
	for _, qi := range e.Counts {
		q := a.d.Quantities[qi]
		if q.Category == "strikes" && q.Low != nil && *q.Low >= 2 {
			return true
		}
	}
	if e.Time != nil && a.d.Times[*e.Time].From != "" && a.d.Times[*e.Time].Start > e.Start {
		return true
	}
	for i := max(lo, m.from-4); i < m.from; i++ {
		switch a.lower[i] {
		case "campaign", "series", "wave", "spate":
			return true
		}
	}
	return false
}

// npRole is how a trigger stands in its clause.
type npRole int

const (
	verbal     npRole = iota // a verb ("bombed", "did not strike"), or not read as a noun
	npSubject                // a noun phrase that opens its clause: "The bombings killed 224"
	npAgentive               // the object of a verb of doing: "launched airstrikes", "claimed the attack"
	npEmbedded               // any other noun phrase: "condemned the bombing", "at the blast scene"
)

// npMax bounds the words of a noun phrase read before its trigger.
const npMax = 6

// nominal reads the trigger m as a noun or a verb, and returns how its
// noun phrase stands in the clause and the phrase's first token.
func (a *annotation) nominal(m match, lo int) (npRole, int) {
	last := a.lower[m.to-1]
	if !violent(m.t.label) || strings.HasSuffix(last, "ed") {
		// Statements, threats and designations are read as verbs.
		return verbal, m.from
	}
	p := m.from - 1
	if p < lo {
		return npSubject, m.from
	}
	switch w := a.lower[p]; {
	case auxiliaries[w], w == "not", w == "n't", w == "never":
		return verbal, m.from
	case w == "to" && !strings.HasSuffix(last, "ing") && !strings.HasSuffix(last, "s"):
		// "to attack", but "to bombing victims".
		return verbal, m.from
	case strings.HasSuffix(last, "ing") && a.toks[p].Kind == sitrep.Punctuation && !(p > lo && a.inTime[p-1]):
		// ", killing 80 people": a participle.
		return verbal, m.from
	}
	i := m.from - 1
	for ; i >= lo && m.from-i <= npMax; i-- {
		w := a.lower[i]
		if a.ent[i] >= 0 || a.toks[i].Kind == sitrep.Number || a.inTime[i] {
			// "the Dec. 21, 1988, bombing"
			continue
		}
		if w == "'s" || w == "’s" || w == "'" || w == "’" || w == "," && i > lo && a.inTime[i-1] {
			continue
		}
		if determiners[w] {
			i--
			break
		}
		if a.toks[i].Kind == sitrep.Punctuation || prepositions[w] || clauseStops[w] || auxiliaries[w] ||
			w == "and" || w == "or" || agentive[w] || nonAgentive[w] {
			break
		}
		if strings.HasSuffix(w, "ed") && !(i > lo && determiners[a.lower[i-1]]) {
			break
		}
	}
	start := i + 1
	if i < lo || a.toks[i].Kind == sitrep.Punctuation || clauseStops[a.lower[i]] || a.lower[i] == "and" || a.lower[i] == "but" {
		return npSubject, start
	}
	if prepositions[a.lower[i]] {
		// "responsibility for the bombing", "preparing for a ground operation".
		// "released video of the attack": a word of doing may stand one
		// noun further back.
		for j := i - 1; j >= lo && i-j <= 2; j-- {
			switch w := a.lower[j]; {
			case nonAgentive[w]:
				return npEmbedded, start
			case agentive[w]:
				return npAgentive, start
			}
		}
		return npEmbedded, start
	}
	for j := i; j >= lo && i-j < subjectWindow; j-- {
		w := a.lower[j]
		if clauseStops[w] {
			break
		}
		switch {
		case nonAgentive[w]:
			return npEmbedded, start
		case agentive[w]:
			return npAgentive, start
		}
	}
	return npAgentive, start
}

// agentive are the words whose subject does what their object tells of:
// "launched airstrikes", "claimed responsibility for the bombing", "was
// preparing for a ground operation". Whole words, every inflection listed:
// a prefix would take "government" for "go" and "plane" for "plan".
var agentive = wordSet(`launch launches launched launching carry carries carried carrying
	conduct conducts conducted conducting stage stages staged staging mount mounts mounted mounting
	commit commits committed committing perpetrate perpetrates perpetrated perpetrating perpetrator perpetrators
	order orders ordered ordering authorize authorizes authorized authorizing authorise authorises authorised authorising
	approve approves approved approving responsible responsibility claim claims claimed claiming
	release releases released releasing unleash unleashes unleashed unleashing
	plan plans planned planning prepare prepares prepared preparing preparation preparations
	threaten threatens threatened threatening threat threats vow vows vowed vowing
	promise promises promised promising warn warns warned warning resume resumes resumed resuming
	expand expands expanded expanding escalate escalates escalated escalating
	intensify intensifies intensified intensifying step steps stepped stepping
	begin begins began begun beginning start starts started starting
	execute executes executed executing orchestrate orchestrates orchestrated orchestrating
	mastermind masterminds masterminded masterminding plot plots plotted plotting
	fire fires fired firing detonate detonates detonated detonating plant plants planted planting
	set sets setting deny denies denied denying admit admits admitted admitting
	go goes went gone going lead leads led leading wage wages waged waging
	undertake undertakes undertook undertaken undertaking pursue pursues pursued pursuing`)

// nonAgentive are the words whose subject only speaks of, suffers or
// looks into what their object tells of: "condemned the bombing", "paid
// tribute to bombing victims", "survived the blast".
var nonAgentive = wordSet(`condemn condemns condemned condemning condemnation
	denounce denounces denounced denouncing deplore deplores deplored deploring
	mourn mourns mourned mourning investigate investigates investigated investigating investigation investigations investigators
	probe probes probed probing visit visits visited visiting visitors
	survive survives survived surviving survivor survivors tribute tributes victim victims
	respond responds responded responding response responses blame blames blamed blaming
	recall recalls recalled recalling remember remembers remembered remembering
	regret regrets regretted sympathy sympathies sympathize sympathized condolence condolences
	link links linked linking connect connects connected connection connections
	accuse accuses accused accusing accusation accusations charge charges charged charging
	indict indicts indicted indictment question questions questioned questioning
	inquire inquires inquired inquiry inquiries discuss discusses discussed discussing discussion
	compare compares compared comparing comparison follow follows followed following
	protest protests protested protesting decry decries decried decrying
	hurt hurts injure injures injured injuring injury injuries wound wounds wounded wounding
	kill kills killed killing die dies died dying dead lost lose loses losing loss losses
	rebuild rebuilds rebuilt rebuilding memorial memorials anniversary anniversaries aftermath wake
	retaliate retaliates retaliated retaliating retaliation avenge avenges avenged avenging
	since after allege alleges alleged allegedly allegation allegations
	describe describes described describing call calls called calling term termed label labels labeled labelled`)

// wordSet is the set of the words of s.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// possessor returns who the noun phrase of tokens [from, to) says did its
// act by a possessive: "the group's attack", "bin Laden's bombings".
func (a *annotation) possessor(from, to int) *sitrep.Mention {
	for j := to - 1; j > from; j-- {
		if w := a.lower[j]; w != "'s" && w != "’s" {
			continue
		}
		if f, t, ok := a.subjectAt(j-1, from); ok {
			return a.mention(f, t, true)
		}
	}
	return nil
}

// several reports whether the trigger m tells of several incidents at
// once, as a plural noun does ("the bombings", "attacks"), and whether its
// phrase names places apart from each other ("in Kenya and Tanzania", "in
// Nairobi and Dar es Salaam"), so that no one place is the event's.
func (a *annotation) several(m match, role npRole, npStart, bound int) (several, apartPlaces bool) {
	w := a.lower[m.to-1]
	if role == verbal || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || a.toks[m.to-1].Kind != sitrep.Word {
		return false, false
	}
	return true, a.apartAfter(m, bound)
}

// apartAfter reports whether the places after the trigger m, before token
// bound, are apart from each other (see apart).
func (a *annotation) apartAfter(m match, bound int) bool {
	places := a.d.Places
	end := a.toks[bound-1].End
	k := sort.Search(len(places), func(i int) bool { return places[i].Start >= a.toks[m.to-1].End })
	var seen []sitrep.Place
	for i := k; i < len(places) && places[i].Start < end && len(seen) < 8; i++ {
		p := places[i]
		t := a.tokenAt(p.Start)
		if !a.noClauseStop(m.to, t) {
			break
		}
		// Only where the acts were: a place after a preposition of place,
		// or joined to one ("in Kenya and Tanzania"); not "with U.S.
		// intelligence agencies".
		joined := len(seen) > 0 && t > 0 && (a.lower[t-1] == "and" || a.lower[t-1] == "," || a.lower[t-1] == "or")
		on := t > 0 && (a.lower[t-1] == "on" || a.lower[t-1] == "against") // "air raids on Afghanistan and Sudan"
		if !joined && (!on && !a.locativeBefore(p.Start, 0) || a.modifiesNoun(p.End)) {
			// "outside the U.S. embassy in Tanzania": the embassy's state
			// is not a place of the act.
			continue
		}
		for _, q := range seen {
			if apart(p, q) {
				return true
			}
		}
		seen = append(seen, p)
	}
	return false
}

// apart reports whether two places are distinct and neither holds the
// other: two countries, or cities of two countries, or two cities of one.
func apart(p, q sitrep.Place) bool {
	if p.Country == "" || q.Country == "" || strings.EqualFold(p.Name, q.Name) {
		return false
	}
	if p.Country != q.Country {
		return true
	}
	return p.Kind == "city" && q.Kind == "city"
}

// beforePublication reports whether the time ends before the day the
// article was published; true when the article has no date.
func (a *annotation) beforePublication(t sitrep.Time) bool {
	pub := a.d.Published
	if pub.IsZero() {
		return true
	}
	v := t.Value
	if t.Until != "" {
		v = t.Until
	}
	last, ok := lastDay(v)
	return ok && last < pub.UTC().Format(time.DateOnly)
}

// lastDay is the last day a TIMEX3 calendar value covers, as YYYY-MM-DD.
func lastDay(v string) (string, bool) {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	switch {
	case len(v) == 10:
		if _, err := time.Parse(time.DateOnly, v); err == nil {
			return v, true
		}
	case len(v) == 7:
		if t, err := time.Parse("2006-01", v); err == nil {
			return t.AddDate(0, 1, -1).Format(time.DateOnly), true
		}
	case len(v) == 4:
		if _, err := time.Parse("2006", v); err == nil {
			return v + "-12-31", true
		}
	case len(v) == 8 && v[5] == 'W':
		y, err1 := time.Parse("2006", v[:4])
		var w int
		_, err2 := fmt.Sscanf(v[6:], "%d", &w)
		if err1 == nil && err2 == nil && w >= 1 && w <= 53 {
			jan4 := y.AddDate(0, 0, 3)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
			return monday.AddDate(0, 0, 6).Format(time.DateOnly), true
		}
	}
	return "", false
}

// leaderTitles are the titles of a head of state or government, who acts
// for the state when speaking of it as "we".
var leaderTitles = []string{"president", "prime minister", "premier", "chancellor", "king", "emir",
	"sultan", "supreme leader", "head of state"}

// speakerActor is the actor a person acts as: a head of state or
// government saying "we" in a threat speaks for the state's government
// ("Will we go on strike in Mexico?", said by the US president, is a threat
// by the United States government), and the strikes he orders are his
// government's, as the actors lexicon reads "the White House"; anyone else
// stays themself.
func (a *annotation) speakerActor(sp sitrep.Mention) *sitrep.Mention {
	out := sp
	if sp.Key == "" {
		return &out
	}
	if a.leaders == nil {
		// Built once: the government each leader's mentions tie them to.
		a.leaders = map[string]string{}
		for i := range a.d.Entities {
			e := &a.d.Entities[i]
			if _, done := a.leaders[e.Key]; done || e.Key == "" || !slices.ContainsFunc(e.Titles, isLeaderTitle) {
				continue
			}
			if gov := a.governmentOf(e); gov != "" {
				a.leaders[e.Key] = gov
			}
		}
	}
	if gov, ok := a.leaders[sp.Key]; ok {
		out.Name = gov
	}
	return &out
}

func isLeaderTitle(t string) bool {
	t = strings.ToLower(t)
	if strings.Contains(t, "vice") || strings.Contains(t, "deputy") || strings.Contains(t, "former") {
		return false
	}
	for _, l := range leaderTitles {
		if strings.Contains(t, l) {
			return true
		}
	}
	return false
}

// governmentOf names the government of the state an entity mention's
// title ties it to: a state written in the title or right before the
// mention ("US President Donald Trump", "Kenyan President Daniel arap
// Moi"), or a country after it ("President Moi of Kenya").
func (a *annotation) governmentOf(e *sitrep.Entity) string {
	for _, t := range e.Titles {
		for _, w := range strings.Fields(strings.ToLower(t)) {
			if al, ok := a.lex.aliases[w]; ok && al.pre {
				return al.name
			}
		}
	}
	lo, hi := a.tokenRange(e.Span)
	for i := lo - 1; i >= 0 && lo-i <= 4 && a.toks[i].Kind != sitrep.Punctuation; i-- {
		if g := a.governmentAt(i); g != "" {
			return g
		}
	}
	if hi+1 < len(a.toks) && a.lower[hi] == "of" {
		return a.governmentAt(hi + 1)
	}
	return ""
}

// governmentAt names the government of the state token i names: a state
// of the actors lexicon ("US", "Mexican"), or a country of the places
// layer.
func (a *annotation) governmentAt(i int) string {
	if al, ok := a.lex.aliases[a.lower[i]]; ok && al.pre {
		return al.name
	}
	ps := a.d.Places
	k := sort.Search(len(ps), func(j int) bool { return ps[j].End > a.toks[i].Start })
	if k < len(ps) && ps[k].Start <= a.toks[i].Start && ps[k].Kind == "country" && ps[k].Name != "" {
		return ps[k].Name + " government"
	}
	return ""
}

func timeSpans(ts []sitrep.Time) []sitrep.Span {
	out := make([]sitrep.Span, len(ts))
	for i, t := range ts {
		out[i] = t.Span
	}
	return out
}

func placeSpans(ps []sitrep.Place) []sitrep.Span {
	out := make([]sitrep.Span, len(ps))
	for i, p := range ps {
		out[i] = p.Span
	}
	return out
}

// marks returns, for each token, whether one of the spans covers it.
func (a *annotation) marks(spans []sitrep.Span) []bool {
	out := make([]bool, len(a.toks))
	for _, sp := range spans {
		if sp.Start < 0 || sp.End <= sp.Start {
			continue
		}
		i := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].End > sp.Start })
		for ; i < len(a.toks) && a.toks[i].Start < sp.End; i++ {
			out[i] = true
		}
	}
	return out
}

// tokenAt is the index of the first token starting at or after position p.
func (a *annotation) tokenAt(p int) int {
	return sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= p })
}

// relativeOnly reports whether the only clause boundary among tokens
// [from, to) is a relative pronoun: "an explosion that took place near the
// embassy in Dar es Salaam".
func (a *annotation) relativeOnly(from, to int) bool {
	for i := from; i < to; i++ {
		switch w := a.lower[i]; {
		case w == "that" || w == "which":
		case w == "," || clauseStops[w] || w == "who":
			return false
		}
	}
	return true
}

// noClauseStop reports whether no word that opens another clause
// ("said", "that", "when") lies among tokens [from, to).
func (a *annotation) noClauseStop(from, to int) bool {
	for i := from; i < to && i < len(a.lower); i++ {
		if w := a.lower[i]; clauseStops[w] && a.toks[i].Kind == sitrep.Word || w == "who" || w == "which" {
			return false
		}
	}
	return true
}

// phraseGoesOn reports whether tokens [from, to) after a noun trigger still
// belong to its phrase: no verb helper and no past form starts another
// predicate, except within a relative clause ("the bombings that killed
// 224 people in Kenya").
func (a *annotation) phraseGoesOn(from, to int) bool {
	relative := false
	for i := from; i < to && i < len(a.lower); i++ {
		w := a.lower[i]
		switch {
		case w == "that" || w == "which":
			relative = true
		case relative:
		case auxiliaries[w]:
			return false
		case strings.HasSuffix(w, "ed") && a.ent[i] < 0 && !(i > from && determiners[a.lower[i-1]]):
			return false
		}
	}
	return true
}
