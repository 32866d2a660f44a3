package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// testdata/gum is a hand-made fixture in GUM's layout: news.conllu holds
// two documents, other.conllu one without # newdoc; its README says what
// each sentence exercises.
const gumDir = "testdata/gum"

// gumRealDir is the Wikinews part of GUM, outside the repository (see
// TestReadGUMRealData).
const gumRealDir = "../../shared/data/ner/gum-news"

// gumMention describes a mention the way the tests below spell them.
type gumMention struct {
	text, typ string
	named     bool
	identity  string
}

func gumMentions(ms []GUMMention) []gumMention {
	var out []gumMention
	for _, m := range ms {
		out = append(out, gumMention{m.Text, m.Type, m.Named, m.Identity})
	}
	return out
}

func readGUMString(t *testing.T, s string) []GUMDoc {
	t.Helper()
	docs, err := ReadGUM(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestReadGUMDir(t *testing.T) {
	docs, err := ReadGUMDir(gumDir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	// news.conllu before other.conllu, its documents in file order; the
	// document without # newdoc is named after its file; README.md is
	// not read.
	if got, want := strings.Join(ids, " "), "news_one news_two other"; got != want {
		t.Fatalf("IDs = %s, want %s", got, want)
	}

	tests := []struct {
		id   string
		text string
		// mentions in order of start, longer first.
		mentions []gumMention
	}{
		{
			id: "news_one",
			// Sentences 1 and 2 share a paragraph, 3 starts a # newpar;
			// "Indonesia's" is the multiword token 6-7.
			text: "US President Barack Obama visited NASA. He met asylum seekers in Indonesia's capital.\nObama left.",
			mentions: []gumMention{
				// Head Barack is a proper noun.
				{"US President Barack Obama", "person", true, "Barack_Obama"},
				// An ADJ, but linked and capitalized.
				{"US", "place", true, "United_States"},
				{"NASA", "organization", true, "NASA"},
				// Linked, but a pronoun.
				{"He", "person", false, "Barack_Obama"},
				{"asylum seekers", "person", false, ""},
				// Head "capital": a place named after its modifier is not a name.
				{"Indonesia's capital", "place", false, ""},
				// Ends with the 's of the multiword token. The zero
				// mention on the empty node 8.1 is dropped.
				{"Indonesia's", "place", true, "Indonesia"},
				{"Obama", "person", true, "Barack_Obama"},
			},
		},
		{
			id:   "news_two",
			text: "England captain Harry Kane scored in the United States. Fans cheered the goal of Kane.",
			mentions: []gumMention{
				// Head "captain", but Harry is attached to it as appos.
				{"England captain Harry Kane", "person", true, "Harry_Kane"},
				{"England", "place", true, "England"},
				{"the United States", "place", true, "United_States"},
				{"Fans", "person", false, ""},
				// "Kane" closes itself and the event: "…)4)".
				{"the goal of Kane", "event", false, ""},
				{"Kane", "person", true, "Harry_Kane"},
			},
		},
		{
			id:       "other",
			text:     "NASA said.",
			mentions: []gumMention{{"NASA", "organization", true, "NASA"}},
		},
	}
	for i, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d := docs[i]
			if d.Text != tt.text {
				t.Errorf("Text = %q, want %q", d.Text, tt.text)
			}
			if got, want := fmt.Sprint(gumMentions(d.Mentions)), fmt.Sprint(tt.mentions); got != want {
				t.Errorf("mentions =\n%s\nwant\n%s", got, want)
			}
			for _, m := range d.Mentions {
				if m.In(d.Text) != m.Text {
					t.Errorf("mention %q: span %v covers %q", m.Text, m.Span, m.In(d.Text))
				}
			}
		})
	}
}

func TestReadGUMTokens(t *testing.T) {
	docs, err := ReadGUMDir(gumDir)
	if err != nil {
		t.Fatal(err)
	}
	tokens := func(d GUMDoc) []string {
		var out []string
		for _, s := range d.Tokens {
			out = append(out, s.In(d.Text))
		}
		return out
	}
	tests := []struct {
		doc  int
		want string // the text of every token, "|" between them
	}{
		// One token per syntactic word: the multiword token
		// "Indonesia's" gives "Indonesia" and "'s"; the empty node gives
		// none.
		{0, "US|President|Barack|Obama|visited|NASA|.|He|met|asylum|seekers|in|Indonesia|'s|capital|.|Obama|left|."},
		{2, "NASA|said|."},
	}
	for _, tt := range tests {
		if got := strings.Join(tokens(docs[tt.doc]), "|"); got != tt.want {
			t.Errorf("doc %d tokens = %s, want %s", tt.doc, got, tt.want)
		}
	}
	if got, want := docs[0].Tokens[12], (sitrep.Span{Start: 65, End: 74}); got != want {
		t.Errorf("span of Indonesia = %v, want %v", got, want)
	}
}

// gumWord is a word line with the given ID, form, UPOS, HEAD and MISC.
func gumWord(id, form, upos, head, misc string) string {
	return strings.Join([]string{id, form, "_", upos, "_", "_", head, "dep", "_", misc}, "\t") + "\n"
}

func TestReadGUMFormat(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		text     string
		mentions []gumMention
	}{
		{
			name: "multiword token whose words do not spell it",
			in: "# text = gonna go\n" +
				"1-2\tgonna\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				gumWord("1", "going", "VERB", "0", "Entity=(1-event-new-n-cf1-1-sgl") +
				gumWord("2", "to", "PART", "3", "_") +
				gumWord("3", "go", "VERB", "1", "Entity=1)"),
			text:     "gonna go",
			mentions: []gumMention{{"gonna go", "event", false, ""}},
		},
		{
			name: "SpaceAfter=No on a multiword token",
			in: "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
				gumWord("1", "ca", "AUX", "0", "_") +
				gumWord("2", "n't", "PART", "1", "_") +
				gumWord("3", "!", "PUNCT", "1", "_"),
			text: "can't!",
		},
		{
			name: "CRLF line ends and no final blank line",
			in:   "# newdoc id = d\r\n" + strings.ReplaceAll(gumWord("1", "Paris", "PROPN", "0", "Entity=(1-place-new-n-cf1-1-sgl-Paris)"), "\n", "\r\n"),
			text: "Paris", mentions: []gumMention{{"Paris", "place", true, "Paris"}},
		},
		{
			name: "an identity with hyphens",
			in:   gumWord("1", "Sartre", "PROPN", "0", "Entity=(1-person-new-n-cf1-1-sgl-Jean-Paul_Sartre)"),
			text: "Sartre", mentions: []gumMention{{"Sartre", "person", true, "Jean-Paul_Sartre"}},
		},
		{
			name: "no identity field",
			in:   gumWord("1", "Paris", "PROPN", "0", "Entity=(1-place-new-n-cf1-1-sgl)"),
			text: "Paris", mentions: []gumMention{{"Paris", "place", true, ""}},
		},
		{
			name: "CorefUD's own global.Entity",
			in: "# global.Entity = eid-etype-head-other\n" +
				gumWord("1", "Paris", "PROPN", "0", "Entity=(e1-place-1-x)"),
			text: "Paris", mentions: []gumMention{{"Paris", "place", true, ""}},
		},
		{
			name: "a discontinuous mention becomes one",
			in: gumWord("1", "Kane", "PROPN", "0", "Entity=(1[1/2]-person-new-n-cf1-1-sgl-Harry_Kane)") +
				gumWord("2", ",", "PUNCT", "1", "_") +
				gumWord("3", "Harry", "PROPN", "1", "Entity=(1[2/2])"),
			text: "Kane , Harry", mentions: []gumMention{{"Kane , Harry", "person", true, "Harry_Kane"}},
		},
		{
			name: "a mention opened on an empty node starts at the next word",
			in: gumWord("1", "left", "VERB", "0", "_") +
				"1.1\tleft\t_\tVERB\t_\t_\t_\t_\t_\tEntity=(1-person-new-n-cf1-1-sgl\n" +
				gumWord("2", "Kane", "PROPN", "1", "Entity=1)"),
			text: "left Kane", mentions: []gumMention{{"Kane", "person", true, ""}},
		},
		{
			name: "a common noun heads its mention",
			in: gumWord("1", "Paris", "PROPN", "2", "Entity=(1-person-new-n-cf1-1,2-sgl-X") +
				gumWord("2", "officials", "NOUN", "0", "Entity=1)"),
			text: "Paris officials", mentions: []gumMention{{"Paris officials", "person", false, "X"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readGUMString(t, tt.in)
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			if docs[0].Text != tt.text {
				t.Errorf("Text = %q, want %q", docs[0].Text, tt.text)
			}
			if got, want := fmt.Sprint(gumMentions(docs[0].Mentions)), fmt.Sprint(tt.mentions); got != want {
				t.Errorf("mentions = %s, want %s", got, want)
			}
		})
	}
}

func TestReadGUMErrors(t *testing.T) {
	ok := gumWord("1", "Paris", "PROPN", "0", "_")
	tests := []struct {
		name string
		in   string
		want string // in the error
	}{
		{"nine columns", "# text = x\n1\tx\t_\t_\t_\t_\t0\tdep\t_\n", "line 2: word line has 9 tab-separated columns, want 10"},
		{"bad word ID", gumWord("one", "x", "X", "0", "_"), `line 1: bad word ID "one"`},
		{"word skipped", ok + gumWord("3", "x", "X", "0", "_"), "line 2: word 3 after word 1, want 2"},
		{"sentence does not start at 1", "\n" + gumWord("2", "x", "X", "0", "_"), "line 2: word 2 after word 0, want 1"},
		{"multiword token out of place", ok + "3-4\txy\t_\t_\t_\t_\t_\t_\t_\t_\n", "line 2: multiword token 3-4 after word 1"},
		{"backwards multiword token", "2-1\txy\t_\t_\t_\t_\t_\t_\t_\t_\n", "line 1: multiword token 2-1"},
		{"sentence ends inside a multiword token", "1-2\txy\t_\t_\t_\t_\t_\t_\t_\t_\n" + gumWord("1", "x", "X", "0", "_") + "\n", "line 3: sentence ends inside multiword token 1-2"},
		{"empty node out of place", ok + "3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", "line 2: empty node 3.1 after word 1"},
		{"bad HEAD", gumWord("1", "x", "X", "root", "_"), `line 1: word 1: bad HEAD "root"`},
		{"comment inside a sentence", ok + "# text = Paris\n", "line 2: comment"},
		{"text differs", "# text = Paris, France\n" + ok + "\n", "line 3: sentence rebuilt from its words as \"Paris\", but its # text (line 1) is \"Paris, France\""},
		{"closing an entity never opened", gumWord("1", "x", "X", "0", "Entity=5)"), `line 1: entity closing "5)": entity 5 has no open mention`},
		{"garbage in Entity", gumWord("1", "x", "X", "0", "Entity=abc"), `line 1: bad Entity=abc: "abc" is neither`},
		{"empty entity ID", gumWord("1", "x", "X", "0", "Entity=(-person)"), "line 1: entity opening \"-person\": empty entity ID"},
		{"bad part suffix", gumWord("1", "x", "X", "0", "Entity=(1[3/2]-person)"), `bad entity ID "1[3/2]"`},
		{"mention never closed", "# newdoc id = a\n" + gumWord("1", "x", "X", "0", "Entity=(7-person") + "\n", `line 3: document "a" ends with the mention of entity 7 opened on line 2 still open`},
		{"mention open at the next # newdoc", "# newdoc id = a\n" + gumWord("1", "x", "X", "0", "Entity=(7-person") + "\n# newdoc id = b\n", "line 4: document \"a\" ends with the mention of entity 7 opened on line 2"},
		{"missing part", gumWord("1", "x", "X", "0", "Entity=(7[1/2]-person)"), "ends with 1 of the 2 parts of a mention of entity 7 (line 1)"},
		{"bad global.Entity", "# global.Entity = -\n", "line 1: global.Entity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGUM(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestReadGUMDirErrors(t *testing.T) {
	if _, err := ReadGUMDir(filepath.Join(t.TempDir(), "absent")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("absent dir: err = %v, want not-exist", err)
	}
	if _, err := ReadGUMDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no .conllu files") {
		t.Errorf("empty dir: err = %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.conllu"), []byte("1\tx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadGUMDir(dir); err == nil || !strings.Contains(err.Error(), "bad.conllu: read gum: line 1:") {
		t.Errorf("bad file: err = %v, want it to name the file and line", err)
	}
}

func TestGUMNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"United States", "United States"},
		{"the United States", "United States"},
		{"The Hague", "Hague"},
		{" the  Netherlands ", "Netherlands"},
		{"Trump's", "Trump"},
		{"Trump’s", "Trump"},
		{"the Afghan team's", "Afghan team"},
		{"the United States'", "United States"},
		{"Thebes", "Thebes"},
		{"theory", "theory"},
		{"THE Band", "THE Band"},
		{"the", "the"},
		{"'s", "'s"},
		{"it's Paris", "it's Paris"},
	}
	for _, tt := range tests {
		text := "<" + tt.in + ">"
		s := gumNormalize(text, sitrep.Span{Start: 1, End: 1 + len(tt.in)})
		if got := s.In(text); got != tt.want {
			t.Errorf("normalize %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A predictor with known answers on the fixture, so that every count can
// be checked by hand. The gold named mentions are 4 persons (US President
// Barack Obama, Obama, England captain Harry Kane, Kane), 4 places (US,
// Indonesia's, England, the United States) and 2 organizations (NASA
// twice); He, asylum seekers, Indonesia's capital and Fans are not named,
// and the goal of Kane is an event.
func TestScoreGUM(t *testing.T) {
	docs, err := ReadGUMDir(gumDir)
	if err != nil {
		t.Fatal(err)
	}
	ent := func(d GUMDoc, text, typ string, last bool) sitrep.Entity {
		i := strings.Index(d.Text, text)
		if last {
			i = strings.LastIndex(d.Text, text)
		}
		if i < 0 {
			t.Fatalf("%q not in %s", text, d.ID)
		}
		return sitrep.Entity{Span: sitrep.Span{Start: i, End: i + len(text)}, Text: text, Type: typ}
	}
	predict := func(d GUMDoc) []sitrep.Entity {
		switch d.ID {
		case "news_one":
			return []sitrep.Entity{
				ent(d, "Barack Obama", "PERSON", false),                  // inside "US President Barack Obama": overlap
				ent(d, "US", "LOC", false),                               // exact
				ent(d, "NASA", "ORG", false),                             // exact
				ent(d, "Indonesia", "LOC", false),                        // exact once "'s" is dropped from the gold span
				ent(d, "Obama", "PERSON", true),                          // exact (the third sentence)
				{Span: sitrep.Span{Start: -1, End: 5}, Type: "LOC"},      // does not fit: ignored
				{Span: sitrep.Span{Start: 90, End: 400}, Type: "PERSON"}, // likewise
			}
		case "news_two":
			return []sitrep.Entity{
				ent(d, "England", "ORG", false),           // exact span, wrong type; overlaps the captain too
				ent(d, "Harry Kane", "PERSON", false),     // overlaps "England captain Harry Kane"
				ent(d, "the United States", "LOC", false), // exact: "the" dropped on both sides
				// The second Kane is missed.
			}
		default:
			return []sitrep.Entity{ent(d, "NASA", "MISC", false)} // exact span, wrong type
		}
	}
	r := ScoreGUM(docs, predict)
	want := []GUMTypeScore{
		{Type: "person", Gold: 4, Exact: 1, Overlap: 3, TypedExact: 1, TypedOverlap: 3},
		{Type: "place", Gold: 4, Exact: 4, Overlap: 4, TypedExact: 3, TypedOverlap: 3},
		{Type: "organization", Gold: 2, Exact: 2, Overlap: 2, TypedExact: 1, TypedOverlap: 1},
		{Type: "total", Gold: 10, Exact: 7, Overlap: 9, TypedExact: 5, TypedOverlap: 7},
	}
	if r.Docs != 3 || fmt.Sprint(r.Types) != fmt.Sprint(want) {
		t.Errorf("report = %+v\nwant Docs 3, %+v", r, want)
	}
	total := r.Types[3]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"exact", total.ExactRecall(), 0.7},
		{"overlap", total.OverlapRecall(), 0.9},
		{"typed exact", total.TypedExactRecall(), 0.5},
		{"typed overlap", total.TypedOverlapRecall(), 0.7},
		{"no gold", GUMTypeScore{}.ExactRecall(), 0},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s recall = %v, want %v", c.name, c.got, c.want)
		}
	}

	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	wantText := `GUM named-mention recall: 3 documents (recall only: GUM does not mark every name)
type           gold exact span exact+type overlap+type
person            4      0.250      0.250        0.750
place             4      1.000      0.750        0.750
organization      2      1.000      0.500        0.500
total            10      0.700      0.500        0.700
(spans compared without a leading "the" and a trailing possessive)
`
	if b.String() != wantText {
		t.Errorf("WriteText =\n%s\nwant\n%s", b.String(), wantText)
	}
}

// gumOracle predicts exactly the gold named mentions, with their mapped
// types.
func gumOracle(d GUMDoc) []sitrep.Entity {
	var out []sitrep.Entity
	for _, m := range d.Mentions {
		for _, t := range gumTypes {
			if m.Named && m.Type == t.gum {
				out = append(out, sitrep.Entity{Span: m.Span, Text: m.Text, Type: t.sitrep})
			}
		}
	}
	return out
}

// TestReadGUMRealData reads GUM's 24 Wikinews documents, when they are
// present beside the repository (/work/shared/data/ner/gum-news).
func TestReadGUMRealData(t *testing.T) {
	if _, err := os.Stat(gumRealDir); err != nil {
		t.Skipf("GUM Wikinews data not found at %s (relative to eval/): %v", gumRealDir, err)
	}
	docs, err := ReadGUMDir(gumRealDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 24 {
		t.Errorf("%d documents, want 24", len(docs))
	}
	named := map[string]int{}
	all := map[string]int{}
	found := map[string]bool{}
	for _, d := range docs {
		if !strings.HasPrefix(d.ID, "GUM_news_") {
			t.Errorf("document ID %q", d.ID)
		}
		for i, s := range d.Tokens {
			if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End || (i > 0 && s.Start < d.Tokens[i-1].Start) {
				t.Fatalf("%s: token %d has span %v", d.ID, i, s)
			}
		}
		for _, m := range d.Mentions {
			if m.In(d.Text) != m.Text || m.Text == "" {
				t.Fatalf("%s: mention %q at %v", d.ID, m.Text, m.Span)
			}
			all[m.Type]++
			if m.Named {
				named[m.Type]++
				found[m.Type+" "+gumNormalize(d.Text, m.Span).In(d.Text)] = true
			}
		}
	}
	for _, typ := range []string{"person", "place", "organization"} {
		t.Logf("%-12s %4d named of %4d mentions", typ, named[typ], all[typ])
		// Named mentions are a good part of these types, but far from all
		// (pronouns and common nouns are the rest).
		if named[typ] < 200 || named[typ] > all[typ]*9/10 {
			t.Errorf("%d named %s mentions of %d: not a sane share", named[typ], typ, all[typ])
		}
	}
	for _, want := range []string{"person Trump", "person President Donald Trump", "person Barack Obama", "organization NASA", "place Indonesia", "place United States"} {
		if !found[want] {
			t.Errorf("no named mention %q", want)
		}
	}

	r := ScoreGUM(docs, gumOracle)
	if total := r.Types[len(r.Types)-1]; total.Gold != named["person"]+named["place"]+named["organization"] || total.TypedExactRecall() != 1 {
		t.Errorf("oracle: %+v, want every named mention found", total)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("an oracle's report:\n%s", b.String())
}

func FuzzReadGUM(f *testing.F) {
	for _, name := range []string{"news.conllu", "other.conllu"} {
		b, err := os.ReadFile(filepath.Join(gumDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" + gumWord("1", "ca", "AUX", "9", "Entity=(1[1/2]-x") + gumWord("2", "n't", "PART", "1", "Entity=1[1/2])(1[2/2]-y)"))
	f.Add("1.1\tx\t_\t_\t_\t_\t_\t_\t_\tEntity=(1-a)\n" + gumWord("1", "x", "X", "_", "Entity=(((2)"))
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadGUM(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Tokens {
				if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
					t.Fatalf("token span %v outside a text of %d bytes", s, len(d.Text))
				}
			}
			for _, m := range d.Mentions {
				if m.In(d.Text) != m.Text || m.Start > m.End {
					t.Fatalf("mention %q at %v", m.Text, m.Span)
				}
			}
		}
		ScoreGUM(docs, gumOracle)
	})
}
