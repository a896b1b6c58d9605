package index

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"

	ql "github.com/jiyao-search/jiyao/query"
)

// The query language is package query (imported as ql here, where query
// is bleve's): this file reads its trees with the index's fields and
// compiles them to bleve queries, each node to the searchers that match
// it at the level searched.

// Parse reads a query in the query language with the fields of the
// index's facets (QueryParser), as ql.Parser.Read does: a query whose
// structure does not parse (a quote or a parenthesis left open, an
// operator without its term, a lone -) is read as its words, and fallback
// says why, for the answer to say so; what a field was given (an unknown
// field, a bad date) is checked as a parameter is: its errors are a
// *QueryError for q.
func Parse(s string) (q ql.Q, fallback string, err error) {
	q, fb, err := queryParser.Read(s)
	if err != nil {
		return nil, "", &QueryError{Param: "q", Msg: err.Error()}
	}
	if fb != nil {
		fallback = fmt.Sprintf("the query does not parse (%s): its words were searched", fb.Msg)
	}
	return q, fallback, nil
}

// queryLevel reports whether a query names a level at its top
// (level:item), and which: "" if it names several.
func queryLevel(q ql.Q) (level string, named bool) {
	children := []ql.Q{q}
	if a, ok := q.(*ql.And); ok {
		children = a.Children
	}
	for _, c := range children {
		if l, ok := c.(*ql.Level); ok {
			if named && level != l.Level {
				return "", true
			}
			level, named = l.Level, true
		}
	}
	return level, named
}

// browses reports whether q has nothing to search for: no text that
// analyses to a term (empty, 「，。！？」, *), no field, no negation.
func browses(q ql.Q) bool {
	switch q := q.(type) {
	case nil:
		return true
	case *ql.And:
		return !slices.ContainsFunc(q.Children, func(c ql.Q) bool { return !browses(c) })
	case *ql.Or:
		return !slices.ContainsFunc(q.Children, func(c ql.Q) bool { return !browses(c) })
	case *ql.Text:
		return len(analyze(q.Text, modeQuery)) == 0
	}
	return false
}

// hasLooseText reports whether q has unquoted text of more than one token,
// or an identifier, which the looser modes match differently.
func hasLooseText(q ql.Q) bool {
	switch q := q.(type) {
	case *ql.And:
		return slices.ContainsFunc(q.Children, hasLooseText)
	case *ql.Or:
		return slices.ContainsFunc(q.Children, hasLooseText)
	case *ql.Text:
		return !q.Quoted && len(analyze(q.Text, modeQuery)) > 1
	case *ql.DocNumber:
		_, ok := q.Core()
		return ok
	case *ql.Session:
		return q.Year > 0
	}
	return false
}

// compiler compiles trees in one matching mode (ModeExact, ModeAll,
// ModeAny) at one level.
type compiler struct {
	mode  string
	level string // "" for every level
	// officials are the query's texts, folded, that are the names of
	// people of some meeting (see Index.officialNames).
	officials map[string]bool
	// marks is the index's cache of items' stretches, which item
	// searches read (itemsQuery).
	marks *markCache
}

// clauses compiles the clauses of a query's top, ANDed, into bq: an
// exclusion into its must-not, the rest into its must, but fields, levels
// and dates, which are returned as filters (unscored). ownText reports a
// must clause that reads only this level's text fields, which then needs
// no level filter.
func (c compiler) clauses(q ql.Q, bq *query.BooleanQuery) (filters []query.Query, ownText bool) {
	var any []query.Query
	children := []ql.Q{q}
	if a, ok := q.(*ql.And); ok {
		children = a.Children
	}
	for _, ch := range children {
		switch ch := ch.(type) {
		case *ql.Not:
			if cq := c.compile(ch.Child); cq != nil {
				bq.AddMustNot(cq)
			}
		case *ql.Field, *ql.Level, *ql.DateRange:
			filters = append(filters, c.compile(ch))
		case *ql.Text:
			if c.mode == ModeAny && !ch.Quoted {
				for _, tk := range analyze(ch.Text, modeQuery) {
					any = append(any, c.tokenQuery(tk.Term))
				}
				continue
			}
			if cq := c.compile(ch); cq != nil {
				bq.AddMust(cq)
				ownText = ownText || c.level != ""
			}
		default:
			if cq := c.compile(ch); cq != nil {
				bq.AddMust(cq)
			}
		}
	}
	if len(any) > 0 {
		bq.AddMust(anyTwo(any))
		ownText = ownText || c.level != ""
	}
	return filters, ownText
}

// compile returns the bleve query of q; nil where q has no term to match
// (text that analyses to none, such as 「，。」).
func (c compiler) compile(q ql.Q) query.Query {
	switch q := q.(type) {
	case *ql.And:
		if qs := c.compileEach(q.Children); len(qs) > 0 {
			return query.NewConjunctionQuery(qs)
		}
		return nil
	case *ql.Or:
		if qs := c.compileEach(q.Children); len(qs) > 0 {
			return query.NewDisjunctionQuery(qs)
		}
		return nil
	case *ql.Not:
		cq := c.compile(q.Child)
		if cq == nil {
			// Nothing to exclude (-，。): no clause, as at the top
			// (clauses); bleve's searcher of a nil clause panics.
			return nil
		}
		bq := query.NewBooleanQuery(nil, nil, nil)
		bq.AddMust(query.NewMatchAllQuery())
		bq.AddMustNot(cq)
		return bq
	case *ql.Text:
		tq := c.textQuery(q)
		if k := key(q.Text); tq != nil && c.level == LevelMeeting && c.officials[k] {
			// A name finds the meetings whose people hold it, as
			// extraction read it, however the text writes it (王院長金平,
			// 市长李亚平). Items and decisions are found by their text.
			return query.NewDisjunctionQuery([]query.Query{tq, keyQuery(fOfficial, k)})
		}
		return tq
	case *ql.Level:
		return termQ(fLevel, q.Level)
	case *ql.Field:
		if peopleFields[q.Field] {
			return c.peopleQuery(q.Field, key(q.Value))
		}
		return keyQuery(levelField(c.level, q.Field), key(q.Value))
	case *ql.DateRange:
		return dateQuery(c.level, q)
	case *ql.Session:
		id := query.Query(termQ(levelField(c.level, fSession), strconv.Itoa(q.N)))
		if q.Year > 0 {
			y := strconv.Itoa(q.Year)
			year := query.Query(termQ(levelField(c.level, fSessionYear), y))
			if c.mode != ModeExact {
				// Looser: a meeting numbered within its term (苏州市政府
				// 第115次常务会议) held in that year; exact is a meeting
				// numbered within the year.
				year = query.NewDisjunctionQuery([]query.Query{year, termQ(levelField(c.level, fYear), y)})
			}
			id = query.NewConjunctionQuery([]query.Query{id, year})
		}
		if q.Raw == "" {
			return id
		}
		return query.NewDisjunctionQuery([]query.Query{id, c.compile(&ql.Text{Text: q.Raw, Quoted: true})})
	case *ql.DocNumber:
		docNumber := levelField(c.level, fDocNumber)
		qs := []query.Query{termQ(docNumber, q.Key), c.compile(&ql.Text{Text: q.Raw, Quoted: true})}
		// Looser: a record whose number was printed without the issuer's
		// prefix (〔2020〕36号) matches a query with one (苏府会〔2020〕36号).
		// A record numbered with another prefix (锡府会〔2020〕36号) is
		// another document and does not.
		if core, ok := q.Core(); ok && c.mode != ModeExact {
			other := query.NewRegexpQuery(".+" + regexp.QuoteMeta(core))
			other.SetField(docNumber)
			bare := query.NewBooleanQuery(nil, nil, nil)
			bare.AddMust(termQ(docNumber, core))
			bare.AddMustNot(other)
			qs = append(qs, bare)
		}
		return query.NewDisjunctionQuery(qs)
	}
	panic(fmt.Sprintf("index: unknown query node %T", q))
}

// compileEach compiles each of qs, leaving out those with no term to
// match.
func (c compiler) compileEach(qs []ql.Q) []query.Query {
	var out []query.Query
	for _, q := range qs {
		if cq := c.compile(q); cq != nil {
			out = append(out, cq)
		}
	}
	return out
}

// textQuery matches text as the mode reads it: a phrase in exact mode or
// when quoted, else all (or any) of its tokens.
func (c compiler) textQuery(q *ql.Text) query.Query {
	toks := analyze(q.Text, modeQuery)
	if len(toks) == 0 {
		return nil
	}
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = t.Term
	}
	if c.mode == ModeExact || q.Quoted || len(terms) == 1 {
		return c.phraseQuery(terms)
	}
	qs := make([]query.Query, len(terms))
	for i, t := range terms {
		qs[i] = c.tokenQuery(t)
	}
	if c.mode == ModeAny {
		return anyTwo(qs)
	}
	return query.NewConjunctionQuery(qs)
}

// anyTwo is the loosest mode's match of a query's pieces: two of them at
// least (营商 and 环境 of 营商环境), never one alone, for one common piece
// (环境) is noise, not a hit on the query.
func anyTwo(pieces []query.Query) query.Query {
	d := query.NewDisjunctionQuery(pieces)
	d.SetMin(float64(min(2, len(pieces))))
	return d
}

// dateQuery matches the documents of a level dated within d. The date is
// a keyword, 2020-11-02, and a range of days is split as a numeric range
// is split by precision: the whole years in it are terms of the year
// field, the whole months of the years it cuts are terms of the month
// field, and only the days of the months it cuts are terms of the date
// field. A range over a decade then reads a few dozen terms, not
// thousands of days.
func dateQuery(level string, d *ql.DateRange) query.Query {
	from, to := minDate, maxDate.AddDate(0, 0, -1)
	if d.From != "" {
		from, _ = time.Parse(time.DateOnly, d.From)
	}
	if d.To != "" {
		to, _ = time.Parse(time.DateOnly, d.To)
	}
	var parts []query.Query
	span := func(field, layout string, a, b time.Time) {
		inc := true
		q := query.NewTermRangeInclusiveQuery(a.Format(layout), b.Format(layout), &inc, &inc)
		q.SetField(levelField(level, field))
		parts = append(parts, q)
	}
	monthOf := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
	earlier := func(a, b time.Time) time.Time {
		if a.Before(b) {
			return a
		}
		return b
	}
	later := func(a, b time.Time) time.Time {
		if a.After(b) {
			return a
		}
		return b
	}
	// The days before the first whole month, and after the last.
	if from.Day() != 1 {
		end := earlier(monthOf(from).AddDate(0, 1, -1), to)
		span(fDate, time.DateOnly, from, end)
		from = end.AddDate(0, 0, 1)
	}
	if !from.After(to) && to.AddDate(0, 0, 1).Day() != 1 {
		start := later(monthOf(to), from)
		span(fDate, time.DateOnly, start, to)
		to = start.AddDate(0, 0, -1)
	}
	// The whole months before the first whole year, and after the last.
	// A date of a year alone, 2020, has no month: it is the year's first
	// day, found by its date where the months hold January.
	const monthLayout = "2006-01"
	if !from.After(to) && from.Month() != time.January {
		end := earlier(time.Date(from.Year(), time.December, 1, 0, 0, 0, 0, time.UTC), monthOf(to))
		span(fMonth, monthLayout, from, end)
		from = end.AddDate(0, 1, 0)
	}
	if !from.After(to) && to.Month() != time.December {
		start := later(time.Date(to.Year(), time.January, 1, 0, 0, 0, 0, time.UTC), from)
		span(fMonth, monthLayout, start, to)
		if start.Month() == time.January {
			span(fDate, time.DateOnly, start, start)
		}
		to = start.AddDate(0, 0, -1)
	}
	if !from.After(to) {
		span(fYear, "2006", from, to)
	}
	switch len(parts) {
	case 0:
		return query.NewMatchNoneQuery()
	case 1:
		return parts[0]
	}
	return query.NewDisjunctionQuery(parts)
}

// isOneHan reports whether a term is a single Han character, which the
// index holds as a term only where it stands alone.
func isOneHan(term string) bool {
	r, n := utf8.DecodeRuneInString(term)
	return n == len(term) && unicode.Is(unicode.Han, r)
}

// tokenQuery matches one analysed term in the text fields.
func (c compiler) tokenQuery(term string) query.Query {
	if c.level == LevelMeeting && isOneHan(term) && strings.Contains(unigramChars, term) {
		// A common character of meetings has a term of its own.
		return termQ(fTextChars, term)
	}
	return c.match(func(f textField) query.Query {
		if isOneHan(term) {
			return charQuery(f.name, term, f.boost)
		}
		t := termQ(f.name, term)
		t.SetBoost(f.boost)
		return t
	})
}

// match applies one query to the text fields of the level.
func (c compiler) match(one func(textField) query.Query) query.Query {
	if c.level == LevelMeeting {
		b := bodies[LevelMeeting]
		return titledQuery{title: one(b.title), body: one(b.body)}
	}
	levels := []string{c.level}
	if _, ok := bodies[c.level]; !ok && c.level != LevelDecision {
		levels = []string{LevelMeeting, LevelItem, LevelDecision}
	}
	var qs []query.Query
	for _, l := range levels {
		if b, ok := bodies[l]; ok {
			qs = append(qs, one(b.title), one(b.body))
			if l == LevelItem {
				// The items' texts are in their meetings' (see
				// itemsQuery); item_text holds only those that are not.
				qs = append(qs, itemsQuery{one(bodies[LevelMeeting].body), c.marks})
			}
			continue
		}
		for _, f := range decisionFields {
			qs = append(qs, one(f))
		}
	}
	return query.NewDisjunctionQuery(qs)
}

// charQuery matches a single Han character c in a bigram field. The field
// holds c as a term only where it stands alone; elsewhere it is the first
// or second character of a bigram. So c is found as itself, as the prefix
// of a bigram (c and cX share the prefix) or as the end of one (.c), which
// is every occurrence and nothing else, without a unigram field that would
// double the postings of all text.
func charQuery(field, c string, boost float64) query.Query {
	pre := query.NewPrefixQuery(c)
	pre.SetField(field)
	pre.SetBoost(boost)
	suf := query.NewRegexpQuery("." + regexp.QuoteMeta(c))
	suf.SetField(field)
	suf.SetBoost(boost)
	return steadyQuery{query.NewDisjunctionQuery([]query.Query{pre, suf})}
}

// phraseQuery matches consecutive terms in the text fields.
func (c compiler) phraseQuery(terms []string) query.Query {
	if len(terms) == 1 {
		return c.tokenQuery(terms[0])
	}
	return c.match(func(f textField) query.Query {
		return exactPhraseQuery{terms: terms, field: f.name, boost: f.boost}
	})
}

// childLevels matches the meetings' children: items and decisions.
func childLevels() query.Query {
	return query.NewDisjunctionQuery([]query.Query{termQ(fLevel, LevelItem), termQ(fLevel, LevelDecision)})
}

// peopleQuery matches the documents where a person has a role. Meeting
// documents hold the people; the items and decisions of a meeting match as
// its children (childrenQuery).
func (c compiler) peopleQuery(field, k string) query.Query {
	t := keyQuery(field, k)
	switch c.level {
	case LevelMeeting:
		return t
	case "":
		return query.NewDisjunctionQuery([]query.Query{t, childrenQuery{parents: t, children: childLevels()}})
	}
	return childrenQuery{parents: t, children: termQ(fLevel, c.level)}
}
