package ingest

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeRealCorpus decodes every file of the real corpus: each gives
// valid UTF-8 text with Han characters, or a sentinel error saying why not.
func TestDecodeRealCorpus(t *testing.T) {
	root := corpusPath(t, "real")
	// Files known not to decode, with the reason.
	wantErr := map[string]error{
		"tw-taichung-council-pdf/tccc-0001.pdf": ErrNoTextLayer,
	}
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || d.Name() == "MANIFEST.tsv" || d.Name() == "README.md" {
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no corpus files")
	}
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Decode(filepath.Base(path), data, DecodeOptions{})
			if want, ok := wantErr[rel]; ok || err != nil {
				if !errors.Is(err, want) || want == nil {
					t.Fatalf("Decode(%s) error = %v, want %v", rel, err, want)
				}
				t.Logf("%s: %v", rel, err)
				return
			}
			if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
				t.Errorf("Decode(%s): invalid UTF-8", rel)
			}
			if hanCount(doc.Text) < 50 {
				t.Errorf("Decode(%s): text has %d Han characters: %.200q", rel, hanCount(doc.Text), doc.Text)
			}
			if doc.Title == "" {
				t.Errorf("Decode(%s): empty title", rel)
			}
			t.Logf("%s: format=%s enc=%s title=%q published=%s han=%d", rel, doc.Format, doc.Encoding, doc.Title, doc.Published, hanCount(doc.Text))
		})
	}
}

func TestDecodeDetectsFormat(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"a.txt", "会议纪要\n一、听取汇报", FormatText},
		{"a.md", "会议纪要\n一、听取汇报", FormatMarkdown},
		{"a", "# 会议纪要\n\n一、听取汇报", FormatMarkdown},
		{"a.txt", "# 会议纪要\n\n一、听取汇报", FormatText},
		{"a.txt", "<html><body><p>会议纪要</p></body></html>", FormatHTML},
		{"a.md", "<!DOCTYPE html><html><body><p>会议纪要</p></body></html>", FormatHTML},
		{"a.txt", `{"title":"会议纪要","content":"一、听取汇报"}`, FormatJSON},
		{"a.html", "会议纪要<br>一、听取汇报", FormatHTML},
		{"a", "{会议纪要}", FormatText},
	}
	for _, tt := range tests {
		doc, err := Decode(tt.name, []byte(tt.in), DecodeOptions{})
		if err != nil {
			t.Errorf("Decode(%q, %q): %v", tt.name, tt.in, err)
			continue
		}
		if doc.Format != tt.want {
			t.Errorf("Decode(%q, %q).Format = %q, want %q", tt.name, tt.in, doc.Format, tt.want)
		}
	}
}

func TestDecodePlainText(t *testing.T) {
	got, err := Decode("a.txt", []byte("\uFEFF\r\n  苏州市人民政府常务会议纪要 \r\n\r\n第36号\r一、会议听取\n"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Document{
		Format:   FormatText,
		Encoding: encUTF8,
		Title:    "苏州市人民政府常务会议纪要",
		Text:     "  苏州市人民政府常务会议纪要\n\n第36号\n一、会议听取",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Decode plain text (-got +want):\n%s", diff)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte(" \r\n\t\n"), ErrEmpty},
		{"a.zip", []byte("PK\x03\x04garbage"), ErrUnsupported},
		{"a.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), ErrUnsupported},
		{"a.bin", []byte("abc\x00def\x00ghi\x01\x02\x03\x04"), ErrUnsupported},
		{"a.pdf", []byte("%PDF-1.4\ngarbage"), ErrUnsupported},
		{"a.json", []byte(`{"other": 1}`), ErrEmpty},
	}
	for _, tt := range tests {
		_, err := Decode(tt.name, tt.in, DecodeOptions{})
		if !errors.Is(err, tt.want) {
			t.Errorf("Decode(%q) error = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestDecodeLargeInputs(t *testing.T) {
	const size = 10 << 20
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, size)
	for i := range random {
		random[i] = byte(rng.Uint32()%255) + 1 // no NUL: exercise encoding detection
	}
	line := "会议原则同意《苏州市城市更新试点工作方案》，由市住建局牵头。\n"
	text := []byte(strings.Repeat(line, size/len(line)))
	// The markup formats parse far slower under the race detector; 2 MB of
	// them is enough to show the work is linear.
	small := text[:(2<<20)/len(line)*len(line)]
	for _, tt := range []struct {
		name string
		in   []byte
	}{
		{"random.bin", random},
		{"random.txt", random[:size/2]},
		{"big.txt", text},
		{"big.html", append([]byte("<html><body><div class=\"content\">"), small...)},
		{"big.md", append([]byte("# 标题\n"), small...)},
		{"big.json", []byte(`{"title":"t","content":"` + strings.ReplaceAll(string(small), "\n", `\n`) + `"}`)},
	} {
		start := time.Now()
		doc, err := Decode(tt.name, tt.in, DecodeOptions{})
		t.Logf("Decode(%s, %d bytes) took %v", tt.name, len(tt.in), time.Since(start))
		if err != nil {
			t.Logf("Decode(%s): %.200v", tt.name, err)
			continue
		}
		if !utf8.ValidString(doc.Text) {
			t.Errorf("Decode(%s): invalid UTF-8", tt.name)
		}
	}
}

// A document of maxTextLines lines is read; one line more is refused as
// over a limit, and so is a record of a feed, named by its number.
func TestDecodeLines(t *testing.T) {
	lines := func(n int) string { return strings.Repeat("会议纪要\r\n", n) }
	feed := func(n int) []byte {
		return []byte(`[{"title":"一","text":"会议纪要"},{"title":"二","text":"` + strings.ReplaceAll(lines(n), "\r\n", `\n`) + `"}]`)
	}
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"a.txt", []byte(lines(maxTextLines)), ""},
		{"a.txt", []byte(lines(maxTextLines + 1)), "decode a.txt: document has more than 20000 lines of text; split it: over a work limit"},
		{"a.txt", []byte("\n\n" + lines(maxTextLines) + "\n\n"), ""}, // blank lines at the ends are no part of the text
		{"a.md", []byte("# 标题\n" + lines(maxTextLines)), "decode a.md: document has more than 20000 lines of text; split it: over a work limit"},
		{"a.json", feed(maxTextLines), ""},
		{"a.json", feed(maxTextLines + 1), "decode a.json: JSON record 2 has more than 20000 lines of text; split it: over a work limit"},
	} {
		docs, err := DecodeAll(tc.name, tc.in, DecodeOptions{})
		if tc.want == "" {
			if err != nil || len(docs) == 0 {
				t.Errorf("DecodeAll(%s of %d bytes) = %d documents, %v; want them read", tc.name, len(tc.in), len(docs), err)
			}
			continue
		}
		if !errors.Is(err, ErrLimit) || err.Error() != tc.want {
			t.Errorf("DecodeAll(%s of %d bytes) error = %v, want %q (ErrLimit)", tc.name, len(tc.in), err, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("苏州市人民政府常务会议纪要\n一、会议听取"), "a.txt")
	f.Add([]byte("<html><head><title>t</title></head><body><p>会议</p></body></html>"), "a.html")
	f.Add([]byte(`{"title":"会议","content":"<p>一</p>"}`), "a.json")
	f.Add([]byte("# 会议\n\n- 一\n```json\n{}\n```\n"), "a.md")
	f.Add([]byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"), "a.pdf")
	f.Add([]byte("PK\x03\x04"), "a.docx")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		docs, err := DecodeAll(name, data, DecodeOptions{})
		if err != nil {
			return
		}
		for _, d := range docs {
			if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
				t.Fatalf("DecodeAll(%q): invalid UTF-8 in %q", name, d.Text)
			}
			if d.Text == "" {
				t.Fatalf("DecodeAll(%q): empty text without error", name)
			}
		}
	})
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"a\nb", "a \nb", "\n\nx\n", "\u00adx", "\u0085", "\ufeffx", "x\u200b", "a\r\nb", "\xff", "a\t", "\t\nb", "é\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanText(s), cleanSlow(s); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", s, got, want)
		}
	})
}
