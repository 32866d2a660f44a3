package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// overviewPageSize is how many stories the overview lists per page; each
// costs one story load for its toll.
const overviewPageSize = 20

// storyCard is a story on the overview.
type storyCard struct {
	ID, Title          string
	Reports, Sources   int
	First, Last        time.Time
	Tally              string // "low–high (best N)" of the killed, "" when none
	Contradiction      bool
	Spark              sparkView
	Incidents, Threats int
}

func (h *Handler) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cursor := r.URL.Query().Get("cursor")
	page, err := h.store.Stories(ctx, store.StoryQuery{Limit: overviewPageSize, Cursor: cursor})
	if errors.Is(err, store.ErrBadCursor) {
		h.badCursor(w, r, cursor)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cards := make([]storyCard, len(page.Stories))
	errs := make([]error, len(page.Stories))
	// Each card needs its story loaded for the toll: loaded a few at a
	// time, since each waits mostly on the store.
	sem := make(chan struct{}, overviewWorkers)
	var wg sync.WaitGroup
	for i, s := range page.Stories {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			cards[i], errs[i] = h.storyCard(ctx, s)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		h.fail(w, r, fmt.Errorf("overview: %w", err))
		return
	}
	next := ""
	if page.Next != "" {
		next = "/?" + url.Values{"cursor": {page.Next}}.Encode()
	}
	h.render(w, r, http.StatusOK, "Stories", overviewPage(cards, next, cursor != ""))
}

// overviewWorkers bounds the stories the overview loads at once.
const overviewWorkers = 4

// storyCard loads one story's toll for the overview; a story gone since it
// was listed gets a card without one.
func (h *Handler) storyCard(ctx context.Context, s store.StorySummary) (storyCard, error) {
	c := storyCard{ID: s.ID, Title: s.Title, Reports: s.Reports, Sources: s.Sources, First: s.First, Last: s.Last}
	d, err := api.LoadStory(ctx, h.store, s.ID)
	if errors.Is(err, store.ErrNotFound) {
		c.Spark = newSparkline("killed", story.Series{})
		return c, nil
	}
	if err != nil {
		return c, err
	}
	killed := d.Tally.Killed
	if len(killed.History) > 0 {
		c.Tally, c.Contradiction = tallyText(killed.Current), killed.Current.Contradiction
	}
	c.Spark = newSparkline("killed", killed)
	c.Incidents = len(d.Incidents)
	for _, inc := range d.Incidents {
		if threatLike(inc.Modality) {
			c.Threats++
		}
	}
	return c, nil
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if len(q) > maxQueryBytes {
		h.badRequest(w, r, fmt.Sprintf("Search %q…: longer than %d bytes.", truncate(q, 40), maxQueryBytes))
		return
	}
	if !utf8.ValidString(q) {
		h.badRequest(w, r, "Search: the query is not valid UTF-8 text.")
		return
	}
	res, err := search(r.Context(), h.store, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	title := "Search"
	if q != "" {
		title = "Search: " + truncate(q, 60)
	}
	h.render(w, r, http.StatusOK, title, searchPage(res))
}

// storyView is everything the story page shows.
type storyView struct {
	ID, Title        string
	Reports, Sources int
	Originals        int
	First, Last      time.Time
	Truncated        bool
	Timeline         []timelineItem
	Charts           []chartView
	TallyRows        []tallyRow
	MapPoints        []mapPoint
	Places           []placeItem
	Speakers         []speakerGroup
	QuotesCut        bool
	Threats          []threatRow
}

// timelineItem is an incident or an article on the story's timeline.
type timelineItem struct {
	Sort, Date string // Sort is YYYY-MM-DD or "" for undated
	Incident   bool
	ID, Href   string
	Text       string
	Detail     string
}

// tallyRow is one version of a category's figure, with its sources.
type tallyRow struct {
	Category, Date  string
	Low, Best, High string
	Contradiction   bool
	Sources         []string
}

// mapPoint is what the map bundle reads from #map-data.
type mapPoint struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Kind     string  `json:"kind"`
	Modality string  `json:"modality"`
	Href     string  `json:"href"`
}

// placeItem is the map's text alternative: an incident and where it was.
type placeItem struct {
	ID, Label, Place, Kind, Coords string
}

// speakerGroup is one speaker's direct quotes in the story.
type speakerGroup struct {
	Name, Key string
	Quotes    []quoteHit
	More      int // quotes not listed
}

// threatRow is a threat or plan and the incidents that followed it.
type threatRow struct {
	Threat   incidentRef
	Followed []incidentRef
}

type incidentRef struct {
	ID, Label, Modality, Date, Place, Actor, Target string
}

// Bounds on the quotes a story page lists.
const (
	maxSpeakers       = 30
	maxSpeakerQuotes  = 5
	maxIncidentReport = 500
)

func (h *Handler) story(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !api.ValidStoryID(id) {
		h.badRequest(w, r, fmt.Sprintf("Story id %q: expected s and 16 hexadecimal digits.", truncate(id, 40)))
		return
	}
	ctx := r.Context()
	d, err := api.LoadStory(ctx, h.store, id)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r, fmt.Sprintf("No story has the id %s.", id))
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := storyView{ID: d.ID, Title: d.Title, Reports: d.Reports, Sources: d.Sources, Originals: d.Originals, Truncated: d.Truncated,
		MapPoints: []mapPoint{}} // the map reads an array, never null
	if d.First != nil {
		v.First = d.First.Time
	}
	if d.Last != nil {
		v.Last = d.Last.Time
	}
	titles := make(map[string]string, len(d.Articles))
	for _, a := range d.Articles {
		titles[a.ID] = a.Title
		it := timelineItem{ID: a.ID, Href: "/articles/" + a.ID, Text: a.Title, Detail: sourceName(a.Source, a.URL)}
		if a.Published != nil {
			it.Sort = a.Published.UTC().Format(time.DateOnly)
		}
		if a.DuplicateOf != nil {
			it.Detail += " · a copy of an earlier report"
		}
		v.Timeline = append(v.Timeline, it)
	}

	refs := make(map[string]incidentRef, len(d.Incidents))
	for _, inc := range d.Incidents {
		ref := incidentRef{ID: inc.ID, Label: incidentLabel(inc.Type, inc.Subtype), Modality: inc.Modality,
			Date: timexRange(inc.From, inc.Until), Place: placeName(inc.Place), Actor: entityName(inc.Actor), Target: entityName(inc.Target)}
		refs[inc.ID] = ref
		sortKey := timexDay(inc.From)
		if sortKey == "" {
			sortKey = earliestReport(inc.Reports)
		}
		detail := modalityWords(inc.Modality)
		if ref.Place != "" {
			detail += " · " + ref.Place
		}
		detail += fmt.Sprintf(" · %d %s, %d %s", len(inc.Reports), plural(len(inc.Reports), "report", "reports"),
			inc.Sources, plural(inc.Sources, "source", "sources"))
		v.Timeline = append(v.Timeline, timelineItem{Sort: sortKey, Incident: true, ID: inc.ID, Href: "/incidents/" + inc.ID,
			Text: ref.Label, Detail: detail})
		if p := inc.Place; p != nil {
			item := placeItem{ID: inc.ID, Label: ref.Label + " (" + inc.Modality + ")", Place: cmp.Or(p.Name, p.Text), Kind: p.Kind}
			if p.Lat != nil && p.Lon != nil && validCoord(*p.Lat, *p.Lon) {
				item.Coords = fmt.Sprintf("%.2f, %.2f", *p.Lat, *p.Lon)
				v.MapPoints = append(v.MapPoints, mapPoint{ID: inc.ID, Label: ref.Label + " — " + item.Place,
					Lat: *p.Lat, Lon: *p.Lon, Kind: p.Kind, Modality: inc.Modality, Href: "/incidents/" + inc.ID})
			}
			v.Places = append(v.Places, item)
		}
	}
	// Undated entries last; within a day, incidents before the articles
	// that report them is not knowable, so the order is kept stable.
	slices.SortStableFunc(v.Timeline, func(a, b timelineItem) int {
		if (a.Sort == "") != (b.Sort == "") {
			if a.Sort == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Sort, b.Sort)
	})
	for i := range v.Timeline {
		v.Timeline[i].Date = dayWords(v.Timeline[i].Sort)
	}
	for _, inc := range d.Incidents {
		if !threatLike(inc.Modality) {
			continue
		}
		row := threatRow{Threat: refs[inc.ID]}
		for _, f := range inc.FollowedBy {
			if ref, ok := refs[f]; ok {
				row.Followed = append(row.Followed, ref)
			}
		}
		v.Threats = append(v.Threats, row)
	}

	for _, c := range []struct {
		name string
		s    story.Series
	}{{"killed", d.Tally.Killed}, {"strikes", d.Tally.Strikes}, {"wounded", d.Tally.Wounded}} {
		if len(c.s.History) == 0 {
			continue
		}
		v.Charts = append(v.Charts, newTallyChart(c.name, c.s, titles))
		for _, ver := range c.s.History {
			v.TallyRows = append(v.TallyRows, tallyRow{Category: c.name, Date: dateWords(ver.Date), Low: bound(ver.Low),
				Best: bound(ver.Best), High: bound(ver.High), Contradiction: ver.Contradiction, Sources: countSources(ver.Counts, titles)})
		}
	}

	speakers, cut, err := h.storyQuotes(r, d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Speakers, v.QuotesCut = speakers, cut
	h.renderPage(w, r, http.StatusOK, pageMeta{Title: d.Title, Map: true}, storyPage(v))
}

// storyQuotes groups the direct quotes of a story's articles by speaker,
// the most quoted first.
func (h *Handler) storyQuotes(r *http.Request, d *api.StoryDetail) ([]speakerGroup, bool, error) {
	ctx := r.Context()
	groups := map[string]*speakerGroup{}
	for _, a := range d.Articles {
		rec, err := h.store.GetDoc(ctx, a.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, false, fmt.Errorf("story %s: quotes: %w", d.ID, err)
		}
		var global map[string]string
		for _, q := range rec.Doc.Quotes {
			if !q.Direct || q.Speaker == nil {
				continue
			}
			if global == nil {
				if global, err = globalKeys(ctx, h.store, a.ID); err != nil {
					return nil, false, fmt.Errorf("story %s: %w", d.ID, err)
				}
			}
			name := cmp.Or(q.Speaker.Name, q.Speaker.Text)
			key := global[q.Speaker.Key]
			gid := cmp.Or(key, strings.ToLower(name))
			g := groups[gid]
			if g == nil {
				g = &speakerGroup{Name: name, Key: key}
				groups[gid] = g
			}
			if len(g.Quotes) >= maxSpeakerQuotes {
				g.More++
				continue
			}
			g.Quotes = append(g.Quotes, quoteHit{Article: a.ID, ArticleTitle: a.Title, At: runeOffset(rec.Doc.Text, q.Start),
				Text: q.Text, Direct: true, Speaker: name, SpeakerKey: key})
		}
	}
	out := make([]speakerGroup, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b speakerGroup) int {
		return cmp.Or(cmp.Compare(len(b.Quotes)+b.More, len(a.Quotes)+a.More), strings.Compare(a.Name, b.Name), strings.Compare(a.Key, b.Key))
	})
	cut := len(out) > maxSpeakers
	return out[:min(len(out), maxSpeakers)], cut, nil
}

// incidentView is everything the incident page shows. It is filled field
// by field from the loaded incident, so that it does not depend on the
// incident's Go type.
type incidentView struct {
	ID, Story, StoryTitle string
	Type, Subtype         string
	Plover, Cameo         string
	Modality, Evidence    string
	Aggregate             bool
	Actor, Target         *story.Entity
	Place                 *sitrep.Place
	From, Until           string
	Reports               []story.Report
	Sources               int
	Tally                 story.Tally
	Follows, FollowedBy   []incidentRef
	ReportsCut            bool
	Review                reviewView
	ArticleTitles         map[string]string
}

// reviewView is an incident's review state as the page shows it; the
// desk fills it in once incidents carry one.
type reviewView struct {
	Status     string // unreviewed, accepted, corrected, rejected, merged
	Version    int
	Reviewer   string
	When       time.Time
	Note       string
	Corrected  []string // the fields a reviewer changed
	MergedInto string
	// Restored says the machine no longer finds the incident: it is shown
	// as last reviewed. Conflict says why a decision could not be laid.
	Restored bool
	Conflict string
}

// reviewedKilled names who set the killed figure in review, "" when the
// figure is the reports'.
func reviewedKilled(rv reviewView) string {
	if slices.Contains(rv.Corrected, "killed") {
		return rv.Reviewer
	}
	return ""
}

// reviewOf is an incident's review state as the page shows it.
func reviewOf(inc review.Incident) reviewView {
	r := inc.Review
	if r == nil || r.State == "" || r.State == store.StatePending {
		return reviewView{Status: "unreviewed"}
	}
	return reviewView{Status: r.State, Version: r.Version, Reviewer: r.User, When: r.At, Note: r.Note,
		Corrected: r.Corrected, MergedInto: r.MergedInto, Restored: r.Restored, Conflict: r.Conflict}
}

func (h *Handler) incident(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	storyID, ok := review.IncidentStory(id), review.ValidIncidentID(id)
	if !ok {
		h.badRequest(w, r, fmt.Sprintf("Incident id %q: expected a story id, a hyphen and 12 hexadecimal digits.", truncate(id, 40)))
		return
	}
	d, err := api.LoadStory(r.Context(), h.store, storyID)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r, fmt.Sprintf("Incident %s: there is no story %s.", id, storyID))
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	refs := map[string]incidentRef{}
	for _, inc := range d.Incidents {
		refs[inc.ID] = incidentRef{ID: inc.ID, Label: incidentLabel(inc.Type, inc.Subtype), Modality: inc.Modality,
			Date: timexRange(inc.From, inc.Until), Place: placeName(inc.Place)}
	}
	for _, inc := range d.Incidents {
		if inc.ID != id {
			continue
		}
		v := incidentView{ID: inc.ID, Story: d.ID, StoryTitle: d.Title, Type: inc.Type, Subtype: inc.Subtype,
			Plover: inc.Plover, Cameo: inc.Cameo, Modality: inc.Modality, Evidence: inc.Evidence, Aggregate: inc.Aggregate,
			Actor: inc.Actor, Target: inc.Target, Place: inc.Place, From: inc.From, Until: inc.Until,
			Reports: inc.Reports, Sources: inc.Sources, Tally: inc.Tally,
			Review: reviewOf(inc), ArticleTitles: map[string]string{}}
		if len(v.Reports) > maxIncidentReport {
			v.Reports, v.ReportsCut = v.Reports[:maxIncidentReport], true
		}
		for _, f := range inc.Follows {
			if ref, ok := refs[f]; ok {
				v.Follows = append(v.Follows, ref)
			}
		}
		for _, f := range inc.FollowedBy {
			if ref, ok := refs[f]; ok {
				v.FollowedBy = append(v.FollowedBy, ref)
			}
		}
		for _, a := range d.Articles {
			v.ArticleTitles[a.ID] = a.Title
		}
		h.render(w, r, http.StatusOK, incidentLabel(inc.Type, inc.Subtype), incidentPage(v))
		return
	}
	h.notFound(w, r, fmt.Sprintf("Incident %s: not found in story %s.", id, storyID))
}

func (h *Handler) entity(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	if !api.ValidEntityKey(key) {
		h.badRequest(w, r, fmt.Sprintf("Entity key %q: expected a type, a colon and a name (person:claudia-sheinbaum).", truncate(key, 40)))
		return
	}
	e, err := api.LoadEntity(r.Context(), h.store, key)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r, fmt.Sprintf("No entity has the key %s.", truncate(key, 200)))
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	titles := make(map[string]string, len(e.Articles))
	for _, a := range e.Articles {
		titles[a.ID] = a.Title
	}
	h.render(w, r, http.StatusOK, e.Name, entityPage(e, titles))
}

func (h *Handler) article(w http.ResponseWriter, r *http.Request) {
	rec, links, ok := h.loadArticle(w, r)
	if !ok {
		return
	}
	v := newArticleView(rec, links...)
	if s := r.URL.Query().Get("at"); s != "" {
		at, ok := parseAt(s)
		if !ok {
			h.badRequest(w, r, fmt.Sprintf("Offset at=%q: expected a number of characters from 0.", truncate(s, 40)))
			return
		}
		v = v.withFacts(at)
	}
	h.renderPage(w, r, http.StatusOK, pageMeta{Title: rec.Doc.Title, Styles: []string{"/assets/article.css"}}, articleBody(v))
}

// articleFacts is the facts panel's content alone, for htmx to swap in.
func (h *Handler) articleFacts(w http.ResponseWriter, r *http.Request) {
	rec, links, ok := h.loadArticle(w, r)
	if !ok {
		return
	}
	s := r.URL.Query().Get("at")
	at, ok := parseAt(s)
	if !ok {
		h.badRequest(w, r, fmt.Sprintf("Offset at=%q: expected a number of characters from 0.", truncate(s, 40)))
		return
	}
	h.write(w, r, http.StatusOK, factsAt(newArticleView(rec, links...), at))
}

// loadArticle reads the article the path names and its entity links,
// answering the request itself when it cannot.
func (h *Handler) loadArticle(w http.ResponseWriter, r *http.Request) (*store.Record, []store.EntityLink, bool) {
	id := strings.ToLower(r.PathValue("id"))
	if len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" {
		h.badRequest(w, r, fmt.Sprintf("Article id %q: expected 16 hexadecimal digits.", truncate(id, 40)))
		return nil, nil, false
	}
	rec, err := h.store.GetDoc(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r, fmt.Sprintf("No article has the id %s.", id))
		return nil, nil, false
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, nil, false
	}
	links, err := h.store.ArticleLinks(r.Context(), id)
	if err != nil {
		h.fail(w, r, fmt.Errorf("article %s: %w", id, err))
		return nil, nil, false
	}
	return rec, links, true
}

// threatLike reports whether a modality is of something that had not
// happened yet: what the threats section lists.
func threatLike(modality string) bool { return modality == "threatened" || modality == "planned" }

func incidentLabel(typ, subtype string) string {
	switch {
	case typ == "" && subtype == "":
		return "Incident"
	case subtype == "":
		return typ
	case typ == "":
		return subtype
	}
	return typ + " — " + subtype
}

func modalityWords(m string) string {
	switch m {
	case "occurred":
		return "happened"
	case "unconfirmed":
		return "reported, unconfirmed"
	case "":
		return "modality unknown"
	}
	return m
}

func placeName(p *sitrep.Place) string {
	if p == nil {
		return ""
	}
	return cmp.Or(p.Name, p.Text)
}

func entityName(e *story.Entity) string {
	if e == nil {
		return ""
	}
	return e.Name
}

func validCoord(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// earliestReport is the day of an incident's first dated report, "" when none is dated.
func earliestReport(rs []story.Report) string {
	var first time.Time
	for _, r := range rs {
		if !r.Published.IsZero() && (first.IsZero() || r.Published.Before(first)) {
			first = r.Published
		}
	}
	if first.IsZero() {
		return ""
	}
	return first.UTC().Format(time.DateOnly)
}

// timexDay is the day a TIMEX3 date starts on, as YYYY-MM-DD, for
// sorting: "2025-09" is 2025-09-01; "" when it is not a date.
func timexDay(v string) string {
	switch {
	case len(v) >= 10 && isDate(v[:10]):
		return v[:10]
	case len(v) == 7 && isDate(v+"-01"):
		return v + "-01"
	case len(v) == 4 && isDate(v+"-01-01"):
		return v + "-01-01"
	}
	return ""
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// timexRange says when an incident happened: "18 November 2025",
// "1 September 2025 – 18 November 2025"; "" when unknown.
func timexRange(from, until string) string {
	f, u := timexWords(from), timexWords(until)
	switch {
	case f == "" && u == "":
		return ""
	case f == "" || f == u:
		return u
	case u == "":
		return "from " + f
	}
	return f + " – " + u
}

func timexWords(v string) string {
	if len(v) == 10 && isDate(v) {
		return dayWords(v)
	}
	if len(v) == 7 && isDate(v+"-01") {
		t, _ := time.Parse(time.DateOnly, v+"-01")
		return t.Format("January 2006")
	}
	return v
}

// dayWords writes YYYY-MM-DD as "18 November 2025"; "" is "undated".
func dayWords(d string) string {
	if d == "" {
		return "Undated"
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}

// dateWords is dayWords for a tally version's date, in a sentence.
func dateWords(d string) string {
	if d == "" {
		return "undated"
	}
	return "on " + dayWords(d)
}

// shortDate labels a chart's axis: "18 Nov".
func shortDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return "undated"
	}
	return t.Format("2 Jan")
}

// when writes a publication time for people; date-only times have no clock.
func when(t time.Time) string {
	if t.IsZero() {
		return "date unknown"
	}
	return t.Format("2 January 2006")
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Host
}

// htmxConfig turns off what htmx would otherwise do that the CSP forbids
// or that would run server-sent script: eval, script tags, inline styles,
// requests to other origins.
const htmxConfig = `{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true}`

// atURL links to the article at a code-point offset, with its facts.
func atURL(article string, at int) string {
	return "/articles/" + article + "?at=" + strconv.Itoa(max(at, 0)) + "#facts"
}

func pathEscape(s string) string { return url.PathEscape(s) }

// sourceName is an article's outlet, else its URL's host.
func sourceName(source, rawURL string) string {
	return cmp.Or(source, hostOf(rawURL), "unknown outlet")
}

func typeWords(t string) string {
	switch t {
	case "PERSON":
		return "person"
	case "ORG":
		return "organization"
	case "LOC":
		return "place"
	case "MISC":
		return "other name"
	case "":
		return "unknown type"
	}
	return strings.ToLower(t)
}

func evidenceWords(e string) string {
	switch e {
	case "none_public":
		return "no public evidence"
	case "":
		return "not stated"
	}
	return strings.ReplaceAll(e, "_", " ")
}

func reviewWords(s string) string {
	if s == "" || s == "unreviewed" {
		return "Not reviewed yet"
	}
	return capitalize(s)
}

// hasFigure reports whether any count or bound stands behind a figure.
func hasFigure(f story.Figure) bool {
	return len(f.Counts) > 0 || f.Low != nil || f.High != nil || f.Best != nil
}

func orUnknown(s string) string { return orWords(s, "unknown") }

func orWords(s, otherwise string) string { return cmp.Or(s, otherwise) }

func timelineClass(incident bool) string {
	if incident {
		return "ev incident"
	}
	return "ev article"
}

func rangeClass(open bool) string {
	if open {
		return "range open"
	}
	return "range"
}
