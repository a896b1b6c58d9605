package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/gen"
)

// benchRecords is small so that the numbers exist; a corpus-sized run needs
// the generator in internal/gen.
const benchRecords = 2000

func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	recs := synthetic(benchRecords)
	for b.Loop() {
		putInBatches(ctx, b, recs, 100)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/record")
}

// putInBatches indexes recs into a new index on disk, batch records a
// write, and closes it.
func putInBatches(ctx context.Context, b *testing.B, recs []*ingest.Minutes, batch int) {
	idx, err := Open(b.TempDir()+"/idx", Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(recs); i += batch {
		if err := idx.Put(ctx, recs[i:min(i+batch, len(recs))]); err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPutGenerated indexes 2,000 generated minutes, extracted before
// the timer starts, in batches of 256 as Load writes them, into a new
// index on disk: the index's part of indexing (documents, analysis,
// bleve's segments, merges, packs and syncs) without extraction's.
func BenchmarkPutGenerated(b *testing.B) {
	ctx := context.Background()
	recs := withGenerated(b, nil, gen.New(1), benchRecords)
	for b.Loop() {
		putInBatches(ctx, b, recs, 256)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/record")
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	idx, err := Open(b.TempDir()+"/idx", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	recs := synthetic(benchRecords)
	for i := 0; i < len(recs); i += 200 {
		if err := idx.Put(ctx, recs[i:min(i+200, len(recs))]); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name string
		req  Request
	}{
		{"phrase", Request{Query: "市财政局"}},
		{"one-char", Request{Query: "局", Level: LevelItem}},
		{"session", Request{Query: "第一百一十五次"}},
		{"fallback-any", Request{Query: "财政发改"}},
		{"facets", Request{Query: "常务会议", Facets: FacetNames}},
		{"filter-date-sort", Request{Filters: Filters{From: "2018", Values: map[string][]string{"issuer": {"臺北市議會"}}}, Sort: "-date"}},
		{"item-term", Request{Query: "财政", Level: LevelItem}},
		{"item-phrase", Request{Query: "市财政局", Level: LevelItem}},
		{"item-all", Request{Query: "财政 工作", Level: LevelItem}},
		{"item-facets", Request{Query: "工作", Level: LevelItem, Facets: FacetsAt(LevelItem)}},
		{"highlight-items", Request{Query: "工作报告", Level: LevelItem, Highlight: true, Size: 20}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var total uint64
			for b.Loop() {
				res, err := idx.Search(ctx, bc.req)
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			b.ReportMetric(float64(total), "hits")
		})
	}
}

// BenchmarkAnalyze analyses the fields of the documents of 200 generated
// minutes, as put does before bleve's segment builder: the analysis part
// of indexing, without bleve's.
func BenchmarkAnalyze(b *testing.B) {
	recs := withGenerated(b, nil, gen.New(1), 200)
	idx := memIndex(b, nil)
	var ds []*document.Document
	text := 0
	for _, rec := range recs {
		text += len(rec.Text)
		out, err := docs(storedRecord{rec: rec})
		if err != nil {
			b.Fatal(err)
		}
		for _, od := range out {
			bd, err := idx.document(od.id, od.d)
			if err != nil {
				b.Fatal(err)
			}
			ds = append(ds, bd)
		}
	}
	b.SetBytes(int64(text))
	for b.Loop() {
		for _, bd := range ds {
			bd.VisitFields(func(f bindex.Field) { f.Analyze() })
		}
	}
}

// BenchmarkVersion compares counting the version's ingredients once (at
// the first Version after open) with reading the kept ones, and with the
// recount through Search that every request after a write used to pay, on
// 5,000 meetings.
func BenchmarkVersion(b *testing.B) {
	ctx := context.Background()
	idx, err := Open(b.TempDir()+"/idx", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	recs := synthetic(5000)
	for i := 0; i < len(recs); i += 500 {
		if err := idx.Put(ctx, recs[i:min(i+500, len(recs))]); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("count", func(b *testing.B) {
		for b.Loop() {
			idx.contents.mu.Lock()
			idx.contents.known = false
			idx.contents.mu.Unlock()
			if _, err := idx.Version(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("kept", func(b *testing.B) {
		for b.Loop() {
			if _, err := idx.Version(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("recount-search", func(b *testing.B) {
		for b.Loop() {
			after := ""
			for {
				res, err := idx.Search(ctx, Request{Level: LevelMeeting, Size: MaxSize, After: after})
				if err != nil {
					b.Fatal(err)
				}
				if after = res.Next; after == "" {
					break
				}
			}
		}
	})
}
