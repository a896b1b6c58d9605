package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jiyao-search/jiyao/internal/gen"
)

// BenchmarkExtract measures extraction throughput on plain text: decoding,
// repair, folding, structure and attendance parsing, topics. Run with
//
//	go test ./ingest -run XXX -bench BenchmarkExtract -benchtime 3s
func BenchmarkExtract(b *testing.B) {
	e := newTestExtractor(b)
	b.Run("seed", func(b *testing.B) {
		data, err := os.ReadFile(filepath.Join(corpusPath(b, "seed"), "suzhou-2020-36.txt"))
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := e.Extract("seed.txt", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("generated", func(b *testing.B) {
		g := gen.New(1, gen.WrapAt(40))
		docs := make([][]byte, 64)
		var total int64
		for i := range docs {
			docs[i] = g.Doc(i).Text
			total += int64(len(docs[i]))
		}
		b.SetBytes(total / int64(len(docs)))
		i := 0
		for b.Loop() {
			if _, err := e.Extract("gen.txt", docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("real", func(b *testing.B) {
		// The shared corpus's real documents that decode, in turn.
		root := corpusPath(b, "real")
		var docs [][]byte
		var names []string
		var total int64
		for _, f := range corpusFiles(b, root) {
			if f == "MANIFEST.tsv" || f == "README.md" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(root, f))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := e.Extract(f, data); err != nil {
				continue
			}
			docs, names = append(docs, data), append(names, f)
			total += int64(len(data))
		}
		b.SetBytes(total / int64(len(docs)))
		i := 0
		for b.Loop() {
			if _, err := e.Extract(names[i%len(docs)], docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
