// Command gen writes geo's lexicon/page_points.tsv from a GeoVirus file
// (by default geo/GeoVirus.xml under $SITREP_DATA, else under
// ../../shared/data, which is where the data sits beside a checkout):
//
//	cd geo && go run ./internal/pagepoints/gen -o lexicon/page_points.tsv
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/geo/internal/pagepoints"
)

func main() {
	data := os.Getenv("SITREP_DATA")
	if data == "" {
		data = filepath.Join("..", "..", "shared", "data")
	}
	in := flag.String("geovirus", filepath.Join(data, "geo", "GeoVirus.xml"), "GeoVirus XML file")
	out := flag.String("o", "", "output TSV")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "pagepoints:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	if in == "" || out == "" {
		return fmt.Errorf("need -geovirus and -o")
	}
	arts, err := eval.ReadGeoVirus(in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pagepoints.Write(&buf, filepath.Base(in), pagepoints.Learn(gazetteer.Default(), arts)); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
