package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// Counted is the incidents a story's tally sums: those not rejected and
// not merged into another (whose reports the other now holds).
func Counted(incs []review.Incident) []story.Incident {
	out := make([]story.Incident, 0, len(incs))
	for _, inc := range incs {
		if inc.Review != nil && (inc.Review.State == store.StateRejected ||
			inc.Review.State == store.StateMerged && inc.Review.Conflict == "") {
			continue
		}
		out = append(out, inc.Incident)
	}
	return out
}

// ReviewRequest is the body of POST /api/incidents/{id}/review: a decision
// and the version of the incident's record it was taken on (0 when it was
// pending), so that two analysts never silently overwrite each other.
type ReviewRequest struct {
	review.Decision
	ExpectVersion int `json:"expect_version"`
}

// ReviewAnswer is the answer of POST /api/incidents/{id}/review: the
// decision as stored and the incident as it now stands.
type ReviewAnswer struct {
	Review   ReviewVersion    `json:"review"`
	Incident *review.Incident `json:"incident"`
}

// ReviewVersion is one version of an incident's record, as the audit log
// and an incident's history give it.
type ReviewVersion struct {
	Incident string          `json:"incident"`
	Story    string          `json:"story"`
	Version  int             `json:"version"`
	Action   string          `json:"action"`
	State    string          `json:"state"`
	User     string          `json:"user"`
	Note     string          `json:"note"`
	At       time.Time       `json:"at"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
}

func reviewVersion(r store.Review) ReviewVersion {
	v := ReviewVersion{Incident: r.Incident, Story: r.Story, Version: r.Version, Action: r.Action, State: r.State,
		User: r.User, Note: r.Note, At: r.At, Before: r.Before, After: r.After}
	if len(v.Before) == 0 {
		v.Before = json.RawMessage("{}")
	}
	if len(v.After) == 0 {
		v.After = json.RawMessage("{}")
	}
	return v
}

// FindIncident loads the story an incident ID names and returns the
// incident with its review state laid over it. An unknown story or
// incident is an error wrapping store.ErrNotFound.
func FindIncident(ctx context.Context, st store.Store, id string) (*review.Incident, *StoryDetail, error) {
	sid, ok := review.IncidentStory(id), review.ValidIncidentID(id)
	if !ok {
		return nil, nil, fmt.Errorf("incident %q: expected a story id, a hyphen and 12 hexadecimal digits", truncate(id, 40))
	}
	d, err := LoadStory(ctx, st, sid)
	if err != nil {
		return nil, nil, err
	}
	for i := range d.Incidents {
		if d.Incidents[i].ID == id {
			return &d.Incidents[i], d, nil
		}
	}
	return nil, d, fmt.Errorf("incident %s: %w in story %s", id, store.ErrNotFound, sid)
}

// MaxReviewBody bounds the body of a review request.
const MaxReviewBody = 1 << 20

func (s *Server) postReview(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !review.ValidIncidentID(id) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("incident id %q: expected a story id, a hyphen and 12 hexadecimal digits", truncate(id, 40)))
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, CodeBadRequest, fmt.Sprintf("content type %q: send application/json", truncate(ct, 60)))
		return
	}
	var req ReviewRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxReviewBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("review body: %s", truncate(err.Error(), 200)))
		return
	}
	inc, _, err := FindIncident(r.Context(), s.store, id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("incident %s: not found", id))
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	p := auth.FromContext(r.Context())
	rev, err := review.Decide(r.Context(), s.store, p.User, *inc, req.Decision, req.ExpectVersion, s.now())
	switch {
	case errors.Is(err, store.ErrConflict):
		writeError(w, http.StatusConflict, CodeConflict, fmt.Sprintf("incident %s: someone decided on it since version %d; reload it and decide again", id, req.ExpectVersion))
		return
	case errors.Is(err, review.ErrInvalid):
		writeError(w, http.StatusBadRequest, CodeBadRequest, truncate(err.Error(), 500))
		return
	case err != nil:
		s.internal(w, r, err)
		return
	}
	after, _, err := FindIncident(r.Context(), s.store, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ReviewAnswer{Review: reviewVersion(rev), Incident: after})
}

func (s *Server) incidentHistory(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !review.ValidIncidentID(id) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("incident id %q: expected a story id, a hyphen and 12 hexadecimal digits", truncate(id, 40)))
		return
	}
	hist, err := s.store.ReviewHistory(r.Context(), id)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out := make([]ReviewVersion, len(hist))
	for i, h := range hist {
		out[i] = reviewVersion(h)
	}
	writeJSON(w, http.StatusOK, map[string]any{"incident": id, "versions": out})
}

// AuditList is the answer of GET /api/audit.
type AuditList struct {
	Decisions []ReviewVersion `json:"decisions"`
	Next      *string         `json:"next"`
}

func (s *Server) audit(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	var q store.AuditQuery
	if err := knownParams(v, "story", "incident", "user", "cursor", "limit"); err != nil {
		writeError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	q.Story, q.Incident, q.User, q.Cursor = v.Get("story"), v.Get("incident"), v.Get("user"), v.Get("cursor")
	var err error
	if q.Limit, err = limitParam(v); err != nil {
		writeError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	page, err := s.store.Audit(r.Context(), q)
	if s.pageFailed(w, r, err) {
		return
	}
	out := AuditList{Decisions: make([]ReviewVersion, len(page.Reviews))}
	for i, rv := range page.Reviews {
		out.Decisions[i] = reviewVersion(rv)
	}
	if page.Next != "" {
		out.Next = &page.Next
	}
	writeJSON(w, http.StatusOK, out)
}

// ExportQuery selects what an export holds.
type ExportQuery struct {
	Format string    // acled, ucdp, jsonl, geojson
	Story  string    // one story; "" for every story
	AsOf   time.Time // review decisions as they stood then; zero for the latest
	export.Options
}

// ExportFormats are the formats Export writes, with their media types.
var ExportFormats = map[string]string{
	"acled":   "text/csv; charset=utf-8",
	"ucdp":    "text/csv; charset=utf-8",
	"jsonl":   "application/x-ndjson",
	"geojson": "application/geo+json",
}

// MaxExportStories bounds the stories one export reads.
const MaxExportStories = 10000

// Export writes the incidents q selects (and, for jsonl, their stories'
// articles in the extraction contract) in q.Format to w. Reviewed values
// are laid over the computed incidents as they stood at q.AsOf.
func Export(ctx context.Context, st store.Store, w io.Writer, q ExportQuery) error {
	if _, ok := ExportFormats[q.Format]; !ok {
		return fmt.Errorf("format %q: expected acled, ucdp, jsonl or geojson", truncate(q.Format, 40))
	}
	if q.Format == "jsonl" {
		// Articles are written as each story is read, not held at once.
		j := export.NewJSONL(w, q.Options)
		incs, err := ExportIncidents(ctx, st, q.Story, q.AsOf, j.Article)
		if err != nil {
			return err
		}
		return j.Incidents(incs)
	}
	incs, err := ExportIncidents(ctx, st, q.Story, q.AsOf, nil)
	if err != nil {
		return err
	}
	switch q.Format {
	case "acled":
		return export.ACLED(w, incs, q.Options)
	case "ucdp":
		return export.UCDP(w, incs, q.Options)
	default:
		return export.GeoJSON(w, incs, q.Options)
	}
}

// ExportIncidents computes the incidents of one story (of every story, up
// to MaxExportStories, when storyID is "") with the reviews as of asOf
// laid over them, oldest story first, and, when article is not nil, gives
// it each of the stories' articles in the extraction contract as it reads
// them. Reviewed incidents of stories no longer in the store (a reprocess
// refiled their articles) come back from their records: what was reviewed
// is always exported. An unknown storyID with no reviews is an error
// wrapping store.ErrNotFound.
func ExportIncidents(ctx context.Context, st store.Store, storyID string, asOf time.Time, article func(*sitrep.Extraction) error) ([]review.Incident, error) {
	ids := []string{storyID}
	if storyID == "" {
		ids = nil
		sq := store.StoryQuery{Limit: 500}
		for len(ids) < MaxExportStories {
			page, err := st.Stories(ctx, sq)
			if err != nil {
				return nil, err
			}
			for _, s := range page.Stories {
				ids = append(ids, s.ID)
			}
			if page.Next == "" {
				break
			}
			sq.Cursor = page.Next
		}
	}
	latest, err := st.LatestReviews(ctx, storyID, asOf)
	if err != nil {
		return nil, err
	}
	byStory := map[string][]store.Review{}
	for _, r := range latest {
		byStory[r.Story] = append(byStory[r.Story], r)
	}
	// Oldest story first, so that rows read in the order events were
	// first reported; then the stories no longer in the store.
	slices.Reverse(ids)
	var gone []string
	for id := range byStory {
		if !slices.Contains(ids, id) {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	ids = append(ids, gone...)
	var incs []review.Incident
	for _, id := range ids {
		d, err := LoadStoryAsOf(ctx, st, id, asOf)
		switch {
		case errors.Is(err, store.ErrNotFound) && len(byStory[id]) > 0:
			incs = append(incs, review.Apply(nil, byStory[id])...)
			continue
		case err != nil:
			return nil, fmt.Errorf("story %s: %w", id, err)
		}
		incs = append(incs, d.Incidents...)
		if article == nil {
			continue
		}
		for _, a := range d.Articles {
			rec, err := st.GetDoc(ctx, a.ID)
			if err != nil {
				return nil, fmt.Errorf("story %s: %w", id, err)
			}
			x := rec.Doc.Contract(rec.Pipeline)
			if err := article(&x); err != nil {
				return nil, err
			}
		}
	}
	return incs, nil
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := knownParams(v, "format", "story", "since", "as_of", "include_rejected"); err != nil {
		writeError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	q := ExportQuery{Format: v.Get("format"), Story: strings.ToLower(v.Get("story"))}
	ctype, ok := ExportFormats[q.Format]
	if !ok {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("parameter format: %q is not acled, ucdp, jsonl or geojson", truncate(q.Format, 40)))
		return
	}
	if q.Story != "" && !ValidStoryID(q.Story) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("parameter story: %q is not a story id (s and 16 hexadecimal digits)", truncate(q.Story, 40)))
		return
	}
	if since := v.Get("since"); since != "" {
		t, err := time.Parse(time.DateOnly, since)
		if err != nil {
			writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("parameter since: %q is not a date (YYYY-MM-DD)", truncate(since, 40)))
			return
		}
		q.Since = t
	}
	if asOf := v.Get("as_of"); asOf != "" {
		t, err := time.Parse(time.RFC3339, asOf)
		if err != nil {
			writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("parameter as_of: %q is not an RFC 3339 time (2025-11-20T12:00:00Z)", truncate(asOf, 40)))
			return
		}
		q.AsOf = t
	}
	switch v.Get("include_rejected") {
	case "", "false":
	case "true":
		q.IncludeRejected = true
	default:
		writeError(w, http.StatusBadRequest, CodeBadRequest, "parameter include_rejected: expected true or false")
		return
	}
	// An unknown story is a 404, and a failure before the first byte
	// leaves the answer a 500; a failure while streaming (JSON Lines
	// writes articles as it reads stories) aborts the connection, so that
	// the client never mistakes a cut file for a whole one.
	if q.Story != "" {
		if _, err := s.store.Story(r.Context(), q.Story, 1); errors.Is(err, store.ErrNotFound) {
			if rs, err := s.store.LatestReviews(r.Context(), q.Story, q.AsOf); err != nil || len(rs) == 0 {
				writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("story %s: not found", q.Story))
				return
			}
		} else if err != nil {
			s.internal(w, r, err)
			return
		}
	}
	ext := map[string]string{"acled": "csv", "ucdp": "csv", "jsonl": "jsonl", "geojson": "geojson"}[q.Format]
	name := "sitrep-" + q.Format
	if q.Story != "" {
		name += "-" + q.Story
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+ext))
	cw := &countingWriter{w: w}
	if err := Export(r.Context(), s.store, cw, q); err != nil {
		if cw.n == 0 {
			w.Header().Del("Content-Disposition")
			s.internal(w, r, err)
			return
		}
		if r.Context().Err() == nil {
			s.log.Error("export cut short", "format", q.Format, "story", q.Story, "bytes", cw.n, "err", err)
		}
		panic(http.ErrAbortHandler)
	}
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
