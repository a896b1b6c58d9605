package ingest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sharedCorpus returns the path of ../shared/corpus/<rel>, skipping the test
// when it is absent outside CI (CI always has it: its absence fails there).
func sharedCorpus(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "corpus", rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared corpus missing in CI: %v", err)
		}
		t.Skipf("shared corpus not present: %v", err)
	}
	return p
}

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := NewExtractor(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// subsetDiff compares got (a JSON value) with want on the fields want has
// only; for "topics" arrays each wanted label must be among those got.
func subsetDiff(path string, got, want any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v, want object", path, got)}
		}
		var diffs []string
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			diffs = append(diffs, subsetDiff(path+"."+k, g[k], w[k])...)
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v, want array", path, got)}
		}
		if strings.HasSuffix(path, ".topics") {
			var diffs []string
			for _, x := range w {
				found := false
				for _, y := range g {
					if y == x {
						found = true
					}
				}
				if !found {
					diffs = append(diffs, fmt.Sprintf("%s: %v not among %v", path, x, g))
				}
			}
			return diffs
		}
		if len(g) != len(w) {
			return []string{fmt.Sprintf("%s: got %d elements, want %d\ngot:  %v\nwant: %v", path, len(g), len(w), g, w)}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, subsetDiff(fmt.Sprintf("%s[%d]", path, i), g[i], w[i])...)
		}
		return diffs
	default:
		if !cmp.Equal(got, want) {
			return []string{fmt.Sprintf("%s: got %#v, want %#v", path, got, want)}
		}
		return nil
	}
}

// asJSON round-trips v through encoding/json into generic values.
func asJSON(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSeedGolden(t *testing.T) {
	dir := sharedCorpus(t, "seed")
	data, err := os.ReadFile(filepath.Join(dir, "suzhou-2020-36.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := os.ReadFile(filepath.Join(dir, "suzhou-2020-36.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal(wantJSON, &want); err != nil {
		t.Fatal(err)
	}
	m, err := newTestExtractor(t).ExtractOne("suzhou-2020-36.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range subsetDiff("record", asJSON(t, m), want) {
		t.Error(d)
	}
}
