package index

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
)

func TestCutText(t *testing.T) {
	text := strings.Repeat("会议纪要", 10) // 120 bytes, 3 a character
	for _, tt := range []struct {
		from, max int
		want      TextWindow
		cut       bool
	}{
		{0, 200, TextWindow{0, 120, 120}, false},
		{0, 120, TextWindow{0, 120, 120}, false},
		{0, 50, TextWindow{0, 48, 120}, true},   // back to a character's start
		{50, 50, TextWindow{48, 96, 120}, true}, // from too
		{96, 50, TextWindow{96, 120, 120}, true},
		{120, 50, TextWindow{120, 120, 120}, true},
		{0, 2, TextWindow{0, 0, 120}, true},
	} {
		rec := &ingest.Minutes{Text: text, Items: []ingest.Item{{No: 1, Text: text[:12], Start: 0, End: 12}}}
		got, cut := CutText(rec, tt.from, tt.max)
		if diff := cmp.Diff(tt.want, got); diff != "" || cut != tt.cut {
			t.Errorf("CutText(from %d, max %d) cut %v (-want +got):\n%s", tt.from, tt.max, cut, diff)
		}
		if rec.Text != text[got.From:got.To] || !utf8.ValidString(rec.Text) {
			t.Errorf("CutText(from %d, max %d): text %q", tt.from, tt.max, rec.Text)
		}
		if wantItem := map[bool]string{false: text[:12], true: ""}[tt.cut]; rec.Items[0].Text != wantItem || rec.Items[0].End != 12 {
			t.Errorf("CutText(from %d, max %d): item %+v", tt.from, tt.max, rec.Items[0])
		}
	}
}
