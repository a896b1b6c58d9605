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

// TestDepartmentOneName checks that a body a record names in two ways (人力
// 资源和社会保障部, 人力资源社会保障部) is one facet value, the table's
// canonical name, counted once, and that a filter by either name finds it.
func TestDepartmentOneName(t *testing.T) {
	a := suzhou()
	a.Issuer = "中华人民共和国国务院"
	a.Departments = []string{"人力资源和社会保障部", "人力资源社会保障部"}
	a.Items = nil
	idx := memIndex(t, []*ingest.Minutes{a})
	ctx := context.Background()
	res, err := idx.Search(ctx, Request{Facets: []string{"department"}})
	if err != nil {
		t.Fatal(err)
	}
	var vals []string
	for _, v := range res.Facets[0].Values {
		vals = append(vals, v.Value)
	}
	if len(vals) != 1 || vals[0] != "人力资源社会保障部" || res.Facets[0].Values[0].Count != 1 {
		t.Errorf("department facet = %v, want 人力资源社会保障部 once", res.Facets[0].Values)
	}
	for _, q := range []string{"人力资源和社会保障部", "人力资源社会保障部", "人社部"} {
		res, err := idx.Search(ctx, Request{Filters: Filters{Values: map[string][]string{"department": {q}}}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 {
			t.Errorf("department %s: %d meetings, want 1", q, res.Total)
		}
	}
}
