package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jiyao-search/jiyao/index"
)

func init() {
	register(command{"compact", "reclaim the space of stored records and originals nothing refers to (after killed runs, replaced files, deletes)", runCompact})
}

func runCompact(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "compact", "")
	dir := indexFlag(e, fs)
	asJSON := fs.Bool("json", false, "print what was done as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: compact takes no arguments", errUsage)
	}
	idx, err := openIndex("compact", *dir, index.Options{})
	if err != nil {
		return err
	}
	st, err := idx.Compact(ctx)
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("compact %s: %w", *dir, err)
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(st)
	}
	fmt.Fprintf(e.stdout, "packs  %d files, %.1f MB → %d files, %.1f MB\nmoved  %d frames; %d meetings written again\n",
		st.PacksBefore, float64(st.BytesBefore)/1e6, st.PacksAfter, float64(st.BytesAfter)/1e6, st.Moved, st.Rewritten)
	return nil
}
