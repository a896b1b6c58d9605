package index

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/internal/sample"
)

func sampleSources(n int) []Source {
	var srcs []Source
	for i, f := range sample.Files() {
		if i >= n {
			break
		}
		srcs = append(srcs, BytesSource(f.Name, f.Data))
	}
	return srcs
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	idx, err := Open(filepath.Join(t.TempDir(), "idx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	srcs := append(sampleSources(6), BytesSource("broken.pdf", []byte("%PDF-1.4 garbage")))
	var progress []Progress
	sum, err := idx.Load(ctx, srcs, LoadOptions{BatchSize: 2, Progress: func(p Progress) { progress = append(progress, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 6 || sum.Failed != 1 || sum.Updated != 0 || sum.Unchanged != 0 {
		t.Fatalf("first load: %+v", sum)
	}
	// One report per file while extracting, then, for the batches still
	// being written when the last file is extracted, one per batch.
	var extracting, writing []Progress
	for _, p := range progress {
		switch p.Phase {
		case PhaseExtracting:
			extracting = append(extracting, p)
		case PhaseWriting:
			writing = append(writing, p)
		default:
			t.Errorf("report of phase %q", p.Phase)
		}
	}
	if len(extracting) != len(srcs) || extracting[len(extracting)-1].Done != len(srcs) ||
		len(extracting)+len(writing) != len(progress) || progress[len(srcs)-1].Phase != PhaseExtracting {
		t.Errorf("progress reports: %+v", progress)
	}
	if n := len(writing); n > 0 && (writing[n-1].Done != 6 || writing[n-1].Total != 6) {
		t.Errorf("last writing report: %+v, want 6 of 6 records written", writing[n-1])
	}
	for _, o := range sum.Outcomes {
		if o.Status == StatusFailed && (o.Source != "broken.pdf" || o.Err == nil) {
			t.Errorf("unexpected failure %+v", o)
		}
	}
	st, err := idx.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// Loading the same files again changes nothing.
	sum, err = idx.Load(ctx, srcs, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 6 || sum.Added+sum.Updated != 0 {
		t.Errorf("second load: %+v", sum)
	}
	st2, _ := idx.Stats(ctx)
	if st2.Meetings != st.Meetings || st2.Items != st.Items || st2.Decisions != st.Decisions {
		t.Errorf("stats changed on reload: %+v → %+v", st, st2)
	}

	// A changed file replaces its record and its items.
	f := sample.Files()[0]
	changed := strings.Replace(string(f.Data), "五、审议", "五、研究", 1)
	sum, err = idx.Load(ctx, []Source{BytesSource(f.Name, []byte(changed))}, LoadOptions{})
	if err != nil || sum.Updated != 1 {
		t.Fatalf("changed load: %+v, %v", sum, err)
	}
	st3, _ := idx.Stats(ctx)
	if st3.Meetings != st.Meetings || st3.Items != st.Items {
		t.Errorf("stats after update: %+v, want meetings and items as %+v", st3, st)
	}
	id := sum.Outcomes[0].ID
	name, data, err := idx.Original(ctx, id)
	if err != nil || name != f.Name || string(data) != changed {
		t.Errorf("Original(%s) = %q, %d bytes, %v", id, name, len(data), err)
	}
	if _, _, err := idx.Original(ctx, "ffffffffffffffff"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Original of unknown id: %v, want ErrNotFound", err)
	}

	// The stored originals rebuild the index: the last version of each
	// file, and none of a deleted meeting.
	if err := idx.Delete(ctx, sum0ID(t, idx, sample.Files()[1].Name)); err != nil {
		t.Fatal(err)
	}
	got := originalsOf(t, idx.dir)
	if len(got) != 5 {
		t.Errorf("Originals: %d files, want 5 (six, one deleted)", len(got))
	}
	if got[f.Name] != changed {
		t.Errorf("Originals has %s as %d bytes, want its changed version", f.Name, len(got[f.Name]))
	}
	if _, ok := got[sample.Files()[1].Name]; ok {
		t.Errorf("Originals still lists %s, whose meeting was deleted", sample.Files()[1].Name)
	}
}

// sum0ID is the id of the meeting loaded from source.
func sum0ID(t *testing.T, idx *Index, source string) string {
	t.Helper()
	id, _, ok, err := idx.Lookup(context.Background(), source)
	if err != nil || !ok {
		t.Fatalf("lookup %s: %v %v", source, ok, err)
	}
	return id
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/x.txt", "b.txt", ".hidden/y.txt", "a/.z.txt"} {
		p = filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	srcs, bad := Walk([]string{dir, filepath.Join(dir, "missing")})
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name)
	}
	// An absolute folder's files are cited from the folder's own name,
	// not from the root of the server's disk.
	base := filepath.Base(dir)
	if got, want := strings.Join(names, ","), base+"/a/x.txt,"+base+"/b.txt"; got != want {
		t.Errorf("Walk found %v; want %v", got, want)
	}
	for _, s := range srcs {
		rc, err := s.Open()
		if err != nil {
			t.Errorf("open %s: %v", s.Name, err)
			continue
		}
		rc.Close()
	}
	if len(bad) != 1 || !errors.Is(bad[0].Err, os.ErrNotExist) {
		t.Errorf("Walk failures: %+v", bad)
	}
}

func TestLoadMem(t *testing.T) {
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	sum, err := idx.Load(ctx, sampleSources(3), LoadOptions{})
	if err != nil || sum.Added != 3 {
		t.Fatalf("load: %+v %v", sum, err)
	}
	_, data, err := idx.Original(ctx, sum.Outcomes[0].ID)
	if err != nil || len(data) == 0 {
		t.Errorf("Original in memory: %d bytes, %v", len(data), err)
	}
}

// TestOriginalsLegacy checks that the originals of an index written before
// the pack store (one file each under DIR/originals, named by a .name file)
// are still listed for reindex, and that packs win where both have a name.
func TestOriginalsLegacy(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, legacyOriginalsDir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ab/abcd", "old a")
	write("ab/abcd.name", "a.txt")
	write("cd/cdef", "old b")
	write("cd/cdef.name", "b.txt")
	b, err := openBlobs(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.put(blobOriginal, "b.txt", []byte("new b")); err != nil {
		t.Fatal(err)
	}
	b.close()
	got := originalsOf(t, dir)
	want := map[string]string{"a.txt": "old a", "b.txt": "new b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Originals mismatch (-want +got):\n%s", diff)
	}
}

// TestDeletedFromMultiRecordFile deletes one record of a JSON Lines file
// that holds two and rebuilds the index (Reindex): the file is loaded again
// and the deleted record, listed by Deleted, is deleted again. Putting the
// file again undoes the deletion.
func TestDeletedFromMultiRecordFile(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range sample.Files()[:2] {
		b, _ := json.Marshal(map[string]string{"title": "会议纪要", "content": string(f.Data)})
		lines = append(lines, string(b))
	}
	feed := BytesSource("feed.jsonl", []byte(strings.Join(lines, "\n")))
	sum, err := idx.Load(ctx, []Source{feed}, LoadOptions{})
	if err != nil || sum.Added != 2 {
		t.Fatalf("load: %+v %v", sum, err)
	}
	var victim Outcome
	for _, o := range sum.Outcomes {
		if strings.HasSuffix(o.Source, "#2") {
			victim = o
		}
	}
	if victim.ID == "" {
		t.Fatalf("no record from feed.jsonl#2 in %+v", sum.Outcomes)
	}
	if err := idx.Delete(ctx, victim.ID); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	deleted, err := Deleted(dir)
	if err != nil || !slices.Equal(deleted, []string{victim.Source}) {
		t.Fatalf("Deleted = %v, %v; want [%s]", deleted, err, victim.Source)
	}

	if _, err := Reindex(ctx, dir, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := indexContentsOf(t, dir); got.Meetings != 1 {
		t.Errorf("rebuilt index holds %d meetings, want 1", got.Meetings)
	}
	if deleted, err := Deleted(dir); err != nil || !slices.Equal(deleted, []string{victim.Source}) {
		t.Errorf("Deleted after the rebuild = %v, %v; want [%s] still", deleted, err, victim.Source)
	}

	// Loading the file again brings the record back, and nothing is left
	// to delete.
	idx, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := idx.Load(ctx, []Source{feed}, LoadOptions{}); err != nil || sum.Added != 1 {
		t.Fatalf("load again: %+v %v", sum, err)
	}
	idx.Close()
	if deleted, err := Deleted(dir); err != nil || len(deleted) != 0 {
		t.Errorf("Deleted after the file was put again = %v, %v; want none", deleted, err)
	}
}

// originalsOf reads what Originals lists for dir, by name.
func originalsOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	srcs, err := Originals(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range srcs {
		rc, err := s.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got[s.Name] = string(data)
	}
	return got
}

// A JSON Lines feed larger than a file read whole is read record by
// record: each line a source of its own (feed.jsonl#N, as a smaller feed's
// records are named), progress counting records, the operator told each
// record's path; loading it again changes nothing.
func TestLoadFeedStreamed(t *testing.T) {
	dir := t.TempDir()
	var feed strings.Builder
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&feed, "{\"title\":\"杭州市人民政府第%d次常务会议纪要\",\"content\":\"2021年3月%d日，刘忻市长主持召开市政府第%d次常务会议。一、研究《杭州市数字经济促进条例》。会议原则同意。\",\"date\":\"2021-03-%02d\"}\n\n", i, i, i, i)
	}
	p := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(p, []byte(feed.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs, bad := Walk([]string{dir})
	if len(bad) > 0 || len(srcs) != 1 {
		t.Fatalf("walk: %v %v", srcs, bad)
	}
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	var last Progress
	opts := LoadOptions{StreamAbove: 100, Progress: func(p Progress) {
		if p.Phase == PhaseExtracting {
			last = p
		}
	}}
	sum, err := idx.Load(context.Background(), srcs, opts)
	if err != nil || sum.Added != 5 || sum.Failed != 0 {
		t.Fatalf("load: %+v %v", sum, err)
	}
	if last.Done != 5 || last.Total != 5 {
		t.Errorf("progress %d/%d; want 5/5 records", last.Done, last.Total)
	}
	var names []string
	for _, o := range sum.Outcomes {
		names = append(names, o.Source)
		if !strings.HasPrefix(o.Path, p+"#") {
			t.Errorf("outcome %s tells the operator %q", o.Source, o.Path)
		}
	}
	slices.Sort(names)
	base := filepath.Base(dir)
	want := []string{base + "/feed.jsonl#1", base + "/feed.jsonl#2", base + "/feed.jsonl#3", base + "/feed.jsonl#4", base + "/feed.jsonl#5"}
	if !slices.Equal(names, want) {
		t.Errorf("records %q; want %q", names, want)
	}
	sum, err = idx.Load(context.Background(), srcs, opts)
	if err != nil || sum.Unchanged != 5 || sum.Added+sum.Updated != 0 {
		t.Errorf("load again: %+v %v", sum, err)
	}
}

// A record line longer than the bound is read to its end and reported,
// and the next line is read as usual.
func TestReadLineBound(t *testing.T) {
	br := bufio.NewReaderSize(strings.NewReader("short\n"+strings.Repeat("x", 100)+"\nnext\n"), 16)
	var got []string
	for {
		line, tooLong, err := readLine(br, 20)
		if tooLong {
			got = append(got, "TOO LONG")
		} else if len(line) > 0 {
			got = append(got, string(line))
		}
		if err != nil {
			break
		}
	}
	if want := []string{"short", "TOO LONG", "next"}; !slices.Equal(got, want) {
		t.Errorf("lines %q; want %q", got, want)
	}
}

// A load whose deadline passes while it extracts (here, while a source is
// read) is abandoned: nothing of it is committed, not even the source of
// its batch that was read in time, and no original of it is stored where
// reindex would find it. A put or a delete whose deadline has passed is not
// done either.
func TestLoadAbandonedAtDeadline(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	files := sample.Files()
	sum, err := idx.Load(ctx, []Source{BytesSource(files[1].Name, files[1].Data)}, LoadOptions{})
	if err != nil || sum.Added != 1 {
		t.Fatalf("load: %+v, %v", sum, err)
	}
	kept := sum.Outcomes[0].ID
	before := version(t, idx)
	originals := originalsOf(t, dir)

	dctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	slow := Source{Name: files[2].Name, Size: int64(len(files[2].Data)), Open: func() (io.ReadCloser, error) {
		<-dctx.Done() // the deadline passes while this source is read
		return io.NopCloser(strings.NewReader(string(files[2].Data))), nil
	}}
	sum, err = idx.Load(dctx, []Source{BytesSource(files[3].Name, files[3].Data), slow}, LoadOptions{})
	if !errors.Is(err, context.DeadlineExceeded) || sum.Added+sum.Updated != 0 {
		t.Errorf("load past its deadline: %+v, %v; want nothing added and DeadlineExceeded", sum, err)
	}
	if err := idx.Put(dctx, synthetic(1)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("put past its deadline: %v; want DeadlineExceeded", err)
	}
	if err := idx.Delete(dctx, kept); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("delete past its deadline: %v; want DeadlineExceeded", err)
	}
	if v := version(t, idx); v != before {
		t.Errorf("version after abandoned writes %s; before %s", v, before)
	}
	for _, name := range []string{files[2].Name, files[3].Name, synthetic(1)[0].Source} {
		if _, _, ok, err := idx.Lookup(ctx, name); ok || err != nil {
			t.Errorf("%s indexed by an abandoned write (%v)", name, err)
		}
	}
	if _, err := idx.Get(ctx, kept); err != nil {
		t.Errorf("meeting deleted by an abandoned delete: %v", err)
	}
	if diff := cmp.Diff(originals, originalsOf(t, dir)); diff != "" {
		t.Errorf("originals stored by abandoned writes, for reindex to bring back (-before +after):\n%s", diff)
	}
}

// A write is either acknowledged or not done: a load canceled while its
// batches are written reports as added exactly the records it committed,
// and stores no original of the others for reindex to bring back. Where
// the cancel falls varies from run to run; what is checked holds wherever
// it falls.
func TestLoadCanceledAcknowledgesWhatItDid(t *testing.T) {
	files := sample.Files()[:12]
	for round := range 4 {
		dir := filepath.Join(t.TempDir(), "idx")
		idx, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var srcs []Source
		for _, f := range files {
			srcs = append(srcs, BytesSource(f.Name, f.Data))
		}
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		sum, err := idx.Load(ctx, srcs, LoadOptions{BatchSize: 1, Writers: 2, Progress: func(Progress) {
			if calls++; calls == 1+round%3 {
				cancel()
			}
		}})
		cancel()
		if err == nil && sum.Added != len(files) {
			t.Errorf("round %d: load ended without error having added %d of %d", round, sum.Added, len(files))
		}
		added := map[string]bool{}
		for _, o := range sum.Outcomes {
			if o.Status == StatusAdded {
				added[o.Source] = true
			}
		}
		originals := originalsOf(t, dir)
		for _, f := range files {
			_, _, indexed, lerr := idx.Lookup(context.Background(), f.Name)
			if lerr != nil {
				t.Fatal(lerr)
			}
			_, stored := originals[f.Name]
			if indexed != added[f.Name] || stored != added[f.Name] {
				t.Errorf("round %d: %s reported added %v, indexed %v, original stored %v", round, f.Name, added[f.Name], indexed, stored)
			}
		}
		if v, want := version(t, idx), recountVersion(t, idx); v != want {
			t.Errorf("round %d: version %s; recounted %s", round, v, want)
		}
		idx.Close()
	}
}

// A load's first fault is what it reports, not the cancellation that fault
// caused in the writers (TestIngestAfterFullDisk saw "put: context
// canceled" when storing an original hit the full disk first).
func TestLoadFirstFaultWins(t *testing.T) {
	full := errors.New("store a.txt: write pack: file too large")
	canceled := fmt.Errorf("put: %w", context.Canceled)
	writerCanceled := fmt.Errorf("put b: %w", context.Canceled)
	for _, tc := range []struct {
		loop, writer, want error
	}{
		{full, canceled, full},                     // the loop's fault canceled a writer
		{canceled, full, full},                     // a writer's fault canceled the loop
		{nil, full, full},                          // a writer's fault alone
		{full, nil, full},                          // the loop's alone
		{canceled, nil, canceled},                  // a cancellation alone
		{canceled, writerCanceled, writerCanceled}, // both canceled: the write's
	} {
		w := &loadWriters{batches: make(chan batch), written: make(chan struct{}), err: tc.writer}
		close(w.written)
		if _, err := w.finish(tc.loop); err != tc.want {
			t.Errorf("finish(%v) with the writers' %v = %v, want %v", tc.loop, tc.writer, err, tc.want)
		}
	}
}
