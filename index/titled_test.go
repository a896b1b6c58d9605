package index

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	ql "github.com/jiyao-search/jiyao/query"
)

// TestTitledQueryMatchesDisjunction checks that a titledQuery finds the
// documents bleve's disjunction of its two queries finds, with the same
// scores to the bit: for words, single characters and phrases, alone and in
// conjunctions (which advance the searchers), on an index of many segments.
func TestTitledQueryMatchesDisjunction(t *testing.T) {
	recs, idx, ctx := scoredIndex(t)
	// Words from the titles, which are also in the bodies, and from the
	// bodies alone; characters common and rare.
	var words []string
	for _, rec := range recs[:12] {
		toks := analyze(rec.Title, modeQuery)
		if len(toks) > 2 {
			words = append(words, toks[1].Term)
		}
		body := analyze(rec.Text, modeQuery)
		words = append(words, body[len(body)/2].Term)
	}
	words = append(words, "会", "局", "绕", "財政")
	c := compiler{mode: ModeExact, level: LevelMeeting}
	type pair struct {
		name           string
		titled, disjun query.Query
	}
	var pairs []pair
	for i, w := range words {
		q := c.compile(&ql.Text{Text: w})
		tq, ok := q.(titledQuery)
		if !ok && isOneHan(w) {
			continue // a common character: a term of its own field
		}
		if !ok {
			t.Fatalf("%s compiles to %T, not a titledQuery", w, q)
		}
		pairs = append(pairs, pair{w, tq, tq.disjunction()})
		if i > 0 && len(pairs) > 1 {
			prev := pairs[len(pairs)-2]
			pairs = append(pairs, pair{prev.name + " " + w,
				query.NewConjunctionQuery([]query.Query{prev.titled, tq}),
				query.NewConjunctionQuery([]query.Query{prev.disjun, tq.disjunction()})})
		}
	}
	phrase := c.compile(&ql.Text{Text: recs[0].Title, Quoted: true}).(titledQuery)
	pairs = append(pairs, pair{"phrase", phrase, phrase.disjunction()})

	hits := 0
	for _, p := range pairs {
		run := func(q query.Query) map[string]float64 {
			req := bleve.NewSearchRequestOptions(q, len(recs)*60, 0, false)
			res, err := idx.b.SearchInContext(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]float64{}
			for _, h := range res.Hits {
				out[h.ID] = h.Score
			}
			if int(res.Total) != len(out) {
				t.Fatalf("%s: %d hits of %d", p.name, len(out), res.Total)
			}
			return out
		}
		got, want := run(p.titled), run(p.disjun)
		if len(got) != len(want) {
			t.Errorf("%s: %d hits, the disjunction %d", p.name, len(got), len(want))
		}
		for id, s := range want {
			if got[id] != s {
				t.Errorf("%s: %s scores %v, in the disjunction %v", p.name, id, got[id], s)
			}
		}
		hits += len(want)
	}
	if hits < 200 {
		t.Errorf("%d hits in all: too few to tell", hits)
	}

	// Advancing, searcher against searcher: to every third of the
	// disjunction's matches or the document after it.
	r := indexReader(t, idx)
	defer r.Close()
	opts := search.SearcherOptions{}
	advanced := 0
	for _, p := range pairs[:6] {
		walk := func(q query.Query, targets []bindex.IndexInternalID) ([]string, []float64, []bindex.IndexInternalID) {
			s, err := q.Searcher(ctx, r, idx.b.Mapping(), opts)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			var scores []float64
			seen := walkSearcher(t, s, targets, 3, func(dm *search.DocumentMatch) {
				id, _ := r.ExternalID(dm.IndexInternalID)
				ids = append(ids, id)
				scores = append(scores, dm.Score)
			})
			return ids, scores, seen
		}
		_, _, all := walk(p.disjun, nil)
		var targets []bindex.IndexInternalID
		for i := 2; i < len(all); i += 3 {
			// A match, or the document after one, which need not match.
			target := all[i]
			if i%2 == 1 {
				target = docID(docNum(all[i]) + 1)
			}
			targets = append(targets, target)
		}
		wantIDs, wantScores, _ := walk(p.disjun, targets)
		gotIDs, gotScores, _ := walk(p.titled, targets)
		if !slices.Equal(gotIDs, wantIDs) || !slices.Equal(gotScores, wantScores) {
			t.Errorf("%s: advancing gave %v %v, the disjunction %v %v", p.name, gotIDs, gotScores, wantIDs, wantScores)
		}
		advanced += len(targets)
	}
	if advanced < 20 {
		t.Errorf("%d advances: too few to tell", advanced)
	}

	// Unscored, it is the disjunction.
	s, err := phrase.Searcher(context.Background(), r, idx.b.Mapping(), search.SearcherOptions{Score: scoreNone})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*titledSearcher); ok {
		t.Error("an unscored search uses the titled searcher")
	}
}
