package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// Stories files each newly stored article into a story (story.Index) and
// links its entities across articles (story.Entities), and persists both
// decisions, so that the next process restores them instead of deciding
// again. It is safe for concurrent use: decisions are taken one at a time,
// in the order articles reach it, and each is stored before the next is
// taken, so that the store's order of memberships is the order of decision
// that a restore replays.
type Stories struct {
	store store.Store
	log   *slog.Logger

	mu    sync.Mutex // serializes decisions with their persistence
	index *story.Index
	ents  *story.Entities
	known map[string]bool // articles the index holds
	// broken is set when a decision could not be stored: the index then
	// holds what the store does not, so no further decision is taken on
	// top of it (see ErrOutOfStep).
	broken error
}

// ErrOutOfStep is returned by every Add and Relink after a decision could
// not be stored: the index in memory then differs from what a restart
// restores, and a later decision could depend on the unsaved one. Restart
// the process to restore the index from the store; the articles whose
// decision was lost are filed again when they are next ingested or
// reprocessed.
var ErrOutOfStep = errors.New("the story index is out of step with the store; restart to restore it")

// persistTimeout bounds the write of one decision, which is made even when
// the caller's context is canceled (at shutdown): the index has already
// taken the decision, and the store must have it too.
const persistTimeout = 30 * time.Second

// RestoreStats says what OpenStories read back.
type RestoreStats struct {
	Memberships, Links, Skipped int
	Took                        time.Duration
}

// OpenStories returns Stories over st, with the index and entity registry
// restored from what st kept. A membership whose features cannot be read is
// skipped (and counted) rather than failing the start: its article is
// decided again the next time it is ingested.
func OpenStories(ctx context.Context, st store.Store, o story.Options, log *slog.Logger) (*Stories, RestoreStats, error) {
	if log == nil {
		log = slog.Default()
	}
	start := time.Now()
	s := &Stories{store: st, log: log, index: story.NewIndex(o), ents: story.NewEntities(), known: map[string]bool{}}
	// The index and the registry are independent: they are read back at
	// the same time, each over its own read connection.
	var (
		stats           RestoreStats
		wg              sync.WaitGroup
		memErr, linkErr error
	)
	wg.Go(func() { stats.Memberships, stats.Skipped, memErr = s.restoreIndex(ctx) })
	wg.Go(func() { stats.Links, linkErr = s.restoreLinks(ctx) })
	wg.Wait()
	if err := errors.Join(memErr, linkErr); err != nil {
		return nil, stats, err
	}
	stats.Took = time.Since(start)
	return s, stats, nil
}

func (s *Stories) restoreIndex(ctx context.Context) (restored, skipped int, err error) {
	for m, err := range s.store.Memberships(ctx) {
		if err != nil {
			return restored, skipped, fmt.Errorf("restore stories: %w", err)
		}
		var f story.Features
		if err := f.UnmarshalBinary(m.Features); err != nil || f.Article != m.Article {
			s.log.Warn("restore stories: unreadable features, skipped", "article", m.Article, "err", err)
			skipped++
			continue
		}
		s.index.Restore(f, story.Membership{
			Article: m.Article, Story: m.Story, DuplicateOf: m.DuplicateOf, Similarity: m.Similarity,
			Source: m.Source, Published: m.Published,
		})
		s.known[m.Article] = true // not yet shared: no lock needed
		restored++
	}
	return restored, skipped, nil
}

func (s *Stories) restoreLinks(ctx context.Context) (int, error) {
	n := 0
	for l, err := range s.store.Links(ctx) {
		if err != nil {
			return n, fmt.Errorf("restore entity links: %w", err)
		}
		s.ents.Restore(story.Link{Article: l.Article, Local: l.Local, Global: l.Global, Name: l.Name, Type: l.Type})
		n++
	}
	return n, nil
}

// Known reports whether the index holds an article.
func (s *Stories) Known(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.known[id]
}

// Add decides the story of a stored article and links its entities, and
// stores both. An article the index already holds is left as it is. After a
// decision failed to be stored, every call returns an error wrapping
// ErrOutOfStep.
func (s *Stories) Add(ctx context.Context, d *sitrep.Doc) (story.Membership, error) {
	if err := s.outOfStep(); err != nil {
		return story.Membership{}, err
	}
	if s.Known(d.ID) {
		return story.Membership{}, nil
	}
	// The features are a pure function of the article: computed outside
	// the lock, so workers compute them in parallel.
	f := story.FeaturesOf(d)
	features, err := f.MarshalBinary()
	if err != nil {
		return story.Membership{}, fmt.Errorf("story features of %s: %w", d.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return story.Membership{}, s.broken
	}
	if s.known[d.ID] {
		return story.Membership{}, nil
	}
	m := s.index.Add(f)
	links := s.ents.Add(d)
	// Whatever the store says, the index now holds the article: adding it
	// twice would make it its own duplicate.
	s.known[d.ID] = true
	wctx, cancel := persistContext(ctx)
	defer cancel()
	err = s.store.PutMembership(wctx, store.Membership{
		Article: m.Article, Story: m.Story, DuplicateOf: m.DuplicateOf, Similarity: m.Similarity, Features: features,
		Links: storeLinks(m.Article, links),
	})
	if err != nil {
		s.broken = fmt.Errorf("%w (the story of %s was not saved: %v)", ErrOutOfStep, d.ID, err)
		return m, fmt.Errorf("story of %s: %w", d.ID, err)
	}
	return m, nil
}

// outOfStep returns the error every call gives once a decision was lost.
func (s *Stories) outOfStep() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.broken
}

// persistContext is the context a decision is stored under: not canceled
// with ctx, since the decision is already taken in memory, but bounded.
func persistContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), persistTimeout)
}

// Relink stores new layers of an article (d, produced by pipeline; see
// sitrep reprocess), resolves its entities again and stores the new links
// with them, in one transaction, so that the links never lag behind the
// layers. Its story is kept: the article's text, which stories are made
// of, has not changed.
//
// The registry in memory keeps the aliases the article's earlier layers
// gave (story.Entities cannot forget an article's links); the store holds
// only the new links, so a restart drops the old aliases. A failed write
// puts Stories out of step, as a failed Add does.
func (s *Stories) Relink(ctx context.Context, d *sitrep.Doc, pipeline string) (store.Outcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return 0, s.broken
	}
	links := s.ents.Add(d)
	wctx, cancel := persistContext(ctx)
	defer cancel()
	out, err := s.store.PutLayersLinks(wctx, d.ID, pipeline, d, storeLinks(d.ID, links))
	if err != nil {
		s.broken = fmt.Errorf("%w (the entity links of %s were not saved: %v)", ErrOutOfStep, d.ID, err)
		return 0, fmt.Errorf("layers and entity links of %s: %w", d.ID, err)
	}
	return out, nil
}

// storeLinks turns the registry's links into the store's, keeping those the
// store would refuse (an empty key) out.
func storeLinks(article string, links []story.Link) []store.EntityLink {
	out := make([]store.EntityLink, 0, len(links))
	for _, l := range links {
		sl := store.EntityLink{Article: article, Local: l.Local, Global: l.Global, Name: l.Name, Type: l.Type}
		if sl.Validate() != nil {
			continue
		}
		out = append(out, sl)
	}
	return out
}

// Len returns the number of articles the index holds.
func (s *Stories) Len() int { return s.index.Len() }

// Entities returns the entity registry, for lookups.
func (s *Stories) Entities() *story.Entities { return s.ents }
