// Package review is the analyst's side of sitrep's record: accepting,
// correcting, rejecting, merging and splitting the incidents that package
// story computes from articles, and overlaying those decisions on the
// incidents each time they are computed again.
//
// A decision (Decision) is checked (Validate), then written by Decide as a
// new version of the incident's record in a store.Reviews: who, when, the
// fields before and after, and the whole incident as it then stood. Apply
// lays the latest version of each record over freshly computed incidents,
// so reviewed values survive `sitrep reprocess`, and an incident the
// machine no longer finds comes back from its stored record: nothing
// reviewed is lost.
//
// Decisions are cumulative: the latest version of a record carries every
// correction and split made so far, so Apply reads one version per
// incident. A merged incident stays listed, flagged merged, its reports
// also listed in the incident it was merged into, where they count.
//
// The package decides nothing by itself: it neither authenticates users
// (the caller names the user) nor computes incidents (package story does).
package review

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// Incident is a computed incident with its review state laid over it.
type Incident struct {
	story.Incident
	Review *State `json:"review"`
}

// State is where an incident stands in review. An incident no one decided
// on is pending, at version 0.
type State struct {
	State   string    `json:"state"` // pending, accepted, corrected, rejected, merged
	Version int       `json:"version"`
	User    string    `json:"user,omitempty"`
	At      time.Time `json:"at,omitzero"`
	Note    string    `json:"note,omitempty"`
	// MergedInto is the incident this one was merged into (state merged).
	MergedInto string `json:"merged_into,omitempty"`
	// Corrected names the corrected fields (type, subtype, modality,
	// killed, place, from, until, actor, target), Correction gives their
	// reviewed values and Machine what the machine had for them, so that a
	// reader sees both.
	Corrected  []string    `json:"corrected"`
	Correction *Correction `json:"correction,omitempty"`
	Machine    *Correction `json:"machine,omitempty"`
	// Splits are the reports split off this incident into new ones.
	Splits []Split `json:"splits,omitempty"`
	// Restored says the machine no longer finds this incident (a
	// reprocess changed its reports): it is shown as last reviewed.
	Restored bool `json:"restored,omitempty"`
	// MachineID is what the machine now calls the incident, when that
	// changed since the review (its earliest report did): the review
	// follows the reports, and the incident keeps its reviewed ID.
	MachineID string `json:"machine_id,omitempty"`
	// Conflict says why a decision could not be laid over the incidents as
	// they are now, "" when it could.
	Conflict string `json:"conflict,omitempty"`
}

// Split is one split of an incident: the reports moved into a new
// incident, whose ID is Child.
type Split struct {
	Child   string   `json:"child"`
	Reports []string `json:"reports"` // "article#event", sorted
	// Moved are the reports as they were when split off: they rebuild the
	// new incident when the machine no longer finds its parent.
	Moved []story.Report `json:"moved,omitempty"`
}

// Correction holds reviewed values; a nil field is not corrected.
type Correction struct {
	Type     *string `json:"type,omitempty"`
	Subtype  *string `json:"subtype,omitempty"`
	Modality *string `json:"modality,omitempty"`
	Killed   *Killed `json:"killed,omitempty"`
	Place    *Place  `json:"place,omitempty"`
	// From and Until are TIMEX3 dates (YYYY, YYYY-MM or YYYY-MM-DD); ""
	// makes the bound unknown.
	From  *string `json:"from,omitempty"`
	Until *string `json:"until,omitempty"`
	// Actor and Target are names; "" removes the actor or target.
	Actor  *string `json:"actor,omitempty"`
	Target *string `json:"target,omitempty"`
}

// Killed is a reviewed figure of the dead; a nil bound is unknown.
type Killed struct {
	Low  *int64 `json:"low"`
	Best *int64 `json:"best"`
	High *int64 `json:"high"`
}

// Place is a reviewed place.
type Place struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind,omitempty"`    // a gazetteer kind: country, admin1, admin2, city, sea, …
	Country string   `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
}

// Decision is what an analyst decides about one incident.
type Decision struct {
	Action string `json:"action"` // accept, correct, reject, merge, split, reopen
	// Correction holds the corrected values of a correct decision.
	Correction
	// Into is the incident a merge moves this one's reports into.
	Into string `json:"into,omitempty"`
	// Reports are the reports ("article#event") a split moves into a new
	// incident.
	Reports []string `json:"reports,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// The corrected fields, in the order State.Corrected lists them.
var fieldNames = []string{"type", "subtype", "modality", "killed", "place", "from", "until", "actor", "target"}

// fields lists the fields c corrects.
func (c *Correction) fields() []string {
	if c == nil {
		return []string{}
	}
	set := []bool{c.Type != nil, c.Subtype != nil, c.Modality != nil, c.Killed != nil, c.Place != nil,
		c.From != nil, c.Until != nil, c.Actor != nil, c.Target != nil}
	out := []string{}
	for i, ok := range set {
		if ok {
			out = append(out, fieldNames[i])
		}
	}
	return out
}

// overlay returns c with the fields next sets replaced.
func (c *Correction) overlay(next Correction) *Correction {
	var out Correction
	if c != nil {
		out = *c
	}
	out.Type = cmp.Or(next.Type, out.Type)
	out.Subtype = cmp.Or(next.Subtype, out.Subtype)
	out.Modality = cmp.Or(next.Modality, out.Modality)
	out.Killed = cmp.Or(next.Killed, out.Killed)
	out.Place = cmp.Or(next.Place, out.Place)
	out.From = cmp.Or(next.From, out.From)
	out.Until = cmp.Or(next.Until, out.Until)
	out.Actor = cmp.Or(next.Actor, out.Actor)
	out.Target = cmp.Or(next.Target, out.Target)
	return &out
}

// apply sets the corrected fields of inc.
func (c *Correction) apply(inc *story.Incident) {
	if c == nil {
		return
	}
	if c.Type != nil {
		inc.Type = *c.Type
		// Codes of the machine's type would contradict the reviewed one.
		inc.Plover, inc.Cameo = "", ""
	}
	if c.Subtype != nil {
		inc.Subtype = *c.Subtype
	}
	if c.Modality != nil {
		inc.Modality = *c.Modality
	}
	if k := c.Killed; k != nil {
		cur := inc.Tally.Killed.Current
		cur.Low, cur.Best, cur.High = clone(k.Low), clone(k.Best), clone(k.High)
		// The machine's counts stay listed beside the reviewed figure.
		cur.Counts = slices.Clone(cur.Counts)
		if cur.Counts == nil {
			cur.Counts = []story.Count{}
		}
		cur.Contradiction = false
		inc.Tally.Killed.Current = cur
	}
	if p := c.Place; p != nil && p.Name == "" {
		// The machine had no place (see machineValues).
		inc.Place = nil
	} else if p != nil {
		inc.Place = &sitrep.Place{Name: p.Name, Kind: p.Kind, Country: p.Country, Lat: clone(p.Lat), Lon: clone(p.Lon)}
	}
	if c.From != nil {
		inc.From = *c.From
	}
	if c.Until != nil {
		inc.Until = *c.Until
	}
	if c.Actor != nil {
		inc.Actor = entity(inc.Actor, *c.Actor)
	}
	if c.Target != nil {
		inc.Target = entity(inc.Target, *c.Target)
	}
}

// entity is a reviewed actor or target: nil for "", else the name, with the
// machine's type when there was one. The key is left empty: the machine's
// key names another entity.
func entity(old *story.Entity, name string) *story.Entity {
	if name == "" {
		return nil
	}
	e := &story.Entity{Name: name, Aliases: []string{}}
	if old != nil {
		e.Type = old.Type
	}
	return e
}

// machineValues returns inc's values of the named fields, as a Correction.
func machineValues(inc story.Incident, names []string) *Correction {
	var c Correction
	for _, n := range names {
		switch n {
		case "type":
			c.Type = ptr(inc.Type)
		case "subtype":
			c.Subtype = ptr(inc.Subtype)
		case "modality":
			c.Modality = ptr(inc.Modality)
		case "killed":
			f := inc.Tally.Killed.Current
			c.Killed = &Killed{Low: clone(f.Low), Best: clone(f.Best), High: clone(f.High)}
		case "place":
			c.Place = &Place{}
			if p := inc.Place; p != nil {
				c.Place = &Place{Name: p.Name, Kind: p.Kind, Country: p.Country, Lat: clone(p.Lat), Lon: clone(p.Lon)}
			}
		case "from":
			c.From = ptr(inc.From)
		case "until":
			c.Until = ptr(inc.Until)
		case "actor":
			c.Actor = ptr("")
			if inc.Actor != nil {
				c.Actor = ptr(inc.Actor.Name)
			}
		case "target":
			c.Target = ptr("")
			if inc.Target != nil {
				c.Target = ptr(inc.Target.Name)
			}
		}
	}
	return &c
}

func ptr[T any](v T) *T { return &v }

func clone[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// ReportKey is how a report is named in a split: "article#event".
func ReportKey(r story.Report) string { return r.Article + "#" + strconv.Itoa(r.Event) }

// SplitID is the ID of the incident a split of parent makes from the given
// reports: the parent's story, "-" and 12 hex digits of a hash of the
// parent's ID and the sorted report keys, so that the same split gives the
// same ID every time the incidents are computed.
func SplitID(parent string, reports []string) string {
	keys := slices.Clone(reports)
	slices.Sort(keys)
	sum := sha256.Sum256([]byte("split\n" + parent + "\n" + strings.Join(keys, "\n")))
	storyID, _, _ := strings.Cut(parent, "-")
	return storyID + "-" + hex.EncodeToString(sum[:])[:12]
}

// ValidIncidentID reports whether id has the form of an incident ID: a
// story ID ("s" and 16 hex digits), "-" and 12 hex digits.
func ValidIncidentID(id string) bool {
	st, h, ok := strings.Cut(id, "-")
	return ok && len(st) == 17 && st[0] == 's' && isHex(st[1:]) && len(h) == 12 && isHex(h)
}

// IncidentStory is the story an incident ID belongs to.
func IncidentStory(id string) string {
	st, _, _ := strings.Cut(id, "-")
	return st
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return s != ""
}

// pending is the state of an incident no one decided on.
func pending() *State { return &State{State: store.StatePending, Corrected: []string{}} }
