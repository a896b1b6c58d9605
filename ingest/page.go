package ingest

import (
	"iter"
	"slices"
	"sort"
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
	// ex, when set, records the rule behind each field (Explain).
	ex *explainer
	// found holds the occurrences of pageWords, found on first use.
	found     []wordHit
	foundDone bool
	// talk holds the speeches of a transcript, read on first use.
	talk     spans
	talkDone bool
	// appointed holds the clauses that appoint or remove someone, read on
	// first use: the bodies of release items and of heads named both skip
	// them.
	appointed     spans
	appointedDone bool
	// reported holds who reported an item (readReporters), read on first
	// use: the officials and the bodies they report for both need them.
	reported     []Attendee
	reportedDone bool
	// secondRead holds the parts of a council's record that read a budget
	// a second time (secondReadings), read on first use.
	secondRead     spans
	secondReadDone bool
	// house holds the folded names a house label lists (rosterLabels).
	house map[string]bool
	// amends says whether the text names a decision that amends or
	// repeals regulations (《国务院关于修改和废止部分行政法规的决定（草
	// 案）》): 0 not yet read, 1 no, 2 yes (amendsNamed).
	amends int8
	// rows says whether the text runs a table's labelled rows on as prose
	// (labelledRows): 0 not yet known, 1 yes, 2 no.
	rows int8
}

// wordHit is an occurrence of a word at a folded offset.
type wordHit struct {
	at   int
	word string
}

// pageWords are the words the passes of extraction look for in a record's
// text (bodies' triggers, attendance, report and leader words, motions
// carried, appointments): one walk over the text finds them all.
var pageWords = wordTable(slices.Concat(bodyTriggers, attendVerbWords, reportVerbWords, leaderTitleWords, motionWords, appointWords)...)

// wordsIn yields, in text order, the occurrences of the words of set, which
// must be pageWords.
func (p *page) wordsIn(set map[string]bool) iter.Seq2[int, string] {
	if !p.foundDone {
		for at, w := range pageWords.all(p.norm) {
			p.found = append(p.found, wordHit{at, w})
		}
		p.foundDone = true
	}
	return func(yield func(int, string) bool) {
		for _, h := range p.found {
			if set[h.word] && !yield(h.at, h.word) {
				return
			}
		}
	}
}

// setOf returns words as a set.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func newPage(raw string) *page {
	raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n")
	// The head's labels run on into one line are lines of their own, for
	// the display and for the roster read from the raw lines.
	raw = splitRunOnLabels(raw)
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
	k := sort.Search(len(p.lines), func(k int) bool { return i <= p.lines[k][1] })
	return min(k, len(p.lines)-1)
}

// hanRune reports whether r is a Han character (unicode.Han), answering for
// the common ideographs and everything below the radicals without the
// table search.
func hanRune(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// squeezeHanSpaces removes spaces between two Han characters, which in
// headings laid out for print are layout (苏州市人民政府 常务会议纪要), and
// between a digit and a Han character (第 4次).
func squeezeHanSpaces(s string) string {
	return squeezeSpaces(s, func(string) bool { return true })
}

// tidyTitle removes the layout spaces of a title: those between a digit and a
// Han character (第 4次 → 第4次) always, those between two Han characters
// only where the part after the space is a document type (苏州市人民政府
// 常务会议纪要). A space between two phrases of a headline (…全体会议
// 吴邦国出席会议) is kept.
func tidyTitle(s string) string {
	// (两会受权发布)十三届全国人大常委会举行…, 【视频】…: a tag before the
	// headline is the channel's, not the title's.
	if t := strings.TrimSpace(s); t != "" {
		for _, br := range [][2]string{{"(", ")"}, {"（", "）"}, {"【", "】"}, {"[", "]"}} {
			if strings.HasPrefix(t, br[0]) {
				if i := strings.Index(t, br[1]); i > 0 && runeCount(t[:i]) <= 12 && runeCount(t[i+len(br[1]):]) >= 6 {
					s = t[i+len(br[1]):]
				}
				break
			}
		}
	}
	// 一、立法院第四屆第六會期第七次會議紀錄: the number of a gazette's
	// section before a title that ends as a record does.
	if t := strings.TrimSpace(s); t != "" {
		if i := strings.Index(t, "、"); i > 0 && i <= 6 && strings.Trim(t[:i], "一二三四五六七八九十0123456789") == "" {
			if _, ok := docTypeSuffix(fold.String(t[i+len("、"):])); ok {
				s = t[i+len("、"):]
			}
		}
	}
	// 第21屆第5、6次臨時大會議事錄 4: a number after the document type
	// that ends a title is a breadcrumb's or a page's.
	if t := strings.TrimRight(s, " \u3000\t0123456789"); len(s)-len(t) <= 4 && len(t) < len(s) {
		if _, ok := docTypeSuffix(fold.String(t)); ok {
			s = t
		}
	}
	return squeezeSpaces(joinSpacedDigits(dropPinyinNotes(s)), func(next string) bool {
		_, ok := docTypeSuffix(fold.String(next))
		return ok
	})
}

// docTypes are the words that name a kind of document, folded.
var docTypes = []string{"会议纪要", "会议记录", "会议纪录", "纪要", "纪录", "记录", "议程", "议事录"}

// docTypeSuffix returns the document type a folded phrase ends with.
func docTypeSuffix(f string) (string, bool) { return firstSuffix(f, docTypes) }

// squeezeSpaces trims s and removes each run of spaces that stands between a
// digit and a Han character, or between two Han characters when han(the
// phrase after the run, up to the next space) allows it; other runs become
// one space.
func squeezeSpaces(s string, han func(next string) bool) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, " \u3000\t") {
		return s
	}
	var b strings.Builder
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			prev = r
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r2) {
				break
			}
			j += n
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		digit := func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
		switch {
		case digit(prev) && hanRune(next) || hanRune(prev) && digit(next):
		case hanRune(prev) && hanRune(next):
			phrase := s[j:]
			if k := strings.IndexFunc(phrase, unicode.IsSpace); k >= 0 {
				phrase = phrase[:k]
			}
			if !han(phrase) {
				b.WriteByte(' ')
			}
		default:
			b.WriteByte(' ')
		}
		i = j
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

// occurrences yields the byte offsets of the non-overlapping occurrences of
// sub in s, in order.
func occurrences(s, sub string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; ; {
			i := strings.Index(s[from:], sub)
			if i < 0 || !yield(from+i) {
				return
			}
			from += i + len(sub)
		}
	}
}

// firstRunes returns the set of the first runes of words, the cheap test
// before firstPrefix.
func firstRunes(words []string) map[rune]bool {
	m := map[rune]bool{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
}

// firstPrefix returns the first of words that s starts with.
func firstPrefix(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// firstSuffix returns the first of words that s ends with.
func firstSuffix(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w, true
		}
	}
	return "", false
}

// afterLast returns the offset just past the last rune of s that is one of
// chars, or 0 when there is none.
func afterLast(s, chars string) int {
	i := strings.LastIndexAny(s, chars)
	if i < 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}

// linesWith yields, in order and once each, the lines of p whose folded
// text holds one of words: a scan of the text for each word rather than of
// every line.
func linesWith(p *page, words ...string) iter.Seq[int] {
	return func(yield func(int) bool) {
		var ks []int
		for _, w := range words {
			last := -1
			for at := range occurrences(p.norm, w) {
				if k := p.lineAt(at); k != last {
					ks, last = append(ks, k), k
				}
			}
		}
		if len(words) > 1 {
			slices.Sort(ks)
			ks = slices.Compact(ks)
		}
		for _, k := range ks {
			if !yield(k) {
				return
			}
		}
	}
}
