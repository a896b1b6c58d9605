package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/jiyao-search/jiyao/internal/fold"
	"golang.org/x/text/unicode/norm"
)

// Config holds the data an Extractor works from. Zero values select the
// tables embedded in the binary (data/*.tsv).
type Config struct {
	// Departments, Issuers and Topics are TSV tables in the format of the
	// embedded ones; nil selects the default.
	Departments []byte
	Issuers     []byte
	Topics      []byte
	// Decode configures the format decoders (JSON field paths).
	Decode DecodeOptions
	// Issuer, when set, is every record's issuer: the value a folder's
	// files share (jiyao ingest --issuer).
	Issuer string
	// Published, YYYY-MM-DD, is the publication date of a document that
	// gives none of its own, against which a day without a year is read
	// (jiyao ingest --published).
	Published string
}

// Extractor turns documents into Minutes records. It is safe for concurrent
// use.
type Extractor struct {
	deptTable *aliasTable
	issuers   *aliasTable
	topics    []topic
	topicIx   topicIndex
	places    *gazetteer
	decode    DecodeOptions
	// issuer and published are Config's overrides.
	issuerOverride, publishedOverride string
}

// NewExtractor returns an Extractor for cfg.
func NewExtractor(cfg Config) (*Extractor, error) {
	pick := func(b, def []byte) []byte {
		if b == nil {
			return def
		}
		return b
	}
	e := &Extractor{decode: cfg.Decode, issuerOverride: cfg.Issuer, publishedOverride: cfg.Published}
	if cfg.Published != "" {
		if _, err := time.Parse(time.DateOnly, cfg.Published); err != nil {
			return nil, fmt.Errorf("published %q: want YYYY-MM-DD", cfg.Published)
		}
	}
	var err error
	if e.deptTable, err = parseAliasTable(pick(cfg.Departments, defaultDepartments)); err != nil {
		return nil, fmt.Errorf("departments table: %w", err)
	}
	if e.issuers, err = parseAliasTable(pick(cfg.Issuers, defaultIssuers)); err != nil {
		return nil, fmt.Errorf("issuers table: %w", err)
	}
	if e.topics, err = parseTopics(pick(cfg.Topics, defaultTopics)); err != nil {
		return nil, fmt.Errorf("topics table: %w", err)
	}
	e.topicIx = newTopicIndex(e.topics)
	if e.places, err = newGazetteer(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return e, nil
}

// ErrNoMinutes means a document decoded but is not the record of a meeting
// (a table, a README, a program, prose that names no meeting): it is
// skipped, never indexed.
var ErrNoMinutes = errors.New("not a meeting record")

// Extract decodes data (read from the file name) and extracts its records:
// one for most files, one per record for JSON Lines and arrays. It fails as a
// whole only when the file cannot be decoded.
func (e *Extractor) Extract(name string, data []byte) ([]*Minutes, error) {
	docs, err := e.decodeAll(name, data)
	if err != nil {
		return nil, err
	}
	digest := digestOf(data)
	out := make([]*Minutes, 0, len(docs))
	for i, d := range docs {
		m, _ := e.extractDoc(d, name, false)
		identify(m, name, digest, i, len(docs))
		out = append(out, m)
	}
	return out, nil
}

// decodeAll decodes a file into its documents; a file that decodes to
// nothing (empty, a JSON file without text) is not a meeting record.
func (e *Extractor) decodeAll(name string, data []byte) ([]*Document, error) {
	docs, err := DecodeAll(name, data, e.decode)
	if errors.Is(err, ErrEmpty) {
		return nil, fmt.Errorf("%w: %w", ErrNoMinutes, err)
	}
	return docs, err
}

// digestOf is the hex SHA-256 of a file's bytes, computed once for all its
// records.
func digestOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// identify gives record i of n read from the file name, whose bytes have
// digest, its source, digest and id.
func identify(m *Minutes, name, digest string, i, n int) {
	m.Source, m.SHA256, m.ID = name, digest, digest[:16]
	if n > 1 {
		m.Source = fmt.Sprintf("%s#%d", name, i+1)
		m.ID = fmt.Sprintf("%s-%d", digest[:16], i+1)
	}
}

// ExtractOne is Extract for a file that must hold exactly one record.
func (e *Extractor) ExtractOne(name string, data []byte) (*Minutes, error) {
	ms, err := e.Extract(name, data)
	if err != nil {
		return nil, err
	}
	if len(ms) != 1 {
		return nil, fmt.Errorf("%d records in one file, want 1", len(ms))
	}
	return ms[0], nil
}

// Check reports whether a record is the record of a meeting: an error
// wrapping ErrNoMinutes when no genre recognised it. A record that lacks a
// field is still a record (see Minutes.Missing).
func Check(m *Minutes) error {
	if m.Genre == "" {
		return ErrNoMinutes
	}
	return nil
}

// FromDocument extracts the record from a decoded document. It never fails:
// what cannot be found is left empty (see Check).
func (e *Extractor) FromDocument(d *Document) *Minutes {
	m, _ := e.extractDoc(d, "", false)
	return m
}

// extractDoc is FromDocument for a document read from the file name, whose
// path may name the place or the year; with explain its page records the
// rule behind each field.
func (e *Extractor) extractDoc(d *Document, name string, explain bool) (*Minutes, *page) {
	// The caller's document stays as it was: the date the page's chrome
	// or --published gives goes into a copy.
	dc := *d
	d = &dc
	text, hints := stripChrome(d.Text)
	pubRule := "the file's own date (" + d.Format + ")"
	if d.Published == "" {
		d.Published, pubRule = hints.published, "the page's date line (发布时间 …)"
	}
	if d.Published == "" {
		d.Published, pubRule = e.publishedOverride, "--published"
	}
	p := newPage(text)
	if explain {
		p.ex = &explainer{rules: map[string]whyAt{}}
	}
	p.why("published", pubRule, -1)
	m := &Minutes{
		Format:      d.Format,
		Encoding:    d.Encoding,
		URL:         d.URL,
		Published:   d.Published,
		Text:        p.disp,
		Script:      script(p.disp),
		Items:       []Item{},
		Departments: []string{},
		Attendees:   []Attendee{},
		Topics:      []string{},
	}
	// A day without a year (11月22日, 今天) is read against the page's
	// date, else against a date or year in the file's path
	// (…/2022/20221122.md), else not at all.
	ref, refKnown := time.Now().UTC(), false
	if t, err := time.Parse(time.DateOnly, d.Published); err == nil {
		ref, refKnown = t, true
	} else if t, ok := pathDate(name); ok {
		ref, refKnown = t, true
	}
	roc := rocDates(p, m)

	e.header(p, d, m, ref, roc)
	e.opening(p, m, ref, refKnown, roc)
	if m.Meeting.Date == "" && m.Meeting.Year != 0 && !refKnown {
		// 1月19日…主持召开2026年第1次常务会议: the session's year is the
		// meeting's.
		e.opening(p, m, time.Date(m.Meeting.Year, 12, 31, 0, 0, 0, 0, time.UTC), true, roc)
	}
	if m.Chair != nil {
		switch ob := issuerOfChair(m.Chair.Title); {
		case m.Issuer == "":
			// 县长…主持召开第36次县长办公会议: the chair's government.
			m.Issuer = ob
			p.why("issuer", "the government the chair's title heads ("+m.Chair.Title+")", -1)
		case ob != "" && isBody(m.Issuer):
			// 市长…主持召开第十六届人民政府第32次常务会议: the level
			// of the chair's government.
			m.Issuer = string([]rune(ob)[0]) + m.Issuer
		}
	}
	if q := e.qualifyIssuer(m.Issuer, fold.String(m.Title), p.norm, hints.text, fold.String(name)); q != m.Issuer {
		p.why("issuer", p.ruleOf("issuer")+"; placed and named canonically with the gazetteer (title, text, page, path)", p.atOf("issuer"))
		m.Issuer = q
	}
	if q := placeFromText(m.Issuer, p); q != "" {
		// 區議會 in a record that names 中西區區議會: the text's own
		// place, where the gazetteer has none.
		m.Issuer = q + m.Issuer
		p.why("issuer", p.ruleOf("issuer")+"; placed by the text's own fuller name of the body", p.atOf("issuer"))
	}
	if e.issuerOverride != "" {
		p.why("issuer", "--issuer", -1)
		m.Issuer = e.issuerOverride
		if ent, ok := e.issuers.byAlias[fold.String(e.issuerOverride)]; ok {
			m.Issuer = ent.canonical
		}
	}
	// The genre is known from the title and the head, before the items it
	// shapes.
	m.Genre = genre(p, m)
	p.why("genre", "what the title and the head of the text name (纪要, 召开…会议, 人大/政协, 議會, 議程)", -1)
	e.items(p, m)
	e.attendance(p, m)
	if m.Chair == nil {
		// A legislature's record lists its 主席 among those present.
		for _, a := range m.Attendees {
			if fold.String(a.Title) == "主席" && a.Org == "" {
				m.Chair = &Person{Name: a.Name, Title: a.Title}
				p.why("chair", "the 主席 among those present", -1)
				break
			}
		}
	}
	addActors(p, m)
	for _, b := range actingBodies(p, m) {
		known := false
		for _, d := range m.Departments {
			// 市自然资源和规划局 is already listed as the table names it.
			known = known || strings.HasSuffix(fold.String(d), fold.String(b)) || strings.HasSuffix(fold.String(b), fold.String(d))
		}
		if !known {
			m.Departments = append(m.Departments, b)
		}
	}
	// The lists are final: bound them before the work done on each.
	boundRecord(m)
	e.assignTopics(p, m)
	if names := e.IssuerNames(m.Issuer); len(names) > 1 {
		m.IssuerAliases = names[1:]
	}
	unifyForms(m)
	m.DepartmentIDs = make([]string, len(m.Departments))
	for i, d := range m.Departments {
		m.DepartmentIDs[i] = DepartmentIdentity(m.Issuer, d)
	}
	p.why("meeting.label", "the session designation in the title or the opening", -1)
	p.why("recorder", "the 记录/紀錄 label or the recorder among those listed", -1)
	m.Missing = missingFields(m)
	return m, p
}

// pathDateRE finds a date or a year in a file's path: 20221122,
// 2022-11-22, 2022/11/22, or a folder named 2022.
var pathDateRE = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[-_/.]?([01][0-9])[-_/.]?([0-3][0-9]))?(?:[^0-9]|$)`)

// pathDate returns the last date (or the end of the year) a path names, as
// the reference for a day without a year; a date found in the path is
// taken whole, a year alone as its last day.
func pathDate(name string) (time.Time, bool) {
	ms := pathDateRE.FindAllStringSubmatch(filepath.ToSlash(name), -1)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m[2] != "" {
			if t, err := time.Parse("20060102", m[1]+m[2]+m[3]); err == nil {
				return t, true
			}
		}
		if t, err := time.Parse("2006", m[1]); err == nil {
			return t.AddDate(1, 0, -1), true
		}
	}
	return time.Time{}, false
}

// script tells whether text is written in simplified or traditional
// characters, by counting characters that differ between the two.
// Characters that both scripts write alike but that are also the simplified
// form of a rarer traditional character (局 for 侷, 表 for 錶, 台 for 臺)
// are no evidence of simplified text and are not counted.
func script(s string) string {
	trad, simp := 0, 0
	// A few thousand characters tell the script of a document.
	const enough = 4000
	seen := 0
	for _, r := range s {
		if r < 0x3400 || !hanRune(r) {
			continue
		}
		if seen++; seen > enough {
			break
		}
		switch scriptOf(r) {
		case scriptTraditional:
			trad++
		case scriptSimplified:
			simp++
		}
	}
	switch {
	case trad == 0 && simp == 0:
		return "simplified"
	case trad > 4*simp:
		return "traditional"
	case simp > 4*trad:
		return "simplified"
	}
	return "mixed"
}

// What a character tells of the script, for script.
const (
	scriptNeither byte = iota
	scriptTraditional
	scriptSimplified
)

// scriptOf returns what r tells of the script: traditional for a
// traditional form, simplified for a simplified form not in sharedChars.
func scriptOf(r rune) byte {
	if r >= 0x4E00 && r < 0xA000 {
		return scriptDense[r-0x4E00]
	}
	return scriptOfSlow(r)
}

func scriptOfSlow(r rune) byte {
	switch {
	case fold.IsTraditional(r):
		return scriptTraditional
	case fold.IsSimplified(r) && !isShared(r):
		return scriptSimplified
	}
	return scriptNeither
}

// scriptDense is scriptOf over the common ideographs.
var scriptDense = func() *[0xA000 - 0x4E00]byte {
	var t [0xA000 - 0x4E00]byte
	for r := rune(0x4E00); r < 0xA000; r++ {
		t[r-0x4E00] = scriptOfSlow(r)
	}
	return &t
}()

// sharedChars are common characters of traditional text that simplification
// also uses for a merged character (局 ← 侷, 表 ← 錶, 里 ← 裏, 后 ← 後).
const sharedChars = "局表查席出家制里合游周胡布幸教沈余秘俊核回板秋台后干系只面几了才冲丰范谷松斗云划伙征注准致占志卷借克困郁岳向凶托吊尸咸舍御折采欲姜千升仆厘并杰梁于卜丑据吁叶腊蜡扎朱刮哄蔑累辟症佣恒床挂凄痴"

// timeZero is the reference for dates read where no relative date can
// occur.
var timeZero time.Time

// firstDate returns the first date in text.
func firstDate(text string, ref time.Time, roc bool) (DateMatch, bool) {
	ds := FindDates(text, ref, roc)
	if len(ds) == 0 {
		return DateMatch{}, false
	}
	return ds[0], true
}

// rocDates reports whether a record's short years (95年10月18日) are 民國
// years: a record from Taiwan, in traditional script, of a council or the
// Legislative Yuan or that says 民國.
func rocDates(p *page, m *Minutes) bool {
	return m.Script != "simplified" && (strings.Contains(p.norm, "议会") || strings.Contains(p.norm, "立法院") || strings.Contains(p.norm, "民国"))
}

// ISO formats the date as YYYY-MM-DD.
func (d DateMatch) ISO() string { return d.Date.String() }

// isShared reports whether r is one of sharedChars.
func isShared(r rune) bool {
	if r >= 0x4E00 && r < 0xA000 {
		return sharedDense[r-0x4E00]
	}
	return strings.ContainsRune(sharedChars, r)
}

// sharedDense is sharedChars as a set over the common ideographs.
var sharedDense = func() *[0xA000 - 0x4E00]bool {
	var t [0xA000 - 0x4E00]bool
	for _, r := range sharedChars {
		if r >= 0x4E00 && r < 0xA000 {
			t[r-0x4E00] = true
		}
	}
	return &t
}()

// unifyForms writes the names a record files (issuer, kind, people, bodies,
// decisions) with unified ideographs where the text has compatibility ones
// (臨 U+F9F6 for 臨 U+81E8, 李 U+F9E1 for 李, as Big5 conversions leave
// them): one person or body is one value to count and show, however the
// file encoded it. The text itself stays as written.
func unifyForms(m *Minutes) {
	u := func(s *string) { *s = unified(*s) }
	u(&m.Issuer)
	u(&m.Meeting.Kind)
	u(&m.Meeting.Label)
	u(&m.Recorder)
	if m.Chair != nil {
		u(&m.Chair.Name)
		u(&m.Chair.Title)
	}
	for i := range m.Attendees {
		u(&m.Attendees[i].Name)
		u(&m.Attendees[i].Org)
		u(&m.Attendees[i].Title)
	}
	for i := range m.Speakers {
		u(&m.Speakers[i])
	}
	for i := range m.Departments {
		u(&m.Departments[i])
	}
	for i := range m.Items {
		for j := range m.Items[i].Departments {
			u(&m.Items[i].Departments[j])
		}
		for j := range m.Items[i].Decisions {
			u(&m.Items[i].Decisions[j].Verb)
			u(&m.Items[i].Decisions[j].Object)
		}
	}
}

// unified writes s with unified ideographs where it has compatibility ones
// (unifyForms).
func unified(s string) string {
	if strings.ContainsFunc(s, compatIdeograph) {
		return norm.NFC.String(s)
	}
	return s
}

// compatIdeograph reports whether r is a CJK compatibility ideograph, which
// canonical normalization (NFC) maps to its unified form.
func compatIdeograph(r rune) bool {
	return r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F
}
