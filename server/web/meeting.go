package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
)

// meetingPage is the data of a meeting page.
type meetingPage struct {
	layout
	M          *ingest.Minutes
	Date       string
	Session    string
	Chair      string
	ChairTitle string
	ChairURL   string
	Published  string
	Items      []itemView
	Groups     []attendeeGroup
	Depts      []link
	Topics     []link
	Text       template.HTML
	// TextCut, when set, says the text shown is the start of a longer one
	// (see index.CutText).
	TextCut   string
	SourceURL string
	// Q is the query the page was opened with, Terms its words, listed
	// above the text and marked in it (query.Parser.MarkedWords).
	Q      string
	Terms  []string
	Search string
}

type itemView struct {
	No        int
	ID        string
	Title     template.HTML
	Action    string
	Decisions []decisionView
	Depts     []link
	Topics    []link
}

type attendeeGroup struct {
	Role   string
	People []personView
}

type personView struct {
	Name  string
	URL   string
	Org   string
	Title string
}

// roleOrder is the order of the attendee groups.
var roleOrder = []string{ingest.RoleChair, ingest.RolePresent, ingest.RoleObserver, ingest.RoleSpeaker, ingest.RoleNegotiator, ingest.RoleTeller, ingest.RoleVisitor, ingest.RoleAbsent, ingest.RoleRecorder}

func (h *Handler) meeting(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !meetingIDRe.MatchString(id) {
		h.fail(w, r, badRequest("id", "meeting id %q is not 16 hex digits", id))
		return
	}
	q := r.URL.Query().Get("q")
	if len([]rune(q)) > maxQueryLen {
		h.fail(w, r, badRequest("q", "query longer than %d characters", maxQueryLen))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	m, err := h.idx.Get(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// A page carries at most index.MaxTextWindow bytes of the text, as the
	// API's answer does: the rest is in the original, linked.
	textCut := ""
	if w, cut := index.CutText(m, 0, index.MaxTextWindow); cut {
		textCut = fmt.Sprintf("全文共 %.1f MB，此处只显示开头 %.1f MB。", float64(w.Total)/1e6, float64(w.To)/1e6)
	}
	terms := h.parser.MarkedWords(q)
	title := m.Title
	if title == "" {
		title = "会议纪要 " + id
	}
	p := meetingPage{
		layout: h.layout(r.Context(), title, q, "search"), M: m, Q: q, Terms: terms,
		Date:      cnDate(m.Meeting.Date),
		Published: cnDate(m.Published),
		Text:      template.HTML(index.MarkWords(m.Text, terms)),
		TextCut:   textCut,
		SourceURL: h.opts.APIPrefix + "/meetings/" + url.PathEscape(m.ID) + "/source",
		Search:    state{Q: q}.URL(),
	}
	if m.Meeting.PartOfDay != "" && p.Date != "" {
		p.Date += m.Meeting.PartOfDay
	}
	switch {
	case m.Meeting.Label != "":
		p.Session = m.Meeting.Label + m.Meeting.Kind
	case m.Meeting.Session > 0:
		p.Session = fmt.Sprintf("第%d次%s", m.Meeting.Session, m.Meeting.Kind)
	default:
		p.Session = m.Meeting.Kind
	}
	if m.Chair != nil {
		p.Chair = m.Chair.Name
		p.ChairURL = officialURL(m.Chair.Name)
		p.ChairTitle = m.Chair.Title
	}
	for _, it := range m.Items {
		iv := itemView{No: it.No, ID: fmt.Sprintf("item-%d", it.No), Title: template.HTML(index.MarkWords(it.Title, terms)), Action: it.Action}
		for _, d := range it.Decisions {
			dv := decisionView{Verb: d.Verb, Object: d.Object, Lead: d.Lead}
			if d.Lead != "" {
				dv.LeadURL = departmentURL(m.Issuer, d.Lead)
			}
			iv.Decisions = append(iv.Decisions, dv)
		}
		for _, d := range it.Departments {
			iv.Depts = append(iv.Depts, link{Label: d, URL: departmentURL(m.Issuer, d)})
		}
		for _, t := range it.Topics {
			iv.Topics = append(iv.Topics, link{Label: t, URL: topicURL(t)})
		}
		p.Items = append(p.Items, iv)
	}
	byRole := map[string][]personView{}
	for _, a := range m.Attendees {
		byRole[a.Role] = append(byRole[a.Role], personView{Name: a.Name, URL: officialURL(a.Name), Org: a.Org, Title: a.Title})
	}
	if m.Chair != nil && m.Chair.Name != "" && len(byRole[ingest.RoleChair]) == 0 {
		byRole[ingest.RoleChair] = []personView{{Name: m.Chair.Name, URL: officialURL(m.Chair.Name), Title: m.Chair.Title}}
	}
	// A verbatim record's speakers past those it files: the page lists
	// everyone who spoke.
	filed := map[string]bool{}
	for _, pv := range byRole[ingest.RoleSpeaker] {
		filed[pv.Name] = true
	}
	for _, n := range m.Speakers {
		if !filed[n] {
			byRole[ingest.RoleSpeaker] = append(byRole[ingest.RoleSpeaker], personView{Name: n, URL: officialURL(n)})
		}
	}
	if m.Recorder != "" && len(byRole[ingest.RoleRecorder]) == 0 {
		byRole[ingest.RoleRecorder] = []personView{{Name: m.Recorder, URL: officialURL(m.Recorder)}}
	}
	seen := map[string]bool{}
	for _, role := range roleOrder {
		seen[role] = true
		if ps := byRole[role]; len(ps) > 0 {
			p.Groups = append(p.Groups, attendeeGroup{Role: role, People: ps})
		}
	}
	for _, a := range m.Attendees {
		if !seen[a.Role] {
			seen[a.Role] = true
			p.Groups = append(p.Groups, attendeeGroup{Role: a.Role, People: byRole[a.Role]})
		}
	}
	for _, d := range m.Departments {
		p.Depts = append(p.Depts, link{Label: d, URL: departmentURL(m.Issuer, d)})
	}
	for _, t := range m.Topics {
		p.Topics = append(p.Topics, link{Label: t, URL: topicURL(t)})
	}
	h.render(w, r, http.StatusOK, "meeting", p)
}
