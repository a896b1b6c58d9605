package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jiyao-search/jiyao/internal/gen"
	"github.com/jiyao-search/jiyao/server"
)

// runBin runs the binary with the environment added to the test's and
// returns its stderr, its exit code and how long it took; it is killed
// after a minute.
func runBin(t *testing.T, bin string, env []string, args ...string) (stderr string, code int, took time.Duration) {
	t.Helper()
	_, stderr, code, took = runBinOut(t, bin, env, args...)
	return stderr, code, took
}

// runBinOut is runBin that also returns what the command printed.
func runBinOut(t *testing.T, bin string, env []string, args ...string) (stdout, stderr string, code int, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var outb, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outb, &errb
	start := time.Now()
	err := cmd.Run()
	took = time.Since(start)
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("jiyao %v: %v", args, err)
	}
	return outb.String(), errb.String(), code, took
}

// TestWhileServing starts `jiyao serve` and runs, beside it, the commands
// that write its index: each is turned away at once, naming the server,
// instead of waiting on the index's lock; the read-only ones (search,
// stats) ask the server. Then `jiyao ingest --server`
// feeds the running server over loopback HTTP, and once the server has
// stopped the index opens again.
func TestWhileServing(t *testing.T) {
	seed, err := os.ReadFile(seedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin := builtBinary(t)
	dir := filepath.Join(tmp, "index")
	docs := filepath.Join(tmp, "docs")
	if err := os.MkdirAll(filepath.Join(docs, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"a-纪要.txt":     strings.Replace(string(seed), "氢能", "甲号送达氢能", 1),
		"sub/b-纪要.txt": strings.Replace(string(seed), "氢能", "乙号送达氢能", 1),
		"notes.txt":    "这不是会议纪要。",
	} {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const token = "e2e-token"
	srv := startServe(t, bin, []string{"JIYAO_TOKEN=" + token}, "--index", dir, "--no-sample")
	pid := srv.cmd.Process.Pid

	for _, args := range [][]string{
		{"ingest", "--index", dir, docs},
		{"delete", "--index", dir, "0123456789abcdef"},
		{"reindex", "--index", dir},
		{"serve", "--index", dir, "--addr", "127.0.0.1:0"},
	} {
		stderr, code, took := runBin(t, bin, nil, args...)
		if code == 0 || took > 2*time.Second {
			t.Errorf("jiyao %s beside the server: exit %d after %s, want non-zero within 2s\n%s", args[0], code, took.Round(time.Millisecond), stderr)
		}
		want := fmt.Sprintf("index %s is open in jiyao serve (pid %d, serving %s)", dir, pid, srv.base)
		if !strings.Contains(stderr, want) {
			t.Errorf("jiyao %s: stderr does not say %q:\n%s", args[0], want, stderr)
		}
		if want := "jiyao ingest --server " + srv.base; args[0] == "ingest" && !strings.Contains(stderr, want) {
			t.Errorf("jiyao ingest: stderr does not point to %q:\n%s", want, stderr)
		}
	}

	// Fed through the server: the two minutes are added, the note is
	// skipped as not a meeting record, under the names given.
	stderr, code, _ := runBin(t, bin, []string{"JIYAO_TOKEN=" + token}, "ingest", "--server", srv.base, docs)
	if code != 0 || !strings.Contains(stderr, "added 2 (0 incomplete), updated 0, unchanged 0, skipped 1 (not meeting records), failed 0") ||
		!strings.Contains(stderr, "skipped: "+filepath.Join(docs, "notes.txt")+": not a meeting record") {
		t.Errorf("ingest --server: exit %d, want 0 (one file skipped)\n%s", code, stderr)
	}
	for _, q := range []string{`"甲号送达氢能"`, `"乙号送达氢能"`} {
		resp, err := http.Get(srv.base + "/api/v1/search?q=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		var res struct{ Total int }
		json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if res.Total != 1 {
			t.Errorf("search %s on the server after ingest --server: %d hits, want 1", q, res.Total)
		}
	}
	// The read-only commands beside the server ask it.
	stdout, stderr, code, _ := runBinOut(t, bin, nil, "search", "--index", dir, `"甲号送达氢能"`)
	if code != 0 || !strings.Contains(stdout, "1 hits (exact match") || !strings.Contains(stdout, "【甲号送达氢能】") || !strings.Contains(stderr, "asked it at "+srv.base) {
		t.Errorf("search beside the server: exit %d\n%s\n%s", code, stdout, stderr)
	}
	stdout, stderr, code, _ = runBinOut(t, bin, nil, "stats", "--index", dir)
	if code != 0 || !strings.Contains(stdout, "meetings   2\n") {
		t.Errorf("stats beside the server: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// A facet lists as many values through the server as on its own (the
	// seed names 80 officials; the API lists 20 unless asked).
	officials := func(when string) []string {
		t.Helper()
		stdout, stderr, code, _ := runBinOut(t, bin, nil, "search", "--index", dir, "--json", "--facets", "official", "氢能")
		var res struct {
			Facets []struct {
				Values []struct{ Value string }
			}
		}
		if err := json.Unmarshal([]byte(stdout), &res); code != 0 || err != nil || len(res.Facets) != 1 {
			t.Fatalf("search --json %s: exit %d, %v\n%.300s\n%s", when, code, err, stdout, stderr)
		}
		var out []string
		for _, v := range res.Facets[0].Values {
			out = append(out, v.Value)
		}
		return out
	}
	servedOfficials := officials("beside the server")
	if len(servedOfficials) <= server.DefaultFacetSize {
		t.Errorf("search --json beside the server lists %d officials, want the seed's", len(servedOfficials))
	}
	stderr, code, _ = runBin(t, bin, []string{"JIYAO_TOKEN=" + token}, "ingest", "--server", srv.base, filepath.Join(docs, "a-纪要.txt"))
	if code != 0 || !strings.Contains(stderr, "added 0 (0 incomplete), updated 0, unchanged 1, skipped 0 (not meeting records), failed 0") {
		t.Errorf("ingest --server again: exit %d\n%s", code, stderr)
	}
	stderr, code, _ = runBin(t, bin, []string{"JIYAO_TOKEN=wrong"}, "ingest", "--server", srv.base, docs)
	if code != 1 || !strings.Contains(stderr, "invalid_token") {
		t.Errorf("ingest --server with a wrong token: exit %d\n%s", code, stderr)
	}

	srv.stop(t)
	stderr, code, _ = runBin(t, bin, nil, "stats", "--index", dir)
	if code != 0 {
		t.Errorf("stats after the server stopped: exit %d\n%s", code, stderr)
	}
	if own := officials("on its own"); !slices.Equal(own, servedOfficials) {
		t.Errorf("search --json lists officials %q on its own, %q beside the server", own, servedOfficials)
	}
}

// TestHelp asks every command for its flags: usage on stderr, exit 0.
func TestHelp(t *testing.T) {
	bin := builtBinary(t)
	for _, c := range commands() {
		for _, h := range []string{"-h", "--help"} {
			stderr, code, _ := runBin(t, bin, nil, c.name, h)
			if code != 0 || !strings.Contains(stderr, "Usage: jiyao "+c.name) || strings.Contains(stderr, "help requested") {
				t.Errorf("jiyao %s %s: exit %d, want 0 with the usage:\n%s", c.name, h, code, stderr)
			}
		}
	}
	if _, code, _ := runBin(t, bin, nil, "search", "--nosuch"); code != 2 {
		t.Errorf("jiyao search --nosuch: exit %d, want 2", code)
	}
}

// TestIngestInterrupt interrupts `jiyao ingest` with SIGINT in the middle
// of its work: it stops within seconds, says so, and leaves an index that
// opens; with a second SIGINT it exits at once.
func TestIngestInterrupt(t *testing.T) {
	tmp := t.TempDir()
	bin := builtBinary(t)
	src := filepath.Join(tmp, "docs")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	g := gen.New(5)
	for i := range 2000 {
		d := g.Doc(i)
		if err := os.WriteFile(filepath.Join(src, d.Name), d.Text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(tmp, "index")
	cmd := exec.Command(bin, "ingest", "--index", dir, "--batch", "32", src)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	time.Sleep(1500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	sent := time.Now()
	select {
	case err := <-done:
		t.Logf("stopped %s after SIGINT (%v)", time.Since(sent).Round(time.Millisecond), err)
		if err == nil {
			t.Skipf("ingest finished before the signal:\n%s", errb.String())
		}
		if out := errb.String(); !strings.Contains(out, "ingest stopped: ") || !strings.Contains(out, "context canceled") {
			t.Errorf("stderr does not say the ingest stopped:\n%s", errb.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("ingest did not stop within 20s of SIGINT\n%s", errb.String())
	}
	checkWhole(t, dir)

	// A second signal ends it at once.
	cmd = exec.Command(bin, "ingest", "--index", filepath.Join(tmp, "index2"), "--batch", "32", src)
	errb.Reset()
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	time.Sleep(1500 * time.Millisecond)
	// The second right behind the first, as an ingest that the first
	// stops within milliseconds would exit before a later one arrives;
	// a SIGTERM, as the kernel keeps only one of two pending SIGINTs.
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) || !strings.Contains(errb.String(), "second signal") {
			t.Errorf("after SIGINT and SIGTERM: %v, want exit 143 saying so\n%s", err, errb.String())
		}
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("ingest did not exit within 5s of a second SIGINT\n%s", errb.String())
	}
}
