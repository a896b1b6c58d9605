// Package shared finds the project's shared test data, ../shared beside the
// repository (the seed document, the real corpus and its gold records), for
// the tests of every package.
package shared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// CorpusPath returns the path of elem under ../shared/corpus, the folder
// beside the repository's root. A test that needs the shared corpus fails
// when it is missing, saying where it was looked for: a test that skipped
// would pass on a machine that never ran it.
func CorpusPath(t testing.TB, elem ...string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatalf("shared corpus: %v", err)
	}
	p := filepath.Join(append([]string{root, "..", "shared", "corpus"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("shared corpus: %v (the tests read ../shared beside the repository; see README)", err)
	}
	return p
}

// moduleRoot is the folder of the go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
