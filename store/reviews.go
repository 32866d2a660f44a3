package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrConflict is returned by PutReview when the incident's latest review is
// not the version the caller expected: someone else decided on it first.
var ErrConflict = errors.New("conflict")

// Review actions and the states they leave an incident in. The store checks
// only that they are among these; what each means is package review's.
const (
	ActionAccept  = "accept"
	ActionCorrect = "correct"
	ActionReject  = "reject"
	ActionMerge   = "merge"
	ActionSplit   = "split"
	ActionReopen  = "reopen"

	StatePending   = "pending"
	StateAccepted  = "accepted"
	StateCorrected = "corrected"
	StateRejected  = "rejected"
	StateMerged    = "merged"
)

// Limits on a review, so that hostile input gives a clear error.
const (
	MaxReviewJSON = 4 << 20 // bytes of each of Record, Before and After
	MaxNoteLen    = 4096    // bytes of a note
)

// Review is one version of an analyst's record of one incident: the
// decision taken and the incident as it stands after it. Versions of an
// incident number from 1 and are never rewritten, so an export made
// earlier can be reproduced (see Reviews.LatestReviews with asOf).
type Review struct {
	Incident string // "<story>-<12 hex>"
	Version  int    // from 1; set by PutReview
	Story    string
	Action   string // accept, correct, reject, merge, split, reopen
	State    string // pending, accepted, corrected, rejected, merged
	// Record is the whole reviewed incident as exported after the
	// decision (JSON, opaque to the store); Before and After are the
	// fields the decision changed, before and after it (JSON objects).
	Record, Before, After json.RawMessage
	User                  string
	Note                  string
	At                    time.Time // kept to the microsecond; PutReview sets it to now when zero
}

// AuditQuery selects a page of the audit log. Zero fields do not filter.
type AuditQuery struct {
	Story    string
	Incident string
	User     string // case does not matter, as in user names
	Limit    int    // page size; the store caps it and applies a default when 0
	Cursor   string // opaque, from the previous page's Next
}

// AuditPage is one page of the audit log, newest decision first.
type AuditPage struct {
	Reviews []Review
	Next    string // cursor of the next page, "" when this is the last
}

// Reviews keeps analysts' review decisions on incidents. Implementations
// are safe for concurrent use.
type Reviews interface {
	// PutReview stores r as version expectVersion+1 of its incident's
	// record, atomically, and returns it as stored (Version and At set).
	// When the incident's latest version is not expectVersion (0: no
	// review yet) nothing is written and the error wraps ErrConflict.
	// An incident keeps the story of its first review.
	PutReview(ctx context.Context, r Review, expectVersion int) (Review, error)
	// LatestReviews returns the latest version of every reviewed
	// incident of a story (of every story when story is ""), ordered by
	// story then incident ID. When asOf is not zero, it returns the
	// latest version stored at or before asOf instead, and leaves out
	// incidents first reviewed after it.
	LatestReviews(ctx context.Context, story string, asOf time.Time) ([]Review, error)
	// ReviewHistory returns every version of one incident's record,
	// oldest first; empty when it was never reviewed.
	ReviewHistory(ctx context.Context, incident string) ([]Review, error)
	// Audit lists decisions newest first. A bad q.Cursor is an error
	// wrapping ErrBadCursor.
	Audit(ctx context.Context, q AuditQuery) (AuditPage, error)
}

// Validate reports what is wrong with a review before it is stored.
func (r Review) Validate() error {
	if err := checkKey("incident", r.Incident); err != nil {
		return err
	}
	if err := checkKey("story", r.Story); err != nil {
		return err
	}
	switch r.Action {
	case ActionAccept, ActionCorrect, ActionReject, ActionMerge, ActionSplit, ActionReopen:
	default:
		return fmt.Errorf("action %.40q: not accept, correct, reject, merge, split or reopen", r.Action)
	}
	switch r.State {
	case StatePending, StateAccepted, StateCorrected, StateRejected, StateMerged:
	default:
		return fmt.Errorf("state %.40q: not pending, accepted, corrected, rejected or merged", r.State)
	}
	if err := checkKey("user", r.User); err != nil {
		return err
	}
	if containsControl(r.User) {
		return fmt.Errorf("user %.40q: holds control characters", r.User)
	}
	if len(r.Note) > MaxNoteLen || !utf8.ValidString(r.Note) {
		return fmt.Errorf("note: not valid UTF-8 of at most %d bytes", MaxNoteLen)
	}
	for _, j := range []struct {
		name string
		v    json.RawMessage
	}{{"record", r.Record}, {"before", r.Before}, {"after", r.After}} {
		switch {
		case len(j.v) == 0:
			return fmt.Errorf("%s: empty", j.name)
		case len(j.v) > MaxReviewJSON:
			return fmt.Errorf("%s: %d bytes, more than %d", j.name, len(j.v), MaxReviewJSON)
		case !json.Valid(j.v):
			return fmt.Errorf("%s: not valid JSON", j.name)
		}
	}
	return nil
}

func containsControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}
