package index

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Facets are counted from columns, not from bleve's stored doc values.
// bleve's terms facet reads and decompresses the doc values of every hit
// for every facet, which profiling put at about half of a faceted query's
// CPU on 50,000 generated minutes (issue 13). Instead a search records the
// document numbers of its hits (hitRecorder), and each facet is counted
// from a column per segment and field: for each document of the segment,
// the ordinals of its values, read once from the field's postings and kept
// while the segment lives, as the item marks are (markCache). Counting a
// hit is then an array lookup and an increment, as in Lucene's
// SortedSetDocValues facets. The counts and their order are bleve's to the
// bit: facets_test.go compares the two on every facet, level and query
// kind.

// hitRecorder is a query that matches what its query matches, records the
// document number of every hit the search collects and, when the search
// closes its searcher (before it closes the snapshot the numbers number),
// counts the facets of the hits.
type hitRecorder struct {
	query.Query
	rec *hits
}

// hits are what a hitRecorder records, and the facets it counts.
type hits struct {
	// fields are the facets' fields, size how many values each shows.
	fields []string
	size   int
	cache  *columnCache

	docs   []uint64
	facets []Facet
	err    error
}

func (q hitRecorder) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	q.rec.docs, q.rec.facets, q.rec.err = q.rec.docs[:0], nil, nil
	return &recordingSearcher{Searcher: s, rec: q.rec, reader: r}, nil
}

// Validate validates the query recorded, where it validates itself.
func (q hitRecorder) Validate() error {
	if v, ok := q.Query.(query.ValidatableQuery); ok {
		return v.Validate()
	}
	return nil
}

// recordingSearcher records the hits of a searcher.
type recordingSearcher struct {
	search.Searcher
	rec    *hits
	reader bindex.IndexReader
}

func (s *recordingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil {
		s.record(d)
	}
	return d, err
}

func (s *recordingSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil {
		s.record(d)
	}
	return d, err
}

func (s *recordingSearcher) record(d *search.DocumentMatch) {
	if len(d.IndexInternalID) == 8 {
		s.rec.docs = append(s.rec.docs, binary.BigEndian.Uint64(d.IndexInternalID))
	}
}

// Close counts the facets while the snapshot is open: its segments may be
// merged away and unmapped once it closes.
func (s *recordingSearcher) Close() error {
	err := s.Searcher.Close()
	h := s.rec
	for _, field := range h.fields {
		f, ferr := h.cache.count(s.reader, h.docs, field, h.size)
		if ferr != nil {
			h.err = ferr
			break
		}
		h.facets = append(h.facets, f)
	}
	return err
}

// columnCache holds the columns of the segments an index's facets have
// counted, by field and segment.
type columnCache struct {
	mu     sync.Mutex
	fields map[string]*perSegment[*column]
}

// column holds the values of one field in one segment: the values of
// document n are values[ords[start[n]:start[n+1]]].
type column struct {
	values []string
	start  []uint32
	ords   []uint32
}

// columns returns the columns of field for the segments of a snapshot,
// reading those not read before, with the segments' offsets (docOffsets).
func (c *columnCache) columns(r bindex.IndexReader, field string) ([]*column, []uint64, error) {
	ss, err := snapshotSegments(r, "facets")
	if err != nil {
		return nil, nil, err
	}
	c.mu.Lock()
	if c.fields == nil {
		c.fields = map[string]*perSegment[*column]{}
	}
	segs := c.fields[field]
	if segs == nil {
		segs = &perSegment[*column]{}
		c.fields[field] = segs
	}
	c.mu.Unlock()
	cols, err := segs.of(ss, func(seg segment.Segment, n uint64) (*column, error) {
		col := &column{}
		return col, col.read(seg, field, n)
	})
	if err != nil {
		return nil, nil, err
	}
	return cols, docOffsets(ss), nil
}

// read reads the column of field in a segment of n documents from the
// field's postings, term by term.
func (col *column) read(seg segment.Segment, field string, n uint64) error {
	d, err := seg.Dictionary(field)
	if err != nil {
		return fmt.Errorf("read facet column %s: %w", field, err)
	}
	type pair struct{ doc, ord uint32 }
	var pairs []pair
	count := make([]uint32, n+1)
	it := d.AutomatonIterator(everyTerm{}, nil, nil)
	var pl segment.PostingsList
	var pit segment.PostingsIterator
	for {
		e, err := it.Next()
		if err != nil {
			return fmt.Errorf("read facet column %s: %w", field, err)
		}
		if e == nil {
			break
		}
		ord := uint32(len(col.values))
		col.values = append(col.values, strings.Clone(e.Term))
		if pl, err = d.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return fmt.Errorf("read facet column %s: %w", field, err)
		}
		pit = pl.Iterator(false, false, false, pit)
		for {
			p, err := pit.Next()
			if err != nil {
				return fmt.Errorf("read facet column %s: %w", field, err)
			}
			if p == nil {
				break
			}
			doc := p.Number()
			if doc >= n {
				return fmt.Errorf("read facet column %s: document %d of a segment of %d", field, doc, n)
			}
			pairs = append(pairs, pair{uint32(doc), ord})
			count[doc+1]++
		}
	}
	// count[d+1] holds document d's number of values: summed, document
	// d's values start at count[d].
	for i := 1; i <= int(n); i++ {
		count[i] += count[i-1]
	}
	col.start = count
	col.ords = make([]uint32, len(pairs))
	next := slices.Clone(count[:n])
	for _, p := range pairs {
		col.ords[next[p.doc]] = p.ord
		next[p.doc]++
	}
	return nil
}

// everyTerm is the automaton that accepts every term of a dictionary.
type everyTerm struct{}

func (everyTerm) Start() int               { return 0 }
func (everyTerm) IsMatch(int) bool         { return true }
func (everyTerm) CanMatch(int) bool        { return true }
func (everyTerm) WillAlwaysMatch(int) bool { return true }
func (everyTerm) Accept(int, byte) int     { return 0 }

// count counts the values of a field over hits, document numbers of the
// snapshot r: the size most frequent, by count then value as bleve orders
// them, and the number of the other values' occurrences.
func (c *columnCache) count(r bindex.IndexReader, docs []uint64, field string, size int) (Facet, error) {
	f := Facet{Values: []FacetValue{}}
	if len(docs) == 0 {
		return f, nil
	}
	cols, offsets, err := c.columns(r, field)
	if err != nil {
		return f, err
	}
	counts := make([][]uint32, len(cols))
	seg := 0
	for _, doc := range docs {
		if seg >= len(cols) || doc < offsets[seg] || doc >= offsets[seg+1] {
			i, _, ok := segmentOf(offsets, doc)
			if !ok {
				return f, fmt.Errorf("facet %s: hit %d past the snapshot's %d documents", field, doc, offsets[len(offsets)-1])
			}
			seg = i
		}
		col := cols[seg]
		if counts[seg] == nil {
			counts[seg] = make([]uint32, len(col.values))
		}
		local := doc - offsets[seg]
		for _, o := range col.ords[col.start[local]:col.start[local+1]] {
			counts[seg][o]++
		}
	}
	total := map[string]int{}
	for i, cs := range counts {
		for o, n := range cs {
			if n > 0 {
				total[cols[i].values[o]] += int(n)
			}
		}
	}
	for v, n := range total {
		f.Values = append(f.Values, FacetValue{Value: v, Count: n})
	}
	slices.SortFunc(f.Values, func(a, b FacetValue) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	if len(f.Values) > size {
		for _, v := range f.Values[size:] {
			f.Other += v.Count
		}
		f.Values = f.Values[:size]
	}
	return f, nil
}
