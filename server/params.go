package server

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
)

// Limits of request parameters.
const (
	maxQueryRunes   = 500
	maxValueRunes   = 200
	maxFilterValues = 20
	defaultSize     = 10
)

// filterParams are the query-string filters shared by the list endpoints:
// the dates, the role, and the values of each filter of index.FilterNames,
// which bindQuery reads into lists.
type filterParams struct {
	From  string `form:"from"`
	To    string `form:"to"`
	Role  string `form:"role"`
	lists map[string][]string
}

// bindLists reads the values of the filters of index.FilterNames.
func (f *filterParams) bindLists(q url.Values) {
	for _, name := range index.FilterNames {
		if vals, ok := q[name]; ok {
			if f.lists == nil {
				f.lists = map[string][]string{}
			}
			f.lists[name] = vals
		}
	}
}

func (f filterParams) filters() index.Filters {
	return index.Filters{From: f.From, To: f.To, Role: f.Role, Values: f.lists}
}

var filterNames = append([]string{"from", "to", "role"}, index.FilterNames...)

// pageParams are the paging parameters of the query string; numbers are
// read as strings so that a bad one is reported with its name.
type pageParams struct {
	Sort   string `form:"sort"`
	Page   string `form:"page"`
	Size   string `form:"size"`
	Cursor string `form:"cursor"`
}

var pageNames = []string{"sort", "page", "size", "cursor"}

// page is validated paging.
type page struct {
	sort       string
	page, size int
	cursor     string
}

func (p pageParams) parse() (page, error) {
	out := page{sort: p.Sort, cursor: p.Cursor}
	var err error
	if out.page, err = intParam("page", p.Page, 1); err != nil {
		return out, err
	}
	if out.size, err = intParam("size", p.Size, defaultSize); err != nil {
		return out, err
	}
	// Given explicitly, 0 is as wrong as any other number out of range.
	if p.Page != "" && out.page < 1 {
		return out, badParam("page", "page %d is not 1 or more", out.page)
	}
	if p.Size != "" && out.size < 1 {
		return out, badParam("size", "size %d is not between 1 and %d", out.size, index.MaxSize)
	}
	return out, out.check()
}

// number is the page a result is, counted from 1, by the hits before it
// (index.Result.Offset): a cursor's second page is page 2.
func (p page) number(offset int) int { return offset/p.size + 1 }

func (p *page) check() error {
	if p.page == 0 {
		p.page = 1
	}
	if p.size == 0 {
		p.size = defaultSize
	}
	if p.size < 1 || p.size > index.MaxSize {
		return badParam("size", "size %d is not between 1 and %d", p.size, index.MaxSize)
	}
	if p.page < 1 || (p.page-1)*p.size > index.MaxFrom {
		return badParam("page", "page %d is not between 1 and %d for size %d; use the cursor to go further", p.page, index.MaxFrom/p.size+1, p.size)
	}
	if p.cursor != "" && p.page != 1 {
		return badParam("cursor", "a cursor cannot be combined with page")
	}
	if len(p.cursor) > 4096 {
		return badParam("cursor", "the cursor is too long")
	}
	return nil
}

func intParam(name, s string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badParam(name, "%s %q is not a whole number", name, s)
	}
	return n, nil
}

func boolParam(name, s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "0", "false", "no":
		return false, nil
	case "1", "true", "yes":
		return true, nil
	}
	return false, badParam(name, "%s %q is not true or false", name, s)
}

// checkParams rejects query-string parameters the endpoint does not know,
// so that a misspelt filter is an error rather than silently ignored.
func checkParams(c *gin.Context, known ...[]string) error {
	for name := range c.Request.URL.Query() {
		ok := false
		for _, k := range known {
			if slices.Contains(k, name) {
				ok = true
				break
			}
		}
		if !ok {
			return badParam(name, "unknown parameter %q", name)
		}
	}
	return nil
}

// bindQuery binds the query string to v and checks the parameter names.
func bindQuery(c *gin.Context, v any, known ...[]string) error {
	if err := checkParams(c, known...); err != nil {
		return err
	}
	if err := c.ShouldBindQuery(v); err != nil {
		return badParam("query", "%v", err)
	}
	if l, ok := v.(interface{ bindLists(url.Values) }); ok {
		l.bindLists(c.Request.URL.Query())
	}
	return nil
}

// bindJSON reads a JSON body into v. The Content-Type must say JSON, so
// that a form or a text body posted by mistake (or by a page of another
// origin, which may post those without asking) is refused rather than
// guessed at; the body must be one JSON object with no unknown field (a
// misspelt one is never silently ignored) and nothing after it.
func bindJSON(c *gin.Context, v any) error {
	if mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type")); err != nil || mt != "application/json" {
		return errNotJSON
	}
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		// Only white space may follow the object.
		if _, terr := dec.Token(); terr != io.EOF {
			var mbe *http.MaxBytesError
			if errors.As(terr, &mbe) {
				return terr
			}
			return badBody("the body holds more than one JSON value: send one object")
		}
		return nil
	}
	var te *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return badBody("the body must be one JSON object, not a JSON %s", te.Value)
	case errors.As(err, &te):
		return badParam(te.Field, "%s must be a JSON %s", te.Field, te.Type.Kind())
	case errors.As(err, &mbe):
		return err
	case errors.Is(err, io.EOF):
		return badBody("the body is empty: send one JSON object")
	}
	return badBody("the body is not the JSON this endpoint takes: %v", err)
}

// text checks a free-text or name parameter: at most max runes, valid
// UTF-8, no control characters.
func text(name, s string, max int) error {
	if !utf8.ValidString(s) {
		return badParam(name, "%s is not valid UTF-8", name)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return badParam(name, "%s is %d characters long; at most %d are allowed", name, n, max)
	}
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) {
		return badParam(name, "%s contains control characters", name)
	}
	return nil
}

// checkFilters bounds filter values.
func checkFilters(f index.Filters) error {
	type filter struct {
		name string
		vals []string
	}
	all := []filter{{"from", []string{f.From}}, {"to", []string{f.To}}, {"role", []string{f.Role}}}
	for _, name := range index.FilterNames {
		all = append(all, filter{name, f.Values[name]})
	}
	for _, kv := range all {
		if len(kv.vals) > maxFilterValues {
			return badParam(kv.name, "at most %d values of %s are allowed", maxFilterValues, kv.name)
		}
		for _, v := range kv.vals {
			if err := text(kv.name, v, maxValueRunes); err != nil {
				return err
			}
		}
	}
	return nil
}

// splitList reads a list parameter given repeated or comma-separated.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// queryString rebuilds a query string without some parameters (for links).
func queryString(v url.Values, drop ...string) string {
	w := url.Values{}
	for k, vs := range v {
		if !slices.Contains(drop, k) {
			w[k] = vs
		}
	}
	return w.Encode()
}
