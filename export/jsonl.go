package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/review"
)

// Line is one line of the JSON Lines export: an article as the extraction
// contract gives it, or an incident with its review state. Type says which.
type Line struct {
	Type     string             `json:"type"` // "article" or "incident"
	Article  *sitrep.Extraction `json:"article,omitempty"`
	Incident *review.Incident   `json:"incident,omitempty"`
}

// JSONL writes one JSON object per line: first each article of articles
// (the extraction contract, code-point offsets, as Doc.Contract gives it),
// then each incident the options select, with its reports and review
// state. A reader tells them apart by "type".
func JSONL(w io.Writer, incs []review.Incident, articles []sitrep.Extraction, o Options) error {
	j := NewJSONL(w, o)
	for i := range articles {
		if err := j.Article(&articles[i]); err != nil {
			return err
		}
	}
	return j.Incidents(incs)
}

// JSONLWriter writes the JSON Lines export a line at a time, so that the
// articles of many stories need not be held at once: Article for each
// article, then Incidents once.
type JSONLWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
	o   Options
}

// NewJSONL returns a JSONLWriter writing to w.
func NewJSONL(w io.Writer, o Options) *JSONLWriter {
	bw := bufio.NewWriter(w)
	return &JSONLWriter{bw: bw, enc: json.NewEncoder(bw), o: o} // one line per value, HTML characters escaped
}

// Article writes one article's line.
func (j *JSONLWriter) Article(x *sitrep.Extraction) error {
	if err := j.enc.Encode(Line{Type: "article", Article: x}); err != nil {
		return fmt.Errorf("export jsonl: article %.40q: %w", x.ID, err)
	}
	return nil
}

// Incidents writes the lines of the incidents the options select, and
// flushes what was written.
func (j *JSONLWriter) Incidents(incs []review.Incident) error {
	for i := range incs {
		if !j.o.Include(incs[i]) {
			continue
		}
		if err := j.enc.Encode(Line{Type: "incident", Incident: &incs[i]}); err != nil {
			return fmt.Errorf("export jsonl: incident %.40q: %w", incs[i].ID, err)
		}
	}
	if err := j.bw.Flush(); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	return nil
}
