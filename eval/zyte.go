package eval

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
)

// ZyteItem is one page of the Zyte article-extraction benchmark. The page
// itself stays on disk until HTML is called, so that a run holds one page
// per worker in memory rather than the whole set.
type ZyteItem struct {
	ID  string
	URL string
	// Body is the gold article body.
	Body string
	// HTMLPath is DIR/html/<ID>.html.gz.
	HTMLPath string
}

// HTML reads and decompresses the item's page.
func (it ZyteItem) HTML() ([]byte, error) {
	f, err := os.Open(it.HTMLPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", it.HTMLPath, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", it.HTMLPath, err)
	}
	return b, nil
}

// ReadZyte reads the benchmark laid out as the benchmark's repository lays
// it out: DIR/ground-truth.json, an object {"<id>": {"articleBody": ...,
// "url": ...}}, beside DIR/html/<id>.html.gz. Items come sorted by ID. A
// missing articleBody is an empty gold text, as in evaluate.py; a missing
// page is an error.
func ReadZyte(dir string) ([]ZyteItem, error) {
	path := filepath.Join(dir, "ground-truth.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read zyte benchmark: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("read zyte benchmark %s: %w", path, err)
	}
	items := make([]ZyteItem, 0, len(gt))
	for id, g := range gt {
		it := ZyteItem{ID: id, URL: g.URL, Body: g.ArticleBody, HTMLPath: filepath.Join(dir, "html", id+".html.gz")}
		if _, err := os.Stat(it.HTMLPath); err != nil {
			return nil, fmt.Errorf("read zyte benchmark: item %q: %w", id, err)
		}
		items = append(items, it)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	return items, nil
}

// Extractor returns the article body of a page. EvalZyte calls it from
// several goroutines at once.
type Extractor func(html []byte, url string) (string, error)

// EvalZyte runs extract over the benchmark in dir and scores it. An item
// whose extraction fails is scored as an empty prediction and counted in
// Failures; a page that cannot be read, or a cancelled ctx, stops the run
// with an error.
func EvalZyte(ctx context.Context, dir string, extract Extractor) (ExtractionReport, error) {
	items, err := ReadZyte(dir)
	if err != nil {
		return ExtractionReport{}, err
	}
	scores := make([]ItemScore, len(items))
	errs := make([]error, len(items))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(items))) {
		wg.Go(func() {
			for i := range jobs {
				scores[i], errs[i] = evalItem(items[i], extract)
			}
		})
	}
feed:
	for i := range items {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return ExtractionReport{}, fmt.Errorf("eval zyte %s: %w", dir, err)
	}
	for _, err := range errs {
		if err != nil {
			return ExtractionReport{}, fmt.Errorf("eval zyte %s: %w", dir, err)
		}
	}
	return NewExtractionReport(scores, 1), nil
}

func evalItem(it ZyteItem, extract Extractor) (ItemScore, error) {
	page, err := it.HTML()
	if err != nil {
		return ItemScore{}, err
	}
	pred, xerr := safeExtract(extract, page, it.URL)
	if xerr != nil {
		pred = ""
	}
	return ItemScore{ID: it.ID, URL: it.URL, PRF: ScoreExtraction(it.Body, pred), Err: xerr}, nil
}

// safeExtract turns a panic of the extractor into the item's failure: one
// pathological page must not cost the run over all the others, and the
// report names it.
func safeExtract(extract Extractor, page []byte, url string) (pred string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("extractor panicked: %v", p)
		}
	}()
	return extract(page, url)
}
