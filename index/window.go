package index

import (
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/ingest"
)

// MaxTextWindow is the most of a meeting's text an answer carries, in
// bytes. The longest record text of the shared corpus is 1.13 MB (a
// 立法院公報 in Markdown, ly-3109.md), so every real record there is answered
// whole; a 32 MiB upload's text comes in 16 windows instead of one answer
// of 99 MB.
const MaxTextWindow = 2 << 20

// TextWindow is the part of a meeting's text CutText kept, in byte offsets
// of the whole text.
type TextWindow struct {
	From  int `json:"from"`
	To    int `json:"to"`
	Total int `json:"total"`
}

// CutText cuts rec.Text to at most max bytes from byte offset from, both
// moved back to the start of a character, when the whole text does not fit
// (or from is not 0), and drops the items' texts then: they are stretches
// of the whole, which their Start and End still locate. It reports the part
// kept and whether it cut. from must be between 0 and len(rec.Text).
func CutText(rec *ingest.Minutes, from, max int) (TextWindow, bool) {
	total := len(rec.Text)
	if from == 0 && total <= max {
		return TextWindow{0, total, total}, false
	}
	for from > 0 && from < total && !utf8.RuneStart(rec.Text[from]) {
		from--
	}
	to := min(total, from+max)
	for to > from && to < total && !utf8.RuneStart(rec.Text[to]) {
		to--
	}
	rec.Text = rec.Text[from:to]
	for i := range rec.Items {
		rec.Items[i].Text = ""
	}
	return TextWindow{from, to, total}, true
}
