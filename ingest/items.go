package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/cnum"
	"github.com/jiyao-search/jiyao/internal/fold"
)

// itemActions are the verbs an agenda item opens with.
var itemActions = []string{"听取", "审议", "研究", "通报", "讨论", "审定", "部署", "学习", "传达", "宣读", "报告", "讨论通过", "决定"}

// decisionVerbs are the ways minutes record a decision, folded, longest
// first.
var decisionVerbs = []string{"原则同意", "原则通过", "审议通过", "讨论通过", "协商决定", "同意", "通过", "决定", "批准"}

// itemEnd marks the end of the agenda: what follows is not an item.
var itemEnds = []string{"会议还研究了其他事项", "会议还研究了其它事项", "出席:", "出席议员", "列席:"}

// items splits the agenda into numbered items (一、二、…) and reads each
// item's title, action, decisions and departments.
func (e *Extractor) items(p *page, m *Minutes) {
	nm := departmentNaming(p, m)
	type head struct{ line, start, textStart int }
	scan := func(numeral func(string) bool) ([]head, int) {
		var heads []head
		want := 1
		end := len(p.norm)
		for k := range p.lines {
			l := p.line(k)
			t := strings.TrimLeft(l, " ")
			if _, ok := firstPrefix(t, itemEnds); ok && len(heads) > 0 {
				end = p.lines[k][0]
				break
			}
			i := strings.Index(t, "、")
			if i <= 0 || i > 9 || !numeral(t[:i]) {
				continue
			}
			n, ok := cnum.Parse(strings.ReplaceAll(t[:i], "参", "叁"))
			if !ok {
				continue
			}
			// 三、今日議程：1、…⏎2、…⏎4、討論議案: a list in figures under
			// items numbered in words is no item, even where its count
			// meets theirs.
			if len(heads) > 0 && isDigitByte(t[0]) != isDigitByte(p.norm[heads[0].start]) {
				continue
			}
			// Numbering restarts in a new section (甲、報告事項 一、…).
			if n == 1 || n == want {
				lead := len(l) - len(t)
				heads = append(heads, head{line: k, start: p.lines[k][0] + lead, textStart: p.lines[k][0] + lead + i + len("、")})
				want = n + 1
			}
		}
		return heads, end
	}
	// 壹、貳、參、 number the agenda where 一、二、 number the clauses of
	// a resolution inside an item (議決：一、…照審查意見通過。二、…暫擱).
	var heads []head
	end := len(p.norm)
	if strings.Contains(p.norm, "壹、") {
		heads, end = scan(formalNumeral)
	}
	if len(heads) < 2 {
		heads, end = scan(isNumeral)
	}
	for h, hd := range heads {
		stop := end
		if h+1 < len(heads) {
			stop = p.lines[heads[h+1].line][0]
		}
		lineEnd := p.lines[hd.line][1]
		titleEnd := lineEnd
		if i := strings.Index(p.norm[hd.textStart:lineEnd], "。"); i >= 0 {
			titleEnd = hd.textStart + i
		}
		title := p.show(hd.textStart, titleEnd)
		it := Item{
			No:          h + 1,
			Title:       title,
			Decisions:   []Decision{},
			Departments: []string{},
			Topics:      []string{},
			Start:       p.offs[hd.start],
			End:         p.offs[stop],
		}
		it.Text = strings.TrimSpace(p.disp[it.Start:it.End])
		if a, ok := firstPrefix(p.norm[hd.textStart:titleEnd], itemActions); ok {
			it.Action = p.show(hd.textStart, hd.textStart+len(a))
		}
		if !requestHeading(p.norm[hd.textStart:lineEnd]) {
			// 五、某議員要求：⏎請市府提供：…局務會議通過時程…: what a
			// member asks for decides nothing; the chair's ruling on it
			// is read with the council's rulings.
			it.Decisions = e.decisions(p, hd.textStart, stop, nm)
		}
		if m.Genre != GenreHansard {
			it.Departments = e.departments(p, hd.textStart, stop, nm)
			for _, d := range it.Departments {
				if p.ex == nil {
					break // no one asked why
				}
				at := -1
				if i := strings.Index(p.norm[hd.textStart:stop], fold.String(strings.TrimLeft(d, "市省区县"))); i >= 0 {
					at = hd.textStart + i
				}
				p.whyOnce("department "+fold.String(d), fmt.Sprintf("the table of departments, in item %d", it.No), at)
			}
		}
		m.Items = append(m.Items, it)
	}
	if len(heads) == 0 {
		e.releaseItems(p, m, nm)
	}
	e.councilDecisions(p, m)
	dedupeDecisions(m)
	for _, it := range m.Items {
		for _, d := range it.Departments {
			if !contains(m.Departments, d) {
				m.Departments = append(m.Departments, d)
			}
		}
	}
}

// entryMarkerRE matches the bracketed number of a list's entry in folded
// text: (二), (3).
var entryMarkerRE = regexp.MustCompile(`\(` + markerNumber + `\)`)

// markerNumber is the number of a list's entry: 二, 十三, 3.
const markerNumber = `(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})`

// listMarkerRE matches the marker of a list's entry that opens an object:
// （二）, (3), 一、.
var listMarkerRE = regexp.MustCompile(`^(?:[（(]` + markerNumber + `[）)]|[一二三四五六七八九十]{1,3}、)\s*`)

// dedupeDecisions names the regulation a bill enacts or amends as its
// object (billMatter) and keeps the first of the decisions on one object: a
// matter resolved in its item and restated in another is one decision.
func dedupeDecisions(m *Minutes) {
	seen := map[string]*Decision{}
	for i := range m.Items {
		it := &m.Items[i]
		kept := it.Decisions[:0]
		for _, d := range it.Decisions {
			// （二）社政類編號1至30，計30案: the list's marker is no part
			// of the matter, in whichever form its numeral is written.
			d.Object = unified(d.Object)
			if loc := listMarkerRE.FindStringIndex(d.Object); loc != nil && runeCount(d.Object[loc[1]:]) >= 4 {
				d.Object = d.Object[loc[1]:]
			}
			d.Object = billMatter(d.Object)
			f := fold.String(d.Object)
			k := fold2Key(f)
			if strings.HasPrefix(f, "本案照") {
				// 對本案照程序委員會意見處理: how a case named elsewhere
				// is handled, not a matter.
				continue
			}
			if first := seen[k]; first != nil {
				adoptedLater(first, d)
				continue
			}
			kept = append(kept, d)
			seen[k] = &kept[len(kept)-1]
		}
		it.Decisions = kept
	}
}

// adoptedLater files a decision named again under first: 审议《某决定（草案）》
// … 全票通过了《某决定》, the matter examined first and adopted later, is
// one decision, where it was first named, with the verb that adopted it.
func adoptedLater(first *Decision, later Decision) {
	if businessVerbs[fold.String(first.Verb)] && !businessVerbs[fold.String(later.Verb)] {
		first.Verb = later.Verb
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// issuerLevel is the prefix a local government puts before its
// departments: 市 for 苏州市人民政府, 省, 区, 县; empty for others.
func issuerLevel(issuer string) string {
	name := strings.TrimSuffix(strings.TrimSuffix(issuer, "人民政府"), "政府")
	if name == issuer {
		return ""
	}
	for _, l := range []string{"市", "省", "区", "县", "州", "旗"} {
		if strings.HasSuffix(name, l) {
			return l
		}
	}
	return ""
}

// decisions reads the decisions in the folded span [from, to): a decision
// verb at the start of a clause, its object (a 《》 title or the clause),
// and the lead department given by 由… in the same or the next sentence.
func (e *Extractor) decisions(p *page, from, to int, nm naming) []Decision {
	out := []Decision{}
	text := p.norm[from:to]
	for i := 0; i < len(text); {
		verb, ok := "", false
		if mayStartVerb(text[i:]) {
			verb, ok = firstPrefix(text[i:], decisionVerbs)
		}
		if !ok && i == 0 && strings.HasPrefix(text, "部署") {
			// 八、部署文明创建工作: an item headed by the work it
			// arranges, as a release's 部署 clause.
			verb, ok = "部署", true
		}
		if ok && !clauseStart(text, i) {
			ok = false
		}
		// A bare 同意 or 通过 after a comma is more often part of a
		// sentence than a decision of the meeting; after 請 (請 同意案)
		// it is the motion's request, not its result.
		if ok && (verb == "同意" || verb == "通过") && (strings.HasSuffix(text[:i], ",") || strings.HasSuffix(strings.TrimRight(text[:i], " "), "请")) {
			ok = false
		}
		// Nor what a speaker says was passed (依照第三屆國民大會第五次
		// 會議通過修正之…): what the house decides is recorded outside its
		// members' speeches.
		if ok && (nm.history.holds(from+i) || nm.talk.holds(from+i)) {
			ok = false
		}
		if !ok {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		// 决定 and bare 通过 decide only when the meeting is the subject
		// or a titled document follows.
		objStart := i + len(verb)
		rest := text[objStart:]
		rest = strings.TrimPrefix(rest, "了")
		objStart = to - len(rest) - (len(p.norm) - to) + (len(p.norm) - to)
		objStart = from + (len(text) - len(rest))
		// 同意票一七九張, 同意權之行使: a vote's count and the power to
		// consent are no decisions; nor is a proposal's withdrawal (同意
		// 撤回), which leaves its matter undecided.
		if strings.HasPrefix(rest, "票") || strings.HasPrefix(rest, "权") || strings.HasPrefix(rest, "撤回") {
			i = objStart
			continue
		}
		// An item headed by the verb (參、決定各委員會名單) is the
		// decision itself.
		if (verb == "通过" || verb == "决定" || verb == "批准") && !strings.HasPrefix(rest, "《") && !precededBy(text, i, "会议") && i > 0 {
			i = objStart
			continue
		}
		if strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ":") {
			// 会议决定，… : the clause after the comma is the object.
			rest = rest[1:]
			objStart++
		}
		var obj string
		sentEnd := objStart + sentenceLen(p.norm[objStart:to])
		if strings.HasPrefix(rest, "《") {
			if j := strings.Index(rest, "》"); j > 0 {
				obj = p.show(objStart+len("《"), objStart+j)
			}
		} else {
			clause := p.norm[objStart:sentEnd]
			if j := strings.IndexAny(clause, ",;"); j >= 0 && verb != "决定" {
				clause = clause[:j]
			}
			obj = p.show(objStart, objStart+len(clause))
			if rs := []rune(obj); len(rs) > maxObjectRunes {
				// A decision that runs on (会议决定，从今年2月1日起，一是…)
				// is named by its opening words.
				obj = string(rs[:maxObjectRunes]) + "…"
			}
		}
		obj = withoutAttachmentNote(obj)
		if obj == "" || vagueObject(fold.String(obj)) {
			i = objStart
			continue
		}
		obj = referent(p, from, objStart, obj)
		d := Decision{Verb: p.show(from+i, from+i+len(verb)), Object: obj}
		// The lead: 由X… in this sentence or the next.
		next := sentEnd
		if next < to {
			// Past the terminator and any line breaks, to the end of
			// the next sentence.
			_, size := utf8.DecodeRuneInString(p.norm[next:to])
			k := next + size
			for k < to && (p.norm[k] == '\n' || p.norm[k] == ' ') {
				k++
			}
			next = k + sentenceLen(p.norm[k:to])
		}
		if k := strings.Index(p.norm[sentEnd:next], "由"); k >= 0 {
			at := sentEnd + k + len("由")
			if deps := e.departmentsAt(p.norm[at:next], at, nm, true); len(deps) > 0 {
				d.Lead = deps[0]
			}
		}
		out = append(out, d)
		i = sentEnd - from
	}
	return append(out, resolutions(p, from, to)...)
}

// referWords open an object that refers back to a document named before
// (原則同意該《責任清單》, 同意上述方案), folded.
var referWords = []string{"上述", "该", "此", "这一", "这个"}

// referent returns the document an object refers back to, named in full in
// the folded span [from, at) before it: 該《責任清單》 after 《斗門區生態環境
// 保護工作責任清單(送審稿)》 is that list. An object that refers to nothing
// found stays as written.
func referent(p *page, from, at int, obj string) string {
	f := fold.String(obj)
	w, ok := firstPrefix(f, referWords)
	if !ok {
		return obj
	}
	noun := strings.Trim(f[len(w):], "《》 ")
	if runeCount(noun) < 2 {
		return obj
	}
	// Within the item, and a window that keeps a text of nothing but
	// such references linear.
	from = max(from, at-2000)
	before := p.norm[from:at]
	for end := len(before); ; {
		o := strings.LastIndex(before[:end], "《")
		if o < 0 {
			return obj
		}
		c := strings.Index(before[o:end], "》")
		if c > 0 {
			title := before[o+len("《") : o+c]
			bare := title
			if k := strings.LastIndex(bare, "("); k > 0 {
				bare = bare[:k]
			}
			if title != noun && strings.HasSuffix(bare, noun) {
				return p.show(from+o+len("《"), from+o+c)
			}
		}
		end = o
	}
}

// resolutionLabels open a council resolution line (議決：照審查意見通過。),
// folded, also spaced out (決　議：, 決　　議：).
var resolutionLabels = func() []string {
	out := []string{"议决:", "决议:"}
	for n := 1; n <= 4; n++ {
		sp := strings.Repeat(" ", n)
		out = append(out, "议"+sp+"决:", "决"+sp+"议:")
	}
	return out
}()

// deferredResolution reports whether a folded resolution decides nothing
// yet: one of its clauses defers (詳附表, 審議中) and none gives a result
// (各區公所通案意見，詳附表第8至9頁，餘審議中).
func deferredResolution(res string) bool {
	deferred, rest := false, false
	for _, c := range strings.FieldsFunc(res, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		c = strings.TrimSpace(c)
		// 動議延後討論部分如附表，餘照案通過: the rest carried, not the
		// matter; a section's result, not a decision on the whole.
		if r, ok := strings.CutPrefix(c, "余"); ok {
			c, rest = r, true
		} else if r, ok := strings.CutPrefix(c, "餘"); ok {
			c, rest = r, true
		}
		if endsWithResult(c) {
			return deferred && rest
		}
		if _, ok := firstPrefix(c, deferrals); ok || referral(c) {
			deferred = true
		}
	}
	return deferred
}

// referral reports whether a folded clause of a resolution sends the
// matter to a committee to be examined, with another (併某議員所提「…」交付
// 法規審查委員會審查) or back (重付法規審查委員會審查): nothing is decided yet.
func referral(c string) bool {
	if !strings.HasSuffix(c, "审查") && !strings.HasSuffix(c, "审议") {
		return false
	}
	return strings.Contains(c, "交付") || strings.Contains(c, "重付") || strings.Contains(c, "交由")
}

// motionMatter returns the matter of a motion whose 案由 label stands in
// the lines just above resolution line k (案　由：…設立「新北市政府核能安全
// 委員會」，以守護…): its quoted title, else its first clause; empty when
// no 案由 is there.
func motionMatter(p *page, k, from int) string {
	for j := k - 1; j >= 0 && j >= k-12 && p.lines[j][1] > from; j-- {
		line := p.line(j)
		var at int
		if i := strings.LastIndex(line, "案由:"); i >= 0 {
			// 編號：1類別：保安 提案人：楊見福 案由：請擴編…: the labels of
			// a row run on in one line, perhaps after the resolution of
			// the row before (決議：照案通過。 編號：3 類別：民政案由：…).
			at = i + len("案由:")
			for _, label := range resolutionLabels {
				if strings.Contains(line[at:], label) {
					return "" // resolved on its own line
				}
			}
		} else {
			if slices.ContainsFunc(resolutionLabels, func(l string) bool { return strings.Contains(line, l) }) {
				// the 案由 above was resolved there, at the line's start or
				// after who explained it (說明人員：某局長 決議：修正通過。)
				return ""
			}
			key, _, a, ok := splitLabel(line)
			if !ok || key != "案由" {
				continue
			}
			at = a
		}
		start, end := p.lines[j][0]+at, p.lines[k-1][1]
		var b strings.Builder
		for _, part := range strings.Split(p.show(start, end), "\n") {
			b.WriteString(strings.TrimSpace(part))
		}
		return caseMatter(b.String())
	}
	return ""
}

// caseMatter reads the matter of a motion's 案由, its text as written: the
// 「」 title its first sentence names, else what it asks for after giving
// its reasons, else its first clause.
func caseMatter(matter string) string {
	first := matter
	if i := strings.IndexAny(matter, "。；;"); i >= 0 {
		first = matter[:i]
	}
	if m, ok := sentForNotice(first); ok {
		return m
	}
	if r, ok := askedToAgree(first); ok {
		return r
	}
	request, asks := motionRequest(matter)
	if asks && reasonedFirst(first) {
		// A title quoted among the reasons is not what the motion asks.
		return request
	}
	if i := strings.Index(first, "「"); i >= 0 {
		if e := strings.Index(first[i:], "」"); e > 0 && quotedTitle(first[i+len("「"):i+e]) {
			return first[i+len("「") : i+e]
		}
	}
	// 恐使…淪為…棄置地。…特提案連署要求新北市政府在…前，不可草率讓台
	// 電取得「水土保持完工證明」，且應…: a motion that reasons first
	// asks for what it moves; its request, through the clause that
	// names the thing asked about.
	if asks {
		return request
	}
	// Its first clause, but where the clauses after it go on with what is
	// asked (新店區華城里位於水源特定區範圍，應併入…，不應排除補助; 請市府
	// 追回款項，並凍結剩餘款項), its first sentence, unless that is too long
	// to name it.
	if i := strings.IndexAny(matter, "。;；"); i >= 0 {
		matter = matter[:i]
	}
	if i := strings.IndexAny(matter, ",，"); i >= 0 {
		_, size := utf8.DecodeRuneInString(matter[i:])
		next := fold.String(matter[i+size:])
		_, asks := firstPrefix(next, []string{"应", "不应", "请", "并", "且"})
		if _, form := firstPrefix(strings.TrimLeft(next, " "), []string{"请审议", "请查照", "请公决", "请同意", "请备查", "请核备"}); form {
			asks = false // …案，請審議: the form of the request, not what it asks
		}
		if !asks || runeCount(matter) > maxObjectRunes {
			matter = matter[:i]
		}
	}
	// 12月30日下午議程變更為：1、三讀議案第二讀會。…: the matter, not the
	// list it introduces.
	if i := strings.IndexAny(matter, ":："); i > 0 {
		if head := strings.TrimSpace(matter[:i]); runeCount(head) >= 4 {
			matter = strings.TrimSuffix(strings.TrimSuffix(head, "為"), "为")
		}
	}
	matter = requestedMatter(matter)
	if rs := []rune(matter); len(rs) > maxObjectRunes {
		matter = string(rs[:maxObjectRunes]) + "…"
	}
	return matter
}

// quotedTitle reports whether a quoted name is the title of what a case is
// about (「某某自治條例」, 「某某新建工程」, 「某某計畫」, a longer name), not a
// short name the case goes on to use (本市文山區「軍功路」擬更名為「和平東路
// 4段」案; 托兒所改制「幼兒園」…所需經費).
func quotedTitle(q string) bool {
	f := fold.String(q)
	if _, ok := docEnd(f); ok {
		return true
	}
	if _, ok := firstSuffix(f, regulationEnds); ok {
		return true
	}
	_, ok := firstSuffix(f, []string{"工程", "计划", "计画", "专案", "案", "活动", "中心", "基金", "表", "书", "政策", "准则"})
	// A longer name is the title of a plan or an event (「104年全國運動會」).
	return ok || runeCount(q) > 5
}

// askedToAgree returns what a motion's first sentence asks the house to
// agree to (由於…，請大會同意先行討論本第8次第1審查會市府提案第1案：為辦理
// 「…」…), up to the first colon or comma after it: the motion's matter,
// before any title it goes on to name.
func askedToAgree(first string) (string, bool) {
	f := fold.String(first)
	rs := []rune(first)
	if len([]rune(f)) != len(rs) {
		return "", false
	}
	for _, w := range []string{"请大会同意", "请同意"} {
		i := strings.Index(f, w)
		if i < 0 {
			continue
		}
		if q := strings.Index(f, "「"); q >= 0 && q < i {
			return "", false
		}
		rest := f[i+len(w):]
		end := len(rest)
		if k := strings.IndexAny(rest, ":,"); k >= 0 {
			end = k
		}
		from := runeCount(f[:i+len(w)])
		if n := runeCount(rest[:end]); n >= 4 && n <= maxObjectRunes {
			return string(rs[from : from+n]), true
		}
		return "", false
	}
	return "", false
}

// requestedMatter is the matter of a 案由 written as the executive's
// request (請審議101年度高雄市地方總預算案…, 請審議制定高雄市攤販管理自治
// 條例案): without the request, and a bill that makes, amends or repeals
// a regulation named by the regulation, as billMatter names it.
func requestedMatter(matter string) string {
	f := fold.String(matter)
	rs := []rune(matter)
	if len([]rune(f)) != len(rs) {
		return matter
	}
	rest, ok := strings.CutPrefix(f, "请审议")
	if !ok {
		return matter
	}
	rs = rs[runeCount("请审议"):]
	if verb, ok := firstPrefix(rest, []string{"制定", "订定", "修正", "废止"}); ok {
		if bill, ok := strings.CutSuffix(rest[len(verb):], "案"); ok {
			if _, ok := firstSuffix(bill, regulationEnds); ok {
				return string(rs[runeCount(verb) : runeCount(verb)+runeCount(bill)])
			}
		}
	}
	return string(rs)
}

// withoutAttachmentNote returns obj without a closing note that points to
// an attachment (各委員會名單（如附委員會分屬表）, …（詳附件）): where the
// detail is, not what was decided.
func withoutAttachmentNote(obj string) string {
	t := strings.TrimSpace(obj)
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(t, br[1]) {
			continue
		}
		i := strings.LastIndex(t, br[0])
		if i <= 0 {
			continue
		}
		note := fold.String(t[i+len(br[0]) : len(t)-len(br[1])])
		if _, ok := firstPrefix(note, []string{"如附", "详附", "详见", "见附", "附"}); ok {
			return strings.TrimSpace(t[:i])
		}
	}
	return obj
}

// maxVerbRunes bounds a resolution read as the verb of a decision; a longer
// one is recorded under its label.
const maxVerbRunes = 20

// resolutions reads the council resolutions in the folded span [from, to):
// a line 議決：… or 決議：… resolves the matter named by the nearest line
// above it that is not a speaker or a report (發言議員：…, …報告審查意見).
func resolutions(p *page, from, to int) []Decision {
	var out []Decision
	for _, d := range resolutionsAt(p, from, to) {
		out = append(out, d.Decision)
	}
	return out
}

// placedDecision is a decision and the folded offset it was read at.
type placedDecision struct {
	Decision
	at int
}

// resolutionsAt is resolutions with where each was read.
func resolutionsAt(p *page, from, to int) []placedDecision {
	var out []placedDecision
	for k := p.lineAt(from); k < len(p.lines) && p.lines[k][0] < to; k++ {
		l := p.lines[k]
		if l[0] < from {
			continue
		}
		line := p.norm[l[0]:l[1]]
		t := strings.TrimLeft(line, " ")
		at := l[0] + len(line) - len(t)
		label, ok := firstPrefix(t, resolutionLabels)
		// 丁、討論事項 本會…議事日程是否照所擬議事日程表（草案）進行，請
		// 公決案。 決議：照案通過（如附件）。: the matter and its
		// resolution on one line.
		i, inlineLabel, inl := 0, "", false
		if !ok {
			i, inlineLabel, inl = inlineResolution(t)
		}
		if p.secondReadings().holds(at) {
			// 乙、二讀會⏎壹、審議某年度地方總預算案…⏎…議決：照審查意見通過: a
			// part of a budget settled at its second reading; the budget
			// is adopted at the third (丙、三讀會), and that is the decision.
			continue
		}
		// Entries resolved one after another on the line, past the
		// resolution read below.
		out = append(out, runOnResolutions(p, k, at+i)...)
		inline := ""
		if !ok {
			if !inl {
				continue
			}
			label, ok = inlineLabel, true
			inline = inlineMatter(p.show(at, at+i))
			if !strings.Contains(t[:i], "案由:") && continuesAbove(t[:i]) {
				// …案由：請審議辦理「某工程」⏎101年度墊付…⏎1,365萬元，擬先行
				// 墊付執行案。 決議：同意辦理。: the 案由 began lines above.
				if m := motionMatter(p, k, from); m != "" {
					inline = m
				}
			}
			at += i
		}
		if labelledRows(p) && rowCase(p, at) != "" {
			continue // read with its row (rowResolutions)
		}
		res := strings.TrimRight(p.show(at+len(label), l[1]), "。.")
		if ok && inline == "" && res != "" && !strings.HasSuffix(strings.TrimSpace(t), "。") {
			// 決　　議：法規審查會修正通過條文第三、十三、⏎　　　　十七、十八條修
			// 正通過，餘照審查意見通過（詳附表）。: the result runs on
			// over the indented lines below its label.
			res += continuedValue(p, k, runeCount(p.norm[l[0]:at+len(label)]))
		}
		if i := strings.Index(res, "。"); i >= 0 && nextPart(fold.String(strings.TrimSpace(res[i+len("。"):]))) {
			// 決議：照案通過。 編號：3 類別：民政案由：…; 修正通過。 丁、散會：…:
			// the next row or part of the minutes runs on after the result.
			res = res[:i]
		}
		if strings.TrimSpace(res) == "" {
			// 議決：⏎一、修正條文第4條，照審查意見通過。⏎二、其餘部分暫擱…:
			// the result of the first clause that carries, from the
			// numbered clauses below.
			res = carriedClause(p, k+1)
		}
		if res == "" || deferredResolution(fold.String(res)) || slices.ContainsFunc(confirmedWords, func(w string) bool { return strings.Contains(line, w) }) {
			// A confirmed nomination is read as such (confirmation).
			continue
		}
		if budgetBySection(fold.String(strings.TrimSpace(res))) {
			// 決議：歲出部門－體育處第30頁至第69頁：修正通過。…: a budget
			// settled department by department at its second reading;
			// no budget is adopted as a whole yet, so nothing is decided.
			continue
		}
		obj := inline
		named, namedVerb := namedResult(res)
		if obj == "" && named != "" {
			// 議決：市法規案審議順序調整照案通過，其餘議程予以確定: the
			// resolution names its matter.
			obj = named
		}
		if obj == "" {
			obj = motionMatter(p, k, from)
		}
		for j := k - 1; obj == "" && inline == "" && j >= 0 && p.lines[j][1] > from; j-- {
			if personLine(strings.TrimSpace(p.line(j))) {
				// The list of those present or explaining stands
				// above: no matter is named.
				break
			}
			if voteRecord(p.line(j)) {
				// 周某議員提議：「反對…之審查意見」。⏎案經主席就…提付記名表決，
				// …贊成議員：…⏎議決：照審查意見通過。: the votes taken on
				// the way to the result; the matter is above them, unless
				// the line heads a member's motion of its own (壹、某議員
				// 提議：「…更改為大會會議議程。」案經主席就…), which is
				// what the house resolved.
				if m, ok := headedMotion(p, j); ok {
					obj = m
					break
				}
				continue
			}
			if submission(p.line(j)) {
				// …⏎報請　大會公鑒⏎決議：照案通過: the motion's body
				// opens under its heading (乙、主席提變更議程動議案⏎11月16日
				// 議程變更為：…).
				obj = openingUnder(p, j, from)
				break
			}
			obj = matterOf(p, j)
			_, created := firstPrefix(fold.String(obj), []string{"设立", "成立", "设置", "增设", "组成", "撤销", "裁撤", "合并"})
			if _, body := bodyEnd(fold.String(obj)); (body || underUnitHeading(p, j)) && !created && runeCount(obj) <= 12 && !strings.Contains(obj, "案") {
				// 市政府主管⏎秘書處⏎議決：照審查意見通過; 三、教育委員會所屬
				// 部門⏎…⏎家庭教育中心⏎議決：…: a unit's part of a budget
				// or of the final accounts, named by the unit alone.
				obj = ""
				break
			}
		}
		if obj == "" || budgetSection(fold.String(obj)) {
			continue
		}
		verb := res
		if obj == named && named != "" {
			verb = namedVerb
		}
		if verb == res {
			verb = closingResult(res)
		}
		// 照案通過（如附件）: the result, without where its detail is.
		if t := strings.TrimSpace(verb); strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
			if i := strings.LastIndexAny(t, "（("); i > 0 && endsWithResult(fold.String(strings.TrimSpace(t[:i]))) {
				verb = strings.TrimSpace(t[:i])
			}
		}
		if runeCount(verb) > maxVerbRunes {
			verb = p.show(at, at+len(label)-len(":"))
			// 議決：有關…免試入學作業，本會發表聲明如下：…: a statement
			// the house resolved, not a result on the matter above; its
			// opening is what it decided.
			if f := fold.String(res); !endsWithResult(f) && !strings.Contains(f, "通过") {
				stmt := strings.TrimSpace(res)
				if i := strings.IndexAny(stmt, "：:。"); i > 0 {
					stmt = stmt[:i]
				}
				stmt = strings.TrimSuffix(strings.TrimSuffix(stmt, "如下"), "如左")
				if runeCount(stmt) >= 4 && runeCount(stmt) <= maxObjectRunes {
					obj = stmt
				}
			}
		}
		out = append(out, placedDecision{Decision{Verb: verb, Object: obj}, at})
	}
	return out
}

// budgetBySection reports whether a folded resolution settles a budget
// department by department (歲出部門－體育處第30頁至第69頁：修正通過。…), at
// its second reading: no budget is adopted as a whole yet.
func budgetBySection(res string) bool {
	_, ok := firstPrefix(res, []string{"岁入部门", "岁出部门"})
	return ok
}

// closingResult is the result that closes a resolution of several clauses
// (制定條文第18條至第33條，照審查意見通過; 動議延後討論部分如附表，餘照案
// 通過; 除編號第8號案…研究辦理外；其餘送請市政府研究辦理), or the
// resolution as it is.
func closingResult(res string) string {
	i := strings.LastIndexAny(res, ",，;；")
	if i < 0 {
		return res
	}
	_, size := utf8.DecodeRuneInString(res[i:])
	last := withoutAttachmentNote(strings.TrimSpace(res[i+size:]))
	rest := false // the result for the rest of the cases
	if w, ok := firstPrefix(last, []string{"其餘", "其余", "餘", "余"}); ok {
		last, rest = last[len(w):], true
		// 其餘3案送請市政府研究辦理: the result, not how many cases it
		// covers.
		if n := len(last) - len(strings.TrimLeft(last, "0123456789")); n > 0 && strings.HasPrefix(last[n:], "案") {
			last = last[n+len("案"):]
		}
	}
	// A case sent on to be carried out (其餘送請市政府研究辦理) is a result
	// for the rest; a clause that asks more (照案通過，並請市政府研究辦理) is
	// not the result.
	if runeCount(last) <= maxVerbRunes && (endsWithResult(last) || rest && strings.HasSuffix(fold.String(last), "办理")) {
		return last
	}
	return res
}

// maxRunOnMatter bounds in bytes the matter of an entry resolved on the
// line it is named on.
const maxRunOnMatter = 150

// runOnResolutions reads the entries of a list resolved one after another
// on line k, as a PDF runs them on (（一）教育類編號：1至3，計3案 決議：送請
// 市政府研究辦理。 （二）農林類編號：1，計1案 決議：…): each entry's
// matter is what follows its marker, its result what follows its label,
// up to the 。. The resolution read at folded offset done is passed over.
func runOnResolutions(p *page, k, done int) []placedDecision {
	l := p.lines[k]
	line := p.norm[l[0]:l[1]]
	if !strings.Contains(line, "决") {
		return nil
	}
	var out []placedDecision
	for _, m := range entryMarkerRE.FindAllStringIndex(line, -1) {
		// An entry opens the line or follows a break (。 （二）…); a
		// number in brackets inside a phrase (經提本（八十八）年…) is none.
		if !entryOpens(line, m[0]) {
			continue
		}
		i, label, ok := firstLabel(line[m[1]:min(len(line), m[1]+maxRunOnMatter)])
		if !ok || strings.Contains(line[m[1]:m[1]+i], "。") || entryMarkerRE.MatchString(line[m[1]:m[1]+i]) {
			continue
		}
		matter := strings.TrimSpace(line[m[1] : m[1]+i])
		if strings.HasSuffix(matter, "会议") || strings.HasSuffix(matter, "附带") || strings.HasPrefix(matter, ",") {
			// 本院第二六六一次會議決議：「…」, another body's resolution
			// quoted; 第七條之二及附帶決議：…, a bill's clauses and its
			// rider voted on; 之決議 (二十三)，凍結…, a resolution cited by
			// its number.
			continue
		}
		at := l[0] + m[1] + i
		if at == done {
			continue
		}
		// The result, up to its 。 within a window: a line of many
		// entries costs time linear in its length.
		resAt := at + len(label)
		win := p.norm[resAt:min(l[1], resAt+maxRunOnMatter)]
		end := resAt + len(win)
		if j := strings.Index(win, "。"); j >= 0 {
			end = resAt + j
		}
		obj := strings.Join(strings.Fields(p.show(l[0]+m[1], at)), "")
		res := strings.TrimSpace(p.show(resAt, end))
		if runeCount(obj) < 4 || res == "" || deferredResolution(fold.String(res)) {
			continue
		}
		verb := closingResult(res)
		if runeCount(verb) > maxVerbRunes {
			continue
		}
		out = append(out, placedDecision{Decision{Verb: verb, Object: obj}, at})
	}
	return out
}

// entryOpens reports whether a list's entry marker at offset at of folded
// line opens the line or follows a break (。（二）…, 。 （二）…, a heading
// and a space: 二、審議議員提案 （一）…), not a number in brackets inside a
// phrase (經提本（八十八）年…).
func entryOpens(line string, at int) bool {
	prev := line[:at]
	return strings.TrimSpace(prev) == "" || strings.HasSuffix(prev, " ") || strings.HasSuffix(prev, "。")
}

// firstLabel finds the first resolution label in folded s: its offset and
// the label.
func firstLabel(s string) (int, string, bool) {
	best, label := -1, ""
	for _, l := range resolutionLabels {
		if i := strings.Index(s, l); i >= 0 && (best < 0 || i < best) {
			best, label = i, l
		}
	}
	return best, label, best >= 0
}

// nextPart reports whether folded text, run on after a resolution's result,
// opens the next row of a table (編號：3, 案由：…) or the next part of the
// minutes (丁、散會).
func nextPart(t string) bool {
	if strings.Contains(t, "案由:") {
		return true
	}
	if _, ok := firstPrefix(t, []string{"编号:", "类别:", "编号 :"}); ok {
		return true
	}
	return sectionHeading(t)
}

// continuesAbove reports whether a folded line's text goes on from the
// line above (1,365萬元，擬先行墊付執行案。; 定地上權」案。): it opens with a
// figure or closes a quote it did not open.
func continuesAbove(t string) bool {
	t = strings.TrimSpace(t)
	// An amount (1,365萬元) or a date part (101年度) goes on from the line
	// above; a list's number (1、) or a case number (11227 有關…) opens one.
	n := 0
	for n < len(t) && (t[n] >= '0' && t[n] <= '9' || t[n] == ',') {
		n++
	}
	if n > 0 {
		_, unit := firstPrefix(t[n:], []string{"万", "亿", "元", "千", "年", "月", "日"})
		return unit
	}
	c := strings.IndexAny(t, "」”")
	o := strings.IndexAny(t, "「“")
	return c >= 0 && (o < 0 || o > c)
}

// continuedValue is the text of the lines below label line k that carry
// on its value, trimmed and joined: each indented to the value's column
// (col, in characters) or nearly, up to the line that closes the sentence
// (。) and at most four. Aligned so, 十七、十八條修正通過 goes on with the
// value; it starts no list.
func continuedValue(p *page, k, col int) string {
	var b strings.Builder
	for j := k + 1; j < len(p.lines) && j <= k+4; j++ {
		line := p.line(j)
		t := strings.TrimLeft(line, " ")
		if t == "" || len(line)-len(t) < max(2, col-1) {
			break
		}
		b.WriteString(strings.TrimRight(p.show(p.lines[j][1]-len(t), p.lines[j][1]), "。."))
		if strings.HasSuffix(strings.TrimSpace(t), "。") {
			break
		}
	}
	return b.String()
}

// inlineResolution finds a resolution label that follows a sentence on a
// folded line (…請公決案。 決議：…): its offset and the label.
func inlineResolution(t string) (int, string, bool) {
	if !strings.Contains(t, "决") {
		return 0, "", false // every label holds 决: most lines are passed over at once
	}
	for _, label := range resolutionLabels {
		i := strings.Index(t, label)
		if i <= 0 {
			continue
		}
		if strings.HasSuffix(strings.TrimRight(t[:i], " "), "。") {
			return i, label, true
		}
	}
	return 0, "", false
}

// inlineMatter is the matter of a motion written before its resolution on
// one line: after a section heading (丁、討論事項), before the question put
// to the house (是否照所擬…進行，請公決案); "" when it names none.
func inlineMatter(disp string) string {
	f := fold.String(disp)
	if len([]rune(f)) != len([]rune(disp)) {
		return ""
	}
	rs := []rune(disp)
	if i := strings.LastIndex(f, "案由:"); i >= 0 {
		// 編號：1 類別：民政案由：請審議制定「…自治條例」草案。 決議：…: a
		// row of a table, about its 案由.
		return caseMatter(strings.TrimSpace(string(rs[runeCount(f[:i+len("案由:")]):])))
	}
	start := 0
	if i := strings.Index(f, "事项"); i >= 0 && runeCount(f[:i]) <= 8 {
		start = runeCount(f[:i+len("事项")])
	}
	end := len(rs)
	if i := strings.Index(f, "是否"); i >= 0 {
		end = runeCount(f[:i])
	} else if i := strings.Index(f, ",请"); i >= 0 {
		end = runeCount(f[:i])
	}
	if end <= start {
		return ""
	}
	m := strings.TrimSpace(string(rs[start:end]))
	if runeCount(m) < 4 || runeCount(m) > maxObjectRunes {
		return ""
	}
	return m
}

// sentForNotice reads a 案由 that sends something for the house to note
// (檢送本市委外拖吊範圍紅線路段，請備查; 檢送「某管理規則」，請查照): what is
// sent, its 「」 title where it has one.
func sentForNotice(first string) (string, bool) {
	f := fold.String(first)
	if runeCount(f) != runeCount(first) || !strings.HasPrefix(f, "检送") {
		return "", false
	}
	end := strings.LastIndex(f, ",")
	if end < 0 {
		return "", false
	}
	if _, ok := firstPrefix(strings.TrimLeft(f[end+len(","):], " "), []string{"请备查", "请查照", "请同意备查", "复请备查", "敬请备查", "敬请查照"}); !ok {
		return "", false
	}
	// …辦理情形案，詳如說明，請查照: the pointer to the notes is no part
	// of what is sent.
	if k := strings.LastIndex(f[:end], ","); k >= 0 && strings.TrimSpace(f[k+len(","):end]) == "详如说明" {
		end = k
	}
	rs := []rune(first)
	m := strings.TrimSpace(string(rs[runeCount("检送"):runeCount(f[:end])]))
	if q := quotedIn(m); q != nil {
		m = m[q[2]:q[3]]
	}
	return m, runeCount(m) >= 2
}

// billSuffixes end the name of a bill that enacts, amends or repeals a
// regulation, folded, longest first.
var billSuffixes = []string{"部分条文修正案", "修正案", "制定案", "废止案"}

// regulationEnds end the name of a regulation, folded.
var regulationEnds = []string{"条例", "办法", "规则", "标准", "规程", "编制表", "细则", "要点", "法"}

// billMatter returns the regulation a bill's name names (臺北市藍色公路管理
// 自治條例制定案 → 臺北市藍色公路管理自治條例): the resolution's verb says
// what was done to it, and a search for the regulation finds each bill.
func billMatter(obj string) string {
	f := fold.String(obj)
	// …自治條例制定案（報告案第11125案併案審議）: the bill, without the
	// note on what is taken up with it (but 刑法修正案(九), 某法修正案(草
	// 案) are names).
	if strings.HasSuffix(f, ")") {
		if i := strings.LastIndex(f, "("); i > 0 && runeCount(f[i:]) > 6 && strings.Contains(f[i:], "案") {
			f = f[:i]
		}
	}
	for _, suf := range billSuffixes {
		rest, ok := strings.CutSuffix(f, suf)
		if !ok {
			continue
		}
		if _, ok := firstSuffix(rest, regulationEnds); ok && fold.String(string([]rune(obj)[:min(runeCount(obj), runeCount(rest))])) == rest {
			return string([]rune(obj)[:runeCount(rest)])
		}
		break
	}
	return obj
}

// formalNumeral reports whether a folded string is a number in the formal
// capitals (壹, 贰, 参, 拾壹) that number a record's parts.
func formalNumeral(s string) bool { return onlyOf(s, "壹贰叁参肆伍陆柒捌玖拾") }

// carriedClause returns the first of the numbered clauses from line k on
// (一、…，照審查意見通過。) that ends with a result and defers nothing,
// without its number and stop; "" when none does.
func carriedClause(p *page, k int) string {
	deferred, numbered := false, false
	for last := k + maxClauseLines; k < len(p.lines) && k < last; k++ {
		t := strings.TrimSpace(p.line(k))
		i, sep := strings.Index(t, "、"), "、"
		if strings.HasPrefix(t, "(") {
			// (一) 名稱、第1條至第3條，照審查意見通過。
			i, sep = strings.Index(t, ")"), ")"
			if i > 0 {
				t = t[1:]
				i--
			}
		}
		if i <= 0 || i > 9 || !isNumeral(t[:i]) {
			// 二、第三條…第三目修⏎正為：廣場用地。: a clause runs on over
			// lines; a blank line, a heading or a label ends the list
			// (發言議員：…, 議決：…), not a colon inside a clause (2.交通委員
			// 會所屬部門第8款第1項：交通局第2目附帶決議修正為：…).
			if !numbered || t == "" || sectionHeading(t) || labelLine(t) {
				return ""
			}
			continue
		}
		numbered = true
		c := strings.TrimSpace(strings.TrimRight(t[i+len(sep):], "。. "))
		// 一、依照修正條文通過，三讀部分授權議事單位進行文字整理: the
		// result opens the clause, what follows carries it out.
		first := c
		if j := strings.IndexAny(c, ",;"); j > 0 {
			first = c[:j]
		}
		if strings.HasPrefix(c, "余") && deferred {
			// (一)第4目及通案項目，暫擱。(二)餘照審查意見通過: the rest
			// of a section carried, no decision on the whole.
			return ""
		}
		deferred = deferred || deferredResolution(c)
		for _, r := range []string{c, first} {
			if !endsWithResult(r) || deferredResolution(r) {
				continue
			}
			l := p.lines[k]
			disp := strings.TrimSpace(p.show(l[0], l[1]))
			if j := strings.IndexAny(disp, "、)）"); j > 0 {
				_, size := utf8.DecodeRuneInString(disp[j:])
				disp = strings.TrimSpace(disp[j+size:])
			}
			disp = strings.TrimSpace(strings.TrimRight(disp, "。. "))
			if rs := []rune(disp); len(r) < len(c) && runeCount(r) < len(rs) {
				disp = string(rs[:runeCount(r)])
			}
			// (二)餘照二讀審議意見通過: the result, carried for the rest.
			if w, ok := firstPrefix(disp, []string{"其餘", "其余", "餘", "余"}); ok && runeCount(disp) > runeCount(w)+2 {
				disp = disp[len(w):]
			}
			return disp
		}
	}
	return ""
}

// namedResult reads a resolution that names its matter before its result in
// its first clause (市法規案審議順序調整照案通過，其餘議程予以確定): the matter
// and the result, as written; "" when the clause is a part of the business
// (第4條照審查意見通過, 本案照案通過).
func namedResult(res string) (matter, result string) {
	first := res
	if i := strings.IndexAny(first, ",，;；"); i > 0 {
		first = first[:i]
	}
	rs, fs := []rune(strings.TrimSpace(first)), []rune(fold.String(strings.TrimSpace(first)))
	if len(rs) != len(fs) {
		return "", ""
	}
	f := string(fs)
	for _, r := range wordedResults[:len(wordedResults)-1] {
		n := utf8.RuneCountInString(r)
		if !strings.HasSuffix(f, r) || len(fs)-n < 4 {
			continue
		}
		m := string(fs[:len(fs)-n])
		if strings.ContainsAny(m, "条款项目") || strings.HasPrefix(m, "本案") || strings.HasPrefix(m, "全案") || strings.HasPrefix(m, "其余") {
			return "", ""
		}
		return string(rs[:len(rs)-n]), string(rs[len(rs)-n:])
	}
	return "", ""
}

// labelLine reports whether a folded line opens with a label (發言議員：,
// 議決：): a colon within its first maxLabelRunes characters, not after 为
// (修正為：…).
func labelLine(t string) bool {
	i := strings.Index(t, ":")
	return i >= 0 && runeCount(t[:i]) <= maxLabelRunes && !strings.HasSuffix(t[:i], "为")
}

// maxLabelRunes bounds the label a line opens with.
const maxLabelRunes = 8

// maxClauseLines bounds how far a resolution's numbered clauses run below
// its label, wrapped lines included.
const maxClauseLines = 60

// numberedHeading reports whether a folded line opens with a heading's
// number and 、 (五、, 壹、), and where the 、 stands.
func numberedHeading(l string) (int, bool) {
	i := strings.Index(l, "、")
	return i, i > 0 && i <= 9 && (isNumeral(l[:i]) || formalNumeral(l[:i]))
}

// secondReadings returns the spans of folded text that read a budget a
// second time, part by part: under a council record's section of the
// second reading (乙、二讀會), each part headed by a budget (壹、審議某年度
// 地方總預算案…; 貳、繼續審議…預算(政黨協商暫擱部分)), to the next heading
// of either rank. A bill read there (壹、審議某自治條例草案) is not one.
// Read once.
func (p *page) secondReadings() spans {
	if !p.secondReadDone {
		p.secondRead, p.secondReadDone = readSecondReadings(p), true
	}
	return p.secondRead
}

// readSecondReadings is secondReadings, read from the text.
func readSecondReadings(p *page) spans {
	var out spans
	second, budget := false, false
	start := 0
	closeSpan := func(at int) {
		if second && budget {
			out = append(out, [2]int{start, at})
		}
	}
	for _, l := range p.lines {
		t := strings.TrimSpace(p.norm[l[0]:l[1]])
		if !sectionHeading(t) || runeCount(t) > maxHeadingRunes {
			// 丙、討論事項 二讀會 一、審議…案。 決議：照案通過。 二、…: a
			// part run on as one line is not read as headed.
			continue
		}
		closeSpan(l[0])
		r, _ := utf8.DecodeRuneInString(t)
		if strings.ContainsRune(sectionStems, r) {
			second = strings.Contains(t, "二读")
		}
		_, bill := firstSuffix(strings.TrimRight(t, "。 "), []string{"规程", "办法", "规则"})
		budget = second && strings.Contains(t, "预算") && !bill && !strings.Contains(t, "条例")
		start = l[0]
	}
	closeSpan(len(p.norm))
	return out
}

// maxHeadingRunes bounds the heading of a part of a council's record
// (貳、繼續審議某年度某市地方總預算案(政黨協商暫擱部分)).
const maxHeadingRunes = 60

// sectionStems number the parts of a council's record (甲、報告事項, 乙、
// 二讀會), above the formal numerals of their sections (壹、, 貳、).
const sectionStems = "甲乙丙丁戊己庚辛壬癸"

// sectionHeading reports whether a folded line heads a section of a
// council's record (丙、一讀會, 貳、審議…): a stem or formal numeral and 、.
func sectionHeading(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	return strings.ContainsRune(sectionStems+"壹贰叁参肆伍陆柒捌玖拾", r) && strings.HasPrefix(t[size:], "、")
}

// deferrals open a resolution that decides nothing yet: 詳附表 (see the
// table), 延後討論, 審議中, 另定期審議. Folded.
var deferrals = []string{"详附表", "详如附", "详见附", "延后", "动议延后", "审议中", "另定期", "另行", "暂搁", "搁置", "暂缓", "交付"}

// resultWords end a council's resolution, folded: 照審查意見通過, 被否決,
// 保留, 照辦.
var resultWords = []string{"通过", "否决", "保留", "照办", "备查", "撤回", "不予审议"}

// endsWithResult reports whether a resolution ends with a result.
func endsWithResult(s string) bool {
	f := fold.String(s)
	for _, w := range resultWords {
		if strings.HasSuffix(f, w) {
			return true
		}
	}
	return false
}

// reasonOpeners open a motion's 案由 with its reason (有鑑於…), as written.
var reasonOpeners = []string{"有鑑於", "有鉴于", "鑑於", "鉴于", "有鑒於", "鑒於"}

// reasonedFirst reports whether a motion's 案由 opens with its reason: 有鑑於…;
// or 為 and a state of things (為本次水災情況嚴重，…，建請…) before a request
// in the same sentence, where 為訂定「…」 says what the motion is for.
func reasonedFirst(matter string) bool {
	if _, ok := firstPrefix(matter, reasonOpeners); ok {
		return true
	}
	rest, ok := strings.CutPrefix(matter, "為")
	if !ok {
		rest, ok = strings.CutPrefix(matter, "为")
	}
	if !ok {
		return false
	}
	sent := rest
	if i := strings.IndexAny(rest, "。；;"); i >= 0 {
		sent = rest[:i]
	}
	c := strings.IndexAny(sent, ",，")
	q := strings.IndexAny(sent, "「“")
	for _, v := range []string{"建請", "建请", "要求"} {
		if k := strings.Index(sent, v); k > c && c > 0 && (q < 0 || q > k) {
			return true
		}
	}
	return false
}

// motionRequest returns the request of a motion's 案由 that gives its
// reasons first: from 要求 or 建請 in a later sentence, or in the same one
// where it opens with 有鑑於, up to the clause that closes a 「」 title it
// names, else its first clause.
func motionRequest(matter string) (string, bool) {
	// 有鑑於…，雖然市府提出「零出資」…，故建請市長…作專案報告: a motion
	// that opens with its reason asks within the same sentence.
	reasoned := reasonedFirst(matter)
	if !strings.Contains(matter, "。") && !reasoned {
		return "", false
	}
	i := -1
	for _, v := range []string{"要求", "建請", "建请"} {
		if k := strings.Index(matter, v); k > 0 && (i < 0 || k < i) {
			i = k
		}
	}
	if i < 0 || strings.LastIndex(matter[:i], "。") < 0 && !reasoned {
		return "", false
	}
	rest := matter[i:]
	end := strings.IndexAny(rest, "。；;")
	if end < 0 {
		end = len(rest)
	}
	stop := strings.IndexAny(rest[:end], ",，")
	if q := strings.Index(rest[:end], "」"); q >= 0 {
		if c := strings.IndexAny(rest[q:end], ",，"); c >= 0 {
			stop = q + c
		} else {
			stop = end
		}
	}
	if stop < 0 {
		stop = end
	}
	r := rest[:stop]
	if runeCount(r) < 4 || runeCount(r) > maxObjectRunes*2 {
		return "", false
	}
	return r, true
}

// personLine reports whether a folded line names only people, each with a
// title inside the name (顏議員曉菁; 警察局保安科黃科長光曜 交通局王局長國材):
// a row of those present or explaining, no matter decided.
func personLine(f string) bool {
	parts := strings.Fields(f)
	if len(parts) == 0 {
		return false
	}
	for _, part := range parts {
		if !titledInside(part) {
			return false
		}
	}
	return true
}

// titledInside reports whether a folded word is a person's name with a
// title inside it, perhaps after a body: 顏議員曉菁, 財政局李局長瑞倉.
func titledInside(f string) bool {
	if runeCount(f) > 20 {
		return false
	}
	for _, t := range personTitles {
		i := strings.LastIndex(f, t)
		if i <= 0 {
			continue
		}
		given := f[i+len(t):]
		if n := runeCount(given); n < 1 || n > 2 || !allHan(given) {
			continue
		}
		// 安全委員會 is no 全委員會: the title and the "name" after it
		// end a body's name.
		if _, body := bodyEnd(t + given); body {
			continue
		}
		r, size := utf8.DecodeLastRuneInString(f[:i])
		if !foldedSurname(r) {
			continue
		}
		// Before the surname, nothing or the body the person is of.
		if org := f[:i-size]; org != "" {
			if _, body := bodyEnd(org); !body {
				continue
			}
		}
		return true
	}
	return false
}

// maxUnitLines bounds how far above a unit's line its heading is read.
const maxUnitLines = 80

// underUnitHeading reports whether line j stands in a budget's or final
// accounts' review unit by unit: under a committee's part (三、教育委員會
// 所屬部門) or a head's (教育局主管), before any heading of another kind.
func underUnitHeading(p *page, j int) bool {
	for k := j - 1; k >= 0 && k >= j-maxUnitLines; k-- {
		l := strings.TrimSpace(p.line(k))
		if strings.HasSuffix(l, "所属部门") || strings.HasSuffix(l, "所属部门附属单位") || strings.HasSuffix(l, "主管") && runeCount(l) <= 14 {
			return true
		}
		if _, ok := numberedHeading(l); ok {
			return false
		}
	}
	return false
}

// headedMotion reads the member's motion that line j heads and quotes
// (壹、某議員提議：「本次臨時大會…更改為大會會議議程。」案經主席…): the
// quoted motion.
func headedMotion(p *page, j int) (string, bool) {
	l := p.line(j)
	i := strings.Index(l, "议员提议:「")
	if i < 0 {
		return "", false
	}
	if _, ok := numberedHeading(l[:i]); !ok {
		return "", false
	}
	a := i + len("议员提议:「")
	b := strings.Index(l[a:], "」")
	if b <= 0 {
		return "", false
	}
	at := p.lines[j][0]
	m := strings.TrimRight(p.show(at+a, at+a+b), "。. ")
	return m, runeCount(m) >= 4 && runeCount(m) <= maxObjectRunes
}

// voteRecord reports whether a folded line records a vote or the motion
// put to it (案經主席就…提付記名表決，在場議員…，贊成議員：…; 有部分議員
// 對於前項表決結果認有疑問，提議再表決; 周某議員提議：「…」), not a matter.
func voteRecord(line string) bool {
	for _, w := range []string{"提付表决", "提付记名表决", "再表决", "赞成议员:"} {
		if strings.Contains(line, w) {
			return true
		}
	}
	// A member's motion opens its line; one run on after the heading of
	// the matter (一、審議「…」修正案周某議員提議：…) leaves the matter there.
	i := strings.Index(line, "议员提议:")
	return i >= 0 && runeCount(strings.TrimLeft(line[:i], " ")) <= 8
}

// submission reports whether a folded line only submits what stands above
// it to the house (報請　大會公鑒, 請公決).
func submission(line string) bool {
	f := stripSpaces(strings.TrimSpace(line))
	if runeCount(f) > 10 {
		return false
	}
	_, ok := firstSuffix(strings.TrimRight(f, "。."), []string{"公鉴", "公决"})
	return ok
}

// openingUnder reads the matter of a motion submitted at line j: the first
// line under the heading above it (乙、主席提變更議程動議案⏎11月16日議程變更
// 為：…), read as a 案由 is; empty when no heading is near.
func openingUnder(p *page, j, from int) string {
	for h := j - 1; h >= 0 && h >= j-30 && p.lines[h][1] > from; h-- {
		if sectionHeading(strings.TrimSpace(p.line(h))) {
			if h+1 >= j {
				return ""
			}
			return caseMatter(strings.TrimSpace(p.show(p.lines[h+1][0], p.lines[h+1][1])))
		}
	}
	return ""
}

// matterOf reads the matter a resolution is about from line j: the 「」
// title if it has one, else the line up to its first gap, without a list
// number; empty for a speaker, report or label line.
func matterOf(p *page, j int) string {
	l := p.lines[j]
	f := strings.TrimSpace(p.norm[l[0]:l[1]])
	disp := p.show(l[0], l[1])
	// 伍、審議「…自治條例」修正案財政局邱局長大展說明: a heading that names
	// the matter, run on into who explained it.
	if _, ok := numberedHeading(f); ok {
		if i := strings.Index(disp, "「"); i >= 0 {
			if j := strings.Index(disp[i:], "」"); j > 0 {
				return disp[i+len("「") : i+j]
			}
		}
	}
	// …為妥善規劃。 二、審議議員提案 （一）民政類編號 1至20，計20案: an
	// entry of a list run on after the sentence before it (a PDF's lines
	// joined) is the matter, not the sentence.
	entry := false
	if line := p.norm[l[0]:l[1]]; strings.Contains(line, "。") {
		i := strings.LastIndex(line, "。")
		var last []int
		for _, m := range entryMarkerRE.FindAllStringIndex(line[i:], -1) {
			if entryOpens(line, i+m[0]) {
				last = m
			}
		}
		if last != nil {
			start := l[0] + i + last[1]
			f, disp, entry = strings.TrimSpace(p.norm[start:l[1]]), p.show(start, l[1]), true
		}
	}
	if f == "" || strings.HasSuffix(f, "报告审查意见") || strings.HasSuffix(f, "答复") || strings.HasSuffix(f, "答覆") || strings.HasSuffix(f, "说明") {
		return ""
	}
	if key, _, _, ok := splitLabel(f); ok && key != "" && !entry {
		// A label's line (說明人員：…) names no matter; an entry's
		// numbers may be labelled (教育類編號：1至3，計3案).
		return ""
	}
	if i := strings.Index(disp, "「"); i >= 0 {
		if j := strings.Index(disp[i:], "」"); j > 0 {
			return disp[i+len("「") : i+j]
		}
	}
	if i := strings.IndexAny(disp, "　\t"); i > 0 {
		disp = disp[:i]
	}
	if i := strings.Index(disp, "  "); i > 0 {
		disp = disp[:i]
	}
	if i := strings.Index(disp, "、"); i > 0 && i <= 9 && (isNumeral(disp[:i]) || strings.Trim(disp[:i], "壹貳參肆伍陸柒捌玖拾贰叁") == "") {
		disp = disp[i+len("、"):]
	}
	// 議事日程是否照所擬議事日程表（草案）進行，請公決案: the matter, not the
	// question the house is asked about it.
	if i := strings.Index(fold.String(disp), "是否"); i > 0 && runeCount(fold.String(disp)[:i]) >= 4 {
		disp = string([]rune(disp)[:runeCount(fold.String(disp)[:i])])
	}
	// 審議臺北市立國民中小學委託私人辦理自治條例: the matter, not the act.
	if w, ok := firstPrefix(fold.String(disp), []string{"审议"}); ok {
		disp = strings.TrimSpace(string([]rune(disp)[runeCount(w):]))
	}
	if rs := []rune(disp); len(rs) > maxObjectRunes {
		disp = string(rs[:maxObjectRunes]) + "…"
	}
	return strings.TrimSpace(disp)
}

// mayStartVerb reports whether s starts with the first character of a
// decision verb, a cheap test before firstPrefix.
func mayStartVerb(s string) bool {
	if len(s) < 3 || s[0] < 0xE0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return decisionStarts[r]
}

// decisionStarts holds the first characters of decisionVerbs.
var decisionStarts = firstRunes(decisionVerbs)

// clauseStart reports whether byte i of text begins a clause: the start,
// after punctuation, after a sub-point marker (一), or after 会议/原则.
func clauseStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	prev := lastRune(text[:i])
	if strings.ContainsRune("。,;:)\n 、", prev) {
		return true
	}
	return precededBy(text, i, "会议") || precededBy(text, i, "会议原则")
}

func precededBy(text string, i int, w string) bool {
	return strings.HasSuffix(text[:i], w)
}

// sentenceLen is the length in bytes of the sentence at the start of s, its
// 。 excluded; a line break also ends it.
func sentenceLen(s string) int {
	if i := strings.IndexAny(s, "。\n;!?"); i >= 0 {
		return i
	}
	return len(s)
}

// naming says how departments are named: canonically, with the issuing
// government's level prefix (市财政局 in a Suzhou city document), or, in
// documents not written in simplified script (Taiwan, Hong Kong), as the
// document writes them, since neither the mainland canonical names nor its
// level prefixes apply there.
type naming struct {
	level string
	// own, when set, is the page whose characters name the departments.
	own *page
	// talk are the speeches of a transcript, where bodies are talked
	// about rather than given work.
	talk spans
	// history are the sentences that tell what another meeting did on
	// an earlier day (pastMeetings): its decisions are not this one's.
	history spans
}

// departmentNaming returns the naming for a record's departments.
func departmentNaming(p *page, m *Minutes) naming {
	nm := naming{talk: p.speeches(), history: pastMeetings(p, m)}
	if m.Script != "simplified" {
		nm.own = p
	} else {
		nm.level = issuerLevel(m.Issuer)
	}
	return nm
}

// pastMeetings returns the sentences that tell of another meeting held on a
// day before this one: a full date earlier than the meeting's and, after it
// in the sentence, a meeting held or passed through (舉行…聯席會議, 經行政院
// 第3003次會議通過). A report read in a sitting recounts its history so
// (預算及決算委員會隨即於95年10月18日舉行…會議，…討論通過分組審查辦法),
// and a bill says what an earlier sitting it was put to decided (本案經提
// 本院第十五次會議決定：…).
func pastMeetings(p *page, m *Minutes) spans {
	held, err := time.Parse(time.DateOnly, m.Meeting.Date)
	if err != nil {
		return nil
	}
	roc := rocDates(p, m)
	var out spans
	for at := range occurrences(p.norm, "会议") {
		if n := len(out); n > 0 && out[n-1][1] > at {
			continue
		}
		start := max(0, at-600)
		start += afterLast(p.norm[start:at], "。\n")
		head := p.norm[start:at]
		verb := max(strings.LastIndex(head, "举行"), strings.LastIndex(head, "召开"), strings.LastIndex(head, "经"))
		if verb < 0 {
			continue
		}
		// 本案經提本院第五屆第六會期第十五次會議決定：退回程序委員會重新提
		// 出: what a sitting before this one decided on the bill, put to it
		// (經提) again now.
		past := strings.Contains(head, "经提本院") && strings.HasPrefix(p.norm[at:], "会议决定")
		for _, d := range FindDates(head[:verb], timeZero, roc) {
			if !d.Inferred && time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Before(held) {
				past = true
			}
		}
		if past {
			end := at + fullSentenceLen(p.norm[at:min(len(p.norm), at+600)])
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// departments returns the departments given work in the folded text
// p.norm[from:to], in order of first mention.
func (e *Extractor) departments(p *page, from, to int, nm naming) []string {
	return e.departmentsAt(p.norm[from:to], from, nm, false)
}

// departmentsAt scans folded text, which starts at folded offset base of the
// page, for departments; with first it stops at the first one and only looks
// at the start of text.
func (e *Extractor) departmentsAt(text string, base int, nm naming, first bool) []string {
	out := []string{}
	for i := 0; i < len(text); {
		prefix := ""
		j := i
		r, size := utf8.DecodeRuneInString(text[i:])
		if nm.own == nil {
			switch r {
			case '市', '省', '区', '县':
				prefix, j = text[i:i+size], i+size
			}
		}
		ent, n, ok := e.deptTable.longest(text[j:])
		if !ok && prefix != "" {
			ent, n, ok = e.deptTable.longest(text[i:])
			j, prefix = i, ""
		}
		if ok && !e.partOfLonger(text, j, n) && !nm.talk.holds(base+j) {
			name := ent.canonical
			switch {
			case nm.own != nil:
				// 農委會: the document's name runs on to 会.
				if strings.HasSuffix(text[:j+n], "委") && strings.HasPrefix(text[j+n:], "会") {
					n += len("会")
				}
				name = nm.own.show(base+j, base+j+n)
			case ent.central:
			case prefix != "":
				name = prefix + name
			case nm.level != "":
				name = nm.level + name
			}
			if !contains(out, name) {
				out = append(out, name)
			}
			if first {
				return out
			}
			i = j + n
			continue
		}
		if first && i > 0 {
			// The lead follows 由 directly.
			return out
		}
		i += size
	}
	return out
}

// partOfLonger reports whether the alias at text[j:j+n] is only the tail of
// a longer name or the head of a different one (财政局 inside
// 财政局长, 商务局 inside 商务局势).
func (e *Extractor) partOfLonger(text string, j, n int) bool {
	after, _ := utf8.DecodeRuneInString(text[j+n:])
	// 财政局长, 教育部署, 商务部门, 发改委员.
	// 台办理, 台办公室: 办理 and 办公 are other words.
	if strings.ContainsRune("长署门员理公", after) {
		return true
	}
	// 消防局组织规程暨编制表: the body names a document, and does not
	// act.
	_, ok := firstPrefix(text[j+n:], []string{"组织规程", "组织条例", "组织自治条例", "编制表"})
	return ok
}

// maxObjectRunes bounds the object of a decision read from a sentence
// rather than a 《》 title.
const maxObjectRunes = 60
