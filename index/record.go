package index

import (
	"bytes"
	"compress/flate"
	"container/list"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/jiyao-search/jiyao/ingest"
)

// Records, the ingest.Minutes of each meeting as JSON, are kept outside
// bleve's stored fields, in the pack store (blobs.go): a hit loads all of
// its document's stored fields at once, and the record would be most of a
// meeting document's. Every document of a meeting stores the record's ref.
//
// A record is put and synced before the batch that indexes its meeting, so
// an index never refers to a missing record; a kill in between leaves a
// blob nothing refers to, which is harmless.
//
// The JSON leaves out the text of each item where it is the slice
// Text[Start:End] of the record's text without the white space around it,
// as ingest makes it, and decodeRecord puts it back where an item has no
// text and a non-empty span (ingest gives every item with a span its
// text).
//
// It leaves out the record's text too where that is a stretch of the
// original file as it is, as a plain text file's is (blobRecordText): the
// packs would otherwise hold the words twice, deflated in the original and
// in the record. On 10,000 generated minutes the records were 38.3 MB of
// the packs' 64.4 MB, and their texts most of that. loadRecord reads the
// text back from the meeting's original.

// storedRecord is a record with its JSON and, once stored, the refs of the
// JSON and of the original file.
type storedRecord struct {
	rec *ingest.Minutes
	raw []byte
	// text, if not nil, is where the record's text is in its original
	// file; raw leaves it out.
	text     *textSpan
	key      string // ref of the record's blob
	original string // ref of the original's blob
	// originalName and originalData are the file the record came from,
	// its bytes deflated (see deflate), for put to store under its claims: a delete of the meeting between
	// storing the original and indexing it would otherwise leave a
	// tombstone after the original of a meeting the index then holds.
	originalName string
	originalData []byte
}

// textSpan is the stretch [start, end) of an original file that is a
// record's text.
type textSpan struct{ start, end int }

// encodeRecord returns a record's JSON. original is the file the record was
// read from, if there is one: where the record's text is in it as it is,
// the JSON leaves the text out and says where it is.
func encodeRecord(rec *ingest.Minutes, original []byte) (storedRecord, error) {
	slim := *rec
	var span *textSpan
	if rec.Text != "" {
		if i := bytes.Index(original, []byte(rec.Text)); i >= 0 {
			span = &textSpan{i, i + len(rec.Text)}
			slim.Text = ""
		}
	}
	if rec.Items != nil {
		slim.Items = make([]ingest.Item, len(rec.Items))
	}
	for i, it := range rec.Items {
		if s, ok := stretchOf(rec.Text, it); ok && s == it.Text {
			it.Text = ""
		}
		slim.Items[i] = it
	}
	raw, err := json.Marshal(&slim)
	if err != nil {
		return storedRecord{}, fmt.Errorf("encode record %s: %w", rec.ID, err)
	}
	return storedRecord{rec: rec, raw: raw, text: span}, nil
}

// stretchOf returns the stretch of text an item's span covers, without the
// white space around it, as ingest makes an item's text; ok is false when
// the span is empty or not within text.
func stretchOf(text string, it ingest.Item) (string, bool) {
	if it.Start < 0 || it.Start >= it.End || it.End > len(text) {
		return "", false
	}
	return strings.TrimSpace(text[it.Start:it.End]), true
}

// decodeRecord reads a record's JSON, putting back the item texts, and
// the record's text where the JSON left it out: text, read from the
// original ("" for a record that keeps its own).
func decodeRecord(raw []byte, text string) (*ingest.Minutes, error) {
	var rec ingest.Minutes
	if err := json.Unmarshal(raw, &rec); err != nil {
		return nil, err
	}
	if text != "" {
		rec.Text = text
	}
	for i := range rec.Items {
		it := &rec.Items[i]
		if s, ok := stretchOf(rec.Text, *it); ok && it.Text == "" {
			it.Text = s
		}
	}
	return &rec, nil
}

// recordLevel is the deflate level of records. On generated minutes the
// default level makes records 0.65 times the text against 0.73 at the
// fastest; with the writers pooled the difference in time is small next to
// extraction, on whose workers records are compressed.
const recordLevel = flate.DefaultCompression

// flateWriters are reused: a deflate writer allocates about a megabyte of
// state, more than most records.
var flateWriters = sync.Pool{New: func() any {
	zw, _ := flate.NewWriter(io.Discard, recordLevel)
	return zw
}}

// deflate compresses data with a pooled writer: records and originals are
// kept deflated.
func deflate(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// inflate decompresses what deflate wrote, refusing more than max bytes: a
// damaged or hostile blob costs no more than the largest input.
func inflate(data []byte, max int64) ([]byte, error) {
	out, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data)), max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("inflates past %d bytes", max)
	}
	return out, nil
}

// storeRecord puts a record's JSON, deflated, in the pack store and sets
// its key: a blobRecord, or a blobRecordText whose data is
//
//	uvarint start | uvarint end | the JSON deflated
//
// where [start, end) is the text's stretch of the original.
func (idx *Index) storeRecord(r *storedRecord) error {
	if r.key != "" {
		return nil
	}
	packed, err := deflate(r.raw)
	kind := byte(blobRecord)
	if err == nil && r.text != nil {
		kind = blobRecordText
		head := binary.AppendUvarint(nil, uint64(r.text.start))
		packed = append(binary.AppendUvarint(head, uint64(r.text.end)), packed...)
	}
	if err == nil {
		r.key, err = idx.blobs.put(kind, r.rec.ID, packed)
	}
	if err != nil {
		return fmt.Errorf("store record %s: %w", r.rec.ID, err)
	}
	return nil
}

// loadRecord reads the record of key; original is the ref of its
// meeting's original file, where a blobRecordText's text is.
func (idx *Index) loadRecord(key, original string) (*ingest.Minutes, error) {
	kind, _, data, err := idx.blobs.frame(key)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	var span textSpan
	switch kind {
	case blobRecord:
	case blobRecordText:
		start, n := binary.Uvarint(data)
		end, m := binary.Uvarint(data[max(n, 0):])
		if n <= 0 || m <= 0 || start > end {
			return nil, fmt.Errorf("record %s: %w", key, errTorn)
		}
		span, data = textSpan{int(start), int(end)}, data[n+m:]
	default:
		return nil, fmt.Errorf("record: blob %s is of kind %q, not a record", key, kind)
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", key, err)
	}
	var text string
	if kind == blobRecordText {
		_, orig, err := idx.blobs.getOriginal(original)
		if err != nil {
			return nil, fmt.Errorf("record %s: text: %w", key, err)
		}
		if span.end > len(orig) {
			return nil, fmt.Errorf("record %s: text at %d:%d of an original of %d bytes", key, span.start, span.end, len(orig))
		}
		text = string(orig[span.start:span.end])
	}
	rec, err := decodeRecord(raw, text)
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", key, err)
	}
	return rec, nil
}

// record returns the record of key (its original's ref original) through
// a small cache, for snippets: a page of item hits often shares meetings.
// The record returned is shared and must not be changed.
func (idx *Index) record(key, original string) (*ingest.Minutes, error) {
	if rec, ok := idx.recs.get(key); ok {
		return rec, nil
	}
	rec, err := idx.loadRecord(key, original)
	if err != nil {
		return nil, err
	}
	idx.recs.add(key, rec)
	return rec, nil
}

// recordCacheSize is how many decoded records the cache keeps.
const recordCacheSize = 256

// recordCache is a least-recently-used cache of decoded records. Refs are
// never reused, so entries need no invalidation.
type recordCache struct {
	mu    sync.Mutex
	ll    *list.List
	items map[string]*list.Element
}

type cacheEntry struct {
	key string
	rec *ingest.Minutes
}

func (c *recordCache) get(key string) (*ingest.Minutes, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(cacheEntry).rec, true
	}
	return nil, false
}

func (c *recordCache) add(key string, rec *ingest.Minutes) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ll == nil {
		c.ll, c.items = list.New(), map[string]*list.Element{}
	}
	if _, ok := c.items[key]; ok {
		return
	}
	c.items[key] = c.ll.PushFront(cacheEntry{key, rec})
	if c.ll.Len() > recordCacheSize {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(cacheEntry).key)
	}
}
