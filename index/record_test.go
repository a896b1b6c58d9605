package index

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/gen"
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
		st := readStored(id, f)
		k := st.Record
		if _, err := idx.loadRecord(k, st.Original); err != nil {
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

// TestRecordRoundTrip checks that a record's JSON, which leaves out the
// items' texts that are stretches of the record's text, decodes to the
// record, for the fixtures and generated minutes with and without wrapped
// lines; and that it does leave them out.
func TestRecordRoundTrip(t *testing.T) {
	recs := withGenerated(t, fixtures(), gen.New(5), 10)
	recs = withGenerated(t, recs, gen.New(6, gen.WrapAt(29)), 10)
	items, left := 0, 0
	for _, rec := range recs {
		sr, err := encodeRecord(rec, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeRecord(sr.raw, "")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(rec, got); diff != "" {
			t.Errorf("%s: decoded record differs (-want +got):\n%s", rec.Source, diff)
		}
		var raw struct {
			Items []struct {
				Text string `json:"text"`
			} `json:"items"`
		}
		if err := json.Unmarshal(sr.raw, &raw); err != nil {
			t.Fatal(err)
		}
		for i, it := range raw.Items {
			items++
			if it.Text == "" && rec.Items[i].Text != "" {
				left++
			}
		}
	}
	if items < 50 || left < items*9/10 {
		t.Errorf("%d of %d item texts left out of the JSON", left, items)
	}
}

// TestRecordTextInOriginal checks that the records of plain text files
// leave out their texts, which are their originals' (blobRecordText), and
// read back as extracted: loaded, reopened, and compacted after a reload
// replaced some; and that a record of Put, which has no original, keeps its
// text.
func TestRecordTextInOriginal(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := gen.New(7)
	ex, err := ingest.NewExtractor(ingest.Config{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 20
	var srcs []Source
	want := map[string]*ingest.Minutes{} // by source
	for i := range n {
		d := g.Doc(i)
		if i%4 == 0 { // the same file, changed, is loaded again below
			srcs = append(srcs, BytesSource(d.Name, append([]byte("旧稿\n"), d.Text...)))
		} else {
			srcs = append(srcs, BytesSource(d.Name, d.Text))
		}
		if want[d.Name], err = ex.ExtractOne(d.Name, d.Text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := idx.Load(ctx, srcs, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i += 4 {
		d := g.Doc(i)
		srcs[i] = BytesSource(d.Name, d.Text)
	}
	sum, err := idx.Load(ctx, srcs, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Put(ctx, []*ingest.Minutes{suzhou()}); err != nil {
		t.Fatal(err)
	}
	check := func(step string, idx *Index) {
		t.Helper()
		for _, o := range sum.Outcomes {
			got, err := idx.Get(ctx, o.ID)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			w := *want[o.Source]
			w.ID = got.ID
			if diff := cmp.Diff(&w, got); diff != "" {
				t.Errorf("%s: record of %s differs from its extraction (-want +got):\n%s", step, o.Source, diff)
			}
		}
		got, err := idx.Get(ctx, suzhou().ID)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if diff := cmp.Diff(suzhou(), got); diff != "" {
			t.Errorf("%s: record put without an original differs (-want +got):\n%s", step, diff)
		}
	}
	check("loaded", idx)
	if _, err := idx.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	check("compacted", idx)
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	kinds := map[byte]int{}
	if err := scanPacks(dir, func(_ int, _, _ int64, kind byte, _ string, _ []byte) { kinds[kind]++ }); err != nil {
		t.Fatal(err)
	}
	if kinds[blobRecordText] != n || kinds[blobRecord] != 1 {
		t.Errorf("packs hold %d records without their text and %d with, want %d and 1", kinds[blobRecordText], kinds[blobRecord], n)
	}
	idx, err = Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	check("reopened", idx)
}
