package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/server"
)

// A running jiyao serve holds its index for writing, and the index's
// storage admits one process. The read-only commands (search, stats) then
// ask that server through its API instead of turning the user away: the
// answers are the same, since the server searches the same index.

// remote is the API of the server that holds an index.
type remote struct {
	base   string // http://host:port
	client *http.Client
}

// remoteTimeout bounds one request to the server that holds the index.
const remoteTimeout = 60 * time.Second

// remoteFor returns the server an index.LockedError names, when the process
// that holds the index serves it.
func remoteFor(err error) (*remote, bool) {
	var le *index.LockedError
	if !errors.As(err, &le) || le.Holder.URL() == "" {
		return nil, false
	}
	return &remote{base: le.Holder.URL(), client: &http.Client{Timeout: remoteTimeout}}, true
}

// search runs req through POST /search and returns the answer as the index
// would have: the API's hits and facets have the index's fields, and a
// facet lists as many values as the index lists (up to MaxFacetSize
// unless req says), not the API's default.
func (r *remote) search(ctx context.Context, req index.Request) (*index.Result, error) {
	f := req.Filters
	body := server.SearchBody{
		Q: req.Query, Level: req.Level, Facets: req.Facets, FacetSize: cmp.Or(req.FacetSize, index.MaxFacetSize),
		Sort: req.Sort, Size: req.Size, Cursor: req.After, Highlight: req.Highlight,
		Filters: server.FiltersBody{From: f.From, To: f.To, Role: f.Role, Values: f.Values},
	}
	var ans struct {
		Hits       []index.Hit        `json:"hits"`
		Total      uint64             `json:"total"`
		Mode       string             `json:"mode"`
		Fallback   string             `json:"fallback"`
		Facets     []index.Facet      `json:"facets"`
		NextCursor string             `json:"next_cursor"`
		TookMS     float64            `json:"took_ms"`
		DidYouMean []index.Suggestion `json:"did_you_mean"`
	}
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	if err := r.do(ctx, http.MethodPost, "/search", bytes.NewReader(b), &ans); err != nil {
		return nil, err
	}
	return &index.Result{Total: ans.Total, Mode: ans.Mode, Fallback: ans.Fallback, Hits: ans.Hits, Facets: ans.Facets, Next: ans.NextCursor,
		Took: time.Duration(ans.TookMS * float64(time.Millisecond)), DidYouMean: ans.DidYouMean}, nil
}

// stats asks GET /stats.
func (r *remote) stats(ctx context.Context) (index.Stats, error) {
	var ans server.StatsResponse
	if err := r.do(ctx, http.MethodGet, "/stats", nil, &ans); err != nil {
		return index.Stats{}, err
	}
	return ans.Stats, nil
}

// do sends one request to the API and decodes its JSON answer into v; an
// error answer becomes an error with the API's message.
func (r *remote) do(ctx context.Context, method, path string, body io.Reader, v any) error {
	req, err := http.NewRequestWithContext(ctx, method, r.base+server.APIPrefix+path, body)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return fmt.Errorf("ask the server that holds the index (%s): %w", r.base, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("read the answer of %s: %w", r.base, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s%s%s: %s", r.base, server.APIPrefix, path, apiMessage(resp.StatusCode, b))
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("read the answer of %s: %w", r.base, err)
	}
	return nil
}

// throughServer says on stderr that a command asked the server that holds
// the index.
func throughServer(e *env, r *remote) {
	fmt.Fprintf(e.stderr, "jiyao: the index is open in jiyao serve; asked it at %s\n", strings.TrimSuffix(r.base, "/"))
}
