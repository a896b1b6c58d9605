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

// Councils record what they decided in forms of their own: a motion and its
// result in brackets (主席…提：擬延長開會時間，俟…散會，請同意案。(無異議通過)),
// and the chair's rulings (主席裁定：請照辦。). A clerk files the motion's
// matter with its result, and the ruling as the chair's decision.

// motionResultRE matches a bracketed result after a motion, folded, also
// where it says the motion was seconded first (（經在場議員附議後，無異議通過）).
var motionResultRE = regexp.MustCompile(`[(（]\s*(?:经在场议员附议后\s*,\s*)?(无异议通过|照案通过|修正通过|通过|不通过|否决|保留)\s*[)）]`)

// motionTitleRE matches a motion named by its quoted title, folded:
// "積極研究成立中產事務委員會"所提出的議案.
var motionTitleRE = regexp.MustCompile(`["“「]([^"”」\n]{4,60})["”」]\s*(?:所提出的|的)?(?:议案|原议案)`)

// questionPut reads the question a legislature's chair put before the
// result announced at folded offset at (我現在向各位提出的待決議題是：全體委
// 員會現即休會待續。): the matter itself, or what a member's motion moves
// (…動議現即將辯論中止待續的議案); not where the question names only whose
// motion it is (陳家洛議員動議的議案), whose title stands before it. A
// question on a bill's clauses (clauseVote) is found with no matter: the
// result decides nothing of its own.
func questionPut(p *page, at int) (string, bool) {
	head := p.norm[max(0, at-maxQuestionDebate):at]
	k, w := -1, ""
	for _, q := range []string{"待决议题是:", "待议议题是:"} {
		if i := strings.LastIndex(head, q); i > k {
			k, w = i, q
		}
	}
	if k < 0 || strings.Contains(head[k:], "宣布议案") {
		return "", false
	}
	from := at - len(head) + k + len(w)
	end := from + strings.IndexAny(p.norm[from:at]+"。", "。\n")
	q := p.norm[from:end]
	// …，予以通過; …，予以二讀; 《某條例草案》予以三讀並通過.
	if i := strings.LastIndex(q, ",予以"); i > 0 {
		q = q[:i]
	} else if i := strings.LastIndex(q, "》予以"); i > 0 {
		q = q[:i+len("》")]
	}
	if clauseVote(q) {
		return "", true // put and carried, but no decision of its own
	}
	if i := strings.LastIndex(q, "动议"); i >= 0 {
		moved, ok := strings.CutSuffix(q[i+len("动议"):], "议案")
		if !ok {
			return "", false
		}
		moved = strings.TrimSuffix(moved, "的")
		if runeCount(moved) < 4 {
			return "", false
		}
		from += i + len("动议")
		q = moved
	}
	obj := strings.TrimSpace(p.show(from, from+len(q)))
	obj = strings.TrimSuffix(strings.TrimPrefix(obj, "《"), "》")
	if runeCount(obj) < 4 || strings.Contains(obj, "《") != strings.Contains(obj, "》") {
		return "", false
	}
	return obj, true
}

// motionHeading finds in folded head the last heading of a legislature's
// member's motion (第一項議員議案：…。, or the proposed resolution the chair
// reads out) and returns the span of what it moves: the matter of a
// proposed resolution under an ordinance (ordinanceMatter), else the
// heading's text.
func motionHeading(head string) (int, int, bool) {
	const proposed = "而动议的拟议决议案"
	if k := strings.LastIndex(head, proposed); k > 0 && k > strings.LastIndex(head, "议员议案:") {
		// 議員議案。 根據《釋義及通則條例》就延展…的修訂期限而動議的擬議決議案。: the
		// chair reads the proposed resolution out as its own sentence.
		s := afterLast(head[:k], "。\n:")
		s += len(head[s:k]) - len(strings.TrimLeft(head[s:k], " "))
		if a, b, ok := ordinanceMatter(head[s : k+len(proposed)]); ok {
			if n := runeCount(head[s+a : s+b]); n >= 4 && n <= maxObjectRunes {
				return s + a, s + b, true
			}
		}
	}
	i := strings.LastIndex(head, "议员议案:")
	if i < 0 || !strings.HasSuffix(strings.TrimRight(head[:i], "0123456789一二三四五六七八九十"), "第") && !strings.HasSuffix(head[:i], "项") {
		return 0, 0, false
	}
	a := i + len("议员议案:")
	b := a + strings.IndexAny(head[a:]+"。", "。\n")
	if c, d, ok := ordinanceMatter(head[a:b]); ok {
		a, b = a+c, a+d
	}
	if n := runeCount(head[a:b]); n < 4 || n > maxObjectRunes {
		return 0, 0, false
	}
	return a, b, true
}

// ordinanceMatter returns the span, in folded s, of the matter of a
// proposed resolution under an ordinance (根據《釋義及通則條例》就X而動議的
// 擬議決議案 → X).
func ordinanceMatter(s string) (int, int, bool) {
	if !strings.HasPrefix(s, "根据") {
		return 0, 0, false
	}
	j := strings.Index(s, "就")
	k := strings.LastIndex(s, "而动议")
	if j < 0 || k <= j {
		return 0, 0, false
	}
	return j + len("就"), k, true
}

// maxQuestionDebate bounds how far before its result a question put
// (上述待決議題) may have been read out: a bill's third reading is debated
// at length between the two.
const maxQuestionDebate = 200000

// clauseVote reports whether a folded question put in committee is on a
// bill's clauses (經修正的第5及7條納入本條例草案, 本條例草案增補新訂的第8A條,
// 周某議員的第一項修正案，新訂的第8A條, 以修正第1條): a step of the bill,
// whose third reading is the decision.
func clauseVote(q string) bool {
	return strings.Contains(q, "纳入本条例草案") || strings.Contains(q, "本条例草案增补") || strings.Contains(q, "新订的第") && strings.HasSuffix(q, "条") || strings.HasPrefix(q, "以修正")
}

// motionWords mark the motions a council decided: a bracketed result
// (通过), 無異議通過), and a legislature's announcement (議案獲得通過,
// 議案被否決).
var (
	motionWords    = []string{"通过)", "否决)", "保留)", "通过 )", "议案获得通过", "议案被否决"}
	motionResults  = setOf(motionWords[:4]...)
	motionsCarried = setOf(motionWords[4:]...)
)

// rulingLabels open a chair's ruling, folded.
var rulingLabels = []string{"主席裁定:", "主席裁示:", "裁定:"}

// councilDecisions adds the motions with their results and the chair's
// rulings to the record's items: to the item whose span holds them, or to an
// item of their own.
func (e *Extractor) councilDecisions(p *page, m *Minutes) {
	type found struct {
		at int
		d  Decision
	}
	var all []found
	seen := map[string]bool{}
	// The full names of documents read out, looked up once each.
	names := map[string]string{}
	docName := func(obj string) string {
		if n, ok := names[obj]; ok {
			return n
		}
		names[obj] = documentName(p, obj)
		return names[obj]
	}
	for i := range m.Items {
		for j, d := range m.Items[i].Decisions {
			if !strings.HasPrefix(fold.String(d.Object), "赞成") {
				continue // no vote's count; and no scan of the text for it
			}
			if at := strings.Index(p.norm, fold.String(d.Object)); at >= 0 {
				if v, ok := votedMatter(p, at, d.Object); ok {
					m.Items[i].Decisions[j] = v
				}
			}
		}
	}
	add := func(at int, d Decision) {
		if m, ok := votedMatter(p, at, d.Object); ok {
			d = m
		}
		k := fold2Key(d.Object)
		if runeCount(k) < 2 || seen[k] || budgetSection(fold.String(d.Object)) {
			return
		}
		for _, it := range m.Items {
			for _, x := range it.Decisions {
				if sameObject(fold2Key(x.Object), k) {
					return
				}
			}
		}
		seen[k] = true
		all = append(all, found{at, d})
	}
	var results [][]int
	for range p.wordsIn(motionResults) {
		results = motionResultRE.FindAllStringSubmatchIndex(p.norm, -1)
		break
	}
	for _, loc := range results {
		k := p.lineAt(loc[0])
		lineStart := p.lines[k][0]
		if strings.TrimSpace(p.norm[lineStart:loc[0]]) == "" && k > 0 {
			// The result on a line of its own, under the motion
			// (…請同意案。\n（無異議通過）), perhaps past a page's number
			// and blank lines a PDF's extraction left between them.
			j := k - 1
			for j > 0 && j > k-4 && strings.Trim(p.line(j), " 0123456789") == "" {
				j--
			}
			lineStart = p.lines[j][0]
		}
		head := p.norm[max(lineStart, loc[0]-600):loc[0]]
		i := strings.LastIndex(head, "提:")
		if i < 0 {
			continue
		}
		// 黃議員柏霖提：擬將…抽出繼續審議；主席…徵詢在場議員附議後提：擬
		// 同意抽出即行審議: the chair puts a member's motion to the house,
		// and the motion is what it carried.
		moved := false
		if strings.HasPrefix(head[i+len("提:"):], "拟同意") {
			if j := strings.LastIndex(head[:i], "提:"); j >= 0 {
				i, moved = j, true
			}
		}
		from := loc[0] - len(head) + i + len("提:")
		from += len(prefixOf(p.norm[from:], "拟"))
		to := loc[0]
		// 經綜合多位議員意見，為落實…，建議成立專案調查小組，請同意案: the
		// reasons, then what the chair proposes.
		if k := strings.LastIndex(p.norm[from:to], ",建议"); k >= 0 && !moved {
			from += k + len(",建议")
		}
		if k := strings.IndexAny(p.norm[from:to], ";。"); moved && k > 0 {
			to = from + k // the member's motion, not the chair's question
		}
		body := strings.TrimRight(p.norm[from:to], " \n。.")
		for _, suf := range []string{",请同意案", ",请公决案", ",请公决", ",请同意", "请同意案", "请同意", "案"} {
			// (請 同意, 請同 意: a PDF's line broken inside the words.)
			if i, ok := spacedSuffix(body, suf); ok {
				body = strings.TrimRight(body[:i], " ")
				break
			}
		}
		// 延 長開會時間 ，俟…: without the spaces a PDF's layout left.
		obj := spacedComma.ReplaceAllString(squeezeHanSpaces(p.show(from, from+len(body))), "，")
		add(loc[0], Decision{Verb: p.show(loc[2], loc[3]), Object: obj})
	}
	// A legislature's motion carried (我宣布議案獲得通過): the motion
	// named last before it ("積極研究成立中產事務委員會"的議案).
	for at, word := range p.wordsIn(motionsCarried) {
		// Announced (我宣布議案獲得通過, 他於是宣布議案獲得通過), not said
		// in a speech (如果中止待續議案獲得通過，官員便無需作出回應).
		if clause := p.norm[max(0, at-120)+afterLast(p.norm[max(0, at-120):at], ",。;:\n") : at]; !strings.Contains(clause, "宣布") {
			continue
		}
		verb := p.show(at+len("议案"), at+len(word))
		if obj, ok := questionPut(p, at); ok {
			if obj != "" {
				add(at, Decision{Verb: verb, Object: obj})
			}
			continue
		}
		head := p.norm[max(0, at-50000):at]
		locs := motionTitleRE.FindAllStringSubmatchIndex(head, -1)
		base := at - len(head)
		if a, b, ok := motionHeading(head); ok && (len(locs) == 0 || a > locs[len(locs)-1][0]) {
			// 第一項議員議案：根據《釋義及通則條例》就延展…的修訂期限而動議
			// 的擬議決議案。 … 何某議員動議的議案，予以通過: the motion
			// the agenda heads, whose question names only its mover.
			add(at, Decision{Verb: verb, Object: p.show(base+a, base+b)})
			continue
		}
		if len(locs) == 0 {
			continue
		}
		l := locs[len(locs)-1]
		// 我動議若稍後…再進行記名表決，表決須在鐘聲響起1分鐘後進行: a
		// procedural motion moved after the motion named last is what
		// carried, by its last clause.
		if k := strings.LastIndex(head, "我动议"); k >= 0 && base+l[0] < base+k+len("我动议")+fullSentenceLen(p.norm[base+k+len("我动议"):min(len(p.norm), base+k+600)]) {
			from := base + k + len("我动议")
			end := from + fullSentenceLen(p.norm[from:min(len(p.norm), from+600)])
			moved := p.norm[from:end]
			if c := afterLast(moved, ","); !strings.Contains(moved, "议案") || c > 0 && !strings.Contains(moved[c:], "议案") {
				if obj := strings.TrimSpace(p.show(from+c, end)); runeCount(obj) >= 4 {
					add(at, Decision{Verb: verb, Object: obj})
					continue
				}
			}
		}
		add(at, Decision{Verb: verb, Object: p.show(base+l[2], base+l[3])})
	}
	// 主席：本案作如下決定：「函請行政院研處。」請問院會，有無異議？（無）
	// 無異議，通過: the chair's wording, carried.
	for _, w := range wordedLabels {
		for at := range occurrences(p.norm, w) {
			if d, ok := wordedDecision(p, at+len(w)); ok {
				for _, c := range numberedClauses(d) {
					add(at, c)
				}
			}
		}
	}
	// 主席：請問院會，對以上朝野黨團協商結論有無異議？（無）無異議，通過:
	// what the chair names, carried.
	for at := range occurrences(p.norm, "有无异议") {
		// The chair's sentence, within a window that keeps a text of
		// nothing but this phrase linear.
		w := max(0, at-600)
		if d, ok := chairProposal(p, w, at); ok {
			add(at, d)
			continue
		}
		start := w + afterLast(p.norm[w:at], "。\n:,?")
		k := strings.Index(p.norm[start:at], "对")
		if k < 0 || !strings.HasPrefix(p.norm[at:min(len(p.norm), at+40)], "有无异议?(无)无异议,通过") {
			continue
		}
		from := start + k + len("对")
		// 對以上二項朝野協商結論, 對上述朝野協商結論, 對本案朝野協商結論:
		// what was read, however the chair points back to it.
		for _, w := range []string{"以上", "上述", "本案"} {
			from += len(prefixOf(p.norm[from:], w))
		}
		if n, size, ok := cnum.Prefix(p.norm[from:]); ok && n > 0 && strings.HasPrefix(p.norm[from+size:], "项") {
			from += size + len("项")
		}
		// …通過。本案進行討論時，逕依協商結論處理: the conclusion settles how a
		// bill is handled; the bill's own result is the decision.
		if strings.Contains(p.norm[at:min(len(p.norm), at+160)], "迳依") {
			continue
		}
		if obj := strings.TrimSpace(p.show(from, at)); runeCount(obj) >= 4 {
			vAt := at + len("有无异议?(无)无异议,")
			add(at, carried(p, vAt, docName(obj)))
		}
	}
	// 主席：朝野黨團協商結論已經宣讀完畢，請問院會，有無異議？（無）無異議，
	// 通過: what was read out, carried.
	for at := range occurrences(p.norm, "宣读完毕") {
		// 已經宣讀完畢, 已宣讀完畢.
		switch {
		case strings.HasSuffix(p.norm[:at], "已经"):
			at -= len("已经")
		case strings.HasSuffix(p.norm[:at], "已"):
			at -= len("已")
		default:
			continue
		}
		after := p.norm[at:min(len(p.norm), at+200)]
		i := strings.Index(after, "无异议,通过")
		if i < 0 || strings.ContainsAny(after[:i], "。\n") && !strings.Contains(after[:i], "(无)") {
			continue
		}
		start := afterLast(p.norm[:at], "。\n:,")
		if obj := strings.TrimSpace(p.show(start, at)); runeCount(obj) >= 4 {
			vAt := at + i + len("无异议,")
			add(at, carried(p, vAt, docName(obj)))
		}
	}
	// 贊成八月九日朝野協商結論通過者請按「贊成」…。主席：報告表決結果：在場委
	// 員八十五人，贊成者八十四人，…多數，通過。: the matter put to the
	// vote, carried.
	for at := range occurrences(p.norm, "表决结果:") {
		r := at + len("表决结果:")
		sent := p.norm[r:min(len(p.norm), r+300)]
		if i := strings.Index(sent, "。"); i >= 0 {
			sent = sent[:i]
		}
		v := strings.LastIndex(sent, ",通过")
		if v < 0 || strings.TrimSpace(sent[v+len(",通过"):]) != "" {
			continue
		}
		head := p.norm[max(0, at-600):at]
		// The last 贊成X通過者 (not the 「贊成」 of the voting buttons).
		a, b := -1, -1
		for k := strings.LastIndex(head, "赞成"); k >= 0; k = strings.LastIndex(head[:k], "赞成") {
			if i := strings.Index(head[k:min(len(head), k+120)], "通过者"); i > len("赞成") {
				a, b = k, i
				break
			}
		}
		if a < 0 {
			continue
		}
		base := at - len(head) + a + len("赞成")
		from, to := base, at-len(head)+a+b
		from += len(prefixOf(p.norm[from:to], "依照"))
		// 八月九日朝野協商結論: the day it was reached is no part of
		// its name.
		if _, _, end, ok := monthDay(p.norm[from:to], 0); ok {
			from += end
		}
		// 贊成本條照審查條文通過者: an article of the bill being read,
		// whose reading is the decision.
		if strings.HasPrefix(p.norm[from:to], "本条") {
			continue
		}
		if obj := strings.TrimSpace(p.show(from, to)); runeCount(obj) >= 4 {
			vAt := r + v + len(",")
			add(at, carried(p, vAt, docName(obj)))
		}
	}
	// 我正式宣布曾鈺成議員當選本屆立法會主席: an election's result, as the
	// chair of the election announces it.
	for at := range occurrences(p.norm, "当选") {
		from := max(0, at-120)
		from += afterLast(p.norm[from:at], "。!?\n")
		k := strings.LastIndex(p.norm[from:at], "宣布")
		if k < 0 {
			// 王委員金平得票八十五票，超過…之票數，當選為本院院長: a
			// ballot's result, the office filled.
			if office, ok := strings.CutPrefix(p.norm[at:], "当选为"); ok && strings.Contains(p.norm[from:at], "得票") {
				start := at + len("当选为")
				end := start + fullSentenceLen(office[:min(len(office), 90)])
				if obj := strings.TrimRight(p.show(start, end), "。. "); runeCount(obj) >= 2 {
					add(at, Decision{Verb: p.show(at, at+len("当选")), Object: obj})
				}
			}
			continue
		}
		start := from + k + len("宣布")
		end := at + fullSentenceLen(p.norm[at:min(len(p.norm), at+120)])
		if i := strings.IndexAny(p.norm[at:end], ",;:"); i >= 0 {
			end = at + i
		}
		if obj := strings.TrimSpace(p.show(start, end)); runeCount(obj) >= 6 {
			add(at, Decision{Verb: p.show(from+k, start), Object: obj})
		}
	}
	// Nominations the house confirmed by vote.
	for k := range linesWith(p, confirmedWords...) {
		if d, ok := confirmation(p, k); ok {
			add(d.at, d.Decision)
		}
	}
	// Resolutions (議決：…) anywhere, also outside the numbered items.
	for _, d := range resolutionsAt(p, 0, len(p.norm)) {
		add(d.at, d.Decision)
	}
	for _, d := range rowResolutions(p) {
		add(d.at, d.Decision)
	}
	for _, d := range reportRows(p) {
		add(d.at, d.Decision)
	}
	for _, d := range proposalRows(p) {
		add(d.at, d.Decision)
	}
	for k := range p.lines {
		l := strings.TrimLeft(p.line(k), " ")
		label, ok := firstPrefix(l, rulingLabels)
		if !ok {
			continue
		}
		at := p.lines[k][1] - len(l) + len(label)
		verb := strings.TrimSuffix(p.show(at-len(label), at), "：")
		// 主席裁定：（一）請於…開會前送會。⏎（二）請於…送會。: a ruling in
		// points, each on its line, read without their numbers.
		var points []found
		if n := itemMarkerLen(p.norm[at:p.lines[k][1]]); n > 0 && strings.HasPrefix(p.norm[at:], "(") {
			at += n
			// Each point from its line, past the lines it runs on over.
			_, last := rulingPoint(p, at, k)
			for j := last + 1; j < len(p.lines); j++ {
				t := strings.TrimLeft(p.line(j), " ")
				a := p.lines[j][1] - len(t)
				if !strings.HasPrefix(t, "(") || itemMarkerLen(t) == 0 {
					break
				}
				// （二）（三）, （二）～（四）, （二）、（三）: the points it covers.
				for itemMarkerLen(p.norm[a:p.lines[j][1]]) > 0 && strings.HasPrefix(p.norm[a:], "(") {
					a += itemMarkerLen(p.norm[a:p.lines[j][1]])
					if w, ok := firstPrefix(p.norm[a:p.lines[j][1]], []string{"~", "～", "、", "至"}); ok && strings.HasPrefix(p.norm[a+len(w):], "(") {
						a += len(w)
					}
				}
				point, end := rulingPoint(p, a, j)
				if point != "" {
					points = append(points, found{a, Decision{Verb: verb, Object: point}})
				}
				j = end
			}
		}
		obj := strings.TrimRight(p.show(at, p.lines[k][1]), "。. ")
		if len(points) > 0 {
			obj, _ = rulingPoint(p, at, k)
		}
		if strings.TrimSpace(obj) == "" && k+1 < len(p.lines) {
			// 主席裁示：⏎在不違背…之前提下，為維持府會和諧…，臺北市文化基金會
			// 董事長於下列3點情況列席本會說明：⏎1.…: the ruling on the line
			// below, named by its last clause where a long preamble leads
			// up to it.
			n := p.lines[k+1]
			if next := strings.TrimLeft(p.norm[n[0]:n[1]], " "); strings.HasPrefix(next, "(") || hasItemMarker(next) {
				// 主席裁示：⏎(1)日後請各科室…⏎(2)…: directions to the
				// staff, one by one, not a ruling on the business.
				continue
			}
			at = n[0] + len(p.norm[n[0]:n[1]]) - len(strings.TrimLeft(p.norm[n[0]:n[1]], " "))
			obj = strings.TrimRight(p.show(at, n[1]), "。.:： ")
			if rs := []rune(obj); len(rs) > maxObjectRunes {
				f := strings.TrimRight(p.norm[at:n[1]], "。.: ")
				at += afterLast(f, ",")
				obj = strings.TrimRight(p.show(at, n[1]), "。.:： ")
			}
		}
		if f := fold.String(obj); deferredResolution(f) || strings.HasSuffix(f, "协商讨论") || strings.HasSuffix(f, "协商处理") {
			// 主席裁示：提政黨協商討論: sent on, nothing decided yet.
			continue
		}
		// 主席裁示：由本會函文市政府：「本會三讀通過之自治條例，…」: the
		// ruling, not the letter it words.
		if i := strings.Index(obj, "：「"); runeCount(obj[:max(i, 0)]) >= 4 {
			obj = obj[:i]
		}
		add(at, Decision{Verb: verb, Object: obj})
		for _, pt := range points {
			add(pt.at, pt.d)
		}
	}
	if len(all) == 0 {
		return
	}
	for _, f := range all {
		placed := false
		for i := range m.Items {
			it := &m.Items[i]
			if p.offs[f.at] >= it.Start && p.offs[f.at] < it.End {
				it.Decisions = append(it.Decisions, f.d)
				placed = true
				break
			}
		}
		if placed {
			continue
		}
		l := p.lines[p.lineAt(f.at)]
		start := l[0] + len(p.norm[l[0]:l[1]]) - len(strings.TrimLeft(p.norm[l[0]:l[1]], " "))
		it := Item{
			Action:      f.d.Verb,
			Title:       f.d.Object,
			Decisions:   []Decision{f.d},
			Departments: []string{},
			Topics:      []string{},
			Start:       p.offs[start],
			End:         p.offs[l[1]],
		}
		it.Text = strings.TrimSpace(p.disp[it.Start:it.End])
		if overlaps(m.Items, it) {
			continue
		}
		m.Items = append(m.Items, it)
	}
	sort.SliceStable(m.Items, func(i, j int) bool { return m.Items[i].Start < m.Items[j].Start })
	for i := range m.Items {
		m.Items[i].No = i + 1
	}
}

// wordedDecision reads the decision a chair words in quotes from folded
// offset at (：「函請行政院研處。」) when the house carries it in the
// next sentences (無異議，通過).
func wordedDecision(p *page, at int) (Decision, bool) {
	rest := strings.TrimLeft(p.norm[at:min(len(p.norm), at+600)], ": ")
	open, size := utf8.DecodeRuneInString(rest)
	closer := map[rune]string{'「': "」", '“': "”", '『': "』"}[open]
	from := len(p.norm[:at]) + (len(p.norm[at:min(len(p.norm), at+600)]) - len(rest)) + size
	if closer == "" {
		// 本案作如下決議：今天下午議程變更為…，投票時間訂於…。請問院會，
		// 有無異議？（無）無異議，通過: unquoted, its first clause.
		from -= size
		end := strings.IndexAny(p.norm[from:min(len(p.norm), from+400)], ",。\n")
		if end <= 0 || runeCount(p.norm[from:from+end]) < 4 {
			return Decision{}, false
		}
		// 本案作如下決議：贊成國民黨黨團及親民黨黨團所提散會動議者多數，…:
		// the motion a vote carried.
		if c := p.norm[from : from+end]; strings.HasPrefix(c, "赞成") && strings.HasSuffix(c, "者多数") {
			if k := strings.Index(c, "所提"); k > 0 && runeCount(c[k+len("所提"):len(c)-len("者多数")]) >= 2 {
				return Decision{Verb: p.show(at-len("决议"), at), Object: p.show(from+k+len("所提"), from+end-len("者多数"))}, true
			}
		}
		after := p.norm[from+end : min(len(p.norm), from+end+200)]
		i := strings.Index(after, "无异议,通过")
		if i < 0 || strings.Contains(after[:i], "主席:") || strings.Contains(after[:i], "\n") {
			return Decision{}, false
		}
		vAt := from + end + i + len("无异议,")
		return carried(p, vAt, p.show(from, from+end)), true
	}
	// 作如下決定：「八十九年九月二日朝野黨團協商結論，經決定如下：1.…」: the
	// chair decides on the conclusions named before the list, however
	// long the list and whether or not a vote follows.
	if open := p.norm[from:min(len(p.norm), from+240)]; !strings.Contains(open, closer) || strings.Index(open, "如下") < strings.Index(open, closer) {
		for _, w := range []string{",经决定如下:", ",决定如下:", "经决定如下:", "决定如下:"} {
			if k := strings.Index(open, w); k > 0 && !strings.ContainsAny(open[:k], "。\n") && runeCount(open[:k]) >= 4 {
				return Decision{Verb: p.show(from+k+len(w)-len("决定如下:"), from+k+len(w)-len("如下:")), Object: p.show(from, from+k)}, true
			}
		}
	}
	end := strings.Index(p.norm[from:min(len(p.norm), from+400)], closer)
	if end <= 0 {
		return Decision{}, false
	}
	// 「函請行政院研處。請問院會，有無異議？（無）無異議，通過。」: a quote
	// closed late; the chair's question is no part of the wording.
	if q := strings.Index(p.norm[from:from+end], "请问院会"); q > 0 {
		end = q
	}
	after := p.norm[from+end : min(len(p.norm), from+end+120)]
	// The house carries the wording before anyone speaks again.
	for k := strings.IndexByte(after, '\n'); k >= 0; k = nextNewline(after, k) {
		if speakerHeading(strings.TrimLeft(after[k+1:], " *-•·")) {
			after = after[:k]
			break
		}
	}
	// 本案作以下決定：「某調查報告准予備查。」: the wording says the
	// result itself.
	if d, ok := resultWorded(p, from, end); ok {
		return d, true
	}
	i := strings.Index(after, "通过")
	if i < 0 || strings.Contains(after[:i], "主席:") {
		// 請問院會，對本案有無異議？（無）無異議，通過。／本案作如下決議：
		// 「無黨聯盟黨團擬具『某條例草案』自經濟及能源委員會抽出，逕付
		// 二讀…」: the record words the resolution after the vote; a bill
		// it names is what was carried.
		before := p.norm[max(0, at-240):at]
		if k := strings.LastIndex(before, "(无)无异议,本案"); k >= 0 && slices.Contains(wordedLabels, before[k+len("(无)无异议,本案"):]) {
			// 請問院會，有無異議？（無）無異議，本案作如下決議：「某法草案等
			// 三件相關提案，自某委員會中抽出，逕付二讀…」: the house
			// consents, then the record words what it resolved.
			return Decision{Verb: p.show(at-len("决议"), at), Object: strings.TrimRight(p.show(from, from+end), "。. ")}, true
		}
		v := strings.LastIndex(before, "无异议,通过")
		if v < 0 || runeCount(strings.Trim(before[v+len("无异议,通过"):], "。 \n")) > 8 {
			return Decision{}, false
		}
		vAt := at - len(before) + v + len("无异议,")
		obj := strings.TrimRight(p.show(from, from+end), "。. ")
		quoted := p.norm[from : from+end]
		for _, q := range [][2]string{{"『", "』"}, {"「", "」"}, {"《", "》"}} {
			if a := strings.Index(quoted, q[0]); a >= 0 {
				if b := strings.Index(quoted[a:], q[1]); b > len(q[0]) {
					obj = p.show(from+a+len(q[0]), from+a+b)
					break
				}
			}
		}
		return carried(p, vAt, obj), true
	}
	obj := strings.TrimRight(p.show(from, from+end), "。. ")
	vAt := from + end + i
	return carried(p, vAt, obj), true
}

// chairProposal reads a chair's proposal the house carried as proposed
// (主席：某黨團提議將「某法修正草案」由某委員會抽出逕付二讀…，請問院會，有無異
// 議？（無）無異議，本案照案通過) from the folded span [w, at) before 有無異議:
// the bill it names first is the decision's object.
func chairProposal(p *page, w, at int) (Decision, bool) {
	rest := p.norm[at:min(len(p.norm), at+60)]
	v := -1
	for _, c := range []string{"有无异议?(无)无异议,本案照案通过", "有无异议?(无)无异议,照案通过"} {
		if strings.HasPrefix(rest, c) {
			v = at + len(c) - len("照案通过")
		}
	}
	if v < 0 {
		return Decision{}, false
	}
	from := w + afterLast(p.norm[w:at], "\n")
	c := strings.Index(p.norm[from:at], "主席:")
	if c < 0 {
		return Decision{}, false
	}
	from += c + len("主席:")
	q := quotedIn(p.norm[from:at])
	if q == nil {
		return Decision{}, false
	}
	return Decision{Verb: p.show(v, v+len("照案通过")), Object: p.show(from+q[2], from+q[3])}, true
}

// wordedLabels introduce the wording of what a legislature resolved
// (本案作如下決議：「…」), folded.
var wordedLabels = []string{"作如下决定", "作如下决议", "作以下决定", "作以下决议", "本案决议"}

// numberedClauses splits a worded resolution of numbered clauses
// (「一、某條約草案照案通過。二、同意授權行政院簽署某協定。」) into a decision
// per clause: the result a clause words (照案通過) or the verb it opens with
// (同意), else the house's. Any other resolution is one decision.
func numberedClauses(d Decision) []Decision {
	rs := []rune(strings.TrimSpace(d.Object))
	if len(rs) < 2 || string(rs[:2]) != "一、" {
		return []Decision{d}
	}
	var out []Decision
	want, start := 2, 2
	for i := 2; i <= len(rs); i++ {
		size := 0
		if i < len(rs) && strings.ContainsRune("。\n", rs[i-1]) {
			if n, sz, ok := cnum.Prefix(string(rs[i:])); ok && n == want && strings.HasPrefix(string(rs[i:])[sz:], "、") {
				size = utf8.RuneCountInString(string(rs[i:])[:sz]) + 1
			}
		}
		if i < len(rs) && size == 0 {
			continue
		}
		clause := strings.TrimRight(strings.TrimSpace(string(rs[start:i])), "。. ")
		out = append(out, clauseDecision(d.Verb, clause))
		if i == len(rs) {
			break
		}
		want++
		start = i + size
		i = start - 1
	}
	if len(out) < 2 {
		return []Decision{d}
	}
	return out
}

// clauseDecision is the decision one clause of a resolution words, the house
// having carried it with verb.
func clauseDecision(verb, clause string) Decision {
	rs, fs := []rune(clause), []rune(fold.String(clause))
	if len(rs) != len(fs) {
		return Decision{Verb: verb, Object: clause}
	}
	f := string(fs)
	for _, r := range wordedResults {
		if n := utf8.RuneCountInString(r); strings.HasSuffix(f, r) && n < len(rs) {
			return Decision{Verb: string(rs[len(rs)-n:]), Object: string(rs[:len(rs)-n])}
		}
	}
	if v, ok := releaseVerb(f); ok && !businessVerbs[v] {
		if n := utf8.RuneCountInString(v); n < len(rs) {
			return Decision{Verb: string(rs[:n]), Object: string(rs[n:])}
		}
	}
	return Decision{Verb: verb, Object: clause}
}

// votedMatter reads the matter of a resolution that reports a vote's count
// (決議：贊成維持本院原決議者一百一十四人，…，原決議予以維持) at folded offset
// at: the matter whose result the chair announced above it (「某條例」覆議案
// 投票表決結果如下), decided as the resolution's last clause says.
func votedMatter(p *page, at int, obj string) (Decision, bool) {
	f := fold.String(obj)
	if !strings.HasPrefix(f, "赞成") || !strings.Contains(f, "者") {
		return Decision{}, false
	}
	head := p.norm[max(0, at-4000):at]
	r := strings.LastIndex(head, "表决结果")
	if r < 0 {
		return Decision{}, false
	}
	line := head[afterLast(head[:r], "\n"):r]
	a, b := strings.Index(line, "「"), strings.Index(line, "」")
	if a < 0 || b < a+len("「") {
		return Decision{}, false
	}
	base := at - len(head) + afterLast(head[:r], "\n")
	matter := p.show(base+a+len("「"), base+b)
	verb := strings.TrimRight(obj[afterLast(obj, "，,"):], "。. ")
	if runeCount(verb) < 2 || runeCount(verb) > 10 {
		verb = "決議"
	}
	return Decision{Verb: verb, Object: matter}, true
}

// shortNames are the short forms, folded, a chair gives a document read out
// whose heading names it in full.
var shortNames = map[string]string{"朝野协商结论": "朝野党团协商结论"}

// documentName is the name a document read out is filed under: its full
// name where the text heads it so (朝野協商結論 read, 立法院朝野黨團協商結論
// its heading), else obj as the chair says it.
func documentName(p *page, obj string) string {
	if full, ok := shortNames[fold.String(obj)]; ok {
		if i := strings.Index(p.norm, full); i >= 0 {
			return p.show(i, i+len(full))
		}
	}
	return obj
}

// resultWorded reads a chair's wording, the folded span [from, from+end),
// that ends with its result (「…98年度預算案照審查報告通過。」, 「某調查報告准予
// 備查。」): the result and what it is on.
func resultWorded(p *page, from, end int) (Decision, bool) {
	quoted := strings.TrimRight(p.norm[from:from+end], "。. ")
	for _, r := range wordedResults {
		if k := strings.LastIndex(quoted, r); k > 0 && k+len(r) == len(quoted) {
			// 罷免總統案未獲得…之同意，罷免總統案不成立: a matter that
			// stands or falls is named in the result's own clause.
			a := from
			if strings.HasSuffix(r, "成立") {
				a += afterLast(quoted[:k], ",")
			}
			return Decision{Verb: p.show(from+k, from+k+len(r)), Object: strings.TrimRight(p.show(a, from+k), "，, ")}, true
		}
	}
	return Decision{}, false
}

// nextNewline returns the offset of the line break after the one at k in
// s, or -1.
func nextNewline(s string, k int) int {
	if j := strings.IndexByte(s[k+1:], '\n'); j >= 0 {
		return k + 1 + j
	}
	return -1
}

// carried is the decision on obj a house carried with the 通过 at folded
// offset vAt (…無異議，通過).
func carried(p *page, vAt int, obj string) Decision {
	return Decision{Verb: p.show(vAt, vAt+len("通过")), Object: obj}
}

// confirmedWord, folded, says a house confirmed a nomination by its vote
// (獲得…之同意票，同意為…); confirmedWords are its forms (同意票數，同意為).
const confirmedWord = "同意票,同意为"

var confirmedWords = []string{confirmedWord, "同意票数,同意为"}

// confirmedAt returns where in folded f a confirmation's words stand, and
// their length.
func confirmedAt(f string) (int, int) {
	for _, w := range confirmedWords {
		if i := strings.Index(f, w); i >= 0 {
			return i, len(w)
		}
	}
	return -1, 0
}

// confirmation reads the nomination a house confirmed by vote on line k:
// 決議：賴浩敏先生，獲得出席委員過半數之同意票，同意為中央選舉委員會委員，並為主任
// 委員，任期四年 is 同意 賴浩敏為中央選舉委員會委員並為主任委員; 1. 簡太郎、郭昱瑩
// 等二位均獲得出席委員過半數之同意票，同意為委員 names both. The term of
// office is no part of it.
func confirmation(p *page, k int) (placedDecision, bool) {
	base, f := p.lines[k][0], p.line(k)
	v, wordLen := confirmedAt(f)
	if v < 0 || v > 600 {
		// A confirmation states who first: a line that does not is
		// no confirmation (and is not read again for each of its
		// occurrences).
		return placedDecision{}, false
	}
	g := strings.LastIndex(f[:v], "获得")
	if g < 0 {
		return placedDecision{}, false
	}
	// Who: after the line's number or label, before 獲得, without
	// 先生, 均, 等五位.
	s := len(f) - len(strings.TrimLeft(f, " 0123456789.、"))
	if l, ok := firstPrefix(f[s:], resolutionLabels); ok {
		s += len(l)
	}
	e := g
	who := strings.TrimRight(f[s:e], ", ")
	who = strings.TrimSuffix(who, "均")
	if i := strings.LastIndex(who, "等"); i > 0 && (strings.HasSuffix(who, "位") || strings.HasSuffix(who, "人")) {
		who = who[:i]
	}
	for _, h := range honorifics {
		who = strings.TrimSuffix(who, h)
	}
	if runeCount(who) < 2 {
		return placedDecision{}, false
	}
	// What: the office after 同意為, and a second after 並為.
	office := func(from int) int {
		end := min(len(f), from+200)
		for _, w := range []string{",", "。", "任期"} {
			if i := strings.Index(f[from:end], w); i >= 0 {
				end = from + i
			}
		}
		return end
	}
	r0 := v + wordLen
	r1 := office(r0)
	if r1 == r0 {
		return placedDecision{}, false
	}
	obj := p.show(base+s, base+s+len(who)) + p.show(base+r0-len("为"), base+r1)
	if rest := f[r1:]; strings.HasPrefix(rest, "任期") {
		// 同意為大法官任期四年並為院長: the term, then the second office.
		if i := strings.Index(rest[:min(len(rest), 30)], "并为"); i > 0 {
			r1 += i
		}
	}
	if rest := strings.TrimPrefix(f[r1:], ","); strings.HasPrefix(rest, "并为") {
		a := len(f) - len(rest)
		obj += p.show(base+a, base+office(a))
	} else if strings.HasPrefix(f[r1:], "并为") {
		obj += p.show(base+r1, base+office(r1+len("并为")))
	}
	return placedDecision{Decision{Verb: p.show(base+r0-len("同意为"), base+r0-len("为")), Object: obj}, base + s}, true
}

// wordedResults end a chair's wording that says its own result, folded,
// longest first, and 通过, the most general, last (namedResult leaves it out).
var wordedResults = []string{"照审查报告通过", "照审查意见通过", "照协商结论通过", "照案通过", "修正通过", "准予备查", "不成立", "成立", "通过"}

// budgetSection reports whether a folded decision object is a section of a
// budget read one by one (第1項：臺北翡翠水庫管理局(17-1), 臺北市債務基金
// (3-0401), 新北市政府教育局主管): a body or a fund, whose numbers the
// result settles, not a matter decided.
func budgetSection(obj string) bool {
	obj = strings.TrimSpace(obj)
	marked := false // numbered, coded or 主管: a budget's section
	if i := strings.Index(obj, ":"); i > 0 && i <= 12 && strings.HasPrefix(obj, "第") {
		obj, marked = strings.TrimSpace(obj[i+1:]), true
		// 第3項：市立動物園: a section's number and its unit's name.
		if runeCount(obj) <= 12 && !strings.ContainsAny(obj, ",。") && !strings.Contains(obj, "案") {
			return true
		}
	}
	if i := strings.LastIndex(obj, "("); i > 0 && strings.Trim(obj[i:], "()0123456789- ") == "" {
		obj, marked = obj[:i], true
	}
	if t := strings.TrimSuffix(obj, "主管"); t != obj {
		obj, marked = t, true
	}
	if strings.HasSuffix(obj, "基金") {
		return marked
	}
	_, ok := bodyEnd(obj)
	return marked && ok && runeCount(obj) <= 20 && !strings.ContainsAny(obj, ",。")
}

// overlaps reports whether it's span overlaps one of items'.
func overlaps(items []Item, it Item) bool {
	for _, x := range items {
		if it.Start < x.End && x.Start < it.End {
			return true
		}
	}
	return false
}

// reportRowStarts returns where the rows of a council's table of reports
// and bills start in folded text: at a case number (案號) of four to six
// digits, then the matter (案由). Once the columns are joined the number
// stands against the matter and the row before (…備查11534為本府訂定…), but
// not within a longer number or before a unit (2014年, 1050万). One pass
// over the digits.
func reportRowStarts(norm string) []int {
	var out []int
	for i := 0; i < len(norm); {
		c := norm[i]
		if c < '0' || c > '9' {
			i++
			continue
		}
		j := i
		for j < len(norm) && norm[j] >= '0' && norm[j] <= '9' {
			j++
		}
		start := i
		i = j
		if n := j - start; n < 4 || n > 6 {
			continue
		}
		if start > 0 && strings.ContainsRune(",.", rune(norm[start-1])) || strings.HasSuffix(norm[:start], "、") {
			// 1,365; 22381、22382、22383建號: a figure, or one of a list.
			continue
		}
		k := j
		for k < len(norm) && (norm[k] == ' ' || norm[k] == '\t') {
			k++
		}
		if k == len(norm) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(norm[k:]); r == '\n' || strings.ContainsRune(notAfterCaseNumber, r) || strings.HasPrefix(norm[k:], "建号") {
			continue
		}
		out = append(out, start)
	}
	return out
}

// notAfterCaseNumber are the characters after which a number is a figure,
// not a case: units (of land too: 1044地號, 2筆), and the punctuation of
// figures and lists. (建號 is checked as a word: 建 also opens 建請.)
const notAfterCaseNumber = "年月日号次届期条项款元万亿个件人%.．、,，:：)）-地笔段巷弄楼户坪"

// regulationTitleRE matches a regulation named in quotes in a row, folded:
// 「臺北市社會住宅出租辦法」.
var regulationTitleRE = regexp.MustCompile(`[“「"]([^”」"\n]{2,60}?(?:办法|规则|条例|标准|基准|规程|要点|准则|细则|编制表))[”」"]`)

// matterRE matches the case a row of a council's table asks the house to
// settle when it names no regulation, folded: 10273為…處分案，敬請 (the
// case, 案, closed by the request's comma).
var matterRE = regexp.MustCompile(`^\s*\d+\s*(?:为|有关)([^,。\n]{4,80}?案),`)

// matterClauseRE matches a case whose 案 closes a later clause (11156為本府
// 續委託某公司經營某市場業務，並由本府投資該公司40％股權案，提請　審議): the
// case is named by its first clause, or by the later one where the first
// gives a reason (為某館因物價波動等問題，修正「某工程」總工程費用案).
var matterClauseRE = regexp.MustCompile(`^\s*\d+\s*(?:为|有关)([^,。\n]{4,80}?),([^,。\n]{2,80}?)案,`)

// matterClauseIn returns the span of the case a row names by a clause
// (matterClauseRE), as [0, end, start, end] offsets into the folded row, or
// nil; nil too where the later clause makes a request (為維護市民安全，建請某
// 市政府針對某案…), a member's request, read as such.
func matterClauseIn(row string) []int {
	t := matterClauseRE.FindStringSubmatchIndex(row)
	if t == nil || strings.Contains(row[t[4]:t[5]], "请") {
		return nil
	}
	if strings.Contains(row[t[2]:t[3]], "因") {
		t[2], t[3] = t[4], t[5]
	}
	return t[:4]
}

// ownedBy reports whether folded s ends as the clause that says which office
// holds a case (本府捷運工程局經管, 財政局管理), before its 之.
func ownedBy(s string) bool {
	for _, w := range []string{"经管", "管理", "主管", "所有", "所属"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// maxRowBytes bounds a row of a table of reports.
const maxRowBytes = 4000

// reportRows reads a council's table of reports (案號 案由 審查意見 議決):
// a row that names a regulation (為訂定「臺北市社會住宅出租辦法」一案，敬請
// 查照。) and whose columns after the request note it (備查) or pass it
// (照審查意見通過) is a decision on the regulation. A row set aside (暫擱)
// or sent to a committee (交付法規委員會審查) decides nothing yet.
func reportRows(p *page) []placedDecision {
	// Such a table notes (備查) or passes as reviewed (審查意見): a text
	// with neither has none, and is not scanned for rows.
	if !strings.Contains(p.norm, "备查") && !strings.Contains(p.norm, "审查意见") {
		return nil
	}
	var out []placedDecision
	starts := reportRowStarts(p.norm)
	for n, from := range starts {
		to := len(p.norm)
		if n+1 < len(starts) {
			to = starts[n+1]
		}
		if i := strings.Index(p.norm[from:to], "\n\n"); i >= 0 {
			to = from + i
		}
		to = min(to, from+maxRowBytes)
		row := p.norm[from:to]
		t := regulationTitleRE.FindStringSubmatchIndex(row)
		results := []string{"照审查意见通过", "通过", "备查"}
		if t == nil && strings.Contains(row[:strings.Index(row+"。", "。")], "动支") {
			// 本府為辦理「水源劇場消防逃生安全設施增設工程」需動支…第二預備金
			// …乙案，報請備查: the work the reserve is drawn for, noted
			// as a regulation is.
			t = quotedIn(row[:strings.Index(row+"。", "。")])
		}
		if t == nil {
			// 為本府捷運工程局經管之捷運板橋線龍山寺站聯合開發大樓公有不動產
			// 處分案，敬請　貴會同意: a case the house settles, named by
			// its matter; one it only notes (備查) is a report, not a
			// decision.
			t = matterRE.FindStringSubmatchIndex(row)
			if t == nil {
				t = matterClauseIn(row)
			}
			if t == nil {
				// 本市中山區長春段一小段678地號市有土地，擬依土地法第25條規定
				// 完成處分程序…，敬請 查照審議。 同意。 照審查意見通過: the
				// case asked consent for, named by its first clause.
				t = consentIn(row)
			}
			if t == nil {
				// 本府為有效利用市有財產，…，建置某親子館一案，請　查照。
				// 一、同意。 照審查意見通過: a case the review consents to.
				t = consentedIn(row)
			}
			if t == nil {
				// 鑑於…，建請交通局應即研擬調降現行費率方案，以嘉惠市民。
				// 送市府辦理。 照審查意見通過: a member's request, passed to
				// be carried out; one sent to be studied (送市府研議) is
				// not decided yet.
				if t = requestIn(row); t != nil && (strings.Contains(row[t[1]:], "研议") || !resultFollows(row[t[1]:]) && !(resultInColumns(row[t[1]:]) && underReviewHeader(p, from))) {
					t = nil
				}
			} else if k := strings.LastIndex(row[t[2]:t[3]], "之"); k > 0 && ownedBy(row[t[2]:t[2]+k]) {
				t[2] += k + len("之")
			}
			if t == nil {
				continue
			}
			results = results[:2]
		}
		restAt := t[1]
		if i := strings.Index(row[restAt:], "。"); i >= 0 {
			restAt += i + len("。")
		}
		rest := row[restAt:]
		if strings.Contains(rest, "暂搁") || strings.Contains(rest, "交付") {
			continue
		}
		for _, v := range results {
			if i := strings.Index(rest, v); i >= 0 {
				at := from + restAt + i
				out = append(out, placedDecision{at: from + t[2], Decision: Decision{Verb: p.show(at, at+len(v)), Object: p.show(from+t[2], from+t[3])}})
				break
			}
		}
	}
	return out
}

// consentIn returns the span of the case a row of a table asks the house to
// consent to, as [0, end, start, end] offsets into the folded row, or nil:
// its first sentence closes with the request (敬請 查照審議, 敬請同意惠復,
// 敬請 貴會同意), and the case is its first clause, after the row's number.
func consentIn(row string) []int {
	stop := strings.Index(row, "。")
	if stop < 0 {
		return nil
	}
	last := row[afterLast(row[:stop], ","):stop]
	if !strings.HasPrefix(strings.TrimSpace(last), "敬请") || !strings.Contains(last, "同意") && !strings.Contains(last, "审议") {
		return nil
	}
	start := len(row) - len(strings.TrimLeft(strings.TrimLeft(row, " \t0123456789"), " \t"))
	if w, ok := firstPrefix(row[start:], []string{"有关", "为"}); ok {
		start += len(w) // 有關本市松山區…地號市有非公用土地
	}
	end := start + strings.Index(row[start:], ",")
	if end <= start || end >= stop {
		return nil
	}
	caseEnd := end
	if strings.HasSuffix(row[start:end], ")") {
		// 某路204號4樓至6樓計3戶（某段1060地號計1筆及…建號計3筆）: the
		// case, without the parcels it is recorded as.
		if i := strings.LastIndex(row[start:end], "("); i > 0 {
			caseEnd = start + i
		}
	}
	if n := runeCount(row[start:caseEnd]); n < 4 || n > 80 {
		return nil
	}
	return []int{0, end, start, caseEnd}
}

// consentedIn returns the span of the case a row of a table names and its
// review consents to (…，建置某某中心一案，請　查照。 一、同意。), as [0, end,
// start, end] offsets into the folded row, or nil: the clause of its first
// sentence that ends with the case (一案, 乙案, 1案), without the count.
func consentedIn(row string) []int {
	stop := strings.Index(row, "。")
	if stop < 0 {
		return nil
	}
	review := strings.TrimLeft(row[stop+len("。"):], " \t")
	review = strings.TrimPrefix(review, "一、")
	if !strings.HasPrefix(review, "同意") || strings.HasPrefix(review, "同意备查") {
		return nil
	}
	s := row[:stop]
	for end := len(s); end > 0; {
		c := strings.LastIndex(s[:end], ",")
		// 70億9,709萬9,530元: a figure's commas part no clauses.
		for c > 0 && c+1 < len(s) && isDigitByte(s[c-1]) && isDigitByte(s[c+1]) {
			c = strings.LastIndex(s[:c], ",")
		}
		clause := strings.TrimSpace(s[c+1 : end])
		if w, ok := firstSuffix(clause, []string{"一案", "乙案", "1案"}); ok {
			start := c + 1 + strings.Index(s[c+1:end], clause)
			if c < 0 {
				// The row's number, then the case.
				start += len(clause) - len(strings.TrimLeft(strings.TrimLeft(clause, "0123456789"), " \t"))
			}
			caseEnd := start + len(strings.TrimSpace(s[start:end])) - len(w)
			if n := runeCount(s[start:caseEnd]); n < 4 || n > 80 {
				return nil
			}
			return []int{0, stop, start, caseEnd}
		}
		if c < 0 {
			break
		}
		end = c
	}
	return nil
}

// quotedIn returns the span of the first 「」 title in folded s, as
// [0, end, start, end] offsets like a submatch, or nil.
func quotedIn(s string) []int {
	a := strings.Index(s, "「")
	if a < 0 {
		return nil
	}
	b := strings.Index(s[a:], "」")
	if b <= len("「") {
		return nil
	}
	return []int{0, a + b + len("」"), a + len("「"), a + b}
}

// requestIn returns the span of the request a row of a table asks, as
// [0, end, start, end] offsets into the folded row, or nil: the 案由's
// clauses from 建請 (懇請, 請) to its stop, in its first sentences after
// the reasons that lead up to it (…可能影響學童神經系統。懇請台北市政府儘速
// 全面抽驗…); or, where the review sends the row to the city to be carried
// out (送請市府辦理), a 案由 of one short sentence that is the request
// itself (全面補助中低收入戶垃圾袋免費。).
func requestIn(row string) []int {
	from := 0
	for n := 0; n < 3; n++ {
		stop := strings.IndexAny(row[from:], "。!")
		if stop < 0 {
			return nil
		}
		stop += from
		s := row[from:stop]
		for _, w := range []string{"建请", "恳请", "请"} {
			i := strings.Index(s, w)
			// 請 opens a request at the start of a clause (…不確定感，請
			// 教育局將…), not inside one (邀請, 敬請 查照).
			if i < 0 || w == "请" && i > 0 && !strings.ContainsRune(", ", lastRune(s[:i])) {
				continue
			}
			if next := strings.TrimLeft(s[i+len(w):], " "); strings.HasPrefix(next, "查照") || strings.HasPrefix(next, "审议") || strings.HasPrefix(next, "公决") {
				continue
			}
			return []int{0, stop, from + i, stop}
		}
		if n == 0 {
			if m := strings.TrimLeft(strings.TrimLeft(s, "0123456789"), " "); runeCount(m) >= 4 && runeCount(m) <= 30 && !strings.ContainsAny(m, ",:") && sentToCity(row[stop:]) {
				return []int{0, stop, stop - len(m), stop}
			}
		}
		_, size := utf8.DecodeRuneInString(row[stop:])
		from = stop + size
	}
	return nil
}

// resultFollows reports whether the columns after a row's matter, folded,
// give its review and result at once (。 送請市府辦理 照審查意見通過), as a
// table's do, and not after more of a text's prose.
func resultFollows(rest string) bool {
	i := strings.Index(rest, "通过")
	return i >= 0 && runeCount(rest[:i]) <= 40
}

// resultInColumns reports whether the columns after a row's matter,
// folded, pass it, however long its review, and not in a motion's prose
// (…是否有當？敬請公決。⏎說明：…其後經院會無異議通過).
func resultInColumns(rest string) bool {
	i := strings.Index(rest, "通过")
	return i >= 0 && !strings.Contains(rest[:i], "公决") && !strings.Contains(rest[:i], "\n说明:")
}

// underReviewHeader reports whether the row at folded offset at stands in
// a table whose header (案號 案由 審查意見 議決) names the review and the
// resolution, so that the result closes the row however long its review
// is: the nearest line above that names the 案由 is such a header.
func underReviewHeader(p *page, at int) bool {
	for k := p.lineAt(at) - 1; k >= 0 && k > p.lineAt(at)-400; k-- {
		if l := p.line(k); strings.Contains(l, "案") && strings.Contains(l, "由") {
			if l = stripSpaces(l); strings.Contains(l, "案由") {
				return strings.Contains(l, "审查意见") && strings.Contains(l, "议决")
			}
		}
	}
	return false
}

// sentToCity reports whether a row's review, folded, sends it to the city
// government to be carried out (送請市府辦理, 送市府辦理).
func sentToCity(review string) bool {
	i := strings.Index(review, "市府办理")
	return i > 0 && strings.Contains(review[max(0, i-9):i], "送")
}

// proposalRowRE matches the first line of a row of a council's table of
// proposals (議案一覽表), folded: the proposal's number (民乙25, 建乙92),
// then perhaps its proposer.
var proposalRowRE = regexp.MustCompile(`^\s*\p{Han}{1,3}\d{1,4}(?:\s|\p{Han}|$)`)

// proposalResults are the resolutions a proposals table records, folded,
// longest first; those with 通过 carry the proposal.
var proposalResults = []string{"照审查意见通过", "照原案通过", "修正通过", "通过", "不予审议", "保留", "撤回"}

// proposalRows reads a council's table of proposals (編號 提案人 案由
// 審查意見 大會議決): each row the assembly carried (照審查意見通過) is a
// decision on the proposal, named by the first clause of its matter (建請
// 縣政府督促台塑公司落實設廠承諾). The table is known by its header, which
// names the matter (案由) and the assembly's resolution (議決).
func proposalRows(p *page) []placedDecision {
	header := proposalHeader(p)
	if header < 0 {
		return nil
	}
	var out []placedDecision
	for k := header + 1; k < len(p.lines); k++ {
		if !proposalRowRE.MatchString(p.line(k)) {
			continue
		}
		end := k + 1
		for end < len(p.lines) && end < k+40 && !proposalRowRE.MatchString(p.line(end)) {
			end++
		}
		if d, ok := proposalRow(p, k, end); ok {
			out = append(out, d)
		}
		k = end - 1
	}
	return out
}

// requestClause is the clause of a proposal's first sentence that asks
// for something: its first, or where that states things (斗南鎮立游泳池年
// 久失修，現場設備老舊不堪，請縣府行文要求…提列改善計畫，以報請…), the first
// that asks (請…, 建請…).
func requestClause(sentence string) string {
	if i := strings.IndexAny(sentence, "。；;"); i >= 0 {
		sentence = sentence[:i]
	}
	clauses := strings.FieldsFunc(sentence, func(r rune) bool { return r == ',' || r == '，' })
	if len(clauses) == 0 {
		return ""
	}
	asks := func(c string) bool {
		_, ok := firstPrefix(fold.String(c), []string{"请", "建请", "恳请", "要求"})
		return ok
	}
	pick := 0
	if !asks(clauses[0]) {
		for i, c := range clauses[1:] {
			if asks(c) {
				pick = i + 1
				break
			}
		}
	}
	// The request goes on over its clauses (建請縣府呼籲中央政府基於人道考量，
	// 准予…保外就醫; 請縣府相關單位在核定…計畫時，要求施工單位…) up to the
	// purpose or the manner it gives (，以提高縣民使用率; ，俾便…; ，比照…
	// 模式) or a further request (，並…).
	c := clauses[pick]
	if !asks(c) {
		// 改善雲86線2K+470M至2K+520M，南側有破舊豬舍…: no clause asks; the
		// first names the matter, and those after it give the reasons.
		return c
	}
	for _, next := range clauses[pick+1:] {
		if _, stop := firstPrefix(strings.TrimSpace(fold.String(next)), requestStops); stop || runeCount(c)+runeCount(next) > maxObjectRunes {
			break
		}
		c += "，" + next
	}
	return c
}

// requestStops open a clause that gives a request's purpose or manner, or
// a further request, folded: the request ends before it.
var requestStops = []string{"以", "俾", "藉以", "借以", "让", "使", "比照", "避免", "确保", "方便", "为", "并", "另", "同时", "且"}

// proposalHeader returns the line of a proposals table's header (編號 提案人
// 案由 審查意見 大會議決) among the first lines, or -1.
func proposalHeader(p *page) int {
	for k := 0; k < min(len(p.lines), 40); k++ {
		// 案               由 … 大會議決: the header's words may be
		// spaced out; the line is closed up only when it holds both.
		if l := p.line(k); !strings.Contains(l, "案") || !strings.Contains(l, "议") {
			continue
		}
		l := stripSpaces(p.line(k))
		if strings.Contains(l, "案由") && strings.Contains(l, "议决") {
			return k
		}
	}
	return -1
}

// proposers returns the councillors who moved the rows of a proposals
// table (編號 提案人 案由…): the names on a row's first lines, before its
// matter (建乙92⏎周秀月⏎沈銘恭⏎建請…, 民乙25 林 深), each once.
func proposers(p *page) []Attendee {
	var out []Attendee
	seen := map[string]bool{}
	add := func(name string) {
		if k := fold.String(name); isName(name) && !seen[k] {
			seen[k] = true
			out = append(out, Attendee{Name: name, Role: RoleSpeaker})
		}
	}
	header := proposalHeader(p)
	if header < 0 {
		return nil
	}
	for k := header + 1; k < len(p.lines); k++ {
		if !proposalRowRE.MatchString(p.line(k)) {
			continue
		}
		// The rest of the row's first line past its number (建乙92), then
		// the lines below while they hold a name alone.
		ln := p.lines[k]
		at := ln[0] + len(p.line(k)) - len(strings.TrimLeft(p.line(k), " "))
		for n := 0; n < 3; n++ {
			if r, size := utf8.DecodeRuneInString(p.norm[at:ln[1]]); hanRune(r) {
				at += size
			}
		}
		for at < ln[1] && p.norm[at] >= '0' && p.norm[at] <= '9' {
			at++
		}
		if rest := stripSpaces(p.show(at, ln[1])); rest != "" {
			add(rest)
		}
		for j := k + 1; j < len(p.lines) && j < k+6; j++ {
			name := stripSpaces(p.show(p.lines[j][0], p.lines[j][1]))
			if !isName(name) {
				break
			}
			add(name)
		}
	}
	return out
}

// proposalRow reads the row of a proposals table on lines [k, end).
func proposalRow(p *page, k, end int) (placedDecision, bool) {
	verb, verbAt := "", -1
	for j := end - 1; j >= k && verb == ""; j-- {
		l := p.line(j)
		for _, v := range proposalResults {
			if i := strings.LastIndex(l, v); i >= 0 {
				verb, verbAt = v, p.lines[j][0]+i
				break
			}
		}
	}
	if !strings.Contains(verb, "通过") {
		return placedDecision{}, false
	}
	// The matter: the first line past the number and the proposers that
	// is more than a name, read on to the end of its first sentence.
	var matter strings.Builder
	start := -1
	for j := k; j < end && p.lines[j][0] < verbAt; j++ {
		l := stripSpaces(p.line(j))
		if j == k {
			l = strings.TrimLeftFunc(l, func(r rune) bool { return hanRune(r) || r >= '0' && r <= '9' })
			if l == "" || runeCount(stripSpaces(p.line(j))) <= 9 {
				continue // 民乙25林深: the number and a proposer
			}
			l = stripSpaces(p.line(j))
		}
		if start < 0 && runeCount(l) <= 4 {
			continue // 周秀月: a proposer
		}
		if start < 0 {
			start = p.lines[j][0]
		}
		matter.WriteString(stripSpaces(p.show(p.lines[j][0], p.lines[j][1])))
		if strings.ContainsAny(l, "。;") {
			break
		}
	}
	obj := requestClause(matter.String())
	if start < 0 || runeCount(obj) < 4 || runeCount(obj) > maxObjectRunes {
		return placedDecision{}, false
	}
	return placedDecision{at: start, Decision: Decision{Verb: p.show(verbAt, verbAt+len(verb)), Object: obj}}, true
}

// pointRangeRE matches the numbers of the requests a point of a ruling
// covers, before what it asks (1至6請於…送會, 7、8請…), folded.
var pointRangeRE = regexp.MustCompile(`^[0-9]+(?:[至~、-][0-9]+)*(?:项)?(?:请)`)

// maxPointRunOn bounds the lines a point of a ruling runs on over.
const maxPointRunOn = 3

// rulingPoint reads the point of a chair's ruling that starts at folded
// offset at on line k: run on over the indented lines below it where the
// line breaks it (（一）1至6請於…開會前送⏎      會。), without the numbers
// of the requests it covers; and the last line it was read from.
func rulingPoint(p *page, at, k int) (string, int) {
	end, last := p.lines[k][1], k
	for j := k + 1; j < len(p.lines) && j <= k+maxPointRunOn && !strings.HasSuffix(strings.TrimRight(p.norm[at:end], " "), "。"); j++ {
		l := p.line(j)
		t := strings.TrimLeft(l, " ")
		if len(t) == len(l) || t == "" || strings.HasPrefix(t, "(") || hasItemMarker(t) {
			break
		}
		if _, _, _, ok := splitLabel(t); ok {
			break
		}
		end, last = p.lines[j][1], j
	}
	if loc := pointRangeRE.FindStringIndex(p.norm[at:end]); loc != nil {
		at += loc[1] - len("请")
	}
	var b strings.Builder
	for _, part := range strings.Split(p.show(at, end), "\n") {
		b.WriteString(strings.TrimSpace(part))
	}
	return strings.TrimRight(b.String(), "。. "), last
}

// spacedComma matches a comma with the layout's spaces around it.
var spacedComma = regexp.MustCompile(`\s*，\s*`)

// spacedSuffix reports whether folded s ends with suf, spaces and line
// breaks between its characters allowed, and where that ending starts.
func spacedSuffix(s, suf string) (int, bool) {
	i := len(s)
	for j := len(suf); j > 0; {
		for i > 0 && (s[i-1] == ' ' || s[i-1] == '\n') {
			i--
		}
		r, n := utf8.DecodeLastRuneInString(suf[:j])
		q, m := utf8.DecodeLastRuneInString(s[:i])
		if i == 0 || q != r {
			return 0, false
		}
		i, j = i-m, j-n
	}
	return i, true
}

// labelledRows reports whether the text runs the rows of a table of cases
// on as prose, each row's fields labelled (編號：13 類別：教育 案由：請審議
// 制定「…」草案。 發言議員：… 決議：照案通過。), several to a line and
// wrapped anywhere, as Kaohsiung's minutes do: there each resolution
// settles the 案由 before it, not the line above.
func labelledRows(p *page) bool {
	if p.rows == 0 {
		p.rows = 2
		if strings.Count(p.norm, "编号:") >= 3 && strings.Count(p.norm, "案由:") >= 3 && strings.Count(p.norm, "决议:") >= 3 {
			p.rows = 1
		}
	}
	return p.rows == 1
}

// maxRowCase bounds the distance in bytes from a row's 案由 to its
// resolution.
const maxRowCase = 3000

// rowCase returns the matter of the labelled row whose resolution label
// stands at folded offset at (labelledRows): the 案由 before it, with no
// other resolution between, in a row numbered by 編號, read to its first
// 。 with the wrapping of its lines undone; "" where there is none.
func rowCase(p *page, at int) string {
	a := strings.LastIndex(p.norm[max(0, at-maxRowCase):at], "案由:")
	if a < 0 {
		return ""
	}
	a += max(0, at-maxRowCase)
	between := p.norm[a:at]
	if strings.Contains(between, "决议:") || strings.Contains(between, "议决:") || !strings.Contains(p.norm[max(0, a-80):a], "编号:") {
		return ""
	}
	start := a + len("案由:")
	end := at
	if i := strings.Index(p.norm[start:at], "。"); i >= 0 {
		end = start + i
	}
	matter := strings.Join(strings.Fields(p.show(start, end)), "")
	return caseMatter(matter)
}

// notCarried are the results of a row that settle nothing (保留, 撤回) or
// reject it (否決, 不予通過), folded.
var notCarried = []string{"保留", "撤回", "否决", "不予"}

// rowResolutions reads the resolutions of labelled rows (labelledRows):
// each 決議：… that carries, notes or sends on its row's 案由 is a decision
// on the case the 案由 names (請審議制定「高雄市校車管理自治條例」草案 →
// 高雄市校車管理自治條例).
func rowResolutions(p *page) []placedDecision {
	if !labelledRows(p) {
		return nil
	}
	var out []placedDecision
	for from := 0; ; {
		i := strings.Index(p.norm[from:], "决议:")
		if i < 0 {
			break
		}
		at := from + i
		from = at + len("决议:")
		matter := rowCase(p, at)
		if matter == "" {
			continue
		}
		r := from + len(p.norm[from:]) - len(strings.TrimLeft(p.norm[from:], " "))
		end := r + strings.IndexAny(p.norm[r:]+"。", "。\n")
		res := strings.TrimSpace(p.show(r, end))
		if f := fold.String(res); res == "" || runeCount(res) > maxVerbRunes || deferredResolution(f) || budgetBySection(f) || slices.ContainsFunc(notCarried, func(w string) bool { return strings.Contains(f, w) }) {
			continue
		}
		out = append(out, placedDecision{at: at, Decision: Decision{Verb: res, Object: matter}})
	}
	return out
}
