// Package cputime reads the CPU time the process has used, user and system,
// over all its threads: a cost measure that other jobs on a busy machine
// disturb much less than wall time.
package cputime

import "time"

// Now returns the process's CPU time so far, and false where the platform
// does not say (the benchmarks then report no CPU figure).
func Now() (time.Duration, bool) { return now() }
