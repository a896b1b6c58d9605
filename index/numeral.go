package index

import "github.com/jiyao-search/jiyao/internal/cnum"

// parseNumeral reads a Chinese numeral: a counting form (一百一十五, 十一,
// 两千零五) or digits read one by one (二〇二〇).
func parseNumeral(s string) (int, bool) { return cnum.Parse(s) }

// isNumeralRune reports whether r can be part of a Chinese numeral. Text is
// folded first, so traditional forms arrive simplified.
func isNumeralRune(r rune) bool { return cnum.IsChinese(r) }
