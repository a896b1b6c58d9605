package index

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
	ql "github.com/jiyao-search/jiyao/query"
)

// snippetRunes is the length a snippet aims at, in characters.
const snippetRunes = 100

// highlightWindow bounds the bytes of a text the highlighter reads: a
// longer text is marked, and its snippet drawn, from its first
// highlightWindow bytes (cut at a line break), so that a hit costs bounded
// time and memory whatever the size of its record. The longest text of a
// real record (the shared corpus and the dev sets) is 1,132,195 bytes, a
// Legislative Yuan gazette, which the window holds whole.
const highlightWindow = 2 << 20

// highlighter marks the matches of a query in display text. It analyses the
// text with the index analyzer (which folds with offsets back to the
// original) and finds the query's term sequences in the token stream, so a
// traditional document is marked in its own characters, 第一百一十五次 is
// marked for 第115次, and overlapping bigrams make one whole mark.
type highlighter struct {
	phrases [][]string
}

// addPhrase marks s as a whole wherever the text holds it.
func (h *highlighter) addPhrase(s string) {
	var p []string
	for _, t := range analyze(s, modeQuery) {
		p = append(p, t.Term)
	}
	if len(p) > 0 {
		h.phrases = append(h.phrases, p)
	}
}

// nameForms returns how text writes a person's name with a title inside it
// (王院長金平 for 王金平, 蘇議員琦莉 for 蘇琦莉): the surname, one to five
// characters, the given name. At most a few distinct forms.
func nameForms(text, name string) []string {
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 4 {
		return nil
	}
	re, err := regexp.Compile(regexp.QuoteMeta(string(rs[0])) + `\p{Han}{1,5}?` + regexp.QuoteMeta(string(rs[1:])))
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range re.FindAllString(text, 20) {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}

func newHighlighter(q ql.Q, mode string) *highlighter {
	h := &highlighter{}
	addText := func(s string, whole bool) {
		toks := analyze(s, modeQuery)
		if len(toks) == 0 {
			return
		}
		if whole {
			p := make([]string, len(toks))
			for i, t := range toks {
				p[i] = t.Term
			}
			h.phrases = append(h.phrases, p)
			return
		}
		for _, t := range toks {
			h.phrases = append(h.phrases, []string{t.Term})
		}
	}
	ql.Marked(q, func(s string, t *ql.Text) {
		addText(s, t == nil || mode == ModeExact || t.Quoted)
	})
	return h
}

type span struct{ start, end int }

// spans returns the merged byte ranges of text that match.
func (h *highlighter) spans(text string) []span {
	if len(h.phrases) == 0 || text == "" {
		return nil
	}
	toks := analyze(text, modeIndex)
	// The tokens come in the order of their positions, which are
	// numbered from 1 without gaps: those at position p are
	// toks[first[p]:first[p+1]].
	first := make([]int, 0, len(toks)+2)
	for i, t := range toks {
		for len(first) <= t.Pos {
			first = append(first, i)
		}
	}
	first = append(first, len(toks))
	byPos := func(p int) []token {
		if p+1 >= len(first) {
			return nil
		}
		return toks[first[p]:first[p+1]]
	}
	var uni []token
	var out []span
	for _, p := range h.phrases {
		if len(p) == 1 && isOneHan(p[0]) {
			if uni == nil {
				uni = analyze(text, modeUnigram)
			}
			for _, t := range uni {
				if t.Term == p[0] {
					out = append(out, span{t.Start, t.End})
				}
			}
			continue
		}
		for _, t := range toks {
			if t.Term != p[0] {
				continue
			}
			end, ok := t.End, true
			for k := 1; k < len(p) && ok; k++ {
				ok = false
				for _, u := range byPos(t.Pos + k) {
					if u.Term == p[k] {
						end, ok = u.End, true
						break
					}
				}
			}
			if ok {
				out = append(out, span{t.Start, end})
			}
		}
	}
	return mergeSpans(out)
}

// mergeSpans returns the spans in order, those that overlap or touch
// joined into one.
func mergeSpans(sp []span) []span {
	slices.SortFunc(sp, func(a, b span) int { return a.start - b.start })
	var merged []span
	for _, s := range sp {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// mark returns text HTML-escaped with every match in <mark>; past
// highlightWindow, cut with ….
func (h *highlighter) mark(text string) string {
	w := window(text)
	out := render(w, 0, len(w), h.spans(w))
	if len(w) < len(text) {
		out += "…"
	}
	return out
}

// window returns the part of text the highlighter reads: all of it, or its
// first highlightWindow bytes, cut after the last line break in them (or,
// for a text of few line breaks, at a character's start).
func window(text string) string {
	if len(text) <= highlightWindow {
		return text
	}
	w := text[:highlightWindow]
	if i := strings.LastIndexByte(w, '\n'); i >= highlightWindow/2 {
		return w[:i+1]
	}
	for len(w) > 0 && !utf8.RuneStart(text[len(w)]) {
		w = w[:len(w)-1]
	}
	return w
}

// snippet returns about n characters of text around its best cluster of
// matches, HTML-escaped, matches in <mark>, with … where it was cut. It
// reads the text's window only, and its cost is the window's length and
// m log m for m matches.
func (h *highlighter) snippet(text string, n int) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	full := len(text)
	text = window(text)
	sp := h.spans(text)
	var starts []int // byte offset of each rune
	for i := range text {
		starts = append(starts, i)
	}
	runeAt := func(b int) int { // index of the rune starting at or after byte b
		i, _ := slices.BinarySearch(starts, b)
		return i
	}
	byteAt := func(r int) int {
		if r >= len(starts) {
			return len(text)
		}
		return starts[max(r, 0)]
	}
	ws, we := 0, min(n, len(starts))
	best := -1
	for _, anchor := range sp {
		a, b := runeAt(anchor.start), runeAt(anchor.end)
		s := max(a-(n-(b-a))/2, 0)
		e := min(s+n, len(starts))
		s = max(e-n, 0)
		if count := inside(sp, byteAt(s), byteAt(e)); count > best {
			best, ws, we = count, s, e
		}
	}
	from, to := byteAt(ws), byteAt(we)
	for _, x := range sp { // do not cut a mark in two
		if x.start < to && x.end > to {
			to = x.end
		}
		if x.start < from && x.end > from {
			from = x.start
		}
	}
	out := render(text, from, to, sp)
	if from > 0 {
		out = "…" + out
	}
	if to < full {
		out += "…"
	}
	return out
}

// inside counts the spans of sp that lie within [from, to], in log time:
// sp is merged, so both its starts and its ends ascend, those that start
// at or after from are a suffix of it, those that end by to a prefix, and
// the spans inside are where the two meet.
func inside(sp []span, from, to int) int {
	i, _ := slices.BinarySearchFunc(sp, from, func(x span, at int) int { return x.start - at })
	j, _ := slices.BinarySearchFunc(sp, to+1, func(x span, at int) int { return x.end - at })
	return max(j-i, 0)
}

// render escapes text[from:to], marks the spans within and folds runs of
// white space to one space.
func render(text string, from, to int, sp []span) string {
	var b strings.Builder
	write := func(s string) {
		s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
		b.WriteString(html.EscapeString(s))
	}
	// Keep a space where white space was cut at a mark edge.
	writeSeg := func(s string) {
		lead := s != "" && unicode.IsSpace([]rune(s)[0])
		trail := s != "" && unicode.IsSpace([]rune(s)[len([]rune(s))-1])
		if lead && b.Len() > 0 {
			b.WriteByte(' ')
		}
		write(s)
		if trail && strings.TrimSpace(s) != "" {
			b.WriteByte(' ')
		}
	}
	pieces(text, from, to, sp, func(s string, marked bool) {
		if !marked {
			writeSeg(s)
			return
		}
		b.WriteString("<mark>")
		write(s)
		b.WriteString("</mark>")
	})
	return strings.TrimSpace(b.String())
}

// pieces calls fn with text[from:to] cut at the edges of the spans (merged,
// in order), each piece with whether a span marks it.
func pieces(text string, from, to int, sp []span, fn func(s string, marked bool)) {
	at := from
	for _, s := range sp {
		if s.end <= from || s.start >= to {
			continue
		}
		st, en := max(s.start, from), min(s.end, to)
		fn(text[at:st], false)
		fn(text[st:en], true)
		at = en
	}
	fn(text[at:to], false)
}

// A meeting's page marks a query otherwise than a hit's snippet does: it
// lists the query's words (query.Parser.MarkedWords) above the text and
// marks each wherever the folded text holds it as it is written
// (MarkWords), where the snippet marks the analysed terms the search
// matched (highlighter), numerals and names included.

// MarkWords returns text HTML-escaped with every occurrence of the folded
// words in <mark>, found in the folded text, so that a traditional text is
// marked for a simplified word. Unlike a snippet it keeps the text's white
// space as it is.
func MarkWords(text string, words []string) string {
	if len(words) == 0 || text == "" {
		return html.EscapeString(text)
	}
	folded, offs := fold.Offsets(text)
	var sp []span
	for _, w := range words {
		for i := 0; i < len(folded); {
			j := strings.Index(folded[i:], w)
			if j < 0 {
				break
			}
			a, b := i+j, i+j+len(w)
			if s, e := offs[a], offs[b]; e > s {
				sp = append(sp, span{s, e})
			}
			i = b
		}
	}
	var b strings.Builder
	pieces(text, 0, len(text), mergeSpans(sp), func(s string, marked bool) {
		if marked {
			b.WriteString("<mark>" + html.EscapeString(s) + "</mark>")
			return
		}
		b.WriteString(html.EscapeString(s))
	})
	return b.String()
}
