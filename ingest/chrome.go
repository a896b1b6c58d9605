package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Web-page copies carry the page around the release: breadcrumbs (当前位置：
// 首页 > 政务公开), a byline (来源：… 作者：… 发布时间：…), share and print
// widgets (扫一扫在手机打开当前页, 【打印】【关闭】), navigation menus and
// footers (版权所有, ICP备). A clerk reads past them; extraction must too,
// or it takes a breadcrumb for the issuer and the page's time for the
// meeting's date. What the chrome says of the page (its date, its site,
// its issuing office) is kept as a hint.

// chromeLabels start a line of page chrome, folded and without spaces.
var chromeLabels = []string{
	"当前位置", "您当前的位置", "您的位置", "你的位置", "当前所在位置", "所在位置", "位置:", "首页>",
	"来源:", "信息来源", "文章来源", "稿件来源", "来源单位", "发布单位", "作者:", "责任编辑", "编辑:", "审核:", "校对:", "摄影:",
	"发布时间", "发布日期", "更新时间", "发表时间", "发布者", "发布机构", "发文机关", "浏览次数", "点击数", "阅读次数", "访问量", "浏览量",
	"字号", "字体", "扫一扫", "分享到", "分享:", "打印", "【打印", "[打印", "关闭", "【关闭", "[关闭", "回到顶部", "返回顶部", "返回首页",
	"上一篇", "下一篇", "相关链接", "相关阅读", "相关新闻", "相关文章", "版权所有", "主办单位", "主办:", "承办", "协办", "技术支持",
	"网站标识码", "网站地图", "联系我们", "欢迎访问", "欢迎进入", "欢迎光临", "索引号", "主题分类", "成文日期", "公开方式", "所属机构", "分类:",
	"【字体", "[字体", "【字号", "微信扫一扫", "手机版", "无障碍", "设为首页", "加入收藏", "用户登录",
}

// listBullets mark the items of a page's lists.
const listBullets = "•·▪◆■●○-*"

// chromeByFirst holds chromeLabels by their first rune.
var chromeByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, l := range chromeLabels {
		r, _ := utf8.DecodeRuneInString(l)
		m[r] = append(m[r], l)
	}
	return m
}()

// chromeWords anywhere in a short line mark it as chrome (ICP备案号,
// 公网安备 …).
var chromeWords = []string{"人气:", "icp备", "公网安备", "版权所有", "copyright", "扫一扫", "在手机打开", "分享到", "建议使用", "分辨率", "浏览器"}

// pageHints is what a page's chrome says of it.
type pageHints struct {
	// published is the page's date, YYYY-MM-DD.
	published string
	// text is the chrome's own words (site name, 发文机关, 来源), folded,
	// where a place or an issuing office may be named.
	text string
}

// stripChrome removes the page chrome from a document's text and returns
// the rest with what the chrome said.
func stripChrome(text string) (string, pageHints) {
	var h pageHints
	var hints strings.Builder
	// Chrome is at the head and the foot of a page: the lines between are
	// text, kept as they are without being looked at.
	headEnd, footStart := len(text), len(text)
	if n := strings.Count(text, "\n"); n >= 2*chromeLines {
		headEnd = nthLineStart(text, chromeLines)
		footStart = nthLineStart(text, n+1-chromeLines)
	}
	head, headChanged := stripChromeLines(text[:headEnd], &h, &hints)
	foot, footChanged := stripChromeLines(text[footStart:], &h, &hints)
	h.text = hints.String()
	if !headChanged && !footChanged {
		return text, h
	}
	return head + text[headEnd:footStart] + foot, h
}

// nthLineStart returns the byte offset where line n (from 0) of text
// starts.
func nthLineStart(text string, n int) int {
	at := 0
	for ; n > 0; n-- {
		i := strings.IndexByte(text[at:], '\n')
		if i < 0 {
			return len(text)
		}
		at += i + 1
	}
	return at
}

// stripChromeLines drops the lines of chrome from a run of lines, and a
// byline from the start of the others; it reports whether it changed any.
func stripChromeLines(text string, h *pageHints, hints *strings.Builder) (string, bool) {
	if text == "" {
		return text, false
	}
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	changed := false
	for _, l := range lines {
		// Chrome is short: a long line is text, and is not folded to
		// find out.
		if len(l) > maxChromeBytes || !mayBeChrome(l) {
			nl := withoutByline(l, hints)
			changed = changed || len(nl) != len(l)
			kept = append(kept, nl)
			continue
		}
		fl := fold.String(l)
		f := stripSpaces(fl)
		// 開會日期 / 2020-12-22 09:00:00: a time under a header's label
		// is the meeting's, not the page's.
		if !isChrome(f) && !menuLine(fl) && (!stampLine(fl) || bareLabel(lastNonBlank(kept))) {
			nl := withoutByline(l, hints)
			changed = changed || len(nl) != len(l)
			kept = append(kept, nl)
			continue
		}
		changed = true
		hints.WriteString(f)
		hints.WriteByte('\n')
		if h.published == "" {
			for _, label := range []string{"发布时间", "发布日期", "更新时间", "发表时间", "成文日期", "日期", "时间"} {
				if i := strings.Index(fl, label); i >= 0 || stampLine(fl) {
					if dm, ok := firstDate(fl[max(i, 0):], timeZero, false); ok && !dm.Inferred {
						h.published = dm.ISO()
					}
					break
				}
			}
		}
	}
	if !changed {
		return text, false
	}
	return strings.Join(kept, "\n"), true
}

// lastNonBlank returns the last of lines that is not blank, trimmed.
func lastNonBlank(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		if t := strings.TrimSpace(lines[i]); t != "" {
			return t
		}
	}
	return ""
}

// isChrome reports whether a folded line without spaces is page chrome.
func isChrome(f string) bool {
	// • 發布單位:公共關係室: a label set in a list.
	f = strings.TrimLeft(f, listBullets)
	if f == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f)
	if _, ok := firstPrefix(f, chromeByFirst[r]); ok {
		// A label line is chrome when it is short, or holds two labels
		// (来源：… 作者：… 发布时间：…): never a paragraph of the text.
		n := runeCount(f)
		if n <= 40 || countLabels(f) >= 2 {
			return !strings.Contains(f, "。") || countLabels(f) >= 2
		}
		return false
	}
	if runeCount(f) <= 80 && strings.Contains(f, "首页>") {
		// ico-crumb.png首页 > 主任会议: a breadcrumb anywhere in a line.
		return true
	}
	if runeCount(f) <= 80 {
		lf := f
		if strings.IndexFunc(f, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0 {
			lf = strings.ToLower(f)
		}
		for _, w := range chromeWords {
			if strings.Contains(lf, w) {
				return true
			}
		}
	}
	return false
}

func countLabels(f string) int {
	n := 0
	for _, l := range []string{"来源:", "作者:", "发布时间", "发布日期", "编辑:", "浏览次数", "点击数", "字号", "更新时间", "时间:"} {
		if strings.Contains(f, l) {
			n++
		}
	}
	return n
}

// bylineRE matches a news byline at the start of a line, in the text's own
// characters: 本报讯(记者 林瑶), 文成新闻网讯(记者 赵礼锋 张玲), 云上通城讯
// 记者张永锋报道：, 記者王小明／台北報導.
var bylineRE = regexp.MustCompile(`^[\s\x{3000}]*(?:(?:[^，。,:：\s]{0,16}(?:报|報|网|網|台|社|端|号|號|新闻|新聞|融媒)[讯訊](?:[\s\x{3000}]*[(（][^)）]{0,40}[)）])?|[^，。,:：\s]{0,16}[讯訊][\s\x{3000}]*[(（](?:记者|記者|通讯员|通訊員)[^)）]{0,40}[)）])[\s\x{3000}]*(?:[记記]者[^，。,:：]{1,30}[报報][道导導][:：]?)?|[记記]者[^，。,:：]{1,30}[报報][道导導][:：]?)`)

// chromeLines is how many lines at the head and at the foot of a page may
// be chrome.
const chromeLines = 20

// maxChromeBytes bounds the lines read as chrome: a line of chrome holds a
// few labels and values, never a paragraph (about 200 characters).
const maxChromeBytes = 600

// mayBeChrome is the cheap test before a line is folded and read as chrome:
// it starts as a label does, holds a word only chrome holds, or is a menu,
// a breadcrumb or a time stamp (at its start, or a clock time after a
// site's name).
func mayBeChrome(l string) bool {
	t := strings.TrimLeft(l, " \t\u3000"+listBullets)
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if chromeByFirst[foldRune(r)] != nil || r == '[' || r == '【' || r >= '0' && r <= '9' || strings.Count(t, " ") >= 3 {
		return true
	}
	// 央视网　2022-09-14 19:16:21: a site's name and a clock time.
	if len(t) <= 80 && strings.IndexByte(t, ':') > 0 && strings.ContainsAny(t, "0123456789") {
		return true
	}
	for _, w := range chromeRawWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// chromeRawWords mark chrome anywhere in a line, in either script and
// before folding.
var chromeRawWords = []string{"ICP", "icp", "备", "備", "扫", "掃", "版权", "版權", "分享", "辨率", "浏览", "瀏覽", "人气", "人氣", "opyright", "手机", "手機", "首页", "首頁", "http", "www."}

// withoutByline returns a line of text without the news byline it opens
// with (本报讯(记者 林瑶)9月26日，… → 9月26日，…), which goes to the hints.
func withoutByline(l string, hints *strings.Builder) string {
	if !mayHaveByline(l) {
		return l
	}
	loc := bylineRE.FindStringIndex(l)
	if loc == nil || loc[1] >= len(l) {
		return l
	}
	hints.WriteString(fold.String(l[:loc[1]]))
	hints.WriteByte('\n')
	return l[loc[1]:]
}

// mayHaveByline is the cheap test before bylineRE: a byline names a 讯 or a
// 记者.
func mayHaveByline(l string) bool {
	return strings.Contains(l, "讯") || strings.Contains(l, "訊") || strings.Contains(l, "记者") || strings.Contains(l, "記者")
}

// stampRE matches a page's time stamp line: 2013-12-25 15:15:06 人气:.
var stampRE = regexp.MustCompile(`^\s*(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*(?:人气|浏览|点击|阅读|来源|作者|编辑|$)`)

// bylineStampRE finds a date with a clock time, folded (2008年03月27日04:10,
// 2022-09-14 19:16:21).
var bylineStampRE = regexp.MustCompile(`(?:19|20)[0-9]{2}(?:年[0-9]{1,2}月[0-9]{1,2}日|[-/.][0-9]{1,2}[-/.][0-9]{1,2})\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?`)

// stampLine reports whether a folded line is a page's time stamp: a line
// that starts with the date (2024-03-04 10:21 浏览次数), or a byline that
// stamps a date with its clock time among the site's name and address and
// no label or sentence (http://www.sina.com.cn 2008年03月27日04:10 四川新闻网,
// 央视网 2022-09-14 19:16:21).
func stampLine(l string) bool {
	t := strings.TrimLeft(l, " ")
	if t == "" || runeCount(l) > 60 {
		return false
	}
	if t[0] >= '1' && t[0] <= '2' && stampRE.MatchString(l) {
		return true
	}
	loc := bylineStampRE.FindStringIndex(l)
	if loc == nil || strings.ContainsAny(l, "。,;") {
		return false
	}
	rest := strings.ReplaceAll(l[:loc[0]]+l[loc[1]:], "://", "")
	return !strings.Contains(rest, ":")
}

// navWords are the words of a site's navigation menu, folded.
var navWords = []string{"首页", "政务公开", "信息公开", "新闻中心", "政务服务", "互动交流", "走进", "政民互动", "办事服务", "专题专栏", "网站"}

// menuLine reports whether a folded line is a navigation menu: several
// short words separated by spaces, no punctuation, among them a menu word
// (首页 政务公开 新闻中心 …).
func menuLine(l string) bool {
	words := strings.Fields(l)
	if len(words) < 4 {
		return false
	}
	nav := false
	for _, w := range words {
		_, ok := firstPrefix(w, navWords)
		nav = nav || ok
	}
	if !nav {
		return false
	}
	for _, w := range words {
		if runeCount(w) > 8 || strings.ContainsAny(w, "，。；：,.;:") {
			return false
		}
	}
	return true
}
