package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/story"
)

const storyID = "s00000000000000aa"

func i64(v int64) *int64 { return &v }

// fixture is one incident with the fields an export reads.
type fixture struct {
	hex, typ, subtype, modality, from, until string
	actor, target                            string
	place                                    *sitrep.Place
	low, best, high                          *int64
	state                                    string
	reports                                  []story.Report
}

func (f fixture) incident() review.Incident {
	inc := story.Incident{ID: storyID + "-" + f.hex, Story: storyID, Type: f.typ, Subtype: f.subtype, Modality: f.modality,
		From: f.from, Until: f.until, Place: f.place, Reports: f.reports, Follows: []string{}, FollowedBy: []string{}}
	if f.actor != "" {
		inc.Actor = &story.Entity{Name: f.actor, Type: "ORG", Aliases: []string{}}
	}
	if f.target != "" {
		inc.Target = &story.Entity{Name: f.target, Type: "ORG", Aliases: []string{}}
	}
	inc.Recount()
	inc.Tally.Killed.Current.Low, inc.Tally.Killed.Current.Best, inc.Tally.Killed.Current.High = f.low, f.best, f.high
	st := &review.State{State: "pending", Corrected: []string{}}
	if f.state != "" && f.state != "pending" {
		st = &review.State{State: f.state, Version: 2, User: "ana", At: time.Date(2025, 11, 21, 8, 30, 0, 0, time.UTC),
			Corrected: []string{"killed"}}
	}
	return review.Incident{Incident: inc, Review: st}
}

func rep(article, source, title, sourcing string, day int) story.Report {
	return story.Report{Article: article, Source: source, Title: title, Sourcing: sourcing, Event: 0,
		Published: time.Date(2025, 11, 18+day, 0, 0, 0, 0, time.UTC), Counts: []story.Count{}}
}

func place(name, kind, country string, lat, lon float64) *sitrep.Place {
	return &sitrep.Place{Name: name, Kind: kind, Country: country, Lat: &lat, Lon: &lon}
}

// hostile is text an article may carry to attack a spreadsheet or a
// parser: formulas, quotes, separators, line breaks, bidi overrides.
const hostile = "=HYPERLINK(\"http://x\",\"a,b\")\n\"quoted\"; @SUM(1)\u202egnp.exe\t-2+3"

func fixtures() []review.Incident {
	fs := []fixture{
		{hex: "aaaaaaaaaaaa", typ: "Explosions/Remote violence", subtype: "Air/drone strike", modality: "occurred",
			from: "2025-11-17", until: "2025-11-17", actor: "United States", target: "Boat crew",
			place: place("Caribbean Sea", "sea", "", 15, -75), low: i64(3), best: i64(3), high: i64(4), state: "corrected",
			reports: []story.Report{rep("00000000000000a2", "Daily", "Second", "", 1), rep("00000000000000a1", "Wire", "First", "NBC ← two officials", 0)}},
		{hex: "bbbbbbbbbbbb", typ: "Violence against civilians", subtype: "Attack", modality: "occurred",
			from: "2025-11-10", until: "2025-11-14", actor: hostile, target: "-civilians",
			place: place("Nairobi", "city", "KE", -1.2864, 36.8172), low: nil, best: nil, high: nil,
			reports: []story.Report{rep("00000000000000b1", hostile, "+cmd|' /C calc'!A0", hostile, 0)}},
		{hex: "cccccccccccc", typ: "Strategic developments", subtype: "Threat", modality: "threatened",
			actor: "United States", reports: []story.Report{rep("00000000000000c1", "Wire", "Threat", "", 2)}},
		{hex: "dddddddddddd", typ: "Battles", subtype: "Armed clash", modality: "occurred", from: "2025-10",
			place: place("Sinaloa", "admin1", "MX", 25, -107.5), low: i64(80), best: i64(83), high: nil, state: "rejected",
			reports: []story.Report{rep("00000000000000d1", "Wire", "Clash", "", 0)}},
		{hex: "eeeeeeeeeeee", typ: "Battles", subtype: "Armed clash", modality: "occurred", state: "merged",
			reports: []story.Report{}},
	}
	out := make([]review.Incident, len(fs))
	for i, f := range fs {
		out[i] = f.incident()
	}
	return out
}

// readCSV parses an export as a spreadsheet would, into one map per row.
func readCSV(t *testing.T, b []byte, header []string) []map[string]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("export does not parse as CSV: %v\n%s", err, b)
	}
	if len(recs) == 0 || !reflect.DeepEqual(recs[0], header) {
		t.Fatalf("header = %q, want %q", recs[0], header)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, c := range header {
			m[c] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// TestACLEDRoundTrip writes incidents, reads the CSV back with
// encoding/csv, and compares every field with the records written.
func TestACLEDRoundTrip(t *testing.T) {
	incs := fixtures()
	var buf bytes.Buffer
	if err := ACLED(&buf, incs, Options{}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes(), ACLEDHeader())
	want := acledRows(incs, Options{})
	if len(rows) != 3 || len(want) != 3 {
		t.Fatalf("%d rows, want 3 (rejected and merged left out)", len(rows))
	}
	for i, row := range rows {
		for j, col := range ACLEDHeader() {
			if row[col] != want[i][j] {
				t.Errorf("row %d %s = %q, wrote %q", i, col, row[col], want[i][j])
			}
		}
	}
	// The text comes back as it was, once unescaped.
	b := rows[1]
	if Unescape(b["actor1"]) != hostile || Unescape(b["actor2"]) != "-civilians" || Unescape(b["source"]) != hostile {
		t.Errorf("hostile text did not round-trip: actor1 %q, actor2 %q, source %q", b["actor1"], b["actor2"], b["source"])
	}
	for _, col := range []string{"actor1", "actor2"} {
		if !strings.HasPrefix(b[col], "'") {
			t.Errorf("%s %q starts a formula unguarded", col, b[col])
		}
	}
	if rows[0]["longitude"] != "-75" {
		t.Errorf("a negative number was guarded as text: %q", rows[0]["longitude"])
	}
}

func TestACLEDColumns(t *testing.T) {
	var buf bytes.Buffer
	if err := ACLED(&buf, fixtures(), Options{IncludeRejected: true, SourceScale: map[string]string{"Wire": "International", "Daily": "National"}}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes(), ACLEDHeader())
	if len(rows) != 5 {
		t.Fatalf("%d rows with rejected ones, want 5", len(rows))
	}
	for _, c := range []struct {
		row       int
		col, want string
	}{
		{0, "event_id_cnty", storyID + "-aaaaaaaaaaaa"},
		{0, "event_date", "2025-11-17"},
		{0, "year", "2025"},
		{0, "time_precision", "1"},
		{0, "disorder_type", "Political violence"},
		{0, "geo_precision", "3"}, // a sea
		{0, "fatalities", "3"},    // the conservative low
		{0, "fatalities_best", "3"},
		{0, "fatalities_high", "4"},
		{0, "source", "Wire; Daily"}, // in the order they reported
		{0, "source_scale", "International-National"},
		{0, "notes", "On 2025-11-17, United States: Air/drone strike (occurred) on Boat crew at Caribbean Sea; killed 3-4 (reviewed: killed). Reports: Wire 2025-11-18 (NBC ← two officials); Daily 2025-11-19"},
		{0, "timestamp", strconv.FormatInt(time.Date(2025, 11, 21, 8, 30, 0, 0, time.UTC).Unix(), 10)},
		{0, "review_state", "corrected"},
		{0, "version", "2"},
		{0, "number_of_sources", "2"},
		{1, "time_precision", "2"}, // five days
		{1, "event_date", "2025-11-10"},
		{1, "geo_precision", "1"}, // a city
		{1, "civilian_targeting", "Civilian targeting"},
		{1, "fatalities", "0"}, // unknown
		{1, "country", "KE"},
		{1, "latitude", "-1.2864"},
		{1, "review_state", "pending"},
		{1, "version", "0"},
		{2, "time_precision", "3"}, // dated by its report only
		{2, "event_date", "2025-11-20"},
		{2, "geo_precision", ""},
		{2, "disorder_type", "Strategic developments"},
		{2, "modality", "threatened"},
		{2, "timestamp", strconv.FormatInt(time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC).Unix(), 10)},
		{3, "time_precision", "3"}, // a month
		{3, "event_date", "2025-10-01"},
		{3, "fatalities", "80"},
		{3, "fatalities_high", ""},
		{3, "review_state", "rejected"},
		{4, "review_state", "merged"},
		{4, "event_date", ""},
	} {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
}

func TestUCDP(t *testing.T) {
	incs := fixtures()
	var buf bytes.Buffer
	if err := UCDP(&buf, incs, Options{}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes(), UCDPHeader())
	want := ucdpRows(incs, Options{})
	if len(rows) != 2 || len(want) != 2 {
		t.Fatalf("%d rows, want 2 (the threat is no GED event; rejected and merged left out)", len(rows))
	}
	for i, row := range rows {
		for j, col := range UCDPHeader() {
			if row[col] != want[i][j] {
				t.Errorf("row %d %s = %q, wrote %q", i, col, row[col], want[i][j])
			}
		}
	}
	for _, c := range []struct {
		row       int
		col, want string
	}{
		{0, "where_prec", "7"}, // the Caribbean Sea
		{0, "date_prec", "1"},
		{0, "date_start", "2025-11-17"},
		{0, "date_end", "2025-11-17"},
		{0, "best", "3"},
		{0, "low", "3"},
		{0, "high", "4"},
		{0, "number_of_sources", "2"},
		{0, "source_article", "Wire, 2025-11-18, First; Daily, 2025-11-19, Second"},
		{0, "source_office", "Wire; Daily"},
		{0, "type_of_violence", ""},
		{0, "side_a", "United States"},
		{1, "type_of_violence", "3"},
		{1, "where_prec", "1"},
		{1, "date_prec", "2"},
		{1, "date_end", "2025-11-14"},
		{1, "best", ""},
		{1, "country", "KE"},
	} {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	if Unescape(rows[1]["source_headline"]) != "+cmd|' /C calc'!A0" || !strings.HasPrefix(rows[1]["source_headline"], "'+") {
		t.Errorf("headline = %q", rows[1]["source_headline"])
	}
}

func TestWherePrec(t *testing.T) {
	for _, c := range []struct{ kind, id, want string }{
		{"city", "", "1"}, {"admin2", "", "3"}, {"admin1", "", "4"}, {"region", "", "5"}, {"country", "", "6"},
		{"sea", "", "7"}, {"ocean", "", "7"}, {"bay", "", "7"}, {"country", "waters-off:MX", "7"}, {"", "", ""},
	} {
		if got := wherePrec(c.kind, c.id); got != c.want {
			t.Errorf("where_prec of %s %s = %q, want %q", c.kind, c.id, got, c.want)
		}
	}
}

func TestGeoJSONRoundTrip(t *testing.T) {
	incs := fixtures()
	var buf bytes.Buffer
	if err := GeoJSON(&buf, incs, Options{IncludeRejected: true}); err != nil {
		t.Fatal(err)
	}
	var got FeatureCollection
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	want := geoCollection(incs, Options{IncludeRejected: true})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v\nwrote %+v", got, want)
	}
	var ids []string
	for _, f := range got.Features {
		ids = append(ids, f.ID[len(storyID)+1:])
	}
	if strings.Join(ids, " ") != "aaaaaaaaaaaa bbbbbbbbbbbb dddddddddddd" {
		t.Errorf("features = %v, want the three incidents with coordinates", ids)
	}
	f := got.Features[1]
	if f.Geometry.Coordinates != [2]float64{36.8172, -1.2864} || f.Properties.Actor != hostile || f.Properties.ReviewState != "pending" {
		t.Errorf("Nairobi feature = %+v", f)
	}
	// A generic parser sees the RFC 7946 shape.
	var generic map[string]any
	_ = json.Unmarshal(buf.Bytes(), &generic)
	feat := generic["features"].([]any)[0].(map[string]any)
	if generic["type"] != "FeatureCollection" || feat["type"] != "Feature" || feat["geometry"].(map[string]any)["type"] != "Point" {
		t.Errorf("not a GeoJSON FeatureCollection of Points: %v", generic)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	incs := fixtures()
	d := sitrep.NewDoc(sitrep.Article{ID: "00000000000000a1", URL: "https://wire.example/1", Title: "First", Text: "Crème \u202e brûlée", Language: "en"})
	d.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: 0, End: 6}, Text: "Crème", Type: "MISC"}}
	arts := []sitrep.Extraction{d.Contract("test/1")}
	var buf bytes.Buffer
	if err := JSONL(&buf, incs, arts, Options{}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<24)
	var lines []Line
	for sc.Scan() {
		var l Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %d: %v", len(lines)+1, err)
		}
		lines = append(lines, l)
	}
	if len(lines) != 4 || lines[0].Type != "article" || lines[1].Type != "incident" {
		t.Fatalf("%d lines, want an article and three incidents", len(lines))
	}
	if lines[0].Article.Entities[0].End != 5 {
		t.Errorf("entity end = %d, want 5 code points (the contract's offsets)", lines[0].Article.Entities[0].End)
	}
	same := func(a, b any) bool {
		x, _ := json.Marshal(a)
		y, _ := json.Marshal(b)
		return bytes.Equal(x, y)
	}
	if !same(*lines[0].Article, arts[0]) {
		t.Errorf("article read back differs")
	}
	for i, inc := range []review.Incident{incs[0], incs[1], incs[2]} {
		if !same(*lines[i+1].Incident, inc) {
			t.Errorf("incident %s read back differs", inc.ID)
		}
	}
}

func TestSince(t *testing.T) {
	incs := fixtures()
	for _, c := range []struct {
		since string
		want  int
	}{
		{"2025-11-01", 3}, {"2025-11-15", 2}, {"2025-11-18", 1}, {"2025-11-21", 0},
	} {
		since, _ := time.Parse(time.DateOnly, c.since)
		n := 0
		for _, inc := range incs {
			if (Options{Since: since}).Include(inc) {
				n++
			}
		}
		if n != c.want {
			t.Errorf("since %s: %d incidents, want %d", c.since, n, c.want)
		}
	}
}

// FuzzWriters gives the writers hostile text in every text field: the CSV
// must parse with the same number of columns, every text cell must come
// back (once unescaped, line breaks made \n) and none may start a formula;
// the GeoJSON must parse.
func FuzzWriters(f *testing.F) {
	f.Add(hostile, "=1+1", "a\r\nb")
	f.Add("", "'", "\"")
	f.Add("@x", "\u202e\u2066", "\x00\xff")
	f.Fuzz(func(t *testing.T, actor, where, source string) {
		inc := fixture{hex: "abcdefabcdef", typ: "Battles", subtype: "Armed clash", modality: "occurred", from: "2025-11-17",
			actor: actor, target: source, place: place(where, "city", "KE", 1, 2),
			reports: []story.Report{rep("00000000000000a1", source, where, actor, 0)}}.incident()
		norm := func(s string) string {
			s = strings.ToValidUTF8(s, "\uFFFD")
			return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		}
		for _, w := range []struct {
			name   string
			write  func(*bytes.Buffer) error
			header []string
			checks map[string]string
		}{
			{"acled", func(b *bytes.Buffer) error { return ACLED(b, []review.Incident{inc}, Options{}) }, ACLEDHeader(),
				map[string]string{"actor1": actor, "actor2": source, "location": where}},
			{"ucdp", func(b *bytes.Buffer) error { return UCDP(b, []review.Incident{inc}, Options{}) }, UCDPHeader(),
				map[string]string{"side_a": actor, "side_b": source, "where_coordinates": where}},
		} {
			var buf bytes.Buffer
			if err := w.write(&buf); err != nil {
				t.Fatalf("%s: %v", w.name, err)
			}
			recs, err := csv.NewReader(&buf).ReadAll()
			if err != nil || len(recs) != 2 || len(recs[1]) != len(w.header) {
				t.Fatalf("%s: %d records, %v", w.name, len(recs), err)
			}
			for i, cell := range recs[1] {
				if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
					t.Errorf("%s %s = %q starts a formula", w.name, w.header[i], cell)
				}
				col := w.header[i]
				if want, ok := w.checks[col]; ok && Unescape(cell) != norm(want) {
					t.Errorf("%s %s = %q, want %q", w.name, col, Unescape(cell), norm(want))
				}
			}
		}
		var buf bytes.Buffer
		if err := GeoJSON(&buf, []review.Incident{inc}, Options{}); err != nil {
			t.Fatal(err)
		}
		var fc FeatureCollection
		if err := json.Unmarshal(buf.Bytes(), &fc); err != nil || len(fc.Features) != 1 {
			t.Fatalf("geojson: %v, %d features", err, len(fc.Features))
		}
	})
}

func BenchmarkACLED(b *testing.B) {
	var incs []review.Incident
	for i := range 1000 {
		inc := fixtures()[0]
		inc.ID = fmt.Sprintf("%s-%012x", storyID, i)
		incs = append(incs, inc)
	}
	for b.Loop() {
		var buf bytes.Buffer
		if err := ACLED(&buf, incs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNotesBounded: an incident told by many outlets names the first and
// says how many more there are, and one outlet telling it several times on
// a day is named once.
func TestNotesBounded(t *testing.T) {
	var reps []story.Report
	for i := range 300 {
		reps = append(reps, rep(fmt.Sprintf("%016x", i), fmt.Sprintf("Outlet number %d", i), "t", "", 0))
	}
	reps = append(reps, rep("00000000000000ff", "Outlet number 0", "t", "", 0))
	inc := fixture{hex: "abcdefabcdef", typ: "Battles", subtype: "Armed clash", modality: "occurred", reports: reps}.incident()
	n := notes(inc)
	if len(n) > maxNotes+40 || !strings.HasSuffix(n, "more") {
		t.Errorf("notes of %d bytes ending %q", len(n), n[max(0, len(n)-40):])
	}
	if strings.Count(n, "Outlet number 0 ") != 1 {
		t.Errorf("an outlet's two reports of a day are named %d times", strings.Count(n, "Outlet number 0 "))
	}
	var more int
	if _, err := fmt.Sscanf(n[strings.LastIndex(n, "; and ")+6:], "%d more", &more); err != nil || more+strings.Count(n, "Outlet number") != 300 {
		t.Errorf("notes name %d outlets and %d more, want 300 in all", strings.Count(n, "Outlet number"), more)
	}
}

func TestOutletsFallBackOnTheHost(t *testing.T) {
	mk := func(source, u string) story.Report { return story.Report{Article: u, Source: source, URL: u} }
	for _, tt := range []struct {
		reports []story.Report
		want    string
	}{
		{[]story.Report{mk("Reuters", "https://reuters.example/a")}, "Reuters"},
		{[]story.Report{mk("", "https://en.wikinews.org/wiki/X")}, "en.wikinews.org"},
		{[]story.Report{mk("", "/tmp/article.txt"), mk("", "javascript:alert(1)")}, ""},
		{[]story.Report{mk("", "https://a.example/1"), mk("", "https://a.example/2"), mk("NBC", "https://nbc.example/")}, "a.example; NBC"},
	} {
		inc := review.Incident{Incident: story.Incident{Reports: tt.reports}}
		if got := strings.Join(outlets(inc), "; "); got != tt.want {
			t.Errorf("outlets(%v) = %q, want %q", tt.reports, got, tt.want)
		}
	}
}

func TestGuard(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{"=SUM(A1)", "'=SUM(A1)"},
		{"+1", "'+1"},
		{"-2", "'-2"},
		{"@cmd", "'@cmd"},
		{"\t=x", "'\t=x"},
		{"\r=cmd", "'\n=cmd"},
		{"'quoted", "''quoted"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := guard(tt.in); got != tt.want {
			t.Errorf("guard(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Unescape(guard(tt.in)); tt.in != "" && tt.in[0] != '\r' && !strings.ContainsRune(tt.in, '\r') && utf8.ValidString(tt.in) && got != tt.in {
			t.Errorf("Unescape(guard(%q)) = %q", tt.in, got)
		}
	}
}

func TestDisorderType(t *testing.T) {
	for _, tt := range []struct{ typ, subtype, want string }{
		{"Explosions/Remote violence", "Air/drone strike", "Political violence"},
		{"Riots", "Mob violence", "Political violence"},
		{"Riots", "Violent demonstration", "Demonstrations"},
		{"Protests", "Peaceful protest", "Demonstrations"},
		{"Protests", "Excessive force against protesters", "Political violence; Demonstrations"},
		{"Strategic developments", "Threat", "Strategic developments"},
		{"", "", ""},
	} {
		if got := disorder(tt.typ, tt.subtype); got != tt.want {
			t.Errorf("disorder(%q, %q) = %q, want %q", tt.typ, tt.subtype, got, tt.want)
		}
	}
}
