package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// draft is an agenda item before it is written out.
type draft struct {
	item    Item
	ref     string // how the opening paragraph names it
	subject string // short subject for prose
	meaning string
	lead    int // department key
	first   func(p *prose) string
}

// compose writes one document of the issuer.
func (is *issuer) compose(r *rand.Rand, wrap int) Doc {
	date := randomWeekday(r)
	tm := &is.terms[termOf(date)]
	lv := is.spec.level()
	d := Doc{Issuer: is.spec.name(), Publisher: is.spec.name() + "办公室"}

	// The meeting and its chair.
	m := &d.Meeting
	m.Kind = weighted(r, []string{KindStanding, KindTopical, KindOffice, KindPlenary}, []int{55, 25, 12, 8})
	m.Date = date.Format(time.DateOnly)
	m.PartOfDay = weighted(r, []string{"上午", "下午", "晚上"}, []int{70, 28, 2})
	days := int(date.Sub(termStarts[termOf(date)]).Hours() / 24)
	var ref string
	switch m.Kind {
	case KindStanding:
		m.Session = days/9 + 1
		m.Label = fmt.Sprintf("第%d次", m.Session)
		ref = fmt.Sprintf("%s政府%s常务会议", lv, m.Label)
		d.Chair = Person{tm.mayor, lv + "长"}
	case KindPlenary:
		m.Session = days/150 + 1
		m.Label = fmt.Sprintf("第%d次", m.Session)
		ref = fmt.Sprintf("%s政府%s全体会议", lv, m.Label)
		d.Chair = Person{tm.mayor, lv + "长"}
	case KindTopical:
		m.Year = date.Year()
		m.Session = date.YearDay()/4 + 1
		m.Label = fmt.Sprintf("%d年第%d次", m.Year, m.Session)
		ref = fmt.Sprintf("%s政府%s专题会议", lv, m.Label)
		if r.IntN(5) == 0 {
			d.Chair = Person{tm.vices[0], "常务副" + lv + "长"}
		} else {
			d.Chair = Person{pick(r, tm.vices[1:]), "副" + lv + "长"}
		}
	case KindOffice:
		ref = lv + "长办公会议"
		if r.IntN(10) < 7 {
			d.Chair = Person{tm.mayor, lv + "长"}
		} else {
			d.Chair = Person{tm.vices[0], "常务副" + lv + "长"}
		}
	}
	d.Title = d.Issuer + m.Kind + "纪要"
	pub := date.AddDate(0, 0, between(r, 3, 16))
	d.Published = pub.Format(time.DateOnly)
	perYear := map[string]int{KindStanding: 9, KindTopical: 3, KindOffice: 12, KindPlenary: 120}[m.Kind]
	d.DocNumber = fmt.Sprintf("〔%d〕%d号", pub.Year(), pub.YearDay()/perYear+1)

	drafts := is.drafts(r, date, weighted(r, []int{3, 4, 5, 6, 7}, []int{15, 25, 25, 20, 15}))

	// The text.
	w := &textWriter{wrap: wrap, page: between(r, 26, 32)}
	if r.IntN(2) == 0 {
		w.raw("\n\n")
	}
	w.raw(d.Issuer + " " + m.Kind + "纪要\n\n")
	w.raw(d.DocNumber + "\n\n")
	w.para(fmt.Sprintf("%s%s，%s%s主持召开%s，%s。", cnDate(date), m.PartOfDay, d.Chair.Name, d.Chair.Title, ref, opening(drafts)))
	w.para("会议议定以下意见：")
	var all []int
	for k := range drafts {
		dr := &drafts[k]
		dr.item.No = k + 1
		p := &prose{r: r, is: is}
		w.para(cnNum(k+1) + "、" + dr.item.Title)
		subs := []string{dr.first(p)}
		for range between(r, min(1+4/len(drafts), 2), 3) {
			subs = append(subs, p.paragraph(dr))
		}
		for j, s := range subs {
			w.para("（" + cnNum(j+1) + "）" + s)
		}
		dr.item.Decisions = p.decisions
		for _, k := range p.depts {
			dr.item.Departments = append(dr.item.Departments, is.spec.deptName(k))
			if !slices.Contains(all, k) {
				all = append(all, k)
			}
		}
		d.Items = append(d.Items, dr.item)
	}
	for _, k := range all {
		d.Departments = append(d.Departments, is.spec.deptName(k))
	}
	w.para("会议还研究了其他事项。")
	d.Attendees = is.attendance(r, w, tm, &d, all)
	d.Recorder = pick(r, tm.recorders)
	w.raw("记录：" + d.Recorder + "\n\n")
	w.raw(d.Publisher + "整理\n\n")
	w.raw(cnDate(pub) + "\n\n")
	w.raw("（此件公开发布）\n")
	if r.IntN(2) == 0 {
		if is.spec.province {
			w.raw("\n分送：各设区市人民政府，省各有关部门和单位。\n\n")
		} else {
			w.raw("\n分送：各县（市、区）人民政府，各开发区管委会；市各有关部门和单位。\n\n")
		}
		w.raw(d.Publisher + "\n\n" + cnDate(pub) + "印发\n")
	}
	d.Text = w.b
	return d
}

// drafts chooses n agenda items for a meeting on date: some of the
// issuer's plans that are in progress then, reports and other work.
func (is *issuer) drafts(r *rand.Rand, date time.Time, n int) []draft {
	var active []int
	for k, p := range is.plans {
		if !date.Before(p.start) && date.Before(p.end) {
			active = append(active, k)
		}
	}
	r.Shuffle(len(active), func(i, j int) { active[i], active[j] = active[j], active[i] })
	nPlans := min(len(active), between(r, 0, (n+1)/2))
	var out []draft
	for _, k := range active[:nPlans] {
		out = append(out, is.planDraft(is.plans[k], date))
	}
	usedL, usedR := map[int]bool{}, map[int]bool{}
	for len(out) < n {
		if r.IntN(2) == 0 {
			k := r.IntN(len(listenTopics))
			lt := listenTopics[k]
			if usedL[k] || (lt.from != 0 && date.Year() < lt.from) || (lt.to != 0 && date.Year() > lt.to) {
				continue
			}
			usedL[k] = true
			out = append(out, is.listenDraft(lt, date))
		} else {
			k := r.IntN(len(researchTopics))
			if usedR[k] {
				continue
			}
			usedR[k] = true
			out = append(out, is.researchDraft(r, researchTopics[k], date))
		}
	}
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func (is *issuer) planDraft(p plan, date time.Time) draft {
	lv := is.spec.level()
	dr := draft{subject: "《" + p.title + "》", meaning: p.meaning, lead: p.lead}
	dr.item.Plan = p.title
	dr.item.Stage = p.stage(date)
	quoted := "《" + p.title + "》"
	switch dr.item.Stage {
	case StageStudy:
		dr.item.Action = "研究"
		dr.item.Title = "研究" + quoted + "编制有关工作"
		dr.ref = quoted + "编制"
		dr.first = func(pr *prose) string {
			return fmt.Sprintf("会议研究了%s编制工作。由%s牵头，会同%s抓紧开展前期研究，广泛征求意见，形成送审稿后提请%s政府常务会议审议。",
				quoted, pr.dept(p.lead), pr.dept(pr.otherDept(p.lead)), lv)
		}
	case StageReview:
		dr.item.Action = "审议"
		dr.item.Title = "审议" + quoted
		dr.ref = quoted
		dr.first = func(pr *prose) string {
			return fmt.Sprintf("会议审议了%s（送审稿）。由%s根据本次会议讨论意见进一步修改完善后，再次提请%s政府常务会议审议。",
				quoted, pr.dept(p.lead), lv)
		}
	case StageApproved:
		dr.item.Action = "审议"
		dr.item.Title = "审议" + quoted
		dr.ref = quoted
		dr.first = func(pr *prose) string {
			lead := pr.dept(p.lead)
			pr.decisions = append(pr.decisions, Decision{Verb: "原则同意", Object: p.title, Lead: lead})
			return fmt.Sprintf("原则同意%s。由%s根据本次会议讨论意见作进一步修改完善后按程序%s。",
				quoted, lead, pick(pr.r, []string{"发布", "印发实施", "提请" + lv + "委常委会审议"}))
		}
	case StagePassed:
		dr.item.Action = "审议"
		dr.item.Title = "审议" + quoted
		dr.ref = quoted
		dr.first = func(pr *prose) string {
			lead := pr.dept(p.lead)
			pr.decisions = append(pr.decisions, Decision{Verb: "审议通过", Object: p.title, Lead: lead})
			return fmt.Sprintf("会议审议通过%s。由%s按程序印发实施，并做好政策解读和宣传工作。", quoted, lead)
		}
	}
	return dr
}

func (is *issuer) listenDraft(lt listenTopic, date time.Time) draft {
	subject := lt.subject
	if strings.Contains(subject, "%s") {
		var period string
		switch m := date.Month(); {
		case m <= 3:
			period = fmt.Sprintf("%d年全年", date.Year()-1)
		case m <= 6:
			period = "一季度"
		case m <= 9:
			period = "上半年"
		default:
			period = "前三季度"
		}
		subject = fmt.Sprintf(subject, period)
	}
	if is.spec.province {
		subject = strings.Replace(subject, "全市", "全省", 1)
	}
	dr := draft{subject: subject, lead: is.spec.deptIndex(lt.lead), meaning: "推动各项工作落地见效"}
	dr.item.Action = "听取"
	dr.item.Title = "听取" + subject + "情况的汇报"
	dr.ref = subject + "情况"
	dr.first = func(pr *prose) string {
		return "会议听取了" + subject + "情况的汇报。" + pr.assessment(subject)
	}
	return dr
}

func (is *issuer) researchDraft(r *rand.Rand, rt researchTopic, date time.Time) draft {
	subject := rt.subject
	if strings.Contains(subject, "%d") {
		subject = fmt.Sprintf(subject, date.Year())
	}
	if is.spec.province {
		subject = strings.Replace(subject, "市级", "省级", 1)
		subject = strings.Replace(subject, "市区", "省会", 1)
		subject = strings.Replace(subject, "市属", "省属", 1)
	}
	work := subject + "有关工作"
	dr := draft{subject: subject, lead: is.spec.deptIndex(rt.lead), meaning: "保障重点工作顺利推进"}
	dr.item.Action = "研究"
	dr.item.Title = "研究" + work
	dr.ref = subject
	if r.IntN(3) > 0 {
		dr.first = func(pr *prose) string {
			lead := pr.dept(dr.lead)
			pr.decisions = append(pr.decisions, Decision{Verb: "原则同意", Object: work, Lead: lead})
			return fmt.Sprintf("原则同意%s。由%s根据本次会议意见做好后续工作。", work, lead)
		}
	} else {
		dr.first = func(pr *prose) string {
			return "会议研究了" + work + "。" + pr.assessment(subject)
		}
	}
	return dr
}

// opening lists the items in the opening paragraph, grouped by action in
// order of first appearance: 听取A情况、B情况的汇报，审议《X》《Y》，研究Z有关工作.
func opening(drafts []draft) string {
	var order []string
	refs := map[string][]string{}
	for _, dr := range drafts {
		a := dr.item.Action
		if refs[a] == nil {
			order = append(order, a)
		}
		refs[a] = append(refs[a], dr.ref)
	}
	var parts []string
	for _, a := range order {
		switch a {
		case "听取":
			parts = append(parts, "听取"+strings.Join(refs[a], "、")+"的汇报")
		case "审议":
			parts = append(parts, "审议"+strings.Join(refs[a], ""))
		case "研究":
			parts = append(parts, "研究"+strings.Join(refs[a], "、")+"有关工作")
		}
	}
	return strings.Join(parts, "，")
}

// attendance writes the 出席 and 列席 lists and returns them as attendees.
// Departments in depts (keys) are always among those in attendance.
func (is *issuer) attendance(r *rand.Rand, w *textWriter, tm *term, d *Doc, depts []int) []Attendee {
	var present []string
	full := d.Meeting.Kind == KindStanding || d.Meeting.Kind == KindPlenary
	if full {
		all := append(append([]string{tm.mayor}, tm.vices...), tm.members...)
		absent := map[string]bool{}
		for range between(r, 0, 2) {
			if nm := pick(r, all[1:]); nm != d.Chair.Name {
				absent[nm] = true
			}
		}
		for _, nm := range all {
			if !absent[nm] {
				present = append(present, nm)
			}
		}
	} else {
		present = append(present, d.Chair.Name)
		others := append(append([]string{}, tm.vices...), tm.members...)
		r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
		for _, nm := range others[:between(r, 0, 3)] {
			if nm != d.Chair.Name {
				present = append(present, nm)
			}
		}
	}
	var deputies []string
	for _, nm := range tm.deputies {
		if (full && r.IntN(10) < 8) || (!full && r.IntN(10) < 2) {
			deputies = append(deputies, nm)
		}
	}

	type pair struct{ org, name string }
	var pairs []pair
	lv := is.spec.level()
	share := 3 // in 10, of the bodies not otherwise needed
	if full {
		share = 7
		for k, o := range partyOrgs {
			if r.IntN(10) < share {
				pairs = append(pairs, pair{lv + o, tm.partyHeads[k]})
			}
		}
	}
	for k := range departments {
		if is.spec.deptIndex(k) != k {
			continue
		}
		if slices.Contains(depts, k) || r.IntN(10) < share {
			pairs = append(pairs, pair{is.spec.deptName(k), tm.deptHeads[k]})
		}
	}
	if full {
		for k, o := range otherOrgs {
			if is.spec.province && strings.HasPrefix(o, "人行") {
				continue
			}
			if r.IntN(10) < share {
				pairs = append(pairs, pair{is.orgName(o), tm.otherHeads[k]})
			}
		}
		for k, o := range is.districts {
			if r.IntN(10) < share {
				pairs = append(pairs, pair{o, tm.distHeads[k]})
			}
		}
	}

	colon := pick(r, []string{":", "："})
	var out []Attendee
	w.raw("出席" + colon + nameLines(present, between(r, 5, 7)) + "\n\n")
	for _, nm := range present {
		out = append(out, Attendee{Name: nm, Role: RolePresent})
	}
	w.raw("列席" + colon)
	if len(deputies) > 0 {
		w.raw(nameLines(deputies, between(r, 5, 7)) + "\n\n")
	}
	for _, nm := range deputies {
		out = append(out, Attendee{Name: nm, Role: RoleObserver})
	}
	var tokens []string
	for _, p := range pairs {
		tokens = append(tokens, p.org+p.name)
		out = append(out, Attendee{Name: p.name, Org: p.org, Role: RoleObserver})
	}
	w.raw(hardWrap(strings.Join(tokens, " "), between(r, 20, 24)) + "\n\n")
	return out
}

// nameLines joins names with spaces, perLine to a line.
func nameLines(names []string, perLine int) string {
	var b strings.Builder
	for i, nm := range names {
		switch {
		case i == 0:
		case i%perLine == 0:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		b.WriteString(nm)
	}
	return b.String()
}

func randomWeekday(r *rand.Rand) time.Time {
	span := int(lastDay.Sub(firstDay).Hours()/24) + 1
	t := firstDay.AddDate(0, 0, r.IntN(span))
	switch t.Weekday() {
	case time.Saturday:
		t = t.AddDate(0, 0, -1)
	case time.Sunday:
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// weighted picks one of xs with the given relative weights.
func weighted[T any](r *rand.Rand, xs []T, weights []int) T {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return xs[i]
		}
		x -= w
	}
	return xs[len(xs)-1]
}

// cnDate writes 2020年11月2日.
func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// cnNum writes 1 to 99 in Chinese numerals.
func cnNum(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}
