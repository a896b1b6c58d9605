package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/fold"
	ql "github.com/jiyao-search/jiyao/query"
)

// Doc ids are derived from the meeting id: "<id>", "<id>/i3", "<id>/i3/d1".
func itemID(meetingID string, no int) string { return fmt.Sprintf("%s/i%d", meetingID, no) }
func decisionID(meetingID string, no, d int) string {
	return fmt.Sprintf("%s/i%d/d%d", meetingID, no, d)
}

// childOf reads the id of an item or decision: its meeting, its item's
// number and its own (0 for an item). ok is false for any other id, a
// meeting's.
func childOf(id string) (meeting string, item, decision int, ok bool) {
	meeting, rest, found := strings.Cut(id, "/")
	if !found {
		return "", 0, 0, false
	}
	is, ds, isDecision := strings.Cut(rest, "/")
	n, err := strconv.Atoi(strings.TrimPrefix(is, "i"))
	if err != nil || !strings.HasPrefix(is, "i") {
		return "", 0, 0, false
	}
	if isDecision {
		d, err := strconv.Atoi(strings.TrimPrefix(ds, "d"))
		if err != nil || d <= 0 || !strings.HasPrefix(ds, "d") {
			return "", 0, 0, false
		}
		return meeting, n, d, true
	}
	return meeting, n, 0, true
}

// meetingOf returns the meeting id a doc id belongs to.
func meetingOf(id string) string {
	m, _, _ := strings.Cut(id, "/")
	return m
}

// key folds a keyword value for filtering (fold.Key).
func key(s string) string { return fold.Key(s) }

// Dates outside these bounds are not indexed: they are errors of
// extraction, and the bounds keep every indexed date four digits of year,
// so that dates as keywords sort as dates.
var (
	minDate = time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// ParseDay reads YYYY-MM-DD, YYYY-MM or YYYY, within the years the index
// sorts.
func ParseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil && !t.Before(minDate) && t.Before(maxDate) {
			return t, true
		}
	}
	return time.Time{}, false
}

// meetingTopics are the topics a meeting is filtered and faceted by: the
// record's own (at most three, its headline) and those of each of its
// items, so that a meeting that approved a hydrogen plan is found under
// 国土资源、能源 whatever its headline topics.
func meetingTopics(rec *ingest.Minutes) []string {
	out := appendUnique(nil, rec.Topics...)
	for _, it := range rec.Items {
		out = appendUnique(out, it.Topics...)
	}
	return out
}

// departmentIDs names departments of a record as bodies of one government
// each (苏州市工信局 for 市工信局 in Suzhou's record), as facets, filters and
// department pages count them.
func departmentIDs(rec *ingest.Minutes, names ...string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			// One body under one name: 人力资源和社会保障部 and 人力资源社会保障部
			// in one record count once, as the table's canonical name.
			out = appendUnique(out, ingest.CanonicalDepartment(ingest.DepartmentIdentity(rec.Issuer, n)))
		}
	}
	return out
}

// officials lists a record's people by role field.
func officials(rec *ingest.Minutes) map[string][]string {
	out := map[string][]string{}
	add := func(f, name string) {
		if name = strings.TrimSpace(name); name != "" {
			out[f] = appendUnique(out[f], name)
			out[fOfficial] = appendUnique(out[fOfficial], name)
		}
	}
	if rec.Chair != nil {
		add(fChair, rec.Chair.Name)
	}
	for _, a := range rec.Attendees {
		switch a.Role {
		case ingest.RoleChair:
			add(fChair, a.Name)
		case ingest.RolePresent:
			add(fPresent, a.Name)
		case ingest.RoleObserver:
			add(fObserver, a.Name)
		case ingest.RoleRecorder:
			add(fRecorder, a.Name)
		default:
			add(fOfficial, a.Name)
		}
	}
	add(fRecorder, rec.Recorder)
	// Every speaker of a verbatim record, past those it files among its
	// attendees: a filter on an official finds each sitting she spoke in.
	for _, n := range rec.Speakers {
		add(fOfficial, n)
	}
	return out
}

func appendUnique(list []string, vals ...string) []string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		dup := false
		for _, x := range list {
			if x == v {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}

// doc is one bleve document under construction.
type doc map[string]any

// keyword sets a field's label to the values as written, and the field
// itself to the folded forms of those values that are not their own
// folded form. A filter looks for a folded form in both (keyQuery), so
// most values, already folded, are indexed once: on 3,000 generated
// minutes the folded fields of people were 7.4 of 97.0 MB of segments when
// they held every value.
func (d doc) keyword(f string, vals ...string) {
	vals = appendUnique(nil, vals...)
	if len(vals) == 0 {
		return
	}
	var keys []string
	for _, v := range vals {
		if k := key(v); k != v {
			keys = appendUnique(keys, k)
		}
	}
	if len(keys) > 0 {
		d[f] = keys
	}
	d[label(f)] = vals
}

// aliases adds other names of a keyword field's value to the field a
// filter reads (not to its label, which facets count): a filter on 国务院
// finds the records of 中华人民共和国国务院, whose facet shows the one
// name.
func (d doc) aliases(f string, names ...string) {
	keys, _ := d[f].([]string)
	for _, n := range names {
		if k := key(n); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		d[f] = keys
	}
}

// text sets a text field unless s is blank.
func (d doc) text(f, s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	d[f] = s
}

// checkID reports a record id that cannot name documents.
func checkID(rec *ingest.Minutes) error {
	if rec.ID == "" {
		return fmt.Errorf("record from %q has no id", rec.Source)
	}
	if strings.Contains(rec.ID, "/") {
		return fmt.Errorf("record id %q contains a slash", rec.ID)
	}
	return nil
}

// idDoc is a document and its id.
type idDoc struct {
	id string
	d  doc
}

// docs builds the meeting, item and decision documents of a record: the
// meeting first, then its items in order, then the decisions. put writes
// the items and decisions as nested documents of the meeting, in this
// order, which item search relies on (see itemsQuery). The meeting
// document stores where its record and original are; a hit on an item or
// decision reads them from it (see withMeetings).
//
// Items and decisions carry the meeting's metadata for filters and facets
// but not its people: a person attends a meeting, and the attendance list
// copied onto every item was most of an item document (about a third of
// indexing time). A filter on people at those levels matches the meetings
// that have them and then those meetings' items and decisions, which follow
// their meeting in document number (peopleQuery, childrenQuery).
func docs(r storedRecord) ([]idDoc, error) {
	rec := r.rec
	if err := checkID(rec); err != nil {
		return nil, err
	}
	common := doc{} // filled here, not returned: it stays off the heap
	mh := common.meetingMetadata(r)
	people := officials(rec)
	with := func(extra doc) doc { return common.with(extra, len(people)) }
	mt, own := meetingBody(rec)
	// The source is looked up on meetings only (Lookup, put).
	m := with(doc{fLevel: LevelMeeting, fSource: rec.Source})
	m.meeting(rec, mh, people, mt)
	out := []idDoc{{rec.ID, m}}

	var decisions []idDoc
	ids := map[string]bool{}
	for j, it := range rec.Items {
		id := itemID(rec.ID, it.No)
		if ids[id] {
			return nil, fmt.Errorf("record %s: item %d twice", rec.ID, it.No)
		}
		ids[id] = true
		topics := appendUnique(nil, rec.Topics...)
		topics = appendUnique(topics, it.Topics...)
		// Items and decisions store what is theirs; a hit reads the
		// rest from its meeting (see withMeetings).
		ih := storedHit{Title: blankless(it.Title)}
		d := with(doc{fLevel: LevelItem})
		d.item(rec, it, ih, topics, own[j])
		out = append(out, idDoc{id, d})
		for k, dc := range it.Decisions {
			dd := with(doc{fLevel: LevelDecision})
			dd.decision(rec, it, dc, ih, topics)
			decisions = append(decisions, idDoc{decisionID(rec.ID, it.No, k+1), dd})
		}
	}
	out = append(out, decisions...)
	for _, od := range out {
		od.d.nameForLevel()
	}
	return out, nil
}

// meetingMetadata sets the meeting metadata every level of a record's
// documents carries, for filters and facets, and returns the meeting's
// stored value.
func (common doc) meetingMetadata(r storedRecord) storedHit {
	rec := r.rec
	mh := storedHit{
		Source: rec.Source, Title: blankless(rec.Title),
		Issuer: strings.TrimSpace(rec.Issuer), DocNumber: rec.DocNumber, Record: r.key,
		SHA256: rec.SHA256, Original: r.original,
	}
	common.keyword(fIssuer, rec.Issuer)
	common.aliases(fIssuer, append(rec.IssuerAliases, ingest.IssuerForms(strings.TrimSpace(rec.Issuer))...)...)
	common.keyword(fKind, rec.Meeting.Kind)
	common.keyword(fGenre, rec.Genre)
	if day := rec.Day(); day != "" {
		if t, ok := ParseDay(day); ok {
			common[fDate] = t.Format(time.DateOnly)
			mh.Day = day
			common[fYear] = t.Format("2006")
			if len(day) >= 7 {
				common[fMonth] = t.Format("2006-01")
			}
		}
	}
	if rec.Meeting.Session > 0 {
		common[fSession] = strconv.Itoa(rec.Meeting.Session)
		mh.Session = rec.Meeting.Session
	}
	if rec.Meeting.Year > 0 {
		common[fSessionYear] = strconv.Itoa(rec.Meeting.Year)
	}
	if rec.DocNumber != "" {
		common[fDocNumber] = ql.DocNumberKeys(rec.DocNumber)
	}
	return mh
}

// with returns a new document of d's fields and extra's, with room for
// more fields.
func (d doc) with(extra doc, more int) doc {
	out := make(doc, len(d)+len(extra)+more)
	for k, v := range d {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// meetingBody returns the value of a meeting's text field, the body with
// the stretches of it that are its items' texts, in order; own says which
// items' texts are not one, and keep a text field of their own.
func meetingBody(rec *ingest.Minutes) (meetingText, []bool) {
	body := withTitle(rec.Title, rec.Text)
	mt := meetingText{body: body}
	shift, end := len(body)-len(rec.Text), 0
	own := make([]bool, len(rec.Items))
	for j, it := range rec.Items {
		if s, ok := stretchOf(rec.Text, it); ok && it.Start >= end && s == it.Text {
			mt.items = append(mt.items, itemSpan{start: shift + it.Start, end: shift + it.End, child: uint64(j + 1)})
			end = it.End
			continue
		}
		own[j] = true
	}
	return mt, own
}

// meeting sets the fields of a record's meeting document: its stored
// value, people, title, text, departments and topics.
func (d doc) meeting(rec *ingest.Minutes, mh storedHit, people map[string][]string, mt meetingText) {
	d.store(mh)
	for f, names := range people {
		d.keyword(f, names...)
	}
	d.text(fTitle, rec.Title)
	if strings.TrimSpace(mt.body) != "" {
		d[fText] = mt
	}
	d.text(fTextChars, mt.body)
	d.keyword(fDepartment, departmentIDs(rec, rec.Departments...)...)
	d.keyword(fTopic, meetingTopics(rec)...)
}

// item sets the fields of an item's document: its stored value ih, title,
// text when it has its own (see meetingBody), departments (its own and
// its decisions' leads), topics, and its decisions' verbs and leads.
func (d doc) item(rec *ingest.Minutes, it ingest.Item, ih storedHit, topics []string, own bool) {
	depts := appendUnique(nil, it.Departments...)
	for _, dc := range it.Decisions {
		depts = appendUnique(depts, dc.Lead)
	}
	body := it.Text
	if body == "" {
		body = it.Title
	}
	d.store(ih)
	d.text(fItemTitle, it.Title)
	if own {
		d.text(fItemText, withTitle(it.Title, body))
	}
	d.keyword(fDepartment, departmentIDs(rec, depts...)...)
	d.keyword(fTopic, topics...)
	var verbs, leads []string
	for _, dc := range it.Decisions {
		verbs = append(verbs, dc.Verb)
		leads = append(leads, dc.Lead)
	}
	d.keyword(fVerb, verbs...)
	d.keyword(fLead, departmentIDs(rec, leads...)...)
}

// decision sets the fields of a decision's document: its stored value (its
// item's ih and its own verb, object and lead), its item's title, its
// text, verb, lead, departments (its item's and its lead) and topics.
func (d doc) decision(rec *ingest.Minutes, it ingest.Item, dc ingest.Decision, ih storedHit, topics []string) {
	dh := ih
	dh.Verb, dh.Object, dh.Lead = strings.TrimSpace(dc.Verb), blankless(dc.Object), strings.TrimSpace(dc.Lead)
	d.store(dh)
	d.text(fDecTitle, it.Title)
	d.text(fObject, dc.Object)
	// The text of a decision is how it reads: 原则同意 + object.
	d.text(fDecText, dc.Verb+dc.Object)
	d.keyword(fVerb, dc.Verb)
	d.keyword(fLead, departmentIDs(rec, dc.Lead)...)
	d.keyword(fDepartment, departmentIDs(rec, appendUnique(appendUnique(nil, it.Departments...), dc.Lead)...)...)
	d.keyword(fTopic, topics...)
}

// nameForLevel renames the metadata fields of an item or decision
// document to its level's (levelField).
func (d doc) nameForLevel() {
	l, _ := d[fLevel].(string)
	if l == LevelMeeting {
		return
	}
	for f, v := range d {
		if perLevel[f] {
			delete(d, f)
			d[levelField(l, f)] = v
		}
	}
}

// meetingText is the value of a meeting's text field: the body and the
// stretches of it that are items' texts, which the field marks with the
// item's place among the meeting's children (see itemsQuery).
type meetingText struct {
	body  string
	items []itemSpan // in order, not overlapping
}

// itemSpan is the stretch [start, end) of a meeting body that is the text
// of the meeting's child'th nested document, an item.
type itemSpan struct {
	start, end int
	child      uint64
}

// withTitle is a body text that holds its title: the text itself when the
// title is in it, as it is in most minutes, else the title and the text.
// Queries match the title for its boost only (see bodies).
func withTitle(title, text string) string {
	if strings.TrimSpace(title) == "" || strings.Contains(text, title) {
		return text
	}
	return title + "\n" + text
}

// storedHit is what a document stores: what a hit shows and where its
// record and original are. It is one stored field, JSON, rather than a
// stored field each, which bleve would load and allocate one by one for
// every hit. Items and decisions store only the fields of their own
// (title, verb, object, lead); a hit reads the meeting's from the meeting
// (see withMeetings). The level, meeting, item and decision are not stored
// but read from the document's id (see readStored).
type storedHit struct {
	Level        string `json:"-"`
	Meeting      string `json:"-"`
	Item         int    `json:"-"`
	Decision     int    `json:"-"`
	Source       string `json:"s,omitempty"`
	Title        string `json:"t,omitempty"`
	MeetingTitle string `json:"mt,omitempty"` // on items and decisions
	Issuer       string `json:"is,omitempty"`
	Day          string `json:"day,omitempty"`
	Session      int    `json:"n,omitempty"`
	DocNumber    string `json:"dn,omitempty"`
	Verb         string `json:"v,omitempty"`
	Object       string `json:"ob,omitempty"`
	Lead         string `json:"ld,omitempty"`
	SHA256       string `json:"sha,omitempty"` // on meetings
	Record       string `json:"r,omitempty"`
	Original     string `json:"o,omitempty"` // on meetings
}

// store sets a document's stored field.
func (d doc) store(h storedHit) {
	raw, _ := json.Marshal(h)
	d[fStored] = string(raw)
}

// blankless is s, or "" if s is only white space, as the text fields
// take it.
func blankless(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return s
}

// readStored decodes the stored field of the document id, with its level,
// meeting, item and decision, which its id tells.
func readStored(id string, fields map[string]any) storedHit {
	var h storedHit
	if s, ok := fields[fStored].(string); ok {
		_ = json.Unmarshal([]byte(s), &h)
	}
	if m, item, d, ok := childOf(id); ok {
		h.Level, h.Meeting, h.Item, h.Decision = LevelItem, m, item, d
		if d > 0 {
			h.Level = LevelDecision
		}
	} else {
		h.Level, h.Meeting = LevelMeeting, id
	}
	return h
}
