package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/store"
)

// reviewFixture serves the story fixture behind the authenticator, with an
// editor and a viewer holding API tokens.
func reviewFixture(t *testing.T) (srv *httptest.Server, storyID, editor, viewer string) {
	t.Helper()
	db, storyID, _ := storyStore(t)
	ctx := context.Background()
	token := func(name, role string) string {
		if err := db.PutUser(ctx, store.User{Name: name, Role: role}); err != nil {
			t.Fatal(err)
		}
		secret, hash := auth.NewToken()
		if err := db.PutToken(ctx, store.Token{Hash: hash, User: name}); err != nil {
			t.Fatal(err)
		}
		return secret
	}
	editor, viewer = token("edna", store.RoleEditor), token("vera", store.RoleViewer)
	a := auth.New(db, auth.Options{})
	srv = httptest.NewServer(New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{Auth: a}))
	t.Cleanup(srv.Close)
	return srv, storyID, editor, viewer
}

func call(t *testing.T, srv *httptest.Server, method, path, token, body string, v any) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s %s: %v in %.200s", method, path, err, b)
		}
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body = io.NopCloser(bytes.NewReader(b))
	}
	return resp
}

func TestReviewThroughTheAPI(t *testing.T) {
	srv, storyID, editor, viewer := reviewFixture(t)
	var d StoryDetail
	if resp := call(t, srv, "GET", "/api/stories/"+storyID, viewer, "", &d); resp.StatusCode != 200 || len(d.Incidents) == 0 {
		t.Fatalf("story: status %d, %d incidents", resp.StatusCode, len(d.Incidents))
	}
	inc := d.Incidents[0]
	if inc.Review == nil || inc.Review.State != store.StatePending {
		t.Fatalf("an unreviewed incident's review is %+v, want pending", inc.Review)
	}
	path := "/api/incidents/" + inc.ID + "/review"
	correct := `{"action":"correct","killed":{"low":3,"best":3,"high":4},"modality":"unconfirmed","note":"hospital figures","expect_version":0}`

	for _, tt := range []struct {
		name, token, body string
		status            int
	}{
		{"anonymous", "", correct, http.StatusUnauthorized},
		{"viewer", viewer, correct, http.StatusForbidden},
		{"not JSON", editor, "action=accept", http.StatusBadRequest},
		{"unknown field", editor, `{"action":"accept","verdict":"yes"}`, http.StatusBadRequest},
		{"invalid modality", editor, `{"action":"correct","modality":"likely","expect_version":0}`, http.StatusBadRequest},
		{"low above high", editor, `{"action":"correct","killed":{"low":9,"high":2},"expect_version":0}`, http.StatusBadRequest},
		{"editor", editor, correct, http.StatusOK},
		{"same version again", editor, correct, http.StatusConflict},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ans ReviewAnswer
			resp := call(t, srv, "POST", path, tt.token, tt.body, &ans)
			if resp.StatusCode != tt.status {
				b, _ := io.ReadAll(resp.Body)
				t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, tt.status, b)
			}
			if tt.status == http.StatusOK {
				if ans.Review.Version != 1 || ans.Review.User != "edna" || ans.Review.State != store.StateCorrected {
					t.Errorf("stored review %+v, want version 1 by edna, corrected", ans.Review)
				}
				k := ans.Incident.Tally.Killed.Current
				if k.Low == nil || *k.Low != 3 || k.High == nil || *k.High != 4 || ans.Incident.Modality != "unconfirmed" {
					t.Errorf("incident after correction: killed %+v, modality %s", k, ans.Incident.Modality)
				}
			}
		})
	}

	// The incident, the story and the history all show the decision.
	var got struct {
		Review struct {
			State     string   `json:"state"`
			Corrected []string `json:"corrected"`
		} `json:"review"`
	}
	call(t, srv, "GET", "/api/incidents/"+inc.ID, viewer, "", &got)
	if got.Review.State != store.StateCorrected || strings.Join(got.Review.Corrected, ",") != "modality,killed" {
		t.Errorf("incident review %+v, want corrected modality,killed", got.Review)
	}
	var hist struct {
		Versions []ReviewVersion `json:"versions"`
	}
	call(t, srv, "GET", "/api/incidents/"+inc.ID+"/history", viewer, "", &hist)
	if len(hist.Versions) != 1 || !strings.Contains(string(hist.Versions[0].After), `"unconfirmed"`) || !strings.Contains(string(hist.Versions[0].Before), `"occurred"`) {
		t.Errorf("history %+v, want one version from occurred to unconfirmed", hist.Versions)
	}
	var audit AuditList
	call(t, srv, "GET", "/api/audit?user=edna", viewer, "", &audit)
	if len(audit.Decisions) != 1 || audit.Decisions[0].Incident != inc.ID || audit.Decisions[0].Note != "hospital figures" {
		t.Errorf("audit %+v, want the one decision", audit.Decisions)
	}

	// The ACLED export carries the corrected figure; as of before the
	// decision it carries the machine's.
	for _, tt := range []struct {
		query      string
		fatalities string
	}{
		{"", "3"},
		{"&as_of=" + time.Now().Add(-time.Hour).UTC().Format(time.RFC3339), machineLow(t, d)},
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/api/export?format=acled&story="+storyID+tt.query, nil)
		req.Header.Set("Authorization", "Bearer "+viewer)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(resp.Body).ReadAll()
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("export%s: status %d, %v", tt.query, resp.StatusCode, err)
		}
		if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") {
			t.Errorf("export Content-Disposition %q", cd)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		if len(rows[0]) != len(export.ACLEDHeader()) {
			t.Errorf("export header %v", rows[0])
		}
		found := false
		for _, r := range rows[1:] {
			if r[col["event_id_cnty"]] == inc.ID {
				found = true
				if r[col["fatalities"]] != tt.fatalities {
					t.Errorf("export%s: fatalities %q, want %q", tt.query, r[col["fatalities"]], tt.fatalities)
				}
			}
		}
		if !found {
			t.Errorf("export%s: incident %s not in %v", tt.query, inc.ID, rows)
		}
	}
}

// machineLow is the fatalities the machine gave the fixture's incident.
func machineLow(t *testing.T, d StoryDetail) string {
	t.Helper()
	if l := d.Incidents[0].Tally.Killed.Current.Low; l != nil {
		return itoa(*l)
	}
	return "0"
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestExportErrors(t *testing.T) {
	srv, storyID, _, viewer := reviewFixture(t)
	for _, tt := range []struct {
		query  string
		status int
		says   string
	}{
		{"format=xlsx", 400, "format"},
		{"format=acled&story=nope", 400, "story"},
		{"format=acled&story=s0123456789abcdef", 404, "not found"},
		{"format=acled&since=yesterday", 400, "since"},
		{"format=acled&as_of=2025", 400, "as_of"},
		{"format=acled&include_rejected=maybe", 400, "include_rejected"},
		{"format=acled&colour=red", 400, "colour"},
		{"format=geojson&story=" + storyID, 200, ""},
	} {
		resp := call(t, srv, "GET", "/api/export?"+tt.query, viewer, "", nil)
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.says) {
			t.Errorf("%s: status %d %.200s, want %d containing %q", tt.query, resp.StatusCode, b, tt.status, tt.says)
		}
	}
}
