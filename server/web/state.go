package web

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/index"
)

// state is everything a search page shows, read from and written to its
// URL, so that a search can be bookmarked and shared.
type state struct {
	Q     string
	Level string // meeting (""), item, decision
	Sort  string // relevance (""), date (newest first)
	Page  int    // from 1
	// From and To bound the date: YYYY, YYYY-MM or YYYY-MM-DD.
	From, To string
	// Lists are the values chosen of the filters the page offers
	// (listParams), by name.
	Lists map[string][]string
	// Role restricts the official: chair, present, observer or recorder.
	Role string
}

// filterState is the state of a search filtered on values of one filter.
func filterState(name string, vals ...string) state {
	return state{Lists: map[string][]string{name: vals}}
}

// pageSize is the hits per page.
const pageSize = 10

// maxPage keeps offsets within the index's limit.
const maxPage = index.MaxFrom/pageSize + 1

var dateRe = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// listParams are the filters that take several values: those of the
// sidebar.
var listParams = func() []string {
	var out []string
	for _, sb := range sidebar {
		out = append(out, sb.Name)
	}
	return out
}()

// readState validates a search page's query string.
func readState(v url.Values) (state, error) {
	var s state
	known := map[string]bool{"q": true, "level": true, "sort": true, "page": true, "from": true, "to": true, "role": true}
	for _, p := range listParams {
		known[p] = true
	}
	for k, vals := range v {
		if !known[k] {
			return s, badRequest(k, "unknown parameter %q", k)
		}
		if len(vals) > maxValues {
			return s, badRequest(k, "more than %d values", maxValues)
		}
		for _, x := range vals {
			if !utf8.ValidString(x) || strings.ContainsRune(x, 0) {
				return s, badRequest(k, "value is not valid text")
			}
		}
	}
	s.Q = strings.TrimSpace(v.Get("q"))
	if utf8.RuneCountInString(s.Q) > maxQueryLen {
		return s, badRequest("q", "query longer than %d characters", maxQueryLen)
	}
	switch s.Level = v.Get("level"); s.Level {
	case "", index.LevelMeeting:
		s.Level = ""
	case index.LevelItem, index.LevelDecision:
	default:
		return s, badRequest("level", "level %q is not meeting, item or decision", s.Level)
	}
	switch s.Sort = v.Get("sort"); s.Sort {
	case "", "relevance":
		s.Sort = ""
	case "date":
	default:
		return s, badRequest("sort", "sort %q is not relevance or date", s.Sort)
	}
	s.Page = 1
	if p := v.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > maxPage {
			return s, badRequest("page", "page %q is not a number from 1 to %d", p, maxPage)
		}
		s.Page = n
	}
	for _, b := range []struct {
		name string
		dst  *string
	}{{"from", &s.From}, {"to", &s.To}} {
		*b.dst = strings.TrimSpace(v.Get(b.name))
		if *b.dst != "" && !dateRe.MatchString(*b.dst) {
			return s, badRequest(b.name, "date %q is not YYYY, YYYY-MM or YYYY-MM-DD", *b.dst)
		}
	}
	if s.Role = v.Get("role"); s.Role != "" && !slices.Contains(index.RoleNames, s.Role) {
		return s, badRequest("role", "role %q is not one of %s", s.Role, strings.Join(index.RoleNames, ", "))
	}
	for _, p := range listParams {
		var out []string
		for _, x := range v[p] {
			x = strings.TrimSpace(x)
			if x == "" {
				continue
			}
			if utf8.RuneCountInString(x) > maxValueLen {
				return s, badRequest(p, "value longer than %d characters", maxValueLen)
			}
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		s.setList(p, out)
	}
	return s, nil
}

// list is the values chosen of filter p.
func (s state) list(p string) []string { return s.Lists[p] }

// setList sets the values chosen of filter p.
func (s *state) setList(p string, vals []string) {
	if len(vals) == 0 {
		delete(s.Lists, p)
		return
	}
	if s.Lists == nil {
		s.Lists = map[string][]string{}
	}
	s.Lists[p] = vals
}

// clone copies s deeply enough to change its lists.
func (s state) clone() state {
	lists := s.Lists
	s.Lists = nil
	for p, vals := range lists {
		s.setList(p, slices.Clone(vals))
	}
	return s
}

// values encodes s; defaults are left out.
func (s state) values() url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("q", s.Q)
	set("level", s.Level)
	set("sort", s.Sort)
	if s.Page > 1 {
		v.Set("page", strconv.Itoa(s.Page))
	}
	set("from", s.From)
	set("to", s.To)
	for _, p := range listParams {
		for _, x := range s.list(p) {
			v.Add(p, x)
		}
	}
	set("role", s.Role)
	return v
}

// URL is the search page of s.
func (s state) URL() string {
	if e := s.values().Encode(); e != "" {
		return "/?" + e
	}
	return "/"
}

// with returns the URL of s changed by f, back on the first page.
func (s state) with(f func(*state)) string {
	c := s.clone()
	c.Page = 1
	f(&c)
	return c.URL()
}

// toggle returns the URL with value x of list p added, or removed if set.
func (s state) toggle(p, x string) string {
	return s.with(func(c *state) {
		l := c.list(p)
		if i := slices.Index(l, x); i >= 0 {
			l = slices.Delete(l, i, i+1)
			if len(l) == 0 && roleFilter(p) {
				c.Role = ""
			}
			c.setList(p, l)
			return
		}
		c.setList(p, append(l, x))
	})
}

func (s state) has(p, x string) bool { return slices.Contains(s.list(p), x) }

// roleFilter reports the filter the role restricts.
func roleFilter(p string) bool {
	f, _ := index.FacetDefOf(p)
	return f.Roles
}

// filters are s's filters for the index.
func (s state) filters() index.Filters {
	return index.Filters{From: s.From, To: s.To, Values: s.Lists, Role: s.Role}
}

// hasFilters reports whether any filter is set.
func (s state) hasFilters() bool {
	return s.From != "" || s.To != "" || s.Role != "" || len(s.Lists) > 0
}

// sortName is the index's sort for s: relevance, or newest first. With no
// query, relevance means nothing, so newest first.
func (s state) sortName() string {
	if s.Sort == "date" || s.Q == "" {
		return "-date"
	}
	return "relevance"
}
