package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// page is a document's text in the three forms extraction needs: raw (as
// decoded, line breaks as the file had them), display (repaired, what a
// person reads) and folded (what patterns match on), with a map from folded
// byte offsets back to display offsets.
type page struct {
	raw  string
	disp string
	norm string
	offs []int
	// lines are the [start, end) byte spans of the folded lines.
	lines [][2]int
}

func newPage(raw string) *page {
	raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n")
	p := &page{raw: raw, disp: Repair(raw)}
	p.norm, p.offs = fold.Offsets(p.disp)
	start := 0
	for i := 0; i <= len(p.norm); i++ {
		if i == len(p.norm) || p.norm[i] == '\n' {
			p.lines = append(p.lines, [2]int{start, i})
			start = i + 1
		}
	}
	return p
}

// show returns the display text of the folded span [i, j), trimmed.
func (p *page) show(i, j int) string {
	return strings.TrimSpace(p.disp[p.offs[i]:p.offs[j]])
}

// line returns the folded text of line k.
func (p *page) line(k int) string { return p.norm[p.lines[k][0]:p.lines[k][1]] }

// lineAt returns the index of the line holding folded offset i.
func (p *page) lineAt(i int) int {
	for k, l := range p.lines {
		if i <= l[1] {
			return k
		}
	}
	return len(p.lines) - 1
}

func hanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// squeezeHanSpaces removes spaces between two Han characters, which in titles
// are layout (苏州市人民政府 常务会议纪要).
func squeezeHanSpaces(s string) string {
	if !strings.ContainsAny(s, " \u3000\t") {
		return s
	}
	rs := []rune(strings.TrimSpace(s))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if unicode.IsSpace(rs[i]) {
			j := i
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			if i > 0 && j < len(rs) && hanRune(rs[i-1]) && hanRune(rs[j]) {
				i = j - 1
				continue
			}
			b.WriteRune(' ')
			i = j - 1
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// stripSpaces removes all white space (labels such as 出 席, 時　　間).
func stripSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// runeCount is utf8.RuneCountInString, short.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// hasAnyPrefix returns the first of words that s starts with.
func firstPrefix(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}
