package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// termCandidates bounds how many dictionary terms Terms counts exactly.
const termCandidates = 50

// Terms lists the values of a facet that start with prefix, for typeahead:
// matching is on folded values (苏 finds 蘇琦莉), read from the term
// dictionary rather than by counting facets over every hit, so the cost does
// not grow with the index. Each value comes with the number of meetings that
// have it (of decisions, for verbs and leads) and is shown as written; the
// most frequent come first, at most limit of them.
func (idx *Index) Terms(ctx context.Context, facet, prefix string, limit int) ([]FacetValue, error) {
	fd, ok := FacetDefOf(facet)
	if !ok || !fd.keyword() {
		return nil, &QueryError{Param: "facet", Msg: fmt.Sprintf("unknown facet %q", facet)}
	}
	p := key(prefix)
	if p == "" || limit <= 0 {
		return nil, nil
	}
	// Verbs and leads are those of decisions, counted in decisions; the
	// other facets count meetings.
	level := cmp.Or(fd.termsLevel, LevelMeeting)
	field := levelField(level, fd.field)
	// The folded forms are in the field, and in its label where a value
	// is its own folded form (see doc.keyword).
	dfs := map[string]uint64{}
	for _, f := range []string{field, label(field)} {
		dict, err := idx.b.FieldDictPrefix(f, []byte(p))
		if err != nil {
			return nil, fmt.Errorf("terms %s: %w", facet, err)
		}
		for {
			e, err := dict.Next()
			if err != nil {
				dict.Close()
				return nil, fmt.Errorf("terms %s: %w", facet, err)
			}
			if e == nil {
				break
			}
			if f == field || key(e.Term) == e.Term {
				dfs[e.Term] += e.Count
			}
		}
		dict.Close()
	}
	type cand struct {
		term string
		df   uint64
	}
	cands := make([]cand, 0, len(dfs))
	for term, df := range dfs {
		cands = append(cands, cand{term, df})
	}
	// Document frequency counts items and decisions too, and a document
	// with a value in both fields twice: good enough to choose which
	// terms to count exactly.
	sort.Slice(cands, func(i, j int) bool {
		return cmp.Or(cmp.Compare(cands[j].df, cands[i].df), strings.Compare(cands[i].term, cands[j].term)) < 0
	})
	if len(cands) > termCandidates {
		cands = cands[:termCandidates]
	}
	var out []FacetValue
	for _, c := range cands {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lv := query.NewTermQuery(level)
		lv.SetField(fLevel)
		// The meetings have other values of the field too: find the one
		// this term is the folded form of, from the label's facet,
		// counted from columns (facets.go): bleve's facet builder,
		// decompressing the doc values of every hit, was most of a
		// typeahead's time (BenchmarkAPI/suggest-1).
		rec := &hits{size: facetSize, cache: &idx.columns, fields: []string{label(field)}}
		q := hitRecorder{Query: query.NewConjunctionQuery([]query.Query{lv, keyQuery(field, c.term)}), rec: rec}
		res, err := idx.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err == nil {
			err = rec.err
		}
		if err != nil {
			return nil, fmt.Errorf("terms %s: %w", facet, err)
		}
		if res.Total == 0 {
			continue
		}
		shown := ""
		if len(rec.facets) == 1 {
			vals := rec.facets[0].Values
			for _, v := range vals {
				if key(v.Value) == c.term {
					shown = v.Value
					break
				}
			}
			if shown == "" && len(vals) > 0 {
				// Another name of a value (杭州市政府, see doc.aliases)
				// is shown as the value it names, once.
				shown = vals[0].Value
			}
		}
		shown = cmp.Or(shown, c.term)
		if i := slices.IndexFunc(out, func(v FacetValue) bool { return v.Value == shown }); i >= 0 {
			out[i].Count = max(out[i].Count, int(res.Total))
			continue
		}
		out = append(out, FacetValue{Value: shown, Count: int(res.Total)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return strings.Compare(out[i].Value, out[j].Value) < 0
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
