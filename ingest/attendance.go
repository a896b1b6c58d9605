package ingest

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Attendance labels, folded, and the role each gives. A house label lists
// the house's own members or its clerks (出席議員, 缺席議員, 列席秘書): the
// roll of a legislature, not the officials who act in its sitting (see
// addActors).
var rosterLabels = []struct {
	label, role string
	house       bool
}{
	{"出席议员", RolePresent, true}, {"出席委员", RolePresent, true}, {"出席", RolePresent, false},
	{"列席", RoleObserver, false}, {"请假议员", RoleAbsent, true}, {"请假", RoleAbsent, false},
	{"缺席议员", RoleAbsent, true}, {"缺席", RoleAbsent, false}, {"记录", RoleRecorder, false}, {"纪录", RoleRecorder, false},
	{"出席政府官员", RolePresent, false}, {"列席秘书", RoleObserver, true},
	{"协商代表", RoleNegotiator, false}, {"协商主持", RoleNegotiator, false}, // 協商主持人
	{"监票员", RoleTeller, false},
}

// personTitles are titles written before, after or inside a name: 議長許崑源,
// 市長：郝龍斌, 王院長金平, 曾鈺成議員. Folded, longest first.
var personTitles = []string{
	"常务副市长", "助理秘书长", "副秘书长", "秘书长", "副议长", "议长", "副院长", "院长", "副市长", "市长",
	"副局长", "局长", "副主任委员", "主任委员", "副主任", "主任", "议员", "委员", "副主委", "主委",
	"处长", "副处长", "科长", "专门委员", "组长", "召集人", "主席", "部长", "署长", "司长",
	"副区长", "区长", "专员", "执行秘书", "副总经理", "总经理", "总纪录", "总记录",
	"副主席", "副县长", "县长", "副镇长", "镇长", "副乡长", "乡长", "课长", "主任秘书", "秘书", "代表", "组员",
	"园长", "经理", "队长",
}

// titleEnds holds the last characters of personTitles.
var titleEnds = func() map[rune]bool {
	m := map[rune]bool{}
	for _, t := range personTitles {
		m[lastRune(t)] = true
	}
	return m
}()

// recorderTitles are the titles of the person who takes the minutes, when
// the record names them among those present (總紀錄：黃聖賓).
var recorderTitles = []string{"总纪录", "总记录", "纪录", "记录"}

// headerLabels are the header labels that end an attendance block even
// though some are also titles (主席).
var headerLabels = []string{"主席", "主持", "主持人", "时间", "日期", "地点", "事由", "案由", "议程", "记录", "纪录"}

// honorifics follow a name in Hong Kong records (曾德成先生, 高永文醫生,
// 陳家強教授), folded.
var honorifics = []string{"先生", "女士", "小姐", "医生", "教授", "博士"}

// orgEnds are the characters an organisation's name ends with, for
// splitting "市商务局孙建江" into org and name.
const orgEnds = "局委办部司团队班区市县台室支院厅处会所校馆站心行府组省镇乡街科学"

// isOrgEnd reports whether r is one of orgEnds.
func isOrgEnd(r rune) bool {
	if r >= 0x4E00 && r < 0xA000 {
		return orgEndDense[r-0x4E00]
	}
	return strings.ContainsRune(orgEnds, r)
}

// orgEndDense is orgEnds as a set over the common ideographs.
var orgEndDense = func() *[0xA000 - 0x4E00]bool {
	var t [0xA000 - 0x4E00]bool
	for _, r := range orgEnds {
		if r >= 0x4E00 && r < 0xA000 {
			t[r-0x4E00] = true
		}
	}
	return &t
}()

// rosterBlock is one attendance block: its role and its lines, each with
// the organisation of the sub-heading it stands under (市政府：, 本會：).
type rosterBlock struct {
	role     string
	house    bool // the block lists the house's roll (rosterLabels)
	segments []rosterSegment
}

type rosterSegment struct {
	org   string
	lines []string
}

// attendance reads the 出席/列席/请假/记录 blocks from the raw lines, where
// the line breaks of the original layout still tell list items apart.
func (e *Extractor) attendance(p *page, m *Minutes) {
	var blocks []*rosterBlock
	var cur *rosterBlock
	host := "" // the names after a 主持人 label on the last line that was not blank
	for line := range strings.SplitSeq(p.raw, "\n") {
		if !hasColon(line) {
			cur = rosterLine(line, cur, &blocks)
			if strings.TrimSpace(line) != "" {
				host = ""
			}
			continue
		}
		n := len(blocks)
		for _, raw := range splitInlineLabels(line) {
			cur = rosterLine(raw, cur, &blocks)
		}
		if len(blocks) > n && blocks[n].role == RoleNegotiator && host != "" {
			// 主持人：王金平　江丙坤 above 協商代表：…: a negotiation's
			// hosts sign its conclusion with the parties' delegates.
			blocks[n].segments = append([]rosterSegment{{lines: []string{host}}}, blocks[n].segments...)
		}
		host = ""
		if strings.Contains(line, "主") { // 主 in either script: most lines are not folded
			f, offs := fold.Offsets(line)
			if key, _, at, ok := splitLabel(f); ok && key == "主持人" {
				host = strings.TrimSpace(line[offs[min(at, len(offs)-1)]:])
			}
		}
	}
	seen := map[string]bool{}
	for _, b := range blocks {
		if b.role == RoleRecorder {
			var all []string
			for _, sg := range b.segments {
				all = append(all, sg.lines...)
			}
			names := splitNames(strings.Join(all, " "))
			for i, n := range names {
				// 紀錄：組員吳育美: the recorder's title before the name.
				if a, ok := titledName(n); ok && !isName(n) {
					names[i] = a.Name
				}
			}
			if len(names) > 0 && m.Recorder == "" {
				m.Recorder = strings.Join(names, "、")
			}
			continue
		}
		for _, sg := range b.segments {
			for _, a := range parseAttendees(sg.lines) {
				a.Role = b.role
				a.Name = withoutIgnorable(a.Name)
				if a.Org == "" {
					a.Org = sg.org
				}
				k := a.Role + "\x00" + a.Org + "\x00" + a.Name
				if seen[k] {
					continue
				}
				seen[k] = true
				if b.house {
					if p.house == nil {
						p.house = map[string]bool{}
					}
					p.house[fold.String(a.Name)] = true
				}
				m.Attendees = append(m.Attendees, a)
			}
		}
	}
	m.Attendees = append(m.Attendees, gazetteHeads(p, m)...)
	if len(blocks) == 0 {
		m.Attendees = append(m.Attendees, attendedIn(p)...)
	}
	if m.Recorder == "" {
		for _, a := range m.Attendees {
			if contains(recorderTitles, fold.String(a.Title)) {
				m.Recorder = a.Name
				break
			}
		}
	}
}

// gazetteHeads reads the heads of a gazette's sitting, written as label,
// spaces and value without a colon: who presides (主　　席　王院長金平, the
// next line's 洪副院長秀柱 presiding in turn, and 主　　席　曾副院長永權
// where the sitting resumes another day) and the secretaries who sit in
// (秘書長　林錫山, 副秘書長　周萬來). The record's chair is not filed again.
func gazetteHeads(p *page, m *Minutes) []Attendee {
	var out []Attendee
	chairLines := 0 // lines after a 主席 head that may name one presiding in turn
	for k := range p.lines {
		t := strings.TrimSpace(p.line(k))
		if t == "" || strings.ContainsAny(t, ":,。") || runeCount(t) > 16 {
			chairLines = 0
			continue
		}
		fields := strings.Fields(t)
		label := strings.Join(fields[:max(0, len(fields)-1)], "")
		value := fields[len(fields)-1]
		at := p.lines[k][1] - len(value)
		switch {
		case label == "主席" || label == "" && chairLines > 0:
			if a, ok := titledName(p.show(at, p.lines[k][1])); ok && isName(a.Name) && (m.Chair == nil || fold.Key(a.Name) != fold.Key(m.Chair.Name)) {
				a.Role = RoleChair
				out = append(out, a)
			}
			if label == "主席" {
				chairLines = 2
				continue
			}
		case label == "秘书长" || label == "副秘书长":
			if isName(value) {
				out = append(out, Attendee{Name: p.show(at, p.lines[k][1]), Title: stripSpaces(p.show(p.lines[k][0], at)), Role: RoleObserver})
			}
		}
		chairLines = max(0, chairLines-1)
	}
	return out
}

// attendedIn reads the officials a news release says attended, in the
// sentences that end 出席会议, 参加会议 or 列席会议: 副县长何奎、顾欣、黄欢和
// 县政府办主任李安模出席会议; 县人大常委会副主任刘志伟，县政协副主席曹凤娥列席
// 会议. Each person once, with the title written before the name.
func attendedIn(p *page) []Attendee {
	var out []Attendee
	seen := map[string]bool{}
	for at, verb := range p.wordsIn(attendVerbSet) {
		role := attendRoles[verb]
		start, end := afterLast(p.norm[:at], "。;:!?\n"), at
		if attendListAfter[verb] {
			// 在主席台就座的还有：丁某、刘某…等: the list follows.
			start = at + len(verb)
			start += len(prefixOf(p.norm[start:], ":"))
			end = start + strings.IndexAny(p.norm[start:]+"。", "。;!?\n")
		}
		for _, a := range listedPeople(p, start, end) {
			k := fold.String(a.Name)
			if seen[k] {
				continue
			}
			seen[k] = true
			a.Role = role
			out = append(out, a)
		}
	}
	return out
}

// attendVerb is words that say who attended and the role they give.
type attendVerb struct{ verb, role string }

// attendVerbs end a sentence that lists who attended, folded, with the
// role each gives.
var attendVerbs = []attendVerb{
	{"列席会议", RoleObserver}, {"出席会议", RolePresent}, {"参加会议", RolePresent},
	{"出席了会议", RolePresent}, {"参加了会议", RolePresent}, {"到会", RolePresent},
	{"出席。", RolePresent},    // 栗战书委员长出席。
	{"参加。", RolePresent},    // 区领导马骏、谷向…参加。
	{"在主席台就座", RolePresent}, // seated on the rostrum of a congress's sitting
	{"出席本次会议", RolePresent}, {"参加本次会议", RolePresent}, {"列席本次会议", RoleObserver},
	{"出席此次会议", RolePresent}, {"参加此次会议", RolePresent}, {"列席此次会议", RoleObserver},
	{"在主席台执行主席席就座", RolePresent}, // the executive chairs of a congress's sitting
}

// attendListVerbs open the list of who attended (出席会议的还有：…).
var attendListVerbs = []attendVerb{
	{"出席会议的还有", RolePresent}, {"出席会议的有", RolePresent}, {"参加会议的还有", RolePresent}, {"参加会议的有", RolePresent},
	{"列席会议的还有", RoleObserver}, {"列席会议的有", RoleObserver}, {"在主席台就座的还有", RolePresent}, {"在主席台就座的有", RolePresent},
}

// attendVerbWords, attendVerbSet, attendRoles and attendListAfter index
// attendVerbs and attendListVerbs.
var (
	attendVerbWords = func() []string {
		var ws []string
		for _, av := range slices.Concat(attendVerbs, attendListVerbs) {
			ws = append(ws, av.verb)
		}
		return ws
	}()
	attendVerbSet = setOf(attendVerbWords...)
	attendRoles   = func() map[string]string {
		m := map[string]string{}
		for _, av := range slices.Concat(attendVerbs, attendListVerbs) {
			m[av.verb] = av.role
		}
		return m
	}()
	attendListAfter = func() map[string]bool {
		m := map[string]bool{}
		for _, av := range attendListVerbs {
			m[av.verb] = true
		}
		return m
	}()
)

// listTitles are the titles written before a name in a release's list of
// those present, folded, longest first.
var listTitles = []string{
	"常务副市长", "常务副县长", "常务副区长", "常务副主任", "副秘书长", "秘书长", "副书记", "书记", "党组成员", "党组书记",
	"副市长", "市长", "副县长", "县长", "副区长", "区长", "副旗长", "旗长", "副镇长", "镇长", "副乡长", "乡长",
	"副主任", "主任", "副主席", "主席", "副院长", "院长", "检察长", "副局长", "局长", "部长", "委员", "常委", "领导",
	"副总理", "总理", "国务委员", "副委员长", "委员长", "主任委员", "调研员", "巡视员",
}

// listedPeople reads the people listed in the folded span [i, end): items
// separated by 、，和及, each a name with its title before it or a bare
// name.
func listedPeople(p *page, i, end int) []Attendee {
	var out []Attendee
	text := p.norm[i:end]
	// 杨晶、常万全等国务院全体会议组成人员: the list ends at 等 when what
	// follows names the rest as a group.
	if k := strings.LastIndex(text, "等"); k > 0 && !strings.ContainsAny(text[k:], "、,和及与") {
		text = text[:k]
	}
	for _, w := range []string{"等", "应邀", "也", "分别", "一同", "同志"} {
		text = strings.TrimSuffix(text, w)
	}
	// A title alone (国务院副总理、) goes with the name after it.
	pending := -1
	clause := false // the item before told who did what
	// 林文漪、罗富和、李海峰: a 和 before a separator ends a name; it joins
	// two only between names. It is split on in a copy where such a 和 is
	// masked by a character of the same length.
	split := strings.NewReplacer("和、", "\ue000、", "和,", "\ue000,").Replace(text)
	if strings.HasSuffix(split, "和") {
		split = strings.TrimSuffix(split, "和") + "\ue000"
	}
	for _, pt := range splitAt(split, "、", ",", "和", "以及", "及", "与") {
		for pt[0] < pt[1] && text[pt[0]] == ' ' {
			pt[0]++
		}
		for pt[1] > pt[0] && text[pt[1]-1] == ' ' {
			pt[1]--
		}
		tok := text[pt[0]:pt[1]]
		best, bestAt := -1, 0
		for _, t := range listTitles {
			if k := strings.LastIndex(tok, t); k >= 0 && k+len(t) > best {
				best, bestAt = k+len(t), k
			}
		}
		// 會議由某委員會召集委員林某擔任主席，除由提案委員甲、乙到會說明:
		// a clause that tells who did what, not an item of the list, nor
		// are the bare names after it (but 会议由主任某某主持，副主任甲、乙
		// 参加了会议: titled items after it are).
		if best > 0 && clauseBefore(tok[:bestAt]) {
			clause, pending = true, -1
			continue
		}
		if best > 0 {
			clause = false
		} else if clause {
			continue
		}
		nameFrom, nameTo := 0, len(tok)
		titleFrom, titleTo := 0, 0
		switch {
		case best == len(tok) && bestAt > 0 && isName(tok[:bestAt]):
			// 吴邦国委员长: the title after the name.
			nameTo, titleFrom, titleTo = bestAt, bestAt, best
		case best == len(tok):
			// A title alone.
			if pending < 0 {
				pending = pt[0]
			}
			continue
		case best > 0:
			nameFrom, titleTo = best, best
		}
		name := tok[nameFrom:nameTo]
		n := runeCount(name)
		first, _ := utf8.DecodeRuneInString(name)
		// A name the surname table does not know (常万全) is still a name
		// in a list of names, after one.
		_, body := bodyEnd(name)
		listed := len(out) > 0 && titleTo == 0 && allHan(name) && !body && !strings.ContainsAny(name, "各有相部门位")
		if n < 2 || n > 3 || !listed && (!isName(name) || !isSurnameRune(foldRune(first))) {
			pending = -1
			continue
		}
		a := Attendee{Name: p.show(i+pt[0]+nameFrom, i+pt[0]+nameTo)}
		switch {
		case titleTo > titleFrom && pending >= 0 && titleFrom == 0:
			a.Title = p.show(i+pending, i+pt[0]+titleTo)
		case titleTo > titleFrom:
			a.Title = p.show(i+pt[0]+titleFrom, i+pt[0]+titleTo)
		}
		pending = -1
		out = append(out, a)
	}
	return out
}

// clauseBefore reports whether the folded words before a title in a list's
// item make it a clause (會議由…擔任, 除由提案): words of who did what,
// which no title or body holds (though 自由贸易区 and 扫黑除恶 hold 由 and
// 除 alone).
func clauseBefore(s string) bool {
	for _, w := range []string{"会议由", "除由", "担任"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// rosterLine reads one raw line into the blocks: a roster label opens a
// block, a sub-heading (市政府：) or a "title：name" line continues it, any
// other label closes it. It returns the block now open, or nil.
func rosterLine(raw string, cur *rosterBlock, blocks *[]*rosterBlock) *rosterBlock {
	// 出席 alone on its line, the names on the lines below: a web page's
	// header cell (see joinBareLabels).
	if t := strings.TrimSpace(raw); bareLabel(t) {
		key := fold.String(t)
		for _, al := range rosterLabels {
			if rosterKey(key) == al.label {
				b := &rosterBlock{role: al.role, house: al.house, segments: []rosterSegment{{}}}
				*blocks = append(*blocks, b)
				return b
			}
		}
		return nil
	}
	// Outside a block only a label line matters, and a label has its
	// colon near the start: most lines need no folding.
	if cur == nil && !hasColon(raw[:min(len(raw), 60)]) && !strings.Contains(raw[:min(len(raw), 60)], "︰") {
		return nil
	}
	f := fold.String(raw)
	key, val, at, ok := splitLabel(f)
	if ok {
		for _, al := range rosterLabels {
			if rosterKey(key) == al.label {
				// Keep the value in the original characters.
				_, offs := fold.Offsets(raw)
				b := &rosterBlock{role: al.role, house: al.house, segments: []rosterSegment{{}}}
				if v := strings.TrimSpace(raw[offs[min(at, len(offs)-1)]:]); v != "" {
					b.segments[0].lines = append(b.segments[0].lines, v)
				}
				*blocks = append(*blocks, b)
				return b
			}
		}
		switch {
		case cur == nil || contains(headerLabels, key):
			return nil
		case val == "" && isOrgHeading(key):
			// 市政府： heads the lines below it.
			_, offs := fold.Offsets(raw)
			org := stripSpaces(raw[:offs[min(at, len(offs)-1)]])
			org = strings.TrimRight(org, ":：")
			cur.segments = append(cur.segments, rosterSegment{org: org})
			return cur
		case !titleLike(key):
			return nil
		}
	}
	if cur == nil {
		return nil
	}
	t := strings.TrimSpace(raw)
	if t == "" {
		return cur
	}
	// The first line of a block opened by a bare label is its value,
	// however long the list.
	empty := len(cur.segments) == 1 && len(cur.segments[0].lines) == 0
	if !empty && endsAttendance(fold.String(t)) {
		return nil
	}
	sg := &cur.segments[len(cur.segments)-1]
	sg.lines = append(sg.lines, t)
	return cur
}

// rosterKey is a folded label without the word for people a label may end
// with: 出席人, 列席人员 and 请假者 label the same lists as 出席, 列席 and
// 请假.
func rosterKey(key string) string {
	for _, suf := range []string{"人员", "同志", "人", "者"} {
		if k, ok := strings.CutSuffix(key, suf); ok && k != "" {
			return k
		}
	}
	return key
}

// isOrgHeading reports whether a folded label names an organisation (市政府,
// 本会) rather than a title.
func isOrgHeading(key string) bool {
	return !titleLike(key) && isOrgEnd(lastRune(key))
}

// titleLike reports whether a folded label ends with a person's title
// (民政局局长, 总纪录).
func titleLike(key string) bool {
	for _, t := range personTitles {
		if strings.HasSuffix(key, t) {
			return true
		}
	}
	for _, t := range recorderTitles {
		if strings.HasSuffix(key, t) {
			return true
		}
	}
	return false
}

// splitInlineLabels splits a raw line where a roster label follows other
// text after a gap (主　　席：陳議長幸進　　　記錄：李惠芬).
func splitInlineLabels(raw string) []string {
	if !hasColon(raw) {
		return []string{raw}
	}
	f, offs := fold.Offsets(raw)
	var out []string
	from := 0
	// 。四、列席人：…: a numbered header item, its line break lost.
	for num, at := nextEnumLabel(f, 0); num >= 0 && strings.Contains(f, "、"); num, at = nextEnumLabel(f, at) {
		if num > from {
			out = append(out, raw[offs[from]:offs[num]])
			from = num
		}
	}
	if from > 0 {
		return append(out, raw[offs[from]:])
	}
	for i := 1; i < len(f); i++ {
		if f[i-1] != ' ' || f[i] == ' ' {
			continue
		}
		for _, al := range rosterLabels {
			if strings.HasPrefix(f[i:], al.label) && strings.HasPrefix(f[i+len(al.label):], ":") {
				out = append(out, raw[offs[from]:offs[i]])
				from = i
				break
			}
		}
	}
	return append(out, raw[offs[from]:])
}

// endsAttendance reports whether a folded line closes an attendance block:
// prose, a date, a colophon, a heading.
func endsAttendance(f string) bool {
	if strings.Contains(f, "。") || strings.IndexByte(f, ';') >= 0 || runeCount(f) > 60 {
		return true
	}
	for _, w := range []string{"整理", "印发", "分送", "抄送", "(此件", "主题词"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	if strings.HasSuffix(f, "日") {
		if _, ok := firstDate(f, timeZero, false); ok {
			return true
		}
	}
	if len(f) > 0 && strings.ContainsRune("甲乙丙丁一二三四五六七八九十", firstRune(f)) && strings.Contains(f, "、") && strings.Index(f, "、") <= 6 {
		return true
	}
	return false
}

// splitNames splits a list of bare names (记录：吳春英、林雯菁).
func splitNames(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("、,，;；", r)
	}) {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// parseAttendees parses the lines of one attendance block. Items are
// separated by spaces or 、; a line break separates items only when both
// sides read as whole items, since PDF layout wraps inside an org's name
// (市园林绿化⏎局陈大林) and between an org and a name (市委宣传部⏎刘纯).
func parseAttendees(lines []string) []Attendee {
	var chunks []chunk
	pairMode := false // once org+name pairs appear, a bare 2-char line end joins
	for _, l := range lines {
		parts := splitChunks(l)
		if len(parts) == 0 {
			continue
		}
		if len(chunks) > 0 && !parts[0].listed {
			// Join across the break when the joined chunk reads better
			// than the two halves do on average.
			last := chunks[len(chunks)-1].text
			joined := last + parts[0].text
			if 2*itemScore(joined, pairMode) > itemScore(last, pairMode)+itemScore(parts[0].text, pairMode) {
				chunks[len(chunks)-1].text = joined
				parts = parts[1:]
			}
		}
		parts = joinSpaced(splitRunTogether(parts))
		for _, c := range parts {
			if _, _, ok := splitOrgName(c.text); ok {
				pairMode = true
			}
		}
		chunks = append(chunks, parts...)
	}
	var out []Attendee
	for _, c := range chunks {
		as := parseAttendee(c.text)
		if len(as) == 1 && len(out) > 0 {
			a, prev := &as[0], out[len(out)-1]
			switch {
			case c.listed && a.Title == "" && a.Org == "" && prev.Title != "":
				// 議員柯路加、韓賜村: the title is written once for the
				// list.
				a.Title, a.Org = prev.Title, prev.Org
			case c.acting && a.Org == "":
				// 處長：陳毓賢  黃治峯代: the deputy standing in for
				// the office.
				a.Org = prev.Org
			}
		}
		out = append(out, as...)
	}
	return out
}

// splitRunTogether splits the names a line of bare names ran together
// where a space was lost: two names of three characters (曾永權李嘉進), and
// a name with the surname of a letter-spaced name after it (程振隆邱　毅).
// Only in a line whose other items are names, where 鄭余鎮廖本煙 is two
// members and not a town's office and its head.
func splitRunTogether(parts []chunk) []chunk {
	names, joined := 0, false
	for i, c := range parts {
		switch n := runeCount(c.text); {
		case nameThenDotted(c.text):
			// (read as one dotted name by isName)
			joined = true
		case isName(c.text):
			names++
		case n == 6 && twoNames(c.text):
			joined = true
		case n == 4 && i+1 < len(parts) && surnameTail(c.text, parts[i+1].text):
			joined = true
		case n == 1 && i > 0 && runeCount(parts[i-1].text) == 4:
			// the given name of the item before
		default:
			return parts
		}
	}
	if !joined || names == 0 {
		return parts
	}
	var out []chunk
	for i := 0; i < len(parts); i++ {
		c := parts[i]
		rs := []rune(c.text)
		switch {
		case twoNames(c.text), nameThenDotted(c.text):
			out = append(out, chunk{text: string(rs[:3]), listed: c.listed}, chunk{text: string(rs[3:])})
		case i+1 < len(parts) && surnameTail(c.text, parts[i+1].text):
			out = append(out, chunk{text: string(rs[:3]), listed: c.listed}, chunk{text: string(rs[3:]) + parts[i+1].text})
			i++
		default:
			out = append(out, c)
		}
	}
	return out
}

// twoNames reports whether a six-character s is two names of three.
func twoNames(s string) bool {
	rs := []rune(s)
	return len(rs) == 6 && isName(string(rs[:3])) && isName(string(rs[3:]))
}

// nameThenDotted reports whether s is a name of three characters run
// together with an indigenous name written with a dot (李全教瓦歷斯．貝林).
func nameThenDotted(s string) bool {
	rs := []rune(s)
	if len(rs) < 7 || !isName(string(rs[:3])) {
		return false
	}
	dot := strings.IndexAny(string(rs[3:]), "．‧·・.")
	return dot >= 2*3 && !strings.ContainsAny(string(rs[:3]), "．‧·・.")
}

// surnameTail reports whether four characters are a name of three and the
// surname of a name whose given name is next (程振隆邱, 毅).
func surnameTail(s, next string) bool {
	rs := []rune(s)
	return len(rs) == 4 && runeCount(next) == 1 && !isName(s) && isName(string(rs[:3])) && isName(string(rs[3:])+next)
}

// chunk is one list item of an attendance line.
type chunk struct {
	text string
	// listed marks an item joined to the one before by 、 (not a space).
	listed bool
	// acting marks a name written with 代 (standing in for the office).
	acting bool
}

// splitChunks splits an attendance line into items: at spaces and 、 (and
// commas); runs of one-character items are letter-spaced names (王  浩 →
// 王浩).
func splitChunks(l string) []chunk {
	var out []chunk
	for _, field := range strings.Fields(l) {
		i := 0
		for part := range listItems(field) {
			c := chunk{text: part, listed: i > 0}
			i++
			if strings.HasSuffix(part, "代") && runeCount(part) > 2 {
				if name := part[:len(part)-len("代")]; lastRune(name) != '兼' && isName(name) {
					c.text, c.acting = name, true
				}
			}
			out = append(out, c)
		}
	}
	var joined []chunk
	for i := 0; i < len(out); i++ {
		c := out[i]
		if runeCount(c.text) == 1 && i+1 < len(out) && runeCount(out[i+1].text) == 1 && !out[i+1].listed {
			c.text += out[i+1].text
			i++
		}
		joined = append(joined, c)
	}
	return joined
}

// listItems yields the non-empty parts of s between list separators (、 , ，
// ; ；), as strings.FieldsFunc would.
func listItems(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			if isListSep(r) {
				if start >= 0 && !yield(s[start:i]) {
					return
				}
				start = -1
				continue
			}
			if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

func isListSep(r rune) bool {
	switch r {
	case '、', ',', '，', ';', '；':
		return true
	}
	return false
}

// hasColon reports whether s holds a colon, ASCII or full-width.
func hasColon(s string) bool {
	return strings.IndexByte(s, ':') >= 0 || strings.Contains(s, "：")
}

// joinSpaced joins a one-character item to the item after it when that is no
// name by itself: a letter-spaced org (本 會－專門委員江聖虔). A line's first
// item has had its chance to join the line above first (市行政审批局贺晓⏎洪).
func joinSpaced(parts []chunk) []chunk {
	var out []chunk
	for i := 0; i < len(parts); i++ {
		c := parts[i]
		if runeCount(c.text) == 1 && hanRune(firstRune(c.text)) && i+1 < len(parts) && !parts[i+1].listed && !isName(parts[i+1].text) {
			c.text += parts[i+1].text
			c.acting = parts[i+1].acting
			i++
		}
		out = append(out, c)
	}
	return out
}

// itemScore rates how well a chunk reads as one list item: 2 for a name
// (outside pair mode) or an org of three or more characters with a name,
// 1 for a doubtful reading (a bare name among org+name pairs, an org of one
// or two characters), 0 for no reading.
func itemScore(c string, pairMode bool) int {
	if org, _, ok := splitOrgName(c); ok {
		if runeCount(org) >= 3 || runeCount(org) == 2 && strings.ContainsRune("区县市", lastRune(org)) {
			return 2
		}
		return 1
	}
	if isName(c) {
		if pairMode {
			return 1
		}
		return 2
	}
	if _, ok := titledName(c); ok {
		return 2
	}
	return 0
}

func lastRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isPlaceStart reports whether a two-character chunk is more likely the
// start of a place or org name than a person (苏州, 常熟, 南京).
func isPlaceStart(f string) bool {
	for _, p := range []string{"苏州", "常熟", "南京", "无锡", "上海", "北京", "昆山", "太仓", "吴江", "吴中", "江苏", "浙江", "张家", "中国", "国家"} {
		if f == p {
			return true
		}
	}
	return false
}

// isName reports whether s reads as a personal name: 2-3 Han characters
// starting with a surname, 4 with a compound or double surname (欧阳龙,
// 李傅中武), or a name with a middle dot (忠仁．達祿斯), which may end in its
// romanised form (夷將．拔路兒Icyang．Parod).
// IsPersonName reports whether s could be a person's name as records
// write it: two to four Han characters starting with a surname (王金平,
// 欧阳修), or a dotted name (艾力更·依明巴海). Search uses it to look for a
// query among the people of the records too.
func IsPersonName(s string) bool { return isName(strings.TrimSpace(s)) }

func isName(s string) bool {
	// Names are short: decide on the runes without building the folded
	// string unless a dotted name needs the title check.
	var buf [17]rune
	rs := buf[:0]
	dotted := false
	latin := 0 // letters of a romanised tail (夷將．拔路兒Icyang．Parod)
	for _, r := range s {
		switch {
		case r == '.' || r == '·' || r == '‧' || r == '・' || r == '．':
			dotted = true
		case hanRune(r) && latin == 0:
			r = foldRune(r)
		case isASCIILetter(r) && len(rs) >= 2:
			// An indigenous name is written in Han characters, then in
			// its own letters: the letters follow the Han part and count
			// apart from it.
			if latin++; latin > 24 {
				return false
			}
			continue
		default:
			return false
		}
		if len(rs) == len(buf) {
			return false
		}
		rs = append(rs, r)
	}
	if latin > 0 && (!dotted || latin < 2) {
		return false
	}
	if dotted {
		// 伊斯坦大‧貝雅夫‧正福, but not with 議員 before or after it.
		f := fold.String(s)
		for _, t := range personTitles {
			if strings.HasSuffix(f, t) || strings.HasPrefix(f, t) {
				return false
			}
		}
		return len(rs) >= 3 && len(rs) <= 16
	}
	switch len(rs) {
	case 2, 3:
		if len(rs) == 3 && notNameEnd[[2]rune{rs[1], rs[2]}] {
			return false // 和名单: a surname's character before a word
		}
		if strings.ContainsRune("的了是等", rs[len(rs)-1]) || len(rs) == 3 && strings.ContainsRune("的了是", rs[1]) {
			return false // 任党的, 陆是由: words of a sentence
		}
		return isSurnameRune(rs[0]) || isCompoundSurname(rs[0], rs[1])
	case 4:
		if rs[2] == '作' && rs[3] == '了' {
			return false // 林明作了 (the report): a name and its verb
		}
		return isCompoundSurname(rs[0], rs[1]) || (isSurnameRune(rs[0]) && isSurnameRune(rs[1]))
	}
	return false
}

// notNameEnd are words of a document or a meeting, folded, that end no
// name of three characters (…主席团和秘书长名单草案 reads no 秘书长 和名单).
var notNameEnd = map[[2]rune]bool{{'名', '单'}: true, {'草', '案'}: true, {'报', '告'}: true, {'会', '议'}: true, {'议', '案'}: true, {'决', '定'}: true, {'决', '议'}: true, {'资', '格'}: true, {'深', '入'}: true}

// splitOrgName splits "市商务局孙建江" into org and name (an org of one character, as in 市⏎徐海东, counts), preferring a
// three-character name, then two, then four.
func splitOrgName(c string) (org, name string, ok bool) {
	// The last six runes are all it looks at: at[k] is the byte offset
	// of the k-th rune from the end (from 1), rs[k] the rune.
	var at [7]int
	var rs [7]rune
	n := 0
	for i := len(c); i > 0 && n < 6; {
		r, size := utf8.DecodeLastRuneInString(c[:i])
		i -= size
		n++
		at[n], rs[n] = i, r
	}
	if n < 3 {
		return "", "", false
	}
	for _, k := range []int{3, 2, 4} {
		if n < k+1 {
			continue
		}
		end := foldRune(rs[k+1])
		if !isOrgEnd(end) && !(end == '班' && n >= k+2 && foldRune(rs[k+2]) == '专') {
			continue
		}
		o, nm := c[:at[k]], c[at[k]:]
		if !isName(nm) {
			continue
		}
		return o, nm, true
	}
	return "", "", false
}

// titledName reads a name written with a title before, after or inside it:
// 議長許崑源, 曾鈺成議員, 王院長金平, 民政局局長江俊霆, 市長：郝龍斌,
// 本會－專門委員江聖虔. Titles are tried from the leftmost, the longest
// first where two start together.
func titledName(c string) (Attendee, bool) {
	c = strings.TrimSpace(c)
	f := fold.String(c)
	rs, frs := []rune(c), []rune(f)
	if len(rs) != len(frs) {
		return Attendee{}, false
	}
	// title:name
	if i := strings.IndexAny(f, ":"); i > 0 {
		k := runeCount(f[:i])
		head, name := string(rs[:k]), strings.TrimSpace(string(rs[k+1:]))
		name = trimActing(name)
		if isName(name) {
			a := Attendee{Name: name}
			a.Org, a.Title = splitOrgTitle(head)
			a.Org = cleanOrg(a.Org)
			return a, true
		}
	}
	type hit struct{ at, n int }
	var hits []hit
	for _, t := range personTitles {
		for from := 0; ; {
			i := strings.Index(f[from:], t)
			if i < 0 {
				break
			}
			hits = append(hits, hit{runeCount(f[:from+i]), runeCount(t)})
			from += i + len(t)
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].at != hits[j].at {
			return hits[i].at < hits[j].at
		}
		return hits[i].n > hits[j].n
	})
	for _, h := range hits {
		ti, tn := h.at, h.n
		before, after := string(rs[:ti]), string(rs[ti+tn:])
		title := string(rs[ti : ti+tn])
		switch {
		case ti == 1 && isSurname(string(frs[:1])) && runeCount(after) >= 1 && runeCount(after) <= 2:
			// 王院長金平: surname, title, given name.
			return Attendee{Name: before + after, Title: title}, true
		case ti >= 2 && isSurname(string(frs[ti-1:ti])) && runeCount(after) >= 1 && runeCount(after) <= 2 && endsWithTitle(string(frs[:ti-1])):
			// 教育委員會第一召集人童議員燕珍: a role, then surname, title,
			// given name.
			return Attendee{Name: string(rs[ti-1:ti]) + after, Title: title, Org: cleanOrg(strings.TrimPrefix(string(rs[:ti-1]), "由"))}, true
		case strings.ContainsAny(before, "()（）、,，:："):
			// Notes or another item before the title: not one item.
		case after != "" && isName(after) && before != "" && isTitled(before):
			// 容海恩議員陳沛然: two items run together.
		case after != "" && isName(after):
			// 議長許崑源, 民政局局長江俊霆; 民政課長蔡向榮, where 民政 names
			// no body, is one title.
			org := cleanOrg(before)
			if org != "" && !isOrgEnd(lastRune(fold.String(org))) {
				return Attendee{Name: after, Title: before + title}, true
			}
			return Attendee{Name: after, Title: title, Org: org}, true
		case after == "" && isName(before):
			// 曾鈺成議員
			return Attendee{Name: before, Title: title}, true
		case after == "" && runeCount(before) > 3:
			// 主席曾鈺成議員: a title before, another after.
			if a, ok := titledName(before); ok {
				return a, true
			}
		}
	}
	return Attendee{}, false
}

// endsWithTitle reports whether folded s ends with a person's title
// (…第一召集人).
func endsWithTitle(s string) bool {
	_, ok := firstSuffix(s, personTitles)
	return ok
}

// isTitled reports whether s reads as a whole titled name (容海恩議員).
func isTitled(s string) bool {
	_, ok := titledName(s)
	return ok
}

// cleanOrg tidies an organisation written before a title: letter-spacing
// and a dash that joined it to the title go (本 會－ → 本會).
func cleanOrg(s string) string {
	return strings.TrimRight(stripSpaces(s), "－-—–")
}

// trimActing drops 兼代 (also acting for the office) after a name.
func trimActing(s string) string {
	return strings.TrimSuffix(s, "兼代")
}

// splitOrgTitle splits "民政局局長" into org 民政局 and title 局長, by the
// longest title it ends with.
func splitOrgTitle(s string) (org, title string) {
	f := fold.String(s)
	if !titleEnds[lastRune(f)] {
		return "", s // no title ends f
	}
	best := ""
	for _, t := range personTitles {
		if strings.HasSuffix(f, t) && len(t) > len(best) {
			best = t
		}
	}
	if n, ns := runeCount(best), runeCount(s); best != "" && n <= ns && ns == runeCount(f) {
		// The last n runes of s.
		at := len(s)
		for range n {
			_, size := utf8.DecodeLastRuneInString(s[:at])
			at -= size
		}
		return s[:at], s[at:]
	}
	return "", s
}

// parseAttendee parses one list item; a few items name several people or
// carry notes (議員陳政聞等61人（如簽到簿）).
func parseAttendee(c string) []Attendee {
	c = strings.TrimSpace(c)
	// Drop counts and notes: 計61位, 等61人, （如簽到簿）.
	f := fold.String(c)
	if i := indexParen(f); i > 0 {
		c = string([]rune(c)[:runeCount(f[:i])])
		f = fold.String(c)
	}
	if i := strings.Index(f, "等"); i > 0 {
		c = string([]rune(c)[:runeCount(f[:i])])
		f = fold.String(c)
	}
	// 曾德成先生: an honorific after the name.
	for _, h := range honorifics {
		if strings.HasSuffix(f, h) && runeCount(f) == runeCount(c) {
			c = string([]rune(c)[:runeCount(f)-runeCount(h)])
			f = fold.String(c)
			break
		}
	}
	if strings.HasPrefix(f, "计") || c == "" {
		return nil
	}
	if isName(c) {
		return []Attendee{{Name: c}}
	}
	if org, name, ok := splitOrgName(c); ok {
		// 研考會主委吳肇銘: the org ends with a title.
		if o, t := splitOrgTitle(org); t != org {
			return []Attendee{{Name: name, Org: cleanOrg(o), Title: t}}
		}
		return []Attendee{{Name: name, Org: org}}
	}
	if a, ok := titledName(c); ok {
		return []Attendee{a}
	}
	return nil
}

// indexParen is strings.IndexAny(f, "(（").
func indexParen(f string) int {
	i, j := strings.IndexByte(f, '('), strings.Index(f, "（")
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// parsePerson reads a chair label's value (王院長金平, 李亚平市长,
// 由…蘇議員琦莉及徐議員榮延分別主持 gives the first).
func parsePerson(v string) (Person, bool) {
	v = withoutIgnorable(strings.TrimSpace(v))
	// 吳 局長宗榮: a surname set apart from the title and given name.
	if rs := []rune(v); len(rs) >= 4 && len(rs) <= 10 && unicode.IsSpace(rs[1]) && isSurname(fold.String(string(rs[:1]))) {
		if a, ok := titledName(stripSpaces(v)); ok {
			return Person{Name: a.Name, Title: a.Title}, true
		}
	}
	if ps := parsePersons(v, 1); len(ps) > 0 {
		return ps[0], true
	}
	return Person{}, false
}

// parsePersons reads at most limit people from a list in a chair label's
// value (由工務委員會第一召集人韓議員賜村、第二召集人黃議員淑美及洪議員平朗
// 分別主持): each item a name, a titled name, or one at the item's tail.
func parsePersons(v string, limit int) []Person {
	var out []Person
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("、,，及和與与", r) }) {
		if len(out) == limit {
			break
		}
		if isName(part) {
			out = append(out, Person{Name: part})
			continue
		}
		// 由社政委員會第一召集人某某議員…分別主持: 由 opens the clause.
		part = strings.TrimPrefix(part, "由")
		if a, ok := titledName(part); ok {
			out = append(out, Person{Name: a.Name, Title: a.Title})
			continue
		}
		// 由保安委員會第二召集人蘇議員琦莉: try the tail.
		rs := []rune(part)
		for k := 1; k < len(rs)-2; k++ {
			if a, ok := titledName(string(rs[k:])); ok && runeCount(a.Name) >= 2 {
				out = append(out, Person{Name: a.Name, Title: a.Title})
				break
			}
		}
	}
	return out
}

// foldRune folds one ideograph: compatibility forms (U+F900–U+FAFF, as in
// some PDFs' text) to unified ones, then to simplified script.
func foldRune(r rune) rune {
	if compatIdeograph(r) {
		if f, _ := utf8.DecodeRuneInString(fold.String(string(r))); f != utf8.RuneError {
			return f
		}
	}
	return fold.Simplify(r)
}

// allHan reports whether s is all Han characters.
func allHan(s string) bool {
	for _, r := range s {
		if !hanRune(r) {
			return false
		}
	}
	return s != ""
}
