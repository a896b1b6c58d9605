package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"mime"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// docsCurlLines returns the curl commands of the ```sh blocks of a
// Markdown file, continuation lines joined.
func docsCurlLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	inBlock := false
	var cont string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock = line == "```sh"
			continue
		case !inBlock:
			continue
		}
		line = cont + line
		if strings.HasSuffix(line, `\`) {
			cont = strings.TrimSuffix(line, `\`)
			continue
		}
		cont = ""
		if strings.HasPrefix(strings.TrimSpace(line), "curl ") {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return out
}

// TestDocsCurlExamples runs every curl line of docs/api.md and of the
// README's quick start with the real curl against a live server holding
// the seed document, and checks the status and that JSON answers are JSON.
func TestDocsCurlExamples(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("no curl binary")
	}
	f := newFixture(t, Options{Token: testToken}, 0)
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	var lines []string
	for _, doc := range []struct {
		path string
		min  int
	}{{filepath.Join("..", "docs", "api.md"), 20}, {filepath.Join("..", "README.md"), 2}} {
		l := docsCurlLines(t, doc.path)
		if len(l) < doc.min {
			t.Fatalf("found %d curl examples in %s, want at least %d", len(l), doc.path, doc.min)
		}
		lines = append(lines, l...)
	}
	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, "minutes.txt"), readSeed(t), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, line := range lines {
		if strings.Contains(line, "|") || strings.Contains(line, ";") && !strings.Contains(line, "'") {
			t.Errorf("example %q is not one plain curl command", line)
			continue
		}
		cmdline := strings.NewReplacer("http://localhost:8080", ts.URL, "http://127.0.0.1:8080", ts.URL).Replace(line)
		body := filepath.Join(work, "body")
		os.Remove(body)
		if !strings.Contains(cmdline, " -o ") {
			cmdline += " -o " + body
		} else {
			body = ""
		}
		cmdline += ` -S -w '%{http_code} %{content_type}'`
		cmd := exec.Command("sh", "-c", cmdline)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "JIYAO_TOKEN="+testToken, "PATH="+filepath.Dir(curl)+":"+os.Getenv("PATH"))
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		status, ctype, _ := strings.Cut(string(out), " ")
		if status != "200" {
			b, _ := os.ReadFile(body)
			t.Errorf("%s: status %s: %.300s", line, status, b)
			continue
		}
		if body == "" {
			continue
		}
		b, err := os.ReadFile(body)
		if err != nil || len(b) == 0 {
			t.Errorf("%s: empty answer", line)
			continue
		}
		mt, _, _ := mime.ParseMediaType(ctype)
		switch mt {
		case "application/json":
			if !json.Valid(b) {
				t.Errorf("%s: answer is not JSON: %.300s", line, b)
			}
		case "application/jsonl":
			for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				if !json.Valid([]byte(l)) {
					t.Errorf("%s: line is not JSON: %.300s", line, l)
					break
				}
			}
		}
	}
}
