package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
)

// route is one endpoint: where it is, its handler, and its description for
// the OpenAPI document (which a test checks against the routes and the
// answers).
type route struct {
	method, path string // path in gin syntax: /api/v1/meetings/:id
	h            handlerFunc
	doc          opDoc
}

// opDoc describes an operation.
type opDoc struct {
	id, summary, tag string
	params           []paramDoc
	// body is the JSON request body's Go type (a zero value), or a content
	// type string for a file body.
	body any
	// resp is the 200 JSON answer's Go type (a zero value); contentType is
	// the type of a non-JSON answer.
	resp        any
	contentType string
	auth        bool
	errors      []int
}

// paramDoc describes a query or path parameter.
type paramDoc struct {
	name, in, typ, desc string
	list                bool
	enum                []string
}

func q(name, typ, desc string) paramDoc {
	return paramDoc{name: name, in: "query", typ: typ, desc: desc}
}
func qList(name, desc string) paramDoc {
	return paramDoc{name: name, in: "query", typ: "string", desc: desc, list: true}
}
func qEnum(name, desc string, vals ...string) paramDoc {
	return paramDoc{name: name, in: "query", typ: "string", desc: desc, enum: vals}
}
func pathParam(name, desc string) paramDoc {
	return paramDoc{name: name, in: "path", typ: "string", desc: desc}
}

var (
	qParam        = q("q", "string", "query in the query language (terms, \"phrases\", -exclude, OR, field:value); at most 500 characters")
	dateParamDocs = []paramDoc{
		q("from", "string", "meetings on or after this date: YYYY, YYYY-MM or YYYY-MM-DD"),
		q("to", "string", "meetings on or before this date: YYYY, YYYY-MM or YYYY-MM-DD"),
	}
	filterParamDocs = filterDocs()
	// personParamDocs are the filters of an official's or a department's
	// meetings (personQuery).
	personParamDocs = join(dateParamDocs, []paramDoc{filterDoc("issuer")})
	pageParamDocs   = []paramDoc{
		qEnum("sort", "order of hits (default relevance; date is oldest first)", "relevance", "date", "-date"),
		q("page", "integer", "page number from 1 (page × size at most 10000; use the cursor beyond)"),
		q("size", "integer", "hits per page, 1 to 100 (default 10)"),
		q("cursor", "string", "next_cursor of the previous page, to continue"),
	}
	searchParamDocs = join([]paramDoc{qParam,
		qEnum("level", "what a hit is: a meeting (default), an agenda item or a decision", "meeting", "item", "decision"),
		qList("facets", "facets to count, comma-separated: "+strings.Join(index.FacetNames, ", ")),
		q("facet_size", "integer", "values listed per facet, 1 to 1000 (default 20); other counts the rest"),
		q("highlight", "boolean", "add title_html and snippets with <mark> around matches"),
	}, filterParamDocs, pageParamDocs)
	idParam     = pathParam("id", "meeting id: 16 hex digits (and -N for a record of a multi-record file)")
	prefixParam = q("prefix", "string", "typeahead: names starting with (or, failing that, containing) this text")
	limitParam  = q("limit", "integer", "at most this many entries, 1 to 100 (default 20)")
	errsRead    = []int{400, 429, 503}
)

// filterDocs are the filter parameters: the dates, and a list of values
// for each filter of index.FacetDefs, role after the official it
// restricts.
func filterDocs() []paramDoc {
	out := slices.Clone(dateParamDocs)
	for _, f := range index.FacetDefs {
		if !f.Filter {
			continue
		}
		out = append(out, filterDoc(f.Name))
		if f.Roles {
			out = append(out, qEnum("role", "restricts official to one role", index.RoleNames...))
		}
	}
	return out
}

// filterDoc is the parameter of one filter.
func filterDoc(name string) paramDoc {
	f, _ := index.FacetDefOf(name)
	return qList(f.Name, f.Doc)
}

func join(lists ...[]paramDoc) []paramDoc {
	var out []paramDoc
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// routeTable lists every endpoint.
func (s *Server) routeTable() []route {
	api := func(p string) string { return APIPrefix + p }
	return []route{
		{http.MethodGet, api("/search"), s.getSearch, opDoc{id: "search", tag: "search",
			summary: "Search meetings, agenda items or decisions",
			params:  searchParamDocs, resp: SearchResponse{}, errors: errsRead}},
		{http.MethodPost, api("/search"), s.postSearch, opDoc{id: "searchPost", tag: "search",
			summary: "Search with a JSON body (the same parameters; filters in an object): one JSON object, sent with Content-Type: application/json",
			body:    SearchBody{}, resp: SearchResponse{}, errors: []int{400, 413, 415, 429, 503}}},
		{http.MethodGet, api("/meetings/:id"), s.getMeeting, opDoc{id: "getMeeting", tag: "meetings",
			summary: "The full record of a meeting: items, decisions, attendees with roles, departments, topics, text (a text longer than 2 MiB in parts: text_truncated, text_window, text_next)",
			params:  []paramDoc{idParam, q("text_from", "integer", "byte offset in the meeting's text of the part to answer with, for a text longer than an answer carries (the text_next of the previous part); default 0")},
			resp:    MeetingResponse{}, errors: []int{400, 404, 429, 503}}},
		{http.MethodGet, api("/meetings/:id/source"), s.getSource, opDoc{id: "getMeetingSource", tag: "meetings",
			summary: "The original file the meeting was extracted from, with its content type",
			params:  []paramDoc{idParam}, contentType: "application/octet-stream", errors: []int{400, 404, 429, 503}}},
		{http.MethodDelete, api("/meetings/:id"), s.deleteMeeting, opDoc{id: "deleteMeeting", tag: "write",
			summary: "Remove a meeting and its items and decisions (bearer token)",
			params:  []paramDoc{idParam}, resp: DeleteResponse{}, auth: true, errors: []int{400, 401, 403, 404, 429, 503}}},
		{http.MethodPost, api("/documents"), s.postDocuments, opDoc{id: "uploadDocuments", tag: "write",
			summary: "Upload minutes files (multipart, any number of file parts, or one raw body named by ?name=) to be extracted and indexed (bearer token)",
			params:  []paramDoc{q("name", "string", "file name of a raw body upload, reported with its outcome; the decoder is chosen by the content (the extension breaks ties such as .md against .txt)")},
			body:    "multipart/form-data", resp: UploadResponse{}, auth: true, errors: []int{400, 401, 403, 413, 415, 429, 503}}},
		{http.MethodGet, api("/decisions"), s.getDecisions, opDoc{id: "decisions", tag: "decisions",
			summary: "Which meeting approved X: decisions matching q and filters; with plan=, the history of one plan title across meetings",
			params: join([]paramDoc{qParam, q("plan", "string", "a plan title, or part of one: answer its history across meetings instead (titles matched after normalising brackets, 草案/送审稿 suffixes and script; plan.plans lists the plans when a part fits several)")},
				filterParamDocs, pageParamDocs),
			resp: DecisionsResponse{}, errors: errsRead}},
		{http.MethodGet, api("/officials"), s.getOfficials, opDoc{id: "officials", tag: "people",
			summary: "Officials named in the minutes, by prefix, with counts of meetings by role",
			params:  []paramDoc{prefixParam, limitParam}, resp: OfficialsResponse{}, errors: errsRead}},
		{http.MethodGet, api("/officials/:name"), s.getOfficial, opDoc{id: "official", tag: "people",
			summary: "The meetings one person chaired, attended, observed or recorded, by date",
			params:  join([]paramDoc{pathParam("name", "the official's name")}, personParamDocs, pageParamDocs),
			resp:    OfficialResponse{}, errors: []int{400, 404, 429, 503}}},
		{http.MethodGet, api("/departments"), s.getDepartments, opDoc{id: "departments", tag: "people",
			summary: "Departments given work in the minutes, by prefix, with counts",
			params:  []paramDoc{prefixParam, limitParam}, resp: DepartmentsResponse{}, errors: errsRead}},
		{http.MethodGet, api("/departments/:name"), s.getDepartment, opDoc{id: "department", tag: "people",
			summary: "The meetings that gave one department work, by date, and the decisions it leads",
			params:  join([]paramDoc{pathParam("name", "the department's name")}, personParamDocs, pageParamDocs),
			resp:    DepartmentResponse{}, errors: []int{400, 404, 429, 503}}},
		{http.MethodGet, api("/topics"), s.getTopics, opDoc{id: "topics", tag: "people",
			summary: "The topic classes present in the index, with counts of meetings (or items)",
			params:  []paramDoc{qEnum("level", "count meetings (default) or items", "meeting", "item")},
			resp:    TopicsResponse{}, errors: errsRead}},
		{http.MethodGet, api("/suggest"), s.getSuggest, opDoc{id: "suggest", tag: "search",
			summary: "Typeahead across plan titles, officials, departments and issuers",
			params:  []paramDoc{q("q", "string", "the text typed so far (1 to 50 characters)"), limitParam},
			resp:    SuggestResponse{}, errors: errsRead}},
		{http.MethodGet, api("/export"), s.getExport, opDoc{id: "export", tag: "search",
			summary: "Every hit of a search, streamed as CSV or JSON Lines; each row has the hit's stable id and the index version",
			params: join([]paramDoc{qEnum("format", "csv (default) or jsonl", "csv", "jsonl")},
				searchParamDocs[:2], filterParamDocs, pageParamDocs[:1]),
			contentType: "text/csv", errors: errsRead}},
		{http.MethodGet, api("/feeds/search.atom"), s.getFeed, opDoc{id: "feed", tag: "search",
			summary:     "An Atom feed of the newest meetings matching a query, for alerts",
			params:      join([]paramDoc{qParam}, filterParamDocs),
			contentType: "application/atom+xml", errors: errsRead}},
		{http.MethodGet, api("/stats"), s.getStats, opDoc{id: "stats", tag: "meta",
			summary: "What the index holds: meetings, items, decisions, size and the dates they span", resp: StatsResponse{}, errors: errsRead}},
		{http.MethodGet, api("/openapi.json"), s.getOpenAPI, opDoc{id: "openapi", tag: "meta",
			summary: "This API's OpenAPI 3 description", contentType: "application/json"}},
		{http.MethodGet, api("/healthz"), s.getHealth, opDoc{id: "healthzAPI", tag: "meta",
			summary: "Liveness (same as /healthz)", resp: HealthResponse{}}},
		{http.MethodGet, api("/readyz"), s.getReady, opDoc{id: "readyzAPI", tag: "meta",
			summary: "Readiness (same as /readyz)", resp: HealthResponse{}, errors: []int{503}}},
		{http.MethodGet, "/healthz", s.getHealth, opDoc{id: "healthz", tag: "meta",
			summary: "Liveness: the process answers", resp: HealthResponse{}}},
		{http.MethodGet, "/readyz", s.getReady, opDoc{id: "readyz", tag: "meta",
			summary: "Readiness: the index is open and the server is not draining", resp: HealthResponse{}, errors: []int{503}}},
		{http.MethodGet, "/metrics", s.getMetrics, opDoc{id: "metrics", tag: "meta",
			summary:     "Prometheus metrics in the text format: requests and latency by route, index documents and size",
			contentType: "text/plain"}},
	}
}

// HealthResponse is the answer of the probes.
type HealthResponse struct {
	Status string `json:"status"`
	// Meetings is the number of meetings in the index (readyz).
	Meetings *uint64 `json:"meetings,omitempty"`
	// IndexVersion is the version of the index contents (readyz).
	IndexVersion string `json:"index_version,omitempty"`
}

// StatsResponse is the answer of GET /stats: what `jiyao stats` prints,
// the index's statistics and its version.
type StatsResponse struct {
	index.Stats
	IndexVersion string `json:"index_version"`
}

func (s *Server) getStats(c *gin.Context) error {
	if err := checkParams(c); err != nil {
		return err
	}
	ctx := c.Request.Context()
	st, err := s.idx.Stats(ctx)
	if err != nil {
		return err
	}
	v, err := s.idx.Version(ctx)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, StatsResponse{Stats: st, IndexVersion: v})
	return nil
}

func (s *Server) getHealth(c *gin.Context) error {
	writeJSON(c, http.StatusOK, HealthResponse{Status: "ok"})
	return nil
}

func (s *Server) getReady(c *gin.Context) error {
	if !s.ready.Load() {
		return errNotReady
	}
	ctx := c.Request.Context()
	st, err := s.idx.Stats(ctx)
	if err != nil {
		return errNotReady
	}
	v, err := s.idx.Version(ctx)
	if err != nil {
		return errNotReady
	}
	writeJSON(c, http.StatusOK, HealthResponse{Status: "ready", Meetings: &st.Meetings, IndexVersion: v})
	return nil
}
