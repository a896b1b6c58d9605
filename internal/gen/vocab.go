package gen

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

//go:embed data/words.txt
var wordsTxt []byte

// Parts of speech kept in data/words.txt (jieba's tag set).
const (
	posNoun       = "n"
	posVerb       = "v"
	posVerbalNoun = "vn"
	posAdj        = "a"
	posAdverbial  = "ad"
	posAdverb     = "d"
)

// sampler draws words with probability proportional to their corpus
// frequency.
type sampler struct {
	words []string
	cum   []uint64 // cumulative frequencies
}

func (s *sampler) add(w string, f uint64) {
	var prev uint64
	if n := len(s.cum); n > 0 {
		prev = s.cum[n-1]
	}
	s.words = append(s.words, w)
	s.cum = append(s.cum, prev+f)
}

func (s *sampler) draw(r *rand.Rand) string {
	x := r.Uint64N(s.cum[len(s.cum)-1])
	i := sort.Search(len(s.cum), func(i int) bool { return s.cum[i] > x })
	return s.words[i]
}

// vocabulary holds one sampler per part of speech.
type vocabulary struct {
	noun, verb, verbalNoun, adj, adverb *sampler
}

// vocab is parsed once from the embedded list; it is read-only afterwards.
var vocab = mustParseVocabulary(wordsTxt)

func mustParseVocabulary(b []byte) *vocabulary {
	v, err := parseVocabulary(b)
	if err != nil {
		panic(err)
	}
	return v
}

func parseVocabulary(b []byte) (*vocabulary, error) {
	v := &vocabulary{
		noun: &sampler{}, verb: &sampler{}, verbalNoun: &sampler{},
		adj: &sampler{}, adverb: &sampler{},
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			return nil, fmt.Errorf("words.txt line %d: want word, frequency and tag, got %q", n, sc.Text())
		}
		freq, err := strconv.ParseUint(f[1], 10, 64)
		if err != nil || freq == 0 {
			return nil, fmt.Errorf("words.txt line %d: bad frequency %q", n, f[1])
		}
		if namesBodyOrDecision(f[0]) {
			continue
		}
		switch f[2] {
		case posNoun:
			v.noun.add(f[0], freq)
		case posVerb:
			v.verb.add(f[0], freq)
		case posVerbalNoun:
			v.verbalNoun.add(f[0], freq)
		case posAdj:
			v.adj.add(f[0], freq)
		case posAdverbial, posAdverb:
			v.adverb.add(f[0], freq)
		default:
			return nil, fmt.Errorf("words.txt line %d: unknown tag %q", n, f[2])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, s := range []*sampler{v.noun, v.verb, v.verbalNoun, v.adj, v.adverb} {
		if len(s.words) == 0 {
			return nil, fmt.Errorf("words.txt: a part of speech has no words")
		}
	}
	return v, nil
}

// namesBodyOrDecision reports whether a dictionary word would read as a
// government body (教育部, 公安局) or a decision (同意, 批准) in prose, which
// would make the document say more than its truth records.
func namesBodyOrDecision(w string) bool {
	switch w {
	case "同意", "通过", "决定", "批准", "审议", "原则":
		return true
	}
	for _, suf := range []string{"部", "局", "委", "厅", "署", "办"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
