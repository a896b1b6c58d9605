package server

import (
	"context"
	"fmt"
	"hash/fnv"
	"sync"

	"github.com/jiyao-search/jiyao/index"
)

// versionCache holds the index version the API reports with every result:
// the mapping version, the number of meetings and an order-independent
// digest of their ids (which are content digests), as m1-42-9f3c…. The same
// contents give the same version, across restarts and machines, so a result
// set can be cited and reproduced. Writes through the API invalidate it.
type versionCache struct {
	idx *index.Index

	mu    sync.Mutex
	gen   uint64 // bumped by every write
	v     string
	valid bool
}

func (vc *versionCache) invalidate() {
	vc.mu.Lock()
	vc.gen++
	vc.valid = false
	vc.mu.Unlock()
}

func (vc *versionCache) get(ctx context.Context) (string, error) {
	vc.mu.Lock()
	if vc.valid {
		v := vc.v
		vc.mu.Unlock()
		return v, nil
	}
	gen := vc.gen
	vc.mu.Unlock()
	v, err := indexVersion(ctx, vc.idx)
	if err != nil {
		return "", err
	}
	vc.mu.Lock()
	if vc.gen == gen {
		vc.v, vc.valid = v, true
	}
	vc.mu.Unlock()
	return v, nil
}

// indexVersion scans the meeting ids of idx.
func indexVersion(ctx context.Context, idx *index.Index) (string, error) {
	var (
		n     int
		x     uint64
		after string
	)
	for {
		res, err := idx.Search(ctx, index.Request{Level: index.LevelMeeting, Size: index.MaxSize, After: after})
		if err != nil {
			return "", fmt.Errorf("index version: %w", err)
		}
		for _, h := range res.Hits {
			f := fnv.New64a()
			f.Write([]byte(h.ID))
			x ^= f.Sum64()
			n++
		}
		if res.Next == "" {
			break
		}
		after = res.Next
	}
	return fmt.Sprintf("m%s-%d-%016x", index.MappingVersion, n, x), nil
}
