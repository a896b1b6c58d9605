package ingest

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/cnum"
	"github.com/jiyao-search/jiyao/internal/fold"
)

// News releases of a meeting (会议新闻稿) record what the meeting did in
// clauses, not numbered items: the opening sentence lists them after the
// meeting's name (国务院总理李克强6月10日主持召开国务院常务会议，明确…；决定…；
// 部署…；确定…), and the paragraphs below open with the meeting as subject
// (会议讨论并原则通过《A》和《B》，决定将两个草案提请全国人大常委会审议).
// A clerk files each such clause as a decision: the verb as written and its
// short object, the words up to the clause's first comma, or each 《》 title.

// releaseVerbs are the verbs by which a release records what the meeting
// did, folded, longest first. Business verbs (听取 a report, 研究 a matter,
// a bare 审议 or 讨论) record business rather than a decision, and count only
// where a titled document was examined (审议了《工作规则》): the filing of
// the gold records (../shared/corpus/gold) and of a clerk's register.
var releaseVerbs = func() []string {
	vs := []string{
		"听取、审议并通过", "听取审议并通过", "听取并审议通过", "讨论并原则通过", "审议并原则通过", "审议并通过", "讨论并通过",
		"原则通过", "审议通过", "讨论通过", "原则同意", "研究通过", "表决通过", "协商通过", "讨论确定", "票决确定",
		"协商决定", "研究决定", "研究确定", "安排部署", "审议表决", "讨论提出", "选举产生",
		"通过", "决定", "确定", "部署", "明确", "同意", "批准", "核准", "宣布", "推选", "指定", "审定", "任命", "增补", "选举", "追认", "接受",
	}
	for v := range businessVerbs {
		vs = append(vs, v)
	}
	sort.SliceStable(vs, func(i, j int) bool { return len(vs[i]) > len(vs[j]) })
	return vs
}()

// releaseVerb returns the releaseVerbs word folded s opens with: but 选举
// and 任命 open a noun as often as they elect or appoint (选举法, 选举工作,
// 任命书, 任命事项).
func releaseVerb(s string) (string, bool) {
	v, ok := firstPrefix(s, releaseVerbs)
	if v == "接受" && !resignation(s[len(v):]) {
		// 接受某某辞去…的请求 is a decision; 接受采访, 接受监督 are not.
		return "", false
	}
	if nouns := verbNouns[v]; ok && nouns != nil {
		if _, noun := firstPrefix(s[len(v):], nouns); noun {
			return "", false
		}
	}
	return v, ok
}

// verbNouns are the words after a releaseVerbs word that make it a noun.
var verbNouns = map[string][]string{
	"选举": {"法", "工作", "办法", "结果", "权", "委员会", "日", "程序", "事务", "制度"},
	"任命": {"书", "事项", "程序", "制度"},
	"增补": {"名单", "人选", "事项", "工作", "办法"},
}

// resignation reports whether folded text, the words after 接受, names a
// resignation the meeting accepts (某某辞去…职务, 某某请辞…, 某某的辞职请求).
func resignation(s string) bool {
	if i := strings.IndexAny(s, ",;。"); i >= 0 {
		s = s[:i]
	}
	return strings.Contains(s, "辞去") || strings.Contains(s, "请辞") || strings.Contains(s, "辞职")
}

// businessVerbs are the releaseVerbs that record business, not an
// adoption.
var businessVerbs = map[string]bool{
	"听取": true, "研究": true, "审议": true, "讨论": true, "协商": true, "通报": true,
	"听取和审议": true, "听取审议": true, "研究审议": true, "研究讨论": true, "书面听取": true, "审阅": true, "研究部署": true,
}

// meetingKindSubjects are meetings of a kind that name themselves as the
// subject of a sentence (委员长会议决定，…), folded.
var meetingKindSubjects = []string{"委员长会议", "主任会议", "主席会议", "主席团会议", "常务会议"}

// meetingSubjects are the meeting as the subject of a sentence, folded.
var meetingSubjects = slices.Concat([]string{"会议", "大会", "会上", "会前", "本次会议", "此次会议", "全会", "闭幕会", "开幕会"}, meetingKindSubjects)

// clauseLinks stand before a verb inside a clause without changing it:
// 会议还决定, 并部署, 同时明确, 会议进一步部署.
var clauseLinks = slices.Concat(meetingKindSubjects, []string{"本次会议", "此次会议", "闭幕会", "开幕会", "会议", "大会", "会上", "会前", "认真", "一致", "全票", "依次", "依法", "进一步", "分别", "首先", "再次", "还", "并", "同时", "也", "此外", "另外"})

// enumerators open the first point of a list (会议确定，一是…): what follows
// is an elaboration, not the short object of the verb.
var enumerators = []string{"一是", "一要", "一、", "(一)", "首先", "要", "对", "在", "从"}

// adoption is a decision that adopts what the release named before, with
// its object's key.
type adoption struct {
	key string
	d   Decision
}

// maxAdoptions bounds the adoptions of matters named before that a
// release's decisions are compared with.
const maxAdoptions = 100

// releaseItems makes agenda items of a release's paragraphs that record
// decisions: each such paragraph is an item titled by its first sentence.
func (e *Extractor) releaseItems(p *page, m *Minutes, nm naming) {
	var seen []string
	var adoptions []adoption
	// 审议《某决定（草案）》 … 全票通过了《某决定》: a decision named first
	// under a business verb takes the verb that adopted it later.
	defer func() {
		if len(adoptions) == 0 {
			return
		}
		for i := range m.Items {
			for j := range m.Items[i].Decisions {
				first := &m.Items[i].Decisions[j]
				if !businessVerbs[fold.String(first.Verb)] {
					continue
				}
				k := fold2Key(first.Object)
				for _, a := range adoptions {
					if sameObject(k, a.key) {
						adoptedLater(first, a.d)
						break
					}
				}
			}
		}
	}()
	leadSeen := false
	var leadKeys []string
	leadItem := -1
	if it, ok := releaseDeck(p, m); ok {
		// The decisions the deck under the title names are the release's
		// own summary of them: its paragraphs restate them.
		for _, d := range it.Decisions {
			seen = append(seen, fold2Key(d.Object))
		}
		it.No = len(m.Items) + 1
		m.Items = append(m.Items, it)
	}
	for k := range p.lines {
		l := p.lines[k]
		line := strings.TrimSpace(p.norm[l[0]:l[1]])
		if line == "" {
			continue
		}
		lead := !leadSeen && opensMeeting(line) && meetingNameEnd(line) >= 0 && !meetingActs(line)
		if lead {
			leadSeen = true
		}
		ds := e.releaseDecisions(p, l[0], l[1], lead, restates(leadKeys))
		if h, ok := headingAbove(p, k); ok && leadItem >= 0 && adopts(ds) && strings.Contains(p.norm[l[0]:l[1]], "《") {
			// 研究部署进一步实施促进中部地区崛起战略 in the opening, and a
			// section under those words that adopts 《关于…的若干意见》:
			// the meeting arranged the work by adopting the document, which
			// is the decision filed.
			seen = dropFromLead(&m.Items[leadItem], seen, restatedBy(fold2Key(fold.String(p.line(h)))))
		}
		if leadItem >= 0 && !lead {
			// 研究确定促进海洋渔业持续健康发展的政策措施 in the opening, and
			// a paragraph that adopts 《关于促进海洋渔业持续健康发展的若干
			// 意见》: the measures studied are the document adopted.
			for _, d := range ds {
				if !businessVerbs[fold.String(d.Verb)] && strings.Contains(p.norm[l[0]:l[1]], "《"+fold.String(d.Object)+"》") {
					seen = dropFromLead(&m.Items[leadItem], seen, setOutIn(fold2Key(fold.String(d.Object))))
				}
			}
		}
		// A decision the release already named (the opening's clause,
		// restated in its paragraph) is not a second one.
		var kept []Decision
		for _, d := range ds {
			key := fold2Key(d.Object)
			dup := false
			for _, s := range seen {
				// 任命甲为某委员会驻会副主任，乙不再担任某委员会驻会副主任:
				// acts on posts name the same posts; only the same act
				// again restates one.
				dup = dup || sameObject(s, key) && (!personnelAct(d.Verb) || s == key)
			}
			if !dup {
				seen = append(seen, key)
				kept = append(kept, d)
				continue
			}
			if !businessVerbs[fold.String(d.Verb)] && len(adoptions) < maxAdoptions {
				// Adopted here, named before: filed below.
				adoptions = append(adoptions, adoption{key, d})
			}
		}
		if lead {
			for _, d := range kept {
				leadKeys = append(leadKeys, fold2Key(fold.String(d.Object)))
			}
		}
		if len(kept) == 0 {
			continue
		}
		if lead {
			leadItem = len(m.Items)
		}
		start := l[0] + strings.Index(p.norm[l[0]:l[1]], line)
		titleEnd := start + sentenceLen(p.norm[start:l[1]])
		// A section under a heading of its own (决定扩大营业税改征增值税试点
		// 范围) is titled by it.
		if h, ok := headingAbove(p, k); ok {
			hl := p.lines[h]
			start = hl[0] + strings.Index(p.norm[hl[0]:hl[1]], strings.TrimSpace(p.line(h)))
			titleEnd = start + len(strings.TrimSpace(p.line(h)))
		}
		title := p.show(start, titleEnd)
		if rs := []rune(title); len(rs) > maxObjectRunes {
			title = string(rs[:maxObjectRunes]) + "…"
		}
		it := Item{
			No:          len(m.Items) + 1,
			Action:      kept[0].Verb,
			Title:       title,
			Decisions:   kept,
			Departments: e.departmentsBesideAppointments(p, l[0], l[1], nm),
			Topics:      []string{},
			Start:       p.offs[start],
			End:         p.offs[l[1]],
		}
		it.Text = strings.TrimSpace(p.disp[it.Start:it.End])
		m.Items = append(m.Items, it)
	}
}

// departmentsBesideAppointments returns the departments of the folded span
// [from, to) outside its clauses of appointment and removal (任命某某为住房和
// 城乡建设部部长，某某为…; 决定免去某某的…部长职务; p.appointments): the body
// an appointee is put at the head of does not act in the meeting.
func (e *Extractor) departmentsBesideAppointments(p *page, from, to int, nm naming) []string {
	out := []string{}
	add := func(a, b int) {
		for _, d := range e.departments(p, a, b, nm) {
			if !contains(out, d) {
				out = append(out, d)
			}
		}
	}
	at := from
	for _, s := range p.appointments() {
		if s[1] <= at {
			continue
		}
		if s[0] >= to {
			break
		}
		if s[0] > at {
			add(at, s[0])
		}
		at = s[1]
	}
	if at < to {
		add(at, to)
	}
	return out
}

// clauseEnd returns where the folded clause from at ends, before to: at
// its comma, semicolon or stop.
func clauseEnd(norm string, at, to int) int {
	if i := strings.IndexAny(norm[at:to], ",;。"); i >= 0 {
		return at + i
	}
	return to
}

// appointmentEnd returns where an appointment whose first clause ends at
// end runs to, before to: over the appointees listed on after it (任命甲为
// 某委员会副主任委员，乙为某委员会委员), not over a clause of another kind
// (，由某部按程序办理).
func appointmentEnd(norm string, end, to int) int {
	for end < to && norm[end] == ',' {
		next := clauseEnd(norm, end+1, to)
		if !appointee(norm[end+1 : next]) {
			break
		}
		end = next
	}
	return end
}

// appoints reports whether a folded clause appoints or removes someone
// (任命某某为…, 决定免去某某的…职务, 会议还任命…).
func appoints(clause string) bool {
	clause = strings.TrimPrefix(clause[linksLen(clause):], "决定")
	_, ok := firstPrefix(clause, appointWords)
	return ok
}

// appointments returns the spans of folded text that appoint or remove
// someone, in text order: each clause that does (决定免去甲的某部部长职务，任命
// 乙为某部部长) with the appointees listed on after it (，丙为…). Read once.
func (p *page) appointments() spans {
	if p.appointedDone {
		return p.appointed
	}
	p.appointed, p.appointedDone = readAppointments(p), true
	return p.appointed
}

// readAppointments is appointments, read from the text.
func readAppointments(p *page) spans {
	var out spans
	norm := p.norm
	for at, w := range p.wordsIn(appointSet) {
		if len(out) > 0 && at < out[len(out)-1][1] {
			continue // in the span already found
		}
		start := max(0, at-maxLinks)
		start += afterLast(norm[start:at], ",;。\n")
		if !appoints(norm[start : at+len(w)]) {
			continue
		}
		to := min(len(norm), at+maxSentence)
		out = append(out, [2]int{start, appointmentEnd(norm, clauseEnd(norm, at, to), to)})
	}
	return out
}

// appointWords open a clause that appoints or removes someone, folded.
var (
	appointWords = []string{"任命", "增补", "免去"}
	appointSet   = setOf(appointWords...)
)

// maxLinks bounds in bytes the links (会议还决定) a clause opens with.
const maxLinks = 60

// maxDeckLines bounds the lines of a release's deck.
const maxDeckLines = 6

// releaseDeck reads the deck a government site sets under a release's title,
// one decision a line (李克強主持召開國務院常務會議⏎確定進一步擴大科研人員自
// 主權的措施 更大釋放創新活力⏎部署進一步做好穩定和擴大就業工作⏎通過《…》),
// as an item of its own: each line opens with a deciding verb and names
// its matter before a gap (the slogan after it is no part of it) or in
// 《》. It reads the raw lines, where the deck's breaks still stand; the
// repair of wrapped lines joins them.
func releaseDeck(p *page, m *Minutes) (Item, bool) {
	title := strings.TrimSpace(m.Title)
	if title == "" {
		return Item{}, false
	}
	lines := strings.SplitN(p.raw, "\n", 16)
	at := -1
	for k, l := range lines[:max(0, len(lines)-1)] {
		if strings.TrimSpace(l) == title {
			at = k
			break
		}
	}
	if at < 0 {
		return Item{}, false
	}
	var it Item
	var first, last string
	for _, l := range lines[at+1 : min(len(lines)-1, at+1+maxDeckLines)] {
		l = strings.TrimSpace(l)
		f := fold.String(l)
		verb, ok := releaseVerb(f)
		if !ok || businessVerbs[verb] || runeCount(f) > 60 || strings.Contains(f, "。") || len([]rune(f)) != len([]rune(l)) {
			break
		}
		rs := []rune(l)
		obj := strings.TrimSpace(string(rs[runeCount(verb):]))
		if strings.HasPrefix(obj, "《") {
			if j := strings.Index(obj, "》"); j > 0 {
				obj = obj[len("《"):j]
			}
		} else if i := strings.IndexAny(obj, " 　"); i > 0 {
			obj = obj[:i]
		}
		if runeCount(obj) < 2 {
			break
		}
		it.Decisions = append(it.Decisions, Decision{Verb: string(rs[:runeCount(verb)]), Object: obj})
		if first == "" {
			first = l
		}
		last = l
	}
	if len(it.Decisions) < 2 {
		// One line under a title is a subtitle, not a deck.
		return Item{}, false
	}
	i := strings.Index(p.disp, first)
	j := strings.Index(p.disp, last)
	if i < 0 || j < i {
		return Item{}, false
	}
	it.Start, it.End = i, j+len(last)
	it.Text = p.disp[it.Start:it.End]
	it.Title = it.Decisions[0].Verb + it.Decisions[0].Object
	it.Action = it.Decisions[0].Verb
	it.Departments, it.Topics = []string{}, []string{}
	return it, true
}

// adopts reports whether one of ds adopts rather than records business.
func adopts(ds []Decision) bool {
	for _, d := range ds {
		if !businessVerbs[fold.String(d.Verb)] {
			return true
		}
	}
	return false
}

// dropFromLead removes from the opening's item the decisions a later
// section turns out to settle otherwise (drop), and from seen their keys,
// which it returns: the section's own decision is the one filed.
func dropFromLead(it *Item, seen []string, drop func(Decision) bool) []string {
	kept := it.Decisions[:0]
	for _, d := range it.Decisions {
		if drop(d) {
			key := fold2Key(d.Object)
			seen = slices.DeleteFunc(seen, func(s string) bool { return s == key })
			continue
		}
		kept = append(kept, d)
	}
	it.Decisions = kept
	return seen
}

// restatedBy holds the opening's 研究部署 decisions its section heading
// restates (heading, folded to a key).
func restatedBy(heading string) func(Decision) bool {
	return func(d Decision) bool {
		return fold.String(d.Verb) == "研究部署" && strings.Contains(heading, fold2Key(fold.String(d.Object)))
	}
}

// studiedEnds end what a meeting studied when a document it adopts sets it
// out (促进…发展的政策措施), folded, longest first.
var studiedEnds = []string{"的政策措施", "政策措施", "的措施", "措施", "的意见", "意见"}

// setOutIn holds the measures the opening studied (研究确定X的政策措施)
// that a document the release adopts sets out (doc, its title folded to a
// key, holds X).
func setOutIn(doc string) func(Decision) bool {
	return func(d Decision) bool {
		if fold.String(d.Verb) != "研究确定" {
			return false
		}
		key := fold2Key(fold.String(d.Object))
		end, ok := firstSuffix(key, studiedEnds)
		core := strings.TrimSuffix(key, end)
		return ok && runeCount(core) >= 4 && strings.Contains(doc, core)
	}
}

// headingAbove returns the line above paragraph k when it is a section
// heading: short, without punctuation, and the paragraph runs longer.
func headingAbove(p *page, k int) (int, bool) {
	h := k - 1
	for h >= 0 && strings.TrimSpace(p.line(h)) == "" {
		h--
	}
	if h < 1 {
		return 0, false
	}
	l := strings.TrimSpace(p.line(h))
	n := runeCount(l)
	if n < 4 || n > 40 || strings.ContainsAny(l, "。!?;:,") || strings.HasPrefix(l, "#") {
		return 0, false
	}
	return h, runeCount(strings.TrimSpace(p.line(k))) > n
}

// opensMeeting reports whether a folded paragraph is the one that opens the
// meeting: someone 主持召开 it, or it 召开/举行.
func opensMeeting(s string) bool {
	if !strings.Contains(s, "会") {
		return false
	}
	for _, w := range []string{"主持召开", "召开", "举行", "主持"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// meetingActs reports whether a folded paragraph opens with the meeting
// doing something (会议决定于2月2日召开常委会第一次会议; 会议听取了…): what it
// convenes is another meeting, and the paragraph does not open this one.
func meetingActs(s string) bool {
	subj, ok := firstPrefix(s, meetingSubjects)
	if !ok {
		return false
	}
	rest := s[len(subj):]
	_, ok = releaseVerb(rest[linksLen(rest):])
	return ok
}

// restatedRunes is how many characters in a row a later decision shares
// with one of the opening's to restate it.
const restatedRunes = 4

// restates returns whether a folded object restates one of the opening's
// decisions (their keys): 会议决定，放开市场准入，将…消费金融公司试点扩大至全国
// after the opening's 决定将消费金融公司试点扩至全国. A release's later
// paragraphs elaborate what its opening listed.
func restates(leadKeys []string) func(string) bool {
	keys := make([]string, len(leadKeys))
	for i, k := range leadKeys {
		keys[i] = withoutFormula(k)
	}
	leadKeys = keys
	return func(obj string) bool {
		rs := []rune(withoutFormula(fold2Key(obj)))
		for i := 0; i+restatedRunes <= len(rs); i++ {
			w := string(rs[i : i+restatedRunes])
			for _, k := range leadKeys {
				if strings.Contains(k, w) {
					return true
				}
			}
		}
		return false
	}
}

// formulaWords are the words of a formal document's name that name no
// matter (全国人大常委会关于修改某法的决定): two such names share them
// without one restating the other.
var formulaWords = strings.NewReplacer("全国人民代表大会常务委员会", "", "全国人大常委会", "", "中华人民共和国", "", "关于", "", "的决定", "", "的报告", "")

// withoutFormula is a decision key without its formulaWords.
func withoutFormula(key string) string { return formulaWords.Replace(key) }

// fold2Key is the key decisions are compared by: letters and digits only.
func fold2Key(s string) string {
	return strings.Map(func(r rune) rune {
		if hanRune(r) || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, s)
}

// sameObject reports whether two decision keys name the same thing: equal,
// or one holds the other.
func sameObject(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}

// releaseDecisions reads the decisions of one paragraph, the folded span
// [from, to). In the opening paragraph (lead) the clauses after the
// meeting's name count, and the sentences after the opening, whose subject
// is the meeting unsaid; elsewhere the clauses of a sentence from the one
// whose subject is the meeting (会议通过…, 为保障粮食安全，会议通过…). Once the
// opening listed decisions, a later decision without a 《》 title that
// shares their words only restates one of them (会议决定，放开市场准入…), so
// it is not read (restated).
func (e *Extractor) releaseDecisions(p *page, from, to int, lead bool, restated func(string) bool) []Decision {
	var out []Decision
	opened, carried, elaborating := false, false, false
	for s := from; s < to; {
		end := s + fullSentenceLen(p.norm[s:to])
		mode := modeSubject
		switch {
		case lead && !opened && opensMeeting(p.norm[s:end]):
			mode, opened = modeList, true
		case lead && opened:
			mode = modeOn
		}
		var ds []Decision
		// 张德江说，本次会议审议通过了…: what a leader said of the meeting's
		// decisions, filed where the meeting took them, is not read.
		if !reportedSpeech(p.norm[s:end]) {
			ds = e.sentenceDecisions(p, s, end, mode, restated, carried)
		}
		if elaborating {
			// 会议决定，从12月1日起，在全国自贸试验区开展…试点。…会议决定，
			// 在自贸试验区暂时调整实施相关行政法规: once a paragraph restates
			// a decision of the opening, its further decisions carry that
			// one out, but for a document it adopts by title.
			ds = slices.DeleteFunc(ds, func(d Decision) bool {
				return !strings.Contains(p.norm[s:end], "《"+fold.String(d.Object)+"》")
			})
		} else if !lead && restated(p.norm[s:end]) {
			_, decides := firstPrefix(p.norm[s+linksLen(p.norm[s:end]):end], []string{"决定", "确定", "部署"})
			elaborating = decides
		}
		carried = carried || len(ds) > 0
		out = append(out, ds...)
		s = end
		if s < to {
			_, size := utf8.DecodeRuneInString(p.norm[s:])
			s += size
		}
	}
	return out
}

// How a sentence's clauses are read.
const (
	// modeSubject: from the clause whose subject is the meeting (会议…).
	modeSubject = iota
	// modeList: the opening's clause list after the meeting's name.
	modeList
	// modeOn: every clause, the meeting being the unsaid subject.
	modeOn
)

// fullSentenceLen is the length in bytes of the sentence at the start of s,
// up to 。, ！, ？ or a line break: semicolons join its clauses.
func fullSentenceLen(s string) int {
	if i := strings.IndexAny(s, "。\n!?"); i >= 0 {
		return i
	}
	return len(s)
}

// speechVerbs make the meeting's sentence an opinion, not a decision:
// 会议指出，… 部署 is the meeting talking of others' work.
var speechVerbs = []string{"指出", "认为", "强调", "要求", "提出", "表示", "号召", "希望", "肯定", "建议"}

// listEnds end an object that lists several matters (黄河生态保护、粮食生产、
// 区长质量奖等有关事项): the matters are decisions each.
var listEnds = []string{"等有关事项", "等相关事项", "等事项", "等有关工作", "等工作", "等议题", "等问题"}

// appointee reports whether a folded clause names who is appointed to what
// (乙某某为某委员会副主任委员; 甲某、乙某为…): names of two to four
// characters, joined by 、, before 为.
func appointee(text string) bool {
	i := strings.Index(text, "为")
	if i <= 0 || runeCount(text[i:]) < 3 {
		return false
	}
	for _, name := range strings.Split(text[:i], "、") {
		if n := runeCount(name); n < 2 || n > 4 || !allHan(name) {
			return false
		}
	}
	return true
}

// appointeesEach splits an appointment that names each appointee with
// a post of their own (甲为某委员会驻会副主任、乙为某委员会驻会副主任) into
// one a post; 甲、乙为某职 and 甲为某委员、某委员会副主任 stay one.
func appointeesEach(obj string) []string {
	parts := strings.Split(obj, "、")
	if len(parts) < 2 {
		return []string{obj}
	}
	for _, pt := range parts {
		if !appointee(fold.String(pt)) {
			return []string{obj}
		}
	}
	return parts
}

// personnelAct reports whether a decision's verb appoints, adds, removes
// or relieves someone, or accepts a resignation.
func personnelAct(verb string) bool {
	v := fold.String(verb)
	return appointSet[v] || v == "不再担任" || v == "接受"
}

// relieved returns the post a folded clause relieves someone of (某某不再
// 担任某委员会驻会副主任): a name of two to four characters before 不再担任.
func relieved(text string) (string, bool) {
	i := strings.Index(text, "不再担任")
	if i < 0 {
		return "", false
	}
	post := text[i+len("不再担任"):]
	if n := runeCount(text[:i]); n < 2 || n > 4 || !allHan(text[:i]) || runeCount(post) < 2 {
		return "", false
	}
	return post, true
}

// furtherMeasure reports whether a folded clause goes on with 再 (再取消一批
// B, 再次增发某补贴) to a measure that has no verb of its own (not 再次讨论并
// 通过《A》).
func furtherMeasure(text string) bool {
	if !strings.HasPrefix(text, "再") || runeCount(text) < 4 {
		return false
	}
	_, verb := releaseVerb(strings.TrimPrefix(text, "再次"))
	return !verb
}

// countedListEndRE ends an object that counts the documents it lists
// (关于批准A、B、C等五个决定, A、B等3部法律): the documents are decisions
// each.
var countedListEndRE = regexp.MustCompile(`等[0-9一二两三四五六七八九十]+(个|项|部|件)(决定|决议|法律|条约|议案|文件)$`)

// sentenceDecisions reads the decisions of one sentence, [s, end).
func (e *Extractor) sentenceDecisions(p *page, s, end int, mode int, restated func(string) bool, carried bool) []Decision {
	sent := p.norm[s:end]
	at := s
	active := mode == modeOn
	if mode == modeList {
		// The clauses after the meeting's name: …常务会议，部署…；决定….
		i := meetingNameEnd(sent)
		if i < 0 {
			return nil
		}
		at += i
		active = true
	}
	var out []Decision
	titled, resolved := false, false
	lastVerb, lastBusiness := "", false
	// A sentence that shares words with the opening's decisions restates
	// one of them.
	sentRestates := mode != modeList && restated(sent)
	frags := fragments(p.norm, at, end)
	for f := 0; f < len(frags); f++ {
		fr := frags[f]
		text := p.norm[fr[0]:fr[1]]
		if subj, ok := firstPrefix(text, meetingSubjects); ok {
			_, speech := firstPrefix(strings.TrimPrefix(text[len(subj):], "认真"), speechVerbs)
			active = !speech
		}
		if !active && f == 0 && carried {
			// 会议审议…。审议通过《…》: the subject carries over to a
			// sentence that opens with the meeting's verb.
			// 通过提高新农合报销比例…, a sentence that opens with "by",
			// is no verb of the meeting's: 通过 adopts what is titled or
			// done (通过了).
			rest := text[linksLen(text):]
			var v string
			v, active = releaseVerb(rest)
			if active && v == "通过" {
				after := rest[len(v):]
				active = strings.HasPrefix(after, "《") || strings.HasPrefix(after, "了")
			}
		}
		if !active {
			continue
		}
		if fold.String(lastVerb) == "决定" && amendingClause(text) && amendsNamed(p) {
			// 审议通过《国务院关于修改和废止部分行政法规的决定（草案）》 …
			// 会议决定，对《某条例》等9部行政法规的部分条款予以修改: what
			// the decision adopted says, not a decision besides it.
			continue
		}
		if _, ok := releaseVerb(text); !ok && lastVerb != "" {
			// 任命甲为某委员会副主任委员，乙为某委员会副主任委员: each
			// appointee listed on under the verb is an appointment; 决定
			// 出台A，再取消一批B，听取…: in the opening's list, a further
			// measure under the same decision.
			if appointSet[fold.String(lastVerb)] && appointee(text) || mode == modeList && !lastBusiness && furtherMeasure(text) {
				for _, obj := range appointeesEach(p.show(fr[0], fr[1])) {
					out = append(out, Decision{Verb: lastVerb, Object: obj})
				}
				continue
			}
			// 增补甲为某委员，乙不再担任某委员会驻会副主任: someone
			// relieved of a post among the appointments, filed by the post.
			if post, ok := relieved(text); ok && appointSet[fold.String(lastVerb)] {
				out = append(out, Decision{Verb: p.show(fr[0]+len(text)-len(post)-len("不再担任"), fr[0]+len(text)-len(post)), Object: p.show(fr[1]-len(post), fr[1])})
				continue
			}
			// 审议了X送审的《A》，Y送审的《B》: titles listed on under the
			// verb before.
			if ts := titlesIn(p, fr[0], fr[1]); len(ts) > 0 {
				for _, t := range ts {
					out = append(out, Decision{Verb: lastVerb, Object: t})
				}
				continue
			}
			// 听取、审议并通过了A的报告；B的报告: documents listed on;
			// 通过了《某法》，关于修改A法的决定、关于修改B法的决定…:
			// however many.
			// (…，并委托某某作工作报告: a clause of its own, not a listed
			// document.)
			_, joined := firstPrefix(text, []string{"并", "同时", "还", "此外", "另外"})
			if _, doc := docEnd(text); doc && !joined && !lastBusiness && !sentRestates && (runeCount(text) <= maxObjectRunes || docList(text)) {
				out = append(out, objectsAs(lastVerb, objectsOf(p, fr[0], fr[1]))...)
				continue
			}
		}
		skip := linksLen(text)
		if d, ok := arrangedBy(p, fr[0]+skip, fr[1]); ok {
			// 会议对X进行了部署.
			out = append(out, d)
			continue
		}
		verb, ok := releaseVerb(text[skip:])
		if !ok {
			continue
		}
		if resolved && (verb == "批准" || verb == "决定" || verb == "同意") {
			// 通过了关于政府工作报告的决议，决定批准这个报告；批准…: what
			// the resolution says, not a decision besides it.
			continue
		}
		vAt := fr[0] + skip
		if businessVerbs[verb] {
			// 听取…汇报并部署秋季农业重点工作: the business, then what
			// the meeting decided on it.
			rest := p.norm[vAt+len(verb) : fr[1]]
			for k := strings.Index(rest, "并"); k >= 0; {
				if v, ok := releaseVerb(rest[k+len("并"):]); ok && !businessVerbs[v] {
					vAt += len(verb) + k + len("并")
					verb = v
					break
				}
				next := strings.Index(rest[k+len("并"):], "并")
				if next < 0 {
					break
				}
				k += len("并") + next
			}
		}
		// The opening's list of what the meeting did files 研究部署X as
		// arranging X (国务院常务会议，研究部署在城市优先发展公共交通):
		// below the opening, 研究部署 is a meeting's business.
		business := businessVerbs[verb] && !(mode == modeList && verb == "研究部署")
		lastVerb, lastBusiness = p.show(vAt, vAt+len(verb)), business
		objAt := vAt + len(verb)
		if strings.HasPrefix(p.norm[objAt:fr[1]], "的") {
			// 会议通过的关于修改某法的决定，…: the document adopted, spoken
			// of, not a decision of this clause.
			continue
		}
		objAt += len(prefixOf(p.norm[objAt:fr[1]], "了"))
		if verb == "推选" || verb == "选举产生" {
			objAt += len(prefixOf(p.norm[objAt:fr[1]], "出"))
			objAt += len(prefixOf(p.norm[objAt:fr[1]], "了"))
		}
		// 讨论通过拟提请全国人大常委会审议的关于…的决定草案: the bill,
		// not where it goes next.
		if rest := p.norm[objAt:fr[1]]; strings.HasPrefix(rest, "拟提请") || strings.HasPrefix(rest, "提请") {
			if k := strings.Index(rest, "审议的"); k > 0 && k+len("审议的") < len(rest) {
				objAt += k + len("审议的")
			}
		}
		// 决定将《X》发往…: the document is the object.
		sentOn := strings.HasPrefix(p.norm[objAt:fr[1]], "将《")
		if sentOn {
			objAt += len("将")
		}
		var objs []string
		switch {
		case objAt >= fr[1]:
			// 会议决定，X: the next clause is the object.
			if f+1 >= len(frags) || verb == "通过" || verb == "宣布" || business {
				continue
			}
			nx := frags[f+1]
			if _, enum := firstPrefix(p.norm[nx[0]:nx[1]], enumerators); enum {
				continue
			}
			f++
			objAt = nx[0]
			fr = nx
			fallthrough
		default:
			if ts, whole := titlesAt(p, objAt, fr[1]); len(ts) > 0 && (whole || sentOn) {
				objs = ts
				titled = true
				break
			} else if len(ts) > 0 {
				// 通过《A》和提请全国人大常委会授权国务院…的决定草案: the
				// titles, and a document named after them unquoted.
				if ds, ok := titlesAndDocument(p, objAt, fr[1]); ok {
					objs = ds
					titled = true
					break
				}
			}
			if business && (!strings.HasPrefix(verb, "听取") && !strings.HasPrefix(verb, "书面听取") || strings.Contains(verb, "审议") && reportTitled(p.norm[objAt:fr[1]])) {
				// 审议了县交运局送审的《A》《B》: the documents examined
				// (听取《条例》实施情况的汇报 hears a report on one).
				if ts := titlesIn(p, objAt, fr[1]); len(ts) > 0 {
					objs = ts
					titled = true
					break
				}
			}
			// 全国人大常委会关于…的决定 names a document of its own, however
			// many words it shares with those the opening named.
			_, docNamed := docEnd(p.norm[objAt:fr[1]])
			docNamed = docNamed && strings.Contains(p.norm[objAt:fr[1]], "关于")
			if business || sentRestates && !docNamed || titled && verb == "决定" && refersBack(p.norm[objAt:fr[1]]) || strings.HasPrefix(p.norm[objAt:fr[1]], "其他") || strings.HasPrefix(p.norm[objAt:fr[1]], "其它") {
				// 听取…汇报 in the opening's list; a restatement; 通过《…》，
				// 决定将草案提请…审议, the follow-up of a titled decision;
				// 会议还研究了其他事项.
				continue
			}
			// A clause set off by a semicolon (决定针对农资价格上涨对种粮
			// 农民一次性发放补贴；决定…) is a whole matter, however it opens.
			// 通过了根据"十三五"规划纲要制定的…三个补短板的规划。: a document
			// named with what it follows, closing the sentence, is no frame
			// (根据常委会组成人员的审议意见，对…: a frame).
			_, named := docEnd(p.norm[objAt:fr[1]])
			closes := !strings.HasPrefix(p.norm[fr[1]:], ",")
			if framing(p.norm[objAt:fr[1]]) && !strings.HasPrefix(p.norm[fr[1]:], ";") && !(named && closes && strings.Contains(p.norm[objAt:fr[1]], "的")) {
				// 会议决定，为促进海运业发展，…; 按照…要求，加大减税力度;
				// 到2020年，在贫困地区建成…: a clause of purpose, reference,
				// means or time frames the decision, and the matter is the
				// clause after it. Where none follows, or a list does (按照
				// …的原则，一是…), the clause names no matter.
				// Frames may follow each other (根据常委会审议意见，对上述草
				// 案作进一步审议修改后，交付…表决).
				for f+1 < len(frags) && framing(p.norm[frags[f+1][0]:frags[f+1][1]]) {
					f++
				}
				if f+1 >= len(frags) {
					continue
				}
				nx := frags[f+1]
				if _, enum := firstPrefix(p.norm[nx[0]:nx[1]], enumerators); enum {
					continue
				}
				f++
				fr, objAt = nx, nx[0]
			}
			if strings.Contains(p.norm[objAt:fr[1]], "决定是否") {
				// 提交第一〇一次委员长会议决定是否交付…表决: the matter is
				// left to a later meeting.
				continue
			}
			if obj := p.norm[objAt:fr[1]]; strings.Contains(obj, "以下") || strings.Contains(obj, "如下") {
				// 会议确定了以下重点任务：(一)…, 确定今明两年抓紧推进以下
				// 工程: a list follows.
				continue
			}
			if colon := strings.Index(p.norm[objAt:min(len(p.norm), fr[1]+1)], ":"); colon >= 0 {
				// 明确了今后一段时期的主要任务：一是…: the heading of a list.
				if _, enum := firstPrefix(strings.TrimLeft(p.norm[objAt+colon+1:], " "), enumerators); enum {
					continue
				}
			}
			if obj := p.norm[objAt:fr[1]]; strings.Contains(obj, "...") || strings.Contains(obj, "…") {
				// 研究部署A、B等工...[详细内容]: a teaser cut off mid-word
				// names no whole matter.
				continue
			}
			if strings.Contains(p.norm[objAt:fr[1]], "提请") && !docNamed && (titled || carried || len(out) > 0 || strings.Contains(p.line(p.lineAt(s)), "通过")) {
				// 通过…，决定将草案提请全国人大常委会审议: the referral of
				// what the paragraph says was adopted. Where it is all the
				// meeting did (听取…汇报，决定将两个草案分别提请…表决), it is
				// the decision.
				continue
			}
			objEnd := fr[1]
			if mode == modeList {
				objEnd = objAt + beforePurpose(p.norm[objAt:fr[1]])
			}
			objs = objectsOf(p, objAt, objEnd)
			// 通过了全国人大常委会关于提请审议某法草案的议案，决定将草案
			// 提请…: a document named is as titled as one in 《》.
			titled = titled || docNamed
		}
		if appointSet[verb] {
			// 任命甲为某职、乙为某职: an appointment a post.
			var each []string
			for _, o := range objs {
				each = append(each, appointeesEach(o)...)
			}
			objs = each
		}
		out = append(out, objectsAs(lastVerb, objs)...)
		resolved = len(objs) > 0 && strings.HasSuffix(fold.String(objs[len(objs)-1]), "决议")
	}
	return out
}

// beforePurpose returns where the matter of a folded clause of the
// opening's list ends before the purpose set after it with 、 (确定进一步减税
// 降费措施、支持小微企业发展; 部署加快重大水利工程建设、以公共产品投资促进
// 稳增长), as later releases set it after a comma: the first part that
// opens with a verb of purpose, unless the clause ends as the name of the
// measures or the document (确定了优化外汇管理、促进跨境贸易投资便利化12条
// 措施), which the parts make up.
func beforePurpose(clause string) int {
	if _, doc := firstSuffix(clause, measureHeads); doc || strings.HasSuffix(clause, "等") {
		return len(clause)
	}
	if _, doc := docEnd(clause); doc {
		return len(clause)
	}
	parts := splitAt(clause, "、")
	for _, pt := range parts[1:] {
		if _, ok := firstPrefix(clause[pt[0]:pt[1]], purposeOpeners); ok && runeCount(clause[:pt[0]]) > 4 {
			return pt[0] - len("、")
		}
	}
	return len(clause)
}

// purposeOpeners open the purpose a release sets after a measure, folded.
var purposeOpeners = []string{"支持", "助力", "以", "更好", "促进", "推动", "带动", "激发", "造福", "惠及", "服务", "增强", "保障"}

// measureHeads end the name of a set of measures, folded.
var measureHeads = []string{"措施", "举措", "政策", "工作", "任务", "机制", "项目", "工程", "事项"}

// framingWords open a clause that frames a decision rather than states it:
// its purpose (为了), the plan or rule it follows (按照, 根据), its focus
// (聚焦, 围绕) or its means (运用, 通过 without a title).
var framingWords = []string{"为了", "按照", "根据", "依照", "依据", "本着", "遵循", "聚焦", "围绕", "针对", "着眼", "立足", "运用", "利用", "借鉴"}

// purposeVerbs follow 为 where it states a purpose (为促进…, 为进一步减轻…),
// not whom a measure is for (为困难群众发放…).
var purposeVerbs = []string{"促进", "进一步", "加快", "推动", "推进", "深化", "支持", "落实", "贯彻", "更好", "切实", "有效", "增强", "提高", "提升", "降低", "减轻", "保障", "加强", "扩大", "稳定", "激发", "适应", "应对", "巩固", "确保", "完善", "优化", "鼓励", "引导", "满足", "防范", "缓解"}

// timeFrameRE matches a clause that is only a time (到2020年, 从今年1月1日起到
// 2023年底, 自明年起).
var timeFrameRE = regexp.MustCompile(`^(到|至|从|自|截至)?(今明两年|今年|明年|[0-9]{4}年)?([0-9]{1,2}月)?([0-9]{1,2}日)?(起|前|底|以前|以后|以来)?((到|至)([0-9]{4}年)?([0-9]{1,2}月)?([0-9]{1,2}日)?(底|前)?)?$`)

// framing reports whether a folded clause frames a decision (its purpose,
// reference, focus, means or time) instead of naming the matter decided.
func framing(clause string) bool {
	if clause == "" {
		return false
	}
	if _, ok := firstPrefix(clause, framingWords); ok {
		return true
	}
	if rest, ok := strings.CutPrefix(clause, "为"); ok {
		if _, ok := firstPrefix(rest, purposeVerbs); ok {
			return true
		}
	}
	// 适应国内对海产品较快增长的需求, 满足…需要: a purpose.
	if _, ok := firstPrefix(clause, []string{"适应", "满足"}); ok {
		if _, ok := firstSuffix(clause, []string{"需要", "需求", "要求"}); ok {
			return true
		}
	}
	// 通过疏导电价矛盾, by means of; 通过《…》 and 通过了 adopt.
	if rest, ok := strings.CutPrefix(clause, "通过"); ok && !strings.HasPrefix(rest, "《") && !strings.HasPrefix(rest, "了") {
		return true
	}
	// 在常委会第二次会议召开前, 对上述议案和草案作进一步审议修改后: a clause
	// that places the decision before or after something else.
	if _, ok := firstPrefix(clause, []string{"在", "对", "经", "待", "俟", "于"}); ok {
		if _, ok := firstSuffix(clause, []string{"后", "前", "期间", "之际"}); ok {
			return true
		}
	}
	return timeFrameRE.MatchString(clause)
}

// reportedSpeech reports whether a folded sentence reports what someone
// said (张德江说，…; 他表示，…): its first clause ends with the saying.
func reportedSpeech(sent string) bool {
	first := sent
	if i := strings.IndexAny(sent, ",:"); i >= 0 {
		first = sent[:i]
	}
	if runeCount(first) > 12 {
		return false
	}
	_, ok := firstSuffix(first, []string{"说", "表示", "谈到", "指出", "强调"})
	return ok
}

// docList reports whether a folded text lists documents (关于修改A法的决定、
// 关于修改B法的决定), each short enough to name one.
func docList(text string) bool {
	parts, ok := docSplit(text)
	if !ok {
		return false
	}
	for _, pt := range parts {
		if runeCount(text[pt[0]:pt[1]]) > maxObjectRunes {
			return false
		}
	}
	return true
}

// docSplit splits a folded text that lists documents or laws at its 、
// (国家安全法、关于修改某法的决定) and returns their spans; the 、 inside one
// name joins its parts (关于修改村民委员会组织法、城市居民委员会组织法的决定),
// and a list closed by a count (公司法、海关法、药品管理法等7部法律的修正案
// 草案) is one name. ok is false unless two names or more are listed.
func docSplit(text string) (parts [][2]int, ok bool) {
	pieces := splitAt(text, "、")
	if len(pieces) < 2 {
		return nil, false
	}
	last := text[pieces[len(pieces)-1][0]:pieces[len(pieces)-1][1]]
	if i := strings.Index(last, "等"); i >= 0 {
		if _, _, counted := cnum.Prefix(last[i+len("等"):]); counted {
			return nil, false
		}
	}
	open := -1 // where a name that goes on past a 、 started
	for _, pc := range pieces {
		piece := text[pc[0]:pc[1]]
		_, doc := docEnd(piece)
		switch {
		case open >= 0 && doc:
			parts, open = append(parts, [2]int{open, pc[1]}), -1
		case open >= 0 && lawName(piece):
		case open >= 0:
			return nil, false
		case strings.Contains(piece, "关于") && !doc:
			open = pc[0]
		case doc || lawName(piece):
			parts = append(parts, pc)
		default:
			return nil, false
		}
	}
	return parts, open < 0 && len(parts) >= 2
}

// lawName reports whether a folded name is a law's (国家安全法, 新修订的海上
// 交通安全法), not a way of doing (方法, 做法).
func lawName(f string) bool {
	if !strings.HasSuffix(f, "法") || runeCount(f) < 3 {
		return false
	}
	_, way := firstSuffix(f, []string{"方法", "做法", "说法", "看法", "想法", "手法", "用法", "写法", "立法", "执法", "司法", "守法", "普法", "依法", "违法", "合法", "非法"})
	return !way
}

// refersBack reports whether the folded object of a 决定 after a titled
// decision is that document's next step (决定将草案提请…, 决定由…组织实施),
// not a decision of its own (决定设立"全国低碳日").
func refersBack(obj string) bool {
	if _, ok := firstPrefix(obj, []string{"将", "对", "由", "该", "其", "上述", "草案"}); ok {
		return true
	}
	return strings.Contains(obj, "草案") || strings.Contains(obj, "提请")
}

// linksLen is the length of the clause links (会议还, 并, 同时 …) a folded
// clause opens with, before its verb.
func linksLen(text string) int {
	n := 0
	for {
		w, ok := firstPrefix(text[n:], clauseLinks)
		if !ok {
			return n
		}
		n += len(w)
	}
}

// objectsAs makes decisions of objects under one verb.
func objectsAs(verb string, objs []string) []Decision {
	out := make([]Decision, 0, len(objs))
	for _, o := range objs {
		out = append(out, Decision{Verb: verb, Object: o})
	}
	return out
}

// objectsOf reads the objects of a clause, the folded span [i, end): the
// clause, or each matter of a list that ends 等有关事项.
func objectsOf(p *page, i, end int) []string {
	var out []string
	add := func(a, b int) {
		// 列席人员名单等: the document, without the 等 that says others
		// went with it.
		if f := p.norm[a:b]; strings.HasSuffix(f, "等") {
			if _, doc := docEnd(strings.TrimSuffix(f, "等")); doc {
				b -= len("等")
			}
		}
		obj := p.show(a, b)
		if rs := []rune(obj); len(rs) > maxObjectRunes {
			obj = string(rs[:maxObjectRunes]) + "…"
		}
		if runeCount(fold2Key(obj)) >= 2 && !vagueObject(fold.String(obj)) {
			out = append(out, obj)
		}
	}
	text := p.norm[i:end]
	ends := listEnds
	if m := countedListEndRE.FindString(text); m != "" {
		ends = []string{m}
	}
	for _, le := range ends {
		if !strings.HasSuffix(text, le) || !strings.Contains(text, "、") {
			continue
		}
		// 黄河生态保护、粮食生产、区长质量奖等有关事项: matters each; but
		// 召开的时间、地点、议程等相关事项 are the parts of one.
		parts := splitAt(text[:len(text)-len(le)], "、")
		for _, pt := range parts {
			if runeCount(text[pt[0]:pt[1]]) < 4 {
				add(i, end)
				return out
			}
		}
		for _, pt := range parts {
			add(i+pt[0], i+pt[1])
		}
		return out
	}
	// 选举办法(草案)、…的通过办法(草案)和…票决办法(草案): drafts each;
	// but 议程(草案)和日程 is one, the draft and its timetable.
	if parts := splitAt(text, ")、", ")和"); len(parts) > 1 && !slices.ContainsFunc(parts, func(pt [2]int) bool {
		return runeCount(text[pt[0]:pt[1]]) < 4
	}) {
		// (关于召开…的决定和会议议程(草案)、日程(草案): a part may name
		// documents of its own, read as the whole is.)
		for k, pt := range parts {
			b := pt[1]
			if k < len(parts)-1 {
				b += len(")")
			}
			out = append(out, objectsOf(p, i+pt[0], i+b)...)
		}
		return out
	}
	// 全国人大常委会关于确定A的决定和全国人大常委会关于设立B的决定: two
	// documents named in full, each 关于… ending as a document does.
	// (关于提案工作情况的报告和某章程修正案(草案): a report and a draft;
	// but A报告和B报告的决议 is one resolution.)
	if parts := splitAt(text, "和", "以及"); len(parts) > 1 && !slices.ContainsFunc(parts, func(pt [2]int) bool {
		part := text[pt[0]:pt[1]]
		_, doc := docEnd(part)
		_, ofDoc := firstSuffix(part, []string{"的决定", "的决议"})
		return !doc || ofDoc && !strings.Contains(part, "关于") || !strings.Contains(text, "关于")
	}) {
		for _, pt := range parts {
			out = append(out, objectsOf(p, i+pt[0], i+pt[1])...)
		}
		return out
	}
	// 政府工作报告、人大工作报告: documents each.
	if parts, ok := docSplit(text); ok {
		for _, pt := range parts {
			add(i+pt[0], i+pt[1])
		}
		return out
	}
	add(i, end)
	return out
}

// reportTitled reports whether a folded object heard and examined is a
// titled report itself (县林业局《关于下达…相关事宜》的汇报, 县文明办《关于
// …工作的汇报》): the title ends the object, or only 的汇报 (报告, 说明)
// follows it, where 《条例》实施情况的汇报 hears a report on the title.
func reportTitled(obj string) bool {
	k := strings.LastIndex(obj, "》")
	if k < 0 || !strings.Contains(obj[:k], "《") {
		return false
	}
	switch strings.TrimSpace(obj[k+len("》"):]) {
	case "", "的汇报", "的报告", "的说明":
		return true
	}
	return false
}

// arrangedBy reads a clause 对X进行了部署 (作出部署, 作了安排) in the folded
// span [i, end): the meeting arranged X.
func arrangedBy(p *page, i, end int) (Decision, bool) {
	text := p.norm[i:end]
	if !strings.HasPrefix(text, "对") {
		return Decision{}, false
	}
	for _, w := range []string{"进行了部署", "进行部署", "作出部署", "作出了部署", "作了部署", "进行了安排", "作出安排", "作了安排"} {
		if strings.HasSuffix(text, w) {
			obj := p.show(i+len("对"), end-len(w))
			verb := w[len(w)-len("部署"):]
			if runeCount(fold2Key(obj)) < 2 || vagueObject(fold.String(obj)) {
				return Decision{}, false
			}
			return Decision{Verb: verb, Object: obj}, true
		}
	}
	return Decision{}, false
}

// meetingNameEnd returns where the clauses after the meeting's name begin
// in an opening sentence (…主持召开国务院常务会议，|部署…), or -1.
func meetingNameEnd(s string) int {
	from := 0
	for _, w := range []string{"主持召开", "召开", "举行", "主持"} {
		if i := strings.Index(s, w); i >= 0 {
			from = i + len(w)
			if w != "主持" && strings.Contains(s[:i], "会议") {
				// 市八届人大常委会第32次主任会议召开，决定…: the meeting
				// named before its verb; the clauses follow the verb.
				if j := strings.IndexAny(s[from:], ",;:"); j >= 0 && !strings.Contains(s[from:from+j], "。") {
					return from + j + 1
				}
			}
			break
		}
	}
	i := strings.Index(s[from:], "会议")
	if i < 0 {
		return -1
	}
	rest := s[from+i:]
	j := strings.IndexAny(rest, ",;:")
	if j < 0 {
		return -1
	}
	return from + i + j + 1
}

// fragments splits the folded span [from, to) into clauses at commas,
// semicolons and colons, without breaking inside 《》 or quotes.
func fragments(norm string, from, to int) [][2]int {
	var out [][2]int
	depth := 0
	start := from
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(norm[i:])
		switch r {
		case '《', '“', '(', '「':
			depth++
		case '》', '”', ')', '」':
			if depth > 0 {
				depth--
			}
		case ',', ';', ':':
			if depth == 0 {
				if i > start {
					out = append(out, [2]int{start, i})
				}
				start = i + size
			}
		}
		i += size
	}
	if to > start {
		out = append(out, [2]int{start, to})
	}
	for k := range out {
		for out[k][0] < out[k][1] && norm[out[k][0]] == ' ' {
			out[k][0]++
		}
	}
	return out
}

// titlesAt reads the run of 《》 titles at folded offset i (《A》和《B》、《C》)
// and returns them, without brackets, in the document's characters; whole
// tells whether the titles fill [i, end), as they do where they are the
// object (通过《A》和《B》) and not part of one (确定《政府工作报告》重点任务分工).
func titlesAt(p *page, i, end int) (titles []string, whole bool) {
	for i < end {
		// 新修订的《A》、新修订的《B》: each title as revised.
		if w, ok := firstPrefix(p.norm[i:end], revisedWords); ok && strings.HasPrefix(p.norm[i+len(w):end], "《") {
			i += len(w)
		}
		if !strings.HasPrefix(p.norm[i:end], "《") {
			break
		}
		j := strings.Index(p.norm[i:end], "》")
		if j < 0 {
			break
		}
		if t := p.show(i+len("《"), i+j); t != "" {
			titles = append(titles, t)
		}
		i += j + len("》")
		if w, ok := firstPrefix(p.norm[i:end], []string{"和", "、", "及", "与", "以及", " "}); ok {
			i += len(w)
		}
	}
	return titles, strings.TrimSpace(p.norm[i:end]) == ""
}

// amendingClause reports whether a folded clause after 决定 amends or
// repeals named regulations (，对《某条例》等9部行政法规的部分条款予以修改).
func amendingClause(s string) bool {
	s = strings.TrimLeft(s, ", :")
	return strings.HasPrefix(s, "对《") && (strings.Contains(s, "予以修改") || strings.Contains(s, "予以废止"))
}

// amendsNamed reports whether the page names, in a title, a decision that
// amends or repeals regulations (《国务院关于修改和废止部分行政法规的决定
// （草案）》), read once.
func amendsNamed(p *page) bool {
	if p.amends == 0 {
		p.amends = 1
		for _, t := range titlesIn(p, 0, len(p.norm)) {
			f := fold.String(t)
			if (strings.Contains(f, "修改") || strings.Contains(f, "废止")) && strings.Contains(f, "决定") {
				p.amends = 2
				break
			}
		}
	}
	return p.amends == 2
}

// revisedWords stand before a title that a meeting adopts as revised
// (通过新修订的《…》), folded.
var revisedWords = []string{"新修订的", "新修改的", "修订后的", "修改后的", "新制定的"}

// titlesAndDocument reads a folded span that names titles and then a
// document unquoted (《A》和提请…授权国务院…的决定草案): the titles, and the
// document as written.
func titlesAndDocument(p *page, i, end int) ([]string, bool) {
	k := strings.LastIndex(p.norm[i:end], "》和")
	if k < 0 {
		return nil, false
	}
	ts, whole := titlesAt(p, i, i+k+len("》"))
	rest := p.norm[i+k+len("》和") : end]
	if _, doc := docEnd(rest); !whole || len(ts) == 0 || !doc || strings.Contains(rest, "《") || runeCount(rest) < 4 {
		return nil, false
	}
	return append(ts, p.show(i+k+len("》和"), end)), true
}

// docEnd reports whether a folded object ends as a document's name does
// (…工作报告, …方案, …(草案)).
func docEnd(f string) (string, bool) {
	f = strings.TrimRight(f, ")")
	for _, w := range []string{"报告", "方案", "办法", "规划", "计划", "条例", "名单", "草案", "意见", "规定", "细则", "纲要", "决定", "决议", "议案", "议程", "日程"} {
		if strings.HasSuffix(f, w) {
			return w, true
		}
	}
	return "", false
}

// vagueObject reports whether a folded object names nothing a clerk could
// file (相关工作, 有关事项, 下一步工作): a filler, not a decision's object;
// or only the form of a request (惠請同意備查, 同意，詳如說明).
func vagueObject(f string) bool {
	if tally(f) {
		return true
	}
	if _, ok := firstPrefix(f, []string{"上述", "上列", "以上"}); ok {
		// 批准了上述协定和条约: what the sentence before named.
		return true
	}
	if runeCount(f) > 6 {
		return false
	}
	switch strings.TrimRight(f, "。.: ") {
	case "备查", "查照", "请查照", "惠复", "详如说明", "鉴核", "核备", "办理", "撤销", "撤回", "废止", "用印", "上程", "如下", "以下":
		// 同意惠復, 同意廢止, 同意用印: what is done with a matter named
		// elsewhere.
		return true
	case "工作", "政府工作", "全年工作", "今年工作", "明年工作":
		// 对政府工作进行了部署: the whole of its work, no matter.
		return true
	}
	_, ok := firstPrefix(f, []string{"相关", "有关", "其他", "其它", "下一步", "近期", "当前", "各项"})
	return ok
}

// tally reports whether a folded object is a count of votes (同意罷免案
// 一一六票, a line of a ballot's result), which decides nothing itself.
func tally(f string) bool {
	f = strings.TrimRight(f, "。. ")
	num, ok := strings.CutSuffix(f, "票")
	if !ok {
		return false
	}
	// The count after the last space (○, a circle, stands for 〇 in a
	// gazette's figures), or run on after what was voted (罷免案一一八票).
	if onlyOf(num[strings.LastIndex(num, " ")+1:], numeralRunes+"○") {
		return true
	}
	what := strings.TrimRightFunc(num, func(r rune) bool { return strings.ContainsRune(numeralRunes+"○", r) })
	return what != num && strings.HasSuffix(what, "案") && runeCount(what) <= 6
}

// splitAt splits s at each of seps and returns the [start, end) spans of
// the parts; a separator that starts with ")" leaves it to the part before
// (the caller adds it back).
func splitAt(s string, seps ...string) [][2]int {
	var out [][2]int
	from, depth := 0, 0
	for i := 0; i < len(s); {
		// Not inside a 《》 title (关于批准《中国、某国关于…的协定》的决定).
		switch {
		case strings.HasPrefix(s[i:], "《"):
			depth++
		case strings.HasPrefix(s[i:], "》") && depth > 0:
			depth--
		}
		if depth == 0 {
			if sep, ok := firstPrefix(s[i:], seps); ok {
				out = append(out, [2]int{from, i})
				i += len(sep)
				from = i
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return append(out, [2]int{from, len(s)})
}

// titlesIn returns the 《》 titles anywhere in the folded span [i, end),
// without brackets, in the document's characters.
func titlesIn(p *page, i, end int) []string {
	var out []string
	for i < end {
		a := strings.Index(p.norm[i:end], "《")
		if a < 0 {
			break
		}
		b := strings.Index(p.norm[i+a:end], "》")
		if b < 0 {
			break
		}
		if t := p.show(i+a+len("《"), i+a+b); t != "" {
			out = append(out, t)
		}
		i += a + b + len("》")
	}
	return out
}

// prefixOf returns w if s starts with it, else "".
func prefixOf(s, w string) string {
	if strings.HasPrefix(s, w) {
		return w
	}
	return ""
}
