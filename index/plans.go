package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/plan"
)

// PlanHistory is one plan (规划, 方案, or any titled document decided on)
// across meetings: the agenda items that dealt with it, in date order.
// PlanHistory finds it from its title or any part of it; the API's
// decisions?plan= and the decisions page both read it.
type PlanHistory struct {
	// Key is the normalised title matched (plan.Key): the plan's whole
	// title when what was asked is part of one plan's title only, else
	// what was asked.
	Key string
	// Plans lists the normalised titles of the plans whose title holds
	// what was asked, sorted, when more than one does: the steps are
	// theirs, and a whole title asks for one of them.
	Plans []string
	// Steps are the agenda items that dealt with the plans, by date.
	Steps []PlanStep
}

// PlanStep is one agenda item that dealt with a plan.
type PlanStep struct {
	Meeting *ingest.Minutes
	// Item is the agenda item, one of Meeting.Items.
	Item *ingest.Item
	// Decisions are the indexes in Item.Decisions of the decisions taken
	// on the plans.
	Decisions []int
	// Plans are the normalised titles of the plans the item deals with.
	Plans []string
}

// maxPlanItems bounds the agenda items a plan's history reads.
const maxPlanItems = 500

// PlanHistory finds the plans whose normalised title (plan.Key: script,
// brackets, 草案/送审稿 suffixes) holds title's, within f, and the agenda
// items that dealt with them. Candidates are the items that hold the key
// as a phrase; their records decide. A title with too little text to match
// is a *QueryError for "plan".
func (idx *Index) PlanHistory(ctx context.Context, title string, f Filters) (*PlanHistory, error) {
	key := plan.Key(title)
	if utf8.RuneCountInString(key) < 2 {
		return nil, param("plan", "plan %q has too little text to match", title)
	}
	req := Request{Query: `"` + key + `"`, Level: LevelItem, Filters: f, Sort: "date", Size: MaxSize}
	type ref struct {
		meeting string
		item    int
	}
	var refs []ref
	for len(refs) < maxPlanItems {
		res, err := idx.Search(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			refs = append(refs, ref{h.MeetingID, h.ItemNo})
		}
		if res.Next == "" {
			break
		}
		req.After, req.From = res.Next, 0
	}
	out := &PlanHistory{Key: key}
	recs := map[string]*ingest.Minutes{}
	for _, r := range refs {
		rec, ok := recs[r.meeting]
		if !ok {
			var err error
			if rec, err = idx.Get(ctx, r.meeting); err != nil {
				return nil, err
			}
			recs[r.meeting] = rec
		}
		for i := range rec.Items {
			if rec.Items[i].No != r.item {
				continue
			}
			st := planStep(rec, &rec.Items[i], key)
			if len(st.Plans) == 0 {
				continue
			}
			for _, pk := range st.Plans {
				if !slices.Contains(out.Plans, pk) {
					out.Plans = append(out.Plans, pk)
				}
			}
			out.Steps = append(out.Steps, st)
		}
	}
	if len(out.Plans) == 1 {
		out.Key, out.Plans = out.Plans[0], nil
	}
	slices.Sort(out.Plans)
	slices.SortStableFunc(out.Steps, func(a, b PlanStep) int {
		return cmp.Or(cmp.Compare(a.Meeting.Day(), b.Meeting.Day()), cmp.Compare(a.Meeting.ID, b.Meeting.ID), cmp.Compare(a.Item.No, b.Item.No))
	})
	return out, nil
}

// planStep reports how an item deals with the plans whose normalised
// title holds key (氢能及燃料电池产业发展规划 is part of 苏州市氢能及燃料电池
// 产业发展规划): the decisions on them, else its title or the 《》 titles of
// its title and text. A step without Plans deals with none.
func planStep(rec *ingest.Minutes, it *ingest.Item, key string) PlanStep {
	st := PlanStep{Meeting: rec, Item: it}
	holds := func(title string) bool {
		k := plan.Key(title)
		if !strings.Contains(k, key) {
			return false
		}
		if !slices.Contains(st.Plans, k) {
			st.Plans = append(st.Plans, k)
		}
		return true
	}
	for k, d := range it.Decisions {
		if holds(d.Object) {
			st.Decisions = append(st.Decisions, k)
		}
	}
	if len(st.Decisions) == 0 && !holds(it.Title) {
		for _, t := range plan.Titles(it.Title + it.Text) {
			holds(t)
		}
	}
	return st
}
