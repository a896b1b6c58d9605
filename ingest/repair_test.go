package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/internal/cnum"
)

func TestRepair(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", ""},
		{"pinyin notes", "區(qū)政府常務(wù)會議（huì）在2號(hào)樓召开", "區政府常務會議在2號樓召开"},
		{"brackets that are no pinyin", "审议(送审稿)和(ABC)及(qu)", "审议(送审稿)和(ABC)及(qu)"},
		{"crlf and trailing spaces", "会议纪要  \r\n\r\n第一段。 \r\n第二段。\r", "会议纪要\n\n第一段。\n第二段。"},
		{"blank line inside sentence", strings.Repeat("长", 40) + "工作情况的\n\n汇报\n\n（一）会议听取了汇报。", strings.Repeat("长", 40) + "工作情况的汇报\n\n（一）会议听取了汇报。"},
		{"tail of sentence", strings.Repeat("长", 40) + "按程序发\n\n布。", strings.Repeat("长", 40) + "按程序发布。"},
		{"comma joins", "各地各部门要提高站位，\n加强领导。", "各地各部门要提高站位，加强领导。"},
		{"terminal keeps", strings.Repeat("长", 40) + "。\n下一段。", strings.Repeat("长", 40) + "。\n下一段。"},
		{"short title", "苏州市人民政府 常务会议纪要\n\n〔2020〕36号", "苏州市人民政府 常务会议纪要\n\n〔2020〕36号"},
		{"short heading before text", "二、审议活动方案\n会议认为方案可行。", "二、审议活动方案\n会议认为方案可行。"},
		{"item marker", strings.Repeat("长", 40) + "方案\n\n（一）原则同意。", strings.Repeat("长", 40) + "方案\n\n（一）原则同意。"},
		{"markers", strings.Repeat("长", 40) + "\n一、甲\n" + strings.Repeat("长", 40) + "\n(二)乙\n" + strings.Repeat("长", 40) + "\n1. 丙\n" + strings.Repeat("长", 40) + "\n第三条 丁\n" + strings.Repeat("长", 40) + "\n甲、戊\n" + strings.Repeat("长", 40) + "\n①己",
			strings.Repeat("长", 40) + "\n一、甲\n" + strings.Repeat("长", 40) + "\n(二)乙\n" + strings.Repeat("长", 40) + "\n1. 丙\n" + strings.Repeat("长", 40) + "\n第三条 丁\n" + strings.Repeat("长", 40) + "\n甲、戊\n" + strings.Repeat("长", 40) + "\n①己"},
		{"not a marker", strings.Repeat("长", 40) + "\n1.5亿元", strings.Repeat("长", 40) + "1.5亿元"},
		{"labels", strings.Repeat("长", 40) + "\n记录：栗涛\n" + strings.Repeat("长", 40) + "\n抄送：各部门。", strings.Repeat("长", 40) + "\n记录：栗涛\n" + strings.Repeat("长", 40) + "\n抄送：各部门。"},
		{"label value wraps", "分送：各市、区人民政府，苏州工业园区、苏州高新区管委会；市\n各有关部门和单位。", "分送：各市、区人民政府，苏州工业园区、苏州高新区管委会；市各有关部门和单位。"},
		{"date line", strings.Repeat("长", 40) + "整理\n2020年11月16日\n（此件公开发布）", strings.Repeat("长", 40) + "整理\n2020年11月16日\n（此件公开发布）"},
		{"date starts a wrapped line", strings.Repeat("长", 40) + "于\n2020年11月16日召开会议，研究了有关工作。", strings.Repeat("长", 40) + "于2020年11月16日召开会议，研究了有关工作。"},
		{"page numbers", "第一段内容，\n- 3 -\n继续。\n— 4 —\n\n5\n第6页\n第 7 頁，共 10 頁\n7/10\n结束。", "第一段内容，继续。\n\n结束。"},
		{"attendance block", "出席:李亚平 王翔 洪宗明\n吴晓东 曹后灵\n\n列席:沈志栋 徐华东\n田阿涛\n\n市发改委\n钱宇 市教育局张曙\n\n记录：栗涛", "出席:李亚平 王翔 洪宗明\n吴晓东 曹后灵\n\n列席:沈志栋 徐华东\n田阿涛\n\n市发改委\n钱宇 市教育局张曙\n\n记录：栗涛"},
		{"spaced attendance label", "出　　席：林國春　　王淑慧\n　　　　　廖正良　　陳世榮\n主　　席：陳議長幸進", "出　　席：林國春　　王淑慧\n　　　　　廖正良　　陳世榮\n主　　席：陳議長幸進"},
		{"hanging indent", "　四、觀光局陳局長因主辦活動、\n　　　客家局彭局長因出席論壇\n　　　，今日均請假。", "　四、觀光局陳局長因主辦活動、客家局彭局長因出席論壇，今日均請假。"},
		{"first-line indent", strings.Repeat("长", 30) + "\n　　会议指出，要加强领导。", strings.Repeat("长", 30) + "\n　　会议指出，要加强领导。"},
		{"digit spaces", "四、研究 2020 年市级城建资金", "四、研究2020年市级城建资金"},
		{"digit spaces tw", "第 1屆第 4次定期大會，下午 2時30分，中午 12時 14分", "第1屆第4次定期大會，下午2時30分，中午12時14分"},
		{"han spaces kept", "审议《苏州市人民政府 南京医科大学战略合作发展协议书》", "审议《苏州市人民政府 南京医科大学战略合作发展协议书》"},
		{"latin names kept", "温家宝 Wen Jiabao 说", "温家宝 Wen Jiabao 说"},
		{"latin words joined with space", strings.Repeat("x", 80) + " Jiyao\nsearch engine.", strings.Repeat("x", 80) + " Jiyao search engine."},
		{"spaced list joins with its separator", "質詢議員：黃議員淑美 林議員瑩蓉 黃議員柏霖 " + strings.Repeat("长", 20) + " 林議員瑩蓉\n韓議員賜村。", "質詢議員：黃議員淑美 林議員瑩蓉 黃議員柏霖 " + strings.Repeat("长", 20) + " 林議員瑩蓉 韓議員賜村。"},
		{"full width kept", "１２３　ＡＢＣ，\n继续。", "１２３　ＡＢＣ，继续。"},
		{"markdown heading", "### 李克强主持召开国务院常务会议\n\n<p>内容</p>", "### 李克强主持召开国务院常务会议\n\n<p>内容</p>"},
		{"fenced code kept", "```json\n{\n\"ad\": 4,\n\"session\": 4\n}\n```", "```json\n{\n\"ad\": 4,\n\"session\": 4\n}\n```"},
		{"spaced label without colon", "時　　間　中華民國八十九年九月十五日（星期五）上午十時十一分、九月十八日上午九時\n地　　點　本院議場", "時　　間　中華民國八十九年九月十五日（星期五）上午十時十一分、九月十八日上午九時\n地　　點　本院議場"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Repair(tt.in)
			if got != tt.want {
				t.Errorf("Repair(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRepairSeed(t *testing.T) {
	got := Repair(string(readCorpus(t, "seed", "suzhou-2020-36.txt")))
	lines := strings.Split(got, "\n")
	has := make(map[string]bool, len(lines))
	for _, l := range lines {
		has[l] = true
	}
	for _, want := range []string{
		"苏州市人民政府 常务会议纪要",
		"〔2020〕36号",
		"一、听取道路交通安全，“331”专项，火灾防控，开发区、加油站和商业场所等4个重点领域安全生产专项整治工作情况的汇报",
		"二、审议“双12苏州购物节”活动方案",
		"三、审议《苏州市氢能及燃料电池产业发展规划》",
		"四、研究2020年市级城建交通维护建设暨水利水务建设资金计划调整有关工作",
		"五、审议《苏州市人民政府 南京医科大学战略合作发展协议书》",
		"（一）原则同意《苏州市氢能及燃料电池产业发展规划》。由市工信局根据本次会议讨论意见作进一步修改完善后按程序发布。",
		"（一）原则同意2020年市级城建交通维护建设暨水利水务建设资金计划调整有关工作。由市财政局根据本次会议意见做好后续工作。",
		"（一）原则同意《苏州市人民政府 南京医科大学战略合作发展协议书》。由市卫生健康委根据本次会议讨论意见按程序提请市委常委会审议。",
		"会议还研究了其他事项。",
		// The attendance block, line for line.
		"出席:李亚平 王翔 洪宗明 蒋来清 陆春云 江海",
		"吴晓东 曹后灵 杨知评 胡志斌 周伟 吴维群",
		"列席:沈志栋 徐华东 张剑 马九根 张焱 陈春明",
		"田阿涛",
		"日报报业集团李勇 市广电总台郑又淳 苏州文旅集",
		"团包维明 苏州城投公司张涛 苏州风景园林集团",
		"市“331”专班沈正明",
		"记录：栗涛",
		"苏州市人民政府办公室整理",
		"2020年11月16日",
		"（此件公开发布）",
		"分送：各市、区人民政府，苏州工业园区、苏州高新区管委会；市各有关部门和单位。",
		"苏州市人民政府办公室",
		"2020年11月16日印发",
	} {
		if !has[want] {
			t.Errorf("Repair(seed) has no line %q", want)
		}
	}
	if !strings.Contains(got, "针对居民自建房、沿街商铺等火灾隐患，") {
		t.Errorf("Repair(seed) did not join 沿街商铺 / 等火灾隐患")
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "一、") && !strings.HasSuffix(l, "汇报") {
			t.Errorf("Repair(seed): item heading %q not joined", l)
		}
	}
}

// TestRepairRealStructure checks that headings, labels and list items of
// third-party documents stay on lines of their own.
func TestRepairRealStructure(t *testing.T) {
	tests := []struct {
		file  []string
		lines []string // lines that must appear as they are
	}{
		{
			[]string{"real", "tw-taipei-council", "tpecc-0001.txt"},
			[]string{"臺北市議會第11屆成立大會會議紀錄", "地點：本會議事廳", "列席：", "市長：郝龍斌", "主席：吳議長碧珠", "甲、報告事項", "壹、主席宣告開會", "散會。"},
		},
		{
			[]string{"real", "tw-taipei-council", "tpecc-0003.txt"},
			[]string{"郝市長龍斌答覆", "質詢議員：應曉薇、陳義洲、李傅中武、林瑞圖", "第1質詢組：陳政忠、黃珊珊、林國成（9月18日）"},
		},
		{
			[]string{"real", "tw-newtaipei-council", "ntpcc-0001.txt"},
			[]string{"甲、報告事項", "　一、出席已達法定人數。", "　　新北市板橋區公所　預算數：881,759,000元", "　　第1審查會召集人林議員秀惠報告審查意見", "　　決議：詳附表第1至3頁。", "乙、三讀議案第二讀會"},
		},
		{
			[]string{"real", "tw-kaohsiung-council", "khcc-0001.txt"},
			[]string{"地 點：本會議事廳", "請 假：議員陳美雅", "主 席：由保安委員會第二召集人蘇議員琦莉及徐議員榮延分別主持"},
		},
		{
			[]string{"real", "cctv-xwlb-md", "xwlbmd-0002.md"},
			[]string{"### 李强主持召开国务院常务会议"},
		},
	}
	for _, tt := range tests {
		name := strings.Join(tt.file, "/")
		t.Run(tt.file[len(tt.file)-1], func(t *testing.T) {
			got := Repair(string(readCorpus(t, tt.file...)))
			has := map[string]bool{}
			for _, l := range strings.Split(got, "\n") {
				has[l] = true
			}
			for _, want := range tt.lines {
				if !has[want] {
					t.Errorf("Repair(%s) has no line %q", name, want)
				}
			}
			if strings.Contains(got, "\n\n\n") {
				t.Errorf("Repair(%s) left two blank lines in a row", name)
			}
		})
	}
}

func TestIsPageNumber(t *testing.T) {
	var got []string
	for _, s := range []string{"3", "- 3 -", "— 3 —", "－３－", "第3页", "第 3 頁，共 10 頁", "第三页", "3/10", "Page 3", "·12·",
		"2020年", "一", "第三条", "3个", "12345", "〔2020〕36号", "- 项目 -"} {
		if isPageNumber(s) {
			got = append(got, s)
		}
	}
	want := []string{"3", "- 3 -", "— 3 —", "－３－", "第3页", "第 3 頁，共 10 頁", "第三页", "3/10", "Page 3", "·12·"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("page numbers: got %q, want %q", got, want)
	}
}

func FuzzRepair(f *testing.F) {
	for _, s := range []string{
		"苏州市人民政府 常务会议纪要\n\n〔2020〕36号\n\n一、听取工作情况的\n\n汇报\n（一）会议听取了汇报。",
		"出席:李亚平 王翔\n吴晓东\n\n记录：栗涛",
		"四、研究 2020 年市级\r\n- 3 -\r\n建设",
		"　四、觀光局、\n　　　客家局\n　　　，今日均請假。",
		"```json\n{\n}\n",
		"時　　間　中華民國\n地　　點　本院",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Repair(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Repair(%q) = %q, invalid UTF-8", s, got)
		}
		if strings.Contains(got, "\r") {
			t.Fatalf("Repair(%q) = %q, has \\r", s, got)
		}
		if len(got) > len(s)+strings.Count(s, "\n")*3 {
			t.Fatalf("Repair(%q) = %q grew", s, got)
		}
	})
}

// bigInput is about n bytes of the seed text repeated with random runes
// (Han, digits, numerals, punctuation, spaces, newlines) mixed in.
func bigInput(t testing.TB, n int) string {
	seed := string(readCorpus(t, "seed", "suzhou-2020-36.txt"))
	alphabet := []rune("一二三四五六七八九十百千万〇零两年月日号第次届条出席：:。，、（）() 　\n\n\r-—0123456789abc苏州会议纪要上午")
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.Grow(n + len(seed))
	for b.Len() < n {
		b.WriteString(seed)
		for range 2000 {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		for range 2000 {
			b.WriteRune(rune(rng.IntN(0x30000)))
		}
	}
	return strings.ToValidUTF8(b.String(), "?")
}

// TestLargeInput shows that Repair, FindDates and Normalize run in about
// linear time on a 10 MB input: it must finish, and it logs the times.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	in := bigInput(t, 10<<20)
	start := time.Now()
	out := Repair(in)
	t.Logf("Repair: %d bytes in %v", len(in), time.Since(start))
	if !utf8.ValidString(out) {
		t.Error("Repair: invalid UTF-8")
	}
	start = time.Now()
	dates := FindDates(in, dateRef, false)
	t.Logf("FindDates: %d dates in %v", len(dates), time.Since(start))
	start = time.Now()
	norm := cnum.Normalize(in)
	t.Logf("Normalize: %d bytes in %v", len(norm), time.Since(start))
	// One long line, and a long run of numerals.
	for _, s := range []string{strings.Repeat("长", 1<<20), strings.Repeat("一", 1<<20), strings.Repeat("第一百", 1<<18), strings.Repeat("1", 2<<20)} {
		start = time.Now()
		Repair(s)
		FindDates(s, dateRef, true)
		cnum.Normalize(s)
		t.Logf("%d bytes of %q…: %v", len(s), s[:9], time.Since(start))
	}
}

func seedRepeated(b *testing.B, n int) string {
	seed := string(readCorpus(b, "seed", "suzhou-2020-36.txt"))
	return strings.Repeat(seed+"\n\n", n)
}

func BenchmarkRepair(b *testing.B) {
	in := seedRepeated(b, 100)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		Repair(in)
	}
}

func BenchmarkFindDates(b *testing.B) {
	in := seedRepeated(b, 100)
	ref := time.Date(2020, 11, 16, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		FindDates(in, ref, false)
	}
}

func BenchmarkNormalize(b *testing.B) {
	in := seedRepeated(b, 100)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		cnum.Normalize(in)
	}
}
