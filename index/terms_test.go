package index

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jiyao-search/jiyao/ingest"
)

func TestTerms(t *testing.T) {
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	rec := func(id, issuer string, people ...string) *ingest.Minutes {
		m := &ingest.Minutes{ID: id, Source: id, SHA256: id, Issuer: issuer, Title: issuer + "会议纪要",
			Meeting: ingest.Meeting{Date: "2020-01-02"}, Text: "会议"}
		for _, p := range people {
			m.Attendees = append(m.Attendees, ingest.Attendee{Name: p, Role: ingest.RolePresent})
		}
		m.Items = []ingest.Item{{No: 1, Title: "研究", Text: "研究"}}
		return m
	}
	err = idx.Put(ctx, []*ingest.Minutes{
		rec("a", "高雄市議會", "蘇琦莉", "蘇炎城", "王金平"),
		rec("b", "高雄市議會", "蘇琦莉"),
		rec("c", "苏州市人民政府", "苏琦"),
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := idx.Terms(ctx, "official", "苏", 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []FacetValue{{"蘇琦莉", 2}, {"苏琦", 1}, {"蘇炎城", 1}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Terms(official, 苏) (-got +want):\n%s", diff)
	}
	got, _ = idx.Terms(ctx, "issuer", "高雄", 10)
	if diff := cmp.Diff(got, []FacetValue{{"高雄市議會", 2}}); diff != "" {
		t.Errorf("Terms(issuer, 高雄) (-got +want):\n%s", diff)
	}
	if got, _ := idx.Terms(ctx, "official", "苏", 1); len(got) != 1 || got[0].Value != "蘇琦莉" {
		t.Errorf("limit 1: %v", got)
	}
	if _, err := idx.Terms(ctx, "nosuch", "x", 1); !errors.Is(err, ErrBadQuery) {
		t.Errorf("unknown facet: %v", err)
	}
}
