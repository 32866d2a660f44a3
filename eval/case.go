package eval

// CASE 2021 event snippets (Hürriyetoğlu et al., "Challenges and
// Applications of Automated Extraction of Socio-political Events from Text",
// shared task 3): one ACLED-style event description a line, with its
// sub-event label, scored as that task scores it: accuracy and precision,
// recall and F1 averaged over labels weighted by their gold support (as
// scikit-learn's average="weighted").

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// caseLabels are the labels of the CASE 2021 fine-grained task, in the order
// a report lists them: the ACLED sub-event types, then the task's own
// classes for what ACLED does not code.
var caseLabels = [...]string{
	"AIR_STRIKE", "ARMED_CLASH", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "SUIC_BOMB",
	"CHEM_WEAP", "ATTACK", "ABDUCT_DISSAP", "SEX_VIOL", "PEACE_PROTEST", "PROTEST_WITH_INTER",
	"FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL", "AGREEMENT", "ARREST",
	"CHANGE_TO_GROUP_ACT", "DISR_WEAP", "HQ_ESTABLISHED", "PROPERTY_DISTRUCT",
	"NON_VIOL_TERRIT_TRANSFER", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER",
	"DIPLO", "ATTRIB", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "OTHER",
}

// CaseLabels returns the CASE 2021 labels, ACLED's sub-event types first.
func CaseLabels() []string { return slices.Clone(caseLabels[:]) }

// IsCaseLabel reports whether s is one of the CASE 2021 labels.
func IsCaseLabel(s string) bool { return slices.Contains(caseLabels[:], s) }

// CaseSnippet is one line of a CASE TSV file.
type CaseSnippet struct {
	ID    string
	Text  string
	Label string
	Line  int // 1-based line in the file, for messages
}

// maxCaseLine bounds one line of a CASE file: snippets are a few sentences.
const maxCaseLine = 1 << 20

// ReadCase reads a CASE TSV file: id<TAB>EventSnippet<TAB>SubType a line. A
// first line whose label field is "SubType" is a header and skipped; blank
// lines and lines starting with "#" are skipped. A line with another number
// of fields, an empty id or snippet, a repeated id or an unknown label is an
// error naming the file and line.
func ReadCase(path string) ([]CaseSnippet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return ParseCase(f, path)
}

// ParseCase reads CASE TSV from r as ReadCase does; name is used in errors.
func ParseCase(r io.Reader, name string) ([]CaseSnippet, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxCaseLine)
	var out []CaseSnippet
	seen := map[string]int{} // line of each id
	first := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: %d tab-separated fields, want 3 (id, snippet, label)", name, n, len(f))
		}
		id, snippet, label := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
		if first {
			first = false
			if strings.EqualFold(label, "SubType") {
				continue // the header
			}
		}
		if id == "" || snippet == "" {
			return nil, fmt.Errorf("%s:%d: empty id or snippet", name, n)
		}
		if !IsCaseLabel(label) {
			return nil, fmt.Errorf("%s:%d: unknown label %q", name, n, truncateLabel(label))
		}
		if prev, dup := seen[id]; dup {
			return nil, fmt.Errorf("%s:%d: id %q already on line %d", name, n, truncateLabel(id), prev)
		}
		seen[id] = n
		out = append(out, CaseSnippet{ID: id, Text: snippet, Label: label, Line: n})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s: a line longer than %d bytes", name, maxCaseLine)
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// truncateLabel keeps messages about hostile fields short.
func truncateLabel(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// LabelScore is one label's line of a CASE report.
type LabelScore struct {
	Label                 string
	Support               int // gold items with the label
	Predicted             int // items predicted with the label
	Hits                  int // items both gold and predicted with it
	Precision, Recall, F1 float64
}

// CaseReport scores predicted labels against gold ones.
type CaseReport struct {
	N, Correct int
	Accuracy   float64
	// Weighted averages of the labels' precision, recall and F1, each label
	// weighted by its gold support; a label never predicted has precision 0.
	Precision, Recall, F1 float64
	// Labels holds every label that is gold or predicted at least once, in
	// the order of CaseLabels.
	Labels []LabelScore
}

// ScoreCase compares pred with gold, item by item. Both must have the same
// length and hold only CASE labels.
func ScoreCase(gold, pred []string) (CaseReport, error) {
	if len(gold) != len(pred) {
		return CaseReport{}, fmt.Errorf("score case: %d gold labels, %d predicted", len(gold), len(pred))
	}
	idx := map[string]int{}
	for i, l := range caseLabels {
		idx[l] = i
	}
	var sup, prd, hit [len(caseLabels)]int
	r := CaseReport{N: len(gold)}
	for i := range gold {
		g, okG := idx[gold[i]]
		p, okP := idx[pred[i]]
		if !okG || !okP {
			return CaseReport{}, fmt.Errorf("score case: item %d: unknown label (gold %q, predicted %q)", i+1, truncateLabel(gold[i]), truncateLabel(pred[i]))
		}
		sup[g]++
		prd[p]++
		if g == p {
			hit[g]++
			r.Correct++
		}
	}
	if r.N == 0 {
		return r, nil
	}
	r.Accuracy = float64(r.Correct) / float64(r.N)
	for i, l := range caseLabels {
		if sup[i] == 0 && prd[i] == 0 {
			continue
		}
		s := LabelScore{Label: l, Support: sup[i], Predicted: prd[i], Hits: hit[i]}
		s.Precision = frac(hit[i], prd[i])
		s.Recall = frac(hit[i], sup[i])
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		w := float64(sup[i]) / float64(r.N)
		r.Precision += w * s.Precision
		r.Recall += w * s.Recall
		r.F1 += w * s.F1
		r.Labels = append(r.Labels, s)
	}
	return r, nil
}

// WriteText prints the overall figures and the per-label table.
func (r CaseReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "snippets %d, correct %d, accuracy %.3f\n", r.N, r.Correct, r.Accuracy)
	fmt.Fprintf(&b, "weighted precision %.3f, recall %.3f, F1 %.3f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(&b, "%-30s %9s %9s %9s %7s %9s\n", "label", "precision", "recall", "F1", "support", "predicted")
	for _, s := range r.Labels {
		fmt.Fprintf(&b, "%-30s %9.3f %9.3f %9.3f %7d %9d\n", s.Label, s.Precision, s.Recall, s.F1, s.Support, s.Predicted)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
