package index

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
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

// inside counts as a scan over every span would, on merged spans.
func TestInside(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var sp []span
		at := 0
		for range rng.IntN(30) {
			at += 1 + rng.IntN(5) // merged spans neither overlap nor touch
			n := 1 + rng.IntN(6)
			sp = append(sp, span{at, at + n})
			at += n
		}
		for range 20 {
			from := rng.IntN(at + 2)
			to := from + rng.IntN(at+2)
			want := 0
			for _, x := range sp {
				if x.start >= from && x.end <= to {
					want++
				}
			}
			if got := inside(sp, from, to); got != want {
				t.Fatalf("inside(%v, %d, %d) = %d, want %d", sp, from, to, got, want)
			}
		}
	}
}

// A text longer than the highlighter's window is read as far as the
// window goes: the snippet comes from the window, a match past it is not
// looked for, and the text is said to go on.
func TestSnippetWindow(t *testing.T) {
	q, _, err := Parse("工信局")
	if err != nil {
		t.Fatal(err)
	}
	line := "会议听取了有关情况的汇报。\n"
	filler := strings.Repeat(line, highlightWindow/len(line)+1)
	for _, tc := range []struct {
		name, text string
		marked     bool
	}{
		{"match in the window", "由市工信局牵头落实。\n" + filler + "由市工信局牵头落实。\n", true},
		{"match past the window", filler + "由市工信局牵头落实。\n", false},
	} {
		hl := newHighlighter(q, ModeExact)
		got := hl.snippet(tc.text, snippetRunes)
		if strings.Contains(got, "<mark>") != tc.marked || !strings.HasSuffix(got, "…") {
			t.Errorf("%s: snippet = %q, want a mark %v and a final …", tc.name, got, tc.marked)
		}
		if w := window(tc.text); len(w) > highlightWindow || !strings.HasSuffix(w, "\n") || !strings.HasPrefix(tc.text, w) {
			t.Errorf("%s: window of %d bytes, want a prefix of at most %d ending at a line break", tc.name, len(w), highlightWindow)
		}
		if got := hl.mark(tc.text); !strings.HasSuffix(got, "…") || len(got) > 2*highlightWindow {
			t.Errorf("%s: mark gave %d bytes ending %q, want the window marked and …", tc.name, len(got), got[max(len(got)-20, 0):])
		}
	}
	// Without line breaks the window ends at a character's start.
	long := strings.Repeat("工", highlightWindow)
	if w := window(long); !utf8.ValidString(w) || len(w) > highlightWindow || len(w) < highlightWindow-3 {
		t.Errorf("window of one long line: %d bytes, valid %v", len(w), utf8.ValidString(w))
	}
}
