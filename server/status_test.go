package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// halfClosed sends a GET over a real loopback connection, closes its
// writing half at once, as a client that gives up does, and returns the
// status it reads back (0 if none).
func halfClosed(t *testing.T, base, target string) int {
	t.Helper()
	u, _ := url.Parse(base)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", target, u.Host)
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(20 * time.Second)) // a hang fails, not blocks
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// accessLines returns the access log's lines for a route.
func accessLines(t *testing.T, log, route string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(log) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %v: %s", err, line)
		}
		if m["msg"] == "request" && m["route"] == route {
			out = append(out, m)
		}
	}
	return out
}

// A client that half-closes its socket while its request is served or
// waits for a slot gets 499; the access log says 499 and client_gone at
// INFO, nothing is logged at ERROR, and the metrics count no 5xx.
func TestClientGone(t *testing.T) {
	f := newFixture(t, Options{MaxInFlight: 1, QueueWait: time.Minute}, 0)
	entered := make(chan struct{}, 2)
	release := make(chan struct{})
	// hold is an endpoint busy until released or until its client goes.
	f.srv.engine.GET(APIPrefix+"/hold", f.srv.handle(func(c *gin.Context) error {
		entered <- struct{}{}
		select {
		case <-release:
			writeJSON(c, http.StatusOK, HealthResponse{Status: "ok"})
			return nil
		case <-c.Request.Context().Done():
			return fmt.Errorf("hold: %w", c.Request.Context().Err())
		}
	}))
	ts := httptest.NewServer(f.srv)
	defer ts.Close()

	// While its handler works.
	if st := halfClosed(t, ts.URL, APIPrefix+"/hold"); st != statusClientClosed {
		t.Errorf("half-closed during the handler: status %d; want %d", st, statusClientClosed)
	}
	<-entered

	// While it waits for the one slot, which a normal request holds.
	held := make(chan int, 1)
	go func() {
		resp, err := http.Get(ts.URL + APIPrefix + "/hold")
		if err != nil {
			t.Error(err)
			held <- 0
			return
		}
		resp.Body.Close()
		held <- resp.StatusCode
	}()
	<-entered
	if st := halfClosed(t, ts.URL, APIPrefix+"/search?q="+url.QueryEscape("氢能")); st != statusClientClosed {
		t.Errorf("half-closed while queued: status %d; want %d", st, statusClientClosed)
	}
	close(release)
	if st := <-held; st != http.StatusOK {
		t.Errorf("the request holding the slot: %d", st)
	}

	log := f.log.String()
	for _, route := range []string{APIPrefix + "/hold", APIPrefix + "/search"} {
		var gone int
		for _, m := range accessLines(t, log, route) {
			if m["status"] == float64(statusClientClosed) {
				gone++
				if m["level"] != "INFO" || m["client_gone"] != true {
					t.Errorf("%s: access log %v", route, m)
				}
			}
		}
		if gone != 1 {
			t.Errorf("%s: %d access lines with status 499; want 1:\n%s", route, gone, log)
		}
	}
	if strings.Contains(log, `"level":"ERROR"`) {
		t.Errorf("a client going away was logged as an error:\n%s", log)
	}
	var metrics strings.Builder
	f.srv.metrics.write(&metrics)
	if !strings.Contains(metrics.String(), `route="/api/v1/search",method="GET",code="499"} 1`) {
		t.Errorf("metrics lack the 499 of search:\n%s", metrics.String())
	}
	if strings.Contains(metrics.String(), `code="5`) {
		t.Errorf("metrics count a 5xx:\n%s", metrics.String())
	}
}

// The errors that say the client went away, and one that does not.
func TestClientGoneErrors(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("search: %w", context.Canceled), true},
		{&net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", syscall.EPIPE)}, true},
		{&net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", syscall.ECONNRESET)}, true},
		{fmt.Errorf("search: %w", context.DeadlineExceeded), false},
		{errors.New("disk full"), false},
	} {
		if got := clientGone(tt.err); got != tt.want {
			t.Errorf("clientGone(%v) = %v; want %v", tt.err, got, tt.want)
		}
		if got := toAPIError(tt.err) == errClientGone; got != tt.want {
			t.Errorf("toAPIError(%v) = %+v", tt.err, toAPIError(tt.err))
		}
	}
}

// Paths that are not valid UTF-8, hold control characters or dot segments
// are a 400 in the error shape, under /static/ and the pages alike; a
// missing static file is the pages' 404; none is a 500.
func TestBadPaths(t *testing.T) {
	f := fixtureWithPages(t)
	for _, tt := range []struct {
		target string
		status int
	}{
		{"/static/%FF", 400},
		{"/static/%C0%AF", 400},
		{"/static/style.css%FF", 400},
		{"/static/a%00b.css", 400},
		{"/static/%0Astyle.css", 400},
		{"/static/..%2Fstatic%2Fstyle.css", 400},
		{"/static/.%2Fstyle.css", 400},
		{"/officials/%FF%FE", 400},
		{"/%E4%B8", 400},
		{"/static/nothing.css", 404},
		{"/static/style.css", 200},
	} {
		r := f.get(tt.target)
		ct := r.header.Get("Content-Type")
		if r.status != tt.status {
			t.Errorf("GET %s: %d %s; want %d: %.200s", tt.target, r.status, ct, tt.status, r.body)
			continue
		}
		switch tt.status {
		case 400:
			var e errBody
			r.decode(t, &e)
			if e.Error.Code != "invalid_path" || e.Error.Param != "path" {
				t.Errorf("GET %s: %+v", tt.target, e)
			}
		case 404:
			if !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: a 404 of type %s, not the pages' own: %.200s", tt.target, ct, r.body)
			}
		}
	}
}
