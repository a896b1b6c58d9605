package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Attendance labels, folded, and the role each gives.
var rosterLabels = []struct {
	label, role string
}{
	{"出席议员", RolePresent}, {"出席委员", RolePresent}, {"出席", RolePresent},
	{"列席", RoleObserver}, {"请假议员", RoleAbsent}, {"请假", RoleAbsent},
	{"缺席议员", RoleAbsent}, {"缺席", RoleAbsent}, {"记录", RoleRecorder},
	{"出席政府官员", RoleObserver}, {"列席秘书", RoleObserver},
}

// personTitles are titles written before, after or inside a name: 議長許崑源,
// 市長：郝龍斌, 王院長金平, 曾鈺成議員. Folded, longest first.
var personTitles = []string{
	"常务副市长", "副秘书长", "秘书长", "副议长", "议长", "副院长", "院长", "副市长", "市长",
	"副局长", "局长", "副主任委员", "主任委员", "副主任", "主任", "议员", "委员", "副主委", "主委",
	"处长", "副处长", "科长", "专门委员", "组长", "召集人", "主席", "部长", "署长", "司长", "局长",
}

// orgEnds are the characters an organisation's name ends with, for
// splitting "市商务局孙建江" into org and name.
const orgEnds = "局委办部司团队班区市县台室支院厅处会所校馆站心行府组省镇乡街"

// attendance reads the 出席/列席/请假/记录 blocks from the raw lines, where
// the line breaks of the original layout still tell list items apart.
func (e *Extractor) attendance(p *page, m *Minutes) {
	lines := strings.Split(p.raw, "\n")
	type block struct {
		role  string
		lines []string
	}
	var blocks []block
	cur := -1
	for _, raw := range lines {
		f := fold.String(raw)
		key, val, at, ok := splitLabel(f)
		if ok {
			role := ""
			for _, al := range rosterLabels {
				if key == al.label {
					role = al.role
					break
				}
			}
			if role != "" {
				// Keep the value in the original characters.
				_, offs := fold.Offsets(raw)
				blocks = append(blocks, block{role: role, lines: []string{strings.TrimSpace(raw[offs[min(at, len(offs)-1)]:])}})
				cur = len(blocks) - 1
				_ = val
				continue
			}
			cur = -1
			continue
		}
		if cur < 0 {
			continue
		}
		t := strings.TrimSpace(raw)
		if t == "" {
			continue
		}
		if endsAttendance(fold.String(t)) {
			cur = -1
			continue
		}
		blocks[cur].lines = append(blocks[cur].lines, t)
	}
	seen := map[string]bool{}
	for _, b := range blocks {
		if b.role == RoleRecorder {
			names := splitNames(strings.Join(b.lines, " "))
			if len(names) > 0 && m.Recorder == "" {
				m.Recorder = strings.Join(names, "、")
			}
			continue
		}
		for _, a := range parseAttendees(b.lines) {
			a.Role = b.role
			k := a.Role + "\x00" + a.Org + "\x00" + a.Name
			if seen[k] {
				continue
			}
			seen[k] = true
			m.Attendees = append(m.Attendees, a)
		}
	}
}

// endsAttendance reports whether a folded line closes an attendance block:
// prose, a date, a colophon, a heading.
func endsAttendance(f string) bool {
	if strings.ContainsAny(f, "。;") || runeCount(f) > 60 {
		return true
	}
	for _, w := range []string{"整理", "印发", "分送", "抄送", "(此件", "主题词"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	if _, ok := firstDate(f, timeZero, false); ok && strings.HasSuffix(f, "日") {
		return true
	}
	if len(f) > 0 && strings.ContainsRune("甲乙丙丁一二三四五六七八九十", []rune(f)[0]) && strings.Contains(f, "、") && strings.Index(f, "、") <= 6 {
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
	var chunks []string
	pairMode := false // once org+name pairs appear, a bare 2-char line end joins
	for _, l := range lines {
		// 王  浩: a one-character chunk followed by another is one name.
		parts := joinSingles(splitNames(l))
		if len(parts) == 0 {
			continue
		}
		if len(chunks) > 0 {
			// Join across the break when the joined chunk reads better
			// than the two halves do on average.
			last := chunks[len(chunks)-1]
			joined := last + parts[0]
			if 2*itemScore(joined, pairMode) > itemScore(last, pairMode)+itemScore(parts[0], pairMode) {
				chunks[len(chunks)-1] = joined
				parts = parts[1:]
			}
		}
		for _, c := range parts {
			if _, _, ok := splitOrgName(c); ok {
				pairMode = true
			}
		}
		chunks = append(chunks, parts...)
	}
	var out []Attendee
	for _, c := range chunks {
		out = append(out, parseAttendee(c)...)
	}
	return out
}

// joinSingles joins runs of one-character chunks (王  浩 → 王浩).
func joinSingles(parts []string) []string {
	var out []string
	for i := 0; i < len(parts); i++ {
		if runeCount(parts[i]) == 1 && i+1 < len(parts) && runeCount(parts[i+1]) == 1 {
			out = append(out, parts[i]+parts[i+1])
			i++
			continue
		}
		out = append(out, parts[i])
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
// 李傅中武), or a name with a middle dot (忠仁．達祿斯).
func isName(s string) bool {
	f := fold.String(s)
	rs := []rune(f)
	for _, r := range rs {
		if !hanRune(r) && r != '.' && r != '·' && r != '‧' && r != '・' {
			return false
		}
	}
	if strings.ContainsAny(f, ".·‧・") {
		return len(rs) >= 3 && len(rs) <= 16
	}
	switch len(rs) {
	case 2, 3:
		return isSurname(string(rs[:1])) || isSurname(string(rs[:2]))
	case 4:
		return isSurname(string(rs[:2])) || (isSurname(string(rs[:1])) && isSurname(string(rs[1:2])))
	}
	return false
}

// splitOrgName splits "市商务局孙建江" into org and name (an org of one character, as in 市⏎徐海东, counts), preferring a
// three-character name, then two, then four.
func splitOrgName(c string) (org, name string, ok bool) {
	rs := []rune(c)
	for _, n := range []int{3, 2, 4} {
		if len(rs) < n+1 {
			continue
		}
		o, nm := string(rs[:len(rs)-n]), string(rs[len(rs)-n:])
		fo := fold.String(o)
		if !isName(nm) || !strings.ContainsRune(orgEnds, lastRune(fo)) && !strings.HasSuffix(fo, "专班") {
			continue
		}
		return o, nm, true
	}
	return "", "", false
}

// titledName reads a name written with a title before, after or inside it:
// 議長許崑源, 曾鈺成議員, 王院長金平, 民政局局長江俊霆, 市長：郝龍斌.
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
		if isName(name) {
			a := Attendee{Name: name}
			a.Org, a.Title = splitOrgTitle(head)
			return a, true
		}
	}
	for _, t := range personTitles {
		i := strings.Index(f, t)
		if i < 0 {
			continue
		}
		ti := runeCount(f[:i])
		tn := runeCount(t)
		before, after := string(rs[:ti]), string(rs[ti+tn:])
		title := string(rs[ti : ti+tn])
		switch {
		case ti == 1 && isSurname(string(frs[:1])) && runeCount(after) >= 1 && runeCount(after) <= 2:
			// 王院長金平: surname, title, given name.
			return Attendee{Name: before + after, Title: title}, true
		case after != "" && isName(after):
			// 議長許崑源, 民政局局長江俊霆
			return Attendee{Name: after, Title: title, Org: before}, true
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

// splitOrgTitle splits "民政局局長" into org 民政局 and title 局長.
func splitOrgTitle(s string) (org, title string) {
	f := fold.String(s)
	for _, t := range personTitles {
		if strings.HasSuffix(f, t) {
			rs := []rune(s)
			n := runeCount(t)
			if n <= len(rs) {
				return string(rs[:len(rs)-n]), string(rs[len(rs)-n:])
			}
		}
	}
	return "", s
}

// parseAttendee parses one list item; a few items name several people or
// carry notes (議員陳政聞等61人（如簽到簿）).
func parseAttendee(c string) []Attendee {
	c = strings.TrimSpace(c)
	// Drop counts and notes: 計61位, 等61人, （如簽到簿）.
	f := fold.String(c)
	if i := strings.IndexAny(f, "(（"); i > 0 {
		c = string([]rune(c)[:runeCount(f[:i])])
		f = fold.String(c)
	}
	if i := strings.Index(f, "等"); i > 0 {
		c = string([]rune(c)[:runeCount(f[:i])])
		f = fold.String(c)
	}
	if strings.HasPrefix(f, "计") || c == "" {
		return nil
	}
	if isName(c) {
		return []Attendee{{Name: c}}
	}
	if org, name, ok := splitOrgName(c); ok {
		return []Attendee{{Name: name, Org: org}}
	}
	if a, ok := titledName(c); ok {
		return []Attendee{a}
	}
	return nil
}

// parsePerson reads a chair label's value (王院長金平, 李亚平市长,
// 由…蘇議員琦莉及徐議員榮延分別主持 gives the first).
func parsePerson(v string) (Person, bool) {
	v = strings.TrimSpace(v)
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("、,，及和", r) }) {
		if isName(part) {
			return Person{Name: part}, true
		}
		if a, ok := titledName(part); ok {
			return Person{Name: a.Name, Title: a.Title}, true
		}
		// 由保安委員會第二召集人蘇議員琦莉: try the tail.
		rs := []rune(part)
		for k := 1; k < len(rs)-2; k++ {
			if a, ok := titledName(string(rs[k:])); ok && runeCount(a.Name) >= 2 {
				return Person{Name: a.Name, Title: a.Title}, true
			}
		}
	}
	return Person{}, false
}
