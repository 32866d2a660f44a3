package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// hostile holds what an attacker's page could put in a title, an outlet or
// a name: a terminal escape (clear screen, retitle), a bell, a bidi
// override, a newline and a tab.
const hostile = "\x1b[2J\x1b]0;pwned\x07Strike\u202e\u2066 on a\nboat\tnow\x9b1m"

func TestStoryTablesAreTerminalSafe(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hostile.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := strikeReport(t, "Wire", "three people", 3, time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC))
	d.Title, d.Source = hostile, hostile
	d.ID = sitrep.ContentID(d.Title, d.Text)
	d.Places[0].Name = hostile
	d.Events[0].Actor.Name = hostile
	d.Events[0].Modality = hostile
	storyID := "s" + d.ID
	if _, err := db.Put(ctx, &store.Record{Doc: d, Raw: []byte(d.Text), ContentType: "text/plain", Pipeline: "test"}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutMembership(ctx, store.Membership{Article: d.ID, Story: storyID}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, args := range [][]string{
		{"stories"},
		{"incidents", "--story", storyID},
		{"tally", "--story", storyID},
	} {
		code, out, errOut := runCLI(t, "", append([]string{"--db", path}, args...)...)
		if code != 0 {
			t.Fatalf("sitrep %q: exit %d: %s", args, code, errOut)
		}
		for _, r := range out {
			if r != '\n' && (unicode.IsControl(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069) {
				t.Errorf("sitrep %q printed %U:\n%q", args, r, out)
				break
			}
		}
		if args[0] != "tally" && !strings.Contains(out, "Strike on a boat now") {
			t.Errorf("sitrep %q lost the readable part of the title:\n%s", args, out)
		}
	}
}

func TestSafe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain title", "plain title"},
		{hostile, "[2J]0;pwnedStrike on a boat now1m"},
		{"  lead\r\nand trail \t", "lead and trail"},
		{"\x00\x01\x7f", ""},
		{"bad \xff utf-8", "bad utf-8"},
		{"Ciudad de México — “quoted”", "Ciudad de México — “quoted”"},
	} {
		if got := safe(c.in); got != c.want {
			t.Errorf("safe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStoriesCursor(t *testing.T) {
	path, storyID := storyDB(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	older := sitrep.NewDoc(sitrep.Article{URL: "https://other.example/1", Source: "Other", Title: "Floods in Kenya",
		Text: "Floods hit Kenya.", Language: "en", Published: time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)})
	older.ID = sitrep.ContentID(older.Title, older.Text)
	if _, err := db.Put(ctx, &store.Record{Doc: older, Raw: []byte(older.Text), Pipeline: "test"}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutMembership(ctx, store.Membership{Article: older.ID, Story: "s" + older.ID}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	page := func(args ...string) api.StoryList {
		t.Helper()
		code, out, errOut := runCLI(t, "", append([]string{"--db", path, "stories", "--format", "json", "--limit", "1"}, args...)...)
		var l api.StoryList
		if err := json.Unmarshal([]byte(out), &l); code != 0 || err != nil {
			t.Fatalf("exit %d, %v: %s %s", code, err, out, errOut)
		}
		return l
	}
	first := page()
	if len(first.Stories) != 1 || first.Stories[0].ID != storyID || first.Next == nil {
		t.Fatalf("first page = %+v, want the latest story and a next cursor", first)
	}
	second := page("--cursor", *first.Next)
	if len(second.Stories) != 1 || second.Stories[0].ID != "s"+older.ID || second.Next != nil {
		t.Errorf("second page = %+v, want the older story and no next", second)
	}
	// The table says how to get the next page.
	if code, out, _ := runCLI(t, "", "--db", path, "stories", "--limit", "1"); code != 0 || !strings.Contains(out, "--cursor "+*first.Next) {
		t.Errorf("table with more stories: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, "", "--db", path, "stories", "--cursor", "\x1bnot a cursor"); code != 1 ||
		!strings.Contains(errOut, "--cursor") || strings.Contains(errOut, "\x1b") {
		t.Errorf("bad cursor: exit %d, %q", code, errOut)
	}
}

func TestIngestRefusesASecondStoryFiler(t *testing.T) {
	db := filepath.Join(t.TempDir(), "busy.db")
	lock, err := ingest.LockStories(db)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	for _, args := range [][]string{{"ingest", seed}, {"demo", "--no-serve"}} {
		code, _, errOut := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errOut, "another sitrep process is filing stories in") {
			t.Errorf("sitrep %q while another holds the lock: exit %d, %q", args, code, errOut)
		}
	}
	lock.Release()
	if code, out, errOut := runCLI(t, "", "--db", db, "ingest", seed); code != 0 {
		t.Errorf("ingest after the lock was released: exit %d\n%s\n%s", code, out, errOut)
	}
}
