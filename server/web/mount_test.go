package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/server"
	"github.com/jiyao-search/jiyao/server/web"
)

func TestMain(m *testing.M) {
	server.ReleaseMode() // as cmd/jiyao's main does
	os.Exit(m.Run())
}

// mounted is the API's router with the pages behind it, as `jiyao serve`
// mounts them.
func mounted(t testing.TB, idx *index.Index) http.Handler {
	t.Helper()
	pages, err := web.New(idx, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	api, err := server.New(idx, server.Options{Pages: pages, RateLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// TestMountedUnderServer checks the pages behind the API's router, as
// `jiyao serve` mounts them: statuses survive gin's NoRoute (which starts
// at 404) and the API keeps its paths.
func TestMountedUnderServer(t *testing.T) {
	idx, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	api := mounted(t, idx)
	for _, tc := range []struct {
		path   string
		status int
		ctype  string
	}{
		{"/", http.StatusOK, "text/html"},
		{"/?sort=sideways", http.StatusBadRequest, "text/html"},
		{"/meetings/0000000000000000", http.StatusNotFound, "text/html"},
		{"/static/style.css", http.StatusOK, "text/css"},
		{"/api/v1/nowhere", http.StatusNotFound, "application/json"},
	} {
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, httptest.NewRequestWithContext(context.Background(), http.MethodGet, tc.path, nil))
		if rec.Code != tc.status || !strings.HasPrefix(rec.Header().Get("Content-Type"), tc.ctype) {
			t.Errorf("GET %s: %d %s, want %d %s", tc.path, rec.Code, rec.Header().Get("Content-Type"), tc.status, tc.ctype)
		}
	}
}
