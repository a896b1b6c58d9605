package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServeEndToEnd builds the binary, starts `jiyao serve` on a loopback
// port over an empty index (which gets the sample), uploads a document with
// the token, finds it, and stops the server with SIGTERM.
func TestServeEndToEnd(t *testing.T) {
	seed, err := os.ReadFile(seedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin := builtBinary(t)
	const token = "e2e-token"
	srv := startServe(t, bin, []string{"JIYAO_TOKEN=" + token}, "--index", filepath.Join(tmp, "index"))
	base := srv.base

	get := func(path string, v any) int {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if v != nil {
			if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
		}
		return resp.StatusCode
	}
	var ready struct{ Meetings int }
	if st := get("/readyz", &ready); st != 200 || ready.Meetings < 2 {
		t.Fatalf("readyz: %d, %d meetings (want the sample)", st, ready.Meetings)
	}

	// Upload a document the sample does not hold.
	doc := strings.Replace(string(seed), "氢能", "端到端氢能", 1)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "e2e-纪要.txt")
	io.WriteString(fw, doc)
	mw.Close()
	req, _ := http.NewRequest("POST", base+"/api/v1/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var up struct {
		Added int
		Files []struct{ ID, Status string }
	}
	json.NewDecoder(resp.Body).Decode(&up)
	resp.Body.Close()
	if resp.StatusCode != 200 || up.Added != 1 || len(up.Files) != 1 {
		t.Fatalf("upload: %d %+v", resp.StatusCode, up)
	}
	var res struct {
		Total uint64
		Hits  []struct{ ID string }
	}
	if st := get("/api/v1/search?q="+url.QueryEscape(`"端到端氢能"`), &res); st != 200 || res.Total != 1 || res.Hits[0].ID != up.Files[0].ID {
		t.Fatalf("search for the upload: %d %+v, want %s", st, res, up.Files[0].ID)
	}
	if st := get("/", nil); st != 200 {
		t.Errorf("GET / (web pages): %d", st)
	}

	logs := srv.stop(t)
	for _, want := range []string{"loaded the sample", "msg=request", "request_id=", "stopped cleanly"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

// served is a `jiyao serve` started by a test.
type served struct {
	cmd    *exec.Cmd
	base   string // http://127.0.0.1:PORT
	exited chan error
	mu     sync.Mutex
	logs   bytes.Buffer
}

// startServe starts `jiyao serve` on a loopback port with the environment
// added to the test's, and waits until it listens. The process is killed
// at the end of the test if it still runs.
func startServe(t *testing.T, bin string, env []string, args ...string) *served {
	t.Helper()
	s := &served{cmd: exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...), exited: make(chan error, 1)}
	s.cmd.Env = append(os.Environ(), env...)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			<-s.exited
		}
	})
	addrc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		addrRE := regexp.MustCompile(`msg=listening addr=(\S+)`)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.logs.WriteString(line + "\n")
			s.mu.Unlock()
			if m := addrRE.FindStringSubmatch(line); m != nil {
				addrc <- m[1]
			}
		}
		s.exited <- s.cmd.Wait()
	}()
	select {
	case addr := <-addrc:
		s.base = "http://" + addr
	case err := <-s.exited:
		t.Fatalf("serve exited early: %v\n%s", err, s.log())
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start listening\n%s", s.log())
	}
	return s
}

func (s *served) log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logs.String()
}

// stop stops the server with SIGTERM, checks that it exits cleanly and
// returns its log.
func (s *served) stop(t *testing.T) string {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.exited:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, s.log())
		}
	case <-time.After(40 * time.Second):
		t.Fatalf("serve did not stop after SIGTERM\n%s", s.log())
	}
	return s.log()
}

func TestServeBadSettings(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		args []string
	}{
		{map[string]string{"JIYAO_RATE_LIMIT": "fast"}, nil},
		{map[string]string{"JIYAO_MAX_UPLOAD": "32MB"}, nil},
		{nil, []string{"--log", "xml"}},
		{nil, []string{"extra"}},
	} {
		_, _, err := runCmd(t, tt.env, append([]string{"serve", "--index", t.TempDir()}, tt.args...)...)
		if !errors.Is(err, errUsage) {
			t.Errorf("serve %v with %v: err = %v, want a usage error", tt.args, tt.env, err)
		}
	}
}
