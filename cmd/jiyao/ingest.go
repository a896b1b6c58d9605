package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/sample"
)

func init() {
	register(command{"ingest", "extract files and folders into the index", runIngest})
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", "PATH...")
	dir := indexFlag(e, fs)
	useSample := fs.Bool("sample", false, "ingest the sample corpus embedded in the binary")
	workers := fs.Int("workers", 0, "extraction workers (default: all cores)")
	batch := fs.Int("batch", 256, "records per index batch")
	force := fs.Bool("force", false, "re-extract files whose content is already indexed")
	quiet := fs.Bool("quiet", false, "no progress, only the summary")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && !*useSample {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs a path or --sample", errUsage)
	}
	srcs, bad := index.Walk(fs.Args())
	if *useSample {
		srcs = append(srcs, sampleSources()...)
	}
	idx, err := openIndex("ingest", *dir, index.Options{Logger: slog.New(slog.NewTextHandler(e.stderr, nil))})
	if err != nil {
		return err
	}
	opts := index.LoadOptions{Workers: *workers, BatchSize: *batch, Force: *force}
	var p *progressPrinter
	if !*quiet {
		p = newProgress(e.stderr)
		opts.Progress = p.update
	}
	sum, err := idx.Load(ctx, srcs, opts)
	p.merging()
	cerr := idx.Close()
	p.finish()
	for _, o := range bad {
		sum.Add(o)
	}
	printLoadSummary(e.stderr, sum)
	if err != nil {
		return fmt.Errorf("ingest stopped: %w (work committed before this is kept; run again to finish)", err)
	}
	if cerr != nil {
		return cerr
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%w: %d failed", errFailed, sum.Failed)
	}
	return nil
}

func sampleSources() []index.Source {
	var srcs []index.Source
	for _, f := range sample.Files() {
		srcs = append(srcs, index.BytesSource(f.Name, f.Data))
	}
	return srcs
}

// printLoadSummary prints Load's summary, failures with their reasons.
func printLoadSummary(w io.Writer, s index.Summary) {
	for _, o := range s.Outcomes {
		if o.Status == index.StatusFailed {
			fmt.Fprintf(w, "failed: %s: %v\n", o.Source, o.Err)
		}
	}
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Added+s.Updated+s.Unchanged) / secs
	}
	fmt.Fprintf(w, "added %d, updated %d, unchanged %d, failed %d in %s (%.1f records/s, %.2f MB)\n",
		s.Added, s.Updated, s.Unchanged, s.Failed, s.Elapsed.Round(1e6), rate, float64(s.Bytes)/1e6)
}
