package index

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/sample"
)

// recountVersion computes the version from scratch, as the server did
// before the index kept it: every meeting id, page by page, through Search.
func recountVersion(t *testing.T, idx *Index) string {
	t.Helper()
	var (
		n     int
		x     uint64
		after string
	)
	for {
		res, err := idx.Search(context.Background(), Request{Level: LevelMeeting, Size: MaxSize, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			x ^= idDigest(h.ID)
			n++
		}
		if res.Next == "" {
			break
		}
		after = res.Next
	}
	return fmt.Sprintf("m%s-%d-%016x", MappingVersion, n, x)
}

func version(t *testing.T, idx *Index) string {
	t.Helper()
	v, err := idx.Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestVersionIncremental follows every write path of the index (Put of new
// records, of the same records again, of a changed record from the same
// source, Delete, Load, RemoveFromPrefix) with the version counted once at
// open and kept by the writes since, and compares it with a full recount
// after each; then with a count from scratch after reopening.
func TestVersionIncremental(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { idx.Close() }()
	empty := version(t, idx)
	if want := "m" + MappingVersion + "-0-0000000000000000"; empty != want {
		t.Errorf("version of an empty index = %s; want %s", empty, want)
	}
	check := func(step string) string {
		t.Helper()
		got, want := version(t, idx), recountVersion(t, idx)
		if got != want {
			t.Errorf("after %s: kept version %s; recounted %s", step, got, want)
		}
		return got
	}

	recs := synthetic(30)
	if err := idx.Put(ctx, recs[:20]); err != nil {
		t.Fatal(err)
	}
	v20 := check("put of 20")
	if err := idx.Put(ctx, recs[10:30]); err != nil { // 10 again, 10 new
		t.Fatal(err)
	}
	v30 := check("put of 10 again and 10 new")
	if v30 == v20 {
		t.Errorf("version did not change with 10 new meetings: %s", v30)
	}
	if err := idx.Put(ctx, recs[:30]); err != nil {
		t.Fatal(err)
	}
	if v := check("put of all again"); v != v30 {
		t.Errorf("putting the same records again changed the version: %s → %s", v30, v)
	}

	// A changed file: a new id from the same source replaces the old.
	changed := synthetic(1)[0]
	changed.ID, changed.SHA256 = "00000000000000ff", "changed"
	if err := idx.Put(ctx, []*ingest.Minutes{changed}); err != nil {
		t.Fatal(err)
	}
	check("put of a changed record")

	for _, id := range []string{recs[3].ID, recs[17].ID} {
		if err := idx.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Delete(ctx, recs[3].ID); err == nil {
		t.Fatal("second delete succeeded")
	}
	if err := idx.Delete(ctx, recs[5].ID+"/i1"); err == nil {
		t.Fatal("delete of an item succeeded")
	}
	check("deletes")

	if _, err := idx.Load(ctx, sampleSources(6), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	withSample := check("load")
	if _, err := idx.Load(ctx, sampleSources(6), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if v := check("load again"); v != withSample {
		t.Errorf("loading the same files again changed the version: %s → %s", withSample, v)
	}
	if n, err := idx.RemoveFromPrefix(ctx, sample.Prefix, nil); err != nil || n != 6 {
		t.Fatalf("RemoveFromPrefix = %d, %v; want 6", n, err)
	}
	before := check("remove from prefix")

	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if idx, err = Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	if v := check("reopen"); v != before {
		t.Errorf("version changed with reopening: %s → %s", before, v)
	}
}

// TestVersionConcurrent counts the version while batches are written, from
// several goroutines at once: every count and batch must be taken into
// account once (run with -race).
func TestVersionConcurrent(t *testing.T) {
	ctx := context.Background()
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	recs := synthetic(64)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(recs); i += 4 {
				if err := idx.Put(ctx, recs[i:i+1]); err != nil {
					t.Error(err)
					return
				}
			}
		})
		wg.Go(func() {
			for range 16 {
				if _, err := idx.Version(ctx); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if got, want := version(t, idx), recountVersion(t, idx); got != want {
		t.Errorf("kept version %s; recounted %s", got, want)
	}
}
