package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Blobs (the records' JSON and the original files) live beside the bleve
// index in pack files: append-only logs under DIR/packs, each blob framed
// and checksummed, as a log-structured store does it (zoekt's shards and
// litestream's WAL segments are the models). One file per blob cost an
// open, a write, an fsync and a rename each, which on most file systems is
// slower than indexing the blob; a pack takes a write per blob and one
// fsync per batch.
//
// A frame is
//
//	magic "JYB1" | kind (1 byte) | uvarint len(name) | name |
//	uvarint len(data) | data | CRC-32C of kind..data (4 bytes, little endian)
//
// and a blob is named by its ref, "pack:offset:length" of its frame. A ref
// is handed out once the frame is written; the index refers to it only in a
// batch written after sync, so a kill leaves at most a torn frame at the end
// of a pack, which no ref points into. A writer starts a pack of its own, so
// no offset is handed out twice, and scans go past a bad frame to the next
// (scanPack). Blobs of replaced records and deleted meetings, and those of
// runs killed before their batch, stay in their pack until Compact
// (compact.go) copies what meetings refer to out of it and removes it;
// blobSizes counts them.
const (
	packsDir   = "packs"
	packSuffix = ".pack"
	// packLimit is the size after which appends go to a new pack.
	packLimit = 64 << 20
	// maxFrame bounds a frame (and so what a damaged length can ask for).
	maxFrame = MaxSourceSize + 1<<20
)

// Kinds of blob.
const (
	blobOriginal = 'o' // an original file; name is its source name
	// blobOriginalDeflated is an original file deflated, as originals
	// are written now: about 0.4 of the text on generated minutes.
	// Packs written before hold 'o' blobs, which are read as they are.
	blobOriginalDeflated = 'O'
	blobRecord           = 'r' // a record's JSON, deflated; name is its meeting id
	// blobRecordText is a record whose text is a stretch of its meeting's
	// original file, as a plain text file's is: its JSON, deflated, leaves
	// the text out, and the data says where it is in the original (see
	// storeRecord). Packs written before hold 'r' records only.
	blobRecordText = 'R'
	blobTombstone  = 'd' // the source name was deleted
)

var frameMagic = []byte("JYB1")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// packFile is an open pack: a file, or memory for an in-memory index.
type packFile interface {
	io.ReaderAt
	io.Writer
	Sync() error
	Close() error
}

type memPack struct {
	mu  sync.RWMutex
	buf []byte
}

func (m *memPack) ReadAt(p []byte, off int64) (int, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if off >= int64(len(m.buf)) {
		return 0, io.EOF
	}
	n := copy(p, m.buf[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (m *memPack) Write(p []byte) (int, error) {
	m.mu.Lock()
	m.buf = append(m.buf, p...)
	m.mu.Unlock()
	return len(p), nil
}

func (*memPack) Sync() error  { return nil }
func (*memPack) Close() error { return nil }

// blobs is the pack store of one index.
type blobs struct {
	dir      string // "" in memory
	readOnly bool
	limit    int64 // packLimit; tests set it small

	mu     sync.Mutex // guards the appending state
	cur    int        // the pack appended to, or the last; 0 before the first
	size   int64      // its size
	w      packFile   // it, open for appending; nil until the next put starts a pack
	dirty  bool       // the current pack has blobs not yet synced
	failed error      // a pack left without a sync; every later sync fails
	closed bool

	rmu   sync.RWMutex
	packs map[int]packFile // open for reading
}

// openBlobs opens the pack store of dir ("" for memory). A writer leaves
// the packs as they are, a torn frame included, and writes a new pack.
func openBlobs(dir string, readOnly bool) (*blobs, error) {
	b := &blobs{dir: dir, readOnly: readOnly, limit: packLimit, packs: map[int]packFile{}}
	if dir == "" || readOnly {
		return b, nil
	}
	root := filepath.Join(dir, packsDir)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("packs: %w", err)
	}
	ids, err := packIDs(root)
	if err != nil {
		return nil, err
	}
	if len(ids) > 0 {
		// A writer never appends to a pack an earlier one wrote: the first
		// put starts a new one. So a torn or damaged frame anywhere is
		// left where it is, and no offset is ever handed out twice.
		b.cur = ids[len(ids)-1]
	}
	return b, nil
}

func packPath(dir string, id int) string {
	return filepath.Join(dir, packsDir, fmt.Sprintf("%06d%s", id, packSuffix))
}

// packIDs lists the packs under root in order.
func packIDs(root string) ([]int, error) {
	ents, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("packs: %w", err)
	}
	var ids []int
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), packSuffix)
		if !ok {
			continue
		}
		if id, err := strconv.Atoi(name); err == nil && id > 0 {
			ids = append(ids, id)
		}
	}
	sort.Ints(ids)
	return ids, nil
}

// encodeFrame frames a blob.
func encodeFrame(kind byte, name string, data []byte) []byte {
	buf := make([]byte, 0, len(frameMagic)+1+2*binary.MaxVarintLen64+len(name)+len(data)+4)
	buf = append(buf, frameMagic...)
	buf = append(buf, kind)
	buf = binary.AppendUvarint(buf, uint64(len(name)))
	buf = append(buf, name...)
	buf = binary.AppendUvarint(buf, uint64(len(data)))
	buf = append(buf, data...)
	return binary.LittleEndian.AppendUint32(buf, crc32.Checksum(buf[len(frameMagic):], castagnoli))
}

// errTorn marks a frame cut short or damaged.
var errTorn = errors.New("torn or damaged frame")

// decodeFrame reads one whole frame.
func decodeFrame(frame []byte) (kind byte, name string, data []byte, err error) {
	if len(frame) < len(frameMagic)+1+2+4 || string(frame[:len(frameMagic)]) != string(frameMagic) {
		return 0, "", nil, errTorn
	}
	body := frame[len(frameMagic) : len(frame)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(frame[len(frame)-4:]) {
		return 0, "", nil, errTorn
	}
	kind = body[0]
	rest := body[1:]
	nl, k := binary.Uvarint(rest)
	if k <= 0 || uint64(len(rest)-k) < nl {
		return 0, "", nil, errTorn
	}
	name = string(rest[k : k+int(nl)])
	rest = rest[k+int(nl):]
	dl, k := binary.Uvarint(rest)
	if k <= 0 || uint64(len(rest)-k) != dl {
		return 0, "", nil, errTorn
	}
	return kind, name, rest[k:], nil
}

// scanPack calls fn with each whole frame of a pack's bytes, in order.
// Where a frame is torn or damaged (the end of a write cut short, or a
// changed byte) it goes on from the next frame's magic, so one bad frame
// hides no other.
func scanPack(data []byte, fn func(off, n int64, kind byte, name string, payload []byte)) {
	off := 0
	for off < len(data) {
		if n, ok := frameLen(data[off:]); ok {
			if kind, name, payload, err := decodeFrame(data[off : off+n]); err == nil {
				fn(int64(off), int64(n), kind, name, payload)
				off += n
				continue
			}
		}
		next := bytes.Index(data[off+1:], frameMagic)
		if next < 0 {
			return
		}
		off += 1 + next
	}
}

// frameLen reads the length of the frame at the start of b from its
// header; ok is false if b does not hold a whole frame there.
func frameLen(b []byte) (int, bool) {
	if len(b) < len(frameMagic)+1 || !bytes.HasPrefix(b, frameMagic) {
		return 0, false
	}
	p := len(frameMagic) + 1
	nl, k := binary.Uvarint(b[p:])
	if k <= 0 || nl > uint64(len(b)) {
		return 0, false
	}
	p += k + int(nl)
	if p > len(b) {
		return 0, false
	}
	dl, k := binary.Uvarint(b[p:])
	if k <= 0 || dl > uint64(len(b)) {
		return 0, false
	}
	n := p + k + int(dl) + 4
	if n > len(b) {
		return 0, false
	}
	return n, true
}

// put appends a blob and returns its ref. It is durable after sync.
func (b *blobs) put(kind byte, name string, data []byte) (string, error) {
	if b.readOnly {
		return "", ErrReadOnly
	}
	frame := encodeFrame(kind, name, data)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return "", errors.New("packs: closed")
	}
	if b.w == nil || b.size+int64(len(frame)) > b.limit && b.size > 0 {
		if err := b.rotate(); err != nil {
			return "", err
		}
	}
	if _, err := b.w.Write(frame); err != nil {
		// A partial write leaves a torn frame; later frames would follow
		// it, so start a new pack. Readers skip a torn frame to the next
		// frame's magic (scanPack). What the pack held before must still
		// be durable by the next sync.
		if b.dirty {
			if serr := b.w.Sync(); serr != nil && b.failed == nil {
				b.failed = serr
			}
		}
		b.w.Close()
		b.w, b.dirty = nil, false
		return "", fmt.Errorf("packs: write: %w", err)
	}
	off := b.size
	b.size += int64(len(frame))
	b.dirty = true
	return blobRef(b.cur, off, int64(len(frame))), nil
}

// rotate starts a new pack. Called with mu held.
func (b *blobs) rotate() error {
	next := b.cur + 1
	if b.dir == "" {
		m := &memPack{}
		b.rmu.Lock()
		b.packs[next] = m
		b.rmu.Unlock()
		b.cur, b.size, b.w = next, 0, m
		return nil
	}
	if b.w != nil {
		// Blobs put in the old pack must be durable by the next sync,
		// which syncs only the current pack.
		if err := b.w.Sync(); err != nil {
			return fmt.Errorf("packs: sync: %w", err)
		}
		b.w.Close()
		b.w, b.dirty = nil, false
	}
	// A pack left by an earlier failure to start one is reused if empty.
	p := packPath(b.dir, next)
	if info, err := os.Stat(p); err == nil && info.Size() == 0 {
		os.Remove(p)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("packs: %w", err)
	}
	if err := syncDir(filepath.Join(b.dir, packsDir)); err != nil {
		f.Close()
		return fmt.Errorf("packs: %w", err)
	}
	b.cur, b.size, b.w = next, 0, f
	return nil
}

// startPack makes the next put start a pack of its own, after every pack
// there is now.
func (b *blobs) startPack() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.readOnly || b.closed {
		return errors.New("packs: not open for writing")
	}
	return b.rotate()
}

// remove deletes packs, which nothing may refer to any more.
func (b *blobs) remove(ids []int) error {
	if b.dir == "" || len(ids) == 0 {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.rmu.Lock()
	defer b.rmu.Unlock()
	for _, id := range ids {
		// The last pack, when none is open for appending (a writer starts
		// one of its own), can go: the next put starts the one after.
		if id == b.cur && b.w != nil {
			return fmt.Errorf("packs: pack %d is being written", id)
		}
		if f := b.packs[id]; f != nil {
			f.Close()
			delete(b.packs, id)
		}
		if err := os.Remove(packPath(b.dir, id)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("packs: %w", err)
		}
	}
	if err := syncDir(filepath.Join(b.dir, packsDir)); err != nil {
		return fmt.Errorf("packs: %w", err)
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// sync makes every blob put so far durable.
func (b *blobs) sync() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.failed; err != nil {
		// Which batch's blobs were lost is not known: every sync fails
		// from now on, and the store must be opened again.
		return fmt.Errorf("packs: sync: %w", err)
	}
	if !b.dirty || b.w == nil {
		return nil
	}
	// Only the current pack can still be unsynced: rotate syncs the old.
	if err := b.w.Sync(); err != nil {
		return fmt.Errorf("packs: sync: %w", err)
	}
	b.dirty = false
	return nil
}

// reader returns pack id open for reading.
func (b *blobs) reader(id int) (packFile, error) {
	b.rmu.RLock()
	f := b.packs[id]
	b.rmu.RUnlock()
	if f != nil {
		return f, nil
	}
	if b.dir == "" {
		return nil, fmt.Errorf("pack %d: %w", id, ErrNotFound)
	}
	b.rmu.Lock()
	defer b.rmu.Unlock()
	if f := b.packs[id]; f != nil {
		return f, nil
	}
	of, err := os.Open(packPath(b.dir, id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("pack %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	b.packs[id] = of
	return of, nil
}

// blobRef names the frame of n bytes at off in pack id; parseRef splits it.
func blobRef(id int, off, n int64) string { return fmt.Sprintf("%d:%d:%d", id, off, n) }

// parseRef splits a ref.
func parseRef(ref string) (id int, off, n int64, err error) {
	a, rest, ok1 := strings.Cut(ref, ":")
	o, l, ok2 := strings.Cut(rest, ":")
	if ok1 && ok2 {
		id, err = strconv.Atoi(a)
		if err == nil {
			off, err = strconv.ParseInt(o, 10, 64)
		}
		if err == nil {
			n, err = strconv.ParseInt(l, 10, 64)
		}
		if err == nil && id > 0 && off >= 0 && n > 0 && n <= maxFrame {
			return id, off, n, nil
		}
	}
	return 0, 0, 0, fmt.Errorf("blob ref %q: %w", ref, ErrNotFound)
}

// frame reads the frame of a blob by ref.
func (b *blobs) frame(ref string) (kind byte, name string, data []byte, err error) {
	id, off, n, err := parseRef(ref)
	if err != nil {
		return 0, "", nil, err
	}
	f, err := b.reader(id)
	if err != nil {
		return 0, "", nil, err
	}
	buf := make([]byte, n)
	if _, err := f.ReadAt(buf, off); err != nil {
		return 0, "", nil, fmt.Errorf("blob %s: %w", ref, err)
	}
	kind, name, data, err = decodeFrame(buf)
	if err != nil {
		return 0, "", nil, fmt.Errorf("blob %s: %w", ref, err)
	}
	return kind, name, data, nil
}

// getOriginal reads an original file by ref, inflating one stored
// deflated.
func (b *blobs) getOriginal(ref string) (name string, data []byte, err error) {
	kind, name, data, err := b.frame(ref)
	switch {
	case err != nil:
		return "", nil, err
	case kind == blobOriginal:
		return name, data, nil
	case kind != blobOriginalDeflated:
		return "", nil, fmt.Errorf("blob %s is of kind %q, not an original", ref, kind)
	}
	if data, err = inflate(data, MaxSourceSize); err != nil {
		return "", nil, fmt.Errorf("blob %s: %w", ref, err)
	}
	return name, data, nil
}

func (b *blobs) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	var err error
	if b.w != nil {
		err = b.w.Sync()
		if cerr := b.w.Close(); err == nil {
			err = cerr
		}
		b.w = nil
	}
	b.rmu.Lock()
	for id, f := range b.packs {
		f.Close()
		delete(b.packs, id)
	}
	b.rmu.Unlock()
	return err
}

// packOriginals lists the current originals in the packs of dir: for each
// source name the last one put, unless a tombstone for the name follows it.
// deleted lists the records of files that hold several (name#k, see
// ingest) deleted since their file was last put: the file is listed, and
// those records are to be deleted again once it is loaded.
func packOriginals(dir string) (srcs []Source, deleted []string, err error) {
	type loc struct {
		ref  string
		size int64
	}
	latest := map[string]loc{}
	gone := map[string]map[string]bool{} // file name → deleted record sources
	err = scanPacks(dir, func(id int, off, n int64, kind byte, name string, payload []byte) {
		switch kind {
		case blobOriginal, blobOriginalDeflated:
			latest[name] = loc{blobRef(id, off, n), int64(len(payload))}
			delete(gone, name) // put again: its records were loaded again
		case blobTombstone:
			file, _, several := strings.Cut(name, "#")
			if !several {
				delete(latest, name)
				break
			}
			if gone[file] == nil {
				gone[file] = map[string]bool{}
			}
			gone[file][name] = true
		}
	})
	if err != nil {
		return nil, nil, err
	}
	for name, l := range latest {
		ref := l.ref
		srcs = append(srcs, Source{Name: name, Size: l.size, Open: func() (io.ReadCloser, error) {
			b := &blobs{dir: dir, readOnly: true, packs: map[int]packFile{}}
			defer b.close()
			_, data, err := b.getOriginal(ref)
			if err != nil {
				return nil, err
			}
			return io.NopCloser(strings.NewReader(string(data))), nil
		}})
	}
	for file, recs := range gone {
		if _, ok := latest[file]; !ok {
			continue
		}
		for src := range recs {
			deleted = append(deleted, src)
		}
	}
	sort.Strings(deleted)
	return srcs, deleted, nil
}

// blobSizes sums the frames in the packs of dir by kind: originals, and
// everything else (records and tombstones).
func blobSizes(dir string) (originals, other int64, err error) {
	err = scanPacks(dir, func(_ int, _, n int64, kind byte, _ string, _ []byte) {
		if kind == blobOriginal || kind == blobOriginalDeflated {
			originals += n
		} else {
			other += n
		}
	})
	return originals, other, err
}

// scanPacks calls fn with each whole frame of the packs of dir, in order.
func scanPacks(dir string, fn func(id int, off, n int64, kind byte, name string, payload []byte)) error {
	ids, err := packIDs(filepath.Join(dir, packsDir))
	if err != nil {
		return err
	}
	for _, id := range ids {
		data, err := os.ReadFile(packPath(dir, id))
		if err != nil {
			return fmt.Errorf("packs: %w", err)
		}
		scanPack(data, func(off, n int64, kind byte, name string, payload []byte) {
			fn(id, off, n, kind, name, payload)
		})
	}
	return nil
}
