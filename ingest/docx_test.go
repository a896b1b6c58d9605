package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// buildDOCX makes a minimal real DOCX holding body (the children of
// w:body) and, when title is not empty, docProps/core.xml.
func buildDOCX(t *testing.T, body, title string) []byte {
	t.Helper()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body + `<w:sectPr/></w:body></w:document>`},
	}
	if title != "" {
		parts = append(parts, struct{ name, body string }{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>` + title + `</dc:title><dc:creator>市政府办公室</dc:creator></cp:coreProperties>`})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDOCX(t *testing.T) {
	body := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>苏州市人民政府</w:t></w:r><w:r><w:t xml:space="preserve">常务会议纪要</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>〔2020〕36号</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>出席：</w:t></w:r><w:r><w:tab/><w:t>李亚平</w:t></w:r><w:r><w:br/><w:t>列席：市住建局</w:t></w:r></w:p>` +
		`<w:p><w:r><w:delText>删除的字</w:delText></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>一、会议听取汇报。</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>议题</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>城市更新</w:t></w:r></w:p><w:p><w:r><w:t>试点方案</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>记录：张三</w:t></w:r></w:p>`
	tests := []struct {
		name  string
		title string
		want  *Document
	}{
		{"with core title", "市政府第36次常务会议纪要", &Document{
			Format: FormatDOCX,
			Title:  "市政府第36次常务会议纪要",
			Text:   "苏州市人民政府常务会议纪要\n〔2020〕36号\n出席：\t李亚平\n列席：市住建局\n一、会议听取汇报。\n序号\t议题\n1\t城市更新 试点方案\n记录：张三",
		}},
		{"without core", "", &Document{
			Format: FormatDOCX,
			Title:  "苏州市人民政府常务会议纪要",
			Text:   "苏州市人民政府常务会议纪要\n〔2020〕36号\n出席：\t李亚平\n列席：市住建局\n一、会议听取汇报。\n序号\t议题\n1\t城市更新 试点方案\n记录：张三",
		}},
	}
	for _, tt := range tests {
		got, err := Decode("minutes.docx", buildDOCX(t, body, tt.title), DecodeOptions{})
		if err != nil {
			t.Errorf("Decode(%s): %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(got, tt.want); diff != "" {
			t.Errorf("Decode(%s) (-got +want):\n%s", tt.name, diff)
		}
	}
}

func TestDOCXErrors(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	zw.Close()
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"xlsx", buf.Bytes(), ErrUnsupported},
		{"broken xml", buildDOCX(t, `<w:p><w:r><w:t>未闭合`, ""), ErrUnsupported},
		{"no text", buildDOCX(t, `<w:p/>`, ""), ErrEmpty},
	}
	for _, tt := range tests {
		_, err := Decode("a.docx", tt.in, DecodeOptions{})
		if !errors.Is(err, tt.want) {
			t.Errorf("Decode(%s) error = %v, want %v", tt.name, err, tt.want)
		}
	}
}
