package ingest

import (
	"sort"
	"strings"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// assignTopics gives each item the taxonomy classes its title and text
// speak of (a keyword in the title counts 3, in the text 1; a class needs 3)
// and the document its own classes (documentTopics).
func (e *Extractor) assignTopics(p *page, m *Minutes) {
	for i := range m.Items {
		it := &m.Items[i]
		it.Topics = e.classify(fold.String(it.Title), p.foldedText(it))
	}
	m.Topics = e.documentTopics(p, m)
}

// Weights of a keyword by where it stands, and the bounds of a document's
// classes.
const (
	topicTitleWeight    = 6  // in the document's title
	topicItemWeight     = 3  // in an item's title or a decision's object
	topicBodyCap        = 12 // the body's count of a class is capped
	topicMinScore       = 4  // a class needs this score
	topicMaxClasses     = 3  // a document has at most this many
	topicShareOfTopDiv  = 3  // and each at least 1/this of the top score
	topicGeneralAffairs = "综合政务"
	topicHeadLines      = 6 // the lines of a record's head
)

// documentTopics weighs where the taxonomy's words stand: the title above
// item titles and decisions, those above the body, whose count is capped so
// that a long transcript's chatter does not outweigh its business. It keeps
// the classes that score enough, at most three; a record whose business no
// class names is general government business (综合政务).
func (e *Extractor) documentTopics(p *page, m *Minutes) []string {
	scores := make([]int, len(e.topics))
	e.topicIx.count(fold.String(m.Title), topicTitleWeight, scores)
	// The head of the record names its business (市政總質詢, 施政報告):
	// weighed as an item title.
	e.topicIx.count(p.norm[:p.lines[min(len(p.lines)-1, topicHeadLines)][1]], topicItemWeight, scores)
	for _, it := range m.Items {
		e.topicIx.count(fold.String(it.Title), topicItemWeight, scores)
		for _, d := range it.Decisions {
			e.topicIx.count(fold.String(d.Object), topicItemWeight, scores)
		}
	}
	body := make([]int, len(e.topics))
	// m.Text is p.disp, which folds to p.norm.
	e.topicIx.count(p.norm, 1, body)
	order := make([]int, len(e.topics))
	for c := range scores {
		scores[c] += min(body[c], topicBodyCap)
		order[c] = c
	}
	sort.SliceStable(order, func(i, j int) bool { return scores[order[i]] > scores[order[j]] })
	out := []string{}
	for _, c := range order {
		if len(out) == topicMaxClasses || scores[c] < topicMinScore || scores[c]*topicShareOfTopDiv < scores[order[0]] {
			break
		}
		out = append(out, e.topics[c].label)
	}
	if len(out) == 0 {
		for _, t := range e.topics {
			if t.label == topicGeneralAffairs {
				out = append(out, t.label)
			}
		}
	}
	return out
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
