package index

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Names under which the analysis components are registered with bleve. The
// mapping refers to them by name, so a reopened index rebuilds the same
// analyzers as long as this package is linked in.
const (
	tokenizerType    = "jiyao_cjk"
	tokenizerModeKey = "mode"
	// tokenizerOffsetsKey set to false leaves byte offsets out.
	tokenizerOffsetsKey = "offsets"
	// tokenizerCharsKey limits a unigram tokenizer to these characters.
	tokenizerCharsKey = "chars"
	tokenizerBigram   = "bigram"
	tokenizerUnigram  = "unigram"
)

func init() {
	registry.RegisterTokenizer(tokenizerType, func(config map[string]any, _ *registry.Cache) (analysis.Tokenizer, error) {
		noOffsets := config[tokenizerOffsetsKey] == false
		switch m, _ := config[tokenizerModeKey].(string); m {
		case tokenizerBigram, "":
			return &tokenizer{mode: modeIndex, noOffsets: noOffsets}, nil
		case tokenizerUnigram:
			t := &tokenizer{mode: modeUnigram, noOffsets: noOffsets}
			if chars, ok := config[tokenizerCharsKey].(string); ok {
				t.only = newCharSet(chars)
			}
			return t, nil
		default:
			return nil, fmt.Errorf("%s: unknown mode %q", tokenizerType, m)
		}
	})
}

// customAdder is what defineAnalyzer needs of an index mapping.
type customAdder interface {
	AddCustomTokenizer(name string, config map[string]any) error
	AddCustomAnalyzer(name string, config map[string]any) error
}

// tokenMode selects what a Han run becomes.
type tokenMode int

const (
	// modeIndex emits bigrams of Han runs (a lone character as itself) and,
	// where a Han run touches a digit or Latin token with nothing between,
	// the edge character too, at the position of the edge bigram, so that a
	// query such as 第12次 (第, 12, 次) matches inside 会议第12次常务.
	modeIndex tokenMode = iota
	// modeQuery is modeIndex without the edge characters: the form a query
	// phrase takes.
	modeQuery
	// modeUnigram emits every Han character as a token.
	modeUnigram
)

// token is one analysed term with its 1-based position and the byte offsets
// of its source in the original (unfolded) text.
type token struct {
	Term       string
	Pos        int
	Start, End int
	Kind       analysis.TokenType
}

type tokenizer struct {
	mode tokenMode
	// noOffsets leaves byte offsets out (zero), for fields that keep
	// positions only; it saves mapping every token back to the input.
	noOffsets bool
	// only, if set, makes this a tokenizer of these characters alone,
	// one token each (see tokenizeOnly).
	only *charSet
}

// charSet is a set of characters, each with its place in the set: a
// table over the range of the characters, which a text's every character
// is looked up in (see charFrequencies).
type charSet struct {
	chars []rune // in order, without repeats
	lo    rune
	// slot[r-lo] is 1 + the place of r in chars, 0 if r is not in the
	// set.
	slot []int32
}

func newCharSet(chars string) *charSet {
	s := &charSet{}
	lo, hi := rune(-1), rune(-1)
	for _, c := range chars {
		if lo < 0 || c < lo {
			lo = c
		}
		hi = max(hi, c)
	}
	if lo < 0 {
		return s
	}
	s.lo, s.slot = lo, make([]int32, hi-lo+1)
	for _, c := range chars {
		if s.slot[c-lo] == 0 {
			s.chars = append(s.chars, c)
			s.slot[c-lo] = int32(len(s.chars))
		}
	}
	return s
}

// place is the place of r in the set, -1 if r is not in it.
func (s *charSet) place(r rune) int {
	if i := r - s.lo; i >= 0 && int(i) < len(s.slot) {
		return int(s.slot[i]) - 1
	}
	return -1
}

// tokenizeOnly gives a token for each character of the folded input that
// is in t.only, numbered in order, without offsets: the tokens of a field
// without positions, where only the characters count. Folding is all of
// the analysis a single character needs (numerals are not characters of
// the set).
func (t *tokenizer) tokenizeOnly(input []byte) analysis.TokenStream {
	folded := fold.String(string(input))
	buf := []byte(folded) // the terms are slices of it
	var out analysis.TokenStream
	var slab []analysis.Token
	for i, r := range folded {
		if t.only.place(r) < 0 {
			continue
		}
		if len(slab) == 0 {
			slab = make([]analysis.Token, 256)
		}
		_, n := utf8.DecodeRuneInString(folded[i:])
		slab[0] = analysis.Token{
			Term:     buf[i : i+n : i+n],
			Position: len(out) + 1,
			Type:     analysis.Ideographic,
		}
		out = append(out, &slab[0])
		slab = slab[1:]
	}
	return out
}

func (t *tokenizer) Tokenize(input []byte) analysis.TokenStream {
	if t.only != nil {
		return t.tokenizeOnly(input)
	}
	toks := analyzeText(string(input), t.mode, !t.noOffsets)
	out := make(analysis.TokenStream, len(toks))
	slab := make([]analysis.Token, len(toks))
	// Terms share one buffer rather than one allocation each.
	n := 0
	for _, tk := range toks {
		n += len(tk.Term)
	}
	buf := make([]byte, 0, n)
	for i, tk := range toks {
		start := len(buf)
		buf = append(buf, tk.Term...)
		slab[i] = analysis.Token{
			Term:     buf[start:len(buf):len(buf)],
			Position: tk.Pos,
			Start:    tk.Start,
			End:      tk.End,
			Type:     tk.Kind,
		}
		out[i] = &slab[i]
	}
	return out
}

// Run classes.
const (
	classSep = iota
	classHan
	classWord
)

func runeClass(r rune) int {
	switch {
	case unicode.Is(unicode.Han, r):
		return classHan
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return classWord
	}
	return classSep
}

// run is a stretch of folded text of one class; term, when set, replaces
// the folded text (a Chinese numeral read as digits).
type run struct {
	class      int
	start, end int // byte offsets in the folded text
	term       string
	adjLeft    bool // touches the previous run with nothing between
	adjRight   bool
}

// analyze folds s and cuts it into tokens (see tokenMode).
func analyze(s string, mode tokenMode) []token { return analyzeText(s, mode, true) }

// analyzeText is analyze, with byte offsets only if withOffsets (else
// zero).
func analyzeText(s string, mode tokenMode, withOffsets bool) []token {
	var sc scratch
	return sc.appendTokens(nil, s, mode, withOffsets)
}

// scratch holds the buffers of an analysis, reused from one text to the
// next: analysing a meeting allocated about a megabyte in slices grown
// token by token, which cost indexing more in allocation and garbage
// collection than the analysis itself (see BenchmarkAnalyze).
type scratch struct {
	toks       []token          // analysedField.Analyze's
	index      map[string]int32 // frequencies'
	slot       []int32
	terms      []string
	counts     []int32
	next       []int32
	runs, norm []run
	starts     []int
	rs         []numRune
	charCounts []int32 // charFrequencies'
}

// scratches are the scratches of analysedField.Analyze, which bleve calls
// from several goroutines.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// appendTokens appends the tokens of s to toks, numbered from 1 (see
// analyzeText).
func (sc *scratch) appendTokens(toks []token, s string, mode tokenMode, withOffsets bool) []token {
	var (
		folded string
		offs   []int
	)
	if withOffsets {
		folded, offs = fold.Offsets(s)
	} else {
		folded = fold.String(s)
	}
	sc.runs = splitRuns(folded, sc.runs[:0])
	runs := sc.normaliseNumerals(folded, sc.runs, mode)
	for i := range runs {
		if i > 0 && runs[i-1].end == runs[i].start && runs[i-1].class != classSep && runs[i].class != classSep {
			runs[i].adjLeft = true
			runs[i-1].adjRight = true
		}
	}
	// origEnd maps the end of the folded rune starting at folded byte i to
	// the end of the original rune it came from.
	origStart := func(i int) int {
		if offs == nil {
			return 0
		}
		return offs[i]
	}
	origEnd := func(i int) int { // i is the start of the last folded rune
		if offs == nil {
			return 0
		}
		o := offs[i]
		_, n := utf8.DecodeRuneInString(s[o:])
		return o + n
	}
	pos := 0
	emit := func(term string, fs, lastRune int, kind analysis.TokenType, newPos bool) {
		if newPos {
			pos++
		}
		toks = append(toks, token{Term: term, Pos: pos, Start: origStart(fs), End: origEnd(lastRune), Kind: kind})
	}
	for _, r := range runs {
		switch r.class {
		case classSep:
			continue
		case classWord:
			term := r.term
			kind := analysis.Numeric
			if term == "" {
				term = folded[r.start:r.end]
				for _, c := range term {
					if !unicode.IsDigit(c) {
						kind = analysis.AlphaNumeric
						break
					}
				}
			}
			_, n := utf8.DecodeLastRuneInString(folded[r.start:r.end])
			emit(term, r.start, r.end-n, kind, true)
		case classHan:
			starts := sc.starts[:0]
			for i := range folded[r.start:r.end] {
				starts = append(starts, r.start+i)
			}
			sc.starts = starts
			runeAt := func(k int) (int, int) { // start, end in folded
				if k+1 < len(starts) {
					return starts[k], starts[k+1]
				}
				return starts[k], r.end
			}
			if mode == modeUnigram || len(starts) == 1 {
				for k := range starts {
					a, b := runeAt(k)
					emit(folded[a:b], a, a, analysis.Ideographic, true)
				}
				continue
			}
			for k := 0; k+1 < len(starts); k++ {
				a, _ := runeAt(k)
				b2, e2 := runeAt(k + 1)
				emit(folded[a:e2], a, b2, analysis.Double, true)
				if mode != modeIndex {
					continue
				}
				if k == 0 && r.adjLeft {
					_, e := runeAt(0)
					emit(folded[a:e], a, a, analysis.Ideographic, false)
				}
				if k+2 == len(starts) && r.adjRight {
					emit(folded[b2:e2], b2, b2, analysis.Ideographic, false)
				}
			}
		}
	}
	return toks
}

// splitRuns appends the runs of folded to runs.
func splitRuns(folded string, runs []run) []run {
	for i, r := range folded {
		c := runeClass(r)
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			n = 1
		}
		if len(runs) > 0 && runs[len(runs)-1].class == c && runs[len(runs)-1].end == i {
			runs[len(runs)-1].end = i + n
			continue
		}
		runs = append(runs, run{class: c, start: i, end: i + n})
	}
	return runs
}

// identifierSuffix holds the counters that follow 第N in identifiers:
// 第115次, 第11届, 第3号, 第2期 …
var identifierSuffix = map[rune]bool{
	'次': true, '届': true, '期': true, '号': true, '批': true, '条': true,
	'款': true, '项': true, '轮': true, '章': true, '节': true, '季': true,
	'个': true, '种': true, '部': true, '册': true, '卷': true, '场': true,
}

// normaliseNumerals splits Han runs around Chinese numerals used as
// identifiers and replaces them with digit runs: 第一百一十五次 → 第 115 次,
// 二〇二〇年十一月二日 → 2020 年 11 月 2 日. Only these patterns are read;
// numerals in running text (一是, 十分) are left alone.
func (sc *scratch) normaliseNumerals(folded string, runs []run, mode tokenMode) []run {
	numerals := func(r run) bool { return r.class == classHan && hasNumeral(folded[r.start:r.end]) }
	// Most texts have no numeral to read: they keep their runs as they are.
	i := slices.IndexFunc(runs, numerals)
	if i < 0 {
		return runs
	}
	out := append(sc.norm[:0], runs[:i]...)
	for _, r := range runs[i:] {
		if numerals(r) {
			out = sc.splitNumerals(out, folded, r, mode)
		} else {
			out = append(out, r)
		}
	}
	sc.norm = out
	return out
}

func hasNumeral(s string) bool {
	for _, c := range s {
		if isNumeralRune(c) {
			return true
		}
	}
	return false
}

// numRune is a rune of a Han run with its folded byte offsets.
type numRune struct {
	c    rune
	a, b int
}

// splitNumerals appends to out the runs Han run r is cut into.
func (sc *scratch) splitNumerals(out []run, folded string, r run, mode tokenMode) []run {
	rs := sc.rs[:0]
	for i, c := range folded[r.start:r.end] {
		rs = append(rs, numRune{c, r.start + i, r.start + i + utf8.RuneLen(c)})
	}
	sc.rs = rs
	type span struct {
		i, j int // rune indexes [i, j)
		val  int
	}
	var spans []span
	numeralEnd := func(i int) int {
		j := i
		for j < len(rs) && isNumeralRune(rs[j].c) {
			j++
		}
		return j
	}
	for i := 0; i < len(rs); {
		j := numeralEnd(i)
		if j == i {
			i++
			continue
		}
		text := folded[rs[i].a:rs[j-1].b]
		val, ok := parseNumeral(text)
		var next rune
		if j < len(rs) {
			next = rs[j].c
		}
		prev := rune(0)
		if i > 0 {
			prev = rs[i-1].c
		}
		switch {
		case !ok:
		case prev == '第' && identifierSuffix[next]:
			spans = append(spans, span{i, j, val})
		case next == '年' && val >= minDate.Year() && val < maxDate.Year():
			spans = append(spans, span{i, j, val})
		case next == '月' && val >= 1 && val <= 12 && (prev == '年' || dayFollows(rs, j+1)):
			spans = append(spans, span{i, j, val})
		case (next == '日' || next == '号') && val >= 1 && val <= 31 && prev == '月':
			spans = append(spans, span{i, j, val})
		case mode != modeUnigram && countClassifiers[next] && countingNumeral(rs[i:j]):
			spans = append(spans, span{i, j, val})
		}
		i = j
	}
	if len(spans) == 0 {
		return append(out, r)
	}
	at := 0
	for _, sp := range spans {
		if sp.i > at {
			out = append(out, run{class: classHan, start: rs[at].a, end: rs[sp.i-1].b})
		}
		out = append(out, run{class: classWord, start: rs[sp.i].a, end: rs[sp.j-1].b, term: strconv.Itoa(sp.val)})
		at = sp.j
	}
	if at < len(rs) {
		out = append(out, run{class: classHan, start: rs[at].a, end: r.end})
	}
	return out
}

// countClassifiers are the classifiers and units a counting numeral
// stands before where minutes also write it in digits: 三项 and 3项, 十二年
// and 12年, 两个 and 2个.
var countClassifiers = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "项个条件名人家种类批所座台辆次年届期位户倍元吨亩岁天周篇份本张处栋层架艘场轮起宗笔" {
		m[r] = true
	}
	return m
}()

// countingNumeral reports whether the numeral rs counts, before a
// classifier, as digits would: two or more characters (十二, 一百零二), or
// one of 二 to 十. 一 alone is left as written, being part of so many
// words (统一, 之一, 一些), and so are 百, 千 alone (千家万户), and
// numerals with 万 or 亿, which minutes write half in digits (3万元).
func countingNumeral(rs []numRune) bool {
	for _, r := range rs {
		if r.c == '万' || r.c == '亿' {
			return false
		}
	}
	return len(rs) >= 2 || strings.ContainsRune("二两三四五六七八九十", rs[0].c)
}

// dayFollows reports whether a numeral of a day and 日 or 号 start at rune k.
func dayFollows(rs []numRune, k int) bool {
	j := k
	for j < len(rs) && isNumeralRune(rs[j].c) {
		j++
	}
	return j > k && j < len(rs) && (rs[j].c == '日' || rs[j].c == '号')
}
