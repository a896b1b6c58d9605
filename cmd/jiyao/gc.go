package main

import (
	"runtime/debug"
)

// The collector's settings while a command indexes in bulk (ingest,
// reindex, and bench while it indexes). Most of what indexing allocates lives only
// until its batch's segment is built (each token's location, each term's
// frequencies, bleve's interim postings), so with Go's default target, a
// heap twice the live data, the collector runs often: in a CPU profile of
// jiyao bench on 10,000 generated minutes its background marking alone
// was 8% of the samples, with more in allocation assists and write
// barriers. A target of three times the live data, capped by a soft limit
// on the runtime's memory, runs it less often while keeping memory
// bounded. On 10,000 generated minutes, 2 cores, three runs each
// interleaved with runs under the defaults, indexing took 12% less CPU
// (median 51.3 s against 58.0 s) with a peak RSS of 894–926 MB against
// 942–1070 MB; on 100,000, one run each, 510 s against 626 s of CPU and
// 1.39 GB against 1.34 GB. The limit leaves room for the index files the
// process maps, which the RSS also counts (240 MB of it at 10,000
// minutes, 630 MB at 30,000): a limit of 1 GiB saved as much CPU but made
// the peak RSS 1.67 GB at 100,000 minutes, over the 1.5 GB indexing is to
// stay within.
const (
	bulkGCPercent   = 200
	bulkMemoryLimit = 768 << 20 // bytes
)

// bulkGC sets the collector for indexing in bulk, but not what the
// environment sets (GOGC, GOMEMLIMIT), and returns the function that puts
// back what it changed.
func bulkGC(e *env) (restore func()) {
	var undo []func()
	if e.getenv("GOGC") == "" {
		prev := debug.SetGCPercent(bulkGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(prev) })
	}
	if e.getenv("GOMEMLIMIT") == "" {
		prev := debug.SetMemoryLimit(bulkMemoryLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(prev) })
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}
