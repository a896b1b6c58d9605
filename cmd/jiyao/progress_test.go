package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/jiyao-search/jiyao/index"
)

func TestProgressLine(t *testing.T) {
	for _, tt := range []struct {
		in              index.Progress
		elapsed, phased time.Duration
		want            string
	}{
		{index.Progress{Phase: index.PhaseExtracting, Done: 50, Total: 100, Bytes: 2e6}, 2 * time.Second, 2 * time.Second,
			"extracting [############............] 50/100 files  25.0 files/s  1.00 MB/s  2s left"},
		{index.Progress{Phase: index.PhaseWriting, Done: 0, Total: 89}, 3 * time.Second, 7 * time.Second,
			"writing    [........................] 0/89 records written  7s"},
		{index.Progress{Phase: index.PhaseMerging}, 14 * time.Second, 2400 * time.Millisecond,
			"merging    closing the index: bleve persists and merges segments  2s"},
		{index.Progress{Phase: phaseSending, Done: 16, Total: 16, Bytes: 1e6}, time.Second, time.Second,
			"sending    [########################] 16/16 files  16.0 files/s  1.00 MB/s  0s left"},
	} {
		if got := progressLine(tt.in, tt.elapsed, tt.phased); got != tt.want {
			t.Errorf("progressLine(%+v, %s, %s)\n got %q\nwant %q", tt.in, tt.elapsed, tt.phased, got, tt.want)
		}
	}
}

// TestProgressPhases feeds a printer the reports of an ingest: off a
// terminal, each phase ends with its last state, on a line of its own,
// and none is printed twice.
func TestProgressPhases(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b)
	for i := 1; i <= 3; i++ {
		p.update(index.Progress{Phase: index.PhaseExtracting, Done: i, Total: 3})
	}
	p.update(index.Progress{Phase: index.PhaseWriting, Done: 0, Total: 2})
	p.update(index.Progress{Phase: index.PhaseWriting, Done: 2, Total: 2})
	p.merging()
	p.finish()
	var phases []string
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		phases = append(phases, strings.Fields(l)[0]+" "+strings.Fields(l)[2])
	}
	want := "extracting 1/3 extracting 3/3 writing 0/2 writing 2/2 merging the"
	if got := strings.Join(phases, " "); got != want {
		t.Errorf("lines:\n%s\nphases %q, want %q", b.String(), got, want)
	}
}
