package eval

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/shareddata"
)

// A two-sentence document in GUM's CoNLL-U: the first attribution names its
// source, cue and quotation marks in signals; the second has no signals,
// so its source is the attributing unit's subject and its cue the unit's
// head, and its content the unit it attaches to.
const gumAttrFixture = `# newdoc id = test_doc
# sent_id = test_doc-1
# text = "We will stay," the mayor said.
1	"	"	PUNCT	` + "``" + `	_	4	punct	4:punct	Discourse=ROOT:1:0|SpaceAfter=No
2	We	we	PRON	PRP	_	4	nsubj	4:nsubj	_
3	will	will	AUX	MD	_	4	aux	4:aux	_
4	stay	stay	VERB	VB	_	0	root	0:root	SpaceAfter=No
5	,	,	PUNCT	,	_	4	punct	4:punct	SpaceAfter=No
6	"	"	PUNCT	''	_	4	punct	4:punct	_
7	the	the	DET	DT	_	8	det	8:det	Discourse=attribution-positive:2->1:0:sem-atsrc-7-8-_+lex-indwd-9-_+grf-qt-1,6-_
8	mayor	mayor	NOUN	NN	_	9	nsubj	9:nsubj	_
9	said	say	VERB	VBD	_	4	parataxis	4:parataxis	SpaceAfter=No
10	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = test_doc-2
# text = Officials said the road was closed.
1	Officials	official	NOUN	NNS	_	2	nsubj	2:nsubj	Discourse=attribution-positive:3->4:0:_
2	said	say	VERB	VBD	_	0	root	0:root	_
3	the	the	DET	DT	_	4	det	4:det	Discourse=elaboration-additional:4->1:0:_
4	road	road	NOUN	NN	_	6	nsubj	6:nsubj	_
5	was	be	AUX	VBD	_	6	cop	6:cop	_
6	closed	closed	ADJ	JJ	_	2	ccomp	2:ccomp	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	2:punct	_

`

func TestReadGUMAttributions(t *testing.T) {
	docs, err := ReadGUMAttributions(strings.NewReader(gumAttrFixture))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "test_doc" {
		t.Fatalf("documents %+v", docs)
	}
	d := docs[0]
	want := [][3]string{ // source, cue, content
		{"the mayor", "said", `"We will stay,"`},
		{"Officials", "said", "the road was closed."},
	}
	if len(d.Attributions) != len(want) {
		t.Fatalf("%d attributions, want %d", len(d.Attributions), len(want))
	}
	for i, a := range d.Attributions {
		got := [3]string{strings.Join(texts(d.Text, a.Source), "|"), strings.Join(texts(d.Text, a.Cue), "|"), strings.Join(texts(d.Text, a.Content), "|")}
		if got != want[i] {
			t.Errorf("attribution %d: %q, want %q", i, got, want[i])
		}
	}
}

// A document whose first attribution's signal marks only the title of
// "The party's leader Kim Tanaka" (the name is in apposition), whose second
// has a pronoun source that coreference ties to the name, and whose third
// is a caption's media credit.
const gumAttrCorefFixture = `# newdoc id = coref_doc
# sent_id = coref_doc-1
# text = The party's leader Kim Tanaka said taxes rise.
1	The	the	DET	DT	_	2	det	2:det	Discourse=attribution-positive:1->2:0:sem-atsrc-1-4-_+lex-indwd-8-_|Entity=(1-person-new-sssss-cf1-1,2-coref
2	party	party	NOUN	NN	_	4	nmod:poss	4:nmod:poss	SpaceAfter=No
3	's	's	PART	POS	_	2	case	2:case	_
4	leader	leader	NOUN	NN	_	7	nsubj	7:nsubj	_
5	Kim	Kim	PROPN	NNP	_	4	appos	4:appos	_
6	Tanaka	Tanaka	PROPN	NNP	_	5	flat	5:flat	Entity=1)
7	said	say	VERB	VBD	_	0	root	0:root	_
8	taxes	tax	NOUN	NNS	_	9	nsubj	9:nsubj	Discourse=elaboration-additional:2->1:0:_
9	rise	rise	VERB	VBP	_	7	ccomp	7:ccomp	SpaceAfter=No
10	.	.	PUNCT	.	_	7	punct	7:punct	_

# sent_id = coref_doc-2
# text = She said costs fall.
1	She	she	PRON	PRP	_	2	nsubj	2:nsubj	Discourse=attribution-positive:3->4:0:_|Entity=(1-person-giv-sssss-cf1-1-coref)
2	said	say	VERB	VBD	_	0	root	0:root	_
3	costs	cost	NOUN	NNS	_	4	nsubj	4:nsubj	Discourse=elaboration-additional:4->1:0:_
4	fall	fall	VERB	VBP	_	2	ccomp	2:ccomp	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	2:punct	_

# sent_id = coref_doc-3
# text = Image: Kim Tanaka
1	Image	image	NOUN	NN	_	0	root	0:root	Discourse=organization-preparation:5->6:0:_|SpaceAfter=No
2	:	:	PUNCT	:	_	3	punct	3:punct	_
3	Kim	Kim	PROPN	NNP	_	1	dep	1:dep	Discourse=attribution-positive:6->4:0:sem-atsrc-18-19-_
4	Tanaka	Tanaka	PROPN	NNP	_	3	flat	3:flat	_

`

func TestGUMAttributionSources(t *testing.T) {
	docs, err := ReadGUMAttributions(strings.NewReader(gumAttrCorefFixture))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	want := []string{ // each attribution's sources; the media credit is left out
		"The party's leader Kim Tanaka|She",
		"She|The party's leader Kim Tanaka",
	}
	if len(d.Attributions) != len(want) {
		t.Fatalf("%d attributions, want %d", len(d.Attributions), len(want))
	}
	for i, a := range d.Attributions {
		if got := strings.Join(texts(d.Text, a.Source), "|"); got != want[i] {
			t.Errorf("attribution %d: sources %q, want %q", i, got, want[i])
		}
	}
}

func TestParseGUMSignals(t *testing.T) {
	got := parseGUMSignals("sem-atsrc-3-5-_+grf-qt-1,9-_+dm-because of-7-gold+bad+lex-indwd-99-_", 10)
	if s := got["sem-atsrc"]; len(s) != 3 || s[0] != 2 || s[2] != 4 {
		t.Errorf("sem-atsrc %v, want [2 3 4]", s)
	}
	if q := got["grf-qt"]; len(q) != 2 || q[0] != 0 || q[1] != 8 {
		t.Errorf("grf-qt %v, want [0 8]", q)
	}
	if w, ok := got["lex-indwd"]; ok {
		t.Errorf("word 99 of 10 kept: %v", w)
	}
}

// TestGUMAttributionsRealData checks the conversion of the Wikinews part
// of GUM: every document converts, and most attributions have a source, a
// cue and a content inside the text.
func TestGUMAttributionsRealData(t *testing.T) {
	dir := shareddata.Path(t, "ner/gum-news")
	docs, err := ReadGUMAttributionsDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n, withSource int
	for _, d := range docs {
		for _, a := range d.Attributions {
			n++
			if len(a.Source) > 0 {
				withSource++
			}
			for _, c := range a.Content {
				if c.Start < 0 || c.End > len(d.Text) || c.Start >= c.End {
					t.Errorf("%s: content %v outside text", d.ID, c)
				}
			}
		}
	}
	if len(docs) != 24 || n < 200 || withSource < n*9/10 {
		t.Errorf("%d documents, %d attributions, %d with a source", len(docs), n, withSource)
	}
}
