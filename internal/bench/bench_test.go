package bench

import (
	"context"
	"os"
	"strconv"
	"testing"
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
