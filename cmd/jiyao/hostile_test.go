package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jiyao-search/jiyao/internal/bench"
	"github.com/jiyao-search/jiyao/internal/hostile"
	"github.com/jiyao-search/jiyao/server"
)

// Budgets of one `jiyao extract` of a hostile file.
const (
	hostileTime = 5 * time.Second
	hostileRSS  = 512 << 20 // bytes
)

// hostileErrors is what `jiyao extract` must report for each file of the
// hostile corpus.
var hostileErrors = map[string]string{
	"pdf-kids-cycle.pdf":   "pdf page tree has a cycle at object 3 0 R",
	"pdf-parent-loop.pdf":  "pdf of 1 pages has no text",
	"pdf-xref-cycle.pdf":   "pdf cross-reference chain has a cycle",
	"pdf-objstm-cycle.pdf": "pdf object streams extend each other in a cycle at object 4",
	"pdf-objstm-self.pdf":  "pdf object stream 4 is itself in an object stream",
	"pdf-objstm-ref.pdf":   "pdf object stream 4 refers to object 3 in an object stream",
	"pdf-form-fanout.pdf":  "pdf reader read more than 5 MiB of the file",
	"pdf-stream-bomb.pdf":  "pdf streams decompress to more than 64 MiB",
	"pdf-op-flood.pdf":     "pdf content has more than 5000000 operators",
	"docx-bomb.docx":       "word/document.xml inflates past 64 MiB",
	"docx-members.docx":    "zip archive of 640001 members is over the 10000-member limit",
	"html-nested.html":     "html: open stack of elements exceeds 512 nodes",
	"html-flat.html":       "html has more than 250000 tags and text runs",
	"json-feed.json":       "JSON holds more than 10000 records",
	"text-lines.txt":       "document has more than 20000 lines of text; split it",
}

// TestHostileExtract runs `jiyao extract` on each file of the hostile
// corpus and checks that it fails with a clear error within hostileTime
// and hostileRSS of peak memory; and that extract stops promptly on
// SIGINT and SIGTERM while it is stuck.
func TestHostileExtract(t *testing.T) {
	tmp := t.TempDir()
	bin := builtBinary(t)
	files := hostileFiles(t, filepath.Join(tmp, "files"))
	for _, f := range hostile.Files() {
		t.Run(f.Name, func(t *testing.T) {
			want, ok := hostileErrors[f.Name]
			if !ok {
				t.Fatalf("no expected error for %s", f.Name)
			}
			path := filepath.Join(files, f.Name)
			defer os.Remove(path)
			cmd := exec.Command(bin, "extract", path)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			took, err := runWithin(t, cmd, hostileTime)
			rss := int64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) << 10 // KiB on Linux
			t.Logf("%s: %v, max RSS %d MiB: %s", f.Name, took.Round(time.Millisecond), rss>>20, strings.TrimSpace(stderr.String()))
			if code := cmd.ProcessState.ExitCode(); err == nil || code != 1 {
				t.Errorf("jiyao extract %s: exit code %d, want 1", f.Name, code)
			}
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("jiyao extract %s: stderr %q, want it to say %q", f.Name, stderr.String(), want)
			}
			if rss > hostileRSS {
				t.Errorf("jiyao extract %s: max RSS %d MiB, over the %d MiB budget", f.Name, rss>>20, hostileRSS>>20)
			}
		})
	}
	// A FIFO without a writer blocks the open in extract for ever: the
	// signal must end the process anyway.
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run("signal-"+sig.String(), func(t *testing.T) {
			fifo := filepath.Join(tmp, "fifo")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Fatal(err)
			}
			defer os.Remove(fifo)
			cmd := exec.Command(bin, "extract", fifo)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(500 * time.Millisecond)
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("jiyao extract still running 2s after %v", sig)
			}
			t.Logf("%v: exited %v after the signal with %q", sig, time.Since(sent).Round(time.Millisecond), strings.TrimSpace(stderr.String()))
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("after %v: exit code %d, want 1", sig, code)
			}
			if want := "context canceled"; !strings.Contains(stderr.String(), want) {
				t.Errorf("after %v: stderr %q, want it to say %q", sig, stderr.String(), want)
			}
		})
	}
}

// Budgets of the upload of one hostile file to a loopback jiyao serve,
// its sending included, and of the server's peak resident memory over all
// of them.
const (
	hostileUploadTime = 5 * time.Second
	hostileServerRSS  = 512 << 20 // bytes
)

// TestHostileUpload uploads each file of the hostile corpus to a `jiyao
// serve` on loopback through the real upload API, as jiyao ingest --server
// sends files: each is answered within hostileUploadTime with an error in
// the API's shape, 413 too_large for a file over the upload limit and
// otherwise 415 unsupported_format saying what jiyao extract says; a PDF
// with no text at all is a file Jiyao reads, so its upload is answered 200
// with the file failed (no_text_layer), as the API documents. Nothing is
// indexed, and the server's peak resident memory (VmHWM) stays within
// hostileServerRSS.
func TestHostileUpload(t *testing.T) {
	tmp := t.TempDir()
	bin := builtBinary(t)
	files := hostileFiles(t, filepath.Join(tmp, "files"))
	const token = "hostile-token"
	srv := startServe(t, bin, []string{"JIYAO_TOKEN=" + token}, "--index", filepath.Join(tmp, "index"), "--no-sample", "--rate", "-1")
	up, err := newUploader(srv.base, token)
	if err != nil {
		t.Fatal(err)
	}
	pid := srv.cmd.Process.Pid
	for _, f := range hostile.Files() {
		t.Run(f.Name, func(t *testing.T) {
			want, ok := hostileErrors[f.Name]
			if !ok {
				t.Fatalf("no expected error for %s", f.Name)
			}
			data, err := os.ReadFile(filepath.Join(files, f.Name))
			if err != nil {
				t.Fatal(err)
			}
			// Twice the budget, so that a server that never answers
			// fails the test instead of hanging it.
			ctx, cancel := context.WithTimeout(context.Background(), 2*hostileUploadTime)
			defer cancel()
			start := time.Now()
			status, body, _, err := up.post(ctx, upload{names: []string{f.Name}, data: [][]byte{data}})
			took := time.Since(start)
			if err != nil {
				t.Fatalf("upload %s (%d bytes): %v after %v\n%s", f.Name, len(data), err, took.Round(time.Millisecond), srv.log())
			}
			hwm, err := bench.PIDStatus(pid, "VmHWM")
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes sent, answered %d in %v, server VmHWM %d MiB: %.300s", f.Name, len(data), status, took.Round(time.Millisecond), hwm>>20, body)
			if took > hostileUploadTime {
				t.Errorf("upload %s: answered after %v, over the %v budget", f.Name, took.Round(time.Millisecond), hostileUploadTime)
			}
			if hwm > hostileServerRSS {
				t.Errorf("upload %s: server VmHWM %d MiB, over the %d MiB budget", f.Name, hwm>>20, hostileServerRSS>>20)
			}
			var got struct {
				Error *struct{ Code, Message string }
				Files []struct {
					Status string
					Error  *struct{ Code, Message string }
				}
			}
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("upload %s: %d with a body that is not JSON (%v): %.200q", f.Name, status, err, body)
			}
			switch {
			case len(data) > server.DefaultMaxUploadBytes:
				if status != http.StatusRequestEntityTooLarge || got.Error == nil || got.Error.Code != "too_large" {
					t.Errorf("upload %s of %d bytes: %s, want 413 too_large", f.Name, len(data), body)
				}
			case f.Name == "pdf-parent-loop.pdf":
				if status != http.StatusOK || len(got.Files) != 1 || got.Files[0].Status != "failed" || got.Files[0].Error == nil ||
					got.Files[0].Error.Code != "no_text_layer" || !strings.Contains(got.Files[0].Error.Message, want) {
					t.Errorf("upload %s: %d %s, want 200 with the file failed, no_text_layer, saying %q", f.Name, status, body, want)
				}
			default:
				if status != http.StatusUnsupportedMediaType || got.Error == nil || got.Error.Code != "unsupported_format" || !strings.Contains(got.Error.Message, want) {
					t.Errorf("upload %s: %d %s, want 415 unsupported_format saying %q", f.Name, status, body, want)
				}
			}
		})
	}
	resp, err := http.Get(srv.base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	var ready struct{ Meetings *int }
	err = json.NewDecoder(resp.Body).Decode(&ready)
	resp.Body.Close()
	if err != nil || ready.Meetings == nil || *ready.Meetings != 0 {
		t.Errorf("readyz after the hostile uploads: %v, meetings %v; want none indexed", err, ready.Meetings)
	}
	srv.stop(t)
}

// hostileFiles writes the hostile corpus into dir and returns dir. The
// files are made in a child process (TestHostileFiles): Linux counts the
// peak memory of this process, which the children start from, in theirs.
func hostileFiles(t *testing.T, dir string) string {
	t.Helper()
	helper := exec.Command(os.Args[0], "-test.run=^TestHostileFiles$")
	helper.Env = append(os.Environ(), "JIYAO_HOSTILE_DIR="+dir)
	if out, err := helper.CombinedOutput(); err != nil {
		t.Fatalf("make the hostile files: %v\n%s", err, out)
	}
	return dir
}

// TestHostileFiles writes the hostile corpus into $JIYAO_HOSTILE_DIR for
// hostileFiles; it does nothing without it.
func TestHostileFiles(t *testing.T) {
	dir := os.Getenv("JIYAO_HOSTILE_DIR")
	if dir == "" {
		t.Skip("a helper of TestHostileExtract")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range hostile.Files() {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Make(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runWithin runs cmd and kills it if it is still running after limit,
// failing the test. It returns the time taken and cmd's error.
func runWithin(t *testing.T, cmd *exec.Cmd, limit time.Duration) (time.Duration, error) {
	t.Helper()
	start := time.Now()
	killed, err := runOrKill(t, cmd, limit)
	if killed {
		t.Errorf("%s still running after %v; killed", strings.Join(cmd.Args, " "), limit)
	}
	return time.Since(start), err
}
