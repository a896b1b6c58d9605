package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlTagAny matches an HTML tag, to tell markup from plain text in JSON
// and Markdown bodies.
var htmlTagAny = regexp.MustCompile(`(?i)</?(p|br|div|span|strong|b|em|i|font|table|tr|td|li|ul|ol|h[1-6]|a|img|section|article|center)[\s/>]`)

// Page parts that are never the article: dropped by tag name …
var htmlJunkTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Object: true, atom.Embed: true,
	atom.Nav: true, atom.Footer: true, atom.Button: true, atom.Select: true,
	atom.Input: true, atom.Textarea: true, atom.Head: true, atom.Aside: true,
	atom.Map: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
}

// … and by id or class words, as government sites name them.
var (
	htmlJunkClass    = regexp.MustCompile(`(?i)(^|[\s_-])(nav|navbar|menu|footer|foot|header|top|topbar|breadcrumbs?|crumbs?|sidebar|side|share|banner|copyright|toolbar|login|search|skip|bottom|links|friendlinks?|position|location|dqwz|weizhi|print|close|qrcode|erweima|fenxiang|hidden)([\s_-]|$)`)
	htmlContentClass = regexp.MustCompile(`(?i)(article|content|zoom|trs_?editor|detail|main|text|body|news|con_?txt|info_?con|view|zw|wenzhang)`)
)

// Block elements end a line.
var htmlBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Tr: true, atom.Li: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Header: true, atom.Center: true,
	atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Caption: true, atom.Form: true,
	atom.Fieldset: true, atom.Legend: true, atom.Body: true, atom.Html: true,
}

// Meta tags naming the publication date.
var htmlDateMeta = map[string]bool{
	"pubdate": true, "publishdate": true, "publish_date": true, "publishtime": true,
	"publish-date": true, "firstpublishedtime": true, "articlepublishdate": true,
	"article:published_time": true, "og:article:published_time": true, "og:published_time": true,
	"dc.date": true, "dc.date.issued": true, "dc.date.created": true, "dcterms.issued": true,
	"dcterms.created": true, "date": true, "createdate": true, "created": true, "releasedate": true,
}

// dateLabelRE finds a date after a 发布/日期/时间 label.
var dateLabelRE = regexp.MustCompile(`(发布|發布|日期|时间|時間|发文|發文|成文|更新)[^0-9\n]{0,10}((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})`)

// decodeHTML extracts the article of a web page: its body text without
// navigation, scripts, styles and footers, its title and its publication
// date. A page of more than maxHTMLTokens tokens is ErrLimit, and so is
// one the parser refuses: it refuses elements nested deeper than 512 and
// cannot fail otherwise on a string.
func decodeHTML(text string) (*Document, error) {
	if !htmlTokensWithin(text, maxHTMLTokens) {
		return nil, fmt.Errorf("html has more than %d tags and text runs: %w", maxHTMLTokens, ErrLimit)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse html: %v: %w", err, ErrLimit)
	}
	d := &Document{Format: FormatHTML}
	var titleTag, h1, metaDate string
	walkHTML(doc, 0, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Title:
			if titleTag == "" {
				titleTag = strings.TrimSpace(collapseSpace(nodeText(n)))
			}
		case atom.H1:
			if h1 == "" {
				h1 = strings.TrimSpace(collapseSpace(nodeText(n)))
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop") + attr(n, "http-equiv"))
			if htmlDateMeta[key] && metaDate == "" {
				metaDate = normalizeDate(attr(n, "content"))
			}
		}
		return true
	})
	d.Title = pageTitle(titleTag, h1)

	body := findElement(doc, atom.Body)
	if body == nil {
		body = doc
	}
	removeNodes(body, func(n *html.Node) bool { return htmlJunkTags[n.DataAtom] })
	d.Published = metaDate
	if d.Published == "" {
		d.Published = dateNearTitle(renderHTML(body), d.Title)
	}

	st := htmlStats(body)
	total := st[body].han
	removeNodes(body, func(n *html.Node) bool {
		if n.DataAtom == atom.Header || isLinkList(st[n], n.DataAtom) {
			return true
		}
		c := attr(n, "id") + " " + attr(n, "class")
		return htmlJunkClass.MatchString(c) && st[n].han*2 < total
	})
	d.Text = renderHTML(articleNode(body))
	if d.Title == "" {
		d.Title = firstHanLine(d.Text)
	}
	return d, nil
}

// htmlFragmentText renders an HTML fragment (a JSON or Markdown body) as
// text with line breaks at block elements. A fragment of more than
// maxHTMLTokens tokens, or nested too deep to parse, is kept as it is.
func htmlFragmentText(s string) string {
	if !htmlTokensWithin(s, maxHTMLTokens) {
		return s
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return s
	}
	removeNodes(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Head
	})
	return renderHTML(doc)
}

// htmlTokensWithin reports whether s has at most n HTML tokens.
func htmlTokensWithin(s string, n int) bool {
	z := html.NewTokenizer(strings.NewReader(s))
	for z.Next() != html.ErrorToken {
		if n--; n < 0 {
			return false
		}
	}
	return true
}

// pageTitle prefers the page's h1 when the <title> contains it, and cuts
// the site name off a <title> such as "标题_苏州市人民政府".
func pageTitle(titleTag, h1 string) string {
	if h1 != "" && (titleTag == "" || strings.Contains(titleTag, h1)) {
		return h1
	}
	for _, sep := range []string{"_", " - ", " | ", "｜", " — ", "--"} {
		if i := strings.Index(titleTag, sep); i > 0 && len([]rune(titleTag[:i])) >= 4 {
			return strings.TrimSpace(titleTag[:i])
		}
	}
	return titleTag
}

// dateNearTitle finds the publication date in the page text near the
// title: a labelled date first, else the first date.
func dateNearTitle(text, title string) string {
	start := 0
	if title != "" {
		if i := strings.Index(text, title); i >= 0 {
			start = i + len(title)
		}
	}
	window := text[start:]
	if len(window) > 600 {
		cut := 600
		for cut < len(window) && !isRuneStart(window[cut]) {
			cut++
		}
		window = window[:cut]
	}
	if m := dateLabelRE.FindStringSubmatch(window); m != nil {
		return normalizeDate(m[2])
	}
	return normalizeDate(window)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// articleNode picks the element holding the article: among the article,
// main and content-named elements, the innermost one with at least 80% of
// the Han text of the richest, when that holds a good part of the page's;
// else the whole body.
func articleNode(body *html.Node) *html.Node {
	st := htmlStats(body)
	total := st[body].han
	type cand struct {
		n     *html.Node
		depth int
	}
	var cands []cand
	most := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		c := attr(n, "id") + " " + attr(n, "class")
		if n != body && (n.DataAtom == atom.Article || n.DataAtom == atom.Main ||
			((n.DataAtom == atom.Div || n.DataAtom == atom.Section || n.DataAtom == atom.Td) && htmlContentClass.MatchString(c))) {
			if k := st[n].han; k > 0 {
				cands = append(cands, cand{n, depth})
				most = max(most, k)
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, depth+1)
		}
	}
	walk(body, 0)
	if most == 0 || most*10 < total*4 {
		return body
	}
	var best cand
	for _, c := range cands {
		if st[c.n].han*10 >= most*8 && (best.n == nil || c.depth > best.depth) {
			best = c
		}
	}
	return best.n
}

// textStats counts the text below an element.
type textStats struct {
	han, runes, linkRunes, links int
}

// htmlStats counts the text below every element of the tree in one pass.
func htmlStats(root *html.Node) map[*html.Node]textStats {
	m := make(map[*html.Node]textStats)
	var count func(n *html.Node, depth int, inLink bool) textStats
	count = func(n *html.Node, depth int, inLink bool) textStats {
		var s textStats
		if depth > maxHTMLDepth {
			return s
		}
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				if unicode.IsSpace(r) {
					continue
				}
				s.runes++
				if inLink {
					s.linkRunes++
				}
				if unicode.Is(unicode.Han, r) {
					s.han++
				}
			}
			return s
		}
		if n.DataAtom == atom.A {
			s.links++
			inLink = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := count(c, depth+1, inLink)
			s.han += cs.han
			s.runes += cs.runes
			s.linkRunes += cs.linkRunes
			s.links += cs.links
		}
		m[n] = s
		return s
	}
	count(root, 0, false)
	return m
}

// isLinkList reports whether an element with text stats s is a block of
// links: a menu or a list of related articles, with little other text.
func isLinkList(s textStats, a atom.Atom) bool {
	switch a {
	case atom.Ul, atom.Ol, atom.Div, atom.Table, atom.Dl, atom.Section, atom.P, atom.Td, atom.Span:
	default:
		return false
	}
	return s.links >= 3 && s.linkRunes*10 >= s.runes*7 && s.runes-s.linkRunes < 100
}

func hanCount(s string) int {
	k := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			k++
		}
	}
	return k
}

// walkHTML calls f on n and its descendants in document order, down to
// maxHTMLDepth; f returns false to skip a node's children.
func walkHTML(n *html.Node, depth int, f func(*html.Node) bool) {
	if depth > maxHTMLDepth || !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, depth+1, f)
	}
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walkHTML(n, 0, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == a {
			found = c
			return false
		}
		return true
	})
	return found
}

// removeNodes detaches the element nodes below root for which drop is true.
func removeNodes(root *html.Node, drop func(*html.Node) bool) {
	var doomed []*html.Node
	walkHTML(root, 0, func(n *html.Node) bool {
		if n != root && n.Type == html.ElementNode && drop(n) {
			doomed = append(doomed, n)
			return false
		}
		return true
	})
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeText is the raw text content of n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, 0, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return c.DataAtom != atom.Script && c.DataAtom != atom.Style
	})
	return b.String()
}

// collapseSpace turns each run of ASCII white space and no-break spaces
// into one space, keeping ideographic spaces (U+3000), which are text.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00A0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// renderHTML renders the text of n: block elements on lines of their own,
// table cells separated by tabs, white space collapsed outside <pre>.
func renderHTML(n *html.Node) string {
	var b strings.Builder
	var render func(n *html.Node, depth int, pre bool)
	render = func(n *html.Node, depth int, pre bool) {
		if depth > maxHTMLDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			if pre {
				b.WriteString(n.Data)
			} else {
				b.WriteString(collapseSpace(n.Data))
			}
			return
		case html.ElementNode, html.DocumentNode:
		default:
			return
		}
		block := htmlBlocks[n.DataAtom]
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			if n.PrevSibling != nil && hasPrevCell(n) {
				b.WriteByte('\t')
			}
		}
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			render(c, depth+1, pre || n.DataAtom == atom.Pre)
		}
		if block && n.DataAtom != atom.Br {
			b.WriteByte('\n')
		}
	}
	render(n, 0, false)
	var out []string
	for l := range strings.SplitSeq(b.String(), "\n") {
		l = strings.Trim(l, " \t")
		if strings.Trim(l, " \t\u3000") != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func hasPrevCell(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.DataAtom == atom.Td || p.DataAtom == atom.Th {
			return true
		}
	}
	return false
}
