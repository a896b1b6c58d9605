package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Formats reported in Document.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatDOCX     = "docx"
	FormatPDF      = "pdf"
	FormatJSON     = "json"
	FormatDoc      = "doc"
)

// Decoding errors. Decode wraps them with the reason, so test them with
// errors.Is.
var (
	// ErrUnsupported is a format Decode does not read (or not reliably).
	ErrUnsupported = errors.New("unsupported format")
	// ErrNoTextLayer is a PDF whose text cannot be recovered without OCR.
	ErrNoTextLayer = errors.New("no usable text layer (scanned or unmapped fonts); OCR is not supported")
	// ErrEmpty is an input with no text.
	ErrEmpty = errors.New("empty document")
	// ErrLimit is an input that would cost more time or memory than the
	// bounds in limits.go allow: a zip bomb, a huge page tree, a feed of
	// too many records. It is also ErrUnsupported.
	ErrLimit error = &kindError{"over a work limit", ErrUnsupported}
	// ErrMalformed is an input whose structure cannot be walked, such as
	// a PDF page tree with a cycle. It is also ErrUnsupported.
	ErrMalformed error = &kindError{"malformed structure", ErrUnsupported}
)

// kindError is a sentinel error that is a kind of a broader one: errors.Is
// finds both.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// DecodeOptions configures Decode.
type DecodeOptions struct {
	// JSON names the fields of JSON records; the zero value means
	// DefaultJSONFields.
	JSON JSONFields
}

// Decode detects the format of one input file from its content (the
// extension of name only breaks ties, such as .md against .txt) and returns
// its text and metadata. A JSON input holding several records is an error:
// use DecodeAll.
func Decode(name string, data []byte, opts DecodeOptions) (*Document, error) {
	docs, err := DecodeAll(name, data, opts)
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("decode %s: %d JSON records in one input; use DecodeAll", name, len(docs))
	}
	return docs[0], nil
}

// DecodeAll is Decode for inputs that may hold several documents: one per
// element of a top-level JSON array or line of JSON Lines. Other formats
// give one document.
func DecodeAll(name string, data []byte, opts DecodeOptions) ([]*Document, error) {
	docs, err := decodeAll(name, data, opts)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	empty := 0
	for i, d := range docs {
		d.Text = cleanText(d.Text)
		d.Title = strings.TrimSpace(cleanText(d.Title))
		if d.Text == "" {
			empty++
		}
		if err := checkLines(d.Text, i, len(docs)); err != nil {
			return nil, fmt.Errorf("decode %s: %w", name, err)
		}
	}
	// A feed may hold a record with nothing to read, kept in its place
	// (see Document.Text); an input with nothing to read at all is empty.
	if empty == len(docs) {
		format := ""
		if len(docs) > 0 {
			format = docs[0].Format
		}
		return nil, fmt.Errorf("decode %s: no text in %s input: %w", name, format, ErrEmpty)
	}
	return docs, nil
}

// checkLines refuses a text of more than maxTextLines lines, the record
// i of n of its input.
func checkLines(text string, i, n int) error {
	if strings.Count(text, "\n") < maxTextLines {
		return nil
	}
	what := "document"
	if n > 1 {
		what = fmt.Sprintf("JSON record %d", i+1)
	}
	return fmt.Errorf("%s has more than %d lines of text; split it: %w", what, maxTextLines, ErrLimit)
}

func decodeAll(name string, data []byte, opts DecodeOptions) ([]*Document, error) {
	if len(data) > MaxInputSize {
		return nil, fmt.Errorf("input of %d bytes is over the %d-byte limit: %w", len(data), MaxInputSize, ErrUnsupported)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	ext := strings.ToLower(filepath.Ext(name))
	one := func(d *Document, err error) ([]*Document, error) {
		if err != nil {
			return nil, err
		}
		return []*Document{d}, nil
	}
	switch {
	case isPDF(data):
		return one(decodePDF(data))
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return one(decodeDOCX(data))
	case bytes.HasPrefix(data, oleMagic):
		return one(decodeWordDoc(data))
	}
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if docs, ok, err := sniffJSON(text, ext, opts.JSON); ok {
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			d.Encoding = enc
		}
		return docs, nil
	}
	var d *Document
	switch {
	case looksLikeHTML(text, ext):
		if d, err = decodeHTML(text); err != nil {
			return nil, err
		}
	case ext == ".md" || ext == ".markdown" || (ext != ".txt" && looksLikeMarkdown(text)):
		d = decodeMarkdown(text)
	default:
		d = decodePlain(text)
	}
	d.Encoding = enc
	return []*Document{d}, nil
}

// isPDF reports whether data starts (after at most 1 KiB of junk, as PDF
// readers allow) with the PDF header.
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

var (
	htmlStart = regexp.MustCompile(`(?i)^<(!doctype\s+html|html|head|body|meta|title|div|p|table|article|section|h[1-6]|span|font|center|br)[\s/>]`)
	htmlTag   = regexp.MustCompile(`(?i)<(html|body|div|p|table|br)[\s/>]`)
)

// looksLikeHTML reports whether text is an HTML page or fragment: it opens
// with markup (comments and an XML declaration allowed), or the extension
// says HTML and there are tags.
func looksLikeHTML(text, ext string) bool {
	s := strings.TrimSpace(text)
	for {
		switch {
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return false
			}
			s = strings.TrimSpace(s[i+3:])
			continue
		case strings.HasPrefix(s, "<?xml"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return false
			}
			s = strings.TrimSpace(s[i+2:])
			continue
		}
		break
	}
	if htmlStart.MatchString(s) {
		return true
	}
	return (ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".xhtml") && htmlTag.MatchString(s)
}

// decodePlain decodes plain text: line breaks normalised, the title is the
// first non-empty line.
func decodePlain(text string) *Document {
	text = normalizeNewlines(text)
	return &Document{Format: FormatText, Title: firstLine(text), Text: text}
}

func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func firstLine(s string) string {
	for line := range strings.SplitSeq(s, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// cleanText makes decoded text safe to index: valid UTF-8, \n line breaks,
// no control characters but tab and newline, no BOM or NUL, no trailing
// spaces on lines and no leading or trailing blank lines.
func cleanText(s string) string {
	if clean(s) {
		return strings.Trim(s, "\n")
	}
	return cleanSlow(s)
}

// cleanSlow is cleanText without the test for text that is clean already.
func cleanSlow(s string) string {
	s = normalizeNewlines(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\uFEFF' || r == '\u00AD' || r == '\u200B':
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// clean reports whether cleanText has nothing to do to s but trim blank
// lines at its ends: it is valid UTF-8 without \r, control characters (C0
// but tab and newline, DEL, C1), BOM, soft hyphen or zero-width space, and no
// line ends in a space or tab.
func clean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !cleanCheck[c] {
			continue
		}
		switch {
		case c == '\n':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return false
			}
		case c < 0x20 && c != '\t', c == 0x7F:
			return false
		case c == 0xC2:
			// U+0080-U+009F (C1 controls) and U+00AD.
			if d := s[i+1]; d <= 0x9F || d == 0xAD {
				return false
			}
		case c == 0xEF:
			if strings.HasPrefix(s[i:], "\uFEFF") {
				return false
			}
		case c == 0xE2:
			if strings.HasPrefix(s[i:], "\u200B") {
				return false
			}
		}
	}
	return s == "" || s[len(s)-1] != ' ' && s[len(s)-1] != '\t'
}

// cleanCheck marks the bytes clean has to look at: controls, and the
// first bytes of the encodings of C1 controls, U+00AD, U+200B and U+FEFF.
var cleanCheck = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t[0x7F], t[0xC2], t[0xE2], t[0xEF] = true, true, true, true
	return t
}()

// Dates in metadata and near titles: 2012-07-25, 2012/7/25, 2012.07.25,
// 2012年7月25日, 20120725.
var dateRE = regexp.MustCompile(`((?:19|20)\d{2})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|(\d{2})(\d{2}))(?:[^\d]|$)`)

// normalizeDate returns the first date in s as YYYY-MM-DD, or "".
func normalizeDate(s string) string {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	month, day := m[2], m[3]
	if month == "" {
		month, day = m[4], m[5]
	}
	mo, d := atoi2(month), atoi2(day)
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", m[1], mo, d)
}

func atoi2(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// textQuality reports whether s reads as text rather than mojibake: most of
// its non-space characters are Han, CJK or ASCII punctuation, letters or
// digits, and few are private-use, replacement or control characters or
// letters of unrelated scripts.
func textQuality(s string) bool {
	var good, bad, letters int
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case unicode.Is(unicode.Han, r):
			good++
			letters++
		case r < utf8.RuneSelf:
			if unicode.IsControl(r) {
				bad++
				continue
			}
			good++
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				letters++
			}
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF && r != 0xFFFD,
			r >= 0x2000 && r <= 0x206F, r >= 0x2460 && r <= 0x24FF, r >= 0x2500 && r <= 0x257F,
			r >= 0x3200 && r <= 0x33FF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xF900 && r <= 0xFAFF,
			r == 0xB7, r == 0xD7, r == 0xB0, r == 0x2027, r == 0x2022, r >= 0x2190 && r <= 0x22FF:
			good++
		case unicode.Is(unicode.Latin, r):
			good++
			letters++
		default:
			bad++
		}
	}
	total := good + bad
	return total > 0 && good*100 >= total*85 && letters*100 >= total*30
}
