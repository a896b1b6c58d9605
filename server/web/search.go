package web

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
)

// searchPage is the data of the search page.
type searchPage struct {
	layout
	S        state
	Searched bool // a query or a filter is set
	Total    uint64
	// Loose says the hits match only part of the query; Pieces are the
	// parts of it this page's hits mark, in order of first mark.
	Loose  bool
	Pieces []string
	// Browse says the query had nothing to search for: the hits are the
	// meetings the filters allow, newest first.
	Browse bool
	// Fallback says the query's structure did not parse: its words were
	// searched (index.Result.Fallback; query.Parser.Read).
	Fallback bool
	TookMS   string
	Meetings uint64 // in the whole index
	Tabs     []link
	Sorts    []link
	Hits     []hitView
	Chips    []link
	ClearURL string
	Years    []bar
	Months   []bar
	// MonthYear is the year whose months are shown.
	MonthYear string
	Facets    []facetView
	Pager     pager
	// Decisions are the first decisions matching, shown beside meeting and
	// item hits; DecisionsURL is the decision tab.
	Decisions    []hitView
	DecisionsURL string
}

// sideDecisions is how many decisions the search page shows beside other
// hits.
const sideDecisions = 3

// link is a labelled URL; Active marks the current choice.
type link struct {
	Label  string
	URL    string
	Count  int
	Active bool
}

// hitView is one hit as the page shows it.
type hitView struct {
	Level      string
	LevelLabel string
	URL        string
	TitleHTML  template.HTML
	Meeting    string
	MeetingURL string
	Issuer     string
	Date       string
	Session    string
	DocNumber  string
	Snippets   []template.HTML
	Decision   *decisionView
}

// decisionView is a decision with its links.
type decisionView struct {
	Verb    string
	Object  string
	Lead    string
	LeadURL string
}

// bar is one bar of a histogram: H is its height in twentieths.
type bar struct {
	Label    string
	Title    string
	URL      string
	Count    int
	H        int
	Selected bool
}

// facetView is one facet of the sidebar.
type facetView struct {
	Name   string
	Label  string
	Values []facetValue
	More   []facetValue
}

type facetValue struct {
	Value    string
	Name     string // how the page names Value
	Count    int
	URL      string
	Selected bool
	Roles    []link
}

type pager struct {
	Prev, Next string
	Pages      []link
	Gap        bool
}

// levels are the tabs, in order.
var levels = []struct{ name, label string }{
	{index.LevelMeeting, "会议"}, {index.LevelItem, "议题"}, {index.LevelDecision, "决定"},
}

func levelLabel(l string) string {
	for _, x := range levels {
		if x.name == l {
			return x.label
		}
	}
	return l
}

// roles of officials, in the order shown, each the name of its facet.
var roles = func() []struct{ name, label string } {
	var out []struct{ name, label string }
	for _, r := range index.Roles {
		f, _ := index.FacetDefOf(r.Name)
		out = append(out, struct{ name, label string }{r.Name, f.Label})
	}
	return out
}()

func roleLabel(r string) string {
	for _, x := range roles {
		if x.name == r {
			return x.label
		}
	}
	return r
}

// sidebar lists the facets shown as lists: those of index.FacetDefs with a
// place in the sidebar, in their order.
var sidebar = func() []index.FacetDef {
	var fs []index.FacetDef
	for _, f := range index.FacetDefs {
		if f.Sidebar > 0 {
			fs = append(fs, f)
		}
	}
	slices.SortFunc(fs, func(a, b index.FacetDef) int { return cmp.Compare(a.Sidebar, b.Sidebar) })
	return fs
}()

// countedAt are the facets the search page counts at a level: the years
// and months of the histogram, the sidebar's lists and, on meetings (people
// attend meetings, not items), the roles of officials.
func countedAt(level string) []string {
	out := []string{"year", "month"}
	for _, name := range index.FacetsAt(level) {
		if f, _ := index.FacetDefOf(name); f.Sidebar > 0 || f.CountsMeetings() {
			out = append(out, name)
		}
	}
	return out
}

// facetShown is how many values a facet lists before "more".
const (
	facetShown = 8
	facetMax   = 60
)

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	s, err := readState(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	level := s.Level
	if level == "" {
		level = index.LevelMeeting
	}
	req := index.Request{
		Query: s.Q, Level: level, Filters: s.filters(), Facets: countedAt(level),
		Sort: s.sortName(), Size: pageSize, From: (s.Page - 1) * pageSize, Highlight: true,
	}
	res, err := h.idx.Search(ctx, req)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	title := "纪要检索"
	if s.Q != "" {
		title = s.Q + " - 纪要检索"
	}
	p := searchPage{
		layout:   h.layout(r.Context(), title, s.Q, "search"),
		S:        s,
		Searched: s.Q != "" || s.hasFilters(),
		Total:    res.Total,
		Loose:    res.Mode != index.ModeExact && res.Mode != index.ModeBrowse && s.Q != "",
		Browse:   res.Mode == index.ModeBrowse && s.Q != "",
		Fallback: res.Fallback != "",
		TookMS:   strconv.FormatFloat(float64(res.Took.Microseconds())/1000, 'f', 1, 64),
		ClearURL: state{Q: s.Q, Level: s.Level, Sort: s.Sort}.URL(),
	}
	if p.Loose {
		p.Pieces = markedPieces(res.Hits)
	}
	if st, err := h.idx.Stats(ctx); err == nil {
		p.Meetings = st.Meetings
	}
	for _, l := range levels {
		n := res.Total
		if l.name != level {
			other := req
			other.Level, other.Facets, other.Size, other.From, other.Highlight = l.name, nil, 1, 0, false
			if l.name == index.LevelDecision && s.Q != "" && s.Page == 1 {
				other.Size = sideDecisions
			}
			or, err := h.idx.Search(ctx, other)
			if err != nil {
				h.fail(w, r, err)
				return
			}
			n = or.Total
			if other.Size == sideDecisions {
				for _, hit := range or.Hits {
					p.Decisions = append(p.Decisions, hitOf(hit, s.Q))
				}
			}
		}
		name := l.name
		if name == index.LevelMeeting {
			name = ""
		}
		p.Tabs = append(p.Tabs, link{Label: l.label, Count: int(n), Active: l.name == level,
			URL: s.with(func(c *state) { c.Level = name })})
		if l.name == index.LevelDecision {
			p.DecisionsURL = p.Tabs[len(p.Tabs)-1].URL
		}
	}
	p.Sorts = []link{
		{Label: "相关度", Active: s.sortName() == "relevance", URL: s.with(func(c *state) { c.Sort = "" })},
		{Label: "日期", Active: s.sortName() == "-date", URL: s.with(func(c *state) { c.Sort = "date" })},
	}
	if s.Q == "" {
		p.Sorts[0].URL = ""
	}
	for _, hit := range res.Hits {
		p.Hits = append(p.Hits, hitOf(hit, s.Q))
	}
	p.Chips = chips(s)
	facets := map[string]index.Facet{}
	for _, f := range res.Facets {
		facets[f.Name] = f
	}
	p.Years, p.Months, p.MonthYear = histogram(s, facets["year"], facets["month"])
	for _, sb := range sidebar {
		fv := facetView{Name: sb.Name, Label: sb.Label}
		for i, v := range facets[sb.Name].Values {
			if i >= facetMax {
				break
			}
			x := facetValue{Value: v.Value, Name: sb.ValueName(v.Value), Count: v.Count, Selected: s.has(sb.Name, v.Value), URL: s.toggle(sb.Name, v.Value)}
			if sb.Name == "official" {
				x.Roles = officialRoles(s, v.Value, facets)
			}
			if i < facetShown || x.Selected {
				fv.Values = append(fv.Values, x)
			} else {
				fv.More = append(fv.More, x)
			}
		}
		if len(fv.Values) > 0 {
			p.Facets = append(p.Facets, fv)
		}
	}
	p.Pager = pages(s, res.Total)
	h.render(w, r, http.StatusOK, "search", p)
}

// hitOf prepares a hit for the page; q is carried to the meeting page to
// mark the terms there.
func hitOf(hit index.Hit, q string) hitView {
	v := hitView{
		Level: hit.Level, LevelLabel: levelLabel(hit.Level),
		Meeting: hit.MeetingTitle, MeetingURL: meetingURL(hit.MeetingID, q, 0),
		Issuer: hit.Issuer, Date: cnDate(hit.Date), DocNumber: hit.DocNumber,
		TitleHTML: marked(hit.TitleHTML, hit.Title),
	}
	if hit.Session > 0 {
		v.Session = fmt.Sprintf("第%d次", hit.Session)
	}
	v.URL = meetingURL(hit.MeetingID, q, hit.ItemNo)
	for _, sn := range hit.Snippets {
		v.Snippets = append(v.Snippets, marked(sn, ""))
	}
	if d := hit.Decision; d != nil {
		v.Decision = &decisionView{Verb: d.Verb, Object: d.Object, Lead: d.Lead}
		if d.Lead != "" {
			v.Decision.LeadURL = departmentURL(hit.Issuer, d.Lead)
		}
	}
	return v
}

// maxPieces bounds the pieces a loose page lists.
const maxPieces = 8

var markedRE = regexp.MustCompile(`<mark>([^<]*)</mark>`)

// markedPieces lists the distinct texts the hits' titles and snippets mark,
// in order, at most maxPieces: what of a query a loose page matched.
func markedPieces(hits []index.Hit) []string {
	var out []string
	add := func(h string) {
		for _, m := range markedRE.FindAllStringSubmatch(h, -1) {
			if p := html.UnescapeString(m[1]); p != "" && !slices.Contains(out, p) && len(out) < maxPieces {
				out = append(out, p)
			}
		}
	}
	for _, h := range hits {
		add(h.TitleHTML)
		for _, sn := range h.Snippets {
			add(sn)
		}
	}
	return out
}

// marked trusts HTML from the index's highlighter only if it is escaped
// text with <mark> tags; otherwise it shows plain, escaped.
func marked(h, plain string) template.HTML {
	if h == "" {
		return template.HTML(template.HTMLEscapeString(plain))
	}
	rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h)
	if strings.ContainsAny(rest, "<>") {
		return template.HTML(template.HTMLEscapeString(rest))
	}
	return template.HTML(h)
}

func meetingURL(id, q string, item int) string {
	u := "/meetings/" + url.PathEscape(id)
	if q != "" {
		u += "?" + url.Values{"q": {q}}.Encode()
	}
	if item > 0 {
		u += "#item-" + strconv.Itoa(item)
	}
	return u
}

// departmentURL is the page of a department named in an issuer's record: the
// page of that body of that government (苏州市工信局 for 市工信局 in
// Suzhou's minutes).
func departmentURL(issuer, name string) string {
	return "/departments/" + url.PathEscape(ingest.DepartmentIdentity(issuer, name))
}
func officialURL(name string) string { return "/officials/" + url.PathEscape(name) }
func topicURL(name string) string    { return filterState("topic", name).URL() }

// cnDate writes YYYY-MM-DD (or a prefix) the Chinese way.
func cnDate(d string) string {
	parts := strings.Split(d, "-")
	units := []string{"年", "月", "日"}
	var b strings.Builder
	for i, p := range parts {
		if i >= len(units) {
			break
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return d
		}
		if i == 0 {
			b.WriteString(p)
		} else {
			b.WriteString(strconv.Itoa(n))
		}
		b.WriteString(units[i])
	}
	return b.String()
}

// chips are the active filters, each with the URL that removes it.
func chips(s state) []link {
	var out []link
	if s.From != "" || s.To != "" {
		label := "日期：" + dateSpan(s.From, s.To)
		out = append(out, link{Label: label, URL: s.with(func(c *state) { c.From, c.To = "", "" })})
	}
	for _, sb := range sidebar {
		for _, x := range s.list(sb.Name) {
			out = append(out, link{Label: sb.Label + "：" + sb.ValueName(x), URL: s.toggle(sb.Name, x)})
		}
	}
	if s.Role != "" {
		out = append(out, link{Label: "角色：" + roleLabel(s.Role), URL: s.with(func(c *state) { c.Role = "" })})
	}
	return out
}

func dateSpan(from, to string) string {
	switch {
	case from == to:
		return cnDate(from)
	case from == "":
		return "至" + cnDate(to)
	case to == "":
		return cnDate(from) + "起"
	}
	return cnDate(from) + "至" + cnDate(to)
}

// maxYearLabels is how many year labels fit under the histogram's bars in
// the sidebar ('98 takes about as much room as a bar among 12).
const maxYearLabels = 12

// histogram draws the year facet, and the months of one year: the year
// filtered on, else the newest.
func histogram(s state, years, months index.Facet) (ys, ms []bar, monthYear string) {
	yv := slices.Clone(years.Values)
	slices.SortFunc(yv, func(a, b index.FacetValue) int { return strings.Compare(a.Value, b.Value) })
	maxY := 0
	for _, v := range yv {
		maxY = max(maxY, v.Count)
	}
	for _, v := range yv {
		y := v.Value
		label := y
		if len(yv) > 6 && len(y) == 4 {
			label = "’" + y[2:]
		}
		sel := s.From != "" && strings.HasPrefix(s.From, y) && strings.HasPrefix(s.To, y)
		ys = append(ys, bar{Label: label, Title: fmt.Sprintf("%s年：%d 条", y, v.Count), Count: v.Count, H: height(v.Count, maxY), Selected: sel,
			URL: s.with(func(c *state) { c.From, c.To = y, y })})
		if sel {
			monthYear = y
		}
	}
	// More than maxYearLabels bars leave no room for every year under
	// its bar: every step-th year is labelled, and the last and the one
	// chosen; each bar's title still names its year.
	if n := len(ys); n > maxYearLabels {
		step := (n + maxYearLabels - 1) / maxYearLabels
		for i := range ys {
			if i%step != 0 && i != n-1 && !ys[i].Selected {
				ys[i].Label = ""
			}
		}
	}
	if monthYear == "" && len(yv) > 0 {
		monthYear = yv[len(yv)-1].Value
	}
	if monthYear == "" {
		return ys, nil, ""
	}
	counts := map[string]int{}
	maxM := 0
	for _, v := range months.Values {
		if strings.HasPrefix(v.Value, monthYear+"-") {
			counts[v.Value] = v.Count
			maxM = max(maxM, v.Count)
		}
	}
	for m := 1; m <= 12; m++ {
		key := fmt.Sprintf("%s-%02d", monthYear, m)
		n := counts[key]
		b := bar{Label: strconv.Itoa(m), Title: fmt.Sprintf("%s年%d月：%d 条", monthYear, m, n), Count: n, H: height(n, maxM),
			Selected: s.From == key && s.To == key}
		if n > 0 {
			b.URL = s.with(func(c *state) { c.From, c.To = key, key })
		}
		ms = append(ms, b)
	}
	return ys, ms, monthYear
}

// height scales n to twentieths of max, at least one for any count.
func height(n, max int) int {
	if n <= 0 || max <= 0 {
		return 0
	}
	return (n*20 + max - 1) / max
}

// officialRoles lists the roles one official has among the hits, each a
// link that filters on the official in that role.
func officialRoles(s state, name string, facets map[string]index.Facet) []link {
	var out []link
	for _, ro := range roles {
		for _, v := range facets[ro.name].Values {
			if v.Value != name {
				continue
			}
			out = append(out, link{Label: ro.label, Count: v.Count, Active: s.Role == ro.name && s.has("official", name),
				URL: s.with(func(c *state) { c.setList("official", []string{name}); c.Role = ro.name })})
		}
	}
	return out
}

// pages is the pager: previous, next and a window of page numbers.
func pages(s state, total uint64) pager {
	var p pager
	last := int((total + pageSize - 1) / pageSize)
	last = min(last, maxPage)
	if last <= 1 {
		return p
	}
	at := func(n int) string {
		c := s.clone()
		c.Page = n
		return c.URL()
	}
	if s.Page > 1 {
		p.Prev = at(s.Page - 1)
	}
	if s.Page < last {
		p.Next = at(s.Page + 1)
	}
	lo, hi := max(1, s.Page-3), min(last, s.Page+3)
	for n := lo; n <= hi; n++ {
		p.Pages = append(p.Pages, link{Label: strconv.Itoa(n), URL: at(n), Active: n == s.Page})
	}
	p.Gap = hi < last
	return p
}
