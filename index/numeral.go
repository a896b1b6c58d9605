package index

// Chinese numerals in identifiers (第一百一十五次, 二〇二〇年) are read by
// parseNumeral. It is the one place to swap in internal/cnum once that
// package has landed: cnum.Parse has the same signature.

// numeralValue gives the value of a digit rune, or -1, and the multiplier of
// a unit rune (十, 百, 千, 万), or 0. Text is folded first, so traditional
// and full-width forms arrive simplified and half-width.
func numeralValue(r rune) (digit, unit int) {
	switch r {
	case '〇', '零', '○':
		return 0, 0
	case '一', '壹':
		return 1, 0
	case '二', '两', '贰':
		return 2, 0
	case '三', '叁':
		return 3, 0
	case '四', '肆':
		return 4, 0
	case '五', '伍':
		return 5, 0
	case '六', '陆':
		return 6, 0
	case '七', '柒':
		return 7, 0
	case '八', '捌':
		return 8, 0
	case '九', '玖':
		return 9, 0
	case '十', '拾':
		return -1, 10
	case '百', '佰':
		return -1, 100
	case '千', '仟':
		return -1, 1000
	case '万':
		return -1, 10000
	}
	return -1, 0
}

// isNumeralRune reports whether r can be part of a Chinese numeral.
func isNumeralRune(r rune) bool {
	d, u := numeralValue(r)
	return d >= 0 || u > 0
}

// parseNumeral reads a Chinese numeral: a counting form (一百一十五, 十一,
// 两千零五) or digits read one by one (二〇二〇). It reports false for
// anything else.
func parseNumeral(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 16 {
		return 0, false
	}
	hasUnit := false
	for _, r := range rs {
		d, u := numeralValue(r)
		if d < 0 && u == 0 {
			return 0, false
		}
		if u > 0 {
			hasUnit = true
		}
	}
	if !hasUnit {
		n := 0
		for _, r := range rs {
			d, _ := numeralValue(r)
			n = n*10 + d
		}
		return n, true
	}
	total, section, digit := 0, 0, -1
	lastUnit := 0
	for _, r := range rs {
		d, u := numeralValue(r)
		switch {
		case d >= 0:
			if digit > 0 {
				return 0, false // two digits in a row in a counting form
			}
			digit = d
		case u == 10000:
			if digit > 0 {
				section += digit
			}
			if section == 0 {
				return 0, false
			}
			total += section * u
			section, digit, lastUnit = 0, -1, u
		default:
			if lastUnit != 0 && lastUnit != 10000 && u >= lastUnit {
				return 0, false
			}
			if digit < 0 {
				if u != 10 || section != 0 {
					return 0, false
				}
				digit = 1 // 十一 is 11
			}
			section += digit * u
			digit, lastUnit = -1, u
		}
	}
	if digit > 0 {
		section += digit
	}
	return total + section, true
}
