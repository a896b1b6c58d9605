package fold

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"財政局", "财政局"},
		{"高雄市議會", "高雄市议会"},
		{"立法會會議過程正式紀錄", "立法会会议过程正式纪录"},
		{"臺北市議會", "台北市议会"},
		{"２０２０年１１月", "2020年11月"},
		{"ＡＢＣ abc", "abc abc"},
		{"〔2020〕36号", "〔2020〕36号"},
		{"（一）原则同意", "(一)原则同意"},
		{"市\u200d政府", "市政府"},
		{"\ufeff苏州", "苏州"},
		{"李\u3000新", "李 新"},
		{"\uf9d1", "六"}, // CJK compatibility ideograph
		{"⼀", "一"},      // Kangxi radical
		{"僞造", "伪造"},
		{"偽造", "伪造"}, // Taiwan variant
		{"原则同意", "原则同意"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	in := "立法會\u200d２０號"
	got, offs := Offsets(in)
	if want := "立法会20号"; got != want {
		t.Fatalf("Offsets(%q) text = %q, want %q", in, got, want)
	}
	if len(offs) != len(got)+1 {
		t.Fatalf("len(offs) = %d, want %d", len(offs), len(got)+1)
	}
	// Map each folded rune back to the original rune.
	var back []string
	for i := 0; i < len(got); {
		_, n := utf8.DecodeRuneInString(got[i:])
		start := offs[i]
		end := offs[i+n]
		back = append(back, in[start:end])
		i += n
	}
	// The zero-width joiner is dropped, so it is swallowed into the span
	// of 會 (between 會 and the next output rune).
	want := []string{"立", "法", "會\u200d", "２", "０", "號"}
	if diff := cmp.Diff(back, want); diff != "" {
		t.Errorf("spans of %q (-got +want):\n%s", in, diff)
	}
	if offs[len(got)] != len(in) {
		t.Errorf("end offset = %d, want %d", offs[len(got)], len(in))
	}
}

func TestIsTraditional(t *testing.T) {
	for _, r := range "會議錄臺" {
		if !IsTraditional(r) {
			t.Errorf("IsTraditional(%q) = false", r)
		}
	}
	for _, r := range "会议录苏州市" {
		if IsTraditional(r) {
			t.Errorf("IsTraditional(%q) = true", r)
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"財政局", "２０２０", "\u200d", "\xff\xfe", "㈠㍻"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, offs := Offsets(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Offsets(%q) = %q: invalid UTF-8", s, got)
		}
		if len(offs) != len(got)+1 {
			t.Fatalf("Offsets(%q): %d offsets for %d bytes", s, len(offs), len(got))
		}
		for i := 1; i < len(offs); i++ {
			if offs[i] < offs[i-1] || offs[i] > len(s) {
				t.Fatalf("Offsets(%q): offsets not monotonic within bounds: %v", s, offs)
			}
		}
		if String(s) != got {
			t.Fatalf("String and Offsets disagree on %q", s)
		}
		if want, wantOffs := slowOffsets(s); got != want || !slices.Equal(offs, wantOffs) {
			t.Fatalf("Offsets(%q) = %q, %v; rune by rune %q, %v", s, got, offs, want, wantOffs)
		}
	})
}

func BenchmarkString(b *testing.B) {
	text := strings.Repeat("2020年11月2日上午，李亚平市长主持召开市政府第115次常务会议。臺北市議會第11屆定期大會（ＡＢＣ）。", 1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		String(text)
	}
}

// slowOffsets folds s rune by rune the plain way, with every rune outside
// ASCII and the dense ideograph blocks going through foldOther: the
// reference the table-driven fold must agree with.
func slowOffsets(s string) (string, []int) {
	t := load()
	var b []byte
	var offs []int
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		at := i
		i += size
		var out []rune
		switch {
		case r < utf8.RuneSelf:
			out = []rune{unicode.ToLower(r)}
		case r >= denseLo && r < denseHi:
			out = []rune{t.simplify(r)}
		case r == utf8.RuneError && size == 1:
			out = []rune{utf8.RuneError}
		case IsIgnorable(r):
		default:
			out = t.foldOther(s[at:i])
		}
		for _, c := range out {
			n := len(b)
			b = utf8.AppendRune(b, c)
			for range len(b) - n {
				offs = append(offs, at)
			}
		}
	}
	return string(b), append(offs, len(s))
}

func TestEveryRune(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		s := string(r)
		all.WriteString(s)
		want, wantOffs := slowOffsets(s)
		got, offs := Offsets(s)
		if got != want || !slices.Equal(offs, wantOffs) {
			t.Fatalf("Offsets(%q) = %q, %v; want %q, %v", s, got, offs, want, wantOffs)
		}
		if got := String(s); got != want {
			t.Fatalf("String(%q) = %q, want %q", s, got, want)
		}
	}
	s := all.String() + "\xff\xfe a\u200dＢ"
	want, wantOffs := slowOffsets(s)
	got, offs := Offsets(s)
	if got != want || !slices.Equal(offs, wantOffs) {
		t.Fatalf("Offsets of every rune in one string disagree with the rune-by-rune folding")
	}
	if String(s) != want {
		t.Fatalf("String of every rune in one string disagrees with the rune-by-rune folding")
	}
}
