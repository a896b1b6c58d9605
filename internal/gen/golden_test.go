package gen

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden documents in testdata")

// The golden documents pin the output of seed 1: a change to them means
// every generated corpus changes (new vocabulary, new layout, or a new Go
// release that draws differently from math/rand/v2).
func TestGolden(t *testing.T) {
	tests := []struct {
		file string
		opts []Option
		i    int
	}{
		{"gen-000000.txt", nil, 0},
		{"gen-000001-wrap40.txt", []Option{WrapAt(40)}, 1},
	}
	for _, tt := range tests {
		got := New(1, tt.opts...).Doc(tt.i).Text
		path := filepath.Join("testdata", tt.file)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read golden (run with -update to create it): %v", err)
		}
		if string(got) != string(want) {
			t.Errorf("Doc(%d) differs from %s; if intended, run go test -update\ngot:\n%s", tt.i, path, got)
		}
	}
}
