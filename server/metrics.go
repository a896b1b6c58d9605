package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// metrics counts requests by route, method and status, and their latency
// by route and method, for the Prometheus text format.
type metrics struct {
	mu       sync.Mutex
	requests map[reqKey]uint64
	latency  map[latKey]*histogram
}

type reqKey struct {
	route, method string
	code          int
}

type latKey struct{ route, method string }

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{requests: map[reqKey]uint64{}, latency: map[latKey]*histogram{}}
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, method, code}]++
	k := latKey{route, method}
	h := m.latency[k]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[k] = h
	}
	i, _ := slices.BinarySearch(latencyBuckets, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

// write writes the request metrics in the Prometheus text format, in a
// stable order.
func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP jiyao_http_requests_total HTTP requests answered, by route, method and status code.")
	fmt.Fprintln(w, "# TYPE jiyao_http_requests_total counter")
	rks := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		rks = append(rks, k)
	}
	slices.SortFunc(rks, func(a, b reqKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		if c := strings.Compare(a.method, b.method); c != 0 {
			return c
		}
		return a.code - b.code
	})
	for _, k := range rks {
		fmt.Fprintf(w, "jiyao_http_requests_total{route=%s,method=%s,code=\"%d\"} %d\n", quoteLabel(k.route), quoteLabel(k.method), k.code, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP jiyao_http_request_duration_seconds Time to answer HTTP requests, by route and method.")
	fmt.Fprintln(w, "# TYPE jiyao_http_request_duration_seconds histogram")
	lks := make([]latKey, 0, len(m.latency))
	for k := range m.latency {
		lks = append(lks, k)
	}
	slices.SortFunc(lks, func(a, b latKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		return strings.Compare(a.method, b.method)
	})
	for _, k := range lks {
		h := m.latency[k]
		labels := "route=" + quoteLabel(k.route) + ",method=" + quoteLabel(k.method)
		var cum uint64
		for i, ub := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "jiyao_http_request_duration_seconds_bucket{%s,le=\"%s\"} %d\n", labels, strconv.FormatFloat(ub, 'g', -1, 64), cum)
		}
		cum += h.counts[len(latencyBuckets)]
		fmt.Fprintf(w, "jiyao_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", labels, cum)
		fmt.Fprintf(w, "jiyao_http_request_duration_seconds_sum{%s} %s\n", labels, strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(w, "jiyao_http_request_duration_seconds_count{%s} %d\n", labels, h.n)
	}
}

// quoteLabel quotes a label value as the text format wants.
func quoteLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// getMetrics serves GET /metrics.
func (s *Server) getMetrics(c *gin.Context) error {
	var b strings.Builder
	s.metrics.write(&b)
	if s.idx != nil {
		ctx, cancel := context.WithTimeout(c.Request.Context(), 5*time.Second)
		defer cancel()
		st, err := s.idx.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintln(&b, "# HELP jiyao_index_documents Documents in the index, by level.")
		fmt.Fprintln(&b, "# TYPE jiyao_index_documents gauge")
		fmt.Fprintf(&b, "jiyao_index_documents{level=\"meeting\"} %d\n", st.Meetings)
		fmt.Fprintf(&b, "jiyao_index_documents{level=\"item\"} %d\n", st.Items)
		fmt.Fprintf(&b, "jiyao_index_documents{level=\"decision\"} %d\n", st.Decisions)
		fmt.Fprintln(&b, "# HELP jiyao_index_size_bytes Size of the index directory on disk.")
		fmt.Fprintln(&b, "# TYPE jiyao_index_size_bytes gauge")
		fmt.Fprintf(&b, "jiyao_index_size_bytes %d\n", st.SizeBytes)
	}
	fmt.Fprintln(&b, "# HELP jiyao_ready Whether the server reports ready (1) or not (0).")
	fmt.Fprintln(&b, "# TYPE jiyao_ready gauge")
	ready := 0
	if s.ready.Load() {
		ready = 1
	}
	fmt.Fprintf(&b, "jiyao_ready %d\n", ready)
	fmt.Fprintln(&b, "# HELP jiyao_uptime_seconds Seconds since the server started.")
	fmt.Fprintln(&b, "# TYPE jiyao_uptime_seconds gauge")
	fmt.Fprintf(&b, "jiyao_uptime_seconds %s\n", strconv.FormatFloat(time.Since(s.started).Seconds(), 'f', 3, 64))
	fmt.Fprintln(&b, "# HELP jiyao_goroutines Goroutines of the process.")
	fmt.Fprintln(&b, "# TYPE jiyao_goroutines gauge")
	fmt.Fprintf(&b, "jiyao_goroutines %d\n", runtime.NumGoroutine())
	c.Data(http.StatusOK, "text/plain; version=0.0.4; charset=utf-8", []byte(b.String()))
	return nil
}
