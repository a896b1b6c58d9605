package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the fields the golden records in testdata/golden pin from the extractor's output")

// corpusFailures lists the files of ../shared/corpus/real that must fail,
// with the reason their error must give. Every other document must yield
// records, whatever fields they lack; the folder's MANIFEST.tsv and
// README.md are not meeting records.
var corpusFailures = map[string]string{
	// A scanned PDF: its text layer maps glyphs to nothing readable.
	"tw-taichung-council-pdf/tccc-0001.pdf": "no usable text layer",
	"MANIFEST.tsv":                          "not a meeting record",
	"README.md":                             "not a meeting record",
}

// corpusMissing lists documents that lack a field the text does not give,
// and the field: news items cut from a daily Markdown file say 11月22日 but
// no year, and carry no publication date; tables of motions (議案一覽表)
// name no meeting date.
var corpusMissing = map[string]string{
	"cctv-xwlb-md/xwlbmd-0001.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0002.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0003.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0004.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0005.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0006.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0007.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0008.md":         "meeting.date",
	"cctv-xwlb-md/xwlbmd-0009.md":         "meeting.date",
	"tw-yunlin-council-pdf/ylcc-0001.pdf": "meeting.date",
	"tw-yunlin-council-pdf/ylcc-0002.pdf": "meeting.date",
}

// corpusFiles lists the documents of corpus/real, relative to it.
func corpusFiles(t testing.TB, root string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// extractChecked extracts a file and checks each record: the outcome the
// ingest command reports for it.
func extractChecked(e *Extractor, name string, data []byte) ([]*Minutes, error) {
	ms, err := e.Extract(name, data)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if err := Check(m); err != nil {
			return nil, err
		}
	}
	return ms, nil
}

func TestCorpus(t *testing.T) {
	root := corpusPath(t, "real")
	e := newTestExtractor(t)
	files := corpusFiles(t, root)
	if len(files) < 90 {
		t.Fatalf("found %d corpus files, want the whole corpus (over 90)", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		ms, err := extractChecked(e, f, data)
		if want, ok := corpusFailures[f]; ok {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %v, want one saying %q", f, err, want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, m := range ms {
			if m.Script == "" || m.Text == "" || m.ID == "" || m.SHA256 == "" || m.Genre == "" {
				t.Errorf("%s: record lacks script, text, genre or ids: %+v", f, m.Meeting)
			}
			want := corpusMissing[f]
			if got := strings.Join(m.Missing, " "); want != "" && !strings.Contains(got, want) || want == "" && strings.Contains(got, "meeting.date") {
				t.Errorf("%s: missing %q, want %q", f, got, want)
			}
		}
	}
}

// TestCorpusErrorsWrap checks that the failures carry their sentinel, so that
// callers can tell them apart with errors.Is.
func TestCorpusErrorsWrap(t *testing.T) {
	root := corpusPath(t, "real")
	e := newTestExtractor(t)
	for f, reason := range corpusFailures {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		_, err = extractChecked(e, f, data)
		want := ErrNoMinutes
		if strings.Contains(reason, "text layer") {
			want = ErrNoTextLayer
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: error %v, want errors.Is %v", f, err, want)
		}
	}
}

// goldenFields are the fields a golden record pins; the rest (text, ids,
// offsets) follow from the input.
type goldenRecord struct {
	Source      string     `json:"source"`
	Title       string     `json:"title"`
	Issuer      string     `json:"issuer"`
	DocNumber   string     `json:"doc_number,omitempty"`
	Published   string     `json:"published,omitempty"`
	Publisher   string     `json:"publisher,omitempty"`
	Script      string     `json:"script"`
	Meeting     Meeting    `json:"meeting"`
	Chair       *Person    `json:"chair,omitempty"`
	Items       []goldItem `json:"items"`
	Departments []string   `json:"departments"`
	Attendees   []Attendee `json:"attendees"`
	Recorder    string     `json:"recorder,omitempty"`
}

type goldItem struct {
	No        int        `json:"no"`
	Action    string     `json:"action,omitempty"`
	Title     string     `json:"title"`
	Decisions []Decision `json:"decisions"`
}

func toGolden(src string, m *Minutes) goldenRecord {
	g := goldenRecord{
		Source: src, Title: m.Title, Issuer: m.Issuer, DocNumber: m.DocNumber,
		Published: m.Published, Publisher: m.Publisher, Script: m.Script,
		Meeting: m.Meeting, Chair: m.Chair, Departments: m.Departments,
		Attendees: m.Attendees, Recorder: m.Recorder, Items: []goldItem{},
	}
	for _, it := range m.Items {
		g.Items = append(g.Items, goldItem{No: it.No, Action: it.Action, Title: it.Title, Decisions: it.Decisions})
	}
	return g
}

// pinnedJSON writes the fields of the JSON object full that pinned has, in
// full's order and at every depth of objects (an array is pinned whole),
// indented as the golden files are.
func pinnedJSON(full []byte, pinned map[string]any) ([]byte, error) {
	compact, err := pinnedValue(full, pinned)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, compact, "", " "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// pinnedValue is pinnedJSON for one value, compact.
func pinnedValue(raw json.RawMessage, pin any) ([]byte, error) {
	fields, ok := pin.(map[string]any)
	if !ok || len(bytes.TrimSpace(raw)) == 0 || bytes.TrimSpace(raw)[0] != '{' {
		return raw, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		sub, ok := fields[key]
		if !ok {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		b.Write(k)
		b.WriteByte(':')
		pv, err := pinnedValue(v, sub)
		if err != nil {
			return nil, err
		}
		b.Write(pv)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// TestCorpusGolden compares the records of the files named in
// testdata/golden with the golden records, each checked by reading the
// source text. A golden file pins only the fields it has: a field left out
// was not checked by hand.
func TestCorpusGolden(t *testing.T) {
	root := corpusPath(t, "real")
	e := newTestExtractor(t)
	paths, err := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 15 {
		t.Errorf("%d golden records, want at least 15", len(paths))
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]any
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		src, _ := want["source"].(string)
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(src)))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		m, err := e.ExtractOne(src, data)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if *update {
			// Only the fields the golden pins are rewritten: a field
			// left out was not checked by hand and stays out.
			full, err := json.Marshal(toGolden(src, m))
			if err != nil {
				t.Fatal(err)
			}
			out, err := pinnedJSON(full, want)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, out, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		for _, d := range subsetDiff(src, asJSON(t, toGolden(src, m)), want) {
			t.Error(d)
		}
	}
}
