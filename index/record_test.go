package index

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
)

// recordKeys lists the record keys the meetings refer to, checking each
// can be read back, and that every item and decision hit is shown with its
// meeting's.
func recordKeys(t *testing.T, idx *Index) []string {
	t.Helper()
	var keys []string
	for _, level := range []string{LevelItem, LevelDecision} {
		res, err := idx.Search(context.Background(), Request{Level: level, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Source == "" || h.MeetingTitle == "" || h.Issuer == "" {
				t.Errorf("%s is shown without its meeting's source, title or issuer: %+v", h.ID, h)
			}
		}
	}
	err := idx.scan(context.Background(), termQ(fLevel, LevelMeeting), []string{fStored}, func(id string, f map[string]any) {
		k := readStored(f).Record
		if _, err := idx.loadRecord(k); err != nil {
			t.Errorf("%s refers to record %q: %v", id, k, err)
		}
		keys = append(keys, k)
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// TestRecordStore checks that every document of an on-disk index refers to
// a record it can read, through puts, replacements, deletes and a reopen.
func TestRecordStore(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		st, err := idx.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(recordKeys(t, idx)); uint64(n) != st.Meetings {
			t.Errorf("%s: documents refer to %d records, want one per meeting (%d)", step, n, st.Meetings)
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
