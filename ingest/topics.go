package ingest

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// assignTopics gives each item the taxonomy classes its title and text
// speak of (a keyword in the title counts 3, in the text 1; a class needs 3)
// and the document its own classes (documentTopics).
//
// The body's counts are the items' texts' counts and those of the text
// outside the items, so that the text is read once.
func (e *Extractor) assignTopics(p *page, m *Minutes) {
	tc := topicCounter{ix: e.topicIx, masks: slices.Concat(homeWords(m), topicMasks)}
	body := make([]int, len(e.topics))
	var spans [][2]int
	for i := range m.Items {
		it := &m.Items[i]
		text, span, ok := p.foldedSpan(it)
		counts := make([]int, len(e.topics))
		tc.count(text, 1, counts)
		it.Topics = e.classifyCounts(tc, fold.String(it.Title), counts)
		if ok {
			for c := range body {
				body[c] += counts[c]
			}
			spans = append(spans, span)
		}
	}
	// The text outside the items.
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	at := 0
	for _, sp := range spans {
		if sp[0] > at {
			tc.count(p.norm[at:sp[0]], 1, body)
		}
		at = max(at, sp[1])
	}
	if at < len(p.norm) {
		tc.count(p.norm[at:], 1, body)
	}
	m.Topics = e.documentTopics(p, m, body, tc)
}

// topicCounter counts the taxonomy's words in a record's texts, leaving out
// masks: the words that name the record's own home (homeWords) and those
// that hold a class's keyword without being of it (topicMasks).
type topicCounter struct {
	ix    topicIndex
	masks []string
}

// topicMasks are folded words that hold a keyword of a class they are no
// part of: the legislature 立法院 holds 法院, a court's word.
var topicMasks = []string{"立法院"}

func (tc topicCounter) count(text string, weight int, scores []int) {
	for _, h := range tc.masks {
		if strings.Contains(text, h) {
			text = strings.ReplaceAll(text, h, strings.Repeat(" ", len(h)))
		}
	}
	tc.ix.count(text, weight, scores)
}

// homeWords are the folded words that name where a record's issuer sits:
// 香港 in the Legislative Council's records, 台湾 in a Taiwan council's.
// Said of oneself they are no business with Hong Kong or Taiwan (港澳台侨
// 工作).
func homeWords(m *Minutes) []string {
	f := fold.String(m.Issuer)
	switch {
	case strings.Contains(f, "香港"):
		return []string{"香港"}
	case strings.Contains(f, "澳门"):
		return []string{"澳门"}
	case m.Script == "traditional" && m.Issuer != "":
		// Traditional script from neither: Taiwan's bodies.
		return []string{"台湾"}
	}
	return nil
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
func (e *Extractor) documentTopics(p *page, m *Minutes, body []int, tc topicCounter) []string {
	scores := make([]int, len(e.topics))
	tc.count(fold.String(m.Title), topicTitleWeight, scores)
	// The head of the record names its business (市政總質詢, 施政報告):
	// weighed as an item title.
	tc.count(p.norm[:p.lines[min(len(p.lines)-1, topicHeadLines)][1]], topicItemWeight, scores)
	for _, it := range m.Items {
		tc.count(fold.String(it.Title), topicItemWeight, scores)
		for _, d := range it.Decisions {
			tc.count(fold.String(d.Object), topicItemWeight, scores)
		}
	}
	// The bodies given work name the field of it (勞工及福利局, 教育局);
	// a house's committees (教育科学文化卫生委员会) name fields they cover,
	// not what a sitting was about.
	for _, d := range m.Departments {
		if f := fold.String(d); !strings.HasSuffix(f, "委员会") {
			tc.count(f, topicItemWeight, scores)
		}
	}
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
	if len(out) == 0 || (generalQuestioning(p) || governmentPlenary(m)) && !slices.Contains(out, topicGeneralAffairs) {
		// A sitting that questions the executive on its whole
		// administration, or a government's plenary meeting (国务院第二次
		// 全体会议), is general government business first.
		for _, t := range e.topics {
			if t.label == topicGeneralAffairs {
				out = append([]string{t.label}, out[:min(len(out), topicMaxClasses-1)]...)
			}
		}
	}
	return out
}

// governmentPlenary reports whether a record is of a government's plenary
// meeting (国务院全体会议, 市政府全体会议), which takes up its whole work:
// not a plenary of one of its committees (国务院食品安全委员会全体会议).
func governmentPlenary(m *Minutes) bool {
	issuer := fold.String(m.Issuer)
	return strings.Contains(fold.String(m.Meeting.Kind), "全体会议") &&
		(strings.HasSuffix(issuer, "国务院") || strings.HasSuffix(issuer, "人民政府"))
}

// generalQuestioning reports whether a sitting's business is the general
// questioning of the executive on its report (市政總質詢, 對行政院院長施政報告
// 繼續質詢, 聽取市長施政報告): a line of the agenda, not of a speech, that
// names it and ends with it.
func generalQuestioning(p *page) bool {
	talk := p.speeches()
	for k := range linesWith(p, "总质询", "施政报告", "施政方针") {
		l := strings.TrimRight(strings.TrimSpace(p.line(k)), "。. ")
		if runeCount(l) > 40 || talk.holds(p.lines[k][0]) {
			continue
		}
		if strings.HasSuffix(l, "质询") || strings.HasSuffix(l, "施政报告") {
			return true
		}
	}
	return false
}

// foldedSpan returns the folded form of an item's text, which is the span
// of p.disp from it.Start to it.End with its spaces trimmed: the span of
// p.norm folded from it, since folding goes rune by rune. ok is false for a
// text that is not where it was taken from.
func (p *page) foldedSpan(it *Item) (string, [2]int, bool) {
	span := p.disp[it.Start:it.End]
	a := it.Start + len(span) - len(strings.TrimLeftFunc(span, unicode.IsSpace))
	b := a + len(it.Text)
	if b > len(p.disp) || p.disp[a:b] != it.Text {
		return fold.String(it.Text), [2]int{}, false
	}
	i, j := sort.SearchInts(p.offs, a), sort.SearchInts(p.offs, b)
	return p.norm[i:j], [2]int{i, j}, true
}

// classifyCounts is classify for a text whose counts are known.
func (e *Extractor) classifyCounts(tc topicCounter, title string, textCounts []int) []string {
	out := []string{}
	scores := slices.Clone(textCounts)
	tc.count(title, 3, scores)
	for c, t := range e.topics {
		if scores[c] >= 3 {
			out = append(out, t.label)
		}
	}
	return out
}
