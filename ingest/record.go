package ingest

import (
	"slices"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Minutes is the record Jiyao extracts from one minutes document
// (会议纪要, 会议记录, 議事錄, or a news release of a meeting).
//
// Values meant for people (titles, names, objects) are in the document's own
// characters, with only line-break and spacing repairs; matching and search
// work on the folded form (see internal/fold).
type Minutes struct {
	// ID is stable for the same content: the first 16 hex digits of SHA256.
	ID string `json:"id"`
	// Source is the path (or name) the document was read from.
	Source string `json:"source"`
	// SHA256 is the hex digest of the original bytes.
	SHA256 string `json:"sha256"`
	// Format is the detected file format: text, markdown, html, docx, pdf,
	// json, doc.
	Format string `json:"format"`
	// Encoding is the detected text encoding of the original bytes, where it
	// applies (utf-8, gb18030, big5, utf-16le, utf-16be).
	Encoding string `json:"encoding,omitempty"`
	// Script is simplified, traditional or mixed.
	Script string `json:"script"`
	// Genre is the kind of record extraction read the document as:
	// minutes, release, congress, transcript, hansard or agenda.
	Genre string `json:"genre,omitempty"`
	// Missing lists the essential fields extraction could not find
	// (title, issuer, meeting.date, chair): the record is indexed all the
	// same, and says what it lacks.
	Missing []string `json:"missing,omitempty"`
	// Truncated lists the lists a record holds only the first of, where a
	// document names more than any real minutes do (items, decisions,
	// attendees, departments: see limits.go); the text is kept whole.
	Truncated []string `json:"truncated,omitempty"`
	// URL is the page the document was published at, when known.
	URL string `json:"url,omitempty"`

	// Issuer is the issuing body (发文机关).
	Issuer string `json:"issuer"`
	// IssuerAliases are the other names the issuer goes by (国务院 for
	// 中华人民共和国国务院, 苏州市政府 for 苏州市人民政府): a filter on any
	// of them finds the record.
	IssuerAliases []string `json:"issuer_aliases,omitempty"`
	// Title is the document title, as a person reads it.
	Title string `json:"title"`
	// DocNumber is the document number (文号), such as 〔2020〕36号.
	DocNumber string `json:"doc_number,omitempty"`
	// Publisher is the office that published the document (整理/印发).
	Publisher string `json:"publisher,omitempty"`
	// Published is the publication (or broadcast) date, YYYY-MM-DD.
	Published string `json:"published,omitempty"`

	Meeting Meeting `json:"meeting"`
	// Chair is the person who chaired the meeting (主持).
	Chair *Person `json:"chair,omitempty"`
	// Items are the numbered agenda items (议题), in document order.
	Items []Item `json:"items"`
	// Departments are the bodies given work in the text, canonical within
	// the issuer, in order of first mention.
	Departments []string `json:"departments"`
	// DepartmentIDs are the same departments as bodies of one government
	// each (DepartmentIdentity): 苏州市工信局 for 市工信局 in Suzhou's
	// record. Facets, filters and department pages use them.
	DepartmentIDs []string `json:"department_ids"`
	// Attendees are the people named in the attendance lists, with roles,
	// and those the text names acting in the meeting. A legislature's
	// verbatim record files who presided, its first maxFiledSpeakers
	// speakers and the officials attending, not its roll of members.
	Attendees []Attendee `json:"attendees"`
	// Speakers are everyone who heads a speech in a verbatim record, in
	// order of first speech, however many: search finds a sitting by any
	// of them.
	Speakers []string `json:"speakers,omitempty"`
	// Recorder is the person who took the minutes (记录).
	Recorder string `json:"recorder,omitempty"`
	// Topics are the 国务院公文主题分类 classes of the whole document.
	Topics []string `json:"topics"`

	// Text is the repaired display text of the whole document.
	Text string `json:"text"`
}

// Meeting describes the meeting the minutes record.
type Meeting struct {
	// Kind is the kind of meeting: 常务会议, 全体会议, 办公会议, 专题会议,
	// 院會, 定期大會 …
	Kind string `json:"kind,omitempty"`
	// Label is the session designation as written, such as 第115次 or
	// 第11屆第2次定期大會第6次會議.
	Label string `json:"label,omitempty"`
	// Term is the 届/屆 of the body, when stated.
	Term int `json:"term,omitempty"`
	// Year is the year a session count restarts in (2026年第1次).
	Year int `json:"year,omitempty"`
	// Session is the meeting's number (第115次 → 115; in 第11屆第2次定期大會
	// the 2).
	Session int `json:"session,omitempty"`
	// Sitting is the sitting within a session (第6次會議 of 第2次定期大會).
	Sitting int `json:"sitting,omitempty"`
	// Date is the meeting date, YYYY-MM-DD.
	Date string `json:"date,omitempty"`
	// PartOfDay is 上午, 下午 or 晚上 where stated.
	PartOfDay string `json:"part_of_day,omitempty"`
}

// Person is a named official with a title.
type Person struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
}

// Attendance roles.
const (
	RoleChair    = "主持"
	RolePresent  = "出席"
	RoleObserver = "列席"
	RoleRecorder = "记录"
	RoleAbsent   = "请假"
	RoleSpeaker  = "发言"
	// RoleNegotiator is a party's delegate to the negotiation whose
	// conclusion the house adopts (協商代表, 協商主持人).
	RoleNegotiator = "协商"
	// RoleTeller counts the votes of a ballot (監票員).
	RoleTeller = "监票"
	// RoleVisitor leads a visit the chair welcomes to the gallery (現在有
	// …帶領學生在旁聽席旁聽，請大家鼓掌歡迎).
	RoleVisitor = "旁听"
	// RoleMentioned is a leader the record names (传达学习习近平总书记…,
	// 胡锦涛同志…) without a part in the meeting.
	RoleMentioned = "提及"
)

// Attendee is a person named in the attendance lists (or a speaker of a
// transcript).
type Attendee struct {
	Name  string `json:"name"`
	Org   string `json:"org,omitempty"`
	Title string `json:"title,omitempty"`
	Role  string `json:"role"`
}

// Item is one numbered agenda item (议题).
type Item struct {
	// No is the item's number, from 1.
	No int `json:"no"`
	// Action is the verb the item opens with: 听取, 审议, 研究, 通报 …
	Action string `json:"action,omitempty"`
	// Title is the item heading, joined across line breaks.
	Title       string     `json:"title"`
	Decisions   []Decision `json:"decisions"`
	Departments []string   `json:"departments"`
	Topics      []string   `json:"topics"`
	// Text is the display text of the item, heading included.
	Text string `json:"text,omitempty"`
	// Start and End are the byte offsets of Text within Minutes.Text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Decision is one decision taken on an item.
type Decision struct {
	// Verb is how it was decided: 原则同意, 同意, 审议通过, 通过, 决定 …
	Verb string `json:"verb"`
	// Object is what was decided on: the 《》 title without brackets, or
	// the short object of the decision.
	Object string `json:"object"`
	// Lead is the department the text puts in charge (由…).
	Lead string `json:"lead,omitempty"`
}

// Day is the date a record is filed under: the meeting's date, else the
// publication date; empty when the record has neither.
func (m *Minutes) Day() string {
	if m.Meeting.Date != "" {
		return m.Meeting.Date
	}
	return m.Published
}

// Person returns the person of the record named name, as the record writes
// the name, and the roles the person has in it, each once: RoleChair for
// who presided, the attendees' roles, RoleSpeaker for a speaker of a
// verbatim record past those it files, RoleRecorder for who took it down.
// Names are compared by fold.Key, so 王金平 finds 王金平 and 王金平 finds
// 王金平 written in traditional script. ok is false when no one is named so.
func (m *Minutes) Person(name string) (written string, roles []string, ok bool) {
	k := fold.Key(name)
	add := func(n, role string) {
		if fold.Key(n) != k || role == "" {
			return
		}
		if written == "" {
			written = n
		}
		if !slices.Contains(roles, role) {
			roles = append(roles, role)
		}
	}
	if m.Chair != nil {
		add(m.Chair.Name, RoleChair)
	}
	for _, a := range m.Attendees {
		add(a.Name, a.Role)
	}
	for _, n := range m.Speakers {
		add(n, RoleSpeaker)
	}
	add(m.Recorder, RoleRecorder)
	return written, roles, written != ""
}
