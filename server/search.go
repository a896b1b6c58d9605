package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
)

// searchQuery is GET /search's query string.
type searchQuery struct {
	Q string `form:"q"`
	filterParams
	Level     string   `form:"level"`
	Facets    []string `form:"facets"`
	FacetSize string   `form:"facet_size"`
	Highlight string   `form:"highlight"`
	pageParams
}

var searchNames = []string{"q", "level", "facets", "facet_size", "highlight"}

// DefaultFacetSize is the values a facet lists unless facet_size says
// otherwise (at most index.MaxFacetSize); other counts the rest. The web
// pages and the CLI read the index, or ask for the size they show, and do
// not depend on it.
const DefaultFacetSize = 20

// SearchBody is the JSON body of POST /search.
type SearchBody struct {
	Q         string      `json:"q"`
	Level     string      `json:"level,omitempty"`
	Filters   FiltersBody `json:"filters"`
	Facets    []string    `json:"facets,omitempty"`
	FacetSize int         `json:"facet_size,omitempty"`
	Sort      string      `json:"sort,omitempty"`
	Page      int         `json:"page,omitempty"`
	Size      int         `json:"size,omitempty"`
	Cursor    string      `json:"cursor,omitempty"`
	Highlight bool        `json:"highlight,omitempty"`
}

// FiltersBody are the filters of POST /search: the dates, the role, and
// the values of each filter of index.FilterNames, named as in the query
// string ({"from": "2020", "issuer": ["…"]}). It is read and written as
// filtersJSON, which the OpenAPI document describes.
type FiltersBody struct {
	From, To, Role string
	Values         map[string][]string
}

// filtersJSON is the struct FiltersBody is read and written as: one field
// a filter, each omitted when empty, the role after the filter it
// restricts.
var filtersJSON = func() reflect.Type {
	str, list := reflect.TypeFor[string](), reflect.TypeFor[[]string]()
	field := func(name string, t reflect.Type) reflect.StructField {
		return reflect.StructField{Name: strings.ToUpper(name[:1]) + name[1:], Type: t, Tag: reflect.StructTag(`json:"` + name + `,omitempty"`)}
	}
	fields := []reflect.StructField{field("from", str), field("to", str)}
	for _, f := range index.FacetDefs {
		if f.Filter {
			fields = append(fields, field(f.Name, list))
			if f.Roles {
				fields = append(fields, field("role", str))
			}
		}
	}
	return reflect.StructOf(fields)
}()

// jsonType is the type b is read and written as (see schemaGen).
func (FiltersBody) jsonType() reflect.Type { return filtersJSON }

func (b FiltersBody) MarshalJSON() ([]byte, error) {
	v := reflect.New(filtersJSON).Elem()
	v.FieldByName("From").SetString(b.From)
	v.FieldByName("To").SetString(b.To)
	v.FieldByName("Role").SetString(b.Role)
	for i := range filtersJSON.NumField() {
		name, _, _ := strings.Cut(filtersJSON.Field(i).Tag.Get("json"), ",")
		if vals, ok := b.Values[name]; ok {
			v.Field(i).Set(reflect.ValueOf(vals))
		}
	}
	return json.Marshal(v.Interface())
}

// UnmarshalJSON reads the filters as encoding/json reads a struct of
// their fields, with no unknown field: its errors name the field as
// bindJSON reports them (filters.issuer must be a JSON slice).
func (b *FiltersBody) UnmarshalJSON(data []byte) error {
	v := reflect.New(filtersJSON)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v.Interface()); err != nil {
		return err
	}
	v = v.Elem()
	*b = FiltersBody{From: v.FieldByName("From").String(), To: v.FieldByName("To").String(), Role: v.FieldByName("Role").String()}
	for i := range filtersJSON.NumField() {
		if vals, ok := v.Field(i).Interface().([]string); ok && vals != nil {
			if b.Values == nil {
				b.Values = map[string][]string{}
			}
			name, _, _ := strings.Cut(filtersJSON.Field(i).Tag.Get("json"), ",")
			b.Values[name] = vals
		}
	}
	return nil
}

// SearchResponse is the answer of /search.
type SearchResponse struct {
	Hits  []Hit  `json:"hits"`
	Total uint64 `json:"total"`
	// Mode is the matching mode that found the hits: exact, all or any;
	// browse when the query had nothing to search for.
	Mode string `json:"mode"`
	// Fallback, when the query's structure did not parse (an open quote,
	// OR without a side), says so: its words were searched instead.
	Fallback string  `json:"fallback,omitempty"`
	Facets   []Facet `json:"facets"`
	Page     int     `json:"page"`
	Size     int     `json:"size"`
	// NextCursor continues after this page; empty on the last.
	NextCursor   string  `json:"next_cursor,omitempty"`
	TookMS       float64 `json:"took_ms"`
	IndexVersion string  `json:"index_version"`
	// DidYouMean, when nothing matched, lists values of the filters'
	// facets close to those asked for (type is the filter's name).
	DidYouMean []Suggestion `json:"did_you_mean,omitempty"`
}

// Hit is one search hit.
type Hit struct {
	ID           string    `json:"id"`
	Level        string    `json:"level"`
	MeetingID    string    `json:"meeting_id"`
	ItemNo       int       `json:"item_no,omitempty"`
	Title        string    `json:"title"`
	MeetingTitle string    `json:"meeting_title"`
	Issuer       string    `json:"issuer,omitempty"`
	Date         string    `json:"date,omitempty"`
	Session      int       `json:"session,omitempty"`
	DocNumber    string    `json:"doc_number,omitempty"`
	Source       string    `json:"source,omitempty"`
	Score        float64   `json:"score"`
	TitleHTML    string    `json:"title_html,omitempty"`
	Snippets     []string  `json:"snippets,omitempty"`
	Decision     *Decision `json:"decision,omitempty"`
	// Matched names the query's names that are people of the meeting,
	// with their roles (official 王金平 (主持)), when highlighted.
	Matched []string `json:"matched,omitempty"`
}

// Decision is the decision of a decision hit.
type Decision struct {
	Verb   string `json:"verb"`
	Object string `json:"object"`
	Lead   string `json:"lead,omitempty"`
}

// Facet is the counts of one facet, values in order.
type Facet struct {
	Name   string       `json:"name"`
	Values []FacetValue `json:"values"`
	// Other counts hits with values beyond those listed.
	Other int `json:"other,omitempty"`
}

// FacetValue is one value of a facet and its count.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// searchInput is a search request from either form, before validation.
type searchInput struct {
	q         string
	level     string
	filters   index.Filters
	facets    []string
	facetSize int
	page      page
	highlight bool
}

func (s *Server) readSearchQuery(c *gin.Context) (searchInput, error) {
	var p searchQuery
	if err := bindQuery(c, &p, searchNames, filterNames, pageNames); err != nil {
		return searchInput{}, err
	}
	pg, err := p.pageParams.parse()
	if err != nil {
		return searchInput{}, err
	}
	hl, err := boolParam("highlight", p.Highlight)
	if err != nil {
		return searchInput{}, err
	}
	fs, err := intParam("facet_size", p.FacetSize, 0)
	if err != nil {
		return searchInput{}, err
	}
	if p.FacetSize != "" && fs < 1 {
		return searchInput{}, badParam("facet_size", "facet_size %d is not between 1 and %d", fs, index.MaxFacetSize)
	}
	return searchInput{q: p.Q, level: p.Level, filters: p.filters(), facets: splitList(p.Facets), facetSize: fs, page: pg, highlight: hl}, nil
}

// find validates in and runs it on the index.
func (s *Server) find(ctx context.Context, in searchInput) (*index.Result, error) {
	req, err := in.request()
	if err != nil {
		return nil, err
	}
	return s.idx.Search(ctx, req)
}

// request validates in and builds the index request.
func (in searchInput) request() (index.Request, error) {
	if err := text("q", in.q, maxQueryRunes); err != nil {
		return index.Request{}, err
	}
	if err := checkFilters(in.filters); err != nil {
		return index.Request{}, err
	}
	if err := in.page.check(); err != nil {
		return index.Request{}, err
	}
	fs := in.facetSize
	switch {
	case fs == 0:
		fs = DefaultFacetSize
	case fs < 1 || fs > index.MaxFacetSize:
		return index.Request{}, badParam("facet_size", "facet_size %d is not between 1 and %d", fs, index.MaxFacetSize)
	}
	return index.Request{
		Query:     in.q,
		Level:     in.level,
		Filters:   in.filters,
		Facets:    in.facets,
		FacetSize: fs,
		Sort:      in.page.sort,
		Size:      in.page.size,
		From:      (in.page.page - 1) * in.page.size,
		After:     in.page.cursor,
		Highlight: in.highlight,
	}, nil
}

func (s *Server) getSearch(c *gin.Context) error {
	in, err := s.readSearchQuery(c)
	if err != nil {
		return err
	}
	return s.search(c, in)
}

func (s *Server) postSearch(c *gin.Context) error {
	var b SearchBody
	if err := bindJSON(c, &b); err != nil {
		return err
	}
	f := b.Filters
	in := searchInput{
		q: b.Q, level: b.Level, facets: b.Facets, facetSize: b.FacetSize, highlight: b.Highlight,
		filters: index.Filters{From: f.From, To: f.To, Role: f.Role, Values: f.Values},
		page:    page{sort: b.Sort, page: b.Page, size: b.Size, cursor: b.Cursor},
	}
	return s.search(c, in)
}

func (s *Server) search(c *gin.Context, in searchInput) error {
	if err := in.page.check(); err != nil {
		return err
	}
	ctx := c.Request.Context()
	res, err := s.find(ctx, in)
	if err != nil {
		return err
	}
	v, err := s.idx.Version(ctx)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, SearchResponse{
		Hits:         hits(res.Hits),
		Total:        res.Total,
		Mode:         res.Mode,
		Fallback:     res.Fallback,
		Facets:       facets(res.Facets),
		Page:         in.page.number(res.Offset),
		Size:         in.page.size,
		NextCursor:   res.Next,
		DidYouMean:   didYouMean(res.DidYouMean),
		TookMS:       ms(res.Took),
		IndexVersion: v,
	})
	return nil
}

func hits(hs []index.Hit) []Hit {
	out := make([]Hit, 0, len(hs))
	for _, h := range hs {
		out = append(out, hit(h))
	}
	return out
}

func hit(h index.Hit) Hit {
	out := Hit{
		ID: h.ID, Level: h.Level, MeetingID: h.MeetingID, ItemNo: h.ItemNo, Title: h.Title,
		MeetingTitle: h.MeetingTitle, Issuer: h.Issuer, Date: h.Date, Session: h.Session,
		DocNumber: h.DocNumber, Source: publicSource(h.Source), Score: h.Score, TitleHTML: h.TitleHTML, Snippets: h.Snippets,
		Matched: h.Matched,
	}
	if d := h.Decision; d != nil {
		out.Decision = &Decision{Verb: d.Verb, Object: d.Object, Lead: d.Lead}
	}
	return out
}

func facets(fs []index.Facet) []Facet {
	out := make([]Facet, 0, len(fs))
	for _, f := range fs {
		vs := make([]FacetValue, 0, len(f.Values))
		for _, v := range f.Values {
			vs = append(vs, FacetValue{Value: v.Value, Count: v.Count})
		}
		out = append(out, Facet{Name: f.Name, Values: vs, Other: f.Other})
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// facetOf returns the named facet of a result.
func facetOf(res *index.Result, name string) []index.FacetValue {
	for _, f := range res.Facets {
		if f.Name == name {
			return f.Values
		}
	}
	return nil
}

// publicSource is a record's source as the public sees it: records cite
// their files relative to the folder ingested (real/a.txt), but one
// ingested by an absolute path before that, or fed with one, shows only
// its file's name, never where the server keeps it.
func publicSource(src string) string {
	if strings.HasPrefix(src, "/") || strings.HasPrefix(src, `\`) || len(src) > 2 && src[1] == ':' && (src[2] == '\\' || src[2] == '/') {
		return fileName(src)
	}
	return src
}

func didYouMean(in []index.Suggestion) []Suggestion {
	var out []Suggestion
	for _, s := range in {
		out = append(out, Suggestion{Type: s.Param, Value: s.Value, Count: s.Count})
	}
	return out
}
