package index

import (
	"cmp"
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
)

// bleveFacets counts a request's facets as bleve's terms facets do, from
// the doc values of the hits of the same bleve request Search runs: the
// reference the columns are held to.
func bleveFacets(t *testing.T, ctx context.Context, idx *Index, req Request) []Facet {
	t.Helper()
	p, err := newSearchPlan(req)
	if err != nil {
		t.Fatal(err)
	}
	if p.officials, err = idx.officialNames(ctx, p.q); err != nil {
		t.Fatal(err)
	}
	p.marks = &idx.marks
	sr, _, err := p.request(ModeExact, false, &columnCache{})
	if err != nil {
		t.Fatal(err)
	}
	r := bleve.NewSearchRequestOptions(sr.Query.(hitRecorder).Query, 0, 0, false)
	for _, name := range req.Facets {
		r.AddFacet(name, bleve.NewFacetRequest(levelField(p.level, facetFields[name]), facetSize))
	}
	res, err := idx.b.SearchInContext(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	return facetsOf(req.Facets, res.Facets)
}

// facetsOf reads bleve's facet results as Search shows facets.
func facetsOf(names []string, res search.FacetResults) []Facet {
	var out []Facet
	for _, name := range names {
		fr := res[name]
		f := Facet{Name: name, Values: []FacetValue{}, Other: fr.Other}
		for _, t := range fr.Terms.Terms() {
			f.Values = append(f.Values, FacetValue{Value: t.Term, Count: t.Count})
		}
		if name == "year" || name == "month" {
			slices.SortFunc(f.Values, func(a, b FacetValue) int { return cmp.Compare(b.Value, a.Value) })
		}
		out = append(out, f)
	}
	return out
}

// The facets counted from columns are bleve's to the bit: every facet, at
// every level, over queries that match a few documents, most of them and
// all, on an index of many segments with deleted documents, before and
// after the segments are merged.
func TestFacetsMatchBleve(t *testing.T) {
	// bleve's facet builder reads doc values, which the index keeps for
	// this test only.
	facetDocValues = true
	recs, idx, ctx := scoredIndex(t)
	facetDocValues = false
	// Put again, some meetings' documents are deleted from their
	// segments and written to new ones.
	for _, r := range recs[:20] {
		if err := idx.Put(context.Background(), []*ingest.Minutes{r}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Delete(context.Background(), recs[25].ID); err != nil {
		t.Fatal(err)
	}
	queries := []string{"", "财政", "会议", "王金平", "\"常务会议\"", "财政 -商务", "level:meeting"}
	check := func(stage string) {
		for _, level := range []string{LevelMeeting, LevelItem, LevelDecision} {
			names := FacetsAt(level)
			for _, q := range queries {
				for _, f := range []Filters{{}, {From: "2020"}, {Values: map[string][]string{"department": {"财政局"}}}} {
					req := Request{Query: q, Level: level, Filters: f, Facets: names}
					if q == "level:meeting" && level != LevelMeeting {
						continue
					}
					res, err := idx.Search(ctx, req)
					if err != nil {
						t.Fatalf("%s: Search(%+v): %v", stage, req, err)
					}
					if res.Mode != ModeExact {
						continue // the reference runs the exact mode
					}
					want := bleveFacets(t, ctx, idx, req)
					if diff := gocmp.Diff(want, res.Facets); diff != "" {
						t.Errorf("%s: facets of %q at %s with %+v differ from bleve's (-bleve +columns):\n%s", stage, q, level, f, diff)
					}
				}
			}
		}
	}
	check("segments")
	forceMerge(t, idx)
	check("merged")
}
