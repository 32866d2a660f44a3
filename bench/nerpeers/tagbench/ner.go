//go:build !noner

package main

import (
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ner"
)

// nerAnnotator returns sitrep's entity annotator.
func nerAnnotator() sitrep.Annotator { return &ner.Annotator{} }
