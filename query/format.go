package query

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format prints q in the query language, in a canonical form that Parse
// reads back to an equal tree: terms one space apart (AND written as the
// space, NOT as -), OR between alternatives, parentheses only where the
// tree nests against the operators' binding (an OR within an AND or an
// OR, an AND within an AND, anything but a term excluded), and keyword
// fields by their first name. Format(Parse(s)) is s tidied; a term that
// ends with a parenthesis which was text, 苏州), is written alone in
// parentheses, (苏州) ), where it cannot close a group.
func (p *Parser) Format(q Q) string {
	var b strings.Builder
	p.seq(&b, q)
	return b.String()
}

// seq writes q as the parser reads a sequence: an Or's children joined by
// OR, each an And's children one space apart (AND binds tighter than OR).
func (p *Parser) seq(b *strings.Builder, q Q) {
	switch q := q.(type) {
	case *Or:
		for i, c := range q.Children {
			if i > 0 {
				b.WriteString(" OR ")
			}
			if a, ok := c.(*And); ok {
				p.and(b, a)
				continue
			}
			p.unit(b, c)
		}
	case *And:
		p.and(b, q)
	default:
		p.unit(b, q)
	}
}

// and writes an And's children one space apart, each a unit.
func (p *Parser) and(b *strings.Builder, q *And) {
	for i, c := range q.Children {
		if i > 0 {
			b.WriteByte(' ')
		}
		p.unit(b, c)
	}
}

// unit writes q as one unit of a sequence: a term, an excluded unit or a
// group in parentheses.
func (p *Parser) unit(b *strings.Builder, q Q) {
	switch q := q.(type) {
	case *And, *Or:
		p.group(b, q)
	case *Not:
		if t, ok := q.Child.(*Text); ok && !t.Quoted && startsMinus(t.Text) && closesBare(t.Text) {
			// --) excludes the text -): in a group of its own the
			// exclusion is written whole, (--) ), as the text alone in one,
			// -(-) ), would read as an exclusion itself.
			b.WriteString("(-" + t.Text + " )")
			return
		}
		b.WriteByte('-')
		if t, ok := q.Child.(*Text); ok && t.Text == "" {
			// -"" is a lone -: the empty phrase is excluded as a group.
			p.group(b, t)
			return
		}
		switch q.Child.(type) {
		case *And, *Or, *Not:
			p.group(b, q.Child)
			return
		}
		p.term(b, q.Child)
	default:
		p.term(b, q)
	}
}

// group writes q in parentheses. A parenthesis groups only when it
// opens one token and closes another (groupParens): a group of one token
// gets a space before its closing parenthesis.
func (p *Parser) group(b *strings.Builder, q Q) {
	var in strings.Builder
	p.seq(&in, q)
	b.WriteByte('(')
	b.WriteString(in.String())
	if rs := []rune(in.String()); tokenEnd(rs, 0) == len(rs) {
		b.WriteByte(' ')
	}
	b.WriteByte(')')
}

// term writes a node that is one term of the language.
func (p *Parser) term(b *strings.Builder, q Q) {
	switch q := q.(type) {
	case *Text:
		switch {
		case q.Quoted:
			b.WriteString(quote(q.Text))
		case closesBare(q.Text):
			// Alone in a group of its own, the parenthesis it ends with
			// shares its token with the group's opening one, and so is
			// text, as it was where the query was read.
			b.WriteString("(" + q.Text + " )")
		default:
			b.WriteString(q.Text)
		}
	case *Field:
		b.WriteString(p.nameOf[q.Field] + ":" + quote(q.Value))
	case *Level:
		b.WriteString("level:" + q.Level)
	case *DateRange:
		b.WriteString("date:" + q.From + ".." + q.To)
	case *Session:
		switch n, ok := identifier(q.Raw).(*Session); {
		case ok && *n == *q && oneTerm(q.Raw) && !closesBare(q.Raw):
			b.WriteString(q.Raw)
		case q.Raw != "":
			b.WriteString("session:" + quote(q.Raw))
		default:
			b.WriteString("session:" + strconv.Itoa(q.N))
		}
	case *DocNumber:
		if n, ok := identifier(q.Raw).(*DocNumber); ok && *n == *q && oneTerm(q.Raw) && !closesBare(q.Raw) {
			b.WriteString(q.Raw)
			return
		}
		b.WriteString("doc:" + quote(q.Raw))
	default:
		panic(fmt.Sprintf("query: unknown node %T", q))
	}
}

// closesBare reports whether the term s, written bare, could close a
// group: it ends with a closing parenthesis that no opening one at its
// start (after NOT, NOT(b)) keeps in its token.
func closesBare(s string) bool {
	rs := []rune(s)
	return len(rs) > 0 && isCloseParen(rs[len(rs)-1]) && !isOpenParen(rs[0]) && !notOpens(rs)
}

// startsMinus reports whether s starts with a minus, which lex reads as
// an exclusion at the start of a term.
func startsMinus(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isMinus(r)
}

// oneTerm reports whether s, written bare, is read as one term of free
// text.
func oneTerm(s string) bool {
	lx, err := lex(s)
	return err == nil && len(lx) == 1 && lx[0].raw == s && !lx[0].neg && lx[0].field == "" && !lx[0].quoted && lx[0].op == ""
}

// quote writes s as a phrase, in the first quotation marks whose closing
// mark s does not hold. A phrase read from a query holds at most four of
// the five; s holding all five is left bare.
func quote(s string) string {
	for _, q := range quotes {
		if !strings.ContainsRune(s, q[1]) {
			return string(q[0]) + s + string(q[1])
		}
	}
	return s
}
