package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CompactStats says what Compact did.
type CompactStats struct {
	// PacksBefore and PacksAfter count the pack files, BytesBefore and
	// BytesAfter their bytes.
	PacksBefore int   `json:"packs_before"`
	PacksAfter  int   `json:"packs_after"`
	BytesBefore int64 `json:"bytes_before"`
	BytesAfter  int64 `json:"bytes_after"`
	// Moved counts the frames copied out of packs that also held frames
	// no meeting refers to; Rewritten the meetings written again to refer
	// to their frames' new places.
	Moved     int `json:"moved"`
	Rewritten int `json:"rewritten"`
}

// Compact reclaims the frames of the packs that nothing needs: records and
// originals no meeting refers to — those of runs killed or abandoned
// before their batch was committed (a load's workers store records ahead
// of its batches), replaced versions of files, deleted meetings — and
// torn frames. A pack whose every frame a meeting refers to is left as it
// is; the frames meetings refer to in any other pack are copied to new
// packs, with the tombstones reindex still needs (records deleted from a
// file that holds several), the meetings are written again to refer to
// them, and the old packs are removed. Every step leaves an index that
// opens and reads whole: a kill before the packs are removed leaves them
// to the next Compact. Compact runs with no other write to the index (jiyao
// compact holds its lock).
//
// Reindex reads back the last original stored under each name: after a
// killed run that is the uncommitted one. After Compact it is the one the
// index holds.
func (idx *Index) Compact(ctx context.Context) (CompactStats, error) {
	var st CompactStats
	if idx.readOnly {
		return st, ErrReadOnly
	}
	if idx.dir == "" {
		return st, nil
	}
	// What the meetings refer to, and the tombstones still needed.
	type meeting struct{ id, record, original string }
	var meetings []meeting
	live := map[string]bool{}        // refs
	liveFiles := map[string]bool{}   // names of the originals meetings refer to
	liveSources := map[string]bool{} // sources of the meetings
	err := idx.scan(ctx, termQ(fLevel, LevelMeeting), []string{fStored}, func(id string, f map[string]any) {
		h := readStored(id, f)
		meetings = append(meetings, meeting{id, h.Record, h.Original})
		live[h.Record] = true
		if h.Original != "" {
			live[h.Original] = true
		}
		liveSources[h.Source] = true
		file, _, _ := strings.Cut(h.Source, "#")
		liveFiles[file] = true
	})
	if err != nil {
		return st, fmt.Errorf("compact: list meetings: %w", err)
	}
	// A tombstone of a record of a file that holds several is needed while
	// the file's original is kept and the record is not indexed again:
	// reindex loads the file and deletes the record again.
	keepTombstone := func(name string) bool {
		file, _, several := strings.Cut(name, "#")
		return several && liveFiles[file] && !liveSources[name]
	}

	if err := idx.blobs.sync(); err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}
	root := filepath.Join(idx.dir, packsDir)
	ids, err := packIDs(root)
	if err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}
	st.PacksBefore = len(ids)
	// Copies go to packs after those listed, started with the first.
	started := false
	copyFrame := func(kind byte, name string, payload []byte) (string, error) {
		if !started {
			if err := idx.blobs.startPack(); err != nil {
				return "", err
			}
			started = true
		}
		return idx.blobs.put(kind, name, payload)
	}
	// A pack is left as it is when every frame in it is referred to, or a
	// tombstone still needed that will still follow its file's original:
	// one whose file's original is copied elsewhere is written again after
	// it. Which packs those are is found first, then the frames meetings
	// refer to are copied out of the others.
	type packUse struct {
		id         int
		clean      bool
		files      []string // the names of the originals meetings refer to
		tombstones []string // the tombstones still needed
	}
	uses := make([]packUse, len(ids))
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("compact: %w", err)
		}
		u := packUse{id: id, clean: true}
		n, err := scanPackFile(idx.dir, id, func(ref string, kind byte, name string, _ []byte) {
			switch {
			case live[ref]:
				if kind == blobOriginal || kind == blobOriginalDeflated {
					u.files = append(u.files, name)
				}
			case kind == blobTombstone && keepTombstone(name):
				u.tombstones = append(u.tombstones, name)
			default:
				u.clean = false
			}
		})
		if err != nil {
			return st, fmt.Errorf("compact: %w", err)
		}
		if n.covered != n.size {
			u.clean = false // torn frames
		}
		st.BytesBefore += n.size
		uses[i] = u
	}
	for changed := true; changed; {
		changed = false
		movedFiles := map[string]bool{}
		for _, u := range uses {
			if !u.clean {
				for _, f := range u.files {
					movedFiles[f] = true
				}
			}
		}
		for i, u := range uses {
			if !u.clean {
				continue
			}
			for _, name := range u.tombstones {
				if file, _, _ := strings.Cut(name, "#"); movedFiles[file] {
					uses[i].clean, changed = false, true
					break
				}
			}
		}
	}
	moved := map[string]string{} // old ref → new ref
	var (
		obsolete   []int
		tombstones []string
		seenTomb   = map[string]bool{}
	)
	for _, u := range uses {
		if u.clean {
			continue
		}
		var perr error
		_, err := scanPackFile(idx.dir, u.id, func(ref string, kind byte, name string, payload []byte) {
			switch {
			case perr != nil:
			case live[ref]:
				if moved[ref], perr = copyFrame(kind, name, payload); perr == nil {
					st.Moved++
				}
			case kind == blobTombstone && keepTombstone(name) && !seenTomb[name]:
				// Written again once every original is copied, so that
				// each follows its file's.
				seenTomb[name] = true
				tombstones = append(tombstones, name)
			}
		})
		if err == nil {
			err = perr
		}
		if err != nil {
			return st, fmt.Errorf("compact: %w", err)
		}
		obsolete = append(obsolete, u.id)
	}
	for _, name := range tombstones {
		if _, err := copyFrame(blobTombstone, name, nil); err != nil {
			return st, fmt.Errorf("compact: %w", err)
		}
	}
	if err := idx.blobs.sync(); err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}

	// The meetings are written again with their frames' new refs, in
	// batches as Load writes them; a batch returns once scorch has
	// persisted it, so none refers to an old pack when it is removed.
	var batch []storedRecord
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := idx.put(ctx, batch); err != nil {
			return err
		}
		st.Rewritten += len(batch)
		batch = batch[:0]
		return nil
	}
	for _, m := range meetings {
		newRecord, recordMoved := moved[m.record]
		newOriginal, originalMoved := moved[m.original]
		if !recordMoved && !originalMoved {
			continue
		}
		rec, err := idx.loadRecord(m.record, m.original)
		if err != nil {
			return st, fmt.Errorf("compact: meeting %s: %w", m.id, err)
		}
		sr := storedRecord{rec: rec, key: m.record, original: m.original}
		if recordMoved {
			sr.key = newRecord
		}
		if originalMoved {
			sr.original = newOriginal
		}
		if batch = append(batch, sr); len(batch) == compactBatch {
			if err := flush(); err != nil {
				return st, fmt.Errorf("compact: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}

	// No meeting refers to the old packs any more.
	if err := idx.blobs.remove(obsolete); err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}
	if ids, err = packIDs(root); err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}
	st.PacksAfter = len(ids)
	for _, id := range ids {
		if info, err := os.Stat(packPath(idx.dir, id)); err == nil {
			st.BytesAfter += info.Size()
		}
	}
	return st, nil
}

// packScan is what scanPackFile read of a pack: its size and the bytes
// of its whole frames.
type packScan struct{ size, covered int64 }

// scanPackFile calls fn with the ref and contents of each whole frame of
// pack id of dir.
func scanPackFile(dir string, id int, fn func(ref string, kind byte, name string, payload []byte)) (packScan, error) {
	data, err := os.ReadFile(packPath(dir, id))
	if err != nil {
		return packScan{}, err
	}
	ps := packScan{size: int64(len(data))}
	scanPack(data, func(off, n int64, kind byte, name string, payload []byte) {
		ps.covered += n
		fn(blobRef(id, off, n), kind, name, payload)
	})
	return ps, nil
}

// compactBatch is the number of meetings Compact writes again per batch,
// as Load's default.
const compactBatch = 256
