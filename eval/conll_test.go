package eval

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Sentence
	}{
		{"two sentences, extra columns ignored",
			"EU NNP B-ORG\nrejects VBZ O\n\nPeter NNP B-PER\nBlackburn NNP I-PER\n",
			[]Sentence{{Words: []string{"EU", "rejects"}, Tags: []string{"B-ORG", "O"}},
				{Words: []string{"Peter", "Blackburn"}, Tags: []string{"B-PER", "I-PER"}}}},
		{"IOB1 becomes BIO",
			"Peter I-PER\nBlackburn I-PER\nsaw O\nParis I-LOC\nRome I-ORG\n",
			[]Sentence{{Words: []string{"Peter", "Blackburn", "saw", "Paris", "Rome"},
				Tags: []string{"B-PER", "I-PER", "O", "B-LOC", "B-ORG"}}}},
		{"DOCSTART marks the next sentence",
			"-DOCSTART- -X- O\n\nA O\n\nB O\n\n-DOCSTART- -X- O\n\nC O\n",
			[]Sentence{{Words: []string{"A"}, Tags: []string{"O"}, DocStart: true},
				{Words: []string{"B"}, Tags: []string{"O"}},
				{Words: []string{"C"}, Tags: []string{"O"}, DocStart: true}}},
		{"empty input", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"word\n", `line 1: want "token TAG"`},
		{"a O\nb X-PER\n", `line 2: bad tag "X-PER"`},
		{"a O\nb B\n", `line 2: bad tag "B"`},
	}
	for _, tt := range tests {
		_, err := ReadCoNLL(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ReadCoNLL(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		tags []string
		want []Chunk
	}{
		{[]string{"O", "O"}, nil},
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"B-PER", "B-PER"}, []Chunk{{0, 1, "PER"}, {1, 2, "PER"}}},
		// conlleval opens an entity at an I- tag that continues nothing.
		{[]string{"I-ORG", "I-ORG", "I-LOC"}, []Chunk{{0, 2, "ORG"}, {2, 3, "LOC"}}},
	}
	for _, tt := range tests {
		if got := Chunks(tt.tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Chunks(%v) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestScoreNER(t *testing.T) {
	gold := [][]string{{"B-PER", "I-PER", "O", "B-LOC"}, {"B-ORG", "O"}}
	pred := [][]string{{"B-PER", "O", "O", "B-LOC"}, {"B-ORG", "B-MISC"}}
	rep, err := ScoreNER(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	// Gold: PER, LOC, ORG. Predicted: PER (wrong span), LOC, ORG, MISC.
	if o := rep.Overall; o.Gold != 3 || o.Predicted != 4 || o.Hits != 2 {
		t.Errorf("overall = %+v, want 3 gold, 4 predicted, 2 hits", o)
	}
	if got := rep.Overall.F1(); got < 0.571 || got > 0.572 { // P 2/4, R 2/3
		t.Errorf("F1 = %.4f, want 0.5714", got)
	}
	byType := map[string]NERScore{}
	for _, s := range rep.Types {
		byType[s.Type] = s
	}
	if s := byType["PER"]; s.Hits != 0 || s.Gold != 1 || s.Predicted != 1 {
		t.Errorf("PER = %+v: a span that misses a word is not a hit", s)
	}
	if s := byType["MISC"]; s.Precision() != 0 || s.Recall() != 0 || s.F1() != 0 {
		t.Errorf("MISC = %+v, want all zero", s)
	}
	if rep.CorrectTokens != 4 || rep.Tokens != 6 {
		t.Errorf("tokens %d/%d correct, want 4/6", rep.CorrectTokens, rep.Tokens)
	}
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "FB1:  57.14") {
		t.Errorf("report does not show overall FB1 57.14:\n%s", buf.String())
	}
	if _, err := ScoreNER(gold, pred[:1]); err == nil {
		t.Error("sentence count mismatch: no error")
	}
	if _, err := ScoreNER(gold, [][]string{{"O"}, {"O", "O"}}); err == nil {
		t.Error("tag count mismatch: no error")
	}
}

func TestDocuments(t *testing.T) {
	s := func(words ...string) Sentence { return Sentence{Words: words} }
	sents := []Sentence{
		s("SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", "."),
		s("AL-AIN", ",", "United", "Arab", "Emirates", "1996-12-06"),
		s("Japan", "began", "."),
		s("Nadim", "Ladki"),
		s("BRUSSELS", "1996-08-22"),
		s("The", "EU", "said", "."),
	}
	docs := Documents(sents)
	if len(docs) != 2 || len(docs[0]) != 3 || len(docs[1]) != 3 {
		t.Fatalf("got %d documents of sizes %v, want 2 of 3 sentences: each starts at the headline before its dateline", len(docs), sizes(docs))
	}
	if docs[1][0].Words[0] != "Nadim" {
		t.Errorf("second document starts with %q, want the headline before the dateline", docs[1][0].Words[0])
	}
	marked := []Sentence{{Words: []string{"a"}, DocStart: true}, {Words: []string{"b"}}, {Words: []string{"X", "1996-08-22"}, DocStart: true}}
	if docs := Documents(marked); len(docs) != 2 || len(docs[0]) != 2 {
		t.Errorf("-DOCSTART- marks win over datelines: got sizes %v, want [2 1]", sizes(docs))
	}
	if docs := Documents(nil); len(docs) != 0 {
		t.Errorf("no sentences: %d documents", len(docs))
	}
}

func sizes(docs [][]Sentence) []int {
	var out []int
	for _, d := range docs {
		out = append(out, len(d))
	}
	return out
}

func TestWritePredictions(t *testing.T) {
	sents := []Sentence{{Words: []string{"Peter", "ran"}, Tags: []string{"B-PER", "O"}}, {Words: []string{"Paris"}, Tags: []string{"B-LOC"}}}
	var buf bytes.Buffer
	if err := WritePredictions(&buf, sents, [][]string{{"B-PER", "O"}, {"B-ORG"}}); err != nil {
		t.Fatal(err)
	}
	want := "Peter B-PER B-PER\nran O O\n\nParis B-LOC B-ORG\n\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	// What was written reads back as gold (the last column) for conlleval-style rescoring.
	back, err := ReadCoNLL(&buf)
	if err != nil || len(back) != 2 || back[1].Tags[0] != "B-ORG" {
		t.Errorf("read back %+v, %v", back, err)
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("EU B-ORG\nrejects O\n\n-DOCSTART- O\nI-PER I-PER\n")
	f.Add("a\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) != len(s.Tags) {
				t.Fatalf("%d words, %d tags", len(s.Words), len(s.Tags))
			}
			for _, c := range Chunks(s.Tags) {
				if c.Start < 0 || c.End > len(s.Tags) || c.Start >= c.End {
					t.Fatalf("bad chunk %+v", c)
				}
			}
		}
		Documents(sents)
	})
}
