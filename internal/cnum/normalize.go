package cnum

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ordinalSuffixes follow 第N where N is an identifier: a session, a term, a
// document number, an article. 第一时间 and 第一书记 stay as they are.
var ordinalSuffixes = []string{
	"次", "届", "屆", "会期", "會期", "号", "號", "条", "條", "项", "項",
	"章", "节", "節", "款", "期", "任", "批", "轮", "輪", "季度", "页", "頁",
	"卷", "册", "冊", "编", "編", "部分", "分册", "场", "場",
}

// meetingAfterCount follow N次 in names of sittings without 第:
// 十三届全国人大常委会三次会议.
var meetingAfterCount = []string{
	"会议", "會議", "全体", "全體", "常务", "常務", "临时", "臨時", "定期",
	"院会", "院會", "大会", "大會", "委员会", "委員會",
}

// eraPrefixes mark the number before 年 as a year.
var eraPrefixes = []string{"民國", "民国", "公元", "西元"}

// Normalize rewrites the numerals that identify something — session and
// term numbers, document numbers, dates — into ASCII digits, and leaves
// every other byte of s as it is:
//
//	第一百一十五次 → 第115次      第十一屆 → 第11屆
//	二〇二〇年十一月二日 → 2020年11月2日
//	十三届全国人大 → 13届全国人大  2026年第一次 → 2026年第1次
//
// A numeral is rewritten only inside these patterns: 第N followed by an
// ordinal word (次, 届/屆, 会期/會期, 号/號, 条/條, 项/項, 章, 节, 款, 期 …),
// N届/屆, N次会议 and similar sitting names, 〔…〕N号, and dates: N年 before
// a month or after 民國/公元, or written digit by digit (二〇二〇年); N月 for
// 1-12; N日/号 after a month. Ordinary words that contain numeral runes
// (一些, 统一, 一体化, 十分重要, 一岗双责, 万一, 两个不放松, 第一时间,
// 十年) are kept. Full-width digits inside the patterns become ASCII.
func Normalize(s string) string {
	var b strings.Builder
	copied := 0 // bytes of s already written to b
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < 0x80 && (r < '0' || r > '9') || !IsNumeral(r) || (prev >= 0 && IsNumeral(prev)) {
			prev = r
			i += w
			continue
		}
		// A maximal run of numeral runes starts at i.
		j := i + w
		ascii := r < 0x80
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if !IsNumeral(r2) {
				break
			}
			ascii = ascii && r2 < 0x80
			j += w2
		}
		prev, _ = utf8.DecodeLastRuneInString(s[i:j])
		if ascii {
			i = j
			continue
		}
		v, ok := Parse(s[i:j])
		if ok && identifies(s[:i], s[i:j], s[j:], v) {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[copied:i])
			b.WriteString(strconv.Itoa(v))
			copied = j
		}
		i = j
	}
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return b.String()
}

// identifies reports whether the numeral num, with value v, between before
// and after, is an identifier that Normalize rewrites.
func identifies(before, num, after string, v int) bool {
	switch {
	case strings.HasSuffix(before, "第"):
		return hasAnyPrefix(after, ordinalSuffixes)
	case strings.HasPrefix(after, "届"), strings.HasPrefix(after, "屆"):
		return true
	case strings.HasPrefix(after, "次"):
		return hasAnyPrefix(after[len("次"):], meetingAfterCount)
	case strings.HasPrefix(after, "号") || strings.HasPrefix(after, "號"):
		if strings.HasSuffix(before, "〕") || strings.HasSuffix(before, "]") || strings.HasSuffix(before, "］") {
			return true
		}
		return isDay(before, num, v)
	case strings.HasPrefix(after, "年"):
		if hasAnySuffix(before, eraPrefixes) || isPositional(num) && utf8.RuneCountInString(num) >= 2 {
			return true
		}
		m, size, ok := Prefix(after[len("年"):])
		return ok && m >= 1 && m <= 12 && strings.HasPrefix(after[len("年")+size:], "月")
	case strings.HasPrefix(after, "月"):
		return v >= 1 && v <= 12 && !strings.ContainsAny(num, "两兩廿卅卌")
	case strings.HasPrefix(after, "日"):
		return isDay(before, num, v)
	}
	return false
}

// isDay reports whether num before 日 or 号 is the day of a date: it follows
// a month.
func isDay(before, num string, v int) bool {
	return v >= 1 && v <= 31 && strings.HasSuffix(before, "月") &&
		!strings.ContainsAny(num, "两兩")
}

// isPositional reports whether num is written digit by digit (no units).
func isPositional(num string) bool {
	for _, r := range num {
		if k, _ := runeInfo(r); k == kindUnit || k == kindTens {
			return false
		}
	}
	return true
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}
