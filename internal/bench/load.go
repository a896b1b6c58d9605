package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/gen"
)

// LoadConfig configures RunLoad. Zero values select the defaults.
type LoadConfig struct {
	// Docs is the number of generated documents indexed; default 5000.
	Docs int
	// Seed selects the generated corpus and the requests; default 1.
	Seed uint64
	// Clients send requests at once, each one after the other; default 8.
	Clients int
	// Duration is the length of each phase; default 60 s.
	Duration time.Duration
	// Phases lists the phases to run, each with (true) or without (false)
	// one uploader beside the clients; default both, without first.
	Phases []bool
	// Dir holds the index; default a temporary folder, removed at the end.
	Dir string
	// Serve starts a server over the index in dir on a loopback address,
	// allowing writes with token. It is given by the caller (jiyao
	// loadtest runs jiyao serve), so that the server is measured apart
	// from the clients.
	Serve func(ctx context.Context, dir, token string) (*LoadServer, error)
	// Progress, if set, receives a line per phase.
	Progress func(string)
}

// LoadServer is a server RunLoad sends requests to.
type LoadServer struct {
	// URL is its base URL, on a loopback address.
	URL string
	// PID is its process, whose memory is sampled (0: not sampled).
	PID int
	// Stop stops it.
	Stop func() error
	// Errors, if set, counts the lines it has logged at ERROR so far.
	Errors func() int
}

// LoadReport is the outcome of RunLoad.
type LoadReport struct {
	Docs     int           `json:"docs"`
	Meetings int           `json:"meetings"`
	Clients  int           `json:"clients"`
	Cores    int           `json:"cores"`
	Build    time.Duration `json:"build_ns"`
	Phases   []PhaseReport `json:"phases"`
}

// PhaseReport gives the figures of one phase.
type PhaseReport struct {
	Uploader bool          `json:"uploader"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	Requests int           `json:"requests"`
	PerSec   float64       `json:"per_sec"`
	P50      time.Duration `json:"p50_ns"`
	P99      time.Duration `json:"p99_ns"`
	Max      time.Duration `json:"max_ns"`
	// Statuses counts the answers by status; "error" counts requests
	// that got none (connection refused, reset, timed out).
	Statuses map[string]int `json:"statuses"`
	// Kinds are the figures of each kind of request.
	Kinds []KindReport `json:"kinds"`
	// Uploads are the uploader's, apart from the clients' requests.
	Uploads KindReport `json:"uploads"`
	// PeakRSS is the largest resident set of the server sampled every
	// 100 ms; ServerErrors the lines it logged at ERROR.
	PeakRSS      int64 `json:"peak_rss_bytes"`
	ServerErrors int   `json:"server_errors"`
}

// KindReport gives the figures of one kind of request.
type KindReport struct {
	Kind     string         `json:"kind"`
	Requests int            `json:"requests"`
	P50      time.Duration  `json:"p50_ns"`
	P99      time.Duration  `json:"p99_ns"`
	Max      time.Duration  `json:"max_ns"`
	Statuses map[string]int `json:"statuses"`
}

// Failed counts the answers of the phase that are not 2xx, and the
// requests that got no answer.
func (p PhaseReport) Failed() int {
	n := 0
	for _, st := range []map[string]int{p.Statuses, p.Uploads.Statuses} {
		for s, c := range st {
			if !strings.HasPrefix(s, "2") {
				n += c
			}
		}
	}
	return n
}

// ServerFailures counts the 5xx answers of the phase, and the requests that
// got no answer.
func (p PhaseReport) ServerFailures() int {
	n := 0
	for _, st := range []map[string]int{p.Statuses, p.Uploads.Statuses} {
		for s, c := range st {
			if strings.HasPrefix(s, "5") || s == "error" {
				n += c
			}
		}
	}
	return n
}

// Kinds of request of the load.
const (
	LoadFaceted = "search+facets" // a word, with the year, issuer, department and topic facets
	LoadSearch  = "search"        // a word, a phrase, an issuer and year filter, or items
	LoadMeeting = "meeting page"  // the web page of a meeting
	LoadSuggest = "suggest"       // typeahead on the first characters of an issuer or plan
	LoadUpload  = "upload"        // one generated document, by the uploader
)

// loadKinds are the clients' kinds of request in report order, with their
// share of the requests in percent.
var loadKinds = []struct {
	kind  string
	share int
}{{LoadFaceted, 35}, {LoadSearch, 25}, {LoadMeeting, 20}, {LoadSuggest, 20}}

// loadToken is the write token of the server RunLoad starts: the uploader's.
const loadToken = "jiyao-loadtest-token"

// RunLoad generates cfg.Docs documents, indexes them as jiyao bench does,
// starts a server over the index with cfg.Serve, and runs each phase:
// cfg.Clients clients sending requests one after the other for
// cfg.Duration, a mix of faceted searches, other searches, meeting pages
// and typeahead, and in a phase with an uploader one more client uploading
// new generated documents one after the other. The server must listen on a
// loopback address: the load is never sent elsewhere.
func RunLoad(ctx context.Context, cfg LoadConfig) (LoadReport, error) {
	if cfg.Docs <= 0 {
		cfg.Docs = 5000
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Clients <= 0 {
		cfg.Clients = 8
	}
	if cfg.Duration <= 0 {
		cfg.Duration = time.Minute
	}
	if cfg.Phases == nil {
		cfg.Phases = []bool{false, true}
	}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string) {}
	}
	if cfg.Serve == nil {
		return LoadReport{}, errors.New("load: no server to start")
	}
	dir := cfg.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jiyao-loadtest-")
		if err != nil {
			return LoadReport{}, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	rep := LoadReport{Docs: cfg.Docs, Clients: cfg.Clients, Cores: runtime.GOMAXPROCS(0)}

	progress(fmt.Sprintf("generating and indexing %d documents", cfg.Docs))
	start := time.Now()
	docs := generate(BenchConfig{Docs: cfg.Docs, Seed: cfg.Seed})
	idxDir := dir + "/index"
	if err := os.RemoveAll(idxDir); err != nil {
		return rep, err
	}
	if err := buildJiyao(ctx, idxDir, docs, BenchConfig{}); err != nil {
		return rep, fmt.Errorf("load: build the index: %w", err)
	}
	rep.Build = time.Since(start)

	srv, err := cfg.Serve(ctx, idxDir, loadToken)
	if err != nil {
		return rep, fmt.Errorf("load: start the server: %w", err)
	}
	defer srv.Stop()
	if err := checkLoopback(srv.URL); err != nil {
		return rep, err
	}
	client := &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Clients + 2, DisableCompression: true},
	}
	ids, err := meetingIDs(ctx, client, srv.URL)
	if err != nil {
		return rep, fmt.Errorf("load: list meetings: %w", err)
	}
	rep.Meetings = len(ids)
	w := newWorkload(docs, ids, cfg.Seed)

	g := gen.New(cfg.Seed)
	nextUpload := cfg.Docs // uploads are new documents, after the indexed ones
	for _, uploader := range cfg.Phases {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		progress(fmt.Sprintf("%d clients for %s, uploader %v", cfg.Clients, cfg.Duration, uploader))
		p := runPhase(ctx, client, srv, w, cfg, uploader, func() (string, []byte) {
			d := g.Doc(nextUpload)
			nextUpload++
			return d.Name, d.Text
		})
		rep.Phases = append(rep.Phases, p)
		progress(fmt.Sprintf("%d requests, %.0f/s, p50 %s, p99 %s, max %s, %d not 2xx",
			p.Requests, p.PerSec, p.P50.Round(time.Millisecond/10), p.P99.Round(time.Millisecond/10), p.Max.Round(time.Millisecond/10), p.Failed()))
	}
	return rep, nil
}

// checkLoopback refuses a server that is not on a loopback address.
func checkLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("load: server URL %q: %w", base, err)
	}
	ip := net.ParseIP(u.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("load: server %s is not on a loopback address; the load test sends load to loopback only", base)
	}
	return nil
}

// meetingIDs lists up to 1000 meetings of the server, newest first, for
// the meeting pages.
func meetingIDs(ctx context.Context, client *http.Client, base string) ([]string, error) {
	var ids []string
	cursor := ""
	for len(ids) < 1000 {
		q := url.Values{"size": {"100"}, "sort": {"-date"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		var page struct {
			Hits []struct {
				ID string `json:"id"`
			} `json:"hits"`
			NextCursor string `json:"next_cursor"`
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/search?"+q.Encode(), nil)
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("search: status %d", resp.StatusCode)
		}
		for _, h := range page.Hits {
			ids = append(ids, h.ID)
		}
		if cursor = page.NextCursor; cursor == "" || len(page.Hits) == 0 {
			break
		}
	}
	if len(ids) == 0 {
		return nil, errors.New("the index holds no meeting")
	}
	return ids, nil
}

// workload draws the clients' requests from the generated documents: the
// words and phrases of jiyao bench's queries, the indexed meetings, and
// the first characters of issuers and plan titles.
type workload struct {
	faceted, other []string // query strings of /api/v1/search
	ids            []string
	prefixes       []string
}

func newWorkload(docs corpus, ids []string, seed uint64) *workload {
	w := &workload{ids: ids}
	for _, q := range benchQueries(docs, seed, 50) {
		v := url.Values{}
		r := q.jiyao()
		if r.Query != "" {
			v.Set("q", r.Query)
		}
		if len(r.Facets) > 0 {
			v.Set("facets", strings.Join(r.Facets, ","))
		}
		if r.Level != "" {
			v.Set("level", r.Level)
		}
		for _, name := range index.FilterNames {
			if vals := r.Filters.Values[name]; len(vals) > 0 {
				v[name] = vals
			}
		}
		if r.Filters.From != "" {
			v.Set("from", r.Filters.From)
		}
		if r.Sort != "" {
			v.Set("sort", r.Sort)
		}
		if q.class == QueryFaceted {
			w.faceted = append(w.faceted, v.Encode())
		} else {
			w.other = append(w.other, v.Encode())
		}
	}
	seen := map[string]bool{}
	for i := range min(docs.n, 500) {
		d := docs.doc(i)
		for _, s := range []string{d.Issuer, d.Title} {
			for _, n := range []int{1, 2, 3} {
				if p := firstRunes(s, n); p != "" && !seen[p] {
					seen[p] = true
					w.prefixes = append(w.prefixes, p)
				}
			}
		}
	}
	slices.Sort(w.prefixes)
	return w
}

func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) < n {
		return ""
	}
	return string([]rune(s)[:n])
}

// next draws a request: its kind and path.
func (w *workload) next(r *rand.Rand) (kind, path string) {
	k := r.IntN(100)
	for _, lk := range loadKinds {
		if k >= lk.share {
			k -= lk.share
			continue
		}
		switch lk.kind {
		case LoadFaceted:
			return lk.kind, "/api/v1/search?" + w.faceted[r.IntN(len(w.faceted))]
		case LoadSearch:
			return lk.kind, "/api/v1/search?" + w.other[r.IntN(len(w.other))]
		case LoadMeeting:
			return lk.kind, "/meetings/" + w.ids[r.IntN(len(w.ids))]
		case LoadSuggest:
			return lk.kind, "/api/v1/suggest?" + url.Values{"q": {w.prefixes[r.IntN(len(w.prefixes))]}}.Encode()
		}
	}
	panic("load: request shares do not add up to 100")
}

// sample is one request's outcome.
type sample struct {
	kind   string
	status string
	d      time.Duration
}

// runPhase runs the clients (and the uploader) for cfg.Duration. A request
// under way at the end is let finish and counted; none starts after.
func runPhase(ctx context.Context, client *http.Client, srv *LoadServer, w *workload, cfg LoadConfig, uploader bool, doc func() (string, []byte)) PhaseReport {
	p := PhaseReport{Uploader: uploader}
	errorsBefore := 0
	if srv.Errors != nil {
		errorsBefore = srv.Errors()
	}
	end := time.Now().Add(cfg.Duration)
	pctx, cancel := context.WithDeadline(ctx, end)
	defer cancel()

	stopRSS := sampleRSS(srv.PID, &p.PeakRSS)
	var (
		mu      sync.Mutex
		samples []sample
		uploads []sample
		wg      sync.WaitGroup
	)
	do := func(req *http.Request) (string, time.Duration) {
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return "error", time.Since(start)
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		d := time.Since(start)
		if err != nil {
			return "error", d
		}
		return strconv.Itoa(resp.StatusCode), d
	}
	for c := range cfg.Clients {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(cfg.Seed, uint64(c)))
			var mine []sample
			for pctx.Err() == nil {
				kind, path := w.next(r)
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+path, nil)
				if err != nil {
					panic(err) // the paths are built here
				}
				status, d := do(req)
				mine = append(mine, sample{kind, status, d})
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		})
	}
	if uploader {
		wg.Go(func() {
			for pctx.Err() == nil {
				name, data := doc()
				req, err := http.NewRequestWithContext(ctx, http.MethodPost,
					srv.URL+"/api/v1/documents?"+url.Values{"name": {name}}.Encode(), bytes.NewReader(data))
				if err != nil {
					panic(err)
				}
				req.Header.Set("Authorization", "Bearer "+loadToken)
				req.Header.Set("Content-Type", "text/plain; charset=utf-8")
				status, d := do(req)
				mu.Lock()
				uploads = append(uploads, sample{LoadUpload, status, d})
				mu.Unlock()
			}
		})
	}
	start := time.Now()
	wg.Wait()
	p.Elapsed = time.Since(start)
	stopRSS()
	if srv.Errors != nil {
		p.ServerErrors = srv.Errors() - errorsBefore
	}

	all := summarize("all", samples)
	p.Requests, p.P50, p.P99, p.Max, p.Statuses = all.Requests, all.P50, all.P99, all.Max, all.Statuses
	p.PerSec = float64(p.Requests) / p.Elapsed.Seconds()
	for _, lk := range loadKinds {
		var ks []sample
		for _, s := range samples {
			if s.kind == lk.kind {
				ks = append(ks, s)
			}
		}
		p.Kinds = append(p.Kinds, summarize(lk.kind, ks))
	}
	p.Uploads = summarize(LoadUpload, uploads)
	return p
}

// summarize gives the figures of samples.
func summarize(kind string, samples []sample) KindReport {
	kr := KindReport{Kind: kind, Requests: len(samples), Statuses: map[string]int{}}
	if len(samples) == 0 {
		return kr
	}
	ds := make([]time.Duration, len(samples))
	for i, s := range samples {
		ds[i] = s.d
		kr.Statuses[s.status]++
	}
	slices.Sort(ds)
	q := func(f float64) time.Duration { return ds[min(len(ds)-1, int(f*float64(len(ds))))] }
	kr.P50, kr.P99, kr.Max = q(0.50), q(0.99), ds[len(ds)-1]
	return kr
}

// sampleRSS records the largest resident set of process pid seen every
// 100 ms until stopped; pid 0 samples nothing.
func sampleRSS(pid int, peak *int64) (stop func()) {
	if pid == 0 {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			if v, err := PIDStatus(pid, "VmRSS"); err == nil && v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() { close(done); wg.Wait() }
}
