package index

import (
	"context"
	"testing"

	"github.com/jiyao-search/jiyao/ingest"
)

// TestDepartmentsOfTwoCities checks that the 市财政局 of two cities are two
// bodies: two facet values, never the bare name, each filter finding its
// own city's meeting, and the bare name finding both.
func TestDepartmentsOfTwoCities(t *testing.T) {
	a, b := suzhou(), suzhou()
	b.ID, b.Source, b.SHA256 = "0000000000000b0b", "wenzhou.txt", "b0b"
	b.Issuer, b.Title = "温州市人民政府", "温州市人民政府常务会议纪要"
	idx := memIndex(t, []*ingest.Minutes{a, b})
	ctx := context.Background()

	res, err := idx.Search(ctx, Request{Facets: []string{"department"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, v := range res.Facets[0].Values {
		got[v.Value] = v.Count
		if bareDepartment(v.Value) {
			t.Errorf("facet value %q names no government", v.Value)
		}
	}
	for _, v := range []string{"苏州市财政局", "温州市财政局", "苏州市发改委", "温州市发改委"} {
		if got[v] != 1 {
			t.Errorf("facet %s: %d, want 1 (all: %v)", v, got[v], got)
		}
	}
	for q, n := range map[string]uint64{"苏州市财政局": 1, "温州市财政局": 1, "市财政局": 2, "杭州市财政局": 0} {
		res, err := idx.Search(ctx, Request{Filters: Filters{Values: map[string][]string{"department": {q}}}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != n {
			t.Errorf("department %s: %d meetings, want %d", q, res.Total, n)
		}
	}
}
