package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/pipeline"
)

type extractCmd struct {
	fetchFlags
	Published string   `help:"Publication date (YYYY-MM-DD) to use instead of the one found in the article."`
	Format    string   `help:"Output: json (one object, or an array in argument order for several inputs), jsonl (one object per input line, in argument order), text." default:"json" enum:"json,jsonl,text"`
	Workers   int      `help:"Articles processed at once (default: number of cores)."`
	Inputs    []string `arg:"" help:"Article files (.html .htm .txt .json, optionally .gz), http(s) URLs, or - for standard input."`
}

// extraction is one input's output line: the contract, or why there is none.
type extraction struct {
	*sitrep.Extraction
	Input string `json:"input,omitempty"`
	Error string `json:"error,omitempty"`
}

func (c *extractCmd) Run(e *env) error {
	var published time.Time
	if c.Published != "" {
		t, err := time.Parse(time.DateOnly, c.Published)
		if err != nil {
			return fmt.Errorf("--published %q: expected YYYY-MM-DD", c.Published)
		}
		published = t
	}
	var stdin []byte
	for _, in := range c.Inputs {
		if in == "-" && stdin == nil {
			b, err := io.ReadAll(io.LimitReader(e.stdin, c.MaxBody+1))
			if err != nil {
				return fmt.Errorf("read standard input: %w", err)
			}
			if int64(len(b)) > c.MaxBody {
				return fmt.Errorf("standard input: %w: exceeds %d bytes", fetch.ErrTooLarge, c.MaxBody)
			}
			stdin = b
		}
	}

	client := c.client(e)
	p := pipeline.Default()
	out := make([]extraction, len(c.Inputs))
	pipeline.Parallel(e.ctx, c.Workers, len(c.Inputs), func(ctx context.Context, i int) {
		src := c.Inputs[i]
		var in article.Input
		var err error
		if src == "-" {
			in.URL = "-"
			in.Body, err = fetch.Decompress(bytes.NewReader(stdin), "standard input", c.MaxBody)
		} else {
			in, err = ingest.Load(ctx, client, src, c.MaxBody)
		}
		if err == nil {
			in.Published = published
			var a sitrep.Article
			if a, err = article.Parse(in); err == nil {
				var d *sitrep.Doc
				if d, err = p.Run(ctx, a); err == nil {
					x := d.Contract(p.Version())
					out[i] = extraction{Extraction: &x}
					return
				}
			}
		}
		out[i] = extraction{Input: src, Error: err.Error()}
	})

	failed := 0
	for _, x := range out {
		if x.Error != "" {
			failed++
			fmt.Fprintf(e.stderr, "sitrep extract: %s\n", x.Error)
		}
	}
	if err := writeExtractions(e.stdout, c.Format, out); err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func writeExtractions(w io.Writer, format string, out []extraction) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		for _, x := range out {
			if err := enc.Encode(x); err != nil {
				return err
			}
		}
		return nil
	case "text":
		for i, x := range out {
			if i > 0 {
				fmt.Fprintln(w)
			}
			writeText(w, x)
		}
		return nil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if len(out) == 1 {
		if out[0].Extraction == nil {
			return nil // the error went to stderr
		}
		return enc.Encode(out[0])
	}
	// Several inputs: an array in argument order, a failed input keeping its
	// place as {"input", "error"}, as in jsonl.
	return enc.Encode(out)
}

// writeText prints an extraction for a person: metadata, then each layer
// with the code-point offsets of its items.
func writeText(w io.Writer, x extraction) {
	if x.Extraction == nil {
		fmt.Fprintf(w, "%s: error: %s\n", x.Input, x.Error)
		return
	}
	a := x.Extraction
	published := "unknown"
	if a.Published != nil {
		b, _ := a.Published.MarshalJSON()
		published = strings.Trim(string(b), `"`)
	}
	fmt.Fprintf(w, "%s\n  id %s  url %s\n  published %s  language %s  pipeline %s\n  %d characters\n",
		a.Title, a.ID, a.URL, published, orDash(a.Language), a.Pipeline, len([]rune(a.Text)))
	layer := func(name string, n int, item func(i int) string) {
		fmt.Fprintf(w, "  %s: %d\n", name, n)
		for i := range n {
			fmt.Fprintf(w, "    %s\n", item(i))
		}
	}
	layer("entities", len(a.Entities), func(i int) string {
		x := a.Entities[i]
		return fmt.Sprintf("[%d,%d) %s %q → %s", x.Start, x.End, x.Type, x.Text, x.Name)
	})
	layer("quotes", len(a.Quotes), func(i int) string {
		x := a.Quotes[i]
		who, kind := "?", "reported"
		if x.Speaker != nil {
			who = cmp.Or(x.Speaker.Name, x.Speaker.Text)
		}
		if x.Direct {
			kind = "direct"
		}
		to := ""
		if x.Addressee != nil {
			to = " " + *x.Addressee
		}
		return fmt.Sprintf("[%d,%d) %s %s%s (%s): %q", x.Start, x.End, who, x.Cue, to, kind, x.Text)
	})
	layer("quantities", len(a.Quantities), func(i int) string {
		x := a.Quantities[i]
		bound := func(n *int64) string {
			if n == nil {
				return "open"
			}
			return strconv.FormatInt(*n, 10)
		}
		s := fmt.Sprintf("[%d,%d) %q %s..%s %s %s %s", x.Start, x.End, x.Text, bound(x.Low), bound(x.High), x.Qualifier, x.Unit, x.Category)
		if x.Sourcing != nil && *x.Sourcing >= 0 && *x.Sourcing < len(a.Sourcing) {
			s += " per " + cmp.Or(a.Sourcing[*x.Sourcing].Source.Name, a.Sourcing[*x.Sourcing].Source.Text)
		}
		return s
	})
	layer("times", len(a.Times), func(i int) string {
		x := a.Times[i]
		s := fmt.Sprintf("[%d,%d) %q %s %s", x.Start, x.End, x.Text, x.Type, x.Value)
		if x.Mod != "" {
			s += " " + x.Mod
		}
		if x.From != "" || x.Until != "" {
			s += fmt.Sprintf(" (%s to %s)", orDash(x.From), orDash(x.Until))
		}
		return s
	})
	layer("places", len(a.Places), func(i int) string {
		x := a.Places[i]
		s := fmt.Sprintf("[%d,%d) %q %s %s", x.Start, x.End, x.Text, x.Kind, x.Name)
		if x.Country != "" {
			s += " " + x.Country
		}
		if x.Lat != nil && x.Lon != nil {
			s += fmt.Sprintf(" %.2f,%.2f", *x.Lat, *x.Lon)
		}
		return s
	})
	layer("sourcing", len(a.Sourcing), func(i int) string {
		x := a.Sourcing[i]
		s := fmt.Sprintf("[%d,%d) %q source %s", x.Start, x.End, x.Text, cmp.Or(x.Source.Name, x.Source.Text))
		for _, c := range x.Cites {
			s += " ← " + c.Text
			if c.Anonymous {
				s += " (anonymous)"
			}
		}
		return s
	})
	layer("events", len(a.Events), func(i int) string {
		x := a.Events[i]
		return fmt.Sprintf("[%d,%d) %q %s/%s %s", x.Start, x.End, x.Text, x.Type, x.Subtype, x.Modality)
	})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
