package story

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/pipeline"
)

// tdoc builds a Doc with hand-written layers whose spans are found in the
// text, as the annotators would set them.
type tdoc struct {
	tb testing.TB
	d  *sitrep.Doc
}

func newTDoc(tb testing.TB, id, source, date, text string) *tdoc {
	tb.Helper()
	var pub time.Time
	if date != "" {
		var err error
		if pub, err = time.Parse(time.DateOnly, date); err != nil {
			tb.Fatal(err)
		}
		pub = pub.Add(12 * time.Hour)
	}
	return &tdoc{tb: tb, d: sitrep.NewDoc(sitrep.Article{ID: id, Source: source, Published: pub, Title: "title of " + id, URL: "https://example.org/" + id, Text: text})}
}

// span is the n-th (from 0) occurrence of s in the text.
func (b *tdoc) span(s string, n int) sitrep.Span {
	b.tb.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(b.d.Text[off:], s)
		if j < 0 {
			b.tb.Fatalf("%q (occurrence %d) not in the text of %s", s, n, b.d.ID)
		}
		if i == n {
			return sitrep.Span{Start: off + j, End: off + j + len(s)}
		}
		off += j + len(s)
	}
}

func (b *tdoc) entity(text, typ, name string) *tdoc {
	b.tb.Helper()
	b.d.Entities = append(b.d.Entities, sitrep.Entity{Span: b.span(text, 0), Text: text, Type: typ, Name: name,
		Key: strings.ToLower(typ) + ":" + strings.ToLower(name)})
	return b
}

func (b *tdoc) place(text, name, kind, country, id string) int {
	b.tb.Helper()
	b.d.Places = append(b.d.Places, sitrep.Place{Span: b.span(text, 0), Text: text, Name: name, Kind: kind, Country: country, ID: id})
	return len(b.d.Places) - 1
}

func (b *tdoc) time(text, value, from, until string) int {
	b.tb.Helper()
	b.d.Times = append(b.d.Times, sitrep.Time{Span: b.span(text, 0), Text: text, Type: "DATE", Value: value, From: from, Until: until})
	return len(b.d.Times) - 1
}

func (b *tdoc) count(text string, low, high *int64, qualifier, category string) int {
	b.tb.Helper()
	b.d.Quantities = append(b.d.Quantities, sitrep.Quantity{Span: b.span(text, 0), Text: text, Low: low, High: high, Qualifier: qualifier, Category: category})
	return len(b.d.Quantities) - 1
}

func (b *tdoc) attribution(text, source string, cites ...sitrep.Cited) int {
	b.tb.Helper()
	b.d.Sourcing = append(b.d.Sourcing, sitrep.Attribution{Span: b.span(text, 0), Text: text, Source: sitrep.Source{Text: source, Name: source}, Cites: cites})
	return len(b.d.Sourcing) - 1
}

func (b *tdoc) quote(text, speaker, speakerName string) *tdoc {
	b.tb.Helper()
	sp := b.span(speaker, 0)
	b.d.Quotes = append(b.d.Quotes, sitrep.Quote{Span: b.span(text, 0), Text: text, Direct: true, Cue: "said",
		Speaker: &sitrep.Mention{Span: sp, Text: speaker, Name: speakerName, Key: "person:" + strings.ToLower(speakerName)}})
	return b
}

// event adds an event whose trigger is the first occurrence of trigger.
func (b *tdoc) event(trigger string, ev sitrep.Event) int {
	b.tb.Helper()
	ev.Span = b.span(trigger, 0)
	ev.Text = trigger
	b.d.Events = append(b.d.Events, ev)
	return len(b.d.Events) - 1
}

// mention is an event role written as text in the doc.
func (b *tdoc) mention(text, name, key string) *sitrep.Mention {
	b.tb.Helper()
	return &sitrep.Mention{Span: b.span(text, 0), Text: text, Name: name, Key: key}
}

func n64(v int64) *int64 { return &v }
func ix(i int) *int      { return &i }

func member(d *sitrep.Doc, story, duplicateOf string) Membership {
	return Membership{Article: d.ID, Story: story, DuplicateOf: duplicateOf, Source: d.Source, Published: d.Published}
}

func ptrString(p *int64) string {
	if p == nil {
		return "nil"
	}
	return strconv.FormatInt(*p, 10)
}

const (
	caribbeanID = "3996596386"
	mexicoID    = "3899847620"
	sinaloaID   = "2000000001"
)

var usGov = "United States government"

// seedStory is the flagship story in miniature: a threat and a planned
// ground operation, a strike campaign told by two outlets, a syndicated
// copy and a later toll, a single strike the campaign covers, and a later
// strike in Mexico that carries out the threat.
func seedStory(tb testing.TB) map[string]*sitrep.Doc {
	tb.Helper()
	docs := map[string]*sitrep.Doc{}

	a := newTDoc(tb, "a", "Al Jazeera", "2025-11-18",
		"“Will we go on strike in Mexico to stop drugs? That’s fine,” Trump told reporters. "+
			"NBC reported, citing two administration officials, that the White House was preparing for a ground operation in Mexico. "+
			"The White House has launched at least 20 airstrikes since September against ships in the Caribbean, killing at least 80 people, but has yet to produce public evidence.")
	a.entity("Trump", "PERSON", "Donald Trump").entity("White House", "LOC", "White House").entity("Mexico", "LOC", "Mexico")
	mexico := a.place("Mexico", "Mexico", "country", "MX", mexicoID)
	carib := a.place("Caribbean", "Caribbean Sea", "sea", "", caribbeanID)
	since := a.time("since September", "2025-09", "2025-09", "2025-11-18")
	nbc := a.attribution("NBC reported, citing two administration officials", "NBC",
		sitrep.Cited{Text: "two administration officials", Anonymous: true, Count: n64(2), Description: "administration officials"})
	strikes := a.count("at least 20 airstrikes", n64(20), nil, "at_least", "strikes")
	killed := a.count("at least 80 people", n64(80), nil, "at_least", "killed")
	a.event("strike", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "threatened",
		Actor: a.mention("Trump", usGov, "person:donald trump"), Place: ix(mexico)})
	a.event("ground operation", sitrep.Event{Type: "Strategic developments", Subtype: "Deployment", Modality: "planned",
		Actor: a.mention("White House", usGov, "loc:white house"), Place: ix(mexico), Sourcing: ix(nbc)})
	a.event("airstrikes", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "occurred", Aggregate: true,
		Actor: a.mention("White House", usGov, "loc:white house"), Place: ix(carib), Time: ix(since),
		Counts: []int{strikes, killed}, Evidence: "none_public"})
	docs["a"] = a.d

	const reuters = "U.S. forces have carried out at least 20 strikes on suspected drug boats in the Caribbean Sea since September, killing at least 80 people, U.S. officials said."
	for _, c := range []struct{ id, source string }{{"b", "Reuters"}, {"c", "Yahoo News"}} {
		b := newTDoc(tb, c.id, c.source, "2025-11-18", reuters)
		b.entity("U.S.", "LOC", "United States")
		carib := b.place("Caribbean Sea", "Caribbean Sea", "sea", "", caribbeanID)
		since := b.time("since September", "2025-09", "2025-09", "2025-11-18")
		officials := b.attribution("U.S. officials said", "U.S. officials")
		strikes := b.count("at least 20 strikes", n64(20), nil, "at_least", "strikes")
		killed := b.count("at least 80 people", n64(80), nil, "at_least", "killed")
		b.event("strikes", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "occurred", Aggregate: true,
			Actor: b.mention("U.S. forces", usGov, "loc:united states"), Place: ix(carib), Time: ix(since),
			Counts: []int{strikes, killed}, Sourcing: ix(officials)})
		docs[c.id] = b.d
	}

	d := newTDoc(tb, "d", "AP", "2025-11-20",
		"The U.S. military has now killed 83 people in 21 strikes on boats in the Caribbean since early September, the Pentagon said.")
	carib = d.place("Caribbean", "Caribbean Sea", "sea", "", caribbeanID)
	since = d.time("since early September", "2025-09", "2025-09", "2025-11-20")
	pentagon := d.attribution("the Pentagon said", "Pentagon")
	killed = d.count("83 people", n64(83), n64(83), "exact", "killed")
	strikes = d.count("21 strikes", n64(21), n64(21), "exact", "strikes")
	d.event("strikes", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "occurred", Aggregate: true,
		Actor: d.mention("U.S. military", usGov, ""), Place: ix(carib), Time: ix(since),
		Counts: []int{killed, strikes}, Sourcing: ix(pentagon)})
	docs["d"] = d.d

	e := newTDoc(tb, "e", "AP", "2025-11-25",
		"A U.S. drone strike hit a drug laboratory in Sinaloa, Mexico, on Monday, killing two people, Mexican officials said.")
	sinaloa := e.place("Sinaloa", "Sinaloa", "admin1", "MX", sinaloaID)
	monday := e.time("on Monday", "2025-11-24", "", "")
	killed = e.count("two people", n64(2), n64(2), "exact", "killed")
	e.event("drone strike", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "occurred",
		Actor: e.mention("U.S.", usGov, ""), Place: ix(sinaloa), Time: ix(monday), Counts: []int{killed}})
	docs["e"] = e.d

	f := newTDoc(tb, "f", "Reuters", "2025-11-16",
		"A U.S. strike on a boat in the Caribbean on Saturday killed three people.")
	carib = f.place("Caribbean", "Caribbean Sea", "sea", "", caribbeanID)
	saturday := f.time("on Saturday", "2025-11-15", "", "")
	killed = f.count("three people", n64(3), n64(3), "exact", "killed")
	f.event("strike", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "occurred",
		Actor: f.mention("U.S.", usGov, ""), Place: ix(carib), Time: ix(saturday), Counts: []int{killed}})
	docs["f"] = f.d

	g := newTDoc(tb, "g", "AP", "2025-11-19",
		"The campaign recalls the 1989 invasion of Panama, in which about 500 people were killed.")
	panama := g.place("Panama", "Panama", "country", "PA", "3703430")
	y1989 := g.time("1989", "1989", "", "")
	killed = g.count("about 500 people", n64(500), n64(500), "about", "killed")
	g.event("invasion", sitrep.Event{Type: "Battles", Subtype: "Armed clash", Modality: "occurred",
		Actor: g.mention("invasion", usGov, ""), Place: ix(panama), Time: ix(y1989), Counts: []int{killed}})
	docs["g"] = g.d
	return docs
}

// pick returns the docs with the given IDs and their memberships (c is a
// copy of b).
func pick(docs map[string]*sitrep.Doc, ids ...string) ([]*sitrep.Doc, []Membership) {
	var ds []*sitrep.Doc
	var ms []Membership
	for _, id := range ids {
		d := docs[id]
		ds = append(ds, d)
		dup := ""
		if id == "c" {
			dup = "b"
		}
		ms = append(ms, member(d, "s1", dup))
	}
	return ds, ms
}

// find returns the one incident with the given modality and campaign flag
// whose reports include the article.
func find(tb testing.TB, incs []Incident, modality string, aggregate bool, article string) Incident {
	tb.Helper()
	var found []Incident
	for _, in := range incs {
		if in.Modality != modality || in.Aggregate != aggregate {
			continue
		}
		for _, r := range in.Reports {
			if r.Article == article {
				found = append(found, in)
				break
			}
		}
	}
	if len(found) != 1 {
		tb.Fatalf("%d %s incidents (aggregate %v) report article %s; want 1; all: %s", len(found), modality, aggregate, article, describe(incs))
	}
	return found[0]
}

func describe(incs []Incident) string {
	var b strings.Builder
	for _, in := range incs {
		var arts []string
		for _, r := range in.Reports {
			arts = append(arts, r.Article)
		}
		b.WriteString("\n  " + in.ID + " " + in.Modality + " " + in.Type + "/" + in.Subtype + " reports " + strings.Join(arts, ","))
	}
	return b.String()
}

func TestIncidentsCampaign(t *testing.T) {
	docs := seedStory(t)
	tests := []struct {
		name        string
		ids         []string
		reports     int
		sources     int
		killedDates []string
		killedLow   string
		killedBest  string
		killedHigh  string
		strikesLow  string
		incidents   int
	}{
		{"two outlets and a syndicated copy are one incident with two sources",
			[]string{"a", "b", "c"}, 3, 2, []string{"2025-11-18"}, "80", "80", "nil", "20", 3},
		{"a later toll is a second version and the current one",
			[]string{"a", "b", "c", "d"}, 4, 3, []string{"2025-11-18", "2025-11-20"}, "83", "83", "83", "21", 3},
		{"the order of the docs changes nothing",
			[]string{"d", "c", "b", "a"}, 4, 3, []string{"2025-11-18", "2025-11-20"}, "83", "83", "83", "21", 3},
		{"single strikes stay apart from the campaign",
			[]string{"a", "b", "c", "d", "e", "f"}, 4, 3, []string{"2025-11-18", "2025-11-20"}, "83", "83", "83", "21", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, ms := pick(docs, tt.ids...)
			incs := Incidents("s1", ds, ms, nil)
			if len(incs) != tt.incidents {
				t.Errorf("%d incidents, want %d:%s", len(incs), tt.incidents, describe(incs))
			}
			c := find(t, incs, "occurred", true, "a")
			if len(c.Reports) != tt.reports || c.Sources != tt.sources {
				t.Errorf("campaign has %d reports from %d sources, want %d from %d", len(c.Reports), c.Sources, tt.reports, tt.sources)
			}
			if !strings.HasPrefix(c.ID, "s1-") || len(c.ID) != len("s1-")+12 {
				t.Errorf("ID %q: want s1- and 12 hex digits", c.ID)
			}
			if c.Evidence != "none_public" || c.Place == nil || c.Place.ID != caribbeanID || c.Actor == nil || c.Actor.Name != usGov {
				t.Errorf("campaign evidence %q, place %+v, actor %+v", c.Evidence, c.Place, c.Actor)
			}
			var dates []string
			for _, v := range c.Tally.Killed.History {
				dates = append(dates, v.Date)
			}
			if strings.Join(dates, ",") != strings.Join(tt.killedDates, ",") {
				t.Errorf("killed versions %v, want %v", dates, tt.killedDates)
			}
			cur := c.Tally.Killed.Current
			if got := [3]string{ptrString(cur.Low), ptrString(cur.Best), ptrString(cur.High)}; got != [3]string{tt.killedLow, tt.killedBest, tt.killedHigh} {
				t.Errorf("killed low/best/high %v, want %v %v %v", got, tt.killedLow, tt.killedBest, tt.killedHigh)
			}
			if got := ptrString(c.Tally.Strikes.Current.Low); got != tt.strikesLow {
				t.Errorf("strikes low %s, want %s", got, tt.strikesLow)
			}
			copies := 0
			for _, v := range c.Tally.Killed.History {
				for _, k := range v.Counts {
					if k.Copy {
						copies++
						if k.Article != "c" {
							t.Errorf("count of article %s marked as a copy", k.Article)
						}
					}
				}
			}
			if copies != 1 {
				t.Errorf("%d copied killed counts listed, want the copy's one", copies)
			}
		})
	}
}

func TestIncidentIDsStable(t *testing.T) {
	docs := seedStory(t)
	ds, ms := pick(docs, "a", "b", "c")
	first := find(t, Incidents("s1", ds, ms, nil), "occurred", true, "a").ID
	ds, ms = pick(docs, "f", "e", "d", "c", "b", "a")
	if again := find(t, Incidents("s1", ds, ms, nil), "occurred", true, "a").ID; again != first {
		t.Errorf("campaign ID %s became %s when later reports arrived", first, again)
	}
}

func TestThreatFollowedByStrike(t *testing.T) {
	docs := seedStory(t)
	ds, ms := pick(docs, "a", "b", "c", "d", "e", "f")
	incs := Incidents("s1", ds, ms, nil)
	threat := find(t, incs, "threatened", false, "a")
	strike := find(t, incs, "occurred", false, "e")
	campaign := find(t, incs, "occurred", true, "a")
	if len(threat.FollowedBy) != 1 || threat.FollowedBy[0] != strike.ID {
		t.Errorf("threat followed by %v, want the Sinaloa strike %s (not the campaign at sea %s)", threat.FollowedBy, strike.ID, campaign.ID)
	}
	if !slicesContains(strike.Follows, threat.ID) {
		t.Errorf("strike follows %v, want the threat %s", strike.Follows, threat.ID)
	}
	if len(campaign.Follows) != 0 {
		t.Errorf("campaign at sea follows %v, want nothing: the threat was against Mexico", campaign.Follows)
	}
	planned := find(t, incs, "planned", false, "a")
	if got := planned.Reports[0].Sourcing; got != "NBC ← two anonymous administration officials" {
		t.Errorf("planned operation sourced to %q", got)
	}
	if want := "NBC reported, citing two administration officials, that the White House was preparing for a ground operation in Mexico."; planned.Reports[0].Sentence != want {
		t.Errorf("sentence %q, want %q", planned.Reports[0].Sentence, want)
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestStoryTally(t *testing.T) {
	docs := seedStory(t)
	ds, ms := pick(docs, "a", "b", "c", "d", "e", "f", "g")
	tally := StoryTally(Incidents("s1", ds, ms, nil))
	tests := []struct {
		name            string
		series          Series
		low, best, high string
		versions        int
	}{
		// The boat strike of 15 November (3 killed) is inside the campaign
		// (83 killed): counted once, as the larger; the Sinaloa strike adds
		// 2; the invasion of Panama in 1989 is history the story recalls.
		{"killed", tally.Killed, "85", "85", "85", 4},
		// 21 campaign strikes (the boat strike among them) and the Sinaloa
		// strike, one strike though no count was written.
		{"strikes", tally.Strikes, "22", "22", "22", 4},
		{"wounded", tally.Wounded, "nil", "nil", "nil", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.series.Current
			if got := [3]string{ptrString(c.Low), ptrString(c.Best), ptrString(c.High)}; got != [3]string{tt.low, tt.best, tt.high} {
				t.Errorf("low/best/high %v, want %s %s %s", got, tt.low, tt.best, tt.high)
			}
			if len(tt.series.History) != tt.versions {
				t.Errorf("%d versions, want %d: %+v", len(tt.series.History), tt.versions, tt.series.History)
			}
		})
	}
}

func TestIncidentsHostileLayers(t *testing.T) {
	good := seedStory(t)["e"]
	tests := []struct {
		name   string
		mutate func(d *sitrep.Doc)
	}{
		{"indexes beyond their layers are ignored", func(d *sitrep.Doc) {
			d.Events[0].Place, d.Events[0].Time, d.Events[0].Sourcing = ix(99), ix(-3), ix(1<<40)
			d.Events[0].Counts = []int{-1, 7, 1 << 30}
			d.Quantities[0].Sourcing = ix(5)
		}},
		{"empty layers", func(d *sitrep.Doc) {
			d.Places, d.Times, d.Quantities, d.Sourcing, d.Entities = nil, nil, nil, nil, nil
		}},
		{"a trigger outside the text", func(d *sitrep.Doc) {
			d.Events[0].Span = sitrep.Span{Start: len(d.Text) + 5, End: -2}
		}},
		{"tokens and sentences that do not fit the text", func(d *sitrep.Doc) {
			d.Tokens = []sitrep.Token{{Span: sitrep.Span{Start: 50, End: 10}}}
			d.Sentences = []sitrep.Span{{Start: 9, End: 1 << 20}}
		}},
		{"nil roles and times that are not dates", func(d *sitrep.Doc) {
			d.Events[0].Actor, d.Events[0].Target = nil, &sitrep.Mention{}
			d.Times[0].Value, d.Times[0].From, d.Times[0].Until = "2025-W99", "9999-99", "PAST_REF"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := *good
			d.Events = append([]sitrep.Event(nil), good.Events...)
			d.Quantities = append([]sitrep.Quantity(nil), good.Quantities...)
			d.Times = append([]sitrep.Time(nil), good.Times...)
			tt.mutate(&d)
			incs := Incidents("s9", []*sitrep.Doc{&d, nil}, nil, nil)
			if len(incs) != 1 || len(incs[0].Reports) != 1 {
				t.Fatalf("want the one event as one incident, got%s", describe(incs))
			}
			StoryTally(incs)
			QuoteDrift([]*sitrep.Doc{&d}, nil, nil)
		})
	}
}

func FuzzIncidents(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, "2025-11-18")
	f.Add([]byte{255, 254, 0, 0, 0, 7}, "PAST_REF")
	f.Add([]byte{}, "")
	f.Fuzz(func(t *testing.T, data []byte, value string) {
		at := func(i int) int {
			if len(data) == 0 {
				return 0
			}
			return int(int8(data[i%len(data)]))
		}
		modalities := []string{"occurred", "threatened", "planned", "denied", "hypothetical", "unconfirmed", ""}
		var docs []*sitrep.Doc
		for k := range 3 {
			d := sitrep.NewDoc(sitrep.Article{ID: string(rune('a' + k)), Source: value, Text: value + " strike"})
			d.Places = []sitrep.Place{{Name: value, Kind: value, Country: value, ID: value}}
			d.Times = []sitrep.Time{{Value: value, From: value, Until: value}}
			d.Quantities = []sitrep.Quantity{{Low: n64(int64(at(k))), Category: "killed", Qualifier: value}}
			for i := range len(data) / 4 {
				d.Events = append(d.Events, sitrep.Event{
					Span: sitrep.Span{Start: at(i), End: at(i + 1)}, Type: value, Modality: modalities[(at(i)&0xff)%len(modalities)],
					Aggregate: at(i+2)%2 == 0, Place: ix(at(i + 1)), Time: ix(at(i + 2)), Sourcing: ix(at(i + 3)),
					Counts: []int{at(i), at(i + 3)}, Actor: &sitrep.Mention{Name: value, Key: value},
				})
			}
			docs = append(docs, d)
		}
		incs := Incidents("s", docs, nil, nil)
		seen := map[string]bool{}
		for _, in := range incs {
			if seen[in.ID] {
				t.Fatalf("two incidents share ID %s", in.ID)
			}
			seen[in.ID] = true
			if len(in.Reports) == 0 {
				t.Fatalf("incident %s has no report", in.ID)
			}
		}
		StoryTally(incs)
	})
}

// BenchmarkIncidents merges n event mentions spread over articles, places
// and days; the time per mention should stay flat as n grows.
func BenchmarkIncidents(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			docs := benchDocs(n)
			b.ResetTimer()
			for b.Loop() {
				Incidents("s", docs, nil, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/mention")
		})
	}
}

func benchDocs(n int) []*sitrep.Doc {
	const perDoc = 10
	countries := []string{"KE", "TZ", "SD", "AF", "MX", "VE", "CO", "US"}
	var docs []*sitrep.Doc
	base := time.Date(1998, 8, 7, 12, 0, 0, 0, time.UTC)
	for k := 0; k*perDoc < n; k++ {
		d := sitrep.NewDoc(sitrep.Article{ID: "doc" + strconv.Itoa(k), Source: "outlet" + strconv.Itoa(k%7),
			Published: base.AddDate(0, 0, k%60), Text: "A bomb exploded."})
		for i := range perDoc {
			c := countries[(k+i)%len(countries)]
			d.Places = append(d.Places, sitrep.Place{Name: c, Kind: "country", Country: c, ID: c})
			d.Times = append(d.Times, sitrep.Time{Type: "DATE", Value: base.AddDate(0, 0, (k+i)%90).Format(time.DateOnly)})
			d.Events = append(d.Events, sitrep.Event{Span: sitrep.Span{Start: 2, End: 6}, Type: "Explosions/Remote violence",
				Subtype: "Remote explosive/landmine/IED", Modality: "occurred", Place: ix(i), Time: ix(i),
				Actor: &sitrep.Mention{Name: "group " + strconv.Itoa((k+i)%5)}})
		}
		docs = append(docs, d)
	}
	return docs
}

// TestAQUAINTEmbassyBombings runs the pipeline over the AQUAINT reports of
// the August 1998 embassy bombings (AP, New York Times, Xinhua) and merges
// their events. The story is the articles that mention an embassy: a
// keyword stands in for story clustering, which is not under test here.
func TestAQUAINTEmbassyBombings(t *testing.T) {
	dir := shareddata.Path(t, "timex/tbaq/AQUAINT")
	tml, err := eval.ReadTimeMLDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]string{"APW": "AP", "NYT": "New York Times", "XIE": "Xinhua"}
	var arts []sitrep.Article
	for _, d := range tml {
		if !strings.Contains(strings.ToLower(d.Text), "embass") || len(d.ID) < 3 {
			continue
		}
		arts = append(arts, sitrep.Article{ID: d.ID, Source: outlets[d.ID[:3]], Published: d.DCT, Text: d.Text, Language: "en"})
	}
	var docs []*sitrep.Doc
	var members []Membership
	for i, r := range pipeline.Default().RunBatch(context.Background(), arts, 0) {
		if r.Err != nil {
			t.Fatalf("annotate %s: %v", arts[i].ID, r.Err)
		}
		docs = append(docs, r.Doc)
		members = append(members, member(r.Doc, "s-aquaint", ""))
	}
	incs := Incidents("s-aquaint", docs, members, nil)

	articles := func(in Incident) int {
		seen := map[string]bool{}
		for _, r := range in.Reports {
			seen[r.Article] = true
		}
		return len(seen)
	}
	for _, in := range incs {
		if articles(in) < 2 && !(in.Type == "Explosions/Remote violence" && in.Modality == "occurred") {
			continue
		}
		place, actor := "", ""
		if in.Place != nil {
			place = in.Place.Name
		}
		if in.Actor != nil {
			actor = in.Actor.Name
		}
		t.Logf("%s %s %s/%s at %q by %q, %s..%s: %d reports in %d articles, %d sources",
			in.ID, in.Modality, in.Type, in.Subtype, place, actor, in.From, in.Until, len(in.Reports), articles(in), in.Sources)
		for _, v := range in.Tally.Killed.History {
			var said []string
			for _, c := range v.Counts {
				said = append(said, c.Source+": "+c.Text)
			}
			t.Logf("    killed %s: %s/%s/%s (%s)", v.Date, ptrString(v.Low), ptrString(v.Best), ptrString(v.High), strings.Join(said, "; "))
		}
	}

	// The single explosions in Kenya or Tanzania, and the incident that
	// tells of the two bombings at once.
	bombings := 0
	var twin Incident
	for _, in := range incs {
		if in.Modality != "occurred" || in.Type != "Explosions/Remote violence" {
			continue
		}
		if in.Place != nil && (in.Place.Country == "KE" || in.Place.Country == "TZ") && !in.Aggregate {
			bombings++
		}
		if in.Aggregate && in.From == "1998-08-07" && len(in.Reports) > len(twin.Reports) {
			twin = in
		}
	}
	st := StoryTally(incs)
	for _, v := range st.Killed.History {
		t.Logf("story killed %s: %s/%s/%s", v.Date, ptrString(v.Low), ptrString(v.Best), ptrString(v.High))
	}
	t.Logf("%d incidents, %d single explosions in Kenya or Tanzania; the twin bombings: %d reports in %d articles; story killed now %s/%s/%s",
		len(incs), bombings, len(twin.Reports), articles(twin), ptrString(st.Killed.Current.Low), ptrString(st.Killed.Current.Best), ptrString(st.Killed.Current.High))

	// Two bombings, each one incident: reports that name a city, a country
	// or only "the bomb" do not split them further.
	if bombings != 2 {
		t.Errorf("%d single explosion incidents in Kenya or Tanzania; want the two bombings:%s", bombings, describe(incs))
	}
	// Reports that tell of both bombings at once ("the bombings in Kenya
	// and Tanzania killed 224") are one aggregate incident, not a third
	// bombing at one of the capitals.
	if articles(twin) < 15 || twin.Sources < 3 {
		t.Errorf("the twin bombings are told by %d articles from %d outlets; want at least 15 from 3", articles(twin), twin.Sources)
	}
	// About 224 died in the two bombings (213 in Nairobi, 11 in Dar es
	// Salaam, as the last reports of October 1999 give it). The tally
	// counts each incident once, and a total stated for both is their sum,
	// not a third toll. Measured 224.
	if b := st.Killed.Current.Best; b == nil || *b < 190 || *b > 258 {
		t.Errorf("the story's killed tally is %s; want 224 within 15%%", ptrString(b))
	}
	if n := len(st.Killed.History); n < 10 {
		t.Errorf("the story's toll has %d versions; want it day by day (measured 14)", n)
	}

	// The incident at each capital with the most reports.
	top := func(city string) Incident {
		var best Incident
		for _, in := range incs {
			if in.Modality == "occurred" && in.Type == "Explosions/Remote violence" && in.Place != nil && in.Place.Name == city &&
				len(in.Reports) > len(best.Reports) {
				best = in
			}
		}
		if best.ID == "" {
			t.Fatalf("no bombing incident in %s:%s", city, describe(incs))
		}
		return best
	}
	nairobi, dar := top("Nairobi"), top("Dar es Salaam")
	t.Logf("Nairobi: %d reports in %d articles; Dar es Salaam: %d reports in %d articles",
		len(nairobi.Reports), articles(nairobi), len(dar.Reports), articles(dar))
	if nairobi.ID == dar.ID {
		t.Fatalf("the Nairobi and Dar es Salaam bombings are one incident %s", nairobi.ID)
	}
	if n := articles(nairobi); n < 6 || nairobi.Sources < 2 {
		t.Errorf("the Nairobi bombing is told by %d articles from %d outlets; want at least 6 articles from 2 outlets", n, nairobi.Sources)
	}
	if n := articles(dar); n < 7 || dar.Sources < 2 {
		t.Errorf("the Dar es Salaam bombing is told by %d articles from %d outlets; want at least 7 articles from 2 outlets", n, dar.Sources)
	}
	h := nairobi.Tally.Killed.History
	if len(h) < 3 {
		t.Fatalf("the Nairobi toll has %d versions; want it to change from day to day", len(h))
	}
	if first, cur := h[0].Best, nairobi.Tally.Killed.Current.Best; first == nil || cur == nil || *cur < *first {
		t.Errorf("the Nairobi toll went from %s to %s; tolls grow", ptrString(first), ptrString(cur))
	}
	// Dar es Salaam's toll is a dozen at most; a toll of both bombings
	// must not land on it.
	if cur := dar.Tally.Killed.Current.Best; cur == nil || *cur > 15 {
		t.Errorf("the Dar es Salaam toll is %s; want about 11", ptrString(cur))
	}

	// The US missile strikes of 20 August are incidents of their own, by
	// the United States government (the strikes on both countries told at
	// once are an aggregate at no single place), apart from the bombings.
	strikes := 0
	for _, in := range incs {
		if in.Modality == "occurred" && in.Actor != nil && in.Actor.Name == "United States government" && in.From == "1998-08-20" &&
			(in.Place != nil && (in.Place.Name == "Afghanistan" || in.Place.Name == "Sudan") || in.Place == nil && in.Aggregate) {
			strikes++
		}
	}
	if strikes == 0 {
		t.Errorf("no US strike in Afghanistan or Sudan on 20 August among the incidents:%s", describe(incs))
	}
	for _, in := range []Incident{nairobi, dar, twin} {
		if in.Actor != nil && in.Actor.Name == "United States government" {
			t.Errorf("the bombing incident %s is the United States government's", in.ID)
		}
	}
}

func TestIncidentJSON(t *testing.T) {
	docs := seedStory(t)
	ds, ms := pick(docs, "a", "b", "c", "d", "e")
	b, err := json.Marshal(Incidents("s1", ds, ms, nil))
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	for _, key := range []string{`"followed_by":`, `"duplicate_of":"b"`, `"sourcing":"NBC ← two anonymous administration officials"`,
		`"killed":{"current":{"low":83,"best":83,"high":83,`, `"history":[{"date":"2025-11-18","low":80,`, `"contradiction":false`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestTimeRange(t *testing.T) {
	tests := []struct {
		name     string
		time     sitrep.Time
		from, to string // "" open
	}{
		{"a day", sitrep.Time{Value: "1998-08-07"}, "1998-08-07", "1998-08-07"},
		{"a month", sitrep.Time{Value: "2025-09"}, "2025-09-01", "2025-09-30"},
		{"a year", sitrep.Time{Value: "1998"}, "1998-01-01", "1998-12-31"},
		{"an ISO week", sitrep.Time{Value: "1998-W32"}, "1998-08-03", "1998-08-09"},
		{"a time of day", sitrep.Time{Value: "1998-08-07T10:30"}, "1998-08-07", "1998-08-07"},
		{"since September", sitrep.Time{Value: "2025-09", From: "2025-09", Until: "2025-11-18"}, "2025-09-01", "2025-11-18"},
		{"before a date", sitrep.Time{Value: "1998-08-07", Mod: "BEFORE"}, "", "1998-08-07"},
		{"a reference to the present", sitrep.Time{Value: "PRESENT_REF"}, "", ""},
		{"a duration", sitrep.Time{Type: "DURATION", Value: "P2W"}, "", ""},
		{"a month that does not exist", sitrep.Time{Value: "1998-13"}, "", ""},
		{"a range that ends before it starts", sitrep.Time{From: "1998-09", Until: "1998-08-01"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, until := incTimeRange(tt.time)
			got := [2]string{"", ""}
			if from != incOpenFrom {
				got[0] = incDate(from)
			}
			if until != incOpenUntil {
				got[1] = incDate(until)
			}
			if got != [2]string{tt.from, tt.to} {
				t.Errorf("%+v: %v, want %s..%s", tt.time, got, tt.from, tt.to)
			}
		})
	}
}

func TestThreatLinks(t *testing.T) {
	threat := func(tb testing.TB) *sitrep.Doc {
		b := newTDoc(tb, "threat", "AP", "2025-11-18", "The United States threatened to strike cartels in Mexico.")
		mx := b.place("Mexico", "Mexico", "country", "MX", mexicoID)
		b.event("strike", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "threatened",
			Actor: b.mention("United States", usGov, ""), Target: b.mention("cartels", "cartels", ""), Place: ix(mx)})
		return b.d
	}
	strike := func(tb testing.TB, date, actor, place, kind, country, id string) *sitrep.Doc {
		b := newTDoc(tb, "strike", "Reuters", date, "A drone strike by "+actor+" hit "+place+".")
		p := b.place(place, place, kind, country, id)
		b.event("drone strike", sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Modality: "occurred",
			Actor: b.mention(actor, actor, ""), Place: ix(p)})
		return b.d
	}
	tests := []struct {
		name   string
		strike *sitrep.Doc
		linked bool
	}{
		{"a later strike by the same actor in a place inside the threatened country", strike(t, "2025-11-25", usGov, "Sinaloa", "admin1", "MX", sinaloaID), true},
		{"a later strike by the same actor in the same country", strike(t, "2025-11-25", usGov, "Mexico", "country", "MX", mexicoID), true},
		{"a strike before the threat", strike(t, "2025-11-10", usGov, "Sinaloa", "admin1", "MX", sinaloaID), false},
		{"a strike by another actor", strike(t, "2025-11-25", "Mexican government", "Sinaloa", "admin1", "MX", sinaloaID), false},
		{"a strike elsewhere", strike(t, "2025-11-25", usGov, "Caribbean Sea", "sea", "", caribbeanID), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs := Incidents("s1", []*sitrep.Doc{threat(t), tt.strike}, nil, nil)
			th := find(t, incs, "threatened", false, "threat")
			st := find(t, incs, "occurred", false, "strike")
			linked := len(th.FollowedBy) == 1 && th.FollowedBy[0] == st.ID && len(st.Follows) == 1 && st.Follows[0] == th.ID
			if linked != tt.linked || (!tt.linked && (len(th.FollowedBy) > 0 || len(st.Follows) > 0)) {
				t.Errorf("threat followed by %v, strike follows %v; want linked %v", th.FollowedBy, st.Follows, tt.linked)
			}
		})
	}
}

func TestIncidentMerging(t *testing.T) {
	const (
		kenyaID   = "2708342481"
		nairobiID = "184745"
		darID     = "160263"
	)
	type mention struct {
		date, place, kind, country, id, day, typ, modality, actor string
		aggregate                                                 bool
		subtype                                                   string // "" for Remote explosive/landmine/IED
		toll                                                      bool   // a bare toll: "were killed"
	}
	bombing := func(place, kind, country, id, day string) mention {
		return mention{"1998-08-08", place, kind, country, id, day, "Explosions/Remote violence", "occurred", "", false, "", false}
	}
	doc := func(tb testing.TB, id string, m mention) *sitrep.Doc {
		b := newTDoc(tb, id, "outlet "+id, m.date, "A bomb exploded near the embassy in "+m.place+" on that day. Ten people were killed.")
		ev := sitrep.Event{Type: m.typ, Subtype: cmp.Or(m.subtype, "Remote explosive/landmine/IED"), Modality: m.modality, Aggregate: m.aggregate}
		if m.toll {
			ev.Type, ev.Subtype, ev.Cameo = "Violence against civilians", "Attack", "1823"
			ev.Counts = []int{b.count("Ten people", n64(10), n64(10), "exact", "killed")}
			b.event("killed", ev)
			return b.d
		}
		if m.place != "" {
			ev.Place = ix(b.place(m.place, m.place, m.kind, m.country, m.id))
		}
		if m.day != "" {
			ev.Time = ix(b.time("on that day", m.day, "", ""))
		}
		if m.actor != "" {
			ev.Actor = b.mention("bomb", m.actor, "")
		}
		b.event("bomb", ev)
		return b.d
	}
	withActor := func(m mention, actor string) mention { m.actor = actor; return m }
	withType := func(m mention, typ string) mention { m.typ = typ; return m }
	withDate := func(m mention, date string) mention { m.date = date; return m }
	withSubtype := func(m mention, subtype string, aggregate bool) mention {
		m.subtype, m.aggregate = subtype, aggregate
		return m
	}
	tests := []struct {
		name      string
		a, b      mention
		incidents int
	}{
		{"the same city and day", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), 1},
		{"a city and its country on the same day", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), bombing("Kenya", "country", "KE", kenyaID, "1998-08-07"), 1},
		{"a report with no date joins the dated one", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), bombing("Nairobi", "city", "KE", nairobiID, ""), 1},
		{"two capitals are two bombings", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), bombing("Dar es Salaam", "city", "TZ", darID, "1998-08-07"), 2},
		{"a week apart is two bombings", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), withDate(bombing("Nairobi", "city", "KE", nairobiID, "1998-08-14"), "1998-08-15"), 2},
		{"a threat is not the act", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"),
			func() mention {
				m := bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07")
				m.modality = "threatened"
				return m
			}(), 2},
		{"a campaign is not one of its attacks", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"),
			func() mention {
				m := bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07")
				m.aggregate = true
				return m
			}(), 2},
		{"other actors at the same place and day are one event", withActor(bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), "al-Qaeda"),
			withActor(bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), "Egyptian Islamic Jihad"), 1},
		{"other actors with no place are two events", withActor(bombing("", "", "", "", "1998-08-07"), "al-Qaeda"),
			withActor(bombing("", "", "", "", "1998-08-07"), "Egyptian Islamic Jihad"), 2},
		{"an attack and a bombing at one place and day", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"),
			withType(bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), "Violence against civilians"), 1},
		{"a protest is not a bombing", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"),
			withType(bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"), "Protests"), 2},
		{"a bare toll joins the act it counts", bombing("Nairobi", "city", "KE", nairobiID, "1998-08-07"),
			func() mention { m := bombing("", "", "", "", ""); m.toll = true; return m }(), 1},
		{"an air strike is not a bomb set off on the ground", bombing("", "", "", "", "1998-08-07"),
			withSubtype(bombing("", "", "", "", "1998-08-07"), "Air/drone strike", false), 2},
		{"missile strikes and air raids told at once are one aggregate",
			withSubtype(withDate(bombing("", "", "", "", "1998-08-20"), "1998-08-21"), "Shelling/artillery/missile attack", true),
			withSubtype(withDate(bombing("", "", "", "", "1998-08-20"), "1998-08-21"), "Air/drone strike", true), 1},
		{"the twin bombings are not the missile strikes that answered them",
			withSubtype(bombing("", "", "", "", "1998-08-07"), "", true),
			withSubtype(withDate(bombing("", "", "", "", ""), "1998-08-21"), "Shelling/artillery/missile attack", true), 2},
		{"an untimed bombing is not one recalled from years before", bombing("Nairobi", "city", "KE", nairobiID, ""),
			bombing("", "", "", "", "1995"), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs := Incidents("s", []*sitrep.Doc{doc(t, "a", tt.a), doc(t, "b", tt.b)}, nil, nil)
			if len(incs) != tt.incidents {
				t.Errorf("%d incidents, want %d:%s", len(incs), tt.incidents, describe(incs))
			}
		})
	}
}

// TestInheritPlace: a single act an article tells without a place is put
// where the article puts its acts: the one country of its other acts, or
// its dateline when they are in several and one is there; else nowhere.
func TestInheritPlace(t *testing.T) {
	const nairobiID, darID, lagosID = "184745", "160263", "2332459"
	build := func(tb testing.TB, text string, places [][4]string) *sitrep.Doc {
		b := newTDoc(tb, "a", "AP", "1998-08-26", text)
		for _, p := range places {
			ev := sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Remote explosive/landmine/IED", Modality: "occurred"}
			ev.Place = ix(b.place(p[0], p[0], "city", p[1], p[2]))
			b.event(p[3], ev)
		}
		ev := sitrep.Event{Type: "Explosions/Remote violence", Subtype: "Remote explosive/landmine/IED", Modality: "occurred"}
		b.event("went off", ev)
		slices.SortFunc(b.d.Events, func(x, y sitrep.Event) int { return x.Start - y.Start })
		return b.d
	}
	tests := []struct {
		name   string
		text   string
		places [][4]string
		want   string // the place of "went off"
	}{
		{"one country", "NAIROBI (AP) _ The blast in Nairobi shook the city. The bomb went off at 10:35.",
			[][4]string{{"Nairobi", "KE", nairobiID, "blast"}}, "Nairobi"},
		{"two countries, the dateline at one", "NAIROBI (AP) _ The blast in Nairobi came as an explosion hit Dar es Salaam. The bomb went off at 10:35.",
			[][4]string{{"Nairobi", "KE", nairobiID, "blast"}, {"Dar es Salaam", "TZ", darID, "explosion"}}, "NAIROBI"},
		{"two countries, the dateline elsewhere", "LAGOS (AP) _ The blast in Nairobi came as an explosion hit Dar es Salaam. The bomb went off at 10:35.",
			[][4]string{{"Nairobi", "KE", nairobiID, "blast"}, {"Dar es Salaam", "TZ", darID, "explosion"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, tt.text, tt.places)
			// The dateline is a place of the places layer, as geo finds it.
			if i := strings.Index(d.Text, " ("); i > 0 {
				name := d.Text[:i]
				id := map[string]string{"NAIROBI": nairobiID, "LAGOS": lagosID}[name]
				country := map[string]string{"NAIROBI": "KE", "LAGOS": "NG"}[name]
				d.Places = append([]sitrep.Place{{Span: sitrep.Span{Start: 0, End: i}, Text: name, Name: name, Kind: "city", Country: country, ID: id}}, d.Places...)
				for k := range d.Events {
					if d.Events[k].Place != nil {
						d.Events[k].Place = ix(*d.Events[k].Place + 1)
					}
				}
			}
			got := ""
			for _, m := range incInheritPlaces(d, incMentions(d, Membership{Article: d.ID, Source: d.Source, Published: d.Published}, NewEntities())) {
				if m.report.Text == "went off" && m.place != nil {
					got = m.place.Name
				}
			}
			if got != tt.want {
				t.Errorf("the bomb that went off is at %q, want %q", got, tt.want)
			}
		})
	}
}
