package index

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/jiyao-search/jiyao/internal/fold"
	ql "github.com/jiyao-search/jiyao/query"
)

// snippetRunes is the length a snippet aims at, in characters.
const snippetRunes = 100

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
	byPos := map[int][]token{}
	for _, t := range toks {
		byPos[t.Pos] = append(byPos[t.Pos], t)
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
				for _, u := range byPos[t.Pos+k] {
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

// mark returns text HTML-escaped with every match in <mark>.
func (h *highlighter) mark(text string) string {
	return render(text, 0, len(text), h.spans(text))
}

// snippet returns about n characters of text around its best cluster of
// matches, HTML-escaped, matches in <mark>, with … where it was cut.
func (h *highlighter) snippet(text string, n int) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
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
		count := 0
		for _, x := range sp {
			if x.start >= byteAt(s) && x.end <= byteAt(e) {
				count++
			}
		}
		if count > best {
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
	if to < len(text) {
		out += "…"
	}
	return out
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
