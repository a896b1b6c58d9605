package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// A gold record, written by hand by reading one document: the format of
// ../shared/corpus/gold/dev.jsonl (its README says what each field means)
// and of testdata/dev2/gold.jsonl.
type goldRecord struct {
	Source        string   `json:"source"`
	Title         string   `json:"title"`
	Issuer        string   `json:"issuer"`
	IssuerAliases []string `json:"issuer_aliases"`
	Meeting       struct {
		Kind    string `json:"kind"`
		Term    int    `json:"term"`
		Session int    `json:"session"`
		Date    string `json:"date"`
	} `json:"meeting"`
	Chair *struct {
		Name string `json:"name"`
	} `json:"chair"`
	Decisions []struct {
		Verb   string `json:"verb"`
		Object string `json:"object"`
	} `json:"decisions"`
	Departments []string `json:"departments"`
	Officials   []struct {
		Name string `json:"name"`
		Role string `json:"role"`
	} `json:"officials"`
	Topics []string `json:"topics"`
	Notes  string   `json:"notes"`
}

// goldSet is one set of gold records (files, a glob) and the folder their
// sources are relative to.
type goldSet struct {
	name, files, root string
}

// projectSets are the project's own gold sets under testdata, in the order
// they are scored. A set named "(held out)" is never tuned on and its
// differences are never printed; each folder's README.md says what it
// holds and how it was made.
var projectSets = []struct{ name, dir string }{
	{"dev2", "dev2"},              // local governments', congresses' and CPPCC committees' releases and minutes
	{"dev3", "dev3"},              // local and national minutes and releases; held out when first scored, tuned on since
	{"dev4", "dev4"},              // the shared corpus's kinds; held out when first scored, tuned on since
	{"dev5", "dev5"},              // the same kinds; held out when first scored, its differences seen since
	{"dev6 (held out)", "dev6"},   // the same kinds, written after a stop's rules
	{"dev8", "dev8"},              // the same kinds, scored once before any rule was written for it
	{"dev9", "dev9"},              // likewise
	{"dev11", "dev11"},            // likewise
	{"dev13", "dev13"},            // likewise
	{"dev14a", "dev14a"},          // likewise
	{"dev14b", "dev14b"},          // likewise
	{"dev15a", "dev15a"},          // likewise
	{"dev15b", "dev15b"},          // likewise
	{"dev16a", "dev16a"},          // likewise
	{"dev16b", "dev16b"},          // likewise
	{"dev17a", "dev17a"},          // likewise
	{"dev17b", "dev17b"},          // likewise
	{"dev18a", "dev18a"},          // likewise
	{"dev18b", "dev18b"},          // likewise
	{"dev19a", "dev19a"},          // likewise
	{"dev19b", "dev19b"},          // likewise
	{"dev7 (held out)", "dev7"},   // the same kinds, made at the start of a later stop
	{"dev10 (held out)", "dev10"}, // likewise, at the start of the stop after
	{"dev12 (held out)", "dev12"}, // likewise, at the start of the stop after that
}

// goldSets are the evaluation sets: the shared development set, the
// project's own sets, and the shared files the shared gold leaves out.
func goldSets(t *testing.T) []goldSet {
	sets := []goldSet{{"shared dev", corpusPath(t, "gold", "dev.jsonl"), corpusPath(t)}}
	for _, ps := range projectSets {
		gold := filepath.Join("testdata", ps.dir, "gold.jsonl")
		if _, err := os.Stat(gold); err == nil {
			sets = append(sets, goldSet{ps.name, gold, "testdata"})
		}
	}
	// The files of the shared corpus the shared gold leaves out, with
	// records written by hand here (testdata/rest/README.md): the closest
	// this repository has to the documents nobody tuned to.
	if m, _ := filepath.Glob(filepath.Join("testdata", "rest", "*.jsonl")); len(m) > 0 {
		sets = append(sets, goldSet{"shared rest", filepath.Join("testdata", "rest", "*.jsonl"), corpusPath(t)})
	}
	return sets
}

func readGold(t *testing.T, file string) []goldRecord {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldRecord
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldRecord
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("%s:%d: %v", file, n, err)
		}
		out = append(out, g)
	}
	return out
}

// goldScore counts, over a set, what extraction got right.
type goldScore struct {
	fields map[string]*ratio // issuer, date, kind, chair, topics
	dec    prf
	off    prf
	dep    prf

	records int
}

type ratio struct{ right, of int }

func (r ratio) value() float64 {
	if r.of == 0 {
		return 1
	}
	return float64(r.right) / float64(r.of)
}

// prf sums true positives, false positives and false negatives over records
// (micro-averaged).
type prf struct{ tp, fp, fn int }

func (s prf) f1() float64 {
	if s.tp == 0 {
		if s.fp == 0 && s.fn == 0 {
			return 1
		}
		return 0
	}
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return 2 * p * r / (p + r)
}

func (s prf) String() string {
	p, r := 1.0, 1.0
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	return fmt.Sprintf("F1 %.3f (P %.3f R %.3f; tp %d fp %d fn %d)", s.f1(), p, r, s.tp, s.fp, s.fn)
}

// goldKey folds a value for comparison: script, width and NFKC (fold), with
// brackets, punctuation and spaces dropped.
func goldKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, fold.String(s))
}

// similar reports whether two folded objects name the same thing, allowing
// small differences: one holds the other and is at least 60% of its length,
// or they differ in at most a fifth of their characters.
func similar(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
		a, b = b, a
	}
	if len(ra) == 0 {
		return false
	}
	if strings.Contains(b, a) && 10*len(ra) >= 6*len(rb) {
		return true
	}
	return 5*editDistance(ra, rb) <= len(rb)
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// matchSets pairs got with want one to one under eq and returns the counts.
func matchSets(got, want []string, eq func(a, b string) bool) prf {
	used := make([]bool, len(got))
	var s prf
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && eq(g, w) {
				used[i], found = true, true
				break
			}
		}
		if found {
			s.tp++
		} else {
			s.fn++
		}
	}
	s.fp = len(got) - s.tp
	return s
}

// goldCap is the number of officials gold records list at most (their notes
// say "capped at 40"): beyond it a record's extra officials are not counted
// as false, but a record must still have found goldCap right ones among its
// first goldCap.
const goldCap = 40

// sameIssuer reports whether the extracted issuer names the gold one: the
// same name, or a name the issuers table gives as its alias, or one of the
// gold record's aliases.
func (e *Extractor) sameIssuer(got string, g goldRecord) bool {
	if got == "" {
		return false
	}
	gk := goldKey(got)
	keys := map[string]bool{goldKey(g.Issuer): true}
	for _, a := range g.IssuerAliases {
		keys[goldKey(a)] = true
	}
	if keys[gk] {
		return true
	}
	for _, name := range e.IssuerNames(got) {
		if keys[goldKey(name)] {
			return true
		}
	}
	return false
}

// score compares one record with its gold and adds to s; it returns the
// lines that say what differed.
func (s *goldScore) score(e *Extractor, m *Minutes, g goldRecord) []string {
	s.records++
	var diffs []string
	field := func(name string, has bool, right bool, got, want any) {
		if !has {
			return
		}
		r := s.fields[name]
		r.of++
		if right {
			r.right++
		} else {
			diffs = append(diffs, fmt.Sprintf("%s: got %v, want %v", name, got, want))
		}
	}
	field("issuer", g.Issuer != "", e.sameIssuer(m.Issuer, g), m.Issuer, g.Issuer)
	field("date", g.Meeting.Date != "", m.Meeting.Date == g.Meeting.Date, m.Meeting.Date, g.Meeting.Date)
	field("kind", g.Meeting.Kind != "", goldKey(m.Meeting.Kind) == goldKey(g.Meeting.Kind), m.Meeting.Kind, g.Meeting.Kind)
	if g.Chair != nil {
		got := ""
		if m.Chair != nil {
			got = m.Chair.Name
		}
		field("chair", true, goldKey(got) == goldKey(g.Chair.Name), got, g.Chair.Name)
	}
	if len(g.Topics) > 0 {
		hit := false
		for _, t := range m.Topics {
			for _, w := range g.Topics {
				hit = hit || t == w
			}
		}
		field("topics", true, hit, m.Topics, g.Topics)
	}

	var gotDec, wantDec []string
	for _, it := range m.Items {
		for _, d := range it.Decisions {
			gotDec = append(gotDec, goldKey(d.Object))
		}
	}
	for _, d := range g.Decisions {
		wantDec = append(wantDec, goldKey(d.Object))
	}
	ds := matchSets(gotDec, wantDec, similar)
	s.dec.add(ds)
	if ds.fp+ds.fn > 0 {
		diffs = append(diffs, fmt.Sprintf("decisions %+v: got %q, want %q", ds, gotDec, wantDec))
	}

	var gotOff, wantOff []string
	seen := map[string]bool{}
	addOff := func(name string) {
		k := goldKey(name)
		if k != "" && !seen[k] {
			seen[k] = true
			gotOff = append(gotOff, k)
		}
	}
	if m.Chair != nil {
		addOff(m.Chair.Name)
	}
	for _, a := range m.Attendees {
		addOff(a.Name)
	}
	for _, r := range strings.Split(m.Recorder, "、") {
		addOff(r)
	}
	for _, o := range g.Officials {
		wantOff = append(wantOff, goldKey(o.Name))
	}
	eq := func(a, b string) bool { return a == b }
	os := matchSets(gotOff, wantOff, eq)
	if len(wantOff) >= goldCap {
		// The gold lists the first goldCap: count as false only those
		// of ours that fall short of goldCap right ones.
		os.fp = max(0, min(len(gotOff), goldCap)-os.tp)
	}
	s.off.add(os)
	if os.fp+os.fn > 0 {
		diffs = append(diffs, fmt.Sprintf("officials %+v: missing %q, extra %q", os, missing(gotOff, wantOff, eq), missing(wantOff, gotOff, eq)))
	}

	var gotDep, wantDep []string
	for _, d := range m.Departments {
		gotDep = append(gotDep, goldKey(d))
	}
	for _, d := range g.Departments {
		wantDep = append(wantDep, goldKey(d))
	}
	depEq := func(a, b string) bool { return a == b || strings.HasSuffix(a, b) || strings.HasSuffix(b, a) }
	dps := matchSets(gotDep, wantDep, depEq)
	s.dep.add(dps)
	if dps.fp+dps.fn > 0 {
		diffs = append(diffs, fmt.Sprintf("departments %+v: got %q, want %q", dps, gotDep, wantDep))
	}
	return diffs
}

func (s *prf) add(o prf) { s.tp += o.tp; s.fp += o.fp; s.fn += o.fn }

// missing lists the wanted values that no got value matches.
func missing(got, want []string, eq func(a, b string) bool) []string {
	var out []string
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || eq(g, w)
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
}

// goldTargets are the figures extraction is held to, from the extraction
// issue, and floors per set: the figures measured when each was last
// raised, less a little. The test fails below a floor and reports, without
// failing, a figure between floor and target, so that no change makes
// extraction worse while the work towards the targets goes on.
var goldTargets = []struct {
	name   string
	target float64
	floor  map[string]float64
}{
	// The shared sets meet every target: their floors are the targets, or
	// just under what they score where that is well above. The development
	// sets dev2, dev4, dev5, dev8, dev9, dev11, dev13, dev14a, dev14b,
	// dev15a, dev15b, dev16a, dev16b, dev17a, dev17b, dev18a and dev18b are
	// held just under what they score; dev3 (other kinds, many fields only
	// inferable from the page's address) and the held-out dev6, dev7, dev10
	// and dev12 have no floors.
	{"issuer", 0.95, map[string]float64{"shared dev": 0.95, "shared rest": 0.95, "dev2": 0.90, "dev4": 0.95, "dev5": 0.95, "dev8": 0.95, "dev9": 0.95, "dev11": 0.95, "dev13": 0.95, "dev14a": 0.95, "dev14b": 0.90, "dev15a": 0.95, "dev15b": 0.95, "dev16a": 0.95, "dev16b": 0.95, "dev17a": 0.95, "dev17b": 0.95, "dev18a": 0.95, "dev18b": 0.95}},
	{"date", 0.95, map[string]float64{"shared dev": 0.95, "shared rest": 0.95, "dev2": 0.46, "dev4": 0.93, "dev5": 0.95, "dev8": 0.95, "dev9": 0.95, "dev11": 0.95, "dev13": 0.95, "dev14a": 0.95, "dev14b": 0.95, "dev15a": 0.95, "dev15b": 0.95, "dev16a": 0.95, "dev16b": 0.95, "dev17a": 0.95, "dev17b": 0.95, "dev18a": 0.95, "dev18b": 0.95}},
	{"kind", 0.95, map[string]float64{"shared dev": 0.95, "shared rest": 0.95, "dev2": 0.95, "dev4": 0.95, "dev5": 0.95, "dev8": 0.95, "dev9": 0.95, "dev11": 0.95, "dev13": 0.95, "dev14a": 0.95, "dev14b": 0.95, "dev15a": 0.95, "dev15b": 0.95, "dev16a": 0.95, "dev16b": 0.95, "dev17a": 0.95, "dev17b": 0.95, "dev18a": 0.95, "dev18b": 0.95}},
	{"chair", 0.95, map[string]float64{"shared dev": 0.95, "shared rest": 0.95, "dev2": 0.95, "dev4": 0.95, "dev5": 0.95, "dev8": 0.95, "dev9": 0.95, "dev11": 0.95, "dev13": 0.95, "dev14a": 0.95, "dev14b": 0.95, "dev15a": 0.95, "dev15b": 0.95, "dev16a": 0.95, "dev16b": 0.95, "dev17a": 0.95, "dev17b": 0.95, "dev18a": 0.95, "dev18b": 0.95}},
	{"topics", 0.90, map[string]float64{"shared dev": 0.95, "shared rest": 0.95, "dev2": 0.90, "dev4": 0.95, "dev5": 0.95, "dev8": 0.93, "dev9": 0.92, "dev11": 0.92, "dev13": 0.95, "dev14a": 0.90, "dev14b": 0.90, "dev15a": 0.90, "dev15b": 0.95, "dev16a": 0.95, "dev16b": 0.78, "dev17a": 0.95, "dev17b": 0.88, "dev18a": 0.95, "dev18b": 0.95}},
	{"decisions F1", 0.85, map[string]float64{"shared dev": 0.95, "shared rest": 0.94, "dev2": 0.85, "dev4": 0.95, "dev5": 0.95, "dev8": 0.89, "dev9": 0.90, "dev11": 0.78, "dev13": 0.82, "dev14a": 0.92, "dev14b": 0.86, "dev15a": 0.92, "dev15b": 0.77, "dev16a": 0.95, "dev16b": 0.80, "dev17a": 0.91, "dev17b": 0.81, "dev18a": 0.90, "dev18b": 0.74}},
	{"officials F1", 0.85, map[string]float64{"shared dev": 0.97, "shared rest": 0.97, "dev2": 0.95, "dev4": 0.97, "dev5": 0.97, "dev8": 0.97, "dev9": 0.97, "dev11": 0.96, "dev13": 0.93, "dev14a": 0.95, "dev14b": 0.95, "dev15a": 0.95, "dev15b": 0.95, "dev16a": 0.94, "dev16b": 0.96, "dev17a": 0.97, "dev17b": 0.90, "dev18a": 0.88, "dev18b": 0.88}},
	{"departments F1", 0.75, map[string]float64{"shared dev": 0.90, "shared rest": 0.92, "dev2": 0.80, "dev4": 0.83, "dev5": 0.83, "dev8": 0.83, "dev9": 0.83, "dev11": 0.73, "dev13": 0.72, "dev14a": 0.93, "dev14b": 0.84, "dev15a": 0.85, "dev15b": 0.83, "dev16a": 0.69, "dev16b": 0.82, "dev17a": 0.71, "dev17b": 0.79, "dev18a": 0.95, "dev18b": 0.57}},
}

// newGoldScore returns an empty score.
func newGoldScore() *goldScore {
	s := &goldScore{fields: map[string]*ratio{}}
	for _, f := range []string{"issuer", "date", "kind", "chair", "topics"} {
		s.fields[f] = &ratio{}
	}
	return s
}

// report prints the figures of a score over n records.
func (s *goldScore) report(name string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d records\n", name, n)
	for _, f := range slices.Sorted(maps.Keys(s.fields)) {
		r := s.fields[f]
		fmt.Fprintf(&b, "  %-15s %.3f (%d of %d)\n", f, r.value(), r.right, r.of)
	}
	fmt.Fprintf(&b, "  %-15s %s\n  %-15s %s\n  %-15s %s\n", "decisions", s.dec, "officials", s.off, "departments", s.dep)
	return b.String()
}

// heldOut reports whether the set is held out: scored, never read.
func (s goldSet) heldOut() bool { return strings.HasSuffix(s.name, "(held out)") }

// TestGold scores extraction against the hand-written gold records and
// prints the figures; GOLD_DIFF=1 prints what differed, record by record,
// except in a held-out set, and GOLD_BY_FOLDER=1 the figures of each folder
// of a set.
func TestGold(t *testing.T) {
	e := newTestExtractor(t)
	for _, set := range goldSets(t) {
		s := newGoldScore()
		byFolder := map[string]*goldScore{}
		files, err := filepath.Glob(set.files)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no gold files %s: %v", set.name, set.files, err)
		}
		var gold []goldRecord
		for _, f := range files {
			gold = append(gold, readGold(t, f)...)
		}
		for _, g := range gold {
			path := filepath.Join(set.root, filepath.FromSlash(g.Source))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%s: %v", set.name, err)
			}
			ms, err := e.Extract(g.Source, data)
			if err != nil || len(ms) == 0 {
				t.Errorf("%s: %s: no record: %v", set.name, g.Source, err)
				continue
			}
			diffs := s.score(e, ms[0], g)
			// A held-out set's differences are never printed: reading
			// them would make it a development set.
			if os.Getenv("GOLD_DIFF") != "" && len(diffs) > 0 && !set.heldOut() {
				t.Logf("%s\n\t%s", g.Source, strings.Join(diffs, "\n\t"))
			}
			if os.Getenv("GOLD_BY_FOLDER") != "" {
				dir := pathpkg.Dir(g.Source)
				if byFolder[dir] == nil {
					byFolder[dir] = newGoldScore()
				}
				byFolder[dir].score(e, ms[0], g)
			}
		}
		for _, dir := range slices.Sorted(maps.Keys(byFolder)) {
			t.Log(byFolder[dir].report(set.name+", "+dir, byFolder[dir].records))
		}
		got := map[string]float64{
			"decisions F1":   s.dec.f1(),
			"officials F1":   s.off.f1(),
			"departments F1": s.dep.f1(),
		}
		for n, r := range s.fields {
			got[n] = r.value()
		}
		t.Log(s.report(set.name, len(gold)))
		for _, tg := range goldTargets {
			v := got[tg.name]
			switch {
			case v < tg.floor[set.name]:
				t.Errorf("%s: %s %.3f, below its floor %.3f (target %.2f)", set.name, tg.name, v, tg.floor[set.name], tg.target)
			case v < tg.target:
				t.Logf("%s: %s %.3f is short of the target %.2f", set.name, tg.name, v, tg.target)
			}
		}
	}
}
