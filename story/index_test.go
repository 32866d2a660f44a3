package story

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/geo"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/text"
)

// ixTestPipeline is what the story tests annotate with: the layers
// FeaturesOf reads.
func ixTestPipeline() *pipeline.Pipeline {
	return pipeline.New(text.Annotator{}, ner.Annotator{}, geo.Annotator{})
}

func ixAnnotate(tb testing.TB, arts []sitrep.Article) []*sitrep.Doc {
	tb.Helper()
	res := ixTestPipeline().RunBatch(context.Background(), arts, 0)
	docs := make([]*sitrep.Doc, len(res))
	for i, r := range res {
		if r.Err != nil {
			tb.Fatalf("annotate %s: %v", arts[i].ID, r.Err)
		}
		docs[i] = r.Doc
	}
	return docs
}

func ixArticleOf(id, source, title string, published time.Time, paragraphs ...string) sitrep.Article {
	return sitrep.Article{ID: id, Source: source, Title: title, Published: published, Text: strings.Join(paragraphs, "\n")}
}

// Two reports of one (invented) event, in different words, and one report
// of something else.
var (
	ixDay = time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC)

	ixReportA = ixArticleOf("a", "Wire One", "Ferry sinks off Zanzibar, dozens missing", ixDay,
		"A passenger ferry carrying more than 300 people capsized on Monday in rough seas between Zanzibar and Pemba, and rescuers said at least 41 bodies had been recovered.",
		"The MV Kilwa Star left Stone Town before dawn and sent a distress call two hours later, according to the Zanzibar maritime authority.",
		"Fishermen from Nungwi were the first to reach the scene and pulled dozens of survivors from the water before navy boats arrived.",
		"Hamad Suleiman, a survivor, said the vessel began to list after its cargo of cement bags shifted in a heavy swell.",
		"Tanzania's transport minister, Mwanaisha Juma, told reporters in Dar es Salaam that the ferry had been licensed for 250 passengers.",
		"Relatives gathered at the port in Stone Town through the afternoon, reading lists of names pinned to a wall by police.",
		"Zanzibar's president declared three days of mourning and ordered an inquiry into how the ferry was loaded.",
		"The crossing is the main link between the islands, and a similar disaster in 2011 killed more than 200 people.")
	ixReportB = ixArticleOf("b", "Daily Two", "Zanzibar ferry disaster: toll rises as inquiry ordered", ixDay.Add(20*time.Hour),
		"Navy divers searched the wreck of the MV Kilwa Star on Tuesday as the number of dead from the ferry disaster off Zanzibar rose to 57.",
		"Officials in Stone Town said 212 people had been rescued but the manifest did not list every passenger, so the number missing was unclear.",
		"The Zanzibar maritime authority suspended the operator's licence while the inquiry ordered by the islands' president examines overloading.",
		"Mwanaisha Juma, Tanzania's transport minister, visited survivors at Mnazi Mmoja hospital and promised compensation for the families.",
		"Survivors described panic as the ship tilted in high waves north of Pemba and passengers without life jackets clung to floating cargo.",
		"Opposition politicians in Dar es Salaam said the government had ignored warnings about ageing ferries since the 2011 sinking.",
		"Mourners held funerals in Nungwi and Pemba as bodies were handed over to relatives.")
	ixReportOther = ixArticleOf("c", "Wire One", "Central bank holds rates as inflation cools", ixDay.Add(3*time.Hour),
		"The central bank of Brazil kept its benchmark interest rate unchanged on Monday, saying inflation had eased for a third month.",
		"Economists in Sao Paulo had expected the pause after consumer prices rose less than forecast in February.",
		"The bank's governor said future moves would depend on food and fuel prices and on the strength of the real against the dollar.",
		"Markets in Sao Paulo rose slightly after the decision, led by retailers and builders.",
		"Brazil's finance ministry welcomed the decision and said the budget target for the year would be kept.")
)

// ixCopyOf is a syndicated copy: another outlet, headline and dateline, one
// paragraph cut, a credit line added, curly quotes for straight ones.
func ixCopyOf(a sitrep.Article, id, source string, cut int) sitrep.Article {
	paras := strings.Split(a.Text, "\n")
	paras = slices.Delete(paras, cut, cut+1)
	paras[0] = "STONE TOWN, Tanzania (" + source + ") – " + paras[0]
	paras = append(paras, "Reporting by Amina Salim; editing by Peter Hall")
	c := a
	c.ID, c.Source = id, source
	c.Title = "Dozens feared dead after overloaded ferry capsizes"
	c.Published = a.Published.Add(5 * time.Hour)
	c.Text = strings.NewReplacer("'", "’").Replace(strings.Join(paras, "\n"))
	return c
}

func TestDuplicatesAndStories(t *testing.T) {
	docs := ixAnnotate(t, []sitrep.Article{
		ixReportA,
		ixReportOther,
		ixCopyOf(ixReportA, "a-copy", "Gazette Three", 3),
		ixReportB,
		ixCopyOf(ixReportA, "a-copy2", "Radio Four", 6),
	})
	ix := NewIndex(Options{})
	got := map[string]Membership{}
	for _, d := range docs {
		got[d.ID] = ix.Add(FeaturesOf(d))
	}
	tests := []struct {
		article, story, duplicateOf string
		why                         string
	}{
		{"a", "sa", "", "the first article starts a story"},
		{"c", "sc", "", "an unrelated article starts another"},
		{"a-copy", "sa", "a", "a copy with another headline, dateline and a cut paragraph is a duplicate"},
		{"b", "sa", "", "another report of the same event joins the story and is not a duplicate"},
		{"a-copy2", "sa", "a", "a copy of a copy's original points at the original"},
	}
	for _, tt := range tests {
		m := got[tt.article]
		if m.Story != tt.story || m.DuplicateOf != tt.duplicateOf {
			t.Errorf("%s: %s: got story %q duplicate of %q (similarity %.2f), want %q and %q",
				tt.article, tt.why, m.Story, m.DuplicateOf, m.Similarity, tt.story, tt.duplicateOf)
		}
	}
	if s := got["a-copy"].Similarity; s < 0.6 || s > 1 {
		t.Errorf("copy similarity %.2f, want an estimated Jaccard in [0.6, 1]", s)
	}
	if ix.Len() != len(docs) {
		t.Errorf("Len = %d, want %d", ix.Len(), len(docs))
	}
	again := ix.Add(FeaturesOf(docs[0]))
	if again.Story != "sa" || ix.Len() != len(docs) {
		t.Errorf("adding an indexed article again: story %q, Len %d; want sa and %d", again.Story, ix.Len(), len(docs))
	}
}

func TestTimeWindow(t *testing.T) {
	late := ixReportB
	late.ID = "b-late"
	late.Published = ixReportA.Published.AddDate(0, 5, 0)
	undated := ixReportB
	undated.ID = "b-undated"
	undated.Published = time.Time{}
	docs := ixAnnotate(t, []sitrep.Article{ixReportA, late, undated})
	tests := []struct {
		name  string
		order []int
		want  string // story of the last article
	}{
		{"five months after the story's last article starts a new story", []int{0, 1}, "sb-late"},
		{"an undated article joins what is current", []int{0, 2}, "sa"},
		{"an undated article does not join a story closed before the clock", []int{0, 1, 2}, "sb-late"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			var m Membership
			for _, i := range tt.order {
				m = ix.Add(FeaturesOf(docs[i]))
			}
			if m.Story != tt.want {
				t.Errorf("story %q (similarity %.2f), want %q", m.Story, m.Similarity, tt.want)
			}
		})
	}
}

// ixRestoreMatches adds feats to an index, then for each prefix restores the
// prefix into a fresh index (through the binary form) and checks that the
// next article gets the same membership from both.
func ixRestoreMatches(t *testing.T, feats []Features) {
	t.Helper()
	ix := NewIndex(Options{})
	ms := make([]Membership, len(feats))
	for i, f := range feats {
		ms[i] = ix.Add(f)
	}
	for n := range len(feats) {
		fresh := NewIndex(Options{})
		for i := range n {
			b, err := feats[i].MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var g Features
			if err := g.UnmarshalBinary(b); err != nil {
				t.Fatal(err)
			}
			fresh.Restore(g, ms[i])
		}
		if got := fresh.Add(feats[n]); got != ms[n] {
			t.Fatalf("after restoring %d articles, article %s: got %+v, want %+v", n, feats[n].Article, got, ms[n])
		}
	}
}

func TestRestore(t *testing.T) {
	docs := ixAnnotate(t, []sitrep.Article{
		ixReportA, ixReportOther, ixCopyOf(ixReportA, "a-copy", "Gazette Three", 3), ixReportB, ixCopyOf(ixReportB, "b-copy", "Radio Four", 2),
	})
	feats := make([]Features, len(docs))
	for i, d := range docs {
		feats[i] = FeaturesOf(d)
	}
	ixRestoreMatches(t, feats)
}

// ixAquaint is the AQUAINT TimeML corpus annotated, in publication order, with
// the hand-made grouping of testdata/stories/aquaint.tsv.
type ixAquaint struct {
	docs          []*sitrep.Doc
	story, topic  map[string]string // article ID → label
	annotateTaken time.Duration
}

var (
	aqOnce   sync.Once
	aqCorpus ixAquaint
	aqErr    error
)

var aqTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)

func ixLoadAQUAINT(t *testing.T) ixAquaint {
	t.Helper()
	dir := shareddata.Path(t, "timex/tbaq/AQUAINT")
	aqOnce.Do(func() { aqCorpus, aqErr = ixReadAQUAINT(dir) })
	if aqErr != nil {
		t.Fatal(aqErr)
	}
	return aqCorpus
}

func ixReadAQUAINT(dir string) (ixAquaint, error) {
	c := ixAquaint{story: map[string]string{}, topic: map[string]string{}}
	f, err := os.Open(filepath.Join("testdata", "stories", "aquaint.tsv"))
	if err != nil {
		return c, err
	}
	defer f.Close()
	byFile := map[string][2]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			return c, fmt.Errorf("aquaint.tsv: bad line %q", sc.Text())
		}
		byFile[cols[0]] = [2]string{cols[1], cols[2]}
	}
	tml, err := eval.ReadTimeMLDir(dir)
	if err != nil {
		return c, err
	}
	var arts []sitrep.Article
	for _, d := range tml {
		labels, ok := byFile[filepath.Base(d.Path)]
		if !ok {
			return c, fmt.Errorf("%s: not in aquaint.tsv", d.Path)
		}
		raw, err := os.ReadFile(d.Path)
		if err != nil {
			return c, err
		}
		title := ""
		if m := aqTitle.FindSubmatch(raw); m != nil {
			title = strings.TrimSpace(string(m[1]))
		}
		source := map[string]string{"APW": "AP", "NYT": "New York Times", "XIE": "Xinhua"}[d.ID[:3]]
		// Paragraphs are separated by blank lines in TimeML; sitrep puts one
		// paragraph on each line.
		var paras []string
		for _, p := range strings.Split(d.Text, "\n\n") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				paras = append(paras, p)
			}
		}
		a := ixArticleOf(filepath.Base(d.Path), source, title, d.DCT, paras...)
		arts = append(arts, a)
		c.story[a.ID], c.topic[a.ID] = labels[0], labels[1]
	}
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.Before(arts[j].Published) })
	start := time.Now()
	res := ixTestPipeline().RunBatch(context.Background(), arts, 0)
	c.annotateTaken = time.Since(start)
	for i, r := range res {
		if r.Err != nil {
			return c, fmt.Errorf("annotate %s: %w", arts[i].ID, r.Err)
		}
		c.docs = append(c.docs, r.Doc)
	}
	return c, nil
}

// ixBCubed returns B-cubed precision and recall of a clustering against a
// gold one (both article → label), from the sizes of the clusters and of
// their intersections, so in time linear in the number of articles.
func ixBCubed(got, gold map[string]string) (precision, recall float64) {
	type cell struct{ got, gold string }
	gotSize, goldSize, both := map[string]float64{}, map[string]float64{}, map[cell]float64{}
	for a, g := range gold {
		gotSize[got[a]]++
		goldSize[g]++
		both[cell{got[a], g}]++
	}
	// Each article of a cell sees the cell's size as its correct neighbours.
	for c, n := range both {
		precision += n * n / gotSize[c.got]
		recall += n * n / goldSize[c.gold]
	}
	total := float64(len(gold))
	return precision / total, recall / total
}

func TestBCubed(t *testing.T) {
	gold := map[string]string{"a": "x", "b": "x", "c": "y"}
	tests := []struct {
		name string
		got  map[string]string
		p, r float64
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "2"}, 1, 1},
		{"all in one", map[string]string{"a": "1", "b": "1", "c": "1"}, (2.0/3 + 2.0/3 + 1.0/3) / 3, 1},
		{"all apart", map[string]string{"a": "1", "b": "2", "c": "3"}, 1, (0.5 + 0.5 + 1) / 3},
	}
	for _, tt := range tests {
		p, r := ixBCubed(tt.got, gold)
		if fmt.Sprintf("%.4f %.4f", p, r) != fmt.Sprintf("%.4f %.4f", tt.p, tt.r) {
			t.Errorf("%s: P %.4f R %.4f, want %.4f %.4f", tt.name, p, r, tt.p, tt.r)
		}
	}
}

func TestAQUAINTStories(t *testing.T) {
	c := ixLoadAQUAINT(t)
	t.Logf("annotated %d documents with text+ner+geo in %v", len(c.docs), c.annotateTaken.Round(time.Millisecond))
	ix := NewIndex(Options{})
	got := map[string]string{}
	var feats []Features
	// The reprints found by reading the corpus (same outlet, same text or
	// the same text with paragraphs added): copy → original.
	wantCopies := map[string]string{
		"APW20000115.0209.tml": "APW20000107.0088.tml",
		"APW20000216.0272.tml": "APW20000216.0193.tml",
		"XIE19990313.0229.tml": "XIE19990313.0031.tml",
	}
	gotCopies := map[string]string{}
	for _, d := range c.docs {
		f := FeaturesOf(d)
		feats = append(feats, f)
		best := ix.explain(f)
		m := ix.Add(f)
		got[d.ID] = m.Story
		if m.DuplicateOf != "" {
			gotCopies[d.ID] = m.DuplicateOf
			t.Logf("duplicate: %s of %s (Jaccard %.2f)", d.ID, m.DuplicateOf, m.Similarity)
		}
		if testing.Verbose() {
			t.Logf("%s %s %-22s → %s (%.2f; best %s %.2f+%.2f) %q", d.Published.Format("2006-01-02"), d.ID, c.story[d.ID], m.Story, m.Similarity, best.Story, best.Cosine, best.Jaccard, d.Title)
		}
	}
	if fmt.Sprint(gotCopies) != fmt.Sprint(wantCopies) {
		t.Errorf("copies %v, want %v", gotCopies, wantCopies)
	}
	p, r := ixBCubed(got, c.story)
	tp, tr := ixBCubed(got, c.topic)
	t.Logf("B-cubed against stories: P %.3f R %.3f F1 %.3f; against topics: P %.3f R %.3f", p, r, 2*p*r/(p+r), tp, tr)
	const floorP, floorR = 0.97, 0.93
	if p < floorP || r < floorR {
		t.Errorf("B-cubed P %.3f R %.3f, want at least %.2f and %.2f", p, r, floorP, floorR)
	}
	embassy := map[string]bool{}
	for id, s := range c.story {
		if s == "embassy-bombings-1998" {
			embassy[got[id]] = true
		}
	}
	if len(embassy) != 1 {
		t.Errorf("the 1998 embassy-bombing reports are in %d stories, want one: %v", len(embassy), embassy)
	}
	t.Run("restore", func(t *testing.T) { ixRestoreMatches(t, feats) })
}

// TestRestoreLongStream restores a long fabricated stream at a few cut
// points (stories big enough for their profiles to be pruned, postings
// lists full, copies among them) and checks that the next articles then get
// the same memberships from the restored index as from the original one.
func TestRestoreLongStream(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 4000
	feats := make([]Features, n)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range feats {
		story := rng.IntN(60)
		var text []string
		for range 60 {
			text = append(text, fmt.Sprintf("w%d", rng.IntN(50_000)))
		}
		f := Features{
			Article:   fmt.Sprintf("a%d", i),
			Source:    fmt.Sprintf("outlet%d", rng.IntN(20)),
			Published: start.Add(time.Duration(i) * time.Hour),
			Terms:     []string{fmt.Sprintf("e:person%d", story), fmt.Sprintf("p:place%d", story%7)},
			Words:     text[:ftMaxWords],
		}
		if i > 0 && rng.IntN(10) == 0 { // a copy of an earlier article
			g := feats[rng.IntN(i)]
			f.Signature, f.Shingles, f.Terms, f.Words = g.Signature, g.Shingles, g.Terms, g.Words
		} else {
			f.Signature, f.Shingles = mhSignature(strings.Join(text, " "), mhShingle)
		}
		feats[i] = f
	}
	for _, cut := range []int{100, 1500, n - 100} {
		orig := NewIndex(Options{})
		fresh := NewIndex(Options{})
		for _, f := range feats[:cut] {
			m := orig.Add(f)
			b, err := f.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var g Features
			if err := g.UnmarshalBinary(b); err != nil {
				t.Fatal(err)
			}
			fresh.Restore(g, m)
		}
		for _, f := range feats[cut : cut+100] {
			if want, got := orig.Add(f), fresh.Add(f); got != want {
				t.Fatalf("cut at %d, article %s: restored index gives %+v, original %+v", cut, f.Article, got, want)
			}
		}
		if cut == n-100 {
			if orig.prunes == 0 {
				t.Error("no story grew past its profile's limit: the stream does not test pruning")
			}
			if len(orig.stories) > 600 {
				t.Errorf("%d stories for 60 subjects: the stream does not test joining", len(orig.stories))
			}
			t.Logf("%d stories, %d profile prunes", len(orig.stories), orig.prunes)
		}
	}
}
