package main

import (
	"context"
	"encoding/json"
	"os/exec"
	"testing"
	"time"

	"github.com/jiyao-search/jiyao/internal/bench"
)

// TestLoadtest runs jiyao loadtest for a second a phase on a small index:
// requests of every kind were answered, uploads too in the phase that has
// an uploader, and none with a 5xx or no answer. It asserts no latency.
func TestLoadtest(t *testing.T) {
	bin := builtBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute) // a hang fails, not blocks
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "loadtest", "--docs", "60", "--clients", "2", "--duration", "1s", "--json").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("loadtest: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var rep bench.LoadReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	if rep.Docs != 60 || rep.Meetings != 60 || len(rep.Phases) != 2 || rep.Phases[0].Uploader || !rep.Phases[1].Uploader {
		t.Fatalf("report: %+v", rep)
	}
	for _, p := range rep.Phases {
		for _, k := range p.Kinds {
			if k.Requests == 0 || k.Statuses["200"] == 0 {
				t.Errorf("uploader %v: no %s answered: %+v", p.Uploader, k.Kind, k)
			}
		}
		if p.Uploader && p.Uploads.Statuses["200"] == 0 {
			t.Errorf("no upload answered: %+v", p.Uploads)
		}
		if n := p.ServerFailures(); n > 0 || p.ServerErrors > 0 {
			t.Errorf("uploader %v: %d answers 5xx or none, %d server ERROR lines: %+v", p.Uploader, n, p.ServerErrors, p.Statuses)
		}
		if p.PeakRSS == 0 {
			t.Errorf("uploader %v: the server's memory was not sampled", p.Uploader)
		}
	}
}
