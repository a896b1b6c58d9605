package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// docNumberRE matches a document number (文号) in folded text, in any of the
// bracket forms publishers use: 〔2020〕36号, [2020]36号, 【2020】36号,
// (2020)36号; fold has already made full-width digits and brackets
// half-width.
var docNumberRE = regexp.MustCompile(`([\p{Han}]{0,8})[〔\[【(〖]\s*((?:19|20)[0-9]{2})\s*[〕\]】)〗]\s*第?\s*([0-9]{1,5})\s*号`)

// CanonicalDocNumber rewrites a document number in its one canonical form,
// 〔2020〕36号, keeping an issuer prefix (苏府〔2020〕36号). It reports false
// when s holds no document number.
func CanonicalDocNumber(s string) (string, bool) {
	m := docNumberRE.FindStringSubmatch(fold.String(s))
	if m == nil {
		return "", false
	}
	n, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("%s〔%s〕%d号", m[1], m[2], n), true
}

// issuerSuffixes end the name of an issuing body, longest first.
var issuerSuffixes = []string{
	"人民代表大会常务委员会", "人大常委会", "人民政府办公厅", "人民政府办公室", "人民政府",
	"政府", "议会", "立法会", "立法院", "常委会", "委员会", "政协", "人民代表大会", "人大", "代表会", "领导小组", "协调小组", "小组", "党组", "政治局",
}

// kindWords are the kinds of meeting, folded, longest first.
var kindWords = []string{
	"常务会议", "主任会议", "主席团会议", "主席会议", "预备会议", "全体会议", "办公会议", "专题会议", "定期大会", "定期会", "临时大会", "临时会", "成立大会",
	"常委会会议", "联席会议", "全院委员谈话会", "谈话会", "院会", "会议",
}

// kindForms are the other ways releases write a kind of meeting, folded,
// and the kind each is: 区长办公会 is an 办公会议, 全体(扩大)会议 a 全体会议;
// 碰头会 and 调度会 are kinds of their own that no kindWord names.
var kindForms = []struct{ written, kind string }{
	{"全体(扩大)会议", "全体会议"}, {"常务(扩大)会议", "常务会议"},
	{"办公会", "办公会议"}, {"常务会", "常务会议"}, {"专题会", "专题会议"},
	{"碰头会", "碰头会"}, {"调度会", "调度会"},
}

// header fills title, doc number, issuer, publisher and publication date.
func (e *Extractor) header(p *page, d *Document, m *Minutes, ref time.Time, roc bool) {
	m.Title = tidyTitle(d.Title)
	p.why("title", "the file's own title ("+d.Format+")", -1)
	if f := stripSpaces(fold.String(m.Title)); isChrome(f) || stampLine(fold.String(m.Title)) {
		m.Title = ""
	}
	first := -1
	for k := range p.lines {
		if strings.TrimSpace(p.line(k)) != "" {
			first = k
			break
		}
	}
	if m.Title == "" && first >= 0 {
		l := p.lines[first]
		m.Title = tidyTitle(p.show(l[0], l[1]))
		p.why("title", "the first line", l[0])
	}
	m.Title = p.joinDocType(m.Title, first)
	m.Title = strings.TrimPrefix(m.Title, "[视频]")
	// A generic first heading (院會紀錄) gives way to the full title
	// below it (立法院第四屆第四會期第一次會議紀錄).
	if ft := fold.String(m.Title); runeCount(ft) <= 6 && first >= 0 {
		for k := first + 1; k < min(len(p.lines), first+8); k++ {
			l := strings.TrimSpace(p.line(k))
			if runeCount(l) > runeCount(ft) && runeCount(l) <= 60 && strings.Contains(l, "会议") &&
				(strings.HasSuffix(l, "纪录") || strings.HasSuffix(l, "记录") || strings.HasSuffix(l, "纪要")) {
				m.Title = tidyTitle(p.show(p.lines[k][0], p.lines[k][1]))
				p.why("title", "the full title below a generic heading", p.lines[k][0])
				break
			}
		}
	}

	// A page's first line may be its section (旗级要闻) or a sentence of
	// the text: the headline is the short line below that names the
	// meeting.
	// A breadcrumb names the kind of record (開會紀錄公布) before the
	// headline names the meeting itself (第21屆第5、6次臨時大會議事錄): a
	// line with a term or session number wins over one without.
	if !namesMeeting(fold.String(m.Title)) || runeCount(m.Title) > 80 {
		seen, pick := 0, -1
		for k := 0; k < len(p.lines) && seen < 8; k++ {
			l := strings.TrimSpace(p.line(k))
			if l == "" {
				continue
			}
			seen++
			if n := runeCount(l); n >= 6 && n <= 60 && !strings.Contains(l, "。") && namesMeeting(l) {
				if pick < 0 {
					pick = k
				}
				if designatorRE.MatchString(l) {
					pick = k
					break
				}
			}
		}
		if pick >= 0 {
			m.Title = tidyTitle(p.show(p.lines[pick][0], p.lines[pick][1]))
			p.why("title", "the short line near the top that names the meeting", p.lines[pick][0])
		}
	}

	// The document number sits in the first lines, under the title.
	head := p.norm
	if len(p.lines) > 12 {
		head = p.norm[:p.lines[12][1]]
	}
	if loc := docNumberRE.FindStringSubmatchIndex(head); loc != nil {
		n, _ := strconv.Atoi(head[loc[6]:loc[7]])
		prefix := ""
		if loc[2] < loc[3] && p.lineAt(loc[2]) == p.lineAt(loc[0]) && !strings.Contains(head[p.lines[p.lineAt(loc[0])][0]:loc[0]], "。") {
			prefix = p.show(loc[2], loc[3])
		}
		m.DocNumber = fmt.Sprintf("%s〔%s〕%d号", prefix, head[loc[4]:loc[5]], n)
		p.why("doc_number", "a document number (〔年〕号) in the first lines", loc[0])
	}

	m.Issuer = e.titleIssuer(m.Title)
	p.why("issuer", "the body the title names (after 主持召开, or the subject of 召开)", -1)
	if m.Issuer == "" {
		m.Issuer = e.issuer(p.show(0, min(len(p.norm), 600)))
		p.why("issuer", "the body the opening names (after 主持召开, or the subject of 召开)", 0)
	}
	if m.Issuer == "" {
		if name, at := e.issuerOfRecordName(p); name != "" {
			m.Issuer = name
			p.why("issuer", "the body that heads the record's full name (…鎮民代表會第5次臨時大會議事錄)", at)
		}
	}
	if m.Issuer == "" {
		if name, at := e.issuerBeforeTerm(p); name != "" {
			m.Issuer = name
			p.why("issuer", "the body named before its term (…鄉民代表會第12屆第17次臨時會)", at)
		}
	}

	e.colophon(p, m, ref, roc)
}

// issuerBeforeTerm reads the body named right before a term's number in
// the first part of the text (烈嶼鄉民代表會第12屆第17次臨時會, 省十三届人大
// 常委会 is read elsewhere): a body meets in its terms.
func (e *Extractor) issuerBeforeTerm(p *page) (string, int) {
	head := p.norm[:min(len(p.norm), 3000)]
	for _, loc := range termRE.FindAllStringIndex(head, 8) {
		if !strings.HasPrefix(head[loc[0]:], "第") {
			continue
		}
		start := afterLast(head[:loc[0]], " \n。,;:!?()《》「」")
		if name := e.bodyIn(p.show(start, loc[0])); name != "" {
			return name, start
		}
	}
	return "", 0
}

// joinDocType completes a heading split over two lines, the name above and
// the document type below (立法會 / 議程), when the title is that name.
func (p *page) joinDocType(title string, first int) string {
	ft := fold.String(title)
	if first < 0 || ft == "" {
		return title
	}
	if _, ok := docTypeSuffix(ft); ok {
		return title
	}
	for k := first; k < min(len(p.lines)-1, first+8); k++ {
		if strings.TrimSpace(p.line(k)) != ft {
			continue
		}
		next := k + 1
		for next < len(p.lines) && strings.TrimSpace(p.line(next)) == "" {
			next++
		}
		if next == len(p.lines) {
			break
		}
		nl := strings.TrimSpace(p.line(next))
		if t, ok := docTypeSuffix(nl); ok && t == nl {
			return title + p.show(p.lines[next][0], p.lines[next][1])
		}
		break
	}
	return title
}

// titleIssuer reads the issuing body of a headline. A headline of several
// phrases set apart by spaces (十二届全国人大常委会第六次会议在京闭幕 张德江
// 主持会议 明年3月5日召开十二届全国人大二次会议) names its meeting's body in
// the first phrase that names one: a later phrase's 召开 is another meeting,
// decided at this one. A title whose parts before the last are too short
// to be phrases (苏州市人 民政府…, a word broken by the layout) is read whole.
func (e *Extractor) titleIssuer(title string) string {
	phrases := strings.Fields(title)
	if len(phrases) > 1 && !slices.ContainsFunc(phrases[:len(phrases)-1], func(s string) bool { return runeCount(s) < 6 }) {
		for _, ph := range phrases {
			if name := e.issuer(ph); name != "" {
				return name
			}
		}
	}
	if name := e.issuer(title); name != "" || len(phrases) < 2 {
		return name
	}
	// 全国政协某届常委会第二次会议开幕 某某某主持 某某作报告: a short phrase
	// after the first names who presided, and the body is read from its
	// own phrase.
	for _, ph := range phrases {
		if runeCount(ph) >= 6 {
			if name := e.issuer(ph); name != "" {
				return name
			}
		}
	}
	return ""
}

// issuer finds the issuing body in a title such as 苏州市人民政府 常务会议纪要,
// 臺北市議會第11屆成立大會會議紀錄 or 李强主持召开国务院常务会议, in the
// document's own characters, mapped to the canonical name where the issuers
// table has one.
func (e *Extractor) issuer(title string) string {
	name := e.issuerAfterVerb(title)
	if f := fold.String(name); f == "" || f == "委员会" || f == "常委会" || f == "小组" {
		// 市政协在机关三楼会议室召开了…: the body is the subject.
		if subj := e.issuerSubject(title); subj != "" {
			return subj
		}
	}
	return name
}

// issuerOfRecordName reads the body that heads the record's full name in
// the first part of the text, where a page's headline left it out:
// 雲林縣北港鎮第21屆鎮民代表會第5、6次臨時大會議事錄 under the headline
// 第21屆第5、6次臨時大會議事錄. The name is the phrase that ends with a
// document type (議事錄, 紀錄, 纪要), back to the last space or punctuation.
func (e *Extractor) issuerOfRecordName(p *page) (string, int) {
	head := p.norm[:min(len(p.norm), 3000)]
	for _, t := range docTypes {
		for i := range occurrences(head, t) {
			end := i + len(t)
			start := afterLast(head[:i], " \n。,;:!?()《》")
			if name := e.issuerAfterVerb(p.show(start, end)); name != "" {
				return name, start
			}
		}
	}
	return "", 0
}

// issuerSubject reads the body that is the subject of the first 召开/举行
// in text, before a place phrase (市政协在机关三楼会议室召开) and after a
// date (9月26日，区第十六届人大常委会召开第二十二次会议).
func (e *Extractor) issuerSubject(title string) string {
	// The line of the first 召开 or 举行: spaces are squeezed within it,
	// never across lines (新聞稿⏎高雄市議會…召開 is two).
	for l := range strings.Lines(title) {
		if f := fold.String(l); strings.Contains(f, "召开") || strings.Contains(f, "举行") {
			title = l
			break
		}
	}
	t := squeezeHanSpaces(title)
	nt, offs := fold.Offsets(t)
	at := -1
	for _, w := range []string{"召开", "举行"} {
		if i := strings.Index(nt, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at <= 0 {
		return ""
	}
	start := afterLast(nt[:at], ",。;:!?\n")
	end := at
	if i := strings.Index(nt[start:end], "在"); i > 0 {
		end = start + i
	}
	clause := start
	for _, w := range []string{"上午", "下午", "晚上", "今天", "日"} {
		if i := strings.LastIndex(nt[start:end], w); i >= 0 {
			start += i + len(w)
		}
	}
	if body := e.bodyIn(t[offs[start]:offs[end]]); body != "" || start == clause {
		return body
	}
	// 高雄市議會第六屆第四次定期大會二十一日召開預備會議: the date after the
	// body.
	return e.bodyIn(t[offs[clause]:offs[start]])
}

// issuerAfterVerb reads the body named after 主持召开 (or at the start of a
// title without one): 主持召开区政府第16次常务会议, 主持召开2026年第1次旗政府
// 常务会议.
func (e *Extractor) issuerAfterVerb(title string) string {
	t := squeezeHanSpaces(title)
	nt, offs := fold.Offsets(t)
	start := 0
	for _, w := range []string{"主持召开", "召开", "主持"} {
		if i := strings.Index(nt, w); i >= 0 {
			start = i + len(w)
			break
		}
	}
	start += len(prefixOf(nt[start:], "了"))
	rest := nt[start:]
	// A document type at the end goes first, so that 立法会议程 does not
	// read as 立法 + 会议.
	if t, ok := docTypeSuffix(rest); ok {
		rest = rest[:len(rest)-len(t)]
	}
	return e.bodyIn(t[offs[start]:offs[start+len(rest)]])
}

// designatorRE matches the designators of term and session inside a body's
// phrase, folded: 十六届, 第五次, 2026年第1次, 第1会期.
var designatorRE = regexp.MustCompile(`(?:(?:19|20)[0-9]{2}年)?第?[0-9〇零一二两三四五六七八九十百千]+(?:[、,和至][0-9〇零一二两三四五六七八九十百千]+)*(?:[届次]|会期)`)

// leadingDateRE matches a date that opens a folded phrase: 中华民国95年3月24日,
// 2026年1月5日.
var leadingDateRE = regexp.MustCompile(`^\s*(?:中华民国)?[0-9〇零一二三四五六七八九十]+年[0-9〇零一二三四五六七八九十]+月[0-9〇零一二三四五六七八九十]+日`)

// bodyIn reads the issuing body named at the start of a phrase: the
// designators of term and session dropped (县第十七届人民政府第22次县长专题
// 会议 → 县人民政府县长专题会议), the phrase cut at its first punctuation,
// and the longest prefix that ends as a body's name does kept; a name the
// issuers table knows is canonical.
func (e *Extractor) bodyIn(phrase string) string {
	nt, offs := fold.Offsets(phrase)
	// 中華民國95年3月24日立法院第6屆…: a date before the body is no part
	// of its name.
	if loc := leadingDateRE.FindStringIndex(nt); loc != nil {
		phrase = strings.TrimSpace(phrase[offs[loc[1]]:])
		nt, offs = fold.Offsets(phrase)
	}
	var fb, db strings.Builder
	keep := func(i, j int) {
		fb.WriteString(nt[i:j])
		db.WriteString(phrase[offs[i]:offs[j]])
	}
	at := 0
	for _, loc := range designatorRE.FindAllStringIndex(nt, -1) {
		keep(at, loc[0])
		at = loc[1]
	}
	keep(at, len(nt))
	f, d := fb.String(), db.String()
	_, doffs := fold.Offsets(d)
	if i := strings.IndexAny(f, ",。;:!?、()《\n "); i >= 0 {
		f = f[:i]
	}
	// A body's name ends before the words of a sentence (全国人大常委会会议
	// 分组审议全国人大常委会工作报告稿: the body is the first); 会议听取了…
	// 关于全国人大 names none.
	for _, w := range []string{"会议", "听取", "了", "关于"} {
		for from := 0; ; {
			i := strings.Index(f[from:], w)
			if i < 0 {
				break
			}
			// 中国人民政治协商会议全国委员会: 会议 inside a name.
			if w == "会议" && strings.HasSuffix(f[:from+i], "协商") {
				from += i + len(w)
				continue
			}
			f = f[:from+i]
			break
		}
	}
	best := -1
	for _, suf := range issuerSuffixes {
		for from := 0; ; {
			i := strings.Index(f[from:], suf)
			if i < 0 {
				break
			}
			end := from + i + len(suf)
			from = end
			// 常委会议 is 常委 + 会议, not 常委会 + 议.
			if strings.HasSuffix(suf, "会") && strings.HasPrefix(f[end:], "议") {
				continue
			}
			if end > best {
				best = end
			}
		}
	}
	if best < 0 {
		if ent, _, ok := e.issuers.longest(f); ok {
			return ent.canonical
		}
		return ""
	}
	name := strings.TrimSpace(d[:doffs[best]])
	// 栗战书与全国人大常委会, 法制工作委员会负责人向全国人大常委会: a name
	// the issuers table knows ends the phrase after a word that links it
	// to someone (与, 向, 出席), which is no part of a body's name.
	fn := fold.String(name)
	for i := range fn {
		if ent, ok := e.issuers.byAlias[fn[i:]]; ok && i > 0 && slices.ContainsFunc(linkWords, func(w string) bool { return strings.HasSuffix(fn[:i], w) }) {
			return ent.canonical
		}
	}
	// 某某出席国务院某协调小组, 某某同志在中央纪律检查委员会, 某某对某领导小组:
	// a person who attends, speaks at or instructs a body's meeting is no
	// part of its name; the body is what follows.
	for _, w := range []string{"出席", "在", "对"} {
		i := strings.Index(fn, w)
		if i <= 0 {
			continue
		}
		rest := fn[i+len(w):]
		if !namedPersonAtEnd(strings.TrimSuffix(fn[:i], "同志")) || runeCount(rest) < 4 || strings.HasPrefix(rest, "外") {
			continue
		}
		_, o := fold.Offsets(name)
		name, fn = strings.TrimSpace(name[o[i+len(w)]:]), rest
		if ent, ok := e.issuers.byAlias[fn]; ok {
			return ent.canonical
		}
		break
	}
	// 北港鎮 + 鎮民代表會 is 北港鎮民代表會: the town's name already ends
	// with the word the assembly's name begins with.
	for _, c := range []string{"镇", "乡"} {
		fn, o := fold.Offsets(name)
		if i := strings.Index(fn, c+c+"民代表会"); i >= 0 {
			name = name[:o[i]] + name[o[i+len(c)]:]
		}
	}
	// 中共全国人大常委会党组 is 全国人大常委会党组; 中华人民共和国全国人民代表大会
	// 常务委员会 is the body the issuers table knows without the state's name.
	if rest, ok := strings.CutPrefix(name, "中共"); ok && strings.HasSuffix(fold.String(rest), "党组") {
		name = rest
	}
	fn = fold.String(name)
	if ent, ok := e.issuers.byAlias[fn]; ok {
		return ent.canonical
	}
	if ent, ok := e.issuers.byAlias[strings.TrimPrefix(fn, "中华人民共和国")]; ok {
		return ent.canonical
	}
	return name
}

// namedPersonAtEnd reports whether folded s ends with a person's name (某某,
// 某某某): a name after a surname's character that is no body's name
// (中央, 国务院, 市政府 are none).
func namedPersonAtEnd(s string) bool {
	per, ok := personBefore(s, false)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(fold.String(per.Name))
	_, body := bodyEnd(fold.String(per.Name))
	return isSurnameRune(r) && isName(per.Name) && !body
}

// linkWords join a person or a body to another body in a phrase (栗战书与
// 全国人大常委会): none ends a body's name.
var linkWords = []string{"与", "同", "向", "在", "和", "及", "对", "出席", "参加", "主持"}

// issuerOfChair names the body a chair's title heads (县长 → 县政府,
// 区人大常委会主任 → 区人大常委会, 市政协主席 → 市政协), for a record whose text
// names no body; empty when the title heads none.
func issuerOfChair(title string) string {
	f := fold.String(title)
	f = f[afterLast(f, "、,"):]
	for _, c := range []struct{ title, body string }{
		{"人大常委会主任", "人大常委会"}, {"人大常委会副主任", "人大常委会"}, {"政协主席", "政协"}, {"政协副主席", "政协"},
	} {
		if i := strings.Index(f, c.title); i >= 0 {
			level := ""
			if r := []rune(f[:i]); len(r) > 0 && strings.ContainsRune(levelChars, r[len(r)-1]) {
				level = string(r[len(r)-1])
			}
			return level + c.body
		}
	}
	for _, c := range []struct{ title, body string }{
		{"省长", "省政府"}, {"市长", "市政府"}, {"区长", "区政府"}, {"县长", "县政府"}, {"旗长", "旗政府"}, {"州长", "州政府"},
	} {
		if strings.HasSuffix(f, c.title) && !strings.HasSuffix(f, "副"+c.title) || strings.HasSuffix(f, "副"+c.title) {
			return c.body
		}
	}
	return ""
}

// namesMeeting reports whether a folded headline names a meeting.
func namesMeeting(s string) bool {
	for _, w := range []string{"会议", "纪要", "纪录", "记录", "议事录", "院会", "大会", "议程", "召开", "举行"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// isNumeral reports whether a folded string is a number in digits or
// Chinese numerals (12, 十二, 一〇).
func isNumeral(s string) bool {
	return onlyOf(s, numeralRunes)
}

// numeralRunes are the characters of a number, in figures or in words.
const numeralRunes = "0123456789〇零一二两三四五六七八九十百千"

// onlyOf reports whether s is not empty and each of its characters is one
// of runes.
func onlyOf(s, runes string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(runes, r) {
			return false
		}
	}
	return true
}

// colophon reads the end of the document: the office that compiled or
// printed it (苏州市人民政府办公室整理, … 印发) and the publication date.
func (e *Extractor) colophon(p *page, m *Minutes, ref time.Time, roc bool) {
	from := max(0, len(p.lines)-20)
	for k := len(p.lines) - 1; k >= from; k-- {
		l := strings.TrimSpace(p.line(k))
		if l == "" {
			continue
		}
		if m.Publisher == "" {
			for _, suf := range []string{"整理", "印发"} {
				if strings.HasSuffix(l, suf) && !strings.ContainsAny(l, "0123456789") && runeCount(l) <= 30 {
					span := p.lines[k]
					s := p.show(span[0], span[1])
					m.Publisher = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "整理"), "印发"))
				}
			}
		}
		if m.Published == "" && runeCount(l) <= 20 {
			// A full date: 本日 or 11月2日 on a short line is no
			// publication date, and read against no date it would be
			// today's.
			if dm, ok := firstDate(l, ref, roc); ok && dm.Start <= 2 && !dm.Inferred {
				m.Published = dm.ISO()
			}
		}
	}
	// A publisher on its own line above the date: 苏州市人民政府办公室 /
	// 2020年11月16日印发.
	if m.Publisher == "" {
		for k := len(p.lines) - 1; k > from; k-- {
			l := strings.TrimSpace(p.line(k))
			if strings.HasSuffix(l, "印发") {
				prev := strings.TrimSpace(p.line(k - 1))
				if strings.HasSuffix(prev, "办公室") || strings.HasSuffix(prev, "办公厅") {
					span := p.lines[k-1]
					m.Publisher = p.show(span[0], span[1])
				}
				break
			}
		}
	}
}
