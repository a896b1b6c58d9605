package index

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// TestScorchContract pins, one subtest each, what scorch.go assumes of
// scorch's internals, on an index written in batches (several segments):
// a bleve upgrade that changes one of them fails here, by name.
func TestScorchContract(t *testing.T) {
	dir := t.TempDir()
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for c := range slices.Chunk(itemCorpus(t, 40), 5) {
		if err := idx.Put(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("a reader is a snapshot of segments", func(t *testing.T) {
		r := indexReader(t, idx)
		defer r.Close()
		ss, err := snapshotSegments(r, "the contract test")
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) < 2 {
			t.Fatalf("%d segments after 8 batches; want several", len(ss))
		}
	})

	t.Run("internal ids number documents across segments", func(t *testing.T) {
		r := indexReader(t, idx)
		defer r.Close()
		ss, err := snapshotSegments(r, "the contract test")
		if err != nil {
			t.Fatal(err)
		}
		offsets := docOffsets(ss)
		res, err := idx.b.Search(bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 100000, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) < 40 {
			t.Fatalf("%d documents; want the 40 meetings and their items", len(res.Hits))
		}
		for _, h := range res.Hits {
			n := docNum(h.IndexInternalID)
			if !bytes.Equal(docID(n), h.IndexInternalID) {
				t.Fatalf("docID(docNum(%x)) = %x", h.IndexInternalID, docID(n))
			}
			i, local, ok := segmentOf(offsets, n)
			if !ok {
				t.Fatalf("document %d (%s) is past the snapshot's %d documents", n, h.ID, offsets[len(offsets)-1])
			}
			id := ""
			if err := ss[i].VisitDocument(local, func(name string, _ byte, v []byte, _ []uint64) bool {
				if name == "_id" {
					id = string(v)
				}
				return true
			}); err != nil {
				t.Fatal(err)
			}
			if id != h.ID {
				t.Fatalf("document %d is %q in segment %d at %d; the search says %q", n, id, i, local, h.ID)
			}
		}
	})

	t.Run("a segment keeps its identity and content across snapshots", func(t *testing.T) {
		r1 := indexReader(t, idx)
		defer r1.Close()
		ss1, err := snapshotSegments(r1, "the contract test")
		if err != nil {
			t.Fatal(err)
		}
		// A second reader of the same snapshot: the same segments, equal
		// as map keys.
		r0 := indexReader(t, idx)
		ss0, err := snapshotSegments(r0, "the contract test")
		r0.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(ss0) != len(ss1) {
			t.Fatalf("two readers with no write between: %d and %d segments", len(ss0), len(ss1))
		}
		for i := range ss1 {
			if ss0[i].Segment() != ss1[i].Segment() {
				t.Fatalf("segment %d: two readers with no write between see different segment values", i)
			}
		}
		first := map[any]string{} // segment → its first document's _id
		for _, s := range ss1 {
			first[s.Segment()] = firstID(t, s)
		}
		if err := idx.Put(context.Background(), itemCorpus(t, 45)[40:]); err != nil {
			t.Fatal(err)
		}
		r2 := indexReader(t, idx)
		defer r2.Close()
		ss2, err := snapshotSegments(r2, "the contract test")
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, s := range ss2 {
			want, ok := first[s.Segment()]
			if !ok {
				continue // new, or a merge's
			}
			kept++
			if got := firstID(t, s); got != want {
				t.Errorf("a segment kept across snapshots starts with %q, had %q", got, want)
			}
		}
		if kept == 0 && len(ss2) > 1 {
			t.Logf("every segment was merged away between the snapshots: identity not exercised")
		}
	})

	t.Run("ids are terms of the id field", func(t *testing.T) {
		ctx := context.Background()
		recs := itemCorpus(t, 2)
		for _, c := range []struct {
			id   string
			want bool
		}{{recs[0].ID, true}, {recs[1].ID, true}, {recs[1].ID + "x", false}, {"", false}} {
			if got, err := idx.has(ctx, fID, c.id); err != nil || got != c.want {
				t.Errorf("has(%s, %q) = %v, %v; want %v", fID, c.id, got, err, c.want)
			}
		}
		if err := idx.Delete(ctx, recs[0].ID); err != nil {
			t.Fatal(err)
		}
		if got, err := idx.has(ctx, fID, recs[0].ID); err != nil || got {
			t.Errorf("has(%s, %q) of a deleted meeting = %v, %v; want false", fID, recs[0].ID, got, err)
		}
	})

	t.Run("persisted segments are files in the index folder", func(t *testing.T) {
		if err := idx.Close(); err != nil {
			t.Fatal(err)
		}
		size, _, err := SettledSize(dir)
		if err != nil {
			t.Fatal(err)
		}
		if size <= 0 {
			t.Errorf("SettledSize = %d index bytes; want the segments' files", size)
		}
	})
}

// firstID returns the _id of a segment's first document.
func firstID(t *testing.T, s *scorch.SegmentSnapshot) string {
	t.Helper()
	id := ""
	if err := s.VisitDocument(0, func(name string, _ byte, v []byte, _ []uint64) bool {
		if name == "_id" {
			id = string(v)
		}
		return true
	}); err != nil {
		t.Fatal(err)
	}
	return id
}
