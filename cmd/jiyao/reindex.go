package main

import (
	"context"

	"github.com/jiyao-search/jiyao/index"
)

func init() {
	register(command{"reindex", "rebuild the index from its stored originals (after a mapping change)", runReindex})
}

// runReindex rebuilds the index from the originals it stored, beside it,
// and swaps the folders (index.Reindex): a failure or kill before the swap
// leaves the old index as it was.
func runReindex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reindex", "")
	dir := indexFlag(e, fs)
	quiet := fs.Bool("quiet", false, "no progress, only the summary")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opts := index.LoadOptions{}
	var p *progressPrinter
	if !*quiet {
		p = newProgress(e.stderr)
		opts.Progress = p.update
	}
	restoreGC := bulkGC(e)
	sum, err := index.Reindex(ctx, *dir, opts)
	restoreGC()
	p.finish()
	if sum != nil {
		printLoadSummary(e.stderr, *sum)
	}
	return lockedHint("reindex", err)
}
