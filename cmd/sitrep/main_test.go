package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// The seed article travels with the repository in the demo corpus, so these
// tests never depend on ../shared.
const seed = "../../demo/corpus/strikes-mexico-2025-11-18.txt"

// runCLI runs the CLI in-process and returns its exit status and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExtractSeed(t *testing.T) {
	code, out, errOut := runCLI(t, "", "extract", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var x sitrep.Extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if x.Title != "US President Donald Trump has said he is talking with Mexico about possible military intervention." {
		t.Errorf("title %q", x.Title)
	}
	if x.Published == nil || !x.Published.DateOnly() || x.Published.Format(time.DateOnly) != "2025-11-18" {
		t.Errorf("published %v, want 2025-11-18", x.Published)
	}
	if x.Language != "en" {
		t.Errorf("language %q", x.Language)
	}
	for _, debris := range []string{"Recommended stories", "itemsend of list", "Published November"} {
		if strings.Contains(x.Text, debris) {
			t.Errorf("text still holds %q", debris)
		}
	}
	for _, kept := range []string{"“Will we go on strike in Mexico to stop drugs?", "killing at least 80 people", "al-Qaeda."} {
		if !strings.Contains(x.Text, kept) {
			t.Errorf("text lost %q", kept)
		}
	}
	if !strings.Contains(out, `"published": "2025-11-18"`) || len(x.Quotes) == 0 || len(x.Events) == 0 {
		t.Errorf("contract shape:\n%s", out[:min(len(out), 400)])
	}
	// Events too carry code-point offsets; the strike campaign is among them.
	campaign := false
	for _, e := range x.Events {
		if got := string([]rune(x.Text)[e.Start:e.End]); got != e.Text {
			t.Errorf("event %q: code points %d-%d hold %q", e.Text, e.Start, e.End, got)
		}
		campaign = campaign || (e.Subtype == "Air/drone strike" && e.Modality == "occurred" && e.Aggregate)
	}
	if !campaign {
		t.Errorf("no occurred air-strike campaign among %d events", len(x.Events))
	}
	// Entities carry code-point offsets, their canonical name and key.
	runes := []rune(x.Text)
	found := map[string]sitrep.Entity{}
	for _, e := range x.Entities {
		if got := string(runes[e.Start:e.End]); got != e.Text {
			t.Errorf("entity %q: code points %d-%d hold %q", e.Text, e.Start, e.End, got)
		}
		found[e.Text] = e
	}
	if e := found["Trump"]; e.Type != "PERSON" || e.Name != "Donald Trump" || e.Key != "person:donald trump" {
		t.Errorf("Trump: %+v", e)
	}
	if e := found["U.S."]; e.Type != "LOC" || e.Name != "United States" {
		t.Errorf("U.S.: %+v", e)
	}
}

func TestExtractFormats(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "photo.txt")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644)

	// jsonl: one line per input, in argument order, failures in their place.
	code, out, errOut := runCLI(t, "", "extract", "--format", "jsonl", seed, bin, "-")
	if code != 1 {
		t.Errorf("exit %d with a failed input, want 1", code)
	}
	if !strings.Contains(errOut, "photo.txt") {
		t.Errorf("stderr does not name the failed input: %s", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines for 3 inputs:\n%s", len(lines), out)
	}
	var first, second, third map[string]any
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &second)
	json.Unmarshal([]byte(lines[2]), &third)
	if first["published"] != "2025-11-18" || second["input"] != bin || second["error"] == nil || third["input"] != "-" {
		t.Errorf("lines out of order or malformed:\n%s", out)
	}

	// json with several inputs: an array in argument order, failures in place.
	_, out, _ = runCLI(t, "", "extract", bin, seed)
	var arr []map[string]any
	if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 2 || arr[0]["input"] != bin || arr[1]["published"] != "2025-11-18" {
		t.Errorf("json array for 2 inputs (%v):\n%s", err, out)
	}

	// Standard input, with the publication date given on the command line.
	code, out, errOut = runCLI(t, "Ships seized near the strait\nCoast guard vessels seized two ships near the strait on Sunday, officials said.\n",
		"extract", "--published", "2025-11-16", "--format", "text", "-")
	if code != 0 || !strings.Contains(out, "Ships seized near the strait") || !strings.Contains(out, "published 2025-11-16") {
		t.Errorf("stdin extract: exit %d\n%s\n%s", code, out, errOut)
	}
	// The text format shows each fact with what it was resolved to.
	for _, want := range []string{`"two ships" 2..2 exact vessels seized per officials`, `"Sunday" DATE 2025-11-16`, `source officials`} {
		if !strings.Contains(out, want) {
			t.Errorf("text format lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := runCLI(t, "", "extract", "--published", "18/11/2025", seed); code != 1 || !strings.Contains(errOut, "--published") {
		t.Errorf("bad --published: exit %d, %s", code, errOut)
	}
}

func TestIngestThenServeData(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	data, _ := os.ReadFile(seed)
	os.WriteFile(filepath.Join(dir, "seed.txt.gz"), gzipped(data), 0o644)

	code, out, _ := runCLI(t, "", "--db", db, "ingest", dir)
	if code != 1 {
		t.Errorf("exit %d with a failed input, want 1", code)
	}
	if !strings.Contains(out, "stored 1, unchanged 0, duplicates 0, failed 1") || !strings.Contains(out, "failed: ") || !strings.Contains(out, "empty.txt") {
		t.Errorf("summary:\n%s", out)
	}
	if code, out, _ := runCLI(t, "", "--db", db, "ingest", filepath.Join(dir, "seed.txt.gz")); code != 0 || !strings.Contains(out, "stored 0, unchanged 1") {
		t.Errorf("re-ingest: exit %d\n%s", code, out)
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestDemoIngestsCorpus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runCLI(t, "", "--db", db, "demo", "--no-serve")
	if code != 0 || !strings.Contains(out, "failed 0") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.Count(context.Background()); n < 21 {
		t.Errorf("demo stored %d articles", n)
	}
}

func TestDemoStoriesAreTheSameEveryRun(t *testing.T) {
	// Workers finish in a different order each run; the stories, and so
	// their IDs, must not depend on it.
	var runs [][]string
	for i := range 3 {
		db := filepath.Join(t.TempDir(), fmt.Sprintf("demo%d.db", i))
		if code, out, errOut := runCLI(t, "", "--db", db, "demo", "--no-serve"); code != 0 {
			t.Fatalf("run %d: exit %d\n%s\n%s", i, code, out, errOut)
		}
		st, err := sqlite.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		page, err := st.Stories(context.Background(), store.StoryQuery{Limit: 500})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range page.Stories {
			got = append(got, fmt.Sprintf("%s %d/%d", s.ID, s.Originals, s.Reports))
		}
		slices.Sort(got)
		if len(got) == 0 {
			t.Fatalf("run %d: no stories", i)
		}
		runs = append(runs, got)
	}
	for i := 1; i < len(runs); i++ {
		if !slices.Equal(runs[i], runs[0]) {
			t.Errorf("run %d stories = %q\nrun 0 stories = %q", i, runs[i], runs[0])
		}
	}
}

func TestServeRefusesMissingDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	code, _, errOut := runCLI(t, "", "--db", db, "serve", "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errOut, "typo.db") || !strings.Contains(errOut, "ingest articles first") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("serve created the missing database")
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"ingest"}, {"extract", "--format", "xml", seed}} {
		if code, _, errOut := runCLI(t, "", args...); code != 2 || errOut == "" {
			t.Errorf("sitrep %v: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
	if code, out, _ := runCLI(t, "", "--help"); code != 0 || !strings.Contains(out, "ingest") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
}

// writeArticles writes n distinct plain-text articles into a new directory.
func writeArticles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Report %d on the strikes\nPublished November 18, 2025\nThe ministry said operation %d struck a vessel in the Pacific, killing %d people, and promised to publish evidence later this week.\n", i, i, i%7+1)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644)
	}
	return dir
}

// startIngest runs `sitrep ingest dir` in a child process and returns once it
// has logged stored articles, with the child still running.
func startIngest(t *testing.T, db, dir string, stored int) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$")
	cmd.Env = append(os.Environ(), "SITREP_CHILD=1", "SITREP_CHILD_DB="+db, "SITREP_CHILD_DIR="+dir)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	n := 0
	for n < stored && sc.Scan() {
		if strings.Contains(sc.Text(), "msg=stored") {
			n++
		}
	}
	go io.Copy(io.Discard, stderr)
	if n < stored {
		cmd.Wait()
		t.Fatalf("child logged only %d stored articles before exiting", n)
	}
	return cmd, &stdout
}

func count(t *testing.T, db string) int {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatalf("database does not open: %v", err)
	}
	defer st.Close()
	n, err := st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A kill -9 in the middle of a large ingest leaves a database that opens
// and holds everything committed; the same ingest run again completes it.
func TestIngestSurvivesKill9(t *testing.T) {
	const n = 1500
	dir := writeArticles(t, n)
	db := filepath.Join(t.TempDir(), "crash.db")
	cmd, _ := startIngest(t, db, dir, 50)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	before := count(t, db)
	if before < 50 || before >= n {
		t.Fatalf("after kill: %d articles; the child had logged 50 of %d", before, n)
	}
	code, out, errOut := runCLI(t, "", "--db", db, "ingest", dir)
	if code != 0 {
		t.Fatalf("rerun: exit %d\n%s\n%s", code, out, errOut)
	}
	want := fmt.Sprintf("stored %d, unchanged %d, duplicates 0, failed 0", n-before, before)
	if !strings.Contains(out, want) {
		t.Errorf("rerun summary %q, want %q", strings.TrimSpace(out), want)
	}
	if after := count(t, db); after != n {
		t.Errorf("after rerun: %d articles, want %d", after, n)
	}
}

// Ctrl-C stops an ingest cleanly: what is not done is not a failure, and the
// exit status says it was interrupted.
func TestIngestInterrupted(t *testing.T) {
	dir := writeArticles(t, 1500)
	db := filepath.Join(t.TempDir(), "int.db")
	cmd, stdout := startIngest(t, db, dir, 50)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Errorf("exit %v, want status 130", err)
	}
	out := stdout.String()
	if !strings.Contains(out, "interrupted: run the same command again") || !strings.Contains(out, "failed 0, not done") || strings.Contains(out, "failed: ") {
		t.Errorf("output after Ctrl-C:\n%s", out)
	}
}

// TestIngestChild is the ingest that the tests above kill or interrupt.
func TestIngestChild(t *testing.T) {
	if os.Getenv("SITREP_CHILD") == "" {
		t.Skip("only run as the child of TestIngestSurvivesKill9 or TestIngestInterrupted")
	}
	code := run([]string{"--db", os.Getenv("SITREP_CHILD_DB"), "ingest", "--workers", "1", os.Getenv("SITREP_CHILD_DIR")}, strings.NewReader(""), os.Stdout, os.Stderr)
	os.Exit(code)
}
