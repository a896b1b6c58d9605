package main

import (
	"fmt"
	"io"
	"time"

	"github.com/jiyao-search/jiyao/index"
)

// progressPrinter shows Load's progress: a bar redrawn in place on a
// terminal, a plain line every few seconds otherwise.
type progressPrinter struct {
	w        io.Writer
	tty      bool
	every    time.Duration
	last     time.Time
	finished bool
}

func newProgress(w io.Writer) *progressPrinter {
	return &progressPrinter{w: w, tty: isTerminal(w), every: 2 * time.Second}
}

func (p *progressPrinter) update(pr index.Progress) {
	now := time.Now()
	final := pr.Done == pr.Total
	if !final && now.Sub(p.last) < p.every && !(p.tty && now.Sub(p.last) >= 100*time.Millisecond) {
		return
	}
	p.last = now
	line := progressLine(pr)
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		if final {
			fmt.Fprintln(p.w)
			p.finished = true
		}
		return
	}
	fmt.Fprintln(p.w, line)
}

// progressLine formats done/total, a bar, the rate and the time left.
func progressLine(pr index.Progress) string {
	const width = 24
	frac := 1.0
	if pr.Total > 0 {
		frac = float64(pr.Done) / float64(pr.Total)
	}
	bar := make([]byte, width)
	for i := range bar {
		if float64(i) < frac*width {
			bar[i] = '#'
		} else {
			bar[i] = '.'
		}
	}
	secs := pr.Elapsed.Seconds()
	rate, mbps := 0.0, 0.0
	if secs > 0 {
		rate = float64(pr.Done) / secs
		mbps = float64(pr.Bytes) / 1e6 / secs
	}
	left := "?"
	if rate > 0 {
		left = (time.Duration(float64(pr.Total-pr.Done)/rate) * time.Second).Round(time.Second).String()
	}
	return fmt.Sprintf("[%s] %d/%d files  %.1f files/s  %.2f MB/s  %s left", bar, pr.Done, pr.Total, rate, mbps, left)
}
