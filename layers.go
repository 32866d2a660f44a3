package sitrep

// The annotation layers of a Doc. Each item carries its Span (byte offsets
// into Doc.Text) and the Text it covers; the fields beyond those are filled by
// the annotator that owns the layer. Layers whose annotator has not been
// written yet stay empty.

// Token is one word, number or punctuation mark.
type Token struct {
	Span
	// Kind classifies the token's characters.
	Kind TokenKind `json:"kind"`
}

// TokenKind says what characters a token is made of.
type TokenKind uint8

const (
	Word        TokenKind = iota // letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "al-Qaeda")
	Number                       // digits, possibly with separators ("1,200", "3.5")
	Punctuation                  // anything else, one mark at a time
)

// Entity is a mention of a person, organization, place or other name.
type Entity struct {
	Span
	Text string `json:"text"`
	Type string `json:"type"` // PERSON, ORG, LOC, MISC
	Name string `json:"name"` // canonical name of the entity in this document
	Key  string `json:"key"`  // groups the mentions of one entity within the document
	// Titles are the titles and roles written with this mention and kept out
	// of its name: "President" of "US President Donald Trump", "associate
	// professor" of "Geoff Garmany, associate professor of ...".
	Titles []string `json:"titles,omitempty"`
}

// Mention is a span that names something, with the canonical name it resolves to.
type Mention struct {
	Span
	Text string `json:"text"`
	Name string `json:"name"`
	// Key is the Entity.Key of the document entity the mention refers to
	// ("he" → the key of Donald Trump), empty when it refers to none.
	Key string `json:"key,omitempty"`
}

// Quote is direct or reported speech and who said it.
type Quote struct {
	Span
	Text      string   `json:"text"`
	Direct    bool     `json:"direct"`
	Cue       string   `json:"cue"`
	Speaker   *Mention `json:"speaker"`
	Addressee *string  `json:"addressee"`
}

// Quantity is a count, kept as a qualified interval: "at least 80 people" is
// Low 80, High nil, Qualifier "at_least".
type Quantity struct {
	Span
	Text      string `json:"text"`
	Low       *int64 `json:"low"`
	High      *int64 `json:"high"`
	Qualifier string `json:"qualifier"`
	Unit      string `json:"unit"`
	Category  string `json:"category"` // killed, wounded, strikes, arrested, seized, displaced, other
	// Sourcing is the index in Doc.Sourcing of the attribution the count is
	// stated under ("..., NBC reported"), nil when the article states it in
	// its own voice.
	Sourcing *int `json:"sourcing"`
}

// Time is a temporal expression resolved to a TIMEX3 value.
type Time struct {
	Span
	Text  string `json:"text"`
	Type  string `json:"type"`  // DATE, TIME, DURATION, SET
	Value string `json:"value"` // TIMEX3 value: 2025-11-17, 2025-09, P2W, PAST_REF
	// Mod is the TIMEX3 modifier: APPROX for "about two decades ago",
	// BEFORE, AFTER, START, MID, END, LESS_THAN, MORE_THAN...
	Mod string `json:"mod,omitempty"`
	// From and Until bound a range the expression opens or closes, as TIMEX3
	// values: "since September" is Value 2025-09, From 2025-09, Until the
	// publication date.
	From  string `json:"from,omitempty"`
	Until string `json:"until,omitempty"`
}

// Place is a place mention resolved to a gazetteer entry.
type Place struct {
	Span
	Text    string `json:"text"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`    // country, admin1, admin2, city, sea, ocean, gulf, strait, bay, region, continent
	Country string `json:"country"` // ISO 3166-1 alpha-2; for waters off a coast, the coast's; empty for open seas and regions spanning several
	// ID is the gazetteer entry the mention resolved to; for waters off a
	// coast, "waters-off:" and the coast's ID; empty for open water.
	ID  string   `json:"id,omitempty"`
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
}

// Attribution is a statement of who reports something and whom they cite.
type Attribution struct {
	Span
	Text   string  `json:"text"`
	Source Source  `json:"source"`
	Cites  []Cited `json:"cites"`
	// Scope is the text the attribution covers, in order: the clause it
	// reports ("NBC reported ... that <scope>"), the quotes of its speaker.
	// Facts inside it rest on the source's word.
	Scope []Span `json:"scope"`
}

// Source is the outlet or person an attribution names.
type Source struct {
	Text string `json:"text"`
	Name string `json:"name"`
}

// Cited is a source that a reporting outlet relies on.
type Cited struct {
	Text      string `json:"text"`
	Anonymous bool   `json:"anonymous"`
	Count     *int64 `json:"count"`
	// Description is what an anonymous source is said to be:
	// "administration officials" of "two administration officials".
	Description string `json:"description,omitempty"`
}

// Event is something that happened, or was threatened, planned or denied,
// as one article tells it: an ACLED-typed act of political violence or
// protest, or one of the non-violent acts a conflict story is made of
// (threats, designations, deployments, statements of opposition).
//
// The roles point into the article's other layers by index, as
// Quantity.Sourcing does, so that every fact of an event can be traced to
// the characters it came from.
type Event struct {
	Span        // the trigger: "airstrikes", "strike", "designating"
	Text string `json:"text"`
	// Type and Subtype are ACLED's event type and sub-event type ("Explosions/
	// Remote violence", "Air/drone strike"). Acts outside ACLED's scope have
	// Type "Strategic developments" and a Subtype of their own: Threat,
	// Designation, Deployment, Opposition (see the event package).
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
	// Plover is the PLOVER event category (ASSAULT, THREATEN, MOBILIZE...),
	// Cameo the CAMEO code ("195" employ aerial weapons).
	Plover string `json:"plover"`
	Cameo  string `json:"cameo"`
	// Modality is occurred, threatened, planned, hypothetical, denied or
	// unconfirmed (reported but not confirmed); Negated marks "did not strike".
	Modality string `json:"modality"`
	Negated  bool   `json:"negated,omitempty"`
	// Aggregate marks a campaign that sums several incidents ("at least 20
	// airstrikes since September"), as against one incident.
	Aggregate bool `json:"aggregate,omitempty"`
	// Actor and Target are the mentions of who acts and who or what is acted
	// on; Name is normalized for actors of one state ("the White House", "US
	// forces" → "United States government"), Key links to the document entity.
	Actor  *Mention `json:"actor"`
	Target *Mention `json:"target"`
	// Place, Time and Sourcing are indexes into Doc.Places, Doc.Times and
	// Doc.Sourcing, nil when the article gives none; Counts are indexes into
	// Doc.Quantities (strikes, killed, wounded).
	Place    *int  `json:"place"`
	Time     *int  `json:"time"`
	Counts   []int `json:"counts"`
	Sourcing *int  `json:"sourcing"`
	// Evidence is none_public ("has yet to produce public evidence"),
	// claimed, documented (video, images, documents released), confirmed
	// (responsibility accepted) or disputed; empty when the article says
	// nothing of it.
	Evidence string `json:"evidence"`
}
