//go:build !unix

package ingest

import "os"

// lockFile does not lock where flock is missing (Windows, Plan 9, wasm):
// there, do not run two ingests into one database at once.
func lockFile(*os.File) error { return nil }
