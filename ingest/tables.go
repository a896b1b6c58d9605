package ingest

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
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
	// maxRunes is the length of the longest alias, in runes.
	maxRunes int
	// starts holds the first two runes of every alias (the second zero
	// for a one-rune alias), to pass over most positions of a text at
	// once.
	starts map[[2]rune]bool
	// hanFirst marks the first runes of aliases among the common
	// ideographs, a cheaper test than starts for most positions.
	hanFirst [0xA000 - 0x4E00]bool
}

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
	t := &aliasTable{byAlias: make(map[string]aliasEntry), starts: make(map[[2]rune]bool)}
	err := readTSV(bytes.NewReader(data), func(key string, words []string) error {
		e := aliasEntry{canonical: key}
		if strings.HasPrefix(key, "=") {
			e.central = true
			e.canonical = key[1:]
		}
		if e.canonical == "" {
			return fmt.Errorf("empty name")
		}
		for _, a := range append([]string{e.canonical}, words...) {
			fa := fold.String(a)
			if _, dup := t.byAlias[fa]; dup {
				continue // the first line that names an alias wins
			}
			t.byAlias[fa] = e
			two := firstTwo(fa)
			t.starts[two] = true
			if two[0] >= 0x4E00 && two[0] < 0xA000 {
				t.hanFirst[two[0]-0x4E00] = true
			}
			if n := len([]rune(fa)); n > t.maxRunes {
				t.maxRunes = n
			}
		}
		return nil
	})
	return t, err
}

// longest returns the longest alias that starts s (folded text), and its
// length in bytes.
func (t *aliasTable) longest(s string) (aliasEntry, int, bool) {
	if s == "" {
		return aliasEntry{}, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s); r >= 0x4E00 && r < 0xA000 && !t.hanFirst[r-0x4E00] {
		return aliasEntry{}, 0, false
	}
	two := firstTwo(s)
	if !t.starts[two] && !t.starts[[2]rune{two[0], 0}] {
		return aliasEntry{}, 0, false
	}
	// The byte ends of the first maxRunes runes, longest tried first.
	var buf [64]int
	ends := buf[:0]
	for i := range s {
		if i > 0 {
			ends = append(ends, i)
		}
		if len(ends) >= t.maxRunes || len(ends) == len(buf) {
			break
		}
	}
	if len(ends) < t.maxRunes && len(ends) < len(buf) {
		ends = append(ends, len(s))
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if e, ok := t.byAlias[s[:ends[k]]]; ok {
			return e, ends[k], true
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
type topicIndex map[rune][]topicKeyword

func newTopicIndex(ts []topic) topicIndex {
	ix := topicIndex{}
	for c, t := range ts {
		for _, k := range t.keywords {
			r, _ := utf8.DecodeRuneInString(k)
			ix[r] = append(ix[r], topicKeyword{k, c})
		}
	}
	for r := range ix {
		ks := ix[r]
		sort.SliceStable(ks, func(i, j int) bool { return len(ks[i].word) > len(ks[j].word) })
	}
	return ix
}

// count adds weight to scores[class] for each keyword occurrence in text,
// one match per class at a position (its longest keyword).
func (ix topicIndex) count(text string, weight int, scores []int) {
	var seen [32]bool
	for i, r := range text {
		ks := ix[r]
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

// firstTwo returns the first two runes of s, zero where s is shorter.
func firstTwo(s string) [2]rune {
	var k [2]rune
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return k
	}
	k[0] = r
	if n < len(s) {
		k[1], _ = utf8.DecodeRuneInString(s[n:])
	}
	return k
}
