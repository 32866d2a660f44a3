package web

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// hlSegDesc describes a segment for comparison: its text, the layers
// covering it, and the annotations starting and ending at it.
func hlSegDesc(s segment) string {
	var layers []string
	for _, l := range allLayers() {
		if s.Layers.has(l) {
			layers = append(layers, l.name())
		}
	}
	refs := func(rs []annRef) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.anchor())
		}
		return strings.Join(out, ",")
	}
	return fmt.Sprintf("%q{%s}+[%s]-[%s]", s.Text, strings.Join(layers, ","), refs(s.Starts), refs(s.Ends))
}

func hlSpan(l layer, i, start, end int) annSpan {
	return annSpan{annRef: annRef{l, i}, Start: start, End: end}
}

func TestSegmentText(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		spans   []annSpan
		want    []string
		dropped int
	}{
		{
			name:  "nested: entity inside quote, outer first",
			text:  "Donald Trump said",
			spans: []annSpan{hlSpan(layerEntity, 0, 0, 12), hlSpan(layerQuote, 0, 0, 17)},
			want: []string{
				`"Donald Trump"{entity,quote}+[a-quote-0,a-entity-0]-[a-entity-0]`,
				`" said"{quote}+[]-[a-quote-0]`,
			},
		},
		{
			name:  "crossing",
			text:  "abcdef",
			spans: []annSpan{hlSpan(layerCount, 0, 0, 4), hlSpan(layerTime, 0, 2, 6)},
			want: []string{
				`"ab"{count}+[a-count-0]-[]`,
				`"cd"{count,time}+[a-time-0]-[a-count-0]`,
				`"ef"{time}+[]-[a-time-0]`,
			},
		},
		{
			name:  "adjacent",
			text:  "abcdef",
			spans: []annSpan{hlSpan(layerPlace, 0, 0, 3), hlSpan(layerPlace, 1, 3, 6)},
			want: []string{
				`"abc"{place}+[a-place-0]-[a-place-0]`,
				`"def"{place}+[a-place-1]-[a-place-1]`,
			},
		},
		{
			name:  "same hlSpan in two layers",
			text:  "in Mexico.",
			spans: []annSpan{hlSpan(layerPlace, 2, 3, 9), hlSpan(layerEntity, 5, 3, 9)},
			want: []string{
				`"in "{}+[]-[]`,
				`"Mexico"{entity,place}+[a-entity-5,a-place-2]-[a-entity-5,a-place-2]`,
				`"."{}+[]-[]`,
			},
		},
		{
			name: "invalid spans dropped",
			text: "café au lait", // é is bytes 3 and 4
			spans: []annSpan{
				hlSpan(layerEntity, 0, 2, 2),   // empty
				hlSpan(layerEntity, 1, 5, 99),  // past the end
				hlSpan(layerEntity, 2, -1, 2),  // before the start
				hlSpan(layerEntity, 3, 5, 3),   // inverted
				hlSpan(layerEntity, 4, 4, 6),   // starts inside é
				hlSpan(layerEntity, 5, 0, 4),   // ends inside é
				hlSpan(layerEvent, 0, 6, 14),   // ends one byte past the end
				hlSpan(layerEvent, 1, 0, 5),    // valid: "café"
				hlSpan(layerEvent, 2, 12, 13),  // valid: "t"
				hlSpan(layerEvent, 3, 13, 14),  // past the end
				hlSpan(layerQuote, 0, 0, 0),    // empty at the start
				hlSpan(layerQuote, 1, 13, 100), // past the end
			},
			want: []string{
				`"café"{event}+[a-event-1]-[a-event-1]`,
				`" au lai"{}+[]-[]`,
				`"t"{event}+[a-event-2]-[a-event-2]`,
			},
			dropped: 10,
		},
		{
			name:  "newlines cut paragraphs, even inside a span",
			text:  "ab\ncd",
			spans: []annSpan{hlSpan(layerQuote, 0, 1, 4)},
			want: []string{
				`"a"{}+[]-[]`,
				`"b"{quote}+[a-quote-0]-[]`,
				`"\n"{quote}+[]-[]`,
				`"c"{quote}+[]-[a-quote-0]`,
				`"d"{}+[]-[]`,
			},
		},
		{
			name: "empty text",
			text: "",
			spans: []annSpan{
				hlSpan(layerQuote, 0, 0, 1),
			},
			want:    nil,
			dropped: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := segmentText(tc.text, tc.spans)
			var desc []string
			for _, s := range got.Segments {
				desc = append(desc, hlSegDesc(s))
			}
			if !slices.Equal(desc, tc.want) {
				t.Errorf("segments:\n got %s\nwant %s", strings.Join(desc, "\n     "), strings.Join(tc.want, "\n     "))
			}
			if got.Dropped != tc.dropped || len(got.Kept) != len(tc.spans)-tc.dropped {
				t.Errorf("dropped %d, kept %d; want %d dropped of %d", got.Dropped, len(got.Kept), tc.dropped, len(tc.spans))
			}
		})
	}
}

// TestSegmentCodePoints checks that segments and annotations know their
// offsets in code points, which is what the page's URLs carry.
func TestSegmentCodePoints(t *testing.T) {
	text := "Señor “Trump” dijo: ¡no! 🇲🇽 México"
	trump := strings.Index(text, "Trump")
	mexico := strings.Index(text, "México")
	got := segmentText(text, []annSpan{
		hlSpan(layerEntity, 0, trump, trump+len("Trump")),
		hlSpan(layerPlace, 0, mexico, mexico+len("México")),
	})
	wantAt := map[string]int{"Trump": 7, "México": 28}
	for _, s := range got.Segments {
		if want, ok := wantAt[s.Text]; ok {
			if s.At != want {
				t.Errorf("segment %q at code point %d, want %d", s.Text, s.At, want)
			}
			delete(wantAt, s.Text)
		}
		if runes := []rune(text); string(runes[s.At:s.At+utf8.RuneCountInString(s.Text)]) != s.Text {
			t.Errorf("segment %q: code point %d does not start it", s.Text, s.At)
		}
	}
	if len(wantAt) > 0 {
		t.Errorf("segments missing: %v", wantAt)
	}
	for _, k := range got.Kept {
		if k.Layer == layerPlace && (k.AtStart != 28 || k.AtEnd != 34) {
			t.Errorf("México spans code points %d–%d, want 28–34", k.AtStart, k.AtEnd)
		}
	}
}

func TestParagraphs(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"one", []string{"one"}},
		{"one\ntwo", []string{"one", "two"}},
		{"\n\none\n\n\ntwo\n", []string{"one", "two"}},
		{"\n", nil},
	} {
		var got []string
		for _, p := range splitParagraphs(segmentText(tc.text, nil).Segments) {
			var b strings.Builder
			for _, s := range p {
				b.WriteString(s.Text)
			}
			got = append(got, b.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestParseAt(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true},
		{"42", 42, true},
		{"007", 7, true},
		{"999999999", 999999999, true},
		{"1000000000", 0, false}, // ten digits
		{"", 0, false},
		{"-1", 0, false},
		{"+1", 0, false},
		{" 1", 0, false},
		{"1e3", 0, false},
		{"0x10", 0, false},
		{"١٢", 0, false}, // Arabic-Indic digits
		{"99999999999999999999999", 0, false},
	} {
		got, ok := parseAt(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseAt(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTextRuns(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []textRun
	}{
		{"plain", []textRun{{Text: "plain"}}},
		{"", nil},
		{"a\u202Eb", []textRun{{Text: "a"}, {Ctl: "U+202E"}, {Text: "b"}}},
		{"\u2066\u2069", []textRun{{Ctl: "U+2066"}, {Ctl: "U+2069"}}},
		{"x\u200F\u061C", []textRun{{Text: "x"}, {Ctl: "U+200F"}, {Ctl: "U+061C"}}},
		{"\u202A", []textRun{{Ctl: "U+202A"}}},
		{"\u2067é\u200E", []textRun{{Ctl: "U+2067"}, {Text: "é"}, {Ctl: "U+200E"}}},
	} {
		if got := textRuns(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("textRuns(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

// FuzzSegmentText feeds random text and spans: segmentation must not
// panic, must cover the text exactly once and in order, and each segment's
// layers must be those of the kept spans that cover it.
func FuzzSegmentText(f *testing.F) {
	f.Add("Donald Trump said “war-like”.\nMexico", []byte{0, 12, 1, 5, 30, 2, 14, 28})
	f.Add("café\u202E", []byte{4, 6, 0, 3, 5, 1})
	f.Add("", []byte{0, 1, 2})
	f.Add("\xff\xfeab", []byte{0, 2, 1, 4})
	f.Fuzz(func(t *testing.T, text string, spec []byte) {
		var spans []annSpan
		for i := 0; i+2 < len(spec); i += 3 {
			// Offsets range a little past both ends of the text.
			start := int(spec[i])%(len(text)+3) - 1
			end := int(spec[i+1])%(len(text)+3) - 1
			spans = append(spans, hlSpan(layer(spec[i+2])%numLayers, i/3, start, end))
		}
		got := segmentText(text, spans)
		if got.Dropped+len(got.Kept) != len(spans) {
			t.Fatalf("%d kept + %d dropped of %d spans", len(got.Kept), got.Dropped, len(spans))
		}
		pos := 0
		starts, ends := map[annRef]int{}, map[annRef]int{}
		for _, s := range got.Segments {
			if s.Start != pos || s.End <= s.Start || text[s.Start:s.End] != s.Text {
				t.Fatalf("segment %d–%d %q after byte %d", s.Start, s.End, s.Text, pos)
			}
			if want := utf8.RuneCountInString(text[:s.Start]); s.At != want {
				t.Fatalf("segment at byte %d: code point %d, want %d", s.Start, s.At, want)
			}
			var want layerSet
			for _, k := range got.Kept {
				if k.Start <= s.Start && s.End <= k.End {
					want |= 1 << k.Layer
				} else if k.Start < s.End && s.Start < k.End {
					t.Fatalf("span %d–%d cuts segment %d–%d", k.Start, k.End, s.Start, s.End)
				}
			}
			if s.Layers != want {
				t.Fatalf("segment %q: layers %b, want %b", s.Text, s.Layers, want)
			}
			for _, r := range s.Starts {
				starts[r]++
			}
			for _, r := range s.Ends {
				ends[r]++
			}
			pos = s.End
		}
		if pos != len(text) {
			t.Fatalf("segments end at %d of %d bytes", pos, len(text))
		}
		for _, k := range got.Kept {
			if !validSpan(text, k.Start, k.End) {
				t.Fatalf("kept an invalid hlSpan %d–%d", k.Start, k.End)
			}
			if starts[k.annRef] != 1 || ends[k.annRef] != 1 {
				t.Fatalf("span %v starts %d times and ends %d times", k.annRef, starts[k.annRef], ends[k.annRef])
			}
			if k.AtStart != utf8.RuneCountInString(text[:k.Start]) || k.AtEnd != utf8.RuneCountInString(text[:k.End]) {
				t.Fatalf("span %d–%d: code points %d–%d", k.Start, k.End, k.AtStart, k.AtEnd)
			}
		}
	})
}

// BenchmarkSegmentText10k segments a 10,000-hlSpan text: every word of a
// 200 KB text is annotated, some words twice.
func BenchmarkSegmentText10k(b *testing.B) {
	var text strings.Builder
	var spans []annSpan
	for i := 0; text.Len() < 200_000; i++ {
		start := text.Len()
		fmt.Fprintf(&text, "wörd%d ", i)
		if len(spans) < 10_000 {
			spans = append(spans, hlSpan(layer(i)%numLayers, i, start, text.Len()-1))
			if i%3 == 0 {
				spans = append(spans, hlSpan(layerQuote, i, start, text.Len()+4))
			}
		}
		if i%40 == 39 {
			text.WriteString("\n")
		}
	}
	s := text.String()
	b.ReportAllocs()
	for b.Loop() {
		segmentText(s, spans)
	}
}

func TestWriteBreakable(t *testing.T) {
	long := strings.Repeat("A", 100)
	for _, tt := range []struct{ in, want string }{
		{"short words stay as they are", "short words stay as they are"},
		{long, strings.Repeat("A", 40) + "<wbr>" + strings.Repeat("A", 40) + "<wbr>" + strings.Repeat("A", 20)},
		{"<" + strings.Repeat("é", 45), "&lt;" + strings.Repeat("é", 39) + "<wbr>" + strings.Repeat("é", 6)},
		{strings.Repeat("B", 40) + " " + strings.Repeat("C", 40), strings.Repeat("B", 40) + " " + strings.Repeat("C", 40)},
	} {
		var b strings.Builder
		writeBreakable(&b, tt.in)
		if b.String() != tt.want {
			t.Errorf("writeBreakable(%.50q) = %.120q, want %.120q", tt.in, b.String(), tt.want)
		}
	}
}
