package index

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/internal/sample"
)

var updateRanking = flag.Bool("update", false, "rewrite testdata/ranking.golden from the index's answers")

// rankingQueries are searches whose top hits testdata/ranking.golden pins,
// in the manner of zoekt's end-to-end ranking tests: each exercises a part
// of the score (rank.go). A change to ranking shows as a diff of the
// golden, to be read and accepted with -update.
var rankingQueries = []Request{
	{Query: "安全生产"},       // a word in bodies and titles (titled)
	{Query: "氢能 规划"},      // two words, ANDed: the sum of their scores
	{Query: "氢能燃料电池"},     // no exact phrase: all, then any two of its bigrams
	{Query: `"购物节" 方案`},   // a phrase and a word
	{Query: "局"},          // a single character, a unigram term of its own at the meeting level
	{Query: "税"},          // a single character in bigrams (steady)
	{Query: "财政局 OR 商务局"}, // alternatives
	{Query: "会议 -安全生产"},   // an exclusion
	{Query: "李亚平"},        // a name, in the text and among the people
	{Query: "第115次"},      // a meeting number
	{Query: "〔2020〕36号"},  // a document number
	{Query: "安全生产", Level: LevelItem},
	{Query: "税", Level: LevelItem},
	{Query: "氢能燃料电池", Level: LevelItem},
	{Query: "同意", Level: LevelDecision}, // decision titles, objects and texts, boosted apart
	{Query: "规划", Level: LevelDecision},
	{Query: "市财政局 落实", Level: LevelDecision},
	{Query: "工作", Level: LevelItem}, // a common word: many tied items
	{Query: "会议"},                   // a word in every meeting: ties broken by id
	{Query: "issuer:苏州市人民政府 工作"},    // a filter (unscored) and a word
}

// rankingTop is the number of hits the golden pins per query.
const rankingTop = 5

// TestRanking runs rankingQueries on the embedded sample corpus (the seed
// and 40 generated minutes) and the fixtures, and compares their top hits,
// in order with their scores (to six digits: the last bits of a float may
// differ between machines), to testdata/ranking.golden.
func TestRanking(t *testing.T) {
	idx := rankingIndex(t)
	var b strings.Builder
	for _, req := range rankingQueries {
		req.Size = rankingTop
		res, err := idx.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("search %+v: %v", req, err)
		}
		level := req.Level
		if level == "" {
			level = LevelMeeting
		}
		fmt.Fprintf(&b, "## %s (level %s): %d hits, mode %s\n", req.Query, level, res.Total, res.Mode)
		for i, h := range res.Hits {
			fmt.Fprintf(&b, "%d. %-24s %.6g  %s\n", i+1, h.ID, h.Score, h.Title)
		}
		b.WriteString("\n")
	}
	got := b.String()
	const path = "testdata/ranking.golden"
	if *updateRanking {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestRanking -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("ranking differs from %s (-want +got):\n%s", path, diff)
	}
}

// rankingIndex is an index of the embedded sample, loaded on one worker
// in one batch so that its segments, and so its scores, are the same on
// every run, and of the fixtures.
func rankingIndex(t *testing.T) *Index {
	t.Helper()
	idx := memIndex(t, fixtures())
	srcs := sampleSources(len(sample.Files()))
	sum, err := idx.Load(context.Background(), srcs, LoadOptions{Workers: 1, Writers: 1, BatchSize: len(srcs)})
	if err != nil || sum.Added != len(srcs) {
		t.Fatalf("load the sample: %+v, %v", sum, err)
	}
	return idx
}
