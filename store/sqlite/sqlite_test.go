package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/storetest"
)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "dir?with#odd chars", "sitrep.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	r := crashRecord(1)
	if _, err := db.Put(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not at the path given: %v", err)
	}

	// Reopening runs no migration twice and finds what was stored.
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if o, err := db.Put(ctx, crashRecord(1)); err != nil || o != store.Unchanged {
		t.Errorf("Put after reopen = %v, %v; want unchanged", o, err)
	}
	var mode string
	if err := db.r.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestOpenRejects(t *testing.T) {
	for _, p := range []string{"", ":memory:", "file:x.db?mode=memory"} {
		if db, err := Open(t.Context(), p); err == nil {
			db.Close()
			t.Errorf("Open %q: no error", p)
		}
	}
	if _, err := Open(t.Context(), filepath.Join(t.TempDir(), "missing", "dir", "x.db")); err == nil {
		t.Error("Open in a missing directory: no error")
	}
}

func TestRawCodec(t *testing.T) {
	html := []byte(strings.Repeat("<p>The same paragraph, again and again.</p>\n", 200))
	var enc rawEncoder
	for _, c := range []struct {
		name  string
		raw   []byte
		codec string
	}{
		{"compressible", html, codecGzip},
		{"tiny", []byte("x"), codecIdentity},
		{"empty", nil, codecIdentity},
		{"compressible again, from a pooled writer", html, codecGzip},
	} {
		codec, body, err := enc.encode(c.raw)
		if err != nil || codec != c.codec {
			t.Errorf("%s: encode = %q, %v; want %q", c.name, codec, err, c.codec)
			continue
		}
		if codec == codecGzip && len(body) >= len(c.raw)/4 {
			t.Errorf("%s: %d bytes compressed to %d", c.name, len(c.raw), len(body))
		}
		got, err := decodeRaw(codec, body, int64(len(c.raw)))
		if err != nil || string(got) != string(c.raw) || got == nil {
			t.Errorf("%s: decodeRaw = %d bytes, %v", c.name, len(got), err)
		}
	}
	if _, err := decodeRaw("zstd", nil, 0); err == nil {
		t.Error("unknown codec: no error")
	}
	if _, err := decodeRaw(codecIdentity, []byte("abc"), 4); err == nil {
		t.Error("wrong size: no error")
	}
}

func TestMatchExpr(t *testing.T) {
	for in, want := range map[string]string{
		"boat":            `"boat"`,
		"  Boat  strike ": `"Boat" AND "strike"`,
		`say "no"`:        `"say" AND """no"""`,
		`NEAR(a b) OR c*`: `"NEAR(a" AND "b)" AND "OR" AND "c*"`,
		"title:x -y ^z":   `"title:x" AND "-y" AND "^z"`,
		"a\x00b":          `"ab"`,
		"":                ``,
	} {
		if got := matchExpr(in); got != want {
			t.Errorf("matchExpr(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCursor(t *testing.T) {
	for _, c := range []struct {
		key int64
		id  string
	}{{0, "a"}, {noDate, "0123456789abcdef"}, {1763424000000000, "ü"}} {
		s := cursor{c.key, c.id}.String()
		got, err := decodeCursor(s)
		if err != nil || got.key != c.key || got.id != c.id {
			t.Errorf("cursor %d %q → %q → %+v %v", c.key, c.id, s, got, err)
		}
	}
}

// crashRecord returns article i of the crash test's ingest: the same record
// in the parent and in the child, with about 5 KB of text.
func crashRecord(i int) *store.Record {
	title := fmt.Sprintf("Report %d on the strikes", i)
	var b strings.Builder
	for j := 0; b.Len() < 5000; j++ {
		fmt.Fprintf(&b, "Paragraph %d of report %d: officials said the strike in sector %d killed %d people. ", j, i, (i*31+j)%97, (i+j)%13)
		if j%4 == 3 {
			b.WriteString("\n")
		}
	}
	text := b.String()
	d := sitrep.NewDoc(sitrep.Article{
		ID:        sitrep.ContentID(title, text),
		URL:       fmt.Sprintf("https://example.com/crash/%d", i),
		Source:    []string{"Reuters", "AP", "AFP"}[i%3],
		Title:     title,
		Published: time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
		Language:  "en",
		Text:      text,
	})
	d.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: 0, End: 9}, Text: "Paragraph", Type: "MISC"}}
	return &store.Record{
		Doc:         d,
		Raw:         []byte("<html><body><h1>" + title + "</h1><p>" + text + "</p></body></html>"),
		ContentType: "text/html",
		Pipeline:    "test",
		Fetched:     time.Now(),
	}
}

// The crash test runs an ingest in a child process (this test binary, run
// as TestCrashHelper) and kills it with SIGKILL halfway.
const (
	crashEnvPath = "SITREP_SQLITE_CRASH_DB"
	crashTotal   = 1500 // articles in the ingest
	crashKillAt  = 300  // committed articles read before the kill
)

// TestCrashHelper is the child of TestCrash: it Puts the crash test's
// articles with 4 workers and prints the ID of each after its Put returned.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv(crashEnvPath)
	if path == "" {
		t.Skip("run by TestCrash")
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	jobs := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range jobs {
				if _, err := db.Put(context.Background(), crashRecord(i)); err != nil {
					fmt.Println("error", err)
					os.Exit(2)
				}
				mu.Lock()
				fmt.Println("committed", i) // unbuffered: the parent sees it at once
				mu.Unlock()
			}
		})
	}
	for i := range crashTotal {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	db.Close()
	os.Exit(0) // not the testing framework's PASS line, which the parent would read
}

// TestCrash: kill -9 during a large ingest leaves a database that opens and
// holds every article committed before the kill; rerunning the same ingest
// completes it without duplicates.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnvPath+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := map[int]bool{}
	sc := bufio.NewScanner(out)
	read := func() {
		for sc.Scan() {
			line := sc.Text()
			n, ok := strings.CutPrefix(line, "committed ")
			if !ok {
				t.Errorf("child: %s", line)
				continue
			}
			i, err := strconv.Atoi(n)
			if err != nil {
				t.Fatalf("child printed %q", line)
			}
			committed[i] = true
			if len(committed) == crashKillAt {
				return
			}
		}
	}
	read()
	if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
		t.Fatal(err)
	}
	read() // what the child printed before it died was committed too
	werr := cmd.Wait()
	if len(committed) < crashKillAt {
		t.Fatalf("the child committed %d articles before it stopped (%v)", len(committed), werr)
	}
	if len(committed) >= crashTotal {
		t.Fatalf("the child finished all %d articles before the kill: make the ingest larger", crashTotal)
	}
	t.Logf("killed the ingest after %d of %d articles (%v)", len(committed), crashTotal, werr)
	// Only a clean Close removes the WAL: a WAL left behind shows that the
	// reopen below has to recover the commits from it.
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Errorf("the killed ingest left no WAL to recover (%v)", err)
	}

	ctx := t.Context()
	start := time.Now()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after the kill: %v", err)
	}
	t.Logf("reopened in %v", time.Since(start))
	defer db.Close()
	integrityCheck(t, path)
	for i := range committed {
		if _, err := db.Get(ctx, crashRecord(i).Doc.ID); err != nil {
			t.Errorf("article %d was committed before the kill: %v", i, err)
		}
	}

	// Rerun the whole ingest, as the CLI would, with workers, while a
	// reader searches: its connections must follow the FTS index as the
	// writer's inserts merge its segments.
	outcomes := make([]store.Outcome, crashTotal)
	jobs := make(chan int)
	var wg, searcher sync.WaitGroup
	done := make(chan struct{})
	searches := 0
	searcher.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			if _, err := db.List(ctx, store.Query{Text: "officials sector", Limit: 10}); err != nil {
				t.Errorf("List during the rerun: %v", err)
				return
			}
			searches++
		}
	})
	for range 4 {
		wg.Go(func() {
			for i := range jobs {
				o, err := db.Put(ctx, crashRecord(i))
				if err != nil {
					t.Errorf("rerun Put %d: %v", i, err)
				}
				outcomes[i] = o
			}
		})
	}
	for i := range crashTotal {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(done)
	searcher.Wait()
	t.Logf("reran the ingest in %v, searching %d times meanwhile", time.Since(start), searches)
	for i, o := range outcomes {
		if committed[i] && o != store.Unchanged {
			t.Errorf("rerun Put %d = %v, want unchanged: it was committed before the kill", i, o)
		}
	}
	if n, err := db.Count(ctx); err != nil || n != crashTotal {
		t.Errorf("Count = %d, %v after the rerun; want %d", n, err, crashTotal)
	}
	integrityCheck(t, path)
}

// integrityCheck checks the database file at path, FTS index included. It
// uses a connection of its own: PRAGMA integrity_check on a connection that
// read the FTS index before another connection changed it reports
// corruption that is not there (SQLite 3.54; MATCH queries are not affected).
func integrityCheck(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRowContext(t.Context(), "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	// The FTS index against the articles it indexes (rank 1 asks for that).
	if _, err := db.ExecContext(t.Context(), "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Fatalf("FTS index does not match the articles: %v", err)
	}
}

func benchRecords(n int) []*store.Record {
	recs := make([]*store.Record, n)
	for i := range recs {
		recs[i] = crashRecord(i)
	}
	return recs
}

// BenchmarkPut stores new articles of about 5 KB of text (11 KB of raw
// HTML), one after another.
func BenchmarkPut(b *testing.B) {
	db := openTemp(b)
	defer db.Close()
	recs := benchRecords(b.N)
	ctx := b.Context()
	b.ResetTimer()
	for i := range b.N {
		if _, err := db.Put(ctx, recs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutParallel is BenchmarkPut from a worker pool, as an ingest runs.
func BenchmarkPutParallel(b *testing.B) {
	db := openTemp(b)
	defer db.Close()
	recs := benchRecords(b.N)
	ctx := b.Context()
	var next sync.Mutex
	i := 0
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			next.Lock()
			r := recs[i]
			i++
			next.Unlock()
			if _, err := db.Put(ctx, r); err != nil {
				b.Error(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkListFTS runs a two-word full-text query, first page, over 5,000
// stored articles that all contain both words.
func BenchmarkListFTS(b *testing.B) {
	db := openTemp(b)
	defer db.Close()
	ctx := b.Context()
	for _, r := range benchRecords(5000) {
		if _, err := db.Put(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct{ name, text string }{
		{"common", "officials strike"},
		{"rare", "report 4242"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				p, err := db.List(ctx, store.Query{Text: c.text, Limit: 50})
				if err != nil || len(p.Articles) == 0 {
					b.Fatal(len(p.Articles), err)
				}
			}
		})
	}
}
