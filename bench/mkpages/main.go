// Command mkpages writes N realistic HTML news pages, built from the bundled
// demo corpus by package bench/pages, into a directory: the input of
// bench/run.sh and of the ingest benchmarks.
//
//	go run ./bench/mkpages -n 1000 -out /tmp/pages
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/bench/pages"
)

func main() {
	n := flag.Int("n", pages.DefaultN, "number of pages to write")
	out := flag.String("out", "pages", "directory to write page-NNNNN.html files into (created if missing)")
	flag.Parse()
	if *n < 0 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := pages.Write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "mkpages:", err)
		os.Exit(1)
	}
	fmt.Printf("mkpages: wrote %d pages to %s\n", *n, *out)
}
