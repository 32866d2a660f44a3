//go:build unix

package gazetteer

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used, so that benchmarks can
// report it beside wall time on a busy machine.
func cpuTime() time.Duration {
	var r syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &r) != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
