package index

import (
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/jiyao-search/jiyao/ingest"
	ql "github.com/jiyao-search/jiyao/query"
)

// Request is a search.
type Request struct {
	// Query is in the query language (see Parse); empty matches all.
	Query string
	// Level is meeting (default), item or decision. A level: term in the
	// query overrides it.
	Level   string
	Filters Filters
	// Facets names the facets to count (see FacetNames); nil counts none.
	Facets []string
	// FacetSize is the values each facet lists, by count; 0 lists up to
	// MaxFacetSize. Other counts the rest.
	FacetSize int
	// Sort is relevance (default), date (oldest first) or -date.
	Sort string
	// Size is the page size, default 10, at most MaxSize.
	Size int
	// From skips hits (offset paging, at most MaxFrom); After continues
	// from a cursor returned as Result.Next instead.
	From  int
	After string
	// Highlight asks for snippets with <mark> around matches.
	Highlight bool
}

// Filters restrict hits. Several values of one filter match any of them;
// different filters must all match. Values are folded like text, so
// 高雄市议会 finds 高雄市議會.
type Filters struct {
	// From and To bound the meeting date, inclusive: YYYY, YYYY-MM or
	// YYYY-MM-DD.
	From, To string
	// Values are the values of each filter by the name of its facet
	// (FilterNames): Values["issuer"] restricts the issuer.
	Values map[string][]string
	// Role restricts the official filter to one role: chair (主持),
	// present (出席), observer (列席) or recorder (记录).
	Role string
}

// With returns f with the values of one filter set to vals (none
// removes it), f's own values left as they are.
func (f Filters) With(name string, vals ...string) Filters {
	f.Values = maps.Clone(f.Values)
	if f.Values == nil {
		f.Values = map[string][]string{}
	}
	if len(vals) == 0 {
		delete(f.Values, name)
	} else {
		f.Values[name] = vals
	}
	return f
}

// Limits of a request.
const (
	DefaultSize = 10
	MaxSize     = 100
	MaxFrom     = 10000
	// facetSize bounds the values returned per facet; counts are exact.
	facetSize = 1000
	// MaxFacetSize is the most values a facet lists.
	MaxFacetSize = facetSize
)

// Modes of matching, from strict to loose; Search uses the first that
// finds anything.
const (
	// ModeExact matches every term, a CJK run as a phrase.
	ModeExact = "exact"
	// ModeAll matches every bigram of every term, in any order.
	ModeAll = "all"
	// ModeAny matches any two bigrams of the query's terms at least
	// (one alone is noise).
	ModeAny = "any"
	// ModeBrowse matches every document the filters allow: the query has
	// nothing to search for (empty, punctuation, *). Newest first unless a
	// sort is asked for.
	ModeBrowse = "browse"
)

// Result is a page of hits.
type Result struct {
	Total uint64 `json:"total"`
	// Mode is the matching mode that produced the hits.
	Mode string `json:"mode"`
	// Fallback, when the query's structure did not parse, says so: its
	// words were searched instead (Parse).
	Fallback string  `json:"fallback,omitempty"`
	Hits     []Hit   `json:"hits"`
	Facets   []Facet `json:"facets,omitempty"`
	// Next is the cursor of the following page, empty on the last.
	Next string `json:"next,omitempty"`
	// Offset is the number of hits before this page: the request's From,
	// or those the cursor's earlier pages held.
	Offset int           `json:"offset"`
	Took   time.Duration `json:"took"`
	// DidYouMean, when nothing matched, lists values close to those the
	// filters asked for that the index holds.
	DidYouMean []Suggestion `json:"did_you_mean,omitempty"`
}

// Suggestion is a value of a filter's facet close to one a request gave.
type Suggestion struct {
	// Param is the filter (a facet whose FacetDef says Suggest).
	Param string `json:"param"`
	Value string `json:"value"`
	Count int    `json:"count"`
}

// suggestions bounds the values didYouMean lists per filter value.
const suggestions = 5

// didYouMean lists, for each filter value, values of its facet that start
// as it does (its first two characters folded, past a level: 市工信 for
// 市工信局 looks at 工信): what a request that found nothing may have
// meant. An unknown value is no error; it finds nothing and says this.
func (idx *Index) didYouMean(ctx context.Context, f Filters) ([]Suggestion, error) {
	var out []Suggestion
	for _, fd := range FacetDefs {
		if !fd.Suggest {
			continue
		}
		for _, v := range f.Values[fd.Name] {
			rs := []rune(key(v))
			if len(rs) > 2 && strings.ContainsRune("省市区县", rs[0]) {
				rs = rs[1:]
			}
			if len(rs) == 0 {
				continue
			}
			vals, err := idx.Terms(ctx, fd.Name, string(rs[:min(2, len(rs))]), suggestions)
			if err != nil {
				return nil, err
			}
			for _, fv := range vals {
				out = append(out, Suggestion{Param: fd.Name, Value: fv.Value, Count: fv.Count})
			}
		}
	}
	return out, nil
}

// Hit is one matching document with what is needed to show it.
type Hit struct {
	ID        string `json:"id"`
	Level     string `json:"level"`
	MeetingID string `json:"meeting_id"`
	// ItemNo is the agenda item number of item and decision hits.
	ItemNo int    `json:"item_no,omitempty"`
	Source string `json:"source"`
	// Title is the meeting title of a meeting hit, the item title of an
	// item or decision hit; MeetingTitle is always the meeting's.
	Title        string  `json:"title"`
	MeetingTitle string  `json:"meeting_title"`
	Issuer       string  `json:"issuer,omitempty"`
	Date         string  `json:"date,omitempty"`
	Session      int     `json:"session,omitempty"`
	DocNumber    string  `json:"doc_number,omitempty"`
	Score        float64 `json:"score"`
	// TitleHTML is Title, HTML-escaped, with matches in <mark> (when
	// highlighting).
	TitleHTML string `json:"title_html,omitempty"`
	// Snippets are HTML-escaped extracts of the text, about 100
	// characters, with matches in <mark>.
	Snippets []string `json:"snippets,omitempty"`
	// Decision is set on decision hits.
	Decision *ingest.Decision `json:"decision,omitempty"`
	// Matched says which of the query's names are people of the meeting
	// (official 王金平 (主持)), when the hit is highlighted: the text may
	// write them otherwise (王院長金平).
	Matched []string `json:"matched,omitempty"`
}

// Facet is the value counts of one facet over all hits.
type Facet struct {
	Name   string       `json:"name"`
	Values []FacetValue `json:"values"`
	// Other counts values beyond those listed.
	Other int `json:"other,omitempty"`
}

// FacetValue is one value of a facet and the number of hits having it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// cursor is what Result.Next encodes.
type cursor struct {
	Mode  string   `json:"m"`
	Sort  string   `json:"s"`
	Query string   `json:"q"`
	Seen  int      `json:"n"`
	After [][]byte `json:"a"`
}

// ErrBadQuery is wrapped by every error about a request the caller got
// wrong: a query that does not parse, a bad filter value, a bad cursor.
var ErrBadQuery = errors.New("bad query")

// QueryError says what was wrong with which parameter of a request.
type QueryError struct {
	// Param is the request parameter at fault: "q", "from", "to",
	// "level", "sort", "after", "size", "issuer" …
	Param string
	Msg   string
}

func (e *QueryError) Error() string { return e.Param + ": " + e.Msg }
func (e *QueryError) Unwrap() error { return ErrBadQuery }

func param(p, format string, args ...any) error {
	return &QueryError{Param: p, Msg: fmt.Sprintf(format, args...)}
}

// Search runs a request. Errors about the request wrap ErrBadQuery (as a
// *QueryError naming the parameter).
func (idx *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	sp, err := newSearchPlan(req)
	if err != nil {
		return nil, err
	}
	if ctx, err = idx.scoring(ctx); err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	if sp.level == LevelMeeting {
		// Only meetings are found by their people (see compile).
		if sp.officials, err = idx.officialNames(ctx, sp.q); err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, err)
		}
	}
	sp.marks = &idx.marks
	ms, err := idx.firstMatching(ctx, sp)
	if err != nil {
		return nil, err
	}
	out := &Result{Total: ms.res.Total, Mode: ms.mode, Fallback: sp.fallback}
	if sp.browse {
		out.Mode = ModeBrowse // the cursor keeps the matching mode
	}
	if out.Hits, err = idx.pageHits(ctx, sp, ms); err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	if ms.rec != nil {
		if ms.rec.err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, ms.rec.err)
		}
		out.Facets = namedFacets(ms.rec.facets, req.Facets)
	}
	out.Offset = req.From
	if sp.cursor != nil {
		out.Offset = sp.cursor.Seen
	}
	out.Next = sp.next(ms, out.Offset+len(ms.res.Hits))
	if out.Total == 0 {
		if out.DidYouMean, err = idx.didYouMean(ctx, req.Filters); err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, err)
		}
	}
	out.Took = time.Since(start)
	return out, nil
}

// modeSearch is a request run in one matching mode: the bleve request,
// its result, and what records its facets (nil when none are asked for).
type modeSearch struct {
	mode string
	sr   *bleve.SearchRequest
	res  *bleve.SearchResult
	rec  *hits
}

// firstMatching runs a search in each of its modes, from strict to loose,
// until one finds anything; else it is the last mode's, which found
// nothing. A query with no loose text has one mode, a cursor its own.
func (idx *Index) firstMatching(ctx context.Context, sp *searchPlan) (modeSearch, error) {
	modes := []string{ModeExact, ModeAll, ModeAny}
	if sp.cursor != nil {
		modes = []string{sp.cursor.Mode}
	} else if !sp.loose {
		modes = modes[:1]
	}
	// A first page by relevance is ranked by score alone: breaking ties by
	// id, as cursors need, costs a stored-field lookup for every hit, most
	// of a broad query's time. The page is the same whenever no tie
	// crosses its edges; the hits either side show that, and only then
	// is the query run again with the tie-break.
	fast := sp.cursor == nil && sp.sortName == "relevance"
	var ms modeSearch
	for _, mode := range modes {
		var err error
		if ms, err = idx.searchMode(ctx, sp, mode, fast); err != nil {
			return modeSearch{}, err
		}
		if ms.res.Total > 0 {
			break
		}
	}
	return ms, nil
}

// searchMode runs a search in one mode. Fast (see firstMatching), it ranks
// by score alone and cuts the page from the hits around it, unless a tie
// crosses the page's edges: then it runs again with the tie-break.
func (idx *Index) searchMode(ctx context.Context, sp *searchPlan, mode string, fast bool) (modeSearch, error) {
	ms := modeSearch{mode: mode}
	var err error
	if ms.sr, ms.rec, err = sp.request(mode, fast, &idx.columns); err != nil {
		return modeSearch{}, err
	}
	if ms.res, err = idx.b.SearchInContext(ctx, ms.sr); err != nil {
		return modeSearch{}, fmt.Errorf("search %q: %w", sp.req.Query, err)
	}
	if fast && ms.sr.Score != scoreNone {
		var tied bool
		ms.res.Hits, tied = pageOf(ms.res.Hits, sp.req.From > 0, sp.size)
		if tied {
			return idx.searchMode(ctx, sp, mode, false)
		}
	}
	return ms, nil
}

// pageHits makes the hits of a search's page from their stored values,
// those of items and decisions completed with their meetings'. A listing
// scores listingScore.
func (idx *Index) pageHits(ctx context.Context, sp *searchPlan, ms modeSearch) ([]Hit, error) {
	out := make([]Hit, 0, len(ms.res.Hits))
	if err := idx.loadStored(ms.res.Hits); err != nil {
		return nil, err
	}
	stored, err := idx.withMeetings(ctx, ms.res.Hits)
	if err != nil {
		return nil, err
	}
	for i, h := range ms.res.Hits {
		hit := sp.hit(idx, h, stored[i], ms.mode)
		if ms.sr.Score == scoreNone {
			hit.Score = listingScore
		}
		out = append(out, hit)
	}
	return out, nil
}

// namedFacets names the facets counted by the names asked for, in their
// order; years and months are listed newest first.
func namedFacets(counted []Facet, names []string) []Facet {
	var out []Facet
	for i, f := range counted {
		f.Name = names[i]
		if f.Name == "year" || f.Name == "month" {
			slices.SortFunc(f.Values, func(a, b FacetValue) int { return cmp.Compare(b.Value, a.Value) })
		}
		out = append(out, f)
	}
	return out
}

// next is the cursor of the page after a search's, seen the hits of its
// pages so far; "" on the last page.
func (p *searchPlan) next(ms modeSearch, seen int) string {
	hits := ms.res.Hits
	if len(hits) == 0 || uint64(seen) >= ms.res.Total {
		return ""
	}
	last := hits[len(hits)-1]
	c := cursor{Mode: ms.mode, Sort: p.sortName, Query: p.req.Query, Seen: seen}
	for i, key := range p.sort {
		var v string
		switch {
		case key == "-_score":
			v = strconv.FormatFloat(last.Score, 'g', -1, 64)
		case key == "_id":
			v = last.ID
		case i < len(last.Sort):
			v = last.Sort[i]
		}
		c.After = append(c.After, []byte(v))
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// withMeetings reads the stored values of hits, completing those of items
// and decisions with their meetings' fields, read in one search.
func (idx *Index) withMeetings(ctx context.Context, hits search.DocumentMatchCollection) ([]storedHit, error) {
	out := make([]storedHit, len(hits))
	var ids []string
	for i, h := range hits {
		out[i] = readStored(h.ID, h.Fields)
		if out[i].Level != LevelMeeting && !slices.Contains(ids, out[i].Meeting) {
			ids = append(ids, out[i].Meeting)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	meetings, err := idx.meetingsStored(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		st := &out[i]
		if st.Level == LevelMeeting {
			continue
		}
		m := meetings[st.Meeting]
		st.Source, st.MeetingTitle, st.Issuer = m.Source, m.Title, m.Issuer
		st.Day, st.Session, st.DocNumber, st.Record = m.Day, m.Session, m.DocNumber, m.Record
		st.Original = m.Original
	}
	return out, nil
}

// searchPlan is a validated request, ready to compile in each mode.
type searchPlan struct {
	req   Request
	q     ql.Q
	level string // the level searched, "" when the query names several
	// levelFilter keeps hits to the level; a query with a text clause on
	// that level's own fields needs none.
	levelFilter query.Query
	people      []peopleFilter  // filters on people
	officials   map[string]bool // see compiler.officials
	marks       *markCache      // the index's, for item searches (itemsQuery)
	loose       bool            // has free text that the looser modes would match differently
	filters     []query.Query
	sortName    string
	browse      bool   // the query has nothing to search for (browses)
	fallback    string // why the query was read as its words (Parse), or ""
	sort        []string
	cursor      *cursor
	size        int
}

// newSearchPlan reads and checks a request, in the order its parameters'
// errors are reported: size and offset, sort, cursor, level, filters,
// facets.
func newSearchPlan(req Request) (*searchPlan, error) {
	q, fallback, err := Parse(req.Query)
	if err != nil {
		return nil, err
	}
	p := &searchPlan{req: req, q: q, fallback: fallback, loose: hasLooseText(q), browse: browses(q)}
	for _, read := range []func() error{p.readPage, p.readSort, p.readCursor, p.readLevel, p.readFilters, p.checkFacets} {
		if err := read(); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// readPage reads the page's size and offset.
func (p *searchPlan) readPage() error {
	req := p.req
	p.size = req.Size
	switch {
	case p.size == 0:
		p.size = DefaultSize
	case p.size < 0 || p.size > MaxSize:
		return param("size", "size %d is not between 1 and %d", req.Size, MaxSize)
	}
	if req.From < 0 || req.From > MaxFrom {
		return param("from", "offset %d is not between 0 and %d; use the cursor to go further", req.From, MaxFrom)
	}
	return nil
}

// readSort reads the sort order: its name and the keys bleve sorts by.
func (p *searchPlan) readSort() error {
	req := p.req
	p.sortName = req.Sort
	if p.browse && req.Sort == "" {
		// Every document scores the same: the newest first.
		p.sortName = "-date"
	}
	switch p.sortName {
	case "", "relevance":
		p.sortName = "relevance"
		p.sort = slices.Clone(relevanceSort)
	case "date":
		p.sort = []string{fDate, "_id"}
	case "-date":
		p.sort = []string{"-" + fDate, "_id"}
	default:
		return param("sort", "sort %q is not relevance, date or -date", req.Sort)
	}
	return nil
}

// readCursor reads the cursor a request goes on from, if any: one this
// index returned for the same query and sort.
func (p *searchPlan) readCursor() error {
	req := p.req
	if req.After == "" {
		return nil
	}
	if req.From != 0 {
		return param("after", "a cursor cannot be combined with an offset")
	}
	raw, err := base64.RawURLEncoding.DecodeString(req.After)
	var c cursor
	if err == nil {
		err = json.Unmarshal(raw, &c)
	}
	if err != nil || len(c.After) != len(p.sort) || (c.Mode != ModeExact && c.Mode != ModeAll && c.Mode != ModeAny) {
		return param("after", "cursor %q is not one this index returned", req.After)
	}
	if c.Sort != p.sortName || c.Query != req.Query {
		return param("after", "cursor %q belongs to another query or sort order", req.After)
	}
	p.cursor = &c
	return nil
}

// readLevel reads the level searched: the query's if it names one, else
// the request's. The date sorted by is that level's.
func (p *searchPlan) readLevel() error {
	var named bool
	p.level, named = queryLevel(p.q)
	if !named {
		level := p.req.Level
		if level == "" {
			level = LevelMeeting
		}
		if level != LevelMeeting && level != LevelItem && level != LevelDecision {
			return param("level", "level %q is not meeting, item or decision", p.req.Level)
		}
		p.levelFilter = termQ(fLevel, level)
		p.level = level
	}
	for i, k := range p.sort {
		if strings.TrimPrefix(k, "-") == fDate {
			p.sort[i] = strings.Replace(k, fDate, levelField(p.level, fDate), 1)
		}
	}
	return nil
}

// readFilters reads the filters: the dates, the role people are filtered
// in, and the facets' values (FacetDefs).
func (p *searchPlan) readFilters() error {
	f := p.req.Filters
	if f.From != "" || f.To != "" {
		for _, b := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
			if b.v == "" {
				continue
			}
			if _, _, err := ql.ParseBound(b.v); err != nil {
				return param(b.name, "%v", err)
			}
		}
		dr, err := ql.DateSpan("from/to", f.From, f.To)
		if err != nil {
			return param("from", "%v", err)
		}
		p.filters = append(p.filters, dateQuery(p.level, dr))
	}
	// roleField is the field of the role Role restricts people to, "" for
	// the filter's own.
	roleField := ""
	if f.Role != "" {
		for _, r := range Roles {
			if f.Role == r.Name || f.Role == r.Role {
				roleField = r.field
			}
		}
		if roleField == "" {
			return param("role", "role %q is not one of %s", f.Role, strings.Join(RoleNames, ", "))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(f.Values)) {
		if fd, ok := FacetDefOf(name); !ok || !fd.Filter {
			return param(name, "unknown filter %q; filters: %s", name, strings.Join(FilterNames, ", "))
		}
	}
	for _, fd := range FacetDefs {
		if !fd.Filter {
			continue
		}
		field, vals := fd.field, f.Values[fd.Name]
		if fd.Roles && roleField != "" {
			field = roleField
		}
		if fd.kind == facetPeople {
			var keys []string
			for _, v := range vals {
				if k := key(v); k != "" {
					keys = append(keys, k)
				}
			}
			if len(keys) > 0 {
				p.people = append(p.people, peopleFilter{field, keys})
			}
			continue
		}
		if q := keywordFilter(levelField(p.level, field), fd.departments, vals); q != nil {
			p.filters = append(p.filters, q)
		}
	}
	return nil
}

// checkFacets checks the facets asked for: known, counted at the level
// searched, at most MaxFacetSize values each.
func (p *searchPlan) checkFacets() error {
	req := p.req
	if req.FacetSize < 0 || req.FacetSize > MaxFacetSize {
		return param("facet_size", "facet_size %d is not between 1 and %d", req.FacetSize, MaxFacetSize)
	}
	for _, name := range req.Facets {
		if _, ok := facetFields[name]; !ok {
			return param("facets", "unknown facet %q; known facets: %v", name, FacetNames)
		}
		if fd, _ := FacetDefOf(name); fd.CountsMeetings() && p.level != LevelMeeting {
			return param("facets", "facet %q counts meetings; it is not available at the %s level", name, cmp.Or(p.level, "mixed"))
		}
	}
	return nil
}

// scoreNone is bleve's request setting that skips scoring.
const scoreNone = "none"

// request builds the bleve request for one mode, and what records its hits
// when the request counts facets.
func (p *searchPlan) request(mode string, fast bool, cache *columnCache) (*bleve.SearchRequest, *hits, error) {
	c := compiler{mode: mode, level: p.level, officials: p.officials, marks: p.marks}
	bq := query.NewBooleanQuery(nil, nil, nil)
	filters := slices.Clone(p.filters)
	for _, pf := range p.people {
		var alts []query.Query
		for _, k := range pf.keys {
			alts = append(alts, c.peopleQuery(pf.field, k))
		}
		if len(alts) == 1 {
			filters = append(filters, alts[0])
		} else {
			filters = append(filters, query.NewDisjunctionQuery(alts))
		}
	}
	clauses, ownText := c.clauses(p.q, bq)
	filters = append(filters, clauses...)
	if p.levelFilter != nil && !ownText {
		filters = append(filters, p.levelFilter)
	}
	// A query without scoring clauses is a listing: its filters are the
	// query itself, unscored, rather than a filter over every document
	// (bleve runs a lone filter as a scan of match-all).
	listing := bq.Must == nil
	switch {
	case listing && len(filters) > 0:
		bq.AddMust(query.NewConjunctionQuery(filters))
	case listing:
		bq.AddMust(query.NewMatchAllQuery())
	case len(filters) > 0:
		bq.AddFilter(query.NewConjunctionQuery(filters))
	}
	var top query.Query = bq
	if must, ok := bq.Must.(*query.ConjunctionQuery); ok && len(must.Conjuncts) == 1 && bq.Should == nil && bq.MustNot == nil && bq.Filter == nil {
		// One clause alone runs as itself: a boolean query around it
		// costs a conjunction searcher's step for every hit, about a
		// fifth of a term query's time.
		top = must.Conjuncts[0]
	}
	var rec *hits
	if len(p.req.Facets) > 0 {
		// The facets are counted from the hits it records (facets.go).
		rec = &hits{size: cmp.Or(p.req.FacetSize, facetSize), cache: cache}
		for _, name := range p.req.Facets {
			rec.fields = append(rec.fields, levelField(p.level, facetFields[name]))
		}
		top = hitRecorder{Query: top, rec: rec}
	}
	sr := bleve.NewSearchRequestOptions(top, p.size, p.req.From, false)
	if listing {
		sr.Score = scoreNone
	}
	sr.SortBy(p.sort)
	if fast && !listing {
		// By score alone, with a hit either side of the page to see
		// whether a tie crosses its edges (see Search).
		sr.SortBy([]string{"-_score"})
		sr.Size = p.size + 1
		if p.req.From > 0 {
			sr.From, sr.Size = p.req.From-1, p.size+2
		}
	}
	// The stored fields of the page are read after (see loadStored).
	if p.cursor != nil {
		sr.SearchAfter = make([]string, len(p.cursor.After))
		for i, v := range p.cursor.After {
			sr.SearchAfter[i] = string(v)
		}
	}
	return sr, rec, nil
}

// keywordFilter matches the documents with any of vals in the keyword
// field f of a level, nil for no value. Values of departments are matched
// by any of their names and, named without their place, in every place.
func keywordFilter(f string, departments bool, vals []string) query.Query {
	if departments {
		// A department by any of its names: 市卫健委 finds the records
		// of 市卫生健康委.
		var all []string
		for _, v := range vals {
			all = appendUnique(all, v, ingest.CanonicalDepartment(v))
		}
		vals = all
	}
	var alts []query.Query
	for _, v := range vals {
		if k := key(v); k != "" {
			alts = append(alts, keyQuery(f, k))
			if departments && bareDepartment(v) {
				// 市工信局: the body of that name of every city
				// (苏州市工信局, 温州市工信局).
				alts = append(alts, anyPlaceQuery(f, v))
			}
		}
	}
	switch len(alts) {
	case 0:
		return nil
	case 1:
		return alts[0]
	}
	return query.NewDisjunctionQuery(alts)
}

// keyQuery matches the documents with a value of the keyword field f whose
// folded form is k: k is the value in f's label if the value is its own
// folded form, else in f (see doc.keyword). k is a folded form, key(k) ==
// k.
func keyQuery(f, k string) query.Query {
	return query.NewDisjunctionQuery([]query.Query{termQ(f, k), termQ(label(f), k)})
}

// bareDepartment reports whether a department is named without its
// government's place (市工信局, 区财政局, 财政局), not as one body of one
// government (苏州市工信局): no level of government (市, 区, 县 …) stands
// after the name's first character.
func bareDepartment(v string) bool {
	rs := []rune(key(v))
	for i := 1; i < len(rs)-1 && i < 10; i++ {
		if strings.ContainsRune("省市区县州旗盟镇乡", rs[i]) {
			return false
		}
	}
	return true
}

// anyPlaceQuery matches the departments of that level and body of any
// place: 市工信局 finds 苏州市工信局 and 温州市工信局. The term dictionary
// of a keyword field is small; the match is anchored at the end.
func anyPlaceQuery(f, v string) query.Query {
	k := key(v)
	alts := []query.Query{regexpQ(f, ".+"+regexp.QuoteMeta(k)), regexpQ(label(f), ".+"+regexp.QuoteMeta(strings.TrimSpace(v)))}
	if v != k {
		alts = append(alts, regexpQ(label(f), ".+"+regexp.QuoteMeta(k)))
	}
	return query.NewDisjunctionQuery(alts)
}

func regexpQ(field, re string) *query.RegexpQuery {
	q := query.NewRegexpQuery(re)
	q.SetField(field)
	return q
}

func termQ(field, term string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

// hit turns a bleve hit into ours. A meeting's snippet is drawn from its
// record, read from the record store for this page's hits only.
func (p *searchPlan) hit(idx *Index, h *search.DocumentMatch, st storedHit, mode string) Hit {
	out := Hit{
		ID:           h.ID,
		Level:        st.Level,
		MeetingID:    st.Meeting,
		ItemNo:       st.Item,
		Source:       st.Source,
		Title:        st.Title,
		MeetingTitle: cmp.Or(st.MeetingTitle, st.Title),
		Issuer:       st.Issuer,
		Date:         st.Day,
		Session:      st.Session,
		DocNumber:    st.DocNumber,
		Score:        h.Score,
	}
	if out.Level == LevelDecision {
		out.Decision = &ingest.Decision{Verb: st.Verb, Object: st.Object, Lead: st.Lead}
	}
	if p.req.Highlight {
		hl := newHighlighter(p.q, mode)
		var body string
		switch out.Level {
		case LevelMeeting, LevelItem:
			rec, err := idx.record(st.Record, st.Original)
			if err != nil {
				idx.log.Warn("snippet: load record", "id", h.ID, "err", err)
				break
			}
			if out.Level == LevelMeeting {
				body = rec.Text
				for _, pm := range matchedPeople(p.q, rec) {
					out.Matched = append(out.Matched, fmt.Sprintf("official %s (%s)", pm.name, strings.Join(pm.roles, "、")))
					// The text's own form of the name (王院長金平).
					for _, f := range nameForms(window(body), pm.name) {
						hl.addPhrase(f)
					}
				}
				break
			}
			for _, it := range rec.Items {
				if it.No == out.ItemNo {
					body = cmp.Or(it.Text, it.Title)
					break
				}
			}
		case LevelDecision:
			body = out.Decision.Verb + " " + out.Decision.Object
		}
		out.TitleHTML = hl.mark(out.Title)
		if s := hl.snippet(body, snippetRunes); s != "" {
			out.Snippets = []string{s}
		}
	}
	return out
}

// officialNames returns the texts of q that could be a person's name and
// are the name of someone in some meeting, folded. Only those get the
// clause on people: a word that looks like a name (欧洲, 方案) keeps the
// query it had.
func (idx *Index) officialNames(ctx context.Context, q ql.Q) (map[string]bool, error) {
	var keys []string
	for _, t := range nameTexts(q) {
		keys = append(keys, key(t.Text))
	}
	if len(keys) == 0 {
		return nil, nil
	}
	r, err := idx.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := map[string]bool{}
	for _, k := range keys {
		for _, f := range []string{fOfficial, label(fOfficial)} {
			tfr, err := r.TermFieldReader(ctx, []byte(k), f, false, false, false)
			if err != nil {
				return nil, err
			}
			n := tfr.Count()
			tfr.Close()
			if n > 0 {
				out[k] = true
				break
			}
		}
	}
	return out, nil
}

// matchedPeople lists the names a query searches for as text that are
// people of rec, as rec writes them, with their roles.
func matchedPeople(q ql.Q, rec *ingest.Minutes) []personMatch {
	var out []personMatch
	for _, t := range nameTexts(q) {
		if name, roles, ok := rec.Person(t.Text); ok {
			out = append(out, personMatch{name, roles})
		}
	}
	return out
}

// personMatch is a person of a record a query named.
type personMatch struct {
	name  string
	roles []string
}

// nameTexts returns the texts of q, outside exclusions, that could be a
// person's name (see compiler.officials).
func nameTexts(q ql.Q) []*ql.Text {
	var out []*ql.Text
	ql.Visit(q, func(q ql.Q) bool {
		switch q := q.(type) {
		case *ql.Not:
			return false
		case *ql.Text:
			if ingest.IsPersonName(q.Text) {
				out = append(out, q)
			}
		}
		return true
	})
	return out
}

// peopleFilter is a filter on one people field, any of keys.
type peopleFilter struct {
	field string
	keys  []string
}
