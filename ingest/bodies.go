package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/cnum"
	"github.com/jiyao-search/jiyao/internal/fold"
)

// Bodies given work or answering in a meeting are named where they act, not
// only where a table of departments knows them: the office that submitted a
// document (县交运局送审的《…》, 县财政局提交的《…》), that reported (听取了市人大
// 常委会办公室关于…的汇报, 民政部部长李立国…作的报告), that answers in a
// council (消防局陳局長虹龍, 工務局長), or sits among those who answer
// (列席：市政府－警察局局長黃茂穗). A clerk lists each once, as the text names it.

// bodyTriggers follow a body's name where it acts, folded.
var bodyTriggers = []string{
	"送审的", "提交的", "报送的", "起草的", "提出的", "提出了", "关于", "牵头", "《", "作了", "主要负责", "要", "会同", "陈报",
	// A council's committees and the bodies whose budgets it reviews:
	// 交付財政建設委員會審查, 保安委員會第二召集人, 板橋區公所　預算數,
	// 環境保護局主管.
	"审查", "第一召集人", "第二召集人", "第三召集人", "召集人", "预算数", "主管",
	// 常委会代表资格审查委员会和办公厅研究室负责人就…作了汇报: the bodies
	// whose heads report.
	"负责人就",
	// 財政建設委員會所屬部門: the committee that reviewed a part of a budget.
	"所属部门",
}

var bodyTriggerSet = setOf(bodyTriggers...)

// levelTriggers are the bodyTriggers after which only a body whose name
// starts with its level counts (县政府办公室要认真梳理, 国务院安委会要作进一
// 步安排, 全国人大常委会办公厅会同…): a bare name there (陸委會會同經建會) is
// more often what a member's question is about.
var levelTriggers = map[string]bool{"要": true, "会同": true}

// leveled reports whether a folded body's name starts with its level: a
// local one's (县, 市 …) or the nation's (国家, 国务院, 全国).
func leveled(name string) bool {
	if strings.HasPrefix(name, "国家") || strings.HasPrefix(name, "国务院") || strings.HasPrefix(name, "全国") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name)
	return strings.ContainsRune(levelChars, r)
}

// bodyEnds are the endings of a body's name, folded, longest first.
var bodyEnds = []string{
	"委员会", "委会", "监会", "办公室", "办公厅", "人民政府", "人民法院", "人民检察院", "检察院", "法院", "政府", "公所",
	"分局", "中心", "大队", "部队", "派出所", "研究所", "事务所", "回收厂", "工委", "街道", "银行", "院", "局", "委", "办", "部", "厅", "处", "署", "司", "室", "科", "组", "镇", "乡",
}

// bodyEndRunes holds the last characters of bodyEnds, over the common
// ideographs.
var bodyEndRunes = func() *[0xA000 - 0x4E00]bool {
	var t [0xA000 - 0x4E00]bool
	for _, e := range bodyEnds {
		if r := lastRune(e); r >= 0x4E00 && r < 0xA000 {
			t[r-0x4E00] = true
		}
	}
	return &t
}()

// bodyCutWords are the words a body's name never holds, where the run of
// text before a trigger is cut: particles and the verbs of the meeting.
var bodyCutWords = []string{
	"如何", "为何", "有何", "任何", // before 为 and 有, which would leave 何
	"有关", "相关", // 交付各有關委員會審查: no body of its own
	"了", "的", "由", "对", "在", "向", "将", "把", "被", "就", "据", "按照", "依照", "参照", "遵照", "按", "请", "为", "是", "有", "并", "日",
	"听取", "审议", "研究", "讨论", "通过", "同意", "会议", "会上", "传达", "学习", "要求", "指出",
	"而", "但", "也", "已", "均", "过去", "现在", "目前", "隶属", "时任", "担任", "控制", "说", "当", "她", "他", "我", "你", "便",
	"交付", "本案交", "鉴于", "责成", "进入", "汇报", "会同", "部署",
	"如果", "属于", "今年", "去年", "明年", "让",
	"本府", "本市", "本县", "本区", "本会", "本届", // 本府警察局 is 警察局
	"意见", "函送", "函请", "函复", "送至", "知会", "于", "受", "呼吁", "自从", "曾经", "本席", "历任",
	"成立", "宣付", // 成立中共某县委, 宣付各委員會
	"处理", "使", // 交付處理本院…, 使政府提出的
	// 當局有否收到…, 如何, 除非獲工業貿易署, 即規劃署, 致電運輸及房屋局,
	// 不配做教育局, 支持政府, 確保專責小組: what a speaker asks or says
	// of a body is no part of its name.
	// (Not 何, 即 or 获 alone: 何家湾村, 即墨区, 获嘉县.)
	"否", "除非获", "除非", "致电", "做", "支持", "反对", "确保", "透过", "接纳", "收到", "以及", "检送", "回函", "再度",
	"宣读", "继续", "该", "款", "决定", "以利", "尽速", // 宣讀第十六款蒙藏委員會, 總預算該院
	"所属部门", "所属单位", // 財政建設委員會所屬部門⏎市政府主管: a heading, then the unit
	"召开", "邀请", // 召開全院委員會審查, 並邀請某委員會
	"指派", "委派", "改由", // 本府原指派觀光傳播局趙局長…，改由捷運工程局蔡局長…
	"俟",                  // 延長開會時間，俟文化局業務質詢完畢後再行散會
	"之", "包括", "送", "会期", // 訓練機關之行政院人事行政局, 項目包括財政部, 仍須送立法院, 本院第七屆第五會期內政委員會
}

// researchName reports whether the folded rest of a body's name after 研究
// makes 研究 part of the name: 研究發展… (research and development), or the
// research office, institute or centre that ends the name (研究室, 研究院,
// 研究所, 研究中心; not 研究所属…, 研究中心城区…).
func researchName(rest string) bool {
	if strings.HasPrefix(rest, "发展") {
		return true
	}
	switch rest {
	case "室", "院", "所", "中心":
		return true
	}
	return false
}

// doneByVerbs are verbs that end in 办 or 署 as some bodies' names do (县委
// 办, 港澳办, 规划署): 举办, 主办, 签署 … end no body's name.
var doneByVerbs = []string{"举办", "主办", "承办", "协办", "合办", "开办", "创办", "兴办", "筹办", "代办", "督办", "查办", "交办", "照办", "试办", "包办", "操办", "签署"}

// bodyNoStart are characters a body's name does not start with, left over
// where the run was cut at a word (請問內政部, 及办公室, 并作全国人大常委会执法检查组).
const bodyNoStart = "及与问或作"

// actingBodies returns the bodies the text names where they act, in order
// of first mention, without the issuer.
func actingBodies(p *page, m *Minutes) []string {
	var out []string
	issuer := fold.String(m.Issuer)
	seen := map[string]bool{issuer: true}
	// 财政部部长刘昆受国务院委托作的报告: the ministry reports; the body
	// that entrusted it with its report does not sit in the meeting.
	for at := range occurrences(p.norm, "委托") {
		if i := strings.LastIndex(p.norm[max(0, at-60):at], "受"); i >= 0 {
			// (The government, not a court that entrusted its fellow
			// with their joint bill: 代表最高人民法院并受最高人民检察院委托.)
			for _, by := range strings.FieldsFunc(p.norm[max(0, at-60)+i+len("受"):at], func(r rune) bool { return r == '、' || r == '和' }) {
				if by == "国务院" || by == "中央军委" || by == "中央军事委员会" {
					seen[by] = true
				}
			}
		}
	}
	// add lists a body, found by rule at folded offset at (-1: where
	// it first stands), for jiyao extract --explain.
	var add func(name, rule string, at int)
	add = func(name, rule string, at int) {
		if bureau, office, ok := splitOffice(name); ok {
			add(bureau, rule, at)
			add(office, rule, at)
			return
		}
		k := fold.String(name)
		// 国务院 in a release of 中华人民共和国国务院 is the issuer; so is
		// 区政府 in the minutes of a 区人民政府, written short.
		if name == "" || seen[k] || strings.HasSuffix(issuer, k) || ownGovernment(issuer, k) || houseGroup(issuer, k) || governmentBeforeCongress(issuer, k) {
			return
		}
		seen[k] = true
		// 板橋區公所 after 新北市板橋區公所 names the same office.
		for _, o := range out {
			if fo := fold.String(o); strings.HasSuffix(fo, k) || strings.HasSuffix(k, fo) && runeCount(fo) >= 4 {
				return
			}
		}
		out = append(out, name)
		p.whyOnce("department "+k, rule, at)
	}
	talk := p.speeches()
	routine, main := routineReferrals(p)
	// 程序委員會意見：擬請院會將本案交經濟委員會審查: a committee that
	// gives its opinion on the business acts, whatever the opinion (the
	// agenda committee of a legislature's referrals among them).
	for k := range linesWith(p, "意见:") {
		l := strings.TrimLeft(p.line(k), " *-•·")
		if i := strings.Index(l, "意见:"); i > 0 && !talk.holds(p.lines[k][0]) {
			if a, ok := bodyBefore(l, i); ok && a == 0 {
				at := p.lines[k][1] - len(l)
				add(p.show(at, at+i), "a committee giving its opinion on the business", at)
			}
		}
	}
	add(main, "the committee that receives the most referred bills", -1)
	// 听取了食安委办公室及各成员单位的汇报: the body whose report the
	// meeting heard.
	for at := range occurrences(p.norm, "听取") {
		from := at + len("听取")
		from += len(prefixOf(p.norm[from:], "了"))
		if a, b, ok := requestedBody(p.norm, from); ok && !talk.holds(at) {
			// (A congress's standing committee reporting to its own
			// session, or to its chairmen, is the house itself.)
			_, heard := firstPrefix(p.norm[b:], []string{"的汇报", "的报告", "及各"})
			if heard && !strings.HasSuffix(p.norm[a:b], "常委会") && !strings.HasSuffix(p.norm[a:b], "常务委员会") {
				add(p.show(a, b), "the body whose report the meeting heard", a)
			}
		}
	}
	// 行政院函送…所提質詢之書面答復: the body that answers a written
	// question acts, though what the question is about is talk.
	for k := range linesWith(p, "函送") {
		l := p.line(k)
		if i := strings.Index(l, "函送"); i > 0 && strings.Contains(l, "书面答复") && writtenQuestion(l) {
			if a, ok := bodyBefore(l, i); ok && strings.Trim(l[:a], "0123456789.、 ") == "" {
				add(p.show(p.lines[k][0]+a, p.lines[k][0]+i), "the body answering a written question", p.lines[k][0]+a)
			}
		}
	}
	if strings.Contains(issuer, "立法院") {
		if at, ok := executiveActs(p.norm); ok {
			add(p.show(at, at+len("行政院")), "the executive whose bills the legislature receives or whom it questions", at)
		}
	}
	proposed := proposedAgenda(p.norm)
	for at, tr := range p.wordsIn(bodyTriggerSet) {
		if talk.holds(at) || routine.holds(at) || proposed.holds(at) || tr != "《" && inTitle(p, at) {
			continue
		}
		// 区委、区政府提出的“解放思想、转型发展”: a slogan a body put
		// forward, quoted, is no document it submitted.
		if tr == "提出的" && strings.ContainsAny(p.norm[at+len(tr):min(len(p.norm), at+len(tr)+3)], "“\"「") {
			continue
		}
		// A body's name ends as a body's does: the cheap test first.
		if r := lastRune(p.norm[:at]); r >= 0x4E00 && r < 0xA000 && !bodyEndRunes[r-0x4E00] {
			continue
		}
		if a, ok := bodyBefore(p.norm, at); ok {
			// 請內政部會同法務部先行研議: a body a request gives work to.
			// (建請健保局會同…, a member's proposal, is talk.)
			asked := tr == "会同" && strings.HasSuffix(p.norm[:a], "请") && !strings.HasSuffix(p.norm[:a], "建请")
			if levelTriggers[tr] && !leveled(p.norm[a:at]) && !asked {
				continue
			}
			if tr == "会同" {
				// …會同法務部先行研議: the body it works with acts too.
				if b, ok := bodyAfter(p.norm, at+len(tr)); ok {
					add(p.show(at+len(tr), b), "a body named after 会同, where it acts", at+len(tr))
				}
			}
			// 国家发展改革委、商务部、中国人民银行主要负责同志在会上发言:
			// each body of a list before the trigger acts.
			listed := [][2]int{{a, at}}
			for {
				sep, ok := firstSuffix(p.norm[:a], []string{"、"})
				if !ok && tr == "负责人就" {
					// …审查委员会和办公厅研究室负责人: a list joined by 和.
					sep, ok = firstSuffix(p.norm[:a], []string{"和", "及"})
				}
				if !ok {
					break
				}
				b, ok := bodyBefore(p.norm, a-len(sep))
				if !ok {
					break
				}
				listed = append(listed, [2]int{b, a - len(sep)})
				a = b
			}
			for i := len(listed) - 1; i >= 0; i-- {
				// 市政府主管: the head of a council's budget that holds every
				// bureau's, not a body answering.
				if tr == "主管" && contains([]string{"市政府", "县政府", "市府", "县府"}, p.norm[listed[i][0]:listed[i][1]]) {
					continue
				}
				add(p.show(listed[i][0], listed[i][1]), "a body named before "+tr+", where it acts", listed[i][0])
			}
		}
	}
	// 沈議員發惠要求：／請城鄉局提供…: the body a member's request asks
	// for work.
	for h := 0; h < len(p.lines); h++ {
		if !requestHeading(strings.TrimSpace(p.line(h))) {
			continue
		}
		// The request, or its numbered parts ((一)請城鄉局提供…, (二)請財政
		// 局提供…) up to the chair's ruling on it.
		for k := h + 1; k < len(p.lines) && k <= h+maxRequestLines; k++ {
			l := strings.TrimSpace(p.line(k))
			if strings.HasPrefix(l, "主席") || requestHeading(l) {
				break
			}
			lineAt := p.lines[k][0] + len(p.line(k)) - len(l)
			for _, part := range requestParts(l) {
				from, rest := part[0], l[part[0]:part[1]]
				// The body stands before the first verb.
				first := -1
				for _, v := range requestVerbs {
					if i := strings.Index(rest, v); i > 0 && (first < 0 || i < first) {
						first = i
					}
				}
				if a, ok := bodyBefore(rest, max(first, 0)); first > 0 && ok && a == 0 {
					at := lineAt + from
					add(p.show(at, at+first), "the body a member's request asks to act", at)
				}
			}
		}
	}
	// In a council's table of proposals (案由 … 議決): 建請經濟部水利署中區
	// 水資源局興建…, 送請縣府研議辦理, the body a proposal or its resolution
	// asks to act.
	table := proposalHeader(p) >= 0
	for _, w := range []string{"建请", "送请"} {
		if !table {
			break
		}
		for at := range occurrences(p.norm, w) {
			if talk.holds(at) {
				continue
			}
			if a, b, ok := requestedBody(p.norm, at+len(w)); ok {
				add(governmentName(p.show(a, b)), "a body a proposal asks to act ("+w+")", a)
			}
		}
	}
	// 第三審查會（建設類）: the review committees whose proposals the table
	// lists reviewed them.
	if table {
		for _, m := range reviewCommitteeRE.FindAllStringIndex(p.norm, -1) {
			add(p.show(m[0], m[1]), "a review committee of the table of proposals", m[0])
		}
	}
	// 第3項：市場處(6-3): the unit of a budget section the house settles.
	for k := range p.lines {
		l := strings.TrimSpace(p.line(k))
		if !strings.HasPrefix(l, "第") || !budgetSection(l) {
			continue
		}
		// 第6款：產業發展局主管第2項：動物保護處: the unit after the last
		// number.
		i := strings.LastIndexByte(l, ':')
		body := strings.TrimSpace(l[i+1:])
		if j := strings.LastIndexByte(body, '('); j > 0 {
			body = body[:j]
		}
		if _, ok := bodyEnd(body); ok {
			at := p.lines[k][0] + strings.Index(p.line(k), body)
			add(p.show(at, at+len(body)), "the unit of a budget section the house settles", at)
		}
	}
	for at := range occurrences(p.norm, "由") {
		if !talk.holds(at) {
			for _, b := range assignedBodies(p.norm, at+len("由")) {
				add(p.show(b[0], b[1]), "a body given a task after 由", b[0])
			}
		}
	}
	// 会议部署国务院安委会办公室和应急管理部会同有关部门，对…开展专项整治:
	// the bodies the meeting sets to work.
	for at := range occurrences(p.norm, "部署") {
		if !talk.holds(at) {
			for _, b := range assignedBodies(p.norm, at+len("部署")) {
				add(p.show(b[0], b[1]), "a body the meeting sets to work after 部署", b[0])
			}
		}
	}
	spoke := map[string]bool{}
	for _, n := range m.Speakers {
		spoke[fold.String(n)] = true
	}
	present := 0
	for _, a := range m.Attendees {
		if a.Role == RolePresent && a.Org != "" {
			present++
		}
	}
	for _, a := range m.Attendees {
		// 工務局長, 運輸及房屋局局長: the body an official heads, where
		// officials attend to answer (councils, legislatures) or speak.
		if a.Role != RoleSpeaker && m.Script == "simplified" {
			continue
		}
		org := headedBody(a.Title)
		if org == "" && a.Role == RoleSpeaker && a.Org != "" {
			// 財經事務及庫務局副局長：, a speech headed by the office of
			// an official listed with it.
			org = headedBody(a.Org + a.Title)
		}
		if org != "" {
			add(org, "the body an official heads, who speaks or answers", -1)
		} else if a.Role == RolePresent && a.Org != "" && headedBody(a.Org+a.Title) != "" && (present <= maxAnsweringOfficers || spoke[fold.String(a.Name)]) {
			// 出席政府官員：勞工及福利局局長張建宗先生: the officials
			// present to answer for their bureaus (those who sit in,
			// 列席, every bureau's head, are not listed). When the whole
			// government attends (the Chief Executive's question time),
			// those who answered.
			add(a.Org, "the bureau of an official present to answer", -1)
		}
	}
	// 財政部部長楼继伟 in one report and 国务院关税税则委员会主任楼继伟 in
	// the next: each office he reports for acts, though he is listed once.
	for _, a := range p.reporters() {
		if org := headedBody(a.Title); org != "" {
			add(org, "the body an official heads, who speaks or answers", -1)
		}
	}
	// 常委会副秘书长何晔晖代表常委会办公厅报告了办理情况: the body a
	// person reports for.
	for at := range occurrences(p.norm, "代表") {
		from := at + len("代表")
		rest := p.norm[from:min(len(p.norm), from+3*maxBodyRunes)]
		for _, v := range []string{"报告", "作了", "作的", "汇报"} {
			if k := strings.Index(rest, v); k > 0 {
				name := rest[:k]
				if _, ok := bodyEnd(name); ok && runeCount(name) >= 3 && runeCount(name) <= maxBodyRunes && allHan(name) && !genericBody(name) && !talk.holds(at) {
					add(p.show(from, from+k), "the body a person reports for", from)
				}
				break
			}
		}
	}
	// In a legislature's verbatim record the ministers its members
	// question are talked to (請教國防部高部長), not given its work; a
	// minister on leave (財政部何部長志欽因病請假，由李次長瑞倉代表列席)
	// is attendance: his deputy sits in, which is no act of the ministry.
	// (A council's minutes list the bureau whose head is excused: the
	// bureau answers there all the same.)
	hansard := m.Genre == GenreHansard
	orgs := orgsBeforeTitledNames(p)
	onLeave := map[string]bool{} // the ministers on leave, named again where their absence is explained
	for _, org := range orgs {
		if hansard && strings.Contains(p.line(p.lineAt(org.at)), "请假") {
			onLeave[fold.String(org.name)] = true
		}
	}
	for _, org := range orgs {
		if !hansard || !talk.holds(org.at) && !onLeave[fold.String(org.name)] {
			add(org.name, "the body of an official named with it", org.at)
		}
	}
	// 教育局局長, 律政司司長: the body named by its head, where the head
	// acts, not in the list of those who sit in (列席) to answer.
	listed := map[string]bool{}
	for _, a := range m.Attendees {
		if a.Role == RoleObserver && a.Org != "" {
			listed[fold.String(a.Org)] = true
		}
	}
	appointed := p.appointments()
	for k := range occurrences(p.norm, "长") {
		end := k + len("长")
		if talk.holds(k) {
			continue
		}
		for _, t := range []string{"局长", "处长", "部长", "署长", "司长"} {
			unit := t[:len(t)-len("长")]
			if !strings.HasSuffix(p.norm[:end], unit+t) {
				continue
			}
			at := end - len(t)
			// Not in a list of those present (局長黃茂穗), where the
			// head's name follows: where the head acts (局長答覆), or
			// goes on to act after the name (国家移民管理局局长许甘露受
			// 国务院委托作的报告).
			if r, _ := utf8.DecodeRuneInString(p.norm[end:]); hanRune(r) && !strings.ContainsRune("答动回提发作的表致说在就动", r) && !actsAfterName(p.norm[end:]) {
				continue
			}
			// Nor in a list of those who sit in, one office a line
			// (文化局局長：林慧芬代): a speech headed with the office
			// goes on past a name.
			if rest, ok := strings.CutPrefix(p.norm[end:p.lines[p.lineAt(end)][1]], ":"); ok && runeCount(strings.TrimSpace(rest)) <= 5 {
				continue
			}
			// 政務司司長, 財政司司長: the Chief and Financial Secretaries head
			// no department of that name (律政司司長 heads 律政司).
			// Nor where someone is appointed head (任命某某为某部部长).
			if a, ok := bodyBefore(p.norm, at); ok && !listed[p.norm[a:at]] && !appointed.holds(a) && !strings.HasSuffix(p.norm[a:at], "政务司") && !strings.HasSuffix(p.norm[a:at], "财政司") {
				add(p.show(a, at), "the body named by its head where the head acts", a)
			}
			break
		}
	}
	return out
}

// minRoutineReferrals is how many bills a legislature's agenda committee
// must refer in a sitting for its referrals to be routine business.
const minRoutineReferrals = 3

// routineReferrals reads a legislature's routine referrals, the lines where
// its agenda committee proposes the committee each bill goes to (程序委員會
// 意見：擬請院會將本案交財政委員會審查), when there are at least
// minRoutineReferrals of them, and the committee that receives the most
// bills (the first of equals): a clerk files the sitting under it, not under
// every committee a bill went to. lines are the referral lines, whose bodies
// are read here alone. (The agenda committee, which gives its opinion on
// each line, is found where every such opinion is, in actingBodies.)
func routineReferrals(p *page) (lines spans, main string) {
	count := map[string]int{}
	var order []string
	for k := range linesWith(p, "意见:") {
		l := p.line(k)
		i := strings.Index(l, "意见:")
		// 交經濟委員會審查。 or 交經濟委員會。: the committee ends at 審查
		// or at the line's end.
		j := strings.LastIndex(l, "审查")
		if j < i {
			j = len(strings.TrimRight(l, "。 "))
		}
		if i <= 0 || j < i {
			continue
		}
		a, ok := bodyBefore(l, i)
		// The first 交 after the opinion's label: 將本案交交通委員會 sends
		// the bill to 交通委員會.
		x := strings.Index(l[i:j], "交")
		if !ok || a != 0 || x < 0 {
			continue
		}
		x += i
		lines = append(lines, p.lines[k])
		// 交內政委員會、司法及法制委員會聯席審查: each committee; 交法制、
		// 國防兩委員會: each written before the 委員會 they share.
		at := p.lines[k][0] + x + len("交")
		target := strings.TrimSuffix(l[x+len("交"):j], "联席")
		shared := ""
		for _, n := range []string{"两", "三", "四", "五"} {
			if t, ok := strings.CutSuffix(target, n+"委员会"); ok {
				end := at + len(target)
				target, shared = t, p.show(end-len("委员会"), end)
				break
			}
		}
		for _, c := range strings.Split(target, "、") {
			name := p.show(at, at+len(c))
			if shared != "" {
				c, name = c+"委员会", name+shared
			}
			if _, ok := bodyEnd(c); ok {
				if count[name] == 0 {
					order = append(order, name)
				}
				count[name]++
			}
			at += len(c) - len(shared) + len("、")
		}
	}
	if len(lines) < minRoutineReferrals {
		return nil, ""
	}
	for _, c := range order {
		if main == "" || count[c] > count[main] {
			main = c
		}
	}
	return lines, main
}

// assignWords follow the bodies a task is given to (由市工信局牵头, 由国家
// 质检总局、国家标准委尽快发布), folded.
var assignWords = []string{
	"牵头", "负责", "会同", "组织", "尽快", "抓紧", "研究", "制定", "发布", "提出", "统筹", "做好", "落实",
	"按照", "根据", "进一步", "认真", "及时", "联合", "协调", "督促", "指导", "开展", "加快", "对",
}

// assignedBodies reads the bodies named after 由 at folded offset at, when
// what follows them gives them a task: 由国家质检总局、国家标准委尽快发布…
// gives 国家质检总局 and 国家标准委; 由县长主持 gives none. Each body is the
// shortest name that ends as a body's does, run on while a longer one
// follows (市政府 → 市政府办公室).
func assignedBodies(norm string, at int) [][2]int {
	end := at
	for n := 0; end < len(norm) && n < 60; n++ {
		r, size := utf8.DecodeRuneInString(norm[end:])
		if !hanRune(r) && r != '、' {
			break
		}
		end += size
	}
	var out [][2]int
	for i := at; i < end; {
		j, ok := bodyAt(norm[i:end])
		if !ok {
			return nil
		}
		// Read back from its end, the name is the same: no particle or
		// verb inside it (由一个政策局辖下的旅游事务署).
		if a, ok := bodyBefore(norm, i+j); !ok || a != i {
			return nil
		}
		out = append(out, [2]int{i, i + j})
		i += j
		if sep, ok := firstPrefix(norm[i:end], []string{"、", "和", "及"}); ok {
			// 国家质检总局、国家标准委; 国务院安委会办公室和应急管理部.
			if _, ok := bodyAt(norm[i+len(sep) : end]); ok || sep == "、" {
				i += len(sep)
				continue
			}
		}
		if _, ok := firstPrefix(norm[i:end], assignWords); !ok {
			return nil
		}
		return out
	}
	return nil
}

// bodyAt returns the length of the body's name that starts folded s: the
// shortest prefix of three to fourteen characters that ends as a body's
// name does, run on while one ending within four more characters does.
func bodyAt(s string) (int, bool) {
	n, best := 0, -1
	for i, r := range s {
		if r == '、' {
			break
		}
		n++
		if n > 14 || best >= 0 && n > runeCount(s[:best])+4 {
			break
		}
		end := i + utf8.RuneLen(r)
		if _, ok := bodyEnd(s[:end]); ok && n >= 3 && !genericBody(s[:end]) {
			best = end
		}
	}
	return best, best > 0
}

// reviewCommitteeRE matches a council's review committee, folded: 第三審查會.
var reviewCommitteeRE = regexp.MustCompile(`第[一二三四五六七八九十]{1,2}审查会`)

// houseGroup reports whether folded name is a group a standing committee
// sends out to inspect or study (常委会执法检查组, 全国人大常委会专题调研组)
// in that committee's own record: the house itself at work, no body of
// its own.
func houseGroup(issuer, name string) bool {
	if !strings.Contains(issuer, "常委会") && !strings.Contains(issuer, "常务委员会") {
		return false
	}
	_, ok := firstSuffix(name, []string{"检查组", "调研组", "视察组"})
	return ok
}

// governmentBeforeCongress reports whether a folded name is the State
// Council in a record of the National People's Congress or its standing
// committee: the government sends its bills and reports (审议了国务院关于…
// 的报告), which its ministers present; a clerk files the ministries that
// report, not the government above them.
func governmentBeforeCongress(issuer, name string) bool {
	return strings.HasSuffix(name, "国务院") && (strings.Contains(issuer, "全国人民代表大会") || strings.Contains(issuer, "全国人大"))
}

// actsAfterName reports whether the folded text after a head's title is
// the head's name and then what the head did in the meeting (许甘露受国务院
// 委托作的报告, 周强代表最高人民法院作了说明).
func actsAfterName(rest string) bool {
	for n, i := 0, 0; n < 3 && i < len(rest); n++ {
		_, size := utf8.DecodeRuneInString(rest[i:])
		i += size
		if n >= 1 {
			if _, ok := firstPrefix(rest[i:], []string{"受", "代表", "作了", "作的", "作关于"}); ok {
				return true
			}
		}
	}
	return false
}

// ownGovernment reports whether folded name is the issuing government
// written short by its level (区政府, 县府 in a 县人民政府's record).
func ownGovernment(issuer, name string) bool {
	if !strings.HasSuffix(issuer, "人民政府") {
		return false
	}
	rs := []rune(name)
	return len(rs) >= 2 && strings.ContainsRune(levelChars, rs[0]) && (string(rs[1:]) == "政府" || string(rs[1:]) == "府")
}

// requestedBody reads the body named at folded offset at, after a request's
// verb (建請|經濟部水利署中區水資源局興建…): the longest run of up to
// maxBodyRunes characters that ends as a body's name does and holds no
// particle or verb (bodyBefore reads it back whole); 縣府 and 市府, the
// government written short, too.
func requestedBody(norm string, at int) (int, int, bool) {
	for _, short := range []string{"县府", "市府"} {
		if strings.HasPrefix(norm[at:], short) {
			return at, at + len(short), true
		}
	}
	var ends []int
	n := 0
	for i, r := range norm[at:] {
		if !hanRune(r) || n >= maxBodyRunes {
			break
		}
		n++
		end := at + i + utf8.RuneLen(r)
		// 台塑公司: a company is no body of government.
		if _, ok := bodyEnd(norm[at:end]); ok && !strings.HasSuffix(norm[at:end], "公司") {
			ends = append(ends, end)
		}
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if a, ok := bodyBefore(norm, ends[k]); ok && a == at {
			return at, ends[k], true
		}
	}
	return 0, 0, false
}

// governmentName writes a government named short (縣府, 市府) in full
// (縣政府, 市政府), as a clerk lists it; other names as they are.
func governmentName(name string) string {
	if rs := []rune(name); len(rs) == 2 && (rs[1] == '府') {
		return string(rs[0]) + "政府"
	}
	return name
}

// splitOffice splits an office named with its bureau (社會局社會救助科,
// 工務局建築管理處) into the bureau and the office, which a clerk lists
// each by its own name. A police station under its precinct (鳳山分局忠孝
// 派出所) is named by both and stays whole.
func splitOffice(name string) (bureau, office string, ok bool) {
	f := fold.String(name)
	if _, isOffice := firstSuffix(f, []string{"科", "处", "室", "组"}); !isOffice {
		return "", "", false
	}
	rs := []rune(name)
	fr := []rune(f)
	for i := 2; i < len(fr)-2; i++ {
		head := string(fr[:i])
		if _, ok := firstSuffix(head, []string{"局", "委员会", "署"}); !ok || strings.HasSuffix(head, "分局") {
			continue
		}
		if len(fr)-i < 3 {
			return "", "", false
		}
		return string(rs[:i]), string(rs[i:]), true
	}
	return "", "", false
}

// bodyEnd returns the ending of a body's name that folded s ends with.
func bodyEnd(s string) (string, bool) {
	e, ok := firstSuffix(s, bodyEnds)
	if _, done := firstSuffix(s, doneByVerbs); done && (e == "办" || e == "署") {
		return "", false
	}
	if e == "委会" && strings.HasSuffix(s, "常委会") {
		// 安委会 and 军委会 are bodies; a congress's 常委会 is the house
		// itself, named as such only in full.
		return "", false
	}
	return e, ok
}

// bodyBefore reads the body whose name ends at folded offset at: the run of
// Han characters before it, cut after the last particle or verb, when it
// ends as a body's name does and is three to fourteen characters long.
func bodyBefore(norm string, at int) (int, bool) {
	// 板橋區公所　預算數: the name may stand a space before the trigger.
	at = len(strings.TrimRight(norm[:at], " "))
	i := at
	for n := 0; i > 0 && n < maxBodyRunes+2; n++ {
		r, size := utf8.DecodeLastRuneInString(norm[:i])
		if !hanRune(r) {
			break
		}
		i -= size
	}
	run := norm[i:at]
	for _, w := range bodyCutWords {
		k := strings.LastIndex(run, w)
		// 研究發展考核委員會, 办公厅研究室, 某研究院: a name holds 研究, and
		// the verb is an earlier one (会议研究办公厅研究室…).
		for w == "研究" && k >= 0 && researchName(run[k+len(w):]) {
			k = strings.LastIndex(run[:k], w)
		}
		if k >= 0 {
			i += k + len(w)
			run = norm[i:at]
		}
	}
	// 100年度地方總預算案文化局, 修正案翡翠水庫管理局: no body's name
	// holds a bill (案), though 档案局 holds the word.
	for k := strings.LastIndex(run, "案"); k >= 0; k = strings.LastIndex(run[:k], "案") {
		// 提案委员会 is a committee named for its matter.
		if !strings.HasSuffix(run[:k], "档") && !contains(bodyEnds, run[k+len("案"):]) {
			i += k + len("案")
			// …修正案草案和国务院关于…的决定草案: the next body after
			// the bill's 和.
			i += len(prefixOf(norm[i:at], "和"))
			run = norm[i:at]
			break
		}
	}
	// 財經事務及庫務局 and 自然资源和规划局 are one body; 县财政局及县审计局
	// and 市商务局和财政局 two, the part before the 和 a body already.
	// (国家发展改革委和住房和城乡建设部: the 和 after a body's name, not
	// the last one.)
	for _, w := range []string{"及", "和", "与"} {
		for k := strings.LastIndex(run, w); k >= 0; k = strings.LastIndex(run[:k], w) {
			if _, ok := bodyEnd(run[:k]); ok {
				i += k + len(w)
				run = norm[i:at]
				break
			}
		}
	}
	// 「某法修正草案」交財政委員會審查: the bill is referred (交) to the
	// committee, whose name does not hold the verb (交通委員會 does, and
	// 交交通委員會 refers to it).
	// (編列議程報告事項交全院委員會, 送交立法院: the last 交 that refers;
	// not 外交 nor 交通.)
	for k := strings.LastIndex(run, "交"); k >= 0; k = strings.LastIndex(run[:k], "交") {
		if strings.HasSuffix(run[:k], "外") || strings.HasSuffix(run[:k], "社") || strings.HasPrefix(run[k:], "交通") && !strings.HasPrefix(run[k:], "交交通") {
			continue
		}
		// (县交运局 is 交通运输局 written short.)
		if _, ok := bodyEnd(run[k+len("交"):]); ok && runeCount(run[k+len("交"):]) >= 3 {
			i += k + len("交")
			run = norm[i:at]
		}
		break
	}
	// (即發展局), ，即規劃署: namely the bureau, after a bracket or a comma;
	// elsewhere 即 may start a place's name.
	if rest, ok := strings.CutPrefix(run, "即"); ok && runeCount(rest) >= 3 && strings.ContainsRune("(,", lastRune(norm[:i])) {
		i += len("即")
		run = rest
	}
	// 相关专门委员会, 有关委员会: the bodies concerned, none named.
	if _, ok := firstSuffix(norm[:i], []string{"有关", "相关"}); ok {
		return 0, false
	}
	// 国务院副总理汪洋代表国务院作了…报告, 代表政府: the body a person
	// speaks for (but 常委会代表资格审查委员会, 代表工作委员会: the deputies').
	if k := strings.LastIndex(run, "代表"); k >= 0 {
		_, deputies := firstSuffix(run[:k], []string{"人大", "常委会", "大会", "全国"})
		_, theirs := firstPrefix(run[k+len("代表"):], []string{"资格", "工作", "团", "选举", "联络", "议案", "建议"})
		if !deputies && !theirs {
			i += k + len("代表")
			run = norm[i:at]
		}
	}
	// 5家銀行簽署, 兩間公司: a count of bodies, none named.
	if r, _ := utf8.DecodeLastRuneInString(norm[:i]); r >= '0' && r <= '9' || strings.ContainsRune("一二两三四五六七八九十百几多数", r) {
		if _, counted := firstPrefix(run, []string{"家", "间", "个", "所"}); counted {
			return 0, false
		}
	}
	for run != "" && strings.ContainsRune(bodyNoStart, []rune(run)[0]) {
		_, size := utf8.DecodeRuneInString(run)
		i += size
		run = norm[i:at]
	}
	if _, ok := bodyEnd(run); !ok || genericBody(run) || contains(bodyEnds, run) {
		return 0, false
	}
	if c := runeCount(run); c < 3 || c > maxBodyRunes {
		return 0, false
	}
	return i, true
}

// bodyAfter reads the body whose name starts at folded offset at (会同法务
// 部先行研议): the shortest run of three Han characters or more from there
// that ends as a body's name does where the next one or two characters do
// not go on with it (专门委 goes on to 专门委员会), and names no bodies in
// general (有关专门委员会). It returns where the name ends.
func bodyAfter(norm string, at int) (int, bool) {
	var ends []int
	i := at
	for n := 0; i < len(norm) && n < maxBodyRunes; n++ {
		r, size := utf8.DecodeRuneInString(norm[i:])
		if !hanRune(r) {
			break
		}
		i += size
		ends = append(ends, i)
	}
	isBody := func(k int) bool {
		_, ok := bodyEnd(norm[at:ends[k]])
		return ok
	}
	for k := 2; k < len(ends); k++ {
		if !isBody(k) || k+1 < len(ends) && isBody(k+1) || k+2 < len(ends) && isBody(k+2) {
			continue
		}
		name := norm[at:ends[k]]
		if genericBody(name) || contains(bodyEnds, name) || strings.Contains(name, "有关") || strings.Contains(name, "相关") {
			return 0, false
		}
		return ends[k], true
	}
	return 0, false
}

// maxBodyRunes bounds a body's name read back from where it acts: 自治县人大
// 常委会代表资格审查委员会 has 17 characters.
const maxBodyRunes = 18

// genericBody reports whether a folded name stands for bodies in general
// (各级政府, 市级以上政府, 有关部门), not for one body.
func genericBody(f string) bool {
	if _, ok := firstPrefix(f, []string{"各", "有关", "相关", "其他", "其它", "所属", "上级", "下级", "该"}); ok {
		return true
	}
	// 第三組審查結果: a budget's review group by its number, no body.
	if rest, ok := strings.CutPrefix(f, "第"); ok {
		if _, size, num := cnum.Prefix(rest); num && (rest[size:] == "组" || rest[size:] == "小组") {
			return true
		}
	}
	// 有关专门委员会、工作委员会: a kind of body, none named.
	switch f {
	case "工作委员会", "专门委员会", "委员会":
		return true
	}
	// 兩個局, 三个部门: a count of bodies, none named.
	return strings.Contains(f, "以上") || strings.Contains(f, "以下") || strings.Contains(f, "级") || strings.Contains(f, "两委") || strings.Contains(f, "相关") || strings.Contains(f, "个")
}

// headedBody returns the body a title says its holder heads: 工務局長 →
// 工務局, 運輸及房屋局局長 → 運輸及房屋局; empty for a title that names none.
func headedBody(title string) string {
	f := fold.String(title)
	// (一)行政院公共工程委員會主任委員: a point's number is no part of it.
	if n := itemMarkerLen(f); n > 0 && runeCount(f[:n]) < runeCount(f) {
		title = string([]rune(title)[runeCount(f[:n]):])
		f = f[n:]
	}
	for _, w := range []string{"了", "由", "听取", "审议", "会议", "邀请"} {
		if i := strings.LastIndex(f, w); i >= 0 {
			// 会议听取了最高人民法院院长: what the meeting did is no title.
			title = string([]rune(title)[runeCount(f[:i+len(w)]):])
			f = f[i+len(w):]
		}
	}
	for _, t := range []string{"分局长", "大队长", "局长", "处长", "主任委员", "主委", "署长", "审计长", "部长", "院长", "检察长", "行长", "所长", "队长", "科长", "主任", "主席", "司令员"} {
		if !strings.HasSuffix(f, t) {
			continue
		}
		body := strings.TrimSuffix(f, t)
		if t == "主席" && !strings.HasSuffix(body, "监会") {
			// 证监会主席 heads a commission; the 主席 of a house or a
			// meeting chairs it.
			return ""
		}
		if body == "" || body == "副" {
			return ""
		}
		if b, ok := strings.CutSuffix(body, "副"); ok {
			// 中共中央统战部常务副部长, 第一副主任: a deputy's rank is no
			// part of the body.
			body = b
			for _, rank := range []string{"常务", "执行", "第一", "专职"} {
				if b, ok := strings.CutSuffix(body, rank); ok {
					body = b
					break
				}
			}
		}
		// 城鄉局代局長, 環保局代理局長: the acting head of 城鄉局.
		for _, acting := range []string{"代理", "代"} {
			if b, ok := strings.CutSuffix(body, acting); ok {
				body = b
				break
			}
		}
		unit := string([]rune(t)[0])
		if !strings.HasSuffix(body, unit) && (unit == "局" || unit == "处" || unit == "署" || unit == "部") {
			body += unit
		}
		if _, ok := bodyEnd(body); !ok || runeCount(body) < 3 {
			return ""
		}
		rs := []rune(title)
		return string(rs[:min(len(rs), runeCount(body))])
	}
	return ""
}

// orgsBeforeTitledNames returns the bodies written right before a person
// with a title inside the name: 消防局陳局長虹龍 → 消防局. One pass over the
// text's 长 finds the titles.
func orgsBeforeTitledNames(p *page) []placedName {
	var out []placedName
	for _, last := range []string{"长", "委", "员"} { // 局長, 主委, 主任委員
		out = append(out, orgsBeforeTitles(p, last)...)
	}
	return out
}

// orgsBeforeTitles is orgsBeforeTitledNames for the titles that end with
// last.
func orgsBeforeTitles(p *page, last string) []placedName {
	var out []placedName
	for i := range occurrences(p.norm, last) {
		end := i + len(last)
		// Longest first: 新興分局鄭分局長, 刑事警察大隊紀大隊長,
		// 環境保護局陳代理局長, 經濟發展局黃副局長.
		for _, t := range []string{"代理局长", "副分局长", "分局长", "大队长", "副局长", "局长", "副处长", "处长", "署长", "队长", "所长", "院长", "部长", "厂长", "科长", "副主委", "主委", "副主任委员", "主任委员"} {
			if !strings.HasSuffix(p.norm[:end], t) {
				continue
			}
			at := end - len(t)
			// The surname before the title, and the body before it.
			r, size := utf8.DecodeLastRuneInString(p.norm[:at])
			if !foldedSurname(r) {
				break
			}
			if a, ok := bodyBefore(p.norm, at-size); ok && runeCount(p.norm[a:at-size]) <= 10 {
				out = append(out, placedName{p.show(a, at-size), a})
			}
			break
		}
	}
	return out
}

// placedName is a name read at a folded offset.
type placedName struct {
	name string
	at   int
}

// spans are sorted, disjoint [start, end) spans of folded text.
// inTitle reports whether folded offset at is inside a quoted title on its
// line (修正「交通部觀光局審查觀光遊樂業籌設許可收費標準」): a body named
// there is part of the document's name, not acting.
func inTitle(p *page, at int) bool {
	// A title is short: the quotes that open one are near.
	depth := 0
	for _, r := range p.norm[max(p.lines[p.lineAt(at)][0], at-maxTitleBytes):at] {
		switch r {
		case '「', '《', '『', '“':
			depth++
		case '」', '》', '』', '”':
			depth = max(0, depth-1)
		}
	}
	return depth > 0
}

// maxAnsweringOfficers is how many officials may attend a sitting to answer
// for its business: more, and the government attends as a whole.
const maxAnsweringOfficers = 8

// maxTitleBytes bounds how far back inTitle looks for a title's opening
// quote: 100 characters, so that a line of many triggers costs linear time.
const maxTitleBytes = 300

type spans [][2]int

// proposedAgenda returns the spans of folded text that propose another
// meeting's business: the sentences in which a chairmen's meeting
// proposes (建议) what a session will examine (委员长会议建议，常委会第五次
// 会议审议…；审议国务院关于…的议案; 建议的…会议议程还有：审议…). The bodies
// named there act in that session, not in the meeting reported.
func proposedAgenda(norm string) spans {
	var out spans
	for at := range occurrences(norm, "建议") {
		if len(out) > 0 && at < out[len(out)-1][1] {
			continue // in the sentence already found
		}
		// Within a window either side, so that a text of nothing but the
		// word costs linear time.
		w := max(0, at-maxSentence)
		start := w + afterLast(norm[w:at], "。\n")
		// 委员长会议建议, 主任会议建议的…议程, 会议决定…召开…，建议议程
		// 是: the meeting proposes; a member's or a bureau's 建議 (本案經
		// 民政局建議列入下次會議議程) proposes nothing for a session.
		_, byKind := firstSuffix(norm[max(0, at-len("委员长会议")):at], meetingKindSubjects)
		if _, bySubject := firstPrefix(strings.TrimLeft(norm[start:at], " "), meetingSubjects); !byKind && !bySubject {
			continue
		}
		rest := norm[at:min(len(norm), at+maxSentence)]
		end := at + strings.IndexAny(rest+"。", "。\n")
		rest = norm[at:end]
		if !sessionExamines(rest) && !strings.Contains(rest, "议程") {
			continue
		}
		if len(out) > 0 && out[len(out)-1][1] >= start {
			out[len(out)-1][1] = max(out[len(out)-1][1], end)
			continue
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

// sessionExamines reports whether a proposal says what a session will
// examine: 常委会第五次会议审议…, 第十次会议继续审议…, 会议首先审议….
func sessionExamines(s string) bool {
	for at := range occurrences(s, "会议") {
		rest := s[at+len("会议"):]
		if strings.HasPrefix(rest, "审议") {
			return true
		}
		if w, ok := firstPrefix(rest, []string{"继续", "首先", "还将", "将", "还要"}); ok && strings.HasPrefix(rest[len(w):], "审议") {
			return true
		}
	}
	return false
}

// maxSentence bounds in bytes a sentence read around a word.
const maxSentence = 2000

// holds reports whether a span holds folded offset at.
func (s spans) holds(at int) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i][1] > at })
	return i < len(s) && s[i][0] <= at
}

// speeches returns the speeches of a transcript: from a line headed by a
// speaker (陳院長冲：…, * 簡委員東明：…, 主席：…) through the indented lines
// that continue it, and the written questions on the table and their
// answers (writtenQuestion). The bodies a speaker talks about (一般都會向警察局
// 報案) are not bodies acting in the meeting; the agenda's lines around the
// speeches name those.
func (p *page) speeches() spans {
	if p.talkDone {
		return p.talk
	}
	p.talk, p.talkDone = readSpeeches(p), true
	return p.talk
}

func readSpeeches(p *page) spans {
	var out spans
	in, heard := false, false // in a speech; a speech was heard
	reasons := false          // in the reasons of a motion (說明：一、…)
	answering := false        // in a speech's answer announced in parts (…如下：)
	for k := range p.lines {
		line := p.line(k)
		body := strings.TrimLeft(line, " \t")
		start := p.lines[k][0]
		switch {
		case heard && strings.TrimSpace(body) == "说明:":
			// A motion's reasons, below its text, argue as its movers
			// do in their speech: they end where its signers are named.
			in, reasons = true, true
		case reasons && !strings.HasPrefix(body, "提案人") && !strings.HasPrefix(body, "连署人") && !speakerHeading(body):
			in = true
		case speakerHeading(strings.TrimLeft(body, "*-•· ")):
			// The speech starts after the heading: the speaker's own
			// title (民政事務局局長：) names who answers.
			in, heard = true, true
			start += strings.IndexByte(line, ':')
		case in && (body == "" || len(body) < len(line) && !strings.ContainsAny(body[:1], "*-•·0123456789")):
			// A blank line, or an indented one that starts no item of
			// a list, goes on with the speech.
		case in && strings.HasSuffix(strings.TrimSpace(body), "如下:"):
			// 我的答覆如下：⏎(一) …⏎(二) 由運輸署管轄的…: an answer's
			// parts, numbered, go on with the speech (not a resolution's,
			// 議決：⏎（一）…, which no speaker announces).
			answering = true
		case in && answering && answerPart(body):
		case (in || heard) && speechProse(body):
			// So does a paragraph of prose (a record of proceedings
			// sets each of a speech's paragraphs flush left), after a
			// short line that broke it too (（代理主席…）).
			in = true
		case writtenQuestion(body):
			// A written question on the table, or its answer, is a
			// member's talk too.
			in = true
		default:
			in = false
		}
		if !in || speakerHeading(body) {
			answering = false // the answer, or the speech, is over
		}
		if reasons && (strings.HasPrefix(body, "提案人") || strings.HasPrefix(body, "连署人") || speakerHeading(body)) {
			reasons = false
		}
		if in {
			if n := len(out); n > 0 && out[n-1][1]+1 >= start {
				out[n-1][1] = p.lines[k][1]
			} else {
				out = append(out, [2]int{start, p.lines[k][1]})
			}
		}
	}
	return out
}

// requestVerbs are what a member's request asks a body to do (請市府提供…,
// 請主計處說明…), folded.
var requestVerbs = []string{"提供", "说明", "查明", "研处", "研议", "办理", "检讨", "补充", "提出", "就", "送"}

// requestParts returns the spans, in a folded line of a member's request,
// of each part's request after its 請: the line's own ((一)請城鄉局提供…)
// and those of parts numbered inside it (…下列資料：1.請工務局提供…。2.請城
// 鄉局提供…), each up to the next part or its stop.
func requestParts(l string) [][2]int {
	var starts []int
	if rest, ok := strings.CutPrefix(l[itemMarkerLen(l):], "请"); ok {
		starts = append(starts, len(l)-len(rest))
	}
	for at := range occurrences(l, "请") {
		// 1.請, 2、請: a part's number after a colon or a stop.
		// (Within a few bytes: a part's number is short.)
		w := max(0, at-maxPartNumber)
		k := strings.LastIndexAny(l[w:at], ":。;")
		if k < 0 {
			continue
		}
		_, size := utf8.DecodeRuneInString(l[w+k:])
		s := w + k + size
		s += len(l[s:at]) - len(strings.TrimLeft(l[s:at], " "))
		if n := itemMarkerLen(l[s:at]); n > 0 && strings.TrimSpace(l[s+n:at]) == "" && isDigitByte(l[s]) {
			starts = append(starts, at+len("请"))
		}
	}
	out := make([][2]int, 0, len(starts))
	for k, from := range starts {
		to := len(l)
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		if i := strings.Index(l[from:to], "。"); i >= 0 {
			to = from + i
		}
		out = append(out, [2]int{from, to})
	}
	return out
}

// maxPartNumber bounds in bytes a part's number and the spaces around it
// before its 請 (：1.請, 。 2、請).
const maxPartNumber = 16

// maxRequestLines is how many lines a member's request runs to, its
// numbered parts and their wrapped lines.
const maxRequestLines = 30

// executiveActs returns where folded text first shows the Executive Yuan
// acting in a sitting of the Legislative Yuan: sending it business in a
// letter (行政院函請審議「…」案, 行政院函送…), its head before the house
// (行政院蘇院長貞昌), or questioned by it (向行政院提出質詢). The Yuan the
// legislature answers to is a department of its record where it acts so;
// named otherwise (行政院院長率同…列席, in an agenda still to come) it is
// not.
func executiveActs(norm string) (int, bool) {
	const name = "行政院"
	for at := range occurrences(norm, name) {
		next := norm[at+len(name):]
		if strings.HasPrefix(next, "函") || strings.HasPrefix(norm[:at], "向") && strings.HasPrefix(strings.TrimLeft(next, " "), "提出") {
			return at, true
		}
		if r, size := utf8.DecodeRuneInString(next); foldedSurname(r) && strings.HasPrefix(next[size:], "院长") {
			return at, true
		}
	}
	return 0, false
}

// requestHeading reports whether a folded line heads a member's request to
// the executive in a council's summary minutes: 三、李議員婉鈺要求：.
func requestHeading(l string) bool {
	l = strings.TrimSpace(l)
	head, ok := strings.CutSuffix(l, "要求:")
	return ok && runeCount(head) <= 14 && strings.Contains(head, "议员")
}

// writtenQuestion reports whether a folded line is an item of a list of the
// written questions laid on the table or of their answers: 125. 行政院函送
// 賴委員士葆就…所提質詢之書面答復，請查照案; 588. 本院王委員昱婷，針對…. The
// bodies they name are what a member asks about, not bodies acting in the
// sitting.
func writtenQuestion(line string) bool {
	i := 0
	for i < len(line) && isDigitByte(line[i]) {
		i++
	}
	if i == 0 || !strings.HasPrefix(line[i:], ".") && !strings.HasPrefix(line[i:], "、") {
		return false
	}
	rest := strings.TrimLeft(line[i:], ".、 ")
	if strings.Contains(rest, "书面答复") || strings.Contains(rest, "书面质询") {
		return true
	}
	// 本院王委員昱婷，針對…: a member's question, headed by who asks.
	head, ok := strings.CutPrefix(rest, "本院")
	k := strings.IndexByte(head, ',')
	return ok && k > 0 && runeCount(head[:k]) <= 8 && strings.Contains(head[:k], "委员")
}

// speechProse reports whether a folded line reads as a paragraph of a
// speech: long, with the commas and stops of sentences, and no number or
// label that would make it an item of the agenda (乙、質詢事項, 一、…, (一)).
func speechProse(line string) bool {
	if runeCount(line) < 40 || !strings.Contains(line, ",") {
		return false
	}
	if strings.ContainsAny(line[:1], "*-•·0123456789(") {
		return false
	}
	if i := strings.Index(line, "、"); i > 0 && i <= 9 && (isNumeral(line[:i]) || strings.ContainsRune("甲乙丙丁戊己庚辛壬癸", []rune(line)[0]) && runeCount(line[:i]) == 1) {
		return false
	}
	if k, _, _, ok := splitLabel(line); ok && runeCount(k) <= 6 {
		return false
	}
	return true
}

// answerPart reports whether a folded line is a numbered part of an
// answer: a bracketed number ((二), (2)) before a sentence.
func answerPart(line string) bool {
	loc := entryMarkerRE.FindStringIndex(line)
	return loc != nil && loc[0] == 0 && runeCount(line[loc[1]:]) >= 10 && strings.ContainsAny(line[loc[1]:], ",。;")
}

// speakerHeading reports whether a folded line starts with a speaker's
// heading: a name with a title (陳院長冲, 涂謹申議員) or 主席, in at most
// twelve characters before a colon; not a body's opinion (程序委員會意見：).
func speakerHeading(line string) bool {
	line = strings.TrimSpace(line)
	// Folded text writes the colon ':'; a heading's is within its first
	// twelve characters.
	k := strings.IndexByte(line[:min(len(line), 12*utf8.UTFMax+1)], ':')
	if k <= 0 {
		return false
	}
	head := line[:k]
	if c := runeCount(head); c > 12 {
		return false
	}
	for _, r := range head {
		if !hanRune(r) && r != '·' {
			return false
		}
	}
	// 主席, 涂謹申議員, 民政事務局局長: ends with a title.
	for _, t := range innerTitles {
		if strings.HasSuffix(head, t) {
			return true
		}
	}
	// 陳院長冲, 孫主任委員大川: surname, title, given name.
	r, size := utf8.DecodeRuneInString(head)
	if !foldedSurname(r) {
		return false
	}
	t, ok := firstPrefix(head[size:], innerTitles)
	return ok && runeCount(head[size+len(t):]) <= 3
}
