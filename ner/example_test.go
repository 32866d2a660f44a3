package ner_test

import (
	"fmt"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// Tag one tokenized sentence with the embedded model.
func ExampleTagger_Tag() {
	words := strings.Fields("Mexican President Claudia Sheinbaum spoke to Reuters in Mexico City .")
	fmt.Println(ner.Default().Tag(words))
	// Output: [B-MISC O B-PER I-PER O O B-ORG O B-LOC I-LOC O]
}

// Annotate a whole article: tokens and sentences first, then entities with
// their canonical names and per-document keys.
func ExampleAnnotator() {
	d := sitrep.NewDoc(sitrep.Article{Text: "US President Donald Trump spoke on Monday. " +
		"Trump said the United States would act."})
	text.Annotator{}.Annotate(d)
	ner.Annotator{}.Annotate(d)
	for _, e := range d.Entities {
		fmt.Printf("%-13s %-6s %-13s %s\n", e.Text, e.Type, e.Name, e.Key)
	}
	// Output:
	// US            LOC    United States loc:united states
	// Donald Trump  PERSON Donald Trump  person:donald trump
	// Trump         PERSON Donald Trump  person:donald trump
	// United States LOC    United States loc:united states
}
