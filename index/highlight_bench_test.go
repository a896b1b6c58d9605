package index

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkHighlight draws the snippet of a search for 工信局 from a text
// of n lines that each hold it, as a meeting hit's snippet is drawn from
// its record's text: n matches, all in one text (31 bytes a line), of
// which those in the highlighter's window are read (window-bytes).
func BenchmarkHighlight(b *testing.B) {
	q, _, err := Parse("工信局")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10_000, 20_000, 40_000, 80_000, 160_000} {
		text := strings.Repeat("由市工信局牵头落实。\n", n)
		b.Run(fmt.Sprintf("matches=%d", n), func(b *testing.B) {
			for b.Loop() {
				if s := newHighlighter(q, ModeExact).snippet(text, snippetRunes); !strings.Contains(s, "<mark>工信局</mark>") {
					b.Fatalf("snippet %q marks nothing", s)
				}
			}
			b.ReportMetric(float64(n), "matches")
			b.ReportMetric(float64(len(window(text))), "window-bytes")
		})
	}
}
