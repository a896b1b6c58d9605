package index

import (
	"fmt"
	"slices"

	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// The marks of the items' stretches (see itemMarker) are read once per
// segment and kept: a segment does not change. Read from the postings of
// itemMarker for every meeting an item query matched, they were about a
// quarter of an item term query's time on 20,000 generated minutes, and
// more in the whole: item term p50 went from 7.7 to 12.6–17.0 ms when
// the stretches moved from position ranges to marks.

// markCache holds the marks of the segments an index's queries have read.
type markCache struct{ segs perSegment[*segMarks] }

// segMarks are the marks of one segment: those of its document n are
// marks[start[n]:start[n+1]], in order of position.
type segMarks struct {
	start []uint32
	marks []itemMark
}

// segmentMarks are the marks of the segments of an index snapshot.
type segmentMarks struct {
	offsets []uint64 // see docOffsets
	segs    []*segMarks
}

// forSnapshot returns the marks of the segments of r, reading those of
// segments not seen before.
func (c *markCache) forSnapshot(r bindex.IndexReader) (*segmentMarks, error) {
	ss, err := snapshotSegments(r, "item searches")
	if err != nil {
		return nil, err
	}
	segs, err := c.segs.of(ss, readMarks)
	if err != nil {
		return nil, err
	}
	return &segmentMarks{offsets: docOffsets(ss), segs: segs}, nil
}

// readMarks reads the marks of a segment of n documents.
func readMarks(seg segment.Segment, n uint64) (*segMarks, error) {
	sm := &segMarks{}
	return sm, sm.read(seg, n)
}

// read reads the marks of a segment of n documents.
func (sm *segMarks) read(seg segment.Segment, n uint64) error {
	sm.start = make([]uint32, n+1)
	d, err := seg.Dictionary(fText)
	if err != nil {
		return fmt.Errorf("read item marks: %w", err)
	}
	pl, err := d.PostingsList([]byte(itemMarker), nil, nil)
	if err != nil {
		return fmt.Errorf("read item marks: %w", err)
	}
	it := pl.Iterator(false, false, true, nil)
	next := uint64(0) // the first document whose start is not set
	for {
		p, err := it.Next()
		if err != nil {
			return fmt.Errorf("read item marks: %w", err)
		}
		if p == nil {
			break
		}
		doc := p.Number()
		if doc >= n {
			return fmt.Errorf("read item marks: document %d of a segment of %d", doc, n)
		}
		for ; next <= doc; next++ {
			sm.start[next] = uint32(len(sm.marks))
		}
		first := len(sm.marks)
		for _, l := range p.Locations() {
			sm.marks = append(sm.marks, itemMark{pos: uint32(l.Pos()), end: uint32(l.End()), child: uint32(l.Start())})
		}
		mine := sm.marks[first:]
		slices.SortFunc(mine, byMarkPos)
	}
	for ; next <= n; next++ {
		sm.start[next] = uint32(len(sm.marks))
	}
	sm.marks = slices.Clip(sm.marks)
	return nil
}

// of returns the marks of document number doc, in order of position; none
// if it has no items' stretches.
func (m *segmentMarks) of(doc uint64) []itemMark {
	i, local, ok := segmentOf(m.offsets, doc)
	if !ok {
		return nil
	}
	sm := m.segs[i]
	return sm.marks[sm.start[local]:sm.start[local+1]]
}
