package index

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
)

// recordFiles lists the keys of the records stored under an index folder.
func recordFiles(t *testing.T, dir string) []string {
	t.Helper()
	var keys []string
	err := filepath.WalkDir(filepath.Join(dir, recordsDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			keys = append(keys, strings.TrimSuffix(d.Name(), ".json.gz"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(keys)
	return keys
}

// recordKeys lists the record keys the meeting documents refer to.
func recordKeys(t *testing.T, idx *Index) []string {
	t.Helper()
	var keys []string
	err := idx.scan(context.Background(), termQ(fLevel, LevelMeeting), []string{fRecordKey}, func(_ string, f map[string]any) {
		keys = append(keys, str(f[fRecordKey]))
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(keys)
	return keys
}

// TestRecordStore checks that an on-disk index keeps exactly the records its
// meetings refer to through puts, replacements, deletes and a reopen.
func TestRecordStore(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		if diff := cmp.Diff(recordKeys(t, idx), recordFiles(t, dir)); diff != "" {
			t.Errorf("%s: stored records differ from those referred to (-referred +stored):\n%s", step, diff)
		}
	}
	if err := idx.Put(ctx, fixtures()); err != nil {
		t.Fatal(err)
	}
	check("put")
	if err := idx.Put(ctx, fixtures()); err != nil {
		t.Fatal(err)
	}
	check("put again")

	rec := suzhou()
	rec.SHA256 = "s2"
	rec.Items = rec.Items[:1]
	if err := idx.Put(ctx, []*ingest.Minutes{rec}); err != nil {
		t.Fatal(err)
	}
	check("replace")
	if err := idx.Delete(ctx, taipei().ID); err != nil {
		t.Fatal(err)
	}
	check("delete")
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx, err = Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	got, err := idx.Get(ctx, rec.ID+"/i1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rec, got); diff != "" {
		t.Errorf("Get after reopen mismatch (-want +got):\n%s", diff)
	}
	res, err := idx.Search(ctx, Request{Query: "财政局", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || len(res.Hits[0].Snippets) == 0 || !strings.Contains(res.Hits[0].Snippets[0], "<mark>") {
		t.Errorf("meeting hits of 财政局 after reopen have no marked snippet: %+v", res.Hits)
	}
}
