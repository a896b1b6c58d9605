package ingest

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jiyao-search/jiyao/internal/hostile"
	"github.com/ledongthuc/pdf"
)

var updateHostile = flag.Bool("update-hostile", false, "rewrite testdata/hostile from internal/hostile")

// hostileWant is what decoding each file of the hostile corpus must give:
// the error it is (for errors.Is) and its message.
var hostileWant = map[string]struct {
	kind error
	msg  string
}{
	"pdf-kids-cycle.pdf":   {ErrMalformed, "decode pdf-kids-cycle.pdf: pdf page tree has a cycle at object 3 0 R: malformed structure"},
	"pdf-parent-loop.pdf":  {ErrNoTextLayer, "decode pdf-parent-loop.pdf: pdf of 1 pages has no text: " + ErrNoTextLayer.Error()},
	"pdf-xref-cycle.pdf":   {ErrMalformed, "decode pdf-xref-cycle.pdf: pdf cross-reference chain has a cycle at offset 110: malformed structure"},
	"pdf-objstm-cycle.pdf": {ErrMalformed, "decode pdf-objstm-cycle.pdf: pdf object streams extend each other in a cycle at object 4: malformed structure"},
	"pdf-objstm-self.pdf":  {ErrMalformed, "decode pdf-objstm-self.pdf: pdf object stream 4 is itself in an object stream: malformed structure"},
	"pdf-objstm-ref.pdf":   {ErrMalformed, "decode pdf-objstm-ref.pdf: pdf object stream 4 refers to object 3 in an object stream: malformed structure"},
	"pdf-form-fanout.pdf":  {ErrLimit, "decode pdf-form-fanout.pdf: pdf reader read more than 5 MiB of the file: over a work limit"},
	"pdf-stream-bomb.pdf":  {ErrLimit, "decode pdf-stream-bomb.pdf: pdf streams decompress to more than 64 MiB: over a work limit"},
	"pdf-op-flood.pdf":     {ErrLimit, "decode pdf-op-flood.pdf: pdf content has more than 5000000 operators: over a work limit"},
	"docx-bomb.docx":       {ErrLimit, "decode docx-bomb.docx: word/document.xml inflates past 64 MiB: over a work limit"},
	"docx-members.docx":    {ErrLimit, "decode docx-members.docx: zip archive of 640001 members is over the 10000-member limit: over a work limit"},
	"html-nested.html":     {ErrLimit, "decode html-nested.html: parse html: html: open stack of elements exceeds 512 nodes: over a work limit"},
	"html-flat.html":       {ErrLimit, "decode html-flat.html: html has more than 250000 tags and text runs: over a work limit"},
	"json-feed.json":       {ErrLimit, "decode json-feed.json: JSON holds more than 10000 records: over a work limit"},
	"text-lines.txt":       {ErrLimit, "decode text-lines.txt: document has more than 20000 lines of text; split it: over a work limit"},
}

// TestHostile decodes each file of the hostile corpus and checks that it
// ends, within 5 s, with the error it should.
func TestHostile(t *testing.T) {
	for _, f := range hostile.Files() {
		t.Run(f.Name, func(t *testing.T) {
			want, ok := hostileWant[f.Name]
			if !ok {
				t.Fatalf("no expectation for %s", f.Name)
			}
			data := f.Make()
			done := make(chan error, 1)
			start := time.Now()
			go func() {
				_, err := DecodeAll(f.Name, data, DecodeOptions{})
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatalf("DecodeAll(%s) of %d bytes still running after 5s", f.Name, len(data))
			}
			t.Logf("%s: %d bytes, %v", f.Name, len(data), time.Since(start).Round(time.Millisecond))
			if !errors.Is(err, want.kind) || !errors.Is(err, ErrUnsupported) && want.kind != ErrNoTextLayer {
				t.Errorf("DecodeAll(%s) = %v, want an error that is %v", f.Name, err, want.kind)
			}
			if err != nil && err.Error() != want.msg {
				t.Errorf("DecodeAll(%s) error:\n%s\nwant\n%s", f.Name, err, want.msg)
			}
		})
	}
}

// TestHostileTestdata checks that the small hostile files (under 32 KiB)
// committed under testdata/hostile are those internal/hostile makes;
// -update-hostile rewrites them.
func TestHostileTestdata(t *testing.T) {
	dir := filepath.Join("testdata", "hostile")
	for _, f := range hostile.Files() {
		data := f.Make()
		if len(data) > 32<<10 {
			continue
		}
		path := filepath.Join(dir, f.Name)
		if *updateHostile {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestHostileTestdata -update-hostile)", err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s differs from hostile.Files (run go test -run TestHostileTestdata -update-hostile)", path)
		}
	}
}

// TestPDFArrayRef pins pdfArrayRef, which reads the PDF library's
// unexported representation: references give their object number and
// generation, direct objects false.
func TestPDFArrayRef(t *testing.T) {
	data := hostileTestPDF("<< /Type /Pages /Kids [3 0 R << /Type /Page >> 4 2 R] /Count 2 >>")
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	kids := r.Trailer().Key("Root").Key("Pages").Key("Kids")
	type result struct {
		Ref   pdfRef
		IsRef bool
	}
	var got []result
	for i := range kids.Len() + 1 {
		ref, ok := pdfArrayRef(kids, i)
		got = append(got, result{ref, ok})
	}
	want := []result{{pdfRef{3, 0}, true}, {}, {pdfRef{4, 2}, true}, {}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(pdfRef{})); diff != "" {
		t.Errorf("pdfArrayRef of the Kids (-want +got):\n%s", diff)
	}
}

// TestPDFPageTree checks the page walk: inherited resources, page order,
// and the bounds on depth and pages.
func TestPDFPageTree(t *testing.T) {
	// A tree nested deeper than maxPDFTreeDepth: node k has the kid k+1.
	var objs []string
	const n = maxPDFTreeDepth + 5
	for k := 2; k < n; k++ {
		objs = append(objs, "<< /Type /Pages /Kids ["+strconv.Itoa(k+1)+" 0 R] /Count 1 >>")
	}
	objs = append(objs, "<< /Type /Page >>")
	_, err := decodePDF(hostileTestPDF(objs...))
	want := "pdf page tree is deeper than 64 levels: over a work limit"
	if !errors.Is(err, ErrLimit) || err.Error() != want {
		t.Errorf("deep page tree: %v, want %q", err, want)
	}
	// A node with too many pages.
	kids := strings.Repeat("3 0 R ", maxPDFPages+1)
	_, err = decodePDF(hostileTestPDF("<< /Type /Pages /Kids ["+kids+"] /Count 1 >>", "<< /Type /Page >>"))
	want = "pdf has more than 3000 pages: over a work limit"
	if !errors.Is(err, ErrLimit) || err.Error() != want {
		t.Errorf("wide page tree: %v, want %q", err, want)
	}
}

// hostileTestPDF writes a PDF whose catalog (object 1) has the page tree
// root objs[0] (object 2); the other objects follow as 3, 4, ….
func hostileTestPDF(objs ...string) []byte {
	return hostile.PDF(append([]string{"<< /Type /Catalog /Pages 2 0 R >>"}, objs...), "")
}

// TestCheckPDFXref checks the cross-reference checks that run before the
// PDF library reads a file.
func TestCheckPDFXref(t *testing.T) {
	xrefStream := func(dict string) []byte {
		s := "%PDF-1.5\n1 0 obj\n<< /Type /XRef " + dict + " /Length 0 >>\nstream\n\nendstream\nendobj\n"
		return []byte(s + "startxref\n9\n%%EOF\n")
	}
	tests := []struct {
		name string
		in   []byte
		want string // "" for no error
	}{
		{"good", hostileTestPDF("<< /Type /Pages /Kids [] /Count 0 >>"), ""},
		{"prev-cycle", hostile.PDFXrefCycle(), "pdf cross-reference chain has a cycle at offset 110: malformed structure"},
		{"table-past-limit", []byte("%PDF-1.4\nxref\n4000000000 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF\n"),
			"pdf cross-reference table declares 1 objects from number 4000000000, past the 1048576-object limit: over a work limit"},
		{"stream-size", xrefStream("/Size 2000000000 /W [1 2 1]"),
			"pdf cross-reference stream declares 2000000000 objects, over the 1048576-object limit: over a work limit"},
		{"stream-index", xrefStream("/Size 10 /Index [0 5 3000000 10] /W [1 2 1]"),
			"pdf cross-reference stream declares 10 objects from number 3000000, past the 1048576-object limit: over a work limit"},
		{"table-overflow", []byte("%PDF-1.4\nxref\n9000000000000000000 9000000000000000000\ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF\n"),
			"pdf cross-reference table declares 9000000000000000000 objects from number 9000000000000000000, past the 1048576-object limit: over a work limit"},
		{"stream-index-overflow", xrefStream("/Size 10 /Index [9000000000000000000 9000000000000000000] /W [1 2 1]"),
			"pdf cross-reference stream declares 9000000000000000000 objects from number 9000000000000000000, past the 1048576-object limit: over a work limit"},
		{"stream-width-00", xrefStream("/Size 1000 /W [00 0 000]"),
			"pdf cross-reference stream has entries of width 0: malformed structure"},
		{"stream-width-0", xrefStream("/Size 1000 /W [0 0 0]"),
			"pdf cross-reference stream has entries of width 0: malformed structure"},
		{"no-startxref", []byte("%PDF-1.4\n"), ""},
		{"extends-chain", extendsChain(maxPDFExtends + 2), "pdf object streams extend each other more than 16 deep: over a work limit"},
		{"extends-short", extendsChain(maxPDFExtends), ""},
	}
	for _, tt := range tests {
		got := ""
		if err := checkPDFXref(tt.in); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: checkPDFXref = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// extendsChain is the text of n object streams, each extending the next.
func extendsChain(n int) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.5\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /ObjStm /N 0 /First 1 /Extends %d 0 R /Length 1 >>\nstream\n \nendstream\nendobj\n", i, i+1)
	}
	return []byte(b.String())
}

// TestBudgetReader checks that a zip part of exactly the budget reads
// whole and one byte more is refused.
func TestBudgetReader(t *testing.T) {
	over := errors.New("over")
	tests := []struct {
		in      string
		n       int64
		want    string
		wantErr error
	}{
		{"abc", 3, "abc", nil},
		{"abc", 4, "abc", nil},
		{"abcd", 3, "abc", over},
		{"", 0, "", nil},
	}
	for _, tt := range tests {
		got, err := io.ReadAll(&budgetReader{r: strings.NewReader(tt.in), n: tt.n, over: over})
		if string(got) != tt.want || err != tt.wantErr {
			t.Errorf("read %q with budget %d = %q, %v; want %q, %v", tt.in, tt.n, got, err, tt.want, tt.wantErr)
		}
	}
}
