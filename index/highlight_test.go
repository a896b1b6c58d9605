package index

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("前言部分的文字内容。", 20)
	tests := []struct {
		q, text, want string
	}{
		{"局", "<b>市财政局</b> & 税务局", "&lt;b&gt;市财政<mark>局</mark>&lt;/b&gt; &amp; 税务<mark>局</mark>"},
		{"第115次", "市政府第一百一十五次常务会议", "市政府<mark>第一百一十五次</mark>常务会议"},
		{"2020年", "２０２０年１１月", "<mark>２０２０年</mark>１１月"},
		{"市政府", "市\u200d政府\n\n第二行", "<mark>市\u200d政府</mark> 第二行"},
		{"氢能", long + "氢能产业" + long, "…" + strings.Repeat("前言部分的文字内容。", 5)[1:] + "<mark>氢能</mark>产业" + strings.Repeat("前言部分的文字内容。", 5)[:len(strings.Repeat("前言部分的文字内容。", 5))-3] + "…"},
		{"量子", "没有匹配", "没有匹配"},
	}
	for _, tt := range tests {
		q, _, err := Parse(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		got := newHighlighter(q, ModeExact).snippet(tt.text, snippetRunes)
		if tt.q == "氢能" {
			// Centred: the mark sits in the middle of about 100 characters.
			plain := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(got)
			n := len([]rune(plain))
			at := strings.Index(got, "<mark>")
			before := len([]rune(strings.TrimPrefix(got[:at], "…")))
			if n < 95 || n > 102 || before < 45 || before > 52 || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
				t.Errorf("snippet(%q) = %q (%d characters, %d before the mark); want ~100 centred", tt.q, got, n, before)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("snippet(%q, %q) = %q; want %q", tt.q, tt.text, got, tt.want)
		}
	}
}

// A meeting's page marks the query's words as they are written, in folded
// form, keeping the text's white space.
func TestMarkWords(t *testing.T) {
	for _, tc := range []struct{ q, text, want string }{
		{"氢能", "发展氢能产业", "发展<mark>氢能</mark>产业"},
		{"氢能", "發展氫能產業", "發展<mark>氫能</mark>產業"},
		{"氢能 产业", "氢能产业<b>", "<mark>氢能产业</mark>&lt;b&gt;"},
		{"-氢能 产业", "氢能产业", "氢能<mark>产业</mark>"},
		{"氢能", "氢能\n\n  氢能", "<mark>氢能</mark>\n\n  <mark>氢能</mark>"},
		{"第3次 〔2020〕36号", "第3次会议（苏府会〔2020〕36号）", "<mark>第3次</mark>会议（苏府会<mark>〔2020〕36号</mark>）"},
		{"issuer:苏州", "苏州", "苏州"},
		{`"unclosed`, "unclosed", "<mark>unclosed</mark>"}, // its words (Read)
		{"year:20 氢能", "氢能", "氢能"},                         // a field's bad value: nothing
		{"", "<script>", "&lt;script&gt;"},
	} {
		if got := MarkWords(tc.text, queryParser.MarkedWords(tc.q)); got != tc.want {
			t.Errorf("MarkWords(%q, words of %q) = %q, want %q", tc.text, tc.q, got, tc.want)
		}
	}
}
