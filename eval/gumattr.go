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
//   - Source: the sem-atsrc words, widened to the subject phrase they
//     head ("Labour's Shadow Home Secretary" to "... Yvette Cooper", the
//     name in apposition); else, within SRC, the subtree of its nsubj (or
//     of the noun "according to" governs), as one span from its first to
//     its last word; else none. Then every other mention of the source's
//     entity in GUM's coreference (Entity=), so that a source written "I"
//     or "he" is found by the speaker's name too.
//   - Media credits ("Image: Nick Moreau" under a caption) are left out:
//     nobody said the caption.
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
	entity    string // the MISC Entity= value: coreference brackets
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
				if v, ok := strings.CutPrefix(m, "Entity="); ok {
					w.entity = v
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
	chains := gumCorefChains(words)
	var out []BratAttribution
	for _, e := range edus {
		if !strings.HasPrefix(e.rel, "attribution") || isMediaCredit(d, e) {
			continue
		}
		di, ok := byID[e.dst]
		if !ok {
			continue
		}
		sig := parseGUMSignals(e.signals, len(words))
		var a BratAttribution
		if q := sig["grf-qt"]; len(q) >= 2 {
			sort.Ints(q)
			a.Content = []sitrep.Span{span(q[0], q[len(q)-1])}
		} else {
			lo, hi := gumContentUnits(edus, di, byID, words)
			a.Content = []sitrep.Span{span(edus[lo].start, edus[hi].end-1)}
		}
		srcLo, srcHi, hasSource := 0, 0, false
		if s := sig["sem-atsrc"]; len(s) > 0 {
			srcLo, srcHi, hasSource = gumSubjectPhrase(words, s[0], s[len(s)-1], e.start, e.end)
		} else {
			srcLo, srcHi, hasSource = gumSubject(words, e.start, e.end)
		}
		if hasSource {
			a.Source = []sitrep.Span{span(srcLo, srcHi)}
			for _, m := range chains.mentionsOf(words, srcLo, srcHi) {
				if m[0] < srcLo || m[1] > srcHi {
					a.Source = append(a.Source, span(m[0], m[1]))
				}
			}
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

// isMediaCredit reports an attribution whose source unit is a media credit
// ("Image: Nick Moreau", "Video: ...") under a caption: GUM relates the
// caption to its author, but nobody said the caption.
func isMediaCredit(d GUMDoc, e gumEDU) bool {
	if e.end-e.start < 2 || e.start+1 >= len(d.Tokens) {
		return false
	}
	first, second := d.Tokens[e.start].In(d.Text), d.Tokens[e.start+1].In(d.Text)
	if second != ":" {
		// The credit's unit may start after the colon: look back.
		if e.start < 2 || d.Tokens[e.start-1].In(d.Text) != ":" {
			return false
		}
		first = d.Tokens[e.start-2].In(d.Text)
	}
	switch first {
	case "Image", "Video", "Audio", "Photo":
		return true
	}
	return false
}

// gumSubjectPhrase widens the sem-atsrc words [lo, hi] to the subject
// phrase they head within the unit [ulo, uhi): GUM's signal often marks
// only the title of "Labour's Shadow Home Secretary Yvette Cooper said",
// leaving out the name in apposition, which is the same source.
func gumSubjectPhrase(words []gumAttrWord, lo, hi, ulo, uhi int) (int, int, bool) {
	head := -1
	for i := lo; i <= hi; i++ {
		if words[i].head < lo || words[i].head > hi {
			head = i
			break
		}
	}
	if head < 0 || !strings.HasPrefix(words[head].deprel, "nsubj") {
		return lo, hi, true
	}
	first, last := lo, hi
	for i := ulo; i < uhi; i++ {
		j := i
		for steps := 0; steps < uhi-ulo && j != head && j >= ulo && j < uhi; steps++ {
			j = words[j].head
		}
		if j == head && words[i].deprel != "punct" && !strings.HasPrefix(words[i].deprel, "acl") {
			first, last = min(first, i), max(last, i)
		}
	}
	return first, last, true
}

// gumChains holds GUM's coreference: each entity's mentions as word
// ranges [first, last].
type gumChains struct {
	ofID map[int][][2]int
}

// gumCorefChains reads the Entity= brackets: "(12-person-..." opens a
// mention of entity 12, "12)" closes it, "(12-...)" is a one-word mention.
func gumCorefChains(words []gumAttrWord) gumChains {
	c := gumChains{ofID: map[int][][2]int{}}
	open := map[int][]int{}
	for w, word := range words {
		v := word.entity
		for i := 0; i < len(v); {
			switch {
			case v[i] == '(':
				j := i + 1
				for j < len(v) && v[j] >= '0' && v[j] <= '9' {
					j++
				}
				id, err := strconv.Atoi(v[i+1 : j])
				k := j
				for k < len(v) && v[k] != '(' && v[k] != ')' {
					k++
				}
				if err == nil {
					if k < len(v) && v[k] == ')' {
						c.ofID[id] = append(c.ofID[id], [2]int{w, w})
						k++
					} else {
						open[id] = append(open[id], w)
					}
				}
				i = k
			case v[i] >= '0' && v[i] <= '9':
				j := i
				for j < len(v) && v[j] >= '0' && v[j] <= '9' {
					j++
				}
				if j < len(v) && v[j] == ')' {
					id, _ := strconv.Atoi(v[i:j])
					if st := open[id]; len(st) > 0 {
						c.ofID[id] = append(c.ofID[id], [2]int{st[len(st)-1], w})
						open[id] = st[:len(st)-1]
					}
					j++
				}
				i = j
			default:
				i++
			}
		}
	}
	return c
}

// mentionsOf returns every mention of the entity whose mention is the
// longest within words [lo, hi] (the source phrase itself, or the name in
// it), so that a source written "I" or "he" is also found by its name.
func (c gumChains) mentionsOf(words []gumAttrWord, lo, hi int) [][2]int {
	best, bestLen := -1, -1
	for id, ms := range c.ofID {
		for _, m := range ms {
			if m[0] >= lo && m[1] <= hi && (m[1]-m[0] > bestLen || m[1]-m[0] == bestLen && id < best) {
				best, bestLen = id, m[1]-m[0]
			}
		}
	}
	if best < 0 {
		return nil
	}
	return c.ofID[best]
}
