package server

import (
	"cmp"
	"context"
	"github.com/jiyao-search/jiyao/internal/plan"
	"net/http"
	"slices"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/fold"
)

// Limits of the typeahead endpoints.
const (
	defaultLimit   = 20
	maxLimit       = 100
	maxNameRunes   = 100
	maxSuggestRune = 50
)

// phrase makes a quoted phrase query of typed text, for narrowing facet
// counts to the documents that mention it.
func phrase(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '"' || unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	return `"` + s + `"`
}

// typeaheadQuery is the query string of the typeahead lists.
type typeaheadQuery struct {
	Prefix string `form:"prefix"`
	Limit  string `form:"limit"`
}

// readTypeahead reads and checks the query string of a typeahead list.
func readTypeahead(c *gin.Context) (prefix string, limit int, err error) {
	var p typeaheadQuery
	if err := bindQuery(c, &p, []string{"prefix", "limit"}); err != nil {
		return "", 0, err
	}
	if err := text("prefix", p.Prefix, maxNameRunes); err != nil {
		return "", 0, err
	}
	limit, err = intParam("limit", p.Limit, defaultLimit)
	if err != nil {
		return "", 0, err
	}
	if limit < 1 || limit > maxLimit {
		return "", 0, badParam("limit", "limit %d is not between 1 and %d", limit, maxLimit)
	}
	return p.Prefix, limit, nil
}

// matchRank is 0 for a name starting with the prefix, 1 for one containing
// it, -1 for neither.
func matchRank(name, prefix string) int {
	if prefix == "" {
		return 0
	}
	k, p := fold.Key(name), fold.Key(prefix)
	switch {
	case strings.HasPrefix(k, p):
		return 0
	case strings.Contains(k, p):
		return 1
	}
	return -1
}

// matching returns at most limit of the facet values that match prefix:
// those starting with it before those containing it, then by count, most
// first, then by value.
func matching(vals []index.FacetValue, prefix string, limit int) []index.FacetValue {
	type cand struct {
		index.FacetValue
		rank int
	}
	var cands []cand
	for _, v := range vals {
		if r := matchRank(v.Value, prefix); r >= 0 {
			cands = append(cands, cand{v, r})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	out := make([]index.FacetValue, 0, min(limit, len(cands)))
	for _, c := range cands[:min(limit, len(cands))] {
		out = append(out, c.FacetValue)
	}
	return out
}

// countOf sums the counts of the values of a facet that fold to name's key.
func countOf(vals []index.FacetValue, name string) int {
	k, n := fold.Key(name), 0
	for _, v := range vals {
		if fold.Key(v.Value) == k {
			n += v.Count
		}
	}
	return n
}

// RoleCounts counts meetings by the role a person had.
type RoleCounts struct {
	Chair    int `json:"chair"`
	Present  int `json:"present"`
	Observer int `json:"observer"`
	Recorder int `json:"recorder"`
}

var roleFacets = append([]string{"official"}, index.RoleNames...)

func roleCounts(fv map[string][]index.FacetValue, name string) RoleCounts {
	return RoleCounts{
		Chair: countOf(fv["chair"], name), Present: countOf(fv["present"], name),
		Observer: countOf(fv["observer"], name), Recorder: countOf(fv["recorder"], name),
	}
}

// facetMap indexes a result's facets by name.
func facetMap(res *index.Result) map[string][]index.FacetValue {
	out := map[string][]index.FacetValue{}
	for _, f := range res.Facets {
		out[f.Name] = f.Values
	}
	return out
}

// OfficialsResponse is the answer of GET /officials.
type OfficialsResponse struct {
	Officials    []OfficialCount `json:"officials"`
	IndexVersion string          `json:"index_version"`
}

// OfficialCount is an official and the meetings naming them.
type OfficialCount struct {
	Name     string     `json:"name"`
	Meetings int        `json:"meetings"`
	Roles    RoleCounts `json:"roles"`
}

func (s *Server) getOfficials(c *gin.Context) error {
	prefix, limit, err := readTypeahead(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	fv, err := s.facetSearch(ctx, index.LevelMeeting, prefix, roleFacets)
	if err != nil {
		return err
	}
	out := OfficialsResponse{Officials: []OfficialCount{}}
	for _, v := range matching(fv["official"], prefix, limit) {
		out.Officials = append(out.Officials, OfficialCount{Name: v.Value, Meetings: v.Count, Roles: roleCounts(fv, v.Value)})
	}
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

// personQuery is the query string of /officials/{name} and
// /departments/{name}.
type personQuery struct {
	From   string   `form:"from"`
	To     string   `form:"to"`
	Issuer []string `form:"issuer"`
	pageParams
}

func (s *Server) readPerson(c *gin.Context) (name string, f index.Filters, pg page, err error) {
	var p personQuery
	if err = bindQuery(c, &p, []string{"from", "to", "issuer"}, pageNames); err != nil {
		return
	}
	name = strings.TrimSpace(c.Param("name"))
	if name == "" {
		err = badParam("name", "the name is empty")
		return
	}
	if err = text("name", name, maxNameRunes); err != nil {
		return
	}
	if pg, err = p.pageParams.parse(); err != nil {
		return
	}
	if pg.sort == "" {
		pg.sort = "-date"
	}
	f = index.Filters{From: p.From, To: p.To}.With("issuer", p.Issuer...)
	return
}

// MeetingRef is a meeting in a list.
type MeetingRef struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Issuer  string `json:"issuer,omitempty"`
	Date    string `json:"date,omitempty"`
	Session int    `json:"session,omitempty"`
	// Roles are the roles the official had (chair, present, observer,
	// recorder, absent, speaker).
	Roles []string `json:"roles,omitempty"`
}

// OfficialResponse is the answer of GET /officials/{name}.
type OfficialResponse struct {
	Name         string       `json:"name"`
	Total        uint64       `json:"total"`
	Roles        RoleCounts   `json:"roles"`
	Meetings     []MeetingRef `json:"meetings"`
	Page         int          `json:"page"`
	Size         int          `json:"size"`
	NextCursor   string       `json:"next_cursor,omitempty"`
	TookMS       float64      `json:"took_ms"`
	IndexVersion string       `json:"index_version"`
}

func (s *Server) getOfficial(c *gin.Context) error {
	name, f, pg, err := s.readPerson(c)
	if err != nil {
		return err
	}
	f = f.With("official", name)
	ctx := c.Request.Context()
	res, err := s.find(ctx, searchInput{level: index.LevelMeeting, filters: f, facets: roleFacets[1:], page: pg})
	if err != nil {
		return err
	}
	if res.Total == 0 && f.From == "" && f.To == "" && len(f.Values["issuer"]) == 0 {
		return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no meeting names the official " + name, Param: "name"}
	}
	out := OfficialResponse{Name: name, Total: res.Total, Roles: roleCounts(facetMap(res), name), Meetings: []MeetingRef{},
		Page: pg.number(res.Offset), Size: pg.size, NextCursor: res.Next, TookMS: ms(res.Took)}
	for _, h := range res.Hits {
		ref := meetingRef(h)
		rec, err := s.idx.Get(ctx, h.MeetingID)
		if err != nil {
			return err
		}
		ref.Roles = rolesOf(rec, name)
		out.Meetings = append(out.Meetings, ref)
	}
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

func meetingRef(h index.Hit) MeetingRef {
	return MeetingRef{ID: h.MeetingID, Title: h.MeetingTitle, Issuer: h.Issuer, Date: h.Date, Session: h.Session}
}

// roleNames are the API's names of the attendance roles.
var roleNames = func() map[string]string {
	m := map[string]string{
		ingest.RoleAbsent: "absent", ingest.RoleSpeaker: "speaker",
		ingest.RoleNegotiator: "negotiator", ingest.RoleTeller: "teller", ingest.RoleVisitor: "visitor",
	}
	// The roles that have a filter and a facet are named by index.Roles.
	for _, r := range index.Roles {
		m[r.Role] = r.Name
	}
	return m
}()

// rolesOf lists the roles name had in a record.
func rolesOf(rec *ingest.Minutes, name string) []string {
	_, roles, _ := rec.Person(name)
	var out []string
	for _, r := range roles {
		if r = cmp.Or(roleNames[r], r); !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// DepartmentsResponse is the answer of GET /departments.
type DepartmentsResponse struct {
	Departments  []DepartmentCount `json:"departments"`
	IndexVersion string            `json:"index_version"`
}

// DepartmentCount is a department, the meetings giving it work and the
// decisions it was put in charge of.
type DepartmentCount struct {
	Name         string `json:"name"`
	Meetings     int    `json:"meetings"`
	DecisionsLed int    `json:"decisions_led"`
}

func (s *Server) getDepartments(c *gin.Context) error {
	prefix, limit, err := readTypeahead(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	fv, err := s.facetSearch(ctx, index.LevelMeeting, prefix, []string{"department"})
	if err != nil {
		return err
	}
	// Decision text holds no department names: count leads over all.
	led, err := s.idx.Search(ctx, index.Request{Level: index.LevelDecision, Size: 1, Facets: []string{"lead"}})
	if err != nil {
		return err
	}
	out := DepartmentsResponse{Departments: []DepartmentCount{}}
	for _, v := range matching(fv["department"], prefix, limit) {
		out.Departments = append(out.Departments, DepartmentCount{Name: v.Value, Meetings: v.Count, DecisionsLed: countOf(facetOf(led, "lead"), v.Value)})
	}
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

// DepartmentResponse is the answer of GET /departments/{name}.
type DepartmentResponse struct {
	Name         string       `json:"name"`
	Total        uint64       `json:"total"`
	DecisionsLed uint64       `json:"decisions_led"`
	Meetings     []MeetingRef `json:"meetings"`
	Page         int          `json:"page"`
	Size         int          `json:"size"`
	NextCursor   string       `json:"next_cursor,omitempty"`
	TookMS       float64      `json:"took_ms"`
	IndexVersion string       `json:"index_version"`
}

func (s *Server) getDepartment(c *gin.Context) error {
	name, f, pg, err := s.readPerson(c)
	if err != nil {
		return err
	}
	f = f.With("department", name)
	ctx := c.Request.Context()
	res, err := s.find(ctx, searchInput{level: index.LevelMeeting, filters: f, page: pg})
	if err != nil {
		return err
	}
	lf := f.With("department").With("lead", name)
	led, err := s.idx.Search(ctx, index.Request{Level: index.LevelDecision, Filters: lf, Size: 1})
	if err != nil {
		return err
	}
	if res.Total == 0 && led.Total == 0 && f.From == "" && f.To == "" && len(f.Values["issuer"]) == 0 {
		return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no meeting names the department " + name, Param: "name"}
	}
	out := DepartmentResponse{Name: name, Total: res.Total, DecisionsLed: led.Total, Meetings: []MeetingRef{},
		Page: pg.number(res.Offset), Size: pg.size, NextCursor: res.Next, TookMS: ms(res.Took)}
	for _, h := range res.Hits {
		out.Meetings = append(out.Meetings, meetingRef(h))
	}
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

// TopicsResponse is the answer of GET /topics.
type TopicsResponse struct {
	Level string `json:"level"`
	// Total is the number of meetings (or items) in the index.
	Total        uint64       `json:"total"`
	Topics       []FacetValue `json:"topics"`
	IndexVersion string       `json:"index_version"`
}

func (s *Server) getTopics(c *gin.Context) error {
	var p struct {
		Level string `form:"level"`
	}
	if err := bindQuery(c, &p, []string{"level"}); err != nil {
		return err
	}
	switch p.Level {
	case "":
		p.Level = index.LevelMeeting
	case index.LevelMeeting, index.LevelItem:
	default:
		return badParam("level", "level %q is not meeting or item", p.Level)
	}
	ctx := c.Request.Context()
	res, err := s.idx.Search(ctx, index.Request{Level: p.Level, Size: 1, Facets: []string{"topic"}})
	if err != nil {
		return err
	}
	out := TopicsResponse{Level: p.Level, Total: res.Total, Topics: []FacetValue{}}
	for _, v := range facetOf(res, "topic") {
		out.Topics = append(out.Topics, FacetValue{Value: v.Value, Count: v.Count})
	}
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

// SuggestResponse is the answer of GET /suggest.
type SuggestResponse struct {
	Suggestions  []Suggestion `json:"suggestions"`
	IndexVersion string       `json:"index_version"`
}

// Suggestion is one typeahead entry.
type Suggestion struct {
	// Type is plan, official, department or issuer.
	Type  string `json:"type"`
	Value string `json:"value"`
	// Count is the number of meetings (decisions for a plan).
	Count int `json:"count"`
}

// suggestPlans bounds the decisions read for plan titles.
const suggestPlans = 100

func (s *Server) getSuggest(c *gin.Context) error {
	var p struct {
		Q     string `form:"q"`
		Limit string `form:"limit"`
	}
	if err := bindQuery(c, &p, []string{"q", "limit"}); err != nil {
		return err
	}
	if strings.TrimSpace(p.Q) == "" {
		return badParam("q", "q is required: the text typed so far")
	}
	if err := text("q", p.Q, maxSuggestRune); err != nil {
		return err
	}
	limit, err := intParam("limit", p.Limit, 10)
	if err != nil {
		return err
	}
	if limit < 1 || limit > maxLimit {
		return badParam("limit", "limit %d is not between 1 and %d", limit, maxLimit)
	}
	ctx := c.Request.Context()
	q := phrase(p.Q)
	fv := map[string][]index.FacetValue{}
	for _, typ := range []string{"official", "department", "issuer"} {
		vals, err := s.termsTyped(ctx, typ, p.Q, limit)
		if err != nil {
			return err
		}
		fv[typ] = vals
	}
	decs, err := s.idx.Search(ctx, index.Request{Query: q, Level: index.LevelDecision, Size: suggestPlans})
	if err != nil {
		return err
	}
	type cand struct {
		Suggestion
		rank int
	}
	var cands []cand
	for _, typ := range []string{"official", "department", "issuer"} {
		for _, v := range fv[typ] {
			if r := matchRank(v.Value, p.Q); r >= 0 {
				cands = append(cands, cand{Suggestion{typ, v.Value, v.Count}, r})
			}
		}
	}
	plans := map[string]int{} // key → index in cands
	for _, h := range decs.Hits {
		if h.Decision == nil || h.Decision.Object == "" {
			continue
		}
		r := matchRank(h.Decision.Object, p.Q)
		if r < 0 {
			continue
		}
		k := plan.Key(h.Decision.Object)
		if i, ok := plans[k]; ok {
			cands[i].Count++
			continue
		}
		plans[k] = len(cands)
		cands = append(cands, cand{Suggestion{"plan", h.Decision.Object, 1}, r})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	out := SuggestResponse{Suggestions: []Suggestion{}}
	for _, c := range cands[:min(limit, len(cands))] {
		out.Suggestions = append(out.Suggestions, c.Suggestion)
	}
	if out.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}

// facetSearch counts facets of documents of a level for a typeahead. The
// counts are over every document while each facet has at most the index's
// facet size of values; beyond that, values are also looked for among the
// documents whose text mentions the prefix, which is where names typed into
// a typeahead are found.
// termsTyped lists the values of a facet that start with what was typed,
// from the index's term dictionary (a cost that does not grow with the
// index); a department also matches after its level prefix (工信 finds
// 市工信局).
func (s *Server) termsTyped(ctx context.Context, facet, typed string, limit int) ([]index.FacetValue, error) {
	prefixes := []string{typed}
	if facet == "department" {
		for _, l := range []string{"市", "省", "区", "县"} {
			if !strings.HasPrefix(typed, l) {
				prefixes = append(prefixes, l+typed)
			}
		}
	}
	var out []index.FacetValue
	seen := map[string]bool{}
	for _, p := range prefixes {
		vals, err := s.idx.Terms(ctx, facet, p, limit)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if !seen[v.Value] {
				seen[v.Value] = true
				out = append(out, v)
			}
		}
	}
	return out, nil
}

func (s *Server) facetSearch(ctx context.Context, level, prefix string, names []string) (map[string][]index.FacetValue, error) {
	res, err := s.idx.Search(ctx, index.Request{Level: level, Size: 1, Facets: names})
	if err != nil {
		return nil, err
	}
	out := map[string][]index.FacetValue{}
	truncated := false
	for _, f := range res.Facets {
		out[f.Name] = f.Values
		truncated = truncated || f.Other > 0
	}
	if !truncated || phrase(prefix) == "" {
		return out, nil
	}
	narrow, err := s.idx.Search(ctx, index.Request{Query: phrase(prefix), Level: level, Size: 1, Facets: names})
	if err != nil {
		return nil, err
	}
	for _, f := range narrow.Facets {
		have := map[string]bool{}
		for _, v := range out[f.Name] {
			have[v.Value] = true
		}
		for _, v := range f.Values {
			if !have[v.Value] {
				out[f.Name] = append(out[f.Name], v)
			}
		}
	}
	return out, nil
}
