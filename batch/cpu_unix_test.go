//go:build unix

package batch

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used, GC
// included: on a busy machine wall-clock ns/op says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
