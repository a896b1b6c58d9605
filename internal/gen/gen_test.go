package gen

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	gocmp "github.com/google/go-cmp/cmp"
)

func TestDeterministic(t *testing.T) {
	a, b := New(7), New(7)
	for range 50 {
		da, db := a.Next(), b.Next()
		if diff := gocmp.Diff(da, db); diff != "" {
			t.Fatalf("%s: two generators with seed 7 differ (-first +second):\n%s", da.Name, diff)
		}
	}
	if bytes.Equal(New(7).Doc(3).Text, New(8).Doc(3).Text) {
		t.Errorf("seeds 7 and 8 give the same Doc(3)")
	}
	if bytes.Equal(New(7).Doc(3).Text, New(7).Doc(4).Text) {
		t.Errorf("Doc(3) and Doc(4) are the same")
	}
}

func TestDocRandomAccess(t *testing.T) {
	const n = 40
	seq := New(11)
	want := make([]Doc, n)
	for i := range want {
		want[i] = seq.Next()
	}
	g := New(11)
	got := make([]Doc, n)
	var wg sync.WaitGroup
	for i := n - 1; i >= 0; i-- {
		wg.Go(func() { got[i] = g.Doc(i) })
	}
	wg.Wait()
	for i := range n {
		if diff := gocmp.Diff(got[i], want[i]); diff != "" {
			t.Errorf("Doc(%d) concurrently and out of order differs from the %dth Next (-got +want):\n%s", i, i, diff)
		}
	}
}

func TestStructure(t *testing.T) {
	g := New(1)
	first, last := firstDay.Format(time.DateOnly), lastDay.Format(time.DateOnly)
	for i := range 300 {
		d := g.Doc(i)
		text := string(d.Text)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("%s: %s\n%s", d.Name, fmt.Sprintf(format, args...), text)
		}
		if !utf8.Valid(d.Text) {
			fail("invalid UTF-8")
		}
		if n := len(d.Text); n < 2000 || n > 12000 {
			fail("size %d bytes, want 2000 to 12000", n)
		}
		lines := strings.Split(strings.TrimLeft(text, "\n"), "\n")
		if want := d.Issuer + " " + d.Meeting.Kind + "纪要"; lines[0] != want {
			fail("header %q, want %q", lines[0], want)
		}
		if lines[2] != d.DocNumber {
			fail("doc number line %q, want %q", lines[2], d.DocNumber)
		}
		if n := len(d.Items); n < 3 || n > 7 {
			fail("%d items, want 3 to 7", n)
		}
		var headings []string
		for _, l := range lines {
			for k := 1; k <= 9; k++ {
				if strings.HasPrefix(l, cnNum(k)+"、") {
					headings = append(headings, l)
				}
			}
		}
		if len(headings) != len(d.Items) {
			fail("%d numbered headings, want %d", len(headings), len(d.Items))
		}
		for k, it := range d.Items {
			if it.No != k+1 {
				fail("item %d has No %d", k+1, it.No)
			}
			if k < len(headings) && headings[k] != cnNum(k+1)+"、"+it.Title {
				fail("heading %d is %q, want %q", k+1, headings[k], cnNum(k+1)+"、"+it.Title)
			}
			if !strings.Contains(text, "（一）") {
				fail("no sub-point （一）")
			}
			for _, dec := range it.Decisions {
				if !slices.Contains(it.Departments, dec.Lead) {
					fail("item %d: lead %q not among its departments %q", it.No, dec.Lead, it.Departments)
				}
				if !strings.Contains(text, "由"+dec.Lead) {
					fail("item %d: text does not put %q in charge", it.No, dec.Lead)
				}
			}
			if it.Plan != "" && !strings.Contains(it.Title, "《"+it.Plan+"》") {
				fail("item %d: plan %q not in title %q", it.No, it.Plan, it.Title)
			}
		}
		if !strings.Contains(text, "\n出席:") && !strings.Contains(text, "\n出席：") {
			fail("no 出席 line")
		}
		if !strings.Contains(text, d.Chair.Name+d.Chair.Title+"主持召开") {
			fail("chair %v not in the opening", d.Chair)
		}
		if !strings.Contains(text, "记录："+d.Recorder+"\n") {
			fail("no recorder line for %q", d.Recorder)
		}
		if d.Attendees[0].Name != d.Chair.Name && d.Meeting.Kind != KindStanding && d.Meeting.Kind != KindPlenary {
			fail("first attendee %q is not the chair %q", d.Attendees[0].Name, d.Chair.Name)
		}
		flat := strings.ReplaceAll(text, "\n", "")
		for _, a := range d.Attendees {
			if !strings.Contains(flat, a.Org+a.Name) {
				fail("attendee %v not in the text", a)
			}
		}
		if d.Meeting.Date < first || d.Meeting.Date > last {
			fail("meeting date %s outside %s to %s", d.Meeting.Date, first, last)
		}
		if d.Published <= d.Meeting.Date {
			fail("published %s, not after the meeting %s", d.Published, d.Meeting.Date)
		}
	}
}

// Wrapping changes only where the line breaks are.
func TestWrapAt(t *testing.T) {
	plain, wrapped := New(3), New(3, WrapAt(40))
	for i := range 100 {
		p, w := plain.Doc(i), wrapped.Doc(i)
		if diff := gocmp.Diff(p, w, gocmp.FilterPath(func(p gocmp.Path) bool { return p.Last().String() == ".Text" }, gocmp.Ignore())); diff != "" {
			t.Fatalf("Doc(%d): wrapping changed the truth:\n%s", i, diff)
		}
		strip := func(b []byte) string { return strings.ReplaceAll(string(b), "\n", "") }
		if strip(p.Text) != strip(w.Text) {
			t.Fatalf("Doc(%d): wrapped text differs from plain text beyond line breaks", i)
		}
		for l := range strings.Lines(string(w.Text)) {
			l = strings.TrimSuffix(l, "\n")
			if strings.ContainsAny(l[:min(len(l), 3)], noLineStart) {
				t.Fatalf("Doc(%d): line starts with punctuation: %q", i, l)
			}
			// Closing punctuation may hang past the width.
			if n := utf8.RuneCountInString(strings.TrimRight(l, noLineStart)); n > 40 {
				t.Fatalf("Doc(%d): line of %d characters: %q", i, n, l)
			}
		}
	}
}

// A plan's stages advance with the meeting date, and plans recur.
func TestPlanHistory(t *testing.T) {
	type mention struct {
		date, stage string
	}
	history := map[string][]mention{}
	g := New(5)
	for i := range 3000 {
		d := g.Doc(i)
		for _, it := range d.Items {
			if it.Plan != "" {
				key := d.Issuer + "|" + it.Plan
				history[key] = append(history[key], mention{d.Meeting.Date, it.Stage})
			}
		}
	}
	rank := map[string]int{StageStudy: 0, StageReview: 1, StageApproved: 2, StagePassed: 3}
	recurring := 0
	for key, ms := range history {
		slices.SortFunc(ms, func(a, b mention) int { return cmp.Compare(a.date, b.date) })
		for k := 1; k < len(ms); k++ {
			if rank[ms[k].stage] < rank[ms[k-1].stage] {
				t.Errorf("%s: stage %s on %s after %s on %s", key, ms[k].stage, ms[k].date, ms[k-1].stage, ms[k-1].date)
			}
		}
		if len(ms) >= 3 && ms[0].stage != ms[len(ms)-1].stage {
			recurring++
		}
	}
	if recurring < 20 {
		t.Errorf("%d plans recur at more than one stage in 3000 documents, want at least 20", recurring)
	}
}

// Words drawn from the vocabulary follow their corpus frequencies: a long
// tail, and no word that crowds out the rest.
func TestVocabularySpread(t *testing.T) {
	r := New(0).rand(0)
	for name, s := range map[string]*sampler{"noun": vocab.noun, "verb": vocab.verb} {
		counts := map[string]int{}
		const draws = 200000
		for range draws {
			counts[s.draw(r)]++
		}
		top := 0
		for _, c := range counts {
			top = max(top, c)
		}
		if share := float64(top) / draws; share < 0.002 || share > 0.05 {
			t.Errorf("%s: top word has %.2f%% of draws, want 0.2%% to 5%%", name, 100*share)
		}
		if len(counts) < len(s.words)/3 {
			t.Errorf("%s: %d distinct words of %d in %d draws", name, len(counts), len(s.words), draws)
		}
	}

	// In the documents, no two-character sequence dominates.
	bigrams := map[string]int{}
	total := 0
	g := New(9)
	for i := range 200 {
		var prev rune
		for _, c := range string(g.Doc(i).Text) {
			if unicode.Is(unicode.Han, c) && unicode.Is(unicode.Han, prev) {
				bigrams[string([]rune{prev, c})]++
				total++
			}
			prev = c
		}
	}
	top, topBigram := 0, ""
	for b, c := range bigrams {
		if c > top || (c == top && b < topBigram) {
			top, topBigram = c, b
		}
	}
	if share := float64(top) / float64(total); share > 0.03 {
		t.Errorf("bigram %q has %.2f%% of all, want at most 3%%", topBigram, 100*share)
	}
	if len(bigrams) < 8000 {
		t.Errorf("%d distinct Han bigrams in 200 documents, want at least 8000", len(bigrams))
	}
}

func TestHardWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"市财政局吴炜 市人社局朱正", 6, "市财政局吴炜\n市人社局朱正"},
		{"市财政局吴炜 市人社局朱正", 5, "市财政局吴\n炜 市人社\n局朱正"},
		{"市财政局吴 市人社局朱正", 6, "市财政局吴\n市人社局朱正"},
		{"市委宣传部刘纯", 5, "市委宣传部\n刘纯"},
		{"ab", 5, "ab"},
	}
	for _, tt := range tests {
		if got := hardWrap(tt.in, tt.width); got != tt.want {
			t.Errorf("hardWrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestCnNum(t *testing.T) {
	for n, want := range map[int]string{1: "一", 7: "七", 10: "十", 12: "十二", 20: "二十", 35: "三十五"} {
		if got := cnNum(n); got != want {
			t.Errorf("cnNum(%d) = %q, want %q", n, got, want)
		}
	}
}
