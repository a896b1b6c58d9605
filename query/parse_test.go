package query

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testParser knows fields as the index declares them (index.FacetDefs):
// a name, an alias, people.
var testParser = NewParser(Fields{
	Keywords: []Keyword{
		{Field: "issuer", Names: []string{"issuer"}},
		{Field: "kind", Names: []string{"kind"}},
		{Field: "department", Names: []string{"department", "dept"}},
		{Field: "topic", Names: []string{"topic"}},
		{Field: "official", Names: []string{"official"}},
		{Field: "chair", Names: []string{"chair"}},
	},
	Levels: []string{"meeting", "item", "decision"},
})

// parseTests are queries and their trees' String forms; FuzzParse seeds
// its corpus with them.
var parseTests = []struct {
	in   string
	want string
}{
	{"", "(and )"},
	{"税", "text:税"},
	{"苏州 氢能", "(and text:苏州 text:氢能)"},
	{"  苏州\u3000氢能  ", "(and text:苏州 text:氢能)"},
	{`"燃料电池 规划"`, `"燃料电池 规划"`},
	{"“燃料电池”", `"燃料电池"`},
	{"「燃料电池」", `"燃料电池"`},
	{"-商务局", "(not text:商务局)"},
	{"苏州 -商务局", "(and text:苏州 (not text:商务局))"},
	{"财政局 OR 税务局", "(or text:财政局 text:税务局)"},
	{"会议 财政局 OR 税务局 OR 商务局", "(or (and text:会议 text:财政局) text:税务局 text:商务局)"},
	{"会议 (财政局 OR 税务局 OR 商务局)", "(and text:会议 (or text:财政局 text:税务局 text:商务局))"},
	{"a or b", "(and text:a text:or text:b)"},
	// AND is the space written out; NOT is -. NOT binds tightest, then
	// AND and the space, then OR.
	{"财政 AND 预算", "(and text:财政 text:预算)"},
	{"财政 AND 预算 决算", "(and text:财政 text:预算 text:决算)"},
	{"财政 NOT 预算", "(and text:财政 (not text:预算))"},
	{"财政 AND NOT 预算", "(and text:财政 (not text:预算))"},
	{"NOT 预算", "(not text:预算)"},
	{"NOT NOT 预算", "(not (not text:预算))"},
	{"NOT -预算", "(not (not text:预算))"},
	{"苏州 NOT (商务局 OR 税务局)", "(and text:苏州 (not (or text:商务局 text:税务局)))"},
	{"NOT issuer:国务院 会议", "(and (not issuer:国务院) text:会议)"},
	{"甲 AND 乙 OR 丙", "(or (and text:甲 text:乙) text:丙)"},
	{"甲 OR 乙 AND 丙", "(or text:甲 (and text:乙 text:丙))"},
	{"甲 OR 乙 NOT 丙", "(or text:甲 (and text:乙 (not text:丙)))"},
	{"甲 乙 OR 丙 -丁", "(or (and text:甲 text:乙) (and text:丙 (not text:丁)))"},
	{"(甲 OR 乙) AND 丙", "(and (or text:甲 text:乙) text:丙)"},
	{"甲 AND (乙 OR 丙)", "(and text:甲 (or text:乙 text:丙))"},
	{"NOT (甲 乙) 丙 OR 丁", "(or (and (not (and text:甲 text:乙)) text:丙) text:丁)"},
	{"issuer:国务院 会议 OR 常务", "(or (and issuer:国务院 text:会议) text:常务)"},
	// Only the upper-case word, unquoted, alone, is an operator.
	{`财政 "AND" 预算`, `(and text:财政 "AND" text:预算)`},
	{"财政 and 预算 not 决算", "(and text:财政 text:and text:预算 text:not text:决算)"},
	{"-AND -NOT -OR", "(and (not text:AND) (not text:NOT) (not text:OR))"},
	{"ANDROID NOTE ORDER", "(and text:ANDROID text:NOTE text:ORDER)"},
	{"kind:AND", "kind:AND"},
	{"苏州 NOT(商务局 OR 税务局)", "(and text:苏州 (not (or text:商务局 text:税务局)))"},
	{"苏州 NOT（商务局 OR 税务局）", "(and text:苏州 (not (or text:商务局 text:税务局)))"},
	{"NOT(NOT(甲 乙) 丙)", "(not (and (not (and text:甲 text:乙)) text:丙))"},
	{"NOT(2020)36号", "doc:〔2020〕36号"},
	{"a NOT(b)", "(and text:a text:NOT(b))"},
	{"NOT(苏州", "text:NOT(苏州"},
	{"NOTE(苏州 无锡)", "(and text:NOTE(苏州 text:无锡))"},
	{"issuer:高雄市议会", "issuer:高雄市议会"},
	{"Issuer：高雄市議會", "issuer:高雄市議會"},
	{`issuer:"高雄市 议会"`, "issuer:高雄市 议会"},
	{"dept:市财政局", "department:市财政局"},
	{"official:王金平 chair:李亚平", "(and official:王金平 chair:李亚平)"},
	{"-kind:常务会议", "(not kind:常务会议)"},
	{"level:decision 同意", "(and level:decision text:同意)"},
	{"date:2020-01..2020-06", "date:2020-01-01..2020-06-30"},
	{"date:2020", "date:2020-01-01..2020-12-31"},
	{"date:2020-02", "date:2020-02-01..2020-02-29"},
	{"date:2020-03-15", "date:2020-03-15..2020-03-15"},
	{"date:2020..", "date:2020-01-01.."},
	{"date:..2021-06", "date:..2021-06-30"},
	{"from:2020-03", "date:2020-03-01.."},
	{"to:2021", "date:..2021-12-31"},
	{"year:2019", "date:2019-01-01..2019-12-31"},
	{"第115次", "session:115"},
	{"第一百一十五次", "session:115"},
	{"第１１５次", "session:115"},
	{"第115次会议", "session:115"},
	{"2026年第1次", "session:2026/1"},
	{"二〇二六年第一次", "session:2026/1"},
	{"session:115", "session:115"},
	{"session:第十二次", "session:12"},
	{"第115次常务会议", "text:第115次常务会议"},
	{`"第115次"`, `"第115次"`},
	{"〔2020〕36号", "doc:〔2020〕36号"},
	{"[2020]36号", "doc:〔2020〕36号"},
	{"【2020】36号", "doc:〔2020〕36号"},
	{"(2020)36号", "doc:〔2020〕36号"},
	{"（２０２０）３６号", "doc:〔2020〕36号"},
	{"〔2020〕036号", "doc:〔2020〕36号"},
	{"苏府会〔2020〕36号", "doc:苏府会〔2020〕36号"},
	{"doc:[2020]36号", "doc:〔2020〕36号"},
	{"(苏州 氢能) OR 防汛", "(or (and text:苏州 text:氢能) text:防汛)"},
	{"会议 (财政局 OR 税务局) 预算", "(and text:会议 (or text:财政局 text:税务局) text:预算)"},
	{"（财政局 OR 税务局）", "(or text:财政局 text:税务局)"},
	{"苏州 -(商务局 OR 税务局)", "(and text:苏州 (not (or text:商务局 text:税务局)))"},
	{`("燃料电池 规划" OR issuer:苏州市人民政府) 氢能`, `(and (or "燃料电池 规划" issuer:苏州市人民政府) text:氢能)`},
	{"((苏州 OR 无锡) 氢能) OR 防汛", "(or (and (or text:苏州 text:无锡) text:氢能) text:防汛)"},
	{"(2020)36号 苏州", "(and doc:〔2020〕36号 text:苏州)"},
	{`"燃料电池"(苏州 OR 无锡)`, `(and "燃料电池" (or text:苏州 text:无锡))`},
	{"(-(苏州 无锡) 氢能) OR 防汛", "(or (and (not (and text:苏州 text:无锡)) text:氢能) text:防汛)"},
	{`a"b (c d)`, `(and text:a"b (and text:c text:d))`},
	{"(苏州", "text:(苏州"},
	{"苏州)", "text:苏州)"},
	{"3月15日", "text:3月15日"},
	{"12:30", "text:12:30"},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		q, err := testParser.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}

// parseErrorTests are queries that do not parse and what their errors
// quote; FuzzParse seeds its corpus with them.
var parseErrorTests = []struct {
	in      string
	mention string // the error quotes the bad input
	syntax  bool   // a fault of structure: Words reads its words
}{
	{`"燃料电池`, `"燃料电池`, true},
	{"OR 税", "OR", true},
	{"税 OR", "OR", true},
	{"税 OR OR 局", "OR", true},
	{"colour:red", "colour", false},
	{"issuer:", "issuer:", false},
	{"level:agenda", "level must be meeting, item or decision, not \"agenda\"", false},
	{"date:2020-13", "2020-13", false},
	{"date:20200", "20200", false},
	{"date:2021..2020", "2021..2020", false},
	{"year:20", "year:20", false},
	{"session:abc", "session:abc", false},
	{"-", "-", true},
	{"税 OR -局", "税 OR -局", true},
	{"( )", "( )", true},
	{"(a OR) b", "(a OR) b", true},
	{"AND 税", "AND needs a term on both sides", true},
	{"税 AND", "AND needs a term on both sides", true},
	{"税 AND AND 局", "税 AND AND 局", true},
	{"税 AND OR 局", "税 AND OR 局", true},
	{"税 OR AND 局", "税 OR AND 局", true},
	{"(AND 税)", "(AND 税)", true},
	{"(税 AND) 局", "(税 AND) 局", true},
	{"NOT", "NOT needs a term after it", true},
	{"税 NOT", "税 NOT", true},
	{"税 NOT OR 局", "税 NOT OR 局", true},
	{"税 NOT AND 局", "税 NOT AND 局", true},
	{"(税 NOT) 局", "(税 NOT) 局", true},
	{"税 OR NOT 局", "税 OR NOT 局", true},
	{"NOT 税 OR 局", "NOT 税 OR 局", true},
	{"NOT (甲 乙) OR 丙", "NOT (甲 乙) OR 丙", true},
	{"NOT year:20", "year:20", false},
	{`("苏州 无锡) 氢能`, "unterminated quote", true},
	{strings.Repeat("(", 20) + "税 " + strings.Repeat(")", 20), "nest", true},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		_, err := testParser.Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) succeeded; want an error", tt.in)
			continue
		}
		if e := (*Error)(nil); !errors.As(err, &e) {
			t.Errorf("Parse(%q) error %v is not an *Error", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("Parse(%q) error %q does not quote %q", tt.in, err, tt.mention)
		}
		if e := (*Error)(nil); errors.As(err, &e) && e.Syntax != tt.syntax {
			t.Errorf("Parse(%q) error %q: Syntax = %v; want %v", tt.in, err, e.Syntax, tt.syntax)
		}
	}
}

// A query whose structure does not parse is read as its words: quotes and
// parentheses part words, OR and a lone - go, a word excluded stays
// excluded (never turned into a term); fields and identifiers stay.
func TestWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"燃料电池 规划`, "燃料电池 规划"},
		{`“燃料电池 规划`, "燃料电池 规划"},
		{"(氢能 OR) 规划", "氢能 规划"},
		{"税 OR", "税"},
		{"税 OR -局", "税 -局"},
		{`"氢能 -苏州`, "氢能 -苏州"},
		{"氢能(规划 OR", "氢能 规划"},
		{"-- 税 OR", "税"},
		{"（（苏州 OR） 氢能）", "苏州 氢能"},
		{`issuer:苏州市人民政府 "氢能 第115次`, `issuer:"苏州市人民政府" 氢能 第115次`},
		{"2020-2021 (规划", "2020-2021 规划"},
		{"-", ""},
		{`"氢能 NOT 苏州`, "氢能 -苏州"},
		{`"氢能 NOT NOT 苏州 AND 规划`, "氢能 -苏州 规划"},
		{"税 AND", "税"},
		{"税 NOT", "税"},
		{"NOT OR 税", "税"},
		{`"氢能 -OR`, "氢能 -OR"},
		{"税 OR NOT 局", "税 -局"},
		{strings.Repeat("(", 20) + "税 " + strings.Repeat(")", 20), "税"},
	} {
		q, err := testParser.Words(tt.in)
		if err != nil {
			t.Errorf("Words(%q): %v", tt.in, err)
			continue
		}
		if got := testParser.Format(q); got != tt.want {
			t.Errorf("Words(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
	// What a field was given is still checked.
	if _, err := testParser.Words(`"氢能 year:20`); err == nil || !strings.Contains(err.Error(), "year:20") {
		t.Errorf(`Words("氢能 year:20) error %v; want year's`, err)
	}
}

// Read parses, or reads the words of a query whose structure does not
// parse and says why; a field's bad value is its error.
func TestRead(t *testing.T) {
	for _, tt := range []struct{ in, want, fallback string }{
		{"苏州 NOT 氢能", "苏州 -氢能", ""},
		{`"燃料电池 规划`, "燃料电池 规划", `unterminated quote in "\"燃料电池 规划"`},
		{"税 AND", "税", `AND needs a term on both sides in "税 AND"`},
	} {
		q, fallback, err := testParser.Read(tt.in)
		if err != nil {
			t.Errorf("Read(%q): %v", tt.in, err)
			continue
		}
		got, fb := testParser.Format(q), ""
		if fallback != nil {
			fb = fallback.Msg
		}
		if got != tt.want || fb != tt.fallback {
			t.Errorf("Read(%q) = %s, fallback %q; want %s, %q", tt.in, got, fb, tt.want, tt.fallback)
		}
	}
	if _, _, err := testParser.Read(`"氢能 year:20`); err == nil || !strings.Contains(err.Error(), "year:20") {
		t.Errorf(`Read("氢能 year:20) error %v; want year's`, err)
	}
}

// A meeting's page marks the words of the query's free text and its
// numbers whole, folded, outside exclusions; nothing of a query that
// fails on a field.
func TestMarkedWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"氢能 燃料電池", []string{"氢能", "燃料电池"}},
		{`"氢能 规划" -苏州 NOT 无锡`, []string{"氢能", "规划"}},
		{"第3次 苏府会〔2020〕36号", []string{"第3次", "苏府会〔2020〕36号"}},
		{"issuer:苏州 (氢能 OR 防汛)", []string{"氢能", "防汛"}},
		{`"unclosed 规划`, []string{"unclosed", "规划"}},
		{"year:20 氢能", nil},
	} {
		if got := testParser.MarkedWords(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("MarkedWords(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// An unknown field's error lists the fields, the keyword fields by their
// names in order.
func TestParseUnknownField(t *testing.T) {
	_, err := testParser.Parse("colour:red")
	want := `unknown field "colour" in "colour:red"; known fields: issuer, kind, department, topic, official, chair, level, date, from, to, year, session, doc`
	if err == nil || err.Error() != want {
		t.Errorf("Parse(colour:red) error %v; want %s", err, want)
	}
}

func TestFormat(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"  苏州\u3000氢能  ", "苏州 氢能"},
		{"“燃料电池 规划”", `"燃料电池 规划"`},
		{`“他说"好"”`, `“他说"好"”`},
		{"dept:市财政局", `department:"市财政局"`},
		{"Issuer：高雄市議會", `issuer:"高雄市議會"`},
		{"level:item -kind:常务会议", `level:item -kind:"常务会议"`},
		{"year:2019 from:2020-03", "date:2019-01-01..2019-12-31 date:2020-03-01.."},
		{"第一百一十五次 session:115 session:2026年第1次", "第一百一十五次 session:115 2026年第1次"},
		{`session:"第 1 次"`, `session:"第 1 次"`},
		{"（２０２０）３６号 doc:[2020]36号 doc:第三次会议", `（２０２０）３６号 [2020]36号 doc:"第三次会议"`},
		{"会议 财政局 OR 税务局 OR 商务局", "会议 财政局 OR 税务局 OR 商务局"},
		{"会议 (财政局 OR 税务局)", "会议 (财政局 OR 税务局)"},
		{"（（苏州 OR 无锡） 氢能） OR 防汛", "(苏州 OR 无锡) 氢能 OR 防汛"},
		{"(苏州 氢能) OR (防汛 规划)", "苏州 氢能 OR 防汛 规划"},
		{"苏州 AND 氢能 OR 防汛 AND NOT 规划", "苏州 氢能 OR 防汛 -规划"},
		{"NOT (甲 OR 乙) NOT -丙", "-(甲 OR 乙) -(-丙 )"},
		{`财政 "AND" -NOT`, `财政 "AND" -NOT`},
		{"((a OR b) OR c) d", "((a OR b) OR c) d"},
		{"a --) b", "a (--) ) b"},
		{"-(--) )", "-((--) ))"},
		{"苏州 -（商务局 OR 税务局）", "苏州 -(商务局 OR 税务局)"},
		{"-(-商务局 )", "-(-商务局 )"},
		{`-("" )`, `-("" )`},
		{"(苏州 苏州)", "苏州 苏州"},
		{"苏州) (苏州 (苏州)", "(苏州) ) (苏州 (苏州)"},
		{"(() )", "( () )"},
	} {
		q, err := testParser.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.in, err)
			continue
		}
		if got := testParser.Format(q); got != tt.want {
			t.Errorf("Format(Parse(%q)) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// A document number is keyed in its canonical forms, whatever brackets,
// widths and leading zeros it was written with (ingest.CanonicalDocNumber
// is the one reading of it).
func TestDocNumberKeys(t *testing.T) {
	for in, want := range map[string][]string{
		"苏府会〔2020〕36号":  {"苏府会〔2020〕36号", "〔2020〕36号"},
		"蘇府會［2020］036號": {"苏府会〔2020〕36号", "〔2020〕36号"},
		"[2026]1号":      {"〔2026〕1号"},
		"（2019）第7号":     {"〔2019〕7号"},
		"第三次会议":         {"第三次会议"},
	} {
		if got := DocNumberKeys(in); !slices.Equal(got, want) {
			t.Errorf("DocNumberKeys(%s) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParse checks that Parse fails only with an *Error, and that a tree
// it returns is printed by Format in a form that parses back to the same
// tree and prints the same again. The seed corpus is the queries of the
// tests above, those of docs/api.md and testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range parseErrorTests {
		f.Add(tt.in)
	}
	for _, s := range []string{
		// docs/api.md and the README.
		"氢能", "燃料电池", `"phrases"`, "-exclude", "issuer:苏州市人民政府 date:2020-01..2020-06", "，。", "*",
		// Mixed forms.
		"苏州 -商务局", `"第115次" OR 〔2020〕36号`, "issuer:高雄市議會 date:2020..2021", "2026年第一次",
		"(苏州 氢能) OR -(防汛 OR 规划)", "((a) b", "(x (y) z)", "-(-a )", "a) (b", `-("" )`,
		// The operators among the other forms.
		"财政 AND 预算", "财政 NOT 预算", "NOT NOT a", "a AND -b OR NOT c d", "(a AND b) OR (c NOT d)",
		`"AND" AND "NOT"`, "-NOT AND -AND", "a NOT(b)", "a AND(b OR c)", "(a OR b)AND c", "NOT (a) )",
		"a OR b AND c OR d", "（甲 OR 乙） AND NOT （丙）", "issuer:AND NOT kind:OR",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := testParser.Parse(s)
		if err != nil {
			e := (*Error)(nil)
			if !errors.As(err, &e) {
				t.Errorf("Parse(%q) error %v is not an *Error", s, err)
			}
			if e != nil && e.Syntax {
				// Its words parse, or fail on a field's value only.
				if _, err := testParser.Words(s); errors.As(err, &e) && e.Syntax {
					t.Errorf("Words(%q) has a fault of structure: %v", s, err)
				}
			}
			return
		}
		out := testParser.Format(q)
		back, err := testParser.Parse(out)
		if err != nil {
			t.Fatalf("Parse(%q) = %s, printed %q, which does not parse: %v", s, q, out, err)
		}
		if diff := cmp.Diff(q, back); diff != "" {
			t.Fatalf("Parse(%q) = %s, printed %q, parses to %s (-first +second):\n%s", s, q, out, back, diff)
		}
		if again := testParser.Format(back); again != out {
			t.Errorf("Parse(%q) printed %q, then %q", s, out, again)
		}
	})
}
