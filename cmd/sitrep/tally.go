package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sitrep/sitrep/story"
)

type tallyCmd struct {
	Story  string `help:"The story's ID (see sitrep stories)." required:""`
	Format string `help:"Output format: table or json." default:"table" enum:"table,json"`
}

func (c *tallyCmd) Run(e *env) error {
	d, err := loadStory(e, c.Story)
	if err != nil {
		return err
	}
	if c.Format == "json" {
		return writeJSON(e.stdout, d.Tally)
	}
	fmt.Fprintf(e.stdout, "%s  %s\nreports %d, sources %d, incidents %d (threats and plans are not counted)\n\n",
		d.ID, safe(d.Title), d.Reports, d.Sources, len(d.Incidents))
	printTally(e.stdout, d.Tally)
	return nil
}

// printTally writes the current figures as a table, then each category's
// history day by day with the counts and sources behind each version.
func printTally(w io.Writer, t story.Tally) {
	series := []struct {
		name string
		s    story.Series
	}{{"killed", t.Killed}, {"wounded", t.Wounded}, {"strikes", t.Strikes}}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CATEGORY\tLOW\tBEST\tHIGH\tREPORTS\tNOTE")
	for _, s := range series {
		note := ""
		if s.s.Current.Contradiction {
			note = "sources disagree"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", s.name, num(s.s.Current.Low), num(s.s.Current.Best),
			num(s.s.Current.High), len(s.s.Current.Counts), note)
	}
	tw.Flush()
	for _, s := range series {
		if len(s.s.History) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s, day by day:\n", s.name)
		for _, v := range s.s.History {
			date := v.Date
			if date == "" {
				date = "undated"
			}
			fmt.Fprintf(w, "  %s  %s\n", safe(date), figure(v.Figure))
			for _, c := range v.Counts {
				fmt.Fprintf(w, "      %s\n", countLine(c))
			}
		}
	}
}

// figure writes low/best/high, open bounds as "?", and a contradiction.
func figure(f story.Figure) string {
	s := fmt.Sprintf("low %s, best %s, high %s", num(f.Low), num(f.Best), num(f.High))
	if f.Contradiction {
		s += " (independent sources disagree)"
	}
	return s
}

// countLine writes one count with the outlet and sourcing behind it.
func countLine(c story.Count) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q", clip(c.Text, 60))
	fmt.Fprintf(&b, " — %s", outlet(c.Source))
	if !c.Published.IsZero() {
		fmt.Fprintf(&b, ", %s", day(c.Published))
	}
	if c.Sourcing != "" {
		fmt.Fprintf(&b, ", citing %s", safe(c.Sourcing))
	}
	if c.Copy {
		b.WriteString(" [copy: not counted as independent]")
	}
	return b.String()
}

func num(v *int64) string {
	if v == nil {
		return "?"
	}
	return strconv.FormatInt(*v, 10)
}
