package ingest

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/cnum"
)

// Date is a calendar date as minutes state it.
type Date struct {
	Year, Month, Day int
}

// String formats d as YYYY-MM-DD, the form the Minutes record uses.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns d at midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// DateMatch is a date found in a text.
type DateMatch struct {
	Date
	// Start and End are the byte offsets of the match in the text. The
	// match includes an era prefix (中華民國), a weekday (（星期一）) and a
	// part of day (上午) that follow the date.
	Start, End int
	// PartOfDay is 上午, 下午, 晚上, 中午, 凌晨 … when one follows the date.
	PartOfDay string
	// Inferred is set when the year, or the year and month, or the whole
	// date (今天, 昨日) came from the reference date rather than the text.
	Inferred bool
	// ROC is set when the year was written in the Republic of China
	// calendar (民國 year + 1911).
	ROC bool
}

// Limits of a plausible minutes date, after calendar conversion.
const (
	minYear = 1900
	maxYear = 2100
	// rocOffset converts a 民國 year to a Gregorian one.
	rocOffset = 1911
	// futureSlack is how far after the reference date a date without a
	// year may fall before it is taken to be last year's: a notice can
	// announce a meeting a few days ahead.
	futureSlack = 7 * 24 * time.Hour
)

// ParseDate parses s, which must hold one date and nothing else apart from
// surrounding spaces, a weekday and a part of day. It accepts the forms
// FindDates finds; Start and End are offsets in s.
func ParseDate(s string, ref time.Time, roc bool) (DateMatch, bool) {
	start := len(s) - len(strings.TrimLeft(s, " \t\u3000"))
	end := len(strings.TrimRight(s, " \t\u3000\r\n"))
	if start >= end {
		return DateMatch{}, false
	}
	m, ok, _ := matchDate(s[:end], start, ref, roc)
	if !ok || m.End != end {
		return DateMatch{}, false
	}
	return m, true
}

// FindDates returns the dates in text, in order, with their byte spans. It
// reads every form minutes use:
//
//	2020年11月2日  2020-11-02  2020.11.2  2020/11/2  ２０２０年１１月２日
//	二〇二〇年十一月二日  二〇二〇年十一月二号
//	中華民國八十九年九月十五日  民國101年10月26日  公元2000年1月1日
//
// and, when ref is not zero, dates relative to it: 今天/今日 (ref), 昨天/昨日,
// 前天, 明天; 11月2日 without a year (ref's year, or the year before if the
// date would fall more than a week after ref); 22日 alone (a day of ref's
// month, or of the month before if it would fall after ref). A day alone
// must be written with a digit or with two or more Chinese numerals (一日
// is usually "one day") and not be followed by 内 or 以上, which make it a
// duration.
//
// Years of three digits (101年) are 民國 years. Years of one or two digits
// (99年12月27日, 99.12.27), and Chinese counting forms (八十九年), are read
// as 民國 years after 民國/中華民國, or anywhere when roc is set, as it
// should be for documents from Taiwan; otherwise such dates are skipped, not
// guessed. Dates outside 1900-2100 or not in the calendar (2020年13月,
// 2月30日) are not matches.
func FindDates(text string, ref time.Time, roc bool) []DateMatch {
	var out []DateMatch
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, w := decodeRune(text, i)
		if dateTriggers.has(r) && mayStartDate(prev, r) {
			m, ok, skip := matchDate(text, i, ref, roc)
			if ok {
				out = append(out, m)
				prev, _ = utf8.DecodeLastRuneInString(text[:m.End])
				i = m.End
				continue
			}
			if skip > 0 {
				prev, _ = utf8.DecodeLastRuneInString(text[:i+skip])
				i += skip
				continue
			}
		}
		prev = r
		i += w
	}
	return out
}

// dateTriggers holds the runes a date can start with, apart from digits.
var dateTriggers = newRuneSet("〇零○一壹弌二贰貳弍两兩三叁參叄弎四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅卌" +
	"中民公西今昨前明本０１２３４５６７８９")

// runeSet is a set of runes below U+10000 (a bitmap of 8 KiB).
type runeSet [1 << 16 / 64]uint64

func newRuneSet(runes string) *runeSet {
	var s runeSet
	for _, r := range runes {
		s[r/64] |= 1 << (r % 64)
	}
	return &s
}

// has reports whether r is in s or an ASCII digit.
func (s *runeSet) has(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return r < 1<<16 && s[r/64]&(1<<(r%64)) != 0
}

// decodeRune decodes the rune at text[i:] like utf8.DecodeRuneInString,
// with a fast path for the three-byte sequences of CJK text.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c >= 0xE1 && c <= 0xEC && i+2 < len(text) {
		c1, c2 := text[i+1], text[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// mayStartDate reports whether a date can start at r, after prev.
func mayStartDate(prev, r rune) bool {
	switch r {
	case '中', '民', '公', '西', '今', '昨', '前', '明', '本':
		return true
	}
	if r < 0x80 && (r < '0' || r > '9') {
		return false
	}
	if !cnum.IsNumeral(r) {
		return false
	}
	// A number starts here only if it does not continue one.
	if cnum.IsDigit(r) {
		return !cnum.IsDigit(prev) && !isASCIILetter(prev) && prev != '.' && prev != '-' && prev != '/'
	}
	return !cnum.IsChinese(prev)
}

func isASCIILetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

var (
	rocEras       = []string{"中華民國", "中华民国", "民國", "民国"}
	gregorianEras = []string{"公元", "西元"}
	relativeDays  = []struct {
		word string
		days int
	}{
		{"今天", 0}, {"今日", 0}, {"本日", 0},
		{"昨天", -1}, {"昨日", -1}, {"前天", -2},
		{"明天", 1}, {"明日", 1},
	}
	partsOfDay = []string{
		"上午", "下午", "中午", "晚上", "凌晨", "早上", "清晨", "早晨",
		"傍晚", "晚间", "晚間", "夜间", "夜間", "午后", "午後",
	}
	// durationAfterDay make N日 a span of days, not a date.
	durationAfterDay = []string{"内", "內", "以内", "以內", "之内", "之內", "以上", "以下", "左右", "间", "間"}
)

// matchDate matches a date starting at byte i of text. When there is no
// match, skip > 0 tells the caller to resume after a year-month-day shape
// that was rejected as a whole (99年12月27日 outside ROC context), so that
// its 12月27日 is not taken for a date of its own.
func matchDate(text string, i int, ref time.Time, roc bool) (m DateMatch, ok bool, skip int) {
	rest := text[i:]
	for _, rd := range relativeDays {
		if strings.HasPrefix(rest, rd.word) {
			if ref.IsZero() {
				return DateMatch{}, false, len(rd.word)
			}
			t := ref.AddDate(0, 0, rd.days)
			d := Date{t.Year(), int(t.Month()), t.Day()}
			return finishDate(text, DateMatch{Date: d, Start: i, End: i + len(rd.word), Inferred: true}), true, 0
		}
	}
	era := 0 // +1 ROC, -1 Gregorian
	j := i
	for _, e := range rocEras {
		if strings.HasPrefix(rest, e) {
			era, j = 1, i+len(e)
			break
		}
	}
	if era == 0 {
		for _, e := range gregorianEras {
			if strings.HasPrefix(rest, e) {
				era, j = -1, i+len(e)
				break
			}
		}
	}
	n, size, numOK := cnum.Prefix(text[j:])
	if !numOK {
		return DateMatch{}, false, 0
	}
	numText := text[j : j+size]
	arabic := cnum.IsDigit(firstRune(numText))
	k := skipSpaces(text, j+size)
	r, w := utf8.DecodeRuneInString(text[k:])
	switch {
	case r == '年':
		return matchYMD(text, i, k+w, n, numText, arabic, era, roc)
	case era != 0:
		return DateMatch{}, false, 0
	case r == '月':
		if strings.HasSuffix(strings.TrimRight(text[:i], " "), "年") {
			return DateMatch{}, false, 0 // the year was rejected
		}
		return matchMD(text, i, k+w, n, ref)
	case r == '日':
		return matchDay(text, i, k+w, n, numText, arabic, ref)
	case arabic && (r == '-' || r == '.' || r == '/' || r == '－' || r == '．' || r == '／'):
		return matchSeparated(text, i, k, w, n, numText, roc)
	}
	return DateMatch{}, false, 0
}

// matchYMD matches the month and day after a year (j is after 年).
func matchYMD(text string, start, j, n int, numText string, arabic bool, era int, roc bool) (DateMatch, bool, int) {
	month, day, end, ok := monthDay(text, j)
	if !ok {
		return DateMatch{}, false, 0
	}
	skip := end - start // on rejection, skip the whole year-month-day
	digits := utf8.RuneCountInString(numText)
	positional := arabic || isPositionalChinese(numText)
	year, isROC := 0, false
	switch {
	case era < 0:
		year = n
	case era > 0:
		year, isROC = n+rocOffset, true
	case positional && digits == 4:
		year = n
	case positional && digits == 3, roc:
		year, isROC = n+rocOffset, true
	default:
		return DateMatch{}, false, skip
	}
	d := Date{year, month, day}
	if !validDate(d) {
		return DateMatch{}, false, skip
	}
	return finishDate(text, DateMatch{Date: d, Start: start, End: end, ROC: isROC}), true, 0
}

// matchMD matches a day after a month without a year (j is after 月).
func matchMD(text string, start, j, month int, ref time.Time) (DateMatch, bool, int) {
	day, end, ok := dayAt(text, j)
	if !ok || ref.IsZero() {
		return DateMatch{}, false, 0
	}
	d := Date{ref.Year(), month, day}
	if validDate(d) && d.Time().After(dayOf(ref).Add(futureSlack)) {
		d.Year--
	}
	if !validDate(d) {
		return DateMatch{}, false, 0
	}
	return finishDate(text, DateMatch{Date: d, Start: start, End: end, Inferred: true}), true, 0
}

// matchDay matches a day alone (j is after 日).
func matchDay(text string, start, j, day int, numText string, arabic bool, ref time.Time) (DateMatch, bool, int) {
	if ref.IsZero() || !arabic && utf8.RuneCountInString(numText) < 2 {
		return DateMatch{}, false, 0
	}
	before := strings.TrimRight(text[:start], " ")
	if strings.HasSuffix(before, "月") || strings.HasSuffix(before, "〕") {
		return DateMatch{}, false, 0
	}
	for _, s := range durationAfterDay {
		if strings.HasPrefix(text[j:], s) {
			return DateMatch{}, false, 0
		}
	}
	r := dayOf(ref)
	d := Date{r.Year(), int(r.Month()), day}
	if !validDate(d) || d.Time().After(r) {
		// AddDate normalises 31 March - 1 month to 3 March; step back from
		// the first of the month.
		p := time.Date(r.Year(), r.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
		d = Date{p.Year(), int(p.Month()), day}
	}
	if !validDate(d) {
		return DateMatch{}, false, 0
	}
	return finishDate(text, DateMatch{Date: d, Start: start, End: j, Inferred: true}), true, 0
}

// matchSeparated matches 2020-11-02, 2020.11.2, 2020/11/2 and, in ROC
// context, 99.12.27. k is the offset of the first separator, of width w.
func matchSeparated(text string, start, k, w, year int, numText string, roc bool) (DateMatch, bool, int) {
	if k != start+len(numText) {
		return DateMatch{}, false, 0 // no spaces around separators
	}
	sep := text[k : k+w]
	month, size, ok := digitsAt(text, k+w, 2)
	if !ok {
		return DateMatch{}, false, 0
	}
	p := k + w + size
	if !strings.HasPrefix(text[p:], sep) {
		return DateMatch{}, false, 0
	}
	p += len(sep)
	day, size, ok := digitsAt(text, p, 2)
	if !ok {
		return DateMatch{}, false, 0
	}
	end := p + size
	// Not part of a longer dotted or dashed number: 2020.11.2.5, 1.2.3.4.
	if r, _ := utf8.DecodeRuneInString(text[end:]); cnum.IsDigit(r) {
		return DateMatch{}, false, 0
	}
	if strings.HasPrefix(text[end:], sep) {
		if r, _ := utf8.DecodeRuneInString(text[end+len(sep):]); cnum.IsDigit(r) {
			return DateMatch{}, false, 0
		}
	}
	isROC := false
	switch digits := utf8.RuneCountInString(numText); {
	case digits == 4:
	case digits == 3 || roc && digits >= 2:
		year += rocOffset
		isROC = true
	default:
		return DateMatch{}, false, 0
	}
	d := Date{year, month, day}
	if !validDate(d) {
		return DateMatch{}, false, 0
	}
	return finishDate(text, DateMatch{Date: d, Start: start, End: end, ROC: isROC}), true, 0
}

// monthDay reads "11月2日" (with optional spaces) at j.
func monthDay(text string, j int) (month, day, end int, ok bool) {
	j = skipSpaces(text, j)
	month, size, ok := cnum.Prefix(text[j:])
	if !ok {
		return 0, 0, 0, false
	}
	j = skipSpaces(text, j+size)
	if !strings.HasPrefix(text[j:], "月") {
		return 0, 0, 0, false
	}
	day, end, ok = dayAt(text, j+len("月"))
	return month, day, end, ok
}

// dayAt reads "2日" or "二号" (with optional spaces) at j.
func dayAt(text string, j int) (day, end int, ok bool) {
	j = skipSpaces(text, j)
	day, size, ok := cnum.Prefix(text[j:])
	if !ok {
		return 0, 0, false
	}
	j = skipSpaces(text, j+size)
	for _, s := range []string{"日", "号", "號"} {
		if strings.HasPrefix(text[j:], s) {
			return day, j + len(s), true
		}
	}
	return 0, 0, false
}

// digitsAt reads one to max ASCII or full-width digits at j.
func digitsAt(text string, j, max int) (n, size int, ok bool) {
	for cnt := 0; cnt < max && j+size < len(text); cnt++ {
		r, w := utf8.DecodeRuneInString(text[j+size:])
		if !cnum.IsDigit(r) {
			break
		}
		v, _ := cnum.Parse(string(r))
		n = n*10 + v
		size += w
	}
	return n, size, size > 0
}

// finishDate extends m over a weekday and a part of day that follow it.
func finishDate(text string, m DateMatch) DateMatch {
	j := skipSpaces(text, m.End)
	if e := weekdayEnd(text, j); e > j {
		m.End = e
		j = skipSpaces(text, e)
	}
	for _, p := range partsOfDay {
		if strings.HasPrefix(text[j:], p) {
			m.PartOfDay = p
			m.End = j + len(p)
			break
		}
	}
	return m
}

// weekdayEnd returns the end of a weekday at j — 星期一, 周一, 週一, in
// brackets or not — or j if there is none.
func weekdayEnd(text string, j int) int {
	p := j
	closer := ""
	switch {
	case strings.HasPrefix(text[p:], "（"):
		p, closer = p+len("（"), "）"
	case strings.HasPrefix(text[p:], "("):
		p, closer = p+1, ")"
	}
	found := false
	for _, w := range []string{"星期", "礼拜", "禮拜", "周", "週"} {
		if strings.HasPrefix(text[p:], w) {
			r, size := utf8.DecodeRuneInString(text[p+len(w):])
			if strings.ContainsRune("一二三四五六日天", r) {
				p += len(w) + size
				found = true
			}
			break
		}
	}
	if !found {
		return j
	}
	if closer != "" {
		if !strings.HasPrefix(text[p:], closer) {
			return j
		}
		p += len(closer)
	}
	return p
}

// skipSpaces skips up to two ASCII spaces, which PDF extraction puts
// between the parts of a date (2020 年 11 月).
func skipSpaces(text string, j int) int {
	for n := 0; n < 2 && j < len(text) && text[j] == ' '; n++ {
		j++
	}
	return j
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isPositionalChinese reports whether s is Chinese digits read one by one
// (二〇二〇), with no units.
func isPositionalChinese(s string) bool {
	for _, r := range s {
		if !cnum.IsChinese(r) || strings.ContainsRune("十拾百佰千仟万萬亿億廿卅卌两兩", r) {
			return false
		}
	}
	return len(s) > 0
}

// validDate reports whether d is in the calendar and in minutes' range of years.
func validDate(d Date) bool {
	if d.Year < minYear || d.Year > maxYear || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dayOf is the calendar day of t, at midnight UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
