package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Why says where a field of a record came from: the rule that gave its
// value and the line of the record's text it was read from, so that a user
// who sees a wrong facet can tell why (jiyao extract --explain).
type Why struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Rule  string `json:"rule"`
	// Line is the 1-based line of the record's text (Minutes.Text), 0
	// when the value came from elsewhere (the file's container, its path,
	// a flag).
	Line int    `json:"line,omitempty"`
	Text string `json:"text,omitempty"`
}

// explainer keeps, per field, the last rule that set it.
type explainer struct {
	rules map[string]whyAt
}

type whyAt struct {
	rule string
	// at is the folded offset the value was read at, -1 for none.
	at int
}

// why records that rule set field, read at folded offset at (-1: not from
// the text). It costs nothing when no one asked for an explanation.
func (p *page) why(field, rule string, at int) {
	if p.ex == nil {
		return
	}
	p.ex.rules[field] = whyAt{rule, at}
}

// whyOnce is why for a field that keeps the first rule that set it (a
// department the first item names).
func (p *page) whyOnce(field, rule string, at int) {
	if p.ex == nil {
		return
	}
	if _, ok := p.ex.rules[field]; !ok {
		p.ex.rules[field] = whyAt{rule, at}
	}
}

// Explain extracts the records of a file as Extract does, and says for each
// field of each record where its value came from.
func (e *Extractor) Explain(name string, data []byte) ([]*Minutes, [][]Why, error) {
	docs, err := e.decodeAll(name, data)
	if err != nil {
		return nil, nil, err
	}
	digest := digestOf(data)
	var ms []*Minutes
	var whys [][]Why
	for i, d := range docs {
		m, p := e.extractDoc(d, name, true)
		identify(m, name, digest, i, len(docs))
		ms = append(ms, m)
		whys = append(whys, p.explanation(m))
	}
	return ms, whys, nil
}

// explanation lists the record's fields with their rules, then where its
// decisions, departments and officials stand in the text.
func (p *page) explanation(m *Minutes) []Why {
	var out []Why
	lineOf := func(at int) (int, string) {
		if at < 0 || at > len(p.norm) {
			return 0, ""
		}
		k := p.lineAt(at)
		return k + 1, p.show(p.lines[k][0], p.lines[k][1])
	}
	add := func(field, value, rule string, at int) {
		if value == "" {
			return
		}
		w := Why{Field: field, Value: value, Rule: rule}
		w.Line, w.Text = lineOf(at)
		out = append(out, w)
	}
	fields := []struct{ name, value string }{
		{"title", m.Title}, {"doc_number", m.DocNumber}, {"issuer", m.Issuer}, {"published", m.Published},
		{"genre", m.Genre}, {"meeting.date", m.Meeting.Date}, {"meeting.kind", m.Meeting.Kind},
		{"meeting.label", m.Meeting.Label}, {"recorder", m.Recorder},
	}
	if m.Chair != nil {
		fields = append(fields, struct{ name, value string }{"chair", strings.TrimSpace(m.Chair.Name + " " + m.Chair.Title)})
	}
	for _, f := range fields {
		r, ok := p.ex.rules[f.name]
		if !ok {
			r = whyAt{rule: "not recorded", at: -1}
		}
		add(f.name, f.value, r.rule, r.at)
	}
	// Where a value stands in the text: its first occurrence.
	at := func(v string) int {
		if i := strings.Index(p.norm, fold.String(v)); i >= 0 && v != "" {
			return i
		}
		return -1
	}
	for _, it := range m.Items {
		for _, d := range it.Decisions {
			add("decision", d.Verb+" "+d.Object, fmt.Sprintf("a clause of item %d whose verb records a decision (%s)", it.No, d.Verb), at(d.Object))
		}
	}
	for _, d := range m.Departments {
		if r, ok := p.ex.rules["department "+fold.String(d)]; ok {
			if r.at < 0 {
				r.at = at(strings.TrimLeft(d, "市省区县"))
			}
			add("department", d, r.rule, r.at)
			continue
		}
		add("department", d, "a body named where it is given work or acts", at(strings.TrimLeft(d, "市省区县")))
	}
	for _, a := range m.Attendees {
		rule := "listed under " + a.Role
		if a.Role == RoleSpeaker {
			rule = "named with a title where they speak or report"
		}
		add("official", strings.TrimSpace(a.Name+" "+a.Title), rule, at(a.Name))
	}
	if len(m.Topics) > 0 {
		add("topics", strings.Join(m.Topics, "；"), "the taxonomy's words, weighed: title ×6, item titles and decisions ×3, body ×1 up to 12", -1)
	}
	for _, f := range m.Missing {
		out = append(out, Why{Field: f, Rule: "not found: the record is indexed without it"})
	}
	sort.SliceStable(out, func(i, j int) bool { return fieldRank(out[i].Field) < fieldRank(out[j].Field) })
	return out
}

// fieldRank orders the explanation as the record reads.
func fieldRank(f string) int {
	for i, n := range []string{"title", "doc_number", "issuer", "published", "genre", "meeting.date", "meeting.kind", "meeting.label", "chair", "recorder", "decision", "department", "official", "topics"} {
		if f == n {
			return i
		}
	}
	return 100
}

// ruleOf and atOf return the rule recorded for field and where.
func (p *page) ruleOf(field string) string {
	if p.ex == nil {
		return ""
	}
	return p.ex.rules[field].rule
}

func (p *page) atOf(field string) int {
	if p.ex == nil {
		return -1
	}
	if r, ok := p.ex.rules[field]; ok {
		return r.at
	}
	return -1
}
