// Package ingest brings articles into the store: it expands sources (files,
// directories, article URLs, feeds, sitemaps) into articles, reads or fetches
// each, extracts it, runs the pipeline and stores the result.
//
// One bad input never stops a batch: it becomes a failed Result naming the
// input and the reason, and the rest goes on. Storing is idempotent (see
// store.Outcome), so an interrupted ingest is completed by running it again.
// The package does no extraction or annotation of its own; it wires
// fetch, article, pipeline, store and story together: after an article is
// stored, Stories files it into a story and links its entities, one
// decision at a time, in one process at a time per database (LockStories);
// a decision the store failed to keep stops further filing until a
// restart (ErrOutOfStep). Reprocess reruns the pipeline over stored articles
// after a model change, keeping the earlier layers.
package ingest

import (
	"context"
	"fmt"
	"hash/maphash"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
)

// DefaultMaxFile is the largest local file read, counted before and after
// decompression: the same limit fetch applies to a response body.
const DefaultMaxFile = fetch.DefaultMaxBody

// maxSitemapBytes bounds a sitemap read as a stream: sitemaps.org allows
// 50 MB uncompressed per file, and we allow some slack for bigger ones.
const maxSitemapBytes = 1 << 30

// maxSitemapDepth bounds how deep sitemap indexes may nest.
const maxSitemapDepth = 3

// Status is what became of one input.
type Status int

const (
	Stored      Status = iota + 1 // new content, now stored
	Unchanged                     // this URL already holds this content
	Duplicate                     // the same content is stored under another URL
	Failed                        // could not be read, extracted or stored: see Result.Err
	Interrupted                   // the run was stopped before this input was done
)

func (s Status) String() string {
	switch s {
	case Stored:
		return "stored"
	case Unchanged:
		return "unchanged"
	case Duplicate:
		return "duplicate"
	case Failed:
		return "failed"
	case Interrupted:
		return "interrupted"
	}
	return "unknown"
}

// Result is the outcome of one input: an article file or URL, or a source
// (feed, sitemap, directory) that could not be expanded.
type Result struct {
	Input  string
	Status Status
	ID     string // article ID, when extraction succeeded
	Err    error  // for Failed: names the input and the reason
}

// MaxListedFailures bounds Summary.Failures, so that a sitemap of a million
// dead links does not hold a million errors; Failed still counts them all.
const MaxListedFailures = 1000

// Summary counts the results of a run and keeps the first failures.
type Summary struct {
	Stored, Unchanged, Duplicates, Failed, Interrupted int
	Failures                                           []Result
}

// Total is the number of inputs the run reached a verdict on.
func (s Summary) Total() int { return s.Stored + s.Unchanged + s.Duplicates + s.Failed }

// Add counts one result.
func (s *Summary) Add(r Result) {
	switch r.Status {
	case Stored:
		s.Stored++
	case Unchanged:
		s.Unchanged++
	case Duplicate:
		s.Duplicates++
	case Interrupted:
		s.Interrupted++
	default:
		s.Failed++
		if len(s.Failures) < MaxListedFailures {
			s.Failures = append(s.Failures, r)
		}
	}
}

// Config wires an Ingester. Store, Pipeline and Fetcher are required.
type Config struct {
	Store    store.Store
	Pipeline *pipeline.Pipeline
	Fetcher  *fetch.Client
	// Workers process articles concurrently; default twice the number of
	// cores, since a worker often waits on the network.
	Workers int
	// MaxFile is the largest local file accepted; default DefaultMaxFile.
	MaxFile int64
	Log     *slog.Logger
	// OnFound is called when inputs are discovered, with the number found so
	// far; OnResult after each input is done. Both are called from a single
	// goroutine, never concurrently, so they may drive a progress bar.
	OnFound  func(found int)
	OnResult func(Result)
	// Stories, when set, files every article the store holds after this
	// ingest into a story and links its entities (see Stories). An article
	// already stored but not yet in a story (stored before stories existed,
	// or by a run killed between the two writes) is filed when it comes by
	// again.
	Stories *Stories
}

// Ingester runs ingests. It is safe to run several at once over one store.
type Ingester struct{ cfg Config }

// New returns an Ingester, filling in the defaults of cfg.
func New(cfg Config) *Ingester {
	if cfg.Workers <= 0 {
		cfg.Workers = 2 * runtime.GOMAXPROCS(0)
	}
	if cfg.MaxFile <= 0 {
		cfg.MaxFile = DefaultMaxFile
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Ingester{cfg: cfg}
}

// item is one article to read, fetch or take as given.
type item struct {
	input string // as the user, feed or directory named it
	url   string // the article's URL (after redirects) or absolute file path
	// listed is the URL a feed, sitemap or the user gave when it redirected
	// to url; it is stored as an alias, so that the next poll knows it.
	listed      string
	body        []byte // nil: fetch url
	contentType string
	fetched     time.Time
	// index is the feed or sitemap that listed the item, nil for one named
	// directly. An item from an index whose URL is already stored is not
	// fetched again unless the index says it was updated since.
	index   *index
	updated time.Time
	// claim is the hash of the URL this item took in the run's seen set, 0
	// for none: other indexes that list the URL wait on its result.
	claim uint64
}

// index is a feed or sitemap being ingested. Its validators (ETag,
// Last-Modified) are saved only once every item it listed is stored, so
// that a conditional GET never hides an article that failed or was cut off
// by a crash. Its counters are touched by the collector goroutine alone.
type index struct {
	url        string
	validators store.Validators
	parent     *index // the sitemap index that listed this sitemap
	pending    int    // items and child sitemaps not yet done
	expanded   bool   // every item has been listed
	failed     bool   // some item or child failed
}

// event is what producers and workers tell the collector.
type event struct {
	found    int    // inputs discovered, belonging to index when not nil
	index    *index // with found, result or waitOn: the index of the input
	result   *Result
	claim    uint64 // with found or result: the URL hash the input took
	waitOn   uint64 // index also lists this URL, taken by another input
	started  *index // a child sitemap of started.parent begins
	expanded *index // this index has listed all its items
}

// Run ingests every source and returns when all are done or ctx ends. The
// error is ctx's, if it ended before every input was done; failures of
// single inputs are in the Summary.
// Sources are expanded concurrently, since each may wait on the network.
func (in *Ingester) Run(ctx context.Context, sources []string) (Summary, error) {
	items := make(chan item, 64)
	events := make(chan event, 64)
	seen := newSeenSet()

	var producers sync.WaitGroup
	slots := make(chan struct{}, in.cfg.Workers)
	producers.Add(1)
	go func() {
		defer producers.Done()
		for i, src := range sources {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				// Sources never started are not done either.
				for _, src := range sources[i:] {
					events <- event{found: 1, result: &Result{Input: src, Status: Interrupted}}
				}
				return
			}
			producers.Add(1)
			go func() {
				defer producers.Done()
				defer func() { <-slots }()
				in.expand(ctx, src, items, events, seen)
			}()
		}
	}()

	var workers sync.WaitGroup
	for range in.cfg.Workers {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for it := range items {
				r := in.process(ctx, it)
				if r.Status == Failed && ctx.Err() != nil {
					r.Status, r.Err = Interrupted, nil
				}
				events <- event{result: &r, index: it.index, claim: it.claim}
			}
		}()
	}
	go func() {
		producers.Wait()
		close(items)
		workers.Wait()
		close(events)
	}()

	var sum Summary
	found := 0
	// An index whose URL was taken by another input's earlier listing waits
	// for that input's result too: waiting holds them by the URL's hash
	// while it is in flight, failedURLs remembers the ones that failed.
	waiting := map[uint64][]*index{}
	failedURLs := map[uint64]bool{}
	for ev := range events {
		if ev.found > 0 {
			found += ev.found
			if ev.index != nil {
				ev.index.pending += ev.found
			}
			if ev.claim != 0 {
				waiting[ev.claim] = nil
			}
			if in.cfg.OnFound != nil {
				in.cfg.OnFound(found)
			}
		}
		if ev.waitOn != 0 {
			if ws, ok := waiting[ev.waitOn]; ok {
				waiting[ev.waitOn] = append(ws, ev.index)
				ev.index.pending++
			} else if failedURLs[ev.waitOn] {
				ev.index.failed = true
			}
		}
		if ev.started != nil && ev.started.parent != nil {
			ev.started.parent.pending++
		}
		if ev.result != nil {
			sum.Add(*ev.result)
			if in.cfg.OnResult != nil {
				in.cfg.OnResult(*ev.result)
			}
			failed := ev.result.Status == Failed || ev.result.Status == Interrupted
			if ev.index != nil {
				ev.index.pending--
				ev.index.failed = ev.index.failed || failed
				in.settle(ctx, ev.index)
			}
			if ev.claim != 0 {
				for _, w := range waiting[ev.claim] {
					w.pending--
					w.failed = w.failed || failed
					in.settle(ctx, w)
				}
				delete(waiting, ev.claim)
				if failed {
					failedURLs[ev.claim] = true
				}
			}
		}
		if ev.expanded != nil {
			ev.expanded.expanded = true
			in.settle(ctx, ev.expanded)
		}
	}
	if sum.Interrupted > 0 {
		return sum, ctx.Err()
	}
	return sum, nil // everything was done before ctx ended
}

// settle saves an index's validators once all its items are done and none
// failed, then tells its parent it is done.
func (in *Ingester) settle(ctx context.Context, ix *index) {
	if !ix.expanded || ix.pending > 0 {
		return
	}
	if !ix.failed && ctx.Err() == nil && ix.validators != (store.Validators{}) {
		if err := in.cfg.Store.SetValidators(ctx, ix.url, ix.validators); err != nil {
			// Not saving them costs a full fetch next time, nothing more.
			in.cfg.Log.Warn("saving feed validators", "source", ix.url, "err", err)
		}
	}
	if p := ix.parent; p != nil {
		p.pending--
		p.failed = p.failed || ix.failed
		ix.parent = nil
		in.settle(ctx, p)
	}
}

// seenSet remembers the URLs taken in one run by a 64-bit hash of each, so
// that a sitemap of a million entries costs tens of megabytes, not hundreds.
// Two URLs with the same hash (odds about 1 in 10^7 for a million URLs) would
// make the second be skipped in that run and taken in the next.
type seenSet struct {
	mu   sync.Mutex
	seed maphash.Seed
	m    map[uint64]struct{}
}

func newSeenSet() *seenSet { return &seenSet{seed: maphash.MakeSeed(), m: map[uint64]struct{}{}} }

// take records u for an input and tells the collector, under the set's
// lock so that the taking is queued before any other input's wait on it:
// a found event with the claim when u is new, else a wait for ix.
func (s *seenSet) take(u string, ix *index, events chan<- event) (claim uint64, ok bool) {
	h := maphash.String(s.seed, u)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, seen := s.m[h]; seen {
		events <- event{waitOn: h, index: ix}
		return 0, false
	}
	s.m[h] = struct{}{}
	events <- event{found: 1, index: ix, claim: h}
	return h, true
}

// add records u and reports whether it was new.
func (s *seenSet) add(u string) bool {
	h := maphash.String(s.seed, u)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[h]; ok {
		return false
	}
	s.m[h] = struct{}{}
	return true
}

// Watch runs the sources now and then every interval until ctx ends, calling
// report after each round. Feeds and sitemaps are re-polled with conditional
// GET; articles already stored are not fetched again.
func (in *Ingester) Watch(ctx context.Context, sources []string, every time.Duration, report func(Summary)) error {
	for {
		sum, err := in.Run(ctx, sources)
		report(sum) // an interrupted round too: its work is stored
		if err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(every):
		}
	}
}

// Bytes ingests one article held in memory, such as a bundled demo file.
func (in *Ingester) Bytes(ctx context.Context, url string, body []byte, contentType string) Result {
	return in.process(ctx, item{input: url, url: url, body: body, contentType: contentType, fetched: time.Now().UTC()})
}

// process reads or fetches one article, extracts, annotates and stores it.
func (in *Ingester) process(ctx context.Context, it item) Result {
	r := Result{Input: it.input}
	fail := func(err error) Result {
		r.Status, r.Err = Failed, err
		in.cfg.Log.Debug("ingest failed", "input", it.input, "err", err)
		return r
	}
	if err := ctx.Err(); err != nil {
		return fail(fmt.Errorf("%s: %w", it.input, err))
	}
	// recheck is set when an article a feed or sitemap lists is fetched
	// again because the index says it changed: its validators are saved
	// after, so that an unchanged text is not fetched again at every poll.
	var recheck *fetch.Response
	if it.body == nil {
		var cond fetch.Validators
		if it.index != nil {
			known, last, v, err := in.lastSeen(ctx, it.url)
			if err != nil {
				return fail(fmt.Errorf("%s: %w", it.input, err))
			}
			if known != "" {
				if !it.updated.After(last) {
					r.Status, r.ID = Unchanged, known
					return r
				}
				cond = fetch.Validators{ETag: v.ETag, LastModified: v.LastModified}
				r.ID = known
			}
		}
		resp, err := in.cfg.Fetcher.Get(ctx, it.url, cond)
		if err != nil {
			return fail(err)
		}
		if r.ID != "" {
			recheck = resp
		}
		if resp.NotModified {
			r.Status = Unchanged
			return in.rechecked(ctx, r, it.url, recheck)
		}
		if resp.URL != it.url {
			it.listed, it.url = it.url, resp.URL
		}
		it.body, it.contentType, it.fetched = resp.Body, resp.ContentType, time.Now().UTC()
	}
	a, err := article.Parse(article.Input{Body: it.body, URL: it.url, ContentType: it.contentType})
	if err != nil {
		return fail(err)
	}
	r.ID = a.ID
	doc, err := in.cfg.Pipeline.Run(ctx, a)
	if err != nil {
		return fail(err)
	}
	out, err := in.cfg.Store.Put(ctx, &store.Record{
		Doc: doc, Raw: it.body, ContentType: it.contentType,
		Pipeline: in.cfg.Pipeline.Version(), Fetched: it.fetched,
	})
	if err != nil {
		return fail(fmt.Errorf("store %s: %w", it.input, err))
	}
	switch out {
	case store.Stored:
		r.Status = Stored
	case store.Unchanged:
		r.Status = Unchanged
	case store.Duplicate:
		r.Status = Duplicate
	default:
		return fail(fmt.Errorf("store %s: unexpected outcome %v", it.input, out))
	}
	if in.cfg.Stories != nil && !in.cfg.Stories.Known(doc.ID) {
		if _, err := in.cfg.Stories.Add(ctx, doc); err != nil {
			// The article is stored; its story is decided again after a
			// restart, when the article comes by again.
			in.cfg.Log.Warn("filing article into a story", "input", it.input, "id", doc.ID, "err", err)
		}
	}
	if it.listed != "" && it.listed != doc.URL {
		alias := *doc
		alias.URL = it.listed
		if _, err := in.cfg.Store.Put(ctx, &store.Record{
			Doc: &alias, Raw: it.body, ContentType: it.contentType,
			Pipeline: in.cfg.Pipeline.Version(), Fetched: it.fetched,
		}); err != nil {
			// The article is stored; only the next poll's shortcut is lost.
			in.cfg.Log.Warn("recording redirect alias", "url", it.listed, "err", err)
		}
	}
	in.cfg.Log.Debug("ingested", "input", it.input, "id", r.ID, "status", r.Status)
	lookedUp := it.url
	if it.listed != "" {
		lookedUp = it.listed
	}
	return in.rechecked(ctx, r, lookedUp, recheck)
}

// lastSeen says which article a URL holds now (its ID, "" when none), and
// when it was last fetched: stored, or found unchanged (the Saved time of its
// validators).
func (in *Ingester) lastSeen(ctx context.Context, url string) (id string, last time.Time, v store.Validators, err error) {
	known, err := in.cfg.Store.Versions(ctx, url)
	if err != nil || len(known) == 0 {
		return "", time.Time{}, v, err
	}
	latest := known[len(known)-1]
	if v, err = in.cfg.Store.Validators(ctx, url); err != nil {
		return "", time.Time{}, v, err
	}
	last = latest.Ingested
	if v.Saved.After(last) {
		last = v.Saved
	}
	return latest.ID, last, v, nil
}

// rechecked saves the validators of an article fetched again (see
// process), which also records when it was last seen.
func (in *Ingester) rechecked(ctx context.Context, r Result, url string, resp *fetch.Response) Result {
	if resp == nil {
		return r
	}
	v := store.Validators{ETag: resp.Validators.ETag, LastModified: resp.Validators.LastModified}
	if err := in.cfg.Store.SetValidators(ctx, url, v); err != nil {
		in.cfg.Log.Warn("saving article validators", "url", url, "err", err)
	}
	return r
}
