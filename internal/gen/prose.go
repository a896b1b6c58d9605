package gen

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// prose writes the sentences of one agenda item and records the
// departments it names and the decisions it states.
type prose struct {
	r         *rand.Rand
	is        *issuer
	depts     []int // department keys, in order of first mention
	decisions []Decision
}

// dept names department k and records the mention.
func (p *prose) dept(k int) string {
	k = p.is.spec.deptIndex(k)
	if !slices.Contains(p.depts, k) {
		p.depts = append(p.depts, k)
	}
	return p.is.spec.deptName(k)
}

// otherDept is a random department key other than k.
func (p *prose) otherDept(k int) int {
	for {
		o := p.is.spec.deptIndex(p.r.IntN(len(departments)))
		if o != p.is.spec.deptIndex(k) {
			return o
		}
	}
}

// paragraph is one further sub-point of an item.
func (p *prose) paragraph(dr *draft) string {
	var b strings.Builder
	switch p.r.IntN(4) {
	case 0:
		b.WriteString(p.importance(dr))
		b.WriteString(p.require())
	case 1:
		b.WriteString(p.roles(dr.lead))
	case 2:
		b.WriteString(p.require())
		if p.r.IntN(2) == 0 {
			b.WriteString(p.free())
		}
	default:
		b.WriteString(p.free())
		b.WriteString(p.roles(dr.lead))
	}
	return b.String()
}

// clause is one clause of a requirement: a set phrase, a governing verb with
// its object, or words drawn by frequency from the vocabulary.
func (p *prose) clause() string {
	r := p.r
	switch r.IntN(10) {
	case 0, 1, 2, 3:
		return pick(r, setClauses)
	case 4, 5:
		return pick(r, govVerbs) + pick(r, govObjects)
	case 6:
		return pick(r, govVerbs) + vocab.noun.draw(r) + vocab.verbalNoun.draw(r)
	case 7:
		return vocab.adverb.draw(r) + vocab.verb.draw(r) + vocab.noun.draw(r)
	case 8:
		return "围绕" + vocab.noun.draw(r) + vocab.verbalNoun.draw(r) + "，" + pick(r, govVerbs) + vocab.noun.draw(r)
	default:
		return pick(r, govVerbs) + vocab.noun.draw(r) + "和" + vocab.noun.draw(r)
	}
}

func (p *prose) clauses(lo, hi int) string {
	n := between(p.r, lo, hi)
	cs := make([]string, n)
	for i := range cs {
		cs[i] = p.clause()
	}
	return strings.Join(cs, "，")
}

var actors = []string{"各地各部门", "各地各相关部门", "各有关部门和单位", "各地各部门各单位", "各级各部门"}

// require is a sentence of requirements: 各地各部门要…；要…，确保…。
func (p *prose) require() string {
	var b strings.Builder
	b.WriteString(pick(p.r, actors))
	b.WriteString("要")
	b.WriteString(p.clauses(2, 4))
	for range between(p.r, 0, 2) {
		b.WriteString("；要")
		b.WriteString(p.clauses(1, 3))
	}
	b.WriteString("，确保")
	b.WriteString(pick(p.r, outcomes))
	b.WriteString("。")
	return b.String()
}

var purposes = []string{
	"贯彻落实中央和省决策部署", "推动高质量发展", "保障和改善民生",
	"提升城市能级和核心竞争力", "推进治理体系和治理能力现代化",
}

// importance says why the item matters.
func (p *prose) importance(dr *draft) string {
	r := p.r
	return dr.subject + "是" + pick(r, purposes) + "的重要举措，对于" + dr.meaning + "、" +
		pick(r, govVerbs) + vocab.noun.draw(r) + vocab.verbalNoun.draw(r) + "具有十分重要的意义。"
}

var challenges = []string{
	"当前形势仍然不容乐观", "部分领域仍存在短板弱项", "一些深层次问题尚未根本解决",
	"工作推进还不够平衡", "部分指标与目标要求仍有差距",
}

// assessment judges reported work.
func (p *prose) assessment(subject string) string {
	r := p.r
	return "会议认为，" + subject + pick(r, evaluations) + "。但" + pick(r, challenges) + "，" +
		pick(r, actors) + "要" + p.clauses(2, 3) + "，确保" + pick(r, outcomes) + "。"
}

// roles gives work to the lead department and others.
func (p *prose) roles(lead int) string {
	var b strings.Builder
	b.WriteString(p.dept(lead))
	b.WriteString(pick(p.r, []string{"要牵头抓总", "要切实履行牵头责任", "要抓好统筹协调"}))
	b.WriteString("，")
	n := between(p.r, 0, 2)
	for i := range n {
		if i > 0 {
			b.WriteString("、")
		}
		b.WriteString(p.dept(p.otherDept(lead)))
	}
	if n == 0 {
		b.WriteString(p.is.spec.level() + "各有关部门")
	}
	b.WriteString("要全力配合，")
	b.WriteString(p.clauses(2, 3))
	b.WriteString("；要")
	b.WriteString(p.clauses(1, 3))
	b.WriteString("。")
	return b.String()
}

// free is a sentence built mostly from words drawn by frequency.
func (p *prose) free() string {
	r := p.r
	return "要" + vocab.adverb.draw(r) + vocab.verb.draw(r) + vocab.noun.draw(r) + "的" +
		vocab.noun.draw(r) + "，" + pick(r, govVerbs) + vocab.noun.draw(r) + vocab.verbalNoun.draw(r) +
		"，" + vocab.adj.draw(r) + vocab.noun.draw(r) + vocab.verbalNoun.draw(r) + "。"
}
