package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/internal/sample"
)

// indexContents is what an index holds, as a rebuild must keep it: its
// version (its meetings and their ids), its counts and the hits of a
// search.
type indexContents struct {
	Version                    string
	Meetings, Items, Decisions uint64
	Hits                       []string
}

func indexContentsOf(t *testing.T, dir string) indexContents {
	t.Helper()
	ctx := context.Background()
	idx, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	var c indexContents
	if c.Version, err = idx.Version(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := idx.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Meetings, c.Items, c.Decisions = st.Meetings, st.Items, st.Decisions
	res, err := idx.Search(ctx, Request{Query: "会议", Level: LevelItem, Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		c.Hits = append(c.Hits, h.ID)
	}
	return c
}

// loadedDir returns the folder of an index of sample files, one of them
// changed after its first load and one deleted.
func loadedDir(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Load(ctx, sampleSources(6), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	f := sample.Files()[0]
	changed := strings.Replace(string(f.Data), "五、审议", "五、研究", 1)
	if _, err := idx.Load(ctx, []Source{BytesSource(f.Name, []byte(changed))}, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Delete(ctx, sum0ID(t, idx, sample.Files()[1].Name)); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Reindex rebuilds an index that holds what the old one held, in its
// folder, and leaves no work folder behind.
func TestReindex(t *testing.T) {
	dir := loadedDir(t)
	before := indexContentsOf(t, dir)
	if before.Meetings != 5 || len(before.Hits) == 0 {
		t.Fatalf("the index to rebuild holds %+v; want 5 meetings and hits", before)
	}
	var phases []string
	sum, err := Reindex(context.Background(), dir, LoadOptions{Progress: func(p Progress) {
		if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
			phases = append(phases, p.Phase)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if sum == nil || sum.Added != 5 || sum.Failed != 0 {
		t.Errorf("summary %+v; want 5 added (six files, one deleted)", sum)
	}
	if len(phases) == 0 || phases[len(phases)-1] != PhaseMerging {
		t.Errorf("phases reported %v; want them to end with %s", phases, PhaseMerging)
	}
	if diff := cmp.Diff(before, indexContentsOf(t, dir)); diff != "" {
		t.Errorf("rebuilt index (-before +after):\n%s", diff)
	}
	for _, p := range []string{dir + reindexSuffix, dir + oldSuffix} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("reindex left %s: %v", p, err)
		}
	}
}

// A reindex that stops before the swap, or cannot start, leaves the old
// index as it was.
func TestReindexKeepsOldIndex(t *testing.T) {
	dir := loadedDir(t)
	before := indexContentsOf(t, dir)

	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		sum, err := Reindex(ctx, dir, LoadOptions{})
		if !errors.Is(err, context.Canceled) || sum == nil {
			t.Errorf("Reindex with a canceled context = %+v, %v; want a summary and context.Canceled", sum, err)
		}
	})
	t.Run("locked", func(t *testing.T) {
		idx, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer idx.Close()
		sum, err := Reindex(context.Background(), dir, LoadOptions{})
		var le *LockedError
		if !errors.As(err, &le) || sum != nil {
			t.Errorf("Reindex of an open index = %+v, %v; want no summary and a *LockedError", sum, err)
		}
	})
	if diff := cmp.Diff(before, indexContentsOf(t, dir)); diff != "" {
		t.Errorf("old index (-before +after):\n%s", diff)
	}

	t.Run("nothing stored", func(t *testing.T) {
		empty := filepath.Join(t.TempDir(), "idx")
		idx, err := Open(empty, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := idx.Close(); err != nil {
			t.Fatal(err)
		}
		sum, err := Reindex(context.Background(), empty, LoadOptions{})
		if err == nil || sum != nil {
			t.Errorf("Reindex of an empty index = %+v, %v; want no summary and an error", sum, err)
		}
		if _, err := os.Stat(empty + reindexSuffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Reindex of an empty index made %s: %v", empty+reindexSuffix, err)
		}
	})
}
