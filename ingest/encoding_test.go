package ingest

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// corpusLines returns up to n non-empty lines of a corpus file that enc can
// encode (all of them when enc is nil).
func corpusLines(t *testing.T, enc encoding.Encoding, n int, path ...string) []string {
	t.Helper()
	var out []string
	for l := range strings.SplitSeq(normalizeNewlines(string(readCorpus(t, path...))), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if enc != nil {
			if _, err := enc.NewEncoder().String(l); err != nil {
				continue
			}
		}
		out = append(out, l)
		if len(out) == n {
			break
		}
	}
	if len(out) == 0 {
		t.Fatalf("no usable lines in %v", path)
	}
	return out
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	u := utf16.Encode([]rune(s))
	if bom {
		u = append([]uint16{0xFEFF}, u...)
	}
	b := make([]byte, 0, 2*len(u))
	for _, x := range u {
		if bigEndian {
			b = append(b, byte(x>>8), byte(x))
		} else {
			b = append(b, byte(x), byte(x>>8))
		}
	}
	return b
}

func TestEncodingDetection(t *testing.T) {
	simplified := strings.Join(corpusLines(t, simplifiedchinese.GB18030, 20, "seed", "suzhou-2020-36.txt"), "\n")
	traditional := strings.Join(corpusLines(t, traditionalchinese.Big5, 20, "real", "tw-taipei-council", "tpecc-0002.txt"), "\n")
	mustEncode := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	ascii := "Minutes of the 36th executive meeting, 2020-05-28: 会议纪要"
	tests := []struct {
		name     string
		in       []byte
		wantText string
		wantEnc  string
	}{
		{"utf-8", []byte(simplified), simplified, encUTF8},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, traditional...), traditional, encUTF8},
		{"gbk simplified", mustEncode(simplifiedchinese.GBK, simplified), simplified, encGB18030},
		{"gb18030 simplified", mustEncode(simplifiedchinese.GB18030, simplified), simplified, encGB18030},
		{"big5 traditional", mustEncode(traditionalchinese.Big5, traditional), traditional, encBig5},
		{"utf-16le BOM", utf16Bytes(simplified, false, true), simplified, encUTF16LE},
		{"utf-16be BOM", utf16Bytes(traditional, true, true), traditional, encUTF16BE},
		{"utf-16le no BOM", utf16Bytes(ascii, false, false), ascii, encUTF16LE},
		{"utf-16be no BOM", utf16Bytes(ascii, true, false), ascii, encUTF16BE},
		{"short gbk", mustEncode(simplifiedchinese.GBK, "会议纪要"), "会议纪要", encGB18030},
		{"short big5", mustEncode(traditionalchinese.Big5, "會議紀錄"), "會議紀錄", encBig5},
		{"short big5 line", mustEncode(traditionalchinese.Big5, "臺北市議會第11屆第2次定期大會"), "臺北市議會第11屆第2次定期大會", encBig5},
		{"short gbk line", mustEncode(simplifiedchinese.GBK, "市政府第36次常务会议"), "市政府第36次常务会议", encGB18030},
	}
	for _, tt := range tests {
		text, enc, err := decodeText(tt.in)
		if err != nil {
			t.Errorf("decodeText(%s): %v", tt.name, err)
			continue
		}
		if enc != tt.wantEnc {
			t.Errorf("decodeText(%s) encoding = %q, want %q", tt.name, enc, tt.wantEnc)
		}
		if diff := cmp.Diff(text, tt.wantText); diff != "" {
			t.Errorf("decodeText(%s) text (-got +want):\n%s", tt.name, diff)
		}
	}
}

func TestEncodingDecodeReportsEncoding(t *testing.T) {
	in, err := traditionalchinese.Big5.NewEncoder().String("臺北市議會第11屆第2次定期大會第6次會議紀錄\r\n時間：100年10月19日")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode("a.txt", []byte(in), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Document{
		Format:   FormatText,
		Encoding: encBig5,
		Title:    "臺北市議會第11屆第2次定期大會第6次會議紀錄",
		Text:     "臺北市議會第11屆第2次定期大會第6次會議紀錄\n時間：100年10月19日",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Decode(big5 text) (-got +want):\n%s", diff)
	}
}

func TestEncodingInvalid(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string // part of the error message
	}{
		{"bad utf-8 after BOM", []byte("\xEF\xBB\xBF会议\xFF"), "invalid UTF-8 after a UTF-8 byte-order mark at offset 9"},
		{"odd utf-16", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "truncated UTF-16"},
		{"unpaired surrogate", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}, "unpaired surrogate"},
		{"no legacy encoding", []byte("\xFF\xFF\xFF\xFF会议"), "not valid UTF-8"},
		{"truncated double byte", []byte("abc\x81"), "not valid UTF-8"},
	}
	for _, tt := range tests {
		_, _, err := decodeText(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decodeText(%s) error = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
