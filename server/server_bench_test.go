package server

import (
	"context"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/gen"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// BenchmarkAPI measures whole requests over real HTTP on loopback (router,
// middleware, index search, JSON) against the seed plus 1,000 generated
// minutes:
//
//	go test ./server -run XXX -bench BenchmarkAPI -benchtime 200x
func BenchmarkAPI(b *testing.B) {
	f := newFixture(b, Options{Logger: slog.New(slog.DiscardHandler)}, 0)
	g := gen.New(3)
	var srcs []index.Source
	for i := range 1000 {
		d := g.Doc(i)
		srcs = append(srcs, index.BytesSource(d.Name, d.Text))
	}
	if _, err := f.idx.Load(context.Background(), srcs, index.LoadOptions{}); err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	for _, bc := range []struct{ name, path string }{
		{"search", "/api/v1/search?q=" + url.QueryEscape("氢能") + "&highlight=true"},
		{"search-facets", "/api/v1/search?q=" + url.QueryEscape("安全生产") + "&facets=year,issuer,department,topic"},
		{"decisions", "/api/v1/decisions?q=" + url.QueryEscape("规划")},
		{"meeting", "/api/v1/meetings/" + f.seedID},
		{"suggest", "/api/v1/suggest?q=" + url.QueryEscape("苏州")},
		{"suggest-1", "/api/v1/suggest?q=" + url.QueryEscape("苏")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				resp, err := http.Get(ts.URL + bc.path)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatalf("%s: status %d", bc.path, resp.StatusCode)
				}
			}
		})
	}
}
