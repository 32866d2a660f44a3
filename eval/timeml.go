package eval

// TimeML (https://timeml.github.io/site/publications/timeMLdocs/timeml_1.2.1.html)
// as TempEval-3 distributes it: one document a file, the document creation
// time in <DCT> as a TIMEX3 with functionInDocument="CREATION_TIME", the
// article in <TEXT> with TIMEX3 (and EVENT, SIGNAL) elements inline.
//
// A TimeMLDoc's Text is the character content of <TEXT> (entities decoded,
// tags dropped); its Timexes are the TIMEX3 elements inside <TEXT>, with
// byte offsets into Text.
//
// Scoring follows the TempEval-3 task description (UzZaman et al., 2013,
// "SemEval-2013 Task 1: TempEval-3", section 4.1) and its toolkit:
//
//   - strict match: a system and a gold timex with the same extent;
//   - relaxed match: extents that overlap;
//   - precision = system timexes matched / system timexes, recall = gold
//     timexes matched / gold timexes, each counted from its own side;
//   - attribute accuracy (value, type) is measured over the relaxed-matched
//     pairs, and attribute F1 = attribute accuracy × relaxed F1: "value F1"
//     is the figure TempEval-3 ranks normalization by.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
)

// TimeMLDoc is one TimeML file.
type TimeMLDoc struct {
	ID      string    // DOCID, or the file name without extension
	Path    string    // the file read
	DCT     time.Time // the document creation time (zero when absent)
	DCTText string    // its TIMEX3 value as written
	Text    string    // character content of <TEXT>
	Timexes []GoldTimex
}

// GoldTimex is a TIMEX3 element of <TEXT>.
type GoldTimex struct {
	sitrep.Span
	Text  string
	TID   string
	Type  string
	Value string
	Mod   string
}

// ReadTimeML reads one TimeML file.
func ReadTimeML(path string) (TimeMLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return TimeMLDoc{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	d, err := parseTimeML(f)
	if err != nil {
		return TimeMLDoc{}, fmt.Errorf("read %s: %w", path, err)
	}
	d.Path = path
	if d.ID == "" {
		d.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return d, nil
}

// ReadTimeMLDir reads every *.tml file under dir, recursively, in path order.
func ReadTimeMLDir(dir string) ([]TimeMLDoc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.EqualFold(filepath.Ext(p), ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("read %s: no .tml files", dir)
	}
	sort.Strings(paths)
	docs := make([]TimeMLDoc, 0, len(paths))
	for _, p := range paths {
		d, err := ReadTimeML(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func parseTimeML(r io.Reader) (TimeMLDoc, error) {
	var (
		doc              TimeMLDoc
		text             strings.Builder
		inText, inDocID  bool
		inDCT            bool
		open             *GoldTimex // the TIMEX3 being read inside <TEXT>
		dctValue, dctFun string
	)
	dec := xml.NewDecoder(r)
	// TimeBank's EXTRAINFO carries SGML entities such as &Cx1f; that are
	// not XML: read leniently, as the TempEval tools do.
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DOCID":
				inDocID = true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				if inText {
					if open != nil {
						return doc, fmt.Errorf("nested TIMEX3 at byte %d of TEXT", text.Len())
					}
					open = &GoldTimex{Span: sitrep.Span{Start: text.Len()}}
					for _, a := range t.Attr {
						switch a.Name.Local {
						case "tid":
							open.TID = a.Value
						case "type":
							open.Type = a.Value
						case "value":
							open.Value = a.Value
						case "mod":
							open.Mod = a.Value
						}
					}
				} else {
					dctValue, dctFun = "", ""
					for _, a := range t.Attr {
						switch a.Name.Local {
						case "value":
							dctValue = a.Value
						case "functionInDocument":
							dctFun = a.Value
						}
					}
					if dctFun == "CREATION_TIME" || (inDCT && doc.DCTText == "") {
						doc.DCTText = dctValue
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DOCID":
				inDocID = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					open.Text = text.String()[open.Start:open.End]
					doc.Timexes = append(doc.Timexes, *open)
					open = nil
				}
			}
		case xml.CharData:
			switch {
			case inText:
				text.Write(t)
			case inDocID:
				doc.ID += strings.TrimSpace(string(t))
			}
		}
	}
	doc.Text = text.String()
	if doc.DCTText != "" {
		t, err := parseTimexDate(doc.DCTText)
		if err != nil {
			return doc, fmt.Errorf("DCT %q: %w", doc.DCTText, err)
		}
		doc.DCT = t
	}
	return doc, nil
}

// parseTimexDate reads the date part of a TIMEX3 value ("1998-08-07",
// "1998-08-07T06:18:00").
func parseTimexDate(v string) (time.Time, error) {
	if len(v) > 10 {
		v = v[:10]
	}
	return time.Parse("2006-01-02", v)
}

// TimexPair is a relaxed-matched system and gold timex.
type TimexPair struct {
	Gold GoldTimex
	Sys  sitrep.Time
}

// TimexDocReport is one document's matches and mismatches, for --verbose.
type TimexDocReport struct {
	ID       string
	Missed   []GoldTimex   // gold timexes no system timex overlaps
	Spurious []sitrep.Time // system timexes no gold timex overlaps
	Pairs    []TimexPair   // relaxed-matched pairs (first gold per system timex)
}

// TimexReport holds TempEval-3 timex figures.
type TimexReport struct {
	Docs               int
	Gold, Sys          int
	StrictSys          int // system timexes with a gold timex of the same extent
	StrictGold         int // gold timexes with a system timex of the same extent
	RelaxedSys         int // system timexes overlapping a gold timex
	RelaxedGold        int // gold timexes overlapping a system timex
	Pairs              int // relaxed-matched pairs scored for attributes
	ValueOK, TypeOK    int
	PerDoc             []TimexDocReport
	StrictP, StrictR   float64
	StrictF1           float64
	RelaxedP, RelaxedR float64
	RelaxedF1          float64
	ValueAcc, ValueF1  float64
	TypeAcc, TypeF1    float64
}

// ScoreTimex scores system timexes against gold ones, document by document:
// sys[i] are the system's timexes over docs[i].Text.
func ScoreTimex(docs []TimeMLDoc, sys [][]sitrep.Time) (TimexReport, error) {
	if len(docs) != len(sys) {
		return TimexReport{}, fmt.Errorf("score timex: %d documents, %d system outputs", len(docs), len(sys))
	}
	var r TimexReport
	r.Docs = len(docs)
	for i, d := range docs {
		dr := TimexDocReport{ID: d.ID}
		s := sys[i]
		r.Gold += len(d.Timexes)
		r.Sys += len(s)
		goldHit := make([]bool, len(d.Timexes))
		for _, g := range d.Timexes {
			for _, t := range s {
				if t.Span == g.Span {
					r.StrictGold++
					break
				}
			}
		}
		for _, t := range s {
			strict, matched := false, -1
			for j, g := range d.Timexes {
				if t.Span == g.Span {
					strict = true
				}
				if spansOverlap(t.Span, g.Span) {
					goldHit[j] = true
					if matched < 0 {
						matched = j
					}
				}
			}
			if strict {
				r.StrictSys++
			}
			if matched < 0 {
				dr.Spurious = append(dr.Spurious, t)
				continue
			}
			r.RelaxedSys++
			g := d.Timexes[matched]
			r.Pairs++
			if t.Value == g.Value {
				r.ValueOK++
			}
			if t.Type == g.Type {
				r.TypeOK++
			}
			dr.Pairs = append(dr.Pairs, TimexPair{Gold: g, Sys: t})
		}
		for j, hit := range goldHit {
			if hit {
				r.RelaxedGold++
			} else {
				dr.Missed = append(dr.Missed, d.Timexes[j])
			}
		}
		r.PerDoc = append(r.PerDoc, dr)
	}
	r.StrictP, r.StrictR = timexRatio(r.StrictSys, r.Sys), timexRatio(r.StrictGold, r.Gold)
	r.StrictF1 = harmonic(r.StrictP, r.StrictR)
	r.RelaxedP, r.RelaxedR = timexRatio(r.RelaxedSys, r.Sys), timexRatio(r.RelaxedGold, r.Gold)
	r.RelaxedF1 = harmonic(r.RelaxedP, r.RelaxedR)
	r.ValueAcc, r.TypeAcc = timexRatio(r.ValueOK, r.Pairs), timexRatio(r.TypeOK, r.Pairs)
	r.ValueF1, r.TypeF1 = r.ValueAcc*r.RelaxedF1, r.TypeAcc*r.RelaxedF1
	return r, nil
}

func spansOverlap(a, b sitrep.Span) bool { return a.Start < b.End && b.Start < a.End }

func timexRatio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// WriteText writes the figures as a small table.
func (r TimexReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents %d, gold timexes %d, system timexes %d\n", r.Docs, r.Gold, r.Sys)
	fmt.Fprintf(&b, "%-14s %6s %6s %6s\n", "", "P", "R", "F1")
	fmt.Fprintf(&b, "%-14s %6.3f %6.3f %6.3f\n", "strict span", r.StrictP, r.StrictR, r.StrictF1)
	fmt.Fprintf(&b, "%-14s %6.3f %6.3f %6.3f\n", "relaxed span", r.RelaxedP, r.RelaxedR, r.RelaxedF1)
	fmt.Fprintf(&b, "%-14s %6s %6s %6s\n", "", "acc", "", "F1")
	fmt.Fprintf(&b, "%-14s %6.3f %6s %6.3f\n", "value", r.ValueAcc, "", r.ValueF1)
	fmt.Fprintf(&b, "%-14s %6.3f %6s %6.3f\n", "type", r.TypeAcc, "", r.TypeF1)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMismatches lists, per document, the missed and spurious timexes and
// the matched pairs whose value or type differ.
func (r TimexReport) WriteMismatches(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.PerDoc {
		var lines []string
		for _, g := range d.Missed {
			lines = append(lines, fmt.Sprintf("  missed   %q %s %s", g.Text, g.Type, g.Value))
		}
		for _, t := range d.Spurious {
			lines = append(lines, fmt.Sprintf("  spurious %q %s %s", t.Text, t.Type, t.Value))
		}
		for _, p := range d.Pairs {
			if p.Gold.Value != p.Sys.Value || p.Gold.Type != p.Sys.Type || p.Gold.Span != p.Sys.Span {
				lines = append(lines, fmt.Sprintf("  differs  gold %q %s %s, system %q %s %s",
					p.Gold.Text, p.Gold.Type, p.Gold.Value, p.Sys.Text, p.Sys.Type, p.Sys.Value))
			}
		}
		if len(lines) == 0 {
			continue
		}
		slices.Sort(lines)
		fmt.Fprintf(&b, "%s\n%s\n", d.ID, strings.Join(lines, "\n"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
