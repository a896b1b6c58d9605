// Package bench compares Jiyao with a plain bleve index of the same
// generated minutes: indexing rate, peak memory, size against the text, and
// the latency of each class of query, each engine built and measured in the
// same run. `jiyao bench` prints its report; BenchmarkCompare reports it to
// go test -bench. RunLoad (load.go), behind `jiyao loadtest`, measures a
// server over the same generated minutes under concurrent requests. It is
// a harness, kept out of the packages it measures.
package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/gen"
)

// BenchConfig configures RunBenchmark. Zero values select the defaults.
type BenchConfig struct {
	// Docs is the number of generated documents; default 20000.
	Docs int
	// Dir holds the two indexes; default a temporary folder, removed at
	// the end. Given, the indexes are left in it (as jiyao/ and plain/).
	Dir string
	// Queries is the number of timed queries per class; default 200.
	Queries int
	// Seed selects the generated corpus; default 1.
	Seed uint64
	// Wrap wraps the generated text at this many characters per line, as
	// text extracted from PDF is; default 0 (one line per paragraph).
	Wrap int
	// Workers extract in parallel; default GOMAXPROCS.
	Workers int
	// BatchSize is the number of records per index batch, for both
	// indexes; default 256.
	BatchSize int
	// Writers write Jiyao's batches at once; default all cores. The plain
	// index is written as a straightforward integration does, one batch
	// at a time.
	Writers int
	// Only runs one engine, EngineJiyao or EnginePlain; default both.
	Only string
	// Progress, if set, receives a line per phase.
	Progress func(string)
	// Indexing, if set, is called before each engine indexes, and the
	// function it returns once the engine has indexed: what the process
	// changes for indexing alone (jiyao bench sets the collector there as
	// jiyao ingest does).
	Indexing func() (after func())
}

// Engines RunBenchmark compares.
const (
	EngineJiyao = "jiyao"
	EnginePlain = "plain"
)

// Query classes RunBenchmark times.
const (
	QueryTerm    = "term"
	QueryPhrase  = "phrase"
	QueryFaceted = "faceted"
	QueryFilter  = "filter"
	// The item classes are the term and phrase queries at the item
	// level, which the plain index does not have: Jiyao only.
	QueryItemTerm   = "item-term"
	QueryItemPhrase = "item-phrase"
)

// QueryClasses lists the query classes in report order.
var QueryClasses = []string{QueryTerm, QueryPhrase, QueryFaceted, QueryFilter, QueryItemTerm, QueryItemPhrase}

// jiyaoOnly reports a query class the plain index does not run.
func jiyaoOnly(class string) bool { return class == QueryItemTerm || class == QueryItemPhrase }

// BenchReport is the outcome of RunBenchmark.
type BenchReport struct {
	Docs int `json:"docs"`
	// TextBytes is the size of the generated documents (UTF-8).
	TextBytes int64 `json:"text_bytes"`
	Cores     int   `json:"cores"`
	Queries   int   `json:"queries_per_class"`
	// BaseRSS is the resident memory once the corpus is generated, before
	// either index is built; each engine's peak includes it.
	BaseRSS int64          `json:"base_rss_bytes"`
	Engines []EngineReport `json:"engines"`
	// Examples are a few queries of each class, as Jiyao receives them.
	Examples map[string][]string `json:"examples"`
}

// EngineReport is one index's figures.
type EngineReport struct {
	Engine string `json:"engine"`
	// Index is the time from the first document to the index closed, with
	// extraction on Workers goroutines and writes in batches.
	Index      time.Duration `json:"index_ns"`
	DocsPerSec float64       `json:"docs_per_sec"`
	MBPerSec   float64       `json:"mb_per_sec"`
	// IndexCPU is the CPU time the process used over Index, user and
	// system, on all cores (0 where it cannot be read). It leaves out the
	// time other processes held the cores, which Index counts;
	// IndexCPU/Index is how many cores indexing kept busy.
	IndexCPU time.Duration `json:"index_cpu_ns,omitempty"`
	// IndexBytes is the size of the bleve index on disk; SizeRatio is
	// IndexBytes over the text size. OriginalBytes are the stored original
	// files Jiyao keeps for reindexing (not in IndexBytes).
	IndexBytes    int64   `json:"index_bytes"`
	SizeRatio     float64 `json:"size_ratio"`
	OriginalBytes int64   `json:"original_bytes,omitempty"`
	// PeakRSS is the process's VmHWM over indexing (reset before each
	// engine where the kernel allows); PeakHeap the largest live heap
	// sampled.
	PeakRSS      int64  `json:"peak_rss_bytes"`
	PeakRSSReset bool   `json:"peak_rss_reset"`
	PeakHeap     uint64 `json:"peak_heap_bytes"`
	// Load is the 1-minute load average at the start and end of indexing.
	LoadStart float64      `json:"load_start"`
	LoadEnd   float64      `json:"load_end"`
	Queries   []QueryStats `json:"queries"`
}

// QueryStats are the latencies of one query class.
type QueryStats struct {
	Class string        `json:"class"`
	N     int           `json:"n"`
	P50   time.Duration `json:"p50_ns"`
	P99   time.Duration `json:"p99_ns"`
	Mean  time.Duration `json:"mean_ns"`
	// Hits is the mean total hits, to show both engines found something.
	Hits float64 `json:"mean_hits"`
}

// benchQuery is one query of the workload, in terms both engines can
// run.
type benchQuery struct {
	class  string
	text   string // word or phrase
	issuer string
	from   int // year
}

// RunBenchmark generates cfg.Docs documents and indexes them with Jiyao
// and with a plain bleve index using the stock cjk analyzer (text and title
// stored, term vectors on, keyword fields with doc values for facets and
// filters), one after the other in this process, then times the same
// queries on both, query by query in turn (see timeQueries).
func RunBenchmark(ctx context.Context, cfg BenchConfig) (BenchReport, error) {
	if cfg.Docs <= 0 {
		cfg.Docs = 20000
	}
	if cfg.Queries <= 0 {
		cfg.Queries = 200
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = benchBatchSize
	}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string) {}
	}
	dir := cfg.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jiyao-bench-")
		if err != nil {
			return BenchReport{}, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}

	progress(fmt.Sprintf("generating %d documents", cfg.Docs))
	docs := generate(cfg)
	rep := BenchReport{Docs: cfg.Docs, Cores: runtime.GOMAXPROCS(0), Queries: cfg.Queries, Examples: map[string][]string{}, TextBytes: docs.textBytes}
	queries := benchQueries(docs, cfg.Seed, cfg.Queries+benchWarmup)
	for _, q := range queries {
		if len(rep.Examples[q.class]) < 3 {
			rep.Examples[q.class] = append(rep.Examples[q.class], describe(q.jiyao()))
		}
	}
	freeMemory()
	rep.BaseRSS, _ = procStatus("VmRSS")

	for _, engine := range []string{EngineJiyao, EnginePlain} {
		if cfg.Only != "" && cfg.Only != engine {
			continue
		}
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		er, err := benchEngine(ctx, engine, filepath.Join(dir, engine), docs, cfg, progress)
		if err != nil {
			return rep, fmt.Errorf("benchmark %s: %w", engine, err)
		}
		rep.Engines = append(rep.Engines, er)
	}
	if err := timeQueries(ctx, dir, rep.Engines, queries, progress); err != nil {
		return rep, fmt.Errorf("benchmark: %w", err)
	}
	return rep, nil
}

// benchBatchSize is the default records per batch, as Load's.
const benchBatchSize = 256

// benchWarmup queries of each class run before the timed ones.
const benchWarmup = 20

// corpus is a run's generated minutes, each made again from its number
// when it is read: nothing holds the corpus, so a run's memory is the
// index's. (Held whole, a generated corpus of 100,000 minutes took 1.6 GB,
// which the peak RSS then counted as the index's.)
type corpus struct {
	g *gen.Generator
	n int
	// textBytes is the size of all the documents' texts.
	textBytes int64
}

// generate makes cfg's corpus and measures its text, on every core.
func generate(cfg BenchConfig) corpus {
	var opts []gen.Option
	if cfg.Wrap > 0 {
		opts = append(opts, gen.WrapAt(cfg.Wrap))
	}
	c := corpus{g: gen.New(cfg.Seed, opts...), n: cfg.Docs}
	var (
		wg    sync.WaitGroup
		total atomic.Int64
	)
	w := runtime.GOMAXPROCS(0)
	for k := range w {
		wg.Go(func() {
			for i := k; i < c.n; i += w {
				total.Add(int64(len(c.g.Doc(i).Text)))
			}
		})
	}
	wg.Wait()
	c.textBytes = total.Load()
	return c
}

// doc returns document i.
func (c corpus) doc(i int) gen.Doc { return c.g.Doc(i) }

// source is document i as Load reads it, made when it is opened.
func (c corpus) source(i int) index.Source {
	return index.Source{Name: gen.DocName(i), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(c.doc(i).Text)), nil
	}}
}

// benchQueries draws the workload from the generated truth: two-character
// words and plan titles that occur in the documents, issuers and years.
func benchQueries(docs corpus, seed uint64, n int) []benchQuery {
	r := rand.New(rand.NewPCG(seed, 0x62656e6368))
	var out []benchQuery
	word := func() string {
		for {
			d := docs.doc(r.IntN(docs.n))
			if len(d.Items) == 0 {
				continue
			}
			it := d.Items[r.IntN(len(d.Items))]
			rs := []rune(it.Title)
			if len(rs) < 2 {
				continue
			}
			k := r.IntN(len(rs) - 1)
			if unicode.Is(unicode.Han, rs[k]) && unicode.Is(unicode.Han, rs[k+1]) {
				return string(rs[k : k+2])
			}
		}
	}
	phrase := func() string {
		for {
			d := docs.doc(r.IntN(docs.n))
			var objs []string
			for _, it := range d.Items {
				for _, dc := range it.Decisions {
					if utf8.RuneCountInString(dc.Object) >= 4 && !strings.ContainsAny(dc.Object, `"`) {
						objs = append(objs, dc.Object)
					}
				}
			}
			if len(objs) > 0 {
				return objs[r.IntN(len(objs))]
			}
		}
	}
	for range n {
		out = append(out, benchQuery{class: QueryTerm, text: word()})
	}
	for range n {
		out = append(out, benchQuery{class: QueryPhrase, text: phrase()})
	}
	for range n {
		out = append(out, benchQuery{class: QueryFaceted, text: word()})
	}
	for range n {
		d := docs.doc(r.IntN(docs.n))
		y, _ := strconv.Atoi(d.Meeting.Date[:min(4, len(d.Meeting.Date))])
		out = append(out, benchQuery{class: QueryFilter, issuer: d.Issuer, from: y})
	}
	for range n {
		out = append(out, benchQuery{class: QueryItemTerm, text: word()})
	}
	for range n {
		out = append(out, benchQuery{class: QueryItemPhrase, text: phrase()})
	}
	return out
}

// benchFacets are the facets of the faceted class.
var benchFacets = []string{"year", "issuer", "department", "topic"}

// jiyao is the query as a Jiyao request.
func (q benchQuery) jiyao() index.Request {
	switch q.class {
	case QueryPhrase:
		return index.Request{Query: `"` + q.text + `"`}
	case QueryFaceted:
		return index.Request{Query: q.text, Facets: benchFacets}
	case QueryFilter:
		return index.Request{Filters: index.Filters{From: strconv.Itoa(q.from), Values: map[string][]string{"issuer": {q.issuer}}}, Sort: "-date"}
	case QueryItemTerm:
		return index.Request{Query: q.text, Level: index.LevelItem}
	case QueryItemPhrase:
		return index.Request{Query: `"` + q.text + `"`, Level: index.LevelItem}
	}
	return index.Request{Query: q.text}
}

// describe says what a request asks, for the report.
func describe(r index.Request) string {
	var parts []string
	if r.Query != "" {
		parts = append(parts, r.Query)
	}
	if r.Level != "" {
		parts = append(parts, "level="+r.Level)
	}
	for _, name := range index.FilterNames {
		if vals := r.Filters.Values[name]; len(vals) > 0 {
			parts = append(parts, name+"="+strings.Join(vals, ","))
		}
	}
	if r.Filters.From != "" {
		parts = append(parts, "from="+r.Filters.From)
	}
	if r.Sort != "" {
		parts = append(parts, "sort="+r.Sort)
	}
	if len(r.Facets) > 0 {
		parts = append(parts, "facets="+strings.Join(r.Facets, ","))
	}
	return strings.Join(parts, " ")
}

// Plain index fields.
const (
	plainTitle      = "title"
	plainText       = "text"
	plainIssuer     = "issuer"
	plainDepartment = "department"
	plainYear       = "year"
	plainTopic      = "topic"
	plainDate       = "date"
)

// plainRequest is the query as the plain index runs it: a match query (an
// OR of the cjk bigrams) for a word, a match-phrase query for a phrase,
// term and date range filters, the same facets and page size.
func (q benchQuery) plainRequest() *bleve.SearchRequest {
	var bq query.Query
	switch q.class {
	case QueryTerm, QueryFaceted:
		m := query.NewMatchQuery(q.text)
		m.SetField(plainText)
		bq = m
	case QueryPhrase:
		m := query.NewMatchPhraseQuery(q.text)
		m.SetField(plainText)
		bq = m
	case QueryFilter:
		t := query.NewTermQuery(q.issuer)
		t.SetField(plainIssuer)
		from := time.Date(q.from, 1, 1, 0, 0, 0, 0, time.UTC)
		dr := query.NewDateRangeQuery(from, time.Time{})
		dr.SetField(plainDate)
		bq = query.NewConjunctionQuery([]query.Query{t, dr})
	}
	req := bleve.NewSearchRequestOptions(bq, index.DefaultSize, 0, false)
	req.Fields = []string{plainTitle, plainIssuer, plainDate}
	if q.class == QueryFilter {
		req.SortBy([]string{"-" + plainDate, "_id"})
	}
	if q.class == QueryFaceted {
		for _, f := range []string{plainYear, plainIssuer, plainDepartment, plainTopic} {
			req.AddFacet(f, bleve.NewFacetRequest(f, index.MaxFacetSize))
		}
	}
	return req
}

func plainMapping() *mapping.IndexMappingImpl {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = cjk.AnalyzerName
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range []string{plainTitle, plainText} {
		fm := bleve.NewTextFieldMapping() // stored, term vectors, doc values
		fm.Analyzer = cjk.AnalyzerName
		fm.IncludeInAll = false // queries name their field; no _all copy
		dm.AddFieldMappingsAt(f, fm)
	}
	for _, f := range []string{plainIssuer, plainDepartment, plainYear, plainTopic} {
		fm := bleve.NewKeywordFieldMapping()
		fm.IncludeInAll = false
		dm.AddFieldMappingsAt(f, fm)
	}
	dt := bleve.NewDateTimeFieldMapping()
	dt.IncludeInAll = false
	dm.AddFieldMappingsAt(plainDate, dt)
	im.DefaultMapping = dm
	return im
}

// plainDoc is what a straightforward integration indexes for a record.
func plainDoc(rec *ingest.Minutes) map[string]any {
	d := map[string]any{
		plainTitle:  rec.Title,
		plainText:   rec.Text,
		plainIssuer: rec.Issuer,
	}
	if len(rec.Departments) > 0 {
		d[plainDepartment] = rec.Departments
	}
	if len(rec.Topics) > 0 {
		d[plainTopic] = rec.Topics
	}
	if t, ok := index.ParseDay(rec.Day()); ok {
		d[plainDate] = t
		d[plainYear] = t.Format("2006")
	}
	return d
}

// benchEngine builds one engine's index of docs in dir and measures it.
func benchEngine(ctx context.Context, engine, dir string, docs corpus, cfg BenchConfig, progress func(string)) (EngineReport, error) {
	er := EngineReport{Engine: engine}
	if err := os.RemoveAll(dir); err != nil {
		return er, err
	}
	freeMemory()
	er.PeakRSSReset = resetPeakRSS()
	stopHeap := sampleHeap(&er.PeakHeap)
	defer stopHeap()

	progress(fmt.Sprintf("%s: indexing %d documents (load %.2f)", engine, docs.n, loadAvg()))
	er.LoadStart = loadAvg()
	cpu0, cpuOK := cpuTime()
	after := func() {}
	if cfg.Indexing != nil {
		after = cfg.Indexing()
	}
	start := time.Now()
	var err error
	if engine == EngineJiyao {
		err = buildJiyao(ctx, dir, docs, cfg)
	} else {
		err = buildPlain(ctx, dir, docs, cfg)
	}
	after()
	if err != nil {
		return er, err
	}
	er.Index = time.Since(start)
	if cpu1, ok := cpuTime(); ok && cpuOK {
		er.IndexCPU = cpu1 - cpu0
	}
	er.LoadEnd = loadAvg()
	text := docs.textBytes
	er.DocsPerSec = float64(docs.n) / er.Index.Seconds()
	er.MBPerSec = float64(text) / 1e6 / er.Index.Seconds()
	if er.IndexBytes, er.OriginalBytes, err = index.SettledSize(dir); err != nil {
		return er, err
	}
	er.SizeRatio = float64(er.IndexBytes) / float64(text)
	progress(fmt.Sprintf("%s: indexed in %s (%.0f docs/s, CPU %s, load %.2f)", engine, er.Index.Round(time.Millisecond), er.DocsPerSec, er.IndexCPU.Round(time.Millisecond), er.LoadEnd))
	er.PeakRSS, _ = procStatus("VmHWM")
	return er, nil
}

// timeQueries runs the queries on the engines' indexes in dir and adds
// their latencies to the reports. The engines take turns query by query,
// the first of each pair alternating, so that both meet the machine in the
// same state (caches, garbage collection, other load): run one after the
// other, the same engine's p50 moved by as much as half between runs.
func timeQueries(ctx context.Context, dir string, ers []EngineReport, queries []benchQuery, progress func(string)) error {
	runs := make([]func(context.Context, benchQuery) (uint64, error), len(ers))
	for i := range ers {
		run, closeFn, err := openForQueries(ers[i].Engine, filepath.Join(dir, ers[i].Engine))
		if err != nil {
			return err
		}
		defer closeFn()
		runs[i] = run
	}
	progress(fmt.Sprintf("querying (load %.2f)", loadAvg()))
	for _, class := range QueryClasses {
		var qs []benchQuery
		for _, q := range queries {
			if q.class == class {
				qs = append(qs, q)
			}
		}
		lat := make([][]time.Duration, len(ers))
		hits := make([]uint64, len(ers))
		for i, q := range qs {
			for k := range ers {
				e := (k + i) % len(ers) // who goes first alternates
				if ers[e].Engine == EnginePlain && jiyaoOnly(class) {
					continue
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				t0 := time.Now()
				n, err := runs[e](ctx, q)
				d := time.Since(t0)
				if err != nil {
					return fmt.Errorf("%s: %s query %q: %w", ers[e].Engine, class, describe(q.jiyao()), err)
				}
				if i < benchWarmup {
					continue
				}
				lat[e] = append(lat[e], d)
				hits[e] += n
			}
		}
		for e := range ers {
			st := QueryStats{Class: class} // N 0: not run
			l := lat[e]
			slices.Sort(l)
			st.N = len(l)
			if st.N > 0 {
				var sum time.Duration
				for _, d := range l {
					sum += d
				}
				st.Mean = sum / time.Duration(st.N)
				st.P50 = l[(st.N-1)*50/100]
				st.P99 = l[(st.N-1)*99/100]
				st.Hits = float64(hits[e]) / float64(st.N)
			}
			ers[e].Queries = append(ers[e].Queries, st)
		}
	}
	return nil
}

func buildJiyao(ctx context.Context, dir string, docs corpus, cfg BenchConfig) error {
	idx, err := index.Open(dir, index.Options{})
	if err != nil {
		return err
	}
	srcs := make([]index.Source, docs.n)
	for i := range srcs {
		srcs[i] = docs.source(i)
	}
	sum, err := idx.Load(ctx, srcs, index.LoadOptions{Workers: cfg.Workers, BatchSize: cfg.BatchSize, Writers: cfg.Writers})
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		for _, o := range sum.Outcomes {
			if o.Status == index.StatusFailed {
				return fmt.Errorf("%d of %d documents failed, first %s: %v", sum.Failed, docs.n, o.Source, o.Err)
			}
		}
	}
	return nil
}

// buildPlain extracts records on cfg.Workers goroutines, as Load does, and
// writes them to the plain index in batches of cfg.BatchSize.
func buildPlain(ctx context.Context, dir string, docs corpus, cfg BenchConfig) error {
	b, err := bleve.New(dir, plainMapping())
	if err != nil {
		return err
	}
	ex, err := ingest.NewExtractor(ingest.Config{})
	if err != nil {
		b.Close()
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	results := make(chan []*ingest.Minutes, cfg.Workers*2)
	go func() {
		defer close(jobs)
		for i := range docs.n {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan error, cfg.Workers)
	for range cfg.Workers {
		wg.Go(func() {
			for i := range jobs {
				d := docs.doc(i)
				recs, err := ex.Extract(d.Name, d.Text)
				if err != nil {
					errs <- fmt.Errorf("extract %s: %w", d.Name, err)
					cancel()
					return
				}
				select {
				case results <- recs:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()
	batch := b.NewBatch()
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		err := b.Batch(batch)
		batch.Reset()
		n = 0
		return err
	}
	for recs := range results {
		for _, rec := range recs {
			if err := batch.Index(rec.ID, plainDoc(rec)); err != nil {
				b.Close()
				return err
			}
			n++
		}
		if n >= cfg.BatchSize {
			if err := flush(); err != nil {
				b.Close()
				return err
			}
		}
	}
	select {
	case err := <-errs:
		b.Close()
		return err
	default:
	}
	if err := ctx.Err(); err != nil {
		b.Close()
		return err
	}
	if err := flush(); err != nil {
		b.Close()
		return err
	}
	return b.Close()
}

// openForQueries opens an index read-only and returns a function that runs
// a query and reports its total hits.
func openForQueries(engine, dir string) (func(context.Context, benchQuery) (uint64, error), func(), error) {
	if engine == EngineJiyao {
		idx, err := index.Open(dir, index.Options{ReadOnly: true})
		if err != nil {
			return nil, nil, err
		}
		return func(ctx context.Context, q benchQuery) (uint64, error) {
			res, err := idx.Search(ctx, q.jiyao())
			if err != nil {
				return 0, err
			}
			return res.Total, nil
		}, func() { idx.Close() }, nil
	}
	b, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return nil, nil, err
	}
	return func(ctx context.Context, q benchQuery) (uint64, error) {
		res, err := b.SearchInContext(ctx, q.plainRequest())
		if err != nil {
			return 0, err
		}
		return res.Total, nil
	}, func() { b.Close() }, nil
}

func freeMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

// resetPeakRSS resets the kernel's VmHWM of this process (Linux: writing 5
// to clear_refs); false where that is not possible, and the peak is then
// the process's so far.
func resetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// procStatus reads a size field of /proc/self/status, in bytes.
func procStatus(field string) (int64, error) { return PIDStatus(0, field) }

// PIDStatus reads a size field of /proc/PID/status (PID 0: this process),
// in bytes.
func PIDStatus(pid int, field string) (int64, error) {
	path := "/proc/self/status"
	if pid != 0 {
		path = fmt.Sprintf("/proc/%d/status", pid)
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != field {
			continue
		}
		fs := strings.Fields(v)
		if len(fs) == 0 {
			break
		}
		n, err := strconv.ParseInt(fs[0], 10, 64)
		return n * 1024, err
	}
	return 0, errors.New("no " + field + " in " + path)
}

// loadAvg is the 1-minute load average, or -1.
func loadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f, _, _ := strings.Cut(string(b), " ")
	v, err := strconv.ParseFloat(f, 64)
	if err != nil {
		return -1
	}
	return v
}

// sampleHeap records the largest live heap seen every 20ms (runtime
// metrics read without stopping the world) until stopped.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() {
		select {
		case <-done:
		default:
			close(done)
			wg.Wait()
		}
	}
}
