package eval

import (
	"bytes"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

func TestReadTimeML(t *testing.T) {
	d, err := ReadTimeML(filepath.Join("testdata", "timeml", "a.tml"))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "fixture_a" {
		t.Errorf("ID = %q, want fixture_a", d.ID)
	}
	if want := time.Date(1998, 8, 7, 0, 0, 0, 0, time.UTC); !d.DCT.Equal(want) {
		t.Errorf("DCT = %v, want %v", d.DCT, want)
	}
	if !strings.HasPrefix(d.Text, "\nNAIROBI, Kenya (AP) _ Bombs exploded Friday at AT&T offices") {
		t.Errorf("Text starts %q: want the character content of <TEXT>, tags dropped, entities decoded", d.Text[:60])
	}
	want := []struct{ text, typ, value, mod string }{
		{"Friday", "DATE", "1998-08-07", ""},
		{"two weeks", "DURATION", "P2W", ""},
		{"early September", "DATE", "1998-09", "START"},
	}
	if len(d.Timexes) != len(want) {
		t.Fatalf("got %d timexes, want %d: %+v", len(d.Timexes), len(want), d.Timexes)
	}
	for i, w := range want {
		g := d.Timexes[i]
		if g.Text != w.text || g.Type != w.typ || g.Value != w.value || g.Mod != w.mod {
			t.Errorf("timex %d = %q %s %s %s, want %q %s %s %s", i, g.Text, g.Type, g.Value, g.Mod, w.text, w.typ, w.value, w.mod)
		}
		if d.Text[g.Start:g.End] != g.Text {
			t.Errorf("timex %d: offsets [%d,%d) cover %q, not %q", i, g.Start, g.End, d.Text[g.Start:g.End], g.Text)
		}
	}
}

func TestReadTimeMLDirIsRecursiveAndSorted(t *testing.T) {
	docs, err := ReadTimeMLDir(filepath.Join("testdata", "timeml"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "fixture_a fixture_b" {
		t.Errorf("documents %q, want fixture_a fixture_b", got)
	}
	// A DCT with a time of day still gives the day.
	if want := time.Date(1989, 11, 2, 0, 0, 0, 0, time.UTC); !docs[1].DCT.Equal(want) {
		t.Errorf("DCT of b = %v, want %v", docs[1].DCT, want)
	}
}

func TestReadTimeMLErrors(t *testing.T) {
	if _, err := ReadTimeMLDir(t.TempDir()); err == nil {
		t.Error("a directory without .tml files: want an error")
	}
	if _, err := ReadTimeML(filepath.Join("testdata", "timeml", "missing.tml")); err == nil {
		t.Error("a missing file: want an error")
	}
}

func TestScoreTimex(t *testing.T) {
	d, err := ReadTimeML(filepath.Join("testdata", "timeml", "a.tml"))
	if err != nil {
		t.Fatal(err)
	}
	span := func(s string) sitrep.Span {
		i := strings.Index(d.Text, s)
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	sys := []sitrep.Time{
		{Span: span("Friday"), Text: "Friday", Type: "DATE", Value: "1998-08-07"}, // strict, value right
		{Span: span("weeks"), Text: "weeks", Type: "DURATION", Value: "PXW"},      // relaxed only, value wrong
		{Span: span("Bombs"), Text: "Bombs", Type: "DATE", Value: "XXXX-XX-XX"},   // spurious
	}
	r, err := ScoreTimex([]TimeMLDoc{d}, [][]sitrep.Time{sys})
	if err != nil {
		t.Fatal(err)
	}
	third, twoThirds := 1.0/3, 2.0/3
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"strict P", r.StrictP, third}, {"strict R", r.StrictR, third}, {"strict F1", r.StrictF1, third},
		{"relaxed P", r.RelaxedP, twoThirds}, {"relaxed R", r.RelaxedR, twoThirds}, {"relaxed F1", r.RelaxedF1, twoThirds},
		{"value accuracy", r.ValueAcc, 0.5}, {"value F1 = accuracy × relaxed F1", r.ValueF1, third},
		{"type accuracy", r.TypeAcc, 1}, {"type F1", r.TypeF1, twoThirds},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
	dr := r.PerDoc[0]
	if len(dr.Missed) != 1 || dr.Missed[0].Text != "early September" {
		t.Errorf("missed = %+v, want early September", dr.Missed)
	}
	if len(dr.Spurious) != 1 || dr.Spurious[0].Text != "Bombs" {
		t.Errorf("spurious = %+v, want Bombs", dr.Spurious)
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"strict span", "relaxed span", "value", "0.333"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := r.WriteMismatches(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"missed   \"early September\"", "spurious \"Bombs\"", "differs  gold \"two weeks\""} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("mismatches lack %q:\n%s", want, buf.String())
		}
	}
}

func TestScoreTimexNeedsOneOutputPerDocument(t *testing.T) {
	if _, err := ScoreTimex(make([]TimeMLDoc, 2), make([][]sitrep.Time, 1)); err == nil {
		t.Error("want an error")
	}
}
