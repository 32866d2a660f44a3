package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/story"
)

const storyID = "s00000000000000aa"

var day = time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)

// report is one article's report of an incident, with a killed count.
func report(article string, source string, killed int64, days int) story.Report {
	pub := day.AddDate(0, 0, days)
	k := killed
	return story.Report{Article: article, Source: source, Published: pub, Text: "struck", Modality: "occurred",
		Counts: []story.Count{{Category: "killed", Low: &k, High: &k, Qualifier: "exact", Text: fmt.Sprint(killed, " people"),
			Article: article, Source: source, Published: pub}}}
}

// machine returns the incidents of the fixture story as package story
// would: A, a strike told by two outlets, and B, one told by a third.
func machine() []story.Incident {
	lat, lon := 15.0, -75.0
	mk := func(hexID string, reports ...story.Report) story.Incident {
		inc := story.Incident{ID: storyID + "-" + hexID, Story: storyID, Type: "Explosions/Remote violence", Subtype: "Air/drone strike",
			Plover: "ASSAULT", Cameo: "195", Modality: "occurred",
			Actor: &story.Entity{Key: "loc:united-states", Name: "United States", Type: "LOC", Aliases: []string{}},
			Place: &sitrep.Place{Name: "Caribbean Sea", Kind: "sea", ID: "1", Lat: &lat, Lon: &lon},
			From:  "2025-11-17", Until: "2025-11-17", Reports: reports, Follows: []string{}, FollowedBy: []string{}}
		inc.Recount()
		return inc
	}
	return []story.Incident{
		mk("aaaaaaaaaaaa", report("00000000000000a1", "Wire", 3, 0), report("00000000000000a2", "Daily", 4, 0)),
		mk("bbbbbbbbbbbb", report("00000000000000b1", "Gazette", 2, 1)),
	}
}

func openStore(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "reviews.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// overlay reads the latest reviews (as of asOf) and applies them.
func overlay(t *testing.T, st store.Reviews, incs []story.Incident, asOf time.Time) []Incident {
	t.Helper()
	latest, err := st.LatestReviews(context.Background(), storyID, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return Apply(incs, latest)
}

func find(t *testing.T, incs []Incident, id string) Incident {
	t.Helper()
	for _, inc := range incs {
		if inc.ID == id {
			return inc
		}
	}
	t.Fatalf("incident %s not among %d", id, len(incs))
	return Incident{}
}

func i64(v int64) *int64 { return &v }

func figure(f story.Figure) string {
	s := func(p *int64) string {
		if p == nil {
			return "?"
		}
		return fmt.Sprint(*p)
	}
	return s(f.Low) + "/" + s(f.Best) + "/" + s(f.High)
}

func decide(t *testing.T, st store.Reviews, user string, cur Incident, d Decision, at time.Time) store.Review {
	t.Helper()
	r, err := Decide(context.Background(), st, user, cur, d, cur.Review.Version, at)
	if err != nil {
		t.Fatalf("%s on %s: %v", d.Action, cur.ID, err)
	}
	return r
}

// TestReviewLifecycle follows two incidents through a correction, a
// conflicting edit, a merge, a split, a reprocess that loses them, an
// earlier export reproduced, a reopen and a rejection.
func TestReviewLifecycle(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	idA, idB := storyID+"-aaaaaaaaaaaa", storyID+"-bbbbbbbbbbbb"
	t0 := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)

	incs := overlay(t, st, machine(), time.Time{})
	if len(incs) != 2 || incs[0].Review.State != "pending" || incs[0].Review.Version != 0 {
		t.Fatalf("before any review: %+v", incs)
	}
	a := find(t, incs, idA)
	if got := figure(a.Tally.Killed.Current); got != "3/3/4" {
		t.Fatalf("machine figure of A = %s, fixture changed?", got)
	}

	// A correction of the toll and the type.
	decide(t, st, "ana", a, Decision{Action: "correct", Correction: Correction{
		Killed: &Killed{Low: i64(5), Best: i64(6), High: i64(7)},
		Type:   ptr("Violence against civilians"), Subtype: ptr("Attack"),
	}, Note: "hospital figures"}, t0)
	incs = overlay(t, st, machine(), time.Time{})
	a = find(t, incs, idA)
	if got := figure(a.Tally.Killed.Current); got != "5/6/7" {
		t.Errorf("corrected figure = %s, want 5/6/7", got)
	}
	if len(a.Tally.Killed.Current.Counts) != 2 {
		t.Errorf("the machine's counts are no longer listed: %+v", a.Tally.Killed.Current.Counts)
	}
	if a.Type != "Violence against civilians" || a.Subtype != "Attack" || a.Cameo != "" {
		t.Errorf("type = %q / %q (cameo %q)", a.Type, a.Subtype, a.Cameo)
	}
	if s := a.Review; s.State != "corrected" || s.Version != 1 || s.User != "ana" || !s.At.Equal(t0) ||
		!slices.Equal(s.Corrected, []string{"type", "subtype", "killed"}) || s.Machine == nil || figure(story.Figure{Low: s.Machine.Killed.Low, Best: s.Machine.Killed.Best, High: s.Machine.Killed.High}) != "3/3/4" {
		t.Errorf("state = %+v", s)
	}

	// Two editors saw version 1; the second is refused.
	decide(t, st, "ben", a, Decision{Action: "accept"}, t0.Add(time.Minute))
	if _, err := Decide(ctx, st, "cleo", a, Decision{Action: "reject"}, a.Review.Version, t0.Add(2*time.Minute)); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a decision on a stale version: %v, want ErrConflict", err)
	}
	incs = overlay(t, st, machine(), time.Time{})
	a = find(t, incs, idA)
	if a.Review.State != "corrected" || a.Review.Version != 2 || figure(a.Tally.Killed.Current) != "5/6/7" {
		t.Errorf("accepting a corrected incident: %+v, figure %s; want it corrected still", a.Review, figure(a.Tally.Killed.Current))
	}
	afterAccept := t0.Add(90 * time.Second)

	// B is merged into A.
	decide(t, st, "ana", find(t, incs, idB), Decision{Action: "merge", Into: idA}, t0.Add(3*time.Minute))
	incs = overlay(t, st, machine(), time.Time{})
	a, b := find(t, incs, idA), find(t, incs, idB)
	if len(a.Reports) != 3 || a.Sources != 3 || len(b.Reports) != 1 || b.Review.State != "merged" || b.Review.MergedInto != idA {
		t.Errorf("after the merge: A %d reports %d sources; B %d reports, %+v", len(a.Reports), a.Sources, len(b.Reports), b.Review)
	}
	if figure(a.Tally.Killed.Current) != "5/6/7" {
		t.Errorf("the merge undid A's correction: %s", figure(a.Tally.Killed.Current))
	}

	// The Daily's report is split off A.
	split := []string{"00000000000000a2#0"}
	decide(t, st, "ben", a, Decision{Action: "split", Reports: split}, t0.Add(4*time.Minute))
	child := SplitID(idA, split)
	if !ValidIncidentID(child) || IncidentStory(child) != storyID {
		t.Fatalf("split ID %q", child)
	}
	incs = overlay(t, st, machine(), time.Time{})
	var order []string
	for _, inc := range incs {
		order = append(order, inc.ID)
	}
	if want := []string{idA, child, idB}; !slices.Equal(order, want) {
		t.Errorf("order after the split = %v, want %v", order, want)
	}
	a, c := find(t, incs, idA), find(t, incs, child)
	if len(a.Reports) != 2 || len(c.Reports) != 1 || c.Reports[0].Source != "Daily" || c.Review.State != "pending" {
		t.Errorf("after the split: A %d reports, child %+v", len(a.Reports), c)
	}
	if a.Review.State != "corrected" || figure(a.Tally.Killed.Current) != "5/6/7" {
		t.Errorf("the split changed A's state: %+v", a.Review)
	}
	if again := overlay(t, st, machine(), time.Time{}); !reflect.DeepEqual(again, incs) {
		t.Error("applying the same reviews twice gives different incidents")
	}

	// A reprocess in which the machine no longer finds A nor B: both come
	// back from their records, with the split child rebuilt.
	gone := overlay(t, st, []story.Incident{}, time.Time{})
	order = order[:0]
	for _, inc := range gone {
		order = append(order, inc.ID)
	}
	if want := []string{idA, child, idB}; !slices.Equal(order, want) {
		t.Fatalf("restored incidents = %v, want %v", order, want)
	}
	ra, rc := find(t, gone, idA), find(t, gone, child)
	if !ra.Review.Restored || ra.Review.State != "corrected" || figure(ra.Tally.Killed.Current) != "5/6/7" || ra.Type != "Violence against civilians" {
		t.Errorf("restored A = %+v, figure %s", ra.Review, figure(ra.Tally.Killed.Current))
	}
	if len(rc.Reports) != 1 || rc.Reports[0].Article != "00000000000000a2" {
		t.Errorf("restored child reports = %+v", rc.Reports)
	}
	if len(ra.Reports) != 2 { // Wire's, and the Gazette's merged in
		t.Errorf("restored A has %d reports, want 2", len(ra.Reports))
	}

	// The export of before the merge, reproduced.
	then := overlay(t, st, machine(), afterAccept)
	if a, b := find(t, then, idA), find(t, then, idB); a.Review.Version != 2 || len(a.Reports) != 2 || b.Review.State != "pending" {
		t.Errorf("as of before the merge: A v%d with %d reports, B %s", a.Review.Version, len(a.Reports), b.Review.State)
	}

	// Reopening A gives the machine's values back; rejecting B leaves it
	// listed.
	a = find(t, incs, idA)
	decide(t, st, "ana", a, Decision{Action: "reopen"}, t0.Add(5*time.Minute))
	b = find(t, incs, idB)
	decide(t, st, "ana", b, Decision{Action: "reject", Note: "not an incident"}, t0.Add(6*time.Minute))
	incs = overlay(t, st, machine(), time.Time{})
	a, b = find(t, incs, idA), find(t, incs, idB)
	if a.Review.State != "pending" || a.Review.Version != 4 || a.Type != "Explosions/Remote violence" || figure(a.Tally.Killed.Current) != "3/3/3" {
		t.Errorf("reopened A: %+v, type %q, figure %s (want the machine's, without the split report)", a.Review, a.Type, figure(a.Tally.Killed.Current))
	}
	if b.Review.State != "rejected" || len(b.Reports) != 1 || b.Review.Note != "not an incident" {
		t.Errorf("rejected B: %+v, %d reports", b.Review, len(b.Reports))
	}

	// The audit log: every decision with what it changed.
	hist, err := st.ReviewHistory(ctx, idA)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action)
	}
	if want := []string{"correct", "accept", "split", "reopen"}; !slices.Equal(actions, want) {
		t.Errorf("A's history = %v, want %v", actions, want)
	}
	var before, after map[string]any
	if err := json.Unmarshal(hist[0].Before, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(hist[0].After, &after); err != nil {
		t.Fatal(err)
	}
	if before["state"] != "pending" || after["state"] != "corrected" || before["type"] != "Explosions/Remote violence" ||
		after["type"] != "Violence against civilians" || fmt.Sprint(before["killed"]) != "map[best:3 high:4 low:3]" || fmt.Sprint(after["killed"]) != "map[best:6 high:7 low:5]" {
		t.Errorf("correction before %v\nafter %v", before, after)
	}
	if _, ok := before["place"]; ok {
		t.Errorf("before lists a field the decision did not change: %v", before)
	}
}

func TestDecideRefuses(t *testing.T) {
	st := openStore(t)
	incs := Apply(machine(), nil)
	a := incs[0]
	now := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		user string
		inc  Incident
		d    Decision
		says string
	}{
		{"no user", "", a, Decision{Action: "accept"}, "user"},
		{"control in user", "ana\x1b]0;x\x07", a, Decision{Action: "accept"}, "user"},
		{"bad incident", "ana", Incident{Incident: story.Incident{ID: "s1-2"}}, Decision{Action: "accept"}, "not an incident ID"},
		{"merge into itself", "ana", a, Decision{Action: "merge", Into: a.ID}, "into itself"},
		{"merge across stories", "ana", a, Decision{Action: "merge", Into: "s00000000000000bb-aaaaaaaaaaaa"}, "another story"},
		{"split a stranger", "ana", a, Decision{Action: "split", Reports: []string{"00000000000000ff#0"}}, "not a report of this incident"},
		{"split everything", "ana", a, Decision{Action: "split", Reports: []string{"00000000000000a1#0", "00000000000000a2#0"}}, "at least one report"},
		{"invalid", "ana", a, Decision{Action: "correct"}, "no field corrected"},
	} {
		_, err := Decide(context.Background(), st, c.user, c.inc, c.d, 0, now)
		if err == nil || !strings.Contains(err.Error(), c.says) || !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want an ErrInvalid saying %q", c.name, err, c.says)
		}
	}
	if _, err := Decide(context.Background(), st, "ana", a, Decision{Action: "accept"}, -1, now); !errors.Is(err, ErrInvalid) {
		t.Errorf("negative version: %v, want ErrInvalid", err)
	}
	if h, _ := st.Audit(context.Background(), store.AuditQuery{}); len(h.Reviews) != 0 {
		t.Errorf("refused decisions were written: %+v", h.Reviews)
	}
}

func TestValidate(t *testing.T) {
	nan := math.NaN()
	lat, lon, far := 10.0, 20.0, 200.0
	for _, c := range []struct {
		d    Decision
		says string // "" for valid
	}{
		{Decision{Action: "accept"}, ""},
		{Decision{Action: "reject", Note: "two lines\nof note"}, ""},
		{Decision{Action: "correct", Correction: Correction{Type: ptr("Strategic developments"), Subtype: ptr("Threat")}}, ""},
		{Decision{Action: "correct", Correction: Correction{Type: ptr("Battles"), Subtype: ptr("Armed clash"), Modality: ptr("unconfirmed")}}, ""},
		{Decision{Action: "correct", Correction: Correction{Killed: &Killed{Low: i64(80), High: i64(83)}}}, ""},
		{Decision{Action: "correct", Correction: Correction{Place: &Place{Name: "Nairobi", Kind: "city", Country: "KE", Lat: &lat, Lon: &lon}}}, ""},
		{Decision{Action: "correct", Correction: Correction{From: ptr("2025-11"), Until: ptr("2025-11-30"), Actor: ptr(""), Target: ptr("Tren de Aragua")}}, ""},
		{Decision{Action: "merge", Into: storyID + "-0123456789ab"}, ""},
		{Decision{Action: "split", Reports: []string{"00000000000000a1#0", "00000000000000a1#12"}}, ""},

		{Decision{Action: "approve"}, "action \"approve\""},
		{Decision{Action: "accept", Correction: Correction{Modality: ptr("occurred")}}, "takes no corrected fields"},
		{Decision{Action: "correct", Correction: Correction{Type: ptr("Battles")}}, "correct both together"},
		{Decision{Action: "correct", Correction: Correction{Type: ptr("Battles"), Subtype: ptr("Air/drone strike")}}, "not an ACLED event type"},
		{Decision{Action: "correct", Correction: Correction{Type: ptr(""), Subtype: ptr("")}}, "not an ACLED event type"},
		{Decision{Action: "correct", Correction: Correction{Modality: ptr("likely")}}, "modality \"likely\""},
		{Decision{Action: "correct", Correction: Correction{Killed: &Killed{}}}, "at least one of"},
		{Decision{Action: "correct", Correction: Correction{Killed: &Killed{Low: i64(-1)}}}, "killed low -1"},
		{Decision{Action: "correct", Correction: Correction{Killed: &Killed{Low: i64(9), Best: i64(8)}}}, "low 9 is above best 8"},
		{Decision{Action: "correct", Correction: Correction{Killed: &Killed{Best: i64(9), High: i64(8)}}}, "best 9 is above high 8"},
		{Decision{Action: "correct", Correction: Correction{Killed: &Killed{Low: i64(9), High: i64(8)}}}, "low 9 is above high 8"},
		{Decision{Action: "correct", Correction: Correction{Place: &Place{Name: "X", Lat: &lat}}}, "both lat and lon"},
		{Decision{Action: "correct", Correction: Correction{Place: &Place{Name: "X", Lat: &nan, Lon: &lon}}}, "lat NaN"},
		{Decision{Action: "correct", Correction: Correction{Place: &Place{Name: "X", Lat: &lat, Lon: &far}}}, "lon 200"},
		{Decision{Action: "correct", Correction: Correction{Place: &Place{Name: "X", Kind: "village"}}}, "place kind"},
		{Decision{Action: "correct", Correction: Correction{Place: &Place{Name: "X", Country: "Kenya"}}}, "alpha-2"},
		{Decision{Action: "correct", Correction: Correction{Place: &Place{}}}, "place name: empty"},
		{Decision{Action: "correct", Correction: Correction{From: ptr("2025-02-30")}}, "from \"2025-02-30\""},
		{Decision{Action: "correct", Correction: Correction{From: ptr("last week")}}, "not a date"},
		{Decision{Action: "correct", Correction: Correction{Until: ptr("-200")}}, "not a date"},
		{Decision{Action: "correct", Correction: Correction{From: ptr("2025-12"), Until: ptr("2025-11-30")}}, "is after until"},
		{Decision{Action: "correct", Correction: Correction{Actor: ptr(strings.Repeat("a", MaxText+1))}}, "more than 500"},
		{Decision{Action: "correct", Correction: Correction{Actor: ptr("US\u202eforces")}}, "control character U+202E"},
		{Decision{Action: "correct", Correction: Correction{Target: ptr("a\nb")}}, "control character"},
		{Decision{Action: "correct", Correction: Correction{Target: ptr("\xff")}}, "UTF-8"},
		{Decision{Action: "correct", Correction: Correction{Target: ptr(" padded")}}, "white space"},
		{Decision{Action: "merge"}, "not an incident ID"},
		{Decision{Action: "merge", Into: storyID + "-XYZ"}, "not an incident ID"},
		{Decision{Action: "split"}, "none named"},
		{Decision{Action: "split", Reports: []string{"00000000000000a1"}}, "not article#event"},
		{Decision{Action: "split", Reports: []string{"00000000000000a1#01"}}, "not article#event"},
		{Decision{Action: "split", Reports: []string{"00000000000000a1#0", "00000000000000a1#0"}}, "named twice"},
		{Decision{Action: "reject", Note: strings.Repeat("n", MaxNote+1)}, "note"},
		{Decision{Action: "reject", Note: "\x00"}, "note"},
	} {
		err := c.d.Validate()
		switch {
		case c.says == "" && err != nil:
			t.Errorf("%+v: %v, want valid", c.d, err)
		case c.says != "" && (err == nil || !strings.Contains(err.Error(), c.says)):
			t.Errorf("%+v: %v, want an error saying %q", c.d, err, c.says)
		}
	}
}

// TestApplyHostileRecords lays records no Decide would write: unreadable
// JSON, merges in a cycle, into a missing incident, splits naming reports
// the incident lacks. Nothing panics, no report is lost, and each problem
// is told.
func TestApplyHostileRecords(t *testing.T) {
	idA, idB := storyID+"-aaaaaaaaaaaa", storyID+"-bbbbbbbbbbbb"
	at := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	rec := func(id string, s State) json.RawMessage {
		var inc story.Incident
		for _, m := range machine() {
			if m.ID == id {
				inc = m
			}
		}
		inc.ID = id
		b, _ := json.Marshal(Incident{Incident: inc, Review: &s})
		return b
	}
	mk := func(id, state string, r json.RawMessage) store.Review {
		return store.Review{Incident: id, Story: storyID, Action: "merge", State: state, Record: r, User: "x", Version: 1, At: at}
	}
	for _, c := range []struct {
		name     string
		reviews  []store.Review
		conflict string // an incident whose State.Conflict is set
	}{
		{"cycle", []store.Review{
			mk(idA, "merged", rec(idA, State{State: "merged", MergedInto: idB})),
			mk(idB, "merged", rec(idB, State{State: "merged", MergedInto: idA})),
		}, idA},
		{"missing target", []store.Review{mk(idB, "merged", rec(idB, State{State: "merged", MergedInto: storyID + "-ffffffffffff"}))}, idB},
		{"unreadable", []store.Review{mk(idA, "accepted", json.RawMessage(`"not an incident"`))}, idA},
		{"split of strangers", []store.Review{mk(idA, "accepted", rec(idA, State{State: "accepted",
			Splits: []Split{{Child: storyID + "-cccccccccccc", Reports: []string{"00000000000000ff#3"}}}}))}, ""},
	} {
		out := Apply(machine(), c.reviews)
		reports := 0
		for _, inc := range out {
			reports += len(inc.Reports)
			if inc.Review == nil {
				t.Errorf("%s: %s has no review state", c.name, inc.ID)
			}
		}
		if reports != 3 {
			t.Errorf("%s: %d reports in all, want the 3 of the fixture", c.name, reports)
		}
		if c.conflict != "" && find(t, out, c.conflict).Review.Conflict == "" {
			t.Errorf("%s: %s carries no conflict", c.name, c.conflict)
		}
		if len(out) != 2 {
			t.Errorf("%s: %d incidents, want 2", c.name, len(out))
		}
	}
}

// TestApplyOrderIndependent: the order the store gives reviews in does not
// change the result.
func TestApplyOrderIndependent(t *testing.T) {
	st := openStore(t)
	now := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	incs := Apply(machine(), nil)
	decide(t, st, "ana", incs[1], Decision{Action: "merge", Into: incs[0].ID}, now)
	decide(t, st, "ana", incs[0], Decision{Action: "split", Reports: []string{"00000000000000a1#0"}}, now)
	latest, err := st.LatestReviews(context.Background(), "", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	want := Apply(machine(), latest)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		rng.Shuffle(len(latest), func(i, j int) { latest[i], latest[j] = latest[j], latest[i] })
		if got := Apply(machine(), latest); !reflect.DeepEqual(got, want) {
			t.Fatal("Apply depends on the order of the reviews")
		}
	}
}

func FuzzValidate(f *testing.F) {
	f.Add("correct", "Battles", "Armed clash", "occurred", "2025-11", "x", int64(3), 1.5)
	f.Add("split", "", "", "", "", "00000000000000a1#0", int64(-1), math.Inf(1))
	f.Fuzz(func(t *testing.T, action, typ, sub, mod, date, text string, n int64, coord float64) {
		d := Decision{Action: action, Note: text, Reports: []string{text}, Into: text, Correction: Correction{
			Type: &typ, Subtype: &sub, Modality: &mod, From: &date, Until: &text, Actor: &text,
			Killed: &Killed{Low: &n}, Place: &Place{Name: text, Lat: &coord, Lon: &coord}}}
		_ = d.Validate() // must not panic
		d = Decision{Action: action, Correction: Correction{Actor: &text}}
		if err := d.Validate(); err == nil {
			if strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 || r == 0x7f || r == 0x202e }) {
				t.Errorf("actor %q with a control character accepted", text)
			}
		}
	})
}

// named is an incident as the machine names it: after its earliest
// report's key.
func named(reports ...story.Report) story.Incident {
	inc := machine()[0]
	inc.ID = storyID + "-" + reportHash(ReportKey(reports[0]))
	inc.Reports = reports
	inc.Recount()
	return inc
}

func rep(article string, event int) story.Report {
	r := report(article, "Outlet "+article[len(article)-2:], 1, 0)
	r.Event = event
	return r
}

// TestReviewFollowsItsReports: when the machine names an incident anew (an
// earlier report joined it), the review follows the reports: one incident,
// reviewed, under its reviewed ID — not the reviewed one restored beside a
// pending copy of it.
func TestReviewFollowsItsReports(t *testing.T) {
	st := openStore(t)
	now := day.AddDate(0, 0, 3)
	a1, a2, a0 := rep("00000000000000a1", 0), rep("00000000000000a2", 0), rep("00000000000000a0", 3)
	before := named(a1, a2)
	decide(t, st, "ed", find(t, overlay(t, st, []story.Incident{before}, time.Time{}), before.ID),
		Decision{Action: "correct", Correction: Correction{Killed: &Killed{Low: i64(10)}}}, now)

	after := named(a0, a1, a2) // a0 is earlier: the machine's name changes
	out := overlay(t, st, []story.Incident{after}, time.Time{})
	if len(out) != 1 {
		t.Fatalf("%d incidents after the renaming, want 1: %v", len(out), ids(out))
	}
	got := out[0]
	if got.ID != before.ID || got.Review.State != store.StateCorrected || got.Review.Restored ||
		got.Review.MachineID != after.ID || figure(got.Tally.Killed.Current) != "10/?/?" || len(got.Reports) != 3 {
		t.Errorf("the reviewed incident: %s %+v, killed %s, %d reports", got.ID, got.Review, figure(got.Tally.Killed.Current), len(got.Reports))
	}

	// An incident that took in the named report among more of its own is
	// not the reviewed one: the review comes back from its record.
	other := named(rep("00000000000000b0", 1), rep("00000000000000b1", 0), rep("00000000000000b2", 0), a1)
	out = overlay(t, st, []story.Incident{other}, time.Time{})
	if r := find(t, out, before.ID); !r.Review.Restored || len(r.Reports) != 2 {
		t.Errorf("not its own incident: %+v", r.Review)
	}
	if n := find(t, out, other.ID); n.Review.State != store.StatePending {
		t.Errorf("the other incident is %s, want pending", n.Review.State)
	}
}

// TestSplitsMergesAndRenames: splits, merges and renamings combined leave
// every report counted once.
func TestSplitsMergesAndRenames(t *testing.T) {
	now := day.AddDate(0, 0, 3)
	a1, a2, b1, a0 := rep("00000000000000a1", 0), rep("00000000000000a2", 0), rep("00000000000000b1", 0), rep("00000000000000a0", 2)
	once := func(t *testing.T, out []Incident, want int) {
		t.Helper()
		seen := map[string]string{}
		for _, inc := range counted(out) {
			for _, r := range inc.Reports {
				k := ReportKey(r)
				if prev, ok := seen[k]; ok {
					t.Errorf("report %s counts in %s and %s", k, prev, inc.ID)
				}
				seen[k] = inc.ID
			}
		}
		if len(seen) != want {
			t.Errorf("%d reports count, want %d: %v", len(seen), want, ids(out))
		}
	}
	t.Run("an accepted child of a split made after a merge", func(t *testing.T) {
		st := openStore(t)
		incs := []story.Incident{named(a1, a2), named(b1)}
		a, b := incs[0].ID, incs[1].ID
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), b), Decision{Action: "merge", Into: a}, now)
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), a), Decision{Action: "split", Reports: []string{ReportKey(b1)}}, now.Add(time.Minute))
		c := SplitID(a, []string{ReportKey(b1)})
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), c), Decision{Action: "accept"}, now.Add(2*time.Minute))
		out := overlay(t, st, incs, time.Time{})
		if r := find(t, out, c); r.Review.Restored || r.Review.State != store.StateAccepted || len(r.Reports) != 1 {
			t.Errorf("child %+v with %d reports", r.Review, len(r.Reports))
		}
		once(t, out, 3)
	})
	t.Run("a split of reports from both sides of a merge", func(t *testing.T) {
		st := openStore(t)
		incs := []story.Incident{named(a1, a2), named(b1)}
		a, b := incs[0].ID, incs[1].ID
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), b), Decision{Action: "merge", Into: a}, now)
		keys := []string{ReportKey(a2), ReportKey(b1)}
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), a), Decision{Action: "split", Reports: keys}, now.Add(time.Minute))
		out := overlay(t, st, incs, time.Time{})
		if n := len(find(t, out, SplitID(a, keys)).Reports); n != 2 {
			t.Errorf("the child holds %d reports, want a2 and b1", n)
		}
		once(t, out, 3)
	})
	t.Run("a corrected split child of an incident the machine renames", func(t *testing.T) {
		st := openStore(t)
		incs := []story.Incident{named(a1, a2)}
		a := incs[0].ID
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), a), Decision{Action: "split", Reports: []string{ReportKey(a2)}}, now)
		c := SplitID(a, []string{ReportKey(a2)})
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), c),
			Decision{Action: "correct", Correction: Correction{Killed: &Killed{Low: i64(40)}}}, now.Add(time.Minute))
		out := overlay(t, st, []story.Incident{named(a0, a1, a2)}, time.Time{})
		if r := find(t, out, c); len(r.Reports) != 1 || figure(r.Tally.Killed.Current) != "40/?/?" || r.Review.Restored {
			t.Errorf("child: %d reports, killed %s, %+v", len(r.Reports), figure(r.Tally.Killed.Current), r.Review)
		}
		if r := find(t, out, a); len(r.Reports) != 2 || r.Review.MachineID == "" {
			t.Errorf("parent: %d reports, %+v", len(r.Reports), r.Review)
		}
		once(t, out, 3)
	})
	t.Run("a merge into an incident the machine then renames", func(t *testing.T) {
		st := openStore(t)
		incs := []story.Incident{named(a1, a2), named(b1)}
		a, b := incs[0].ID, incs[1].ID
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), a), Decision{Action: "accept"}, now)
		decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), b), Decision{Action: "merge", Into: a}, now.Add(time.Minute))
		out := overlay(t, st, []story.Incident{named(a0, a1, a2), named(b1)}, time.Time{})
		if r := find(t, out, b); r.Review.State != store.StateMerged || r.Review.Conflict != "" {
			t.Errorf("the merge is not laid: %+v", r.Review)
		}
		if r := find(t, out, a); len(r.Reports) != 4 {
			t.Errorf("the renamed target holds %d reports, want 4", len(r.Reports))
		}
		once(t, out, 4)
	})
}

func ids(incs []Incident) []string {
	var out []string
	for _, i := range incs {
		out = append(out, i.ID)
	}
	return out
}

// TestSplitOfMergedInReports: a report merged into an incident can be
// split off it again; the split is laid after the merge that brought it.
func TestSplitOfMergedInReports(t *testing.T) {
	st := openStore(t)
	now := day.AddDate(0, 0, 3)
	incs := machine()
	a, b := incs[0].ID, incs[1].ID
	decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), b), Decision{Action: "merge", Into: a}, now)
	merged := find(t, overlay(t, st, incs, time.Time{}), a)
	if len(merged.Reports) != 3 {
		t.Fatalf("after the merge %s has %d reports, want 3", a, len(merged.Reports))
	}
	moved := ReportKey(incs[1].Reports[0]) // B's own report, now in A
	decide(t, st, "ed", merged, Decision{Action: "split", Reports: []string{moved}}, now.Add(time.Hour))
	out := overlay(t, st, incs, time.Time{})
	child := find(t, out, SplitID(a, []string{moved}))
	if len(child.Reports) != 1 || ReportKey(child.Reports[0]) != moved {
		t.Errorf("the split child holds %d reports, want the one split off", len(child.Reports))
	}
	if n := len(find(t, out, a).Reports); n != 2 {
		t.Errorf("after the split %s has %d reports, want 2", a, n)
	}
	if n := len(counted(out)); n != 2 {
		t.Errorf("%d incidents count, want 2 (A and the child; B is merged)", n)
	}
}

// counted is api.Counted's rule, for the test: neither rejected nor merged.
func counted(incs []Incident) []Incident {
	var out []Incident
	for _, i := range incs {
		if i.Review.State != store.StateRejected && i.Review.State != store.StateMerged {
			out = append(out, i)
		}
	}
	return out
}

// TestReopenAMergedIncident: reopening a merged incident records it with
// its reports, so that it can be restored whole once the machine no
// longer finds it.
func TestReopenAMergedIncident(t *testing.T) {
	st := openStore(t)
	now := day.AddDate(0, 0, 3)
	incs := machine()
	a, b := incs[0].ID, incs[1].ID
	decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), b), Decision{Action: "merge", Into: a}, now)
	decide(t, st, "ed", find(t, overlay(t, st, incs, time.Time{}), b), Decision{Action: "reopen"}, now.Add(time.Minute))
	gone := overlay(t, st, incs[:1], time.Time{}) // the machine no longer finds B
	if r := find(t, gone, b); !r.Review.Restored || len(r.Reports) != 1 {
		t.Errorf("B restored after its reopen: %d reports, %+v; want its one report", len(r.Reports), r.Review)
	}
	if n := len(find(t, gone, a).Reports); n != 2 {
		t.Errorf("A holds %d reports after B's reopen, want its own 2", n)
	}
}
