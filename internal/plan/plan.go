// Package plan normalises the titles of plans and other documents that
// meetings decide on, so that one plan is recognised across meetings as it
// goes from 研究 to 审议 to 原则同意 to 通过: 《苏州市…规划（草案）》 and
// 苏州市…规划送审稿 are one plan. It is shared by the API and the web pages
// and is not a public API.
package plan

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
)

var bracketRE = regexp.MustCompile(`[《〈]([^《》〈〉]+)[》〉]`)

// Titles lists the 《》 titles in s, as written.
func Titles(s string) []string {
	var out []string
	for _, m := range bracketRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// draftSuffixes are stripped from the end of plan titles (folded): the same
// plan goes from 草案 to 送审稿 to its final title.
var draftSuffixes = []string{
	"(修订草案)", "(草案)", "(送审稿)", "(征求意见稿)", "(修订稿)", "(讨论稿)", "(代拟稿)", "(审议稿)",
	"修订草案", "草案", "送审稿", "征求意见稿", "修订稿", "讨论稿", "代拟稿", "审议稿",
}

// leadingVerbs are stripped from the start of a title without 《》: 审议X is
// about X.
var leadingVerbs = []string{"审议通过", "原则同意", "原则通过", "审议", "研究", "听取", "讨论", "通过", "同意", "关于"}

// Key is the form plan titles are compared in: folded script and width, the
// first 《》 title if there is one (else the text without a leading verb),
// without brackets, quotes, spaces, final punctuation or draft suffixes.
func Key(s string) string {
	s = fold.String(s)
	if bs := Titles(s); len(bs) > 0 {
		s = bs[0]
	} else {
		for _, v := range leadingVerbs {
			if strings.HasPrefix(s, v) {
				s = strings.TrimPrefix(s, v)
				break
			}
		}
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), strings.ContainsRune("《》〈〉<>「」『』\"'“”‘’", r):
			return -1
		}
		return r
	}, s)
	for changed := true; changed; {
		changed = false
		s = strings.TrimRight(s, "。.，,;；:：")
		for _, suf := range draftSuffixes {
			if strings.HasSuffix(s, suf) && len(s) > len(suf) {
				s = strings.TrimSuffix(s, suf)
				changed = true
			}
		}
	}
	return s
}
