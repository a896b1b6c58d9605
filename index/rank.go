package index

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Ranking: what a score says, and why. The constants and rules of the
// score are in this file; the searchers that apply them call into it.
//
// Order. By relevance, the default sort, hits are ranked by score,
// highest first, and hits of equal score by id (relevanceSort, byRelevance), so that a page and the next one a
// cursor asks for agree. A listing, a query with no clause to score
// (filters alone, or nothing), is not scored: every hit scores
// listingScore, and a ranking lists it by id; a query with nothing to
// search for is sorted newest first unless a sort is asked for
// (searchPlan.readSort).
//
// A term. A term t found in a text field f of a document scores bleve's
// BM25, weighed by the field's boost:
//
//	boost(f)·idf(t)²·norm · k1·√tf / (√tf + k1·(1 − b + b·len/avglen))
//
// where tf counts t in f, len is f's length in terms, idf(t) = ln(1 +
// (N − n + 0.5)/(n + 0.5)) with n the documents that hold t in f, k1 = 1.2
// and b = 0.75 (bleve's), and norm is bleve's query norm, one number for
// the whole search, which orders nothing. N counts every document,
// meetings, items and decisions, and avglen, bleve's estimate of f's mean
// length (its dictionary's size over N), holds still between writes
// (scoring): bleve's own statistics would count the meetings alone and
// move with merges in the background.
//
// Fields. A query is matched in each text field of the level searched,
// as alternatives: bleve's disjunction, which scores the sum of the
// fields that match times the share of the fields that match. A match in
// a title counts boostTitle times one in a text, and one in a decision's
// object boostObject times: what a record is about is in its titles.
//
//   - A meeting: its title and its text (bodies), which holds the title
//     too, so a term of the title scores the sum of the two and a term of
//     the text alone half its score there (titledQuery, which scores as
//     the disjunction: titledNorm, oneOfTwo).
//   - An item: its title, its text where it was given apart from its
//     meeting's (item_text), and its stretch of its meeting's text
//     (itemsQuery). The stretch scores the item's share of the meeting's
//     score for the query on the meeting's text: that score times the
//     share of the matched locations that fall in the stretch
//     (itemShare). An item is ranked by how much of what made its meeting
//     match is its own.
//   - A decision: the title of its item, its object and its text
//     (decisionFields).
//   - A query at every level at once: all of these, as alternatives.
//
// A query. Words and clauses ANDed score the sum of their scores (bleve's
// conjunction); alternatives (OR), and the pieces of a word matched in the
// loosest mode (anyTwo), the sum of those that match times their share
// (bleve's disjunction). A phrase scores as the conjunction of its terms.
// A single Han character that is no term of its own scores the bigrams
// that hold it, as alternatives, made steady (charQuery). At the meeting
// level the name of someone of some meeting also matches the meetings'
// people, as an alternative to their text. Filters (fields, dates, levels) and exclusions score nothing.
//
// Steady. A score summed in an order that depends on how the index is cut
// into segments (a character's bigrams), and an item's share of one, is
// cut to 28 bits of mantissa (steady), so that a merge does not reorder
// hits between two pages.

// Boosts: a match in a title counts more than one in the body.
const (
	boostTitle  = 3
	boostObject = 2
)

// textField is a text field of a level and the boost of a match in it.
type textField struct {
	name  string
	boost float64
}

// decisionFields are the text fields of decisions, with their boosts: a
// match in a title counts more than one in the body. Meetings and items
// have bodies instead.
var decisionFields = []textField{{fDecTitle, boostTitle}, {fObject, boostObject}, {fDecText, 1}}

// bodies are the text fields of meetings and items that hold all of the
// document's text, its title included (see withTitle): a match in the
// title is also one in the body, and the title is matched for its boost
// only. As an alternative (a disjunction, for meetings a titledQuery)
// that costs less than as an optional clause beside the body (0.54
// against 0.60 ms a term query on 4,000 generated minutes); the body alone
// would be 0.40 ms.
var bodies = map[string]struct{ body, title textField }{
	LevelMeeting: {textField{fText, 1}, textField{fTitle, boostTitle}},
	LevelItem:    {textField{fItemText, 1}, textField{fItemTitle, boostTitle}},
}

// A title is matched as an alternative to the body that holds it, scored
// as bleve's disjunction of the two: titledNorm is the query norm it
// gives both, 1/√(the sum of their weights), and oneOfTwo what one of the
// two scores alone, half its own (its coordination factor, one clause of
// two).
func titledNorm(titleWeight, bodyWeight float64) float64 {
	return 1 / math.Sqrt(titleWeight+bodyWeight)
}

func oneOfTwo(score float64) float64 { return score * 0.5 }

// itemShare is the score of an item of a meeting that scored
// meetingScore for a query on its text: the share of the meeting's
// matched locations, total, that are in the item's stretch, matched.
func itemShare(meetingScore float64, matched, total int) float64 {
	return steady(meetingScore * float64(matched) / float64(total))
}

// scoringStats are the statistics BM25 scores by, as of a count of writes.
type scoringStats struct {
	writes uint64
	st     *search.BM25Stats
}

// scoring returns ctx with the statistics BM25 scores by, which hold still
// from one write to the next. Bleve's own count the documents of an index
// with nested documents by their roots alone, the meetings, so that a term
// in more items than there are meetings would have a negative weight; the
// count given here is of every document, as it was before items were
// nested. And bleve's field cardinality sums the dictionary sizes of the
// segments, which a merge in the background changes: scores would then
// change between two pages of a walk by relevance, which would repeat some
// hits and skip others (TestRelevanceWalkAcrossMerge).
func (idx *Index) scoring(ctx context.Context) (context.Context, error) {
	writes := idx.writes.Load()
	if s := idx.stats.Load(); s != nil && s.writes == writes {
		return context.WithValue(ctx, search.BM25StatsKey, s.st), nil
	}
	r, err := idx.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	br, ok := r.(bindex.BM25Reader)
	if !ok {
		return ctx, nil
	}
	st := &search.BM25Stats{FieldCardinality: make(map[string]int, len(idx.fieldNames))}
	for _, level := range []string{LevelMeeting, LevelItem, LevelDecision} {
		tfr, err := r.TermFieldReader(ctx, []byte(level), fLevel, false, false, false)
		if err != nil {
			return nil, err
		}
		st.DocCount += float64(tfr.Count())
		tfr.Close()
	}
	for _, f := range idx.fieldNames {
		if st.FieldCardinality[f], err = br.FieldCardinality(f); err != nil {
			return nil, err
		}
	}
	idx.stats.Store(&scoringStats{writes: writes, st: st})
	return context.WithValue(ctx, search.BM25StatsKey, st), nil
}

// steady cuts a score to 28 bits of mantissa, about eight digits. Bleve
// sums the scores of a query expanded to many terms (a single character's
// bigrams) in an order that depends on how the index is cut into
// segments, so the same document scores a bit or two differently before
// and after a merge; a cursor walk by relevance that spans the merge would
// then repeat or skip such hits. Cut, the scores agree.
func steady(score float64) float64 {
	return math.Float64frombits(math.Float64bits(score) &^ (1<<24 - 1))
}

// steadyQuery is q with steady scores.
type steadyQuery struct {
	q query.Query
}

func (sq steadyQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := sq.q.Searcher(ctx, r, m, options)
	if err != nil {
		return nil, err
	}
	return steadySearcher{s}, nil
}

type steadySearcher struct {
	search.Searcher
}

func (s steadySearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		dm.Score = steady(dm.Score)
	}
	return dm, err
}

func (s steadySearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		dm.Score = steady(dm.Score)
	}
	return dm, err
}

// relevanceSort is bleve's sort of a ranking: by score, highest first,
// then by id.
var relevanceSort = []string{"-_score", "_id"}

// byRelevance orders hits as relevanceSort does.
func byRelevance(a, b *search.DocumentMatch) int {
	return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID))
}

// listingScore is the score of every hit of a listing: the same for all,
// 1, as under a match-all query.
const listingScore = 1

// pageOf cuts a page of size from hits ranked by score alone, which has a
// hit before the page if before and may have one after it. tied reports a
// score shared across an edge of the page, where the tie-break by id would
// choose other hits; otherwise the page is sorted by score, then id, as
// the tie-break would have it.
func pageOf(hits search.DocumentMatchCollection, before bool, size int) (page search.DocumentMatchCollection, tied bool) {
	if before {
		if len(hits) == 0 {
			return hits, false
		}
		if len(hits) > 1 && hits[0].Score == hits[1].Score {
			tied = true
		}
		hits = hits[1:]
	}
	if len(hits) > size {
		if hits[size].Score == hits[size-1].Score {
			tied = true
		}
		hits = hits[:size]
	}
	slices.SortStableFunc(hits, byRelevance)
	return hits, tied
}
