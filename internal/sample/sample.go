// Package sample is the small corpus embedded in the binary, which `jiyao
// serve` and `jiyao ingest --sample` load into an empty index so that a new
// user sees real results at once: the published seed document (苏州市人民政府
// 常务会议纪要〔2020〕36号) and documents from the repository's own generator.
// The third-party files of the shared test corpus are never embedded.
//
// It is not a public API.
package sample

import (
	_ "embed"

	"github.com/jiyao-search/jiyao/internal/gen"
)

//go:embed suzhou-2020-36.txt
var seed []byte

// Prefix starts the source name of every sample document: the index knows
// the sample's meetings by it, to say a page shows the sample and to remove
// the sample when the user's own documents come.
const Prefix = "sample/"

// Generated is how many generated documents the sample holds.
const Generated = 40

// Seed is the generator seed of the sample; changing it changes the sample.
const Seed = 2020

// File is one sample document.
type File struct {
	Name string
	Data []byte
}

// Files returns the sample documents: the seed, then the generated ones.
func Files() []File {
	files := []File{{Name: Prefix + "suzhou-2020-36.txt", Data: seed}}
	g := gen.New(Seed)
	for i := range Generated {
		d := g.Doc(i)
		files = append(files, File{Name: Prefix + d.Name, Data: d.Text})
	}
	return files
}
