package review

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/store"
)

// Limits on what a decision may hold.
const (
	MaxText    = 500       // bytes of a name or label
	MaxNote    = 2000      // bytes of a note
	MaxReports = 1000      // reports named by one split
	MaxKilled  = 100000000 // a figure above it is a typing error
)

// Modalities an incident may be corrected to.
var modalities = []string{"occurred", "threatened", "planned", "hypothetical", "denied", "unconfirmed"}

// Validate reports what is wrong with a decision, naming the field and the
// reason; nil when it can be taken.
func (d Decision) Validate() error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	corrects := len(d.Correction.fields()) > 0
	switch d.Action {
	case store.ActionAccept, store.ActionReject, store.ActionReopen:
		if corrects {
			add(fmt.Errorf("action %s: takes no corrected fields (use correct)", d.Action))
		}
		if d.Into != "" || len(d.Reports) > 0 {
			add(fmt.Errorf("action %s: takes neither into nor reports", d.Action))
		}
	case store.ActionCorrect:
		if !corrects {
			add(errors.New("action correct: no field corrected"))
		}
		if d.Into != "" || len(d.Reports) > 0 {
			add(errors.New("action correct: takes neither into nor reports"))
		}
		add(d.Correction.validate())
	case store.ActionMerge:
		if corrects || len(d.Reports) > 0 {
			add(errors.New("action merge: takes only into (and a note)"))
		}
		if !ValidIncidentID(d.Into) {
			add(fmt.Errorf("into %.40q: not an incident ID (a story ID, a hyphen and 12 hexadecimal digits)", d.Into))
		}
	case store.ActionSplit:
		if corrects || d.Into != "" {
			add(errors.New("action split: takes only reports (and a note)"))
		}
		add(validReports(d.Reports))
	default:
		add(fmt.Errorf("action %.40q: not accept, correct, reject, merge, split or reopen", d.Action))
	}
	add(checkText("note", d.Note, MaxNote, true))
	return errors.Join(errs...)
}

func (c Correction) validate() error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if (c.Type == nil) != (c.Subtype == nil) {
		add(errors.New("type and subtype: correct both together (ACLED's event type and sub-event type)"))
	} else if c.Type != nil {
		add(checkText("type", *c.Type, MaxText, false))
		add(checkText("subtype", *c.Subtype, MaxText, false))
		if _, ok := event.Label(*c.Type, *c.Subtype); !ok {
			add(fmt.Errorf("type %.60q, subtype %.60q: not an ACLED event type and sub-event type", *c.Type, *c.Subtype))
		}
	}
	if c.Modality != nil && !slices.Contains(modalities, *c.Modality) {
		add(fmt.Errorf("modality %.40q: not one of %s", *c.Modality, strings.Join(modalities, ", ")))
	}
	if k := c.Killed; k != nil {
		add(k.validate())
	}
	if p := c.Place; p != nil {
		add(p.validate())
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"from", c.From}, {"until", c.Until}} {
		if f.v != nil && *f.v != "" {
			if _, _, err := timexRange(*f.v); err != nil {
				add(fmt.Errorf("%s %.40q: %w", f.name, *f.v, err))
			}
		}
	}
	if c.From != nil && c.Until != nil && *c.From != "" && *c.Until != "" {
		from, _, err1 := timexRange(*c.From)
		_, until, err2 := timexRange(*c.Until)
		if err1 == nil && err2 == nil && from.After(until) {
			add(fmt.Errorf("from %s is after until %s", *c.From, *c.Until))
		}
	}
	if c.Actor != nil {
		add(checkText("actor", *c.Actor, MaxText, false))
	}
	if c.Target != nil {
		add(checkText("target", *c.Target, MaxText, false))
	}
	return errors.Join(errs...)
}

func (k Killed) validate() error {
	if k.Low == nil && k.Best == nil && k.High == nil {
		return errors.New("killed: give at least one of low, best and high")
	}
	for _, b := range []struct {
		name string
		v    *int64
	}{{"low", k.Low}, {"best", k.Best}, {"high", k.High}} {
		if b.v != nil && (*b.v < 0 || *b.v > MaxKilled) {
			return fmt.Errorf("killed %s %d: not from 0 to %d", b.name, *b.v, MaxKilled)
		}
	}
	if k.Low != nil && k.Best != nil && *k.Low > *k.Best {
		return fmt.Errorf("killed: low %d is above best %d", *k.Low, *k.Best)
	}
	if k.Best != nil && k.High != nil && *k.Best > *k.High {
		return fmt.Errorf("killed: best %d is above high %d", *k.Best, *k.High)
	}
	if k.Low != nil && k.High != nil && *k.Low > *k.High {
		return fmt.Errorf("killed: low %d is above high %d", *k.Low, *k.High)
	}
	return nil
}

func (p Place) validate() error {
	var errs []error
	if p.Name == "" {
		errs = append(errs, errors.New("place name: empty"))
	}
	if err := checkText("place name", p.Name, MaxText, false); err != nil {
		errs = append(errs, err)
	}
	if _, ok := gazetteer.ParseKind(p.Kind); p.Kind != "" && !ok {
		errs = append(errs, fmt.Errorf("place kind %.40q: not country, admin1, admin2, city, sea, ocean, gulf, strait, bay, region or continent", p.Kind))
	}
	if p.Country != "" && (len(p.Country) != 2 || p.Country[0] < 'A' || p.Country[0] > 'Z' || p.Country[1] < 'A' || p.Country[1] > 'Z') {
		errs = append(errs, fmt.Errorf("place country %.40q: not an ISO 3166-1 alpha-2 code (two capital letters)", p.Country))
	}
	switch {
	case (p.Lat == nil) != (p.Lon == nil):
		errs = append(errs, errors.New("place: give both lat and lon, or neither"))
	case p.Lat != nil:
		if math.IsNaN(*p.Lat) || *p.Lat < -90 || *p.Lat > 90 {
			errs = append(errs, fmt.Errorf("place lat %v: not from -90 to 90", *p.Lat))
		}
		if math.IsNaN(*p.Lon) || *p.Lon < -180 || *p.Lon > 180 {
			errs = append(errs, fmt.Errorf("place lon %v: not from -180 to 180", *p.Lon))
		}
	}
	return errors.Join(errs...)
}

// reportKey is "article#event": a content ID (16 hex digits) and an event index.
var reportKey = regexp.MustCompile(`^[0-9a-f]{16}#(0|[1-9][0-9]{0,8})$`)

func validReports(keys []string) error {
	switch {
	case len(keys) == 0:
		return errors.New("reports: none named (give the reports to split off, as article#event)")
	case len(keys) > MaxReports:
		return fmt.Errorf("reports: %d, more than %d", len(keys), MaxReports)
	}
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if !reportKey.MatchString(k) {
			return fmt.Errorf("report %.40q: not article#event (16 hexadecimal digits, #, an event index)", k)
		}
		if seen[k] {
			return fmt.Errorf("report %s: named twice", k)
		}
		seen[k] = true
	}
	return nil
}

// checkText checks a name, label or note: valid UTF-8, at most max bytes,
// and no control or bidirectional formatting characters, which would hide
// or reorder text in a terminal or a spreadsheet (a note may hold line
// breaks and tabs).
func checkText(name, s string, max int, multiline bool) error {
	if len(s) > max {
		return fmt.Errorf("%s: %d bytes, more than %d", name, len(s), max)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s: not valid UTF-8", name)
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F {
			return fmt.Errorf("%s %.40q: holds the control character %U", name, s, r)
		}
	}
	if !multiline && strings.TrimSpace(s) != s {
		return fmt.Errorf("%s %.40q: starts or ends with white space", name, s)
	}
	return nil
}

// timexRange returns the first and last day a TIMEX3 date (YYYY, YYYY-MM
// or YYYY-MM-DD) covers.
func timexRange(s string) (first, last time.Time, err error) {
	switch len(s) {
	case 4:
		y, err := strconv.Atoi(s)
		if err != nil || y < 1 || strings.ContainsAny(s, "+-") {
			return first, last, errors.New("not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
		}
		first = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(1, 0, -1), nil
	case 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return first, last, errors.New("not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
		}
		return t, t.AddDate(0, 1, -1), nil
	case 10:
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return first, last, errors.New("not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
		}
		return t, t, nil
	}
	return first, last, errors.New("not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
}

// TimexRange returns the first and last day a TIMEX3 date covers; ok is false when s is not a YYYY, YYYY-MM or
// YYYY-MM-DD date.
func TimexRange(s string) (first, last time.Time, ok bool) {
	f, l, err := timexRange(s)
	return f, l, err == nil
}
