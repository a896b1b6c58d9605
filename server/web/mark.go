package web

import (
	"html/template"
	"sort"
	"strings"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/fold"
	"github.com/jiyao-search/jiyao/query"
)

// queryTerms lists the free-text terms of a query worth marking: the words
// of its text, not of excluded parts or fields. A query that does not parse
// marks nothing.
func queryTerms(q string) []string {
	if q == "" {
		return nil
	}
	parsed, err := index.Parse(q)
	if err != nil {
		return nil
	}
	var out []string
	query.Visit(parsed, func(n query.Q) bool {
		switch n := n.(type) {
		case *query.Not:
			return false
		case *query.Text:
			for _, w := range strings.Fields(n.Text) {
				if t := fold.String(w); t != "" {
					out = append(out, t)
				}
			}
		case *query.Session:
			if n.Raw != "" {
				out = append(out, fold.String(n.Raw))
			}
		case *query.DocNumber:
			out = append(out, fold.String(n.Raw))
		}
		return true
	})
	return out
}

// markTerms returns text, escaped, with every occurrence of the folded
// terms in <mark>, matching in folded form so that a traditional text is
// marked for a simplified term.
func markTerms(text string, terms []string) template.HTML {
	if len(terms) == 0 || text == "" {
		return template.HTML(template.HTMLEscapeString(text))
	}
	folded, offs := fold.Offsets(text)
	type span struct{ start, end int }
	var spans []span
	for _, t := range terms {
		for i := 0; i < len(folded); {
			j := strings.Index(folded[i:], t)
			if j < 0 {
				break
			}
			a, b := i+j, i+j+len(t)
			if s, e := offs[a], offs[b]; e > s {
				spans = append(spans, span{s, e})
			}
			i = b
		}
	}
	if len(spans) == 0 {
		return template.HTML(template.HTMLEscapeString(text))
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	merged := spans[:1]
	for _, s := range spans[1:] {
		last := &merged[len(merged)-1]
		if s.start <= last.end {
			last.end = max(last.end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	var b strings.Builder
	at := 0
	for _, s := range merged {
		b.WriteString(template.HTMLEscapeString(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		at = s.end
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}
