package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDOCXPart bounds the uncompressed size of one part read from a DOCX, so
// a zip bomb cannot exhaust memory.
const maxDOCXPart = 128 << 20

// decodeDOCX reads a Word 2007+ document: the paragraphs and tables of
// word/document.xml in reading order (table cells separated by tabs, rows
// by line breaks) and the title from docProps/core.xml.
func decodeDOCX(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read zip archive: %v: %w", err, ErrUnsupported)
	}
	var body, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			body = f
		case "docProps/core.xml":
			core = f
		}
	}
	if body == nil {
		return nil, fmt.Errorf("zip archive without word/document.xml is not a DOCX: %w", ErrUnsupported)
	}
	xmlData, err := readZipPart(body)
	if err != nil {
		return nil, err
	}
	text, err := docxText(xmlData)
	if err != nil {
		return nil, fmt.Errorf("parse word/document.xml: %w", err)
	}
	d := &Document{Format: FormatDOCX, Text: text}
	if core != nil {
		if c, err := readZipPart(core); err == nil {
			d.Title = docxTitle(c)
		}
	}
	if d.Title == "" {
		d.Title = firstLine(text)
	}
	return d, nil
}

func readZipPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %v: %w", f.Name, err, ErrUnsupported)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxDOCXPart+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %v: %w", f.Name, err, ErrUnsupported)
	}
	if len(b) > maxDOCXPart {
		return nil, fmt.Errorf("%s is over %d bytes uncompressed: %w", f.Name, maxDOCXPart, ErrUnsupported)
	}
	return b, nil
}

// WordprocessingML namespace.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxText walks document.xml. Text runs (w:t) are joined within a
// paragraph; w:tab is a tab, w:br and w:cr a line break; deleted text,
// field codes and content of w:instrText are left out. In a table, the
// paragraphs of a cell are joined by a space, cells by tabs, rows end a
// line.
func docxText(data []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	var para strings.Builder
	inText := false
	cellDepth := 0          // nesting of w:tc
	cellStarted := []bool{} // per open table row: a cell was written
	cellHasPara := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%v: %w", err, ErrUnsupported)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "noBreakHyphen":
				para.WriteByte('-')
			case "tr":
				cellStarted = append(cellStarted, false)
			case "tc":
				cellDepth++
				if n := len(cellStarted); n > 0 {
					if cellStarted[n-1] {
						b.WriteByte('\t')
					}
					cellStarted[n-1] = true
				}
				cellHasPara = false
			case "p":
				para.Reset()
			}
		case xml.EndElement:
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				p := strings.TrimRight(para.String(), " ")
				para.Reset()
				if cellDepth > 0 {
					p = strings.ReplaceAll(p, "\n", " ")
					if p != "" {
						if cellHasPara {
							b.WriteByte(' ')
						}
						b.WriteString(p)
						cellHasPara = true
					}
					continue
				}
				b.WriteString(p)
				b.WriteByte('\n')
			case "tc":
				cellDepth--
			case "tr":
				if n := len(cellStarted); n > 0 {
					cellStarted = cellStarted[:n-1]
				}
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return b.String(), nil
}

// docxTitle returns dc:title from docProps/core.xml.
func docxTitle(data []byte) string {
	var core struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if err := xml.Unmarshal(data, &core); err != nil {
		return ""
	}
	return strings.TrimSpace(core.Title)
}
