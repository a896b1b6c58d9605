package ingest

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// release is a news release that gives the day of its meeting but no year,
// written for these tests in the layout of such releases.
const release = "### 示例主持召开常务会议\n\n国务院总理李强11月22日主持召开国务院常务会议，部署推进示例工作；决定开展示例试点。\n\n会议指出，示例工作意义重大。\n"

// TestDayWithoutYear checks where a day without a year is read from: the
// publication date given with --published, a date or year in the file's
// path, else nowhere, the record saying so.
func TestDayWithoutYear(t *testing.T) {
	for _, tc := range []struct {
		name, published, path, want string
		missing                     bool
	}{
		{name: "none", path: "release.md", missing: true},
		{name: "published", published: "2022-11-23", path: "release.md", want: "2022-11-22"},
		{name: "path date", path: "xwlb/2022/20221122.md", want: "2022-11-22"},
		{name: "path year", path: "archive/2019/release.md", want: "2019-11-22"},
		{name: "published wins", published: "2021-12-01", path: "archive/2019/release.md", want: "2021-11-22"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := NewExtractor(Config{Published: tc.published})
			if err != nil {
				t.Fatal(err)
			}
			m, err := e.ExtractOne(tc.path, []byte(release))
			if err != nil {
				t.Fatal(err)
			}
			if m.Meeting.Date != tc.want || slices.Contains(m.Missing, "meeting.date") != tc.missing {
				t.Errorf("date %q, missing %v; want %q, missing date %v", m.Meeting.Date, m.Missing, tc.want, tc.missing)
			}
			if err := Check(m); err != nil || m.Genre != GenreRelease {
				t.Errorf("check %v, genre %q; want a release", err, m.Genre)
			}
		})
	}
}

// TestIssuerOverride checks that --issuer names every record's issuer,
// canonically where the issuers table knows the name.
func TestIssuerOverride(t *testing.T) {
	e, err := NewExtractor(Config{Issuer: "国务院"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.ExtractOne("release.md", []byte(release))
	if err != nil {
		t.Fatal(err)
	}
	if m.Issuer != "中华人民共和国国务院" {
		t.Errorf("issuer %q, want 中华人民共和国国务院", m.Issuer)
	}
	if _, err := NewExtractor(Config{Published: "2022-13-01"}); err == nil {
		t.Error("published 2022-13-01 accepted")
	}
}

// TestNotMinutes checks that what no genre recognises is refused as not a
// meeting record, and what decodes to nothing too.
func TestNotMinutes(t *testing.T) {
	e := newTestExtractor(t)
	for name, data := range map[string]string{
		"MANIFEST.tsv": "file\tissuer\tnotes\na.json\t国务院\t国务院常务会议新闻稿，title「温家宝主持召开国务院常务会议」\nb.json\t国务院\t国务院常务会议新闻稿，title「李强主持召开国务院常务会议」\n",
		"README.md":    "# Corpus\n\nGenuine published texts copied from public repositories; the 国务院常务会议 releases are listed in MANIFEST.tsv with their provenance and licence.\n",
		"main.go":      "package main\n\nimport \"fmt\"\n\n// 会议纪要\nfunc main() { fmt.Println(\"主持召开会议\") }\n",
		"prose.txt":    "春天来了，公园里的花都开了，孩子们在草地上奔跑，老人们在树下下棋聊天，到处是一片欢声笑语的景象。",
		"empty.json":   `{"other": 1}`,
	} {
		ms, err := e.Extract(name, []byte(data))
		if err == nil {
			for _, m := range ms {
				err = Check(m)
			}
		}
		if !errors.Is(err, ErrNoMinutes) {
			t.Errorf("%s: error %v, want not a meeting record", name, err)
		}
	}
}

// TestExplain checks that an explanation names, for the seed's fields and
// departments, the rule and the line they were read from.
func TestExplain(t *testing.T) {
	e := newTestExtractor(t)
	ms, whys, err := e.Explain("suzhou-2020-36.txt", readCorpus(t, "seed", "suzhou-2020-36.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || len(whys) != 1 {
		t.Fatalf("%d records, %d explanations; want 1 and 1", len(ms), len(whys))
	}
	lines := strings.Split(ms[0].Text, "\n")
	got := map[string]Why{}
	for _, w := range whys[0] {
		if _, ok := got[w.Field]; !ok {
			got[w.Field] = w
		}
		if w.Line > 0 && strings.TrimSpace(lines[w.Line-1]) != w.Text {
			t.Errorf("%s: line %d is %q, explanation quotes %q", w.Field, w.Line, lines[w.Line-1], w.Text)
		}
	}
	for field, want := range map[string]string{
		"meeting.date": "2020年11月2日上午",
		"chair":        "李亚平市长主持召开",
		"doc_number":   "〔2020〕36号",
		"decision":     "苏州市氢能及燃料电池产业发展规划",
	} {
		w, ok := got[field]
		if !ok || w.Rule == "" || w.Rule == "not recorded" || !strings.Contains(w.Text, want) {
			t.Errorf("%s: %+v; want a rule and the line holding %q", field, w, want)
		}
	}
	// Each department says which rule found it, and where.
	for _, w := range whys[0] {
		if w.Field == "department" && w.Value == "市工信局" {
			if !strings.Contains(w.Rule, "item 3") || !strings.Contains(w.Text, "由市工信局") {
				t.Errorf("department 市工信局: %+v; want the table's rule in item 3 and the line that gives it work", w)
			}
			return
		}
	}
	t.Error("no explanation of department 市工信局")
}

// TestDepartmentIdentity pins how a department is named as one body of one
// government.
func TestDepartmentIdentity(t *testing.T) {
	for _, tc := range []struct{ issuer, dept, want string }{
		{"苏州市人民政府", "市工信局", "苏州市工信局"},
		{"温州市人民政府", "市工信局", "温州市工信局"},
		{"九龙坡区人民政府", "区财政局", "九龙坡区财政局"},
		{"九龙坡区人民政府", "市财政局", "市财政局"},
		{"苏州市人民政府", "苏州市工信局", "苏州市工信局"},
		{"苏州市人民政府", "省财政厅", "省财政厅"},
		{"高雄市議會", "警察局", "高雄市警察局"},
		{"中华人民共和国国务院", "民政部", "民政部"},
		{"全国人民代表大会常务委员会", "最高人民法院", "最高人民法院"},
		{"苏州市人民政府", "国家发展改革委", "国家发展改革委"},
		{"区政府", "区财政局", "区财政局"},
	} {
		if got := DepartmentIdentity(tc.issuer, tc.dept); got != tc.want {
			t.Errorf("DepartmentIdentity(%q, %q) = %q, want %q", tc.issuer, tc.dept, got, tc.want)
		}
	}
}

// A page is Chinese prose when its Chinese outweighs its letters; a
// bilingual roll's English beside each name (何俊仁議員 THE HONOURABLE
// ALBERT HO CHUN-YAN) does not make it a foreign page, an English page with
// a Chinese word or two still is one. The names are made up.
func TestChineseProseBilingualRoll(t *testing.T) {
	var roll strings.Builder
	for range 40 {
		roll.WriteString("陳大文議員, G.B.S., J.P. THE HONOURABLE CHAN TAI-MAN, G.B.S., J.P.\n")
	}
	roll.WriteString("主席：根據《議事規則》，我現在宣布會議開始。\n")
	if !chineseProse(roll.String(), roll.String()) {
		t.Error("a bilingual roll read as a foreign page")
	}
	english := strings.Repeat("The Council met at eleven o'clock and the President took the chair. 主席\n", 40)
	if chineseProse(english, english) {
		t.Error("an English page read as Chinese prose")
	}
}

// A standing committee's release that names the 立法会 whose election it
// decides is the congress's, not a legislature's record. The text is made
// up, as a news item with a title and a date.
func TestCongressNamingALegislature(t *testing.T) {
	text := `{"title":"某届全国人大常委会第十次会议在京闭幕","pub_date":"2014-08-31","content":"某届全国人大常委会第十次会议31日下午在北京人民大会堂闭幕。甲乙丙委员长主持会议。会议表决通过了关于某特别行政区行政长官普选问题和立法会产生办法的决定。"}`
	m := extractOne(t, "a.json", text)
	if m.Genre != GenreCongress {
		t.Errorf("genre %q, want %q", m.Genre, GenreCongress)
	}
}
