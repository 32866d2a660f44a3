// Command trafilatura-alone extracts HTML pages with go-trafilatura alone
// (html.Parse + trafilatura.ExtractDocument, with article.Parse's options:
// see package bench/alone) on a pool of goroutines, and prints how many
// pages it did and how fast: the baseline `sitrep extract` and `sitrep
// ingest` are compared with in bench/run.sh.
//
//	trafilatura-alone -workers 2 pages/          # every .html in a directory
//	trafilatura-alone -workers 1 a.html b.html   # the files given
//
// Like sitrep, it reads each file as it goes, so file reading is in both.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep/bench/alone"
)

func main() {
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "pages extracted at once")
	flag.Parse()
	if flag.NArg() == 0 || *workers <= 0 {
		fmt.Fprintln(os.Stderr, "usage: trafilatura-alone [-workers N] FILE|DIR...")
		os.Exit(2)
	}
	files, err := expand(flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "trafilatura-alone:", err)
		os.Exit(1)
	}

	start := time.Now()
	var failed, textBytes atomic.Int64
	next := make(chan string)
	var wg sync.WaitGroup
	for range min(*workers, max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				page, err := os.ReadFile(f)
				if err == nil {
					var n int
					n, err = alone.Extract(page)
					textBytes.Add(int64(n))
				}
				if err != nil {
					failed.Add(1)
					fmt.Fprintf(os.Stderr, "trafilatura-alone: %s: %v\n", f, err)
				}
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	secs := time.Since(start).Seconds()

	fmt.Printf("pages %d  failed %d  text %d bytes  seconds %.3f  articles/s %.1f  workers %d\n",
		len(files), failed.Load(), textBytes.Load(), secs, float64(len(files))/secs, *workers)
	if failed.Load() > 0 {
		os.Exit(1)
	}
}

// expand lists the files given, and the .html/.htm files of the directories
// given (not recursively), each directory's in name order.
func expand(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		ents, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, e := range ents {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if e.Type().IsRegular() && (ext == ".html" || ext == ".htm") {
				names = append(names, filepath.Join(a, e.Name()))
			}
		}
		sort.Strings(names)
		files = append(files, names...)
	}
	return files, nil
}
