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
	live, err := idx.referred(ctx)
	if err != nil {
		return st, fmt.Errorf("compact: list meetings: %w", err)
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
	// A pack is left as it is when every frame in it is referred to, or a
	// tombstone still needed that will still follow its file's original:
	// one whose file's original is copied elsewhere is written again after
	// it. Which packs those are is found first, then the frames meetings
	// refer to are copied out of the others.
	uses, err := idx.packUses(ctx, ids, live, &st)
	if err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}
	followMovedOriginals(uses)
	moved, obsolete, err := idx.copyLive(uses, live, &st)
	if err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}
	if err := idx.blobs.sync(); err != nil {
		return st, fmt.Errorf("compact: %w", err)
	}
	if err := idx.rewriteMeetings(ctx, live.meetings, moved, &st); err != nil {
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

// liveRefs is what the meetings of an index refer to in its packs.
type liveRefs struct {
	meetings []meetingRefs
	frames   map[string]bool // refs
	files    map[string]bool // names of the originals meetings refer to
	sources  map[string]bool // sources of the meetings
}

// meetingRefs is a meeting and the refs of its record and original.
type meetingRefs struct{ id, record, original string }

// referred lists the meetings and what they refer to.
func (idx *Index) referred(ctx context.Context) (*liveRefs, error) {
	live := &liveRefs{frames: map[string]bool{}, files: map[string]bool{}, sources: map[string]bool{}}
	err := idx.scan(ctx, termQ(fLevel, LevelMeeting), []string{fStored}, func(id string, f map[string]any) {
		h := readStored(id, f)
		live.meetings = append(live.meetings, meetingRefs{id, h.Record, h.Original})
		live.frames[h.Record] = true
		if h.Original != "" {
			live.frames[h.Original] = true
		}
		live.sources[h.Source] = true
		file, _, _ := strings.Cut(h.Source, "#")
		live.files[file] = true
	})
	if err != nil {
		return nil, err
	}
	return live, nil
}

// keepTombstone reports whether the tombstone of a record is still needed.
// A tombstone of a record of a file that holds several is needed while
// the file's original is kept and the record is not indexed again:
// reindex loads the file and deletes the record again.
func (live *liveRefs) keepTombstone(name string) bool {
	file, _, several := strings.Cut(name, "#")
	return several && live.files[file] && !live.sources[name]
}

// packUse is what a pack holds that Compact keeps.
type packUse struct {
	id         int
	clean      bool     // every frame referred to or a tombstone needed, none torn
	files      []string // the names of the originals meetings refer to
	tombstones []string // the tombstones still needed
}

// packUses reads what each pack of ids holds that is still needed, and
// counts their bytes.
func (idx *Index) packUses(ctx context.Context, ids []int, live *liveRefs, st *CompactStats) ([]packUse, error) {
	uses := make([]packUse, len(ids))
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		u := packUse{id: id, clean: true}
		n, err := scanPackFile(idx.dir, id, func(ref string, kind byte, name string, _ []byte) {
			switch {
			case live.frames[ref]:
				if kind == blobOriginal || kind == blobOriginalDeflated {
					u.files = append(u.files, name)
				}
			case kind == blobTombstone && live.keepTombstone(name):
				u.tombstones = append(u.tombstones, name)
			default:
				u.clean = false
			}
		})
		if err != nil {
			return nil, err
		}
		if n.covered != n.size {
			u.clean = false // torn frames
		}
		st.BytesBefore += n.size
		uses[i] = u
	}
	return uses, nil
}

// followMovedOriginals marks not clean each pack that holds a tombstone
// of a file whose original is copied out of another, until none is left:
// the tombstone is written again after the original.
func followMovedOriginals(uses []packUse) {
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
}

// copyLive copies the frames meetings refer to out of the packs that are
// not clean, then the tombstones still needed, to new packs after those
// there are. It returns the new refs by old, and the packs copied out of.
func (idx *Index) copyLive(uses []packUse, live *liveRefs, st *CompactStats) (map[string]string, []int, error) {
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
			case live.frames[ref]:
				if moved[ref], perr = copyFrame(kind, name, payload); perr == nil {
					st.Moved++
				}
			case kind == blobTombstone && live.keepTombstone(name) && !seenTomb[name]:
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
			return nil, nil, err
		}
		obsolete = append(obsolete, u.id)
	}
	for _, name := range tombstones {
		if _, err := copyFrame(blobTombstone, name, nil); err != nil {
			return nil, nil, err
		}
	}
	return moved, obsolete, nil
}

// rewriteMeetings writes again the meetings whose record or original
// moved, with their frames' new refs, in batches as Load writes them; a
// batch returns once scorch has persisted it, so none refers to an old
// pack when it is removed.
func (idx *Index) rewriteMeetings(ctx context.Context, meetings []meetingRefs, moved map[string]string, st *CompactStats) error {
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
			return fmt.Errorf("meeting %s: %w", m.id, err)
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
				return err
			}
		}
	}
	return flush()
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
