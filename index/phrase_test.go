package index

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// TestExactPhraseMatchesBleve checks that an exactPhraseQuery finds what
// bleve's PhraseQuery finds, with the same scores to the bit and, when
// asked, the same matched locations: for phrases of two to many terms,
// found and not, in the meeting text (with items' stretches) and titles of
// an index of many segments, walking with Next and with Advance.
func TestExactPhraseMatchesBleve(t *testing.T) {
	recs, idx, ctx := scoredIndex(t)
	r := indexReader(t, idx)
	defer r.Close()

	type phrase struct {
		field string
		terms []string
	}
	var phrases []phrase
	for i, rec := range recs[:20] {
		body := analyze(rec.Text, modeQuery)
		for _, n := range []int{2, 3, 6, 12} {
			at := (len(body) * (i + 1) / 23) % max(1, len(body)-n)
			var terms []string
			for _, tk := range body[at : at+n] {
				terms = append(terms, tk.Term)
			}
			phrases = append(phrases, phrase{fText, terms})
		}
		var title []string
		for _, tk := range analyze(rec.Title, modeQuery) {
			title = append(title, tk.Term)
		}
		if len(title) > 1 {
			phrases = append(phrases, phrase{fTitle, title})
		}
	}
	// Terms that are each there but not in this order, a repeated term,
	// and a term no document has.
	phrases = append(phrases, phrase{fText, []string{"工作", "会议"}}, phrase{fText, []string{"研究", "研究"}}, phrase{fText, []string{"会议", "没有这"}})

	type hit struct {
		id    string
		score float64
		locs  string
	}
	walk := func(q query.Query, opts search.SearcherOptions, targets []bindex.IndexInternalID) ([]hit, []bindex.IndexInternalID) {
		s, err := q.Searcher(ctx, r, idx.b.Mapping(), opts)
		if err != nil {
			t.Fatal(err)
		}
		s.SetQueryNorm(1 / s.Weight())
		var hits []hit
		seen := walkSearcher(t, s, targets, 2, func(dm *search.DocumentMatch) {
			id, _ := r.ExternalID(dm.IndexInternalID)
			// Bleve's phrase searcher gives the locations even when not
			// asked; they are compared when asked for.
			var locs []string
			for _, l := range dm.FieldTermLocations {
				if !opts.IncludeTermVectors {
					break
				}
				locs = append(locs, fmt.Sprintf("%s/%s@%d", l.Field, l.Term, l.Location.Pos))
			}
			slices.SortFunc(locs, cmp.Compare)
			hits = append(hits, hit{id, dm.Score, fmt.Sprint(locs)})
		})
		return hits, seen
	}
	found, advanced := 0, 0
	for _, p := range phrases {
		theirs := query.NewPhraseQuery(p.terms, p.field)
		theirs.SetBoost(1.5)
		ours := exactPhraseQuery{terms: p.terms, field: p.field, boost: 1.5}
		for _, opts := range []search.SearcherOptions{{}, {IncludeTermVectors: true}} {
			want, all := walk(theirs, opts, nil)
			got, _ := walk(ours, opts, nil)
			if !slices.Equal(got, want) {
				t.Errorf("%s %v (vectors %v): got %v, bleve's %v", p.field, p.terms, opts.IncludeTermVectors, got, want)
			}
			found += len(want)
			var targets []bindex.IndexInternalID
			for i := 0; i < len(all); i += 2 {
				target := all[i]
				if i%4 == 2 {
					target = docID(docNum(all[i]) + 1) // the document after a match
				}
				targets = append(targets, target)
			}
			want, _ = walk(theirs, opts, targets)
			got, _ = walk(ours, opts, targets)
			if !slices.Equal(got, want) {
				t.Errorf("%s %v (vectors %v), advancing: got %v, bleve's %v", p.field, p.terms, opts.IncludeTermVectors, got, want)
			}
			advanced += len(targets)
		}
	}
	if found < 100 || advanced < 50 {
		t.Errorf("%d hits, %d advances: too few to tell", found, advanced)
	}
}
