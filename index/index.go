package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/jiyao-search/jiyao/ingest"
)

var (
	// ErrNotFound is returned by Get for an id the index does not hold.
	ErrNotFound = errors.New("not found")
	// ErrMappingVersion is returned by Open for an index written with
	// another mapping version; it must be rebuilt with `jiyao reindex`.
	ErrMappingVersion = errors.New("index mapping version mismatch")
	// ErrReadOnly is returned by writes to an index opened read-only.
	ErrReadOnly = errors.New("index is read-only")
)

// Options configure Open.
type Options struct {
	// ReadOnly opens an existing index without write access; it is not
	// created if missing.
	ReadOnly bool
	// Logger receives progress and warnings; nil discards them.
	Logger *slog.Logger
}

// Index is an open search index of minutes records. It is safe for
// concurrent use; writes are serialised.
type Index struct {
	b        bleve.Index
	dir      string // "" in memory
	readOnly bool
	log      *slog.Logger
	blobs    *blobs      // records and originals
	recs     recordCache // decoded records, for snippets

	claims claims // lets writes to different meetings run at once
	// fields analyses the text and keyword fields of documents (see
	// analysedField, keywordsField).
	fields analysedFields
	// fieldNames are the fields of the mapping (see scoring).
	fieldNames []string
	// writes counts the batches written; stats are the scoring statistics
	// as of a count (see scoring).
	writes atomic.Uint64
	stats  atomic.Pointer[scoringStats]
	// marks are the items' marks of the segments read so far (see
	// markCache).
	marks markCache
	// columns are the facet columns of the segments read so far (see
	// columnCache).
	columns columnCache
	// lock is the index folder's lock (nil in memory).
	lock *DirLock
	// contents are the ingredients of Version, kept by apply.
	contents contents
}

// newIndex completes an Index around its open parts: it reads the text
// and keyword fields' analysis from the index's mapping, closing the parts
// if it cannot.
func newIndex(idx *Index) (*Index, error) {
	fields, err := newAnalysedFields(idx.b.Mapping())
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open index %s: %w", idx.dir, err)
	}
	idx.fields = fields
	if im, ok := idx.b.Mapping().(*mapping.IndexMappingImpl); ok && im.DefaultMapping != nil {
		for name := range im.DefaultMapping.Properties {
			idx.fieldNames = append(idx.fieldNames, name)
		}
	}
	idx.fieldNames = append(idx.fieldNames, "_id", "*") // "*": what match-all scores by
	return idx, nil
}

// Open opens the index in dir, creating it if it does not exist. It takes
// the folder's lock first, without waiting: exclusive to write, shared with
// other readers when ReadOnly; if another process has the index open, the
// error is a *LockedError (errors.Is ErrLocked) naming it.
func Open(dir string, opts Options) (_ *Index, err error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	metaPath := filepath.Join(dir, "index_meta.json")
	if opts.ReadOnly {
		if _, err := os.Stat(metaPath); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	lock, err := lockDir(dir, !opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			lock.Unlock()
		}
	}()
	_, err = os.Stat(metaPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		m, err := newMapping()
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, scorchConfig())
		if err != nil {
			return nil, openError("create", dir, err)
		}
		if err := b.SetInternal(internalVersionKey, []byte(MappingVersion)); err != nil {
			b.Close()
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		bl, err := openBlobs(dir, false)
		if err != nil {
			b.Close()
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		log.Info("created index", "dir", dir, "mapping_version", MappingVersion)
		return newIndex(&Index{b: b, dir: dir, log: log, blobs: bl, lock: lock})
	case err != nil:
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	var b bleve.Index
	if opts.ReadOnly {
		b, err = bleve.OpenUsing(dir, map[string]any{"read_only": true, "bolt_timeout": boltTimeout})
	} else {
		b, err = bleve.OpenUsing(dir, scorchConfig())
	}
	if err != nil {
		return nil, openError("open", dir, err)
	}
	v, err := b.GetInternal(internalVersionKey)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if string(v) != MappingVersion {
		b.Close()
		if len(v) == 0 {
			v = []byte("none")
		}
		return nil, fmt.Errorf("open index %s: %w: index has version %s, this program writes %s; run `jiyao reindex`",
			dir, ErrMappingVersion, v, MappingVersion)
	}
	bl, err := openBlobs(dir, opts.ReadOnly)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return newIndex(&Index{b: b, dir: dir, readOnly: opts.ReadOnly, log: log, blobs: bl, lock: lock})
}

// openError wraps an error of bleve's open or create; bolt's timeout on
// its lock means another process has the index open.
func openError(doing, dir string, err error) error {
	if errors.Is(err, berrors.ErrTimeout) {
		return &LockedError{Dir: dir}
	}
	return fmt.Errorf("%s index %s: %w", doing, dir, err)
}

// scorchConfig is the configuration of a writable index. Scorch keeps the
// segments of one earlier snapshot by default, for its rollback API, which
// Jiyao does not use (backups are copies): after a merge that holds the
// merged-away segments on disk beside the merged one until the next, up to
// twice the index. Crash safety does not depend on it: a snapshot is
// written once its segments are synced.
func scorchConfig() map[string]any {
	return map[string]any{"numSnapshotsToKeep": 0, "bolt_timeout": boltTimeout}
}

// OpenMem returns an empty in-memory index, for tests.
func OpenMem() (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	// Scorch without a path keeps its segments in memory: the same engine
	// as on disk, unlike bleve.NewMemOnly.
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	if err := b.SetInternal(internalVersionKey, []byte(MappingVersion)); err != nil {
		b.Close()
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	bl, err := openBlobs("", false)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	return newIndex(&Index{b: b, log: slog.New(slog.DiscardHandler), blobs: bl})
}

// Close closes the index and releases its folder's lock.
func (idx *Index) Close() error {
	err := idx.b.Close()
	if cerr := idx.blobs.close(); err == nil {
		err = cerr
	}
	if uerr := idx.lock.Unlock(); err == nil {
		err = uerr
	}
	return err
}

// Serving records in the index folder's lock file that this process serves
// the index's API on addr (host:port), so that a program turned away by the
// lock can point to the server instead.
func (idx *Index) Serving(addr string) error {
	return idx.lock.serving(addr)
}

// Put indexes records, each as its meeting, item and decision documents,
// in one batch that also deletes whatever older documents the records
// replace: documents of the same id no longer produced (a re-put record
// with fewer items) and every document of another record read from the same
// source. A batch is applied atomically. Putting the same records again
// changes nothing.
func (idx *Index) Put(ctx context.Context, recs []*ingest.Minutes) error {
	if idx.readOnly {
		return ErrReadOnly
	}
	srs := make([]storedRecord, len(recs))
	for i, rec := range recs {
		if err := checkID(rec); err != nil {
			return fmt.Errorf("put: %w", err)
		}
		sr, err := encodeRecord(rec, nil)
		if err != nil {
			return fmt.Errorf("put: %w", err)
		}
		srs[i] = sr
	}
	return idx.put(ctx, srs)
}

// put is Put of records already encoded (and perhaps already stored, as
// Load's workers do).
func (idx *Index) put(ctx context.Context, srs []storedRecord) error {
	cl, fromSource, err := idx.claimRecords(ctx, srs)
	if err != nil {
		return fmt.Errorf("put: %w", err)
	}
	defer cl.release()
	// Meetings only: a meeting's items and decisions go with it.
	old, _, err := idx.meetings(ctx, replacedIDs(srs, fromSource))
	if err != nil {
		return fmt.Errorf("put: %w", err)
	}
	// The last moment the write can be abandoned: from here on it is
	// written and committed whatever becomes of ctx, so that a caller
	// whose deadline passed was not told it failed when it was done, nor
	// told it was done when it was not. Nothing that reindex reads back
	// (an original) is in the packs yet: an original stored for an
	// abandoned write would come back with the next reindex.
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put: abandoned before commit: %w", err)
	}
	built, err := idx.storeAndBuild(srs)
	if err != nil {
		return fmt.Errorf("put: %w", err)
	}
	ops := putOps(srs, built, old)
	b, added, err := idx.putBatch(ops)
	if err != nil {
		return err
	}
	// The records and originals the batch refers to are made durable
	// before it.
	if err := idx.blobs.sync(); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	if err := idx.apply(b, old, added); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	idx.log.Debug("put", "records", len(srs), "ops", len(ops))
	return nil
}

// claimRecords claims the meetings records replace, waiting for other
// writes that hold any of them: each record's own id and source, and every
// meeting indexed from those sources, which it returns by source.
func (idx *Index) claimRecords(ctx context.Context, srs []storedRecord) (*claim, map[string][]string, error) {
	var sources, keys []string
	for _, sr := range srs {
		keys = append(keys, idClaim(sr.rec.ID))
		if sr.rec.Source != "" {
			sources = append(sources, sr.rec.Source)
			keys = append(keys, sourceClaim(sr.rec.Source))
		}
	}
	for {
		cl, err := idx.claims.acquire(ctx, keys)
		if err != nil {
			return nil, nil, err
		}
		fromSource, err := idx.meetingsFrom(ctx, sources)
		if err != nil {
			cl.release()
			return nil, nil, err
		}
		var more []string
		for _, ids := range fromSource {
			for _, id := range ids {
				more = append(more, idClaim(id))
			}
		}
		if cl.extend(more) {
			return cl, fromSource, nil
		}
		// Another write holds a meeting these sources had: let it finish
		// and look again.
		cl.release()
		if err := idx.claims.waitFree(ctx, more); err != nil {
			return nil, nil, err
		}
	}
}

// replacedIDs lists the meetings records replace: each record's own id,
// and any other meeting from the same source, in the index (fromSource)
// or earlier in srs.
func replacedIDs(srs []storedRecord, fromSource map[string][]string) []string {
	var mids []string
	for _, sr := range srs {
		mids = append(mids, sr.rec.ID)
		mids = append(mids, fromSource[sr.rec.Source]...)
	}
	return mids
}

// storeAndBuild stores each record not stored yet and its original, one
// per file, and builds its documents (docs).
func (idx *Index) storeAndBuild(srs []storedRecord) ([][]idDoc, error) {
	built := make([][]idDoc, len(srs))
	originals := map[string]string{} // name → ref, one per file in the batch
	for i, sr := range srs {
		if err := idx.storeRecord(&srs[i]); err != nil {
			return nil, err
		}
		if sr.original == "" && sr.originalData != nil {
			ref, ok := originals[sr.originalName]
			if !ok {
				var err error
				if ref, err = idx.blobs.put(blobOriginalDeflated, sr.originalName, sr.originalData); err != nil {
					return nil, err
				}
				originals[sr.originalName] = ref
			}
			srs[i].original = ref
		}
		ds, err := docs(srs[i])
		if err != nil {
			return nil, err
		}
		built[i] = ds
	}
	return built, nil
}

// putOps are a put's writes by meeting id: the documents of each record
// but those replaced by a later record of the same source, and a delete
// (nil) of each meeting replaced (old) that no record writes again.
func putOps(srs []storedRecord, built [][]idDoc, old []string) map[string][]idDoc {
	latest := map[string]string{} // source → id of the last record put from it
	for _, sr := range srs {
		if sr.rec.Source != "" {
			latest[sr.rec.Source] = sr.rec.ID
		}
	}
	ops := map[string][]idDoc{} // nil: delete
	for _, id := range old {
		ops[id] = nil
	}
	for i, sr := range srs {
		if rec := sr.rec; rec.Source != "" && latest[rec.Source] != rec.ID {
			continue // replaced by a later record of this batch
		}
		ops[built[i][0].id] = built[i]
	}
	return ops
}

// putBatch is the batch of a put's writes, and the meetings it adds.
func (idx *Index) putBatch(ops map[string][]idDoc) (*bleve.Batch, []string, error) {
	b := idx.b.NewBatch()
	var added []string
	for id, ds := range ops {
		if ds == nil {
			b.Delete(id)
			continue
		}
		added = append(added, id)
		// The items and decisions are the meeting's nested documents:
		// bleve writes them right after it, in order, and deletes them
		// with it.
		root, err := idx.document(ds[0].id, ds[0].d)
		if err != nil {
			return nil, nil, fmt.Errorf("put %s: %w", id, err)
		}
		for _, od := range ds[1:] {
			child, err := idx.document(od.id, od.d)
			if err != nil {
				return nil, nil, fmt.Errorf("put %s: %w", od.id, err)
			}
			root.AddNestedDocument(child)
		}
		if err := b.IndexAdvanced(root); err != nil {
			return nil, nil, fmt.Errorf("put %s: %w", id, err)
		}
	}
	return b, added, nil
}

// apply writes a batch that removes the meetings removed (deleted, or
// replaced by a document of the same id) and adds those added, and counts
// the write (see scoring) and its meetings (see Version). Every write of
// documents goes through it.
func (idx *Index) apply(b *bleve.Batch, removed, added []string) error {
	defer idx.writes.Add(1)
	idx.contents.writing.RLock()
	defer idx.contents.writing.RUnlock()
	err := idx.b.Batch(b)
	idx.contents.wrote(err, removed, added)
	return err
}

// Delete removes a meeting and its item and decision documents.
func (idx *Index) Delete(ctx context.Context, meetingID string) error {
	if idx.readOnly {
		return ErrReadOnly
	}
	if meetingOf(meetingID) != meetingID {
		// An item or decision goes with its meeting only; deleting it
		// alone would leave its meeting's record and text saying it is
		// there.
		return fmt.Errorf("delete %s: not a meeting id: %w", meetingID, ErrNotFound)
	}
	cl, err := idx.claims.acquire(ctx, []string{idClaim(meetingID)})
	if err != nil {
		return fmt.Errorf("delete %s: %w", meetingID, err)
	}
	defer cl.release()
	ids, sources, err := idx.meetings(ctx, []string{meetingID})
	if err != nil {
		return fmt.Errorf("delete %s: %w", meetingID, err)
	}
	if len(ids) == 0 {
		return fmt.Errorf("delete %s: %w", meetingID, ErrNotFound)
	}
	// The last moment the delete can be abandoned (see put): from the
	// tombstone on, it is done whatever becomes of ctx.
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete %s: abandoned before commit: %w", meetingID, err)
	}
	// A tombstone keeps reindex from bringing the meeting back from its
	// original; it is written first, so a kill leaves the meeting either
	// deleted or to be deleted by the next reindex.
	for _, src := range sources {
		if _, err := idx.blobs.put(blobTombstone, src, nil); err != nil {
			return fmt.Errorf("delete %s: %w", meetingID, err)
		}
	}
	if err := idx.blobs.sync(); err != nil {
		return fmt.Errorf("delete %s: %w", meetingID, err)
	}
	b := idx.b.NewBatch()
	for _, id := range ids {
		b.Delete(id)
	}
	if err := idx.apply(b, ids, nil); err != nil {
		return fmt.Errorf("delete %s: %w", meetingID, err)
	}
	return nil
}

// MeetingsFromPrefix lists the ids of the meetings indexed from sources
// whose name starts with prefix (the embedded sample's "sample/").
func (idx *Index) MeetingsFromPrefix(ctx context.Context, prefix string) ([]string, error) {
	var ids []string
	err := idx.scan(ctx, sourcePrefixQuery(prefix), nil, func(id string, _ map[string]any) {
		ids = append(ids, id)
	})
	if err != nil {
		return nil, fmt.Errorf("meetings from %s: %w", prefix, err)
	}
	return ids, nil
}

// RemoveFromPrefix deletes every meeting indexed from a source whose name
// starts with prefix, as Delete does each, but those of keep (the meetings
// a load just found in the user's own files, though first indexed from the
// prefix's), and returns how many it deleted.
func (idx *Index) RemoveFromPrefix(ctx context.Context, prefix string, keep []string) (int, error) {
	ids, err := idx.MeetingsFromPrefix(ctx, prefix)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		if slices.Contains(keep, id) {
			continue
		}
		if err := idx.Delete(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
			return n, err
		}
		n++
	}
	return n, nil
}

// HasMeetingsFromPrefix reports whether any meeting was indexed from a
// source whose name starts with prefix: one count, for a page's banner.
func (idx *Index) HasMeetingsFromPrefix(ctx context.Context, prefix string) (bool, error) {
	res, err := idx.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(sourcePrefixQuery(prefix), 0, 0, false))
	if err != nil {
		return false, fmt.Errorf("meetings from %s: %w", prefix, err)
	}
	return res.Total > 0, nil
}

func sourcePrefixQuery(prefix string) query.Query {
	s := query.NewPrefixQuery(prefix)
	s.SetField(fSource)
	return query.NewConjunctionQuery([]query.Query{s, termQ(fLevel, LevelMeeting)})
}

// scanPage bounds the hits fetched per request when listing documents.
const scanPage = 1000

// maxTerms bounds the terms of one disjunction when looking up many
// values.
const maxTerms = 512

// meetings lists which of the meetings the index holds, and their source
// names. Deleting a meeting deletes its items and decisions, its nested
// documents, with it.
func (idx *Index) meetings(ctx context.Context, meetingIDs []string) (ids, sources []string, err error) {
	for chunk := range slices.Chunk(meetingIDs, maxTerms) {
		err := idx.scan(ctx, query.NewDocIDQuery(chunk), []string{fStored}, func(id string, f map[string]any) {
			ids = append(ids, id)
			if st := readStored(id, f); st.Source != "" {
				sources = append(sources, st.Source)
			}
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return ids, sources, nil
}

// meetingsFrom maps sources to the ids of the meetings indexed from them.
func (idx *Index) meetingsFrom(ctx context.Context, sources []string) (map[string][]string, error) {
	out := map[string][]string{}
	for chunk := range slices.Chunk(sources, maxTerms) {
		qs := make([]query.Query, len(chunk))
		for i, s := range chunk {
			qs[i] = termQ(fSource, s)
		}
		q := query.NewConjunctionQuery([]query.Query{termQ(fLevel, LevelMeeting), query.NewDisjunctionQuery(qs)})
		err := idx.scan(ctx, q, []string{fStored}, func(id string, f map[string]any) {
			src := readStored(id, f).Source
			out[src] = append(out[src], id)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func meetingSourceQuery(source string) query.Query {
	s := query.NewTermQuery(source)
	s.SetField(fSource)
	l := query.NewTermQuery(LevelMeeting)
	l.SetField(fLevel)
	return query.NewConjunctionQuery([]query.Query{s, l})
}

// scan visits every hit of q in doc id order.
func (idx *Index) scan(ctx context.Context, q query.Query, fields []string, f func(id string, fields map[string]any)) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, scanPage, 0, false)
		req.Fields = fields
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SearchAfter = after
		}
		res, err := idx.b.SearchInContext(ctx, req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			f(h.ID, h.Fields)
		}
		if len(res.Hits) < scanPage {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Get returns the record of a meeting. An item or decision id returns its
// meeting's record.
func (idx *Index) Get(ctx context.Context, id string) (*ingest.Minutes, error) {
	st, err := idx.meetingStored(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	rec, err := idx.loadRecord(st.Record, st.Original)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	return rec, nil
}

// meetingStored reads the stored field of the meeting a document id
// belongs to; ErrNotFound if there is no such meeting.
func (idx *Index) meetingStored(ctx context.Context, id string) (storedHit, error) {
	if found, err := idx.has(ctx, fID, meetingOf(id)); err == nil && !found {
		return storedHit{}, ErrNotFound
	}
	ms, err := idx.meetingsStored(ctx, []string{meetingOf(id)})
	if err != nil {
		return storedHit{}, err
	}
	st, ok := ms[meetingOf(id)]
	if !ok {
		return storedHit{}, ErrNotFound
	}
	return st, nil
}

// loadStored sets the stored field of each hit (Fields[fStored]), read by
// the document number the search found it under. Bleve's own loading
// (SearchRequest.Fields) looks each hit up again by its id, in the id
// dictionary of every segment, which was a fifth of a term query's time on
// 20,000 generated minutes. A document number is only good in the
// snapshot the search ran on; the one read here may be newer, so the id
// stored with the document is checked, and a hit whose number now holds
// another document is looked up by id.
func (idx *Index) loadStored(hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	r, err := idx.reader()
	if err != nil {
		return err
	}
	defer r.Close()
	segs, _ := snapshotSegments(r, "stored records") // none: each is looked up by id
	offsets := docOffsets(segs)
	for _, h := range hits {
		var id, stored string
		found := false
		if len(h.IndexInternalID) == 8 {
			if i, local, ok := segmentOf(offsets, h.IndexInternalID.Value()); ok {
				// The values are zap's buffers, good during the visit
				// only: they are copied.
				err := segs[i].VisitDocument(local, func(name string, _ byte, v []byte, _ []uint64) bool {
					switch name {
					case "_id":
						id = string(v)
					case fStored:
						stored, found = string(v), true
					}
					return true
				})
				if err != nil {
					return err
				}
			}
		}
		if id != h.ID {
			d, err := r.Document(h.ID)
			if err != nil {
				return err
			}
			stored, found = "", false
			if d != nil {
				d.VisitFields(func(f bindex.Field) {
					if f.Name() == fStored {
						stored, found = string(f.Value()), true
					}
				})
			}
		}
		if h.Fields == nil {
			h.Fields = map[string]any{}
		}
		if found {
			h.Fields[fStored] = stored
		}
	}
	return nil
}

// meetingsStored reads the stored fields of meetings, by id, in one
// search; a meeting the index does not hold is left out.
func (idx *Index) meetingsStored(ctx context.Context, ids []string) (map[string]storedHit, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fStored}
	req.Score = scoreNone
	res, err := idx.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]storedHit, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = readStored(h.ID, h.Fields)
	}
	return out, nil
}

// Lookup reports the id and content digest of the record indexed from
// source, so that ingest can tell unchanged, updated and added files apart.
func (idx *Index) Lookup(ctx context.Context, source string) (id, sha256 string, ok bool, err error) {
	if found, err := idx.has(ctx, fSource, source); err == nil && !found {
		return "", "", false, nil
	}
	req := bleve.NewSearchRequest(meetingSourceQuery(source))
	req.Fields = []string{fStored}
	req.Size = 1
	res, err := idx.b.SearchInContext(ctx, req)
	if err != nil {
		return "", "", false, fmt.Errorf("lookup %s: %w", source, err)
	}
	if len(res.Hits) == 0 {
		return "", "", false, nil
	}
	h := res.Hits[0]
	return h.ID, readStored(h.ID, h.Fields).SHA256, true, nil
}

// has reports whether a document holds term in field, from the term
// dictionaries alone. Loading asks for each record whether its source and
// its id are indexed, which in a new index they never are: a search that
// finds nothing cost several times as much (those searches were 2.5% of
// the CPU of loading 100,000 generated minutes). Deleted documents may
// count: has only rules a search out.
func (idx *Index) has(ctx context.Context, field, term string) (bool, error) {
	r, err := idx.reader()
	if err != nil {
		return false, err
	}
	defer r.Close()
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return false, err
	}
	defer tfr.Close()
	return tfr.Count() > 0, nil
}

// Stats describes the index contents.
type Stats struct {
	Meetings  uint64 `json:"meetings"`
	Items     uint64 `json:"items"`
	Decisions uint64 `json:"decisions"`
	// SizeBytes is the size of the index directory (0 in memory).
	SizeBytes int64 `json:"size_bytes"`
	// FirstDate and LastDate bound the meeting dates, YYYY-MM-DD; empty
	// when no meeting has a date.
	FirstDate string `json:"first_date,omitempty"`
	LastDate  string `json:"last_date,omitempty"`
	// MappingVersion is the version the index was written with.
	MappingVersion string `json:"mapping_version"`
}

// Stats counts the documents of each level and finds the date range.
func (idx *Index) Stats(ctx context.Context) (Stats, error) {
	st := Stats{MappingVersion: MappingVersion}
	for _, c := range []struct {
		level string
		n     *uint64
	}{{LevelMeeting, &st.Meetings}, {LevelItem, &st.Items}, {LevelDecision, &st.Decisions}} {
		q := query.NewTermQuery(c.level)
		q.SetField(fLevel)
		req := bleve.NewSearchRequestOptions(q, 0, 0, false)
		res, err := idx.b.SearchInContext(ctx, req)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		*c.n = res.Total
	}
	for _, c := range []struct {
		sort string
		out  *string
	}{{fDate, &st.FirstDate}, {"-" + fDate, &st.LastDate}} {
		lv := query.NewTermQuery(LevelMeeting)
		lv.SetField(fLevel)
		dq := query.NewTermRangeQuery(minDate.Format(time.DateOnly), "")
		dq.SetField(fDate)
		req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{lv, dq}), 1, 0, false)
		req.SortBy([]string{c.sort, "_id"})
		req.Fields = []string{fStored}
		res, err := idx.b.SearchInContext(ctx, req)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		if len(res.Hits) > 0 {
			*c.out = readStored(res.Hits[0].ID, res.Hits[0].Fields).Day
		}
	}
	if idx.dir != "" {
		err := filepath.WalkDir(idx.dir, func(_ string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				if info, err := d.Info(); err == nil {
					st.SizeBytes += info.Size()
				}
			}
			return nil
		})
		if err != nil {
			return st, fmt.Errorf("stats: size of %s: %w", idx.dir, err)
		}
	}
	return st, nil
}
