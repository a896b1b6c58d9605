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
