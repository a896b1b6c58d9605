package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusPath returns the path of ../shared/corpus/<elem…>, the shared test
// corpus beside the repository. The test is skipped when it is missing,
// except in CI (CI set), where that is a failure.
func corpusPath(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "shared", "corpus"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared corpus missing in CI: %v", err)
		}
		t.Skipf("shared corpus missing: %v", err)
	}
	return p
}

// readCorpus returns the bytes of a file of the shared test corpus.
func readCorpus(t testing.TB, elem ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(corpusPath(t, elem...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
