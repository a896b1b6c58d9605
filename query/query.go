package query

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Q is a node of a parsed query. The tree is built by Parser.Parse and
// compiled to searchers by the index.
type Q interface {
	String() string
}

// And matches documents matching every child.
type And struct{ Children []Q }

// Or matches documents matching any child.
type Or struct{ Children []Q }

// Not excludes documents matching its child.
type Not struct{ Child Q }

// Text is free text: a CJK run is matched as a phrase of bigrams, a single
// Han character on the unigram field. Quoted text stays a phrase when the
// search falls back to looser modes.
type Text struct {
	Text   string
	Quoted bool
}

// Field is an exact match on a keyword field (issuer:高雄市议会). Field is
// the field the name typed stands for (Fields); Value is as typed, trimmed,
// and is folded when compiled.
type Field struct {
	Field string
	Value string
}

// Level keeps hits to one level of document (level:decision): one of
// Fields.Levels, matched as typed.
type Level struct{ Level string }

// DateRange matches meeting dates From..To inclusive, both YYYY-MM-DD; an
// empty bound is open.
type DateRange struct{ From, To string }

// Session is a meeting number: 第115次 (Year 0) or 2026年第1次.
type Session struct {
	Year int
	N    int
	Raw  string // as typed, also matched as a phrase in the text
}

// DocNumber is a document number (文号): Key is its first key
// (DocNumberKeys), 苏府会〔2020〕36号 or 〔2020〕36号; Raw is as typed.
type DocNumber struct {
	Key string
	Raw string
}

// The String forms are for tests and messages: a Lisp-like form that shows
// the tree's shape. Format prints a tree in the query language.

func (q *And) String() string { return "(and " + joinQ(q.Children) + ")" }
func (q *Or) String() string  { return "(or " + joinQ(q.Children) + ")" }
func (q *Not) String() string { return "(not " + q.Child.String() + ")" }
func (q *Text) String() string {
	if q.Quoted {
		return strconv.Quote(q.Text)
	}
	return "text:" + q.Text
}
func (q *Field) String() string     { return q.Field + ":" + q.Value }
func (q *Level) String() string     { return "level:" + q.Level }
func (q *DateRange) String() string { return "date:" + q.From + ".." + q.To }
func (q *Session) String() string {
	if q.Year > 0 {
		return fmt.Sprintf("session:%d/%d", q.Year, q.N)
	}
	return fmt.Sprintf("session:%d", q.N)
}
func (q *DocNumber) String() string { return "doc:" + q.Key }

func joinQ(qs []Q) string {
	s := make([]string, len(qs))
	for i, q := range qs {
		s[i] = q.String()
	}
	return strings.Join(s, " ")
}

// Marked calls fn with each part of q that text is searched for, the
// parts a hit's snippet and a meeting's page mark: outside exclusions,
// free text (t its node) and the raw form of meeting and document numbers
// (t nil), which are marked whole.
func Marked(q Q, fn func(s string, t *Text)) {
	Visit(q, func(q Q) bool {
		switch q := q.(type) {
		case *Not:
			return false
		case *Text:
			fn(q.Text, q)
		case *Session:
			if q.Raw != "" {
				fn(q.Raw, nil)
			}
		case *DocNumber:
			fn(q.Raw, nil)
		}
		return true
	})
}

// MarkedWords lists the words of the query s that a meeting's page lists
// above its text and marks in it as they are written, folded: the words
// of its Marked parts, each free text's words and each number whole. A
// query whose structure does not parse marks its words (Read); one that
// fails on a field marks nothing.
func (p *Parser) MarkedWords(s string) []string {
	if s == "" {
		return nil
	}
	q, _, err := p.Read(s)
	if err != nil {
		return nil
	}
	var out []string
	Marked(q, func(s string, t *Text) {
		if t == nil {
			out = append(out, fold.String(s))
			return
		}
		for _, w := range strings.Fields(s) {
			if f := fold.String(w); f != "" {
				out = append(out, f)
			}
		}
	})
	return out
}

// Visit calls fn on q and, where fn returns true, on q's children, depth
// first.
func Visit(q Q, fn func(Q) bool) {
	if !fn(q) {
		return
	}
	switch q := q.(type) {
	case *And:
		for _, c := range q.Children {
			Visit(c, fn)
		}
	case *Or:
		for _, c := range q.Children {
			Visit(c, fn)
		}
	case *Not:
		Visit(q.Child, fn)
	}
}
