package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/sample"
	"github.com/jiyao-search/jiyao/server/web"
)

func ids[T any](xs []T, id func(T) string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func TestSearch(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	hz1, hz2 := "aaaa000000000001", "aaaa000000000002"
	tests := []struct {
		target string
		want   []string // hit ids in order
		total  uint64
	}{
		{"/api/v1/search?q=" + url.QueryEscape("数字经济促进条例") + "&sort=date", []string{hz1, hz2}, 2},
		{"/api/v1/search?q=" + url.QueryEscape("数字经济促进条例") + "&sort=-date", []string{hz2, hz1}, 2},
		{"/api/v1/search?q=" + url.QueryEscape("數字經濟") + "&sort=date", []string{hz1, hz2}, 2},
		{"/api/v1/search?q=" + url.QueryEscape("数字经济") + "&from=2021-05", []string{hz2}, 1},
		{"/api/v1/search?q=" + url.QueryEscape("数字经济") + "&official=" + url.QueryEscape("刘忻") + "&role=chair", []string{hz1}, 1},
		{"/api/v1/search?q=" + url.QueryEscape("数字经济") + "&level=decision", []string{hz2 + "/i2/d1"}, 1},
		{"/api/v1/search?q=" + url.QueryEscape("氢能") + "&issuer=" + url.QueryEscape("苏州市人民政府"), []string{f.seedID}, 1},
		{"/api/v1/search?issuer=" + url.QueryEscape("杭州市人民政府") + "&sort=date&size=1", []string{hz1}, 2},
		{"/api/v1/search?issuer=" + url.QueryEscape("杭州市人民政府") + "&sort=date&size=1&page=2", []string{hz2}, 2},
		{"/api/v1/search?q=" + url.QueryEscape(`"量子引力波"`), []string{}, 0},
		// An open quote: the words are searched, and the answer says so.
		{"/api/v1/search?q=" + url.QueryEscape(`"氢能 苏州`), []string{f.seedID}, 1},
	}
	for _, tt := range tests {
		r := f.get(tt.target)
		if r.status != http.StatusOK {
			t.Errorf("GET %s: status %d\n%s", tt.target, r.status, r.body)
			continue
		}
		var res SearchResponse
		r.decode(t, &res)
		got := ids(res.Hits, func(h Hit) string { return h.ID })
		if diff := cmp.Diff(tt.want, got); diff != "" || res.Total != tt.total {
			t.Errorf("GET %s: total %d (want %d), hits (-want +got):\n%s", tt.target, res.Total, tt.total, diff)
		}
		if res.IndexVersion == "" || res.Mode == "" {
			t.Errorf("GET %s: index_version %q mode %q", tt.target, res.IndexVersion, res.Mode)
		}
		if open := strings.Contains(tt.target, url.QueryEscape(`"氢能`)); open != strings.Contains(res.Fallback, "unterminated quote") {
			t.Errorf("GET %s: fallback %q", tt.target, res.Fallback)
		}
	}
}

func TestSearchPostMatchesGet(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	get := f.get("/api/v1/search?q=" + url.QueryEscape("数字经济") + "&issuer=" + url.QueryEscape("杭州市人民政府") + "&facets=year,official&sort=date&highlight=true")
	body, _ := json.Marshal(SearchBody{Q: "数字经济", Filters: FiltersBody{Values: map[string][]string{"issuer": {"杭州市人民政府"}}}, Facets: []string{"year", "official"}, Sort: "date", Highlight: true})
	post := f.do(http.MethodPost, "/api/v1/search", bytes.NewReader(body), "Content-Type", "application/json")
	if get.status != 200 || post.status != 200 {
		t.Fatalf("status GET %d POST %d\n%s\n%s", get.status, post.status, get.body, post.body)
	}
	var g, p SearchResponse
	get.decode(t, &g)
	post.decode(t, &p)
	g.TookMS, p.TookMS = 0, 0
	if diff := cmp.Diff(g, p); diff != "" {
		t.Errorf("POST differs from GET (-get +post):\n%s", diff)
	}
	wantYears := Facet{Name: "year", Values: []FacetValue{{"2021", 2}}}
	if len(g.Facets) != 2 || !cmp.Equal(g.Facets[0], wantYears) {
		t.Errorf("facets = %+v, want year first: %+v", g.Facets, wantYears)
	}
	if len(g.Hits) == 0 || !strings.Contains(strings.Join(g.Hits[0].Snippets, ""), "<mark>") {
		t.Errorf("no highlighted snippet in %+v", g.Hits)
	}
}

func TestSearchCursor(t *testing.T) {
	f := newFixture(t, Options{}, 25)
	seen := map[string]bool{}
	target := "/api/v1/search?q=" + url.QueryEscape("防汛") + "&size=10&sort=date"
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("cursor does not end")
		}
		u := target
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		var res SearchResponse
		r := f.get(u)
		if r.status != 200 {
			t.Fatalf("GET %s: %d %s", u, r.status, r.body)
		}
		r.decode(t, &res)
		if res.Page != pages+1 {
			t.Errorf("page %d of the walk says page %d", pages+1, res.Page)
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Errorf("hit %s twice", h.ID)
			}
			seen[h.ID] = true
		}
		if cursor = res.NextCursor; cursor == "" {
			break
		}
	}
	if len(seen) != 25 {
		t.Errorf("cursor walk saw %d hits, want 25", len(seen))
	}
}

func TestErrors(t *testing.T) {
	f := newFixture(t, Options{Token: testToken}, 0)
	long := strings.Repeat("规", maxQueryRunes+1)
	tests := []struct {
		method, target string
		body           string
		header         []string
		status         int
		code, param    string
	}{
		{"GET", "/api/v1/search?from=2020-13", "", nil, 400, "invalid_date", "from"},
		{"GET", "/api/v1/search?to=yesterday", "", nil, 400, "invalid_date", "to"},
		{"GET", "/api/v1/search?size=101", "", nil, 400, "invalid_size", "size"},
		{"GET", "/api/v1/search?size=ten", "", nil, 400, "invalid_size", "size"},
		{"GET", "/api/v1/search?page=0", "", nil, 400, "invalid_page", "page"},
		{"GET", "/api/v1/search?page=2000&size=10", "", nil, 400, "invalid_page", "page"},
		{"GET", "/api/v1/search?cursor=bm9wZQ", "", nil, 400, "invalid_cursor", "cursor"},
		{"GET", "/api/v1/search?level=paragraph", "", nil, 400, "invalid_level", "level"},
		{"GET", "/api/v1/search?sort=random", "", nil, 400, "invalid_sort", "sort"},
		{"GET", "/api/v1/search?role=boss&official=x", "", nil, 400, "invalid_parameter", "role"},
		{"GET", "/api/v1/search?facets=color", "", nil, 400, "invalid_parameter", "facets"},
		{"GET", "/api/v1/search?facets=official&level=item", "", nil, 400, "invalid_parameter", "facets"},
		{"GET", "/api/v1/search?highlight=maybe", "", nil, 400, "invalid_parameter", "highlight"},
		{"GET", "/api/v1/search?q=" + url.QueryEscape(`colour:red`), "", nil, 400, "invalid_query", "q"},
		{"GET", "/api/v1/search?q=" + url.QueryEscape(long), "", nil, 400, "invalid_query", "q"},
		{"GET", "/api/v1/search?qq=1", "", nil, 400, "invalid_parameter", "qq"},
		{"POST", "/api/v1/search", `{"q": 5}`, []string{"Content-Type", "application/json"}, 400, "invalid_query", "q"},
		{"POST", "/api/v1/search", `{"size": "ten"}`, []string{"Content-Type", "application/json"}, 400, "invalid_size", "size"},
		{"POST", "/api/v1/search", `{"colour": 1}`, []string{"Content-Type", "application/json"}, 400, "invalid_body", "body"},
		{"POST", "/api/v1/search", `{"q": "` + strings.Repeat("a", maxBodyBytes) + `"}`, []string{"Content-Type", "application/json"}, 413, "too_large", ""},
		{"POST", "/api/v1/search", `{"q": "氢能"}`, nil, 415, "unsupported_media_type", "Content-Type"},
		{"POST", "/api/v1/search", `{"q": "氢能"}`, []string{"Content-Type", "text/plain"}, 415, "unsupported_media_type", "Content-Type"},
		{"POST", "/api/v1/search", `q=氢能`, []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, "unsupported_media_type", "Content-Type"},
		{"POST", "/api/v1/search", `{"q": "氢能"}`, []string{"Content-Type", "application/json;;"}, 415, "unsupported_media_type", "Content-Type"},
		{"POST", "/api/v1/search", `{"q": "氢能"}{"q": "防汛"}`, []string{"Content-Type", "application/json"}, 400, "invalid_body", "body"},
		{"POST", "/api/v1/search", `{"q": "氢能"} x`, []string{"Content-Type", "application/json"}, 400, "invalid_body", "body"},
		{"POST", "/api/v1/search", `{"q": "氢能"}]`, []string{"Content-Type", "application/json"}, 400, "invalid_body", "body"},
		{"POST", "/api/v1/search", ``, []string{"Content-Type", "application/json"}, 400, "invalid_body", "body"},
		{"POST", "/api/v1/search", `[{"q": "氢能"}]`, []string{"Content-Type", "application/json"}, 400, "invalid_body", "body"},
		{"GET", "/api/v1/meetings/..%2F..%2Fetc%2Fpasswd", "", nil, 400, "invalid_path", "path"},
		{"GET", "/api/v1/meetings/not%20an%20id", "", nil, 400, "invalid_id", "id"},
		{"GET", "/api/v1/meetings/0123456789abcdef%2Fi1", "", nil, 404, "not_found", ""},
		{"GET", "/api/v1/meetings/ABCDEF0123456789", "", nil, 400, "invalid_id", "id"},
		{"GET", "/api/v1/meetings/0123456789abcdef", "", nil, 404, "not_found", ""},
		{"GET", "/api/v1/meetings/0123456789abcdef/source", "", nil, 404, "not_found", ""},
		{"GET", "/api/v1/meetings/aaaa000000000001/source", "", nil, 404, "not_found", ""}, // put, not loaded: no original
		{"GET", "/api/v1/officials/" + url.PathEscape("无名氏"), "", nil, 404, "not_found", "name"},
		{"GET", "/api/v1/departments/" + url.PathEscape("市无此局"), "", nil, 404, "not_found", "name"},
		{"GET", "/api/v1/officials?limit=1000", "", nil, 400, "invalid_parameter", "limit"},
		{"GET", "/api/v1/suggest", "", nil, 400, "invalid_query", "q"},
		{"GET", "/api/v1/decisions?plan=" + url.QueryEscape("《》"), "", nil, 400, "invalid_parameter", "plan"},
		{"GET", "/api/v1/export?format=xlsx", "", nil, 400, "invalid_format", "format"},
		{"GET", "/api/v1/topics?level=decision", "", nil, 400, "invalid_level", "level"},
		{"GET", "/api/v1/nowhere", "", nil, 404, "not_found", ""},
		{"PUT", "/api/v1/search", "", nil, 405, "method_not_allowed", ""},
		{"DELETE", "/api/v1/meetings/aaaa000000000001", "", nil, 401, "unauthorized", ""},
		{"DELETE", "/api/v1/meetings/aaaa000000000001", "", []string{"Authorization", "Bearer wrong"}, 401, "invalid_token", ""},
		{"DELETE", "/api/v1/meetings/0123456789abcdef", "", []string{"Authorization", "Bearer " + testToken}, 404, "not_found", ""},
		{"POST", "/api/v1/documents", "", nil, 401, "unauthorized", ""},
		{"POST", "/api/v1/documents", "x", []string{"Authorization", "Bearer " + testToken}, 400, "invalid_parameter", "name"},
		{"POST", "/api/v1/documents?name=a.txt", "a=b", []string{"Authorization", "Bearer " + testToken, "Content-Type", "application/x-www-form-urlencoded"}, 415, "unsupported_media_type", ""},
		{"POST", "/api/v1/documents?name=minutes.xlsx", "PK\x03\x04 not a workbook", []string{"Authorization", "Bearer " + testToken}, 415, "unsupported_format", ""},
	}
	for _, tt := range tests {
		r := f.do(tt.method, tt.target, strings.NewReader(tt.body), tt.header...)
		var got errBody
		r.decode(t, &got)
		if r.status != tt.status || got.Error.Code != tt.code || got.Error.Param != tt.param || got.Error.Message == "" {
			t.Errorf("%s %s: %d %+v; want %d code %q param %q", tt.method, truncate(tt.target, 80), r.status, got.Error, tt.status, tt.code, tt.param)
		}
	}
}

func TestWritesDisabledWithoutToken(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	for _, r := range []response{
		f.do("DELETE", "/api/v1/meetings/aaaa000000000001", nil, "Authorization", "Bearer anything"),
		f.do("POST", "/api/v1/documents?name=a.txt", strings.NewReader("x"), "Authorization", "Bearer anything"),
	} {
		var got errBody
		r.decode(t, &got)
		if r.status != 403 || got.Error.Code != "writes_disabled" {
			t.Errorf("write without a configured token: %d %+v, want 403 writes_disabled", r.status, got)
		}
	}
}

func TestMeetingAndSource(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	r := f.get("/api/v1/meetings/" + f.seedID)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var m MeetingResponse
	r.decode(t, &m)
	rec := m.Meeting
	if rec.ID != f.seedID || rec.Meeting.Session != 115 || len(rec.Items) == 0 || len(rec.Attendees) == 0 || rec.Text == "" {
		t.Errorf("record: id %s session %d items %d attendees %d", rec.ID, rec.Meeting.Session, len(rec.Items), len(rec.Attendees))
	}
	src := f.get("/api/v1/meetings/" + f.seedID + "/source")
	if src.status != 200 || !bytes.Equal(src.body, readSeed(t)) {
		t.Errorf("source: status %d, %d bytes; want the seed's %d", src.status, len(src.body), len(readSeed(t)))
	}
	if ct := src.header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("source Content-Type = %q", ct)
	}
	if cd := src.header.Get("Content-Disposition"); !strings.Contains(cd, `filename="suzhou-2020-36.txt"`) {
		t.Errorf("source Content-Disposition = %q", cd)
	}
}

func TestDelete(t *testing.T) {
	f := newFixture(t, Options{Token: testToken}, 0)
	before := f.get("/readyz")
	auth := []string{"Authorization", "Bearer " + testToken}
	r := f.do("DELETE", "/api/v1/meetings/aaaa000000000001", nil, auth...)
	var got DeleteResponse
	r.decode(t, &got)
	if r.status != 200 || got.Deleted != "aaaa000000000001" {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	var b, a HealthResponse
	before.decode(t, &b)
	if got.IndexVersion == b.IndexVersion {
		t.Errorf("index version %s did not change with a delete", got.IndexVersion)
	}
	if r := f.get("/api/v1/meetings/aaaa000000000001"); r.status != 404 {
		t.Errorf("after delete: GET status %d", r.status)
	}
	f.get("/readyz").decode(t, &a)
	if *a.Meetings != *b.Meetings-1 {
		t.Errorf("meetings %d → %d", *b.Meetings, *a.Meetings)
	}
}

// GET /stats says what `jiyao stats` says of the index, with the version
// readyz gives; an unknown parameter is a 400 naming it.
func TestStats(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	var st StatsResponse
	var ready HealthResponse
	f.get("/api/v1/stats").decode(t, &st)
	f.get("/readyz").decode(t, &ready)
	if st.Meetings == 0 || st.Meetings != *ready.Meetings || st.IndexVersion != ready.IndexVersion || st.Items == 0 || st.FirstDate == "" || st.MappingVersion == "" {
		t.Errorf("stats %+v, readyz %+v", st, ready)
	}
	if r := f.get("/api/v1/stats?x=1"); r.status != 400 || !strings.Contains(string(r.body), `"param":"x"`) {
		t.Errorf("stats?x=1: %d %s", r.status, r.body)
	}
}

// multipartBody builds a multipart body of files.
func multipartBody(t testing.TB, files map[string][]byte) (string, *bytes.Buffer) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("note", "ignored")
	for name, data := range files {
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	w.Close()
	return w.FormDataContentType(), &buf
}

func TestUpload(t *testing.T) {
	f := newFixture(t, Options{Token: testToken}, 0)
	auth := []string{"Authorization", "Bearer " + testToken}
	seed := readSeed(t)
	edited := bytes.Replace(seed, []byte("氢能"), []byte("氫能"), 1)
	ct, body := multipartBody(t, map[string][]byte{"a/b/会议纪要.txt": edited, "empty.txt": nil})
	r := f.do("POST", "/api/v1/documents", body, append(auth, "Content-Type", ct)...)
	if r.status != 200 {
		t.Fatalf("upload: %d %s", r.status, r.body)
	}
	var got UploadResponse
	r.decode(t, &got)
	got.TookMS, got.IndexVersion = 0, ""
	for i := range got.Files {
		if got.Files[i].Error != nil {
			got.Files[i].Error.Message = ""
		}
	}
	want := UploadResponse{Added: 1, Skipped: 1, Files: []FileOutcome{
		{Source: "upload/empty.txt", Status: "skipped", Error: &errDetail{Code: "no_minutes"}},
		{Source: "upload/会议纪要.txt", Status: "added", ID: got.Files[1].ID},
	}}
	if len(got.Files) == 2 && got.Files[0].Source != "upload/empty.txt" {
		got.Files[0], got.Files[1] = got.Files[1], got.Files[0]
		want.Files[1].ID = got.Files[1].ID
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("upload outcome (-want +got):\n%s", diff)
	}
	// The same bytes again, raw: unchanged.
	r = f.do("POST", "/api/v1/documents?name="+url.QueryEscape("会议纪要.txt"), bytes.NewReader(edited), auth...)
	r.decode(t, &got)
	if r.status != 200 || got.Unchanged != 1 {
		t.Errorf("re-upload: %d %s", r.status, r.body)
	}
	// Searchable at once.
	var res SearchResponse
	f.get("/api/v1/search?q="+url.QueryEscape("氫能")).decode(t, &res)
	if res.Total != 2 {
		t.Errorf("search after upload: total %d, want 2 (seed and upload)", res.Total)
	}
}

// An upload or a delete whose deadline passes before the commit is
// answered 503 timeout and not done: nothing indexed, nothing deleted, the
// index version as it was.
func TestWritePastDeadline(t *testing.T) {
	f := newFixture(t, Options{Token: testToken, RequestTimeout: time.Nanosecond}, 0)
	auth := []string{"Authorization", "Bearer " + testToken}
	before, err := f.idx.Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(readSeed(t), []byte("氢能"), []byte("氫能"), 1)
	ct, body := multipartBody(t, map[string][]byte{"late.txt": edited})
	for _, r := range []response{
		f.do("POST", "/api/v1/documents", body, append(auth, "Content-Type", ct)...),
		f.do("DELETE", "/api/v1/meetings/"+f.seedID, nil, auth...),
	} {
		var e errBody
		r.decode(t, &e)
		if r.status != 503 || e.Error.Code != "timeout" {
			t.Errorf("write past its deadline: %d %+v", r.status, e)
		}
	}
	if _, _, ok, _ := f.idx.Lookup(context.Background(), UploadSourcePrefix+"late.txt"); ok {
		t.Error("the upload answered 503 was indexed")
	}
	if _, err := f.idx.Get(context.Background(), f.seedID); err != nil {
		t.Errorf("the delete answered 503 was done: %v", err)
	}
	if after, _ := f.idx.Version(context.Background()); after != before {
		t.Errorf("index version %s after writes answered 503; before %s", after, before)
	}
}

// The files of an upload whose later batches were abandoned at the
// deadline are reported failed with code timeout; those committed stay.
func TestAbandonedFiles(t *testing.T) {
	sum := index.Summary{}
	sum.Add(index.Outcome{Source: "upload/a.txt", Status: index.StatusAdded, ID: "0123456789abcdef"})
	sum.Add(index.Outcome{Source: "upload/f.jsonl#2", Status: index.StatusAdded, ID: "0123456789abcdee"})
	var srcs []index.Source
	for _, name := range []string{"upload/a.txt", "upload/f.jsonl", "upload/b.txt"} {
		srcs = append(srcs, index.BytesSource(name, []byte("x")))
	}
	abandoned(&sum, srcs, fmt.Errorf("put: %w", context.DeadlineExceeded))
	if sum.Added != 2 || sum.Failed != 1 || len(sum.Outcomes) != 3 {
		t.Fatalf("summary %+v", sum)
	}
	if o := sum.Outcomes[2]; o.Source != "upload/b.txt" || o.Status != index.StatusFailed || outcomeCode(o.Err) != "timeout" {
		t.Errorf("abandoned file: %+v (code %s)", o, outcomeCode(o.Err))
	}
}

func TestUploadTooLarge(t *testing.T) {
	f := newFixture(t, Options{Token: testToken, MaxUploadBytes: 1000}, 0)
	ct, body := multipartBody(t, map[string][]byte{"big.txt": bytes.Repeat([]byte("会"), 1000)})
	r := f.do("POST", "/api/v1/documents", body, "Authorization", "Bearer "+testToken, "Content-Type", ct)
	var got errBody
	r.decode(t, &got)
	if r.status != 413 || got.Error.Code != "too_large" {
		t.Errorf("large upload: %d %+v", r.status, got)
	}
}

func TestPlanHistory(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	r := f.get("/api/v1/decisions?plan=" + url.QueryEscape("杭州市数字经济促进条例"))
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	var got DecisionsResponse
	r.decode(t, &got)
	want := &PlanHistory{Title: "杭州市数字经济促进条例", Key: "杭州市数字经济促进条例", Stages: []PlanStage{
		{MeetingID: "aaaa000000000001", MeetingTitle: "杭州市人民政府第5次常务会议纪要", Issuer: "杭州市人民政府", Date: "2021-03-01",
			ItemNo: 1, ItemTitle: "研究《杭州市数字经济促进条例（草案）》", Action: "研究", Verbs: []string{}, Stage: "研究"},
		{MeetingID: "aaaa000000000002", MeetingTitle: "杭州市人民政府第9次常务会议纪要", Issuer: "杭州市人民政府", Date: "2021-06-15",
			ItemNo: 2, ItemTitle: "审议《杭州市數字經濟促進條例（送审稿）》", Action: "审议", Verbs: []string{"原则同意"}, Stage: "原则同意"},
	}}
	if diff := cmp.Diff(want, got.Plan); diff != "" {
		t.Errorf("plan history (-want +got):\n%s", diff)
	}
	if len(got.Decisions) != 1 || got.Decisions[0].ID != "aaaa000000000002/i2/d1" || got.Decisions[0].Lead != "市经信局" {
		t.Errorf("decisions = %+v", got.Decisions)
	}
	// The same history from the draft title in traditional script.
	var again DecisionsResponse
	f.get("/api/v1/decisions?plan="+url.QueryEscape("《杭州市數字經濟促進條例（草案）》")).decode(t, &again)
	if again.Plan == nil || len(again.Plan.Stages) != 2 {
		t.Errorf("traditional draft title: %+v", again.Plan)
	}
	// Part of the title finds the plan and says which it is.
	var part DecisionsResponse
	f.get("/api/v1/decisions?plan="+url.QueryEscape("数字经济促进")).decode(t, &part)
	if part.Plan == nil || len(part.Plan.Stages) != 2 || part.Plan.Key != "杭州市数字经济促进条例" || part.Plan.Plans != nil {
		t.Errorf("part of the title: %+v", part.Plan)
	}
}

func TestDecisions(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	var got DecisionsResponse
	r := f.get("/api/v1/decisions?q=" + url.QueryEscape("氢能") + "&verb=" + url.QueryEscape("原则同意"))
	r.decode(t, &got)
	if r.status != 200 || got.Total != 1 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	d := got.Decisions[0]
	want := DecisionHit{ID: d.ID, Verb: "原则同意", Object: "苏州市氢能及燃料电池产业发展规划", Lead: "市工信局", MeetingID: f.seedID,
		MeetingTitle: d.MeetingTitle, Issuer: "苏州市人民政府", Date: "2020-11-02", Session: 115, ItemNo: d.ItemNo,
		ItemTitle: "审议《苏州市氢能及燃料电池产业发展规划》", Score: d.Score}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("decision (-want +got):\n%s", diff)
	}
}

func TestOfficials(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	var list OfficialsResponse
	f.get("/api/v1/officials?prefix="+url.QueryEscape("刘")).decode(t, &list)
	want := []OfficialCount{
		{Name: "刘忻", Meetings: 2, Roles: RoleCounts{Chair: 1, Observer: 1}},
		{Name: "刘军", Meetings: 1, Roles: RoleCounts{Observer: 1}}, // in the seed
		{Name: "刘纯", Meetings: 1, Roles: RoleCounts{Observer: 1}},
	}
	if diff := cmp.Diff(want, list.Officials); diff != "" {
		t.Errorf("officials?prefix=刘 (-want +got):\n%s", diff)
	}
	var one OfficialResponse
	r := f.get("/api/v1/officials/" + url.PathEscape("刘忻"))
	r.decode(t, &one)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	wantMeetings := []MeetingRef{
		{ID: "aaaa000000000002", Title: "杭州市人民政府第9次常务会议纪要", Issuer: "杭州市人民政府", Date: "2021-06-15", Session: 9, Roles: []string{"observer"}},
		{ID: "aaaa000000000001", Title: "杭州市人民政府第5次常务会议纪要", Issuer: "杭州市人民政府", Date: "2021-03-01", Session: 5, Roles: []string{"chair"}},
	}
	if diff := cmp.Diff(wantMeetings, one.Meetings); diff != "" || one.Total != 2 || one.Roles != (RoleCounts{Chair: 1, Observer: 1}) {
		t.Errorf("officials/刘忻: total %d roles %+v, meetings (-want +got):\n%s", one.Total, one.Roles, diff)
	}
}

func TestDepartmentsAndTopics(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	var list DepartmentsResponse
	f.get("/api/v1/departments?prefix="+url.QueryEscape("市经信")).decode(t, &list)
	// Departments are listed as bodies of one government (杭州市经信局 for
	// the 市经信局 of Hangzhou's minutes).
	if diff := cmp.Diff([]DepartmentCount{{Name: "杭州市经信局", Meetings: 2, DecisionsLed: 1}}, list.Departments); diff != "" {
		t.Errorf("departments (-want +got):\n%s", diff)
	}
	var one DepartmentResponse
	f.get("/api/v1/departments/"+url.PathEscape("市经信局")+"?sort=date").decode(t, &one)
	if got := ids(one.Meetings, func(m MeetingRef) string { return m.ID }); !cmp.Equal(got, []string{"aaaa000000000001", "aaaa000000000002"}) || one.DecisionsLed != 1 {
		t.Errorf("departments/市经信局: meetings %v, decisions led %d", got, one.DecisionsLed)
	}
	var topics TopicsResponse
	f.get("/api/v1/topics").decode(t, &topics)
	if topics.Total != 3 || len(topics.Topics) == 0 || topics.Topics[0] != (FacetValue{"工业、交通", 3}) {
		t.Errorf("topics: %+v", topics)
	}
}

func TestSuggest(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	var got SuggestResponse
	f.get("/api/v1/suggest?q="+url.QueryEscape("杭州")).decode(t, &got)
	want := []Suggestion{
		{"issuer", "杭州市人民政府", 2},
		{"department", "杭州市经信局", 2},
		{"plan", "杭州市数字经济促进条例（送审稿）", 1},
	}
	if diff := cmp.Diff(want, got.Suggestions); diff != "" {
		t.Errorf("suggest?q=杭州 (-want +got):\n%s", diff)
	}
	f.get("/api/v1/suggest?q="+url.QueryEscape("柯")).decode(t, &got)
	if len(got.Suggestions) == 0 || got.Suggestions[0] != (Suggestion{"official", "柯吉欣", 2}) {
		t.Errorf("suggest?q=柯: %+v", got.Suggestions)
	}
}

func TestExport(t *testing.T) {
	f := newFixture(t, Options{}, 250)
	q := "/api/v1/export?q=" + url.QueryEscape("防汛") + "&level=decision&sort=date"
	r := f.get(q + "&format=jsonl")
	if r.status != 200 || r.header.Get("Content-Type") != "application/jsonl; charset=utf-8" {
		t.Fatalf("jsonl: %d %s", r.status, r.header)
	}
	lines := strings.Split(strings.TrimSpace(string(r.body)), "\n")
	seen := map[string]bool{}
	version := r.header.Get("X-Index-Version")
	for _, l := range lines {
		var row ExportRow
		if err := json.Unmarshal([]byte(l), &row); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if seen[row.ID] || row.IndexVersion != version || row.Verb != "同意" {
			t.Errorf("row %+v: duplicate or without version %s", row, version)
		}
		seen[row.ID] = true
	}
	if len(seen) != 250 || r.header.Get("X-Total-Count") != "250" {
		t.Errorf("jsonl export: %d rows, X-Total-Count %s; want 250", len(seen), r.header.Get("X-Total-Count"))
	}
	r = f.get(q)
	body, bom := bytes.CutPrefix(r.body, []byte("\ufeff"))
	if !bom {
		t.Errorf("csv: no byte order mark, Excel would not read it as UTF-8")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || r.header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("csv: %v %s", err, r.header)
	}
	if !cmp.Equal(rows[0], exportColumns) || len(rows) != 251 {
		t.Errorf("csv: header %v, %d rows", rows[0], len(rows)-1)
	}
	for _, row := range rows[1:] {
		if !seen[row[0]] || row[len(row)-1] != version {
			t.Errorf("csv row %v not in the jsonl export", row)
			break
		}
	}
}

func TestFeed(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	r := f.get("/api/v1/feeds/search.atom?issuer=" + url.QueryEscape("杭州市人民政府"))
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%d %s", r.status, r.header)
	}
	var feed atomFeed
	if err := xml.Unmarshal(r.body, &feed); err != nil {
		t.Fatal(err)
	}
	got := ids(feed.Entries, func(e atomEntry) string { return e.ID })
	want := []string{"urn:jiyao:meeting:aaaa000000000002", "urn:jiyao:meeting:aaaa000000000001"}
	if !cmp.Equal(got, want) || feed.Updated != "2021-06-15T00:00:00Z" {
		t.Errorf("feed entries %v updated %s; want %v newest first", got, feed.Updated, want)
	}
	// A feed reader opens the first alternate link: the meeting's page.
	if l := feed.Entries[0].Links[0]; l.Rel != "alternate" || l.Type != "text/html" || !strings.HasSuffix(l.Href, "/meetings/aaaa000000000002") || strings.Contains(l.Href, APIPrefix) {
		t.Errorf("first link %+v; want the meeting's page", l)
	}
}

func TestProbesAndMetrics(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	if r := f.get("/healthz"); r.status != 200 {
		t.Errorf("healthz %d", r.status)
	}
	if r := f.get("/readyz"); r.status != 200 {
		t.Errorf("readyz %d", r.status)
	}
	f.get("/api/v1/search?q=x")
	f.get("/api/v1/meetings/0123456789abcdef")
	f.srv.SetReady(false)
	var e errBody
	nr := f.get("/readyz")
	nr.decode(t, &e)
	if nr.status != 503 || e.Error.Code != "not_ready" {
		t.Errorf("readyz while draining: %d %+v", nr.status, e)
	}
	r := f.get("/metrics")
	body := string(r.body)
	for _, want := range []string{
		`jiyao_http_requests_total{route="/api/v1/search",method="GET",code="200"} 1`,
		`jiyao_http_requests_total{route="/api/v1/meetings/:id",method="GET",code="404"} 1`,
		`jiyao_http_request_duration_seconds_count{route="/api/v1/search",method="GET"} 1`,
		`jiyao_http_request_duration_seconds_bucket{route="/api/v1/search",method="GET",le="+Inf"} 1`,
		`jiyao_index_documents{level="meeting"} 3`,
		"jiyao_index_size_bytes 0",
		"jiyao_ready 0",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s:\n%s", want, body)
		}
	}
}

// A JSON body is taken with its media type's parameters and white space
// after it; TestErrors has what is refused.
func TestStrictJSONAccepts(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	for _, ct := range []string{"application/json", "application/json; charset=utf-8", "Application/JSON"} {
		r := f.do("POST", "/api/v1/search", strings.NewReader(`{"q": "氢能"}`+"\n\t "), "Content-Type", ct)
		var res SearchResponse
		r.decode(t, &res)
		if r.status != 200 || res.Total == 0 {
			t.Errorf("Content-Type %q: %d, %d hits: %.200s", ct, r.status, res.Total, r.body)
		}
	}
}

// Every answer says nosniff, whoever writes it: an endpoint, an error, a
// page, a page's error, a static file, the original of a meeting, a probe.
func TestNosniffEverywhere(t *testing.T) {
	f := fixtureWithPages(t)
	for _, tt := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/api/v1/search?q=" + url.QueryEscape("氢能"), 200},
		{"GET", "/api/v1/search?size=0", 400},
		{"POST", "/api/v1/search", 415},
		{"PUT", "/api/v1/search", 405},
		{"GET", "/api/v1/nowhere", 404},
		{"GET", "/api/v1/meetings/" + f.seedID + "/source", 200},
		{"GET", "/api/v1/openapi.json", 200},
		{"GET", "/healthz", 200},
		{"GET", "/metrics", 200},
		{"GET", "/", 200},
		{"GET", "/nowhere", 404},
		{"POST", "/", 405},
		{"GET", "/static/style.css", 200},
		{"GET", "/static/nothing.css", 404},
	} {
		r := f.do(tt.method, tt.target, strings.NewReader("x"))
		if r.status != tt.status || r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: %d (want %d), X-Content-Type-Options %q", tt.method, tt.target, r.status, tt.status, r.header.Get("X-Content-Type-Options"))
		}
	}
}

func TestMiddleware(t *testing.T) {
	pages := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("page " + r.URL.Path)) })
	f := newFixture(t, Options{Pages: pages, RateLimit: 1, RateBurst: 3}, 0)
	f.srv.engine.GET("/api/v1/panic", func(c *gin.Context) { panic("boom") })

	r := f.do("GET", "/api/v1/search", nil, "X-Request-ID", "abc-123", "Origin", "https://example.org")
	if r.header.Get("X-Request-ID") != "abc-123" || r.header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("request id %q, CORS %q", r.header.Get("X-Request-ID"), r.header.Get("Access-Control-Allow-Origin"))
	}
	if !strings.Contains(f.log.String(), `"request_id":"abc-123"`) {
		t.Errorf("access log lacks the request id:\n%s", f.log)
	}
	r = f.do("GET", "/api/v1/panic", nil, "X-Request-ID", "bad id with spaces")
	var e errBody
	r.decode(t, &e)
	if r.status != 500 || e.Error.Code != "internal" || len(r.header.Get("X-Request-ID")) != 16 {
		t.Errorf("panic: %d %+v, request id %q", r.status, e, r.header.Get("X-Request-ID"))
	}
	if r := f.get("/about"); string(r.body) != "page /about" {
		t.Errorf("pages handler: %q", r.body)
	}
	r = f.get("/api/v1/search")
	r.decode(t, &e)
	if r.status != 429 || e.Error.Code != "rate_limited" || r.header.Get("Retry-After") == "" {
		t.Errorf("fourth request in a burst of 3: %d %+v", r.status, e)
	}
	if r := f.get("/healthz"); r.status != 200 {
		t.Errorf("probes are not rate limited: %d", r.status)
	}
	if r := f.do("POST", "/api/v1/search", strings.NewReader("{}"), "Origin", "https://example.org"); r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS header on POST")
	}
	pre := f.do("OPTIONS", "/api/v1/search", nil, "Origin", "https://example.org", "Access-Control-Request-Method", "GET")
	if pre.status != 204 || pre.header.Get("Access-Control-Allow-Methods") != "GET, HEAD" {
		t.Errorf("preflight: %d %v", pre.status, pre.header)
	}
}

func TestLimiter(t *testing.T) {
	l := newLimiter(2, 2)
	now := time.Unix(1000, 0)
	var got []bool
	for _, dt := range []time.Duration{0, 0, 0, 400 * time.Millisecond, 600 * time.Millisecond, 0} {
		now = now.Add(dt)
		ok, _ := l.allow("1.2.3.4", now)
		got = append(got, ok)
	}
	if want := []bool{true, true, false, false, true, true}; !cmp.Equal(got, want) {
		t.Errorf("allow = %v, want %v", got, want)
	}
	if ok, _ := l.allow("5.6.7.8", now); !ok {
		t.Error("another address shares the bucket")
	}
}

func TestTimeout(t *testing.T) {
	f := newFixture(t, Options{RequestTimeout: time.Nanosecond}, 0)
	r := f.get("/api/v1/search?q=" + url.QueryEscape("氢能"))
	var e errBody
	r.decode(t, &e)
	if r.status != 503 || e.Error.Code != "timeout" {
		t.Errorf("search past its deadline: %d %+v", r.status, e)
	}
}

func TestIndexVersionStable(t *testing.T) {
	a := newFixture(t, Options{}, 3)
	b := newFixture(t, Options{}, 3)
	va, err := a.srv.idx.Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	vb, _ := b.srv.idx.Version(context.Background())
	if va != vb || !strings.HasPrefix(va, "m"+index.MappingVersion+"-6-") {
		t.Errorf("versions of equal indexes: %s, %s", va, vb)
	}
}

// With every slot taken, a request waits QueueWait and is answered 503 busy
// with Retry-After; probes still answer; once the slot is free, requests are
// served again.
func TestBusy(t *testing.T) {
	f := newFixture(t, Options{Token: testToken, MaxInFlight: 1, QueueWait: 50 * time.Millisecond}, 0)
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	// An upload whose body never ends holds the one slot.
	pr, pw := io.Pipe()
	defer pw.Close() // before ts.Close, which waits for the upload
	held := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+APIPrefix+"/documents?name=slow.txt", pr)
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
		}
		held <- resp
	}()
	pw.Write([]byte("苏州市人民政府"))
	deadline := time.Now().Add(5 * time.Second)
	var busy *http.Response
	for time.Now().Before(deadline) {
		resp, err := http.Get(ts.URL + APIPrefix + "/search?q=氢能")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable {
			busy = resp
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if busy == nil {
		t.Fatal("no request was refused while the only slot was held")
	}
	if busy.Header.Get("Retry-After") == "" {
		t.Error("busy answer has no Retry-After")
	}
	if resp, err := http.Get(ts.URL + "/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("healthz while busy: %v %v", resp, err)
	}
	pw.Close()
	if resp := <-held; resp != nil {
		resp.Body.Close()
	}
	resp, err := http.Get(ts.URL + APIPrefix + "/search?q=氢能")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("search after the slot is free: %v %v", resp, err)
	}
	resp.Body.Close()
}

// A record that cites a file by an absolute path (fed so, or ingested by
// an older version) shows only the file's name: public answers never say
// where the server keeps its files.
func TestNoServerPaths(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	rec := planRecords()[0]
	rec.ID, rec.SHA256, rec.Source = "abcd000000000009", "abs", "/srv/jiyao/corpus/hz/9.txt"
	rec.Title = "杭州市人民政府第9次常务会议纪要"
	if err := f.idx.Put(context.Background(), []*ingest.Minutes{rec}); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{APIPrefix + "/meetings/" + rec.ID, APIPrefix + "/search?q=" + url.QueryEscape("第9次常务会议")} {
		r := f.get(target)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %s", target, r.status, r.body)
		}
		if strings.Contains(string(r.body), "/srv/") {
			t.Errorf("%s shows a server path: %s", target, r.body)
		}
		if !strings.Contains(string(r.body), `"9.txt"`) {
			t.Errorf("%s does not cite the file by its name: %s", target, r.body)
		}
	}
}

// An issuer the index does not hold is no error: no hits, and the values
// close to it.
func TestSearchUnknownIssuer(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	r := f.get(APIPrefix + "/search?issuer=" + url.QueryEscape("杭州市政府办公厅"))
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var resp SearchResponse
	r.decode(t, &resp)
	if resp.Total != 0 || len(resp.DidYouMean) == 0 || resp.DidYouMean[0].Value != "杭州市人民政府" || resp.DidYouMean[0].Type != "issuer" {
		t.Errorf("total %d, did you mean %+v; want 0 and 杭州市人民政府", resp.Total, resp.DidYouMean)
	}
}

// facet_size bounds the values each facet lists; other counts the rest.
func TestFacetSize(t *testing.T) {
	f := newFixture(t, Options{}, 30)
	var resp SearchResponse
	r := f.get(APIPrefix + "/search?facets=official&facet_size=2")
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	r.decode(t, &resp)
	if len(resp.Facets) != 1 || len(resp.Facets[0].Values) != 2 || resp.Facets[0].Other == 0 {
		t.Errorf("facets %+v; want 2 values and the rest in other", resp.Facets)
	}
	// Unless told, a facet lists DefaultFacetSize values (20), by GET and
	// by POST, and other counts the rest; 1000 lists them all.
	var all SearchResponse
	f.get(APIPrefix+"/search?facets=official&facet_size=1000").decode(t, &all)
	if len(all.Facets) != 1 || len(all.Facets[0].Values) <= DefaultFacetSize || all.Facets[0].Other != 0 {
		t.Fatalf("facet_size=1000: %d values, other %d; the fixture needs more than %d officials", len(all.Facets[0].Values), all.Facets[0].Other, DefaultFacetSize)
	}
	var rest int
	for _, v := range all.Facets[0].Values[DefaultFacetSize:] {
		rest += v.Count
	}
	for _, r := range []response{
		f.get(APIPrefix + "/search?facets=official"),
		f.do("POST", APIPrefix+"/search", strings.NewReader(`{"facets":["official"]}`), "Content-Type", "application/json"),
	} {
		var def SearchResponse
		r.decode(t, &def)
		if DefaultFacetSize != 20 || len(def.Facets) != 1 || !slices.Equal(def.Facets[0].Values, all.Facets[0].Values[:DefaultFacetSize]) || def.Facets[0].Other != rest {
			t.Errorf("default facet size: %+v; want the first 20 of %d values and %d in other", def.Facets, len(all.Facets[0].Values), rest)
		}
	}
	for _, bad := range []string{"0", "1001", "x"} {
		r := f.get(APIPrefix + "/search?facets=official&facet_size=" + bad)
		if r.status != http.StatusBadRequest || !strings.Contains(string(r.body), `"facet_size"`) {
			t.Errorf("facet_size=%s: %d %s", bad, r.status, r.body)
		}
	}
}

// Part of a title several plans share lists those plans, with the stages
// of each.
func TestPlanHistoryOfSeveral(t *testing.T) {
	f := newFixture(t, Options{}, 3)
	var got DecisionsResponse
	r := f.get("/api/v1/decisions?plan=" + url.QueryEscape("防汛工作第"))
	r.decode(t, &got)
	if r.status != 200 || got.Plan == nil {
		t.Fatalf("%d %s", r.status, r.body)
	}
	want := []string{"防汛工作第0号报告", "防汛工作第1号报告", "防汛工作第2号报告"}
	if !slices.Equal(got.Plan.Plans, want) || got.Plan.Key != "防汛工作第" || len(got.Plan.Stages) != 3 {
		t.Errorf("plans %q, key %q, %d stages; want %q, 防汛工作第, 3", got.Plan.Plans, got.Plan.Key, len(got.Plan.Stages), want)
	}
}

// The embedded sample gives way to the user's own documents: an upload of
// them removes the sample's meetings; an upload of the sample itself does
// not.
func TestUploadRemovesSample(t *testing.T) {
	f := newFixture(t, Options{Token: testToken}, 0)
	ctx := context.Background()
	var srcs []index.Source
	for _, sf := range sample.Files()[1:4] { // three generated meetings
		srcs = append(srcs, index.BytesSource(sf.Name, sf.Data))
	}
	if sum, err := f.idx.Load(ctx, srcs, index.LoadOptions{}); err != nil || sum.Added != 3 {
		t.Fatalf("load the sample: %+v, %v", sum, err)
	}
	auth := []string{"Authorization", "Bearer " + testToken}
	edited := bytes.Replace(readSeed(t), []byte("氢能"), []byte("氫能"), 1)
	r := f.do("POST", "/api/v1/documents?name="+url.QueryEscape("mine.txt"), bytes.NewReader(edited), auth...)
	var got UploadResponse
	r.decode(t, &got)
	if r.status != 200 || got.Added != 1 || got.SampleRemoved != 3 {
		t.Fatalf("upload: %d %s", r.status, r.body)
	}
	if ids, err := f.idx.MeetingsFromPrefix(ctx, sample.Prefix); err != nil || len(ids) != 0 {
		t.Errorf("sample meetings left: %v %v", ids, err)
	}
}

// A meeting whose text is longer than an answer carries is answered in
// parts, each at most index.MaxTextWindow bytes of text, flagged, with the
// next part's URL and the original's; the parts make the whole text. A
// meeting of usual length is answered whole, its items with their texts.
func TestMeetingTextInParts(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	para := "会议审议通过了《苏州市氢能及燃料电池产业发展规划》，由市工信局牵头落实。\n"
	text := "苏州市人民政府第99次常务会议纪要\n" + strings.Repeat(para, 2*index.MaxTextWindow/len(para)+1000)
	item := "一、" + para
	text += item
	rec := &ingest.Minutes{ID: "abcd0000000000aa", Source: "long.txt", SHA256: "long", Format: "text", Script: "simplified",
		Issuer: "苏州市人民政府", Title: "苏州市人民政府第99次常务会议纪要", Text: text,
		Items: []ingest.Item{{No: 1, Title: "审议规划", Text: item, Start: len(text) - len(item), End: len(text)}}}
	if err := f.idx.Put(context.Background(), []*ingest.Minutes{rec}); err != nil {
		t.Fatal(err)
	}
	var whole strings.Builder
	next := "/api/v1/meetings/" + rec.ID
	for parts := 0; next != ""; parts++ {
		if parts > 3 {
			t.Fatalf("more than 3 parts of a text of %d bytes", len(text))
		}
		r := f.get(next)
		var got MeetingResponse
		r.decode(t, &got)
		if r.status != 200 || !got.TextTruncated || got.TextWindow == nil || got.Original != "/api/v1/meetings/"+rec.ID+"/source" {
			t.Fatalf("GET %s: %d, truncated %v, window %+v, original %q", next, r.status, got.TextTruncated, got.TextWindow, got.Original)
		}
		if n := len(got.Meeting.Text); n > index.MaxTextWindow || len(r.body) > index.MaxTextWindow+64<<10 {
			t.Errorf("GET %s: %d bytes of text in an answer of %d", next, n, len(r.body))
		}
		if w := got.TextWindow; w.From != whole.Len() || w.To-w.From != len(got.Meeting.Text) || w.Total != len(text) {
			t.Errorf("GET %s: window %+v after %d bytes", next, w, whole.Len())
		}
		if got.Meeting.Items[0].Text != "" || got.Meeting.Items[0].End != len(text) {
			t.Errorf("GET %s: item %+v", next, got.Meeting.Items[0])
		}
		whole.WriteString(got.Meeting.Text)
		next = got.TextNext
	}
	if whole.String() != text {
		t.Errorf("the parts make %d bytes, not the text's %d", whole.Len(), len(text))
	}

	r := f.get("/api/v1/meetings/" + f.seedID)
	var seed MeetingResponse
	r.decode(t, &seed)
	if r.status != 200 || seed.TextTruncated || seed.TextWindow != nil || seed.TextNext != "" || len(seed.Meeting.Items) == 0 || seed.Meeting.Items[0].Text == "" {
		t.Errorf("a meeting of usual length: %d, truncated %v, window %+v, next %q", r.status, seed.TextTruncated, seed.TextWindow, seed.TextNext)
	}
	for _, from := range []string{"-1", "99999999", "x"} {
		var e errBody
		r := f.get("/api/v1/meetings/" + rec.ID + "?text_from=" + from)
		r.decode(t, &e)
		if r.status != 400 || e.Error.Param != "text_from" {
			t.Errorf("text_from=%s: %d %+v", from, r.status, e)
		}
	}
}

// fixtureWithPages is a fixture whose server also serves the web pages,
// over an empty index of their own.
func fixtureWithPages(t *testing.T) *fixture {
	t.Helper()
	idx, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	pages, err := web.New(idx, web.Options{APIPrefix: APIPrefix})
	if err != nil {
		t.Fatal(err)
	}
	return newFixture(t, Options{Pages: pages}, 0)
}

// TestGenreFacet counts and filters hits by the kind of record (genre),
// through the query string and the JSON body, at the meeting and item
// levels.
func TestGenreFacet(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	release := planRecords()[0]
	release.ID, release.Source, release.SHA256, release.Genre = "aaaa000000000009", "hz/9.txt", "p9", ingest.GenreRelease
	if err := f.idx.Put(context.Background(), []*ingest.Minutes{release}); err != nil {
		t.Fatal(err)
	}
	var all SearchResponse
	f.get("/api/v1/search?facets=genre").decode(t, &all)
	// The seed is read as minutes, the release is one; the hand-made
	// plan records have no genre.
	want := []Facet{{Name: "genre", Values: []FacetValue{{"minutes", 1}, {"release", 1}}}}
	if diff := cmp.Diff(want, all.Facets); diff != "" {
		t.Errorf("genre facet of every meeting (-want +got):\n%s", diff)
	}

	var got SearchResponse
	f.get("/api/v1/search?genre=release&facets=genre,issuer").decode(t, &got)
	want = []Facet{
		{Name: "genre", Values: []FacetValue{{"release", 1}}},
		{Name: "issuer", Values: []FacetValue{{"杭州市人民政府", 1}}},
	}
	if got.Total != 1 || len(got.Hits) != 1 || got.Hits[0].ID != release.ID {
		t.Errorf("genre=release: %d hits %+v, want %s alone", got.Total, got.Hits, release.ID)
	}
	if diff := cmp.Diff(want, got.Facets); diff != "" {
		t.Errorf("facets of genre=release (-want +got):\n%s", diff)
	}

	// Items carry their meeting's genre: the seed's items and the
	// release's, counted by genre.
	var items, seedItems SearchResponse
	f.get("/api/v1/search?level=item&genre=release&genre=minutes&facets=genre").decode(t, &items)
	f.get("/api/v1/search?level=item&issuer="+url.QueryEscape("苏州市人民政府")).decode(t, &seedItems)
	wantItems := []Facet{{Name: "genre", Values: []FacetValue{{"minutes", int(seedItems.Total)}, {"release", len(release.Items)}}}}
	if diff := cmp.Diff(wantItems, items.Facets); diff != "" || seedItems.Total == 0 || items.Total != seedItems.Total+uint64(len(release.Items)) {
		t.Errorf("items of release or minutes: %d, want %d + %d; facets (-want +got):\n%s", items.Total, seedItems.Total, len(release.Items), diff)
	}

	body, _ := json.Marshal(SearchBody{Filters: FiltersBody{Values: map[string][]string{"genre": {"release"}}}, Facets: []string{"genre", "issuer"}})
	var post SearchResponse
	r := f.do(http.MethodPost, "/api/v1/search", bytes.NewReader(body), "Content-Type", "application/json")
	if r.status != 200 {
		t.Fatalf("POST genre: %d %s", r.status, r.body)
	}
	r.decode(t, &post)
	post.TookMS, got.TookMS = 0, 0
	if diff := cmp.Diff(got, post); diff != "" {
		t.Errorf("POST genre differs from GET (-get +post):\n%s", diff)
	}

	if r := f.get("/api/v1/search?genre=pamphlet"); r.status != 200 || !strings.Contains(string(r.body), `"total":0`) {
		t.Errorf("an unknown genre: %d %s, want no hits", r.status, r.body)
	}
}
