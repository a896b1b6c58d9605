package cnum

import (
	"math"
	"unicode/utf8"
)

// Kinds of numeral runes.
const (
	kindNone  = iota
	kindDigit // a Chinese digit 0-9 (一, 〇, 零, 壹, 两 …)
	kindUnit  // 十, 百, 千, 万, 亿 and their financial forms
	kindTens  // 廿, 卅, 卌: a digit and 十 in one rune
	kindASCII // 0-9
	kindWide  // ０-９
)

// runeInfo classifies r and gives its digit or unit value.
func runeInfo(r rune) (kind int, val int) {
	switch r {
	case '〇', '零', '○':
		return kindDigit, 0
	case '一', '壹', '弌':
		return kindDigit, 1
	case '二', '贰', '貳', '弍':
		return kindDigit, 2
	case '两', '兩':
		return kindDigit, 2
	case '三', '叁', '參', '叄', '弎':
		return kindDigit, 3
	case '四', '肆':
		return kindDigit, 4
	case '五', '伍':
		return kindDigit, 5
	case '六', '陆', '陸':
		return kindDigit, 6
	case '七', '柒':
		return kindDigit, 7
	case '八', '捌':
		return kindDigit, 8
	case '九', '玖':
		return kindDigit, 9
	case '十', '拾':
		return kindUnit, 10
	case '百', '佰':
		return kindUnit, 100
	case '千', '仟':
		return kindUnit, 1000
	case '万', '萬':
		return kindUnit, 10000
	case '亿', '億':
		return kindUnit, 100000000
	case '廿':
		return kindTens, 20
	case '卅':
		return kindTens, 30
	case '卌':
		return kindTens, 40
	}
	if r >= '0' && r <= '9' {
		return kindASCII, int(r - '0')
	}
	if r >= '０' && r <= '９' {
		return kindWide, int(r - '０')
	}
	return kindNone, 0
}

// IsNumeral reports whether r can be part of a numeral: an ASCII or
// full-width digit, a Chinese digit or a Chinese unit (十, 百, 万 …).
func IsNumeral(r rune) bool {
	k, _ := runeInfo(r)
	return k != kindNone
}

// IsDigit reports whether r is an ASCII or full-width digit.
func IsDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

// IsChinese reports whether r is a Chinese numeral rune (a digit such as 一
// or 〇, or a unit such as 十 or 万), as opposed to a positional digit.
func IsChinese(r rune) bool {
	k, _ := runeInfo(r)
	return k == kindDigit || k == kindUnit || k == kindTens
}

// maxRunes bounds the numerals Parse and Prefix look at; no identifier in a
// document is longer.
const maxRunes = 64

// Parse parses s, which must be a number and nothing else: ASCII or
// full-width digits (115, １１５), a Chinese counting form (一百一十五, 十七,
// 两百, 一千零五, 廿三, 三万五千, 壹佰贰拾), or Chinese digits read one by one
// (二〇二〇, 一九九九). Colloquial abbreviations after a unit are read as
// people read them: 一百一 is 110, 两万三 is 23000. It reports false for
// anything else, including values that overflow an int.
func Parse(s string) (int, bool) {
	if s == "" || len(s) > maxRunes*utf8.UTFMax {
		return 0, false
	}
	var buf [maxRunes]rune
	rs := buf[:0]
	positional, chinese := true, false
	for _, r := range s {
		k, _ := runeInfo(r)
		switch k {
		case kindNone:
			return 0, false
		case kindUnit, kindTens:
			positional = false
			chinese = true
		case kindDigit:
			chinese = true
		}
		if len(rs) == maxRunes {
			return 0, false
		}
		rs = append(rs, r)
	}
	if positional {
		return parsePositional(rs, chinese)
	}
	if !chinese {
		return 0, false
	}
	return parseCounting(rs)
}

// parsePositional reads digits one by one: 115, １１５, 二〇二〇. Chinese and
// Arabic digits do not mix, and 两 is no positional digit.
func parsePositional(rs []rune, chinese bool) (int, bool) {
	n := 0
	for _, r := range rs {
		k, v := runeInfo(r)
		if chinese != (k == kindDigit) || (r == '两' || r == '兩') && len(rs) > 1 {
			return 0, false
		}
		if n > (math.MaxInt-v)/10 {
			return 0, false
		}
		n = n*10 + v
	}
	return n, true
}

// parseCounting reads a counting form with units.
func parseCounting(rs []rune) (int, bool) {
	return parseBelow(rs, 1<<62)
}

// parseBelow parses a counting form whose value must be below limit,
// splitting at the highest of 亿 and 万 present.
func parseBelow(rs []rune, limit int) (int, bool) {
	for _, big := range [...]int{100000000, 10000} {
		if big >= limit {
			continue
		}
		at := -1
		for i := len(rs) - 1; i >= 0; i-- {
			if k, v := runeInfo(rs[i]); k == kindUnit && v == big {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		if at == 0 {
			return 0, false // a bare 万 or 亿 is no number
		}
		hi, ok := parseBelow(rs[:at], big)
		if !ok || hi == 0 {
			return 0, false
		}
		if hi > (math.MaxInt)/big {
			return 0, false
		}
		rest := rs[at+1:]
		lo := 0
		if len(rest) > 0 {
			// 两万三 = 23000: a single digit right after the unit counts in
			// the next unit down.
			if len(rest) == 1 {
				if k, v := runeInfo(rest[0]); k == kindDigit && v > 0 && rest[0] != '两' && rest[0] != '兩' {
					lo = v * big / 10
					return hi*big + lo, true
				}
			}
			if k, v := runeInfo(rest[0]); k == kindDigit && v == 0 {
				rest = rest[1:]
				if len(rest) == 0 {
					return 0, false
				}
			}
			lo, ok = parseBelow(rest, big)
			if !ok {
				return 0, false
			}
		}
		return hi*big + lo, true
	}
	return parseSection(rs)
}

// parseSection parses a counting form below 万: digits, 十, 百, 千 and 零.
func parseSection(rs []rune) (int, bool) {
	if len(rs) == 0 {
		return 0, false
	}
	total := 0
	digit := -1       // pending digit, -1 if none
	lastUnit := 10000 // units must decrease
	zero := false     // a 零 was seen since the last unit
	liang := false    // the pending digit is 两
	for i, r := range rs {
		k, v := runeInfo(r)
		switch k {
		case kindDigit:
			if digit >= 0 {
				return 0, false // two digits in a row: 一二
			}
			if v == 0 {
				if zero || i == 0 || lastUnit == 10000 {
					return 0, false
				}
				zero = true
				continue
			}
			digit = v
			liang = r == '两' || r == '兩'
		case kindTens:
			if digit >= 0 || lastUnit <= 10 {
				return 0, false
			}
			total += v
			lastUnit = 10
			zero = false
		case kindUnit:
			if v >= lastUnit || v > 1000 {
				return 0, false
			}
			if digit < 0 {
				// Only 十 stands without a digit: 十五, 一千零十.
				if v != 10 || (i != 0 && !zero) {
					return 0, false
				}
				digit = 1
			}
			if liang && v == 10 {
				return 0, false // 两十
			}
			if zero && v*10 >= lastUnit {
				return 0, false // 一千零百
			}
			total += digit * v
			digit, liang, zero = -1, false, false
			lastUnit = v
		default:
			return 0, false
		}
	}
	if zero && digit < 0 {
		return 0, false // trailing 零
	}
	if digit >= 0 {
		switch {
		case liang && lastUnit != 10000:
			return 0, false // 一百两
		case lastUnit == 10000 || zero || lastUnit == 10:
			total += digit
		default:
			total += digit * lastUnit / 10 // 一百一 = 110
		}
	}
	return total, true
}

// Prefix reads the longest number at the start of s and returns its value
// and its length in bytes: Prefix("第") fails, Prefix("115次") is 115, 3 and
// Prefix("十七届133次") is 17, 6. Digits and Chinese numerals do not mix in
// one number.
func Prefix(s string) (n int, size int, ok bool) {
	r, w := utf8.DecodeRuneInString(s)
	k, _ := runeInfo(r)
	if k == kindNone {
		return 0, 0, false
	}
	arabic := k == kindASCII || k == kindWide
	// Collect the run of same-family numeral runes, and the byte offset
	// after each.
	var ends [maxRunes]int
	cnt := 0
	i := 0
	for i < len(s) && cnt < maxRunes {
		r, w = utf8.DecodeRuneInString(s[i:])
		k, _ = runeInfo(r)
		if k == kindNone || (k == kindASCII || k == kindWide) != arabic {
			break
		}
		i += w
		ends[cnt] = i
		cnt++
	}
	if arabic {
		v, ok := Parse(s[:i])
		if !ok {
			return 0, 0, false
		}
		return v, i, true
	}
	for c := cnt; c > 0; c-- {
		if v, ok := Parse(s[:ends[c-1]]); ok {
			return v, ends[c-1], true
		}
	}
	return 0, 0, false
}
