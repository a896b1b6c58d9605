package ingest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/jiyao-search/jiyao/internal/fold"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := NewExtractor(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// subsetDiff compares got (a JSON value) with want on the fields want has
// only; for "topics" arrays each wanted label must be among those got.
func subsetDiff(path string, got, want any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v, want object", path, got)}
		}
		var diffs []string
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			diffs = append(diffs, subsetDiff(path+"."+k, g[k], w[k])...)
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v, want array", path, got)}
		}
		if strings.HasSuffix(path, ".topics") {
			var diffs []string
			for _, x := range w {
				found := false
				for _, y := range g {
					if y == x {
						found = true
					}
				}
				if !found {
					diffs = append(diffs, fmt.Sprintf("%s: %v not among %v", path, x, g))
				}
			}
			return diffs
		}
		if len(g) != len(w) {
			return []string{fmt.Sprintf("%s: got %d elements, want %d\ngot:  %v\nwant: %v", path, len(g), len(w), g, w)}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, subsetDiff(fmt.Sprintf("%s[%d]", path, i), g[i], w[i])...)
		}
		return diffs
	default:
		if !cmp.Equal(got, want) {
			return []string{fmt.Sprintf("%s: got %#v, want %#v", path, got, want)}
		}
		return nil
	}
}

// asJSON round-trips v through encoding/json into generic values.
func asJSON(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSeedGolden(t *testing.T) {
	dir := corpusPath(t, "seed")
	data, err := os.ReadFile(filepath.Join(dir, "suzhou-2020-36.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := os.ReadFile(filepath.Join(dir, "suzhou-2020-36.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal(wantJSON, &want); err != nil {
		t.Fatal(err)
	}
	m, err := newTestExtractor(t).ExtractOne("suzhou-2020-36.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range subsetDiff("record", asJSON(t, m), want) {
		t.Error(d)
	}
}

func TestTitledName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Attendee
	}{
		{"議長許崑源", Attendee{Name: "許崑源", Title: "議長"}},
		{"曾鈺成議員", Attendee{Name: "曾鈺成", Title: "議員"}},
		{"王院長金平", Attendee{Name: "王金平", Title: "院長"}},
		{"民政局局長江俊霆", Attendee{Name: "江俊霆", Org: "民政局", Title: "局長"}},
		{"本會－專門委員江聖虔", Attendee{Name: "江聖虔", Org: "本會", Title: "專門委員"}},
		{"市政府－市長陳菊", Attendee{Name: "陳菊", Org: "市政府", Title: "市長"}},
		{"市政府－警察局局長黃茂穗", Attendee{Name: "黃茂穗", Org: "市政府－警察局", Title: "局長"}},
		{"客家局副局長邱建發", Attendee{Name: "邱建發", Org: "客家局", Title: "副局長"}},
		{"市長：郝龍斌", Attendee{Name: "郝龍斌", Title: "市長"}},
		{"研究發展考核委員會主任委員：魏國彥", Attendee{Name: "魏國彥", Org: "研究發展考核委員會", Title: "主任委員"}},
		{"稅捐稽徵處處長：謝松芳兼代", Attendee{Name: "謝松芳", Org: "稅捐稽徵處", Title: "處長"}},
		{"主席曾鈺成議員", Attendee{Name: "曾鈺成", Title: "主席"}},
		{"伊斯坦大‧貝雅夫‧正福議員", Attendee{Name: "伊斯坦大‧貝雅夫‧正福", Title: "議員"}},
	} {
		got, ok := titledName(tc.in)
		if !ok || got != tc.want {
			t.Errorf("titledName(%q) = %+v, %v; want %+v", tc.in, got, ok, tc.want)
		}
	}
}

func TestParseAttendees(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  []Attendee
	}{
		{[]string{"議員柯路加、韓賜村"}, []Attendee{{Name: "柯路加", Title: "議員"}, {Name: "韓賜村", Title: "議員"}}},
		{[]string{"王  浩  李  新  王孝維"}, []Attendee{{Name: "王浩"}, {Name: "李新"}, {Name: "王孝維"}}},
		{[]string{"市政府－警察局局長黃茂穗等（如簽到簿） 本 會－專門委員江聖虔、議事組主任黃錦平"}, []Attendee{
			{Name: "黃茂穗", Org: "市政府－警察局", Title: "局長"},
			{Name: "江聖虔", Org: "本會", Title: "專門委員"},
			{Name: "黃錦平", Org: "議事組", Title: "主任"},
		}},
		{[]string{"研考會主委吳肇銘", "地政局局長康秋桂"}, []Attendee{
			{Name: "吳肇銘", Org: "研考會", Title: "主委"},
			{Name: "康秋桂", Org: "地政局", Title: "局長"},
		}},
		{[]string{"水利工程處處長：陳毓賢  黃治峯代"}, []Attendee{
			{Name: "陳毓賢", Org: "水利工程處", Title: "處長"},
			{Name: "黃治峯", Org: "水利工程處"},
		}},
		{[]string{"民政事務局局長曾德成先生"}, []Attendee{{Name: "曾德成", Org: "民政事務局", Title: "局長"}}},
		{[]string{"容海恩議員", "陳沛然議員"}, []Attendee{{Name: "容海恩", Title: "議員"}, {Name: "陳沛然", Title: "議員"}}},
		// A dotted name may end in its romanised form; letters alone or
		// without a dot are no name.
		{[]string{"王小明　　比令．達道Pilin．Tatao"}, []Attendee{{Name: "王小明"}, {Name: "比令．達道Pilin．Tatao"}}},
		{[]string{"王小明　　李大同ABC"}, []Attendee{{Name: "王小明"}}},
		// A PDF wrap inside a name joins the line above.
		{[]string{"市医保局孙文德 市行政审批局贺晓", "洪 市粮食和储备局彭胜卫"}, []Attendee{
			{Name: "孙文德", Org: "市医保局"},
			{Name: "贺晓洪", Org: "市行政审批局"},
			{Name: "彭胜卫", Org: "市粮食和储备局"},
		}},
	} {
		if diff := cmp.Diff(parseAttendees(tc.lines), tc.want); diff != "" {
			t.Errorf("parseAttendees(%q) (-got +want):\n%s", tc.lines, diff)
		}
	}
}

func TestSessionLabel(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  Meeting
	}{
		{"苏州市人民政府第115次常务会议纪要", Meeting{Label: "第115次", Session: 115}},
		{"市政府2020年第12次专题会议", Meeting{Label: "2020年第12次", Year: 2020, Session: 12}},
		{"高雄市議會第1屆第 4次定期大會第12次會議紀錄", Meeting{Label: "第1屆第4次定期大會第12次會議", Term: 1, Session: 4, Sitting: 12}},
		{"臺北市議會第11屆成立大會會議紀錄", Meeting{Label: "第11屆成立大會", Term: 11}},
		{"雲林縣議會第17屆第8次定期會議案一覽表", Meeting{Label: "第17屆第8次定期會", Term: 17, Session: 8}},
		{"立法院第五屆第三會期第一次臨時會第一次會議紀錄", Meeting{Label: "第五屆第三會期第一次臨時會第一次會議", Term: 5, Session: 3, Sitting: 1}},
		{"国务院第八次全体会议，讨论即将提请十二届全国人大第一次会议", Meeting{Label: "第八次", Session: 8}},
	} {
		var got Meeting
		nt := fold.String(tc.title)
		session(nt, func(i, j int) string { return spanOf(tc.title, i, j) }, &got)
		if got != tc.want {
			t.Errorf("session(%q) = %+v, want %+v", tc.title, got, tc.want)
		}
	}
}

func TestTidyTitle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"苏州市人民政府 常务会议纪要", "苏州市人民政府常务会议纪要"},
		{"高雄市議會第1屆第 4次定期大會第 12次會議紀錄", "高雄市議會第1屆第4次定期大會第12次會議紀錄"},
		{"十一届全国人大常委会第二十九次会议举行第二次全体会议 吴邦国出席会议", "十一届全国人大常委会第二十九次会议举行第二次全体会议 吴邦国出席会议"},
		{"第21屆第5、6次臨時大會議事錄 4", "第21屆第5、6次臨時大會議事錄"},
		{"第3次會議紀錄4", "第3次會議紀錄"},
		{"(两会受权发布)十三届全国人大常委会举行第一百三十六次委员长会议", "十三届全国人大常委会举行第一百三十六次委员长会议"},
		{"【视频】李强主持召开国务院常务会议", "李强主持召开国务院常务会议"},
		{"一、立法院第四屆第六會期第七次會議紀錄", "立法院第四屆第六會期第七次會議紀錄"},
		{"一、会议听取了某某工作汇报", "一、会议听取了某某工作汇报"},
	} {
		if got := tidyTitle(tc.in); got != tc.want {
			t.Errorf("tidyTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPersonBefore(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Person
	}{
		{"2020年11月2日上午，李亚平市长", Person{Name: "李亚平", Title: "市长"}},
		{"央视网消息（新闻联播）：国务院总理李强3月24日", Person{Name: "李强", Title: "国务院总理"}},
		{"国务院副总理、国务院食品安全委员会主任张高丽11号", Person{Name: "张高丽", Title: "国务院副总理、国务院食品安全委员会主任"}},
		{"　　吴邦国委员长", Person{Name: "吴邦国", Title: "委员长"}},
	} {
		got, ok := personBefore(tc.in, false)
		if !ok || *got != tc.want {
			t.Errorf("personBefore(%q) = %+v, %v; want %+v", tc.in, got, ok, tc.want)
		}
	}
}

func TestScript(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"苏州市人民政府常务会议纪要", "simplified"},
		{"新北市議會第1屆第10次臨時會 民政局局長 財政局局長 警察局局長 查核 表決", "traditional"},
	} {
		if got := script(tc.in); got != tc.want {
			t.Errorf("script(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHanRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := hanRune(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("hanRune(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestIssuerForms(t *testing.T) {
	for _, tt := range []struct {
		issuer string
		want   []string
	}{
		{"苏州市人民政府", []string{"苏州市政府"}},
		{"全国人民代表大会常务委员会", []string{"全国人大常委会"}},
		{"中华人民共和国国务院", []string{"国务院"}},
		{"肥西县政协委员会", []string{"肥西县政协常委会", "肥西县政协"}},
		{"人民政府", nil}, // a body alone has no place to keep
		{"高雄市議會", nil},
	} {
		if got := IssuerForms(tt.issuer); !slices.Equal(got, tt.want) {
			t.Errorf("IssuerForms(%q) = %q; want %q", tt.issuer, got, tt.want)
		}
	}
}

// A transcript's speeches are where bodies are talked about, headed by the
// speaker's name or office (行政長官：); the agenda's lines around them, a
// body's opinion among them, are not speeches.
func TestSpeeches(t *testing.T) {
	text := "46. 本院委員李昆澤等26人擬具「公路法修正草案」，請審議案。\n" +
		"    程序委員會意見：擬請院會將本案交交通委員會審查。\n" +
		"    * 陳院長冲：一般而言都會向警察局報案。\n" +
		"        消防局也會到場。\n" +
		"    * 47. 本院委員廖國棟等21人擬具「土地法草案」，請審議案。\n" +
		"民政事務局局長：多謝主席。\n" +
		"行政長官：主席，特區政府提交的議案。\n"
	p := newPage(text)
	talk := p.speeches()
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"交通委员会", false}, {"警察局", true}, {"消防局", true}, {"土地法", false},
		{"民政事务局", false}, {"多谢", true}, {"特区政府", true},
	} {
		at := strings.Index(p.norm, tt.word)
		if at < 0 {
			t.Fatalf("%s not in the folded text", tt.word)
		}
		if got := talk.holds(at); got != tt.want {
			t.Errorf("%s in a speech = %v; want %v", tt.word, got, tt.want)
		}
	}
}

// A chair's ruling on the line below its label is named by its last clause
// where a long preamble leads up to it; a list of directions below the
// label is no ruling on the business, nor is a ruling that sends it on
// (提政黨協商討論, 交付…審查). The texts are made up.
func TestRulingBelowLabel(t *testing.T) {
	e, err := NewExtractor(Config{})
	if err != nil {
		t.Fatal(err)
	}
	p := newPage("主席裁示：\n在不違背本會審議某年度地方總預算案某局主管所做但書（某基金會之執行長應由市府代表出任，並應於審查預算時至議會列席說明）之前提下，為維持府會和諧及本會監督市政職責，某基金會董事長於下列3點情況列席本會說明：\n1.大會審議與某基金會有關之議案。\n")
	m := &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"主席裁示 某基金會董事長於下列3點情況列席本會說明"}) {
		t.Errorf("decisions = %q, want the ruling's last clause", got)
	}
	p = newPage("主席裁示：提政黨協商討論。\n主席裁定：交付法規委員會審查。\n")
	m = &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); len(got) != 0 {
		t.Errorf("decisions = %q, want none from rulings that send the business on", got)
	}
	p = newPage("主席裁示:\n(1) 日後請各科室提送的資料必須詳細清楚。\n(2) 爾後辦理活動應動員各區人員。\n")
	m = &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); len(got) != 0 {
		t.Errorf("decisions = %q, want none from a list of directions", got)
	}
}

// A council's table of reports: the rows that note or pass a regulation
// are decisions on it, whether the columns stand on lines of their own or
// were joined into one; rows set aside or sent to a committee are not. A
// case that names no regulation (為本府…經管之…處分案) is decided when the
// house passes it, under its matter without the office that holds it, or
// its first clause where its 案 closes a later one (為本府續委託…業務，並由
// 本府投資…股權案), unless that clause gives a reason (…因物價波動等問題); a
// case only noted (備查) is a report, one the review consents to (一、同意。)
// is decided under its clause (建置某某中心一案), a building by its address
// without the parcels in brackets, whose numbers (…、22383建號) open no row.
// A member's request (建請…) passed to
// be carried out is decided, the request also where reasons lead up to it
// (…。懇請…) or where a short 案由 is the request itself (全面補助…免費。);
// one sent to be studied (送市府研議) is not, nor a request in a text's
// prose, far from any result (建請…。是否有當？…). A
// work the reserve is drawn for (「…工程」需動支…第二預備金) is noted as a
// regulation is, and a 收費基準 is a regulation.
func TestReportRows(t *testing.T) {
	text := "參、審議報告案\n案號    案由    審查意見    議    決\n" +
		"11465   為訂定「臺北市社會住宅出租辦法」一案，敬請  查照。  一、備查。\n二、應以自治條例定之。  照審查意見通過\n" +
		"11494   委託民間團體辦理「臺北市內湖老人服務中心」一案，敬請  備查。  備查。\n" +
		"11209   為修正「臺北市土地使用分區管制自治條例」部分條文乙案，敬請  審議。  暫擱\n" +
		"11213   為修正「臺北市公益彩券盈餘分配基金收支保管及運用自治條例」1案，敬請審議。 交付法規委員會審查\n" +
		"於2014年修正「臺北市道路命名辦法」，備查。\n" +
		"查照。 備查11534為本府訂定「臺北市台北二二八紀念館館藏圖檔使用收費標準」乙案，敬請  備查。  備查11536新北市土地，敬請同意備查。\n" +
		"10273   為本府捷運工程局經管之捷運某某站聯合開發大樓公有不動產處分案，敬請 貴會同意。    同意撤銷。  照審查意見通過\n" +
		"11025   有關本市某某地下街委託經營管理乙案，請  查照。	備查\n" +
		"11156   為本府續委託某某公司經營某某市場業務，並由本府投資該公司40％股權案，提請　審議。    同意。  照審查意見通過\n" +
		"11064   為本府某局所屬某某動物園因物價波動等問題，修正「某館新建工程」總工程費用案，敬請 同意辦理。  同意。  照審查意見通過\n" +
		"11174	本市某區某路204號4樓至6樓計3戶（某段二小段1060地號計1筆及22381、22382、22383建號計3筆），擬依土地法第25條規定完成處分程序後依有關規定處理，敬請  查照審議。	同意。	照審查意見通過\n" +
		"11068   為某學院「某校區新建工程」因應物價指數調整，擬重新修正總工程費為70億9,709萬9,530元乙案，提請 審議。   同意。  照審查意見通過\n" +
		"11168   本府為有效利用市有財產，並打造友善生養環境，建置某某親子館暨托嬰中心一案，請　查照。    一、同意。\n二、附帶決議：請社會局通盤檢討。    照審查意見通過\n" +
		"11139   鑑於某某使用量日漸成長，建請交通局應即研擬調降現行費率方案，以嘉惠市民。  送市府辦理。    照審查意見通過\n" +
		"11147   建請市政府在某社區設置公營出租住宅，優先安置原居民。  送市府研議。    照審查意見通過\n" +
		"11123   本府為辦理「某劇場消防逃生安全設施增設工程」需動支本府100年度本市地方總預算第二預備金新台幣5,345萬4,000元乙案，報請  備查。   備查\n" +
		"11148   訂定「臺北市某公園展館場地收費基準」1案，業經臺北市政府以100年8月23日令發布，請 查照。   備查\n" +
		"11519	本府修正「臺北市政府警察局各分局編制表」、「臺北市政府警察局某大隊編制表」等2案，敬請  備查。	備查\n" +
		"11046	全面補助某某戶垃圾袋免費。	送請市府辦理	照審查意見通過\n" +
		"11128	某某器具的國家標準為304規格，但部份業者提供次級品。懇請臺北市政府儘速全面抽驗某某器具是否依法標示清楚。	送請市府辦理	照審查意見通過\n" +
		"11137	為簡化某某作業，請教育局將「某某報名」之作業時程調整至放榜後辦理！	送市府辦理。	照審查意見通過\n" +
		"11150	為使某運動會行銷獲致最大效益，要求將預算用於邀請頂尖選手代言。	不予通過。	暫擱\n" +
		"11152	本院委員某某等，鑑於某某道路中斷多年。建請某部督促某縣政府協助辦理替代路線環境評估事宜。是否有當？敬請公決。\n說明：一、某某道路中斷已逾十年，居民出入困難，亟待解決，其後經院會無異議通過。\n"
	got := placedStrings(reportRows(newPage(text)))
	want := []string{"照審查意見通過《臺北市社會住宅出租辦法》", "備查《臺北市台北二二八紀念館館藏圖檔使用收費標準》", "照審查意見通過《捷運某某站聯合開發大樓公有不動產處分案》", "照審查意見通過《本府續委託某某公司經營某某市場業務》", "照審查意見通過《修正「某館新建工程」總工程費用》", "照審查意見通過《本市某區某路204號4樓至6樓計3戶》", "照審查意見通過《擬重新修正總工程費為70億9,709萬9,530元》", "照審查意見通過《建置某某親子館暨托嬰中心》", "照審查意見通過《建請交通局應即研擬調降現行費率方案，以嘉惠市民》",
		"備查《某劇場消防逃生安全設施增設工程》", "備查《臺北市某公園展館場地收費基準》", "備查《臺北市政府警察局各分局編制表》",
		"照審查意見通過《全面補助某某戶垃圾袋免費》", "照審查意見通過《懇請臺北市政府儘速全面抽驗某某器具是否依法標示清楚》",
		"照審查意見通過《請教育局將「某某報名」之作業時程調整至放榜後辦理》"}
	if !slices.Equal(got, want) {
		t.Errorf("reportRows = %q; want %q", got, want)
	}
}

// A council's motion whose result stands on the line under it is carried
// all the same (…請同意案。\n（無異議通過）), also past a page's number and
// a blank line.
func TestMotionResultOnItsOwnLine(t *testing.T) {
	for _, between := range []string{"\n", "\n2\n\n"} {
		text := "高雄市議會第1屆第6次定期大會第9次會議紀錄\n時間：中華民國102年10月15日上午9時\n主席：曾議員麗燕\n" +
			"丙、決定事項\n  一、主席曾議員麗燕於中午12時15分提：擬延長開會時間，俟李議員雅靜質詢完畢後再行散會，請同意案。" + between + "      （無異議通過）\n丁、散會：下午7時7分。\n"
		recs, err := newTestExtractor(t).Extract("khcc.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range recs[0].Items {
			for _, d := range it.Decisions {
				got = append(got, d.Verb+"《"+d.Object+"》")
			}
		}
		want := []string{"無異議通過《延長開會時間，俟李議員雅靜質詢完畢後再行散會》"}
		if !slices.Equal(got, want) {
			t.Errorf("%q between: decisions = %q; want %q", between, got, want)
		}
	}
}

// A header whose lines were joined into one names the chair after a space
// (…議事組主任黃錦平 主 席：由…韓議員賜村…分別主持).
func TestChairLabelInsideALine(t *testing.T) {
	text := "高雄市議會第1屆第4次定期大會第13次會議紀錄\n日 期：中華民國101年10月17日上午9時1分\n地 點：本會議事廳\n" +
		"本 會－專門委員林愛倫、議事組主任黃錦平 主 席：由工務委員會第一召集人韓議員賜村及第二召集人\n陳議員麗珍分別主持\n記 錄：黃程暉\n甲、報告事項 一、主席宣告開會。\n"
	if c := extractOne(t, "khcc.txt", text).Chair; c == nil || c.Name != "韓賜村" {
		t.Errorf("chair = %+v; want 韓賜村", c)
	}
}

// A council's table of proposals: each row the assembly carried is a
// decision on the proposal's matter, its first clause; a row it did not
// carry is none.
func TestProposalRows(t *testing.T) {
	text := "雲林縣議會第17屆第8次定期會議案一覽表\n編  號 提案人  案               由 審查意見  大會議決\n" +
		"建乙92\n周秀月\n沈銘恭\n建請縣府協調台灣電力公司移除經過湖山水庫庫區之高壓電線電桿。\n送請縣府\n研議辦理\n照審查意見通過\n" +
		"建乙93周秀月\n請縣府邀請相關單位召開協調\n會，建請興建環湖步道。\n保留\n" +
		"教乙12廖清祥\n建 請 縣 府 全 面 開 辦\n中、小學免費營養午\n餐。\n照原案通過  照審查意見通過\n"
	got := placedStrings(proposalRows(newPage(text)))
	want := []string{"照審查意見通過《建請縣府協調台灣電力公司移除經過湖山水庫庫區之高壓電線電桿》", "照審查意見通過《建請縣府全面開辦中、小學免費營養午餐》"}
	if !slices.Equal(got, want) {
		t.Errorf("proposalRows = %q; want %q", got, want)
	}
	// The bodies: the review committee whose proposals the table lists, the
	// government a proposal asks to act (縣府 written in full), a body a
	// proposal asks to build; not a company.
	text += "第三審查會（建設類）\n建乙94周秀月\n建請經濟部水利署中區水資源局興建景觀吊橋。\n照審查意見通過\n" +
		"建乙95周秀月\n建請縣政府督促台塑公司落實承諾。\n照審查意見通過\n"
	bodies := actingBodies(newPage(text), &Minutes{Script: "traditional"})
	for _, want := range []string{"縣政府", "經濟部水利署中區水資源局", "第三審查會"} {
		if !slices.Contains(bodies, want) {
			t.Errorf("actingBodies = %q; lacks %s", bodies, want)
		}
	}
	for _, b := range bodies {
		if strings.Contains(b, "公司") {
			t.Errorf("actingBodies = %q; %s is a company", bodies, b)
		}
	}
}

// A motion's resolution resolves the matter its 案由 names, by its quoted
// title; a resolution that only points to a table or says the review goes
// on decides nothing.
func TestMotionResolutions(t *testing.T) {
	text := "丙、臨時動議\n　　動議人：何議員淑峯等41人\n　　案　由：有鑑於新北市境內已設立兩座核能發電廠，故爰請市府\n" +
		"　　　　　　設立「新北市政府核能安全委員會」，以守護\n　　　　　　市民健康與環境安全。\n　　決　議：送市府辦理。\n" +
		"　　新北市板橋區公所　預算數：881,759,000元\n　　第1審查會召集人林議員秀惠報告各區公所通案意見\n　　決議：各區公所通案意見，詳附表第8至9頁，餘審議中。\n"
	got := placedStrings(resolutionsAt(newPage(text), 0, len(newPage(text).norm)))
	want := []string{"送市府辦理《新北市政府核能安全委員會》"}
	if !slices.Equal(got, want) {
		t.Errorf("resolutions = %q; want %q", got, want)
	}
}

// A list of those present read from just after a full stop: the sentence
// starts after the stop's last byte, not inside it.
func TestAttendedAfterFullStop(t *testing.T) {
	p := newPage("举行第二次全体会议。栗战书委员长出席。国务委员杨晶、常万全等国务院全体会议组成人员出席会议。")
	var got []string
	for _, a := range attendedIn(p) {
		got = append(got, a.Title+a.Name)
	}
	want := []string{"委员长栗战书", "国务委员杨晶", "常万全"}
	if !slices.Equal(got, want) {
		t.Errorf("attendedIn = %q; want %q", got, want)
	}
}

// A sentence that tells who chaired another meeting and who came to it to
// explain (會議由某委員會召集委員林某擔任主席，除由提案委員甲、乙到會說明) is no
// list of those present; but titled names after who chaired (会议由主任某某
// 主持,副主任甲、乙参加了会议) are. The names are made up.
func TestAttendedAfterAClause(t *testing.T) {
	p := newPage("會議由某某委員會召集委員林大德擔任主席，除由提案委員吳一義、馮二國到會說明。\n" +
		"会议由区人大常委会主任王三晨主持,副主任朱四钢、徐五文参加了会议。\n" +
		"会议由区长王六晨主持,区自由贸易区管委会主任朱七钢、徐八文参加了会议。\n")
	var got []string
	for _, a := range attendedIn(p) {
		got = append(got, a.Title+a.Name)
	}
	want := []string{"副主任朱四钢", "徐五文", "区自由贸易区管委会主任朱七钢", "徐八文"}
	if !slices.Equal(got, want) {
		t.Errorf("attendedIn = %q; want %q", got, want)
	}
}

// Releases also close a list of those present with a bare 参加 (区领导王一、
// 李二参加。) or seat them on the rostrum (在主席台就座); a name may end in
// 和, which joins two names only between them. The names are made up.
func TestAttendedBareAndOnTheRostrum(t *testing.T) {
	p := newPage("3月4日晚，区长李大明主持召开区长办公会。区领导马一骏、谷二向、宋三前参加。\n刘四玉、黄五春在主席台就座。\n" +
		"副主席杜六林、罗富和、李七峰和陈八元出席会议。\n")
	var got []string
	for _, a := range attendedIn(p) {
		got = append(got, a.Name)
	}
	// 罗富和: a 和 before a separator ends a name.
	want := []string{"马一骏", "谷二向", "宋三前", "刘四玉", "黄五春", "杜六林", "罗富和", "李七峰", "陈八元"}
	if !slices.Equal(got, want) {
		t.Errorf("attendedIn = %q; want %q", got, want)
	}
}

// A Taiwan council's record that names 台灣 is not about work with Taiwan,
// nor the Legislative Council's 香港 about Hong Kong; a mainland record
// that names 台湾 may be.
func TestTopicsLeaveOutHome(t *testing.T) {
	e := newTestExtractor(t)
	has := func(text, topic string) bool {
		recs, err := e.Extract("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return slices.Contains(recs[0].Topics, topic)
	}
	tw := "雲林縣議會第17屆第8次定期會議事錄\n一、建請台灣電力公司移除高壓電線。台灣各地、台灣電力公司、台灣中油、台灣高鐵、台灣港務均應配合。\n"
	if has(tw, "港澳台侨工作") {
		t.Error("a Taiwan council's record is filed under 港澳台侨工作")
	}
	cn := "福建省人民政府第5次常务会议纪要\n一、研究台湾同胞投资保护工作。会议要求做好台湾同胞、台胞、两岸交流和台湾青年来闽就业工作。\n"
	if !has(cn, "港澳台侨工作") {
		t.Error("a mainland record on work with Taiwan is not filed under 港澳台侨工作")
	}
}

// A council that settles a budget section by section gives work to the
// committee that reviewed each part (財政建設委員會所屬部門) and to the unit of
// each section (第3項：市場處(6-3)), whose budget it decides; the sections
// themselves decide nothing. The text is made up.
func TestBudgetSectionBodies(t *testing.T) {
	text := "某市議會第1屆第2次臨時大會第3次會議紀錄\n乙、二讀會\n壹、繼續審議某年度總預算案\n" +
		"二、財政建設委員會所屬部門（暫擱部分）\n歲出部分\n第6款：產業發展局主管\n第3項：市場處(6-3)\n議決：暫擱。\n" +
		"三、工務委員會所屬部門（暫擱部分）\n歲入部分\n第51項：水利工程處\n議決：照審查意見通過。\n" +
		"四、教育委員會所屬部門\n市政府主管\n第7款：文化局主管第2項：動物保護處\n議決：照審查意見通過。\n" +
		"貳、審議某年度總決算審核報告\n一、民政委員會所屬部門\n市政府主管\n秘書處\n議決：照審查意見通過。\n大安區戶政事務所\n議決：暫擱。\n"
	setUp := newPage("丙、討論事項\n設立某市核能安全委員會\n議決：照案通過。\n")
	if got := resolutions(setUp, 0, len(setUp.norm)); len(got) != 1 {
		t.Errorf("resolutions = %+v, want the body the motion sets up", got)
	}
	m := extractOne(t, "council.txt", text)
	for _, want := range []string{"財政建設委員會", "產業發展局", "市場處", "工務委員會", "水利工程處", "文化局", "動物保護處"} {
		if !slices.Contains(m.Departments, want) {
			t.Errorf("departments %q lack %s", m.Departments, want)
		}
	}
	for _, d := range m.Departments {
		if strings.Contains(d, "所屬") || strings.Contains(d, "第") || d == "市政府" {
			t.Errorf("departments %q hold %s, a heading's or section's words or the budget's head", m.Departments, d)
		}
	}
	if got := decisionsOf(m); len(got) != 0 {
		t.Errorf("decisions = %q; want none (a budget's sections)", got)
	}
}

// Releases write a kind of meeting short (区长办公会), widened (全体(扩大)
// 会议) or by a name of its own (市长碰头会): each is filed under its kind.
// The texts are made up.
func TestKindForms(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"区长主持召开区长办公会\n3月4日晚，区长王大明主持召开区长办公会，研究部署重点工作。\n", "办公会议"},
		{"某市政府召开第六次全体（扩大）会议\n9月24日上午，某市政府第六次全体（扩大）会议召开。市长李一平出席并讲话。\n", "全体会议"},
		{"市长主持召开市长碰头会\n12月15日，市长张二华主持召开市长碰头会，听取各副市长工作情况。\n", "碰头会"},
		// A legislature's informal sitting of all members is named in
		// its title, whatever sitting its business asks for.
		{"立法院第6屆第4會期全院委員談話會會議紀錄\n時　　間　中華民國96年1月29日上午11時\n本院委員甲乙等92人，請求召開臨時會。\n", "全院委員談話會"},
	} {
		if got := extractOne(t, "release.txt", c.text).Meeting.Kind; got != c.want {
			t.Errorf("%.20s…: kind %q, want %q", c.text, got, c.want)
		}
	}
}

// A page's byline stamps its date with the clock time among the site's
// name (http://www.example.cn 2008年03月27日04:10 某某新闻网, 央视网
// 2022-09-14 19:16:21): that is the publication date, which 昨日 and 13日
// are read against, not the meeting's; and a
// meeting the release schedules (决定于2018年2月2日上午召开…) is not the one
// it reports. The texts are made up.
func TestReleaseDates(t *testing.T) {
	for _, c := range []struct{ name, text, date, published string }{
		{"byline", "省人大常委会会议举行\n\nhttp://www.example.cn 2008年03月27日04:10 某某新闻网-晚报\n\n（记者 王一）昨日上午，省人大常委会第二次会议第一次全体会议举行。省人大常委会主任李大明主持会议。\n", "2008-03-26", "2008-03-27"},
		{"site and clock", "[视频]某某主持召开某某会议\n某某网　2022-09-14 19:16:21\n\n某某网消息：某某13日主持召开某某会议，决定某某事项。\n", "2022-09-13", "2022-09-14"},
		{"scheduled", "省人大常委会举行第一次主任会议\n发布时间：2018-02-02\n2月1日，省人大常委会举行第一次主任会议。主任王大明主持会议。\n会议听取了议程草案的汇报，决定于2018年2月2日上午召开省人大常委会第一次会议。\n", "2018-02-01", "2018-02-02"},
	} {
		m := extractOne(t, "release.txt", c.text)
		if m.Meeting.Date != c.date || m.Published != c.published {
			t.Errorf("%s: date %q published %q, want %q and %q", c.name, m.Meeting.Date, m.Published, c.date, c.published)
		}
	}
}

// A government's plenary meeting takes up its whole work: general
// government business first, whatever else it discusses; a plenary of one
// of its committees is that committee's business. The texts are made up.
func TestGovernmentPlenaryTopics(t *testing.T) {
	body := "会议强调，要扩大对外贸易，稳定外资，做好就业和社会保障工作，推动外贸企业开拓市场。\n"
	m := extractOne(t, "plenary.txt", "某某主持召开国务院第二次全体会议\n国务院总理某某16日主持召开国务院第二次全体会议。\n"+body)
	if len(m.Topics) == 0 || m.Topics[0] != "综合政务" {
		t.Errorf("government plenary: topics %q, want 综合政务 first", m.Topics)
	}
	m = extractOne(t, "committee.txt", "国务院某某委员会召开第四次全体会议\n国务院某某委员会16日召开第四次全体会议。\n"+body)
	if len(m.Topics) > 0 && m.Topics[0] == "综合政务" {
		t.Errorf("committee plenary: topics %q, want its own business first", m.Topics)
	}
}

// A legislature's name (立法會, 立法院) and its bills (條例草案) say nothing
// of what a sitting is about: a sitting on the budget is not a sitting on
// public security. The names are made up.
func TestLegislatureNameIsNoTopic(t *testing.T) {
	var b strings.Builder
	b.WriteString("立法會會議過程正式紀錄\n2015年3月27日\n")
	for range 5 {
		b.WriteString("陳一明議員：主席，立法會今天繼續審議《2015年撥款條例草案》，立法會議員在立法會會議上關注這條例的財政開支。\n")
	}
	m := extractOne(t, "hansard.txt", b.String())
	if len(m.Topics) == 0 || m.Topics[0] == "公安、安全、司法" {
		t.Errorf("topics = %q, want the budget's first", m.Topics)
	}
	// 立法院 holds 法院, a court's word: a sitting that only confirms its
	// minutes is general business.
	m = extractOne(t, "ly.md", "立法院第7屆第4會期第9次會議紀錄\n時　　間　中華民國98年11月13日（星期五）上午10時4分\n主　　席　王院長大平\n"+
		"主席：現在開會，進行報告事項。\n1. 宣讀本院第7屆第4會期第8次會議議事錄。\n主席：報告院會，本院第7屆第4會期第8次會議議事錄確定。\n")
	if !slices.Equal(m.Topics, []string{"综合政务"}) {
		t.Errorf("topics = %q, want 综合政务 alone", m.Topics)
	}
	// A sitting on an inquiry into a shooting is on public security.
	m = extractOne(t, "ly.md", "立法院第5屆第6會期第1次會議紀錄\n時　　間　中華民國93年8月11日（星期三）上午9時\n主　　席　王院長大平\n"+
		"討論事項\n一、本院委員某某等擬具「某某槍擊事件真相調查特別委員會條例草案」，請審議案。\n")
	if !slices.Contains(m.Topics, "公安、安全、司法") {
		t.Errorf("topics = %q, want 公安、安全、司法 among them", m.Topics)
	}
}

// The bodies given work name the field of it: a sitting on a motion whose
// own words name no class (服務外判), whose speeches talk of money, is
// also about labour when the labour bureau answers for it. The names are
// made up.
func TestDepartmentsNameTopics(t *testing.T) {
	var b strings.Builder
	b.WriteString("立法會會議過程正式紀錄\n2017年2月9日\n出席政府官員：\n勞工及福利局局長羅一明先生\n")
	b.WriteString("主席：本會現在繼續就\"盡快全面檢討政府的服務外判制度\"的議案進行辯論。\n")
	b.WriteString("陳一明議員：主席，外判合約佔財政預算。\n李二華議員：主席，外判制度應當檢討。\n")
	for _, n := range []string{"王三強", "張四德", "劉五福", "趙六順", "孫七海"} {
		b.WriteString(n + "議員：主席，外判合約佔財政預算，要交代。\n")
	}
	b.WriteString("勞工及福利局局長：主席，多謝各位議員。\n")
	m := extractOne(t, "hansard.txt", b.String())
	if !slices.Contains(m.Departments, "勞工及福利局") {
		t.Fatalf("departments = %q, want 勞工及福利局", m.Departments)
	}
	if !slices.Contains(m.Topics, "劳动、人事、监察") {
		t.Errorf("topics = %q, want 劳动、人事、监察 among them", m.Topics)
	}
	// A house's committees that report (教育科学文化卫生委员会) name the
	// fields they cover, not what the sitting was about.
	npc := "全国人大常委会举行第三次全体会议\n某届全国人大常委会第十二次会议今天在北京人民大会堂举行第三次全体会议。张大江委员长出席。\n" +
		"会议听取了国务院关于自由贸易试验区建设和对外贸易发展情况的报告，商务部部长高一城作了说明，会议认为对外贸易稳中向好。\n" +
		"会议分别听取了全国人大教育科学文化卫生委员会、农业与农村委员会关于代表提出的议案审议结果的报告。\n"
	m = extractOne(t, "npc.txt", npc)
	if len(m.Topics) == 0 || m.Topics[0] != "商贸、海关、旅游" || slices.Contains(m.Topics, "科技、教育") {
		t.Errorf("topics = %q, want trade first and no class named only by a committee", m.Topics)
	}
}

// A sitting given to questioning the executive on its whole administration
// (今日議程：市政總質詢) is general government business first, whatever its
// questions are about; a speech that mentions the questioning, or the
// policy address, does not make a sitting one.
func TestGeneralQuestioningTopics(t *testing.T) {
	e := newTestExtractor(t)
	topics := func(text string) []string {
		recs, err := e.Extract("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return recs[0].Topics
	}
	questions := "甲議員：請教警察局，治安巡邏與交通違規取締、道路養護、河川整治與污水下水道的進度如何？\n" +
		"乙議員：請問都市計畫、道路拓寬與停車場興建、公共運輸的時程？\n丙議員：再問治安與交通。\n"
	asked := "某市議會第1屆第2次定期大會第3次會議紀錄\n一、今日議程：市政總質詢。\n乙、市政總質詢\n" + questions
	if got := topics(asked); len(got) == 0 || got[0] != "综合政务" || len(got) > 3 {
		t.Errorf("general questioning: topics %q, want 综合政务 first", got)
	}
	mentioned := "某市議會第1屆第2次定期大會第3次會議紀錄\n一、今日議程：道路養護案。\n" + questions +
		"丁議員：我在上次總質詢時也問過施政報告裡的交通政策。\n"
	if got := topics(mentioned); len(got) > 0 && got[0] == "综合政务" {
		t.Errorf("a speech that mentions the questioning: topics %q, want the questions' classes first", got)
	}
}

// A body's name may be long (自治县人大常委会代表资格审查委员会, 17
// characters) and still be read back from where it reports.
func TestLongBodyName(t *testing.T) {
	p := newPage("会议听取了自治县人大常委会调研组关于交通建设情况的调研报告、自治县人大常委会代表资格审查委员会关于个别代表的代表资格的报告。\n")
	got := actingBodies(p, &Minutes{Script: "simplified"})
	want := []string{"自治县人大常委会调研组", "自治县人大常委会代表资格审查委员会"}
	if !slices.Equal(got, want) {
		t.Errorf("actingBodies = %q, want %q", got, want)
	}
	// 部署 sets bodies to work, joined by 和 as by 、.
	p = newPage("会议部署国务院安委会办公室和应急管理部会同有关部门，对某省安全生产开展专项整治。\n")
	if got := actingBodies(p, &Minutes{Script: "simplified"}); !slices.Equal(got, []string{"国务院安委会办公室", "应急管理部"}) {
		t.Errorf("actingBodies = %q, want the two bodies set to work after 部署", got)
	}
	// 會同 (jointly with) is no part of the body that follows it.
	p = newPage("本院經濟委員會函，為院會交付審查某計畫書等二案及會同預算及決算委員會審查某基金營運計畫等三十八案，均已逾年度。\n")
	if got := actingBodies(p, &Minutes{Script: "traditional"}); slices.ContainsFunc(got, func(b string) bool { return strings.HasPrefix(b, "會同") }) {
		t.Errorf("actingBodies = %q, want no 會同 in a body's name", got)
	}
}

// An object that refers back (原則同意該《責任清單》, 同意上述方案) is the
// document named in full before it in the item; one that refers to nothing
// named stays as written. The texts are made up.
func TestReferentObject(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"某区政府常务会议纪要\n一、审议《某区生态环境保护工作责任清单(送审稿)》\n会议听取了某局关于《某区生态环境保护工作责任清单(送审稿)》的汇报。会议原则同意该《责任清单》。\n", "原则同意 某区生态环境保护工作责任清单(送审稿)"},
		{"某区政府常务会议纪要\n一、研究某项工作\n会议原则同意该方案。\n", "原则同意 该方案"},
	} {
		got := decisionsOf(extractOne(t, "minutes.txt", c.text))
		if !slices.Contains(got, c.want) {
			t.Errorf("decisions %q lack %q", got, c.want)
		}
	}
}

// A release's later paragraphs elaborate what its opening listed: a
// clause that shares a four-character word with an opening decision
// restates it (确定了今年国务院10个方面、103项重点工作 after 确定国务院2023年
// 重点工作分工); a new one is a decision of its own. The text is made up.
func TestReleaseRestates(t *testing.T) {
	text := "国务院总理某某主持召开国务院常务会议\n" +
		"新华社北京3月24日电 国务院总理某某3月24日主持召开国务院常务会议，确定国务院2023年重点工作分工，部署加快服务外包转型升级。\n" +
		"会议确定了今年国务院10个方面、103项重点工作。\n" +
		"会议确定了加快承接服务外包能力建设、推动转型升级的措施。\n" +
		"会议决定，延续和优化实施部分阶段性税费优惠政策。\n"
	wantDecisions(t, "release.txt", text, []string{"确定 国务院2023年重点工作分工", "部署 加快服务外包转型升级", "决定 延续和优化实施部分阶段性税费优惠政策"})
}

// A release's opening files 研究部署X as arranging X; a section headed by
// the same words that adopts a titled document files the document instead;
// a teaser cut off (等工...) names no matter. The texts are made up.
func TestReleaseArranges(t *testing.T) {
	text := "国务院总理某某主持召开国务院常务会议\n" +
		"新华社北京5月6日电 国务院总理某某6日主持召开国务院常务会议，决定延续部分税费优惠政策，研究部署推进某项改革有关工作，研究部署加快发展某类产业。\n" +
		"研究部署加快发展某类产业\n" +
		"会议讨论通过《关于加快发展某类产业的若干意见》。\n"
	wantDecisions(t, "release.txt", text, []string{"决定 延续部分税费优惠政策", "研究部署 推进某项改革有关工作", "讨论通过 关于加快发展某类产业的若干意见"})
	by := "国务院总理某某主持召开国务院常务会议\n国务院总理某某今天主持召开国务院常务会议，部署促进某地儿童发展。\n" +
		"会议审议通过《某地儿童发展规划》。通过提高报销比例和补助标准，加大对住院分娩的补助力度。\n"
	if got := decisionsOf(extractOne(t, "by.txt", by)); slices.ContainsFunc(got, func(d string) bool { return strings.Contains(d, "报销") }) {
		t.Errorf("decisions = %q: 通过 meaning \"by\" adopts nothing", got)
	}
	own := "国务院总理某某主持召开国务院常务会议\n国务院总理某某19日主持召开国务院常务会议，听取某项工作汇报，讨论通过《某工程规划(2013—2022年)》，决定设立“全国某某日”。\n" +
		"会议决定，按照市场倒逼、企业主体、地方组织、中央支持的原则，一是依法依规推动落后产能退出，二是加强奖补支持。\n"
	own = strings.Replace(own, "讨论通过《某工程规划(2013—2022年)》，", "讨论通过《某工程规划(2013—2022年)》，核准一批清洁能源重大项目，", 1)
	got := decisionsOf(extractOne(t, "own.txt", own))
	if want := []string{"讨论通过 某工程规划(2013—2022年)", "核准 一批清洁能源重大项目", "决定 设立“全国某某日”"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q (a decision of its own after a titled one; a principle is no matter)", got, want)
	}
	teaser := "某省政府召开常务会议\n12月2日下午，省长某某主持召开省政府第50次常务会议，审议《政府工作报告(送审稿)》，研究部署甲项建设、乙项工作等工...[详细内容]\n"
	if got := decisionsOf(extractOne(t, "teaser.txt", teaser)); slices.ContainsFunc(got, func(d string) bool { return strings.Contains(d, "甲项") }) {
		t.Errorf("decisions = %q: a teaser cut off is no decision", got)
	}
}

// The kind of a meeting is named by the body that holds it; a council's
// preparatory meeting is its session's (定期大會預備會議 is 定期大會). The
// titles are made up.
func TestBodyKind(t *testing.T) {
	for title, want := range map[string]string{
		"某市议会第11届第3次定期大会预备会议暨第1次会议纪录":     "定期大会",
		"某县政协十届二次会议预备会议暨五次常委会议召开":         "常委会会议",
		"某区政协十届二次会议预备会议召开":                "预备会议",
		"某市人大常委会第十次会议":                    "常委会会议",
		"十三届全国人大二次会议在京闭幕":                 "人民代表大会会议",
		"全国人大常委会党组举行会议 学习贯彻十三届全国人大二次会议精神": "",
	} {
		if got := bodyKind(title); got != want {
			t.Errorf("bodyKind(%s) = %q, want %q", title, got, want)
		}
	}
}

// A council's news page: a label set in a list (• 發布單位:公共關係室) is
// page chrome, and the body that meets is the subject of 召開 even with the
// date after it (高雄市議會第六屆第四次定期大會二十一日召開預備會議), read
// within its own line. The text is made up.
func TestIssuerBeforeTheDate(t *testing.T) {
	text := "跳到主要內容區塊\n\n某議會全球網-中文網\n\n第六屆第四次定期大會預備會議新聞稿\n\n  • 發布單位:公共關係室\n\n" +
		"高雄市議會第六屆第四次定期大會二十一日召開預備會議,排定大會議程。\n"
	if got := extractOne(t, "news.txt", text).Issuer; got != "高雄市議會" {
		t.Errorf("issuer = %q, want 高雄市議會", got)
	}
}

// A headline of phrases names its meeting's body in the first phrase that
// names one; a later phrase's 召开 is another meeting. A name the issuers
// table knows after a linking word (与, 向) is that body; 中共…党组 is the
// party group. The headlines are made up on the releases' patterns.
func TestIssuerOfHeadline(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"十二届全国人大常委会第九次会议在京闭幕 某某某主持会议 明年3月5日召开十二届全国人大三次会议", "全国人民代表大会常务委员会"},
		{"某某某主持召开十二届全国人大常委会第八十次委员长会议 决定2月1日至2日举行十二届全国人大常委会第十次会议", "全国人民代表大会常务委员会"},
		{"十三届全国人大常委会第九次会议分组审议全国人大常委会工作报告稿", "全国人民代表大会常务委员会"},
		{"某某某与全国人大常委会会议列席代表座谈", "全国人民代表大会常务委员会"},
		{"中共全国人大常委会党组召开会议 学习贯彻会议精神", "全国人大常委会党组"},
		{"苏州市人民政府 常务会议纪要", "苏州市人民政府"},
		{"中華民國95年3月24日立法院第6屆第3會期第6次會議", "立法院"},
		{"立法院第8屆第1會期司法及法制委員會第5次全體委員會議紀錄", "立法院司法及法制委員會"},
		// A person who attends, speaks at or instructs a body's meeting
		// is no part of its name, known or not.
		{"张大山出席国务院推进某某改革协调小组全体会议", "国务院推进某某改革协调小组"},
		{"王小明在某某工作领导小组第一次全体会议上强调 做好某某工作", "某某工作领导小组"},
		{"中央对某某工作领导小组会议召开", "中央对某某工作领导小组"}, // 中央 is no one's name
		{"李大同对国务院某某工作领导小组全体会议作出重要批示", "国务院某某工作领导小组"},
	} {
		text := c.title + "\n\n新华社北京1月1日电 会议在北京举行。\n"
		if got := extractOne(t, "news.txt", text).Issuer; got != c.want {
			t.Errorf("%s: issuer = %q, want %q", c.title, got, c.want)
		}
	}
}

// A headline whose short phrases after the first name who presided and
// reported (…第二次会议开幕 某某某主持 某某作报告) names the body in its first
// phrase, though the text writes the body with its term inside
// (政协第十二届全国委员会常务委员会). The text is made up.
func TestIssuerOfHeadlinePhrase(t *testing.T) {
	text := "全国政协十二届常委会第二次会议开幕 某某某主持 某某作报告\n\n" +
		"央视网消息：政协第十二届全国委员会常务委员会第二次会议17日下午在京开幕。全国政协主席某某某主持开幕会。\n"
	if got := extractOne(t, "news.txt", text).Issuer; got != "中国人民政治协商会议全国委员会" {
		t.Errorf("issuer = %q, want 中国人民政治协商会议全国委员会", got)
	}
}

// A body is named right before its term's number (某鄉民代表會第12屆第17次
// 臨時會) where no title or opening names it so that it can be read. The
// text is made up.
func TestIssuerBeforeTerm(t *testing.T) {
	text := "鄉代會7/11-7/13召開臨時會\n發布日期:\n記者:\n" +
		"烈嶼鄉民代表會第12屆第17次臨時會,從7月11日起至7月13日召開,為期3天,代表們將審議各項議案。\n"
	if got := extractOne(t, "news.txt", text).Issuer; !strings.HasSuffix(got, "烈嶼鄉民代表會") {
		t.Errorf("issuer = %q, want …烈嶼鄉民代表會", got)
	}
}

// A text that numbers more items than any minutes do keeps its first
// maxRecordItems, says so, and keeps its text whole.
func TestBoundRecord(t *testing.T) {
	var b strings.Builder
	b.WriteString("某市人民政府常务会议纪要\n")
	for i := 1; i <= maxRecordItems+200; i++ {
		fmt.Fprintf(&b, "%d、原则同意《某某规划%d》，由市财政局负责。\n", i, i)
	}
	m := extractOne(t, "many.txt", b.String())
	if len(m.Items) != maxRecordItems || !slices.Equal(m.Truncated, []string{"items"}) {
		t.Errorf("%d items, truncated %q; want %d and [items]", len(m.Items), m.Truncated, maxRecordItems)
	}
	if !strings.Contains(m.Text, "某某规划1200》") {
		t.Error("the text was cut with the items")
	}
	if m := extractOne(t, "few.txt", "某市人民政府常务会议纪要\n一、原则同意《某某规划》。\n"); m.Truncated != nil {
		t.Errorf("a short record says truncated %q", m.Truncated)
	}
}

// A count of bodies (两个局, 三个部门) names none of them.
// (交付各有關委員會審查: the relevant committees are no body either.)
func TestCountedBodiesNameNone(t *testing.T) {
	p := newPage("会议决定，由两个局负责落实。由市财政局负责资金。\n決議：交付各有關委員會審查。\n35. 某部函復對本院第十四次會議第三組審查結果之說明。\n")
	if got := actingBodies(p, &Minutes{Script: "simplified"}); !slices.Equal(got, []string{"市财政局"}) {
		t.Errorf("actingBodies = %q, want [市财政局]", got)
	}
}

// In a standing committee's release, the groups it sends out to inspect or
// study are the house itself at work; a person who reports for a body is not
// part of its name; the committees concerned name none; a body's name starts
// after the bill before it (…修正案草案和) and after 按照; a court that
// proposes a bill acts though it entrusted the other court with it, and the
// government that entrusts its minister does not sit; a head who reports
// names the body he heads, each of his posts'. The names are made up.
func TestStandingCommitteeBodies(t *testing.T) {
	p := newPage("会议听取了全国人大常委会副委员长甲乙作的常委会执法检查组关于检查某法实施情况的报告。\n" +
		"丙丁作全国人大常委会专题调研组关于某情况的调研报告。\n" +
		"国务院副总理戊己代表国务院作了关于某试验区工作进展情况的报告。\n" +
		"会议听取了全国人大民族委员会副主任委员庚辛等分别作的相关专门委员会关于代表议案审议结果的报告。\n" +
		"会议听取了全国人大常委会代表资格审查委员会关于个别代表的代表资格的报告。\n" +
		"会议讨论通过了《某法》等12部法律的修正案草案和最高人民法院关于某事项的决定草案。\n" +
		"各部门要继续按照国家发展改革委关于某工作的要求抓好落实。\n" +
		"最高人民法院、最高人民检察院提出了关于提请审议某试点工作的决定草案的议案。最高人民法院院长甲丙代表最高人民法院并受最高人民检察院委托作了说明。\n" +
		"受国务院委托，商务部部长乙丁作了说明。国务院提出了关于某法修正案草案的议案。\n" +
		"会议听取了公安部副部长、国家移民管理局局长丙戊受国务院委托作的关于某情况的报告。\n")
	got := actingBodies(p, &Minutes{Issuer: "全国人民代表大会常务委员会", Script: "simplified"})
	if want := []string{"全国人大常委会代表资格审查委员会", "最高人民法院", "国家发展改革委", "最高人民检察院", "商务部", "国家移民管理局"}; !slices.Equal(got, want) {
		t.Errorf("actingBodies = %q, want %q", got, want)
	}
}

// What a member asks or says around a body is no part of its name (當局有
// 否收到…, 除非獲…, 即…, 支持政府, 代表政府), a verb that ends as a body's
// name does names none (透過舉辦, 簽署), and a count of bodies or "that
// company" names none. The texts are made up.
func TestWordsAroundBodies(t *testing.T) {
	p := newPage("(一) 當局有否收到某某公司關於上述漏洞的求助個案？\n" +
		"(二) 禁止任何人輸出配方粉，除非獲工業貿易署署長發出的許可證。\n" +
		"(三) 道路安全議會透過舉辦《單車安全訓練計劃》教導學生。\n" +
		"(四) 5家銀行簽署的協議，以及該公司提出的申請。\n" +
		"(五) 我希望議員支持政府提出的議案。本人代表政府提出的修正案。\n")
	got := actingBodies(p, &Minutes{Issuer: "香港特別行政區立法會", Script: "traditional"})
	if want := []string{"某某公司", "工業貿易署"}; !slices.Equal(got, want) {
		t.Errorf("actingBodies = %q, want %q", got, want)
	}
}

// In a legislature's gazette, a bill referred to a committee (交財政委員會)
// names the committee without the verb, though 交通委員會 holds it; a
// ministry that sends a report (內政部檢送該部…) is named without what it
// did, and a budget's section read out (宣讀第十六款某委員會) without the
// reading. The names are made up.
func TestReferredAndSendingBodies(t *testing.T) {
	p := newPage("27. 「某某法部分條文修正草案」交財政委員會審查。\n28. 「某某條例草案」交交通委員會審查。\n" +
		"29. 內政部檢送該部主管之某年度報告，請查照案。\n宣讀第十六款蒙藏委員會主管部分。\n" +
		"30. 「某某條例草案」改交外交及國防委員會審查。\n31. 編列議程報告事項交全院委員會審查。\n32. 某機關訓練機關之行政院人事行政局提出的計畫。\n33. 縣交運局提出的方案。\n")
	got := actingBodies(p, &Minutes{Issuer: "立法院", Script: "traditional"})
	for _, want := range []string{"財政委員會", "交通委員會", "蒙藏委員會", "外交及國防委員會", "全院委員會", "行政院人事行政局", "縣交運局"} {
		if !slices.Contains(got, want) {
			t.Errorf("actingBodies = %q; lacks %s", got, want)
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, "交") && g != "交通委員會" || strings.Contains(g, "檢送") || strings.Contains(g, "宣讀") || strings.Contains(g, "之") || g == "國防委員會" {
			t.Errorf("actingBodies = %q; %s holds a verb", got, g)
		}
	}
}

// The Chief and Financial Secretaries head no department of their titles'
// names (政務司司長, 財政司司長); the Secretary for Justice heads 律政司. The
// text is made up.
func TestSecretariesBodies(t *testing.T) {
	p := newPage("政務司司長：主席，多謝各位議員。\n財政司司長：主席，我感謝各位議員。\n律政司司長：主席，本司會跟進。\n教育局局長：主席，本局會研究。\n")
	got := actingBodies(p, &Minutes{Issuer: "香港特別行政區立法會", Script: "traditional"})
	if want := []string{"律政司", "教育局"}; !slices.Equal(got, want) {
		t.Errorf("actingBodies = %q, want %q", got, want)
	}
}

// Words cut from a body's name read back are not cut from places' names
// that begin with the same characters (即墨区, 获嘉县, 何家湾村). The names
// of the bodies are made up.
func TestPlaceNamesKeepTheirCharacters(t *testing.T) {
	p := newPage("即墨区人民政府提出的方案。\n获嘉县人民政府提出的方案。\n何家湾村民委员会提出的方案。\n（即發展局提交的文件）\n(iv)為何運輸及房屋局提交的文件有誤。\n")
	got := actingBodies(p, &Minutes{Script: "simplified"})
	for _, want := range []string{"即墨区人民政府", "获嘉县人民政府", "何家湾村民委员会", "發展局", "運輸及房屋局"} {
		if !slices.Contains(got, want) {
			t.Errorf("actingBodies = %q; lacks %s", got, want)
		}
	}
	if docList("推进科学立法、民主立法、依法立法") {
		t.Error("ways of making law are no laws listed")
	}
}

// The bodies of those who answer in a council, read before a name with a
// title inside it: compound titles (分局長, 大隊長, 代理局長, 主任委員) name
// their body, and an office named with its bureau is listed as both.
func TestBodiesOfAnsweringOfficials(t *testing.T) {
	p := newPage("答詢人員：\n新興分局鄭分局長明忠\n刑事警察大隊紀大隊長明謀\n環境保護局陳代理局長琳樺\n原住民事務委員會范主任委員織欽\n社會局社會救助科黃科長世明\n鳳山分局忠孝派出所李所長明\n")
	got := actingBodies(p, &Minutes{Script: "traditional"})
	for _, want := range []string{"新興分局", "刑事警察大隊", "環境保護局", "原住民事務委員會", "社會局", "社會救助科", "鳳山分局忠孝派出所"} {
		if !slices.Contains(got, want) {
			t.Errorf("actingBodies = %q; lacks %s", got, want)
		}
	}
	if slices.Contains(got, "社會局社會救助科") {
		t.Errorf("actingBodies = %q; an office is listed with its bureau", got)
	}
}

// The heads who sit in, one office a line (文化局局長：林慧芬代, a deputy
// sitting for the head), are a list of those who attend, not bodies acting;
// a speech headed by the office is. The names are made up.
func TestSittingInOfficesAreNoBodies(t *testing.T) {
	p := newPage("列席：\n市政府：\n文化局局長：林小芬代\n資訊局局長：詹大存代\n主席：吳議長大珠\n" +
		"工務局局長：主席、各位議員，本局已依議員意見辦理道路改善工程，預計年底完工。\n")
	got := actingBodies(p, &Minutes{Script: "traditional"})
	if !slices.Equal(got, []string{"工務局"}) {
		t.Errorf("actingBodies = %q, want [工務局]", got)
	}
}

// A member's request in a council's summary minutes gives work to the body
// it addresses (沈議員發惠要求：／請城鄉局提供…, 請教育局就…提出…), each of
// its numbered parts too ((一)請城鄉局…(二)請體育處…), also where they run
// on in one line (下列資料：1.請工務局提供…。2.請地政局提供…). The names are
// made up.
func TestRequestedBodies(t *testing.T) {
	p := newPage("丙、主席裁定事項\n一、廖議員大德要求：\n請主計處提供102年迄今之墊付案明細。\n主席裁定：請照辦。\n" +
		"二、陳議員小福要求：\n請教育局就國小額滿學校問題提出改善計畫。\n主席裁定：請照辦。\n" +
		"三、沈議員小惠要求：\n（一）請城鄉局提供下列資料：1.某計畫案委員會版本。\n2.某公司資料。\n（二）請體育處提供國民運動中心計畫中、規劃中、施\n工中進度。\n主席裁定：請於102年1月28日開會前送會。\n" +
		"四、陳議員大福要求：\n請市府說明某地號為何得以興建大樓？並請相關局處提供下列資料：1.請工務局提供建照之資料。2.請地政局提供地籍資料。\n主席裁定：請照辦。\n")
	got := actingBodies(p, &Minutes{Script: "traditional"})
	for _, want := range []string{"主計處", "教育局", "城鄉局", "體育處", "工務局", "地政局"} {
		if !slices.Contains(got, want) {
			t.Errorf("actingBodies = %q; lacks %s", got, want)
		}
	}
}

// A chair's ruling in points, each on its line (主席裁定：（一）請於…送會。⏎
// （二）請於…送會。⏎（二）（三）請於…; （四）～（六）…), is a decision each, in order,
// without their numbers. The names are made up.
func TestRulingInPoints(t *testing.T) {
	p := newPage("二、呂議員小昌要求：\n（一）請工務局說明某道路執行進度。\n（二）請市府提供某新市鎮資料。\n" +
		"主席裁定：（一）請於102年5月15日開會前送會。\n（二）（三）請於102年5月16日開會前送會。\n（四）～（六）請於102年5月17日開會前送會。\n散會：17時22分\n")
	m := &Minutes{}
	e := newTestExtractor(t)
	e.councilDecisions(p, m)
	want := []string{"主席裁定 請於102年5月15日開會前送會", "主席裁定 請於102年5月16日開會前送會", "主席裁定 請於102年5月17日開會前送會"}
	if got := decisionsOf(m); !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A point of a ruling broken by the line's end runs on over the indented
// line below (（一）1至6請於…開會前送⏎      會。), and the numbers of the
// requests it covers are no part of it. The names are made up.
func TestRulingPointsRunOn(t *testing.T) {
	p := newPage("一、李議員小文要求：\n請市府提供：1、某資料。2、某名單。\n" +
		"主席裁定：（一）1至6請於103年6月4日開會前送 \n                會。 \n（二）7至11請於103年6月5日開會前 \n      送會。 \n" +
		"二、王議員大同要求：\n請市府釋疑。\n主席裁定：請於103年6月6日開會前送會。\n散會：17時30分\n")
	m := &Minutes{}
	newTestExtractor(t).councilDecisions(p, m)
	want := []string{"主席裁定 請於103年6月4日開會前送會", "主席裁定 請於103年6月5日開會前送會", "主席裁定 請於103年6月6日開會前送會"}
	if got := decisionsOf(m); !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A proposal that states things first is about the clause that asks (請縣府
// 行文要求…), and the request goes on over its clauses up to its purpose or
// manner (，以…; ，比照…) or a further request (，並…); where no clause asks,
// the first names the matter. The texts are made up.
func TestRequestClause(t *testing.T) {
	for in, want := range map[string]string{
		"某鎮立游泳池年久失修，現場設備老舊不堪，請縣府行文要求某鎮公所儘速提列改善計畫，以報請中央爭取補助經費。": "請縣府行文要求某鎮公所儘速提列改善計畫",
		"建請縣府全面開辦中小學免費營養午餐，以減輕家長負擔。":                           "建請縣府全面開辦中小學免費營養午餐",
		"請縣府相關單位在核定重大工程交維計畫時，要求施工單位須舉辦地方說明會，確保居民安全。":           "請縣府相關單位在核定重大工程交維計畫時，要求施工單位須舉辦地方說明會",
		"改善某線2K470M至2K520M路段，以維行車安全。":                          "改善某線2K470M至2K520M路段",
		"建請縣府呼籲中央政府基於人道考量，准予某某保外就醫。":                           "建請縣府呼籲中央政府基於人道考量，准予某某保外就醫",
		"建請縣府將某事故之罰款收入，研議成立基金會之適法性案，並定期公告。":                    "建請縣府將某事故之罰款收入，研議成立基金會之適法性案",
		"請縣政府向中央提案將某水庫範圍劃定為國家風景特定區，比照某國家風景區模式，以期帶動觀光。":         "請縣政府向中央提案將某水庫範圍劃定為國家風景特定區",
		"改善某線2K470M至2K520M，南側有破舊豬舍，此處道路狹窄，應立即改善。":              "改善某線2K470M至2K520M",
	} {
		if got := requestClause(in); got != want {
			t.Errorf("requestClause(%s) = %q, want %q", in, got, want)
		}
	}
}

// A chair who puts a member's motion to the house (…提：擬同意抽出即行審議，
// 請同意案) carries the member's motion, read to its end. The names are made
// up.
func TestChairPutsMembersMotion(t *testing.T) {
	p := newPage("丙、抽出動議黃議員大霖於上午10時47分提：擬將本次大會第46次會議決議擱置之某項預算抽出繼續審議；主席許議長大源徵詢在場議員附議後提：擬同意抽出即行審議，請同意案。\n(無異議通過) 丁、散會：下午5時44分。\n")
	m := &Minutes{}
	newTestExtractor(t).councilDecisions(p, m)
	if got, want := decisionsOf(m), []string{"無異議通過 將本次大會第46次會議決議擱置之某項預算抽出繼續審議"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// placedStrings shows decisions as verb《object》.
func placedStrings(ds []placedDecision) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Verb+"《"+d.Object+"》")
	}
	return out
}

// A town assembly's header whose line breaks were lost, under a page's
// breadcrumb: the numbered items (三、出席人：…。四、列席人：…) still say
// where each label starts; titles come before names (鎮長…, 民政課長…) or
// inside them (陳副主席…); the body heads the record's full name, not the
// headline; 鎮 + 鎮民代表會 is one 鎮民代表會. The people are fictional.
func TestHeaderOnOneLine(t *testing.T) {
	text := "首頁\n1\n開會紀錄公布\n2\n第3屆第2次臨時大會議事錄 3\n" +
		"甲乙縣丙丁鎮第3屆鎮民代表會第2次臨時大會議事錄目錄壹、開會紀錄:一、開會時間:民國108年12月19日二、開會地點:本會議事廳" +
		"三、出席人:王主席大明、李副主席小華、趙代表一平,計3名。四、列席人:鎮長錢文德、主任秘書孫家和、民政課長周志遠、財政代理課長吳佩文,計4名。" +
		"五、主席:李副主席小華六、紀錄:組員鄭美玲七、司儀:臨僱馮小婷八、秘書報告出缺席人數\n"
	m := extractOne(t, "town.txt", text)
	if m.Title != "第3屆第2次臨時大會議事錄" {
		t.Errorf("title = %q", m.Title)
	}
	if m.Issuer != "甲乙縣丙丁鎮民代表會" {
		t.Errorf("issuer = %q", m.Issuer)
	}
	if m.Chair == nil || m.Chair.Name != "李小華" {
		t.Errorf("chair = %+v; want 李小華", m.Chair)
	}
	if m.Recorder != "鄭美玲" {
		t.Errorf("recorder = %q; want 鄭美玲", m.Recorder)
	}
	got := attendeesOf(m, func(a Attendee) string { return a.Role + " " + a.Title + " " + a.Name })
	want := []string{"出席 主席 王大明", "出席 副主席 李小華", "出席 代表 趙一平",
		"列席 鎮長 錢文德", "列席 主任秘書 孫家和", "列席 民政課長 周志遠", "列席 財政代理課長 吳佩文"}
	if !slices.Equal(got, want) {
		t.Errorf("attendees = %q\nwant %q", got, want)
	}
}

// A State Council release's opening lists what the meeting decided, a
// decision may follow business in one clause (听取…汇报并部署…), a bill's
// next stop is no part of its name, and the heading of a list (明确了…
// 主要任务：一是…, 推进以下工程) is no decision. The text is made up.
func TestReleaseClauses(t *testing.T) {
	text := "甲乙主持召开国务院常务会议\n" +
		"国务院总理甲乙16日主持召开国务院常务会议，听取防汛形势汇报并部署秋季农业重点工作，讨论通过拟提请全国人大常委会审议的关于在某试验区暂停实施有关法律规定的决定草案。\n" +
		"会议讨论通过《关于促进渔业发展的若干意见》，明确了今后一段时期的主要任务：一是加强保护，二是加快转型。\n" +
		"会议确定，今明两年抓紧推进以下工程。\n"
	wantDecisions(t, "release.txt", text, []string{"部署 秋季农业重点工作", "讨论通过 关于在某试验区暂停实施有关法律规定的决定草案", "讨论通过 关于促进渔业发展的若干意见"})
}

// A decision framed by its purpose, the rule it follows, its means or its
// time names its matter in the clause after the frame; a frame followed by a
// list or by another frame names none. The text is made up.
func TestReleaseFramedDecisions(t *testing.T) {
	text := "甲乙主持召开国务院常务会议\n" +
		"国务院总理甲乙16日主持召开国务院常务会议，部署推进某项工作。\n" +
		"会议决定，为促进某业发展，提高某类补助标准。\n" +
		"会议确定，运用大数据技术，加快建设某监管平台。\n" +
		"会议决定，通过疏导某项价格矛盾，减轻企业负担。\n" +
		"会议确定，到2020年，建成某网络。\n" +
		"会议决定，为困难群众发放一次性生活补贴。\n" +
		"会议决定，按照政府工作报告要求，一是加大投入，二是完善政策。\n" +
		"会议决定，为促进某业发展，适应国内较快增长的需求，借鉴国际做法，对某类人员减税。\n"
	wantDecisions(t, "release.txt", text, []string{"部署 推进某项工作", "决定 提高某类补助标准", "确定 加快建设某监管平台", "决定 减轻企业负担", "确定 建成某网络", "决定 为困难群众发放一次性生活补贴"})
}

// 主持公道 (uphold justice) in a member's written question presides over
// nothing: no chair is read from it. The names are made up.
func TestChairNotFromIdiom(t *testing.T) {
	if per, ok := chairIn("本席要請院長主持公道，平衡某小組的成見！"); ok {
		t.Errorf("chairIn = %+v, want none", per)
	}
	if per, ok := chairIn("區長王大明主持召開區政府常務會議"); !ok || per.Name != "王大明" {
		t.Errorf("chairIn = %+v, %v, want 王大明", per, ok)
	}
}

// Once a paragraph restates a decision of the opening, its further
// decisions carry that one out (会议决定，在某区暂时调整实施…), but for a
// document it adopts by title. The text is made up.
func TestReleaseElaboration(t *testing.T) {
	text := "甲乙主持召开国务院常务会议\n" +
		"国务院总理甲乙21日主持召开国务院常务会议，决定在自由贸易试验区开展某项改革全覆盖试点，部署扩大某类服务供给。\n" +
		"会议指出，要深化改革。会议决定，从12月1日起，在全国自由贸易试验区开展某项改革全覆盖试点。对全部事项，取消其中13项审批。" +
		"会议决定，在自贸区暂时调整实施相关行政法规和国务院决定；涉及法律的，提请全国人大常委会授权。会议通过《某某条例（草案）》。\n"
	wantDecisions(t, "release.txt", text, []string{"决定 在自由贸易试验区开展某项改革全覆盖试点", "部署 扩大某类服务供给", "通过 某某条例（草案）"})
}

// A standing committee's closing sitting adopts laws and decisions in lists:
// each is a decision (分别通过了A、B; 通过了《某法》，关于修改A法的决定、关于
// 修改B法的决定), but a name that lists laws inside it is one (关于修改甲法、乙
// 法的决定), a 、 inside a title splits nothing, what the sentence before
// named (上述协定) is no new matter, and a later paragraph of the same formal
// words (全国人大常委会关于…的决定) restates none of them; what a leader said of
// the meeting's decisions (某某说，本次会议审议通过了…) and the decision
// adopted spoken of (会议通过的…决定) are not filed again. The text is made up.
func TestClosingSittingLists(t *testing.T) {
	text := "某届全国人大常委会第三十次会议在京闭幕\n" +
		"某届全国人大常委会第三十次会议今天上午在北京人民大会堂闭幕。\n" +
		"会议经表决，分别通过了《中华人民共和国某某卫生法》，全国人大常委会关于修改监狱法的决定、关于修改律师法的决定、关于修改甲法、乙法的决定。\n" +
		"会议分别表决通过了全国人大常委会关于批准《中国、某国关于边界的协定》的决定、关于批准《中国和某国引渡条约》的决定，批准了上述协定和条约。\n" +
		"会议表决通过了全国人大常委会关于授权国务院在某区暂时调整有关法律规定的决定。\n" +
		"会议表决通过了全国人大常委会关于批准某年中央预算调整方案的决议、全国人大常委会关于授权国务院提前下达部分债务限额的决定。\n" +
		"会议原则通过了全国人大常委会工作报告稿，并委托委员长代表全国人大常委会向某次会议作工作报告。\n" +
		"某某说，本次会议审议通过了某某卫生法。会议通过的关于修改监狱法的决定，适应了改革的需要。\n"
	wantDecisions(t, "npc.txt", text, []string{"通过 中华人民共和国某某卫生法", "通过 全国人大常委会关于修改监狱法的决定", "通过 关于修改律师法的决定", "通过 关于修改甲法、乙法的决定",
		"表决通过 全国人大常委会关于批准《中国、某国关于边界的协定》的决定", "表决通过 关于批准《中国和某国引渡条约》的决定",
		"表决通过 全国人大常委会关于授权国务院在某区暂时调整有关法律规定的决定",
		"表决通过 全国人大常委会关于批准某年中央预算调整方案的决议", "表决通过 全国人大常委会关于授权国务院提前下达部分债务限额的决定",
		"原则通过 全国人大常委会工作报告稿"})
}

// A web page's header table flattened to text sets each label alone on
// its line, its value on the next (a time among them, which is the
// meeting's, not the page's stamp); the names are made up.
func TestHeaderCellsOnTheirOwnLines(t *testing.T) {
	text := "跳到主要內容區塊\n\n    某市政府第12次市政會議\n\n    開會日期\n\n    2020-12-22 09:00:00\n\n    主席\n\n    王大明\n\n" +
		"    紀錄\n\n    李小華\n\n    出席\n\n\n    趙一平(公假)、錢文德、孫家和、周志遠、吳佩文、鄭美玲、馮小婷、陳立人、褚明德、衛思遠、蔣文華、沈家寶、韓立新、楊光明、朱大同、秦志強\n\n" +
		"    列席\n\n    尤文中、許安平\n\n    壹、報告事項\n    宣讀上次會議紀錄。\n"
	m := extractOne(t, "page.txt", text)
	if m.Chair == nil || m.Chair.Name != "王大明" {
		t.Errorf("chair = %+v; want 王大明", m.Chair)
	}
	if m.Meeting.Date != "2020-12-22" {
		t.Errorf("date = %q; want 2020-12-22", m.Meeting.Date)
	}
	if m.Recorder != "李小華" {
		t.Errorf("recorder = %q; want 李小華", m.Recorder)
	}
	roles := map[string]int{}
	for _, a := range m.Attendees {
		roles[a.Role]++
	}
	if roles[RolePresent] != 16 || roles[RoleObserver] != 2 {
		t.Errorf("attendees by role = %v; want 16 出席, 2 列席", roles)
	}
}

// A resolution worded in numbered clauses is a decision each, under the
// result or the verb its clause words; a conclusion read out is filed under
// its heading's full name; a resolution that reports a vote's count decides
// the matter whose result the chair announced; an election's result is
// decided where it is announced; 同意如下 agrees to nothing yet; a count of
// votes decides nothing; a matter that stands or falls (不成立) is named in
// its result's clause. The texts are made up.
func TestResolutionForms(t *testing.T) {
	got := numberedClauses(Decision{Verb: "通過", Object: "一、某某條約草案照案通過。\n二、同意授權行政院簽署某協定。"})
	want := []Decision{{Verb: "照案通過", Object: "某某條約草案"}, {Verb: "同意", Object: "授權行政院簽署某協定"}}
	if !slices.Equal(got, want) {
		t.Errorf("numberedClauses = %+v, want %+v", got, want)
	}
	if got := numberedClauses(Decision{Verb: "通過", Object: "函請行政院研處"}); len(got) != 1 || got[0].Object != "函請行政院研處" {
		t.Errorf("numberedClauses of one clause = %+v", got)
	}
	p := newPage("立法院朝野黨團協商結論\n一、本次會議不處理臨時提案。\n主席：朝野協商結論已宣讀完畢，請問院會，有無異議？（無）無異議，通過。\n")
	e, err := NewExtractor(Config{})
	if err != nil {
		t.Fatal(err)
	}
	m := &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"通過 朝野黨團協商結論"}) {
		t.Errorf("decisions = %q, want the conclusion read out (已宣讀完畢) under its heading's name", got)
	}
	p = newPage("主席：報告院會，「某某條例」覆議案投票表決結果如下：\n贊成維持本院原決議即反對覆議案　九十票\n決議：贊成維持本院原決議者九十人，超過全體委員二分之一之人數，原決議予以維持。\n")
	obj := "贊成維持本院原決議者九十人，超過全體委員二分之一之人數，原決議予以維持"
	if d, ok := votedMatter(p, strings.Index(p.norm, fold.String(obj)), obj); !ok || d.Object != "某某條例" || d.Verb != "原決議予以維持" {
		t.Errorf("votedMatter = %+v, %v; want 原決議予以維持 某某條例", d, ok)
	}
	p = newPage("何議員：各位，我現在正式宣布點票結果：甲議員取得27票，乙議員取得43票。我正式宣布乙議員當選本屆立法會主席。恭喜乙議員。\n")
	m = &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"宣布 乙議員當選本屆立法會主席"}) {
		t.Errorf("decisions = %q, want the election announced", got)
	}
	p = newPage("動議：\n本次院會，建請散會。\n中國國民黨立法院黨團　曾一權　潘二剛\n親民黨立法院黨團　黃三交\n主席：本案作如下決議：贊成國民黨黨團及親民黨黨團所提散會動議者多數，本次會議到此結束，現在散會。\n")
	m = &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"決議 散會動議"}) {
		t.Errorf("decisions = %q, want the motion a vote carried", got)
	}
	var signers []string
	for _, a := range actors(p) {
		signers = append(signers, a.Name)
	}
	if want := []string{"曾一權", "潘二剛", "黃三交"}; !slices.Equal(signers, want) {
		t.Errorf("actors = %q, want the caucuses' signers %q", signers, want)
	}
	p = newPage("立法院朝野黨團協商結論：\n一、某事項。\n主席：現在進行表決，贊成依照朝野黨團協商結論通過者請按「贊成」，反對者請按「反對」。\n" +
		"主席：報告表決結果：在場委員人數五十六人，贊成依照朝野黨團協商結論通過者五十五人，反對者零人。本案不足法定表決人數，所以表決不成立。\n" +
		"主席：贊成八月九日朝野協商結論通過者請按「贊成」，反對者請按「反對」，計時一分鐘。\n" +
		"主席：報告表決結果：在場委員八十五人，贊成者八十四人，反對者零人，棄權者一人，多數，通過。\n")
	m = &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"通過 朝野黨團協商結論"}) {
		t.Errorf("decisions = %q, want the conclusion the second vote carried, once", got)
	}
	if !vagueObject(fold.String("如下：")) {
		t.Error("如下： is no matter")
	}
	for _, o := range []string{"惠復", "廢止", "請查照", "用印"} {
		if !vagueObject(fold.String(o)) {
			t.Errorf("%s (同意%s) names no matter", o, o)
		}
	}
	p = newPage("主席：本案作如下決定：「函請行政院研處。請問院會，有無異議？（無）無異議，通過。」\n")
	m = &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"通過 函請行政院研處"}) {
		t.Errorf("decisions = %q, want the wording without the question put after it", got)
	}
	if !vagueObject(fold.String("罷免案　一一六票")) || !vagueObject(fold.String("罷免案一一八票")) || vagueObject(fold.String("改選投票")) || vagueObject(fold.String("某某條例修正草案第三十票")) {
		t.Error("a count of votes is no matter; a ballot is")
	}
	p = newPage("主席：本案決議：「罷免某某案未獲得全體立法委員三分之二之同意，罷免某某案不成立。」\n報告院會，現在休息。\n")
	m = &Minutes{}
	e.councilDecisions(p, m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"不成立 罷免某某案"}) {
		t.Errorf("decisions = %q, want the matter that fell, named in the result's clause", got)
	}
}

// A legislature's chair words a decision in quotes and the house carries
// it; a budget read section by section settles each section's figures,
// which decides no matter; a resolution that defers part and carries "the
// rest" decides nothing on the whole.
func TestCouncilDecisionForms(t *testing.T) {
	p := newPage("主席：本案作如下決定：「函請行政院研處。」請問院會，有無異議？（無）無異議，通過。\n")
	if d, ok := wordedDecision(p, strings.Index(p.norm, "作如下决定")+len("作如下决定")); !ok || d.Object != "函請行政院研處" || d.Verb != "通過" {
		t.Errorf("wordedDecision = %+v, %v; want 通過 函請行政院研處", d, ok)
	}
	p = newPage("本案決議：「財團法人某某協會98年度預算案照審查報告通過。」請問院會，有無異議？（無）無異議，通過。\n")
	if d, ok := wordedDecision(p, strings.Index(p.norm, "本案决议")+len("本案决议")); !ok || d.Object != "財團法人某某協會98年度預算案" || d.Verb != "照審查報告通過" {
		t.Errorf("wordedDecision = %+v, %v; want 照審查報告通過 財團法人某某協會98年度預算案", d, ok)
	}
	p = newPage("主席：針對以上三項朝野協商結論，作如下決定：「某月某日朝野黨團協商結論，經決定如下：\n1. 本會期程序委員會委員由各黨團推派。\n2. 國是論壇依往例處理。\n3. 議場委員席位同意變更如下：\n第一至第五號，改由某黨使用。\n4. 其餘各項列入紀錄。」\n現在進行施政質詢。\n")
	if d, ok := wordedDecision(p, strings.Index(p.norm, "作如下决定")+len("作如下决定")); !ok || d.Object != "某月某日朝野黨團協商結論" || d.Verb != "決定" {
		t.Errorf("wordedDecision = %+v, %v; want 決定 某月某日朝野黨團協商結論 (a decision on the conclusions listed, however long the list)", d, ok)
	}
	p = newPage("主席：報告表決結果：在場委員一百七十人，贊成者七十五人，反對者九十四人。本案作以下決定：「某某事件調查報告准予備查。」\n")
	if d, ok := wordedDecision(p, strings.Index(p.norm, "作以下决定")+len("作以下决定")); !ok || d.Object != "某某事件調查報告" || d.Verb != "准予備查" {
		t.Errorf("wordedDecision = %+v, %v; want 准予備查 某某事件調查報告 (a wording that says its result, no vote after it)", d, ok)
	}
	for obj, want := range map[string]bool{
		"第1項：臺北翡翠水庫管理局(17-1)": true,
		"臺北市債務基金(3-0401)":     true,
		"新北市政府教育局主管":          true,
		"積極研究成立中產事務委員會":       false,
		"請照辦": false,
		"臺北市藍色公路管理自治條例": false,
	} {
		if got := budgetSection(fold.String(obj)); got != want {
			t.Errorf("budgetSection(%s) = %v, want %v", obj, got, want)
		}
	}
	for res, want := range map[string]bool{
		"动议延后讨论部分如附表,余照案通过":                true,
		"各区公所通案意见,详附表第8至9页,余审议中":           true,
		"照审查意见通过":                          false,
		"第3条暂搁,其余条文照审查意见通过":                false,
		"并某议员等17人所提「某某自治条例修正案」交付法规审查委员会审查": true,
		"重付法规审查委员会审查":                      true,
	} {
		if got := deferredResolution(res); got != want {
			t.Errorf("deferredResolution(%s) = %v, want %v", res, got, want)
		}
	}
}

// A record printed one digit at a time (中華民國 1 0 1 年, 第 1 6 次), its
// kind named after its number (局務會議), its chair's surname set apart
// (吳 局長宗榮). The names are made up.
func TestSpacedDigitsKindAndChair(t *testing.T) {
	text := "某市政府某局第 1 6 次局務會議紀錄\n1 、 開會時間:中華民國 1 0 1 年 5 月 24 日星期四下午 4 時 30 分\n" +
		"2、 開會地點:本局會議室\n3、 會議主持人:吳 局長大同\n4、 參加人員:如附件\n"
	m := extractOne(t, "bureau.txt", text)
	if m.Meeting.Date != "2012-05-24" || m.Meeting.Session != 16 || fold.String(m.Meeting.Kind) != "局务会议" {
		t.Errorf("meeting = %+v; want 2012-05-24, 16, 局務會議", m.Meeting)
	}
	if m.Chair == nil || m.Chair.Name != "吳大同" {
		t.Errorf("chair = %+v; want 吳大同", m.Chair)
	}
}

// A bare issuer the gazetteer cannot place takes the place the text itself
// writes before the body's name.
func TestPlaceFromText(t *testing.T) {
	p := newPage("區議會大會的錄音記錄\n中西區區議會第十二次會議\n通過中西區區議會第十一次會議紀錄\n")
	if got := placeFromText("區議會", p); got != "中西區" {
		t.Errorf("placeFromText(區議會) = %q; want 中西區", got)
	}
	if got := placeFromText("區議會", newPage("區議會會議\n")); got != "" {
		t.Errorf("placeFromText with no place = %q; want none", got)
	}
}

// A council's agenda numbered 壹、貳、參 whose resolutions are numbered
// 一、二、: the items are the agenda's, a resolution carried in one of its
// clauses (一、 or （一）, the result opening a clause or closing it) decides
// the matter its heading quotes (even where the heading runs on into who
// explained it), the clauses running on over lines; a resolution that names
// its matter before its result decides that matter; a budget's section
// decides nothing, nor does the rest of one carried after part of it was
// deferred.
func TestFormalNumberedAgenda(t *testing.T) {
	text := "某市議會第1次定期大會第3次會議紀錄\n" +
		"壹、審議「某市都市更新自治條例」修正案\n    議決：\n      一、修正條文第4條，照審查意見通過。\n      二、其餘部分暫擱，再提送大會審議。\n\n" +
		"貳、審議「某市市庫代理銀行遴選及委託自治條例」修正案財政局王局長大明說明\n議決：\n（一）  名稱及修正條文，照審查意見通過。\n（二）  附帶意見，照審查意見通過。\n\n" +
		"參、審議某年度總預算第二預備金動支數額表\n      第5款：教育局主管\n      第3項：市立動物園\n        議決：照審查意見通過。\n      第6項：某某處\n        議決：\n（一）第4目及通案項目，暫擱。\n（二）餘照審查意見通過。\n\n" +
		"肆、討論內規\n修正「某市議會各委員會設置辦法」部分條文\n議決：\n一、依照修正條文通過，三讀部分授權議事單位進行文字整理。\n二、本會其他內規未修正通過前繼續沿用。\n" +
		"伍、報告今日議程\n    王議員提：二讀會市法規案審議順序第五案調整至第二案。\n    議決：市法規案審議順序調整照案通過，其餘議程予以確定。\n" +
		"陸、三讀會\n    審議某市容積移轉審查許可自治條例\n    議決：\n一、第二條「（以下簡稱都發局）」文字刪除。\n    二、第三條第一項第二款第二目修正為：綠地用地；第三目修\n        正為：廣場用地。\n    三、餘照二讀審議意見通過。\n\n"
	m := extractOne(t, "council.txt", text)
	var got []string
	for _, it := range m.Items {
		for _, d := range it.Decisions {
			got = append(got, fmt.Sprintf("%d %s %s", it.No, d.Verb, d.Object))
		}
	}
	want := []string{"1 照審查意見通過 某市都市更新自治條例", "2 照審查意見通過 某市市庫代理銀行遴選及委託自治條例", "4 依照修正條文通過 某市議會各委員會設置辦法",
		"5 照案通過 市法規案審議順序調整", "6 照二讀審議意見通過 某市容積移轉審查許可自治條例"}
	if len(m.Items) != 6 || !slices.Equal(got, want) {
		t.Errorf("%d items, decisions %q\nwant 6 items, %q", len(m.Items), got, want)
	}
}

// A motion whose 案由 gives its reasons first is about what it asks for (…
// 特提案連署要求某市政府在…前，不可草率讓某公司取得「某證明」，且應…; 有鑑於
// …「零出資」…，故建請…), not the title its request or its reasons name; one
// that names its matter first is about that.
// The texts are made up.
func TestMotionRequest(t *testing.T) {
	for text, want := range map[string]string{
		"一、提案人：沈議員一惠等31人\n案 由：某委員會於102年9月24日通過某測試計畫，恐使本市淪為核廢料的永久棄置地。為捍衛本市環境，特提案連署要求某市政府在未確認最終處置場所前，不可草率讓某公司取得「某完工證明」，且應以室內貯存取代露天棄置。\n決 議：照案通過。\n": "要求某市政府在未確認最終處置場所前，不可草率讓某公司取得「某完工證明」",
		"二、提案人：王議員二明等5人\n案 由：建請市府設立「某市核能安全委員會」，以守護市民安全。\n決 議：照案通過。\n":                                                                             "某市核能安全委員會",
		"五、提案人：何議員五福等25位\n案 由：為本次某月水災情況嚴重，尤以某區之災情為甚，建請市政府儘速於受害區域之各區公所設立單一服務窗口，並研議補助方式。\n決 議：送市府辦理。\n":                                             "建請市政府儘速於受害區域之各區公所設立單一服務窗口",
		"六、提案人：陳議員六合等5人\n案 由：為訂定「某市某某自治條例」，建請審議。\n決 議：照案通過。\n":                                                                                    "某市某某自治條例",
		"四、提案人：張議員四維等3人\n案 由：某區某里位於水源特定區範圍，應併入某回饋金補助項目，不應排除補助。\n決 議：照案通過。\n":                                                                      "某區某里位於水源特定區範圍，應併入某回饋金補助項目，不應排除補助",
		"三、提案人：李議員三華等8人\n案 由：有鑑於本市推動之社會住宅，雖然市府提出「零出資」之說明，但引發各界批評，故建請市長針對本市社會住宅推動之情況作專案報告，以保障居住正義。\n決 議：送程序委員會辦理。\n":                               "建請市長針對本市社會住宅推動之情況作專案報告",
	} {
		p := newPage(text)
		k := slices.IndexFunc(p.lines, func(l [2]int) bool { return strings.Contains(p.norm[l[0]:l[1]], "决 议") })
		if got := motionMatter(p, k, 0); got != want {
			t.Errorf("motionMatter = %q, want %q", got, want)
		}
	}
}

// A bill put to a sitting again says what an earlier sitting decided on it
// (本案經提本院第十五次會議決定：退回程序委員會重新提出。): no decision of this
// one. The text is made up.
func TestEarlierSittingDecided(t *testing.T) {
	text := "立法院第5屆第6會期第17次會議紀錄\n時　　間　中華民國九十三年十二月七日\n主　　席　王院長大平\n報告事項\n" +
		"一、行政院函請審議「某某條例草案」案。\n    本案經提本院第五屆第六會期第十五次會議決定：退回程序委員會重新提出。爰於本次會議提出。\n" +
		"    程序委員會意見：擬請院會將本案交內政委員會審查。\n"
	m := extractOne(t, "gazette.md", text)
	for _, d := range decisionsOf(m) {
		if strings.Contains(d, "退回") {
			t.Errorf("decisions = %q: an earlier sitting's decision is history", decisionsOf(m))
		}
	}
}

// A body named in the name of a document about it (臺北市政府消防局組織規程
// 暨編制表) does not act; the same body given work does. The text is made
// up.
func TestBodyInDocumentName(t *testing.T) {
	e := newTestExtractor(t)
	p := newPage("壹、臺北市政府組織自治條例暨編制表及臺北市政府消防局組織規程暨編制表\n")
	if got := e.departments(p, 0, len(p.norm), naming{}); slices.Contains(got, "消防局") {
		t.Errorf("departments = %q: a body in a document's name does not act", got)
	}
	p = newPage("由市消防局負責落實。\n")
	if got := e.departments(p, 0, len(p.norm), naming{}); len(got) == 0 {
		t.Errorf("departments = %q, want the body given work", got)
	}
}

// A motion and its resolution on one line (…是否照所擬議事日程表進行，請公決
// 案。 決議：照案通過（如附件）。) decide the matter before the question put
// to the house. The text is made up.
func TestInlineResolution(t *testing.T) {
	text := "某市議會第1屆第7次臨時會第1次會議紀錄\n" +
		"丁、討論事項 本會第1屆第 7次臨時會議事日程是否照所擬議事日程 表（草案）進行，請公決案。 決議：照案通過（如附件）。 \n"
	m := extractOne(t, "council.txt", text)
	if got := decisionsOf(m); !slices.Equal(got, []string{"照案通過 本會第1屆第7次臨時會議事日程"}) {
		t.Errorf("decisions = %q, want 照案通過 本會第1屆第7次臨時會議事日程", got)
	}
	// A table whose rows run on: a row's 案由 and its resolution on one
	// line, the next row's 案由 after the resolution of the one before.
	text = "某市議會第1屆第3次定期大會第5次會議紀錄\n丙、討論事項 審議市政府法規提案\n" +
		"編號：1 類別：民政案由：請審議制定「某市殯葬管理自治條例」草案。 決議：修正通過。\n" +
		"編號：2 類別：民政\n案由：請審議制定「某市動產質借所組織自治條例」草案。\n" +
		"決議：照案通過。 編號：3 類別：民政案由：請審議制定「某市輪船股份有限公司設置自治條例」\n草案。\n發言議員：\n李議員一如\n徐議員二延\n" +
		"說明人員： 交通局王局長三材\n決議：照案通過。\n"
	m = extractOne(t, "council.txt", text)
	want := []string{"修正通過 某市殯葬管理自治條例", "照案通過 某市動產質借所組織自治條例", "照案通過 某市輪船股份有限公司設置自治條例"}
	if got := decisionsOf(m); !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
}

// A council's head whose labels extraction ran into one line (…地點：本會議
// 事廳出席：議長某某…請假：…列席：…主席：許議長某某記錄：…甲、報告事項) is read
// label by label: its chair, roster and recorder. People named 姓+title+名
// after a school or a section (市立某高級中學黃校長某某, 某科范科長某某, 人事室蔡
// 專員某某) and members whose names join parts by a dot (俄鄧．殷艾議員) are
// read whole. The names are made up.
func TestRunOnHead(t *testing.T) {
	text := "某市議會第1屆第9次臨時會第1次會議紀錄\n" +
		"日期：中華民國102年3月11日上午10時31分地點：本會議事廳出席：議長許大源副議長蔡二達\n" +
		"議員張三忠等 57人（如簽到簿）請假：議員陳四聞、許五森列席：市政府－教育局局長鄭六輝等（如簽到簿）\n" +
		"議事組主任黃七平主席：許議長大源記錄：林八菁、吳九英甲、報告事項\n" +
		"一、徐秘書長十盛報告出席議員34人，已足法定人數。\n乙、專案報告\n發言議員：\n俄鄧．殷艾議員\n蕭議員一達\n" +
		"說明人員：\n市立某某高級中學黃校長二霞\n教育局人事室蔡專員三婷\n教育局特殊教育科范科長四媚\n"
	m := extractOne(t, "council.txt", text)
	if m.Chair == nil || m.Chair.Name != "許大源" {
		t.Errorf("chair = %+v, want 許大源", m.Chair)
	}
	if m.Recorder != "林八菁、吳九英" {
		t.Errorf("recorder = %q, want 林八菁、吳九英", m.Recorder)
	}
	got := attendeesOf(m, func(a Attendee) string { return a.Role + " " + a.Name })
	for _, w := range []string{"请假 陳四聞", "请假 許五森", "列席 鄭六輝", "列席 黃七平", "发言 俄鄧．殷艾", "发言 黃二霞", "发言 蔡三婷", "发言 范四媚"} {
		if !slices.Contains(got, w) {
			t.Errorf("attendees = %q, want %s among them", got, w)
		}
	}
	// Labels spelt with a space, one after a gap on the line before, 列
	// written with a compatibility ideograph (U+F99C); a list of members
	// run into one line.
	text = "某市議會第1屆第7次定期大會第32次會議紀錄\n日 期：中華民國103年5月16日上午9時1分\n出 席：議長許大源 副議長蔡二達\n" +
		"議員陳三聞等 61人（如簽到簿） \uF99C 席：市政府－市長陳四菊等（如簽到簿） 本 會－秘書長徐五盛、議事組主任黃六平\n" +
		"主 席：許議長大源\n記 錄：鄧七貞、黃八慧\n甲、報告事項\n乙、質詢事項 質詢議員： 蔡副議長二達李議員九如\n黃議員十龍\n"
	m = extractOne(t, "council.txt", text)
	got = attendeesOf(m, func(a Attendee) string { return a.Role + " " + a.Name })
	for _, w := range []string{"列席 徐五盛", "列席 黃六平", "发言 李九如", "发言 黃十龍"} {
		if !slices.Contains(got, w) {
			t.Errorf("attendees = %q, want %s among them", got, w)
		}
	}
	if m.Recorder != "鄧七貞、黃八慧" {
		t.Errorf("recorder = %q, want 鄧七貞、黃八慧", m.Recorder)
	}
}

// A verbatim record heads each speech with its speaker: those are who
// spoke, a four-character name included (高委員金美玲 → 高金美玲); the
// members its reports name (書面答復, 連署人) did not act in it; those on
// leave and those sitting in for them are read from their sentence; the
// delegates to a negotiation (協商主持人, 協商代表) from their labels, the
// first of which names no chair of the sitting, and the hosts who sign
// above the delegates (主持人), names run together where a space was lost
// (張四平林五成, 劉七和周　毅); the members appointed to watch a ballot
// from the sentence that appoints them. The names are made up.
func TestHeadedSpeakers(t *testing.T) {
	text := "立法院第8屆第1會期第1次會議紀錄\n報告事項\n" +
		"1. 行政院函送吳委員大同就某問題所提質詢之書面答復，請查照案。\n" +
		"2. 外交部田部長一平本日因公請假，由李次長二平代表列席。\n" +
		"    連署人：林正一　　陳立二\n" +
		"協商主持人：王大同\n協商代表：柯一明　　邱二華\n" +
		"主 持 人：王大同　江三同\n\n協商代表：柯一明　張四平林五成　劉七和周　毅\n" +
		"* 高委員金美玲：主席、各位同仁。\n" +
		"* 陳院長立：謝謝委員。\n" +
		"* 李部長文華：報告委員。\n" +
		"* 高委員金美玲：再請教。\n" +
		"* 主席：在投票之前作如下宣告：「一、投、開票監察員，由各黨團推派曹委員一明、孫委員二華擔任。二、投票截止時間為下午四時。」\n" +
		"* 主席：報告院會，某黨團改推派廖委員三成為投開票監察員。\n"
	got := attendeesOf(extractOne(t, "ly.md", text), func(a Attendee) string { return a.Role + " " + a.Name })
	want := []string{"发言 高金美玲", "发言 陳立", "发言 李文華", "协商 王大同", "协商 柯一明", "协商 邱二華", "协商 江三同", "协商 張四平", "协商 林五成", "协商 劉七和", "协商 周毅", "请假 田一平", "列席 李二平", "监票 曹一明", "监票 孫二華", "监票 廖三成"}
	if !slices.Equal(got, want) {
		t.Errorf("attendees = %q\nwant %q", got, want)
	}
}

// A legislature's verbatim record files who presided, its first twenty
// speakers besides him in order of first speech (an officer who speaks by
// office alone is the officer listed with that office) and the officials
// attending, those who spoke past the twenty included; not
// the roll of members or the clerks. Every speaker stays in Speakers. The
// names are made up.
func TestLegislatureFiling(t *testing.T) {
	var members []string
	for _, s := range "陳林黃張李王吳劉蔡楊許鄭" {
		for _, g := range []string{"一明", "二華"} {
			members = append(members, string(s)+g)
		}
	}
	var b strings.Builder
	b.WriteString("立法會會議過程正式紀錄\n2013年5月9日\n出席議員：\n主席曾大成議員\n")
	for _, n := range members {
		b.WriteString(n + "議員\n")
	}
	b.WriteString("出席政府官員：\n民政事務局局長何小德先生\n民政事務局副局長許小暉女士\n列席秘書：\n助理秘書長戴小萍女士\n")
	var want, speakers []string
	b.WriteString("主席：現在開會。\n")
	speakers = append(speakers, "曾大成")
	for i, n := range members[:22] {
		if i == 21 {
			b.WriteString("民政事務局局長：主席，我回應議員的問題。\n")
			speakers = append(speakers, "何小德")
		}
		b.WriteString(n + "議員：主席，我想發言。\n")
		speakers = append(speakers, n)
	}
	// The chair, the first twenty speakers besides him, then the officials
	// attending, whether they spoke later or not.
	for _, n := range speakers[:21] {
		want = append(want, "发言 "+n)
	}
	want = append(want, "出席 何小德", "出席 許小暉")
	m := extractOne(t, "hansard.txt", b.String())
	if m.Genre != GenreHansard {
		t.Fatalf("genre = %q, want %q", m.Genre, GenreHansard)
	}
	got := attendeesOf(m, func(a Attendee) string { return a.Role + " " + a.Name })
	if !slices.Equal(got, want) {
		t.Errorf("attendees = %q\nwant %q", got, want)
	}
	if !slices.Equal(m.Speakers, speakers) {
		t.Errorf("speakers = %q\nwant %q", m.Speakers, speakers)
	}
	if _, roles, ok := m.Person(members[21]); !ok || !slices.Equal(roles, []string{RoleSpeaker}) {
		t.Errorf("Person(%s) = %q, %v; want a speaker", members[21], roles, ok)
	}
}

// The body a title says its holder heads: a branch's head (分局長) heads the
// branch, not a 分局分局.
func TestHeadedBody(t *testing.T) {
	for title, want := range map[string]string{
		"六龜分局分局長": "六龜分局", "刑事警察大隊大隊長": "刑事警察大隊", "工務局長": "工務局", "證監會主席": "證監會", "立法會主席": "",
		"(一)行政院公共工程委員會主任委員": "行政院公共工程委員會", "並邀請行政院公共工程委員會主任委員": "行政院公共工程委員會",
		"中共某某部常务副部长": "中共某某部", "某某局第一副局长": "某某局",
	} {
		if got := headedBody(title); got != want {
			t.Errorf("headedBody(%s) = %q, want %q", title, got, want)
		}
	}
}

// When the whole government attends, the bureaus whose officials answered
// act, also one whose deputy answered by office alone (財經事務及庫務局副局
// 長：). The names are made up.
func TestDeputyAnsweringByOffice(t *testing.T) {
	var b strings.Builder
	b.WriteString("立法會會議過程正式紀錄\n2017年2月9日\n出席議員：\n主席梁大成議員\n陳一明議員\n李二華議員\n王三強議員\n出席政府官員：\n")
	bureaus := []string{"勞工及福利局", "財經事務及庫務局", "教育局", "保安局", "民政事務局", "環境局", "發展局", "食物及衛生局", "運輸及房屋局", "政制及內地事務局"}
	for i, bu := range bureaus {
		b.WriteString(bu + "副局長" + string([]rune("陳林黃張李王吳劉蔡楊")[i]) + "小明先生\n")
	}
	b.WriteString("主席：會議開始。\n陳一明議員：主席，我想發言。\n李二華議員：主席，我想發言。\n王三強議員：主席，我想發言。\n")
	b.WriteString("財經事務及庫務局副局長：主席，多謝各位議員。\n")
	m := extractOne(t, "hansard.txt", b.String())
	if !slices.Contains(m.Departments, "財經事務及庫務局") || slices.Contains(m.Departments, "教育局") {
		t.Errorf("departments = %q, want 財經事務及庫務局, whose deputy answered, and not the bureaus that did not", m.Departments)
	}
}

// A legislature's record of no debate (the President's rulings, the reading
// of reports) is still verbatim: the roll is the house, not its actors. The
// members it shows acting without a speech are filed without a role: named
// in stage directions, signing a motion (the signer under a party group and
// the name on the next line), signing a statement. The names are made up.
func TestLegislatureWithoutDebate(t *testing.T) {
	text := "立法會會議過程正式紀錄\n2016年10月26日\n出席議員：\n主席曾大成議員\n" +
		"陳一明議員\n林二華議員\n黃三強議員\n張四海議員\n" +
		"主席：請秘書處人員執行我的命令。\n(陳一明議員離席走向主席台)\n" +
		"主席：林二華議員，請返回座位。\n(數位議員走近主席台)\n" +
		"提案人：某某立法院黨團　王五德\n李六文\n" +
		"立法委員吳七元\n"
	m := extractOne(t, "hansard.txt", text)
	if m.Genre != GenreHansard {
		t.Fatalf("genre = %q, want %q", m.Genre, GenreHansard)
	}
	got := attendeesOf(m, func(a Attendee) string { return a.Role + " " + a.Name })
	want := []string{"发言 曾大成", " 陳一明", " 王五德", " 李六文", " 吳七元"}
	if !slices.Equal(got, want) {
		t.Errorf("attendees = %q\nwant %q", got, want)
	}
	if m.Chair == nil || m.Chair.Name != "曾大成" {
		t.Errorf("chair = %+v, want 曾大成", m.Chair)
	}
}

// threeSpeeches are the speeches that make a legislature's record a verbatim
// one (minHeadedSpeakers), for the tests. The names are made up.
const threeSpeeches = "* 高委員金美玲：主席、各位同仁。\n* 陳院長立：謝謝委員。\n* 李部長文華：報告委員。\n"

// A legislature's routine referrals count toward its main committee however
// the agenda committee writes them: 交財政委員會審查, 交交通委員會 (no 審查; a
// committee whose name opens with 交), 交法制、國防兩委員會 (each before the
// 委員會 they share). A minister on
// leave whose deputy sits in is attendance, not his ministry acting. The
// bills are made up.
func TestLegislatureReferralForms(t *testing.T) {
	var b strings.Builder
	b.WriteString("立法院第9屆第1會期第2次會議紀錄\n報告事項\n")
	for i, to := range []string{"財政委員會審查", "交通委員會", "法制、國防兩委員會", "交通委員會", "交通委員會審查", "法制委員會審查"} {
		fmt.Fprintf(&b, "%d. 本院委員甲等提案，擬具「某%d條例草案」，請審議案。\n程序委員會意見：擬請院會將本案交%s。\n", i+1, i, to)
	}
	b.WriteString("* 財政部何部長大欽因病請假，由李次長小倉代表列席。\n" +
		threeSpeeches)
	m := extractOne(t, "ly.md", b.String())
	if want := []string{"程序委員會", "交通委員會"}; !slices.Equal(m.Departments, want) {
		t.Errorf("departments = %q, want %q", m.Departments, want)
	}
}

// A committee that gives its opinion on a sitting's business acts in it,
// whatever the opinion and however few the referrals. The bills are made
// up.
func TestAgendaCommitteeOpinion(t *testing.T) {
	text := "立法院第5屆第6會期第1次會議紀錄\n報告事項\n1. 本院某黨團提議某案，請公決案。\n" +
		"程序委員會意見：擬請院會決定照案通過。\n" + threeSpeeches
	m := extractOne(t, "ly.md", text)
	if !slices.Contains(m.Departments, "程序委員會") {
		t.Errorf("departments = %q, want 程序委員會", m.Departments)
	}
}

// The Executive Yuan acts in a sitting of the Legislative Yuan where it
// sends the house business or its head is before it; named in an agenda
// still to come, or in a council's record, it does not. The bills and
// names are made up.
func TestExecutiveYuanActs(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"ly.md", "立法院第5屆第6會期第1次會議紀錄\n報告事項\n1. 行政院函請審議「某某條例草案」案。\n程序委員會意見：擬請院會將本案交財政委員會審查。\n" + threeSpeeches, true},
		{"ly.md", "立法院第5屆第6會期第1次會議紀錄\n報告事項\n1. 本院委員甲等提案，請審議案。\n* 行政院游院長大明：主席、各位委員。\n" + threeSpeeches, true},
		{"ly.md", "立法院第5屆第6會期第1次會議紀錄\n報告事項\n1. 九月二十三日邀請行政院院長率同各部會首長列席施政報告並答復質詢。\n" + threeSpeeches, false},
		{"council.txt", "某市議會第1屆第9次臨時會第6次會議摘要紀錄\n時間：中華民國101年12月21日15時18分\n主席：陳議長大進\n四、經發局葉局長陪同市長出席行政院江院長參訪行程今日請假。\n", false},
	} {
		m := extractOne(t, tc.name, tc.text)
		if got := slices.Contains(m.Departments, "行政院"); got != tc.want {
			t.Errorf("%.40q: departments %q, 行政院 among them %v, want %v", tc.text, m.Departments, got, tc.want)
		}
	}
}

// A motion's reasons (說明：一、…) argue as its movers do, up to its signers:
// the bodies they name are talk. A body inside a quoted title
// (修正「交通部觀光局審查…收費標準」) is part of the document's name. The
// names are made up.
func TestLegislatureMotionReasons(t *testing.T) {
	text := "立法院第9屆第1會期第2次會議紀錄\n報告事項\n" +
		"1. 交通部函，為修正「交通部觀光局審查某某收費標準」第三條條文，請查照案。\n" +
		threeSpeeches +
		"第一案：\n本院委員高金美玲等11人，針對某島推動全民體育，請行政院研處。是否有當？敬請公決。\n說明：\n" +
		"一、某島風景優美，是最適合推動全民體育的地方，要求行政院應結合國防部在該島的資源，全面檢討運動設施。\n" +
		"二、近年來有機食品風潮盛行，農委會應加強檢驗。\n提案人：高金美玲\n" +
		"主席：本案作如下決定：「函請行政院研處。」請問院會，有無異議？（無）無異議，通過。\n"
	m := extractOne(t, "ly.md", text)
	for _, d := range m.Departments {
		switch d {
		case "國防部", "農委會", "交通部觀光局":
			t.Errorf("departments = %q: %s is talk or a title", m.Departments, d)
		}
	}
}

// A gazette words a resolution after the vote (無異議，通過。／本案作如下
// 決議：「…『某條例草案』…」): the bill it names was carried. A report read in
// the sitting recounts what other meetings did on earlier days (於95年10月18日
// 舉行…會議，…討論通過…; 經行政院第3003次會議通過), and a member's speech
// tells of what was passed elsewhere: not this sitting's decisions. A
// chair's proposal carried as proposed (…提議將「某法修正案」…，請問院會，有無
// 異議？（無）無異議，本案照案通過) decides on the bill it names first; the
// house's consent worded after it (無異議，本案作如下決議：「…」) is the
// resolution. The names and bills are made up.
func TestLegislatureResolutionsAndHistory(t *testing.T) {
	text := "立法院第6屆第5會期第1次臨時會第1次會議紀錄\n時間：中華民國96年7月10日（星期二）上午10時\n主席：王院長大平\n" +
		"主席：請問院會，對本案有無異議？（無）無異議，通過。\n" +
		"本案作如下決議：「某黨團擬具『某島建設條例增訂第十條之一條文草案』自經濟委員會抽出，逕付二讀。」\n" +
		"討論事項\n一、本院某委員會報告審查某年度預算案案。\n" +
		"* 朱委員大羽：依照第三屆國民大會第五次會議通過修正之憲法增修條文指出，提案權在本院。\n* 王委員小明：贊成。\n* 李委員大華：贊成。\n" +
		"行政院函以某年度預算案業已編製竣事，並於95年8月23日經行政院第3003次會議通過，附同施政計畫送請本院審議。" +
		"某委員會隨即於95年10月18日舉行第1次聯席會議，討論通過分組審查辦法及審查日程。\n" +
		"主席：某黨團提議將「某某稅法第八條修正案」由財政委員會抽出逕付二讀並與相關提案併案討論，請問院會，有無異議？（無）無異議，本案照案通過。\n" +
		"主席：某黨團提議將某某條例草案等三案抽出，請問院會，有無異議？（無）無異議，本案作如下決議：「某某條例草案等三件相關提案，自某委員會中抽出，逕付二讀。」\n"
	m := extractOne(t, "ly.md", text)
	got := decisionsOf(m)
	want := []string{"通過 某島建設條例增訂第十條之一條文草案", "照案通過 某某稅法第八條修正案", "決議 某某條例草案等三件相關提案，自某委員會中抽出，逕付二讀"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// The officials present at a sitting answer for its business, and their
// bureaus are listed; when the whole government attends (more than
// maxAnsweringOfficers: the Chief Executive's question time), only the
// bureaus of those who spoke. The names are made up.
func TestLegislatureAnsweringBureaus(t *testing.T) {
	bureaus := []string{"保安局", "教育局", "環境局", "發展局", "民政事務局", "勞工及福利局", "食物及衞生局", "運輸及房屋局", "商務及經濟發展局", "創新及科技局"}
	record := func(n int) *Minutes {
		var b strings.Builder
		b.WriteString("立法會會議過程正式紀錄\n2017年1月19日\n出席議員：\n主席曾大成議員\n陳一明議員\n林二華議員\n黃三強議員\n出席政府官員：\n")
		for i, bu := range bureaus[:n] {
			fmt.Fprintf(&b, "%s局長%s先生\n", bu, string([]rune("趙錢李周吳鄭王馮陳楊")[i])+"大文")
		}
		b.WriteString("陳一明議員：主席，我想發言。\n林二華議員：主席，我想發言。\n教育局局長：主席，我回應議員。\n黃三強議員：主席，我想發言。\n")
		return extractOne(t, "hansard.txt", b.String())
	}
	if got := slices.Sorted(slices.Values(record(3).Departments)); !slices.Equal(got, slices.Sorted(slices.Values(bureaus[:3]))) {
		t.Errorf("3 officials present: departments = %q, want all three bureaus", got)
	}
	if got := record(10).Departments; !slices.Equal(got, []string{"教育局"}) {
		t.Errorf("10 officials present: departments = %q, want the one that answered", got)
	}
}

// A short closing line that says 今日 (今日會議至此結束，現在散會。) is no
// publication date, and a day without a year under a 时间 label no meeting
// date: a record that gives none has none, not one read against today.
func TestClosingLineIsNoPublicationDate(t *testing.T) {
	m := extractOne(t, "ly.md", "立法院第4屆第6會期第7次會議紀錄\n時間　中華民國九十年十一月十六日（星期五）上午九時十分\n"+
		"主席：現在開會。\n今日會議至此結束，現在散會。\n散會（十時二十八分）\n")
	if m.Published != "" {
		t.Errorf("published = %q, want none", m.Published)
	}
	// Nor is a 時間 label without a year read against today.
	m = extractOne(t, "minutes.txt", "某某局办公会议纪要\n时间：11月2日上午\n地点：某某会议室\n主持：王大明局长\n会议研究了某某工作。\n")
	if m.Meeting.Date != "" {
		t.Errorf("meeting date = %q, want none", m.Meeting.Date)
	}
}

// A council's resolutions: a referral (決議：交付財經委員會審查) decides
// nothing yet; the matter of a question put to the house (議事日程是否照所擬
// 議事日程表（草案）進行，請公決案) is what precedes the question; a row whose
// labels run on in one line (編號：1類別：保安 提案人：楊見福 案由：…) is
// about its 案由. The names are made up.
func TestCouncilResolutionMatters(t *testing.T) {
	text := "某市議會第1屆第3次臨時會第1次會議紀錄\n乙、宣讀議案交付審查\n" +
		"編號：3類別：財經 案由：請審議本市100年度總預算編列公債案。決議：交付財經委員會審查。\n丙、討論事項\n" +
		"一、本會第1屆第3次臨時會議事日程是否照所擬議事日程表（草案）進行，請公決案。\n決議：照案通過（如附件）。\n" +
		"二、審議議員臨時提案 編號：1類別：保安 提案人：楊大福 案由：擴編本市各區清潔隊員及駕駛員額，並以臨時僱工優先進用。\n決議：送請市政府研究辦理。\n"
	m := extractOne(t, "council.txt", text)
	got := decisionsOf(m)
	want := []string{"照案通過 本會第1屆第3次臨時會議事日程", "送請市政府研究辦理 擴編本市各區清潔隊員及駕駛員額，並以臨時僱工優先進用"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
}

// A resolution that is a statement of the house (議決：有關…作業，本會發表
// 聲明如下：…), not a result on the matter above it, decides what it opens
// with. The names are made up.
func TestStatementResolution(t *testing.T) {
	text := "某市議會第11屆第7次定期大會第5次會議紀錄\n丙、討論事項\n討論某某教育政策相關議題\n" +
		"議決：有關某某區高中高職免試入學作業，本會發表聲明如下：一、教育部要求修正作業要點，於法無據。二、本會要求市政府暫緩公告。\n"
	got := decisionsOf(extractOne(t, "council.txt", text))
	if want := []string{"議決 有關某某區高中高職免試入學作業，本會發表聲明"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// An agenda item headed by the verb (參、決定各委員會名單（如附委員會分屬表）)
// is the decision itself, on its matter without the note that points to
// the attachment. The names are made up.
func TestItemHeadedByDecision(t *testing.T) {
	text := "某市議會第11屆第3次定期大會預備會議紀錄\n甲、報告事項\n壹、秘書長報告出席議員人數\n" +
		"貳、報告今日議程\n參、決定各委員會名單（如附委員會分屬表）\n肆、散會\n"
	m := extractOne(t, "council.txt", text)
	got := decisionsOf(m)
	if want := []string{"決定 各委員會名單"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// The ministers on leave from a legislature's sitting, and the reasons the
// secretary gives for their leave, are its attendance: their ministries do
// not act in it, in the record or in its items. The names are made up.
func TestLegislatureMinistersOnLeave(t *testing.T) {
	text := "立法院第4屆第4會期第1次會議紀錄\n壹、報告事項\n" +
		threeSpeeches +
		"林秘書長大山：報告院會，本日各部會首長請假情形：\n1. 外交部田部長大茂本日因公請假由李次長大維代表列席。\n" +
		"林秘書長大山：向院會補充報告如下：\n1. 外交部田部長大茂赴歐洲參加會議。\n" +
		"貳、施政績效檢討\n一、外交部田部長本日因公請假，由李次長大維代表列席。\n"
	m := extractOne(t, "ly.md", text)
	if slices.Contains(m.Departments, "外交部") {
		t.Errorf("departments = %q: a ministry on leave does not act", m.Departments)
	}
}

// A legislature's gazette names the bodies acting in its sitting: the agenda
// committee whose routine referrals the house follows and the committee
// that receives most of the bills; the body that answers a written
// question. The bodies a written question is about, and the ministers its
// members question, are talk. The names and bills are made up.
func TestLegislatureBodies(t *testing.T) {
	text := "立法院第9屆第1會期第2次會議紀錄\n報告事項\n" +
		"1. 本院委員甲等提案，擬具「某甲條例草案」，請審議案。\n程序委員會意見：擬請院會將本案交財政委員會審查。\n" +
		"2. 本院委員乙等提案，擬具「某乙條例草案」，請審議案。\n程序委員會意見：擬請院會將本案交內政委員會審查。\n" +
		"3. 本院委員丙等提案，擬具「某丙條例草案」，請審議案。\n程序委員會意見：擬請院會將本案交內政委員會審查。\n" +
		"4. 行政院函送林委員大同就交通部所轄監理單位問題所提質詢之書面答復，請查照案。\n" +
		"5. 本院王委員小明，針對外交部駐外單位之服務問題，提出質詢。\n" +
		"* 高委員金美玲：主席、各位同仁。現在我要請教國防部高部長。\n" +
		"* 陳院長立：謝謝委員。\n" +
		"* 李部長文華：報告委員。\n"
	m := extractOne(t, "ly.md", text)
	got := slices.Sorted(slices.Values(m.Departments))
	want := slices.Sorted(slices.Values([]string{"程序委員會", "內政委員會", "行政院"}))
	if !slices.Equal(got, want) {
		t.Errorf("departments = %q\nwant %q", got, want)
	}
}

// A legislature carries what its chair names (對以上朝野黨團協商結論有無異議？
// （無）無異議，通過), unless the conclusion only settles how a bill is
// handled (逕依協商結論處理); a decision worded without quotes by its first
// clause; a nomination confirmed by vote as who is appointed to what (同意
// 票數，同意為…任期四年並為…), not the count of votes (同意票一五六張) nor the
// power to consent (同意權); a conclusion the chair points back to (以上二項
// 朝野協商結論) is the one read. The names are made up.
func TestHouseConfirmsAndCarries(t *testing.T) {
	text := "立法院第7屆第4會期第7次會議紀錄\n" +
		"主席：請問院會，對以上朝野黨團協商結論有無異議？（無）無異議，通過。\n" +
		"主席：本案作如下決議：今天下午議程變更為某委員會委員同意權之行使，投票時間訂於15時。請問院會，有無異議？（無）無異議，通過。\n" +
		"主席：請問院會，對以上協商結論有無異議？（無）無異議，通過。本案進行討論時，逕依協商結論處理。\n" +
		"甲大明同意票65張，不同意票2張，無效票0張。\n" +
		"決議：甲大明先生，獲得出席委員過半數之同意票，同意為某委員會委員，並為主任委員，任期四年。\n" +
		"1. 乙小華、丙一平等二位均獲得出席委員過半數之同意票，同意為某委員會委員任期二年\n" +
		"一、同意權之行使事項\n丁一仁先生同意票一五六張，不同意票四七張，無效票十六張。\n" +
		"決議：\n丁一仁先生獲得全體立法委員二分之一以上之同意票數，同意為大法官任期四年並為院長。\n" +
		"二、朝野協商結論\n主席：請問院會，對以上二項朝野協商結論有無異議？（無）無異議，通過。\n"
	wantDecisions(t, "ly.md", text, []string{
		"通過 朝野黨團協商結論",
		"通過 今天下午議程變更為某委員會委員同意權之行使",
		"同意 甲大明為某委員會委員並為主任委員",
		"同意 乙小華、丙一平為某委員會委員",
		"同意 丁一仁為大法官並為院長",
	})
}

// A speech goes on past a short line that breaks it ((代理主席…代為主持會議)):
// the bodies its later paragraphs talk about (發展局局長說過) are not given
// work; the bureaus of the officials present to answer are. The
// names are made up.
func TestSpeechGoesOnPastABreak(t *testing.T) {
	prose := "，這是一段很長的發言內容，用來說明議員對政府架構的看法和建議，並且提出了很多例子。\n"
	text := "立法會會議過程正式紀錄\n2017年2月15日\n出席政府官員：\n教育局局長吳小儉先生\n" +
		"甲大明議員：主席" + prose + "乙小華議員：主席" + prose + "（代理主席丙一平議員代為主持會議）\n" +
		"我記得發展局局長說過，建屋的工作卻分別由兩個局負責" + prose + "丁二文議員：主席" + prose
	m := extractOne(t, "hansard.txt", text)
	if !slices.Equal(m.Departments, []string{"教育局"}) {
		t.Errorf("departments = %q, want [教育局]", m.Departments)
	}
}

// A request's form (惠請 同意備查, 惠請 同意，詳如說明) names no matter
// decided: only the matter itself is a decision's object. The text is made
// up.
func TestRequestFormIsNoObject(t *testing.T) {
	text := "某市議會第1屆第2次定期大會第3次會議紀錄\n一、報告事項\n" +
		"11090檢送本府某局所屬某管理所財務簽證查核報告書，惠請 同意備查。\n" +
		"11039有關本府捐助成立某中心，惠請 同意，詳如說明，請 查照。\n"
	for _, d := range decisionsOf(extractOne(t, "council.txt", text)) {
		if strings.HasSuffix(d, " 備查") || strings.HasSuffix(d, " 詳如說明") {
			t.Errorf("decision %q names no matter", d)
		}
	}
}

// A bill that enacts, amends or repeals a regulation is filed under the
// regulation, without a note in brackets after it; other names ending in 案
// are left as they are.
func TestBillMatter(t *testing.T) {
	for in, want := range map[string]string{
		"臺北市藍色公路管理自治條例制定案":         "臺北市藍色公路管理自治條例",
		"臺北市高氯離子混凝土建築物善後處理自治條例修正案": "臺北市高氯離子混凝土建築物善後處理自治條例",
		"某某辦法部分條文修正案":              "某某辦法",
		"臺北市政府人事處組織規程及編制表修正案":      "臺北市政府人事處組織規程及編制表",
		"財團法人某某協會99年度預算案":          "財團法人某某協會99年度預算案",
		"某某案修正案": "某某案修正案",
		"臺北市某某審查許可自治條例制定案（報告案第11125案併案審議）": "臺北市某某審查許可自治條例",
		"某某計畫（草案）":          "某某計畫（草案）",
		"刑法修正案（九）":          "刑法修正案（九）",
		"中华人民共和国某某法修正案(草案)": "中华人民共和国某某法修正案(草案)",
	} {
		if got := billMatter(in); got != want {
			t.Errorf("billMatter(%s) = %s, want %s", in, got, want)
		}
	}
}

// A gazette's sitting with few speeches: who asks a written question (本院
// 朱委員鳳芝，針對…) or is answered in writing takes no part in it; the tellers
// of a ballot (監票員) do. The names are made up.
func TestWrittenQuestionersAndTellers(t *testing.T) {
	text := "立法院第7屆第4會期第7次會議紀錄\n主席：王院長大平\n報告事項\n" +
		"19. 行政院函送朱委員一芝就某問題所提質詢之書面答復，請查照案。\n" +
		"1. 本院黃委員二雄，針對某問題，提出質詢。\n" +
		"某甲同意票65張，不同意票2張。\n監票員：陳三慧　江四君\n"
	got := attendeesOf(extractOne(t, "ly.md", text), func(a Attendee) string { return a.Role + " " + a.Name })
	want := []string{"监票 陳三慧", "监票 江四君"}
	if !slices.Equal(got, want) {
		t.Errorf("attendees = %q, want %q", got, want)
	}
}

// A resolution right under the list of those who explained names no matter
// of a line of that list (財政局李局長大明 …), one person a line or several.
// The names are made up.
func TestResolutionUnderListOfPresent(t *testing.T) {
	p := newPage("某市議會第1屆第4次定期大會第47次會議紀錄\n說明人員：\n財政局李局長大明 秘書處黃處長小華\n警察局保安科黃科長光明\n決議：歲入部門－\n補助收入：照案通過。\n")
	if got := resolutions(p, 0, len(p.norm)); len(got) != 0 {
		t.Errorf("resolutions = %+v, want none", got)
	}
	for f, want := range map[string]bool{"颜议员晓菁": true, "财政局李局长大明 秘书处黄处长小华": true, "台北市都市更新自治条例": false, "议员": false, "设立某市核能安全委员会": false, "警察局保安科黄科长光明": true, "为加强治安全委员会": false} {
		if got := personLine(f); got != want {
			t.Errorf("personLine(%s) = %v, want %v", f, got, want)
		}
	}
}

// A motion submitted with 報請大會公鑒 right above its resolution is about
// the first line under its heading, not the formula. The text is made up.
func TestSubmittedMotion(t *testing.T) {
	p := newPage("乙、主席提變更議程動議案\n　　11月16日議程變更為：\n　　上午：審查會議案審查。\n　　下午：1、討論議案。\n　　報請　大會公鑒\n　　決議：照案通過（議事日程表另發）。\n丙、主席裁定事項\n")
	got := resolutions(p, 0, len(p.norm))
	if want := []Decision{{Verb: "照案通過", Object: "11月16日議程變更"}}; !slices.Equal(got, want) {
		t.Errorf("resolutions = %+v, want %+v", got, want)
	}
}

// A resolution run on after the last line of its 案由, which began lines
// above (…案由：請審議辦理「某工程」⏎101年度墊付…⏎1,365萬元，擬先行墊付執行
// 案。 決議：同意辦理。), is about that 案由. The names are made up.
func TestResolutionAfterWrappedCase(t *testing.T) {
	p := newPage("決議：同意辦理。 編號：27 類別：工務 案由：請審議辦理「某線某橋災修改建工程」\n101年度墊付物價指數調整款及變更設計費用\n1,365萬元，擬先行墊付執行案。 決議：同意辦理。 編號：28 類別：工務\n")
	got := resolutions(p, 0, len(p.norm))
	if len(got) == 0 || got[len(got)-1].Object != "某線某橋災修改建工程" {
		t.Errorf("resolutions = %+v, want the last about 某線某橋災修改建工程", got)
	}
	for line, want := range map[string]bool{"1,365万元,拟先行垫付执行案。": true, "定地上权」案。": true, "1、某某议事日程请公决案。": false, "11227 有关本市某案,请审议。": false} {
		if got := continuesAbove(line); got != want {
			t.Errorf("continuesAbove(%s) = %v, want %v", line, got, want)
		}
	}
}

// A resolution's result ends where the next row of the table or the next
// part of the minutes runs on after it. The text is made up.
func TestResolutionRunOn(t *testing.T) {
	p := newPage("編號：35 類別：社政 案由：請市府增設某路口號誌。\n決議：同意辦理。 編號：36 類別：社政\n案由：請市府改善某公園照明。\n決議：修正通過。 丁、散會：下午6時。\n")
	var verbs []string
	for _, d := range resolutions(p, 0, len(p.norm)) {
		verbs = append(verbs, d.Verb)
	}
	if want := []string{"同意辦理", "修正通過"}; !slices.Equal(verbs, want) {
		t.Errorf("verbs = %q, want %q", verbs, want)
	}
}

// A council's resolution that settles a budget department by department at
// its second reading adopts no budget as a whole: nothing is decided, and no
// section is filed as the matter. The names are made up.
func TestBudgetReadByDepartment(t *testing.T) {
	text := "乙、討論事項\n編號：22\n案由：請審議102年度某市地方總預算案暨附屬單位預算及綜計表，連同各機關單位預算。\n發言議員：\n  甲議員一二\n" +
		"說明人員：\n  社會局張局長乃千\n決議：歲出部門－\n      長青服務中心第22頁至第42頁：照案通過。\n      兵役局第21頁至第48頁：修正通過。\n丙、決定事項\n"
	p := newPage(text)
	if got := resolutions(p, 0, len(p.norm)); len(got) != 0 {
		t.Errorf("resolutions = %+v, want none", got)
	}
}

// A budget read a second time, part by part, under the record's section of
// the second reading (乙、二讀會⏎壹、審議…總預算案), decides nothing yet, what
// ever its rows are headed by; a bill read in the same section is decided,
// and the third reading adopts the budget. The text is made up.
func TestBudgetSecondReading(t *testing.T) {
	text := "某市議會第1屆第2次臨時大會第3次會議紀錄\n甲、報告事項\n壹、主席宣告開會\n乙、二讀會\n" +
		"壹、審議103年度某市地方總預算案暨附屬單位預算等相關預算案\n第15款：文化局主管\n  7.  P59 設計補助計畫費用。\n甲議員提議：「本項費用刪減10,000,000元」。\n  議決：照審查意見通過。\n" +
		" 四、第8目作業基金（P112）。\n   議決：照審查意見通過。\n" +
		"貳、審議某市公園管理自治條例修正草案\n議決：照審查意見通過。\n" +
		"丙、三讀會\n壹、審議103年度某市地方總預算案暨附屬單位預算及綜計表\n議決：照二讀審議意見通過。\n"
	wantDecisions(t, "council.txt", text, []string{"照審查意見通過 某市公園管理自治條例修正草案", "照二讀審議意見通過 103年度某市地方總預算案暨附屬單位預算及綜計表"})
}

// A resolution whose result is in its numbered clauses below (議決：⏎（一）
// …⏎（二）餘照二讀審議意見通過。) is read across clauses that hold a colon
// of their own (2.交通委員會所屬部門第8款第1項：交通局…修正為：…); a label
// (發言議員：) ends them. The text is made up.
func TestCarriedClauseColons(t *testing.T) {
	text := "某市議會第1屆第2次臨時大會第3次會議紀錄\n丙、三讀會\n壹、審議103年度某市地方總預算案暨附屬單位預算及綜計表\n發言議員：甲一、乙二\n議決：\n" +
		"（一） 1.教育委員會所屬部門第5款第2項：市立圖書館第2點附帶決議修正為：有關預定地，教育局應於三個月內規劃。\n" +
		"    2.交通委員會所屬部門第8款第1項：交通局第2目附帶決\n      議修正為：交通局應重新議價。\n" +
		"  （二）餘照二讀審議意見通過。\n\n貳、審議102年度某市地方總預算追加(減)預算案\n議決：照二讀審議意見通過。\n"
	wantDecisions(t, "council.txt", text, []string{"照二讀審議意見通過 103年度某市地方總預算案暨附屬單位預算及綜計表", "照二讀審議意見通過 102年度某市地方總預算追加(減)預算案"})
}

// A legislature's announcement decides the motion last moved before it: a
// procedural motion moved on a motion named earlier (我動議若稍後就"X"所提出
// 的議案再進行記名表決，表決須在鐘聲響起1分鐘後進行) by its last clause; a
// motion negatived too. A member who says what would follow if a motion
// were carried announces nothing. Where the chair put the question in its
// own words (待決議題是：全體委員會現即休會待續; …動議現即將辯論中止待續的議
// 案; 《…條例草案》，予以二讀), that is what was decided; where it names only
// whose motion it is, the motion's title. The text is made up.
func TestLegislatureAnnouncements(t *testing.T) {
	text := "立法會會議過程正式紀錄\n" +
		"甲議員：主席，我動議若稍後就“改善社區設施”所提出的議案再進行記名表決，表決須在鐘聲響起1分鐘後進行。\n" +
		"主席：我認為議題獲得在席議員過半數贊成。我宣布議案獲得通過。\n" +
		"乙議員：我希望大家支持“改善社區設施”的議案。如果議案獲得通過，社區便有更多設施。\n" +
		"主席宣布議案被否決。\n" +
		"主席：我現在向各位提出的待決議題是：丙議員動議的議案，予以通過。\n主席宣布議案被否決。\n" +
		"全委會主席：我現在向各位提出的待決議題是：全體委員會現即休會待續。贊成的請舉手。\n" +
		"全委會主席宣布有57人出席，36人贊成，20人反對。他於是宣布議案獲得通過。\n" +
		"主席：我現在向各位提出的待決議題是：丁議員根據《議事規則》第40(1)條動議現即將辯論中止待續的議案，予以通過。\n他於是宣布議案獲得通過。\n" +
		"主席：我現在向各位提出的待決議題是：《2014年撥款條例草案》，予以二讀。\n他於是宣布議案獲得通過。\n"
	wantDecisions(t, "hansard.txt", text, []string{"獲得通過 表決須在鐘聲響起1分鐘後進行", "被否決 改善社區設施", "獲得通過 全體委員會現即休會待續", "獲得通過 現即將辯論中止待續", "獲得通過 2014年撥款條例草案"})
}

// wantDecisions extracts the one record of a text and checks its
// decisions, as "verb object", item by item.
func wantDecisions(t *testing.T, name, text string, want []string) {
	t.Helper()
	if got := decisionsOf(extractOne(t, name, text)); !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
}

// extractOne extracts the one record of a text, failing the test if it
// cannot.
func extractOne(t *testing.T, name, text string) *Minutes {
	t.Helper()
	recs, err := newTestExtractor(t).Extract(name, []byte(text))
	if err != nil || len(recs) == 0 {
		t.Fatalf("extract %s: %d records, %v", name, len(recs), err)
	}
	return recs[0]
}

// decisionsOf lists a record's decisions as "verb object", item by item.
func decisionsOf(m *Minutes) []string {
	var out []string
	for _, it := range m.Items {
		for _, d := range it.Decisions {
			out = append(out, d.Verb+" "+d.Object)
		}
	}
	return out
}

// A council's table of proposals names who moved each row, on the row's
// first lines before its matter. The names are made up.
func TestProposers(t *testing.T) {
	text := "某縣議會第1屆第2次定期會議案一覽表\n編  號 提案人  案               由 審查意見  大會議決\n" +
		"建乙1\n王大明\n李小華\n建請縣府改善道路。\n送請縣府\n研議辦理\n照審查意見通過\n" +
		"民乙2 趙 一平\n建請縣府增設路燈。\n照審查意見通過\n"
	got := attendeesOf(extractOne(t, "table.txt", text), func(a Attendee) string { return a.Name })
	if want := []string{"王大明", "李小華", "趙一平"}; !slices.Equal(got, want) {
		t.Errorf("attendees = %q; want %q", got, want)
	}
}

// What the chair has had read out and the house carries is a decision on
// it (朝野黨團協商結論已經宣讀完畢，請問院會，有無異議？（無）無異議，通過).
func TestReadOutAndCarried(t *testing.T) {
	text := "立法院第1屆第1會期第1次會議紀錄\n主席：現有朝野黨團協商結論一項，請宣讀。\n" +
		"主席：朝野黨團協商結論已經宣讀完畢，請問院會，有無異議？（無）無異議，通過。\n"
	if got, want := decisionsOf(extractOne(t, "ly.md", text)), []string{"通過 朝野黨團協商結論"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q; want %q", got, want)
	}
}

func TestJoinSpacedDigits(t *testing.T) {
	for in, want := range map[string]string{
		"中華民國 1 0 1 年 5 月":   "中華民國 101 年 5 月",
		"第 1 6 次局務會議":        "第 16 次局務會議",
		"第 16 次":             "第 16 次",
		"12 3 4 年":           "12 3 4 年",
		"表 1 2 3 與 4":        "表 1 2 3 與 4",
		"1 0 1 1 1 年":        "1 0 1 1 1 年",
		"預算 5 0 0 號，第 2 0 期": "預算 500 號，第 20 期",
	} {
		if got := joinSpacedDigits(in); got != want {
			t.Errorf("joinSpacedDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

// Who reported is read whatever verb joins the name to the report (作的,
// 作了, 关于), with the longest title that fits before a real name; a title
// before and the report after mark a name of an uncommon surname (铁). The
// names are made up.
func TestReporters(t *testing.T) {
	for text, want := range map[string]string{
		"会议听取了全国人大法律委员会副主任委员丛立作的关于某法草案修改情况的汇报。":    "丛立 全国人大法律委员会副主任委员",
		"财政部部长楼立华作了“关于提请审议某税法草案的议案”的说明。":           "楼立华 财政部部长",
		"听取了国务院港澳事务办公室主任张立明关于某人选产生过程的汇报。":          "张立明 国务院港澳事务办公室主任",
		"最高人民法院院长周立作的关于某工作情况的报告。":                  "周立 最高人民法院院长",
		"最高人民法院院长周立代表最高人民法院并受最高人民检察院委托作了说明。":       "周立 最高人民法院院长",
		"会议听取了教育部部长怀立受国务院委托作的关于某法实施情况的报告。":         "怀立 教育部部长",
		"听取了全国人大财经委副主任委员、常委会预算工委主任史立作的关于某情况的调研报告。": "史立 全国人大财经委副主任委员",
		"会议听取了最高人民检察院检察长张立作的关于某工作情况的报告。":           "张立 最高人民检察院检察长",
		"会议听取了中国人民银行行长潘立受国务院委托作的关于金融工作情况的报告。":      "潘立 中国人民银行行长",
		"会议听取了区城管执法局局长赵立华同志关于某工作的情况汇报。":            "赵立华 区城管执法局局长",
		"会议听取了审计署审计长侯立受国务院委托作的关于某审计查出问题整改情况的报告。":   "侯立 审计署审计长",
		"会议听取了证监会主席易立受国务院委托作的关于某改革有关工作情况的报告。":      "易立 证监会主席",
		"会议听取了全国人大常委会副委员长铁立作的关于检查某法实施情况的报告。":       "铁立 全国人大常委会副委员长",
	} {
		var got []string
		for _, a := range newPage(text).reporters() {
			got = append(got, a.Name+" "+a.Title)
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("reporters(%s) = %q; want %q", text, got, want)
		}
	}
}

// The bodies of a congress's sitting are those that report: each reporter's
// principal office (the first of his offices; a list of reporters who
// each reported, 分别作的), not the body that entrusted a ministry with its
// report (受国务院委托), whose report the ministry gives; the audit office
// and a regulatory commission are headed by their 审计长 and 主席; one who
// reports under two offices reports for both; a body's name may hold 代表
// (代表资格审查委员会); a force is headed by its 司令员. The names are made
// up.
func TestReportingBodies(t *testing.T) {
	text := "某届全国人大常委会第六次会议举行第二次全体会议\n" +
		"某届全国人大常委会第六次会议24日在北京举行第二次全体会议。王大明副委员长主持会议。\n" +
		"会议审议了国务院关于2017年度某管理情况的综合报告，听取了财政部部长刘立受国务院委托所作的关于某资产的专项报告，" +
		"听取了全国人大财经委副主任委员、常委会预算工委主任史立作的关于某情况的调研报告。\n" +
		"会议听取了最高人民检察院检察长张立作的关于某工作情况的报告。\n" +
		"会议听取了审计署审计长侯立受国务院委托作的关于某审计查出问题整改情况的报告。\n" +
		"会议听取了全国人大常委会代表工作委员会主任郭立、水利部部长李立分别作的关于代表建议办理情况的报告。\n" +
		"会议听取了证监会主席易立受国务院委托作的关于某改革有关工作情况的报告。\n" +
		"国务院关税税则委员会主任刘立作了关于提请审议批准某修正案的议案的说明。\n" +
		"会议还听取了全国人大常委会代表资格审查委员会主任委员马立作的关于个别代表的代表资格的报告。\n" +
		"受国务院、中央军委委托，武警部队司令员王立对关于某决定草案作了说明。\n"
	m := extractOne(t, "npc.txt", text)
	want := []string{"财政部", "全国人大财经委", "最高人民检察院", "审计署", "全国人大常委会代表工作委员会", "水利部", "证监会", "全国人大常委会代表资格审查委员会", "武警部队", "国务院关税税则委员会"}
	if !slices.Equal(m.Departments, want) {
		t.Errorf("departments = %q, want %q", m.Departments, want)
	}
}

// A name of a minority people may be joined by a hyphen
// (司马义-铁力瓦尔地); a body that reports after 并作 starts after it. The
// names are made up.
func TestHyphenNameAndReportingBody(t *testing.T) {
	text := "某届全国人大常委会第三十次会议举行第三次全体会议\n" +
		"某届全国人大常委会第三十次会议26日下午在北京举行第三次全体会议。\n全国人大常委会委员长王大明出席会议并作全国人大常委会代表工作委员会关于某情况的报告。\n" +
		"会议由司马义-铁力木尔副委员长主持。\n"
	m := extractOne(t, "npc.txt", text)
	if m.Chair == nil || m.Chair.Name != "司马义-铁力木尔" {
		t.Errorf("chair = %+v, want 司马义-铁力木尔", m.Chair)
	}
	if !slices.Equal(m.Departments, []string{"全国人大常委会代表工作委员会"}) {
		t.Errorf("departments = %q, want [全国人大常委会代表工作委员会]", m.Departments)
	}
}

// A list of reporters before one verb each reported, each under his whole
// office (环境与资源保护委员会主任委员), the prefix the first body's name
// gives (全国人大) shared by the rest. The names are made up.
func TestListedReporters(t *testing.T) {
	p := newPage("会议分别听取了全国人大法律委员会主任委员胡立生、教育科学文化卫生委员会主任委员白立明、环境与资源保护委员会主任委员汪立光作的关于某某议案审议结果的报告。")
	var got []string
	for _, a := range p.reporters() {
		got = append(got, a.Name+" "+a.Title)
	}
	want := []string{"胡立生 全国人大法律委员会主任委员", "白立明 全国人大教育科学文化卫生委员会主任委员", "汪立光 全国人大环境与资源保护委员会主任委员"}
	if !slices.Equal(got, want) {
		t.Errorf("reporters = %q\nwant %q", got, want)
	}
}

// Reporters listed by name after the office they share each reported under
// it; a reporter of an uncommon surname stays in a list of offices; one
// who explains 对关于… is named before 对. The names are made up.
func TestSharedOfficeReporters(t *testing.T) {
	p := newPage("会议听取了全国人大法律委员会副主任委员张立起、孙立树、李立宁分别作的关于某法修订草案审议结果的报告。\n" +
		"会议听取了内务司法委员会副主任委员王立明、财政经济委员会副主任委员乌立图分别作的关于某议案审议结果的报告。\n" +
		"受国务院委托，国土资源部部长姜立明对关于某决定草案作了说明。")
	var got []string
	for _, a := range p.reporters() {
		got = append(got, a.Name+" "+a.Title)
	}
	want := []string{"张立起 全国人大法律委员会副主任委员", "孙立树 全国人大法律委员会副主任委员", "李立宁 全国人大法律委员会副主任委员",
		"王立明 内务司法委员会副主任委员", "乌立图 财政经济委员会副主任委员", "姜立明 国土资源部部长"}
	if !slices.Equal(got, want) {
		t.Errorf("reporters = %q\nwant %q", got, want)
	}
}

// A meeting that arranges a matter (对X进行了部署) decides on it; arranging
// the whole of its work (对政府工作进行了部署) decides on no matter. The
// texts are made up.
func TestArrangedMatters(t *testing.T) {
	objects := func(text string) []string {
		return decisionsOf(extractOne(t, "release.txt", "某某主持召开国务院第一次全体会议\n"+text))
	}
	if got := objects("国务院总理某某20日主持召开国务院第一次全体会议。会议通过了《国务院工作规则》，对政府工作进行了部署。\n"); !slices.Equal(got, []string{"通过 国务院工作规则"}) {
		t.Errorf("decisions = %q, want only the rules", got)
	}
	if got := objects("国务院总理某某20日主持召开国务院第一次全体会议。会议对某某试点工作进行了部署。\n"); !slices.Equal(got, []string{"部署 某某试点工作"}) {
		t.Errorf("decisions = %q, want the pilot arranged", got)
	}
	if got := objects("国务院总理某某20日主持召开国务院第一次全体会议。\n会议进一步部署防汛抗洪救灾工作。\n"); !slices.Equal(got, []string{"部署 防汛抗洪救灾工作"}) {
		t.Errorf("decisions = %q, want the work arranged further", got)
	}
}

// The body whose report a meeting heard (听取了食安委办公室及各成员单位的
// 汇报) acts in it; a congress's own standing committee reporting is the
// house itself. The texts are made up.
func TestHeardBodies(t *testing.T) {
	p := newPage("国务院某某委员会召开第一次全体会议，听取了某安委办公室及各成员单位的汇报。会议听取县人大常委会的工作报告。\n")
	got := actingBodies(p, &Minutes{Script: "simplified"})
	if !slices.Equal(got, []string{"某安委办公室"}) {
		t.Errorf("actingBodies = %q, want [某安委办公室]", got)
	}
}

// A body that put forward a document acts (县卫生和计划生育局提出的…方案);
// a slogan a superior put forward, quoted, is none, and the issuing
// government written short (区政府 in a 区人民政府's minutes) is the
// issuer, not a department. The texts are made up.
func TestProposingBodies(t *testing.T) {
	p := newPage("会议研究了县卫生局提出的迎接复审工作任务分解方案。\n要紧紧围绕区委、区政府提出的“解放思想、率先崛起”这一主题。\n会议要求，区政府办公室要认真梳理。由区政府牵头落实。\n")
	got := actingBodies(p, &Minutes{Script: "simplified", Issuer: "某某区人民政府"})
	if !slices.Equal(got, []string{"县卫生局", "区政府办公室"}) {
		t.Errorf("actingBodies = %q, want [县卫生局 区政府办公室]", got)
	}
}

// attendeesOf lists a record's attendees as show writes each.
func attendeesOf(m *Minutes, show func(Attendee) string) []string {
	var out []string
	for _, a := range m.Attendees {
		out = append(out, show(a))
	}
	return out
}

// The people a chair welcomes to the gallery are those who lead the visit:
// named inside a title (王理事長小明, 林興里黃里長一森), after an office
// (體育組長陳一芳), before a title of courtesy (李二芳老師, 周三勤秘書),
// never the group they lead; a welcome that is no visit names no visitor.
// The names are made up.
func TestVisitors(t *testing.T) {
	text := "某市議會第1屆第1次定期大會第1次會議紀錄\n時間：中華民國100年1月5日\n主席：許議長大成\n" +
		"丁、其他事項\n" +
		"一、主席許議長大成於上午9時18分報告：現在有某某區王理事長小明帶領社區居民蒞臨本會參訪，請大家鼓掌歡迎。\n" +
		"二、主席許議長大成報告：現在有某某國小體育組長陳一芳及李二芳老師帶領學生在旁聽席旁聽，請大家鼓掌歡迎。\n" +
		"三、主席許議長大成報告：現在有某市人大常委會周三勤秘書暨全體委員等一行人在旁聽席旁聽，請大家鼓掌歡迎。\n" +
		"四、主席許議長大成報告：現在有新任秘書長林四海到任，請大家鼓掌歡迎。\n" +
		"五、主席許議長大成報告：現在有本市某區林興里黃里長一森、同慶里王里長文章帶領市民朋友蒞臨本會參訪，請大家鼓掌歡迎。\n"
	m := extractOne(t, "council.txt", text)
	got := attendeesOf(m, func(a Attendee) string { return a.Name })
	for _, want := range []string{"王小明", "陳一芳", "李二芳", "周三勤", "黃一森", "王文章"} {
		if !slices.Contains(got, want) {
			t.Errorf("attendees = %q, want %q among them", got, want)
		}
	}
	for _, a := range got {
		if strings.Contains(a, "林四海") || strings.Contains(a, "全體") || a == "文章" {
			t.Errorf("attendees = %q: %q is no visitor", got, a)
		}
	}
	if _, roles, _ := m.Person("陳一芳"); !slices.Equal(roles, []string{RoleVisitor}) {
		t.Errorf("陳一芳's roles = %q, want %q", roles, RoleVisitor)
	}
}

// A ballot's result (某委員某某得票八十五票，…當選為本院院長) decides the
// office filled and names who was elected; a count of members (4位委員擔任)
// names no one. The names are made up.
func TestBallotElection(t *testing.T) {
	text := "立法院第7屆第1會期選舉院長、副院長會議紀錄\n時間：中華民國97年2月1日（星期五）上午10時30分\n" +
		threeSpeeches +
		"主席：各黨團各推潘委員一剛、陳委員二海4位委員擔任投、開票監察員。請問各位，有無異議？（無）無異議，通過。\n" +
		"選舉結果：\n王委員大平得票八十五票，超過出席投票委員人數過半數之票數，當選為本院院長。\n"
	m := extractOne(t, "ly.md", text)
	if got, want := decisionsOf(m), []string{"當選 本院院長"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
	names := attendeesOf(m, func(a Attendee) string { return a.Name })
	if !slices.Contains(names, "王大平") || slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "擔任") }) {
		t.Errorf("attendees = %q, want 王大平 and no 擔任", names)
	}
}

// A 案由 worded as the executive's request names its matter without the
// request; a bill that makes a regulation is named by the regulation; a
// motion that asks the house to agree to something is about that, not
// about a title it goes on to name; a matter that introduces a list
// (議程變更為：1、…) is named without it.
func TestRequestedMatter(t *testing.T) {
	for in, want := range map[string]string{
		"請審議制定某市攤販管理自治條例案。":                    "某市攤販管理自治條例",
		"請審議101年度某市地方總預算案暨附屬單位預算及綜計表，連同各機關…":   "101年度某市地方總預算案暨附屬單位預算及綜計表",
		"請審議修正某市公園管理辦法案":                       "某市公園管理辦法",
		"請市府研議某某設施免費開放":                        "請市府研議某某設施免費開放",
		"12月30日下午議程變更為：1、三讀議案第二讀會。2、三讀議案第三讀會。": "12月30日下午議程變更",
		"由於某某獎勵金已不足，為能鼓勵生育，請大會同意先行討論本第(8)次第1審查會市府提案第1案：為辦理「補助某某獎勵金」，請同意由市庫先行墊付經費案。": "先行討論本第(8)次第1審查會市府提案第1案",
		"擬延長開會時間，俟某某質詢完畢後再行散會，請同意案": "擬延長開會時間",
		// A short quoted name the case goes on to use is no title; the
		// form of the request (，請審議; ，請查照) is no part of the case.
		"本市某區「某某路」擬更名為「某某路4段」案，請審議。":      "本市某區「某某路」擬更名為「某某路4段」案",
		"有關市立托兒所改制「幼兒園」園所業務運作所需經費，擬先行墊付。": "有關市立托兒所改制「幼兒園」園所業務運作所需經費",
		"某市建築工程樣品屋設置辦法業經本府令訂定，請查照":        "某市建築工程樣品屋設置辦法業經本府令訂定",
		"為辦理「某某新建工程」，請同意由市庫先行墊付經費案。":      "某某新建工程",
	} {
		if got := caseMatter(in); got != want {
			t.Errorf("caseMatter(%q) = %q, want %q", in, got, want)
		}
	}
}

// The measures an opening says the meeting studied and settled (研究确定…的
// 政策措施) are a decision, unless a paragraph adopts the document that sets
// them out, which is then the decision. The matters are made up.
func TestStudiedMeasures(t *testing.T) {
	text := "国务院总理某某主持召开国务院常务会议\n" +
		"国务院总理王大明6日主持召开国务院常务会议，研究确定促进某某产业持续健康发展的政策措施，研究确定推动某某贸易稳定发展的措施，部署完善某某投入机制。\n" +
		"会议讨论通过了《关于促进某某产业持续健康发展的若干意见》。\n"
	got := decisionsOf(extractOne(t, "release.txt", text))
	want := []string{"研究确定 推动某某贸易稳定发展的措施", "部署 完善某某投入机制", "讨论通过 关于促进某某产业持续健康发展的若干意见"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A body's name is read back from where it acts and stops at the words
// that come before a name in a sentence (交付處理本院…, 使政府提出的), so
// what is left is a body or nothing.
func TestBodyBeforeCutWords(t *testing.T) {
	for in, want := range map[string]string{
		"为院会交付处理本院审查":              "",
		"使政府提出的":                   "",
		"交付财政委员会审查":                "财政委员会",
		"由市交通局提出的":                 "市交通局",
		"本府原指派某某传播局提出的":            "某某传播局",
		"会议研究某某局提出的":               "某某局",
		"研究发展考核委员会提出的":             "研究发展考核委员会",
		"由办公厅研究室提出的":               "办公厅研究室",
		"会议研究办公厅研究室提出的":            "办公厅研究室",
		"会议研究中心城区建设指挥部提出的":         "中心城区建设指挥部",
		"会议听取了国家发展改革委和住房和城乡建设部提出的": "住房和城乡建设部",
	} {
		at := strings.Index(in, "审查")
		if at < 0 {
			at = strings.Index(in, "提出的")
		}
		got := ""
		if i, ok := bodyBefore(in, at); ok {
			got = in[i:at]
		}
		if got != want {
			t.Errorf("bodyBefore(%q) = %q, want %q", in, got, want)
		}
	}
}

// A name written surname+title+given name is read with its title, a
// manager's (陸經理映芬) as a director's, an acting one's (陳代理局長琳樺) as
// the head's; a given name may start with 建
// (郭議員建盟) where it starts no verb (陳議員建議), and does not run on into
// the word after it (吳市長五簡要報告); one a narrow column wraps (朱議員信⏎
// 強。) is read whole. The names are made up.
func TestTitledInText(t *testing.T) {
	p := newPage("說明人員： 動產質借所陸經理一芬 財政局李局長二倉 某公司王總經理三明 環境保護局陳代理局長四樺\n發言議員： 郭議員建一 陳議員建議市府改善。\n列席：市長吳五\n(一)吳市長五簡要報告市政府施政計畫。\n（一）民政委員會：錢議員聖六、朱議員信\n強。\n")
	var got []string
	for _, a := range titledInText(p) {
		got = append(got, a.Name+" "+a.Title)
	}
	if want := []string{"陸一芬 經理", "李二倉 局長", "王三明 總經理", "陳四樺 代理局長", "郭建一 議員", "吳五 市長", "錢聖六 議員", "朱信強 議員"}; !slices.Equal(got, want) {
		t.Errorf("titledInText = %q, want %q", got, want)
	}
}

// A resolution's label may be spaced out however wide (決　　議：), and its
// result may run on over the lines aligned under its value, a line that
// reads like a list's item (十七、十八條…) among them: the result is the
// last clause's (餘照審查意見通過), without where its detail is. The bill
// is made up.
func TestResolutionRunsOn(t *testing.T) {
	text := "某市議會第1屆第8次臨時會第4次會議紀錄\n時間：中華民國101年9月12日\n主席：陳議長大進\n" +
		"丁、三讀議案第二讀會\n" +
		"　　案　　由：為制定「某市某某保護自治條例」，提請審議。\n" +
		"　　審查意見：「某市某某保護自治條例」草案：名稱、第一條照制訂條文通過；第四條刪除。\n" +
		"　　決　　議：法規審查會修正通過條文第三、十三、十五、\n" +
		"　　　　　　　十七、十八條修正通過，餘照審查意見通過（\n" +
		"　　　　　　　詳附表）。\n" +
		"戊、散會\n"
	got := decisionsOf(extractOne(t, "ntpcc.txt", text))
	if want := []string{"照審查意見通過 某市某某保護自治條例"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A chair's ruling that words a letter (由本會函文市政府：「…」) is the ruling,
// not the letter's text. The matter is made up.
func TestRulingWordsALetter(t *testing.T) {
	text := "臺北市議會第11屆第16次臨時大會第2次會議紀錄\n時間：中華民國103年1月7日\n主席：吳議長大珠\n" +
		"戊、其他事項\n一、某議員提：中央擅自更改本會三讀通過之自治條例。\n" +
		"主席裁示：由本會函文市政府：「本會三讀通過之自治條例，市府送請中央主管機關核定，經中央擅自更改核定者，市府仍應再送議會審議。」，請市政府遵照辦理。\n"
	got := decisionsOf(extractOne(t, "tpecc.txt", text))
	if want := []string{"主席裁示 由本會函文市政府"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A resolution that sets the matter aside (暫擱, 擱置) decides nothing yet,
// nor does one that defers part and carries the rest (no decision on the
// whole, as the shared gold files it); one that carries it does.
func TestDeferredResolution(t *testing.T) {
	for res, want := range map[string]bool{
		"擱置":      true,
		"暫擱":      true,
		"照審查意見通過": false,
		"動議延後討論部分如附表，餘照案通過":      true,
		"各區公所通案意見，詳附表第8至9頁，餘審議中": true,
	} {
		if got := deferredResolution(fold.String(res)); got != want {
			t.Errorf("deferredResolution(%q) = %v, want %v", res, got, want)
		}
	}
}

// A release gives work to a body named with its level before 要 or 会同
// (国务院安委会要…, 全国人大常委会办公厅会同…), not to a bare name there, nor
// to a congress's own 常委会; the body a person reports for (代表常委会秘书局
// 报告) acts. The matters and names are made up.
func TestReleaseBodiesAtWork(t *testing.T) {
	text := "某届全国人大常委会第九次会议举行第二次全体会议\n" +
		"某届全国人大常委会第九次会议25日在北京举行第二次全体会议。王大明副委员长主持会议。\n" +
		"会议听取了有关代表建议办理情况的报告。常委会副秘书长何立明代表常委会秘书局报告了办理情况。会议闭幕后，全国人大常委会办公厅会同各承办单位认真办理。\n" +
		"全面强化安全生产，国务院安委会要作进一步安排，某市人大常委会要加强监督，陆委会会同经建会重新评估。\n"
	m := extractOne(t, "npc.txt", text)
	for _, want := range []string{"全国人大常委会办公厅", "常委会秘书局", "国务院安委会"} {
		if !slices.Contains(m.Departments, want) {
			t.Errorf("departments = %q, want %s among them", m.Departments, want)
		}
	}
	for _, not := range []string{"陆委会", "某市人大常委会"} {
		if slices.Contains(m.Departments, not) {
			t.Errorf("departments = %q: %s gives no work here", m.Departments, not)
		}
	}
}

// Those who preside in turn (主 席：由…韓議員一村、…黃⏎議員二美及洪議員三朗
// 分別主持) are each filed as presiding, the first as the chair, also where
// the label's value runs on to the next line. The names are made up.
func TestCoChairs(t *testing.T) {
	text := "高雄市議會第1屆第1次定期大會第25次會議紀錄\n日 期：中華民國100年5月9日上午10時\n地 點：本會議事廳\n" +
		"主 席：由工務委員會第一召集人韓議員一村、第二召集人黃\n議員二美及洪議員三朗分別主持\n記 錄：姜一珠\n甲、報告事項 一、主席宣告開會。\n"
	m := extractOne(t, "khcc.txt", text)
	if m.Chair == nil || m.Chair.Name != "韓一村" {
		t.Errorf("chair = %+v, want 韓一村", m.Chair)
	}
	var got []string
	for _, a := range m.Attendees {
		if a.Role == RoleChair {
			got = append(got, a.Name)
		}
	}
	if want := []string{"黃二美", "洪三朗"}; !slices.Equal(got, want) {
		t.Errorf("presiding attendees = %q, want %q", got, want)
	}
	// A value that names no one before 分別主持 gives no one presiding
	// in turn (and no panic).
	m = extractOne(t, "khcc.txt", "高雄市議會第1屆第1次定期大會第25次會議紀錄\n日 期：中華民國100年5月9日\n主 席：由分別主持 王大明\n甲、報告事項 一、主席宣告開會。\n")
	for _, a := range m.Attendees {
		if a.Role == RoleChair {
			t.Errorf("attendee %+v presides in turn, want none", a)
		}
	}
}

// A leader a record mentions is named before 总书记 or 同志; the party's
// post taken again (連任黨總書記, 連任總書記) names no one.
func TestMentionedLeaders(t *testing.T) {
	p := newPage("会议传达学习王大明总书记重要讲话精神。本席認為會議真正主題是為某某人連任黨總書記造勢，某某人連任總書記的機會不大。")
	var got []string
	for _, a := range mentionedLeaders(p) {
		got = append(got, a.Name)
	}
	if want := []string{"王大明"}; !slices.Equal(got, want) {
		t.Errorf("mentionedLeaders = %q, want %q", got, want)
	}
}

// A gazette's heads, label and value set apart by spaces without a colon,
// name who presides in turn (the line under 主席's, and 主席 again where
// the sitting resumes) and the secretaries who sit in. The names are made
// up.
func TestGazetteHeads(t *testing.T) {
	text := "立法院第8屆第2會期第6次會議紀錄\n時　　間　中華民國101年10月26日（星期五）上午10時\n地　　點　本院議場\n" +
		"主　　席　王院長大平\n洪副院長二柱\n秘書長　林一山\n副秘書長　周三來\n" +
		"主席：現在開會，進行報告事項。\n" + threeSpeeches +
		"繼續開會　中華民國101年10月30日（星期二）上午9時\n主　　席　曾副院長四權\n主席：現在繼續開會。\n"
	m := extractOne(t, "ly.md", text)
	if m.Chair == nil || m.Chair.Name != "王大平" {
		t.Fatalf("chair = %+v, want 王大平", m.Chair)
	}
	got := attendeesOf(m, func(a Attendee) string { return a.Role + " " + a.Name })
	for _, want := range []string{"主持 洪二柱", "列席 林一山", "列席 周三來", "主持 曾四權"} {
		if !slices.Contains(got, want) {
			t.Errorf("attendees = %q, want %q among them", got, want)
		}
	}
	if slices.Contains(got, "主持 王大平") {
		t.Errorf("attendees = %q: the chair is filed once", got)
	}
}

// The departments table knows the bureaus of a Taiwan city government that
// answer in its council's records (客家事務委員會, 停車管理工程處, 政風處,
// 主計處), as it knows its 局.
func TestCityBureausInTable(t *testing.T) {
	text := "臺北市議會第11屆第2次定期大會第5次會議紀錄\n時間：中華民國100年10月19日\n主席：吳議長一珠\n" +
		"壹、宣讀上次會議紀錄（予以確定）\n貳、市府函文提會報告事項\n案號    案由    議    決\n" +
		"11100   檢陳本府客家事務委員會委託某協會經營管理某中心99年度收支決算表，請 准予備查。   備查\n" +
		"11099   本府交通局（停車管理工程處）自100年8月1日起針對某停車位試辦優惠，請 查照。   備查\n" +
		"11101   本府政風處、主計處辦理某案之檢討報告，請 查照。   備查\n" +
		"參、其他事項\n無。\n肆、散會\n"
	m := extractOne(t, "tpecc.txt", text)
	for _, want := range []string{"客家事務委員會", "停車管理工程處", "政風處", "主計處"} {
		if !slices.Contains(m.Departments, want) {
			t.Errorf("departments = %q, want %s among them", m.Departments, want)
		}
	}
}

// The body before a titled name is read for its head, acting head and
// deputy alike (環境保護局陳代理局長, 經濟發展局黃副局長). The names are made
// up.
func TestOrgsBeforeTitledNames(t *testing.T) {
	p := newPage("答詢人員： 消防局陳局長一龍 環境保護局陳代理局長二樺 經濟發展局黃副局長三雄 新興分局鄭分局長四明")
	var got []string
	for _, o := range orgsBeforeTitledNames(p) {
		got = append(got, o.name)
	}
	slices.Sort(got)
	want := []string{"新興分局", "消防局", "環境保護局", "經濟發展局"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("orgsBeforeTitledNames = %q, want %q", got, want)
	}
}

// A list of drafts is a draft each, also where the list mixes 、 and 和
// (选举办法(草案)、…通过办法(草案)和…票决办法(草案)), but a draft and its
// timetable (议程(草案)和日程) are one; a list of reports is a report each.
// The matters are made up.
func TestListedObjects(t *testing.T) {
	for in, want := range map[string][]string{
		"选举办法(草案)、某委员会主任委员人选的通过办法(草案)和某年民生实事项目票决办法(草案)": {"选举办法(草案)", "某委员会主任委员人选的通过办法(草案)", "某年民生实事项目票决办法(草案)"},
		"政府工作报告、人大工作报告":      {"政府工作报告", "人大工作报告"},
		"某委员会第十次会议议程(草案)和日程": {"某委员会第十次会议议程(草案)和日程"},
	} {
		p := newPage(in)
		if got := objectsOf(p, 0, len(p.norm)); !slices.Equal(got, want) {
			t.Errorf("objectsOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// A release that heard and examined a titled report (听取审议了县文明办《关于
// …的汇报》, 县林业局《关于…事宜》的汇报) decided on it; one that only heard
// a report on a titled document (听取《条例》实施情况的汇报) did not. The
// matters are made up.
func TestHeardAndExaminedReports(t *testing.T) {
	text := "县第十七届人民政府第22次县长专题会议召开\n" +
		"1月17日,县长王大明主持召开第十七届人民政府第22次县长专题会议。\n" +
		"会议听取审议了县文明办《关于春节期间某某工作的汇报》。会议指出,要进一步坚定目标。\n" +
		"会议听取审议了县林业局《关于下达某某限额相关事宜》的汇报。会议要求各乡镇认真落实。\n" +
		"会议听取了《某某条例》实施情况的汇报。\n"
	got := decisionsOf(extractOne(t, "release.txt", text))
	want := []string{"听取审议 关于春节期间某某工作的汇报", "听取审议 关于下达某某限额相关事宜"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// An item of a meeting's numbered business headed by 协商决定 or 部署
// records the decision it names (7、协商决定召开…有关事宜; 8、部署文明创建
// 工作), where 协商 alone is business. The matters are made up.
func TestItemHeadedByDecisionVerb(t *testing.T) {
	text := "区政协召开六届七次主席会议\n3月3日上午,区政协召开六届七次主席会议,会议由王大明主席主持,会议主要内容:\n" +
		"1、协商区政协2023年度工作要点;\n2、协商决定召开区政协六届第六次常委会议有关事宜;\n3、部署文明创建工作。\n"
	got := decisionsOf(extractOne(t, "release.txt", text))
	want := []string{"协商决定 召开区政协六届第六次常委会议有关事宜", "部署 文明创建工作"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// The deck a government site sets under a release's title, one decision a
// line, is read from its lines though the repair of wrapped lines joins
// them; the slogan after a gap is no part of the matter, and the paragraph
// that restates a decision adds none. One line under a title is no deck.
// The matters are made up.
func TestReleaseDeck(t *testing.T) {
	text := "2018年7月4日\n\n某某主持召开国务院常务会议\n" +
		"确定进一步扩大某某自主权的措施 更大释放创新活力\n部署进一步做好某某工作\n通过《某某条例(草案)》\n\n" +
		"会议指出,要深化某某改革。会议审议通过了《某某条例(草案)》。\n"
	got := decisionsOf(extractOne(t, "release.txt", text))
	want := []string{"确定 进一步扩大某某自主权的措施", "部署 进一步做好某某工作", "通过 某某条例(草案)"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
	text = "某某主持召开国务院常务会议\n部署进一步做好某某工作\n\n会议指出,要深化某某改革。\n"
	if got := decisionsOf(extractOne(t, "release.txt", text)); len(got) != 0 {
		t.Errorf("decisions = %q, want none from a subtitle", got)
	}
}

// Reporters listed with commas as well as 、 before one verb (…秘书长张一黎,
// …副秘书长潘一刚,…常务副部长张一炯、…主任孙一淦,分别就上述议题作了说明),
// and reporters whose verb is the report itself (…主任周一华、…主任贾一邦,
// 分别汇报了本委员会工作情况), each reported. The names are made up.
func TestCommaListedReporters(t *testing.T) {
	p := newPage("全国政协副主席兼秘书长张一黎,全国政协常务副秘书长潘一刚,中共中央统战部常务副部长张一炯、全国政协提案委员会主任孙一淦,分别就上述议题作了说明。\n" +
		"经济委员会主任周一华、人口资源环境委员会主任贾一邦,分别汇报了本委员会2016年度工作情况。")
	var got []string
	for _, a := range p.reporters() {
		got = append(got, a.Name)
	}
	slices.Sort(got)
	want := []string{"周一华", "孙一淦", "张一炯", "张一黎", "潘一刚", "贾一邦"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("reporters = %q, want %q", got, want)
	}
}

// A ruling that asks a ministry to work with another (請內政部會同法務部先行研
// 議) gives both work, and a ministry that reports (衛生福利部陳報) acts; a
// member's proposal (建請某局會同…) gives none. The matters are made up.
func TestAskedToWorkWith(t *testing.T) {
	text := "行政院第3000次會議\n決定事項\n" +
		"一、有關某市長建議增設某某獎一事,請內政部會同法務部先行研議。\n" +
		"報告事項\n一、衛生福利部陳報「某某推動之現況與展望」報告,請鑒核案。\n" +
		"二、某委員提案為建請健保局會同相關醫學會,全面檢討某某標準案。\n"
	m := extractOne(t, "ey.txt", text)
	for _, want := range []string{"內政部", "法務部", "衛生福利部"} {
		if !slices.Contains(m.Departments, want) {
			t.Errorf("departments = %q, want %s among them", m.Departments, want)
		}
	}
	if slices.Contains(m.Departments, "健保局") {
		t.Errorf("departments = %q: a member's proposal gives 健保局 no work", m.Departments)
	}
}

// A referral is the decision where it is all the meeting did with what it
// heard (听取…汇报，决定将两个草案提请…表决); after an adoption in the same
// paragraph it is that adoption's next step. A motion the committee adopts
// by its full name (关于提请审议某法草案的议案) is a decision however it
// names the referral. A leader's account (某某指出，会议审议通过…) restates.
// The texts are made up.
func TestReferralDecision(t *testing.T) {
	head := "十三届全国人大常委会第八次会议在京闭幕\n\n十三届全国人大常委会第八次会议30日上午在北京人民大会堂闭幕，甲乙丙委员长主持。\n"
	wantDecisions(t, "a.txt", head+
		"会议表决通过了全国人大常委会关于提请审议某某法草案的议案，决定将某某法草案提请十三届全国人大二次会议审议。\n"+
		"甲乙丙指出，会议审议通过代表资格审查报告，确认代表资格全部有效。\n",
		[]string{"表决通过 全国人大常委会关于提请审议某某法草案的议案"})
	wantDecisions(t, "b.txt", "十三届全国人大常委会举行第一百次委员长会议\n\n十三届全国人大常委会4日上午在北京人民大会堂举行第一百次委员长会议。甲乙丙委员长主持会议。\n"+
		"会议听取了秘书长丁戊作的关于主席团和秘书长名单草案审议情况的汇报，决定将两个草案分别提请十四届全国人大一次会议预备会议选举和表决。\n",
		[]string{"决定 将两个草案分别提请十四届全国人大一次会议预备会议选举和表决"})
	wantDecisions(t, "c.txt", "国务院总理甲乙丙主持召开国务院常务会议\n\n国务院总理甲乙丙1日主持召开国务院常务会议。\n"+
		"会议讨论通过的《某某法修正案（草案）》对补偿制度作了修改。会议决定将草案提请全国人大常委会审议。\n", nil)
}

// A clause of the opening's list set off by a semicolon is a whole matter
// however it opens (决定针对…对…发放补贴；); two documents named in full
// and joined by 和 are two decisions. The texts are made up.
func TestReleaseClauseBounds(t *testing.T) {
	wantDecisions(t, "a.txt", "国务院总理甲乙丙主持召开国务院常务会议\n\n国务院总理甲乙丙6月1日主持召开国务院常务会议，决定针对今年以来农资价格上涨对种粮农民一次性发放补贴；决定扩大某某保险实施范围，增强农民抵御风险能力。\n",
		[]string{"决定 针对今年以来农资价格上涨对种粮农民一次性发放补贴", "决定 扩大某某保险实施范围"})
	wantDecisions(t, "b.txt", "十二届全国人大常委会第七次会议在京闭幕\n\n十二届全国人大常委会第七次会议27日下午在北京人民大会堂闭幕，甲乙丙委员长主持。\n"+
		"会议表决通过了全国人大常委会关于确定某某纪念日的决定和全国人大常委会关于设立某某公祭日的决定。\n",
		[]string{"表决通过 全国人大常委会关于确定某某纪念日的决定", "表决通过 全国人大常委会关于设立某某公祭日的决定"})
}

// Those a release lists after the words (在主席台就座的还有：…; 出席会议的
// 还有) attended, as those it lists before 出席会议 do. The text is made
// up.
func TestAttendanceListAfter(t *testing.T) {
	m := extractOne(t, "a.txt", "十三届全国人大二次会议在京闭幕\n\n第十三届全国人民代表大会第二次会议15日上午在人民大会堂闭幕。闭幕会由大会主席团常务主席、执行主席甲乙丙主持。大会主席团常务主席、执行主席丁戊己、庚辛壬在主席台执行主席席就座。\n"+
		"在主席台就座的还有：赵一二、钱三四等。\n列席会议的有：孙五六。\n")
	var got []string
	for _, a := range m.Attendees {
		got = append(got, a.Name+" "+a.Role)
	}
	for _, want := range []string{"丁戊己 " + RolePresent, "庚辛壬 " + RolePresent, "赵一二 " + RolePresent, "钱三四 " + RolePresent, "孙五六 " + RoleObserver} {
		if !slices.Contains(got, want) {
			t.Errorf("attendees %q lack %q", got, want)
		}
	}
}

// What a resolution adopted says (决定批准这个报告，批准某预算) is not a
// decision besides it. The text is made up.
func TestResolutionContent(t *testing.T) {
	wantDecisions(t, "a.txt", "某届全国人大某次会议在京闭幕\n\n第某届全国人民代表大会第二次会议15日上午在人民大会堂闭幕。\n"+
		"会议表决通过了某次会议关于某年中央和地方预算的决议，决定批准关于某年预算的报告，批准某年中央预算；表决通过了某次会议关于某某工作报告的决议，决定批准这个报告。\n",
		[]string{"表决通过 某次会议关于某年中央和地方预算的决议", "表决通过 某次会议关于某某工作报告的决议"})
}

// A council's table of cases (案號 案由 審查意見 議決): a case asked consent
// for (…市有土地，擬依…處理，敬請 查照審議。) and passed is a decision on
// its first clause; a member's request passed under such a header is one
// however long its review; a number before 地號 is no case number. A 案由
// that sends something for notice (檢送X，請備查) is about X. The texts are
// made up.
func TestCouncilCaseTable(t *testing.T) {
	text := "某市議會第11屆第12次臨時大會第3次會議紀錄\n時間：中華民國102年1月9日下午2時\n主席：甲議長乙丙\n\n乙、二讀會\n壹、審議市府一般提案\n" +
		"案號    案由    審查意見    議    決    備註\n" +
		"11032   本市某某區某段一小段1044地號市有土地，擬依土地法第25條規定完成處分程序後依有關規定處理，敬請 查照審議。    同意。  照審查意見通過  \n" +
		"11086   為本府某局經管之某站聯合開發大樓公有不動產處分案，敬請  同意。 同意。    暫擱    \n\n" +
		"貳、審議議員提案\n案號    案由    審查意見    議    決    備註\n" +
		"11083   為維護市民安全，建請某市政府針對某快速道路案，向行政院表達嚴正反對意見。  本案於雙方未達共識前，請交通局正式發函某市政府暫停接續工程標案之發包，並於一個月內提出書面報告送本會參考。    照審查意見通過  \n"
	got := decisionsOf(extractOne(t, "a.txt", text))
	for _, want := range []string{"照審查意見通過 本市某某區某段一小段1044地號市有土地", "照審查意見通過 建請某市政府針對某快速道路案，向行政院表達嚴正反對意見"} {
		if !slices.Contains(got, want) {
			t.Errorf("decisions %q lack %q", got, want)
		}
	}
	if len(got) != 2 {
		t.Errorf("decisions = %q, want 2", got)
	}
	if got := caseMatter("檢送本市某某路段一覽表，請備查"); got != "本市某某路段一覽表" {
		t.Errorf("caseMatter = %q, want 本市某某路段一覽表", got)
	}
	if got := caseMatter("檢送「某市某中心場地使用管理規則」，請查照"); got != "某市某中心場地使用管理規則" {
		t.Errorf("caseMatter = %q, want the rule's name", got)
	}
}

// A list's marker opening an object is no part of the matter; a year in
// brackets is.
func TestObjectListMarker(t *testing.T) {
	m := &Minutes{Items: []Item{{Decisions: []Decision{
		{Verb: "送請市政府研究辦理", Object: "（二）社政類編號1至30，計30案"},
		{Verb: "照案通過", Object: "一、本會第1屆第6次臨時會議事日程"},
		{Verb: "同意辦理", Object: "(100)年度預算計新台幣2,322,611元整，擬先行墊付執行案"},
	}}}}
	dedupeDecisions(m)
	want := []string{"送請市政府研究辦理 社政類編號1至30，計30案", "照案通過 本會第1屆第6次臨時會議事日程", "同意辦理 (100)年度預算計新台幣2,322,611元整，擬先行墊付執行案"}
	if got := decisionsOf(m); !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// Minutes that run a table's labelled rows on as prose, several to a line
// and wrapped anywhere (編號：N 類別：X 案由：… 決議：…), resolve each row's
// 案由, not the line above the resolution. The text is made up.
func TestLabelledRows(t *testing.T) {
	text := "某市議會第1屆第3次定期大會第38次會議紀錄\n時間：中華民國101年5月24日上午9時\n主席：甲議長乙丙\n丙、討論事項\n二、三讀會 市政府法規提案\n" +
		"編號：10 類別：財經 案由：請審議制定「某市獎勵民間投資基金收支管理\n及運用自治條例」草案。 發言議員： 丁議員戊己 說明人員： \n" +
		"經濟發展局庚局長辛壬 決議：照案通過。 編號：11 類別：教育 案由：請審議修正「某市家長會設\n" +
		"置自治條例部分條文」草案。 決議：照案通過。 編號：12 類別：教育 案由：請審議制定「某市校車管理自治條例」草案。 發言議員： \n" +
		"癸議員子丑 說明人員： 教育局寅局長卯辰 決議：修正通過。 \n" +
		"編號：13 類別：教育 案由：請審議制定「某市公共藝術基金自治條例」草案。 決議：保留。\n"
	wantDecisions(t, "a.txt", text, []string{"照案通過 某市獎勵民間投資基金收支管理及運用自治條例", "照案通過 某市家長會設置自治條例部分條文", "修正通過 某市校車管理自治條例"})
}

// A legislature's chair who puts a case to be handled as the procedure
// committee proposes (對本案照程序委員會意見處理) decides no matter of its
// own; 對本案朝野協商結論 carries the conclusions. The text is made up.
func TestCaseHandledAsProposed(t *testing.T) {
	m := &Minutes{Items: []Item{{Decisions: []Decision{{Verb: "通過", Object: "本案照程序委員會意見"}, {Verb: "通過", Object: "某某條例"}}}}}
	dedupeDecisions(m)
	if got := decisionsOf(m); !slices.Equal(got, []string{"通過 某某條例"}) {
		t.Errorf("decisions = %q", got)
	}
	text := "立法院第6屆第5會期第2次會議紀錄\n時間：中華民國96年3月2日上午9時\n主席：甲院長乙丙\n" +
		"一、本院委員丁戊等提案，請審議案。\n主席：請問院會，對本案朝野協商結論有無異議？（無）無異議，通過。\n"
	if got := decisionsOf(extractOne(t, "a.md", text)); !slices.Contains(got, "通過 朝野協商結論") {
		t.Errorf("decisions = %q, want 通過 朝野協商結論", got)
	}
}

// A surname's character before a word of a document (和名单, 和报告), or
// before words of a sentence (任党的, 林明作了), is no name.
func TestNotNameEnd(t *testing.T) {
	for _, s := range []string{"和名单", "和报告", "林草案", "任党的", "陆是由", "林明作了"} {
		if isName(s) {
			t.Errorf("isName(%s) = true", s)
		}
	}
	for _, s := range []string{"和平", "林建国", "王名"} {
		if !isName(s) {
			t.Errorf("isName(%s) = false", s)
		}
	}
}

// A paragraph in which the meeting decides to convene another (会议决定于
// 2月2日上午召开某常委会第一次会议) is a decision, not the opening of this
// meeting. The text is made up.
func TestMeetingConvenesAnother(t *testing.T) {
	wantDecisions(t, "a.txt", "某省人大常委会举行第一次主任会议\n\n2月1日，某省人大常委会举行第一次主任会议。甲乙丙主持会议。\n\n"+
		"会议听取了关于某会议议程草案的汇报，决定于2018年2月2日上午召开某省人大常委会第一次会议，会期半天。\n",
		[]string{"决定 于2018年2月2日上午召开某省人大常委会第一次会议"})
	wantDecisions(t, "b.txt", "某届全国人大常委会第十次会议在京闭幕\n\n某届全国人大常委会第十次会议28日上午在北京人民大会堂闭幕。甲乙丙委员长主持。\n"+
		"会议表决通过了全国人大常委会关于召开某届全国人大二次会议的决定。\n",
		[]string{"表决通过 全国人大常委会关于召开某届全国人大二次会议的决定"})
	// The meeting named before its verb: the clauses follow the verb.
	wantDecisions(t, "c.txt", "某市人大常委会主任会议召开\n\n12月11日下午，某市人大常委会第32次主任会议召开，决定某市人大常委会第十七次会议12月22日召开。甲乙丙主持会议。\n",
		[]string{"决定 某市人大常委会第十七次会议12月22日召开"})
}

// The meeting a release reports is not the one it schedules (决定某届全国人大
// 常委会第五次会议…举行, 建议…于明年3月4日召开, 关于召开…的决定) nor the
// one it takes up (学习贯彻某届中央纪委第三次全会精神): their kinds, sessions
// and dates are theirs. The texts are made up, as news items with a title
// and a date.
func TestOtherMeetingsNamed(t *testing.T) {
	item := func(title, date, content string) string {
		b, _ := json.Marshal(map[string]string{"title": title, "pub_date": date, "content": content})
		return string(b)
	}
	for _, tc := range []struct {
		text string
		want Meeting
	}{
		{item("甲乙丙主持召开十二届全国人大常委会第十次委员长会议 决定十二届全国人大常委会第五次会议6月1日至3日在京举行", "2023-05-20",
			"十二届全国人大常委会第十次委员长会议20日上午在北京人民大会堂举行。甲乙丙委员长主持会议。会议决定，十二届全国人大常委会第五次会议6月1日至3日在北京举行。"),
			Meeting{Kind: "委员长会议", Term: 12, Session: 10, Date: "2023-05-20", PartOfDay: "上午"}},
		{item("某届全国人大常委会第七次会议在京闭幕", "2023-12-29",
			"某届全国人大常委会第七次会议29日下午在北京人民大会堂闭幕。甲乙丙委员长主持闭幕会。\n会议表决通过了全国人大常委会关于召开某届全国人大二次会议的决定。根据决定，某届全国人大二次会议于2024年3月5日在北京召开。"),
			Meeting{Kind: "常委会会议", Session: 7, Date: "2023-12-29", PartOfDay: "下午"}},
		{item("某政协主席会议建议明年3月4日召开某政协五届五次会议", "2021-12-24",
			"日前召开的某政协五届第六十四次主席会议，审议通过了关于召开某政协五届五次会议的决定（草案），建议某政协五届五次会议于明年3月4日在某地召开。会议还决定，明年3月1日至2日召开某政协五届常委会第二十次会议，为召开某政协五届五次会议作准备。"),
			Meeting{Kind: "主席会议", Term: 5, Session: 64, Date: "2021-12-24"}},
		{item("某党组召开会议 学习贯彻某届中央纪委第三次全会精神", "2014-01-16",
			"某党组15日召开会议，学习贯彻甲乙丙在某届中央纪委第三次全会上的重要讲话。甲乙丙主持会议。"),
			Meeting{Date: "2014-01-15"}},
	} {
		got := extractOne(t, "a.json", tc.text).Meeting
		got.Label = ""
		if got != tc.want {
			t.Errorf("%.60s: meeting %+v, want %+v", tc.text, got, tc.want)
		}
	}
}

// Frames may follow each other before the matter decided (根据…，对…修改
// 后，交付…表决); a matter left to a later meeting (提交…决定是否交付…) is no
// decision. The text is made up.
func TestFramesInARow(t *testing.T) {
	wantDecisions(t, "a.txt", "某届全国人大常委会第三次委员长会议在京举行\n\n某届全国人大常委会第三次委员长会议24日下午在北京人民大会堂举行。甲乙丙委员长主持会议。\n"+
		"会议听取了甲乙丁作的关于某法草案修改意见的汇报。\n委员长会议决定，根据常委会审议意见，对上述议案和草案作进一步审议修改后，交付某届全国人大常委会第二次会议闭幕会表决。\n",
		[]string{"决定 交付某届全国人大常委会第二次会议闭幕会表决"})
	wantDecisions(t, "b.txt", "某届全国人大常委会第九次委员长会议在京举行\n\n某届全国人大常委会第九次委员长会议24日下午在北京人民大会堂举行。甲乙丙委员长主持会议。\n"+
		"会议听取了甲乙丁作的关于某法草案修改意见的汇报。\n委员长会议确定，根据常委会会议的审议意见，对上述议案和草案作进一步审议修改后，提交第十次委员长会议决定是否交付某届全国人大常委会第三次会议闭幕会表决。\n",
		nil)
}

// A meeting of a kind names itself as the subject (委员长会议审议通过…);
// what it suggests (委员长会议建议，常委会会议审议…) is no decision. The
// text is made up.
func TestKindAsSubject(t *testing.T) {
	wantDecisions(t, "a.txt", "某届全国人大常委会第十次委员长会议在京举行\n\n某届全国人大常委会第十次委员长会议17日下午在北京人民大会堂举行。甲乙丙委员长主持会议。\n"+
		"委员长会议审议通过了全国人大常委会某某工作办法。\n委员长会议建议，常委会第五次会议审议《中华人民共和国和某国引渡条约》。\n",
		[]string{"审议通过 全国人大常委会某某工作办法"})
}

// A legislature's committee stage puts the bill's clauses (…納入本條例草案,
// 新訂的第8A條) and the amendments (以修正第1條): none is a decision of its
// own; the third reading, put long before its result (《某條例草案》予以三讀
// 並通過 … 上述待決議題 … 我宣布議案獲得通過), is. The text is made up.
func TestLegislatureBillStages(t *testing.T) {
	debate := strings.Repeat("甲議員：主席，我支持這項條例草案，因為市民需要它，這是很長的發言。\n", 600)
	text := "立法會會議過程正式紀錄\n2018年1月11日星期四\n主席：我現在向各位提出的待決議題是：經修正的第5及7條納入本條例草案。贊成的請舉手。\n" +
		"主席：我認為議題獲得在席委員以過半數贊成。我宣布議案獲得通過。\n" +
		"某局局長：主席，我動議講稿附錄我的修正案，以修正第1條。\n主席：我現在向各位提出的待決議題是：以修正第1條，予以通過。\n主席：我宣布議案獲得通過。\n" +
		"主席：政府法案：三讀。\n主席：我現在向各位提出的待議議題是：《某某(修訂)條例草案》予以三讀並通過。\n" + debate +
		"主席：我現在向各位提出上述待決議題。贊成的請舉手。\n主席：我認為議題獲得在席議員以過半數贊成。我宣布議案獲得通過。\n"
	wantDecisions(t, "a.txt", text, []string{"獲得通過 某某(修訂)條例草案"})
}

// A document named with what it follows (通过了根据某纲要制定的三个规划。) is
// the object, not a frame; 根据…的审议意见，… still frames. The text is made
// up.
func TestNamedAfterFrame(t *testing.T) {
	wantDecisions(t, "a.txt", "国务院总理甲乙丙主持召开国务院常务会议\n\n国务院总理甲乙丙11月15日主持召开国务院常务会议，通过了根据某某规划纲要制定的甲、乙、丙三个补短板的规划。\n",
		[]string{"通过 根据某某规划纲要制定的甲、乙、丙三个补短板的规划"})
}

// Names a record files are written with unified ideographs where the text
// has compatibility ones (李 U+F9E1, 臨 U+F9F6); the text stays as written.
// A council's kind read by the body that meets is written in the text's
// script. The text is made up.
func TestUnifiedForms(t *testing.T) {
	text := "某市議會第1屆第3次\uf9f6時會第1次會議紀錄\n時間：中華民國101年5月24日上午9時\n主席：\uf9e1議長甲乙\n一、報告事項\n"
	m := extractOne(t, "a.txt", text)
	if m.Meeting.Kind != "臨時會" {
		t.Errorf("kind = %q, want 臨時會 (U+81E8)", m.Meeting.Kind)
	}
	if m.Chair == nil || m.Chair.Name != "李甲乙" {
		t.Errorf("chair = %+v, want 李甲乙 (U+674E)", m.Chair)
	}
	if !strings.Contains(m.Text, "\uf9e1議長") {
		t.Errorf("text changed: %q", m.Text)
	}
	m = extractOne(t, "b.txt", "某市議會第11屆第1次定期大會預備會議暨第1次會議紀錄\n時間：中華民國99年12月25日\n主席：吳議長甲乙\n")
	if m.Meeting.Kind != "定期大會" {
		t.Errorf("kind = %q, want 定期大會", m.Meeting.Kind)
	}
}

// A chair label that names a committee's convener by surname, title and
// given name (由教育委員會第一召集人童議員燕珍及…分別主持) gives the whole
// name, and 由 is no part of a title. The names are made up.
func TestConvenerChair(t *testing.T) {
	for v, want := range map[string]string{
		"由教育委員會第一召集人周議員燕甲及第二召集人 林議員乙丙分別主持": "周燕甲",
		"保安委員會第一召集人徐議員子丑":                  "徐子丑",
		"由社政委員會第一召集人伊斯坦大‧貝雅夫‧正福議員及蕭議員分別主持": "伊斯坦大‧貝雅夫‧正福",
		"由王議長大山與李副議長小文分別主持":                "王大山",
	} {
		got, ok := parsePerson(v)
		if !ok || got.Name != want || strings.HasPrefix(got.Title, "由") {
			t.Errorf("parsePerson(%s) = %+v, want %s, a title without 由", v, got, want)
		}
	}
}

// A council's members' motions, sent on by class in a list (（一）民政類編號
// 1至20，計20案 ⏎ 決議：…): an entry run on after the sentence before it, as
// a PDF joins lines, is the matter, not the sentence or a 案由 resolved
// above it; a resolution that excepts some cases (除編號第8號案…外；其餘送
// 請市政府研究辦理) is the result that closes it; a marker whose numeral is
// a compatibility ideograph (六 U+F9D1, as Big5 conversions leave it) is
// no part of the matter. The names are made up.
func TestCouncilMotionsByClass(t *testing.T) {
	text := "某市議會第1屆第5次定期大會第3次會議紀錄\n丙、討論事項\n一、三讀會\n" +
		"編號：4 類別：交通案由：請審議制定「某市某水域管理自治條例」草案。\n" +
		"說明人員： 觀光局王局長大山 決議：修正通過。附帶建議：觀光局對第四條之範\n" +
		"圍妥為規劃。 二、審議議員提案 （一）民政類編號 1至20，計20案\n" +
		"決議：除編號第8號案由本會轉請中央主管機關研究辦理外；其餘送請市政府研究辦理。\n" +
		"（\uF9D1）交通類編號 1至28，計28案\n" +
		"決議：送請市政府研究辦理。\n"
	got := decisionsOf(extractOne(t, "council.txt", text))
	want := []string{"送請市政府研究辦理 民政類編號1至20，計20案", "送請市政府研究辦理 交通類編號1至28，計28案"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
}

// Entries of a list resolved one after another on one line, as a PDF runs
// them on (（一）教育類編號：1至3，計3案 決議：送請市政府研究辦理。 （二）…),
// are a decision each, on the entry its label follows; a resolution that
// passes the rest of its cases on (其餘3案送請市政府研究辦理) has that
// result. The names are made up.
func TestEntriesResolvedOnOneLine(t *testing.T) {
	text := "某市議會第1屆第7次臨時會第8次會議紀錄\n主 席：王議長大山 記 錄：李小文 甲、報告事項\n" +
		"一、主席宣告開會。 乙、討論事項 二讀會 一、審議議員提案 （一）教育類編號：1至3，計3 案 決議：送請市政府研究辦理。 （二）農林類編號：1，計1 案\n" +
		" 決議：送請市政府研究辦理。 （三）工務類編號：1至4，計4 案       決議：除編號第 1號案同意成立「某監督小組」外，其餘3案送請市政府研究辦理。\n" +
		"丙、散會：下午4時。\n"
	got := decisionsOf(extractOne(t, "council.txt", text))
	slices.Sort(got)
	// A number in brackets inside a phrase, another body's resolution
	// quoted, a bill's clauses with its rider and a resolution cited by
	// its number open no entry.
	text2 := "立法院第4屆第2會期第10次會議紀錄\n" +
		"二、經提本（八十八）年十二月二十三日本院第二六六一次會議決議：「修正通過，送請立法院審議。」\n" +
		"(六)第七條之二、第八十七條之二及附帶決議：按審查會審查結果通過。\n" +
		"162. 本院交通委員會函，為院會交付處理某部預算之決議 (二十三)，凍結「某某經費」1,500萬元四分之一案，業經決議：原凍結四分之一修正為五分之一，請查照案。\n"
	p := newPage(text2)
	for k := range p.lines {
		if ds := runOnResolutions(p, k, -1); len(ds) > 0 {
			t.Errorf("line %d: run-on resolutions %v, want none", k, ds)
		}
	}
	want := []string{"送請市政府研究辦理 工務類編號：1至4，計4案", "送請市政府研究辦理 教育類編號：1至3，計3案", "送請市政府研究辦理 農林類編號：1，計1案"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
}

// The votes taken on the way to a resolution (a member's motion, 案經主席就…
// 提付記名表決，…贊成議員：…, a second count) are no matter: the resolution is
// on the matter headed above them. The names are made up.
func TestResolutionAfterVotes(t *testing.T) {
	text := "某市議會第11屆第3次定期大會第2次會議紀錄\n丙、二讀會\n壹、審議市法規案\n" +
		"一、審議「某市政府某局組織規程及編制表」修正案\n王大山議員提議：「反對法規委員會對於本案第9條之審查意見」。\n" +
		"案經主席就王大山議員提議徵求附議成立後提付記名表決，在場議員含主席50位，主席不參加表決，贊成議員：李小文、張大同，計2位；反對議員：陳小明，計1位。\n\n" +
		"有部分議員對於前項表決結果認有疑問，提議再表決。案經主席就部分議員提議再提付表決，在場議員含主席50位，贊成議員：李小文，計1位。\n" +
		"議決：照審查意見通過。\n"
	got := decisionsOf(extractOne(t, "council.txt", text))
	if want := []string{"照審查意見通過 某市政府某局組織規程及編制表"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
	// A member's motion that heads its line, voted on there, is what the
	// house resolved.
	text = "某市議會第11屆第6次臨時大會第2次會議紀錄\n乙、其他事項\n" +
		"壹、王大山議員提議：「本次臨時大會7月8日下午分組審查議程，更改為大會會議議程。」案經主席就王大山議員提議徵求附議成立後提付記名表決，在場議員含主席36位，贊成議員：李小文，計1位。\n" +
		"議決：維持原議程。\n"
	got = decisionsOf(extractOne(t, "council.txt", text))
	if want := []string{"維持原議程 本次臨時大會7月8日下午分組審查議程，更改為大會會議議程"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A standing committee's closing sitting that adopts by a unanimous vote
// (会议经表决，全票通过新修订的《A》、新修订的《B》) decides each title, as
// revised; a draft examined at one sitting and adopted at the next is one
// decision, where it was first named, with the verb that adopted it. The
// titles are made up.
func TestAdoptedByVote(t *testing.T) {
	text := "某届全国人大常委会第某次会议在京闭幕\n\n" +
		"央视网消息：某届全国人大常委会第二十次会议30日上午在北京人民大会堂闭幕。某某某委员长主持闭幕会。" +
		"会议经表决，全票通过新修订的《某某法附件一某某产生办法》、新修订的《某某法附件二某某产生办法》。\n"
	got := decisionsOf(extractOne(t, "news.txt", text))
	if want := []string{"通过 某某法附件一某某产生办法", "通过 某某法附件二某某产生办法"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
	text = "某届全国人大常委会第某次会议举行第三次全体会议和闭幕会\n\n" +
		"央视网消息：某届全国人大常委会第二十次会议30日举行第三次全体会议和闭幕会。某某某委员长出席会议。\n" +
		"30日下午，常委会第二十次会议举行第三次全体会议。会议审议了委员长会议关于提请审议《某某关于增加某某附件的决定（草案）》的议案。\n" +
		"30日下午，常委会第二十次会议举行闭幕会。会议经表决，全票通过了《某某关于增加某某附件的决定》。\n"
	got = decisionsOf(extractOne(t, "news.txt", text))
	if want := []string{"通过 某某关于增加某某附件的决定（草案）"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// What a member asks the city for (五、某議員要求：⏎請市府提供：…局務會議
// 通過時程及預算數。) decides nothing; the chair's ruling on it does. The
// names are made up.
func TestMemberRequestDecidesNothing(t *testing.T) {
	text := "某市議會第1屆第13次臨時會第1次會議紀錄\n戊、主席裁定事項\n一、王議員大山要求：\n" +
		"請市府提供：1、某計畫執行情形。2、102年度成立之二級機關組織章程、市政、局務會議通過時程及103年度預算數。\n" +
		"主席裁定：請於102年9月5日開會前送會。\n散會：17時30分\n"
	got := decisionsOf(extractOne(t, "council.txt", text))
	if want := []string{"主席裁定 請於102年9月5日開會前送會"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A legislature's member's motion whose question names only its mover (何某
// 議員動議的議案，予以通過) carries what the agenda's heading moves: the
// matter of a proposed resolution under an ordinance (第一項議員議案：根據
// 《釋義及通則條例》就X而動議的擬議決議案 → X). The text is made up.
func TestMotionByItsHeading(t *testing.T) {
	text := "立法會會議過程正式紀錄\n2013年11月20日星期三\n代理主席：議員議案。今次會議共有2項議員議案。\n" +
		"第一項議員議案：根據《釋義及通則條例》就延展於2013年10月30日提交本會省覽的《某某管制規例》的修訂期限而動議的擬議決議案。\n" +
		"我現在請甲議員發言及動議議案。\n甲議員：代理主席，我謹動議議案，議案內容已載列於議程內。\n" +
		"代理主席：我現在向各位提出的待決議題是：甲議員動議的議案，予以通過。現在付諸表決，贊成的請舉手。\n" +
		"代理主席：我認為議題獲得在席議員以過半數贊成。我宣布議案獲得通過。\n"
	got := decisionsOf(extractOne(t, "legco.txt", text))
	if want := []string{"獲得通過 延展於2013年10月30日提交本會省覽的《某某管制規例》的修訂期限"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
	// The chair reads the proposed resolution out as a sentence of its
	// own, after 議員議案。, and the announcement follows the vote.
	text = "立法會會議過程正式紀錄\n2018年2月28日星期三\n主席：議員議案。 根據《釋義及通則條例》就延展於2018年2月7日提交本會省覽的《某某條例(修訂附表1)令》的修訂期限而動議的擬議決議案。 我請乙議員發言及動議議案。\n" +
		"乙議員：主席，我動議通過印載於議程內的議案。\n" +
		"主席：我認為議題獲得經由功能團體選舉產生及分區直接選舉產生的兩部分在席議員，分別以過半數贊成。我宣布議案獲得通過。\n"
	got = decisionsOf(extractOne(t, "legco.txt", text))
	if want := []string{"獲得通過 延展於2018年2月7日提交本會省覽的《某某條例(修訂附表1)令》的修訂期限"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// The bodies named in the business a chairmen's meeting proposes for a
// session (委员长会议建议，常委会第五次会议审议…；审议国务院关于…的议案;
// 建议的…会议议程还有：…) act in that session, not in the meeting reported;
// a body whose report the meeting itself examined does, and so do the
// bodies whose heads report (…代表资格审查委员会和办公厅研究室负责人就…作了汇报),
// but not a kind of body (有关…、工作委员会). The names are made up.
func TestProposedAgendaBodies(t *testing.T) {
	text := "某届全国人大常委会第十次委员长会议在京举行\n\n" +
		"央视网消息：某届全国人大常委会第十次委员长会议22日在北京人民大会堂举行。某某某委员长主持会议。\n" +
		"委员长会议建议，某届全国人大常委会第五次会议审议某某法修订草案；审议国务院关于提请审议某某法草案的议案。\n" +
		"委员长会议建议的常委会第五次会议议程还有：听取和审议全国人大常委会代表资格审查委员会关于个别代表的代表资格的报告。\n" +
		"委员长会议建议，常委会第五次会议继续审议某某法修正案草案；审议最高人民法院关于提请审议某某决定草案的议案。\n" +
		"委员长会议还审议了全国人大财政经济委员会关于某某分析会的情况报告。\n" +
		"全国人大常委会有关副秘书长，全国人大有关专门委员会、工作委员会、常委会代表资格审查委员会和办公厅研究室负责人就常委会第五次会议有关议题作了汇报。\n"
	m := extractOne(t, "news.txt", text)
	for _, d := range []string{"国务院", "全国人大常委会代表资格审查委员会", "最高人民法院"} {
		if slices.Contains(m.Departments, d) {
			t.Errorf("departments = %q: %s acts in the session proposed", m.Departments, d)
		}
	}
	for _, d := range []string{"全国人大财政经济委员会", "常委会代表资格审查委员会", "办公厅研究室"} {
		if !slices.Contains(m.Departments, d) {
			t.Errorf("departments = %q, want %s, whose report was examined or whose head reported", m.Departments, d)
		}
	}
	if slices.Contains(m.Departments, "工作委员会") {
		t.Errorf("departments = %q: 工作委员会 names a kind of body, not one", m.Departments)
	}
}

// A release that adopts a decision amending and repealing regulations
// (审议通过《国务院关于修改和废止部分行政法规的决定（草案）》) and then says
// what it does (会议决定，对《某条例》等9部行政法规的部分条款予以修改，对《某
// 规定》等2部行政法规予以废止) decides once: the second sentence is the
// decision's content. The titles are made up.
func TestAmendingDecisionRestated(t *testing.T) {
	text := "某某某主持召开国务院常务会议\n" +
		"国务院总理某某某1月16日主持召开国务院常务会议，部署做好某某有关工作，审议通过《国务院关于修改和废止部分行政法规的决定（草案）》。\n" +
		"会议指出，要做好某某工作。\n" +
		"会议决定，对《某某绿化条例》等9部行政法规的部分条款予以修改，对《某某管理条例》等2部行政法规予以废止。\n"
	got := decisionsOf(extractOne(t, "release.txt", text))
	want := []string{"部署 做好某某有关工作", "审议通过 国务院关于修改和废止部分行政法规的决定（草案）"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A council motion carried (…提：延長開會時間，俟…再行散會，請 同意。（無
// 異議通過）) is its matter, without the request's form however a PDF broke
// its words, and without the layout's spaces. The names are made up.
func TestMotionWithoutRequest(t *testing.T) {
	text := "某市議會第1屆第3次定期大會第8次會議紀錄\n乙、其他事項\n" +
		"一、主席王議長大山於下午6時提：延 長開會時間 ，    俟李議員小文質詢完畢後再行散會，請 同\n意。（無異議通過）\n"
	got := decisionsOf(extractOne(t, "council.txt", text))
	if want := []string{"無異議通過 延長開會時間，俟李議員小文質詢完畢後再行散會"}; !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// A final accounts' or budget's review unit by unit (三、教育委員會所屬部門⏎
// 教育局主管⏎某某館⏎議決：照審查意見通過。) settles parts of one matter: no
// unit is a decision, however its name ends. The names are made up.
func TestUnitsOfAReview(t *testing.T) {
	text := "某市議會第11屆第1次臨時大會第2次會議紀錄\n丙、討論事項\n壹、審議98年度某市地方總決算審核報告\n" +
		"三、教育委員會所屬部門\n市政府主管\n新聞處\n議決：照審查意見通過。\n教育局主管\n教育局\n議決：照審查意見通過。\n" +
		"某某兒童育樂中心\n議決：照審查意見通過。\n某某體育場\n議決：照審查意見通過。\n某某高中\n議決：照審查意見通過。\n"
	if got := decisionsOf(extractOne(t, "council.txt", text)); len(got) != 0 {
		t.Errorf("decisions = %q, want none", got)
	}
}

// A word of business inside a body's name (运动会筹备委员会, 发展研究中心)
// names the meeting's own body, not its business: the kind and session
// are read. A clause that asks more after the result (照案通過，並請市政府
// 研究辦理) leaves the result the verb. The names are made up.
func TestBusinessWordInABodysName(t *testing.T) {
	m := extractOne(t, "news.txt", "第十五届某某运动会筹备委员会第三次全体会议召开\n\n新华社电 第十五届某某运动会筹备委员会第三次全体会议5日在某市召开。王大山主持会议。会议审议通过了《某某方案》。\n")
	if m.Meeting.Kind != "全体会议" || m.Meeting.Session != 3 {
		t.Errorf("kind %q, session %d; want 全体会议, 3", m.Meeting.Kind, m.Meeting.Session)
	}
	if got := closingResult("照案通過，並請市政府研究辦理"); got != "照案通過，並請市政府研究辦理" {
		t.Errorf("closingResult = %q, want the whole resolution (its last clause asks more)", got)
	}
	if got := closingResult("除編號第8號案外；其餘送請市政府研究辦理"); got != "送請市政府研究辦理" {
		t.Errorf("closingResult = %q, want 送請市政府研究辦理", got)
	}
}

// In minutes that run a table's labelled rows on as prose, a budget
// settled department by department (決議：歲入部門－（總）表12第33頁至第42頁：
// 照案通過。…) decides nothing yet, as on a line of its own. The names are
// made up.
func TestLabelledRowBudgetBySection(t *testing.T) {
	text := "某市議會第1屆第4次定期大會第46次會議紀錄\n丙、討論事項\n" +
		"編號：1 類別：財經 案由：請審議103年度某市地方總預算案暨附屬單位預算及綜計表。 說明人員： 工務局楊局長大明 決議：歲入部門－\n" +
		"      （總）表12第33頁至第 42頁 \n 規費收入 \n工務局：擱置。 社會局：照案通過。\n" +
		"編號：2 類別：民政 案由：請審議制定「某市某某自治條例」草案。 決議：照案通過。\n" +
		"編號：3 類別：民政 案由：請審議修正「某市某某辦法」草案。 決議：修正通過。\n"
	got := decisionsOf(extractOne(t, "council.txt", text))
	want := []string{"照案通過 某市某某自治條例", "修正通過 某市某某辦法"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q, want %q", got, want)
	}
}

// An official's answer announced in parts (我的答覆如下：⏎(一) …⏎(二) 由某署
// 管轄的…，由某某署發布…) is his speech: the bodies it names do not act in the
// sitting. A resolution in parts (議決：⏎（一）…) is no speech. The names are
// made up.
func TestAnswerInParts(t *testing.T) {
	text := "立法會會議過程正式紀錄\n2013年11月20日星期三\n" +
		"甲議員：主席，當局會否量度私家車泊車位是否符合標準？\n" +
		"某某及房屋局局長：主席，在審核發展新項目建議時，某某署會審視區內的泊位供求及交通情況，就泊位數目提供意見。\n" +
		"就甲議員的質詢，經徵詢某某局後，我的答覆如下：\n" +
		"(一) 現時全港私人及公眾停車場的私家車泊車位數目，分別是約45萬個及18萬個。\n" +
		"(二) 由某某運輸署管轄的公眾停車場，其泊位均已參考當時的準則設計，以及由某某屋宇署發布相關的作業備考，以適當設計私人停車場。\n"
	m := extractOne(t, "legco.txt", text)
	for _, d := range m.Departments {
		if strings.Contains(d, "屋宇署") || strings.Contains(d, "運輸署") {
			t.Errorf("departments = %q: a body named in an answer does not act", m.Departments)
		}
	}
	text = "某市議會第11屆第4次定期大會第20次會議紀錄\n丙、二讀會\n" +
		"王議員大山：主席，本席對這個工程的預算有很多意見，請市府說明清楚。\n　　議決：\n" +
		"（一）  總工程費准列1元，本年度預算准列1元。\n（二）  增列附帶決議，俟自治條例通過後優先辦理。\n\n" +
		"  五、民政委員會所屬部門\n"
	if m := extractOne(t, "council.txt", text); !slices.Contains(m.Departments, "民政委員會") {
		t.Errorf("departments = %q, want 民政委員會: a resolution's parts are no speech", m.Departments)
	}
}

// In a release's opening list, the purpose set after a measure with 、
// (确定X措施、支持小微企业发展) is no part of the decision, as the purpose
// set after a comma is not; parts that make up the name of the measures
// (优化外汇管理、促进跨境贸易便利化12条措施) stay together. The text is made
// up.
func TestPurposeAfterMeasure(t *testing.T) {
	text := "李某主持召开国务院常务会议\n\n国务院总理李某2月25日主持召开国务院常务会议，确定进一步减税降费措施、支持小微企业发展和创业创新，部署加快重大水利工程建设、以公共产品投资促进稳增长调结构，确定了优化外汇管理、促进跨境贸易投资便利化12条措施。\n"
	wantDecisions(t, "news.txt", text, []string{"确定 进一步减税降费措施", "部署 加快重大水利工程建设", "确定 优化外汇管理、促进跨境贸易投资便利化12条措施"})
}

// A CPPCC standing committee's personnel acts are decisions each: those
// added (增补) to a post, each appointee with a post of their own (任命甲为
// X、乙为Y), someone relieved of a post (某某不再担任X, filed by the post,
// though an appointment names the same post), and a resignation accepted
// (接受某某请辞…); appointees who share a post are one act, and 接受 that
// accepts no resignation is no verb. The names are made up.
func TestPersonnelActs(t *testing.T) {
	text := "政协某届全国委员会常务委员会第五次会议在京闭幕\n\n" +
		"央视网消息：政协某届全国委员会常务委员会第五次会议1日在京闭幕。某某主席主持闭幕会。\n" +
		"会议经过表决，增补甲一、乙二三为某届全国政协委员；任命乙二三为某某委员会驻会副主任、丙四为某甲委员会驻会副主任，丁五不再担任某某委员会驻会副主任。会议接受戊六请辞全国政协委员，接受新闻媒体采访。\n"
	wantDecisions(t, "news.txt", text, []string{
		"增补 甲一、乙二三为某届全国政协委员", "任命 乙二三为某某委员会驻会副主任", "任命 丙四为某甲委员会驻会副主任",
		"不再担任 某某委员会驻会副主任", "接受 戊六请辞全国政协委员",
	})
}

// A standing committee's closing sitting decides by vote: an appointment
// (任命某某为…) is a decision as written, each appointee listed on after
// the verb too (，丁某某为…), and the bodies the appointees are put at (…部
// 部长, …委员会副主任委员) do not act in the sitting; documents voted on
// together and counted (关于批准A、B、C等三个决定) are a decision each, a
// document is filed without the 等 after it (列席人员名单等), and what a
// standing committee ratifies (追认…的决定) is a decision. The names are
// made up.
func TestAppointmentsVoted(t *testing.T) {
	text := "某届全国人大常委会第九次会议在京闭幕\n\n" +
		"央视网消息：某届全国人大常委会第九次会议27日上午在北京人民大会堂闭幕。某某某委员长主持会议。\n" +
		"会议经表决，通过了全国人大常委会关于修改某某法的决定。决定免去甲某某的某某建设部部长职务，任命乙某某为某某建设部部长。\n" +
		"会议分别表决通过了全国人大常委会关于批准中国和甲国引渡条约、中国和乙国司法协助条约、中国和丙国友好合作条约等三个决定。\n" +
		"会议经表决，任命丙某某为全国人大某某委员会副主任委员，丁某某为全国人大某某监督委员会委员。\n" +
		"会议表决通过了某届全国人大某次会议议程草案；表决通过了某届全国人大某次会议列席人员名单等。\n" +
		"会议追认关于免去戊某某某委员会副主任职务的决定、关于撤销己某某委员资格的决定。\n"
	m := extractOne(t, "news.txt", text)
	want := []string{
		"通过 全国人大常委会关于修改某某法的决定", "决定 免去甲某某的某某建设部部长职务", "任命 乙某某为某某建设部部长",
		"表决通过 全国人大常委会关于批准中国和甲国引渡条约", "表决通过 中国和乙国司法协助条约", "表决通过 中国和丙国友好合作条约",
		"任命 丙某某为全国人大某某委员会副主任委员", "任命 丁某某为全国人大某某监督委员会委员",
		"表决通过 某届全国人大某次会议议程草案", "表决通过 某届全国人大某次会议列席人员名单",
		"追认 关于免去戊某某某委员会副主任职务的决定", "追认 关于撤销己某某委员资格的决定",
	}
	if got := decisionsOf(m); !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
	for _, d := range m.Departments {
		if strings.Contains(d, "某某") {
			t.Errorf("departments = %q: an appointee's post acts in the sitting", m.Departments)
		}
	}
}

// A list in figures under items numbered in words (三、今日議程：1、…⏎2、…⏎
// 4、討論議案。) is part of its item, though its count meets theirs; and a
// resolution that sends a matter to a committee with another (併某議員所提
// 「…」交付法規審查委員會審查) or back to it decides nothing. The names are
// made up.
func TestListInFiguresUnderItems(t *testing.T) {
	text := "某市議會第1屆第11次臨時會第1次會議摘要紀錄\n" +
		"時  間：中華民國102年1月21日15時2分\n" +
		"甲、報告事項\n" +
		"一、出席已達法定人數。\n" +
		"二、宣布開會。\n" +
		"三、今日議程：1、三讀議案第一讀會。\n" +
		"2、三讀議案第二讀會。\n" +
		"3、三讀議案第三讀會。\n" +
		"4、討論議案。\n" +
		"乙、三讀議案第一讀會\n" +
		"一、案由：為修正「某市政府組織自治條例」第二條，提請審議。\n" +
		"決議：併某議員某某等17人所提「某市政府組織自治條例修正案」交付法規審查委員會審查。\n" +
		"二、案由：為制定「某市公園管理自治條例」，提請審議。\n" +
		"決議：照審查意見通過。\n"
	m := extractOne(t, "minutes.txt", text)
	var titles []string
	for _, it := range m.Items {
		titles = append(titles, it.Title)
	}
	want := []string{"出席已達法定人數", "宣布開會", "今日議程：1、三讀議案第一讀會", "案由：為修正「某市政府組織自治條例」第二條，提請審議", "案由：為制定「某市公園管理自治條例」，提請審議"}
	if !slices.Equal(titles, want) {
		t.Errorf("items = %q\nwant %q", titles, want)
	}
	if got := decisionsOf(m); !slices.Equal(got, []string{"照審查意見通過 某市公園管理自治條例"}) {
		t.Errorf("decisions = %q, want the adopted rule alone", got)
	}
}

// A release's opening may adopt titles and then a document it names
// unquoted (通过《A》和提请全国人大常委会授权…的决定草案): each is a
// decision, the document as written. The names are made up.
func TestTitlesAndDocument(t *testing.T) {
	text := "国务院常务会议\n\n央视网消息：国务院总理某某某12月2号主持召开国务院常务会议，听取某某汇报；部署在多地开展某某试点，提升某某能力;" +
		"通过《中华人民共和国某某法修正案(草案)》和提请全国人大常委会授权国务院在部分行政区域暂时调整实施有关法律规定的决定草案。\n"
	got := decisionsOf(extractOne(t, "a.txt", text))
	want := "通过 提请全国人大常委会授权国务院在部分行政区域暂时调整实施有关法律规定的决定草案"
	if !slices.Contains(got, want) || len(got) != 3 {
		t.Errorf("decisions = %q, want the title and %q besides 部署", got, want)
	}
}

// A photograph's caption (…主持召开某会议。 新华社记者 某某 摄) is a line of
// its own: the paragraph below does not run on from it, so the meeting
// stays the subject of its sentence and every decision there is read. The
// names are made up.
func TestCaptionEndsItsLine(t *testing.T) {
	text := "某某主持召开全国政协第六十七次主席会议\n新华社北京12月15日电 全国政协主席某某某15日下午主持召开全国政协第六十七次主席会议。会议决定2018年1月召开全国政协十二届常委会第二十四次会议。\n" +
		"12月15日,全国政协主席某某某在北京主持召开全国政协第六十七次主席会议。 新华社记者 某某 摄\n" +
		"会议审议通过某某办法(草案),原则通过《某某工作报告(草案)》。\n"
	got := decisionsOf(extractOne(t, "a.txt", text))
	if !slices.Contains(got, "审议通过 某某办法(草案)") {
		t.Errorf("decisions = %q, want 审议通过 某某办法(草案) among them", got)
	}
}

// A congress's presidium elects and chooses (会议首先推选出…常务主席; 选举了…
// 主席团和秘书长): each is a decision, the verb as written, also after 首先.
// The names are made up.
func TestPresidiumElects(t *testing.T) {
	text := "某省十三届人大六次会议主席团举行第一次会议\n\n本报讯 某省十三届人大六次会议主席团第一次会议1月20日下午在某地举行。\n" +
		"会议首先推选出省十三届人大六次会议主席团常务主席。会议经表决，通过了省十三届人大六次会议日程。\n" +
		"会议采取电子表决的方式,选举了省十三届人大六次会议主席团和秘书长。\n"
	got := decisionsOf(extractOne(t, "a.txt", text))
	for _, want := range []string{"推选 省十三届人大六次会议主席团常务主席", "选举 省十三届人大六次会议主席团和秘书长"} {
		if !slices.Contains(got, want) {
			t.Errorf("decisions = %q, lack %q", got, want)
		}
	}
}

// In a record of the National People's Congress's standing committee, the
// State Council sends bills and reports that its ministers present: a clerk
// files the ministry that reports, not the government above it. The names
// are made up.
func TestStateCouncilBeforeCongress(t *testing.T) {
	text := "某届全国人大常委会第十次会议在京举行\n\n央视网消息：某届全国人大常委会第十次会议22日在北京人民大会堂举行。某某某委员长主持会议。\n" +
		"会议审议了国务院关于某年度国有资产管理情况的综合报告。会议听取了教育部部长某某某作的关于某某工作情况的报告。\n"
	m := extractOne(t, "news.txt", text)
	if slices.Contains(m.Departments, "国务院") || !slices.Contains(m.Departments, "教育部") {
		t.Errorf("departments = %q, want 教育部 and not 国务院", m.Departments)
	}
}

// A chair's motion carried, as a Kaohsiung record prints it: its request
// (請 同意案) decides nothing of itself, a result may say the motion was
// seconded first (（經在場議員附議後，無異議通過）), the motion after its reasons
// is what the chair proposes (…，建議成立專案調查小組), and a bureau named
// after 俟 (until) is the bureau. A proposal withdrawn (同意撤回) leaves its
// matter undecided. The names are made up.
func TestChairMotionsCarried(t *testing.T) {
	text := "某市議會第1屆第1次定期大會第37次會議紀錄\n日 期：中華民國100年5月30日上午8時31分\n主 席：某議長大源\n" +
		"丁、決定事項\n" +
		"一、主席某議長大源於下午5時54分提：擬延長開會時間，俟文化局業務質詢完畢後再行散會，請 同意案。 （無異議通過）\n" +
		"二、主席某議長大源於下午5時59分提：經綜合多位議員意見，為落實監督「某某園區」整治進度，建議成立專案調查小組，請同意案。 （經在場議員附議後，無異議通過）\n" +
		"戊、一讀會\n案號    案由    議    決    備註\n" +
		"11132   建請將某某山規劃為「某某運動公園」，俾提供市民戶外運動場所案。  同意撤回    發言議員：\n"
	m := extractOne(t, "council.txt", text)
	want := []string{"無異議通過 延長開會時間，俟文化局業務質詢完畢後再行散會", "無異議通過 成立專案調查小組"}
	if got := decisionsOf(m); !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
	for _, d := range m.Departments {
		if strings.HasPrefix(d, "俟") {
			t.Errorf("departments = %q: %s holds the word before it", m.Departments, d)
		}
	}
}

// In a bill's reading article by article, the vote on one article (贊成本條
// 照審查條文通過者請按「贊成」…表決結果：…多數，通過) is part of the reading,
// not a decision of its own. The bills are made up.
func TestArticleVotes(t *testing.T) {
	text := "立法院第7屆第7會期第6次會議紀錄\n時間：中華民國100年4月1日（星期五）上午9時\n主席：王院長大平\n" +
		"討論事項\n一、本院某委員會報告審查「某某法部分條文修正草案」案。\n" +
		"主席：贊成本條照審查條文通過者請按「贊成」，反對者請按「反對」，現在進行記名表決。\n" +
		"主席：報告表決結果：在場委員八十五人，贊成者六十人，反對者二十五人，贊成者多數，通過。\n" + threeSpeeches
	if got := decisionsOf(extractOne(t, "ly.md", text)); len(got) != 0 {
		t.Errorf("decisions = %q, want none", got)
	}
}

// In a release's opening list, a clause that goes on with 再 (决定出台A，再
// 取消一批B，听取…) is a further measure under the same decision; 再次
// (again) is a link before a verb of its own (再次讨论并通过《A》). The
// matters are made up.
func TestFurtherMeasureInTheOpening(t *testing.T) {
	text := "国务院常务会议\n\n央视网消息：国务院总理某某某今天主持召开国务院常务会议，决定出台严格控制新设某某的措施，再取消一批某某评估项目，听取对某某情况的汇报。\n" +
		"会议再次讨论并通过《某某安全规划》。\n"
	got := decisionsOf(extractOne(t, "a.txt", text))
	want := []string{"决定 出台严格控制新设某某的措施", "决定 再取消一批某某评估项目", "讨论并通过 某某安全规划"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
}

// A line of bare names that ran a name into an indigenous name written with
// a dot (李全文瓦歷斯．貝林) is split into the two. The names are made up.
func TestRunTogetherDottedName(t *testing.T) {
	parts := []chunk{{text: "柯建民"}, {text: "李全文瓦歷斯．貝林"}, {text: "蘇盈正"}}
	var got []string
	for _, c := range splitRunTogether(parts) {
		got = append(got, c.text)
	}
	if want := []string{"柯建民", "李全文", "瓦歷斯．貝林", "蘇盈正"}; !slices.Equal(got, want) {
		t.Errorf("splitRunTogether = %q, want %q", got, want)
	}
}

// An appointment runs over the appointees listed after it, not over a clause
// of another kind: the body a task is then given to acts (任命某某为某局局长，
// 由某部按程序办理); a removal before a later appointment is read too. The
// names are made up.
func TestAppointmentEnds(t *testing.T) {
	text := "国务院常务会议\n\n央视网消息：国务院总理某某某今天主持召开国务院常务会议。\n" +
		"会议决定免去甲某某的商务部部长、乙某某的教育部部长职务。会议决定任命丙某某为商务部部长。\n" +
		"会议决定任命丁某某为国家统计局局长，由人力资源社会保障部按程序办理。\n"
	m := extractOne(t, "a.txt", text)
	for _, d := range []string{"商务部", "教育部", "国家统计局"} {
		if slices.Contains(m.Departments, d) {
			t.Errorf("departments = %q: %s is an appointee's post", m.Departments, d)
		}
	}
	if !slices.Contains(m.Departments, "人力资源社会保障部") {
		t.Errorf("departments = %q, want 人力资源社会保障部, given a task", m.Departments)
	}
}

// 选举 elects (选举了…主席团) and 任命 appoints, but each as often opens a
// noun (选举法, 选举工作, 任命书): a clause that opens with such a noun is
// no election or appointment. The names are made up.
func TestElectionNouns(t *testing.T) {
	text := "国务院常务会议\n\n央视网消息：国务院总理某某某今天主持召开国务院常务会议，决定某某事项，选举工作要依法进行。\n" +
		"会议表决通过了关于某某的决定，选举法修正案草案提请下次会议审议。\n" +
		"会议表决通过了某某人事事项，任命书由主任会议颁发。\n"
	for _, d := range decisionsOf(extractOne(t, "a.txt", text)) {
		if strings.HasPrefix(d, "选举 ") || strings.HasPrefix(d, "任命 ") {
			t.Errorf("decision %q: the verb opens a noun there", d)
		}
	}
}

// A CPPCC standing committee's closing sitting (闭幕会通过了…) decides as a
// meeting does, and what it passes in one list is a decision each, however
// the list mixes 和 and 、 (关于召开…的决定和会议议程(草案)、日程(草案);
// 常务委员会工作报告、关于提案工作情况的报告和…章程修正案(草案)); 再次 and a
// measure that is no verb of its own goes on under the decision before it.
// The names are made up.
func TestCPPCCClosingLists(t *testing.T) {
	text := "某届全国政协常委会某次会议闭幕\n\n央视网消息：政协某届全国委员会常务委员会第二十五次会议17日上午在京闭幕。\n" +
		"闭幕会通过了关于召开某届全国委员会第一次会议的决定和会议议程（草案）、日程（草案），决定将草案提交预备会议审议。\n" +
		"会议经过表决，通过了某某委员会工作报告、关于提案工作情况的报告和某某章程修正案（草案）。\n"
	got := decisionsOf(extractOne(t, "a.txt", text))
	want := []string{"通过 关于召开某届全国委员会第一次会议的决定", "通过 会议议程（草案）", "通过 日程（草案）", "通过 某某委员会工作报告", "通过 关于提案工作情况的报告", "通过 某某章程修正案（草案）"}
	if !slices.Equal(got, want) {
		t.Errorf("decisions = %q\nwant %q", got, want)
	}
	text = "国务院常务会议\n\n央视网消息：国务院总理某某某今天主持召开国务院常务会议，决定增加某某额度，再次增发某某补贴和支持某某融资；部署某某工作。\n"
	if got := decisionsOf(extractOne(t, "a.txt", text)); !slices.Contains(got, "决定 再次增发某某补贴和支持某某融资") {
		t.Errorf("decisions = %q, want the further measure after 再次", got)
	}
}
