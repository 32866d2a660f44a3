package event

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed lexicon/*.tsv
var lexiconFiles embed.FS

// trigger is one phrase of lexicon/triggers.tsv.
type trigger struct {
	words  []string
	label  string // a CASE label or THREAT, DESIGNATION, DEPLOYMENT, OPPOSITION
	cameo  string
	plover string
	rank   int
}

// cue is one phrase of lexicon/modality.tsv: kind is before, after, neg or
// evidence, value the modality or evidence status it marks.
type cue struct {
	words       []string
	kind, value string
}

// alias is a phrase that stands for a state's government.
type alias struct {
	name string
	pre  bool // only right before a trigger ("US strikes")
}

// lexicon holds the read-only tables built once from the embedded files.
type lexicon struct {
	triggers map[string][]trigger // by first word, longest phrase first
	cues     map[string][]cue     // by first word, longest phrase first
	aliases  map[string]alias     // lower-case phrase without a leading "the"
	// snippetCues are the cues of lexicon/snippets.tsv, by first word,
	// longest first; value is the label they speak for.
	snippetCues map[string][]cue
	plover      map[string]string // CAMEO code → PLOVER category
	// maxAliasWords bounds the look-back when matching aliases; aliasEnds
	// holds their last words, so that most tokens need no look-up.
	maxAliasWords int
	aliasEnds     map[string]bool
}

// lexOf returns the tables, read on first use.
var lexOf = sync.OnceValue(func() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		// The files are embedded: a bad one is a bug caught by the tests.
		panic("event: " + err.Error())
	}
	return l
})

func loadLexicon() (*lexicon, error) {
	l := &lexicon{triggers: map[string][]trigger{}, cues: map[string][]cue{},
		aliases: map[string]alias{}, plover: map[string]string{}, snippetCues: map[string][]cue{},
		aliasEnds: map[string]bool{}}
	rows, err := readTable("cameo.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		l.plover[r[0]] = r[1]
	}
	if rows, err = readTable("triggers.tsv", 4); err != nil {
		return nil, err
	}
	for _, r := range rows {
		rank, err := strconv.Atoi(r[3])
		if err != nil || rank < 0 || rank > 3 {
			return nil, fmt.Errorf("triggers.tsv: %q: bad rank %q", r[0], r[3])
		}
		if _, ok := acled[r[1]]; !ok {
			return nil, fmt.Errorf("triggers.tsv: %q: unknown label %q", r[0], r[1])
		}
		pl, ok := l.plover[r[2]]
		if !ok {
			return nil, fmt.Errorf("triggers.tsv: %q: CAMEO code %q not in cameo.tsv", r[0], r[2])
		}
		t := trigger{words: strings.Fields(r[0]), label: r[1], cameo: r[2], plover: pl, rank: rank}
		l.triggers[t.words[0]] = append(l.triggers[t.words[0]], t)
	}
	for _, ts := range l.triggers {
		slices.SortStableFunc(ts, func(a, b trigger) int { return len(b.words) - len(a.words) })
	}
	if rows, err = readTable("modality.tsv", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		kind, value, _ := strings.Cut(r[1], ":")
		c := cue{words: strings.Fields(r[0]), kind: kind, value: value}
		l.cues[c.words[0]] = append(l.cues[c.words[0]], c)
	}
	for _, cs := range l.cues {
		slices.SortStableFunc(cs, func(a, b cue) int { return len(b.words) - len(a.words) })
	}
	if rows, err = readTable("snippets.tsv", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		if !slices.Contains(caseLabels, r[1]) {
			return nil, fmt.Errorf("snippets.tsv: %q: unknown label %q", r[0], r[1])
		}
		c := cue{words: strings.Fields(r[0]), kind: "snippet", value: r[1]}
		l.snippetCues[c.words[0]] = append(l.snippetCues[c.words[0]], c)
	}
	for _, cs := range l.snippetCues {
		slices.SortStableFunc(cs, func(a, b cue) int { return len(b.words) - len(a.words) })
	}
	rows, err = readTable("actors.tsv", -1)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if len(r) < 2 || len(r) > 3 {
			return nil, fmt.Errorf("actors.tsv: %q: want 2 or 3 fields", r[0])
		}
		l.aliases[r[0]] = alias{name: r[1], pre: len(r) == 3 && r[2] == "pre"}
		words := strings.Fields(r[0])
		l.maxAliasWords = max(l.maxAliasWords, len(words))
		l.aliasEnds[words[len(words)-1]] = true
	}
	return l, nil
}

// readTable returns the rows of an embedded tab-separated file, comments
// and blank lines left out; n is the number of fields each row must have
// (-1 for any).
func readTable(file string, n int) ([][]string, error) {
	b, err := lexiconFiles.ReadFile("lexicon/" + file)
	if err != nil {
		return nil, fmt.Errorf("read lexicon %s: %w", file, err)
	}
	var out [][]string
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if n >= 0 && len(f) != n || f[0] == "" {
			return nil, fmt.Errorf("lexicon %s:%d: %d fields, want %d", file, i+1, len(f), n)
		}
		out = append(out, f)
	}
	return out, nil
}
