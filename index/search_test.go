package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/jiyao-search/jiyao/ingest"
)

// ids runs a search and returns the hit ids, sorted.
func ids(t *testing.T, idx *Index, req Request) ([]string, *Result) {
	t.Helper()
	res, err := idx.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("Search(%+v): %v", req, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	return out, res
}

const (
	idSuzhou    = "aaaa000000000001"
	idTaipei    = "bbbb000000000002"
	idKaohsiung = "cccc000000000003"
	idNanjing   = "dddd000000000004"
	idWuxi      = "eeee000000000005"
)

func TestSearchMatching(t *testing.T) {
	idx := newTestIndex(t)
	tests := []struct {
		name string
		req  Request
		want []string
		mode string
	}{
		{"one character", Request{Query: "税"}, []string{idSuzhou}, ModeExact},
		{"one character item", Request{Query: "税", Level: LevelItem}, []string{idSuzhou + "/i2"}, ModeExact},
		{"one traditional character", Request{Query: "臺"}, []string{idTaipei}, ModeExact},
		{"digits and Han phrase", Request{Query: `"第12次"`}, []string{idWuxi}, ModeExact},
		{"session number", Request{Query: "第12次"}, []string{idWuxi}, ModeExact},
		{"month and day", Request{Query: "3月15日"}, []string{idTaipei}, ModeExact},
		{"full-width date found by half-width", Request{Query: "2020年11月2日"}, []string{idSuzhou}, ModeExact},
		{"year", Request{Query: "2020年"}, []string{idSuzhou}, ModeExact},
		{"Chinese numeral year", Request{Query: "2026年1月8日"}, []string{idNanjing}, ModeExact},
		{"phrase not bigram OR", Request{Query: "商务局"}, []string{idSuzhou}, ModeExact},
		{"traditional query", Request{Query: "財政局"}, []string{idSuzhou, idTaipei}, ModeExact},
		{"simplified query", Request{Query: "财政局", Level: LevelItem}, []string{idSuzhou + "/i1", idTaipei + "/i1"}, ModeExact},
		{"立法会", Request{Query: "立法会"}, []string{idTaipei}, ModeExact},
		{"zero width", Request{Query: "燃料\u200d电池"}, []string{idSuzhou}, ModeExact},
		{"session 115", Request{Query: "第115次"}, []string{idSuzhou}, ModeExact},
		{"session 115 in numerals", Request{Query: "第一百一十五次"}, []string{idSuzhou}, ModeExact},
		{"session items", Request{Query: "session:115", Level: LevelItem}, []string{idSuzhou + "/i1", idSuzhou + "/i2", idSuzhou + "/i3", idSuzhou + "/i4", idSuzhou + "/i5"}, ModeExact},
		{"year and session", Request{Query: "2026年第1次"}, []string{idNanjing}, ModeExact},
		{"year and session in numerals", Request{Query: "二〇二六年第一次"}, []string{idNanjing}, ModeExact},
		{"year and session numbered in the term", Request{Query: "2020年第115次"}, []string{idSuzhou}, ModeAll},
		{"year and session numbered in the term, another year", Request{Query: "2021年第115次"}, nil, ModeAny},
		{"doc number", Request{Query: "〔2020〕36号"}, []string{idSuzhou}, ModeExact},
		{"doc number brackets", Request{Query: "【2020】36号"}, []string{idSuzhou}, ModeExact},
		{"doc number full-width", Request{Query: "（２０２０）３６号"}, []string{idSuzhou}, ModeExact},
		{"doc number with prefix", Request{Query: "苏府会[2020]36号"}, []string{idSuzhou}, ModeExact},
		{"doc number other", Request{Query: "〔2026〕1号"}, []string{idNanjing}, ModeExact},
		{"doc number with a prefix the record lacks", Request{Query: "宁府会〔2026〕1号"}, []string{idNanjing}, ModeAll},
		{"doc number with another prefix", Request{Query: "锡府会〔2020〕36号"}, nil, ModeAny},
		{"and", Request{Query: "市政府 会议"}, []string{idNanjing, idSuzhou, idWuxi}, ModeExact},
		{"exclude", Request{Query: "市政府 -苏州"}, []string{idNanjing, idWuxi}, ModeExact},
		{"exclude field", Request{Query: "会议 -issuer:苏州市人民政府"}, []string{idKaohsiung, idNanjing, idTaipei, idWuxi}, ModeExact},
		{"or", Request{Query: "氢能 OR 防汛"}, []string{idSuzhou, idWuxi}, ModeExact},
		{"group", Request{Query: "(氢能 规划) OR 防汛"}, []string{idSuzhou, idWuxi}, ModeExact},
		{"exclude a group", Request{Query: "市政府 -(苏州 OR 无锡)"}, []string{idNanjing}, ModeExact},
		{"nothing to exclude in a group", Request{Query: "(氢能 -，。) OR 防汛"}, []string{idSuzhou, idWuxi}, ModeExact},
		{"AND is the space", Request{Query: "市政府 AND 会议"}, []string{idNanjing, idSuzhou, idWuxi}, ModeExact},
		{"NOT is -", Request{Query: "市政府 NOT 苏州"}, []string{idNanjing, idWuxi}, ModeExact},
		{"NOT a group", Request{Query: "市政府 NOT (苏州 OR 无锡)"}, []string{idNanjing}, ModeExact},
		{"a quoted AND is a word", Request{Query: `市政府 "AND"`}, nil, ModeAny},
		// 苏州 AND 氢能, or 立法会: OR binds loosest.
		{"OR binds loosest", Request{Query: "苏州 氢能 OR 立法会"}, []string{idSuzhou, idTaipei}, ModeExact},
		{"NOT binds tightest", Request{Query: "市政府 NOT 苏州 OR 立法会"}, []string{idNanjing, idTaipei, idWuxi}, ModeExact},
		{"parentheses group against the binding", Request{Query: "苏州 (氢能 OR 立法会)"}, []string{idSuzhou}, ModeExact},
		{"nothing to exclude inside OR", Request{Query: "氢能 -，。 OR 防汛"}, []string{idSuzhou, idWuxi}, ModeExact},
		{"field", Request{Query: "issuer:高雄市议会"}, []string{idKaohsiung}, ModeExact},
		{"field and text", Request{Query: "kind:常务会议 防汛"}, []string{idWuxi}, ModeExact},
		{"date field", Request{Query: "date:2020-03..2020-12"}, []string{idSuzhou, idTaipei}, ModeExact},
		{"all bigrams", Request{Query: "防汛工作重点"}, []string{idWuxi}, ModeAll},
		{"any bigram", Request{Query: "氢能规划"}, []string{idSuzhou}, ModeAny},
		{"any keeps filters", Request{Query: "氢能规划 issuer:无锡市人民政府"}, nil, ModeAny},
		// 氢能 alone: one piece of the query is no hit on it.
		{"one piece is no hit", Request{Query: "氢能汽车"}, nil, ModeAny},
		{"nothing", Request{Query: "量子"}, nil, ModeExact},
		// Nanjing's and Taipei's texts do not write 王金平; their records
		// name him chair and observer.
		{"a name finds its people", Request{Query: "王金平"}, []string{idKaohsiung, idNanjing, idTaipei}, ModeExact},
		{"a name at item level is text", Request{Query: "王金平", Level: LevelItem}, []string{idKaohsiung + "/i1"}, ModeExact},
		{"decision level", Request{Query: "原则同意", Level: LevelDecision}, []string{idSuzhou + "/i1/d1", idNanjing + "/i1/d1"}, ModeExact},
		{"verb field", Request{Query: "verb:审议通过 level:decision"}, []string{idSuzhou + "/i4/d1"}, ModeExact},
		{"nothing to search browses", Request{Query: ""}, []string{idSuzhou, idTaipei, idKaohsiung, idNanjing, idWuxi}, ModeBrowse},
		{"punctuation browses", Request{Query: "，。！？"}, []string{idSuzhou, idTaipei, idKaohsiung, idNanjing, idWuxi}, ModeBrowse},
		{"a star browses", Request{Query: "*"}, []string{idSuzhou, idTaipei, idKaohsiung, idNanjing, idWuxi}, ModeBrowse},
		{"a browse keeps filters", Request{Query: "*", Filters: Filters{Values: map[string][]string{"issuer": {"苏州市人民政府"}}}}, []string{idSuzhou}, ModeBrowse},
		// A query whose structure does not parse searches its words.
		{"an open quote searches its words", Request{Query: `"燃料电池 规划`}, []string{idSuzhou}, ModeExact},
		{"a lone OR searches its words", Request{Query: "氢能 OR"}, []string{idSuzhou}, ModeExact},
		{"OR without a side in a group searches its words", Request{Query: "(市政府 OR) -苏州"}, []string{idNanjing, idWuxi}, ModeExact},
		{"a word excluded stays excluded among its words", Request{Query: `"市政府 -苏州`}, []string{idNanjing, idWuxi}, ModeExact},
		{"a word after NOT stays excluded among its words", Request{Query: `"市政府 NOT 苏州`}, []string{idNanjing, idWuxi}, ModeExact},
		{"a lone AND searches its words", Request{Query: "市政府 AND"}, []string{idNanjing, idSuzhou, idWuxi}, ModeExact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, res := ids(t, idx, tt.req)
			sort.Strings(tt.want)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Search(%q) hits mismatch (-want +got):\n%s", tt.req.Query, diff)
			}
			if res.Mode != tt.mode {
				t.Errorf("Search(%q) mode = %s; want %s", tt.req.Query, res.Mode, tt.mode)
			}
			if fell := strings.HasSuffix(tt.name, "its words"); fell != (res.Fallback != "") {
				t.Errorf("Search(%q) fallback = %q", tt.req.Query, res.Fallback)
			}
			if res.Total != uint64(len(tt.want)) {
				t.Errorf("Search(%q) total = %d; want %d", tt.req.Query, res.Total, len(tt.want))
			}
		})
	}
}

func TestSearchFilters(t *testing.T) {
	idx := newTestIndex(t)
	tests := []struct {
		name string
		f    Filters
		want []string
	}{
		{"issuer folded", Filters{Values: map[string][]string{"issuer": {"高雄市议会"}}}, []string{idKaohsiung}},
		{"issuer as written", Filters{Values: map[string][]string{"issuer": {"高雄市議會"}}}, []string{idKaohsiung}},
		// Other names of an issuer: the record's own aliases, and the
		// short forms of its kind of body (市政府 for 市人民政府); the
		// facet test below checks the issuer facet still shows one name.
		{"issuer alias of the record", Filters{Values: map[string][]string{"issuer": {"高市议会"}}}, []string{idKaohsiung}},
		{"issuer short form", Filters{Values: map[string][]string{"issuer": {"苏州市政府"}}}, []string{idSuzhou}},
		{"issuer short form is not a prefix", Filters{Values: map[string][]string{"issuer": {"苏州市"}}}, nil},
		{"issuer OR", Filters{Values: map[string][]string{"issuer": {"苏州市人民政府", "南京市人民政府"}}}, []string{idNanjing, idSuzhou}},
		{"issuer AND kind", Filters{Values: map[string][]string{"issuer": {"苏州市人民政府", "南京市人民政府"}, "kind": {"常务会议"}}}, []string{idSuzhou}},
		{"official any role", Filters{Values: map[string][]string{"official": {"王金平"}}}, []string{idKaohsiung, idNanjing, idTaipei}},
		{"official as chair", Filters{Role: "chair", Values: map[string][]string{"official": {"王金平"}}}, []string{idNanjing}},
		{"official as observer", Filters{Role: ingest.RoleObserver, Values: map[string][]string{"official": {"王金平"}}}, []string{idTaipei}},
		{"recorder", Filters{Role: "recorder", Values: map[string][]string{"official": {"赵六"}}}, []string{idSuzhou}},
		{"official who spoke", Filters{Values: map[string][]string{"official": {"柯文哲"}}}, []string{idTaipei}},
		// 财政局 names no government: Taipei's 財政局 (folded) and Suzhou's
		// 市财政局 (苏州市财政局) are both one.
		{"department traditional", Filters{Values: map[string][]string{"department": {"财政局"}}}, []string{idSuzhou, idTaipei}},
		{"department of one government", Filters{Values: map[string][]string{"department": {"臺北市財政局"}}}, []string{idTaipei}},
		// Other names of a department, from the departments table: the
		// record says 市应急局.
		{"department by its full name", Filters{Values: map[string][]string{"department": {"市应急管理局"}}}, []string{idSuzhou}},
		{"department by an old name", Filters{Values: map[string][]string{"department": {"苏州市安监局"}}}, []string{idSuzhou}},
		{"topic", Filters{Values: map[string][]string{"topic": {"综合政务"}}}, []string{idKaohsiung, idSuzhou, idWuxi}},
		{"year", Filters{From: "2020", To: "2020"}, []string{idSuzhou, idTaipei}},
		{"from month", Filters{From: "2020-11"}, []string{idKaohsiung, idNanjing, idSuzhou}},
		{"to day", Filters{To: "2020-03-15"}, []string{idTaipei, idWuxi}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := ids(t, idx, Request{Filters: tt.f})
			sort.Strings(tt.want)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("filters %+v mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

func TestSearchBadRequests(t *testing.T) {
	idx := newTestIndex(t)
	tests := []struct {
		req   Request
		param string
	}{
		{Request{Query: "colour:red"}, "q"},
		{Request{Query: `"氢能 year:20`}, "q"},
		{Request{Level: "agenda"}, "level"},
		{Request{Sort: "size"}, "sort"},
		{Request{Size: 101}, "size"},
		{Request{Size: -1}, "size"},
		{Request{From: -1}, "from"},
		{Request{After: "garbage"}, "after"},
		{Request{Filters: Filters{From: "2020-1"}}, "from"},
		{Request{Filters: Filters{To: "yesterday"}}, "to"},
		{Request{Filters: Filters{From: "2021", To: "2020"}}, "from"},
		{Request{Filters: Filters{Role: "boss"}}, "role"},
		{Request{Facets: []string{"colour"}}, "facets"},
	}
	for _, tt := range tests {
		_, err := idx.Search(context.Background(), tt.req)
		var qe *QueryError
		if !errors.Is(err, ErrBadQuery) || !errors.As(err, &qe) || qe.Param != tt.param {
			t.Errorf("Search(%+v) error = %v; want a QueryError for %s", tt.req, err, tt.param)
		}
	}
}

func TestSearchDecisionHit(t *testing.T) {
	idx := newTestIndex(t)
	res, err := idx.Search(context.Background(), Request{Query: "外贸", Level: LevelDecision})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %+v; want one", res.Hits)
	}
	h := res.Hits[0]
	want := Hit{ID: idSuzhou + "/i3/d1", Level: LevelDecision, MeetingID: idSuzhou, ItemNo: 3, Source: "suzhou/115.docx",
		Title: "研究市商务局关于外贸稳增长的意见", MeetingTitle: "苏州市人民政府第115次常务会议纪要", Issuer: "苏州市人民政府",
		Date: "2020-11-02", Session: 115, DocNumber: "苏府会〔2020〕36号",
		Decision: &ingest.Decision{Verb: "同意", Object: "外贸稳增长措施", Lead: "市商务局"}}
	h.Score = 0
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("decision hit mismatch (-want +got):\n%s", diff)
	}
}

func TestSearchRanking(t *testing.T) {
	idx := newTestIndex(t)
	// 氢能 is in item 1's title and text; item 4's text has neither.
	res, err := idx.Search(context.Background(), Request{Query: "审议", Level: LevelItem})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) < 2 {
		t.Fatalf("hits = %d", len(res.Hits))
	}
	for _, h := range res.Hits[:2] {
		if !strings.Contains(h.Title, "审议") {
			t.Errorf("title matches should rank first; got %s %q", h.ID, h.Title)
		}
	}
}

// TestFacets checks facet counts against counts computed from the records.
func TestFacets(t *testing.T) {
	idx := newTestIndex(t)
	want := map[string]map[string]int{}
	add := func(facet string, vals ...string) {
		if want[facet] == nil {
			want[facet] = map[string]int{}
		}
		seen := map[string]bool{}
		for _, v := range vals {
			if v != "" && !seen[v] {
				seen[v] = true
				want[facet][v]++
			}
		}
	}
	for _, r := range fixtures() {
		add("issuer", r.Issuer)
		add("kind", r.Meeting.Kind)
		add("department", departmentIDs(r, r.Departments...)...)
		add("topic", meetingTopics(r)...)
		add("year", r.Meeting.Date[:4])
		add("month", r.Meeting.Date[:7])
		var names []string
		if r.Chair != nil {
			names = append(names, r.Chair.Name)
		}
		for _, a := range r.Attendees {
			names = append(names, a.Name)
		}
		names = append(names, r.Recorder)
		names = append(names, r.Speakers...)
		add("official", names...)
	}
	names := []string{"year", "month", "issuer", "kind", "department", "topic", "official"}
	res, err := idx.Search(context.Background(), Request{Facets: names})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facets) != len(names) {
		t.Fatalf("facets = %d; want %d", len(res.Facets), len(names))
	}
	for i, f := range res.Facets {
		if f.Name != names[i] {
			t.Errorf("facet %d = %s; want %s", i, f.Name, names[i])
		}
		got := map[string]int{}
		for _, v := range f.Values {
			got[v.Value] = v.Count
		}
		if diff := cmp.Diff(want[f.Name], got); diff != "" {
			t.Errorf("facet %s mismatch (-want +got):\n%s", f.Name, diff)
		}
	}
	// Values within a facet are ordered: counts descending, years newest
	// first.
	if y := res.Facets[0].Values; y[0].Value != "2026" {
		t.Errorf("year facet order: %+v", y)
	}
	if d := res.Facets[4].Values; d[0].Count < d[len(d)-1].Count {
		t.Errorf("department facet order: %+v", d)
	}

	// Facets count the filtered hits only.
	res, err = idx.Search(context.Background(), Request{Query: "issuer:高雄市議會", Facets: []string{"official", "present"}})
	if err != nil {
		t.Fatal(err)
	}
	wantF := []Facet{
		{Name: "official", Values: []FacetValue{{"王金平", 1}}},
		{Name: "present", Values: []FacetValue{{"王金平", 1}}},
	}
	if diff := cmp.Diff(wantF, res.Facets); diff != "" {
		t.Errorf("filtered facets mismatch (-want +got):\n%s", diff)
	}
}

func TestHighlight(t *testing.T) {
	idx := newTestIndex(t)
	res, err := idx.Search(context.Background(), Request{Query: "原则同意", Level: LevelItem, Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		if len(h.Snippets) != 1 || !strings.Contains(h.Snippets[0], "<mark>原则同意</mark>") {
			t.Errorf("snippets of %s = %q; want a whole mark", h.ID, h.Snippets)
		}
	}

	// A simplified query marks the traditional original.
	res, err = idx.Search(context.Background(), Request{Query: "财政局", Level: LevelItem, Highlight: true, Filters: Filters{Values: map[string][]string{"issuer": {"台北市议会"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %+v", res.Hits)
	}
	if got, want := res.Hits[0].TitleHTML, "臺北市<mark>財政局</mark>業務報告"; got != want {
		t.Errorf("title = %q; want %q", got, want)
	}
	if got, want := res.Hits[0].Snippets[0], "一、臺北市<mark>財政局</mark>業務報告。決議：准予備查，由<mark>財政局</mark>辦理。"; got != want {
		t.Errorf("snippet = %q; want %q", got, want)
	}
}

// TestCursorWalk walks every hit with the cursor, in each sort order, and
// checks each comes exactly once.
func TestCursorWalk(t *testing.T) {
	ctx := context.Background()
	recs := synthetic(300)
	// Some records without a date sort last.
	for _, r := range recs[:5] {
		r.Meeting.Date = ""
	}
	idx := memIndex(t, recs)
	for _, c := range []struct{ q, sort string }{{"", "date"}, {"", "-date"}, {"财政局", "relevance"}, {"official:王金平", "-date"}, {"工作报告", "relevance"}} {
		for _, level := range []string{LevelMeeting, LevelItem} {
			req := Request{Query: c.q, Sort: c.sort, Level: level, Size: 7}
			first, err := idx.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			var order []string
			res := first
			for pages := 0; ; pages++ {
				for _, h := range res.Hits {
					seen[h.ID]++
					order = append(order, h.Date)
				}
				if res.Next == "" {
					break
				}
				if pages > 1000 {
					t.Fatal("cursor does not end")
				}
				req.After = res.Next
				if res, err = idx.Search(ctx, req); err != nil {
					t.Fatal(err)
				}
			}
			if uint64(len(seen)) != first.Total || first.Total == 0 {
				t.Errorf("%q %s %s: walked %d distinct of %d", c.q, c.sort, level, len(seen), first.Total)
			}
			for id, n := range seen {
				if n != 1 {
					t.Errorf("%q %s %s: %s seen %d times", c.q, c.sort, level, id, n)
				}
			}
			if c.sort == "date" || c.sort == "-date" {
				dated := slices.DeleteFunc(slices.Clone(order), func(s string) bool { return s == "" })
				sorted := slices.Clone(dated)
				slices.Sort(sorted)
				if c.sort == "-date" {
					slices.Reverse(sorted)
				}
				if !slices.Equal(dated, sorted) {
					t.Errorf("%q %s %s: not in date order", c.q, c.sort, level)
				}
				if c.q == "" && level == LevelMeeting && slices.Index(order, "") != len(order)-5 {
					t.Errorf("%q %s: undated records not last", c.q, c.sort)
				}
			}
		}
	}
	// A cursor belongs to its query.
	res, _ := idx.Search(ctx, Request{Query: "财政局", Size: 2})
	if _, err := idx.Search(ctx, Request{Query: "税务局", Size: 2, After: res.Next}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("cursor of another query accepted: %v", err)
	}
}

// TestConcurrentSearchDuringPut runs searches while records are put, for
// the race detector, and checks no item is ever seen without its meeting.
func TestConcurrentSearchDuringPut(t *testing.T) {
	ctx := context.Background()
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	recs := synthetic(200)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < len(recs); i += 20 {
			if err := idx.Put(ctx, recs[i:i+20]); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				res, err := idx.Search(ctx, Request{Query: "财政局", Level: LevelItem, Size: 20, Highlight: i%2 == 0, Facets: []string{"issuer"}})
				if err != nil {
					t.Error(err)
					return
				}
				for _, h := range res.Hits {
					if _, err := idx.Get(ctx, h.MeetingID); err != nil {
						t.Errorf("worker %d: item %s without its meeting: %v", w, h.ID, err)
					}
				}
			}
		}()
	}
	wg.Wait()
	st, err := idx.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Meetings != 200 {
		t.Errorf("meetings = %d; want 200", st.Meetings)
	}
	_ = fmt.Sprint()
}

// TestPeopleBelowMeetings checks that a filter on a person at the item and
// decision levels finds the items and decisions of that person's meetings,
// through the meetings (items do not carry people), and that people facets
// are refused there.
func TestPeopleBelowMeetings(t *testing.T) {
	idx := newTestIndex(t)
	ctx := context.Background()
	want := map[string][]string{}
	for _, r := range fixtures() {
		names := map[string]bool{}
		if r.Chair != nil {
			names[r.Chair.Name] = true
		}
		for _, a := range r.Attendees {
			names[a.Name] = true
		}
		if !names["王金平"] {
			continue
		}
		for _, it := range r.Items {
			want[LevelItem] = append(want[LevelItem], itemID(r.ID, it.No))
			for k := range it.Decisions {
				want[LevelDecision] = append(want[LevelDecision], decisionID(r.ID, it.No, k+1))
			}
		}
	}
	if len(want[LevelItem]) == 0 {
		t.Fatal("fixtures have no items of meetings 王金平 attended")
	}
	for _, level := range []string{LevelItem, LevelDecision} {
		for _, req := range []Request{
			{Level: level, Filters: Filters{Values: map[string][]string{"official": {"王金平"}}}, Size: MaxSize},
			{Level: level, Query: "official:王金平", Size: MaxSize},
			{Query: "level:" + level + " official:王金平", Size: MaxSize},
		} {
			got, _ := ids(t, idx, req)
			w := slices.Clone(want[level])
			sort.Strings(w)
			if diff := cmp.Diff(w, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s %+v mismatch (-want +got):\n%s", level, req, diff)
			}
		}
		_, err := idx.Search(ctx, Request{Level: level, Facets: []string{"official"}})
		var qe *QueryError
		if !errors.As(err, &qe) || qe.Param != "facets" {
			t.Errorf("official facet at %s level: %v, want an error naming facets", level, err)
		}
	}
}

// TestRelevancePages checks that pages by offset and pages by cursor give
// the same hits in the same order: score, then id. The first page of each
// is ranked by score alone with the tie-break only where a tie crosses its
// edges (pageOf), which the synthetic records, alike in length and terms,
// make common.
func TestRelevancePages(t *testing.T) {
	ctx := context.Background()
	idx := memIndex(t, synthetic(120))
	ties := 0
	// 工作报告 is found in its pieces (工作…的报告), as the loose modes do.
	for _, q := range []string{"财政局", "工作报告", "会议", "税"} {
		for _, level := range []string{LevelMeeting, LevelItem} {
			var byCursor, byOffset []string
			var scores []float64
			req := Request{Query: q, Level: level, Size: 7}
			res, err := idx.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			total := res.Total
			for {
				for _, h := range res.Hits {
					byCursor = append(byCursor, h.ID)
					scores = append(scores, h.Score)
				}
				if res.Next == "" {
					break
				}
				req.After = res.Next
				if res, err = idx.Search(ctx, req); err != nil {
					t.Fatal(err)
				}
			}
			for from := 0; uint64(from) < total && from <= MaxFrom; from += 7 {
				res, err := idx.Search(ctx, Request{Query: q, Level: level, Size: 7, From: from})
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range res.Hits {
					byOffset = append(byOffset, h.ID)
				}
			}
			if total == 0 || uint64(len(byCursor)) != total {
				t.Errorf("%q %s: cursor walk gave %d of %d", q, level, len(byCursor), total)
			}
			if diff := cmp.Diff(byCursor, byOffset); diff != "" {
				t.Errorf("%q %s: offset pages differ from cursor pages (-cursor +offset):\n%s", q, level, diff)
			}
			for i := 1; i < len(scores); i++ {
				if scores[i] == scores[i-1] && i%7 == 0 {
					ties++ // a tie across a page edge
				}
				if scores[i] > scores[i-1] || scores[i] == scores[i-1] && byCursor[i] < byCursor[i-1] {
					t.Errorf("%q %s: hit %d (%s, %g) out of order after (%s, %g)", q, level, i, byCursor[i], scores[i], byCursor[i-1], scores[i-1])
					break
				}
			}
		}
	}
	if ties == 0 {
		t.Error("no tie crossed a page edge: the test does not exercise the tie-break")
	}
}

// A hit found through its people says so: Nanjing's text does not write
// 王金平, its record names him chair.
func TestSearchMatchedPeople(t *testing.T) {
	idx := newTestIndex(t)
	res, err := idx.Search(context.Background(), Request{Query: "王金平", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, h := range res.Hits {
		got[h.ID] = h.Matched
	}
	if want := []string{"official 王金平 (主持)"}; !slices.Equal(got[idNanjing], want) {
		t.Errorf("Nanjing matched = %q; want %q", got[idNanjing], want)
	}
	if want := []string{"official 王金平 (列席)"}; !slices.Equal(got[idTaipei], want) {
		t.Errorf("Taipei matched = %q; want %q", got[idTaipei], want)
	}
	// A speaker the record does not file among its attendees.
	res, err = idx.Search(context.Background(), Request{Query: "柯文哲", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != idTaipei || !slices.Equal(res.Hits[0].Matched, []string{"official 柯文哲 (发言)"}) {
		t.Errorf("柯文哲: hits %+v; want Taipei, matched as a speaker", res.Hits)
	}
}

// A filter value the index does not hold finds nothing, without error, and
// the result says which values are close.
func TestSearchDidYouMean(t *testing.T) {
	idx := newTestIndex(t)
	res, err := idx.Search(context.Background(), Request{Filters: Filters{Values: map[string][]string{"issuer": {"苏州市政府办公室"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Fatalf("total = %d; want 0", res.Total)
	}
	want := []Suggestion{{Param: "issuer", Value: "苏州市人民政府", Count: 1}}
	if diff := cmp.Diff(want, res.DidYouMean); diff != "" {
		t.Errorf("did you mean (-want +got):\n%s", diff)
	}
	res, err = idx.Search(context.Background(), Request{Filters: Filters{Values: map[string][]string{"issuer": {"苏州市人民政府"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.DidYouMean != nil {
		t.Errorf("a filter that finds hits: total %d, did you mean %v", res.Total, res.DidYouMean)
	}
}

// A name found through the record's people is marked in the text's own
// form, its title inside.
func TestNameFormsMarked(t *testing.T) {
	text := "立法院第8屆第2會期第6次會議紀錄\n主　　席　王院長金平\n王院長金平：請坐。王小明發言。"
	forms := nameForms(text, "王金平")
	if !slices.Equal(forms, []string{"王院長金平"}) {
		t.Fatalf("nameForms = %q", forms)
	}
	q, _, err := Parse("王金平")
	if err != nil {
		t.Fatal(err)
	}
	hl := newHighlighter(q, ModeExact)
	hl.addPhrase(forms[0])
	if got := hl.mark(text); !strings.Contains(got, "<mark>王院長金平</mark>") {
		t.Errorf("marked %s", got)
	}
}

// A browse lists the newest first, unless a sort is asked for.
func TestBrowseNewestFirst(t *testing.T) {
	idx := newTestIndex(t)
	for _, tc := range []struct {
		sort   string
		newest bool
	}{{"", true}, {"date", false}} {
		res, err := idx.Search(context.Background(), Request{Query: "，。", Sort: tc.sort})
		if err != nil {
			t.Fatal(err)
		}
		var dates []string
		for _, h := range res.Hits {
			dates = append(dates, h.Date)
		}
		sorted := slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) })
		if !tc.newest {
			sorted = slices.IsSorted(dates)
		}
		if len(dates) < 2 || !sorted {
			t.Errorf("sort %q: dates %q; want newest first: %v", tc.sort, dates, tc.newest)
		}
	}
}
