// Command mkcorpus writes the benchmark text of bench/nerpeers: the main
// text of each article of the bundled demo corpus (demo.Corpus, read with
// article.Parse as `sitrep demo` reads it), repeated until the output holds
// at least -min-bytes. Paragraphs are on lines of their own and articles are
// separated by an empty line, so every tool reads the same text: the peers
// paragraph by paragraph (one line each), sitrep article by article.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/demo"
)

func main() {
	minBytes := flag.Int("min-bytes", 1_500_000, "write whole copies of the corpus until at least this many bytes")
	out := flag.String("out", "", "output file (standard output when empty)")
	flag.Parse()
	if err := run(*minBytes, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkcorpus:", err)
		os.Exit(1)
	}
}

func run(minBytes int, out string) error {
	arts, err := demo.Corpus()
	if err != nil {
		return err
	}
	var texts []string
	for _, a := range arts {
		x, err := article.Parse(article.Input{Body: a.Body, URL: a.URL, ContentType: "text/plain"})
		if err != nil {
			return fmt.Errorf("%s: %w", a.Name, err)
		}
		// One paragraph a line, no empty lines inside an article.
		var paras []string
		for p := range strings.SplitSeq(x.Text, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		if len(paras) > 0 {
			texts = append(texts, strings.Join(paras, "\n"))
		}
	}
	if len(texts) == 0 {
		return fmt.Errorf("the demo corpus gave no text")
	}
	f := os.Stdout
	if out != "" {
		if f, err = os.Create(out); err != nil {
			return err
		}
	}
	w := bufio.NewWriter(f)
	n, copies := 0, 0
	for n < minBytes || copies == 0 {
		for _, t := range texts {
			if n > 0 {
				w.WriteString("\n\n")
				n += 2
			}
			w.WriteString(t)
			n += len(t)
		}
		copies++
	}
	w.WriteString("\n")
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "mkcorpus: %d articles × %d copies, %d bytes\n", len(texts), copies, n+1)
	if out != "" {
		return f.Close()
	}
	return nil
}
