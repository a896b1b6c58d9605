package ingest

import (
	"iter"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/cnum"
	"github.com/jiyao-search/jiyao/internal/fold"
)

// num matches a number as minutes write it: digits or Chinese numerals.
const num = `\s*([0-9]+|[〇零一二两三四五六七八九十百千]+)\s*`

var (
	// Several levels: 第11届第2次定期大会第6次会议, 第四届第四会期第一次会议,
	// 十三届全国人大常委会第十次会议举行第二次全体会议.
	termRE     = regexp.MustCompile(`第?` + num + `届`)
	periodRE   = regexp.MustCompile(`第` + num + `会期`)
	assemblyRE = regexp.MustCompile(`第` + num + `次(定期大会|定期会|临时大会|临时会)`)
	yearSessRE = regexp.MustCompile(`((?:19|20)[0-9]{2})年第` + num + `次`)
	sessionRE  = regexp.MustCompile(`第` + num + `次`)
	// 第十七届133次: a number straight after the term.
	termSessRE = regexp.MustCompile(`届` + num + `次`)
)

// chairTitles are titles written next to a chair's name, longest first.
var chairTitles = []string{
	"国务院总理", "国务院副总理", "全国人大常委会委员长", "全国人大常委会副委员长", "副委员长", "常务副市长", "常务副省长", "副总理", "总理", "副市长", "市长",
	"副省长", "省长", "副区长", "区长", "副县长", "县长", "副旗长", "旗长", "副镇长", "镇长", "副乡长", "乡长", "副主席", "主席", "委员长", "副主任", "主任",
	"秘书长", "副书记", "书记", "副院长", "院长", "副议长", "议长", "组长",
	"副部长", "部长", "副局长", "局长", "检察长", "副行长", "行长", "署长", "审计长", "副主任委员", "主任委员", "副司令员", "司令员",
}

// coChairs reads the others who presided in turn when a chair label's
// value, folded span [at, end), names several (主 席：由…第一召集人韓議員賜
// 村、第二召集人黃⏎議員淑美及洪議員平朗分別主持), the line below taken in
// where the value runs on to it.
func coChairs(p *page, at, end int) []Attendee {
	k := p.lineAt(at)
	if !strings.HasPrefix(strings.TrimSpace(p.norm[at:end]), "由") {
		return nil
	}
	if !strings.Contains(p.norm[at:end], "分别主持") && k+1 < len(p.lines) {
		end = p.lines[k+1][1]
	}
	i := strings.Index(p.norm[at:end], "分别主持")
	if i < 0 {
		return nil
	}
	v := strings.ReplaceAll(p.show(at, at+i), "\n", "")
	ps := parsePersons(strings.TrimPrefix(v, "由"), 6)
	if len(ps) < 2 {
		// The chair alone, or a value that names no one before 分別主持
		// (the chair read from what follows it).
		return nil
	}
	var out []Attendee
	for _, per := range ps[1:] {
		out = append(out, Attendee{Name: per.Name, Title: per.Title, Role: RoleChair})
	}
	return out
}

// opening fills the meeting (kind, session, date, part of day) and the chair
// from the title and the opening paragraph or header labels.
func (e *Extractor) opening(p *page, m *Minutes, ref time.Time, refKnown, roc bool) {
	open, oStart := p.openingLine()
	nt := fold.String(m.Title)

	// A date without a year (11月22日, 今天) is only as good as the
	// publication date it is read against.
	known := func(dm DateMatch) bool { return !dm.Inferred || refKnown }
	// Date: a 时间/日期 label, else the opening sentence, else the first
	// date in the head of the document, else the publication date.
	if v, at, ok := p.label([]string{"时间", "日期"}); ok {
		if dm, ok := firstDate(v, ref, roc); ok && known(dm) {
			m.Meeting.Date, m.Meeting.PartOfDay = dm.ISO(), dm.PartOfDay
			p.why("meeting.date", "the 时间/日期 label", at)
		}
	}
	if m.Meeting.Date == "" && open != "" {
		if dm, ok := firstDate(unscheduled(open), ref, roc); ok && known(dm) {
			m.Meeting.Date, m.Meeting.PartOfDay = dm.ISO(), dm.PartOfDay
			p.why("meeting.date", dateRule("the first date of the opening sentence", dm), oStart+dm.Start)
		}
	}
	if m.Meeting.Date == "" {
		head := unscheduled(p.norm[:p.lines[min(len(p.lines)-1, 15)][1]])
		if dm, ok := firstDate(head, ref, roc); ok && known(dm) {
			m.Meeting.Date, m.Meeting.PartOfDay = dm.ISO(), dm.PartOfDay
			p.why("meeting.date", dateRule("the first date in the head of the text", dm), dm.Start)
		}
	}
	if m.Meeting.Date == "" && m.Published != "" {
		m.Meeting.Date = m.Published
		p.why("meeting.date", "the publication date (the text gives none)", -1)
	}

	// Kind and session, from the title first, then the opening.
	for _, src := range []struct {
		text string
		show func(i, j int) string
	}{
		{ownMeeting(nt), func(i, j int) string { return spanOf(m.Title, i, j) }},
		{ownMeeting(open), func(i, j int) string { return p.show(oStart+i, oStart+j) }},
	} {
		if src.text == "" {
			continue
		}
		if m.Meeting.Kind == "" {
			m.Meeting.Kind = bodyKind(src.text)
			if k := m.Meeting.Kind; k != "" {
				if i := strings.Index(src.text, k); i >= 0 {
					// 定期大會 in a traditional text: the kind as written.
					m.Meeting.Kind = src.show(i, i+len(k))
				}
			}
			p.why("meeting.kind", "the body that meets (常委会会议, 主任会议 …)", oStart)
		}
		if m.Meeting.Kind == "" {
			for _, k := range kindWords {
				if k == "会议" {
					continue
				}
				if i := strings.Index(src.text, k); i >= 0 {
					m.Meeting.Kind = src.show(i, i+len(k))
					p.why("meeting.kind", "a kind of meeting named in the title or the opening", oStart+i)
					break
				}
			}
		}
		if m.Meeting.Kind == "" && m.Script == "simplified" {
			for _, kf := range kindForms {
				if i := strings.Index(src.text, kf.written); i >= 0 {
					m.Meeting.Kind = kf.kind
					p.why("meeting.kind", "a short or widened form of a kind of meeting (区长办公会, 全体(扩大)会议)", oStart+i)
					break
				}
			}
		}
		if m.Meeting.Kind == "" {
			// 第2122次市政會議, 第16次局務會議, 第十次委员长会议: the words
			// between the number and 会议 name the kind.
			if loc := numberedKindRE.FindStringSubmatchIndex(src.text); loc != nil {
				m.Meeting.Kind = src.show(loc[2], loc[3])
				p.why("meeting.kind", "the kind of meeting named after its number (第N次…会议)", oStart+loc[2])
			}
		}
		if m.Meeting.Session == 0 {
			session(src.text, src.show, &m.Meeting)
		}
	}
	if m.Meeting.Kind == "" {
		for _, k := range []string{"院会"} {
			if strings.Contains(p.norm[:min(len(p.norm), 200)], k) {
				i := strings.Index(p.norm, k)
				m.Meeting.Kind = p.show(i, i+len(k))
			}
		}
	}

	if m.Meeting.Kind == "" && m.Script != "simplified" {
		// A legislature's sitting or an agenda names no kind: a 會議.
		if i := strings.Index(p.norm[:min(len(p.norm), 400)], "会议"); i >= 0 {
			m.Meeting.Kind = p.show(i, i+len("会议"))
		} else if strings.HasSuffix(fold.String(m.Title), "议程") {
			// 立法會⏎議程: the agenda of a sitting.
			m.Meeting.Kind = "會議"
		}
	}

	// Chair: a 主席/主持 label, else the opening's "…主持".
	if val, at, ok := p.label([]string{"主席", "主持人", "主持", "会议主持人", "会议主席"}); ok {
		end := p.lines[p.lineAt(at)][1]
		if i := strings.Index(p.norm[at:end], val); i >= 0 && val != "" {
			end = at + i + len(val)
		}
		v := p.show(at, end)
		if per, ok := parsePerson(v); ok {
			m.Chair = &per
			p.why("chair", "the 主席/主持 label", at)
			m.Attendees = append(m.Attendees, coChairs(p, at, end)...)
		}
	}
	if m.Chair == nil && open != "" {
		if per, ok := chairIn(p.show(oStart, oStart+len(open))); ok {
			m.Chair = per
			p.why("chair", "who presided (…主持) in the opening", oStart)
		}
	}
	if m.Chair == nil {
		if per, ok := chairIn(m.Title); ok {
			m.Chair = per
			p.why("chair", "who presided (…主持) in the title", -1)
		}
	}
	// Releases say who presided further down: 区政协主席张禾波主持会议并讲话.
	for k := 0; m.Chair == nil && k < min(len(p.lines), 60); k++ {
		if strings.Contains(p.line(k), "主持") {
			l := p.lines[k]
			if per, ok := chairIn(p.show(l[0], l[1])); ok {
				m.Chair = per
				p.why("chair", "a line that says who presided (…主持会议, 会议由…主持)", l[0])
			}
		}
	}
	// A headline names the chair bare (李强主持召开…); the lead sentence
	// below gives the title (国务院总理李强3月24日主持召开…).
	if m.Chair != nil && m.Chair.Title == "" {
		for k := 0; k < min(len(p.lines), 40); k++ {
			l := p.lines[k]
			if !strings.Contains(p.line(k), "主持") {
				continue
			}
			for per := range chairsIn(p.show(l[0], l[1])) {
				if per.Name == m.Chair.Name && per.Title != "" {
					m.Chair = per
					break
				}
			}
			if m.Chair.Title != "" {
				break
			}
		}
	}
}

// numberedKindRE matches a meeting's kind after its number, folded: two to
// five Han characters and 会议 (第16次局务会议).
var numberedKindRE = regexp.MustCompile(`第[0-9〇零一二两三四五六七八九十百千]+次(\p{Han}{2,5}?会议)`)

// Standing committees and congresses hold meetings a clerk files by the body
// that holds them: 人大常委会第十次会议 (even where the release names its
// sitting, 举行第二次全体会议) and 政协常委会议 are 常委会会议, 人民代表大会第一次
// 会议 (全国人大二次会议) a 人民代表大会会议; their 主任会议, 主席会议 and 主席团会议 keep their names.
var (
	standingRE  = regexp.MustCompile(`常委会(?:举行|召开)?(?:第?[0-9〇零一二两三四五六七八九十百]+次)?会议|常委会议|常委会会议`)
	presidiumRE = regexp.MustCompile(`主席团(?:举行|召开)?(?:第?[0-9〇零一二两三四五六七八九十百]+次)?会议`)
	congressRE  = regexp.MustCompile(`(?:人民代表大会|人大)(?:第?[0-9〇零一二两三四五六七八九十百]+次)会议`)
)

// bodyKind returns the kind of meeting a folded text names by its body, or
// "".
func bodyKind(text string) string {
	if presidiumRE.MatchString(text) {
		return "主席团会议"
	}
	for _, k := range []string{"主任会议", "主席会议"} {
		if strings.Contains(text, k) {
			return k
		}
	}
	if standingRE.MatchString(text) {
		// 预备会议暨五次常委会议: the standing committee meets.
		return "常委会会议"
	}
	if i := strings.Index(text, "预备会议"); i >= 0 {
		// 第3次定期大會預備會議暨第1次會議: the preparatory meeting of a
		// council's session, which is what is held.
		for _, k := range []string{"定期大会", "临时大会", "临时会", "定期会"} {
			if strings.HasSuffix(text[:i], k) {
				return k
			}
		}
		return "预备会议"
	}
	if loc := congressRE.FindStringIndex(text); loc != nil && !strings.Contains(text, "常务委员会") && !strings.Contains(text, "党组") && !strings.HasPrefix(text[loc[1]:], "精神") {
		// Not a party group's study of the session (党组举行会议 学习贯彻
		// 全国人大二次会议精神).
		return "人民代表大会会议"
	}
	return ""
}

// dateRule says how a date was read: whole, or a day read against a
// reference.
func dateRule(where string, dm DateMatch) string {
	if dm.Inferred {
		return where + ", its year read against the page's date or the file's path"
	}
	return where
}

// spanOf maps the folded span [i, j) of fold.String(s) back to s.
func spanOf(s string, i, j int) string {
	_, offs := fold.Offsets(s)
	return strings.TrimSpace(s[offs[i]:offs[j]])
}

// displayOf finds the first occurrence of a folded string in the page and
// returns it in the document's own characters; the folded string itself
// when it does not occur.
func (p *page) displayOf(folded string) string {
	if folded == "" {
		return ""
	}
	if i := strings.Index(p.norm, folded); i >= 0 {
		return p.show(i, i+len(folded))
	}
	return folded
}

// session reads the session levels from folded text into mt.
func session(text string, show func(i, j int) string, mt *Meeting) {
	number := func(s string) int {
		n, _ := cnum.Parse(s)
		return n
	}
	start, end := -1, -1
	widen := func(loc []int) {
		if start < 0 || loc[0] < start {
			start = loc[0]
		}
		if loc[1] > end {
			end = loc[1]
		}
	}
	// Each pattern is tried only where the text holds a word the
	// pattern requires, and, once a term is found, only up to the end of
	// its clause: a session further on is another meeting's (第十三届全国委
	// 员会第六十四次主席会议，…为召开全国政协十三届五次会议作准备).
	scope := text
	find := func(re *regexp.Regexp, words ...string) []int {
		for _, w := range words {
			if !strings.Contains(scope, w) {
				return nil
			}
		}
		return re.FindStringSubmatchIndex(scope)
	}
	termLoc := find(termRE, "届")
	if termLoc != nil {
		mt.Term = number(text[termLoc[2]:termLoc[3]])
		widen(termLoc)
		if k := strings.IndexAny(text[termLoc[1]:], "。,;"); k >= 0 {
			scope = text[:termLoc[1]+k]
		}
	}
	// A term after the session belongs to something else the sentence
	// names (第八次全体会议，讨论即将提请十二届全国人大…).
	dropLateTerm := func(sessStart int) {
		if termLoc != nil && termLoc[0] > sessStart {
			mt.Term = 0
			termLoc = nil
			start, end = -1, -1
		}
	}
	rest := 0
	if loc := find(periodRE, "第", "会期"); loc != nil {
		mt.Session = number(text[loc[2]:loc[3]])
		dropLateTerm(loc[0])
		widen(loc)
		rest = loc[1]
	} else if loc := find(assemblyRE, "第", "次"); loc != nil {
		mt.Session = number(text[loc[2]:loc[3]])
		dropLateTerm(loc[0])
		widen(loc)
		rest = loc[1]
	} else if loc := find(yearSessRE, "年第", "次"); loc != nil {
		dropLateTerm(loc[0])
		mt.Year = number(text[loc[2]:loc[3]])
		mt.Session = number(text[loc[4]:loc[5]])
		widen(loc)
	} else if loc := find(termSessRE, "届", "次"); loc != nil {
		mt.Session = number(text[loc[2]:loc[3]])
		dropLateTerm(loc[0])
		widen(loc)
	} else if loc := find(sessionRE, "第", "次"); loc != nil {
		mt.Session = number(text[loc[2]:loc[3]])
		dropLateTerm(loc[0])
		widen(loc)
		rest = loc[1]
	}
	// A sitting follows a session that has one: …第6次会议, …举行第二次全体会议.
	if rest > 0 && mt.Session != 0 {
		// …in the same clause.
		if loc := sessionRE.FindStringSubmatchIndex(text[rest:]); loc != nil && !strings.ContainsAny(text[rest:rest+loc[0]], ",。;:") {
			mt.Sitting = number(text[rest+loc[2] : rest+loc[3]])
			widen([]int{rest + loc[0], rest + loc[1]})
		}
	}
	if start < 0 {
		return
	}
	// The designation of a body with terms (届) runs on to the kind of
	// meeting right after it: 第11届成立大会, 第1届第4次定期大会第12次会议,
	// 第五届第三会期第一次临时会第一次会议.
	if mt.Term != 0 {
		end = kindAfter(text, end)
	}
	mt.Label = tidyTitle(show(start, end))
}

// kindAfter extends the end of a session label over the kind word that
// follows it (spaces allowed), and over a further sitting of a kind that
// holds sittings (…临时会第一次会议).
func kindAfter(text string, end int) int {
	at := func(i int) (int, bool) {
		j := i
		for j < len(text) && text[j] == ' ' {
			j++
		}
		for _, k := range kindWords {
			if strings.HasPrefix(text[j:], k) {
				return j + len(k), true
			}
		}
		return i, false
	}
	next, ok := at(end)
	if !ok {
		return end
	}
	if !strings.HasSuffix(text[:next], "会议") {
		rest := strings.TrimLeft(text[next:], " ")
		if loc := sessionRE.FindStringIndex(rest); loc != nil && loc[0] == 0 {
			if n, ok := at(next + len(text[next:]) - len(rest) + loc[1]); ok {
				return n
			}
		}
	}
	return next
}

// chairIn finds "…主持" in text and reads the person before it: 李亚平
// 市长主持, 国务院总理温家宝今天主持, 李强主持召开, 区长李伟光在区政府一楼
// 东会议室主持召开, 会议由区人大常委会主任王醇晨主持.
func chairIn(disp string) (*Person, bool) {
	for per := range chairsIn(disp) {
		return per, true
	}
	return nil, false
}

// chairsIn yields each person disp says presided, in order: a headline's
// bare 李克强主持召开… and the lead's 国务院总理李克强8月27日主持召开… when
// the two were joined into one line.
func chairsIn(disp string) iter.Seq[*Person] {
	return func(yield func(*Person) bool) {
		f, offs := fold.Offsets(disp)
		for from := 0; ; {
			k := strings.Index(f[from:], "主持")
			if k < 0 {
				return
			}
			i := from + k
			from = i + len("主持")
			if strings.HasPrefix(f[from:], "人:") {
				// 協商主持人：王大同 labels who chaired something else;
				// the 主持人 label itself is read as a label.
				continue
			}
			if _, ok := firstPrefix(f[from:], []string{"公道", "正义"}); ok {
				// 本席要請院長主持公道: upholding justice, presiding over
				// nothing.
				continue
			}
			start := afterLast(f[:i], "。;!?\n")
			clause := f[start:i]
			end := i
			// 会议由X主持: the person stands between 由 and 主持.
			if j := strings.LastIndex(clause, "由"); j >= 0 && !strings.ContainsAny(clause[j:], ",") {
				if per, ok := personBefore(disp[offs[start+j+len("由")]:offs[i]], false); ok {
					if !yield(per) {
						return
					}
					continue
				}
			}
			// X在区政府一楼东会议室主持: the place goes.
			if j := strings.LastIndex(clause, "在"); j > 0 && !strings.ContainsAny(clause[j:], ",") {
				end = start + j
			}
			// 副区长谢义维同志在…主持: 同志 is no part of the name.
			if strings.HasSuffix(f[:end], "同志") {
				end -= len("同志")
			}
			if per, ok := personBefore(disp[:offs[end]], false); ok && !yield(per) {
				return
			}
		}
	}
}

// dayRE matches a date at the end of folded text, between a name and its
// verb: 3月24日, 11号, 2012年7月25日.
var dayRE = regexp.MustCompile(`(?:(?:[0-9]{4}年)?[0-9]{1,2}月)?[0-9]{1,2}[日号]$`)

// personBefore reads the person named at the end of disp, before a verb
// (主持, 出席): a name with a title after it (李亚平市长) or before it
// (国务院总理温家宝, 国务院副总理、国务院食品安全委员会主任张高丽), or, unless
// titled is set, a bare name. Time words and a date in between are skipped.
func personBefore(disp string, titled bool) (*Person, bool) {
	text := fold.String(disp)
	drs := []rune(disp)
	if len(drs) != len([]rune(text)) {
		drs = []rune(text) // folding changed lengths: show folded
	}
	s := text
	for {
		t := dayRE.ReplaceAllString(s, "")
		for _, w := range []string{"今天", "今日", "上午", "下午", "晚上", "在京", "近日", "日"} {
			t = strings.TrimSuffix(t, w)
		}
		t = strings.TrimRight(t, "0123456789 ")
		if t == s {
			break
		}
		s = t
	}
	// The Han run ending at s's end, in runes.
	rs := []rune(s)
	j := len(rs)
	for j > 0 && (hanRune(rs[j-1]) || isNameDot(rs[j-1]) && j > 1 && hanRune(rs[j-2])) {
		j--
	}
	run := string(rs[j:])
	if run == "" {
		return nil, false
	}
	// Names are two to four characters; a name of a minority people
	// (艾力更·依明巴海) is written in parts joined by a dot.
	maxN := 4
	if strings.IndexFunc(run, isNameDot) >= 0 {
		maxN = 16
	}
	show := func(from, n int) string { return string(drs[j+from : j+from+n]) }
	// Title after the name: 李亚平市长.
	for _, t := range chairTitles {
		if strings.HasSuffix(run, t) {
			n, tn := runeCount(run)-runeCount(t), runeCount(t)
			if n >= 2 && n <= maxN {
				return &Person{Name: show(0, n), Title: show(n, tn)}, true
			}
		}
	}
	// Title before the name: 国务院总理温家宝.
	for _, t := range chairTitles {
		k := strings.LastIndex(run, t)
		if k < 0 {
			continue
		}
		at, tn := runeCount(run[:k]), runeCount(t)
		n := runeCount(run) - at - tn
		if n < 2 || n > maxN || !isName(string([]rune(run)[at+tn:])) {
			continue // 副主任 + 委员丛斌, 主任委员 + 丛斌作的: no name
		}
		from := at
		if orgBefore(run[:k]) {
			// 国务院食品安全委员会主任: the body is part of the title.
			from = 0
		}
		title := show(from, at+tn-from)
		// 国务院副总理、…主任: titles listed before the name.
		if from == 0 && j > 1 && rs[j-1] == '、' {
			k := j - 1
			for k > 0 && hanRune(rs[k-1]) {
				k--
			}
			prev := string(rs[k : j-1])
			for _, t2 := range chairTitles {
				if i := strings.LastIndex(prev, t2); i >= 0 && i+len(t2) == len(prev) && (i == 0 || orgBefore(prev[:i])) {
					title = string(drs[k:j]) + title
					break
				}
			}
		}
		return &Person{Name: show(at+tn, n), Title: title}, true
	}
	if n := runeCount(run); !titled && n >= 2 && n <= 3 {
		return &Person{Name: show(0, n)}, true
	}
	return nil, false
}

// orgBefore reports whether folded s, written before a title, names the body
// the title belongs to (国务院食品安全委员会) rather than being prose.
func orgBefore(s string) bool {
	return s != "" && isOrgEnd(lastRune(s)) && !strings.ContainsAny(s, "由在是和与及")
}

// openingLine returns the folded line that opens the meeting (主持召开,
// 召开, 举行 …, else the first line if it names a 会议: 日前，全国政协
// 十二届常委会第二十四次会议审议通过了…) and its start offset; empty if
// none is found near the top.
func (p *page) openingLine() (string, int) {
	for _, w := range []string{"主持召开", "召开", "主持", "举行", "开会", "会议"} {
		limit := min(len(p.lines), 40)
		if w == "会议" {
			limit = min(len(p.lines), 1)
		}
		for k := 0; k < limit; k++ {
			if l := p.line(k); strings.Contains(l, w) && !onlyScheduled(l, w) {
				return l, p.lines[k][0]
			}
		}
	}
	return "", 0
}

// onlyScheduled reports whether every w of a folded line opens a meeting
// the one reported schedules (决定于2018年2月2日上午召开省十三届人大常委会第一
// 次会议), not the meeting itself.
func onlyScheduled(l, w string) bool {
	own := unscheduled(l)
	for i := range occurrences(l, w) {
		if own[i:i+len(w)] == l[i:i+len(w)] {
			return false
		}
	}
	return true
}

// scheduleRE finds where a folded clause schedules another meeting than
// the one reported: a decision or proposal to convene one (决定十三届全国人大
// 常委会第八次会议1月29日至30日在北京举行, 建议全国政协十三届五次会议于明年3
// 月4日在北京召开, 会议还决定，明年3月1日至2日召开…), a date set for it
// (定于, 将于, 拟于), or the document that convenes it (关于召开…的决定).
var scheduleRE = regexp.MustCompile(`(决定|建议|定于|将于|拟于|关于)[,:]?[^,。;:!?]*?(召开|举行)`)

// businessRE finds where a folded clause (or a headline's part, up to a
// space) turns to the meeting's business: a session or kind named after
// 研究, 审议, 传达 … is what the meeting took up (研究中国共产党第十七届中央委员会第七次全体会议…筹备工作; 学习贯彻
// 十八届中央纪委第五次全会精神), not the meeting itself.
var businessRE = regexp.MustCompile(`(研究|审议|讨论|听取|传达|学习|贯彻|筹备)[^,。;:!? ]*`)

// ownMeeting is folded text with what names other meetings blanked (the
// clauses that schedule one, unscheduled, and the meeting's business,
// businessRE): where the meeting's kind and session are read.
func ownMeeting(s string) string {
	s = unscheduled(s)
	locs := businessRE.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	b := []byte(s)
	for _, loc := range locs {
		// 运动会筹备委员会第三次全体会议, 发展研究中心: the word inside a
		// body's name, which is the meeting's own.
		if _, ok := firstPrefix(s[loc[3]:], bodyWordsAfterVerb); ok {
			continue
		}
		for i := loc[0]; i < loc[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// bodyWordsAfterVerb end a body's name right after a word of business
// (筹备委员会, 研究中心, 研究室), folded.
var bodyWordsAfterVerb = []string{"委员会", "领导小组", "工作小组", "小组", "中心", "办公室", "研究室", "室", "院", "所", "处"}

// unscheduled blanks, in folded text, the clauses that schedule another
// meeting (scheduleRE) from where the scheduling starts to the clause's
// end: their dates, sessions and kinds are that meeting's, not the one
// reported. Offsets are kept (spaces of the same length).
func unscheduled(s string) string {
	locs := scheduleRE.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	b := []byte(s)
	done := 0 // blanked up to here, a clause's end: each byte is looked at once
	for _, loc := range locs {
		end := done // a match inside the clause blanked ends with it
		if loc[1] >= done {
			end = len(s)
			if k := strings.IndexAny(s[loc[1]:], "。,;!?"); k >= 0 {
				end = loc[1] + k
			}
		}
		for i := max(loc[0], done); i < end; i++ {
			b[i] = ' '
		}
		done = max(done, end)
	}
	return string(b)
}

// label finds a header line "LABEL：value" (labels may be spaced out: 時
// 間, 主　　席) among the first lines and returns the folded value and
// its offset.
//
// The header is the first 60 lines, and runs on through list lines (short,
// no full stop) so that a label after a long attendance list is found.
func (p *page) label(names []string) (string, int, bool) {
	limit := min(len(p.lines), 60)
	for k := 0; k < min(len(p.lines), 400); k++ {
		l := p.line(k)
		if k >= limit && (runeCount(l) > 60 || strings.Contains(l, "。")) {
			break
		}
		key, val, at, ok := splitLabel(l)
		for _, n := range names {
			if ok && key == n {
				return cutAtEnumLabel(val), p.lines[k][0] + at, true
			}
		}
		if k >= limit {
			continue
		}
		for _, n := range names {
			// 本 會－專門委員林愛倫 主 席：由…: a header's lines joined
			// into one, the label after a space.
			if at, ok := midLabel(l, n); ok {
				return strings.TrimSpace(cutAtEnumLabel(l[at:])), p.lines[k][0] + at, true
			}
		}
	}
	return "", 0, false
}

// midLabel finds label n, its characters possibly spaced out, after a
// space inside folded line l and before a colon; at is where its value
// starts.
func midLabel(l, n string) (at int, ok bool) {
	hasEnum := strings.Contains(l, "、")
	enum := -1 // the next numbered item's label at or after i, if known
	for i := 0; i < len(l); {
		j := strings.Index(l[i:], " ")
		if hasEnum && enum <= i {
			if _, enum = nextEnumLabel(l, i); enum < 0 {
				hasEnum = false
			}
		}
		if hasEnum && enum > i && (j < 0 || enum < i+j) {
			j = enum - i - 1
		}
		if j < 0 {
			return 0, false
		}
		i += j + 1
		rest := strings.TrimLeft(l[i:], " ")
		k := 0
		for _, r := range n {
			rest = strings.TrimLeft(rest, " ")
			c, size := utf8.DecodeRuneInString(rest)
			if c != r {
				k = -1
				break
			}
			rest = rest[size:]
			k++
		}
		if k > 0 {
			if v := strings.TrimLeft(rest, " "); strings.HasPrefix(v, ":") {
				return len(l) - len(v) + 1, true
			}
		}
	}
	return 0, false
}

// nextEnumLabel returns where the first numbered header item at or after
// byte from of folded l begins (…計14名。五、主席：…: 五) and where its
// label begins (主席), or -1, -1. A header whose line breaks were lost
// keeps its items' numbers; they say where each label starts.
func nextEnumLabel(l string, from int) (num, at int) {
	for i := from; i < len(l); {
		j := strings.Index(l[i:], "、")
		if j < 0 {
			return -1, -1
		}
		at := i + j + len("、")
		i = at
		// The number before 、: one to three numerals, not part of a
		// longer number.
		k := i - len("、")
		n := 0
		for k > 0 && n < 4 {
			r, size := utf8.DecodeLastRuneInString(l[:k])
			if !strings.ContainsRune("0123456789〇零一二两三四五六七八九十", r) {
				break
			}
			k -= size
			n++
		}
		if n == 0 || n > 3 {
			continue
		}
		if enumLabelEnd(l[at:]) > 0 {
			return k, at
		}
	}
	return -1, -1
}

// enumLabelEnd returns the length of a header label and its colon at the
// start of folded s (出席人:, 開 會 時 間:), or 0: one to six Han
// characters, possibly spaced out.
func enumLabelEnd(s string) int {
	han := 0
	for i, r := range s {
		switch {
		case hanRune(r):
			han++
			if han > 6 {
				return 0
			}
		case r == ' ':
		case r == ':':
			if han == 0 {
				return 0
			}
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// cutAtEnumLabel cuts a folded value where the next numbered header item
// begins (陳副主席介民六、紀錄:… → 陳副主席介民), with its number.
func cutAtEnumLabel(v string) string {
	if num, _ := nextEnumLabel(v, 0); num >= 0 {
		return v[:num]
	}
	return v
}

// splitLabel splits a folded line "出 席:value" or "时 间 value" into its
// label (spaces removed) and value.
func splitLabel(l string) (key, val string, at int, ok bool) {
	l2 := strings.TrimLeft(l, " ")
	// 五、主席：陳主席天成: a numbered header line.
	if i := strings.Index(l2, "、"); i > 0 && i <= 9 && isNumeral(l2[:i]) {
		l2 = strings.TrimLeft(l2[i+len("、"):], " ")
	}
	lead := len(l) - len(l2)
	// Labels are at most 6 Han characters, possibly spaced out.
	han := 0
	for i, r := range l2 {
		switch {
		case hanRune(r):
			han++
			if han > 8 {
				return "", "", 0, false
			}
		case r == ' ':
		case r == ':':
			key = stripSpaces(l2[:i])
			return key, strings.TrimSpace(l2[i+1:]), lead + i + 1, key != ""
		default:
			return "", "", 0, false
		}
		// A spaced-out two-character label without colon: "时 间 value"
		// is read when the label is one of the known ones.
		if han == 2 && r != ' ' {
			k := stripSpaces(l2[:i+len(string(r))])
			rest := l2[i+len(string(r)):]
			if (k == "时间" || k == "地点" || k == "主席") && strings.HasPrefix(rest, " ") {
				return k, strings.TrimSpace(rest), lead + i + len(string(r)), true
			}
		}
	}
	return "", "", 0, false
}
