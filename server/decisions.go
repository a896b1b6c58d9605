package server

import (
	"cmp"
	"fmt"
	"github.com/jiyao-search/jiyao/internal/plan"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
)

// decisionsQuery is GET /decisions' query string.
type decisionsQuery struct {
	Q    string `form:"q"`
	Plan string `form:"plan"`
	filterParams
	pageParams
}

// DecisionsResponse is the answer of GET /decisions.
type DecisionsResponse struct {
	// Decisions are the matching decisions; with plan, those on the plan
	// in date order.
	Decisions  []DecisionHit `json:"decisions"`
	Total      uint64        `json:"total"`
	Mode       string        `json:"mode,omitempty"`
	NextCursor string        `json:"next_cursor,omitempty"`
	// Plan is the history of the plan title, when plan was given.
	Plan         *PlanHistory `json:"plan,omitempty"`
	TookMS       float64      `json:"took_ms"`
	IndexVersion string       `json:"index_version"`
}

// DecisionHit is a decision with its meeting and item.
type DecisionHit struct {
	ID           string  `json:"id"`
	Verb         string  `json:"verb"`
	Object       string  `json:"object"`
	Lead         string  `json:"lead,omitempty"`
	MeetingID    string  `json:"meeting_id"`
	MeetingTitle string  `json:"meeting_title"`
	Issuer       string  `json:"issuer,omitempty"`
	Date         string  `json:"date,omitempty"`
	Session      int     `json:"session,omitempty"`
	ItemNo       int     `json:"item_no"`
	ItemTitle    string  `json:"item_title"`
	Score        float64 `json:"score,omitempty"`
}

// PlanHistory is one plan title across meetings.
type PlanHistory struct {
	// Title is the plan as asked; Key the normalised title matched: the
	// plan's whole title when what was asked is part of one plan's title
	// only, else what was asked.
	Title string `json:"title"`
	Key   string `json:"key"`
	// Plans lists the normalised titles of the plans whose title holds
	// what was asked, when more than one does: the stages are theirs, and
	// a whole title asks for one of them.
	Plans  []string    `json:"plans,omitempty"`
	Stages []PlanStage `json:"stages"`
}

// PlanStage is one agenda item that dealt with the plan.
type PlanStage struct {
	MeetingID    string `json:"meeting_id"`
	MeetingTitle string `json:"meeting_title"`
	Issuer       string `json:"issuer,omitempty"`
	Date         string `json:"date,omitempty"`
	ItemNo       int    `json:"item_no"`
	ItemTitle    string `json:"item_title"`
	// Action is the item's verb (研究, 审议, 听取 …).
	Action string `json:"action,omitempty"`
	// Verbs are the decisions taken on the plan at this item (原则同意,
	// 通过 …).
	Verbs []string `json:"verbs"`
	// Stage is the last verb, or the action when nothing was decided.
	Stage string `json:"stage"`
}

// maxPlanItems bounds the agenda items a plan history reads.
const maxPlanItems = 500

func (s *Server) getDecisions(c *gin.Context) error {
	var p decisionsQuery
	if err := bindQuery(c, &p, []string{"q", "plan"}, filterNames, pageNames); err != nil {
		return err
	}
	pg, err := p.pageParams.parse()
	if err != nil {
		return err
	}
	if p.Plan != "" {
		return s.planHistory(c, p)
	}
	ctx := c.Request.Context()
	res, err := s.find(ctx, searchInput{q: p.Q, level: index.LevelDecision, filters: p.filters(), page: pg})
	if err != nil {
		return err
	}
	out := DecisionsResponse{Decisions: make([]DecisionHit, 0, len(res.Hits)), Total: res.Total, Mode: res.Mode,
		NextCursor: res.Next, TookMS: ms(res.Took)}
	for _, h := range res.Hits {
		d := DecisionHit{ID: h.ID, MeetingID: h.MeetingID, MeetingTitle: h.MeetingTitle, Issuer: h.Issuer,
			Date: h.Date, Session: h.Session, ItemNo: h.ItemNo, ItemTitle: h.Title, Score: h.Score}
		if h.Decision != nil {
			d.Verb, d.Object, d.Lead = h.Decision.Verb, h.Decision.Object, h.Decision.Lead
		}
		out.Decisions = append(out.Decisions, d)
	}
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

// planHistory answers GET /decisions?plan=: the agenda items whose plan
// title normalises to the same key, in date order. Candidates are found by
// searching items for the key as a phrase; the records decide.
func (s *Server) planHistory(c *gin.Context, p decisionsQuery) error {
	start := time.Now()
	if err := text("plan", p.Plan, maxValueRunes); err != nil {
		return err
	}
	if p.Q != "" || p.Cursor != "" || p.Page != "" {
		return badParam("plan", "plan cannot be combined with q, page or cursor")
	}
	key := plan.Key(p.Plan)
	if len([]rune(key)) < 2 {
		return badParam("plan", "plan %q has too little text to match", p.Plan)
	}
	f := p.filters()
	if err := checkFilters(f); err != nil {
		return err
	}
	req := index.Request{Query: `"` + key + `"`, Level: index.LevelItem, Filters: f, Sort: "date", Size: index.MaxSize}
	ctx := c.Request.Context()
	type ref struct {
		meeting string
		item    int
	}
	var refs []ref
	err := s.searchAll(ctx, req, maxPlanItems, func(res *index.Result) bool {
		for _, h := range res.Hits {
			refs = append(refs, ref{h.MeetingID, h.ItemNo})
		}
		return true
	})
	if err != nil {
		return err
	}
	out := DecisionsResponse{Decisions: []DecisionHit{}, Plan: &PlanHistory{Title: p.Plan, Key: key, Stages: []PlanStage{}}}
	recs := map[string]*ingest.Minutes{}
	for _, r := range refs {
		rec, ok := recs[r.meeting]
		if !ok {
			var err error
			if rec, err = s.idx.Get(ctx, r.meeting); err != nil {
				return err
			}
			recs[r.meeting] = rec
		}
		for _, it := range rec.Items {
			if it.No != r.item {
				continue
			}
			st, decs, plans := planStage(rec, it, key)
			if len(plans) == 0 {
				continue
			}
			for _, pk := range plans {
				if !slices.Contains(out.Plan.Plans, pk) {
					out.Plan.Plans = append(out.Plan.Plans, pk)
				}
			}
			out.Plan.Stages = append(out.Plan.Stages, st)
			out.Decisions = append(out.Decisions, decs...)
		}
	}
	switch len(out.Plan.Plans) {
	case 1:
		out.Plan.Key, out.Plan.Plans = out.Plan.Plans[0], nil
	default:
		slices.Sort(out.Plan.Plans)
	}
	slices.SortStableFunc(out.Plan.Stages, func(a, b PlanStage) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.MeetingID, b.MeetingID), cmp.Compare(a.ItemNo, b.ItemNo))
	})
	slices.SortStableFunc(out.Decisions, func(a, b DecisionHit) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
	out.Total = uint64(len(out.Decisions))
	out.TookMS = ms(time.Since(start))
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

// planStage reports how an item deals with the plans whose normalised
// title holds key (氢能及燃料电池产业发展规划 is part of 苏州市氢能及燃料电池
// 产业发展规划), and which plans those are; none when it deals with none.
func planStage(rec *ingest.Minutes, it ingest.Item, key string) (PlanStage, []DecisionHit, []string) {
	st := PlanStage{MeetingID: rec.ID, MeetingTitle: rec.Title, Issuer: rec.Issuer, Date: meetingDate(rec),
		ItemNo: it.No, ItemTitle: it.Title, Action: it.Action, Verbs: []string{}}
	var decs []DecisionHit
	var plans []string
	holds := func(title string) bool {
		k := plan.Key(title)
		if !strings.Contains(k, key) {
			return false
		}
		if !slices.Contains(plans, k) {
			plans = append(plans, k)
		}
		return true
	}
	for k, d := range it.Decisions {
		if !holds(d.Object) {
			continue
		}
		st.Verbs = append(st.Verbs, d.Verb)
		decs = append(decs, DecisionHit{ID: fmt.Sprintf("%s/i%d/d%d", rec.ID, it.No, k+1), Verb: d.Verb, Object: d.Object,
			Lead: d.Lead, MeetingID: rec.ID, MeetingTitle: rec.Title, Issuer: rec.Issuer, Date: meetingDate(rec),
			Session: rec.Meeting.Session, ItemNo: it.No, ItemTitle: it.Title})
	}
	if len(st.Verbs) == 0 && !holds(it.Title) {
		for _, t := range plan.Titles(it.Title + it.Text) {
			holds(t)
		}
	}
	if len(plans) == 0 {
		return st, nil, nil
	}
	st.Stage = it.Action
	if n := len(st.Verbs); n > 0 {
		st.Stage = st.Verbs[n-1]
	}
	return st, decs, plans
}

func meetingDate(rec *ingest.Minutes) string {
	if rec.Meeting.Date != "" {
		return rec.Meeting.Date
	}
	return rec.Published
}
