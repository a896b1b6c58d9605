package sample

import (
	"bytes"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	fs := Files()
	if len(fs) != Generated+1 {
		t.Fatalf("got %d files, want %d", len(fs), Generated+1)
	}
	if !bytes.Contains(fs[0].Data, []byte("苏州市氢能及燃料电池产业发展规划")) {
		t.Errorf("first file is not the seed document")
	}
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.Name] || !strings.HasPrefix(f.Name, "sample/") || len(f.Data) == 0 {
			t.Errorf("bad or duplicate sample file %q (%d bytes)", f.Name, len(f.Data))
		}
		seen[f.Name] = true
	}
	again := Files()
	for i := range fs {
		if !bytes.Equal(fs[i].Data, again[i].Data) {
			t.Errorf("%s differs between calls", fs[i].Name)
		}
	}
}
