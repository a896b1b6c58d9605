package query

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Error is a query that does not parse. Msg says what is wrong and quotes
// the input at fault. Syntax says the fault is in the query's structure
// (a quote or a parenthesis left open, an operator without its term, a
// lone -), not in what a field was given: such a query can still be read
// as its words (Words).
type Error struct {
	Msg    string
	Syntax bool
}

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// syntaxf is errorf for a fault of the query's structure.
func syntaxf(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...), Syntax: true}
}

// Fields are the fields of the index a query can name, beside the
// language's own (level, date, from, to, year, session, doc). The index
// declares them (index.FacetDefs); the parser takes them as data.
type Fields struct {
	// Keywords are the keyword fields, in the order messages list them.
	Keywords []Keyword
	// Levels are the values of level:…, in order.
	Levels []string
}

// Keyword is a keyword field and the names a query types it by: its
// name, then its aliases (department, dept), lower case.
type Keyword struct {
	Field string
	Names []string
}

// Parser reads queries naming a set of Fields. It is safe for concurrent
// use.
type Parser struct {
	levels   []string
	keywords map[string]string // field by every name typed
	names    []string          // a name of each keyword field, in order, for messages
	nameOf   map[string]string // the name Format writes a field by
}

// NewParser returns a parser of queries naming fs.
func NewParser(fs Fields) *Parser {
	p := &Parser{levels: fs.Levels, keywords: map[string]string{}, nameOf: map[string]string{}}
	for _, k := range fs.Keywords {
		p.names = append(p.names, k.Names[0])
		for _, n := range k.Names {
			p.keywords[n] = k.Field
		}
	}
	for _, k := range fs.Keywords {
		for _, n := range k.Names {
			if _, ok := p.nameOf[k.Field]; !ok && p.keywords[n] == k.Field && !builtin[n] {
				p.nameOf[k.Field] = n
			}
		}
	}
	return p
}

// builtin are the fields of the language itself, which a keyword field of
// the same name does not hide.
var builtin = map[string]bool{"level": true, "date": true, "from": true, "to": true, "year": true, "session": true, "doc": true}

// Query syntax (see Parse):
//
//	苏州 氢能           every term must match
//	苏州 AND 氢能        the same: AND is the space written out
//	"燃料电池 规划"      a quoted phrase ("AND", quoted, is a word)
//	-商务局, NOT 商务局   exclude
//	财政局 OR 税务局     either
//	苏州 氢能 OR 防汛     OR binds loosest: both of the first two, or the third
//	苏州 (氢能 OR 防汛)   parentheses group: the first, and either of the others
//	-(商务局 OR 税务局)   exclude a group; NOT (商务局 OR 税务局) is the same
//	issuer:高雄市议会    a keyword field (folded: matches 高雄市議會)
//	date:2020-01..2020-06, date:2020, from:2020-03, to:2021
//	第115次, 第一百一十五次, session:115, 2026年第1次
//	〔2020〕36号 in any bracket form, or doc:苏府会〔2020〕36号
//
// NOT and - bind tightest, then AND and the space, then OR: 甲 乙 OR 丙
// -丁 is (甲 AND 乙) OR (丙 AND NOT 丁). The operators are written in upper
// case; or, and and not are words. A side of OR cannot be excluded whole
// (甲 OR -乙).
//
// Fields: the keyword fields by name and alias (Fields), and level, date,
// from, to, year, session, doc.

// Parse parses a query. An empty query parses to an empty And, which
// matches everything. Its errors are an *Error.
func (p *Parser) Parse(s string) (Q, error) {
	lx, err := lex(s)
	if err != nil {
		return nil, err
	}
	q, i, err := p.parseSeq(lx, 0, s, 0)
	if err != nil {
		return nil, err
	}
	if i != len(lx) {
		// lex pairs every parenthesis it makes a lexeme of.
		return nil, syntaxf("unbalanced parentheses in %q", s)
	}
	return q, nil
}

// Read reads a query as a search box does: by Parse, or, where its
// structure does not parse, by Words, with Parse's error as fallback,
// which says why the query's words were read. Its error is a field's bad
// value, never a fault of structure.
func (p *Parser) Read(s string) (q Q, fallback *Error, err error) {
	q, err = p.Parse(s)
	if e := (*Error)(nil); errors.As(err, &e) && e.Syntax {
		fallback = e
		q, err = p.Words(s)
	}
	if err != nil {
		return nil, nil, err
	}
	return q, fallback, nil
}

// Words reads a query whose structure does not parse (an *Error with
// Syntax) as the words it holds: every quotation mark and parenthesis
// parts words as a space does, and the operators OR, AND and NOT and a
// lone - go, so that what is left is terms and fields that all must match,
// and words excluded (-苏州, NOT 苏州) that none may. A search box that
// turns away 「"燃料电池 规划」 for its open quote helps nobody; searching
// its words does. Where the words left still do not parse, the excluded
// ones go too: an exclusion is never turned into a term. Its error is
// Parse's on what is left (a field's bad value).
func (p *Parser) Words(s string) (Q, error) {
	q, err := p.Parse(strings.Join(wordsOf(s, true), " "))
	if e := (*Error)(nil); errors.As(err, &e) && e.Syntax {
		return p.Parse(strings.Join(wordsOf(s, false), " "))
	}
	return q, err
}

// wordsOf lists the words of s for Words: quotation marks and parentheses
// part them, the operators and a lone - go (-OR is the word OR excluded,
// as Parse reads it); a word excluded (after - or NOT) keeps one - where
// excluded is set and is left out where not.
func wordsOf(s string, excluded bool) []string {
	s = strings.Map(func(r rune) rune {
		if isOpenParen(r) || isCloseParen(r) || slices.ContainsFunc(quotes, func(q [2]rune) bool { return q[0] == r || q[1] == r }) {
			return ' '
		}
		return r
	}, s)
	var words []string
	not := false // the word before was NOT
	for _, w := range strings.FieldsFunc(s, isSpace) {
		t := strings.TrimLeftFunc(w, isMinus)
		neg := t != w || not
		not = w == opNot
		switch {
		case t == "" || w == opOr || w == opAnd || w == opNot:
		case neg && excluded:
			words = append(words, "-"+t)
		case !neg:
			words = append(words, t)
		}
	}
	return words
}

// maxGroupDepth bounds how deep parentheses nest.
const maxGroupDepth = 16

// The operators, in upper case only (or, and, not and a quoted "AND" are
// words), from the loosest: OR, then AND or a space, then NOT (or -),
// which excludes the one unit after it. Parentheses group. It is the
// order of boolean logic and of zoekt's query language (query/parse.go:
// ppp qqq or rrr sss is (ppp qqq) or (rrr sss)); bleve's query string has
// no operators but + and -.
const (
	opOr  = "OR"
	opAnd = "AND"
	opNot = "NOT"
)

// parseSeq parses the query from lx[i] to its end or to the closing
// parenthesis of the group it is in: alternatives joined by OR, each a
// conjunction (parseAnd).
func (p *Parser) parseSeq(lx []lexeme, i int, s string, depth int) (Q, int, error) {
	var alts []Q
	for {
		q, n, next, err := p.parseAnd(lx, i, s, depth)
		if err != nil {
			return nil, 0, err
		}
		more := next < len(lx) && lx[next].op == opOr
		if n == 0 && (more || alts != nil) {
			return nil, 0, syntaxf("OR needs a term on both sides in %q", s)
		}
		if _, ok := q.(*Not); ok && (more || alts != nil) {
			return nil, 0, syntaxf("cannot exclude (- or NOT) a whole side of OR in %q", s)
		}
		alts = append(alts, q)
		i = next
		if !more {
			break
		}
		i++
	}
	if len(alts) == 1 {
		return alts[0], i, nil
	}
	return &Or{Children: alts}, i, nil
}

// parseAnd parses the units from lx[i] to the end, the closing
// parenthesis of the group or OR: all must match, whether AND stands
// between them or a space. It returns them as one node and their number.
func (p *Parser) parseAnd(lx []lexeme, i int, s string, depth int) (Q, int, int, error) {
	var and []Q
	for i < len(lx) && !lx[i].close && lx[i].op != opOr {
		if lx[i].op == opAnd {
			if and == nil || i+1 >= len(lx) || lx[i+1].close || lx[i+1].op == opOr || lx[i+1].op == opAnd {
				return nil, 0, 0, syntaxf("AND needs a term on both sides in %q", s)
			}
			i++
		}
		q, next, err := p.parseNot(lx, i, s, depth)
		if err != nil {
			return nil, 0, 0, err
		}
		and = append(and, q)
		i = next
	}
	if len(and) == 1 {
		return and[0], 1, i, nil
	}
	return &And{Children: and}, len(and), i, nil
}

// parseNot parses one unit at lx[i], excluded when NOT stands before it
// as - would: NOT 商务局 is -商务局, NOT (a OR b) is -(a OR b).
func (p *Parser) parseNot(lx []lexeme, i int, s string, depth int) (Q, int, error) {
	if lx[i].op != opNot {
		return p.parseUnit(lx, i, s, depth)
	}
	if i+1 >= len(lx) || lx[i+1].close || lx[i+1].op == opOr || lx[i+1].op == opAnd {
		return nil, 0, syntaxf("NOT needs a term after it in %q", s)
	}
	q, next, err := p.parseNot(lx, i+1, s, depth)
	if err != nil {
		return nil, 0, err
	}
	return &Not{Child: q}, next, nil
}

// parseUnit parses one term or one parenthesised group at lx[i].
func (p *Parser) parseUnit(lx []lexeme, i int, s string, depth int) (Q, int, error) {
	if !lx[i].open {
		q, err := p.node(lx[i])
		return q, i + 1, err
	}
	if depth >= maxGroupDepth {
		return nil, 0, syntaxf("parentheses nest deeper than %d in %q", maxGroupDepth, s)
	}
	q, j, err := p.parseSeq(lx, i+1, s, depth+1)
	if err != nil {
		return nil, 0, err
	}
	if j >= len(lx) || !lx[j].close {
		return nil, 0, syntaxf("unbalanced parentheses in %q", s)
	}
	if a, ok := q.(*And); ok && len(a.Children) == 0 {
		return nil, 0, syntaxf("empty parentheses in %q", s)
	}
	if lx[i].neg {
		q = &Not{Child: q}
	}
	return q, j + 1, nil
}

// lexeme is one unit of a query: a term, with its - and its field's
// name, or a parenthesis that groups.
type lexeme struct {
	neg    bool
	field  string // as typed, lower case
	value  string
	quoted bool
	op     string // an operator (opOr, opAnd, opNot), not a term
	raw    string
	// open and close are a parenthesis that groups (see groupParens).
	open, close bool
}

// lex cuts a query into lexemes: a term ends at a space, at a
// parenthesis that groups or after the closing mark of its phrase.
func lex(s string) ([]lexeme, error) {
	var out []lexeme
	rs := []rune(s)
	group := groupParens(rs)
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
		if notOpens(rs[i:]) && group[i+len(opNot)] {
			// NOT(…): NOT, then a group, as NOT (…).
			out = append(out, lexeme{op: opNot, raw: opNot})
			i += len(opNot)
			continue
		}
		start := i
		var lx lexeme
		if isMinus(rs[i]) {
			lx.neg = true
			i++
		}
		if i < len(rs) && group[i] {
			// (…) or -(…): a group opens.
			out = append(out, lexeme{open: true, neg: lx.neg, raw: string(rs[start : i+1])})
			i++
			continue
		}
		if n := fieldPrefix(rs[i:]); n > 0 {
			lx.field = strings.ToLower(string(rs[i : i+n-1]))
			i += n
		}
		if i < len(rs) && isQuote(rs[i]) {
			close := closingQuote(rs[i])
			k := i + 1
			for k < len(rs) && rs[k] != close {
				k++
			}
			if k == len(rs) {
				return nil, syntaxf("unterminated quote in %q", s)
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
		if !lx.neg && lx.field == "" && !lx.quoted && (lx.value == opOr || lx.value == opAnd || lx.value == opNot) {
			lx.op = lx.value
		}
		if lx.field != "" && strings.TrimSpace(lx.value) == "" {
			return nil, errorf("%q has no value", lx.raw)
		}
		if lx.neg && lx.field == "" && lx.value == "" {
			return nil, syntaxf("lone - in %q", s)
		}
		out = append(out, lx)
	}
	return out, nil
}

// fieldPrefix returns the length of the field name and colon rs starts
// with (issuer:, Issuer：), 0 for none: ASCII letters then a colon.
func fieldPrefix(rs []rune) int {
	j := 0
	for j < len(rs) && (rs[j] >= 'a' && rs[j] <= 'z' || rs[j] >= 'A' && rs[j] <= 'Z' || rs[j] == '_') {
		j++
	}
	if j > 0 && j < len(rs) && (rs[j] == ':' || rs[j] == '：') {
		return j + 1
	}
	return 0
}

// groupParens marks the parentheses of rs that group terms: one that
// opens a token (after its -) paired with one that closes a later token.
// A token is a term as lex reads it (tokenEnd) with the parentheses that
// open it. A pair within one token is
// text: (2020)36号 is a document number. Unpaired parentheses are text
// too.
func groupParens(rs []rune) map[int]bool {
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
		// The parentheses that open it, each after an optional - or NOT,
		// as lex reads -(-(… or NOT(-(…: one group excluded within
		// another.
		j := i
		for {
			o := j
			if o < len(rs) && isMinus(rs[o]) {
				o++
			} else if notOpens(rs[o:]) {
				o += len(opNot)
			}
			if o >= len(rs) || !isOpenParen(rs[o]) {
				break
			}
			stack = append(stack, open{o, token})
			j = o + 1
		}
		k := tokenEnd(rs, j)
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

// tokenEnd returns the end of the term of rs that starts at j, past any
// parentheses that open it, where lex ends it: after the closing mark of
// a phrase in quotes (after its -, its field's name), else at the next
// space. A quote that is not closed is text here: lex fails on it where
// it opens a term, and reads it as text where it does not (after a
// parenthesis that turns out not to group).
func tokenEnd(rs []rune, j int) int {
	k := j
	if k < len(rs) && isMinus(rs[k]) {
		k++
	}
	k += fieldPrefix(rs[k:])
	if k < len(rs) && isQuote(rs[k]) {
		c := closingQuote(rs[k])
		if n := slices.Index(rs[k+1:], c); n >= 0 {
			return k + 1 + n + 1
		}
	}
	for k < len(rs) && !isSpace(rs[k]) {
		k++
	}
	return k
}

// isSpace reports a rune that separates terms: a space or a character
// folding ignores (a zero-width joiner).
func isSpace(r rune) bool { return unicode.IsSpace(r) || fold.IsIgnorable(r) }

func isMinus(r rune) bool      { return r == '-' || r == '－' }
func isOpenParen(r rune) bool  { return r == '(' || r == '（' }
func isCloseParen(r rune) bool { return r == ')' || r == '）' }

// notOpens reports whether rs starts with NOT and an opening parenthesis,
// NOT(, which excludes a group as -( does when the parenthesis groups.
func notOpens(rs []rune) bool {
	return len(rs) > len(opNot) && string(rs[:len(opNot)]) == opNot && isOpenParen(rs[len(opNot)])
}

// quotes are the quotation marks a phrase can be written in, opening and
// closing.
var quotes = [][2]rune{{'"', '"'}, {'“', '”'}, {'「', '」'}, {'『', '』'}, {'＂', '＂'}}

func isQuote(r rune) bool {
	return slices.ContainsFunc(quotes, func(q [2]rune) bool { return q[0] == r })
}

func closingQuote(r rune) rune {
	for _, q := range quotes {
		if q[0] == r {
			return q[1]
		}
	}
	return r
}

func (p *Parser) node(lx lexeme) (Q, error) {
	q, err := p.positive(lx)
	if err != nil {
		return nil, err
	}
	if lx.neg {
		return &Not{Child: q}, nil
	}
	return q, nil
}

func (p *Parser) positive(lx lexeme) (Q, error) {
	if lx.field == "" {
		if !lx.quoted {
			if q := identifier(lx.value); q != nil {
				return q, nil
			}
		}
		return &Text{Text: lx.value, Quoted: lx.quoted}, nil
	}
	v := strings.TrimSpace(lx.value)
	switch lx.field {
	case "level":
		if !slices.Contains(p.levels, v) {
			return nil, errorf("level must be %s, not %q", orList(p.levels), v)
		}
		return &Level{Level: v}, nil
	case "date":
		from, to, ok := strings.Cut(v, "..")
		if !ok {
			to = from
		}
		return dates(lx.raw, from, to)
	case "from":
		return dates(lx.raw, v, "")
	case "to":
		return dates(lx.raw, "", v)
	case "year":
		if len(v) != 4 || !allDigits(v) {
			return nil, errorf("year must be YYYY in %q", lx.raw)
		}
		return dates(lx.raw, v, v)
	case "session":
		return session(lx.raw, v)
	case "doc":
		return &DocNumber{Key: DocNumberKeys(v)[0], Raw: v}, nil
	}
	f, ok := p.keywords[lx.field]
	if !ok {
		return nil, errorf("unknown field %q in %q; known fields: %s", lx.field, lx.raw, p.knownFields())
	}
	return &Field{Field: f, Value: v}, nil
}

func (p *Parser) knownFields() string {
	return strings.Join(p.names, ", ") + ", level, date, from, to, year, session, doc"
}

// orList lists words as a sentence does: a, b or c.
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
