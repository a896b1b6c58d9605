package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// oleMagic starts an OLE2 compound file: legacy Word .doc, .xls, .ppt.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// errDocUnsupported is the answer for a .doc this reader cannot read
// reliably.
var errDocUnsupported = fmt.Errorf("unsupported format .doc; convert to .docx: %w", ErrUnsupported)

// decodeWordDoc reads the main text of a Word 97-2003 document ([MS-DOC]):
// the File Information Block of the WordDocument stream points to the
// piece table (Clx) in the 0Table or 1Table stream, whose pieces are runs of
// UTF-16LE or of 8-bit Windows-1252 text. Encrypted documents, Word 6/95
// files and anything malformed give the unsupported-format error.
func decodeWordDoc(data []byte) (d *Document, err error) {
	defer func() {
		if e := recover(); e != nil {
			d, err = nil, fmt.Errorf("malformed .doc (%v): %w", e, errDocUnsupported)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read OLE file: %v: %w", err, errDocUnsupported)
	}
	streams := make(map[string][]byte)
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		if len(f.Path) != 0 {
			continue
		}
		switch f.Name {
		case "WordDocument", "0Table", "1Table":
			if f.Size > maxOLEStream {
				return nil, fmt.Errorf("%s stream of %d bytes: %w", f.Name, f.Size, errDocUnsupported)
			}
			b, err := io.ReadAll(io.LimitReader(f, maxOLEStream))
			if err != nil {
				return nil, fmt.Errorf("read %s stream: %v: %w", f.Name, err, errDocUnsupported)
			}
			streams[f.Name] = b
		}
	}
	wd := streams["WordDocument"]
	if wd == nil {
		return nil, fmt.Errorf("OLE file without a WordDocument stream (not a Word document): %w", ErrUnsupported)
	}
	text, err := wordText(wd, streams)
	if err != nil {
		return nil, fmt.Errorf("%v: %w", err, errDocUnsupported)
	}
	return &Document{Format: FormatDoc, Text: text, Title: firstLine(text)}, nil
}

// wordText extracts the main document text through the piece table.
func wordText(wd []byte, streams map[string][]byte) (string, error) {
	le := binary.LittleEndian
	if len(wd) < 0x22 || le.Uint16(wd) != 0xA5EC {
		return "", errors.New("no Word 97+ File Information Block")
	}
	flags := le.Uint16(wd[0x0A:])
	if flags&0x0100 != 0 {
		return "", errors.New("encrypted document")
	}
	table := streams["0Table"]
	if flags&0x0200 != 0 {
		table = streams["1Table"]
	}
	// FibBase (32 bytes), csw and FibRgW, cslw and FibRgLw, cbRgFcLcb and
	// FibRgFcLcb.
	off := 32
	csw := int(le.Uint16(wd[off:]))
	off += 2 + 2*csw
	if off+2 > len(wd) {
		return "", errors.New("truncated File Information Block")
	}
	cslw := int(le.Uint16(wd[off:]))
	lw := off + 2
	off = lw + 4*cslw
	if cslw < 4 || off+2 > len(wd) {
		return "", errors.New("truncated File Information Block")
	}
	ccpText := int(int32(le.Uint32(wd[lw+3*4:])))
	cb := int(le.Uint16(wd[off:]))
	fcLcb := off + 2
	if cb < 34 || fcLcb+34*8 > len(wd) {
		return "", errors.New("File Information Block without a piece table")
	}
	fcClx := int(le.Uint32(wd[fcLcb+33*8:]))
	lcbClx := int(le.Uint32(wd[fcLcb+33*8+4:]))
	if table == nil || lcbClx <= 0 || fcClx < 0 || fcClx+lcbClx > len(table) || fcClx+lcbClx < fcClx {
		return "", errors.New("piece table out of range")
	}
	clx := table[fcClx : fcClx+lcbClx]
	// Skip Prc entries (property modifiers) to the Pcdt.
	for len(clx) > 0 && clx[0] == 0x01 {
		if len(clx) < 3 {
			return "", errors.New("truncated piece table")
		}
		n := int(int16(le.Uint16(clx[1:])))
		if n < 0 || 3+n > len(clx) {
			return "", errors.New("bad property modifier in piece table")
		}
		clx = clx[3+n:]
	}
	if len(clx) < 5 || clx[0] != 0x02 {
		return "", errors.New("no piece descriptor table")
	}
	lcb := int(le.Uint32(clx[1:]))
	plc := clx[5:]
	if lcb > len(plc) || (lcb-4)%12 != 0 || lcb < 16 {
		return "", errors.New("bad piece descriptor table")
	}
	n := (lcb - 4) / 12
	cps := plc[:4*(n+1)]
	pcds := plc[4*(n+1) : lcb]
	var u []uint16
	for i := 0; i < n; i++ {
		cpStart, cpEnd := int(le.Uint32(cps[4*i:])), int(le.Uint32(cps[4*i+4:]))
		if cpStart >= ccpText && ccpText > 0 {
			break
		}
		if ccpText > 0 && cpEnd > ccpText {
			cpEnd = ccpText
		}
		count := cpEnd - cpStart
		if count < 0 || count > maxOLEStream {
			return "", errors.New("bad piece bounds")
		}
		fc := le.Uint32(pcds[8*i+2:])
		if fc&0x40000000 != 0 {
			start := int(fc&0x3FFFFFFF) / 2
			if start+count > len(wd) {
				return "", errors.New("piece out of range")
			}
			for _, b := range wd[start : start+count] {
				u = append(u, cp1252(b))
			}
			continue
		}
		start := int(fc)
		if start < 0 || start+2*count > len(wd) {
			return "", errors.New("piece out of range")
		}
		for k := 0; k < count; k++ {
			u = append(u, le.Uint16(wd[start+2*k:]))
		}
	}
	return wordControls(string(utf16.Decode(u))), nil
}

// cp1252 maps a byte of a compressed piece to UTF-16.
func cp1252(b byte) uint16 {
	if b < 0x80 {
		return uint16(b)
	}
	r := charmap.Windows1252.DecodeByte(b)
	return uint16(r)
}

// wordControls turns Word's control characters into text: paragraph marks,
// line and page breaks into newlines, cell marks into tabs (a cell mark
// followed by the row mark ends a line), field codes dropped with their
// results kept, and object anchors removed.
func wordControls(s string) string {
	var b strings.Builder
	rs := []rune(s)
	fieldDepth := 0 // inside field codes (between 0x13 and 0x14)
	var codeStack []bool
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case 0x13:
			codeStack = append(codeStack, true)
			fieldDepth++
			continue
		case 0x14:
			if n := len(codeStack); n > 0 && codeStack[n-1] {
				codeStack[n-1] = false
				fieldDepth--
			}
			continue
		case 0x15:
			if n := len(codeStack); n > 0 {
				if codeStack[n-1] {
					fieldDepth--
				}
				codeStack = codeStack[:n-1]
			}
			continue
		}
		if fieldDepth > 0 {
			continue
		}
		switch r {
		case '\r', 0x0B, 0x0C, 0x0E:
			b.WriteByte('\n')
		case 0x07:
			if i+1 < len(rs) && rs[i+1] == 0x07 {
				b.WriteByte('\n')
				i++
			} else {
				b.WriteByte('\t')
			}
		case 0x1E:
			b.WriteByte('-')
		case 0xA0:
			b.WriteByte(' ')
		case 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x1F:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
