// Package synth makes synthetic but realistic news articles for benchmarks:
// deterministic streams of articles recombined from the paragraphs of the
// development corpora (TimeBank and AQUAINT, GeoVirus, GUM's news), grouped
// into stories that share names, places and text, with syndicated copies in
// other outlets and publication dates spread over years.
//
// It reads the corpora from the gold data directory and returns plain
// sitrep.Articles; it does not annotate them. It is for benchmarks and
// tests only: nothing it writes is news.
package synth

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
)

// Corpus is the material articles are made from.
type Corpus struct {
	docs      []source // texts cut into paragraphs
	sentences []string // every sentence of every text
	people    []string // person names
	orgs      []string // organization names
	places    []string // place names
}

type source struct {
	title string
	paras []string
}

// Load reads the corpora under the gold data directory dir (the layout of
// ../shared/data): timex/tbaq/{TimeBank,AQUAINT}, geo/GeoVirus.xml and
// ner/gum-news for text; person and organization names from the entities of
// ner/conll2003/train.txt, place names from GeoVirus's annotations.
func Load(dir string) (*Corpus, error) {
	c := &Corpus{}
	for _, sub := range []string{"timex/tbaq/TimeBank", "timex/tbaq/AQUAINT"} {
		docs, err := eval.ReadTimeMLDir(filepath.Join(dir, sub))
		if err != nil {
			return nil, fmt.Errorf("synth: %w", err)
		}
		for _, d := range docs {
			c.add("", strings.Split(d.Text, "\n\n"))
		}
	}
	geo, err := eval.ReadGeoVirus(filepath.Join(dir, "geo", "GeoVirus.xml"))
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	seen := map[string]bool{}
	for _, a := range geo {
		c.add("", strings.Split(a.Text, "\n"))
		for _, l := range a.Locations {
			if name := strings.TrimSpace(l.Name); name != "" && !seen[name] {
				seen[name] = true
				c.places = append(c.places, name)
			}
		}
	}
	gum, err := eval.ReadGUMDir(filepath.Join(dir, "ner", "gum-news"))
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	for _, d := range gum {
		c.add("", strings.Split(d.Text, "\n"))
	}
	if err := c.readNames(filepath.Join(dir, "ner", "conll2003", "train.txt")); err != nil {
		return nil, err
	}
	if len(c.docs) == 0 || len(c.people) == 0 || len(c.orgs) == 0 || len(c.places) == 0 {
		return nil, fmt.Errorf("synth: %s: too little material (%d texts, %d people, %d organizations, %d places)",
			dir, len(c.docs), len(c.people), len(c.orgs), len(c.places))
	}
	return c, nil
}

// Size reports how many source texts, sentences and names the corpus holds.
func (c *Corpus) Size() (texts, sentences, people, orgs, places int) {
	return len(c.docs), len(c.sentences), len(c.people), len(c.orgs), len(c.places)
}

// add keeps a text's paragraphs of some substance, cutting very long ones
// (GUM and GeoVirus put whole articles on few lines) into pieces of about
// three sentences.
func (c *Corpus) add(title string, paras []string) {
	var out []string
	for _, p := range paras {
		p = strings.Join(strings.Fields(p), " ")
		for _, piece := range cutLong(p, 70) {
			if len(strings.Fields(piece)) >= 6 {
				out = append(out, piece)
			}
		}
	}
	if len(out) >= 3 {
		c.docs = append(c.docs, source{title: title, paras: out})
		for _, p := range out {
			for _, sent := range splitSentences(p) {
				if len(strings.Fields(sent)) >= 5 {
					c.sentences = append(c.sentences, sent)
				}
			}
		}
	}
}

// splitSentences cuts a paragraph after a full stop, question or
// exclamation mark (a closing quote included) that a capitalized word or a
// quote follows. Abbreviations cut wrongly only make shorter sentences.
func splitSentences(p string) []string {
	words := strings.Fields(p)
	var out []string
	from := 0
	for i := 0; i+1 < len(words); i++ {
		w := strings.TrimRight(words[i], "\"'”’)")
		if !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "?") && !strings.HasSuffix(w, "!") {
			continue
		}
		next := strings.TrimLeft(words[i+1], "\"'“‘(")
		if next == "" || next[0] < 'A' || next[0] > 'Z' || len(w) <= 2 {
			continue
		}
		out = append(out, strings.Join(words[from:i+1], " "))
		from = i + 1
	}
	if from < len(words) {
		out = append(out, strings.Join(words[from:], " "))
	}
	return out
}

func cutLong(p string, words int) []string {
	if len(strings.Fields(p)) <= words {
		return []string{p}
	}
	var out []string
	var cur strings.Builder
	n := 0
	for _, w := range strings.Fields(p) {
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
		n++
		if n >= words/2 && (strings.HasSuffix(w, ".") || strings.HasSuffix(w, ".\"")) {
			out = append(out, cur.String())
			cur.Reset()
			n = 0
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func (c *Corpus) readNames(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	defer f.Close()
	sents, err := eval.ReadCoNLL(f)
	if err != nil {
		return fmt.Errorf("synth: read %s: %w", path, err)
	}
	seen := map[string]bool{}
	for _, s := range sents {
		for i := 0; i < len(s.Tags); i++ {
			typ, ok := strings.CutPrefix(s.Tags[i], "B-")
			if !ok {
				continue
			}
			j := i + 1
			for j < len(s.Tags) && s.Tags[j] == "I-"+typ {
				j++
			}
			name, words := strings.Join(s.Words[i:j], " "), j-i
			i = j - 1
			if seen[name] {
				continue
			}
			seen[name] = true
			switch {
			case typ == "PER" && words >= 2: // full names only
				c.people = append(c.people, name)
			case typ == "ORG" && len(name) > 3:
				c.orgs = append(c.orgs, name)
			}
		}
	}
	return nil
}

// Options shape a stream; zero values give the defaults.
type Options struct {
	Articles  int       // how many (default 1000)
	Seed      uint64    // the same seed gives the same stream
	Start     time.Time // first story's earliest date (default 2015-01-01)
	Years     int       // stories start over this many years (default 5)
	StoryMean int       // mean articles per story (default 8)
	// CopyShare is the share of articles that are syndicated copies of an
	// earlier article of their story in another outlet (default 0.15).
	CopyShare float64
	// UndatedShare is the share of articles without a date (default 0.02).
	UndatedShare float64
}

func (o Options) withDefaults() Options {
	o.Articles = cmp.Or(o.Articles, 1000)
	if o.Start.IsZero() {
		o.Start = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	o.Years = cmp.Or(o.Years, 5)
	o.StoryMean = cmp.Or(o.StoryMean, 8)
	o.CopyShare = cmp.Or(o.CopyShare, 0.15)
	o.UndatedShare = cmp.Or(o.UndatedShare, 0.02)
	return o
}

// Article is a generated article and the story it was made for, which is
// the truth a clustering can be scored against.
type Article struct {
	sitrep.Article
	Story  int
	CopyOf string    // the ID of the article it copies, "" for an original
	at     time.Time // when it was published, even if Published hides it
}

// Generate returns o.Articles articles in publication order (undated ones
// where their date would have put them). Each story has a pool of sentences,
// a run of consecutive ones from one source text and the rest from anywhere,
// and its own protagonist, organization and place, named in the headline,
// the lead and the closing paragraph; each article recombines sentences of
// its story's pool into paragraphs.
func Generate(c *Corpus, o Options) []Article {
	o = o.withDefaults()
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	span := time.Duration(o.Years) * 365 * 24 * time.Hour
	var out []Article
	for story := 0; len(out) < o.Articles; story++ {
		st := storyPlan{
			person:  c.people[rng.IntN(len(c.people))],
			org:     c.orgs[rng.IntN(len(c.orgs))],
			place:   c.places[rng.IntN(len(c.places))],
			start:   o.Start.Add(time.Duration(rng.Int64N(int64(span)))),
			outlets: 1 + rng.IntN(60),
		}
		// The story's material: a run of consecutive sentences of one text
		// (they share a subject and names) and sentences from anywhere.
		// Runs start anywhere among all sentences, so two stories open at
		// the same time rarely share one.
		first := rng.IntN(len(c.sentences))
		st.pool = append(st.pool, c.sentences[first:min(first+runLength, len(c.sentences))]...)
		for len(st.pool) < poolSize {
			st.pool = append(st.pool, c.sentences[rng.IntN(len(c.sentences))])
		}
		// Story sizes are geometric, as in news: most stories are short.
		n := 1
		for n < 200 && rng.Float64() > 1/float64(o.StoryMean) {
			n++
		}
		var originals []Article
		for k := 0; k < n && len(out) < o.Articles; k++ {
			var a Article
			if len(originals) > 0 && rng.Float64() < o.CopyShare {
				a = copyArticle(rng, originals[rng.IntN(len(originals))])
			} else {
				a = st.article(rng, k)
			}
			a.Story = story
			a.ID = sitrep.ContentID(a.Title, a.Text)
			a.at = a.Published
			if a.CopyOf == "" {
				originals = append(originals, a)
			}
			if rng.Float64() < o.UndatedShare {
				a.Published = time.Time{}
			}
			out = append(out, a)
		}
	}
	// Publication order; undated articles keep their place among the rest
	// by the date they would have had (their story's).
	slices.SortStableFunc(out, func(a, b Article) int { return a.sortTime().Compare(b.sortTime()) })
	return out
}

type storyPlan struct {
	pool               []string
	person, org, place string
	start              time.Time
	outlets            int
}

// poolSize is how many sentences a story's articles draw from: with five to
// twelve sentences each, two reports of one story share a few sentences
// (as reports share quotes and wire copy) but are not copies.
const (
	poolSize  = 24
	runLength = 8
)

var leads = []string{
	"%s of %s said on Tuesday that the situation in %s remained serious.",
	"Officials in %[3]s said %[1]s, who leads %[2]s, would give details later in the week.",
	"%[2]s, represented by %[1]s, issued a statement from %[3]s on the latest developments.",
	"In %[3]s, %[1]s told reporters that %[2]s was watching events closely.",
}

var closings = []string{
	"%s said the events in %s would be discussed again.",
	"A spokesman for %[3]s declined to comment on what %[1]s had said in %[2]s.",
	"%[1]s is expected back in %[2]s next month.",
	"Neither %[1]s nor %[3]s answered questions about %[2]s.",
}

func (s storyPlan) article(rng *rand.Rand, k int) Article {
	var paras []string
	paras = append(paras, fmt.Sprintf(leads[rng.IntN(len(leads))], s.person, s.org, s.place))
	n := 2 + rng.IntN(4)
	for range n {
		var para []string
		for range 1 + rng.IntN(3) {
			para = append(para, s.pool[rng.IntN(len(s.pool))])
		}
		paras = append(paras, strings.Join(para, " "))
	}
	if rng.IntN(2) == 0 {
		paras = append(paras, fmt.Sprintf(closings[rng.IntN(len(closings))], lastWord(s.person), s.place, s.org))
	}
	// Articles follow the story's first over days to weeks.
	published := s.start.Add(time.Duration(k) * time.Duration(6+rng.IntN(60)) * time.Hour)
	return Article{Article: sitrep.Article{
		Source:    fmt.Sprintf("Outlet %d", rng.IntN(s.outlets)+1),
		Title:     fmt.Sprintf("%s: %s and %s", s.place, lastWord(s.person), s.org),
		Published: published.Truncate(time.Minute),
		Text:      strings.Join(paras, "\n"),
	}}
}

// copyArticle is a syndicated copy: another outlet, headline and dateline,
// a paragraph cut, a credit line, hours later.
func copyArticle(rng *rand.Rand, orig Article) Article {
	paras := strings.Split(orig.Text, "\n")
	if len(paras) > 3 {
		cut := 1 + rng.IntN(len(paras)-1)
		paras = slices.Delete(paras, cut, cut+1)
	}
	outlet := fmt.Sprintf("Outlet %d", 100+rng.IntN(40))
	paras[0] = strings.ToUpper(strings.Fields(orig.Title)[0]) + " (" + outlet + ") - " + paras[0]
	paras = append(paras, "Reporting by staff; editing by the desk.")
	c := orig
	c.Source = outlet
	c.Title = "Update: " + orig.Title
	c.Text = strings.Join(paras, "\n")
	c.Published = orig.at.Add(time.Duration(1+rng.IntN(12)) * time.Hour)
	c.CopyOf = orig.ID
	return c
}

func (a Article) sortTime() time.Time { return a.at }

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}
