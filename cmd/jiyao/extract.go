package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jiyao-search/jiyao/ingest"
)

func init() {
	register(command{"extract", "print the records extracted from files", runExtract})
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "extract", "FILE...")
	asJSON := fs.Bool("json", false, "print one JSON object per record, one per line")
	cfg := extractFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: extract needs at least one file", errUsage)
	}
	ex, err := ingest.NewExtractor(*cfg)
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	failed := 0
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, path := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		recs, err := extractUntil(ctx, ex, path)
		if ctx.Err() != nil {
			return fmt.Errorf("extract %s: %w", path, ctx.Err())
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "jiyao: %s: %v\n", path, err)
			failed++
			continue
		}
		for _, m := range recs {
			if *asJSON {
				if err := enc.Encode(m); err != nil {
					return err
				}
				continue
			}
			printSummary(e.stdout, m)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d files", errFailed, failed, fs.NArg())
	}
	return nil
}

// extractUntil is extractFile that returns when ctx is done (on SIGINT or
// SIGTERM) even if extraction is still running: ingest cannot be
// interrupted, and the process exits right after.
func extractUntil(ctx context.Context, ex *ingest.Extractor, path string) ([]*ingest.Minutes, error) {
	type result struct {
		recs []*ingest.Minutes
		err  error
	}
	done := make(chan result, 1)
	go func() {
		recs, err := extractFile(ex, path)
		done <- result{recs, err}
	}()
	select {
	case r := <-done:
		return r.recs, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// extractFile reads and extracts one file, with the size bound.
func extractFile(ex *ingest.Extractor, path string) ([]*ingest.Minutes, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory")
	}
	if st.Size() > ingest.MaxInputSize {
		return nil, fmt.Errorf("file too large (%d bytes, limit %d)", st.Size(), ingest.MaxInputSize)
	}
	// Sized from the start: growing the buffer as io.ReadAll does costs
	// twice the memory of a large file.
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, ingest.MaxInputSize+1)); err != nil {
		return nil, err
	}
	return ex.Extract(path, buf.Bytes())
}

// printSummary prints a record for people: the header, the items with their
// decisions, and counts.
func printSummary(w io.Writer, m *ingest.Minutes) {
	fmt.Fprintf(w, "%s\n", m.Source)
	fmt.Fprintf(w, "  标题  %s\n", m.Title)
	fmt.Fprintf(w, "  机关  %s", m.Issuer)
	if m.DocNumber != "" {
		fmt.Fprintf(w, "  %s", m.DocNumber)
	}
	fmt.Fprintln(w)
	mt := m.Meeting
	fmt.Fprintf(w, "  会议  %s %s %s", mt.Date, mt.PartOfDay, mt.Kind)
	if mt.Label != "" {
		fmt.Fprintf(w, " %s", mt.Label)
	}
	fmt.Fprintln(w)
	if m.Chair != nil {
		fmt.Fprintf(w, "  主持  %s %s\n", m.Chair.Name, m.Chair.Title)
	}
	for _, it := range m.Items {
		fmt.Fprintf(w, "  %d. %s\n", it.No, it.Title)
		for _, d := range it.Decisions {
			fmt.Fprintf(w, "     %s《%s》", d.Verb, d.Object)
			if d.Lead != "" {
				fmt.Fprintf(w, " 由%s", d.Lead)
			}
			fmt.Fprintln(w)
		}
	}
	if len(m.Departments) > 0 {
		fmt.Fprintf(w, "  部门  %s\n", strings.Join(m.Departments, "、"))
	}
	if len(m.Topics) > 0 {
		fmt.Fprintf(w, "  主题  %s\n", strings.Join(m.Topics, "；"))
	}
	fmt.Fprintf(w, "  人员  %d", len(m.Attendees))
	if m.Recorder != "" {
		fmt.Fprintf(w, "  记录 %s", m.Recorder)
	}
	fmt.Fprintln(w)
	if m.Published != "" || m.Publisher != "" {
		fmt.Fprintf(w, "  发布  %s %s\n", m.Published, m.Publisher)
	}
	if err := ingest.Check(m); err != nil {
		fmt.Fprintf(w, "  注意  %v\n", err)
	} else {
		fmt.Fprintf(w, "  体裁  %s\n", m.Genre)
	}
	if len(m.Missing) > 0 {
		fmt.Fprintf(w, "  缺少  %s\n", strings.Join(m.Missing, ", "))
	}
}

// extractFlags adds the flags that set what a folder's files share, for
// extract and ingest.
func extractFlags(fs *flag.FlagSet) *ingest.Config {
	cfg := &ingest.Config{}
	fs.StringVar(&cfg.Issuer, "issuer", "", "the issuer of every file (a folder of one body's minutes)")
	fs.StringVar(&cfg.Published, "published", "", "YYYY-MM-DD: the publication date of files that give none, against which a day without a year is read")
	return cfg
}
