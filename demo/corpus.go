// Package demo holds the sample corpus that `sitrep demo` ingests: the seed
// article and 30 Wikinews reports (CC BY 2.5; see corpus/CREDITS.md).
package demo

import (
	"bufio"
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/sitrep/sitrep"
)

//go:embed corpus/*.txt corpus/urls.tsv
var corpus embed.FS

// Article is one bundled article file.
type Article struct {
	Name string // file name in the corpus
	URL  string // where it was published, or its path in this repository when unknown
	Body []byte
}

// Corpus returns the bundled articles in file-name order.
func Corpus() ([]Article, error) {
	tsv, err := corpus.ReadFile("corpus/urls.tsv")
	if err != nil {
		return nil, err
	}
	urls := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	for sc.Scan() {
		name, u, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("demo corpus urls.tsv: line %q has no tab", sc.Text())
		}
		urls[name] = u
	}
	files, err := fs.Glob(corpus, "corpus/*.txt")
	if err != nil {
		return nil, err
	}
	out := make([]Article, 0, len(files))
	for _, f := range files {
		body, err := corpus.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := path.Base(f)
		u := urls[name]
		if u == "" {
			u = "demo/" + f
		}
		out = append(out, Article{Name: name, URL: u, Body: body})
	}
	return out, nil
}

// FilingOrder orders articles as the demo files them into stories: oldest
// published first, undated last, then by URL and ID, so that the same
// articles always make the same stories with the same IDs.
func FilingOrder(a, b *sitrep.Doc) int {
	if az, bz := a.Published.IsZero(), b.Published.IsZero(); az != bz {
		if az {
			return 1
		}
		return -1
	}
	return cmp.Or(a.Published.Compare(b.Published), strings.Compare(a.URL, b.URL), strings.Compare(a.ID, b.ID))
}
