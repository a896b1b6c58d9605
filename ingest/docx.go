package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// decodeDOCX reads a Word 2007+ document: the paragraphs and tables of
// word/document.xml in reading order (table cells separated by tabs, rows
// by line breaks) and the title from docProps/core.xml. The parts are
// parsed as they inflate, and inflating more than maxDOCXInflated bytes
// from them is ErrLimit.
func decodeDOCX(data []byte) (*Document, error) {
	if n, ok := zipMembers(data); ok && n > maxDOCXMembers {
		return nil, fmt.Errorf("zip archive of %d members is over the %d-member limit: %w", n, maxDOCXMembers, ErrLimit)
	}
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
	budget := int64(maxDOCXInflated)
	var text string
	err = readZipPart(body, &budget, func(r io.Reader) error {
		text, err = docxText(r)
		return err
	})
	if err != nil {
		return nil, err
	}
	d := &Document{Format: FormatDOCX, Text: text}
	if core != nil {
		// A title that cannot be read is left to the first line.
		_ = readZipPart(core, &budget, func(r io.Reader) error {
			d.Title = docxTitle(r)
			return nil
		})
	}
	if d.Title == "" {
		d.Title = firstLine(text)
	}
	return d, nil
}

// zipMembers returns the number of members the end of central directory
// record of a zip archive declares (its zip64 record if it has one), so the
// archive can be refused before the zip reader reads the directory; false
// when there is no such record.
func zipMembers(data []byte) (uint64, bool) {
	const eocdLen, locatorLen = 22, 20
	tail := data[max(0, len(data)-(eocdLen+0xFFFF)):]
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < eocdLen {
		return 0, false
	}
	n := uint64(binary.LittleEndian.Uint16(tail[i+10:]))
	if n != 0xFFFF {
		return n, true
	}
	// Zip64: the locator before the record gives the offset of the zip64
	// end of central directory record, which holds the count at 32.
	at := len(data) - len(tail) + i - locatorLen
	if at < 0 || !bytes.HasPrefix(data[at:], []byte("PK\x06\x07")) {
		return n, true
	}
	off := binary.LittleEndian.Uint64(data[at+8:])
	if len(data) < 56 || off > uint64(len(data)-56) || !bytes.HasPrefix(data[off:], []byte("PK\x06\x06")) {
		return n, true
	}
	return binary.LittleEndian.Uint64(data[off+32:]), true
}

// readZipPart opens the zip member f and calls parse with its content,
// which may inflate to no more than *budget bytes; it takes the bytes read
// from the budget. A member past the budget is ErrLimit.
func readZipPart(f *zip.File, budget *int64, parse func(io.Reader) error) error {
	over := fmt.Errorf("%s inflates past %d MiB: %w", f.Name, maxDOCXInflated>>20, ErrLimit)
	if f.UncompressedSize64 > uint64(*budget) {
		return over
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("open %s: %v: %w", f.Name, err, ErrUnsupported)
	}
	defer rc.Close()
	lr := &budgetReader{r: rc, n: *budget, over: over}
	err = parse(lr)
	*budget = lr.n
	switch {
	case errors.Is(err, ErrLimit):
		return over
	case err != nil:
		return fmt.Errorf("parse %s: %w", f.Name, err)
	}
	return nil
}

// budgetReader reads from r until n bytes have been read, then fails with
// over.
type budgetReader struct {
	r    io.Reader
	n    int64
	over error
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.n <= 0 {
		// One byte more tells a part of exactly the budget from a
		// larger one.
		var one [1]byte
		n, err := b.r.Read(one[:])
		if n > 0 {
			return 0, b.over
		}
		return 0, err
	}
	p = p[:min(int64(len(p)), b.n)]
	n, err := b.r.Read(p)
	b.n -= int64(n)
	return n, err
}

// WordprocessingML namespace.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxText walks document.xml. Text runs (w:t) are joined within a
// paragraph; w:tab is a tab, w:br and w:cr a line break; deleted text,
// field codes and content of w:instrText are left out. In a table, the
// paragraphs of a cell are joined by a space, cells by tabs, rows end a
// line.
func docxText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
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
		if errors.Is(err, ErrLimit) {
			return "", err
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
func docxTitle(r io.Reader) string {
	var core struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if err := xml.NewDecoder(r).Decode(&core); err != nil {
		return ""
	}
	return strings.TrimSpace(core.Title)
}
