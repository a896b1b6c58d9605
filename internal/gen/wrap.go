package gen

import (
	"strings"
	"unicode/utf8"
)

// noLineStart holds the punctuation that typesetting keeps off the start of
// a line.
const noLineStart = "，。、；：？！）》」』”’"

// textWriter accumulates a document, wrapping paragraphs like text taken
// from a PDF when wrap > 0.
type textWriter struct {
	b     []byte
	wrap  int // characters per line; 0 for none
	page  int // lines per page
	lines int // lines on the current page
}

func (w *textWriter) raw(s string) { w.b = append(w.b, s...) }

// para writes a paragraph and the blank line after it.
func (w *textWriter) para(s string) {
	if w.wrap <= 0 {
		w.raw(s + "\n\n")
		return
	}
	n := 0
	for _, c := range s {
		// Closing punctuation never starts a line: it hangs in the margin.
		if n >= w.wrap && !strings.ContainsRune(noLineStart, c) {
			w.b = append(w.b, '\n')
			n = 0
			w.lines++
			if w.lines >= w.page {
				// A page break shows as a blank line inside the paragraph.
				w.b = append(w.b, '\n')
				w.lines = 0
			}
		}
		w.b = utf8.AppendRune(w.b, c)
		n++
	}
	w.raw("\n\n")
	w.lines += 2
}

// hardWrap breaks s every width characters, wherever that falls (inside a
// name, between an organisation and its person), dropping the spaces at
// the breaks.
func hardWrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, c := range s {
		if n == width {
			b.WriteByte('\n')
			n = 0
			if c == ' ' {
				continue
			}
		}
		if c == ' ' && (n == 0 || n == width-1) {
			// Never start or end a line with the space between two names.
			if n > 0 {
				b.WriteByte('\n')
				n = 0
			}
			continue
		}
		b.WriteRune(c)
		n++
	}
	return b.String()
}
