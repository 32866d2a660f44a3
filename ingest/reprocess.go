package ingest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/sitrep/sitrep/store"
)

// ReprocessOptions selects what Reprocess reruns.
type ReprocessOptions struct {
	// Force reruns the pipeline on every article, not only on those whose
	// layers an older pipeline produced.
	Force bool
	// Since, when set, limits the run to articles published at or after it.
	Since time.Time
}

// ReprocessSummary counts what Reprocess did.
type ReprocessSummary struct {
	// Reprocessed articles got a new version of their layers; Unchanged ones
	// got the same layers again (no version added); Current ones were
	// already produced by this pipeline and were not rerun.
	Reprocessed, Unchanged, Current, Failed int
	Failures                                []Result // the first MaxListedFailures
}

// Reprocess reruns the pipeline over the stored text of stored articles
// and keeps the new layers as a new version beside the earlier ones, then
// links the article's entities again (and files it into a story if it is in
// none yet). It annotates the stored text rather than extracting the raw
// bytes again: an article's ID is the hash of its title and text, and its
// layers are offsets into that text, so a new extraction that changed the
// text would be a different article, not a new version of this one; ingest
// the raw input again to get that.
//
// Articles are taken oldest first, so that the ones filed into a story for
// the first time come in publication order.
func (in *Ingester) Reprocess(ctx context.Context, o ReprocessOptions) (ReprocessSummary, error) {
	var sum ReprocessSummary
	ids, err := in.storedIDs(ctx, o.Since)
	if err != nil {
		return sum, err
	}
	version := in.cfg.Pipeline.Version()

	var (
		mu   sync.Mutex
		next int
		wg   sync.WaitGroup
	)
	record := func(r Result, outcome store.Outcome, current bool) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Err != nil:
			sum.Failed++
			if len(sum.Failures) < MaxListedFailures {
				sum.Failures = append(sum.Failures, r)
			}
		case current:
			sum.Current++
		case outcome == store.Stored:
			sum.Reprocessed++
		default:
			sum.Unchanged++
		}
		if in.cfg.OnResult != nil {
			in.cfg.OnResult(r)
		}
	}
	for range in.cfg.Workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(ids) || ctx.Err() != nil {
					return
				}
				out, current, err := in.reprocessOne(ctx, ids[i], version, o.Force)
				r := Result{Input: ids[i], ID: ids[i], Status: Stored}
				if err != nil {
					r.Status, r.Err = Failed, fmt.Errorf("reprocess %s: %w", ids[i], err)
				}
				record(r, out, current)
			}
		})
	}
	wg.Wait()
	return sum, ctx.Err()
}

// reprocessOne reruns one article; current says it was already up to date.
func (in *Ingester) reprocessOne(ctx context.Context, id, version string, force bool) (out store.Outcome, current bool, err error) {
	rec, err := in.cfg.Store.Get(ctx, id)
	if err != nil {
		return 0, false, err
	}
	if rec.Pipeline == version && !force {
		if st := in.cfg.Stories; st != nil && !st.Known(id) {
			_, err = st.Add(ctx, rec.Doc)
		}
		return store.Unchanged, true, err
	}
	doc, err := in.cfg.Pipeline.Run(ctx, rec.Doc.Article)
	if err != nil {
		return 0, false, err
	}
	// An article in a story gets its new layers and links in one write;
	// one in none is stored first, then filed (Add needs it stored).
	if st := in.cfg.Stories; st != nil && st.Known(id) {
		out, err = st.Relink(ctx, doc, version)
		return out, false, err
	}
	if out, err = in.cfg.Store.PutLayers(ctx, id, version, doc); err != nil {
		return 0, false, err
	}
	if st := in.cfg.Stories; st != nil {
		_, err = st.Add(ctx, doc)
	}
	return out, false, err
}

// storedIDs lists the IDs of the articles published since (all when zero),
// oldest first, undated last.
func (in *Ingester) storedIDs(ctx context.Context, since time.Time) ([]string, error) {
	var all []store.Summary
	q := store.Query{Since: since, Limit: 500}
	for {
		p, err := in.cfg.Store.List(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("list stored articles: %w", err)
		}
		all = append(all, p.Articles...)
		if p.Next == "" {
			break
		}
		q.Cursor = p.Next
	}
	// The listing is newest first with undated ones last: the dated part
	// reversed is oldest first.
	dated := slices.IndexFunc(all, func(s store.Summary) bool { return s.Published.IsZero() })
	if dated < 0 {
		dated = len(all)
	}
	slices.Reverse(all[:dated])
	ids := make([]string, len(all))
	for i, s := range all {
		ids[i] = s.ID
	}
	return ids, nil
}
