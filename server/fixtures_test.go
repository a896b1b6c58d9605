package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/shared"
)

const testToken = "test-token-0123456789"

func TestMain(m *testing.M) {
	ReleaseMode() // as cmd/jiyao's main does
	os.Exit(m.Run())
}

// readSeed returns the published seed document shared by the project's
// tests.
func readSeed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(shared.CorpusPath(t, "seed", "suzhou-2020-36.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// planRecords are two meetings of one issuer dealing with one plan, first
// as a draft in traditional script, then approved.
func planRecords() []*ingest.Minutes {
	return []*ingest.Minutes{
		{
			ID: "aaaa000000000001", Source: "hz/1.txt", SHA256: "p1", Format: "text", Script: "simplified",
			Issuer: "杭州市人民政府", Title: "杭州市人民政府第5次常务会议纪要",
			Meeting: ingest.Meeting{Kind: "常务会议", Session: 5, Date: "2021-03-01"},
			Chair:   &ingest.Person{Name: "刘忻", Title: "市长"},
			Items: []ingest.Item{{No: 1, Action: "研究", Title: "研究《杭州市数字经济促进条例（草案）》",
				Text:        "一、研究《杭州市数字经济促进条例（草案）》。会议要求市经信局修改完善。",
				Departments: []string{"市经信局"}}},
			Departments: []string{"市经信局"},
			Attendees:   []ingest.Attendee{{Name: "刘忻", Role: ingest.RoleChair}, {Name: "柯吉欣", Role: ingest.RolePresent}},
			Recorder:    "陈红",
			Topics:      []string{"工业、交通"},
			Text:        "杭州市人民政府第5次常务会议纪要\n一、研究《杭州市数字经济促进条例（草案）》。会议要求市经信局修改完善。\n",
		},
		{
			ID: "aaaa000000000002", Source: "hz/2.txt", SHA256: "p2", Format: "text", Script: "simplified",
			Issuer: "杭州市人民政府", Title: "杭州市人民政府第9次常务会议纪要",
			Meeting: ingest.Meeting{Kind: "常务会议", Session: 9, Date: "2021-06-15"},
			Chair:   &ingest.Person{Name: "柯吉欣"},
			Items: []ingest.Item{{No: 2, Action: "审议", Title: "审议《杭州市數字經濟促進條例（送审稿）》",
				Text:        "二、审议《杭州市数字经济促进条例（送审稿）》。会议原则同意《杭州市数字经济促进条例（送审稿）》，由市经信局报市人大常委会。",
				Decisions:   []ingest.Decision{{Verb: "原则同意", Object: "杭州市数字经济促进条例（送审稿）", Lead: "市经信局"}},
				Departments: []string{"市经信局"}}},
			Departments: []string{"市经信局"},
			Attendees:   []ingest.Attendee{{Name: "柯吉欣", Role: ingest.RoleChair}, {Name: "刘忻", Role: ingest.RoleObserver}},
			Topics:      []string{"工业、交通"},
			Text:        "杭州市人民政府第9次常务会议纪要\n二、审议《杭州市数字经济促进条例（送审稿）》。会议原则同意《杭州市数字经济促进条例（送审稿）》，由市经信局报市人大常委会。\n",
		},
	}
}

// synthetic builds n records with a decision each, for paging and exports.
func synthetic(n int) []*ingest.Minutes {
	out := make([]*ingest.Minutes, n)
	for i := range n {
		text := fmt.Sprintf("一、研究防汛工作第%d号报告。会议同意该报告，由市水务局负责落实。", i)
		out[i] = &ingest.Minutes{
			ID: fmt.Sprintf("f%015x", i), Source: fmt.Sprintf("syn/%d.txt", i), SHA256: fmt.Sprintf("s%d", i),
			Issuer: "无锡市人民政府", Title: fmt.Sprintf("无锡市政府第%d次常务会议纪要", i+1),
			Meeting: ingest.Meeting{Kind: "常务会议", Session: i + 1, Date: fmt.Sprintf("%d-%02d-%02d", 2010+i%10, 1+i%12, 1+i%28)},
			Items: []ingest.Item{{No: 1, Action: "研究", Title: fmt.Sprintf("研究防汛工作第%d号报告", i), Text: text,
				Decisions:   []ingest.Decision{{Verb: "同意", Object: fmt.Sprintf("防汛工作第%d号报告", i), Lead: "市水务局"}},
				Departments: []string{"市水务局"}}},
			Departments: []string{"市水务局"},
			Topics:      []string{"城乡建设、环境保护"},
			Text:        fmt.Sprintf("无锡市政府第%d次常务会议纪要\n%s\n", i+1, text),
		}
	}
	return out
}

// fixture is a server over an in-memory index with the seed document
// (loaded as an upload would be, so its original is kept), the plan
// records and nSynthetic synthetic ones.
type fixture struct {
	t      testing.TB
	idx    *index.Index
	srv    *Server
	seedID string
	log    *lockedBuffer
}

func newFixture(t testing.TB, opts Options, nSynthetic int) *fixture {
	t.Helper()
	idx, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	ctx := context.Background()
	sum, err := idx.Load(ctx, []index.Source{index.BytesSource("seed/suzhou-2020-36.txt", readSeed(t))}, index.LoadOptions{})
	if err != nil || sum.Added != 1 {
		t.Fatalf("load seed: %+v, %v", sum, err)
	}
	recs := append(planRecords(), synthetic(nSynthetic)...)
	if err := idx.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	logBuf := &lockedBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewJSONHandler(logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if opts.RateLimit == 0 {
		opts.RateLimit = -1
	}
	srv, err := New(idx, opts)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, idx: idx, srv: srv, seedID: sum.Outcomes[0].ID, log: logBuf}
}

// lockedBuffer is a log buffer safe for concurrent requests.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// response is an answer with its body decoded when it is JSON.
type response struct {
	status int
	header http.Header
	body   []byte
	json   any
}

// do runs a request against the fixture's handler.
func (f *fixture) do(method, target string, body io.Reader, header ...string) response {
	f.t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	r := response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
	if ct, _, _ := mime.ParseMediaType(rec.Header().Get("Content-Type")); ct == "application/json" {
		if err := json.Unmarshal(r.body, &r.json); err != nil {
			f.t.Fatalf("%s %s: body is not JSON: %v\n%s", method, target, err, r.body)
		}
	}
	return r
}

func (f *fixture) get(target string) response { f.t.Helper(); return f.do(http.MethodGet, target, nil) }

// decode decodes the answer into v.
func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %T: %v\n%s", v, err, r.body)
	}
}
