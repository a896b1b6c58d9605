// Package fold maps Chinese text to the one form that matching works on:
// NFKC (which also folds full-width letters, digits and punctuation to
// half-width and CJK compatibility ideographs to unified ones), zero-width
// characters removed, Latin lower-cased, and traditional characters (with
// their Taiwan and Hong Kong variants) folded to simplified by OpenCC's
// character tables.
//
// Folding is done rune by rune so that every output byte can be traced back
// to the input rune it came from (see Offsets): the index highlights matches
// found in folded text on the document's own characters.
//
// It is shared by ingest and index and is not a public API.
package fold

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

var (
	//go:embed data/TSCharacters.txt
	tsCharacters []byte
	//go:embed data/TWVariantsRev.txt
	twVariantsRev []byte
	//go:embed data/HKVariantsRev.txt
	hkVariantsRev []byte
)

// Dense table over the BMP ideograph blocks, where almost all folding
// happens; a map for the rest.
const (
	denseLo = 0x3400
	denseHi = 0xA000
	// Tables also cover punctuation and symbols below the ideographs,
	// and compatibility ideographs, presentation and full-width forms
	// above them.
	lowLo  = 0x80
	highLo = 0xF900
	highHi = 0x10000
)

// Markers in tables.other.
const (
	// dropped marks an ignorable rune, which folds to nothing.
	dropped rune = -1
	// several marks a rune that folds to more than one (㈱ → (株)).
	several rune = -2
)

type tables struct {
	dense  [denseHi - denseLo]rune
	sparse map[rune]rune
	// simplified holds the characters some traditional form folds to
	// while differing from it; simpDense the same over the dense range.
	simplified map[rune]bool
	simpDense  [denseHi - denseLo]bool
	// low and high hold the folding of the runes below and above the
	// dense range: the one rune a rune folds to, or dropped or several.
	low  [denseLo - lowLo]rune
	high [highHi - highLo]rune
}

// other returns the entry of tables.low or tables.high for r, and false
// for a rune neither covers.
func (t *tables) other(r rune) (rune, bool) {
	switch {
	case r >= lowLo && r < denseLo:
		return t.low[r-lowLo], true
	case r >= highLo && r < highHi:
		return t.high[r-highLo], true
	}
	return 0, false
}

var (
	loadOnce sync.Once
	tab      *tables
)

func load() *tables {
	loadOnce.Do(func() {
		t := &tables{sparse: make(map[rune]rune), simplified: make(map[rune]bool)}
		set := func(from, to rune) {
			if from >= denseLo && from < denseHi {
				t.dense[from-denseLo] = to
				return
			}
			t.sparse[from] = to
		}
		// Variants first, so that a variant maps to its standard
		// traditional form, then the standard form to simplified.
		variants := map[rune]rune{}
		for _, data := range [][]byte{twVariantsRev, hkVariantsRev} {
			parseTable(data, func(from, to rune) { variants[from] = to })
		}
		ts := map[rune]rune{}
		parseTable(tsCharacters, func(from, to rune) { ts[from] = to })
		for from, to := range ts {
			set(from, to)
			if from != to {
				t.simplified[to] = true
				if to >= denseLo && to < denseHi {
					t.simpDense[to-denseLo] = true
				}
			}
		}
		for from, to := range variants {
			if s, ok := ts[to]; ok {
				to = s
			}
			set(from, to)
		}
		tab = t
		entry := func(r rune) rune {
			if IsIgnorable(r) {
				return dropped
			}
			if rs := t.foldOther(string(r)); len(rs) == 1 {
				return rs[0]
			}
			return several
		}
		for r := rune(lowLo); r < denseLo; r++ {
			t.low[r-lowLo] = entry(r)
		}
		for r := rune(highLo); r < highHi; r++ {
			t.high[r-highLo] = entry(r)
		}
	})
	return tab
}

// parseTable reads OpenCC's "from<TAB>to [to…]" lines, single characters
// only, taking the first target.
func parseTable(data []byte, f func(from, to rune)) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		from, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		to, _, _ := strings.Cut(rest, " ")
		fr, n := utf8.DecodeRuneInString(from)
		tr, m := utf8.DecodeRuneInString(to)
		if n != len(from) || m != len(to) || fr == utf8.RuneError || tr == utf8.RuneError {
			continue
		}
		f(fr, tr)
	}
}

// IsIgnorable reports whether r is dropped by folding: zero-width
// characters, joiners, the byte-order mark and the soft hyphen.
func IsIgnorable(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
		return true
	}
	return false
}

// Simplify maps one character to simplified script, leaving anything that is
// not a traditional form as it is.
func Simplify(r rune) rune { return load().simplify(r) }

func (t *tables) simplify(r rune) rune {
	if r >= denseLo && r < denseHi {
		if s := t.dense[r-denseLo]; s != 0 {
			return s
		}
		return r
	}
	if s, ok := t.sparse[r]; ok {
		return s
	}
	return r
}

// IsSimplified reports whether r is a simplified form that differs from a
// traditional character folded to it (会, 议, 门), as opposed to a character
// both scripts share.
func IsSimplified(r rune) bool {
	t := load()
	if r >= denseLo && r < denseHi {
		return t.simpDense[r-denseLo]
	}
	return t.simplified[r]
}

// IsTraditional reports whether r is a traditional form that folds to a
// different simplified character.
func IsTraditional(r rune) bool { return Simplify(r) != r }

// String returns the folded form of s.
func String(s string) string {
	if unchanged(s) {
		return s
	}
	out, _ := fold(s, false)
	return out
}

// Key is the form a name or keyword is compared by: folded, with all white
// space removed, so that 高雄市議會, 高雄市议会 and 高雄市 议会 are one key.
func Key(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, String(s))
}

// Offsets returns the folded form of s and, for every byte of it, the byte
// offset in s of the rune it came from; the slice has one more entry, len(s),
// so that an end offset maps too.
func Offsets(s string) (string, []int) {
	return fold(s, true)
}

// unchanged reports whether folding leaves s as it is, which for text that
// is simplified already (most of it) saves building a copy.
func unchanged(s string) bool {
	t := load()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case size == 1:
			return false // invalid UTF-8, folded to U+FFFD
		case r >= denseLo && r < denseHi:
			if m := t.dense[r-denseLo]; m != 0 && m != r {
				return false
			}
		default:
			if m, ok := t.other(r); !ok || m != r {
				return false
			}
		}
	}
	return true
}

func fold(s string, withOffsets bool) (string, []int) {
	t := load()
	b := make([]byte, 0, len(s))
	var offs []int
	if withOffsets {
		offs = make([]int, 0, len(s)+1)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			if withOffsets {
				offs = append(offs, i)
			}
			i++
			continue
		}
		if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+3000-U+9FFF, the bulk of Chinese text: the dense
			// range is decoded and encoded in place when it folds
			// to a rune of three bytes, as nearly all of it does.
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= denseLo {
				if m := t.dense[r-denseLo]; m != 0 {
					if m < 0x800 || m >= 0x10000 || m >= 0xD800 && m < 0xE000 {
						goto general // not three bytes
					}
					r = m
				}
				b = append(b, byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
				if withOffsets {
					offs = append(offs, i, i, i)
				}
				i += 3
				continue
			}
		}
	general:
		r, size := utf8.DecodeRuneInString(s[i:])
		at := i
		i += size
		switch {
		case size == 1: // invalid UTF-8: r is utf8.RuneError
		case r >= denseLo && r < denseHi:
			if m := t.dense[r-denseLo]; m != 0 {
				r = m
			}
		default:
			m, ok := t.other(r)
			switch {
			case ok && m == dropped, !ok && IsIgnorable(r):
				continue
			case ok && m != several:
				r = m
			default:
				for _, c := range t.foldOther(s[at:i]) {
					b = utf8.AppendRune(b, c)
				}
				if withOffsets {
					for len(offs) < len(b) {
						offs = append(offs, at)
					}
				}
				continue
			}
		}
		n := len(b)
		b = utf8.AppendRune(b, r)
		if withOffsets {
			for range len(b) - n {
				offs = append(offs, at)
			}
		}
	}
	if withOffsets {
		offs = append(offs, len(s))
	}
	if len(b) == 0 {
		return "", offs
	}
	return unsafe.String(&b[0], len(b)), offs
}

// foldOther folds a rune outside ASCII and the dense ideograph blocks: NFKC,
// space folding, lower case, then the script tables.
func (t *tables) foldOther(src string) []rune {
	r, _ := utf8.DecodeRuneInString(src)
	switch {
	case unicode.IsSpace(r):
		return []rune{' '}
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFEE0
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return []rune{r}
	case norm.NFKC.QuickSpanString(src) == len(src):
		return []rune{t.simplify(unicode.ToLower(r))}
	}
	n := norm.NFKC.String(src)
	out := make([]rune, 0, 2)
	for _, c := range n {
		switch {
		case IsIgnorable(c):
			continue
		case unicode.IsSpace(c):
			c = ' '
		default:
			c = unicode.ToLower(c)
			c = t.simplify(c)
		}
		out = append(out, c)
	}
	return out
}
