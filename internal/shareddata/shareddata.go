// Package shareddata finds the gold data (../shared/data beside the
// repository) for tests and benchmarks, which skip when it is absent: the
// data is not part of the repository, and a fresh clone must still pass.
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the data directory: $SITREP_DATA when set, else
// ../shared/data beside the repository. It returns "" when neither exists.
func Dir() string {
	if d := os.Getenv("SITREP_DATA"); d != "" {
		if isDir(d) {
			return d
		}
		return ""
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <repo>/internal/shareddata/shareddata.go.
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data")
	if isDir(d) {
		return filepath.Clean(d)
	}
	return ""
}

// Path returns the path of rel inside the data directory, or skips tb with
// a message naming what is missing.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		tb.Skipf("gold data not found (set SITREP_DATA or put it in ../shared/data): %s is needed", rel)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("gold data: %v", err)
	}
	return p
}

func isDir(d string) bool {
	fi, err := os.Stat(d)
	return err == nil && fi.IsDir()
}
