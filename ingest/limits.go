package ingest

import "slices"

// Bounds on the work one input may cause. A hostile or broken file that
// reaches one is refused with an error that is ErrLimit (and so also
// ErrUnsupported), instead of costing unbounded time or memory.
const (
	// MaxInputSize is the largest input Decode accepts, in bytes.
	MaxInputSize = 64 << 20

	// maxPDFObjects bounds the object numbers a PDF's cross-reference
	// sections may declare, so the table the reader allocates stays small.
	maxPDFObjects = 1 << 20
	// maxPDFXrefSections bounds the chain of cross-reference sections
	// (the /Prev links of incremental updates).
	maxPDFXrefSections = 256
	// maxPDFPages bounds the pages of one PDF.
	maxPDFPages = 3000
	// maxPDFTreeNodes bounds the page-tree nodes visited, pages included.
	maxPDFTreeNodes = 4 * maxPDFPages
	// maxPDFTreeDepth bounds the nesting of the page tree.
	maxPDFTreeDepth = 64
	// maxPDFStreamBytes bounds the decompressed bytes of all content
	// streams, form XObjects and CMaps read from one PDF.
	maxPDFStreamBytes = 64 << 20
	// maxPDFReadFactor and maxPDFReadBase bound the bytes the PDF
	// library reads from the file: it reads each object again whenever
	// it is looked up. See maxPDFReads.
	maxPDFReadFactor = 64
	maxPDFReadBase   = 4 << 20
	// maxPDFExtends bounds a chain of object streams that extend each
	// other, which the library walks on every lookup of an object in
	// them.
	maxPDFExtends = 16
	// maxPDFObjStms bounds the object streams of one PDF.
	maxPDFObjStms = 1 << 16
	// maxPDFExtenders bounds the object streams that extend another.
	maxPDFExtenders = 4096
	// maxPDFText bounds the bytes of extracted text.
	maxPDFText = 32 << 20
	// maxPDFOps bounds the content-stream operators interpreted (the
	// PDFs of the corpus have under 1000 a page).
	maxPDFOps = 5_000_000
	// maxPDFFormDepth bounds the nesting of form XObjects.
	maxPDFFormDepth = 4
	// maxPDFDraws bounds the XObjects drawn (Do operators), each of which
	// is looked up again and, for a form, interpreted again.
	maxPDFDraws = 10_000
	// maxCMapRange bounds the codes of one bfrange of a ToUnicode CMap.
	maxCMapRange = 1 << 16
	// maxCMapBytes bounds the bytes of one ToUnicode CMap.
	maxCMapBytes = 4 << 20

	// maxDOCXInflated bounds the bytes inflated from all parts read from
	// one DOCX (word/document.xml and docProps/core.xml), so a zip bomb
	// cannot exhaust memory or time.
	maxDOCXInflated = 64 << 20
	// maxDOCXMembers bounds the members of a DOCX zip archive, whose
	// directory the zip reader holds in memory (a DOCX has tens).
	maxDOCXMembers = 10_000

	// maxOLEStream bounds the size of one stream read from an OLE file.
	maxOLEStream = 64 << 20

	// maxHTMLDepth bounds the walk of an HTML element tree. The HTML
	// parser itself refuses nesting deeper than 512 elements.
	maxHTMLDepth = 512
	// maxHTMLTokens bounds the tags, text runs and comments of one HTML
	// page or fragment, as the parsed tree takes some 100 bytes a node
	// (the pages of the corpus have under 5000).
	maxHTMLTokens = 250_000

	// maxJSONDepth bounds JSON nesting, so hostile input cannot exhaust
	// the stack.
	maxJSONDepth = 500
	// maxJSONRecords bounds the records of one JSON array or JSON Lines
	// file.
	maxJSONRecords = 10_000

	// maxTextLines bounds the lines of text of one document (of each
	// record of a feed), counted as Decode produces the text, before
	// extraction reads it: a text of a million short lines (28 MB, inside
	// the upload limit) took 7.2 s and 645 MB to extract. The longest
	// text of the shared corpus and the dev sets has 4,857 lines (a
	// Legislative Yuan gazette, ly-4004.json; the longest LegCo hansard
	// has 1,123); the bound is over four times that.
	maxTextLines = 20_000
)

// maxPDFReads is the bound on the bytes the PDF library reads from a file
// of size bytes.
func maxPDFReads(size int64) int64 { return maxPDFReadFactor*size + maxPDFReadBase }

// A record's lists are bounded: every item and decision becomes a document
// of the index and every name a value of its facets, so a hostile text of
// 30,000 numbered lines (2 MB) would cost 60,000 documents. The largest
// real records (the shared corpus and the dev sets, 186 records) have 85
// items (a Legislative Yuan gazette), 24 decisions and 113 attendees (a
// Taipei council's minutes) and 14 departments; the bounds are far above.
const (
	maxRecordItems       = 1000
	maxRecordDecisions   = 2000
	maxRecordAttendees   = 2000
	maxRecordDepartments = 500
)

// boundRecord cuts m's lists to their bounds and says which it cut.
func boundRecord(m *Minutes) {
	if len(m.Items) > maxRecordItems {
		m.Items = m.Items[:maxRecordItems]
		m.Truncated = append(m.Truncated, "items")
	}
	n := 0
	for i := range m.Items {
		it := &m.Items[i]
		if n+len(it.Decisions) > maxRecordDecisions {
			it.Decisions = it.Decisions[:maxRecordDecisions-n]
			if !slices.Contains(m.Truncated, "decisions") {
				m.Truncated = append(m.Truncated, "decisions")
			}
		}
		n += len(it.Decisions)
	}
	if len(m.Attendees) > maxRecordAttendees {
		m.Attendees = m.Attendees[:maxRecordAttendees]
		m.Truncated = append(m.Truncated, "attendees")
	}
	if len(m.Speakers) > maxRecordAttendees {
		m.Speakers = m.Speakers[:maxRecordAttendees]
		m.Truncated = append(m.Truncated, "speakers")
	}
	if len(m.Departments) > maxRecordDepartments {
		m.Departments = m.Departments[:maxRecordDepartments]
		m.Truncated = append(m.Truncated, "departments")
	}
}
