package ingest

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/cnum"
	"github.com/jiyao-search/jiyao/internal/fold"
)

// Repair undoes the damage PDF (and similar) text extraction does to line
// breaks and spacing, and returns the display text: the document's own
// characters, one paragraph, heading or list line per line. It does no
// width or compatibility folding; full-width characters stay full-width.
//
// Lines. A break between two lines is removed (the lines are joined) when
// the first line does not end its paragraph and the second does not start
// something new. Blank lines do not decide this: extraction puts them both
// between paragraphs and inside sentences at page breaks (…工作情况的 / blank
// / 汇报). A break is kept when:
//
//   - the first line ends a sentence or a clause: 。！？；：…!?;: (and a
//     closing quote or bracket after one of those, as in 。” or 。）), or ends
//     an HTML tag; or is a Markdown heading;
//   - the second line starts a unit of its own: a list or item marker (一、
//     （一） (1) 1. 1、 ① 甲、 壹、), an article (第三条), a label such as
//     出席：, 列席:, 记录：, 主持：, 分送：, 抄送：, 时间：, 地點：, a date line
//     (2020年11月16日, 2020年11月16日印发), a document number (〔2020〕36号),
//     or Markdown structure;
//   - the first line is short and ends in a character rather than in
//     punctuation: a title or heading, not a wrapped line. Short is less
//     than 60% of the document's typical line width, and never more than
//     50 columns (25 Han characters). The typical width is the 75th
//     percentile of line widths in display columns (Han and full-width
//     characters count two), which is the page width for text wrapped at
//     the margin; for text extracted a paragraph per line, where it is
//     large, the 50-column cap makes only title-sized lines short;
//   - the second line is indented more than an unindented first line that
//     is no list item: a first-line indent starts a paragraph (a hanging
//     indent, as in list items, continues one);
//   - the lines are inside an attendance block: from a line labelled 出席,
//     列席, 缺席 or 请假/請假 (also 出　　席：, 出席人员:) up to the next other
//     label, item marker, date or document number line. Name lists wrap
//     anywhere and another stage reads them line by line, so they are left
//     line for line as they are.
//
// A line ending in a comma-like mark (，、 or an opening bracket) joins the
// next unless that starts a unit of its own, whatever its width; a line
// starting with closing punctuation always joins the previous one. Joined
// lines lose the indentation of the continuation; Latin words broken across
// lines get a space.
//
// Kept breaks stay single newlines or become one blank line, as they were.
// Lines that are bare page numbers (3, - 3 -, — 3 —, 第3页, 第 3 頁，共 10 頁,
// 3/10) are dropped, as are trailing spaces; \r\n and \r become \n.
//
// Spaces. ASCII spaces between Han characters and a run of digits or Latin
// letters enclosed in Han text are extraction artefacts and are removed
// (研究 2020 年市级 → 研究2020年市级, 第 4次 → 第4次). Spaces between Han
// characters are kept: they separate names in lists and they are real in
// titles such as 《苏州市人民政府 南京医科大学战略合作发展协议书》.
// Attendance blocks are not touched.
func Repair(text string) string {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	text = dropPinyinNotes(text)
	text = joinSpacedDigits(text)
	lines := splitRepairLines(text)
	if len(lines) == 0 {
		return ""
	}
	lines = joinBareLabels(lines)
	markProtected(lines)
	short := shortLimit(lines)

	var b strings.Builder
	b.Grow(len(text))
	for i := range lines {
		ln := &lines[i]
		if i == 0 {
			writeSegment(&b, ln.text, ln.protected)
			continue
		}
		prev := &lines[i-1]
		if sep, ok := joinSep(prev, ln, short); ok {
			b.WriteString(sep)
			writeSegment(&b, ln.body, ln.protected)
			continue
		}
		b.WriteByte('\n')
		if ln.blankBefore {
			b.WriteByte('\n')
		}
		writeSegment(&b, ln.text, ln.protected)
	}
	return b.String()
}

// headLabels are the labels, folded, of a record's head that extraction
// runs into one line with what precedes them (…地點：本會議事廳出席：議長某某…
// 請假：…列席：…主席：許議長崑源記錄：林雯菁甲、報告事項), also spelt with a
// space (出 席：).
var headLabels = func() []string {
	var out []string
	for _, l := range []string{"日期", "时间", "地点", "出席", "列席", "请假", "缺席", "主席", "记录", "纪录"} {
		rs := []rune(l)
		out = append(out, l+":", string(rs[0])+" "+string(rs[1:])+":")
	}
	return out
}()

// maxHeadLines is how far a record's head reaches, in lines.
const maxHeadLines = 10

// splitRunOnLabels breaks the lines of a record's head before each label
// that runs on from the text before it, when a line holds two labels or
// more or a gap stands before the label, and before the first section
// (甲、報告事項) that runs on after them. Labels are found in the folded
// line (列 written with a compatibility ideograph is 列). Text after the
// head is not touched.
func splitRunOnLabels(text string) string {
	head := text
	for i, n := 0, 0; i < len(text); i++ {
		if text[i] == '\n' {
			if n++; n == maxHeadLines {
				head = text[:i]
				break
			}
		}
	}
	var b strings.Builder
	changed := false
	for k, line := range strings.Split(head, "\n") {
		if k > 0 {
			b.WriteByte('\n')
		}
		f, offs := fold.Offsets(line)
		var at []int // folded offsets of the labels
		for _, l := range headLabels {
			for i := 0; ; {
				j := strings.Index(f[i:], l)
				if j < 0 {
					break
				}
				if fullWidthLabel(line, offs, i+j, l) {
					at = append(at, i+j)
				}
				i += j + len(l)
			}
		}
		if len(at) == 0 {
			b.WriteString(line)
			continue
		}
		slices.Sort(at)
		last := 0
		for _, i := range at {
			// Two labels on a line, or one after a gap (…61人（如簽到簿） 列 席：).
			before := strings.TrimRight(f[last:i], " ")
			if before != "" && (len(at) >= 2 || len(before) < i-last) {
				b.WriteString(line[offs[last]:offs[last+len(before)]])
				b.WriteByte('\n')
				last = i
				changed = true
			}
		}
		// 記錄：林雯菁、吳春英甲、報告事項: the first section, run on.
		if i := sectionRunOn(f[last:]); i > 0 {
			b.WriteString(line[offs[last]:offs[last+i]])
			b.WriteByte('\n')
			last += i
		}
		b.WriteString(line[offs[last]:])
	}
	if !changed {
		return text
	}
	return b.String() + text[len(head):]
}

// fullWidthLabel reports whether the folded label l at folded offset i of
// a line is written as a head's labels are: with a full-width colon, and a
// plain space where it is spelt with one (a half-width colon runs on in the
// numbered header items splitInlineLabels reads).
func fullWidthLabel(line string, offs []int, i int, l string) bool {
	colon := offs[i+len(l)-len(":")]
	if !strings.HasPrefix(line[colon:], "：") {
		return false
	}
	if sp := strings.IndexByte(l, ' '); sp >= 0 {
		return line[offs[i+sp]] == ' '
	}
	return true
}

// sectionRunOn returns the offset in folded s of a section heading of a
// council's record (sectionHeading) run on after other text (甲、報告事項),
// or -1.
func sectionRunOn(s string) int {
	for i := range s {
		if i > 0 && sectionHeading(s[i:]) {
			_, size := utf8.DecodeRuneInString(s[i:])
			if rs := []rune(s[i+size+len("、"):]); len(rs) >= 4 && string(rs[2:4]) == "事项" {
				return i
			}
		}
	}
	return -1
}

// toneVowels are the vowels with tone marks that pinyin is written with.
const toneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

// dropPinyinNotes drops the pinyin some pages print after characters in
// brackets (區(qū)政府常務(wù)會議 → 區政府常務會議): lower-case Latin letters
// with a tone mark, right after a Han character. One pass over the
// brackets.
func dropPinyinNotes(s string) string {
	var b strings.Builder
	last := 0 // s[:last] is written or to be written as is
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], "(（")
		if k < 0 {
			break
		}
		open := i + k
		_, size := utf8.DecodeRuneInString(s[open:])
		i = open + size
		prev, _ := utf8.DecodeLastRuneInString(s[:open])
		if !isHan(prev) {
			continue
		}
		end := i
		toned := false
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if r >= 'a' && r <= 'z' || r == 'ü' {
			} else if strings.ContainsRune(toneVowels, r) {
				toned = true
			} else {
				break
			}
			end += n
		}
		if !toned || end == i || end >= len(s) {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[end:])
		if r != ')' && r != '）' {
			continue
		}
		b.WriteString(s[last:open])
		last = end + n
		i = last
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// repairLine is a non-blank line of the input.
type repairLine struct {
	text        string // without trailing spaces, indentation kept
	body        string // text without its indentation
	indent      int    // display columns of indentation
	width       int    // display columns of text
	blankBefore bool   // blank or page-number lines came before it
	protected   bool   // inside an attendance block
	start       lineStart
}

// lineStart classifies how a line begins.
type lineStart int

const (
	startText       lineStart = iota
	startUnit                 // item marker, date, document number, Markdown
	startLabel                // a known label other than attendance: 记录：
	startAttendance           // an attendance label: 出席：
	startOtherLabel           // two to five Han characters and a colon: 質詢議員：
)

// splitRepairLines splits text at \n, drops blank and page-number lines, and
// measures the rest.
func splitRepairLines(text string) []repairLine {
	lines := make([]repairLine, 0, strings.Count(text, "\n")/2+1)
	blank := false
	for len(text) > 0 {
		var s string
		if k := strings.IndexByte(text, '\n'); k >= 0 {
			s, text = text[:k], text[k+1:]
		} else {
			s, text = text, ""
		}
		s = strings.TrimRight(s, " \t\u3000\u00a0")
		body := strings.TrimLeft(s, " \t\u3000")
		if body == "" || isPageNumber(body) {
			blank = true
			continue
		}
		ln := repairLine{
			text:        s,
			body:        body,
			indent:      displayWidth(s[:len(s)-len(body)]),
			blankBefore: blank && len(lines) > 0,
			start:       classifyStart(body),
		}
		ln.width = ln.indent + displayWidth(body)
		lines = append(lines, ln)
		blank = false
	}
	return lines
}

// joinSpacedDigits closes up the spaces inside a number printed one digit
// at a time before the word it counts (中華民國 1 0 1 年 → 101年, 第 1 6 次
// → 第16次): two to four single digits with single spaces between them,
// not part of a longer number, then 年月日次届屆期号號. An artefact of PDF and
// slide extraction.
func joinSpacedDigits(text string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+2 < len(text); i++ {
		if text[i+1] != ' ' || !isDigitByte(text[i]) || !isDigitByte(text[i+2]) || i > 0 && isDigitByte(text[i-1]) {
			continue
		}
		if i > 1 && text[i-1] == ' ' && isDigitByte(text[i-2]) {
			continue // 12 3 4: a number before, set apart the same way
		}
		// Digits at i, i+2, …: single digits, one space apart.
		j := i
		for n := 0; n < 3 && j+2 < len(text) && text[j+1] == ' ' && isDigitByte(text[j+2]); n++ {
			j += 2
		}
		if j+1 < len(text) && isDigitByte(text[j+1]) {
			continue // a longer number goes on
		}
		k := j + 1
		if k < len(text) && text[k] == ' ' {
			k++
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !strings.ContainsRune("年月日次届屆期号號", r) {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[last:i])
		for d := i; d <= j; d += 2 {
			b.WriteByte(text[d])
		}
		last = j + 1
		i = j
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// bareLabels are header labels a web page sets in a cell of their own,
// beside or above their value, besides the knownLabels and
// attendanceLabels.
var bareLabels = []string{"开会时间", "開會時間", "开会日期", "開會日期", "开会地点", "開會地點"}

// joinBareLabels joins a header label standing alone on its line to the
// value on the next (主席 / 柯文哲 → 主席：柯文哲): a web page's table or
// definition list of a meeting's header, flattened to text, puts each
// cell on its own line. The label gets the colon its layout gave it.
func joinBareLabels(lines []repairLine) []repairLine {
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		if i+1 < len(lines) && bareLabel(ln.body) && !bareLabel(lines[i+1].body) && !hasItemMarker(lines[i+1].body) {
			if _, labelled := lineLabel(lines[i+1].body); !labelled {
				next := lines[i+1]
				ln.text += "：" + next.body
				ln.body += "：" + next.body
				ln.width = ln.indent + displayWidth(ln.body)
				ln.start = classifyStart(ln.body)
				i++
			}
		}
		out = append(out, ln)
	}
	return out
}

// bareLabel reports whether a line's body is a header label alone: two to
// six Han characters that name one, with no colon.
func bareLabel(body string) bool {
	if len(body) < 6 || len(body) > 18 { // two to six Han characters
		return false
	}
	n := utf8.RuneCountInString(body)
	if n < 2 || n > 6 {
		return false
	}
	for _, r := range body {
		if !isHan(r) {
			return false
		}
	}
	for _, l := range bareLabels {
		if body == l {
			return true
		}
	}
	for _, l := range knownLabels {
		if body == l {
			return true
		}
	}
	for _, l := range attendanceLabels {
		if body == l {
			return true
		}
	}
	return false
}

// markProtected marks the lines of attendance blocks.
func markProtected(lines []repairLine) {
	in, fenced := false, false
	for i := range lines {
		ln := &lines[i]
		if strings.HasPrefix(ln.body, "```") {
			fenced = !fenced
			ln.protected = true
			continue
		}
		if fenced {
			ln.protected = true
			continue
		}
		switch ln.start {
		case startAttendance:
			in = true
		case startUnit, startLabel:
			in = false
		}
		ln.protected = in
		if in && endsSentence(ln.body) {
			in = false
		}
	}
}

// shortLimit returns the width below which a line that ends in a character
// is a title or heading rather than a wrapped line.
func shortLimit(lines []repairLine) int {
	const buckets = 512
	var hist [buckets]int
	n := 0
	for i := range lines {
		if lines[i].protected {
			continue
		}
		w := min(lines[i].width, buckets-1)
		hist[w]++
		n++
	}
	if n < minLinesForWidth {
		return maxShortWidth
	}
	// The 90th percentile.
	need, typical := (n*9+9)/10, 0
	for w, c := range hist {
		need -= c
		if need <= 0 {
			typical = w
			break
		}
	}
	return min(typical-max(4, typical/8), maxShortWidth)
}

const (
	// maxShortWidth caps the width of a title line, in columns.
	maxShortWidth = 50
	// minLinesForWidth is the number of lines it takes to estimate the
	// typical width; shorter texts use maxShortWidth.
	minLinesForWidth = 8
)

// joinSep reports whether the break between prev and ln is to be removed,
// and what replaces it.
func joinSep(prev, ln *repairLine, short int) (string, bool) {
	if prev.protected || ln.protected {
		return "", false
	}
	first := firstRune(ln.body)
	if isCloser(first) || strings.ContainsRune("，。、；：！？,;:!?", first) {
		return "", true
	}
	if ln.start != startText {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(prev.body)
	switch {
	case strings.HasPrefix(prev.body, "#"), last == '>', isBracketHeading(prev.body):
		return "", false
	case endsSentence(prev.body), photoCredit(prev.body):
		return "", false
	case ln.indent > prev.indent+1 && prev.indent == 0 && !hasItemMarker(prev.body):
		return "", false
	case isSoftMark(last):
	case prev.width < short:
		return "", false
	case prev.start == startLabel || prev.start == startOtherLabel:
		// A label's value goes on only into a line that ends a sentence
		// or is long itself: 分送：…；市 / 各有关部门和单位。 but not
		// 質詢議員：應曉薇、林瑞圖 / 郝市長龍斌答覆.
		if ln.width < short && !endsSentence(ln.body) {
			return "", false
		}
	}
	if isASCIILetter(last) && isASCIILetter(first) {
		return " ", true
	}
	if isHan(last) && isHan(first) {
		return listSeparator(prev.body), true
	}
	return "", true
}

// listSeparator returns the space that separates the Han words of a list
// (黃議員淑美 林議員瑩蓉, 林源山　陳進丁) at the end of s, so that a line
// continuing the list is joined with it; or "" if s does not end in a list.
func listSeparator(s string) string {
	const tail = 12 * 3 // about twelve Han characters
	if len(s) > tail {
		s = s[len(s)-tail:]
	}
	prev := rune(-1)
	for i, r := range s {
		if (r == ' ' || r == '\u3000') && isHan(prev) {
			e := i
			for e < len(s) && (s[e] == ' ' || strings.HasPrefix(s[e:], "\u3000")) {
				if s[e] == ' ' {
					e++
				} else {
					e += len("\u3000")
				}
			}
			if next, _ := utf8.DecodeRuneInString(s[e:]); isHan(next) {
				if r == ' ' {
					return " "
				}
				return "\u3000"
			}
		}
		prev = r
	}
	return ""
}

// isBracketHeading reports whether s is a heading in 【】 brackets, perhaps
// after Markdown emphasis: 【問題三：…】, *【…】.
func isBracketHeading(s string) bool {
	s = strings.TrimLeft(s, "*_ ")
	s = strings.TrimRight(s, "*_ ")
	return strings.HasPrefix(s, "【") && strings.HasSuffix(s, "】")
}

// endsSentence reports whether s ends a sentence or clause.
func endsSentence(s string) bool {
	last, size := utf8.DecodeLastRuneInString(s)
	if isCloser(last) {
		last, _ = utf8.DecodeLastRuneInString(s[:len(s)-size])
	}
	return strings.ContainsRune("。！？；：…!?;:.", last)
}

// photoCredit reports whether s ends with a photograph's credit (…主持召开
// 某会议。 新华社记者 某某 摄; （记者 某某 摄）): a caption, complete, which
// the paragraph below does not continue.
func photoCredit(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return isCloser(r) || r == ' ' || r == '\u3000' })
	if !strings.HasSuffix(s, "摄") && !strings.HasSuffix(s, "攝") {
		return false
	}
	tail := s[max(0, len(s)-20*3):]
	return strings.Contains(tail, "记者") || strings.Contains(tail, "記者") || strings.Contains(tail, "摄影") || strings.Contains(tail, "攝影")
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	return strings.ContainsRune("”’」』）)】》〕］]﹂﹄〉", r)
}

// isSoftMark reports whether a line ending in r continues on the next line
// whatever its width: a comma or an opening bracket.
func isSoftMark(r rune) bool {
	return strings.ContainsRune("，、,（(《“‘「『〔【—–-·/", r)
}

// classifyStart says how a line body begins.
func classifyStart(body string) lineStart {
	if label, ok := lineLabel(body); ok {
		if isAttendanceLabel(label) {
			return startAttendance
		}
		if isKnownLabel(label) {
			return startLabel
		}
		if n := utf8.RuneCountInString(label); n >= 2 && n <= 5 {
			return startOtherLabel
		}
	}
	if hasItemMarker(body) || isDocNumberLine(body) || isDateLine(body) {
		return startUnit
	}
	switch body[0] {
	case '#', '>', '|', '<':
		return startUnit
	case '-', '*', '+':
		if len(body) > 1 && body[1] == ' ' {
			return startUnit
		}
	}
	if strings.HasPrefix(body, "```") {
		return startUnit
	}
	return startText
}

// lineLabel returns the label of a line such as 出席：… or 出　　席:…, with
// the spaces inside it removed: up to 8 characters before a colon, or a
// label spelt out with spaces and followed by one, as in 時　　間　中華民國….
func lineLabel(body string) (string, bool) {
	var buf [8]rune
	n := 0
	spaced, prevSpace := false, false
	for _, r := range body {
		switch {
		case r == '：' || r == ':' || r == '︰':
			if n == 0 {
				return "", false
			}
			return string(buf[:n]), true
		case r == ' ' || r == '\u3000':
			if n == 1 {
				spaced = true
			}
			if spaced && n >= 2 && n <= 4 {
				return string(buf[:n]), true
			}
			prevSpace = true
			continue
		case spaced && !prevSpace:
			return "", false // 時　　間中: spaced labels space every character
		case n == len(buf) || !isHan(r):
			return "", false
		}
		buf[n] = r
		n++
		prevSpace = false
	}
	return "", false
}

var (
	attendanceLabels = []string{"出席", "列席", "缺席", "请假", "請假", "出列席", "参会", "參會", "与会", "與會"}
	knownLabels      = []string{
		"记录", "記錄", "纪录", "紀錄", "主持", "主席", "分送", "抄送", "抄报", "抄報",
		"主送", "发送", "發送", "时间", "時間", "日期", "地点", "地點", "议题", "議題",
		"事由", "案由", "决议", "決議", "议决", "議決", "决定", "決定", "说明", "說明",
		"附件", "联系人", "聯絡人", "联系电话", "聯絡電話", "发言", "發言", "印发", "印發",
		"报告人", "報告人", "主办", "主辦", "承办", "承辦", "审核", "審核", "签发", "簽發",
		"会议时间", "會議時間", "会议地点", "會議地點", "会议主题", "會議主題",
	}
)

// isAttendanceLabel reports whether label names an attendance list:
// 出席, 出席人员, 列席人員, 請假議員 ….
func isAttendanceLabel(label string) bool {
	for _, p := range attendanceLabels {
		if strings.HasPrefix(label, p) && utf8.RuneCountInString(label)-utf8.RuneCountInString(p) <= 3 {
			return true
		}
	}
	return false
}

func isKnownLabel(label string) bool {
	for _, p := range knownLabels {
		if strings.HasPrefix(label, p) && utf8.RuneCountInString(label)-utf8.RuneCountInString(p) <= 2 {
			return true
		}
	}
	return false
}

// hasItemMarker reports whether body starts with a list or item marker:
// 一、 十二、 壹、 甲、 （一） (1) 1. 1、 1) ① ⑴ ⒈ 第三条.
func hasItemMarker(body string) bool { return itemMarkerLen(body) > 0 }

// itemMarkerLen is the length in bytes of the list or item marker body
// starts with (hasItemMarker), or 0.
func itemMarkerLen(body string) int {
	r, w := utf8.DecodeRuneInString(body)
	switch {
	case r >= '①' && r <= '⒛':
		return w
	case strings.ContainsRune("甲乙丙丁戊己庚辛壬癸", r):
		if strings.HasPrefix(body[w:], "、") {
			return w + len("、")
		}
		return 0
	case r == '（' || r == '(':
		n, size, ok := cnum.Prefix(body[w:])
		if !ok || n > 999 || size > 4*3 {
			return 0
		}
		if c, cw := utf8.DecodeRuneInString(body[w+size:]); c == '）' || c == ')' {
			return w + size + cw
		}
		return 0
	case r == '第':
		_, size, ok := cnum.Prefix(body[w:])
		if !ok {
			return 0
		}
		rest := body[w+size:]
		for _, s := range []string{"条", "條", "章", "节", "節", "款", "编", "編", "部分"} {
			if strings.HasPrefix(rest, s) {
				return w + size + len(s)
			}
		}
		return 0
	}
	n, size, ok := cnum.Prefix(body)
	if !ok || n > 999 || utf8.RuneCountInString(body[:size]) > 4 {
		return 0
	}
	rest := body[size:]
	c, cw := utf8.DecodeRuneInString(rest)
	switch c {
	case '、':
		return size + cw
	case '.', '．':
		// 1. but not 1.5 or 2020.11.2
		if next := firstRune(rest[cw:]); cnum.IsDigit(r) && !cnum.IsDigit(next) {
			return size + cw
		}
	case ')', '）':
		if cnum.IsDigit(r) {
			return size + cw
		}
	}
	return 0
}

// isDocNumberLine reports whether body is a document number line:
// 〔2020〕36号, 苏府〔2020〕36号, [2020]36号.
func isDocNumberLine(body string) bool {
	if len(body) > 24*3 || utf8.RuneCountInString(body) > 24 {
		return false
	}
	for _, open := range []string{"〔", "[", "［", "【", "（", "("} {
		k := strings.Index(body, open)
		if k < 0 {
			continue
		}
		_, size, ok := cnum.Prefix(body[k+len(open):])
		if !ok || size < 4 {
			continue
		}
		rest := body[k+len(open)+size:]
		c, cw := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune("〕]］】）)", c) {
			continue
		}
		tail := strings.TrimRight(rest[cw:], " ")
		return strings.HasSuffix(tail, "号") || strings.HasSuffix(tail, "號")
	}
	return false
}

// isDateLine reports whether body is a date, perhaps with a few characters
// after it: 2020年11月16日, 2020年11月16日印发, 99年12月27日（星期一）.
func isDateLine(body string) bool {
	r := firstRune(body)
	if !cnum.IsNumeral(r) && r != '中' && r != '民' && r != '公' && r != '西' {
		return false
	}
	m, ok, _ := matchDate(body, 0, time.Time{}, true)
	if !ok {
		return false
	}
	rest := body[m.End:]
	if strings.HasPrefix(rest, "至") || strings.HasPrefix(rest, "－") || strings.HasPrefix(rest, "-") {
		return true // a span of dates or times
	}
	return utf8.RuneCountInString(rest) <= 4 || m.PartOfDay != ""
}

// isPageNumber reports whether body is a bare page number: 3, - 3 -, — 3 —,
// 第3页, 第 3 頁，共 10 頁, 3/10, Page 3.
func isPageNumber(body string) bool {
	if len(body) > 48 {
		return false
	}
	const deco = " \u3000-—–－·•_=~"
	s := strings.Trim(body, deco)
	if s == "" {
		return false
	}
	decorated := len(s) < len(body)
	if strings.HasPrefix(s, "Page ") || strings.HasPrefix(s, "page ") {
		s = strings.TrimLeft(s[5:], " ")
		decorated = true
	}
	if n, ok := pageDigits(s, decorated); ok && n == len(s) {
		return true
	}
	// N/M
	if k := strings.IndexByte(s, '/'); k > 0 {
		a, aok := pageDigits(strings.TrimSpace(s[:k]), false)
		b, bok := pageDigits(strings.TrimSpace(s[k+1:]), false)
		return aok && bok && a == len(strings.TrimSpace(s[:k])) && b == len(strings.TrimSpace(s[k+1:]))
	}
	// 第 N 页 [，共 M 页]
	rest, ok := pageOrdinal(s)
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \u3000，,、/")
	if rest == "" {
		return true
	}
	if !strings.HasPrefix(rest, "共") {
		return false
	}
	rest = strings.TrimLeft(rest[len("共"):], " \u3000")
	n, ok := pageDigits(rest, true)
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest[n:], " \u3000")
	return rest == "页" || rest == "頁"
}

// pageOrdinal reads 第 N 页 at the start of s and returns what follows.
func pageOrdinal(s string) (string, bool) {
	if !strings.HasPrefix(s, "第") {
		return "", false
	}
	s = strings.TrimLeft(s[len("第"):], " \u3000")
	n, ok := pageDigits(s, true)
	if !ok {
		return "", false
	}
	s = strings.TrimLeft(s[n:], " \u3000")
	for _, p := range []string{"页", "頁"} {
		if strings.HasPrefix(s, p) {
			return s[len(p):], true
		}
	}
	return "", false
}

// pageDigits reads a page number of one to four digits (or Chinese numerals
// if chinese is set) at the start of s and returns its length in bytes.
func pageDigits(s string, chinese bool) (int, bool) {
	n, size, ok := cnum.Prefix(s)
	if !ok || n > 9999 {
		return 0, false
	}
	if !chinese && !cnum.IsDigit(firstRune(s)) {
		return 0, false
	}
	if cnum.IsDigit(firstRune(s)) && utf8.RuneCountInString(s[:size]) > 4 {
		return 0, false
	}
	return size, true
}

// writeSegment writes s, removing artefact spaces unless it is protected.
func writeSegment(b *strings.Builder, s string, protected bool) {
	if protected || strings.IndexByte(s, ' ') < 0 {
		b.WriteString(s)
		return
	}
	last := 0
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], ' ')
		if k < 0 {
			break
		}
		a := i + k
		e := a
		for e < len(s) && s[e] == ' ' {
			e++
		}
		if a > 0 && e < len(s) && e-a <= 3 && artefactSpace(s, a, e) {
			b.WriteString(s[last:a])
			last = e
		}
		i = e
	}
	b.WriteString(s[last:])
}

// artefactSpace reports whether the spaces s[a:e] sit between a Han
// character and a run of ASCII letters or digits that Han text encloses.
func artefactSpace(s string, a, e int) bool {
	left, _ := utf8.DecodeLastRuneInString(s[:a])
	right, _ := utf8.DecodeRuneInString(s[e:])
	switch {
	case isHan(left) && isASCIIWord(right):
		return hanAfterRun(s, e)
	case isASCIIWord(left) && isHan(right):
		return hanBeforeRun(s, a)
	}
	return false
}

// isASCIIWord reports whether r is an ASCII letter or digit.
func isASCIIWord(r rune) bool {
	return r >= '0' && r <= '9' || isASCIILetter(r)
}

// isRunByte reports whether c continues an ASCII run: letters, digits and
// the marks inside numbers and codes.
func isRunByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.IndexByte(".,%:/-+_", c) >= 0
}

// hanAfterRun reports whether the ASCII run at s[i:] is followed, after at
// most three spaces, by a Han character or the end of s.
func hanAfterRun(s string, i int) bool {
	for i < len(s) && isRunByte(s[i]) {
		i++
	}
	for n := 0; n < 3 && i < len(s) && s[i] == ' '; n++ {
		i++
	}
	if i == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isHan(r)
}

// hanBeforeRun reports whether the ASCII run ending at s[:i] is preceded,
// after at most three spaces, by a Han character or the start of s.
func hanBeforeRun(s string, i int) bool {
	for i > 0 && isRunByte(s[i-1]) {
		i--
	}
	for n := 0; n < 3 && i > 0 && s[i-1] == ' '; n++ {
		i--
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isHan(r)
}

// isHan reports whether r is a Han ideograph (or 〇).
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3134F || r == '〇'
}

// displayWidth returns the display width of s in columns: two for Han, kana,
// Hangul, full-width forms and CJK punctuation (including “” and —, which
// Chinese fonts set full width), one otherwise.
func displayWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			w++
			i++
			continue
		}
		if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) {
			// U+3000-U+9FFF: CJK punctuation, kana and Han, all wide.
			w += 2
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if wide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func wide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD,
		r >= 0x2018 && r <= 0x201D, r == 0x2014, r == 0x2026,
		r >= 0x2460 && r <= 0x24FF:
		return true
	}
	return r <= 0x115F
}
