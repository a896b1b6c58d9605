package ingest

// PDF text extraction.
//
// Evaluation (2026-11, on the real PDFs of the test corpus, traditional
// Chinese):
//
//   - github.com/ledongthuc/pdf (v0.0.0-20260907135840, a maintained fork of
//     rsc.io/pdf) parses all seven files. Its GetPlainText decodes the
//     Kaohsiung council minutes (CID TrueType, Identity-H, ToUnicode) to
//     correct Chinese, but gives control characters for the Yunlin council
//     tables: their Type 1C fonts carry a /Differences encoding of glyph
//     names like /g3203 together with a ToUnicode CMap, and the library
//     consults ToUnicode only when the encoding is Identity-H or absent.
//   - github.com/dslipak/pdf v0.0.2 is an older fork with the same decoder
//     and the same results.
//   - rsc.io/pdf v0.1.1 has no ToUnicode support for these fonts: all seven
//     come out as control and replacement characters.
//   - github.com/pdfcpu/pdfcpu v0.15.0 validates and rewrites PDFs but has no
//     text extraction; its content export gives the raw content streams.
//
// So Jiyao uses ledongthuc/pdf for the object model, stream decoding and
// content-stream tokenizer, and does text extraction itself: ToUnicode
// first for every font, the predefined Unicode, Big5 and GBK CMaps for
// Type 0 fonts without one, the library's simple-font encodings last, and
// line breaks from the text matrix. Results: khcc-orig-0001…0004 (Kaohsiung)
// and ylcc-0001…0002 (Yunlin) give correct Chinese; tccc-0001 (Taichung) has
// Identity-H CID fonts without ToUnicode, whose codes are glyph ids, and is
// rejected with ErrNoTextLayer (pdftotext also gives mojibake for it).

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// pdfAbort carries an error out of content interpretation, which reports
// through callbacks without errors, to decodePDF.
type pdfAbort struct{ err error }

// decodePDF extracts the text layer of a PDF. A PDF without one, or whose
// text decodes to mojibake, is ErrNoTextLayer. Work past the bounds in
// limits.go is ErrLimit, a page tree with a cycle ErrMalformed. Panics in
// the PDF library become errors.
func decodePDF(data []byte) (d *Document, err error) {
	defer func() {
		if e := recover(); e != nil {
			if a, ok := e.(pdfAbort); ok {
				d, err = nil, a.err
				return
			}
			d, err = nil, fmt.Errorf("malformed pdf: %v: %w", e, ErrUnsupported)
		}
	}()
	if err := checkPDFXref(data); err != nil {
		return nil, err
	}
	in := newPDFInput(data)
	r, err := pdf.NewReader(in, int64(len(data)))
	if in.over() {
		return nil, in.err()
	}
	if err != nil {
		return nil, fmt.Errorf("read pdf: %v: %w", err, ErrUnsupported)
	}
	if err := checkPDFObjStreams(r, data); err != nil {
		return nil, err
	}
	pages, err := pdfPages(r)
	if err != nil {
		return nil, err
	}
	x := &pdfExtractor{}
	for _, p := range pages {
		x.run(p.v.Key("Contents"), p.res, 0)
		x.newline()
	}
	text := x.out.String()
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("pdf of %d pages has no text: %w", len(pages), ErrNoTextLayer)
	}
	if !textQuality(text) {
		return nil, fmt.Errorf("pdf text is not readable: %w", ErrNoTextLayer)
	}
	d = &Document{Format: FormatPDF, Text: text}
	if t := r.Trailer().Key("Info").Key("Title").Text(); hanCount(t) > 0 && !strings.Contains(t, ".doc") {
		d.Title = strings.TrimSpace(t)
	}
	if d.Title == "" {
		d.Title = firstHanLine(text)
	}
	return d, nil
}

// firstHanLine returns the first line with at least two Han characters
// (skipping page numbers and running heads of digits), else the first line.
func firstHanLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if hanCount(line) >= 2 {
			return strings.TrimSpace(line)
		}
	}
	return firstLine(text)
}

// pdfExtractor interprets content streams and writes their text.
type pdfExtractor struct {
	out      strings.Builder
	ops      int
	streamed int64 // decompressed stream bytes read so far
	draws    int   // XObjects drawn

	font     *pdfFont
	size     float64
	tm, tlm  [6]float64
	leading  float64
	charSp   float64
	hscale   float64
	lastY    float64
	penX     float64
	lineOpen bool
	// recent shows, to drop the overprinting that fakes bold type
	recent [8]pdfShow
	nshow  int
}

// pdfShow is one shown string and where it was drawn.
type pdfShow struct {
	text string
	x, y float64
}

// run interprets one content stream (or array of streams) with its
// resources.
func (x *pdfExtractor) run(content, res pdf.Value, depth int) {
	if content.IsNull() || depth > maxPDFFormDepth {
		return
	}
	x.hscale = 1
	if content.Kind() == pdf.Array {
		for i := range content.Len() {
			x.charge(content.Index(i), maxPDFStreamBytes)
		}
	} else {
		x.charge(content, maxPDFStreamBytes)
	}
	fonts := make(map[string]*pdfFont)
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		x.ops++
		if x.ops > maxPDFOps {
			panic(pdfAbort{fmt.Errorf("pdf content has more than %d operators: %w", maxPDFOps, ErrLimit)})
		}
		if x.out.Len() > maxPDFText {
			panic(pdfAbort{fmt.Errorf("pdf text is over %d MiB: %w", maxPDFText>>20, ErrLimit)})
		}
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "BT":
			x.tm = [6]float64{1, 0, 0, 1, 0, 0}
			x.tlm = x.tm
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					if fv := res.Key("Font").Key(name); !fv.IsNull() {
						f = x.newFont(fv)
					}
					fonts[name] = f
				}
				x.font = f
				x.size = args[1].Float64()
			}
		case "Tc":
			x.charSp = num(0)
		case "Tz":
			x.hscale = num(0) / 100
		case "TL":
			x.leading = num(0)
		case "Td":
			x.moveLine(num(0), num(1))
		case "TD":
			x.leading = -num(1)
			x.moveLine(num(0), num(1))
		case "Tm":
			if len(args) == 6 {
				for i := range 6 {
					x.tm[i] = args[i].Float64()
				}
				x.tlm = x.tm
			}
		case "T*":
			x.moveLine(0, -x.leading)
		case "Tj":
			if len(args) == 1 {
				x.show(args[0].RawString())
			}
		case "'":
			x.moveLine(0, -x.leading)
			if len(args) == 1 {
				x.show(args[0].RawString())
			}
		case "\"":
			x.moveLine(0, -x.leading)
			if len(args) == 3 {
				x.show(args[2].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				v := a.Index(i)
				if v.Kind() == pdf.String {
					x.show(v.RawString())
					continue
				}
				adj := v.Float64()
				if adj < -250 {
					x.space()
				}
				x.advance(-adj / 1000 * x.size)
			}
		case "Do":
			x.draws++
			if x.draws > maxPDFDraws {
				panic(pdfAbort{fmt.Errorf("pdf draws more than %d XObjects: %w", maxPDFDraws, ErrLimit)})
			}
			if len(args) == 1 {
				xo := res.Key("XObject").Key(args[0].Name())
				if xo.Key("Subtype").Name() == "Form" {
					sub := xo.Key("Resources")
					if sub.IsNull() {
						sub = res
					}
					font, size, tm, tlm := x.font, x.size, x.tm, x.tlm
					x.run(xo, sub, depth+1)
					x.font, x.size, x.tm, x.tlm = font, size, tm, tlm
				}
			}
		}
	})
}

// charge decompresses a stream to count its bytes against
// maxPDFStreamBytes, so that no stream is interpreted or parsed once the
// streams of the PDF add up to more; it reads at most limit bytes of this
// one. Interpretation decompresses the stream again, so the work per
// stream byte stays a small constant.
func (x *pdfExtractor) charge(v pdf.Value, limit int64) {
	if v.Kind() != pdf.Stream {
		return
	}
	rd := v.Reader()
	defer rd.Close()
	left := maxPDFStreamBytes - x.streamed
	n, _ := io.Copy(io.Discard, io.LimitReader(rd, min(left, limit)+1))
	x.streamed += n
	if x.streamed > maxPDFStreamBytes {
		panic(pdfAbort{fmt.Errorf("pdf streams decompress to more than %d MiB: %w", maxPDFStreamBytes>>20, ErrLimit)})
	}
}

// newFont reads a font, charging its ToUnicode CMap to the stream budget.
func (x *pdfExtractor) newFont(v pdf.Value) *pdfFont {
	x.charge(v.Key("ToUnicode"), maxCMapBytes)
	return newPDFFont(v)
}

// moveLine starts a new text line offset by (tx, ty) from the current one.
func (x *pdfExtractor) moveLine(tx, ty float64) {
	m := x.tlm
	x.tlm[4] = tx*m[0] + ty*m[2] + m[4]
	x.tlm[5] = tx*m[1] + ty*m[3] + m[5]
	x.tm = x.tlm
}

// fontScale is the size of the current font in user space.
func (x *pdfExtractor) fontScale() float64 {
	s := math.Abs(x.size) * math.Hypot(x.tm[2], x.tm[3])
	if s < 1 {
		s = 1
	}
	return s
}

// show writes the text of one string operand, starting a new line when the
// baseline moved and a space when the pen jumped forward.
func (x *pdfExtractor) show(raw string) {
	if x.font == nil {
		return
	}
	y, px := x.tm[5], x.tm[4]
	fs := x.fontScale()
	if x.lineOpen && math.Abs(y-x.lastY) > fs*0.5 {
		x.newline()
	} else if x.lineOpen && px-x.penX > fs*0.8 {
		x.space()
	}
	text, width := x.font.decode(raw)
	if x.overprint(text, px, y, fs) {
		x.advance(width*x.size + float64(utf8.RuneCountInString(text))*x.charSp)
		return
	}
	x.lastY = y
	x.out.WriteString(text)
	x.lineOpen = true
	x.advance(width*x.size + float64(utf8.RuneCountInString(text))*x.charSp)
}

// overprint reports whether text was just drawn at about the same place,
// as PDFs fake bold type by drawing a string several times a fraction of a
// point apart; otherwise it records the show.
func (x *pdfExtractor) overprint(text string, px, y, fs float64) bool {
	if strings.TrimSpace(text) == "" {
		return false
	}
	for i := range min(x.nshow, len(x.recent)) {
		r := x.recent[i]
		if r.text == text && math.Abs(r.x-px) < fs*0.3 && math.Abs(r.y-y) < fs*0.3 {
			return true
		}
	}
	x.recent[x.nshow%len(x.recent)] = pdfShow{text: text, x: px, y: y}
	x.nshow++
	return false
}

// advance moves the text matrix tx text-space units along the baseline.
func (x *pdfExtractor) advance(tx float64) {
	tx *= x.hscale
	x.tm[4] += tx * x.tm[0]
	x.tm[5] += tx * x.tm[1]
	x.penX = x.tm[4]
}

func (x *pdfExtractor) newline() {
	if x.lineOpen {
		x.out.WriteByte('\n')
	}
	x.lineOpen = false
}

func (x *pdfExtractor) space() {
	s := x.out.String()
	if x.lineOpen && !strings.HasSuffix(s, " ") {
		x.out.WriteByte(' ')
	}
}

// pdfFont decodes the strings shown with one font.
type pdfFont struct {
	toUni     *toUnicodeCMap
	legacy    encoding.Encoding // predefined Big5 or GBK CMap of a Type 0 font
	ucs2      bool              // predefined UCS-2/UTF-16 CMap
	composite bool              // Type 0: two-byte codes
	simple    pdf.TextEncoding
	first     int
	widths    []float64
}

func newPDFFont(v pdf.Value) *pdfFont {
	f := &pdfFont{composite: v.Key("Subtype").Name() == "Type0"}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = parseToUnicode(tu)
	}
	if f.composite {
		enc := v.Key("Encoding").Name()
		switch {
		case strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16"):
			f.ucs2 = true
		case strings.Contains(enc, "B5"):
			f.legacy = traditionalchinese.Big5
		case strings.Contains(enc, "GB"):
			f.legacy = simplifiedchinese.GBK
		}
		return f
	}
	pf := pdf.Font{V: v}
	f.simple = pf.Encoder()
	f.first = pf.FirstChar()
	f.widths = pf.Widths()
	return f
}

// decode returns the text of raw and its width in text-space units per
// unit of font size.
func (f *pdfFont) decode(raw string) (string, float64) {
	switch {
	case f.toUni != nil:
		return f.toUni.decode(raw, f.composite, f.width)
	case f.ucs2:
		u := make([]uint16, 0, len(raw)/2)
		for i := 0; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u)), float64(len(u))
	case f.legacy != nil:
		s, err := f.legacy.NewDecoder().String(raw)
		if err != nil {
			return strings.Repeat("\uFFFD", len(raw)/2), float64(len(raw) / 2)
		}
		return s, float64(utf8.RuneCountInString(s))
	case f.composite:
		// Identity-H without ToUnicode: the codes are glyph ids.
		return strings.Repeat("\uFFFD", len(raw)/2), float64(len(raw) / 2)
	}
	w := 0.0
	for i := 0; i < len(raw); i++ {
		w += f.width(int(raw[i]))
	}
	return f.simple.Decode(raw), w
}

// width of a code in units of font size; composite fonts are taken as full
// width.
func (f *pdfFont) width(code int) float64 {
	if f.composite {
		return 1
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i] / 1000
	}
	return 0.5
}

// toUnicodeCMap maps character codes to text, from a ToUnicode CMap.
type toUnicodeCMap struct {
	ranges []codeSpace
	m      map[uint32]string
}

type codeSpace struct {
	n      int
	lo, hi []byte
}

// codeLen returns the length of the code at the start of raw.
func (c *toUnicodeCMap) codeLen(raw string, composite bool) int {
	for _, r := range c.ranges {
		if len(raw) < r.n {
			continue
		}
		ok := true
		for i := 0; i < r.n; i++ {
			if raw[i] < r.lo[i] || raw[i] > r.hi[i] {
				ok = false
				break
			}
		}
		if ok {
			return r.n
		}
	}
	if composite && len(raw) >= 2 {
		return 2
	}
	return 1
}

func (c *toUnicodeCMap) decode(raw string, composite bool, width func(int) float64) (string, float64) {
	var b strings.Builder
	w := 0.0
	for len(raw) > 0 {
		n := c.codeLen(raw, composite)
		var code uint32
		for i := 0; i < n; i++ {
			code = code<<8 | uint32(raw[i])
		}
		raw = raw[n:]
		if s, ok := c.m[code]; ok {
			b.WriteString(s)
		} else {
			b.WriteRune(utf8.RuneError)
		}
		w += width(int(code))
	}
	return b.String(), w
}

// parseToUnicode reads the codespace ranges and bfchar/bfrange mappings of
// a ToUnicode CMap. It returns nil for a CMap it cannot read.
func parseToUnicode(v pdf.Value) *toUnicodeCMap {
	rd := v.Reader()
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, maxCMapBytes))
	if err != nil {
		return nil
	}
	toks := cmapTokens(data)
	c := &toUnicodeCMap{m: make(map[uint32]string)}
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "begincodespacerange":
			for i++; i+1 < len(toks) && toks[i] != "endcodespacerange"; i += 2 {
				lo, hi := hexBytes(toks[i]), hexBytes(toks[i+1])
				if len(lo) > 0 && len(lo) == len(hi) && len(lo) <= 4 {
					c.ranges = append(c.ranges, codeSpace{n: len(lo), lo: lo, hi: hi})
				}
			}
		case "beginbfchar":
			for i++; i+1 < len(toks) && toks[i] != "endbfchar"; i += 2 {
				src := hexBytes(toks[i])
				if len(src) == 0 || len(src) > 4 || !strings.HasPrefix(toks[i+1], "<") {
					continue
				}
				c.m[codeOf(src)] = utf16Text(hexBytes(toks[i+1]))
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && toks[i] != "endbfrange"; {
				lo, hi := hexBytes(toks[i]), hexBytes(toks[i+1])
				i += 2
				var dsts []string
				if toks[i] == "[" {
					for i++; i < len(toks) && toks[i] != "]"; i++ {
						dsts = append(dsts, toks[i])
					}
				} else {
					dsts = []string{toks[i]}
				}
				i++
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				a, z := codeOf(lo), codeOf(hi)
				if z < a || z-a >= maxCMapRange {
					continue
				}
				for k := uint32(0); k <= z-a; k++ {
					switch {
					case len(dsts) > 1:
						if int(k) < len(dsts) {
							c.m[a+k] = utf16Text(hexBytes(dsts[k]))
						}
					case len(dsts) == 1 && strings.HasPrefix(dsts[0], "<"):
						d := hexBytes(dsts[0])
						if len(d) >= 2 {
							d = append([]byte(nil), d...)
							last := uint32(d[len(d)-2])<<8 | uint32(d[len(d)-1])
							last += k
							d[len(d)-2], d[len(d)-1] = byte(last>>8), byte(last)
						}
						c.m[a+k] = utf16Text(d)
					}
				}
			}
		}
	}
	if len(c.m) == 0 {
		return nil
	}
	return c
}

// cmapTokens splits a CMap into hex strings, brackets, names and keywords.
func cmapTokens(data []byte) []string {
	var toks []string
	for i := 0; i < len(data); {
		ch := data[i]
		switch {
		case ch == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case ch == '<' && i+1 < len(data) && data[i+1] == '<', ch == '>' && i+1 < len(data) && data[i+1] == '>':
			toks = append(toks, string(data[i:i+2]))
			i += 2
		case ch == '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return toks
			}
			toks = append(toks, string(data[i:i+j+1]))
			i += j + 1
		case ch == '[' || ch == ']':
			toks = append(toks, string(ch))
			i++
		case ch == '(':
			// Literal strings do not occur in mappings; skip them.
			depth := 0
			for ; i < len(data); i++ {
				if data[i] == '\\' {
					i++
					continue
				}
				if data[i] == '(' {
					depth++
				} else if data[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
			}
		case ch <= ' ':
			i++
		default:
			j := i + 1
			for j < len(data) && data[j] > ' ' && !strings.ContainsRune("<>[]()/%", rune(data[j])) {
				j++
			}
			toks = append(toks, string(data[i:j]))
			i = j
		}
	}
	return toks
}

// hexBytes decodes a <hex> token; an odd digit count is padded with 0.
func hexBytes(tok string) []byte {
	if len(tok) < 2 || tok[0] != '<' || tok[len(tok)-1] != '>' {
		return nil
	}
	var out []byte
	var hi byte
	half := false
	for i := 1; i < len(tok)-1; i++ {
		c := tok[i]
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

func codeOf(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

// utf16Text decodes the UTF-16BE destination of a CMap mapping.
func utf16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
