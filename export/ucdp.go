package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/review"
)

// UCDPHeader returns the columns of the UCDP GED that sitrep can fill, in
// order, with GED's names and meanings, then sitrep's own (modality,
// review state and version). id is sitrep's incident ID; country is an ISO
// 3166-1 alpha-2 code.
func UCDPHeader() []string {
	return []string{"id", "year", "type_of_violence", "side_a", "side_b", "number_of_sources",
		"source_article", "source_office", "source_date", "source_headline",
		"where_prec", "where_coordinates", "latitude", "longitude", "country",
		"date_prec", "date_start", "date_end", "best", "low", "high",
		"modality", "review_state", "version"}
}

// UCDP writes the incidents of organized violence as CSV with UCDP GED's
// columns (see UCDPHeader). GED records violence that happened, so only
// battles, explosions and remote violence, and violence against civilians
// that occurred or are unconfirmed are written.
//
//   - type_of_violence is 3 (one-sided) for violence against civilians and
//     empty otherwise: telling state-based (1) from non-state (2) needs
//     the actors' status, which sitrep does not know;
//   - where_prec is 1 for a town or city, 4 for a first-order division, 5
//     for a region, 6 for a country or larger, and 7 for waters;
//   - date_prec is 1 for a known day, 2 for 2-6 days, 3 for a week, 4 for
//     a month, 5 for longer or when only the reports date it;
//   - best, low and high are the killed figure, empty when unknown;
//   - number_of_sources counts the independent sources; source_article
//     names each original report ("outlet, date, title"), source_office,
//     source_date and source_headline list them one by one, "; " between.
func UCDP(w io.Writer, incs []review.Incident, o Options) error {
	if err := writeCSV(w, UCDPHeader(), ucdpRows(incs, o)); err != nil {
		return fmt.Errorf("export ucdp: %w", err)
	}
	return nil
}

func ucdpRows(incs []review.Incident, o Options) [][]string {
	rows := [][]string{}
	for _, inc := range incs {
		if o.Include(inc) && organizedViolence(inc) {
			rows = append(rows, ucdpRow(inc))
		}
	}
	return rows
}

func organizedViolence(inc review.Incident) bool {
	switch inc.Type {
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		return inc.Modality == "occurred" || inc.Modality == "unconfirmed"
	}
	return false
}

func ucdpRow(inc review.Incident) []string {
	first, last, ok := when(inc)
	year, start, end, prec := "", "", "", ""
	if ok {
		year, start, end = strconv.Itoa(first.Year()), first.Format(time.DateOnly), last.Format(time.DateOnly)
		switch days := int(last.Sub(first).Hours()/24) + 1; {
		case !dated(inc):
			prec = "5"
		case days == 1:
			prec = "1"
		case days <= 6:
			prec = "2"
		case days <= 8:
			prec = "3"
		case days <= 31:
			prec = "4"
		default:
			prec = "5"
		}
	}
	violence := ""
	if inc.Type == "Violence against civilians" {
		violence = "3"
	}
	var where, lat, lon, country, wprec string
	if p := inc.Place; p != nil {
		where, lat, lon, country = p.Name, coord(p.Lat), coord(p.Lon), p.Country
		wprec = wherePrec(p.Kind, p.ID)
	}
	var articles, offices, dates, headlines []string
	for _, r := range sortedReports(originals(inc)) {
		d := ""
		if !r.Published.IsZero() {
			d = r.Published.UTC().Format(time.DateOnly)
		}
		articles = append(articles, strings.Join([]string{r.Source, d, r.Title}, ", "))
		offices = append(offices, r.Source)
		dates = append(dates, d)
		headlines = append(headlines, r.Title)
	}
	f := inc.Tally.Killed.Current
	st, version, _ := state(inc)
	return []string{
		guard(inc.ID), year, violence, guard(name(inc.Actor)), guard(name(inc.Target)), strconv.Itoa(inc.Sources),
		guard(strings.Join(articles, "; ")), guard(strings.Join(offices, "; ")), guard(strings.Join(dates, "; ")),
		guard(strings.Join(headlines, "; ")),
		wprec, guard(where), lat, lon, guard(country),
		prec, start, end, num(f.Best), num(f.Low), num(f.High),
		guard(inc.Modality), st, strconv.Itoa(version),
	}
}

// wherePrec is GED's where_prec of a place kind.
func wherePrec(kind, id string) string {
	if water(kind, id) {
		return "7"
	}
	k, _ := gazetteer.ParseKind(kind)
	switch k {
	case gazetteer.City:
		return "1"
	case gazetteer.Admin2:
		return "3"
	case gazetteer.Admin1:
		return "4"
	case gazetteer.Region:
		return "5"
	case gazetteer.Country, gazetteer.Continent:
		return "6"
	}
	return ""
}
