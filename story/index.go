package story

import (
	"hash/fnv"
	"math"
	"slices"
	"sync"
	"time"
)

// Options tunes an Index; the zero value gives the defaults.
type Options struct {
	// Duplicate is the estimated Jaccard similarity of word shingles at or
	// above which an article is a copy of an earlier one (default 0.6: most
	// of the text is shared). On the AQUAINT reports a copy with another
	// headline and dateline, a paragraph cut and a credit line scores 0.84
	// on average, while two different reports of one story score at most
	// 0.29 (TestShingleSizeSeparatesCopies). A text nearly contained in
	// the other is a copy below this threshold too (see mhContained).
	Duplicate float64
	// Join is the StoryScore at or above which an article joins a story
	// rather than starting one (default 0.15). On the AQUAINT reports an
	// article's best score against an unrelated story is at most 0.07, and
	// against a related one it should not join (the "Nuremberg Files" court
	// case, against the Slepian killing it mentions) 0.13, while articles
	// joining their own story score 0.16 to 0.6 (TestAQUAINTStories, -v).
	// A dense stream wants more: on BenchmarkIndexAdd's synthetic stream
	// (about a thousand stories open at once, recombined from the same
	// 7,500 sentences) 0.15 merges stories (B-cubed P 0.67, R 0.92) where
	// 0.25 gives P 0.94, R 0.95; but 0.25 splits the AQUAINT stories.
	Join float64
	// Window is how long a story stays open after its latest article
	// (default 90 days: an article published months after a story's last one
	// starts a new story, a quiet month does not end it).
	Window time.Duration
}

func (o Options) withDefaults() Options {
	if o.Duplicate <= 0 {
		o.Duplicate = defaultDuplicate
	}
	if o.Join <= 0 {
		o.Join = 0.15
	}
	if o.Window <= 0 {
		o.Window = 90 * 24 * time.Hour
	}
	return o
}

// defaultDuplicate is Options.Duplicate's default.
const defaultDuplicate = 0.6

const (
	// ixChain is how many articles of one LSH bucket are compared, newest
	// first: a bucket of a thousand copies of one text needs only one of
	// them to find their original.
	ixChain = 16
	// ixPostings is how many recent stories each term remembers: the
	// candidates a new article is scored against come from these lists, so
	// their length bounds the cost of an Add whatever the index holds.
	ixPostings = 16
	// ixProfile is how many terms a story's profile keeps (the commonest);
	// it is pruned back to this when it doubles.
	ixProfile = 256
	// ixNameWeight is how much more a shared name or place counts than a
	// shared content word.
	ixNameWeight = 2.0
	// ixRefresh is how often (in articles of a story) its centroid's norm
	// is recomputed with current IDFs.
	ixRefresh = 8
)

// Index groups articles into stories and finds near-duplicates,
// incrementally: Add decides where one article goes from what the index
// already holds, and never revisits an earlier decision.
//
// The decision rule, for an article a:
//
//  1. Copies. The article's LSH buckets (bands of its MinHash signature)
//     give earlier articles that share a band; of those that a copies (an
//     estimated Jaccard of at least Options.Duplicate, or one text nearly
//     all inside the other), the most similar makes a a copy: DuplicateOf
//     is that article's original (the first indexed of the chain of
//     copies) and a joins its story, however old.
//  2. Stories. Otherwise each candidate story (reached through the recent
//     stories of a's terms, and through LSH candidates below the copy
//     threshold) that is open at a's time gets a StoryScore: the cosine
//     similarity of a's weighted term vector to the story's centroid, plus
//     the highest estimated shingle Jaccard of a to an article of the story.
//     Terms are the names and places of Features.Terms (weight ixNameWeight)
//     and Features.Words (weight 1), each times its inverse document
//     frequency over the articles indexed so far, so that "United States"
//     counts little and "Dar es Salaam" much. a joins the best story scoring
//     at least Options.Join, else starts a story of its own.
//  3. Time. A story is open to articles published from Window before its
//     first article to Window after its latest. An article of unknown date
//     is taken to be published at the index's clock, the latest publication
//     time it has seen, so it can join what is current and nothing older.
//
// Costs per Add are bounded by constants (bands × ixChain signature
// comparisons, terms × ixPostings candidate updates, ixProfile terms per
// story), and the maps the index keeps are hashed, so the time per article
// does not grow with the number of articles indexed. Postings keep recent
// stories only: an article back-filled long after its story went quiet may
// start a new story rather than find the old one.
//
// An Index is safe for concurrent use.
type Index struct {
	mu  sync.Mutex
	opt Options

	byID    map[string]int32
	arts    []ixArticle
	sigs    []uint32 // mhSize per article, in arts order; empty rows for unsigned articles
	buckets map[uint64]int32
	next    []int32 // per article and band: the previous article in the same bucket

	df      map[uint64]int32 // term → articles holding it
	docs    int32            // articles counted in df
	post    map[uint64][]ixPosting
	stories []ixStory
	storyID map[string]int32
	clock   int64 // latest publication time seen, Unix seconds

	// Scratch space of decide, one slot per story: acc[s] holds story s's
	// dot product when stamp[s] == epoch. Arrays rather than a map, since
	// an Add touches hundreds of candidate stories.
	acc   []float64
	stamp []uint32
	epoch uint32

	prunes int // story profiles pruned so far (tests read it)
}

type ixArticle struct {
	id       string
	shingles int32
	story    int32
	dupOf    int32 // the original's position, -1 for an original
	signed   bool  // has a signature worth comparing
}

type ixStory struct {
	id          string
	first, last int64   // effective publication times, Unix seconds
	n           float64 // articles
	// terms is the summed weight of each term over the story's articles;
	// order lists them as they came, so that sums over them are always
	// taken in the same order (floating-point addition is not associative,
	// and Restore must reproduce Add to the last bit).
	terms map[uint64]ixWeight
	order []uint64
	// sumsq is the sum of the squared centroid components times n², each
	// as computed when its term last changed: IDFs drift a little until a
	// term comes back, which is the price of updating the norm in time
	// proportional to the article rather than to the story.
	sumsq float64
}

// ixPosting is a story in a term's postings, with the term's summed weight
// in that story (the same as in the story's profile), so that scoring reads
// the short postings list and not each story's profile.
type ixPosting struct {
	story int32
	sum   float32
}

type ixWeight struct {
	sum float64 // summed weights of the term over the story's articles
	sq  float64 // (IDF × sum)² when sum last changed
}

// norm is the length of the story's centroid.
func (st *ixStory) norm() float64 {
	if st.n == 0 || st.sumsq <= 0 {
		return 0
	}
	return math.Sqrt(st.sumsq) / st.n
}

// NewIndex returns an empty index.
func NewIndex(o Options) *Index {
	return &Index{
		opt:     o.withDefaults(),
		byID:    map[string]int32{},
		buckets: map[uint64]int32{},
		df:      map[uint64]int32{},
		post:    map[uint64][]ixPosting{},
		storyID: map[string]int32{},
	}
}

// Len returns the number of articles indexed.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.arts)
}

// Add decides where f's article goes, remembers it and returns the
// decision. Adding an article already indexed returns its membership again
// and changes nothing.
func (ix *Index) Add(f Features) Membership {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i, ok := ix.byID[f.Article]; ok {
		return ix.membership(i, f)
	}
	q := ix.query(f)
	m := ix.decide(f, q)
	ix.apply(f, q, m)
	return m
}

// Restore re-adds an article with the membership the store kept, so that
// the index then behaves as if Add had decided m. Articles must be restored
// in the order they were first added.
func (ix *Index) Restore(f Features, m Membership) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, ok := ix.byID[f.Article]; ok {
		return
	}
	m.Article = f.Article
	if m.Story == "" {
		m.Story = "s" + f.Article
	}
	ix.apply(f, ix.query(f), m)
}

func (ix *Index) membership(i int32, f Features) Membership {
	a := ix.arts[i]
	m := Membership{Article: f.Article, Story: ix.stories[a.story].id, Source: f.Source, Published: f.Published}
	if a.dupOf >= 0 {
		m.DuplicateOf = ix.articleID(a.dupOf)
	}
	return m
}

func (ix *Index) articleID(i int32) string { return ix.arts[i].id }

// ixQuery is what the index computes of an article before deciding: its
// time, band keys and weighted terms.
type ixQuery struct {
	time   int64
	signed bool
	keys   []uint64
	terms  []ixTerm
	norm   float64
}

type ixTerm struct {
	h      uint64
	weight float64 // ixNameWeight for names and places, 1 for words
	idf    float64
	w      float64 // weight × IDF: the article's vector
}

func (ix *Index) query(f Features) ixQuery {
	q := ixQuery{time: ix.clock}
	if !f.Published.IsZero() {
		q.time = f.Published.Unix()
	}
	q.signed = len(f.Signature) == mhSize && f.Shingles >= mhMinShingles
	if q.signed {
		q.keys = mhBandKeys(f.Signature)
	}
	seen := map[uint64]bool{}
	addTerms := func(prefix string, list []string, weight float64) {
		for _, t := range list {
			h := ixHash(prefix, t)
			if seen[h] {
				continue
			}
			seen[h] = true
			idf := ix.idf(h)
			w := weight * idf
			q.terms = append(q.terms, ixTerm{h: h, weight: weight, idf: idf, w: w})
			q.norm += w * w
		}
	}
	addTerms("t", f.Terms, ixNameWeight)
	addTerms("w", f.Words, 1)
	q.norm = math.Sqrt(q.norm)
	return q
}

// idf is the smoothed inverse document frequency of a term.
func (ix *Index) idf(h uint64) float64 {
	return math.Log(float64(ix.docs+1)/float64(ix.df[h]+1)) + 1
}

func ixHash(prefix, s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(prefix))
	h.Write([]byte(s))
	return h.Sum64()
}

// StoryScore is the affinity of an article to a story: the cosine of the
// article's IDF-weighted term vector to the story's centroid plus the best
// estimated shingle Jaccard of the article to one of the story's articles
// (0 when none shares an LSH band). Add joins the best story scoring at
// least Options.Join.
type StoryScore struct {
	Story   string
	Cosine  float64
	Jaccard float64
}

// Total is the score compared with the threshold.
func (s StoryScore) Total() float64 { return s.Cosine + s.Jaccard }

// explain returns the best StoryScore f would get, without adding it.
func (ix *Index) explain(f Features) StoryScore {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	_, best := ix.decideScore(f, ix.query(f))
	return best
}

func (ix *Index) decide(f Features, q ixQuery) Membership {
	m, _ := ix.decideScore(f, q)
	return m
}

func (ix *Index) decideScore(f Features, q ixQuery) (Membership, StoryScore) {
	m := Membership{Article: f.Article, Source: f.Source, Published: f.Published}

	// Copies and near copies through LSH.
	near := make(map[int32]float64, 8) // story → best Jaccard
	if q.signed {
		sig := f.Signature
		best, bestJ := int32(-1), 0.0
		seen := make(map[int32]bool, 2*mhBands)
		for b, key := range q.keys {
			i, ok := ix.buckets[key]
			for c := 0; ok && i >= 0 && c < ixChain; c++ {
				if !seen[i] {
					seen[i] = true
					j := mhJaccard(sig, ix.sig(i))
					s := ix.arts[i].story
					near[s] = max(near[s], j)
					if ix.copies(j, f.Shingles, int(ix.arts[i].shingles)) && (j > bestJ || (j == bestJ && i < best)) {
						best, bestJ = i, j
					}
				}
				i = ix.next[int(i)*mhBands+b]
			}
		}
		if best >= 0 {
			orig := best
			if d := ix.arts[best].dupOf; d >= 0 {
				orig = d
			}
			m.DuplicateOf = ix.articleID(orig)
			m.Story = ix.stories[ix.arts[orig].story].id
			m.Similarity = mhJaccard(sig, ix.sig(orig))
			return m, StoryScore{Story: m.Story, Jaccard: bestJ}
		}
	}

	// Stories through the terms' postings: accumulate the dot products.
	// The centroid holds summed weights; its component is their mean
	// times the IDF, so the mean's division waits for the story's n.
	ix.epoch++
	if ix.epoch == 0 { // wrapped: clear every stamp once in 2³² calls
		clear(ix.stamp)
		ix.epoch = 1
	}
	var cands []int32
	for _, t := range q.terms {
		for _, p := range ix.post[t.h] {
			if ix.stamp[p.story] != ix.epoch {
				ix.stamp[p.story] = ix.epoch
				ix.acc[p.story] = 0
				cands = append(cands, p.story)
			}
			ix.acc[p.story] += t.w * t.idf * float64(p.sum)
		}
	}
	best := StoryScore{}
	bestIdx := int32(-1)
	consider := func(s int32) {
		st := &ix.stories[s]
		if !ix.open(st, q.time) {
			return
		}
		sc := StoryScore{Story: st.id, Jaccard: near[s]}
		var dot float64
		if ix.stamp[s] == ix.epoch {
			dot = ix.acc[s] / st.n
		}
		if sn := st.norm(); dot > 0 && q.norm > 0 && sn > 0 {
			sc.Cosine = min(dot/(q.norm*sn), 1)
		}
		if sc.Total() > best.Total() || (sc.Total() == best.Total() && bestIdx >= 0 && s < bestIdx) {
			best, bestIdx = sc, s
		}
	}
	for _, s := range cands {
		consider(s)
	}
	for s := range near {
		consider(s)
	}
	if bestIdx >= 0 && best.Total() >= ix.opt.Join {
		m.Story = best.Story
		m.Similarity = best.Total()
		return m, best
	}
	m.Story = "s" + f.Article
	return m, best
}

// copies reports whether two texts with estimated shingle Jaccard j and
// na and nb shingles are copies: j at least Options.Duplicate, or one
// text holding nearly all of the other (a write-through that adds
// paragraphs to the story it reprints, a copy cut to its first half). The
// second test needs j of at least mhContainMinJ, since the intersection
// estimated from j and the sizes grows unreliable as j falls.
func (ix *Index) copies(j float64, na, nb int) bool {
	if j >= ix.opt.Duplicate {
		return true
	}
	if j < mhContainMinJ || na <= 0 || nb <= 0 {
		return false
	}
	inter := j * float64(na+nb) / (1 + j)
	return inter/float64(min(na, nb)) >= mhContained
}

func (ix *Index) open(st *ixStory, t int64) bool {
	w := int64(ix.opt.Window / time.Second)
	return t <= st.last+w && t >= st.first-w
}

func (ix *Index) sig(i int32) []uint32 {
	return ix.sigs[int(i)*mhSize : int(i+1)*mhSize]
}

// apply records f with membership m: the only place the index changes, so
// that Restore and Add leave the same state.
func (ix *Index) apply(f Features, q ixQuery, m Membership) {
	i := int32(len(ix.arts))
	ix.byID[f.Article] = i

	s, ok := ix.storyID[m.Story]
	if !ok {
		s = int32(len(ix.stories))
		ix.stories = append(ix.stories, ixStory{id: m.Story, first: q.time, last: q.time, terms: map[uint64]ixWeight{}})
		ix.storyID[m.Story] = s
		ix.acc = append(ix.acc, 0)
		ix.stamp = append(ix.stamp, 0)
	}
	a := ixArticle{id: f.Article, shingles: int32(min(f.Shingles, math.MaxInt32)), story: s, dupOf: -1, signed: q.signed}
	if m.DuplicateOf != "" {
		if d, ok := ix.byID[m.DuplicateOf]; ok && d != i {
			a.dupOf = d
		}
	}
	ix.arts = append(ix.arts, a)

	// Signature and LSH buckets.
	if q.signed {
		ix.sigs = append(ix.sigs, f.Signature...)
	} else {
		ix.sigs = append(ix.sigs, make([]uint32, mhSize)...)
	}
	for b := range mhBands {
		prev := int32(-1)
		if q.signed {
			if p, ok := ix.buckets[q.keys[b]]; ok {
				prev = p
			}
			ix.buckets[q.keys[b]] = i
		}
		ix.next = append(ix.next, prev)
	}

	// Document frequencies, story profile and postings.
	st := &ix.stories[s]
	st.first = min(st.first, q.time)
	st.last = max(st.last, q.time)
	st.n++
	for _, t := range q.terms {
		ix.df[t.h]++
		old, ok := st.terms[t.h]
		if !ok {
			st.order = append(st.order, t.h)
		}
		sum := old.sum + t.weight
		sq := (t.idf * sum) * (t.idf * sum)
		st.terms[t.h] = ixWeight{sum: sum, sq: sq}
		st.sumsq += sq - old.sq
		ix.post[t.h] = ixTouch(ix.post[t.h], ixPosting{s, float32(sum)})
	}
	ix.docs++
	pruned := len(st.terms) > 2*ixProfile
	if pruned {
		ix.prunes++
		var dropped []uint64
		st.order, dropped = ixPrune(st.terms, st.order)
		// A term the profile forgets leaves the postings too, so that
		// scoring and the norm see the same centroid.
		for _, h := range dropped {
			ix.post[h] = slices.DeleteFunc(ix.post[h], func(p ixPosting) bool { return p.story == s })
			if len(ix.post[h]) == 0 {
				delete(ix.post, h)
			}
		}
	}
	// Now and then, bring every component up to the current IDFs: at the
	// first articles of a story, whose IDFs were taken over few articles,
	// and at every ixRefresh-th, so the cost stays a constant per Add.
	if pruned || st.n <= ixRefresh || int(st.n)%ixRefresh == 0 {
		st.sumsq = 0
		for _, h := range st.order {
			w := st.terms[h]
			idf := ix.idf(h)
			w.sq = (idf * w.sum) * (idf * w.sum)
			st.terms[h] = w
			st.sumsq += w.sq
		}
	}
	if q.time > ix.clock {
		ix.clock = q.time
	}
}

// ixTouch moves a story's posting to the end of a postings list (most
// recent last), dropping the least recent beyond ixPostings.
func ixTouch(list []ixPosting, p ixPosting) []ixPosting {
	if k := slices.IndexFunc(list, func(q ixPosting) bool { return q.story == p.story }); k >= 0 {
		list = slices.Delete(list, k, k+1)
	}
	list = append(list, p)
	if len(list) > ixPostings {
		list = slices.Delete(list, 0, len(list)-ixPostings)
	}
	return list
}

// ixPrune keeps the ixProfile commonest terms of a story profile, ties
// broken by hash so that the same history always keeps the same terms.
func ixPrune(terms map[uint64]ixWeight, order []uint64) (kept, dropped []uint64) {
	type tc struct {
		h uint64
		c float64
	}
	all := make([]tc, 0, len(terms))
	for h, w := range terms {
		all = append(all, tc{h, w.sum})
	}
	slices.SortFunc(all, func(a, b tc) int {
		if a.c != b.c {
			if a.c > b.c {
				return -1
			}
			return 1
		}
		if a.h < b.h {
			return -1
		}
		if a.h > b.h {
			return 1
		}
		return 0
	})
	for _, x := range all[ixProfile:] {
		delete(terms, x.h)
		dropped = append(dropped, x.h)
	}
	kept = slices.DeleteFunc(order, func(h uint64) bool {
		_, ok := terms[h]
		return !ok
	})
	return kept, dropped
}
