package index

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Items have no text field of their own. An item's text is a stretch of
// its meeting's text, and the meeting's text field marks each item's
// stretch: the term itemMarker has a location for each, at the stretch's
// first position, which gives the item's number among the meeting's
// children as its start and the stretch's last position as its end (the
// field keeps no byte offsets, so these are free). The item documents are
// written as nested documents of the meeting, which bleve numbers right
// after it, items first, in order: item k of a meeting numbered m is
// document m+k. So a query on the meeting
// text, run with term locations, says which items match: the items whose
// stretches hold its matched locations. Each item's text is thus indexed
// once, in its meeting, rather than twice, and a query at the item level
// still matches item by item: a phrase matches within one item's stretch
// (a position is left out between stretches) and a conjunction of two
// words needs both in the same item, because each word is its own
// itemsQuery and the conjunction runs over item documents.
//
// The stretches take the positions the text would have without them, but
// for one left out between stretches: small numbers, which the index
// writes in fewer bytes. An earlier layout gave item k the positions from
// k<<16 on, three bytes a location where the text's own take two, and the
// text field was 6% larger (59.5 against 56.2 MB on 3,000 generated
// minutes). Marking the items with bleve's array positions on every
// location would cost phrase search about half as much time again (phrase
// queries p50 7.5 ms against 11.7 ms on 3,000 generated minutes). The
// marks are read once per segment instead and kept (see markCache).
//
// An item whose text is not a stretch of the meeting's (a record that gave
// items separately) keeps the item text field, item_text, which the item
// level searches as well.

// itemMarker is the term of the meeting text field that marks the
// stretches. The tokenizer makes no term of control characters, so no text
// has it.
const itemMarker = "\x00stretch"

// itemMark is an item's stretch in its meeting's text field: its first and
// last positions and the item's number among the meeting's children. They
// fit 32 bits: a text has fewer tokens than bytes, and a source at most
// MaxSourceSize bytes.
type itemMark struct {
	pos, end, child uint32
}

// byMarkPos orders marks by position.
func byMarkPos(a, b itemMark) int { return cmp.Compare(a.pos, b.pos) }

// markStretches adds the marks of the stretches to the term frequencies of
// a meeting's text field, as the locations of itemMarker, and returns their
// size for bleve's accounting. The marker is not counted in the field's
// length, so that scores are those of the text alone.
func markStretches(freqs bindex.TokenFrequencies, marks []itemMark, options bindex.FieldIndexingOptions) int {
	locs := make([]bindex.TokenLocation, len(marks))
	ptrs := make([]*bindex.TokenLocation, len(marks))
	for i, m := range marks {
		locs[i] = bindex.TokenLocation{Position: int(m.pos), Start: int(m.child), End: int(m.end)}
		ptrs[i] = &locs[i]
	}
	tf := &bindex.TokenFreq{Term: []byte(itemMarker), Locations: ptrs}
	if !options.SkipFreqNorm() {
		tf.SetFrequency(len(marks))
	}
	freqs[itemMarker] = tf
	return 72 + len(itemMarker) + len(marks)*72
}

// itemsQuery matches the items whose stretch of their meeting's text
// matches q, a query on the meeting text field.
type itemsQuery struct {
	q     query.Query
	marks *markCache // the index's
}

func (iq itemsQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	nr, ok := r.(bindex.NestedReader)
	if !ok {
		return nil, fmt.Errorf("index: item search needs nested documents, which a %T does not hold", r)
	}
	if iq.marks == nil {
		return nil, errors.New("index: an item search needs the index's mark cache")
	}
	marks, err := iq.marks.forSnapshot(r)
	if err != nil {
		return nil, err
	}
	opts := options
	opts.IncludeTermVectors = true
	s, err := iq.q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &itemsSearcher{inner: s, roots: roots{nr: nr}, marks: marks}, nil
}

// itemsSearcher turns the meetings its inner searcher matches into the
// items their matched locations fall in, in document order.
type itemsSearcher struct {
	inner search.Searcher
	roots roots
	// marks are the stretches of the meetings' texts (see itemMarker).
	marks   *segmentMarks
	stretch []itemMark // of the last meeting, in order
	// pending are the matched items of the last meeting not yet returned,
	// in order.
	pending []itemHit
	// last is the number of the last meeting the inner searcher returned;
	// started reports that there was one.
	last    uint64
	started bool
	counts  []int // matched locations by item, of the last meeting
}

type itemHit struct {
	doc   uint64
	score float64
}

// reader opens a reader of the index's current snapshot, which the caller
// closes.
func (idx *Index) reader() (bindex.IndexReader, error) {
	bi, err := idx.b.Advanced()
	if err != nil {
		return nil, err
	}
	return bi.Reader()
}

// roots reads the root of documents, their meeting, from bleve's nesting.
type roots struct {
	nr  bindex.NestedReader
	anc []bindex.AncestorID
}

// of returns the number of the root of document id: its own if it is one.
func (r *roots) of(id bindex.IndexInternalID) (uint64, error) {
	var err error
	if r.anc, err = r.nr.Ancestors(id, r.anc[:0]); err != nil {
		return 0, err
	}
	if len(r.anc) == 0 {
		return docNum(id), nil
	}
	return uint64(r.anc[len(r.anc)-1]), nil
}

// expand reads the items of a meeting match into pending and recycles the
// match. An item's score is its share of the meeting's score, by the
// matched locations it holds (itemShare).
func (s *itemsSearcher) expand(ctx *search.SearchContext, m *search.DocumentMatch) {
	meeting := docNum(m.IndexInternalID)
	s.last, s.started = meeting, true
	s.stretch = s.marks.of(meeting)
	clear(s.counts)
	total := 0
	at := 0 // the stretch of the last location, where the next one most often is
	count := func(pos uint64) {
		total++
		// The stretch that holds pos, if any, is the last to begin at
		// or before it: most often the last location's or the next.
		i := -1
		if at < len(s.stretch) && uint64(s.stretch[at].pos) <= pos {
			switch {
			case at+1 == len(s.stretch) || uint64(s.stretch[at+1].pos) > pos:
				i = at + 1
			case at+2 == len(s.stretch) || uint64(s.stretch[at+2].pos) > pos:
				i = at + 2
			}
		}
		if i < 0 {
			i, _ = slices.BinarySearchFunc(s.stretch, pos+1, func(a itemMark, p uint64) int { return cmp.Compare(uint64(a.pos), p) })
		}
		if i == 0 || pos > uint64(s.stretch[i-1].end) {
			return
		}
		at = i - 1
		k := s.stretch[i-1].child
		for len(s.counts) <= int(k) {
			s.counts = append(s.counts, 0)
		}
		s.counts[k]++
	}
	for i := range m.FieldTermLocations {
		count(m.FieldTermLocations[i].Location.Pos)
	}
	for _, terms := range m.Locations {
		for _, locs := range terms {
			for _, l := range locs {
				count(l.Pos)
			}
		}
	}
	s.pending = s.pending[:0]
	for k, n := range s.counts {
		if n > 0 {
			s.pending = append(s.pending, itemHit{doc: meeting + uint64(k), score: itemShare(m.Score, n, total)})
		}
	}
	ctx.DocumentMatchPool.Put(m)
}

// pop returns the first pending item as a match.
func (s *itemsSearcher) pop(ctx *search.SearchContext) *search.DocumentMatch {
	h := s.pending[0]
	s.pending = s.pending[1:]
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = binary.BigEndian.AppendUint64(dm.IndexInternalID[:0], h.doc)
	dm.Score = h.score
	return dm
}

func (s *itemsSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for len(s.pending) == 0 {
		m, err := s.inner.Next(ctx)
		if err != nil || m == nil {
			return nil, err
		}
		s.expand(ctx, m)
	}
	return s.pop(ctx), nil
}

func (s *itemsSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	target := docNum(id)
	s.skipTo(target)
	if len(s.pending) == 0 {
		// The target's meeting is its root; the inner searcher moves to
		// it unless it has been there already, when only later meetings
		// remain.
		root, err := s.roots.of(id)
		if err != nil {
			return nil, err
		}
		if !s.started || root > s.last {
			m, err := s.inner.Advance(ctx, docID(root))
			if err != nil || m == nil {
				return nil, err
			}
			s.expand(ctx, m)
			s.skipTo(target)
		}
	}
	if len(s.pending) > 0 {
		return s.pop(ctx), nil
	}
	return s.Next(ctx)
}

// skipTo drops the pending items before document target.
func (s *itemsSearcher) skipTo(target uint64) {
	for len(s.pending) > 0 && s.pending[0].doc < target {
		s.pending = s.pending[1:]
	}
}

func (s *itemsSearcher) Close() error           { return s.inner.Close() }
func (s *itemsSearcher) Weight() float64        { return s.inner.Weight() }
func (s *itemsSearcher) SetQueryNorm(n float64) { s.inner.SetQueryNorm(n) }
func (s *itemsSearcher) Count() uint64          { return s.inner.Count() }
func (s *itemsSearcher) Min() int               { return s.inner.Min() }
func (s *itemsSearcher) Size() int              { return 64 + s.inner.Size() + cap(s.pending)*16 }

// DocumentMatchPoolSize: the inner searcher's matches, and the one this
// returns (expand recycles the inner match before returning).
func (s *itemsSearcher) DocumentMatchPoolSize() int { return s.inner.DocumentMatchPoolSize() + 1 }
