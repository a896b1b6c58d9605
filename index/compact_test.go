package index

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/sample"
)

// packBytes sums the sizes of the pack files of dir.
func packBytes(t *testing.T, dir string) int64 {
	t.Helper()
	ids, err := packIDs(filepath.Join(dir, packsDir))
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, id := range ids {
		info, err := os.Stat(packPath(dir, id))
		if err != nil {
			t.Fatal(err)
		}
		n += info.Size()
	}
	return n
}

// compactFiles are the sources of TestCompact: sample files, and a feed of
// three records one of which is deleted.
func compactFiles() (files []Source, feed Source) {
	for _, f := range sample.Files()[:16] {
		files = append(files, BytesSource(f.Name, f.Data))
	}
	var lines []string
	for _, f := range sample.Files()[20:23] {
		b, _ := json.Marshal(map[string]string{"title": "会议纪要", "content": string(f.Data)})
		lines = append(lines, string(b))
	}
	return files, BytesSource("feed.jsonl", []byte(strings.Join(lines, "\n")))
}

// loadAndDelete loads srcs and deletes the third record of the feed.
func loadAndDelete(t *testing.T, idx *Index, srcs []Source) {
	t.Helper()
	sum, err := idx.Load(context.Background(), srcs, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if id, _, ok, err := idx.Lookup(context.Background(), "feed.jsonl#3"); err != nil || !ok {
		t.Fatalf("feed.jsonl#3 not indexed: %v (%+v)", err, sum)
	} else if err := idx.Delete(context.Background(), id); err != nil {
		t.Fatal(err)
	}
}

// After interrupted loads (records stored by a load's workers for batches
// never committed), replaced versions of files, deleted meetings and a pack
// a killed run left torn, Compact brings the packs back within 10% of those
// of a clean run of the same contents; the index reads the same, reindex
// would read back the same originals and deletions, the version is
// unchanged, and a second Compact has nothing to do.
func TestCompact(t *testing.T) {
	ctx := context.Background()
	files, feed := compactFiles()
	final := append(slices.Clone(files), feed)

	cleanDir := filepath.Join(t.TempDir(), "clean")
	clean, err := Open(cleanDir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	loadAndDelete(t, clean, final)
	cleanVersion := version(t, clean)
	clean.Close()
	cleanBytes := packBytes(t, cleanDir)

	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { idx.Close() }()
	// Loads canceled after their first file: their workers stored records
	// that no committed batch refers to.
	for round := range 4 {
		lctx, cancel := context.WithCancel(ctx)
		calls := 0
		idx.Load(lctx, final, LoadOptions{BatchSize: 4, Writers: 1, Progress: func(Progress) {
			if calls++; calls == 1+round {
				cancel()
			}
		}})
		cancel()
	}
	// Versions of files replaced by others, a meeting deleted.
	var changed []Source
	for _, f := range sample.Files()[:8] {
		changed = append(changed, BytesSource(f.Name, bytes.Replace(f.Data, []byte("会议"), []byte("會議"), 1)))
	}
	extra := sample.Files()[30]
	if _, err := idx.Load(ctx, append(changed, BytesSource(extra.Name, extra.Data)), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if id, _, ok, err := idx.Lookup(ctx, extra.Name); err != nil || !ok {
		t.Fatalf("lookup %s: %v", extra.Name, err)
	} else if err := idx.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	loadAndDelete(t, idx, final)
	// A run killed in the middle of a frame left a pack of its own.
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	ids, _ := packIDs(filepath.Join(dir, packsDir))
	torn := encodeFrame(blobRecord, "0123456789abcdef", bytes.Repeat([]byte("x"), 5000))
	if err := os.WriteFile(packPath(dir, ids[len(ids)-1]+1), torn[:3000], 0o644); err != nil {
		t.Fatal(err)
	}
	if idx, err = Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}

	before := packBytes(t, dir)
	if v := version(t, idx); v != cleanVersion {
		t.Fatalf("contents differ from the clean run's before compacting: %s, %s", v, cleanVersion)
	}
	if before < cleanBytes*13/10 {
		t.Fatalf("the interrupted runs left %d bytes of packs against %d for a clean run: not enough to compact", before, cleanBytes)
	}
	meetingsBefore := readMeetings(t, idx)
	searchesBefore := searches(t, idx)

	st, err := idx.Compact(ctx)
	if err != nil {
		t.Fatal(err)
	}
	after := packBytes(t, dir)
	t.Logf("packs: clean run %d bytes; interrupted runs %d; compacted %d (%+v)", cleanBytes, before, after, st)
	if after > cleanBytes*11/10 {
		t.Errorf("after Compact the packs hold %d bytes; a clean run's %d (+10%% is %d)", after, cleanBytes, cleanBytes*11/10)
	}
	if st.BytesBefore != before || st.BytesAfter != after {
		t.Errorf("stats %+v; packs were %d bytes, now %d", st, before, after)
	}
	if v, want := version(t, idx), recountVersion(t, idx); v != cleanVersion || want != cleanVersion {
		t.Errorf("version after Compact %s (recounted %s); before %s", v, want, cleanVersion)
	}
	if diff := cmp.Diff(meetingsBefore, readMeetings(t, idx)); diff != "" {
		t.Errorf("meetings read otherwise after Compact (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(searchesBefore, searches(t, idx)); diff != "" {
		t.Errorf("searches find otherwise after Compact (-before +after):\n%s", diff)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(originalsOf(t, cleanDir), originalsOf(t, dir)); diff != "" {
		t.Errorf("reindex would read back other originals than a clean run's (-clean +compacted):\n%s", diff)
	}
	cleanDeleted, _ := Deleted(cleanDir)
	if deleted, err := Deleted(dir); err != nil || !slices.Equal(deleted, cleanDeleted) || len(deleted) != 1 {
		t.Errorf("deleted records for reindex: %v, %v; a clean run's %v", deleted, err, cleanDeleted)
	}

	if idx, err = Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(meetingsBefore, readMeetings(t, idx)); diff != "" {
		t.Errorf("meetings read otherwise after reopening (-before +after):\n%s", diff)
	}
	again, err := idx.Compact(ctx)
	if err != nil || again.Moved != 0 || again.Rewritten != 0 || again.BytesAfter != after || again.PacksAfter != st.PacksAfter {
		t.Errorf("a second Compact: %+v, %v; want nothing moved", again, err)
	}
}

// A run killed before it committed anything leaves the last pack to
// nothing any meeting refers to: Compact removes it, though it copies
// nothing and so starts no pack after it. It failed: the last pack was
// taken for one being written ("pack N is being written").
func TestCompactUnusedLastPack(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		kill func(t *testing.T, dir string) // leaves what the killed run did
	}{
		{"torn frame", func(t *testing.T, dir string) {
			ids, _ := packIDs(filepath.Join(dir, packsDir))
			torn := encodeFrame(blobRecord, "0123456789abcdef", bytes.Repeat([]byte("x"), 5000))
			if err := os.WriteFile(packPath(dir, ids[len(ids)-1]+1), torn[:3000], 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"records of no batch", func(t *testing.T, dir string) {
			idx, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			sr, err := encodeRecord(&ingest.Minutes{ID: "0123456789abcdef", Source: "killed.txt", Title: "会议纪要"}, nil)
			if err == nil {
				err = idx.storeRecord(&sr)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := idx.Close(); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "idx")
			idx, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			files, _ := compactFiles()
			if _, err := idx.Load(ctx, files[:4], LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			want := readMeetings(t, idx)
			if err := idx.Close(); err != nil {
				t.Fatal(err)
			}
			clean := packBytes(t, dir)
			tc.kill(t, dir)

			if idx, err = Open(dir, Options{}); err != nil {
				t.Fatal(err)
			}
			defer idx.Close()
			st, err := idx.Compact(ctx)
			if err != nil {
				t.Fatalf("Compact: %v (%+v)", err, st)
			}
			if st.PacksBefore != 2 || st.PacksAfter != 1 || st.BytesAfter != clean || st.Moved != 0 || st.Rewritten != 0 {
				t.Errorf("Compact: %+v; want the last of 2 packs removed, %d bytes left, nothing moved", st, clean)
			}
			if got := packBytes(t, dir); got != clean {
				t.Errorf("packs hold %d bytes after Compact; %d before the killed run", got, clean)
			}
			if diff := cmp.Diff(want, readMeetings(t, idx)); diff != "" {
				t.Errorf("meetings read otherwise after Compact (-before +after):\n%s", diff)
			}
			// The next write starts a pack of its own.
			if _, err := idx.Load(ctx, files[4:6], LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			if n := len(readMeetings(t, idx)); n != len(want)+2 {
				t.Errorf("%d meetings after loading 2 more files; want %d", n, len(want)+2)
			}
		})
	}
}

// readMeetings reads every meeting's record and original, by id.
func readMeetings(t *testing.T, idx *Index) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	err := idx.scan(ctx, termQ(fLevel, LevelMeeting), nil, func(id string, _ map[string]any) {
		rec, err := idx.Get(ctx, id)
		if err != nil {
			t.Fatalf("get %s: %v", id, err)
		}
		b, _ := json.Marshal(rec)
		name, data, err := idx.Original(ctx, id)
		if err != nil {
			t.Fatalf("original of %s: %v", id, err)
		}
		out[id] = string(b) + "\n" + name + "\n" + string(data)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// searches runs a few searches at each level, with facets and highlights,
// and returns what they find, hits by id. The scores are left out: like
// any write, compacting moves BM25's statistics a little, deleted
// documents counting until merged away.
func searches(t *testing.T, idx *Index) []*Result {
	t.Helper()
	var out []*Result
	for _, req := range []Request{
		{Query: "会议", Facets: FacetNames, Highlight: true, Size: MaxSize},
		{Query: "工作", Level: LevelItem, Facets: FacetsAt(LevelItem), Highlight: true, Size: MaxSize},
		{Query: "同意", Level: LevelDecision, Size: MaxSize},
	} {
		res, err := idx.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total > MaxSize {
			t.Fatalf("%+v finds %d, more than a page: the pages' hits would depend on the scores", req, res.Total)
		}
		res.Took = 0
		for i := range res.Hits {
			res.Hits[i].Score = 0
		}
		slices.SortFunc(res.Hits, func(a, b Hit) int { return strings.Compare(a.ID, b.ID) })
		out = append(out, res)
	}
	return out
}
