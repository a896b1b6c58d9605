package ingest

import "fmt"

// oleMagic starts an OLE2 compound file: legacy Word .doc, .xls, .ppt.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// decodeWordDoc reads a legacy Word 97-2003 document.
func decodeWordDoc(data []byte) (*Document, error) {
	return nil, fmt.Errorf("unsupported format .doc; convert to .docx: %w", ErrUnsupported)
}
