package index

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jiyao-search/jiyao/ingest"
)

// Records, the ingest.Minutes of each meeting as JSON, are kept outside
// bleve's stored fields: a hit loads all of its document's stored fields at
// once, and the record is most of a meeting document's. A meeting document
// stores the record's key, the SHA-256 of its JSON; the JSON is under the
// index folder by that key, gzipped (in memory, an internal value of the
// index, as is).
// A record is written, synced, before the batch that indexes its meeting,
// so an index never refers to a missing record; a kill in between leaves a
// record no document refers to, which is harmless. Records a batch replaces
// are removed after it is applied.
const recordsDir = "records"

// storedRecord is a record with its JSON's key.
type storedRecord struct {
	rec *ingest.Minutes
	key string
	raw []byte
}

// encodeRecord returns a record's JSON and key.
func encodeRecord(rec *ingest.Minutes) (storedRecord, error) {
	raw, err := json.Marshal(rec)
	if err != nil {
		return storedRecord{}, fmt.Errorf("encode record %s: %w", rec.ID, err)
	}
	sum := sha256.Sum256(raw)
	return storedRecord{rec: rec, key: hex.EncodeToString(sum[:]), raw: raw}, nil
}

func (idx *Index) recordPath(key string) string {
	return filepath.Join(idx.dir, recordsDir, key[:2], key+".json.gz")
}

func recordInternalKey(key string) []byte { return []byte("rec:" + key) }

// storeRecord writes a record's JSON unless it is there already.
func (idx *Index) storeRecord(r storedRecord) error {
	if idx.dir == "" {
		if v, err := idx.b.GetInternal(recordInternalKey(r.key)); err == nil && v != nil {
			return nil
		}
		return idx.b.SetInternal(recordInternalKey(r.key), r.raw)
	}
	p := idx.recordPath(r.key)
	if _, err := os.Stat(p); err == nil {
		return nil // content-addressed: already there
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(r.raw)
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = writeFileAtomic(p, buf.Bytes())
	}
	if err != nil {
		return fmt.Errorf("store record %s: %w", r.rec.ID, err)
	}
	return nil
}

// loadRecord reads the JSON of a record by key.
func (idx *Index) loadRecord(key string) ([]byte, error) {
	if len(key) != 2*sha256.Size {
		return nil, fmt.Errorf("record key %q: %w", key, ErrNotFound)
	}
	if idx.dir == "" {
		v, err := idx.b.GetInternal(recordInternalKey(key))
		if err == nil && v == nil {
			err = fmt.Errorf("record %s: %w", key, ErrNotFound)
		}
		return v, err
	}
	f, err := os.Open(idx.recordPath(key))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", key, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", key, err)
	}
	return raw, nil
}

// removeRecords deletes the records of keys, once no document refers to
// them. A failure leaves an unreferenced record behind and is only logged.
func (idx *Index) removeRecords(keys []string) {
	for _, key := range keys {
		if len(key) != 2*sha256.Size {
			continue
		}
		var err error
		if idx.dir == "" {
			err = idx.b.DeleteInternal(recordInternalKey(key))
		} else if err = os.Remove(idx.recordPath(key)); errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
		if err != nil {
			idx.log.Warn("remove replaced record", "key", key, "err", err)
		}
	}
}
