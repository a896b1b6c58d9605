package ingest

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var dateRef = time.Date(2020, 11, 16, 10, 0, 0, 0, time.UTC)

func TestParseDate(t *testing.T) {
	type res struct {
		Date      string
		PartOfDay string
		Inferred  bool
		ROC       bool
	}
	tests := []struct {
		in   string
		roc  bool
		want *res // nil: no match
	}{
		{"2020年11月2日", false, &res{Date: "2020-11-02"}},
		{"2020年11月2日上午", false, &res{Date: "2020-11-02", PartOfDay: "上午"}},
		{"2020 年 11 月 2 日", false, &res{Date: "2020-11-02"}},
		{"２０２０年１１月２日", false, &res{Date: "2020-11-02"}},
		{"2020-11-02", false, &res{Date: "2020-11-02"}},
		{"2020.11.2", false, &res{Date: "2020-11-02"}},
		{"2020/11/2", false, &res{Date: "2020-11-02"}},
		{"二〇二〇年十一月二日", false, &res{Date: "2020-11-02"}},
		{"二零二零年十一月二号", false, &res{Date: "2020-11-02"}},
		{"中華民國八十九年九月十五日", false, &res{Date: "2000-09-15", ROC: true}},
		{"中华民国八十九年九月十五日", false, &res{Date: "2000-09-15", ROC: true}},
		{"民國101年10月26日", false, &res{Date: "2012-10-26", ROC: true}},
		{"中華民國101年10月16日上午", false, &res{Date: "2012-10-16", PartOfDay: "上午", ROC: true}},
		{"101年10月26日", false, &res{Date: "2012-10-26", ROC: true}},
		{"99年12月27日", true, &res{Date: "2010-12-27", ROC: true}},
		{"99年12月27日（星期一）下午", true, &res{Date: "2010-12-27", PartOfDay: "下午", ROC: true}},
		{"99年12月27日", false, nil},
		{"八十九年九月十五日", true, &res{Date: "2000-09-15", ROC: true}},
		{"八十九年九月十五日", false, nil},
		{"99.12.27", true, &res{Date: "2010-12-27", ROC: true}},
		{"101/10/26", false, &res{Date: "2012-10-26", ROC: true}},
		{"公元2000年1月1日", false, &res{Date: "2000-01-01"}},
		{"2020年11月2日晚上", false, &res{Date: "2020-11-02", PartOfDay: "晚上"}},
		{"2020年11月2日 周一 下午", false, &res{Date: "2020-11-02", PartOfDay: "下午"}},
		// Relative to 2020-11-16.
		{"今天", false, &res{Date: "2020-11-16", Inferred: true}},
		{"今日", false, &res{Date: "2020-11-16", Inferred: true}},
		{"昨天", false, &res{Date: "2020-11-15", Inferred: true}},
		{"昨天下午", false, &res{Date: "2020-11-15", PartOfDay: "下午", Inferred: true}},
		{"11月2日", false, &res{Date: "2020-11-02", Inferred: true}},
		{"11月20日", false, &res{Date: "2020-11-20", Inferred: true}},
		{"12月30日", false, &res{Date: "2019-12-30", Inferred: true}},
		{"十一月二日", false, &res{Date: "2020-11-02", Inferred: true}},
		{"2日", false, &res{Date: "2020-11-02", Inferred: true}},
		{"16日", false, &res{Date: "2020-11-16", Inferred: true}},
		{"22日", false, &res{Date: "2020-10-22", Inferred: true}},
		{"31日", false, &res{Date: "2020-10-31", Inferred: true}},
		{"二十二日上午", false, &res{Date: "2020-10-22", PartOfDay: "上午", Inferred: true}},
		// Not dates.
		{"2020年13月2日", false, nil},
		{"2020年13月", false, nil},
		{"2020年11月", false, nil},
		{"2021年2月29日", false, nil},
		{"1800年1月1日", false, nil},
		{"2020-13-01", false, nil},
		{"2020.11.2.5", false, nil},
		{"一日", false, nil},
		{"3日内", false, nil},
		{"十年", false, nil},
		{"今天下雨", false, nil},
		{"", false, nil},
	}
	for _, tt := range tests {
		m, ok := ParseDate(tt.in, dateRef, tt.roc)
		var got *res
		if ok {
			got = &res{m.Date.String(), m.PartOfDay, m.Inferred, m.ROC}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseDate(%q, roc=%v) = %+v, want %+v", tt.in, tt.roc, got, tt.want)
		}
	}
}

func TestParseDateLeapAndMonthEnd(t *testing.T) {
	ref := time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC)
	// 31日 on 31 March is today; 30日 is yesterday; on 1 March, 29日 is in
	// February, which 2021 lacks.
	for _, tt := range []struct {
		in   string
		ref  time.Time
		want string
	}{
		{"31日", ref, "2021-03-31"},
		{"30日", ref, "2021-03-30"},
		{"28日", time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), "2021-02-28"},
		{"29日", time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), ""},
		{"2月29日", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), "2024-02-29"},
	} {
		m, ok := ParseDate(tt.in, tt.ref, false)
		got := ""
		if ok {
			got = m.Date.String()
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q, %s) = %q, want %q", tt.in, tt.ref.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestParseDateZeroRef(t *testing.T) {
	for _, in := range []string{"今天", "11月2日", "22日"} {
		if m, ok := ParseDate(in, time.Time{}, false); ok {
			t.Errorf("ParseDate(%q, zero ref) = %v, want no match", in, m.Date)
		}
	}
}

type foundDate struct {
	Text      string
	Date      string
	PartOfDay string
}

func findDates(text string, ref time.Time, roc bool) []foundDate {
	var out []foundDate
	for _, m := range FindDates(text, ref, roc) {
		out = append(out, foundDate{text[m.Start:m.End], m.Date.String(), m.PartOfDay})
	}
	return out
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		roc  bool
		want []foundDate
	}{
		{
			"2020年11月2日上午，李亚平市长主持召开市政府第115次常务会议",
			false,
			[]foundDate{{"2020年11月2日上午", "2020-11-02", "上午"}},
		},
		{
			"国务院总理李克强22日主持召开国务院常务会议",
			false,
			[]foundDate{{"22日", "2020-10-22", ""}},
		},
		{
			"李克强20日上午主持召开",
			false,
			[]foundDate{{"20日上午", "2020-10-20", "上午"}},
		},
		{
			"時間：99年12月27日（星期一）下午2時16分至3時8分",
			true,
			[]foundDate{{"99年12月27日（星期一）下午", "2010-12-27", "下午"}},
		},
		{
			"時間：99年12月27日下午",
			false,
			nil,
		},
		{
			"日 期：中華民國101年10月16日上午9時（中午12時44分休息，下午 2時30分繼續開會）",
			true,
			[]foundDate{{"中華民國101年10月16日上午", "2012-10-16", "上午"}},
		},
		{
			"〔2020〕36号 2020年11月16日印发，自2020-12-01起施行，有效期5年，3日内报送",
			false,
			[]foundDate{{"2020年11月16日", "2020-11-16", ""}, {"2020-12-01", "2020-12-01", ""}},
		},
		{
			"统一11月2日",
			false,
			[]foundDate{{"11月2日", "2020-11-02", ""}},
		},
		{"版本1.2020.11.2，电话2020-1234-5678", false, nil},
		{"2020年13月，一些统一的十分重要的工作", false, nil},
	}
	for _, tt := range tests {
		got := findDates(tt.in, dateRef, tt.roc)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("FindDates(%q, roc=%v) = %+v, want %+v\n(-want +got)\n%s", tt.in, tt.roc, got, tt.want, diff)
		}
	}
}

func TestFindDatesSeed(t *testing.T) {
	text := string(readCorpus(t, "seed", "suzhou-2020-36.txt"))
	got := findDates(text, time.Time{}, false)
	want := []foundDate{
		{"2020年11月2日上午", "2020-11-02", "上午"},
		{"2020年11月16日", "2020-11-16", ""},
		{"2020年11月16日", "2020-11-16", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FindDates(seed) = %+v, want %+v\n(-want +got)\n%s", got, want, diff)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2020年11月2日上午", "二〇二〇年十一月二日", "中華民國八十九年九月十五日",
		"99年12月27日（星期一）下午", "2020.11.2", "22日", "今天", "12月30日",
		"2020-1234-5678", "民國101年10月26日",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, roc bool) {
		if m, ok := ParseDate(s, dateRef, roc); ok {
			if !validDate(m.Date) || m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("ParseDate(%q) = %+v", s, m)
			}
		}
		last := 0
		for _, m := range FindDates(s, dateRef, roc) {
			if !validDate(m.Date) || m.Start < last || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("FindDates(%q): bad match %+v after %d", s, m, last)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[m.Start:m.End]) {
				t.Fatalf("FindDates(%q): span %d:%d splits a rune", s, m.Start, m.End)
			}
			if strings.TrimSpace(s[m.Start:m.End]) == "" {
				t.Fatalf("FindDates(%q): empty match", s)
			}
			last = m.End
		}
	})
}
