package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDocMatchesText checks the legacy .doc reader against the text the
// council published for the same meeting.
func TestDocMatchesText(t *testing.T) {
	tests := []struct{ doc, txt []string }{
		{[]string{"real", "tw-taipei-council-doc", "tpecc-doc-0002.doc"}, []string{"real", "tw-taipei-council", "tpecc-0002.txt"}},
		{[]string{"real", "tw-taipei-council-doc", "tpecc-doc-0003.doc"}, []string{"real", "tw-taipei-council", "tpecc-0003.txt"}},
		{[]string{"real", "tw-kaohsiung-council-orig", "khcc-orig-0005.doc"}, []string{"real", "tw-kaohsiung-council", "khcc-0007.txt"}},
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, tt := range tests {
		name := tt.doc[len(tt.doc)-1]
		got, err := Decode(name, readCorpus(t, tt.doc...), DecodeOptions{})
		if err != nil {
			t.Errorf("Decode(%s): %v", name, err)
			continue
		}
		if got.Format != FormatDoc {
			t.Errorf("Decode(%s).Format = %q", name, got.Format)
		}
		want := string(readCorpus(t, tt.txt...))
		if diff := cmp.Diff(squash(got.Text), squash(want)); diff != "" {
			t.Errorf("Decode(%s) text differs from %s (-got +want):\n%s", name, tt.txt[len(tt.txt)-1], diff)
		}
	}
}

func TestDocTitle(t *testing.T) {
	got, err := Decode("tpecc-doc-0001.doc", readCorpus(t, "real", "tw-taipei-council-doc", "tpecc-doc-0001.doc"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "臺北市議會第11屆第1次定期大會第3次會議紀錄" {
		t.Errorf("title = %q", got.Title)
	}
}

func TestDocControls(t *testing.T) {
	in := "第一段\r\x13 PAGE \x14" + "3\x15頁\x0b換行\r甲\x07乙\x07\x07丙\x07丁\x07\x07\x01尾\x1e"
	if diff := cmp.Diff(wordControls(in), "第一段\n3頁\n換行\n甲\t乙\n丙\t丁\n尾-"); diff != "" {
		t.Errorf("wordControls (-got +want):\n%s", diff)
	}
}

func TestDocUnsupported(t *testing.T) {
	data := readCorpus(t, "real", "tw-taipei-council-doc", "tpecc-doc-0001.doc")
	bad := append([]byte{}, data...)
	// Break the FIB magic of the WordDocument stream: find it by its
	// signature 0xA5EC near a sector boundary.
	for i := 512; i+1 < len(bad); i += 512 {
		if bad[i] == 0xEC && bad[i+1] == 0xA5 {
			bad[i] = 0
			break
		}
	}
	_, err := Decode("bad.doc", bad, DecodeOptions{})
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "unsupported format .doc; convert to .docx") {
		t.Errorf("Decode(broken .doc) error = %v, want the unsupported .doc error", err)
	}
}
