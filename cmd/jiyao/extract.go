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
	explain := fs.Bool("explain", false, "say for each field the rule that gave its value and the line it was read from")
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
		recs, whys, err := extractUntil(ctx, ex, path, *explain)
		if ctx.Err() != nil {
			return fmt.Errorf("extract %s: %w", path, ctx.Err())
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "jiyao: %s: %v\n", path, err)
			failed++
			continue
		}
		for i, m := range recs {
			var why []ingest.Why
			if whys != nil {
				why = whys[i]
			}
			if *asJSON {
				var v any = m
				if *explain {
					v = struct {
						*ingest.Minutes
						Explain []ingest.Why `json:"explain"`
					}{m, why}
				}
				if err := enc.Encode(v); err != nil {
					return err
				}
				continue
			}
			printSummary(e.stdout, m)
			printExplanation(e.stdout, why)
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
func extractUntil(ctx context.Context, ex *ingest.Extractor, path string, explain bool) ([]*ingest.Minutes, [][]ingest.Why, error) {
	type result struct {
		recs []*ingest.Minutes
		whys [][]ingest.Why
		err  error
	}
	done := make(chan result, 1)
	go func() {
		recs, whys, err := extractFile(ex, path, explain)
		done <- result{recs, whys, err}
	}()
	select {
	case r := <-done:
		return r.recs, r.whys, r.err
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// extractFile reads and extracts one file, with the size bound.
func extractFile(ex *ingest.Extractor, path string, explain bool) ([]*ingest.Minutes, [][]ingest.Why, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		return nil, nil, fmt.Errorf("is a directory")
	}
	if st.Size() > ingest.MaxInputSize {
		return nil, nil, fmt.Errorf("file too large (%d bytes, limit %d)", st.Size(), ingest.MaxInputSize)
	}
	// Sized from the start: growing the buffer as io.ReadAll does costs
	// twice the memory of a large file.
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, ingest.MaxInputSize+1)); err != nil {
		return nil, nil, err
	}
	if explain {
		return ex.Explain(path, buf.Bytes())
	}
	recs, err := ex.Extract(path, buf.Bytes())
	return recs, nil, err
}

// printExplanation prints, under a record, where each field came from.
func printExplanation(w io.Writer, why []ingest.Why) {
	if len(why) == 0 {
		return
	}
	fmt.Fprintln(w, "  由来")
	for _, y := range why {
		fmt.Fprintf(w, "    %-12s %s\n", y.Field, y.Value)
		fmt.Fprintf(w, "    %-12s ← %s\n", "", y.Rule)
		if y.Line > 0 {
			text := []rune(y.Text)
			if len(text) > 60 {
				text = append(text[:60], '…')
			}
			fmt.Fprintf(w, "    %-12s   line %d: %s\n", "", y.Line, string(text))
		}
	}
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
