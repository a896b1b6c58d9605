package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// childrenQuery matches the documents children matches whose meeting
// parents matches: the items and decisions of the meetings where a person
// has a role, for one. Meetings hold what is theirs alone, such as their
// people, and their items and decisions are bleve nested documents of
// them, so such a filter is a join on the nesting rather than a field of
// every child or a list of the meetings' ids.
type childrenQuery struct {
	parents  query.Query // matches meetings
	children query.Query // matches items or decisions
}

func (q childrenQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	nr, ok := r.(bindex.NestedReader)
	if !ok {
		return nil, fmt.Errorf("index: a search of meetings' children needs nested documents, which a %T does not hold", r)
	}
	parents, err := q.parents.Searcher(ctx, r, m, options)
	if err != nil {
		return nil, err
	}
	children, err := q.children.Searcher(ctx, r, m, options)
	if err != nil {
		parents.Close()
		return nil, err
	}
	return &childrenSearcher{parents: parents, children: children, roots: roots{nr: nr}}, nil
}

// childrenSearcher walks the children searcher's matches, skipping to the
// children of the next matching meeting whenever a child's meeting does
// not match. A match's score is the child's.
type childrenSearcher struct {
	parents, children search.Searcher
	roots             roots
	parent            *search.DocumentMatch // the last parent match, nil before the first
	done              bool
}

func (s *childrenSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	c, err := s.children.Next(ctx)
	if err != nil {
		return nil, err
	}
	return s.settle(ctx, c)
}

func (s *childrenSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	c, err := s.children.Advance(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.settle(ctx, c)
}

// settle returns c if its meeting matches, else the first later child whose
// meeting does.
func (s *childrenSearcher) settle(ctx *search.SearchContext, c *search.DocumentMatch) (*search.DocumentMatch, error) {
	for c != nil {
		root, err := s.roots.of(c.IndexInternalID)
		if err != nil {
			return nil, err
		}
		if root == docNum(c.IndexInternalID) {
			// A root is nobody's child.
			ctx.DocumentMatchPool.Put(c)
			if c, err = s.children.Next(ctx); err != nil {
				return nil, err
			}
			continue
		}
		if s.parent == nil || docNum(s.parent.IndexInternalID) < root {
			if s.parent != nil {
				ctx.DocumentMatchPool.Put(s.parent)
			}
			if s.parent, err = s.parents.Advance(ctx, docID(root)); err != nil {
				return nil, err
			}
			if s.parent == nil {
				break
			}
		}
		p := docNum(s.parent.IndexInternalID)
		if p == root {
			return c, nil
		}
		// The next matching meeting is later: on to its children.
		ctx.DocumentMatchPool.Put(c)
		if c, err = s.children.Advance(ctx, docID(p+1)); err != nil {
			return nil, err
		}
	}
	if c != nil {
		ctx.DocumentMatchPool.Put(c)
	}
	s.done = true
	return nil, nil
}

func (s *childrenSearcher) Close() error { return closeAll(s.children, s.parents) }

func (s *childrenSearcher) Weight() float64        { return s.children.Weight() }
func (s *childrenSearcher) SetQueryNorm(n float64) { s.children.SetQueryNorm(n) }
func (s *childrenSearcher) Count() uint64          { return s.children.Count() }
func (s *childrenSearcher) Min() int               { return 0 }
func (s *childrenSearcher) Size() int              { return 64 + s.parents.Size() + s.children.Size() }

// DocumentMatchPoolSize: the parent match held, and the searchers'.
func (s *childrenSearcher) DocumentMatchPoolSize() int {
	return 1 + s.parents.DocumentMatchPoolSize() + s.children.DocumentMatchPoolSize()
}
