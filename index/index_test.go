package index

import (
	"context"
	"errors"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
)

func TestGetLookupStats(t *testing.T) {
	ctx := context.Background()
	idx := newTestIndex(t)

	want := suzhou()
	got, err := idx.Get(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Get(%s) mismatch (-want +got):\n%s", want.ID, diff)
	}
	if got, err := idx.Get(ctx, want.ID+"/i3"); err != nil || got.ID != want.ID {
		t.Errorf("Get(item) = %v, %v; want the meeting's record", got, err)
	}
	if _, err := idx.Get(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(nope) error = %v; want ErrNotFound", err)
	}

	id, sum, ok, err := idx.Lookup(ctx, "taipei/11-2-6.html")
	if err != nil || !ok || id != "bbbb000000000002" || sum != "t1" {
		t.Errorf("Lookup = %q, %q, %v, %v", id, sum, ok, err)
	}
	if _, _, ok, err := idx.Lookup(ctx, "missing"); ok || err != nil {
		t.Errorf("Lookup(missing) = %v, %v; want not found", ok, err)
	}

	st, err := idx.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var items, decisions uint64
	for _, r := range fixtures() {
		items += uint64(len(r.Items))
		for _, it := range r.Items {
			decisions += uint64(len(it.Decisions))
		}
	}
	wantSt := Stats{Meetings: uint64(len(fixtures())), Items: items, Decisions: decisions,
		FirstDate: "2019-06-30", LastDate: "2026-01-08", MappingVersion: MappingVersion}
	if diff := cmp.Diff(wantSt, st); diff != "" {
		t.Errorf("Stats mismatch (-want +got):\n%s", diff)
	}

	// Putting the same records again changes nothing.
	if err := idx.Put(ctx, fixtures()); err != nil {
		t.Fatal(err)
	}
	st2, err := idx.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(st, st2); diff != "" {
		t.Errorf("Stats after second Put mismatch (-first +second):\n%s", diff)
	}
}

func TestPutReplaces(t *testing.T) {
	ctx := context.Background()
	idx := newTestIndex(t)
	before, _ := idx.Stats(ctx)

	// Same source, changed content, new id, fewer items.
	rec := suzhou()
	rec.ID = "aaaa0000000000ff"
	rec.SHA256 = "s2"
	rec.Items = rec.Items[:2]
	if err := idx.Put(ctx, []*ingest.Minutes{rec}); err != nil {
		t.Fatal(err)
	}
	after, _ := idx.Stats(ctx)
	if after.Meetings != before.Meetings || after.Items != before.Items-3 || after.Decisions != before.Decisions-3 {
		t.Errorf("after replace: %+v; before %+v", after, before)
	}
	if _, err := idx.Get(ctx, "aaaa000000000001"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old record still there: %v", err)
	}
	if ids := docsOf(t, idx, []string{"aaaa000000000001"}); len(ids) != 0 {
		t.Errorf("stale docs of old record: %v", ids)
	}
	if id, sum, _, _ := idx.Lookup(ctx, rec.Source); id != rec.ID || sum != "s2" {
		t.Errorf("Lookup after replace = %s, %s", id, sum)
	}

	// Same id, fewer items: the dropped items go.
	rec.Items = rec.Items[:1]
	if err := idx.Put(ctx, []*ingest.Minutes{rec}); err != nil {
		t.Fatal(err)
	}
	ids := docsOf(t, idx, []string{rec.ID})
	if diff := cmp.Diff([]string{rec.ID, rec.ID + "/i1", rec.ID + "/i1/d1"}, ids); diff != "" {
		t.Errorf("docs after shrinking (-want +got):\n%s", diff)
	}

	if err := idx.Delete(ctx, rec.ID); err != nil {
		t.Fatal(err)
	}
	if ids := docsOf(t, idx, []string{rec.ID}); len(ids) != 0 {
		t.Errorf("docs after Delete: %v", ids)
	}
	if err := idx.Delete(ctx, rec.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete error = %v; want ErrNotFound", err)
	}
}

func TestOpenOnDisk(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/idx"
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Put(ctx, fixtures()); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx, err = Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	st, err := idx.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Meetings != uint64(len(fixtures())) || st.SizeBytes == 0 {
		t.Errorf("Stats after reopen = %+v", st)
	}
	if err := idx.Put(ctx, fixtures()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on read-only index error = %v; want ErrReadOnly", err)
	}
	// The analyzers are rebuilt by name: phrases and folding still work.
	res, err := idx.Search(ctx, Request{Query: "財政局", Level: LevelItem})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Errorf("search after reopen found nothing")
	}
	idx.Close()

	// A different mapping version is refused.
	idx, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.b.SetInternal(internalVersionKey, []byte("0")); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrMappingVersion) {
		t.Errorf("Open with old mapping version error = %v; want ErrMappingVersion", err)
	}
	if _, err := Open(t.TempDir()+"/none", Options{ReadOnly: true}); err == nil {
		t.Errorf("Open read-only of a missing index succeeded")
	}
}

// docsOf lists the ids of every document of the meetings: the meetings,
// their items and their decisions.
func docsOf(t *testing.T, idx *Index, meetingIDs []string) []string {
	t.Helper()
	meetings := query.NewDocIDQuery(meetingIDs)
	q := query.NewDisjunctionQuery([]query.Query{meetings, childrenQuery{parents: meetings, children: childLevels()}})
	var ids []string
	if err := idx.scan(context.Background(), q, nil, func(id string, _ map[string]any) {
		ids = append(ids, id)
	}); err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestChildOf checks that the ids of items and decisions tell their
// meeting, item and decision, which their stored values leave out, and that
// other ids do not pass for them.
func TestChildOf(t *testing.T) {
	for _, c := range []struct {
		id      string
		meeting string
		item, d int
		ok      bool
	}{
		{itemID("m1", 3), "m1", 3, 0, true},
		{itemID("m1", 0), "m1", 0, 0, true},
		{decisionID("suzhou-2020-36", 12, 2), "suzhou-2020-36", 12, 2, true},
		{"m1", "", 0, 0, false},
		{"m1/x3", "", 0, 0, false},
		{"m1/i3/x1", "", 0, 0, false},
		{"m1/i3/d0", "", 0, 0, false},
		{"m1/i", "", 0, 0, false},
	} {
		m, item, d, ok := childOf(c.id)
		if m != c.meeting || item != c.item || d != c.d || ok != c.ok {
			t.Errorf("childOf(%q) = %q, %d, %d, %v; want %q, %d, %d, %v", c.id, m, item, d, ok, c.meeting, c.item, c.d, c.ok)
		}
	}
	h := readStored(decisionID("m1", 4, 1), map[string]any{fStored: `{"t":"title","v":"原则同意"}`})
	if h.Level != LevelDecision || h.Meeting != "m1" || h.Item != 4 || h.Decision != 1 || h.Title != "title" || h.Verb != "原则同意" {
		t.Errorf("readStored of a decision: %+v", h)
	}
	if h := readStored("m1", map[string]any{fStored: `{"t":"title"}`}); h.Level != LevelMeeting || h.Meeting != "m1" {
		t.Errorf("readStored of a meeting: %+v", h)
	}
}

// TestLoadStored pins that a hit's stored value is its document's, read by
// its number when that still holds it and by its id when the number is
// stale: another document's, or past the end of the index.
func TestLoadStored(t *testing.T) {
	ctx := context.Background()
	idx := memIndex(t, nil)
	for _, rec := range fixtures() { // a segment each, merges aside
		if err := idx.Put(ctx, []*ingest.Minutes{rec}); err != nil {
			t.Fatal(err)
		}
	}
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 1000, 0, false)
	req.Fields = []string{fStored} // bleve's own loading, by id
	res, err := idx.b.SearchInContext(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) < 10 {
		t.Fatalf("%d documents; want the fixtures' meetings, items and decisions", len(res.Hits))
	}
	want := map[string]any{}
	for _, h := range res.Hits {
		if _, ok := h.Fields[fStored].(string); !ok {
			t.Fatalf("%s: bleve loaded no stored value", h.ID)
		}
		want[h.ID] = h.Fields[fStored]
	}
	// Each hit as found, then each with the next hit's number, then with
	// a number beyond the index.
	var hits search.DocumentMatchCollection
	n := len(res.Hits)
	for i, h := range res.Hits {
		hits = append(hits, &search.DocumentMatch{ID: h.ID, IndexInternalID: h.IndexInternalID})
		hits = append(hits, &search.DocumentMatch{ID: h.ID, IndexInternalID: res.Hits[(i+1)%n].IndexInternalID})
		hits = append(hits, &search.DocumentMatch{ID: h.ID, IndexInternalID: bindex.NewIndexInternalID(nil, uint64(1<<40+i))})
	}
	if err := idx.loadStored(hits); err != nil {
		t.Fatal(err)
	}
	for i, h := range hits {
		if got := h.Fields[fStored]; got != want[h.ID] {
			t.Errorf("hit %d (%s): stored %v; want %v", i, h.ID, got, want[h.ID])
		}
	}
	// A hit whose document is gone has no stored value.
	gone := &search.DocumentMatch{ID: "gone", IndexInternalID: res.Hits[0].IndexInternalID}
	if err := idx.loadStored(search.DocumentMatchCollection{gone}); err != nil {
		t.Fatal(err)
	}
	if v, ok := gone.Fields[fStored]; ok {
		t.Errorf("a document not in the index: stored %v; want none", v)
	}
}
