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
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw) // one line per value, HTML characters escaped
	for i := range articles {
		if err := enc.Encode(Line{Type: "article", Article: &articles[i]}); err != nil {
			return fmt.Errorf("export jsonl: article %.40q: %w", articles[i].ID, err)
		}
	}
	for i := range incs {
		if !o.Include(incs[i]) {
			continue
		}
		if err := enc.Encode(Line{Type: "incident", Incident: &incs[i]}); err != nil {
			return fmt.Errorf("export jsonl: incident %.40q: %w", incs[i].ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	return nil
}
