package server

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
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

// planHistory answers GET /decisions?plan=: the agenda items that dealt
// with the plans whose title holds what was asked, in date order
// (index.PlanHistory), with the decisions taken on them.
func (s *Server) planHistory(c *gin.Context, p decisionsQuery) error {
	start := time.Now()
	if err := text("plan", p.Plan, maxValueRunes); err != nil {
		return err
	}
	if p.Q != "" || p.Cursor != "" || p.Page != "" {
		return badParam("plan", "plan cannot be combined with q, page or cursor")
	}
	f := p.filters()
	if err := checkFilters(f); err != nil {
		return err
	}
	ctx := c.Request.Context()
	ph, err := s.idx.PlanHistory(ctx, p.Plan, f)
	if err != nil {
		return err
	}
	out := DecisionsResponse{Decisions: []DecisionHit{},
		Plan: &PlanHistory{Title: p.Plan, Key: ph.Key, Plans: ph.Plans, Stages: make([]PlanStage, 0, len(ph.Steps))}}
	for _, st := range ph.Steps {
		rec, it := st.Meeting, st.Item
		ps := PlanStage{MeetingID: rec.ID, MeetingTitle: rec.Title, Issuer: rec.Issuer, Date: rec.Day(),
			ItemNo: it.No, ItemTitle: it.Title, Action: it.Action, Verbs: []string{}, Stage: it.Action}
		for _, k := range st.Decisions {
			d := it.Decisions[k]
			ps.Verbs = append(ps.Verbs, d.Verb)
			ps.Stage = d.Verb
			out.Decisions = append(out.Decisions, DecisionHit{ID: fmt.Sprintf("%s/i%d/d%d", rec.ID, it.No, k+1), Verb: d.Verb, Object: d.Object,
				Lead: d.Lead, MeetingID: rec.ID, MeetingTitle: rec.Title, Issuer: rec.Issuer, Date: rec.Day(),
				Session: rec.Meeting.Session, ItemNo: it.No, ItemTitle: it.Title})
		}
		out.Plan.Stages = append(out.Plan.Stages, ps)
	}
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
