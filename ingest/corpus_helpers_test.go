package ingest

import (
	"os"
	"testing"

	"github.com/jiyao-search/jiyao/internal/shared"
)

// corpusPath returns the path of ../shared/corpus/<elem…>, the shared test
// corpus beside the repository; the test fails when it is missing.
func corpusPath(t testing.TB, elem ...string) string {
	t.Helper()
	return shared.CorpusPath(t, elem...)
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
