package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/gen"
)

// suzhou is a municipal executive meeting with five items and decisions.
func suzhou() *ingest.Minutes {
	items := []ingest.Item{
		{No: 1, Action: "审议", Title: "审议《苏州市氢能及燃料电池产业发展规划》",
			Text:        "一、审议《苏州市氢能及燃料电池产业发展规划》。会议原则同意《苏州市氢能及燃料电池产业发展规划》，由市发改委会同市财政局抓好落实。",
			Decisions:   []ingest.Decision{{Verb: "原则同意", Object: "苏州市氢能及燃料电池产业发展规划", Lead: "市发改委"}},
			Departments: []string{"市发改委", "市财政局"}, Topics: []string{"工业、交通"}},
		{No: 2, Action: "听取", Title: "听取全市税收征管工作情况汇报",
			Text:        "二、听取全市税收征管工作情况汇报。会议要求市税务局加强征管。",
			Decisions:   []ingest.Decision{{Verb: "同意", Object: "全市税收征管工作安排", Lead: "市税务局"}},
			Departments: []string{"市税务局"}, Topics: []string{"财政、金融、审计"}},
		{No: 3, Action: "研究", Title: "研究市商务局关于外贸稳增长的意见",
			Text:        "三、研究市商务局关于外贸稳增长的意见。会议同意市商务局提出的措施。",
			Decisions:   []ingest.Decision{{Verb: "同意", Object: "外贸稳增长措施", Lead: "市商务局"}},
			Departments: []string{"市商务局"}},
		{No: 4, Action: "审议", Title: "审议《苏州市政府投资项目管理办法》",
			Text:        "四、审议《苏州市政府投资项目管理办法》。会议审议通过该办法，自2020年12月1日起施行。",
			Decisions:   []ingest.Decision{{Verb: "审议通过", Object: "苏州市政府投资项目管理办法", Lead: "市司法局"}, {Verb: "决定", Object: "自2020年12月1日起施行"}},
			Departments: []string{"市司法局"}},
		{No: 5, Action: "通报", Title: "通报安全生产工作",
			Text:        "五、通报安全生产工作。",
			Departments: []string{"市应急局"}},
	}
	var text strings.Builder
	text.WriteString("苏州市人民政府第115次常务会议纪要\n苏府会〔2020〕36号\n２０２０年１１月２日上午，市长李亚平主持召开市政府第115次常务会议。\n")
	for _, it := range items {
		text.WriteString(it.Text + "\n")
	}
	return &ingest.Minutes{
		ID: "aaaa000000000001", Source: "suzhou/115.docx", SHA256: "s1", Format: "docx", Script: "simplified",
		Issuer: "苏州市人民政府", Title: "苏州市人民政府第115次常务会议纪要", DocNumber: "苏府会〔2020〕36号",
		Meeting:     ingest.Meeting{Kind: "常务会议", Label: "第115次", Session: 115, Date: "2020-11-02"},
		Chair:       &ingest.Person{Name: "李亚平", Title: "市长"},
		Items:       items,
		Departments: []string{"市发改委", "市财政局", "市税务局", "市商务局", "市司法局", "市应急局"},
		Attendees: []ingest.Attendee{
			{Name: "李亚平", Role: ingest.RoleChair},
			{Name: "王飏", Role: ingest.RolePresent},
			{Name: "吴庆文", Role: ingest.RolePresent},
			{Name: "张三", Org: "市财政局", Role: ingest.RoleObserver},
		},
		Recorder: "赵六",
		Topics:   []string{"综合政务"},
		Text:     text.String(),
	}
}

// taipei is a traditional-script council record.
func taipei() *ingest.Minutes {
	return &ingest.Minutes{
		ID: "bbbb000000000002", Source: "taipei/11-2-6.html", SHA256: "t1", Format: "html", Script: "traditional",
		Issuer: "臺北市議會", Title: "臺北市議會第11屆第2次定期大會第6次會議議事錄",
		Meeting: ingest.Meeting{Kind: "定期大會", Label: "第11屆第2次定期大會第6次會議", Term: 11, Session: 2, Sitting: 6, Date: "2020-03-15"},
		Chair:   &ingest.Person{Name: "陳錦祥", Title: "議長"},
		Items: []ingest.Item{
			{No: 1, Title: "臺北市財政局業務報告", Text: "一、臺北市財政局業務報告。決議：准予備查，由財政局辦理。",
				Decisions: []ingest.Decision{{Verb: "准予備查", Object: "臺北市財政局業務報告", Lead: "財政局"}}, Departments: []string{"財政局"}},
			{No: 2, Title: "立法會交流案", Text: "二、本會與香港立法會交流案。",
				Departments: []string{"秘書處"}},
		},
		Departments: []string{"財政局", "秘書處"},
		Attendees: []ingest.Attendee{
			{Name: "陳錦祥", Role: ingest.RoleChair},
			{Name: "王金平", Role: ingest.RoleObserver},
		},
		// A speaker past those the record files among its attendees.
		Speakers: []string{"柯文哲"},
		Topics:   []string{"财政、金融、审计"},
		Text:     "臺北市議會第11屆第2次定期大會第6次會議議事錄\n時間：中華民國109年3月15日\n一、臺北市財政局業務報告。決議：准予備查，由財政局辦理。\n二、本會與香港立法會交流案。\n",
	}
}

// kaohsiung is a council record whose issuer is in traditional script.
func kaohsiung() *ingest.Minutes {
	return &ingest.Minutes{
		ID: "cccc000000000003", Source: "kaohsiung/3-1.txt", SHA256: "k1", Format: "text", Script: "traditional",
		Issuer: "高雄市議會", IssuerAliases: []string{"高市議會"}, Title: "高雄市議會第3屆第1次定期大會議事錄",
		Meeting: ingest.Meeting{Kind: "定期大會", Term: 3, Session: 1, Date: "2021-05-20"},
		Items: []ingest.Item{
			{No: 1, Title: "市政總質詢", Text: "一、市政總質詢。王金平議員發言。", Departments: []string{"市政府"}},
		},
		Departments: []string{"市政府"},
		Attendees:   []ingest.Attendee{{Name: "王金平", Role: ingest.RolePresent}},
		Topics:      []string{"综合政务"},
		Text:        "高雄市議會第3屆第1次定期大會議事錄\n一、市政總質詢。王金平議員發言。\n",
	}
}

// shangwu mentions only 市商务委员会, never 商务局.
func shangwu() *ingest.Minutes {
	return &ingest.Minutes{
		ID: "dddd000000000004", Source: "nanjing/2026-1.md", SHA256: "n1", Format: "markdown", Script: "simplified",
		Issuer: "南京市人民政府", Title: "南京市政府2026年第1次专题会议纪要", DocNumber: "[2026]1号",
		Meeting: ingest.Meeting{Kind: "专题会议", Label: "2026年第1次", Year: 2026, Session: 1, Date: "2026-01-08"},
		Chair:   &ingest.Person{Name: "王金平"},
		Items: []ingest.Item{
			{No: 1, Title: "研究市商务委员会工作", Text: "一、研究市商务委员会工作。会议原则同意市商务委员会的方案。",
				Decisions: []ingest.Decision{{Verb: "原则同意", Object: "市商务委员会的方案", Lead: "市商务委员会"}}, Departments: []string{"市商务委员会"}},
		},
		Departments: []string{"市商务委员会"},
		Topics:      []string{"商贸、海关、旅游"},
		Text:        "南京市政府2026年第1次专题会议纪要\n会议于二〇二六年一月八日召开。\n一、研究市商务委员会工作。会议原则同意市商务委员会的方案。\n",
	}
}

// small is a record of another year without items.
func small() *ingest.Minutes {
	return &ingest.Minutes{
		ID: "eeee000000000005", Source: "wuxi/12.txt", SHA256: "w1", Format: "text", Script: "simplified",
		Issuer: "无锡市人民政府", Title: "无锡市政府第12次常务会议纪要",
		Meeting: ingest.Meeting{Kind: "常务会议", Session: 12, Date: "2019-06-30"},
		Topics:  []string{"综合政务"},
		Text:    "无锡市政府第12次常务会议纪要\n会议研究了防汛工作。工作重点是防汛和抗旱。\n",
	}
}

func fixtures() []*ingest.Minutes {
	return []*ingest.Minutes{suzhou(), taipei(), kaohsiung(), shangwu(), small()}
}

// newTestIndex returns an in-memory index holding the fixtures.
func newTestIndex(t testing.TB) *Index {
	t.Helper()
	return memIndex(t, fixtures())
}

// memIndex returns an in-memory index holding recs.
func memIndex(t testing.TB, recs []*ingest.Minutes) *Index {
	t.Helper()
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	if err := idx.Put(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	return idx
}

// synthetic builds n varied records for benchmarks and walks.
func synthetic(n int) []*ingest.Minutes {
	issuers := []string{"苏州市人民政府", "无锡市人民政府", "臺北市議會", "高雄市議會", "南京市人民政府"}
	depts := []string{"市财政局", "市商务局", "市发改委", "市税务局", "市司法局", "市教育局"}
	verbs := []string{"原则同意", "同意", "审议通过", "决定"}
	out := make([]*ingest.Minutes, n)
	for i := range n {
		var items []ingest.Item
		var text strings.Builder
		for k := 1; k <= 1+i%4; k++ {
			d := depts[(i+k)%len(depts)]
			it := ingest.Item{No: k, Title: fmt.Sprintf("研究%s第%d项工作", d, k),
				Text:        fmt.Sprintf("%d、研究%s关于第%d项工作的报告。会议%s该报告，由%s负责落实。", k, d, k, verbs[(i+k)%len(verbs)], d),
				Decisions:   []ingest.Decision{{Verb: verbs[(i+k)%len(verbs)], Object: fmt.Sprintf("第%d项工作报告", k), Lead: d}},
				Departments: []string{d}}
			items = append(items, it)
			text.WriteString(it.Text + "\n")
		}
		out[i] = &ingest.Minutes{
			ID: fmt.Sprintf("%016x", i+1), Source: fmt.Sprintf("syn/%d.txt", i), SHA256: fmt.Sprintf("h%d", i),
			Issuer: issuers[i%len(issuers)], Title: fmt.Sprintf("%s第%d次常务会议纪要", issuers[i%len(issuers)], i%200+1),
			Meeting: ingest.Meeting{Kind: "常务会议", Session: i%200 + 1, Date: fmt.Sprintf("%d-%02d-%02d", 2015+i%10, 1+i%12, 1+i%28)},
			Items:   items, Departments: []string{depts[i%len(depts)]}, Topics: []string{"综合政务"},
			Attendees: []ingest.Attendee{{Name: "王金平", Role: ingest.RoleChair}, {Name: fmt.Sprintf("李%d", i%30), Role: ingest.RolePresent}},
			Text:      fmt.Sprintf("%s第%d次常务会议纪要\n", issuers[i%len(issuers)], i%200+1) + text.String(),
		}
	}
	return out
}

// withGenerated appends to recs the records of g's first n documents, each
// with its document's name as id.
func withGenerated(t testing.TB, recs []*ingest.Minutes, g *gen.Generator, n int) []*ingest.Minutes {
	t.Helper()
	ex, err := ingest.NewExtractor(ingest.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		d := g.Doc(i)
		rec, err := ex.ExtractOne(d.Name, d.Text)
		if err != nil {
			t.Fatal(err)
		}
		rec.ID = d.Name
		recs = append(recs, rec)
	}
	return recs
}

// indexReader opens a reader of idx's current snapshot, which the caller
// closes.
func indexReader(t testing.TB, idx *Index) bindex.IndexReader {
	t.Helper()
	bi, err := idx.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := bi.Reader()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// scoredIndex is an index of many segments (seven records each) of the
// item corpus and the fixtures, with a context that scores as Search does.
func scoredIndex(t *testing.T) ([]*ingest.Minutes, *Index, context.Context) {
	t.Helper()
	recs := append(itemCorpus(t, 60), fixtures()...)
	idx := chunkedIndex(t, recs, 7)
	ctx, err := idx.scoring(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return recs, idx, ctx
}

// walkSearcher runs s to its end, advancing to the next of targets at
// every step i with i%every == 1 and taking the next match otherwise, and
// calls f with each match before recycling it. It returns the matches'
// numbers. A searcher advances forward only, so a target not past the
// last match is dropped.
func walkSearcher(t *testing.T, s search.Searcher, targets []bindex.IndexInternalID, every int, f func(*search.DocumentMatch)) []bindex.IndexInternalID {
	t.Helper()
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	var seen []bindex.IndexInternalID
	for i := 0; ; i++ {
		for len(seen) > 0 && len(targets) > 0 && targets[0].Compare(seen[len(seen)-1]) <= 0 {
			targets = targets[1:]
		}
		var dm *search.DocumentMatch
		var err error
		if i%every == 1 && len(targets) > 0 {
			dm, err = s.Advance(sctx, targets[0])
			targets = targets[1:]
		} else {
			dm, err = s.Next(sctx)
		}
		if err != nil {
			t.Fatal(err)
		}
		if dm == nil {
			return seen
		}
		f(dm)
		seen = append(seen, slices.Clone(dm.IndexInternalID))
		sctx.DocumentMatchPool.Put(dm)
	}
}
