package web

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/jiyao-search/jiyao/index"
)

// personPage is the data of an official's or a department's page.
type personPage struct {
	layout
	Name string
	// Kind is 人员 or 部门.
	Kind string
	// About is what the newest record says of the official: title, org.
	About    string
	Roles    []roleCount
	Years    []yearRow
	Meetings []meetingRow
	// Led are the decisions a department leads.
	Led []decisionRow
	// Truncated says only the newest maxListed meetings are listed.
	Truncated bool
	SearchURL string
}

// roleCount is the number of meetings in one role, with its colour class.
type roleCount struct {
	Label string
	Class string
	Count int
}

// yearRow is one year of the activity chart: a bar of segments by role,
// each W twentieths of the busiest year.
type yearRow struct {
	Year  string
	Total int
	Segs  []seg
	URL   string
}

type seg struct {
	Class string
	Label string
	Count int
	W     int
}

type meetingRow struct {
	Title  string
	URL    string
	Date   string
	Issuer string
	Roles  []roleCount
}

// maxListed bounds the meetings read for one page.
const maxListed = 500

// meetingsWhere lists every meeting hit of req (sorted newest first) up to
// maxListed, and whether there were more.
func (h *Handler) meetingsWhere(ctx context.Context, req index.Request) ([]index.Hit, bool, error) {
	req.Sort, req.Size = "-date", index.MaxSize
	var out []index.Hit
	for {
		req.From = len(out)
		res, err := h.idx.Search(ctx, req)
		if err != nil {
			return nil, false, err
		}
		out = append(out, res.Hits...)
		if len(res.Hits) < req.Size || uint64(len(out)) >= res.Total {
			return out, false, nil
		}
		if len(out) >= maxListed {
			return out, true, nil
		}
	}
}

// activity is one meeting of a person or department in one role.
type activity struct {
	hit   index.Hit
	roles []int // indexes into the page's role list
}

// chart builds the meeting rows and the per-year chart from activities in
// newest-first order; a meeting is counted in its first role.
func chart(acts []activity, roleNames []roleCount, yearURL func(string) string) ([]meetingRow, []yearRow) {
	var rows []meetingRow
	perYear := map[string][]int{}
	var years []string
	for _, a := range acts {
		row := meetingRow{Title: a.hit.MeetingTitle, URL: meetingURL(a.hit.MeetingID, "", 0), Date: cnDate(a.hit.Date), Issuer: a.hit.Issuer}
		for _, ri := range a.roles {
			row.Roles = append(row.Roles, roleNames[ri])
		}
		rows = append(rows, row)
		y := "未注明"
		if len(a.hit.Date) >= 4 {
			y = a.hit.Date[:4]
		}
		if perYear[y] == nil {
			perYear[y] = make([]int, len(roleNames))
			years = append(years, y)
		}
		perYear[y][a.roles[0]]++
	}
	slices.Sort(years)
	most := 0
	for _, y := range years {
		t := 0
		for _, n := range perYear[y] {
			t += n
		}
		most = max(most, t)
	}
	var out []yearRow
	for _, y := range years {
		yr := yearRow{Year: y}
		if y != "未注明" && yearURL != nil {
			yr.URL = yearURL(y)
		}
		for i, n := range perYear[y] {
			yr.Total += n
			if n > 0 {
				yr.Segs = append(yr.Segs, seg{Class: roleNames[i].Class, Label: roleNames[i].Label, Count: n, W: max(1, n*20/most)})
			}
		}
		out = append(out, yr)
	}
	return rows, out
}

func (h *Handler) official(w http.ResponseWriter, r *http.Request) {
	name, err := pathName(r, "official")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	p := personPage{layout: h.layout(r.Context(), name+" - 人员", "", ""), Name: name, Kind: "人员",
		SearchURL: filterState("official", name).URL()}
	for _, ro := range roles {
		p.Roles = append(p.Roles, roleCount{Label: ro.label, Class: "role-" + ro.name})
	}
	byID := map[string]*activity{}
	var order []string
	for i, ro := range roles {
		hits, more, err := h.meetingsWhere(ctx, index.Request{Level: index.LevelMeeting, Filters: index.Filters{Role: ro.name}.With("official", name)})
		if err != nil {
			h.fail(w, r, err)
			return
		}
		p.Truncated = p.Truncated || more
		p.Roles[i].Count = len(hits)
		for _, hit := range hits {
			a := byID[hit.MeetingID]
			if a == nil {
				a = &activity{hit: hit}
				byID[hit.MeetingID] = a
				order = append(order, hit.MeetingID)
			}
			a.roles = append(a.roles, i)
		}
	}
	if len(order) == 0 {
		h.fail(w, r, &pageError{Status: http.StatusNotFound, Heading: "未找到", Message: "索引中没有“" + name + "”出现过的会议。"})
		return
	}
	acts := make([]activity, 0, len(order))
	for _, id := range order {
		acts = append(acts, *byID[id])
	}
	slices.SortStableFunc(acts, func(a, b activity) int { return strings.Compare(b.hit.Date, a.hit.Date) })
	p.Meetings, p.Years = chart(acts, p.Roles, func(y string) string {
		s := filterState("official", name)
		s.From, s.To = y, y
		return s.URL()
	})
	p.About = h.about(ctx, name, acts[0].hit.MeetingID)
	h.render(w, r, http.StatusOK, "official", p)
}

// about is what the record of one meeting says of an official.
func (h *Handler) about(ctx context.Context, name, meetingID string) string {
	m, err := h.idx.Get(ctx, meetingID)
	if err != nil {
		return ""
	}
	if m.Chair != nil && m.Chair.Name == name && m.Chair.Title != "" {
		return m.Chair.Title
	}
	for _, a := range m.Attendees {
		if a.Name == name {
			return strings.TrimSpace(a.Org + " " + a.Title)
		}
	}
	return ""
}

func (h *Handler) department(w http.ResponseWriter, r *http.Request) {
	name, err := pathName(r, "department")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	p := personPage{layout: h.layout(r.Context(), name+" - 部门", "", ""), Name: name, Kind: "部门",
		SearchURL: filterState("department", name).URL(),
		Roles:     []roleCount{{Label: "牵头落实", Class: "role-lead"}, {Label: "参与或提及", Class: "role-mention"}}}
	led, moreLed, err := h.meetingsWhere(ctx, index.Request{Level: index.LevelDecision, Filters: index.Filters{}.With("lead", name)})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	meetings, moreMeetings, err := h.meetingsWhere(ctx, index.Request{Level: index.LevelMeeting, Filters: index.Filters{}.With("department", name)})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Truncated = moreLed || moreMeetings
	leads := map[string]bool{}
	for _, hit := range led {
		leads[hit.MeetingID] = true
		p.Led = append(p.Led, decisionRowOf(hit))
	}
	var acts []activity
	seen := map[string]bool{}
	for _, hit := range meetings {
		seen[hit.MeetingID] = true
		role := 1
		if leads[hit.MeetingID] {
			role = 0
		}
		acts = append(acts, activity{hit: hit, roles: []int{role}})
	}
	// A lead named only in a decision still counts its meeting.
	for _, hit := range led {
		if !seen[hit.MeetingID] {
			seen[hit.MeetingID] = true
			mh := hit
			mh.MeetingTitle = hit.MeetingTitle
			acts = append(acts, activity{hit: mh, roles: []int{0}})
		}
	}
	if len(acts) == 0 {
		h.fail(w, r, &pageError{Status: http.StatusNotFound, Heading: "未找到", Message: "索引中没有涉及“" + name + "”的会议。"})
		return
	}
	slices.SortStableFunc(acts, func(a, b activity) int { return strings.Compare(b.hit.Date, a.hit.Date) })
	for _, a := range acts {
		p.Roles[a.roles[0]].Count++
	}
	p.Meetings, p.Years = chart(acts, p.Roles, func(y string) string {
		s := filterState("department", name)
		s.From, s.To = y, y
		return s.URL()
	})
	h.render(w, r, http.StatusOK, "department", p)
}
