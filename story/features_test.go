package story

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

func TestFeaturesOf(t *testing.T) {
	docs := ixAnnotate(t, []sitrep.Article{ixReportA})
	f := FeaturesOf(docs[0])
	if f.Article != "a" || f.Source != "Wire One" || !f.Published.Equal(ixReportA.Published) {
		t.Errorf("identity: %q %q %v", f.Article, f.Source, f.Published)
	}
	if want := len(mhTestWords(ixReportA.Text)) - (mhShingle - 1); len(f.Signature) != mhSize || f.Shingles != want {
		t.Errorf("signature of %d values over %d shingles, want %d over %d (one per run of %d words)", len(f.Signature), f.Shingles, mhSize, want, mhShingle)
	}
	tests := []struct {
		list []string
		name string
		has  []string
		not  []string
	}{
		{f.Terms, "terms", []string{"e:suleiman", "e:juma"}, []string{"e:hamad suleiman", "said"}},
		{f.Words, "words", []string{"ferry", "zanzibar", "survivor"}, []string{"the", "said", "monday", "survivors"}},
	}
	for _, tt := range tests {
		for _, w := range tt.has {
			if !slices.Contains(tt.list, w) {
				t.Errorf("%s %q lack %q", tt.name, tt.list, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(tt.list, w) {
				t.Errorf("%s %q hold %q", tt.name, tt.list, w)
			}
		}
	}
	hasPlace := false
	for _, term := range f.Terms {
		hasPlace = hasPlace || term[:2] == "p:"
	}
	if !hasPlace {
		t.Errorf("terms %q hold no place", f.Terms)
	}
	if f.Words[0] != "ferry" {
		t.Errorf("first word %q, want ferry (the headline's and the text's commonest)", f.Words[0])
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"embassies", "embassy"},
		{"bombings", "bombing"},
		{"survivors", "survivor"},
		{"witness", "witness"},
		{"campus", "campus"},
		{"crisis", "crisis"},
		{"gas", "gas"},
	}
	for _, tt := range tests {
		if got := ftStem(tt.in); got != tt.want {
			t.Errorf("ftStem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFeaturesBinaryRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		f    Features
	}{
		{"empty", Features{}},
		{"full", Features{
			Article: "0123456789abcdef", Source: "AP",
			Published: time.Date(1998, 8, 7, 10, 30, 0, 123, time.UTC),
			Signature: []uint32{0, 1, 1 << 31, ^uint32(0)},
			Shingles:  420,
			Terms:     []string{"e:albright", "p:KE", ""},
			Words:     []string{"embassy", "bombing", "nairobi"},
		}},
		{"before 1970", Features{Article: "x", Published: time.Date(1912, 4, 15, 2, 20, 0, 0, time.UTC)}},
	}
	for _, tt := range tests {
		b, err := tt.f.MarshalBinary()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var g Features
		if err := g.UnmarshalBinary(b); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !g.Published.Equal(tt.f.Published) {
			t.Errorf("%s: published %v, want %v", tt.name, g.Published, tt.f.Published)
		}
		g.Published, tt.f.Published = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, tt.f) {
			t.Errorf("%s: got %+v, want %+v", tt.name, g, tt.f)
		}
	}
}

func TestFeaturesBinaryRejects(t *testing.T) {
	good, _ := Features{Article: "a", Signature: []uint32{7}, Terms: []string{"t"}}.MarshalBinary()
	tests := []struct {
		name string
		b    []byte
	}{
		{"nothing", nil},
		{"another version", []byte{9}},
		{"truncated", good[:len(good)-1]},
		{"trailing bytes", append(slices.Clone(good), 0)},
		{"a string longer than the input", []byte{ftVersion, 0xff, 0xff, 0x03, 'a'}},
		{"a signature longer than the input", []byte{ftVersion, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f}},
		{"bad time flag", []byte{ftVersion, 0, 0, 7}},
		{"nanoseconds out of range", []byte{ftVersion, 0, 0, 1, 0, 0x80, 0x94, 0xeb, 0xdc, 0x03}},
	}
	for _, tt := range tests {
		var f Features
		if err := f.UnmarshalBinary(tt.b); err == nil {
			t.Errorf("%s: decoded %+v, want an error", tt.name, f)
		}
	}
}

func FuzzFeaturesUnmarshal(f *testing.F) {
	for _, ft := range []Features{
		{},
		{Article: "a", Source: "b", Published: time.Unix(1e9, 5), Signature: make([]uint32, mhSize), Shingles: 9, Terms: []string{"x"}, Words: []string{"y", "z"}},
	} {
		b, _ := ft.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var g Features
		if err := g.UnmarshalBinary(b); err != nil {
			return
		}
		again, err := g.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var h Features
		if err := h.UnmarshalBinary(again); err != nil {
			t.Fatalf("re-decoding what was decoded: %v", err)
		}
		if !h.Published.Equal(g.Published) {
			t.Fatalf("published %v, then %v", g.Published, h.Published)
		}
		g.Published, h.Published = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, h) {
			t.Fatalf("round trip changed %+v into %+v", g, h)
		}
		// Whatever was decoded, the index takes it without panicking.
		ix := NewIndex(Options{})
		ix.Add(g)
		ix.Restore(Features{Article: "other", Signature: g.Signature, Shingles: g.Shingles}, Membership{Story: g.Article})
		ix.Add(Features{Article: "third", Signature: g.Signature, Shingles: g.Shingles, Terms: g.Terms})
	})
}
