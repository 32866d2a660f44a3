package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
)

// GUM's discourse layer marks attributions too, for development of the
// quote annotator where no brat gold is at hand. Each elementary discourse
// unit (EDU) starts at a word whose MISC has
// Discourse=RELATION:SRC->DST:DEPTH:SIGNALS (ROOT:ID:DEPTH for the root);
// an attribution-* relation links the attributing EDU (SRC: "he said",
// "according to X") to the content it attaches to (DST). Its signals,
// joined by "+", each MAJOR-MINOR-WORDS-STATUS with WORDS as document-wide
// word numbers ("121-128", "302,309"), may name the source (sem-atsrc),
// the cue (lex-indph, lex-indwd) and the quotation marks (grf-qt).
//
// The conversion to BratAttribution, as well as can be:
//
//   - Content: the words between the first and last grf-qt marks, marks
//     included, when the signal is there; else the DST unit extended over
//     the adjacent units of its sentence that hang from it (transitively)
//     and are not the SRC unit or an attributing unit.
//   - Source: the sem-atsrc words; else, within SRC, the subtree of its
//     nsubj (or of the noun "according to" governs), as one span from its
//     first to its last word; else none.
//   - Cue: the lex-indph or lex-indwd words; else SRC's head word.

// GUMAttrDoc is one GUM document with the attributions converted.
type GUMAttrDoc struct {
	ID           string
	Text         string
	Attributions []BratAttribution
}

// ReadGUMAttributionsDir converts every *.conllu file in dir.
func ReadGUMAttributionsDir(dir string) ([]GUMAttrDoc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("read gum attributions %s: no .conllu files", dir)
	}
	sort.Strings(paths)
	var out []GUMAttrDoc
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read gum attributions: %w", err)
		}
		docs, err := ReadGUMAttributions(strings.NewReader(string(b)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		for i := range docs {
			if docs[i].ID == "" {
				docs[i].ID = strings.TrimSuffix(filepath.Base(p), ".conllu")
			}
		}
		out = append(out, docs...)
	}
	return out, nil
}

// ReadGUMAttributions converts the documents of one CoNLL-U file.
func ReadGUMAttributions(r io.Reader) ([]GUMAttrDoc, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read gum attributions: %w", err)
	}
	docs, err := ReadGUM(strings.NewReader(string(b)))
	if err != nil {
		return nil, err
	}
	words, err := readGUMWords(string(b))
	if err != nil {
		return nil, err
	}
	if len(words) != len(docs) {
		return nil, fmt.Errorf("read gum attributions: %d documents, %d word lists", len(docs), len(words))
	}
	out := make([]GUMAttrDoc, len(docs))
	for i, d := range docs {
		if len(words[i]) != len(d.Tokens) {
			return nil, fmt.Errorf("read gum attributions: %s: %d words, %d tokens", d.ID, len(words[i]), len(d.Tokens))
		}
		out[i] = GUMAttrDoc{ID: d.ID, Text: d.Text, Attributions: convertGUMAttributions(d, words[i])}
	}
	return out, nil
}

// gumAttrWord is what the conversion needs of one syntactic word.
type gumAttrWord struct {
	head      int // document-wide index of the head word, -1 for the root
	deprel    string
	sent      int // sentence number in the document
	discourse string
}

// readGUMWords reads each document's words (integer IDs only, as ReadGUM's tokens).
func readGUMWords(s string) ([][]gumAttrWord, error) {
	var docs [][]gumAttrWord
	var cur []gumAttrWord
	started := false
	sent, base := 0, 0
	inSent := false
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(l, "# newdoc"):
			if started || len(cur) > 0 {
				docs = append(docs, cur)
			}
			cur, started, sent = nil, true, 0
		case l == "":
			if inSent {
				sent++
			}
			inSent = false
		case l[0] == '#':
		default:
			f := strings.Split(l, "\t")
			if len(f) != 10 {
				return nil, fmt.Errorf("line %d: %d columns", line, len(f))
			}
			if _, err := strconv.Atoi(f[0]); err != nil {
				continue // a multiword range or an empty node
			}
			if !inSent {
				base = len(cur)
				inSent = true
			}
			head, err := strconv.Atoi(f[6])
			if err != nil {
				head = 0
			}
			w := gumAttrWord{head: -1, deprel: f[7], sent: sent}
			if head > 0 {
				w.head = base + head - 1
			}
			for _, m := range strings.Split(f[9], "|") {
				if v, ok := strings.CutPrefix(m, "Discourse="); ok {
					w.discourse = v
				}
			}
			cur = append(cur, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	if started || len(cur) > 0 {
		docs = append(docs, cur)
	}
	return docs, nil
}

type gumEDU struct {
	id, dst    int
	rel        string
	start, end int // words [start, end)
	signals    string
}

func convertGUMAttributions(d GUMDoc, words []gumAttrWord) []BratAttribution {
	var edus []gumEDU
	for i, w := range words {
		if w.discourse == "" {
			continue
		}
		for _, part := range strings.Split(w.discourse, ";") {
			f := strings.SplitN(part, ":", 4)
			if len(f) < 3 {
				continue
			}
			e := gumEDU{rel: f[0], start: i, dst: -1}
			src, dst, ok := strings.Cut(f[1], "->")
			e.id, _ = strconv.Atoi(src)
			if ok {
				e.dst, _ = strconv.Atoi(dst)
			}
			if len(f) == 4 {
				e.signals = f[3]
			}
			edus = append(edus, e)
			break
		}
	}
	for i := range edus {
		edus[i].end = len(words)
		if i+1 < len(edus) {
			edus[i].end = edus[i+1].start
		}
	}
	byID := map[int]int{}
	for i, e := range edus {
		byID[e.id] = i
	}
	span := func(lo, hi int) sitrep.Span { // words [lo, hi]
		return sitrep.Span{Start: d.Tokens[lo].Start, End: d.Tokens[hi].End}
	}
	var out []BratAttribution
	for _, e := range edus {
		if !strings.HasPrefix(e.rel, "attribution") {
			continue
		}
		di, ok := byID[e.dst]
		if !ok {
			continue
		}
		sig := parseGUMSignals(e.signals, len(words))
		var a BratAttribution
		if q := sig["grf-qt"]; len(q) >= 2 {
			a.Content = []sitrep.Span{span(q[0], q[len(q)-1])}
		} else {
			lo, hi := gumContentUnits(edus, di, byID, words)
			a.Content = []sitrep.Span{span(edus[lo].start, edus[hi].end-1)}
		}
		if s := sig["sem-atsrc"]; len(s) > 0 {
			a.Source = []sitrep.Span{span(s[0], s[len(s)-1])}
		} else if lo, hi, ok := gumSubject(words, e.start, e.end); ok {
			a.Source = []sitrep.Span{span(lo, hi)}
		}
		if c := append(sig["lex-indph"], sig["lex-indwd"]...); len(c) > 0 {
			sort.Ints(c)
			a.Cue = []sitrep.Span{span(c[0], c[len(c)-1])}
		} else {
			for i := e.start; i < e.end; i++ {
				if words[i].head < e.start || words[i].head >= e.end {
					a.Cue = []sitrep.Span{span(i, i)}
					break
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// parseGUMSignals maps MAJOR-MINOR to the 0-based word indexes it names.
func parseGUMSignals(s string, n int) map[string][]int {
	out := map[string][]int{}
	for _, sig := range strings.Split(s, "+") {
		f := strings.Split(sig, "-")
		if len(f) < 4 {
			continue
		}
		key := f[0] + "-" + f[1]
		for _, item := range strings.Split(strings.Join(f[2:len(f)-1], "-"), ",") {
			a, b, isRange := strings.Cut(item, "-")
			lo, err1 := strconv.Atoi(a)
			hi := lo
			var err2 error
			if isRange {
				hi, err2 = strconv.Atoi(b)
			}
			if err1 != nil || err2 != nil || lo < 1 || hi > n || hi < lo {
				continue
			}
			for w := lo; w <= hi; w++ {
				out[key] = append(out[key], w-1)
			}
		}
	}
	return out
}

// gumContentUnits extends content unit di over adjacent units of its
// sentence that depend on it (transitively) and do not attribute.
func gumContentUnits(edus []gumEDU, di int, byID map[int]int, words []gumAttrWord) (lo, hi int) {
	under := func(i int) bool {
		for steps := 0; steps < len(edus); steps++ {
			if i == di {
				return true
			}
			j, ok := byID[edus[i].dst]
			if !ok || strings.HasPrefix(edus[i].rel, "attribution") {
				return false
			}
			i = j
		}
		return false
	}
	sent := words[edus[di].start].sent
	lo, hi = di, di
	for lo-1 >= 0 && words[edus[lo-1].start].sent == sent && under(lo-1) {
		lo--
	}
	for hi+1 < len(edus) && words[edus[hi+1].start].sent == sent && under(hi+1) {
		hi++
	}
	return lo, hi
}

// gumSubject finds, within words [lo, hi), the subtree of the subject
// (nsubj) or of the noun "according to" governs.
func gumSubject(words []gumAttrWord, lo, hi int) (int, int, bool) {
	root := -1
	for i := lo; i < hi; i++ {
		if strings.HasPrefix(words[i].deprel, "nsubj") && words[i].head >= lo && words[i].head < hi {
			root = i
			break
		}
		if words[i].deprel == "case" && i+1 < hi && words[i+1].deprel == "fixed" && words[i].head >= lo && words[i].head < hi {
			root = words[i].head // "according to X": X governs "according"
			break
		}
	}
	if root < 0 {
		return 0, 0, false
	}
	first, last := root, root
	for i := lo; i < hi; i++ {
		j := i
		for steps := 0; steps < hi-lo && j >= lo && j < hi && j != root; steps++ {
			j = words[j].head
		}
		if j == root && words[i].deprel != "case" && words[i].deprel != "fixed" && words[i].deprel != "punct" {
			first, last = min(first, i), max(last, i)
		}
	}
	return first, last, true
}
