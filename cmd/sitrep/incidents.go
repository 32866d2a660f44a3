package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

type incidentsCmd struct {
	Story  string `help:"The story's ID (see sitrep stories)." required:""`
	Format string `help:"Output format: table or json." default:"table" enum:"table,json"`
}

func (c *incidentsCmd) Run(e *env) error {
	d, err := loadStory(e, c.Story)
	if err != nil {
		return err
	}
	if c.Format == "json" {
		return writeJSON(e.stdout, d.Incidents)
	}
	fmt.Fprintf(e.stdout, "%s  %s\nreports %d, sources %d, %s to %s; incidents %d\n",
		d.ID, safe(d.Title), d.Reports, d.Sources, pubDay(d.First), pubDay(d.Last), len(d.Incidents))
	if d.Truncated {
		fmt.Fprintf(e.stdout, "(incidents of the latest %d articles only)\n", len(d.Articles))
	}
	for _, inc := range d.Incidents {
		printIncident(e.stdout, inc)
	}
	return nil
}

// printIncident writes one incident as a block: what, who, where, when,
// the tally, then each report with its outlet and sourcing. Every string
// comes from articles, so each goes through safe or clip.
func printIncident(w io.Writer, inc review.Incident) {
	what := inc.Subtype
	if what == "" {
		what = inc.Type
	}
	what = safe(what)
	if inc.Aggregate {
		what += " (campaign)"
	}
	fmt.Fprintf(w, "\n%s  %s, %s", safe(inc.ID), what, safe(inc.Modality))
	if inc.Evidence != "" {
		fmt.Fprintf(w, ", evidence %s", safe(inc.Evidence))
	}
	if r := inc.Review; r != nil && r.State != store.StatePending {
		fmt.Fprintf(w, "; %s by %s (version %d)", safe(r.State), safe(r.User), r.Version)
		if len(r.Corrected) > 0 {
			fmt.Fprintf(w, ", corrected %s", safe(strings.Join(r.Corrected, ", ")))
		}
		if r.MergedInto != "" {
			fmt.Fprintf(w, " into %s", safe(r.MergedInto))
		}
	}
	fmt.Fprintln(w)
	var facts []string
	if inc.Actor != nil {
		facts = append(facts, "actor "+safe(inc.Actor.Name))
	}
	if inc.Target != nil {
		facts = append(facts, "target "+safe(inc.Target.Name))
	}
	if inc.Place != nil {
		facts = append(facts, "at "+safe(inc.Place.Name))
	}
	if when := span(inc.From, inc.Until); when != "" {
		facts = append(facts, "when "+safe(when))
	}
	facts = append(facts, fmt.Sprintf("independent sources %d", inc.Sources))
	fmt.Fprintf(w, "  %s\n", strings.Join(facts, "; "))
	for _, s := range []struct {
		name string
		s    story.Series
	}{{"killed", inc.Tally.Killed}, {"wounded", inc.Tally.Wounded}, {"strikes", inc.Tally.Strikes}} {
		if len(s.s.Current.Counts) > 0 {
			fmt.Fprintf(w, "  %s %s\n", s.name, figure(s.s.Current))
		}
	}
	if len(inc.Follows) > 0 {
		fmt.Fprintf(w, "  carries out %s\n", safe(strings.Join(inc.Follows, ", ")))
	}
	if len(inc.FollowedBy) > 0 {
		fmt.Fprintf(w, "  carried out by %s\n", safe(strings.Join(inc.FollowedBy, ", ")))
	}
	for _, r := range inc.Reports {
		line := fmt.Sprintf("  - %s %s: %q", day(r.Published), outlet(r.Source), clip(r.Text, 60))
		if r.Sourcing != "" {
			line += " (" + safe(r.Sourcing) + ")"
		}
		if r.DuplicateOf != "" {
			line += " [copy of " + safe(r.DuplicateOf) + "]"
		}
		fmt.Fprintln(w, line)
		if r.Sentence != "" {
			fmt.Fprintf(w, "      %s\n", clip(r.Sentence, 160))
		}
	}
}

// outlet names a source, or says it is unknown.
func outlet(source string) string {
	if source == "" {
		return "(outlet unknown)"
	}
	return safe(source)
}

// pubDay writes a publication time as its date, "-" when unknown.
func pubDay(p *sitrep.Published) string {
	if p == nil {
		return "-"
	}
	return day(p.Time)
}

// span writes a TIMEX3 range: one date, "from … to …", or "".
func span(from, until string) string {
	switch {
	case from == "" && until == "":
		return ""
	case from == until || until == "":
		return from
	case from == "":
		return "by " + until
	}
	return from + " to " + until
}
