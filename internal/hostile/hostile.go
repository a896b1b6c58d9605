package hostile

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// File is one hostile input: a file name whose extension says the format,
// and the function that makes its content (some are large, so they are
// made only when wanted).
type File struct {
	Name string
	Make func() []byte
}

// Files returns the hostile corpus. The DOCX bomb inflates to 127 MB; the
// flat HTML page is 52 MB, the JSON feed 48 MB and the text of a million
// lines 28 MB.
func Files() []File {
	return []File{
		{"pdf-kids-cycle.pdf", PDFKidsCycle},
		{"pdf-parent-loop.pdf", PDFParentLoop},
		{"pdf-xref-cycle.pdf", PDFXrefCycle},
		{"pdf-objstm-cycle.pdf", PDFObjStmCycle},
		{"pdf-objstm-self.pdf", PDFObjStmSelf},
		{"pdf-objstm-ref.pdf", PDFObjStmRef},
		{"pdf-form-fanout.pdf", PDFFormFanout},
		{"pdf-stream-bomb.pdf", func() []byte { return PDFStreamBomb(256 << 20) }},
		{"pdf-op-flood.pdf", func() []byte { return PDFOpFlood(60 << 20) }},
		{"docx-bomb.docx", func() []byte { return DOCXBomb(127_000_000) }},
		{"docx-members.docx", func() []byte { return DOCXMembers(640_000) }},
		{"html-nested.html", func() []byte { return NestedHTML(100_000) }},
		{"html-flat.html", func() []byte { return FlatHTML(4_000_000) }},
		{"json-feed.json", func() []byte { return JSONFeed(1_000_000) }},
		{"text-lines.txt", func() []byte { return TextLines(1_000_000) }},
	}
}

// PDFKidsCycle is a PDF whose page tree node 2 has the node 3 as its kid,
// and 3 has 2: the Kids array of 3 holds its own parent. A reader that
// looks pages up by walking Kids with the Count entries loops forever.
func PDFKidsCycle() []byte {
	return PDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
	}, "")
}

// PDFParentLoop is a PDF whose one page has no Resources and a Parent
// chain that loops (node 4 is its own parent): a reader that looks for
// inherited resources up the Parent chain loops forever.
func PDFParentLoop() []byte {
	return PDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 4 0 R /Contents 5 0 R >>",
		"<< /Type /Pages /Parent 4 0 R /Kids [] /Count 0 >>",
		stream("", "BT ET"),
	}, "")
}

// PDFXrefCycle is a PDF whose cross-reference table names itself as the
// previous one (/Prev): a reader that follows the chain of incremental
// updates without a visited set loops forever.
func PDFXrefCycle() []byte {
	return PDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
	}, "/Prev %[1]d")
}

// PDFObjStmCycle is a PDF whose page tree root (object 2) is said by the
// cross-reference stream to be in object stream 4, which does not hold it
// and extends itself: a reader that follows /Extends to look for the
// object, without a visited set, loops forever.
func PDFObjStmCycle() []byte {
	return pdfObjStm("extends")
}

// PDFObjStmSelf is a PDF whose page tree root (object 2) is said by the
// cross-reference stream to be in object stream 4, and object stream 4 to
// be in itself: a reader that looks up the stream of an object the same
// way as the object recurses without end.
func PDFObjStmSelf() []byte {
	return pdfObjStm("self")
}

// PDFObjStmRef is a PDF whose page tree root (object 2) is said by the
// cross-reference stream to be in object stream 4, whose /N is a
// reference to object 3, which is in object stream 4: a reader that looks
// up the entries of an object stream's dictionary as any other object
// recurses without end.
func PDFObjStmRef() []byte {
	return pdfObjStm("ref")
}

// pdfObjStm writes the PDFs of PDFObjStmCycle ("extends"), PDFObjStmSelf
// ("self") and PDFObjStmRef ("ref").
func pdfObjStm(kind string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	cat := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	objstm := b.Len()
	dict := map[string]string{
		"extends": "/Type /ObjStm /N 0 /First 1 /Extends 4 0 R",
		"self":    "/Type /ObjStm /N 0 /First 1",
		"ref":     "/Type /ObjStm /N 3 0 R /First 1",
	}[kind]
	fmt.Fprintf(&b, "4 0 obj\n%s\nendobj\n", stream(dict, " "))
	xref := b.Len()
	// Entries of W [1 2 1]: type, offset or stream number, generation or
	// index.
	entries := [][4]byte{
		{0, 0, 0, 255},
		{1, byte(cat >> 8), byte(cat), 0},
		{2, 0, 4, 0},
		{0, 0, 0, 0},
		{1, byte(objstm >> 8), byte(objstm), 0},
		{1, byte(xref >> 8), byte(xref), 0},
	}
	switch kind {
	case "self":
		entries[4] = [4]byte{2, 0, 4, 0}
	case "ref":
		entries[3] = [4]byte{2, 0, 4, 1}
	}
	var data []byte
	for _, e := range entries {
		data = append(data, e[:]...)
	}
	fmt.Fprintf(&b, "5 0 obj\n%s\nendobj\n", stream("/Type /XRef /Size 6 /W [1 2 1] /Root 1 0 R", string(data)))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// PDFFormFanout is a one-page PDF whose content draws form X1 a thousand
// times, X1 draws X2 a thousand times, and so on to X4: 10¹² form
// invocations, each of which a naive reader decompresses again.
func PDFFormFanout() []byte {
	const depth, fan = 4, 1000
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources 4 0 R /Contents 5 0 R >>",
		"<< /XObject << /X1 6 0 R /X2 7 0 R /X3 8 0 R /X4 9 0 R >> >>",
		stream("", strings.Repeat("/X1 Do\n", fan)),
	}
	for i := 1; i <= depth; i++ {
		body := "BT ET"
		if i < depth {
			body = strings.Repeat(fmt.Sprintf("/X%d Do\n", i+1), fan)
		}
		objs = append(objs, stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources 4 0 R", body))
	}
	return PDF(objs, "")
}

// PDFStreamBomb is a one-page PDF whose content stream is n bytes of
// spaces compressed with FlateDecode (about n/1000 bytes in the file).
func PDFStreamBomb(n int) []byte {
	return pdfFlatePage(" ", n)
}

// PDFOpFlood is a one-page PDF whose content stream is n bytes of text
// positioning operators (7 bytes each) compressed with FlateDecode.
func PDFOpFlood(n int) []byte {
	return pdfFlatePage("0 0 Td\n", n)
}

// pdfFlatePage is a one-page PDF whose content stream is unit repeated to
// n bytes and compressed with FlateDecode.
func pdfFlatePage(unit string, n int) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := []byte(strings.Repeat(unit, (1<<20)/len(unit)))
	for left := n; left > 0; left -= len(chunk) {
		w.Write(chunk[:min(left, len(chunk))])
	}
	w.Close()
	return PDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << >> /Contents 4 0 R >>",
		stream("/Filter /FlateDecode", z.String()),
	}, "")
}

// stream writes a stream object with the dictionary entries dict.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// PDF writes a PDF of the objects numbered from 1 with a cross-reference
// table; trailer adds entries to the trailer, with %[1]d standing for the
// table's offset. Object 1 is the root. The ingest tests build their PDFs
// with it too.
func PDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	extra := ""
	if trailer != "" {
		extra = " " + fmt.Sprintf(trailer, xref)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, xref)
	return b.Bytes()
}

// DOCXBomb is a DOCX whose word/document.xml is well-formed and inflates
// to n bytes of paragraphs of minutes text; it compresses about 300 to 1.
func DOCXBomb(n int) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	const tail = `</w:body></w:document>`
	w.Write([]byte(head))
	para := []byte(strings.Repeat("<w:p><w:r><w:t>会议研究了城市更新工作，原则同意实施方案。</w:t></w:r></w:p>", 64))
	left := n - len(head) - len(tail)
	for ; left >= len(para); left -= len(para) {
		w.Write(para)
	}
	w.Write(bytes.Repeat([]byte{' '}, max(left, 0)))
	w.Write([]byte(tail))
	zw.Close()
	return b.Bytes()
}

// DOCXMembers is a DOCX of one short paragraph and n more empty members,
// about 88 bytes each: a zip reader holds a directory entry of some 200
// bytes for each member.
func DOCXMembers(n int) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>`))
	for i := range n {
		zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Store})
	}
	zw.Close()
	return b.Bytes()
}

// NestedHTML is an HTML page of depth nested div elements around one line
// of text.
func NestedHTML(depth int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><head><title>会议纪要</title></head><body>")
	for range depth {
		b.WriteString("<div>")
	}
	b.WriteString("市政府常务会议纪要")
	for range depth {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>\n")
	return b.Bytes()
}

// FlatHTML is an HTML page of n short paragraphs, 13 bytes each: a parser
// builds a tree of 2n nodes.
func FlatHTML(n int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><head><title>会议纪要</title></head><body>")
	for range n {
		b.WriteString("<p>会议</p>")
	}
	b.WriteString("</body></html>\n")
	return b.Bytes()
}

// JSONFeed is a JSON array of n small records with a title and a text.
func JSONFeed(n int) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"title":"纪要%d","text":"会议纪要"}`, i)
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// TextLines is a plain text of n short lines, 28 bytes each, that each
// name a department (市工信局): a record of n lines, each a match of a
// search for it.
func TextLines(n int) []byte {
	return bytes.Repeat([]byte("市工信局牵头落实。\n"), n)
}
