package story

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/text"
)

// Report is one article's telling of an incident: one event mention, with
// the sentence it was found in and the counts and sourcing it carries.
type Report struct {
	Article   string    `json:"article"`
	Source    string    `json:"source"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Published time.Time `json:"published"`
	Event     int       `json:"event"` // index in the article's Events
	Text      string    `json:"text"`  // the event's trigger text
	Sentence  string    `json:"sentence"`
	Modality  string    `json:"modality"`
	Evidence  string    `json:"evidence"`
	// Sourcing is the attribution chain the event is told under, "NBC ← two
	// anonymous administration officials"; empty when the article tells it
	// in its own voice.
	Sourcing string  `json:"sourcing"`
	Counts   []Count `json:"counts"`
	// DuplicateOf is the article this report's article reprints; a copy is
	// listed but never counted as an independent source.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Incident is one real-world event as told by every report of it.
type Incident struct {
	// ID is the story's ID, "-" and 12 hex digits of a hash of the earliest
	// original report (article and event index): stable as long as that
	// report stays the earliest.
	ID        string        `json:"id"`
	Story     string        `json:"story"`
	Type      string        `json:"type"`
	Subtype   string        `json:"subtype"`
	Plover    string        `json:"plover"`
	Cameo     string        `json:"cameo"`
	Modality  string        `json:"modality"`
	Evidence  string        `json:"evidence"`
	Aggregate bool          `json:"aggregate"`
	Actor     *Entity       `json:"actor"`
	Target    *Entity       `json:"target"`
	Place     *sitrep.Place `json:"place"`
	// From and Until bound when it happened, as TIMEX3 dates ("" unknown).
	From    string   `json:"from"`
	Until   string   `json:"until"`
	Reports []Report `json:"reports"`
	// Sources is the number of independent sources: distinct outlets of
	// the reports that are not copies.
	Sources    int      `json:"sources"`
	Tally      Tally    `json:"tally"`
	Follows    []string `json:"follows"`
	FollowedBy []string `json:"followed_by"`
}

// Incidents merges the event mentions of one story's articles into
// incidents, one per real-world event, each listing every report of it.
// members says which articles are copies (DuplicateOf) and gives their
// outlet and date; an article missing from members is taken as an original
// with its own Source and Published. ents resolves actors and targets
// across articles; when it is nil a registry is built over docs for the
// call.
//
// Two mentions are one incident when they agree on all of:
//
//   - what: the same ACLED event type (and, for strategic developments, the
//     same sub-event type: a threat is not a designation); the three types
//     of political violence may mix when the place agrees (below), and
//     always for a mention that does not name the act (a bare toll, "at
//     least 82 were killed", or a bare "attack"), which joins the act other
//     reports name; a strike from the air or from afar (air strike,
//     shelling, missiles) and a bomb set off on the ground are not one act
//     unless told at one place; both are campaigns or aggregates
//     (Event.Aggregate: "at least 20 strikes since September", "the
//     bombings in Kenya and Tanzania") or both single incidents: an
//     aggregate is an incident of its own, distinct from the single
//     incidents it sums;
//   - modality: what happened (occurred, or reported but unconfirmed),
//     what was threatened, what was planned and what was denied are four
//     kinds of incident that never merge with each other. Hypothetical
//     events ("if Trump really wanted to carry out an attack") are not
//     incidents, and a negated occurrence ("did not strike") counts as
//     denied;
//   - who: the same global actor when both name one, the same global target
//     when both name a target linked to an entity, unless the place agrees:
//     the same place, or one containing the other on the same day. Reports
//     name a perpetrator late and differently, and the annotator's actor is
//     sometimes a bystander;
//   - where: the same place or one containing the other (Nairobi is in
//     Kenya; a city in an admin1 division in it); waters only with the same
//     waters, except that campaigns at sea merge across seas;
//   - when: their time ranges overlap, a day either way. A mention with no
//     time happened at the latest on its article's publication day; a
//     mention whose own time ended more than incRecallDays before an
//     untimed incident was first reported recalls an earlier event.
//
// A single act of violence that names no place takes the place its
// article gives its other single acts of the same kind when they are all
// in one country, else the article's dateline when one of them is there
// (see incInheritPlaces): "the bomb went off, killing 247 people" in an
// article datelined NAIROBI.
//
// Among several fitting incidents a mention joins the one sharing most
// (same place, actor, target, known time, sub-event type, counts). Mentions
// are taken in order of publication, so the result does not depend on the
// order of docs. Candidates are bucketed by modality, type and country
// (or waters) and only the latest incMaxCandidates of a bucket are compared,
// so the cost grows linearly with the number of mentions.
//
// Threatened and planned incidents are linked (Follows, FollowedBy) to a
// later occurred incident by the same actor on the same target or at a
// compatible place.
func Incidents(story string, docs []*sitrep.Doc, members []Membership, ents *Entities) []Incident {
	if ents == nil {
		ents = NewEntities()
		for _, d := range docs {
			ents.Add(d)
		}
	}
	byArticle := make(map[string]Membership, len(members))
	for _, m := range members {
		byArticle[m.Article] = m
	}
	var ms []*incMention
	for _, d := range docs {
		if d == nil {
			continue
		}
		m, ok := byArticle[d.ID]
		if !ok {
			m = Membership{Article: d.ID, Source: d.Source, Published: d.Published}
		}
		m.Source = entClip(cmp.Or(m.Source, d.Source))
		if m.Published.IsZero() {
			m.Published = d.Published
		}
		ms = append(ms, incInheritPlaces(d, incMentions(d, m, ents))...)
	}
	slices.SortStableFunc(ms, incCompareMentions)

	var incs []*incState
	buckets := map[string]*incBucket{}
	for _, m := range ms {
		b := buckets[m.bucket]
		if b == nil {
			b = &incBucket{byRegion: map[string][]*incState{}}
			buckets[m.bucket] = b
		}
		var best *incState
		bestScore := 0
		for _, c := range b.candidates(m.region) {
			s, ok := c.fit(m)
			if ok && (best == nil || s > bestScore || (s == bestScore && c.seq < best.seq)) {
				best, bestScore = c, s
			}
		}
		if best == nil {
			best = &incState{seq: len(incs), aggregate: m.ev.Aggregate, class: m.class, typeKey: m.typeKey, lo: incOpenFrom, hi: incOpenUntil}
			incs = append(incs, best)
			b.all = append(b.all, best)
		}
		best.join(m)
		b.place(best)
	}

	out := make([]Incident, len(incs))
	for i, s := range incs {
		out[i] = s.incident(story)
	}
	incLinkThreats(out, incs)
	return out
}

// incMaxCandidates bounds the incidents one mention is compared with in a
// bucket list: a story's mentions of one type at one place are in practice
// far fewer, and hostile input stays linear.
const incMaxCandidates = 128

// incMaxKilled bounds the killed counts an incident keeps for scoring.
const incMaxKilled = 8

// incMention is one event mention with its roles resolved.
type incMention struct {
	doc     *sitrep.Doc
	ev      *sitrep.Event
	index   int
	member  Membership
	class   string // occurred, threatened, planned, denied
	bucket  string
	typeKey string
	region  string
	actor   *Entity
	target  *Entity
	linked  bool // the target is linked to a document entity
	place   *sitrep.Place
	from    int  // days since 1970-01-01; incOpenFrom when unknown
	until   int  // incOpenUntil when unknown
	own     bool // from and until come from the event's own time
	generic bool // a bare toll (incTollOnly) or a bare attack: it does not name the act
	report  Report
}

const (
	incOpenFrom  = -1 << 30
	incOpenUntil = 1 << 30
)

// incMentions resolves the event mentions of one document.
func incMentions(d *sitrep.Doc, m Membership, ents *Entities) []*incMention {
	var out []*incMention
	var sents []sitrep.Span
	for i := range d.Events {
		// A copy with its labels clipped: hostile labels must not make each
		// comparison cost their length.
		e := d.Events[i]
		e.Type, e.Subtype, e.Plover, e.Cameo = entClip(e.Type), entClip(e.Subtype), entClip(e.Plover), entClip(e.Cameo)
		e.Modality, e.Evidence = entClip(e.Modality), entClip(e.Evidence)
		ev := &e
		class := incClass(ev)
		if class == "" {
			continue
		}
		if sents == nil {
			sents = incSentences(d)
		}
		im := &incMention{doc: d, ev: ev, index: i, member: m, class: class,
			from: incOpenFrom, until: incOpenUntil}
		im.actor = ents.mention(d.ID, ev.Actor, "ORG")
		im.target = ents.mention(d.ID, ev.Target, "ORG")
		im.linked = ev.Target != nil && ev.Target.Key != ""
		if p := ev.Place; p != nil && *p >= 0 && *p < len(d.Places) {
			pl := d.Places[*p]
			pl.Name, pl.Kind, pl.Country, pl.ID = entClip(pl.Name), entClip(pl.Kind), entClip(pl.Country), entClip(pl.ID)
			im.place = &pl
		}
		if t := ev.Time; t != nil && *t >= 0 && *t < len(d.Times) {
			im.from, im.until = incTimeRange(d.Times[*t])
			im.own = im.from != incOpenFrom || im.until != incOpenUntil
		}
		if im.until == incOpenUntil && class == "occurred" && !m.Published.IsZero() {
			// What a report says happened, happened by the time it was
			// published.
			im.until = incDay(m.Published)
		}
		im.generic = incTollOnly(ev) || ev.Subtype == incGenericSubtype
		im.region = incRegion(im.place, ev.Aggregate)
		im.typeKey = incTypeKey(ev)
		im.bucket = class + "|" + incFamily(ev) + "|" + strconv.FormatBool(ev.Aggregate)
		im.report = incReport(d, ev, i, m, sents)
		out = append(out, im)
	}
	return out
}

// incInheritPlaces gives the single acts of violence of one article that
// name no place the place the article puts its acts at: an article about
// one bombing says where it was once ("the blast in Nairobi") and then
// "the bomb went off, killing 247 people". That place is the one all its
// placed single acts of violence share (the country, when they name it and
// its cities), else, when they are in several countries, the article's
// dateline ("NAIROBI, Kenya (AP) _") if one of them is there: a reporter
// writes of the blast in front of him. Otherwise they stay without a place.
//
// Strikes from the air or from afar and acts on the ground are taken apart:
// an article datelined in Nairobi about the bombing there also tells of
// the air raid on Afghanistan.
func incInheritPlaces(d *sitrep.Doc, ms []*incMention) []*incMention {
	incInheritKind(d, ms, false)
	incInheritKind(d, ms, true)
	return ms
}

// incInheritKind is incInheritPlaces for the acts whose incStrikeKind is
// strike.
func incInheritKind(d *sitrep.Doc, ms []*incMention, strike bool) {
	single := func(m *incMention) bool {
		return !m.ev.Aggregate && incFamily(m.ev) == "violence" && m.class == "occurred" &&
			incStrikeKind(m.ev.Subtype) == strike
	}
	var place *sitrep.Place
	several := false
	for _, m := range ms {
		if m.place == nil || !single(m) {
			continue
		}
		switch {
		case place == nil:
			place = m.place
		case incRegion(place, false) != incRegion(m.place, false):
			several = true
		case incContains(m.place, place):
			// The country rather than one of its cities: the act may be
			// anywhere in it.
			place = m.place
		}
	}
	if several {
		place = nil
		if dl := incDateline(d); dl != nil {
			for _, m := range ms {
				if m.place != nil && single(m) && (incSamePlace(m.place, dl) || incContains(m.place, dl) || incContains(dl, m.place)) {
					place = dl
					break
				}
			}
		}
	}
	if place == nil {
		return
	}
	for _, m := range ms {
		if m.place == nil && single(m) {
			m.place = place
			m.region = incRegion(place, false)
		}
	}
}

// incDateline is the place a wire article's dateline names: a place in
// capitals that opens the text ("NAIROBI, Kenya (AP) _"); nil when there
// is none.
func incDateline(d *sitrep.Doc) *sitrep.Place {
	for i := range d.Places {
		p := &d.Places[i]
		if p.Start < 0 || p.End > len(d.Text) || p.Start >= p.End || strings.TrimSpace(d.Text[:p.Start]) != "" {
			continue
		}
		if t := d.Text[p.Start:p.End]; t != strings.ToUpper(t) || incWater(p) {
			return nil
		}
		pl := *p
		pl.Name, pl.Kind, pl.Country, pl.ID = entClip(pl.Name), entClip(pl.Kind), entClip(pl.Country), entClip(pl.ID)
		return &pl
	}
	return nil
}

// incClass is the kind of incident an event mention is, "" for none.
func incClass(ev *sitrep.Event) string {
	switch ev.Modality {
	case "hypothetical":
		return ""
	case "threatened", "planned", "denied":
		return ev.Modality
	}
	if ev.Negated {
		return "denied"
	}
	return "occurred"
}

// incTypeKey is what must be equal for two mentions to merge.
func incTypeKey(ev *sitrep.Event) string {
	if ev.Type == "" || ev.Type == "Strategic developments" {
		return ev.Type + "/" + ev.Subtype
	}
	return ev.Type
}

// incFamily is the bucket of an event's type: the three types of
// political violence share one, since reports call one event by several
// of them (see incState.fit); every other type is its own.
func incFamily(ev *sitrep.Event) string {
	switch ev.Type {
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		return "violence"
	}
	return incTypeKey(ev)
}

// incRegion is the bucket of a place: its country on land, the waters'
// ID at sea (all waters one bucket for a campaign), "" when unknown.
func incRegion(p *sitrep.Place, aggregate bool) string {
	switch {
	case p == nil:
		return ""
	case incWater(p):
		if aggregate {
			return "water"
		}
		return "water:" + p.ID
	case p.Country != "":
		return "country:" + p.Country
	}
	return "place:" + cmp.Or(p.ID, strings.ToLower(p.Name))
}

func incWater(p *sitrep.Place) bool {
	if strings.HasPrefix(p.ID, "waters-off:") {
		return true
	}
	k, ok := gazetteer.ParseKind(p.Kind)
	return ok && k.Water()
}

func incCompareMentions(a, b *incMention) int {
	ta, tb := a.member.Published, b.member.Published
	if ta.IsZero() != tb.IsZero() {
		// Undated articles last: a dated report is a better anchor.
		return incCompareBool(ta.IsZero(), tb.IsZero())
	}
	return cmp.Or(ta.Compare(tb), cmp.Compare(a.doc.ID, b.doc.ID), cmp.Compare(a.index, b.index))
}

func incCompareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// incBucket holds the incidents of one modality, type and campaign flag.
type incBucket struct {
	all      []*incState
	byRegion map[string][]*incState
}

// candidates returns the incidents a mention in region may join: those of
// the region and those with no place, or, for a mention with no place, the
// latest of all.
func (b *incBucket) candidates(region string) []*incState {
	last := func(l []*incState) []*incState { return l[max(0, len(l)-incMaxCandidates):] }
	if region == "" {
		return last(b.all)
	}
	return append(slices.Clip(last(b.byRegion[region])), last(b.byRegion[""])...)
}

// place files s under its region once it has one.
func (b *incBucket) place(s *incState) {
	r := incRegion(s.place, s.aggregate)
	if s.filed != nil && s.filed[r] {
		return
	}
	if s.filed == nil {
		s.filed = map[string]bool{}
	}
	s.filed[r] = true
	b.byRegion[r] = append(b.byRegion[r], s)
}

// incState is an incident being built.
type incState struct {
	seq       int
	class     string
	typeKey   string
	aggregate bool
	mentions  []*incMention
	actor     *Entity
	actors    map[string]int // reports naming each actor
	target    *Entity
	linked    bool
	place     *sitrep.Place
	lo, hi    int // the intersection of the mentions' time ranges, publication bounds included
	from      int // what the mentions say of the time, when timed
	until     int
	timed     bool
	killed    []Count
	filed     map[string]bool
	subtype   string // the sub-event type of the first mention that names the act
	generic   bool   // every mention is generic (incMention.generic)
}

// fit scores how well m fits s; ok is false when it does not fit.
//
// Place and time come first: when m is at the same place as s (and their
// times agree), or in a place containing it or contained in it on the same
// day, a different actor or target, or another type of violence, lowers
// the score instead of ruling m out.
// Reports name the perpetrator of a bombing late and differently ("unknown
// attackers", a group, a state), and call one blast an attack, a bombing or
// an explosion.
func (s *incState) fit(m *incMention) (score int, ok bool) {
	samePlace, contained := false, false
	if s.place != nil && m.place != nil {
		switch {
		case incSamePlace(s.place, m.place):
			score += 3
			samePlace = true
		case incContains(s.place, m.place) || incContains(m.place, s.place):
			score++
			contained = true
		case s.aggregate && incWater(s.place) && incWater(m.place):
		default:
			return 0, false
		}
	}
	if max(s.lo, m.from) > min(s.hi, m.until)+1 {
		return 0, false
	}
	if m.own && !s.timed && s.hi != incOpenUntil && m.until < s.hi-incRecallDays {
		// A time well before the incident was first reported is an earlier
		// event the reports recall ("since the Oklahoma City bombing in
		// 1995"), not this one.
		return 0, false
	}
	sameDay := s.timed && m.own
	if sameDay {
		score += 2
	}
	strong := samePlace || (contained && sameDay)
	if s.actor != nil && m.actor != nil {
		switch {
		case s.actor.Key == m.actor.Key:
			score += 2
		case !strong:
			return 0, false
		default:
			score -= 2
		}
	}
	if s.target != nil && m.target != nil {
		switch {
		case s.target.Key == m.target.Key:
			score += 2
		case s.linked && m.linked && !strong:
			return 0, false
		}
	}
	// A bare toll ("at least 82 were killed") or a bare "attack" tells of
	// whatever act it was, which other reports name: either may join an
	// incident of another type, and an incident told so far only in such
	// words may be joined by the act's own name.
	generic := m.generic || s.generic
	if s.typeKey != m.typeKey {
		if !strong && !generic {
			return 0, false
		}
		if !generic {
			score--
		}
	}
	if incStrikeKind(s.subtype) != incStrikeKind(m.ev.Subtype) && !strong && !generic {
		// A strike from the air or from afar is not a bomb set off on the
		// ground, unless both are told at one place: the twin bombings are
		// not the missile strikes that answered them.
		return 0, false
	}
	if s.subtype == m.ev.Subtype && !m.generic {
		score++
	}
	for _, c := range m.report.Counts {
		if c.Category != "killed" || c.Copy {
			continue
		}
		for _, k := range s.killed {
			if talOverlap(c, k) {
				score++
				break
			}
		}
	}
	return score, true
}

// incStrikeKind reports whether a sub-event type is a strike from the air
// or from afar.
func incStrikeKind(subtype string) bool {
	return subtype == "Air/drone strike" || subtype == "Shelling/artillery/missile attack"
}

// incRecallDays is how long before an untimed incident's first report a
// mention's own time may end and still be that incident's.
const incRecallDays = 7

// incGenericSubtype is the sub-event type of an act reports name only as
// an attack.
const incGenericSubtype = "Attack"

// incTollOnly reports whether an event mention is a bare toll, a verb of
// killing with no one said to kill ("at least 82 were killed"): the annotator
// keeps such a mention only for its toll, and the act it counts is
// whichever violent incident fits its place and time.
func incTollOnly(ev *sitrep.Event) bool {
	if ev.Cameo != "1823" || ev.Actor != nil || ev.Aggregate {
		return false
	}
	switch strings.ToLower(ev.Text) {
	case "killed", "kill", "killing", "killings":
		return true
	}
	return false
}

// join adds m to s and narrows what s knows.
func (s *incState) join(m *incMention) {
	if len(s.mentions) == 0 || s.generic && !m.generic {
		// The first report that names the act says what it was.
		s.typeKey, s.subtype = m.typeKey, m.ev.Subtype
	}
	s.generic = (len(s.mentions) == 0 || s.generic) && m.generic
	s.mentions = append(s.mentions, m)
	if m.actor != nil {
		// The actor most reports name, the first named on a tie: one
		// report's misreading does not speak for the incident.
		if s.actors == nil {
			s.actors = map[string]int{}
		}
		s.actors[m.actor.Key]++
		if s.actor == nil || s.actors[m.actor.Key] > s.actors[s.actor.Key] {
			s.actor = m.actor
		}
	}
	if m.target != nil && (s.target == nil || (!s.linked && m.linked)) {
		s.target, s.linked = m.target, m.linked
	}
	if m.place != nil && (s.place == nil || incContains(s.place, m.place)) {
		s.place = m.place
	}
	if lo, hi := max(s.lo, m.from), min(s.hi, m.until); lo <= hi {
		s.lo, s.hi = lo, hi
	}
	if m.own {
		// Only what the reports say of the time is the incident's time:
		// the publication bound says when it was reported.
		from, until := m.from, m.until
		if s.timed {
			from, until = max(from, s.from), min(until, s.until)
		}
		if from <= until {
			s.from, s.until, s.timed = from, until, true
		}
	}
	for _, c := range m.report.Counts {
		if c.Category == "killed" && !c.Copy {
			// The latest few are enough to prefer an incident whose toll
			// agrees, and keep the comparison cheap.
			if len(s.killed) == incMaxKilled {
				s.killed = s.killed[1:]
			}
			s.killed = append(s.killed, c)
		}
	}
}

// incident renders s.
func (s *incState) incident(story string) Incident {
	reports := make([]Report, len(s.mentions))
	for i, m := range s.mentions {
		reports[i] = m.report
	}
	first := s.mentions[0]
	for _, m := range s.mentions {
		if m.member.DuplicateOf == "" {
			first = m
			break
		}
	}
	sum := sha256.Sum256([]byte(first.doc.ID + "#" + strconv.Itoa(first.index)))
	inc := Incident{
		ID:         story + "-" + hex.EncodeToString(sum[:])[:12],
		Story:      story,
		Aggregate:  s.aggregate,
		Actor:      s.actor,
		Target:     s.target,
		Place:      s.place,
		Reports:    reports,
		Follows:    []string{},
		FollowedBy: []string{},
	}
	ev := incMajority(s.mentions)
	inc.Type, inc.Subtype, inc.Plover, inc.Cameo = ev.Type, ev.Subtype, ev.Plover, ev.Cameo
	inc.Modality = s.class
	if s.class == "occurred" {
		inc.Modality = "unconfirmed"
		for _, m := range s.mentions {
			if m.ev.Modality != "unconfirmed" {
				inc.Modality = "occurred"
				break
			}
		}
	}
	for _, m := range s.mentions {
		if incEvidenceRank(m.ev.Evidence) > incEvidenceRank(inc.Evidence) {
			inc.Evidence = m.ev.Evidence
		}
	}
	if s.timed {
		inc.From, inc.Until = incDate(s.from), incDate(s.until)
		if s.from == incOpenFrom {
			inc.From = ""
		}
		if s.until == incOpenUntil {
			inc.Until = ""
		}
	}
	inc.Recount()
	return inc
}

// Recount sets Sources and Tally from the incident's Reports: what a
// reviewer's merge or split of incidents needs redone.
func (inc *Incident) Recount() {
	outlets := map[string]bool{}
	var counts []Count
	for _, r := range inc.Reports {
		if r.DuplicateOf == "" {
			outlets[strings.ToLower(cmp.Or(r.Source, "article "+r.Article))] = true
		}
		counts = append(counts, r.Counts...)
	}
	inc.Sources = len(outlets)
	inc.Tally = talTally(counts)
}

// incMajority is the event whose type and subtype most reports give, the
// earliest on a tie; bare tolls and attacks (incMention.generic) count
// only when no report names the act.
func incMajority(ms []*incMention) *sitrep.Event {
	n := map[string]int{}
	best, bestN := ms[0].ev, 0
	acts := slices.ContainsFunc(ms, func(m *incMention) bool { return !m.generic })
	for _, m := range ms {
		if acts && m.generic {
			// A bare toll or attack does not say what the act was.
			continue
		}
		k := m.ev.Type + "\x00" + m.ev.Subtype
		n[k]++
		if n[k] > bestN {
			best, bestN = m.ev, n[k]
		}
	}
	return best
}

// incEvidenceRank orders evidence statuses by how much they tell a reader:
// responsibility accepted, then material released, then a dispute, then a
// bare claim, then the absence of public evidence.
func incEvidenceRank(e string) int {
	switch e {
	case "confirmed":
		return 5
	case "documented":
		return 4
	case "disputed":
		return 3
	case "claimed":
		return 2
	case "none_public":
		return 1
	}
	return 0
}

// incSamePlace reports whether two places are the same gazetteer entry.
func incSamePlace(a, b *sitrep.Place) bool {
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Name != "" && strings.EqualFold(a.Name, b.Name) && incWater(a) == incWater(b)
}

// incContains reports whether place a contains place b: a country its
// divisions and cities, an admin1 division its admin2 divisions and
// cities. Land never contains waters, even off its own coast.
func incContains(a, b *sitrep.Place) bool {
	if incWater(a) || incWater(b) || a.Country == "" || a.Country != b.Country {
		return false
	}
	ka, _ := gazetteer.ParseKind(a.Kind)
	kb, _ := gazetteer.ParseKind(b.Kind)
	switch {
	case ka == gazetteer.Country:
		return kb == gazetteer.Admin1 || kb == gazetteer.Admin2 || kb == gazetteer.City
	case ka == gazetteer.Admin1 && (kb == gazetteer.City || kb == gazetteer.Admin2):
		admin := incAdmin1(b)
		return admin != "" && strings.EqualFold(admin, a.Name)
	}
	return false
}

// incAdmin1 is the admin1 division of a city or admin2 place, from the
// gazetteer entry its ID names.
func incAdmin1(p *sitrep.Place) string {
	if p.Name == "" || len(p.Name) > 200 {
		return ""
	}
	for _, e := range gazetteer.Default().Lookup(p.Name) {
		if strconv.FormatUint(uint64(e.ID), 10) == p.ID {
			return e.Admin1
		}
	}
	return ""
}

// incTimeRange reads a time's TIMEX3 value (or its From and Until) as a
// range of days, open where it says nothing (PRESENT_REF, durations; the
// start of a time "before" a date).
func incTimeRange(t sitrep.Time) (from, until int) {
	from, until = incOpenFrom, incOpenUntil
	if t.From != "" || t.Until != "" {
		if f, _, ok := incParseDate(t.From); ok {
			from = f
		}
		if _, u, ok := incParseDate(t.Until); ok {
			until = u
		}
		if from > until {
			return incOpenFrom, incOpenUntil
		}
		return from, until
	}
	f, u, ok := incParseDate(t.Value)
	switch {
	case !ok:
	case t.Mod == "BEFORE" || t.Mod == "ON_OR_BEFORE":
		until = u
	case t.Mod == "AFTER" || t.Mod == "ON_OR_AFTER":
		from = f
	default:
		from, until = f, u
	}
	return from, until
}

// incParseDate reads a TIMEX3 calendar date (YYYY, YYYY-MM, YYYY-MM-DD,
// YYYY-Www; a time of day after "T" is ignored) as its first and last day.
func incParseDate(v string) (from, until int, ok bool) {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	if len(v) < 4 {
		return 0, 0, false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || y < 1 {
		return 0, 0, false
	}
	switch {
	case len(v) == 4:
		return incDay(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), incDay(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)), true
	case len(v) == 7 && v[4] == '-':
		mo, err := strconv.Atoi(v[5:7])
		if err != nil || mo < 1 || mo > 12 {
			return 0, 0, false
		}
		start := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
		return incDay(start), incDay(start.AddDate(0, 1, -1)), true
	case len(v) == 10 && v[4] == '-' && v[7] == '-':
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return 0, 0, false
		}
		return incDay(t), incDay(t), true
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		w, err := strconv.Atoi(v[6:8])
		if err != nil || w < 1 || w > 53 {
			return 0, 0, false
		}
		// ISO week 1 holds 4 January.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		return incDay(monday), incDay(monday) + 6, true
	}
	return 0, 0, false
}

func incDay(t time.Time) int {
	t = t.UTC()
	return int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func incDate(day int) string {
	return time.Unix(int64(day)*86400, 0).UTC().Format(time.DateOnly)
}

// incReport renders one event mention as a report.
func incReport(d *sitrep.Doc, ev *sitrep.Event, index int, m Membership, sents []sitrep.Span) Report {
	r := Report{
		Article:     d.ID,
		Source:      m.Source,
		URL:         d.URL,
		Title:       d.Title,
		Published:   m.Published,
		Event:       index,
		Text:        ev.Text,
		Modality:    cmp.Or(ev.Modality, "occurred"),
		Evidence:    ev.Evidence,
		Sourcing:    incSourcing(d, ev.Sourcing),
		DuplicateOf: m.DuplicateOf,
		Counts:      []Count{},
	}
	if ev.Negated && r.Modality == "occurred" {
		r.Modality = "denied"
	}
	if ev.Start >= 0 && ev.Start < ev.End && ev.End <= len(d.Text) {
		r.Text = d.Text[ev.Start:ev.End]
		i := sort.Search(len(sents), func(i int) bool { return sents[i].End > ev.Start })
		if i < len(sents) && sents[i].Start <= ev.Start {
			r.Sentence = incClip(strings.TrimSpace(d.Text[sents[i].Start:sents[i].End]), incMaxSentence)
		}
	}
	seen := map[int]bool{}
	for _, q := range ev.Counts {
		if q < 0 || q >= len(d.Quantities) || seen[q] {
			continue
		}
		seen[q] = true
		qt := d.Quantities[q]
		if !talCategory(qt.Category) {
			continue
		}
		r.Counts = append(r.Counts, Count{
			Category:  qt.Category,
			Low:       qt.Low,
			High:      qt.High,
			Qualifier: qt.Qualifier,
			Text:      qt.Text,
			Article:   d.ID,
			Source:    m.Source,
			Published: m.Published,
			Sourcing:  incSourcing(d, cmp.Or(qt.Sourcing, ev.Sourcing)),
			Copy:      m.DuplicateOf != "",
		})
	}
	return r
}

// incMaxSentence bounds the sentence a report quotes: a text with no
// sentence breaks is not repeated whole in every report.
const incMaxSentence = 1000

func incClip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}

// incSentences returns d's sentences, splitting the text when the layer is
// missing (it is not stored) or does not fit the text.
func incSentences(d *sitrep.Doc) []sitrep.Span {
	ok := len(d.Sentences) > 0
	prev := 0
	for _, s := range d.Sentences {
		if s.Start < prev || s.End < s.Start || s.End > len(d.Text) {
			ok = false
			break
		}
		prev = s.End
	}
	if ok {
		return d.Sentences
	}
	toks := d.Tokens
	fit := len(toks) > 0
	prev = 0
	for _, t := range toks {
		if t.Start < prev || t.End < t.Start || t.End > len(d.Text) {
			fit = false
			break
		}
		prev = t.End
	}
	if !fit {
		toks = text.Tokenize(d.Text)
	}
	return text.Sentences(d.Text, toks)
}

// incSourcing renders the attribution at index i of d's sourcing layer:
// the source, then whom it cites, "NBC ← two anonymous administration
// officials"; "" when i is nil or out of range.
func incSourcing(d *sitrep.Doc, i *int) string {
	if i == nil || *i < 0 || *i >= len(d.Sourcing) {
		return ""
	}
	a := d.Sourcing[*i]
	src := strings.TrimSpace(cmp.Or(a.Source.Name, a.Source.Text))
	var cited []string
	for _, c := range a.Cites {
		if t := incCited(c); t != "" {
			cited = append(cited, t)
		}
	}
	if len(cited) == 0 {
		return src
	}
	if src == "" {
		return strings.Join(cited, ", ")
	}
	return src + " ← " + strings.Join(cited, ", ")
}

// incCited renders a cited source: a named one as written, an anonymous one
// as how many and what they are said to be.
func incCited(c sitrep.Cited) string {
	if !c.Anonymous {
		return strings.TrimSpace(c.Text)
	}
	desc := strings.TrimSpace(c.Description)
	n := int64(1)
	if c.Count != nil {
		n = *c.Count
	}
	if desc == "" {
		if n == 1 {
			return "an anonymous source"
		}
		desc = "sources"
	}
	if n == 1 && c.Count == nil {
		return "anonymous " + desc
	}
	return incNumber(n) + " anonymous " + desc
}

func incNumber(n int64) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < int64(len(words)) {
		return words[n]
	}
	return strconv.FormatInt(n, 10)
}

// incLinkThreats links each threatened or planned incident to the occurred
// incidents that carried it out: same actor, the same target or a
// compatible place, happening after the threat was first reported, and of
// the same type or an act of violence (a threat is carried out by a strike,
// not by another statement).
func incLinkThreats(out []Incident, states []*incState) {
	type act struct{ i, when int }
	byActor := map[string][]act{}
	for i, o := range states {
		if o.class != "occurred" || o.actor == nil {
			continue
		}
		when := o.from
		if !o.timed || when == incOpenFrom {
			// When it happened is unknown: when it was first reported.
			pub := o.mentions[0].member.Published
			if pub.IsZero() {
				continue
			}
			when = incDay(pub)
		}
		byActor[o.actor.Key] = append(byActor[o.actor.Key], act{i, when})
	}
	for _, list := range byActor {
		slices.SortStableFunc(list, func(a, b act) int { return cmp.Compare(a.when, b.when) })
	}
	for i, s := range states {
		said := s.mentions[0].member.Published
		if (s.class != "threatened" && s.class != "planned") || s.actor == nil || said.IsZero() {
			continue
		}
		list := byActor[s.actor.Key]
		k := sort.Search(len(list), func(k int) bool { return list[k].when >= incDay(said) })
		// The incidents that follow soonest are the ones that can carry a
		// threat out; a bound keeps hostile input linear.
		for _, a := range list[k:min(len(list), k+incMaxCandidates)] {
			o := states[a.i]
			if out[a.i].Type == "Strategic developments" && o.typeKey != s.typeKey {
				continue
			}
			sameTarget := s.target != nil && o.target != nil && s.target.Key == o.target.Key
			samePlace := s.place != nil && o.place != nil &&
				(incSamePlace(s.place, o.place) || incContains(s.place, o.place) || incContains(o.place, s.place))
			if !sameTarget && !samePlace {
				continue
			}
			out[i].FollowedBy = append(out[i].FollowedBy, out[a.i].ID)
			out[a.i].Follows = append(out[a.i].Follows, out[i].ID)
		}
	}
}
