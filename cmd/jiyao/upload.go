package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/server"
)

// Bounds of one upload request of jiyao ingest --server, below the
// server's own (100 files, 32 MB by default) so that a request holds
// several files and still passes. A larger file goes alone.
const (
	uploadMaxFiles = 16
	uploadMaxBytes = 8 << 20
	// uploadMaxWait bounds the wait a rate-limited request is told to
	// take before it is sent again.
	uploadMaxWait = 30 * time.Second
)

// phaseSending is the phase of an ingest that sends files to a server.
const phaseSending = "sending"

// uploader sends files to a running server's upload API (POST
// /api/v1/documents with the bearer token), several per request, so that
// a running service is fed without being stopped.
type uploader struct {
	client   *http.Client
	endpoint string
	token    string
}

// newUploader checks the server's base URL and returns an uploader to it.
func newUploader(base, token string) (*uploader, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: --server %q is not a server's URL such as http://127.0.0.1:8080", errUsage, base)
	}
	if token == "" {
		return nil, fmt.Errorf("%w: ingest --server needs the server's write token: set JIYAO_TOKEN or --token-file", errUsage)
	}
	return &uploader{client: &http.Client{}, endpoint: strings.TrimRight(base, "/") + server.APIPrefix + "/documents", token: token}, nil
}

// upload is one request's worth of files.
type upload struct {
	paths []string // local names, for the summary
	names []string // names sent: the base names
	data  [][]byte
	size  int
}

// load sends srcs to the server and returns the summary Load would: the
// server's outcome of each record, under the file's local name. The error
// is for the server refusing the requests (a bad token, writes disabled,
// the server gone) or ctx ending; files sent before it stay indexed.
func (u *uploader) load(ctx context.Context, srcs []index.Source, progress func(index.Progress)) (index.Summary, error) {
	start := time.Now()
	var sum index.Summary
	done := 0
	report := func() {
		if progress != nil {
			progress(index.Progress{Phase: phaseSending, Done: done, Total: len(srcs), Bytes: sum.Bytes, Elapsed: time.Since(start)})
		}
	}
	report()
	fail := func(name string, err error) {
		sum.Add(index.Outcome{Source: name, Status: index.StatusFailed, Err: err})
	}
	finish := func(err error) (index.Summary, error) {
		sum.Elapsed = time.Since(start)
		return sum, err
	}
	// The server names an upload by its base name: two files of the same
	// name would be one record, the second replacing the first.
	byName := map[string]string{}
	var up upload
	send := func() error {
		if len(up.paths) == 0 {
			return nil
		}
		if err := u.send(ctx, up, &sum); err != nil {
			return err
		}
		done += len(up.paths)
		up = upload{}
		report()
		return nil
	}
	for _, s := range srcs {
		if err := ctx.Err(); err != nil {
			return finish(err)
		}
		name := path.Base(filepath.ToSlash(s.Name))
		local := cmp.Or(s.Path, s.Name) // where the operator finds it
		if first, ok := byName[name]; ok {
			fail(local, fmt.Errorf("the server names uploads by file name, and %s has the same name: send it in another run, or rename it", first))
			done++
			continue
		}
		byName[name] = local
		data, err := readSource(s)
		if err != nil {
			fail(local, err)
			done++
			continue
		}
		sum.Bytes += int64(len(data))
		if len(up.paths) > 0 && (len(up.paths) == uploadMaxFiles || up.size+len(data) > uploadMaxBytes) {
			if err := send(); err != nil {
				return finish(err)
			}
		}
		up.paths, up.names, up.data = append(up.paths, local), append(up.names, name), append(up.data, data)
		up.size += len(data)
	}
	err := send()
	return finish(err)
}

// readSource reads a source's bytes, bounded as Load bounds them.
func readSource(s index.Source) ([]byte, error) {
	rc, err := s.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, index.MaxSourceSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > index.MaxSourceSize {
		return nil, fmt.Errorf("file larger than %d bytes", index.MaxSourceSize)
	}
	return data, nil
}

// send posts one request's files and adds their outcomes to sum. A request
// too large for the server is sent again one file at a time; one that is
// rate limited is sent again after the wait the server asks for.
func (u *uploader) send(ctx context.Context, up upload, sum *index.Summary) error {
	for {
		status, body, header, err := u.post(ctx, up)
		if err != nil {
			return fmt.Errorf("upload to %s: %w", u.endpoint, err)
		}
		switch status {
		case http.StatusOK:
			var resp server.UploadResponse
			if err := json.Unmarshal(body, &resp); err != nil {
				return fmt.Errorf("upload to %s: read the answer: %w", u.endpoint, err)
			}
			for _, fo := range resp.Files {
				o := index.Outcome{Source: localName(fo.Source, up), Status: fo.Status, ID: fo.ID, Missing: fo.Missing}
				if fo.Error != nil {
					o.Err = errors.New(fo.Error.Message)
				}
				sum.Add(o)
			}
			return nil
		case http.StatusTooManyRequests:
			wait, _ := strconv.Atoi(header.Get("Retry-After"))
			d := min(max(time.Duration(wait)*time.Second, time.Second), uploadMaxWait)
			select {
			case <-time.After(d):
				continue
			case <-ctx.Done():
				return ctx.Err()
			}
		case http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType:
			if len(up.paths) > 1 {
				for i := range up.paths {
					one := upload{paths: up.paths[i : i+1], names: up.names[i : i+1], data: up.data[i : i+1], size: len(up.data[i])}
					if err := u.send(ctx, one, sum); err != nil {
						return err
					}
				}
				return nil
			}
			// One file the server will not take: it failed, the others
			// go on.
			sum.Add(index.Outcome{Source: up.paths[0], Status: index.StatusFailed, Err: errors.New(apiMessage(status, body))})
			return nil
		default:
			return fmt.Errorf("upload to %s: %s", u.endpoint, apiMessage(status, body))
		}
	}
}

// post sends one multipart request.
func (u *uploader) post(ctx context.Context, up upload) (int, []byte, http.Header, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for i, name := range up.names {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			return 0, nil, nil, err
		}
		if _, err := fw.Write(up.data[i]); err != nil {
			return 0, nil, nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return 0, nil, nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.endpoint, &buf)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+u.token)
	resp, err := u.client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return 0, nil, nil, fmt.Errorf("read the answer: %w", err)
	}
	return resp.StatusCode, body, resp.Header, nil
}

// apiMessage is the message of an error answer in the API's error shape,
// or its status.
func apiMessage(status int, body []byte) string {
	var e struct {
		Error struct{ Code, Message string }
	}
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		return fmt.Sprintf("%d %s: %s", status, e.Error.Code, e.Error.Message)
	}
	return fmt.Sprintf("%d %s", status, http.StatusText(status))
}

// localName turns the source the server gave a record (UploadSourcePrefix
// and the name, and #k for a record of a multi-record file) back into the
// local name of the file it was sent from.
func localName(source string, up upload) string {
	for i, name := range up.names {
		sent := server.UploadSourcePrefix + name
		if source == sent || strings.HasPrefix(source, sent+"#") {
			return up.paths[i] + strings.TrimPrefix(source, sent)
		}
	}
	return source
}
