package index

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// What Jiyao assumes of scorch's internals lives in this file, each
// assumption with a contract test in scorch_test.go, so that a bleve
// upgrade that breaks one fails there, by name:
//
//   - a reader of the index is a *scorch.IndexSnapshot, whose Segments
//     are its immutable segments in order (snapshotSegments);
//   - an internal id is a big-endian uint64, the document's number across
//     the snapshot: the documents of its first segment, then those of the
//     next (docNum, docID, docOffsets, segmentOf);
//   - a segment.Segment value names the same segment, unchanged, in every
//     snapshot that holds it, so that what is read of it once can be kept
//     by it (perSegment);
//   - a persisted segment has a Path in the index folder (SettledSize);
//   - every document's id is a term of the field fID, which a term
//     reader counts, deleted documents aside (has).
//
// The postings and term vectors a segment's dictionary gives
// (segment.Segment, segment.PostingsList) are scorch_segment_api's
// published interface, read in marks.go and facets.go.

// fID is the field scorch indexes each document's id in, as one term.
const fID = "_id"

// snapshotSegments returns the segments of a reader's snapshot; what says
// what needs them, for the error.
func snapshotSegments(r bindex.IndexReader, what string) ([]*scorch.SegmentSnapshot, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("index: %s read segments, which a %T does not have", what, r)
	}
	return snap.Segments(), nil
}

// docNum is the number of the document an internal id names.
func docNum(id bindex.IndexInternalID) uint64 { return binary.BigEndian.Uint64(id) }

// docID is the internal id of document number n.
func docID(n uint64) bindex.IndexInternalID { return binary.BigEndian.AppendUint64(nil, n) }

// docOffsets returns the number of each segment's first document, as scorch
// numbers the documents of a snapshot across its segments, and the number
// after the last.
func docOffsets(segs []*scorch.SegmentSnapshot) []uint64 {
	out := make([]uint64, len(segs)+1)
	for i, s := range segs {
		out[i+1] = out[i] + uint64(s.FullSize())
	}
	return out
}

// segmentOf returns the segment that holds document number n, by the
// offsets docOffsets gives, and n's number in it; ok is false past the
// last document.
func segmentOf(offsets []uint64, n uint64) (i int, local uint64, ok bool) {
	i = sort.Search(len(offsets), func(i int) bool { return offsets[i] > n }) - 1
	if i < 0 || i >= len(offsets)-1 {
		return 0, 0, false
	}
	return i, n - offsets[i], true
}

// perSegment holds a value read once per segment (the item marks, a
// field's facet column) and kept by the segment's identity: a segment does
// not change. It forgets the segments of older snapshots (merged away) once
// it holds twice as many as the latest snapshot has.
type perSegment[V any] struct {
	mu   sync.Mutex
	segs map[segment.Segment]*segValue[V]
}

type segValue[V any] struct {
	once sync.Once
	v    V
	err  error
}

// of returns the value of each of the segments ss, in order, reading those
// not read before with read (given the segment and its number of
// documents); a read error is returned, and read again next time.
func (c *perSegment[V]) of(ss []*scorch.SegmentSnapshot, read func(seg segment.Segment, n uint64) (V, error)) ([]V, error) {
	vals := make([]*segValue[V], len(ss))
	c.mu.Lock()
	if c.segs == nil {
		c.segs = map[segment.Segment]*segValue[V]{}
	}
	for i, s := range ss {
		sv := c.segs[s.Segment()]
		if sv == nil {
			sv = &segValue[V]{}
			c.segs[s.Segment()] = sv
		}
		vals[i] = sv
	}
	if len(c.segs) > 2*len(ss) {
		live := make(map[segment.Segment]bool, len(ss))
		for _, s := range ss {
			live[s.Segment()] = true
		}
		for seg := range c.segs {
			if !live[seg] {
				delete(c.segs, seg)
			}
		}
	}
	c.mu.Unlock()
	out := make([]V, len(ss))
	for i, s := range ss {
		sv := vals[i]
		sv.once.Do(func() { sv.v, sv.err = read(s.Segment(), uint64(s.FullSize())) })
		if sv.err != nil {
			c.mu.Lock()
			if c.segs[s.Segment()] == sv {
				delete(c.segs, s.Segment())
			}
			c.mu.Unlock()
			return nil, sv.err
		}
		out[i] = sv.v
	}
	return out, nil
}

// size returns how many segments the cache holds.
func (c *perSegment[V]) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.segs)
}

// SettledSize measures an index as its latest snapshot has it: the
// segment files that snapshot uses (not those a merge has replaced and the
// persister has not removed yet, which depends on timing), bleve's other
// files (root.bolt, index_meta.json) and, for Jiyao, the records in its
// packs. Both engines are measured this way.
func SettledSize(dir string) (indexBytes, originals int64, err error) {
	b, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return 0, 0, err
	}
	defer b.Close()
	adv, err := b.Advanced()
	if err != nil {
		return 0, 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0, 0, fmt.Errorf("%s: not a scorch index", dir)
	}
	used := map[string]bool{}
	for _, ss := range snap.Segments() {
		p, ok := ss.Segment().(segment.PersistedSegment)
		if !ok {
			return 0, 0, fmt.Errorf("%s: a segment is not persisted", dir)
		}
		used[filepath.Clean(p.Path())] = true
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(rel, packsDir+string(filepath.Separator)) {
			return nil
		}
		if strings.HasSuffix(p, ".zap") && !used[filepath.Clean(p)] {
			return nil // replaced by a merge, not removed yet
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		indexBytes += info.Size()
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	originals, other, err := blobSizes(dir)
	return indexBytes + other, originals, err
}
