package ingest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// People acting in a meeting are named in its text as well as in its
// attendance lists: council records write the questioning councillor and
// the answering official with the title inside the name (鄭議員新助,
// 消防局陳局長虹龍, 王院長金平), and releases name who reported (区财政局长
// 李文勇…作了说明, 听取了民政部部长李立国…作的…报告). A clerk lists them all.

// innerTitles are the titles written between surname and given name,
// folded, longest first.
var innerTitles = []string{
	"主任秘书", "副大队长", "大队长", "分局长", "代理局长", "代理处长", "副厂长", "厂长", "副议长", "议长", "议员", "副局长", "局长", "副处长", "处长", "副主任委员", "主任委员", "副主任", "主任",
	"副主委", "主委", "副院长", "院长", "副部长", "部长", "副市长", "市长", "副秘书长", "秘书长", "署长", "主计长",
	"副县长", "县长", "镇长", "乡长", "召集人", "副主席", "主席", "委员", "总经理", "经理", "董事长", "校长", "副区长", "区长",
	"所长", "队长", "科长", "执行长", "理事长", "里长", "长官", "发言人", "司长", "代表", "政务次长", "常务次长", "次长", "专员",
}

// nameStops are characters that do not begin or continue a given name after
// an inner title: the verbs, particles and pronouns that follow one
// (陳局長表示, 李議員說, 王市長的).
const nameStops = "担只过用做连现应表说指强答质报提认回建询就对也又再则请的在及与和等所已将要会是有并向为于以上下针不都还今昨特刚先发这那您你我他她主称认提问讲补谈作致率带领今已可曾个们之其本各该此很跟亦因时"

// commonWords are words that follow a title where a given name could
// (陳委員非常關心), folded.
var commonWords = map[string]bool{
	"非常": true, "虽然": true, "辛苦": true, "掌握": true, "整天": true, "务必": true, "联合": true,
	"如果": true, "参加": true, "投诉": true, "刚才": true, "特别": true, "一直": true, "一定": true,
	"目前": true, "现在": true, "同样": true, "同时": true, "所以": true, "但是": true, "还有": true,
	"陪同": true, "参访": true, "位同": true, "办理": true, "说明": true, "答复": true,
}

// titledInText finds the people named surname+title+given name in folded
// text: 鄭議員新助 → 鄭新助 (議員), in the document's own characters.
func titledInText(p *page) []Attendee { return titledInSpan(p, 0, len(p.norm)) }

// titledInSpan is titledInText over the folded span [lo, hi).
func titledInSpan(p *page, lo, hi int) []Attendee {
	var out []Attendee
	seen := map[string]*titled{}
	var order []*titled
	text := p.norm[:hi]
	lastEnd := -1 // where the name read last ends
	for i := lo; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !foldedSurname(r) {
			i += size
			continue
		}
		// A surname starts a name only after a non-name character, an
		// organisation's end (消防局陳局長虹龍), a neighbourhood (林興里黃
		// 里長茂森), a word that hands a task to the person (由, 推派曹委員
		// 啟鴻, 請林委員重謨) or a name just read (蔡副議長昌達李議員喬如,
		// a list run into one line).
		if i > 0 && i != lastEnd {
			prev := lastRune(text[:i])
			if hanRune(prev) && !isOrgEnd(prev) && !strings.ContainsRune("由派请里", prev) {
				i += size
				continue
			}
		}
		j := i + size
		if t, _ := utf8.DecodeRuneInString(text[j:]); !innerTitleFirst[t] {
			i += size
			continue
		}
		title, ok := firstPrefix(text[j:], innerTitles)
		if !ok {
			i += size
			continue
		}
		k := j + len(title)
		n := 0
		end := k
		for n < 2 && end < len(text) {
			g, gs := utf8.DecodeRuneInString(text[end:])
			// 剛 starts no given name (陳委員剛才) but ends one (潘維剛);
			// 建 starts one (郭議員建盟) unless it starts a verb (陳委員建議).
			if !hanRune(g) || strings.ContainsRune(nameStops, g) && (n == 0 || g != '刚') && !(g == '建' && n == 0 && !buildVerb(text[end+gs:])) || n == 1 && isTitleStart(text[end:]) {
				break
			}
			end += gs
			n++
		}
		if n == 2 {
			// 陳市長菊簡要報告: a one-character given name, and the word
			// after it.
			_, gs := utf8.DecodeRuneInString(text[k:])
			if _, ok := firstPrefix(text[k+gs:], afterNameWords); ok {
				end, n = k+gs, 1
			}
		}
		if n == 0 {
			i = k
			continue
		}
		if n == 2 && commonWords[text[k:end]] {
			// 孫委員非常…: a word, not a given name.
			i = k
			continue
		}
		if writtenQuestion(strings.TrimLeft(p.line(p.lineAt(i)), " ")) {
			// 本院朱委員鳳芝，針對…: who asks a written question, or is
			// answered in writing, takes no part in the sitting.
			i = end
			continue
		}
		name := p.show(i, i+size) + p.show(k, end)
		if n == 1 {
			// 朱議員信⏎強。: a list printed in a narrow column wraps a
			// given name; its last character opens the next line and a
			// stop or a separator follows it.
			if rest, ok := strings.CutPrefix(strings.TrimLeft(text[end:], " "), "\n"); ok {
				rest = strings.TrimLeft(rest, " ")
				at := len(text) - len(rest)
				if g, gs := utf8.DecodeRuneInString(rest); hanRune(g) {
					if after, _ := utf8.DecodeRuneInString(rest[gs:]); strings.ContainsRune("、。,;", after) {
						name += p.show(at, at+gs)
						end = at + gs
					}
				}
			}
		}
		key := fold.String(name)
		c, ok := seen[key]
		if !ok {
			c = &titled{a: Attendee{Name: name, Title: p.show(j, k), Role: RoleSpeaker}}
			seen[key] = c
			order = append(order, c)
		}
		c.times++
		// 陳委員碧涵：…, 王院長金平（10時）: a speaker's heading.
		next, _ := utf8.DecodeRuneInString(text[end:])
		c.heading = c.heading || strings.ContainsRune("：:（(", next)
		i, lastEnd = end, end
	}
	for _, c := range order {
		// A one-character given name read once, in running text (陳委員
		// 應…, 江委員現…), may be the first word after the title; a clerk
		// takes it where the text heads a speech with it, writes it
		// twice, or names the person plainly elsewhere (陳冲).
		f := fold.String(c.a.Name)
		if runeCount(f) > 2 || c.heading || c.times > 1 || strings.Contains(text, f) {
			out = append(out, c.a)
		}
	}
	return out
}

// afterNameWords follow a titled name at once, folded (陳市長菊簡要報告,
// 李局長明說明): a given name does not run on into them.
var afterNameWords = []string{"简要", "简单", "报告", "说明", "答复", "答询", "致词", "致辞", "发言"}

// buildVerb reports whether folded s, just after a 建, makes it a verb
// (建議, 建請, 建設, 建立, 建置) or leaves it no given name to start (a
// stop after it), not a given name's first character.
func buildVerb(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return !hanRune(r) || strings.ContainsRune("议请设立置言造构筑", r) || strings.ContainsRune(nameStops, r)
}

// titled is a name titledInText read, with how it was written.
type titled struct {
	a       Attendee
	times   int
	heading bool
}

// foldedSurname reports whether r, folded, is a surname, from a table over
// the common ideographs.
func foldedSurname(r rune) bool {
	if r >= 0x4E00 && r < 0xA000 {
		return surnameFoldedDense[r-0x4E00]
	}
	return hanRune(r) && isSurnameRune(foldRune(r))
}

var surnameFoldedDense = func() *[0xA000 - 0x4E00]bool {
	var t [0xA000 - 0x4E00]bool
	for r := rune(0x4E00); r < 0xA000; r++ {
		t[r-0x4E00] = isSurnameRune(foldRune(r))
	}
	return &t
}()

// innerTitleFirst holds the first runes of innerTitles.
var innerTitleFirst = firstRunes(innerTitles)

// isTitleStart reports whether folded s starts with a title, so that a
// one-character given name is not run on into it.
func isTitleStart(s string) bool {
	_, ok := firstPrefix(s, innerTitles)
	return ok
}

// reportVerbs stand between who reported and the report.
var (
	reportVerbWords = []string{"作的", "作了", "所作的", "做了", "做的", "就", "作关于", "报告了", "汇报了", "关于"}
	reportVerbs     = setOf(reportVerbWords...)
)

// reporters reads the people a release says reported or explained an item:
// 听取了民政部部长李立国…作的关于…的报告, 区财政局长李文勇就…作了说明,
// 文化部部长蔡武作关于…的报告, 国资委主任王勇报告了….
func (p *page) reporters() []Attendee {
	if !p.reportedDone {
		p.reported, p.reportedDone = readReporters(p), true
	}
	return p.reported
}

// readReporters is reporters, read from the text.
func readReporters(p *page) []Attendee {
	var out []Attendee
	for at, verb := range p.wordsIn(reportVerbs) {
		from := at + len(verb)
		rest := p.norm[from:min(len(p.norm), from+600)]
		end := sentenceLen(rest)
		// 主任王勇报告了…情况: the verb is the report.
		if verb != "报告了" && verb != "汇报了" && !strings.Contains(rest[:end], "报告") && !strings.Contains(rest[:end], "说明") && !strings.Contains(rest[:end], "汇报") {
			continue
		}
		ls := afterLast(p.norm[:at], ",。;:\n、")
		before := p.norm[ls:at]
		if verb == "关于" && (strings.HasSuffix(before, "的") || strings.HasSuffix(before, "作")) {
			// 周强作的关于…: read at 作的.
			continue
		}
		for _, w := range []string{"受", "代表"} {
			// 李立国受国务院委托作的, 周强代表最高人民法院并…作了: the
			// person is before 受 or 代表, where a name ends there (not
			// in 代表资格审查委员会主任委员马馼, a body's name).
			if i := strings.Index(before, w); i > 0 && (w == "受" || nameEndsAt(before[:i])) {
				before = before[:i]
			}
		}
		// 区城管执法局局长赵坚华同志关于…的汇报: the name before 同志;
		// 水利部部长李国英分别作的: before 分别.
		// 武警部队司令员王宁对关于…作了说明: before 对.
		before = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(before, "分别"), "同志"), "对")
		if before == "" && strings.HasSuffix(p.norm[:ls], ",") {
			// 全国政协提案委员会主任孙淦,分别就…作了说明: the last of the
			// list stands before the comma.
			end := ls - len(",")
			ls = afterLast(p.norm[:end], ",。;:\n、")
			before = p.norm[ls:end]
		}
		clause := p.show(ls, ls+len(before))
		per, ok := reporterIn(clause)
		if ok && per.Title == "" || !ok && isName(clause) {
			// 法律委员会副主任委员张鸣起、孙宝树、李连宁分别作的: names
			// listed after the office they share.
			out = append(out, sharedOffice(p, ls, clause)...)
			continue
		}
		if !ok {
			continue
		}
		title := fullOffice(clause, per)
		// 全国人大财经委副主任委员、常委会预算工委主任史耀斌: one person's
		// offices, the first his principal one, which he reports for.
		// 全国人大法律委员会主任委员胡康生、教育科学文化卫生委员会主任委员
		// 白克明、…王云龙作的关于…的报告: each of a list reported, under
		// the prefix the first body's name gives them all.
		var listed []Attendee
		for lead, ok := cutListSep(p.norm[:ls]); ok; lead, ok = cutListSep(p.norm[:ls]) {
			fs := afterLast(lead, ",。;:\n、")
			seg := titleAfterVerb(p.show(fs, len(lead)))
			if headedBody(seg) != "" {
				title = seg
				break
			}
			prev, ok := reporterIn(seg)
			if !ok || prev.Title == "" {
				break
			}
			listed = append(listed, Attendee{Name: prev.Name, Title: fullOffice(seg, prev), Role: RoleSpeaker})
			ls = fs
		}
		slices.Reverse(listed)
		listed = append(listed, Attendee{Name: per.Name, Title: title, Role: RoleSpeaker})
		if len(listed) > 1 {
			for _, pre := range []string{"全国人大常委会", "全国人大"} {
				if !strings.HasPrefix(fold.String(listed[0].Title), pre) {
					continue
				}
				n := runeCount(pre)
				for i := 1; i < len(listed); i++ {
					if !strings.HasPrefix(fold.String(listed[i].Title), pre) && strings.Contains(listed[i].Title, "委员会") {
						listed[i].Title = string([]rune(listed[0].Title)[:n]) + listed[i].Title
					}
				}
				break
			}
		}
		out = append(out, listed...)
	}
	return out
}

// nameEndsAt reports whether folded s ends with a name of two or three
// characters.
func nameEndsAt(s string) bool {
	rs := []rune(s)
	for _, n := range []int{3, 2} {
		if len(rs) >= n && isName(string(rs[len(rs)-n:])) {
			return true
		}
	}
	return false
}

// cutListSep cuts the separator of a list of reporters off the end of
// folded s: 、, or a comma (张庆黎,…潘立刚,…张裔炯、…孙淦,分别就…).
func cutListSep(s string) (string, bool) {
	if t, ok := strings.CutSuffix(s, "、"); ok {
		return t, true
	}
	return strings.CutSuffix(s, ",")
}

// sharedOffice reads the reporters of a list of names after one office
// (全国人大法律委员会副主任委员张鸣起、孙宝树、李连宁分别作的), name being
// the last of them, which starts at folded offset ls: each under the
// office of the first. None unless the list starts with an office and
// holds only names after it.
func sharedOffice(p *page, ls int, name string) []Attendee {
	names := []string{name}
	for lead, ok := strings.CutSuffix(p.norm[:ls], "、"); ok; lead, ok = strings.CutSuffix(p.norm[:ls], "、") {
		fs := afterLast(lead, ",。;:\n、")
		seg := titleAfterVerb(p.show(fs, len(lead)))
		if isName(seg) {
			names = append(names, seg)
			ls = fs
			continue
		}
		head, ok := reporterIn(seg)
		if !ok || head.Title == "" || len(names) > 12 {
			return nil
		}
		title := fullOffice(seg, head)
		out := []Attendee{{Name: head.Name, Title: title, Role: RoleSpeaker}}
		for i := len(names) - 1; i >= 0; i-- {
			out = append(out, Attendee{Name: names[i], Title: title, Role: RoleSpeaker})
		}
		return out
	}
	return nil
}

// reporterIn reads the person a clause before a report's verb names, with
// the title before the name (民政部部长李立国); where the surname is not
// among the common ones personBefore knows, a title before and the report
// after mark the name all the same (全国人大常委会副委员长铁凝作的).
func reporterIn(disp string) (*Person, bool) {
	if per, ok := personBefore(disp, true); ok {
		return per, true
	}
	return titledBeforeReport(disp)
}

// titledBeforeReport reads a person named after a title and before a
// report's verb (全国人大常委会副委员长铁凝), two or three characters,
// where the surname is not among the common ones personBefore knows.
func titledBeforeReport(disp string) (*Person, bool) {
	rs := []rune(strings.TrimSpace(disp))
	f := []rune(fold.String(string(rs)))
	if len(f) != len(rs) {
		return nil, false
	}
	for _, n := range []int{2, 3} {
		if len(f) < n+2 {
			continue
		}
		head := string(f[:len(f)-n])
		for _, t := range chairTitles {
			name := f[len(f)-n:]
			if strings.HasSuffix(head, t) && runeCount(t) >= 3 && !slices.ContainsFunc(name, func(r rune) bool { return !hanRune(r) || strings.ContainsRune(nameStops, r) }) {
				title := titleAfterVerb(string(rs[:len(rs)-n]))
				return &Person{Name: string(rs[len(rs)-n:]), Title: title}, true
			}
		}
	}
	return nil, false
}

// fullOffice is the whole office written before a person's name in the
// clause disp (环境与资源保护委员会主任委员汪光焘), where personBefore kept
// only the part after a word it cuts at (与); else the title it read.
func fullOffice(disp string, per *Person) string {
	if t, ok := strings.CutSuffix(strings.TrimSpace(disp), per.Name); ok {
		if t = titleAfterVerb(t); strings.HasSuffix(t, per.Title) && headedBody(t) != "" {
			return t
		}
	}
	return titleAfterVerb(per.Title)
}

// namesBeforeTitle finds the members named with their title after the name
// at the start of a clause (譚耀宗議員問：, 1. 盧偉國議員動議): the name is the
// whole run of two to four characters before the title, starting with a
// surname.
func namesBeforeTitle(p *page) []Attendee { return namesBeforeTitleIn(p, 0, len(p.norm)) }

// namesBeforeTitleIn is namesBeforeTitle over the folded span [lo, hi).
func namesBeforeTitleIn(p *page, lo, hi int) []Attendee {
	var out []Attendee
	for at := range occurrences(p.norm[lo:hi], "议员") {
		at += lo
		start := at
		n, dotted := 0, false
		for start > lo && n < 12 {
			r, size := utf8.DecodeLastRuneInString(p.norm[:start])
			if (isNameDot(r) || r == '.') && n > 0 && start-size > lo {
				// 俄鄧．殷艾議員: a name of an indigenous people, its
				// parts joined by a dot.
				if prev, _ := utf8.DecodeLastRuneInString(p.norm[:start-size]); hanRune(prev) {
					start -= size
					dotted = true
					continue
				}
			}
			if !hanRune(r) || n == 5 && !dotted {
				break
			}
			start -= size
			n++
		}
		if n < 2 || n > 4 && !dotted {
			continue
		}
		first, _ := utf8.DecodeRuneInString(p.norm[start:])
		if !dotted && !foldedSurname(first) {
			continue
		}
		out = append(out, Attendee{Name: p.show(start, at), Title: p.show(at, at+len("议员")), Role: RoleSpeaker})
	}
	return out
}

// mentionedLeaders finds the leaders a record names by the title that
// follows the name (习近平总书记) or as 同志 (胡锦涛同志): three characters
// starting with a surname before the title, or two before 总书记.
func mentionedLeaders(p *page) []Attendee {
	var out []Attendee
	for at, title := range p.wordsIn(leaderTitles) {
		for _, n := range []int{3, 2} {
			if n == 2 && title != "总书记" {
				break
			}
			start := at
			for k := 0; k < n && start > 0; k++ {
				_, size := utf8.DecodeLastRuneInString(p.norm[:start])
				start -= size
			}
			name := p.norm[start:at]
			first, _ := utf8.DecodeRuneInString(name)
			if strings.ContainsRune("于与和对在从向为将把被及等同各全这那该本其", first) {
				continue
			}
			// X同志 stands after a break or 以/在 (、胡锦涛同志, 以习近平同志为核心,
			// 在温家宝同志领导下): 关于扩大…同志 is no name.
			if prev := lastRune(p.norm[:start]); title == "同志" && start > 0 && hanRune(prev) && !strings.ContainsRune("、和与及同以在", prev) {
				continue
			}
			// 連任黨總書記, 連任總書記: the party's post, taken again, is
			// no one's name.
			if l := lastRune(name); l == '党' || l == '任' {
				continue
			}
			if runeCount(name) == n && isName(name) && foldedSurname(first) {
				out = append(out, Attendee{Name: p.show(start, at), Title: title, Role: RoleMentioned})
				break
			}
		}
	}
	return out
}

// leaderTitles follow the name of a leader a record mentions.
var (
	leaderTitleWords = []string{"总书记", "同志"}
	leaderTitles     = setOf(leaderTitleWords...)
)

// titleAfterVerb drops what the meeting did from the front of a title read
// back from a name (会议听取了民政部部长 → 民政部部长).
func titleAfterVerb(title string) string {
	f := fold.String(title)
	cut := 0
	for _, w := range []string{"了", "听取", "审议", "会议", "由"} {
		if i := strings.LastIndex(f, w); i >= 0 && i+len(w) > cut {
			cut = i + len(w)
		}
	}
	if cut == 0 {
		return title
	}
	return string([]rune(title)[runeCount(f[:cut]):])
}

// addActors adds the people the text names acting in the meeting to the
// record's attendees, each once: those already listed keep their role.
func addActors(p *page, m *Minutes) {
	seen := map[string]bool{}
	if m.Chair != nil {
		seen[fold.String(m.Chair.Name)] = true
	}
	for _, a := range m.Attendees {
		seen[fold.String(a.Name)] = true
	}
	if m.Recorder != "" {
		seen[fold.String(m.Recorder)] = true
	}
	addIf := func(as []Attendee, name func(string) bool) {
		for _, a := range as {
			// 李‍卓‍人: a page's zero-width joiners are no part of a name.
			a.Name = withoutIgnorable(a.Name)
			k := fold.String(a.Name)
			if !seen[k] && name(a.Name) {
				seen[k] = true
				m.Attendees = append(m.Attendees, a)
			}
		}
	}
	add := func(as []Attendee) { addIf(as, isName) }
	// A reporter is named between his title and the report (副委员长铁凝作
	// 的), which marks the name whatever its surname.
	addReporters := func() {
		addIf(p.reporters(), func(n string) bool {
			return isName(n) || runeCount(n) <= 3 && !strings.ContainsFunc(fold.String(n), func(r rune) bool { return !hanRune(r) || strings.ContainsRune(nameStops, r) })
		})
	}
	// A verbatim record heads each speech with its speaker (* 高委員金素梅：,
	// 陳偉業議員：): those are who spoke. The members it names elsewhere
	// (行政院函送吳委員秉叡…所提質詢之書面答復, 連署人) did not act in it.
	// A legislature's officers speak by office alone (民政事務局局長：).
	var officers []Attendee
	if m.Genre == GenreHansard {
		officers = m.Attendees
	}
	// A legislature's record is verbatim however few speak in it: a
	// sitting the President suspends after his own rulings heads every
	// speech 主席, and its roll of members is still the house, not actors.
	if hs := headedSpeakers(p, officers); len(hs) >= minHeadedSpeakers || m.Genre == GenreHansard {
		if m.Genre == GenreHansard {
			fileSpeakers(p, m, hs)
			// The roll is no longer listed: a member on it may be filed
			// below for what he did.
			clear(seen)
			for _, a := range m.Attendees {
				seen[fold.String(a.Name)] = true
			}
			if len(hs) < minHeadedSpeakers {
				// A record of no debate (the President's rulings, the
				// reading of reports): the members it shows acting
				// without a speech of their own.
				add(actors(p))
			}
		} else {
			add(hs)
		}
		// 外交部田部長弘茂本日因公請假，由李次長大維代表列席: those on
		// leave and those sitting in for them.
		for k := range p.lines {
			l := p.line(k)
			switch {
			case strings.Contains(l, "得票") && strings.Contains(l, "当选"):
				// 王委員金平得票八十五票，…當選為本院院長: who the ballot
				// elected.
				add(withRole(titledInSpan(p, p.lines[k][0], p.lines[k][1]), ""))
			case strings.Contains(l, "监察员") || strings.Contains(l, "监票员"):
				// 投、開票監察員，由各黨團推派曹委員啟鴻、孫委員國華…擔任;
				// 改推派廖委員本煙為投開票監察員: the members who watch a
				// ballot, named in the sentence that appoints them.
				add(withRole(tellers(p, k), RoleTeller))
			case strings.Contains(l, "请假") && strings.Contains(l, "代表列席"):
				i := p.lines[k][0] + strings.Index(l, "请假")
				add(withRole(titledInSpan(p, p.lines[k][0], i), RoleAbsent))
				add(withRole(titledInSpan(p, i, p.lines[k][1]), RoleObserver))
			case strings.Contains(l, "请假"):
				add(withRole(titledInSpan(p, p.lines[k][0], p.lines[k][1]), RoleAbsent))
			}
		}
		addReporters()
		add(mentionedLeaders(p))
		add(visitors(p))
		return
	}
	add(proposers(p))
	add(titledInText(p))
	add(namesBeforeTitle(p))
	addReporters()
	add(mentionedLeaders(p))
	add(visitors(p))
}

// visitors reads the people a chair welcomes to the gallery (現在有鳳山區
// 忠孝國小學務主任鄭清祥及洪村瑞、柯佳儀老師帶領學生在旁聽席旁聽，請大家
// 鼓掌歡迎): those who lead the visit, each named after an office (主任鄭清
// 祥, 中隊長吳月香), before a title of courtesy (柯佳儀老師, 周素勤秘書) or
// inside one (胡里長維成). A clerk lists them.
func visitors(p *page) []Attendee {
	var out []Attendee
	for at := 0; ; {
		i := strings.Index(p.norm[at:], "欢迎")
		if i < 0 {
			return withRole(out, RoleVisitor)
		}
		end := at + i
		at = end + len("欢迎")
		start := afterLast(p.norm[max(0, end-600):end], "。\n") + max(0, end-600)
		s := p.norm[start:end]
		if !strings.Contains(s, "旁听") && !strings.Contains(s, "莅临") && !strings.Contains(s, "参访") && !strings.Contains(s, "参观") {
			continue
		}
		lo := -1
		for _, w := range []string{"现在有", "现有", "今天有", "今日有"} {
			if k := strings.Index(s, w); k >= 0 && (lo < 0 || k+len(w) < lo) {
				lo = k + len(w)
			}
		}
		if lo < 0 {
			continue
		}
		hi := len(s)
		for _, w := range []string{"带领", "率领", "一行", "在旁听", "莅临", "前来"} {
			if k := strings.Index(s[lo:], w); k >= 0 && lo+k < hi {
				hi = lo + k
			}
		}
		for from := lo; from < hi; {
			to := hi
			if k := strings.IndexAny(s[from:hi], "及、,和暨"); k >= 0 {
				to = from + k
			}
			if as := titledInSpan(p, start+from, start+to); len(as) > 0 {
				out = append(out, as...)
			} else if a, ok := visitorIn(p, start+from, start+to); ok {
				out = append(out, a)
			}
			if to == hi {
				break
			}
			_, size := utf8.DecodeRuneInString(s[to:hi])
			from = to + size
		}
	}
}

// visitorIn reads the name one item of a visitors' list ends with (folded
// span [lo, hi)): after an office (体育组长陈淑琪) or a body (人大常委会
// 周素勤秘书), or alone (李丽琴老师), a title of courtesy after it dropped.
func visitorIn(p *page, lo, hi int) (Attendee, bool) {
	s := p.norm[lo:hi]
	for _, t := range []string{"老师", "秘书", "先生", "女士", "小姐", "等"} {
		if k, ok := strings.CutSuffix(s, t); ok {
			s = k
			break
		}
	}
	rs := []rune(s)
	for _, n := range []int{3, 2} {
		if len(rs) < n || !isName(string(rs[len(rs)-n:])) {
			continue
		}
		if len(rs) == n || strings.ContainsRune("长员任书师", rs[len(rs)-n-1]) || isOrgEnd(rs[len(rs)-n-1]) {
			at := lo + len(string(rs[:len(rs)-n]))
			return Attendee{Name: p.show(at, at+len(string(rs[len(rs)-n:])))}, true
		}
	}
	return Attendee{}, false
}

// tellers reads the members named to watch a ballot in the sentences of
// line k that name the office (監察員, 監票員) and appoint to it (擔任,
// 推派).
func tellers(p *page, k int) []Attendee {
	var out []Attendee
	lo, l := p.lines[k][0], p.line(k)
	for from := 0; from < len(l); {
		to := len(l)
		if i := strings.Index(l[from:], "。"); i >= 0 {
			to = from + i + len("。")
		}
		if s := l[from:to]; (strings.Contains(s, "监察员") || strings.Contains(s, "监票员")) && (strings.Contains(s, "担任") || strings.Contains(s, "推派")) {
			out = append(out, titledInSpan(p, lo+from, lo+to)...)
		}
		from = to
	}
	return out
}

// actors reads the members a verbatim record shows acting without a speech
// heading: those its stage directions name ((梁國雄議員繼續步向主席台)),
// those who sign a motion (提案人：某黨團　顏清標, the next line's 翁重鈞
// too) and those who sign a statement (立法委員田秋堇 on a line of its own).
func actors(p *page) []Attendee {
	var out []Attendee
	name := func(disp string) {
		if disp = strings.TrimSpace(disp); isName(disp) {
			out = append(out, Attendee{Name: disp})
		}
	}
	for k := 0; k < len(p.lines); k++ {
		l := strings.TrimSpace(p.line(k))
		lo, hi := p.lines[k][0], p.lines[k][1]
		switch {
		case strings.HasPrefix(l, "提案人:"):
			// The names past the label, the last of each space-separated
			// run (a party group stands before its signer).
			at := lo + strings.Index(p.line(k), ":") + 1
			for _, f := range strings.Fields(p.show(at, hi)) {
				name(f)
			}
			for k+1 < len(p.lines) && isName(strings.TrimSpace(p.show(p.lines[k+1][0], p.lines[k+1][1]))) {
				k++
				name(p.show(p.lines[k][0], p.lines[k][1]))
			}
		case caucusSigners(l):
			// 中國國民黨立法院黨團　曾永權　潘維剛, under a motion or a
			// request for a vote: the caucus and the members who sign for
			// it.
			at := lo + strings.Index(p.line(k), "党团") + len("党团")
			for _, f := range strings.Fields(p.show(at, hi)) {
				name(f)
			}
		case strings.HasPrefix(l, "立法委员") && isName(strings.TrimPrefix(l, "立法委员")):
			name(p.show(lo+strings.Index(p.line(k), "立法委员")+len("立法委员"), hi))
		default:
			for i := strings.IndexByte(l, '('); i >= 0; {
				j := strings.IndexByte(l[i:], ')')
				if j < 0 {
					break
				}
				at := lo + len(p.line(k)) - len(strings.TrimLeft(p.line(k), " ")) + i
				for _, a := range namesBeforeTitleIn(p, at+1, at+j) {
					out = append(out, Attendee{Name: a.Name})
				}
				next := strings.IndexByte(l[i+j:], '(')
				if next < 0 {
					break
				}
				i += j + next
			}
		}
	}
	return out
}

// caucusSigners reports whether a folded line is a party caucus followed by
// the names of those who sign for it (中国国民党立法院党团　曾永权　潘维刚).
func caucusSigners(l string) bool {
	i := strings.Index(l, "党团")
	if i <= 0 || runeCount(l[:i]) > 16 || strings.ContainsAny(l[:i], " ,。:") {
		return false
	}
	fs := strings.Fields(l[i+len("党团"):])
	if len(fs) == 0 || len(fs) > 8 {
		return false
	}
	for _, f := range fs {
		if !isName(f) {
			return false
		}
	}
	return true
}

// withRole gives each of as the role.
func withRole(as []Attendee, role string) []Attendee {
	for i := range as {
		as[i].Role = role
	}
	return as
}

// minHeadedSpeakers is how many people a record must head speeches with to
// be read as a verbatim record (a record of proceedings, a gazette):
// summary minutes head none.
const minHeadedSpeakers = 3

// maxFiledSpeakers is how many of a legislature's verbatim record's
// speakers its record files among its officials, in order of first speech:
// the convention of the gold records, which keeps a sitting of sixty
// speeches an entry a reader can take in. Minutes.Speakers keeps them all.
const maxFiledSpeakers = 20

// fileSpeakers files the people of a legislature's verbatim record: who
// presided (the chair), its first maxFiledSpeakers speakers, and the
// officials who attend or are excused; not the roll of the house's members
// and clerks (出席議員, 缺席議員, 列席秘書), who are the house itself. It
// sets m.Speakers to every speaker.
func fileSpeakers(p *page, m *Minutes, hs []Attendee) {
	speaks := map[string]bool{}
	for _, a := range hs {
		m.Speakers = append(m.Speakers, a.Name)
		speaks[fold.String(a.Name)] = true
	}
	// The first speakers besides the chair, who is filed as such.
	chair := ""
	if m.Chair != nil {
		chair = fold.String(m.Chair.Name)
	}
	n, others := 0, 0
	for n < len(hs) && others < maxFiledSpeakers {
		if fold.String(hs[n].Name) != chair {
			others++
		}
		n++
	}
	hs = hs[:n]
	filed := map[string]bool{}
	for _, a := range hs {
		filed[fold.String(a.Name)] = true
	}
	kept := m.Attendees[:0]
	for _, a := range m.Attendees {
		k := fold.String(a.Name)
		switch {
		case filed[k]:
			// Filed as a speaker, below.
		case p.house[k]:
			// A member on the roll.
		default:
			// The officials attending, whether they spoke past the
			// filed speakers or not.
			kept = append(kept, a)
		}
	}
	m.Attendees = append(hs, kept...)
}

// headedSpeakers returns the people who head a speech (a line that starts
// "name and title："), each once, in order of first speech: 高委員金素梅 →
// 高金素梅, 陳院長冲 → 陳冲, 陳偉業議員 → 陳偉業. A heading holds one
// person, so the given name runs to the colon; a heading that is an office
// alone (民政事務局局長：) is the official listed with that office.
func headedSpeakers(p *page, listed []Attendee) []Attendee {
	var out []Attendee
	seen := map[string]bool{}
	offices := map[string]Attendee{} // folded office → the official listed with it
	for _, a := range listed {
		if k := fold.String(a.Org + a.Title); a.Title != "" && offices[k].Name == "" {
			offices[k] = Attendee{Name: a.Name, Org: a.Org, Title: a.Title}
		}
	}
	for k := range p.lines {
		line := strings.TrimLeft(p.line(k), " \t*-•·")
		if !speakerHeading(line) {
			continue
		}
		head := line[:strings.IndexByte(line, ':')]
		start := p.lines[k][0] + (len(p.line(k)) - len(line))
		a, ok := headedSpeaker(p.show(start, start+len(head)), head)
		if !ok {
			if a, ok = offices[head]; !ok {
				continue
			}
		}
		if key := fold.String(a.Name); !seen[key] {
			seen[key] = true
			a.Role = RoleSpeaker
			out = append(out, a)
		}
	}
	return out
}

// headedSpeaker reads the person of a speech's heading, disp in the
// document's characters and f folded.
func headedSpeaker(disp, f string) (Attendee, bool) {
	rs := []rune(disp)
	// 高委員金素梅: surname, title, the rest of the name.
	if r, size := utf8.DecodeRuneInString(f); foldedSurname(r) {
		if t, ok := firstPrefix(f[size:], innerTitles); ok {
			n := runeCount(t)
			if rest := rs[1+n:]; len(rest) >= 1 && len(rest) <= 3 {
				return Attendee{Name: string(rs[:1]) + string(rest), Title: string(rs[1 : 1+n])}, true
			}
		}
	}
	// 陳偉業議員, 民政事務局局長曾德成; not 文化局局長 or 全委會主席, a
	// body's office with no name.
	if a, ok := titledName(disp); ok && isName(a.Name) {
		if f := fold.String(a.Name); !isOrgEnd(lastRune(f)) {
			return a, true
		}
	}
	return Attendee{}, false
}

// isNameDot reports whether r joins the parts of a name (艾力更·依明巴海,
// 伊斯坦大‧貝雅夫‧正福, 司马义-铁力瓦尔地).
func isNameDot(r rune) bool {
	switch r {
	case '·', '‧', '・', '．', '•', '-', '－':
		return true
	}
	return false
}

// withoutIgnorable drops the characters fold ignores (zero-width joiners and
// spaces, soft hyphens) from s, which a page may set inside a name.
func withoutIgnorable(s string) string {
	if !strings.ContainsFunc(s, fold.IsIgnorable) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if fold.IsIgnorable(r) {
			return -1
		}
		return r
	}, s)
}
