package story

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep/sitrep"
)

// Drift is one quote that reached readers in more than one wording: the
// same words of the same speaker, cut short or changed from one article to
// another.
type Drift struct {
	Speaker    string `json:"speaker"`     // the global entity's name
	SpeakerKey string `json:"speaker_key"` // the global entity's key
	// Kind is "truncated" when every version is another's with words left
	// out (at either end, or elided inside), "altered" when words were
	// changed or added.
	Kind     string         `json:"kind"`
	Versions []QuoteVersion `json:"versions"`
}

// QuoteVersion is one wording of a quote, as first published.
type QuoteVersion struct {
	Article   string    `json:"article"`
	Source    string    `json:"source"`
	Text      string    `json:"text"`
	Published time.Time `json:"published"`
}

// driftMinWords is the fewest words a quote needs to be compared: shorter
// ones ("war-like", "That's fine") are set phrases, not evidence.
const driftMinWords = 6

// driftMaxWords bounds the words of a quote that are compared, so that a
// hostile quote cannot make a comparison quadratic in its length.
const driftMaxWords = 300

// driftMaxPosting bounds how many quotes one word can bring in as
// candidates: a word that common says nothing of which quote it is.
const driftMaxPosting = 200

// driftMaxVersions bounds the versions reported for one quote.
const driftMaxVersions = 32

// QuoteDrift finds the direct quotes that the story's articles give in
// different wordings. Quotes are grouped by speaker, resolved across
// articles by ents (built over docs when nil); two quotes of a speaker are
// one when the shorter has at least driftMinWords words and four fifths of
// them appear, in order, in the longer. Case, accents, punctuation, quote
// marks and white space are not differences. A drift is reported when a
// quote has at least two wordings in at least two articles; each wording is
// listed once, where it was first published.
func QuoteDrift(docs []*sitrep.Doc, members []Membership, ents *Entities) []Drift {
	if ents == nil {
		ents = NewEntities()
		for _, d := range docs {
			ents.Add(d)
		}
	}
	byArticle := make(map[string]Membership, len(members))
	for _, m := range members {
		byArticle[m.Article] = m
	}
	bySpeaker := map[string][]*driftQuote{}
	var speakers []string
	names := map[string]string{}
	for _, d := range docs {
		if d == nil {
			continue
		}
		m := byArticle[d.ID]
		src, pub := cmp.Or(m.Source, d.Source), m.Published
		if pub.IsZero() {
			pub = d.Published
		}
		for _, q := range d.Quotes {
			if !q.Direct || q.Speaker == nil {
				continue
			}
			words := driftWords(q.Text)
			if len(words) < driftMinWords {
				continue
			}
			sp := ents.mention(d.ID, q.Speaker, "PERSON")
			if sp == nil {
				continue
			}
			if _, ok := bySpeaker[sp.Key]; !ok {
				speakers = append(speakers, sp.Key)
			}
			names[sp.Key] = sp.Name
			bySpeaker[sp.Key] = append(bySpeaker[sp.Key], &driftQuote{
				QuoteVersion: QuoteVersion{Article: d.ID, Source: src, Text: q.Text, Published: pub},
				words:        words,
				norm:         strings.Join(words, " "),
			})
		}
	}
	var out []Drift
	for _, sp := range speakers {
		for _, dr := range driftOf(bySpeaker[sp]) {
			dr.Speaker, dr.SpeakerKey = names[sp], sp
			out = append(out, dr)
		}
	}
	slices.SortStableFunc(out, func(a, b Drift) int {
		return cmp.Or(cmp.Compare(a.Speaker, b.Speaker), a.Versions[0].Published.Compare(b.Versions[0].Published))
	})
	return out
}

type driftQuote struct {
	QuoteVersion
	words []string
	norm  string
}

// driftOf groups one speaker's quotes into quotes told in several wordings.
func driftOf(qs []*driftQuote) []Drift {
	slices.SortStableFunc(qs, func(a, b *driftQuote) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.Article, b.Article))
	})
	parent := make([]int, len(qs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	altered := map[int]bool{} // by root: a pair in the group was altered
	posting := map[string][]int{}
	for i, q := range qs {
		shared := map[int]int{}
		seen := map[string]bool{}
		for _, w := range q.words {
			if seen[w] {
				continue
			}
			seen[w] = true
			if p := posting[w]; len(p) <= driftMaxPosting {
				for _, j := range p {
					shared[j]++
				}
			}
		}
		for w := range seen {
			if len(posting[w]) <= driftMaxPosting {
				posting[w] = append(posting[w], i)
			}
		}
		for j, n := range shared {
			o := qs[j]
			if o.norm == q.norm || 5*n < 4*min(len(seen), driftDistinct(o.words)) {
				if o.norm == q.norm {
					driftUnion(parent, find, altered, i, j, false)
				}
				continue
			}
			short, long := q.words, o.words
			if len(short) > len(long) {
				short, long = long, short
			}
			if len(short) < driftMinWords {
				continue
			}
			common := driftLCS(short, long)
			if 5*common < 4*len(short) {
				continue
			}
			driftUnion(parent, find, altered, i, j, common < len(short))
		}
	}
	groups := map[int][]*driftQuote{}
	var roots []int
	for i, q := range qs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], q)
	}
	var out []Drift
	for _, r := range roots {
		g := groups[r]
		articles := map[string]bool{}
		var versions []QuoteVersion
		wordings := map[string]bool{}
		for _, q := range g {
			articles[q.Article] = true
			if !wordings[q.norm] && len(versions) < driftMaxVersions {
				wordings[q.norm] = true
				versions = append(versions, q.QuoteVersion)
			}
		}
		if len(wordings) < 2 || len(articles) < 2 {
			continue
		}
		kind := "truncated"
		if altered[r] {
			kind = "altered"
		}
		out = append(out, Drift{Kind: kind, Versions: versions})
	}
	return out
}

// driftUnion joins the groups of quotes i and j, carrying whether either
// group, or this pair, was altered.
func driftUnion(parent []int, find func(int) int, altered map[int]bool, i, j int, pairAltered bool) {
	ri, rj := find(i), find(j)
	a := altered[ri] || altered[rj] || pairAltered
	if ri != rj {
		parent[ri] = rj
		delete(altered, ri)
	}
	if a {
		altered[rj] = true
	}
}

func driftDistinct(words []string) int {
	seen := make(map[string]bool, len(words))
	for _, w := range words {
		seen[w] = true
	}
	return len(seen)
}

// driftWords are a quote's words, lower case and unaccented, punctuation
// and quote marks left out ("That’s" is "thats"); at most driftMaxWords.
func driftWords(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			entFoldTo(&b, unicode.ToLower(r))
		case r == '\'' || r == '’':
			// inside a word: dropped, the word goes on
		default:
			flush()
			if len(words) >= driftMaxWords {
				return words
			}
		}
	}
	flush()
	if len(words) > driftMaxWords {
		words = words[:driftMaxWords]
	}
	return words
}

// driftLCS is the length of the longest common subsequence of two word
// lists.
func driftLCS(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			default:
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
