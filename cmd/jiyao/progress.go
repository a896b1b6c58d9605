package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/jiyao-search/jiyao/index"
)

// progressPrinter shows an ingest's progress, phase by phase (extracting,
// writing, merging): a bar redrawn in place on a terminal, a plain line
// every few seconds otherwise. A ticker redraws it while nothing reports,
// so that a long final write or merge shows its time passing. Its methods
// may be called on a nil printer (no progress).
type progressPrinter struct {
	w     io.Writer
	tty   bool
	every time.Duration
	start time.Time
	stop  chan struct{}
	done  chan struct{}

	mu         sync.Mutex // guards the fields below
	last       time.Time  // of the last line drawn
	cur        index.Progress
	phaseStart time.Time
	stale      bool // cur is not drawn yet
	open       bool // a terminal line is drawn without its newline
}

func newProgress(w io.Writer) *progressPrinter {
	tty := isTerminal(w)
	p := &progressPrinter{w: w, tty: tty, every: 2 * time.Second, start: time.Now(),
		stop: make(chan struct{}), done: make(chan struct{})}
	tick := p.every
	if tty {
		tick = time.Second
	}
	go func() {
		defer close(p.done)
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				if p.cur.Phase != "" && time.Since(p.last) >= tick {
					p.draw()
				}
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// update is Load's Progress callback.
func (p *progressPrinter) update(pr index.Progress) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.set(pr)
}

// merging starts the merging phase: call it before closing the index.
func (p *progressPrinter) merging() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.set(index.Progress{Phase: index.PhaseMerging, Bytes: p.cur.Bytes})
}

// finish draws the last line and stops the ticker.
func (p *progressPrinter) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cur.Phase != "" && (p.stale || time.Since(p.last) >= time.Second) {
		p.draw()
	}
	p.endLine()
}

// set takes a report; a new phase is drawn at once, on a line of its own.
func (p *progressPrinter) set(pr index.Progress) {
	now := time.Now()
	if pr.Phase != p.cur.Phase {
		if p.stale {
			p.draw() // the last state of the phase that ends
		}
		p.endLine()
		p.cur, p.phaseStart = pr, now
		p.draw()
		return
	}
	p.cur, p.stale = pr, true
	since := now.Sub(p.last)
	if pr.Done == pr.Total || since >= p.every || (p.tty && since >= 100*time.Millisecond) {
		p.draw()
	}
}

func (p *progressPrinter) draw() {
	p.last, p.stale = time.Now(), false
	line := progressLine(p.cur, p.last.Sub(p.start), p.last.Sub(p.phaseStart))
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		p.open = true
		return
	}
	fmt.Fprintln(p.w, line)
}

func (p *progressPrinter) endLine() {
	if p.open {
		fmt.Fprintln(p.w)
		p.open = false
	}
}

// progressLine formats a phase's progress: for extracting, done/total
// files, a bar, the rate and the time left; for the later phases, what is
// done and how long the phase has taken so far.
func progressLine(pr index.Progress, elapsed, inPhase time.Duration) string {
	label := fmt.Sprintf("%-10s", pr.Phase)
	switch pr.Phase {
	case index.PhaseWriting:
		return fmt.Sprintf("%s %s %d/%d records written  %s", label, bar(pr.Done, pr.Total), pr.Done, pr.Total, inPhase.Round(time.Second))
	case index.PhaseMerging:
		return fmt.Sprintf("%s closing the index: bleve persists and merges segments  %s", label, inPhase.Round(time.Second))
	}
	secs := elapsed.Seconds()
	rate, mbps := 0.0, 0.0
	if secs > 0 {
		rate = float64(pr.Done) / secs
		mbps = float64(pr.Bytes) / 1e6 / secs
	}
	left := "?"
	if rate > 0 {
		left = (time.Duration(float64(pr.Total-pr.Done)/rate) * time.Second).Round(time.Second).String()
	}
	return fmt.Sprintf("%s %s %d/%d files  %.1f files/s  %.2f MB/s  %s left", label, bar(pr.Done, pr.Total), pr.Done, pr.Total, rate, mbps, left)
}

// bar draws done out of total in 24 characters.
func bar(done, total int) string {
	const width = 24
	frac := 1.0
	if total > 0 {
		frac = float64(done) / float64(total)
	}
	n := int(frac * width)
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}
