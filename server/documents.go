package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/sample"
)

// maxUploadFiles bounds the files of one upload request.
const maxUploadFiles = 100

// authorize checks the bearer token of a write.
func (s *Server) authorize(c *gin.Context) error {
	if s.opts.Token == "" {
		return errWritesOff
	}
	h := c.GetHeader("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if h == "" || !ok || !strings.EqualFold(scheme, "Bearer") {
		return errUnauthorized
	}
	// Compare digests so that neither length nor content leaks by timing.
	a, b := sha256.Sum256([]byte(strings.TrimSpace(tok))), sha256.Sum256([]byte(s.opts.Token))
	if subtle.ConstantTimeCompare(a[:], b[:]) != 1 {
		return errBadToken
	}
	return nil
}

// UploadResponse is the answer of POST /documents: what became of each
// file (one entry per record of a multi-record file).
type UploadResponse struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Failed    int `json:"failed"`
	// Skipped counts files that are not meeting records; Incomplete the
	// records added or updated that lack a field (see a file's missing).
	Skipped      int           `json:"skipped"`
	Incomplete   int           `json:"incomplete"`
	Files        []FileOutcome `json:"files"`
	TookMS       float64       `json:"took_ms"`
	IndexVersion string        `json:"index_version"`
	// SampleRemoved counts the meetings of the embedded sample removed
	// because the index now holds the user's own documents.
	SampleRemoved int `json:"sample_removed,omitempty"`
}

// FileOutcome is what became of one uploaded file or record.
type FileOutcome struct {
	Source string `json:"source"`
	// Status is added, updated, unchanged, skipped (not a meeting
	// record) or failed.
	Status string `json:"status"`
	// ID is the meeting id of the record.
	ID string `json:"id,omitempty"`
	// Missing lists the fields the record lacks (title, issuer,
	// meeting.date, chair); it is indexed all the same.
	Missing []string   `json:"missing,omitempty"`
	Error   *errDetail `json:"error,omitempty"`
}

// UploadSourcePrefix is put before upload names to make the records'
// sources: uploading a file of the same name again replaces its record,
// like ingesting the same path again.
const UploadSourcePrefix = "upload/"

func (s *Server) postDocuments(c *gin.Context) error {
	if err := s.authorize(c); err != nil {
		return err
	}
	if err := checkParams(c, []string{"name"}); err != nil {
		return err
	}
	srcs, err := s.readUpload(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	// A batch whose deadline passes before its commit is abandoned, with
	// nothing of it written (see index.Put). An upload of one batch (256
	// records) is answered 503 then. A larger one may have had batches
	// committed before: those are acknowledged, and the files of the
	// others reported failed with code timeout. (One batch for a whole
	// upload would make it all or nothing, but 32 MiB of generated minutes
	// loaded so peaked at 4.35 GB resident against 1.03 GB, and took twice
	// as long: BenchmarkUploadBatch in internal/bench.)
	sum, err := s.idx.Load(ctx, srcs, index.LoadOptions{Extractor: s.ex, Workers: s.opts.LoadWorkers})
	if err != nil {
		if sum.Added+sum.Updated == 0 || ctx.Err() == nil {
			return err
		}
		abandoned(&sum, srcs, err)
		s.log.Warn("upload cut short by its deadline", "request_id", c.GetString(ctxRequestID),
			"added", sum.Added, "updated", sum.Updated, "abandoned", sum.Failed, "err", err)
	}
	// Committed: what follows is bookkeeping, done and answered 2xx
	// whatever becomes of the deadline.
	ctx = context.WithoutCancel(ctx)
	resp := UploadResponse{Added: sum.Added, Updated: sum.Updated, Unchanged: sum.Unchanged, Failed: sum.Failed,
		Skipped: sum.Skipped, Incomplete: sum.Incomplete,
		Files: make([]FileOutcome, 0, len(sum.Outcomes)), TookMS: ms(sum.Elapsed)}
	unsupported := 0
	for _, o := range sum.Outcomes {
		fo := FileOutcome{Source: o.Source, Status: o.Status, ID: o.ID, Missing: o.Missing}
		if o.Err != nil {
			fo.Error = &errDetail{Code: outcomeCode(o.Err), Message: o.Err.Error()}
			if errors.Is(o.Err, ingest.ErrUnsupported) {
				unsupported++
			}
		}
		resp.Files = append(resp.Files, fo)
	}
	if sum.ChangedOutside(sample.Prefix) {
		if resp.SampleRemoved, err = s.idx.RemoveFromPrefix(ctx, sample.Prefix, sum.IDsOutside(sample.Prefix)); err != nil {
			// The upload is committed: it is answered as such, and the
			// sample goes with the next upload.
			s.log.Error("remove the sample after an upload", "request_id", c.GetString(ctxRequestID), "err", err)
		}
	}
	s.log.Info("upload", "request_id", c.GetString(ctxRequestID), "files", len(srcs),
		"added", sum.Added, "updated", sum.Updated, "unchanged", sum.Unchanged, "failed", sum.Failed,
		"sample_removed", resp.SampleRemoved)
	if unsupported > 0 && unsupported == len(sum.Outcomes) {
		first := sum.Outcomes[0].Err
		msg := "no uploaded file is in a format Jiyao reads (text, Markdown, HTML, JSON, DOCX, DOC, PDF): "
		if errors.Is(first, ingest.ErrLimit) || errors.Is(first, ingest.ErrMalformed) {
			// A format Jiyao reads, past a bound or broken: the reason
			// says which.
			msg = "no uploaded file could be read: "
		}
		return &apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_format", Message: msg + first.Error()}
	}
	if resp.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, resp)
	return nil
}

// abandoned reports as failed, with err, the uploaded files of which a
// load cut short reports nothing: their batch was not committed.
func abandoned(sum *index.Summary, srcs []index.Source, err error) {
	reported := map[string]bool{}
	for _, o := range sum.Outcomes {
		file, _, _ := strings.Cut(o.Source, "#") // a record of a file that holds several
		reported[file] = true
	}
	for _, src := range srcs {
		if !reported[src.Name] {
			sum.Add(index.Outcome{Source: src.Name, Status: index.StatusFailed,
				Err: fmt.Errorf("not indexed: the request's deadline passed before its batch was committed: %w", err)})
		}
	}
}

// outcomeCode is the code of a per-file failure.
func outcomeCode(err error) string {
	switch {
	case errors.Is(err, ingest.ErrUnsupported):
		return "unsupported_format"
	case errors.Is(err, ingest.ErrNoMinutes):
		return "no_minutes"
	case errors.Is(err, ingest.ErrNoTextLayer):
		return "no_text_layer"
	case errors.Is(err, ingest.ErrEmpty):
		return "empty_document"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "timeout"
	}
	return "extract_failed"
}

// readUpload reads the files of a multipart body (every file part) or of a
// raw body (named by ?name= or Content-Disposition).
func (s *Server) readUpload(c *gin.Context) ([]index.Source, error) {
	ct := c.GetHeader("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if ct != "" && err != nil {
		return nil, &apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type", Message: "the Content-Type header does not parse"}
	}
	switch {
	case mt == "multipart/form-data":
		return s.readMultipart(c, params["boundary"])
	case mt == "application/x-www-form-urlencoded":
		return nil, &apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "send files as multipart/form-data (curl -F file=@minutes.docx) or as the raw body with any other Content-Type (curl -H 'Content-Type: application/octet-stream' --data-binary @minutes.docx)"}
	}
	name := c.Query("name")
	if name == "" {
		if _, p, err := mime.ParseMediaType(c.GetHeader("Content-Disposition")); err == nil {
			name = p["filename"]
		}
	}
	if name == "" {
		return nil, badParam("name", "a raw upload needs its file name, as ?name=minutes.docx or Content-Disposition: attachment; filename=…")
	}
	data, err := io.ReadAll(c.Request.Body)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "empty_upload", Message: "the body is empty"}
	}
	return []index.Source{index.BytesSource(uploadName(name, 1), data)}, nil
}

func (s *Server) readMultipart(c *gin.Context, boundary string) ([]index.Source, error) {
	if boundary == "" {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "invalid_body", Message: "multipart body without boundary"}
	}
	mr := multipart.NewReader(c.Request.Body, boundary)
	var srcs []index.Source
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, err
			}
			return nil, &apiError{Status: http.StatusBadRequest, Code: "invalid_body", Message: "the multipart body does not parse: " + err.Error()}
		}
		if p.FileName() == "" {
			p.Close()
			continue // a plain form field
		}
		if len(srcs) == maxUploadFiles {
			return nil, &apiError{Status: http.StatusRequestEntityTooLarge, Code: "too_many_files", Message: fmt.Sprintf("at most %d files per request", maxUploadFiles)}
		}
		data, err := io.ReadAll(p)
		p.Close()
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, index.BytesSource(uploadName(p.FileName(), len(srcs)+1), data))
	}
	if len(srcs) == 0 {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "empty_upload", Message: "the multipart body holds no file part (use -F file=@minutes.docx)", Param: "file"}
	}
	return srcs, nil
}

// fileName is the last element of a path written with either slash.
func fileName(p string) string { return path.Base(strings.ReplaceAll(p, `\`, "/")) }

// uploadName makes the source name of an upload from the name the client
// gave: its base name, printable, bounded.
func uploadName(name string, n int) string {
	name = fileName(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(truncateRunes(name, 200))
	if name == "" || name == "." || name == "/" || name == ".." {
		name = fmt.Sprintf("upload-%d", n)
	}
	return UploadSourcePrefix + name
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		// Keep the extension, which selects the decoder.
		ext := []rune(path.Ext(s))
		if len(ext) > 10 {
			ext = nil
		}
		return string(r[:n-len(ext)]) + string(ext)
	}
	return s
}
