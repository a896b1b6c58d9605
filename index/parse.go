package index

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

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

func badQuery(format string, args ...any) error {
	return &QueryError{Param: "q", Msg: fmt.Sprintf(format, args...)}
}

// Query syntax (see Parse):
//
//	苏州 氢能           every term must match (AND)
//	"燃料电池 规划"      a quoted phrase
//	-商务局             exclude
//	财政局 OR 税务局     either (OR binds tighter than AND: a b OR c is a AND (b OR c))
//	(苏州 氢能) OR 防汛   parentheses group: here both of the first two, or the third
//	-(商务局 OR 税务局)   exclude a group
//	issuer:高雄市议会    a keyword field (folded: matches 高雄市議會)
//	date:2020-01..2020-06, date:2020, from:2020-03, to:2021
//	第115次, 第一百一十五次, session:115, 2026年第1次
//	〔2020〕36号 in any bracket form, or doc:苏府会〔2020〕36号
//
// Fields: the keyword facets by name and alias (issuer, department or
// dept, topic, official, chair …: see FacetDefs), and level, date, from,
// to, year, session, doc.
var fieldNames = func() map[string]string {
	m := maps.Clone(queryFacetFields)
	maps.Copy(m, map[string]string{
		"level": fLevel, "date": fDate, "from": "from", "to": "to", "year": fYear,
		"session": fSession, "doc": fDocNumber,
	})
	return m
}()

// Parse parses a query. An empty query parses to an empty And, which
// matches everything.
func Parse(s string) (Q, error) {
	lx, err := lex(s)
	if err != nil {
		return nil, err
	}
	q, i, err := parseSeq(lx, 0, s, 0)
	if err != nil {
		return nil, err
	}
	if i != len(lx) {
		// lex pairs every parenthesis it makes a lexeme of.
		return nil, badQuery("unbalanced parentheses in %q", s)
	}
	return q, nil
}

// maxGroupDepth bounds how deep parentheses nest.
const maxGroupDepth = 16

// parseSeq parses the units from lx[i] to the end or the closing
// parenthesis of the group it is in: ANDed, each its terms joined by OR.
func parseSeq(lx []lexeme, i int, s string, depth int) (Q, int, error) {
	var and []Q
	for i < len(lx) && !lx[i].close {
		if lx[i].or {
			return nil, 0, badQuery("OR needs a term on both sides in %q", s)
		}
		q, next, err := parseUnit(lx, i, s, depth)
		if err != nil {
			return nil, 0, err
		}
		i = next
		var alts []Q
		for i < len(lx) && lx[i].or {
			if i+1 >= len(lx) || lx[i+1].or || lx[i+1].close {
				return nil, 0, badQuery("OR needs a term on both sides in %q", s)
			}
			if alts == nil {
				alts = []Q{q}
			}
			alt, next, err := parseUnit(lx, i+1, s, depth)
			if err != nil {
				return nil, 0, err
			}
			alts = append(alts, alt)
			i = next
		}
		if alts != nil {
			for _, a := range alts {
				if _, ok := a.(*Not); ok {
					return nil, 0, badQuery("cannot exclude (-) inside OR in %q", s)
				}
			}
			q = &Or{Children: alts}
		}
		and = append(and, q)
	}
	if len(and) == 1 {
		return and[0], i, nil
	}
	return &And{Children: and}, i, nil
}

// parseUnit parses one term or one parenthesised group at lx[i].
func parseUnit(lx []lexeme, i int, s string, depth int) (Q, int, error) {
	if !lx[i].open {
		q, err := lx[i].node()
		return q, i + 1, err
	}
	if depth >= maxGroupDepth {
		return nil, 0, badQuery("parentheses nest deeper than %d in %q", maxGroupDepth, s)
	}
	q, j, err := parseSeq(lx, i+1, s, depth+1)
	if err != nil {
		return nil, 0, err
	}
	if j >= len(lx) || !lx[j].close {
		return nil, 0, badQuery("unbalanced parentheses in %q", s)
	}
	if a, ok := q.(*And); ok && len(a.Children) == 0 {
		return nil, 0, badQuery("empty parentheses in %q", s)
	}
	if lx[i].neg {
		q = &Not{Child: q}
	}
	return q, j + 1, nil
}

// lexeme is one whitespace-separated unit of a query.
type lexeme struct {
	neg    bool
	field  string // as typed, lower case
	value  string
	quoted bool
	or     bool
	raw    string
	// open and close are a parenthesis that groups (see groupParens).
	open, close bool
}

func lex(s string) ([]lexeme, error) {
	var out []lexeme
	rs := []rune(s)
	isSpace := func(r rune) bool { return unicode.IsSpace(r) || fold.IsIgnorable(r) }
	group := groupParens(rs, isSpace)
	for i := 0; i < len(rs); {
		if isSpace(rs[i]) {
			i++
			continue
		}
		if group[i] && isCloseParen(rs[i]) {
			out = append(out, lexeme{close: true, raw: string(rs[i])})
			i++
			continue
		}
		start := i
		var lx lexeme
		if rs[i] == '-' || rs[i] == '－' {
			lx.neg = true
			i++
		}
		if i < len(rs) && group[i] {
			// (…) or -(…): a group opens.
			out = append(out, lexeme{open: true, neg: lx.neg, raw: string(rs[start : i+1])})
			i++
			continue
		}
		// Field prefix: ASCII letters then a colon.
		j := i
		for j < len(rs) && (rs[j] >= 'a' && rs[j] <= 'z' || rs[j] >= 'A' && rs[j] <= 'Z' || rs[j] == '_') {
			j++
		}
		if j > i && j < len(rs) && (rs[j] == ':' || rs[j] == '：') {
			lx.field = strings.ToLower(string(rs[i:j]))
			i = j + 1
		}
		if i < len(rs) && isQuote(rs[i]) {
			close := closingQuote(rs[i])
			k := i + 1
			for k < len(rs) && rs[k] != close {
				k++
			}
			if k == len(rs) {
				return nil, badQuery("unterminated quote in %q", s)
			}
			lx.value = string(rs[i+1 : k])
			lx.quoted = true
			i = k + 1
		} else {
			k := i
			for k < len(rs) && !isSpace(rs[k]) && !group[k] {
				k++
			}
			lx.value = string(rs[i:k])
			i = k
		}
		lx.raw = string(rs[start:i])
		if !lx.neg && lx.field == "" && !lx.quoted && lx.value == "OR" {
			lx.or = true
		}
		if lx.field != "" && strings.TrimSpace(lx.value) == "" {
			return nil, badQuery("%q has no value", lx.raw)
		}
		if lx.neg && lx.field == "" && lx.value == "" {
			return nil, badQuery("lone - in %q", s)
		}
		out = append(out, lx)
	}
	return out, nil
}

// groupParens marks the parentheses of rs that group terms: one that
// opens a whitespace-separated token (after its -) paired with one that
// closes a later token. A pair within one token is text: (2020)36号 is a
// document number. Unpaired parentheses are text too.
func groupParens(rs []rune, isSpace func(rune) bool) map[int]bool {
	type open struct{ at, token int }
	var stack []open
	out := map[int]bool{}
	token := 0
	for i := 0; i < len(rs); {
		if isSpace(rs[i]) {
			i++
			continue
		}
		token++
		j := i
		if rs[j] == '-' || rs[j] == '－' {
			j++
		}
		for j < len(rs) && isOpenParen(rs[j]) {
			stack = append(stack, open{j, token})
			j++
		}
		// The token's end, past a quoted phrase's spaces.
		k := j
		for k < len(rs) && !isSpace(rs[k]) {
			if isQuote(rs[k]) {
				c := closingQuote(rs[k])
				for k++; k < len(rs) && rs[k] != c; k++ {
				}
			}
			if k < len(rs) {
				k++
			}
		}
		// Its closing parentheses, innermost first.
		e := k
		for e > j && isCloseParen(rs[e-1]) {
			e--
		}
		for c := e; c < k; c++ {
			n := len(stack)
			if n == 0 || stack[n-1].token == token {
				break
			}
			out[stack[n-1].at], out[c] = true, true
			stack = stack[:n-1]
		}
		i = k
	}
	return out
}

func isOpenParen(r rune) bool  { return r == '(' || r == '（' }
func isCloseParen(r rune) bool { return r == ')' || r == '）' }

func isQuote(r rune) bool {
	return r == '"' || r == '“' || r == '「' || r == '『' || r == '＂'
}

func closingQuote(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '「':
		return '」'
	case '『':
		return '』'
	}
	return r
}

func (lx lexeme) node() (Q, error) {
	q, err := lx.positive()
	if err != nil {
		return nil, err
	}
	if lx.neg {
		return &Not{Child: q}, nil
	}
	return q, nil
}

func (lx lexeme) positive() (Q, error) {
	if lx.field == "" {
		if !lx.quoted {
			if q := identifier(lx.value); q != nil {
				return q, nil
			}
		}
		return &Text{Text: lx.value, Quoted: lx.quoted}, nil
	}
	f, ok := fieldNames[lx.field]
	if !ok {
		return nil, badQuery("unknown field %q in %q; known fields: %s", lx.field, lx.raw, knownFields())
	}
	v := strings.TrimSpace(lx.value)
	switch f {
	case fLevel:
		if v != LevelMeeting && v != LevelItem && v != LevelDecision {
			return nil, badQuery("level must be meeting, item or decision, not %q", v)
		}
		return &Field{Field: f, Value: v}, nil
	case fDate:
		from, to, ok := strings.Cut(v, "..")
		if !ok {
			to = from
		}
		return dateRange(lx.raw, from, to)
	case "from":
		return dateRange(lx.raw, v, "")
	case "to":
		return dateRange(lx.raw, "", v)
	case fYear:
		if len(v) != 4 || !allDigits(v) {
			return nil, badQuery("year must be YYYY in %q", lx.raw)
		}
		return dateRange(lx.raw, v, v)
	case fSession:
		if q := identifier(v); q != nil {
			if s, ok := q.(*Session); ok {
				return s, nil
			}
		}
		n, err := strconv.Atoi(fold.String(v))
		if err != nil || n <= 0 {
			return nil, badQuery("session must be a number in %q", lx.raw)
		}
		return &Session{N: n}, nil
	case fDocNumber:
		keys := docNumberKeys(v)
		return &DocNumber{Key: keys[0], Raw: v}, nil
	}
	return &Field{Field: f, Value: v}, nil
}

func knownFields() string {
	return queryFacetNames() + ", level, date, from, to, year, session, doc"
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// sessionRE matches a folded meeting number: 第115次, 2026年第1次.
var sessionRE = regexp.MustCompile(`^(?:(\d{4}|[〇零一二三四五六七八九]{4})年)?第([0-9]+|[〇零一二两三四五六七八九十百千]+)次(?:会议)?$`)

// identifier recognises a meeting number or a document number typed as a
// term.
func identifier(s string) Q {
	f := key(s)
	if m := sessionRE.FindStringSubmatch(f); m != nil {
		n, ok := number(m[2])
		if !ok || n <= 0 {
			return nil
		}
		q := &Session{N: n, Raw: s}
		if m[1] != "" {
			y, ok := number(m[1])
			if !ok {
				return nil
			}
			q.Year = y
		}
		return q
	}
	if full, _, ok := canonicalDocNumber(s); ok {
		return &DocNumber{Key: full, Raw: s}
	}
	return nil
}

func number(s string) (int, bool) {
	if allDigits(s) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return parseNumeral(s)
}

// dateRange is dateSpan as a query of the parsed tree.
func dateRange(raw, from, to string) (Q, error) {
	d, err := dateSpan(raw, from, to)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// dateSpan turns YYYY, YYYY-MM or YYYY-MM-DD bounds into whole days; raw
// is the text they came from, for the error (a *QueryError).
func dateSpan(raw, from, to string) (*DateRange, error) {
	var q DateRange
	if from != "" {
		t, _, err := parseBound(from)
		if err != nil {
			return nil, badQuery("%v in %q", err, raw)
		}
		q.From = t.Format(time.DateOnly)
	}
	if to != "" {
		t, layout, err := parseBound(to)
		if err != nil {
			return nil, badQuery("%v in %q", err, raw)
		}
		switch layout {
		case "2006":
			t = t.AddDate(1, 0, -1)
		case "2006-01":
			t = t.AddDate(0, 1, -1)
		}
		q.To = t.Format(time.DateOnly)
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return nil, badQuery("date range %s..%s is empty in %q", from, to, raw)
	}
	return &q, nil
}

// parseBound reads a date bound: YYYY, YYYY-MM or YYYY-MM-DD. It returns the
// first day of the period and the layout that matched.
func parseBound(s string) (time.Time, string, error) {
	s = fold.String(strings.TrimSpace(s))
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) != len(layout) {
			continue
		}
		if t, err := time.Parse(layout, s); err == nil {
			return t, layout, nil
		}
	}
	if !utf8.ValidString(s) {
		s = strconv.Quote(s)
	}
	return time.Time{}, "", fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
}
