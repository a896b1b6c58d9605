package ingest

import (
	"regexp"
	"strings"
)

var (
	mdHeading  = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetext   = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdFence    = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdBullet   = regexp.MustCompile(`^[ \t]*[-*+][ \t]+`)
	mdQuote    = regexp.MustCompile(`^[ \t]*(>[ \t]?)+`)
	mdRule     = regexp.MustCompile(`^ {0,3}([-*_][ \t]*){3,}$`)
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdStrong   = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdCodeSpan = regexp.MustCompile("`([^`]+)`")
)

// decodeMarkdown renders Markdown as text: the title is the first heading;
// heading, bullet and quote markers, emphasis and link syntax go; fenced
// code blocks (the metadata of the g0v gazettes) are dropped; a line with
// inline HTML is rendered with line breaks at its block elements. Ordered-list numbers are
// kept: in minutes they number the agenda items. Blank lines go: paragraphs
// are separated by one line break, as in the other formats.
func decodeMarkdown(text string) *Document {
	d := &Document{Format: FormatMarkdown}
	lines := strings.Split(normalizeNewlines(text), "\n")
	var out []string
	fence := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				fence = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed == "" {
			continue
		}
		if m := mdFence.FindStringSubmatch(line); (trimmed[0] == '`' || trimmed[0] == '~') && m != nil {
			fence = m[1][:3]
			continue
		}
		if m := mdHeading.FindStringSubmatch(line); trimmed[0] == '#' && m != nil {
			h := mdInline(m[2])
			if d.Title == "" && h != "" {
				d.Title = h
			}
			out = append(out, h)
			continue
		}
		if i+1 < len(lines) && isSetextUnderline(lines[i+1]) && !mdRule.MatchString(line) {
			h := mdInline(line)
			if d.Title == "" && h != "" {
				d.Title = h
			}
			out = append(out, h)
			i++
			continue
		}
		switch trimmed[0] {
		case '-', '*', '_':
			if mdRule.MatchString(line) {
				continue
			}
			line = mdBullet.ReplaceAllString(line, "")
		case '+':
			line = mdBullet.ReplaceAllString(line, "")
		case '>':
			line = mdQuote.ReplaceAllString(line, "")
		}
		line = mdInline(strings.TrimLeft(line, " \t"))
		if strings.IndexByte(line, '<') >= 0 && htmlTagAny.MatchString(line) {
			line = htmlFragmentText(line)
		}
		out = append(out, line)
	}
	var kept []string
	for _, l := range out {
		if strings.TrimSpace(l) != "" {
			kept = append(kept, l)
		}
	}
	body := strings.Join(kept, "\n")
	d.Text = body
	if d.Title == "" {
		d.Title = firstLine(body)
	}
	return d
}

func isSetextUnderline(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && (t[0] == '=' || t[0] == '-') && mdSetext.MatchString(l)
}

// mdInline strips inline Markdown syntax from s.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "[*_`") {
		return strings.TrimSpace(s)
	}
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$2")
	s = mdCodeSpan.ReplaceAllString(s, "$1")
	return strings.TrimSpace(s)
}

// looksLikeMarkdown reports whether text without a telling extension is
// Markdown: it opens with an ATX heading or a fence.
func looksLikeMarkdown(text string) bool {
	l := firstLine(text)
	return mdHeading.MatchString(l) && strings.HasPrefix(l, "#") && strings.Contains(l, "# ") || mdFence.MatchString(l)
}
