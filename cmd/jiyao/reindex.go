package main

import (
	"context"
	"fmt"
	"os"

	"github.com/jiyao-search/jiyao/index"
)

func init() {
	register(command{"reindex", "rebuild the index from its stored originals (after a mapping change)", runReindex})
}

// runReindex builds a new index beside the old one from the originals the
// old one stored, then swaps the folders: a failure or kill before the swap
// leaves the old index as it was.
func runReindex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reindex", "")
	dir := indexFlag(e, fs)
	quiet := fs.Bool("quiet", false, "no progress, only the summary")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// The old index is locked as Open locks it, so that nothing writes to
	// it or serves it while it is read and swapped; the lock file goes
	// with its folder.
	lock, err := index.Lock(*dir)
	if err != nil {
		return lockedHint("reindex", err)
	}
	defer lock.Unlock()
	srcs, err := index.Originals(*dir)
	if err != nil {
		return fmt.Errorf("read originals of %s: %w", *dir, err)
	}
	if len(srcs) == 0 {
		return fmt.Errorf("no stored originals in %s: nothing to rebuild from", *dir)
	}
	deleted, err := index.Deleted(*dir)
	if err != nil {
		return fmt.Errorf("read originals of %s: %w", *dir, err)
	}
	next := *dir + ".reindex"
	if err := os.RemoveAll(next); err != nil {
		return err
	}
	idx, err := openIndex("reindex", next, index.Options{})
	if err != nil {
		return err
	}
	opts := index.LoadOptions{}
	var p *progressPrinter
	if !*quiet {
		p = newProgress(e.stderr)
		opts.Progress = p.update
	}
	sum, err := idx.Load(ctx, srcs, opts)
	// Records deleted from files that hold several come back with their
	// file: delete them again.
	for _, src := range deleted {
		if err != nil {
			break
		}
		id, _, ok, lerr := idx.Lookup(ctx, src)
		if lerr != nil {
			err = lerr
		} else if ok {
			err = idx.Delete(ctx, id)
		}
	}
	p.merging()
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	p.finish()
	printLoadSummary(e.stderr, sum)
	if err != nil {
		return fmt.Errorf("reindex stopped, old index kept: %w", err)
	}
	old := *dir + ".old"
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(*dir, old); err != nil {
		return err
	}
	if err := os.Rename(next, *dir); err != nil {
		// Put the old index back.
		os.Rename(old, *dir)
		return err
	}
	return os.RemoveAll(old)
}
