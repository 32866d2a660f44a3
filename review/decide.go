package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// ErrInvalid is wrapped by the errors of Decide for a decision that is
// refused before anything is written: it does not validate, does not fit
// the incident, or names no user. Its message says what is wrong.
var ErrInvalid = errors.New("invalid decision")

// Decide takes decision d on incident current (as Apply gave it) on behalf
// of user, and writes it to st as version expectVersion+1 of the
// incident's record: the new state, the fields it changed before and
// after, and the incident as it stands after the decision. A decision that
// does not validate, or does not fit current (splitting off reports it
// lacks, or all of them; merging it into itself or into another story's
// incident), is refused before anything is written. When someone else
// decided first, the error wraps store.ErrConflict.
//
// Accept, correct, reject and reopen undo an earlier merge of the
// incident; reopen also drops its corrections (the machine's values come
// back) but keeps its splits. The record of a merged incident keeps its reports, so that the merge can
// be laid again over incidents computed anew.
func Decide(ctx context.Context, st store.Reviews, user string, current Incident, d Decision, expectVersion int, now time.Time) (store.Review, error) {
	if err := checkText("user", user, store.MaxKeyLen, false); err != nil || user == "" {
		return store.Review{}, fmt.Errorf("review: %w: user %.40q: not a user name", ErrInvalid, user)
	}
	if !ValidIncidentID(current.ID) {
		return store.Review{}, fmt.Errorf("review: %w: incident %.40q: not an incident ID", ErrInvalid, current.ID)
	}
	if err := d.Validate(); err != nil {
		return store.Review{}, fmt.Errorf("review %s: %w: %w", current.ID, ErrInvalid, err)
	}
	if err := fits(current, d); err != nil {
		return store.Review{}, fmt.Errorf("review %s: %w: %w", current.ID, ErrInvalid, err)
	}
	if expectVersion < 0 {
		return store.Review{}, fmt.Errorf("review %s: %w: expected version %d is negative", current.ID, ErrInvalid, expectVersion)
	}
	prev := current.Review
	if prev == nil {
		prev = pending()
	}
	next := State{Version: expectVersion + 1, User: user, At: now.UTC(), Note: d.Note,
		Correction: prev.Correction, Machine: prev.Machine, Splits: slices.Clone(prev.Splits), MergedInto: prev.MergedInto}
	after := current.Incident
	after.Reports = slices.Clone(after.Reports)
	changed := []string{"state"}
	switch d.Action {
	case store.ActionAccept:
		next.State, next.MergedInto = store.StateAccepted, ""
		if len(next.Correction.fields()) > 0 {
			next.State = store.StateCorrected
		}
	case store.ActionReject:
		next.State, next.MergedInto = store.StateRejected, ""
	case store.ActionCorrect:
		next.State, next.MergedInto = store.StateCorrected, ""
		fresh := d.Correction.fields()
		// The machine's values of the fields corrected for the first
		// time, so that a reopen can give them back.
		var newly []string
		for _, f := range fresh {
			if !slices.Contains(prev.Correction.fields(), f) {
				newly = append(newly, f)
			}
		}
		if len(newly) > 0 {
			next.Machine = next.Machine.overlay(*machineValues(current.Incident, newly))
		}
		next.Correction = next.Correction.overlay(d.Correction)
		changed = append(changed, fresh...)
	case store.ActionMerge:
		next.State, next.MergedInto = store.StateMerged, d.Into
		changed = append(changed, "merged_into")
	case store.ActionSplit:
		next.State = prev.State
		keys := slices.Sorted(slices.Values(d.Reports))
		sp := Split{Child: SplitID(current.ID, keys), Reports: keys}
		var kept []story.Report
		for _, r := range after.Reports {
			if slices.Contains(keys, ReportKey(r)) {
				sp.Moved = append(sp.Moved, r)
			} else {
				kept = append(kept, r)
			}
		}
		after.Reports = kept
		after.Recount()
		next.Splits = append(next.Splits, sp)
		changed = append(changed, "reports")
	case store.ActionReopen:
		next.State, next.MergedInto = store.StatePending, ""
		changed = append(changed, prev.Correction.fields()...)
		// The machine's values come back.
		next.Machine.apply(&after)
		next.Correction, next.Machine = nil, nil
		if prev.MergedInto != "" {
			changed = append(changed, "merged_into")
		}
	}
	if d.Action != store.ActionReopen {
		next.Correction.apply(&after)
	}
	next.Corrected = next.Correction.fields()
	snapshot := Incident{Incident: after, Review: &next}

	before, err := json.Marshal(fieldValues(current, changed))
	if err != nil {
		return store.Review{}, fmt.Errorf("review %s: %w", current.ID, err)
	}
	afterJSON, err := json.Marshal(fieldValues(snapshot, changed))
	if err != nil {
		return store.Review{}, fmt.Errorf("review %s: %w", current.ID, err)
	}
	record, err := json.Marshal(snapshot)
	if err != nil {
		return store.Review{}, fmt.Errorf("review %s: %w", current.ID, err)
	}
	r, err := st.PutReview(ctx, store.Review{Incident: current.ID, Story: IncidentStory(current.ID), Action: d.Action,
		State: next.State, Record: record, Before: before, After: afterJSON, User: user, Note: d.Note, At: next.At}, expectVersion)
	if err != nil {
		return store.Review{}, fmt.Errorf("review %s: %w", current.ID, err)
	}
	return r, nil
}

// fits reports what in d does not fit the incident it is taken on.
func fits(current Incident, d Decision) error {
	switch d.Action {
	case store.ActionMerge:
		if d.Into == current.ID {
			return errors.New("into: an incident cannot be merged into itself")
		}
		if IncidentStory(d.Into) != IncidentStory(current.ID) {
			return fmt.Errorf("into %s: of another story than %s", d.Into, IncidentStory(current.ID))
		}
	case store.ActionSplit:
		have := map[string]bool{}
		for _, r := range current.Reports {
			have[ReportKey(r)] = true
		}
		for _, k := range d.Reports {
			if !have[k] {
				return fmt.Errorf("report %s: not a report of this incident", k)
			}
		}
		if len(d.Reports) >= len(have) {
			return errors.New("reports: a split must leave at least one report behind")
		}
	}
	return nil
}

// fieldValues returns the values of the named fields of inc, for the
// audit log's before and after.
func fieldValues(inc Incident, names []string) map[string]any {
	out := map[string]any{}
	for _, n := range names {
		switch n {
		case "state":
			st := store.StatePending
			if inc.Review != nil {
				st = inc.Review.State
			}
			out[n] = st
		case "merged_into":
			m := ""
			if inc.Review != nil {
				m = inc.Review.MergedInto
			}
			out[n] = m
		case "reports":
			keys := make([]string, len(inc.Reports))
			for i, r := range inc.Reports {
				keys[i] = ReportKey(r)
			}
			out[n] = keys
		default:
			c := machineValues(inc.Incident, []string{n})
			b, _ := json.Marshal(c)
			var m map[string]json.RawMessage
			_ = json.Unmarshal(b, &m)
			out[n] = m[n]
		}
	}
	return out
}
