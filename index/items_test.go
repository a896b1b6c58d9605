package index

import (
	"cmp"
	"context"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/fold"
	"github.com/jiyao-search/jiyao/internal/gen"
	ql "github.com/jiyao-search/jiyao/query"
)

// itemCorpus is generated minutes, extracted, with ids.
func itemCorpus(t *testing.T, n int) []*ingest.Minutes {
	t.Helper()
	g := gen.New(11)
	ex, err := ingest.NewExtractor(ingest.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var recs []*ingest.Minutes
	for i := range n {
		d := g.Doc(i)
		rec, err := ex.ExtractOne(d.Name, d.Text)
		if err != nil {
			t.Fatal(err)
		}
		rec.ID = strings.TrimSuffix(d.Name, ".txt")
		recs = append(recs, rec)
	}
	return recs
}

// chunkedIndex is an index on disk of recs, written per chunk records, so
// that it has many segments (until they are merged).
func chunkedIndex(t *testing.T, recs []*ingest.Minutes, chunk int) *Index {
	t.Helper()
	idx, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	for c := range slices.Chunk(recs, chunk) {
		if err := idx.Put(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	return idx
}

// forceMerge merges the index's segments into one.
func forceMerge(t *testing.T, idx *Index) {
	t.Helper()
	s, err := idx.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.(*scorch.Scorch).ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		t.Fatal(err)
	}
}

// allHits walks every hit of a request with the cursor, and says in which
// mode they matched.
func allHits(t *testing.T, idx *Index, req Request) ([]string, string) {
	t.Helper()
	req.Size = MaxSize
	var ids []string
	for {
		res, err := idx.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("%q: %v", req.Query, err)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if res.Next == "" {
			if uint64(len(ids)) != res.Total {
				seen := map[string]int{}
				for _, id := range ids {
					seen[id]++
					if seen[id] == 2 {
						t.Logf("%s twice", id)
					}
				}
				t.Fatalf("%q: walked %d hits of %d", req.Query, len(ids), res.Total)
			}
			return ids, res.Mode
		}
		req.After = res.Next
	}
}

// TestItemsFromMeetingText checks item hits, which come from the meeting
// text's locations (itemsQuery), against a scan of the items' own texts:
// every item that holds the words, and no other, over an index written in
// many batches and then merged, so that meetings and their items have
// moved between segments.
func TestItemsFromMeetingText(t *testing.T) {
	recs := itemCorpus(t, 160)
	idx := chunkedIndex(t, recs, 8)
	stretched := 0
	for _, rec := range recs {
		ds, err := docs(storedRecord{rec: rec})
		if err != nil {
			t.Fatal(err)
		}
		stretched += len(ds[0].d[fText].(meetingText).items)
	}
	if stretched == 0 {
		t.Fatal("no item is a stretch of its meeting's text; the test would not test item search")
	}

	// Words and phrases drawn from the items, and pairs of them.
	r := rand.New(rand.NewPCG(3, 4))
	var words []string
	for len(words) < 32 {
		rec := recs[r.IntN(len(recs))]
		if len(rec.Items) == 0 {
			continue
		}
		rs := []rune(rec.Items[r.IntN(len(rec.Items))].Text)
		n := 1 + r.IntN(5) // one character too: found alone or inside a word
		if len(rs) <= n {
			continue
		}
		k := r.IntN(len(rs) - n)
		w := string(rs[k : k+n])
		if !strings.ContainsFunc(w, func(c rune) bool { return !unicode.Is(unicode.Han, c) }) {
			words = append(words, w)
		}
	}
	type check struct {
		query string
		has   []string
		not   string
	}
	var checks []check
	for i, w := range words {
		checks = append(checks, check{query: w, has: []string{w}})
		if i%4 == 0 {
			v := words[(i+1)%len(words)]
			checks = append(checks, check{query: w + " " + v, has: []string{w, v}})
			checks = append(checks, check{query: w + " -" + v, has: []string{w}, not: v})
		}
	}
	found := 0
	for pass, merged := range []bool{false, true} {
		if merged {
			forceMerge(t, idx)
		}
		for _, c := range checks {
			var want []string
			for _, rec := range recs {
				for _, it := range rec.Items {
					text := fold.String(it.Title + "\n" + it.Text)
					ok := true
					for _, h := range c.has {
						ok = ok && strings.Contains(text, fold.String(h))
					}
					if c.not != "" && strings.Contains(text, fold.String(c.not)) {
						ok = false
					}
					if ok {
						want = append(want, itemID(rec.ID, it.No))
					}
				}
			}
			got, mode := allHits(t, idx, Request{Query: c.query, Level: LevelItem})
			if mode != ModeExact {
				// Nothing matched exactly; the hits are the looser
				// modes'.
				got = nil
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("pass %d: %q: %d item hits, %d items hold it\n got %v\nwant %v", pass, c.query, len(got), len(want), got, want)
			}
			found += len(got)
		}
	}
	if found == 0 {
		t.Fatal("no query found an item")
	}
}

// TestLongItems puts a meeting whose second item is long, one with much text
// around its items, and one whose items are not stretches of its text:
// the first two have their items marked in the meeting text, the last
// keeps their own text fields, and all are found alike.
func TestLongItems(t *testing.T) {
	// More terms than a position range of the earlier layout held (1<<16).
	long := strings.Repeat("会议听取了有关情况的汇报。\n", 6000)
	mk := func(id, head, one, two, tail string) *ingest.Minutes {
		text := head + one + two + tail
		return &ingest.Minutes{
			ID: id, Source: id + ".txt", Title: "测试会议纪要", Text: text,
			Items: []ingest.Item{
				{No: 1, Title: "一", Text: strings.TrimSpace(one), Start: len(head), End: len(head) + len(one)},
				{No: 2, Title: "二", Text: strings.TrimSpace(two), Start: len(head) + len(one), End: len(head) + len(one) + len(two)},
			},
		}
	}
	recs := []*ingest.Minutes{
		mk("longitem", "纪要\n", "一、研究氢能产业规划。\n", "二、研究港口码头建设。\n"+long, "出席：张三\n"),
		mk("longaround", "纪要\n"+long, "一、研究氢能产业规划。\n", "二、研究港口码头建设。\n", "出席：张三\n"),
		mk("marked", "纪要\n", "一、研究氢能产业规划。\n", "二、研究港口码头建设。\n", "出席：张三\n"),
		mk("own", "纪要\n", "一、研究氢能产业规划。\n", "二、研究港口码头建设。\n", "出席：张三\n"),
	}
	// The last record's items are not stretches of its text.
	recs[3].Items[0].Start, recs[3].Items[0].End = 0, 0
	recs[3].Items[1].Start, recs[3].Items[1].End = 0, 0
	for _, rec := range recs {
		ds, err := docs(storedRecord{rec: rec})
		if err != nil {
			t.Fatal(err)
		}
		marked := len(ds[0].d[fText].(meetingText).items)
		want := map[string]int{"longitem": 2, "longaround": 2, "marked": 2, "own": 0}[rec.ID]
		if marked != want {
			t.Errorf("%s: %d items marked in the meeting text, want %d", rec.ID, marked, want)
		}
	}
	idx := memIndex(t, recs)
	for q, want := range map[string][]string{
		"氢能产业":  {"longaround/i1", "longitem/i1", "marked/i1", "own/i1"},
		"港口码头":  {"longaround/i2", "longitem/i2", "marked/i2", "own/i2"},
		"氢能 港口": nil,
		"听取":    {"longitem/i2"},
	} {
		got, mode := allHits(t, idx, Request{Query: q, Level: LevelItem})
		if mode != ModeExact {
			got = nil
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: item hits %v, want %v", q, got, want)
		}
	}
}

// TestRelevanceWalkAcrossMerge walks every hit by relevance, merging the
// segments between the first page and the next: the scores must hold
// still, or the walk would repeat some hits and skip others.
func TestRelevanceWalkAcrossMerge(t *testing.T) {
	ctx := context.Background()
	idx := chunkedIndex(t, itemCorpus(t, 120), 6)
	for _, level := range []string{LevelMeeting, LevelItem} {
		req := Request{Query: "会议", Level: level, Size: 20}
		byDate, _ := allHits(t, idx, Request{Query: "会议", Level: level, Sort: "date"})
		if len(byDate) <= 2*req.Size {
			t.Fatalf("%s: %d hits, too few for a walk of pages", level, len(byDate))
		}
		var walked []string
		for page := 0; ; page++ {
			res, err := idx.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				walked = append(walked, h.ID)
			}
			if page == 0 {
				forceMerge(t, idx)
			}
			if res.Next == "" {
				break
			}
			req.After = res.Next
		}
		slices.Sort(walked)
		slices.Sort(byDate)
		if !slices.Equal(walked, byDate) {
			t.Errorf("%s: the walk by relevance across a merge gave %d hits, %d distinct; by date %d", level, len(walked), len(slices.Compact(slices.Clone(walked))), len(byDate))
		}
	}
}

// TestDates checks the date filters and the sort by date of meetings, items
// and decisions, whose date is a keyword, against the meetings' dates.
func TestDates(t *testing.T) {
	ctx := context.Background()
	recs := itemCorpus(t, 60)
	idx := memIndex(t, recs)
	for _, f := range []Filters{{From: "2019-03", To: "2021-06-30"}, {From: "2022"}, {To: "2018-12-31"}} {
		from, to := "0000", "9999"
		if f.From != "" {
			from = f.From
		}
		if f.To != "" {
			to = f.To + "~" // after any day of the bound
		}
		for _, level := range []string{LevelMeeting, LevelItem, LevelDecision} {
			var want []string
			for _, rec := range recs {
				day := rec.Day()
				if day == "" || day < from || day > to {
					continue
				}
				if level == LevelMeeting {
					want = append(want, rec.ID)
				}
				for _, it := range rec.Items {
					if level == LevelItem {
						want = append(want, itemID(rec.ID, it.No))
					}
					if level != LevelDecision {
						continue
					}
					for k := range it.Decisions {
						want = append(want, decisionID(rec.ID, it.No, k+1))
					}
				}
			}
			got, _ := allHits(t, idx, Request{Level: level, Filters: f, Sort: "date"})
			res, err := idx.Search(ctx, Request{Level: level, Filters: f, Sort: "-date", Size: MaxSize})
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i < len(res.Hits); i++ {
				if res.Hits[i-1].Date < res.Hits[i].Date {
					t.Errorf("%s %+v: newest first, but %s before %s", level, f, res.Hits[i-1].Date, res.Hits[i].Date)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("%s %+v: %d hits, want %d", level, f, len(got), len(want))
			}
		}
	}
}

// TestDateRanges checks date filters, which split a range into years,
// months and days (dateQuery), against the dates of the records: meetings
// dated to the day, to the month and to the year alone, and ranges of
// every shape, at the meeting and item levels.
func TestDateRanges(t *testing.T) {
	recs := itemCorpus(t, 80)
	days := map[string]string{} // meeting id to its date as indexed
	for i, rec := range recs {
		// Dates over a few years, so that ranges cut and hold whole
		// years and months.
		d := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*23%1300)
		rec.Meeting.Date = d.Format(time.DateOnly)
		switch i % 6 {
		case 1:
			rec.Meeting.Date = d.Format("2006-01")
			d = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		case 2:
			rec.Meeting.Date = d.Format("2006")
			d = time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		}
		days[rec.ID] = d.Format(time.DateOnly)
	}
	idx := memIndex(t, recs)
	bounds := []string{"", "2018", "2019", "2021", "2018-01", "2019-01", "2019-12", "2020-02", "2020-12",
		"2018-01-01", "2019-01-01", "2019-01-02", "2019-12-31", "2020-02-29", "2020-03-01", "2020-07-15", "2021-06-30", "2021-07-24"}
	checked, cut := 0, 0
	for _, from := range bounds {
		for _, to := range bounds {
			f := Filters{From: from, To: to}
			if from == "" && to == "" {
				continue
			}
			dr, err := ql.DateSpan("test", from, to)
			if err != nil {
				continue // an empty range
			}
			lo, hi := dr.From, dr.To
			var want, wantItems []string
			for _, rec := range recs {
				day := days[rec.ID]
				if (lo == "" || day >= lo) && (hi == "" || day <= hi) {
					want = append(want, rec.ID)
					for _, it := range rec.Items {
						wantItems = append(wantItems, itemID(rec.ID, it.No))
					}
				}
			}
			if len(want) > 0 && len(want) < len(recs) {
				cut++
			}
			for _, c := range []struct {
				level string
				want  []string
			}{{LevelMeeting, want}, {LevelItem, wantItems}} {
				got, _ := allHits(t, idx, Request{Level: c.level, Filters: f, Sort: "date"})
				slices.Sort(got)
				slices.Sort(c.want)
				if !slices.Equal(got, c.want) {
					t.Errorf("%s from %q to %q: %d hits, want %d", c.level, from, to, len(got), len(c.want))
				}
			}
			checked++
		}
	}
	if checked < 200 || cut < 100 {
		t.Errorf("%d ranges checked, %d of them cutting the corpus: too few", checked, cut)
	}
}

// TestPeopleChildren checks filters on people below the meeting level,
// which match the items and decisions of the people's meetings as their
// nested documents (childrenQuery), against the records: for people of
// many meetings and of one, alone and with a word (which advances the
// join), at the item and decision levels, on an index of many segments.
func TestPeopleChildren(t *testing.T) {
	recs := itemCorpus(t, 80)
	idx := chunkedIndex(t, recs, 9)
	meetingsOf := map[string][]*ingest.Minutes{}
	for _, rec := range recs {
		for _, names := range officials(rec) {
			for _, n := range names {
				if l := meetingsOf[n]; len(l) == 0 || l[len(l)-1] != rec {
					meetingsOf[n] = append(l, rec)
				}
			}
		}
	}
	names := slices.Collect(maps.Keys(meetingsOf))
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(len(meetingsOf[b])-len(meetingsOf[a]), strings.Compare(a, b))
	})
	if len(names) < 10 || len(meetingsOf[names[0]]) < 5 || len(meetingsOf[names[len(names)-1]]) != 1 {
		t.Fatalf("people too few or too alike: %d names", len(names))
	}
	people := append(names[:3:3], names[len(names)/2], names[len(names)-1])
	word := "会议"
	wordItems, _ := allHits(t, idx, Request{Query: word, Level: LevelItem})
	checked := 0
	for _, name := range people {
		want := map[string][]string{}
		for _, rec := range meetingsOf[name] {
			want[""] = append(want[""], rec.ID)
			for _, it := range rec.Items {
				want[LevelItem] = append(want[LevelItem], itemID(rec.ID, it.No))
				for k := range it.Decisions {
					want[LevelDecision] = append(want[LevelDecision], decisionID(rec.ID, it.No, k+1))
				}
			}
		}
		var wantWord []string
		for _, id := range wordItems {
			if slices.Contains(want[LevelItem], id) {
				wantWord = append(wantWord, id)
			}
		}
		for _, c := range []struct {
			req  Request
			want []string
		}{
			{Request{Level: LevelItem, Filters: Filters{Values: map[string][]string{"official": {name}}}}, want[LevelItem]},
			{Request{Level: LevelDecision, Filters: Filters{Values: map[string][]string{"official": {name}}}}, want[LevelDecision]},
			{Request{Query: "official:" + name}, want[""]}, // meetings
			{Request{Level: LevelItem, Query: word, Filters: Filters{Values: map[string][]string{"official": {name}}}}, wantWord},
		} {
			got, _ := allHits(t, idx, c.req)
			slices.Sort(got)
			w := slices.Clone(c.want)
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("%s %+v: %d hits, want %d", name, c.req, len(got), len(w))
			}
			checked += len(w)
		}
	}
	if checked < 200 {
		t.Errorf("%d hits checked: too few to tell", checked)
	}
}
