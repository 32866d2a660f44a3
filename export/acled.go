package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/review"
)

func newCSV(w io.Writer) *csv.Writer { return csv.NewWriter(w) }

// ACLEDHeader returns the columns ACLED writes, in order. They keep
// ACLED's names and meanings, with these differences: event_id_cnty is
// sitrep's incident ID; country is an ISO 3166-1 alpha-2 code (ACLED
// writes the name, and its iso column a numeric code); source_scale is
// empty unless Options.SourceScale knows the outlets. The last columns are
// sitrep's own: the fatalities' best and high, the number of independent
// sources, the modality (occurred, threatened, planned, denied,
// unconfirmed), and the review state and version.
func ACLEDHeader() []string {
	return []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
		"sub_event_type", "actor1", "actor2", "civilian_targeting", "country", "location", "latitude", "longitude",
		"geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp",
		"fatalities_best", "fatalities_high", "number_of_sources", "modality", "review_state", "version"}
}

// ACLED writes incidents as CSV with ACLED's columns (see ACLEDHeader):
//
//   - event_date is the first day the incident may have happened on
//     (YYYY-MM-DD), else the day of its earliest report;
//   - time_precision is 1 when the day is known, 2 when it is known to a
//     range of at most a week, 3 for a longer range, a month or a year, or
//     when only the reports date it;
//   - geo_precision is 1 for a town or city, 3 for a larger area (a
//     region, a country, waters), empty with no place;
//   - fatalities is the conservative low figure (0 when unknown), as ACLED
//     codes it;
//   - source lists the outlets of the original reports, "; " between them;
//     notes tells what, who, where, when and the sourcing chain of each
//     report;
//   - timestamp is when the record last changed (unix seconds): its
//     review, else its latest report.
func ACLED(w io.Writer, incs []review.Incident, o Options) error {
	if err := writeCSV(w, ACLEDHeader(), acledRows(incs, o)); err != nil {
		return fmt.Errorf("export acled: %w", err)
	}
	return nil
}

func acledRows(incs []review.Incident, o Options) [][]string {
	rows := [][]string{}
	for _, inc := range incs {
		if o.Include(inc) {
			rows = append(rows, acledRow(inc, o))
		}
	}
	return rows
}

func acledRow(inc review.Incident, o Options) []string {
	first, last, ok := when(inc)
	date, year, prec := "", "", ""
	if ok {
		date, year = first.Format(time.DateOnly), strconv.Itoa(first.Year())
		switch days := int(last.Sub(first).Hours() / 24); {
		case !dated(inc):
			prec = "3"
		case days == 0:
			prec = "1"
		case days <= 7:
			prec = "2"
		default:
			prec = "3"
		}
	}
	var country, location, lat, lon, geo string
	if p := inc.Place; p != nil {
		country, location, lat, lon = p.Country, p.Name, coord(p.Lat), coord(p.Lon)
		geo = "3"
		if k, ok := gazetteer.ParseKind(p.Kind); ok && k == gazetteer.City {
			geo = "1"
		}
	}
	civilian := ""
	if inc.Type == "Violence against civilians" {
		civilian = "Civilian targeting"
	}
	names := outlets(inc)
	var scales []string
	for _, n := range names {
		if s := o.SourceScale[n]; s != "" && !slices.Contains(scales, s) {
			scales = append(scales, s)
		}
	}
	f := inc.Tally.Killed.Current
	fatalities := "0"
	if f.Low != nil {
		fatalities = num(f.Low)
	}
	st, version, _ := state(inc)
	return []string{
		guard(inc.ID), date, year, prec, disorder(inc.Type, inc.Subtype), guard(inc.Type), guard(inc.Subtype),
		guard(name(inc.Actor)), guard(name(inc.Target)), civilian, guard(country), guard(location), lat, lon, geo,
		guard(strings.Join(names, "; ")), guard(strings.Join(scales, "-")), guard(notes(inc)), fatalities,
		strconv.FormatInt(timestamp(inc), 10),
		num(f.Best), num(f.High), strconv.Itoa(inc.Sources), guard(inc.Modality), st, strconv.Itoa(version),
	}
}

// disorder is ACLED's disorder type of an event type and sub-event type,
// as ACLED's codebook (2023) assigns them: violent demonstrations are
// demonstrations, mob violence is political violence, and excessive force
// against protesters is both.
func disorder(typ, subtype string) string {
	switch {
	case subtype == "Violent demonstration":
		return "Demonstrations"
	case subtype == "Excessive force against protesters":
		return "Political violence; Demonstrations"
	}
	switch typ {
	case "Battles", "Explosions/Remote violence", "Violence against civilians", "Riots":
		return "Political violence"
	case "Protests":
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return ""
}

// maxNotes bounds the notes of one row: an incident told by hundreds of
// reports names the first ones and says how many more there are.
const maxNotes = 2000

// notes is a short account of the incident and how each original report
// sources it: "On 2025-11-17, United States: Air/drone strike (occurred)
// at Caribbean Sea; killed 3-4. Reports: Wire 2025-11-18 (NBC ← two
// officials); …".
func notes(inc review.Incident) string {
	var b strings.Builder
	if inc.From != "" {
		b.WriteString("On " + inc.From)
		if inc.Until != "" && inc.Until != inc.From {
			b.WriteString(" to " + inc.Until)
		}
		b.WriteString(", ")
	}
	if a := name(inc.Actor); a != "" {
		b.WriteString(a + ": ")
	}
	b.WriteString(strings.TrimSpace(inc.Subtype + " (" + inc.Modality + ")"))
	if t := name(inc.Target); t != "" {
		b.WriteString(" on " + t)
	}
	if inc.Place != nil && inc.Place.Name != "" {
		b.WriteString(" at " + inc.Place.Name)
	}
	f := inc.Tally.Killed.Current
	if f.Low != nil || f.High != nil {
		b.WriteString("; killed " + num(f.Low))
		if f.High == nil {
			b.WriteString(" or more")
		} else if f.Low == nil || *f.High != *f.Low {
			b.WriteString("-" + num(f.High))
		}
	}
	if inc.Review != nil && len(inc.Review.Corrected) > 0 {
		b.WriteString(" (reviewed: " + strings.Join(inc.Review.Corrected, ", ") + ")")
	}
	b.WriteString(". Reports: ")
	// One entry per outlet, day and sourcing: an article telling the
	// incident three times is one report here.
	var parts []string
	for _, r := range sortedReports(originals(inc)) {
		part := r.Source
		if part == "" {
			part = "article " + r.Article
		}
		if !r.Published.IsZero() {
			part += " " + r.Published.UTC().Format(time.DateOnly)
		}
		if r.Sourcing != "" {
			part += " (" + r.Sourcing + ")"
		}
		if !slices.Contains(parts, part) {
			parts = append(parts, part)
		}
	}
	for i, part := range parts {
		if i > 0 {
			part = "; " + part
		}
		if b.Len()+len(part) > maxNotes {
			fmt.Fprintf(&b, "; and %d more", len(parts)-i)
			break
		}
		b.WriteString(part)
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}
