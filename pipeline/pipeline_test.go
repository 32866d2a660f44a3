package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/demo"
)

type upper struct{ seen *[]string }

func (upper) Name() string    { return "upper" }
func (upper) Version() string { return "2" }
func (u upper) Annotate(d *sitrep.Doc) error {
	*u.seen = append(*u.seen, "upper")
	d.Entities = append(d.Entities, sitrep.Entity{Span: sitrep.Span{Start: 0, End: 3}, Text: d.Text[:3], Type: "MISC"})
	return nil
}

type after struct{ seen *[]string }

func (after) Name() string { return "after" }
func (a after) Annotate(d *sitrep.Doc) error {
	*a.seen = append(*a.seen, fmt.Sprintf("after saw %d entities", len(d.Entities)))
	return nil
}

type panicky struct{}

func (panicky) Name() string                 { return "panicky" }
func (panicky) Annotate(d *sitrep.Doc) error { panic("index out of range") }

type failing struct{}

func (failing) Name() string                 { return "failing" }
func (failing) Annotate(d *sitrep.Doc) error { return errors.New("model missing") }

func TestRunInOrder(t *testing.T) {
	var seen []string
	p := New(upper{&seen}, after{&seen})
	d, err := p.Run(context.Background(), sitrep.Article{Text: "Hello world"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(seen, ", "); got != "upper, after saw 1 entities" {
		t.Errorf("annotators ran as %q", got)
	}
	if d.Text != "Hello world" || len(d.Entities) != 1 {
		t.Errorf("doc = %+v", d)
	}
	if p.Version() != "upper@2+after" {
		t.Errorf("Version() = %q", p.Version())
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		an   sitrep.Annotator
		want string
	}{
		{"a panic becomes an error naming the annotator", panicky{}, "annotate a.txt: panicky: panic: index out of range"},
		{"an error is wrapped with the article and annotator", failing{}, "annotate a.txt: failing: model missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.an).Run(context.Background(), sitrep.Article{URL: "a.txt", Text: "x"})
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Default().Run(ctx, sitrep.Article{Text: "x"}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestRunBatchKeepsOrder(t *testing.T) {
	var arts []sitrep.Article
	for i := range 100 {
		arts = append(arts, sitrep.Article{URL: fmt.Sprint(i), Text: strings.Repeat("word ", i+1)})
	}
	res := Default().RunBatch(context.Background(), arts, 4)
	for i, r := range res {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		if r.Doc.URL != fmt.Sprint(i) || len(r.Doc.Tokens) != i+1 {
			t.Fatalf("result %d is for %s with %d tokens", i, r.Doc.URL, len(r.Doc.Tokens))
		}
	}
}

func TestDefaultTokenizes(t *testing.T) {
	d, err := Default().Run(context.Background(), sitrep.Article{Text: "US forces struck. Nine died."})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tokens) != 7 || len(d.Sentences) != 2 {
		t.Errorf("got %d tokens, %d sentences", len(d.Tokens), len(d.Sentences))
	}
}

// TestBatchMatchesOneByOne runs the default pipeline over the demo corpus
// on four goroutines and one by one: the layers must be the same, so no
// annotator shares state between articles (CI runs this under -race).
func TestBatchMatchesOneByOne(t *testing.T) {
	files, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var arts []sitrep.Article
	for _, f := range files {
		a, err := article.Parse(article.Input{Body: f.Body, URL: f.URL, ContentType: "text/plain"})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	p := Default()
	ctx := context.Background()
	batch := p.RunBatch(ctx, arts, 4)
	facts := 0
	for i, a := range arts {
		one, err := p.Run(ctx, a)
		if err != nil || batch[i].Err != nil {
			t.Fatalf("%s: %v / %v", a.URL, err, batch[i].Err)
		}
		want, _ := json.Marshal(one.Contract(p.Version()))
		got, _ := json.Marshal(batch[i].Doc.Contract(p.Version()))
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the batch's layers differ from a run of its own", a.URL)
		}
		facts += len(one.Quotes) + len(one.Quantities) + len(one.Times) + len(one.Places) + len(one.Sourcing)
	}
	if facts == 0 {
		t.Error("the default pipeline found no facts in the whole demo corpus")
	}
}
