package index

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// tk is a token without its type, for compact tables.
type tk struct {
	Term       string
	Pos        int
	Start, End int
}

func terms(toks []token) []tk {
	var out []tk
	for _, t := range toks {
		out = append(out, tk{t.Term, t.Pos, t.Start, t.End})
	}
	return out
}

func TestAnalyzeIndex(t *testing.T) {
	tests := []struct {
		in   string
		want []tk
	}{
		{"原则同意《苏州市氢能及燃料电池产业发展规划》", []tk{
			{"原则", 1, 0, 6}, {"则同", 2, 3, 9}, {"同意", 3, 6, 12},
			{"苏州", 4, 15, 21}, {"州市", 5, 18, 24}, {"市氢", 6, 21, 27},
			{"氢能", 7, 24, 30}, {"能及", 8, 27, 33}, {"及燃", 9, 30, 36},
			{"燃料", 10, 33, 39}, {"料电", 11, 36, 42}, {"电池", 12, 39, 45},
			{"池产", 13, 42, 48}, {"产业", 14, 45, 51}, {"业发", 15, 48, 54},
			{"发展", 16, 51, 57}, {"展规", 17, 54, 60}, {"规划", 18, 57, 63},
		}},
		{"第115次常务会议", []tk{
			{"第", 1, 0, 3}, {"115", 2, 3, 6},
			{"次常", 3, 6, 12}, {"次", 3, 6, 9},
			{"常务", 4, 9, 15}, {"务会", 5, 12, 18}, {"会议", 6, 15, 21},
		}},
		// The Chinese numeral becomes the same term, spanning 一百一十五.
		{"第一百一十五次常务会议", []tk{
			{"第", 1, 0, 3}, {"115", 2, 3, 18},
			{"次常", 3, 18, 24}, {"次", 3, 18, 21},
			{"常务", 4, 21, 27}, {"务会", 5, 24, 30}, {"会议", 6, 27, 33},
		}},
		{"２０２０年１１月２日", []tk{
			{"2020", 1, 0, 12}, {"年", 2, 12, 15}, {"11", 3, 15, 21},
			{"月", 4, 21, 24}, {"2", 5, 24, 27}, {"日", 6, 27, 30},
		}},
		{"二〇二〇年十一月二日", []tk{
			{"2020", 1, 0, 12}, {"年", 2, 12, 15}, {"11", 3, 15, 21},
			{"月", 4, 21, 24}, {"2", 5, 24, 27}, {"日", 6, 27, 30},
		}},
		{"3月15日", []tk{{"3", 1, 0, 1}, {"月", 2, 1, 4}, {"15", 3, 4, 6}, {"日", 4, 6, 9}}},
		// Traditional folds to simplified; offsets stay on the original.
		{"臺北市議會第11屆", []tk{
			{"台北", 1, 0, 6}, {"北市", 2, 3, 9}, {"市议", 3, 6, 12},
			{"议会", 4, 9, 15}, {"会第", 5, 12, 18}, {"第", 5, 15, 18},
			{"11", 6, 18, 20}, {"届", 7, 20, 23},
		}},
		// A zero-width joiner disappears; the bigram spans it.
		{"市\u200d政府", []tk{{"市政", 1, 0, 9}, {"政府", 2, 6, 12}}},
		{"COVID-19疫情", []tk{{"covid", 1, 0, 5}, {"19", 2, 6, 8}, {"疫情", 3, 8, 14}, {"疫", 3, 8, 11}}},
		{"税", []tk{{"税", 1, 0, 3}}},
		{"一是加强", []tk{{"一是", 1, 0, 6}, {"是加", 2, 3, 9}, {"加强", 3, 6, 12}}},
		{"", nil},
		{"。，、", nil},
	}
	for _, tt := range tests {
		got := terms(analyze(tt.in, modeIndex))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("analyze(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// A counting numeral before a classifier is the same term as its digits
// (三项 = 3项, 十二年 = 12年, 两个 = 2个); words with numerals in them and
// 一 alone are left as written, and so is the unigram field, where a single
// character still finds 三 in 三项.
func TestAnalyzeCountingNumerals(t *testing.T) {
	same := [][2]string{
		{"完成三项任务", "完成3项任务"},
		{"实施十二年国教", "实施12年国教"},
		{"设立两个中心", "设立2个中心"},
		{"审议一百零二项议案", "审议102项议案"},
		{"三十五名代表", "35名代表"},
	}
	for _, p := range same {
		for _, mode := range []tokenMode{modeIndex, modeQuery} {
			a, b := analyze(p[0], mode), analyze(p[1], mode)
			var ta, tb []string
			for _, t := range a {
				ta = append(ta, t.Term)
			}
			for _, t := range b {
				tb = append(tb, t.Term)
			}
			if diff := cmp.Diff(tb, ta); diff != "" {
				t.Errorf("%s and %s analyse differently (mode %d) (-digits +words):\n%s", p[0], p[1], mode, diff)
			}
		}
	}
	kept := []string{"统一项目", "一些工作", "之一", "一个中心", "十分重要", "千家万户", "三万元", "十四五规划", "三峡工程"}
	for _, s := range kept {
		for _, tok := range analyze(s, modeIndex) {
			if strings.ContainsAny(tok.Term, "0123456789") {
				t.Errorf("analyze(%q) turned a numeral into %q", s, tok.Term)
			}
		}
	}
	for _, tok := range analyze("完成三项任务", modeUnigram) {
		if tok.Term == "3" {
			t.Errorf("the unigram field reads 三项 as 3")
		}
	}
}

func TestAnalyzeQueryAndUnigram(t *testing.T) {
	tests := []struct {
		in   string
		mode tokenMode
		want []tk
	}{
		{"第12次常务", modeQuery, []tk{{"第", 1, 0, 3}, {"12", 2, 3, 5}, {"次常", 3, 5, 11}, {"常务", 4, 8, 14}}},
		{"財政局", modeQuery, []tk{{"财政", 1, 0, 6}, {"政局", 2, 3, 9}}},
		{"財政局", modeUnigram, []tk{{"财", 1, 0, 3}, {"政", 2, 3, 6}, {"局", 3, 6, 9}}},
		{"２０２０年", modeUnigram, []tk{{"2020", 1, 0, 12}, {"年", 2, 12, 15}}},
	}
	for _, tt := range tests {
		got := terms(analyze(tt.in, tt.mode))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("analyze(%q, %d) mismatch (-want +got):\n%s", tt.in, tt.mode, diff)
		}
	}
}

// TestAnalyzerByName checks that a mapping read back from its JSON, as a
// reopened index reads it, rebuilds our analyzers by name: the same tokens
// as the mapping that wrote it.
func TestAnalyzerByName(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back mapping.IndexMappingImpl
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.Validate(); err != nil {
		t.Fatal(err)
	}
	in := "臺北市議會第11屆第三次會議，李明出席"
	for _, name := range []string{positionsAnalyzer, charsAnalyzer} {
		want, got := m.AnalyzerNamed(name), back.AnalyzerNamed(name)
		if want == nil || got == nil {
			t.Fatalf("analyzer %s: defined %v, rebuilt %v", name, want != nil, got != nil)
		}
		toks := func(a analysis.Analyzer) []tk {
			var out []tk
			for _, t := range a.Analyze([]byte(in)) {
				out = append(out, tk{string(t.Term), t.Position, t.Start, t.End})
			}
			return out
		}
		if len(toks(want)) == 0 {
			t.Fatalf("%s gives no tokens for %q", name, in)
		}
		if diff := cmp.Diff(toks(want), toks(got)); diff != "" {
			t.Errorf("%s rebuilt from JSON analyses %q otherwise (-written +rebuilt):\n%s", name, in, diff)
		}
	}
}

func TestParseNumeral(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一百一十五", 115, true},
		{"十一", 11, true},
		{"二十", 20, true},
		{"两千零五", 2005, true},
		{"二〇二〇", 2020, true},
		{"一", 1, true},
		{"三万五千", 35000, true},
		{"", 0, false},
		{"一百x", 0, false},
		{"百十", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumeral(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseNumeral(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// mappingAnalyzer is the analyzer the index mapping defines by name.
func mappingAnalyzer(t *testing.T, name string) analysis.Analyzer {
	t.Helper()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(name)
	if a == nil {
		t.Fatalf("analyzer %s not defined", name)
	}
	return a
}

// TestPositionsAnalyzer checks that the analyzer of the indexed text fields,
// as the index mapping defines it by name, gives the bigram analyzer's
// terms and positions with zero byte offsets.
func TestPositionsAnalyzer(t *testing.T) {
	a := mappingAnalyzer(t, positionsAnalyzer)
	in := "臺北市議會第11屆第３次會議，原则同意《规划》"
	var got, want []tk
	for _, t := range a.Analyze([]byte(in)) {
		got = append(got, tk{string(t.Term), t.Position, t.Start, t.End})
	}
	for _, w := range terms(analyze(in, modeIndex)) {
		w.Start, w.End = 0, 0
		want = append(want, w)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s.Analyze(%q) mismatch (-want +got):\n%s", positionsAnalyzer, in, diff)
	}
}

// TestCharsAnalyzer checks that the analyzer of text_u gives exactly the
// characters of the input that are in unigramChars, folded, in order.
func TestCharsAnalyzer(t *testing.T) {
	a := mappingAnalyzer(t, charsAnalyzer)
	in := "蘇州市財政局局長李明出席，第３次會議"
	var got, want []string
	for _, tok := range a.Analyze([]byte(in)) {
		got = append(got, string(tok.Term))
	}
	for _, r := range fold.String(in) {
		if strings.ContainsRune(unigramChars, r) {
			want = append(want, string(r))
		}
	}
	if len(want) < 5 {
		t.Fatalf("test input has only %q of unigramChars", want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s.Analyze(%q) mismatch (-want +got):\n%s", charsAnalyzer, in, diff)
	}
}

// TestCharsNoNumerals checks that no character of unigramChars is a
// numeral, which the bigram fields would write as a digit.
func TestCharsNoNumerals(t *testing.T) {
	for _, r := range unigramChars {
		if isNumeralRune(r) {
			t.Errorf("unigramChars holds the numeral %c", r)
		}
	}
}
