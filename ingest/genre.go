package ingest

import (
	"strings"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Genres of meeting record, each parsed by its conventions. The record says
// which one extraction took (Minutes.Genre).
const (
	// GenreMinutes is a formal 会议纪要 or 会议记录: a header, often a 文号,
	// numbered items, attendance lists.
	GenreMinutes = "minutes"
	// GenreRelease is a news release of a meeting: 某某主持召开…会议，部署…；
	// 会议听取/审议/决定… paragraphs.
	GenreRelease = "release"
	// GenreCongress is a session of a people's congress or CPPCC body
	// (常委会会议, 主任会议, 主席团会议, 主席会议), as release or minutes.
	GenreCongress = "congress"
	// GenreTranscript is a council's record (議事錄, 會議紀錄) with 主席,
	// 出席, 列席, 紀錄, speakers and 議決.
	GenreTranscript = "transcript"
	// GenreHansard is a legislature's verbatim record: 主席 and speakers
	// with their offices.
	GenreHansard = "hansard"
	// GenreAgenda is a meeting's agenda (議程).
	GenreAgenda = "agenda"
)

// GenreNames are the genres as a reader names them.
var GenreNames = map[string]string{
	GenreMinutes:    "会议纪要",
	GenreRelease:    "会议新闻稿",
	GenreCongress:   "人大政协会议",
	GenreTranscript: "议会会议记录",
	GenreHansard:    "逐字记录",
	GenreAgenda:     "议程",
}

// meetingWords are words every meeting record uses, folded: a text with
// none of them in its head is not the record of a meeting.
var meetingWords = []string{"会议", "院会", "大会", "议事", "议程", "常委会", "主持", "纪要"}

// congressBodies name people's congress and CPPCC bodies, folded.
var congressBodies = []string{"人大", "人民代表大会", "主任会议", "主席团", "政协", "政治协商会议", "主席会议"}

// genre tells what kind of meeting record a page is, from its title and
// text; empty when it is not a meeting record at all (a table, a program, a
// page of prose in another language, a text that names no meeting).
func genre(p *page, m *Minutes) string {
	if !chineseProse(p.norm, p.raw) {
		return ""
	}
	head := p.norm[:min(len(p.norm), 3000)]
	title := squeezeHanSpaces(fold.String(m.Title))
	hasAny := func(s string, ws []string) bool {
		for _, w := range ws {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	if !hasAny(title+head, meetingWords) {
		return ""
	}
	switch {
	case strings.HasSuffix(title, "议程") || strings.Contains(title, "议程"):
		return GenreAgenda
	case hasAny(title, []string{"立法会", "立法院", "公报"}):
		return GenreHansard
	case hasAny(fold.String(m.Issuer), congressBodies) || m.Issuer == "" && hasAny(title, congressBodies):
		// The body that meets is a congress's or CPPCC's (a government's
		// release may name their members among its guests, a standing
		// committee's the 立法会 whose election it decides).
		return GenreCongress
	case m.Format == "json" && strings.Contains(head, "立法会"):
		return GenreHansard
	case hasAny(title, []string{"议会", "代表会"}) || m.Script != "simplified" && hasAny(title, []string{"纪录", "记录", "议事录"}):
		return GenreTranscript
	case m.DocNumber != "" || hasAny(title, []string{"纪要", "记录", "纪录"}):
		return GenreMinutes
	case opensMeetingIn(head):
		return GenreRelease
	}
	return GenreMinutes
}

// opensMeetingIn reports whether some line of folded text opens a meeting.
func opensMeetingIn(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if opensMeeting(l) {
			return true
		}
	}
	return false
}

// chineseProse reports whether folded text reads as Chinese prose rather
// than a table (most lines hold tabs), a program or a text in another
// language (few Han characters among its letters).
func chineseProse(s, raw string) bool {
	sample := s[:min(len(s), 20000)]
	// A line that holds Chinese holds its translation beside it, if any
	// (何俊仁議員 THE HONOURABLE ALBERT HO CHUN-YAN, a bilingual roll):
	// its letters do not make the page a foreign one, unless they are
	// ten times its Chinese (an English sentence quoting a word).
	han, letters := 0, 0
	for l := range strings.SplitSeq(sample, "\n") {
		lh, ll := 0, 0
		for _, r := range l {
			switch {
			case hanRune(r):
				lh++
			case unicode.IsLetter(r):
				ll++
			}
		}
		han += lh
		if ll > 10*lh {
			letters += ll
		}
	}
	if han < 10 || han < letters {
		return false
	}
	lines, tabbed := 0, 0
	for _, l := range strings.Split(raw[:min(len(raw), 20000)], "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lines++
		if strings.Count(l, "\t") >= 2 {
			tabbed++
		}
	}
	return lines == 0 || 2*tabbed < lines
}

// missingFields lists the essential fields a record lacks, by their JSON
// names.
func missingFields(m *Minutes) []string {
	var out []string
	if m.Title == "" {
		out = append(out, "title")
	}
	if m.Issuer == "" {
		out = append(out, "issuer")
	}
	if m.Meeting.Date == "" {
		out = append(out, "meeting.date")
	}
	if m.Chair == nil && m.Genre != GenreAgenda {
		out = append(out, "chair")
	}
	return out
}
