package index

import (
	"context"
	"fmt"
	"os"
)

// Folders Reindex works in, beside the index's own: the new index is built
// in the first, and the old one moved to the second while the new one takes
// its place.
const (
	reindexSuffix = ".reindex"
	oldSuffix     = ".old"
)

// Reindex rebuilds the on-disk index in dir from the originals it stored
// (jiyao reindex, after a change of MappingVersion): it loads them with opts
// into a new index beside it (dir.reindex), deletes again the records that
// were deleted from files holding several (Deleted), and only when all of
// that succeeded swaps the folders. A failure or a kill before the swap
// leaves the old index as it was.
//
// The old index is locked as Open locks it, so that nothing writes to it
// or serves it while it is read and swapped; if another process has it
// open, the error is a *LockedError. opts.Progress, if set, is told of
// PhaseMerging before the new index is closed.
//
// The summary is that of the load, nil if Reindex stopped before loading.
func Reindex(ctx context.Context, dir string, opts LoadOptions) (*Summary, error) {
	lock, err := lockDir(dir, true)
	if err != nil {
		return nil, err
	}
	// The lock file goes with its folder.
	defer lock.Unlock()
	srcs, err := Originals(dir)
	if err != nil {
		return nil, fmt.Errorf("read originals of %s: %w", dir, err)
	}
	if len(srcs) == 0 {
		return nil, fmt.Errorf("no stored originals in %s: nothing to rebuild from", dir)
	}
	deleted, err := Deleted(dir)
	if err != nil {
		return nil, fmt.Errorf("read the deleted records of %s: %w", dir, err)
	}
	next := dir + reindexSuffix
	if err := os.RemoveAll(next); err != nil {
		return nil, err
	}
	idx, err := Open(next, Options{})
	if err != nil {
		return nil, err
	}
	sum, err := idx.rebuild(ctx, srcs, deleted, opts)
	if err != nil {
		return &sum, fmt.Errorf("reindex stopped, old index kept: %w", err)
	}
	return &sum, swapFolders(dir, next)
}

// rebuild loads srcs into idx, a new index, deletes again the records of
// deleted, and closes idx.
func (idx *Index) rebuild(ctx context.Context, srcs []Source, deleted []string, opts LoadOptions) (Summary, error) {
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
	if opts.Progress != nil {
		opts.Progress(Progress{Phase: PhaseMerging, Bytes: sum.Bytes})
	}
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	return sum, err
}

// swapFolders puts the index in next in the place of the one in dir, and
// removes the old one. If next cannot take the place, the old index is put
// back.
func swapFolders(dir, next string) error {
	old := dir + oldSuffix
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(next, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
}
