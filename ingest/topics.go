package ingest

import (
	"sort"
	"strings"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// assignTopics gives each item the taxonomy classes its title and text
// speak of (a keyword in the title counts 3, in the text 1; a class needs 3)
// and the document the union of its items' classes, or, without items, the
// classes of its whole text.
func (e *Extractor) assignTopics(p *page, m *Minutes) {
	for i := range m.Items {
		it := &m.Items[i]
		it.Topics = e.classify(fold.String(it.Title), p.foldedText(it))
		for _, t := range it.Topics {
			if !contains(m.Topics, t) {
				m.Topics = append(m.Topics, t)
			}
		}
	}
	if len(m.Items) == 0 {
		// m.Text is p.disp, which folds to p.norm.
		m.Topics = e.classify(fold.String(m.Title), p.norm)
	}
}

// foldedText returns the folded form of an item's text, which is the span of
// p.disp from it.Start to it.End with its spaces trimmed: the span of p.norm
// folded from it, since folding goes rune by rune.
func (p *page) foldedText(it *Item) string {
	span := p.disp[it.Start:it.End]
	a := it.Start + len(span) - len(strings.TrimLeftFunc(span, unicode.IsSpace))
	b := a + len(it.Text)
	if b > len(p.disp) || p.disp[a:b] != it.Text {
		return fold.String(it.Text) // not where it was taken from
	}
	return p.norm[sort.SearchInts(p.offs, a):sort.SearchInts(p.offs, b)]
}

func (e *Extractor) classify(title, text string) []string {
	out := []string{}
	scores := make([]int, len(e.topics))
	e.topicIx.count(title, 3, scores)
	e.topicIx.count(text, 1, scores)
	for c, t := range e.topics {
		if scores[c] >= 3 {
			out = append(out, t.label)
		}
	}
	return out
}
