package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
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
	serverURL := fs.String("server", e.getenv("JIYAO_SERVER"), "send the files to the jiyao serve at this URL (http://HOST:PORT) instead of opening the index (env JIYAO_SERVER)")
	tokenFile := fs.String("token-file", e.getenv("JIYAO_TOKEN_FILE"), "with --server: file holding the server's write token (env JIYAO_TOKEN_FILE; or set JIYAO_TOKEN)")
	cfg := extractFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && !*useSample {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs a path or --sample", errUsage)
	}
	var up *uploader
	if *serverURL != "" {
		var local []string
		fs.Visit(func(f *flag.Flag) {
			switch f.Name {
			case "index", "workers", "batch", "force", "issuer", "published":
				local = append(local, "--"+f.Name)
			}
		})
		if len(local) > 0 {
			return fmt.Errorf("%w: %s: only for a local ingest, not with --server", errUsage, strings.Join(local, ", "))
		}
		token, err := readToken(e, *tokenFile)
		if err != nil {
			return err
		}
		if up, err = newUploader(*serverURL, token); err != nil {
			return err
		}
	}
	srcs, bad := index.Walk(fs.Args())
	if *useSample {
		srcs = append(srcs, sampleSources()...)
	}
	var p *progressPrinter
	if !*quiet {
		p = newProgress(e.stderr)
	}
	var sum index.Summary
	var err, cerr error
	removed := 0 // meetings of the sample removed
	if up != nil {
		sum, err = up.load(ctx, srcs, p.update)
	} else {
		idx, oerr := openIndex("ingest", *dir, index.Options{Logger: slog.New(slog.NewTextHandler(e.stderr, nil))})
		if oerr != nil {
			p.finish()
			return oerr
		}
		opts := index.LoadOptions{Workers: *workers, BatchSize: *batch, Force: *force}
		if cfg.Issuer != "" || cfg.Published != "" {
			if opts.Extractor, err = ingest.NewExtractor(*cfg); err != nil {
				p.finish()
				idx.Close()
				return fmt.Errorf("%w: %w", errUsage, err)
			}
		}
		if p != nil {
			opts.Progress = p.update
		}
		restoreGC := bulkGC(e)
		sum, err = idx.Load(ctx, srcs, opts)
		restoreGC()
		if err == nil && !*useSample && sum.ChangedOutside(sample.Prefix) {
			// The user's own documents are in: the sample gives way
			// (unless this very command asked for it).
			removed, err = idx.RemoveFromPrefix(ctx, sample.Prefix, sum.IDsOutside(sample.Prefix))
		}
		p.merging()
		cerr = idx.Close()
	}
	p.finish()
	for _, o := range bad {
		sum.Add(o)
	}
	printLoadSummary(e.stderr, sum)
	if removed > 0 {
		fmt.Fprintf(e.stderr, "removed the %d meetings of the embedded sample: the index now holds your own documents\n", removed)
	}
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
		switch o.Status {
		case index.StatusFailed, index.StatusSkipped:
			fmt.Fprintf(w, "%s: %s: %v\n", o.Status, cmp.Or(o.Path, o.Source), o.Err)
		}
	}
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Added+s.Updated+s.Unchanged) / secs
	}
	fmt.Fprintf(w, "added %d (%d incomplete), updated %d, unchanged %d, skipped %d (not meeting records), failed %d in %s (%.1f records/s, %.2f MB)\n",
		s.Added, s.Incomplete, s.Updated, s.Unchanged, s.Skipped, s.Failed, s.Elapsed.Round(1e6), rate, float64(s.Bytes)/1e6)
}
