package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// issuer is a government with its plans and, per term, its people. It is
// built once in New and only read afterwards.
type issuer struct {
	spec      issuerSpec
	plans     []plan
	terms     []term
	districts []string // county-level bodies in attendance lists
}

// plan is a document the issuer works on over a window of time: first
// studied, then reviewed, approved in principle and finally passed.
type plan struct {
	title      string
	lead       int // department key
	meaning    string
	start, end time.Time
}

// stage is the plan's stage at t, which lies in [start, end).
func (p plan) stage(t time.Time) string {
	f := float64(t.Sub(p.start)) / float64(p.end.Sub(p.start))
	switch {
	case f < 0.4:
		return StageStudy
	case f < 0.65:
		return StageReview
	case f < 0.9:
		return StageApproved
	default:
		return StagePassed
	}
}

// term holds the people of one government term.
type term struct {
	mayor      string
	vices      []string // vices[0] is the executive vice mayor
	members    []string // other members present (秘书长, 党组成员)
	deputies   []string // deputy secretaries-general, listed without org
	partyHeads []string // per partyOrgs
	deptHeads  []string // per departments
	otherHeads []string // per otherOrgs
	distHeads  []string // per issuer.districts
	recorders  []string
}

const plansPerIssuer = 48

func newIssuer(seed uint64, k int, spec issuerSpec) *issuer {
	is := &issuer{spec: spec}
	r := rand.New(rand.NewPCG(seed^streamPlans, mix(uint64(k))))
	if !spec.province {
		perm := r.Perm(len(districts))
		for _, j := range perm[:between(r, 4, 8)] {
			is.districts = append(is.districts, districts[j])
		}
	}
	seen := map[string]bool{}
	span := int(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	for len(is.plans) < plansPerIssuer {
		dm := pick(r, domains)
		form := pick(r, dm.forms)
		start := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(span))
		title := fmt.Sprintf(planForms[form], dm.subject)
		if !strings.HasPrefix(title, "关于") {
			title = spec.place + spec.level() + title
		}
		if years, ok := planFormPeriod[form]; ok {
			y := start.Year() + 1
			title += fmt.Sprintf("（%d—%d年）", y, y+years-1)
		}
		if seen[title] {
			continue
		}
		seen[title] = true
		is.plans = append(is.plans, plan{
			title:   title,
			lead:    spec.deptIndex(dm.lead),
			meaning: dm.meaning,
			start:   start,
			end:     start.AddDate(0, 0, between(r, 240, 720)),
		})
	}
	for t := range termStarts {
		r := rand.New(rand.NewPCG(seed^streamPeople, mix(uint64(k)<<8|uint64(t))))
		taken := map[string]bool{}
		tm := term{
			mayor:      distinctNames(r, 1, taken)[0],
			vices:      distinctNames(r, between(r, 5, 8), taken),
			members:    distinctNames(r, between(r, 2, 5), taken),
			deputies:   distinctNames(r, between(r, 5, 13), taken),
			partyHeads: distinctNames(r, len(partyOrgs), taken),
			deptHeads:  distinctNames(r, len(departments), taken),
			otherHeads: distinctNames(r, len(otherOrgs), taken),
			distHeads:  distinctNames(r, len(is.districts), taken),
			recorders:  distinctNames(r, 3, taken),
		}
		is.terms = append(is.terms, tm)
	}
	return is
}

// termOf is the index of the term that t falls in.
func termOf(t time.Time) int {
	k := 0
	for i, s := range termStarts {
		if !t.Before(s) {
			k = i
		}
	}
	return k
}

// orgName renders an otherOrgs pattern for the issuer.
func (is *issuer) orgName(pattern string) string {
	s := pattern
	if strings.HasPrefix(s, "市") {
		s = is.spec.level() + strings.TrimPrefix(s, "市")
	}
	if strings.Contains(s, "%s") {
		s = fmt.Sprintf(s, is.spec.place)
	}
	return s
}
