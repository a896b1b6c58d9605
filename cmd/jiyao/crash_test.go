package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/gen"
	"github.com/jiyao-search/jiyao/server"
)

// The jiyao binary the end-to-end tests run, built once for the test run
// (builtBinary) and removed after it (TestMain).
var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

// builtBinary returns the jiyao binary, built on first use; under -short it
// skips the test, which would build and run it.
func builtBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "jiyao-test-bin-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "jiyao")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	server.ReleaseMode() // as main does
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// TestIngestKill kills `jiyao ingest` with SIGKILL in the middle of its work
// and checks that the index opens, holds whole meetings only (every item
// and decision document belongs to a stored meeting and every meeting has
// all of its items and decisions), and that the next run completes the work
// without duplicates.
func TestIngestKill(t *testing.T) {
	tmp := t.TempDir()
	bin := builtBinary(t)
	const n = 600
	src := writeGenerated(t, filepath.Join(tmp, "docs"), 11, n)
	dir := filepath.Join(tmp, "index")
	for round, delay := range []time.Duration{1500 * time.Millisecond, 2500 * time.Millisecond} {
		killAfter(t, exec.Command(bin, "ingest", "--index", dir, "--batch", "32", "--quiet", src), delay)
		meetings := checkWhole(t, dir)
		t.Logf("round %d: killed after %s with %d whole meetings", round, delay, meetings)
	}
	out, err := exec.Command(bin, "ingest", "--index", dir, "--quiet", src).CombinedOutput()
	if err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "failed 0") || !strings.Contains(string(out), "updated 0") {
		t.Errorf("final ingest summary: %s", out)
	}
	if got := checkWhole(t, dir); got != n {
		t.Errorf("after the final run: %d meetings, want %d", got, n)
	}
}

// killAfter starts cmd and kills it with SIGKILL after delay, unless it
// finished before; it reports whether it killed it.
func killAfter(t *testing.T, cmd *exec.Cmd, delay time.Duration) bool {
	t.Helper()
	killed, err := runOrKill(t, cmd, delay)
	if !killed {
		t.Logf("%s finished before the kill (%v)", strings.Join(cmd.Args[1:2], " "), err)
	}
	return killed
}

// runOrKill starts cmd and waits for it at most limit, killing it with
// SIGKILL if it is still running then; it returns whether it killed it
// and cmd's error.
func runOrKill(t *testing.T, cmd *exec.Cmd, limit time.Duration) (killed bool, err error) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return false, err
	case <-time.After(limit):
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
			t.Fatal(err)
		}
		return true, <-done
	}
}

// checkWhole opens the index and checks that its meetings are whole: the
// item and decision documents in the index are exactly those the stored
// records describe. It returns the number of meetings.
func checkWhole(t *testing.T, dir string) int {
	t.Helper()
	ctx := context.Background()
	idx, err := index.Open(dir, index.Options{ReadOnly: true})
	if errors.Is(err, os.ErrNotExist) {
		return 0 // killed before the index was created
	}
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer idx.Close()
	st, err := idx.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Walk every meeting and count what its record says it has.
	var items, decisions uint64
	meetings := 0
	after := ""
	for {
		res, err := idx.Search(ctx, index.Request{Size: index.MaxSize, After: after, Sort: "date"})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			rec, err := idx.Get(ctx, h.ID)
			if err != nil {
				t.Fatalf("meeting %s listed but not readable: %v", h.ID, err)
			}
			meetings++
			items += uint64(len(rec.Items))
			for _, it := range rec.Items {
				decisions += uint64(len(it.Decisions))
			}
		}
		if res.Next == "" {
			break
		}
		after = res.Next
	}
	if uint64(meetings) != st.Meetings || items != st.Items || decisions != st.Decisions {
		t.Fatalf("index not whole: stats %d meetings, %d items, %d decisions; records describe %d, %d, %d",
			st.Meetings, st.Items, st.Decisions, meetings, items, decisions)
	}
	// Every item document points at a meeting that exists.
	after = ""
	for {
		res, err := idx.Search(ctx, index.Request{Level: "item", Size: index.MaxSize, After: after, Sort: "date"})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if _, err := idx.Get(ctx, h.MeetingID); err != nil {
				t.Fatalf("item %s without its meeting: %v", h.ID, err)
			}
		}
		if res.Next == "" {
			break
		}
		after = res.Next
	}
	return meetings
}

// packsSize sums the pack files of the index in dir.
func packsSize(t *testing.T, dir string) int64 {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(dir, "packs"))
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, e := range ents {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		n += info.Size()
	}
	return n
}

// TestCompactAfterKills kills `jiyao ingest` with SIGKILL again and again,
// completes the work, and runs `jiyao compact`: the packs, grown by every
// interrupted run, come back within 10% of a clean run's, and the index
// holds whole meetings, every file's original once.
func TestCompactAfterKills(t *testing.T) {
	tmp := t.TempDir()
	bin := builtBinary(t)
	const n = 600
	src := writeGenerated(t, filepath.Join(tmp, "docs"), 12, n)
	clean := cleanPacks(t, bin, src, filepath.Join(tmp, "clean"))

	dir := filepath.Join(tmp, "index")
	kills := 0
	for round := range 6 {
		if killAfter(t, exec.Command(bin, "ingest", "--index", dir, "--batch", "16", "--quiet", src), time.Duration(300+100*round)*time.Millisecond) {
			kills++
		}
	}
	if out, err := exec.Command(bin, "ingest", "--index", dir, "--quiet", src).CombinedOutput(); err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	grown := packsSize(t, dir)
	if kills == 0 || grown <= clean {
		t.Skipf("no run was interrupted with work left undone (%d kills, packs %d bytes, clean %d)", kills, grown, clean)
	}
	compacted := compactWithin(t, bin, dir, clean)
	t.Logf("%d kills; packs of a clean run %d bytes, after the kills %d, compacted %d", kills, clean, grown, compacted)
	if got := checkWhole(t, dir); got != n {
		t.Errorf("after compacting: %d meetings, want %d", got, n)
	}
	srcs, err := index.Originals(dir)
	if err != nil || len(srcs) != n {
		t.Errorf("originals after compacting: %d, %v; want %d", len(srcs), err, n)
	}
}

// TestIngestAfterFullDisk runs `jiyao ingest` where no file may grow past
// half of what a clean run's packs hold (bash's ulimit -f: a write past it
// fails with EFBIG, which Go does not turn into a signal), as when the
// disk fills: the run stops with a clear error and keeps what it
// committed; the run after the disk is freed completes the work, and
// `jiyao compact` brings the packs back within 10% of a clean run's.
func TestIngestAfterFullDisk(t *testing.T) {
	tmp := t.TempDir()
	bin := builtBinary(t)
	const n = 600
	src := writeGenerated(t, filepath.Join(tmp, "docs"), 13, n)
	clean := cleanPacks(t, bin, src, filepath.Join(tmp, "clean"))

	dir := filepath.Join(tmp, "index")
	limitKB := clean / 2 / 1024
	full := exec.Command("bash", "-c", fmt.Sprintf(`ulimit -f %d && exec "$0" "$@"`, limitKB), bin, "ingest", "--index", dir, "--batch", "16", "--quiet", src)
	out, err := full.CombinedOutput()
	if err == nil {
		t.Fatalf("ingest with files limited to %d KiB succeeded; want it stopped\n%s", limitKB, out)
	}
	if !strings.Contains(string(out), "file too large") || !strings.Contains(string(out), "run again") {
		t.Errorf("the stopped run says:\n%s\nwant the write that failed and what to do", out)
	}
	kept := checkWhole(t, dir)
	t.Logf("full disk at %d KiB: %d whole meetings kept", limitKB, kept)

	if out, err := exec.Command(bin, "ingest", "--index", dir, "--quiet", src).CombinedOutput(); err != nil {
		t.Fatalf("ingest after the disk was freed: %v\n%s", err, out)
	}
	if got := checkWhole(t, dir); got != n {
		t.Errorf("after the retry: %d meetings, want %d", got, n)
	}
	grown := packsSize(t, dir)
	compacted := compactWithin(t, bin, dir, clean)
	t.Logf("packs of a clean run %d bytes, after the full disk and retry %d, compacted %d", clean, grown, compacted)
}

// cleanPacks ingests src into a new index at dir in one uninterrupted run
// and returns the size of its packs, what the interrupted runs are held to.
func cleanPacks(t *testing.T, bin, src, dir string) int64 {
	t.Helper()
	if out, err := exec.Command(bin, "ingest", "--index", dir, "--quiet", src).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	return packsSize(t, dir)
}

// compactWithin runs `jiyao compact` on dir, checks that its packs come
// back within 10% of a clean run's, and returns their size.
func compactWithin(t *testing.T, bin, dir string, clean int64) int64 {
	t.Helper()
	out, err := exec.Command(bin, "compact", "--index", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("compact: %v\n%s", err, out)
	}
	t.Logf("%s", out)
	compacted := packsSize(t, dir)
	if compacted > clean*11/10 {
		t.Errorf("compacted packs hold %d bytes; a clean run's %d (+10%% is %d)", compacted, clean, clean*11/10)
	}
	return compacted
}

// writeGenerated writes n generated minutes of the seed into dir, which it
// makes, and returns dir.
func writeGenerated(t *testing.T, dir string, seed uint64, n int) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	g := gen.New(seed)
	for i := range n {
		d := g.Doc(i)
		if err := os.WriteFile(filepath.Join(dir, d.Name), d.Text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
