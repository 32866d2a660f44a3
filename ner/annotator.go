package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// maxSentence is the longest run of tokens tagged as one sentence. Real
// sentences are far shorter (CoNLL-2003's longest has 124 tokens); text with
// no sentence breaks at all, such as a 50 MB line, is tagged in pieces of
// this size.
const maxSentence = 250

// maxDocument is the most tokens tagged as one document: the document stage
// keeps ~90 bytes a token, so a hostile 50 MB text is tagged in parts of
// this size (about 9 MB of state each). Real articles are far shorter.
const maxDocument = 100_000

// Annotator fills Doc.Entities from Doc.Tokens and Doc.Sentences (so it runs
// after the text annotator): it tags every sentence with the tagger, using
// the whole document for consistency, then links the mentions of each entity
// and gives them a canonical name and a key.
type Annotator struct {
	// Tagger is the tagger to use; nil means Default().
	Tagger *Tagger
}

// Name implements sitrep.Annotator.
func (Annotator) Name() string { return "ner" }

// Version names the embedded model by the start of its SHA-256, so that
// stored annotations say which model made them, and then the linker's
// revision, which the model's hash does not see: "693bac74.2".
func (a Annotator) Version() string {
	if a.Tagger != nil && a.Tagger != Default() {
		return "custom." + linkVersion
	}
	return embeddedVersion() + "." + linkVersion
}

// linkVersion changes whenever Link's output for some input does
// (2: ranks before a person are no entities).
const linkVersion = "2"

var embeddedVersion = sync.OnceValue(func() string {
	sum := sha256.Sum256(embedded)
	return hex.EncodeToString(sum[:4])
})

// Annotate implements sitrep.Annotator.
func (a Annotator) Annotate(d *sitrep.Doc) error {
	t := a.Tagger
	if t == nil {
		t = Default()
	}
	d.Entities = LinkWith(d.Text, d.Tokens, t.Entities(d.Text, d.Tokens, d.Sentences), placeName)
	return nil
}

// placeName names a place mention as the gazetteer does ("U.S." → "United
// States", "Caribbean" → "Caribbean Sea"); organizations are left to Link.
func placeName(typ, mention string) (string, bool) {
	if typ != "LOC" {
		return "", false
	}
	if es := gazetteer.Default().Lookup(mention); len(es) > 0 {
		return es[0].Name, true
	}
	return "", false
}

// Entities tags a tokenized text and returns its entity mentions in order,
// with Span, Text and Type (PERSON, ORG, LOC or MISC) set; Name and Key are
// left to Link.
func (t *Tagger) Entities(text string, toks []sitrep.Token, sentences []sitrep.Span) []sitrep.Entity {
	// Sentences as runs of token indices, cut to maxSentence.
	type run struct{ from, to int }
	var runs []run
	k := 0
	for _, s := range sentences {
		for k < len(toks) && toks[k].Start < s.Start {
			k++
		}
		from := k
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		for from < k {
			to := min(from+maxSentence, k)
			runs = append(runs, run{from, to})
			from = to
		}
	}
	// Documents longer than maxDocument tokens are tagged in parts, each
	// with its own words and labels, so that memory beyond the tokens stays
	// bounded.
	var out []sitrep.Entity
	for from := 0; from < len(runs); {
		to, n := from, 0
		for to < len(runs) && (to == from || n+runs[to].to-runs[to].from <= maxDocument) {
			n += runs[to].to - runs[to].from
			to++
		}
		part := runs[from:to]
		words := make([][]string, len(part))
		for i, r := range part {
			words[i] = make([]string, r.to-r.from)
			for j := range words[i] {
				words[i][j] = toks[r.from+j].In(text)
			}
		}
		for i, ls := range t.documentLabels(words) {
			r := part[i]
			for j := 0; j < len(ls); j++ {
				if ls[j] == labelO {
					continue
				}
				typ, end := labelType(ls[j]), j
				for end+1 < len(ls) && labelPosition(ls[end]) != posU && labelPosition(ls[end]) != posL {
					end++
				}
				span := sitrep.Span{Start: toks[r.from+j].Start, End: toks[r.from+end].End}
				out = append(out, sitrep.Entity{Span: span, Text: span.In(text), Type: contractTypes[typ]})
				j = end
			}
		}
		from = to
	}
	return out
}

// contractTypes are the entity types of the extraction contract, by type index.
var contractTypes = [nTypes]string{"PERSON", "ORG", "LOC", "MISC"}
