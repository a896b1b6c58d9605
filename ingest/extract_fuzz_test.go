package ingest

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary text through structure parsing and extraction:
// no panic, valid UTF-8 in every string field.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"苏州市人民政府 常务会议纪要\n〔2020〕36号\n2020年11月2日上午，李亚平市长主持召开市政府第115次常务会议。\n一、审议《规划》\n（一）原则同意《规划》。由市工信局负责。\n出席:李亚平 王翔\n列席:市委宣传部\n刘纯\n记录：栗涛",
		"臺北市議會第11屆第2次定期大會第6次會議紀錄\n時間：100年10月19日\n主席：吳議長碧珠\n出席議員：王  浩  李傅中武\n",
		"一、\n二、\n（一）原则同意。由",
		"出席:\n列席:\n\n\n",
		"第一百一十五次〔〕号主持主持召开",
		// A legislature's gazette: referrals, written questions, carried
		// conclusions, a confirmation, tellers, headed speeches.
		"立法院第7屆第4會期第7次會議紀錄\n主席：王院長大平\n1. 本院委員甲等提案。\n程序委員會意見：擬請院會將本案交財政委員會審查。\n" +
			"19. 行政院函送朱委員一芝就某問題所提質詢之書面答復，請查照案。\n主席：請問院會，對以上協商結論有無異議？（無）無異議，通過。\n" +
			"決議：甲大明先生，獲得出席委員過半數之同意票，同意為某委員會委員，並為主任委員，任期四年。\n監票員：陳三慧　江四君\n" +
			"* 高委員金美玲：主席。\n* 陳院長立：謝謝。\n* 李部長文華：報告。\n協商代表：柯一明　邱二華\n",
		"立法會會議過程正式紀錄\n出席議員：\n甲一明議員\n出席政府官員：\n民政事務局局長何小德先生\n民政事務局局長：主席。\n甲一明議員：主席。\n乙二華議員：主席。\n",
		"某市議會第1屆第2次定期大會第3次會議紀錄\n今日議程：市政總質詢。\n二、財政建設委員會所屬部門（暫擱部分）\n第3項：市場處(6-3)\n議決：暫擱。\n惠請 同意備查。\n",
	} {
		f.Add(s)
	}
	e, err := NewExtractor(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		m := e.FromDocument(&Document{Format: FormatText, Text: s})
		checkUTF8(t, m)
	})
}

func checkUTF8(t *testing.T, m *Minutes) {
	t.Helper()
	strs := []string{m.Title, m.Issuer, m.DocNumber, m.Publisher, m.Published, m.Meeting.Kind, m.Meeting.Label, m.Meeting.Date, m.Recorder, m.Text}
	for _, it := range m.Items {
		strs = append(strs, it.Title, it.Action, it.Text)
		for _, d := range it.Decisions {
			strs = append(strs, d.Verb, d.Object, d.Lead)
		}
	}
	for _, a := range m.Attendees {
		strs = append(strs, a.Name, a.Org, a.Title)
	}
	for _, s := range strs {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in record field %q", s)
		}
	}
}

// TestExtractLargeInput checks that extraction of a 10 MB document finishes
// (bounded work: no quadratic pass over the text); timing belongs to the
// benchmarks.
func TestExtractLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	seed, err := os.ReadFile(filepath.Join(corpusPath(t, "seed"), "suzhou-2020-36.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	r := rand.New(rand.NewPCG(1, 2))
	for b.Len() < 10<<20 {
		b.Write(seed)
		for range 2000 {
			b.WriteRune(rune(0x4E00 + r.IntN(0x5000)))
			if r.IntN(30) == 0 {
				b.WriteString("。\n")
			}
		}
	}
	e := newTestExtractor(t)
	m := e.FromDocument(&Document{Format: FormatText, Text: b.String()})
	checkUTF8(t, m)
	if !strings.Contains(m.Text, "苏州市氢能及燃料电池产业发展规划") {
		t.Errorf("large document lost its text")
	}
}
