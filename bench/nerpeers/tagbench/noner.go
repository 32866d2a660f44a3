//go:build noner

package main

import "github.com/sitrep/sitrep"

// nerAnnotator: built with -tags noner, while the ner package does not
// compile; run.sh then measures every tool but sitrep's entity tagging.
func nerAnnotator() sitrep.Annotator { return nil }
