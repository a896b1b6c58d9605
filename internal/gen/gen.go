package gen

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Attendance roles, as ingest spells them.
const (
	RolePresent  = "出席"
	RoleObserver = "列席"
)

// Meeting kinds.
const (
	KindStanding = "常务会议"
	KindTopical  = "专题会议"
	KindOffice   = "办公会议"
	KindPlenary  = "全体会议"
)

// Plan stages, in the order a plan goes through them.
const (
	StageStudy    = "研究"
	StageReview   = "审议"
	StageApproved = "原则同意"
	StagePassed   = "通过"
)

// Doc is one generated document and the truth of what it says. Field names
// follow ingest.Minutes so that tests can compare the two.
type Doc struct {
	// Name is the file name, gen-000123.txt for Doc(123).
	Name string
	// Text is the document, UTF-8.
	Text []byte

	// Issuer is the issuing body (发文机关): 苏州市人民政府.
	Issuer string
	// Title is the header without its space: 苏州市人民政府常务会议纪要.
	Title string
	// DocNumber is the document number (文号): 〔2020〕36号.
	DocNumber string
	Meeting   Meeting
	Chair     Person
	Items     []Item
	// Departments are the departments given work, in order of first
	// mention.
	Departments []string
	// Attendees are 出席 then 列席, in document order.
	Attendees []Attendee
	// Recorder is the person who took the minutes (记录).
	Recorder string
	// Publisher is the office that published the minutes (整理).
	Publisher string
	// Published is the publication date, YYYY-MM-DD.
	Published string
}

// Meeting is the meeting a document records.
type Meeting struct {
	Kind string
	// Label is the session designation as written: 第115次, 2020年第12次,
	// or empty for a meeting without a number.
	Label string
	// Year is the year the session count restarts in, for 专题会议.
	Year int
	// Session is the meeting's number, 0 when it has none.
	Session int
	// Date is YYYY-MM-DD.
	Date string
	// PartOfDay is 上午, 下午 or 晚上.
	PartOfDay string
}

// Person is a named official with a title (市长, 常务副市长, 副省长 …).
type Person struct {
	Name, Title string
}

// Item is one numbered agenda item.
type Item struct {
	// No is the item's number, from 1.
	No int
	// Action is 听取, 审议 or 研究.
	Action string
	// Title is the heading without its number.
	Title     string
	Decisions []Decision
	// Departments are those named in the item, in order of first mention.
	Departments []string
	// Plan is the plan's title (without 《》) when the item is about one of
	// the issuer's plans; Stage is the plan's stage at this meeting.
	Plan, Stage string
}

// Decision is one decision taken on an item.
type Decision struct {
	// Verb is 原则同意 or 审议通过.
	Verb string
	// Object is the plan title without 《》, or the work agreed to.
	Object string
	// Lead is the department put in charge (由…).
	Lead string
}

// Attendee is a person in the attendance lists.
type Attendee struct {
	Name, Org, Role string
}

// Option configures a Generator.
type Option func(*Generator)

// WrapAt makes paragraphs wrap at width characters per line, with a blank
// line at every page break, as text extracted from a PDF does. Zero (the
// default) writes each paragraph on one line.
func WrapAt(width int) Option {
	return func(g *Generator) { g.wrap = max(width, 0) }
}

// Generator makes documents from a seed. Doc is safe for concurrent use;
// Next is not.
type Generator struct {
	seed      uint64
	wrap      int
	next      int
	issuers   []*issuer
	issuerCum []int
}

// Time span of the generated meetings and of the government terms (届)
// that session numbers count within.
var (
	firstDay   = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay    = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	termStarts = []time.Time{
		time.Date(2013, 1, 20, 0, 0, 0, 0, time.UTC),
		time.Date(2018, 1, 20, 0, 0, 0, 0, time.UTC),
		time.Date(2023, 1, 20, 0, 0, 0, 0, time.UTC),
	}
)

// Seed domains that keep the random streams of different uses apart.
const (
	streamDoc    = 0x6a09e667f3bcc908
	streamPlans  = 0xbb67ae8584caa73b
	streamPeople = 0x3c6ef372fe94f82b
)

// New returns a generator of the documents that seed determines.
func New(seed uint64, opts ...Option) *Generator {
	g := &Generator{seed: seed}
	for _, o := range opts {
		o(g)
	}
	total := 0
	for k, spec := range issuerSpecs {
		g.issuers = append(g.issuers, newIssuer(seed, k, spec))
		total += spec.weight
		g.issuerCum = append(g.issuerCum, total)
	}
	return g
}

// Next returns the next document: Doc(0), Doc(1), …
func (g *Generator) Next() Doc {
	d := g.Doc(g.next)
	g.next++
	return d
}

// Doc returns document i. It depends only on the generator's seed and
// options and on i.
func (g *Generator) Doc(i int) Doc {
	r := g.rand(i)
	is := g.pickIssuer(r)
	d := is.compose(r, g.wrap)
	d.Name = DocName(i)
	return d
}

// DocName is the file name of document i.
func DocName(i int) string { return fmt.Sprintf("gen-%06d.txt", i) }

func (g *Generator) pickIssuer(r *rand.Rand) *issuer {
	x := r.IntN(g.issuerCum[len(g.issuerCum)-1])
	for k, c := range g.issuerCum {
		if x < c {
			return g.issuers[k]
		}
	}
	panic("unreachable")
}

// mix is SplitMix64's finaliser: it spreads consecutive integers over the
// whole range so that neighbouring documents get unrelated streams.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// between returns a random int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// rand is the random stream of document i.
func (g *Generator) rand(i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed^streamDoc, mix(uint64(i))))
}
