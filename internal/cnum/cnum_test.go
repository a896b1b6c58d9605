package cnum

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		want   int
		wantOK bool
	}{
		{"0", 0, true},
		{"115", 115, true},
		{"007", 7, true},
		{"１１５", 115, true},
		{"一", 1, true},
		{"十", 10, true},
		{"十七", 17, true},
		{"二十", 20, true},
		{"一十五", 15, true},
		{"一百一十五", 115, true},
		{"一百零五", 105, true},
		{"一百一", 110, true},
		{"两百", 200, true},
		{"兩千", 2000, true},
		{"一千零五", 1005, true},
		{"一千零一十", 1010, true},
		{"一千零十", 1010, true},
		{"三千五", 3500, true},
		{"三千零五十", 3050, true},
		{"九千九百九十九", 9999, true},
		{"一万", 10000, true},
		{"两万三", 23000, true},
		{"三万五千", 35000, true},
		{"十万", 100000, true},
		{"一万零五", 10005, true},
		{"一亿", 100000000, true},
		{"一亿零五万", 100050000, true},
		{"十二萬三千四百五十六", 123456, true},
		{"廿", 20, true},
		{"廿三", 23, true},
		{"卅", 30, true},
		{"卅一", 31, true},
		{"零", 0, true},
		{"〇", 0, true},
		{"壹佰贰拾叁", 123, true},
		{"貳拾", 20, true},
		{"參", 3, true},
		{"陸佰", 600, true},
		{"拾", 10, true},
		{"仟", 0, false},
		{"二〇二〇", 2020, true},
		{"二零二零", 2020, true},
		{"一九九九", 1999, true},
		{"九九", 99, true},
		{"两", 2, true},
		// Not numbers.
		{"", 0, false},
		{"一些", 0, false},
		{"统一", 0, false},
		{"百", 0, false},
		{"万", 0, false},
		{"万一", 0, false},
		{"十十", 0, false},
		{"一百两", 0, false},
		{"两十", 0, false},
		{"百一", 0, false},
		{"一百零", 0, false},
		{"一零零百", 0, false},
		{"一千零百", 0, false},
		{"十百", 0, false},
		{"二〇二〇年", 0, false},
		{"1十", 0, false},
		{"1二", 0, false},
		{"两两", 0, false},
		{"12a", 0, false},
		{"99999999999999999999", 0, false},
		{"一二三四五六七八九〇一二三四五六七八九〇", 0, false},
		{"九千九百九十九万九千九百九十九亿亿亿", 0, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestPrefix(t *testing.T) {
	type result struct {
		N, Size int
		OK      bool
	}
	tests := []struct {
		in   string
		want result
	}{
		{"115次", result{115, 3, true}},
		{"１１５次", result{115, 9, true}},
		{"一百一十五次", result{115, 15, true}},
		{"十七届133次", result{17, 6, true}},
		{"133次", result{133, 3, true}},
		{"二〇二〇年", result{2020, 12, true}},
		{"两个不放松", result{2, 3, true}},
		{"十分重要", result{10, 3, true}},
		{"一百两", result{100, 6, true}},
		{"万一", result{}},
		{"第", result{}},
		{"", result{}},
		{"2020年", result{2020, 4, true}},
	}
	for _, tt := range tests {
		n, size, ok := Prefix(tt.in)
		got := result{n, size, ok}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Prefix(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"第一百一十五次", "第115次"},
		{"市政府第一百一十五次常务会议", "市政府第115次常务会议"},
		{"第１１５次", "第115次"},
		{"第115次", "第115次"},
		{"二〇二〇年十一月二日", "2020年11月2日"},
		{"二〇二〇年十一月二日上午", "2020年11月2日上午"},
		{"十一月二十二日", "11月22日"},
		{"第十一屆", "第11屆"},
		{"臺北市議會第十一屆第二次定期大會第六次會議", "臺北市議會第11屆第2次定期大會第6次會議"},
		{"2026年第一次", "2026年第1次"},
		{"十三届全国人大常委会第十次会议", "13届全国人大常委会第10次会议"},
		{"十二届全国人大常委会二十二次会议", "12届全国人大常委会22次会议"},
		{"中華民國八十九年九月十五日", "中華民國89年9月15日"},
		{"民国一百零一年", "民国101年"},
		{"〔2020〕三十六号", "〔2020〕36号"},
		{"第三条", "第3条"},
		{"第二十三條", "第23條"},
		{"第一项", "第1项"},
		{"第五章", "第5章"},
		{"第二会期", "第2会期"},
		{"第四會期", "第4會期"},
		{"十二月三十一号", "12月31号"},
		{"一九九九年", "1999年"},
		// Ordinary words stay.
		{"一些", "一些"},
		{"统一", "统一"},
		{"一体化", "一体化"},
		{"十分重要", "十分重要"},
		{"一岗双责", "一岗双责"},
		{"万一", "万一"},
		{"两个不放松", "两个不放松"},
		{"第一时间", "第一时间"},
		{"第一书记", "第一书记"},
		{"十年", "十年"},
		{"三年行动计划", "三年行动计划"},
		{"三个月", "三个月"},
		{"两月", "两月"},
		{"一日三餐", "一日三餐"},
		{"三次", "三次"},
		{"一次性", "一次性"},
		{"五一劳动节", "五一劳动节"},
		{"", ""},
		{"abc 123", "abc 123"},
	}
	for _, tt := range tests {
		got := Normalize(tt.in)
		if got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"115", "１１５", "一百一十五", "两万三", "二〇二〇", "廿三", "壹佰贰拾", "万一", "一亿零五万", "九九"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s)
		if ok && n < 0 {
			t.Errorf("Parse(%q) = %d, negative", s, n)
		}
		pn, size, pok := Prefix(s)
		if pok {
			if size <= 0 || size > len(s) || !utf8.ValidString(s[:size]) && utf8.ValidString(s) {
				t.Fatalf("Prefix(%q) size %d", s, size)
			}
			if n2, ok2 := Parse(s[:size]); !ok2 || n2 != pn {
				t.Errorf("Prefix(%q) = %d, %d but Parse(%q) = %d, %v", s, pn, size, s[:size], n2, ok2)
			}
		}
		if ok && (!pok || size != len(s) || pn != n) {
			t.Errorf("Parse(%q) = %d but Prefix = %d, %d, %v", s, n, pn, size, pok)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"第一百一十五次", "二〇二〇年十一月二日", "一些统一", "中華民國八十九年九月十五日", "第１１５次", "十三届全国人大"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q, invalid UTF-8", s, got)
		}
		if again := Normalize(got); again != got {
			t.Errorf("Normalize not idempotent: %q → %q → %q", s, got, again)
		}
	})
}
