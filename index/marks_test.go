package index

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestMarkCache pins that the marks the cache reads for each document, by
// its number in a snapshot of many segments and again after a merge, are
// the locations of itemMarker in that document as bleve's reader gives
// them, and that it forgets merged-away segments.
func TestMarkCache(t *testing.T) {
	ctx := context.Background()
	idx := chunkedIndex(t, itemCorpus(t, 60), 7)
	var c markCache
	check := func(when string) {
		t.Helper()
		r := indexReader(t, idx)
		defer r.Close()
		marks, err := c.forSnapshot(r)
		if err != nil {
			t.Fatal(err)
		}
		if when == "segments" && len(marks.segs) < 3 {
			t.Fatalf("%s: %d segments; want several", when, len(marks.segs))
		}
		want := map[uint64][]itemMark{}
		tfr, err := r.TermFieldReader(ctx, []byte(itemMarker), fText, false, false, true)
		if err != nil {
			t.Fatal(err)
		}
		defer tfr.Close()
		for d, err := tfr.Next(nil); d != nil || err != nil; d, err = tfr.Next(nil) {
			if err != nil {
				t.Fatal(err)
			}
			var ms []itemMark
			for _, v := range d.Vectors {
				ms = append(ms, itemMark{pos: uint32(v.Pos), end: uint32(v.End), child: uint32(v.Start)})
			}
			slices.SortFunc(ms, byMarkPos)
			want[docNum(d.ID)] = ms
		}
		if len(want) < 30 {
			t.Fatalf("%s: %d meetings with marks; want most of 60", when, len(want))
		}
		var total uint64 // documents, nested ones too
		for _, s := range r.(*scorch.IndexSnapshot).Segments() {
			total += uint64(s.FullSize())
		}
		for doc := range total + 50 { // and past the end
			got := marks.of(doc)
			if diff := gocmp.Diff(want[doc], got, cmpopts.EquateEmpty(), gocmp.AllowUnexported(itemMark{})); diff != "" {
				t.Errorf("%s: marks of document %d (-bleve +cache):\n%s", when, doc, diff)
			}
		}
	}
	check("segments")
	before := c.segs.size()
	forceMerge(t, idx)
	check("merged")
	if before < 3 || c.segs.size() != 1 {
		t.Errorf("the cache holds %d segments after a merge into one (%d before); want 1", c.segs.size(), before)
	}
}
