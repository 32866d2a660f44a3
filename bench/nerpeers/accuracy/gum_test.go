package main

import (
	"testing"

	"github.com/sitrep/sitrep/eval"
)

func TestFindTokens(t *testing.T) {
	s := "BUS ran. US President Obama's aide O’Brien met “Wal-Mart” [KPA] US staff."
	for _, c := range []struct {
		ent, want string
		from      int
	}{
		{"US", "US", 0},                     // not the "US" inside "BUS"
		{"Obama 's", "Obama's", 0},          // prose splits "'s" off without a space in the text
		{"O'Brien", "O’Brien", 0},           // prose straightens curly quotes
		{"\" Wal-Mart \"", "“Wal-Mart”", 0}, // and splits them off
		{"[ KPA ]", "[KPA]", 0},
		{"US staff", "US staff", 20}, // from a later offset: the second "US"
	} {
		start, end, ok := findTokens(s, c.ent, c.from)
		if !ok || s[start:end] != c.want {
			t.Errorf("findTokens(%q, %d) = %d, %d, %v; want %q", c.ent, c.from, start, end, ok, c.want)
		}
	}
	if _, _, ok := findTokens(s, "Merkel", 0); ok {
		t.Error("found an entity that is not in the text")
	}
	if _, _, ok := findTokens(s, "Obama", 40); ok {
		t.Error("found an entity before from")
	}
}

func TestGUMParagraphs(t *testing.T) {
	docs := []eval.GUMDoc{{ID: "a", Text: "Héllo there.\nSecond one."}, {ID: "b", Text: "Only."}}
	got := gumParagraphs(docs)
	want := []gumParagraph{{0, 0, "Héllo there."}, {0, 14, "Second one."}, {1, 0, "Only."}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] || docs[got[i].doc].Text[got[i].offset:got[i].offset+len(got[i].text)] != got[i].text {
			t.Errorf("paragraph %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
