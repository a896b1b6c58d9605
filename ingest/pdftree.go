package ingest

// Guards around github.com/ledongthuc/pdf for hostile PDFs. The library
// trusts the file's structure: Reader.Page follows /Kids without noticing a
// node that contains itself, Page.Resources follows /Parent without noticing
// a loop, the cross-reference reader follows /Prev without noticing a loop,
// and it allocates its object table from the numbers the file declares.
// decodePDF checks the cross-reference chain before the library reads it
// and walks the page tree itself.

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// checkPDFXref follows the chain of cross-reference sections from the last
// startxref and refuses a chain with a cycle or too many sections, and
// sections that declare object numbers past maxPDFObjects; and it checks
// the chains of object streams (checkPDFExtends). A chain it cannot follow
// is left for the PDF reader to report.
func checkPDFXref(data []byte) error {
	if err := checkPDFExtends(data); err != nil {
		return err
	}
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil
	}
	off, ok := pdfInt(tail[i+len("startxref"):])
	seen := make(map[int64]bool)
	tokens := 4 * maxPDFObjects // budget of table tokens read over all sections
	for ok {
		if off < 0 || off >= int64(len(data)) {
			return nil
		}
		if seen[off] {
			return fmt.Errorf("pdf cross-reference chain has a cycle at offset %d: %w", off, ErrMalformed)
		}
		seen[off] = true
		if len(seen) > maxPDFXrefSections {
			return fmt.Errorf("pdf has more than %d cross-reference sections: %w", maxPDFXrefSections, ErrLimit)
		}
		var dict []byte
		var err error
		if s := bytes.TrimLeft(data[off:], " \t\r\n\f\x00"); bytes.HasPrefix(s, []byte("xref")) {
			dict, err = checkXrefTable(s[len("xref"):], &tokens)
		} else {
			dict, err = checkXrefStream(data[off:min(len(data), int(off)+4096)])
		}
		if err != nil || dict == nil {
			return err
		}
		off, ok = pdfKeyInt(dict, "Prev")
	}
	return nil
}

// Object headers and /Extends entries, for checkPDFExtends.
var (
	pdfObjHeader  = regexp.MustCompile(`(\d+)\s+(\d+)\s+obj\b`)
	pdfExtendsRef = regexp.MustCompile(`^\s*(\d+)\s+\d+\s+R`)
)

// checkPDFExtends refuses object streams whose /Extends entries form a
// cycle or a chain longer than maxPDFExtends. Object stream dictionaries
// are never compressed, so their text is in the file.
func checkPDFExtends(data []byte) error {
	next := make(map[int64]int64)
	for i, n := 0, 0; ; n++ {
		j := bytes.Index(data[i:], []byte("/Extends"))
		if j < 0 {
			break
		}
		i += j + len("/Extends")
		if n == maxPDFExtenders {
			return fmt.Errorf("pdf has more than %d object streams that extend another: %w", maxPDFExtenders, ErrLimit)
		}
		to := pdfExtendsRef.FindSubmatch(data[i:min(len(data), i+64)])
		if to == nil {
			continue
		}
		heads := pdfObjHeader.FindAllSubmatch(data[max(0, i-1024):i], -1)
		if heads == nil {
			continue
		}
		from, err1 := strconv.ParseInt(string(heads[len(heads)-1][1]), 10, 64)
		target, err2 := strconv.ParseInt(string(to[1]), 10, 64)
		if err1 == nil && err2 == nil {
			next[from] = target
		}
	}
	for start := range next {
		seen := map[int64]bool{start: true}
		for o, ok := next[start]; ok; o, ok = next[o] {
			if seen[o] {
				return fmt.Errorf("pdf object streams extend each other in a cycle at object %d: %w", o, ErrMalformed)
			}
			seen[o] = true
			if len(seen)-1 > maxPDFExtends {
				return fmt.Errorf("pdf object streams extend each other more than %d deep: %w", maxPDFExtends, ErrLimit)
			}
		}
	}
	return nil
}

// checkXrefTable checks the subsection headers of a cross-reference table
// (s starts after the keyword xref) and returns the trailer dictionary's
// text, or nil when the table cannot be read. It reads no more than
// *budget tokens, and takes those it reads from it.
func checkXrefTable(s []byte, budget *int) ([]byte, error) {
	t := pdfTokens{s: s}
	for {
		tok := t.next()
		if *budget--; *budget < 0 {
			return nil, fmt.Errorf("pdf cross-reference tables hold more than %d entries: %w", maxPDFObjects, ErrLimit)
		}
		switch {
		case tok == nil:
			return nil, nil
		case string(tok) == "trailer":
			rest := t.s[t.i:]
			return rest[:min(len(rest), 4096)], nil
		}
		start, err1 := strconv.ParseInt(string(tok), 10, 64)
		n, err2 := strconv.ParseInt(string(t.next()), 10, 64)
		if err1 != nil || err2 != nil || start < 0 || n < 0 {
			return nil, nil
		}
		if start > maxPDFObjects || n > maxPDFObjects || start+n > maxPDFObjects {
			return nil, fmt.Errorf("pdf cross-reference table declares %d objects from number %d, past the %d-object limit: %w", n, start, maxPDFObjects, ErrLimit)
		}
		for range 3 * n {
			if t.next() == nil {
				return nil, nil
			}
			if *budget--; *budget < 0 {
				return nil, fmt.Errorf("pdf cross-reference tables hold more than %d entries: %w", maxPDFObjects, ErrLimit)
			}
		}
	}
}

// xrefStreamW matches the /W entry of a cross-reference stream and
// xrefStreamIndex its /Index.
var (
	xrefStreamW     = regexp.MustCompile(`/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]`)
	xrefStreamIndex = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
)

// checkXrefStream checks the dictionary of a cross-reference stream (s
// starts at its object header) and returns the dictionary's text, or nil
// when s is not one.
func checkXrefStream(s []byte) ([]byte, error) {
	end := bytes.Index(s, []byte("stream"))
	if end < 0 || !bytes.Contains(s[:end], []byte("/XRef")) {
		return nil, nil
	}
	dict := s[:end]
	size, _ := pdfKeyInt(dict, "Size")
	if size > maxPDFObjects {
		return nil, fmt.Errorf("pdf cross-reference stream declares %d objects, over the %d-object limit: %w", size, maxPDFObjects, ErrLimit)
	}
	entries := size
	if m := xrefStreamIndex.FindSubmatch(dict); m != nil {
		entries = 0
		t := pdfTokens{s: m[1]}
		for {
			a, b := t.next(), t.next()
			if a == nil || b == nil {
				break
			}
			start, err1 := strconv.ParseInt(string(a), 10, 64)
			n, err2 := strconv.ParseInt(string(b), 10, 64)
			if err1 != nil || err2 != nil || start > maxPDFObjects || n > maxPDFObjects || start+n > maxPDFObjects {
				return nil, fmt.Errorf("pdf cross-reference stream declares %s objects from number %s, past the %d-object limit: %w", b, a, maxPDFObjects, ErrLimit)
			}
			entries += n
		}
	}
	if m := xrefStreamW.FindSubmatch(dict); m != nil && entries > 0 {
		width := int64(0)
		for _, w := range m[1:] {
			n, err := strconv.ParseInt(string(w), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("pdf cross-reference stream has an entry width of %s: %w", w, ErrMalformed)
			}
			width += n
		}
		if width == 0 {
			return nil, fmt.Errorf("pdf cross-reference stream has entries of width 0: %w", ErrMalformed)
		}
	}
	return dict, nil
}

// pdfKeyRE matches a key with an integer value in a dictionary's text.
var pdfKeyRE = map[string]*regexp.Regexp{
	"Prev": regexp.MustCompile(`/Prev\s+(\d+)`),
	"Size": regexp.MustCompile(`/Size\s+(\d+)`),
}

// pdfKeyInt returns the integer value of key in the text of a dictionary.
func pdfKeyInt(dict []byte, key string) (int64, bool) {
	m := pdfKeyRE[key].FindSubmatch(dict)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(string(m[1]), 10, 64)
	return n, err == nil
}

// pdfInt reads the integer at the start of s, after white space.
func pdfInt(s []byte) (int64, bool) {
	t := pdfTokens{s: s}
	n, err := strconv.ParseInt(string(t.next()), 10, 64)
	return n, err == nil
}

// pdfTokens splits PDF text at white space and skips comments; enough for
// cross-reference tables.
type pdfTokens struct {
	s []byte
	i int
}

// next returns the next token, or nil at the end.
func (t *pdfTokens) next() []byte {
	for t.i < len(t.s) {
		switch c := t.s[t.i]; {
		case c == '%':
			for t.i < len(t.s) && t.s[t.i] != '\n' && t.s[t.i] != '\r' {
				t.i++
			}
		case c <= ' ':
			t.i++
		default:
			j := t.i
			for t.i < len(t.s) && t.s[t.i] > ' ' && t.s[t.i] != '%' {
				t.i++
			}
			return t.s[j:t.i]
		}
	}
	return nil
}

// pdfInput is the PDF file as the library reads it. It counts the bytes
// read and aborts decoding past maxPDFReads(size): the library reads the
// file again for every object it resolves, and this bounds loops and
// repetitions in its object lookups (such as a cycle of object streams
// that extend each other) that no check before reading catches.
type pdfInput struct {
	r           *bytes.Reader
	read, limit int64
}

func newPDFInput(data []byte) *pdfInput {
	return &pdfInput{r: bytes.NewReader(data), limit: maxPDFReads(int64(len(data)))}
}

func (f *pdfInput) ReadAt(p []byte, off int64) (int, error) {
	f.read += int64(len(p))
	if f.over() {
		panic(pdfAbort{f.err()})
	}
	return f.r.ReadAt(p, off)
}

func (f *pdfInput) over() bool { return f.read > f.limit }

func (f *pdfInput) err() error {
	return fmt.Errorf("pdf reader read more than %d MiB of the file: %w", f.limit>>20, ErrLimit)
}

// checkPDFObjStreams refuses a PDF whose cross-reference section puts an
// object stream inside an object stream, or whose object stream
// dictionaries refer to objects inside object streams: the library looks
// up the stream of an object, and the entries of its dictionary, as it
// looks up the object, and would recurse until the stack overflows, which
// kills the process. The sections are read by then, so this reads the
// library's unexported table; TestHostile pins it.
func checkPDFObjStreams(r *pdf.Reader, data []byte) error {
	table := reflect.ValueOf(r).Elem().FieldByName("xref")
	if !table.IsValid() || table.Kind() != reflect.Slice {
		return nil
	}
	n := table.Len()
	entry := func(id uint64) (inStream bool, stream uint64, offset int64, ok bool) {
		if id >= uint64(n) {
			return false, 0, 0, false
		}
		e := table.Index(int(id))
		f, s, o := e.FieldByName("inStream"), e.FieldByName("stream"), e.FieldByName("offset")
		if f.Kind() != reflect.Bool || s.Kind() != reflect.Struct || s.NumField() < 1 || o.Kind() != reflect.Int64 {
			return false, 0, 0, false
		}
		return f.Bool(), s.Field(0).Uint(), o.Int(), true
	}
	checked := make(map[uint64]bool)
	for i := range uint64(n) {
		in, id, _, ok := entry(i)
		if !ok || !in || checked[id] {
			continue
		}
		checked[id] = true
		if len(checked) > maxPDFObjStms {
			return fmt.Errorf("pdf has more than %d object streams: %w", maxPDFObjStms, ErrLimit)
		}
		in, _, off, ok := entry(id)
		if !ok {
			continue
		}
		if in {
			return fmt.Errorf("pdf object stream %d is itself in an object stream: %w", id, ErrMalformed)
		}
		if off <= 0 || off >= int64(len(data)) {
			continue
		}
		dict := data[off:min(int64(len(data)), off+1024)]
		if k := bytes.Index(dict, []byte("stream")); k >= 0 {
			dict = dict[:k]
		}
		for _, m := range pdfRefRE.FindAllSubmatch(dict, -1) {
			ref, err := strconv.ParseUint(string(m[1]), 10, 32)
			if err != nil {
				continue
			}
			if in, _, _, ok := entry(ref); ok && in {
				return fmt.Errorf("pdf object stream %d refers to object %d in an object stream: %w", id, ref, ErrMalformed)
			}
		}
	}
	return nil
}

// pdfRefRE matches an object reference.
var pdfRefRE = regexp.MustCompile(`(\d+)\s+\d+\s+R\b`)

// pdfPage is a page and the resources it inherits.
type pdfPage struct {
	v, res pdf.Value
}

// pdfRef is an object reference: object number and generation.
type pdfRef struct {
	id  uint64
	gen uint64
}

// pdfPages walks the page tree from the catalog's /Pages down and returns
// the pages in order with their inherited resources. /Parent is never
// followed, so a loop there costs nothing; a node that is its own
// ancestor is a cycle, and the walk is bounded in depth and nodes.
func pdfPages(r *pdf.Reader) ([]pdfPage, error) {
	w := &pageWalk{path: make(map[pdfRef]bool)}
	root := r.Trailer().Key("Root").Key("Pages")
	if err := w.walk(root, root.Key("Resources"), 0); err != nil {
		return nil, err
	}
	return w.pages, nil
}

type pageWalk struct {
	pages []pdfPage
	nodes int
	path  map[pdfRef]bool // references of the nodes above the current one
}

func (w *pageWalk) walk(node, res pdf.Value, depth int) error {
	w.nodes++
	if w.nodes > maxPDFTreeNodes {
		return fmt.Errorf("pdf page tree has more than %d nodes: %w", maxPDFTreeNodes, ErrLimit)
	}
	if depth > maxPDFTreeDepth {
		return fmt.Errorf("pdf page tree is deeper than %d levels: %w", maxPDFTreeDepth, ErrLimit)
	}
	if r := node.Key("Resources"); !r.IsNull() {
		res = r
	}
	kids := node.Key("Kids")
	if node.Key("Type").Name() != "Pages" && kids.Kind() != pdf.Array {
		if node.Kind() == pdf.Dict {
			if len(w.pages) == maxPDFPages {
				return fmt.Errorf("pdf has more than %d pages: %w", maxPDFPages, ErrLimit)
			}
			w.pages = append(w.pages, pdfPage{v: node, res: res})
		}
		return nil
	}
	for i := range kids.Len() {
		ref, isRef := pdfArrayRef(kids, i)
		if isRef {
			if w.path[ref] {
				return fmt.Errorf("pdf page tree has a cycle at object %d %d R: %w", ref.id, ref.gen, ErrMalformed)
			}
			w.path[ref] = true
		}
		err := w.walk(kids.Index(i), res, depth+1)
		if isRef {
			delete(w.path, ref)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// pdfArrayRef returns the reference that element i of the array a is
// written as, and false when the element is a direct object. The library
// resolves references without telling which object a value came from, so
// this reads its unexported representation; TestPDFArrayRef pins it.
func pdfArrayRef(a pdf.Value, i int) (pdfRef, bool) {
	data := reflect.ValueOf(a).FieldByName("data")
	if !data.IsValid() || data.Kind() != reflect.Interface || data.IsNil() {
		return pdfRef{}, false
	}
	arr := data.Elem()
	if arr.Kind() != reflect.Slice || i >= arr.Len() {
		return pdfRef{}, false
	}
	e := arr.Index(i)
	if e.Kind() == reflect.Interface {
		if e.IsNil() {
			return pdfRef{}, false
		}
		e = e.Elem()
	}
	if e.Kind() != reflect.Struct || e.Type().Name() != "objptr" || e.NumField() != 2 {
		return pdfRef{}, false
	}
	return pdfRef{id: e.Field(0).Uint(), gen: e.Field(1).Uint()}, true
}
