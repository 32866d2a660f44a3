package review

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// maxChain bounds how far Apply follows splits of splits and merges into
// merged incidents: hostile records must not make it loop.
const maxChain = 32

// reviewed is the latest record of one incident.
type reviewed struct {
	state    State
	snapshot *story.Incident // nil when the record could not be read
}

// Apply lays the latest review of each incident over incs, the incidents
// of one or more stories as package story computed them, and returns them
// in a deterministic order: incs' order, each incident split off another
// right after it, then the reviewed incidents the machine no longer finds
// (restored from their records) by ID.
//
//   - corrected fields replace the machine's (a corrected killed figure
//     replaces the current Low, Best and High; the machine's counts stay
//     listed, and State.Machine keeps its figures);
//   - rejected incidents stay listed, in state rejected;
//   - an incident merged into another stays listed in state merged, its
//     reports copied into the other (followed through merges into merged
//     incidents), whose sources and tally are recounted; it counts nowhere
//     itself (api.Counted, export.Options.Include) but keeps its reports
//     listed, so that a later decision on it records it whole; when the
//     other is not found State.Conflict says so, and it counts again;
//   - a split moves the named reports into a new incident (ID from
//     SplitID), both recounted; reports no longer in the parent are
//     skipped;
//   - every other incident is pending.
//
// latest may hold several versions of an incident; the highest counts.
// incs is not modified.
func Apply(incs []story.Incident, latest []store.Review) []Incident {
	byID := map[string]*reviewed{}
	for _, r := range latest {
		if old, ok := byID[r.Incident]; ok && old.state.Version >= r.Version {
			continue
		}
		byID[r.Incident] = readRecord(r)
	}

	a := applier{reviews: byID, index: map[string]int{}}
	for _, inc := range incs {
		inc.Reports = slices.Clone(inc.Reports)
		a.add(inc, false, 0)
	}
	a.merge(false)
	// What is lost is known only once merges and the splits they allow
	// are laid: a split child made then is not lost.
	var lost []string
	for id, rv := range byID {
		if _, ok := a.index[id]; !ok && rv.snapshot != nil {
			lost = append(lost, id)
		}
	}
	sort.Strings(lost)
	// First the incidents the machine renamed, whose splits may make
	// children that are then not lost; then the restores.
	for _, id := range lost {
		if _, ok := a.index[id]; !ok {
			a.rebind(id, byID[id].snapshot)
		}
	}
	for _, id := range lost {
		if _, ok := a.index[id]; !ok {
			a.add(*byID[id].snapshot, true, 0)
		}
	}
	a.merge(true) // merges of and into what was rebound or restored
	for i := range a.out {
		a.finish(&a.out[i])
	}
	return a.out
}

// readRecord reads a stored review: the state and incident of its record,
// falling back on the store's columns when the record is not what Decide
// writes.
func readRecord(r store.Review) *reviewed {
	var inc Incident
	rv := &reviewed{}
	if err := json.Unmarshal(r.Record, &inc); err == nil && inc.ID == r.Incident && inc.Review != nil {
		rv.state = *inc.Review
		inc.Review = nil
		rv.snapshot = &inc.Incident
	} else {
		rv.state = State{Conflict: "its stored record could not be read"}
	}
	// The store's columns are authoritative for who decided what, when.
	rv.state.State, rv.state.Version, rv.state.User, rv.state.At, rv.state.Note = r.State, r.Version, r.User, r.At, r.Note
	if rv.state.Corrected == nil {
		rv.state.Corrected = []string{}
	}
	return rv
}

type applier struct {
	reviews  map[string]*reviewed
	out      []Incident
	index    map[string]int // incident ID → position in out
	restored map[string]bool
	// machineID maps a reviewed ID rebound to an incident the machine now
	// names otherwise to that name.
	machineID map[string]string
	child     map[string]bool // incidents made by splits
}

// rebind gives a reviewed incident the machine no longer finds under its
// ID to the incident the machine now names otherwise. The machine names an
// incident after its earliest original report (story.Incident.ID), so when
// an earlier report joins it (a reprocess, an article back-filled) its ID
// changes. The incident it became is the unreviewed one that holds the
// report the reviewed ID was named after and whose reports are mostly the
// reviewed incident's own: the review follows it and it takes the reviewed
// ID, so that exports keep naming it as before (State.MachineID gives the
// new name, which also still finds it for merges into it). An incident
// that merely took in that report among more of its own is not it: the
// review is then restored from its record instead.
func (a *applier) rebind(id string, snap *story.Incident) bool {
	_, hexID, _ := strings.Cut(id, "-")
	own := map[string]bool{}
	named := false
	for _, r := range snap.Reports {
		k := ReportKey(r)
		own[k] = true
		named = named || reportHash(k) == hexID
	}
	// Reports it split off were its own too: the machine still groups them.
	for _, sp := range a.reviews[id].state.Splits {
		for _, k := range sp.Reports {
			own[k] = true
			named = named || reportHash(k) == hexID
		}
	}
	if !named {
		return false // a split child, named by SplitID: its parent makes it
	}
	for pos := range a.out {
		inc := &a.out[pos].Incident
		if a.reviews[inc.ID] != nil || a.machineID[inc.ID] != "" || a.child[inc.ID] {
			continue
		}
		holds, shared := false, 0
		for _, r := range inc.Reports {
			k := ReportKey(r)
			holds = holds || reportHash(k) == hexID
			if own[k] {
				shared++
			}
		}
		if !holds || 2*shared <= len(inc.Reports) {
			continue
		}
		old := inc.ID
		inc.ID = id
		a.index[id] = pos // the old name stays in the index too
		if a.machineID == nil {
			a.machineID = map[string]string{}
		}
		a.machineID[id] = old
		a.split(pos, false, 0)
		return true
	}
	return false
}

// reportHash is the part of an incident ID the machine makes from its
// earliest report's key (see story.Incident.ID).
func reportHash(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])[:12]
}

// add appends inc, then the incidents its review splits off it.
func (a *applier) add(inc story.Incident, restored bool, depth int) {
	if _, dup := a.index[inc.ID]; dup || depth > maxChain {
		return
	}
	pos := len(a.out)
	a.index[inc.ID] = pos
	a.out = append(a.out, Incident{Incident: inc})
	if restored {
		if a.restored == nil {
			a.restored = map[string]bool{}
		}
		a.restored[inc.ID] = true
	}
	a.split(pos, restored, depth)
}

// split adds the incidents the review of the incident at pos splits off it.
func (a *applier) split(pos int, restored bool, depth int) {
	rv := a.reviews[a.out[pos].ID]
	if rv == nil {
		return
	}
	for _, sp := range rv.state.Splits {
		parent := &a.out[pos].Incident
		want := make(map[string]bool, len(sp.Reports))
		for _, k := range sp.Reports {
			want[k] = true
		}
		var moved, kept []story.Report
		for _, r := range parent.Reports {
			if want[ReportKey(r)] {
				moved = append(moved, r)
			} else {
				kept = append(kept, r)
			}
		}
		if len(moved) == 0 && restored {
			// The restored parent's record was taken after the split: the
			// split's own copy of the reports rebuilds the child.
			moved = slices.Clone(sp.Moved)
		}
		if len(moved) == 0 {
			continue
		}
		parent.Reports = nonNil(kept)
		parent.Recount()
		if cpos, ok := a.index[sp.Child]; ok {
			// The child is made: reports the parent holds only since (a
			// merge brought them) join it.
			child := &a.out[cpos].Incident
			have := map[string]bool{}
			for _, r := range child.Reports {
				have[ReportKey(r)] = true
			}
			child.Reports = slices.Clone(child.Reports)
			for _, r := range moved {
				if !have[ReportKey(r)] {
					child.Reports = append(child.Reports, r)
				}
			}
			child.Recount()
			continue
		}
		child := *parent
		child.ID = sp.Child
		child.Reports = moved
		child.Follows, child.FollowedBy = []string{}, []string{}
		child.Recount()
		if a.child == nil {
			a.child = map[string]bool{}
		}
		a.child[child.ID] = true
		a.add(child, restored, depth+1)
	}
}

// merge copies the reports of each merged incident into the incident it
// was merged into; only the final pass records a target not found.
func (a *applier) merge(final bool) {
	for i := range a.out {
		rv := a.reviews[a.out[i].ID]
		if rv == nil || rv.state.State != store.StateMerged {
			continue
		}
		target, ok := a.mergeTarget(a.out[i].ID)
		if !ok && !final {
			continue // the target may yet be rebound or restored
		}
		if !ok {
			rv.state.Conflict = fmt.Sprintf("merged into %s, which is not among the incidents now: its reports stay here", rv.state.MergedInto)
			continue
		}
		dst := &a.out[target].Incident
		have := map[string]bool{}
		for _, r := range dst.Reports {
			have[ReportKey(r)] = true
		}
		dst.Reports = slices.Clone(dst.Reports)
		for _, r := range a.out[i].Reports {
			if !have[ReportKey(r)] {
				dst.Reports = append(dst.Reports, r)
				have[ReportKey(r)] = true
			}
		}
		dst.Recount()
		// The merged incident keeps its reports, listed where they went:
		// it counts nowhere (see State), and a later decision on it (a
		// reopen) records it whole.
		// A split of the target may name reports it holds only since this
		// merge: laid now that they are there (split skips children made).
		a.split(target, a.restored[a.out[target].ID], 0)
	}
}

// mergeTarget follows merges from id to the incident its reports end in.
func (a *applier) mergeTarget(id string) (int, bool) {
	seen := map[string]bool{id: true}
	cur := id
	for range maxChain {
		rv := a.reviews[cur]
		if rv == nil || rv.state.State != store.StateMerged {
			break
		}
		next := rv.state.MergedInto
		if next == "" || seen[next] {
			return 0, false
		}
		seen[next] = true
		cur = next
	}
	pos, ok := a.index[cur]
	if !ok || cur == id {
		return 0, false
	}
	if rv := a.reviews[cur]; rv != nil && rv.state.State == store.StateMerged {
		return 0, false // a chain longer than maxChain
	}
	return pos, true
}

// finish lays the corrections and the state over one incident.
func (a *applier) finish(inc *Incident) {
	rv := a.reviews[inc.ID]
	if rv == nil {
		inc.Review = pending()
		return
	}
	st := rv.state
	st.Corrected = st.Correction.fields()
	st.MachineID = a.machineID[inc.ID]
	if a.restored[inc.ID] {
		st.Restored = true
	} else if len(st.Corrected) > 0 {
		// What the machine says now, beside the reviewed values.
		st.Machine = machineValues(inc.Incident, st.Corrected)
	}
	st.Correction.apply(&inc.Incident)
	inc.Review = &st
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
