package index

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// SettledSize measures an index as its latest snapshot has it: the
// segment files that snapshot uses (not those a merge has replaced and the
// persister has not removed yet, which depends on timing), bleve's other
// files (root.bolt, index_meta.json) and, for Jiyao, the records in its
// packs. Both engines are measured this way.
func SettledSize(dir string) (indexBytes, originals int64, err error) {
	b, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return 0, 0, err
	}
	defer b.Close()
	adv, err := b.Advanced()
	if err != nil {
		return 0, 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0, 0, fmt.Errorf("%s: not a scorch index", dir)
	}
	used := map[string]bool{}
	for _, ss := range snap.Segments() {
		p, ok := ss.Segment().(segment.PersistedSegment)
		if !ok {
			return 0, 0, fmt.Errorf("%s: a segment is not persisted", dir)
		}
		used[filepath.Clean(p.Path())] = true
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(rel, packsDir+string(filepath.Separator)) {
			return nil
		}
		if strings.HasSuffix(p, ".zap") && !used[filepath.Clean(p)] {
			return nil // replaced by a merge, not removed yet
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		indexBytes += info.Size()
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	originals, other, err := blobSizes(dir)
	return indexBytes + other, originals, err
}
