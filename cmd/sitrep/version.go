package main

import (
	"fmt"
	"runtime/debug"

	"github.com/sitrep/sitrep/pipeline"
)

type versionCmd struct{}

func (versionCmd) Run(e *env) error {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	fmt.Fprintf(e.stdout, "sitrep %s\npipeline %s\n", v, pipeline.Default().Version())
	return nil
}
