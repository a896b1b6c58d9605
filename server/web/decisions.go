package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/fold"
	"github.com/jiyao-search/jiyao/internal/plan"
)

// decisionsPage is the data of the decisions page.
type decisionsPage struct {
	layout
	// Q is what the box holds: the words searched, or the plan asked.
	Q string
	// Plan is the title, or part of one, that plan= asked for: the page
	// is then the history of the plans whose title holds it.
	Plan string
	// Matching lists those plans when more than one does.
	Matching []link
	// Recent is set when no title was asked for: the newest decisions.
	Recent []decisionRow
	Plans  []planView
	Total  uint64
}

// planView is one plan (a titled document decided on) with the
// decisions on it and its history across meetings.
type planView struct {
	Title  string
	Issuer string
	// URL is the page of the plan's history (decisions?plan=), when the
	// page is not that already.
	URL      string
	Decided  []decisionRow
	Timeline []event
}

type decisionRow struct {
	Verb       string
	Object     string
	Lead       string
	LeadURL    string
	Meeting    string
	MeetingURL string
	Issuer     string
	// Day is the date as YYYY-MM-DD, Date as people read it.
	Day       string
	Date      string
	ItemNo    int
	ItemTitle string
}

// event is one meeting's step on a plan.
type event struct {
	Date       string
	Step       string
	Decided    bool
	Meeting    string
	MeetingURL string
	ItemNo     int
	ItemTitle  string
	Lead       string
	LeadURL    string
}

// Bounds of the decisions page.
const (
	planHits     = 100
	planMeetings = 60
	recentSize   = 20
)

var titleRe = regexp.MustCompile(`《([^《》]+)》`)

func (h *Handler) decisions(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	for k := range v {
		if k != "q" && k != "plan" {
			h.fail(w, r, badRequest(k, "unknown parameter %q", k))
			return
		}
	}
	q := strings.TrimSpace(v.Get("q"))
	if utf8.RuneCountInString(q) > maxQueryLen {
		h.fail(w, r, badRequest("q", "query longer than %d characters", maxQueryLen))
		return
	}
	if v.Has("plan") {
		asked := strings.TrimSpace(v.Get("plan"))
		switch {
		case v.Has("q"):
			h.fail(w, r, badRequest("plan", "plan cannot be combined with q"))
		case utf8.RuneCountInString(asked) > maxValueLen:
			h.fail(w, r, badRequest("plan", "plan longer than %d characters", maxValueLen))
		default:
			h.planHistory(w, r, asked)
		}
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	title := "决定查询"
	if q != "" {
		title = q + " - 决定查询"
	}
	p := decisionsPage{layout: h.layout(r.Context(), title, "", "decisions"), Q: q}
	if q == "" {
		res, err := h.idx.Search(ctx, index.Request{Level: index.LevelDecision, Sort: "-date", Size: recentSize})
		if err != nil {
			h.fail(w, r, err)
			return
		}
		p.Total = res.Total
		for _, hit := range res.Hits {
			p.Recent = append(p.Recent, decisionRowOf(hit))
		}
		h.render(w, r, http.StatusOK, "decisions", p)
		return
	}
	dec, err := h.idx.Search(ctx, index.Request{Query: q, Level: index.LevelDecision, Size: planHits})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Total = dec.Total
	var keys []string
	plans := map[string]*planView{}
	var mids []string
	for _, hit := range dec.Hits {
		if hit.Decision == nil {
			continue
		}
		// One title at two issuers is two plans.
		k := fold.String(hit.Issuer) + "|" + plan.Key(hit.Decision.Object)
		pv := plans[k]
		if pv == nil {
			pv = &planView{Title: hit.Decision.Object, Issuer: hit.Issuer, URL: planURL(hit.Decision.Object)}
			plans[k] = pv
			keys = append(keys, k)
		}
		pv.Decided = append(pv.Decided, decisionRowOf(hit))
		mids = append(mids, hit.MeetingID)
	}
	// Items that discussed a plan without deciding on it belong to its
	// history too.
	items, err := h.idx.Search(ctx, index.Request{Query: q, Level: index.LevelItem, Size: planHits})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, hit := range items.Hits {
		mids = append(mids, hit.MeetingID)
	}
	slices.Sort(mids)
	mids = slices.Compact(mids)
	if len(mids) > planMeetings {
		mids = mids[:planMeetings]
	}
	for _, mid := range mids {
		m, err := h.idx.Get(ctx, mid)
		if err != nil {
			continue // deleted since the search
		}
		for _, it := range m.Items {
			for _, k := range itemPlans(it) {
				if pv := plans[fold.String(m.Issuer)+"|"+k]; pv != nil {
					pv.Timeline = append(pv.Timeline, eventOf(m, it, k))
				}
			}
		}
	}
	for _, k := range keys {
		pv := plans[k]
		slices.SortStableFunc(pv.Decided, func(a, b decisionRow) int { return strings.Compare(a.Day, b.Day) })
		slices.SortStableFunc(pv.Timeline, func(a, b event) int { return strings.Compare(a.Date, b.Date) })
		for i := range pv.Timeline {
			pv.Timeline[i].Date = cnDate(pv.Timeline[i].Date)
		}
		p.Plans = append(p.Plans, *pv)
	}
	h.render(w, r, http.StatusOK, "decisions", p)
}

// planHistory shows the history of the plans whose title holds asked
// (index.PlanHistory, which the API's decisions?plan= reads too): for
// each, the decisions on it and every meeting that dealt with it; when
// several plans fit, their list first.
func (h *Handler) planHistory(w http.ResponseWriter, r *http.Request, asked string) {
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	ph, err := h.idx.PlanHistory(ctx, asked, index.Filters{})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := decisionsPage{layout: h.layout(r.Context(), asked+" - 决定查询", "", "decisions"), Q: asked, Plan: asked}
	keys := ph.Plans
	if len(keys) == 0 && len(ph.Steps) > 0 {
		keys = []string{ph.Key}
	}
	views := make(map[string]*planView, len(keys))
	for _, k := range keys {
		views[k] = &planView{Title: k}
	}
	issuers, meetings := map[string][]string{}, map[string][]string{}
	for _, st := range ph.Steps {
		m, it := st.Meeting, st.Item
		for _, k := range st.Plans {
			if pv := views[k]; pv != nil {
				if pv.Title == k {
					pv.Title = writtenTitle(*it, k)
				}
				pv.Timeline = append(pv.Timeline, eventOf(m, *it, k))
				if !slices.Contains(issuers[k], m.Issuer) {
					issuers[k] = append(issuers[k], m.Issuer)
				}
				if !slices.Contains(meetings[k], m.ID) {
					meetings[k] = append(meetings[k], m.ID)
				}
			}
		}
		for _, i := range st.Decisions {
			d := it.Decisions[i]
			if pv := views[plan.Key(d.Object)]; pv != nil {
				pv.Title = d.Object // as the latest decision writes it
				pv.Decided = append(pv.Decided, decisionRowOfItem(m, *it, d))
				p.Total++
			}
		}
	}
	for _, k := range keys {
		pv := views[k]
		if len(issuers[k]) == 1 {
			pv.Issuer = issuers[k][0]
		}
		for i := range pv.Timeline {
			pv.Timeline[i].Date = cnDate(pv.Timeline[i].Date)
		}
		p.Plans = append(p.Plans, *pv)
		if len(keys) > 1 {
			p.Matching = append(p.Matching, link{Label: pv.Title, URL: planURL(k), Count: len(meetings[k])})
		}
	}
	h.render(w, r, http.StatusOK, "decisions", p)
}

// writtenTitle is the plan of key as the item writes it in 《》, else key.
func writtenTitle(it ingest.Item, key string) string {
	for _, t := range plan.Titles(it.Title + it.Text) {
		if plan.Key(t) == key {
			return t
		}
	}
	return key
}

// planURL is the page of the history of a plan.
func planURL(title string) string {
	return "/decisions?" + url.Values{"plan": {title}}.Encode()
}

// itemPlans are the keys of the plans an item is about: its 《》 titles and
// the objects of its decisions.
func itemPlans(it ingest.Item) []string {
	var out []string
	for _, m := range titleRe.FindAllStringSubmatch(it.Title, -1) {
		out = append(out, plan.Key(m[1]))
	}
	for _, d := range it.Decisions {
		out = append(out, plan.Key(d.Object))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func eventOf(m *ingest.Minutes, it ingest.Item, key string) event {
	e := event{Date: m.Meeting.Date, Step: it.Action, Meeting: m.Title, MeetingURL: meetingURL(m.ID, "", it.No), ItemNo: it.No, ItemTitle: it.Title}
	if e.Step == "" {
		e.Step = "讨论"
	}
	for _, d := range it.Decisions {
		if plan.Key(d.Object) == key {
			e.Step, e.Decided = d.Verb, true
			if d.Lead != "" {
				e.Lead, e.LeadURL = d.Lead, departmentURL(m.Issuer, d.Lead)
			}
			break
		}
	}
	return e
}

// decisionRowOfItem is a decision as a record holds it.
func decisionRowOfItem(m *ingest.Minutes, it ingest.Item, d ingest.Decision) decisionRow {
	row := decisionRow{Verb: d.Verb, Object: d.Object, Lead: d.Lead, Meeting: m.Title, MeetingURL: meetingURL(m.ID, "", it.No),
		Issuer: m.Issuer, Day: m.Day(), Date: cnDate(m.Day()), ItemNo: it.No, ItemTitle: it.Title}
	if d.Lead != "" {
		row.LeadURL = departmentURL(m.Issuer, d.Lead)
	}
	return row
}

func decisionRowOf(hit index.Hit) decisionRow {
	row := decisionRow{Meeting: hit.MeetingTitle, MeetingURL: meetingURL(hit.MeetingID, "", hit.ItemNo),
		Issuer: hit.Issuer, Day: hit.Date, Date: cnDate(hit.Date), ItemNo: hit.ItemNo, ItemTitle: hit.Title}
	if d := hit.Decision; d != nil {
		row.Verb, row.Object, row.Lead = d.Verb, d.Object, d.Lead
		if d.Lead != "" {
			row.LeadURL = departmentURL(hit.Issuer, d.Lead)
		}
	}
	return row
}
