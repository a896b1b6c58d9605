package ingest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSONCCTV(t *testing.T) {
	got, err := Decode("xwlb-0001.json", readCorpus(t, "real", "cctv-xwlb-json", "xwlb-0001.json"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(got.Text, "\n")
	got.Text = strings.Join(lines[:2], "\n")
	want := &Document{
		Format:    FormatJSON,
		Encoding:  encUTF8,
		Title:     "温家宝主持召开国务院常务会议",
		Published: "2012-07-25",
		URL:       "https://tv.cctv.com/2012/07/25/VIDE1355098130003763.shtml",
		Text:      "中国网络电视台消息(新闻联播)：本台消息，国务院总理温家宝今天主持召开国务院常务会议，决定扩大营业税改征增值税试点范围，研究部署进一步实施促进中部地区崛起战略，加强和改进最低生活保障工作。\n决定扩大营业税改征增值税试点范围",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Decode(xwlb-0001.json) (-got +want):\n%s", diff)
	}
}

func TestJSONLegCo(t *testing.T) {
	got, err := Decode("legco-0001.json", readCorpus(t, "real", "hk-legco-hansard", "legco-0001.json"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(got.Text, "\n")
	head := strings.Join(lines[:4], "\n")
	if diff := cmp.Diff(head, "立法會會議過程正式紀錄\n2013年5月9日\n出席議員：\n主席曾鈺成議員"); diff != "" {
		t.Errorf("LegCo head (-got +want):\n%s", diff)
	}
	for _, want := range []string{"\n劉皇發議員, 大紫荊勳賢\n", "\n缺席議員：\n何俊仁議員\n", "\n出席政府官員：\n民政事務局局長曾德成先生\n", "\n列席秘書：\n助理秘書長戴燕萍小姐\n", "\n全委會主席：請委員返回座位。"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("LegCo text lacks %q", want)
		}
	}
	if strings.Contains(got.Text, "HONOURABLE") {
		t.Error("LegCo text keeps English honorifics")
	}
	if got.Title != "立法會會議過程正式紀錄" || got.Published != "2013-05-09" || !strings.HasSuffix(got.URL, "cm0509-confirm-ec.pdf") {
		t.Errorf("LegCo metadata: title %q published %q url %q", got.Title, got.Published, got.URL)
	}
}

// A member who speaks English is titled in English (MS CLAUDIA MO, MR
// ABRAHAM SHEK): the speech is titled by the Chinese name the bilingual roll
// gives the same member, also where the roll adds the romanised given names
// (ABRAHAM SHEK LAI-HIM). The names are made up.
func TestJSONLegCoEnglishSpeaker(t *testing.T) {
	doc := `{"membersPresent": ["主席甲大文議員, G.B.S., J.P. THE PRESIDENT THE HONOURABLE KAP TAI-MAN, G.B.S., J.P.",
		"乙小明議員 THE HONOURABLE MARY YUET", "丙大強議員, G.B.S., J.P. THE HONOURABLE JOHN BING TAI-KEUNG, G.B.S., J.P."],
		"speeches": [{"title": "MS MARY YUET", "content": "Thank you, President."}, {"title": "MR JOHN BING", "content": "I support the motion."},
		{"title": "MR NOBODY", "content": "A name the roll lacks."}], "date": "2014-1-9"}`
	got, err := Decode("legco.json", []byte(doc), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n乙小明議員：Thank you, President.\n", "\n丙大強議員：I support the motion.\n", "\nMR NOBODY：A name the roll lacks."} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("LegCo text lacks %q:\n%s", want, got.Text)
		}
	}
}

func TestJSONChinesePart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"主席曾鈺成議員, G.B.S., J.P. THE PRESIDENT THE HONOURABLE JASPER TSANG YOK-SING, G.B.S., J.P.", "主席曾鈺成議員"},
		{"李卓人議員 THE HONOURABLE LEE CHEUK-YAN", "李卓人議員"},
		{"劉皇發議員, 大紫荊勳賢, G.B.S., J.P. DR THE HONOURABLE LAU WONG-FAT, G.B.M., G.B.S., J.P.", "劉皇發議員, 大紫荊勳賢"},
		{"民政事務局副局長許曉暉女士, S.B.S., J.P. MS FLORENCE HUI HIU-FAI, S.B.S., J.P. UNDER SECRETARY FOR HOME AFFAIRS", "民政事務局副局長許曉暉女士"},
		{"THE HONOURABLE NOBODY", ""},
	}
	for _, tt := range tests {
		if got := chinesePart(tt.in); got != tt.want {
			t.Errorf("chinesePart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJSONGazette(t *testing.T) {
	got, err := Decode("ly-4004.json", readCorpus(t, "real", "tw-ly-gazette", "ly-4004.json"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(got.Text, "\n")
	want := []string{
		"立法院公報　第101卷　第63期　院會紀錄",
		"院會紀錄",
		"立法院第8屆第2會期第6次會議紀錄",
		"時　　間　中華民國101年10月26日（星期五）上午10時",
		"地　　點　本院議場",
		"主　　席　王院長金平",
		"洪副院長秀柱",
		"秘書長　林錫山",
		"副秘書長　周萬來",
		"主席：現在開會，進行報告事項。",
		"1. 宣讀第8屆第2會期第5次會議議事錄。（全文見本期議事錄）",
		"主席：報告院會，針對第2會期第5次會議議事錄，並無委員或黨團提出錯誤或遺漏之處，第2會期第5次會議議事錄確定。",
		"繼續報告。",
		"2. 本院委員潘孟安等21人擬具「勞工保險條例第六十九條條文修正草案」，請審議案。",
	}
	if diff := cmp.Diff(lines[:len(want)], want); diff != "" {
		t.Errorf("gazette head (-got +want):\n%s", diff)
	}
	if got.Title != "立法院第8屆第2會期第6次會議紀錄" {
		t.Errorf("gazette title = %q", got.Title)
	}
	for _, want := range []string{"\n高委員金素梅：主席、行政院陳院長", "\n散會（18時8分）"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("gazette text lacks %q", want)
		}
	}
}

func TestJSONRecords(t *testing.T) {
	custom := DecodeOptions{JSON: JSONFields{
		Title: []string{"doc.headline"},
		Text:  []string{"doc.paragraphs.0"},
		Date:  []string{"meta.issued"},
		URL:   []string{"meta.links.0"},
	}}
	tests := []struct {
		name string
		in   string
		opts DecodeOptions
		want []*Document
	}{
		{
			"jsonl", "{\"title\":\"甲会议\",\"content\":\"一、听取\",\"date\":\"2024年3月5日\"}\n\n{\"title\":\"乙会议\",\"text\":\"<p>二、研究</p><p>三、部署</p>\",\"url\":\"https://gov.cn/b\"}\n",
			DecodeOptions{},
			[]*Document{
				{Format: FormatJSON, Encoding: encUTF8, Title: "甲会议", Published: "2024-03-05", Text: "一、听取"},
				{Format: FormatJSON, Encoding: encUTF8, Title: "乙会议", URL: "https://gov.cn/b", Text: "二、研究\n三、部署"},
			},
		},
		{
			"array", `[{"title":"甲","content":"正文一"},{"title":"乙","content":"正文二"}]`,
			DecodeOptions{},
			[]*Document{
				{Format: FormatJSON, Encoding: encUTF8, Title: "甲", Text: "正文一"},
				{Format: FormatJSON, Encoding: encUTF8, Title: "乙", Text: "正文二"},
			},
		},
		{
			"custom fields", `{"doc":{"headline":"常务会议","paragraphs":["会议决定。\r\n同意。"]},"meta":{"issued":"20200528","links":["https://x/1"]}}`,
			custom,
			[]*Document{{Format: FormatJSON, Encoding: encUTF8, Title: "常务会议", Published: "2020-05-28", URL: "https://x/1", Text: "会议决定。\n同意。"}},
		},
	}
	for _, tt := range tests {
		got, err := DecodeAll("feed.json", []byte(tt.in), tt.opts)
		if err != nil {
			t.Errorf("DecodeAll(%s): %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(got, tt.want); diff != "" {
			t.Errorf("DecodeAll(%s) (-got +want):\n%s", tt.name, diff)
		}
	}
	if _, err := Decode("feed.json", []byte(tests[1].in), DecodeOptions{}); err == nil || !strings.Contains(err.Error(), "DecodeAll") {
		t.Errorf("Decode(two records) error = %v, want one pointing to DecodeAll", err)
	}
}

func TestJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"no text field and no title", `{"other":"x"}`, ErrEmpty},
		{"no record with text", `[{"other":"x"},{"title":" "}]`, ErrEmpty},
		{"scalar record", `[1, 2]`, ErrUnsupported},
		{"empty array", `[]`, ErrEmpty},
	}
	for _, tt := range tests {
		_, err := DecodeAll("a.json", []byte(tt.in), DecodeOptions{})
		if !errors.Is(err, tt.want) {
			t.Errorf("DecodeAll(%s) error = %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := DecodeAll("a.json", []byte(`{"title": "未闭合`), DecodeOptions{}); err == nil || !strings.Contains(err.Error(), "invalid JSON") {
		t.Errorf("DecodeAll(truncated) error = %v, want invalid JSON", err)
	}
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	if _, err := DecodeAll("deep.json", []byte(deep), DecodeOptions{}); err == nil {
		t.Error("DecodeAll(deeply nested) succeeded")
	}
}

// A news item published without its text is known by its headline, which
// becomes its text; a feed's record with neither stays empty in its place,
// so that the records after it keep their numbers, and is no meeting
// record. The names are made up.
func TestJSONHeadlineOnly(t *testing.T) {
	in := `[{"video_title":"[视频]张大山主持召开国务院常务会议","pub_date":"2013-03-18 19:00:00","video_detail":{"content":""}},` +
		`{"video_title":"","video_detail":{"content":""}},` +
		`{"title":"某市政府常务会议","content":"会议研究了某事。"}]`
	docs, err := DecodeAll("feed.json", []byte(in), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Text)
	}
	if want := []string{"张大山主持召开国务院常务会议", "", "会议研究了某事。"}; !slices.Equal(texts, want) {
		t.Errorf("texts = %q, want %q", texts, want)
	}
	ms, err := newTestExtractor(t).Extract("feed.json", []byte(in))
	if err != nil || len(ms) != 3 {
		t.Fatalf("Extract: %d records, %v; want 3", len(ms), err)
	}
	if !strings.HasSuffix(ms[2].Source, "#3") || !strings.HasSuffix(ms[2].ID, "-3") || Check(ms[1]) == nil {
		t.Errorf("sources %q, %q: want the third record numbered 3 and the empty one no meeting record", ms[1].Source, ms[2].Source)
	}
	m := extractOne(t, "item.json", in[1:strings.Index(in, "},{")+1])
	if err := Check(m); err != nil {
		t.Errorf("headline-only record: %v, want a meeting record", err)
	}
	if m.Meeting.Kind != "常务会议" || m.Chair == nil || m.Chair.Name != "张大山" || m.Meeting.Date != "2013-03-18" {
		t.Errorf("headline-only record: kind %q, chair %+v, date %q", m.Meeting.Kind, m.Chair, m.Meeting.Date)
	}
}
