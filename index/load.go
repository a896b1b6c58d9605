package index

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jiyao-search/jiyao/ingest"
)

// Source is one input file for Load.
type Source struct {
	// Name is the name the records will cite as source: a path relative
	// to the folder ingested, or an upload's name.
	Name string
	// Path is the file on disk, empty for bytes in memory: what the
	// operator is told about (Outcome.Path).
	Path string
	// Size is the size in bytes, when known (for progress).
	Size int64
	// Open returns the file's bytes.
	Open func() (io.ReadCloser, error)
}

// MaxSourceSize bounds one input file; a larger one fails.
const MaxSourceSize = ingest.MaxInputSize

// BytesSource is a Source over bytes in memory.
func BytesSource(name string, data []byte) Source {
	return Source{Name: name, Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// FileSource is a Source over a file on disk, cited by name.
func FileSource(path, name string, size int64) Source {
	return Source{Name: name, Path: path, Size: size, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// sourceName is how a file found under root is cited: as given when the
// path is relative, and an absolute path relative to the folder that holds
// root (/srv/corpus/real/a.txt under /srv/corpus/real is real/a.txt), so
// that no record shows where the server keeps its files. Slashes separate.
func sourceName(root, p string) string {
	if filepath.IsAbs(p) {
		if rel, err := filepath.Rel(filepath.Dir(filepath.Clean(root)), p); err == nil {
			p = rel
		}
	}
	return filepath.ToSlash(p)
}

// Walk lists the files under each path (a file stands for itself), in
// lexical order, skipping hidden files and folders. Unreadable paths are
// returned as failed outcomes rather than stopping the walk.
func Walk(paths []string) ([]Source, []Outcome) {
	var srcs []Source
	var bad []Outcome
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, Outcome{Source: p, Path: p, Status: StatusFailed, Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				bad = append(bad, Outcome{Source: p, Path: p, Status: StatusFailed, Err: err})
				return nil
			}
			srcs = append(srcs, FileSource(p, sourceName(root, p), info.Size()))
			return nil
		})
		if err != nil {
			bad = append(bad, Outcome{Source: root, Path: root, Status: StatusFailed, Err: err})
		}
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].Name < srcs[j].Name })
	return srcs, bad
}

// Outcome statuses.
const (
	StatusAdded     = "added"
	StatusUpdated   = "updated"
	StatusUnchanged = "unchanged"
	StatusFailed    = "failed"
	// StatusSkipped is a file that decodes but is not a meeting record
	// (a table, a README): never indexed, counted apart from failures.
	StatusSkipped = "skipped"
)

// Outcome is what Load did with one source (one record of a multi-record
// file counts as its own outcome).
type Outcome struct {
	Source string `json:"source"`
	// Path is the file on disk the outcome is about, for the operator who
	// ran the load; never shown to the public.
	Path   string `json:"-"`
	Status string `json:"status"`
	ID     string `json:"id,omitempty"`
	// Missing lists the fields an indexed record lacks (ingest.Minutes.Missing).
	Missing []string `json:"missing,omitempty"`
	Err     error    `json:"-"`
}

// Phases of loading, as Progress reports them: Load's two, then the
// closing of the index loaded.
const (
	// PhaseExtracting: files are read, extracted and stored; Done and
	// Total count files.
	PhaseExtracting = "extracting"
	// PhaseWriting: every file is extracted and the last batches are
	// being written to the index; Done and Total count records.
	PhaseWriting = "writing"
	// PhaseMerging comes after Load: the index is being closed, which
	// waits for bleve to finish persisting and merging segments. Reindex
	// reports it; a program that closes the index after Load reports it
	// itself (jiyao ingest).
	PhaseMerging = "merging"
)

// Progress is reported after each source, then after each batch written
// once every source is extracted.
type Progress struct {
	Phase       string
	Done, Total int
	// Bytes is the size of the files read so far.
	Bytes   int64
	Elapsed time.Duration
}

// LoadOptions configure Load. Zero values select the defaults.
type LoadOptions struct {
	// Workers extract in parallel; default all cores.
	Workers int
	// BatchSize is the number of records per index batch; default 256.
	BatchSize int
	// Writers write batches at once; default all cores. Bleve builds the
	// segment of a batch on the goroutine that writes it, so one writer
	// keeps one core busy at most.
	Writers int
	// Extractor reads the files; default ingest.NewExtractor(Config{}).
	Extractor *ingest.Extractor
	// Progress, if set, is called after each source, then after each
	// batch written once all are extracted (PhaseWriting); calls do not
	// overlap.
	Progress func(Progress)
	// Force re-extracts sources whose content has not changed.
	Force bool
	// StreamAbove is the size above which a JSON Lines feed is read
	// record by record rather than whole; default MaxSourceSize, the most
	// a file is read whole.
	StreamAbove int64
}

// Summary counts Load's outcomes.
type Summary struct {
	Added, Updated, Unchanged, Failed int
	// Skipped counts files that are not meeting records; Incomplete the
	// records added or updated that lack a field (they are indexed).
	Skipped, Incomplete int
	Outcomes            []Outcome
	Elapsed             time.Duration
	Bytes               int64
}

// ChangedOutside reports whether the load added or updated a meeting from a
// source whose name does not start with prefix: the user's own documents,
// when prefix is the embedded sample's.
func (s Summary) ChangedOutside(prefix string) bool {
	for _, o := range s.Outcomes {
		if (o.Status == StatusAdded || o.Status == StatusUpdated) && !strings.HasPrefix(o.Source, prefix) {
			return true
		}
	}
	return false
}

// IDsOutside lists the meetings the load found in sources whose name does
// not start with prefix, whatever became of them (added, updated,
// unchanged): a meeting the user's own file holds is the user's.
func (s Summary) IDsOutside(prefix string) []string {
	var out []string
	for _, o := range s.Outcomes {
		if o.ID != "" && !strings.HasPrefix(o.Source, prefix) {
			out = append(out, o.ID)
		}
	}
	return out
}

// Load reads, extracts and indexes sources: extraction runs on all cores,
// records are written in batches, each batch atomically (a meeting with its
// items and decisions), after the original bytes are stored for reindex and
// download. A source whose content is already indexed is unchanged; one
// with new content replaces its old record. Failures are counted and
// reported per source; the error is only for the index failing or ctx
// ending, and work done before it stays committed.
func (idx *Index) Load(ctx context.Context, srcs []Source, opts LoadOptions) (Summary, error) {
	start := time.Now()
	if idx.readOnly {
		return Summary{}, ErrReadOnly
	}
	opts, err := opts.withDefaults()
	if err != nil {
		return Summary{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Sources go to the workers, who extract them and store what is to be
	// indexed; the loop below collects their results into batches, which
	// the writers write.
	jobs := make(chan Source)
	results := make(chan extraction, opts.Workers*2)
	// total counts the sources to extract: a feed streamed record by
	// record counts as its records, as they are read.
	var total atomic.Int64
	total.Store(int64(len(srcs)))
	go func() {
		defer close(jobs)
		sendSources(ctx, srcs, opts.StreamAbove, jobs, &total)
	}()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Go(func() {
			for s := range jobs {
				r := idx.extractAndStore(ctx, s, opts)
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()

	w := idx.startWriters(ctx, cancel, opts, start)
	var pending batch
	done := 0
	for r := range results {
		done++
		bytes, err := w.collect(r, &pending)
		if err != nil {
			cancel()
			return w.finish(err)
		}
		if len(pending.recs) >= opts.BatchSize {
			w.send(pending)
			pending = batch{}
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Phase: PhaseExtracting, Done: done, Total: int(total.Load()), Bytes: bytes, Elapsed: time.Since(start)})
		}
	}
	if err := ctx.Err(); err != nil {
		return w.finish(err)
	}
	w.sendLast(pending)
	return w.finish(nil)
}

// withDefaults returns opts with its zero values replaced by the defaults.
func (opts LoadOptions) withDefaults() (LoadOptions, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 256
	}
	if opts.Writers <= 0 {
		opts.Writers = runtime.GOMAXPROCS(0)
	}
	if opts.StreamAbove <= 0 || opts.StreamAbove > MaxSourceSize {
		opts.StreamAbove = MaxSourceSize
	}
	if opts.Extractor == nil {
		ex, err := ingest.NewExtractor(ingest.Config{})
		if err != nil {
			return opts, err
		}
		opts.Extractor = ex
	}
	return opts, nil
}

// sendSources sends srcs to jobs until ctx ends, a feed larger than
// streamAbove record by record (streamFeed), counting its records into
// total in its place.
func sendSources(ctx context.Context, srcs []Source, streamAbove int64, jobs chan<- Source, total *atomic.Int64) {
	send := func(s Source) bool {
		select {
		case jobs <- s:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, s := range srcs {
		if !isFeed(s, streamAbove) {
			if !send(s) {
				return
			}
			continue
		}
		total.Add(-1)
		if !streamFeed(s, func(r Source) bool { total.Add(1); return send(r) }) {
			return
		}
	}
}

// extraction is what a worker made of one source.
type extraction struct {
	src      Source
	recs     []storedRecord // per outcome; rec nil unless added or updated
	outcomes []Outcome      // per record, or one failure
	data     []byte
	size     int64
	storeErr error
}

// extractAndStore extracts a source and stores the records to index: the
// original and the records are written (and synced) here, on the workers,
// before they reach a batch.
func (idx *Index) extractAndStore(ctx context.Context, s Source, opts LoadOptions) extraction {
	r := extraction{src: s}
	var recs []*ingest.Minutes
	recs, r.outcomes, r.data = idx.extract(ctx, s, opts)
	r.size = int64(len(r.data))
	r.recs = make([]storedRecord, len(recs))
	var packed []byte // the original, deflated once for all its records
	for i, rec := range recs {
		if r.storeErr != nil {
			break
		}
		if st := r.outcomes[i].Status; st != StatusAdded && st != StatusUpdated {
			continue
		}
		// The original is put by the batch's writer, under its claims
		// (see put); the record here.
		if packed == nil {
			if packed, r.storeErr = deflate(r.data); r.storeErr != nil {
				break
			}
		}
		if r.recs[i], r.storeErr = encodeRecord(rec, r.data); r.storeErr == nil {
			r.recs[i].originalName, r.recs[i].originalData = s.Name, packed
			r.storeErr = idx.storeRecord(&r.recs[i])
		}
	}
	return r
}

// batch is the records of one write, with their outcomes.
type batch struct {
	recs []storedRecord
	outs []Outcome
}

// loadWriters write a Load's batches on their own goroutines, Writers at a
// time, while the next are extracted: bleve builds a batch's segment on the
// goroutine that writes it, so writers in parallel build segments in
// parallel. Writes to the same meeting or source wait for each other (see
// claims).
type loadWriters struct {
	progress func(Progress)
	start    time.Time
	batches  chan batch
	written  chan struct{} // closed when every writer is done

	mu  sync.Mutex // guards the fields below
	sum Summary
	err error // the first write's that failed
	// queued and stored count the records sent to batches and written;
	// once extracted, the writers report progress.
	queued, stored int
	extracted      bool
}

// startWriters starts opts.Writers writers on idx. A write that fails
// cancels the load.
func (idx *Index) startWriters(ctx context.Context, cancel context.CancelFunc, opts LoadOptions, start time.Time) *loadWriters {
	w := &loadWriters{progress: opts.Progress, start: start, batches: make(chan batch), written: make(chan struct{})}
	var writers sync.WaitGroup
	for range opts.Writers {
		writers.Go(func() {
			for b := range w.batches {
				w.mu.Lock()
				failed := w.err != nil
				w.mu.Unlock()
				if failed {
					continue
				}
				err := idx.put(ctx, b.recs)
				w.mu.Lock()
				if err != nil {
					if w.err == nil {
						w.err = err
					}
					cancel()
				} else {
					for _, o := range b.outs {
						w.sum.Add(o)
					}
					w.stored += len(b.recs)
					if w.extracted {
						w.reportWriting()
					}
				}
				w.mu.Unlock()
			}
		})
	}
	go func() { writers.Wait(); close(w.written) }()
	return w
}

// collect takes a worker's result: its records to index go to pending,
// its other outcomes to the summary. It returns the bytes read so far, or
// the error of storing the source.
func (w *loadWriters) collect(r extraction, pending *batch) (int64, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.sum.Bytes += r.size
	if r.storeErr != nil {
		return 0, fmt.Errorf("store %s: %w", r.src.Name, r.storeErr)
	}
	for i, o := range r.outcomes {
		if o.Status == StatusAdded || o.Status == StatusUpdated {
			pending.recs = append(pending.recs, r.recs[i])
			pending.outs = append(pending.outs, o)
			continue
		}
		w.sum.Add(o)
	}
	return w.sum.Bytes, nil
}

// send hands a batch to the writers, if it holds records.
func (w *loadWriters) send(b batch) {
	if len(b.recs) == 0 {
		return
	}
	w.mu.Lock()
	w.queued += len(b.recs)
	w.mu.Unlock()
	w.batches <- b
}

// sendLast hands the last batch to the writers once every file is
// extracted: from then on the writers report the batches they write,
// which can take longer than the extraction did.
func (w *loadWriters) sendLast(b batch) {
	w.mu.Lock()
	w.queued += len(b.recs)
	w.extracted = true
	if w.stored < w.queued && w.err == nil {
		w.reportWriting()
	}
	w.mu.Unlock()
	if len(b.recs) > 0 {
		w.batches <- b
	}
}

// reportWriting reports the writing phase; mu is held.
func (w *loadWriters) reportWriting() {
	if w.progress != nil {
		w.progress(Progress{Phase: PhaseWriting, Done: w.stored, Total: w.queued, Bytes: w.sum.Bytes, Elapsed: time.Since(w.start)})
	}
}

// finish waits for the writers and returns the load's summary with err,
// the loop's error, unless that is nil or a cancellation and a write
// failed: then with the write's error.
func (w *loadWriters) finish(err error) (Summary, error) {
	close(w.batches)
	<-w.written
	// A fault wins over the cancellation it caused elsewhere: a source
	// that could not be stored (a full disk) cancels the writers, whose
	// puts then fail with context.Canceled, and a failed write cancels
	// the loop.
	if w.err != nil && (err == nil || errors.Is(err, context.Canceled)) {
		err = w.err
	}
	return w.sum.finish(w.start), err
}

// Add counts an outcome and keeps it.
func (s *Summary) Add(o Outcome) {
	switch o.Status {
	case StatusAdded:
		s.Added++
	case StatusUpdated:
		s.Updated++
	case StatusUnchanged:
		s.Unchanged++
	case StatusSkipped:
		s.Skipped++
	default:
		s.Failed++
	}
	if (o.Status == StatusAdded || o.Status == StatusUpdated) && len(o.Missing) > 0 {
		s.Incomplete++
	}
	s.Outcomes = append(s.Outcomes, o)
}

func (s Summary) finish(start time.Time) Summary {
	s.Elapsed = time.Since(start)
	return s
}

// extract reads and extracts one source and decides each record's status
// against the index.
func (idx *Index) extract(ctx context.Context, s Source, opts LoadOptions) ([]*ingest.Minutes, []Outcome, []byte) {
	fail := func(err error) ([]*ingest.Minutes, []Outcome, []byte) {
		return nil, []Outcome{{Source: s.Name, Path: s.Path, Status: StatusFailed, Err: err}}, nil
	}
	rc, err := s.Open()
	if err != nil {
		return fail(err)
	}
	data, err := io.ReadAll(io.LimitReader(rc, MaxSourceSize+1))
	rc.Close()
	if err != nil {
		return fail(err)
	}
	if len(data) > MaxSourceSize {
		return fail(fmt.Errorf("file larger than %d bytes", MaxSourceSize))
	}
	recs, err := opts.Extractor.Extract(s.Name, data)
	if errors.Is(err, ingest.ErrNoMinutes) {
		return nil, []Outcome{{Source: s.Name, Path: s.Path, Status: StatusSkipped, Err: err}}, nil
	}
	if err != nil {
		return fail(err)
	}
	outs := make([]Outcome, len(recs))
	for i, m := range recs {
		outs[i] = Outcome{Source: m.Source, ID: m.ID, Missing: m.Missing}
		if s.Path != "" {
			// file.jsonl#2: the second record of the file.
			outs[i].Path = s.Path + strings.TrimPrefix(m.Source, s.Name)
		}
		if err := ingest.Check(m); err != nil {
			outs[i].Status, outs[i].Err = StatusSkipped, err
			continue
		}
		_, sum, ok, err := idx.Lookup(ctx, m.Source)
		switch {
		case err != nil:
			outs[i].Status, outs[i].Err = StatusFailed, err
		case !ok:
			// The same content may be indexed from another path: one
			// record, not two.
			if prev, err := idx.Get(ctx, m.ID); err == nil && prev.SHA256 == m.SHA256 && !opts.Force {
				outs[i].Status = StatusUnchanged
				break
			}
			outs[i].Status = StatusAdded
		case sum == m.SHA256 && !opts.Force:
			outs[i].Status = StatusUnchanged
		default:
			outs[i].Status = StatusUpdated
		}
	}
	return recs, outs, data
}

// Originals are kept under the index folder, named by content digest, with
// the source name beside them, written to a temporary name and renamed so
// that a kill never leaves a partial file under the final name. In memory
// they are kept as internal values of the index.
// Original returns the name and original bytes of the file a meeting was
// extracted from.
func (idx *Index) Original(ctx context.Context, id string) (name string, data []byte, err error) {
	st, err := idx.meetingStored(ctx, id)
	if err != nil {
		return "", nil, fmt.Errorf("original of %s: %w", id, err)
	}
	ref := st.Original
	if ref == "" {
		return "", nil, fmt.Errorf("original of %s: %w", id, ErrNotFound)
	}
	name, data, err = idx.blobs.getOriginal(ref)
	if err != nil {
		return "", nil, fmt.Errorf("original of %s: %w", id, err)
	}
	return name, data, nil
}

// Originals lists the stored originals of an on-disk index as Sources named
// as they were loaded, for rebuilding the index (Reindex): the last
// original put under each name, unless the meeting from it was deleted
// since. Indexes written before the pack store kept originals one file
// each under DIR/originals; those are listed too, and the packs win where
// both have a name.
func Originals(dir string) ([]Source, error) {
	byName := map[string]Source{}
	root := filepath.Join(dir, legacyOriginalsDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(p, ".name") {
			return nil
		}
		name, err := os.ReadFile(p + ".name")
		if err != nil {
			name = []byte(d.Name())
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		path := p
		byName[string(name)] = Source{Name: string(name), Size: info.Size(), Open: func() (io.ReadCloser, error) { return os.Open(path) }}
		return nil
	})
	if err != nil {
		return nil, err
	}
	packed, _, err := packOriginals(dir)
	if err != nil {
		return nil, err
	}
	for _, s := range packed {
		byName[s.Name] = s
	}
	srcs := make([]Source, 0, len(byName))
	for _, s := range byName {
		srcs = append(srcs, s)
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].Name < srcs[j].Name })
	return srcs, nil
}

// Deleted lists the sources of records that were deleted from a file that
// holds several (name#k) and that Originals still lists, for the file's
// other records: rebuilding the index loads the file, then deletes these
// (Reindex does).
func Deleted(dir string) ([]string, error) {
	_, deleted, err := packOriginals(dir)
	return deleted, err
}

// legacyOriginalsDir held one file per original before the pack store.
const legacyOriginalsDir = "originals"

// isFeed reports whether a source is a JSON Lines feed larger than above,
// too large to read whole (MaxSourceSize bounds one document, not a feed):
// its records are read one line at a time (streamFeed).
func isFeed(s Source, above int64) bool {
	ext := strings.ToLower(path.Ext(s.Name))
	return (ext == ".jsonl" || ext == ".ndjson") && s.Size > above
}

// streamFeed reads a JSON Lines feed and hands each record, one line, to
// send as a source of its own named feed.jsonl#N (N counting the records,
// as the records of a smaller feed are named), until send returns false.
// A line larger than MaxSourceSize, or a feed that cannot be read, is
// handed on as a source that fails with the reason. Memory is one line.
func streamFeed(s Source, send func(Source) bool) bool {
	fail := func(name, p string, err error) Source {
		return Source{Name: name, Path: p, Open: func() (io.ReadCloser, error) { return nil, err }}
	}
	rc, err := s.Open()
	if err != nil {
		return send(fail(s.Name, s.Path, err))
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	n := 0
	for {
		line, tooLong, err := readLine(br, MaxSourceSize)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			n++
			name, p := fmt.Sprintf("%s#%d", s.Name, n), ""
			if s.Path != "" {
				p = fmt.Sprintf("%s#%d", s.Path, n)
			}
			r := BytesSource(name, line)
			r.Path = p
			if tooLong {
				r = fail(name, p, fmt.Errorf("record larger than %d bytes", MaxSourceSize))
			}
			if !send(r) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return send(fail(fmt.Sprintf("%s#%d", s.Name, n+1), s.Path, err))
		}
	}
}

// readLine reads one line of at most max bytes, without its newline; a
// longer line is read to its end and dropped (tooLong).
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(frag) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}
