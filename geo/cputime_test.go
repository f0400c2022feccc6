package geo

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time: benchmarks report it per
// operation as well as wall time, because on a shared 2-core machine wall
// time depends on what else runs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// CPUTime lets the external coder benchmark report CPU time too.
var CPUTime = cpuTime
