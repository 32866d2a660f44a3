package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

func TestLocalPath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/review", "/review"},
		{"/stories/s1?x=1", "/stories/s1?x=1"},
		{"", ""},
		{"review", ""},
		{"//evil.example/", ""},
		{"/\\evil.example", ""},
		{"https://evil.example/", ""},
		{"javascript:alert(1)", ""},
		{"/ok\r\nSet-Cookie: x", ""},
		{"/./\\evil.example", ""},
		{"/%5Cevil.example", "/%5Cevil.example"},
		{"/.//evil.example", ""},
		{"/review/../stories", "/review/../stories"},
	} {
		if got := localPath(tt.in); got != tt.want {
			t.Errorf("localPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// deskCopy copies the demo database, so that a test may write to it.
func deskCopy(t *testing.T) *sqlite.DB {
	t.Helper()
	demoStore(t) // builds it
	dir := t.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(demoDB.path + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "desk.db"+suffix), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// browser is a client that keeps the session cookie (the Secure flag
// included, as browsers do on 127.0.0.1) and does not follow redirects.
type browser struct {
	t      *testing.T
	base   string
	cookie *http.Cookie
}

func (b *browser) do(method, path string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, b.base+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if b.cookie != nil {
		req.AddCookie(b.cookie)
	}
	resp, err := (&http.Transport{}).RoundTrip(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == auth.SecureCookieName {
			b.cookie = c
		}
	}
	out, _ := io.ReadAll(resp.Body)
	return resp, string(out)
}

// formValues is what a browser sends for a form as rendered: every input
// with its value, every select with its selected option, every textarea.
func formValues(t *testing.T, page, id string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	form := nodeByID(doc, id)
	if form == nil {
		t.Fatalf("no form #%s", id)
	}
	v := url.Values{}
	for _, n := range nodes(form, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		name, _ := attrVal(n, "name")
		if name == "" {
			continue
		}
		switch n.Data {
		case "input":
			typ, _ := attrVal(n, "type")
			if _, checked := attrVal(n, "checked"); typ == "checkbox" && !checked {
				continue
			}
			val, _ := attrVal(n, "value")
			v.Add(name, val)
		case "textarea":
			v.Set(name, nodeText(n))
		case "select":
			for _, o := range nodes(n, isTag("option")) {
				if _, sel := attrVal(o, "selected"); sel {
					val, _ := attrVal(o, "value")
					v.Set(name, val)
				}
			}
		}
	}
	return v
}

func TestReviewAtTheDesk(t *testing.T) {
	db := deskCopy(t)
	ctx := context.Background()
	for name, role := range map[string]string{"edna": store.RoleEditor, "vera": store.RoleViewer} {
		hash, err := auth.HashPassword("correct horse " + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutUser(ctx, store.User{Name: name, Role: role, Password: hash}); err != nil {
			t.Fatal(err)
		}
	}
	a := auth.New(db, auth.Options{})
	srv := httptest.NewServer(a.Middleware(New(db, quietLog(), Options{Auth: a})))
	defer srv.Close()
	storyID, _ := seedStory(t, db)
	d, err := api.LoadStory(ctx, db, storyID)
	if err != nil || len(d.Incidents) == 0 {
		t.Fatalf("seed story: %v, %d incidents", err, len(d.Incidents))
	}
	inc := d.Incidents[0]
	b := &browser{t: t, base: srv.URL}

	// Closed desk: the queue sends to sign in, a wrong password is refused.
	if resp, _ := b.do("GET", "/review", nil); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
		t.Fatalf("anonymous GET /review: %d to %q, want 303 to /login", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, body := b.do("POST", "/login", url.Values{"name": {"edna"}, "password": {"wrong"}}); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Wrong user name or password") {
		t.Fatalf("wrong password: %d", resp.StatusCode)
	}
	resp, _ := b.do("POST", "/login", url.Values{"name": {"edna"}, "password": {"correct horse edna"}, "next": {"//evil.example/"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/review" || b.cookie == nil {
		t.Fatalf("sign in: %d to %q, cookie %v", resp.StatusCode, resp.Header.Get("Location"), b.cookie)
	}
	if !b.cookie.HttpOnly || !b.cookie.Secure || b.cookie.SameSite != http.SameSiteStrictMode {
		t.Errorf("session cookie %+v: want HttpOnly, Secure, SameSite=Strict", b.cookie)
	}
	if resp, body := b.do("GET", "/review", nil); resp.StatusCode != 200 || !strings.Contains(body, inc.ID) {
		t.Fatalf("queue: %d, lists %s: %v", resp.StatusCode, inc.ID, strings.Contains(body, inc.ID))
	}

	resp, page := b.do("GET", "/review/"+inc.ID, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("review form: %d", resp.StatusCode)
	}
	form := formValues(t, page, "review-form")
	if form.Get("csrf") == "" || form.Get("expect_version") != "0" {
		t.Fatalf("form lacks its CSRF token or version: %v", form)
	}

	// Without the token: refused. With it: a correction of two fields.
	noToken := url.Values{}
	for k, v := range form {
		noToken[k] = v
	}
	noToken.Del("csrf")
	noToken.Set("action", "accept")
	if resp, _ := b.do("POST", "/review/"+inc.ID, noToken); resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST without CSRF token: %d, want 403", resp.StatusCode)
	}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("action", "correct")
	bad.Set("killed_low", "many")
	if resp, body := b.do("POST", "/review/"+inc.ID, bad); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "not a whole number") {
		t.Errorf("a bad figure: %d, want 422 saying why", resp.StatusCode)
	}
	form.Set("action", "correct")
	form.Set("modality", "unconfirmed")
	form.Set("killed_low", "70")
	form.Set("killed_best", "")
	form.Set("killed_high", "")
	form.Set("note", "the Pentagon's own count")
	resp, body := b.do("POST", "/review/"+inc.ID, form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/incidents/"+inc.ID {
		t.Fatalf("correct: %d to %q: %.500s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	after, _, err := api.FindIncident(ctx, db, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Review == nil || after.Review.State != store.StateCorrected || strings.Join(after.Review.Corrected, ",") != "modality,killed" {
		t.Fatalf("after the form: review %+v, want corrected modality,killed (and nothing the form merely repeated)", after.Review)
	}
	if l := after.Tally.Killed.Current.Low; l == nil || *l != 70 || after.Modality != "unconfirmed" {
		t.Errorf("after the form: killed low %v, modality %s", l, after.Modality)
	}
	if _, page := b.do("GET", "/incidents/"+inc.ID, nil); !strings.Contains(page, "modality, killed") || !strings.Contains(page, "Set in review by <bdi>edna</bdi>") {
		t.Errorf("the incident page does not show the correction and who set the figure")
	}

	// The same form again is stale: someone (here, the same analyst)
	// decided since.
	if resp, body := b.do("POST", "/review/"+inc.ID, form); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "since you opened it") {
		t.Errorf("stale form: %d, want 409", resp.StatusCode)
	}
	if _, page := b.do("GET", "/audit", nil); !strings.Contains(page, inc.ID) || !strings.Contains(page, "correct → corrected") || !strings.Contains(page, "the Pentagon&#39;s own count") {
		t.Errorf("the audit log lacks the decision")
	}

	// A viewer may read the queue but not decide.
	viewer := &browser{t: t, base: srv.URL}
	viewer.do("POST", "/login", url.Values{"name": {"vera"}, "password": {"correct horse vera"}})
	if resp, _ := viewer.do("GET", "/review/"+inc.ID, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("viewer GET /review/{id}: %d, want 403", resp.StatusCode)
	}
	if resp, _ := viewer.do("POST", "/logout", url.Values{"csrf": {"x"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("logout with a wrong token: %d, want 403", resp.StatusCode)
	}
	if resp, _ := b.do("POST", "/logout", url.Values{"csrf": {form.Get("csrf")}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout: %d, want 303", resp.StatusCode)
	}
	if resp, _ := b.do("GET", "/review/"+inc.ID, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after logout: %d, want 303 to sign in", resp.StatusCode)
	}
}

// signIn makes an editor and returns a browser signed in as them.
func signIn(t *testing.T, db *sqlite.DB, base string) *browser {
	t.Helper()
	hash, err := auth.HashPassword("correct horse editor")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PutUser(context.Background(), store.User{Name: "edna", Role: store.RoleEditor, Password: hash}); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, base: base}
	if resp, _ := b.do("POST", "/login", url.Values{"name": {"edna"}, "password": {"correct horse editor"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %d", resp.StatusCode)
	}
	return b
}

// Splitting a report off an incident and merging another incident into it
// through the form: the pages and the API then show the new incidents.
func TestSplitAndMergeAtTheDesk(t *testing.T) {
	db := deskCopy(t)
	ctx := context.Background()
	a := auth.New(db, auth.Options{})
	srv := httptest.NewServer(a.Middleware(New(db, quietLog(), Options{Auth: a})))
	defer srv.Close()
	b := signIn(t, db, srv.URL)
	storyID, _ := seedStory(t, db)
	d, err := api.LoadStory(ctx, db, storyID)
	if err != nil {
		t.Fatal(err)
	}
	var multi, other *review.Incident
	for i := range d.Incidents {
		switch inc := &d.Incidents[i]; {
		case multi == nil && len(inc.Reports) >= 2:
			multi = inc
		case other == nil && len(inc.Reports) == 1:
			other = inc
		}
	}
	if multi == nil || other == nil {
		t.Fatalf("the seed story has no incident with two reports and another with one")
	}

	_, page := b.do("GET", "/review/"+multi.ID, nil)
	form := formValues(t, page, "review-form")
	moved := review.ReportKey(multi.Reports[len(multi.Reports)-1])
	form.Set("action", "split")
	form.Add("report", moved)
	if resp, body := b.do("POST", "/review/"+multi.ID, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("split: %d %.400s", resp.StatusCode, body)
	}
	child := review.SplitID(multi.ID, []string{moved})
	got, _, err := api.FindIncident(ctx, db, child)
	if err != nil || len(got.Reports) != 1 || review.ReportKey(got.Reports[0]) != moved {
		t.Fatalf("split child %s: %v, %+v", child, err, got)
	}
	parent, _, _ := api.FindIncident(ctx, db, multi.ID)
	if len(parent.Reports) != len(multi.Reports)-1 {
		t.Errorf("after the split the parent has %d reports, want %d", len(parent.Reports), len(multi.Reports)-1)
	}

	_, page = b.do("GET", "/review/"+other.ID, nil)
	form = formValues(t, page, "review-form")
	form.Set("action", "merge")
	form.Set("into", child)
	if resp, body := b.do("POST", "/review/"+other.ID, form); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/incidents/"+child {
		t.Fatalf("merge: %d to %q %.400s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	merged, _, _ := api.FindIncident(ctx, db, other.ID)
	into, _, _ := api.FindIncident(ctx, db, child)
	if merged.Review == nil || merged.Review.State != store.StateMerged || merged.Review.MergedInto != child || len(into.Reports) != 2 {
		t.Errorf("after the merge: %s is %+v, %s has %d reports; want merged into it, 2 reports", other.ID, merged.Review, child, len(into.Reports))
	}
	if _, page := b.do("GET", "/incidents/"+other.ID, nil); !strings.Contains(page, "Merged into") || !strings.Contains(page, child) {
		t.Errorf("the merged incident's page does not say where it went")
	}
	// Merging into itself is refused with the reason, not stored.
	_, page = b.do("GET", "/review/"+child, nil)
	form = formValues(t, page, "review-form")
	form.Set("action", "merge")
	form.Set("into", child)
	if resp, body := b.do("POST", "/review/"+child, form); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "itself") {
		t.Errorf("merge into itself: %d, want 422 saying why", resp.StatusCode)
	}
}

// The queue pages through stories, latest first, 20 at a time.
func TestQueuePages(t *testing.T) {
	st := demoStore(t)
	srv := httptest.NewServer(withPrincipal(New(st, quietLog(), Options{}), auth.Principal{User: "vera", Role: auth.Viewer}))
	defer srv.Close()
	first := fetchPage(t, srv.URL+"/review?state=all")
	if first.status != 200 || !strings.Contains(first.body, "Incidents of the latest 20 stories") {
		t.Fatalf("queue: %d", first.status)
	}
	doc, err := html.Parse(strings.NewReader(first.body))
	if err != nil {
		t.Fatal(err)
	}
	var next string
	for _, a := range nodes(doc, isTag("a")) {
		if rel, _ := attrVal(a, "rel"); rel == "next" {
			next, _ = attrVal(a, "href")
		}
	}
	if next == "" {
		t.Fatal("the first page of the queue links to no older stories (the demo has more than 20)")
	}
	older := fetchPage(t, srv.URL+next)
	if older.status != 200 || !strings.Contains(older.body, "older stor") || !strings.Contains(older.body, `id="queue"`) {
		t.Errorf("older queue: %d", older.status)
	}
	if bad := fetchPage(t, srv.URL+"/review?cursor=forged"); bad.status != 400 {
		t.Errorf("a forged cursor: %d, want 400", bad.status)
	}
}
