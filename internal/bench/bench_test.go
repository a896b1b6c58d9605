package bench

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/gen"
)

// BenchmarkCompare runs RunBenchmark, Jiyao against a plain bleve cjk
// index, on JIYAO_BENCH_DOCS generated documents (skipped when unset; the
// figures are meant for at least 20000). `jiyao bench` prints the same
// report as a table.
func BenchmarkCompare(b *testing.B) {
	n, _ := strconv.Atoi(os.Getenv("JIYAO_BENCH_DOCS"))
	if n <= 0 {
		b.Skip("set JIYAO_BENCH_DOCS to the number of generated documents")
	}
	for b.Loop() {
		rep, err := RunBenchmark(context.Background(), BenchConfig{Docs: n, Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		for _, er := range rep.Engines {
			b.ReportMetric(er.DocsPerSec, er.Engine+"-docs/s")
			b.ReportMetric(er.MBPerSec, er.Engine+"-MB/s")
			b.ReportMetric(er.IndexCPU.Seconds(), er.Engine+"-cpu-s")
			b.ReportMetric(er.SizeRatio, er.Engine+"-x-text")
			b.ReportMetric(float64(er.PeakRSS)/1e6, er.Engine+"-peak-MB")
			for _, q := range er.Queries {
				if q.N == 0 {
					continue // not run on this engine
				}
				b.ReportMetric(float64(q.P50)/1e6, er.Engine+"-"+q.Class+"-p50-ms")
				b.ReportMetric(float64(q.P99)/1e6, er.Engine+"-"+q.Class+"-p99-ms")
			}
		}
	}
}

// BenchmarkUploadBatch loads 32 MiB of generated minutes, the most one
// upload may send, into a new index in batches of 256 records (Load's
// default, and an upload's) and in one batch, and reports the peak
// resident memory of each, as the choice between them in
// server/documents.go is made on it. Skipped unless JIYAO_BENCH_UPLOAD is
// set (it takes about half a minute and some GB):
//
//	JIYAO_BENCH_UPLOAD=1 go test ./internal/bench -run XXX -bench BenchmarkUploadBatch -benchtime 1x
func BenchmarkUploadBatch(b *testing.B) {
	if os.Getenv("JIYAO_BENCH_UPLOAD") == "" {
		b.Skip("set JIYAO_BENCH_UPLOAD=1")
	}
	g := gen.New(7)
	var srcs []index.Source
	for i, total := 0, 0; total < 32<<20; i++ {
		d := g.Doc(i)
		srcs = append(srcs, index.BytesSource(d.Name, d.Text))
		total += len(d.Text)
	}
	for _, bc := range []struct {
		name  string
		batch int
	}{{"batches-of-256", 256}, {"one-batch", len(srcs)}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				idx, err := index.Open(b.TempDir()+"/idx", index.Options{})
				if err != nil {
					b.Fatal(err)
				}
				freeMemory()
				if !resetPeakRSS() {
					b.Skip("cannot reset the peak RSS here (/proc/self/clear_refs)")
				}
				if _, err := idx.Load(context.Background(), srcs, index.LoadOptions{BatchSize: bc.batch}); err != nil {
					b.Fatal(err)
				}
				peak, err := procStatus("VmHWM")
				if err != nil {
					b.Fatal(err)
				}
				idx.Close()
				b.ReportMetric(float64(peak)/1e6, "peak-MB")
			}
			b.ReportMetric(float64(len(srcs)), "docs")
		})
	}
}
