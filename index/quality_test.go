package index

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/fold"
	"github.com/jiyao-search/jiyao/internal/shared"
)

// The search-quality suite: testdata/quality.json lists queries over the
// shared corpus (../shared/corpus/seed and real) with the documents each
// must find and the rank it must reach. Which documents are relevant is not
// taken from any index: relevantSet scans the extracted text of every
// record for the folded query strings. TestQuality checks the must-find
// ranks and Jiyao's recall and precision; TestQualityReport prints them
// beside those of a plain bleve index with the stock cjk analyzer.

// qualityFile is the suite.
const qualityFile = "testdata/quality.json"

// qualityCase is one query of the suite.
type qualityCase struct {
	// Name identifies the case in failures (ASCII).
	Name string `json:"name"`
	// Class is what the case covers: char, word2, word4, phrase, person,
	// department, title, session, docnumber, fullwidth, numeral, script,
	// filter, multi.
	Class string `json:"class"`
	// Query is in Jiyao's query language (see Parse).
	Query   string         `json:"q"`
	Level   string         `json:"level,omitempty"`
	Filters qualityFilters `json:"filters,omitzero"`
	// Truth says which records are relevant: every group must occur in the
	// record's title or text, a group by any of its strings, compared
	// folded. Empty means one group per whitespace-separated query term
	// (a query with operators, AND, OR, NOT, spells its truth out).
	Truth [][]string `json:"truth,omitempty"`
	// TruthNot excludes records holding any of these strings (the -terms
	// of the query). Issuer and date filters are applied to the truth from
	// the records' fields; a department filter by TruthDepartment; other
	// filters must be expressed in Truth.
	TruthNot []string `json:"truth_not,omitempty"`
	// TruthAny, for a query whose top is OR (甲 乙 OR 丙 -丁), replaces
	// Truth and TruthNot: a record is relevant when it meets any one of
	// the alternatives, each read as Truth and TruthNot are.
	TruthAny []truthAlt `json:"truth_any,omitempty"`
	// TruthRegexp, where substrings cannot say what is relevant (three
	// items, 三项 or 3项, but not 十三项 or 13项), must also match the
	// record's folded title and text.
	TruthRegexp string `json:"truth_regexp,omitempty"`
	// TruthDepartment, for a department filter, lists the names of the
	// body from the alias data (ingest/data/departments.tsv), with the
	// level the filter names (市卫生健康委, 市卫健委, 市卫生局): a record is
	// relevant when one of its departments, as one government's body
	// (苏州市卫生健康委, 高雄市衛生局), ends with one of them, folded.
	TruthDepartment []string `json:"truth_department,omitempty"`
	// Must lists records that must be found, by corpus-relative source
	// path, within a rank (1-based; 0 means anywhere among all hits).
	Must []mustFind `json:"must"`
	// MustNot lists records that must not be found at all.
	MustNot []string `json:"must_not,omitempty"`
	// Note says what was checked by reading.
	Note string `json:"note,omitempty"`
}

// truthAlt is one alternative of TruthAny.
type truthAlt struct {
	Truth    [][]string `json:"truth"`
	TruthNot []string   `json:"truth_not,omitempty"`
}

type mustFind struct {
	Doc  string `json:"doc"`
	Rank int    `json:"rank"`
}

// truthAlts returns the case's truth as alternatives (one but for
// TruthAny), their strings folded.
func (c qualityCase) truthAlts() []truthAlt {
	alts := c.TruthAny
	if len(alts) == 0 {
		groups := c.Truth
		if len(groups) == 0 {
			for _, w := range strings.Fields(c.Query) {
				groups = append(groups, []string{strings.Trim(w, `"“”「」`)})
			}
		}
		alts = []truthAlt{{Truth: groups, TruthNot: c.TruthNot}}
	}
	out := make([]truthAlt, len(alts))
	for i, a := range alts {
		for _, g := range a.Truth {
			var fg []string
			for _, s := range g {
				fg = append(fg, fold.String(s))
			}
			out[i].Truth = append(out[i].Truth, fg)
		}
		for _, s := range a.TruthNot {
			out[i].TruthNot = append(out[i].TruthNot, fold.String(s))
		}
	}
	return out
}

// meets reports whether folded text holds a string of every group and
// none of the excluded.
func (a truthAlt) meets(text string) bool {
	for _, g := range a.Truth {
		if !slices.ContainsFunc(g, func(s string) bool { return strings.Contains(text, s) }) {
			return false
		}
	}
	return !slices.ContainsFunc(a.TruthNot, func(s string) bool { return strings.Contains(text, s) })
}

// compared reports whether the case takes part in the comparison with the
// stock analyzer: a free-text query over meetings, without filters or
// syntax a plain bleve index has no equivalent for (an exclusion, - or
// NOT, a field, a phrase in quotes).
func (c qualityCase) compared() bool {
	return (c.Level == "" || c.Level == LevelMeeting) && c.Filters.isZero() && !strings.ContainsAny(c.Query, `:-"`) &&
		!slices.Contains(strings.Fields(c.Query), "NOT")
}

// qualityFilters are a case's filters as the suite writes them: from, to,
// role and the filters of FilterNames by name ("issuer": [...]).
type qualityFilters Filters

func (f *qualityFilters) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	for k, v := range raw {
		var err error
		switch {
		case k == "from":
			err = json.Unmarshal(v, &f.From)
		case k == "to":
			err = json.Unmarshal(v, &f.To)
		case k == "role":
			err = json.Unmarshal(v, &f.Role)
		case slices.Contains(FilterNames, k):
			var vals []string
			err = json.Unmarshal(v, &vals)
			*f = qualityFilters(Filters(*f).With(k, vals...))
		default:
			err = fmt.Errorf("unknown filter %q", k)
		}
		if err != nil {
			return fmt.Errorf("filter %s: %w", k, err)
		}
	}
	return nil
}

func (f qualityFilters) isZero() bool {
	return f.From == "" && f.To == "" && f.Role == "" && len(f.Values) == 0
}

func loadQualityCases(t testing.TB) []qualityCase {
	t.Helper()
	data, err := os.ReadFile(qualityFile)
	if err != nil {
		t.Fatal(err)
	}
	var cases []qualityCase
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cases); err != nil {
		t.Fatalf("%s: %v", qualityFile, err)
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if c.Name == "" || seen[c.Name] {
			t.Fatalf("%s: case name %q empty or repeated", qualityFile, c.Name)
		}
		seen[c.Name] = true
	}
	return cases
}

// qualityCorpus is the shared corpus loaded once per test binary: the
// records that extract and pass ingest.Check, and a Jiyao index of them
// built by Load.
type qualityCorpus struct {
	root string
	recs []*ingest.Minutes // by ID, one per ID
	// byDoc maps a corpus-relative source path (seed/…, real/…) to the
	// record ID; docOf is the reverse.
	byDoc  map[string]string
	docOf  map[string]string
	folded map[string]string // record ID → folded title and text
	failed []Outcome
	idx    *Index
}

var (
	corpusOnce sync.Once
	corpusVal  *qualityCorpus
	corpusErr  error
)

// sharedCorpusRoot returns ../shared/corpus beside the repository, with
// its seed and real folders; the test fails when they are missing.
func sharedCorpusRoot(t testing.TB) string {
	t.Helper()
	shared.CorpusPath(t, "seed")
	shared.CorpusPath(t, "real")
	return shared.CorpusPath(t)
}

func loadQualityCorpus(t testing.TB) *qualityCorpus {
	t.Helper()
	root := sharedCorpusRoot(t)
	corpusOnce.Do(func() { corpusVal, corpusErr = buildQualityCorpus(root) })
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusVal
}

func buildQualityCorpus(root string) (*qualityCorpus, error) {
	ctx := context.Background()
	srcs, bad := Walk([]string{filepath.Join(root, "seed"), filepath.Join(root, "real")})
	if len(bad) > 0 {
		return nil, fmt.Errorf("walk corpus: %v", bad[0].Err)
	}
	// The seed's expected output and the READMEs and manifest are not
	// minutes.
	srcs = slices.DeleteFunc(srcs, func(s Source) bool {
		base := filepath.Base(s.Name)
		return strings.HasSuffix(base, ".expected.json") || base == "README.md" || base == "MANIFEST.tsv"
	})
	idx, err := OpenMem()
	if err != nil {
		return nil, err
	}
	sum, err := idx.Load(ctx, srcs, LoadOptions{})
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	qc := &qualityCorpus{root: root, idx: idx, byDoc: map[string]string{}, docOf: map[string]string{}, folded: map[string]string{}}
	for _, o := range sum.Outcomes {
		if o.Status == StatusFailed {
			qc.failed = append(qc.failed, o)
			continue
		}
		if _, dup := qc.folded[o.ID]; dup {
			qc.byDoc[qc.rel(o.Source)] = o.ID
			continue
		}
		// The records are read back from the index's stored copy of what
		// the extractor produced; truth is computed from their text, not
		// from any search.
		rec, err := idx.Get(ctx, o.ID)
		if err != nil {
			return nil, fmt.Errorf("get %s (%s): %w", o.ID, o.Source, err)
		}
		qc.recs = append(qc.recs, rec)
		qc.byDoc[qc.rel(o.Source)] = o.ID
		qc.docOf[o.ID] = qc.rel(o.Source)
		qc.folded[o.ID] = fold.String(rec.Title + "\n" + rec.Text)
	}
	slices.SortFunc(qc.recs, func(a, b *ingest.Minutes) int { return cmp.Compare(qc.docOf[a.ID], qc.docOf[b.ID]) })
	return qc, nil
}

// rel returns a source path relative to the corpus root, with slashes.
func (qc *qualityCorpus) rel(source string) string {
	r, err := filepath.Rel(qc.root, source)
	if err != nil {
		return source
	}
	return filepath.ToSlash(r)
}

// relevantSet returns the IDs of the records relevant to c, computed from
// the records' text and, for the issuer, date and department filters,
// their fields; never from a search.
func (qc *qualityCorpus) relevantSet(c qualityCase) map[string]bool {
	alts := c.truthAlts()
	var re *regexp.Regexp
	if c.TruthRegexp != "" {
		re = regexp.MustCompile(c.TruthRegexp)
	}
	out := map[string]bool{}
	for _, rec := range qc.recs {
		text := qc.folded[rec.ID]
		ok := slices.ContainsFunc(alts, func(a truthAlt) bool { return a.meets(text) })
		if ok && re != nil {
			ok = re.MatchString(text)
		}
		if ok && len(c.TruthDepartment) > 0 {
			ok = slices.ContainsFunc(rec.DepartmentIDs, func(d string) bool {
				return slices.ContainsFunc(c.TruthDepartment, func(n string) bool { return strings.HasSuffix(fold.String(d), fold.String(n)) })
			})
		}
		if ok && len(c.Filters.Values["issuer"]) > 0 {
			// The issuer by any of its names (国务院 for
			// 中华人民共和国国务院).
			names := append([]string{rec.Issuer}, append(rec.IssuerAliases, ingest.IssuerForms(rec.Issuer)...)...)
			ok = slices.ContainsFunc(c.Filters.Values["issuer"], func(s string) bool {
				return slices.ContainsFunc(names, func(n string) bool { return key(s) == key(n) })
			})
		}
		if ok && (c.Filters.From != "" || c.Filters.To != "") {
			day := rec.Day()
			ok = (c.Filters.From == "" || day >= c.Filters.From) && (c.Filters.To == "" || day[:min(len(day), len(c.Filters.To))] <= c.Filters.To)
		}
		if ok {
			out[rec.ID] = true
		}
	}
	return out
}

// searchAll runs a case on Jiyao and returns the record IDs of all hits in
// rank order (an item or decision hit stands for its meeting, at the rank
// of its first hit), with the match mode.
func (qc *qualityCorpus) searchAll(ctx context.Context, c qualityCase) ([]string, string, error) {
	req := Request{Query: c.Query, Level: c.Level, Filters: Filters(c.Filters), Size: MaxSize}
	var ids []string
	seen := map[string]bool{}
	mode := ""
	for {
		res, err := qc.idx.Search(ctx, req)
		if err != nil {
			return nil, "", err
		}
		mode = res.Mode
		for _, h := range res.Hits {
			if !seen[h.MeetingID] {
				seen[h.MeetingID] = true
				ids = append(ids, h.MeetingID)
			}
		}
		if res.Next == "" {
			return ids, mode, nil
		}
		req.After = res.Next
	}
}

// stockIndex is a plain bleve index of the same records whose default
// analyzer is the stock cjk analyzer: what a naive integration builds.
func (qc *qualityCorpus) stockIndex() (bleve.Index, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = cjk.AnalyzerName
	// Nothing is stored: only the postings (with positions, for phrases)
	// matter here.
	field := bleve.NewTextFieldMapping()
	field.Store = false
	field.DocValues = false
	m.DefaultMapping.AddFieldMappingsAt("title", field)
	m.DefaultMapping.AddFieldMappingsAt("text", field)
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	batch := b.NewBatch()
	for _, rec := range qc.recs {
		if err := batch.Index(rec.ID, map[string]string{"title": rec.Title, "text": rec.Text}); err != nil {
			return nil, err
		}
	}
	if err := b.Batch(batch); err != nil {
		return nil, err
	}
	return b, nil
}

// stockSearch returns the IDs of all hits of a plain match or match-phrase
// query on the stock index, in rank order.
func stockSearch(b bleve.Index, q string, phrase bool) ([]string, error) {
	var sr *bleve.SearchRequest
	if phrase {
		sr = bleve.NewSearchRequestOptions(bleve.NewMatchPhraseQuery(q), 10000, 0, false)
	} else {
		sr = bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 10000, 0, false)
	}
	res, err := b.Search(sr)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// evalTopN is the cut-off of the precision reported beside the precision
// over all hits.
const evalTopN = 20

// scores are one system's figures for one query.
type scores struct {
	Retrieved, Relevant, Hit int     // hits, relevant records, relevant hits
	P, R, PN                 float64 // precision and recall over all hits; precision over the top evalTopN
}

// score compares ranked hits with the relevant set. A system that returns
// nothing has precision 0 (as trec_eval counts it).
func score(ids []string, rel map[string]bool) scores {
	s := scores{Retrieved: len(ids), Relevant: len(rel)}
	hitN := 0
	for i, id := range ids {
		if rel[id] {
			s.Hit++
			if i < evalTopN {
				hitN++
			}
		}
	}
	if len(ids) > 0 {
		s.P = float64(s.Hit) / float64(len(ids))
		s.PN = float64(hitN) / float64(min(len(ids), evalTopN))
	}
	if len(rel) > 0 {
		s.R = float64(s.Hit) / float64(len(rel))
	}
	return s
}

// macro averages scores over queries.
func macro(ss []scores) (p, r, pn float64) {
	if len(ss) == 0 {
		return 0, 0, 0
	}
	for _, s := range ss {
		p += s.P
		r += s.R
		pn += s.PN
	}
	n := float64(len(ss))
	return p / n, r / n, pn / n
}

// Thresholds under which Jiyao's macro-averaged figures over the compared
// queries must not fall; set a little below the values measured when the
// suite was written (see TestQualityReport).
const (
	minMacroRecall    = 0.97
	minMacroPrecision = 0.95
)

// TestQuality runs every case of the suite on Jiyao: each must-find record
// within its rank, no must-not record, and macro recall and precision over
// the compared cases no lower than measured. Must-find records must be in,
// and must-not records out of, the relevant set computed from the texts, so
// the data cannot drift from the corpus unnoticed.
func TestQuality(t *testing.T) {
	cases := loadQualityCases(t)
	qc := loadQualityCorpus(t)
	ctx := context.Background()
	var all []scores
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			ids, mode, err := qc.searchAll(ctx, c)
			if err != nil {
				t.Fatalf("Search(%q): %v", c.Query, err)
			}
			rank := map[string]int{}
			for i, id := range ids {
				rank[id] = i + 1
			}
			rel := qc.relevantSet(c)
			for _, m := range c.Must {
				id, ok := qc.byDoc[m.Doc]
				if !ok {
					t.Errorf("must-find %s is not an indexed record of the corpus", m.Doc)
					continue
				}
				if !rel[id] {
					t.Errorf("must-find %s is not in the relevant set computed from the texts", m.Doc)
				}
				r, found := rank[id]
				switch {
				case !found:
					t.Errorf("query %q (mode %s, %d hits): %s not found; want rank ≤ %d", c.Query, mode, len(ids), m.Doc, m.Rank)
				case m.Rank > 0 && r > m.Rank:
					t.Errorf("query %q: %s at rank %d; want ≤ %d", c.Query, m.Doc, r, m.Rank)
				}
			}
			for _, d := range c.MustNot {
				id, ok := qc.byDoc[d]
				if !ok {
					t.Errorf("must-not %s is not an indexed record of the corpus", d)
					continue
				}
				if rel[id] {
					t.Errorf("must-not %s is in the relevant set computed from the texts", d)
				}
				if r, found := rank[id]; found {
					t.Errorf("query %q: %s found at rank %d; want not found", c.Query, d, r)
				}
			}
			if c.compared() {
				all = append(all, score(ids, rel))
			}
		})
	}
	p, r, _ := macro(all)
	t.Logf("Jiyao over %d compared queries: macro recall %.3f, precision %.3f", len(all), r, p)
	if r < minMacroRecall {
		t.Errorf("macro recall %.3f < %.3f", r, minMacroRecall)
	}
	if p < minMacroPrecision {
		t.Errorf("macro precision %.3f < %.3f", p, minMacroPrecision)
	}
}

// TestQualityReport prints, for every compared query of the suite, the
// recall and precision of Jiyao and of a plain bleve index with the stock
// cjk analyzer queried with MatchQuery and MatchPhraseQuery, and their
// macro-averages:
//
//	go test ./index -run TestQualityReport -v
//
// It checks nothing (TestQuality does), so it runs only with -v.
func TestQualityReport(t *testing.T) {
	// A report, not a check (TestQuality checks): it builds a stock bleve
	// index too, about 50 s, so it runs when asked for, not whenever a
	// runner passes -v (go test -json does).
	if os.Getenv("JIYAO_QUALITY_REPORT") == "" {
		t.Skip("set JIYAO_QUALITY_REPORT=1 to print the quality report (with -v)")
	}
	cases := loadQualityCases(t)
	qc := loadQualityCorpus(t)
	stock, err := qc.stockIndex()
	if err != nil {
		t.Fatal(err)
	}
	defer stock.Close()
	ctx := context.Background()
	var jiyao, match, phrase []scores
	var b strings.Builder
	fmt.Fprintf(&b, "%d records (%d sources failed extraction); P and R over all hits, P@%d over the top %d\n", len(qc.recs), len(qc.failed), evalTopN, evalTopN)
	fmt.Fprintf(&b, "%s %-10s %4s | %-17s | %-17s | %-17s\n", pad("query", 36), "class", "rel", "jiyao ret P R", "cjk match ret P R", "cjk phrase ret P R")
	for _, c := range cases {
		if !c.compared() {
			continue
		}
		rel := qc.relevantSet(c)
		ids, _, err := qc.searchAll(ctx, c)
		if err != nil {
			t.Fatalf("Search(%q): %v", c.Query, err)
		}
		mids, err := stockSearch(stock, c.Query, false)
		if err != nil {
			t.Fatal(err)
		}
		pids, err := stockSearch(stock, c.Query, true)
		if err != nil {
			t.Fatal(err)
		}
		j, m, p := score(ids, rel), score(mids, rel), score(pids, rel)
		jiyao, match, phrase = append(jiyao, j), append(match, m), append(phrase, p)
		col := func(s scores) string { return fmt.Sprintf("%4d %5.2f %5.2f", s.Retrieved, s.P, s.R) }
		fmt.Fprintf(&b, "%s %-10s %4d | %s | %s | %s\n", pad(c.Query, 36), c.Class, len(rel), col(j), col(m), col(p))
	}
	fmt.Fprintf(&b, "macro-averages over %d queries:\n", len(jiyao))
	for _, s := range []struct {
		name string
		ss   []scores
	}{{"jiyao", jiyao}, {"cjk MatchQuery", match}, {"cjk MatchPhraseQuery", phrase}} {
		p, r, pn := macro(s.ss)
		fmt.Fprintf(&b, "  %-22s recall %.3f  precision %.3f  P@%d %.3f\n", s.name, r, p, evalTopN, pn)
	}
	// The other cases (filters, exclusions, fields, phrases in quotes,
	// levels), which stock bleve has no query for: Jiyao alone.
	var other []scores
	fmt.Fprintf(&b, "the other cases, Jiyao alone:\n%s %-10s %4s | %-17s\n", pad("query", 36), "class", "rel", "jiyao ret P R")
	for _, c := range cases {
		if c.compared() {
			continue
		}
		ids, _, err := qc.searchAll(ctx, c)
		if err != nil {
			t.Fatalf("Search(%q): %v", c.Query, err)
		}
		rel := qc.relevantSet(c)
		j := score(ids, rel)
		other = append(other, j)
		fmt.Fprintf(&b, "%s %-10s %4d | %4d %5.2f %5.2f\n", pad(c.Name, 36), c.Class, len(rel), j.Retrieved, j.P, j.R)
	}
	p, r, pn := macro(other)
	fmt.Fprintf(&b, "macro-averages over %d queries:\n  %-22s recall %.3f  precision %.3f  P@%d %.3f\n", len(other), "jiyao", r, p, evalTopN, pn)
	t.Log("\n" + b.String())
}

// pad pads s with spaces to n terminal columns, counting wide (CJK and
// full-width) characters as two.
func pad(s string, n int) string {
	w := 0
	for _, r := range s {
		w++
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff60 {
			w++
		}
	}
	return s + strings.Repeat(" ", max(1, n-w))
}
