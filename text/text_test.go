package text

import (
	"os"
	"strings"
	"testing"
)

func words(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		out = append(out, t.In(s))
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "Trump told reporters.", []string{"Trump", "told", "reporters", "."}},
		{"dotted acronym keeps its period", "with U.S. intelligence", []string{"with", "U.S.", "intelligence"}},
		{"acronym at the end of a sentence", "in the U.S.", []string{"in", "the", "U.S."}},
		{"title abbreviation", "Gen. Smith", []string{"Gen.", "Smith"}},
		{"month abbreviation", "on Jan. 5", []string{"on", "Jan.", "5"}},
		{"initial", "George W. Bush", []string{"George", "W.", "Bush"}},
		{"decimal and thousands", "3.5 per cent of 1,200", []string{"3.5", "per", "cent", "of", "1,200"}},
		{"sentence-final number", "killed 80.", []string{"killed", "80", "."}},
		{"hyphenated words stay whole", "al-Qaeda war-like non-international", []string{"al-Qaeda", "war-like", "non-international"}},
		{"curly possessive is split", "Mexico’s cartels", []string{"Mexico", "’s", "cartels"}},
		{"straight possessive is split", "Trump's remarks", []string{"Trump", "'s", "remarks"}},
		{"negation clitic", "don't", []string{"do", "n't"}},
		{"curly negation clitic", "didn’t", []string{"did", "n’t"}},
		{"contraction", "I’m talking", []string{"I", "’m", "talking"}},
		{"name with apostrophe stays whole", "O'Brien", []string{"O'Brien"}},
		{"curly quotes are tokens", "“war-like”", []string{"“", "war-like", "”"}},
		{"quote closed after comma", "fine,” he said", []string{"fine", ",", "”", "he", "said"}},
		{"em dash", "cartels—and", []string{"cartels", "—", "and"}},
		{"ellipsis", "wait... no", []string{"wait", "...", "no"}},
		{"time of day", "at 10:30 GMT", []string{"at", "10:30", "GMT"}},
		{"ISO date", "on 2025-11-18", []string{"on", "2025-11-18"}},
		{"money", "$5 million", []string{"$", "5", "million"}},
		{"percent", "20%", []string{"20", "%"}},
		{"URL", "see https://example.org/a.html.", []string{"see", "https://example.org/a.html", "."}},
		{"ampersand in acronym", "AT&T and B & Q", []string{"AT&T", "and", "B", "&", "Q"}},
		{"accented and non-Latin", "Sheinbaum’s México Кремль", []string{"Sheinbaum", "’s", "México", "Кремль"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := words(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	s := "At least 80 people, 1,200 boats."
	var kinds []string
	for _, tok := range Tokenize(s) {
		kinds = append(kinds, [...]string{"W", "N", "P"}[tok.Kind])
	}
	if got, want := strings.Join(kinds, ""), "WWNWPNWP"; got != want {
		t.Errorf("kinds = %s, want %s", got, want)
	}
}

func sentences(s string) []string {
	var out []string
	for _, sp := range Sentences(s, Tokenize(s)) {
		out = append(out, sp.In(s))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two sentences", "He spoke. She left.", []string{"He spoke.", "She left."}},
		{"question inside a quote",
			"“Will we go on strike in Mexico to stop drugs? That’s fine. I’m talking to Mexico,” he told reporters.",
			[]string{"“Will we go on strike in Mexico to stop drugs?", "That’s fine.", "I’m talking to Mexico,” he told reporters."}},
		{"closing quote stays with its sentence", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
		{"quote followed by lowercase attribution", "“Why?” he asked.", []string{"“Why?” he asked."}},
		{"acronym inside a sentence", "jointly with U.S. intelligence agencies. The report said", []string{"jointly with U.S. intelligence agencies.", "The report said"}},
		{"acronym before a name", "the U.S. President spoke.", []string{"the U.S. President spoke."}},
		{"acronym ending a sentence", "troops left the U.S. The war ended.", []string{"troops left the U.S.", "The war ended."}},
		{"title abbreviation", "Gen. Smith arrived. He spoke.", []string{"Gen. Smith arrived.", "He spoke."}},
		{"decimal", "Growth was 3.5 per cent. Prices rose.", []string{"Growth was 3.5 per cent.", "Prices rose."}},
		{"line break ends a sentence", "Recommended stories\nlist of 4 items", []string{"Recommended stories", "list of 4 items"}},
		{"lowercase after period continues", "e.g. this one.", []string{"e.g. this one."}},
		{"no final period", "A headline without a period", []string{"A headline without a period"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(tt.in)
			if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
				t.Errorf("Sentences(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
}

// Offsets must always cover the text exactly as written, whatever it holds.
func checkInvariants(t *testing.T, s string) {
	t.Helper()
	toks := Tokenize(s)
	prev := 0
	for _, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
			t.Fatalf("bad token %+v after %d in %q", tok, prev, s)
		}
		if strings.TrimSpace(s[prev:tok.Start]) != "" {
			t.Fatalf("text %q between tokens was skipped in %q", s[prev:tok.Start], s)
		}
		prev = tok.End
	}
	if strings.TrimSpace(s[prev:]) != "" {
		t.Fatalf("trailing text %q was skipped", s[prev:])
	}
	prev = 0
	for _, sp := range Sentences(s, toks) {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("bad sentence %+v in %q", sp, s)
		}
		prev = sp.End
	}
}

func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile("../demo/corpus/strikes-mexico-2025-11-18.txt") // the seed article, bundled
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	checkInvariants(t, s)
	got := sentences(s)
	for _, want := range []string{
		"The report said the operation would focus on drone attacks on pharmaceutical laboratories and cartel members in Mexico.",
		"He described the situation as “war-like” as cartels were killing “hundreds of thousands” of Americans with drugs and other drugs.",
		"Cocaine, heroin, methamphetamine, fentanyl.",
	} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("sentence not found: %q", want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S. forces", "don't", "“Hi,” he said.", "1,200.5", "a\xffb", "’s’’s", "http://", "www.", "...!?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkInvariants(t, s) })
}

func BenchmarkTokenize(b *testing.B) {
	data, err := os.ReadFile("../demo/corpus/strikes-mexico-2025-11-18.txt") // the seed article, bundled
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	n := len(Tokenize(s))
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		toks := Tokenize(s)
		Sentences(s, toks)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
