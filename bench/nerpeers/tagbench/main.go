// Command tagbench times one entity tagger, chosen with -tool, on the text
// that bench/nerpeers/mkcorpus writes, and prints one JSON line: the tool,
// its own count of tokens, the number of entities, the time to load its
// model, and the wall and CPU seconds of the timed pass.
//
// Tools:
//
//	sitrep       text.Annotator then ner.Annotator, one sitrep.Doc per article
//	sitrep-text  text.Annotator alone (tokens and sentences), one Doc per article
//	prose        prose v2 NewDocument per paragraph with its default steps
//	             (tokenize, segment, tag, extract), sharing one loaded model
//	prose-noseg  as prose without sentence segmentation, which NER does not
//	             use: prose's fastest configuration that still finds entities
//	prose-default  NewDocument(p) exactly as prose's README shows it: prose
//	             then decodes its models again for every document
//
// The model is loaded once (timed as load_s), then a warm-up pass tags the
// first -warmup-bytes of the text, then the timed pass tags all of it, again
// and again until -min-seconds have passed (for the fast tools, whose single
// pass would be too short to time well); seconds and cpu_s are per pass.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/bench/cputime"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

type result struct {
	Tool     string  `json:"tool"`
	Units    int     `json:"units"` // articles (sitrep) or paragraphs (prose) tagged in the timed pass
	Tokens   int     `json:"tokens"`
	Entities int     `json:"entities"`
	Bytes    int     `json:"bytes"`
	LoadS    float64 `json:"load_s"`
	Passes   int     `json:"passes"`  // timed passes over the text
	Seconds  float64 `json:"seconds"` // wall time of one pass (the mean)
	CPUS     float64 `json:"cpu_s"`   // CPU time of one pass (the mean)
	Note     string  `json:"note,omitempty"`
}

func main() {
	tool := flag.String("tool", "", "sitrep, sitrep-text, prose, prose-noseg or prose-default")
	corpus := flag.String("corpus", "", "text written by mkcorpus")
	warmup := flag.Int("warmup-bytes", 100_000, "bytes of text tagged, untimed, before the timed pass")
	limit := flag.Int("limit-bytes", 0, "tag only the first N bytes in the timed pass (0: all)")
	minSeconds := flag.Float64("min-seconds", 1, "repeat the timed pass until this many seconds have passed; report the mean pass")
	flag.Parse()
	if err := run(*tool, *corpus, *warmup, *limit, *minSeconds); err != nil {
		fmt.Fprintln(os.Stderr, "tagbench:", err)
		os.Exit(1)
	}
}

// tagger tags one unit of text and returns its token and entity counts.
type tagger func(s string) (tokens, entities int, err error)

func run(tool, corpus string, warmup, limit int, minSeconds float64) error {
	b, err := os.ReadFile(corpus)
	if err != nil {
		return err
	}
	all := string(b)
	var units []string // articles for sitrep, paragraphs for prose
	var load func() (tagger, error)
	note := ""
	switch tool {
	case "sitrep", "sitrep-text":
		for a := range strings.SplitSeq(all, "\n\n") {
			if a = strings.TrimSpace(a); a != "" {
				units = append(units, a)
			}
		}
		withNER := tool == "sitrep"
		load = func() (tagger, error) { return sitrepTagger(withNER) }
	case "prose", "prose-noseg", "prose-default":
		units = paragraphs(all)
		load = func() (tagger, error) { return proseTagger(tool) }
		if tool == "prose-default" {
			note = "models decoded again for each document"
		}
	default:
		return fmt.Errorf("unknown -tool %q", tool)
	}
	if limit > 0 {
		units = prefix(units, limit)
	}

	t0 := time.Now()
	tag, err := load()
	if err != nil {
		return err
	}
	loadS := time.Since(t0).Seconds()

	for _, u := range prefix(units, warmup) {
		if _, _, err := tag(u); err != nil {
			return err
		}
	}
	runtime.GC()

	r := result{Tool: tool, Units: len(units), LoadS: loadS, Note: note}
	c0, _ := cputime.Now()
	start := time.Now()
	for r.Passes == 0 || time.Since(start).Seconds() < minSeconds {
		tokens, entities := 0, 0
		for _, u := range units {
			n, e, err := tag(u)
			if err != nil {
				return err
			}
			tokens += n
			entities += e
		}
		r.Tokens, r.Entities = tokens, entities
		r.Passes++
	}
	r.Seconds = time.Since(start).Seconds() / float64(r.Passes)
	if c1, ok := cputime.Now(); ok {
		r.CPUS = (c1 - c0).Seconds() / float64(r.Passes)
	}
	for _, u := range units {
		r.Bytes += len(u)
	}
	w := bufio.NewWriter(os.Stdout)
	json.NewEncoder(w).Encode(r)
	return w.Flush()
}

// paragraphs returns the non-empty lines of s.
func paragraphs(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// prefix returns the first units of us holding about n bytes (at least one).
func prefix(us []string, n int) []string {
	size := 0
	for i, u := range us {
		if size >= n && i > 0 {
			return us[:i]
		}
		size += len(u)
	}
	return us
}

// sitrepTagger returns sitrep's tagger: the text annotator, then the entity
// annotator when withNER. Loading is the first annotation of a short text,
// which makes the entity annotator read its model.
func sitrepTagger(withNER bool) (tagger, error) {
	anns := []sitrep.Annotator{text.Annotator{}}
	if withNER {
		anns = append(anns, ner.Annotator{})
	}
	tag := func(s string) (int, int, error) {
		d := sitrep.NewDoc(sitrep.Article{Text: s, Language: "en"})
		for _, a := range anns {
			if err := a.Annotate(d); err != nil {
				return 0, 0, fmt.Errorf("%s: %w", a.Name(), err)
			}
		}
		return len(d.Tokens), len(d.Entities), nil
	}
	_, _, err := tag("Ban Ki-moon visited Nairobi, Kenya, on Monday with officials of the United Nations.")
	return tag, err
}

// proseTagger returns prose v2's tagger in one of its configurations.
// Loading is the first NewDocument, which decodes the tagger's and the
// entity extractor's models; all but prose-default keep that model.
func proseTagger(tool string) (tagger, error) {
	first, err := prose.NewDocument("Ban Ki-moon visited Nairobi, Kenya, on Monday with officials of the United Nations.")
	if err != nil {
		return nil, err
	}
	var opts []prose.DocOpt
	switch tool {
	case "prose":
		opts = []prose.DocOpt{prose.UsingModel(first.Model)}
	case "prose-noseg":
		opts = []prose.DocOpt{prose.UsingModel(first.Model), prose.WithSegmentation(false)}
	}
	return func(s string) (int, int, error) {
		doc, err := prose.NewDocument(s, opts...)
		if err != nil {
			return 0, 0, err
		}
		return len(doc.Tokens()), len(doc.Entities()), nil
	}, nil
}
