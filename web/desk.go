package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// registerDesk adds the analyst's desk: signing in and out, the review
// queue and form, the audit log and the export page. Decisions go through
// review.Decide, as the API's do, so both keep one record.
func (h *Handler) registerDesk() {
	h.handle("GET /login", auth.Anonymous, h.loginForm)
	h.handle("POST /login", auth.Anonymous, h.login)
	h.handle("POST /logout", auth.Viewer, h.logout)
	h.handle("GET /review", auth.Viewer, h.queue)
	h.handle("GET /review/{id}", auth.Editor, h.reviewForm)
	h.handle("POST /review/{id}", auth.Editor, h.decide)
	h.handle("GET /audit", auth.Viewer, h.auditLog)
	h.handle("GET /export", auth.Viewer, h.exportPage)
}

// localPath returns next when it is a path on this site, else "": a
// sign-in must never send its user to another site.
func localPath(next string) string {
	// No backslash anywhere (browsers read it as "/": http.Redirect cleans
	// "/./" + "\\host" into "/" + "\\host", which they follow to another
	// site), and no "//" in the path.
	if !strings.HasPrefix(next, "/") || strings.ContainsAny(next, "\\\r\n\t") || len(next) > 2000 {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.Contains(u.Path, "//") {
		return ""
	}
	return next
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "Sign in", loginPage(localPath(r.URL.Query().Get("next")), ""))
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		h.badRequest(w, r, "The sign-in form could not be read: "+truncate(err.Error(), 100))
		return
	}
	next := localPath(r.PostFormValue("next"))
	if h.opt.Auth == nil {
		h.problem(w, r, http.StatusServiceUnavailable, "Signing in is off", "This server was started without user accounts.")
		return
	}
	_, err := h.opt.Auth.Login(w, r, r.PostFormValue("name"), r.PostFormValue("password"))
	if errors.Is(err, auth.ErrBadCredentials) {
		h.render(w, r, http.StatusUnauthorized, "Sign in", loginPage(next, "Wrong user name or password."))
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, cmp.Or(next, "/review"), http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	if h.opt.Auth != nil {
		if err := h.opt.Auth.Logout(w, r); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// queueStories bounds the stories the review queue reads: the latest.
const queueStories = 20

// queueRow is one incident in the review queue.
type queueRow struct {
	review.Incident
	StoryTitle string
}

// queueView is the review queue: the incidents of the latest stories in
// one review state.
type queueView struct {
	State   string // pending, accepted, corrected, rejected, merged, or all
	Rows    []queueRow
	Stories int
	Counts  map[string]int
	CanEdit bool
	// Next is the link to the queue of the older stories, "" at the end;
	// Older says this page is not the latest stories'.
	Next  string
	Older bool
}

var queueStates = []string{"pending", "accepted", "corrected", "rejected", "merged", "all"}

func (h *Handler) queue(w http.ResponseWriter, r *http.Request) {
	state := cmp.Or(r.URL.Query().Get("state"), store.StatePending)
	known := false
	for _, s := range queueStates {
		known = known || s == state
	}
	if !known {
		h.badRequest(w, r, fmt.Sprintf("State %q: expected one of %s.", truncate(state, 40), strings.Join(queueStates, ", ")))
		return
	}
	page, err := h.store.Stories(r.Context(), store.StoryQuery{Limit: queueStories, Cursor: r.URL.Query().Get("cursor")})
	if errors.Is(err, store.ErrBadCursor) {
		h.badCursor(w, r, r.URL.Query().Get("cursor"))
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := queueView{State: state, Stories: len(page.Stories), Counts: map[string]int{},
		CanEdit: auth.FromContext(r.Context()).Role >= auth.Editor, Older: r.URL.Query().Get("cursor") != ""}
	if page.Next != "" {
		v.Next = "/review?" + url.Values{"state": {state}, "cursor": {page.Next}}.Encode()
	}
	for _, s := range page.Stories {
		d, err := api.LoadStory(r.Context(), h.store, s.ID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, inc := range d.Incidents {
			st := reviewStateOf(inc)
			v.Counts[st]++
			v.Counts["all"]++
			if state == "all" || st == state {
				v.Rows = append(v.Rows, queueRow{Incident: inc, StoryTitle: d.Title})
			}
		}
	}
	h.render(w, r, http.StatusOK, "Review queue", queuePage(v))
}

func reviewStateOf(inc review.Incident) string {
	if inc.Review == nil || inc.Review.State == "" {
		return store.StatePending
	}
	return inc.Review.State
}

// reviewFormView is the review page of one incident.
type reviewFormView struct {
	Incident   review.Incident
	StoryTitle string
	Others     []review.Incident // the story's other incidents, to merge into
	Kinds      []event.Kind
	History    []store.Review
	Error      string
	// Form holds the values to show: the incident's, or what was sent
	// when the decision was refused.
	Form reviewFields
}

// reviewFields are the correctable values as the form shows them.
type reviewFields struct {
	Kind, Modality                    string
	KilledLow, KilledBest, KilledHigh string
	PlaceName, PlaceLat, PlaceLon     string
	From, Until, Actor, Target, Note  string
	Into                              string
	Reports                           map[string]bool
	ExpectVersion                     int
}

var modalities = []string{"occurred", "unconfirmed", "threatened", "planned", "hypothetical", "denied"}

func kindValue(typ, subtype string) string { return typ + "|" + subtype }

func fieldsOf(inc review.Incident) reviewFields {
	f := reviewFields{Kind: kindValue(inc.Type, inc.Subtype), Modality: inc.Modality, From: inc.From, Until: inc.Until,
		Reports: map[string]bool{}}
	k := inc.Tally.Killed.Current
	f.KilledLow, f.KilledBest, f.KilledHigh = intText(k.Low), intText(k.Best), intText(k.High)
	if inc.Place != nil {
		f.PlaceName = inc.Place.Name
		if inc.Place.Lat != nil && inc.Place.Lon != nil {
			f.PlaceLat, f.PlaceLon = strconv.FormatFloat(*inc.Place.Lat, 'f', -1, 64), strconv.FormatFloat(*inc.Place.Lon, 'f', -1, 64)
		}
	}
	if inc.Actor != nil {
		f.Actor = inc.Actor.Name
	}
	if inc.Target != nil {
		f.Target = inc.Target.Name
	}
	if inc.Review != nil {
		f.ExpectVersion = inc.Review.Version
	}
	return f
}

func intText(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

func (h *Handler) loadReview(w http.ResponseWriter, r *http.Request) (*review.Incident, *api.StoryDetail, bool) {
	id := strings.ToLower(r.PathValue("id"))
	if !review.ValidIncidentID(id) {
		h.badRequest(w, r, fmt.Sprintf("Incident id %q: expected a story id, a hyphen and 12 hexadecimal digits.", truncate(id, 40)))
		return nil, nil, false
	}
	inc, d, err := api.FindIncident(r.Context(), h.store, id)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r, fmt.Sprintf("Incident %s: not found.", id))
		return nil, nil, false
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, nil, false
	}
	return inc, d, true
}

func (h *Handler) reviewView(r *http.Request, inc *review.Incident, d *api.StoryDetail) (reviewFormView, error) {
	v := reviewFormView{Incident: *inc, StoryTitle: d.Title, Kinds: event.Kinds(), Form: fieldsOf(*inc)}
	for _, o := range d.Incidents {
		if o.ID != inc.ID && reviewStateOf(o) != store.StateMerged {
			v.Others = append(v.Others, o)
		}
	}
	hist, err := h.store.ReviewHistory(r.Context(), inc.ID)
	if err != nil {
		return v, err
	}
	// Newest first, as the audit log reads.
	for i := len(hist) - 1; i >= 0; i-- {
		v.History = append(v.History, hist[i])
	}
	return v, nil
}

func (h *Handler) reviewForm(w http.ResponseWriter, r *http.Request) {
	inc, d, ok := h.loadReview(w, r)
	if !ok {
		return
	}
	v, err := h.reviewView(r, inc, d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "Review: "+incidentLabel(inc.Type, inc.Subtype), reviewPage(v))
}

func (h *Handler) decide(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		h.badRequest(w, r, "The review form could not be read: "+truncate(err.Error(), 100))
		return
	}
	inc, d, ok := h.loadReview(w, r)
	if !ok {
		return
	}
	sent := formFields(r)
	current := 0
	if inc.Review != nil {
		current = inc.Review.Version
	}
	dec, err := decisionOf(r.PostFormValue("action"), sent, *inc)
	if sent.ExpectVersion != current {
		// The form shows a version since replaced: what it would correct
		// is measured against values its sender never saw.
		err = store.ErrConflict
	} else if err == nil {
		_, err = review.Decide(r.Context(), h.store, auth.FromContext(r.Context()).User, *inc, dec, sent.ExpectVersion, time.Now())
	}
	status := http.StatusUnprocessableEntity
	switch {
	case err == nil:
		next := "/incidents/" + inc.ID
		if dec.Action == store.ActionMerge {
			next = "/incidents/" + dec.Into
		}
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	case errors.Is(err, store.ErrConflict):
		status = http.StatusConflict
		err = errors.New("someone else reviewed this incident since you opened it; its current values are shown below, decide again")
		sent = reviewFields{}
	case !errors.Is(err, review.ErrInvalid) && !errors.Is(err, errForm):
		h.fail(w, r, err)
		return
	}
	v, verr := h.reviewView(r, inc, d)
	if verr != nil {
		h.fail(w, r, verr)
		return
	}
	if sent.Reports != nil {
		v.Form = sent
	}
	v.Error = err.Error()
	h.render(w, r, status, "Review: "+incidentLabel(inc.Type, inc.Subtype), reviewPage(v))
}

// errForm marks a form value that could not be read.
var errForm = errors.New("form")

func formFields(r *http.Request) reviewFields {
	f := reviewFields{Reports: map[string]bool{}}
	get := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	f.Kind, f.Modality = get("kind"), get("modality")
	f.KilledLow, f.KilledBest, f.KilledHigh = get("killed_low"), get("killed_best"), get("killed_high")
	f.PlaceName, f.PlaceLat, f.PlaceLon = get("place_name"), get("place_lat"), get("place_lon")
	f.From, f.Until, f.Actor, f.Target, f.Note = get("from"), get("until"), get("actor"), get("target"), get("note")
	f.Into = get("into")
	for _, k := range r.PostForm["report"] {
		f.Reports[k] = true
	}
	f.ExpectVersion, _ = strconv.Atoi(get("expect_version"))
	return f
}

// decisionOf turns a submitted form into a decision. A correction holds
// only the fields whose value differs from the incident's: what the
// analyst changed, not what the form happened to repeat.
func decisionOf(action string, f reviewFields, inc review.Incident) (review.Decision, error) {
	d := review.Decision{Action: action, Note: f.Note}
	switch action {
	case store.ActionMerge:
		d.Into = f.Into
		return d, nil
	case store.ActionSplit:
		for k := range f.Reports {
			d.Reports = append(d.Reports, k)
		}
		return d, nil
	case store.ActionCorrect:
	default:
		return d, nil
	}
	was := fieldsOf(inc)
	var c review.Correction
	if f.Kind != was.Kind {
		typ, sub, _ := strings.Cut(f.Kind, "|")
		c.Type, c.Subtype = &typ, &sub
	}
	if f.Modality != was.Modality {
		c.Modality = &f.Modality
	}
	if f.KilledLow != was.KilledLow || f.KilledBest != was.KilledBest || f.KilledHigh != was.KilledHigh {
		var k review.Killed
		for _, b := range []struct {
			name, text string
			p          **int64
		}{{"killed, low", f.KilledLow, &k.Low}, {"killed, best", f.KilledBest, &k.Best}, {"killed, high", f.KilledHigh, &k.High}} {
			if b.text == "" {
				continue
			}
			n, err := strconv.ParseInt(b.text, 10, 64)
			if err != nil {
				return d, fmt.Errorf("%w: %s %q is not a whole number", errForm, b.name, truncate(b.text, 20))
			}
			*b.p = &n
		}
		c.Killed = &k
	}
	if f.PlaceName != was.PlaceName || f.PlaceLat != was.PlaceLat || f.PlaceLon != was.PlaceLon {
		p := review.Place{Name: f.PlaceName}
		if inc.Place != nil && f.PlaceName == was.PlaceName {
			p.Kind, p.Country = inc.Place.Kind, inc.Place.Country
		}
		for _, b := range []struct {
			name, text string
			p          **float64
		}{{"latitude", f.PlaceLat, &p.Lat}, {"longitude", f.PlaceLon, &p.Lon}} {
			if b.text == "" {
				continue
			}
			x, err := strconv.ParseFloat(b.text, 64)
			if err != nil {
				return d, fmt.Errorf("%w: %s %q is not a number", errForm, b.name, truncate(b.text, 20))
			}
			*b.p = &x
		}
		c.Place = &p
	}
	for _, s := range []struct {
		now, was string
		p        **string
	}{{f.From, was.From, &c.From}, {f.Until, was.Until, &c.Until}, {f.Actor, was.Actor, &c.Actor}, {f.Target, was.Target, &c.Target}} {
		if s.now != s.was {
			v := s.now
			*s.p = &v
		}
	}
	d.Correction = c
	return d, nil
}

// auditView is a page of the audit log.
type auditView struct {
	Reviews []store.Review
	Next    string
	Query   store.AuditQuery
}

func (h *Handler) auditLog(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := store.AuditQuery{Incident: v.Get("incident"), User: v.Get("user"), Story: v.Get("story"), Cursor: v.Get("cursor"), Limit: 50}
	page, err := h.store.Audit(r.Context(), q)
	if errors.Is(err, store.ErrBadCursor) {
		h.badCursor(w, r, q.Cursor)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := auditView{Reviews: page.Reviews, Query: q}
	if page.Next != "" {
		nv := url.Values{"cursor": {page.Next}}
		for k, s := range map[string]string{"incident": q.Incident, "user": q.User, "story": q.Story} {
			if s != "" {
				nv.Set(k, s)
			}
		}
		out.Next = "/audit?" + nv.Encode()
	}
	h.render(w, r, http.StatusOK, "Audit log", auditPage(out))
}

// exportView is the export page: the formats and the latest stories.
type exportView struct {
	Formats []exportFormat
	Stories []store.StorySummary
}

type exportFormat struct{ Name, Label, Describe string }

var exportFormats = []exportFormat{
	{"acled", "ACLED CSV", "one row per incident with ACLED's columns; fatalities is the conservative low"},
	{"ucdp", "UCDP GED CSV", "best, low and high deaths, where_prec (7 at sea), date_prec, number_of_sources"},
	{"jsonl", "JSON Lines", "the articles in the extraction contract, then the incidents with their review state"},
	{"geojson", "GeoJSON", "incidents with a place, as points"},
}

func (h *Handler) exportPage(w http.ResponseWriter, r *http.Request) {
	page, err := h.store.Stories(r.Context(), store.StoryQuery{Limit: 50})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "Export", exportPage(exportView{Formats: exportFormats, Stories: page.Stories}))
}

// exportHref is the API address of an export of every story.
func exportHref(format string) string { return "/api/export?format=" + url.QueryEscape(format) }

// jsonText shows a stored JSON object in the audit log.
func jsonText(b []byte) string {
	s := strings.TrimSpace(string(b))
	if s == "" || s == "{}" || s == "null" {
		return "—"
	}
	return truncate(s, 2000)
}

func killedText(t story.Tally) string { return tallyText(t.Killed.Current) }

// csrfOf is the CSRF token of the request's session, for forms.
func csrfOf(ctx context.Context) string { return auth.FromContext(ctx).CSRF }

func queryEscape(s string) string { return url.QueryEscape(s) }
