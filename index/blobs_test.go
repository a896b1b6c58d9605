package index

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// putBlobs opens the pack store of dir and puts five blobs of kind, named
// and filled by blob, returning the store and their refs.
func putBlobs(t *testing.T, dir string, kind byte, blob func(i int) (string, []byte)) (*blobs, []string) {
	t.Helper()
	b, err := openBlobs(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for i := range 5 {
		name, data := blob(i)
		ref, err := b.put(kind, name, data)
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, ref)
	}
	return b, refs
}

// TestBlobsTornTail writes blobs, cuts the last pack inside its last frame
// as a kill during a write would, and checks that a reopened writer keeps
// every whole blob and appends to a new pack, never where the torn blob
// was.
func TestBlobsTornTail(t *testing.T) {
	dir := t.TempDir()
	b, refs := putBlobs(t, dir, blobRecord, func(i int) (string, []byte) {
		return fmt.Sprintf("m%d", i), bytes.Repeat([]byte{byte('a' + i)}, 100+i)
	})
	if err := b.close(); err != nil {
		t.Fatal(err)
	}
	p := packPath(dir, 1)
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, info.Size()-7); err != nil {
		t.Fatal(err)
	}

	b, err = openBlobs(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	for i, ref := range refs[:4] {
		name, data, err := b.get(ref, blobRecord)
		if err != nil || name != fmt.Sprintf("m%d", i) || len(data) != 100+i {
			t.Errorf("blob %d after recovery: %q, %d bytes, %v", i, name, len(data), err)
		}
	}
	if _, _, err := b.get(refs[4], blobRecord); err == nil {
		t.Errorf("torn blob still reads")
	}
	ref, err := b.put(blobRecord, "after", []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ref, "2:0:") {
		t.Errorf("append after recovery at %s, want at the start of a new pack 2", ref)
	}
	if _, data, err := b.get(ref, blobRecord); err != nil || string(data) != "x" {
		t.Errorf("blob after recovery: %q %v", data, err)
	}
}

// TestBlobsDamage checks that a changed byte, a wrong kind and a ref
// outside the packs are errors, not wrong data.
func TestBlobsDamage(t *testing.T) {
	dir := t.TempDir()
	b, err := openBlobs(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := b.put(blobOriginal, "a.txt", []byte("原则同意"))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.sync(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.get(ref, blobRecord); err == nil {
		t.Errorf("original read as a record")
	}
	for _, bad := range []string{"", "x", "1:0", "2:0:10", "1:999999:10", "1:0:-1"} {
		if _, _, err := b.get(bad, blobOriginal); err == nil {
			t.Errorf("ref %q reads", bad)
		}
	}
	b.close()
	p := packPath(dir, 1)
	raw, _ := os.ReadFile(p)
	raw[len(raw)-6] ^= 0xff
	os.WriteFile(p, raw, 0o644)
	b = &blobs{dir: dir, readOnly: true, packs: map[int]packFile{}}
	defer b.close()
	if _, _, err := b.get(ref, blobOriginal); !errors.Is(err, errTorn) {
		t.Errorf("damaged blob: %v, want a checksum error", err)
	}
}

// TestBlobsRotate checks that appends move to a new pack past the limit
// and that blobs in both read back, in memory and on disk.
func TestBlobsRotate(t *testing.T) {
	for _, dir := range []string{"", t.TempDir()} {
		b, err := openBlobs(dir, false)
		if err != nil {
			t.Fatal(err)
		}
		b.limit = 1 << 20 // the rotation, not 64 MiB of writing
		big := bytes.Repeat([]byte("议"), int(b.limit)/3/3+1)
		var refs []string
		for i := range 4 {
			ref, err := b.put(blobOriginal, fmt.Sprint(i), big)
			if err != nil {
				t.Fatal(err)
			}
			refs = append(refs, ref)
		}
		if err := b.sync(); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(refs[3], "2:") {
			t.Errorf("%q: fourth blob at %s, want in pack 2", dir, refs[3])
		}
		for i, ref := range refs {
			if name, data, err := b.get(ref, blobOriginal); err != nil || name != fmt.Sprint(i) || !bytes.Equal(data, big) {
				t.Errorf("%q: blob %d: %q %d bytes %v", dir, i, name, len(data), err)
			}
		}
		b.close()
		if dir != "" {
			if _, err := os.Stat(filepath.Join(dir, packsDir, "000002.pack")); err != nil {
				t.Error(err)
			}
		}
	}
}

// TestBlobsDamagedMiddle changes a byte inside a frame in the middle of a
// pack and checks that the frames after it still read, that a new writer
// hands out no offset twice, and that a scan goes past the bad frame: an
// original put after it is still listed for reindex.
func TestBlobsDamagedMiddle(t *testing.T) {
	dir := t.TempDir()
	b, refs := putBlobs(t, dir, blobOriginal, func(i int) (string, []byte) {
		return fmt.Sprintf("f%d.txt", i), []byte(fmt.Sprintf("原件%d", i))
	})
	b.close()
	p := packPath(dir, 1)
	raw, _ := os.ReadFile(p)
	_, off, _, _ := parseRef(refs[1])
	raw[off+8] ^= 0xff
	os.WriteFile(p, raw, 0o644)

	b, err := openBlobs(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	for i, ref := range refs {
		_, data, err := b.get(ref, blobOriginal)
		if i == 1 {
			if err == nil {
				t.Errorf("damaged blob reads")
			}
			continue
		}
		if err != nil || string(data) != fmt.Sprintf("原件%d", i) {
			t.Errorf("blob %d after damage to blob 1: %q %v", i, data, err)
		}
	}
	ref, err := b.put(blobOriginal, "f9.txt", []byte("原件9"))
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(refs, ref) || !strings.HasPrefix(ref, "2:") {
		t.Errorf("new blob at %s, want a new pack and no offset handed out before", ref)
	}
	b.sync()
	srcs, _, err := packOriginals(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name)
	}
	slices.Sort(names)
	if want := []string{"f0.txt", "f2.txt", "f3.txt", "f4.txt", "f9.txt"}; !slices.Equal(names, want) {
		t.Errorf("originals after damage: %v, want %v", names, want)
	}
}

// Originals are stored deflated; those of packs written before, stored as
// they were, read the same. Inflating is bounded.
func TestOriginalsDeflated(t *testing.T) {
	b, err := openBlobs(t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	text := []byte(strings.Repeat("原则同意《苏州市氢能及燃料电池产业发展规划》，由市工信局牵头落实。\n", 50))
	packed, err := deflate(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(packed)*3 > len(text) {
		t.Errorf("deflated to %d of %d bytes", len(packed), len(text))
	}
	old, err := b.put(blobOriginal, "old.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := b.put(blobOriginalDeflated, "new.txt", packed)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := b.put(blobRecord, "id", packed)
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{old, cur} {
		if _, data, err := b.getOriginal(ref); err != nil || !bytes.Equal(data, text) {
			t.Errorf("getOriginal(%s) = %d bytes, %v", ref, len(data), err)
		}
	}
	if _, _, err := b.getOriginal(rec); err == nil {
		t.Error("a record's blob read as an original")
	}
	if _, err := inflate(packed, 100); err == nil {
		t.Error("inflate past its bound succeeded")
	}
}

// get reads a blob by ref, checking its kind.
func (b *blobs) get(ref string, kind byte) (name string, data []byte, err error) {
	k, name, data, err := b.frame(ref)
	if err != nil {
		return "", nil, err
	}
	if k != kind {
		return "", nil, fmt.Errorf("blob %s is of kind %q, not %q", ref, k, kind)
	}
	return name, data, nil
}
