package bench

import (
	"context"
	"strings"
	"testing"
)

// The load is sent to loopback only: a server elsewhere is refused before
// any request.
func TestLoadLoopbackOnly(t *testing.T) {
	stopped := false
	_, err := RunLoad(context.Background(), LoadConfig{Docs: 3, Dir: t.TempDir(),
		Serve: func(context.Context, string, string) (*LoadServer, error) {
			return &LoadServer{URL: "http://192.0.2.1:8080", Stop: func() error { stopped = true; return nil }}, nil
		}})
	if err == nil || !strings.Contains(err.Error(), "loopback") || !stopped {
		t.Errorf("load against a server elsewhere: %v (stopped %v)", err, stopped)
	}
	for _, base := range []string{"http://127.0.0.1:1", "http://[::1]:1"} {
		if err := checkLoopback(base); err != nil {
			t.Errorf("%s: %v", base, err)
		}
	}
}
