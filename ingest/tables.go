package ingest

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// The default tables ship in the binary; Config can replace each.
var (
	//go:embed data/departments.tsv
	defaultDepartments []byte
	//go:embed data/issuers.tsv
	defaultIssuers []byte
	//go:embed data/topics.tsv
	defaultTopics []byte
)

// aliasTable maps folded aliases to canonical names, for longest-match
// scanning of text.
type aliasTable struct {
	// byAlias maps a folded alias to its entry.
	byAlias map[string]aliasEntry
	// names holds each canonical name's aliases, by the folded canonical
	// name, in the table's order.
	names map[string][]string
	// byFirst holds the aliases by their first rune, longest first:
	// hanFirst gives the index+1 into groups for the common
	// ideographs, otherFirst for the rest.
	hanFirst   [0xA000 - 0x4E00]uint16
	otherFirst map[rune]int
	groups     [][]aliasMatch
}

// aliasMatch is one alias of an aliasTable's groups.
type aliasMatch struct {
	alias string
	entry aliasEntry
}

// maxAliasRunes is the length, in runes, beyond which longest finds no
// alias.
const maxAliasRunes = 64

type aliasEntry struct {
	canonical string
	// central marks a body that never takes a level prefix.
	central bool
}

// readTSV calls f for each non-comment line of a table: the first column and
// the space-separated words of the second.
func readTSV(r io.Reader, f func(key string, words []string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), " \r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		key, rest, _ := strings.Cut(text, "\t")
		if err := f(strings.TrimSpace(key), strings.Fields(rest)); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

func parseAliasTable(data []byte) (*aliasTable, error) {
	t := newAliasTable()
	err := readTSV(bytes.NewReader(data), func(key string, words []string) error {
		e := aliasEntry{canonical: key}
		if strings.HasPrefix(key, "=") {
			e.central = true
			e.canonical = key[1:]
		}
		if e.canonical == "" {
			return fmt.Errorf("empty name")
		}
		fc := fold.String(e.canonical)
		t.names[fc] = append(t.names[fc], words...)
		for _, a := range append([]string{e.canonical}, words...) {
			t.add(a, e)
		}
		return nil
	})
	if err != nil {
		return t, err
	}
	return t, t.finish()
}

func newAliasTable() *aliasTable {
	return &aliasTable{byAlias: make(map[string]aliasEntry), names: make(map[string][]string), otherFirst: make(map[rune]int)}
}

// add adds an alias of e; the first entry to name an alias keeps it.
func (t *aliasTable) add(alias string, e aliasEntry) {
	fa := fold.String(alias)
	if _, dup := t.byAlias[fa]; dup {
		return
	}
	t.byAlias[fa] = e
	if fa == "" || utf8.RuneCountInString(fa) > maxAliasRunes {
		return
	}
	r, _ := utf8.DecodeRuneInString(fa)
	g := t.group(r)
	if g == 0 {
		t.groups = append(t.groups, nil)
		g = len(t.groups)
		if r >= 0x4E00 && r < 0xA000 {
			t.hanFirst[r-0x4E00] = uint16(g)
		} else {
			t.otherFirst[r] = g
		}
	}
	t.groups[g-1] = append(t.groups[g-1], aliasMatch{fa, e})
}

// finish orders each group longest first, for longest, once every alias
// is added.
func (t *aliasTable) finish() error {
	for _, g := range t.groups {
		sort.SliceStable(g, func(i, j int) bool { return len(g[i].alias) > len(g[j].alias) })
	}
	if len(t.groups) >= 1<<16 {
		return fmt.Errorf("%d first characters of aliases, over the limit of %d", len(t.groups), 1<<16-1)
	}
	return nil
}

// wordTable is an aliasTable of words, each its own entry, for finding any
// of them in one pass over a text (all).
func wordTable(words ...string) *aliasTable {
	t := newAliasTable()
	for _, w := range words {
		t.add(w, aliasEntry{canonical: w})
	}
	if err := t.finish(); err != nil {
		panic(err) // a few words, written in the code
	}
	return t
}

// all yields the byte offset and the entry's name of each occurrence of an
// alias in folded text s, the longest at each offset, going on after it:
// one pass over a text finds them all, where a strings.Index per word
// would pass over it once for each (a Chinese text's bytes start too many
// characters for Index to skip fast).
func (t *aliasTable) all(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := 0; i < len(s); {
			if ent, n, ok := t.longest(s[i:]); ok {
				if !yield(i, ent.canonical) {
					return
				}
				i += n
				continue
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
}

// group returns the index+1 of the group of aliases starting with r, 0 if
// none does.
func (t *aliasTable) group(r rune) int {
	if r >= 0x4E00 && r < 0xA000 {
		return int(t.hanFirst[r-0x4E00])
	}
	return t.otherFirst[r]
}

// longest returns the longest alias that starts s (folded text), and its
// length in bytes.
func (t *aliasTable) longest(s string) (aliasEntry, int, bool) {
	if s == "" {
		return aliasEntry{}, 0, false
	}
	var g int
	if c := s[0]; c < utf8.RuneSelf {
		g = t.group(rune(c))
	} else {
		r, _ := utf8.DecodeRuneInString(s)
		g = t.group(r)
	}
	if g == 0 {
		return aliasEntry{}, 0, false
	}
	for _, a := range t.groups[g-1] {
		if strings.HasPrefix(s, a.alias) {
			return a.entry, len(a.alias), true
		}
	}
	return aliasEntry{}, 0, false
}

// topicKeyword is one keyword of the taxonomy and the class it counts for.
type topicKeyword struct {
	word  string
	class int
}

// topicIndex finds the taxonomy's keywords in one pass over a text: the
// keywords by their first rune, longest first.
// The keywords of a first rune among the common ideographs are found
// through a dense table of index+1 into groups.
type topicIndex struct {
	byRune map[rune][]topicKeyword
	han    *[0xA000 - 0x4E00]uint16
	groups [][]topicKeyword
}

func newTopicIndex(ts []topic) topicIndex {
	ix := topicIndex{byRune: map[rune][]topicKeyword{}, han: new([0xA000 - 0x4E00]uint16)}
	for c, t := range ts {
		for _, k := range t.keywords {
			r, _ := utf8.DecodeRuneInString(k)
			ix.byRune[r] = append(ix.byRune[r], topicKeyword{k, c})
		}
	}
	for r, ks := range ix.byRune {
		sort.SliceStable(ks, func(i, j int) bool { return len(ks[i].word) > len(ks[j].word) })
		if r >= 0x4E00 && r < 0xA000 && len(ix.groups) < 1<<16-1 {
			ix.groups = append(ix.groups, ks)
			ix.han[r-0x4E00] = uint16(len(ix.groups))
		}
	}
	return ix
}

// keywords returns the keywords starting with r, longest first.
func (ix topicIndex) keywords(r rune) []topicKeyword {
	if r >= 0x4E00 && r < 0xA000 {
		if g := ix.han[r-0x4E00]; g != 0 {
			return ix.groups[g-1]
		}
		if len(ix.groups) < 1<<16-1 {
			return nil
		}
	}
	return ix.byRune[r]
}

// count adds weight to scores[class] for each keyword occurrence in text,
// one match per class at a position (its longest keyword).
func (ix topicIndex) count(text string, weight int, scores []int) {
	var seen [32]bool
	for i, r := range text {
		ks := ix.keywords(r)
		if len(ks) == 0 {
			continue
		}
		clear(seen[:])
		for _, k := range ks {
			if k.class < len(seen) && seen[k.class] {
				continue
			}
			if strings.HasPrefix(text[i:], k.word) {
				scores[k.class] += weight
				if k.class < len(seen) {
					seen[k.class] = true
				}
			}
		}
	}
}

// topic is one class of the taxonomy with its folded keywords.
type topic struct {
	label    string
	keywords []string
}

func parseTopics(data []byte) ([]topic, error) {
	var ts []topic
	err := readTSV(bytes.NewReader(data), func(key string, words []string) error {
		t := topic{label: key}
		for _, w := range words {
			t.keywords = append(t.keywords, fold.String(w))
		}
		// Longer keywords first, so that a text counts 道路交通安全 once
		// rather than also as 交通安全 and 交通.
		sort.SliceStable(t.keywords, func(i, j int) bool { return len(t.keywords[i]) > len(t.keywords[j]) })
		ts = append(ts, t)
		return nil
	})
	return ts, err
}
