package ner

import (
	"strings"
	"testing"
)

// bio and fromBIO let the consistency tests read as tag strings.
func fromBIO(tags string) []int { return toBILOU(strings.Fields(tags)) }

func bio(labels []int) string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = bioTags[l]
	}
	return strings.Join(out, " ")
}

func TestConsistent(t *testing.T) {
	tests := []struct {
		name       string
		sentences  []string // words separated by spaces, one string a sentence
		tags, want []string // BIO tags per sentence
	}{
		{"a surname named in full elsewhere is that person",
			[]string{"Donald Trump spoke .", "The Trump administration acted .", "Trump left ."},
			[]string{"B-PER I-PER O O", "O B-ORG I-ORG O O", "B-ORG O O"},
			[]string{"B-PER I-PER O O", "O B-PER O O O", "B-PER O O"}},
		{"a known organization spelled with one word wrong",
			[]string{"cartels like Torren de Aragua ."},
			[]string{"O O B-PER I-PER I-PER O"},
			[]string{"O O B-ORG I-ORG I-ORG O"}},
		{"a name straddling the organization's edge is left alone",
			[]string{"the Islamic State Department said"},
			[]string{"O B-MISC B-ORG I-ORG O"},
			[]string{"O B-MISC B-ORG I-ORG O"}},
		{"a common word opening a sentence is not a name on its capital alone",
			[]string{"Cocaine , heroin , fentanyl .", "China said so ."},
			[]string{"B-PER O O O O O", "B-LOC O O O"},
			[]string{"O O O O O O", "B-LOC O O O"}},
		{"a known organization opening a sentence stays one",
			[]string{"Congress passed the bill .", "Pentagon officials said so ."},
			[]string{"B-ORG O O O O", "B-ORG O O O O"},
			[]string{"B-ORG O O O O", "B-ORG O O O O"}},
		{"a country keeps its place beside a person of that surname",
			[]string{"Michael Jordan travelled to Jordan .", "He met Jordan ."},
			[]string{"B-PER I-PER O O B-LOC O", "O O B-ORG O"},
			[]string{"B-PER I-PER O O B-LOC O", "O O B-PER O"}},
		{"a common word capitalized mid-sentence elsewhere stays a name",
			[]string{"Brown said so .", "He met Brown ."},
			[]string{"B-PER O O O", "O O B-PER O"},
			[]string{"B-PER O O O", "O O B-PER O"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sents [][]string
			var labels [][]int
			for i, s := range tt.sentences {
				sents = append(sents, strings.Fields(s))
				labels = append(labels, fromBIO(tt.tags[i]))
			}
			var fs [][]form
			for _, w := range sents {
				fs = append(fs, forms(w))
			}
			Default().consistent(sents, fs, labels)
			for i := range labels {
				if got := bio(labels[i]); got != tt.want[i] {
					t.Errorf("%q:\n got %s\nwant %s", tt.sentences[i], got, tt.want[i])
				}
			}
		})
	}
}
