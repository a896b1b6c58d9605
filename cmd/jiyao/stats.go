package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jiyao-search/jiyao/index"
)

func init() {
	register(command{"stats", "print what the index holds", runStats})
	register(command{"delete", "delete meetings (with their items and decisions) by id", runDelete})
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "stats", "")
	dir := indexFlag(e, fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var st index.Stats
	idx, err := openIndex("stats", *dir, index.Options{ReadOnly: true})
	if r, ok := remoteFor(err); ok {
		throughServer(e, r)
		st, err = r.stats(ctx)
	} else if err == nil {
		defer idx.Close()
		st, err = idx.Stats(ctx)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(st)
	}
	fmt.Fprintf(e.stdout, "index      %s (mapping version %s)\n", *dir, st.MappingVersion)
	fmt.Fprintf(e.stdout, "meetings   %d\nitems      %d\ndecisions  %d\n", st.Meetings, st.Items, st.Decisions)
	fmt.Fprintf(e.stdout, "size       %.1f MB\n", float64(st.SizeBytes)/1e6)
	fmt.Fprintf(e.stdout, "dates      %s to %s\n", st.FirstDate, st.LastDate)
	return nil
}

func runDelete(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "delete", "MEETING-ID...")
	dir := indexFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: delete needs a meeting id", errUsage)
	}
	idx, err := openIndex("delete", *dir, index.Options{})
	if err != nil {
		return err
	}
	defer idx.Close()
	failed := 0
	for _, id := range fs.Args() {
		if _, err := idx.Get(ctx, id); err != nil {
			fmt.Fprintf(e.stderr, "jiyao: delete %s: %v\n", id, err)
			failed++
			continue
		}
		if err := idx.Delete(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "deleted %s\n", id)
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d not found", errFailed, failed)
	}
	return nil
}
