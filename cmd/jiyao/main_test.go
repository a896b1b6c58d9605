package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/shared"
)

// runCmd runs a command in-process with its own streams and environment.
func runCmd(t *testing.T, envs map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, getenv: func(k string) string { return envs[k] }}
	err = run(context.Background(), e, args)
	return out.String(), errb.String(), err
}

func seedPath(t *testing.T) string {
	t.Helper()
	return shared.CorpusPath(t, "seed", "suzhou-2020-36.txt")
}

func TestExtract(t *testing.T) {
	seed := seedPath(t)
	bad := filepath.Join(t.TempDir(), "bad.pdf")
	os.WriteFile(bad, []byte("%PDF-1.4 not really"), 0o644)
	out, errOut, err := runCmd(t, nil, "extract", "--json", bad, seed)
	if !errors.Is(err, errFailed) {
		t.Errorf("err = %v, want errFailed", err)
	}
	if !strings.Contains(errOut, bad) {
		t.Errorf("stderr %q does not name the failed file", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d JSON lines, want 1:\n%s", len(lines), out)
	}
	var m ingest.Minutes
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	if m.Source != seed || m.DocNumber != "〔2020〕36号" || m.Meeting.Session != 115 {
		t.Errorf("record: source %q doc number %q session %d", m.Source, m.DocNumber, m.Meeting.Session)
	}
	out, _, err = runCmd(t, nil, "extract", seed)
	if err != nil || !strings.Contains(out, "原则同意《苏州市氢能及燃料电池产业发展规划》 由市工信局") {
		t.Errorf("summary output (%v):\n%s", err, out)
	}
}

func TestUsage(t *testing.T) {
	if _, _, err := runCmd(t, nil); !errors.Is(err, errUsage) {
		t.Errorf("no command: %v", err)
	}
	if _, _, err := runCmd(t, nil, "nosuch"); !errors.Is(err, errUsage) {
		t.Errorf("unknown command: %v", err)
	}
	if _, _, err := runCmd(t, nil, "extract"); !errors.Is(err, errUsage) {
		t.Errorf("extract without files: %v", err)
	}
}

func TestIngestSearchStats(t *testing.T) {
	seed := seedPath(t)
	dir := filepath.Join(t.TempDir(), "idx")
	envs := map[string]string{"JIYAO_INDEX": dir}
	_, errOut, err := runCmd(t, envs, "ingest", "--sample", seed)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "added 42 (0 incomplete), updated 0, unchanged 0, skipped 0 (not meeting records), failed 0") {
		t.Errorf("ingest summary:\n%s", errOut)
	}
	// Again: nothing changes.
	_, errOut, err = runCmd(t, envs, "ingest", "--sample", seed)
	if err != nil || !strings.Contains(errOut, "added 0 (0 incomplete), updated 0, unchanged 42, skipped 0 (not meeting records), failed 0") {
		t.Errorf("second ingest (%v):\n%s", err, errOut)
	}
	out, _, err := runCmd(t, envs, "search", "--json", "--level", "decision", "苏州市氢能及燃料电池产业发展规划")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total uint64
		Mode  string
		Hits  []struct {
			Level    string
			Source   string
			Decision *ingest.Decision
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Total == 0 || res.Hits[0].Decision == nil || res.Hits[0].Decision.Lead != "市工信局" {
		t.Errorf("decision search: %s", out)
	}
	out, _, err = runCmd(t, envs, "stats", "--json")
	if err != nil || !strings.Contains(out, `"meetings":41`) {
		t.Errorf("stats (%v): %s", err, out)
	}
	defer func() {
		// The user's own documents, ingested without --sample, replace
		// the sample: only they are left.
		mine := filepath.Join(t.TempDir(), "mine")
		if err := os.MkdirAll(mine, 0o755); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mine, "纪要.txt"), bytes.Replace(data, []byte("氢能"), []byte("氫能"), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		// The seed itself, which the sample holds too: it is the user's now
		// and stays.
		if err := os.WriteFile(filepath.Join(mine, "seed.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, errOut, err := runCmd(t, envs, "ingest", "--quiet", mine)
		if err != nil || !strings.Contains(errOut, "removed the 40 meetings of the embedded sample") {
			t.Errorf("ingest of one's own documents (%v):\n%s", err, errOut)
		}
		out, _, err := runCmd(t, envs, "stats", "--json")
		if err != nil || !strings.Contains(out, `"meetings":2,`) {
			t.Errorf("stats after one's own ingest (%v): %s", err, out)
		}
	}()
	// Rebuild from the stored originals: the same records come back.
	if _, errOut, err := runCmd(t, envs, "reindex", "--quiet"); err != nil {
		t.Fatalf("reindex: %v\n%s", err, errOut)
	}
	again, _, err := runCmd(t, envs, "stats", "--json")
	if err != nil || dropSize(again) != dropSize(out) {
		t.Errorf("stats after reindex (%v):\n%s\nbefore:\n%s", err, again, out)
	}
	if _, err := os.Stat(dir + ".reindex"); !os.IsNotExist(err) {
		t.Errorf("reindex left its work folder: %v", err)
	}
}

// dropSize removes the size from stats JSON, which differs between two
// builds of the same records.
func dropSize(s string) string {
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return s
	}
	delete(m, "size_bytes")
	b, _ := json.Marshal(m)
	return string(b)
}
