package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// Keys of values kept in the gin context.
const (
	ctxRequestID = "jiyao.request_id"
	// ctxClientGone is set when the request failed because its client
	// went away.
	ctxClientGone = "jiyao.client_gone"
)

// requestIDHeader carries the request id both ways.
const requestIDHeader = "X-Request-ID"

// writeJSON writes v as JSON without escaping <, > and & (snippets carry
// <mark>).
func writeJSON(c *gin.Context, status int, v any) {
	c.Header("Content-Type", "application/json; charset=utf-8")
	c.Status(status)
	enc := json.NewEncoder(c.Writer)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		_ = c.Error(err)
	}
}

// headers sets what every answer says, whatever answers it (an endpoint,
// a page, a static file, an error): X-Content-Type-Options: nosniff, so
// that no browser takes a JSON answer, an original file or an error for a
// page or a script of this origin.
func (s *Server) headers(c *gin.Context) {
	c.Header("X-Content-Type-Options", "nosniff")
	c.Next()
}

// requestID takes a well-formed X-Request-ID from the client or makes one,
// and returns it in the response header.
func (s *Server) requestID(c *gin.Context) {
	id := c.GetHeader(requestIDHeader)
	if !validRequestID(id) {
		var b [8]byte
		_, _ = rand.Read(b[:])
		id = hex.EncodeToString(b[:])
	}
	c.Set(ctxRequestID, id)
	c.Header(requestIDHeader, id)
	c.Next()
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// routeLabel is the route template of a request, for logs and metrics,
// with a fixed value for requests that match none.
func routeLabel(c *gin.Context) string {
	if r := c.FullPath(); r != "" {
		return r
	}
	return "unmatched"
}

// isProbe reports whether a path is a health probe or the metrics, which
// are not rate limited and logged at debug level.
func isProbe(path string) bool {
	switch path {
	case "/healthz", "/readyz", "/metrics", APIPrefix + "/healthz", APIPrefix + "/readyz":
		return true
	}
	return false
}

// accessLog logs every request once it is answered and counts it in the
// metrics. A request whose client went away is logged and counted with
// status 499 whatever was written before, at INFO: the client's doing, not
// the server's failure.
func (s *Server) accessLog(c *gin.Context) {
	start := time.Now()
	// The connection's context: limits replaces the request's with one it
	// cancels when the handler returns.
	ctx := c.Request.Context()
	c.Next()
	d := time.Since(start)
	route := routeLabel(c)
	status := c.Writer.Status()
	gone := c.GetBool(ctxClientGone)
	for _, e := range c.Errors {
		gone = gone || clientGone(e.Err) // writing the answer failed
	}
	if status >= 500 && errors.Is(ctx.Err(), context.Canceled) {
		gone = true // a page whose search the client's leaving canceled
	}
	if gone {
		status = statusClientClosed
	}
	s.metrics.observe(route, c.Request.Method, status, d)
	level := slog.LevelInfo
	if isProbe(c.Request.URL.Path) {
		level = slog.LevelDebug
	}
	attrs := []slog.Attr{
		slog.String("request_id", c.GetString(ctxRequestID)),
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Int("bytes", c.Writer.Size()),
		slog.Float64("ms", float64(d.Microseconds())/1000),
		slog.String("client", c.ClientIP()),
	}
	if gone {
		attrs = append(attrs, slog.Bool("client_gone", true))
	}
	s.log.LogAttrs(ctx, level, "request", attrs...)
}

// recover turns a panic in a handler into a 500 in the error shape.
func (s *Server) recover(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic", "request_id", c.GetString(ctxRequestID), "path", c.Request.URL.Path,
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			s.fail(c, errInternal)
		}
	}()
	c.Next()
}

// cors opens GET (and HEAD) to every origin; other methods get no CORS
// headers, so browsers on other origins cannot write.
func (s *Server) cors(c *gin.Context) {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead:
		c.Header("Access-Control-Allow-Origin", "*")
		c.Header("Access-Control-Expose-Headers", requestIDHeader+", Retry-After")
	case http.MethodOptions:
		if c.GetHeader("Origin") != "" && c.GetHeader("Access-Control-Request-Method") != "" {
			c.Header("Access-Control-Allow-Origin", "*")
			c.Header("Access-Control-Allow-Methods", "GET, HEAD")
			c.Header("Access-Control-Max-Age", "86400")
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
	}
	c.Next()
}

// rateLimit answers 429 to a client address that has spent its bucket.
func (s *Server) rateLimit(c *gin.Context) {
	if s.limiter == nil || isProbe(c.Request.URL.Path) {
		c.Next()
		return
	}
	if ok, wait := s.limiter.allow(c.ClientIP(), time.Now()); !ok {
		c.Header("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
		s.fail(c, errRateLimited)
		return
	}
	c.Next()
}

// inFlight bounds the requests served at once: a request waits for a slot
// up to QueueWait (or its own deadline), then is answered 503 busy with a
// Retry-After, so that under a flood the requests served stay fast and the
// rest are told to come back rather than all timing out.
func (s *Server) inFlight(c *gin.Context) {
	if s.slots == nil || isProbe(c.Request.URL.Path) {
		c.Next()
		return
	}
	select {
	case s.slots <- struct{}{}:
	default:
		t := time.NewTimer(s.opts.QueueWait)
		select {
		case s.slots <- struct{}{}:
			t.Stop()
		case <-t.C:
			c.Header("Retry-After", "1")
			s.fail(c, errBusy)
			return
		case <-c.Request.Context().Done():
			t.Stop()
			if errors.Is(c.Request.Context().Err(), context.Canceled) {
				s.fail(c, errClientGone)
			} else {
				s.fail(c, errBusy)
			}
			return
		}
	}
	defer func() { <-s.slots }()
	c.Next()
}

// limits bounds the request body and, except for exports, the request
// time.
func (s *Server) limits(c *gin.Context) {
	limit := int64(maxBodyBytes)
	if c.FullPath() == APIPrefix+"/documents" {
		limit = s.opts.MaxUploadBytes
	}
	if c.Request.ContentLength > limit {
		s.fail(c, &http.MaxBytesError{Limit: limit})
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	if c.FullPath() == APIPrefix+"/export" {
		c.Next()
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.opts.RequestTimeout)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}
