package main

import (
	"runtime/debug"
)

// The collector's settings while a command indexes in bulk (ingest, and
// bench while it indexes). Most of what indexing allocates lives only
// until its batch's segment is built (each token's location, each term's
// frequencies, bleve's interim postings), so with Go's default target, a
// heap twice the live data, the collector runs often: in a CPU profile of
// jiyao bench on 10,000 generated minutes its background marking alone
// was 8% of the samples, with more in allocation assists and write
// barriers. A target of three times the live data, capped by a soft limit
// on the heap, runs it less often while keeping memory bounded: on the
// same run, 2 cores, indexing took 13% less CPU (48–50 s against 56.5 s)
// with a peak RSS of 1.09–1.18 GB against 0.88 GB.
const (
	bulkGCPercent   = 200
	bulkMemoryLimit = 1 << 30 // bytes
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
