package ingest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/internal/hostile"
)

// buildPDF writes a one-page PDF showing content with font F1, a Type 0
// font whose ToUnicode CMap is toUnicode (none when empty).
func buildPDF(content, toUnicode string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content),
	}
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /DFKaiShu-SB-Estd-BF /Encoding /Identity-H /DescendantFonts [7 0 R]"
	if toUnicode != "" {
		font += " /ToUnicode 6 0 R"
	}
	objs = append(objs, font+" >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(toUnicode)+1, toUnicode),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DFKaiShu-SB-Estd-BF /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
	return hostile.PDF(objs, "")
}

const testCMap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Test def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <6703>
<0002> <8B70>
endbfchar
1 beginbfrange
<0003> <0005> <7D00>
endbfrange
1 beginbfrange
<0010> <0011> [<7D00> <9304>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

func TestPDFSynthetic(t *testing.T) {
	tests := []struct {
		name      string
		content   string
		toUnicode string
		want      string
		wantErr   error
	}{
		{"tounicode", "BT /F1 12 Tf 72 700 Td <00010002> Tj 0 -20 Td [<0010> -100 <0011>] TJ ET", testCMap, "會議\n紀錄", nil},
		{"bfrange", "BT /F1 12 Tf 1 0 0 1 72 700 Tm <000300040005> Tj ET", testCMap, "紀紁紂", nil},
		{"overprint", "BT /F1 12 Tf 72 700 Td <00010002> Tj 0.3 0 Td <00010002> Tj ET", testCMap, "會議", nil},
		{"no tounicode", "BT /F1 12 Tf 72 700 Td <00010002> Tj ET", "", "", ErrNoTextLayer},
		{"no text", "0 0 m 100 100 l S", testCMap, "", ErrNoTextLayer},
	}
	for _, tt := range tests {
		got, err := Decode(tt.name+".pdf", buildPDF(tt.content, tt.toUnicode), DecodeOptions{})
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Decode(%s) error = %v, want %v", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Decode(%s): %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(got.Text, tt.want); diff != "" {
			t.Errorf("Decode(%s) text (-got +want):\n%s", tt.name, diff)
		}
	}
}

func TestPDFNoTextLayerMessage(t *testing.T) {
	_, err := Decode("tccc-0001.pdf", readCorpus(t, "real", "tw-taichung-council-pdf", "tccc-0001.pdf"), DecodeOptions{})
	if !errors.Is(err, ErrNoTextLayer) {
		t.Fatalf("Decode(tccc-0001.pdf) error = %v, want ErrNoTextLayer", err)
	}
	if !strings.Contains(err.Error(), "no usable text layer (scanned or unmapped fonts); OCR is not supported") {
		t.Errorf("error message %q lacks the OCR explanation", err)
	}
}

func TestPDFRealCorpus(t *testing.T) {
	tests := []struct {
		path  []string
		title string
		lines []string // lines the text must contain
	}{
		{
			[]string{"real", "tw-kaohsiung-council-orig", "khcc-orig-0001.pdf"},
			// The PDF's ToUnicode maps 錄 to the compatibility ideograph
			// U+F93F; normalisation is not the decoder's job.
			"高雄市議會第1屆第 6次定期大會第9次會議紀\uF93F",
			[]string{"地  點：本會議事廳", "請  假：議員韓賜村"},
		},
		{
			[]string{"real", "tw-yunlin-council-pdf", "ylcc-0001.pdf"},
			"雲林縣議會第17屆第21次臨時會議案一覽表",
			[]string{"第一審查會（民政類）", "實設廠承諾，為敦親睦鄰照顧"},
		},
	}
	for _, tt := range tests {
		name := tt.path[len(tt.path)-1]
		doc, err := Decode(name, readCorpus(t, tt.path...), DecodeOptions{})
		if err != nil {
			t.Errorf("Decode(%s): %v", name, err)
			continue
		}
		if doc.Title != tt.title || doc.Format != FormatPDF {
			t.Errorf("Decode(%s): title %q format %q, want %q pdf", name, doc.Title, doc.Format, tt.title)
		}
		for _, l := range tt.lines {
			if !strings.Contains(doc.Text, l) {
				t.Errorf("Decode(%s): text lacks %q", name, l)
			}
		}
		if strings.ContainsRune(doc.Text, '\uFFFD') {
			t.Errorf("Decode(%s): replacement characters in text", name)
		}
	}
}

func TestPDFMalformed(t *testing.T) {
	good := buildPDF("BT /F1 12 Tf 72 700 Td <00010002> Tj ET", testCMap)
	for _, in := range [][]byte{
		[]byte("%PDF-1.7\n"),
		[]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
		good[:len(good)/2],
		append(append([]byte{}, good[:200]...), good[300:]...),
	} {
		if _, err := Decode("bad.pdf", in, DecodeOptions{}); err == nil {
			t.Errorf("Decode(%.60q) succeeded", in)
		}
	}
}
