package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// TestSearchWhileWriting runs searches, exports and reads while uploads,
// direct Puts and deletes change the index. Run it with -race.
func TestSearchWhileWriting(t *testing.T) {
	f := newFixture(t, Options{Token: testToken}, 20)
	auth := []string{"Authorization", "Bearer " + testToken}
	seed := string(readSeed(t))
	var wg sync.WaitGroup
	errs := make(chan string, 1000)
	fail := func(format string, args ...any) {
		select {
		case errs <- fmt.Sprintf(format, args...):
		default:
		}
	}
	const writers, readers, rounds = 3, 6, 8
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				doc := strings.Replace(seed, "氢能", fmt.Sprintf("氢能%d号%d", w, i), 1)
				r := f.do("POST", fmt.Sprintf("/api/v1/documents?name=w%d-%d.txt", w, i), strings.NewReader(doc), auth...)
				if r.status != http.StatusOK {
					fail("upload: %d %.200s", r.status, r.body)
				}
				if err := f.idx.Put(t.Context(), synthetic(20 + w*rounds + i)[20+w*rounds+i-1:]); err != nil {
					fail("put: %v", err)
				}
			}
		}()
	}
	targets := []string{
		"/api/v1/search?q=" + url.QueryEscape("氢能") + "&facets=issuer,year",
		"/api/v1/search?q=" + url.QueryEscape("防汛") + "&level=decision&sort=date",
		"/api/v1/export?q=" + url.QueryEscape("防汛") + "&format=jsonl",
		"/api/v1/officials?prefix=" + url.QueryEscape("刘"),
		"/api/v1/suggest?q=" + url.QueryEscape("苏州"),
		"/api/v1/decisions?plan=" + url.QueryEscape("苏州市氢能及燃料电池产业发展规划"),
		"/metrics",
		"/readyz",
	}
	for r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds * 2 {
				target := targets[(r+i)%len(targets)]
				if resp := f.get(target); resp.status != http.StatusOK {
					fail("GET %s: %d %.200s", target, resp.status, resp.body)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	var res SearchResponse
	f.get("/api/v1/search?q="+url.QueryEscape("氢能")+"&size=100").decode(t, &res)
	if want := uint64(1 + writers*rounds); res.Total != want {
		t.Errorf("after the writes: %d meetings mention 氢能, want %d", res.Total, want)
	}
}
