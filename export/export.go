// Package export writes reviewed incidents in the formats conflict-event
// datasets use: ACLED's CSV columns, UCDP GED's CSV columns, GeoJSON, and
// JSON Lines of the extraction contract with the incidents.
//
// Writers take incidents as review.Apply gives them. Rejected and merged
// incidents are left out unless Options.IncludeRejected asks for them;
// pending (unreviewed) ones are written with their review state, so users
// can filter. Every row carries the incident's ID, the review version and
// state, so that a later export never silently replaces what an earlier one
// said: an earlier export is reproduced from the reviews stored as of its
// time (store.Reviews.LatestReviews with asOf).
//
// CSV text cells are guarded against formula injection as OWASP advises: a
// cell that starts with =, +, -, @, a tab or a carriage return is written
// with a ' before it, and so is one that starts with ' (so that Unescape
// gives back the exact text). Numeric cells are written as numbers and
// never guarded. Line breaks in text become "\n", since CSV readers fold
// "\r\n" inside quoted cells.
//
// The package reads nothing and decides nothing: which incidents, stories
// and reviews to export is the caller's.
package export

import (
	"cmp"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// Options select and describe what is exported.
type Options struct {
	// IncludeRejected exports rejected and merged incidents too.
	IncludeRejected bool
	// Since keeps the incidents that happened on or after it (by their
	// last possible day; an undated one by its latest report).
	Since time.Time
	// SourceScale gives ACLED's source scale (Local, Subnational,
	// National, Regional, International, New media, Other) of outlets by
	// name; sitrep does not know it, so source_scale is empty otherwise.
	SourceScale map[string]string
}

// Include reports whether o exports inc.
func (o Options) Include(inc review.Incident) bool {
	if !o.IncludeRejected && inc.Review != nil {
		switch inc.Review.State {
		case store.StateRejected:
			return false
		case store.StateMerged:
			// A merge that could not be laid (Conflict) left its reports
			// here: they are exported nowhere else.
			if inc.Review.Conflict == "" {
				return false
			}
		}
	}
	if !o.Since.IsZero() {
		_, last, ok := when(inc)
		if !ok || last.Before(o.Since.UTC().Truncate(24*time.Hour)) {
			return false
		}
	}
	return true
}

// Unescape gives back the text of a CSV text cell written by this
// package: it removes the ' put before a cell that could be read as a
// formula.
func Unescape(cell string) string {
	return strings.TrimPrefix(cell, "'")
}

// guard makes text safe for a CSV cell (see the package comment).
func guard(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	risky := s != "" && strings.ContainsRune("=+-@\t\r'", rune(s[0]))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if risky {
		return "'" + s
	}
	return s
}

// clean is text for JSON: valid UTF-8.
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// when is the range of days an incident happened in: its From and Until,
// else the day of its earliest report to its latest (it happened by the
// time it was reported). ok is false when nothing dates it.
func when(inc review.Incident) (first, last time.Time, ok bool) {
	f, _, okF := review.TimexRange(inc.From)
	_, l, okU := review.TimexRange(inc.Until)
	switch {
	case okF && okU:
		return f, l, true
	case okF:
		_, l, _ = review.TimexRange(inc.From)
		return f, l, true
	case okU:
		f, _, _ = review.TimexRange(inc.Until)
		return f, l, true
	}
	for _, r := range inc.Reports {
		if r.Published.IsZero() {
			continue
		}
		d := r.Published.UTC().Truncate(24 * time.Hour)
		if !ok || d.Before(first) {
			first = d
		}
		if !ok || d.After(last) {
			last = d
		}
		ok = true
	}
	return first, last, ok
}

// dated reports whether the incident's own dates (not its reports') say
// when it happened.
func dated(inc review.Incident) bool {
	_, _, okF := review.TimexRange(inc.From)
	_, _, okU := review.TimexRange(inc.Until)
	return okF || okU
}

// originals are the reports that are not copies of another article.
func originals(inc review.Incident) []story.Report {
	var out []story.Report
	for _, r := range inc.Reports {
		if r.DuplicateOf == "" {
			out = append(out, r)
		}
	}
	if out == nil {
		return inc.Reports // only copies: better them than nothing
	}
	return out
}

// outlets are the distinct outlets of the original reports, in the order
// they first reported. A report whose outlet is unknown is named by its
// URL's host, as the pages name it, so that no row is left without a
// source to check.
func outlets(inc review.Incident) []string {
	var out []string
	for _, r := range sortedReports(originals(inc)) {
		s := strings.TrimSpace(r.Source)
		if s == "" {
			if u, err := url.Parse(r.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				s = u.Hostname()
			}
		}
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func sortedReports(rs []story.Report) []story.Report {
	rs = slices.Clone(rs)
	slices.SortStableFunc(rs, func(a, b story.Report) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.Article, b.Article), cmp.Compare(a.Event, b.Event))
	})
	return rs
}

func state(inc review.Incident) (string, int, time.Time) {
	if inc.Review == nil {
		return store.StatePending, 0, time.Time{}
	}
	return inc.Review.State, inc.Review.Version, inc.Review.At
}

// timestamp is when the record last changed, in unix seconds: its review,
// else its latest report; 0 when neither is known. It depends only on the
// record, so an export reproduced later has the same.
func timestamp(inc review.Incident) int64 {
	if _, _, at := state(inc); !at.IsZero() {
		return at.Unix()
	}
	var t time.Time
	for _, r := range inc.Reports {
		if r.Published.After(t) {
			t = r.Published
		}
	}
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func water(kind, id string) bool {
	if strings.HasPrefix(id, "waters-off:") {
		return true
	}
	k, ok := gazetteer.ParseKind(kind)
	return ok && k.Water()
}

func num(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

func coord(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func name(e *story.Entity) string {
	if e == nil {
		return ""
	}
	return e.Name
}

// writeCSV writes a header and rows through encoding/csv.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := newCSV(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}
