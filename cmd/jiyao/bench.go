package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/jiyao-search/jiyao/internal/bench"
)

func init() {
	register(command{"bench", "benchmark indexing and queries against a plain bleve cjk index", runBench})
}

func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "bench", "")
	var cfg bench.BenchConfig
	fs.IntVar(&cfg.Docs, "docs", 20000, "number of generated documents")
	fs.StringVar(&cfg.Dir, "dir", "", "folder for the two indexes, kept afterwards (default a temporary folder, removed)")
	fs.IntVar(&cfg.Queries, "queries", 200, "timed queries per class")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "generator seed")
	fs.IntVar(&cfg.Wrap, "wrap", 0, "wrap generated text at this many characters per line, like PDF text (0: no wrapping)")
	fs.IntVar(&cfg.Workers, "workers", 0, "extraction workers (default all cores)")
	fs.IntVar(&cfg.BatchSize, "batch", 0, "records per index batch (default 256)")
	fs.IntVar(&cfg.Writers, "writers", 0, "batches Jiyao writes at once (default all cores)")
	fs.StringVar(&cfg.Only, "only", "", "run only one engine: jiyao or plain")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	heapProfile := fs.String("heapprofile", "", "write the heap profile taken when the heap in use was highest to this file (sampled every half second)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: bench takes no arguments", errUsage)
	}
	if cfg.Only != "" && cfg.Only != bench.EngineJiyao && cfg.Only != bench.EnginePlain {
		return fmt.Errorf("%w: --only %q is not jiyao or plain", errUsage, cfg.Only)
	}
	cfg.Progress = func(s string) { fmt.Fprintf(e.stderr, "%s %s\n", time.Now().Format("15:04:05"), s) }
	// Each engine indexes with the collector set as jiyao ingest sets it;
	// the queries run with the defaults, as a server does.
	cfg.Indexing = func() func() { return bulkGC(e) }
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *heapProfile != "" {
		stop := peakHeapProfile(*heapProfile)
		defer func() {
			if err := stop(); err != nil {
				fmt.Fprintf(e.stderr, "jiyao: %v\n", err)
			}
		}()
	}
	rep, err := bench.RunBenchmark(ctx, cfg)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printBench(e.stdout, rep)
	return nil
}

func printBench(w io.Writer, rep bench.BenchReport) {
	fmt.Fprintf(w, "%d documents, %.1f MB of text, %d cores, %d queries per class; base RSS %s\n\n",
		rep.Docs, float64(rep.TextBytes)/1e6, rep.Cores, rep.Queries, mb(rep.BaseRSS))
	cols := []string{"", "docs/s", "CPU s", "MB/s", "size", "×text", "peak RSS", "peak heap", "load"}
	for _, c := range bench.QueryClasses {
		cols = append(cols, c+" p50", c+" p99")
	}
	rows := [][]string{cols}
	for _, er := range rep.Engines {
		row := []string{er.Engine,
			fmt.Sprintf("%.0f", er.DocsPerSec),
			cpuSeconds(er.IndexCPU),
			fmt.Sprintf("%.2f", er.MBPerSec),
			mb(er.IndexBytes),
			fmt.Sprintf("%.2f", er.SizeRatio),
			mb(er.PeakRSS),
			mb(int64(er.PeakHeap)),
			fmt.Sprintf("%.1f–%.1f", er.LoadStart, er.LoadEnd),
		}
		for _, q := range er.Queries {
			if q.N == 0 {
				row = append(row, "—", "—")
				continue
			}
			row = append(row, ms(q.P50), ms(q.P99))
		}
		rows = append(rows, row)
	}
	if len(rep.Engines) == 2 {
		j, p := rep.Engines[0], rep.Engines[1]
		row := []string{"jiyao/plain",
			ratio(j.DocsPerSec, p.DocsPerSec),
			ratio(float64(j.IndexCPU), float64(p.IndexCPU)),
			ratio(j.MBPerSec, p.MBPerSec),
			ratio(float64(j.IndexBytes), float64(p.IndexBytes)),
			ratio(j.SizeRatio, p.SizeRatio),
			ratio(float64(j.PeakRSS), float64(p.PeakRSS)),
			ratio(float64(j.PeakHeap), float64(p.PeakHeap)),
			"",
		}
		for i := range j.Queries {
			if j.Queries[i].N == 0 || p.Queries[i].N == 0 {
				row = append(row, "—", "—")
				continue
			}
			row = append(row, ratio(float64(j.Queries[i].P50), float64(p.Queries[i].P50)),
				ratio(float64(j.Queries[i].P99), float64(p.Queries[i].P99)))
		}
		rows = append(rows, row)
	}
	table(w, rows)
	fmt.Fprintln(w)
	for _, er := range rep.Engines {
		var parts []string
		for _, q := range er.Queries {
			if q.N > 0 {
				parts = append(parts, fmt.Sprintf("%s %.0f", q.Class, q.Hits))
			}
		}
		extra := ""
		if er.OriginalBytes > 0 {
			// The size goal is of the whole data folder (issue 13).
			extra = fmt.Sprintf("; stored originals %s (not in size; with them the data folder is %.2f× the text)",
				mb(er.OriginalBytes), float64(er.IndexBytes+er.OriginalBytes)/float64(rep.TextBytes))
		}
		fmt.Fprintf(w, "%s: indexed in %s; mean hits: %s%s\n", er.Engine, er.Index.Round(time.Millisecond), strings.Join(parts, ", "), extra)
	}
	fmt.Fprintln(w, "\nExample queries (as Jiyao receives them; the plain index runs match, match-phrase, term and date-range queries):")
	for _, c := range bench.QueryClasses {
		fmt.Fprintf(w, "  %-11s %s\n", c, strings.Join(rep.Examples[c], " | "))
	}
}

func table(w io.Writer, rows [][]string) {
	width := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-len([]rune(c)))
			if i == 0 {
				fmt.Fprint(w, c, pad)
			} else {
				fmt.Fprint(w, "  ", pad, c)
			}
		}
		fmt.Fprintln(w)
	}
}

// cpuSeconds prints an engine's CPU time over indexing, "—" where it was
// not measured.
func cpuSeconds(d time.Duration) string {
	if d == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f", d.Seconds())
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/1e6) }

func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// peakHeapProfile samples the heap in use every half second and keeps the
// heap profile of the highest sample, which stop writes to path: what the
// heap held at its peak, where a profile at the end shows what it holds
// after the work.
func peakHeapProfile(path string) (stop func() error) {
	done := make(chan struct{})
	var (
		best bytes.Buffer
		peak uint64
		wg   sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak {
				peak = ms.HeapInuse
				best.Reset()
				pprof.Lookup("heap").WriteTo(&best, 0)
			}
		}
	}()
	return func() error {
		close(done)
		wg.Wait()
		if err := os.WriteFile(path, best.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write heap profile: %w", err)
		}
		return nil
	}
}
