package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/store"
)

// RunReviews runs the part of the suite about review decisions (see
// store.Reviews). fresh must return a new, empty store each time; closing
// it is the caller's.
func RunReviews(t *testing.T, fresh func(t *testing.T) store.Reviews) {
	t.Run("Versions", func(t *testing.T) { testReviewVersions(t, fresh(t)) })
	t.Run("Conflict", func(t *testing.T) { testReviewConflict(t, fresh(t)) })
	t.Run("ConcurrentEditors", func(t *testing.T) { testReviewConcurrent(t, fresh(t)) })
	t.Run("Latest", func(t *testing.T) { testReviewLatest(t, fresh(t)) })
	t.Run("AsOf", func(t *testing.T) { testReviewAsOf(t, fresh(t)) })
	t.Run("Audit", func(t *testing.T) { testReviewAudit(t, fresh(t)) })
	t.Run("Rejects", func(t *testing.T) { testReviewRejects(t, fresh(t)) })
}

var reviewT0 = time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)

// newReview returns a valid review of an incident, taken at minute n
// after reviewT0.
func newReview(story, incident, user, action, state string, n int) store.Review {
	rec, _ := json.Marshal(map[string]any{"id": incident, "state": state, "n": n})
	return store.Review{
		Incident: incident, Story: story, Action: action, State: state,
		Record: rec, Before: json.RawMessage(`{"state":"pending"}`), After: json.RawMessage(fmt.Sprintf(`{"state":%q}`, state)),
		User: user, Note: fmt.Sprintf("decision %d", n), At: reviewT0.Add(time.Duration(n) * time.Minute),
	}
}

func putReview(t *testing.T, s store.Reviews, r store.Review, expect int) store.Review {
	t.Helper()
	got, err := s.PutReview(context.Background(), r, expect)
	if err != nil {
		t.Fatalf("PutReview(%s, expect %d): %v", r.Incident, expect, err)
	}
	return got
}

func testReviewVersions(t *testing.T, s store.Reviews) {
	ctx := context.Background()
	const st, inc = "s0000000000000001", "s0000000000000001-aaaaaaaaaaaa"
	want := []store.Review{
		newReview(st, inc, "ana", store.ActionCorrect, store.StateCorrected, 1),
		newReview(st, inc, "ben", store.ActionAccept, store.StateCorrected, 2),
		newReview(st, inc, "ana", store.ActionReject, store.StateRejected, 3),
	}
	for i := range want {
		got := putReview(t, s, want[i], i)
		want[i].Version = i + 1
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("PutReview returned %+v\nwant %+v", got, want[i])
		}
	}
	hist, err := s.ReviewHistory(ctx, inc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(hist, want) {
		t.Errorf("history = %+v\nwant %+v", hist, want)
	}
	if h, err := s.ReviewHistory(ctx, "s0000000000000001-bbbbbbbbbbbb"); err != nil || len(h) != 0 {
		t.Errorf("history of an unreviewed incident = %+v, %v; want none", h, err)
	}
	// A zero At is the time of writing.
	r := newReview(st, "s0000000000000001-cccccccccccc", "ana", store.ActionAccept, store.StateAccepted, 0)
	r.At = time.Time{}
	before := time.Now().Add(-time.Second)
	if got := putReview(t, s, r, 0); got.At.Before(before) || got.At.After(time.Now().Add(time.Second)) {
		t.Errorf("At of a review put with none = %v, want about now", got.At)
	}
}

func testReviewConflict(t *testing.T, s store.Reviews) {
	ctx := context.Background()
	const st, inc = "s0000000000000001", "s0000000000000001-aaaaaaaaaaaa"
	putReview(t, s, newReview(st, inc, "ana", store.ActionAccept, store.StateAccepted, 1), 0)
	for _, expect := range []int{0, 2, 7} {
		_, err := s.PutReview(ctx, newReview(st, inc, "ben", store.ActionReject, store.StateRejected, 2), expect)
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("PutReview expecting version %d when 1 is latest: %v, want ErrConflict", expect, err)
		}
	}
	if h, _ := s.ReviewHistory(ctx, inc); len(h) != 1 || h[0].User != "ana" {
		t.Errorf("a refused write changed the history: %+v", h)
	}
	// The same incident under another story is refused.
	if _, err := s.PutReview(ctx, newReview("s0000000000000002", inc, "ben", store.ActionAccept, store.StateAccepted, 2), 1); err == nil || errors.Is(err, store.ErrConflict) {
		t.Errorf("review moving an incident to another story: %v, want an error other than a conflict", err)
	}
}

// testReviewConcurrent has editors decide on one incident at once, each
// having read version 0: exactly one wins, the others are told of a
// conflict, and no version is lost or doubled.
func testReviewConcurrent(t *testing.T, s store.Reviews) {
	ctx := context.Background()
	const st, inc, editors = "s0000000000000001", "s0000000000000001-aaaaaaaaaaaa", 16
	var (
		wg              sync.WaitGroup
		mu              sync.Mutex
		wins, conflicts int
		others          []error
	)
	for i := range editors {
		wg.Go(func() {
			_, err := s.PutReview(ctx, newReview(st, inc, fmt.Sprintf("editor%d", i), store.ActionAccept, store.StateAccepted, i), 0)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errors.Is(err, store.ErrConflict):
				conflicts++
			default:
				others = append(others, err)
			}
		})
	}
	wg.Wait()
	if wins != 1 || conflicts != editors-1 || len(others) > 0 {
		t.Errorf("%d editors at once: %d wins, %d conflicts, other errors %v; want 1 win", editors, wins, conflicts, others)
	}
	if h, err := s.ReviewHistory(ctx, inc); err != nil || len(h) != 1 || h[0].Version != 1 {
		t.Errorf("history = %+v, %v; want one version", h, err)
	}
}

func testReviewLatest(t *testing.T, s store.Reviews) {
	ctx := context.Background()
	const a, b = "s000000000000000a", "s000000000000000b"
	putReview(t, s, newReview(a, a+"-222222222222", "ana", store.ActionAccept, store.StateAccepted, 1), 0)
	putReview(t, s, newReview(a, a+"-222222222222", "ana", store.ActionReject, store.StateRejected, 2), 1)
	putReview(t, s, newReview(a, a+"-111111111111", "ben", store.ActionCorrect, store.StateCorrected, 3), 0)
	putReview(t, s, newReview(b, b+"-333333333333", "ben", store.ActionAccept, store.StateAccepted, 4), 0)

	got, err := s.LatestReviews(ctx, a, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if ids := reviewKeys(got); ids != a+"-111111111111@1 "+a+"-222222222222@2" {
		t.Errorf("latest of story a = %s", ids)
	}
	if got[1].State != store.StateRejected {
		t.Errorf("latest of %s is %s, want rejected", got[1].Incident, got[1].State)
	}
	all, err := s.LatestReviews(ctx, "", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if ids := reviewKeys(all); ids != a+"-111111111111@1 "+a+"-222222222222@2 "+b+"-333333333333@1" {
		t.Errorf("latest of every story = %s", ids)
	}
	if none, err := s.LatestReviews(ctx, "s000000000000000c", time.Time{}); err != nil || len(none) != 0 {
		t.Errorf("latest of a story with no reviews = %+v, %v", none, err)
	}
}

// testReviewAsOf reproduces the state at earlier times: the latest version
// at or before each time, nothing reviewed after.
func testReviewAsOf(t *testing.T, s store.Reviews) {
	ctx := context.Background()
	const st = "s000000000000000a"
	x, y := st+"-111111111111", st+"-222222222222"
	putReview(t, s, newReview(st, x, "ana", store.ActionAccept, store.StateAccepted, 10), 0)
	putReview(t, s, newReview(st, x, "ana", store.ActionReject, store.StateRejected, 20), 1)
	putReview(t, s, newReview(st, y, "ben", store.ActionAccept, store.StateAccepted, 30), 0)
	for _, c := range []struct {
		minute int
		want   string
	}{
		{5, ""},
		{10, x + "@1"}, // at the very time of a decision: included
		{19, x + "@1"},
		{25, x + "@2"},
		{30, x + "@2 " + y + "@1"},
	} {
		got, err := s.LatestReviews(ctx, st, reviewT0.Add(time.Duration(c.minute)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if k := reviewKeys(got); k != c.want {
			t.Errorf("as of minute %d: %q, want %q", c.minute, k, c.want)
		}
	}
}

func reviewKeys(rs []store.Review) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%s@%d", r.Incident, r.Version))
	}
	return strings.Join(parts, " ")
}

func testReviewAudit(t *testing.T, s store.Reviews) {
	ctx := context.Background()
	const st = "s000000000000000a"
	var all []string
	for i := range 7 {
		inc := fmt.Sprintf("%s-%012d", st, i%3)
		user := []string{"ana", "ben"}[i%2]
		h, err := s.ReviewHistory(ctx, inc)
		if err != nil {
			t.Fatal(err)
		}
		r := putReview(t, s, newReview(st, inc, user, store.ActionAccept, store.StateAccepted, i), len(h))
		all = append([]string{fmt.Sprintf("%s@%d", r.Incident, r.Version)}, all...) // newest first
	}
	// Pages of 3, newest first, through every decision once.
	var got []string
	q := store.AuditQuery{Limit: 3}
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("audit pages do not end")
		}
		p, err := s.Audit(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Reviews) > 3 {
			t.Fatalf("page of %d, limit 3", len(p.Reviews))
		}
		for _, r := range p.Reviews {
			got = append(got, fmt.Sprintf("%s@%d", r.Incident, r.Version))
		}
		if p.Next == "" {
			break
		}
		q.Cursor = p.Next
	}
	if strings.Join(got, " ") != strings.Join(all, " ") {
		t.Errorf("audit pages = %q\nwant %q", got, all)
	}
	for _, c := range []struct {
		q    store.AuditQuery
		want int
	}{
		{store.AuditQuery{User: "ana"}, 4},
		{store.AuditQuery{User: "ben"}, 3},
		{store.AuditQuery{User: "BEN"}, 3}, // user names ignore case
		{store.AuditQuery{Incident: st + "-000000000000"}, 3},
		{store.AuditQuery{Incident: st + "-000000000001", User: "ben"}, 1},
		{store.AuditQuery{Story: "s000000000000000b"}, 0},
	} {
		p, err := s.Audit(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Reviews) != c.want {
			t.Errorf("audit %+v: %d decisions, want %d", c.q, len(p.Reviews), c.want)
		}
		for _, r := range p.Reviews {
			if (c.q.User != "" && !strings.EqualFold(r.User, c.q.User)) || (c.q.Incident != "" && r.Incident != c.q.Incident) {
				t.Errorf("audit %+v lists %+v", c.q, r)
			}
		}
	}
	for _, bad := range []string{"x", "AAAA", strings.Repeat("A", 100), "oQAAAAAAAAA"} {
		if _, err := s.Audit(ctx, store.AuditQuery{Cursor: bad}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("audit cursor %q: %v, want ErrBadCursor", bad, err)
		}
	}
}

func testReviewRejects(t *testing.T, s store.Reviews) {
	ctx := context.Background()
	const st, inc = "s000000000000000a", "s000000000000000a-111111111111"
	ok := newReview(st, inc, "ana", store.ActionAccept, store.StateAccepted, 1)
	for _, c := range []struct {
		name   string
		change func(r *store.Review)
		expect int
	}{
		{"no incident", func(r *store.Review) { r.Incident = "" }, 0},
		{"no story", func(r *store.Review) { r.Story = "" }, 0},
		{"unknown action", func(r *store.Review) { r.Action = "approve" }, 0},
		{"unknown state", func(r *store.Review) { r.State = "done" }, 0},
		{"no user", func(r *store.Review) { r.User = "" }, 0},
		{"control in user", func(r *store.Review) { r.User = "ana\x1b[2J" }, 0},
		{"long note", func(r *store.Review) { r.Note = strings.Repeat("n", store.MaxNoteLen+1) }, 0},
		{"bad record", func(r *store.Review) { r.Record = json.RawMessage(`{"id":`) }, 0},
		{"empty before", func(r *store.Review) { r.Before = nil }, 0},
		{"huge after", func(r *store.Review) {
			r.After = json.RawMessage(`"` + strings.Repeat("a", store.MaxReviewJSON) + `"`)
		}, 0},
		{"negative version", func(r *store.Review) {}, -1},
	} {
		r := ok
		c.change(&r)
		if _, err := s.PutReview(ctx, r, c.expect); err == nil || errors.Is(err, store.ErrConflict) {
			t.Errorf("%s: PutReview = %v, want a validation error", c.name, err)
		}
	}
	if h, err := s.ReviewHistory(ctx, inc); err != nil || len(h) != 0 {
		t.Errorf("refused reviews were stored: %+v, %v", h, err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.PutReview(cctx, ok, 0); err == nil {
		t.Error("PutReview with a canceled context succeeded")
	}
}
