package index

import (
	"slices"

	"github.com/jiyao-search/jiyao/ingest"
	ql "github.com/jiyao-search/jiyao/query"
)

// FacetDef declares one facet: a field of the index that hits are counted
// by and, for most, filtered by. FacetDefs is the one list of them, and
// everything else that names facets is derived from it: the mapping's
// keyword fields (mapping.go), the query language's fields (queryParser),
// FacetNames and the fields counted (search.go), the filters Search
// applies and the values it suggests, the typeahead (Terms), the server's
// filter parameters and their OpenAPI entries, the web pages' lists and
// labels, and jiyao search's flags. Adding a facet is an entry in
// FacetDefs and the line of document.go that writes its field.
type FacetDef struct {
	// Name names the facet everywhere: in Request.Facets, as the key of
	// its filter in Filters.Values, as a field of the query language
	// (name:value), as a query parameter and JSON filter of the API, in
	// the web pages' URLs and as a flag of jiyao search.
	Name string
	// Aliases are other names of the field in the query language (dept).
	Aliases []string
	// Filter says that hits can be filtered by the facet's values.
	Filter bool
	// Roles says that Filters.Role restricts the filter to the people of
	// one role (Roles).
	Roles bool
	// Doc says what a value is, for the API's description of the filter
	// (OpenAPI).
	Doc string
	// Flag is the help of jiyao search's repeatable flag of the filter;
	// "" for no flag.
	Flag string
	// Label names the facet on the web pages (标签).
	Label string
	// ValueNames name the facet's values on the web pages where the index
	// holds a code (genre: hansard → 逐字记录); nil shows values as held.
	ValueNames map[string]string
	// Sidebar is the facet's place among the lists of the search page's
	// sidebar, from 1, where its values are chosen as filters; 0 keeps it
	// off the web pages' filters.
	Sidebar int
	// Suggest says that a filter value that finds nothing is answered
	// with values of the facet close to it (Result.DidYouMean).
	Suggest bool
	// Default says the facet is counted where a caller names none
	// (jiyao search): one a reader narrows by first.
	Default bool

	// field is the facet's field: a keyword field (see doc.keyword) for
	// the kinds meta and people.
	field string
	kind  facetKind
	// role is the attendance role of the records a role facet counts.
	role string
	// departments says the values are departments: a filter finds a
	// department by any of its names and, named without its place
	// (市工信局), the body of that name of every place.
	departments bool
	// termsLevel is the level Terms counts a value's documents at.
	termsLevel string
}

// facetKind says where a facet's field is and what it holds.
type facetKind int

const (
	// facetMeta is a keyword field of the meeting's metadata, on every
	// level under its level's name (levelField).
	facetMeta facetKind = iota
	// facetPeople is a keyword field of a meeting's people, on meeting
	// documents only: it counts meetings.
	facetPeople
	// facetDate is a date field (year, month), counted as it is held.
	facetDate
)

// Keyword fields of the facets.
const (
	fIssuer     = "issuer"
	fKind       = "kind"
	fDepartment = "department"
	fTopic      = "topic"
	fOfficial   = "official"
	fChair      = "chair"
	fPresent    = "present"
	fObserver   = "observer"
	fRecorder   = "recorder"
	fVerb       = "verb"
	fLead       = "lead"
	fGenre      = "genre"
)

// FacetDefs are the facets, in the order FacetNames lists them.
var FacetDefs = []FacetDef{
	{Name: "year", field: fYear, kind: facetDate, Default: true},
	{Name: "month", field: fMonth, kind: facetDate},
	{Name: "issuer", field: fIssuer, Filter: true, Suggest: true, Default: true,
		Doc: "issuing body (repeat for any of several)", Flag: "issuing body (repeatable: any of them)",
		Label: "发文机关", Sidebar: 2},
	{Name: "kind", field: fKind, Filter: true, Suggest: true,
		Doc: "kind of meeting, such as 常务会议", Flag: "kind of meeting (repeatable)",
		Label: "会议类型", Sidebar: 5},
	{Name: "department", Aliases: []string{"dept"}, field: fDepartment, departments: true, Filter: true, Suggest: true, Default: true,
		Doc: "department given work", Flag: "department given work (repeatable)",
		Label: "部门", Sidebar: 3},
	{Name: "topic", field: fTopic, Filter: true, Suggest: true, Default: true,
		Doc: "topic class of the 国务院公文主题分类", Flag: "topic class (repeatable)",
		Label: "主题分类", Sidebar: 1},
	{Name: "official", field: fOfficial, kind: facetPeople, Filter: true, Roles: true, Suggest: true,
		Doc: "person named in the attendance", Flag: "person named in the record (repeatable)",
		Label: "人员", Sidebar: 4},
	{Name: "chair", field: fChair, kind: facetPeople, role: ingest.RoleChair, Label: "主持"},
	{Name: "present", field: fPresent, kind: facetPeople, role: ingest.RolePresent, Label: "出席"},
	{Name: "observer", field: fObserver, kind: facetPeople, role: ingest.RoleObserver, Label: "列席"},
	{Name: "recorder", field: fRecorder, kind: facetPeople, role: ingest.RoleRecorder, Label: "记录"},
	{Name: "verb", field: fVerb, termsLevel: LevelDecision, Filter: true,
		Doc: "decision verb, such as 原则同意"},
	{Name: "lead", field: fLead, departments: true, termsLevel: LevelDecision, Filter: true,
		Doc: "department put in charge of a decision"},
	{Name: "genre", field: fGenre, Filter: true,
		Doc: "kind of record: minutes, release, congress, transcript, hansard or agenda", Flag: "kind of record: minutes, release, congress, transcript, hansard or agenda (repeatable)",
		Label: "体裁", ValueNames: ingest.GenreNames, Sidebar: 6},
}

// ValueName is how the web pages name value v of the facet.
func (f FacetDef) ValueName(v string) string {
	if n, ok := f.ValueNames[v]; ok {
		return n
	}
	return v
}

// FacetDefOf returns the facet of a name.
func FacetDefOf(name string) (FacetDef, bool) {
	i := slices.IndexFunc(FacetDefs, func(f FacetDef) bool { return f.Name == name })
	if i < 0 {
		return FacetDef{}, false
	}
	return FacetDefs[i], true
}

// keyword reports a facet of a keyword field: one the query language,
// filters and Terms read.
func (f FacetDef) keyword() bool { return f.kind != facetDate }

// CountsMeetings reports a facet of people, which only meetings carry: it
// is not counted below them.
func (f FacetDef) CountsMeetings() bool { return f.kind == facetPeople }

// facetFields are the fields the facets are counted from, by name, before
// levelField: a keyword field's label, which holds the values as written.
var facetFields = func() map[string]string {
	m := map[string]string{}
	for _, f := range FacetDefs {
		m[f.Name] = f.field
		if f.keyword() {
			m[f.Name] = label(f.field)
		}
	}
	return m
}()

// FacetNames are the facets Search can count.
var FacetNames = facetNames(func(FacetDef) bool { return true })

// FilterNames are the facets Search can filter by (Filters.Values).
var FilterNames = facetNames(func(f FacetDef) bool { return f.Filter })

func facetNames(keep func(FacetDef) bool) []string {
	var out []string
	for _, f := range FacetDefs {
		if keep(f) {
			out = append(out, f.Name)
		}
	}
	return out
}

// FacetsAt lists the facets Search can count at a level ("" for meeting):
// the facets of people count meetings and are not counted below them.
func FacetsAt(level string) []string {
	if level == "" || level == LevelMeeting {
		return FacetNames
	}
	return facetNames(func(f FacetDef) bool { return !f.CountsMeetings() })
}

// Role is a role an official is filtered by (Filters.Role) and counted
// in (a facet of its name), with the attendance role of the records it
// stands for and its keyword field.
type Role struct {
	Name, Role string
	field      string
}

// Roles are the role facets of FacetDefs, in order.
var Roles = func() []Role {
	var out []Role
	for _, f := range FacetDefs {
		if f.role != "" {
			out = append(out, Role{f.Name, f.role, f.field})
		}
	}
	return out
}()

// RoleNames are the names of Roles, in order.
var RoleNames = func() []string {
	var out []string
	for _, r := range Roles {
		out = append(out, r.Name)
	}
	return out
}()

// keywordFields are the keyword fields of the facets of a kind.
func keywordFields(kind facetKind) []string {
	var out []string
	for _, f := range FacetDefs {
		if f.kind == kind {
			out = append(out, f.field)
		}
	}
	return out
}

// Keyword fields are filtered on their folded value and faceted on their
// label. The people of a meeting are on meeting documents only;
// metaKeywordFields are on every level, each under its level's name.
var (
	peopleKeywordFields = keywordFields(facetPeople)
	metaKeywordFields   = keywordFields(facetMeta)
)

// peopleFields are the keyword fields of people, which only meeting
// documents carry.
var peopleFields = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range peopleKeywordFields {
		m[f] = true
	}
	return m
}()

// QueryParser returns the parser of the query language (package query)
// that knows this index's fields: the keyword facets, by their names and
// aliases, and the levels. Callers that only read or inspect a query (a
// meeting's page, which marks its words) use it with package query.
func QueryParser() *ql.Parser { return queryParser }

// queryParser is QueryParser's, built once from FacetDefs.
var queryParser = func() *ql.Parser {
	fs := ql.Fields{Levels: []string{LevelMeeting, LevelItem, LevelDecision}}
	for _, f := range FacetDefs {
		if f.keyword() {
			fs.Keywords = append(fs.Keywords, ql.Keyword{Field: f.field, Names: append([]string{f.Name}, f.Aliases...)})
		}
	}
	return ql.NewParser(fs)
}()
