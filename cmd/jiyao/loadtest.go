package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jiyao-search/jiyao/internal/bench"
)

func init() {
	register(command{"loadtest", "measure a loopback server's latency under concurrent searches, pages, typeahead and uploads", runLoadtest})
}

func runLoadtest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "loadtest", "")
	var cfg bench.LoadConfig
	fs.IntVar(&cfg.Docs, "docs", 5000, "number of generated documents indexed")
	fs.IntVar(&cfg.Clients, "clients", 8, "clients sending requests at once")
	fs.DurationVar(&cfg.Duration, "duration", time.Minute, "length of each phase")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "generator seed")
	fs.StringVar(&cfg.Dir, "dir", "", "folder for the index, kept afterwards (default a temporary folder, removed)")
	uploader := fs.String("uploader", "both", "phases: without an uploader, with one, or both (without first)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: loadtest takes no arguments", errUsage)
	}
	switch *uploader {
	case "both":
		cfg.Phases = []bool{false, true}
	case "without":
		cfg.Phases = []bool{false}
	case "with":
		cfg.Phases = []bool{true}
	default:
		return fmt.Errorf("%w: --uploader %q is not without, with or both", errUsage, *uploader)
	}
	if cfg.Docs <= 0 || cfg.Clients <= 0 || cfg.Duration <= 0 {
		return fmt.Errorf("%w: --docs, --clients and --duration must be positive", errUsage)
	}
	cfg.Serve = serveChild
	cfg.Progress = func(s string) { fmt.Fprintf(e.stderr, "%s %s\n", time.Now().Format("15:04:05"), s) }
	rep, err := bench.RunLoad(ctx, cfg)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printLoad(e.stdout, rep)
	return nil
}

// serveChild runs `jiyao serve` (this binary) over dir on a loopback port
// of the system's choosing, without the rate limit (the clients share one
// address) and with writes allowed by token, and returns once it listens.
// The server is a process of its own so that its memory is its own and the
// clients' work is not counted in it.
func serveChild(ctx context.Context, dir, token string) (*bench.LoadServer, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "serve", "--index", dir, "--addr", "127.0.0.1:0", "--rate", "-1", "--no-sample", "--log", "json")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "JIYAO_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "JIYAO_TOKEN="+token)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s serve: %w", exe, err)
	}
	exited := make(chan error, 1)
	stop := func() error {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			return err
		case <-time.After(time.Minute):
			_ = cmd.Process.Kill()
			return errors.New("the server did not stop within a minute of SIGTERM: killed")
		}
	}
	// The log is read to its end: the address it listens on, then the
	// lines at ERROR, counted.
	var errorLines atomic.Int64
	addr := make(chan string, 1)
	var last []string // the lines before it listens, for an error
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		listening := false
		for sc.Scan() {
			line := sc.Bytes()
			if bytes.Contains(line, []byte(`"level":"ERROR"`)) {
				errorLines.Add(1)
			}
			if listening {
				continue
			}
			var m struct{ Msg, Addr string }
			if json.Unmarshal(line, &m) == nil && m.Msg == "listening" {
				listening = true
				addr <- m.Addr
				continue
			}
			last = append(last[max(0, len(last)-9):], string(line))
		}
		_, _ = io.Copy(io.Discard, stderr)
		exited <- cmd.Wait()
	}()
	select {
	case a := <-addr:
		return &bench.LoadServer{URL: "http://" + a, PID: cmd.Process.Pid, Stop: stop,
			Errors: func() int { return int(errorLines.Load()) }}, nil
	case err := <-exited:
		return nil, fmt.Errorf("serve exited before listening (%v):\n%s", err, strings.Join(last, "\n"))
	case <-ctx.Done():
		stop()
		return nil, ctx.Err()
	}
}

func printLoad(w io.Writer, rep bench.LoadReport) {
	fmt.Fprintf(w, "%d generated documents (%d meetings listed for the pages), %d clients, %d cores; index built in %s\n\n",
		rep.Docs, rep.Meetings, rep.Clients, rep.Cores, rep.Build.Round(time.Second))
	rows := [][]string{{"", "requests", "req/s", "p50", "p99", "max", "not 2xx", "5xx+none", "server peak RSS", "server ERROR lines"}}
	for _, p := range rep.Phases {
		rows = append(rows, []string{phaseName(p), fmt.Sprint(p.Requests), fmt.Sprintf("%.1f", p.PerSec),
			ms(p.P50), ms(p.P99), ms(p.Max), fmt.Sprint(p.Failed()), fmt.Sprint(p.ServerFailures()), mb(p.PeakRSS), fmt.Sprint(p.ServerErrors)})
	}
	table(w, rows)
	for _, p := range rep.Phases {
		fmt.Fprintf(w, "\n%s, by kind:\n", phaseName(p))
		rows := [][]string{{"", "requests", "p50", "p99", "max", "statuses"}}
		kinds := p.Kinds
		if p.Uploader {
			kinds = append(slices.Clip(kinds), p.Uploads)
		}
		for _, k := range kinds {
			rows = append(rows, []string{k.Kind, fmt.Sprint(k.Requests), ms(k.P50), ms(k.P99), ms(k.Max), statuses(k.Statuses)})
		}
		table(w, rows)
	}
}

func phaseName(p bench.PhaseReport) string {
	if p.Uploader {
		return "with uploader"
	}
	return "without uploader"
}

// statuses lists counts by status, in order of status.
func statuses(m map[string]int) string {
	var parts []string
	for s, n := range m {
		parts = append(parts, fmt.Sprintf("%s×%d", s, n))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}
